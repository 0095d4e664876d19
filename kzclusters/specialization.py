"""Specialisation and concentration indicators: location quotient, Krugman, Hoover, Herfindahl, Gini.

Pure functions on the canonical long table ``region, sector, year, value``
(extra key columns such as ``year`` are carried through: every formula is
applied within each combination of them).  Each returns a new long frame with
one named result column; where a denominator is zero the result is NaN (never
an exception).  Rows of the national total (region ``"KZ"``) are not treated as
a region: by default the national figures are the sum over the regions in the
table.

Conventions follow EconGeo (Balland) where it sets one: binary specialisation
is ``LQ >= 1``; the Krugman index is **not** halved (range 0..2) and its half is
the Hoover coefficient of specialisation; the locational Gini is halved
(maximum 0.5).

References
----------
.. [1] Seed 000: "Assessment of the potential of the clustering system of regional economies", Bulletin of
   L.N. Gumilyov ENU, Economic series, 1-2020 (LQ, Table 2).
.. [2] Balland, P.-A., EconGeo: Computing Key Indicators of the Spatial Distribution of Economic Activities,
   R package 2.0 (2023).
.. [3] Delgado, M., Porter, M. E., Stern, S. (2016), Defining clusters of related industries, Journal of
   Economic Geography 16(1); US Cluster Mapping Project, strong-cluster rule.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ._errors import DataError

__all__ = ["location_quotient", "binary_specialisation", "lq_dynamics", "krugman_index", "herfindahl",
           "locational_gini", "regional_share", "strong_clusters", "portfolio", "implied_national_share",
           "SECTIONS", "INDUSTRY"]

#: OKED sections whose sum is gross value added (BNS publishes I, K, M-S only as OTHER_SERVICES until 2013).
SECTIONS: tuple[str, ...] = (*"ABCDEFGHIJKLMNOPQRST", "OTHER_SERVICES")
#: Industry (BNS "промышленность") = mining, manufacturing, energy, water.
INDUSTRY: tuple[str, ...] = ("B", "C", "D", "E")

NATIONAL = "KZ"


def _keys(df: pd.DataFrame, value: str) -> list[str]:
    """Key columns other than region and sector (e.g. ``year``)."""
    return [c for c in df.columns if c not in ("region", "sector", value)]


def _div(num, den):
    num = np.asarray(num, dtype="float64")
    den = np.asarray(den, dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den != 0, num / np.where(den != 0, den, 1.0), np.nan)


def _regions_only(df: pd.DataFrame, value: str, base) -> pd.DataFrame:
    if not {"region", "sector", value} <= set(df.columns):
        raise DataError(f"the table needs the columns region, sector and {value}")
    d = df[df["region"] != NATIONAL]
    if base is not None:
        d = d[d["sector"].isin(list(base))]
    return d


def location_quotient(df: pd.DataFrame, *, reference=None, base: Iterable[str] | None = None,
                      value: str = "value") -> pd.DataFrame:
    r"""Location quotient of each sector in each region (and year).

    .. math:: LQ_{ri} = \frac{x_{ri} / X_r}{x_{Ni} / X_N}

    where :math:`x_{ri}` is the size (value added, output, employment) of
    sector *i* in region *r*, :math:`X_r = \sum_i x_{ri}` over the base sectors,
    and *N* is the nation.  ``LQ > 1`` means the region is more specialised in
    the sector than the country (seed 000, formula of Table 2).

    Parameters
    ----------
    df : pandas.DataFrame
        Long table ``region, sector, [year, ...], value`` of additive sizes.
        Rows of the national total (region ``"KZ"``) are ignored unless
        ``reference="KZ"``.
    reference : None, "KZ" or pandas.DataFrame, optional
        The national figures.  None (default): the sum over the regions in
        `df`.  ``"KZ"``: the table's own national rows.  A DataFrame: columns
        ``sector, [year, ...], value`` (e.g. the BNS national row).
    base : iterable of str, optional
        Sectors that make up the totals :math:`X_r` and :math:`X_N` (and for
        which LQ is returned): e.g. :data:`SECTIONS` for the whole economy,
        :data:`INDUSTRY`, or the manufacturing divisions; US Cluster Mapping
        uses the "traded" sectors.  Default: every sector in `df` (they must
        not overlap, e.g. no ``IND`` next to ``B``-``E``).
    value : str, default "value"
        The size column.

    Returns
    -------
    pandas.DataFrame
        ``region, sector, [year, ...], lq``: a new frame; NaN where a regional
        or national total, or the national size of the sector, is zero.

    Raises
    ------
    DataError
        If a column is missing.

    See Also
    --------
    binary_specialisation : LQ >= 1.

    Examples
    --------
    Hand-worked: total 100, region A 40, sector x 40, A in x 30, so
    LQ_Ax = (30/40) / (40/100) = 1.875.

    >>> toy = pd.DataFrame({"region": ["A", "A", "B", "B"], "sector": ["x", "y", "x", "y"],
    ...                     "year": 2020, "value": [30, 10, 10, 50]})
    >>> location_quotient(toy)["lq"].round(3).tolist()
    [1.875, 0.417, 0.417, 1.389]
    """
    d = _regions_only(df, value, base)
    keys = _keys(d, value)
    reg_tot = d.groupby(["region", *keys], sort=False)[value].transform("sum")
    if reference is None:
        nat = d.groupby(["sector", *keys], sort=False)[value].sum().rename("_nat").reset_index()
    else:
        ref = df[df["region"] == NATIONAL] if isinstance(reference, str) and reference == NATIONAL else reference
        if not isinstance(ref, pd.DataFrame):
            raise DataError('reference must be None, "KZ" or a DataFrame with sector, year and value')
        if base is not None:
            ref = ref[ref["sector"].isin(list(base))]
        nat = ref.groupby(["sector", *keys], sort=False)[value].sum().rename("_nat").reset_index()
    nat["_nat_tot"] = nat.groupby(keys, sort=False)["_nat"].transform("sum") if keys else nat["_nat"].sum()
    out = d.assign(_reg_tot=reg_tot.to_numpy()).merge(nat, on=["sector", *keys], how="left")
    out["lq"] = _div(_div(out[value], out["_reg_tot"]), _div(out["_nat"], out["_nat_tot"]))
    return out[["region", "sector", *keys, "lq"]].reset_index(drop=True)


def binary_specialisation(lq: pd.DataFrame, threshold: float = 1.0) -> pd.DataFrame:
    """Flag specialisation: ``LQ >= threshold`` (EconGeo and ecomplexity use >= 1; NaN is not specialised).

    Parameters
    ----------
    lq : pandas.DataFrame
        Output of :func:`location_quotient`.
    threshold : float, default 1.0

    Returns
    -------
    pandas.DataFrame
        The input's keys plus ``specialised`` (bool).

    Examples
    --------
    >>> binary_specialisation(pd.DataFrame({"region": ["A", "A", "A"], "sector": ["x", "y", "z"],
    ...                                     "lq": [1.0, 0.99, np.nan]}))["specialised"].tolist()
    [True, False, False]
    """
    keys = [c for c in lq.columns if c != "lq"]
    return lq[keys].assign(specialised=(lq["lq"] >= threshold).to_numpy())


def lq_dynamics(lq: pd.DataFrame, *, base_year: int | None = None, end_year: int | None = None,
                min_change: float = 0.0) -> pd.DataFrame:
    r"""Change of LQ since a base year and its trend, with a "rising" flag (seed 000's priority rule).

    .. math:: \Delta LQ = LQ_{t_1} - LQ_{t_0}, \qquad
              b = \frac{\sum_t (t-\bar t)(LQ_t - \overline{LQ})}{\sum_t (t-\bar t)^2}

    ``rising`` is ``ΔLQ > min_change`` and ``b > 0`` (the OLS slope per year over
    the years from `base_year` to `end_year` with data).

    Parameters
    ----------
    lq : pandas.DataFrame
        ``region, sector, year, lq`` (from :func:`location_quotient`).
    base_year, end_year : int, optional
        Window; the first and last year in `lq` by default.
    min_change : float, default 0.0
        Smallest ΔLQ that counts as rising.

    Returns
    -------
    pandas.DataFrame
        ``region, sector, lq_base, lq_end, d_lq, slope, n_years, rising``; NaN
        ΔLQ where either end is missing.

    Examples
    --------
    >>> lq = pd.DataFrame({"region": "A", "sector": "x", "year": [2016, 2017, 2018], "lq": [1.0, 1.2, 1.1]})
    >>> lq_dynamics(lq)[["d_lq", "slope", "rising"]].round(3).values.tolist()
    [[0.1, 0.05, True]]
    """
    years = lq["year"]
    t0 = int(years.min()) if base_year is None else int(base_year)
    t1 = int(years.max()) if end_year is None else int(end_year)
    w = lq[(years >= t0) & (years <= t1)].dropna(subset=["lq"])
    g = w.groupby(["region", "sector"], sort=False)
    t_mean = g["year"].transform("mean")
    lq_mean = g["lq"].transform("mean")
    w = w.assign(_cov=(w["year"] - t_mean) * (w["lq"] - lq_mean), _var=(w["year"] - t_mean) ** 2)
    agg = w.groupby(["region", "sector"], sort=False).agg(_cov=("_cov", "sum"), _var=("_var", "sum"),
                                                           n_years=("lq", "size")).reset_index()
    agg["slope"] = _div(agg["_cov"], agg["_var"])
    base = lq[lq["year"] == t0].set_index(["region", "sector"])["lq"].rename("lq_base")
    end = lq[lq["year"] == t1].set_index(["region", "sector"])["lq"].rename("lq_end")
    pairs = lq[["region", "sector"]].drop_duplicates()
    agg = pairs.merge(agg, on=["region", "sector"], how="left")   # keep series with no LQ in the window
    agg["n_years"] = agg["n_years"].fillna(0).astype("int64")
    out = agg.drop(columns=["_cov", "_var"]).join(base, on=["region", "sector"]).join(end, on=["region", "sector"])
    out["d_lq"] = out["lq_end"] - out["lq_base"]
    out["rising"] = (out["d_lq"] > min_change) & (out["slope"] > 0)
    return out[["region", "sector", "lq_base", "lq_end", "d_lq", "slope", "n_years", "rising"]]


def _shares(df: pd.DataFrame, value: str, base) -> tuple[pd.DataFrame, list[str]]:
    d = _regions_only(df, value, base)
    keys = _keys(d, value)
    reg_tot = d.groupby(["region", *keys], sort=False)[value].transform("sum")
    nat = d.groupby(["sector", *keys], sort=False)[value].transform("sum")
    tot = d.groupby(keys, sort=False)[value].transform("sum") if keys else d[value].sum()
    d = d.assign(s_r=_div(d[value], reg_tot), s_n=_div(nat, tot))
    return d, keys


def krugman_index(df: pd.DataFrame, *, base: Iterable[str] | None = None, value: str = "value") -> pd.DataFrame:
    r"""Krugman specialisation index and the Hoover coefficient of specialisation, per region (and year).

    .. math:: K_r = \sum_i \left| s_{ri} - s_i \right|, \qquad H_r = K_r / 2

    with :math:`s_{ri} = x_{ri}/X_r` and :math:`s_i = x_{Ni}/X_N` (the nation
    includes the region, as in EconGeo).  :math:`K_r` runs from 0 (same
    structure as the country) to 2; :math:`H_r` from 0 to 1.

    Parameters
    ----------
    df : pandas.DataFrame
        Long table of sizes (the national row ``KZ`` is ignored).
    base : iterable of str, optional
        Sectors to use (see :func:`location_quotient`).
    value : str, default "value"

    Returns
    -------
    pandas.DataFrame
        ``region, [year, ...], krugman, hoover``.

    Examples
    --------
    >>> toy = pd.DataFrame({"region": ["A", "A", "B", "B"], "sector": ["x", "y", "x", "y"],
    ...                     "year": 2020, "value": [30, 10, 10, 50]})
    >>> krugman_index(toy)[["region", "krugman", "hoover"]].round(4).values.tolist()
    [['A', 0.7, 0.35], ['B', 0.4667, 0.2333]]
    """
    d, keys = _shares(df, value, base)
    d = d.assign(_abs=(d["s_r"] - d["s_n"]).abs())
    out = d.groupby(["region", *keys], sort=False)["_abs"].sum(min_count=1).rename("krugman").reset_index()
    out["hoover"] = out["krugman"] / 2
    return out


def herfindahl(df: pd.DataFrame, *, base: Iterable[str] | None = None, value: str = "value") -> pd.DataFrame:
    r"""Herfindahl-Hirschman index of a region's sector structure.

    .. math:: HHI_r = \sum_i s_{ri}^2 \in [1/n, 1]

    Parameters
    ----------
    df : pandas.DataFrame
    base : iterable of str, optional
    value : str, default "value"

    Returns
    -------
    pandas.DataFrame
        ``region, [year, ...], hhi``.

    Examples
    --------
    >>> toy = pd.DataFrame({"region": ["A", "A"], "sector": ["x", "y"], "year": 2020, "value": [30, 10]})
    >>> herfindahl(toy)["hhi"].tolist()
    [0.625]
    """
    d, keys = _shares(df, value, base)
    return (d.assign(_sq=d["s_r"] ** 2).groupby(["region", *keys], sort=False)["_sq"].sum(min_count=1)
             .rename("hhi").reset_index())


def regional_share(df: pd.DataFrame, *, value: str = "value") -> pd.DataFrame:
    r"""Each region's share of the national total of a sector.

    .. math:: R_{ri} = x_{ri} / \sum_r x_{ri}

    Seed 003 calls this the "modified Krugman specialisation index" (KSI,
    eq. 5; Table 3 for ICT output).

    Parameters
    ----------
    df : pandas.DataFrame
        Long table (national rows ``KZ`` ignored).
    value : str, default "value"

    Returns
    -------
    pandas.DataFrame
        ``region, sector, [year, ...], share`` (a fraction; NaN where the
        national total is zero).

    Examples
    --------
    >>> toy = pd.DataFrame({"region": ["A", "B", "KZ"], "sector": "J", "year": 2016, "value": [3.0, 1.0, 4.0]})
    >>> regional_share(toy)["share"].tolist()
    [0.75, 0.25]
    """
    d = _regions_only(df, value, None)
    keys = _keys(d, value)
    tot = d.groupby(["sector", *keys], sort=False)[value].transform("sum")
    return d[["region", "sector", *keys]].assign(share=_div(d[value], tot)).reset_index(drop=True)


def locational_gini(df: pd.DataFrame, *, value: str = "value") -> pd.DataFrame:
    r"""Krugman's locational Gini of each sector (EconGeo convention: halved, so at most 0.5).

    Regions are sorted by :math:`LQ_{ri}`; the curve plots the cumulative share
    of the sector (:math:`x_{ri}/x_{Ni}`) against the cumulative share of all
    activity (:math:`X_r/X_N`), and

    .. math:: G_i = \frac{1}{2}\left(1 - \sum_k (X_k - X_{k-1})(Y_k + Y_{k-1})\right)

    Parameters
    ----------
    df : pandas.DataFrame
        Long table of sizes (national rows ignored).
    value : str, default "value"

    Returns
    -------
    pandas.DataFrame
        ``sector, [year, ...], gini``: 0 when the sector is spread like total
        activity, approaching 0.5 when it sits in one small region.

    Examples
    --------
    >>> same = pd.DataFrame({"region": ["A", "A", "B", "B"], "sector": ["x", "y", "x", "y"],
    ...                      "year": 2020, "value": [10, 10, 30, 30]})
    >>> locational_gini(same)["gini"].round(6).tolist()
    [0.0, 0.0]
    """
    d, keys = _shares(df, value, None)
    reg_tot = d.groupby(["region", *keys], sort=False)[value].transform("sum")
    nat_tot = d.groupby(keys, sort=False)[value].transform("sum") if keys else d[value].sum()
    sec_tot = d.groupby(["sector", *keys], sort=False)[value].transform("sum")
    d = d.assign(_x=_div(reg_tot, nat_tot), _y=_div(d[value], sec_tot))
    d = d.assign(_lq=_div(d["_y"], d["_x"])).sort_values([*keys, "sector", "_lq"], kind="stable")
    g = d.groupby(["sector", *keys], sort=False)
    d["_cx"] = g["_x"].cumsum()
    d["_cy"] = g["_y"].cumsum()
    d["_px"] = g["_cx"].shift(fill_value=0.0)
    d["_py"] = g["_cy"].shift(fill_value=0.0)
    d["_area"] = (d["_cx"] - d["_px"]) * (d["_cy"] + d["_py"])
    out = d.groupby(["sector", *keys], sort=False)["_area"].sum(min_count=1).reset_index()
    out["gini"] = (1.0 - out.pop("_area")) / 2.0
    return out


def strong_clusters(df: pd.DataFrame, *, base: Iterable[str] | None = None, value: str = "value",
                    lq_quantile: float = 0.75, size_quantile: float = 0.25, lq_min: float = 1.0,
                    eco_size_quantile: float = 0.90, eco_lq: float = 2.0,
                    eco_focus_quantile: float = 0.90) -> pd.DataFrame:
    """Strong clusters (US Cluster Mapping) and European Cluster Observatory stars.

    US Cluster Mapping rule (``cluster_calcs_reducer.js``): a region-sector is
    *strong* when its LQ is at least the `lq_quantile` (75th percentile) of that
    sector's LQ across regions, LQ >= `lq_min` (1), and its size exceeds the
    `size_quantile` (25th percentile) of the sector's sizes; only regions with
    size > 0 enter the quantiles.  (The establishment-count condition of the
    original needs data BNS does not publish by region and section.)

    European Cluster Observatory stars, one each for *size* (size in the top
    10% of regions for the sector), *specialisation* (LQ >= 2) and *focus* (the
    sector's share of the region's total in the top 10% of regions).

    Parameters
    ----------
    df : pandas.DataFrame
        Long table of sizes.
    base : iterable of str, optional
        Sectors (see :func:`location_quotient`).
    value : str, default "value"
    lq_quantile, size_quantile, lq_min : float
        US Cluster Mapping thresholds.
    eco_size_quantile, eco_lq, eco_focus_quantile : float
        European Cluster Observatory thresholds.

    Returns
    -------
    pandas.DataFrame
        ``region, sector, [year, ...], value, lq, strong, star_size, star_spec,
        star_focus, stars``.

    Examples
    --------
    >>> toy = pd.DataFrame({"region": list("ABCDABCD"), "sector": list("xxxxyyyy"), "year": 2020,
    ...                     "value": [90, 10, 10, 10, 10, 90, 90, 90]})
    >>> sc = strong_clusters(toy)
    >>> sc.loc[sc.strong, ["region", "sector"]].values.tolist()   # y: B, C, D tie at the 75th percentile
    [['A', 'x'], ['B', 'y'], ['C', 'y'], ['D', 'y']]
    >>> int(sc.loc[(sc.region == "A") & (sc.sector == "x"), "stars"].iloc[0])
    3
    """
    lq = location_quotient(df, base=base, value=value)
    d = _regions_only(df, value, base)
    keys = _keys(d, value)
    out = d[["region", "sector", *keys, value]].merge(lq, on=["region", "sector", *keys], how="left")
    pos = out[value] > 0
    reg_tot = out.groupby(["region", *keys], sort=False)[value].transform("sum")
    out["_focus"] = _div(out[value], reg_tot)
    gkeys = ["sector", *keys]
    g = out.assign(_lq=out["lq"].where(pos), _size=out[value].where(pos),
                   _f=out["_focus"].where(pos)).groupby(gkeys, sort=False)
    qs = pd.concat([g["_lq"].quantile(lq_quantile).rename("q_lq"),
                    g["_size"].quantile(size_quantile).rename("q_size"),
                    g["_size"].quantile(eco_size_quantile).rename("q_big"),
                    g["_f"].quantile(eco_focus_quantile).rename("q_focus")], axis=1).reset_index()
    out = out.merge(qs, on=gkeys, how="left")
    out["strong"] = pos & (out["lq"] >= out["q_lq"]) & (out["lq"] >= lq_min) & (out[value] > out["q_size"])
    out["star_size"] = pos & (out[value] >= out["q_big"])
    out["star_spec"] = out["lq"] >= eco_lq
    out["star_focus"] = pos & (out["_focus"] >= out["q_focus"])
    out = out.drop(columns=["_focus", "q_lq", "q_size", "q_big", "q_focus"])
    out["stars"] = out[["star_size", "star_spec", "star_focus"]].sum(axis=1).astype("int64")
    return out


def portfolio(df: pd.DataFrame, *, start: int, end: int, base: Iterable[str] | None = None,
              value: str = "value", relative_to_nation: bool = False,
              lq: pd.DataFrame | None = None) -> pd.DataFrame:
    r"""The cluster-portfolio chart's data: LQ, growth and size of each region-sector.

    x = :math:`LQ_{ri}` in `end`; y = average annual growth of the sector's
    value in the region over the window,

    .. math:: g_{ri} = 100\left[(x_{ri,end}/x_{ri,start})^{1/(end-start)} - 1\right]

    (minus the sector's national growth when `relative_to_nation`); bubble
    size = value in `end`.  Quadrants (Purdue PCRD names): ``star`` (LQ >= 1,
    growing), ``mature`` (LQ >= 1, shrinking), ``emerging`` (LQ < 1, growing),
    ``transforming`` (LQ < 1, shrinking).

    Parameters
    ----------
    df : pandas.DataFrame
        Long table with ``year``.
    start, end : int
        Window.
    base : iterable of str, optional
    value : str, default "value"
    relative_to_nation : bool, default False
    lq : pandas.DataFrame, optional
        Precomputed :func:`location_quotient` output (any years; `end` is used),
        so an explorer need not recompute it.

    Returns
    -------
    pandas.DataFrame
        ``region, sector, lq, growth, size, quadrant``.

    Examples
    --------
    >>> toy = pd.DataFrame({"region": list("AABBAABB"), "sector": list("xyxyxyxy"),
    ...                     "year": [2020] * 4 + [2022] * 4, "value": [10, 10, 10, 10, 40, 10, 10, 10]})
    >>> portfolio(toy, start=2020, end=2022).query("region == 'A' and sector == 'x'")[
    ...     ["growth", "quadrant"]].values.tolist()
    [[100.0, 'star']]
    """
    if end <= start:
        raise DataError(f"the window must end after it starts (start {start}, end {end})")
    d = _regions_only(df, value, base)
    if lq is None:
        lq = location_quotient(d[d["year"] == end], base=base, value=value)
    lq = lq[lq["year"] == end]
    a = d[d["year"] == start].set_index(["region", "sector"])[value]
    b = d[d["year"] == end].set_index(["region", "sector"])[value]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = pd.Series(_div(b.reindex(a.index), a), index=a.index)
        growth = 100 * (np.power(ratio.where(ratio > 0), 1 / (end - start)) - 1)
    out = lq.drop(columns="year").join(growth.rename("growth"), on=["region", "sector"]) \
            .join(b.rename("size"), on=["region", "sector"])
    if relative_to_nation:
        na, nb = a.groupby(level="sector").sum(), b.groupby(level="sector").sum()
        nat = 100 * (np.power(_div(nb.reindex(na.index), na), 1 / (end - start)) - 1)
        out["growth"] = out["growth"] - out["sector"].map(pd.Series(nat, index=na.index))
    spec = out["lq"] >= 1
    grow = out["growth"] >= 0
    out["quadrant"] = np.select([spec & grow, spec & ~grow, ~spec & grow], ["star", "mature", "emerging"],
                                "transforming")
    out.loc[out["lq"].isna() | out["growth"].isna(), "quadrant"] = ""
    return out.reset_index(drop=True)


def implied_national_share(regional_share, lq, *, share_decimals=1, lq_decimals=1) -> pd.DataFrame:
    r"""National share implied by a published regional share and LQ, with its rounding interval.

    Since :math:`LQ = s_{reg}/s_{nat}`, :math:`s_{nat} = s_{reg}/LQ`.  With the
    share printed to `share_decimals` and LQ to `lq_decimals`, each true value
    lies within half a unit of the last digit, so

    .. math:: s_{nat} \in \left[\frac{s_{reg} - u_s/2}{LQ + u_q/2},\;
                                \frac{s_{reg} + u_s/2}{LQ - u_q/2}\right]

    (used to audit seed 000 Table 2, which prints LQs but not the national
    structure they were computed from).

    Parameters
    ----------
    regional_share, lq : array-like
        Printed values.
    share_decimals, lq_decimals : int or array-like
        Printed decimals of each value.

    Returns
    -------
    pandas.DataFrame
        ``implied, low, high`` (NaN where LQ is zero or missing).

    Examples
    --------
    Seed 000, metallurgy 2016: 73.0 / 1.7.

    >>> implied_national_share([73.0], [1.7]).round(2).values.tolist()
    [[42.94, 41.69, 44.27]]
    """
    s = np.asarray(regional_share, dtype="float64")
    q = np.asarray(lq, dtype="float64")
    us = 0.5 * 10.0 ** (-np.asarray(share_decimals, dtype="float64"))
    uq = 0.5 * 10.0 ** (-np.asarray(lq_decimals, dtype="float64"))
    return pd.DataFrame({"implied": _div(s, q), "low": _div(s - us, q + uq), "high": _div(s + us, q - uq)})
