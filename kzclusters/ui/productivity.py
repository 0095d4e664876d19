"""Notebook 04: labour productivity — sectors and regions, shift-share, convergence, investment effects, gap.

The papers of seed 004 publish no data series, so every computation runs on
BNS data (:mod:`kzclusters.productivity`); the papers' estimates are shown
beside them as reference.
"""

from __future__ import annotations

import html

import ipywidgets as W
import numpy as np
import pandas as pd

from .. import data as kzdata
from .. import i18n, plots
from .. import msme
from .. import productivity as pr
from .._errors import DataError
from .kit import (Badge, ChartCache, DownloadBar, FULL, chart_image, escaped, guarded, html_table, set_options, table_box,
                  toggle, year_range)
from .measures import Measure, MeasureExplorer
from .shell import Page

__all__ = ["SectorProductivity", "ShiftShare", "Convergence", "InvestmentEffect", "GapCalculator",
           "productivity_page"]

NOTEBOOK = "04_productivity"
STRUCTURAL_CA = -0.64     # pp a year: the structural-change component Radosevic (seed 004, P3) quotes


def _sector_name(code: str, lang: str) -> str:
    return i18n.t("prod_sector_other_services", lang) if code == "OTHER_SERVICES" else \
        i18n.sector_name(code, lang, short=True)


class _View:
    """Heading, badge, error, chart, table and downloads of one analysis; controls observed without loops."""

    source_key = "source_bns_productivity"
    badge_kind = "official"

    def _frame(self, page: Page, controls: list, extra: list = ()) -> None:
        self.page = page
        self.heading = W.HTML()
        self.heading.add_class("kz-heading")
        self.badge = Badge(self.badge_kind)
        self.error = W.HTML()
        self.chart = W.Image(format="png", layout=W.Layout(width="100%", max_width="860px", height="auto"))
        self.chart.add_class("kz-chart")
        self.table = W.HTML(layout=W.Layout(width="100%", overflow="auto"))
        self.table.add_class("kz-table-box")
        self.downloads = DownloadBar()
        self._cache = ChartCache(maxsize=32)
        self._busy = False
        self.container = W.VBox([*controls, self.heading, self.badge.container, self.error, self.chart,
                                  *extra, self.table, self.downloads.container], layout=FULL)
        page.on_relabel(self._relabel)

    def _watch(self, *widgets) -> None:
        for w in widgets:
            w.observe(self._changed, names="value")

    def _changed(self, _change=None) -> None:
        if not self._busy:
            self._update()

    def _relabel(self, lang: str) -> None:
        self._busy = True
        try:
            self._labels(lang)
        finally:
            self._busy = False
        self._update()

    def _labels(self, lang: str) -> None:
        """Translate the controls (subclasses)."""

    def _src(self, lang: str) -> str:
        return f"{i18n.t('badge_' + self.badge_kind, lang)} · {i18n.t(self.source_key, lang)}"

    def _show(self, lang: str, title: str, key, fig_fn, shown: pd.DataFrame, headers: dict, stem: tuple,
              digits: int = 2) -> None:
        self.heading.value = f"<h3>{html.escape(title)}</h3>"
        self.badge.set(lang, self.badge_kind, i18n.t(self.source_key, lang))
        png = None
        if fig_fn is None:
            self.chart.layout.display = "none"
        else:
            self.chart.layout.display = None
            png = self._cache.png((lang, *key), fig_fn)
            self.chart.value = png
        self.table.value = html_table(shown, headers, digits=digits)
        self.downloads.set(lang, (NOTEBOOK, *stem), table=shown.rename(columns=headers), png=png,
                           svg=(lambda: plots.to_svg(fig_fn())) if fig_fn else None,
                           notes={i18n.t("source", lang): i18n.t(self.source_key, lang)})


def _basis_label(basis: str, lang: str) -> str:
    return i18n.t(f"prod_basis_{basis}", lang)


# ============================================================================ sectors


class SectorProductivity(_View):
    """Labour productivity by OKED section, Kazakhstan: levels over a window (nominal or real).

    Examples
    --------
    >>> s = SectorProductivity(Page("04_productivity.ipynb", lang="en"), pr.bns_sector_panel())
    >>> s.window.value = (2015, 2024)
    >>> t = s.frame(); int(t["year"].min()), int(t["year"].max())
    (2015, 2024)
    """

    def __init__(self, page: Page, panel: pd.DataFrame):
        self.panel = panel
        years = sorted(int(y) for y in panel["year"].unique())
        self.window = year_range(years, (years[0], years[-1]))
        self.basis = toggle(("real", "nominal"), "real", "kz-basis")
        self.view = toggle(("level", "growth"), "level", "kz-tabs")
        self._frame(page, [self.window, self.basis, self.view])
        self._watch(self.window, self.basis, self.view)

    def growth(self) -> pd.DataFrame:
        """Growth of each sector's productivity over the window (:func:`kzclusters.msme.growth_rate`)."""
        a, b = self.window.value
        if a >= b:
            raise DataError("choose a window of at least two years", key="err_prod_window", start=a, end=b)
        return msme.growth_rate(self.frame()[["sector", "year", "value"]], start=a, end=b, by=["sector"],
                                name="sector productivity")

    def _col(self) -> str:
        return "productivity_real" if self.basis.value == "real" else "productivity"

    def frame(self) -> pd.DataFrame:
        """Sector, year and productivity (thousand KZT per employed) in the window."""
        a, b = self.window.value
        p = self.panel
        return p[p["year"].between(a, b)][["sector", "year", self._col(), "employment"]].rename(
            columns={self._col(): "value"})

    def _labels(self, lang: str) -> None:
        self.window.description = i18n.t("window", lang)
        set_options(self.basis, [(_basis_label(b, lang), b) for b in ("real", "nominal")])
        set_options(self.view, [(i18n.t(f"prod_view_{v}", lang), v) for v in ("level", "growth")])

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        if self.view.value == "growth":
            self._growth(lang)
            return
        d = self.frame()
        d = d.assign(sector_name=[_sector_name(s, lang) for s in d["sector"]])
        a, b = self.window.value
        basis = _basis_label(self.basis.value, lang)
        title = i18n.t("prod_sector_title", lang, start=a, end=b, basis=basis)
        wide = d.pivot_table(index="sector_name", columns="year", values="value")
        shown = wide.reset_index()
        shown.columns = [str(c) for c in shown.columns]
        h = {"sector_name": i18n.t("sector", lang)}
        self._show(lang, title, ("sectors", a, b, self.basis.value), lambda: plots.lines(
            d, x="year", y="value", hue="sector_name", title="", ylabel=i18n.t("prod_unit", lang, basis=basis),
            source=self._src(lang)), shown, h, ("sectors", self.basis.value, f"{a}-{b}"), digits=0)


    def _growth(self, lang: str) -> None:
        a, b = self.window.value
        g = self.growth()
        g = g.assign(sector_name=[_sector_name(x, lang) for x in g["sector"]], pct=100 * g["growth"])
        basis = _basis_label(self.basis.value, lang)
        title = i18n.t("prod_sector_growth_title", lang, start=a, end=b, basis=basis)
        shown = g.sort_values("pct", ascending=False)[["sector_name", "value_start", "value_end", "pct"]]
        h = {"sector_name": i18n.t("sector", lang), "value_start": str(a), "value_end": str(b),
             "pct": i18n.t("prod_growth_pct", lang)}
        self._show(lang, title, ("sector_growth", a, b, self.basis.value), lambda: plots.bars(
            g, label="sector_name", value="pct", title="", xlabel=i18n.t("prod_growth_pct", lang),
            source=self._src(lang)), shown, h, ("sector_growth", self.basis.value, f"{a}-{b}"), digits=1)


# ============================================================================ shift-share


class ShiftShare(_View):
    """Within-sector, static and dynamic reallocation effects of aggregate productivity growth.

    Examples
    --------
    >>> v = ShiftShare(Page("04_productivity.ipynb", lang="en"), pr.bns_sector_panel())
    >>> t = v.result().terms.set_index("term")["value"]
    >>> bool(abs(t[["within", "static", "dynamic"]].sum() - t["total"]) < 1e-6)
    True
    >>> before = v.chart.value; v.window.value = (2016, 2020); v.chart.value != before
    True
    """

    def __init__(self, page: Page, panel: pd.DataFrame):
        self.panel = panel
        years = sorted(int(y) for y in panel["year"].unique())
        self.window = year_range(years, (2014, years[-2]) if 2014 in years else (years[0], years[-1]))
        self.basis = toggle(("real", "nominal"), "real", "kz-basis")
        self.note = W.HTML()
        self._frame(page, [self.window, self.basis], extra=[self.note])
        self._watch(self.window, self.basis)

    def result(self) -> pr.ShiftShareResult:
        """The decomposition for the chosen window and basis."""
        a, b = self.window.value
        if a >= b:
            raise DataError("choose a window of at least two years", key="err_prod_window", start=a, end=b)
        col = "productivity_real" if self.basis.value == "real" else "productivity"
        return pr.shift_share(self.panel, value=col, start=a, end=b)

    def _labels(self, lang: str) -> None:
        self.window.description = i18n.t("window", lang)
        set_options(self.basis, [(_basis_label(b, lang), b) for b in ("real", "nominal")])

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        res = self.result()
        a, b = self.window.value
        terms = res.terms.set_index("term")
        steps = [(i18n.t(f"prod_term_{k}", lang), float(terms.loc[k, "pp_per_year"]))
                 for k in ("within", "static", "dynamic")]
        structural = float(terms.loc["static", "pp_per_year"] + terms.loc["dynamic", "pp_per_year"])
        title = i18n.t("prod_shift_title", lang, start=a, end=b, basis=_basis_label(self.basis.value, lang))
        self.note.value = (f"<p>{escaped('prod_shift_compare', lang, ours=f'{structural:+.2f}', paper=f'{STRUCTURAL_CA:+.2f}')}"
                           + "".join(f"<br><small>{escaped(w['key'], lang, **dict(w.get('params', {})))}</small>"
                                     for w in res.warnings) + "</p>")
        sec = res.sectors.assign(sector_name=[_sector_name(s, lang) for s in res.sectors["sector"]])
        shown = sec[["sector_name", "p0", "p1", "share0", "share1", "within", "static", "dynamic", "total"]]
        h = {"sector_name": i18n.t("sector", lang), "p0": f"p {a}", "p1": f"p {b}", "share0": f"θ {a}",
             "share1": f"θ {b}", "within": i18n.t("prod_term_within", lang),
             "static": i18n.t("prod_term_static", lang), "dynamic": i18n.t("prod_term_dynamic", lang),
             "total": i18n.t("prod_term_total", lang)}
        self._show(lang, title, ("shift", a, b, self.basis.value), lambda: plots.waterfall(
            steps, total_label=i18n.t("prod_term_total", lang), title="", ylabel=i18n.t("prod_pp_year", lang),
            source=self._src(lang), ref=(i18n.t("prod_paper_ca", lang), STRUCTURAL_CA)), shown, h,
            ("shift_share", self.basis.value, f"{a}-{b}"), digits=3)


# ============================================================================ convergence


class Convergence(_View):
    """Sigma- and beta-convergence of regions' GRP per employed person.

    Examples
    --------
    >>> c = Convergence(Page("04_productivity.ipynb", lang="en"), {"17": pr.bns_region_panel("17")})
    >>> res = c.result(); res.n >= 14
    True
    >>> b0 = float(res.beta.set_index("term").loc["log_initial", "coef"])
    >>> c.window.value = (2016, 2024)
    >>> float(c.result().beta.set_index("term").loc["log_initial", "coef"]) != b0
    True
    >>> c.window.value = (2015, 2024); "2015" in c.error.value    # BNS has no regional employment for 2015
    True
    """

    def __init__(self, page: Page, panels: dict):
        self.panels = panels
        years = sorted(int(y) for y in panels["17"]["year"].unique())
        self.window = year_range(years, (2011, 2024) if {2011, 2024} <= set(years) else (years[0], years[-1]))
        self.view = toggle(("beta", "sigma"), "beta", "kz-tabs")
        self.summary = W.HTML()
        self._frame(page, [self.window, self.view], extra=[self.summary])
        self._watch(self.window, self.view)

    def result(self) -> pr.ConvergenceResult:
        """Sigma and beta for the window (17-unit map: comparable territories)."""
        a, b = self.window.value
        if a >= b:
            raise DataError("choose a window of at least two years", key="err_prod_window", start=a, end=b)
        p = self.panels["17"].rename(columns={"grp_per_employed": "value"})
        return pr.convergence(p[["region", "year", "value"]], start=a, end=b)

    def _labels(self, lang: str) -> None:
        self.window.description = i18n.t("window", lang)
        set_options(self.view, [(i18n.t(f"prod_conv_{v}", lang), v) for v in ("beta", "sigma")])

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        res = self.result()
        a, b = self.window.value
        beta = res.beta.set_index("term")
        slope, const = float(beta.loc["log_initial", "coef"]), float(beta.loc["const", "coef"])
        self.summary.value = f"<p>{escaped('prod_conv_summary', lang, n=res.n, b=f'{slope:.4f}', speed=_pct(res.speed), half=_num(res.half_life), r2=_num(res.r2))}</p>"
        src = self._src(lang)
        if self.view.value == "beta":
            d = kzdata.label(res.data, lang)
            xcol = [c for c in d.columns if c.startswith("log_initial")][0]
            ycol = [c for c in d.columns if "growth" in c][0]
            title = i18n.t("prod_beta_title", lang, start=a, end=b)
            fig = lambda: plots.scatter_fit(d, x=xcol, y=ycol, label="region_name", intercept=const,   # noqa: E731
                                            slope=slope, title="", xlabel=i18n.t("prod_log_initial", lang, year=a),
                                            ylabel=i18n.t("prod_growth_log", lang), source=src,
                                            fit_label=f"β = {slope:.4f}")
            shown = res.beta[["term", "coef", "se", "t", "p"]]
            h = {"term": i18n.t("reg_col_term", lang), "coef": i18n.t("reg_col_coef", lang),
                 "se": i18n.t("reg_col_se", lang)}
        else:
            s = res.sigma.assign(series="σ (log)")
            title = i18n.t("prod_sigma_title", lang, start=a, end=b)
            fig = lambda: plots.lines(s, x="year", y="sd_log", hue="series", title="",   # noqa: E731
                                      ylabel=i18n.t("prod_sd_log", lang), source=src)
            shown = res.sigma[["year", "n", "sd_log", "cv"]].assign(year=res.sigma["year"].astype(str))
            h = {"year": i18n.t("year", lang), "sd_log": i18n.t("prod_sd_log", lang), "cv": "CV"}
        self._show(lang, title, ("conv", self.view.value, a, b), fig, shown, h, ("convergence", self.view.value,
                                                                                  f"{a}-{b}"), digits=4)


def _pct(v) -> str:
    return "—" if v is None or not np.isfinite(v) else f"{100 * v:.2f} %"


def _num(v) -> str:
    return "—" if v is None or not np.isfinite(v) else f"{v:.2f}"


# ============================================================================ investment effects


class InvestmentEffect(_View):
    """Long-run effect of investment on TFP and the error-correction model, next to the paper's estimates.

    Estimated on request (statsmodels is slow to import); every control change
    re-estimates afterwards.

    Examples
    --------
    >>> v = InvestmentEffect(Page("04_productivity.ipynb", lang="en"))
    >>> v.run.click()
    >>> t1 = v.table.value; v.delta.value = 0.10
    >>> v.table.value != t1 and v.error.value == ""
    True
    """

    def __init__(self, page: Page):
        self.delta = W.FloatSlider(value=0.06, min=0.02, max=0.15, step=0.01, continuous_update=False,
                                   readout_format=".2f", style={"description_width": "initial"},
                                   layout=W.Layout(width="100%", max_width="520px"))
        self.delta.add_class("kz-delta")
        self.lags = W.IntSlider(value=1, min=0, max=3, continuous_update=False, style={"description_width": "initial"},
                                layout=W.Layout(width="100%", max_width="520px"))
        self.lags.add_class("kz-lags")
        self.window = year_range(list(range(2010, 2026)), (2010, 2024))
        self.robust = W.Checkbox(value=True, indent=False)
        self.robust.add_class("kz-robust")
        self.run = W.Button(layout=W.Layout(width="auto"), button_style="primary")
        self.run.add_class("kz-estimate")
        self.run.on_click(lambda _: self._activate())
        self.active = False
        self.summary = W.HTML()
        self.reference = W.HTML(layout=W.Layout(width="100%", overflow="auto"))
        self.synthetic_n = toggle((16, 60, 240), 16, "kz-synthetic-n")
        self.synthetic_run = W.Button(layout=W.Layout(width="auto"))
        self.synthetic_run.add_class("kz-synthetic")
        self.synthetic_run.on_click(lambda _: self._synthetic())
        self.synthetic_out = W.HTML(layout=W.Layout(width="100%", overflow="auto"))
        self.synthetic_head = W.HTML()
        synthetic = W.VBox([self.synthetic_head, self.synthetic_n, self.synthetic_run, self.synthetic_out],
                           layout=FULL)
        synthetic.add_class("kz-synthetic-box")
        self._frame(page, [self.delta, self.lags, self.window, self.robust, self.run],
                    extra=[self.summary, self.reference, synthetic])
        self._watch(self.delta, self.lags, self.window, self.robust)

    def _activate(self) -> None:
        self.active = True
        self.run.layout.display = "none"
        self._update()

    def result(self) -> pr.InvestmentEffectResult:
        """TFP from a constant-returns Cobb-Douglas per sector, then the long-run regression and the ECM."""
        panel = pr.bns_sector_panel(delta=self.delta.value)
        fit = pr.fit_production_function(panel, y="gva_real", k="capital_real", crs=True, per_entity=True,
                                         entity="sector")
        return pr.investment_effect(fit.tfp, y="log_tfp", x="log_investment", lags=self.lags.value,
                                    robust=self.robust.value, window=self.window.value, entity="sector")

    def _labels(self, lang: str) -> None:
        self.delta.description = i18n.t("prod_delta", lang)
        self.lags.description = i18n.t("prod_lags", lang)
        self.window.description = i18n.t("window", lang)
        self.robust.description = i18n.t("prod_robust", lang)
        self.run.description = i18n.t("reg_estimate", lang)
        self.synthetic_run.description = i18n.t("prod_synthetic_run", lang)
        self.synthetic_head.value = (f"<h4>{escaped('prod_synthetic_title', lang)} "
                                     f"<span class='kz-badge-chip kz-badge-synthetic'>{escaped('badge_synthetic', lang)}</span>"
                                     f"</h4><p>{escaped('prod_synthetic_intro', lang)}</p>")
        set_options(self.synthetic_n, [(i18n.t("prod_synthetic_n", lang, n=n), n) for n in (16, 60, 240)])
        if self.synthetic_out.value:
            self._synthetic()

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        self.reference.value = _reference_html(lang)
        title = i18n.t("prod_invest_title", lang, delta=f"{self.delta.value:.2f}", lags=self.lags.value)
        if not self.active:
            self.heading.value = f"<h3>{html.escape(title)}</h3>"
            self.badge.set(lang, "official", i18n.t(self.source_key, lang))
            self.chart.layout.display = "none"
            self.summary.value = f"<p>{escaped('prod_invest_ready', lang)}</p>"
            self.table.value = ""
            return
        res = self.result()
        t = res.table if hasattr(res, "table") else res.summary
        t = t.assign(sector_name=[_sector_name(s, lang) for s in t[t.columns[0]]])
        cols = [c for c in ("sector_name", "n_long", "beta", "n_ecm", "speed", "half_life", "r2_long") if c in t]
        shown = t[cols]
        h = {"sector_name": i18n.t("sector", lang), "n_long": "n (LR)", "beta": i18n.t("prod_col_long_run", lang),
             "n_ecm": "n (ECM)", "speed": i18n.t("prod_col_speed", lang),
             "half_life": i18n.t("prod_col_half_life", lang), "r2_long": "R² (LR)"}
        warns = sorted({w["key"] for w in res.warnings})
        self.summary.value = (f"<p>{escaped('prod_invest_note', lang)}</p>"
                              + "".join(f"<small>{escaped(k, lang, **_params(res.warnings, k))}</small><br>" for k in warns))
        self._show(lang, title, None, None, shown, h, ("investment", f"{self.delta.value:.2f}", self.lags.value),
                   digits=3)


    def _synthetic(self) -> None:
        """Monte Carlo on seeded synthetic series: does the ECM recover the known parameters from n periods?"""
        lang = self.page.lang.value
        r = pr.ecm_recovery(self.synthetic_n.value, reps=100, seed=0)
        shown = r.assign(parameter=[i18n.t(f"prod_param_{p}", lang) for p in r["parameter"]])
        h = {"parameter": i18n.t("prod_col_measure", lang), "true": i18n.t("prod_synthetic_true", lang),
             "median": i18n.t("prod_synthetic_median", lang), "p05": "5 %", "p95": "95 %",
             "bias": i18n.t("prod_synthetic_bias", lang)}
        self.synthetic_out.value = (f"<p><b>{escaped('badge_synthetic', lang)}</b>: "
                                    f"{escaped('prod_synthetic_note', lang, n=self.synthetic_n.value)}</p>"
                                    + html_table(shown, h, digits=3))


def _params(warnings, key: str) -> dict:
    for w in warnings:
        if w["key"] == key:
            return dict(w.get("params", {}))
    return {}


def _reference_html(lang: str) -> str:
    """The papers' published estimates (seed 004, productivity papers), exactly as transcribed."""
    ref = pr.reference_values()
    shown = ref.assign(sector=[_sector_name(s, lang) if isinstance(s, str) and s else "" for s in ref["sector"]])[
        ["paper", "table", "sector", "measure", "value_printed", "unit"]]
    h = {"paper": i18n.t("prod_col_paper", lang), "table": i18n.t("msme_col_table", lang),
         "sector": i18n.t("sector", lang), "measure": i18n.t("prod_col_measure", lang),
         "value_printed": i18n.t("msme_col_printed", lang), "unit": i18n.t("col_unit", lang)}
    return f"<h4>{escaped('prod_reference_title', lang)}</h4>" + html_table(shown, h)


# ============================================================================ gap


class GapCalculator(_View):
    """Years to close the productivity gap with the EU, and the growth needed by a target year.

    Examples
    --------
    >>> g = GapCalculator(Page("04_productivity.ipynb", lang="en"))
    >>> y1 = g.years(); g.growth_home.value = 6.0
    >>> g.years() < y1
    True
    >>> g.basis.value = "table1"; g.years() < y1      # the paper's smaller gap closes sooner
    True
    """

    source_key = "source_prod_gap"
    badge_kind = "paper"

    def __init__(self, page: Page):
        self.ref = pr.gap_reference().set_index("basis")
        self.basis = toggle(tuple(self.ref.index[:2]), self.ref.index[0], "kz-gap-basis")

        def slider(value, css):
            w = W.FloatSlider(value=value, min=0.0, max=10.0, step=0.5, continuous_update=False,
                              readout_format=".1f", style={"description_width": "initial"},
                              layout=W.Layout(width="100%", max_width="520px"))
            w.add_class(css)
            return w
        self.growth_home = slider(4.0, "kz-growth-home")
        self.growth_ref = slider(1.0, "kz-growth-reference")
        self.target = W.IntSlider(value=2035, min=2026, max=2060, continuous_update=False,
                                  style={"description_width": "initial"},
                                  layout=W.Layout(width="100%", max_width="520px"))
        self.target.add_class("kz-target-year")
        self.summary = W.HTML()
        self._frame(page, [self.basis, self.growth_home, self.growth_ref, self.target], extra=[self.summary])
        self._watch(self.basis, self.growth_home, self.growth_ref, self.target)

    def ratio(self) -> float:
        """Home / reference level of the chosen basis."""
        return float(self.ref.loc[self.basis.value, "ratio"])

    def years(self) -> float:
        """Years to close the gap at the chosen growth rates (inf when it never closes)."""
        return float(pr.gap_years(self.ratio(), self.growth_home.value / 100, self.growth_ref.value / 100))

    def _labels(self, lang: str) -> None:
        set_options(self.basis, [(i18n.t(f"prod_gap_basis_{b}", lang), b) for b in self.ref.index[:2]])
        self.growth_home.description = i18n.t("prod_growth_home", lang)
        self.growth_ref.description = i18n.t("prod_growth_reference", lang)
        self.target.description = i18n.t("prod_target_year", lang)

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        r, gh, gr = self.ratio(), self.growth_home.value / 100, self.growth_ref.value / 100
        start = 2025
        yrs = self.years()
        need = float(pr.required_growth(r, self.target.value - start, gr))
        row = self.ref.loc[self.basis.value]
        closes = np.isfinite(yrs)
        self.summary.value = (
            f"<p>{escaped('prod_gap_levels', lang, home=f'{row.home:,.0f}', ref=f'{row.reference:,.0f}', ratio=f'{r:.3f}')}</p>"
            f"<p><b>{escaped('prod_gap_years' if closes else 'prod_gap_never', lang, years=f'{yrs:.1f}', year=f'{start + yrs:.0f}' if closes else '')}</b> "
            f"{escaped('prod_gap_required', lang, target=self.target.value, growth=f'{100 * need:.2f}')}</p>")
        path = pr.gap_path(r, gh, gr, start=start, end=max(self.target.value, start + 1)).assign(
            series=i18n.t("prod_gap_series", lang))
        title = i18n.t("prod_gap_title", lang, start=start, end=self.target.value)
        shown = path[["year", "ratio", "closed"]].assign(year=path["year"].astype(str), closed=[
            i18n.t("yes" if c else "no", lang) for c in path["closed"]])
        h = {"year": i18n.t("year", lang), "ratio": i18n.t("prod_col_ratio", lang),
             "closed": i18n.t("prod_col_closed", lang)}
        self._show(lang, title, ("gap", self.basis.value, gh, gr, self.target.value), lambda: plots.lines(
            path, x="year", y="ratio", hue="series", title="", ylabel=i18n.t("prod_col_ratio", lang),
            source=self._src(lang), badge="paper", hline=1.0), shown, h, ("gap", self.basis.value), digits=3)


# ============================================================================ the page


def _maturity_html(lang: str) -> str:
    m = pr.maturity_map()
    col = "ru" if lang in ("ru", "kk") else "en"
    shown = m.assign(phase_name=[i18n.t(f"prod_phase_{p}", lang) for p in m["phase"]])[
        ["oked", f"sector_{col}", "phase_name", f"barriers_{col}"]]
    h = {"oked": "ОКЭД / OKED", f"sector_{col}": i18n.t("sector", lang), "phase_name": i18n.t("prod_col_phase", lang),
         f"barriers_{col}": i18n.t("prod_col_barriers", lang)}
    sc = pr.scenarios()
    sc_shown = sc.assign(period=[f"{a}–{b}" for a, b in zip(sc["start"], sc["end"])])[
        ["scenario", "period", f"name_{'ru' if col == 'ru' else 'en'}", "goal_en"]]
    h2 = {"scenario": "#", "period": i18n.t("prod_col_period", lang),
          f"name_{'ru' if col == 'ru' else 'en'}": i18n.t("col_name", lang), "goal_en": i18n.t("prod_col_goal", lang)}
    return (f"<h4>{escaped('prod_maturity_title', lang)}</h4>" + html_table(shown, h)
            + f"<h4>{escaped('prod_scenarios_title', lang)}</h4>" + html_table(sc_shown, h2))


def _region_window(table: pd.DataFrame, start: int, end: int, lang: str):
    """GRP per employed at both ends of the window and its growth, nominal and real (the "window" view)."""
    out = None
    for col in ("grp_per_employed", "grp_per_employed_real"):
        d = table[["region", "year", col]].rename(columns={col: "value"}).dropna()
        both = set(d.loc[d["year"] == start, "region"]) & set(d.loc[d["year"] == end, "region"])
        if not both:
            raise DataError(f"no region has GRP per employed in both {start} and {end}", key="err_prod_window",
                            start=start, end=end)
        g = msme.growth_rate(d[d["region"].isin(both)], start=start, end=end, by=["region"],
                             name="GRP per employed")   # regions without both ends (new or unpublished) left out
        g = g[["region", "value_start", "value_end", "growth"]].rename(
            columns={"value_start": f"{col}_start", "value_end": f"{col}_end", "growth": f"{col}_growth"})
        out = g if out is None else out.merge(g, on="region", how="outer")
    out = out.assign(**{c: 100 * out[c] for c in out.columns if c.endswith("_growth")})
    nom, real, pct = (i18n.t("prod_measure_level", lang), i18n.t("prod_measure_real", lang),
                      i18n.t("prod_growth_pct", lang))
    return out.sort_values("grp_per_employed_end", ascending=False), {
        "grp_per_employed_start": f"{nom}, {start}", "grp_per_employed_end": f"{nom}, {end}",
        "grp_per_employed_growth": f"{pct} ({i18n.t('prod_basis_nominal', lang)})",
        "grp_per_employed_real_growth": f"{pct} ({i18n.t('prod_basis_real', lang)})"}


def productivity_page(lang: str | None = None) -> Page:
    """Build notebook 04's page; its sections are attributes the notebook displays one by one.

    Parameters
    ----------
    lang : str, optional
        Initial language (from the URL by default).

    Returns
    -------
    Page
        With ``texts``, ``sectors``, ``regions`` (BNS GRP per employed),
        ``shift_share``, ``convergence``, ``investment``, ``gap`` and
        ``sections`` (goals, productivity, regions, shift_share, convergence,
        investment, gap, maturity, exercises).

    Examples
    --------
    >>> p = productivity_page("ru")
    >>> p.regions.year.description
    'Год'
    >>> list(p.sections)[:3]
    ['goals', 'productivity', 'regions']
    """
    panel = pr.bns_sector_panel()
    regions = {f: pr.bns_region_panel(f, real=True) for f in ("17", "20")}
    page = Page("04_productivity.ipynb", ["grp_gva", "employment", "employment_by_section", "investment",
                                          "investment_by_section", "gva_volume_index", "grp_volume_index",
                                          "seed004_prod_p1_t1_investment_tfp", "seed004_prod_p2_t1_eu_gap"],
                lang=lang)
    page.lecture_texts("04_")
    page.sectors = SectorProductivity(page, panel)
    page.regions = MeasureExplorer(
        page, regions,
        {"level": Measure("grp_per_employed", "prod_measure_level"),
         "real": Measure("grp_per_employed_real", "prod_measure_real")},
        columns={"grp": "msme_col_grp", "employment": "prod_col_employment",
                 "grp_per_employed": "prod_measure_level", "grp_per_employed_real": "prod_measure_real"},
        source_key="source_bns_productivity", stem=(NOTEBOOK, "regions"), window=_region_window, region="ATY")
    page.shift_share = ShiftShare(page, panel)
    page.convergence = Convergence(page, regions)
    page.investment = InvestmentEffect(page)
    page.gap = GapCalculator(page)
    maturity = W.HTML(layout=W.Layout(width="100%", overflow="auto"))
    page.on_relabel(lambda lang: setattr(maturity, "value", _maturity_html(lang)))
    tx = page.texts
    page.sections = {
        "goals": page.section("section_goals", tx["04_goals"]),
        "productivity": page.section("section_prod_levels", tx["04_productivity"], page.sectors.container),
        "regions": page.section("section_prod_regions", page.regions.container),
        "shift_share": page.section("section_prod_shift", tx["04_shift_share"], page.shift_share.container),
        "convergence": page.section("section_prod_convergence", tx["04_convergence"], page.convergence.container),
        "investment": page.section("section_prod_investment", tx["04_investment"], page.investment.container),
        "gap": page.section("section_prod_gap", tx["04_gap"], page.gap.container),
        "maturity": page.section("section_prod_maturity", tx["04_maturity"], maturity),
        "exercises": page.section("section_exercises", tx["04_exercises"]),
    }
    return page
