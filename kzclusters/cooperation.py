r"""SME cooperation potential (seed 004, P1 Bazarkhanova), and the P2/P3 policy checklists.

P1 («Оценка экономического потенциала МСП в развитии производственной
кооперации», G.O. Bazarkhanova) sets out a system of criteria for the economic
potential of SMEs to take part in industrial cooperation, piloted on the
manufacturing industry of East Kazakhstan (ВКО).  Its Table 2 names **five
blocks** and one key indicator per block:

=================  ==========================================  ==============
block              key indicator (Table 2)                     unit
=================  ==========================================  ==============
resource           investment in modernisation, % of revenue   %
technology         R&D expenditure, % of turnover              %
institutional      number of enterprises in clusters           count
export             export share of turnover                    %
hr                 share of employees who completed training   %
=================  ==========================================  ==============

The text of the criteria adds context indicators that the workbook carries as
optional sub-indicators (:func:`indicators`).

What the paper does **not** give, and what this module therefore adds as the
workbook's own construction (every screen must say so):

* **no value** of any key indicator for ВКО or any other region
  (:data:`PAPER_HAS_VALUES` is False; :func:`template` leaves them empty and
  prefills only the three context numbers the paper prints or implies);
* **no scoring rule**: no normalisation, weights, aggregation or thresholds
  (:data:`PAPER_HAS_SCORING_RULE` is False).  The paper only says its system
  "opens possibilities for building an integral index of cooperative potential
  in the future".  :func:`score` builds one following the OECD/JRC Handbook
  with the machinery of :mod:`kzclusters.composite`: it normalises each
  indicator to 0..100, takes the weighted mean in each block, then combines
  the blocks.  Equal block weights (0.2 each) and low/medium/high cut-offs at
  33 and 66 are placeholders.

The second half of the module holds the papers' checklists as tidy reference
tables: P2's legal register (:func:`legal_register`), P2's legal and
institutional checklist (:func:`legal_mechanisms`), P3's industrial-policy
framework (:func:`policy_instruments`) and P1's components and uses, all
together in :func:`framework`.  Texts are i18n keys (``coop_*``), so the UI shows
them in Kazakh, Russian or English.

References
----------
.. [1] Seed 004, P1: Bazarkhanova G.O., «Оценка экономического потенциала МСП в развитии производственной
   кооперации», Table 1, Table 2 (criteria; source [6] Development Asia 2021), Table 3, criteria 1-5
   (spec ``msme_cooperation_and_policy.md`` §1.1-1.2).
.. [2] Seed 004, P2: Verbovaya O.V., «Анализ правовых и институциональных механизмов поддержки кооперации МСП
   с крупными промышленными предприятиями в Казахстане» (spec §2, register; §4, lists L2-1 ... L2-10).
.. [3] Seed 004, P3: Radosevic S., "Industrial policy of Kazakhstan: overcoming the structural deadlock"
   (spec §4, lists L3-1 ... L3-9).
.. [4] OECD/JRC, Handbook on Constructing Composite Indicators, 2008 (normalisation, weighting,
   aggregation); COINr ``n_goalposts`` (normalisation against fixed goalposts, capped).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import pandas as pd

from . import composite as _cp
from . import data as _data
from ._errors import DataError
from .io import parse_number
from .specialization import herfindahl

__all__ = ["BLOCKS", "NORMALISATIONS", "AGGREGATIONS", "CLASS_CUTS", "CLASS_LABELS", "ORDINAL_SCALE",
           "PAPER_HAS_VALUES", "PAPER_HAS_SCORING_RULE", "indicators", "template", "score",
           "CooperationScore", "framework", "legal_mechanisms", "policy_instruments", "legal_register"]

#: The five blocks of P1 Table 2, in the paper's order.
BLOCKS: tuple[str, ...] = ("resource", "technology", "institutional", "export", "hr")
#: Normalisations understood by :func:`score`.
NORMALISATIONS: tuple[str, ...] = ("minmax", "target", "ordinal")
#: Aggregations understood by :func:`score` (those of :mod:`kzclusters.composite`).
AGGREGATIONS: tuple[str, ...] = _cp.AGGREGATIONS
#: Placeholder class cut-offs on the 0..100 score (the spec's 0.33 / 0.66); **not from the paper**.
CLASS_CUTS: tuple[float, ...] = (33.0, 66.0)
#: i18n keys of the classes, low to high.
CLASS_LABELS: tuple[str, ...] = ("coop_class_low", "coop_class_medium", "coop_class_high")
#: The expert scale of ``normalisation="ordinal"``: 1 (very weak) .. 5 (very strong).
ORDINAL_SCALE: tuple[float, float] = (1.0, 5.0)
#: P1 gives no value of any Table 2 key indicator for any region (only context numbers for ВКО).
PAPER_HAS_VALUES: bool = False
#: P1 gives no normalisation, weights, aggregation or thresholds: the score is the workbook's construction.
PAPER_HAS_SCORING_RULE: bool = False

# indicator, block, key indicator of Table 2?, unit, direction, status, formula, source
_INDICATORS: tuple[tuple, ...] = (
    ("modernisation_investment_pct", "resource", True, "%", 1, "paper", "100 · I_modernisation / Revenue",
     "P1 Table 2"),
    ("investment_per_entity", "resource", False, "mn KZT", 1, "paper", "I_fixed_capital / N_legal_entities",
     "P1 Table 1; criterion 1 (line 2583)"),
    ("corporate_loan_rate_pct", "resource", False, "%", -1, "paper", "average corporate lending rate",
     "P1 criterion 1 (line 2579)"),
    ("capacity_utilisation_pct", "resource", False, "%", 1, "paper", "100 · Output / Capacity",
     "P1 methods (lines 2507-2517)"),
    ("rd_share_pct", "technology", True, "%", 1, "paper", "100 · RD_expenditure / Turnover", "P1 Table 2"),
    ("invention_patents", "technology", False, "count", 1, "paper", "invention patents granted",
     "P1 criterion 2 (line 2587)"),
    ("automation_level", "technology", False, "score 1-5", 1, "proposed", "expert score 1..5",
     "P1 criterion 2 (qualitative only)"),
    ("cluster_enterprises", "institutional", True, "count", 1, "paper", "N enterprises in clusters",
     "P1 Table 2"),
    ("cluster_enterprises_pct", "institutional", False, "%", 1, "proposed", "100 · N_in_clusters / N_SME",
     "workbook (spec §1.2)"),
    ("digital_platforms", "institutional", False, "count", 1, "paper", "N digital partner-search platforms",
     "P1 criterion 3"),
    ("export_share_pct", "export", True, "%", 1, "paper", "100 · Exports / Turnover", "P1 Table 2"),
    ("export_hhi", "export", False, "0-1", -1, "proposed", "Σ s_i² over export shares",
     "workbook (spec §1.2)"),
    ("trained_staff_pct", "hr", True, "%", 1, "paper", "100 · Trained_staff / Headcount", "P1 Table 2"),
)
_IND = {row[0]: row for row in _INDICATORS}
_DIRECTION = {row[0]: row[4] for row in _INDICATORS}
_BLOCK_OF = {row[0]: row[1] for row in _INDICATORS}
_KEY = {row[0]: row[2] for row in _INDICATORS}

# notes shown beside each indicator in the template (i18n keys)
_NOTES = {
    "modernisation_investment_pct": "coop_note_modernisation",
    "investment_per_entity": "coop_note_investment_per_entity",
    "corporate_loan_rate_pct": "coop_note_loan_rate",
    "capacity_utilisation_pct": "coop_note_named_only",
    "rd_share_pct": "coop_note_rd_national",
    "invention_patents": "coop_note_patents_national",
    "automation_level": "coop_note_qualitative",
    "cluster_enterprises": "coop_note_clusters",
    "cluster_enterprises_pct": "coop_note_proposed",
    "digital_platforms": "coop_note_digital_platforms",
    "export_share_pct": "coop_note_export_share",
    "export_hhi": "coop_note_export_hhi",
    "trained_staff_pct": "coop_note_qualitative",
}

_UNIT = "unit"                       # region label of a single unit given as a dict
_NO_YEAR = 0                         # year of tables without a year column
_LO, _HI, _TARGET = "\x00lo", "\x00hi", "\x00target"   # pseudo-regions holding bounds
_REF = "\x00reference"               # pseudo-region scoring 100 on every indicator


# ----------------------------------------------------------------------------- indicator system


def indicators() -> pd.DataFrame:
    """The five-block indicator system: P1's key indicators and the optional sub-indicators.

    Table 2 of P1 names one key indicator per block.  The criterion texts add
    context measures (investment per legal entity, the lending rate, capacity
    utilisation, patents, automation, digital platforms), and the workbook
    adds two (``status == "proposed"``): the cluster share of SMEs and an
    export concentration index (Herfindahl,
    :math:`HHI = \\sum_i s_i^2`, lower is better).  Formulas for the key
    indicators follow from their names; the paper prints none.

    Returns
    -------
    pandas.DataFrame
        One row per indicator, in block order: ``block, indicator,
        key_indicator`` (True for Table 2's five), ``unit, direction`` (+1
        higher is better, -1 lower is better), ``status`` (``paper``: named
        in P1; ``proposed``: the workbook's addition), ``formula, source``,
        ``block_key`` and ``name_key`` (i18n keys of the names).

    References
    ----------
    .. [1] Seed 004, P1, Table 2 and criteria 1-5; spec ``msme_cooperation_and_policy.md`` §1.2.

    Examples
    --------
    >>> ind = indicators()
    >>> ind.loc[ind["key_indicator"], "indicator"].tolist()   # doctest: +NORMALIZE_WHITESPACE
    ['modernisation_investment_pct', 'rd_share_pct', 'cluster_enterprises', 'export_share_pct',
     'trained_staff_pct']
    >>> ind.set_index("indicator").loc["corporate_loan_rate_pct", "direction"].item()
    -1
    """
    rows = [dict(block=b, indicator=i, key_indicator=k, unit=u, direction=d, status=s, formula=f, source=src,
                 block_key=f"coop_block_{b}", name_key=f"coop_ind_{i}")
            for i, b, k, u, d, s, f, src in _INDICATORS]
    return pd.DataFrame(rows)


def _prefill() -> dict:
    """Context values P1 prints (or implies) for ВКО.

    indicator -> (value, value_source, source_ref, period)
    """
    text = _data.load("seed004_coop_p1_intext").set_index("item")
    t3 = _data.load("seed004_coop_p1_t3_vko_export_orientation")
    shares = t3.loc[t3["measure"] == "export_share", ["region", "sector", "value"]].assign(year=_NO_YEAR)
    hhi = float(herfindahl(shares)["hhi"].iloc[0])
    return {
        "investment_per_entity": (float(text.loc["T7", "value"]), "paper",
                                  "P1 criterion 1, line 2583 (Table 1 prints 38)",
                                  str(text.loc["T7", "period"])),
        "corporate_loan_rate_pct": (float(text.loc["T8", "value"]), "paper", "P1 criterion 1, line 2579",
                                    str(text.loc["T8", "period"])),
        "export_hhi": (hhi, "derived", "P1 Table 3: metallurgy 70 %, other 30 % of exports", "2023"),
    }


def template(region: str = "VKO", *, optional: bool = True, prefill: bool = True) -> pd.DataFrame:
    """The input table a user fills to score a region's SME cooperation potential.

    **P1 gives no value of any of the five key indicators, for ВКО or any
    other region** (:data:`PAPER_HAS_VALUES` is False, repeated in
    ``attrs["paper_has_values"]``): their ``value`` is empty and
    ``value_source`` is ``"none"``.  For ВКО three context sub-indicators are
    prefilled with what the paper prints or implies:

    * investment per active legal entity, 37.98 mn KZT (Jan-Aug 2025, all
      11,998 legal entities of all sizes and sectors, not manufacturing SMEs);
    * the average corporate lending rate, 17 % (geography not stated);
    * export concentration, :math:`HHI = 0.7^2 + 0.3^2 = 0.58` from Table 3
      (``"derived"``: an upper bound, because "other sectors" is an aggregate;
      the true value lies in [0.49, 0.58]).

    Sub-indicators have weight 0 in :func:`score` unless the user gives them a
    weight, so a prefilled value never enters the score silently.  The ``lo``
    and ``hi`` columns are the reference bounds the user sets for
    normalisation (see :func:`score`); the paper gives none.

    Parameters
    ----------
    region : str, default "VKO"
        Region code for the ``region`` column; the paper's numbers are
        prefilled only for ``"VKO"``.
    optional : bool, default True
        Include the optional sub-indicators (False: the five key indicators only).
    prefill : bool, default True
        Prefill the paper's context numbers (ВКО only).

    Returns
    -------
    pandas.DataFrame
        ``region, block, indicator, key_indicator, unit, direction, value, lo,
        hi, value_source`` (``paper``, ``derived`` or ``none``), ``source_ref,
        period, note_key, verdict_key`` (the paper's verbal verdict for the
        block, a hint for expert scores) ``, name_key``.  ``attrs``:
        ``paper_has_values`` (False) and ``prefilled`` (indicators with a value).

    References
    ----------
    .. [1] Seed 004, P1, Table 1, Table 3 and criteria 1-5 (lines 2575-2601); in-text items T7, T8.

    Examples
    --------
    >>> t = template()
    >>> t.attrs["paper_has_values"], bool(t.loc[t["key_indicator"], "value"].isna().all())
    (False, True)
    >>> t.dropna(subset=["value"])[["indicator", "value", "value_source"]].round(4).values.tolist()
    [['investment_per_entity', 37.98, 'paper'], ['corporate_loan_rate_pct', 17.0, 'paper'],
     ['export_hhi', 0.58, 'derived']]
    >>> len(template("KRG", optional=False)), int(template("KRG")["value"].notna().sum())
    (5, 0)
    """
    ind = indicators()
    if not optional:
        ind = ind[ind["key_indicator"]].reset_index(drop=True)
    fill = _prefill() if prefill and region == "VKO" else {}
    rows = []
    for r in ind.itertuples(index=False):
        value, src, ref, period = fill.get(r.indicator, (np.nan, "none", r.source, ""))
        rows.append(dict(region=region, block=r.block, indicator=r.indicator, key_indicator=r.key_indicator,
                         unit=r.unit, direction=r.direction, value=value, lo=np.nan, hi=np.nan,
                         value_source=src, source_ref=ref, period=period,
                         note_key=_NOTES[r.indicator], verdict_key=f"coop_verdict_{r.block}",
                         name_key=r.name_key))
    out = pd.DataFrame(rows)
    out.attrs.update(paper_has_values=PAPER_HAS_VALUES,
                     prefilled=tuple(out.loc[out["value"].notna(), "indicator"]))
    return out


# ----------------------------------------------------------------------------- scoring: input checks


def _number(v, *, indicator, region, what="value") -> float:
    """A cell as float (decimal commas allowed; empty -> NaN), or a keyed DataError."""
    try:
        x = parse_number(v)
    except ValueError:
        raise DataError(f"the {what} of indicator {indicator} for {region} is not a number ({v!r})",
                        key="err_coop_not_number", indicator=str(indicator), region=str(region),
                        value=str(v)) from None
    if np.isinf(x):
        raise DataError(f"the {what} of indicator {indicator} for {region} is infinite",
                        key="err_coop_not_number", indicator=str(indicator), region=str(region), value=str(v))
    return x


def _values_table(values) -> tuple[pd.DataFrame, bool]:
    """``region, year, indicator, value, lo, hi`` from a dict, Series or frame; and whether it had years."""
    if isinstance(values, pd.Series):
        values = values.to_dict()
    if isinstance(values, Mapping):
        df = pd.DataFrame({"region": _UNIT, "year": _NO_YEAR, "indicator": list(values.keys()),
                           "value": list(values.values())})
        has_year = False
    elif isinstance(values, pd.DataFrame):
        lacking = [c for c in ("indicator", "value") if c not in values.columns]
        if lacking:
            raise DataError(f"the values table needs the columns indicator and value; missing: "
                            f"{', '.join(lacking)} (start from cooperation.template())",
                            key="err_coop_values_columns", columns=", ".join(lacking))
        has_year = "year" in values.columns
        df = pd.DataFrame({"region": values["region"].to_numpy() if "region" in values.columns else _UNIT,
                           "year": values["year"].to_numpy() if has_year else _NO_YEAR,
                           "indicator": values["indicator"].to_numpy(),
                           "value": values["value"].to_numpy(dtype=object)})
        for col in ("lo", "hi"):
            if col in values.columns:
                df[col] = values[col].to_numpy(dtype=object)
    else:
        raise DataError("values must be a dict indicator -> value (one unit) or a table with the columns "
                        "indicator and value (and region for several regions)", key="err_coop_values_type")
    if len(df) == 0:
        raise DataError("the values table is empty", key="err_coop_values_type")
    df["region"] = df["region"].astype(str)
    df["indicator"] = df["indicator"].astype(str)
    unknown = sorted(set(df["indicator"]) - set(_IND))
    if unknown:
        accepted = ", ".join(_IND)
        raise DataError(f"unknown indicator {unknown[0]!r}; use one of {accepted}",
                        key="err_coop_unknown_indicator", name=unknown[0], accepted=accepted)
    if df["region"].str.startswith("\x00").any():
        raise DataError("region names must not start with a NUL character", key="err_coop_values_type")
    try:
        df["year"] = pd.to_numeric(df["year"], errors="raise").astype("int64")
    except (TypeError, ValueError):
        raise DataError("year must be a whole number", key="err_coop_values_type") from None
    for col in ("value", "lo", "hi"):
        if col in df.columns:
            df[col] = [_number(v, indicator=i, region=r, what=col)
                       for v, i, r in zip(df[col], df["indicator"], df["region"])]
        else:
            df[col] = np.nan
    dup = df.duplicated(["region", "year", "indicator"], keep=False)
    if dup.any():
        r = df[dup].iloc[0]
        raise DataError(f"indicator {r['indicator']} appears twice for {r['region']}; keep one row",
                        key="err_coop_duplicate", indicator=r["indicator"], region=r["region"])
    return df.astype({"value": "float64", "lo": "float64", "hi": "float64"}), has_year


def _weights(raw, defaults: dict, names_key: str) -> dict:
    """Raw importances: `defaults` overridden by `raw` (a dict), checked >= 0 and finite."""
    out = dict(defaults)
    if raw is None:
        return out
    if isinstance(raw, pd.Series):
        raw = raw.to_dict()
    if not isinstance(raw, Mapping):
        raise DataError("weights must be a dict name -> weight (raw importances are fine)",
                        key="err_coop_weights_type")
    for name, w in raw.items():
        if name not in defaults:
            accepted = ", ".join(defaults)
            if names_key == "block":
                raise DataError(f"unknown block {name!r}; use one of {accepted}",
                                key="err_coop_unknown_block", name=str(name), accepted=accepted)
            raise DataError(f"unknown indicator {name!r}; use one of {accepted}",
                            key="err_coop_unknown_indicator", name=str(name), accepted=accepted)
        try:
            x = float(w)
        except (TypeError, ValueError):
            raise DataError(f"the weight of {name!r} is not a number ({w!r})", key="err_coop_weight_negative",
                            name=str(name), weight=str(w)) from None
        if isinstance(w, bool) or not np.isfinite(x) or x < 0:
            raise DataError(f"the weight of {name!r} is {w!r}; weights must be finite numbers >= 0",
                            key="err_coop_weight_negative", name=str(name), weight=str(w))
        out[name] = x
    return out


def _bounds(bounds, tab: pd.DataFrame, used, normalisation: str) -> dict:
    """Indicator -> (lo, hi) goalposts, or None (normalise over the comparison set)."""
    if normalisation == "ordinal":
        return {i: ORDINAL_SCALE for i in used}
    given: dict = {}
    if bounds is None:
        for ind, g in tab.groupby("indicator", sort=False):
            pair = []
            for col in ("lo", "hi"):
                vals = g[col].dropna().unique()
                if len(vals) > 1:
                    raise DataError(f"indicator {ind} has different {col} bounds for different regions; "
                                    "one pair of reference bounds applies to all regions",
                                    key="err_coop_bounds_conflict", indicator=ind)
                pair.append(float(vals[0]) if len(vals) else np.nan)
            if not np.isnan(pair).all():
                given[ind] = tuple(pair)
    else:
        if isinstance(bounds, pd.DataFrame):
            if not {"indicator", "lo", "hi"} <= set(bounds.columns):
                raise DataError("a bounds table needs the columns indicator, lo and hi",
                                key="err_coop_values_columns", columns="indicator, lo, hi")
            bounds = {r.indicator: (r.lo, r.hi) for r in bounds.itertuples(index=False)}
        if not isinstance(bounds, Mapping):
            raise DataError("bounds must be a dict indicator -> (lo, hi), or -> target for "
                            "normalisation='target'", key="err_coop_weights_type")
        for ind, b in bounds.items():
            if ind not in _IND:
                accepted = ", ".join(_IND)
                raise DataError(f"unknown indicator {ind!r}; use one of {accepted}",
                                key="err_coop_unknown_indicator", name=str(ind), accepted=accepted)
            if np.ndim(b) == 0:          # a single number: the target
                t = _number(b, indicator=ind, region="bounds", what="target")
                b = (t, t)
            else:
                b = tuple(_number(x, indicator=ind, region="bounds", what="bound") for x in b)
                if len(b) != 2:
                    raise DataError(f"bounds of {ind} must be a pair (lo, hi)",
                                    key="err_coop_bounds_incomplete", indicator=str(ind))
            if np.isnan(b).all():          # (empty, empty): no bounds, use the comparison set
                continue
            given[ind] = b
    out = {}
    for ind in used:
        if ind not in given:
            out[ind] = None
            continue
        lo, hi = given[ind]
        if normalisation == "target":
            t = hi if _DIRECTION[ind] > 0 else lo
            if np.isnan(t):
                raise DataError(f"indicator {ind} needs a target (hi if higher is better, lo if lower is "
                                "better)", key="err_coop_bounds_incomplete", indicator=ind)
            if t <= 0:
                raise DataError(f"the target of {ind} is {t:g}; a target must be > 0",
                                key="err_coop_target_positive", indicator=ind, target=f"{t:g}")
            out[ind] = (t, t)
        else:
            if np.isnan(lo) or np.isnan(hi):
                raise DataError(f"indicator {ind} has only one of the bounds lo and hi; give both",
                                key="err_coop_bounds_incomplete", indicator=ind)
            if not lo < hi:
                raise DataError(f"bounds of {ind}: lo ({lo:g}) must be below hi ({hi:g})",
                                key="err_coop_bounds_order", indicator=ind, lo=f"{lo:g}", hi=f"{hi:g}")
            out[ind] = (lo, hi)
    return out


# ----------------------------------------------------------------------------- scoring


@dataclass(frozen=True, eq=False)
class CooperationScore:
    """The cooperation-potential score of one or more regions (returned by :func:`score`).

    Attributes
    ----------
    total : pandas.DataFrame
        ``region, [year,] score, level, rank``: the total score on 0..100, its
        class (an i18n key of :data:`CLASS_LABELS`) and the rank within the
        comparison set (1 = highest).
    blocks : pandas.DataFrame
        ``region, [year,] block, block_key, weight, score, points,
        contribution``: block weight (normalised), block score (0..100),
        ``points = weight * score`` (they add up to the total) and
        ``contribution = points / total`` (they add up to 1).  Arithmetic
        aggregation only; NaN under geometric aggregation.
    indicators : pandas.DataFrame
        ``region, [year,] block, indicator, value, value_used`` (after capping
        at the bounds) ``, lo, hi`` (the bounds used; NaN for the comparison
        set) ``, reference`` (``bounds``, ``target``, ``ordinal`` or
        ``comparison``) ``, score`` (0..100) ``, weight`` (within the block)
        ``, effective`` (weight x block weight).
    method : mapping
        ``normalisation, aggregation, cuts, workbook_construction`` (True),
        ``paper_has_scoring_rule`` (False), ``note_key``.
    workbook_construction : bool
        Always True: the paper gives no scoring rule.

    Examples
    --------
    >>> res = score({"modernisation_investment_pct": 5, "rd_share_pct": 1, "cluster_enterprises": 20,
    ...              "export_share_pct": 30, "trained_staff_pct": 10},
    ...             bounds={"modernisation_investment_pct": (0, 10), "rd_share_pct": (0, 2),
    ...                     "cluster_enterprises": (0, 40), "export_share_pct": (0, 60),
    ...                     "trained_staff_pct": (0, 20)})
    >>> res.workbook_construction, round(float(res.total["score"].iloc[0]), 6)
    (True, 50.0)
    """

    total: pd.DataFrame
    blocks: pd.DataFrame
    indicators: pd.DataFrame
    method: Mapping
    workbook_construction: bool = True


def score(values, weights: Mapping | None = None, block_weights: Mapping | None = None, *,
          normalisation: str = "minmax", aggregation: str = "arithmetic", bounds=None,
          cuts=CLASS_CUTS) -> CooperationScore:
    r"""Total cooperation-potential score, block scores and block contributions (the workbook's construction).

    **P1 gives no scoring rule** (no normalisation, weights, aggregation or
    thresholds; it defers an "integral index" to future work), and no
    indicator values.  This score is the workbook's construction, built on
    :mod:`kzclusters.composite` (OECD/JRC Handbook steps), and every result
    says so (``workbook_construction=True``).

    **Normalisation** to 0..100 (*x* the value, *d* = +1 higher is better,
    -1 lower is better):

    * ``"minmax"`` with reference bounds :math:`[L, U]` (goalposts the user
      sets, COINr's ``n_goalposts``): the value is first capped to the bounds,
      :math:`\tilde x = \min(\max(x, L), U)`, then

      .. math:: z = 100\,\frac{\tilde x - L}{U - L} \;(d = +1), \qquad
                z = 100\,\frac{U - \tilde x}{U - L} \;(d = -1)

      Without bounds for an indicator, *L* and *U* are the minimum and
      maximum over the **comparison set** (all regions of the table, within
      each year): this needs at least two regions.
    * ``"target"`` (benchmark ratio): :math:`z = 100\,\min(x / T, 1)` for
      :math:`d = +1` and :math:`z = 100\,\min(T / x, 1)` for :math:`d = -1`,
      with the target *T* = ``hi`` (higher is better) or ``lo`` (lower is
      better), or a single number per indicator in `bounds`; without a target,
      *T* is the best region of the comparison set (the ratio to the leader,
      :func:`kzclusters.composite.normalise` ``"leader"``).
    * ``"ordinal"``: expert scores on 1..5 (:data:`ORDINAL_SCALE`) for every
      indicator, :math:`z = 100\,(s - 1)/4`; bounds are not used.

    A single region therefore needs bounds (or targets): a single value has no
    spread to normalise against.

    **Aggregation**: with indicator weights :math:`w_k` (normalised within
    each block *j*) and block weights :math:`v_j` (normalised to sum to 1)

    .. math:: I_j = \sum_{k \in j} w_k z_k, \quad IP = \sum_j v_j I_j
              \qquad \text{or (geometric)} \qquad
              I_j = \prod_{k \in j} z_k^{w_k}, \quad IP = \prod_j I_j^{v_j}

    (:func:`kzclusters.composite.composite_index`).  The geometric mean fits
    P1's "barrier" reading (one weak block limits the whole) and needs every
    score > 0.  **Contribution** of block *j* (the paper's unrealised "factor
    analysis" intent, arithmetic mode only):
    :math:`c_j = v_j I_j / IP`, with :math:`\sum_j c_j = 1`.

    Parameters
    ----------
    values : dict, pandas.Series or pandas.DataFrame
        A dict / Series indicator -> value for one unit (region ``"unit"``),
        or a table with ``indicator, value`` and optionally ``region`` (a
        comparison set of regions), ``year`` (normalise within each year) and
        ``lo, hi`` (reference bounds), e.g. a filled :func:`template`.
        Decimal commas are accepted.
    weights : dict, optional
        Indicator -> raw importance (>= 0), normalised within each block.
        Indicators not named keep the default: 1 for Table 2's key indicator,
        0 for the sub-indicators (so ``{"investment_per_entity": 1}`` adds
        that proxy to the resource block with the key indicator's weight).
    block_weights : dict, optional
        Block -> raw importance (>= 0), normalised to sum to 1; blocks not
        named keep 1 (default: equal, 0.2 each, a placeholder).
    normalisation : {"minmax", "target", "ordinal"}, default "minmax"
    aggregation : {"arithmetic", "geometric"}, default "arithmetic"
    bounds : dict or pandas.DataFrame, optional
        Indicator -> ``(lo, hi)``, or -> a single target (``"target"``); or a
        table ``indicator, lo, hi``.  Default: the ``lo``/``hi`` columns of
        `values` where filled.
    cuts : sequence of float, default (33, 66)
        Class cut-offs on 0..100 (placeholders, not from the paper); the
        labels are :data:`CLASS_LABELS`.

    Returns
    -------
    CooperationScore
        ``total``, ``blocks``, ``indicators``, ``method`` and
        ``workbook_construction`` (True).

    Raises
    ------
    DataError
        Each with an i18n ``key`` and ``params``: an unknown indicator
        (``err_coop_unknown_indicator``) or block (``err_coop_unknown_block``);
        a negative, non-finite or non-numeric weight
        (``err_coop_weight_negative``); all block weights zero
        (``err_coop_block_weights_zero``) or all indicator weights of a
        weighted block zero (``err_coop_block_indicators_zero``); a missing
        value of a weighted indicator (``err_coop_value_missing``); a value
        that is not a number (``err_coop_not_number``) or appears twice
        (``err_coop_duplicate``); no bounds for a single region
        (``err_coop_needs_bounds``); bounds incomplete, reversed, conflicting
        or a target <= 0 (``err_coop_bounds_incomplete``,
        ``err_coop_bounds_order``, ``err_coop_bounds_conflict``,
        ``err_coop_target_positive``); no spread in the comparison set
        (``err_coop_no_spread``); a negative value under ``"target"``
        (``err_coop_value_negative``); an expert score outside 1..5
        (``err_coop_ordinal_range``); geometric aggregation with a score of 0
        (``err_coop_geometric_zero``); an unknown method
        (``err_coop_unknown_method``).

    See Also
    --------
    template : the input table with empty values and bounds.
    kzclusters.composite.composite_index : the aggregation machinery.

    References
    ----------
    .. [1] Seed 004, P1, Table 2 (blocks and key indicators) and line 2617 (integral index deferred).
    .. [2] Spec ``msme_cooperation_and_policy.md`` §1.2 "Integral potential score [PROPOSED]" and §5.4-5.6.
    .. [3] OECD/JRC Handbook (2008); COINr ``n_goalposts``, ``a_amean``, ``a_gmean``.

    Examples
    --------
    One unit with goalposts: its values sit at 50 %, 50 %, 50 %, 50 % and
    100 % of their ranges, so IP = 0.2·(50 + 50 + 50 + 50 + 100) = 60 and the
    HR block contributes 0.2·100 / 60 = 1/3:

    >>> vals = {"modernisation_investment_pct": 5, "rd_share_pct": 1, "cluster_enterprises": 20,
    ...         "export_share_pct": 30, "trained_staff_pct": 25}
    >>> bnd = {"modernisation_investment_pct": (0, 10), "rd_share_pct": (0, 2),
    ...        "cluster_enterprises": (0, 40), "export_share_pct": (0, 60), "trained_staff_pct": (0, 20)}
    >>> res = score(vals, bounds=bnd)
    >>> res.total[["score", "level"]].round(6).values.tolist()
    [[60.0, 'coop_class_medium']]
    >>> res.blocks.set_index("block")["contribution"].round(4).tolist()
    [0.1667, 0.1667, 0.1667, 0.1667, 0.3333]

    (25 % trained is above the goalpost 20 %, so it is capped at 100.)  The
    geometric mean punishes the uneven profile: :math:`50^{0.8}\,100^{0.2} = 57.43`.

    >>> round(float(score(vals, bounds=bnd, aggregation="geometric").total["score"].iloc[0]), 2)
    57.43

    A single region without bounds cannot be normalised:

    >>> score(vals)
    Traceback (most recent call last):
    ...
    kzclusters._errors.DataError: indicator modernisation_investment_pct: one region has no spread to ...
    """
    if normalisation not in NORMALISATIONS:
        raise DataError(f"unknown normalisation {normalisation!r}; choose one of {', '.join(NORMALISATIONS)}",
                        key="err_coop_unknown_method", value=str(normalisation),
                        options=", ".join(NORMALISATIONS))
    if aggregation not in AGGREGATIONS:
        raise DataError(f"unknown aggregation {aggregation!r}; choose one of {', '.join(AGGREGATIONS)}",
                        key="err_coop_unknown_method", value=str(aggregation),
                        options=", ".join(AGGREGATIONS))
    tab, has_year = _values_table(values)
    w = _weights(weights, {i: 1.0 if _KEY[i] else 0.0 for i in _IND}, "indicator")
    v = _weights(block_weights, {b: 1.0 for b in BLOCKS}, "block")
    if sum(v.values()) <= 0:
        raise DataError("all block weights are zero; at least one block must have a weight > 0",
                        key="err_coop_block_weights_zero")
    used_blocks = [b for b in BLOCKS if v[b] > 0]
    groups = {b: [i for i in _IND if _BLOCK_OF[i] == b and w[i] > 0] for b in used_blocks}
    for b in used_blocks:
        if not groups[b]:
            raise DataError(f"block {b} has a weight but all its indicator weights are zero; give one of its "
                            "indicators a weight > 0 or set the block weight to 0",
                            key="err_coop_block_indicators_zero", block=b)
    used = [i for b in used_blocks for i in groups[b]]

    # every weighted indicator needs a value for every region (and year) of the table
    pairs = tab[["region", "year"]].drop_duplicates().reset_index(drop=True)
    have = tab.dropna(subset=["value"])
    for i in used:
        got = pairs.merge(have.loc[have["indicator"] == i, ["region", "year"]], how="left", indicator=True)
        miss = got.loc[got["_merge"] == "left_only", "region"].tolist()
        if miss:
            more = f" (and {len(miss) - 1} more region(s))" if len(miss) > 1 else ""
            raise DataError(f"indicator {i} has no value for {miss[0]}{more}; fill it in, or give the "
                            "indicator (or its block) weight 0", key="err_coop_value_missing", indicator=i,
                            region=miss[0])
    b = _bounds(bounds, tab, used, normalisation)
    sub = tab[tab["indicator"].isin(used)].reset_index(drop=True)

    # value checks that depend on the method
    for r in sub.itertuples(index=False):
        if normalisation == "ordinal" and not ORDINAL_SCALE[0] <= r.value <= ORDINAL_SCALE[1]:
            raise DataError(f"the expert score of {r.indicator} for {r.region} is {r.value:g}; use 1 to 5",
                            key="err_coop_ordinal_range", indicator=r.indicator, region=r.region,
                            value=f"{r.value:g}")
        if normalisation == "target" and r.value < 0:
            raise DataError(f"the value of {r.indicator} for {r.region} is negative ({r.value:g}); the ratio "
                            "to a target needs values >= 0", key="err_coop_value_negative",
                            indicator=r.indicator, region=r.region, value=f"{r.value:g}")
    n_regions = sub.groupby("year")["region"].nunique()
    for i in used:
        if b[i] is None and (n_regions < 2).any():
            raise DataError(f"indicator {i}: one region has no spread to normalise against; set reference "
                            "bounds lo and hi (or a target), or add regions to compare with",
                            key="err_coop_needs_bounds", indicator=i)

    # normalise: bounded indicators are capped to their bounds, and the bounds enter as pseudo-regions, so
    # composite.normalise's min-max (or ratio to the leader) runs over exactly [lo, hi] (or up to the target)
    def cap(i, end):
        """Lower (end 0) or upper (end 1) cap of indicator i; a target caps only on its best side."""
        if b[i] is None or (normalisation == "target" and (end == 0) == (_DIRECTION[i] > 0)):
            return -np.inf if end == 0 else np.inf
        return b[i][end]

    lo = sub["indicator"].map(lambda i: cap(i, 0)).to_numpy(dtype="float64")
    hi = sub["indicator"].map(lambda i: cap(i, 1)).to_numpy(dtype="float64")
    sub["value_used"] = np.clip(sub["value"].to_numpy(), lo, hi)
    years = sub["year"].unique()
    pseudo = []
    for i in used:
        if b[i] is None:
            continue
        names = (_TARGET,) if normalisation == "target" else (_LO, _HI)
        for name, val in zip(names, (b[i][0],) if normalisation == "target" else b[i]):
            pseudo.append(pd.DataFrame({"region": name, "year": years, "indicator": i, "value": val}))
    long = pd.concat([sub[["region", "year", "indicator"]].assign(value=sub["value_used"]), *pseudo],
                     ignore_index=True)
    method = "leader" if normalisation == "target" else "minmax"
    z = _cp.normalise(long, method, direction={i: _DIRECTION[i] for i in used})["score"].to_numpy()[:len(sub)]
    sub["score"] = z
    nan = np.isnan(z)
    if nan.any():
        i = sub["indicator"].iloc[int(np.flatnonzero(nan)[0])]
        raise DataError(f"indicator {i} has the same value in every region of the comparison set (or no "
                        "positive value), so it cannot be normalised; set reference bounds",
                        key="err_coop_no_spread", indicator=i)
    if aggregation == "geometric":
        zero = np.flatnonzero(z <= 0)
        if zero.size:
            r = sub.iloc[int(zero[0])]
            raise DataError(f"geometric aggregation needs every normalised score > 0, but {r['indicator']} "
                            f"scores 0 for {r['region']}; use arithmetic aggregation or widen the bounds",
                            key="err_coop_geometric_zero", indicator=r["indicator"], region=r["region"])

    # aggregate with composite_index: the scores plus a reference pseudo-region scoring 100 everywhere, so
    # its ratio-to-leader normalisation returns the scores unchanged (100 * z / 100)
    ref = pd.DataFrame([(_REF, y, i, 100.0) for y in years for i in used],
                       columns=["region", "year", "indicator", "value"])
    res = _cp.composite_index(pd.concat([sub[["region", "year", "indicator"]].assign(value=z), ref],
                                        ignore_index=True),
                              groups, weights={i: w[i] for i in used},
                              group_weights={g: v[g] for g in used_blocks}, normalisation="leader",
                              aggregation=aggregation)
    real = lambda d: d[d["region"] != _REF].reset_index(drop=True)   # noqa: E731
    total = real(res.index)[["region", "year", "index"]].rename(columns={"index": "score"})
    total = pairs.merge(total, on=["region", "year"], how="left")
    total["level"] = _cp.grade(total["score"], cuts=cuts, labels=CLASS_LABELS).to_numpy()
    total["rank"] = total.groupby("year")["score"].rank(method="min", ascending=False).astype("Int64")

    gw = res.weights.drop_duplicates("group").set_index("group")["group_weight"]
    bs = real(res.groups).rename(columns={"group": "block"})
    blocks = pairs.merge(pd.DataFrame({"block": list(BLOCKS)}), how="cross")
    blocks = blocks.merge(bs, on=["region", "year", "block"], how="left")
    blocks.insert(3, "block_key", "coop_block_" + blocks["block"])
    blocks.insert(4, "weight", blocks["block"].map(gw).fillna(0.0).to_numpy(dtype="float64"))
    blocks = blocks.merge(total[["region", "year", "score"]].rename(columns={"score": "_total"}),
                          on=["region", "year"], how="left")
    if aggregation == "arithmetic":
        blocks["points"] = (blocks["weight"] * blocks["score"]).where(blocks["weight"] > 0, 0.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            blocks["contribution"] = np.where(blocks["_total"] > 0, blocks["points"] / blocks["_total"],
                                              np.nan)
    else:
        blocks["points"] = np.nan
        blocks["contribution"] = np.nan
    blocks = blocks.drop(columns="_total")

    wt = res.weights.set_index("indicator")
    ref_kind = {i: ("ordinal" if normalisation == "ordinal" else "target" if normalisation == "target"
                    else "bounds") if b[i] else "comparison" for i in used}
    inds = sub.assign(block=sub["indicator"].map(_BLOCK_OF),
                      lo=[b[i][0] if b[i] and normalisation != "target" else np.nan
                          for i in sub["indicator"]],
                      hi=[b[i][1] if b[i] else np.nan for i in sub["indicator"]],
                      reference=sub["indicator"].map(ref_kind),
                      weight=sub["indicator"].map(wt["weight"]).to_numpy(dtype="float64"),
                      effective=sub["indicator"].map(wt["effective"]).to_numpy(dtype="float64"))
    order = pairs.assign(_p=np.arange(len(pairs)))
    inds = (inds.merge(order, on=["region", "year"], how="left")
            .assign(_i=inds["indicator"].map({i: n for n, i in enumerate(_IND)}).to_numpy())
            .sort_values(["_p", "_i"], kind="stable"))
    inds = inds[["region", "year", "block", "indicator", "value", "value_used", "lo", "hi", "reference",
                 "score", "weight", "effective"]]
    if not has_year:
        total, blocks, inds = (d.drop(columns="year") for d in (total, blocks, inds))
    meta = MappingProxyType({"normalisation": normalisation, "aggregation": aggregation,
                             "cuts": tuple(float(c) for c in cuts), "workbook_construction": True,
                             "paper_has_scoring_rule": PAPER_HAS_SCORING_RULE,
                             "note_key": "coop_note_workbook_score"})
    return CooperationScore(total=total, blocks=blocks, indicators=inds.reset_index(drop=True), method=meta)


# ----------------------------------------------------------------------------- reference tables (§4 lists)

# (paper, list, group, item); text key: coop_<list>_<item> (list in lower case, "-" -> "_")
_FRAMEWORK: tuple[tuple[str, str, str, str], ...] = (
    *(("P1", "L1-1", "", b) for b in BLOCKS),
    *(("P1", "L1-2", "", s) for s in ("literature", "indicators", "data", "pilot")),
    *(("P1", "L1-3", "", s) for s in ("enterprise", "region", "state")),
    *(("P1", "L1-4", "", s) for s in ("investment_access", "low_innovation", "export_diversification",
                                      "cluster_fragmentation", "few_platforms", "state_programmes")),
    *(("P1", "L1-5", "", s) for s in ("industrial_base", "industrial_zones", "education", "rare_earths")),
    *(("P2", "L2-1", "", s) for s in ("no_supplier_obligation", "no_localisation_incentive",
                                      "high_requirements", "no_transparency")),
    *(("P2", "L2-2", "", s) for s in ("internationalisation", "interfirm_links", "associations_clusters",
                                      "regional_institutes", "business_portal", "institutional_environment")),
    *(("P2", "L2-3", "", s) for s in ("not_cooperation_oriented", "few_mechanisms", "no_coordination",
                                      "no_supplier_preparation", "weak_incentives", "tenders_opaque",
                                      "capital_access", "large_firms_avoid_smes", "no_stable_demand")),
    *(("P2", "L2-4", "", s) for s in ("weak_institutions", "state_dominance", "judicial_independence",
                                      "bureaucracy", "no_anchor_customer")),
    *(("P2", "L2-5", "igenbekova", s) for s in ("law_enforcement_gap", "legislative_instability",
                                                 "complex_procedures", "administrative_burden")),
    *(("P2", "L2-5", "oecd", s) for s in ("contradictory_interpretation", "unpredictable_framework",
                                           "administrative_abuse", "good_faith", "weak_protection")),
    *(("P2", "L2-6", "", s) for s in ("economic_incentives", "regulation", "information")),
    *(("P2", "L2-7", "eaeu", s) for s in ("technology_platforms", "engineering_centre", "transfer_network")),
    *(("P2", "L2-7", "malaysia", s) for s in ("nimp2030", "sectoral_associations")),
    *(("P2", "L2-8", "legal", s) for s in ("sectoral_laws", "procurement_subcontracting",
                                           "simplify_licensing", "compensate_accreditation")),
    *(("P2", "L2-8", "platforms", s) for s in ("early_interaction", "clusters_parks", "associations")),
    *(("P2", "L2-8", "finance", s) for s in ("damu_capital", "damu_rate", "digital_startups")),
    *(("P2", "L2-8", "export", s) for s in ("trade_fairs", "digital_trade", "certification")),
    *(("P2", "L2-8", "programme", s) for s in ("national_programme",)),
    *(("P2", "L2-8", "anchor", s) for s in ("order_obligations", "cofinancing")),
    *(("P2", "L2-8", "digital", s) for s in ("subcontractor_networks", "digital_clusters", "export_chains")),
    *(("P2", "L2-8", "approach", s) for s in ("systemic_mix",)),
    *(("P2", "L2-8", "abstract", s) for s in ("national_programme", "anchor_projects", "incentives",
                                              "digitalisation", "support_system", "simplification",
                                              "cost_compensation")),
    *(("P2", "L2-9", "", s) for s in ("supply_chain_share", "contract_volumes", "localisation",
                                      "investment_dynamics", "productivity_dynamics", "esg_reporting")),
    *(("P2", "L2-10", "", s) for s in ("baiterek", "damu", "dbk", "idf")),
    *(("P3", "L3-1", "", s) for s in ("institutional_weakness", "landlocked", "return_to_agriculture",
                                      "dutch_disease", "samruk_redistribution")),
    *(("P3", "L3-2", "", s) for s in ("mexico", "norway", "australia", "usa", "israel_korea", "cee",
                                      "bangladesh_vietnam")),
    *(("P3", "L3-3", "", s) for s in ("agro_processing", "petrochemicals", "renewables", "kibs_ict",
                                      "mets")),
    *(("P3", "L3-4", "", s) for s in ("agro_food", "renewable_corridors", "standards", "digital")),
    *(("P3", "L3-5", "instruments", s) for s in ("supplier_development", "kibs_vouchers", "sandboxes",
                                                  "local_content", "regional_anchors")),
    *(("P3", "L3-5", "indicators", s) for s in ("productivity_growth", "local_supplier_share",
                                                 "services_exports", "standards_adopted")),
    *(("P3", "L3-6", "", s) for s in ("sequencing", "selectivity", "institutions", "regionalism",
                                      "rents_opportunity")),
    *(("P3", "L3-7", "", s) for s in ("geography_insensitive", "renewables_upgrading", "conditionality",
                                      "strategic_fdi", "skills_upgrading")),
    *(("P3", "L3-8", "short", s) for s in ("agency", "sme_certification", "supplier_pilots",
                                           "training_centres")),
    *(("P3", "L3-8", "medium", s) for s in ("agro_clusters", "petrochemicals", "renewable_corridors",
                                            "mets_clusters", "ict_hubs")),
    *(("P3", "L3-8", "long", s) for s in ("unrelated_diversification", "innovation_ecosystem",
                                          "servicification", "transparency")),
    *(("P3", "L3-9", "", s) for s in ("competence_centre",)),
)

# the workbook's formulas for P2's M&E KPIs (spec §1, P2 table) [PROPOSED]; the paper gives none
_KPI_FORMULAS = {
    "supply_chain_share": ("100 · Procurement_from_SMEs / Total_procurement", "%", 1),
    "contract_volumes": ("Σ contract value with SMEs", "KZT/period", 1),
    "localisation": ("100 · Local_content_value / Total_purchase_value", "%", 1),
    "investment_dynamics": ("100 · (I_t / I_{t-1} - 1)", "% y/y", 1),
    "productivity_dynamics": ("100 · (VA/L)_t / (VA/L)_{t-1} - 100", "% y/y", 1),
}

_ROADMAP_ITEMS = {"short": "R11", "medium": "R12", "long": "R13"}


def framework(paper: str | None = None, lists=None) -> pd.DataFrame:
    """The papers' framework lists (spec §4) as one tidy checklist table.

    P1 (L1-1 ... L1-5): the five components, the research stages, the intended
    users, the barriers and the enablers found for ВКО.  P2 (L2-1 ... L2-10):
    problem zones, the SME Concept's cooperation vectors, policy and
    institutional problems, business-environment issues, state roles,
    international models, recommendations by type, M&E KPIs and support
    institutions.  P3 (L3-1 ... L3-9): stalemate mechanisms, comparator
    lessons, sectoral bets, the regional GVC roadmap, instruments and
    indicators, principles, implications, the three-horizon roadmap and
    governance.

    Parameters
    ----------
    paper : {"P1", "P2", "P3"}, optional
        Keep one paper (default: all).
    lists : str or iterable of str, optional
        Keep these list ids, e.g. ``"L2-3"`` or ``["L2-3", "L2-4"]``.

    Returns
    -------
    pandas.DataFrame
        ``paper, list_id, list_key, group, group_key, item, key, formula,
        unit, direction, horizon_from, horizon_to, status, evidence``.  ``key``
        (``coop_<list>_[<group>_]<item>``, e.g. ``coop_l2_3_tenders_opaque``),
        ``list_key`` and ``group_key`` are i18n keys (``group_key`` empty where a
        list has no sub-groups).  ``formula, unit, direction`` are filled for
        the P2 KPIs only (the workbook's proposal: the paper gives none).
        ``horizon_from, horizon_to`` (years from a start year) are filled for
        the P3 roadmap (0-3, 3-7, 7-15, from the P3 table).  ``status``
        (``"not_started"``) and ``evidence`` (empty) are for the user's
        checklist.

    Raises
    ------
    DataError
        For an unknown paper or list id.

    References
    ----------
    .. [1] Seed 004, P1, P2 and P3; spec ``msme_cooperation_and_policy.md`` §4 (lists L1, L2, L3) and
       §5.9-5.11.

    Examples
    --------
    >>> fw = framework()
    >>> fw.groupby("paper").size().to_dict()
    {'P1': 22, 'P2': 78, 'P3': 54}
    >>> framework(lists="L2-4")["key"].tolist()[:2]
    ['coop_l2_4_weak_institutions', 'coop_l2_4_state_dominance']
    >>> rm = framework("P3", "L3-8").groupby("group")[["horizon_from", "horizon_to"]].first()
    >>> rm.loc["medium"].tolist()
    [3.0, 7.0]
    """
    known_papers = ("P1", "P2", "P3")
    if paper is not None and paper not in known_papers:
        raise DataError(f"unknown paper {paper!r}; use one of {', '.join(known_papers)}",
                        key="err_coop_unknown_list", name=str(paper), accepted=", ".join(known_papers))
    all_lists = list(dict.fromkeys(r[1] for r in _FRAMEWORK if paper is None or r[0] == paper))
    if lists is not None:
        lists = [lists] if isinstance(lists, str) else list(lists)
        bad = [x for x in lists if x not in all_lists]
        if bad:
            raise DataError(f"unknown list {bad[0]!r}; use one of {', '.join(all_lists)}",
                            key="err_coop_unknown_list", name=str(bad[0]), accepted=", ".join(all_lists))
    horizons = _data.load("seed004_coop_p3_structural_change").set_index(["item", "measure"])["value"]
    rows = []
    for p, lid, group, item in _FRAMEWORK:
        if (paper is not None and p != paper) or (lists is not None and lid not in lists):
            continue
        slug = lid.lower().replace("-", "_")
        key = (f"coop_block_{item}" if lid == "L1-1" else f"coop_{slug}_{group}_{item}" if group
               else f"coop_{slug}_{item}")
        none = ("", "", np.nan)
        formula, unit, direction = _KPI_FORMULAS.get(item, none) if lid == "L2-9" else none
        h = _ROADMAP_ITEMS.get(group) if lid == "L3-8" else None
        rows.append(dict(paper=p, list_id=lid, list_key=f"coop_list_{slug}", group=group,
                         group_key=f"coop_group_{group}" if group else "", item=item, key=key,
                         formula=formula, unit=unit, direction=direction,
                         horizon_from=float(horizons[(h, "low")]) if h else np.nan,
                         horizon_to=float(horizons[(h, "high")]) if h else np.nan,
                         status="not_started", evidence=""))
    return pd.DataFrame(rows, columns=["paper", "list_id", "list_key", "group", "group_key", "item", "key",
                                       "formula", "unit", "direction", "horizon_from", "horizon_to", "status",
                                       "evidence"])


def legal_mechanisms(lists=None) -> pd.DataFrame:
    """P2's legal and institutional checklist (lists L2-1 ... L2-10).

    Problem zones of the National Development Plan to 2025, the SME
    Development Concept's cooperation vectors, nine policy problems, five
    institutional constraints, business-environment issues, state roles,
    EAEU and Malaysian models, recommendations by type (legal, platforms,
    finance, export, programme, anchor projects, digital, approach and the
    abstract's list of seven), the M&E KPIs (with the workbook's proposed
    formulas; P2 gives none) and the support institutions.

    Parameters
    ----------
    lists : str or iterable of str, optional
        Keep these list ids (``"L2-1"`` ... ``"L2-10"``).

    Returns
    -------
    pandas.DataFrame
        As :func:`framework`, P2 rows only.

    Raises
    ------
    DataError
        For an unknown list id.

    See Also
    --------
    legal_register : the documents P2 analyses.

    References
    ----------
    .. [1] Seed 004, P2 (Verbovaya); spec ``msme_cooperation_and_policy.md`` §4, L2-1 ... L2-10.

    Examples
    --------
    >>> lm = legal_mechanisms()
    >>> lm.groupby("list_id", sort=False).size().loc[["L2-3", "L2-4", "L2-8"]].tolist()
    [9, 5, 27]
    >>> lm.loc[lm["item"] == "localisation", ["formula", "unit"]].values.tolist()
    [['100 · Local_content_value / Total_purchase_value', '%']]
    """
    return framework("P2", lists)


def policy_instruments(lists=None) -> pd.DataFrame:
    """P3's industrial-policy framework (lists L3-1 ... L3-9), with the roadmap horizons.

    Stalemate mechanisms, comparator lessons, sectoral bets, the regional GVC
    roadmap, instruments and their indicators (P3 promises an indicator "for
    each instrument" but gives no mapping), core principles, implications,
    the three-horizon roadmap (short 0-3, medium 3-7, long 7-15 years) and
    the governance proposal.

    Parameters
    ----------
    lists : str or iterable of str, optional
        Keep these list ids (``"L3-1"`` ... ``"L3-9"``).

    Returns
    -------
    pandas.DataFrame
        As :func:`framework`, P3 rows only; ``horizon_from, horizon_to``
        filled for L3-8.

    Raises
    ------
    DataError
        For an unknown list id.

    References
    ----------
    .. [1] Seed 004, P3 (Radosevic); spec ``msme_cooperation_and_policy.md`` §4, L3-1 ... L3-9, and the P3
       quantitative table (R11-R13, the roadmap horizons).

    Examples
    --------
    >>> pi = policy_instruments("L3-5")
    >>> pi.groupby("group", sort=False).size().to_dict()
    {'instruments': 5, 'indicators': 4}
    >>> policy_instruments("L3-8").groupby("group", sort=False)["horizon_to"].first().tolist()
    [3.0, 7.0, 15.0]
    """
    return framework("P3", lists)


_COVERS = {"636": "problems", "250": "yes", "611": "no", "542": "no", "375-V": "indirect",
           "268-XIII": "indirect", "–": "no"}


def legal_register() -> pd.DataFrame:
    """P2's register of legal and planning documents, with a "covers cooperation?" flag.

    Returns
    -------
    pandas.DataFrame
        The shipped table ``seed004_coop_p2_legal_register`` (``doc_ru, doc_en,
        type, date, number, status_per_paper,
        covers_SME_large_cooperation_per_paper``, as printed) plus
        ``name_key`` (i18n key of the title, for Kazakh) and ``covers``: the
        workbook's coding of the paper's assessment, ``yes`` (the SME
        Concept 2030: six cooperation vectors), ``problems`` (the National
        Development Plan to 2025 names three problem zones), ``indirect``
        (the Entrepreneurial and Civil Codes) or ``no``; ``covers_key`` is
        its i18n key.

    References
    ----------
    .. [1] Seed 004, P2 (Verbovaya); spec ``msme_cooperation_and_policy.md`` §2 (register) and §5.9.

    Examples
    --------
    >>> reg = legal_register()
    >>> reg[["number", "covers"]].values.tolist()[:3]
    [['636', 'problems'], ['250', 'yes'], ['611', 'no']]
    """
    reg = _data.load("seed004_coop_p2_legal_register")
    slug = reg["number"].map(lambda n: "address_2025" if n == "–" else n.lower().replace("-", "_"))
    reg["name_key"] = "coop_doc_" + slug
    reg["covers"] = reg["number"].map(_COVERS)
    reg["covers_key"] = "coop_covers_" + reg["covers"]
    return reg
