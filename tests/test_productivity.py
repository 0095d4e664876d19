"""kzclusters.productivity: levels, shift-share, convergence, capital stock, production function, ECM, gaps.

None of the three seed-004 papers publishes its data, so nothing here can reproduce a
published regression.  Expected values are independent recomputations: the shift-share
formulas written out term by term, OLS by ``numpy.linalg.lstsq`` and the textbook
variance formula, the perpetual-inventory recursion as a plain loop, the gap
arithmetic of spec ``productivity.md`` §3.8, and the papers' numbers typed in from the
spec transcriptions.  Where an estimator is checked for recovering known parameters,
the data are SYNTHETIC (seeded random numbers, labelled so) and the tolerance is stated.
"""

from __future__ import annotations

import ast
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzclusters import DataError, i18n
from kzclusters import data as kzdata
from kzclusters import productivity as pr


# ---------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def sector_panel():
    return pr.bns_sector_panel()


@pytest.fixture(scope="module")
def region_panel():
    return pr.bns_region_panel("17", real=True)


@pytest.fixture(scope="module")
def kz_lp():
    gva = kzdata.load("grp_gva").query("region == 'KZ'")
    return pr.labour_productivity(gva, kzdata.load("employment_by_section"))


def hand_shift_share(p0, p1, l0, l1):
    """The three-term decomposition written out (numpy arrays over sectors)."""
    s0, s1 = l0 / l0.sum(), l1 / l1.sum()
    within = np.sum(s0 * (p1 - p0))
    static = np.sum(p0 * (s1 - s0))
    dynamic = np.sum((p1 - p0) * (s1 - s0))
    return within, static, dynamic, np.sum(s1 * p1) - np.sum(s0 * p0), np.sum(s0 * p0)


def ols(y, x):
    """Bivariate OLS by lstsq with classical standard errors."""
    X = np.column_stack([np.ones(len(x)), x])
    b, *_ = np.linalg.lstsq(X, y, rcond=None)
    e = y - X @ b
    s2 = e @ e / (len(y) - 2)
    se = np.sqrt(np.diag(s2 * np.linalg.inv(X.T @ X)))
    r2 = 1 - e @ e / np.sum((y - y.mean()) ** 2)
    return b, se, r2


# ---------------------------------------------------------------------------------- levels


def test_labour_productivity_nominal_is_gva_over_employment(kz_lp):
    gva = kzdata.load("grp_gva").query("region == 'KZ' and sector == 'C'").set_index("year")["value"]
    emp = kzdata.load("employment_by_section").query("sector == 'C'").set_index("year")["value"]
    got = kz_lp.query("sector == 'C'").set_index("year")["value"]
    pd.testing.assert_series_equal(got, (gva / emp).loc[got.index], check_names=False)
    assert set(kz_lp["basis"]) == {"nominal"} and kz_lp.attrs["unit"].endswith("current prices")


def test_labour_productivity_lump_employment_2010_2013(kz_lp):
    """GVA has only OTHER_SERVICES in 2010-2013: its employment is the sum of I, K, M..S."""
    es = kzdata.load("employment_by_section").query("year == 2012")
    members = es[es["sector"].isin(pr.LUMPS["OTHER_SERVICES"])]["value"].sum()
    row = kz_lp.query("sector == 'OTHER_SERVICES' and year == 2012").iloc[0]
    assert row["employment"] == pytest.approx(members)
    assert kz_lp.attrs["lump_employment"] == ("OTHER_SERVICES",)
    assert not kz_lp.query("sector == 'OTHER_SERVICES' and year >= 2014").size


def test_real_productivity_chains_volume_indices_by_hand():
    gva = pd.DataFrame({"sector": "A", "year": [2018, 2019, 2020, 2021], "value": [50.0, 60, 70, 100]})
    emp = gva.assign(value=[5.0, 5, 5, 4])
    vol = pd.DataFrame({"sector": "A", "year": [2019, 2020, 2021], "value": [110.0, 95.0, 102.0]})
    r = pr.labour_productivity(gva, emp, real=True, volume=vol, base_year=2020)
    # base 2020 = 70; 2021 = 70 * 1.02; 2019 = 70 / 0.95; 2018 = 70 / 0.95 / 1.10
    expect = [70 / 0.95 / 1.10, 70 / 0.95, 70.0, 70 * 1.02]
    np.testing.assert_allclose(r["gva"], expect, rtol=1e-12)
    np.testing.assert_allclose(r["value"], np.array(expect) / [5, 5, 5, 4], rtol=1e-12)
    assert r["base_year"].unique().tolist() == [2020] and set(r["basis"]) == {"real"}


def test_real_chain_breaks_at_a_missing_or_zero_index():
    gva = pd.DataFrame({"sector": "B", "year": [2019, 2020, 2021, 2022], "value": [1.0, 1, 1, 1]})
    vol = pd.DataFrame({"sector": "B", "year": [2020, 2021, 2022], "value": [101.0, 0.0, 103.0]})
    r = pr.labour_productivity(gva, gva, real=True, volume=vol, base_year=2022)
    assert r["year"].tolist() == [2021, 2022]          # 2021's index 0.0 = not published: no link back


def test_bns_agreement(sector_panel):
    """BNS productivity by section = GVA / LFS employment (median ratio 1.000); the total is ~7 % lower,
    and matches GVA without real estate within ~2 %."""
    c = pr.compare_bns_productivity().query("year != 2021")
    med = c.groupby("check")["ratio"].median()
    assert med["implied_employment"] == pytest.approx(1.0, abs=1e-3)
    assert 0.90 < med["region_total"] < 0.95
    assert 1.0 <= med["region_total_excl_L"] < 1.02


# ---------------------------------------------------------------------------------- shift-share


def test_shift_share_hand_made_case():
    p = pd.DataFrame({"sector": ["A", "A", "B", "B", "C", "C"], "year": [2000, 2010] * 3,
                      "value": [2.0, 3.0, 10.0, 9.0, 5.0, 8.0], "employment": [50.0, 30, 20, 25, 30, 45]})
    res = pr.shift_share(p)
    w, s, d, tot, P0 = hand_shift_share(np.array([2.0, 10, 5]), np.array([3.0, 9, 8]),
                                        np.array([50.0, 20, 30]), np.array([30.0, 25, 45]))
    row = res.summary.iloc[0]
    assert (row["within"], row["static"], row["dynamic"], row["total"]) == pytest.approx((w, s, d, tot))
    assert row["within"] + row["static"] + row["dynamic"] == pytest.approx(row["total"], abs=1e-12)
    assert row["structural"] == pytest.approx(s + d)
    t = res.terms.set_index("term")
    assert t.loc["static", "pp_per_year"] == pytest.approx(100 * s / P0 / 10)
    sec = res.sectors.set_index("sector")
    assert sec["total"].sum() == pytest.approx(tot)
    assert sec.loc["B", "static"] == pytest.approx(10.0 * (0.25 - 0.20))


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 8).flatmap(lambda k: st.tuples(
    *[st.lists(st.floats(0.1, 1e4, allow_nan=False), min_size=k, max_size=k) for _ in range(4)])))
def test_shift_share_terms_sum_to_total_property(arrays):
    p0, p1, l0, l1 = (np.array(a) for a in arrays)
    k = len(p0)
    sectors = [f"S{i}" for i in range(k)]
    df = pd.DataFrame({"sector": sectors * 2, "year": [1] * k + [2] * k, "value": np.r_[p0, p1],
                       "employment": np.r_[l0, l1]})
    s = pr.shift_share(df).summary.iloc[0]
    assert s["within"] + s["static"] + s["dynamic"] == pytest.approx(s["total"], rel=1e-9, abs=1e-9 * s["p0"])
    assert s["total"] == pytest.approx(s["p1"] - s["p0"], rel=1e-9, abs=1e-9 * s["p0"])


def test_shift_share_real_bns_data_sums_to_total(kz_lp, sector_panel):
    for res in (pr.shift_share(kz_lp, start=2010, end=2025),
                pr.shift_share(kz_lp, periods="annual"),
                pr.shift_share(sector_panel, "employment", value="productivity_real", periods=5),
                pr.shift_share(sector_panel, "employment", value="productivity", periods=[(2014, 2025)])):
        s = res.summary
        np.testing.assert_allclose(s["within"] + s["static"] + s["dynamic"], s["total"], rtol=1e-10)
        by = res.sectors.groupby(["start", "end"])[["within", "static", "dynamic", "total"]].sum()
        np.testing.assert_allclose(by.to_numpy(), s.set_index(["start", "end"])[by.columns].to_numpy(),
                                   rtol=1e-9)
    # consecutive periods telescope to the window's total
    annual = pr.shift_share(kz_lp, periods="annual")
    whole = pr.shift_share(kz_lp)
    assert annual.summary["total"].sum() == pytest.approx(whole.summary["total"].iloc[0])
    assert len(annual.summary) == 15


def test_shift_share_aggregates_lumped_services_and_says_so(kz_lp):
    res = pr.shift_share(kz_lp, start=2012, end=2020)
    assert res.warning_keys == ("prod_warn_aggregated",)
    assert res.aggregated == {"OTHER_SERVICES": tuple(pr.LUMPS["OTHER_SERVICES"])}
    assert res.sectors_used == tuple(sorted(pr.COARSE_SECTORS))
    # 2020: OTHER_SERVICES productivity = summed GVA / summed employment of I, K, M..S
    g = kzdata.load("grp_gva").query("region == 'KZ' and year == 2020")
    e = kzdata.load("employment_by_section").query("year == 2020")
    mem = list(pr.LUMPS["OTHER_SERVICES"])
    expect = g[g["sector"].isin(mem)]["value"].sum() / e[e["sector"].isin(mem)]["value"].sum()
    got = res.sectors.set_index("sector").loc["OTHER_SERVICES", "p1"]
    assert got == pytest.approx(expect)
    # a window after 2013 needs no aggregation
    assert pr.shift_share(kz_lp, start=2014, end=2025).aggregated == {}


def test_shift_share_structural_change_reference_and_units(sector_panel):
    res = pr.shift_share(sector_panel, "employment", value="productivity_real", start=2010, end=2025)
    t = res.terms.set_index("term")
    structural_pp = t.loc["static", "pp_per_year"] + t.loc["dynamic", "pp_per_year"]
    s = res.summary.iloc[0]
    assert structural_pp == pytest.approx(100 * s["structural"] / s["p0"] / 15)
    assert pr.STRUCTURAL_CHANGE_CA == -0.64
    assert res.basis == "real"


# ---------------------------------------------------------------------------------- convergence


def test_beta_convergence_equals_lstsq_synthetic():
    rng = np.random.default_rng(11)          # SYNTHETIC regions
    y0 = rng.lognormal(8, 0.6, 15)
    yT = y0 * np.exp(0.05 * 12 - 0.02 * 12 * (np.log(y0) - 8) + rng.normal(0, 0.05, 15))
    d = pd.DataFrame({"region": [f"R{i}" for i in range(15)] * 2, "year": [2010] * 15 + [2022] * 15,
                      "value": np.r_[y0, yT]})
    res = pr.convergence(d)
    g = np.log(yT / y0) / 12
    b, se, r2 = ols(g, np.log(y0))
    np.testing.assert_allclose(res.beta["coef"], b, rtol=1e-10)
    np.testing.assert_allclose(res.beta["se"], se, rtol=1e-8)
    assert res.r2 == pytest.approx(r2)
    assert res.speed == pytest.approx(-math.log(1 + b[1] * 12) / 12)
    assert res.half_life == pytest.approx(math.log(2) / res.speed)
    np.testing.assert_allclose(res.sigma["sd_log"], [np.std(np.log(y0), ddof=1), np.std(np.log(yT), ddof=1)])
    np.testing.assert_allclose(res.sigma["cv"], [np.std(v, ddof=1) / v.mean() for v in (y0, yT)])


def test_beta_convergence_equals_lstsq_on_bns(region_panel):
    for value in ("grp_per_employed", "grp_per_employed_real"):
        res = pr.convergence(region_panel, value=value, start=2011, end=2024)
        w = region_panel[region_panel["region"] != "KZ"].pivot(index="region", columns="year", values=value)
        w = w[[2011, 2024]].dropna()
        b, se, _ = ols(np.log(w[2024] / w[2011]).to_numpy() / 13, np.log(w[2011]).to_numpy())
        np.testing.assert_allclose(res.beta["coef"], b, rtol=1e-10)
        np.testing.assert_allclose(res.beta["se"], se, rtol=1e-8)
        assert res.n == 17 and res.model is not None


def test_sigma_trend_and_balanced_panel(region_panel):
    res = pr.convergence(region_panel, value="grp_per_employed", start=2010, end=2025)
    assert res.warning_keys == ("prod_warn_dropped_regions",)        # SHM, TRK have no 2010 GRP
    assert res.warnings[0]["params"]["regions"] == "SHM, TRK"
    assert 2015 not in res.sigma["year"].tolist()                      # no regional employment for 2015
    b, _, _ = ols(res.sigma["sd_log"].to_numpy(), res.sigma["year"].to_numpy(dtype=float))
    assert res.sigma_trend["slope"] == pytest.approx(b[1])
    unbalanced = pr.convergence(region_panel, value="grp_per_employed", start=2010, end=2025, balanced=False)
    assert unbalanced.sigma.set_index("year").loc[2024, "n"] == 17


def test_common_deflator_leaves_convergence_unchanged():
    rng = np.random.default_rng(5)           # SYNTHETIC
    d = pd.DataFrame({"region": list("ABCDEFG") * 3, "year": np.repeat([2010, 2015, 2020], 7),
                      "value": rng.lognormal(5, 0.5, 21)})
    deflated = d.assign(value=d["value"] / d["year"].map({2010: 1.0, 2015: 1.4, 2020: 2.1}))
    a, b = pr.convergence(d), pr.convergence(deflated)
    assert a.beta.loc[1, "coef"] == pytest.approx(b.beta.loc[1, "coef"])
    np.testing.assert_allclose(a.sigma["sd_log"], b.sigma["sd_log"])


# ---------------------------------------------------------------------------------- capital stock


def hand_pim(I, delta, k0):
    K = [k0]
    for x in I[1:]:
        K.append((1 - delta) * K[-1] + x)
    return K


def test_capital_stock_matches_hand_recursion_growth_rule():
    I = [100.0, 108.0, 115.0, 130.0, 128.0, 150.0, 160.0, 171.0]
    inv = pd.DataFrame({"sector": "C", "year": range(2003, 2011), "value": I})
    for delta, m in ((0.05, 5), (0.1, 3), (0.2, 1)):
        k = pr.capital_stock(inv, delta, growth_years=m)
        g = (I[m] / I[0]) ** (1 / m) - 1
        np.testing.assert_allclose(k["value"], hand_pim(I, delta, I[0] / (g + delta)), rtol=1e-12)
        assert k["g"].iloc[0] == pytest.approx(g) and set(k["initial_rule"]) == {"growth"}


def test_capital_stock_given_initial_by_group_and_deflated():
    inv = pd.DataFrame({"sector": ["A"] * 3 + ["B"] * 3, "year": [2020, 2021, 2022] * 2,
                        "value": [10.0, 12, 11, 5, 5, 6]})
    k = pr.capital_stock(inv, 0.1, initial={"A": 100.0, "B": 40.0})
    np.testing.assert_allclose(k["value"], hand_pim([10, 12, 11], 0.1, 100) + hand_pim([5, 5, 6], 0.1, 40))
    dfl = pd.DataFrame({"year": [2020, 2021, 2022], "value": [80.0, 100.0, 125.0]})
    k = pr.capital_stock(inv, 0.1, initial=0.0, deflator=dfl)
    real_a = [10 / 0.8, 12.0, 11 / 1.25]
    np.testing.assert_allclose(k.query("sector == 'A'")["value"], hand_pim(real_a, 0.1, 0.0))
    assert k.attrs["deflated"]


def test_capital_stock_falling_investment_falls_back_to_zero_growth():
    inv = pd.DataFrame({"region": "X", "year": [2010, 2011, 2012], "value": [100.0, 80.0, 64.0]})
    k = pr.capital_stock(inv, 0.05, growth_years=2)                   # g = -20 %: g + delta < 0
    assert k.attrs["warnings"][0]["key"] == "prod_warn_initial_growth"
    np.testing.assert_allclose(k["value"], hand_pim([100.0, 80, 64], 0.05, 100 / 0.05))


def test_bns_sector_panel_capital_and_flags(sector_panel):
    inv = sector_panel.query("sector == 'C'")
    k = pr.capital_stock(inv[["sector", "year", "investment_real"]]
                         .rename(columns={"investment_real": "value"}), 0.06)
    np.testing.assert_allclose(inv["capital_real"], k["value"])
    assert sector_panel["sector"].nunique() == 11 and sector_panel["year"].between(2010, 2025).all()
    assert sector_panel.query("sector == 'OTHER_SERVICES'")["lumped"].all()
    assert sector_panel.query("year == 2025")["preliminary"].all()
    assert "T" not in set(sector_panel["sector"])
    assert {"prod_break_services_lumped", "prod_break_t_2025", "prod_break_deflator_proxy"} <= \
        set(sector_panel.attrs["breaks"])
    base = sector_panel.query("year == 2025")
    np.testing.assert_allclose(base["gva_real"], base["gva"])
    np.testing.assert_allclose(base["deflator"], 100.0)
    # nominal capital from 2003 investment: 2010 value is the recursion's 8th step
    i = kzdata.load("investment_by_section").query("sector == 'C'")["value"].to_numpy()
    g = (i[5] / i[0]) ** (1 / 5) - 1
    k2010 = hand_pim(list(i), 0.06, i[0] / (g + 0.06))[7]
    assert inv.query("year == 2010")["capital"].iloc[0] == pytest.approx(k2010)


def test_bns_region_panel_flags(region_panel):
    r = region_panel
    assert r.query("year == 2015")["employment_missing"].all()
    assert r.query("region in ['SHM', 'TRK'] and year == 2010")["split_missing"].all()
    assert r.query("region == 'VKO' and year >= 2021")["folded"].all()
    assert not r.query("region == 'VKO' and year <= 2020")["folded"].any()
    kz = r.query("region == 'KZ' and year == 2024").iloc[0]
    assert kz["grp_per_employed"] == pytest.approx(kz["grp"] / kz["employment"])
    # the regions sum to the national GRP on the harmonised map
    tot = r.query("region != 'KZ' and year == 2024")["grp"].sum()
    assert tot == pytest.approx(kz["grp"], rel=1e-6)
    assert pr.bns_region_panel("20").query("year == 2024")["region"].nunique() == 21


# ------------------------------------------------------------------------------------ production function


def synthetic_pf(seed=2, n=40, alpha=0.35, beta=0.6, sectors=("A", "C", "G")):
    """SYNTHETIC panel: ln Y = a_i + alpha ln K + beta ln L + e."""
    rng = np.random.default_rng(seed)
    d = pd.DataFrame({"sector": np.repeat(sectors, n),
                      "year": np.tile(np.arange(1980, 1980 + n), len(sectors))})
    d["capital"] = rng.lognormal(5, 0.5, len(d))
    d["employment"] = rng.lognormal(3, 0.4, len(d))
    a = d["sector"].map({s: 0.5 * i for i, s in enumerate(sectors)})
    d["gva"] = np.exp(a + alpha * np.log(d["capital"]) + beta * np.log(d["employment"])
                      + rng.normal(0, 0.05, len(d)))
    return d


def test_production_function_equals_lstsq_and_recovers_parameters():
    d = synthetic_pf()
    res = pr.fit_production_function(d, effects="entity", robust=False)
    X = np.column_stack([np.ones(len(d)), np.log(d["capital"]), np.log(d["employment"]),
                         (d["sector"] == "C").astype(float), (d["sector"] == "G").astype(float)])
    b, *_ = np.linalg.lstsq(X, np.log(d["gva"]), rcond=None)
    np.testing.assert_allclose(res.coefficients["coef"], b, rtol=1e-9)
    st_ = res.stats.iloc[0]
    assert abs(st_["alpha"] - 0.35) < 0.03 and abs(st_["beta"] - 0.6) < 0.05       # SYNTHETIC, tolerance
    lt = np.log(d["gva"]) - st_["alpha"] * np.log(d["capital"]) - st_["beta"] * np.log(d["employment"])
    np.testing.assert_allclose(res.tfp["log_tfp"], lt)
    np.testing.assert_allclose(res.tfp["tfp"], np.exp(lt))


def test_production_function_crs_and_per_entity():
    d = synthetic_pf(alpha=0.4, beta=0.6)
    crs = pr.fit_production_function(d, crs=True, effects="entity")
    c = crs.coefficients.set_index("term")
    assert c.loc["beta", "derived"] and c.loc["beta", "coef"] == pytest.approx(1 - c.loc["alpha", "coef"])
    assert c.loc["beta", "se"] == pytest.approx(c.loc["alpha", "se"])
    X = np.column_stack([np.ones(len(d)), np.log(d["capital"] / d["employment"]),
                         (d["sector"] == "C").astype(float), (d["sector"] == "G").astype(float)])
    b, *_ = np.linalg.lstsq(X, np.log(d["gva"] / d["employment"]), rcond=None)
    assert c.loc["alpha", "coef"] == pytest.approx(b[1])
    per = pr.fit_production_function(d, per_entity=True)
    assert per.stats["group"].tolist() == ["A", "C", "G"] and (per.stats["n"] == 40).all()
    for g, sub in d.groupby("sector"):
        X1 = np.column_stack([np.ones(40), np.log(sub["capital"]), np.log(sub["employment"])])
        bb, *_ = np.linalg.lstsq(X1, np.log(sub["gva"]), rcond=None)
        assert per.stats.set_index("group").loc[g, "alpha"] == pytest.approx(bb[1])


def test_solow_residual_with_paper_alphas(sector_panel):
    t = pr.solow_residual(sector_panel, pr.PAPER_ALPHA, y="gva_real", k="capital_real")
    c = t.query("sector == 'C' and year == 2020").iloc[0]
    assert c["log_tfp"] == pytest.approx(np.log(c["gva_real"]) - 0.525 * np.log(c["capital_real"])
                                         - 0.475 * np.log(c["employment"]))
    assert t.query("sector == 'B'")["log_tfp"].isna().all()
    assert t.attrs["warnings"][0]["key"] == "prod_warn_no_alpha"


# ------------------------------------------------------------------------------------ investment effect


def synthetic_ecm(beta, lam, delta1, T, seed):
    """SYNTHETIC series from the ECM  Δy = lam (y_{t-1} - beta x_{t-1}) + delta1 Δx + e, x a random walk."""
    rng = np.random.default_rng(seed)
    x = np.cumsum(rng.normal(0, 0.1, T))
    y = np.zeros(T)
    for t in range(1, T):
        ec = y[t - 1] - beta * x[t - 1]
        y[t] = y[t - 1] + lam * ec + delta1 * (x[t] - x[t - 1]) + rng.normal(0, 0.02)
    return x, y


TRUE = {"G": (0.075, -0.20, 0.198), "B": (0.0688, -0.14, -0.07), "A": (0.0094, -0.70, 0.0)}
T_SYN = 5000   # SYNTHETIC series length: the standard error of lambda is about 0.014 at lambda = -0.70
TOL = 0.03     # absolute tolerance on beta, lambda and delta1 (about 2 standard errors of lambda)


def test_ecm_recovers_known_parameters_on_synthetic_panel():
    parts = []
    for i, (s, (b, lam, d1)) in enumerate(TRUE.items()):
        x, y = synthetic_ecm(b, lam, d1, T_SYN, seed=100 + i)
        parts.append(pd.DataFrame({"sector": s, "year": np.arange(T_SYN), "log_investment": x, "log_tfp": y}))
    panel = pd.concat(parts, ignore_index=True)
    res = pr.investment_effect(panel, lags=1, robust="HC1")
    s = res.summary.set_index("group")
    for sec, (b, lam, d1) in TRUE.items():
        assert abs(s.loc[sec, "beta"] - b) < TOL, sec
        assert abs(s.loc[sec, "speed"] - lam) < TOL, sec
        assert abs(s.loc[sec, "delta1"] - d1) < TOL, sec
        assert abs(s.loc[sec, "speed"] - lam) < 3 * s.loc[sec, "se_speed"], sec
        assert s.loc[sec, "half_life"] == pytest.approx(math.log(0.5) / math.log(1 + s.loc[sec, "speed"]))
    assert res.warning_keys == ()
    lag = res.ecm.set_index(["group", "term"]).loc[("G", "d_log_investment_lag1"), "coef"]
    assert abs(lag) < TOL                                                # delta2 = 0 in the process


def test_ecm_two_steps_equal_hand_ols():
    x, y = synthetic_ecm(0.5, -0.3, 0.1, 40, seed=9)                    # SYNTHETIC, short
    res = pr.investment_effect(pd.DataFrame({"year": range(40), "log_investment": x, "log_tfp": y}),
                               lags=2, robust=False)
    b, se, r2 = ols(y, x)
    np.testing.assert_allclose(res.long_run["coef"], b, rtol=1e-10)
    np.testing.assert_allclose(res.long_run["se"], se, rtol=1e-8)
    u = y - b[0] - b[1] * x
    dy, dx = np.diff(y), np.diff(x)
    # rows t = 3..39: Δy_t on u_{t-1}, Δx_t, Δx_{t-1}, Δx_{t-2}
    t = np.arange(3, 40)
    X = np.column_stack([np.ones(len(t)), u[t - 1], dx[t - 1], dx[t - 2], dx[t - 3]])
    bb, *_ = np.linalg.lstsq(X, dy[t - 1], rcond=None)
    np.testing.assert_allclose(res.ecm["coef"], bb, rtol=1e-9)
    assert res.summary.iloc[0]["n_long"] == 40 and res.summary.iloc[0]["n_ecm"] == 37
    assert res.warning_keys == ()                                        # 40 >= MIN_N_TS


def test_investment_effect_on_bns_states_n_and_warns(sector_panel):
    panel = pr.solow_residual(sector_panel, pr.PAPER_ALPHA, y="gva_real", k="capital_real")
    res = pr.investment_effect(panel[panel["sector"].isin(["A", "C", "F", "G"])], lags=1)
    assert res.summary["n_long"].tolist() == [16] * 4 and res.summary["n_ecm"].tolist() == [14] * 4
    assert res.warning_keys == ("prod_warn_small_n",) * 4
    assert res.warnings[0]["params"]["n_paper"] == pr.PAPER_N == 60
    w = pr.investment_effect(panel[panel["sector"] == "C"], lags=0, window=(2012, 2024), robust="HAC")
    assert w.summary.iloc[0][["n_long", "n_ecm"]].tolist() == [13, 12]


def test_half_life_cases():
    np.testing.assert_allclose(pr.half_life([-0.5, -1.0, -1.5, 0.0, 0.2, -2.5]),
                               [1.0, 0.0, 1.0, np.inf, np.inf, np.inf])
    assert math.isnan(pr.half_life(float("nan")))
    assert pr.half_life(-0.14) == pytest.approx(4.6, abs=0.01)        # spec §3.5: mining 4.6 quarters


# ---------------------------------------------------------------------------------- gap arithmetic


def test_gap_years_reproduce_spec_grid():
    """spec productivity.md §3.8: years to close at 5.6 % (EU growth 0 / 1 / 1.5 / 2 %)."""
    for ratio, expect in ((27.2 / 86.7, [21.3, 26.0, 29.3, 33.4]), (56 / 106, [11.7, 14.3, 16.1, 18.4])):
        got = pr.gap_years(ratio, 0.056, np.array([0.0, 0.01, 0.015, 0.02]))
        np.testing.assert_allclose(np.round(got, 1), expect)


def test_required_growth_reproduces_spec():
    assert round(100 * pr.required_growth(27.2 / 86.7, 10, 0.0), 1) == 12.3
    assert round(100 * pr.required_growth(27.2 / 86.7, 10, 0.01), 1) == 13.4
    assert round(100 * pr.required_growth(56 / 106, 10, 0.0), 1) == 6.6
    assert round(100 * pr.required_growth(56 / 106, 10, 0.01), 1) == 7.7
    assert round(100 * pr.required_growth(27.2 / 86.7, 15, 0.0), 1) == 8.0      # by 2040
    assert round(100 * pr.required_growth(27.2 / 86.7, 15, 0.01), 1) == 9.1


def test_gap_path_ratio_left_in_2035():
    """spec §3.8: EU/KZ left in 2035 at 5.6 % -> 1.85 / 2.04 (from 3.19), 1.10 / 1.21 (from 1.89)."""
    left = [1 / pr.gap_path(r, 0.056, g)["ratio"].iloc[-1]
            for r in (27.2 / 86.7, 56 / 106) for g in (0.0, 0.01)]
    np.testing.assert_allclose(np.round(left, 2), [1.85, 2.04, 1.10, 1.21])
    p = pr.gap_path(0.5, 0.03, 0.01, uplift={1: 1.0, 3: 2.0})
    g = p.set_index("year")["growth_home"]
    assert (g[2025], g[2027], g[2029]) == pytest.approx((0.04, 0.03, 0.05))
    assert g[2032] == pytest.approx(0.03) and math.isnan(g[2035])


@settings(max_examples=200, deadline=None)
@given(ratio=st.floats(0.05, 0.99), years=st.floats(0.5, 80), g_ref=st.floats(-0.05, 0.08),
       target=st.sampled_from([0.5, 0.75, 1.0]))
def test_gap_years_and_required_growth_invert_each_other(ratio, years, g_ref, target):
    if ratio >= target:
        return
    g = pr.required_growth(ratio, years, g_ref, target=target)
    if not -1 < g < 1:
        return
    assert pr.gap_years(ratio, g, g_ref, target=target) == pytest.approx(years, rel=1e-9)
    back = pr.required_growth(ratio, pr.gap_years(ratio, g, g_ref, target=target), g_ref, target=target)
    assert back == pytest.approx(g, rel=1e-9, abs=1e-12)


def test_gap_never_and_closed_flags():
    t = pr.gap_table([0.3, 1.2], [0.01, 0.05], 0.02)
    assert t["status"].tolist() == ["never", "closes", "closed", "closed"]
    assert math.isinf(t["years"].iloc[0]) and t["target_year"].isna().iloc[0]
    assert pr.gap_years(0.3, 0.02, 0.02) == math.inf


# ---------------------------------------------------------------------------------- reference values


def test_reference_values_equal_the_transcription():
    r = pr.reference_values()
    assert r["citation"].str.len().gt(50).all() and r["table"].ne("").all()

    def val(dataset, sector, measure):
        x = r[(r["dataset"] == dataset) & (r["sector"] == sector) & (r["measure"] == measure)]["value"]
        assert len(x) == 1, (dataset, sector, measure)
        return x.iloc[0]

    lr = "seed004_prod_p1_long_run"
    spec_lr = {"A": (0.0094, 0.67, 0.003), "F": (0.0105, 0.79, 0.001), "C": (-0.123, 0.0012, 0.17),
               "B": (0.0688, 0.089, 0.05), "G": (0.0750, 0.187, 0.03)}
    for s, (b, p, r2) in spec_lr.items():
        assert (val(lr, s, "beta"), val(lr, s, "p_value"), val(lr, s, "r2")) == (b, p, r2)
    ecm = "seed004_prod_p1_ecm"
    assert {s: val(ecm, s, "gamma") for s in "AFCBG"} == {"A": -0.70, "F": 0.016, "C": -0.05, "B": -0.14,
                                                          "G": -0.20}
    assert val(ecm, "G", "delta1") == 0.198 and val(ecm, "G", "p_delta1") == 0.0006
    assert val(ecm, "F", "delta1") == -0.31 and val(ecm, "B", "delta1") == -0.07
    assert math.isnan(val(ecm, "G", "delta2"))                          # never reported
    t1 = r[r["dataset"] == "seed004_prod_p1_t1_investment_tfp"].set_index(["sector", "measure"])
    assert t1.loc[("C", "long_run_beta"), "value"] == -0.123 and t1.loc[("C", "long_run_beta"), "stars"] == 3
    assert t1.loc[("B", "long_run_beta"), "value"] == 0.069 and t1.loc[("B", "long_run_beta"), "stars"] == 1
    assert t1.loc[("G", "short_run_effect"), "value"] == 0.2 and t1.loc[("A", "ecm_gamma"), "value"] == -0.7
    cd = "seed004_prod_p1_cobb_douglas"
    got = (val(cd, "F", "alpha_min"), val(cd, "G", "alpha_max"), val(cd, "C", "r2_min"))
    assert got == (0.42, 0.80, 0.89)
    gap = r[r["dataset"].isin(["seed004_prod_p2_bullets", "seed004_prod_p2_t1_eu_gap"])]
    gap = gap[gap["measure"].isin(["productivity_per_employed_usd", "avg_productivity"])]
    assert gap.set_index(["measure", "area"])["value"].to_dict() == {
        ("productivity_per_employed_usd", "KZ"): 27200.0, ("productivity_per_employed_usd", "EU"): 86700.0,
        ("avg_productivity", "KZ"): 56.0, ("avg_productivity", "EU"): 106.0}
    p3 = r[(r["paper"] == "P3") & (r["area"] == "central_asia")]
    assert p3["value"].tolist() == [-0.64] and p3["unit"].tolist() == ["pp/yr"]
    assert set(r["paper"]) == {"P1", "P2", "P3"}


def test_gap_reference_both_bases():
    g = pr.gap_reference().set_index("basis")
    assert (g.loc["bullets", "home"], g.loc["bullets", "reference"]) == (27200.0, 86700.0)
    assert (g.loc["table1", "home"], g.loc["table1", "reference"]) == (56000.0, 106000.0)
    assert round(g.loc["bullets", "reference_over_home"], 2) == 3.19
    assert round(g.loc["table1", "reference_over_home"], 2) == 1.89
    assert (g.loc["germany_low", "reference"], g.loc["germany_high", "reference"]) == (106000.0, 110000.0)


def test_maturity_map_and_scenarios():
    m = pr.maturity_map()
    assert len(m) == 12 and m["phase"].notna().all()
    assert m["phase"].value_counts().to_dict() == {"fragmented": 4, "inertial": 3, "latent": 3,
                                                   "mature_raw": 1, "mixed": 1}
    assert "10-11" in set(m["sector"]) and "26.6" in set(m["sector"])
    s = pr.scenarios()
    assert s[["start", "end"]].values.tolist() == [[2025, 2027], [2027, 2029], [2029, 2032], [2032, 2035]]
    assert s["name_en"].iloc[0] == "Institutional repackaging"


# ------------------------------------------------------------------------------------ inputs and errors


def test_inputs_are_not_mutated(kz_lp, sector_panel, region_panel):
    frames = {"lp": kz_lp, "panel": sector_panel, "regions": region_panel}
    before = {k: v.copy(deep=True) for k, v in frames.items()}
    attrs = {k: dict(v.attrs) for k, v in frames.items()}
    pr.shift_share(kz_lp, periods="annual")
    pr.shift_share(sector_panel, "employment", value="productivity_real")
    pr.convergence(region_panel, value="grp_per_employed", start=2011, end=2024)
    pr.capital_stock(sector_panel[["sector", "year", "investment"]].rename(columns={"investment": "value"}),
                     0.05)
    tfp = pr.solow_residual(sector_panel, pr.PAPER_ALPHA, y="gva_real", k="capital_real")
    pr.fit_production_function(sector_panel, y="gva_real", k="capital_real", effects="entity")
    pr.investment_effect(tfp)
    for k, v in frames.items():
        pd.testing.assert_frame_equal(v, before[k])
        assert v.attrs.keys() == attrs[k].keys()
    gva = pd.DataFrame({"sector": "A", "year": [2020, 2021], "value": [1.0, 2.0]})
    g0 = gva.copy()
    pr.labour_productivity(gva, gva, real=True, volume=gva.assign(value=[100.0, 101.0]))
    pr.implicit_deflator(gva, gva.assign(value=[100.0, 101.0]))
    pd.testing.assert_frame_equal(gva, g0)


def _gva():
    return pd.DataFrame({"sector": ["A", "A", "C", "C"], "year": [2020, 2021] * 2, "value": [1.0, 2, 3, 4]})


BAD = [
    ("err_prod_table", lambda: pr.labour_productivity([1, 2], _gva())),
    ("err_prod_columns", lambda: pr.labour_productivity(_gva().drop(columns="value"), _gva())),
    ("err_prod_not_number", lambda: pr.labour_productivity(_gva().assign(value="x"), _gva())),
    ("err_prod_keys", lambda: pr.labour_productivity(_gva(), _gva().drop(columns="sector"))),
    ("err_prod_duplicate", lambda: pr.labour_productivity(pd.concat([_gva(), _gva()]), _gva())),
    ("err_prod_nonpositive", lambda: pr.labour_productivity(_gva(), _gva().assign(value=0.0))),
    ("err_prod_volume_missing", lambda: pr.labour_productivity(_gva(), _gva(), real=True)),
    ("err_prod_year", lambda: pr.labour_productivity(_gva(), _gva(), real=True, volume=_gva(),
                                                     base_year=1999)),
    ("err_prod_one_economy", lambda: pr.shift_share(_gva().assign(region=["X", "Y"] * 2, employment=1.0))),
    ("err_prod_window", lambda: pr.shift_share(_gva().assign(employment=1.0), start=2021, end=2020)),
    ("err_prod_option", lambda: pr.shift_share(_gva().assign(employment=1.0), periods="monthly")),
    ("err_prod_too_few_years", lambda: pr.shift_share(_gva().query("year == 2020").assign(employment=1.0))),
    ("err_prod_sector_missing", lambda: pr.shift_share(_gva().iloc[:3].assign(employment=1.0))),
    ("err_prod_overlap", lambda: pr.shift_share(pd.DataFrame({
        "sector": ["OTHER_SERVICES", "I", "OTHER_SERVICES", "I"], "year": [2010, 2010, 2011, 2011],
        "value": 1.0, "employment": 1.0}))),
    ("err_prod_one_sector", lambda: pr.convergence(_gva().assign(region=["R1", "R1", "R2", "R2"]))),
    ("err_prod_too_few_regions", lambda: pr.convergence(_gva().rename(columns={"sector": "region"}))),
    ("err_prod_delta", lambda: pr.capital_stock(_gva(), 0.0)),
    ("err_prod_delta", lambda: pr.capital_stock(_gva(), 1.5)),
    ("err_prod_growth_years", lambda: pr.capital_stock(_gva(), 0.1, growth_years=0)),
    ("err_prod_option", lambda: pr.capital_stock(_gva(), 0.1, initial="steady")),
    ("err_prod_initial_missing", lambda: pr.capital_stock(_gva(), 0.1, initial={"A": 5.0})),
    ("err_prod_negative", lambda: pr.capital_stock(_gva().assign(value=-1.0), 0.1)),
    ("err_prod_gap", lambda: pr.capital_stock(_gva().assign(year=[2020, 2022] * 2), 0.1)),
    ("err_prod_option", lambda: pr.fit_production_function(synthetic_pf(), effects="random")),
    ("err_prod_option", lambda: pr.fit_production_function(synthetic_pf(), robust="HC9")),
    ("err_prod_option", lambda: pr.fit_production_function(synthetic_pf(), per_entity=True, effects="time")),
    ("err_prod_unknown_variable", lambda: pr.fit_production_function(synthetic_pf(), k="machines")),
    ("err_prod_nonpositive", lambda: pr.fit_production_function(synthetic_pf().assign(capital=0.0))),
    ("err_prod_alpha", lambda: pr.solow_residual(synthetic_pf(), 1.2)),
    ("err_prod_lags", lambda: pr.investment_effect(synthetic_pf(), y="gva", x="capital", lags=-1)),
    ("err_prod_window_type", lambda: pr.investment_effect(synthetic_pf(), y="gva", x="capital", window=2020)),
    ("err_prod_window", lambda: pr.investment_effect(synthetic_pf(), y="gva", x="capital",
                                                     window=(2020, 2010))),
    ("err_prod_ratio", lambda: pr.gap_years(0.0, 0.05, 0.01)),
    ("err_prod_ratio", lambda: pr.gap_years(0.5, 0.05, 0.01, target=-1)),
    ("err_prod_growth", lambda: pr.gap_years(0.5, 5.6, 1.0)),
    ("err_prod_growth", lambda: pr.required_growth(0.5, 10, -1.0)),
    ("err_prod_years", lambda: pr.required_growth(0.5, 0, 0.01)),
    ("err_prod_window", lambda: pr.gap_path(0.5, 0.05, 0.01, start=2035, end=2025)),
    ("err_prod_option", lambda: pr.bns_sector_panel(sectors="divisions")),
    ("err_prod_option", lambda: pr.bns_region_panel("18")),
]


@pytest.mark.parametrize("key, call", BAD, ids=[f"{k}-{i}" for i, (k, _) in enumerate(BAD)])
def test_bad_inputs_raise_data_error_with_key(key, call):
    with pytest.raises(DataError) as exc:
        call()
    assert exc.value.key == key


def _emitted_keys() -> set:
    """Every i18n key the module can emit: DataError keys, warning keys and series-break codes."""
    src = Path(pr.__file__).read_text(encoding="utf-8")
    keys = set()
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                node.value.startswith(("err_prod_", "prod_warn_", "prod_break_", "prod_note_")) and \
                " " not in node.value:
            keys.add(node.value)
    return keys


def test_every_emitted_key_has_a_text_in_every_language():
    """Needs the catalogue texts of the productivity module (kzclusters/i18n/*.json)."""
    keys = _emitted_keys()
    assert len(keys) > 30
    for lang in i18n.LANGS:
        missing = sorted(keys - set(i18n.catalogue(lang)))
        assert not missing, f"{lang}: no text for {missing}"
    for k in ("prod_term_within", "prod_term_static", "prod_term_dynamic", "prod_term_total",
              *[f"prod_phase_{p}" for p in pr.PHASES], *[f"prod_scenario_{i}" for i in range(1, 5)]):
        assert k in i18n.catalogue("en")
