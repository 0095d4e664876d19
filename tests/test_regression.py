"""kzclusters.regression: panel OLS with warnings, the paper's step IV panel, panel uploads.

The SME-integration paper of seed 004 prints its step IV regression
(GRP of manufacturing on P_MSP, investment, exports and R&D staff) **without
estimating it** (spec ``msme_integration.md`` §F4), so there is no published
number to pin.  Every expected value is an independent recomputation of the
textbook OLS formulas with numpy (``np.linalg.lstsq`` for the coefficients, the
White/HC1 sandwich and the classical variance by hand, scipy's t distribution
for p-values) on **synthetic** panels drawn from a seeded generator, never a
call to the function under test and never a hard-coded result.  The paper
panel is checked against the paper's own tables (GRP, exports, the P_MSP
averages) and for the warnings its size must trigger.
"""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from kzclusters import DataError, i18n
from kzclusters import data as kzdata
from kzclusters import regression as rg


# ---------------------------------------------------------------- helpers (synthetic data, hand OLS)


def synthetic_panel(n_regions=12, years=(2019, 2020, 2021, 2022), seed=42, effects=False) -> pd.DataFrame:
    """SYNTHETIC wide panel (not data): y = 3 + 1.5 x1 - 0.8 x2 (+ region effects) + heteroskedastic noise."""
    rng = np.random.default_rng(seed)
    regions = [f"R{i:02d}" for i in range(n_regions)]
    d = pd.DataFrame({"region": np.repeat(regions, len(years)), "year": np.tile(years, n_regions)})
    d["x1"] = rng.lognormal(1.0, 0.5, len(d))
    d["x2"] = rng.normal(5.0, 2.0, len(d))
    mu = np.repeat(rng.normal(0, 2, n_regions), len(years)) if effects else 0.0
    d["y"] = 3 + 1.5 * d["x1"] - 0.8 * d["x2"] + mu + rng.normal(0, 0.3 + 0.2 * d["x1"], len(d))
    return d


def to_long(wide: pd.DataFrame) -> pd.DataFrame:
    return wide.melt(id_vars=["region", "year"], var_name="variable", value_name="value")


def hand_ols(X: np.ndarray, y: np.ndarray, cov: str = "HC1"):
    """OLS by hand: beta (lstsq), SE (classical or HC0/HC1), t, two-sided p from t(n - k), R², adj R²."""
    n, k = X.shape
    beta = np.linalg.lstsq(X, y, rcond=None)[0]
    e = y - X @ beta
    XtXi = np.linalg.inv(X.T @ X)
    if cov == "nonrobust":
        V = (e @ e / (n - k)) * XtXi
    else:
        meat = X.T @ (X * (e ** 2)[:, None])
        V = XtXi @ meat @ XtXi * (n / (n - k) if cov == "HC1" else 1.0)
    se = np.sqrt(np.diag(V))
    t = beta / se
    p = 2 * stats.t.sf(np.abs(t), n - k)
    r2 = 1 - (e @ e) / np.sum((y - y.mean()) ** 2)
    adj = 1 - (1 - r2) * (n - 1) / (n - k)
    return beta, se, t, p, r2, adj


def coef(res, col="coef") -> np.ndarray:
    return res.coefficients[col].to_numpy()


# ---------------------------------------------------------------- identifiable


def test_identifiable_truth_table():
    """n > k is needed: n = k fits exactly (no residual degrees of freedom)."""
    assert rg.identifiable(10, 5) and rg.identifiable(6, 5)
    assert not rg.identifiable(5, 5) and not rg.identifiable(4, 5) and not rg.identifiable(0, 1)
    for n, k in [(-1, 1), (3, 0), (2.5, 1), (True, 1)]:
        with pytest.raises(DataError) as e:
            rg.identifiable(n, k)
        assert e.value.key == "err_reg_count"


# ---------------------------------------------------------------- OLS against numpy (synthetic)


@pytest.mark.parametrize("cov", ["HC1", "HC0", "nonrobust"])
def test_pooled_ols_equals_hand_computation(cov):
    """SYNTHETIC panel (12 regions x 4 years): coefficients = lstsq; SE = HC1 / HC0 sandwich or s²(X'X)⁻¹; t,
    p from t(n - k); R² and adjusted R² from the residuals."""
    d = synthetic_panel()
    res = rg.panel_ols(d, "y", ["x1", "x2"], robust=cov)
    X = np.column_stack([np.ones(len(d)), d["x1"], d["x2"]])
    beta, se, t, p, r2, adj = hand_ols(X, d["y"].to_numpy(), cov)
    # panel_ols sorts by region and year; the synthetic panel already is
    np.testing.assert_allclose(coef(res), beta, rtol=1e-10)
    np.testing.assert_allclose(coef(res, "se"), se, rtol=1e-8)
    np.testing.assert_allclose(coef(res, "t"), t, rtol=1e-8)
    np.testing.assert_allclose(coef(res, "p"), p, rtol=1e-6, atol=1e-14)
    assert res.r2 == pytest.approx(r2) and res.adj_r2 == pytest.approx(adj)
    assert (res.n, res.k, res.rank, res.df_resid) == (48, 3, 3, 45)
    assert res.coefficients["term"].tolist() == ["const", "x1", "x2"]
    half = stats.t.ppf(0.975, 45) * se
    np.testing.assert_allclose(coef(res, "ci_low"), beta - half, rtol=1e-8)
    assert res.warnings == () and res.identified


def test_long_and_wide_inputs_agree_and_row_order_does_not_matter():
    d = synthetic_panel(seed=3)
    a = rg.panel_ols(d, "y", ["x1", "x2"])
    b = rg.panel_ols(to_long(d).sample(frac=1.0, random_state=1), "y", ["x1", "x2"])
    c = rg.panel_ols(to_long(d).rename(columns={"variable": "indicator"}), "y", ["x1", "x2"])
    for r in (b, c):
        np.testing.assert_allclose(coef(r), coef(a), rtol=1e-12)
        np.testing.assert_allclose(coef(r, "se"), coef(a, "se"), rtol=1e-10)


def test_entity_effects_equal_the_within_estimator():
    """Frisch-Waugh: the slopes of the dummy-variable regression equal OLS on region-demeaned data (SYNTHETIC
    panel with region effects); the design has 1 + 2 + 11 coefficients."""
    d = synthetic_panel(effects=True, seed=5)
    res = rg.panel_ols(d, "y", ["x1", "x2"], entity_effects=True)
    dm = d[["y", "x1", "x2"]] - d.groupby("region")[["y", "x1", "x2"]].transform("mean")
    slopes = np.linalg.lstsq(dm[["x1", "x2"]].to_numpy(), dm["y"].to_numpy(), rcond=None)[0]
    got = res.coefficients.set_index("term").loc[["x1", "x2"], "coef"].to_numpy()
    np.testing.assert_allclose(got, slopes, rtol=1e-9)
    assert res.k == 14 and res.df_resid == 48 - 14
    assert res.coefficients["term"].tolist()[3:5] == ["region[R01]", "region[R02]"]
    # the dummy regression by hand: same coefficients and HC1 errors
    D = pd.get_dummies(d["region"], drop_first=True, dtype=float).to_numpy()
    X = np.column_stack([np.ones(len(d)), d["x1"], d["x2"], D])
    beta, se, *_ = hand_ols(X, d["y"].to_numpy())
    np.testing.assert_allclose(coef(res), beta, rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(coef(res, "se"), se, rtol=1e-7)


def test_time_effects_by_hand():
    d = synthetic_panel(seed=8)
    res = rg.panel_ols(d, "y", ["x1"], time_effects=True, robust="nonrobust")
    T = pd.get_dummies(d["year"], drop_first=True, dtype=float).to_numpy()
    X = np.column_stack([np.ones(len(d)), d["x1"], T])
    beta, se, *_ = hand_ols(X, d["y"].to_numpy(), "nonrobust")
    np.testing.assert_allclose(coef(res), beta, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(coef(res, "se"), se, rtol=1e-8)
    assert res.coefficients["term"].tolist()[2:] == ["year[2020]", "year[2021]", "year[2022]"]


def test_log_log_gives_lstsq_on_logs():
    d = synthetic_panel(seed=11)
    d["y"] = np.exp(0.5 + 0.7 * np.log(d["x1"]) + np.random.default_rng(0).normal(0, 0.1, len(d)))
    res = rg.panel_ols(d, "y", ["x1"], log=True)
    beta = np.linalg.lstsq(np.column_stack([np.ones(len(d)), np.log(d["x1"])]), np.log(d["y"]), rcond=None)[0]
    np.testing.assert_allclose(coef(res), beta, rtol=1e-10)
    assert res.method["log"] == ("y", "x1")
    only_y = rg.panel_ols(d, "y", ["x1"], log=["y"])
    beta = np.linalg.lstsq(np.column_stack([np.ones(len(d)), d["x1"]]), np.log(d["y"]), rcond=None)[0]
    np.testing.assert_allclose(coef(only_y), beta, rtol=1e-10)


def test_log_of_zero_names_the_cell():
    d = synthetic_panel(seed=1).assign(x2=lambda t: t["x2"].abs() + 1)
    d.loc[5, "x2"] = 0.0
    with pytest.raises(DataError) as e:
        rg.panel_ols(d, "y", ["x1", "x2"], log=["x2"])
    assert e.value.key == "err_reg_log_nonpositive"
    assert e.value.params["variable"] == "x2" and e.value.params["region"] == d.loc[5, "region"]


@given(st.floats(0.01, 1000.0), st.integers(0, 1000))
@settings(deadline=None, max_examples=25)
def test_rescaling_x_rescales_its_slope(c, seed):
    """Units: measuring x1 in units c times larger divides its slope and SE by c (t and p unchanged)."""
    d = synthetic_panel(n_regions=6, seed=seed)
    a = rg.panel_ols(d, "y", ["x1", "x2"])
    b = rg.panel_ols(d.assign(x1=d["x1"] * c), "y", ["x1", "x2"])
    assert coef(b)[1] == pytest.approx(coef(a)[1] / c, rel=1e-7)
    assert coef(b, "t")[1] == pytest.approx(coef(a, "t")[1], rel=1e-6)


def test_cluster_robust_runs_and_warns_about_few_clusters():
    d = synthetic_panel(n_regions=6, seed=2)
    res = rg.panel_ols(d, "y", ["x1"], robust="cluster")
    assert np.isfinite(coef(res, "se")).all()
    assert "reg_warn_few_entities" in res.warning_keys
    assert res.method["inference"] == "t(n_regions - 1)"


# ---------------------------------------------------------------- warnings


def test_n_equal_k_and_n_below_k_are_not_identified():
    """n <= k: nothing is estimated; the warning names n and k."""
    d = synthetic_panel(n_regions=3, years=(2020,), seed=4)          # 3 rows
    res = rg.panel_ols(d, "y", ["x1", "x2"])                          # k = 3 = n
    assert not res.identified and res.warning_keys[0] == "reg_warn_not_identified"
    assert dict(res.warnings[0]["params"]) == {"n": 3, "k": 3}
    assert res.coefficients[["coef", "se", "t", "p"]].isna().all().all()
    assert np.isnan(res.r2) and res.model is None
    res = rg.panel_ols(d.iloc[:2], "y", ["x1", "x2"])                # 2 rows for 3 coefficients
    assert res.warning_keys == ("reg_warn_not_identified",)
    assert dict(res.warnings[0]["params"]) == {"n": 2, "k": 3}
    assert "cannot identify: 2 observations for 3 coefficients" in res.warnings[0]["message"]


def test_low_residual_df_and_small_sample():
    """n = 7 for k = 3: df_resid = 4 < 5 and 7 < 10·3 -> both warnings, estimates still given."""
    d = synthetic_panel(n_regions=7, years=(2020,), seed=6)
    res = rg.panel_ols(d, "y", ["x1", "x2"])
    assert res.identified and res.df_resid == 4
    assert res.warning_keys == ("reg_warn_low_df", "reg_warn_small_sample")
    assert dict(res.warnings[0]["params"]) == {"df_resid": 4, "min": rg.MIN_DF_RESID}
    assert np.isfinite(coef(res)).all()
    X = np.column_stack([np.ones(7), d["x1"], d["x2"]])
    np.testing.assert_allclose(coef(res), np.linalg.lstsq(X, d["y"].to_numpy(), rcond=None)[0], rtol=1e-10)


def test_perfect_collinearity_drops_the_aliased_term():
    """x3 = 2·x1 - x2 is an exact combination: x3 is dropped (as R lm); the rest = lstsq without x3."""
    d = synthetic_panel(seed=9)
    d["x3"] = 2 * d["x1"] - d["x2"]
    res = rg.panel_ols(d, "y", ["x1", "x2", "x3"])
    assert res.warning_keys == ("reg_warn_collinear",)
    assert dict(res.warnings[0]["params"]) == {"terms": "x3", "rank": 3, "k": 4}
    assert res.coefficients["aliased"].tolist() == [False, False, False, True]
    assert np.isnan(coef(res)[3]) and res.rank == 3 and res.df_resid == 48 - 3
    X = np.column_stack([np.ones(len(d)), d["x1"], d["x2"]])
    beta, se, *_ = hand_ols(X, d["y"].to_numpy())
    np.testing.assert_allclose(coef(res)[:3], beta, rtol=1e-9)
    np.testing.assert_allclose(coef(res, "se")[:3], se, rtol=1e-7)


def test_collinearity_check_is_scale_free():
    """A regressor in millions that is an exact multiple of another in shares is still caught."""
    d = synthetic_panel(seed=10)
    d["big"] = d["x1"] * 1e9
    assert "reg_warn_collinear" in rg.panel_ols(d, "y", ["x1", "big"]).warning_keys
    d["tiny"] = d["x2"] * 1e-9 + 1e-3 * np.random.default_rng(0).normal(size=len(d))   # not collinear
    assert "reg_warn_collinear" not in rg.panel_ols(d, "y", ["x2", "tiny"]).warning_keys


def test_regressor_constant_within_regions_is_dropped_under_region_effects():
    """A regressor fixed per region (e.g. R&D staff carried from one year) is absorbed by the region effects:
    the regressor is the term dropped, not a region dummy."""
    d = synthetic_panel(seed=12)
    d["fixed"] = d.groupby("region")["x1"].transform("first")
    res = rg.panel_ols(d, "y", ["x1", "fixed"], entity_effects=True)
    assert res.coefficients.set_index("term").loc["fixed", "aliased"]
    assert dict(res.warnings[0]["params"])["terms"] == "fixed"


def test_fixed_effects_warnings():
    d = synthetic_panel(n_regions=4, seed=13)
    res = rg.panel_ols(d, "y", ["x1"], entity_effects=True)
    assert "reg_warn_few_entities" in res.warning_keys
    assert dict(res.warnings[res.warning_keys.index("reg_warn_few_entities")]["params"]) == {
        "n_entities": 4, "min": rg.MIN_FE_ENTITIES}
    single = pd.concat([d, pd.DataFrame({"region": ["Z"], "year": [2019], "x1": [1.0], "x2": [1.0],
                                         "y": [2.0]})])
    res = rg.panel_ols(single, "y", ["x1"], entity_effects=True)
    assert dict(res.warnings[res.warning_keys.index("reg_warn_singletons")]["params"]) == {"n": 1}
    big = synthetic_panel(n_regions=12, seed=13)
    assert "reg_warn_few_entities" not in rg.panel_ols(big, "y", ["x1"], entity_effects=True).warning_keys


def test_missing_rows_are_dropped_and_counted():
    d = synthetic_panel(seed=14)
    d.loc[[0, 7], "x1"] = np.nan
    res = rg.panel_ols(d, "y", ["x1"])
    assert res.n == 46 and res.n_dropped == 2 and res.warning_keys[0] == "reg_warn_dropped"
    full = d.dropna()
    X = np.column_stack([np.ones(46), full["x1"]])
    np.testing.assert_allclose(coef(res), np.linalg.lstsq(X, full["y"].to_numpy(), rcond=None)[0], rtol=1e-10)


def test_hc3_with_leverage_one_warns():
    """A singleton region under region effects has leverage 1: HC3 divides by 1 - h = 0."""
    d = synthetic_panel(n_regions=12, seed=15)
    d = pd.concat([d, pd.DataFrame({"region": ["Z"], "year": [2019], "x1": [1.0], "x2": [1.0], "y": [2.0]})])
    res = rg.panel_ols(d, "y", ["x1"], entity_effects=True, robust="HC3")
    assert "reg_warn_se_undefined" in res.warning_keys


@pytest.mark.parametrize("kwargs,key", [
    (dict(y="nope", x=["x1"]), "err_reg_unknown_variable"),
    (dict(y="y", x=["x1", "zz"]), "err_reg_unknown_variable"),
    (dict(y="y", x=["y"]), "err_reg_model"),
    (dict(y="y", x=[]), "err_reg_model"),
    (dict(y="y", x=["x1"], robust="HC9"), "err_reg_robust"),
    (dict(y="y", x=["x1"], log=["x9"]), "err_reg_unknown_variable"),
])
def test_model_errors(kwargs, key):
    with pytest.raises(DataError) as e:
        rg.panel_ols(synthetic_panel(), **kwargs)
    assert e.value.key == key


def test_panel_errors():
    d = synthetic_panel()
    with pytest.raises(DataError) as e:
        rg.panel_ols(d.drop(columns="year"), "y", "x1")
    assert e.value.key == "err_reg_panel_columns"
    with pytest.raises(DataError) as e:
        rg.panel_ols(pd.concat([to_long(d), to_long(d).iloc[:1]]), "y", "x1")
    assert e.value.key == "err_reg_duplicate" and set(e.value.params) == {"variable", "region", "year"}
    with pytest.raises(DataError) as e:
        rg.panel_ols(d.assign(x1="abc"), "y", "x1")
    assert e.value.key == "err_reg_not_number"
    with pytest.raises(DataError) as e:
        rg.panel_ols([1, 2], "y", "x1")
    assert e.value.key == "err_reg_panel_columns"


# ---------------------------------------------------------------- the paper's step IV panel


def test_step4_panel_has_ten_observations_for_five_coefficients():
    """Spec §F4: "With 5 regions × 2 years = 10 observations against 5 parameters, the model is barely
    estimable": n = 10, k = 5, df_resid = 5, and the rule-of-thumb warning fires."""
    p = rg.paper_step4_panel()
    assert p.attrs["n_complete"] == 10
    assert set(p["region"]) == set(rg.PAPER_REGIONS) and set(p["year"]) == {2023, 2024}
    res = rg.panel_ols(p, rg.STEP4_Y, list(rg.STEP4_X))
    assert (res.n, res.k, res.df_resid) == (10, 5, 5)
    assert "reg_warn_small_sample" in res.warning_keys
    assert dict(res.warnings[res.warning_keys.index("reg_warn_small_sample")]["params"])["ratio"] == "2.0"
    # estimated with numpy on the same ten rows
    w = p.pivot_table(index=["region", "year"], columns="variable", values="value").sort_index()
    X = np.column_stack([np.ones(10), w[list(rg.STEP4_X)].to_numpy()])
    beta, se, *_ = hand_ols(X, w[rg.STEP4_Y].to_numpy())
    np.testing.assert_allclose(coef(res), beta, rtol=1e-8)
    np.testing.assert_allclose(coef(res, "se"), se, rtol=1e-6)


def test_step4_with_region_effects_cannot_separate_rd_staff():
    """R&D staff is 2022 only and carried to both years, so it is constant within each region: region
    effects absorb it (collinear), leaving 10 observations for 8 estimable coefficients (df 2)."""
    p = rg.paper_step4_panel()
    res = rg.panel_ols(p, rg.STEP4_Y, list(rg.STEP4_X), entity_effects=True)
    assert res.coefficients.set_index("term").loc["lab", "aliased"]
    assert res.df_resid == 2
    assert {"reg_warn_collinear", "reg_warn_low_df", "reg_warn_few_entities"} <= set(res.warning_keys)


def test_step4_with_region_and_year_effects_keeps_one_degree_of_freedom():
    """5 region intercepts (const + 4 dummies) + 1 year effect + 4 slopes = 10 coefficients for 10
    observations; R&D staff is absorbed by the region effects, so 9 are estimable and 1 residual degree of freedom remains
    (as R's lm would report)."""
    p = rg.paper_step4_panel()
    res = rg.panel_ols(p, rg.STEP4_Y, list(rg.STEP4_X), entity_effects=True, time_effects=True)
    assert (res.n, res.k, res.rank, res.df_resid) == (10, 10, 9, 1)
    assert res.identified and res.warning_keys[:2] == ("reg_warn_collinear", "reg_warn_low_df")
    assert dict(res.warnings[0]["params"])["terms"] == "lab"


def test_step4_without_carried_rd_staff_has_no_observation():
    """R&D staff exists for 2022 only; the paper's years are 2023-2024: without carrying it, n = 0."""
    p = rg.paper_step4_panel(carry_lab=False)
    assert p.attrs["n_complete"] == 0
    res = rg.panel_ols(p, rg.STEP4_Y, list(rg.STEP4_X))
    assert res.n == 0 and res.n_dropped == 10 and "reg_warn_not_identified" in res.warning_keys
    lab = rg.paper_step4_panel().query("variable == 'lab'")
    assert (lab["source_year"] == 2022).all() and lab["value"].notna().all()


def test_step4_data_match_the_papers_tables():
    """The BNS GRP equals the paper's Table 5/9 GRP for the five regions; exports equal Table 6's EP values
    (Table 4's total manufacturing exports)."""
    p = rg.paper_step4_panel().set_index(["region", "year", "variable"])["value"]
    t9 = kzdata.load("seed004_msme_t09_grp_shares").query("measure == 'grp' and region != 'KZ'")
    for r in t9.itertuples():
        assert p[(r.region, r.year, "grp")] == pytest.approx(r.value, abs=0.1)
    t6 = kzdata.load("seed004_msme_t06_pmsp_components").query("indicator == 'ep' and measure == 'value' "
                                                               "and region != 'KZ'")
    for r in t6.itertuples():
        assert p[(r.region, r.year, "exp")] == pytest.approx(r.value)


def test_step4_pmsp_by_hand_and_against_the_paper():
    """Spec §F1: P_MSP = 0.4 PP + 0.3 INNP + 0.2 EP with PP, INNP, EP the region's shares of the national SME
    output, SME innovations and manufacturing exports (Table 6 values; the INNP national total is not printed,
    Table 7's 30610 / 30756 are used, as the spec says). Recomputed here with pandas for every region-year.
    The paper averages over regions and years and prints 0.4·0.081 + 0.3·0.088 + 0.2·0.095 = 0.0778 from its
    rounded shares; the exact mean is within 0.001 of it."""
    p = rg.paper_step4_panel()
    got = p[p["variable"] == "p_msp"].set_index(["region", "year"])["value"]
    t6 = kzdata.load("seed004_msme_t06_pmsp_components").query("measure == 'value'")
    v = t6.set_index(["indicator", "region", "year"])["value"]
    innp_kz = {2023: 30.610, 2024: 30.756}                     # thousand units, as the regional rows
    for (region, year), value in got.items():
        pp = v[("pp", region, year)] / v[("pp", "KZ", year)]
        innp = v[("innp", region, year)] / innp_kz[year]
        ep = v[("ep", region, year)] / v[("ep", "KZ", year)]
        assert value == pytest.approx(0.4 * pp + 0.3 * innp + 0.2 * ep, rel=1e-9)
    t6b = kzdata.load("seed004_msme_t06b_pmsp_averages").query("measure == 'mean_2023_2024'")
    means = t6b.set_index("indicator")["value"]
    printed = 0.4 * means["pp"] + 0.3 * means["innp"] + 0.2 * means["ep"]
    assert printed == pytest.approx(0.0778, abs=1e-4)
    assert got.mean() == pytest.approx(printed, abs=1e-3)


def test_step4_user_pmsp():
    user = pd.DataFrame({"region": list(rg.PAPER_REGIONS) * 2, "year": [2023] * 5 + [2024] * 5,
                         "value": np.linspace(0.1, 1.0, 10)})
    p = rg.paper_step4_panel(pmsp=user)
    got = p[p["variable"] == "p_msp"].set_index(["region", "year"])["value"]
    assert got[("VKO", 2023)] == pytest.approx(0.4)
    assert set(p.loc[p["variable"] == "p_msp", "source"]) == {"user"}


# ---------------------------------------------------------------- uploads


def test_read_panel_long_cp1251_and_estimate():
    rows = ["Регион;Показатель;Год;Значение"]
    d = synthetic_panel(n_regions=4, years=(2022, 2023), seed=20)
    codes = ["AKM", "AKT", "ALA", "AST"]
    d["region"] = d["region"].map(dict(zip(sorted(d["region"].unique()), codes)))
    for r in to_long(d).itertuples():
        rows.append(f"{r.region};{r.variable};{r.year};{str(round(r.value, 6)).replace('.', ',')}")
    panel = rg.read_panel(("\n".join(rows) + "\n").encode("cp1251"), filename="mine.csv")
    assert list(panel.columns) == ["region", "year", "variable", "value"]
    assert panel.attrs["variables"] == ("x1", "x2", "y") and panel.attrs["source"] == "mine.csv"
    res = rg.panel_ols(panel, "y", ["x1", "x2"])
    assert res.n == 8


def test_read_panel_errors():
    with pytest.raises(DataError) as e:
        rg.read_panel(b"region,variable,year,value\nKZ,grp,2023,1\nKZ-63,grp,2023,2\nKZ-63,inv,2023,2\n",
                      filename="nat.csv")
    assert e.value.key == "err_reg_upload_national" and e.value.file == "nat.csv"
    with pytest.raises(DataError) as e:
        rg.read_panel(b"region,variable,year,value\nKZ-63,grp,2023,1\n", filename="one.csv")
    assert e.value.key == "err_reg_upload_variables" and e.value.params["n"] == 1
    with pytest.raises(DataError) as e:       # read_table's own errors pass through with their keys
        rg.read_panel(b"region,variable,year,value\nAtlantis,grp,2023,1\n", filename="x.csv")
    assert e.value.key == "err_region_unknown"


# ---------------------------------------------------------------- i18n keys


def test_i18n_keys_exist_once_merged():
    """Warning and error keys must be in all three catalogues once the reg_/err_reg_ texts are merged."""
    cat = i18n.catalogue("en")
    if not any(k.startswith("reg_warn_") for k in cat):
        pytest.skip("regression texts not merged into kzclusters/i18n yet")
    keys = {"reg_note_step4"} | set(rg.paper_step4_panel()["name_key"])
    tree = ast.parse(Path(rg.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if getattr(node.func, "id", None) == "_warning" and isinstance(node.args[0], ast.Constant):
                keys.add(node.args[0].value)
            for kw in node.keywords:
                if kw.arg == "key" and isinstance(kw.value, ast.Constant):
                    keys.add(kw.value.value)
    for lang in i18n.LANGS:
        missing = sorted(keys - set(i18n.catalogue(lang)))
        assert not missing, f"{lang}: {missing}"


def test_paper_constants_agree_with_msme():
    from kzclusters import msme

    assert rg.PAPER_REGIONS == tuple(msme.PAPER_REGIONS) and rg.PAPER_YEARS == tuple(msme.PAPER_YEARS)
