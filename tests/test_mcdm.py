"""Tests of kzclusters.mcdm: MEREC, entropy, CRITIC, weighted sum, TOPSIS, blend and rank stability."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from kzclusters import mcdm
from kzclusters._errors import DataError

# Keshavarz-Ghorabaee et al. (2021), Symmetry 13(4):525, illustrative example (5 alternatives x 4 criteria;
# C1, C2 benefit, C3, C4 cost), as pinned in pymcdm's test_weights.py and JMcDM's tests.
PAPER = pd.DataFrame({"C1": [450, 10, 100, 220, 5], "C2": [8000, 9100, 8200, 9300, 8400],
                      "C3": [54, 2, 31, 1, 23], "C4": [145, 160, 153, 162, 158]},
                     index=["A1", "A2", "A3", "A4", "A5"], dtype="float64")
PAPER_B = {"C1": True, "C2": True, "C3": False, "C4": False}


def test_merec_reproduces_paper_example():
    w = mcdm.merec_weights(PAPER, PAPER_B)
    assert w.index.tolist() == ["C1", "C2", "C3", "C4"]
    np.testing.assert_allclose(w.to_numpy(), [0.5752, 0.0141, 0.4016, 0.0091], atol=5e-5)
    assert w.sum() == pytest.approx(1.0)


def test_merec_steps_match_formulas():
    res = mcdm.merec_weights(PAPER, PAPER_B, return_steps=True)
    X = PAPER.to_numpy()
    N = np.column_stack([X[:, 0].min() / X[:, 0], X[:, 1].min() / X[:, 1],
                         X[:, 2] / X[:, 2].max(), X[:, 3] / X[:, 3].max()])
    np.testing.assert_allclose(res.normalised.to_numpy(), N)
    L = np.abs(np.log(N))
    S = np.log(1 + L.sum(axis=1) / 4)
    np.testing.assert_allclose(res.S.to_numpy(), S)
    for j in range(4):   # divisor stays m = 4
        Sp = np.log(1 + np.delete(L, j, axis=1).sum(axis=1) / 4)
        np.testing.assert_allclose(res.S_removed.iloc[:, j].to_numpy(), Sp)
        assert res.E.iloc[j] == pytest.approx(np.abs(Sp - S).sum())
    assert (res.shift == 0).all()
    pd.testing.assert_series_equal(res.weights, mcdm.merec_weights(PAPER, PAPER_B))


@pytest.mark.parametrize("fn", [mcdm.merec_weights, mcdm.entropy_weights, mcdm.critic_weights])
def test_weights_invariant_to_scaling_a_criterion(fn):
    scaled = PAPER.assign(C1=PAPER["C1"] * 1000.0, C3=PAPER["C3"] / 7.0)
    pd.testing.assert_series_equal(fn(scaled, PAPER_B), fn(PAPER, PAPER_B))


def test_merec_zero_rule():
    Z = pd.DataFrame({"x": [0.0, 2.0, 5.0], "y": [1.0, 3.0, 2.0]}, index=["p", "q", "r"])
    with pytest.raises(DataError, match="'x' is 0 for alternative 'p'") as e:
        mcdm.merec_weights(Z, {"x": True, "y": True})
    assert e.value.key == "err_mcdm_merec_nonpositive" and e.value.params["alternative"] == "p"
    res = mcdm.merec_weights(Z, {"x": True, "y": True}, zeros="shift", return_steps=True)
    assert res.shift.tolist() == [2.0, 0.0]            # the smallest positive value of x
    shifted = Z.assign(x=[2.0, 4.0, 7.0])
    pd.testing.assert_series_equal(res.weights, mcdm.merec_weights(shifted, {"x": True, "y": True}))
    # signed data: x - min + smallest positive gap
    neg = Z.assign(x=[-1.0, 1.0, 4.0])
    r2 = mcdm.merec_weights(neg, {"x": True, "y": True}, zeros="shift", return_steps=True)
    assert r2.shift["x"] == pytest.approx(3.0) and r2.data["x"].tolist() == [2.0, 4.0, 7.0]


def test_entropy_constant_criterion_gets_zero():
    X = PAPER.assign(C5=42.0)
    w = mcdm.entropy_weights(X, {**PAPER_B, "C5": True})
    assert w["C5"] == 0.0
    assert w.sum() == pytest.approx(1.0)
    assert mcdm.critic_weights(X, {**PAPER_B, "C5": True})["C5"] == 0.0
    assert mcdm.merec_weights(X, {**PAPER_B, "C5": False})["C5"] == pytest.approx(0.0, abs=1e-15)


def test_entropy_hand_example():
    X = pd.DataFrame({"a": [1.0, 3.0, 4.0], "b": [2.0, 2.0, 4.0], "c": [2.0, 2.0, 2.0]})
    d = []
    for col in ("a", "b"):
        p = X[col].to_numpy() / X[col].sum()
        d.append(1 + (p * np.log(p)).sum() / np.log(3))
    w = mcdm.entropy_weights(X)
    np.testing.assert_allclose(w.to_numpy(), [d[0] / sum(d), d[1] / sum(d), 0.0])


positive = arrays("float64", st.tuples(st.integers(2, 6), st.integers(1, 5)),
                  elements=st.floats(0.01, 1e4, allow_nan=False, allow_infinity=False))


@settings(max_examples=60, deadline=None)
@given(positive, st.data())
def test_weights_nonnegative_sum_to_one(X, data):
    n, m = X.shape
    df = pd.DataFrame(X, index=[f"a{i}" for i in range(n)], columns=[f"c{j}" for j in range(m)])
    b = {c: data.draw(st.booleans()) for c in df.columns}
    if np.all(X.max(axis=0) == X.min(axis=0)):
        for fn in (mcdm.merec_weights, mcdm.entropy_weights, mcdm.critic_weights):
            with pytest.raises(DataError):
                fn(df, b)
        return
    for fn in (mcdm.merec_weights, mcdm.entropy_weights, mcdm.critic_weights):
        w = fn(df, b)
        assert (w >= 0).all() and w.sum() == pytest.approx(1.0)
        assert list(w.index) == list(df.columns)
    bl = mcdm.blend(mcdm.entropy_weights(df, b), mcdm.merec_weights(df, b), data.draw(st.floats(0, 1)))
    assert (bl >= 0).all() and bl.sum() == pytest.approx(1.0)


def test_topsis_matches_hand_worked_example():
    X = pd.DataFrame({"price": [250.0, 200.0, 300.0], "quality": [16.0, 16.0, 32.0], "speed": [12.0, 8.0, 16.0]},
                     index=["A", "B", "C"])
    b = {"price": False, "quality": True, "speed": True}
    w = np.array([0.5, 0.3, 0.2])
    # Hwang & Yoon by hand: vector normalisation, weight, ideal = max (benefit) / min (cost)
    A = X.to_numpy()
    V = A / np.sqrt((A ** 2).sum(axis=0)) * w
    ideal = np.array([V[:, 0].min(), V[:, 1].max(), V[:, 2].max()])
    anti = np.array([V[:, 0].max(), V[:, 1].min(), V[:, 2].min()])
    dp = np.sqrt(((V - ideal) ** 2).sum(axis=1))
    dm = np.sqrt(((V - anti) ** 2).sum(axis=1))
    C = dm / (dp + dm)
    res = mcdm.topsis(X, dict(zip(X.columns, w)), b)
    np.testing.assert_allclose(res["score"].to_numpy(), C)
    np.testing.assert_allclose(res["d_plus"].to_numpy(), dp)
    np.testing.assert_allclose(res["d_minus"].to_numpy(), dm)
    expected_rank = pd.Series(-C).rank(method="min").astype(int).tolist()
    assert res["rank"].tolist() == expected_rank
    # weights on another scale give the same result
    pd.testing.assert_frame_equal(mcdm.topsis(X, {"price": 5, "quality": 3, "speed": 2}, b), res)


def test_weighted_sum_and_normalisations():
    X = pd.DataFrame({"va": [2.0, 4.0, 8.0], "risk": [1.0, 2.0, 4.0]}, index=["C10", "C20", "C28"])
    b = {"va": True, "risk": False}
    r = mcdm.normalise_matrix(X, b, method="vector")
    v = X["risk"] / np.sqrt((X["risk"] ** 2).sum())
    np.testing.assert_allclose(r["risk"], 1 - v)
    res = mcdm.weighted_sum(X, {"va": 1, "risk": 1}, b, normalisation="max")
    np.testing.assert_allclose(res["score"], [(0.25 + 1) / 2, (0.5 + 0.5) / 2, (1 + 0.25) / 2])
    assert res["rank"].tolist() == [1, 3, 1]                     # ties share the best rank
    # min-max accepts signed data
    signed = X.assign(growth=[-2.0, 0.0, 3.0])
    out = mcdm.weighted_sum(signed, {"va": 1, "risk": 1, "growth": 1}, {**b, "growth": True})
    assert out["score"].between(0, 1).all()


@pytest.mark.parametrize("method", ["weighted_sum", "topsis"])
@pytest.mark.parametrize("mode", ["relative", "points"])
def test_zero_perturbation_returns_base_ranking(method, mode):
    w = {"C1": 0.3, "C2": 0.2, "C3": 0.4, "C4": 0.1}
    base = (mcdm.weighted_sum if method == "weighted_sum" else mcdm.topsis)(PAPER, w, PAPER_B)
    rs = mcdm.rank_sensitivity(PAPER, w, PAPER_B, method=method, mode=mode)
    assert list(rs.columns) == ["criterion", "change", "weight", "alternative", "score", "rank"]
    assert len(rs) == 4 * 5 * 5
    for c in PAPER.columns:
        z = rs[(rs.criterion == c) & (rs.change == 0.0)].set_index("alternative")
        assert z["rank"].tolist() == base["rank"].tolist()
        np.testing.assert_allclose(z["score"].to_numpy(), base["score"].to_numpy())
        assert z["weight"].iloc[0] == pytest.approx(w[c])
    ri = mcdm.rank_interval(PAPER, w, PAPER_B, noise=0.0, n=50, method=method)
    assert ri["rank"].tolist() == base["rank"].tolist()
    assert (ri["rank_p05"] == ri["rank"]).all() and (ri["rank_p95"] == ri["rank"]).all()


def test_sensitivity_weights_keep_sum_one():
    w = {"C1": 0.3, "C2": 0.2, "C3": 0.4, "C4": 0.1}
    rs = mcdm.rank_sensitivity(PAPER, w, PAPER_B, steps=[0.1], mode="relative")
    assert rs.groupby("criterion")["weight"].first().to_dict() == pytest.approx(
        {"C1": 0.33, "C2": 0.22, "C3": 0.44, "C4": 0.11})
    rp = mcdm.rank_sensitivity(PAPER, w, PAPER_B, steps=[-0.1, 0.1], mode="points")
    assert rp.groupby(["criterion", "change"])["weight"].first()[("C4", -0.1)] == 0.0   # clipped at 0
    # scores with a changed weight equal a direct weighted sum with the rescaled weights
    new = {"C1": 0.4, "C2": 0.2 * 0.6 / 0.7, "C3": 0.4 * 0.6 / 0.7, "C4": 0.1 * 0.6 / 0.7}
    direct = mcdm.weighted_sum(PAPER, new, PAPER_B)
    got = rp[(rp.criterion == "C1") & np.isclose(rp.change, 0.1)].set_index("alternative")
    np.testing.assert_allclose(got["score"].to_numpy(), direct["score"].to_numpy())


def test_rank_interval_noise():
    w = {"C1": 0.3, "C2": 0.2, "C3": 0.4, "C4": 0.1}
    for draw in ("uniform", "dirichlet"):
        ri = mcdm.rank_interval(PAPER, w, PAPER_B, noise=0.5, n=500, seed=3, draw=draw)
        assert list(ri.columns) == ["alternative", "score", "rank", "rank_p05", "rank_median", "rank_p95",
                                    "rank_share"]
        assert (ri["rank_p05"] <= ri["rank_median"]).all() and (ri["rank_median"] <= ri["rank_p95"]).all()
        assert ri["rank_share"].between(0, 1).all()
        pd.testing.assert_frame_equal(ri, mcdm.rank_interval(PAPER, w, PAPER_B, noise=0.5, n=500, seed=3,
                                                             draw=draw))


def test_blend():
    bl = mcdm.blend({"a": 60, "b": 40}, pd.Series({"b": 0.8, "a": 0.2}), 0.25)
    assert bl.to_dict() == pytest.approx({"a": 0.75 * 0.6 + 0.25 * 0.2, "b": 0.75 * 0.4 + 0.25 * 0.8})
    with pytest.raises(DataError) as e:
        mcdm.blend({"a": 1}, {"a": 1}, 1.5)
    assert e.value.key == "err_mcdm_share"
    with pytest.raises(DataError, match="'c'"):
        mcdm.blend({"a": 1, "b": 1}, {"a": 1, "c": 1}, 0.5)


GOOD = pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": [3.0, 1.0, 2.0]}, index=["p", "q", "r"])
B = {"x": True, "y": False}
W = {"x": 0.5, "y": 0.5}


@pytest.mark.parametrize("matrix,fn,key,names", [
    (GOOD.assign(x=[1.0, 0.0, 3.0]), mcdm.merec_weights, "err_mcdm_merec_nonpositive", ("q", "x")),
    (GOOD.assign(y=[3.0, -1.0, 2.0]), mcdm.merec_weights, "err_mcdm_merec_nonpositive", ("q", "y")),
    (GOOD.assign(y=[3.0, -1.0, 2.0]), mcdm.entropy_weights, "err_mcdm_negative", ("q", "y")),
    (GOOD.assign(y=[3.0, -1.0, 2.0]), lambda m, b: mcdm.topsis(m, W, b), "err_mcdm_negative", ("q", "y")),
    (GOOD.assign(y=[3.0, -1.0, 2.0]), mcdm.normalise_matrix, "err_mcdm_negative", ("q", "y")),
    (GOOD.assign(x=[1.0, np.nan, 3.0]), mcdm.merec_weights, "err_mcdm_missing_value", ("q", "x")),
    (GOOD.assign(x=[1.0, 2.0, np.inf]), mcdm.critic_weights, "err_mcdm_missing_value", ("r", "x")),
    (GOOD.assign(x=[1.0, "two", 3.0]), mcdm.entropy_weights, "err_mcdm_not_number", ("q", "x")),
    (GOOD.iloc[:1], mcdm.merec_weights, "err_mcdm_too_few", ()),
    (GOOD.iloc[:1], lambda m, b: mcdm.weighted_sum(m, W, b), "err_mcdm_too_few", ()),
    (GOOD.assign(z=[1.0, 2.0, 3.0]), mcdm.critic_weights, "err_mcdm_benefit_missing", ("z",)),
    (GOOD.to_numpy(), mcdm.entropy_weights, "err_mcdm_not_table", ()),
])
def test_bad_matrices(matrix, fn, key, names):
    with pytest.raises(DataError) as e:
        fn(matrix, B)
    assert e.value.key == key
    for name in names:
        assert repr(name) in str(e.value)


@pytest.mark.parametrize("weights,key,name", [
    ({"x": -0.1, "y": 1.0}, "err_mcdm_weight_bad", "x"),
    ({"x": 0.0, "y": 0.0}, "err_mcdm_weights_zero", None),
    ({"x": np.nan, "y": 1.0}, "err_mcdm_weight_bad", "x"),
    ({"x": 1.0}, "err_mcdm_weight_missing", "y"),
    ({"x": 1.0, "y": 1.0, "z": 1.0}, "err_mcdm_weight_unknown", "z"),
])
def test_bad_weights(weights, key, name):
    for fn in (mcdm.weighted_sum, mcdm.topsis, mcdm.rank_sensitivity, mcdm.rank_interval):
        with pytest.raises(DataError) as e:
            fn(GOOD, weights, B)
        assert e.value.key == key
        if name:
            assert repr(name) in str(e.value)


def test_bad_options_and_directions():
    with pytest.raises(DataError) as e:
        mcdm.normalise_matrix(GOOD, B, method="sum")
    assert e.value.key == "err_mcdm_unknown_option"
    with pytest.raises(DataError) as e:
        mcdm.merec_weights(GOOD, B, zeros="drop")
    assert e.value.key == "err_mcdm_unknown_option"
    with pytest.raises(DataError) as e:
        mcdm.weighted_sum(GOOD, W, {"x": True, "y": "cost"})
    assert e.value.key == "err_mcdm_benefit_type" and "'y'" in str(e.value)
    with pytest.raises(DataError) as e:
        mcdm.rank_interval(GOOD, W, B, noise=2)
    assert e.value.key == "err_mcdm_noise"
    with pytest.raises(DataError) as e:
        mcdm.rank_interval(GOOD, W, B, n=0)
    assert e.value.key == "err_mcdm_draws"
    with pytest.raises(DataError) as e:
        mcdm.rank_sensitivity(GOOD, W, B, steps=["a"])
    assert e.value.key == "err_mcdm_steps"
    with pytest.raises(DataError) as e:
        mcdm.merec_weights(pd.DataFrame({"x": [2.0, 2.0]}), None)
    assert e.value.key == "err_mcdm_no_spread"
    dup = pd.DataFrame([[1.0, 2.0], [2.0, 1.0]], index=["p", "p"], columns=["x", "y"])
    with pytest.raises(DataError) as e:
        mcdm.topsis(dup, W, B)
    assert e.value.key == "err_mcdm_duplicate"


def test_inputs_not_modified():
    X = PAPER.copy()
    mcdm.merec_weights(X, PAPER_B, zeros="shift")
    mcdm.rank_sensitivity(X, {c: 1 for c in X}, PAPER_B)
    pd.testing.assert_frame_equal(X, PAPER)
