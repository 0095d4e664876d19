r"""ICT concentration: seed 003's "modified KSI", its Table 3 audit, and a BNS extension to 2025.

Seed 003 [1]_ ranks Kazakhstan's regions by a "modified Krugman specialisation
index", eq. (5), reconstructed from the garbled extract as

.. math:: I^{KSI}_{r,t} = \frac{R^{IT}_{r,t}}{C^{IT}_{t}}

with :math:`R^{IT}` the region's ICT size and :math:`C^{IT}` the country's.
**This is a concentration share, not Krugman's index**: the shares add to 1
over the regions, so the "index" tells *where* ICT sits, not how different a
region's structure is from the country's.  Krugman's dissimilarity index,
:math:`K_r = \sum_k |s_{rk} - s_{Nk}|`, needs every industry of every region
(see :func:`kzclusters.specialization.krugman_index`), and specialisation in
the location-quotient sense needs each region's total (see
:func:`ict_concentration`, which has both from BNS).

Seed 003's equations define :math:`R^{IT}` as gross value added, but the data
it uses (Table 2) are **industrial output in the ICT sphere**, million tenge,
2010-2016 (spec ``cluster_potential_and_ict.md`` §1.3): label the measure
"share of national ICT industrial output", not GVA.  A printed dash "—" in
Table 2 is stored as a missing value with ``is_dash = True`` and counts as 0
in a total, as the paper reads it (spec §3.8).

Contents

* :func:`ksi`: the share, with the column-sum denominator (default), the
  paper's own denominators (:data:`PAPER_DENOMINATORS`, which reproduce every
  printed cell of Table 3) or a national total of your own.
* :func:`table3_audit` and :func:`table3_totals`: Table 3 cell by cell against
  both denominators (spec §4.1: 2010 reproduces 9 of 10 cells with the column
  sum and 10 of 10 without Pavlodar; 2016 only 1 of 11, because the authors
  divided by about 33,261 instead of the 38,269.1 their Table 2 adds up to).
* :func:`ksi_class`: the paper's verbal classes as cut-offs on the share
  (inferred, spec §6).
* :func:`ict_concentration` and :func:`ict_growth`: the same share for BNS
  gross value added of section J "Information and communication", 2010-2025,
  with the location quotient against the whole economy and real growth from
  the BNS volume indices.

All functions are pure: they take tidy long frames (codes, not labels), never
modify their inputs and return new frames; bad input raises
:class:`kzclusters.DataError`.

References
----------
.. [1] Seed 003: «ICT clusters in Kazakhstan's regions: innovation-development index and modified Krugman
   specialisation index» (in Russian; authors not in the extract), eq. (5), Table 2 (ICT industrial output
   by region, 2010-2016, mln tenge) and Table 3 (KSI, 2010 and 2016).
.. [2] Bureau of National Statistics (BNS), GRP and gross value added by region and OKED section, current
   prices (table 5927), and GVA volume indices by region and section, previous year = 100 (table 450904).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import numpy as np
import pandas as pd

from . import data as kzdata
from . import specialization as sp
from ._errors import DataError
from ._schema import validate_long
from .registry import fold_map

__all__ = ["ksi", "ksi_class", "table3_audit", "table3_totals", "ict_concentration", "ict_growth",
           "PAPER_DENOMINATORS", "PAPER_DROPPED", "KSI_CLASSES", "AUDIT_NOTES", "VOLUME_SOURCES"]

#: National totals C_IT (mln tenge) that seed 003's Table 3 was divided by (spec §4.1): for 2010 the Table 2
#: column sum less Pavlodar's 53.1 (16,554.6 - 53.1); for 2016 the midpoint of the interval
#: [33,250.8, 33,271.1] in which every printed 2016 KSI reproduces (Table 2 adds up to 38,269.1).
PAPER_DENOMINATORS: Mapping[int, float] = MappingProxyType({2010: 16501.5, 2016: 33261.0})
#: (region, year) cells that Table 3 prints as a dash although Table 2 has a value, and that the authors also
#: left out of the total (spec §3.8 and §4.1: Pavlodar 2010, 53.1 mln tenge).
PAPER_DROPPED: frozenset[tuple[str, int]] = frozenset({("PVL", 2010)})
#: Codes returned by :func:`ksi_class`, most concentrated first.
KSI_CLASSES: tuple[str, ...] = ("high", "medium", "low", "outsider")
#: Codes of :func:`table3_audit`'s ``note`` column.
AUDIT_NOTES: tuple[str, ...] = ("ok", "dash", "pavlodar_dropped", "denominator_2010", "denominator_2016",
                                "mismatch")
#: Codes of :func:`ict_concentration`'s ``volume_source`` column ("none" where there is no volume index).
VOLUME_SOURCES: tuple[str, ...] = ("bns", "aggregated", "aggregated_current", "none")

_NATIONAL = "KZ"
_DASH = ("zero", "unknown")
_T2 = "seed003_t2_ict_output"
_T3 = "seed003_t3_ksi"


# ----------------------------------------------------------------------------- helpers


def _round_half_up(x, decimals: int = 3) -> np.ndarray:
    """Round half away from zero, as the paper printed (not numpy's round-half-to-even).

    A share computed in floating point carries an error of about 1e-16, so a true
    tie such as 0.0125 may arrive as 0.01249999...; the value is nudged by 1e-9 of
    the last printed unit before flooring, which turns such ties up and moves no
    other value (no share of Tables 2-3 lies within 1e-9 of a tie without being one).
    """
    a = np.asarray(x, dtype="float64")
    f = 10.0 ** decimals
    with np.errstate(invalid="ignore"):
        return np.sign(a) * np.floor(np.abs(a) * f + 0.5 + 1e-9) / f


def _output_table(output, name: str = "ICT output table") -> pd.DataFrame:
    """Validated copy ``region, year, value, is_dash`` of an output table (NaN value = dash)."""
    if not isinstance(output, pd.DataFrame):
        raise DataError(f"the {name} must be a pandas DataFrame with the columns region, year and value "
                        "(and optionally is_dash)")
    validate_long(output, keys=("region", "year"), allow_nan=True, name=name)
    if output["region"].isna().any():
        i = int(np.flatnonzero(output["region"].isna().to_numpy())[0])
        raise DataError("region is missing", file=name, row=i + 2, column="region")
    value = output["value"].to_numpy(dtype="float64", na_value=np.nan)
    if np.isinf(value).any():
        i = int(np.flatnonzero(np.isinf(value))[0])
        where = f"region {output['region'].iloc[i]}, year {output['year'].iloc[i]}"
        raise DataError(f"value is infinite ({where}); give a finite number, or leave it empty for a dash",
                        file=name, row=i + 2, column="value")
    if "is_dash" in output.columns:
        dash = output["is_dash"]
        if dash.isna().any() or not (pd.api.types.is_bool_dtype(dash) or dash.isin([0, 1]).all()):
            raise DataError("is_dash must be True or False in every row", file=name, column="is_dash")
        dash = dash.to_numpy(dtype=bool)
        clash = dash & ~np.isnan(value)
        if clash.any():
            i = int(np.flatnonzero(clash)[0])
            where = f"region {output['region'].iloc[i]}, year {output['year'].iloc[i]}"
            raise DataError(f"{where} is marked as a dash (is_dash = True) but has the value {value[i]:g}; "
                            "clear one of the two", file=name, row=i + 2, column="is_dash")
        hole = ~dash & np.isnan(value)
        if hole.any():
            i = int(np.flatnonzero(hole)[0])
            where = f"region {output['region'].iloc[i]}, year {output['year'].iloc[i]}"
            raise DataError(f"{where} has no value but is not marked as a dash; give a number, or set "
                            "is_dash = True for a printed dash", file=name, row=i + 2, column="value")
    else:
        dash = np.isnan(value)
    d = pd.DataFrame({"region": output["region"].astype(str).to_numpy(),
                      "year": output["year"].to_numpy(dtype="int64"), "value": value, "is_dash": dash})
    return d[d["region"] != _NATIONAL].reset_index(drop=True)


def _totals_from(denominator, years) -> tuple[dict, str]:
    """year -> national total for an external denominator, and the method code."""
    if isinstance(denominator, str):
        if denominator != "paper":
            raise DataError(f'unknown denominator {denominator!r}; use "sum" (the column sum), "paper" '
                            "(seed 003's totals) or a mapping year -> national total")
        table, method = PAPER_DENOMINATORS, "paper"
        what = "seed 003 has no denominator for"
    else:
        if isinstance(denominator, pd.Series):
            denominator = denominator.to_dict()
        if not isinstance(denominator, Mapping):
            raise DataError('denominator must be "sum", "paper" or a mapping year -> national total '
                            "(mln tenge)")
        table, method = {}, "user"
        for k, v in denominator.items():
            try:
                year, tot = int(k), float(v)
            except (TypeError, ValueError):
                raise DataError(f"the national total for {k!r} is {v!r}; give year -> number, e.g. "
                                "{2016: 38269.1}") from None
            if not np.isfinite(tot) or tot <= 0:
                raise DataError(f"the national total for {year} is {v!r}; it must be a number greater than 0")
            table[year] = tot
        what = "the denominator mapping has no national total for"
    missing = sorted(set(int(y) for y in years) - set(table))
    if missing:
        have = ", ".join(str(y) for y in sorted(table)) or "none"
        raise DataError(f"{what} {', '.join(map(str, missing))} (years available: {have}); choose those "
                        'years, or use denominator="sum" or your own totals')
    return dict(table), method


# ----------------------------------------------------------------------------- seed 003: KSI


def ksi(output: pd.DataFrame, *, denominator="sum", dash: str = "zero") -> pd.DataFrame:
    r"""Seed 003's "modified KSI": each region's share of national ICT output, eq. (5).

    .. math:: I^{KSI}_{r,t} = \frac{R_{r,t}}{C_t}, \qquad
              C_t = \sum_{s} R_{s,t} \;(\text{"sum"}), \quad
              C_t = C^{paper}_t \;(\text{"paper"}), \quad C_t = \text{your total}

    where :math:`R_{r,t}` is the region's ICT output (a printed dash counts as 0
    in the sum).  With the column sum the shares add to 1 in every year; this is
    a concentration share, not Krugman's dissimilarity index (see the module
    notes).  The column-sum share is
    :func:`kzclusters.specialization.regional_share`.

    Parameters
    ----------
    output : pandas.DataFrame
        Long table ``region, year, value`` (mln tenge), optionally with a boolean
        ``is_dash``; without it a missing value is a dash.  Rows of the national
        total (region ``"KZ"``) are ignored; other columns are ignored.
    denominator : "sum", "paper" or mapping, default "sum"
        ``"sum"``: the total over the regions in `output` (spec §1.3, default).
        ``"paper"``: the totals seed 003 actually divided by
        (:data:`PAPER_DENOMINATORS`: 16,501.5 for 2010 and 33,261 for 2016), with
        the cells of :data:`PAPER_DROPPED` (Pavlodar 2010) shown as dashes, as
        printed; reproduces every cell of Table 3.  A mapping ``{year: total}``:
        a national total of your own for every year of `output` (> 0, mln
        tenge).  External totals may be smaller than the column sum, so the
        shares then add to more than 1 (the paper's 2016 column adds to 1.151).
    dash : {"zero", "unknown"}, default "zero"
        ``"zero"``: a dash means no ICT output (the paper's reading, spec §3.8).
        ``"unknown"``: a dash may hide a suppressed value; the shares are the
        same, but in a year with a dash the column-sum total is only a lower
        bound and each share an upper bound, which ``total_incomplete`` flags.
        External totals (``"paper"``, a mapping) are complete by assumption.

    Returns
    -------
    pandas.DataFrame
        A new frame in the input's row order: ``region, year, value`` (as given,
        NaN for a dash), ``is_dash``, ``dropped`` (a :data:`PAPER_DROPPED` cell in
        paper mode), ``total`` (:math:`C_t`), ``ksi`` (a fraction; NaN for a dash,
        a dropped cell, or a zero column sum), ``total_incomplete`` (bool) and
        ``denominator`` (``"sum"``, ``"paper"`` or ``"user"``).

    Raises
    ------
    DataError
        If a column is missing, a (region, year) repeats, a value is negative or
        infinite, ``is_dash`` contradicts ``value``, `denominator` or `dash` is
        unknown, or a year has no external total (the message names the year and
        the years available).

    See Also
    --------
    table3_audit : the paper's Table 3, cell by cell.
    ksi_class : the paper's verbal classes.

    References
    ----------
    .. [1] Seed 003, eq. (5), Tables 2-3; spec ``cluster_potential_and_ict.md`` §1.3, §3.8 and §4.1.

    Examples
    --------
    Hand-worked: A 30, B 10, C a dash; total 40, so A 0.75, B 0.25, C a dash.

    >>> toy = pd.DataFrame({"region": ["A", "B", "C"], "year": 2016, "value": [30.0, 10.0, np.nan]})
    >>> ksi(toy)[["region", "total", "ksi"]].values.tolist()
    [['A', 40.0, 0.75], ['B', 40.0, 0.25], ['C', 40.0, nan]]
    >>> ksi(toy, denominator={2016: 50.0})["ksi"].tolist()
    [0.6, 0.2, nan]
    >>> ksi(toy, dash="unknown")["total_incomplete"].tolist()
    [True, True, True]

    Seed 003, Almaty city 2010: 11,268.1 / 16,501.5 = 0.683 as printed (the
    column sum 16,554.6 gives 0.681).

    >>> t2 = kz.data.load("seed003_t2_ict_output")
    >>> paper = ksi(t2[t2.year.isin([2010, 2016])], denominator="paper")
    >>> round(float(paper.query("region == 'ALA' and year == 2010")["ksi"].iloc[0]), 3)
    0.683
    """
    if dash not in _DASH:
        raise DataError(f'unknown dash handling {dash!r}; use "zero" (a dash is no output) or "unknown"')
    d = _output_table(output)
    years = d["year"].unique()
    zero = d["value"].fillna(0.0)
    if isinstance(denominator, str) and denominator == "sum":
        method = "sum"
        share = sp.regional_share(pd.DataFrame({"region": d["region"], "sector": "ICT", "year": d["year"],
                                                "value": zero}))
        ksi_v = share["share"].to_numpy()
        total = zero.groupby(d["year"]).transform("sum").to_numpy()
        dropped = np.zeros(len(d), dtype=bool)
        incomplete = d.groupby("year")["is_dash"].transform("any").to_numpy() if dash == "unknown" \
            else np.zeros(len(d), dtype=bool)
    else:
        table, method = _totals_from(denominator, years)
        total = d["year"].map(table).to_numpy(dtype="float64")
        ksi_v = zero.to_numpy() / total
        if method == "paper":
            dropped = np.fromiter(((r, y) in PAPER_DROPPED for r, y in zip(d["region"], d["year"])),
                                  dtype=bool, count=len(d))
        else:
            dropped = np.zeros(len(d), dtype=bool)
        incomplete = np.zeros(len(d), dtype=bool)
    ksi_v = np.where(d["is_dash"].to_numpy() | dropped, np.nan, ksi_v)
    return d.assign(dropped=dropped, total=total, ksi=ksi_v, total_incomplete=incomplete, denominator=method)


def ksi_class(shares, cuts=(0.1, 0.5)) -> pd.Series:
    r"""The paper's verbal classes of the KSI, as cut-offs on the share (inferred, spec §6).

    .. math:: \text{class}(I) = \begin{cases}
              \text{high} & I \ge c_2 \\ \text{medium} & c_1 \le I < c_2 \\
              \text{low} & 0 < I < c_1 \\ \text{outsider} & I = 0 \text{ or a dash}
              \end{cases}

    with :math:`(c_1, c_2) = (0.1, 0.5)` by default.  Seed 003 names Almaty city
    "most specialised" (high), Astana, Aktobe and North Kazakhstan "medium" and
    six regions "outsiders"; these defaults fit every named region in the year
    the paper's numbers support (Aktobe in 2010, Astana and North Kazakhstan in
    2016, the outsiders in 2010).  Shares are classed unrounded, so Zhambyl's
    printed 0.000 of 2010 (0.1 / 16,501.5) is "low", not an outsider.

    Parameters
    ----------
    shares : array-like or pandas.Series
        KSI values (fractions); NaN means a dash.
    cuts : pair of float, default (0.1, 0.5)
        Lower bounds of "medium" and "high"; strictly increasing, in (0, 1].

    Returns
    -------
    pandas.Series
        Codes from :data:`KSI_CLASSES` (``"high"``, ``"medium"``, ``"low"``,
        ``"outsider"``; the UI translates them), with the index of `shares` when
        it is a Series.

    Raises
    ------
    DataError
        If the cuts are not two increasing numbers in (0, 1], or a share is
        negative or not a number.

    References
    ----------
    .. [1] Seed 003, text on Table 3 (classes of regions); spec §1.3 and §6.

    Examples
    --------
    >>> ksi_class([0.683, 0.197, 0.021, 0.0, np.nan]).tolist()
    ['high', 'medium', 'low', 'outsider', 'outsider']
    >>> ksi_class([0.197], cuts=(0.2, 0.5)).tolist()
    ['low']
    """
    try:
        c = np.asarray(cuts, dtype="float64")
    except (TypeError, ValueError):
        raise DataError(f"cuts must be two numbers, e.g. (0.1, 0.5); got {cuts!r}") from None
    if c.shape != (2,) or not np.isfinite(c).all() or not (0 < c[0] < c[1] <= 1):
        raise DataError(f"cuts must be two increasing numbers in (0, 1] (medium, high), e.g. (0.1, 0.5); "
                        f"got {cuts!r}")
    index = shares.index if isinstance(shares, pd.Series) else None
    try:
        s = np.asarray(shares, dtype="float64").reshape(-1)
    except (TypeError, ValueError):
        raise DataError("shares must be numbers (fractions of the national total; NaN for a dash)") from None
    if (s < 0).any():
        i = int(np.flatnonzero(s < 0)[0])
        raise DataError(f"share number {i + 1} is negative ({s[i]:g}); a share is at least 0")
    code = np.select([s >= c[1], s >= c[0], s > 0], ["high", "medium", "low"], "outsider")
    return pd.Series(code, index=index, name="ksi_class", dtype=object)


# ----------------------------------------------------------------------------- seed 003: Table 3 audit


def _shipped(output, published):
    out = kzdata.load(_T2) if output is None else output
    pub = kzdata.load(_T3) if published is None else published
    return out, pub


def table3_audit(output: pd.DataFrame | None = None, published: pd.DataFrame | None = None) -> pd.DataFrame:
    r"""Seed 003 Table 3, cell by cell: the printed KSI against the paper's and the column-sum denominators.

    .. math:: \hat I^{paper}_{r,t} = \operatorname{round}_3\!\left(\frac{R_{r,t}}{C^{paper}_t}\right),
              \qquad \hat I^{sum}_{r,t} = \operatorname{round}_3\!\left(\frac{R_{r,t}}{\sum_s R_{s,t}}\right)

    rounded half up to 3 decimals as printed (see the module's
    ``_round_half_up``: float ties are nudged by 1e-9 of the last digit).  A cell
    reproduces when the rounded value equals the printed one, or when both are
    dashes.

    Parameters
    ----------
    output : pandas.DataFrame, optional
        Table 2 (``region, year, value[, is_dash]``); the shipped
        ``seed003_t2_ict_output`` by default.
    published : pandas.DataFrame, optional
        Table 3 (``region, year, value``, NaN for a dash); the shipped
        ``seed003_t3_ksi`` by default.

    Returns
    -------
    pandas.DataFrame
        One row per cell of `published`, in its order: ``region, year, output``
        (Table 2, NaN for a dash), ``published``, ``paper_mode`` (NaN for a
        year without a paper denominator), ``column_sum``,
        ``reproduces_paper_mode``, ``reproduces_column_sum`` (bool) and ``note``,
        a code from :data:`AUDIT_NOTES` that the UI translates: ``"ok"`` (both
        reproduce), ``"dash"`` (both tables print a dash), ``"pavlodar_dropped"``
        (a dash although Table 2 has a value: a :data:`PAPER_DROPPED` cell),
        ``"denominator_2010"`` / ``"denominator_2016"`` (reproduces only with the
        paper's total of that year) or ``"mismatch"``.

    Raises
    ------
    DataError
        If a table is malformed (see :func:`ksi`), or a printed cell has no
        Table 2 row.

    See Also
    --------
    table3_totals : per-year totals and counts.

    References
    ----------
    .. [1] Seed 003, Tables 2-3; spec ``cluster_potential_and_ict.md`` §3.6-§3.8 and §4.1.

    Examples
    --------
    >>> a = table3_audit()
    >>> a.query("region == 'ALA'")[["year", "published", "paper_mode", "column_sum", "note"]].values.tolist()
    [[2010, 0.683, 0.683, 0.681, 'denominator_2010'], [2016, 0.606, 0.606, 0.527, 'denominator_2016']]
    >>> a.groupby("year")["reproduces_column_sum"].sum().to_dict()   # incl. dash = dash cells
    {2010: 14, 2016: 6}
    """
    out, pub = _shipped(output, published)
    t2 = _output_table(out, "Table 2")
    if not isinstance(pub, pd.DataFrame):
        raise DataError("the published table must be a DataFrame with the columns region, year and value")
    validate_long(pub, keys=("region", "year"), allow_nan=True, name="Table 3")
    years = sorted(int(y) for y in pub["year"].unique())
    t2 = t2[t2["year"].isin(years)]
    col = ksi(t2)
    paper_years = [y for y in years if y in PAPER_DENOMINATORS]
    pap = ksi(t2[t2["year"].isin(paper_years)], denominator="paper")
    key = ["region", "year"]
    res = pd.DataFrame({"region": pub["region"].astype(str).to_numpy(), "year": pub["year"].to_numpy("int64"),
                        "published": pub["value"].to_numpy(dtype="float64", na_value=np.nan)})
    res = res.merge(col[[*key, "value", "is_dash"]].rename(columns={"value": "output"}), on=key, how="left")
    miss = res["is_dash"].isna().to_numpy()
    if miss.any():
        i = int(np.flatnonzero(miss)[0])
        where = f"region {res['region'].iloc[i]}, year {res['year'].iloc[i]}"
        raise DataError(f"Table 3 has {where}, but Table 2 has no row for it; add the Table 2 row (empty "
                        "value for a dash)", file="Table 3", row=i + 2)
    res = res.merge(col[[*key, "ksi"]].rename(columns={"ksi": "_col"}), on=key, how="left")
    res = res.merge(pap[[*key, "ksi"]].rename(columns={"ksi": "_pap"}), on=key, how="left")
    res["paper_mode"] = _round_half_up(res.pop("_pap"))
    res["column_sum"] = _round_half_up(res.pop("_col"))
    pub_v = res["published"].to_numpy()

    def same(x):
        x = res[x].to_numpy()
        return (np.isnan(pub_v) & np.isnan(x)) | np.isclose(pub_v, x, rtol=0, atol=1e-9)

    res["reproduces_paper_mode"] = same("paper_mode") & res["year"].isin(paper_years).to_numpy()
    res["reproduces_column_sum"] = same("column_sum")
    dash_out = res.pop("is_dash").astype(bool).to_numpy()
    dropped = np.fromiter(((r, y) in PAPER_DROPPED for r, y in zip(res["region"], res["year"])), dtype=bool,
                          count=len(res))
    pp, cs = res["reproduces_paper_mode"].to_numpy(), res["reproduces_column_sum"].to_numpy()
    denom = np.array([f"denominator_{y}" if f"denominator_{y}" in AUDIT_NOTES else "mismatch"
                      for y in res["year"]], dtype=object)
    res["note"] = np.select([np.isnan(pub_v) & dash_out, np.isnan(pub_v) & dropped & pp, pp & cs, pp],
                            ["dash", "pavlodar_dropped", "ok", denom], "mismatch")
    return res[["region", "year", "output", "published", "paper_mode", "column_sum", "reproduces_paper_mode",
                "reproduces_column_sum", "note"]]


def table3_totals(output: pd.DataFrame | None = None, published: pd.DataFrame | None = None, *,
                  all_years: bool = False) -> pd.DataFrame:
    r"""Per-year totals behind Table 3: Table 2's column sum, the paper's denominator and the printed KSI sum.

    .. math:: S_t = \sum_r R_{r,t}, \qquad \rho_t = \frac{S_t}{C^{paper}_t}, \qquad
              \Sigma^{pub}_t = \sum_r I^{KSI,pub}_{r,t}

    A correct share column has :math:`\Sigma^{pub}_t = 1`; seed 003's 2016
    column adds to 1.151 because every 2016 cell was divided by
    :math:`C^{paper}_{2016} \approx 33{,}261` instead of :math:`S_{2016} =
    38{,}269.1` (:math:`\rho_{2016} = 1.1506`, spec §4.1).

    Parameters
    ----------
    output : pandas.DataFrame, optional
        Table 2; the shipped ``seed003_t2_ict_output`` by default.
    published : pandas.DataFrame, optional
        Table 3; the shipped ``seed003_t3_ksi`` by default.
    all_years : bool, default False
        False: the years of Table 3 (2010 and 2016).  True: every year of
        Table 2 (2010-2016; the column sums of spec §3.6).

    Returns
    -------
    pandas.DataFrame
        One row per year: ``year, column_sum`` (mln tenge, dashes
        as 0), ``n_dash`` (dash cells), ``paper_denominator`` and ``ratio``
        (:math:`\rho_t`; NaN without a paper denominator), ``published_sum``,
        ``n_published`` (printed numbers), ``n_reproduce_paper`` and
        ``n_reproduce_column_sum`` (of those printed numbers; NaN/0 for years
        not in Table 3).

    Raises
    ------
    DataError
        If a table is malformed.

    References
    ----------
    .. [1] Seed 003, Tables 2-3; spec §3.6 (column sums) and §4.1.

    Examples
    --------
    >>> t = table3_totals().set_index("year")
    >>> t.loc[[2010, 2016], ["column_sum", "paper_denominator", "published_sum"]].round(4).values.tolist()
    [[16554.6, 16501.5, 1.0], [38269.1, 33261.0, 1.151]]
    >>> round(float(t.loc[2016, "ratio"]), 4)
    1.1506
    >>> table3_totals(all_years=True)["column_sum"].round(3).tolist()
    [16554.6, 23427.856, 26847.448, 33169.0, 36989.9, 36197.0, 38269.1]
    """
    out, pub = _shipped(output, published)
    t2 = _output_table(out, "Table 2")
    g = t2.assign(_z=t2["value"].fillna(0.0)).groupby("year", sort=True)
    res = pd.DataFrame({"column_sum": g["_z"].sum(), "n_dash": g["is_dash"].sum().astype("int64")})
    res.index.name = "year"
    res = res.reset_index()
    res["paper_denominator"] = res["year"].map(dict(PAPER_DENOMINATORS)).astype("float64")
    res["ratio"] = res["column_sum"] / res["paper_denominator"]
    a = table3_audit(out, pub)
    num = a[a["published"].notna()]
    ga = num.groupby("year")
    per = pd.DataFrame({"published_sum": ga["published"].sum(), "n_published": ga.size(),
                        "n_reproduce_paper": ga["reproduces_paper_mode"].sum(),
                        "n_reproduce_column_sum": ga["reproduces_column_sum"].sum()})
    res = res.merge(per, left_on="year", right_index=True, how="left")
    for c in ("n_published", "n_reproduce_paper", "n_reproduce_column_sum"):
        res[c] = res[c].fillna(0).astype("int64")
    if not all_years:
        res = res[res["year"].isin(pub["year"].unique())]
    return res.reset_index(drop=True)


# ----------------------------------------------------------------------------- BNS extension


def _frame_components(raw_regions: pd.DataFrame, frame: str) -> pd.DataFrame:
    """``region`` (on the frame), ``comp`` (a raw BNS region code), ``year``: which published regions make up
    each territory of the frame in each year, by the rules of :func:`kzclusters.data.harmonise`."""
    code, year = raw_regions["region"].to_numpy(), raw_regions["year"].to_numpy()
    # the raw code rides in "sector", so it survives folding (and the South Kazakhstan rule is per year)
    probe = pd.DataFrame({"region": code, "sector": code, "year": year, "value": 1.0})
    h = kzdata.harmonise(probe, frame, additive=True)
    return pd.DataFrame({"region": h["region"].to_numpy(), "comp": h["sector"].to_numpy(),
                         "year": h["year"].to_numpy()})


def _volume(gva_j: pd.DataFrame, vol_j: pd.DataFrame, frame: str) -> pd.DataFrame:
    """Volume index of the sector for each territory of the frame, and where it comes from."""
    regs = gva_j[gva_j["region"] != _NATIONAL][["region", "year"]]
    comp = _frame_components(regs, frame)
    vol = vol_j.set_index(["region", "year"])["value"]
    nom = gva_j.set_index(["region", "year"])["value"]
    ci = pd.MultiIndex.from_arrays([comp["comp"], comp["year"]])
    pi = pd.MultiIndex.from_arrays([comp["comp"], comp["year"] - 1])
    comp = comp.assign(I=vol.reindex(ci).to_numpy(), x=nom.reindex(ci).to_numpy(),
                       x_prev=nom.reindex(pi).to_numpy())
    comp = comp.assign(is_self=comp["comp"] == comp["region"], has_I=comp["I"].notna(),
                       has_prev=comp["x_prev"] > 0)
    g = comp.groupby(["region", "year"], sort=False)
    agg = pd.DataFrame({"n": g.size(), "all_I": g["has_I"].all(), "all_prev": g["has_prev"].all(),
                        "self": g["is_self"].all()})
    # weights: previous-year nominal GVA (chain-linking at previous-year prices) where every component has it;
    # otherwise (the first year of a split) current nominal GVA deflated by the component's own volume index,
    # which equals the previous-year value if the components share one price change.
    comp = comp.join(agg[["all_prev"]], on=["region", "year"])
    w = np.where(comp["all_prev"], comp["x_prev"], comp["x"] / comp["I"])
    comp = comp.assign(_w=w, _wI=w * comp["I"])
    sums = comp.groupby(["region", "year"], sort=False)[["_w", "_wI"]].sum()
    agg = agg.join(sums)
    single = (agg["n"] == 1) & agg["self"]
    with np.errstate(divide="ignore", invalid="ignore"):
        weighted = agg["_wI"] / agg["_w"]
    own = vol.reindex(agg.index)
    agg["volume_index"] = np.where(~agg["all_I"], np.nan, np.where(single, own, weighted))
    agg["volume_source"] = np.select([~agg["all_I"], single, agg["all_prev"]],
                                     ["none", "bns", "aggregated"], "aggregated_current")
    out = agg[["volume_index", "volume_source"]].reset_index()
    nat = vol_j[vol_j["region"] == _NATIONAL][["region", "year", "value"]] \
        .rename(columns={"value": "volume_index"})
    return pd.concat([out, nat.assign(volume_source="bns")], ignore_index=True)


def _chain(df: pd.DataFrame) -> pd.DataFrame:
    """``real_index`` (= 100 in ``index_base``) chained from ``volume_index`` over each region's longest
    unbroken run of consecutive years with a volume index (the latest of equally long runs)."""
    df = df.sort_values(["region", "year"], kind="stable").reset_index(drop=True)
    g = df.groupby("region", sort=False)
    first = (g.cumcount() == 0).to_numpy()
    gap = (df["year"] - g["year"].shift(1)).to_numpy() != 1
    broken = first | gap | df["volume_index"].isna().to_numpy()   # no link from the previous row
    run = np.cumsum(broken)                                        # run id, increasing within a region
    length = pd.Series(run).map(pd.Series(run).value_counts()).to_numpy()
    best = pd.DataFrame({"region": df["region"], "run": run, "len": length}) \
        .sort_values(["len", "run"], kind="stable").groupby("region", sort=False)["run"].last()
    in_run = run == df["region"].map(best).to_numpy()
    f = np.where(in_run & ~broken, df["volume_index"].to_numpy(dtype="float64", na_value=np.nan) / 100.0, 1.0)
    logf = pd.Series(np.log(f)).groupby(run).cumsum().to_numpy()
    base_year = df["year"].groupby(run).transform("first").to_numpy()
    idx = np.where(in_run, 100.0 * np.exp(logf), np.nan)
    base = pd.array(base_year, dtype="Int64")
    base[~in_run] = pd.NA
    return df.assign(real_index=idx, index_base=base)


def ict_concentration(gva: pd.DataFrame | None = None, volume: pd.DataFrame | None = None, *,
                      frame: str = "17", sector: str = "J", national: bool = False) -> pd.DataFrame:
    r"""Regional concentration, specialisation and real growth of ICT from BNS value added, 2010-2025.

    For section J "Information and communication" (or another OKED section),
    region *r* and year *t*, on one administrative frame:

    .. math:: s_{r,t} = \frac{x_{rJ,t}}{\sum_{q} x_{qJ,t}}, \qquad
              LQ_{r,t} = \frac{x_{rJ,t} / X_{r,t}}{\sum_q x_{qJ,t} / \sum_q X_{q,t}}, \qquad
              P_{r,t} = P_{r,t-1}\,\frac{V_{r,t}}{100},\; P_{r,t_0} = 100

    with :math:`x` nominal GVA, :math:`X_r` the sum over
    :data:`kzclusters.specialization.SECTIONS` (the whole economy),
    :math:`V` the BNS volume index (% of the previous year, constant prices)
    and :math:`P` the chained real index.  :math:`s` is seed 003's "modified
    KSI" computed on GVA, as its eq. (5) defines it; :math:`s` comes from
    :func:`kzclusters.specialization.regional_share` and :math:`LQ` from
    :func:`kzclusters.specialization.location_quotient`.

    Notes on the data:

    * **Merged sections.** Until 2013 BNS publishes I, K and M-S only together
      as ``OTHER_SERVICES`` (and T only from 2025); J is published on its own in
      every year, and the sum over ``SECTIONS`` is the whole of GVA in every
      year, so the LQ of J is comparable over 2010-2025.  In 2010 the sections
      are not yet net of FISIM (their sum exceeds GDP minus net taxes by
      FISIM, 2.2 % of their sum nationally), a small level break of the
      base.  BNS's 0.0 padding of unpublished cells is dropped, as in
      notebook 01 (also in the volume indices, where 0.0 means "not
      published").
    * **Frames.** ``"17"`` (default) keeps territories comparable over time:
      Abai, Zhetisu and Ulytau are folded into their 2018 parents.  ``"20"`` has
      the new regions from 2021 (the first year BNS publishes them) and the
      parents shrink then.  On both, 2010 has South Kazakhstan (``YKO``) and
      2011 on Shymkent and Turkistan (BNS back-casts); ``"16"`` keeps ``YKO``.
    * **Volume index of a folded territory.** Volume indices are not additive.
      Where BNS publishes the territory itself the published index is used
      (``volume_source = "bns"``).  Where the territory is split in the
      published data (frame 17 from 2021, frame 16 from 2018) the children's
      indices are combined with previous-year nominal weights,
      :math:`V = \sum_c x_{c,t-1} V_c / \sum_c x_{c,t-1}`, the standard
      aggregation of volumes at previous-year prices (``"aggregated"``).  In the
      first year of a split the children have no previous-year value, so the
      weights are :math:`x_{c,t} / V_c`, exact if the children share one price
      change (``"aggregated_current"``).  Shymkent and Turkistan have no
      volume index before 2018 (BNS publishes only South Kazakhstan's), so
      their growth is NaN there (``"none"``).
    * **Chained real index.** 100 in ``index_base``, the first year of the
      region's longest unbroken run of volume indices (2010 for most
      regions, 2017 for Shymkent and Turkistan), NaN outside that run.  The national row
      uses BNS's national index, which is not the weighted mean of the
      regional ones (they differ by up to 3.6 pp, e.g. 2016).

    Parameters
    ----------
    gva : pandas.DataFrame, optional
        Long ``region, sector, year, value`` of nominal GVA by section (mln
        KZT); ``kzclusters.data.load("grp_gva")`` by default.
    volume : pandas.DataFrame, optional
        Long ``region, sector, year, value`` volume indices (% of previous
        year); ``kzclusters.data.load("gva_volume_index")`` by default.
    frame : {"17", "20", "16"}, default "17"
        Administrative map (see :func:`kzclusters.data.harmonise`).
    sector : str, default "J"
        An OKED section from ``SECTIONS``.
    national : bool, default False
        Append the national rows (region ``"KZ"``: the sum over the regions,
        share and LQ 1 by definition, BNS's national volume index), e.g. to
        compare a region's growth with the country's.  Off by default so that
        every row is a region and shares add to 1.

    Returns
    -------
    pandas.DataFrame
        A new frame sorted by region and year: ``region, year, value``
        (nominal GVA of the sector, mln KZT), ``share`` (fraction of the sum over
        regions), ``lq``, ``volume_index`` (% of previous year), ``real_growth``
        (``volume_index - 100``, %), ``volume_source`` (a code from
        :data:`VOLUME_SOURCES`), ``real_index`` and ``index_base``.

    Raises
    ------
    DataError
        If a table is malformed, the frame is unknown, or the sector is not a
        section of ``SECTIONS`` present in `gva`.

    See Also
    --------
    ict_growth : changes over a window.
    ksi : the same share on seed 003's output data.

    References
    ----------
    .. [1] Seed 003, eq. (5) (:math:`R^{IT}/C^{IT}` defined on GVA).
    .. [2] BNS tables 5927 and 450904 (see ``data/sources.csv``).

    Examples
    --------
    >>> c = ict_concentration()
    >>> c.query("year == 2022").nlargest(2, "share")[["region", "value"]].values.tolist()
    [['ALA', 940620.1], ['AST', 795595.3]]
    >>> bool(np.allclose(c.groupby("year")["share"].sum(), 1.0))
    True
    >>> kz = ict_concentration(national=True).query("region == 'KZ' and year == 2022")
    >>> kz[["value", "share", "volume_index"]].values.tolist()
    [[2109087.4, 1.0, 99.0]]
    """
    if sector not in sp.SECTIONS:
        raise DataError(f"sector {sector!r} is not an OKED section; use one of {', '.join(sp.SECTIONS)} "
                        "(the LQ is taken against their sum)")
    fold_map(frame)   # validates the frame name
    gva = kzdata.load("grp_gva") if gva is None else gva
    volume = kzdata.load("gva_volume_index") if volume is None else volume
    for name, t in (("GVA table", gva), ("volume-index table", volume)):
        if not isinstance(t, pd.DataFrame):
            raise DataError(f"the {name} must be a DataFrame with the columns region, sector, year and value")
        validate_long(t, allow_nan=name != "GVA table", allow_negative=True, name=name)
    if not (gva["sector"] == sector).any():
        raise DataError(f"the GVA table has no rows for sector {sector!r}", file="GVA table", column="sector")
    v = volume["value"].to_numpy(dtype="float64", na_value=np.nan)
    bad = v < 0
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise DataError(f"a volume index must be > 0 (% of the previous year, e.g. 104.5), got {v[i]:g}; "
                        "leave it empty (or 0, as BNS pads) where it is not published",
                        file="volume-index table", row=i + 2, column="value")
    base = gva[gva["sector"].isin(sp.SECTIONS)][["region", "sector", "year", "value"]]
    h = kzdata.harmonise(base, frame, additive=True)
    h = h[h["value"] != 0]   # BNS pads unpublished sections with 0.0
    reg = h[h["region"] != _NATIONAL]
    j = reg[reg["sector"] == sector]
    out = j[["region", "year", "value"]].reset_index(drop=True)
    share = sp.regional_share(j)
    lq = sp.location_quotient(reg, base=sp.SECTIONS)
    lq = lq[lq["sector"] == sector]
    out = out.merge(share[["region", "year", "share"]], on=["region", "year"], how="left") \
             .merge(lq[["region", "year", "lq"]], on=["region", "year"], how="left")
    if national:
        nat = out.groupby("year", as_index=False)["value"].sum().assign(region=_NATIONAL, share=1.0, lq=1.0)
        out = pd.concat([out, nat[out.columns]], ignore_index=True)
    raw_j = gva[gva["sector"] == sector][["region", "year", "value"]]
    raw_j = raw_j[raw_j["value"] != 0]
    vol_j = volume[volume["sector"] == sector][["region", "year", "value"]]
    vol_j = vol_j[vol_j["value"] > 0]   # BNS pads unpublished cells with 0.0 (e.g. B of ALA, AST)
    vi = _volume(raw_j, vol_j, frame)
    out = out.merge(vi, on=["region", "year"], how="left")
    out["volume_source"] = out["volume_source"].fillna("none")
    out["real_growth"] = out["volume_index"] - 100.0
    out = _chain(out)
    return out[["region", "year", "value", "share", "lq", "volume_index", "real_growth", "volume_source",
                "real_index", "index_base"]]


def ict_growth(conc: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    r"""Change of each region's ICT share, LQ and size between two years.

    .. math:: \Delta s = 100\,(s_{end} - s_{start}) \;\text{pp}, \qquad \Delta LQ = LQ_{end} - LQ_{start},

    .. math:: g^{real} = 100\left[\left(\frac{P_{end}}{P_{start}}\right)^{1/(end-start)} - 1\right],
              \qquad g^{nom} = 100\left[\left(\frac{x_{end}}{x_{start}}\right)^{1/(end-start)} - 1\right]

    (compound % a year; :math:`P` the chained real index, :math:`x` nominal GVA).

    Parameters
    ----------
    conc : pandas.DataFrame
        Output of :func:`ict_concentration`.
    start, end : int
        Window; both years must be in `conc`, and ``start < end``.

    Returns
    -------
    pandas.DataFrame
        One row per region present in either year: ``region, value_start,
        value_end, share_start, share_end, d_share_pp, lq_start, lq_end, d_lq,
        real_cagr, nominal_cagr``.  NaN where a region lacks one of the years
        (e.g. Abai before 2021 on frame 20) or its real index does not span the
        window.

    Raises
    ------
    DataError
        If a column is missing, ``start >= end``, or a year is not in `conc`.

    References
    ----------
    .. [1] Seed 003 (KSI dynamics 2010 vs 2016, Table 3); BNS tables 5927 and 450904.

    Examples
    --------
    >>> g = ict_growth(ict_concentration(), 2015, 2025).set_index("region")
    >>> bool(g.loc["AST", "d_share_pp"] > 0 and g.loc["AST", "real_cagr"] > 0)
    True
    """
    need = {"region", "year", "value", "share", "lq", "real_index"}
    if not isinstance(conc, pd.DataFrame) or not need <= set(conc.columns):
        have = ", ".join(map(str, conc.columns)) if isinstance(conc, pd.DataFrame) else type(conc).__name__
        raise DataError("ict_growth needs the output of ict_concentration (columns "
                        f"{', '.join(sorted(need))}); got {have}")
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError):
        raise DataError(f"start and end must be years, got {start!r} and {end!r}") from None
    if end <= start:
        raise DataError(f"the window must end after it starts (start {start}, end {end})")
    years = set(int(y) for y in conc["year"].unique())
    missing = [y for y in (start, end) if y not in years]
    if missing:
        raise DataError(f"year {missing[0]} is not in the table (years {min(years)}-{max(years)})")
    cols = ["value", "share", "lq", "real_index"]
    a = conc[conc["year"] == start].set_index("region")[cols]
    b = conc[conc["year"] == end].set_index("region")[cols]
    m = a.add_suffix("_start").join(b.add_suffix("_end"), how="outer")
    n = end - start
    with np.errstate(divide="ignore", invalid="ignore"):
        real = (m["real_index_end"] / m["real_index_start"]).to_numpy(dtype="float64", na_value=np.nan)
        nom = (m["value_end"] / m["value_start"]).to_numpy(dtype="float64", na_value=np.nan)
        m["real_cagr"] = 100.0 * (np.power(np.where(real > 0, real, np.nan), 1.0 / n) - 1.0)
        m["nominal_cagr"] = 100.0 * (np.power(np.where(nom > 0, nom, np.nan), 1.0 / n) - 1.0)
    m["d_share_pp"] = 100.0 * (m["share_end"] - m["share_start"])
    m["d_lq"] = m["lq_end"] - m["lq_start"]
    m = m.reset_index()
    return m[["region", "value_start", "value_end", "share_start", "share_end", "d_share_pp", "lq_start",
              "lq_end", "d_lq", "real_cagr", "nominal_cagr"]]
