"""Industry priorities: the paper's criteria, weights and scores, a BNS decision matrix, and policy context.

The opening paper of seed 004 (Begimbay K.M., Myrzakhmet M.K., «Formation of a new
industrial structure of Kazakhstan: methodology, results and policy», AlmaU 2025)
ranks six manufacturing industries on eight criteria with MEREC weights validated
by experts (Table 1) and publishes the integral scores (Table 2).  **The decision
matrix itself is not published**, so :func:`template` gives the empty 8 x 6 grid
for the user to fill, and :func:`bns_matrix` builds a real (smaller) matrix from
the BNS gross value added of manufacturing divisions for the criteria BNS can
measure.  The MCDM algorithms themselves live in :mod:`kzclusters.mcdm`.

Policy context (reference tables, transcribed in ``specs/industry_priorities.md``
and ``specs/complexity_and_scenarios.md``): :func:`helix_indicators`,
:func:`cluster_programme`, :func:`malaysia_kazakhstan`, :func:`scenarios`.

Industry codes are the OKED codes of ``data/sectors.csv``; the paper's six
industries map to them as in :data:`PAPER_INDUSTRIES` (machinery = the BNS group
«Машиностроение» ``"26-30, 33"``, food = division ``"10"``, metallurgy = ``"24"``).
"""

from __future__ import annotations

import math
from types import MappingProxyType
from typing import NamedTuple

import numpy as np
import pandas as pd

from . import data as _data
from . import io as _io
from ._errors import DataError
from .registry import data_dir, sectors

__all__ = ["Criterion", "CRITERIA", "PAPER_INDUSTRIES", "PAPER_SOURCE", "criteria", "paper_weights",
           "paper_scores", "bns_criteria", "bns_matrix", "template", "read_matrix", "helix_indicators",
           "cluster_programme", "malaysia_kazakhstan", "scenarios"]

#: Citation of the priorities paper (seed 004, part A, Paper 1).
PAPER_SOURCE = ("Begimbay K.M., Myrzakhmet M.K. «Formation of a new industrial structure of Kazakhstan: "
                "methodology, results and policy», AlmaU 2025")
_MANUILOV = ("Manuilov A. «From cluster to spiral: opportunities for the socio-economic development of "
             "Kazakhstan's regions», AlmaU 2025")
_BESPALYI = ("Bespalyi S.V., Andakov M.Z. «Increasing economic complexity as the core of a new industrial "
             "policy: Malaysia's experience and opportunities for Kazakhstan», AlmaU 2025")
_KAUMETOVA = ("Kaumetova D.S., Suleimenov N.S. «Technological modernisation and scenario analysis as a tool "
              "for shaping the new structure of Kazakhstan's industry», AlmaU 2025")
_BNS = "BNS, gross value added of industry by OKED division, national (table 5931), mln KZT, current prices"


class Criterion(NamedTuple):
    """One of the paper's eight criteria (Table 1).

    Attributes: ``code``; ``name_key`` and ``meaning_key`` (i18n keys);
    ``direction`` ("benefit" or "cost", the workbook's default: the paper does
    not say which criteria are costs); ``direction_flag`` (True where the
    direction depends on how the criterion is measured); ``measurable_from_bns``
    (True only where a BNS proxy exists at division level, see :func:`bns_criteria`);
    ``bns_proxy`` (the proxy's code or ""); ``unit`` (a suggested unit: the paper
    states none).

    Examples
    --------
    >>> c = CRITERIA[0]
    >>> c.code, c.direction, c.measurable_from_bns
    ('roic_eva', 'benefit', False)
    """

    code: str
    name_key: str
    meaning_key: str
    direction: str
    direction_flag: bool
    measurable_from_bns: bool
    bns_proxy: str
    unit: str


def _c(code, direction, flag, bns, proxy, unit):
    return Criterion(code, f"prio_crit_{code}", f"prio_crit_{code}_meaning", direction, flag, bns, proxy, unit)


#: The paper's eight criteria in Table 1 order (spec §1.6 for the directions).
CRITERIA: tuple[Criterion, ...] = (
    _c("roic_eva", "benefit", False, False, "", "%"),
    _c("gva_multiplier", "benefit", False, True, "va_share_mfg", "% of manufacturing GVA"),
    _c("exports_import_subst", "benefit", False, False, "", "%"),
    _c("labour_productivity", "benefit", False, False, "", "thousand KZT per employed"),
    _c("skills_readiness", "benefit", False, False, "", "score 0-1"),
    _c("lca_cbam", "benefit", True, False, "", "score 0-1"),
    _c("infrastructure", "benefit", True, False, "", "score 0-1"),
    _c("regulatory_risks", "cost", True, False, "", "score 0-1"),
)

#: The paper's six industries (Table 2 order) -> (slug used in i18n keys, OKED code as shipped in
#: ``seed004_prio_p1_t2_integral_scores``).  Machinery is the BNS group «Машиностроение» (divisions
#: 26-30 and 33), food is division 10 (beverages, 11, excluded; ask for "10-11" to include them),
#: chemicals/petrochemicals is division 20 (plastics, 22, excluded), metallurgy is 24 (not 24-25).
PAPER_INDUSTRIES = MappingProxyType({
    "26-30, 33": "machinery", "10": "food", "20": "chemicals", "19": "coke_refined",
    "24": "metallurgy", "21": "pharmaceuticals",
})

_MFG_DIVISIONS = tuple(str(i) for i in range(10, 34))


def criteria() -> pd.DataFrame:
    """The paper's eight criteria as a table (see :class:`Criterion`).

    Returns
    -------
    pandas.DataFrame
        ``criterion, name_key, meaning_key, direction, direction_flag,
        measurable_from_bns, bns_proxy, unit``; 8 rows in Table 1 order.

    Examples
    --------
    >>> c = criteria()
    >>> c.loc[c["direction"] == "cost", "criterion"].tolist()
    ['regulatory_risks']
    >>> c.loc[c["measurable_from_bns"], ["criterion", "bns_proxy"]].values.tolist()
    [['gva_multiplier', 'va_share_mfg']]
    """
    return pd.DataFrame([c._asdict() for c in CRITERIA]).rename(columns={"code": "criterion"})


def _raw(name: str) -> pd.DataFrame:
    return _data.read_as_printed(data_dir() / "raw" / "paper" / f"{name}.csv")


def paper_weights() -> pd.DataFrame:
    """Table 1 of the paper: the criterion weights (MEREC, adjusted and validated by experts).

    The paper's note calls the weights "illustrative; determined by MEREC and
    validated by experts": round integers summing to 100, not raw MEREC output.

    Returns
    -------
    pandas.DataFrame
        ``criterion, name_key, meaning_key, name_ru, name_en, meaning_ru,
        meaning_en, weight_pct, weight`` (``weight`` = ``weight_pct / 100``,
        sums to 1); ``attrs["source"]`` cites the paper.

    Examples
    --------
    >>> w = paper_weights()
    >>> w[["criterion", "weight_pct"]].head(3).values.tolist()
    [['roic_eva', 18.0], ['gva_multiplier', 16.0], ['exports_import_subst', 14.0]]
    >>> float(w["weight"].sum())
    1.0
    """
    t = _data.load("seed004_prio_p1_t1_criteria_weights")
    raw = _raw("seed004_prio_p1_t1_criteria_weights")
    crit = criteria().set_index("criterion")
    out = pd.DataFrame({"criterion": t["criterion"].astype(str).to_numpy()})
    out["name_key"] = crit.loc[out["criterion"], "name_key"].to_numpy()
    out["meaning_key"] = crit.loc[out["criterion"], "meaning_key"].to_numpy()
    out["name_ru"] = raw["criterion_ru"].to_numpy()
    out["name_en"] = raw["criterion_en"].to_numpy()
    out["meaning_ru"] = raw["meaning_ru"].to_numpy()
    out["meaning_en"] = raw["meaning_en"].to_numpy()
    out["weight_pct"] = t["value"].astype("float64").to_numpy()
    out["weight"] = out["weight_pct"] / out["weight_pct"].sum()
    out.attrs.update(source=PAPER_SOURCE + ", Table 1", source_class="paper")
    return out


def paper_scores() -> pd.DataFrame:
    """Table 2 of the paper: the integral scores (0-1) and ranks of the six industries.

    Returns
    -------
    pandas.DataFrame
        ``industry`` (OKED code, see :data:`PAPER_INDUSTRIES`), ``slug``,
        ``name_key``, ``name_ru``, ``name_en`` (the paper's labels), ``score``,
        ``rank``, ``key_factors_ru``, ``key_factors_en``; ``attrs["source"]``.

    Examples
    --------
    >>> s = paper_scores()
    >>> s[["industry", "score", "rank"]].values.tolist()[:2]
    [['26-30, 33', 0.78, 1], ['10', 0.74, 2]]
    >>> s["slug"].tolist()
    ['machinery', 'food', 'chemicals', 'coke_refined', 'metallurgy', 'pharmaceuticals']
    """
    t = _data.load("seed004_prio_p1_t2_integral_scores").sort_values("rank").reset_index(drop=True)
    raw = _raw("seed004_prio_p1_t2_integral_scores")
    raw = raw.assign(rank=raw["rank"].astype(int)).set_index("rank").loc[t["rank"].astype(int)]
    out = pd.DataFrame({"industry": t["sector"].astype(str).to_numpy()})
    out["slug"] = out["industry"].map(PAPER_INDUSTRIES)
    out["name_key"] = "prio_ind_" + out["slug"]
    out["name_ru"] = raw["industry_ru"].to_numpy()
    out["name_en"] = raw["industry_en"].to_numpy()
    out["score"] = t["value"].astype("float64").to_numpy()
    out["rank"] = t["rank"].astype("int64").to_numpy()
    out["key_factors_ru"] = raw["key_factors_ru"].to_numpy()
    out["key_factors_en"] = raw["key_factors_en"].to_numpy()
    out.attrs.update(source=PAPER_SOURCE + ", Table 2", source_class="paper")
    return out


# ----------------------------------------------------------------------------- BNS decision matrix

_BNS_CRITERIA = (
    # code, direction, unit, paper criterion, in the default matrix
    ("va_share_mfg", "benefit", "% of manufacturing GVA", "gva_multiplier", True),
    ("va_share_ind", "benefit", "% of industry GVA (B-E)", "gva_multiplier", False),
    ("cagr", "benefit", "% per year (nominal)", "", True),
    ("volatility", "cost", "percentage points", "", True),
    ("share_change", "benefit", "percentage points", "", True),
)


def bns_criteria() -> pd.DataFrame:
    """The criteria :func:`bns_matrix` measures from BNS data: definition, direction, unit and source.

    All come from one BNS series, the national gross value added of industry by
    OKED division (``gva_divisions``, mln KZT, current prices, 2013-): BNS
    publishes no division-level deflator, employment, investment or labour
    productivity, so growth is nominal.  ``va_share_ind`` equals
    ``va_share_mfg`` times a constant (manufacturing / industry) within a year:
    using both double-counts the criterion, so it is left out by default.

    Returns
    -------
    pandas.DataFrame
        ``criterion, name_key, definition_key, direction, unit,
        paper_criterion`` (the paper's criterion it proxies, or ""),
        ``default`` (bool), ``source``.

    Examples
    --------
    >>> b = bns_criteria()
    >>> b.loc[b["default"], ["criterion", "direction"]].values.tolist()
    [['va_share_mfg', 'benefit'], ['cagr', 'benefit'], ['volatility', 'cost'], ['share_change', 'benefit']]
    """
    rows = [{"criterion": c, "name_key": f"prio_bns_{c}", "definition_key": f"prio_bns_{c}_def",
             "direction": d, "unit": u, "paper_criterion": p, "default": dflt, "source": _BNS}
            for c, d, u, p, dflt in _BNS_CRITERIA]
    return pd.DataFrame(rows)


def _gva_wide() -> pd.DataFrame:
    d = _data.load("gva_divisions")
    return d[d["region"] == "KZ"].pivot(index="year", columns="sector", values="value")


def _series(wide: pd.DataFrame, code: str) -> pd.Series:
    """GVA of a code: published directly, or the sum of its members from ``data/sectors.csv``."""
    if code in wide.columns:
        return wide[code]
    s = sectors()
    row = s[s["code"] == code]
    members = [m for m in (row["members"].iloc[0].split(";") if len(row) else []) if m]
    if not members or any(m not in wide.columns for m in members):
        known = ", ".join(c for c in wide.columns if c in _MFG_DIVISIONS or "-" in c)
        raise DataError(f'industry "{code}" is not published by BNS nationally and is not a group of '
                        f"published divisions; use one of: {known}", column="divisions",
                        key="err_prio_industry", name=code, suggestions=known)
    return wide[members].sum(axis=1, min_count=len(members))


def bns_matrix(year: int = 2024, *, divisions=None, window: int = 5, criteria=None) -> pd.DataFrame:
    r"""A real decision matrix for manufacturing industries from BNS gross value added.

    With :math:`V_{d,t}` the nominal GVA of industry *d* in year *t* (mln KZT),
    :math:`C_t` manufacturing, :math:`I_t` industry (B-E) and :math:`w` the window:

    * ``va_share_mfg`` = :math:`100\,V_{d,t}/C_t` (benefit)
    * ``va_share_ind`` = :math:`100\,V_{d,t}/I_t` (benefit; not in the default set)
    * ``cagr`` = :math:`100\,[(V_{d,t}/V_{d,t-w})^{1/w} - 1]` (benefit; nominal)
    * ``volatility`` = sample standard deviation (ddof 1) of the *w* annual
      growth rates :math:`100\,(V_{d,s}/V_{d,s-1} - 1)`, :math:`s = t-w+1..t` (cost)
    * ``share_change`` = :math:`100\,(V_{d,t}/C_t - V_{d,t-w}/C_{t-w})` (benefit)

    ``cagr`` and ``share_change`` can be negative: MEREC needs positive data, so
    shift them (see :mod:`kzclusters.mcdm`) and record the shift.

    Parameters
    ----------
    year : int, default 2024
        The year of the levels; needs ``year - window >= 2013``.
    divisions : list of str, "all" or None
        Industry codes (OKED divisions such as ``"28"`` or BNS/registry groups
        such as ``"26-30, 33"`` and ``"10-11"``, which are summed from their
        divisions when BNS does not publish them).  ``None``: the paper's six
        industries (:data:`PAPER_INDUSTRIES`); ``"all"``: divisions 10-33.
    window : int, default 5
        Years for growth, volatility and share change (>= 2).
    criteria : list of str, optional
        Codes from :func:`bns_criteria`; default its ``default`` rows.

    Returns
    -------
    pandas.DataFrame
        Index ``industry`` (codes in the order given), one float column per
        criterion; ``attrs``: ``year``, ``window``, ``direction`` and ``unit``
        (dicts by criterion), ``source``, ``source_class="official"``.

    Raises
    ------
    DataError
        For a year outside the data, a window < 2, an unknown criterion or industry.

    Examples
    --------
    >>> m = bns_matrix(2024)
    >>> m.index.tolist()
    ['26-30, 33', '10', '20', '19', '24', '21']
    >>> m.columns.tolist()
    ['va_share_mfg', 'cagr', 'volatility', 'share_change']
    >>> round(float(m.loc["24", "va_share_mfg"]), 2)
    39.52
    >>> m.attrs["direction"]["volatility"]
    'cost'
    """
    wide = _gva_wide()
    bc = bns_criteria().set_index("criterion")
    if criteria is None:
        criteria = bc.index[bc["default"]].tolist()
    criteria = [str(c) for c in criteria]
    bad = [c for c in criteria if c not in bc.index]
    if bad:
        raise DataError(f"unknown BNS criterion {bad[0]!r}; use one of {', '.join(bc.index)}", column="criteria")
    if not isinstance(window, (int, np.integer)) or window < 2:
        raise DataError(f"window must be an integer >= 2, not {window!r}", column="window")
    years = wide.index
    if year not in years or year - window not in years:
        raise DataError(f"year {year} with a {window}-year window needs data for {year - window}-{year}; "
                        f"BNS division GVA covers {years.min()}-{years.max()}", column="year")
    if divisions is None:
        divisions = list(PAPER_INDUSTRIES)
    elif isinstance(divisions, str):
        divisions = list(_MFG_DIVISIONS) if divisions == "all" else [divisions]
    divisions = [str(d) for d in divisions]
    if len(set(divisions)) != len(divisions):
        raise DataError("an industry is listed twice", column="divisions")
    mfg, ind = wide["C"], wide["IND"]
    t0, span = year - window, list(range(year - window, year + 1))
    rows = {}
    for d in divisions:
        v = _series(wide, d)
        if v.loc[span].isna().any() or (v.loc[span] <= 0).any():
            raise DataError(f'industry "{d}" has missing or non-positive GVA in {t0}-{year}', column="divisions")
        g = 100.0 * (v.loc[span].to_numpy()[1:] / v.loc[span].to_numpy()[:-1] - 1.0)
        rows[d] = {
            "va_share_mfg": 100.0 * v[year] / mfg[year],
            "va_share_ind": 100.0 * v[year] / ind[year],
            "cagr": 100.0 * ((v[year] / v[t0]) ** (1.0 / window) - 1.0),
            "volatility": float(np.std(g, ddof=1)),
            "share_change": 100.0 * (v[year] / mfg[year] - v[t0] / mfg[t0]),
        }
    out = pd.DataFrame.from_dict(rows, orient="index")[criteria].astype("float64")
    out.index.name = "industry"
    out.attrs.update(year=int(year), window=int(window), source=_BNS, source_class="official",
                     direction={c: bc.loc[c, "direction"] for c in criteria},
                     unit={c: bc.loc[c, "unit"] for c in criteria})
    return out


# ----------------------------------------------------------------------------- template and upload

_NAME_COLS = {"industry_name", "name", "name_en", "name_ru", "name_kk", "label"}
_KEY_COLS = ("industry", "sector", "code")


def template(lang: str = "en") -> pd.DataFrame:
    """The paper's decision-matrix grid (six industries x eight criteria) with empty values.

    The paper does not publish its decision matrix: the user fills this grid (in
    the notebook or in a spreadsheet) and reads it back with :func:`read_matrix`.

    Parameters
    ----------
    lang : {"en", "ru", "kk"}, default "en"
        Language of the ``industry_name`` column (registry short names).

    Returns
    -------
    pandas.DataFrame
        Columns ``industry`` (OKED code), ``industry_name`` and the eight
        criterion codes (float, all NaN); one row per industry in Table 2 order.

    Examples
    --------
    >>> t = template()
    >>> t.shape, t.columns[:3].tolist()
    ((6, 10), ['industry', 'industry_name', 'roic_eva'])
    >>> bool(t.iloc[:, 2:].isna().all().all())
    True
    """
    if lang not in ("en", "ru", "kk"):
        raise DataError(f"lang must be en, ru or kk, not {lang!r}", column="lang")
    s = sectors().set_index("code")
    codes = list(PAPER_INDUSTRIES)
    out = pd.DataFrame({"industry": codes, "industry_name": s.loc[codes, f"short_{lang}"].to_numpy()})
    for c in CRITERIA:
        out[c.code] = np.nan
    out.attrs.update(source=PAPER_SOURCE + " (criteria and industries; values not published)",
                     source_class="template")
    return out


def read_matrix(source, filename: str | None = None) -> pd.DataFrame:
    """Read a filled decision matrix (CSV or XLSX, the layout of :func:`template`).

    One row per industry: a key column ``industry`` (or ``sector``/``code``:
    an OKED code or a name known to the registry), optional name columns
    (``industry_name``, ``name``, ``name_en``...; ignored) and one column per
    criterion (any header; the paper's codes are the template's).  Numbers are
    read as people type them (``1 234,5`` or ``1234.5``); empty cells are NaN;
    negative values are allowed (ROIC, growth).

    Parameters
    ----------
    source : str, pathlib.Path, bytes or file-like
        The file or its content (e.g. from an upload widget).
    filename : str, optional
        Name used in error messages and to recognise the format.

    Returns
    -------
    pandas.DataFrame
        Index ``industry`` (codes), float64 criterion columns in file order;
        ``attrs``: ``file``, ``source_class="upload"``.

    Raises
    ------
    DataError
        Naming the file, row (as a spreadsheet shows it) and column: no key
        column, an unknown industry, a repeated industry or criterion, a cell
        that is not a number, no data rows or no criterion columns.

    Examples
    --------
    >>> csv = "industry,industry_name,roic_eva,regulatory_risks\\n28,Machinery,12.5,0.3\\n10,Food,\\"9,1\\",0.2\\n"
    >>> m = read_matrix(csv.encode(), filename="grid.csv")
    >>> float(m.loc["10", "roic_eva"]), m.columns.tolist()
    (9.1, ['roic_eva', 'regulatory_risks'])
    """
    from .registry import resolve_sector

    content, name = _io._load(source, filename)
    grid, _delim = _io._grid(content, name, encoding=None, delimiter=None, sheet=None)
    rows = [(i + 1, r) for i, r in enumerate(grid) if any(not _io._blank(v) for v in r)]
    if not rows:
        raise DataError("the file is empty; fill in the template and upload it again", file=name,
                        key="err_file_empty")
    hrow, header = rows[0]
    header = [_io._text(h) if not _io._blank(h) else "" for h in header]
    norm = [h.strip().lower() for h in header]
    key_j = next((norm.index(k) for k in _KEY_COLS if k in norm), None)
    if key_j is None:
        raise DataError('no "industry" column; keep the template\'s first column', file=name, row=hrow,
                        column="industry", key="err_missing_column",
                        columns=", ".join(h for h in header if h))
    crit_j = []
    seen: dict[str, int] = {}
    for j, h in enumerate(header):
        if j == key_j or norm[j] in _NAME_COLS:
            continue
        if not h:
            if any(j < len(r) and not _io._blank(r[j]) for _, r in rows[1:]):
                raise DataError(f"column {_io._letter(j)} has values but no header; give it the criterion's name",
                                file=name, row=hrow, column=_io._letter(j), key="err_unknown_column")
            continue
        if norm[j] in seen:
            raise DataError(f'criterion "{h}" appears twice in the header', file=name, row=hrow, column=h,
                            key="err_duplicate_column", name=h, columns=", ".join(x for x in header if x))
        seen[norm[j]] = j
        crit_j.append(j)
    if not crit_j:
        raise DataError("no criterion columns; keep the template's criterion columns", file=name, row=hrow,
                        key="err_missing_column", column="roic_eva", columns=", ".join(h for h in header if h))
    data, index = [], []
    first_row: dict[str, int] = {}
    for r, cells in rows[1:]:
        cells = list(cells) + [None] * (len(header) - len(cells))
        kcell = cells[key_j]
        if _io._blank(kcell):
            raise DataError("the industry cell is empty; write an OKED code such as 28 or a sector name",
                            file=name, row=r, column=header[key_j], key="err_sector_unknown", name="",
                            suggestions="")
        code = _io._text(kcell)
        if code not in sectors()["code"].tolist():
            code = resolve_sector(code, file=name, row=r, column=header[key_j])
        if code in first_row:
            raise DataError(f'industry "{code}" appears more than once (first in row {first_row[code]})',
                            file=name, row=r, column=header[key_j], key="err_duplicate_key", value=code)
        first_row[code] = r
        vals = []
        for j in crit_j:
            v = cells[j]
            if isinstance(v, bool):
                v = str(v)
            try:
                x = float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else _io.parse_number(v)
            except (ValueError, TypeError):
                raise DataError(f'"{_io._text(v)}" is not a number; type a number or leave the cell empty',
                                file=name, row=r, column=header[j], key="err_not_number",
                                value=_io._text(v)) from None
            if not math.isnan(x) and not math.isfinite(x):
                raise DataError(f'"{_io._text(v)}" is not a finite number', file=name, row=r, column=header[j],
                                key="err_not_number", value=_io._text(v))
            vals.append(x)
        index.append(code)
        data.append(vals)
    if not data:
        raise DataError("the file has a header but no industry rows", file=name, key="err_file_empty")
    out = pd.DataFrame(data, index=pd.Index(index, name="industry"), columns=[header[j] for j in crit_j],
                       dtype="float64")
    out.attrs.update(file=name, source_class="upload")
    return out


# ----------------------------------------------------------------------------- policy context

_PILLARS = {"Business": "business", "Society": "society", "State": "state",
            "Science / education": "science_education", "Environment": "environment"}


def helix_indicators() -> pd.DataFrame:
    """The quintuple-helix indicator list (Manuilov's Table 1, after Megits et al. 2022: 360).

    19 indicators in five pillars, no values (the paper gives none).  The
    suggested data sources are the spec's suggestions, **not in the paper**.

    Returns
    -------
    pandas.DataFrame
        ``pillar`` (code), ``pillar_key`` (i18n), ``pillar_ru``, ``pillar_en``,
        ``indicator_ru``, ``indicator_en``, ``unit_as_printed``, ``direction``,
        ``suggested_source_not_in_paper``; ``attrs["source"]``.

    Examples
    --------
    >>> h = helix_indicators()
    >>> len(h), h["pillar"].value_counts().to_dict()["state"]
    (19, 6)
    """
    t = _data.load("seed004_prio_p2_t1_helix_indicators").copy()
    pillar = t["pillar_en"].map(_PILLARS)
    out = pd.DataFrame({"pillar": pillar, "pillar_key": "prio_helix_" + pillar})
    for c in ("pillar_ru", "pillar_en", "indicator_ru", "indicator_en", "unit_as_printed", "direction",
              "suggested_source_not_in_paper"):
        out[c] = t[c].to_numpy()
    out.attrs.update(source=_MANUILOV + ", Table 1 (after Megits et al. 2022: 360)", source_class="paper")
    return out


def _facts() -> pd.Series:
    f = _data.load("seed004_prio_p2_facts")
    return f.set_index("item")["value"]


def cluster_programme(part: str = "timeline") -> pd.DataFrame:
    """Kazakhstan's territorial-cluster programmes as told in Manuilov's paper.

    Parameters
    ----------
    part : {"timeline", "clusters", "cofinancing"}
        ``"timeline"``: programme events (track ``cluster``) and the spatial-policy
        reference layer (track ``spatial``); ``"clusters"``: the seven 2006-08
        clusters listed (the text says "eight": the eighth is unknown and not
        invented), the six pilots supported out of 21 applications after 2014 and
        the one named unsupported application; ``"cofinancing"``: the state /
        firm shares of a cluster project from 2022.

    Returns
    -------
    pandas.DataFrame
        timeline: ``track, start, end, event_key, count, note_en, source``;
        clusters: ``wave, period, status, cluster_ru, cluster_en, region_ru,
        region_en, region_missing, source``; cofinancing: ``initiator,
        initiator_key, state_pct, firms_pct, from_year, source``.

    Examples
    --------
    >>> cluster_programme("cofinancing")[["initiator", "state_pct", "firms_pct"]].values.tolist()
    [['state', 70.0, 30.0], ['business', 50.0, 50.0]]
    >>> c = cluster_programme("clusters")
    >>> int((c["status"] == "pilot").sum()), bool(c.loc[c["status"] == "pilot", "region_missing"].all())
    (6, True)
    """
    f = _facts()
    src = "Dosmaganbetov et al. 2025, cited in " + _MANUILOV
    if part == "cofinancing":
        return pd.DataFrame({
            "initiator": ["state", "business"],
            "initiator_key": ["prio_cofin_state", "prio_cofin_business"],
            "state_pct": [f["cofin_state_initiated_state_pct"], f["cofin_business_initiated_state_pct"]],
            "firms_pct": [f["cofin_state_initiated_firms_pct"], f["cofin_business_initiated_firms_pct"]],
            "from_year": [2022, 2022], "source": [src + ": 420"] * 2})
    if part == "clusters":
        t = _data.load("seed004_prio_p2_territorial_clusters")
        t = t[t["wave"] != "porter_project"]
        status = t["selected_or_status"].map(lambda s: "pilot" if "pilot" in s else
                                             "not_supported" if "not supported" in s else "did_not_work")
        wave = t["wave"].to_numpy()
        period = np.where(wave == "wave_1", "2006-2008", "after 2014")
        region_ru = t["region_ru"].where(~t["region_ru"].str.startswith("NOT IN TEXT"), "")
        src_col = np.where(wave == "wave_1", "Dosmaganbetov et al. 2025: 413", "Dosmaganbetov et al. 2025: 414")
        out = pd.DataFrame({"wave": wave, "period": period, "status": status.to_numpy(),
                            "cluster_ru": t["cluster_ru"].to_numpy(), "cluster_en": t["cluster_en"].to_numpy(),
                            "region_ru": region_ru.to_numpy(), "region_en": t["region_en"].to_numpy()})
        out["region_missing"] = out["region_en"] == ""
        out["source"] = [s + ", cited in " + _MANUILOV for s in src_col]
        out.attrs.update(source=_MANUILOV, n_applications=int(f["cluster_applications"]),
                         n_supported=int(f["clusters_supported"]))
        return out.reset_index(drop=True)
    if part != "timeline":
        raise DataError(f"part must be timeline, clusters or cofinancing, not {part!r}", column="part")
    n_app, n_sup = int(f["cluster_applications"]), int(f["clusters_supported"])
    rows = [
        ("cluster", 2006, 2006, "prio_tl_porter", np.nan,
         "Porter-led competitiveness project and roadmap; 'in 2006 (2004 by other data)'", src + ": 413"),
        ("cluster", 2006, 2008, "prio_tl_wave1", 7.0,
         "first wave selected by the government; 7 listed (the text says eight); 'did not work'", src + ": 413"),
        ("cluster", 2014, np.nan, "prio_tl_wave2", float(n_sup),
         f"{n_sup} of {n_app} applications supported as pilots", src + ": 414"),
        ("cluster", 2022, np.nan, "prio_tl_subsidies", np.nan,
         "state co-financing of cluster projects: 70/30 if the state initiates, 50/50 if business does",
         src + ": 420"),
        ("spatial", 2006, 2015, "prio_tl_territorial_strategy", np.nan,
         "Territorial Development Strategy to 2015: polarisation, priority for the capital and large cities",
         _MANUILOV),
        ("spatial", 2018, 2025, "prio_tl_strategic_plan", float(f["growth_centres_agglomerations"]
                                                               + f["growth_centres_urbanised_zones"]
                                                               + f["growth_centres_mono_small_towns"]),
         "Strategic Plan to 2025, 'managed urbanisation': 4 agglomerations, 14 large urbanised zones, "
         "18 remote and border mono- and small towns", "Iskaliev 2022: 59, cited in " + _MANUILOV),
        ("spatial", 2021, 2025, "prio_tl_national_plan", np.nan,
         "National Development Plan to 2025: 'growth points' incl. small towns, mono-towns and support "
         "rural settlements", _MANUILOV),
    ]
    out = pd.DataFrame(rows, columns=["track", "start", "end", "event_key", "count", "note_en", "source"])
    out["start"] = out["start"].astype("int64")
    out["end"] = out["end"].astype("Int64")
    return out


#: Spec's verified corrections of Table A2 (complexity_and_scenarios.md §1.5, public sources).
_RANK_CORRECTIONS = {("imd", "KZ"): (37.0, "IMD 2023: Kazakhstan 37th of 64 (Astana Times, 27 Jun 2023)"),
                     ("imd", "SG"): (4.0, "IMD 2023: Singapore 4th, behind Denmark, Ireland, Switzerland"),
                     ("gii", "KZ"): (81.0, "GII 2023: Kazakhstan 81st")}


def malaysia_kazakhstan(part: str = "rankings") -> pd.DataFrame:
    """Malaysia vs Kazakhstan (Bespalyi and Andakov), with the spec's verified corrections of the rankings.

    Parameters
    ----------
    part : {"rankings", "comparison", "problems"}
        ``"rankings"``: Table A2 in long form, one row per ranking and country;
        ``"comparison"``: Table A4 (structural problems, Malaysia vs
        Kazakhstan); ``"problems"``: Table A3 (Malaysia's problems and the
        NIMP 2030 response).

    Returns
    -------
    pandas.DataFrame
        rankings: ``ranking, ranking_key, year, country, rank_printed,
        rank_verified, corrected, correction_note, n_ranked, percentile``
        (``rank / n`` of the verified rank; lower is better;
        ``doing_business`` is a legacy series, discontinued 2021); the other
        parts: the transcribed columns as printed (English and Russian).

    Examples
    --------
    >>> r = malaysia_kazakhstan()
    >>> r.loc[r["corrected"], ["ranking", "country", "rank_printed", "rank_verified"]].values.tolist()
    [['gii', 'KZ', 82.0, 81.0], ['imd', 'KZ', 42.0, 37.0], ['imd', 'SG', 3.0, 4.0]]
    """
    if part == "comparison":
        return _data.load("seed004_cx_a4_my_kz_comparison").copy()
    if part == "problems":
        return _data.load("seed004_cx_a3_malaysia_problems").copy()
    if part != "rankings":
        raise DataError(f"part must be rankings, comparison or problems, not {part!r}", column="part")
    a = _data.load("seed004_cx_a2_rankings")
    # one row per ranking x country: the country's own rank, else its "SEA leaders" mention
    a = a.assign(_own=(a["measure"] == "rank").astype(int)).sort_values(["ranking", "country", "_own"])
    a = a.drop_duplicates(["ranking", "country"], keep="last")
    order = {"gii": 0, "imd": 1, "eci": 2, "doing_business": 3}
    a = a.assign(_o=a["ranking"].map(order)).sort_values(["_o", "country"], kind="stable")
    out = pd.DataFrame({"ranking": a["ranking"].to_numpy(), "year": a["year"].astype("int64").to_numpy(),
                        "country": a["country"].to_numpy(), "rank_printed": a["value"].to_numpy()})
    out.insert(1, "ranking_key", "prio_rank_" + out["ranking"])
    fix = [_RANK_CORRECTIONS.get((r, c)) for r, c in zip(out["ranking"], out["country"])]
    out["rank_verified"] = [f[0] if f else v for f, v in zip(fix, out["rank_printed"])]
    out["corrected"] = [f is not None for f in fix]
    out["correction_note"] = [f[1] if f else "" for f in fix]
    out["n_ranked"] = a["n_ranked"].astype("int64").to_numpy()
    out["percentile"] = out["rank_verified"] / out["n_ranked"]
    out.attrs.update(source=_BESPALYI + ", Table A2; corrections: specs/complexity_and_scenarios.md §1.5",
                     source_class="paper")
    return out


def scenarios(level: str = "development") -> pd.DataFrame:
    """Scenario narratives of Kaumetova and Suleimenov (qualitative: the paper quantifies nothing).

    Parameters
    ----------
    level : {"development", "global"}
        ``"development"``: the three scenarios for Kazakhstan's industry
        (S1-S3, the paper's only table); ``"global"``: the four global-context
        scenarios (G1-G4).

    Returns
    -------
    pandas.DataFrame
        ``id, name_key`` (i18n) and the transcribed Kazakh and English columns.

    Examples
    --------
    >>> scenarios()["id"].tolist(), scenarios("global")["name_key"].iloc[0]
    (['S1', 'S2', 'S3'], 'prio_scen_g1')
    """
    if level not in ("development", "global"):
        raise DataError(f"level must be development or global, not {level!r}", column="level")
    name = "seed004_cx_b_development_scenarios" if level == "development" else "seed004_cx_b_global_scenarios"
    t = _data.load(name).copy()
    t.insert(1, "name_key", "prio_scen_" + t["id"].str.lower())
    t.attrs.update(source=_KAUMETOVA, source_class="paper")
    return t
