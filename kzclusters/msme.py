r"""Manufacturing SMEs: potential, technological integration, export potential and elasticities (seed 004).

Taikulakova, Bayadilova and Andakov [1]_ assess the manufacturing SMEs (МСП)
of five regions (Karaganda, Pavlodar, Almaty city, East Kazakhstan, Kostanay)
in an eight-step model (spec ``msme_integration.md`` §1).  This module holds
every formula of the paper, reconstructed from the garbled extract (spec §2,
formulas F1-F11), with the paper's own conventions available as options:

.. math::

   P_{MSP} &= \omega_{PP}\,PP + \omega_{IP}\,INNP + \omega_{CP}\,CP + \omega_{EP}\,EP
   && \text{(F1, Table 6; } \omega = 0.4, 0.3, -, 0.2\text{)} \\
   TII &= \textstyle\sum_k \omega_k X_k, \qquad
   TII^{*}_r = \frac{1}{3}\left(\frac{INN_r}{\max_s INN_s} + \frac{DI_r}{\max_s DI_s}
   + \frac{HR_r}{\max_s HR_s}\right) && \text{(F2-F3, Tables 7-8)} \\
   s_{r,t} &= 100\,\frac{GRP_{r,t}}{GRP_{RK,t}}, \qquad
   g_r = \frac{GRP_{r,2024} - GRP_{r,2023}}{GRP_{r,2023}} && \text{(F5, Tables 5, 9)} \\
   ES_{r,t} &= 100\,\frac{X^{SME}_{r,t}\,FX_t}{GRP_{r,t}}, \qquad EPI = ES \cdot RCA
   && \text{(F6-F7, Tables 10-11)} \\
   RCA_{r,t} &= \frac{X^{SME}_{r,t} / X^{MFG}_{r,t}}{X^{SME}_{RK,t} / X^{MFG}_{RK,t}}
   && \text{(F8, Tables 12-13)} \\
   E_{y,x} &= \frac{\Delta y / y_{t_0}}{\Delta x / x_{t_0}} && \text{(F9-F10, Tables 16-17)}

All functions are pure: they take tidy long frames (codes, not labels), never
modify their inputs and return new frames.  Bad input raises
:class:`kzclusters.DataError`; errors the workbook shows carry an i18n ``key``
(``err_msme_*``).

**The paper's choices.**  Where the paper's convention differs from the
correct one, a ``paper_choices`` argument switches between them (default
``False``: the correct convention); :data:`PAPER_CHOICES` lists them all, so a
single toggle "reproduce the paper's choices" can drive every function:
Table 5's growth denominator, Table 9's shifted share column, the USD/KZT mix
of the export share, the GDP vintage of the national elasticity, the
opposite direction of the regional elasticity, and the intermediate rounding
that the printed numbers need.

**Paper vs recomputed.**  :func:`reproduction` recomputes every printed
number of Tables 3, 5-9, 11, 13, 16 and 17 with the paper's own method
(spec §4); :func:`audit` lists every discrepancy and data-quality flag (spec
§4 and all 13 flags of §7) with the printed and the corrected value and an
i18n reason.

**Extensions** (not in the paper, labelled so in the docstrings): per-region
:math:`P_{MSP}` (``sme_potential(by="region")``), the normalised TII for 2023
(``integration_index(years=[2023])``), RCA for all 19 regions of Table 4
(:func:`rca_all_regions`) and BNS series for 2010-2025
(:func:`bns_grp_shares`, :func:`bns_elasticity`).

Not here: the regression of step IV (F4), which the paper writes down but
never estimates (no data, no coefficients; flag 12), and its promised
forecast.

References
----------
.. [1] Taikulakova G.S., Bayadilova L., Andakov M.Z., «Определение потенциала малых и средних предприятий
   обрабатывающей промышленности на основе технологической интеграции и его влияние на валовой внутренний
   продукт», AlmaTau Symposium 2025 (Almaty Management University), seed 004; spec
   ``msme_integration.md`` (formulas F1-F11, Tables 2-17, §4 reproducibility, §7 data-quality flags).
.. [2] Balassa, B. (1965), Trade liberalisation and "revealed" comparative advantage, The Manchester School
   33(2), 99-123.
.. [3] Bureau of National Statistics (BNS): GRP and gross value added by region and OKED section, current
   prices (table 5927); GRP and GVA volume indices, previous year = 100.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import pandas as pd

from . import composite as cp
from . import data as kzdata
from . import specialization as sp
from ._errors import DataError
from ._schema import validate_long
from .ict import _round_half_up, _volume
from .registry import fold_map

__all__ = [
    "national_share", "pmsp_components", "pmsp_weights", "sme_potential", "pmsp_band",
    "tii_components", "integration_index", "tii_level", "growth_rate", "grp_share", "export_share",
    "regional_rca", "export_potential", "epi_class", "elasticity", "elasticity_class",
    "national_elasticity", "regional_elasticity", "rca_all_regions", "bns_grp_shares", "bns_elasticity",
    "reproduction", "audit", "PaperChoice",
    "NATIONAL", "PAPER_REGIONS", "PAPER_YEARS", "PMSP_WEIGHTS", "PMSP_CP_WEIGHT", "PMSP_COMPONENTS",
    "PMSP_SHARE_DECIMALS", "PMSP_MEAN_DECIMALS", "PMSP_BAND_CUTS", "PMSP_BANDS", "TII_COMPONENTS",
    "TII_SUM_WEIGHTS", "TII_NORM_WEIGHTS", "TII_THRESHOLDS", "TII_LEVELS", "TII_VARIANTS",
    "TII_NORMALISATIONS", "TII_SHARE_DECIMALS", "GROWTH_DENOMINATORS", "ES_DECIMALS", "RCA_DECIMALS",
    "EPI_CUTS", "EPI_CLASSES", "RCA_CLASSES", "ELASTICITY_CLASSES", "PAPER_CHOICES", "AUDIT_COLUMNS",
    "AUDIT_SEVERITIES", "AUDIT_KINDS", "AUDIT_UNITS",
]

# ----------------------------------------------------------------------------- constants

#: Code of the national total (Республика Казахстан) in every table.
NATIONAL = "KZ"
#: The paper's sample from Table 6 on, in its row order: Karaganda, Pavlodar, Almaty **city**, East
#: Kazakhstan, Kostanay (step I names Almaty *region*, ``ALM``, which only Table 5 uses: spec §1, flag 1).
PAPER_REGIONS: tuple[str, ...] = ("KRG", "PVL", "ALA", "VKO", "KST")
#: Years of the analysis (base year first).
PAPER_YEARS: tuple[int, int] = (2023, 2024)
#: Weights of F1 as printed: ω_PP = 0.4, ω_IP = 0.3, ω_EP = 0.2; CP has no weight and no data (Σ = 0.9).
PMSP_WEIGHTS: Mapping[str, float] = MappingProxyType({"pp": 0.4, "innp": 0.3, "ep": 0.2})
#: The weight of CP implied by a sum of 1 (spec §2 F1, option c); used with ``include_cp=True``.
PMSP_CP_WEIGHT: float = 0.1
#: Components of P_MSP: production (PP), innovation (INNP, the paper's "IP"), cooperation (CP), export (EP).
PMSP_COMPONENTS: tuple[str, ...] = ("pp", "innp", "cp", "ep")
#: Decimals of the Table 6 shares as printed (and as the paper averaged them).
PMSP_SHARE_DECIMALS: Mapping[str, int] = MappingProxyType({"pp": 2, "innp": 4, "ep": 4})
#: Decimals of the five-region means in the P_MSP averages table.
PMSP_MEAN_DECIMALS: int = 3
#: Upper bounds of the P_MSP bands: [0, 0.25], (0.25, 0.50], (0.50, 0.75], (0.75, 1] (the printed scale has
#: gaps of 0.01 between its ranges; spec §2 F1 reads them as half-open intervals).
PMSP_BAND_CUTS: tuple[float, ...] = (0.25, 0.50, 0.75)
#: Codes of the P_MSP bands, lowest first (``seed004_msme_pmsp_scale``).
PMSP_BANDS: tuple[str, ...] = ("low", "medium", "moderately_high", "high")
#: Components of the TII: digital infrastructure, innovation, cooperation, institutional integration, R&D
#: staff.
TII_COMPONENTS: tuple[str, ...] = ("di", "inn", "coop", "inst", "hr")
#: Weights of the un-normalised TII (F2) as used: 0.2 each for DI, INN and HR.  COOP and INST (0.2 each in
#: the formula) have no data, so the weights sum to 0.6 (flag 7).
TII_SUM_WEIGHTS: Mapping[str, float] = MappingProxyType({"di": 0.2, "inn": 0.2, "hr": 0.2})
#: Weights of the normalised TII (F3, Table 8): the plain mean of INN*, DI* and HR*.
TII_NORM_WEIGHTS: Mapping[str, float] = MappingProxyType({"inn": 1 / 3, "di": 1 / 3, "hr": 1 / 3})
#: Cut-offs of the TII levels: low < 0.4 <= medium < 0.7 <= high (the paper prints "> 0.7" for high).
TII_THRESHOLDS: tuple[float, float] = (0.4, 0.7)
#: Codes of the TII levels, lowest first.
TII_LEVELS: tuple[str, ...] = ("low", "medium", "high")
#: Variants of :func:`integration_index`.
TII_VARIANTS: tuple[str, ...] = ("normalised", "weighted_sum")
#: Normalisations of the normalised TII: ``"max"`` (X / max over the sample, the paper) or ``"minmax"``.
TII_NORMALISATIONS: tuple[str, ...] = ("max", "minmax")
#: Decimals of the Table 7 shares (Table 8 was computed from them).
TII_SHARE_DECIMALS: int = 2
#: Denominators of :func:`growth_rate`: the base year (correct), the end year (Table 5) or the midpoint.
GROWTH_DENOMINATORS: tuple[str, ...] = ("start", "end", "midpoint")
#: Decimals to which the paper rounded ES before multiplying by RCA (spec §4, T11).
ES_DECIMALS: int = 4
#: Decimals of RCA as printed in Tables 10 and 13 (and used in Table 11).
RCA_DECIMALS: int = 2
#: Inferred EPI cut-offs (not printed; they reproduce every label of Table 11 on the paper's USD/KZT scale).
EPI_CUTS: tuple[float, float] = (0.002, 0.02)
#: Codes of the EPI classes, lowest first (Table 11 labels).
EPI_CLASSES: tuple[str, ...] = ("very_low_potential", "low_potential", "high_potential")
#: Codes of :func:`regional_rca`'s ``rca_class``.
RCA_CLASSES: tuple[str, ...] = ("no_advantage", "advantage", "strong_advantage")
#: Codes of :func:`elasticity_class`: E < 0, 0 <= E <= 1, E > 1.
ELASTICITY_CLASSES: tuple[str, ...] = ("inverse", "inelastic", "elastic")
#: Directions of the elasticities: output (GDP, GRP, GVA) w.r.t. exports (F9, the national Table 16) or
#: exports w.r.t. output (the regional Table 17); :math:`E_{x,y} = 1 / E_{y,x}` for the same two growth rates.
ELASTICITY_DIRECTIONS: tuple[str, ...] = ("output_on_exports", "exports_on_output")
#: Columns of :func:`audit`.
AUDIT_COLUMNS: tuple[str, ...] = ("id", "flag", "table", "region", "year", "item", "printed", "corrected",
                                  "unit", "reason_key", "severity", "kind")
#: Severities of the audit rows: high (changes a conclusion), medium (changes numbers or their meaning),
#: low (rounding, labels, notes).
AUDIT_SEVERITIES: tuple[str, ...] = ("high", "medium", "low")
#: Codes of the audit's ``unit`` column (None where a row has no unit); the UI translates
#: ``msme_unit_<code>``.
AUDIT_UNITS: tuple[str, ...] = ("fraction", "percent", "percent_of_rk", "ratio", "count", "mln_kzt",
                                "mln_usd")
#: Kinds of the audit rows.
AUDIT_KINDS: tuple[str, ...] = ("error", "inconsistency", "rounding", "extraction", "label", "missing",
                                "vintage", "note")


@dataclass(frozen=True)
class PaperChoice:
    """One convention of seed 004 that differs from the correct one.

    Parameters
    ----------
    paper : str
        The paper's setting (a code).
    correct : str
        The correct setting (a code), the default of every function.
    tables : str
        Where the paper uses it.
    functions : tuple of str
        Functions of this module whose ``paper_choices=True`` applies it.
    flag : int or None
        The spec §7 flag, if any.

    Examples
    --------
    >>> PAPER_CHOICES["growth_denominator"].paper, PAPER_CHOICES["growth_denominator"].correct
    ('end', 'start')
    """

    paper: str
    correct: str
    tables: str
    functions: tuple[str, ...]
    flag: int | None = None


#: Every convention of the paper that differs from the correct one (``paper_choices=True`` applies it).
PAPER_CHOICES: Mapping[str, PaperChoice] = MappingProxyType({
    "growth_denominator": PaperChoice("end", "start", "Table 5", ("growth_rate",), 2),
    "grp_share_rows": PaperChoice("shifted", "aligned", "Table 9", ("grp_share",), 3),
    "es_currency": PaperChoice("usd_over_kzt", "converted", "Tables 10-11",
                               ("export_share", "export_potential"), 4),
    "gdp_vintage": PaperChoice("table_2", "bns", "Tables 2, 15, 16", ("national_elasticity",), 9),
    "regional_elasticity_direction": PaperChoice("exports_on_grp", "grp_on_exports", "Table 17",
                                                 ("regional_elasticity",), 10),
    "pmsp_rounding": PaperChoice("rounded", "exact", "Table 6 and its averages",
                                 ("pmsp_components", "sme_potential")),
    "tii_rounding": PaperChoice("rounded", "exact", "Tables 7-8", ("tii_components", "integration_index")),
    "epi_rounding": PaperChoice("rounded", "exact", "Table 11", ("export_potential",)),
})

_T = "seed004_msme_"
_TABLE_NAMES = {
    "t03": "Table 3 (seed 004)", "t04": "Table 4 (seed 004)", "t05": "Table 5 (seed 004)",
    "t06": "Table 6 (seed 004)", "t07": "Table 7 (seed 004)", "t09": "Table 9 (seed 004)",
    "t10": "Table 10 (seed 004)", "t12": "Table 12 (seed 004)", "t16": "Table 16 (seed 004)",
    "t17": "Table 17 (seed 004)",
}
#: Printed intermediate results of the un-normalised TII (spec §3, under Table 7): (component, year or None
#: for the two-year mean) -> value, and the index itself.
_TII_SUM_PRINTED = MappingProxyType({("inn", 2023): 8.97, ("inn", 2024): 8.96, ("inn", None): 8.97,
                                     ("di", 2023): 111.83, ("di", 2024): 116.04, ("di", None): 113.94,
                                     ("hr", 2023): 10.66, ("hr", 2024): 10.57, ("hr", None): 10.62,
                                     ("tii", None): 26.7})
_PMSP_PRINTED = 0.08


# ----------------------------------------------------------------------------- helpers


def _load(short: str) -> pd.DataFrame:
    return kzdata.load(_T + {"t02": "t02_manufacturing_indicators", "t03": "t03_enterprises",
                             "t04": "t04_mfg_exports_by_region",
                             "t05": "t05_grp_selected", "t06": "t06_pmsp_components",
                             "t06b": "t06b_pmsp_averages", "t07": "t07_tii_matrix",
                             "t08": "t08_tii_normalised", "t09": "t09_grp_shares", "t10": "t10_es_epi_inputs",
                             "t11": "t11_epi", "t12": "t12_exports_selected", "t13": "t13_rca",
                             "t16": "t16_elasticity_inputs", "t16b": "t16b_elasticities",
                             "t17": "t17_regional_elasticity", "scale": "pmsp_scale"}[short])


def _check_choice(value, options, what: str) -> None:
    if value not in options:
        raise DataError(f"unknown {what} {value!r}; choose one of {', '.join(map(repr, options))}")


def _frame(df, columns, name: str, *, measure: str | None = None,
           measure_col: str = "measure") -> pd.DataFrame:
    """A copy of `df` restricted to `measure` (when it has a measure column), with the columns checked."""
    if not isinstance(df, pd.DataFrame):
        raise DataError(f"{name} must be a pandas DataFrame with the columns {', '.join(columns)}")
    if measure is not None and measure_col in df.columns and measure_col not in columns:
        df = df[df[measure_col] == measure]
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise DataError(f"{name} has no column(s) {', '.join(missing)} (columns found: "
                        f"{', '.join(map(str, df.columns))})", file=name, key="err_msme_missing_column",
                        table=name, column=missing[0], columns=", ".join(map(str, df.columns)))
    if "value" in columns and not pd.api.types.is_numeric_dtype(df["value"]):
        raise DataError("values must be numbers", file=name, column="value")
    if "year" in columns and not pd.api.types.is_integer_dtype(df["year"]):
        raise DataError("year must be a whole number", file=name, column="year")
    out = df[list(columns)].copy()
    if "value" in out.columns:
        out["value"] = out["value"].to_numpy(dtype="float64", na_value=np.nan)
    for c in out.columns:
        if c not in ("value", "year") and out[c].isna().any():
            raise DataError(f"{c} is missing in {name}", file=name, column=c)
    return out.reset_index(drop=True)


def _where(row: pd.Series, keys) -> str:
    return ", ".join(f"{k} {row[k]}" for k in keys if k in row.index)


def _no_duplicates(d: pd.DataFrame, keys, name: str) -> None:
    dup = d.duplicated(list(keys), keep="first")
    if dup.any():
        i = int(np.flatnonzero(dup.to_numpy())[0])
        raise DataError(f"duplicate row ({_where(d.iloc[i], keys)}); each key may appear once", file=name)


def _nan_error(name: str, region, year, item) -> DataError:
    region = "" if region is None else str(region)
    return DataError(f"{item} of {region or 'the series'} in {year} is empty (NaN); enter a number",
                     file=name, key="err_msme_nan", table=name, region=region, year=str(year), item=str(item))


def _missing_region(name: str, region, year, item) -> DataError:
    return DataError(f"region {region} has no {item} for {year}; add the row or leave the region out",
                     file=name, key="err_msme_region_missing", table=name, region=str(region), year=str(year),
                     item=str(item))


def _weights(weights, allowed, what: str) -> dict:
    """Validated copy of a weight mapping (name -> weight >= 0, not all zero)."""
    if isinstance(weights, pd.Series):
        weights = weights.to_dict()
    if not isinstance(weights, Mapping) or not weights:
        raise DataError(f"{what} must be a dict component -> weight, "
                        "e.g. {'pp': 0.4, 'innp': 0.3, 'ep': 0.2}")
    out = {}
    for k, v in weights.items():
        if k not in allowed:
            raise DataError(f"{what}: {k!r} is not a component; use {', '.join(allowed)}",
                            key="err_msme_weight_unknown", name=str(k), accepted=", ".join(allowed))
        try:
            f = float(v)
        except (TypeError, ValueError):
            raise DataError(f"{what}: the weight of {k!r} is not a number ({v!r})",
                            key="err_msme_weight_nan", name=str(k)) from None
        if not np.isfinite(f):
            raise DataError(f"{what}: the weight of {k!r} is {v!r}; weights must be finite numbers >= 0",
                            key="err_msme_weight_nan", name=str(k))
        if f < 0:
            raise DataError(f"{what}: the weight of {k!r} is negative ({f:g}); weights must be >= 0",
                            key="err_msme_weight_negative", name=str(k), value=f"{f:g}")
        out[k] = f
    if sum(out.values()) <= 0:
        raise DataError(f"{what}: all weights are zero; give at least one component a positive weight",
                        key="err_msme_weights_zero")
    return out


def _indicator_table(df, name: str, measure: str) -> pd.DataFrame:
    """``region, year, indicator, value`` from a long component table (rows of `measure` if it has one)."""
    d = _frame(df, ["region", "year", "indicator", "value"], name, measure=measure)
    _no_duplicates(d, ["region", "year", "indicator"], name)
    return d


def _wide(d: pd.DataFrame, needed, regions, name: str) -> pd.DataFrame:
    """Regions x years rows, one column per component of `needed`; every needed cell must be a number."""
    d = d[d["region"] != NATIONAL]
    have = set(d["indicator"])
    for k in needed:
        if k not in have:
            raise DataError(f"{name} has no values for the component {k!r}; add rows with indicator {k!r} "
                            "or set its weight to 0", file=name, key="err_msme_component_missing",
                            table=name, name=k)
    if regions is None:
        regions = list(dict.fromkeys(d["region"]))
    else:
        regions = [str(r) for r in regions]
        if not regions:
            raise DataError("choose at least one region", key="err_msme_no_regions")
    years = sorted(int(y) for y in d["year"].unique())
    if not years:
        raise DataError(f"{name} has no rows for the regions", file=name)
    idx = pd.MultiIndex.from_product([regions, years], names=["region", "year"])
    wide = d.pivot_table(index=["region", "year"], columns="indicator", values="value", aggfunc="first",
                         dropna=False).reindex(idx)
    wide.columns.name = None
    present = set(map(tuple, d[["region", "year", "indicator"]].itertuples(index=False, name=None)))
    for k in needed:
        col = wide[k] if k in wide.columns else pd.Series(np.nan, index=idx)
        for (r, y), v in col.items():
            if (r, y, k) not in present:
                raise _missing_region(name, r, y, k)
            if np.isnan(v):
                raise _nan_error(name, r, y, k)
    return wide.reset_index()


def _period(years) -> str:
    ys = sorted(int(y) for y in years)
    return str(ys[0]) if len(ys) == 1 else f"{ys[0]}-{ys[-1]}"


def _round_cols(df: pd.DataFrame, cols, decimals: int) -> pd.DataFrame:
    out = df.copy()
    for c in cols:
        out[c] = _round_half_up(out[c].to_numpy(dtype="float64"), decimals)
    return out


def _bands(values, cuts, labels, *, right_closed: bool) -> pd.Series:
    """Band code of each value (None for NaN); `right_closed` makes each cut the top of the lower band."""
    index = values.index if isinstance(values, pd.Series) else None
    try:
        v = np.asarray(values, dtype="float64").reshape(-1)
    except (TypeError, ValueError):
        raise DataError("values must be numbers") from None
    c = np.asarray(cuts, dtype="float64")
    pos = np.searchsorted(c, np.round(v, 9), side="left" if right_closed else "right")
    lab = np.asarray(labels, dtype=object)[np.clip(pos, 0, len(labels) - 1)]
    lab[np.isnan(v)] = None
    return pd.Series(lab, index=index, dtype=object)


def _check_cuts(cuts, n: int, what: str) -> tuple[float, ...]:
    try:
        c = np.asarray(cuts, dtype="float64")
    except (TypeError, ValueError):
        raise DataError(f"{what} must be numbers, got {cuts!r}", key="err_msme_cuts") from None
    if c.shape != (n,) or not np.isfinite(c).all() or (np.diff(c) <= 0).any():
        raise DataError(f"{what} must be {n} increasing numbers, got {cuts!r}", key="err_msme_cuts")
    return tuple(c.tolist())


def _fx_table(usd_kzt, years) -> dict:
    if isinstance(usd_kzt, pd.Series):
        usd_kzt = usd_kzt.to_dict()
    if isinstance(usd_kzt, Mapping):
        table = {}
        for k, v in usd_kzt.items():
            try:
                table[int(k)] = float(v)
            except (TypeError, ValueError):
                raise DataError(f"the exchange rate for {k!r} is {v!r}; give year -> tenge per US dollar, "
                                "e.g. {2023: 456.3}", key="err_msme_fx_bad", year=str(k)) from None
    else:
        try:
            rate = float(usd_kzt)
        except (TypeError, ValueError):
            raise DataError(f"usd_kzt must be tenge per US dollar (a number or year -> number), got "
                            f"{usd_kzt!r}", key="err_msme_fx_bad",
                            year=", ".join(str(int(y)) for y in sorted(years))) from None
        table = {int(y): rate for y in years}
    for y in years:
        if int(y) not in table:
            raise DataError(f"exports are in US dollars and GRP in tenge: give the exchange rate (tenge per "
                            f"US dollar) for {y}, or use paper_choices=True to divide dollars by tenge as "
                            "the paper did", key="err_msme_fx_missing", year=str(y))
        if not np.isfinite(table[int(y)]) or table[int(y)] <= 0:
            raise DataError(f"the exchange rate for {y} is {table[int(y)]!r}; it must be a number > 0",
                            key="err_msme_fx_bad", year=str(y))
    return table


# ----------------------------------------------------------------------------- shares of the national total


def national_share(values: pd.DataFrame, *, national: str = NATIONAL, scale: float = 1.0, by=None,
                   keep_national: bool = False, name: str = "table") -> pd.DataFrame:
    r"""Each region's value as a share of the national row (not of the sum over the listed regions).

    .. math:: s_{r,k} = c \,\frac{x_{r,k}}{x_{RK,k}}

    for every group *k* (indicator, year, ...), with scale *c* = 1 (shares,
    Table 6) or 100 (% of RK: Tables 7 and 9; the DI index with RK = 100 is
    the same formula on percentages).  The national row is the published
    total, so the listed regions' shares need not add to 1 (seed 004 lists
    five regions).  :func:`kzclusters.specialization.regional_share` is the
    other convention (denominator = the sum over the regions in the table).

    Parameters
    ----------
    values : pandas.DataFrame
        Long table ``region, [by ...], value`` with a national row (region
        `national`) in every group.
    national : str, default "KZ"
    scale : float, default 1.0
    by : list of str, optional
        Group columns; default: whichever of ``indicator, measure, sector,
        year`` the table has.
    keep_national : bool, default False
        Keep the national rows (share = `scale`).
    name : str
        Table name for error messages.

    Returns
    -------
    pandas.DataFrame
        A new frame in the input's row order: ``region, [by ...], value,
        national, share``.

    Raises
    ------
    DataError
        If a column is missing, a key repeats, a group has no national row or
        a zero or empty national value (``key="err_msme_national_missing"`` /
        ``"err_msme_national_zero"``), or a regional value is empty
        (``"err_msme_nan"``).

    References
    ----------
    .. [1] Seed 004, F11 (Tables 6-7 shares), F5 (Table 9), F2 (DI index).

    Examples
    --------
    >>> toy = pd.DataFrame({"region": ["KZ", "A", "B"], "year": 2024, "value": [50.0, 10.0, 5.0]})
    >>> national_share(toy)["share"].tolist()
    [0.2, 0.1]
    >>> national_share(toy, scale=100, keep_national=True)["share"].tolist()
    [100.0, 20.0, 10.0]
    """
    if not isinstance(values, pd.DataFrame):
        raise DataError(f"{name} must be a pandas DataFrame with the columns region and value")
    if by is None:
        by = [c for c in ("indicator", "measure", "sector", "year") if c in values.columns]
    by = list(by)
    d = _frame(values, ["region", *by, "value"], name)
    _no_duplicates(d, ["region", *by], name)
    keyed = d.assign(_k=0) if not by else d
    gk = by or ["_k"]
    nat = keyed[keyed["region"] == national][[*gk, "value"]].rename(columns={"value": "national"})
    merged = keyed.merge(nat, on=gk, how="left")
    for i in range(len(merged)):
        row = merged.iloc[i]
        what = ", ".join(str(row[c]) for c in by if c != "year") or "value"
        year = row["year"] if "year" in row.index else ""
        if np.isnan(row["national"]):
            raise DataError(f"the national total ({national}) of {what} is missing or empty for {year}; add "
                            "the row of Kazakhstan as a whole (region KZ)", file=name,
                            key="err_msme_national_missing",
                            table=name, item=what, year=str(year))
        if row["national"] == 0:
            raise DataError(f"the national total ({national}) of {what} is zero for {year}, so shares are "
                            "undefined",
                            file=name, key="err_msme_national_zero", table=name, item=what, year=str(year))
        if np.isnan(row["value"]):
            raise _nan_error(name, row["region"], year, what)
    merged["share"] = scale * merged["value"] / merged["national"]
    if not keep_national:
        merged = merged[merged["region"] != national]
    return merged[["region", *by, "value", "national", "share"]].reset_index(drop=True)


# ----------------------------------------------------------------------------- F1: P_MSP


def pmsp_components(values: pd.DataFrame | None = None, *, paper_choices: bool = False) -> pd.DataFrame:
    r"""The P_MSP components as used by the paper: each region's share of the national total (Table 6).

    .. math:: PP_{r,t} = \frac{Q_{r,t}}{Q_{RK,t}}, \quad
              INNP_{r,t} = \frac{N_{r,t}}{N_{RK,t}}, \quad EP_{r,t} = \frac{X_{r,t}}{X_{RK,t}}

    with *Q* SME output, *N* innovations in SMEs and *X* manufacturing exports
    (seed 004, F1 as operationalised, spec §2).  The paper's labels promise
    "the SME share of manufacturing output / exports"; its numbers are regional
    shares of national totals, and the "SME export" block holds **total**
    manufacturing exports (flag 6).

    Parameters
    ----------
    values : pandas.DataFrame, optional
        Long ``indicator, region, year, value`` (rows of ``measure == "value"``
        if there is a ``measure`` column) with a national row per indicator
        and year.  Default: the shipped Table 6, whose national innovation row
        is missing: it is filled with Table 7's totals, 30,610 (2023) and
        30,756 (2024), in Table 6's unit (thousands), as the printed shares
        imply (flag 6).
    paper_choices : bool, default False
        Round the shares as printed and as the paper averaged them
        (:data:`PMSP_SHARE_DECIMALS`: PP 2 dp, INNP and EP 4 dp).  This
        reproduces all 30 shares of Table 6.

    Returns
    -------
    pandas.DataFrame
        ``region, year, indicator, level, national, value``: ``value`` is the
        share (0-1), ready for :func:`sme_potential`.

    Raises
    ------
    DataError
        See :func:`national_share`.

    References
    ----------
    .. [1] Seed 004, Table 6 and formula F1; spec §2 F1, §4 (T6 shares, 30/30).

    Examples
    --------
    >>> c = pmsp_components(paper_choices=True)
    >>> c.query("region == 'ALA' and year == 2024")[["indicator", "value"]].values.tolist()
    [['pp', 0.3], ['innp', 0.2641], ['ep', 0.1725]]
    """
    if values is None:
        t6 = _load("t06")
        v = t6[t6["measure"] == "value"][["indicator", "region", "year", "value"]].reset_index(drop=True)
        t7 = _load("t07")
        inn = t7[(t7["indicator"] == "inn") & (t7["measure"] == "value") & (t7["region"] == NATIONAL)]
        fill = dict(zip(inn["year"].astype(int), inn["value"] / 1000.0))   # Table 6 counts in thousands
        hole = (v["indicator"] == "innp") & (v["region"] == NATIONAL) & v["value"].isna()
        v.loc[hole, "value"] = v.loc[hole, "year"].map(fill)
        name = _TABLE_NAMES["t06"]
    else:
        name = "component table"
        v = _frame(values, ["indicator", "region", "year", "value"], name, measure="value")
    s = national_share(v, by=["indicator", "year"], name=name)
    share = np.array(s["share"], dtype="float64")
    if paper_choices:
        for k, dec in PMSP_SHARE_DECIMALS.items():
            m = (s["indicator"] == k).to_numpy()
            share[m] = _round_half_up(share[m], dec)
    return pd.DataFrame({"region": s["region"], "year": s["year"], "indicator": s["indicator"],
                         "level": s["value"], "national": s["national"], "value": share})


def pmsp_weights(weights: Mapping | None = None, *, renormalise: bool = False,
                 include_cp: bool = False) -> dict:
    r"""The weights of P_MSP (F1): the paper's, your own, with CP, renormalised to 1.

    .. math:: \tilde\omega_k = \omega_k \Big/ \sum_j \omega_j \quad (\text{renormalise})

    The paper's weights are ω_PP = 0.4, ω_IP = 0.3 and ω_EP = 0.2; CP has no
    weight and no data, so they sum to 0.9 (flag 7).

    Parameters
    ----------
    weights : dict, optional
        Component (``pp``, ``innp``, ``cp``, ``ep``) -> weight >= 0; default
        :data:`PMSP_WEIGHTS`.
    renormalise : bool, default False
        Rescale the weights to sum to 1 (the paper: off, P_MSP = 0.0778; on:
        0.0778 / 0.9 = 0.0864).
    include_cp : bool, default False
        Add CP with the implied weight :data:`PMSP_CP_WEIGHT` = 0.1 (unless
        `weights` gives it one); the data must then hold CP values.

    Returns
    -------
    dict
        Component -> weight, in the order given.

    Raises
    ------
    DataError
        If a weight is negative (``key="err_msme_weight_negative"``), not a
        number, names an unknown component, or all weights are zero
        (``"err_msme_weights_zero"``).

    Examples
    --------
    >>> pmsp_weights()
    {'pp': 0.4, 'innp': 0.3, 'ep': 0.2}
    >>> {k: round(v, 4) for k, v in pmsp_weights(renormalise=True).items()}
    {'pp': 0.4444, 'innp': 0.3333, 'ep': 0.2222}
    >>> pmsp_weights(include_cp=True)
    {'pp': 0.4, 'innp': 0.3, 'ep': 0.2, 'cp': 0.1}
    """
    w = _weights(PMSP_WEIGHTS if weights is None else weights, PMSP_COMPONENTS, "P_MSP weights")
    if include_cp and "cp" not in w:
        w["cp"] = PMSP_CP_WEIGHT
    if renormalise:
        total = sum(w.values())
        w = {k: v / total for k, v in w.items()}
    return w


def pmsp_band(values, cuts=PMSP_BAND_CUTS) -> pd.Series:
    r"""The paper's verbal band of P_MSP: low, medium, moderately high, high.

    .. math:: \text{band}(P) = \begin{cases} \text{low} & P \le 0.25 \\ \text{medium} & 0.25 < P \le 0.50 \\
              \text{moderately high} & 0.50 < P \le 0.75 \\ \text{high} & P > 0.75 \end{cases}

    (the printed scale, ``seed004_msme_pmsp_scale``, leaves gaps of 0.01
    between its ranges; they are read as half-open intervals).

    Parameters
    ----------
    values : array-like or pandas.Series
        P_MSP values (0-1).
    cuts : three increasing numbers, default :data:`PMSP_BAND_CUTS`

    Returns
    -------
    pandas.Series
        Codes from :data:`PMSP_BANDS` (None for NaN), with the index of
        `values` when it is a Series.

    Raises
    ------
    DataError
        If the cuts are not three increasing numbers or a value is not a number.

    References
    ----------
    .. [1] Seed 004, interpretation scale after F1 (unnumbered table).

    Examples
    --------
    >>> pmsp_band([0.0778, 0.25, 0.2501, 0.76, np.nan]).tolist()
    ['low', 'low', 'medium', 'high', None]
    """
    c = _check_cuts(cuts, len(PMSP_BANDS) - 1, "P_MSP band cut-offs")
    return _bands(values, c, PMSP_BANDS, right_closed=True)


def sme_potential(components: pd.DataFrame | None = None, weights: Mapping | None = None, *,
                  renormalise: bool = False, include_cp: bool = False, by: str = "sample", regions=None,
                  paper_choices: bool = False) -> pd.DataFrame:
    r"""Integral potential of manufacturing SMEs, P_MSP (seed 004, F1, Table 6 and its averages table).

    .. math:: P_{MSP} = \omega_{PP}\,PP + \omega_{IP}\,INNP + \omega_{CP}\,CP + \omega_{EP}\,EP

    The paper averages each component over the five regions in each year,
    then over the two years, and weights the means:
    :math:`P_{MSP} = 0.4 \cdot 0.081 + 0.3 \cdot 0.088 + 0.2 \cdot 0.095 = 0.0778`
    (printed "0.03 + 0.03 + 0.02 = 0.08", band "low").  CP is not
    operationalised and has no weight, so the weights sum to 0.9 (flag 7).

    Parameters
    ----------
    components : pandas.DataFrame, optional
        Long ``region, year, indicator, value`` of shares (0-1), indicators
        ``pp``, ``innp``, ``ep`` (and ``cp`` if weighted); rows of ``measure ==
        "share"`` if there is a ``measure`` column; national rows ignored.
        Default: :func:`pmsp_components` of the shipped Table 6 (rounded as
        printed when `paper_choices`).
    weights, renormalise, include_cp
        See :func:`pmsp_weights`.
    by : {"sample", "region"}, default "sample"
        ``"sample"``: the paper's aggregate (mean over the regions per year,
        then over the years).  ``"region"``: P_MSP of each region and year,
        and each region's mean over the years (**extension**, spec §4).
    regions : list of str, optional
        Region codes to use (default: all in `components`; the paper's are
        :data:`PAPER_REGIONS`).  Choosing Almaty region (``ALM``) instead of
        the city raises: Table 6 has no data for it (flag 1).
    paper_choices : bool, default False
        Round as the paper did: the yearly means, and the mean of the
        unrounded yearly means, to 3 dp (:data:`PMSP_MEAN_DECIMALS`), and
        (default data) the Table 6 shares as printed.  Gives 0.0778; the
        exact value is 0.0785.

    Returns
    -------
    pandas.DataFrame
        ``by="sample"``: ``year`` (Int64; <NA> for the mean over the years),
        ``period``, ``n_regions``, one column per weighted component (the
        means), ``p_msp``, ``band`` (:data:`PMSP_BANDS`) and ``weight_total``.
        ``by="region"``: ``region`` first, no ``n_regions``.

    Raises
    ------
    DataError
        Bad weights (see :func:`pmsp_weights`); a weighted component with no
        data (``key="err_msme_component_missing"``, e.g. CP); a region
        without a value (``"err_msme_region_missing"``); an empty cell
        (``"err_msme_nan"``).

    References
    ----------
    .. [1] Seed 004, F1, Table 6, averages table "Расчет P_MSP"; spec §2 F1, §4, §6.

    Examples
    --------
    >>> p = sme_potential(paper_choices=True)
    >>> p[["period", "pp", "innp", "ep", "p_msp", "band"]].round(4).values.tolist()[-1]
    ['2023-2024', 0.081, 0.088, 0.095, 0.0778, 'low']
    >>> round(float(sme_potential(paper_choices=True, renormalise=True)["p_msp"].iloc[-1]), 4)
    0.0864
    >>> round(float(sme_potential()["p_msp"].iloc[-1]), 4)       # no intermediate rounding
    0.0785
    """
    _check_choice(by, ("sample", "region"), "aggregation (by)")
    w = pmsp_weights(weights, renormalise=renormalise, include_cp=include_cp)
    if components is None:
        d = pmsp_components(paper_choices=paper_choices)[["region", "year", "indicator", "value"]]
        name = _TABLE_NAMES["t06"]
    else:
        name = "component table"
        d = _indicator_table(components, name, measure="share")
    needed = [k for k, v in w.items() if v > 0]
    wide = _wide(d, needed, regions, name)
    names = list(w)
    for k in names:
        if k not in wide.columns:
            wide[k] = np.nan
    wvec = np.array([w[k] for k in names])
    total = float(wvec.sum())

    def score(frame):
        return frame[names].fillna(0.0).to_numpy(dtype="float64") @ wvec

    years = sorted(wide["year"].unique())
    if by == "region":
        rows = wide[["region", "year", *names]].copy()
        rows["period"] = rows["year"].astype(str)
        if len(years) > 1:
            mean = wide.groupby("region", sort=False)[names].mean().reset_index()
            mean["year"] = pd.NA
            mean["period"] = _period(years)
            rows = pd.concat([rows, mean[rows.columns]], ignore_index=True)
        rows["year"] = rows["year"].astype("Int64")
        rows["p_msp"] = score(rows)
        rows["band"] = pmsp_band(rows["p_msp"]).to_numpy()
        rows["weight_total"] = total
        cols = ["region", "year", "period", *names, "p_msp", "band", "weight_total"]
        order = {r: i for i, r in enumerate(dict.fromkeys(wide["region"]))}
        rows = rows.assign(_o=rows["region"].map(order)).sort_values(["_o"], kind="stable")
        return rows[cols].reset_index(drop=True)
    g = wide.groupby("year")
    exact = g[names].mean()
    yearly = _round_cols(exact, names, PMSP_MEAN_DECIMALS) if paper_choices else exact.copy()
    yearly["n_regions"] = g.size()
    yearly = yearly.reset_index()
    yearly["period"] = yearly["year"].astype(str)
    rows = [yearly]
    if len(years) > 1:
        # the paper averaged the unrounded yearly means (INNP: 0.08849 -> 0.088, not 0.0885 -> 0.089)
        pooled = exact[names].mean().to_frame().T
        if paper_choices:
            pooled = _round_cols(pooled, names, PMSP_MEAN_DECIMALS)
        pooled["year"] = pd.NA
        pooled["period"] = _period(years)
        pooled["n_regions"] = wide["region"].nunique()
        rows.append(pooled[yearly.columns])
    out = pd.concat(rows, ignore_index=True)
    out["year"] = out["year"].astype("Int64")
    out["n_regions"] = out["n_regions"].astype("int64")
    out["p_msp"] = score(out)
    out["band"] = pmsp_band(out["p_msp"]).to_numpy()
    out["weight_total"] = total
    return out[["year", "period", "n_regions", *names, "p_msp", "band", "weight_total"]]


# ----------------------------------------------------------------------------- F2-F3: TII


def tii_components(values: pd.DataFrame | None = None, *, paper_choices: bool = False) -> pd.DataFrame:
    r"""The TII components of Table 7: % of the national total (INN, HR) and the DI index (RK = 100).

    .. math:: INN_{r,t} = 100\,\frac{N_{r,t}}{N_{RK,t}}, \quad DI_{r,t} = 100\,\frac{d_{r,t}}{d_{RK,t}},
              \quad HR_{r,t} = 100\,\frac{L_{r,t}}{L_{RK,t}}

    with *N* enterprises reporting innovation research, *d* the % of
    manufacturing enterprises using digital technologies and *L* R&D staff
    (seed 004, F2 as used).  All three are :func:`national_share` with scale 100.

    Parameters
    ----------
    values : pandas.DataFrame, optional
        Long ``indicator, region, year, value`` (rows of ``measure ==
        "value"`` if there is a ``measure`` column) with national rows.
        Default: the shipped Table 7.
    paper_choices : bool, default False
        Round to 2 dp as printed (:data:`TII_SHARE_DECIMALS`); Table 8 was
        computed from these rounded values.  Reproduces all 30 shares.

    Returns
    -------
    pandas.DataFrame
        ``region, year, indicator, level, national, value`` (``value`` = the
        score), ready for :func:`integration_index`.

    Raises
    ------
    DataError
        See :func:`national_share`.

    References
    ----------
    .. [1] Seed 004, Table 7 and F2; spec §2 F2, §4 (T7 shares, 30/30).

    Examples
    --------
    >>> m = tii_components(paper_choices=True)
    >>> m.query("region == 'KST' and year == 2024")[["indicator", "value"]].values.tolist()
    [['inn', 4.21], ['di', 177.08], ['hr', 1.72]]
    """
    if values is None:
        t7 = _load("t07")
        v = t7[t7["measure"] == "value"][["indicator", "region", "year", "value"]]
        name = _TABLE_NAMES["t07"]
    else:
        name = "TII table"
        v = _frame(values, ["indicator", "region", "year", "value"], name, measure="value")
    s = national_share(v, by=["indicator", "year"], scale=100.0, name=name)
    score = s["share"].to_numpy(dtype="float64")
    if paper_choices:
        score = _round_half_up(score, TII_SHARE_DECIMALS)
    return pd.DataFrame({"region": s["region"], "year": s["year"], "indicator": s["indicator"],
                         "level": s["value"], "national": s["national"], "value": score})


def tii_level(values, thresholds=TII_THRESHOLDS) -> pd.Series:
    r"""The paper's TII level: low, medium, high.

    .. math:: \text{level} = \begin{cases} \text{low} & TII < 0.4 \\ \text{medium} & 0.4 \le TII < 0.7 \\
              \text{high} & TII \ge 0.7 \end{cases}

    (the paper prints "TII > 0.7" for high, leaving 0.7 itself undefined).

    Parameters
    ----------
    values : array-like or pandas.Series
        Normalised TII (0-1).
    thresholds : pair of increasing numbers, default (0.4, 0.7)

    Returns
    -------
    pandas.Series
        Codes from :data:`TII_LEVELS` (None for NaN).

    Raises
    ------
    DataError
        If the thresholds are not two increasing numbers.

    References
    ----------
    .. [1] Seed 004, classification under Table 8.

    Examples
    --------
    >>> tii_level([0.7961, 0.4011, 0.4007, 0.2857, 0.7]).tolist()
    ['high', 'medium', 'medium', 'low', 'high']
    """
    t = _check_cuts(thresholds, 2, "TII thresholds")
    return _bands(values, t, TII_LEVELS, right_closed=False)


def integration_index(matrix: pd.DataFrame | None = None, weights: Mapping | None = None, *,
                      variant: str = "normalised", thresholds=TII_THRESHOLDS, by: str = "region",
                      regions=None, years=None, normalisation: str = "max", renormalise: bool = False,
                      paper_choices: bool = False) -> pd.DataFrame:
    r"""Technology Integration Index of regional SMEs (seed 004, F2-F3, Tables 7-8).

    Normalised (F3, Table 8, the variant the paper interprets):

    .. math:: X^{*}_{r} = \frac{X_r}{\max_{s} X_s}, \qquad
              TII_r = \sum_k \tilde\omega_k X^{*}_{r,k}, \quad \tilde\omega = (1/3, 1/3, 1/3)

    for X in INN, DI and HR, the maximum taken over the sample regions in the
    year (Table 8: INN 26.61 and HR 39.15 of Almaty city, DI 177.08 of
    Kostanay).  Weighted sum (F2, the paper's first variant):

    .. math:: TII = \sum_k \omega_k \bar X_k = 0.2\,(8.97 + 113.94 + 10.62) = 26.7

    with :math:`\bar X_k` the mean over the regions and years.  Only 3 of its 5
    components have data (Σω = 0.6) and they are on incompatible scales (DI
    is an index around 100, INN and HR shares of a few %), so 26.7 is not on
    the 0-1 scale of the levels (flag 7).

    Parameters
    ----------
    matrix : pandas.DataFrame, optional
        Long ``region, year, indicator, value`` of component scores (``inn``,
        ``di``, ``hr``; ``coop``, ``inst`` if weighted); rows of ``measure ==
        "share"`` if there is a ``measure`` column; national rows ignored.
        Default: :func:`tii_components` of the shipped Table 7 (rounded to
        2 dp for the normalised variant when `paper_choices`, as Table 8 was).
    weights : dict, optional
        Component -> weight >= 0.  Defaults: :data:`TII_NORM_WEIGHTS`
        (normalised; any weights are rescaled to sum to 1, so TII stays in
        [0, 1]) and :data:`TII_SUM_WEIGHTS` (weighted sum, used as given
        unless `renormalise`).
    variant : {"normalised", "weighted_sum"}, default "normalised"
    thresholds : pair of float, default (0.4, 0.7)
        Cut-offs of :func:`tii_level` (normalised variant only).
    by : {"region", "sample"}, default "region"
        ``"region"``: one row per region and year (Table 8).  ``"sample"``:
        the mean over the regions per year and over the years (the paper's
        26.7).
    regions : list of str, optional
        Region codes (default: all in `matrix`).  The maximum is taken over
        these regions.
    years : list of int, optional
        Years to use (default: all).  The paper's Table 8 is 2024; 2023 is an
        **extension** (spec §4: 0.426, 0.391, 0.821, 0.252, 0.404).
    normalisation : {"max", "minmax"}, default "max"
        ``"max"``: X / max (the paper, :func:`kzclusters.composite.normalise`
        ``"leader"``); ``"minmax"``: (X - min) / (max - min).
    renormalise : bool, default False
        Weighted sum only: rescale the weights to sum to 1.
    paper_choices : bool, default False
        Round as the paper did: the Table 7 scores to 2 dp before Table 8
        (default data); the yearly means and their mean to 2 dp for
        ``by="sample"`` (the paper took the yearly means of the unrounded
        shares: HR 10.66 and 10.57, then their mean 10.62).

    Returns
    -------
    pandas.DataFrame
        ``by="region"``: ``region, year, period``, the component scores
        (``inn, di, hr``), for the normalised variant also ``inn_norm,
        di_norm, hr_norm``, then ``tii``, ``level`` (:data:`TII_LEVELS`; None
        for the weighted sum, which is not on a 0-1 scale) and
        ``weight_total``.  ``by="sample"``: ``year`` (Int64, <NA> for the mean
        over the years), ``period``, ``n_regions`` and the same columns
        without ``region`` (means).

    Raises
    ------
    DataError
        Bad weights or thresholds, an unknown variant or normalisation, a
        weighted component without data (``key="err_msme_component_missing"``),
        a region or year without values (``"err_msme_region_missing"``), an
        empty cell (``"err_msme_nan"``), or a negative score with ``"max"``.

    References
    ----------
    .. [1] Seed 004, F2-F3, Tables 7-8; spec §2 F2-F3, §4 (T8 20/20), §6.

    Examples
    --------
    >>> t8 = integration_index(years=[2024])
    >>> t8[["region", "tii", "level"]].round(2).values.tolist()
    [['KRG', 0.4, 'medium'], ['PVL', 0.29, 'low'], ['ALA', 0.8, 'high'], ['VKO', 0.22, 'low'],
     ['KST', 0.4, 'medium']]
    >>> s = integration_index(variant="weighted_sum", by="sample", paper_choices=True)
    >>> s[["period", "inn", "di", "hr", "tii"]].round(3).values.tolist()[-1]
    ['2023-2024', 8.97, 113.94, 10.62, 26.706]
    """
    _check_choice(variant, TII_VARIANTS, "TII variant")
    _check_choice(by, ("region", "sample"), "aggregation (by)")
    _check_choice(normalisation, TII_NORMALISATIONS, "normalisation")
    normalised = variant == "normalised"
    default_w = TII_NORM_WEIGHTS if normalised else TII_SUM_WEIGHTS
    w = _weights(default_w if weights is None else weights, TII_COMPONENTS, "TII weights")
    if normalised or renormalise:
        tot = sum(w.values())
        w = {k: v / tot for k, v in w.items()}
    if matrix is None:
        d = tii_components(paper_choices=paper_choices and normalised)
        d = d[["region", "year", "indicator", "value"]]
        name = _TABLE_NAMES["t07"]
    else:
        name = "TII table"
        d = _indicator_table(matrix, name, measure="share")
    if years is not None:
        ys = [int(y) for y in years]
        have = sorted(int(y) for y in d["year"].unique())
        for y in ys:
            if y not in have:
                raise DataError(f"{name} has no data for {y} (years: {', '.join(map(str, have))})",
                                file=name, key="err_msme_year_missing", table=name, year=str(y),
                                years=", ".join(map(str, have)))
        d = d[d["year"].isin(ys)]
    names = list(w)
    needed = [k for k, v in w.items() if v > 0]
    wide = _wide(d, needed, regions, name)
    for k in names:
        if k not in wide.columns:
            wide[k] = np.nan
    wvec = np.array([w[k] for k in names])
    total = float(wvec.sum())
    comp_cols = list(names)
    if normalised:
        present = [k for k in names if wide[k].notna().any()]
        long = wide.melt(id_vars=["region", "year"], value_vars=present, var_name="indicator")
        method = "leader" if normalisation == "max" else "minmax"
        sc = pd.Series(cp.normalise(long, method)["score"].to_numpy())
        # scores are 0-100 with the leader at 100; dividing by the year's top score (= 100 up to rounding)
        # puts the leader at exactly 1 and keeps every score in [0, 1]
        top = sc.groupby([long["indicator"].to_numpy(), long["year"].to_numpy()]).transform("max")
        long["score"] = (sc / top).to_numpy()
        norm = long.pivot_table(index=["region", "year"], columns="indicator", values="score",
                                aggfunc="first", dropna=False).add_suffix("_norm")
        norm.columns.name = None
        wide = wide.join(norm, on=["region", "year"])
        for k in names:
            if f"{k}_norm" not in wide.columns:
                wide[f"{k}_norm"] = np.nan
        comp_cols = [*names, *[f"{k}_norm" for k in names]]
        score_cols = [f"{k}_norm" for k in names]
    else:
        score_cols = names

    def tii(frame):
        x = frame[score_cols].to_numpy(dtype="float64")
        x = np.where(np.isnan(x) & (wvec == 0), 0.0, x)
        return x @ wvec

    years_all = sorted(wide["year"].unique())
    if by == "region":
        out = wide[["region", "year", *comp_cols]].copy()
        out["year"] = out["year"].astype("Int64")
        out.insert(2, "period", out["year"].astype(str))
    else:
        g = wide.groupby("year")
        yearly = g[comp_cols].mean()
        if paper_choices:
            yearly = _round_cols(yearly, comp_cols, 2)
        yearly["n_regions"] = g.size()
        yearly = yearly.reset_index()
        yearly["period"] = yearly["year"].astype(str)
        parts = [yearly]
        if len(years_all) > 1:
            pooled = yearly[comp_cols].mean().to_frame().T
            if paper_choices:
                pooled = _round_cols(pooled, comp_cols, 2)
            pooled["year"] = pd.NA
            pooled["period"] = _period(years_all)
            pooled["n_regions"] = wide["region"].nunique()
            parts.append(pooled[yearly.columns])
        out = pd.concat(parts, ignore_index=True)
        out["year"] = out["year"].astype("Int64")
        out["n_regions"] = out["n_regions"].astype("int64")
        out = out[["year", "period", "n_regions", *comp_cols]]
    out["tii"] = tii(out)
    out["level"] = tii_level(out["tii"], thresholds).to_numpy() if normalised else None
    out["weight_total"] = total
    return out.reset_index(drop=True)


# ----------------------------------------------------------------------------- F5: growth and GRP shares


def growth_rate(levels: pd.DataFrame, *, start: int = 2023, end: int = 2024, denominator: str | None = None,
                by=None, paper_choices: bool = False, name: str = "table") -> pd.DataFrame:
    r"""Growth between two years, with the denominator stated (seed 004, F5, Tables 3, 5, 16, 17).

    .. math:: g = \frac{x_{end} - x_{start}}{D}, \qquad
              D = x_{start} \;(\text{"start"}), \quad x_{end} \;(\text{"end"}), \quad
              \tfrac{1}{2}(x_{start} + x_{end}) \;(\text{"midpoint"})

    The growth rate is the base-year form.  **Table 5 divides by the end year**
    (GRP 2024), which reproduces all six printed rates (0/6 on the 2023 base;
    flag 2): use ``denominator="end"`` or ``paper_choices=True`` to reproduce
    it.  The midpoint form is the textbook arc-elasticity convention.

    Parameters
    ----------
    levels : pandas.DataFrame
        Long table ``[keys ...], year, value`` (e.g. ``region, year, value``).
    start, end : int, default 2023, 2024
    denominator : {"start", "end", "midpoint"}, optional
        Default ``"start"``, or ``"end"`` with `paper_choices`.
    by : list of str, optional
        Key columns; default every column but ``year`` and ``value``.
    paper_choices : bool, default False
        Table 5's end-year denominator (when `denominator` is not given).
    name : str
        Table name for error messages.

    Returns
    -------
    pandas.DataFrame
        ``[keys ...], start, end, value_start, value_end, change, growth``
        (a fraction; ×100 for %) and ``denominator``.

    Raises
    ------
    DataError
        If a column is missing, a key repeats, ``start == end``, a year is
        absent (``key="err_msme_year_missing"``), a key has one year but not
        the other (``"err_msme_region_missing"``), a value is empty
        (``"err_msme_nan"``) or the denominator is zero (``"err_msme_zero_base"``).

    References
    ----------
    .. [1] Seed 004, F5 and Table 5 ("Темп прироста"); F11 (Table 3); spec §4 (T5: 0/6 vs 6/6).

    Examples
    --------
    Karaganda's GRP, Table 5: 7,711,828.2 -> 9,059,477.4 mln KZT.

    >>> grp = pd.DataFrame({"region": "KRG", "year": [2023, 2024], "value": [7711828.2, 9059477.4]})
    >>> round(float(growth_rate(grp)["growth"].iloc[0]), 4)
    0.1748
    >>> round(float(growth_rate(grp, paper_choices=True)["growth"].iloc[0]), 2)   # printed 0.15
    0.15
    """
    if denominator is None:
        denominator = "end" if paper_choices else "start"
    _check_choice(denominator, GROWTH_DENOMINATORS, "growth denominator")
    if not isinstance(levels, pd.DataFrame):
        raise DataError(f"{name} must be a pandas DataFrame with the columns year and value")
    by = [c for c in levels.columns if c not in ("year", "value")] if by is None else list(by)
    d = _frame(levels, [*by, "year", "value"], name)
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError):
        raise DataError(f"start and end must be years, got {start!r} and {end!r}") from None
    if start == end:
        raise DataError(f"start and end are the same year ({start}); choose two different years")
    _no_duplicates(d, [*by, "year"], name)
    have = sorted(int(y) for y in d["year"].unique())
    for y in (start, end):
        if y not in have:
            raise DataError(f"{name} has no data for {y} (years: {', '.join(map(str, have))})", file=name,
                            key="err_msme_year_missing", table=name, year=str(y),
                            years=", ".join(map(str, have)))
    k = by or ["_k"]
    if not by:
        d = d.assign(_k=0)
    a = d[d["year"] == start].set_index(k)["value"]
    b = d[d["year"] == end].set_index(k)["value"]
    keys = list(dict.fromkeys([*a.index, *b.index]))

    def label(key):
        key = key if isinstance(key, tuple) else (key,)
        return ", ".join(str(x) for x, c in zip(key, k) if c != "_k") or "—"

    for key in keys:
        for y, s in ((start, a), (end, b)):
            if key not in s.index:
                raise _missing_region(name, label(key), y, "value")
            if np.isnan(s.loc[key]):
                raise _nan_error(name, label(key), y, "value")
    a, b = a.reindex(keys), b.reindex(keys)
    x0, x1 = a.to_numpy(dtype="float64"), b.to_numpy(dtype="float64")
    den = {"start": x0, "end": x1, "midpoint": (x0 + x1) / 2.0}[denominator]
    if (den == 0).any():
        i = int(np.flatnonzero(den == 0)[0])
        raise DataError(f"the {denominator} value of {label(keys[i])} is zero, so the growth rate is "
                        "undefined",
                        file=name, key="err_msme_zero_base", table=name, region=label(keys[i]),
                        year=str(start if denominator == "start" else end))
    out = a.index.to_frame(index=False) if by else pd.DataFrame(index=range(len(keys)))
    out["start"], out["end"] = start, end
    out["value_start"], out["value_end"] = x0, x1
    out["change"] = x1 - x0
    out["growth"] = (x1 - x0) / den
    out["denominator"] = denominator
    return out.reset_index(drop=True)


def grp_share(grp: pd.DataFrame | None = None, *, national: str = NATIONAL, paper_choices: bool = False
              ) -> pd.DataFrame:
    r"""Share of each region's GRP in the national GDP, % (seed 004, F5, Table 9).

    .. math:: s_{r,t} = 100\,\frac{GRP_{r,t}}{GRP_{RK,t}}

    (:func:`national_share` with scale 100; the national row is the sum of
    the regions, 136,693,318.3 mln KZT in 2024, not Table 2's GDP: flag 9).
    **Table 9 prints the shares one row too high** (flag 3): the national row
    carries Karaganda's share, each region the share of the region below it,
    and the last row (Almaty city) repeats Karaganda's.  The text's conclusion
    that Karaganda's and Pavlodar's shares fell rests on that shift; in fact
    Kostanay's and East Kazakhstan's fell.

    Parameters
    ----------
    grp : pandas.DataFrame, optional
        Long ``region, year, value`` (mln KZT; rows of ``measure == "grp"`` if
        there is a ``measure`` column) with a national row per year.  Default:
        the shipped Table 9 in its printed row order.
    national : str, default "KZ"
    paper_choices : bool, default False
        Shift the share column as printed: within each year, in the input's
        row order, each row shows the next row's share and the last row the
        first region's.  Reproduces Table 9 only in its row order (national
        row first).

    Returns
    -------
    pandas.DataFrame
        In the input's row order, national rows included: ``region, year,
        grp, national, share`` (%) and ``convention`` (``"aligned"`` or
        ``"shifted"``).

    Raises
    ------
    DataError
        See :func:`national_share`.

    References
    ----------
    .. [1] Seed 004, F5 and Table 9; spec §3 Table 9, §4 (T9), §5, §7 flag 3.

    Examples
    --------
    >>> s = grp_share()
    >>> s.query("year == 2024")[["region", "share"]].round(2).values.tolist()
    [['KZ', 100.0], ['KRG', 6.63], ['KST', 3.64], ['PVL', 3.77], ['VKO', 3.68], ['ALA', 22.89]]
    >>> grp_share(paper_choices=True).query("year == 2024")["share"].round(2).tolist()   # as printed
    [6.63, 3.64, 3.77, 3.68, 22.89, 6.63]
    """
    if grp is None:
        t9 = _load("t09")
        g = t9[t9["measure"] == "grp"][["region", "year", "value"]]
        name = _TABLE_NAMES["t09"]
    else:
        name = "GRP table"
        g = _frame(grp, ["region", "year", "value"], name, measure="grp")
    s = national_share(g, national=national, scale=100.0, by=["year"], keep_national=True, name=name)
    s = s.rename(columns={"value": "grp"})
    share = s["share"].to_numpy(dtype="float64").copy()
    if paper_choices:
        for y in s["year"].unique():
            pos = np.flatnonzero((s["year"] == y).to_numpy())
            vals = share[pos]
            first_region = next((i for i, p in enumerate(pos) if s["region"].iloc[p] != national), 0)
            shifted = np.concatenate([vals[1:], vals[first_region:first_region + 1]])
            share[pos] = shifted
    s["share"] = share
    s["convention"] = "shifted" if paper_choices else "aligned"
    return s[["region", "year", "grp", "national", "share", "convention"]]


# ----------------------------------------------------------------------------- F6-F8: ES, RCA, EPI


def _two(df, name: str, measure: str, default_short: str, default_measure: str):
    if df is None:
        t = _load(default_short)
        return t[t["measure"] == default_measure][["region", "year", "value"]].reset_index(drop=True), \
            _TABLE_NAMES[default_short]
    return _frame(df, ["region", "year", "value"], name, measure=measure), name


def export_share(exports: pd.DataFrame | None = None, grp: pd.DataFrame | None = None, *, usd_kzt=None,
                 paper_choices: bool = False) -> pd.DataFrame:
    r"""Share of regional SME manufacturing exports in GRP, ES, % (seed 004, F6, Table 10).

    .. math:: ES_{r,t} = 100\,\frac{X^{SME}_{r,t} \cdot FX_t}{GRP_{r,t}}

    with exports in mln USD, GRP in mln KZT and :math:`FX_t` tenge per US
    dollar.  **The paper divides dollars by tenge without converting** (and
    labels GRP "млн дол": flag 4), so its ES is :math:`ES_{true} / FX_t`; the
    paper gives no annual rates (its only hint: 8 trn KZT ≈ $15 bn, about 533
    KZT/USD in 2025).  ES itself is not printed; Table 11 used it rounded to
    4 dp.

    Parameters
    ----------
    exports : pandas.DataFrame, optional
        Long ``region, year, value`` of SME manufacturing exports, mln USD
        (rows of ``measure == "sme_mfg_export"`` if there is a ``measure``
        column).  Default: the shipped Table 10.
    grp : pandas.DataFrame, optional
        Long ``region, year, value``, mln KZT (rows of ``measure == "grp"``);
        every region and year of `exports` needs a row, others are ignored.
        Default: Table 10's GRP columns.
    usd_kzt : float or dict year -> float
        Tenge per US dollar (annual average); required unless `paper_choices`.
    paper_choices : bool, default False
        Divide USD by KZT as the paper did (``usd_kzt`` ignored) and round ES
        to 4 dp (:data:`ES_DECIMALS`).

    Returns
    -------
    pandas.DataFrame
        ``region, year, export, grp, usd_kzt`` (NaN for the paper's mix),
        ``es`` (%) and ``currency`` (``"kzt"`` or ``"usd_over_kzt"``).

    Raises
    ------
    DataError
        No exchange rate for a year (``key="err_msme_fx_missing"``) or a bad
        one (``"err_msme_fx_bad"``); a region and year of `exports` without
        GRP (``"err_msme_region_missing"``); an empty value (``"err_msme_nan"``);
        a zero GRP (``"err_msme_zero_base"``).

    References
    ----------
    .. [1] Seed 004, F6, Table 10; spec §2 F6, §7 flag 4.

    Examples
    --------
    >>> es = export_share(paper_choices=True)
    >>> es.query("region == 'KRG'")["es"].tolist()     # 100 * 656.9 / 7,711,828.2 (USD over KZT)
    [0.0085, 0.0055]
    >>> float(export_share(usd_kzt={2023: 456.0, 2024: 469.0}).query("region == 'KRG' and year == 2023")[
    ...     "es"].round(2).iloc[0])
    3.88
    """
    x, xname = _two(exports, "export table", "sme_mfg_export", "t10", "sme_mfg_export")
    g, gname = _two(grp, "GRP table", "grp", "t10", "grp")
    for d, n in ((x, xname), (g, gname)):
        _no_duplicates(d, ["region", "year"], n)
    m = x.rename(columns={"value": "export"}).merge(g.rename(columns={"value": "grp"}), on=["region", "year"],
                                                     how="left", indicator=True)
    for i in range(len(m)):
        row = m.iloc[i]
        if row["_merge"] != "both":
            raise _missing_region(gname, row["region"], row["year"], "GRP")
        for col, n in (("export", xname), ("grp", gname)):
            if np.isnan(row[col]):
                raise _nan_error(n, row["region"], row["year"], col)
        if row["grp"] == 0:
            raise DataError(f"GRP of {row['region']} in {row['year']} is zero", file=gname,
                            key="err_msme_zero_base", table=gname, region=str(row["region"]),
                            year=str(row["year"]))
    m = m.drop(columns="_merge")
    if paper_choices:
        fx = np.full(len(m), np.nan)
        es = _round_half_up(100.0 * m["export"].to_numpy() / m["grp"].to_numpy(), ES_DECIMALS)
        currency = "usd_over_kzt"
    else:
        if usd_kzt is None:
            years = sorted(int(y) for y in m["year"].unique())
            raise DataError("exports are in US dollars and GRP in tenge: give the exchange rate usd_kzt "
                            f"(tenge per US dollar) for {', '.join(map(str, years))}, or use "
                            "paper_choices=True to divide dollars by tenge as the paper did",
                            key="err_msme_fx_missing",
                            year=", ".join(map(str, years)))
        table = _fx_table(usd_kzt, m["year"].unique())
        fx = m["year"].map(table).to_numpy(dtype="float64")
        es = 100.0 * m["export"].to_numpy() * fx / m["grp"].to_numpy()
        currency = "kzt"
    m["usd_kzt"] = fx
    m["es"] = es
    m["currency"] = currency
    return m[["region", "year", "export", "grp", "usd_kzt", "es", "currency"]]


def regional_rca(exports: pd.DataFrame | None = None, *, national: str = NATIONAL,
                 sme: str = "sme_mfg_export", total: str = "mfg_export", threshold: float = 1.0,
                 strong: float | None = None) -> pd.DataFrame:
    r"""Revealed comparative advantage of regional SMEs in manufacturing exports (seed 004, F8, Table 13).

    .. math:: RCA_{r,t} = \frac{X^{SME}_{r,t} / X^{MFG}_{r,t}}{X^{SME}_{RK,t} / X^{MFG}_{RK,t}}

    A Balassa index is a location quotient: with "sectors" SME and non-SME
    exports (:math:`X^{MFG} - X^{SME}`) the formula is
    :func:`kzclusters.specialization.location_quotient` against the national
    row, which computes it here.  The national denominators are 9138.2 /
    25721.4 = 0.3553 (2023) and 8797.3 / 28767.8 = 0.3058 (2024).  Advantage
    is RCA >= `threshold` (the EconGeo/ecomplexity convention; the paper:
    RCA > 1, and it calls every such region "strong", 1.86-2.76).

    Parameters
    ----------
    exports : pandas.DataFrame, optional
        Long ``region, measure, year, value`` (mln USD) with measures `sme`
        and `total` and a national row per year.  Default: the shipped Table
        12 (the paper's five regions); :func:`rca_all_regions` uses Table 4.
    national : str, default "KZ"
    sme, total : str
        Measure codes of SME and total manufacturing exports.
    threshold : float, default 1.0
    strong : float, optional
        RCA at or above which ``rca_class`` is ``"strong_advantage"`` (the
        paper gives no cut-off).

    Returns
    -------
    pandas.DataFrame
        ``region, year, sme_export, mfg_export, sme_share`` (SME share of the
        region's manufacturing exports), ``national_sme_share``, ``rca``,
        ``advantage`` (bool) and ``rca_class`` (:data:`RCA_CLASSES`); NaN RCA
        where a region has no manufacturing exports.

    Raises
    ------
    DataError
        A measure or national row missing (``key="err_msme_national_missing"``),
        an empty value (``"err_msme_nan"``), a region without one of the two
        measures (``"err_msme_region_missing"``), negative exports, SME
        exports above the total (``"err_msme_sme_exceeds_total"``), or a zero
        national SME share (``"err_msme_rca_zero_national"``: RCA undefined).

    References
    ----------
    .. [1] Seed 004, F8, Tables 12-13; spec §2 F8, §4 (RCA 10/10).
    .. [2] Balassa (1965).

    Examples
    --------
    >>> r = regional_rca()
    >>> r.query("year == 2024")[["region", "rca", "advantage"]].round(2).values.tolist()
    [['KRG', 0.68, False], ['KST', 2.76, True], ['PVL', 0.18, False], ['VKO', 0.44, False],
     ['ALA', 2.19, True]]
    """
    if exports is None:
        d = _frame(_load("t12"), ["region", "measure", "year", "value"], _TABLE_NAMES["t12"])
        name = _TABLE_NAMES["t12"]
    else:
        name = "export table"
        d = _frame(exports, ["region", "measure", "year", "value"], name)
    try:
        threshold = float(threshold)
        strong = None if strong is None else float(strong)
    except (TypeError, ValueError):
        raise DataError("threshold and strong must be numbers", key="err_msme_cuts") from None
    d = d[d["measure"].isin([sme, total])]
    for meas in (sme, total):
        if not (d["measure"] == meas).any():
            raise DataError(f"{name} has no rows with measure {meas!r}", file=name,
                            key="err_msme_component_missing", table=name, name=meas)
    _no_duplicates(d, ["region", "measure", "year"], name)
    wide = d.pivot_table(index=["region", "year"], columns="measure", values="value", aggfunc="first",
                         dropna=False)
    pairs = list(dict.fromkeys(map(tuple, d[["region", "year"]].itertuples(index=False, name=None))))
    wide = wide.reindex(pd.MultiIndex.from_tuples(pairs, names=["region", "year"]))
    present = set(map(tuple, d[["region", "measure", "year"]].itertuples(index=False, name=None)))
    for (r, y), row in wide.iterrows():
        for meas in (sme, total):
            if (r, meas, y) not in present:
                if r == national:
                    raise DataError(f"the national total ({national}) of {meas} is missing for {y}",
                                    file=name, key="err_msme_national_missing", table=name, item=meas,
                                    year=str(y))
                raise _missing_region(name, r, y, meas)
            if np.isnan(row[meas]):
                raise _nan_error(name, r, y, meas)
            if row[meas] < 0:
                raise DataError(f"{meas} of {r} in {y} is negative ({row[meas]:g}); exports are >= 0",
                                file=name, key="err_msme_negative", table=name, region=str(r), year=str(y),
                                item=meas)
        if row[sme] > row[total] * (1 + 1e-12):
            raise DataError(f"SME exports of {r} in {y} ({row[sme]:g}) exceed its total manufacturing "
                            "exports "
                            f"({row[total]:g}); check the two columns", file=name,
                            key="err_msme_sme_exceeds_total", table=name, region=str(r), year=str(y),
                            sme=f"{row[sme]:g}", total=f"{row[total]:g}")
    years = sorted(set(y for _, y in pairs))
    nat_years = set(y for r, y in pairs if r == national)
    for y in years:
        if y not in nat_years:
            raise DataError(f"the national total ({national}) of manufacturing exports is missing for {y}",
                            file=name, key="err_msme_national_missing", table=name, item=total, year=str(y))
        ns, nt = wide.loc[(national, y), sme], wide.loc[(national, y), total]
        if ns == 0 or nt == 0:
            raise DataError(f"the national SME share of manufacturing exports in {y} is zero ({ns:g} of "
                            f"{nt:g}), so RCA is undefined (division by zero)", file=name,
                            key="err_msme_rca_zero_national", table=name, year=str(y))
    wide = wide.reset_index()
    lq_in = pd.concat([
        pd.DataFrame({"region": wide["region"], "sector": "sme", "year": wide["year"], "value": wide[sme]}),
        pd.DataFrame({"region": wide["region"], "sector": "other", "year": wide["year"],
                      "value": (wide[total] - wide[sme]).clip(lower=0.0)}),
    ], ignore_index=True)
    lq_in["region"] = lq_in["region"].where(lq_in["region"] != national, sp.NATIONAL)
    lq = sp.location_quotient(lq_in, reference=sp.NATIONAL)
    lq = lq[lq["sector"] == "sme"][["region", "year", "lq"]]
    reg = wide[wide["region"] != national].reset_index(drop=True)
    out = reg.merge(lq, on=["region", "year"], how="left")
    nat = wide[wide["region"] == national].set_index("year")
    with np.errstate(divide="ignore", invalid="ignore"):
        sme_share = np.where(out[total] > 0, out[sme] / out[total].where(out[total] > 0, 1.0), np.nan)
    rca = out["lq"].to_numpy(dtype="float64")
    cls = np.where(rca >= threshold, "advantage", "no_advantage").astype(object)
    if strong is not None:
        cls[rca >= strong] = "strong_advantage"
    cls[np.isnan(rca)] = None
    return pd.DataFrame({"region": out["region"], "year": out["year"], "sme_export": out[sme],
                         "mfg_export": out[total], "sme_share": sme_share,
                         "national_sme_share": out["year"].map(nat[sme] / nat[total]).to_numpy(),
                         "rca": rca, "advantage": rca >= threshold, "rca_class": cls})


def rca_all_regions(exports: pd.DataFrame | None = None, *, threshold: float = 1.0,
                    strong: float | None = None) -> pd.DataFrame:
    r"""RCA of SME manufacturing exports for all 19 regions of Table 4 (extension of seed 004, F8).

    .. math:: RCA_{r,t} = \frac{X^{SME}_{r,t} / X^{MFG}_{r,t}}{X^{SME}_{RK,t} / X^{MFG}_{RK,t}}

    **Extension**: the paper computes RCA only for its five regions (Table
    13); Table 4 has the inputs for all 19 listed regions (Shymkent is
    missing, and the regions add up to less than the national row: flag 13).

    Parameters
    ----------
    exports : pandas.DataFrame, optional
        As :func:`regional_rca`; default the shipped Table 4.
    threshold, strong : float
        See :func:`regional_rca`.

    Returns
    -------
    pandas.DataFrame
        As :func:`regional_rca`, 19 regions x 2 years.

    Raises
    ------
    DataError
        See :func:`regional_rca`.

    References
    ----------
    .. [1] Seed 004, Table 4; spec §4 (extensions).

    Examples
    --------
    >>> r = rca_all_regions().set_index(["region", "year"])["rca"].round(3)
    >>> r.loc[[("AKM", 2023), ("SKO", 2024), ("ULT", 2024)]].tolist()
    [1.597, 3.079, 0.001]
    """
    if exports is None:
        exports = _load("t04")
    return regional_rca(exports, threshold=threshold, strong=strong)


def epi_class(values, cuts=EPI_CUTS) -> pd.Series:
    r"""The EPI class of Table 11: very low, low or high export potential.

    .. math:: \text{class} = \begin{cases} \text{very low} & EPI < 0.002 \\ \text{low} & 0.002 \le EPI < 0.02
              \\ \text{high} & EPI \ge 0.02 \end{cases}

    The cut-offs are **inferred** (the paper prints none); they reproduce
    every label of Table 11 on the paper's USD/KZT scale.

    Parameters
    ----------
    values : array-like or pandas.Series
    cuts : pair of increasing numbers, default :data:`EPI_CUTS`

    Returns
    -------
    pandas.Series
        Codes from :data:`EPI_CLASSES` (None for NaN).

    Raises
    ------
    DataError
        If the cuts are not two increasing numbers.

    References
    ----------
    .. [1] Seed 004, Table 11; spec §2 F7.

    Examples
    --------
    >>> epi_class([0.0306, 0.0037, 0.0005]).tolist()
    ['high_potential', 'low_potential', 'very_low_potential']
    """
    c = _check_cuts(cuts, 2, "EPI cut-offs")
    return _bands(values, c, EPI_CLASSES, right_closed=False)


def export_potential(es: pd.DataFrame | None = None, rca: pd.DataFrame | None = None, *, usd_kzt=None,
                     cuts=None, paper_choices: bool = False) -> pd.DataFrame:
    r"""Export Potential Index of regional SMEs, EPI = ES × RCA (seed 004, F7, Table 11).

    .. math:: EPI_{r,t} = ES_{r,t} \cdot RCA_{r,t}

    The paper multiplied ES rounded to 4 dp by RCA rounded to 2 dp, which
    reproduces 9 of the 10 printed cells (Kostanay 2023: 0.0117 · 1.86 =
    0.0218, printed 0.0217).  Its ES divides dollars by tenge (flag 4), so its
    EPI is the true EPI divided by the exchange rate.

    Parameters
    ----------
    es : pandas.DataFrame, optional
        Output of :func:`export_share` (``region, year, es``, optionally
        ``usd_kzt``).  Default: ``export_share(usd_kzt=usd_kzt,
        paper_choices=paper_choices)``.
    rca : pandas.DataFrame, optional
        Output of :func:`regional_rca` (``region, year, rca``); default
        ``regional_rca()`` (Table 12).
    usd_kzt : float or dict, optional
        Passed to :func:`export_share` when `es` is not given.
    cuts : pair of float, optional
        Class cut-offs; default :data:`EPI_CUTS` on the paper's USD/KZT scale,
        multiplied by the row's exchange rate when ES was converted (so that a
        region keeps its class: the true EPI is the paper's × FX).
    paper_choices : bool, default False
        Round ES to 4 dp and RCA to 2 dp before multiplying (and, with the
        default `es`, keep the paper's USD/KZT mix).

    Returns
    -------
    pandas.DataFrame
        ``region, year, es, rca, usd_kzt, epi, epi_class`` (:data:`EPI_CLASSES`).

    Raises
    ------
    DataError
        A region in one table but not the other (``key="err_msme_region_missing"``),
        an empty value (``"err_msme_nan"``), bad cuts, or see :func:`export_share`.

    References
    ----------
    .. [1] Seed 004, F7, Tables 10-11; spec §4 (T11 9/10).

    Examples
    --------
    >>> e = export_potential(paper_choices=True)
    >>> e.query("year == 2024")[["region", "epi", "epi_class"]].round(4).values.tolist()
    [['KRG', 0.0037, 'low_potential'], ['KST', 0.0306, 'high_potential'],
     ['PVL', 0.0005, 'very_low_potential'], ['VKO', 0.0032, 'low_potential'],
     ['ALA', 0.0232, 'high_potential']]
    """
    if es is None:
        es = export_share(usd_kzt=usd_kzt, paper_choices=paper_choices)
    if rca is None:
        rca = regional_rca()
    e = _frame(es, ["region", "year", "es"], "ES table")
    e["usd_kzt"] = es["usd_kzt"].to_numpy(dtype="float64") if "usd_kzt" in es.columns else np.nan
    r = _frame(rca, ["region", "year", "rca"], "RCA table")
    m = e.merge(r, on=["region", "year"], how="left", indicator=True)
    for i in range(len(m)):
        row = m.iloc[i]
        if row["_merge"] != "both":
            raise _missing_region("RCA table", row["region"], row["year"], "RCA")
        for col, n in (("es", "ES table"), ("rca", "RCA table")):
            if np.isnan(row[col]):
                raise _nan_error(n, row["region"], row["year"], col)
    es_v, rca_v = m["es"].to_numpy(dtype="float64"), m["rca"].to_numpy(dtype="float64")
    if paper_choices:
        es_v, rca_v = _round_half_up(es_v, ES_DECIMALS), _round_half_up(rca_v, RCA_DECIMALS)
    epi = es_v * rca_v
    c = np.asarray(_check_cuts(EPI_CUTS if cuts is None else cuts, 2, "EPI cut-offs"))
    fx = m["usd_kzt"].to_numpy(dtype="float64")
    scale = np.where(np.isnan(fx) | (cuts is not None), 1.0, fx)
    cls = np.where(np.isnan(epi), None,
                   np.where(epi >= c[1] * scale, EPI_CLASSES[2],
                            np.where(epi >= c[0] * scale, EPI_CLASSES[1], EPI_CLASSES[0]))).astype(object)
    return pd.DataFrame({"region": m["region"], "year": m["year"], "es": es_v, "rca": rca_v,
                         "usd_kzt": fx, "epi": epi, "epi_class": cls})


# ----------------------------------------------------------------------------- F9-F10: elasticities


def elasticity_class(values) -> pd.Series:
    r"""Verbal class of an elasticity: inverse (E < 0), inelastic (0 <= E <= 1), elastic (E > 1).

    .. math:: \text{class}(E) = \begin{cases} \text{inverse} & E < 0 \\ \text{inelastic} & 0 \le E \le 1 \\
              \text{elastic} & E > 1 \end{cases}

    Parameters
    ----------
    values : array-like or pandas.Series

    Returns
    -------
    pandas.Series
        Codes from :data:`ELASTICITY_CLASSES` (None for NaN).

    Raises
    ------
    DataError
        If a value is not a number.

    References
    ----------
    .. [1] Seed 004, F9-F10 (interpretation), summary table after Table 16.

    Examples
    --------
    >>> elasticity_class([1.12, 0.86, -0.15, 1.0]).tolist()
    ['elastic', 'inelastic', 'inverse', 'inelastic']
    """
    index = values.index if isinstance(values, pd.Series) else None
    try:
        v = np.asarray(values, dtype="float64").reshape(-1)
    except (TypeError, ValueError):
        raise DataError("elasticities must be numbers") from None
    v9 = np.round(v, 9)
    lab = np.where(v9 < 0, "inverse", np.where(v9 > 1, "elastic", "inelastic")).astype(object)
    lab[np.isnan(v)] = None
    return pd.Series(lab, index=index, dtype=object)


def elasticity(levels: pd.DataFrame, *, response: str, driver: str, start: int = 2023, end: int = 2024,
               denominator: str = "start", column: str = "measure", name: str = "table") -> pd.DataFrame:
    r"""Arc elasticity of `response` with respect to `driver`: the ratio of their growth rates (F9-F10).

    .. math:: E_{y,x} = \frac{\Delta y / D_y}{\Delta x / D_x}

    with the denominators *D* of :func:`growth_rate` (``"start"``: the base
    year, as the paper; ``"midpoint"``: the textbook arc elasticity).  The
    **direction** is part of the result: :math:`E_{x,y} = 1 / E_{y,x}`.  The
    paper uses both: GDP w.r.t. manufacturing exports nationally (F9, Table
    16: 13.23 / 11.85 = 1.12) and exports w.r.t. GRP regionally (F10, Table
    17: "EC" = 11.84 / 14.44 = 0.82 for RK): flag 10.  Two growth rates of one
    year are not an estimated elasticity (flag 8).

    Parameters
    ----------
    levels : pandas.DataFrame
        Long ``[region, ...], <column>, year, value`` holding both measures.
        Every other column is a key (e.g. ``region``): drop descriptive
        columns such as ``unit`` first.
    response, driver : str
        Values of `column` for *y* and *x*.
    start, end : int, default 2023, 2024
    denominator : {"start", "end", "midpoint"}, default "start"
    column : str, default "measure"
        The column naming the measure.
    name : str
        Table name for error messages.

    Returns
    -------
    pandas.DataFrame
        ``[keys ...], response, driver, start, end, growth_response,
        growth_driver`` (%), ``elasticity`` (NaN where the driver did not
        change), ``elasticity_class`` (:data:`ELASTICITY_CLASSES`) and
        ``direction`` (``"<response>_on_<driver>"``).

    Raises
    ------
    DataError
        A measure missing (``key="err_msme_component_missing"``), a key with
        one measure but not the other (``"err_msme_region_missing"``), or see
        :func:`growth_rate`.

    References
    ----------
    .. [1] Seed 004, F9-F10, Tables 16-17; spec §2 F9-F10, §4 (T16, T17).

    Examples
    --------
    >>> t16 = pd.DataFrame({"measure": ["gdp", "gdp", "exp", "exp"], "year": [2023, 2024] * 2,
    ...                     "value": [119442289.7, 135251663.6, 25721.4, 28767.8]})
    >>> e = elasticity(t16, response="gdp", driver="exp")
    >>> e[["growth_response", "growth_driver", "elasticity", "elasticity_class"]].round(2).values.tolist()
    [[13.24, 11.84, 1.12, 'elastic']]
    >>> round(float(elasticity(t16, response="exp", driver="gdp")["elasticity"].iloc[0]), 4)   # = 1 / 1.1175
    0.8948
    """
    if not isinstance(levels, pd.DataFrame):
        raise DataError(f"{name} must be a pandas DataFrame with the columns {column}, year and value")
    keys = [c for c in levels.columns if c not in (column, "year", "value")]
    d = _frame(levels, [*keys, column, "year", "value"], name)
    for meas in (response, driver):
        if not (d[column] == meas).any():
            raise DataError(f"{name} has no rows with {column} {meas!r} (found: "
                            f"{', '.join(map(str, d[column].unique()))})", file=name,
                            key="err_msme_component_missing", table=name, name=str(meas))
    parts = {}
    for role, meas in (("response", response), ("driver", driver)):
        sub = d[d[column] == meas].drop(columns=column)
        parts[role] = growth_rate(sub, start=start, end=end, denominator=denominator, by=keys, name=name)
    if keys:
        a = parts["response"].set_index(keys)["growth"]
        b = parts["driver"].set_index(keys)["growth"]
        for k in a.index.symmetric_difference(b.index):
            missing = driver if k in a.index else response
            where = ", ".join(map(str, k)) if isinstance(k, tuple) else k
            raise _missing_region(name, where, start, missing)
        b = b.reindex(a.index)
        out = a.index.to_frame(index=False)
        gy, gx = a.to_numpy(), b.to_numpy()
    else:
        out = pd.DataFrame(index=[0])
        gy = parts["response"]["growth"].to_numpy()
        gx = parts["driver"]["growth"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        e = np.where(gx != 0, gy / np.where(gx != 0, gx, 1.0), np.nan)
    out["response"], out["driver"] = response, driver
    out["start"], out["end"] = int(start), int(end)
    out["growth_response"], out["growth_driver"] = 100.0 * gy, 100.0 * gx
    out["elasticity"] = e
    out["elasticity_class"] = elasticity_class(e).to_numpy()
    out["direction"] = f"{response}_on_{driver}"
    return out.reset_index(drop=True)


def national_elasticity(*, paper_choices: bool = False, denominator: str = "start",
                        direction: str = "output_on_exports") -> pd.DataFrame:
    r"""Elasticities of GDP and manufacturing GVA w.r.t. manufacturing exports, 2023-2024 (F9, Table 16).

    .. math:: E_{GDP,EXP} = \frac{\Delta GDP / GDP_{2023}}{\Delta EXP / EXP_{2023}}, \qquad
              E_{MFG,EXP} = \frac{\Delta GVA_{MFG} / GVA_{MFG,2023}}{\Delta EXP / EXP_{2023}}

    Exports: Table 16 (mln USD, 25,721.4 -> 28,767.8).  GDP and
    manufacturing GVA (mln KZT): the paper's vintage (Table 2/16: GDP
    135,251,663.6 and GVA 16,171,087.5 in 2024) with `paper_choices`, which
    gives 1.12 and 0.86 as printed; otherwise BNS's current figures
    (``grp_gva``: 136,693,318.3, the RK total of Tables 5, 9 and 17, and
    16,941,133.3), which give 1.22 and 1.30 (flag 9).

    Parameters
    ----------
    paper_choices : bool, default False
        Use the paper's GDP vintage.
    denominator : {"start", "end", "midpoint"}, default "start"
        See :func:`elasticity`.
    direction : {"output_on_exports", "exports_on_output"}, default "output_on_exports"
        F9's direction (GDP and GVA w.r.t. exports, as Table 16) or the
        reverse (exports w.r.t. GDP and GVA, as the regional Table 17 does):
        the reverse is the reciprocal.

    Returns
    -------
    pandas.DataFrame
        Two rows (response ``gdp`` and ``mfg_gva``, driver ``mfg_export``):
        the columns of :func:`elasticity` plus ``source`` (``"table_16"`` or
        ``"bns"``).

    Raises
    ------
    DataError
        If a shipped table is malformed.

    References
    ----------
    .. [1] Seed 004, F9, Tables 14-16 and the summary table; spec §4 (T16), §7 flags 8-9.

    Examples
    --------
    >>> national_elasticity(paper_choices=True)[["response", "elasticity"]].round(2).values.tolist()
    [['gdp', 1.12], ['mfg_gva', 0.86]]
    >>> national_elasticity()["elasticity"].round(2).tolist()
    [1.22, 1.3]
    """
    t16 = _load("t16")
    lv = t16[t16["measure"] == "level"][["indicator", "year", "value"]]
    lv = lv.rename(columns={"indicator": "measure"})
    lv = lv.reset_index(drop=True)
    if not paper_choices:
        g = kzdata.load("grp_gva")
        g = g[(g["region"] == NATIONAL) & g["sector"].isin(["GDP", "C"]) & g["year"].isin(PAPER_YEARS)]
        bns = pd.DataFrame({"measure": g["sector"].map({"GDP": "gdp", "C": "mfg_gva"}), "year": g["year"],
                            "value": g["value"]})
        lv = pd.concat([lv[lv["measure"] == "mfg_export"], bns], ignore_index=True)
    _check_choice(direction, ELASTICITY_DIRECTIONS, "elasticity direction")
    pairs = [(resp, "mfg_export") if direction == "output_on_exports" else ("mfg_export", resp)
             for resp in ("gdp", "mfg_gva")]
    rows = [elasticity(lv, response=y, driver=x, start=PAPER_YEARS[0], end=PAPER_YEARS[1],
                       denominator=denominator, name=_TABLE_NAMES["t16"]) for y, x in pairs]
    out = pd.concat(rows, ignore_index=True)
    out["source"] = "table_16" if paper_choices else "bns"
    return out


def regional_elasticity(data: pd.DataFrame | None = None, *, paper_choices: bool = False,
                        denominator: str = "start", direction: str | None = None) -> pd.DataFrame:
    r"""Regional elasticity of exports and GRP, 2023-2024 (seed 004, F10, Table 17).

    .. math:: EC_r = \frac{\Delta E_r / E_{r,2023}}{\Delta GRP_r / GRP_{r,2023}} \quad (\text{paper}),
              \qquad E_{GRP,EXP,r} = \frac{1}{EC_r} \quad (\text{default})

    The paper's regional "EC" is exports w.r.t. GRP, the reciprocal of its
    national F9 (GDP w.r.t. exports; flag 10); by default this returns GRP
    w.r.t. exports, consistent with F9, and `paper_choices` gives Table 17's
    direction (RK 0.82, Karaganda -0.15, Kostanay -1.41, Pavlodar 0.41, East
    Kazakhstan -0.19 (printed -0.20), Almaty city 0.69).  Exports are total
    manufacturing exports (mln USD), GRP mln KZT.

    Parameters
    ----------
    data : pandas.DataFrame, optional
        Long ``region, measure, year, value`` with measures ``mfg_export``
        and ``grp``; default the shipped Table 17.
    paper_choices : bool, default False
        Table 17's direction (exports w.r.t. GRP) when `direction` is None.
    denominator : {"start", "end", "midpoint"}, default "start"
    direction : {None, "output_on_exports", "exports_on_output"}, default None
        GRP w.r.t. exports (F9's direction) or exports w.r.t. GRP (Table
        17's); None follows `paper_choices`.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`elasticity` (``region`` first).

    Raises
    ------
    DataError
        See :func:`elasticity`.

    References
    ----------
    .. [1] Seed 004, F10, Table 17; spec §4 (T17: EC 5/6), §7 flags 10-11.

    Examples
    --------
    >>> ec = regional_elasticity(paper_choices=True)
    >>> ec[["region", "elasticity"]].round(2).values.tolist()[:3]
    [['KZ', 0.82], ['KRG', -0.15], ['KST', -1.41]]
    >>> regional_elasticity()["direction"].iloc[0]
    'grp_on_mfg_export'
    """
    if data is None:
        t17 = _load("t17")
        d = t17[t17["measure"].isin(["mfg_export", "grp"])][["region", "measure", "year", "value"]]
        name = _TABLE_NAMES["t17"]
    else:
        name = "elasticity table"
        d = _frame(data, ["region", "measure", "year", "value"], name)
    if direction is None:
        direction = "exports_on_output" if paper_choices else "output_on_exports"
    _check_choice(direction, ELASTICITY_DIRECTIONS, "elasticity direction")
    resp, drv = ("mfg_export", "grp") if direction == "exports_on_output" else ("grp", "mfg_export")
    return elasticity(d.reset_index(drop=True), response=resp, driver=drv, start=PAPER_YEARS[0],
                      end=PAPER_YEARS[1], denominator=denominator, name=name)


# ----------------------------------------------------------------------------- BNS extensions


def _bns_gva(gva) -> pd.DataFrame:
    g = kzdata.load("grp_gva") if gva is None else gva
    if not isinstance(g, pd.DataFrame):
        raise DataError("the GVA table must be a DataFrame with the columns region, sector, year and value")
    validate_long(g, allow_negative=True, name="GVA table")
    return g


def bns_grp_shares(frame: str = "17", *, gva: pd.DataFrame | None = None,
                   grp_volume: pd.DataFrame | None = None) -> pd.DataFrame:
    r"""GRP share of national GDP, real GRP growth and manufacturing share of GRP, all regions, 2010-2025.

    .. math:: s_{r,t} = 100\,\frac{GRP_{r,t}}{GDP_{t}}, \qquad g^{real}_{r,t} = V_{r,t} - 100, \qquad
              m_{r,t} = 100\,\frac{GVA^{C}_{r,t}}{GRP_{r,t}}

    **Extension** of seed 004's Table 9 (five regions, 2023-2024) to every
    region and year BNS publishes.  :math:`s` is :func:`national_share` with
    the BNS national row (the regions add up to it, so the shares add to 100);
    :math:`V` is the BNS GRP volume index (% of the previous year, constant
    prices) and :math:`m` the share of manufacturing (OKED section C) in the
    region's GRP at current prices.

    Frames follow :func:`kzclusters.data.harmonise`: ``"17"`` folds Abai,
    Zhetisu and Ulytau into their 2018 parents (comparable territories);
    ``"20"`` has them from 2021.  The volume index of a folded territory is
    the previous-year-weighted mean of its parts' indices (as in
    :func:`kzclusters.ict.ict_concentration`; ``volume_source`` says where it
    comes from).

    Parameters
    ----------
    frame : {"17", "20", "16"}, default "17"
    gva : pandas.DataFrame, optional
        Long ``region, sector, year, value`` with sectors ``GDP`` and ``C``
        (mln KZT); default ``kzclusters.data.load("grp_gva")``.
    grp_volume : pandas.DataFrame, optional
        Long ``region, sector, year, value`` GRP volume indices; default
        ``kzclusters.data.load("grp_volume_index")``.

    Returns
    -------
    pandas.DataFrame
        Regions only, sorted by region and year: ``region, year, grp, gdp,
        share`` (%), ``mfg_gva, mfg_share`` (%), ``volume_index,
        real_growth`` (%) and ``volume_source``.

    Raises
    ------
    DataError
        If a table is malformed, the frame unknown, or a year has no national
        GDP row.

    References
    ----------
    .. [1] Seed 004, F5 and Table 9 (extended); BNS tables 5927 and the GRP volume indices.

    Examples
    --------
    Karaganda 2024 on the 2022 map: 6.63 % of GDP, as in Table 9; on the 2018
    map (with Ulytau) 8.45 %.

    >>> bns_grp_shares("20").query("year == 2024 and region == 'KRG'")[
    ...     ["share", "mfg_share", "real_growth"]].round(2).values.tolist()
    [[6.63, 33.57, 8.8]]
    >>> s = bns_grp_shares()
    >>> round(float(s.query("year == 2024 and region == 'KRG'")["share"].iloc[0]), 2)
    8.45
    >>> bool(np.allclose(s.groupby("year")["share"].sum(), 100.0))
    True
    """
    fold_map(frame)
    g = _bns_gva(gva)
    vol = kzdata.load("grp_volume_index") if grp_volume is None else grp_volume
    if not isinstance(vol, pd.DataFrame):
        raise DataError("the volume-index table must be a DataFrame with the columns region, sector, year "
                        "and value")
    validate_long(vol, allow_nan=True, name="volume-index table")
    base = g[g["sector"].isin(["GDP", "C"])][["region", "sector", "year", "value"]]
    h = kzdata.harmonise(base, frame, additive=True)
    gdp = h[h["sector"] == "GDP"][["region", "year", "value"]].reset_index(drop=True)
    s = national_share(gdp, by=["year"], scale=100.0, name="BNS GRP")
    c = h[(h["sector"] == "C") & (h["region"] != NATIONAL)].set_index(["region", "year"])["value"]
    out = s.rename(columns={"value": "grp", "national": "gdp"})
    out["mfg_gva"] = c.reindex(pd.MultiIndex.from_frame(out[["region", "year"]])).to_numpy()
    out["mfg_share"] = 100.0 * out["mfg_gva"] / out["grp"]
    raw = g[(g["sector"] == "GDP") & (g["value"] != 0)][["region", "year", "value"]]
    v = vol[(vol["sector"] == "GDP") & (vol["value"] > 0)][["region", "year", "value"]]
    vi = _volume(raw, v, frame)
    out = out.merge(vi, on=["region", "year"], how="left")
    out["volume_source"] = out["volume_source"].fillna("none")
    out["real_growth"] = out["volume_index"] - 100.0
    out = out.sort_values(["region", "year"], kind="stable").reset_index(drop=True)
    return out[["region", "year", "grp", "gdp", "share", "mfg_gva", "mfg_share", "volume_index",
                "real_growth", "volume_source"]]


def bns_elasticity(start: int | None = None, end: int | None = None, *, response: str = "GDP",
                   driver: str = "C", prices: str = "current", region: str = NATIONAL,
                   gva: pd.DataFrame | None = None, gva_volume: pd.DataFrame | None = None,
                   grp_volume: pd.DataFrame | None = None, denominator: str = "start") -> pd.DataFrame:
    r"""Year-on-year elasticity of GDP w.r.t. manufacturing value added from BNS, 2010-2025 (extension).

    .. math:: E_t = \frac{(Y_t - Y_{t-1}) / Y_{t-1}}{(X_t - X_{t-1}) / X_{t-1}}

    for each pair of consecutive years, with *Y* GDP (or another BNS sector
    code) and *X* manufacturing GVA (section C).  **Extension**: seed 004
    names the elasticity of GDP w.r.t. GVA but computes only the elasticity
    w.r.t. exports (spec §2 F9; from its Table 2, GDP w.r.t. manufacturing
    GVA 2023-2024 is 13.236 / 10.178 = 1.30).  With ``prices="constant"`` the
    growth rates are the BNS volume indices minus 100 (GDP: the GRP volume
    index; sections: the GVA volume index), i.e. real growth.

    Parameters
    ----------
    start, end : int, optional
        First and last year of the pairs (default: all years with data).
    response, driver : str, default "GDP", "C"
        BNS sector codes.
    prices : {"current", "constant"}, default "current"
    region : str, default "KZ"
        A BNS region code (national by default).
    gva, gva_volume, grp_volume : pandas.DataFrame, optional
        Default: ``grp_gva``, ``gva_volume_index``, ``grp_volume_index``.
    denominator : {"start", "end", "midpoint"}, default "start"
        Current prices only (volume indices are base-year growth rates).

    Returns
    -------
    pandas.DataFrame
        One row per year pair: ``region, year`` (the later year), the
        columns of :func:`elasticity` and ``prices``.

    Raises
    ------
    DataError
        Unknown prices, a region or sector without data, or fewer than two years.

    References
    ----------
    .. [1] Seed 004, F9 (extended); BNS tables 5927, GRP and GVA volume indices.

    Examples
    --------
    >>> e = bns_elasticity(2023, 2024)
    >>> e[["growth_response", "growth_driver", "elasticity"]].round(2).values.tolist()
    [[14.44, 15.42, 0.94]]
    >>> bns_elasticity(2024, 2025, prices="constant")[["growth_response", "growth_driver", "elasticity"]
    ...     ].round(3).values.tolist()
    [[6.5, 7.0, 0.929]]
    """
    _check_choice(prices, ("current", "constant"), "prices")
    if prices == "current":
        g = _bns_gva(gva)
        d = g[(g["region"] == region) & g["sector"].isin([response, driver])][["sector", "year", "value"]]
        d = d[d["value"] != 0]
    else:
        gv = kzdata.load("gva_volume_index") if gva_volume is None else gva_volume
        rv = kzdata.load("grp_volume_index") if grp_volume is None else grp_volume
        parts = []
        for code in (response, driver):
            src = rv if code == "GDP" else gv
            s = src[(src["region"] == region) & (src["sector"] == code) & (src["value"] > 0)]
            s = s.sort_values("year")
            if s.empty:
                continue
            years = s["year"].to_numpy(dtype="int64")
            level = np.cumprod(s["value"].to_numpy(dtype="float64") / 100.0)
            # level of year t relative to the year before the first index (= 1)
            parts.append(pd.DataFrame({"sector": code, "year": np.concatenate([[years[0] - 1], years]),
                                       "value": np.concatenate([[1.0], level])}))
            if len(years) > 1 and (np.diff(years) != 1).any():
                raise DataError(f"the volume index of {code} for {region} has gaps; use prices='current'")
        d = (pd.concat(parts, ignore_index=True) if parts
             else pd.DataFrame(columns=["sector", "year", "value"]))
    for code in (response, driver):
        if not (d["sector"] == code).any():
            raise DataError(f"BNS has no {prices}-price data for sector {code!r} of region {region!r}",
                            key="err_msme_component_missing", table="BNS", name=str(code))
    both = sorted(set(d[d["sector"] == response]["year"]) & set(d[d["sector"] == driver]["year"]))
    lo = both[0] if start is None else int(start)
    hi = both[-1] if end is None else int(end)
    years = [y for y in both if lo <= y <= hi]
    pairs = [(a, b) for a, b in zip(years[:-1], years[1:]) if b == a + 1]
    if not pairs:
        raise DataError(f"no pair of consecutive years with data between {lo} and {hi}",
                        key="err_msme_year_missing", table="BNS", year=f"{lo}-{hi}",
                        years=", ".join(map(str, both)))
    rows = []
    for a, b in pairs:
        sub = d[d["year"].isin([a, b])].reset_index(drop=True)
        rows.append(elasticity(sub, response=response, driver=driver, start=a, end=b,
                               denominator=denominator if prices == "current" else "start",
                               column="sector", name="BNS"))
    out = pd.concat(rows, ignore_index=True)
    out.insert(0, "region", region)
    out.insert(1, "year", out["end"].astype("int64"))
    out["prices"] = prices
    return out


# ----------------------------------------------------------------------------- paper vs recomputed


def _cell(table, region, year, item, printed, recomputed, decimals, note=""):
    return {"table": table, "region": region, "year": year, "item": item, "printed": printed,
            "recomputed": recomputed, "decimals": decimals, "note": note}


def reproduction() -> pd.DataFrame:
    r"""Every printed number of seed 004 recomputed with the paper's own method (spec §4).

    .. math:: \text{reproduces} \iff \operatorname{round}_d(\hat x) = x^{printed}

    with :math:`\hat x` recomputed from the paper's inputs with its own
    conventions (``paper_choices=True`` everywhere) and rounded half up to
    the printed decimals *d*.  The verdicts match spec §4: Table 3 5/5, Table
    5 6/6 (end-year denominator), Table 6 30/30, averages 9/9, P_MSP 1/1,
    Table 7 30/30, un-normalised TII 10/10, Table 8 20/20, Table 9 12/12
    (shifted), Table 11 9/10, Table 13 shares 5/10 and RCA 10/10, Table 16
    6/8, Table 17 13/18.  :func:`audit` explains the failures and the
    conventions that are wrong although they reproduce.

    Returns
    -------
    pandas.DataFrame
        ``table, region, year`` (Int64; <NA> for a two-year mean), ``item``,
        ``printed``, ``recomputed`` (unrounded), ``decimals``, ``reproduces``
        (bool) and ``note``.

    References
    ----------
    .. [1] Seed 004, Tables 3, 5-9, 11, 13, 16-17; spec §4.

    Examples
    --------
    >>> r = reproduction()
    >>> r.groupby("table")["reproduces"].agg(["sum", "size"]).loc[["T8", "T11", "T13"]].values.tolist()
    [[20, 20], [9, 10], [15, 20]]
    """
    return _reproduction().copy()


@functools.lru_cache(maxsize=1)
def _reproduction() -> pd.DataFrame:
    """:func:`reproduction`, computed once per process (it reads only shipped tables)."""
    cells = []
    # Table 3: enterprises, growth in %
    t3 = _load("t03")
    lev = t3[t3["measure"] == "enterprises"][["sector", "year", "value"]]
    gr = growth_rate(lev, by=["sector"], name=_TABLE_NAMES["t03"]).set_index("sector")["growth"]
    for _, row in t3[t3["measure"] == "growth_pct"].iterrows():
        cells.append(_cell("T3", None, 2024, f"growth_pct_{row['sector']}", row["value"],
                           100.0 * gr[row["sector"]], 1))
    # Table 5: growth with the end-year denominator
    t5 = _load("t05")
    g5 = growth_rate(t5[t5["measure"] == "grp"][["region", "year", "value"]], paper_choices=True,
                     name=_TABLE_NAMES["t05"]).set_index("region")["growth"]
    for _, row in t5[t5["measure"] == "growth_printed"].iterrows():
        cells.append(_cell("T5", row["region"], 2024, "growth", row["value"], g5[row["region"]], 2,
                           "denominator GRP 2024"))
    # Table 6 shares
    t6 = _load("t06")
    c6 = pmsp_components().set_index(["indicator", "region", "year"])["value"]
    for _, row in t6[(t6["measure"] == "share") & (t6["region"] != NATIONAL)].iterrows():
        cells.append(_cell("T6", row["region"], row["year"], f"share_{row['indicator']}", row["value"],
                           c6[(row["indicator"], row["region"], row["year"])],
                           PMSP_SHARE_DECIMALS[row["indicator"]]))
    # P_MSP averages table and P_MSP
    av = sme_potential(paper_choices=True)
    t6b = _load("t06b")
    for _, row in t6b.iterrows():
        period = row["measure"].replace("mean_", "").replace("_", "-")
        rec = av[av["period"] == period][row["indicator"]].iloc[0]
        year = int(period) if "-" not in period else None
        cells.append(_cell("T6b", None, year, f"mean_{row['indicator']}", row["value"], rec,
                           PMSP_MEAN_DECIMALS))
    cells.append(_cell("F1", None, None, "p_msp", _PMSP_PRINTED, av["p_msp"].iloc[-1], 2,
                       "exact value 0.0778"))
    # Table 7 shares
    t7 = _load("t07")
    c7 = tii_components().set_index(["indicator", "region", "year"])["value"]
    for _, row in t7[(t7["measure"] == "share") & (t7["region"] != NATIONAL)].iterrows():
        cells.append(_cell("T7", row["region"], row["year"], f"share_{row['indicator']}", row["value"],
                           c7[(row["indicator"], row["region"], row["year"])], TII_SHARE_DECIMALS))
    # un-normalised TII (printed under Table 7)
    ws = integration_index(variant="weighted_sum", by="sample", paper_choices=True)
    for (comp, year), printed in _TII_SUM_PRINTED.items():
        row = ws[ws["year"].isna()] if year is None else ws[ws["year"] == year]
        cells.append(_cell("T7", None, year, "tii_weighted_sum" if comp == "tii" else f"mean_{comp}", printed,
                           float(row[comp].iloc[0]), 1 if comp == "tii" else 2))
    # Table 8
    t8 = _load("t08")
    n8 = integration_index(years=[2024], paper_choices=True).set_index("region")
    col8 = {"inn_norm": "inn_norm", "di_norm": "di_norm", "hr_norm": "hr_norm", "tii": "tii"}
    for _, row in t8[t8["measure"].isin(list(col8))].iterrows():
        cells.append(_cell("T8", row["region"], 2024, row["measure"], row["value"],
                           n8.loc[row["region"], col8[row["measure"]]], 2))
    # Table 9 (shifted share column)
    t9 = _load("t09")
    s9 = grp_share(paper_choices=True)
    for _, row in t9[t9["measure"] == "share_printed"].iterrows():
        rec = s9[(s9["region"] == row["region"]) & (s9["year"] == row["year"])]["share"].iloc[0]
        cells.append(_cell("T9", row["region"], row["year"], "share", row["value"], rec, 2,
                           "share column shifted one row"))
    # Table 11
    t11 = _load("t11")
    e11 = export_potential(paper_choices=True).set_index(["region", "year"])["epi"]
    for _, row in t11.iterrows():
        cells.append(_cell("T11", row["region"], row["year"], "epi", row["value"],
                           e11[(row["region"], row["year"])], 4, "ES 4 dp x RCA 2 dp"))
    # Table 13
    t13 = _load("t13")
    r13 = regional_rca().set_index(["region", "year"])
    for _, row in t13.iterrows():
        col, dec = ("sme_share", 4) if row["measure"] == "sme_share" else ("rca", RCA_DECIMALS)
        cells.append(_cell("T13", row["region"], row["year"], row["measure"], row["value"],
                           r13.loc[(row["region"], row["year"]), col], dec))
    # Table 16
    t16 = _load("t16")
    ne = national_elasticity(paper_choices=True).set_index("response")
    lv = t16[t16["measure"] == "level"].set_index(["indicator", "year"])["value"]
    for _, row in t16[t16["measure"] == "increment"].iterrows():
        ind = row["indicator"]
        cells.append(_cell("T16", NATIONAL, 2024, f"increment_{ind}", row["value"],
                           lv[(ind, 2024)] - lv[(ind, 2023)], 1))
    growth16 = {"mfg_export": ne.loc["gdp", "growth_driver"], "gdp": ne.loc["gdp", "growth_response"],
                "mfg_gva": ne.loc["mfg_gva", "growth_response"]}
    for _, row in t16[t16["measure"] == "growth_pct"].iterrows():
        cells.append(_cell("T16", NATIONAL, 2024, f"growth_{row['indicator']}", row["value"],
                           growth16[row["indicator"]], 2))
    t16b = _load("t16b")
    for _, row in t16b.iterrows():
        resp = {"e_gdp_exp": "gdp", "e_mfg_exp": "mfg_gva"}[row["indicator"]]
        cells.append(_cell("T16", NATIONAL, 2024, row["indicator"], row["value"], ne.loc[resp, "elasticity"],
                           2))
    # Table 17
    t17 = _load("t17")
    ec = regional_elasticity(paper_choices=True).set_index("region")
    col17 = {"export_growth_pct": "growth_response", "grp_growth_pct": "growth_driver", "ec": "elasticity"}
    for _, row in t17[t17["measure"].isin(list(col17))].iterrows():
        cells.append(_cell("T17", row["region"], 2024, row["measure"], row["value"],
                           ec.loc[row["region"], col17[row["measure"]]], 2))
    out = pd.DataFrame(cells)
    out["year"] = out["year"].astype("Int64")
    out["printed"] = out["printed"].astype("float64")
    out["recomputed"] = out["recomputed"].astype("float64")
    rounded = np.array([_round_half_up(v, d) for v, d in zip(out["recomputed"], out["decimals"])],
                       dtype=float)
    out["reproduces"] = np.isclose(rounded, out["printed"].to_numpy(), rtol=0.0, atol=1e-9)
    return out[["table", "region", "year", "item", "printed", "recomputed", "decimals", "reproduces", "note"]]


def _row(id_, flag, table, item, printed, corrected, unit, reason, severity, kind, region=None, year=None):
    return {"id": id_, "flag": flag, "table": table, "region": region, "year": year, "item": item,
            "printed": printed, "corrected": corrected, "unit": unit, "reason_key": "msme_reason_" + reason,
            "severity": severity, "kind": kind}


def _value(t: pd.DataFrame, **where) -> float:
    m = np.ones(len(t), dtype=bool)
    for k, v in where.items():
        m &= (t[k] == v).to_numpy()
    return float(t[m]["value"].iloc[0])


def audit() -> pd.DataFrame:
    r"""Every discrepancy and data-quality flag of seed 004: printed vs corrected, with the reason.

    .. math:: \text{row} = (\text{printed}, \text{corrected}, \text{reason})

    One row per cell or statement: the 13 data-quality flags of spec §7
    (``flag`` 1-13) and the failures and notes of spec §4 and §2 (``flag``
    <NA>).  Numeric corrections are recomputed here from the paper's inputs
    with the correct conventions (e.g. Table 5's growth on the 2023 base,
    Table 9's aligned shares, the BNS GDP vintage), rounded for display.
    ``reason_key`` is an i18n key whose text says in one or two sentences
    what is wrong; the notebook shows this table as its "paper vs
    recomputed" view.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`AUDIT_COLUMNS`: ``id`` (unique), ``flag`` (Int64),
        ``table`` (e.g. ``"T5"``), ``region`` (code or None), ``year`` (Int64),
        ``item`` (code), ``printed`` (number, or the paper's text as printed)
        and ``corrected`` (number, code or formula; None where the reason
        text says it), ``unit`` (:data:`AUDIT_UNITS` or None), ``reason_key``,
        ``severity`` (:data:`AUDIT_SEVERITIES`) and ``kind``
        (:data:`AUDIT_KINDS`).

    References
    ----------
    .. [1] Seed 004; spec ``msme_integration.md`` §2, §4 and §7.

    Examples
    --------
    >>> a = audit()
    >>> sorted(a["flag"].dropna().unique().tolist()) == list(range(1, 14))
    True
    >>> a.query("table == 'T5' and region == 'KRG'")[["printed", "corrected"]].values.tolist()
    [[0.15, 0.1748]]
    """
    return _audit().copy()


@functools.lru_cache(maxsize=1)
def _audit() -> pd.DataFrame:
    """:func:`audit`, computed once per process (it reads only shipped tables)."""
    rows = []
    add = rows.append
    rep = reproduction()
    t4, t5, t6, t7 = _load("t04"), _load("t05"), _load("t06"), _load("t07")
    # flag 1: Almaty region vs city; the selection rule
    add(_row("S1-region-set", 1, "Step I, T5-T17", "region_set", "ALM", "ALA", None, "almaty_mixup", "high",
             "inconsistency"))
    add(_row("S1-selection-rule", None, "Step I", "selection_rule", None, None, None, "selection_rule", "low",
             "missing"))
    # flag 2: Table 5's growth denominator (and its header)
    growth = growth_rate(t5[t5["measure"] == "grp"][["region", "year", "value"]], name=_TABLE_NAMES["t05"])
    correct = growth.set_index("region")["growth"]
    for _, r in t5[t5["measure"] == "growth_printed"].iterrows():
        add(_row(f"T5-growth-{r['region']}", 2, "T5", "growth", r["value"],
                 round(float(correct[r["region"]]), 4), "fraction", "t5_denominator", "high", "error",
                 region=r["region"], year=2024))
    add(_row("T5-unit-label", None, "T5", "growth_unit", "%", "fraction", None, "t5_unit_label", "low",
             "label"))
    # flag 3: Table 9's shifted shares and the conclusion drawn from them
    shares = grp_share().set_index(["region", "year"])["share"]
    t9 = _load("t09")
    for _, r in t9[t9["measure"] == "share_printed"].iterrows():
        add(_row(f"T9-share-{r['region']}-{r['year']}", 3, "T9", "share", r["value"],
                 round(float(shares[(r["region"], r["year"])]), 2), "percent", "t9_shift", "high", "error",
                 region=r["region"], year=r["year"]))
    wide = shares.unstack("year").drop(index=NATIONAL)
    fell = ", ".join(wide.index[wide[2024] < wide[2023]])
    rose = ", ".join(wide.index[wide[2024] > wide[2023]])
    add(_row("T9-conclusion", 3, "T9 (text)", "share_change", "↓ KRG, PVL", f"↓ {fell}; ↑ {rose}", None,
             "t9_conclusion", "high", "error"))
    # flag 4: currency
    add(_row("T10-grp-unit", 4, "T10", "grp_unit", "млн дол", "млн тенге", None, "t10_unit", "medium",
             "label"))
    add(_row("T10-es-currency", 4, "T10-T11", "es_currency", "USD / KZT", "USD × KZT/USD / KZT", None,
             "es_currency", "high", "error"))
    add(_row("T11-title", None, "T11", "table_title", "доля экспорта МСП в ВРП, в %", "EPI = ES × RCA", None,
             "t11_title", "low", "label"))
    add(_row("T11-cuts", None, "T11", "epi_cuts", None, "0.002 / 0.02", None, "epi_cuts", "low", "missing"))
    # flag 5: Almaty city's innovations, Table 6 vs Table 7
    for y in PAPER_YEARS:
        in6 = 1000.0 * _value(t6, indicator="innp", measure="value", region="ALA", year=y)
        in7 = _value(t7, indicator="inn", measure="value", region="ALA", year=y)
        add(_row(f"T6-T7-ala-innovations-{y}", 5, "T6 vs T7", "innovations", round(in6), round(in7), "count",
                 "ala_innovations", "medium", "inconsistency", region="ALA", year=y))
    # flag 6: Table 6's national innovation row, EP label, PP unit; the definitions behind F1
    for y in PAPER_YEARS:
        total = _value(t7, indicator="inn", measure="value", region=NATIONAL, year=y)
        add(_row(f"T6-ip-national-{y}", 6, "T6", "innp_national", None, round(total), "count",
                 "t6_ip_national", "medium", "missing", region=NATIONAL, year=y))
    add(_row("T6-ep-label", 6, "T6", "ep_label", "Экспорт МСП", None, None, "t6_ep_label", "medium", "label"))
    add(_row("T6-pp-unit", 6, "T6", "pp_unit", "млн тенге", "трлн тенге", None, "t6_pp_unit", "low", "label"))
    add(_row("F1-definitions", None, "F1, T6", "pmsp_definitions", None, None, None, "pmsp_definitions",
             "medium", "inconsistency"))
    # flag 7: weights and the un-normalised TII
    p_paper = float(sme_potential(paper_choices=True)["p_msp"].iloc[-1])
    p_renorm = float(sme_potential(paper_choices=True, renormalise=True)["p_msp"].iloc[-1])
    add(_row("F1-weights", 7, "F1", "pmsp_weight_sum", round(sum(PMSP_WEIGHTS.values()), 2), 1.0, None,
             "pmsp_weights", "medium", "missing"))
    add(_row("F1-renormalised", 7, "F1", "p_msp_renormalised", round(p_paper, 4), round(p_renorm, 4),
             "fraction", "pmsp_renormalised", "low", "note"))
    add(_row("F2-weights", 7, "F2", "tii_weight_sum", round(sum(TII_SUM_WEIGHTS.values()), 2), 1.0, None,
             "tii_weights", "medium", "missing"))
    add(_row("F2-scales", 7, "F2", "tii_weighted_sum", _TII_SUM_PRINTED[("tii", None)], None, None,
             "tii_scales", "medium", "inconsistency"))
    # flag 8: Table 14's definitions vs the data used
    add(_row("T14-prices", 8, "T14", "definitions", "в постоянных ценах; товары и услуги", None, None,
             "t14_prices", "medium", "inconsistency"))
    add(_row("F9-estimate", None, "F9", "elasticity_method", None, None, None, "elasticity_estimate", "low",
             "note"))
    # flag 9: two GDP vintages (and an old manufacturing GVA), and what they do to the elasticities
    t16 = _load("t16")
    bns = kzdata.load("grp_gva")
    bns = bns[(bns["region"] == NATIONAL) & (bns["year"] == 2024)].set_index("sector")["value"]
    for ind, sector, reason in (("gdp", "GDP", "gdp_vintage"), ("mfg_gva", "C", "mfg_vintage")):
        add(_row(f"T16-{ind}-vintage", 9, "T2, T15, T16 vs T5, T9, T17, BNS", f"{ind}_2024",
                 _value(t16, indicator=ind, measure="level", year=2024), float(bns[sector]), "mln_kzt",
                 reason, "medium", "vintage", region=NATIONAL, year=2024))
    e_paper = national_elasticity(paper_choices=True).set_index("response")["elasticity"]
    e_bns = national_elasticity().set_index("response")["elasticity"]
    for resp, item in (("gdp", "e_gdp_exp"), ("mfg_gva", "e_mfg_exp")):
        add(_row(f"T16-{item}-vintage", 9, "T16", item, round(float(e_paper[resp]), 2),
                 round(float(e_bns[resp]), 2), "ratio", "gdp_vintage_elasticity", "medium", "vintage",
                 region=NATIONAL, year=2024))
    # flag 10: opposite directions of the national and the regional elasticity
    ec = float(regional_elasticity(paper_choices=True).set_index("region").loc[NATIONAL, "elasticity"])
    add(_row("T17-direction", 10, "T16 vs T17", "ec_direction", round(ec, 2), round(1.0 / ec, 2), "ratio",
             "elasticity_direction", "medium", "inconsistency", region=NATIONAL, year=2024))
    # flag 11: export growth printed twice, differently; Table 16's GDP growth truncated
    national = rep["region"].fillna(NATIONAL) == NATIONAL
    for tab, item, flag, reason in (("T16", "growth_mfg_export", 11, "export_growth"),
                                    ("T17", "export_growth_pct", 11, "export_growth"),
                                    ("T16", "growth_gdp", None, "truncated")):
        r = rep[(rep["table"] == tab) & (rep["item"] == item) & national].iloc[0]
        add(_row(f"{tab}-{item}", flag, tab, item, r["printed"], round(float(r["recomputed"]), 2), "percent",
                 reason, "low", "rounding", region=NATIONAL, year=2024))
    # flag 12: the regression of step IV; the promised forecast
    add(_row("F4-regression", 12, "F4", "regression", "β1…β4", None, None, "regression", "high", "missing"))
    add(_row("Abstract-forecast", None, "Abstract", "forecast", None, None, None, "no_forecast", "medium",
             "missing"))
    # flag 13: Table 4's regions do not add up to the national row
    for meas in ("mfg_export", "sme_mfg_export"):
        for y in PAPER_YEARS:
            sub = t4[(t4["measure"] == meas) & (t4["year"] == y)]
            add(_row(f"T4-sum-{meas}-{y}", 13, "T4", f"sum_{meas}", _value(sub, region=NATIONAL),
                     round(float(sub[sub["region"] != NATIONAL]["value"].sum()), 1), "mln_usd", "t4_sum",
                     "low", "missing", region=NATIONAL, year=y))
    # spec §4: rounding of the P_MSP and TII means
    exact = sme_potential()
    t6b = _load("t06b")
    for period, year in (("2023", 2023), ("2024", 2024), ("2023-2024", None)):
        printed = _value(t6b, indicator="pp", measure="mean_" + period.replace("-", "_"))
        mean = float(exact[exact["period"] == period]["pp"].iloc[0])
        add(_row(f"T6b-pp-{period}", None, "T6 (averages)", "mean_pp", printed, round(mean, 4), "fraction",
                 "pp_rounding", "low", "rounding", year=year))
    add(_row("F1-p-msp", None, "F1", "p_msp", _PMSP_PRINTED, round(p_paper, 4), "fraction", "pmsp_rounding",
             "low", "rounding"))
    hr = float(integration_index(variant="weighted_sum", by="sample")["hr"].iloc[-1])
    add(_row("T7-hr-mean", None, "T7", "mean_hr", _TII_SUM_PRINTED[("hr", None)], round(hr, 2),
             "percent_of_rk", "hr_rounding", "low", "rounding"))
    # spec §4: every other printed cell that the paper's own method does not reproduce
    reasons = {"T11": ("epi_rounding", 4), "T13": ("t13_share_digits", 4), "T17": ("t17_rounding", 2)}
    for _, r in rep[~rep["reproduces"] & rep["table"].isin(list(reasons))].iterrows():
        if r["table"] == "T17" and r["item"] == "export_growth_pct" and r["region"] == NATIONAL:
            continue   # flag 11
        reason, dec = reasons[r["table"]]
        unit = {"sme_share": "fraction", "ec": "ratio", "epi": None}.get(r["item"], "percent")
        add(_row(f"{r['table']}-{r['item']}-{r['region']}-{r['year']}", None, r["table"], r["item"],
                 r["printed"], round(float(r["recomputed"]), dec), unit, reason, "low", "rounding",
                 region=r["region"], year=int(r["year"])))
    add(_row("T13-ala-rca-2024", None, "T13", "rca", "2.10", 2.19, "ratio", "t13_garbled", "low",
             "extraction", region="ALA", year=2024))
    add(_row("T17-pvl-text", None, "T17 (text)", "ec", 0.4, 0.41, "ratio", "pavlodar_text", "low", "label",
             region="PVL", year=2024))
    t2 = _load("t02")
    mfg_share = 100.0 * _value(t2, sector="C", year=2024) / _value(t2, sector="GDP", year=2024)
    add(_row("T2-mfg-share-text", None, "T2 (text)", "mfg_share_gdp", 12.4, round(mfg_share, 2), "percent",
             "mfg_share_text", "low", "inconsistency", region=NATIONAL, year=2024))
    # notes on method and labels
    for id_, table, item, printed, corrected, reason, kind in (
            ("Headings", "Section headings", "step_numbering", "[I] IP, [I] TII, [II] GRP …", "II … VIII",
             "headings", "label"),
            ("F1-bands", "F1 (scale)", "pmsp_bands", "0.00–0.25, 0.26–0.50, 0.51–0.75, 0.76–1.00",
             "[0, 0.25], (0.25, 0.50], (0.50, 0.75], (0.75, 1]", "pmsp_band_gaps", "note"),
            ("F3-boundary", "T8", "tii_boundary", "TII > 0.7", "TII ≥ 0.7", "tii_boundary", "note"),
            ("F3-max", "T8", "tii_normalisation",
             "относительно среднего или максимального уровня по стране (РК)", "X_r / max_s X_s",
             "tii_max_sample", "note"),
            ("F8-strong", "T13", "rca_strong", "RCA > 1: сильное преимущество", "RCA ≥ 1", "rca_strong",
             "note"),
            ("F1-ip-name", "Figure 3, F1", "ip_name", "IP", "P_MSP, INNP", "ip_collision", "label")):
        add(_row(id_, None, table, item, printed, corrected, None, reason, "low", kind))
    out = pd.DataFrame(rows)
    out["flag"] = out["flag"].astype("Int64")
    out["year"] = out["year"].astype("Int64")
    for c in ("region", "printed", "corrected", "unit"):
        col = out[c].astype(object)
        out[c] = col.where(col.notna(), None)
    return out[list(AUDIT_COLUMNS)].reset_index(drop=True)
