"""Notebook 05: industry priorities — multi-criteria ranking (MEREC, entropy, CRITIC; weighted sum, TOPSIS).

Seed 004's opening paper (Begimbay and Myrzakhmet) does not publish its decision
matrix: the explorer ranks manufacturing industries on the criteria BNS measures,
or on the paper's eight criteria with values the user types or uploads.
"""

from __future__ import annotations

import html

import ipywidgets as W
import numpy as np
import pandas as pd

from .. import i18n, mcdm, plots
from .. import priorities as prio
from .._errors import DataError
from ..io import parse_number
from . import downloads, state
from .kit import (Badge, ChartCache, DownloadBar, FULL, ShareLink, UploadPanel, WeightSliders, chart_image, escaped, guarded,
                  html_table, set_options, table_box, toggle, year_slider)
from .shell import Page

__all__ = ["PriorityExplorer", "industry_priorities_page"]

NOTEBOOK = "05_industry_priorities"
OBJECTIVE = ("merec", "entropy", "critic")
TABS = ("ranking", "weights", "sensitivity", "merec", "paper")


def _industry_name(code: str, lang: str) -> str:
    slug = prio.PAPER_INDUSTRIES.get(code)
    return i18n.t(f"prio_ind_{slug}", lang) if slug else i18n.sector_name(code, lang, short=True)


class PriorityExplorer:
    """Rank manufacturing industries: expert and objective weights, benefit/cost, normalisation, method.

    Parameters
    ----------
    page : kzclusters.ui.Page

    Examples
    --------
    >>> ex = PriorityExplorer(Page("05_industry_priorities.ipynb", lang="en"))
    >>> ex.blend.value = 0.0                               # expert weights only
    >>> before = ex.ranking()["rank"].tolist()
    >>> ex.expert.sliders["volatility"].value = 10        # stability weighs most
    >>> ex.ranking()["rank"].tolist() != before
    True
    >>> ex.source.value = "own"; ex.ranking() is None      # the paper's matrix is not published
    True
    """

    notebook = NOTEBOOK

    def __init__(self, page: Page):
        self.page = page
        q = state.decode(page.query, {
            "year": int, "objective": lambda s: s if s in OBJECTIVE else {}[s], "blend": float,
            "method": lambda s: s if s in mcdm.SCORING_METHODS else {}[s],
            "norm": lambda s: s if s in mcdm.MATRIX_NORMALISATIONS else {}[s],
            "tab": lambda s: s if s in TABS else {}[s]})
        self.bns_criteria = prio.bns_criteria()
        self.bns_codes = list(self.bns_criteria.loc[self.bns_criteria["default"], "criterion"])
        self.paper_codes = [c.code for c in prio.CRITERIA]
        years = list(range(2018, 2026))
        self.year = year_slider(years, q["year"] if q.get("year") in years else 2024)
        self.source = toggle(("bns", "own"), "bns", "kz-source")
        self.objective = W.Dropdown(options=[(o, o) for o in OBJECTIVE], value=q.get("objective", "merec"),
                                    layout=W.Layout(width="auto"), style={"description_width": "initial"})
        self.objective.add_class("kz-objective")
        blend = q.get("blend", 0.5)      # the paper: MEREC weights adjusted by experts
        self.blend = W.FloatSlider(value=blend if 0 <= blend <= 1 else 0.5, min=0.0, max=1.0, step=0.1,
                                   continuous_update=False, style={"description_width": "initial"},
                                   layout=W.Layout(width="100%", max_width="520px"))
        self.blend.add_class("kz-blend")
        self.norm = W.Dropdown(options=[(n, n) for n in mcdm.MATRIX_NORMALISATIONS], value=q.get("norm", "minmax"),
                               layout=W.Layout(width="auto"), style={"description_width": "initial"})
        self.norm.add_class("kz-normalisation")
        self.method = toggle(mcdm.SCORING_METHODS, q.get("method", "weighted_sum"), "kz-method")
        self.noise = W.FloatSlider(value=0.1, min=0.0, max=0.5, step=0.05, continuous_update=False,
                                   readout_format=".0%", style={"description_width": "initial"},
                                   layout=W.Layout(width="100%", max_width="520px"))
        self.noise.add_class("kz-noise")
        self.criterion = W.Dropdown(layout=W.Layout(width="auto"), style={"description_width": "initial"})
        self.criterion.add_class("kz-criterion")
        self.mode = toggle(("relative", "points"), "relative", "kz-sensitivity-mode")
        self.tabs = toggle(TABS, q.get("tab", "ranking"), "kz-tabs")
        self.tabs.layout.width = "100%"
        # the grid of the user's own matrix (paper criteria x paper industries)
        self.industries = list(prio.paper_scores()["industry"])
        self.cells = {(i, c): self._cell() for i in self.industries for c in self.paper_codes}
        self.grid_labels = {i: W.HTML(layout=W.Layout(width="170px")) for i in self.industries}
        self.grid_head = W.HTML()
        self.grid = W.VBox([self.grid_head] + [W.HBox([self.grid_labels[i], *[self.cells[(i, c)]
                                                                              for c in self.paper_codes]],
                                                      layout=W.Layout(flex_flow="row wrap"))
                                               for i in self.industries], layout=FULL)
        self.upload = UploadPanel(self._on_upload, reader=lambda payload, filename: prio.read_matrix(payload, filename),
                                  hint_key="prio_upload_hint")
        self.template = W.HTML()
        # its own Layout: FULL is shared, and this box is hidden for the BNS source
        self.own_box = W.VBox([self.grid, self.template, self.upload.container], layout=W.Layout(width="100%"))
        self.benefit_box = W.HBox(layout=W.Layout(flex_flow="row wrap"))
        self.expert_box = W.VBox(layout=FULL)
        self.benefit: dict = {}
        self.expert = None
        self.heading = W.HTML()
        self.heading.add_class("kz-heading")
        self.badge = Badge("official")
        self.error = W.HTML()
        self.note = W.HTML()
        self.chart = W.Image(format="png", layout=W.Layout(width="100%", max_width="860px", height="auto"))
        self.chart.add_class("kz-chart")
        self.table = W.HTML(layout=W.Layout(width="100%", overflow="auto"))
        self.table.add_class("kz-table-box")
        self.downloads = DownloadBar()
        self.share = ShareLink()
        self.labels = {k: W.HTML() for k in ("expert", "benefit", "method")}
        self._cache = ChartCache(maxsize=48)
        self.container = W.VBox([self.source, self.year, self.own_box, self.labels["benefit"], self.benefit_box,
                                 self.labels["expert"], self.expert_box, self.labels["method"], self.objective,
                                 self.blend, self.norm, self.method, self.noise, self.tabs, self.criterion, self.mode,
                                 self.heading, self.badge.container, self.error, self.note, self.chart, self.table,
                                 self.downloads.container, self.share.container], layout=FULL)
        self._busy = False
        self._criteria_widgets()
        for w in (self.year, self.objective, self.blend, self.norm, self.method, self.noise, self.criterion,
                  self.mode, self.tabs, *self.cells.values()):
            w.observe(self._changed, names="value")
        self.source.observe(self._on_source, names="value")
        page.on_relabel(self._relabel)

    @staticmethod
    def _cell() -> W.Text:
        w = W.Text(value="", placeholder="—", layout=W.Layout(width="78px"))
        w.add_class("kz-cell")
        return w

    # -- the matrix --------------------------------------------------------------
    def codes(self) -> list:
        """Criteria of the current source."""
        return self.bns_codes if self.source.value == "bns" else self.paper_codes

    def matrix(self) -> pd.DataFrame | None:
        """The decision matrix (industries x criteria); None while the user's grid has empty cells."""
        if self.source.value == "bns":
            return prio.bns_matrix(self.year.value, criteria=self.bns_codes)
        values = {}
        for (i, c), w in self.cells.items():
            if not w.value.strip():
                return None
            try:
                values[(i, c)] = parse_number(w.value)
            except ValueError:
                raise DataError(f'{i}, {c}: "{w.value}" is not a number', key="err_not_number", file="grid",
                                row=self.industries.index(i) + 2, column=c, value=w.value) from None
        return pd.DataFrame({c: [values[(i, c)] for i in self.industries] for c in self.paper_codes},
                            index=pd.Index(self.industries, name="industry"))

    def benefits(self) -> dict:
        """Criterion -> True (benefit) / False (cost), as toggled."""
        return {c: w.value == "benefit" for c, w in self.benefit.items()}

    def weights(self, matrix: pd.DataFrame) -> pd.DataFrame:
        """Expert, objective and blended weights per criterion."""
        expert = pd.Series(self.expert.weights())
        b = self.benefits()
        obj = {"merec": lambda: mcdm.merec_weights(matrix, b, zeros="shift"),
               # entropy of the min-max normalised matrix: BNS criteria can be negative (growth, share change)
               "entropy": lambda: mcdm.entropy_weights(mcdm.normalise_matrix(matrix, b, method="minmax"), b),
               "critic": lambda: mcdm.critic_weights(matrix, b)}[self.objective.value]()
        final = mcdm.blend(expert, obj, self.blend.value)
        return pd.DataFrame({"expert": expert, "objective": obj.reindex(expert.index), "final": final})

    def ranking(self) -> pd.DataFrame | None:
        """Score, rank and 5-95 % rank interval of each industry; None while the matrix is incomplete."""
        m = self.matrix()
        if m is None:
            return None
        w = self.weights(m)["final"]
        ri = mcdm.rank_interval(m, w, self.benefits(), noise=self.noise.value, n=2000, seed=0,
                                method=self.method.value, normalisation=self.norm.value)
        return ri

    # -- wiring ------------------------------------------------------------------
    def _criteria_widgets(self) -> None:
        codes = self.codes()
        if self.source.value == "bns":
            dirs = dict(zip(self.bns_criteria["criterion"], self.bns_criteria["direction"]))
            raw = {c: 1.0 for c in codes}
        else:
            pw = prio.paper_weights().set_index("criterion")
            dirs = {c.code: c.direction for c in prio.CRITERIA}
            raw = {c: float(pw.loc[c, "weight_pct"]) / 2 for c in codes}      # 18 % -> 9 on the 0..10 sliders
        self.benefit = {c: toggle(("benefit", "cost"), dirs.get(c, "benefit"), "kz-benefit") for c in codes}
        for w in self.benefit.values():
            w.observe(self._changed, names="value")
        self.expert = WeightSliders(codes, {}, raw=raw)
        for s in self.expert.sliders.values():
            s.observe(self._changed, names="value")
        self.benefit_rows = {c: W.HBox([W.HTML(layout=W.Layout(width="230px")), w]) for c, w in self.benefit.items()}
        self.benefit_box.children = tuple(self.benefit_rows.values())
        self.expert_box.children = (self.expert.container,)
        self.criterion.options = [(c, c) for c in codes]
        self.criterion.value = codes[0]
        self.own_box.layout.display = "none" if self.source.value == "bns" else None
        self.year.layout.display = None if self.source.value == "bns" else "none"

    def _on_source(self, _change) -> None:
        self._busy = True
        try:
            self._criteria_widgets()
            self._labels(self.page.lang.value)
        finally:
            self._busy = False
        self._update()

    def _on_upload(self, df) -> None:
        if df is None:
            return
        self._busy = True
        try:
            for (i, c), w in self.cells.items():
                v = df[c].get(i, np.nan) if c in df.columns else np.nan
                w.value = "" if pd.isna(v) else f"{v:g}"
        finally:
            self._busy = False
        self._update()

    def _changed(self, _change=None) -> None:
        if not self._busy:
            self._update()

    def _crit_name(self, c: str, lang: str) -> str:
        key = f"prio_bns_{c}" if c in set(self.bns_criteria["criterion"]) else f"prio_crit_{c}"
        return i18n.t(key, lang)

    def _labels(self, lang: str) -> None:
        names = {c: self._crit_name(c, lang) for c in self.codes()}
        self.expert.relabel(names)
        for c, row in self.benefit_rows.items():
            row.children[0].value = html.escape(names[c])
            set_options(self.benefit[c], [(i18n.t(f"prio_{d}", lang), d) for d in ("benefit", "cost")])
        set_options(self.criterion, [(names[c], c) for c in self.codes()])
        self.criterion.description = i18n.t("prio_criterion", lang)
        set_options(self.source, [(i18n.t(f"prio_source_{s}", lang), s) for s in ("bns", "own")])
        set_options(self.objective, [(i18n.t(f"prio_objective_{o}", lang), o) for o in OBJECTIVE])
        self.objective.description = i18n.t("prio_objective", lang)
        self.blend.description = i18n.t("prio_blend", lang)
        self.norm.description = i18n.t("prio_normalisation", lang)
        set_options(self.norm, [(i18n.t(f"prio_norm_{n}", lang), n) for n in mcdm.MATRIX_NORMALISATIONS])
        set_options(self.method, [(i18n.t(f"prio_method_{m}", lang), m) for m in mcdm.SCORING_METHODS])
        self.noise.description = i18n.t("prio_noise", lang)
        set_options(self.mode, [(i18n.t(f"prio_mode_{m}", lang), m) for m in ("relative", "points")])
        set_options(self.tabs, [(i18n.t(f"prio_tab_{t}", lang), t) for t in TABS])
        self.year.description = i18n.t("year", lang)
        self.labels["expert"].value = f"<b>{escaped('prio_expert_weights', lang)}</b>"
        self.labels["benefit"].value = f"<b>{escaped('prio_directions', lang)}</b>"
        self.labels["method"].value = f"<b>{escaped('prio_method_choices', lang)}</b>"
        self.grid_head.value = (f"<p>{escaped('prio_template_note', lang)}</p><small>"
                                + " · ".join(f"{i + 1}: {html.escape(self._crit_name(c, lang))}"
                                             for i, c in enumerate(self.paper_codes)) + "</small>")
        for i, w in self.grid_labels.items():
            w.value = html.escape(_industry_name(i, lang))
        for (i, c), w in self.cells.items():
            w.description = ""
            w.placeholder = str(self.paper_codes.index(c) + 1)
        self.upload.relabel(lang)
        self.template.value = (f"<small>{escaped('prio_template_hint', lang)}</small> " + downloads.link(
            downloads.csv_bytes(prio.template(lang)), "csv",
            downloads.filename(NOTEBOOK, "criteria_template", ext="csv"), i18n.t("prio_template_download", lang),
            "kz-download-template"))

    def _relabel(self, lang: str) -> None:
        self._busy = True
        try:
            self._labels(lang)
        finally:
            self._busy = False
        self._update()

    def state(self) -> dict:
        """What the share link encodes."""
        return {"lang": self.page.lang.value, "year": self.year.value, "objective": self.objective.value,
                "blend": self.blend.value, "method": self.method.value, "norm": self.norm.value,
                "tab": self.tabs.value}

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        tab = self.tabs.value
        own = self.source.value == "own"
        self.criterion.layout.display = self.mode.layout.display = None if tab == "sensitivity" else "none"
        kind = "upload" if own else "official"
        src_text = i18n.t("prio_source_own_badge" if own else "prio_source_bns_badge", lang)
        self.badge.set(lang, kind, src_text)
        src = f"{i18n.t('badge_' + kind, lang)} · {src_text}"
        title_year = self.year.value if not own else i18n.t("prio_your_matrix", lang)
        m = self.matrix()
        if m is None:
            self.heading.value = f"<h3>{escaped('prio_ranking_title', lang, year=title_year)}</h3>"
            self.chart.layout.display = "none"
            self.note.value = f"<p><i>{escaped('prio_fill_grid', lang)}</i></p>"
            self.table.value = ""
            self.downloads.set(lang, (NOTEBOOK, "own"))
            self.share.set(lang, self.page.url, self.state())
            return
        self.note.value = ""
        w = self.weights(m)
        names = {c: self._crit_name(c, lang) for c in m.columns}
        key = (tab, lang, self.source.value, self.year.value, tuple(m.round(9).to_numpy().ravel()),
               tuple(w["final"].round(9)), tuple(self.benefits().items()), self.norm.value, self.method.value,
               self.noise.value, self.criterion.value, self.mode.value)
        fig_fn = None
        if tab == "ranking":
            r = self.ranking()
            r = r.assign(name=[_industry_name(i, lang) for i in r["alternative"]])
            title = i18n.t("prio_ranking_title", lang, year=title_year)
            fig_fn = lambda: plots.rank_bars(r, label="name", score="score", title="",   # noqa: E731
                                             xlabel=i18n.t("prio_col_score", lang),
                                             rank_label=i18n.t("prio_col_rank", lang), source=src, badge=kind)
            shown = r.sort_values("rank")[["name", "score", "rank", "rank_p05", "rank_p95"]]
            h = {"name": i18n.t("prio_col_industry", lang), "score": i18n.t("prio_col_score", lang),
                 "rank": i18n.t("prio_col_rank", lang), "rank_p05": i18n.t("prio_col_rank_p05", lang),
                 "rank_p95": i18n.t("prio_col_rank_p95", lang)}
        elif tab == "weights":
            d = w.reset_index().rename(columns={"index": "criterion"})
            d["name"] = [names[c] for c in d["criterion"]]
            title = i18n.t("prio_weights_title", lang, objective=i18n.t(f"prio_objective_{self.objective.value}", lang),
                           share=f"{self.blend.value:.1f}")
            series_names = {"expert": i18n.t("prio_col_expert", lang),
                            "objective": i18n.t(f"prio_objective_{self.objective.value}", lang),
                            "final": i18n.t("prio_col_final", lang)}
            fig_fn = lambda: plots.grouped_bars(d, label="name", series=["expert", "objective", "final"],   # noqa: E731
                                                names=series_names, title="", xlabel=i18n.t("prio_col_weight", lang),
                                                source=src, badge=kind)
            shown = d[["name", "expert", "objective", "final"]]
            h = {"name": i18n.t("prio_criterion", lang), **series_names}
        elif tab == "sensitivity":
            steps = (-0.1, -0.05, 0.0, 0.05, 0.1)
            s = mcdm.rank_sensitivity(m, w["final"], self.benefits(), method=self.method.value,
                                      normalisation=self.norm.value, steps=steps, mode=self.mode.value)
            s = s[s["criterion"] == self.criterion.value]
            s = s.assign(name=[_industry_name(i, lang) for i in s["alternative"]],
                         change_pct=100 * s["change"])
            title = i18n.t("prio_sensitivity_title", lang, criterion=names[self.criterion.value],
                           mode=i18n.t(f"prio_mode_{self.mode.value}", lang))
            fig_fn = lambda: plots.lines(s, x="change_pct", y="rank", hue="name", title="",   # noqa: E731
                                         ylabel=i18n.t("prio_col_rank", lang), source=src, badge=kind)
            shown = s.pivot_table(index="name", columns="change_pct", values="rank").reset_index()
            shown.columns = [str(c) if not isinstance(c, float) else f"{c:+g}" for c in shown.columns]
            h = {"name": i18n.t("prio_col_industry", lang)}
        elif tab == "merec":
            steps = mcdm.merec_weights(m, self.benefits(), zeros="shift", return_steps=True)
            title = i18n.t("prio_merec_title", lang)
            sdf = pd.DataFrame({"name": [_industry_name(i, lang) for i in steps.S.index], "S": steps.S.to_numpy()})
            sp = steps.S_removed.copy()
            sp.columns = [f"S′ −{names[c]}" for c in sp.columns]
            shown = pd.concat([sdf.reset_index(drop=True), sp.reset_index(drop=True)], axis=1)
            e = pd.DataFrame({"name": [names[c] for c in steps.E.index], "E": steps.E.to_numpy(),
                              "w": steps.weights.to_numpy()})
            h = {"name": i18n.t("prio_col_industry", lang)}
            self.note.value = (f"<h4>{escaped('prio_merec_e', lang)}</h4>"
                               + html_table(e, {"name": i18n.t("prio_criterion", lang), "E": "E_j", "w": "w_j"},
                                            digits=4)
                               + (f"<p><small>{escaped('prio_merec_shift', lang)}</small></p>"
                                  if (steps.shift != 0).any() else ""))
        else:
            r = self.ranking()
            p = prio.paper_scores()[["industry", "score", "rank"]].rename(
                columns={"score": "paper_score", "rank": "paper_rank"})
            d = p.merge(r.rename(columns={"alternative": "industry"})[["industry", "score", "rank"]], on="industry",
                        how="left")
            shown = d.assign(name=[_industry_name(i, lang) for i in d["industry"]])[
                ["name", "paper_score", "paper_rank", "score", "rank"]]
            title = i18n.t("prio_paper_title", lang)
            h = {"name": i18n.t("prio_col_industry", lang), "paper_score": i18n.t("prio_col_paper_score", lang),
                 "paper_rank": i18n.t("prio_col_paper_rank", lang), "score": i18n.t("prio_col_score", lang),
                 "rank": i18n.t("prio_col_rank", lang)}
        self.heading.value = f"<h3>{html.escape(title)}</h3>"
        png = None
        if fig_fn is None:
            self.chart.layout.display = "none"
        else:
            self.chart.layout.display = None
            png = self._cache.png(key, fig_fn)
            self.chart.value = png
        self.table.value = html_table(shown, h, digits=3)
        stem = (self.notebook, tab, self.source.value, self.year.value if not own else "own")
        self.downloads.set(lang, stem, table=shown.rename(columns=h), png=png,
                           svg=(lambda: plots.to_svg(fig_fn())) if fig_fn else None,
                           notes={i18n.t("source", lang): src_text, i18n.t("ict_settings", lang): str(self.state())})
        self.share.set(lang, self.page.url, self.state())


def _context_html(lang: str) -> str:
    """The policy context: helix indicators, cluster programmes, Malaysia v Kazakhstan, scenarios."""
    col = "ru" if lang in ("ru", "kk") else "en"
    out = []
    hx = prio.helix_indicators()
    out += [f"<h4>{escaped('prio_helix_title', lang)}</h4>", html_table(
        hx.assign(pillar=[i18n.t(k, lang) for k in hx["pillar_key"]])[["pillar", f"indicator_{col}"]],
        {"pillar": i18n.t("prio_col_pillar", lang), f"indicator_{col}": i18n.t("col_indicator", lang)})]
    tl = prio.cluster_programme("timeline")
    out += [f"<h4>{escaped('prio_timeline_title', lang)}</h4>", html_table(
        tl.assign(period=[f"{a}" if pd.isna(b) or a == b else f"{a}–{b}" for a, b in zip(tl["start"], tl["end"])],
                  event=[i18n.t(k, lang) for k in tl["event_key"]])[["period", "event"]],
        {"period": i18n.t("prod_col_period", lang), "event": i18n.t("prio_col_event", lang)})]
    cl = prio.cluster_programme("clusters")
    out += [f"<h4>{escaped('prio_clusters_title', lang)}</h4>", html_table(
        cl[["wave", "period", f"cluster_{col}", "status"]],
        {"wave": i18n.t("prio_col_wave", lang), "period": i18n.t("prod_col_period", lang),
         f"cluster_{col}": i18n.t("prio_col_cluster", lang), "status": i18n.t("prio_col_status", lang)})]
    cf = prio.cluster_programme("cofinancing")
    out += [html_table(cf.assign(initiator=[i18n.t(k, lang) for k in cf["initiator_key"]])[
        ["initiator", "state_pct", "firms_pct", "from_year"]],
        {"initiator": i18n.t("prio_col_initiator", lang), "state_pct": i18n.t("prio_col_state_pct", lang),
         "firms_pct": i18n.t("prio_col_firms_pct", lang), "from_year": i18n.t("prio_col_from_year", lang)}, digits=0)]
    cmp_ = prio.malaysia_kazakhstan("comparison")
    out += [f"<h4>{escaped('prio_comparison_title', lang)}</h4>", html_table(
        cmp_[[f"criterion_{'ru' if col == 'ru' else 'en'}", "malaysia_before_NIMP_en", "kazakhstan_current_en",
              "implication_for_kazakhstan_en"]],
        {f"criterion_{'ru' if col == 'ru' else 'en'}": i18n.t("prio_criterion", lang),
         "malaysia_before_NIMP_en": i18n.t("prio_col_malaysia", lang),
         "kazakhstan_current_en": i18n.t("prio_col_kazakhstan", lang),
         "implication_for_kazakhstan_en": i18n.t("prio_col_implication", lang)})]
    mk = prio.malaysia_kazakhstan("rankings")
    out += [f"<h4>{escaped('prio_malaysia_title', lang)}</h4>", html_table(
        mk[["ranking", "year", "country", "rank_printed", "rank_verified", "correction_note"]],
        {"ranking": i18n.t("prio_col_ranking", lang), "year": i18n.t("year", lang),
         "country": i18n.t("prio_col_country", lang), "rank_printed": i18n.t("msme_col_printed", lang),
         "rank_verified": i18n.t("prio_col_verified", lang), "correction_note": i18n.t("msme_col_reason", lang)})]
    for level, text_col in (("development", "description_kz" if lang == "kk" else "description_en"),
                            ("global", "driver_en")):
        sc = prio.scenarios(level)
        out += [f"<h4>{escaped(f'prio_scenarios_{level}', lang)}</h4>", html_table(
            sc.assign(name=[i18n.t(k, lang) for k in sc["name_key"]])[["id", "name", text_col]],
            {"id": "#", "name": i18n.t("col_name", lang), text_col: i18n.t("prio_col_narrative", lang)})]
    return "".join(out)


def industry_priorities_page(lang: str | None = None) -> Page:
    """Build notebook 05's page; its sections are attributes the notebook displays one by one.

    Parameters
    ----------
    lang : str, optional
        Initial language (from the URL by default).

    Returns
    -------
    Page
        With ``texts``, ``explorer`` (:class:`PriorityExplorer`) and
        ``sections`` (goals, method, data, explorer, sensitivity, context,
        exercises).

    Examples
    --------
    >>> p = industry_priorities_page("kk")
    >>> p.explorer.year.description
    'Жыл'
    >>> list(p.sections)[:3]
    ['goals', 'method', 'data']
    """
    page = Page("05_industry_priorities.ipynb", ["gva_divisions", "seed004_prio_p1_t1_criteria_weights",
                                                 "seed004_prio_p1_t2_integral_scores"], lang=lang)
    page.lecture_texts("05_")
    page.explorer = PriorityExplorer(page)
    context = W.HTML(layout=W.Layout(width="100%", overflow="auto"))
    page.on_relabel(lambda lang: setattr(context, "value", _context_html(lang)))
    tx = page.texts
    page.sections = {
        "goals": page.section("section_goals", tx["05_goals"]),
        "method": page.section("section_prio_method", tx["05_method"]),
        "data": page.section("section_prio_data", tx["05_data"]),
        "explorer": page.section("section_prio_explorer", page.explorer.container),
        "sensitivity": page.section("section_prio_sensitivity", tx["05_sensitivity"]),
        "context": page.section("section_prio_context", tx["05_context"], context),
        "exercises": page.section("section_exercises", tx["05_exercises"]),
    }
    return page
