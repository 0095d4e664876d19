"""Internal consistency of the seed-004 tables transcribed in data/paper (parts B-D).

Papers (AlmaTau Symposium 2025 proceedings, Almaty Management University, seed 004):

* MSME: Taikulakova, Bayadilova, Andakov, manufacturing SME potential, technological
  integration and GDP (``seed004_msme_*``);
* P1 Bazarkhanova (SME cooperation potential, East Kazakhstan), P2 Verbovaya (legal
  mechanisms), P3 Radosevic (industrial policy) (``seed004_coop_*``);
* A Bespalyi & Andakov (economic complexity, Malaysia), B Kaumetova & Suleimenov
  (scenarios), C Amanzholova & Lindau (digital twins) (``seed004_cx_*``).

Each test checks what the printed numbers imply (sums, shares, changes) within the
printed rounding, or asserts that an error documented in the spec is there exactly
as documented.  The SME formulas themselves (P_MSP, TII, RCA, EPI) are not package
code here; the tests only re-derive printed cells from other printed cells.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

PAPER = Path(__file__).resolve().parents[1] / "data" / "paper"
SEL = ["KRG", "PVL", "ALA", "VKO", "KST"]   # the five regions of MSME Tables 6-8, 10-13


def load(table_id: str) -> pd.DataFrame:
    return pd.read_csv(PAPER / f"{table_id}.csv", dtype={"sector": str})


def val(df: pd.DataFrame, **keys) -> float:
    sel = df
    for k, v in keys.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, f"{keys}: {len(sel)} rows"
    return float(sel["value"].iloc[0])


def half(decimals: int, cells: int = 1) -> float:
    """Half a unit of the last printed digit times the number of rounded cells (+ float slack)."""
    return 0.5 * 10 ** -decimals * cells + 1e-9


def r(x: float, d: int) -> float:
    """Round half away from zero (how the papers round), robust to binary float noise."""
    q = abs(x) * 10 ** d
    return math.copysign(math.floor(q + 0.5 + 1e-9) / 10 ** d, x)


# ============================================================ MSME paper (Taikulakova et al.)

def test_msme_pmsp_scale_bands_have_gaps():
    """MSME, P_MSP interpretation scale: bands printed 0.00-0.25, 0.26-0.50, 0.51-0.75, 0.76-1.00.

    Known defect (spec F1): consecutive bands leave gaps of 0.01; the scale covers [0, 1].
    """
    df = load("seed004_msme_pmsp_scale")
    order = ["low", "medium", "moderately_high", "high"]
    lo = [val(df, level=lv, bound="lower") for lv in order]
    hi = [val(df, level=lv, bound="upper") for lv in order]
    assert lo[0] == 0 and hi[-1] == 1
    assert all(a < b for a, b in zip(lo, hi))
    assert [round(lo[i + 1] - hi[i], 2) for i in range(3)] == [0.01, 0.01, 0.01]


def test_msme_t02_goods_plus_services_is_gva():
    """MSME Table 2 (manufacturing indicators 2020-2024): production of goods + services = GVA."""
    df = load("seed004_msme_t02_manufacturing_indicators")
    for year in range(2020, 2025):
        goods, serv, gva = (val(df, sector=s, year=year) for s in ("GOODS", "SERVICES", "TOTAL"))
        assert abs(goods + serv - gva) <= half(1, 3), year
        assert val(df, sector="C", year=year) < goods < gva < val(df, sector="GDP", year=year)


def test_msme_t15_repeats_t02():
    """MSME Table 15 (GVA, GDP 2023-2024) prints the same numbers as Table 2."""
    t15, t02 = load("seed004_msme_t15_gva_gdp"), load("seed004_msme_t02_manufacturing_indicators")
    for s in ("C", "TOTAL", "GDP"):
        for y in (2023, 2024):
            assert val(t15, sector=s, year=y) == val(t02, sector=s, year=y)


def test_msme_t03_totals_and_growth():
    """MSME Table 3 (operating enterprises by industry): B+C+D+E = total; growth = 2024/2023 - 1 (1 dp)."""
    df = load("seed004_msme_t03_enterprises")
    for y in (2023, 2024):
        parts = sum(val(df, sector=s, measure="enterprises", year=y) for s in "BCDE")
        assert parts == val(df, sector="IND", measure="enterprises", year=y)
    for s in ("B", "C", "D", "E", "IND"):
        a, b = (val(df, sector=s, measure="enterprises", year=y) for y in (2023, 2024))
        assert abs(100 * (b / a - 1) - val(df, sector=s, measure="growth_pct", year=2024)) <= half(1), s


def test_msme_t04_regions_fall_short_of_rk():
    """MSME Table 4 (manufacturing exports by region, mln USD).

    Known gap (spec §3 Table 4, §7 flag 13): the 19 listed regions sum to less than the RK row by
    647.0 / 694.6 (total) and 366.9 / 373.4 (SME) mln USD in 2023 / 2024; Shymkent is not listed.
    Each region's SME exports are part of its total.
    """
    df = load("seed004_msme_t04_mfg_exports_by_region")
    regions = df[df["region"] != "KZ"]
    assert regions["region"].nunique() == 19 and "SHM" not in set(regions["region"])
    gaps = {("mfg_export", 2023): 647.0, ("mfg_export", 2024): 694.6,
            ("sme_mfg_export", 2023): 366.9, ("sme_mfg_export", 2024): 373.4}
    for (m, y), gap in gaps.items():
        s = regions[(regions["measure"] == m) & (regions["year"] == y)]["value"].sum()
        assert round(val(df, region="KZ", measure=m, year=y) - s, 1) == gap
    wide = df.pivot_table(index=["region", "year"], columns="measure", values="value")
    assert (wide["sme_mfg_export"] <= wide["mfg_export"]).all()


def test_msme_t12_repeats_t04():
    """MSME Table 12 (exports of the selected regions) prints the rows of Table 4 unchanged."""
    t12, t04 = load("seed004_msme_t12_exports_selected"), load("seed004_msme_t04_mfg_exports_by_region")
    merged = t12.merge(t04, on=["region", "measure", "year"], suffixes=("", "_t04"))
    assert len(merged) == len(t12) == 24
    assert (merged["value"] == merged["value_t04"]).all()


def test_msme_t05_growth_divides_by_2024():
    """MSME Table 5 (GRP of selected regions): 'Темп прироста'.

    Known error (spec §4 T5, §7 flag 2): the printed rate is (GRP2024 - GRP2023) / GRP2024, not
    / GRP2023: 6/6 match the wrong denominator at 2 dp, 0/6 the right one; headed % but a fraction.
    """
    df = load("seed004_msme_t05_grp_selected")
    regs = list(df["region"].unique())
    assert regs == ["KZ", "ALM", "KRG", "KST", "PVL", "VKO"]   # Almaty oblast here, city elsewhere
    for reg in regs:
        a, b = val(df, region=reg, measure="grp", year=2023), val(df, region=reg, measure="grp", year=2024)
        printed = val(df, region=reg, measure="growth_printed", year=2024)
        assert r((b - a) / b, 2) == printed, reg
        assert r((b - a) / a, 2) != printed, reg
        assert 0 < printed < 1


def test_msme_two_gdp_vintages():
    """MSME Tables 2, 5, 9, 17: two vintages of national GDP.

    Known inconsistency (spec F5, §7 flag 9): 2023 agrees (119,442,289.7 mln KZT) but 2024 is
    135,251,663.6 in Tables 2/15/16 and 136,693,318.3 (sum of regions) in Tables 5/9/17.
    GRP of the regions agrees across Tables 5, 9, 10 and 17.
    """
    t02 = load("seed004_msme_t02_manufacturing_indicators")
    t05, t09 = load("seed004_msme_t05_grp_selected"), load("seed004_msme_t09_grp_shares")
    t10, t17 = load("seed004_msme_t10_es_epi_inputs"), load("seed004_msme_t17_regional_elasticity")
    t16 = load("seed004_msme_t16_elasticity_inputs")
    gdp23, gdp24 = val(t02, sector="GDP", year=2023), val(t02, sector="GDP", year=2024)
    assert val(t16, indicator="gdp", measure="level", year=2024) == gdp24 == 135251663.6
    for t in (t05, t09, t17):
        assert val(t, region="KZ", measure="grp", year=2023) == gdp23
        assert val(t, region="KZ", measure="grp", year=2024) == 136693318.3 != gdp24
    for reg in ("KRG", "KST", "PVL", "VKO"):
        for y in (2023, 2024):
            v = val(t05, region=reg, measure="grp", year=y)
            assert v == val(t09, region=reg, measure="grp", year=y)
            assert v == val(t17, region=reg, measure="grp", year=y)
    for reg in SEL:
        for y in (2023, 2024):
            assert val(t10, region=reg, measure="grp", year=y) == val(t09, region=reg, measure="grp", year=y)


def test_msme_t06_shares():
    """MSME Table 6 (P_MSP components): each 'Доля' = region / RK (PP at 2 dp, IP and EP at 4 dp).

    The RK row of IP is missing (spec §7 flag 6); the shares imply the Table 7 INN totals
    30610 / 30756, and IP is printed in thousands.
    """
    df, t07 = load("seed004_msme_t06_pmsp_components"), load("seed004_msme_t07_tii_matrix")
    assert df[(df["indicator"] == "innp") & (df["region"] == "KZ")]["value"].isna().all()
    for y in (2023, 2024):
        inn_rk = val(t07, indicator="inn", region="KZ", measure="value", year=y)
        for reg in SEL:
            for ind, d, rk in (("pp", 2, val(df, indicator="pp", region="KZ", measure="value", year=y)),
                               ("innp", 4, inn_rk / 1000),
                               ("ep", 4, val(df, indicator="ep", region="KZ", measure="value", year=y))):
                v = val(df, indicator=ind, region=reg, measure="value", year=y)
                printed = val(df, indicator=ind, region=reg, measure="share", year=y)
                assert r(v / rk, d) == printed, (ind, reg, y)


def test_msme_t06_almaty_innovation_conflicts_with_t07():
    """MSME Tables 6 and 7: Almaty city innovation counts.

    Known conflict (spec §7 flag 5): Table 6 prints 7826 / 8122 (2023 / 2024), Table 7 prints
    8122 / 8185; the other four regions agree.
    """
    t06, t07 = load("seed004_msme_t06_pmsp_components"), load("seed004_msme_t07_tii_matrix")
    for reg in SEL:
        for y in (2023, 2024):
            a = round(1000 * val(t06, indicator="innp", region=reg, measure="value", year=y))
            b = val(t07, indicator="inn", region=reg, measure="value", year=y)
            if reg == "ALA":
                assert (a, b) == {2023: (7826, 8122), 2024: (8122, 8185)}[y]
            else:
                assert a == b, (reg, y)


def test_msme_t06_export_block_is_total_not_sme():
    """MSME Table 6 'EP (Экспорт МСП млн дол США)'.

    Known mislabel (spec F1, §7 flag 6): the values are total manufacturing exports of Table 4,
    not SME exports.
    """
    t06, t04 = load("seed004_msme_t06_pmsp_components"), load("seed004_msme_t04_mfg_exports_by_region")
    for reg in ["KZ", *SEL]:
        for y in (2023, 2024):
            v = val(t06, indicator="ep", region=reg, measure="value", year=y)
            assert v == val(t04, region=reg, measure="mfg_export", year=y)
            assert v != val(t04, region=reg, measure="sme_mfg_export", year=y)


def test_msme_t06b_averages():
    """MSME averages table after Table 6: five-region means of the printed shares (3 dp), and the
    two-year mean.

    Known rounding (spec §4 'P_MSP averages'): the PP means reproduce only from the 2-dp rounded
    shares; from unrounded region/RK shares they would be 0.079 / 0.085, not 0.078 / 0.084.
    """
    t06, avg = load("seed004_msme_t06_pmsp_components"), load("seed004_msme_t06b_pmsp_averages")
    for ind in ("pp", "innp", "ep"):
        for y in (2023, 2024):
            shares = [val(t06, indicator=ind, region=reg, measure="share", year=y) for reg in SEL]
            assert r(sum(shares) / 5, 3) == val(avg, indicator=ind, measure=f"mean_{y}"), (ind, y)
        m23, m24 = val(avg, indicator=ind, measure="mean_2023"), val(avg, indicator=ind, measure="mean_2024")
        assert abs((m23 + m24) / 2 - val(avg, indicator=ind, measure="mean_2023_2024")) <= half(3)
    for y, printed in ((2023, 0.078), (2024, 0.084)):
        rk = val(t06, indicator="pp", region="KZ", measure="value", year=y)
        exact = sum(val(t06, indicator="pp", region=reg, measure="value", year=y) / rk for reg in SEL) / 5
        assert val(avg, indicator="pp", measure=f"mean_{y}") == printed
        assert abs(r(exact, 3) - printed) >= 0.001


def test_msme_t07_shares():
    """MSME Table 7 (TII matrix): INN and HR shares = 100 * region / RK, DI = 100 * region % / RK %
    (all 30 cells at 2 dp)."""
    df = load("seed004_msme_t07_tii_matrix")
    for ind in ("inn", "di", "hr"):
        for y in (2023, 2024):
            rk = val(df, indicator=ind, region="KZ", measure="value", year=y)
            for reg in SEL:
                v = val(df, indicator=ind, region=reg, measure="value", year=y)
                assert r(100 * v / rk, 2) == val(df, indicator=ind, region=reg, measure="share", year=y)


def test_msme_t07_printed_component_means():
    """MSME text under Table 7: INN = (8.97 + 8.96)/2 = 8.97, DI = (111.83 + 116.04)/2 = 113.94,
    HR = (10.66 + 10.57)/2 = 10.62, TII = 0.2 * 133.5 = 26.7.

    Five-region means of the printed INN and DI shares reproduce at 2 dp. Known rounding (spec §4):
    HR 10.66 / 10.57 come from unrounded shares (the printed shares average 10.654 / 10.564).
    """
    df = load("seed004_msme_t07_tii_matrix")

    def mean_share(ind, y):
        return sum(val(df, indicator=ind, region=reg, measure="share", year=y) for reg in SEL) / 5

    def mean_exact(ind, y):
        rk = val(df, indicator=ind, region="KZ", measure="value", year=y)
        return sum(100 * val(df, indicator=ind, region=reg, measure="value", year=y) / rk for reg in SEL) / 5

    printed = {("inn", 2023): 8.97, ("inn", 2024): 8.96, ("di", 2023): 111.83, ("di", 2024): 116.04,
               ("hr", 2023): 10.66, ("hr", 2024): 10.57}
    for (ind, y), p in printed.items():
        assert r(mean_exact(ind, y), 2) == p
        if ind == "hr":
            assert r(mean_share(ind, y), 2) == round(p - 0.01, 2)
        else:
            assert r(mean_share(ind, y), 2) == p
    means = {"inn": 8.97, "di": 113.94, "hr": 10.62}
    for ind, m in means.items():
        assert abs((printed[(ind, 2023)] + printed[(ind, 2024)]) / 2 - m) <= half(2)
    assert r(sum(means.values()), 1) == 133.5 and r(0.2 * 133.5, 1) == 26.7


def test_msme_t08_normalisation():
    """MSME Table 8 (normalised TII, 2024): inputs are Table 7's 2024 shares; X* = X / max over the
    five regions (2 dp); TII = mean of the three unrounded X* (2 dp). 20/20 cells reproduce."""
    t08, t07 = load("seed004_msme_t08_tii_normalised"), load("seed004_msme_t07_tii_matrix")
    cols = {"inn": "inn_share", "di": "di_index", "hr": "hr_share"}
    for ind, col in cols.items():
        for reg in SEL:
            t07_share = val(t07, indicator=ind, region=reg, measure="share", year=2024)
            assert val(t08, region=reg, measure=col) == t07_share
    norm = {}
    for ind, col in cols.items():
        mx = max(val(t08, region=reg, measure=col) for reg in SEL)
        for reg in SEL:
            norm[(ind, reg)] = val(t08, region=reg, measure=col) / mx
            assert r(norm[(ind, reg)], 2) == val(t08, region=reg, measure=f"{ind}_norm"), (ind, reg)
    for reg in SEL:
        assert r(sum(norm[(i, reg)] for i in cols) / 3, 2) == val(t08, region=reg, measure="tii"), reg


def test_msme_t09_shares_printed_one_row_up():
    """MSME Table 9 (GRP shares in GDP).

    Known error (spec §4 T9, §7 flag 3): every printed share belongs to the next row (the RK row
    carries Karaganda's 6.46 / 6.63) and the last row (Almaty city) repeats 6.46 / 6.63.
    """
    df = load("seed004_msme_t09_grp_shares")
    order = df.drop_duplicates("row").sort_values("row")["region"].tolist()
    assert order == ["KZ", "KRG", "KST", "PVL", "VKO", "ALA"]
    for y in (2023, 2024):
        rk = val(df, region="KZ", measure="grp", year=y)
        computed = [r(100 * val(df, region=reg, measure="grp", year=y) / rk, 2) for reg in order]
        printed = [val(df, region=reg, measure="share_printed", year=y) for reg in order]
        assert printed[:-1] == computed[1:], y
        assert printed[-1] == printed[0] == computed[1]
        assert printed[1:] != computed[1:]


def test_msme_t10_inputs_and_grp_unit():
    """MSME Table 10 (ES/EPI inputs): SME exports = Table 4, RCA = Table 13.

    Known mislabel (spec F6, §7 flag 4): GRP is headed 'ВРП, млн дол' but the values are Table 9's
    mln KZT (checked in test_msme_two_gdp_vintages); here: the column is ~1000-10000x the USD
    exports, as KZT would be, not a plausible USD GRP.
    """
    t10, t04, t13 = (load("seed004_msme_t10_es_epi_inputs"), load("seed004_msme_t04_mfg_exports_by_region"),
                     load("seed004_msme_t13_rca"))
    for reg in SEL:
        for y in (2023, 2024):
            x = val(t10, region=reg, measure="sme_mfg_export", year=y)
            assert x == val(t04, region=reg, measure="sme_mfg_export", year=y)
            assert val(t10, region=reg, measure="rca", year=y) == val(t13, region=reg, measure="rca", year=y)
            grp = val(t10, region=reg, measure="grp", year=y)
            assert grp / val(t04, region=reg, measure="mfg_export", year=y) > 1000


def test_msme_t11_epi_from_printed_inputs():
    """MSME Table 11 (EPI): EPI = round(ES, 4) * RCA with ES = 100 * SME exports / GRP (currency-mixed,
    spec F6-F7) from Table 10.

    Known slip (spec §4 T11): 9/10 cells reproduce; Kostanay 2023 recomputes to 0.0218, printed 0.0217.
    The labels are ordered by EPI (every 'high' above every 'low' above every 'very low') in both years.
    """
    t11, t10 = load("seed004_msme_t11_epi"), load("seed004_msme_t10_es_epi_inputs")
    off = []
    for reg in SEL:
        for y in (2023, 2024):
            x = val(t10, region=reg, measure="sme_mfg_export", year=y)
            es = r(100 * x / val(t10, region=reg, measure="grp", year=y), 4)
            epi = r(es * val(t10, region=reg, measure="rca", year=y), 4)
            printed = val(t11, region=reg, year=y)
            if epi != printed:
                off.append((reg, y, epi, printed))
    assert off == [("KST", 2023, 0.0218, 0.0217)]
    for y in (2023, 2024):
        d = t11[t11["year"] == y]
        labels = ("high_potential", "low_potential", "very_low_potential")
        groups = [d[d["label"] == lab]["value"] for lab in labels]
        assert groups[0].min() > groups[1].max() and groups[1].min() > groups[2].max()


def test_msme_t13_rca_and_shares():
    """MSME Table 13 (RCA): RCA = (SME/mfg exports of the region) / (SME/mfg of RK) from Table 12,
    10/10 at 2 dp; labels: RCA > 1 'strong advantage', else none.

    Known digit slips (spec §4 T13): the SME shares reproduce 5/10 at 4 dp; KRG 2023, KST 2023,
    KST 2024, ALA 2023 and ALA 2024 are off in the 4th decimal (by at most 0.0004).
    """
    t13, t12 = load("seed004_msme_t13_rca"), load("seed004_msme_t12_exports_selected")

    def ratio(reg, y):
        return (val(t12, region=reg, measure="sme_mfg_export", year=y)
                / val(t12, region=reg, measure="mfg_export", year=y))

    off = set()
    for y in (2023, 2024):
        rk = ratio("KZ", y)
        for reg in SEL:
            share = ratio(reg, y)
            assert r(share / rk, 2) == val(t13, region=reg, measure="rca", year=y), (reg, y)
            printed = val(t13, region=reg, measure="sme_share", year=y)
            if r(share, 4) != printed:
                off.add((reg, y))
                assert abs(share - printed) < 0.00045
    assert off == {("KRG", 2023), ("KST", 2023), ("KST", 2024), ("ALA", 2023), ("ALA", 2024)}
    for _, row in t13[t13["measure"] == "rca"].iterrows():
        assert (row["label"] == "strong_advantage") == (row["value"] > 1)


def test_msme_t16_increments_and_growth():
    """MSME Table 16 (elasticity inputs): increment = 2024 - 2023 (exact); growth = increment / 2023.

    Known rounding slips (spec §4 T16, §7 flag 11): export growth 11.844% is printed 11.85 (Table 17
    prints 11.83); GDP growth 13.236% is printed 13.23 (truncated, not rounded); GVA 10.18 is exact.
    Levels equal Table 4 (exports) and Table 2 (GDP, manufacturing GVA).
    """
    df = load("seed004_msme_t16_elasticity_inputs")
    t02 = load("seed004_msme_t02_manufacturing_indicators")
    t04 = load("seed004_msme_t04_mfg_exports_by_region")

    def lev(ind, y):
        return val(df, indicator=ind, measure="level", year=y)

    def growth(ind):
        return val(df, indicator=ind, measure="growth_pct", year=2024)

    g = {}
    for ind in ("mfg_export", "gdp", "mfg_gva"):
        a, b = lev(ind, 2023), lev(ind, 2024)
        assert abs(b - a - val(df, indicator=ind, measure="increment", year=2024)) <= half(1, 3)
        g[ind] = 100 * (b - a) / a
    assert r(g["mfg_gva"], 2) == growth("mfg_gva") == 10.18
    assert r(g["mfg_export"], 2) == 11.84 != growth("mfg_export") == 11.85
    assert r(g["gdp"], 2) == 13.24 != growth("gdp") == math.floor(g["gdp"] * 100) / 100 == 13.23
    for y in (2023, 2024):
        assert lev("mfg_export", y) == val(t04, region="KZ", measure="mfg_export", year=y)
        assert lev("gdp", y) == val(t02, sector="GDP", year=y)
        assert lev("mfg_gva", y) == val(t02, sector="C", year=y)


def test_msme_t16b_elasticities():
    """MSME summary table after Table 16: E_GDP,EXP = 13.23 / 11.85 = 1.12 (elastic) and
    E_MFG,EXP = 10.18 / 11.85 = 0.86 (inelastic), from the printed growth rates."""
    el, t16 = load("seed004_msme_t16b_elasticities"), load("seed004_msme_t16_elasticity_inputs")
    gx = val(t16, indicator="mfg_export", measure="growth_pct", year=2024)
    for code, ind in (("e_gdp_exp", "gdp"), ("e_mfg_exp", "mfg_gva")):
        e = val(el, indicator=code)
        assert r(val(t16, indicator=ind, measure="growth_pct", year=2024) / gx, 2) == e
        assert el.set_index("indicator").loc[code, "label"] == ("elastic" if e > 1 else "inelastic")


def test_msme_t17_regional_elasticity():
    """MSME Table 17 (regional EC): levels equal Table 4 (exports) and Table 9 (GRP); growth rates
    within 0.02 pp of the levels' change; EC = printed dE% / printed dGRP% (6/6 at 2 dp).

    Known slips (spec §4 T17, §7 flags 10-11): dE% exact only for KRG and PVL, dGRP% for none;
    EC from the levels reproduces 5/6 (VKO -0.194 -> -0.19, printed -0.20); EC is export growth /
    GRP growth, the inverse of Table 16's elasticity, and RK's 0.82 is not 1 / 1.12.
    """
    t17 = load("seed004_msme_t17_regional_elasticity")
    t04, el = load("seed004_msme_t04_mfg_exports_by_region"), load("seed004_msme_t16b_elasticities")
    exact_de, exact_dg, ec_off = set(), set(), set()
    for reg in ["KZ", *SEL]:
        lv = {(m, y): val(t17, region=reg, measure=m, year=y)
              for m in ("mfg_export", "grp") for y in (2023, 2024)}
        for y in (2023, 2024):
            assert lv[("mfg_export", y)] == val(t04, region=reg, measure="mfg_export", year=y)
        de = 100 * (lv[("mfg_export", 2024)] / lv[("mfg_export", 2023)] - 1)
        dg = 100 * (lv[("grp", 2024)] / lv[("grp", 2023)] - 1)
        pde = val(t17, region=reg, measure="export_growth_pct", year=2024)
        pdg = val(t17, region=reg, measure="grp_growth_pct", year=2024)
        ec = val(t17, region=reg, measure="ec", year=2024)
        assert abs(de - pde) <= 0.02 + half(2) and abs(dg - pdg) <= 0.02 + half(2)
        exact_de |= {reg} if r(de, 2) == pde else set()
        exact_dg |= {reg} if r(dg, 2) == pdg else set()
        assert r(pde / pdg, 2) == ec, reg
        ec_off |= {reg} if r(de / dg, 2) != ec else set()
    assert exact_de == {"KRG", "PVL"} and exact_dg == set() and ec_off == {"VKO"}
    assert val(t17, region="KZ", measure="export_growth_pct", year=2024) == 11.83
    assert r(1 / val(el, indicator="e_gdp_exp"), 2) != val(t17, region="KZ", measure="ec", year=2024)


# ============================================================ cooperation and policy (P1-P3)

def test_coop_p1_t1_share_and_investment_per_entity():
    """P1 Bazarkhanova, Table 1 (East Kazakhstan): manufacturing share = 2117.8 / 2390.9 = 88.6%;
    investment per enterprise = 455.7 bn / 11,998 entities = 38 mn KZT (in-text count).

    Known defect (spec P1 defects): the table mixes periods, output for 2023 and investment for
    January-August 2025.
    """
    df, txt = load("seed004_coop_p1_t1_vko_indicators"), load("seed004_coop_p1_intext")
    ind, mfg = val(df, indicator="industrial_output"), val(df, indicator="mfg_output")
    assert r(100 * mfg / ind, 1) == val(df, indicator="mfg_share_of_industrial_output")
    n = val(txt, item="T6")
    per_entity = val(df, indicator="investment_per_active_legal_entity")
    assert r(1000 * val(df, indicator="fixed_capital_investment") / n, 0) == per_entity
    per = df.set_index("indicator")["period"]
    assert "2023" in per["industrial_output"] and "2025" in per["fixed_capital_investment"]


def test_coop_p1_t3_residual_and_export_vs_output_share():
    """P1 Bazarkhanova, Table 3 (export orientation, East Kazakhstan): metallurgy + other =
    manufacturing output of Table 1 (2117.8; 'other' is the residual); export shares sum to 100.

    Known conflation (spec P1 defects): the 70% is metallurgy's export share; its output share is
    933.0 / 2117.8 = 44.1%, not '>70% of the structure'.
    """
    df, t1 = load("seed004_coop_p1_t3_vko_export_orientation"), load("seed004_coop_p1_t1_vko_indicators")
    out = {s: val(df, sector=s, measure="output") for s in ("24", "C_X24")}
    assert abs(sum(out.values()) - val(t1, indicator="mfg_output")) <= half(1, 3)
    shares = {s: val(df, sector=s, measure="export_share") for s in ("24", "C_X24")}
    assert sum(shares.values()) == 100 and shares["24"] == 70
    assert r(100 * out["24"] / sum(out.values()), 1) == 44.1


def test_coop_p1_intext_consistency():
    """P1 Bazarkhanova, in-text numbers (criteria 1-5): T3 = T2/T1 (88.6%), T4 = T5 / 1000 (455.7),
    T7 = T5 / T6 (37.98), T1-T2 equal Table 1, T12-T13 equal Table 3; the 2024 output ('almost
    2.7 trn') exceeds 2023's by at most 12.93%."""
    txt = load("seed004_coop_p1_intext")
    t1, t3 = load("seed004_coop_p1_t1_vko_indicators"), load("seed004_coop_p1_t3_vko_export_orientation")
    v = {i: float(x) for i, x in zip(txt["item"], txt["value"])}
    assert r(100 * v["T2"] / v["T1"], 1) == v["T3"]
    assert r(v["T5"] / 1000, 1) == v["T4"]
    assert r(v["T5"] / v["T6"], 2) == v["T7"]
    assert (v["T1"], v["T2"]) == (val(t1, indicator="industrial_output"), val(t1, indicator="mfg_output"))
    assert v["T13"] == val(t3, sector="24", measure="output")
    assert v["T12"] == val(t3, sector="24", measure="export_share")
    assert txt.set_index("item").loc["T14", "measure"] == "upper_bound"
    assert 0 < v["T14"] / v["T1"] - 1 <= 0.1293


def test_coop_p2_damu_rate():
    """P2 Verbovaya (legal mechanisms), in-text: the proposed Damu Fund preferential rate is
    5% p.a. (a recommendation, not observed data)."""
    df = load("seed004_coop_p2_damu_rate")
    assert len(df) == 1 and val(df, item="damu_preferential_lending_rate") == 5
    assert df["unit"].iloc[0] == "% p.a."


def test_coop_p3_structural_change_and_horizons():
    """P3 Radosevic (industrial policy), in-text: structural-change contributions (pp/yr) Central Asia
    -0.64 < CEE 0.31 < East Asia 0.9-1.4; Sub-Saharan Africa 'outperformed' Central Asia (bound =
    -0.64); the roadmap horizons 0-3, 3-7, 7-15 years are contiguous."""
    df = load("seed004_coop_p3_structural_change")
    ca, cee = val(df, item="R1", measure="value"), val(df, item="R3", measure="value")
    lo, hi = val(df, item="R2", measure="low"), val(df, item="R2", measure="high")
    assert ca < cee < lo < hi
    assert val(df, item="R4", measure="lower_bound") == ca
    spans = [(val(df, item=i, measure="low"), val(df, item=i, measure="high")) for i in ("R11", "R12", "R13")]
    assert spans[0][0] == 0 and all(spans[i][1] == spans[i + 1][0] for i in range(2))
    assert all(a < b for a, b in spans)


# ============================================================ complexity, scenarios, digital twins (A-C)

def test_cx_a1_imp3_targets():
    """Paper A (Bespalyi & Andakov), Table 1 (IMP3 targets vs actual, Malaysia).

    The manufacturing-share target is empty in the source (spec note: do not fill); exports never
    exceed trade; the comments agree with the numbers: growth under target, investment over target,
    trade back at target and exports above it by 2022.
    """
    df = load("seed004_cx_a1_imp3_targets")

    def v(ind, m):
        return val(df, indicator=ind, measure=m)

    assert math.isnan(val(df, indicator="mfg_share_gdp", measure="target_2020"))
    for m in ("target_2020", "actual_2020", "value_2022"):
        assert v("total_exports", m) <= v("total_trade", m)
    assert v("mfg_gdp_growth", "actual_2020") < v("mfg_gdp_growth", "target_2020")
    inv = "private_investment_mfg_cumulative"
    assert v(inv, "target_2020") < v(inv, "actual_2020") < v(inv, "value_2022")
    assert v("total_trade", "value_2022") == v("total_trade", "target_2020")
    assert v("total_exports", "value_2022") > v("total_exports", "target_2020")


def test_cx_a2_rankings():
    """Paper A, Table 2 (international rankings): Malaysia's rank in its own column equals the one in
    the 'SEA leaders' column; ranks lie within the number ranked; Singapore leads; the 2021 ECI
    ranks agree with the text (A5).

    Known outside-check discrepancies (spec Table A2 [EXT-CHECK]): Kazakhstan IMD 2023 printed 42
    (published 37), Singapore IMD 2023 printed 3 (published 4), Kazakhstan GII 2023 printed 82
    (published 81).
    """
    df, a5 = load("seed004_cx_a2_rankings"), load("seed004_cx_a5_intext_numbers")
    for rk in df["ranking"].unique():
        my = val(df, ranking=rk, country="MY", measure="rank")
        assert my == val(df, ranking=rk, country="MY", measure="rank_sea_leaders")
        assert val(df, ranking=rk, country="SG", measure="rank_sea_leaders") < my
    assert (df["value"] >= 1).all() and (df["value"] <= df["n_ranked"]).all()
    for c in ("MY", "SG", "TH"):
        m = "rank" if c == "MY" else "rank_sea_leaders"
        text = val(a5, item="eci_rank", country=c, period="2021")
        assert val(df, ranking="eci", country=c, measure=m) == text
    assert val(df, ranking="imd", country="KZ", measure="rank") == 42
    assert val(df, ranking="imd", country="SG", measure="rank_sea_leaders") == 3
    assert val(df, ranking="gii", country="KZ", measure="rank") == 82


def test_cx_a5_intext_numbers():
    """Paper A, numbers in the text: ECI ranks improved 2011 -> 2021 (Malaysia +2, Singapore +3,
    Thailand +8); every printed range has low < high; Kazakhstan's GERD/GDP 0.12-0.17% (A) brackets
    the 0.16% for 2024 of paper B (cross-paper check, spec §4 A<->B)."""
    a5, b4 = load("seed004_cx_a5_intext_numbers"), load("seed004_cx_b4_rnd_intensity")
    def eci(c, y):
        return val(a5, item="eci_rank", country=c, period=y)

    gains = {c: eci(c, "2011") - eci(c, "2021") for c in ("MY", "SG", "TH")}
    assert gains == {"MY": 2, "SG": 3, "TH": 8}
    wide = a5.pivot_table(index=["item", "country", "period"], columns="measure", values="value")
    both = wide.dropna(subset=["low", "high"])
    assert len(both) >= 3 and (both["low"] < both["high"]).all()
    tl = wide.dropna(subset=["target_low", "target_high"])
    assert (tl["target_low"] < tl["target_high"]).all()
    kz = wide.loc[("gerd_gdp", "KZ")].iloc[0]
    assert kz["low"] <= val(b4, year=2024) <= kz["high"]


def test_cx_b1_energy_mix_residual():
    """Paper B (Kaumetova & Suleimenov), Figure 1 text (primary energy by fuel): the three printed
    shares sum to 97.7%, leaving a 2.3% residual (the residual row is the spec's, not printed)."""
    df = load("seed004_cx_b1_energy_mix")
    printed = df[df["printed"]]["value"]
    assert len(printed) == 3 and abs(printed.sum() - 97.7) <= half(1, 3)
    assert abs(100 - printed.sum() - val(df, item="other_residual")) <= half(1, 3)


def test_cx_b2_export_structure():
    """Paper B, 2024 export structure (top five commodity groups): printed in descending order, sum
    70.1%; the residual 29.9% is the spec's."""
    df = load("seed004_cx_b2_export_structure")
    printed = df[df["printed"]]["value"].tolist()
    assert printed == sorted(printed, reverse=True) and len(printed) == 5
    assert abs(sum(printed) - 70.1) <= half(1, 5)
    assert abs(100 - sum(printed) - val(df, item="other_residual")) <= half(1, 5)


def test_cx_b3_b4_b5_rnd():
    """Paper B, Figures 3-4 text and CIS list: R&D expenditure in mn KZT = 1000 x bn KZT; R&D
    intensity fell from 0.25% (2003) to 0.16% (2024), the same 0.16 as in the CIS list; 219.7 bn
    KZT over the MSME paper's 2024 GDP (Table 2) gives 0.16% (cross-paper check, spec §4 B3/B4)."""
    b3, b4, b5 = (load("seed004_cx_b3_rnd_expenditure"), load("seed004_cx_b4_rnd_intensity"),
                  load("seed004_cx_b5_cis_rnd_intensity"))
    t02 = load("seed004_msme_t02_manufacturing_indicators")
    for y in (2000, 2024):
        assert abs(1000 * val(b3, year=y, unit="bn KZT") - val(b3, year=y, unit="mn KZT")) <= half(1) * 1000
    assert val(b4, year=2003) > val(b4, year=2024)
    assert val(b5, country="KZ", measure="low") == val(b5, country="KZ", measure="high") == val(b4, year=2024)
    wide = b5.pivot(index="country", columns="measure", values="value")
    assert (wide["low"] <= wide["high"]).all()
    rnd, gdp = val(b3, year=2024, unit="mn KZT"), val(t02, sector="GDP", year=2024)
    assert r(100 * rnd / gdp, 2) == val(b4, year=2024)


def test_cx_c5_zyfra_case():
    """Paper C (Amanzholova & Lindau), Figure 4 text (Zyfra/IntelliSense case): work-order time falls
    from 40 to 10 minutes per shift; percentage effects lie in (0, 100]; qualitative rows carry no
    number."""
    df = load("seed004_cx_c5_zyfra_case")
    before = val(df, item="work_order_issuance_time", measure="before")
    assert before > val(df, item="work_order_issuance_time", measure="after") > 0
    pct = df[df["unit"].fillna("").str.startswith("%")]["value"]
    assert len(pct) == 4 and ((pct > 0) & (pct <= 100)).all()
    assert df[df["item"].isin(["regulations_developed", "grinding_overload_reduced"])]["value"].isna().all()


def test_cx_c6_idc_multi_response():
    """Paper C, numbers in the text: the three IDC priority shares (62, 51, 57%) are each a share of
    respondents and sum to 170% (multi-response, spec §4 C6, not an error); the IT-platform horizon
    4-5 years has low < high."""
    df = load("seed004_cx_c6_intext_numbers")
    pri = df[df["item"].str.startswith("idc_priority")]["value"]
    assert len(pri) == 3 and (pri <= 100).all() and pri.sum() == 170
    horizon = "it_platform_planning_horizon"
    assert val(df, item=horizon, measure="low") < val(df, item=horizon, measure="high")


# ============================================================ every tidy file of this share

@pytest.mark.parametrize("prefix", ["seed004_msme_", "seed004_coop_", "seed004_cx_"])
def test_tidy_files_have_value_and_codes(prefix):
    """Every tidy file of seed 004 parts B-D has a numeric ``value`` column and valid region/sector
    codes (data/regions.csv, data/sectors.csv)."""
    root = PAPER.parent
    regions = set(pd.read_csv(root / "regions.csv", dtype=str)["code"])
    sectors = set(pd.read_csv(root / "sectors.csv", dtype=str, keep_default_na=False)["code"])
    files = sorted(PAPER.glob(f"{prefix}*.csv"))
    assert files
    for f in files:
        df = pd.read_csv(f, dtype={"sector": str, "region": str})
        assert pd.api.types.is_numeric_dtype(df["value"]), f.name
        if "region" in df:
            assert set(df["region"].dropna()) <= regions, f.name
        if "sector" in df:
            assert set(df["sector"].dropna()) <= sectors, f.name
