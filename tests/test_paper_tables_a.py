"""Printed-arithmetic checks for the paper tables of seeds 000-003 and seed 004 parts A and E.

Each test reads the shipped files in ``data/paper`` (tidy) or ``data/raw/paper`` (as
printed) and checks what the paper's own printing implies: totals, change
columns, rounding, grade cut-offs, cross-references between tables and text.
Where a spec documents an error in a paper, the test asserts that the error is
there exactly as documented, so the record of the error is itself tested.
Tolerances are half a unit of the last printed digit for each cell involved.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


def tidy(tid: str) -> pd.DataFrame:
    return pd.read_csv(DATA / "paper" / f"{tid}.csv", dtype={"sector": str, "seed": str})


def raw(tid: str) -> pd.DataFrame:
    return pd.read_csv(DATA / "raw" / "paper" / f"{tid}.csv", dtype=str, keep_default_na=False)


def half_unit(cell: str) -> float:
    """Half a unit of the last printed digit: "73.0" -> 0.05, "0.24" -> 0.005, "42" -> 0.5."""
    s = cell.strip().lstrip("+-")
    return 0.5 * 10.0 ** -(len(s.split(".")[1]) if "." in s else 0)


def fnum(cell: str) -> float:
    return float(cell.strip().replace("\u2212", "-"))


def round_half_up(x: float, nd: int) -> float:
    return math.floor(x * 10**nd + 0.5) / 10**nd


# =============================================================== seed 000 (clustering potential, Karaganda)

FIG1 = "seed000_fig1_karaganda_grp_structure"
S0T1 = "seed000_t1_karaganda_manufacturing_structure"
S0T2 = "seed000_t2_karaganda_lq"


def test_seed000_fig1_columns_sum_to_100():
    """Seed 000, Figure 1 (Karaganda GRP structure, data labels): each year's labels sum to 100 % within the
    labels' rounding (1 decimal; the chart drops trailing zeros, e.g. "42", "5"); in fact exactly 100.0
    (spec §4.2 #1)."""
    r = raw(FIG1)
    t = tidy(FIG1)
    assert len(r) == 12 and set(t["region"]) == {"KRG"}
    for y in (2016, 2017, 2018):
        total = t.loc[t["year"] == y, "value"].sum()
        assert abs(total - 100) <= 0.05 * len(r) + 1e-9, (y, total)
        assert round(total, 1) == 100.0, (y, total)


def test_seed000_fig1_text_changes_2018_vs_2016():
    """Seed 000, Figure 1 vs the paper's prose: the changes 2018 vs 2016 quoted in the text (manufacturing
    +4.3, public administration -0.8, other activities -2.1, transport -0.4, energy -0.5, education -0.2,
    construction -0.7 pp) equal the differences of the printed labels."""
    text = {"C": 4.3, "O": -0.8, "H": -0.4, "D-E": -0.5, "P": -0.2, "F": -0.7, "Other activities": -2.1}
    t = tidy(FIG1)
    t["key"] = t["sector"].fillna(t["label_en"])
    w = t.pivot(index="key", columns="year", values="value")
    for key, printed in text.items():
        assert abs((w.loc[key, 2018] - w.loc[key, 2016]) - printed) <= 0.05 + 1e-9, key


def test_seed000_t1_columns_sum_to_100():
    """Seed 000, Table 1 (structure of Karaganda manufacturing, % of manufacturing output): each year sums to
    100 within the printed rounding (two cells are printed to 2 decimals), in fact to 100.0."""
    r = raw(S0T1)
    t = tidy(S0T1)
    shares = t[t["measure"] == "share_pct"]
    for y in (2016, 2017, 2018):
        total = shares.loc[shares["year"] == y, "value"].sum()
        tol = sum(half_unit(c) for c in r[f"y{y}"]) + 1e-9
        assert abs(total - 100) <= tol, (y, total)
        assert round(total, 1) == 100.0, (y, total)  # spec §4.2 #4: 100.0 in each year


def test_seed000_t1_change_column_is_2018_minus_2016():
    """Seed 000, Table 1: the printed column 'change 2018 vs 2016' equals y2018 - y2016 in all 12 rows, within
    the change column's rounding (1 decimal)."""
    t = tidy(S0T1)
    w = t.pivot_table(index="sector", columns=["measure", "year"], values="value")
    diff = w[("share_pct", 2018)] - w[("share_pct", 2016)]
    change = w[("change_pp_vs_2016", 2018)]
    assert len(change) == 12
    bad = (diff - change).abs() > 0.05 + 1e-9
    assert not bad.any(), pd.DataFrame({"diff": diff, "printed": change})[bad]


def test_seed000_t1_text_other_manufacturing_2018():
    """Seed 000, Table 1 vs text: 'all other manufacturing industries = 5.4 % (2018)' equals 100 minus
    metallurgy, food, machine building and chemicals (77 - 7 - 6 - 4.6)."""
    t = tidy(S0T1)
    y18 = t[(t["measure"] == "share_pct") & (t["year"] == 2018)].set_index("sector")["value"]
    named = ["24", "10-11", "26-30, 33", "19-20, 22"]
    assert abs(100 - y18[named].sum() - 5.4) <= 0.05 * 5 + 1e-9
    assert abs(y18.drop(named).sum() - 5.4) <= 0.05 * 8 + 1e-9


def test_seed000_t1_known_error_text_claims_growth():
    """Seed 000, Table 1, known error (spec §4.2 #7): the text says the structural change shows growing shares
    of machine building, food and chemicals, but the printed changes are -0.9, -2.5 and -0.6 pp; only
    metallurgy grew (+4.0)."""
    t = tidy(S0T1)
    ch = t[t["measure"] == "change_pp_vs_2016"].set_index("sector")["value"]
    documented = {"26-30, 33": -0.9, "10-11": -2.5, "19-20, 22": -0.6}
    for sector, v in documented.items():
        assert ch[sector] == pytest.approx(v) and ch[sector] < 0  # the contradiction is in the paper
    assert ch["24"] == pytest.approx(4.0)
    assert ch.idxmax() == "24"


def test_seed000_t2_only_metallurgy_is_specialised():
    """Seed 000, Table 2 (localisation coefficients): the paper's conclusion that only metallurgy has LQ > 1
    (1.7 in each of 2016-2018)."""
    t = tidy(S0T2)
    above = t[t["value"] > 1]
    assert set(above["sector"]) == {"24"}
    assert list(above.sort_values("year")["value"]) == [1.7, 1.7, 1.7]


def test_seed000_t2_implied_national_shares_bracket_100():
    """Seed 000, Tables 1 and 2: LQ = s_region / s_national, so the national shares implied by the printed LQs
    (s_region / LQ) must sum to about 100 on a manufacturing base; with every share +/- half a printed unit
    and every LQ +/- 0.05 the interval contains 100 in each year (point sums 98.69, 102.07, 103.61)."""
    r1, r2 = raw(S0T1), raw(S0T2)
    point = {2016: 98.69, 2017: 102.07, 2018: 103.61}
    for y in (2016, 2017, 2018):
        s = r1[f"y{y}"].map(fnum)
        hs = r1[f"y{y}"].map(half_unit)
        lq = r2[f"lq_{y}"].map(fnum)
        lo = ((s - hs) / (lq + 0.05)).sum()
        hi = ((s + hs) / (lq - 0.05)).sum()
        assert lo <= 100 <= hi, (y, lo, hi)
        assert round((s / lq).sum(), 2) == point[y]


def test_seed000_t2_flag_lq_equals_regional_share():
    """Seed 000, Tables 1-2, documented flag (spec §2): for light industry and pharmaceuticals (all three
    years) and paper (2016, 2018) the printed LQ equals the printed regional share, i.e. an implied national
    share of exactly 1 %; suspicious of a copied column. Paper 2017 (share 0.24, LQ 0.3) is the exception."""
    t1 = tidy(S0T1)
    sh = t1[t1["measure"] == "share_pct"].pivot(index="sector", columns="year", values="value")
    lq = tidy(S0T2).pivot(index="sector", columns="year", values="value")
    equal = (sh - lq).abs() < 1e-9
    assert equal.loc["13-15"].all() and equal.loc["21"].all()
    assert equal.loc["17-18"].tolist() == [True, False, True]
    assert equal.drop(["13-15", "21", "17-18"]).sum().sum() == 0
    # duplicated LQ rows: fabricated metal = machine building, non-metallic = other goods, light = paper
    for a, b in (("25", "26-30, 33"), ("23", "32"), ("13-15", "17-18")):
        assert lq.loc[a].tolist() == lq.loc[b].tolist()


# =============================================================== seed 003 (ICT clusters)

S3T1 = "seed003_t1_innovation_index"
S3T2 = "seed003_t2_ict_output"
S3T3 = "seed003_t3_ksi"
FACTS = "seed001_intext_facts"
GRADES = ["C", "C+", "C++", "B", "B+", "A"]


def _fact(label_start: str) -> float:
    f = tidy(FACTS)
    hit = f[f["label_en"].str.startswith(label_start)]
    assert len(hit) == 1, label_start
    return float(hit["value"].iloc[0])


def test_seed003_t1_grades_fit_ten_point_bands():
    """Seed 003, Table 1 (aggregated innovation-development index): the printed grades rise monotonically with
    the index and 10-point bands (C < 20 <= C+ < 30 <= C++ < 40 <= B < 50 <= B+ < 60 <= A) reproduce all 32.
    """
    t = tidy(S3T1)
    assert len(t) == 32 and set(t["grade"]) <= set(GRADES)
    rank = t["grade"].map(GRADES.index)
    by_index = rank[t["value"].sort_values().index]
    assert by_index.is_monotonic_increasing
    band = np.minimum(np.maximum(np.floor(t["value"] / 10) - 1, 0), 5).astype(int)
    assert (band == rank).all(), t[band != rank]
    counts = (t.groupby("year")["grade"].value_counts().unstack(fill_value=0)
              .reindex(columns=GRADES, fill_value=0))
    assert counts.loc[2010].tolist() == [9, 4, 2, 0, 1, 0]
    assert counts.loc[2016].tolist() == [3, 7, 2, 1, 2, 1]


def test_seed003_t1_index_is_a_mean_not_a_sum():
    """Seed 003, Table 1 vs eq. (2)-(4): under a sum within groups every indicator leader (J = 100) would
    score at least 50, but in 2010 only Almaty city does (51.93) and it cannot lead all six (that would give
    300). Under the mean, a region leading k indicators has I >= 100k/6, and the regions can cover the six
    leaders."""
    t = tidy(S3T1)
    y10 = t[t["year"] == 2010]
    assert (y10["value"] >= 50).sum() == 1 and y10["value"].max() < 300
    for y in (2010, 2016):
        v = t.loc[t["year"] == y, "value"]
        assert v.between(0, 100).all()
        assert np.floor(v / (100 / 6)).sum() >= 6


def test_seed003_t1_known_error_almaty_share_of_potential():
    """Seed 003, Table 1 vs text, known error (spec §4.2 #12): the text says Almaty city holds about 18.4 % of
    the 'national potential' in 2016, but its index is 76.05 / 522.79 = 14.55 % of the 2016 column."""
    t = tidy(S3T1)
    y16 = t[t["year"] == 2016].set_index("region")["value"]
    share = 100 * y16["ALA"] / y16.sum()
    assert round(share, 2) == 14.55
    printed = _fact('Share of "national potential"')
    assert printed == 18.4
    # rounding of the 16 printed indices (+/-0.005 each) moves the share by < 0.01 pp
    lo = 100 * (y16["ALA"] - 0.005) / (y16.sum() + 16 * 0.005)
    hi = 100 * (y16["ALA"] + 0.005) / (y16.sum() - 16 * 0.005)
    assert not (lo - 0.05 <= printed <= hi + 0.05)


def test_seed003_t2_dashes_and_sums():
    """Seed 003, Table 2 (ICT industrial output, mln tenge): dashes are NaN with is_dash set; column sums with
    dashes as zero are 16,554.6 (2010) and 38,269.1 (2016); Almaty city is the largest producer every year."""
    t = tidy(S3T2)
    assert (t["value"].isna() == t["is_dash"]).all()
    sums = t.groupby("year")["value"].sum()
    assert sums[2010] == pytest.approx(16554.6) and sums[2016] == pytest.approx(38269.1)
    top = t.loc[t.groupby("year")["value"].idxmax(), "region"]
    assert set(top) == {"ALA"}


def test_seed003_t2_known_errors_text_totals():
    """Seed 003, Table 2 vs text, known errors (spec §4.2 #16-17): the text's ICT output of 36.5 bn tenge in
    2016 matches neither the column sum (38.27 bn) nor the denominator implied by Table 3 (33.26 bn), and the
    text's 2010-2016 total of 120.3 bn is far from the table's 211.45 bn."""
    t = tidy(S3T2)
    sums = t.groupby("year")["value"].sum() / 1000
    text_2016, text_total = _fact("ICT industrial output in 2016"), _fact("Total ICT output 2010-2016")
    assert (text_2016, text_total) == (36.5, 120.3)
    tol = 16 * 0.05 / 1000 + 0.05
    assert abs(sums[2016] - text_2016) > tol and abs(33.261 - text_2016) > tol
    assert round(sums.sum(), 2) == 211.45 and abs(sums.sum() - text_total) > 50


def test_seed003_t2_text_growth_and_almaty_share():
    """Seed 003, Table 2 vs text: output 'doubled' 2010 -> 2016 (x2.31, rounds to 2); Almaty city 'forms 70 %
    of ICT sales' holds only for 2010 (68.1 %), not for 2016 (52.7 %)."""
    t = tidy(S3T2)
    w = t.pivot(index="region", columns="year", values="value")
    ratio = w[2016].sum() / w[2010].sum()
    assert round(ratio) == _fact("Growth of ICT output 2016 vs 2010") == 2
    share = 100 * w.loc["ALA"] / w.sum()
    printed = _fact("Share of total ICT sales")
    assert abs(share[2010] - printed) < 2 and abs(share[2016] - printed) > 15


def test_seed003_t3_dashes_follow_table2_except_pavlodar_2010():
    """Seed 003, Table 3 (KSI) vs Table 2, known error (spec §3.8): a KSI dash appears where output is a dash,
    plus once where Table 2 prints a value: Pavlodar 2010 (53.1)."""
    k = tidy(S3T3).set_index(["region", "year"])
    o = tidy(S3T2).set_index(["region", "year"])
    mism = [ix for ix in k.index if k.loc[ix, "is_dash"] != o.loc[ix, "is_dash"]]
    assert mism == [("PVL", 2010)]
    assert o.loc[("PVL", 2010), "value"] == 53.1


def test_seed003_t3_2010_reproduces_only_without_pavlodar():
    """Seed 003, Table 3, 2010, known error (spec §4.1): KSI = R / C to 3 decimals reproduces 9 of 10 printed
    cells with C = the Table 2 column sum (Almaty city gives 0.681, printed 0.683) and all 10 with C = column
    sum less Pavlodar (16,501.5); the printed 2010 column sums to 1.000."""
    k = tidy(S3T3)
    o = tidy(S3T2)
    k10 = k[(k["year"] == 2010) & k["value"].notna()].set_index("region")["value"]
    r10 = o[o["year"] == 2010].set_index("region")["value"]
    col_sum = r10.sum()
    calc = (r10[k10.index] / col_sum).map(lambda x: round_half_up(x, 3))
    assert list(k10.index[(calc - k10).abs() > 1e-9]) == ["ALA"]
    assert calc["ALA"] == 0.681 and k10["ALA"] == 0.683
    c_paper = col_sum - r10["PVL"]
    assert c_paper == pytest.approx(16501.5)
    calc_b = (r10[k10.index] / c_paper).map(lambda x: round_half_up(x, 3))
    assert ((calc_b - k10).abs() < 1e-9).all()
    assert abs(k10.sum() - 1) <= len(k10) * 0.0005


def test_seed003_t3_2016_implies_a_smaller_denominator():
    """Seed 003, Table 3, 2016, known error (spec §4.1): with C = column sum (38,269.1) only 1 of 11 printed
    cells reproduces; all 11 fit one denominator in about [33,251, 33,271] (midpoint 33,261), so the printed
    2016 KSIs sum to 1.151, which is impossible for shares."""
    k = tidy(S3T3)
    o = tidy(S3T2)
    k16 = k[(k["year"] == 2016) & k["value"].notna()].set_index("region")["value"]
    r16 = o[o["year"] == 2016].set_index("region")["value"]
    calc = (r16[k16.index] / r16.sum()).map(lambda x: round_half_up(x, 3))
    assert list(k16.index[(calc - k16).abs() < 1e-9]) == ["ZHM"]
    lo = (r16[k16.index] / (k16 + 0.0005)).max()
    hi = (r16[k16.index] / (k16 - 0.0005)).min()
    assert lo < hi and round(lo, 1) == 33250.8 and round(hi, 1) == 33271.1
    assert ((r16[k16.index] / 33261).map(lambda x: round_half_up(x, 3)) == k16).all()
    assert round(k16.sum(), 3) == 1.151 and k16.sum() > 1 + len(k16) * 0.0005


def test_seed003_region_crosswalk_matches_registry():
    """Seed 003 region crosswalk (spec §3.0) vs data/regions.csv: every printed Russian name resolves to the
    registry unit with the same ISO 3166-2 code; South Kazakhstan (pre-2018 unit YKO) maps to today's KZ-61
    (Turkistan), its registry successor."""
    import sys

    sys.path.insert(0, str(DATA.parent))
    from kzclusters.registry import resolve_region

    cw = raw("seed003_ref_region_crosswalk")
    reg = pd.read_csv(DATA / "regions.csv", dtype=str, keep_default_na=False).set_index("code")
    assert len(cw) == 16 and cw["iso_3166_2_kz"].is_unique
    for _, r in cw.iterrows():
        code = resolve_region(r["region_ru_seed003"])
        iso = reg.loc[code, "iso_3166_2"] or reg.loc[reg.loc[code, "parent_17"].split("+")[0], "iso_3166_2"]
        assert iso == r["iso_3166_2_kz"], (r["region_ru_seed003"], code)
    for tid in (S3T1, S3T2, S3T3):
        assert sorted(tidy(tid)["region"].unique()) == sorted(
            resolve_region(x) for x in cw["region_ru_seed003"])


# =============================================================== seeds 001-002 (reference tables)

def test_seed001_world_clusters_table():
    """Seed 001, table 'Formation of world clusters': six rows, founding years 1915-1960 as printed, ISO
    country codes of the printed locations."""
    r = raw("seed001_t1_world_clusters")
    assert r["row"].tolist() == [str(i) for i in range(1, 7)]
    years = r["year_founded"].astype(int)
    assert years.min() == 1915 and years.max() == 1960
    assert set(r["country_iso2"]) == {"DK", "US", "IT", "ES"}


def test_seed002_finnish_categories_hold_the_nine_etla_sectors():
    """Seed 002, Finnish cluster categories vs seed 001 text ('9 sectors identified as important by ETLA'):
    the categories list nine sectors in all; documented oddity: the text announces three categories (strong,
    stable, potential) and then describes 'latent' clusters separately, giving four rows."""
    r = raw("seed002_finnish_cluster_categories")
    sectors = [s.strip() for cell in r["clusters"] for s in cell.split(";")]
    assert len(sectors) == len(set(sectors)) == _fact("Sectors identified as important by ETLA") == 9
    assert len(r) == 4 and sum(not c.startswith("latent") for c in r["finnish_category"]) == 3


def test_seed002_lists_and_model_ranking():
    """Seed 002, in-text lists and verdict: 6 typology factors, 4 Japanese preconditions and 8 Indian state
    measures, each numbered 1..n; Indian model ranked first, North American last, Finnish and Japanese tied.
    """
    r = raw("seed002_typology_items")
    counts = {"typology factor": 6, "Japan precondition": 4, "India state measure": 8}
    for kind, n in counts.items():
        items = r.loc[r["type"].str.startswith(kind), "item"].astype(int).tolist()
        assert items == list(range(1, n + 1)), kind
    m = raw("seed002_models_kz_suitability").set_index("model")["suitability_rank"].astype(int)
    assert m["Indian"] == m.min() == 1 and m["North American"] == m.max()
    assert m["Finnish"] == m["Japanese"] == 2


# =============================================================== seed 004 part E (productivity)

LR = "seed004_prod_p1_long_run"
ECM = "seed004_prod_p1_ecm"
PT1 = "seed004_prod_p1_t1_investment_tfp"


def _wide(tid: str) -> pd.DataFrame:
    return tidy(tid).pivot(index="sector", columns="measure", values="value")


def test_prod_p1_long_run_triplets_fit_ols_with_60_quarters():
    """Seed 004 part E, P1 (Serikkyzy et al.), long-run ln TFP on ln I: for one regressor R² = t²/(t²+df), so
    each printed (p, R²) pair implies the degrees of freedom; df = 58 (n = 60 quarters, 2010Q1-2024Q4) fits
    all five sectors within the rounding of R² and p, while a much shorter sample (df = 20) does not."""
    stats = pytest.importorskip("scipy.stats")
    r = raw(LR).set_index("sector_en")

    def consistent(df: int) -> bool:
        for _, row in r.iterrows():
            r2, p = row["R2"].lstrip("≈"), row["p_value"].lstrip("≈")
            h_r2, h_p = half_unit(r2), half_unit(p)
            ps = [2 * stats.t.sf(math.sqrt(x * df / (1 - x)), df)
                  for x in (float(r2) + h_r2, float(r2) - h_r2)]
            if not (min(ps) <= float(p) + h_p and float(p) - h_p <= max(ps)):
                return False
        return True

    assert consistent(58)
    assert not consistent(20)
    period = tidy("seed004_prod_p1_text_numbers").set_index("item")["value"]
    n_quarters = 4 * (period["data_period_methods_end"] - period["data_period_methods_start"] + 1)
    assert n_quarters - 2 == 58  # the methods' sample, 2010Q1-2024Q4, gives exactly this df


def test_prod_p1_ecm_text_speeds_match_gamma():
    """Seed 004 part E, P1, ECM: the speeds quoted in the text notes ('~70 %', '~14 %', '20 %' of the
    deviation removed per quarter) equal -gamma; construction's gamma > 0 means no return to equilibrium."""
    r = raw(ECM).set_index("sector_en")
    g = _wide(ECM)["gamma"]
    sectors = {"Agriculture": "A", "Mining": "B", "Trade": "G"}
    for name, code in sectors.items():
        pct = float(re.search(r"(\d+)%", r.loc[name, "text_note"]).group(1))
        assert pct == pytest.approx(-100 * g[code])
    assert g["F"] > 0 and "no return" in r.loc["Construction", "text_note"]
    half_life = {s: math.log(0.5) / math.log(1 + g[s]) for s in ("A", "G", "B", "C")}
    assert [round(half_life[s], 1) for s in ("A", "G", "B", "C")] == [0.6, 3.1, 4.6, 13.5]


def test_prod_p1_table1_is_the_text_rounded():
    """Seed 004 part E, P1, Table 1 vs the text: Table 1's ECM speed, short-run effect and long-run beta are
    the text's estimates rounded to the table's printed digits (0.0094 -> 0.009, 0.0688 -> 0.069, 0.198 ->
    0.20)."""
    t1 = tidy(PT1).set_index(["sector", "measure"])
    text = {"ecm_gamma": _wide(ECM)["gamma"], "short_run_effect": _wide(ECM)["delta1"],
            "long_run_beta": _wide(LR)["beta"]}
    checked = 0
    for (sector, measure), row in t1.iterrows():
        if pd.isna(row["value"]):
            continue
        printed = re.match(r"[+\-]?\d+\.\d+", row["value_printed"]).group(0)
        assert abs(text[measure][sector] - row["value"]) <= half_unit(printed) + 1e-12, (sector, measure)
        checked += 1
    assert checked == 13


def _stars_for(p: float, qualifier: str) -> int:
    if pd.isna(p):
        return 0
    return 3 if p < 0.01 or (qualifier == "<" and p <= 0.01) else 2 if p < 0.05 else 1 if p < 0.10 else 0


def test_prod_p1_table1_stars_match_text_p_values():
    """Seed 004 part E, P1, Table 1: significance stars (*** 1 %, ** 5 %, * 10 %) agree with the text's
    p-values for the ECM speed and the long-run beta in all sectors, and for the short-run effect in all but
    mining (see the next test)."""
    t1 = tidy(PT1).set_index(["sector", "measure"])["stars"]
    ecm = tidy(ECM).set_index(["sector", "measure"])
    lr = tidy(LR).set_index(["sector", "measure"])
    for s in "AFCBG":
        assert t1[(s, "ecm_gamma")] == _stars_for(ecm.loc[(s, "p_gamma"), "value"],
                                                  ecm.loc[(s, "p_gamma"), "qualifier"])
        assert t1[(s, "long_run_beta")] == _stars_for(lr.loc[(s, "p_value"), "value"], "")
        if s != "B":
            assert t1[(s, "short_run_effect")] == _stars_for(ecm.loc[(s, "p_delta1"), "value"],
                                                             ecm.loc[(s, "p_delta1"), "qualifier"])


def test_prod_p1_known_inconsistency_mining_short_run():
    """Seed 004 part E, P1, Table 1 vs text, known inconsistency (spec §2.1, §3.3): Table 1 calls mining's
    short-run investment effect 'close to 10 %' (-0.07), but the text gives p ≈ 0.17, well above 0.10."""
    t1 = tidy(PT1).set_index(["sector", "measure"])
    assert "близко к 10%" in t1.loc[("B", "short_run_effect"), "value_printed"]
    p = tidy(ECM).set_index(["sector", "measure"]).loc[("B", "p_delta1"), "value"]
    assert p == 0.17 and p > 0.10


def test_prod_p1_cobb_douglas_text_characterisations():
    """Seed 004 part E, P1, Cobb-Douglas NLS: capital elasticities lie in (0, 1); trade (0.80) is the most
    capital-intensive ('сильная капиталоемкость') and construction (0.42) the only labour-dominant sector."""
    w = _wide("seed004_prod_p1_cobb_douglas")
    assert (w["alpha_min"] <= w["alpha_max"]).sum() == 4 and (w["r2_min"] <= w["r2_max"]).all()
    a = w["alpha_max"].dropna()
    assert a.between(0, 1).all() and a.idxmax() == "G"
    assert list(w.index[w["alpha_max"] < 0.5]) == ["F"]
    assert np.isnan(w.loc["B", "alpha_min"])  # mining: 'not significant', no value printed


def test_prod_p1_known_conflict_data_period():
    """Seed 004 part E, P1, known conflict (spec §1.2): the abstract's data period 2010-2025 differs from the
    methods' quarterly 2010-2024."""
    t = tidy("seed004_prod_p1_text_numbers").set_index("item")["value"]
    assert t["data_period_abstract_start"] == t["data_period_methods_start"] == 2010
    assert t["data_period_abstract_end"] == 2025 and t["data_period_methods_end"] == 2024
    assert t["hci_2012"] < t["hci_2018"] <= 1


def test_prod_p2_bullets_arithmetic():
    """Seed 004 part E, P2 (Idrisov, Darinov), results bullets: engineers are 0.9 of > 1.6 mln specialists
    needed by 2031 = 56.25 %, printed 56 %; EU productivity per employed is 86.7 / 27.2 = 3.19 times
    Kazakhstan's ('3 times' in the introduction)."""
    b = tidy("seed004_prod_p2_bullets").set_index(["item", "area"])["value"]
    share = 100 * b[("engineers_needed_2031", "KZ")] / b[("specialists_needed_2031", "KZ")]
    assert abs(share - b[("worker_engineer_share_of_deficit", "KZ")]) <= 0.5
    ratio = b[("productivity_per_employed_usd", "EU")] / b[("productivity_per_employed_usd", "KZ")]
    assert round(ratio, 2) == 3.19 and round(ratio) == 3


def test_prod_p2_known_conflict_bullets_vs_table1():
    """Seed 004 part E, P2, Table 1 vs bullets, known conflict (spec §2.2): Table 1 has Kazakhstan ~56 vs EU
    ~106 thousand USD ('half as high', ratio 1.89), the bullets 27.2 vs 86.7 (ratio 3.19); Germany's ~106-110
    in Table 3 is also about twice Kazakhstan's 56 ('вдвое выше')."""
    t1 = tidy("seed004_prod_p2_t1_eu_gap").set_index(["item", "area"])["value"]
    b = tidy("seed004_prod_p2_bullets").set_index(["item", "area"])["value"]
    r_table = t1[("avg_productivity", "EU")] / t1[("avg_productivity", "KZ")]
    r_bullet = b[("productivity_per_employed_usd", "EU")] / b[("productivity_per_employed_usd", "KZ")]
    assert round(r_table, 2) == 1.89 and round(r_table) == 2
    assert abs(r_table - r_bullet) > 1
    assert 1000 * t1[("avg_productivity", "KZ")] != b[("productivity_per_employed_usd", "KZ")]
    assert t1[("high_tech_industry_share", "KZ")] == b[("high_tech_industry_share", "KZ")] == 10
    de = tidy("seed004_prod_p2_t3_germany_eu").set_index("item")["value"]
    for k in ("avg_productivity_min", "avg_productivity_max"):
        assert round(de[k] / t1[("avg_productivity", "KZ")]) == 2


def test_prod_p2_table4_phases_and_known_conflict():
    """Seed 004 part E, P2, Table 4 (sector maturity map by OKED): phase counts Fragmented 4, Inertial 3,
    Latent 3, Mature raw-material 1, Mixed 1; known conflict: the text's 'fragmented' bottleneck cluster names
    chemicals and electronics, which Table 4 classes as Inertial (20) and Latent (26)."""
    t4 = raw("seed004_prod_p2_t4_maturity_map")
    counts = t4["phase_en"].value_counts().to_dict()
    assert counts == {"Fragmented": 4, "Inertial": 3, "Latent": 3, "Mature raw-material": 1, "Mixed": 1}
    phases = set(raw("seed004_prod_p2_phase_defs")["phase_en"])
    assert set(t4["phase_en"]) == phases
    bn = raw("seed004_prod_p2_bottleneck_clusters").set_index("cluster_en")
    frag = bn.loc["Fragmented", "sectors"]
    assert "электроника" in frag and "химическая" in frag
    ph = t4.set_index("oked")["phase_en"]
    assert ph["20"] == "Inertial" and ph["26"] == "Latent"


def test_prod_p2_scenarios_are_contiguous():
    """Seed 004 part E, P2, scenarios for closing the gap: four phases from 2025 to 2035 sharing their
    boundary years (2027, 2029, 2032)."""
    s = tidy("seed004_prod_p2_scenarios").pivot(index="scenario", columns="measure", values="value")
    assert s.index.tolist() == [1, 2, 3, 4]
    assert s["start_year"].iloc[0] == 2025 and s["end_year"].iloc[-1] == 2035
    assert (s["end_year"].iloc[:-1].to_numpy() == s["start_year"].iloc[1:].to_numpy()).all()
    assert (s["end_year"] > s["start_year"]).all()


# =============================================================== seed 004 part A (industry priorities)

def test_prio_p1_t1_weights_sum_to_100():
    """Seed 004 part A, P1 (Begimbay, Myrzakhmet), Table 1 (criteria weights): eight positive integer weights
    that sum to exactly 100 %."""
    w = tidy("seed004_prio_p1_t1_criteria_weights")
    assert len(w) == 8 and w["criterion"].is_unique
    assert (w["value"] > 0).all() and (w["value"] == w["value"].round()).all()
    assert w["value"].sum() == 100


def test_prio_p1_t2_ranks_follow_scores():
    """Seed 004 part A, P1, Table 2 (integral scores, 0-1): ranks 1-6 follow strictly decreasing scores within
    0-1 (adjacent gaps 0.04, 0.03, 0.08, 0.02, 0.07)."""
    t = tidy("seed004_prio_p1_t2_integral_scores").sort_values("rank")
    assert t["rank"].tolist() == list(range(1, 7))
    assert t["value"].between(0, 1).all()
    gaps = (-t["value"].diff().dropna()).round(2).tolist()
    assert all(g > 0 for g in gaps) and gaps == [0.04, 0.03, 0.08, 0.02, 0.07]


def test_prio_p2_helix_indicator_counts():
    """Seed 004 part A, P2 (Manuilov), Table 1 (quintuple-helix indicators, after Megits et al.): 19
    indicators, 4 business / 3 society / 6 state (the six WGI) / 4 science-education / 2 environment."""
    r = raw("seed004_prio_p2_t1_helix_indicators")
    counts = r["pillar_en"].value_counts().to_dict()
    assert counts == {"Business": 4, "Society": 3, "State": 6, "Science / education": 4, "Environment": 2}
    assert len(r) == 19 and r["indicator_en"].is_unique
    helix = raw("seed004_prio_p2_helix_types")
    assert helix["helix"].tolist() == ["triple", "quadruple", "quintuple"]


def test_prio_p2_known_error_eight_clusters_listed_seven():
    """Seed 004 part A, P2, territorial clusters, known error (spec §2.4): the text says 'eight' clusters were
    selected in 2006-2008 but lists seven; the six supported post-2014 pilots agree with the facts table
    (6 of 21 applications), and the one listed rejection is Pavlodar's petrochemical cluster."""
    r = raw("seed004_prio_p2_territorial_clusters")
    wave1 = r[r["wave"] == "wave_1"]
    assert len(wave1) == 7 and len(wave1) != 8
    f = tidy("seed004_prio_p2_facts").set_index("item")["value"]
    supported = r[(r["wave"] == "wave_2") & r["selected_or_status"].str.startswith("supported")]
    assert len(supported) == f["clusters_supported"] == 6
    assert f["cluster_applications"] == 21
    rejected = r[r["selected_or_status"].str.contains("not supported")]
    assert rejected["region_en"].tolist() == ["Pavlodar region"]


def test_prio_p2_facts_shares_add_up():
    """Seed 004 part A, P2, quantitative facts: cluster co-financing 70 / 30 (state-initiated) and 50 / 50
    (business-initiated) each sum to 100 %; Sophia-Antipolis land rule 1/3 built + 2/3 green = 1."""
    f = tidy("seed004_prio_p2_facts").set_index("item")["value"]
    for k in ("cofin_state_initiated", "cofin_business_initiated"):
        assert f[f"{k}_state_pct"] + f[f"{k}_firms_pct"] == 100
    assert f["cofin_state_initiated_state_pct"] > f["cofin_business_initiated_state_pct"]
    assert f["sophia_antipolis_land_built_share"] + f["sophia_antipolis_land_green_share"] == pytest.approx(1)
    assert f["sophia_antipolis_digital_firms_pct"] < f["sophia_antipolis_digital_jobs_pct"] <= 100


def test_prio_p3_facts():
    """Seed 004 part A, P3 (Medetov, Beisenova), quantitative facts: shares are within 0-100 % and the EU
    incubator funding period 2002-2006 runs forward."""
    f = tidy("seed004_prio_p3_facts").set_index("item")["value"]
    assert f["eu_incubator_funding_period_start"] < f["eu_incubator_funding_period_end"]
    for k in ("eu_national_funding_cap_pct", "us_not_for_profit_pct"):
        assert 0 < f[k] <= 100
    assert f["nbia_objectives"] == 13


# =============================================================== all tables

MINE = ("seed000_", "seed001_", "seed002_", "seed003_", "seed004_prod_", "seed004_prio_")


def test_every_raw_table_has_a_spec_and_tidy_file():
    """All tables of seeds 000-003 and seed 004 parts A and E: each raw transcription has an entry in
    scripts/paper_specs_a.py, and each numeric entry has an up-to-date tidy file with a float value column,
    integer years and unique keys."""
    import sys

    sys.path.insert(0, str(DATA.parent / "scripts"))
    import paper_specs_a

    raw_ids = {p.stem for p in (DATA / "raw" / "paper").glob("*.csv") if p.stem.startswith(MINE)}
    spec_ids = {t.id for t in paper_specs_a.TABLES}
    assert raw_ids == spec_ids
    for t in paper_specs_a.TABLES:
        if t.tidy is None:
            assert not t.tidy_path.exists()
            continue
        df = pd.read_csv(t.tidy_path, dtype={k: str for k in t.keys if k != "year"})
        assert df["value"].dtype == "float64", t.id
        assert not df.duplicated(t.keys).any(), t.id
        if "year" in df:
            assert df["year"].dtype == "int64", t.id
        rebuilt = t.tidy(t.read_raw())
        rebuilt["value"] = pd.to_numeric(rebuilt["value"], errors="raise")
        text = rebuilt.to_csv(index=False, lineterminator="\n")
        assert t.tidy_path.read_text(encoding="utf-8") == text, f"{t.id}: tidy file is stale; rebuild it"
