"""The notebooks of the workbook that the browser tests open, and where their controls are.

Every test in ``tests/browser/test_app.py`` runs once per entry of :data:`NOTEBOOKS`:
the landing page ``00_index.ipynb`` (with its GRP-structure explorer) and each
analysis notebook (its main explorer).

Adding a notebook
-----------------
When an analysis notebook ``notebooks/NN_name.ipynb`` is created, append an entry::

    Notebook(
        file="06_new.ipynb",
        scope=".kz-page:has(.kz-year)",          # the explorer's box: the selectors below are inside it
        slider=".kz-year",                       # an IntSlider whose change redraws `output`
        dropdown=".kz-region select",            # a <select> whose change redraws `output`
        output="img.kz-chart",                   # the element whose ``src`` must change
        heading=EXPLORER_HEADING,                # its text holds the year (and the region)
        heading_has_region=False,                # ... when it does not name the region
        csv_header=("region", "sector", "LQ"),   # the CSV's header: i18n keys (or literal text)
        csv_text_columns=2,                      # leading text columns; the others must be numbers
        share_params=("lang", "region", "year", "tab"),
        upload=False,                            # no upload panel
        known_issues=(("test_no_horizontal_overflow_on_phone", "why it fails"),),  # until fixed
    )

Only fields that differ from the defaults (the standard explorer of
:mod:`kzclusters.ui.kit`) need to be given; ``frame=None`` when there is no
frame toggle, ``csv_header=None`` when there is no CSV download.  Selectors
are CSS selectors (``:has`` allowed; they also go to ``document.querySelector``);
the classes are the ``kz-*`` contract of :mod:`kzclusters.ui.kit`.  The list must
match ``notebooks/*.ipynb`` exactly: a notebook without an entry, or an entry
without a notebook, fails ``test_every_served_notebook_has_an_entry``.

Examples
--------
>>> [nb.file for nb in NOTEBOOKS][:1]
['00_index.ipynb']
>>> NOTEBOOKS[0].url("http://127.0.0.1:8866", "lang=kk")
'http://127.0.0.1:8866/voila/render/00_index.ipynb?lang=kk'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Notebook", "NOTEBOOKS", "EXPLORER_HEADING"]

#: The explorer's title: an ``<h2>``/``<h3>`` in an HTML widget of the box that holds the chart.
EXPLORER_HEADING = ".widget-vbox:has(> .kz-chart) > .widget-html :is(h2, h3)"


@dataclass(frozen=True)
class Notebook:
    """One notebook of the workbook as the browser tests see it."""

    file: str
    """File name under ``notebooks/``."""
    scope: str = ".kz-page:has(.kz-year)"
    """The explorer's box; every selector below is looked up inside it (a page may hold several
    download bars or tables)."""
    slider: str = ".kz-year"
    """ipywidgets IntSlider (noUiSlider: its handle is ``<slider> .noUi-handle``)."""
    slider_label_key: str = "year"
    """i18n key of the slider's description (checked after a language switch)."""
    dropdown: str = ".kz-region select"
    """A ``<select>`` whose change redraws `output`."""
    dropdown_label_key: str | None = "region"
    """i18n key of the dropdown's description, or None."""
    output: str = "img.kz-chart"
    """The chart: an ``<img>`` whose ``src`` changes when the view changes."""
    heading: str = EXPLORER_HEADING
    """Element whose text contains the year (and the region's name, see `heading_has_region`)."""
    heading_has_region: bool = True
    """Whether the heading names the region chosen in `dropdown`."""
    table: str = ".kz-table-box .kz-table"
    """The numbers behind the chart (the CSV download has the same rows)."""
    frame: str | None = ".kz-frame"
    """Toggle of the administrative frame (20/17 regions), or None."""
    csv_header: tuple[str, ...] | None = ("sector", "unit_mln_kzt", "share_pct")
    """The CSV download's columns, in order: i18n keys (translated in the page's language) or literal
    text; None when there is no CSV download."""
    csv_text_columns: int = 1
    """How many leading CSV columns hold text; the others must parse as numbers."""
    share_params: tuple[str, ...] = ("lang", "frame", "region", "year")
    """Query parameters the share link must carry."""
    upload: bool = True
    """Whether the page has an upload panel (``.kz-upload``)."""
    known_issues: tuple[tuple[str, str], ...] = ()
    """(test name, reason) pairs: known bugs of this notebook, run as non-strict xfail until fixed
    (remove the pair once the test passes: pytest then reports it as XPASS)."""

    def sel(self, selector: str) -> str:
        """`selector` inside the explorer's box."""
        return f"{self.scope} {selector}"

    @property
    def id(self) -> str:
        """Test id, e.g. ``00_index``."""
        return self.file.removesuffix(".ipynb")

    def url(self, base: str, query: str = "") -> str:
        """The notebook's render URL on the server at `base`."""
        return f"{base}/voila/render/{self.file}" + (f"?{query}" if query else "")


NOTEBOOKS: list[Notebook] = [
    Notebook(file="00_index.ipynb"),
    Notebook(
        file="01_cluster_potential.ipynb",
        heading_has_region=False,               # the default tab (LQ heat map) shows every region
        csv_header=("region", "sector", "LQ"),
        csv_text_columns=2,
        share_params=("lang", "frame", "base", "region", "year", "years", "sector", "lq_min", "tab"),
        upload=False,
    ),
    Notebook(
        file="02_ict_clusters.ipynb",
        scope=".kz-section:has(.kz-measure)",   # the BNS section J explorer (the index explorer has no year slider:
        heading_has_region=False,               # its bulletins cover 2022 only); the bar view names no region
        csv_header=("region", "ict_col_gva", "ict_measure_share", "ict_measure_lq", "ict_measure_growth"),
        csv_text_columns=1,
        share_params=("lang", "frame", "region", "year", "years", "measure", "view"),
        upload=False,                           # the index explorer's upload is tested in tests/test_ui_ict.py
    ),
    Notebook(
        file="03_msme_integration.ipynb",
        scope=".kz-section:has(.kz-measure)",   # the BNS GRP explorer (the paper's sections cover 2023-2024 only)
        heading_has_region=False,
        csv_header=("region", "msme_col_grp", "msme_measure_grp_share", "msme_measure_real_growth",
                    "msme_measure_mfg_share"),
        csv_text_columns=1,
        share_params=("lang", "frame", "region", "year", "years", "measure", "view"),
        upload=False,                           # its uploads (step IV panel, cooperation values) are tested in
    ),                                          # tests/test_ui_msme.py
    Notebook(
        file="04_productivity.ipynb",
        scope=".kz-section:has(.kz-measure)",   # the regional explorer (GRP per employed, 2010-2025)
        heading_has_region=False,
        csv_header=("region", "msme_col_grp", "prod_col_employment", "prod_measure_level", "prod_measure_real"),
        csv_text_columns=1,
        share_params=("lang", "frame", "region", "year", "years", "measure", "view"),
        upload=False,
    ),
    Notebook(
        file="05_industry_priorities.ipynb",
        scope=".kz-section:has(.kz-objective)",  # the ranking explorer (BNS criteria by default)
        dropdown=".kz-objective select",          # objective weights: MEREC / entropy / CRITIC
        dropdown_label_key="prio_objective",
        heading_has_region=False,
        frame=None,
        csv_header=("prio_col_industry", "prio_col_score", "prio_col_rank", "prio_col_rank_p05", "prio_col_rank_p95"),
        csv_text_columns=1,
        share_params=("lang", "year", "objective", "blend", "method", "norm", "tab"),
        upload=False,                             # its upload (the criteria grid) is tested in test_ui_priorities.py
    ),
]
