"""Explorer: structure of a region's GRP by OKED section (BNS 5927), with upload, downloads and a share link."""

from __future__ import annotations

import functools
import html
import ipywidgets as W
import pandas as pd

from .. import data as kzdata
from .. import i18n, plots, structure
from . import state
from .kit import (Badge, ChartCache, DownloadBar, Progress, RegionPicker, ShareLink, UploadPanel, guarded,
                  html_table, year_slider)
from .shell import Page

__all__ = ["GrpStructureExplorer"]

_FRAMES = ("20", "17")


@functools.lru_cache(maxsize=1)
def builtin_shares() -> dict:
    """Shares of every section in GRP for every frame, region and year of the BNS data (computed once).

    Returns
    -------
    dict
        frame -> long frame from :func:`kzclusters.structure.shares`.

    Examples
    --------
    >>> sorted(builtin_shares())
    ['17', '20']
    """
    return GrpStructureExplorer._prepare(kzdata.load("grp_gva"))


class GrpStructureExplorer:
    """Share of each OKED section in a region's GRP in a chosen year.

    Shares are computed once for every region and year on both the 20-unit and
    the 17-unit frame (:func:`kzclusters.structure.shares` after
    :func:`kzclusters.data.harmonise`); controls only filter and redraw, and each
    drawn chart is cached, so going back to a view is instant.  An uploaded file
    (long or wide, any region spelling; see :func:`kzclusters.io.read_table`)
    replaces the built-in data in this explorer only.

    Parameters
    ----------
    page : kzclusters.ui.Page
        The page whose language toggle and URL the explorer uses.
    region : str
        Initial region (overridden by ``?region=`` in the URL).
    year : int, optional
        Initial year (latest by default; ``?year=`` in the URL).

    Attributes
    ----------
    region : RegionPicker
    year : ipywidgets.IntSlider
    chart : ipywidgets.Image
        The chart as PNG (class ``kz-chart``).
    table : ipywidgets.HTML
        The numbers behind the chart (class ``kz-table``).

    Examples
    --------
    >>> ex = GrpStructureExplorer(Page("00_index.ipynb", lang="en"), region="KRG", year=2018)
    >>> ex.view()["sector"].iloc[0]
    'C'
    >>> before = ex.chart.value
    >>> ex.year.value = 2024
    >>> int(ex.view()["year"].iloc[0]), ex.chart.value != before, "year=2024" in ex.share.url
    (2024, True, True)
    """

    notebook = "00_index"

    def __init__(self, page: Page, region: str = "KZ", year: int | None = None):
        self.page = page
        self._builtin = builtin_shares()
        self._data = self._builtin
        self._source = "official"
        self._cache = ChartCache()
        restored = state.decode(page.query, {
            "frame": lambda s: s if s in _FRAMES else {}[s],
            "region": str, "year": int})
        lang = page.lang.value
        frame = restored.get("frame", "20")
        years = self._years()
        y0 = restored.get("year", year)
        self.year = year_slider(years, y0 if y0 in years else None)
        self.region = RegionPicker({f: self._codes(f) for f in _FRAMES}, lang,
                                   value=restored.get("region", region), frame=frame)
        self.chart = W.Image(format="png", layout=W.Layout(width="100%", max_width="760px", height="auto"))
        self.chart.add_class("kz-chart")
        self.heading = W.HTML()
        self.heading.add_class("kz-heading")
        self.error = W.HTML(layout=W.Layout(width="100%"))
        self.table = W.HTML(layout=W.Layout(width="100%"))
        self.table.add_class("kz-table-box")
        self.badge = Badge("official")
        self.downloads = DownloadBar()
        self.share = ShareLink()
        self.progress = Progress()
        self.upload = UploadPanel(self._on_upload)
        self.details = W.Accordion(children=[self.table], layout=W.Layout(width="100%"))
        self.container = W.VBox([self.heading, self.region.container, self.year, self.badge.container,
                                 self.progress.container, self.error, self.chart, self.downloads.container, self.details,
                                 self.upload.container, self.share.container], layout=W.Layout(width="100%"))
        self._busy = False
        self.year.observe(self._on_change, names="value")
        self.region.dropdown.observe(self._on_change, names="value")
        self.region.frame.observe(self._on_change, names="value")
        page.on_relabel(self._relabel)

    # -- data ----------------------------------------------------------------
    @staticmethod
    def _prepare(df: pd.DataFrame) -> dict:
        """Shares for every frame, region and year, computed once."""
        return {f: structure.shares(kzdata.harmonise(df, f, additive=True)) for f in _FRAMES}

    def _years(self) -> list[int]:
        return sorted(int(y) for y in self._data["20"]["year"].unique())

    def _codes(self, frame: str, year: int | None = None) -> list[str]:
        d = self._data[frame]
        if year is not None:
            d = d[d["year"] == year]
        return list(dict.fromkeys(d["region"]))

    def view(self) -> pd.DataFrame:
        """The table behind the chart, with names in the current language, largest share first."""
        d = self._data[self.region.frame.value]
        sel = d[(d["region"] == self.region.value) & (d["year"] == self.year.value)]
        sel = kzdata.label(sel, self.page.lang.value)
        return sel.sort_values("share", ascending=False).reset_index(drop=True)

    def state(self) -> dict:
        """What the share link encodes."""
        return {"lang": self.page.lang.value, "frame": self.region.frame.value, "region": self.region.value,
                "year": self.year.value}

    # -- wiring ----------------------------------------------------------------
    def _on_upload(self, df: pd.DataFrame | None) -> None:
        if df is None:
            self._data, self._source = self._builtin, "official"
        else:
            if "sector" not in df:
                df = df.assign(sector="TOTAL")
            self._data, self._source = self._prepare(df[["region", "sector", "year", "value"]]), "upload"
        self._cache.clear()
        years = self._years()
        with self.year.hold_trait_notifications():
            self.year.min, self.year.max = min(years), max(years)
            self.year.value = min(max(self.year.value, years[0]), years[-1])
        self._on_change(None)

    def _on_change(self, _change) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            for f in _FRAMES:
                self.region.set_codes(self._codes(f, self.year.value), frame=f)
        finally:
            self._busy = False
        self._update()

    def _relabel(self, lang: str) -> None:
        self.region.relabel(lang)
        self.year.description = i18n.t("year", lang)
        self.upload.relabel(lang)
        self.details.set_title(0, i18n.t("table_numbers", lang))
        self._update()

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        region, year = self.region.value, self.year.value
        title = i18n.t("chart_grp_structure_title", lang, region=i18n.region_name(region, lang, short=True),
                       year=year)
        self.heading.value = f"<h2>{html.escape(title)}</h2>"
        view = self.view()
        source = i18n.t("source_bns", lang) if self._source == "official" else i18n.t("badge_upload", lang)
        key = (self._source, self.region.frame.value, region, year, lang)

        def figure():
            return plots.structure_figure(view, label="sector_name", value="share", title="",
                                          xlabel=i18n.t("axis_share_grp_pct", lang),
                                          source=f"{i18n.t('badge_' + self._source, lang)} · {source}",
                                          badge=self._source)

        png = self._cache.png(key, figure)
        self.chart.value = png
        self.badge.set(lang, self._source, source)
        shown = view[["sector_name", "value", "share"]]
        headers = {"sector_name": i18n.t("sector", lang), "value": i18n.t("unit_mln_kzt", lang),
                   "share": i18n.t("share_pct", lang)}
        self.table.value = html_table(shown, headers)
        stem = (self.notebook, "grp-structure", self.region.frame.value + "u", region, year)
        self.downloads.set(lang, stem, table=shown.rename(columns=headers), png=png,
                           svg=lambda: plots.to_svg(figure()),
                           notes={i18n.t("source", lang): source})
        self.share.set(lang, self.page.url, self.state())
