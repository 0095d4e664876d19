"""Interactive controls for the notebooks. The only module that imports ipywidgets.

Each builder returns an object whose controls are attributes (``.lang``,
``.region``, ``.year`` ...) so tests can set ``.value`` and check what changed,
and whose ``.container`` is what the notebook displays.  One ``_update`` path per
explorer: controls -> one package call -> redraw with ``clear_output(wait=True)``.
Data are loaded and precomputed once, in the builder; ``_update`` only filters
and draws.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

import ipywidgets as W
import matplotlib.pyplot as plt
import pandas as pd

from . import data as kzdata
from . import i18n, plots, structure

__all__ = ["language_toggle", "GrpStructureExplorer", "IndexPage", "NOTEBOOKS"]

#: The workbook's notebooks, in order: (file name, i18n key prefix, paper followed).
NOTEBOOKS: tuple[tuple[str, str, str], ...] = (
    ("01_cluster_potential.ipynb", "nb_01", "seeds 000, 001, 002"),
    ("02_ict_clusters.ipynb", "nb_02", "seed 003"),
    ("03_msme_integration.ipynb", "nb_03", "seed 004"),
    ("04_productivity.ipynb", "nb_04", "seed 004"),
    ("05_industry_priorities.ipynb", "nb_05", "seed 004"),
)
_NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"


def figure_png(fig) -> bytes:
    """Render a matplotlib figure to PNG bytes and close it (charts are shown as images).

    Parameters
    ----------
    fig : matplotlib.figure.Figure

    Returns
    -------
    bytes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> figure_png(plt.figure(figsize=(1, 1)))[:4]
    b'\\x89PNG'
    """
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def language_toggle(value: str = i18n.DEFAULT_LANG) -> W.ToggleButtons:
    """Kazakh / Russian / English switch; each option is labelled in its own language.

    Parameters
    ----------
    value : {"kk", "ru", "en"}
        Initial language.

    Returns
    -------
    ipywidgets.ToggleButtons

    Examples
    --------
    >>> tog = language_toggle("kk")
    >>> [v for _, v in tog.options], tog.value
    (['kk', 'ru', 'en'], 'kk')
    """
    return W.ToggleButtons(options=[(i18n.t(f"lang_native_{c}", "en"), c) for c in i18n.LANGS], value=value,
                           style={"button_width": "auto"}, layout=W.Layout(width="auto"))


class GrpStructureExplorer:
    """Structure of a region's GRP by OKED section in a chosen year (BNS 5927).

    Controls: ``lang`` (kk/ru/en), ``region`` (codes; labels in the current
    language), ``year`` (slider, sends its value on release).  Shares are
    computed once for every region and year with :func:`kzclusters.structure.shares`
    on the 20-unit frame; moving a control only filters and redraws.

    Parameters
    ----------
    lang : {"kk", "ru", "en"}
    region : str
        Initial region code (``"KZ"`` for the republic).
    year : int, optional
        Initial year; the latest by default.
    lang_control : ipywidgets.ToggleButtons, optional
        A language toggle shared with the rest of the page.

    Examples
    --------
    >>> ex = GrpStructureExplorer(lang="en", region="KRG", year=2018)
    >>> ex.view().iloc[0][["sector", "share"]].tolist()[0]
    'C'
    >>> before = ex.chart.value
    >>> ex.year.value = 2024
    >>> int(ex.view()["year"].iloc[0]), ex.chart.value != before
    (2024, True)
    """

    def __init__(self, lang: str = i18n.DEFAULT_LANG, region: str = "KZ", year: int | None = None,
                 lang_control: W.ToggleButtons | None = None):
        grp = kzdata.harmonise(kzdata.load("grp_gva"), "20")
        self._shares = structure.shares(grp)
        years = sorted(self._shares["year"].unique())
        self._regions_by_year = self._shares.groupby("year")["region"].unique().to_dict()
        self.lang = lang_control or language_toggle(lang)
        self.year = W.IntSlider(min=years[0], max=years[-1], value=year or years[-1], step=1,
                                continuous_update=False, layout=W.Layout(width="100%", max_width="520px"))
        self.region = W.Dropdown(layout=W.Layout(width="100%", max_width="420px"))
        self._set_region_options(region)
        self.title = W.HTML()
        self.chart = W.Image(format="png", layout=W.Layout(width="100%", max_width="820px", height="auto"))
        self._busy = False
        for control in (self.lang, self.year, self.region):
            control.observe(self._on_change, names="value")
        self.container = W.VBox([self.title, W.HBox([self.region], layout=W.Layout(flex_flow="row wrap")),
                                 self.year, self.chart], layout=W.Layout(width="100%"))
        self._update()

    # -- state -------------------------------------------------------------
    def _set_region_options(self, keep: str) -> None:
        codes = list(self._regions_by_year[self.year.value])
        order = ["KZ"] + sorted((c for c in codes if c != "KZ"),
                                key=lambda c: i18n.region_name(c, self.lang.value, short=True))
        self.region.options = [(i18n.region_name(c, self.lang.value, short=True), c) for c in order]
        self.region.value = keep if keep in order else "KZ"

    def view(self) -> pd.DataFrame:
        """The table behind the chart: one row per component, with labels in the current language."""
        sel = self._shares[(self._shares["region"] == self.region.value) & (self._shares["year"] == self.year.value)]
        sel = kzdata.label(sel, self.lang.value)
        return sel.sort_values("share", ascending=False).reset_index(drop=True)

    # -- wiring ------------------------------------------------------------
    def _on_change(self, change) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            if change["owner"] is not self.region:
                self._set_region_options(self.region.value)
        finally:
            self._busy = False
        self._update()

    def _update(self) -> None:
        lang = self.lang.value
        self.region.description = i18n.t("region", lang)
        self.year.description = i18n.t("year", lang)
        self.region.style = self.year.style = {"description_width": "initial"}
        view = self.view()
        title = i18n.t("chart_grp_structure_title", lang,
                       region=i18n.region_name(self.region.value, lang, short=True), year=self.year.value)
        self.title.value = f"<h3 style='margin:0.4em 0'>{html.escape(title)}</h3>"
        plots.theme()
        fig, ax = plt.subplots(figsize=(8, 0.32 * len(view) + 1.6))
        plots.bar_shares(view, label="sector_name", value="share", xlabel=i18n.t("axis_share_grp_pct", lang),
                         ax=ax)
        plots.source_note(fig, f"{i18n.t('badge_official', lang)} · {i18n.t('source_bns', lang)}", "official")
        fig.tight_layout(rect=(0, 0.04, 1, 1))
        self.chart.value = figure_png(fig)


class IndexPage:
    """The landing page: what the workbook is, its notebooks, and the GRP-structure chart.

    Everything on it is relabelled by the language toggle.

    Examples
    --------
    >>> page = IndexPage(lang="ru")
    >>> "Казахстан" in page.header.value
    True
    >>> page.lang.value = "kk"
    >>> page.explorer.region.description == kz.i18n.t("region", "kk")
    True
    """

    def __init__(self, lang: str = i18n.DEFAULT_LANG):
        self.lang = language_toggle(lang)
        self.header = W.HTML()
        self.notebooks = W.HTML()
        self.footer = W.HTML()
        self.explorer = GrpStructureExplorer(lang_control=self.lang)
        self.lang.observe(lambda _: self._relabel(), names="value")
        self.container = W.VBox([self.lang, self.header, self.notebooks, self.explorer.container, self.footer],
                                 layout=W.Layout(width="100%", max_width="980px"))
        self._relabel()

    def _relabel(self) -> None:
        lang = self.lang.value
        t = lambda key, **kw: html.escape(i18n.t(key, lang, **kw))  # noqa: E731
        self.header.value = (f"<h1 style='margin-bottom:0.2em'>{t('app_title')}</h1>"
                             f"<p style='font-size:1.05em'>{t('index_intro')}</p>")
        items = []
        for fname, key, seed in NOTEBOOKS:
            title = t(f"{key}_title")
            link = (f"<a href='{fname}'>{title}</a>" if (_NOTEBOOK_DIR / fname).exists()
                    else f"{title} <em>({t('coming_soon')})</em>")
            items.append(f"<li><b>{link}</b> <small>[{html.escape(seed)}]</small><br>{t(f'{key}_desc')} "
                         f"<small>{t(f'{key}_audience')}</small></li>")
        self.notebooks.value = f"<h2>{t('index_notebooks')}</h2><ol start='1'>{''.join(items)}</ol>" \
                               f"<h2>{t('index_example')}</h2>"
        self.footer.value = (f"<hr><p><small>{t('source_bns')}. {t('footer_data_licence')}: "
                             f"{t('licence_bns')}</small></p>")
