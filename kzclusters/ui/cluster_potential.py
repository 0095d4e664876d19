"""Notebook 01: cluster potential — specialisation indicators on BNS data, seed 000's example and audit, seed 001-002.

Everything is computed once when the page opens (:class:`LQModel`); the
controls only filter, and only the visible tab is redrawn.
"""

from __future__ import annotations

import html
import ipywidgets as W
import numpy as np
import pandas as pd

from .. import cluster_models
from .. import data as kzdata
from .. import i18n, plots
from .. import specialization as sp
from . import state
from .kit import (Badge, escaped, ChartCache, DownloadBar, RegionPicker, SectorPicker, ShareLink, guarded, html_table, set_options,
                  threshold_input, year_range, year_slider)
from .shell import Page

__all__ = ["LQModel", "ClusterPotentialExplorer", "Seed000Audit", "ModelFit", "cluster_potential_page"]

FRAMES = ("20", "17")
BASES = {"all": sp.SECTIONS, "industry": sp.INDUSTRY}
TABS = ("heatmap", "region", "candidates", "portfolio", "map", "krugman")


class LQModel:
    """Every indicator of the notebook for every frame, base and year, computed once from BNS GRP by section.

    Parameters
    ----------
    df : pandas.DataFrame, optional
        Long table of value added (``kzclusters.data.load("grp_gva")`` by default).

    Examples
    --------
    >>> m = LQModel()
    >>> lq = m.lq[("20", "all")]
    >>> bool(lq.query("region == 'KRG' and sector == 'C' and year == 2018")["lq"].iloc[0] > 1)
    True
    """

    def __init__(self, df: pd.DataFrame | None = None):
        df = kzdata.load("grp_gva") if df is None else df
        self.values, self.lq, self.strong, self.krugman = {}, {}, {}, {}
        for frame in FRAMES:
            h = kzdata.harmonise(df, frame)
            h = h[h["value"] != 0]   # drop BNS's 0.0 padding of unpublished sections
            for base, sectors in BASES.items():
                v = h[h["sector"].isin(sectors) & (h["region"] != "KZ")]
                self.values[(frame, base)] = v
                self.lq[(frame, base)] = sp.location_quotient(v, base=sectors)
                self.strong[(frame, base)] = sp.strong_clusters(v, base=sectors)
                self.krugman[(frame, base)] = sp.krugman_index(v, base=sectors)
        self.years = sorted(int(y) for y in df["year"].unique())


class ClusterPotentialExplorer:
    """Explorer of location quotients: matrix, a region over time, candidates, portfolio, map, Krugman index.

    Parameters
    ----------
    page : kzclusters.ui.Page
    model : LQModel, optional
        Precomputed indicators (built from BNS data when omitted).
    region : str
        Initial region (``?region=`` in the URL wins).
    year : int, optional

    Examples
    --------
    >>> ex = ClusterPotentialExplorer(Page("01_cluster_potential.ipynb", lang="en"), region="KRG", year=2018)
    >>> png = ex.chart.value
    >>> ex.year.value = 2024
    >>> ex.chart.value != png, "year=2024" in ex.share.url
    (True, True)
    >>> ex.tabs.value = "candidates"
    >>> cand = ex.table_frame()
    >>> bool(cand["rising"].all() and (cand["lq_end"] >= 1).all())
    True
    """

    notebook = "01_cluster_potential"

    def __init__(self, page: Page, model: LQModel | None = None, region: str = "KRG", year: int | None = None):
        self.page = page
        self.m = model or LQModel()
        lang = page.lang.value
        years = self.m.years
        q = state.decode(page.query, {
            "frame": lambda s: s if s in FRAMES else {}[s], "base": lambda s: s if s in BASES else {}[s],
            "region": str, "year": int, "years": lambda s: tuple(int(x) for x in s.split(",")),
            "sector": str, "lq_min": float, "tab": lambda s: s if s in TABS else {}[s]})
        codes = {f: sorted(self.m.lq[(f, "all")]["region"].unique()) for f in FRAMES}
        self.region = RegionPicker(codes, lang, value=q.get("region", region), frame=q.get("frame", "20"))
        self.base = W.ToggleButtons(options=[("", b) for b in BASES], value=q.get("base", "all"),
                                    style={"button_width": "auto"})
        self.base.add_class("kz-base")
        y0 = q.get("year", year)
        self.year = year_slider(years, y0 if y0 in years else None)
        win = q.get("years")
        ok = win and len(win) == 2 and win[0] < win[1] and win[0] in years and win[1] in years
        self.window = year_range(years, tuple(win) if ok else (2015, years[-1]))
        self.sector = SectorPicker([s for s in sp.SECTIONS if s not in ("T",)], lang, value=q.get("sector", "C")
                                   if q.get("sector", "C") in sp.SECTIONS else "C")
        self.lq_min = threshold_input(q.get("lq_min", 1.0) if 0 <= q.get("lq_min", 1.0) <= 5 else 1.0, 0.0, 5.0)
        self.base_note = W.HTML()
        self.tabs = W.ToggleButtons(options=[(n, n) for n in TABS], value=q.get("tab", "heatmap"),
                                    style={"button_width": "auto"}, layout=W.Layout(width="100%"))
        self.tabs.add_class("kz-tabs")
        self.heading = W.HTML()
        self.heading.add_class("kz-heading")
        self.error = W.HTML()
        self.chart = W.Image(format="png", layout=W.Layout(width="100%", max_width="860px", height="auto"))
        self.chart.add_class("kz-chart")
        self.table = W.HTML(layout=W.Layout(width="100%", overflow="auto"))
        self.table.add_class("kz-table-box")
        self.badge = Badge("official")
        self.downloads = DownloadBar()
        self.share = ShareLink()
        self._cache = ChartCache(maxsize=48)
        body = W.VBox([self.heading, self.badge.container, self.error, self.chart, self.table,
                       self.downloads.container], layout=W.Layout(width="100%"))
        self.controls = W.VBox([self.region.container, self.base, self.base_note, self.year, self.window,
                                self.sector.container, self.lq_min], layout=W.Layout(width="100%"))
        self.container = W.VBox([self.controls, self.tabs, body, self.share.container],
                                layout=W.Layout(width="100%"))
        self._busy = False
        for w in (self.region.dropdown, self.region.frame, self.base, self.year, self.window, self.sector.dropdown,
                  self.lq_min, self.tabs):
            w.observe(self._on_change, names="value")
        page.on_relabel(self._relabel)

    # -- state ---------------------------------------------------------------
    def key(self) -> tuple:
        """(frame, base) of the current view."""
        return (self.region.frame.value, self.base.value)

    def tab(self) -> str:
        """Name of the visible tab."""
        return self.tabs.value

    def state(self) -> dict:
        """What the share link encodes."""
        return {"lang": self.page.lang.value, "frame": self.region.frame.value, "base": self.base.value,
                "region": self.region.value, "year": self.year.value, "years": self.window.value,
                "sector": self.sector.dropdown.value, "lq_min": self.lq_min.value, "tab": self.tab()}

    def _names(self, df: pd.DataFrame) -> pd.DataFrame:
        return kzdata.label(df, self.page.lang.value)

    def table_frame(self) -> pd.DataFrame:
        """The numbers behind the visible tab (codes and translated names)."""
        k, y, r = self.key(), self.year.value, self.region.value
        start, end = self.window.value
        tab = self.tab()
        if tab == "heatmap":
            return self._names(self.m.lq[k][self.m.lq[k]["year"] == y])
        if tab == "region":
            lq = self.m.lq[k]
            return self._names(lq[(lq["region"] == r) & lq["year"].between(start, end)])
        if tab == "candidates":
            dyn = sp.lq_dynamics(self.m.lq[k][self.m.lq[k]["region"] == r], base_year=start, end_year=end)
            st = self.m.strong[k]
            st = st[(st["region"] == r) & (st["year"] == end)][["sector", "strong", "stars", "value"]]
            out = dyn.merge(st, on="sector", how="left")
            out = out[(out["lq_end"] >= self.lq_min.value) & out["rising"]]
            return self._names(out.sort_values("lq_end", ascending=False))
        if tab == "portfolio":
            v = self.m.values[k]
            pf = sp.portfolio(v[v["year"].isin([start, end])], start=start, end=end, base=BASES[k[1]],
                              relative_to_nation=True, lq=self.m.lq[k])
            return self._names(pf[pf["region"] == r])
        if tab == "map":
            lq = self.m.lq[k]
            return self._names(lq[(lq["year"] == y) & (lq["sector"] == self.sector.dropdown.value)])
        kr = self.m.krugman[k]
        last = kr[kr["year"] == end].nlargest(3, "krugman")["region"].tolist()
        keep = kr["region"].isin([r, *last]) & kr["year"].between(start, end)
        return self._names(kr[keep].sort_values(["region", "year"]))

    def strong_frame(self) -> pd.DataFrame:
        """Every strong cluster (US Cluster Mapping rule) in the end year of the window, all regions."""
        st = self.m.strong[self.key()]
        st = st[st["strong"] & (st["year"] == self.window.value[1])]
        return self._names(st.sort_values(["stars", "lq"], ascending=False))

    # -- wiring --------------------------------------------------------------
    def _on_change(self, change) -> None:
        if self._busy:
            return
        if change is not None and change.get("owner") is self.base:
            self._busy = True
            try:
                codes = [c for c in BASES[self.base.value] if c in set(self.m.lq[self.key()]["sector"])]
                self.sector.set_codes(codes, self.page.lang.value)
            finally:
                self._busy = False
        self._update()

    def _relabel(self, lang: str) -> None:
        self._busy = True
        try:
            self.region.relabel(lang)
            self.sector.relabel(lang)
            set_options(self.base, [(i18n.t(f"base_{b}", lang), b) for b in BASES])
            self.base.description = i18n.t("base", lang)
            self.year.description = i18n.t("year", lang)
            self.window.description = i18n.t("window", lang)
            self.lq_min.description = i18n.t("threshold_lq", lang)
            set_options(self.tabs, [(i18n.t(f"tab_{name}", lang), name) for name in TABS])
            self.base_note.value = f"<small>{escaped('note_manufacturing_base', lang)}</small>"
        finally:
            self._busy = False
        self._update()

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        tab = self.tab()
        df = self.table_frame()
        key = (tab, lang, *self.key(), self.region.value, self.year.value, self.window.value,
               self.sector.dropdown.value, self.lq_min.value)
        title, fig_fn, shown, headers = self._view(tab, df, lang)
        self.heading.value = f"<h3>{html.escape(title)}</h3>"
        if fig_fn is None:
            self.chart.layout.display = "none"
            png = None
        else:
            self.chart.layout.display = None
            png = self._cache.png(key, fig_fn)
            self.chart.value = png
        self.badge.set(lang, "official", i18n.t("source_bns_grp", lang))
        self.table.value = html_table(shown, headers, digits=2) if len(shown) else \
            f"<p><i>{escaped('none_found', lang)}</i></p>"
        if tab == "candidates":
            st = self.strong_frame()
            st_shown = st[["region_name", "sector_name", "lq", "value", "stars"]].assign(
                stars=lambda d: d["stars"].map(lambda n: "★" * int(n)))
            self.table.value += (f"<h4>{escaped('strong_title', lang, year=self.window.value[1])}</h4>"
                                 + (html_table(st_shown, headers, digits=2) if len(st) else
                                    f"<p><i>{escaped('none_found', lang)}</i></p>"))
        stem = (self.notebook, tab, self.region.frame.value + "u", self.base.value, self.region.value,
                self.year.value if tab in ("heatmap", "map") else "-".join(map(str, self.window.value)))
        self.downloads.set(lang, stem, table=shown.rename(columns=headers), png=png,
                           svg=(lambda: plots.to_svg(fig_fn())) if fig_fn else None,
                           notes={i18n.t("source", lang): i18n.t("source_bns_grp", lang)})
        self.share.set(lang, self.page.url, self.state())

    def _view(self, tab: str, df: pd.DataFrame, lang: str):
        src = f"{i18n.t('badge_official', lang)} · {i18n.t('source_bns_grp', lang)}"
        base = i18n.t(f"base_{self.base.value}", lang)
        region = i18n.region_name(self.region.value, lang, short=True)
        y, (start, end) = self.year.value, self.window.value
        h = {"region_name": i18n.t("region", lang), "sector_name": i18n.t("sector", lang), "lq": "LQ",
             "lq_base": f"LQ {start}", "lq_end": f"LQ {end}", "d_lq": f"ΔLQ {start}–{end}",
             "slope": i18n.t("col_slope", lang), "strong": i18n.t("col_strong", lang),
             "stars": i18n.t("col_stars", lang), "value": i18n.t("unit_mln_kzt", lang),
             "growth": i18n.t("axis_growth_rel", lang), "size": i18n.t("unit_mln_kzt", lang),
             "quadrant": i18n.t("col_quadrant", lang), "krugman": i18n.t("col_krugman", lang),
             "hoover": i18n.t("col_hoover", lang), "year": i18n.t("year", lang)}
        if tab == "heatmap":
            mat = df.pivot_table(index="region_name", columns="sector_name", values="lq")
            order = df.groupby("region_name")["region"].first().sort_values().index
            mat = mat.reindex(order)
            title = i18n.t("chart_lq_heatmap_title", lang, year=y, base=base)
            highlight = i18n.region_name(self.region.value, lang, short=True)

            def fig():
                f = plots.heatmap(mat, title="", cbar_label="LQ", source=src)
                for lab in f.axes[0].get_yticklabels():
                    if lab.get_text() == highlight:
                        lab.set_fontweight("bold")
                        lab.set_color("#b3261e")
                return f
            shown = df.sort_values(["region", "sector"])[["region_name", "sector_name", "lq"]]
            return title, fig, shown, h
        if tab == "region":
            top = df[df["year"] == end].nlargest(6, "lq")["sector"]
            d = df[df["sector"].isin(top)]
            title = i18n.t("chart_lq_region_title", lang, region=region, start=start, end=end, base=base)
            return (title, lambda: plots.lines(d, x="year", y="lq", hue="sector_name", title="", ylabel="LQ",
                                               source=src, hline=1.0),
                    df.sort_values(["sector", "year"])[["sector_name", "year", "lq"]], h)
        if tab == "candidates":
            title = i18n.t("candidates_title", lang, region=region, threshold=f"{self.lq_min.value:g}",
                           start=start, end=end)
            shown = df[["sector_name", "lq_base", "lq_end", "d_lq", "slope", "strong", "stars", "value"]].copy()
            yes, no = i18n.t("yes", lang), i18n.t("no", lang)
            shown["strong"] = shown["strong"].map({True: yes, False: no}).fillna("")
            shown["stars"] = shown["stars"].map(lambda s: "★" * int(s) if pd.notna(s) else "")
            return title, None, shown, h
        if tab == "portfolio":
            title = i18n.t("chart_portfolio_title", lang, region=region, start=start, end=end)
            quads = {q: i18n.t(f"quadrant_{q}", lang) for q in ("star", "mature", "emerging", "transforming")}
            shown = df[["sector_name", "lq", "growth", "size", "quadrant"]].copy()
            shown["quadrant"] = shown["quadrant"].map(quads).fillna("")
            d = df.assign(short=df["sector"])
            return (title, lambda: plots.bubbles(d, x="lq", y="growth", size="size", label="short", title="",
                                                 xlabel=f"LQ {end}", ylabel=i18n.t("axis_growth_rel", lang),
                                                 quadrants=quads, source=src), shown, h)
        if tab == "map":
            sector = i18n.sector_name(self.sector.dropdown.value, lang, short=True)
            title = i18n.t("chart_map_title", lang, sector=sector, year=y, base=base)
            frame = self.region.frame.value
            values = dict(zip(df["region"], df["lq"]))
            labels = {c: i18n.region_name(c, lang, short=True)[:10] for c in values}
            shown = df.sort_values("lq", ascending=False)[["region_name", "lq"]]
            return (title, lambda: plots.choropleth(kzdata.boundaries(frame), values, title="", legend="LQ",
                                                    source=src, labels=labels), shown, h)
        title = i18n.t("chart_krugman_title", lang, start=start, end=end, base=base)
        shown = df[["region_name", "year", "krugman", "hoover"]]
        return (title, lambda: plots.lines(df, x="year", y="krugman", hue="region_name", title="",
                                           ylabel=i18n.t("axis_krugman", lang), source=src), shown, h)


class Seed000Audit:
    """Seed 000's Karaganda tables as printed, the national shares they imply, and the suspicious cells.

    Examples
    --------
    >>> a = Seed000Audit(Page("01_cluster_potential.ipynb", lang="en"))
    >>> t = a.audit_frame()
    >>> round(float(t.query("row == 1 and year == 2016")["implied"].iloc[0]), 2)
    42.94
    >>> sorted(t.loc[t["lq_equals_share"], "row"].unique().tolist())
    [3, 5, 7]
    """

    def __init__(self, page: Page):
        self.page = page
        self.t1 = kzdata.load("seed000_t1_karaganda_manufacturing_structure")
        self.t2 = kzdata.load("seed000_t2_karaganda_lq")
        raw1 = kzdata.read_as_printed(kzdata.data_dir() / "raw/paper/seed000_t1_karaganda_manufacturing_structure.csv")
        raw2 = kzdata.read_as_printed(kzdata.data_dir() / "raw/paper/seed000_t2_karaganda_lq.csv")
        self.raw1, self.raw2 = raw1, raw2
        self.html = W.HTMLMath(layout=W.Layout(width="100%", overflow="auto"))
        self.html.add_class("kz-seed000")
        self.badge = Badge("paper")
        self.downloads = DownloadBar()
        self.container = W.VBox([self.badge.container, self.html, self.downloads.container],
                                layout=W.Layout(width="100%"))
        page.on_relabel(self._relabel)

    def audit_frame(self) -> pd.DataFrame:
        """Printed share and LQ, implied national share with its interval, and the flags, per row and year."""
        rows = []
        for _, r1 in self.raw1.iterrows():
            r2 = self.raw2[self.raw2["row"] == r1["row"]].iloc[0]
            for year in (2016, 2017, 2018):
                s, q = r1[f"y{year}"], r2[f"lq_{year}"]
                rows.append({"row": int(r1["row"]), "label": r1["industry_en"], "year": year, "share": float(s),
                             "lq": float(q), "share_dec": len(s.split(".")[1]) if "." in s else 0,
                             "lq_dec": len(q.split(".")[1]) if "." in q else 0})
        d = pd.DataFrame(rows)
        imp = sp.implied_national_share(d["share"], d["lq"], share_decimals=d["share_dec"], lq_decimals=d["lq_dec"])
        d = pd.concat([d, imp], axis=1)
        d["lq_equals_share"] = np.isclose(d["share"], d["lq"])
        lq_rows = self.raw2.set_index("row")[["lq_2016", "lq_2017", "lq_2018"]].apply(tuple, axis=1)
        twins = {r: [o for o, v in lq_rows.items() if o != r and v == lq_rows[r]] for r in lq_rows.index}
        d = d.merge(self.bns_national_shares(), on=["row", "year"], how="left")
        d["identical_lq_row"] = d["row"].map(lambda r: ", ".join(map(str, twins[str(r)] if str(r) in twins
                                                                      else twins.get(r, []))))
        return d

    def bns_national_shares(self) -> pd.DataFrame:
        """BNS national GVA share of each of the paper's industry groups in manufacturing (10-33), %, 2016-2018.

        Official comparator for the implied national shares: gross value added (BNS 5931), not the output the
        paper used; the 2018 divisions are an older vintage than the C total, so the denominator is the sum
        of the divisions.
        """
        from .. import structure
        from ..registry import sectors

        t1 = self.t1[self.t1["measure"] == "share_pct"][["sector", "row"]].drop_duplicates()
        members = sectors().set_index("code")["members"]
        groups = {c: (members.get(c) or c).split(";") for c in t1["sector"]}
        div = kzdata.load("gva_divisions")
        div = div[div["sector"].isin([f"{i:02d}" for i in range(10, 34)]) & div["year"].between(2016, 2018)]
        parts = structure.aggregate(div, groups)
        sh = structure.shares(pd.concat([parts, div.groupby(["region", "year"], as_index=False)["value"].sum()
                                         .assign(sector="C")]), total="C", components=list(groups))
        return sh.merge(t1, on="sector")[["row", "year", "share"]].rename(columns={"share": "bns_national"})

    def _relabel(self, lang: str) -> None:
        d = self.audit_frame()
        t = lambda k, **kw: html.escape(i18n.t(k, lang, **kw))  # noqa: E731
        names = self.raw1.set_index("row")[f"industry_{'kk' if lang == 'kk' else 'en'}"]
        d["name"] = d["row"].map(lambda r: names.get(str(r), names.get(r, "")))
        printed = d.pivot_table(index=["row", "name"], columns="year", values=["share", "lq"]).reset_index()
        printed.columns = ["row", "name", *[f"{a} {b}" for a, b in printed.columns[2:]]]
        audit = d.assign(interval=d.apply(lambda r: f"[{r['low']:.2f}, {r['high']:.2f}]", axis=1))
        flags = []
        for _, r in audit.iterrows():
            f = []
            if r["lq_equals_share"]:
                f.append(i18n.t("flag_lq_eq_share", lang))
            if r["identical_lq_row"]:
                f.append(i18n.t("flag_identical_row", lang, other=r["identical_lq_row"]))
            flags.append("; ".join(f))
        audit["flag"] = flags
        shown = audit[["row", "name", "year", "share", "lq", "implied", "interval", "bns_national", "flag"]]
        sums = d.groupby("year")[["implied", "low", "high"]].sum().round(2)
        sums_txt = "; ".join(f"{y}: {r['implied']:.2f} [{r['low']:.2f}, {r['high']:.2f}]" for y, r in sums.iterrows())
        hdr = {"row": "№", "name": t("sector"), "year": t("year"), "share": t("col_share_region"),
               "lq": "LQ", "implied": t("col_implied"), "interval": t("col_interval"),
               "bns_national": t("col_bns_national"), "flag": t("col_flag")}
        self.html.value = (f"<h4>{t('seed000_t1_title')}</h4>"
                           + html_table(printed.drop(columns="row"), {"name": t("sector")}, digits=2)
                           + f"<h4>{t('seed000_audit_title')}</h4>" + html_table(shown, hdr, digits=2)
                           + f"<p>{t('seed000_sums', sums=sums_txt)}</p>")
        self.badge.set(lang, "paper", i18n.t("source_seed000", lang))
        self.downloads.set(lang, ("01_cluster_potential", "seed000-audit"), table=shown.rename(columns=hdr),
                           notes={i18n.t("source", lang): i18n.t("source_seed000", lang)})


class ModelFit:
    """Seed 002's four cluster models: the coded profiles and the "which model fits" sliders.

    Examples
    --------
    >>> mf = ModelFit(Page("01_cluster_potential.ipynb", lang="en"))
    >>> mf.sliders["fdi"].value = 3; mf.sliders["leader_firms"].value = 3; mf.sliders["innovation"].value = 1
    >>> mf.result().iloc[0]["model"]
    'indian'
    """

    def __init__(self, page: Page):
        self.page = page
        self.profiles = cluster_models.profiles()
        self.sliders = {c: W.FloatSlider(value=2.0, min=1.0, max=3.0, step=0.5, continuous_update=False,
                                         style={"description_width": "45%"},
                                         layout=W.Layout(width="100%", max_width="560px"))
                        for c in cluster_models.CHARACTERISTICS}
        for s in self.sliders.values():
            s.add_class("kz-model-score")
            s.observe(lambda _: self._update(), names="value")
        self.note = W.HTMLMath()
        self.profile_html = W.HTML(layout=W.Layout(width="100%", overflow="auto"))
        self.chart = W.Image(format="png", layout=W.Layout(width="100%", max_width="700px", height="auto"))
        self.chart.add_class("kz-chart-models")
        self.badge = Badge("paper")
        self.error = W.HTML()
        self.container = W.VBox([self.badge.container, self.profile_html, self.note, *self.sliders.values(),
                                 self.error, self.chart], layout=W.Layout(width="100%"))
        page.on_relabel(lambda lang: self._update())

    def result(self) -> pd.DataFrame:
        """Distances of the current scores to each model."""
        return cluster_models.model_distance({c: s.value for c, s in self.sliders.items()}, self.profiles)

    @guarded
    def _update(self) -> None:
        lang = self.page.lang.value
        for c, s in self.sliders.items():
            s.description = i18n.t(f"char_{c}", lang)
        levels = {1.0: i18n.t("level_low", lang), 2.0: i18n.t("level_medium", lang), 2.5: i18n.t("level_med_high", lang),
                  3.0: i18n.t("level_high", lang)}
        prof = self.profiles.assign(level_name=self.profiles["level"].map(levels).fillna(i18n.t("level_not_stated", lang)))
        wide = prof.pivot(index="characteristic", columns="model", values="level_name") \
                   .reindex(index=list(cluster_models.CHARACTERISTICS), columns=list(cluster_models.MODELS))
        wide.index = [i18n.t(f"char_{c}", lang) for c in wide.index]
        wide = wide.reset_index().rename(columns={"index": ""})
        self.profile_html.value = html_table(wide, {m: i18n.t(f"model_{m}", lang) for m in cluster_models.MODELS})
        self.note.value = f"<p><small>{html.escape(i18n.t('model_fit_short_note', lang))}</small></p>"
        res = self.result().assign(name=lambda d: d["model"].map(lambda m: i18n.t(f"model_{m}", lang)))
        fig = plots.bars(res, label="name", value="similarity", title=i18n.t("model_fit_title", lang),
                         xlabel=i18n.t("col_similarity", lang), source=i18n.t("source_model_fit", lang),
                         badge="paper", highlight=res.iloc[0]["name"])
        self.chart.value = plots.to_png(fig)
        self.badge.set(lang, "paper", i18n.t("source_seed002", lang))


def cluster_potential_page(lang: str | None = None) -> Page:
    """Build notebook 01's page; its sections are attributes the notebook displays one by one.

    Parameters
    ----------
    lang : str, optional
        Initial language (from the URL by default).

    Returns
    -------
    Page
        With ``texts`` (dict of ``HTMLMath`` widgets by text name), ``explorer``,
        ``seed000``, ``world_clusters`` (an HTML table), ``models`` and
        ``sections`` (name -> titled block, in reading order: goals, method,
        seed000, explorer, world, models, exercises).

    Examples
    --------
    >>> p = cluster_potential_page("kk")
    >>> p.explorer.year.description
    'Жыл'
    >>> sorted(p.texts)[:2]
    ['01_bns_data', '01_exercises']
    """
    model = LQModel()   # before the page: a preheated kernel has it ready when the visitor arrives
    page = Page("01_cluster_potential.ipynb", ["grp_gva", "seed000_t1_karaganda_manufacturing_structure",
                                                "seed000_t2_karaganda_lq"], lang=lang)
    page.lecture_texts("01_")
    world = W.HTML(layout=W.Layout(width="100%", overflow="auto"))
    page.world_clusters = world

    def relabel(lang: str) -> None:
        wc = kzdata.load("seed001_t1_world_clusters")
        col = "kk" if lang == "kk" else "en"
        shown = wc[[f"location_{col}", f"cluster_{col}", "year_founded", "initiator_as_printed",
                    f"attraction_{col}", f"development_{col}"]]
        world.value = html_table(shown, dict(zip(shown.columns, [i18n.t(k, lang) for k in (
            "col_location", "col_cluster", "col_year_founded", "col_initiator", "col_attraction",
            "col_development")])))

    page.on_relabel(relabel)
    page.explorer = ClusterPotentialExplorer(page, model)
    page.seed000 = Seed000Audit(page)
    page.models = ModelFit(page)
    tx = page.texts
    world_badge = Badge("paper")
    page.on_relabel(lambda lang: world_badge.set(lang, "paper", i18n.t("source_seed001", lang)))
    page.sections = {
        "goals": page.section("section_goals", tx["01_goals"]),
        "method": page.section("section_method", tx["01_method"]),
        "seed000": page.section("section_seed000", tx["01_seed000_example"], page.seed000.container,
                                tx["01_seed000_audit"]),
        "explorer": page.section("section_explorer", tx["01_bns_data"], page.explorer.container),
        "world": page.section("section_world", tx["01_world_clusters"], world_badge.container, world),
        "models": page.section("section_models", tx["01_models"], tx["01_model_fit_note"], page.models.container),
        "exercises": page.section("section_exercises", tx["01_exercises"]),
    }
    return page
