r"""Seed 003's six innovation indicators from official statistics.

Seed 003 («ICT clusters in Kazakhstan's regions: innovation-development index
and modified Krugman specialisation index») ranks regions by an
innovation-development index built from six indicators [1]_ in two groups:

* innovation receptivity (*IS*): J_D labour productivity, J_F return on fixed
  assets, J_E stability of production;
* innovation activity (*IA*): J_A R&D expenditure per worker, J_B expenditure
  on technological innovation per employed person, J_C innovative products per
  capita.

Each indicator is divided by the leading region's value (leader = 100 %,
eq. 1), averaged within its group (eqs. 2-3), and the two group scores are
averaged with weights 0.5 / 0.5 (eq. 4); :func:`kzclusters.composite.composite_index`
does this.  **The paper does not publish its raw indicators**, so its Table 1
(2010 and 2016) cannot be recomputed.  This module builds the closest official
equivalents from the BNS bulletins «Инновациялық қызмет» [2]_ and
«Ғылыми-зерттеу және тәжірибелік-конструкторлық жұмыстар» [3]_ and the BNS
regional series (GRP, employment, investment, population, labour productivity,
GRP volume index) [4]_.  The bulletins' reference year is **2022** (they were
published in 2023; the issue asked for 2023, but the shipped bulletins are
2022), so the index from official data exists for 2022 only, on the 20-unit map.

Two indicators are **proxies** (:attr:`Indicator.proxy`), and labelled so on
screen: J_F uses the flow of fixed-capital investment instead of the fixed-asset
stock (not in our data), and J_E, which the paper does not define at all, is
the volatility of real GRP growth.  J_B is flagged too: since the Oslo Manual
2018 the bulletin reports *innovation* expenditure (product and
business-process innovation), no longer *technological* innovation expenditure.

Users who have the paper's own series (or better ones) can download
:func:`template`, overwrite values, drop indicators and upload the file;
:func:`read_indicators` validates it for ``composite_index``.

References
----------
.. [1] Seed 003, equations (1)-(4) and Table 1 (spec ``cluster_potential_and_ict.md`` §1.2).
.. [2] BNS, «Инновациялық қызмет» / «Инновационная деятельность», bulletin for 2022 (published 18.05.2023):
   tables 7 (volume of innovative products) and 9 (expenditure on innovation).
.. [3] BNS, «Ғылыми-зерттеу және тәжірибелік-конструкторлық жұмыстар» / «Научно-исследовательские и
   опытно-конструкторские работы», bulletin for 2022 (published 20.03.2023): table 1 (internal R&D
   expenditure).
.. [4] BNS regional statistics (``data/sources.csv``): GRP by region (``grp_gva``), employed population
   (``employment``), investment in fixed capital (``investment``), average population (``population``),
   labour productivity (table 5933, ``labour_productivity``) and the real GRP volume index
   (``grp_volume_index``).
"""

from __future__ import annotations

import io as _io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import pandas as pd

from . import data as _data
from . import io as _kio
from ._errors import DataError
from .composite import SEED003_GROUP_WEIGHTS, SEED003_GROUPS
from .registry import regions as _regions

__all__ = ["Indicator", "INDICATORS", "CODES", "DIRECTION", "NAMES", "bns_indicators", "definitions",
           "template", "read_indicators", "index_options"]


# ----------------------------------------------------------------------------- the indicator table


@dataclass(frozen=True)
class Indicator:
    """One of seed 003's six indicators and how it is built from official statistics.

    Attributes
    ----------
    code : str
        ``"J_A"`` ... ``"J_F"`` (the paper's symbols).
    group : str
        ``"IS"`` (innovation receptivity) or ``"IA"`` (innovation activity).
    direction : int
        ``+1`` higher is better, ``-1`` lower is better (pass to
        ``composite_index(direction=...)``; see :data:`DIRECTION`).
    unit : str
        Exact unit of :func:`bns_indicators`' values (English; shown in the template).
    numerator : tuple of str
        ``(dataset, indicator or sector)`` for :func:`kzclusters.data.load`.
    denominator : str or None
        Dataset of the denominator (None: the numerator is already a ratio).
    proxy : bool
        True where the paper's concept is not directly measurable and a stand-in is used.
    key : str
        Stem of the i18n keys: ``key + "_name"``, ``key + "_def"``, ``key + "_unit"``,
        ``key + "_proxy"``.

    Examples
    --------
    >>> ind = INDICATORS[0]
    >>> ind.code, ind.group, ind.unit
    ('J_D', 'IS', 'thousand KZT per employed person')
    >>> ind.name_key, ind.definition_key, ind.proxy_note_key
    ('innov_J_D_name', 'innov_J_D_def', None)
    """

    code: str
    group: str
    direction: int
    unit: str
    numerator: tuple
    denominator: str | None
    proxy: bool
    key: str

    @property
    def name_key(self) -> str:
        """i18n key of the indicator's name.

        Returns
        -------
        str

        Examples
        --------
        >>> INDICATORS[2].name_key
        'innov_J_E_name'
        """
        return f"{self.key}_name"

    @property
    def definition_key(self) -> str:
        """i18n key of the definition shown on screen.

        Returns
        -------
        str

        Examples
        --------
        >>> INDICATORS[2].definition_key
        'innov_J_E_def'
        """
        return f"{self.key}_def"

    @property
    def unit_key(self) -> str:
        """i18n key of the unit, translated (:attr:`unit` is the English text).

        Returns
        -------
        str

        Examples
        --------
        >>> INDICATORS[5].unit_key
        'innov_J_C_unit'
        """
        return f"{self.key}_unit"

    @property
    def proxy_note_key(self) -> str | None:
        """i18n key of the note that explains the proxy (None if the indicator is not a proxy).

        Returns
        -------
        str or None

        Examples
        --------
        >>> INDICATORS[2].proxy_note_key
        'innov_J_E_proxy'
        """
        return f"{self.key}_proxy" if self.proxy else None

    @property
    def source(self) -> str:
        """Datasets the indicator is computed from, as ``dataset (item) / dataset``.

        Returns
        -------
        str

        Examples
        --------
        >>> INDICATORS[3].source
        'rd (rd_expenditure_internal_thousand_kzt) / employment'
        """
        num = f"{self.numerator[0]} ({self.numerator[1]})"
        return f"{num} / {self.denominator}" if self.denominator else num


#: The six indicators in the order the paper lists them: IS = J_D, J_F, J_E; IA = J_A, J_B, J_C.
INDICATORS: tuple[Indicator, ...] = (
    Indicator("J_D", "IS", +1, "thousand KZT per employed person", ("labour_productivity", "TOTAL"), None,
              False, "innov_J_D"),
    Indicator("J_F", "IS", +1, "KZT of GRP per KZT of fixed-capital investment", ("grp_gva", "GDP"),
              "investment", True, "innov_J_F"),
    Indicator("J_E", "IS", -1, "percentage points (standard deviation of annual real GRP growth)",
              ("grp_volume_index", "GDP"), None, True, "innov_J_E"),
    Indicator("J_A", "IA", +1, "KZT per employed person", ("rd", "rd_expenditure_internal_thousand_kzt"),
              "employment", False, "innov_J_A"),
    Indicator("J_B", "IA", +1, "KZT per employed person", ("innovation", "innovation_expenditure_mln_kzt"),
              "employment", True, "innov_J_B"),
    Indicator("J_C", "IA", +1, "KZT per person", ("innovation", "innovative_products_mln_kzt"), "population",
              False, "innov_J_C"),
)
#: The codes, in the order of :data:`INDICATORS`.
CODES: tuple[str, ...] = tuple(i.code for i in INDICATORS)
#: Indicator -> +1 / -1 for ``composite_index(direction=...)`` (only J_E, a volatility, is lower-is-better).
DIRECTION = MappingProxyType({i.code: i.direction for i in INDICATORS})
_BY_CODE = {i.code: i for i in INDICATORS}

#: Names of the indicators in en / ru / kk (the texts of the ``innov_J_*_name`` i18n keys; also accepted
#: in uploaded files, as are the paper's own wordings in :data:`_ALIASES`).
NAMES = MappingProxyType({
    "J_A": MappingProxyType({
        "en": "R&D expenditure per employed person",
        "ru": "Внутренние затраты на НИОКР на одного занятого",
        "kk": "Бір жұмыспен қамтылған адамға шаққандағы ҒЗТКЖ-ға ішкі шығындар"}),
    "J_B": MappingProxyType({
        "en": "Innovation expenditure per employed person",
        "ru": "Затраты на инновации на одного занятого",
        "kk": "Бір жұмыспен қамтылған адамға шаққандағы инновацияларға жұмсалған шығындар"}),
    "J_C": MappingProxyType({
        "en": "Innovative products per capita",
        "ru": "Объём инновационной продукции на душу населения",
        "kk": "Жан басына шаққандағы инновациялық өнім көлемі"}),
    "J_D": MappingProxyType({
        "en": "Labour productivity",
        "ru": "Производительность труда",
        "kk": "Еңбек өнімділігі"}),
    "J_E": MappingProxyType({
        "en": "Stability of production",
        "ru": "Устойчивость производства",
        "kk": "Өндірістің тұрақтылығы"}),
    "J_F": MappingProxyType({
        "en": "Return on fixed assets",
        "ru": "Фондоотдача",
        "kk": "Негізгі қорлардың қайтарымы"}),
})
# The paper's wordings (seed 003, Russian text, and the spec's English), also accepted as indicator labels.
_ALIASES = {
    "J_A": ("расходы на исследования и разработки на 1 работника", "R&D expenditure per worker",
            "затраты на НИОКР на одного занятого"),
    "J_B": ("расходы на технологические инновации на 1 занятого",
            "expenditure on technological innovation per employed person",
            "затраты на технологические инновации на одного занятого"),
    "J_C": ("объем инновационной продукции на душу населения",),
    "J_D": ("производительность труда в экономике региона", "labour productivity in the regional economy",
            "labor productivity"),
    "J_E": ("stability of production", "sustainability of production"),
    "J_F": ("отдача основных фондов", "влияние основных фондов", "return on fixed assets",
            "capital productivity"),
}

_INNOVATION_SETS = ("innovation", "rd")
_REASONS = {
    "x": ("innov_reason_confidential", "the BNS bulletin marks the cell confidential (x)"),
    "absent": ("innov_reason_not_published", "not published for this region and year"),
    "years": ("innov_reason_too_few_years", "too few years of real GRP growth"),
}


# ----------------------------------------------------------------------------- helpers


def _check_int(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise DataError(f"{what} must be a whole number, got {value!r}")
    return int(value)


def _units(year: int) -> list[str]:
    """Region codes (no KZ) that exist in `year`, in registry order."""
    reg = _regions()
    reg = reg[reg["kind"].isin(["region", "city"])]
    start = pd.to_numeric(reg["valid_from"], errors="coerce").fillna(-np.inf)
    end = pd.to_numeric(reg["valid_to"], errors="coerce").fillna(np.inf)
    return reg.loc[(start <= year) & (end >= year), "code"].tolist()


def _parents() -> dict[str, str]:
    """Region -> the unit whose territory contained it before it existed (parent_17, else parent_16)."""
    reg = _regions()
    out = {}
    for code, p17, p16 in zip(reg["code"], reg["parent_17"], reg["parent_16"]):
        p = p17 or p16
        if p and "+" not in p:
            out[code] = p
    return out


def _innovation_years() -> list[int]:
    years = [set(_data.load(n)["year"].unique().tolist()) for n in _INNOVATION_SETS]
    return sorted(set.intersection(*years))


def _series(name: str, year: int, item: str | None = None) -> pd.Series:
    """One year of a BNS regional series, indexed by region."""
    d = _data.load(name)
    d = d[d["year"] == year]
    if item is not None:
        d = d[d["sector"] == item]
    if "area" in d:
        d = d[d["area"] == "ALL"]
    return d.set_index("region")["value"]


class _Missing:
    """Collects why a cell is NaN."""

    def __init__(self):
        self.rows: list[dict] = []

    def add(self, region, code, kind, detail=""):
        key, text = _REASONS[kind]
        self.rows.append({"region": region, "indicator": code, "reason_key": key,
                          "reason": text + (f" ({detail})" if detail else "")})


def _bulletin(name: str, item: str, year: int, units, code, missing: _Missing, notes: list) -> pd.Series:
    """A bulletin indicator with its flags: x -> NaN (confidential), "-" -> 0 (none), absent -> NaN."""
    d = _data.load(name)
    d = d[(d["year"] == year) & (d["indicator"] == item)].set_index("region")
    out = pd.Series(np.nan, index=units, dtype="float64")
    for r in units:
        if r not in d.index:
            missing.add(r, code, "absent", f"{name}: {item}")
            continue
        flag = d.at[r, "flag"]
        flag = "" if pd.isna(flag) else str(flag)
        if flag == "x":
            missing.add(r, code, "x", f"{name}: {item}")
        elif flag == "-":
            out[r] = 0.0
            notes.append(f"{code} {r}: the bulletin prints a dash (none) for {item}; read as 0")
        else:
            out[r] = float(d.at[r, "value"])
    return out


def _divide(num: pd.Series, den: pd.Series, scale: float, units, code, missing: _Missing,
            what: str) -> pd.Series:
    den = den.reindex(units)
    for r in units:
        if pd.isna(den[r]) or den[r] <= 0:
            missing.add(r, code, "absent", what)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (num.reindex(units) * scale / den.where(den > 0)).astype("float64")


def _stability(year: int, n_years: int, min_years: int, units, missing: _Missing,
               notes: list) -> tuple[pd.Series, dict]:
    """SD (ddof 1) of annual real GRP growth over `n_years` to `year`, with the parent rule."""
    vi = _data.load("grp_volume_index")
    wide = vi.pivot(index="year", columns="region", values="value")
    window = list(range(year - n_years + 1, year + 1))
    parents = _parents()
    out = pd.Series(np.nan, index=units, dtype="float64")
    borrowed: dict[str, dict] = {}
    for r in units:
        own = wide[r].dropna() if r in wide else pd.Series(dtype="float64")
        first = int(own.index.min()) if len(own) else year + 1
        vals = []
        for y in window:
            v = own.get(y, np.nan)
            if np.isnan(v) and y < first:
                p = parents.get(r)
                while p is not None and np.isnan(v):       # walk up: child -> parent -> grandparent
                    if p in wide and y in wide.index:
                        v = wide.at[y, p]
                        if not np.isnan(v):
                            borrowed.setdefault(r, {}).setdefault(p, []).append(y)
                    p = parents.get(p)
            vals.append(v)
        g = np.asarray(vals, dtype="float64") - 100.0
        g = g[~np.isnan(g)]
        if g.size < min_years:
            missing.add(r, "J_E", "years", f"{g.size} of {n_years} years {window[0]}-{window[-1]}; "
                        f"at least {min_years} needed")
            continue
        out[r] = float(np.std(g, ddof=1))
    for r, by_parent in borrowed.items():
        for p, ys in by_parent.items():
            notes.append(f"J_E {r}: real GRP growth {ys[0]}-{ys[-1]} taken from {p} (the region did not "
                         f"exist yet and {p}'s territory contained it)")
    return out, {r: {p: list(ys) for p, ys in bp.items()} for r, bp in borrowed.items()}


# ----------------------------------------------------------------------------- official indicators


def bns_indicators(year: int = 2022, *, stability_years: int = 10, min_years: int = 5,
                   capital_years: int = 1, productivity: str = "bns") -> pd.DataFrame:
    r"""Seed 003's six indicators for the 20 regions, from the BNS bulletins and regional series.

    With :math:`E_r` employed persons, :math:`P_r` average population,
    :math:`Y_r` GRP (current prices), :math:`K_r` investment in fixed capital and
    :math:`v_{r,y}` the real GRP volume index (% of the previous year), for year *t*:

    .. math::

        J_D &= \text{BNS labour productivity, whole economy}
               \quad (\text{or } Y_r / E_r \text{ with } \texttt{productivity="grp"}) \\
        J_E &= \operatorname{sd}\{v_{r,y} - 100 : y = t-n+1, \dots, t\}
               \quad (\text{sample SD, lower is more stable}) \\
        J_F &= Y_{r,t} \big/ \tfrac{1}{k}\textstyle\sum_{y=t-k+1}^{t} K_{r,y} \\
        J_A &= \text{internal R\&D expenditure}_r / E_r, \qquad
        J_B = \text{innovation expenditure}_r / E_r, \qquad
        J_C = \text{innovative products}_r / P_r

    Units (exact): J_D thousand KZT per employed person; J_E percentage
    points; J_F KZT of GRP per KZT of investment; J_A and J_B KZT per employed
    person (R&D is published in thousand KZT, innovation expenditure in million
    KZT, employment in thousand persons); J_C KZT per person (million KZT /
    persons).  See :data:`INDICATORS`.

    Parameters
    ----------
    year : int, default 2022
        Reference year.  The innovation and R&D bulletins exist for 2022 only.
    stability_years : int, default 10
        *n*, the window of J_E (years *t - n + 1* .. *t*); >= 2.
    min_years : int, default 5
        Fewest years of growth J_E needs (2 .. `stability_years`); fewer -> NaN.
    capital_years : int, default 1
        *k*, years of investment averaged in the denominator of J_F (1 = the same
        year).  Where a region has fewer years (Abai, Zhetisu, Ulytau: from 2022)
        the available years are averaged and a note says so.
    productivity : {"bns", "grp"}, default "bns"
        J_D from the published BNS labour productivity (table 5933), or GRP /
        employed (million KZT / thousand persons = thousand KZT per person).
        They do not agree in level: in 2022 GRP / employed is 11-24 % higher
        (the published series is not GRP over the employed of our tables; GRP
        also includes net taxes on products), but the two rank the regions
        almost identically (Spearman 0.998).

    Returns
    -------
    pandas.DataFrame
        Long table ``region, year, indicator, value`` (20 regions x 6
        indicators, in :data:`INDICATORS` order, no national row), ready for
        :func:`kzclusters.composite.composite_index`.  Values are > 0 where
        defined (0 only where a bulletin prints a dash, "none").  NaN where a
        cell is confidential, unpublished or has too few years; ``.attrs``:
        ``year``, ``missing`` (list of dicts ``region, indicator, reason,
        reason_key``), ``notes`` (list of str: dashes, the parent rule of J_E,
        short investment windows), ``borrowed`` (region -> parent -> years
        used for J_E), ``units`` (code -> unit) and ``settings``.

    Raises
    ------
    DataError
        For a year without bulletin data (the message lists the years that
        exist), a window shorter than 2 years, `min_years` outside
        2..`stability_years`, `capital_years` < 1 or an unknown `productivity`.

    Notes
    -----
    *J_E, stability of production* is not defined in the paper.  We use the
    standard deviation of annual real GRP growth over 10 years (volatility,
    lower = more stable; `direction` -1), a standard measure of output
    stability.  Abai, Zhetisu and Ulytau were carved out of East Kazakhstan,
    Almaty Region and Karaganda in 2022 and their growth series start in 2021
    (Ulytau 2022): for the years before that the parent region's published
    series is used, because the parent's territory then contained them (the
    same rule gives Shymkent and Turkistan the South Kazakhstan series before
    2011 when the window reaches back that far).

    *J_F, return on fixed assets* needs the stock of fixed assets, which is not
    in our data; GRP per tenge of fixed-capital investment uses the investment
    **flow** as a proxy for the capital stock.

    References
    ----------
    .. [1] Seed 003, equations (1)-(4): the six indicators and the leader normalisation.
    .. [2] BNS bulletin «Инновационная деятельность» 2022, tables 7 and 9.
    .. [3] BNS bulletin «Научно-исследовательские и опытно-конструкторские работы» 2022, table 1.

    Examples
    --------
    >>> ind = bns_indicators()
    >>> ind["region"].nunique(), sorted(ind["indicator"].unique()), int(ind["year"].iloc[0])
    (20, ['J_A', 'J_B', 'J_C', 'J_D', 'J_E', 'J_F'], 2022)
    >>> v = ind.set_index(["region", "indicator"])["value"]
    >>> round(v["ALA", "J_A"])       # 46,759,433.9 thousand KZT / 997.963 thousand employed
    46855
    >>> bns_indicators(2023)
    Traceback (most recent call last):
    ...
    kzclusters._errors.DataError: the BNS innovation and R&D bulletins shipped cover 2022 only ...
    """
    year = _check_int(year, "year")
    stability_years = _check_int(stability_years, "stability_years")
    min_years = _check_int(min_years, "min_years")
    capital_years = _check_int(capital_years, "capital_years")
    years = _innovation_years()
    if year not in years:
        raise DataError(f"the BNS innovation and R&D bulletins shipped cover {', '.join(map(str, years))} "
                        f"only (reference year of the 2023 publications), not {year}; choose "
                        f"{years[-1]} or upload your own indicators", key="err_innov_year", year=year,
                        years=", ".join(map(str, years)))
    if stability_years < 2:
        raise DataError(f"stability_years must be >= 2 (a standard deviation needs two years), got "
                        f"{stability_years}")
    if not 2 <= min_years <= stability_years:
        raise DataError(f"min_years must be between 2 and stability_years ({stability_years}), got "
                        f"{min_years}")
    if capital_years < 1:
        raise DataError(f"capital_years must be >= 1, got {capital_years}")
    if productivity not in ("bns", "grp"):
        raise DataError(f"unknown productivity {productivity!r}; use 'bns' (published labour productivity) "
                        "or 'grp' (GRP / employed)")
    units = _units(year)
    missing, notes = _Missing(), []
    emp = _series("employment", year)              # thousand persons
    grp = _series("grp_gva", year, "GDP")          # million KZT
    cols: dict[str, pd.Series] = {}

    # J_D labour productivity, thousand KZT per employed person
    if productivity == "bns":
        lp = _series("labour_productivity", year, "TOTAL").reindex(units)
        for r in units:
            if pd.isna(lp[r]):
                missing.add(r, "J_D", "absent", "labour_productivity")
        cols["J_D"] = lp.astype("float64")
    else:   # million KZT / thousand persons = thousand KZT per person
        cols["J_D"] = _divide(grp, emp, 1.0, units, "J_D", missing, "grp_gva / employment")
    # J_E stability: SD of real GRP growth, percentage points
    cols["J_E"], borrowed = _stability(year, stability_years, min_years, units, missing, notes)
    # J_F GRP per KZT of investment (both million KZT, current prices)
    inv = _data.load("investment")
    inv = inv[inv["year"].between(year - capital_years + 1, year)]
    counts = inv.groupby("region")["value"].count()
    avg = inv.groupby("region")["value"].mean()
    if capital_years > 1:
        for r in units:
            if 0 < counts.get(r, 0) < capital_years:
                notes.append(f"J_F {r}: investment averaged over {int(counts[r])} of {capital_years} years "
                             "(the region's series is shorter)")
    cols["J_F"] = _divide(grp, avg, 1.0, units, "J_F", missing, "grp_gva / investment")
    # J_A internal R&D expenditure per employed: thousand KZT / thousand persons = KZT per person
    rd = _bulletin("rd", "rd_expenditure_internal_thousand_kzt", year, units, "J_A", missing, notes)
    cols["J_A"] = _divide(rd, emp, 1.0, units, "J_A", missing, "employment")
    # J_B innovation expenditure per employed: million KZT / thousand persons x 1000 = KZT per person
    ie = _bulletin("innovation", "innovation_expenditure_mln_kzt", year, units, "J_B", missing, notes)
    cols["J_B"] = _divide(ie, emp, 1e3, units, "J_B", missing, "employment")
    # J_C innovative products per capita: million KZT x 1e6 / persons = KZT per person
    ip = _bulletin("innovation", "innovative_products_mln_kzt", year, units, "J_C", missing, notes)
    pop = _series("population", year)
    cols["J_C"] = _divide(ip, pop, 1e6, units, "J_C", missing, "population")

    out = pd.DataFrame({
        "region": pd.array(np.tile(units, len(CODES)), dtype="str"),
        "year": np.full(len(units) * len(CODES), year, dtype="int64"),
        "indicator": pd.array(np.repeat(CODES, len(units)), dtype="str"),
        "value": np.concatenate([cols[c].reindex(units).to_numpy(dtype="float64") for c in CODES]),
    })
    seen, dedup = set(), []
    for m in missing.rows:       # one reason per cell (the first found)
        k = (m["region"], m["indicator"])
        if k not in seen:
            seen.add(k)
            dedup.append(m)
    out.attrs.update(year=year, missing=dedup, notes=notes, borrowed=borrowed,
                     units={i.code: i.unit for i in INDICATORS},
                     settings={"stability_years": stability_years, "min_years": min_years,
                               "capital_years": capital_years, "productivity": productivity})
    return out


# ----------------------------------------------------------------------------- definitions and template


def definitions() -> pd.DataFrame:
    """The six indicators as a table for the UI: code, group, direction, unit, proxy, keys and sources.

    The texts behind the keys (``innov_J_*_name``, ``innov_J_*_def``,
    ``innov_J_*_unit``, ``innov_J_*_proxy``) are in the i18n catalogues; ``source`` names the
    datasets of :func:`kzclusters.data.load`.

    Returns
    -------
    pandas.DataFrame
        One row per indicator in :data:`INDICATORS` order, columns ``code,
        group, direction, unit, proxy, name_key, definition_key, unit_key,
        proxy_note_key, source``.

    References
    ----------
    .. [1] Seed 003, equations (2)-(3) (the two groups of three indicators).
    .. [2] BNS innovation and R&D bulletins for 2022.

    Examples
    --------
    >>> d = definitions()
    >>> d[["code", "group", "direction", "proxy"]].values.tolist()[:3]
    [['J_D', 'IS', 1, False], ['J_F', 'IS', 1, True], ['J_E', 'IS', -1, True]]
    >>> d.loc[d["code"] == "J_C", "source"].item()
    'innovation (innovative_products_mln_kzt) / population'
    """
    return pd.DataFrame({
        "code": [i.code for i in INDICATORS], "group": [i.group for i in INDICATORS],
        "direction": [i.direction for i in INDICATORS], "unit": [i.unit for i in INDICATORS],
        "proxy": [i.proxy for i in INDICATORS], "name_key": [i.name_key for i in INDICATORS],
        "definition_key": [i.definition_key for i in INDICATORS],
        "unit_key": [i.unit_key for i in INDICATORS],
        "proxy_note_key": [i.proxy_note_key for i in INDICATORS],
        "source": [i.source for i in INDICATORS]})


def template(year: int = 2022, **kwargs) -> pd.DataFrame:
    """The upload template: the official proxies in the long layout that :func:`read_indicators` reads.

    Users download it (CSV or XLSX), overwrite values, delete rows of
    indicators they do not want, and upload it again.

    Parameters
    ----------
    year : int, default 2022
        Year of the prefilled values (see :func:`bns_indicators`).
    **kwargs
        Passed to :func:`bns_indicators` (e.g. ``stability_years=15``).

    Returns
    -------
    pandas.DataFrame
        Columns ``region`` (ISO 3166-2 code, e.g. ``KZ-75``), ``indicator``
        (``J_A`` ... ``J_F``), ``year``, ``value`` (NaN where
        :func:`bns_indicators` has none) and ``unit`` (the exact unit; a
        column named "unit" is metadata that :func:`kzclusters.io.read_table`
        ignores).  Ordered by region, then indicator.

    Raises
    ------
    DataError
        As :func:`bns_indicators`.

    References
    ----------
    .. [1] Seed 003, equations (1)-(4); BNS innovation and R&D bulletins for 2022.

    Examples
    --------
    >>> t = template()
    >>> list(t.columns), len(t)
    (['region', 'indicator', 'year', 'value', 'unit'], 120)
    >>> t.iloc[0][["region", "indicator", "unit"]].tolist()
    ['KZ-10', 'J_D', 'thousand KZT per employed person']
    """
    ind = bns_indicators(year, **kwargs)
    iso = _regions().set_index("code")["iso_3166_2"]
    order = {c: i for i, c in enumerate(_units(year))}
    pos = {c: i for i, c in enumerate(CODES)}
    ind = ind.assign(_r=ind["region"].map(order), _i=ind["indicator"].map(pos))
    ind = ind.sort_values(["_r", "_i"], kind="stable")
    out = pd.DataFrame({
        "region": pd.array(ind["region"].map(iso).to_numpy(), dtype="str"),
        "indicator": pd.array(ind["indicator"].to_numpy(), dtype="str"),
        "year": ind["year"].to_numpy(dtype="int64"),
        "value": ind["value"].to_numpy(dtype="float64"),
        "unit": pd.array(ind["indicator"].map({i.code: i.unit for i in INDICATORS}).to_numpy(), dtype="str"),
    })
    out.attrs.update({k: v for k, v in ind.attrs.items()})
    return out


# ----------------------------------------------------------------------------- reading users' files


def _label_key(text) -> str:
    s = unicodedata.normalize("NFKC", str(text)).casefold().replace("ё", "е")
    return "".join(ch for ch in s if ch.isalnum())


def _label_index() -> dict[str, str]:
    out: dict[str, str] = {}
    for code in CODES:
        labels = [code, code.replace("_", ""), *NAMES[code].values(), *_ALIASES.get(code, ())]
        for lab in labels:
            out[_label_key(lab)] = code
    return out


_LABELS = _label_index()


def _code_of(label) -> str | None:
    s = str(label).strip()
    for cand in (s, re.sub(r"\s*[\(\[].*$", "", s), s.split(",")[0]):
        code = _LABELS.get(_label_key(cand))
        if code is not None:
            return code
    return None


@dataclass(frozen=True)
class _Where:
    """Spreadsheet row of each output row of read_table, and the column labels."""

    rows: list
    region: str
    indicator: str
    value: dict           # year -> column label (wide) or {None: label} (long)
    year: str | None


def _locate(content, name: str, n_out: int) -> _Where:
    """Row numbers as a spreadsheet shows them, computed the way kzclusters.io.read_table walks the file."""
    grid, _ = _kio._grid(content, name, encoding=None, delimiter=None, sheet=None)
    while grid and all(_kio._blank(c) for c in grid[-1]):
        grid.pop()
    h = _kio._find_header(grid, {})
    header = list(grid[h])
    width = max(len(r) for r in grid[h:])
    header += [None] * (width - len(header))
    data_rows = [i + 1 for i, r in enumerate(grid[h + 1:], start=h + 1)
                 if not all(_kio._blank(c) for c in list(r) + [None] * (width - len(r)))]

    def label(j):
        return _kio._text(header[j]) if not _kio._blank(header[j]) else _kio._letter(j)

    roles = {j: _kio._role(c, {}) for j, c in enumerate(header)}
    reg = next((label(j) for j, r in roles.items() if r == "region"), label(0))
    ind = next((label(j) for j, r in roles.items() if r == "indicator"), "indicator")
    year = next((label(j) for j, r in roles.items() if r == "year"), None)
    if year is not None:
        value = {None: next((label(j) for j, r in roles.items() if r == "value"), "value")}
        rows = data_rows
    else:
        value = {}
        for j, c in enumerate(header):
            status, y = _kio._header_year(c)
            if roles[j] is None and status == "year":
                value[y] = label(j)
        per = max(len(value), 1)
        rows = [n for n in data_rows for _ in range(per)]
    rows = (rows + [None] * n_out)[:n_out]
    return _Where(rows, reg, ind, value, year)


def read_indicators(source, *, filename: str | None = None) -> pd.DataFrame:
    """Read a user's file of seed-003 indicators and validate it for ``composite_index``.

    The file is read by :func:`kzclusters.io.read_table` with
    ``kind="indicators"`` (CSV or XLSX, long or wide layout, names or codes of
    regions in kk/ru/en, decimal commas ...).  Indicator labels are then mapped
    to the codes J_A ... J_F: the code in any case (``J_A``, ``j_a``, ``JA``),
    the indicator names in English, Russian or Kazakh (:data:`NAMES`) and the
    paper's own wordings.  Values must be >= 0 because the leader
    normalisation (seed 003 eq. 1, :math:`J = 100\\,x / \\max x`) needs them
    (0 is allowed and scores 0).  Indicators may be left out (the index is then
    built from the others: see :func:`index_options`).

    Parameters
    ----------
    source : str, pathlib.Path, bytes or file-like
        The file (see :func:`kzclusters.io.read_table`); only read, never modified.
    filename : str, optional
        Name for messages (needed with bytes).

    Returns
    -------
    pandas.DataFrame
        ``region, year, indicator, value`` (region codes, indicator codes, NaN
        for empty cells), in file order.  ``.attrs``: ``source`` (file name),
        ``indicators`` (codes present, in :data:`INDICATORS` order),
        ``missing_indicators`` (the others) and ``years``.

    Raises
    ------
    DataError
        Everything :func:`kzclusters.io.read_table` raises (unknown region,
        duplicate rows, text in a number cell ...), and: an unknown indicator
        (``key="err_indicator_unknown"``, with the accepted codes), the national
        total as a region (``err_indicator_national``), a negative value
        (``err_indicator_negative``), the same region, indicator and year twice
        under different labels (``err_indicator_duplicate``), a year with
        fewer than two regions (``err_indicator_few_regions``).  Each names the
        file, the row as a spreadsheet shows it and the column.

    References
    ----------
    .. [1] Seed 003, equations (1)-(4); :mod:`kzclusters.composite`.

    Examples
    --------
    >>> raw = ("region;indicator;year;value\\nKZ-75;j_a;2022;46 855,2\\nKZ-71;JA;2022;36 708\\n"
    ...        "Алматы қаласы;Производительность труда;2022;16834,5\\n"
    ...        "KZ-71;Labour productivity;2022;15277,8\\n")
    >>> df = read_indicators(raw.encode(), filename="mine.csv")
    >>> df.values.tolist()
    [['ALA', 2022, 'J_A', 46855.2], ['AST', 2022, 'J_A', 36708.0],
     ['ALA', 2022, 'J_D', 16834.5], ['AST', 2022, 'J_D', 15277.8]]
    >>> df.attrs["indicators"]
    ('J_D', 'J_A')
    >>> bad = b"region,indicator,year,value\\nKZ-75,J_G,2022,1\\nKZ-71,J_A,2022,2\\n"
    >>> read_indicators(bad, filename="bad.csv")
    Traceback (most recent call last):
    ...
    kzclusters._errors.DataError: bad.csv, row 2, column "indicator": unknown indicator "J_G"; ...
    """
    content, name = _kio._load(source, filename)
    wrapped = _io.StringIO(content) if isinstance(content, str) else content
    where: list = []
    try:
        raw = _kio.read_table(wrapped, filename=name, kind="indicators", allow_negative=True)
    except DataError as err:
        if err.key != "err_duplicate_key" or err.column is not None:
            raise
        # the same key twice in a long file: read_table names no column; name the indicator column
        col = _locate(content, name, 0).indicator
        raise DataError(err.reason, file=err.file, row=err.row, column=col, key=err.key,
                        **err.params) from None

    def loc() -> _Where:
        if not where:
            where.append(_locate(content, name, len(raw)))
        return where[0]

    def value_col(i) -> str:
        w = loc()
        return w.value.get(None) or w.value.get(int(raw["year"].iloc[i]), "value")

    accepted = ", ".join(sorted(CODES))
    codes = []
    cache: dict[str, str | None] = {}
    for i, lab in enumerate(raw["indicator"].tolist()):
        if lab not in cache:
            cache[lab] = _code_of(lab)
        if cache[lab] is None:
            raise DataError(f'unknown indicator "{lab}"; use one of the codes {accepted} (or the indicator '
                            "names of the template)", file=name, row=loc().rows[i], column=loc().indicator,
                            key="err_indicator_unknown", name=str(lab), accepted=accepted)
        codes.append(cache[lab])
    out = pd.DataFrame({"region": pd.array(raw["region"].to_numpy(), dtype="str"),
                        "year": raw["year"].to_numpy(dtype="int64"),
                        "indicator": pd.array(codes, dtype="str"),
                        "value": raw["value"].to_numpy(dtype="float64")})
    nat = np.flatnonzero((out["region"] == "KZ").to_numpy())
    if nat.size:
        i = int(nat[0])
        raise DataError("the national total (Kazakhstan) is not a region and would become the leader of "
                        "every indicator; delete its rows", file=name, row=loc().rows[i],
                        column=loc().region, key="err_indicator_national")
    neg = np.flatnonzero((out["value"] < 0).to_numpy())
    if neg.size:
        i = int(neg[0])
        v = f"{out['value'].iloc[i]:g}"
        raise DataError(f"value {v} of indicator {out['indicator'].iloc[i]} is negative; the ratio to the "
                        "leading region (seed 003, formula 1) needs values >= 0 (0 is allowed and scores 0)",
                        file=name, row=loc().rows[i], column=value_col(i), key="err_indicator_negative",
                        value=v, indicator=out["indicator"].iloc[i])
    dup = out.duplicated(["region", "year", "indicator"], keep=False).to_numpy()
    if dup.any():
        idx = np.flatnonzero(dup)
        r0 = out.iloc[idx[0]]
        same = [int(j) for j in idx if (out.iloc[j][["region", "year", "indicator"]] ==
                                       r0[["region", "year", "indicator"]]).all()]
        rows = ", ".join(str(loc().rows[j]) for j in same)
        what = f"region={r0['region']}, indicator={r0['indicator']}, year={r0['year']}"
        raise DataError(f"rows {rows} are the same region, indicator and year ({what}), written with "
                        "different labels; keep one", file=name, row=loc().rows[same[-1]],
                        column=loc().indicator, key="err_indicator_duplicate", rows=rows, value=what)
    for y, g in out.groupby("year", sort=True):
        n = g.loc[g["value"].notna(), "region"].nunique()
        if n < 2:
            i = int(g.index[0])
            raise DataError(f"year {y} has values for {n} region(s); the ratio to the leading region needs "
                            "at least two regions per year: add regions or delete the year's rows", file=name,
                            row=loc().rows[i], column=loc().year or value_col(i),
                            key="err_indicator_few_regions", year=int(y), n=n)
    present = tuple(c for c in CODES if c in set(codes))
    out.attrs.update(source=name, indicators=present,
                     missing_indicators=tuple(c for c in CODES if c not in present),
                     years=tuple(sorted(int(y) for y in out["year"].unique())))
    return out


def index_options(indicators=None) -> dict:
    """Seed 003's settings for ``composite_index``, restricted to the indicators present.

    Returns ``groups`` (:data:`~kzclusters.composite.SEED003_GROUPS` without
    the absent indicators and without empty groups), ``group_weights``
    (0.5 / 0.5, eq. 4, for the groups kept) and ``direction``
    (:data:`DIRECTION`: J_E lower is better).

    Parameters
    ----------
    indicators : pandas.DataFrame or iterable of str, optional
        An indicator table (its ``indicator`` column) or a list of codes;
        None = all six.

    Returns
    -------
    dict
        Keyword arguments for :func:`kzclusters.composite.composite_index` and
        :func:`kzclusters.composite.weight_uncertainty`.

    Raises
    ------
    DataError
        If none of the six indicators is present.

    References
    ----------
    .. [1] Seed 003, equations (2)-(4).

    Examples
    --------
    >>> opts = index_options(["J_A", "J_D", "J_E"])
    >>> opts["groups"], opts["group_weights"], opts["direction"]
    ({'IS': ('J_D', 'J_E'), 'IA': ('J_A',)}, {'IS': 0.5, 'IA': 0.5}, {'J_D': 1, 'J_E': -1, 'J_A': 1})
    >>> res = kz.composite.composite_index(bns_indicators(), **index_options())
    >>> len(res.index)
    20
    """
    if indicators is None:
        present = set(CODES)
    elif isinstance(indicators, pd.DataFrame):
        present = set(indicators["indicator"].astype(str))
    elif isinstance(indicators, (str, bytes)) or not isinstance(indicators, Iterable):
        raise DataError("indicators must be a table with an indicator column or a list of codes")
    else:
        present = {str(c) for c in indicators}
    groups = {g: tuple(c for c in members if c in present) for g, members in SEED003_GROUPS.items()}
    groups = {g: m for g, m in groups.items() if m}
    if not groups:
        raise DataError(f"none of the indicators {', '.join(CODES)} is present")
    return {"groups": groups, "group_weights": {g: SEED003_GROUP_WEIGHTS[g] for g in groups},
            "direction": {c: DIRECTION[c] for g in groups for c in groups[g]}}
