r"""Labour productivity: levels, shift-share, convergence, capital stock, production function, investment.

Seed 004 has two papers on productivity and a third that quotes a
structural-change figure; none publishes its data series, so this module
applies their methods to official BNS data and keeps the papers' estimates as
reference values (:func:`reference_values`).

* **P1** (Serikkyzy, Medetov, Baktymbet & Baktymbet [1]_) fits a Cobb-Douglas
  production function per sector (agriculture, construction, manufacturing,
  mining, trade), takes TFP as the Solow residual, regresses
  :math:`\ln TFP` on :math:`\ln I` (long run) and fits an error-correction
  model (ECM) on quarterly data 2010-2024 (*n* ≈ 60).  Reported: long-run
  elasticities (manufacturing -0.123, mining +0.069), short-run effects (trade
  +0.198, construction -0.31) and adjustment speeds from -0.70 (agriculture)
  to +0.016 (construction).  The abstract's human-capital claim has no
  estimate behind it.
* **P2** (Idrisov & Darinov [2]_) compares labour productivity with the EU:
  $27.2k vs $86.7k per employed in the text, ~$56k vs ~$106k in its Table 1
  (the two bases contradict each other; both are kept), a sector maturity map
  (Table 4, 12 OKED rows) and four phased scenarios to 2035 with years only.
* **P3** (Radosevic [3]_) quotes Hamilton & de Vries (2025): structural change
  lowered Central Asia's labour-productivity growth by **-0.64 pp a year**
  (1995-2018), the McMillan-Rodrik decomposition computed here by
  :func:`shift_share`.

What annual BNS data allow (the papers used quarterly data): GVA by region and
OKED section 2010-2025 (the services I, K and M-S only as one "other services"
line before 2014), employment by section only nationally (2010-2025) and by
region only in total (2015 missing), investment by section nationally
2003-2025, GVA volume indices by section for the eleven "coarse" sectors
(:data:`COARSE_SECTORS`).  So a per-sector time series has at most 16 annual
observations (2010-2025), the ECM 14 with one lag, against the paper's ~60
quarters; :func:`investment_effect` warns about this.

Every function is pure: inputs are never changed, tables are tidy and long
(``region``/``sector`` codes, ``year``, ``value``) or wide panels with one row
per entity and year.  Errors the user can trigger are
:class:`~kzclusters.DataError` with an i18n ``key`` (``err_prod_*``);
warnings are mappings ``{"key", "params", "message"}`` (``prod_warn_*``) and
series breaks are i18n keys (``prod_break_*``) in ``attrs["breaks"]``.

References
----------
.. [1] Serikkyzy A., Medetov D.Zh., Baktymbet A.S., Baktymbet S.S., «Human capital and the structural
   transformation of industry: impact on productivity and employment», AlmaU conference volume (AlmaTau
   Symposium 2025), seed 004 part E; spec ``productivity.md`` §1-§3 (long-run regression, ECM, Table 1).
.. [2] Idrisov M.M., Darinov Zh.A., «The productivity gap: structural causes and coping scenarios in the
   manufacturing industry», same volume, seed 004 part E; spec ``productivity.md`` §2.2 (bullets, Tables 1,
   3, 4, scenarios) and §3.8 (gap arithmetic).
.. [3] Radosevic S., «Industrial policy of Kazakhstan: overcoming the structural deadlock», same volume;
   spec ``msme_cooperation_and_policy.md`` P3 (R1: -0.64 pp/yr, citing Hamilton, J. and de Vries, G.
   (2025), Economic Transformation Database of Transition Economies).
.. [4] McMillan, M., Rodrik, D. and Verduzco-Gallo, I. (2014), "Globalization, structural change, and
   productivity growth, with an update on Africa", World Development 63, 11-32; de Vries, G., Timmer, M. and
   de Vries, K. (2015), "Structural transformation in Africa: static gains, dynamic losses", Journal of
   Development Studies 51(6), 674-688 (the three-term shift-share).
.. [5] Barro, R.J. and Sala-i-Martin, X. (1992), "Convergence", Journal of Political Economy 100(2),
   223-251 (beta and sigma convergence, speed and half-life).
.. [6] Harberger, A.C. (1978), "Perspectives on capital and technology in less developed countries"; Nehru,
   V. and Dhareshwar, A. (1993), "A new database on physical capital stock", Revista de Análisis Económico
   8(1), 37-59 (perpetual inventory, initial stock I_0 / (g + delta)).
.. [7] Engle, R.F. and Granger, C.W.J. (1987), "Co-integration and error correction: representation,
   estimation, and testing", Econometrica 55(2), 251-276 (two-step ECM).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np
import pandas as pd

from . import data as _data
from ._errors import DataError

__all__ = [
    "labour_productivity", "compare_bns_productivity", "shift_share", "ShiftShareResult", "convergence",
    "ConvergenceResult", "capital_stock", "implicit_deflator", "fit_production_function",
    "ProductionFunctionResult", "solow_residual", "investment_effect", "InvestmentEffectResult", "half_life",
    "gap_years", "required_growth", "gap_table", "gap_path", "bns_sector_panel", "bns_region_panel",
    "reference_values", "gap_reference", "maturity_map", "scenarios", "synthetic_ecm_panel", "ecm_recovery",
    "SYNTHETIC_TRUTH",
    "COARSE_SECTORS", "FINE_SECTORS", "LUMPS", "AGGREGATE_CODES", "PAPER_SECTORS", "PAPER_ALPHA", "PAPER_N",
    "MIN_N_TS", "STRUCTURAL_CHANGE_CA", "ROBUST", "EFFECTS", "PHASES",
]

#: The eleven sectors comparable over 2010-2025 (GVA, employment, investment and volume indices):
#: sections A-H, J, L and ``OTHER_SERVICES`` = I + K + M..S.
COARSE_SECTORS: tuple[str, ...] = ("A", "B", "C", "D", "E", "F", "G", "H", "J", "L", "OTHER_SERVICES")
#: OKED sections A-S (T has GVA only in 2025 and no employment; U is not published).
FINE_SECTORS: tuple[str, ...] = tuple("ABCDEFGHIJKLMNOPQRS")
#: Lumps of sections that BNS publishes as one line in some years (GVA by region 2010-2013).
LUMPS = MappingProxyType({"OTHER_SERVICES": ("I", "K", "M", "N", "O", "P", "Q", "R", "S")})
#: Totals and aggregates left out of any sum over sectors (they would double count).
AGGREGATE_CODES: tuple[str, ...] = ("TOTAL", "IND", "GDP", "NET_TAXES", "FISIM", "GOODS", "SERVICES")
#: P1's five sectors, in its order: agriculture, construction, manufacturing, mining, trade.
PAPER_SECTORS: tuple[str, ...] = ("A", "F", "C", "B", "G")
#: P1's capital elasticities under constant returns (midpoints of printed ranges are DERIVED: 0.50-0.55 ->
#: 0.525); mining has none (its capital coefficient was "not significant", no value).
PAPER_ALPHA = MappingProxyType({"A": 0.525, "F": 0.42, "C": 0.525, "G": 0.80})
#: Observations per sector behind P1's estimates: 2010Q1-2024Q4 (spec §3.2: every (beta, p, R²) triplet
#: fits n ≈ 60).
PAPER_N: int = 60
#: Warn when a time-series regression has fewer observations (the workbook's choice: half the paper's n).
MIN_N_TS: int = 30
#: Hamilton & de Vries (2025), quoted by P3: contribution of structural change to labour-productivity
#: growth in Central Asia, 1995-2018, pp a year.
STRUCTURAL_CHANGE_CA: float = -0.64
#: Covariance estimators: classical, White HC0-HC3, Newey-West ("HAC"), clustered by entity ("cluster").
ROBUST: tuple[str, ...] = ("nonrobust", "HC0", "HC1", "HC2", "HC3", "HAC", "cluster")
#: Fixed effects of :func:`fit_production_function`.
EFFECTS: tuple[str, ...] = ("none", "entity", "time", "both")
#: P2 Table 4 maturity phases: code -> the English label as printed.
PHASES = MappingProxyType({"mature_raw": "Mature raw-material", "inertial": "Inertial",
                           "fragmented": "Fragmented", "latent": "Latent", "mixed": "Mixed"})

_ENTITY = ("region", "sector")
_NATIONAL = "KZ"
_PERIODS = ("None", '"annual"', "k (years)", "[(start, end), ...]")
_UNIT_NOMINAL = "thousand KZT per employed person, current prices"


# ============================================================================ helpers


def _warning(key: str, message: str, **params) -> Mapping:
    """One warning: i18n key, its parameters and the English text."""
    return MappingProxyType({"key": key, "params": MappingProxyType(params), "message": message})


def _plain(warnings) -> tuple:
    """Warnings as plain dicts (deep-copyable, for ``DataFrame.attrs``)."""
    return tuple({"key": w["key"], "params": dict(w["params"]), "message": w["message"]} for w in warnings)


def _frame(df, name: str, need: Iterable[str], numeric: Iterable[str] = ("value",)) -> pd.DataFrame:
    """A validated copy: the columns `need` exist, `numeric` are floats, year is int, codes are str."""
    need = tuple(need)
    if not isinstance(df, pd.DataFrame):
        raise DataError(f"{name} must be a table with the columns {', '.join(need)}", key="err_prod_table",
                        name=name, columns=", ".join(need))
    lacking = [c for c in need if c not in df.columns]
    if lacking:
        raise DataError(f"{name} has no column {', '.join(lacking)}", key="err_prod_columns", name=name,
                        columns=", ".join(lacking))
    out = df.copy()
    out.attrs = dict(df.attrs)
    for c in numeric:
        if c in out.columns:
            try:
                out[c] = pd.to_numeric(out[c], errors="raise").astype("float64")
            except (TypeError, ValueError):
                raise DataError(f"{name}: column {c} holds text that is not a number",
                                key="err_prod_not_number", name=name, variable=str(c)) from None
    if "year" in out.columns:
        y = pd.to_numeric(out["year"], errors="coerce")
        if y.isna().any() or (y != np.floor(y)).any():
            raise DataError(f"{name}: year must be a whole number in every row", key="err_prod_not_number",
                            name=name, variable="year")
        out["year"] = y.astype("int64")
    for c in _ENTITY:
        if c in out.columns:
            out[c] = out[c].astype(str)
    return out


def _where(row, keys) -> str:
    return ", ".join(str(row[k]) for k in keys)


def _unique(df: pd.DataFrame, keys: list, name: str) -> None:
    dup = df.duplicated(keys, keep=False)
    if dup.any():
        where = _where(df[dup].iloc[0], keys)
        raise DataError(f"{name} has more than one row for {where}; keep one", key="err_prod_duplicate",
                        name=name, where=where)


def _positive(df: pd.DataFrame, col: str, keys: list, name: str) -> None:
    v = df[col].to_numpy(dtype="float64")
    bad = np.flatnonzero(~(v > 0) & ~np.isnan(v))
    if bad.size:
        r = df.iloc[int(bad[0])]
        raise DataError(f"{name}: {col} must be above 0, found {r[col]:g} ({_where(r, keys)})",
                        key="err_prod_nonpositive", name=name, variable=col, value=f"{r[col]:g}",
                        where=_where(r, keys))


def _option(value, options: Iterable, name: str):
    options = tuple(options)
    if value not in options:
        raise DataError(f"unknown {name} {value!r}; choose one of {', '.join(map(str, options))}",
                        key="err_prod_option", name=name, value=str(value),
                        options=", ".join(map(str, options)))
    return value


def _groups(df: pd.DataFrame, keys: list):
    """(key tuple, sub-frame) for each entity; one group ``()`` when there are no keys."""
    if not keys:
        yield (), df
        return
    for k, sub in df.groupby(keys, sort=True):
        yield (k if isinstance(k, tuple) else (k,)), sub


def _label(key: tuple) -> str:
    return "/".join(map(str, key)) if key else "all"


def _robust(robust) -> str:
    if robust is True:
        return "HC1"
    if robust is False or robust is None:
        return "nonrobust"
    return _option(robust, ROBUST, "robust")


def _ols(yv: np.ndarray, X: np.ndarray, names: list, robust: str, *, groups=None, hac_lags=None):
    """statsmodels OLS with the chosen covariance; (coefficient table, results) or (NaN table, None)."""
    n, k = X.shape
    table = pd.DataFrame({"term": names, "coef": np.nan, "se": np.nan, "t": np.nan, "p": np.nan,
                          "ci_low": np.nan, "ci_high": np.nan})
    if n <= k or np.linalg.matrix_rank(X) < k:
        return table, None
    from statsmodels.regression.linear_model import OLS   # not statsmodels.api: 1.1 s less to import

    model = OLS(yv, X)
    if robust == "nonrobust":
        res = model.fit(use_t=True)
    elif robust == "HAC":
        lags = int(np.floor(4 * (n / 100) ** (2 / 9))) if hac_lags is None else int(hac_lags)
        res = model.fit(cov_type="HAC", cov_kwds={"maxlags": lags}, use_t=True)
    elif robust == "cluster":
        res = model.fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(groups)[0]}, use_t=True)
    else:
        res = model.fit(cov_type=robust, use_t=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        ci = np.asarray(res.conf_int(0.05))
        table[["coef", "se", "t", "p", "ci_low", "ci_high"]] = np.column_stack(
            [res.params, res.bse, res.tvalues, res.pvalues, ci])
    return table, res


def _years_of(df: pd.DataFrame) -> list:
    return sorted(int(y) for y in df["year"].unique())


def _check_year(year, years: list, what: str = "year") -> int:
    if isinstance(year, bool) or not isinstance(year, (int, np.integer)) or int(year) not in years:
        first, last = (years[0], years[-1]) if years else ("-", "-")
        raise DataError(f"{what} {year} is not in the data ({first}-{last})", key="err_prod_year",
                        year=str(year), first=str(first), last=str(last))
    return int(year)


def _window(years: list, start, end) -> tuple[int, int]:
    start = years[0] if start is None else _check_year(start, years, "start year")
    end = years[-1] if end is None else _check_year(end, years, "end year")
    if start >= end:
        raise DataError(f"the start year ({start}) must be before the end year ({end})",
                        key="err_prod_window", start=str(start), end=str(end))
    return start, end


# ============================================================================ productivity levels


def _real_levels(nom: pd.DataFrame, vol: pd.DataFrame, keys: list, base_year: int) -> pd.DataFrame:
    """Chain-linked volumes in base-year prices from nominal levels and volume indices (% of previous year).

    R_b = N_b; R_t = R_{t-1} V_t / 100 after the base year; R_t = R_{t+1} / (V_{t+1} / 100) before it.  A
    missing or zero index breaks the chain: the years beyond the break are NaN.
    """
    v = vol[vol["value"] > 0]
    vmap = {(*k, int(y)): float(x) for k, y, x in
            zip(map(tuple, v[keys].to_numpy()) if keys else [()] * len(v), v["year"], v["value"])}
    rows = []
    for key, sub in _groups(nom, keys):
        nmap = dict(zip(sub["year"].astype(int), sub["value"]))
        vy = [t[-1] for t in vmap if t[:-1] == key]
        lo = min(list(nmap) + [y - 1 for y in vy])
        hi = max(list(nmap) + vy)
        real = {y: np.nan for y in range(lo, hi + 1)}
        nb = nmap.get(base_year, np.nan)
        if np.isfinite(nb):
            real[base_year] = nb
            for y in range(base_year + 1, hi + 1):
                idx = vmap.get((*key, y))
                if idx is None:
                    break
                real[y] = real[y - 1] * idx / 100.0
            for y in range(base_year - 1, lo - 1, -1):
                idx = vmap.get((*key, y + 1))
                if idx is None:
                    break
                real[y] = real[y + 1] / (idx / 100.0)
        for y, x in real.items():
            rows.append((*key, y, x))
    return pd.DataFrame(rows, columns=[*keys, "year", "value"])


def labour_productivity(gva: pd.DataFrame, employment: pd.DataFrame, *, real: bool = False,
                        volume: pd.DataFrame | None = None, base_year: int | None = None) -> pd.DataFrame:
    r"""Labour productivity (value added per employed person) by sector or region and year.

    .. math:: p_{it} = \frac{Y_{it}}{L_{it}}
       \qquad \left[\frac{\text{mln KZT}}{\text{thousand persons}}
       = \text{thousand KZT per person}\right]

    **Nominal** (``real=False``): :math:`Y` is GVA at current prices.
    **Real** (``real=True``): :math:`Y` is the chain-linked volume in prices of
    `base_year`, built from the BNS volume indices :math:`V_t` (% of the
    previous year):

    .. math:: Y^{real}_{b} = Y_b, \quad Y^{real}_t = Y^{real}_{t-1}\,\frac{V_t}{100}\ (t > b), \quad
              Y^{real}_t = Y^{real}_{t+1} \Big/ \frac{V_{t+1}}{100}\ (t < b)

    A missing index (or a published 0.0, which BNS uses for "not published")
    breaks the chain; years beyond the break get no real value.  Chain-linked
    volumes do not add up across sectors or regions except in the base year.

    Rows are matched on the entity keys present (``region`` and/or
    ``sector``) and ``year``; both tables must have the same keys, so pass
    sections with sections and totals with totals (e.g. the region's GVA total
    with ``sector="TOTAL"`` employment).

    Parameters
    ----------
    gva : pandas.DataFrame
        Long ``[region], [sector], year, value``: GVA (or GRP), million KZT.
    employment : pandas.DataFrame
        Long, same keys: employed persons, thousand (must be > 0).
    real : bool, default False
        Constant prices via `volume`.
    volume : pandas.DataFrame, optional
        Long, same keys: volume index, % of previous year (needed if `real`).
    base_year : int, optional
        Price year of the real series; default the last year of `gva`.

    Returns
    -------
    pandas.DataFrame
        ``[region], [sector], year, gva, employment, value, basis, base_year``:
        ``gva`` is the numerator used (real or nominal, million KZT),
        ``value`` the productivity in thousand KZT per employed person,
        ``basis`` ``"nominal"`` or ``"real"``, ``base_year`` the price year
        (<NA> for nominal).  Only rows with both a numerator and employment.
        ``attrs``: ``basis``, ``base_year``, ``unit``, ``n_unmatched`` (rows
        of `gva` without employment or without a real value).

    Raises
    ------
    DataError
        ``err_prod_table``, ``err_prod_columns``, ``err_prod_not_number``,
        ``err_prod_duplicate``, ``err_prod_keys`` (different key columns),
        ``err_prod_nonpositive`` (employment <= 0), ``err_prod_volume_missing``,
        ``err_prod_year`` (base year not in the data).

    References
    ----------
    .. [1] P2 (Idrisov & Darinov), productivity definitions after BNS Order No. 129 (2017): sector LP =
       GVA / employed (spec ``productivity.md`` §2.2 ``p2_formulas``).
    .. [2] BNS dynamic tables 5927 (GRP/GVA), 450904 (GVA volume indices), 5831 and 102798 (employed).

    Examples
    --------
    >>> gva = pd.DataFrame({"sector": ["A", "A", "C", "C"], "year": [2020, 2021] * 2,
    ...                     "value": [100.0, 120.0, 300.0, 330.0]})
    >>> emp = pd.DataFrame({"sector": ["A", "A", "C", "C"], "year": [2020, 2021] * 2,
    ...                     "value": [10.0, 10.0, 5.0, 5.5]})
    >>> lp = labour_productivity(gva, emp)
    >>> lp["value"].tolist(), lp["basis"].unique().tolist()
    ([10.0, 12.0, 60.0, 60.0], ['nominal'])

    Real, in 2020 prices: agriculture grew 5 % in volume (the rest of the 20 %
    nominal rise was prices):

    >>> vol = pd.DataFrame({"sector": ["A", "C"], "year": 2021, "value": [105.0, 110.0]})
    >>> r = labour_productivity(gva, emp, real=True, volume=vol, base_year=2020)
    >>> r[["sector", "year", "gva", "value"]].round(2).values.tolist()
    [['A', 2020, 100.0, 10.0], ['A', 2021, 105.0, 10.5], ['C', 2020, 300.0, 60.0], ['C', 2021, 330.0, 60.0]]
    """
    g = _frame(gva, "gva", ("year", "value"))
    e = _frame(employment, "employment", ("year", "value"))
    keys = [c for c in _ENTITY if c in g.columns]
    ke = [c for c in _ENTITY if c in e.columns]
    if keys != ke:
        raise DataError(f"the GVA table has the keys {keys} and the employment table {ke}; they must match",
                        key="err_prod_keys", left="gva", left_keys=", ".join(keys) or "-",
                        right="employment", right_keys=", ".join(ke) or "-")
    g = g[[*keys, "year", "value"]].dropna(subset=["value"])
    e = e[[*keys, "year", "value"]].dropna(subset=["value"])
    _unique(g, [*keys, "year"], "gva")
    _unique(e, [*keys, "year"], "employment")
    _positive(e, "value", [*keys, "year"], "employment")
    if real:
        if volume is None:
            raise DataError("real productivity needs a volume-index table (% of the previous year)",
                            key="err_prod_volume_missing")
        v = _frame(volume, "volume", ("year", "value"))
        kv = [c for c in _ENTITY if c in v.columns]
        if kv != keys:
            raise DataError(f"the volume-index table has the keys {kv}, the GVA table {keys}",
                            key="err_prod_keys", left="gva", left_keys=", ".join(keys) or "-",
                            right="volume", right_keys=", ".join(kv) or "-")
        v = v[[*keys, "year", "value"]].dropna(subset=["value"])
        _unique(v, [*keys, "year"], "volume")
        years = _years_of(g)
        base_year = years[-1] if base_year is None else _check_year(base_year, years, "base year")
        num = _real_levels(g, v, keys, int(base_year))
    else:
        num = g
        base_year = None
    e, lumped = _lump_employment(g, e, keys)
    m = num.merge(e.rename(columns={"value": "employment"}), on=[*keys, "year"], how="inner")
    m = m.rename(columns={"value": "gva"})
    m = m[m["gva"].notna()]
    n_unmatched = int(len(g) - len(m.merge(g[[*keys, "year"]], on=[*keys, "year"])))
    m = m.sort_values([*keys, "year"], kind="stable").reset_index(drop=True)
    m["value"] = m["gva"] / m["employment"]
    m["basis"] = "real" if real else "nominal"
    m["base_year"] = pd.array([base_year] * len(m), dtype="Int64")
    unit = (f"thousand KZT per employed person, constant {base_year} prices (chain-linked)" if real
            else _UNIT_NOMINAL)
    m.attrs = {"basis": "real" if real else "nominal", "base_year": base_year, "unit": unit,
               "n_unmatched": n_unmatched, "lump_employment": lumped}
    return m


def _lump_employment(g: pd.DataFrame, e: pd.DataFrame, keys: list) -> tuple[pd.DataFrame, tuple]:
    """Employment rows for lumps that GVA has (e.g. OTHER_SERVICES 2010-2013) summed from their members."""
    if "sector" not in keys:
        return e, ()
    others = [k for k in keys if k != "sector"]
    add, done = [], []
    for lump, members in _lumps_of(g["sector"].unique()).items():
        need = g[g["sector"] == lump][[*others, "year"]]
        have = e[e["sector"] == lump][[*others, "year"]]
        need = need.merge(have, how="left", indicator=True)
        need = need[need["_merge"] == "left_only"].drop(columns="_merge")
        if need.empty:
            continue
        s = _sum_lump(e.merge(need, on=[*others, "year"]), lump, members, keys)
        if len(s):
            add.append(s[[*keys, "year", "value"]])
            done.append(lump)
    return (pd.concat([e, *add], ignore_index=True) if add else e), tuple(done)


def compare_bns_productivity() -> pd.DataFrame:
    r"""Agreement of GVA per employed (computed) with the labour productivity BNS publishes (table 5933).

    BNS publishes productivity by region and section (A-J, IND, TOTAL; no
    national row), but employment by section only nationally, so two checks
    are possible:

    * ``check="region_total"``: per region, BNS's TOTAL against
      :math:`\sum_s Y_{rs} / L_r` (GVA, the sum of the sections, over LFS
      employment), ``ratio`` = published / computed.  BNS is 2-13 % lower
      (median ratio about 0.93 in every year);
    * ``check="region_total_excl_L"``: the same without real estate (section
      L, which holds the imputed rent of owner-occupied housing, value added
      with almost no employment): the ratio is then about 1.00-1.02, so BNS's
      total appears to leave imputed rent out (an inference; the method is
      not published with the table);
    * ``check="implied_employment"``: per section, the national employment
      BNS's productivity implies, :math:`\sum_r Y_{rs} / p^{BNS}_{rs}`
      (regions as BNS lists them that year, cells with a published 0.0 or
      no GVA skipped), against LFS employment by section, ``ratio`` =
      implied / LFS: 1.000 for most sections and years, so by section BNS
      productivity is GVA over LFS employment.

    Regions are as published (no folding: productivity is a ratio and cannot
    be summed).  In 2021 BNS splits GRP for Abai, Zhetisu and Ulytau but not
    employment, so the parents' ratio is off that year.

    Returns
    -------
    pandas.DataFrame
        ``check, region, sector, year, computed, published, ratio``.

    Examples
    --------
    >>> c = compare_bns_productivity()
    >>> sorted(c["check"].unique())
    ['implied_employment', 'region_total', 'region_total_excl_L']
    >>> c.query("year != 2021").groupby("check")["ratio"].median().round(2).to_dict()
    {'implied_employment': 1.0, 'region_total': 0.93, 'region_total_excl_L': 1.01}
    """
    grp = _data.load("grp_gva")
    lp = _data.load("labour_productivity")
    emp = _data.load("employment")
    es = _data.load("employment_by_section")
    sec = grp[~grp["sector"].isin(AGGREGATE_CODES)]
    gva_tot = sec.groupby(["region", "year"])["value"].sum().rename("gva")
    e = emp.set_index(["region", "year"])["value"].rename("emp")
    t = lp[lp["sector"] == "TOTAL"].set_index(["region", "year"])["value"].rename("published")
    re_ = sec[sec["sector"] == "L"].set_index(["region", "year"])["value"].rename("L")
    a = pd.concat([gva_tot, re_, e, t], axis=1, join="inner").reset_index()
    a = pd.concat([a.assign(check="region_total", computed=a["gva"] / a["emp"]),
                   a.assign(check="region_total_excl_L", computed=(a["gva"] - a["L"]) / a["emp"])],
                  ignore_index=True).assign(sector="TOTAL")
    a = a[["check", "region", "sector", "year", "computed", "published"]]
    # implied national employment by section
    lps = lp[(lp["sector"] != "TOTAL") & (lp["value"] > 0)]
    gsec = grp[["region", "sector", "year", "value"]].rename(columns={"value": "gva"})
    j = lps.merge(gsec[gsec["gva"] > 0], on=["region", "sector", "year"], how="inner")
    j = j.assign(implied=j["gva"] / j["value"])
    imp = j.groupby(["sector", "year"])["implied"].sum().rename("computed").reset_index()
    pub = es[es["region"] == _NATIONAL][["sector", "year", "value"]].rename(columns={"value": "published"})
    b = imp.merge(pub, on=["sector", "year"], how="inner")
    b = b.assign(check="implied_employment", region=_NATIONAL)
    b = b[["check", "region", "sector", "year", "computed", "published"]]
    out = pd.concat([a, b], ignore_index=True)
    out["ratio"] = np.where(out["check"] == "implied_employment", out["computed"] / out["published"],
                            out["published"] / out["computed"])
    return out.sort_values(["check", "region", "sector", "year"], kind="stable").reset_index(drop=True)


# ============================================================================ shift-share


@dataclass(frozen=True, eq=False)
class ShiftShareResult:
    r"""A shift-share decomposition of aggregate productivity growth (returned by :func:`shift_share`).

    Attributes
    ----------
    terms : pandas.DataFrame
        ``start, end, years, term, value, pct_of_initial, pp_per_year``: one
        row per period and term ``within``, ``static``, ``dynamic`` (these
        three sum exactly to ``total``) and ``total``.  ``pct_of_initial`` =
        :math:`100\,\text{term}/P_0`; ``pp_per_year`` = ``pct_of_initial`` /
        years (the reading of P3's -0.64 pp/yr).
    summary : pandas.DataFrame
        One row per period: ``start, end, years, p0, p1, within, static,
        dynamic, structural, total`` (``structural`` = static + dynamic, the
        McMillan-Rodrik two-term "structural change" term).
    sectors : pandas.DataFrame
        ``start, end, sector, p0, p1, share0, share1, within, static,
        dynamic, total, pct_of_initial``: per-sector contributions (their sums
        are the terms).
    sectors_used : tuple of str
        The sectors of the decomposition (after any aggregation).
    aggregated : mapping
        Lump -> the member sections combined into it (empty if none).
    basis : str
        ``"nominal"``, ``"real"`` or ``""`` (unknown), from the input's
        ``basis`` column, its ``attrs["units"]`` or a ``_real`` column name.
    warnings : tuple of mappings
        ``{"key", "params", "message"}``, e.g. ``prod_warn_aggregated``.

    Examples
    --------
    >>> p = pd.DataFrame({"sector": ["A", "A", "C", "C"], "year": [2010, 2020] * 2,
    ...                   "value": [1.0, 2.0, 4.0, 5.0], "employment": [60.0, 40, 40, 60]})
    >>> res = shift_share(p)
    >>> res.summary[["p0", "p1", "within", "static", "dynamic", "total"]].round(3).values.tolist()
    [[2.2, 3.8, 1.0, 0.6, 0.0, 1.6]]
    """

    terms: pd.DataFrame
    summary: pd.DataFrame
    sectors: pd.DataFrame
    sectors_used: tuple
    aggregated: Mapping
    basis: str
    warnings: tuple = ()

    @property
    def warning_keys(self) -> tuple:
        """The i18n keys of :attr:`warnings`, in order."""
        return tuple(w["key"] for w in self.warnings)


def _basis_of(p: pd.DataFrame, value: str) -> str:
    """"nominal", "real" or "" from a basis column, the panel's units, or the column name."""
    if "basis" in p.columns and p["basis"].nunique() == 1:
        return str(p["basis"].iloc[0])
    unit = dict(p.attrs.get("units", {})).get(value, "")
    if unit:
        return "real" if "constant" in unit else "nominal"
    if value.endswith("_real"):
        return "real"
    return str(p.attrs.get("basis", ""))


def _lumps_of(codes: Iterable[str]) -> dict:
    """Lumps (registry groups/aggregates of sections) among `codes`, with their members."""
    from .registry import sectors as _sectors

    reg = _sectors().set_index("code")
    out = {}
    for c in codes:
        if c in reg.index and c not in AGGREGATE_CODES:
            members = str(reg.loc[c, "members"] or "")
            if members and members != "nan":
                out[c] = tuple(members.split(";"))
    return out


def shift_share(productivity: pd.DataFrame, employment=None, *, start: int | None = None,
                end: int | None = None, periods=None, value: str = "value") -> ShiftShareResult:
    r"""Decompose aggregate labour-productivity growth into within-sector and reallocation effects.

    With sector productivity :math:`p_{it}`, employment shares
    :math:`\theta_{it} = L_{it} / \sum_j L_{jt}` and aggregate productivity
    :math:`P_t = \sum_i \theta_{it} p_{it}` (= total value added / total
    employment over the sectors used), the change from period 0 to 1 is

    .. math:: \Delta P = \underbrace{\sum_i \theta_{i0}\,\Delta p_i}_{\text{within}}
              + \underbrace{\sum_i p_{i0}\,\Delta\theta_i}_{\text{static reallocation}}
              + \underbrace{\sum_i \Delta p_i\,\Delta\theta_i}_{\text{dynamic reallocation}}

    exactly (an identity).  Static + dynamic is McMillan and Rodrik's
    "structural change" term :math:`\sum_i p_{i1}\Delta\theta_i`.  Each term
    is also given in % of :math:`P_0` and in percentage points a year
    (% of :math:`P_0` / number of years), the unit of the -0.64 pp/yr that
    P3 quotes for Central Asia (:data:`STRUCTURAL_CHANGE_CA`).  With real
    productivity the aggregate is the sum of chain-linked sector volumes over
    employment (non-additive away from the base year; the identity still
    holds for that aggregate).

    **Consistent sectors.** Every sector must be present in every year used.
    Where a lump and its member sections both occur across the years (BNS
    GVA 2010-2013 has only ``OTHER_SERVICES`` = I + K + M..S), the members
    are combined into the lump in *all* years (value added
    :math:`p_i L_i` and employment summed), the coarsest common set; the
    result says so in ``aggregated`` and ``prod_warn_aggregated``.
    Aggregates such as ``TOTAL`` and ``IND`` are left out.

    Parameters
    ----------
    productivity : pandas.DataFrame
        ``sector, year`` and the productivity column `value` (one economy: a
        ``region`` column, if any, must hold one code).
    employment : pandas.DataFrame, str or None
        Long ``sector, year, value`` (employed); or the name of a column of
        `productivity`; None = the column ``employment``.
    start, end : int, optional
        The window; default the first and last year with data.
    periods : None, "annual", int or list of (int, int), default None
        None: one period ``start -> end``; ``"annual"``: consecutive years
        with data; an int *k*: blocks of *k* years from `start` (the last one
        shorter if needed); a list of ``(start, end)`` pairs.  The totals of
        consecutive periods add up to the window's total; the terms do not
        (the decomposition depends on the path).
    value : str, default "value"
        The productivity column.

    Returns
    -------
    ShiftShareResult
        ``terms``, ``summary``, ``sectors``, ``sectors_used``, ``aggregated``,
        ``basis``, ``warnings``.

    Raises
    ------
    DataError
        ``err_prod_columns``, ``err_prod_one_economy``, ``err_prod_year``,
        ``err_prod_window``, ``err_prod_option`` (periods),
        ``err_prod_overlap`` (a lump and its members in the same year),
        ``err_prod_sector_missing``, ``err_prod_nonpositive`` (employment).

    References
    ----------
    .. [1] McMillan, Rodrik and Verduzco-Gallo (2014); de Vries, Timmer and de Vries (2015).
    .. [2] P3 (Radosevic), quoting Hamilton & de Vries (2025): -0.64 pp/yr for Central Asia, 1995-2018 (spec
       ``msme_cooperation_and_policy.md``, P3 R1).

    Examples
    --------
    Two sectors; labour moves from the low-productivity sector A to C:

    >>> p = pd.DataFrame({"sector": ["A", "A", "C", "C"], "year": [2010, 2020] * 2,
    ...                   "value": [1.0, 2.0, 4.0, 5.0], "employment": [60.0, 40, 40, 60]})
    >>> res = shift_share(p)
    >>> res.terms[["term", "value", "pct_of_initial"]].round(3).values.tolist()
    [['within', 1.0, 45.455], ['static', 0.6, 27.273], ['dynamic', 0.0, 0.0], ['total', 1.6, 72.727]]

    BNS data by section, 2010-2025: GVA 2010-2013 has only "other services",
    so I, K and M-S are combined into it in every year:

    >>> gva = kz.data.load("grp_gva").query("region == 'KZ'")
    >>> lp = labour_productivity(gva, kz.data.load("employment_by_section"))
    >>> r = shift_share(lp, start=2010, end=2025)
    >>> r.warning_keys, len(r.sectors_used), r.aggregated["OTHER_SERVICES"]
    (('prod_warn_aggregated',), 11, ('I', 'K', 'M', 'N', 'O', 'P', 'Q', 'R', 'S'))
    >>> s = r.summary.iloc[0]
    >>> bool(np.isclose(s["within"] + s["static"] + s["dynamic"], s["total"]))
    True

    In real terms (2025 prices), from the prepared panel:

    >>> panel = bns_sector_panel()
    >>> real = shift_share(panel, "employment", value="productivity_real", periods=5, start=2010, end=2025)
    >>> real.summary[["start", "end"]].values.tolist()
    [[2010, 2015], [2015, 2020], [2020, 2025]]
    """
    emp_col = "employment" if employment is None else employment if isinstance(employment, str) else None
    numeric = (value,) + ((emp_col,) if emp_col else ())
    p = _frame(productivity, "productivity", ("sector", "year", value) + ((emp_col,) if emp_col else ()),
               numeric=numeric)
    if "region" in p.columns and p["region"].nunique() > 1:
        regs = sorted(p["region"].unique())
        raise DataError(f"shift-share decomposes one economy at a time; the table has {len(regs)} regions",
                        key="err_prod_one_economy", n=len(regs), regions=", ".join(regs[:6]))
    basis = _basis_of(p, value)
    if emp_col:
        t = p[["sector", "year", value, emp_col]].rename(columns={value: "p", emp_col: "L"})
    else:
        e = _frame(employment, "employment", ("sector", "year", "value"))
        if "region" in e.columns and e["region"].nunique() > 1:
            regs = sorted(e["region"].unique())
            raise DataError("shift-share decomposes one economy at a time", key="err_prod_one_economy",
                            n=len(regs), regions=", ".join(regs[:6]))
        _unique(e, ["sector", "year"], "employment")
        t = p[["sector", "year", value]].rename(columns={value: "p"}).merge(
            e[["sector", "year", "value"]].rename(columns={"value": "L"}), on=["sector", "year"], how="outer")
    t = t[~t["sector"].isin(AGGREGATE_CODES)]
    _unique(t, ["sector", "year"], "productivity")
    # fill lump employment from members where the productivity is given for the lump only
    lumps = _lumps_of(t["sector"].unique())
    for lump, members in lumps.items():
        need = t[(t["sector"] == lump) & t["L"].isna()]["year"]
        mem = t[t["sector"].isin(members) & t["year"].isin(need)]
        sums = mem.groupby("year")["L"].sum(min_count=1)
        mask = (t["sector"] == lump) & t["L"].isna()
        t.loc[mask, "L"] = t.loc[mask, "year"].map(sums).to_numpy()
    t = t[t["p"].notna() & t["L"].notna()]
    _positive(t, "L", ["sector", "year"], "employment")
    years = _years_of(t)
    if len(years) < 2:
        raise DataError("the decomposition needs two years with data", key="err_prod_too_few_years",
                        n=len(years))
    start, end = _window(years, start, end)
    inside = [y for y in years if start <= y <= end]
    if periods is None:
        pairs = [(start, end)]
    elif isinstance(periods, str):
        _option(periods, ("annual",), "periods")
        pairs = list(zip(inside[:-1], inside[1:]))
    elif isinstance(periods, (int, np.integer)) and not isinstance(periods, bool):
        if periods < 1:
            _option(periods, _PERIODS, "periods")
        stops = list(range(start, end, int(periods))) + [end]
        pairs = [(a, b) for a, b in zip(stops[:-1], stops[1:])]
        for a, b in pairs:
            _check_year(a, years, "period start")
            _check_year(b, years, "period end")
    elif isinstance(periods, Iterable):
        pairs = []
        for pr in periods:
            try:
                a, b = pr
            except (TypeError, ValueError):
                _option(str(pr), _PERIODS, "periods")
            a, b = _window(years, a, b)
            pairs.append((a, b))
        if not pairs:
            _option("[]", _PERIODS, "periods")
    else:
        _option(str(periods), _PERIODS, "periods")
    used_years = sorted({y for pr in pairs for y in pr} | ({*inside} if periods == "annual" else set()))
    t = t[t["year"].isin(used_years)]
    # aggregate members into their lump over the whole set of years used
    warns, aggregated = [], {}
    for lump, members in _lumps_of(t["sector"].unique()).items():
        present = t[t["sector"].isin(members)]
        if present.empty:
            continue
        both = set(present["year"]) & set(t[t["sector"] == lump]["year"])
        if both:
            y = min(both)
            raise DataError(f"{lump} and its member sections are both present in {y}; keep one or the other",
                            key="err_prod_overlap", lump=lump,
                            members=", ".join(sorted(present["sector"].unique())), year=str(y))
        aggregated[lump] = tuple(sorted(present["sector"].unique()))
        t = t.assign(sector=t["sector"].where(~t["sector"].isin(members), lump))
        lump_years = sorted(set(t[t["sector"] == lump]["year"]) - set(present["year"]))
        warns.append(_warning("prod_warn_aggregated",
                              f"sections {', '.join(aggregated[lump])} are combined into {lump} in every "
                              f"year (the data have only {lump} in {', '.join(map(str, lump_years))})",
                              lump=lump, members=", ".join(aggregated[lump]),
                              years=", ".join(map(str, lump_years))))
    t = t.assign(Y=t["p"] * t["L"]).groupby(["sector", "year"], as_index=False)[["Y", "L"]].sum()
    t["p"] = t["Y"] / t["L"]
    P = t.pivot(index="sector", columns="year", values="p")
    L = t.pivot(index="sector", columns="year", values="L")
    missing = P.isna()
    if missing.to_numpy().any():
        i, j = np.argwhere(missing.to_numpy())[0]
        raise DataError(f"sector {P.index[i]} has no productivity or employment in {P.columns[j]}",
                        key="err_prod_sector_missing", sector=str(P.index[i]), year=str(P.columns[j]))
    theta = L / L.sum(axis=0)
    summ, terms, secs = [], [], []
    for a, b in pairs:
        p0, p1, s0, s1 = P[a], P[b], theta[a], theta[b]
        dp, ds = p1 - p0, s1 - s0
        within, static, dynamic = s0 * dp, p0 * ds, dp * ds
        P0, P1 = float((s0 * p0).sum()), float((s1 * p1).sum())
        k = b - a
        parts = {"within": float(within.sum()), "static": float(static.sum()),
                 "dynamic": float(dynamic.sum())}
        total = P1 - P0
        summ.append({"start": a, "end": b, "years": k, "p0": P0, "p1": P1, **parts,
                     "structural": parts["static"] + parts["dynamic"], "total": total})
        for term, v in (*parts.items(), ("total", total)):
            terms.append({"start": a, "end": b, "years": k, "term": term, "value": v,
                          "pct_of_initial": 100 * v / P0, "pp_per_year": 100 * v / P0 / k})
        contrib = within + static + dynamic
        secs.append(pd.DataFrame({"start": a, "end": b, "sector": P.index, "p0": p0.to_numpy(),
                                  "p1": p1.to_numpy(), "share0": s0.to_numpy(), "share1": s1.to_numpy(),
                                  "within": within.to_numpy(), "static": static.to_numpy(),
                                  "dynamic": dynamic.to_numpy(), "total": contrib.to_numpy(),
                                  "pct_of_initial": 100 * contrib.to_numpy() / P0}))
    return ShiftShareResult(terms=pd.DataFrame(terms), summary=pd.DataFrame(summ),
                            sectors=pd.concat(secs, ignore_index=True), sectors_used=tuple(P.index),
                            aggregated=MappingProxyType(aggregated), basis=basis, warnings=tuple(warns))


# ============================================================================ convergence


@dataclass(frozen=True, eq=False)
class ConvergenceResult:
    r"""Sigma- and beta-convergence of regional productivity (returned by :func:`convergence`).

    Attributes
    ----------
    sigma : pandas.DataFrame
        ``year, n, mean, sd, cv, mean_log, sd_log`` (sample s.d., ddof = 1).
    sigma_trend : mapping
        OLS of ``sd_log`` on year: ``slope, se, t, p, n`` (slope > 0 and
        significant: divergence, as P1 tests).
    beta : pandas.DataFrame
        ``term, coef, se, t, p, ci_low, ci_high`` for ``const`` and
        ``log_initial``.
    data : pandas.DataFrame
        ``region, initial, final, log_initial, growth`` (average annual log
        growth) of the regions in the beta regression.
    n, years : int
        Regions in the beta regression; :math:`T` = end - start.
    r2, speed, half_life : float
        :math:`R^2`; implied speed :math:`\lambda = -\ln(1+bT)/T`; half-life
        :math:`\ln 2/\lambda` years (inf when :math:`\lambda \le 0`: no
        convergence; NaN when :math:`1 + bT \le 0`).
    start, end : int
    model, sigma_model : object
        statsmodels results of the beta and sigma-trend regressions.
    warnings : tuple of mappings
    method : mapping
        ``value, balanced, robust, excluded``.

    Examples
    --------
    >>> d = pd.DataFrame({"region": list("ABCD") * 2, "year": [2010] * 4 + [2020] * 4,
    ...                   "value": [1.0, 2, 4, 8, 2.0, 3, 5, 9]})
    >>> res = convergence(d)
    >>> bool(res.beta.loc[1, "coef"] < 0), res.n
    (True, 4)
    """

    sigma: pd.DataFrame
    sigma_trend: Mapping
    beta: pd.DataFrame
    data: pd.DataFrame
    n: int
    years: int
    r2: float
    speed: float
    half_life: float
    start: int
    end: int
    model: object = field(default=None, repr=False)
    sigma_model: object = field(default=None, repr=False)
    warnings: tuple = ()
    method: Mapping = field(default_factory=dict)

    @property
    def warning_keys(self) -> tuple:
        """The i18n keys of :attr:`warnings`, in order."""
        return tuple(w["key"] for w in self.warnings)


def convergence(productivity: pd.DataFrame, *, start: int | None = None, end: int | None = None,
                value: str = "value", balanced: bool = True, robust: str = "nonrobust",
                exclude: Iterable[str] = (_NATIONAL,)) -> ConvergenceResult:
    r"""Sigma- and beta-convergence of productivity across regions.

    **Sigma**: the dispersion of :math:`\ln y_{rt}` across regions each year,
    :math:`\sigma_t = \operatorname{sd}_r(\ln y_{rt})`, and the coefficient of
    variation :math:`\operatorname{sd}_r(y_{rt}) / \bar y_t`; a falling
    :math:`\sigma_t` is sigma-convergence.  The trend
    :math:`\sigma_t = a + b\,t + e_t` is P1's test (P1-E6; it gives no
    numbers).

    **Beta**: OLS across regions of the average annual log growth on the
    initial log level,

    .. math:: g_r = \frac{\ln y_{rT} - \ln y_{r0}}{T} = a + b \ln y_{r0} + \varepsilon_r,

    :math:`b < 0` is (absolute) beta-convergence; the implied speed is
    :math:`\lambda = -\ln(1 + bT)/T` and the half-life
    :math:`\ln 2 / \lambda` years (Barro and Sala-i-Martin).  A common price
    deflator shifts every :math:`\ln y` by the same amount, so nominal and
    real (common-deflator) data give the same :math:`\sigma` and :math:`b`.

    Parameters
    ----------
    productivity : pandas.DataFrame
        ``region, year`` and the column `value` (> 0); one sector at most.
    start, end : int, optional
        Default the first and last year with data.
    value : str, default "value"
    balanced : bool, default True
        Keep only regions with a value in every year of the window that has
        data (otherwise sigma is computed over the regions present each
        year; the beta regression always needs both end years).
    robust : {"nonrobust", "HC0", "HC1", "HC2", "HC3"}, default "nonrobust"
        Covariance of the beta regression.
    exclude : iterable of str, default ("KZ",)
        Region codes left out (the national row).

    Returns
    -------
    ConvergenceResult

    Raises
    ------
    DataError
        ``err_prod_columns``, ``err_prod_one_sector``, ``err_prod_nonpositive``,
        ``err_prod_year``, ``err_prod_window``, ``err_prod_too_few`` (fewer
        than 3 regions), ``err_prod_option`` (robust).

    References
    ----------
    .. [1] Barro and Sala-i-Martin (1992); P1 (sigma-convergence across sectors, P1-E6).

    Examples
    --------
    >>> d = pd.DataFrame({"region": list("ABCD") * 2, "year": [2010] * 4 + [2020] * 4,
    ...                   "value": [1.0, 2, 4, 8, 2.0, 3, 5, 9]})
    >>> res = convergence(d)
    >>> res.beta[["term", "coef"]].round(4).values.tolist()
    [['const', 0.0646], ['log_initial', -0.0275]]
    >>> round(res.speed, 4), round(res.half_life, 1)
    (0.0322, 21.5)
    >>> res.sigma["sd_log"].round(3).tolist()
    [0.895, 0.651]

    GRP per employed person, regions on the 2018 map, 2011-2024:

    >>> r = convergence(bns_region_panel("17"), value="grp_per_employed", start=2011, end=2024)
    >>> r.n, r.years
    (17, 13)
    """
    robust = _option(robust, ("nonrobust", "HC0", "HC1", "HC2", "HC3"), "robust")
    d = _frame(productivity, "productivity", ("region", "year", value), numeric=(value,))
    if "sector" in d.columns and d["sector"].nunique() > 1:
        secs = sorted(d["sector"].unique())
        raise DataError("convergence compares regions of one sector at a time", key="err_prod_one_sector",
                        sectors=", ".join(secs[:8]))
    excluded = tuple(exclude)
    d = d[~d["region"].isin(excluded)][["region", "year", value]].rename(columns={value: "y"})
    d = d[d["y"].notna()]
    _unique(d, ["region", "year"], "productivity")
    _positive(d, "y", ["region", "year"], "productivity")
    years = _years_of(d)
    if len(years) < 2:
        raise DataError("convergence needs two years with data", key="err_prod_too_few_years", n=len(years))
    start, end = _window(years, start, end)
    d = d[d["year"].between(start, end)]
    warns = []
    if balanced:
        ny = d["year"].nunique()
        cnt = d.groupby("region")["year"].nunique()
        drop = sorted(cnt[cnt < ny].index)
        if drop:
            warns.append(_warning("prod_warn_dropped_regions", f"{len(drop)} region(s) without data in every "
                                  f"year were left out: {', '.join(drop)}", n=len(drop),
                                  regions=", ".join(drop)))
            d = d[~d["region"].isin(drop)]
    d = d.assign(ly=np.log(d["y"]))
    g = d.groupby("year")
    sigma = pd.DataFrame({"n": g.size(), "mean": g["y"].mean(), "sd": g["y"].std(ddof=1),
                          "mean_log": g["ly"].mean(), "sd_log": g["ly"].std(ddof=1)}).reset_index()
    sigma["cv"] = sigma["sd"] / sigma["mean"]
    sigma = sigma[["year", "n", "mean", "sd", "cv", "mean_log", "sd_log"]]
    st = sigma.dropna(subset=["sd_log"])
    trend_tab, trend_model = _ols(st["sd_log"].to_numpy(), np.column_stack([np.ones(len(st)),
                                  st["year"].to_numpy(dtype="float64")]), ["const", "year"], "nonrobust")
    tr = trend_tab.iloc[1]
    sigma_trend = MappingProxyType({"slope": float(tr["coef"]), "se": float(tr["se"]), "t": float(tr["t"]),
                                    "p": float(tr["p"]), "n": int(len(st))})
    w = d.pivot(index="region", columns="year", values="y")
    both = w[[start, end]].dropna() if start in w and end in w else pd.DataFrame(columns=[start, end])
    n = len(both)
    if n < 3:
        raise DataError(f"only {n} regions have data in both {start} and {end}; beta-convergence needs 3",
                        key="err_prod_too_few_regions", n=n, start=str(start), end=str(end))
    T = end - start
    x0 = np.log(both[start].to_numpy())
    gr = (np.log(both[end].to_numpy()) - x0) / T
    beta, model = _ols(gr, np.column_stack([np.ones(n), x0]), ["const", "log_initial"], robust)
    b = float(beta.loc[1, "coef"])
    with np.errstate(invalid="ignore", divide="ignore"):
        speed = -math.log1p(b * T) / T if 1 + b * T > 0 else float("nan")
        hl = (math.log(2) / speed if speed > 0 else float("inf")) if np.isfinite(speed) else float("nan")
    data = pd.DataFrame({"region": both.index.to_numpy(), "initial": both[start].to_numpy(),
                         "final": both[end].to_numpy(), "log_initial": x0, "growth": gr})
    return ConvergenceResult(sigma=sigma, sigma_trend=sigma_trend, beta=beta, data=data, n=n, years=T,
                             r2=float(model.rsquared) if model is not None else float("nan"), speed=speed,
                             half_life=hl, start=start, end=end, model=model, sigma_model=trend_model,
                             warnings=tuple(warns),
                             method=MappingProxyType({"value": value, "balanced": bool(balanced),
                                                      "robust": robust, "excluded": excluded}))


# ============================================================================ capital stock


def implicit_deflator(gva: pd.DataFrame, volume: pd.DataFrame, *,
                      base_year: int | None = None) -> pd.DataFrame:
    r"""Implicit price deflator (base year = 100) from nominal values and volume indices.

    .. math:: D_t = 100\,\frac{Y^{nominal}_t}{Y^{real}_t}

    with :math:`Y^{real}` chain-linked in `base_year` prices as in
    :func:`labour_productivity`.  BNS ships no investment price index, so the
    GVA (or GDP) deflator is the usual proxy for deflating investment.

    Parameters
    ----------
    gva : pandas.DataFrame
        Long ``[region], [sector], year, value`` at current prices.
    volume : pandas.DataFrame
        Long, same keys: volume index, % of previous year.
    base_year : int, optional
        Default the last year of `gva`.

    Returns
    -------
    pandas.DataFrame
        ``[region], [sector], year, value`` (the deflator; 100 in the base
        year), rows with a deflator only.  ``attrs["base_year"]``.

    Examples
    --------
    >>> gva = pd.DataFrame({"sector": "A", "year": [2020, 2021], "value": [100.0, 120.0]})
    >>> vol = pd.DataFrame({"sector": "A", "year": [2021], "value": [105.0]})
    >>> implicit_deflator(gva, vol, base_year=2020)["value"].round(3).tolist()
    [100.0, 114.286]
    """
    g = _frame(gva, "gva", ("year", "value"))
    keys = [c for c in _ENTITY if c in g.columns]
    one = g[[*keys, "year"]].assign(value=1.0)
    r = labour_productivity(g[[*keys, "year", "value"]], one, real=True, volume=volume, base_year=base_year)
    m = r[[*keys, "year", "gva"]].merge(g[[*keys, "year", "value"]], on=[*keys, "year"], how="inner")
    m["value"] = 100 * m["value"] / m["gva"]
    out = m[[*keys, "year", "value"]].dropna().reset_index(drop=True)
    out.attrs = {"base_year": r.attrs["base_year"], "unit": f"index, {r.attrs['base_year']} = 100"}
    return out


def capital_stock(investment: pd.DataFrame, delta: float, *, initial="growth", growth_years: int = 5,
                  deflator: pd.DataFrame | None = None) -> pd.DataFrame:
    r"""Capital stock by the perpetual-inventory method, by region or sector.

    .. math:: K_t = (1 - \delta)\,K_{t-1} + I_t \qquad (t > t_0)

    **Initial stock** (first year :math:`t_0` of each series):

    * ``initial="growth"`` (Harberger; Nehru and Dhareshwar):
      :math:`K_{t_0} = I_{t_0} / (g + \delta)`, where :math:`g` is the
      average annual growth of investment over the first `growth_years`
      years, the geometric mean
      :math:`g = (I_{t_0+m} / I_{t_0})^{1/m} - 1`, :math:`m` =
      min(`growth_years`, years available - 1).  If :math:`g + \delta \le 0`
      (investment falling faster than capital depreciates) or :math:`g`
      cannot be computed (a zero first investment), the zero-growth steady
      state :math:`K_{t_0} = I_{t_0} / \delta` is used and
      ``attrs["warnings"]`` says so (``prod_warn_initial_growth``).
    * a number: :math:`K_{t_0}` for every series; or a mapping from the
      series key (a region or sector code, or a ``(region, sector)`` tuple)
      to its :math:`K_{t_0}`.

    With `deflator` (a price index, 100 in its base year) investment is put
    in constant prices first: :math:`I^{real}_t = 100\,I_t / D_t`.  Without
    it the stock adds up tenge of different years (nominal; state it).

    Parameters
    ----------
    investment : pandas.DataFrame
        Long ``[region], [sector], year, value`` (>= 0), consecutive years per
        series.
    delta : float
        Depreciation rate, 0 < delta <= 1.
    initial : "growth", float or mapping, default "growth"
    growth_years : int, default 5
        Years over which :math:`g` is averaged.
    deflator : pandas.DataFrame, optional
        Long ``year`` (and any of ``region``, ``sector``) ``, value``.

    Returns
    -------
    pandas.DataFrame
        ``[region], [sector], year, investment, value, delta, g, k0,
        initial_rule``: ``investment`` as used (real if deflated), ``value`` =
        :math:`K_t`, ``g`` the growth used by the rule (NaN for a given
        stock), ``k0`` the initial stock.  ``attrs``: ``delta``, ``rule``,
        ``growth_years``, ``deflated``, ``warnings``.

    Raises
    ------
    DataError
        ``err_prod_delta``, ``err_prod_option`` (initial), ``err_prod_growth_years``,
        ``err_prod_negative`` (investment < 0), ``err_prod_gap`` (a missing year
        inside a series), ``err_prod_initial_missing``, ``err_prod_duplicate``.

    References
    ----------
    .. [1] Harberger (1978); Nehru and Dhareshwar (1993).

    Examples
    --------
    >>> inv = pd.DataFrame({"sector": "C", "year": [2020, 2021, 2022], "value": [10.0, 11.0, 12.1]})
    >>> k = capital_stock(inv, 0.1, growth_years=2)
    >>> k["value"].round(3).tolist()      # g = 10 %: K0 = 10 / 0.2 = 50; 0.9 * 50 + 11; 0.9 * 56 + 12.1
    [50.0, 56.0, 62.5]
    >>> capital_stock(inv, 0.1, initial=40.0)["value"].round(6).tolist()
    [40.0, 47.0, 54.4]
    """
    if isinstance(delta, bool) or not isinstance(delta, (int, float, np.integer, np.floating)) \
            or not 0 < float(delta) <= 1:
        raise DataError(f"the depreciation rate must be above 0 and at most 1, got {delta!r}",
                        key="err_prod_delta", value=str(delta))
    delta = float(delta)
    if isinstance(growth_years, bool) or not isinstance(growth_years, (int, np.integer)) or growth_years < 1:
        raise DataError(f"growth_years must be a whole number >= 1, got {growth_years!r}",
                        key="err_prod_growth_years", value=str(growth_years))
    if isinstance(initial, str):
        _option(initial, ("growth",), "initial")
    elif isinstance(initial, bool) or not isinstance(initial, (Mapping, int, float, np.integer, np.floating)):
        _option(str(initial), ('"growth"', "K0", "{code: K0, ...}"), "initial")
    inv = _frame(investment, "investment", ("year", "value"))
    keys = [c for c in _ENTITY if c in inv.columns]
    inv = inv[[*keys, "year", "value"]].dropna(subset=["value"])
    _unique(inv, [*keys, "year"], "investment")
    neg = inv[inv["value"] < 0]
    if len(neg):
        r = neg.iloc[0]
        where = _where(r, [*keys, "year"])
        raise DataError(f"investment must not be negative, found {r['value']:g} ({where})",
                        key="err_prod_negative", value=f"{r['value']:g}", where=where)
    deflated = deflator is not None
    if deflated:
        dfl = _frame(deflator, "deflator", ("year", "value"))
        dk = [c for c in _ENTITY if c in dfl.columns and c in keys]
        dfl = dfl[[*dk, "year", "value"]].rename(columns={"value": "_d"})
        _unique(dfl, [*dk, "year"], "deflator")
        _positive(dfl, "_d", [*dk, "year"], "deflator")
        inv = inv.merge(dfl, on=[*dk, "year"], how="inner")
        inv["value"] = 100 * inv["value"] / inv["_d"]
        inv = inv.drop(columns="_d")
    warns, parts = [], []
    for key, sub in _groups(inv, keys):
        sub = sub.sort_values("year")
        yrs = sub["year"].to_numpy()
        gaps = np.flatnonzero(np.diff(yrs) != 1)
        if gaps.size:
            raise DataError(f"investment of {_label(key)} has a gap after {yrs[gaps[0]]}; the "
                            "perpetual-inventory method needs every year", key="err_prod_gap",
                            group=_label(key), year=str(int(yrs[gaps[0]]) + 1))
        I = sub["value"].to_numpy(dtype="float64")
        g = np.nan
        if isinstance(initial, str):
            m = min(int(growth_years), len(I) - 1)
            if m >= 1 and I[0] > 0 and I[m] > 0:
                g = (I[m] / I[0]) ** (1 / m) - 1
            if not (np.isfinite(g) and g + delta > 0):
                warns.append(_warning("prod_warn_initial_growth",
                                      f"{_label(key)}: investment growth over the first years is {g:.3f}, "
                                      f"so g + delta <= 0 (delta = {delta:g}); the zero-growth stock "
                                      "I0 / delta is used instead", group=_label(key), g=f"{g:.3f}",
                                      delta=f"{delta:g}"))
                g = 0.0
            k0 = I[0] / (g + delta)
            rule = "growth"
        else:
            if isinstance(initial, Mapping):
                cand = [key, key[0] if len(key) == 1 else None, key[-1] if key else None]
                k0 = next((initial[c] for c in cand if c is not None and c in initial), None)
                if k0 is None:
                    raise DataError(f"no initial capital stock given for {_label(key)}",
                                    key="err_prod_initial_missing", group=_label(key))
            else:
                k0 = initial
            k0 = float(k0)
            rule = "given"
        K = np.empty(len(I))
        K[0] = k0
        for i in range(1, len(I)):
            K[i] = (1 - delta) * K[i - 1] + I[i]
        part = sub[[*keys, "year"]].copy()
        part["investment"] = I
        part["value"] = K
        part["delta"] = delta
        part["g"] = g
        part["k0"] = k0
        part["initial_rule"] = rule
        parts.append(part)
    cols = [*keys, "year", "investment", "value", "delta", "g", "k0", "initial_rule"]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)
    out.attrs = {"delta": delta, "rule": "growth" if isinstance(initial, str) else "given",
                 "growth_years": int(growth_years), "deflated": deflated, "warnings": _plain(warns)}
    return out[cols]


# ============================================================================ production function


@dataclass(frozen=True, eq=False)
class ProductionFunctionResult:
    r"""A log-linear Cobb-Douglas fit and its TFP residual (returned by :func:`fit_production_function`).

    Attributes
    ----------
    coefficients : pandas.DataFrame
        ``group, term, coef, se, t, p, ci_low, ci_high, derived``: terms
        ``const``, ``alpha`` (capital), ``beta`` (labour; ``derived`` = True
        under constant returns, where :math:`\beta = 1 - \alpha` with the
        standard error of :math:`\alpha`), then any ``<entity>[code]`` and
        ``year[YYYY]`` dummies.  ``group`` is the entity code (per-entity
        fits) or ``"pooled"``.
    stats : pandas.DataFrame
        ``group, n, k, df_resid, r2, adj_r2, alpha, beta, returns_to_scale,
        p_crs`` (p-value of the Wald test :math:`\alpha + \beta = 1`; NaN when
        constant returns are imposed).
    tfp : pandas.DataFrame
        The panel rows used plus ``group, log_tfp, tfp``.
    models : mapping
        group -> statsmodels results (None where nothing was estimated).
    warnings : tuple of mappings
    method : mapping
        ``y, k, l, crs, effects, per_entity, robust, entity``.

    Examples
    --------
    >>> rng = np.random.default_rng(0)   # synthetic: Y = 2 K^0.3 L^0.7
    >>> p = pd.DataFrame({"year": range(2000, 2040), "capital": rng.uniform(50, 150, 40),
    ...                   "employment": rng.uniform(10, 30, 40)})
    >>> p["gva"] = 2 * p["capital"] ** 0.3 * p["employment"] ** 0.7 * np.exp(rng.normal(0, 0.01, 40))
    >>> res = fit_production_function(p)
    >>> res.stats[["alpha", "beta"]].round(2).values.tolist()
    [[0.3, 0.7]]
    """

    coefficients: pd.DataFrame
    stats: pd.DataFrame
    tfp: pd.DataFrame
    models: Mapping = field(repr=False)
    warnings: tuple = ()
    method: Mapping = field(default_factory=dict)

    @property
    def warning_keys(self) -> tuple:
        """The i18n keys of :attr:`warnings`, in order."""
        return tuple(w["key"] for w in self.warnings)


def _entity_col(panel: pd.DataFrame, entity) -> str | None:
    if entity is not None:
        if entity not in panel.columns:
            raise DataError(f"the panel has no column {entity}", key="err_prod_columns", name="panel",
                            columns=str(entity))
        return entity
    return next((c for c in ("sector", "region") if c in panel.columns), None)


def _panel(panel, variables: list, name: str = "panel", entity=None) -> tuple[pd.DataFrame, str | None]:
    """A wide panel (entity, year, variables), checked; variables must be columns."""
    if not isinstance(panel, pd.DataFrame):
        raise DataError(f"the {name} must be a table", key="err_prod_table", name=name,
                        columns=", ".join(["year", *variables]))
    missing = [v for v in variables if v not in panel.columns]
    if missing:
        have = ", ".join(str(c) for c in panel.columns if c not in (*_ENTITY, "year"))
        raise DataError(f"variable {missing[0]!r} is not in the {name} (it has {have})",
                        key="err_prod_unknown_variable", name=str(missing[0]), available=have)
    ent = _entity_col(panel, entity)
    d = _frame(panel, name, ("year",), numeric=variables)
    if ent is not None:
        d[ent] = d[ent].astype(str)
    _unique(d, [c for c in (ent, "year") if c], name)
    return d, ent


def fit_production_function(panel: pd.DataFrame, *, y: str = "gva", k: str = "capital", l: str = "employment",
                            crs: bool = False, effects: str = "none", per_entity: bool = False,
                            robust="HC1", entity: str | None = None) -> ProductionFunctionResult:
    r"""Fit a log-linear Cobb-Douglas production function and take TFP as the residual.

    Unrestricted:

    .. math:: \ln Y_{it} = a + \alpha \ln K_{it} + \beta \ln L_{it} + \mu_i + \lambda_t + \varepsilon_{it}

    Constant returns (``crs=True``, :math:`\beta = 1 - \alpha`):

    .. math:: \ln (Y_{it}/L_{it}) = a + \alpha \ln (K_{it}/L_{it}) + \mu_i + \lambda_t + \varepsilon_{it}

    by OLS (statsmodels), with entity (:math:`\mu_i`) and/or year
    (:math:`\lambda_t`) dummies (`effects`), or one regression per entity
    (``per_entity=True``: P1's per-sector :math:`\alpha_i`; P1 used
    nonlinear least squares in levels on quarterly data, here OLS in logs on
    annual data).  TFP is the Solow residual

    .. math:: \ln A_{it} = \ln Y_{it} - \hat\alpha \ln K_{it} - \hat\beta \ln L_{it}

    (it contains the constant and the fixed effects), ``tfp`` =
    :math:`e^{\ln A}`.

    Parameters
    ----------
    panel : pandas.DataFrame
        Wide: ``[sector or region], year`` and the columns `y`, `k`, `l` (> 0).
    y, k, l : str
        Output, capital and labour columns.
    crs : bool, default False
    effects : {"none", "entity", "time", "both"}, default "none"
    per_entity : bool, default False
        One regression per entity (then `effects` must be "none").
    robust : bool or str, default "HC1"
        True = HC1, False = classical, or one of :data:`ROBUST` ("cluster"
        clusters by entity).
    entity : str, optional
        The entity column; default ``sector`` if present, else ``region``.

    Returns
    -------
    ProductionFunctionResult

    Raises
    ------
    DataError
        ``err_prod_unknown_variable``, ``err_prod_nonpositive`` (a log of a value
        <= 0), ``err_prod_option`` (effects, robust), ``err_prod_duplicate``.

    References
    ----------
    .. [1] P1, equations P1-E2 and P1-E3 (spec ``productivity.md`` §1.3); Table ``p1_cobb_douglas``.

    Examples
    --------
    >>> rng = np.random.default_rng(1)   # synthetic, two sectors, constant returns, alpha = 0.4
    >>> p = pd.DataFrame({"sector": np.repeat(["A", "C"], 30), "year": np.tile(range(1995, 2025), 2),
    ...                   "capital": rng.uniform(50, 150, 60), "employment": rng.uniform(10, 30, 60)})
    >>> p["gva"] = np.where(p["sector"] == "A", 1.0, 3.0) * p["capital"] ** 0.4 * p["employment"] ** 0.6
    >>> res = fit_production_function(p, crs=True, effects="entity")
    >>> res.coefficients.set_index("term").loc[["alpha", "beta", "sector[C]"], "coef"].round(3).tolist()
    [0.4, 0.6, 1.099]
    >>> res.tfp.groupby("sector")["tfp"].mean().round(3).tolist()   # A = 1, 3 = e^1.099
    [1.0, 3.0]
    """
    effects = _option(effects, EFFECTS, "effects")
    robust = _robust(robust)
    d, ent = _panel(panel, [y, k, l], "panel", entity)
    if per_entity and effects != "none":
        _option(effects, ("none",), "effects")
    if ent is None and effects in ("entity", "both"):
        _option(effects, ("none", "time"), "effects")
    d = d.dropna(subset=[y, k, l]).sort_values([c for c in (ent, "year") if c], kind="stable")
    for v in (y, k, l):
        _positive(d, v, [c for c in (ent, "year") if c], "panel")
    d = d.reset_index(drop=True)
    ly, lk, ll = np.log(d[y].to_numpy()), np.log(d[k].to_numpy()), np.log(d[l].to_numpy())
    groups = [(str(g), sub.index.to_numpy()) for g, sub in d.groupby(ent, sort=True)] if per_entity and ent \
        else [("pooled", d.index.to_numpy())]
    coefs, stats, tfps, models, warns = [], [], [], {}, []
    for gname, idx in groups:
        n = len(idx)
        if crs:
            yv, cols, names = ly[idx] - ll[idx], [lk[idx] - ll[idx]], ["alpha"]
        else:
            yv, cols, names = ly[idx], [lk[idx], ll[idx]], ["alpha", "beta"]
        X = [np.ones(n), *cols]
        names = ["const", *names]
        sub = d.loc[idx]
        if ent is not None and effects in ("entity", "both"):
            levels = sorted(sub[ent].unique())[1:]
            X += [(sub[ent].to_numpy() == c).astype("float64") for c in levels]
            names += [f"{ent}[{c}]" for c in levels]
        if effects in ("time", "both"):
            levels = sorted(sub["year"].unique())[1:]
            X += [(sub["year"].to_numpy() == c).astype("float64") for c in levels]
            names += [f"year[{c}]" for c in levels]
        X = np.column_stack(X)
        tab, res = _ols(yv, X, names, robust, groups=sub[ent].to_numpy() if ent else None)
        if res is None:
            warns.append(_warning("prod_warn_not_identified", f"{gname}: {n} observations for {X.shape[1]} "
                                  "coefficients (or collinear regressors); nothing estimated",
                                  group=gname, n=n, k=X.shape[1]))
        elif n < MIN_N_TS and per_entity:
            warns.append(_warning("prod_warn_small_n", f"{gname}: {n} observations (the paper had about "
                                  f"{PAPER_N} quarterly ones)", group=gname, n=n, n_paper=PAPER_N))
        tab["derived"] = False
        a_hat = float(tab.loc[1, "coef"])
        if crs:
            row = tab.iloc[[1]].copy()
            row["term"], row["coef"], row["derived"] = "beta", 1 - a_hat, True
            row["t"] = row["coef"] / row["se"]
            row["ci_low"], row["ci_high"] = 1 - tab.loc[1, "ci_high"], 1 - tab.loc[1, "ci_low"]
            row["p"] = np.nan if res is None else _p_of(res, np.r_[0.0, 1.0, np.zeros(X.shape[1] - 2)], 1.0)
            tab = pd.concat([tab.iloc[:2], row, tab.iloc[2:]], ignore_index=True)
            b_hat, p_crs = 1 - a_hat, np.nan
        else:
            b_hat = float(tab.loc[2, "coef"])
            p_crs = np.nan if res is None else _p_of(res, np.r_[0.0, 1.0, 1.0, np.zeros(X.shape[1] - 3)], 1.0)
        tab.insert(0, "group", gname)
        coefs.append(tab)
        stats.append({"group": gname, "n": n, "k": X.shape[1], "df_resid": max(n - X.shape[1], 0),
                      "r2": float(res.rsquared) if res is not None else np.nan,
                      "adj_r2": float(res.rsquared_adj) if res is not None else np.nan,
                      "alpha": a_hat, "beta": b_hat, "returns_to_scale": a_hat + b_hat, "p_crs": p_crs})
        lt = ly[idx] - a_hat * lk[idx] - b_hat * ll[idx]
        tfps.append(sub.assign(group=gname, log_tfp=lt, tfp=np.exp(lt)))
        models[gname] = res
    method = MappingProxyType({"y": y, "k": k, "l": l, "crs": bool(crs), "effects": effects,
                               "per_entity": bool(per_entity), "robust": robust, "entity": ent})
    return ProductionFunctionResult(coefficients=pd.concat(coefs, ignore_index=True),
                                    stats=pd.DataFrame(stats), tfp=pd.concat(tfps, ignore_index=True),
                                    models=MappingProxyType(models), warnings=tuple(warns), method=method)


def _p_of(res, r: np.ndarray, q: float) -> float:
    """p-value of the linear restriction r'b = q."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.asarray(res.t_test((r[None, :], np.array([q]))).pvalue).ravel()[0])


def solow_residual(panel: pd.DataFrame, alpha, *, beta=None, y: str = "gva", k: str = "capital",
                   l: str = "employment", entity: str | None = None) -> pd.DataFrame:
    r"""TFP as the Solow residual for given elasticities (e.g. P1's published :math:`\alpha_i`).

    .. math:: \ln A_{it} = \ln Y_{it} - \alpha_i \ln K_{it} - \beta_i \ln L_{it},
              \qquad \beta_i = 1 - \alpha_i \text{ unless given}

    Parameters
    ----------
    panel : pandas.DataFrame
        Wide ``[sector or region], year, y, k, l`` (> 0).
    alpha : float or mapping
        One capital elasticity, or entity code -> elasticity (e.g.
        :data:`PAPER_ALPHA`); entities without one get NaN and a warning.
    beta : float or mapping, optional
        Labour elasticities; default :math:`1 - \alpha` (constant returns).
    y, k, l : str
    entity : str, optional

    Returns
    -------
    pandas.DataFrame
        A copy of `panel` with ``alpha, beta, log_tfp, tfp`` appended.
        ``attrs["warnings"]``: ``prod_warn_no_alpha`` for entities without an
        elasticity.

    Raises
    ------
    DataError
        ``err_prod_alpha`` (an elasticity outside 0-1), ``err_prod_nonpositive``,
        ``err_prod_unknown_variable``.

    Examples
    --------
    >>> p = pd.DataFrame({"sector": ["C", "B"], "year": 2024, "gva": [100.0, 100.0],
    ...                   "capital": [400.0, 400.0], "employment": [25.0, 25.0]})
    >>> r = solow_residual(p, PAPER_ALPHA)
    >>> r[["sector", "alpha", "tfp"]].round(3).values.tolist()   # 100 / (400^0.525 25^0.475)
    [['C', 0.525, 0.933], ['B', nan, nan]]
    >>> r.attrs["warnings"][0]["key"]
    'prod_warn_no_alpha'
    """
    d, ent = _panel(panel, [y, k, l], "panel", entity)
    for v in (y, k, l):
        _positive(d, v, [c for c in (ent, "year") if c], "panel")
    codes = d[ent] if ent else pd.Series("all", index=d.index)

    def _per(x, name):
        if isinstance(x, Mapping):
            vals = codes.map(lambda c: x.get(c, np.nan))
        else:
            vals = pd.Series(float(x), index=d.index)
        vals = vals.astype("float64")
        bad = vals[(vals <= 0) | (vals >= 1)]
        if len(bad):
            raise DataError(f"{name} must be between 0 and 1, got {bad.iloc[0]:g} for {codes[bad.index[0]]}",
                            key="err_prod_alpha", value=f"{bad.iloc[0]:g}", group=str(codes[bad.index[0]]))
        return vals

    a = _per(alpha, "alpha")
    b = 1 - a if beta is None else _per(beta, "beta")
    out = panel.copy()
    lt = np.log(d[y]) - a * np.log(d[k]) - b * np.log(d[l])
    out["alpha"], out["beta"] = a.to_numpy(), b.to_numpy()
    out["log_tfp"], out["tfp"] = lt.to_numpy(), np.exp(lt.to_numpy())
    missing = sorted(set(codes[a.isna()]))
    warns = (_warning("prod_warn_no_alpha", f"no capital elasticity for {', '.join(missing)}: no TFP",
                      groups=", ".join(missing)),) if missing else ()
    out.attrs = {**panel.attrs, "warnings": _plain(warns)}
    return out


# ============================================================================ investment effect (ECM)


def half_life(speed):
    r"""Half-life of a deviation that adjusts at speed :math:`\lambda` per period (ECM coefficient).

    The deviation evolves as :math:`u_t = (1 + \lambda)\,u_{t-1}`, so half of
    it is gone after

    .. math:: h = \frac{\ln 0.5}{\ln |1 + \lambda|}

    periods: for :math:`-1 < \lambda < 0` monotone adjustment; :math:`\lambda
    = -1` immediate (0); :math:`-2 < \lambda < -1` oscillating (the absolute
    deviation halves); :math:`\lambda \ge 0` or :math:`\lambda \le -2` never
    (inf).  NaN stays NaN.

    Parameters
    ----------
    speed : float or array-like

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    P1's adjustment speeds per quarter (agriculture, trade, mining, manufacturing, construction):

    >>> np.round(half_life([-0.70, -0.20, -0.14, -0.05, 0.016]), 2).tolist()
    [0.58, 3.11, 4.6, 13.51, inf]
    """
    lam = np.asarray(speed, dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        a = np.abs(1 + lam)
        h = np.where(lam == -1, 0.0, np.log(0.5) / np.log(a))
        h = np.where((lam >= 0) | (lam <= -2), np.inf, h)
        h = np.where(np.isnan(lam), np.nan, h)
    return float(h) if h.ndim == 0 else h


def _adjustment(lam: float) -> str:
    if not np.isfinite(lam):
        return "none"
    if lam >= 0:
        return "no_return"
    if lam > -1:
        return "monotone"
    if lam == -1:
        return "immediate"
    return "oscillating" if lam > -2 else "explosive"


@dataclass(frozen=True, eq=False)
class InvestmentEffectResult:
    r"""Long-run regression and error-correction model per entity (returned by :func:`investment_effect`).

    Attributes
    ----------
    long_run : pandas.DataFrame
        ``group, term, coef, se, t, p, ci_low, ci_high`` of
        :math:`y_t = c + \beta x_t + u_t` (terms ``const`` and `x`).
    ecm : pandas.DataFrame
        Same columns for the ECM: ``const``, ``ec_lag1`` (:math:`\lambda`),
        ``d_<x>`` (:math:`\Delta x_t`, the paper's :math:`\delta_1`) and
        ``d_<x>_lag<i>`` (:math:`\Delta x_{t-i}`, :math:`\delta_{i+1}`).
    summary : pandas.DataFrame
        ``group, n_long, beta, se_beta, p_beta, r2_long, n_ecm, speed,
        se_speed, p_speed, half_life, adjustment, delta1, p_delta1, r2_ecm``
        (``half_life`` in periods of the data, years for BNS;
        ``adjustment`` one of ``monotone, oscillating, immediate, no_return,
        explosive, none``).
    models : mapping
        ``(group, "long_run")`` and ``(group, "ecm")`` -> statsmodels results.
    warnings : tuple of mappings
        ``prod_warn_small_n`` (fewer than :data:`MIN_N_TS` observations),
        ``prod_warn_not_identified``.
    method : mapping
        ``y, x, lags, robust, window, entity, paper_n``.

    Examples
    --------
    >>> rng = np.random.default_rng(3)   # synthetic series
    >>> x = np.cumsum(rng.normal(0, 0.1, 80))
    >>> p = pd.DataFrame({"year": range(1945, 2025), "log_investment": x,
    ...                   "log_tfp": 0.5 * x + rng.normal(0, 0.05, 80)})
    >>> res = investment_effect(p, lags=0)
    >>> res.summary[["n_long", "n_ecm"]].values.tolist()
    [[80, 79]]
    """

    long_run: pd.DataFrame
    ecm: pd.DataFrame
    summary: pd.DataFrame
    models: Mapping = field(repr=False)
    warnings: tuple = ()
    method: Mapping = field(default_factory=dict)

    @property
    def warning_keys(self) -> tuple:
        """The i18n keys of :attr:`warnings`, in order."""
        return tuple(w["key"] for w in self.warnings)


def investment_effect(panel: pd.DataFrame, *, y: str = "log_tfp", x: str = "log_investment", lags: int = 1,
                      robust=True, window: tuple | None = None, entity: str | None = None,
                      hac_lags: int | None = None) -> InvestmentEffectResult:
    r"""Long-run effect of investment on TFP and the error-correction model (Engle-Granger two-step).

    Per entity (sector), on consecutive periods:

    1. long run (P1-E4): :math:`y_t = c + \beta x_t + u_t` by OLS, residual
       :math:`\hat u_t`;
    2. ECM (P1-E5):

       .. math:: \Delta y_t = c + \lambda\,\hat u_{t-1} + \sum_{i=0}^{p} \delta_{i+1}\,\Delta x_{t-i} + e_t

       with *p* = `lags` (the paper's default 1: :math:`\delta_1` on the
       current and :math:`\delta_2` on the lagged change).  :math:`\lambda`
       is the adjustment speed (negative: back to the long-run path), its
       half-life :func:`half_life` = :math:`\ln 0.5 / \ln(1+\lambda)` periods.

    `y` and `x` are used as given (pass logs: ``log_tfp``,
    ``log_investment``).  The *t*-statistic of :math:`\lambda` does not have
    the usual distribution when the series are not cointegrated (Engle and
    Granger; no unit-root or cointegration test is run, nor did the paper
    run one).  **Sample size**: annual BNS data give at most 16 years
    (2010-2025), so ``n_long`` <= 16 and ``n_ecm`` <= 15 - `lags`, against
    about :data:`PAPER_N` quarters in P1; every series with fewer than
    :data:`MIN_N_TS` observations gets ``prod_warn_small_n``.  When the
    long-run :math:`R^2` is near 0, :math:`\hat u` is roughly demeaned `y`
    and :math:`\lambda` measures the mean reversion of `y` itself.

    Parameters
    ----------
    panel : pandas.DataFrame
        Wide ``[sector or region], year, y, x``.
    y, x : str, default "log_tfp", "log_investment"
    lags : int, default 1
        Lags *p* of :math:`\Delta x` (0-8).
    robust : bool or str, default True
        True = HC1, False = classical, "HAC" = Newey-West (`hac_lags`), or
        one of :data:`ROBUST` except "cluster".
    window : (int, int), optional
        First and last year used (inclusive).
    entity : str, optional
        Default ``sector`` if present, else ``region``; None of these = one
        series.
    hac_lags : int, optional
        Newey-West lags; default :math:`\lfloor 4 (n/100)^{2/9} \rfloor`.

    Returns
    -------
    InvestmentEffectResult

    Raises
    ------
    DataError
        ``err_prod_unknown_variable``, ``err_prod_lags``, ``err_prod_option``
        (robust), ``err_prod_window``, ``err_prod_duplicate``.

    References
    ----------
    .. [1] P1, equations P1-E4 and P1-E5; tables ``p1_long_run``, ``p1_ecm`` and Table 1 (spec
       ``productivity.md`` §1.3, §2.1, §3.4-3.5).
    .. [2] Engle and Granger (1987).

    Examples
    --------
    A synthetic series with trade-like parameters (beta 0.075, lambda -0.20,
    delta1 0.198; P1 Table 1), long enough to recover them:

    >>> rng = np.random.default_rng(7)
    >>> T = 2000
    >>> x = np.cumsum(rng.normal(0, 0.1, T))
    >>> yv = np.zeros(T)
    >>> for t in range(1, T):
    ...     ec = yv[t-1] - 0.075 * x[t-1]
    ...     yv[t] = yv[t-1] - 0.20 * ec + 0.198 * (x[t] - x[t-1]) + rng.normal(0, 0.02)
    >>> p = pd.DataFrame({"year": np.arange(T), "log_investment": x, "log_tfp": yv})
    >>> s = investment_effect(p).summary.iloc[0]
    >>> [bool(abs(s[c] - v) < 0.03) for c, v in (("beta", 0.075), ("speed", -0.20), ("delta1", 0.198))]
    [True, True, True]

    The BNS sector panel: 16 years per sector at most.

    >>> panel = solow_residual(bns_sector_panel(), PAPER_ALPHA, y="gva_real", k="capital_real")
    >>> res = investment_effect(panel[panel["sector"].isin(["C", "G"])])
    >>> res.summary[["group", "n_long", "n_ecm"]].values.tolist()
    [['C', 16, 14], ['G', 16, 14]]
    >>> res.warning_keys
    ('prod_warn_small_n', 'prod_warn_small_n')
    """
    if isinstance(lags, bool) or not isinstance(lags, (int, np.integer)) or not 0 <= lags <= 8:
        raise DataError(f"lags must be a whole number from 0 to 8, got {lags!r}", key="err_prod_lags",
                        value=str(lags), max=8)
    lags = int(lags)
    robust = _robust(robust)
    if robust == "cluster":
        _option(robust, [r for r in ROBUST if r != "cluster"], "robust")
    d, ent = _panel(panel, [y, x], "panel", entity)
    if window is not None:
        try:
            a, b = (int(v) for v in window)
        except (TypeError, ValueError):
            raise DataError(f"the window must be two years (start, end), got {window!r}",
                            key="err_prod_window_type", value=str(window)) from None
        if a >= b:
            raise DataError(f"the start year ({a}) must be before the end year ({b})", key="err_prod_window",
                            start=str(a), end=str(b))
        d = d[d["year"].between(a, b)]
        window = (a, b)
    keys = [ent] if ent else []
    lr_tabs, ecm_tabs, summ, models, warns = [], [], [], {}, []
    dx = f"d_{x}"
    ecm_names = ["const", "ec_lag1", dx, *[f"{dx}_lag{i}" for i in range(1, lags + 1)]]
    for key, sub in _groups(d, keys):
        gname = _label(key)
        sub = sub.dropna(subset=[y, x]).sort_values("year")
        full = pd.DataFrame({"year": np.arange(sub["year"].min(), sub["year"].max() + 1)}) if len(sub) else \
            pd.DataFrame({"year": np.array([], dtype="int64")})
        s = full.merge(sub[["year", y, x]], on="year", how="left")
        ok = s[y].notna() & s[x].notna()
        yl, xl = s.loc[ok, y].to_numpy(), s.loc[ok, x].to_numpy()
        n_long = int(ok.sum())
        lr, res1 = _ols(yl, np.column_stack([np.ones(n_long), xl]), ["const", x], robust, hac_lags=hac_lags)
        s["u"] = np.nan
        if res1 is not None:
            s.loc[ok, "u"] = yl - res1.predict(np.column_stack([np.ones(n_long), xl]))
        e = pd.DataFrame({"dy": s[y].diff(), "ec": s["u"].shift(1)})
        dxs = s[x].diff()
        for i in range(lags + 1):
            e[f"dx{i}"] = dxs.shift(i)
        e = e.dropna()
        n_ecm = len(e)
        X2 = np.column_stack([np.ones(n_ecm), e["ec"].to_numpy(),
                              *[e[f"dx{i}"].to_numpy() for i in range(lags + 1)]]) \
            if n_ecm else np.zeros((0, len(ecm_names)))
        ec, res2 = _ols(e["dy"].to_numpy(), X2, ecm_names, robust, hac_lags=hac_lags)
        for res, n, kk, wkey, what in ((res1, n_long, 2, "prod_warn_not_identified", "long run"),
                                       (res2, n_ecm, len(ecm_names), "prod_warn_ecm_not_identified", "ECM")):
            if res is None:
                warns.append(_warning(wkey, f"{gname} ({what}): {n} observations for {kk} coefficients (or "
                                      "collinear regressors); nothing estimated", group=gname, n=n, k=kk))
        if n_long < MIN_N_TS:
            warns.append(_warning("prod_warn_small_n", f"{gname}: {n_long} observations (the paper had about "
                                  f"{PAPER_N} quarterly ones); the estimates are fragile", group=gname,
                                  n=n_long, n_paper=PAPER_N))
        lam = float(ec.loc[1, "coef"])
        summ.append({"group": gname, "n_long": n_long, "beta": float(lr.loc[1, "coef"]),
                     "se_beta": float(lr.loc[1, "se"]), "p_beta": float(lr.loc[1, "p"]),
                     "r2_long": float(res1.rsquared) if res1 is not None else np.nan, "n_ecm": n_ecm,
                     "speed": lam, "se_speed": float(ec.loc[1, "se"]), "p_speed": float(ec.loc[1, "p"]),
                     "half_life": half_life(lam), "adjustment": _adjustment(lam),
                     "delta1": float(ec.loc[2, "coef"]), "p_delta1": float(ec.loc[2, "p"]),
                     "r2_ecm": float(res2.rsquared) if res2 is not None else np.nan})
        lr_tabs.append(lr.assign(group=gname))
        ecm_tabs.append(ec.assign(group=gname))
        models[(gname, "long_run")] = res1
        models[(gname, "ecm")] = res2
    cols = ["group", "term", "coef", "se", "t", "p", "ci_low", "ci_high"]
    method = MappingProxyType({"y": y, "x": x, "lags": lags, "robust": robust, "window": window,
                               "entity": ent, "paper_n": PAPER_N})
    return InvestmentEffectResult(
        long_run=pd.concat(lr_tabs, ignore_index=True)[cols] if lr_tabs else pd.DataFrame(columns=cols),
        ecm=pd.concat(ecm_tabs, ignore_index=True)[cols] if ecm_tabs else pd.DataFrame(columns=cols),
        summary=pd.DataFrame(summ), models=MappingProxyType(models), warnings=tuple(warns), method=method)


# ============================================================================ gap arithmetic


def _arr(x, name: str, *, lo=None, lo_open=True, hi=None, err: str, what: str):
    a = np.asarray(x, dtype="float64") if not isinstance(x, (str, bytes)) else None
    if a is None or (a.dtype.kind not in "fi"):
        raise DataError(f"{name} must be a number, got {x!r}", key=err, value=str(x))
    bad = np.isnan(a)
    if lo is not None:
        bad |= (a <= lo) if lo_open else (a < lo)
    if hi is not None:
        bad |= a >= hi
    if bad.any():
        v = a[bad].ravel()[0] if a.ndim else float(a)
        raise DataError(f"{name}: {what}, got {v:g}", key=err, value=f"{v:g}")
    return a


def _out(x, *inputs):
    x = np.asarray(x, dtype="float64")
    return float(x) if all(np.ndim(i) == 0 for i in inputs) else x


def gap_years(ratio, growth_home, growth_reference, *, target: float = 1.0):
    r"""Years for the home economy to close a productivity gap (reach `target` x the reference level).

    With the gap ratio :math:`R_0` = home level / reference level and
    constant growth rates :math:`g_h`, :math:`g_r`,
    :math:`R_t = R_0 \left(\frac{1+g_h}{1+g_r}\right)^t`, so the gap closes
    after

    .. math:: T^* = \frac{\ln(\text{target} / R_0)}{\ln\big((1+g_h)/(1+g_r)\big)}

    years.  Already closed (:math:`R_0 \ge` target): 0.  Never closes
    (:math:`g_h \le g_r` while :math:`R_0 <` target): ``inf`` (see
    :func:`gap_table` for a status column).  Vectorised over array inputs.

    Parameters
    ----------
    ratio : float or array-like
        Home / reference level (> 0), e.g. 27.2 / 86.7.
    growth_home, growth_reference : float or array-like
        Annual growth as fractions (0.056 = 5.6 %), each in (-1, 1).
    target : float, default 1.0
        Share of the reference level to reach (1 = parity, 0.75 = 75 %).

    Returns
    -------
    float or numpy.ndarray

    Raises
    ------
    DataError
        ``err_prod_ratio`` (ratio or target <= 0), ``err_prod_growth``
        (growth <= -1 or >= 1: give fractions, not percent).

    References
    ----------
    .. [1] P2 (Idrisov & Darinov): gap figures ($27.2k vs $86.7k; ~$56k vs ~$106k) and 5.6 % growth in 2025;
       spec ``productivity.md`` §3.8 (years-to-close grid).

    Examples
    --------
    P2's two gaps at 5.6 % a year against 1 % for the EU (spec §3.8: 26.0 and 14.3 years):

    >>> round(gap_years(27.2 / 86.7, 0.056, 0.01), 1), round(gap_years(56 / 106, 0.056, 0.01), 1)
    (26.0, 14.3)
    >>> gap_years(0.5, 0.01, 0.02), gap_years(1.2, 0.0, 0.02)
    (inf, 0.0)
    """
    r = _arr(ratio, "ratio", lo=0, err="err_prod_ratio", what="the gap ratio must be above 0")
    tg = _arr(target, "target", lo=0, err="err_prod_ratio", what="the target must be above 0")
    gh = _arr(growth_home, "growth_home", lo=-1, hi=1, err="err_prod_growth",
              what="growth is a fraction between -1 and 1 (0.056 = 5.6 %)")
    gr = _arr(growth_reference, "growth_reference", lo=-1, hi=1, err="err_prod_growth",
              what="growth is a fraction between -1 and 1 (0.056 = 5.6 %)")
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.log1p(gh) - np.log1p(gr)
        t = np.log(tg / r) / rel
        t = np.where(r >= tg, 0.0, np.where(rel <= 0, np.inf, t))
    return _out(t, ratio, growth_home, growth_reference, target)


def required_growth(ratio, years, growth_reference, *, target: float = 1.0):
    r"""Annual home growth that closes a productivity gap in a given number of years.

    The inverse of :func:`gap_years` in :math:`g_h`:

    .. math:: g_h^* = (1 + g_r)\left(\frac{\text{target}}{R_0}\right)^{1/n} - 1

    Parameters
    ----------
    ratio : float or array-like
        Home / reference level (> 0).
    years : float or array-like
        Years *n* to close the gap (> 0), e.g. 2035 - 2025 = 10.
    growth_reference : float or array-like
        Reference growth as a fraction.
    target : float, default 1.0

    Returns
    -------
    float or numpy.ndarray
        Growth as a fraction (may be below `growth_reference` when the home
        level is already above the target).

    Raises
    ------
    DataError
        ``err_prod_ratio``, ``err_prod_years`` (years <= 0), ``err_prod_growth``.

    Examples
    --------
    Closing P2's gaps by 2035 (spec §3.8: 13.4 % and 7.7 % with the EU at 1 %):

    >>> [round(100 * required_growth(r, 10, 0.01), 1) for r in (27.2 / 86.7, 56 / 106)]
    [13.4, 7.7]
    >>> round(gap_years(0.5, required_growth(0.5, 12, 0.01), 0.01), 6)
    12.0
    """
    r = _arr(ratio, "ratio", lo=0, err="err_prod_ratio", what="the gap ratio must be above 0")
    tg = _arr(target, "target", lo=0, err="err_prod_ratio", what="the target must be above 0")
    n = _arr(years, "years", lo=0, err="err_prod_years", what="the number of years must be above 0")
    gr = _arr(growth_reference, "growth_reference", lo=-1, hi=1, err="err_prod_growth",
              what="growth is a fraction between -1 and 1 (0.056 = 5.6 %)")
    g = (1 + gr) * np.exp(np.log(tg / r) / n) - 1
    return _out(g, ratio, years, growth_reference, target)


def gap_table(ratio, growth_home, growth_reference, *, target: float = 1.0,
              start_year: int = 2025) -> pd.DataFrame:
    r"""Years to close a gap over a grid of growth rates, with a status column.

    Every combination of the inputs (scalars or lists) is a row;
    ``years`` = :func:`gap_years`, ``target_year`` = `start_year` + years
    (rounded up; NaN when never).

    Parameters
    ----------
    ratio, growth_home, growth_reference : float or list
    target : float, default 1.0
    start_year : int, default 2025
        P2 Table 1's year.

    Returns
    -------
    pandas.DataFrame
        ``ratio, growth_home, growth_reference, target, years, status,
        target_year``; ``status``: ``closed`` (already at the target),
        ``closes`` or ``never`` (home growth <= reference growth).

    Examples
    --------
    The spec's §3.8 grid for R = 3.19 (KZ = 27.2, EU = 86.7):

    >>> t = gap_table(27.2 / 86.7, 0.056, [0.0, 0.01, 0.015, 0.02, 0.06])
    >>> t["years"].round(1).tolist()
    [21.3, 26.0, 29.3, 33.4, inf]
    >>> t["status"].tolist(), t["target_year"].tolist()
    (['closes', 'closes', 'closes', 'closes', 'never'], [2047, 2052, 2055, 2059, <NA>])
    """
    axes = [np.atleast_1d(np.asarray(v, dtype="float64")) for v in (ratio, growth_home, growth_reference)]
    grid = pd.MultiIndex.from_product(axes, names=["ratio", "growth_home", "growth_reference"]) \
        .to_frame(index=False)
    yrs = np.atleast_1d(gap_years(grid["ratio"].to_numpy(), grid["growth_home"].to_numpy(),
                                  grid["growth_reference"].to_numpy(), target=target))
    grid["target"] = float(target)
    grid["years"] = yrs
    grid["status"] = np.where(grid["ratio"] >= target, "closed", np.where(np.isinf(yrs), "never", "closes"))
    ty = np.where(np.isfinite(yrs), start_year + np.ceil(yrs), np.nan)
    grid["target_year"] = pd.array(ty, dtype="Float64").astype("Int64")
    return grid


def gap_path(ratio: float, growth_home: float, growth_reference: float, *, start: int = 2025, end: int = 2035,
             uplift: Mapping | None = None, target: float = 1.0) -> pd.DataFrame:
    r"""Year-by-year gap ratio under P2's four phased scenarios, with growth uplifts per phase.

    .. math:: R_{t+1} = R_t \frac{1 + g_h + u_{\phi(t)}}{1 + g_r}

    where :math:`u_\phi` is the uplift (percentage points / 100) of the phase
    containing year *t*.  Phases are half-open, ``[start, end)`` (P2's phases
    share the boundary years 2027, 2029 and 2032: a boundary year belongs to
    the later phase); years outside every phase have no uplift.  **P2
    quantifies nothing**, so the default uplift is 0 for every phase.

    Parameters
    ----------
    ratio : float
        Home / reference level in `start`.
    growth_home, growth_reference : float
        Baseline annual growth (fractions).
    start, end : int, default 2025, 2035
    uplift : mapping, optional
        Scenario number (1-4) -> uplift in percentage points.
    target : float, default 1.0

    Returns
    -------
    pandas.DataFrame
        ``year, ratio, growth_home, scenario, closed``: ``growth_home`` is the
        growth applied from this year to the next (NaN in `end`), ``scenario``
        the phase number (<NA> outside), ``closed`` whether ratio >= target.

    Examples
    --------
    >>> p = gap_path(56 / 106, 0.056, 0.01, uplift={4: 2.0})
    >>> p[["year", "scenario"]].iloc[[0, 2, 7, 10]].values.tolist()
    [[2025, 1], [2027, 2], [2032, 4], [2035, <NA>]]
    >>> round(float(p["ratio"].iloc[-1]), 3)      # 0.528 (1.056/1.01)^7 (1.076/1.01)^3
    0.872
    """
    gap_years(ratio, growth_home, growth_reference, target=target)          # validates the numbers
    if end <= start:
        raise DataError(f"the start year ({start}) must be before the end year ({end})",
                        key="err_prod_window", start=str(start), end=str(end))
    sc = scenarios()
    years = np.arange(start, end + 1)
    phase = pd.array([pd.NA] * len(years), dtype="Int64")
    for _, r in sc.iterrows():
        phase[(years >= r["start"]) & (years < r["end"])] = int(r["scenario"])
    up = dict(uplift or {})
    g = np.array([growth_home + (up.get(int(p), 0.0) / 100 if p is not pd.NA else 0.0) for p in phase])
    _arr(g, "growth_home + uplift", lo=-1, hi=1, err="err_prod_growth",
         what="growth is a fraction between -1 and 1 (0.056 = 5.6 %)")
    R = np.empty(len(years))
    R[0] = ratio
    for i in range(1, len(years)):
        R[i] = R[i - 1] * (1 + g[i - 1]) / (1 + growth_reference)
    g_applied = g.astype("float64")
    g_applied[-1] = np.nan
    return pd.DataFrame({"year": years, "ratio": R, "growth_home": g_applied, "scenario": phase,
                         "closed": R >= target})


# ============================================================================ BNS panels


def _sum_lump(df: pd.DataFrame, lump: str, members: Iterable[str], keys: list) -> pd.DataFrame:
    """Rows of `lump` = sum of its members (where every member is present), for additive tables."""
    members = tuple(members)
    m = df[df["sector"].isin(members)]
    g = m.groupby([k for k in keys if k != "sector"] + ["year"])
    s = g["value"].agg(["sum", "count"]).reset_index()
    s = s[s["count"] == len(members)].drop(columns="count").rename(columns={"sum": "value"})
    return s.assign(sector=lump)


def _coarse(df: pd.DataFrame, keys: list) -> pd.DataFrame:
    """A section table on :data:`COARSE_SECTORS` (OTHER_SERVICES summed from I, K, M..S where published)."""
    lump, members = "OTHER_SERVICES", LUMPS["OTHER_SERVICES"]
    direct = df[df["sector"] == lump]
    built = _sum_lump(df, lump, members, keys)
    if len(direct):
        built = built.merge(direct[[k for k in keys if k != "sector"] + ["year"]], how="left", indicator=True)
        built = built[built["_merge"] == "left_only"].drop(columns="_merge")
    out = pd.concat([df[df["sector"].isin(COARSE_SECTORS)], built], ignore_index=True)
    return out[[*keys, "year", "value"]]


def bns_sector_panel(*, sectors: str = "coarse", real: bool = True, base_year: int | None = None,
                     deflator: str = "gdp", delta: float = 0.06, initial="growth",
                     growth_years: int = 5) -> pd.DataFrame:
    r"""National panel by OKED section from BNS: GVA, employment, investment, capital stock, productivity.

    One row per sector and year (2010-2025 for GVA and employment):

    * ``gva`` (mln KZT, current prices, table 5927), ``employment``
      (thousand, LFS, table 5831), ``productivity`` = gva / employment
      (thousand KZT per person, :func:`labour_productivity`);
    * ``investment`` in fixed capital (mln KZT, table 5547, from 2003) and
      ``capital``: the perpetual-inventory stock of *nominal* investment from
      2003 (:func:`capital_stock`; it adds up tenge of different years);
    * with ``real=True`` (coarse sectors have volume indices, table 450904):
      ``gva_real`` and ``productivity_real`` in `base_year` prices,
      ``deflator`` (the implicit GDP deflator, or with ``deflator="sector"``
      the sector's own GVA deflator), ``investment_real`` = 100 x investment
      / deflator and ``capital_real`` (perpetual inventory from 2010, the
      first year with a deflator).  BNS ships no investment price index; the
      GDP deflator is the default proxy because a sector's output prices
      (oil for mining) say little about the prices of its capital goods;
    * ``log_investment`` = ln(investment_real) (ln(investment) when not real),
      for :func:`investment_effect`.

    **Sectors.** ``"coarse"`` (:data:`COARSE_SECTORS`): GVA is published for
    I, K and M-S only as one "other services" line in 2010-2013, so these are
    summed into ``OTHER_SERVICES`` in every year (employment and investment
    too); comparable over 2010-2025.  ``"fine"``: sections A-S, 2014-2025,
    real values only for the sections with a volume index.  Section T (2025
    GVA only, no employment) is left out.

    Parameters
    ----------
    sectors : {"coarse", "fine"}, default "coarse"
    real : bool, default True
    base_year : int, optional
        Price year of the real series; default 2025.
    deflator : {"gdp", "sector"}, default "gdp"
    delta : float, default 0.06
        Depreciation rate of the capital stock.
    initial : "growth" or float, default "growth"
        Initial-stock rule of :func:`capital_stock`.
    growth_years : int, default 5

    Returns
    -------
    pandas.DataFrame
        ``sector, year, gva, employment, productivity, investment, capital,
        [gva_real, productivity_real, deflator, investment_real,
        capital_real], log_investment, lumped, preliminary``; flags:
        ``lumped`` (the row sums sections published separately only in some
        years), ``preliminary`` (2025).  ``attrs``: ``breaks`` (i18n keys of
        every series break), ``base_year``, ``delta``, ``units``,
        ``warnings`` (from the capital stock).

    Raises
    ------
    DataError
        ``err_prod_option`` (sectors, deflator), ``err_prod_year`` (base year),
        ``err_prod_delta``.

    References
    ----------
    .. [1] BNS dynamic tables 5927, 450904, 5831, 5547 (``kzclusters.data.load``: ``grp_gva``,
       ``gva_volume_index``, ``employment_by_section``, ``investment_by_section``).

    Examples
    --------
    >>> p = bns_sector_panel()
    >>> p["sector"].nunique(), int(p["year"].min()), int(p["year"].max())
    (11, 2010, 2025)
    >>> sorted(p.attrs["breaks"])[:2]
    ['prod_break_capital_nominal', 'prod_break_deflator_proxy']
    >>> row = p.query("sector == 'C' and year == 2025").iloc[0]
    >>> bool(np.isclose(row["gva_real"], row["gva"])), round(row["productivity"])
    (True, 33079)
    """
    _option(sectors, ("coarse", "fine"), "sectors")
    _option(deflator, ("gdp", "sector"), "deflator")
    grp = _data.load("grp_gva")
    kz = grp[grp["region"] == _NATIONAL][["sector", "year", "value"]]
    emp = _data.load("employment_by_section")
    emp = emp[emp["region"] == _NATIONAL][["sector", "year", "value"]]
    inv = _data.load("investment_by_section")
    inv = inv[inv["region"] == _NATIONAL][["sector", "year", "value"]]
    vol = _data.load("gva_volume_index")
    vol = vol[vol["region"] == _NATIONAL][["sector", "year", "value"]]
    keys = ["sector"]
    breaks = ["prod_break_t_2025", "prod_break_preliminary_2025", "prod_break_capital_nominal"]
    if sectors == "coarse":
        kz_s, emp_s, inv_s = _coarse(kz, keys), _coarse(emp, keys), _coarse(inv, keys)
        breaks.insert(0, "prod_break_services_lumped")
    else:
        kz_s = kz[kz["sector"].isin(FINE_SECTORS) & (kz["year"] >= 2014)]
        emp_s = emp[emp["sector"].isin(FINE_SECTORS) & (emp["year"] >= 2014)]
        inv_s = inv[inv["sector"].isin(FINE_SECTORS)]
        breaks.insert(0, "prod_break_fine_from_2014")
    lp = labour_productivity(kz_s, emp_s)
    out = lp[["sector", "year", "gva", "employment", "value"]].rename(columns={"value": "productivity"})
    k_nom = capital_stock(inv_s, delta, initial=initial, growth_years=growth_years)
    out = out.merge(inv_s.rename(columns={"value": "investment"}), on=["sector", "year"], how="left")
    out = out.merge(k_nom[["sector", "year", "value"]].rename(columns={"value": "capital"}),
                    on=["sector", "year"], how="left")
    warns = list(k_nom.attrs["warnings"])
    units = {"gva": "million KZT, current prices", "employment": "thousand persons",
             "productivity": _UNIT_NOMINAL, "investment": "million KZT, current prices",
             "capital": "million KZT, sum of current-price investment (nominal)"}
    by = base_year
    if real:
        vol_s = vol[vol["sector"].isin(out["sector"].unique())]
        lr = labour_productivity(kz_s, emp_s, real=True, volume=vol_s, base_year=base_year)
        by = lr.attrs["base_year"]
        out = out.merge(lr[["sector", "year", "gva", "value"]].rename(
            columns={"gva": "gva_real", "value": "productivity_real"}), on=["sector", "year"], how="left")
        if deflator == "sector":
            dfl = implicit_deflator(kz_s, vol_s, base_year=by)
        else:
            gdp = implicit_deflator(kz[kz["sector"] == "GDP"], vol[vol["sector"] == "GDP"], base_year=by)
            dfl = pd.concat([gdp.assign(sector=s) for s in out["sector"].unique()], ignore_index=True)
        out = out.merge(dfl.rename(columns={"value": "deflator"}), on=["sector", "year"], how="left")
        out["investment_real"] = 100 * out["investment"] / out["deflator"]
        inv_r = out[["sector", "year", "investment_real"]].dropna() \
            .rename(columns={"investment_real": "value"})
        k_real = capital_stock(inv_r, delta, initial=initial, growth_years=growth_years)
        warns += list(k_real.attrs["warnings"])
        out = out.merge(k_real[["sector", "year", "value"]].rename(columns={"value": "capital_real"}),
                        on=["sector", "year"], how="left")
        out["log_investment"] = np.log(out["investment_real"].where(out["investment_real"] > 0))
        breaks += ["prod_break_deflator_proxy", "prod_break_real_from_2010", "prod_note_chain_nonadditive"]
        units.update(gva_real=f"million KZT, constant {by} prices (chain-linked)",
                     productivity_real=f"thousand KZT per employed person, constant {by} prices",
                     deflator=f"index, {by} = 100", investment_real=f"million KZT, constant {by} prices",
                     capital_real=f"million KZT, constant {by} prices")
        if sectors == "fine" and out["gva_real"].isna().any():
            breaks.append("prod_break_real_missing")
    else:
        out["log_investment"] = np.log(out["investment"].where(out["investment"] > 0))
    out["lumped"] = out["sector"].isin(list(LUMPS))
    out["preliminary"] = out["year"] == 2025
    out = out.sort_values(["sector", "year"], kind="stable").reset_index(drop=True)
    out.attrs = {"breaks": tuple(breaks), "base_year": by if real else None, "delta": float(delta),
                 "sectors": sectors, "units": units, "warnings": _plain(warns), "real": bool(real)}
    return out


def bns_region_panel(frame: str = "17", *, real: bool = False, base_year: int | None = None) -> pd.DataFrame:
    r"""Regional panel from BNS: GRP and GVA per employed person by region and year, on one map.

    Levels are put on the map `frame` with :func:`kzclusters.data.harmonise`
    (``"17"``: the 2018 map, Abai, Zhetisu and Ulytau folded into East
    Kazakhstan, Almaty Region and Karaganda; ``"16"``: also Shymkent +
    Turkistan = South Kazakhstan; ``"20"``: the 2022 map, no folding) and
    then divided:

    * ``grp`` (GRP, mln KZT), ``gva`` (sum of the sections), ``employment``
      (LFS, thousand), ``investment`` (mln KZT);
    * ``grp_per_employed`` and ``gva_per_employed`` (thousand KZT per person,
      current prices);
    * with ``real=True``: ``grp_real`` (chain-linked GRP in `base_year`
      prices from the GRP volume indices, table 5926; for a folded territory
      the indices of its parts are combined with previous-year nominal
      weights; where a part has no index, as Ulytau in 2021, the index BNS
      publishes for the territory's own code is used, ``volume_source`` =
      ``"bns_partial"``) and ``grp_per_employed_real``.

    Flags: ``employment_missing`` (BNS has no regional employment for 2015),
    ``split_missing`` (2010: GRP only for South Kazakhstan, employment only
    for Shymkent and Turkistan, so neither has productivity on the 2018 and
    2022 maps), ``folded`` (the row includes regions created in 2022),
    ``preliminary`` (2025).  The national row ``KZ`` is kept (convergence
    leaves it out).

    Parameters
    ----------
    frame : {"20", "17", "16"}, default "17"
    real : bool, default False
    base_year : int, optional
        Default 2025.

    Returns
    -------
    pandas.DataFrame
        ``region, year, grp, gva, employment, investment, grp_per_employed,
        gva_per_employed, [grp_real, grp_per_employed_real, volume_source],
        employment_missing, split_missing, folded, preliminary``.
        ``attrs``: ``frame``, ``breaks``, ``units``, ``base_year``.

    Raises
    ------
    DataError
        ``err_prod_option`` (frame), ``err_prod_year`` (base year).

    References
    ----------
    .. [1] BNS dynamic tables 5927 (GRP by region and section), 5926 (GRP volume index), 102798 (employed by
       region), 5546 (investment by region).

    Examples
    --------
    >>> r = bns_region_panel("17")
    >>> r.query("region != 'KZ' and year == 2024")["region"].nunique()
    17
    >>> bool(r.query("year == 2015")["grp_per_employed"].isna().all())
    True
    >>> sorted(r.attrs["breaks"])[:2]
    ['prod_break_employment_2015', 'prod_break_preliminary_2025']
    """
    _option(frame, ("20", "17", "16"), "frame")
    grp = _data.load("grp_gva")
    raw_gdp = grp[grp["sector"] == "GDP"]
    gdp = _data.harmonise(raw_gdp, frame)
    sec = grp[~grp["sector"].isin(AGGREGATE_CODES)]
    gva = _data.harmonise(sec.assign(sector="TOTAL").groupby(["region", "sector", "year"], as_index=False)
                          ["value"].sum(), frame)
    emp = _data.harmonise(_data.load("employment"), frame)
    inv = _data.harmonise(_data.load("investment"), frame)

    def col(df, name):
        return df[["region", "year", "value"]].rename(columns={"value": name})

    keys = ["region", "year"]
    out = col(gdp, "grp").merge(col(gva, "gva"), on=keys, how="outer") \
        .merge(col(emp, "employment"), on=keys, how="outer") \
        .merge(col(inv, "investment"), on=keys, how="left")
    out = out[out["year"] >= 2010]
    out["grp_per_employed"] = out["grp"] / out["employment"]
    out["gva_per_employed"] = out["gva"] / out["employment"]
    units = {"grp": "million KZT, current prices", "gva": "million KZT, current prices",
             "employment": "thousand persons", "investment": "million KZT, current prices",
             "grp_per_employed": _UNIT_NOMINAL, "gva_per_employed": _UNIT_NOMINAL}
    breaks = ["prod_break_employment_2015", "prod_break_split_2010", "prod_break_preliminary_2025"]
    if frame != "20":
        breaks.append("prod_break_regions_2022")
    by = None
    if real:
        from .ict import _volume

        vol = _data.load("grp_volume_index")
        vi = _volume(raw_gdp[["region", "year", "value"]], vol[["region", "year", "value"]], frame)
        vi = vi.rename(columns={"volume_index": "value"})
        # a part without an index (Ulytau 2021): fall back on the index BNS publishes for the territory's code
        own = vol.set_index(["region", "year"])["value"]
        own = own[own > 0]
        gap = vi["value"].isna() & pd.MultiIndex.from_frame(vi[["region", "year"]]).isin(own.index)
        at = pd.MultiIndex.from_frame(vi.loc[gap, ["region", "year"]])
        vi.loc[gap, "value"] = own.reindex(at).to_numpy()
        vi.loc[gap, "volume_source"] = "bns_partial"
        nom = gdp[["region", "year", "value"]]
        years = _years_of(nom)
        by = years[-1] if base_year is None else _check_year(base_year, years, "base year")
        real_g = _real_levels(nom, vi[["region", "year", "value"]].dropna(), ["region"], by)
        out = out.merge(real_g.rename(columns={"value": "grp_real"}), on=keys, how="left")
        out = out.merge(vi[["region", "year", "volume_source"]], on=keys, how="left")
        out["grp_per_employed_real"] = out["grp_real"] / out["employment"]
        units.update(grp_real=f"million KZT, constant {by} prices (chain-linked)",
                     grp_per_employed_real=f"thousand KZT per employed person, constant {by} prices")
        breaks.append("prod_break_volume_fold")
    from .registry import fold_map

    fm = fold_map(frame)
    parents = set(fm.values())
    children = grp[grp["region"].isin(list(fm))].groupby("year").size()
    out["employment_missing"] = out["employment"].isna()
    out["split_missing"] = (out["year"] == 2010) & out["region"].isin(["SHM", "TRK", "YKO"]) & \
        out["grp_per_employed"].isna()
    out["folded"] = out["region"].isin(parents) & out["year"].isin(children.index)
    out["preliminary"] = out["year"] == 2025
    out = out.sort_values(keys, kind="stable").reset_index(drop=True)
    out.attrs = {"frame": frame, "breaks": tuple(breaks), "units": units, "base_year": by}
    return out


# ============================================================================ reference values


_P1_LINES = {"seed004_prod_p1_cobb_douglas": "in-text, lines 3219-3221",
             "seed004_prod_p1_long_run": "in-text, lines 3231-3267",
             "seed004_prod_p1_ecm": "in-text, lines 3275-3290",
             "seed004_prod_p1_t1_investment_tfp": "Table 1, lines 3296-3342"}


def reference_values() -> pd.DataFrame:
    r"""The papers' published estimates exactly as transcribed, with paper and table cited per row.

    Rows, from the shipped paper tables (``data/paper/``):

    * P1 (Serikkyzy et al.): Cobb-Douglas elasticities and :math:`R^2`
      (``seed004_prod_p1_cobb_douglas``); the long run :math:`\ln TFP = c +
      \beta \ln I` (``..._p1_long_run``: manufacturing -0.123, mining 0.0688,
      ...); the ECM (``..._p1_ecm``: adjustment speeds ``gamma`` -0.70 ...
      +0.016, short-run ``delta1``: trade +0.198, construction -0.31); its
      Table 1 (rounded, with significance stars);
    * P2 (Idrisov & Darinov): productivity per employed, $27,200 vs $86,700
      (bullets) and ~$56k vs ~$106k (Table 1), Germany ~$106-110k (Table 3),
      manufacturing 17.8 mln KZT per person (2024), growth 5.6 % (2025);
    * P3 (Radosevic): structural change -0.64 pp/yr in Central Asia
      (1995-2018), East Asia 0.9 to 1.4, CEE 0.31 (citing Hamilton & de
      Vries 2025 and McMillan et al. 2014).

    ``value`` is the number, ``qualifier`` the printed sign (≈, ~, <, >),
    ``value_printed`` the cell as printed; ``stars`` (Table 1 only) 0-3.

    Returns
    -------
    pandas.DataFrame
        ``paper, citation, table, dataset, sector, measure, area, value,
        qualifier, value_printed, stars, unit``.

    Examples
    --------
    >>> r = reference_values()
    >>> lr = r.query("dataset == 'seed004_prod_p1_long_run' and measure == 'beta'")
    >>> dict(zip(lr["sector"], lr["value"]))
    {'A': 0.0094, 'F': 0.0105, 'C': -0.123, 'B': 0.0688, 'G': 0.075}
    >>> r.query("paper == 'P3' and area == 'central_asia'")[["value", "unit"]].values.tolist()
    [[-0.64, 'pp/yr']]
    """
    cat = _data.catalog().set_index("name")
    parts = []

    def add(name, paper, table, unit, **cols):
        df = _data.load(name)
        df = df.assign(paper=paper, citation=cat.loc[name, "publisher"], table=table, dataset=name, unit=unit,
                       **cols)
        parts.append(df)

    for name, unit in (("seed004_prod_p1_cobb_douglas", "elasticity; R²"),
                       ("seed004_prod_p1_long_run", "elasticity; p-value; R²"),
                       ("seed004_prod_p1_ecm", "coefficient (per quarter); p-value"),
                       ("seed004_prod_p1_t1_investment_tfp", "coefficient")):
        add(name, "P1", _P1_LINES[name], unit)
    b = _data.load("seed004_prod_p2_bullets")
    keep = ["productivity_per_employed_usd", "manufacturing_productivity_mln_kzt", "productivity_growth_2025",
            "high_tech_industry_share"]
    b = b[b["item"].isin(keep)]
    parts.append(b.rename(columns={"item": "measure"}).assign(
        paper="P2", citation=cat.loc["seed004_prod_p2_bullets", "publisher"],
        table="in-text bullets, lines 3556-3586", dataset="seed004_prod_p2_bullets"))
    for name, table in (("seed004_prod_p2_t1_eu_gap", "Table 1"),
                        ("seed004_prod_p2_t3_germany_eu", "Table 3")):
        t = _data.load(name).rename(columns={"item": "measure"})
        parts.append(t.assign(paper="P2", citation=cat.loc[name, "publisher"], table=table, dataset=name))
    sc = _data.load("seed004_coop_p3_structural_change")
    sc = sc[sc["indicator"] == "structural_change_contribution"]
    sc = sc.assign(measure=sc["indicator"] + "_" + sc["measure"], area=sc["geo"], period=sc["period"])
    parts.append(sc.assign(paper="P3", citation=cat.loc["seed004_coop_p3_structural_change", "publisher"],
                           table=f"in-text ({'; '.join(sc['item'].unique())}), citing Hamilton & de Vries "
                                 "(2025) and McMillan et al. (2014)",
                           dataset="seed004_coop_p3_structural_change"))
    out = pd.concat(parts, ignore_index=True)
    for c in ("sector", "area", "qualifier", "value_printed"):
        if c not in out:
            out[c] = ""
        out[c] = out[c].fillna("").astype(str)
    out["stars"] = pd.array(out["stars"] if "stars" in out else [pd.NA] * len(out), dtype="Int64")
    out["unit"] = out["unit"].fillna("").astype(str)
    return out[["paper", "citation", "table", "dataset", "sector", "measure", "area", "value", "qualifier",
                "value_printed", "stars", "unit"]]


def gap_reference() -> pd.DataFrame:
    r"""P2's productivity gap with the EU on its two (inconsistent) bases, and Germany.

    * ``bullets``: Kazakhstan $27,200 vs EU $86,700 per employed (ratio
      0.314, the EU 3.19 times higher: "3 times" in the text);
    * ``table1``: ~$56,000 vs ~$106,000 (Table 1, 2025; ratio 0.528,
      "half as high");
    * ``germany_low`` / ``germany_high``: Table 1's Kazakhstan against
      Germany's ~$106-110k (Table 3).

    The two EU figures contradict each other (86.7 vs 106); the basis
    (nominal or PPP) is not stated.  Show both.

    Returns
    -------
    pandas.DataFrame
        ``basis, home, reference, unit, ratio, reference_over_home, table,
        value_printed_home, value_printed_reference``; ``ratio`` = home /
        reference (the input of :func:`gap_years`), DERIVED.

    Examples
    --------
    >>> g = gap_reference()
    >>> g[["basis", "home", "reference"]].values.tolist()[:2]
    [['bullets', 27200.0, 86700.0], ['table1', 56000.0, 106000.0]]
    >>> g["ratio"].round(3).tolist()
    [0.314, 0.528, 0.528, 0.509]
    """
    b = _data.load("seed004_prod_p2_bullets").set_index(["item", "area"])
    t1 = _data.load("seed004_prod_p2_t1_eu_gap").set_index(["item", "area"])
    t3 = _data.load("seed004_prod_p2_t3_germany_eu").set_index(["item", "area"])
    kz_b = b.loc[("productivity_per_employed_usd", "KZ")]
    eu_b = b.loc[("productivity_per_employed_usd", "EU")]
    kz_t, eu_t = t1.loc[("avg_productivity", "KZ")], t1.loc[("avg_productivity", "EU")]
    rows = [("bullets", kz_b["value"], eu_b["value"], "in-text bullets", kz_b["value_printed"],
             eu_b["value_printed"]),
            ("table1", 1000 * kz_t["value"], 1000 * eu_t["value"], "Table 1", kz_t["value_printed"],
             eu_t["value_printed"])]
    for lvl in ("min", "max"):
        de = t3.loc[(f"avg_productivity_{lvl}", "DE")]
        rows.append((f"germany_{'low' if lvl == 'min' else 'high'}", 1000 * kz_t["value"], 1000 * de["value"],
                     "Table 1 (Kazakhstan), Table 3 (Germany)", kz_t["value_printed"], de["value_printed"]))
    out = pd.DataFrame(rows, columns=["basis", "home", "reference", "table", "value_printed_home",
                                      "value_printed_reference"])
    out["home"] = out["home"].astype("float64")
    out["reference"] = out["reference"].astype("float64")
    out["unit"] = "USD per employed person per year (basis not stated)"
    out["ratio"] = out["home"] / out["reference"]
    out["reference_over_home"] = out["reference"] / out["home"]
    return out[["basis", "home", "reference", "unit", "ratio", "reference_over_home", "table",
                "value_printed_home", "value_printed_reference"]]


def maturity_map() -> pd.DataFrame:
    r"""P2 Table 4: the sector maturity map (12 OKED rows), with codes and the text's conflicting phases.

    Returns
    -------
    pandas.DataFrame
        ``oked`` (as printed), ``sector`` (registry code: ``10-11`` for the
        printed "10–11"; ``26.6`` is a class, not in the registry, kept as
        printed), ``phase`` (a code of :data:`PHASES`), ``text_phase`` (the
        phase the text's bottleneck list gives where it differs: chemicals
        and electronics "fragmented"; else empty), and the printed
        ``sector_ru, sector_en, phase_ru, phase_en, barriers_ru, barriers_en,
        consolidation_scenario_ru, consolidation_scenario_en``.

    Examples
    --------
    >>> m = maturity_map()
    >>> len(m), m["phase"].value_counts().to_dict()
    (12, {'fragmented': 4, 'inertial': 3, 'latent': 3, 'mature_raw': 1, 'mixed': 1})
    >>> m.loc[m["text_phase"] != "", "sector"].tolist()
    ['26', '20']
    """
    m = _data.load("seed004_prod_p2_t4_maturity_map")
    codes = {v: k for k, v in PHASES.items()}
    out = m.copy()
    out.insert(1, "sector", m["oked"].str.replace("\u2013", "-", regex=False))
    out.insert(2, "phase", m["phase_en"].map(codes))
    out.insert(3, "text_phase", np.where(m["oked"].isin(["20", "26"]), "fragmented", ""))
    return out


def scenarios() -> pd.DataFrame:
    r"""P2's four phased scenarios for closing the gap, 2025-2035 (years only: P2 quantifies nothing).

    Returns
    -------
    pandas.DataFrame
        ``scenario, start, end, name_ru, name_en, goal_en, mechanisms_en,
        expected_effect_en`` (years from the tidy table; phases share their
        boundary years 2027, 2029, 2032; :func:`gap_path` treats them as
        half-open).

    Examples
    --------
    >>> scenarios()[["scenario", "start", "end"]].values.tolist()
    [[1, 2025, 2027], [2, 2027, 2029], [3, 2029, 2032], [4, 2032, 2035]]
    """
    t = _data.load("seed004_prod_p2_scenarios")
    w = t.pivot(index="scenario", columns="measure", values="value")
    out = pd.DataFrame({"scenario": w.index.astype(int), "start": w["start_year"].astype(int).to_numpy(),
                        "end": w["end_year"].astype(int).to_numpy()})
    from .registry import data_dir

    raw = _data.read_as_printed(data_dir() / "raw" / "paper" / "seed004_prod_p2_scenarios.csv")
    raw = raw.assign(scenario=raw["id"].astype(int)).rename(columns={"scenario_ru": "name_ru",
                                                                      "scenario_en": "name_en"})
    out = out.merge(raw[["scenario", "name_ru", "name_en", "goal_en", "mechanisms_en", "expected_effect_en"]],
                    on="scenario", how="left")
    return out.sort_values("scenario").reset_index(drop=True)


# ----------------------------------------------------------------------------- synthetic check of the ECM

#: Parameters of the synthetic check: trade-like values of P1 Table 1 (long-run 0.075, adjustment -0.20,
#: short-run 0.198).  SYNTHETIC: they only set up a series whose truth is known.
SYNTHETIC_TRUTH = MappingProxyType({"beta": 0.075, "speed": -0.20, "delta1": 0.198})


def synthetic_ecm_panel(n: int, *, beta: float = 0.075, speed: float = -0.20, delta1: float = 0.198,
                        sd_x: float = 0.1, sd_e: float = 0.02, seed: int = 0) -> pd.DataFrame:
    r"""A SYNTHETIC series that follows an error-correction model with known parameters (seeded).

    .. math:: x_t = x_{t-1} + \varepsilon_t, \quad
              y_t = y_{t-1} + \lambda\,(y_{t-1} - \beta x_{t-1}) + \delta_1 \Delta x_t + e_t

    with :math:`\varepsilon \sim N(0, \sigma_x^2)`, :math:`e \sim N(0, \sigma_e^2)`, :math:`y_0 = 0`.
    It teaches the estimator only: the workbook labels it "synthetic" wherever it appears.

    Parameters
    ----------
    n : int
        Number of periods (>= 5).
    beta, speed, delta1 : float
        Long-run effect, adjustment speed :math:`\lambda` and short-run effect.
    sd_x, sd_e : float
        Standard deviations of the investment shocks and of the TFP noise.
    seed : int
        Seed of :func:`numpy.random.default_rng`.

    Returns
    -------
    pandas.DataFrame
        ``year`` (0..n-1), ``log_investment``, ``log_tfp``; ``attrs["synthetic"]`` is True.

    Raises
    ------
    DataError
        For n < 5 or negative standard deviations.

    Examples
    --------
    >>> p = synthetic_ecm_panel(40, seed=1)
    >>> p.shape, p.attrs["synthetic"]
    ((40, 3), True)
    >>> bool(np.allclose(p, synthetic_ecm_panel(40, seed=1)))      # the same seed, the same series
    True
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 5:
        raise DataError(f"the synthetic series needs at least 5 periods, got {n!r}", key="err_prod_synthetic_n",
                        value=n)
    if sd_x < 0 or sd_e < 0:
        raise DataError("standard deviations must be >= 0", key="err_prod_option", name="sd_x, sd_e",
                        value=f"{sd_x}, {sd_e}", options=">= 0")
    rng = np.random.default_rng(seed)
    x = np.cumsum(rng.normal(0.0, sd_x, n))
    e = rng.normal(0.0, sd_e, n)
    y = np.zeros(n)
    for t in range(1, n):
        y[t] = y[t - 1] + speed * (y[t - 1] - beta * x[t - 1]) + delta1 * (x[t] - x[t - 1]) + e[t]
    out = pd.DataFrame({"year": np.arange(n), "log_investment": x, "log_tfp": y})
    out.attrs["synthetic"] = True
    return out


def ecm_recovery(n: int, *, reps: int = 200, seed: int = 0, **truth) -> pd.DataFrame:
    r"""How well the Engle-Granger ECM recovers known parameters from `n` periods (SYNTHETIC Monte Carlo).

    Runs :func:`investment_effect` on `reps` seeded :func:`synthetic_ecm_panel` series and summarises the
    estimates of :math:`\beta`, :math:`\lambda` and :math:`\delta_1` against the truth.

    Parameters
    ----------
    n : int
        Periods per series (16: BNS annual 2010-2025; about 60: the paper's quarters).
    reps : int, default 200
        Replications (seeds ``seed .. seed + reps - 1``).
    seed : int, default 0
    **truth
        Parameters of :func:`synthetic_ecm_panel` (default :data:`SYNTHETIC_TRUTH`).

    Returns
    -------
    pandas.DataFrame
        ``parameter, true, median, p05, p95, bias`` (median - true), one row per parameter;
        ``attrs["synthetic"]`` is True.

    Examples
    --------
    >>> r = ecm_recovery(400, reps=20).set_index("parameter")
    >>> bool(abs(r.loc["beta", "median"] - 0.075) < 0.03), r.attrs["synthetic"]
    (True, True)
    """
    params = {**SYNTHETIC_TRUTH, **truth}
    rows = []
    for i in range(int(reps)):
        p = synthetic_ecm_panel(n, seed=seed + i, **params)
        s = investment_effect(p, lags=1, robust=False).summary.iloc[0]
        rows.append([s["beta"], s["speed"], s["delta1"]])
    est = np.asarray(rows, dtype="float64")
    out = pd.DataFrame({"parameter": ["beta", "speed", "delta1"],
                        "true": [params["beta"], params["speed"], params["delta1"]],
                        "median": np.nanmedian(est, axis=0), "p05": np.nanpercentile(est, 5, axis=0),
                        "p95": np.nanpercentile(est, 95, axis=0)})
    out["bias"] = out["median"] - out["true"]
    out.attrs["synthetic"] = True
    return out
