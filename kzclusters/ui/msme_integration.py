"""Notebook 03: SME integration into manufacturing — seed 004 (Taikulakova et al.; Bazarkhanova; Verbovaya).

Sections (each a class with a ``container``): :class:`Audit` (the "reproduce the
paper's choices" toggle every section follows, the reproduction summary and the
discrepancies), :class:`Potential` (P_MSP gauge), :class:`Integration` (TII),
:class:`Exports` (GRP shares, ES, RCA, EPI), :class:`Elasticities`, a
:class:`~kzclusters.ui.measures.MeasureExplorer` on BNS GRP (shares, growth,
manufacturing), :class:`Regression` (step IV), :class:`Cooperation` (East
Kazakhstan's five blocks) and the reference checklists.
"""

from __future__ import annotations

import html

import ipywidgets as W
import numpy as np
import pandas as pd

from .. import cooperation as coop
from .. import data as kzdata
from .. import i18n, msme, plots
from .. import regression as reg
from .._errors import DataError
from ..io import parse_number
from . import downloads
from .kit import (Badge, ChartCache, DownloadBar, FULL, UploadPanel, WeightSliders, chart_image, escaped, guarded, html_table,
                  set_options, table_box, threshold_input, toggle)
from .measures import Measure, MeasureExplorer
from .shell import Page

__all__ = ["Audit", "Potential", "Integration", "Exports", "Elasticities", "Regression", "Cooperation",
           "msme_integration_page"]

NOTEBOOK = "03_msme_integration"
YEARS = ("2023", "2024", "mean")
SRC_PAPER = "source_seed004_msme"


def _year_filter(df: pd.DataFrame, year: str) -> pd.DataFrame:
    """Rows of one year, or of the two-year mean (``year`` is <NA>)."""
    return df[df["year"].isna()] if year == "mean" else df[df["year"] == int(year)]


def _regions_picker(codes, value) -> W.SelectMultiple:
    w = W.SelectMultiple(options=[(c, c) for c in codes], value=tuple(value), rows=min(8, len(codes)),
                         layout=W.Layout(width="auto", max_width="420px"), style={"description_width": "initial"})
    w.add_class("kz-regions")
    return w


def _relabel_regions(w: W.SelectMultiple, lang: str) -> None:
    """Region names in `lang`; the selection (codes) is kept."""
    set_options(w, [(i18n.region_name(c, lang, short=True), c) for _, c in w.options])


class _Section:
    """Shared frame of a section: heading, badge, error, chart, table, downloads; follows the paper toggle."""

    badge_kind = "paper"
    source_key = SRC_PAPER

    def _frame(self, page: Page, audit: "Audit | None", controls: list) -> None:
        self.page, self.audit = page, audit
        self.heading = W.HTML()
        self.heading.add_class("kz-heading")
        self.badge = Badge(self.badge_kind)
        self.error = W.HTML()
        self.chart = chart_image()
        self.table = table_box()
        self.downloads = DownloadBar()
        self._cache = ChartCache(maxsize=32)
        self.container = W.VBox([*controls, self.heading, self.badge.container, self.error, self.chart, self.table,
                                 self.downloads.container], layout=FULL)
        self._busy = False
        if audit is not None:
            audit.choices.observe(self._changed, names="value")

    def _watch(self, *widgets) -> None:
        """Redraw when any of `widgets` changes (but not while the section relabels itself)."""
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

    @property
    def paper_choices(self) -> bool:
        """Whether the section reproduces the paper's conventions (the audit's toggle)."""
        return bool(self.audit is not None and self.audit.choices.value == "paper")

    def _show(self, lang: str, title: str, key, fig_fn, shown: pd.DataFrame, headers: dict, stem: tuple,
              digits: int = 3) -> None:
        self.heading.value = f"<h3>{html.escape(title)}</h3>"
        self.badge.set(lang, self.badge_kind, i18n.t(self.source_key, lang))
        png = None
        if fig_fn is None:
            self.chart.layout.display = "none"
        else:
            self.chart.layout.display = None
            png = self._cache.png((lang, self.paper_choices, *key), fig_fn)
            self.chart.value = png
        self.table.value = html_table(shown, headers, digits=digits)
        self.downloads.set(lang, (NOTEBOOK, *stem, "paper" if self.paper_choices else "corrected"),
                           table=shown.rename(columns=headers), png=png,
                           svg=(lambda: plots.to_svg(fig_fn())) if fig_fn else None,
                           notes={i18n.t("source", lang): i18n.t(self.source_key, lang)})

    def _src(self, lang: str) -> str:
        return f"{i18n.t('badge_' + self.badge_kind, lang)} · {i18n.t(self.source_key, lang)}"


# ============================================================================ audit


class Audit:
    """The "reproduce the paper's choices" toggle, the reproduction score and every discrepancy found.

    Examples
    --------
    >>> a = Audit(Page("03_msme_integration.ipynb", lang="en"))
    >>> flags = set(a.flags["flag"].dropna().astype(int))
    >>> flags == set(range(1, 14))
    True
    >>> a.choices.value = "paper"; "kz-paper-on" in a.state_note.value
    True
    """

    def __init__(self, page: Page):
        self.page = page
        self.choices = toggle(("corrected", "paper"), "corrected", "kz-paper-choices")
        self.state_note = W.HTML()
        self.summary = table_box()
        self.table = table_box()
        self.downloads = DownloadBar()
        self.flags = msme.audit()
        self.cells = msme.reproduction()
        self.error = W.HTML()
        self.container = W.VBox([self.choices, self.state_note, self.error, self.summary, self.table,
                                 self.downloads.container], layout=FULL)
        self.choices.observe(lambda _: self._update(), names="value")
        page.on_relabel(self._relabel)

    def _relabel(self, lang: str) -> None:
        set_options(self.choices, [(i18n.t(f"msme_choices_{c}", lang), c) for c in ("corrected", "paper")])
        self._update()

    @guarded
    def _update(self) -> None:
        lang = self.page.lang.value
        on = self.choices.value == "paper"
        self.state_note.value = (f"<p class='{'kz-paper-on' if on else 'kz-paper-off'}'>"
                                 f"{escaped('msme_choices_note_paper' if on else 'msme_choices_note_corrected', lang)}</p>")
        s = self.cells.groupby("table", sort=False)["reproduces"].agg(["sum", "count"]).reset_index()
        s["share"] = [f"{a} / {b}" for a, b in zip(s["sum"], s["count"])]
        self.summary.value = (f"<h4>{escaped('msme_reproduction_title', lang)}</h4>"
                              + html_table(s[["table", "share"]], {"table": i18n.t("msme_col_table", lang),
                                                                   "share": i18n.t("msme_col_reproduces", lang)}))
        f = self.flags
        shown = pd.DataFrame({
            "flag": f["flag"].map(lambda v: "" if pd.isna(v) else str(int(v))), "table": f["table"],
            "region": [i18n.region_name(r, lang, short=True) if isinstance(r, str) and r else "" for r in f["region"]],
            "year": f["year"].map(lambda v: "" if pd.isna(v) else str(int(v))),
            "printed": f["printed"].map(_cell), "corrected": f["corrected"].map(_cell),
            "reason": [i18n.t(k, lang) for k in f["reason_key"]],
            "severity": [i18n.t(f"msme_severity_{v}", lang) for v in f["severity"]]})
        h = {"flag": "#", "table": i18n.t("msme_col_table", lang), "region": i18n.t("region", lang),
             "year": i18n.t("year", lang), "printed": i18n.t("msme_col_printed", lang),
             "corrected": i18n.t("msme_col_corrected", lang), "reason": i18n.t("msme_col_reason", lang),
             "severity": i18n.t("msme_col_severity", lang)}
        self.table.value = f"<h4>{escaped('msme_audit_title', lang, n=len(f))}</h4>" + html_table(shown, h)
        self.downloads.set(lang, (NOTEBOOK, "audit"), table=shown.rename(columns=h),
                           notes={i18n.t("source", lang): i18n.t(SRC_PAPER, lang)})


def _cell(v) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    if isinstance(v, (float, np.floating)):
        return f"{v:.4g}"
    return str(v)


# ============================================================================ P_MSP


class Potential(_Section):
    """Integral SME potential P_MSP (step II): weights, the region set, the gauge with its bands.

    Examples
    --------
    >>> p = Potential(Page("03_msme_integration.ipynb", lang="en"), None)
    >>> round(p.value(), 4)                       # seed 004: 0.0778 for 2023 (printed 0.08)
    0.0778
    >>> p.weights["ep"].value = 0.6
    >>> p.value() > 0.0778
    True
    """

    def __init__(self, page: Page, audit: Audit | None):
        comp = msme.pmsp_components()
        codes = sorted(comp["region"].unique())
        self.regions = _regions_picker(codes, msme.PAPER_REGIONS)
        self.year = toggle(YEARS, "2023", "kz-pmsp-year")
        self.weights = {}
        for c in msme.PMSP_COMPONENTS:
            w = W.FloatSlider(value=float(msme.PMSP_WEIGHTS.get(c, msme.PMSP_CP_WEIGHT)), min=0.0, max=1.0,
                              step=0.05, continuous_update=False, style={"description_width": "40%"},
                              layout=W.Layout(width="100%", max_width="520px"))
            w.add_class("kz-weight")
            self.weights[c] = w
        self.include_cp = W.Checkbox(value=False, indent=False)
        self.include_cp.add_class("kz-include-cp")
        self.renormalise = W.Checkbox(value=False, indent=False)
        self.renormalise.add_class("kz-renormalise")
        self.cp_note = W.HTML()
        controls = [self.regions, self.year, *self.weights.values(), self.include_cp, self.cp_note, self.renormalise]
        self._frame(page, audit, controls)
        self._watch(self.regions, self.year, self.include_cp, self.renormalise, *self.weights.values())
        page.on_relabel(self._relabel)

    def _args(self) -> dict:
        cp = self.include_cp.value
        w = {c: s.value for c, s in self.weights.items() if c != "cp" or cp}
        return dict(weights=w, renormalise=self.renormalise.value, include_cp=cp, regions=list(self.regions.value),
                    paper_choices=self.paper_choices)

    def sample(self) -> pd.DataFrame:
        """P_MSP of the chosen region set (the paper's "sample" value), per year and the two-year mean."""
        return msme.sme_potential(by="sample", **self._args())

    def value(self) -> float:
        """P_MSP of the chosen year."""
        return float(_year_filter(self.sample(), self.year.value)["p_msp"].iloc[0])

    def _labels(self, lang: str) -> None:
        for c, s in self.weights.items():
            s.description = i18n.t(f"msme_component_{c}", lang)
        self.include_cp.description = i18n.t("msme_include_cp", lang)
        self.renormalise.description = i18n.t("msme_renormalise", lang)
        self.regions.description = i18n.t("msme_region_set", lang)
        _relabel_regions(self.regions, lang)
        set_options(self.year, [(i18n.t(f"msme_year_{y}", lang), y) for y in YEARS])
        self._update()

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        self.weights["cp"].disabled = not self.include_cp.value
        self.cp_note.value = f"<small>{escaped('msme_cp_note', lang)}</small>"
        if not self.regions.value:
            raise DataError("choose at least one region", key="err_msme_no_regions")
        value = self.value()
        bands = [i18n.t(f"msme_band_{b}", lang) for b in msme.PMSP_BANDS]
        by_region = _year_filter(msme.sme_potential(by="region", **self._args()), self.year.value)
        shown = kzdata.label(by_region, lang)
        comps = [c for c in ("pp", "innp", "cp", "ep") if c in shown]
        shown = shown[["region_name", *comps, "p_msp"]].assign(
            band=[i18n.t(f"msme_band_{b}", lang) for b in by_region["band"]])
        h = {"region_name": i18n.t("region", lang), "p_msp": "P_MSP", "band": i18n.t("msme_col_band", lang),
             **{c: i18n.t(f"msme_component_{c}", lang) for c in comps}}
        marks = {i18n.t("msme_printed", lang): 0.08} if self.year.value == "2023" else {}
        title = i18n.t("msme_pmsp_title", lang, year=i18n.t(f"msme_year_{self.year.value}", lang),
                       n=len(self.regions.value))
        key = ("pmsp", round(value, 12), self.year.value)
        self._show(lang, title, key, lambda: plots.gauge(
            value, bands=list(msme.PMSP_BAND_CUTS), band_labels=bands, title="", xlabel="P_MSP",
            source=self._src(lang), badge="paper", marks=marks, hi=1.0), shown, h,
            ("pmsp", self.year.value), digits=4)


# ============================================================================ TII


class Integration(_Section):
    """Technological integration index (step III): variant, normalisation, thresholds, region set, year.

    Examples
    --------
    >>> ti = Integration(Page("03_msme_integration.ipynb", lang="en"), None)
    >>> ti.frame().set_index("region")["tii"].round(2).to_dict()["ALA"]   # seed 004 Table 8: 0.80
    0.8
    >>> before = ti.frame().set_index("region")["tii"]["KRG"]
    >>> ti.regions.value = ("KRG", "PVL", "VKO", "KST")    # without Almaty city the leaders change
    >>> bool(ti.frame().set_index("region")["tii"]["KRG"] > before)
    True
    """

    def __init__(self, page: Page, audit: Audit | None):
        codes = sorted(msme.tii_components()["region"].unique())
        self.regions = _regions_picker(codes, msme.PAPER_REGIONS)
        self.year = toggle(("2023", "2024"), "2024", "kz-tii-year")
        self.variant = toggle(msme.TII_VARIANTS, "normalised", "kz-tii-variant")
        self.norm = toggle(msme.TII_NORMALISATIONS, "max", "kz-normalisation")
        self.low = threshold_input(msme.TII_THRESHOLDS[0], 0.0, 1.0, 0.05)
        self.high = threshold_input(msme.TII_THRESHOLDS[1], 0.0, 1.0, 0.05)
        self._frame(page, audit, [self.regions, self.year, self.variant, self.norm,
                                  W.HBox([self.low, self.high], layout=W.Layout(flex_flow="row wrap"))])
        self._watch(self.regions, self.year, self.variant, self.norm, self.low, self.high)
        page.on_relabel(self._relabel)

    def frame(self) -> pd.DataFrame:
        """TII per region for the chosen year and settings."""
        if not self.regions.value:
            raise DataError("choose at least one region", key="err_msme_no_regions")
        out = msme.integration_index(variant=self.variant.value, thresholds=(self.low.value, self.high.value),
                                     regions=list(self.regions.value), normalisation=self.norm.value,
                                     paper_choices=self.paper_choices)
        return out[out["year"] == int(self.year.value)]

    def _labels(self, lang: str) -> None:
        self.regions.description = i18n.t("msme_region_set", lang)
        _relabel_regions(self.regions, lang)
        set_options(self.variant, [(i18n.t(f"msme_tii_variant_{v}", lang), v) for v in msme.TII_VARIANTS])
        set_options(self.norm, [(i18n.t(f"msme_normalisation_{v}", lang), v) for v in msme.TII_NORMALISATIONS])
        self.low.description = i18n.t("msme_tii_low", lang)
        self.high.description = i18n.t("msme_tii_high", lang)

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        if self.low.value >= self.high.value:
            raise DataError("the medium threshold must be below the high one", key="err_msme_cuts")
        d = kzdata.label(self.frame(), lang)
        normalised = self.variant.value == "normalised"
        self.norm.layout.display = None if normalised else "none"
        cols = ["inn", "di", "hr", *(["inn_norm", "di_norm", "hr_norm"] if normalised else []), "tii"]
        shown = d.sort_values("tii", ascending=False)[["region_name", *cols]]
        h = {"region_name": i18n.t("region", lang), "tii": "TII",
             **{c: i18n.t(f"msme_component_{c.removesuffix('_norm')}", lang) + (" (0–1)" if c.endswith("_norm") else "")
                for c in cols if c != "tii"}}
        title = i18n.t("msme_tii_title", lang, year=self.year.value,
                       variant=i18n.t(f"msme_tii_variant_{self.variant.value}", lang))
        key = ("tii", self.variant.value, self.norm.value, self.year.value, self.regions.value, self.low.value,
               self.high.value)
        if normalised:
            shown = shown.assign(level=[i18n.t(f"msme_tii_level_{v}", lang) for v in
                                        d.sort_values("tii", ascending=False)["level"]])
            h["level"] = i18n.t("msme_col_level", lang)
            levels = [i18n.t(f"msme_tii_level_{v}", lang) for v in msme.TII_LEVELS]
            dd = d.assign(level_name=[i18n.t(f"msme_tii_level_{v}", lang) for v in d["level"]])
            fig = lambda: plots.category_bars(dd, label="region_name", value="tii", category="level_name",   # noqa: E731
                                              order=levels, title="", xlabel="TII", source=self._src(lang),
                                              badge="paper", cuts=[self.low.value, self.high.value],
                                              legend=i18n.t("msme_col_level", lang))
        else:
            fig = lambda: plots.bars(d, label="region_name", value="tii", title="", xlabel="TII",   # noqa: E731
                                     source=self._src(lang), badge="paper", decimals=2)
        self._show(lang, title, key, fig, shown, h, ("tii", self.variant.value, self.year.value))


# ============================================================================ exports


class Exports(_Section):
    """GRP shares (Table 9), export share ES, RCA (Table 13; all 19 regions) and EPI (Table 11).

    Examples
    --------
    >>> ex = Exports(Page("03_msme_integration.ipynb", lang="en"), None)
    >>> rca = ex.frame().query("year == 2024").set_index("region")["rca"].round(2)
    >>> float(rca["KST"]), float(rca["ALA"])        # seed 004 Table 13, 2024
    (2.76, 2.19)
    >>> ex.view.value = "epi"; "kz-error" in ex.error.value      # no exchange rate entered yet
    True
    >>> ex.rates["2023"].value, ex.rates["2024"].value = "456,31", "469,44"
    >>> ex.error.value == "" and len(ex.frame()) == 10
    True
    """

    VIEWS = ("rca", "rca_all", "es", "epi", "grp_share")

    def __init__(self, page: Page, audit: Audit | None):
        self.view = toggle(self.VIEWS, "rca", "kz-tabs")
        self.view.layout.width = "100%"
        self.year = toggle(("2023", "2024"), "2024", "kz-export-year")
        self.rates = {y: W.Text(value="", placeholder="…", layout=W.Layout(width="auto", max_width="260px"),
                                style={"description_width": "initial"}) for y in ("2023", "2024")}
        for w in self.rates.values():
            w.add_class("kz-fx")
        self.rate_note = W.HTML()
        self._frame(page, audit, [self.view, self.year, W.HBox(list(self.rates.values()),
                                                               layout=W.Layout(flex_flow="row wrap")),
                                  self.rate_note])
        self._watch(self.view, self.year, *self.rates.values())
        page.on_relabel(self._relabel)

    def usd_kzt(self) -> dict | None:
        """The exchange rates the user typed (tenge per US dollar), or None when none is set."""
        out = {}
        for y, w in self.rates.items():
            if w.value.strip():
                try:
                    v = parse_number(w.value)
                except ValueError:
                    raise DataError(f'the exchange rate for {y} "{w.value}" is not a number', key="err_msme_fx_bad",
                                    value=w.value, year=y) from None
                if not np.isfinite(v) or v <= 0:
                    raise DataError(f"the exchange rate for {y} must be > 0", key="err_msme_fx_bad", value=w.value,
                                    year=y)
                out[int(y)] = v
        return out or None

    def frame(self) -> pd.DataFrame:
        """The numbers of the current view (both years)."""
        v, pc = self.view.value, self.paper_choices
        if v == "rca":
            return msme.regional_rca()
        if v == "rca_all":
            return msme.rca_all_regions()
        if v == "es":
            return msme.export_share(usd_kzt=self.usd_kzt(), paper_choices=pc)
        if v == "epi":
            return msme.export_potential(usd_kzt=self.usd_kzt(), paper_choices=pc)
        return msme.grp_share(paper_choices=pc)

    def _labels(self, lang: str) -> None:
        set_options(self.view, [(i18n.t(f"msme_view_{v}", lang), v) for v in self.VIEWS])
        for y, w in self.rates.items():
            w.description = i18n.t("msme_fx", lang, year=y)
        self.rate_note.value = f"<small>{escaped('msme_fx_note', lang)}</small>"

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        v, y = self.view.value, int(self.year.value)
        try:
            df = self.frame()
        except DataError:
            self.chart.layout.display = "none"
            self.table.value = ""
            raise
        d = kzdata.label(df[(df["year"] == y) & (df["region"] != "KZ")], lang)
        h = {"region_name": i18n.t("region", lang), "rca": "RCA", "sme_share": i18n.t("msme_col_sme_share", lang),
             "national_sme_share": i18n.t("msme_col_national_sme_share", lang), "es": "ES, %", "epi": "EPI",
             "export": i18n.t("msme_col_export", lang), "grp": i18n.t("msme_col_grp", lang),
             "share": i18n.t("msme_col_grp_share", lang), "usd_kzt": i18n.t("msme_col_fx", lang),
             "class": i18n.t("msme_col_level", lang)}
        key = (v, y, tuple(sorted((self.usd_kzt() or {}).items())))
        title = i18n.t(f"msme_view_{v}_title", lang, year=y)
        src = self._src(lang)
        if v in ("rca", "rca_all"):
            shown = d.sort_values("rca", ascending=False)[["region_name", "sme_share", "national_sme_share", "rca"]]
            shown = shown.assign(**{"class": [i18n.t(f"msme_rca_{c}", lang) for c in
                                              d.sort_values("rca", ascending=False)["rca_class"]]})
            fig = lambda: plots.bars(d.dropna(subset=["rca"]), label="region_name", value="rca", title="",   # noqa: E731
                                     xlabel="RCA", source=src, badge="paper", ref=1.0, decimals=2)
        elif v == "epi":
            order = [i18n.t(f"msme_epi_{c}", lang) for c in msme.EPI_CLASSES]
            dd = d.assign(cls=[i18n.t(f"msme_epi_{c}", lang) for c in d["epi_class"]])
            shown = dd.sort_values("epi", ascending=False)[["region_name", "es", "rca", "usd_kzt", "epi", "cls"]] \
                .rename(columns={"cls": "class"})
            fig = lambda: plots.category_bars(dd, label="region_name", value="epi", category="cls", order=order,   # noqa: E731
                                              title="", xlabel="EPI = ES × RCA", source=src, badge="paper",
                                              decimals=4)
        elif v == "es":
            shown = d.sort_values("es", ascending=False)[["region_name", "export", "grp", "usd_kzt", "es"]]
            fig = lambda: plots.bars(d, label="region_name", value="es", title="", xlabel="ES, %",   # noqa: E731
                                     source=src, badge="paper", decimals=3)
        else:
            shown = d.sort_values("share", ascending=False)[["region_name", "grp", "share"]]
            fig = lambda: plots.bars(d, label="region_name", value="share", title="",   # noqa: E731
                                     xlabel=i18n.t("msme_col_grp_share", lang), source=src, badge="paper",
                                     decimals=2)
        self._show(lang, title, key, fig, shown, h, ("exports", v, y), digits=4)


# ============================================================================ elasticities


class Elasticities(_Section):
    """Arc elasticities: the paper's national pair (Table 16), the regional table (17) and BNS over time.

    Examples
    --------
    >>> e = Elasticities(Page("03_msme_integration.ipynb", lang="en"), None)
    >>> e.national()["elasticity"].round(2).tolist()          # corrected: BNS 2024 figures
    [1.22, 1.3]
    >>> e.denominator.value = "midpoint"; e.national()["elasticity"].round(2).tolist() != [1.22, 1.3]
    True
    """

    badge_kind = "official"
    source_key = "source_bns_elasticity"

    def __init__(self, page: Page, audit: Audit | None):
        self.denominator = toggle(msme.GROWTH_DENOMINATORS, "start", "kz-denominator")
        self.direction = toggle(("paper", *msme.ELASTICITY_DIRECTIONS), "paper", "kz-direction")
        self.prices = toggle(("current", "constant"), "current", "kz-prices")
        self.national_box = table_box()
        self.regional_box = table_box()
        self._frame(page, audit, [self.direction, self.denominator, self.prices])
        self.container.children = (*self.container.children, self.national_box, self.regional_box)
        self._watch(self.direction, self.denominator, self.prices)
        page.on_relabel(self._relabel)

    def national(self) -> pd.DataFrame:
        """GDP and manufacturing GVA w.r.t. manufacturing exports, 2023-2024 (Table 16 or BNS)."""
        d = self.direction.value
        return msme.national_elasticity(paper_choices=self.paper_choices, denominator=self.denominator.value,
                                        direction="output_on_exports" if d == "paper" else d)

    def regional(self) -> pd.DataFrame:
        """Regions, 2023-2024 (Table 17's regions): the chosen direction, or each table's own ("paper")."""
        d = self.direction.value
        return msme.regional_elasticity(paper_choices=self.paper_choices, denominator=self.denominator.value,
                                        direction=None if d == "paper" else d)

    def _labels(self, lang: str) -> None:
        set_options(self.denominator, [(i18n.t(f"msme_denominator_{d}", lang), d) for d in msme.GROWTH_DENOMINATORS])
        set_options(self.prices, [(i18n.t(f"msme_prices_{p}", lang), p) for p in ("current", "constant")])
        set_options(self.direction, [(i18n.t(f"msme_direction_{d}", lang), d)
                                     for d in ("paper", *msme.ELASTICITY_DIRECTIONS)])

    def _table(self, df: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict]:
        d = kzdata.label(df, lang) if "region" in df else df
        cols = [c for c in ("region_name", "response", "driver", "start", "end", "growth_response", "growth_driver",
                            "elasticity") if c in d]
        shown = d[cols].assign(
            response=[i18n.t(f"msme_var_{v}", lang) for v in d["response"]],
            driver=[i18n.t(f"msme_var_{v}", lang) for v in d["driver"]],
            start=d["start"].astype(str), end=d["end"].astype(str),
            klass=[i18n.t(f"msme_elasticity_{c}", lang) for c in d["elasticity_class"]])
        h = {"region_name": i18n.t("region", lang), "response": i18n.t("msme_col_response", lang),
             "driver": i18n.t("msme_col_driver", lang), "start": i18n.t("msme_col_start", lang),
             "end": i18n.t("msme_col_end", lang), "growth_response": i18n.t("msme_col_growth_response", lang),
             "growth_driver": i18n.t("msme_col_growth_driver", lang), "elasticity": "E",
             "klass": i18n.t("msme_col_level", lang)}
        return shown, h

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        den = self.denominator.value
        nat, h1 = self._table(self.national(), lang)
        regional, h2 = self._table(self.regional(), lang)
        self.national_box.value = f"<h4>{escaped('msme_elasticity_national', lang)}</h4>" + html_table(nat, h1, digits=2)
        self.regional_box.value = (f"<h4>{escaped('msme_elasticity_regional', lang)}</h4>"
                                   + html_table(regional, h2, digits=2))
        bns = msme.bns_elasticity(prices=self.prices.value, denominator=den).assign(series="GDP / C")
        title = i18n.t("msme_bns_elasticity_title", lang, prices=i18n.t(f"msme_prices_{self.prices.value}", lang))
        shown = bns[["year", "growth_response", "growth_driver", "elasticity"]].assign(year=bns["year"].astype(str))
        h = {"year": i18n.t("year", lang), "growth_response": i18n.t("msme_col_growth_gdp", lang),
             "growth_driver": i18n.t("msme_col_growth_mfg", lang), "elasticity": "E"}
        src = f"{i18n.t('badge_official', lang)} · {i18n.t('source_bns_elasticity', lang)}"
        self._show(lang, title, ("bns", self.prices.value, den), lambda: plots.lines(
            bns, x="year", y="elasticity", hue="series", title="", ylabel="E", source=src, hline=1.0),
            shown, h, ("elasticity", self.prices.value, den), digits=2)


# ============================================================================ step IV


class Regression(_Section):
    """Step IV: GRP on SME potential, investment, exports and R&D staff, on the paper's panel or an upload.

    Examples
    --------
    >>> r = Regression(Page("03_msme_integration.ipynb", lang="en"), None)
    >>> "10 complete observations" in r.summary.value    # estimated only when asked
    True
    >>> r.run.click(); res = r.result(); res.n, res.k
    (10, 5)
    >>> r.entity.value = True; r.time.value = True
    >>> "reg_warn_low_df" in r.result().warning_keys
    True
    """

    badge_kind = "paper"
    source_key = "source_step4_panel"

    def __init__(self, page: Page, audit: Audit | None):
        self.official = reg.paper_step4_panel()
        self.panel, self.source = self.official, "paper"
        self.y = W.Dropdown(layout=W.Layout(width="auto"), style={"description_width": "initial"})
        self.y.add_class("kz-y")
        self.x = W.SelectMultiple(rows=6, layout=W.Layout(width="auto", max_width="420px"),
                                  style={"description_width": "initial"})
        self.x.add_class("kz-x")
        self.log = W.Checkbox(value=False, indent=False)
        self.entity = W.Checkbox(value=False, indent=False)
        self.time = W.Checkbox(value=False, indent=False)
        self.robust = W.Dropdown(options=["HC1", "HC0", "HC2", "HC3", "nonrobust", "cluster"], value="HC1",
                                 layout=W.Layout(width="auto"), style={"description_width": "initial"})
        self.summary = W.HTML()
        self.run = W.Button(layout=W.Layout(width="auto"), button_style="primary")
        self.run.add_class("kz-estimate")
        self.run.on_click(lambda _: self._activate())
        self.active = False          # statsmodels costs ~3 s to import: estimate when the visitor asks
        self.upload = UploadPanel(self._on_upload, reader=lambda payload, filename: reg.read_panel(payload, filename),
                                  hint_key="upload_hint_panel")
        self._fill(self.official.attrs.get("y", "grp_mfg"), list(self.official.attrs.get("x", ())))
        self._frame(page, audit, [self.y, self.x, W.HBox([self.log, self.entity, self.time],
                                                        layout=W.Layout(flex_flow="row wrap")), self.robust,
                                  self.run])
        self.container.children = (*self.container.children, self.summary, self.upload.container)
        self._watch(self.y, self.x, self.log, self.entity, self.time, self.robust)
        page.on_relabel(self._relabel)

    def _fill(self, y: str, x: list) -> None:
        variables = list(dict.fromkeys(self.panel["variable"]))
        self._vars = variables
        lang = getattr(getattr(self, "page", None), "lang", None)
        lang = lang.value if lang is not None else i18n.DEFAULT_LANG
        opts = [(self._name(v, lang), v) for v in variables]
        self.y.options = opts
        self.y.value = y if y in variables else variables[0]
        self.x.options = opts
        self.x.value = tuple(v for v in x if v in variables and v != self.y.value) or \
            tuple(v for v in variables if v != self.y.value)[:1]

    @staticmethod
    def _name(var: str, lang: str) -> str:
        key = f"reg_var_{var}"
        return i18n.t(key, lang) if key in i18n.catalogue(lang) else var

    def result(self) -> reg.PanelOLSResult:
        """The fitted model for the current choices."""
        return reg.panel_ols(self.panel, self.y.value, list(self.x.value), log=self.log.value,
                             entity_effects=self.entity.value, time_effects=self.time.value, robust=self.robust.value)

    def _activate(self) -> None:
        self.active = True
        self.run.layout.display = "none"
        self._update()

    def _on_upload(self, df) -> None:
        self.panel, self.source = (self.official, "paper") if df is None else (df, "upload")
        self._busy_fill()

    def _busy_fill(self) -> None:
        y = self.official.attrs.get("y") if self.source == "paper" else None
        x = list(self.official.attrs.get("x", ())) if self.source == "paper" else []
        self._busy = True
        try:
            self._fill(y or "", x)
        finally:
            self._busy = False
        self._update()

    def _labels(self, lang: str) -> None:
        set_options(self.y, [(self._name(v, lang), v) for v in self._vars])
        set_options(self.x, [(self._name(v, lang), v) for v in self._vars])
        self.y.description = i18n.t("reg_y", lang)
        self.x.description = i18n.t("reg_x", lang)
        self.log.description = i18n.t("reg_log", lang)
        self.entity.description = i18n.t("reg_entity_effects", lang)
        self.time.description = i18n.t("reg_time_effects", lang)
        self.robust.description = i18n.t("reg_robust", lang)
        self.run.description = i18n.t("reg_estimate", lang)
        self.upload.relabel(lang)

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        self.badge_kind = "paper" if self.source == "paper" else "upload"
        if not self.x.value:
            raise DataError("choose at least one explanatory variable", key="err_reg_no_x")
        if not self.active:
            n = int(self.panel.pivot_table(index=["region", "year"], columns="variable", values="value")
                    [[self.y.value, *self.x.value]].dropna().shape[0])
            self.heading.value = f"<h3>{escaped('reg_title', lang, y=self._name(self.y.value, lang))}</h3>"
            self.badge.set(lang, self.badge_kind, i18n.t(self.source_key, lang))
            self.chart.layout.display = "none"
            self.summary.value = f"<p>{escaped('reg_ready', lang, n=n, k=len(self.x.value) + 1)}</p>"
            self.table.value = ""
            return
        res = self.result()
        co = res.coefficients.assign(term=[self._name(t, lang) if t != "const" else i18n.t("reg_const", lang)
                                           for t in res.coefficients["term"]])
        shown = co[["term", "coef", "se", "t", "p", "ci_low", "ci_high"]]
        h = {"term": i18n.t("reg_col_term", lang), "coef": i18n.t("reg_col_coef", lang),
             "se": i18n.t("reg_col_se", lang), "t": "t", "p": "p", "ci_low": i18n.t("reg_col_ci_low", lang),
             "ci_high": i18n.t("reg_col_ci_high", lang)}
        warns = "".join(f"<li>{html.escape(i18n.t(w['key'], lang, **dict(w['params'])))}</li>" for w in res.warnings)
        self.summary.value = (f"<p>{escaped('reg_summary', lang, n=res.n, k=res.k, df=res.df_resid, r2=_cell(res.r2), adj=_cell(res.adj_r2))}</p>"
                              + (f"<ul class='kz-warnings'>{warns}</ul>" if warns else ""))
        title = i18n.t("reg_title", lang, y=self._name(self.y.value, lang))
        self._show(lang, title, None, None, shown, h, ("step4", self.y.value), digits=4)


# ============================================================================ cooperation


class Cooperation(_Section):
    """East Kazakhstan's cooperation potential: the five key indicators, bounds, weights, score, contributions.

    The paper gives no values and no scoring rule: the values are the user's and
    the score is the workbook's construction (:func:`kzclusters.cooperation.score`).

    Examples
    --------
    >>> c = Cooperation(Page("03_msme_integration.ipynb", lang="en"))
    >>> c.result() is None                      # nothing entered yet
    True
    >>> for k, v in zip(c.keys, [2, 3, 4, 3, 5]):
    ...     c.values[k].value = str(v)
    >>> round(float(c.result().total["score"].iloc[0]), 1)   # ordinal 1..5: mean of 100 (s - 1) / 4
    60.0
    >>> c.blocks.sliders["hr"].value = 5                     # the block scored 5 weighs more
    >>> round(float(c.result().total["score"].iloc[0]), 1)
    77.8
    """

    badge_kind = "upload"
    source_key = "coop_source_user"

    def __init__(self, page: Page):
        ind = coop.indicators()
        self.ind = ind[ind["key_indicator"]].reset_index(drop=True)
        self.keys = list(self.ind["indicator"])
        self.norm = toggle(coop.NORMALISATIONS, "ordinal", "kz-normalisation")
        self.agg = toggle(("arithmetic", "geometric"), "arithmetic", "kz-aggregation")

        def text(css):
            w = W.Text(value="", placeholder="—", layout=W.Layout(width="110px"))
            w.add_class(css)
            return w
        self.values = {k: text("kz-coop-value") for k in self.keys}
        self.lo = {k: text("kz-coop-lo") for k in self.keys}
        self.hi = {k: text("kz-coop-hi") for k in self.keys}
        self.labels = {k: W.HTML(layout=W.Layout(width="260px")) for k in self.keys}
        self.head = W.HTML()
        rows = [W.HBox([self.labels[k], self.values[k], self.lo[k], self.hi[k]],
                       layout=W.Layout(flex_flow="row wrap")) for k in self.keys]
        self.blocks = WeightSliders(list(coop.BLOCKS), {})
        self.template = W.HTML()
        self.upload = UploadPanel(self._on_upload, read_options={"kind": "indicators"}, hint_key="upload_hint_coop")
        self.note = W.HTML()
        self._frame(page, None, [self.note, self.norm, self.head, *rows, self.blocks.container, self.agg])
        self.container.children = (*self.container.children, self.template, self.upload.container)
        self._watch(self.norm, self.agg, *self.values.values(), *self.lo.values(), *self.hi.values(),
                    *self.blocks.sliders.values())
        page.on_relabel(self._relabel)

    def _number(self, w: W.Text, what: str, k: str) -> float | None:
        if not w.value.strip():
            return None
        try:
            return parse_number(w.value)
        except ValueError:
            raise DataError(f'{what} of {k}: "{w.value}" is not a number', key="err_coop_input_number",
                            field=what, indicator=k, value=w.value) from None

    def inputs(self) -> tuple[dict, dict | None]:
        """(values, bounds) from the fields; empty fields are left out."""
        values, bounds = {}, {}
        for k in self.keys:
            v = self._number(self.values[k], "value", k)
            if v is not None:
                values[k] = v
            lo, hi = self._number(self.lo[k], "lo", k), self._number(self.hi[k], "hi", k)
            if lo is not None or hi is not None:
                bounds[k] = (lo, hi)
        return values, bounds or None

    def result(self):
        """The score, or None while no value is entered."""
        values, bounds = self.inputs()
        if len(values) < len(self.keys):
            return None
        return coop.score(values, block_weights=self.blocks.raw(), normalisation=self.norm.value,
                          aggregation=self.agg.value, bounds=None if self.norm.value == "ordinal" else bounds)

    def _on_upload(self, df) -> None:
        if df is None:
            return
        got = df[df["indicator"].isin(self.keys)]
        for k, v in zip(got["indicator"], got["value"]):
            self.values[k].value = "" if pd.isna(v) else f"{v:g}"

    def _labels(self, lang: str) -> None:
        for k, row in self.ind.set_index("indicator").iterrows():
            self.labels[k].value = (f"<b>{escaped(row['block_key'], lang)}</b><br><small>{escaped(row['name_key'], lang)}"
                                    f" ({html.escape(str(row['unit']))})</small>")
        self.head.value = f"<small>{escaped('coop_fields_head', lang)}</small>"
        self.blocks.relabel({b: i18n.t(f"coop_block_{b}", lang) for b in coop.BLOCKS})
        set_options(self.norm, [(i18n.t(f"coop_norm_{n}", lang), n) for n in coop.NORMALISATIONS])
        set_options(self.agg, [(i18n.t(f"agg_{a}", lang), a) for a in ("arithmetic", "geometric")])
        self.note.value = f"<p class='kz-note'>{escaped('coop_note_workbook_score', lang)}</p>"
        self.upload.relabel(lang)
        tpl = coop.template()
        self.template.value = (f"<small>{escaped('coop_template_hint', lang)}</small> " + downloads.link(
            downloads.csv_bytes(tpl), "csv", downloads.filename(NOTEBOOK, "cooperation_template", ext="csv"),
            i18n.t("coop_template_download", lang), "kz-download-template"))

    @guarded
    def _update(self) -> None:
        if not hasattr(self, "container"):
            return
        lang = self.page.lang.value
        ordinal = self.norm.value == "ordinal"
        for k in self.keys:
            self.lo[k].layout.display = self.hi[k].layout.display = "none" if ordinal else None
        res = self.result()
        if res is None:
            self.heading.value = f"<h3>{escaped('coop_title', lang)}</h3>"
            self.badge.set(lang, "upload", i18n.t("coop_source_user", lang))
            self.chart.layout.display = "none"
            self.table.value = f"<p><i>{escaped('coop_enter_values', lang)}</i></p>"
            self.downloads.set(lang, (NOTEBOOK, "cooperation"))
            return
        total = float(res.total["score"].iloc[0])
        b = res.blocks.assign(name=[i18n.t(f"coop_block_{x}", lang) for x in res.blocks["block"]])
        shown = b[["name", "weight", "score", "points", "contribution"]]
        h = {"name": i18n.t("coop_col_block", lang), "weight": i18n.t("coop_col_weight", lang),
             "score": i18n.t("coop_col_score", lang), "points": i18n.t("coop_col_points", lang),
             "contribution": i18n.t("coop_col_contribution", lang)}
        level = i18n.t(f"coop_class_{res.total['level'].iloc[0]}", lang) \
            if f"coop_class_{res.total['level'].iloc[0]}" in i18n.catalogue(lang) else str(res.total["level"].iloc[0])
        title = i18n.t("coop_score_title", lang, score=f"{total:.1f}", level=level)
        bands = [i18n.t(k, lang) for k in coop.CLASS_LABELS]
        key = ("coop", round(total, 9), tuple(np.round(b["score"].to_numpy(), 9)))
        src = f"{i18n.t('badge_upload', lang)} · {i18n.t('coop_source_user', lang)}"

        def fig():
            return plots.gauge(total, bands=list(coop.CLASS_CUTS), band_labels=bands, title="",
                               xlabel=i18n.t("coop_col_score", lang), source=src, badge="upload", hi=100.0)
        self._show(lang, title, key, fig, shown, h, ("cooperation", self.norm.value), digits=2)


# ============================================================================ reference lists


def _reference_html(lang: str) -> str:
    """The papers' checklists: legal register (P2), legal mechanisms (P2) and policy instruments (P3)."""
    reg_ = coop.legal_register()
    reg_shown = pd.DataFrame({"doc": [i18n.t(k, lang) for k in reg_["name_key"]], "date": reg_["date"].astype(str),
                              "covers": [i18n.t(k, lang) for k in reg_["covers_key"]]})
    out = [f"<h4>{escaped('coop_register_title', lang)}</h4>",
           html_table(reg_shown, {"doc": i18n.t("coop_col_document", lang), "date": i18n.t("coop_col_date", lang),
                                  "covers": i18n.t("coop_col_covers", lang)})]
    for title_key, frame in (("coop_mechanisms_title", coop.legal_mechanisms()),
                             ("coop_instruments_title", coop.policy_instruments())):
        shown = pd.DataFrame({
            "list": [i18n.t(k, lang) for k in frame["list_key"]],
            "item": [i18n.t(k, lang) for k in frame["key"]]})
        out += [f"<h4>{escaped(title_key, lang)}</h4>",
                html_table(shown, {"list": i18n.t("coop_col_list", lang), "item": i18n.t("coop_col_item", lang)})]
    return "".join(out)


# ============================================================================ the page


def msme_integration_page(lang: str | None = None) -> Page:
    """Build notebook 03's page; its sections are attributes the notebook displays one by one.

    Parameters
    ----------
    lang : str, optional
        Initial language (from the URL by default).

    Returns
    -------
    Page
        With ``texts``, ``audit``, ``potential``, ``integration``, ``exports``,
        ``elasticities``, ``grp`` (BNS GRP explorer), ``regression``,
        ``cooperation`` and ``sections`` (name -> titled block, in reading
        order: goals, model, audit, potential, tii, exports, elasticity, grp,
        regression, cooperation, policy, exercises).

    Examples
    --------
    >>> p = msme_integration_page("kk")
    >>> p.grp.year.description
    'Жыл'
    >>> list(p.sections)[:3]
    ['goals', 'model', 'audit']
    """
    grp_tables = {f: msme.bns_grp_shares(f) for f in ("17", "20")}
    page = Page("03_msme_integration.ipynb", ["grp_gva", "grp_volume_index", "seed004_msme_t06_pmsp_components",
                                              "seed004_msme_t07_tii_matrix", "seed004_msme_t04_mfg_exports_by_region",
                                              "seed004_msme_t13_rca", "seed004_msme_t16_elasticity_inputs",
                                              "seed004_coop_p1_t1_vko_indicators"], lang=lang)
    page.lecture_texts("03_")
    page.audit = Audit(page)
    page.potential = Potential(page, page.audit)
    page.integration = Integration(page, page.audit)
    page.exports = Exports(page, page.audit)
    page.elasticities = Elasticities(page, page.audit)
    page.grp = MeasureExplorer(
        page, grp_tables,
        {"share": Measure("share", "msme_measure_grp_share"),
         "growth": Measure("real_growth", "msme_measure_real_growth", center=0.0),
         "mfg": Measure("mfg_share", "msme_measure_mfg_share")},
        columns={"grp": "msme_col_grp", "share": "msme_measure_grp_share", "real_growth": "msme_measure_real_growth",
                 "mfg_share": "msme_measure_mfg_share"},
        source_key="source_bns_grp", stem=(NOTEBOOK, "grp"), window=_grp_window, region="VKO")
    page.regression = Regression(page, page.audit)
    page.cooperation = Cooperation(page)
    refs = W.HTML(layout=W.Layout(width="100%", overflow="auto"))
    page.on_relabel(lambda lang: setattr(refs, "value", _reference_html(lang)))
    tx = page.texts
    page.sections = {
        "goals": page.section("section_goals", tx["03_goals"]),
        "model": page.section("section_msme_model", tx["03_model"]),
        "audit": page.section("section_msme_audit", tx["03_audit"], page.audit.container),
        "potential": page.section("section_msme_potential", tx["03_potential"], page.potential.container),
        "tii": page.section("section_msme_tii", tx["03_tii"], page.integration.container),
        "exports": page.section("section_msme_exports", tx["03_exports"], page.exports.container),
        "elasticity": page.section("section_msme_elasticity", tx["03_elasticity"], page.elasticities.container),
        "grp": page.section("section_msme_grp", page.grp.container),
        "regression": page.section("section_msme_regression", tx["03_regression"], page.regression.container),
        "cooperation": page.section("section_msme_cooperation", tx["03_cooperation"], page.cooperation.container),
        "policy": page.section("section_msme_policy", tx["03_policy"], refs),
        "exercises": page.section("section_exercises", tx["03_exercises"]),
    }
    return page


def _grp_window(table: pd.DataFrame, start: int, end: int, lang: str):
    """GRP share and manufacturing share at both ends of the window, and their changes (pp)."""
    a = table[table["year"] == start].set_index("region")
    b = table[table["year"] == end].set_index("region")
    out = pd.DataFrame({"share_start": a["share"], "share_end": b["share"], "mfg_start": a["mfg_share"],
                        "mfg_end": b["mfg_share"]}).dropna(how="all")
    out = out.assign(d_share=out["share_end"] - out["share_start"], d_mfg=out["mfg_end"] - out["mfg_start"])
    out = out.reset_index().sort_values("share_end", ascending=False)
    share, mfg = i18n.t("msme_measure_grp_share", lang), i18n.t("msme_measure_mfg_share", lang)
    return out, {"share_start": f"{share} {start}", "share_end": f"{share} {end}",
                 "d_share": i18n.t("msme_col_d_share", lang), "mfg_start": f"{mfg} {start}",
                 "mfg_end": f"{mfg} {end}", "d_mfg": i18n.t("msme_col_d_mfg", lang)}
