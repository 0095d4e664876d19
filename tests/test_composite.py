"""kzclusters.composite: normalisation, composite index, letter grades, weight uncertainty.

Every expected number is hand-worked (the arithmetic is in the docstring), an
independent numpy recomputation of the textbook formula (never a call to the
function under test), a published pin from seed 003 («ICT clusters in
Kazakhstan's regions: innovation-development index and modified Krugman
specialisation index», formulas 1-4 and Table 1, as transcribed in the spec
``cluster_potential_and_ict.md`` §1.2, §3.5 and §4.2), a convention of the
OECD/JRC Handbook and COINr (``conventions.md`` §3c), or an exact probability
worked out by hand.  No test is timed: ``bench/bench_composite.py`` times the
Monte Carlo.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from kzclusters import DataError
from kzclusters import composite as cp
from kzclusters import data as kzdata

TOL = 1e-9
SIX = ["J_A", "J_B", "J_C", "J_D", "J_E", "J_F"]
S3T1 = "seed003_t1_innovation_index"


# ---------------------------------------------------------------- helpers


def to_long(mat: np.ndarray, indicators=None, year: int = 2016, regions=None) -> pd.DataFrame:
    """regions x indicators matrix -> long ``region, year, indicator, value``."""
    n_r, n_k = mat.shape
    indicators = indicators or [f"I{k}" for k in range(n_k)]
    regions = regions or [f"R{i:02d}" for i in range(n_r)]
    return pd.DataFrame({"region": np.repeat(regions, n_k), "year": year,
                         "indicator": np.tile(indicators, n_r), "value": mat.ravel().astype(float)})


def leader_matrix(mat: np.ndarray) -> np.ndarray:
    """Seed 003 formula (1) by hand: J = 100 x / max_r x, column by column."""
    return 100.0 * mat / mat.max(axis=0)


def index_of(res) -> np.ndarray:
    return res.index["index"].to_numpy()


def synthetic(n_regions=16, seed=7, years=(2016,)) -> pd.DataFrame:
    """A fixed positive six-indicator table in seed 003's layout (lognormal, seeded)."""
    rng = np.random.default_rng(seed)
    return pd.concat([to_long(rng.lognormal(0.0, 0.6, size=(n_regions, 6)), SIX, year=y) for y in years],
                     ignore_index=True)


positive = arrays(np.float64, st.tuples(st.integers(2, 8), st.just(6)), elements=st.floats(1.0, 1e6))
SEED003 = dict(groups=cp.SEED003_GROUPS, group_weights=cp.SEED003_GROUP_WEIGHTS)


# ---------------------------------------------------------------- seed 003, Table 1 (published)


def table1() -> pd.DataFrame:
    t = kzdata.load(S3T1)
    assert len(t) == 32
    return t


def test_seed003_table1_all_32_grades_reproduced_by_default_scale():
    """Seed 003, Table 1 (aggregated innovation-development index and grade of 16 regions, 2010 and 2016;
    spec §3.5): the default scale C < 20 <= C+ < 30 <= C++ < 40 <= B < 50 <= B+ < 60 <= A (spec §1.2,
    inferred) gives the printed grade for all 32 printed indices."""
    t = table1()
    got = cp.grade(t["value"])
    assert isinstance(got, pd.Series) and got.index.equals(t.index)
    wrong = t[got.to_numpy() != t["grade"].to_numpy()]
    assert wrong.empty, wrong
    assert cp.GRADE_LABELS == ("C", "C+", "C++", "B", "B+", "A")


def test_seed003_grade_counts_c_9_to_3():
    """Seed 003 text, spec §4.2 row 13 ("more regions moved from C into C+/C++/B"): the grades that
    :func:`grade` gives to Table 1 count C 9 -> 3, C+ 4 -> 7, C++ 2 -> 2, B 0 -> 1, B+ 1 -> 2, A 0 -> 1."""
    t = table1().assign(g=lambda d: cp.grade(d["value"]))
    counts = (t.groupby("year")["g"].value_counts().unstack(fill_value=0)
              .reindex(columns=list(cp.GRADE_LABELS), fill_value=0))
    assert counts.loc[2010].tolist() == [9, 4, 2, 0, 1, 0]
    assert counts.loc[2016].tolist() == [3, 7, 2, 1, 2, 1]


def test_seed003_zones_named_in_the_text():
    """Seed 003 text vs Table 1, spec §4.2 rows 14-15: the 2016 "zone B" regions Astana (printed Nursultan),
    Mangystau and Atyrau grade B+, B+, B and Almaty city A; the "zone C" regions Kostanay, East Kazakhstan and
    Pavlodar grade C+, C++, C+, i.e. the C *family*, not the grade C (the text's wording is loose)."""
    y16 = table1().query("year == 2016").set_index("region")["value"]
    g = cp.grade(y16)
    assert g[["AST", "MNG", "ATY", "ALA"]].tolist() == ["B+", "B+", "B", "A"]
    zone_c = g[["KST", "VKO", "PVL"]]
    assert zone_c.tolist() == ["C+", "C++", "C+"]
    assert all(s.startswith("C") for s in zone_c) and "C" not in zone_c.tolist()


@pytest.mark.parametrize("boundary,fits,breaks", [
    (0, 21.56, 18.70),      # C -> C+: (18.70, 21.56]
    (1, 30.28, 29.30),      # C+ -> C++: (29.30, 30.28]
    (2, 46.49, 34.94),      # C++ -> B: (34.94, 46.49]
    (3, 51.83, 46.49),      # B -> B+: (46.49, 51.83]
    (4, 76.05, 57.83),      # B+ -> A: (57.83, 76.05]
])
def test_seed003_cutoff_intervals_are_tight(boundary, fits, breaks):
    """Spec §1.2, "Symbolic-scale thresholds inferred from all 32 published pairs": a cut-off t (upper grade
    if I >= t) reproduces Table 1 iff it lies in (highest lower-grade index, lowest upper-grade index]. So t
    at the upper end still gives 32 of 32 (a value equal to the cut gets the upper grade) and t at the lower
    end gives exactly one wrong grade (that region moves up)."""
    t = table1()
    cuts = list(cp.GRADE_CUTS)
    cuts[boundary] = fits
    assert (cp.grade(t["value"], cuts=cuts).to_numpy() == t["grade"].to_numpy()).all()
    cuts[boundary] = breaks
    assert (cp.grade(t["value"], cuts=cuts).to_numpy() != t["grade"].to_numpy()).sum() == 1


def test_seed003_a_cutoff_70_fits_too():
    """Spec §1.2 and §6: moving the A cut-off from 60 to 70 also reproduces 32 of 32 grades of Table 1; 80
    does not (Almaty city 2016, 76.05, is the only A)."""
    t = table1()
    assert (cp.grade(t["value"], cuts=(20, 30, 40, 50, 70)).to_numpy() == t["grade"].to_numpy()).all()
    assert (cp.grade(t["value"], cuts=(20, 30, 40, 50, 80)).to_numpy() != t["grade"].to_numpy()).sum() == 1


def test_seed003_almaty_share_of_potential_is_the_papers_error():
    """Seed 003 text vs Table 1, spec §4.2 row 12 (recorded as the paper's error): the text says Almaty city
    holds about 18.4 % of the "national potential" in 2016, but 76.05 / 522.79 = 14.55 % of the 2016
    column (15.05 % in 2010: 51.93 / 345.11); neither year's share is 18.4 %."""
    t = table1()
    sums = t.groupby("year")["value"].sum()
    assert sums[2016] == pytest.approx(522.79) and sums[2010] == pytest.approx(345.11)
    ala = t[t["region"] == "ALA"].set_index("year")["value"]
    share = 100 * ala / sums
    assert round(share[2016], 2) == 14.55 and round(share[2010], 2) == 15.05
    assert (abs(share - 18.4) > 3).all()


def test_seed003_table1_fits_the_mean_not_the_sum():
    """Spec §1.2 ("Sum or mean?"), recomputed from Table 1 alone. Sum hypothesis: every indicator leader would
    score >= 50, yet in 2010 only Almaty city does, and it cannot lead all six (that would give 300, not
    51.93): rejected. Mean hypothesis: a region leading k of the six indicators has I >= 100k/6 = 16.67k; nine
    regions reach 16.67 in 2010 (together they could lead up to 12 >= 6 indicators) and all but Kyzylorda in
    2016; Almaty city can lead at most 3 (2010) and 4 (2016)."""
    t = table1()
    y10 = t[t["year"] == 2010].set_index("region")["value"]
    y16 = t[t["year"] == 2016].set_index("region")["value"]
    assert (y10 >= 50).sum() == 1 and y10.idxmax() == "ALA" and y10.max() < 300
    step = 100 / 6
    assert sorted(y10[y10 >= step].index) == sorted(["AKT", "ATY", "KRG", "KST", "KZL", "PVL", "YKO", "AST",
                                                       "ALA"])
    assert np.floor(y10 / step).sum() == 12
    assert list(y16[y16 < step].index) == ["KZL"]
    assert np.floor(y10["ALA"] / step) == 3 and np.floor(y16["ALA"] / step) == 4


@given(positive)
@settings(deadline=None, max_examples=60)
def test_seed003_scheme_leader_of_k_indicators_scores_at_least_100k_over_6(mat):
    """Spec §1.2 (mean hypothesis) turned into a property of our implementation of seed 003's scheme (formulas
    1-4): every leader of an indicator scores 100 on it, so a region leading k of the six indicators has
    I >= 100k/6; and I = (J_D+J_E+J_F)/6 + (J_A+J_B+J_C)/6 (mean of the six, recomputed with numpy)."""
    res = cp.composite_index(to_long(mat, SIX), **SEED003)
    J = leader_matrix(mat)
    np.testing.assert_allclose(index_of(res), J.mean(axis=1), rtol=1e-12)
    led = (mat == mat.max(axis=0)).sum(axis=1)
    assert (index_of(res) >= 100 * led / 6 - TOL).all()


def test_seed003_scheme_groups_and_index_by_hand():
    """Seed 003 formulas (1)-(4) on a hand-worked table of 2 regions: A = (10, 10, 10 | 1, 1, 1) and
    B = (5, 5, 5 | 4, 4, 4) on (J_D, J_E, J_F | J_A, J_B, J_C). A leads IS (J = 100) and scores 25 on IA;
    B scores 50 on IS and leads IA (100). I_A = 0.5*100 + 0.5*25 = 62.5, I_B = 0.5*50 + 0.5*100 = 75."""
    mat = np.array([[1, 1, 1, 10, 10, 10], [4, 4, 4, 5, 5, 5]], dtype=float)
    res = cp.composite_index(to_long(mat, SIX, regions=["A", "B"]), **SEED003)
    g = res.groups.set_index(["region", "group"])["score"]
    assert g[("A", "IS")] == pytest.approx(100) and g[("A", "IA")] == pytest.approx(25)
    assert g[("B", "IS")] == pytest.approx(50) and g[("B", "IA")] == pytest.approx(100)
    assert index_of(res) == pytest.approx([62.5, 75.0], abs=TOL)
    assert res.index["rank"].tolist() == [2, 1] and res.index["region"].tolist() == ["A", "B"]
    w = res.weights.set_index("indicator")
    assert w["weight"].to_numpy() == pytest.approx([1 / 3] * 6)
    assert w["effective"].to_numpy() == pytest.approx([1 / 6] * 6)
    assert list(res.groups.columns) == ["region", "year", "group", "score"]
    assert list(res.index.columns) == ["region", "year", "index", "rank"]


# ---------------------------------------------------------------- normalisation


def test_leader_scores_100_on_its_indicator_per_year():
    """Seed 003 formula (1): I_R = X_R / X_max x 100 within each year; the leader of each indicator in each
    year scores exactly 100. Hand-worked: 2010 x = (2, 8, 4) -> 25, 100, 50; 2016 x = (9, 3, 6) ->
    100, 33.33, 66.67."""
    df = pd.DataFrame({"region": list("ABC") * 2, "year": [2010] * 3 + [2016] * 3, "indicator": "x",
                       "value": [2.0, 8.0, 4.0, 9.0, 3.0, 6.0]})
    out = cp.normalise(df)
    assert list(out.columns) == ["region", "year", "indicator", "score"]
    assert out["score"].to_numpy() == pytest.approx([25, 100, 50, 100, 100 / 3, 200 / 3])
    assert out.groupby("year")["score"].max().tolist() == [100.0, 100.0]


def test_lower_is_better_direction():
    """Lower-is-better indicators use min / x x 100 (COINr ``directions = -1``): for a cost (2, 8, 4) the
    lowest, A, scores 100, B 2/8 = 25, C 2/4 = 50; for minmax the scale flips (A 100, B 0, C 66.67).
    A best value of 0 scores 100 and every other value 0 (no 0/0)."""
    df = pd.DataFrame({"region": list("ABC"), "year": 2016, "indicator": "cost", "value": [2.0, 8.0, 4.0]})
    assert cp.normalise(df, direction={"cost": -1})["score"].tolist() == [100.0, 25.0, 50.0]
    mm = cp.normalise(df, "minmax", direction={"cost": -1})["score"].to_numpy()
    assert mm == pytest.approx([100.0, 0.0, 200 / 3])
    zero = df.assign(value=[0.0, 8.0, 4.0])
    assert cp.normalise(zero, direction={"cost": -1})["score"].tolist() == [100.0, 0.0, 0.0]


@given(arrays(np.float64, st.tuples(st.integers(2, 12), st.integers(1, 4)), elements=st.floats(-1e6, 1e6)))
@settings(deadline=None, max_examples=60)
def test_minmax_in_0_100(mat):
    """Min-max normalisation (OECD/JRC Handbook; COINr ``n_minmax(l_u = c(0, 100))``): every score lies in
    [0, 100], and where an indicator has any spread its minimum scores 0 and its maximum 100; no spread
    gives NaN."""
    out = cp.normalise(to_long(mat), "minmax")
    s = out["score"].to_numpy().reshape(mat.shape)
    for k in range(mat.shape[1]):
        col = s[:, k]
        if mat[:, k].max() > mat[:, k].min():
            assert ((col >= -TOL) & (col <= 100 + TOL)).all()
            assert col[np.argmin(mat[:, k])] == pytest.approx(0)
            assert col[np.argmax(mat[:, k])] == pytest.approx(100)
        else:
            assert np.isnan(col).all()


@given(arrays(np.float64, st.tuples(st.integers(3, 12), st.integers(1, 4)), elements=st.floats(-1e3, 1e3)))
@settings(deadline=None, max_examples=60)
def test_zscore_mean_zero_sd_one(mat):
    """z-scores (COINr ``n_zscore``; sample sd, ddof = 1): per indicator and year the mean is 0 and the sd 1,
    and the score equals (x - mean) / sd recomputed with numpy."""
    assume((mat.std(axis=0) > 1e-6 * (1 + np.abs(mat).max())).all())
    s = cp.normalise(to_long(mat), "zscore")["score"].to_numpy().reshape(mat.shape)
    np.testing.assert_allclose(s.mean(axis=0), 0.0, atol=1e-9)
    np.testing.assert_allclose(s.std(axis=0, ddof=1), 1.0, rtol=1e-9)
    np.testing.assert_allclose(s, (mat - mat.mean(axis=0)) / mat.std(axis=0, ddof=1), rtol=1e-9, atol=1e-9)


def test_pooled_and_per_year_differ_when_the_leader_changes():
    """conventions.md §3c: say whether the leader is fixed within a year or pooled over all years (the EIS
    pools). Hand-worked: 2010 A 10, B 4; 2016 A 2, B 5. Per year: 2010 A 100, B 40; 2016 A 40, B 100.
    Pooled (leader = A 2010 = 10): A 100, B 40, A 20, B 50 -- the 2016 leader no longer scores 100."""
    df = pd.DataFrame({"region": ["A", "B", "A", "B"], "year": [2010, 2010, 2016, 2016], "indicator": "x",
                       "value": [10.0, 4.0, 2.0, 5.0]})
    assert cp.normalise(df)["score"].tolist() == [100.0, 40.0, 40.0, 100.0]
    assert cp.normalise(df, pooled=True)["score"].tolist() == [100.0, 40.0, 20.0, 50.0]
    # the same for minmax: per year 100, 0, 0, 100; pooled (min 2, max 10) 100, 25, 0, 37.5
    assert cp.normalise(df, "minmax")["score"].tolist() == [100.0, 0.0, 0.0, 100.0]
    assert cp.normalise(df, "minmax", pooled=True)["score"].tolist() == [100.0, 25.0, 0.0, 37.5]
    res = cp.composite_index(df, {"G": ["x"]}, pooled=True)
    assert res.method["pooled"] is True and index_of(res).tolist() == [100.0, 40.0, 20.0, 50.0]


def test_rank_and_percentile_with_ties():
    """Rank: competition ranking, 1 = best, ties share the best rank (x = 5, 9, 5, 1 -> 2, 1, 2, 4).
    Percentile (COINr ``n_prank`` x 100): share of the other regions strictly worse,
    (1, 3, 1, 0) / 3 x 100."""
    df = pd.DataFrame({"region": list("ABCD"), "year": 2016, "indicator": "x", "value": [5.0, 9.0, 5.0, 1.0]})
    assert cp.normalise(df, "rank")["score"].tolist() == [2.0, 1.0, 2.0, 4.0]
    assert cp.normalise(df, "percentile")["score"].to_numpy() == pytest.approx([100 / 3, 100, 100 / 3, 0])
    assert cp.normalise(df, "rank", direction={"x": -1})["score"].tolist() == [2.0, 4.0, 2.0, 1.0]


def test_nan_handling_and_degenerate_indicators():
    """Documented NaN rules: a missing value stays NaN and takes no part in finding the leader (B 8 leads
    although C is NaN); an all-zero higher-is-better indicator has no leader -> NaN; a single region is its
    own leader (100) but has no spread (minmax NaN)."""
    df = pd.DataFrame({"region": list("ABC"), "year": 2016, "indicator": "x", "value": [2.0, 8.0, np.nan]})
    s = cp.normalise(df)["score"].to_numpy()
    assert s[:2].tolist() == [25.0, 100.0] and np.isnan(s[2])
    zeros = df.assign(value=0.0)
    assert cp.normalise(zeros)["score"].isna().all()
    one = df.iloc[:1]
    assert cp.normalise(one)["score"].tolist() == [100.0]
    assert cp.normalise(one, "minmax")["score"].isna().all()


def test_inputs_not_mutated():
    """House style (style.md §3.2): functions return new frames and never change their inputs (table,
    groups, weights, direction)."""
    df = synthetic(6)
    before = df.copy()
    groups = {"IS": ["J_D", "J_E", "J_F"], "IA": ["J_A", "J_B", "J_C"]}
    weights = {k: 2.0 for k in SIX}
    gw = {"IS": 3, "IA": 1}
    direction = {"J_A": -1}
    snap = (repr(groups), repr(weights), repr(gw), repr(direction))
    cp.normalise(df, direction=direction)
    res = cp.composite_index(df, groups, weights, group_weights=gw, direction=direction)
    cp.weight_uncertainty(df, groups, weights, group_weights=gw, direction=direction, n=50)
    pd.testing.assert_frame_equal(df, before)
    assert (repr(groups), repr(weights), repr(gw), repr(direction)) == snap
    with pytest.raises(dataclasses.FrozenInstanceError):
        res.index = None


# ---------------------------------------------------------------- composite properties


@given(positive, st.lists(st.floats(0, 100), min_size=6, max_size=6), st.floats(0.01, 100),
       st.floats(0.01, 100))
@settings(deadline=None, max_examples=60)
def test_weights_normalised(mat, raw, g1, g2):
    """Raw importances are accepted and normalised (style.md §3.4, COINr weights): indicator weights sum to 1
    within each group, group weights sum to 1, effective weights sum to 1, and each is proportional to its
    raw importance; the index equals sum_k v_g(k) w_k J_k recomputed with numpy."""
    assume(sum(raw[:3]) > 0 and sum(raw[3:]) > 0)
    groups = {"G1": SIX[:3], "G2": SIX[3:]}
    res = cp.composite_index(to_long(mat, SIX), groups, dict(zip(SIX, raw)),
                             group_weights={"G1": g1, "G2": g2})
    w = res.weights
    assert w.groupby("group")["weight"].sum().to_numpy() == pytest.approx([1, 1])
    assert w.drop_duplicates("group")["group_weight"].sum() == pytest.approx(1)
    assert w["effective"].sum() == pytest.approx(1)
    expected_w = np.r_[np.array(raw[:3]) / sum(raw[:3]), np.array(raw[3:]) / sum(raw[3:])]
    expected_v = np.array([g1, g1, g1, g2, g2, g2]) / (g1 + g2)
    np.testing.assert_allclose(w["weight"], expected_w, rtol=1e-12)
    np.testing.assert_allclose(index_of(res), leader_matrix(mat) @ (expected_w * expected_v), rtol=1e-9)


@given(positive, st.data(), st.sampled_from(["leader", "minmax"]))
@settings(deadline=None, max_examples=80)
def test_raising_a_value_never_lowers_own_score(mat, data, method):
    """Monotonicity (style.md §3.6; OECD/JRC Handbook): under arithmetic aggregation with positive weights,
    raising region r's value on one indicator never lowers r's own index. With leader normalisation within a
    year raising the leader raises the max and LOWERS the others' scores, so only r's own score is
    guaranteed not to fall -- and no other region's score can rise."""
    if method == "minmax":
        assume((mat.max(axis=0) > mat.min(axis=0)).all())     # no spread -> NaN (documented)
    n_r = mat.shape[0]
    r = data.draw(st.integers(0, n_r - 1))
    k = data.draw(st.integers(0, 5))
    bump = data.draw(st.floats(0.0, 1e6))
    raw = data.draw(st.lists(st.floats(0.1, 10), min_size=6, max_size=6))
    groups = {"G1": SIX[:2], "G2": SIX[2:]}
    weights = dict(zip(SIX, raw))
    before = index_of(cp.composite_index(to_long(mat, SIX), groups, weights, normalisation=method))
    mat2 = mat.copy()
    mat2[r, k] += bump
    after = index_of(cp.composite_index(to_long(mat2, SIX), groups, weights, normalisation=method))
    assume(not np.isnan(after).any())     # raising the unique minimum to the others' level ends the spread
    assert after[r] >= before[r] - 1e-9
    others = np.arange(n_r) != r
    assert (after[others] <= before[others] + 1e-9).all()


def test_raising_the_leader_lowers_the_others():
    """Companion to the monotonicity property (hand-worked, seed 003 formula 1): A leads x with 10, B has 5
    (B scores 50). Raising A to 20 keeps A at 100 but B falls to 25 -- so 'nobody else changes' is NOT a
    property of leader normalisation."""
    df = pd.DataFrame({"region": ["A", "B"], "year": 2016, "indicator": "x", "value": [10.0, 5.0]})
    assert index_of(cp.composite_index(df, {"G": ["x"]})).tolist() == [100.0, 50.0]
    assert index_of(cp.composite_index(df.assign(value=[20.0, 5.0]), {"G": ["x"]})).tolist() == [100.0, 25.0]


@given(positive, st.integers(0, 5), st.floats(1e-3, 1e3), st.sampled_from(["leader", "minmax"]))
@settings(deadline=None, max_examples=60)
def test_index_invariant_to_scaling_an_indicator(mat, k, c, method):
    """Ratio-to-leader x / max and min-max (x - min) / (max - min) are unit-free (OECD/JRC Handbook §5), so
    rescaling one indicator (e.g. tenge -> thousand tenge) leaves every index unchanged."""
    a = index_of(cp.composite_index(to_long(mat, SIX), cp.SEED003_GROUPS, normalisation=method))
    mat2 = mat.copy()
    mat2[:, k] *= c
    b = index_of(cp.composite_index(to_long(mat2, SIX), cp.SEED003_GROUPS, normalisation=method))
    np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-9)


@given(positive)
@settings(deadline=None, max_examples=60)
def test_equal_weights_reproduce_a_plain_mean(mat):
    """Spec §1.2 conclusion: with equal indicator weights, groups of equal size and equal group weights the
    index is the plain mean of all normalised indicators (seed 003: (J_D+...+J_C)/6); with one group it is the
    plain mean of its indicators. Groups of unequal size (2 + 4) with group weights 0.5/0.5 give each
    indicator of the small group 1/4 and of the large 1/8 instead."""
    J = leader_matrix(mat)
    df = to_long(mat, SIX)
    np.testing.assert_allclose(index_of(cp.composite_index(df, cp.SEED003_GROUPS)), J.mean(axis=1),
                               rtol=1e-12)
    np.testing.assert_allclose(index_of(cp.composite_index(df, {"all": SIX})), J.mean(axis=1), rtol=1e-12)
    uneq = cp.composite_index(df, {"small": SIX[:2], "large": SIX[2:]})
    np.testing.assert_allclose(index_of(uneq), J @ np.r_[[1 / 4] * 2, [1 / 8] * 4], rtol=1e-12)


@given(positive, st.lists(st.floats(0.1, 10), min_size=6, max_size=6))
@settings(deadline=None, max_examples=60)
def test_geometric_at_most_arithmetic(mat, raw):
    """AM-GM (OECD/JRC Handbook §6; COINr ``a_gmean``): the weighted geometric mean never exceeds the
    weighted arithmetic mean, at group and at index level; the geometric index equals
    exp(sum_k e_k ln J_k) recomputed with numpy."""
    df = to_long(mat, SIX)
    weights = dict(zip(SIX, raw))
    ar = cp.composite_index(df, cp.SEED003_GROUPS, weights)
    ge = cp.composite_index(df, cp.SEED003_GROUPS, weights, aggregation="geometric")
    assert (index_of(ge) <= index_of(ar) * (1 + 1e-12)).all()
    assert (ge.groups["score"].to_numpy() <= ar.groups["score"].to_numpy() * (1 + 1e-12)).all()
    e = ar.weights.set_index("indicator").loc[SIX, "effective"].to_numpy()
    np.testing.assert_allclose(index_of(ge), np.exp(np.log(leader_matrix(mat)) @ e), rtol=1e-9)


def test_missing_values_propagate_or_skip():
    """Missing-value rule (documented; COINr ``a_amean`` skips NA and renormalises): region B lacks J_A.
    propagate: B's IA group and index are NaN and B is not ranked. skip: IA of B is the mean of J_B and J_C
    only. Hand-worked with A = 10 on everything and B = 5 (J_A missing): all of B's scores are 50, so B's
    skip index is 50 and A's 100."""
    df = to_long(np.array([[10.0] * 6, [5.0] * 6]), SIX, regions=["A", "B"])
    df.loc[(df["region"] == "B") & (df["indicator"] == "J_A"), "value"] = np.nan
    prop = cp.composite_index(df, cp.SEED003_GROUPS)
    assert index_of(prop)[0] == pytest.approx(100.0) and np.isnan(index_of(prop)[1])
    assert prop.index["rank"].iloc[0] == 1 and prop.index["rank"].isna().iloc[1]
    g = prop.groups.set_index(["region", "group"])["score"]
    assert g[("B", "IS")] == pytest.approx(50.0) and np.isnan(g[("B", "IA")])
    skip = cp.composite_index(df, cp.SEED003_GROUPS, missing="skip")
    assert index_of(skip) == pytest.approx([100.0, 50.0])
    assert skip.index["rank"].tolist() == [1, 2]
    # skip renormalises within the group: with J_B = 5 -> 50 and J_C = 1 -> 10 for B, IA_B = (50 + 10) / 2
    df2 = df.copy()
    df2.loc[(df2["region"] == "B") & (df2["indicator"] == "J_C"), "value"] = 1.0
    g2 = cp.composite_index(df2, cp.SEED003_GROUPS, missing="skip").groups.set_index(["region", "group"])
    assert g2.loc[("B", "IA"), "score"] == pytest.approx(30.0)
    # a zero weight excludes the indicator, so its gap no longer matters
    w = {k: (0 if k == "J_A" else 1) for k in SIX}
    assert index_of(cp.composite_index(df, cp.SEED003_GROUPS, w)) == pytest.approx([100.0, 50.0])


def test_ties_share_the_best_rank():
    """Competition ranking (1 = highest, ties share the best rank: 1, 1, 3), as pandas ``rank(method="min")``:
    regions A and B have identical values, C is lower. Identical regions stay tied in every weight draw, so
    both keep rank 1 with a zero-width interval."""
    mat = np.array([[4.0, 2.0, 3.0, 5.0, 1.0, 2.0], [4.0, 2.0, 3.0, 5.0, 1.0, 2.0], [1.0] * 6])
    df = to_long(mat, SIX, regions=["A", "B", "C"])
    res = cp.composite_index(df, cp.SEED003_GROUPS)
    assert res.index["rank"].tolist() == [1, 1, 3]
    by_pandas = res.index["index"].rank(method="min", ascending=False).astype(int)
    assert res.index["rank"].tolist() == by_pandas.tolist()
    wu = cp.weight_uncertainty(df, cp.SEED003_GROUPS, noise=0.5, n=500)
    assert wu[["rank_p05", "rank_p95"]].values.tolist() == [[1.0, 1.0], [1.0, 1.0], [3.0, 3.0]]


def test_indicators_outside_the_groups_are_ignored_and_listed():
    """Spec §6 ("Indicators in IS / IA: add/remove"): an indicator of the table in no group takes no part and
    is listed in ``method['unused_indicators']``."""
    extra = to_long(np.arange(1, 6, dtype=float)[:, None], ["extra"])
    df = pd.concat([synthetic(5), extra], ignore_index=True)
    a = cp.composite_index(df, cp.SEED003_GROUPS)
    b = cp.composite_index(synthetic(5), cp.SEED003_GROUPS)
    np.testing.assert_allclose(index_of(a), index_of(b))
    assert a.method["unused_indicators"] == ("extra",)
    assert set(a.normalised["indicator"]) == set(SIX)


# ---------------------------------------------------------------- bad input


def test_negative_weight_rejected():
    """Weights must be >= 0 (COINr; style.md §3.4): a negative weight is a DataError that names it."""
    with pytest.raises(DataError, match=r"'J_A' is negative \(-1\)"):
        cp.composite_index(synthetic(4), cp.SEED003_GROUPS, {**{k: 1 for k in SIX}, "J_A": -1})
    with pytest.raises(DataError, match="group_weights.*'IA' is negative"):
        cp.composite_index(synthetic(4), cp.SEED003_GROUPS, group_weights={"IS": 1, "IA": -0.5})


def test_all_zero_weights_rejected():
    """All-zero weights cannot be normalised: DataError naming the group (indicator weights) or saying all
    group weights are zero."""
    w = {k: (0 if k in ("J_D", "J_E", "J_F") else 1) for k in SIX}
    with pytest.raises(DataError, match="all indicator weights in group 'IS' are zero"):
        cp.composite_index(synthetic(4), cp.SEED003_GROUPS, w)
    with pytest.raises(DataError, match="all group weights are zero"):
        cp.composite_index(synthetic(4), cp.SEED003_GROUPS, group_weights={"IS": 0, "IA": 0})


def test_unknown_indicator_in_groups_rejected():
    """A group naming an indicator that is not in the table (e.g. a typo) is a DataError that names it; so are
    an indicator in two groups, a weight for a name not in the groups and a missing weight."""
    with pytest.raises(DataError, match="not in the table: J_G"):
        cp.composite_index(synthetic(4), {"IS": ["J_D", "J_E", "J_F"], "IA": ["J_A", "J_B", "J_G"]})
    with pytest.raises(DataError, match="'J_A' is in two groups"):
        cp.composite_index(synthetic(4), {"IS": ["J_A", "J_E"], "IA": ["J_A", "J_B"]})
    with pytest.raises(DataError, match="not in the groups"):
        cp.composite_index(synthetic(4), cp.SEED003_GROUPS, {**{k: 1 for k in SIX}, "J_X": 1})
    with pytest.raises(DataError, match="no weight to J_F"):
        cp.composite_index(synthetic(4), cp.SEED003_GROUPS, {k: 1 for k in SIX[:5]})


def test_geometric_with_a_zero_names_region_year_indicator():
    """COINr ``a_gmean`` stops on values <= 0: the geometric mean of a zero is 0 whatever the other scores.
    Region R01 has J_C = 0 in 2016, so its leader score is 0 and the message names R01, 2016 and J_C."""
    df = synthetic(4)
    df.loc[(df["region"] == "R01") & (df["indicator"] == "J_C"), "value"] = 0.0
    with pytest.raises(DataError, match=r"region R01, year 2016, indicator J_C scores 0"):
        cp.composite_index(df, cp.SEED003_GROUPS, aggregation="geometric")
    with pytest.raises(DataError, match=r"region R01, year 2016, indicator J_C"):
        cp.weight_uncertainty(df, cp.SEED003_GROUPS, aggregation="geometric", n=10)
    # min-max gives the worst region 0, so it cannot be combined with geometric aggregation either
    with pytest.raises(DataError, match="geometric aggregation needs normalised scores > 0"):
        cp.composite_index(synthetic(4), cp.SEED003_GROUPS, normalisation="minmax", aggregation="geometric")
    assert index_of(cp.composite_index(df, cp.SEED003_GROUPS)).shape == (4,)   # arithmetic is fine


def test_single_region_is_its_own_leader():
    """Seed 003 formula (1) with one region: it is the leader of every indicator (100), so its index is 100,
    rank 1 and grade A; the Monte Carlo keeps rank 1 and grade A in every draw."""
    df = synthetic(1)
    res = cp.composite_index(df, cp.SEED003_GROUPS)
    assert index_of(res) == pytest.approx([100.0]) and res.index["rank"].tolist() == [1]
    assert cp.grade(res.index["index"]).tolist() == ["A"]
    wu = cp.weight_uncertainty(df, cp.SEED003_GROUPS, n=200)
    assert wu[["rank_p05", "rank_p95", "grade_share"]].values.tolist() == [[1.0, 1.0, 1.0]]


def test_other_bad_input():
    """DataError (never a bare KeyError or silent NaN) for: missing column, duplicate key, infinite value,
    negative value under the ratio to the leader, unknown method, 'rank' in a composite (1 = best runs the
    wrong way), a bad direction, empty groups."""
    df = synthetic(3)
    with pytest.raises(DataError, match="missing column"):
        cp.normalise(df.drop(columns="indicator"))
    with pytest.raises(DataError, match="duplicate key"):
        cp.normalise(pd.concat([df, df.iloc[:1]]))
    with pytest.raises(DataError, match="infinite"):
        cp.normalise(df.assign(value=np.r_[np.inf, df["value"].to_numpy()[1:]]))
    with pytest.raises(DataError, match="needs values >= 0.*region R00, year 2016, indicator J_A"):
        cp.normalise(df.assign(value=np.r_[-1.0, df["value"].to_numpy()[1:]]))
    signed = df.assign(value=np.r_[-1.0, df["value"].to_numpy()[1:]])
    assert cp.normalise(signed, "minmax")["score"].notna().all()
    with pytest.raises(DataError, match="unknown normalisation 'maxmin'"):
        cp.normalise(df, "maxmin")
    with pytest.raises(DataError, match="use 'percentile'"):
        cp.composite_index(df, cp.SEED003_GROUPS, normalisation="rank")
    with pytest.raises(DataError, match="unknown aggregation"):
        cp.composite_index(df, cp.SEED003_GROUPS, aggregation="harmonic")
    with pytest.raises(DataError, match="direction of 'J_A' is 2"):
        cp.normalise(df, direction={"J_A": 2})
    with pytest.raises(DataError, match="not in the table: J_Z"):
        cp.normalise(df, direction={"J_Z": -1})
    with pytest.raises(DataError, match="non-empty dict"):
        cp.composite_index(df, {})


def test_index_exactly_on_a_cut_gets_the_upper_grade():
    """Seed 003 scale (spec §1.2: upper grade if I >= t). Hand-worked: A leads J_A..J_C (100 each) and has
    2/10 of the leader on J_D..J_F (20 each), so I_A = (300 + 60) / 6 = 60 exactly -- grade A, although the
    floating-point mean is 59.99999999999999. B = (50 * 3 + 100 * 3) / 6 = 75 -> A. A value 1e-7 below a cut
    keeps the lower grade."""
    mat = np.array([[10, 10, 10, 2, 2, 2], [5, 5, 5, 10, 10, 10]], dtype=float)
    res = cp.composite_index(to_long(mat, SIX, regions=["A", "B"]), cp.SEED003_GROUPS)
    assert index_of(res) == pytest.approx([60.0, 75.0], abs=1e-12)
    assert cp.grade(res.index["index"]).tolist() == ["A", "A"]
    wu = cp.weight_uncertainty(to_long(mat, SIX, regions=["A", "B"]), cp.SEED003_GROUPS, noise=0, n=10)
    assert wu["grade"].tolist() == ["A", "A"] and wu["grade_share"].tolist() == [1.0, 1.0]
    assert cp.grade(60 - 1e-7) == "B+" and cp.grade(20.0) == "C+" and cp.grade(19.999) == "C"


def test_grade_cuts_validated():
    """User-editable cut-offs (spec §6: sliders for the five thresholds) must be strictly increasing and
    one fewer than the labels; otherwise DataError. NaN index -> no grade (None)."""
    with pytest.raises(DataError, match="strictly increasing"):
        cp.grade(35.0, cuts=(20, 40, 30, 50, 60))
    with pytest.raises(DataError, match="strictly increasing"):
        cp.grade(35.0, cuts=(20, 30, 30, 50, 60))
    with pytest.raises(DataError, match="5 cut-off"):
        cp.grade(35.0, labels=("C", "B", "A"))
    assert cp.grade(35.0, cuts=(50,), labels=("low", "high")) == "low"
    assert cp.grade(np.nan) is None
    assert cp.grade([np.nan, 60.0]).tolist() == [None, "A"]


# ---------------------------------------------------------------- weight uncertainty


@pytest.mark.parametrize("method", ["uniform", "dirichlet"])
@pytest.mark.parametrize("aggregation", ["arithmetic", "geometric"])
def test_noise_zero_gives_zero_width_and_full_stability(method, aggregation):
    """COINr ``get_sensitivity`` with NoiseFactor 0: every draw is the base index, so the 5-95 % rank interval
    has zero width at the base rank, the index quantiles equal the base index exactly, and every region keeps
    its grade in 100 % of draws. The base equals :func:`composite_index` (same rows, ranks and grades)."""
    df = synthetic(16, years=(2010, 2016))
    wu = cp.weight_uncertainty(df, cp.SEED003_GROUPS, None, noise=0.0, n=500, method=method,
                               aggregation=aggregation)
    res = cp.composite_index(df, cp.SEED003_GROUPS, aggregation=aggregation)
    pd.testing.assert_frame_equal(wu[["region", "year", "index", "rank"]], res.index)
    for q in ("rank_p05", "rank_median", "rank_p95"):
        assert (wu[q] == wu["rank"].astype(float)).all()
    for q in ("index_p05", "index_median", "index_p95"):
        assert (wu[q] == wu["index"]).all()
    assert (wu["grade_share"] == 1.0).all()
    assert wu["grade"].tolist() == cp.grade(res.index["index"]).tolist()


def test_reproducible_under_a_seed():
    """Seeded numpy Generator: the same seed gives the same numbers twice; another seed gives other numbers
    (with noise > 0); a Generator can be passed instead of a seed."""
    df = synthetic(16)
    a = cp.weight_uncertainty(df, cp.SEED003_GROUPS, noise=0.3, n=2000, seed=42)
    b = cp.weight_uncertainty(df, cp.SEED003_GROUPS, noise=0.3, n=2000, seed=42)
    c = cp.weight_uncertainty(df, cp.SEED003_GROUPS, noise=0.3, n=2000, seed=43)
    pd.testing.assert_frame_equal(a, b)
    assert not np.allclose(a["index_p05"], c["index_p05"])
    d = cp.weight_uncertainty(df, cp.SEED003_GROUPS, noise=0.3, n=2000, seed=np.random.default_rng(42))
    pd.testing.assert_frame_equal(a, d)


@pytest.mark.parametrize("method", ["uniform", "dirichlet"])
def test_noisy_interval_contains_base_rank(method):
    """Uncertainty analysis (OECD/JRC Handbook step 7; COINr RankStats): with ±25 % weight noise on a fixed
    16-region, 2-year table, the 5-95 % rank interval of every region contains its base rank, some intervals
    have positive width, grade shares lie in [0, 1] with some below 1, and the index interval contains the
    base index."""
    df = synthetic(16, seed=3, years=(2010, 2016))
    wu = cp.weight_uncertainty(df, cp.SEED003_GROUPS, noise=0.25, n=4000, seed=0, method=method)
    base = wu["rank"].astype(float)
    assert ((wu["rank_p05"] <= base) & (base <= wu["rank_p95"])).all(), wu
    assert (wu["rank_p95"] > wu["rank_p05"]).any()
    assert wu["grade_share"].between(0, 1).all() and (wu["grade_share"] < 1).any()
    assert ((wu["index_p05"] <= wu["index"]) & (wu["index"] <= wu["index_p95"])).all()
    assert set(wu.groupby("year")["rank"].max()) == {16}


def _beta_tail(a: float, x0: float, m: int = 200001) -> float:
    """P(V > x0) for V ~ Beta(a, a), by the trapezoid rule on the density (no scipy)."""
    x = np.linspace(x0, 1.0, m)[:-1]
    logc = math.lgamma(2 * a) - 2 * math.lgamma(a)
    f = np.exp(logc + (a - 1) * (np.log(x) + np.log1p(-x)))
    return float(np.trapezoid(f, x))


@pytest.mark.parametrize("method,expected", [
    # uniform: u1, u2 ~ U(0.4, 1.6); P(u1 > 1.5 u2) = (1/1.44) * int_0.4^(1.6/1.5) (1.6 - 1.5 u) du = 0.231481
    ("uniform", 1 - (1 / 1.44) * ((1.6 * 1.6 / 1.5 - 0.75 * (1.6 / 1.5) ** 2) - (1.6 * 0.4 - 0.75 * 0.16))),
    # dirichlet: v ~ Beta(a/2, a/2), a = 3*2/0.6^2 - 1 (documented concentration)
    ("dirichlet", 1 - _beta_tail((3 * 2 / 0.36 - 1) / 2, 0.6)),
])
def test_weight_noise_distribution_exact(method, expected):
    """The documented weight-noise schemes, checked against an exact probability. A = (x 10, y 2) and
    B = (x 5, y 8) in one-indicator groups: J_A = (100, 25), J_B = (50, 100), so with group weight v on x,
    I_A = 25 + 75 v and I_B = 100 - 50 v. On the scale cut at 70, A keeps its base grade ('low', 62.5) iff
    v < 0.6. Uniform (±60 %): v = u1 / (u1 + u2), P(v >= 0.6) = P(u1 >= 1.5 u2) = 0.2315 by hand.
    Dirichlet: v ~ Beta(a/2, a/2), a = 3 m / noise^2 - 1 = 15.67. 40,000 draws: 4 standard errors < 0.009."""
    ind = pd.DataFrame({"region": ["A", "A", "B", "B"], "year": 2016, "indicator": ["x", "y", "x", "y"],
                        "value": [10.0, 2.0, 5.0, 8.0]})
    wu = cp.weight_uncertainty(ind, {"G1": ["x"], "G2": ["y"]}, noise=0.6, n=40000, seed=5, method=method,
                               cuts=(70,), labels=("low", "high"))
    a = wu.set_index("region").loc["A"]
    assert a["grade"] == "low" and a["index"] == 62.5
    assert a["grade_share"] == pytest.approx(expected, abs=0.009)
    # A ranks first exactly when it leaves its base grade: P(rank 1) = 1 - share is between 5 % and 50 %,
    # so the 5th percentile of A's rank is 1 and its median and 95th percentile are 2 (B mirrors it)
    assert 0.1 < 1 - expected < 0.4
    assert a[["rank_p05", "rank_median", "rank_p95"]].tolist() == [1.0, 2.0, 2.0]
    b = wu.set_index("region").loc["B"]
    assert b[["rank_p05", "rank_median", "rank_p95"]].tolist() == [1.0, 1.0, 2.0]
    # A's index runs from 25 + 75 v: its 5-95 % interval lies within [25 + 75 * 0.2, 25 + 75 * 0.8]
    assert 40 < a["index_p05"] < 62.5 < a["index_p95"] < 85


def test_weight_uncertainty_bad_arguments():
    """DataError for noise outside [0, 1], a non-positive or non-integer number of draws, an unknown noise
    method and bad grade cut-offs."""
    df = synthetic(3)
    for kw, msg in [({"noise": -0.1}, "noise must be in"), ({"noise": 1.5}, "noise must be in"),
                    ({"n": 0}, "whole number >= 1"), ({"n": 10.5}, "whole number >= 1"),
                    ({"method": "normal"}, "unknown weight-noise method"),
                    ({"cuts": (30, 20, 40, 50, 60)}, "strictly increasing")]:
        with pytest.raises(DataError, match=msg):
            cp.weight_uncertainty(df, cp.SEED003_GROUPS, **kw)
