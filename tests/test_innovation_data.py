"""Integrity of the BNS innovation and R&D region tables (data/official/bns_*_2022.csv).

Built by scripts/build_innovation.py from data/raw/bns_innovation_2023/.  Reference year 2022
(the bulletins were published in 2023).

Tolerance: values are printed to one decimal (money, %), two decimals (FTE ratios) or as
integers (counts).  A sum of n printed cells can differ from the printed total by up to half a
unit of the last digit per cell, so sums are checked with ``|sum - total| <= 0.05 * (n + 1)``
(at most 1.05 for 20 regions).  Where a summand is confidential ('x') the sum is only a lower
bound: then ``sum <= total + tol``.  Where the total itself is 'x' nothing can be checked.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
OFFICIAL = DATA / "official"
FILES = ["bns_innovation_2022.csv", "bns_rd_2022.csv"]
YEAR = 2022
NON_ADDITIVE_UNITS = {"%", "ratio"}
PARTIAL_MARK = "lists only regions with such expenditure"


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(OFFICIAL / name, dtype={"region": str, "indicator": str, "flag": str},
                       keep_default_na=False, na_values={"value": [""]})


@pytest.fixture(scope="module")
def long() -> pd.DataFrame:
    return pd.concat([_read(f).assign(file=f) for f in FILES], ignore_index=True)


@pytest.fixture(scope="module")
def dic() -> pd.DataFrame:
    return pd.read_csv(OFFICIAL / "bns_innovation_indicators.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def units20() -> set[str]:
    reg = pd.read_csv(DATA / "regions.csv", dtype=str, keep_default_na=False)
    cur = reg[reg["kind"].isin(["region", "city"]) & (reg["valid_to"] == "")]
    return set(cur["code"])


@pytest.fixture(scope="module")
def wide(long) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(values, flags), indexed by region, one column per indicator."""
    v = long.pivot(index="region", columns="indicator", values="value")
    f = long.pivot(index="region", columns="indicator", values="flag")
    return v, f


def tol(n: int) -> float:
    return 0.05 * (n + 1) + 1e-6


# --------------------------------------------------------------------------- schema
def test_schema(long, dic, units20):
    for f in FILES:
        assert list(_read(f).columns) == ["region", "indicator", "year", "value", "flag"], f
    assert (long["year"] == YEAR).all()
    assert set(long["flag"]) <= {"", "x", "-"}
    assert long.loc[long["flag"] == "", "value"].notna().all()
    assert long.loc[long["flag"] != "", "value"].isna().all()
    assert set(long["region"]) == units20 | {"KZ"}
    assert not long.duplicated(["region", "indicator"]).any()
    assert dic["indicator"].is_unique
    assert set(dic["indicator"]) == set(long["indicator"])
    assert list(dic.columns) == ["indicator", "unit", "title_kk", "title_en", "title_ru", "source_sheet",
                                 "table_no", "notes"]
    assert (dic[["unit", "title_kk", "title_en", "title_ru", "source_sheet", "table_no"]] != "").all().all()
    assert set(dic["unit"]) <= {"enterprises", "persons", "%", "mln KZT", "thousand KZT", "ratio"}
    # an indicator's file is the one of its workbook
    book = dic.set_index("indicator")["source_sheet"].str.split("/").str[0]
    for f, b in (("bns_innovation_2022.csv", "innovations"), ("bns_rd_2022.csv", "rd")):
        assert (long.loc[long["file"] == f, "indicator"].map(book) == b).all(), f
    # unit suffixes in the code agree with the unit
    for _, r in dic.iterrows():
        if r["indicator"].endswith("_mln_kzt"):
            assert r["unit"] == "mln KZT", r["indicator"]
        if r["indicator"].endswith("_thousand_kzt"):
            assert r["unit"] == "thousand KZT", r["indicator"]
        if r["indicator"].endswith("_pct"):
            assert r["unit"] == "%", r["indicator"]


def test_every_region_present(long, dic, units20):
    """All 20 units + KZ for every indicator, except the field-of-science R&D tables (t.6-11),
    which list only regions with such expenditure (checked below to sum to the total)."""
    partial = set(dic.loc[dic["notes"].str.contains(PARTIAL_MARK), "indicator"])
    fields = ("rd_exp_natural_sciences", "rd_exp_engineering", "rd_exp_medical", "rd_exp_agricultural",
              "rd_exp_social", "rd_exp_humanities")
    assert partial == {i for i in dic["indicator"] if i.startswith(fields)}
    for ind, g in long.groupby("indicator"):
        regs = set(g["region"])
        assert "KZ" in regs, ind
        if ind in partial:
            assert regs <= units20 | {"KZ"}, ind
        else:
            assert regs == units20 | {"KZ"}, (ind, sorted(units20 - regs))


# --------------------------------------------------------------------------- regions sum to KZ
def _additive(dic) -> list[str]:
    return list(dic.loc[~dic["unit"].isin(NON_ADDITIVE_UNITS), "indicator"])


def test_regions_sum_to_total(long, dic):
    checked = 0
    for ind in _additive(dic):
        g = long[long["indicator"] == ind]
        tot = g[g["region"] == "KZ"].iloc[0]
        reg = g[g["region"] != "KZ"]
        if tot["flag"] == "x":
            continue
        if tot["flag"] == "-":
            assert (reg["flag"] == "-").all(), ind
            continue
        s, n = reg["value"].sum(), int(reg["value"].notna().sum())
        if (reg["flag"] == "x").any():
            assert s <= tot["value"] + tol(n), (ind, s, tot["value"])
        else:
            assert abs(s - tot["value"]) <= tol(n), (ind, s, tot["value"])
        checked += 1
    assert checked >= 150


# --------------------------------------------------------------------------- ranges
def test_ranges(long, dic):
    unit = long["indicator"].map(dic.set_index("indicator")["unit"])
    v = long["value"]
    pct = v[unit == "%"].dropna()
    assert len(pct) == 5 * 21 and pct.between(0, 100).all()
    ratio = v[unit == "ratio"].dropna()
    assert len(ratio) >= 40 and ratio.between(0, 1).all()
    assert (v[~unit.isin(NON_ADDITIVE_UNITS)].dropna() >= 0).all()
    counts = v[unit.isin(["enterprises", "persons"])].dropna()
    assert (counts == counts.round()).all()


@pytest.mark.parametrize("level,active,total", [
    ("innovation_activity_level_pct", "enterprises_innovation_active", "enterprises_total"),
    ("mfg_innovation_activity_level_pct", "mfg_enterprises_innovation_active", "mfg_enterprises_total"),
    ("innovation_activity_level_small_pct", "enterprises_small_innovation_active", "enterprises_small_total"),
    ("innovation_activity_level_medium_pct", "enterprises_medium_innovation_active",
     "enterprises_medium_total"),
    ("innovation_activity_level_large_pct", "enterprises_large_innovation_active", "enterprises_large_total"),
])
def test_activity_level_is_share_of_active(wide, level, active, total):
    """Level of innovation activity (printed to 0.1) = innovation-active / enterprises x 100."""
    v, _ = wide
    calc = 100 * v[active] / v[total]
    assert v[level].notna().all()
    assert ((v[level] - calc).abs() <= 0.05 + 1e-9).all(), (v[level] - calc).abs().sort_values().tail(3)


# --------------------------------------------------------------------------- identities inside a region
_FIELDS = ["natural_sciences", "engineering", "medical", "agricultural", "social", "humanities"]
_COST = ["labour", "services", "fixed_assets", "other_current"]

IDENTITIES: list[tuple[str, list[str]]] = [
    ("innovative_products_sold_mln_kzt", ["innovative_products_sold_new_to_market_mln_kzt",
                                          "innovative_products_sold_new_to_firm_mln_kzt"]),
    ("innovative_products_exported_mln_kzt", ["innovative_products_exported_new_to_market_mln_kzt",
                                              "innovative_products_exported_new_to_firm_mln_kzt"]),
    ("innovation_expenditure_mln_kzt", ["innovation_expenditure_product_mln_kzt",
                                        "innovation_expenditure_business_process_mln_kzt"]),
    ("innovation_expenditure_mln_kzt", [f"innovation_exp_{k}_mln_kzt" for k in
                                        ("internal_rd", "external_rd", "machinery_software",
                                         "external_knowledge",
                                         "training_design_marketing", "other")]),
    ("innovation_expenditure_mln_kzt", [f"innovation_exp_src_{k}_mln_kzt" for k in
                                        ("own", "rep_budget", "local_budget", "foreign", "other")]),
    ("enterprises_total", [f"enterprises_{k}_total" for k in ("small", "medium", "large")]),
    ("enterprises_innovation_active", [f"enterprises_{k}_innovation_active" for k in ("small", "medium",
                                                                                      "large")]),
    ("enterprises_act_internal_rd", ["enterprises_act_internal_rd_continuous",
                                     "enterprises_act_internal_rd_occasional"]),
    ("rd_expenditure_internal_thousand_kzt", [f"rd_expenditure_internal_{k}_thousand_kzt" for k in _COST]),
    *[(f"rd_exp_{f}_thousand_kzt", [f"rd_exp_{f}_{k}_thousand_kzt" for k in _COST]) for f in _FIELDS],
    ("rd_expenditure_internal_thousand_kzt", [f"rd_exp_{f}_thousand_kzt" for f in _FIELDS]),
    ("rd_expenditure_internal_thousand_kzt", [f"rd_exp_{k}_thousand_kzt" for k in
                                              ("basic_research", "applied_research",
                                               "dev_design_technological",
                                               "dev_prototypes", "dev_construction_design")]),
    ("rd_expenditure_internal_thousand_kzt", [f"rd_exp_src_{k}_thousand_kzt" for k in
                                              ("own", "rep_budget", "local_budget", "foreign", "other")]),
    ("rd_exp_src_rep_budget_thousand_kzt", [f"rd_exp_src_rep_{k}_thousand_kzt" for k in
                                            ("programme", "basic_funding", "grant", "basic_research_orgs",
                                             "other")]),
    ("rd_personnel", ["rd_personnel_researchers", "rd_personnel_technicians", "rd_personnel_other"]),
    *[(f"rd_personnel_{e}", [f"rd_personnel_{e}_{s}" for s in ("researchers", "technicians", "other")])
      for e in ("higher_edu", "vocational_edu", "masters")],
    ("rd_personnel_phd", ["rd_personnel_phd_researchers", "rd_personnel_phd_other"]),
    ("rd_personnel_candidate_of_science", ["rd_personnel_candidate_of_science_researchers",
                                           "rd_personnel_candidate_of_science_technicians"]),
    ("rd_personnel_doctor_of_science", ["rd_personnel_doctor_of_science_researchers"]),
    ("rd_personnel_doctor_by_profile", ["rd_personnel_doctor_by_profile_researchers"]),
]

# "of which" items: the part can never exceed the whole
PARTS: list[tuple[str, list[str]]] = [
    ("enterprises_total", ["enterprises_innovation_active"]),
    ("mfg_enterprises_total", ["mfg_enterprises_innovation_active"]),
    ("enterprises_total", ["mfg_enterprises_total"]),
    ("enterprises_employees", ["mfg_enterprises_employees"]),
    ("innovation_exp_src_rep_budget_mln_kzt", ["innovation_exp_src_dev_institutions_mln_kzt"]),
    ("innovation_exp_src_dev_institutions_mln_kzt", ["innovation_exp_src_innovation_grants_mln_kzt"]),
    ("innovation_exp_src_other_mln_kzt", ["innovation_exp_src_bank_loans_mln_kzt",
                                          "innovation_exp_src_legal_entity_loans_mln_kzt",
                                          "innovation_exp_src_venture_funds_mln_kzt"]),
    ("innovation_exp_src_bank_loans_mln_kzt", ["innovation_exp_src_preferential_loans_mln_kzt"]),
    ("rd_expenditure_internal_fixed_assets_thousand_kzt",
     ["rd_expenditure_internal_sci_equipment_thousand_kzt"]),
    *[(f"rd_exp_{f}_fixed_assets_thousand_kzt", [f"rd_exp_{f}_sci_equipment_thousand_kzt"]) for f in _FIELDS],
    ("rd_exp_basic_research_thousand_kzt", ["rd_exp_basic_strategic_thousand_kzt"]),
    ("rd_exp_applied_research_thousand_kzt", ["rd_exp_applied_basic_thousand_kzt"]),
    ("rd_exp_src_other_thousand_kzt", ["rd_exp_src_bank_loans_thousand_kzt",
                                       "rd_exp_src_legal_entities_thousand_kzt"]),
    ("rd_exp_src_bank_loans_thousand_kzt", ["rd_exp_src_preferential_loans_thousand_kzt"]),
    ("rd_enterprises_reporting", ["rd_enterprises_active"]),
    ("rd_personnel", ["rd_personnel_higher_edu", "rd_personnel_vocational_edu"]),
    ("rd_personnel_researchers", ["rd_personnel_doctor_of_science_researchers",
                                  "rd_personnel_doctor_by_profile_researchers",
                                  "rd_personnel_phd_researchers",
                                  "rd_personnel_candidate_of_science_researchers",
                                  "rd_personnel_masters_researchers"]),
    ("enterprises_innovation_active", ["enterprises_product_innovation"]),
    ("enterprises_innovation_active", ["enterprises_business_process_innovation"]),
]


def _check(wide, total: str, parts: list[str], exact: bool) -> list[str]:
    v, f = wide
    bad = []
    for region in v.index:
        if pd.isna(f.at[region, total]):  # region not listed in a partial table
            continue
        if f.at[region, total] == "x":
            continue
        t = 0.0 if f.at[region, total] == "-" else v.at[region, total]
        vals = [v.at[region, p] for p in parts]
        flags = [f.at[region, p] for p in parts]
        # a region missing from a partial table (NaN flag) has none of it
        s = float(np.nansum(vals))
        n = sum(not (isinstance(x, float) and math.isnan(x)) for x in vals)
        lower_bound = (not exact) or "x" in flags
        ok = s <= t + tol(n) if lower_bound else abs(s - t) <= tol(n)
        if not ok:
            bad.append(f"{region}: {total}={t} vs sum={s:.1f}")
    return bad


@pytest.mark.parametrize("total,parts", IDENTITIES, ids=[f"{t}={len(p)}" for t, p in IDENTITIES])
def test_components_add_up(wide, total, parts):
    assert _check(wide, total, parts, exact=True) == []


@pytest.mark.parametrize("total,parts", PARTS, ids=[f"{t}>={p[0]}" for t, p in PARTS])
def test_parts_within_whole(wide, total, parts):
    assert _check(wide, total, parts, exact=False) == []


def test_innovation_types_inclusion_exclusion(wide):
    """t.14: product + business-process - both = innovation-active (t.1), in every region."""
    v, _ = wide
    lhs = (v["enterprises_product_innovation"] + v["enterprises_business_process_innovation"]
           - v["enterprises_both_innovation_types"])
    assert (lhs == v["enterprises_innovation_active"]).all()


def test_spot_values(wide):
    """A few cells read off the workbooks."""
    v, f = wide
    assert v.at["KZ", "enterprises_total"] == 30750 and v.at["KZ", "enterprises_innovation_active"] == 3390
    assert v.at["KZ", "innovation_activity_level_pct"] == 11.0
    assert v.at["ALM", "enterprises_total"] == 1259 and v.at["ALA", "enterprises_total"] == 7826
    assert v.at["ULT", "innovation_activity_level_pct"] == 8.4
    assert v.at["KZ", "innovative_products_mln_kzt"] == 1879123.1
    assert f.at["ABY", "innovative_products_sold_new_to_firm_mln_kzt"] == "x"
    assert f.at["ABY", "innovative_products_exported_mln_kzt"] == "-"
    assert v.at["KZ", "innovation_expenditure_mln_kzt"] == 1453339.1
    assert v.at["ATY", "innovation_expenditure_mln_kzt"] == 606527.0
    assert v.at["KZ", "rd_expenditure_internal_thousand_kzt"] == 121560095.7
    assert v.at["KZ", "rd_expenditure_external_thousand_kzt"] == 31241502.1
    assert f.at["ZKO", "rd_expenditure_external_thousand_kzt"] == "x"
    assert v.at["KZ", "rd_personnel"] == 22456 and v.at["KZ", "rd_enterprises_active"] == 414
    assert v.at["ULT", "rd_personnel"] == 2
    assert v.at["KZ", "rd_fte_ratio_researchers"] == 0.73
