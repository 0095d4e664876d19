"""A reusable explorer of regional measures over time: bars for a year, lines, a map, changes over a window.

Notebook 02 uses it for ICT value added (share, LQ, real growth) and notebook 03
for GRP (share of GDP, real growth, manufacturing share).  The table behind it
is computed once by the page; the controls only filter it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import ipywidgets as W
import pandas as pd

from .. import data as kzdata
from .. import i18n, plots
from . import state
from .kit import (Badge, ChartCache, DownloadBar, RegionPicker, ShareLink, guarded, html_table, set_options,
                  year_range, year_slider)
from .shell import Page

__all__ = ["Measure", "MeasureExplorer", "VIEWS"]

#: The views: a year's regions as bars, the chosen region and the largest ones over time, a map, and a window.
VIEWS: tuple[str, ...] = ("bars", "time", "map", "window")


@dataclass(frozen=True)
class Measure:
    """One measure of a :class:`MeasureExplorer`: a column of its table and how to show it.

    Examples
    --------
    >>> Measure("share", "ict_measure_share", scale=100.0).scale
    100.0
    """

    column: str
    """Column of the table."""
    label_key: str
    """i18n key of its name (axis, legend, table header)."""
    scale: float = 1.0
    """Multiplier for charts (e.g. 100 for a fraction shown in %)."""
    ref: float | None = None
    """Reference line on bars and lines (e.g. LQ = 1)."""
    center: float | None = None
    """Centre of the map's diverging colour scale; None for a sequential scale."""


class MeasureExplorer:
    """Regions x years of precomputed measures on the 17- and 20-unit maps.

    Parameters
    ----------
    page : kzclusters.ui.Page
    tables : dict
        Frame (``"17"``, ``"20"``) -> long table with ``region, year`` and the
        measure columns (regions only).
    measures : dict
        Name -> :class:`Measure`, in the order of the toggle.
    columns : dict
        Column -> i18n key: the table shown under bars and maps, in order
        (``region_name`` is added first).
    source_key : str
        i18n key of the data source.
    stem : tuple
        Start of download file names, e.g. ``("02_ict_clusters", "ict")``.
    window : callable, optional
        ``window(table, start, end, lang) -> (frame, headers)`` for the
        "window" view; without it the view is not offered.
    region, frame : str
        Initial region and map (the URL's ``?region=`` and ``?frame=`` win).

    Examples
    --------
    >>> t = pd.DataFrame({"region": ["AKM", "ALA"] * 2, "year": [2020, 2020, 2021, 2021],
    ...                   "v": [1.0, 3.0, 2.0, 2.0]})
    >>> ex = MeasureExplorer(Page("00_index.ipynb", lang="en"), {"17": t, "20": t}, {"v": Measure("v", "value")},
    ...                      columns={"v": "value"}, source_key="source_bns_grp", stem=("doc", "v"))
    >>> ex.year.value, ex.table_frame()["v"].tolist()
    (2021, [2.0, 2.0])
    """

    def __init__(self, page: Page, tables: dict, measures: dict, *, columns: dict, source_key: str, stem: tuple,
                 window=None, region: str = "ALA", frame: str = "17"):
        self.page, self.tables, self.measures = page, tables, measures
        self.columns, self.source_key, self.stem, self.window_fn = columns, source_key, tuple(stem), window
        self.views = VIEWS if window is not None else VIEWS[:3]
        lang = page.lang.value
        q = state.decode(page.query, {"frame": lambda s: s if s in tables else {}[s], "region": str,
                                      "year": int, "years": lambda s: tuple(int(x) for x in s.split(",")),
                                      "measure": lambda s: s if s in measures else {}[s],
                                      "view": lambda s: s if s in self.views else {}[s]})
        codes = {f: sorted(c["region"].unique()) for f, c in tables.items()}
        self.region = RegionPicker(codes, lang, value=q.get("region", region), frame=q.get("frame", frame))
        years = sorted(int(y) for y in tables[frame]["year"].unique())
        self.years = years
        self.year = year_slider(years, q.get("year") if q.get("year") in years else years[-1])
        win = q.get("years")
        ok = win and len(win) == 2 and win[0] < win[1] and win[0] in years and win[1] in years
        self.window = year_range(years, tuple(win) if ok else (years[0], years[-1]))
        self.measure = W.ToggleButtons(options=[(m, m) for m in measures], value=q.get("measure", next(iter(measures))),
                                       style={"button_width": "auto"})
        self.measure.add_class("kz-measure")
        self.view = W.ToggleButtons(options=[(v, v) for v in self.views], value=q.get("view", "bars"),
                                    style={"button_width": "auto"}, layout=W.Layout(width="100%"))
        self.view.add_class("kz-tabs")
        self.heading = W.HTML()
        self.heading.add_class("kz-heading")
        self.badge = Badge("official")
        self.error = W.HTML()
        self.chart = W.Image(format="png", layout=W.Layout(width="100%", max_width="860px", height="auto"))
        self.chart.add_class("kz-chart")
        self.table = W.HTML(layout=W.Layout(width="100%", overflow="auto"))
        self.table.add_class("kz-table-box")
        self.downloads = DownloadBar()
        self.share = ShareLink()
        self._cache = ChartCache(maxsize=48)
        self.container = W.VBox([self.region.container, self.year, self.window, self.measure, self.view,
                                 self.heading, self.badge.container, self.error, self.chart, self.table,
                                 self.downloads.container, self.share.container], layout=W.Layout(width="100%"))
        self._busy = False
        for w in (self.region.dropdown, self.region.frame, self.year, self.window, self.measure, self.view):
            w.observe(self._on_change, names="value")
        page.on_relabel(self._relabel)

    def table_frame(self) -> pd.DataFrame:
        """The numbers behind the current view (a new frame)."""
        c = self.tables[self.region.frame.value]
        v, y = self.view.value, self.year.value
        start, end = self.window.value
        if v in ("bars", "map"):
            return c[c["year"] == y].copy()
        if v == "time":
            return c[c["year"].between(start, end)].copy()
        return self.window_fn(c, start, end, self.page.lang.value)[0]

    def state(self) -> dict:
        """What the share link encodes."""
        return {"lang": self.page.lang.value, "frame": self.region.frame.value, "region": self.region.value,
                "year": self.year.value, "years": self.window.value, "measure": self.measure.value,
                "view": self.view.value}

    def _on_change(self, change) -> None:
        if not self._busy:
            self._update()

    def _relabel(self, lang: str) -> None:
        self._busy = True
        try:
            self.region.relabel(lang)
            self.year.description = i18n.t("year", lang)
            self.window.description = i18n.t("window", lang)
            set_options(self.measure, [(i18n.t(m.label_key, lang), k) for k, m in self.measures.items()])
            set_options(self.view, [(i18n.t(f"view_{v}", lang), v) for v in self.views])
        finally:
            self._busy = False
        self._update()

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        v, m = self.view.value, self.measures[self.measure.value]
        col, scale = m.column, m.scale
        y, (start, end) = self.year.value, self.window.value
        region, frame = self.region.value, self.region.frame.value
        src = f"{i18n.t('badge_official', lang)} · {i18n.t(self.source_key, lang)}"
        mname = i18n.t(m.label_key, lang)
        h = {"region_name": i18n.t("region", lang), "year": i18n.t("year", lang),
             **{c: i18n.t(k, lang) for c, k in self.columns.items()}}
        fig_fn = None
        if v == "window":
            df, extra = self.window_fn(self.tables[frame], start, end, lang)
            df = kzdata.label(df, lang)
            h.update(extra)
            title = i18n.t("chart_window_title", lang, start=start, end=end)
            shown = df[["region_name", *extra]]
        else:
            df = kzdata.label(self.table_frame(), lang)
            if v == "bars":
                d = df.dropna(subset=[col]).assign(plot=lambda x: x[col] * scale)
                title = i18n.t("chart_measure_year", lang, measure=mname, year=y)
                hl = i18n.region_name(region, lang, short=True)
                fig_fn = lambda: plots.bars(d, label="region_name", value="plot", title="",   # noqa: E731
                                            xlabel=mname, source=src, highlight=hl, ref=m.ref)
                shown = df.sort_values(col, ascending=False)[["region_name", *self.columns]]
            elif v == "map":
                values = {r: x * scale for r, x in zip(df["region"], df[col]) if pd.notna(x)}
                labels = {c: i18n.region_name(c, lang, short=True)[:10] for c in values}
                title = i18n.t("chart_measure_year", lang, measure=mname, year=y)
                fig_fn = lambda: plots.choropleth(kzdata.boundaries(frame), values, title="",   # noqa: E731
                                                  legend=mname, source=src, labels=labels, center=m.center)
                shown = df.sort_values(col, ascending=False)[["region_name", *self.columns]]
            else:
                last = df[df["year"] == end].nlargest(4, col)["region"].tolist()
                d = df[df["region"].isin([region, *last])].assign(plot=lambda x: x[col] * scale)
                title = i18n.t("chart_measure_time", lang, measure=mname, start=start, end=end)
                fig_fn = lambda: plots.lines(d, x="year", y="plot", hue="region_name", title="",   # noqa: E731
                                             ylabel=mname, source=src, hline=m.ref)
                shown = d.sort_values(["region", "year"])[["region_name", "year", *self.columns]]
        self.heading.value = f"<h3>{html.escape(title)}</h3>"
        self.badge.set(lang, "official", i18n.t(self.source_key, lang))
        png = None
        if fig_fn is None:
            self.chart.layout.display = "none"
        else:
            self.chart.layout.display = None
            png = self._cache.png((v, self.measure.value, lang, frame, region, y, self.window.value), fig_fn)
            self.chart.value = png
        self.table.value = html_table(shown, h, digits=3)
        stem = (*self.stem, v, self.measure.value, frame + "u", y if v in ("bars", "map") else f"{start}-{end}")
        self.downloads.set(lang, stem, table=shown.rename(columns=h), png=png,
                           svg=(lambda: plots.to_svg(fig_fn())) if fig_fn else None,
                           notes={i18n.t("source", lang): i18n.t(self.source_key, lang)})
        self.share.set(lang, self.page.url, self.state())
