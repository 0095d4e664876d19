"""Notebook 02: ICT clusters — seed 003's innovation-development index and ICT concentration.

Sections (each a class with a ``container``): :class:`PaperIndex` (seed 003
Table 1 with grades recomputed from the cut-offs), :class:`IndexExplorer` (the
index on BNS 2022 data or the user's upload, with weights, normalisation,
aggregation, cut-offs and weight noise), :class:`KsiPaper` (Tables 2-3 in
"paper mode" beside the correct shares), :class:`IctExplorer` (BNS section J:
share, LQ and growth 2010-2025) and :class:`Quadrant` (index vs ICT share: the
growth poles, compared with the paper's conclusion).

Everything the controls do not change is computed once when the page opens;
a change recomputes only its own view (charts are cached by their settings).
"""

from __future__ import annotations

import html

import ipywidgets as W
import numpy as np
import pandas as pd

from .. import composite as cp
from .. import data as kzdata
from .. import i18n, ict, innovation, plots
from .._errors import DataError
from . import downloads, state
from .kit import (Badge, ChartCache, DownloadBar, FULL, ShareLink, UploadPanel, WeightSliders, chart_image, escaped, guarded,
                  html_table, set_options, table_box, threshold_input, toggle, year_slider)
from .measures import Measure, MeasureExplorer
from .shell import Page

__all__ = ["IndexExplorer", "PaperIndex", "KsiPaper", "IctExplorer", "Quadrant", "ict_clusters_page"]

NOTEBOOK = "02_ict_clusters"
GROUPS = {"IS": ("J_D", "J_F", "J_E"), "IA": ("J_A", "J_B", "J_C")}   # seed 003's order of presentation
INDICATORS = (*GROUPS["IS"], *GROUPS["IA"])
NORMS = ("leader", "minmax", "zscore", "percentile")   # "rank" runs the wrong way for an index (1 = best)
INDEX_TABS = ("ranking", "map", "components", "definitions")
PAPER_POLES = ("ALA", "AST")   # seed 003's conclusion: Almaty city and Astana (printed Nursultan)


def _frame_of(codes) -> str:
    """The map frame of a set of region codes (an upload may be on the 2022, 2018 or pre-2018 map)."""
    codes = set(codes)
    if codes & {"ABY", "ZHT", "ULT"}:
        return "20"
    return "16" if "YKO" in codes else "17"


# ============================================================================ the index


class IndexExplorer:
    """Seed 003's innovation-development index on BNS 2022 data (or an upload), with its uncertainty.

    Parameters
    ----------
    page : kzclusters.ui.Page
    indicators : pandas.DataFrame, optional
        Long ``region, year, indicator, value`` table (default
        :func:`kzclusters.innovation.bns_indicators`).

    Examples
    --------
    >>> ex = IndexExplorer(Page("02_ict_clusters.ipynb", lang="en"))
    >>> before = ex.result()[["region", "rank"]]
    >>> ex.weights["IA"].sliders["J_A"].value = 10
    >>> ex.groups.sliders["IA"].value = 4
    >>> after = ex.result()[["region", "rank"]]
    >>> bool((before["rank"].to_numpy() != after["rank"].to_numpy()).any())
    True
    """

    notebook = NOTEBOOK

    def __init__(self, page: Page, indicators: pd.DataFrame | None = None):
        self.page = page
        lang = page.lang.value
        self.official = innovation.bns_indicators() if indicators is None else indicators
        defs = innovation.definitions()
        self.direction_all = dict(zip(defs["code"], defs["direction"].astype(int)))
        self.data, self.source, self.upload_name = self.official, "official", ""
        q = state.decode(page.query, {
            "year": int, "gw": lambda s: [float(x) for x in s.split(",")],
            "w": lambda s: [float(x) for x in s.split(",")], "norm": lambda s: s if s in NORMS else {}[s],
            "agg": lambda s: s if s in cp.AGGREGATIONS else {}[s], "cuts": lambda s: [float(x) for x in s.split(",")],
            "noise": float, "tab": lambda s: s if s in INDEX_TABS else {}[s],
            "mc": lambda s: s if s in ("uniform", "dirichlet") else {}[s]})
        years = self._years()
        self.year = W.Dropdown(options=years, value=q["year"] if q.get("year") in years else years[-1],
                               layout=W.Layout(width="auto"))
        self.year.add_class("kz-year")
        gw = q.get("gw") if q.get("gw") and len(q["gw"]) == 2 and all(0 <= v <= 10 for v in q["gw"]) else [1, 1]
        self.groups = WeightSliders(["IS", "IA"], {}, raw=dict(zip(["IS", "IA"], gw)))
        w = q.get("w") if q.get("w") and len(q["w"]) == 6 and all(0 <= v <= 10 for v in q["w"]) else [1] * 6
        raw = dict(zip(INDICATORS, w))
        self.weights = {g: WeightSliders(list(members), {}, raw={k: raw[k] for k in members})
                        for g, members in GROUPS.items()}
        self.norm = W.Dropdown(options=[(n, n) for n in NORMS], value=q.get("norm", "leader"),
                               layout=W.Layout(width="auto"), style={"description_width": "initial"})
        self.norm.add_class("kz-normalisation")
        self.agg = toggle(cp.AGGREGATIONS, q.get("agg", "arithmetic"), "kz-aggregation")
        cuts = q.get("cuts")
        if not (cuts and len(cuts) == 5 and all(np.diff(cuts) > 0) and 0 <= cuts[0] and cuts[-1] <= 100):
            cuts = list(cp.GRADE_CUTS)
        self.cuts = []
        for c in cuts:
            box = threshold_input(float(c), 0.0, 100.0, 0.5)
            box.add_class("kz-cut")
            box.layout.max_width = "190px"
            self.cuts.append(box)
        noise = q.get("noise", 0.25)
        self.noise = W.FloatSlider(value=noise if 0 <= noise <= 0.5 else 0.25, min=0.0, max=0.5, step=0.05,
                                   continuous_update=False, readout_format=".0%",
                                   style={"description_width": "initial"}, layout=W.Layout(width="100%",
                                                                                          max_width="520px"))
        self.noise.add_class("kz-noise")
        self.mc = toggle(("uniform", "dirichlet"), q.get("mc", "uniform"), "kz-noise-method")
        self.tabs = toggle(INDEX_TABS, q.get("tab", "ranking"), "kz-tabs")
        self.tabs.layout.width = "100%"
        self.note = W.HTML()
        self.heading = W.HTML()
        self.heading.add_class("kz-heading")
        self.error = W.HTML()
        self.chart = chart_image()
        self.table = table_box()
        self.badge = Badge("official")
        self.downloads = DownloadBar()
        self.share = ShareLink()
        self.upload = UploadPanel(self._on_upload, reader=innovation.read_indicators,
                                   hint_key="upload_hint_indicators")
        self.template = W.HTML()
        self.template.add_class("kz-template")
        self.labels = {k: W.HTML() for k in ("groups", "weights_IS", "weights_IA", "cuts", "method")}
        self._cache = ChartCache(maxsize=48)
        self._results: dict = {}
        self.listeners: list = []
        cut_row = W.HBox(self.cuts, layout=W.Layout(flex_flow="row wrap"))
        self.controls = W.VBox([self.year, self.labels["groups"], self.groups.container, self.labels["weights_IS"],
                                self.weights["IS"].container, self.labels["weights_IA"],
                                self.weights["IA"].container, self.labels["method"], self.norm, self.agg,
                                self.labels["cuts"], cut_row, self.noise, self.mc, self.note], layout=FULL)
        body = W.VBox([self.heading, self.badge.container, self.error, self.chart, self.table,
                       self.downloads.container], layout=FULL)
        self.container = W.VBox([self.controls, self.tabs, body, self.upload.container, self.template,
                                 self.share.container], layout=FULL)
        self._busy = False
        for wdg in (self.year, self.norm, self.agg, self.noise, self.mc, self.tabs, *self.cuts,
                    *self.groups.sliders.values(), *(s for ws in self.weights.values() for s in ws.sliders.values())):
            wdg.observe(self._on_change, names="value")
        page.on_relabel(self._relabel)

    # -- the numbers -----------------------------------------------------------
    def _years(self) -> list:
        return sorted(int(y) for y in self.data["year"].unique())

    def present(self) -> dict:
        """Seed 003's groups restricted to the indicators the current data have."""
        have = set(self.data.loc[self.data["year"] == self.year.value, "indicator"])
        out = {g: [k for k in m if k in have] for g, m in GROUPS.items()}
        return {g: m for g, m in out.items() if m}

    def settings(self) -> dict:
        """The arguments of :func:`kzclusters.composite.weight_uncertainty` for the current controls."""
        groups = self.present()
        raw = {k: v for ws in self.weights.values() for k, v in ws.raw().items()}
        graw = self.groups.raw()
        return dict(groups=groups, weights={k: raw[k] for m in groups.values() for k in m},
                    group_weights={g: graw[g] for g in groups}, normalisation=self.norm.value,
                    aggregation=self.agg.value, cuts=[c.value for c in self.cuts],
                    direction={k: v for k, v in self.direction_all.items() if k in
                               {k for m in groups.values() for k in m}})

    def _key(self) -> tuple:
        s = self.settings()
        return (self.source, self.upload_name, self.year.value, tuple(sorted(s["weights"].items())),
                tuple(sorted(s["group_weights"].items())), s["normalisation"], s["aggregation"], tuple(s["cuts"]),
                self.noise.value, self.mc.value)

    def _year_data(self) -> pd.DataFrame:
        return self.data[self.data["year"] == self.year.value]

    def result(self) -> pd.DataFrame:
        """Index, rank, grade and their uncertainty (10,000 weight draws) per region for the chosen year."""
        key = self._key()
        if key not in self._results:
            s = self.settings()
            if len(self._results) > 32:
                self._results.clear()
            self._results[key] = cp.weight_uncertainty(
                self._year_data(), s["groups"], s["weights"], group_weights=s["group_weights"],
                noise=self.noise.value, n=10000, seed=3, method=self.mc.value, normalisation=s["normalisation"],
                aggregation=s["aggregation"], direction=s["direction"], cuts=s["cuts"])
        return self._results[key]

    def components(self) -> cp.CompositeResult:
        """The composite index with its normalised indicators and group sub-indices (no noise)."""
        s = self.settings()
        return cp.composite_index(self._year_data(), s["groups"], s["weights"], group_weights=s["group_weights"],
                                  normalisation=s["normalisation"], aggregation=s["aggregation"],
                                  direction=s["direction"])

    def state(self) -> dict:
        """What the share link encodes."""
        raw = {k: v for ws in self.weights.values() for k, v in ws.raw().items()}
        return {"lang": self.page.lang.value, "year": self.year.value,
                "gw": ",".join(f"{v:g}" for v in self.groups.raw().values()),
                "w": ",".join(f"{raw[k]:g}" for k in INDICATORS), "norm": self.norm.value, "agg": self.agg.value,
                "cuts": ",".join(f"{c.value:g}" for c in self.cuts), "noise": self.noise.value,
                "mc": self.mc.value, "tab": self.tabs.value}

    # -- wiring ----------------------------------------------------------------
    def _on_upload(self, df) -> None:
        self._busy = True
        try:
            if df is None:
                self.data, self.source, self.upload_name = self.official, "official", ""
            else:
                self.data, self.source = df, "upload"
                self.upload_name = str(len(self._results)) + ":" + str(hash(pd.util.hash_pandas_object(df).sum()))
            years = self._years()
            set_options(self.year, [(str(y), y) for y in years])
            if self.year.value not in years:
                self.year.value = years[-1]
        finally:
            self._busy = False
        self._update()

    def _on_change(self, change) -> None:
        if not self._busy:
            self._update()

    def _relabel(self, lang: str) -> None:
        self._busy = True
        try:
            self.year.description = i18n.t("year", lang)
            names = {k: i18n.t(f"ind_{k}_short", lang) for k in INDICATORS}
            for ws in self.weights.values():
                ws.relabel(names)
            self.groups.relabel({g: i18n.t(f"group_{g}", lang) for g in GROUPS})
            self.labels["groups"].value = f"<b>{escaped('ict_group_weights', lang)}</b>"
            for g in GROUPS:
                self.labels[f"weights_{g}"].value = f"<b>{escaped('ict_indicator_weights', lang, group=i18n.t(f'group_{g}', lang))}</b>"
            self.labels["method"].value = f"<b>{escaped('ict_method_choices', lang)}</b>"
            self.labels["cuts"].value = f"<b>{escaped('ict_grade_cuts', lang)}</b> <small>{escaped('ict_grade_cuts_hint', lang)}</small>"
            for c, (lo, hi) in zip(self.cuts, zip(cp.GRADE_LABELS[:-1], cp.GRADE_LABELS[1:])):
                c.description = f"{lo} → {hi}"
            self.norm.description = i18n.t("ict_normalisation", lang)
            set_options(self.norm, [(i18n.t(f"norm_{n}", lang), n) for n in NORMS])
            set_options(self.agg, [(i18n.t(f"agg_{a}", lang), a) for a in cp.AGGREGATIONS])
            self.noise.description = i18n.t("ict_noise", lang)
            set_options(self.mc, [(i18n.t(f"mc_{m}", lang), m) for m in ("uniform", "dirichlet")])
            set_options(self.tabs, [(i18n.t(f"ict_tab_{n}", lang), n) for n in INDEX_TABS])
            self.upload.relabel(lang)
            tpl = innovation.template()
            self.template.value = (f"<small>{escaped('ict_template_hint', lang)}</small> " + downloads.link(
                downloads.csv_bytes(tpl), "csv", downloads.filename(NOTEBOOK, "indicators_template", ext="csv"),
                i18n.t("ict_template_download", lang), "kz-download-template"))
        finally:
            self._busy = False
        self._update()

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        self.note.value = (f"<small>{escaped('ict_note_scale', lang)}</small>"
                           if self.norm.value not in ("leader", "minmax", "percentile") else "")
        try:
            res = self.result()
            comp = self.components()
        except DataError:
            self.chart.layout.display = "none"
            self.table.value = ""
            raise
        self.error.value = ""
        tab = self.tabs.value
        title, fig_fn, shown, headers = self._view(tab, res, comp, lang)
        self.heading.value = f"<h3>{html.escape(title)}</h3>"
        png = None
        if fig_fn is None:
            self.chart.layout.display = "none"
        else:
            self.chart.layout.display = None
            png = self._cache.png((tab, lang, *self._key()), fig_fn)
            self.chart.value = png
        if self.source == "official":
            self.badge.set(lang, "official", i18n.t("source_bns_innovation", lang))
        else:
            self.badge.set(lang, "upload", i18n.t("source_upload", lang))
        self.table.value = (_definitions_html(lang) if tab == "definitions" else "") + html_table(shown, headers,
                                                                                                   digits=2)
        stem = (self.notebook, "index", tab, self.year.value, self.norm.value, self.agg.value)
        self.downloads.set(lang, stem, table=shown.rename(columns=headers), png=png,
                           svg=(lambda: plots.to_svg(fig_fn())) if fig_fn else None,
                           notes={i18n.t("source", lang): i18n.t("source_bns_innovation", lang)
                                  if self.source == "official" else i18n.t("source_upload", lang),
                                  i18n.t("ict_settings", lang): str(self.state())})
        self.share.set(lang, self.page.url, self.state())
        for hook in self.listeners:
            hook()

    def _src(self, lang: str) -> tuple[str, str]:
        if self.source == "official":
            return f"{i18n.t('badge_official', lang)} · {i18n.t('source_bns_innovation', lang)}", "official"
        return f"{i18n.t('badge_upload', lang)} · {i18n.t('source_upload', lang)}", "upload"

    def _view(self, tab: str, res: pd.DataFrame, comp: cp.CompositeResult, lang: str):
        src, badge = self._src(lang)
        y = self.year.value
        h = {"region_name": i18n.t("region", lang), "index": i18n.t("col_index", lang),
             "rank": i18n.t("col_rank", lang), "grade": i18n.t("col_grade", lang),
             "rank_interval": i18n.t("col_rank_interval", lang), "grade_share": i18n.t("col_grade_kept", lang),
             "IS": i18n.t("group_IS", lang), "IA": i18n.t("group_IA", lang),
             **{k: i18n.t(f"ind_{k}_short", lang) for k in INDICATORS},
             "indicator": i18n.t("col_indicator", lang), "group": i18n.t("col_group", lang),
             "definition": i18n.t("col_definition", lang), "unit": i18n.t("col_unit", lang),
             "proxy": i18n.t("col_proxy", lang), "direction": i18n.t("col_direction", lang)}
        d = kzdata.label(res, lang)
        cuts = [c.value for c in self.cuts]
        if tab in ("ranking", "map"):
            shown = d.sort_values(["rank", "region"])[["region_name", "index", "rank", "grade"]].copy()
            shown["rank_interval"] = [f"{a:.0f}–{b:.0f}" for a, b in zip(d.sort_values(["rank", "region"])["rank_p05"],
                                                                       d.sort_values(["rank", "region"])["rank_p95"])]
            shown["grade_share"] = (100 * d.sort_values(["rank", "region"])["grade_share"]).round(0)
            if tab == "ranking":
                title = i18n.t("ict_chart_ranking_title", lang, year=y, noise=f"{100 * self.noise.value:.0f}")
                return (title, lambda: plots.grade_bars(
                    d, label="region_name", grades=list(cp.GRADE_LABELS), title="", xlabel=i18n.t("col_index", lang),
                    rank_label=i18n.t("col_rank", lang), stability_label=i18n.t("col_grade_kept", lang),
                    source=src, badge=badge, cuts=cuts), shown, h)
            frame = _frame_of(res["region"])
            cats = dict(zip(res["region"], res["grade"]))
            labels = {c: i18n.region_name(c, lang, short=True)[:10] for c in cats}
            title = i18n.t("ict_chart_map_title", lang, year=y)
            return (title, lambda: plots.category_map(kzdata.boundaries(frame), cats, order=list(cp.GRADE_LABELS),
                                                      title="", legend=i18n.t("col_grade", lang), source=src,
                                                      badge=badge, labels=labels, missing=i18n.t("no_data", lang)),
                    shown, h)
        if tab == "components":
            g = comp.groups.pivot_table(index="region", columns="group", values="score").reset_index()
            n = comp.normalised.pivot_table(index="region", columns="indicator", values="score").reset_index()
            t = (kzdata.label(comp.index[["region", "index", "rank"]], lang).merge(g, on="region").merge(n, on="region")
                 .sort_values("rank"))
            cols = ["region_name", "index", "rank", *[c for c in ("IS", "IA") if c in t],
                    *[k for k in INDICATORS if k in t]]
            shown = t[cols]
            mat = t.set_index("region_name")[[k for k in INDICATORS if k in t]]
            title = i18n.t("ict_chart_components_title", lang, year=y, norm=i18n.t(f"norm_{self.norm.value}", lang))
            return (title, lambda: plots.heatmap(mat, title="", cbar_label=i18n.t("ict_score", lang),
                                                 source=src, badge=badge, center=None), shown, h)
        raw = self._year_data().pivot_table(index="region", columns="indicator", values="value").reset_index()
        raw = kzdata.label(raw, lang)
        shown = raw[["region_name", *[k for k in INDICATORS if k in raw]]]
        title = i18n.t("ict_definitions_title", lang, year=y)
        return title, None, shown, h


# ============================================================================ seed 003 Table 1


class PaperIndex:
    """Seed 003 Table 1 as printed, with the grades recomputed from the explorer's cut-offs.

    Examples
    --------
    >>> page = Page("02_ict_clusters.ipynb", lang="en")
    >>> ex = IndexExplorer(page)
    >>> pi = PaperIndex(page, ex)
    >>> int(pi.frame()["match"].sum())
    32
    >>> ex.cuts[4].value = 80
    >>> int(pi.frame()["match"].sum())
    31
    """

    def __init__(self, page: Page, explorer: IndexExplorer):
        self.page, self.explorer = page, explorer
        self.table1 = kzdata.load("seed003_t1_innovation_index")
        self.year = toggle((2010, 2016), 2016, "kz-paper-year")
        self.heading = W.HTML()
        self.summary = W.HTML()
        self.chart = chart_image()
        self.table = table_box()
        self.badge = Badge("paper")
        self.downloads = DownloadBar()
        self.error = W.HTML()
        self._cache = ChartCache(maxsize=16)
        self.container = W.VBox([self.year, self.heading, self.badge.container, self.summary, self.error, self.chart,
                                 self.table, self.downloads.container], layout=FULL)
        self.year.observe(lambda _: self._update(), names="value")
        for c in explorer.cuts:
            c.observe(lambda _: self._update(), names="value")
        page.on_relabel(lambda lang: self._update())

    def frame(self) -> pd.DataFrame:
        """Both years: published index and grade, the grade from the current cut-offs, and whether they agree."""
        cuts = [c.value for c in self.explorer.cuts]
        t = self.table1.rename(columns={"value": "index", "grade": "grade_published"})
        t = t.assign(grade=cp.grade(t["index"], cuts))
        t["match"] = t["grade"] == t["grade_published"]
        t["rank"] = t.groupby("year")["index"].rank(ascending=False, method="min").astype(int)
        return t

    @guarded
    def _update(self) -> None:
        lang = self.page.lang.value
        t = self.frame()
        y = self.year.value
        d = kzdata.label(t[t["year"] == y], lang)
        n, ok = len(t), int(t["match"].sum())
        self.heading.value = f"<h3>{escaped('ict_paper_index_title', lang, year=y)}</h3>"
        self.badge.set(lang, "paper", i18n.t("source_seed003_t1", lang))
        self.summary.value = f"<p>{escaped('ict_paper_grades_match', lang, ok=ok, n=n)}</p>"
        src = f"{i18n.t('badge_paper', lang)} · {i18n.t('source_seed003_t1', lang)}"
        cuts = [c.value for c in self.explorer.cuts]
        key = (lang, y, tuple(cuts))
        self.chart.value = self._cache.png(key, lambda: plots.grade_bars(
            d, label="region_name", grades=list(cp.GRADE_LABELS), title="", xlabel=i18n.t("col_index", lang),
            rank_label=i18n.t("col_rank", lang), stability_label="", source=src, badge="paper", cuts=cuts))
        yes, no = "✓", "✗"
        shown = d.sort_values("rank")[["region_name", "index", "grade_published", "grade", "match"]].assign(
            match=lambda x: x["match"].map({True: yes, False: no}))
        h = {"region_name": i18n.t("region", lang), "index": i18n.t("col_index", lang),
             "grade_published": i18n.t("col_grade_published", lang), "grade": i18n.t("col_grade_cuts", lang),
             "match": i18n.t("col_match", lang)}
        self.table.value = html_table(shown, h, digits=2)
        self.downloads.set(lang, (NOTEBOOK, "seed003_table1", y), table=shown.rename(columns=h),
                           notes={i18n.t("source", lang): i18n.t("source_seed003_t1", lang)})


# ============================================================================ seed 003 Tables 2-3


class KsiPaper:
    """Seed 003's "modified KSI" (regional shares of ICT output): Table 3 as printed, paper mode, column sums.

    Examples
    --------
    >>> k = KsiPaper(Page("02_ict_clusters.ipynb", lang="en"))
    >>> "reproduces 21 of 21" in k.totals.value
    True
    >>> k.denominator.value = "paper"; k.year.value = 2013
    >>> "2010" in k.error.value and "2016" in k.error.value
    True
    """

    def __init__(self, page: Page):
        self.page = page
        self.output = kzdata.load("seed003_t2_ict_output")
        self.audit = ict.table3_audit()
        years = sorted(int(y) for y in self.output["year"].unique())
        self.year = year_slider(years, 2016)
        self.denominator = toggle(("sum", "paper"), "sum", "kz-denominator")
        self.dash = toggle(("zero", "unknown"), "zero", "kz-dash")
        self.heading = W.HTML()
        self.badge = Badge("paper")
        self.error = W.HTML()
        self.chart = chart_image()
        self.table = table_box()
        self.audit_box = table_box()
        self.totals = W.HTML()
        self.downloads = DownloadBar()
        self._cache = ChartCache(maxsize=32)
        self.container = W.VBox([self.year, self.denominator, self.dash, self.heading, self.badge.container,
                                 self.error, self.chart, self.table, self.downloads.container, self.totals,
                                 self.audit_box], layout=FULL)
        for w in (self.year, self.denominator, self.dash):
            w.observe(lambda _: self._update(), names="value")
        page.on_relabel(self._relabel)

    def shares(self) -> pd.DataFrame:
        """KSI of every region in the chosen year under the chosen denominator and dash rule."""
        k = ict.ksi(self.output[self.output["year"] == self.year.value], denominator=self.denominator.value,
                    dash=self.dash.value)
        return k.assign(klass=ict.ksi_class(k["ksi"]))

    def _relabel(self, lang: str) -> None:
        self.year.description = i18n.t("year", lang)
        set_options(self.denominator, [(i18n.t(f"ksi_den_{d}", lang), d) for d in ("sum", "paper")])
        set_options(self.dash, [(i18n.t(f"ksi_dash_{d}", lang), d) for d in ("zero", "unknown")])
        self._update()

    @guarded
    def _update(self) -> None:
        lang = self.page.lang.value
        y = self.year.value
        self.badge.set(lang, "paper", i18n.t("source_seed003_t23", lang))
        self._audit(lang)
        try:
            k = self.shares()
        except DataError:
            self.chart.layout.display = "none"
            self.table.value = ""
            raise
        self.error.value = ""
        self.chart.layout.display = None
        d = kzdata.label(k, lang)
        title = i18n.t("ksi_chart_title", lang, year=y, den=i18n.t(f"ksi_den_{self.denominator.value}", lang))
        self.heading.value = f"<h3>{html.escape(title)}</h3>"
        src = f"{i18n.t('badge_paper', lang)} · {i18n.t('source_seed003_t23', lang)}"
        shown_chart = d.dropna(subset=["ksi"])
        self.chart.value = self._cache.png((lang, y, self.denominator.value, self.dash.value), lambda: plots.bars(
            shown_chart, label="region_name", value="ksi", title="", xlabel="KSI", source=src, badge="paper",
            decimals=3))
        shown = d.sort_values("ksi", ascending=False)[["region_name", "value", "total", "ksi", "klass"]].copy()
        shown["klass"] = shown["klass"].map(lambda c: i18n.t(f"ksi_class_{c}", lang) if isinstance(c, str) else "")
        shown["ksi"] = shown["ksi"].map(lambda v: "—" if pd.isna(v) else f"{v:.3f}")
        h = {"region_name": i18n.t("region", lang), "value": i18n.t("ksi_col_output", lang),
             "total": i18n.t("ksi_col_total", lang), "ksi": "KSI", "klass": i18n.t("ksi_col_class", lang)}
        self.table.value = html_table(shown, h, digits=1)
        self.downloads.set(lang, (NOTEBOOK, "ksi", y, self.denominator.value, self.dash.value),
                           table=shown.rename(columns=h), notes={i18n.t("source", lang): i18n.t("source_seed003_t23", lang)})

    def _audit(self, lang: str) -> None:
        a = kzdata.label(self.audit, lang)
        f3 = lambda v: "—" if pd.isna(v) else f"{v:.3f}"   # noqa: E731 - display only
        shown = pd.DataFrame({
            "region_name": a["region_name"], "year": a["year"].astype(str), "output": a["output"],
            "published": a["published"].map(f3), "paper_mode": a["paper_mode"].map(f3),
            "column_sum": a["column_sum"].map(f3),
            "verdict": [i18n.t(f"ksi_note_{n}", lang) if isinstance(n, str) and n else "" for n in a["note"]]})
        h = {"region_name": i18n.t("region", lang), "year": i18n.t("year", lang),
             "output": i18n.t("ksi_col_output", lang), "published": i18n.t("ksi_col_published", lang),
             "paper_mode": i18n.t("ksi_col_paper_mode", lang), "column_sum": i18n.t("ksi_col_column_sum", lang),
             "verdict": i18n.t("ksi_col_verdict", lang)}
        tot = ict.table3_totals()
        lines = "".join(
            f"<li>{escaped('ksi_totals_line', lang, year=int(r.year), column_sum=f'{r.column_sum:,.1f}', paper=f'{r.paper_denominator:,.1f}', published_sum=f'{r.published_sum:.3f}')}</li>"
            for r in tot.itertuples())
        ok_p, ok_s = int(tot["n_reproduce_paper"].sum()), int(tot["n_reproduce_column_sum"].sum())
        n = int(tot["n_published"].sum())
        self.totals.value = (f"<h4>{escaped('ksi_audit_title', lang)}</h4>"
                             f"<p>{escaped('ksi_audit_summary', lang, ok_paper=ok_p, ok_sum=ok_s, n=n)}</p><ul>{lines}</ul>")
        self.audit_box.value = html_table(shown, h, digits=1)


# ============================================================================ BNS section J


class IctExplorer(MeasureExplorer):
    """ICT (OKED section J) on BNS data, 2010-2025: share of national ICT value added, ICT LQ, real growth.

    Examples
    --------
    >>> ex = IctExplorer(Page("02_ict_clusters.ipynb", lang="en"))
    >>> t = ex.table_frame()
    >>> round(float(t["share"].sum()), 6), ex.measure.value
    (1.0, 'share')
    >>> ex.measure.value = "lq"; ex.view.value = "time"
    >>> set(ex.table_frame()["year"]) == set(range(ex.window.value[0], ex.window.value[1] + 1))
    True
    """

    notebook = NOTEBOOK

    def __init__(self, page: Page, region: str = "ALA"):
        self.conc = {f: ict.ict_concentration(frame=f) for f in ("17", "20")}
        measures = {"share": Measure("share", "ict_measure_share", scale=100.0),
                    "lq": Measure("lq", "ict_measure_lq", ref=1.0, center=1.0),
                    "growth": Measure("real_growth", "ict_measure_growth", center=0.0)}
        super().__init__(page, self.conc, measures,
                         columns={"value": "ict_col_gva", "share": "ict_measure_share", "lq": "ict_measure_lq",
                                  "real_growth": "ict_measure_growth"},
                         source_key="source_bns_ict", stem=(NOTEBOOK, "ict"), window=_ict_window, region=region)


def _ict_window(table: pd.DataFrame, start: int, end: int, lang: str):
    """Change of ICT share, LQ and growth over a window (the explorer's "window" view)."""
    g = ict.ict_growth(table, start, end).sort_values("share_end", ascending=False)
    share = i18n.t("ict_measure_share", lang)
    return g, {"share_start": f"{share} {start}", "share_end": f"{share} {end}",
               "d_share_pp": i18n.t("ict_col_d_share", lang), "lq_start": f"LQ {start}", "lq_end": f"LQ {end}",
               "d_lq": "ΔLQ", "real_cagr": i18n.t("ict_col_real_cagr", lang),
               "nominal_cagr": i18n.t("ict_col_nominal_cagr", lang)}


# ============================================================================ quadrant


class Quadrant:
    """Innovation index against the share of national ICT value added: which regions are growth poles?

    Examples
    --------
    >>> page = Page("02_ict_clusters.ipynb", lang="en")
    >>> q = Quadrant(page, IndexExplorer(page), IctExplorer(page))
    >>> sorted(q.poles())
    ['ALA', 'AST']
    """

    def __init__(self, page: Page, explorer: IndexExplorer, ict_explorer: IctExplorer):
        self.page, self.explorer, self.ict = page, explorer, ict_explorer
        self.split = toggle(("mean", "median"), "mean", "kz-split")
        self.heading = W.HTML()
        self.verdict = W.HTML()
        self.error = W.HTML()
        self.chart = chart_image()
        self.table = table_box()
        self.badge = Badge("official")
        self.downloads = DownloadBar()
        self._cache = ChartCache(maxsize=16)
        self.container = W.VBox([self.split, self.heading, self.badge.container, self.error, self.chart,
                                 self.verdict, self.table, self.downloads.container], layout=FULL)
        self.split.observe(lambda _: self._update(), names="value")
        explorer.listeners.append(self._update)
        page.on_relabel(self._relabel)

    def frame(self) -> pd.DataFrame | None:
        """Index and ICT share per region for the explorer's year; None when BNS has no ICT data for it."""
        res = self.explorer.result()
        y = self.explorer.year.value
        frame = _frame_of(res["region"])
        conc = self.ict.conc.get(frame)
        if conc is None or y not in set(conc["year"]):
            return None
        share = conc[conc["year"] == y][["region", "share", "lq"]]
        return res[["region", "index", "rank", "grade"]].merge(share, on="region", how="inner")

    def poles(self) -> list:
        """Regions at or above the split on both axes."""
        d = self.frame()
        if d is None or d.empty:
            return []
        fx, fy = self._cuts(d)
        return d.loc[(d["index"] >= fx) & (d["share"] >= fy), "region"].tolist()

    def _cuts(self, d: pd.DataFrame) -> tuple[float, float]:
        f = np.nanmedian if self.split.value == "median" else np.nanmean
        return float(f(d["index"])), float(f(d["share"]))

    def _relabel(self, lang: str) -> None:
        set_options(self.split, [(i18n.t(f"split_{s}", lang), s) for s in ("mean", "median")])
        self._update()

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        y = self.explorer.year.value
        self.heading.value = f"<h3>{escaped('quadrant_title', lang, year=y)}</h3>"
        self.badge.set(lang, self.explorer.source, i18n.t("source_bns_innovation", lang) + " · "
                       + i18n.t("source_bns_ict", lang))
        try:
            d = self.frame()
        except DataError:
            self.chart.layout.display = "none"
            raise
        if d is None or d.empty:
            self.error.value = f"<div class='kz-error'>{escaped('quadrant_no_ict', lang, year=y)}</div>"
            self.chart.layout.display = "none"
            self.table.value = self.verdict.value = ""
            return
        self.error.value = ""
        self.chart.layout.display = None
        d = kzdata.label(d, lang).assign(share_pct=lambda x: 100 * x["share"])
        fx, fy = self._cuts(d)
        poles = self.poles()
        names = {k: i18n.t(f"quadrant_{k}", lang) for k in ("poles", "x_only", "y_only", "neither")}
        hl = [i18n.region_name(c, lang, short=True) for c in PAPER_POLES]
        src = f"{i18n.t('badge_' + self.explorer.source, lang)} · {i18n.t('source_quadrant', lang)}"
        # the chart depends only on the index values (not on the noise or the cut-offs): key on them
        key = (lang, self.split.value, self.explorer.source, y, tuple(np.round(d["index"].to_numpy(), 9)),
               tuple(d["region"]))
        self.chart.value = png = self._cache.png(key, lambda: plots.quadrant(
            d, x="index", y="share_pct", label="region_name", title="", xlabel=i18n.t("col_index", lang),
            ylabel=i18n.t("ict_measure_share", lang), x0=fx, y0=100 * fy, names=names, source=src,
            badge=self.explorer.source, highlight=hl, highlight_label=i18n.t("quadrant_paper_poles", lang)))
        ours = ", ".join(i18n.region_name(c, lang, short=True) for c in poles) or "—"
        paper = ", ".join(hl)
        agree = set(poles) == set(PAPER_POLES)
        self.verdict.value = (f"<p>{escaped('quadrant_verdict', lang, ours=ours, paper=paper)} "
                              f"<b>{escaped('quadrant_agree' if agree else 'quadrant_differ', lang)}</b></p>")
        shown = d.sort_values("index", ascending=False)[["region_name", "index", "grade", "share_pct", "lq"]]
        h = {"region_name": i18n.t("region", lang), "index": i18n.t("col_index", lang),
             "grade": i18n.t("col_grade", lang), "share_pct": i18n.t("ict_measure_share", lang),
             "lq": i18n.t("ict_measure_lq", lang)}
        self.table.value = html_table(shown, h, digits=2)
        self.downloads.set(lang, (NOTEBOOK, "quadrant", y, self.split.value), table=shown.rename(columns=h),
                           png=png, notes={i18n.t("source", lang): src})


# ============================================================================ the page


def ict_clusters_page(lang: str | None = None) -> Page:
    """Build notebook 02's page; its sections are attributes the notebook displays one by one.

    Parameters
    ----------
    lang : str, optional
        Initial language (from the URL by default).

    Returns
    -------
    Page
        With ``texts`` (``HTMLMath`` widgets by text name), ``explorer``
        (:class:`IndexExplorer`), ``paper_index``, ``ksi``, ``ict`` and
        ``quadrant``, and ``sections`` (name -> titled block, in reading order:
        goals, growth_poles, method, paper_index, indicators, explorer, ksi_paper,
        bns_ict, quadrant, exercises).

    Examples
    --------
    >>> p = ict_clusters_page("ru")
    >>> p.explorer.year.description
    'Год'
    >>> list(p.sections)[:3]
    ['goals', 'growth_poles', 'method']
    """
    indicators = innovation.bns_indicators()
    page = Page("02_ict_clusters.ipynb", ["innovation", "rd", "grp_gva", "employment", "investment", "population",
                                          "gva_volume_index", "seed003_t1_innovation_index", "seed003_t2_ict_output",
                                          "seed003_t3_ksi"], lang=lang)
    page.lecture_texts("02_")
    page.explorer = IndexExplorer(page, indicators)
    page.paper_index = PaperIndex(page, page.explorer)
    page.ksi = KsiPaper(page)
    page.ict = IctExplorer(page)
    page.quadrant = Quadrant(page, page.explorer, page.ict)
    defs = W.HTML(layout=W.Layout(width="100%", overflow="auto"))
    page.on_relabel(lambda lang: setattr(defs, "value", _definitions_html(lang)))
    tx = page.texts
    page.sections = {
        "goals": page.section("section_goals", tx["02_goals"]),
        "growth_poles": page.section("section_growth_poles", tx["02_growth_poles"]),
        "method": page.section("section_index_method", tx["02_method"]),
        "paper_index": page.section("section_paper_index", tx["02_paper_index"], page.paper_index.container),
        "indicators": page.section("section_indicators", tx["02_indicators"], defs),
        "explorer": page.section("section_index_explorer", page.explorer.container),
        "ksi_paper": page.section("section_ksi_paper", tx["02_ksi_paper"], page.ksi.container),
        "bns_ict": page.section("section_bns_ict", tx["02_bns_ict"], page.ict.container),
        "quadrant": page.section("section_quadrant", tx["02_quadrant"], page.quadrant.container),
        "exercises": page.section("section_exercises", tx["02_exercises"]),
    }
    return page


def _definitions_html(lang: str) -> str:
    """The six indicators: group, definition, unit, direction, proxy or not."""
    defs = innovation.definitions()
    shown = pd.DataFrame({
        "indicator": defs["code"], "name": [i18n.t(f"ind_{k}_short", lang) for k in defs["code"]],
        "group": [i18n.t(f"group_{g}", lang) for g in defs["group"]],
        "definition": [i18n.t(k, lang) for k in defs["definition_key"]], "unit": defs["unit"],
        "direction": [i18n.t("dir_up" if v > 0 else "dir_down", lang) for v in defs["direction"]],
        "proxy": [i18n.t("yes" if p else "no", lang) for p in defs["proxy"]]})
    h = {"indicator": i18n.t("col_indicator", lang), "name": i18n.t("col_name", lang),
         "group": i18n.t("col_group", lang), "definition": i18n.t("col_definition", lang),
         "unit": i18n.t("col_unit", lang), "direction": i18n.t("col_direction", lang),
         "proxy": i18n.t("col_proxy", lang)}
    return html_table(shown, h)
