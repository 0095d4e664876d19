"""kzclusters.msme: seed 004's SME potential, TII, RCA, export potential and elasticities, and its audit.

Every expected number is a published pin (Taikulakova G.S., Bayadilova L., Andakov M.Z., seed 004,
«Определение потенциала малых и средних предприятий обрабатывающей промышленности на основе
технологической интеграции и его влияние на валовой внутренний продукт», as transcribed in the spec
``msme_integration.md`` §3 and verified in §4), an independent recomputation in plain numpy / ``decimal``
from the numbers the spec prints (never a call to the function under test), or hand-worked arithmetic
written in the test's docstring.  Each test names the
table (T3 ... T17) or formula (F1 ... F10) it pins.
"""

from __future__ import annotations

import copy
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzclusters import DataError
from kzclusters import data as kzdata
from kzclusters import i18n
from kzclusters import msme

REGIONS = ["KRG", "PVL", "ALA", "VKO", "KST"]   # the paper's sample, Table 6 order


def rnd(x: float, dec: int) -> float:
    """Half-up rounding on the shortest repr (independent of msme)."""
    q = Decimal(1).scaleb(-dec)
    return float(Decimal(repr(float(x))).quantize(q, rounding=ROUND_HALF_UP))


# ---------------------------------------------------------------- published inputs (spec §3)

#: Table 4/12: (total mfg exports 2023, 2024, SME mfg exports 2023, 2024), mln USD.
T12 = {"KZ": (25721.4, 28767.8, 9138.2, 8797.3), "KRG": (2456.5, 2392.1, 656.9, 494.4),
       "KST": (788.3, 654.6, 521.1, 552.4), "PVL": (2384.9, 2561.0, 196.5, 138.6),
       "VKO": (2767.9, 2698.4, 615.6, 363.7), "ALA": (4256.2, 4962.1, 2941.2, 3320.4)}
#: Table 5/9/17 GRP, mln KZT (2023, 2024).
GRP = {"KZ": (119442289.7, 136693318.3), "ALM": (5322132.0, 6040608.6), "KRG": (7711828.2, 9059477.4),
       "KST": (4436636.1, 4969559.1), "PVL": (4371041.7, 5150822.2), "VKO": (4459056.1, 5035142.0),
       "ALA": (25229706.8, 31294466.7)}
#: Table 7 raw values: indicator -> region -> (2023, 2024).
T7 = {"inn": {"KZ": (30610, 30756), "KRG": (1890, 1881), "PVL": (1122, 1142), "ALA": (8122, 8185),
              "VKO": (1277, 1283), "KST": (1314, 1295)},
      "di": {"KZ": (16.4, 19.2), "KRG": (21.5, 28.1), "PVL": (23.4, 22.4), "ALA": (11.1, 13.2),
             "VKO": (11.8, 13.7), "KST": (23.9, 34.0)},
      "hr": {"KZ": (25473, 27146), "KRG": (1463, 1562), "PVL": (551, 624), "ALA": (9994, 10628),
             "VKO": (1051, 1060), "KST": (513, 468)}}
#: Table 6 raw values (PP in the printed unit, INNP in thousands; RK INNP filled from Table 7).
T6 = {"pp": {"KZ": (68.7105, 81.92), "KRG": (2.719175, 3.53825), "PVL": (1.535085, 1.912693),
             "ALA": (19.25618, 24.87867), "VKO": (1.711604, 2.091713), "KST": (2.076276, 2.360766)},
      "innp": {"KZ": (30.610, 30.756), "KRG": (1.89, 1.881), "PVL": (1.122, 1.142), "ALA": (7.826, 8.122),
               "VKO": (1.277, 1.283), "KST": (1.314, 1.295)},
      "ep": {"KZ": (25721.4, 28767.8), "KRG": (2456.5, 2392.1), "PVL": (2384.9, 2561.0),
             "ALA": (4256.2, 4962.1), "VKO": (2767.9, 2698.4), "KST": (788.3, 654.6)}}

# ---------------------------------------------------------------- published results (spec §3)

#: Table 6 shares as printed: indicator -> region -> (2023, 2024).
T6_SHARES = {"pp": {"KRG": (0.04, 0.04), "PVL": (0.02, 0.02), "ALA": (0.28, 0.30), "VKO": (0.02, 0.03),
                    "KST": (0.03, 0.03)},
             "innp": {"KRG": (0.0617, 0.0612), "PVL": (0.0367, 0.0371), "ALA": (0.2557, 0.2641),
                      "VKO": (0.0417, 0.0417), "KST": (0.0429, 0.0421)},
             "ep": {"KRG": (0.0955, 0.0832), "PVL": (0.0927, 0.0890), "ALA": (0.1655, 0.1725),
                    "VKO": (0.1076, 0.0938), "KST": (0.0306, 0.0228)}}
#: P_MSP averages table: component -> (2023, 2024, mean).
T6_AVG = {"pp": (0.078, 0.084, 0.081), "innp": (0.088, 0.089, 0.088), "ep": (0.098, 0.092, 0.095)}
#: Table 7 shares as printed.
T7_SHARES = {"inn": {"KRG": (6.17, 6.12), "PVL": (3.67, 3.71), "ALA": (26.53, 26.61), "VKO": (4.17, 4.17),
                     "KST": (4.29, 4.21)},
             "di": {"KRG": (131.10, 146.35), "PVL": (142.68, 116.67), "ALA": (67.68, 68.75),
                    "VKO": (71.95, 71.35), "KST": (145.73, 177.08)},
             "hr": {"KRG": (5.74, 5.75), "PVL": (2.16, 2.30), "ALA": (39.23, 39.15), "VKO": (4.13, 3.90),
                    "KST": (2.01, 1.72)}}
#: Table 8 (2024): region -> (INN*, DI*, HR*, TII), and the printed levels.
T8 = {"KRG": (0.23, 0.83, 0.15, 0.40), "PVL": (0.14, 0.66, 0.06, 0.29), "ALA": (1.00, 0.39, 1.00, 0.80),
      "VKO": (0.16, 0.40, 0.10, 0.22), "KST": (0.16, 1.00, 0.04, 0.40)}
T8_LEVELS = {"ALA": "high", "KRG": "medium", "KST": "medium", "PVL": "low", "VKO": "low"}
#: Table 9: printed (shifted) and correct shares, rows in printed order: region -> (2023, 2024).
T9_PRINTED = [("KZ", 6.46, 6.63), ("KRG", 3.71, 3.64), ("KST", 3.66, 3.77), ("PVL", 3.73, 3.68),
              ("VKO", 21.12, 22.89), ("ALA", 6.46, 6.63)]
T9_CORRECT = {"KZ": (100.0, 100.0), "KRG": (6.46, 6.63), "KST": (3.71, 3.64), "PVL": (3.66, 3.77),
              "VKO": (3.73, 3.68), "ALA": (21.12, 22.89)}
#: Table 11 EPI and labels.
T11 = {"KRG": (0.0064, 0.0037, "low_potential"), "KST": (0.0217, 0.0306, "high_potential"),
       "PVL": (0.0010, 0.0005, "very_low_potential"), "VKO": (0.0087, 0.0032, "low_potential"),
       "ALA": (0.0228, 0.0232, "high_potential")}
#: Table 13: region -> (share 2023, RCA 2023, share 2024, RCA 2024).
T13 = {"KRG": (0.2676, 0.75, 0.2067, 0.68), "KST": (0.6612, 1.86, 0.8435, 2.76),
       "PVL": (0.0824, 0.23, 0.0541, 0.18), "VKO": (0.2224, 0.63, 0.1348, 0.44),
       "ALA": (0.6914, 1.95, 0.6688, 2.19)}
#: Table 17: region -> (dE %, dGRP %, EC).
T17 = {"KZ": (11.83, 14.42, 0.82), "KRG": (-2.62, 17.47, -0.15), "KST": (-16.98, 12.02, -1.41),
       "PVL": (7.38, 17.85, 0.41), "VKO": (-2.52, 12.91, -0.20), "ALA": (16.58, 24.03, 0.69)}


def _long(table: dict) -> pd.DataFrame:
    rows = [(k, r, y, v[i]) for k, regs in table.items() for r, v in regs.items()
            for i, y in enumerate((2023, 2024))]
    return pd.DataFrame(rows, columns=["indicator", "region", "year", "value"])


def long_t7() -> pd.DataFrame:
    return _long(T7)


def long_t6() -> pd.DataFrame:
    return _long(T6)


def long_t12() -> pd.DataFrame:
    rows = []
    for r, (m23, m24, s23, s24) in T12.items():
        rows += [(r, "mfg_export", 2023, m23), (r, "mfg_export", 2024, m24),
                 (r, "sme_mfg_export", 2023, s23), (r, "sme_mfg_export", 2024, s24)]
    return pd.DataFrame(rows, columns=["region", "measure", "year", "value"])


# ---------------------------------------------------------------- T3, T5: growth rates


def test_t3_enterprise_growth_5_of_5():
    """Seed 004 Table 3 (spec §4 T3, 5/5): (N2024/N2023 - 1)*100 = 6.3, 3.2, 2.0, -2.2, 3.2, recomputed by
    hand (4685/4408 = 1.0628 ...) and by growth_rate; the column sums 29,075 and 30,000 are exact."""
    n23 = {"B": 4408, "C": 20837, "D": 1598, "E": 2232, "IND": 29075}
    n24 = {"B": 4685, "C": 21503, "D": 1630, "E": 2182, "IND": 30000}
    printed = {"B": 6.3, "C": 3.2, "D": 2.0, "E": -2.2, "IND": 3.2}
    assert sum(v for k, v in n23.items() if k != "IND") == 29075 and sum(
        v for k, v in n24.items() if k != "IND") == 30000
    lev = pd.DataFrame([(k, 2023, float(v)) for k, v in n23.items()]
                       + [(k, 2024, float(v)) for k, v in n24.items()], columns=["sector", "year", "value"])
    g = msme.growth_rate(lev).set_index("sector")["growth"]
    for k, p in printed.items():
        assert rnd(100 * (n24[k] / n23[k] - 1), 1) == p
        assert rnd(100 * g[k], 1) == p


def test_t5_growth_denominator_paper_6_of_6_and_correct_0_of_6():
    """Seed 004 Table 5 (spec §4 T5, flag 2): the printed 'Темп прироста' 0.13, 0.12, 0.15, 0.11, 0.15,
    0.11 is (GRP24 - GRP23)/GRP24 (6/6 with paper_choices); on the 2023 base it is 0.1444, 0.1350, 0.1748,
    0.1201, 0.1784, 0.1292, and none of these rounds to the printed value."""
    printed = {"KZ": 0.13, "ALM": 0.12, "KRG": 0.15, "KST": 0.11, "PVL": 0.15, "VKO": 0.11}
    correct = {"KZ": 0.1444, "ALM": 0.1350, "KRG": 0.1748, "KST": 0.1201, "PVL": 0.1784, "VKO": 0.1292}
    lev = pd.DataFrame([(r, y, GRP[r][i]) for r in printed for i, y in enumerate((2023, 2024))],
                       columns=["region", "year", "value"])
    paper = msme.growth_rate(lev, paper_choices=True).set_index("region")
    exact = msme.growth_rate(lev).set_index("region")
    assert set(paper["denominator"]) == {"end"} and set(exact["denominator"]) == {"start"}
    for r in printed:
        a, b = GRP[r]
        assert rnd((b - a) / b, 2) == printed[r] and rnd(paper.loc[r, "growth"], 2) == printed[r]
        assert rnd((b - a) / a, 4) == correct[r] and rnd(exact.loc[r, "growth"], 4) == correct[r]
        assert rnd(exact.loc[r, "growth"], 2) != printed[r]
    # explicit denominator wins over paper_choices; midpoint = change / mean
    mid = msme.growth_rate(lev, denominator="midpoint", paper_choices=True).set_index("region")
    a, b = GRP["KRG"]
    assert mid.loc["KRG", "growth"] == pytest.approx((b - a) / ((a + b) / 2), rel=1e-14)


# ---------------------------------------------------------------- F1, T6: P_MSP


def test_t6_shares_30_of_30():
    """Seed 004 Table 6 (spec §4 T6 shares, 30/30): region / RK from the printed values (RK innovations
    30,610 / 30,756 from Table 7), PP rounded to 2 dp, INNP and EP to 4 dp."""
    c = msme.pmsp_components(paper_choices=True).set_index(["indicator", "region", "year"])["value"]
    exact = msme.pmsp_components().set_index(["indicator", "region", "year"])["value"]
    n = 0
    for k, regs in T6_SHARES.items():
        for r, pair in regs.items():
            for i, y in enumerate((2023, 2024)):
                mine = T6[k][r][i] / T6[k]["KZ"][i]
                dec = 2 if k == "pp" else 4
                assert rnd(mine, dec) == pair[i], (k, r, y)
                assert c[(k, r, y)] == pytest.approx(pair[i], abs=1e-12)
                assert exact[(k, r, y)] == pytest.approx(mine, rel=1e-12)
                n += 1
    assert n == 30


def test_t6_averages_9_of_9_and_pmsp_0_0778():
    """Seed 004 averages table after Table 6 and F1 (spec §4): five-region means 0.078/0.084/0.081 (PP),
    0.088/0.089/0.088 (INNP), 0.098/0.092/0.095 (EP); P_MSP = 0.4*0.081 + 0.3*0.088 + 0.2*0.095 = 0.0778
    (printed 0.08, band low); renormalised 0.0778/0.9 = 0.0864; without intermediate rounding 0.0785."""
    p = msme.sme_potential(paper_choices=True)
    assert p["period"].tolist() == ["2023", "2024", "2023-2024"]
    for k, vals in T6_AVG.items():
        assert p[k].tolist() == pytest.approx(list(vals), abs=1e-12), k
        # independent: mean of the printed shares, rounded to 3 dp
        for i in range(2):
            assert rnd(np.mean([T6_SHARES[k][r][i] for r in REGIONS]), 3) == vals[i]
    assert 0.4 * 0.081 + 0.3 * 0.088 + 0.2 * 0.095 == pytest.approx(0.0778, abs=1e-12)
    last = p.iloc[-1]
    assert last["p_msp"] == pytest.approx(0.0778, abs=1e-12)
    assert rnd(last["p_msp"], 2) == 0.08 and last["band"] == "low"
    assert last["weight_total"] == pytest.approx(0.9) and last["n_regions"] == 5
    assert msme.sme_potential(paper_choices=True, renormalise=True)["p_msp"].iloc[-1] == pytest.approx(
        0.0778 / 0.9, abs=1e-12)
    assert rnd(msme.sme_potential()["p_msp"].iloc[-1], 4) == 0.0785


def test_pmsp_per_region_extension():
    """Extension of seed 004 F1 (spec §4 extensions): per-region P_MSP with the paper's weights from the
    unrounded Table 6 shares, 2023 / 2024 / mean: KAR 0.0535/0.0523/0.0529, PAV 0.0385/0.0383/0.0384,
    ALA_C 0.2219/0.2352/0.2285, VKO 0.0440/0.0415/0.0427, KOS 0.0311/0.0287/0.0299."""
    pins = {"KRG": (0.0535, 0.0523, 0.0529), "PVL": (0.0385, 0.0383, 0.0384), "ALA": (0.2219, 0.2352, 0.2285),
            "VKO": (0.0440, 0.0415, 0.0427), "KST": (0.0311, 0.0287, 0.0299)}
    p = msme.sme_potential(by="region")
    assert p["region"].tolist() == [r for r in REGIONS for _ in range(3)]
    for r, vals in pins.items():
        got = p[p["region"] == r]["p_msp"].tolist()
        assert [rnd(v, 4) for v in got] == list(vals), r
        by_hand = [sum(w * T6[k][r][i] / T6[k]["KZ"][i] for k, w in (("pp", .4), ("innp", .3), ("ep", .2)))
                   for i in range(2)]
        assert got[:2] == pytest.approx(by_hand, rel=1e-12)
        assert got[2] == pytest.approx(np.mean(by_hand), rel=1e-12)
    assert p["year"].isna().sum() == 5


def test_pmsp_weights_and_cp():
    """F1 weights: the paper's 0.4/0.3/0.2 (Σ 0.9); include_cp adds the implied 0.1; CP has no data in
    Table 6, so asking for it raises with the component named; user CP shares enter with their weight."""
    assert msme.pmsp_weights() == {"pp": 0.4, "innp": 0.3, "ep": 0.2}
    assert msme.pmsp_weights(include_cp=True)["cp"] == pytest.approx(0.1)
    assert sum(msme.pmsp_weights(include_cp=True, renormalise=True).values()) == pytest.approx(1.0)
    with pytest.raises(DataError, match="'cp'") as e:
        msme.sme_potential(include_cp=True)
    assert e.value.key == "err_msme_component_missing"
    comp = msme.pmsp_components()[["region", "year", "indicator", "value"]]
    cp_rows = comp[comp["indicator"] == "pp"].assign(indicator="cp", value=0.5)
    with_cp = msme.sme_potential(pd.concat([comp, cp_rows], ignore_index=True), include_cp=True)
    without = msme.sme_potential(comp)
    assert (with_cp["p_msp"] - without["p_msp"]).tolist() == pytest.approx([0.05] * 3, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.0, 10.0, allow_nan=False), min_size=1, max_size=4)
       .filter(lambda w: sum(w) > 1e-6))
def test_weights_renormalised_sum_to_one(raw):
    """Property (F1 option b): renormalised weights are proportional to the raw ones and sum to 1."""
    names = list(msme.PMSP_COMPONENTS)[:len(raw)]
    w = msme.pmsp_weights(dict(zip(names, raw)), renormalise=True)
    assert sum(w.values()) == pytest.approx(1.0, abs=1e-12)
    for k, v in zip(names, raw):
        assert w[k] == pytest.approx(v / sum(raw), abs=1e-12)


def test_pmsp_band_matches_shipped_scale():
    """Seed 004 interpretation scale (unnumbered, after F1): the cut-offs are the upper bounds of the low,
    medium and moderately-high ranges of seed004_msme_pmsp_scale; ranges are half-open (0.25 is low)."""
    scale = kzdata.load("seed004_msme_pmsp_scale")
    uppers = scale[scale["bound"] == "upper"].set_index("level")["value"]
    assert msme.PMSP_BAND_CUTS == tuple(uppers[list(msme.PMSP_BANDS[:-1])].tolist())
    assert list(dict.fromkeys(scale["level"])) == list(msme.PMSP_BANDS)
    assert msme.pmsp_band([0.0, 0.25, 0.255, 0.5, 0.505, 0.75, 0.76, 1.0]).tolist() == [
        "low", "low", "medium", "medium", "moderately_high", "moderately_high", "high", "high"]


# ---------------------------------------------------------------- F2-F3, T7-T8: TII


def test_t7_shares_30_of_30():
    """Seed 004 Table 7 (spec §4 T7, 30/30): INN and HR = 100 * region / RK, DI = 100 * d_r / d_RK,
    at 2 dp."""
    m = msme.tii_components(paper_choices=True).set_index(["indicator", "region", "year"])["value"]
    n = 0
    for k, regs in T7_SHARES.items():
        for r, pair in regs.items():
            for i, y in enumerate((2023, 2024)):
                assert rnd(100 * T7[k][r][i] / T7[k]["KZ"][i], 2) == pair[i], (k, r, y)
                assert m[(k, r, y)] == pytest.approx(pair[i], abs=1e-12)
                n += 1
    assert n == 30


def test_tii_weighted_sum_26_7():
    """Seed 004 F2 (spec §3 under Table 7, §4): yearly five-region means INN 8.97/8.96, DI 111.83/116.04,
    HR 10.66/10.57 (from unrounded shares), two-year means 8.97, 113.94, 10.62 (of the rounded yearly means),
    TII = 0.2*(8.97 + 113.94 + 10.62) = 26.706 -> 26.7; Σω = 0.6 (COOP, INST have no data)."""
    s = msme.integration_index(variant="weighted_sum", by="sample", paper_choices=True)
    pins = {"inn": (8.97, 8.96, 8.97), "di": (111.83, 116.04, 113.94), "hr": (10.66, 10.57, 10.62)}
    for k, vals in pins.items():
        assert s[k].tolist() == pytest.approx(list(vals), abs=1e-12), k
        yearly = [np.mean([100 * T7[k][r][i] / T7[k]["KZ"][i] for r in REGIONS]) for i in range(2)]
        assert [rnd(v, 2) for v in yearly] == list(vals[:2])
    assert s["tii"].iloc[-1] == pytest.approx(0.2 * (8.97 + 113.94 + 10.62), abs=1e-12)
    assert rnd(s["tii"].iloc[-1], 1) == 26.7
    assert s["weight_total"].iloc[-1] == pytest.approx(0.6)
    assert s["level"].isna().all()   # not on the 0-1 scale
    exact = msme.integration_index(variant="weighted_sum", by="sample")
    assert rnd(exact["hr"].iloc[-1], 2) == 10.61 and rnd(exact["tii"].iloc[-1], 1) == 26.7


@pytest.mark.parametrize("paper_choices", [True, False])
def test_t8_normalised_tii_20_of_20(paper_choices):
    """Seed 004 Table 8 (spec §4 T8, 20/20): X* = X / max over the five regions (INN 26.61, DI 177.08,
    HR 39.15), TII = mean of the three: Almaty city 0.80 (high), Karaganda 0.40 and Kostanay 0.40 (medium),
    Pavlodar 0.29 and East Kazakhstan 0.22 (low); the same at 2 dp from rounded or unrounded shares."""
    t = msme.integration_index(years=[2024], paper_choices=paper_choices).set_index("region")
    for r, (inn, di, hr, tii) in T8.items():
        got = t.loc[r, ["inn_norm", "di_norm", "hr_norm", "tii"]].tolist()
        assert [rnd(v, 2) for v in got] == [inn, di, hr, tii], r
        x = {k: T7_SHARES[k][r][1] for k in ("inn", "di", "hr")}
        mx = {k: max(T7_SHARES[k][s][1] for s in REGIONS) for k in x}
        assert rnd(np.mean([x[k] / mx[k] for k in x]), 2) == tii
        assert t.loc[r, "level"] == T8_LEVELS[r]
    # unrounded TII (spec §4): KAR 0.4011 and KOS 0.4007 sit just above the 0.4 cut-off
    assert rnd(t.loc["KRG", "tii"], 4) == 0.4011
    assert rnd(t.loc["KST", "tii"], 4) == (0.4007 if paper_choices else 0.4008)


def test_tii_2023_extension():
    """Extension of seed 004 Table 8 to 2023 (spec §4; maxima INN 26.53, DI 145.73, HR 39.23):
    KAR 0.426, PAV 0.391, ALA_C 0.821, VKO 0.252, KOS 0.404."""
    t = msme.integration_index(years=[2023]).set_index("region")["tii"]
    assert {r: rnd(v, 3) for r, v in t.items()} == {"KRG": 0.426, "PVL": 0.391, "ALA": 0.821, "VKO": 0.252,
                                                    "KST": 0.404}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(0.01, 1e4, allow_nan=False), min_size=15, max_size=15),
       st.lists(st.floats(0.0, 5.0, allow_nan=False), min_size=3, max_size=3).filter(lambda w: sum(w) > 1e-3))
def test_tii_normalised_in_unit_interval_with_leader_at_one(vals, w):
    """Property (F3): every normalised component is in [0, 1] with the leader of each component at exactly
    1, and the TII (any non-negative weights, rescaled to sum 1) is in [0, 1]."""
    regions = list("ABCDE")
    m = pd.DataFrame([(r, 2024, k, vals[i * 3 + j]) for i, r in enumerate(regions)
                      for j, k in enumerate(("inn", "di", "hr"))],
                     columns=["region", "year", "indicator", "value"])
    t = msme.integration_index(m, dict(zip(("inn", "di", "hr"), w)))
    for k in ("inn", "di", "hr"):
        assert t[f"{k}_norm"].between(0, 1).all() and t[f"{k}_norm"].max() == 1.0
        assert t.loc[t[k].idxmax(), f"{k}_norm"] == 1.0
    assert t["tii"].between(-1e-12, 1 + 1e-12).all()
    assert t["weight_total"].iloc[0] == pytest.approx(1.0)


def test_tii_level_boundaries():
    """Seed 004 classification under Table 8: < 0.4 low, 0.4 <= TII < 0.7 medium, >= 0.7 high."""
    assert msme.tii_level([0.3999, 0.4, 0.6999, 0.7, 1.0]).tolist() == [
        "low", "medium", "medium", "high", "high"]
    assert msme.tii_level([0.5], thresholds=(0.6, 0.8)).tolist() == ["low"]


# ---------------------------------------------------------------- F5, T9: GRP shares


def test_t9_shares_aligned_and_shifted_as_printed():
    """Seed 004 Table 9 (spec §4 T9, flag 3): the correct shares 100*GRP_r/GRP_RK are KAR 6.46/6.63,
    KOS 3.71/3.64, PAV 3.66/3.77, VKO 3.73/3.68, ALA_C 21.12/22.89; the printed column is these shifted one
    row up, with Almaty city repeating Karaganda's (12/12 with paper_choices)."""
    s = msme.grp_share()
    for _, row in s.iterrows():
        i = 0 if row["year"] == 2023 else 1
        assert rnd(row["share"], 2) == T9_CORRECT[row["region"]][i]
        assert rnd(100 * GRP[row["region"]][i] / GRP["KZ"][i], 2) == T9_CORRECT[row["region"]][i]
    p = msme.grp_share(paper_choices=True)
    for y, i in ((2023, 1), (2024, 2)):
        sub = p[p["year"] == y]
        assert sub["region"].tolist() == [r for r, *_ in T9_PRINTED]
        assert [rnd(v, 2) for v in sub["share"]] == [row[i] for row in T9_PRINTED]
    assert set(p["convention"]) == {"shifted"} and set(s["convention"]) == {"aligned"}


def test_t9_conclusion_is_reversed():
    """Seed 004 §5 on Table 9: the text says Karaganda's and Pavlodar's shares fell; aligned, Kostanay's and
    East Kazakhstan's fell while Karaganda's and Pavlodar's rose."""
    s = msme.grp_share().pivot(index="region", columns="year", values="share")
    fell = set(s.index[s[2024] < s[2023]])
    assert fell == {"KST", "VKO"}
    assert s.loc["KRG", 2024] > s.loc["KRG", 2023] and s.loc["PVL", 2024] > s.loc["PVL", 2023]


# ---------------------------------------------------------------- F8, T13: RCA


def test_t13_rca_10_of_10():
    """Seed 004 Table 13 (spec §4 T13, RCA 10/10): (X_SME,r/X_MFG,r) / (9138.2/25721.4 | 8797.3/28767.8):
    KAR 0.75/0.68, KOS 1.86/2.76, PAV 0.23/0.18, VKO 0.63/0.44, ALA_C 1.95/2.19."""
    r = msme.regional_rca().set_index(["region", "year"])
    for reg, (_, rca23, _, rca24) in T13.items():
        m23, m24, s23, s24 = T12[reg]
        n = T12["KZ"]
        assert rnd((s23 / m23) / (n[2] / n[0]), 2) == rca23
        assert rnd((s24 / m24) / (n[3] / n[1]), 2) == rca24
        assert rnd(r.loc[(reg, 2023), "rca"], 2) == rca23 and rnd(r.loc[(reg, 2024), "rca"], 2) == rca24
        for y in (2023, 2024):
            assert r.loc[(reg, y), "advantage"] == (reg in ("KST", "ALA"))
    assert r["national_sme_share"].unique().tolist() == pytest.approx([9138.2 / 25721.4, 8797.3 / 28767.8])


def test_t13_sme_shares_5_of_10():
    """Seed 004 Table 13 shares (spec §4): 5/10 exact; KAR23 0.2674 vs 0.2676, KOS23 0.6610 vs 0.6612, KOS24
    0.8439 vs 0.8435, ALA23 0.6910 vs 0.6914, ALA24 0.6692 vs 0.6688 differ in the 4th decimal."""
    r = msme.regional_rca().set_index(["region", "year"])["sme_share"]
    bad = {}
    for reg, (sh23, _, sh24, _) in T13.items():
        for y, p in ((2023, sh23), (2024, sh24)):
            if rnd(r[(reg, y)], 4) != p:
                bad[(reg, y)] = rnd(r[(reg, y)], 4)
    assert bad == {("KRG", 2023): 0.2674, ("KST", 2023): 0.6610, ("KST", 2024): 0.8439, ("ALA", 2023): 0.6910,
                   ("ALA", 2024): 0.6692}


def test_rca_builds_on_location_quotient():
    """F8 = a location quotient with sectors SME and non-SME: rca equals sme_share / national_sme_share."""
    r = msme.regional_rca()
    assert np.allclose(r["rca"], r["sme_share"] / r["national_sme_share"], rtol=1e-13, atol=0)


def test_rca_all_19_regions_extension():
    """Extension of seed 004 F8 to all 19 regions of Table 4 (spec §4): Akmola 1.597/1.759, Almaty region
    1.316/1.898, Atyrau 1.914/0.662, SKO 2.588/3.079, Ulytau 0.001/0.001, Astana 0.707/0.726."""
    r = msme.rca_all_regions().set_index(["region", "year"])["rca"]
    assert r.index.get_level_values(0).nunique() == 19
    pins = {"AKM": (1.597, 1.759), "ALM": (1.316, 1.898), "ATY": (1.914, 0.662), "SKO": (2.588, 3.079),
            "ULT": (0.001, 0.001), "AST": (0.707, 0.726)}
    for reg, (a, b) in pins.items():
        assert (rnd(r[(reg, 2023)], 3), rnd(r[(reg, 2024)], 3)) == (a, b), reg


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(1.0, 1e4), st.floats(0.0, 1.0)), min_size=1, max_size=6))
def test_rca_national_identity(regions):
    """Property (Balassa): when the national row is the sum of the regions, the export-weighted mean RCA is 1
    (Σ_r (X_MFG,r / X_MFG,N) RCA_r = 1), and a single region equal to the nation has RCA = 1."""
    rows, tot, sme = [], 0.0, 0.0
    for i, (m, f) in enumerate(regions):
        rows += [(f"R{i}", "mfg_export", 2024, m), (f"R{i}", "sme_mfg_export", 2024, m * f)]
        tot, sme = tot + m, sme + m * f
    if sme <= 0:
        return
    rows += [("KZ", "mfg_export", 2024, tot), ("KZ", "sme_mfg_export", 2024, sme)]
    r = msme.regional_rca(pd.DataFrame(rows, columns=["region", "measure", "year", "value"]))
    assert float((r["mfg_export"] / tot * r["rca"]).sum()) == pytest.approx(1.0, rel=1e-9)
    one = pd.DataFrame([("A", "mfg_export", 2024, tot), ("A", "sme_mfg_export", 2024, sme),
                        ("KZ", "mfg_export", 2024, tot), ("KZ", "sme_mfg_export", 2024, sme)],
                       columns=["region", "measure", "year", "value"])
    assert msme.regional_rca(one)["rca"].iloc[0] == pytest.approx(1.0, rel=1e-12)


def test_rca_threshold_and_strong():
    """Binary advantage is RCA >= 1 (EconGeo convention); a user 'strong' cut-off labels the higher ones."""
    r = msme.regional_rca(strong=2.0)
    got = dict(zip(zip(r["region"], r["year"]), r["rca_class"]))
    assert got[("KST", 2024)] == "strong_advantage" and got[("KST", 2023)] == "advantage"
    assert got[("KRG", 2024)] == "no_advantage"
    assert set(r["rca_class"]) <= set(msme.RCA_CLASSES)


# ---------------------------------------------------------------- F6-F7, T10-T11: ES and EPI


def test_t11_epi_9_of_10_and_labels_10_of_10():
    """Seed 004 Table 11 (spec §4 T11): ES = 100*X_SME/GRP (USD over KZT) rounded to 4 dp, times RCA at 2 dp:
    9/10 exact; Kostanay 2023 is 0.0117 * 1.86 = 0.021762 -> 0.0218 (printed 0.0217); the inferred cut-offs
    0.002 / 0.02 give all 10 labels."""
    e = msme.export_potential(paper_choices=True).set_index(["region", "year"])
    wrong = []
    for reg, (e23, e24, label) in T11.items():
        for y, i, p in ((2023, 0, e23), (2024, 1, e24)):
            es = rnd(100 * T12[reg][2 + i] / GRP[reg][i], 4)
            rca = T13[reg][1 + 2 * i]
            by_hand = rnd(es * rca, 4)
            assert rnd(e.loc[(reg, y), "epi"], 4) == by_hand
            if by_hand != p:
                wrong.append((reg, y, by_hand))
            assert e.loc[(reg, y), "epi_class"] == label
    assert wrong == [("KST", 2023, 0.0218)]


def test_es_with_exchange_rate_is_paper_times_fx():
    """Seed 004 F6 and flag 4: ES in true units = 100 * X_USD * FX / GRP_KZT = the paper's ES x FX; the EPI
    classes do not change when the cut-offs are carried over (x FX)."""
    fx = {2023: 456.31, 2024: 469.44}
    true = msme.export_share(usd_kzt=fx)
    raw = msme.export_share(usd_kzt={2023: 1.0, 2024: 1.0})
    assert np.allclose(true["es"], raw["es"] * true["year"].map(fx), rtol=1e-13)
    krg = true[(true["region"] == "KRG") & (true["year"] == 2023)].iloc[0]
    assert krg["es"] == pytest.approx(100 * 656.9 * 456.31 / 7711828.2, rel=1e-13)
    assert set(true["currency"]) == {"kzt"} and set(msme.export_share(paper_choices=True)["currency"]) == {
        "usd_over_kzt"}
    e_true = msme.export_potential(true)
    e_mixed = msme.export_potential(raw.assign(usd_kzt=np.nan))
    assert e_true["epi_class"].tolist() == e_mixed["epi_class"].tolist()
    assert np.allclose(e_true["epi"], e_mixed["epi"] * e_true["year"].map(fx), rtol=1e-12)
    assert msme.export_share(usd_kzt=470.0)["usd_kzt"].eq(470.0).all()
    # GRP rows of other regions are ignored; an export region without GRP raises
    x = pd.DataFrame({"region": ["KRG", "KRG"], "year": [2023, 2024], "value": [656.9, 494.4]})
    g = pd.DataFrame([(r, y, GRP[r][i]) for r in GRP for i, y in enumerate((2023, 2024))],
                     columns=["region", "year", "value"])
    assert msme.export_share(x, g, paper_choices=True)["es"].tolist() == [0.0085, 0.0055]
    with pytest.raises(DataError, match="region KRG has no GRP for 2024") as e:
        msme.export_share(x, g[~((g["region"] == "KRG") & (g["year"] == 2024))], paper_choices=True)
    assert e.value.key == "err_msme_region_missing"


# ---------------------------------------------------------------- F9-F10, T16-T17: elasticities


def test_t16_national_elasticities_1_12_and_0_86():
    """Seed 004 Table 16 (spec §4 T16): increments 3046.4, 15,809,373.9, 1,493,793.9; growth 11.844 % (printed
    11.85), 13.236 % (printed 13.23), 10.18 %; E_GDP,EXP = 13.236/11.844 = 1.1175 -> 1.12 (elastic),
    E_MFG,EXP = 10.178/11.844 = 0.8593 -> 0.86 (inelastic)."""
    e = msme.national_elasticity(paper_choices=True).set_index("response")
    gx = 3046.4 / 25721.4
    assert rnd(28767.8 - 25721.4, 1) == 3046.4
    assert rnd(135251663.6 - 119442289.7, 1) == 15809373.9
    assert rnd(16171087.5 - 14677293.6, 1) == 1493793.9
    gdp = (135251663.6 - 119442289.7) / 119442289.7
    mfg = (16171087.5 - 14677293.6) / 14677293.6
    assert rnd(100 * gx, 2) == 11.84 and rnd(100 * gdp, 2) == 13.24 and rnd(100 * mfg, 2) == 10.18
    assert e.loc["gdp", "elasticity"] == pytest.approx(gdp / gx, rel=1e-12)
    assert rnd(e.loc["gdp", "elasticity"], 2) == 1.12 and e.loc["gdp", "elasticity_class"] == "elastic"
    assert rnd(e.loc["mfg_gva", "elasticity"], 2) == 0.86
    assert e.loc["mfg_gva", "elasticity_class"] == "inelastic"
    assert set(e["direction"]) == {"gdp_on_mfg_export", "mfg_gva_on_mfg_export"}


def test_t16_with_the_bns_vintage():
    """Seed 004 flag 9: with BNS's current GDP (136,693,318.3, the RK total of Tables 5/9/17) E_GDP,EXP =
    14.443/11.844 = 1.22 (spec §2 F9); with BNS's manufacturing GVA 2024 (16,941,133.3 instead of the paper's
    16,171,087.5) E_MFG,EXP = 1.30."""
    e = msme.national_elasticity().set_index("response")
    gx = 3046.4 / 25721.4
    assert e.loc["gdp", "elasticity"] == pytest.approx((136693318.3 / 119442289.7 - 1) / gx, rel=1e-12)
    assert rnd(e.loc["gdp", "elasticity"], 2) == 1.22
    assert e.loc["mfg_gva", "elasticity"] == pytest.approx((16941133.3 / 14677293.6 - 1) / gx, rel=1e-12)
    assert rnd(e.loc["mfg_gva", "elasticity"], 2) == 1.30
    assert set(e["source"]) == {"bns"}


def test_t17_regional_ec_5_of_6():
    """Seed 004 Table 17 (spec §4 T17): EC = ΔE% / ΔGRP% (exports w.r.t. GRP, with paper_choices): RK 0.82,
    KAR -0.15, KOS -1.41, PAV 0.41, ALA_C 0.69 exact; VKO -0.194 -> -0.19 (printed -0.20). ΔE% 2/6 exact (KAR,
    PAV); ΔGRP% 0/6 but within ±0.02."""
    ec = msme.regional_elasticity(paper_choices=True).set_index("region")
    assert set(ec["direction"]) == {"mfg_export_on_grp"}
    ok_ec, ok_de, ok_dg = [], [], []
    for reg, (de, dg, p) in T17.items():
        a, b = T12[reg][0], T12[reg][1]
        ga, gb = GRP[reg]
        by_hand = ((b - a) / a) / ((gb - ga) / ga)
        assert ec.loc[reg, "elasticity"] == pytest.approx(by_hand, rel=1e-12)
        ok_ec += [reg] if rnd(by_hand, 2) == p else []
        ok_de += [reg] if rnd(ec.loc[reg, "growth_response"], 2) == de else []
        ok_dg += [reg] if rnd(ec.loc[reg, "growth_driver"], 2) == dg else []
        assert abs(rnd(ec.loc[reg, "growth_driver"], 2) - dg) <= 0.02 + 1e-9
    assert sorted(ok_ec) == sorted(["KZ", "KRG", "KST", "PVL", "ALA"])
    assert sorted(ok_de) == ["KRG", "PVL"] and ok_dg == []
    assert rnd(ec.loc["VKO", "elasticity"], 2) == -0.19
    # the paper's own printed rates give -2.52 / 12.91 = -0.195 -> -0.20
    assert rnd(-2.52 / 12.91, 2) == -0.20


def test_elasticity_direction_swap_and_sign():
    """Property (F9 vs F10, flag 10): E(y, x) * E(x, y) = 1, both have the same sign, and swapping is what
    paper_choices does in regional_elasticity; RK: 0.820 in the paper's direction, 1.22 in F9's."""
    a = msme.regional_elasticity().set_index("region")["elasticity"]
    b = msme.regional_elasticity(paper_choices=True).set_index("region")["elasticity"]
    assert np.allclose(a * b, 1.0, rtol=1e-12)
    assert (np.sign(a) == np.sign(b)).all()
    assert rnd(a["KZ"], 2) == 1.22 and rnd(b["KZ"], 2) == 0.82


@settings(max_examples=60, deadline=None)
@given(st.floats(1.0, 1e6), st.floats(-0.9, 3.0), st.floats(1.0, 1e6), st.floats(-0.9, 3.0))
def test_elasticity_is_ratio_of_growth_rates(y0, gy, x0, gx):
    """Property (F9): E = gy / gx for base-year growth rates; class by sign and size; swap gives 1/E."""
    if abs(gx) < 1e-6 or abs(gy) < 1e-6:
        return
    d = pd.DataFrame({"measure": ["y", "y", "x", "x"], "year": [2023, 2024, 2023, 2024],
                      "value": [y0, y0 * (1 + gy), x0, x0 * (1 + gx)]})
    e = msme.elasticity(d, response="y", driver="x")["elasticity"].iloc[0]
    assert e == pytest.approx(gy / gx, rel=1e-9)
    inv = msme.elasticity(d, response="x", driver="y")["elasticity"].iloc[0]
    assert e * inv == pytest.approx(1.0, rel=1e-9)
    cls = msme.elasticity_class([e]).iloc[0]
    assert cls == ("inverse" if e < -1e-9 else "elastic" if e > 1 + 1e-9 else cls)


def test_elasticity_midpoint_denominator():
    """Textbook arc elasticity: %Δ on the midpoint, (b - a) / ((a + b) / 2), for both variables."""
    d = pd.DataFrame({"measure": ["y", "y", "x", "x"], "year": [2023, 2024] * 2,
                      "value": [100.0, 120.0, 50.0, 55.0]})
    e = msme.elasticity(d, response="y", driver="x", denominator="midpoint")["elasticity"].iloc[0]
    assert e == pytest.approx((20 / 110) / (5 / 52.5), rel=1e-12)


# ---------------------------------------------------------------- BNS extensions


def test_bns_grp_matches_table_9_and_shares_add_to_100():
    """Extension of seed 004 Table 9: on the 2022 map BNS GRP of the five regions equals the paper's Table 9
    GRP (2023-2024) to 0.1 mln KZT, so the shares agree; shares add to 100 in every year 2010-2025."""
    s = msme.bns_grp_shares("20").set_index(["region", "year"])
    for reg in REGIONS:
        for i, y in enumerate((2023, 2024)):
            assert s.loc[(reg, y), "grp"] == pytest.approx(GRP[reg][i], abs=0.05)
            assert rnd(s.loc[(reg, y), "share"], 2) == T9_CORRECT[reg][i]
    for frame in ("17", "20"):
        b = msme.bns_grp_shares(frame)
        assert np.allclose(b.groupby("year")["share"].sum(), 100.0, atol=1e-9)
        assert sorted(b["year"].unique()) == list(range(2010, 2026))


def test_bns_grp_growth_and_manufacturing_share():
    """Extension: real growth = BNS GRP volume index - 100 where BNS publishes the territory; manufacturing
    share = 100 * C / GRP, recomputed from the raw BNS table (Pavlodar 2024)."""
    s = msme.bns_grp_shares("20").set_index(["region", "year"])
    vol = kzdata.load("grp_volume_index").set_index(["region", "year"])["value"]
    g = kzdata.load("grp_gva").set_index(["region", "sector", "year"])["value"]
    assert s.loc[("ALA", 2024), "real_growth"] == pytest.approx(vol[("ALA", 2024)] - 100, abs=1e-12)
    assert s.loc[("PVL", 2024), "mfg_share"] == pytest.approx(
        100 * g[("PVL", "C", 2024)] / g[("PVL", "GDP", 2024)], rel=1e-12)
    assert set(s["volume_source"]) <= {"bns", "aggregated", "aggregated_current", "none"}


def test_bns_elasticity_gdp_on_manufacturing():
    """Extension of seed 004 F9: arc elasticity of GDP w.r.t. manufacturing GVA per year pair, nationally;
    current prices from grp_gva, constant prices from the volume indices (GDP 106.5, C 107.0 in 2025)."""
    g = kzdata.load("grp_gva")
    kz = g[g["region"] == "KZ"].set_index(["sector", "year"])["value"]
    e = msme.bns_elasticity().set_index("year")
    assert e.index.min() == 2011 and e.index.max() == 2025
    for y in (2015, 2024):
        gy = kz[("GDP", y)] / kz[("GDP", y - 1)] - 1
        gx = kz[("C", y)] / kz[("C", y - 1)] - 1
        assert e.loc[y, "elasticity"] == pytest.approx(gy / gx, rel=1e-12)
    c = msme.bns_elasticity(2024, 2025, prices="constant").iloc[0]
    assert c["elasticity"] == pytest.approx(6.5 / 7.0, rel=1e-9)
    # the paper's Table 2, 2023-2024: GDP w.r.t. manufacturing GVA = 13.236 / 10.178 = 1.30 (spec §4)
    assert rnd((135251663.6 / 119442289.7 - 1) / (16171087.5 / 14677293.6 - 1), 2) == 1.30


# ---------------------------------------------------------------- reproduction and audit


def test_reproduction_verdicts_match_spec_section_4():
    """Spec §4 verdicts, per table, with the paper's own method: T3 5/5, T5 6/6, T6 30/30, averages 9/9,
    P_MSP 1/1, T7 30 shares + 10 TII means/index, T8 20/20, T9 12/12, T11 9/10, T13 15/20, T16 6/8,
    T17 7/18."""
    r = msme.reproduction()
    got = r.groupby("table")["reproduces"].agg(["sum", "size"]).apply(tuple, axis=1).to_dict()
    assert got == {"T3": (5, 5), "T5": (6, 6), "T6": (30, 30), "T6b": (9, 9), "F1": (1, 1), "T7": (40, 40),
                   "T8": (20, 20), "T9": (12, 12), "T11": (9, 10), "T13": (15, 20), "T16": (6, 8),
                   "T17": (7, 18)}


def test_audit_lists_every_flag_of_section_7():
    """Spec §7: all 13 data-quality flags appear in the audit, ids are unique, and every row has a reason key
    (msme_reason_*), a severity and a kind from the module's code lists."""
    a = msme.audit()
    assert list(a.columns) == list(msme.AUDIT_COLUMNS)
    assert set(a["flag"].dropna().astype(int)) == set(range(1, 14))
    assert a["id"].is_unique
    assert a["reason_key"].str.startswith("msme_reason_").all()
    assert set(a["severity"]) <= set(msme.AUDIT_SEVERITIES) and set(a["kind"]) <= set(msme.AUDIT_KINDS)
    assert set(a["unit"].dropna()) <= set(msme.AUDIT_UNITS)


def test_audit_covers_every_section_4_failure():
    """Spec §4: every printed number that does not reproduce with the paper's method is in the audit, and so
    are the wrong conventions that do reproduce (T5: 6 rows, T9: 12 rows) with their corrected values."""
    a = msme.audit()
    r = msme.reproduction()
    for _, row in r[~r["reproduces"]].iterrows():
        hit = a[(a["table"] == row["table"]) & (a["printed"].astype(str) == str(row["printed"]))
                & (a["region"].fillna("KZ") == (row["region"] or "KZ"))]
        assert len(hit) >= 1, (row["table"], row["region"], row["item"], row["printed"])
    t5 = a[a["table"] == "T5"].dropna(subset=["region"]).set_index("region")["corrected"]
    assert t5.to_dict() == {"KZ": 0.1444, "ALM": 0.135, "KRG": 0.1748, "KST": 0.1201, "PVL": 0.1784,
                            "VKO": 0.1292}
    assert (a["reason_key"] == "msme_reason_t9_shift").sum() == 12
    vint = a.set_index("id")
    assert vint.loc["T16-gdp-vintage", "corrected"] == 136693318.3
    assert vint.loc["T16-e_gdp_exp-vintage", ["printed", "corrected"]].tolist() == [1.12, 1.22]
    assert vint.loc["T17-direction", ["printed", "corrected"]].tolist() == [0.82, 1.22]
    assert vint.loc["F1-renormalised", ["printed", "corrected"]].tolist() == [0.0778, 0.0864]


def test_codes_have_texts_in_every_language():
    """Every audit reason key and every code the UI shows (bands, levels, classes, severities, kinds, units,
    paper choices) has a text in kk, ru and en."""
    keys = set(msme.audit()["reason_key"])
    codes = {"band": msme.PMSP_BANDS, "tii_level": msme.TII_LEVELS, "epi": msme.EPI_CLASSES,
             "rca": msme.RCA_CLASSES, "elasticity": msme.ELASTICITY_CLASSES,
             "severity": msme.AUDIT_SEVERITIES,
             "kind": msme.AUDIT_KINDS, "unit": msme.AUDIT_UNITS, "choice": tuple(msme.PAPER_CHOICES)}
    keys |= {f"msme_{group}_{c}" for group, cs in codes.items() for c in cs}
    cats = {lang: i18n.catalogue(lang) for lang in i18n.LANGS}
    if not keys & set(cats["en"]):
        pytest.skip("msme texts not merged into kzclusters/i18n yet")
    for lang in i18n.LANGS:
        assert keys <= set(cats[lang]), (lang, sorted(keys - set(cats[lang])))


# ---------------------------------------------------------------- PAPER_CHOICES


def test_paper_choices_toggle_changes_every_listed_result():
    """Each PAPER_CHOICES entry names functions whose paper_choices=True changes the result (the UI
    toggle)."""
    fx = {2023: 456.31, 2024: 469.44}
    calls = {
        "growth_rate": lambda pc: msme.growth_rate(
            pd.DataFrame({"region": "A", "year": [2023, 2024], "value": [1.0, 2.0]}),
            paper_choices=pc)["growth"],
        "grp_share": lambda pc: msme.grp_share(paper_choices=pc)["share"],
        "export_share": lambda pc: msme.export_share(usd_kzt=fx, paper_choices=pc)["es"],
        "export_potential": lambda pc: msme.export_potential(usd_kzt=fx, paper_choices=pc)["epi"],
        "national_elasticity": lambda pc: msme.national_elasticity(paper_choices=pc)["elasticity"],
        "regional_elasticity": lambda pc: msme.regional_elasticity(paper_choices=pc)["elasticity"],
        "pmsp_components": lambda pc: msme.pmsp_components(paper_choices=pc)["value"],
        "sme_potential": lambda pc: msme.sme_potential(paper_choices=pc)["p_msp"],
        "tii_components": lambda pc: msme.tii_components(paper_choices=pc)["value"],
        "integration_index": lambda pc: msme.integration_index(variant="weighted_sum", by="sample",
                                                               paper_choices=pc)["tii"],
    }
    for cid, choice in msme.PAPER_CHOICES.items():
        assert choice.paper != choice.correct
        for f in choice.functions:
            a, b = calls[f](True).to_numpy(dtype=float), calls[f](False).to_numpy(dtype=float)
            assert not np.allclose(a, b, rtol=0, atol=1e-12), (cid, f)
    assert {c.flag for c in msme.PAPER_CHOICES.values()} >= {2, 3, 4, 9, 10}


# ---------------------------------------------------------------- bad inputs


def test_bad_weights_raise_with_keys():
    """Negative weight, all-zero weights, unknown component, non-number: DataError naming the component."""
    with pytest.raises(DataError, match="'pp'.*negative") as e:
        msme.sme_potential(weights={"pp": -0.1, "innp": 0.3, "ep": 0.2})
    assert e.value.key == "err_msme_weight_negative" and e.value.params["name"] == "pp"
    with pytest.raises(DataError, match="all weights are zero") as e:
        msme.pmsp_weights({"pp": 0, "innp": 0.0})
    assert e.value.key == "err_msme_weights_zero"
    with pytest.raises(DataError, match="'xx' is not a component") as e:
        msme.integration_index(weights={"xx": 1.0})
    assert e.value.key == "err_msme_weight_unknown"
    with pytest.raises(DataError, match="not a number"):
        msme.pmsp_weights({"pp": "a lot"})
    with pytest.raises(DataError, match="finite"):
        msme.integration_index(weights={"inn": np.nan, "di": 1.0})


def test_region_missing_raises():
    """Flag 1: asking for Almaty region (ALM) instead of the city in P_MSP or TII raises, naming the region,
    the table and the year."""
    with pytest.raises(DataError, match="region ALM has no pp for 2023") as e:
        msme.sme_potential(regions=["KRG", "ALM"])
    assert e.value.key == "err_msme_region_missing" and e.value.params["region"] == "ALM"
    assert "Table 6" in str(e.value)
    with pytest.raises(DataError, match="region ALM"):
        msme.integration_index(regions=["ALM"])
    with pytest.raises(DataError, match="no data for 2022") as e:
        msme.integration_index(years=[2022])
    assert e.value.key == "err_msme_year_missing"
    t = long_t12()
    t = t[~((t["region"] == "KRG") & (t["measure"] == "sme_mfg_export") & (t["year"] == 2024))]
    with pytest.raises(DataError, match="region KRG has no sme_mfg_export for 2024"):
        msme.regional_rca(t)


def test_rca_zero_national_share_raises():
    """F8: a zero national SME share makes RCA undefined: a clear DataError naming the year."""
    t = long_t12()
    t.loc[(t["region"] == "KZ") & (t["measure"] == "sme_mfg_export") & (t["year"] == 2023), "value"] = 0.0
    with pytest.raises(DataError, match="national SME share of manufacturing exports in 2023 is zero") as e:
        msme.regional_rca(t)
    assert e.value.key == "err_msme_rca_zero_national" and e.value.params["year"] == "2023"
    t2 = long_t12()
    t2 = t2[~((t2["region"] == "KZ") & (t2["year"] == 2024))]
    with pytest.raises(DataError, match="national total") as e:
        msme.regional_rca(t2)
    assert e.value.key == "err_msme_national_missing"


def test_nan_and_inconsistent_values_raise():
    """NaN where a number is needed, SME exports above the total, a missing national row, a zero base."""
    t = long_t12()
    t.loc[(t["region"] == "PVL") & (t["measure"] == "mfg_export") & (t["year"] == 2023), "value"] = np.nan
    with pytest.raises(DataError, match="mfg_export of PVL in 2023 is empty") as e:
        msme.regional_rca(t)
    assert e.value.key == "err_msme_nan"
    t = long_t12()
    t.loc[(t["region"] == "KST") & (t["measure"] == "sme_mfg_export") & (t["year"] == 2024), "value"] = 700.0
    with pytest.raises(DataError, match="exceed its total") as e:
        msme.regional_rca(t)
    assert e.value.key == "err_msme_sme_exceeds_total" and e.value.params["region"] == "KST"
    v = long_t7()
    v.loc[(v["region"] == "KRG") & (v["indicator"] == "hr") & (v["year"] == 2024), "value"] = np.nan
    with pytest.raises(DataError, match="KRG in 2024 is empty"):
        msme.tii_components(v)
    with pytest.raises(DataError, match="national total") as e:
        msme.tii_components(long_t7().query("not (region == 'KZ' and indicator == 'di')"))
    assert e.value.key == "err_msme_national_missing"
    with pytest.raises(DataError, match="zero") as e:
        msme.growth_rate(pd.DataFrame({"region": "A", "year": [2023, 2024], "value": [0.0, 1.0]}))
    assert e.value.key == "err_msme_zero_base"
    comp = msme.pmsp_components()[["region", "year", "indicator", "value"]]
    comp.loc[0, "value"] = np.nan
    with pytest.raises(DataError, match="empty") as e:
        msme.sme_potential(comp)
    assert e.value.key == "err_msme_nan"


def test_exchange_rate_required_for_correct_es():
    """Flag 4: without paper_choices the export share needs tenge per dollar for every year."""
    with pytest.raises(DataError, match="exchange rate") as e:
        msme.export_share()
    assert e.value.key == "err_msme_fx_missing"
    with pytest.raises(DataError, match="2024") as e:
        msme.export_share(usd_kzt={2023: 456.0})
    assert e.value.key == "err_msme_fx_missing"
    with pytest.raises(DataError, match="> 0") as e:
        msme.export_share(usd_kzt=-5)
    assert e.value.key == "err_msme_fx_bad"


def test_bad_options_raise():
    """Unknown variant / aggregation / normalisation / denominator / prices, wrong cut-offs, not a frame."""
    with pytest.raises(DataError, match="TII variant"):
        msme.integration_index(variant="mean")
    with pytest.raises(DataError, match="by"):
        msme.sme_potential(by="country")
    with pytest.raises(DataError, match="normalisation"):
        msme.integration_index(normalisation="zscore")
    with pytest.raises(DataError, match="denominator"):
        msme.growth_rate(pd.DataFrame({"year": [2023, 2024], "value": [1.0, 2.0]}), denominator="base")
    with pytest.raises(DataError, match="prices"):
        msme.bns_elasticity(prices="real")
    with pytest.raises(DataError, match="increasing"):
        msme.tii_level([0.5], thresholds=(0.7, 0.4))
    with pytest.raises(DataError, match="DataFrame"):
        msme.regional_rca([1, 2, 3])
    with pytest.raises(DataError, match="no column"):
        msme.grp_share(pd.DataFrame({"region": ["KZ"], "value": [1.0]}))


def test_errors_carry_the_params_their_texts_need():
    """Every err_msme_* text of the delivered catalogue formats with the error's params (no fallback to
    err_generic) in all three languages, once the keys are in kzclusters/i18n."""
    errs = []
    for f in (lambda: msme.pmsp_weights({"pp": -1}), lambda: msme.pmsp_weights({"pp": 0}),
              lambda: msme.sme_potential(regions=["ALM"]), lambda: msme.export_share(),
              lambda: msme.sme_potential(include_cp=True)):
        with pytest.raises(DataError) as e:
            f()
        errs.append(e.value)
    if not all(err.key in i18n.catalogue("en") for err in errs):
        pytest.skip("msme texts not merged into kzclusters/i18n yet")
    for err in errs:
        for lang in i18n.LANGS:
            msg = i18n.format_error(err, lang)
            assert msg != i18n.t("err_generic", lang, message=str(err)), (err.key, lang)


# ---------------------------------------------------------------- purity


def test_inputs_are_not_mutated():
    """No function changes its input frames (values, dtypes, columns, index)."""
    t6, t7, t12 = long_t6(), long_t7(), long_t12()
    grp = pd.DataFrame([(r, y, GRP[r][i]) for r in ("KZ", *REGIONS) for i, y in enumerate((2023, 2024))],
                       columns=["region", "year", "value"])
    sme = t12[t12["measure"] == "sme_mfg_export"].drop(columns="measure")
    frames = {"t6": t6, "t7": t7, "t12": t12, "grp": grp, "sme": sme}
    before = {k: copy.deepcopy(v) for k, v in frames.items()}
    comp = msme.pmsp_components(t6)
    comp_copy = comp.copy(deep=True)
    msme.sme_potential(comp, by="region")
    msme.sme_potential(comp)
    matrix = msme.tii_components(t7)
    matrix_copy = matrix.copy(deep=True)
    msme.integration_index(matrix)
    msme.integration_index(matrix, variant="weighted_sum", by="sample", paper_choices=True)
    msme.grp_share(grp, paper_choices=True)
    msme.growth_rate(grp, paper_choices=True)
    es = msme.export_share(sme[sme["region"] != "KZ"], grp[grp["region"] != "KZ"], usd_kzt=460.0)
    es_copy = es.copy(deep=True)
    rca = msme.regional_rca(t12)
    rca_copy = rca.copy(deep=True)
    msme.export_potential(es, rca, paper_choices=True)
    msme.elasticity(t12, response="sme_mfg_export", driver="mfg_export")
    for k, v in frames.items():
        pd.testing.assert_frame_equal(v, before[k])
    pd.testing.assert_frame_equal(comp, comp_copy)
    pd.testing.assert_frame_equal(matrix, matrix_copy)
    pd.testing.assert_frame_equal(es, es_copy)
    pd.testing.assert_frame_equal(rca, rca_copy)


def test_user_tables_give_the_same_results_as_the_shipped_ones():
    """The spec's numbers typed into plain frames give the same P_MSP, TII and RCA as the shipped tables."""
    a = msme.sme_potential(msme.pmsp_components(long_t6(), paper_choices=True), paper_choices=True)
    b = msme.sme_potential(paper_choices=True)
    assert np.allclose(a["p_msp"], b["p_msp"], rtol=0, atol=1e-12)
    a = msme.integration_index(msme.tii_components(long_t7()))
    b = msme.integration_index()
    assert np.allclose(a["tii"], b["tii"], rtol=0, atol=1e-12)
    a = msme.regional_rca(long_t12()).set_index(["region", "year"])["rca"]
    b = msme.regional_rca().set_index(["region", "year"])["rca"]
    assert np.allclose(a.reindex(b.index), b, rtol=0, atol=1e-12)


def test_elasticity_direction_is_the_reciprocal():
    """F9 (seed 004, Table 16) and Table 17 use opposite directions: E(x on y) = 1 / E(y on x)."""
    for pc in (False, True):
        a = msme.national_elasticity(paper_choices=pc)["elasticity"].to_numpy()
        b = msme.national_elasticity(paper_choices=pc, direction="exports_on_output")["elasticity"].to_numpy()
        np.testing.assert_allclose(a * b, 1.0, rtol=1e-12)
    a = msme.regional_elasticity(direction="output_on_exports").set_index("region")["elasticity"]
    b = msme.regional_elasticity(direction="exports_on_output").set_index("region")["elasticity"]
    np.testing.assert_allclose((a * b.loc[a.index]).to_numpy(), 1.0, rtol=1e-12)
    # the paper's choices take Table 17's direction unless a direction is given
    pd.testing.assert_frame_equal(msme.regional_elasticity(paper_choices=True),
                                  msme.regional_elasticity(paper_choices=True, direction="exports_on_output"))
    with pytest.raises(DataError, match="direction"):
        msme.national_elasticity(direction="sideways")
