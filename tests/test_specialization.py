"""kzclusters.specialization: LQ, Krugman/Hoover, Herfindahl, locational Gini, strong clusters, portfolio.

Every expected number here is either hand-worked (the arithmetic is in the
docstring), an independent numpy recomputation of the textbook formula
(never a call to the function under test), a published pin (seed 000 and the
spec ``cluster_potential_and_ict.md`` section 2), or a convention of EconGeo
(Balland, R package 2.0) as summarised in ``conventions.md`` section 1.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from kzclusters import DataError
from kzclusters import data as kzdata
from kzclusters import registry
from kzclusters import specialization as sp

TOL = 1e-12


# ---------------------------------------------------------------- helpers


def long(rows: dict, year=None) -> pd.DataFrame:
    """{region: {sector: value}} -> canonical long table (optionally with a year)."""
    recs = [(r, s, float(v)) for r, secs in rows.items() for s, v in secs.items()]
    df = pd.DataFrame(recs, columns=["region", "sector", "value"])
    if year is not None:
        df.insert(2, "year", year)
    return df


def mat_to_long(mat: np.ndarray, year: int = 2020) -> pd.DataFrame:
    n_r, n_s = mat.shape
    return pd.DataFrame({"region": np.repeat([f"R{i}" for i in range(n_r)], n_s),
                         "sector": np.tile([f"S{j}" for j in range(n_s)], n_r),
                         "year": year, "value": mat.ravel()})


def as_dict(df: pd.DataFrame, col: str, keys=("region", "sector")) -> dict:
    return {tuple(k) if len(keys) > 1 else k[0]: v
            for k, v in zip(df[list(keys)].itertuples(index=False), df[col])}


def numpy_lq(mat: np.ndarray) -> np.ndarray:
    """Textbook LQ_ri = (x_ri / X_r) / (X_i / X) on a regions x sectors matrix."""
    return (mat / mat.sum(axis=1, keepdims=True)) / (mat.sum(axis=0) / mat.sum())


def lq_matrix(df_lq: pd.DataFrame, n_r: int, n_s: int) -> np.ndarray:
    d = as_dict(df_lq, "lq")
    return np.array([[d[(f"R{i}", f"S{j}")] for j in range(n_s)] for i in range(n_r)])


# 3x3 hand-worked table (year 2020).
HAND_2020 = {"A": {"x": 10, "y": 20, "z": 10},
             "B": {"x": 30, "y": 10, "z": 20},
             "C": {"x": 10, "y": 50, "z": 40}}
# A second, different year (2021).
HAND_2021 = {"A": {"x": 5, "y": 5, "z": 10},
             "B": {"x": 15, "y": 15, "z": 10},
             "C": {"x": 20, "y": 60, "z": 60}}


# ---------------------------------------------------------------- 1. hand-worked examples


def test_lq_hand_worked_3x3():
    """Hand-worked (seed 000 formula, spec §1.1: LQ = (x_ri/X_r)/(x_Ni/X_N)).

    Region totals A 40, B 60, C 100; sector totals x 50, y 80, z 70; total 200,
    so national shares are x .25, y .40, z .35.
    A: shares .25 .50 .25 -> LQ 1, 1.25, .25/.35 = 5/7
    B: shares .50 1/6 1/3 -> LQ 2, (1/6)/.4 = 5/12, (1/3)/.35 = 20/21
    C: shares .10 .50 .40 -> LQ .4, 1.25, .4/.35 = 8/7
    """
    out = sp.location_quotient(long(HAND_2020, 2020))
    expected = {("A", "x"): 1.0, ("A", "y"): 1.25, ("A", "z"): 5 / 7,
                ("B", "x"): 2.0, ("B", "y"): 5 / 12, ("B", "z"): 20 / 21,
                ("C", "x"): 0.4, ("C", "y"): 1.25, ("C", "z"): 8 / 7}
    got = as_dict(out, "lq")
    assert set(got) == set(expected)
    for k, v in expected.items():
        assert got[k] == pytest.approx(v, abs=TOL), k
    assert list(out.columns) == ["region", "sector", "year", "lq"]


def test_binary_specialisation_hand_worked_and_exact_one():
    """EconGeo convention (conventions.md §1): binary specialisation is LQ >= 1, so A-x with LQ
    exactly 1.0 ((10/40)/(50/200) = .25/.25) is specialised. Hand-worked 3x3 as above:
    specialised cells are A-x (1), A-y (1.25), B-x (2), C-y (1.25), C-z (8/7)."""
    lq = sp.location_quotient(long(HAND_2020, 2020))
    assert as_dict(lq, "lq")[("A", "x")] == 1.0          # exactly, not approximately
    b = sp.binary_specialisation(lq)
    flagged = {k for k, v in as_dict(b, "specialised").items() if v}
    assert flagged == {("A", "x"), ("A", "y"), ("B", "x"), ("C", "y"), ("C", "z")}
    # a threshold as a parameter: only B-x reaches 1.5
    b15 = sp.binary_specialisation(lq, threshold=1.5)
    assert {k for k, v in as_dict(b15, "specialised").items() if v} == {("B", "x")}


def test_krugman_hoover_hand_worked():
    """EconGeo convention (conventions.md §1): K_r = sum_i |s_ri - s_i|, NOT halved; Hoover = K/2.
    Hand-worked 3x3 (national shares .25 .40 .35):
    A: |.25-.25| + |.50-.40| + |.25-.35| = 0 + .10 + .10 = 0.20 -> Hoover 0.10
    B: |.50-.25| + |1/6-.40| + |1/3-.35| = .25 + 7/30 + 1/60 = 0.50 -> Hoover 0.25
    C: |.10-.25| + |.50-.40| + |.40-.35| = .15 + .10 + .05 = 0.30 -> Hoover 0.15
    """
    out = sp.krugman_index(long(HAND_2020, 2020)).set_index("region")
    assert out.loc["A", "krugman"] == pytest.approx(0.20, abs=TOL)
    assert out.loc["B", "krugman"] == pytest.approx(0.50, abs=TOL)
    assert out.loc["C", "krugman"] == pytest.approx(0.30, abs=TOL)
    assert out.loc["A", "hoover"] == pytest.approx(0.10, abs=TOL)
    assert out.loc["B", "hoover"] == pytest.approx(0.25, abs=TOL)
    assert out.loc["C", "hoover"] == pytest.approx(0.15, abs=TOL)
    assert set(out.columns) >= {"year", "krugman", "hoover"}


def test_herfindahl_hand_worked():
    """Hand-worked (EconGeo herfindahl = sum_i s_ri^2):
    A: .25^2 + .5^2 + .25^2 = .0625 + .25 + .0625 = 0.375
    B: .5^2 + (1/6)^2 + (1/3)^2 = 1/4 + 1/36 + 1/9 = 14/36 = 7/18
    C: .1^2 + .5^2 + .4^2 = .01 + .25 + .16 = 0.42
    """
    out = as_dict(sp.herfindahl(long(HAND_2020, 2020)), "hhi", keys=("region",))
    assert out == pytest.approx({"A": 0.375, "B": 7 / 18, "C": 0.42}, abs=TOL)


def test_regional_share_hand_worked():
    """Hand-worked (seed 003 KSI numerator, R_ri = x_ri / sum_r x_ri): x: 10/50, 30/50, 10/50;
    y: 20/80, 10/80, 50/80; z: 10/70, 20/70, 40/70. National rows (KZ) are not regions."""
    df = pd.concat([long(HAND_2020, 2020), long({"KZ": {"x": 50, "y": 80, "z": 70}}, 2020)])
    out = sp.regional_share(df)
    assert "KZ" not in set(out["region"])
    expected = {("A", "x"): .2, ("B", "x"): .6, ("C", "x"): .2,
                ("A", "y"): .25, ("B", "y"): .125, ("C", "y"): .625,
                ("A", "z"): 1 / 7, ("B", "z"): 2 / 7, ("C", "z"): 4 / 7}
    assert as_dict(out, "share") == pytest.approx(expected, abs=TOL)


def test_locational_gini_hand_worked():
    """Hand-worked, EconGeo locational Gini (halved; conventions.md §1). Two regions of equal
    size (50 each of 100): sector x is A 40, B 10. Region shares .5/.5; x shares A .8, B .2;
    LQ B .4 < A 1.6, so the curve is (0,0) -> (.5,.2) -> (1,1). Area under it
    = .5*(.2)/2 + .5*(.2+1)/2 = .35; Gini = 1 - 2*.35 = .30; halved 0.15.
    Sector y (A 10, B 40) is the mirror image: 0.15 too."""
    df = long({"A": {"x": 40, "y": 10}, "B": {"x": 10, "y": 40}}, 2020)
    out = as_dict(sp.locational_gini(df), "gini", keys=("sector",))
    assert out == pytest.approx({"x": 0.15, "y": 0.15}, abs=TOL)


def test_year_is_an_extra_key_each_year_independent():
    """Hand-worked, two years computed independently (year is a key, not pooled).
    2021: region totals A 20, B 40, C 140; sector totals x 40, y 80, z 80 of 200 -> shares .2 .4 .4.
    A: .25 .25 .50 -> LQ 1.25, .625, 1.25
    B: .375 .375 .25 -> LQ 1.875, .9375, .625
    C: 1/7 3/7 3/7 -> LQ 5/7, 15/14, 15/14
    2020 as in test_lq_hand_worked_3x3. Krugman 2021: A |.25-.2|+|.25-.4|+|.5-.4| = .30;
    B .175+.025+.15 = .35; C |1/7-.2|+2|3/7-.4| = 2/35 + 2/35 = 4/35."""
    df = pd.concat([long(HAND_2021, 2021), long(HAND_2020, 2020)], ignore_index=True)
    lq = sp.location_quotient(df)
    got = {(r, s, y): v for r, s, y, v in lq[["region", "sector", "year", "lq"]].itertuples(index=False)}
    assert len(got) == 18
    exp21 = {("A", "x"): 1.25, ("A", "y"): .625, ("A", "z"): 1.25,
             ("B", "x"): 1.875, ("B", "y"): .9375, ("B", "z"): .625,
             ("C", "x"): 5 / 7, ("C", "y"): 15 / 14, ("C", "z"): 15 / 14}
    exp20 = {("A", "x"): 1.0, ("A", "y"): 1.25, ("A", "z"): 5 / 7,
             ("B", "x"): 2.0, ("B", "y"): 5 / 12, ("B", "z"): 20 / 21,
             ("C", "x"): 0.4, ("C", "y"): 1.25, ("C", "z"): 8 / 7}
    for (r, s), v in exp21.items():
        assert got[(r, s, 2021)] == pytest.approx(v, abs=TOL)
    for (r, s), v in exp20.items():
        assert got[(r, s, 2020)] == pytest.approx(v, abs=TOL)
    k = sp.krugman_index(df).set_index(["region", "year"])["krugman"]
    assert k[("A", 2021)] == pytest.approx(0.30, abs=TOL)
    assert k[("B", 2021)] == pytest.approx(0.35, abs=TOL)
    assert k[("C", 2021)] == pytest.approx(4 / 35, abs=TOL)
    assert k[("B", 2020)] == pytest.approx(0.50, abs=TOL)
    h = sp.herfindahl(df).set_index(["region", "year"])["hhi"]
    assert h[("A", 2021)] == pytest.approx(.25 ** 2 * 2 + .5 ** 2, abs=TOL)
    s = sp.regional_share(df).set_index(["region", "sector", "year"])["share"]
    assert s[("C", "y", 2021)] == pytest.approx(60 / 80, abs=TOL)
    assert s[("C", "y", 2020)] == pytest.approx(50 / 80, abs=TOL)


NATIONAL_2020 = {"x": 100, "y": 300, "z": 100}   # shares .2 .6 .2 (the nation is bigger than A+B+C)


def test_lq_reference_national_frame():
    """Hand-worked: with a national reference x 100, y 300, z 100 (shares .2, .6, .2) instead of the
    sum of the regions, LQ_A = .25/.2, .5/.6, .25/.2 = 1.25, 5/6, 1.25;
    LQ_B = .5/.2, (1/6)/.6, (1/3)/.2 = 2.5, 5/18, 5/3; LQ_C = .5, 5/6, 2."""
    ref = long({"KZ": NATIONAL_2020}, 2020).drop(columns="region")
    out = as_dict(sp.location_quotient(long(HAND_2020, 2020), reference=ref), "lq")
    expected = {("A", "x"): 1.25, ("A", "y"): 5 / 6, ("A", "z"): 1.25,
                ("B", "x"): 2.5, ("B", "y"): 5 / 18, ("B", "z"): 5 / 3,
                ("C", "x"): 0.5, ("C", "y"): 5 / 6, ("C", "z"): 2.0}
    assert out == pytest.approx(expected, abs=TOL)


def test_lq_reference_kz_rows():
    """Hand-worked, same numbers as test_lq_reference_national_frame: reference="KZ" takes the
    table's own national rows; the default (None) ignores them and sums the regions
    (so it reproduces test_lq_hand_worked_3x3: B-x = 2, not 2.5); KZ is never a region."""
    df = pd.concat([long(HAND_2020, 2020), long({"KZ": NATIONAL_2020}, 2020)], ignore_index=True)
    kz = sp.location_quotient(df, reference="KZ")
    assert "KZ" not in set(kz["region"]) and len(kz) == 9
    got = as_dict(kz, "lq")
    assert got[("B", "x")] == pytest.approx(2.5, abs=TOL)
    assert got[("B", "y")] == pytest.approx(5 / 18, abs=TOL)
    assert got[("C", "z")] == pytest.approx(2.0, abs=TOL)
    default = as_dict(sp.location_quotient(df), "lq")
    assert default[("B", "x")] == pytest.approx(2.0, abs=TOL)
    assert default[("B", "y")] == pytest.approx(5 / 12, abs=TOL)
    with pytest.raises(DataError):
        sp.location_quotient(df, reference=42)


BASE_TOY = {"R1": {"A": 100, "B": 10, "C": 20, "D": 5, "E": 5},
            "R2": {"A": 50, "B": 30, "C": 20, "D": 5, "E": 5}}


def test_lq_base_restricts_the_denominator():
    """Hand-worked, base = INDUSTRY (B, C, D, E; agriculture A excluded from all totals).
    Industry totals R1 40, R2 60; national B 40, C 40, D 10, E 10 of 100.
    R1: B .25/.4 = .625, C .5/.4 = 1.25, D .125/.1 = 1.25, E 1.25
    R2: B .5/.4 = 1.25, C (1/3)/.4 = 5/6, D (1/12)/.1 = 5/6, E 5/6.
    (With A in the base R1-C would be (20/140)/(40/250) = 25/28 instead.)"""
    assert sp.INDUSTRY == ("B", "C", "D", "E")
    df = long(BASE_TOY, 2020)
    out = sp.location_quotient(df, base=sp.INDUSTRY)
    assert set(out["sector"]) == {"B", "C", "D", "E"}
    expected = {("R1", "B"): .625, ("R1", "C"): 1.25, ("R1", "D"): 1.25, ("R1", "E"): 1.25,
                ("R2", "B"): 1.25, ("R2", "C"): 5 / 6, ("R2", "D"): 5 / 6, ("R2", "E"): 5 / 6}
    assert as_dict(out, "lq") == pytest.approx(expected, abs=TOL)
    full = as_dict(sp.location_quotient(df), "lq")
    assert full[("R1", "C")] == pytest.approx(25 / 28, abs=TOL)


def test_base_with_kz_reference_and_krugman():
    """Hand-worked, base = INDUSTRY with a KZ reference row that also holds A (which base must drop):
    KZ B 20, C 60, D 10, E 10 -> shares .2 .6 .1 .1; R1 B-LQ = .25/.2 = 1.25, C = .5/.6 = 5/6.
    Krugman on the base (national = sum of regions, shares .4 .4 .1 .1):
    R1 |.25-.4| + |.5-.4| + 2|.125-.1| = .15 + .10 + .05 = .30;
    R2 |.5-.4| + |1/3-.4| + 2|1/12-.1| = .1 + 1/15 + 1/30 = .20."""
    df = pd.concat([long(BASE_TOY, 2020),
                    long({"KZ": {"A": 999, "B": 20, "C": 60, "D": 10, "E": 10}}, 2020)], ignore_index=True)
    got = as_dict(sp.location_quotient(df, reference="KZ", base=sp.INDUSTRY), "lq")
    assert got[("R1", "B")] == pytest.approx(1.25, abs=TOL)
    assert got[("R1", "C")] == pytest.approx(5 / 6, abs=TOL)
    k = sp.krugman_index(df, base=sp.INDUSTRY).set_index("region")["krugman"]
    assert k["R1"] == pytest.approx(0.30, abs=TOL)
    assert k["R2"] == pytest.approx(0.20, abs=TOL)
    h = sp.herfindahl(df, base=sp.INDUSTRY).set_index("region")["hhi"]
    assert h["R1"] == pytest.approx(.25 ** 2 + .5 ** 2 + 2 * .125 ** 2, abs=TOL)


def test_missing_column_raises():
    """Documented contract (location_quotient Raises): a missing size column is a DataError."""
    df = long(HAND_2020, 2020).rename(columns={"value": "gva"})
    with pytest.raises(DataError):
        sp.location_quotient(df)
    assert len(sp.location_quotient(df, value="gva")) == 9


# ---------------------------------------------------------------- 2. properties (hypothesis)

MATRIX = arrays(float, st.tuples(st.integers(2, 6), st.integers(2, 6)), elements=st.floats(1, 1e6))


@settings(deadline=None, max_examples=50)
@given(mat=MATRIX, factor=st.floats(1e-3, 1e3), data=st.data())
def test_property_lq_invariant_to_scaling_and_row_order(mat, factor, data):
    """EconGeo/LQ definition: LQ is a ratio of ratios, so scaling every value by c > 0 and
    shuffling the rows of the long table leave every LQ unchanged; it equals the numpy matrix formula."""
    n_r, n_s = mat.shape
    df = mat_to_long(mat)
    base = lq_matrix(sp.location_quotient(df), n_r, n_s)
    np.testing.assert_allclose(base, numpy_lq(mat), rtol=1e-9)
    scaled = lq_matrix(sp.location_quotient(df.assign(value=df["value"] * factor)), n_r, n_s)
    np.testing.assert_allclose(scaled, base, rtol=1e-9)
    perm = data.draw(st.permutations(range(len(df))))
    shuffled = lq_matrix(sp.location_quotient(df.iloc[list(perm)]), n_r, n_s)
    np.testing.assert_allclose(shuffled, base, rtol=1e-9)


@settings(deadline=None, max_examples=50)
@given(mat=MATRIX)
def test_property_share_weighted_lq_sums_to_one(mat):
    """LQ identities (style.md §3.6): sum_i s_ri = 1 and, since s_i * LQ_ri = s_ri,
    sum_i s_i * LQ_ri = 1 for every region r; and sum_r (X_r/X) * LQ_ri = 1 for every sector i.
    Shares s_i, X_r/X are computed here with numpy, not by the package."""
    n_r, n_s = mat.shape
    lq = lq_matrix(sp.location_quotient(mat_to_long(mat)), n_r, n_s)
    s_i = mat.sum(axis=0) / mat.sum()
    w_r = mat.sum(axis=1) / mat.sum()
    s_ri = mat / mat.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(s_ri.sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_allclose((lq * s_i).sum(axis=1), 1.0, rtol=1e-9)
    np.testing.assert_allclose((lq * w_r[:, None]).sum(axis=0), 1.0, rtol=1e-9)


@settings(deadline=None, max_examples=50)
@given(mat=MATRIX)
def test_property_krugman_hoover_hhi_ranges(mat):
    """EconGeo conventions (conventions.md §1): Krugman in [0, 2] (not halved) and equal to
    sum_i |s_ri - s_i|; Hoover = K/2 in [0, 1]; HHI = sum_i s_ri^2 in [1/n, 1]."""
    n_r, n_s = mat.shape
    df = mat_to_long(mat)
    k = sp.krugman_index(df).set_index("region")
    s_ri = mat / mat.sum(axis=1, keepdims=True)
    s_i = mat.sum(axis=0) / mat.sum()
    expected_k = np.abs(s_ri - s_i).sum(axis=1)
    got_k = k.loc[[f"R{i}" for i in range(n_r)], "krugman"].to_numpy()
    np.testing.assert_allclose(got_k, expected_k, rtol=1e-9, atol=1e-12)
    assert (k["krugman"] >= 0).all() and (k["krugman"] <= 2).all()
    assert (k["hoover"] >= 0).all() and (k["hoover"] <= 1).all()
    np.testing.assert_allclose(k["hoover"], k["krugman"] / 2, rtol=1e-12)
    h = sp.herfindahl(df).set_index("region").loc[[f"R{i}" for i in range(n_r)], "hhi"].to_numpy()
    np.testing.assert_allclose(h, (s_ri ** 2).sum(axis=1), rtol=1e-9)
    assert (h >= 1 / n_s - 1e-12).all() and (h <= 1 + 1e-12).all()


def econgeo_locational_gini(mat: np.ndarray, col: int) -> float:
    """Independent port of EconGeo's loc.Gini (shoelace form): regions ordered by ind/pop,
    (sum(cind[-1]*cpop[-n]) - sum(cind[-n]*cpop[-1])) / 2."""
    pop = mat.sum(axis=1) / mat.sum()
    ind = mat[:, col]
    o = np.argsort(ind / pop, kind="stable")
    cind = np.cumsum(ind[o]) / np.cumsum(ind[o]).max()
    cpop = np.cumsum(pop[o]) / np.cumsum(pop[o]).max()
    return float((np.sum(cind[1:] * cpop[:-1]) - np.sum(cind[:-1] * cpop[1:])) / 2)


@settings(deadline=None, max_examples=50)
@given(mat=MATRIX)
def test_property_locational_gini_range_and_econgeo_formula(mat):
    """EconGeo locational_gini (conventions.md §1): halved Lorenz area, in [0, 0.5]; equals an
    independent port of EconGeo's shoelace formula (a different algorithm from the trapezoids used
    by the package)."""
    n_r, n_s = mat.shape
    g = as_dict(sp.locational_gini(mat_to_long(mat)), "gini", keys=("sector",))
    for j in range(n_s):
        v = g[f"S{j}"]
        assert -1e-12 <= v <= 0.5 + 1e-12
        assert v == pytest.approx(econgeo_locational_gini(mat, j), abs=1e-9)


@settings(deadline=None, max_examples=50)
@given(mat=MATRIX)
def test_property_regional_shares_sum_to_one(mat):
    """Definition of the regional share R_ri = x_ri / sum_r x_ri: sums to 1 over regions for each sector."""
    out = sp.regional_share(mat_to_long(mat))
    sums = out.groupby(["sector", "year"])["share"].sum()
    np.testing.assert_allclose(sums.to_numpy(), 1.0, rtol=1e-12)
    assert len(sums) == mat.shape[1]


@settings(deadline=None, max_examples=50)
@given(vals=st.lists(st.one_of(st.just(1.0), st.just(np.nan), st.floats(0, 5)), min_size=1, max_size=30))
def test_property_binary_is_exactly_lq_ge_1(vals):
    """EconGeo convention (conventions.md §1): binary specialisation is exactly LQ >= 1;
    a value of exactly 1.0 is specialised, NaN is not."""
    lq = pd.DataFrame({"region": [f"R{i}" for i in range(len(vals))], "sector": "x", "lq": vals})
    b = sp.binary_specialisation(lq)
    expected = [bool(v >= 1.0) if not np.isnan(v) else False for v in vals]
    assert b["specialised"].tolist() == expected
    assert b["region"].tolist() == lq["region"].tolist()


# ---------------------------------------------------------------- 3. zeros give NaN, not exceptions


@pytest.mark.filterwarnings("error")
def test_zero_region_total_gives_nan():
    """Module contract ("where a denominator is zero the result is NaN (never an exception)").
    Region Z has all-zero values: its LQ, Krugman, Hoover and HHI are NaN. The others are unchanged
    by adding Z (its zeros add nothing to the national totals): hand-worked 3x3 values."""
    df = long({**HAND_2020, "Z": {"x": 0, "y": 0, "z": 0}}, 2020)
    lq = as_dict(sp.location_quotient(df), "lq")
    assert all(np.isnan(lq[("Z", s)]) for s in "xyz")
    assert lq[("B", "x")] == pytest.approx(2.0, abs=TOL)
    k = sp.krugman_index(df).set_index("region")
    assert np.isnan(k.loc["Z", "krugman"]) and np.isnan(k.loc["Z", "hoover"])
    assert k.loc["B", "krugman"] == pytest.approx(0.5, abs=TOL)
    h = sp.herfindahl(df).set_index("region")["hhi"]
    assert np.isnan(h["Z"]) and h["C"] == pytest.approx(0.42, abs=TOL)
    share = as_dict(sp.regional_share(df), "share")
    assert share[("Z", "x")] == 0.0 and share[("B", "x")] == pytest.approx(0.6, abs=TOL)
    # the zero region does not move the locational Gini either
    g0 = as_dict(sp.locational_gini(long(HAND_2020, 2020)), "gini", keys=("sector",))
    g1 = as_dict(sp.locational_gini(df), "gini", keys=("sector",))
    assert g1 == pytest.approx(g0, abs=1e-12)


@pytest.mark.filterwarnings("error")
def test_zero_national_sector_gives_nan():
    """Module contract: a sector with zero national total has NaN LQ in every region, NaN regional
    shares and NaN locational Gini; the other sectors are computed as if it were absent
    (hand-worked 3x3: A-y = 1.25), and it contributes 0 to Krugman (|0 - 0|)."""
    rows = {r: {**v, "w": 0} for r, v in HAND_2020.items()}
    df = long(rows, 2020)
    lq = as_dict(sp.location_quotient(df), "lq")
    assert all(np.isnan(lq[(r, "w")]) for r in "ABC")
    assert lq[("A", "y")] == pytest.approx(1.25, abs=TOL)
    share = as_dict(sp.regional_share(df), "share")
    assert all(np.isnan(share[(r, "w")]) for r in "ABC")
    g = as_dict(sp.locational_gini(df), "gini", keys=("sector",))
    assert np.isnan(g["w"]) and 0 <= g["x"] <= 0.5
    k = sp.krugman_index(df).set_index("region")["krugman"]
    assert k.to_dict() == pytest.approx({"A": 0.2, "B": 0.5, "C": 0.3}, abs=TOL)


@pytest.mark.filterwarnings("error")
def test_zero_cells_locational_gini_hand_worked():
    """Hand-worked locational Gini with zeros (EconGeo halved convention). Regions A (total 0),
    B (x 1, y 2), C (x 3, y 0): activity shares A 0, B .5, C .5; x shares A 0, B .25, C .75;
    LQ_x B .5 < C 1.5 (A undefined, adds a zero-width step). Curve (0,0)->(.5,.25)->(1,1):
    sum dX(Y_k+Y_{k-1}) = .5*.25 + .5*1.25 = .75, Gini = (1-.75)/2 = .125.
    y: B holds all of y with half the activity: (0,0)->(.5,0)->(1,1): .5*1 = .5 -> .25."""
    df = long({"A": {"x": 0, "y": 0}, "B": {"x": 1, "y": 2}, "C": {"x": 3, "y": 0}}, 2020)
    g = as_dict(sp.locational_gini(df), "gini", keys=("sector",))
    assert g == pytest.approx({"x": 0.125, "y": 0.25}, abs=TOL)
    k = sp.krugman_index(df).set_index("region")["krugman"]
    # national shares x 4/6, y 2/6; B (1/3, 2/3): 2*(1/3) = 2/3; C (1, 0): 2*(1/3) = 2/3
    assert np.isnan(k["A"])
    assert k["B"] == pytest.approx(2 / 3, abs=TOL) and k["C"] == pytest.approx(2 / 3, abs=TOL)


# ---------------------------------------------------------------- 4. seed 000 audit

# Spec cluster_potential_and_ict.md §2 (implied s_nat = s_reg / LQ, 2 decimals), rows of seed 000
# Tables 1-2: (implied, low, high) for 2016, 2017, 2018.
SPEC_IMPLIED = {
    1: [(42.94, 41.69, 44.27), (44.71, 43.40, 46.09), (45.29, 43.97, 46.70)],
    2: [(21.25, 18.78, 24.43), (23.33, 19.86, 28.20), (20.00, 17.00, 24.20)],
    3: [(1.00, 0.71, 1.40), (1.00, 0.71, 1.40), (1.00, 0.71, 1.40)],
    4: [(0.25, 0.18, 0.33), (0.29, 0.20, 0.38), (0.20, 0.09, 0.33)],
    5: [(1.00, 0.71, 1.40), (0.80, 0.67, 0.98), (1.00, 0.71, 1.40)],
    6: [(13.00, 11.44, 15.00), (12.75, 11.22, 14.71), (15.33, 13.00, 18.60)],
    7: [(1.00, 0.33, 3.00), (1.00, 0.33, 3.00), (1.00, 0.60, 1.67)],
    8: [(5.00, 4.33, 5.86), (5.00, 4.33, 5.86), (6.75, 5.89, 7.86)],
    9: [(2.88, 2.65, 3.13), (2.57, 2.33, 2.85), (2.29, 2.07, 2.54)],
    10: [(9.88, 9.24, 10.60), (10.14, 9.40, 11.00), (10.00, 9.27, 10.85)],
    11: [(0.25, 0.11, 0.43), (0.33, 0.14, 0.60), (0.50, 0.20, 1.00)],
    12: [(0.25, 0.11, 0.43), (0.15, 0.12, 0.19), (0.25, 0.11, 0.43)],
}
# Spec §2 "Sum" row: implied [sum of lows, sum of highs].
SPEC_SUMS = {2016: (98.69, 90.28, 110.28), 2017: (102.07, 92.73, 115.26), 2018: (103.61, 93.62, 116.97)}
YEARS = (2016, 2017, 2018)


def decimals(cell: str) -> int:
    return len(cell.split(".")[1]) if "." in cell else 0


@pytest.fixture(scope="module")
def seed000():
    """Table 1 shares and Table 2 LQs by (row, year), values and printed decimals."""
    t1 = kzdata.load("seed000_t1_karaganda_manufacturing_structure")
    t1 = t1[t1["measure"] == "share_pct"].set_index(["row", "year"])["value"]
    t2 = kzdata.load("seed000_t2_karaganda_lq").set_index(["row", "year"])["value"]
    raw = registry.data_dir() / "raw" / "paper"
    r1 = kzdata.read_as_printed(raw / "seed000_t1_karaganda_manufacturing_structure.csv").set_index("row")
    r2 = kzdata.read_as_printed(raw / "seed000_t2_karaganda_lq.csv").set_index("row")
    out = {}
    for row in range(1, 13):
        for y in YEARS:
            s_str, q_str = r1.loc[str(row), f"y{y}"], r2.loc[str(row), f"lq_{y}"]
            # the tidy tables carry the printed numbers
            assert t1[(row, y)] == float(s_str) and t2[(row, y)] == float(q_str)
            out[(row, y)] = (t1[(row, y)], decimals(s_str), t2[(row, y)], decimals(q_str))
    return out


def implied(seed000, year):
    rows = list(range(1, 13))
    s, sd, q, qd = zip(*(seed000[(r, year)] for r in rows))
    return sp.implied_national_share(list(s), list(q), share_decimals=list(sd), lq_decimals=list(qd))


def test_seed000_printed_decimals(seed000):
    """Seed 000 Table 1 (spec §1.1 "Published precision"): shares to 1 decimal except 0.24 (paper,
    2017) and 0.06 (other goods, 2017) with 2; every Table 2 LQ to 1 decimal."""
    two = {k for k, v in seed000.items() if v[1] == 2}
    assert two == {(5, 2017), (12, 2017)}
    assert all(v[1] == 1 for k, v in seed000.items() if k not in two)
    assert all(v[3] == 1 for v in seed000.values())


@pytest.mark.parametrize("year", YEARS)
def test_seed000_implied_national_shares_match_spec(seed000, year):
    """Seed 000, Table 2 and spec §2: s_nat = s_reg / LQ with the interval from +-half a unit of the
    printed last digit; all 12 industries match the spec's table at 2 decimals."""
    out = implied(seed000, year)
    i = YEARS.index(year)
    for k, row in enumerate(range(1, 13)):
        exp = SPEC_IMPLIED[row][i]
        got = out.iloc[k][["implied", "low", "high"]].to_numpy(dtype=float)
        np.testing.assert_allclose(got, exp, atol=0.005 + 1e-9, err_msg=f"row {row} year {year}")
        assert got[1] <= got[0] <= got[2]


@pytest.mark.parametrize("year", YEARS)
def test_seed000_implied_sums_bracket_100(seed000, year):
    """Seed 000, Table 2 and spec §2 "Sum" row: implied national shares sum to 98.69, 102.07, 103.61
    (+-0.01) with interval sums [90.28, 110.28], [92.73, 115.26], [93.62, 116.97]; 100 lies inside
    each, i.e. the LQs fit a manufacturing base. Table 1's regional shares sum to 100.0."""
    out = implied(seed000, year)
    exp_sum, exp_lo, exp_hi = SPEC_SUMS[year]
    assert out["implied"].sum() == pytest.approx(exp_sum, abs=0.01)
    assert out["low"].sum() == pytest.approx(exp_lo, abs=0.01)
    assert out["high"].sum() == pytest.approx(exp_hi, abs=0.01)
    assert out["low"].sum() <= 100 <= out["high"].sum()
    assert sum(seed000[(r, year)][0] for r in range(1, 13)) == pytest.approx(100.0, abs=1e-9)


def test_implied_national_share_hand_worked_and_zero_lq():
    """Hand-worked: 73.0/1.7 = 42.94; [72.95/1.75, 73.05/1.65] = [41.69, 44.27] (spec §2, metallurgy
    2016). A zero or missing LQ gives NaN, not an exception (module contract)."""
    out = sp.implied_national_share([73.0, 5.0, 5.0], [1.7, 0.0, np.nan])
    assert out.loc[0, "implied"] == pytest.approx(73.0 / 1.7, abs=TOL)
    assert out.loc[0, "low"] == pytest.approx(72.95 / 1.75, abs=TOL)
    assert out.loc[0, "high"] == pytest.approx(73.05 / 1.65, abs=TOL)
    assert out.loc[1:, "implied"].isna().all()


def test_seed000_suspicious_patterns(seed000):
    """Seed 000, Table 2 and spec §2 "Suspicious pattern 1/2": LQ equals the regional share for light
    industry (row 3) and pharmaceuticals (row 7) in all years, and for paper (row 5) in 2016 and 2018
    (not 2017: 0.24 vs 0.3); identical LQ rows: fabricated metal (9) = machine building (10),
    non-metallic minerals (8) = other goods (12), light industry (3) = paper (5)."""
    same = {(r, y) for (r, y), (s, _, q, _) in seed000.items() if s == q}
    assert same == {(3, 2016), (3, 2017), (3, 2018), (7, 2016), (7, 2017), (7, 2018), (5, 2016), (5, 2018)}

    def lq_row(r):
        return [seed000[(r, y)][2] for y in YEARS]

    assert lq_row(9) == lq_row(10) == [0.8, 0.7, 0.7]
    assert lq_row(8) == lq_row(12) == [0.4, 0.4, 0.4]
    assert lq_row(3) == lq_row(5) == [0.3, 0.3, 0.3]
    # pharmaceuticals: share 0.1 -> 0.2 and LQ 0.1 -> 0.2 (implied national share exactly 1.0)
    assert [seed000[(7, y)][0] for y in YEARS] == lq_row(7) == [0.1, 0.1, 0.2]


def test_seed000_only_metallurgy_above_one(seed000):
    """Seed 000, Table 2 and spec §1.1 "Paper's result": only metallurgy (row 1) has LQ > 1, at 1.7 in
    each of 2016-2018; binary_specialisation (>= 1) on Table 2 flags exactly that row each year."""
    t2 = kzdata.load("seed000_t2_karaganda_lq").rename(columns={"value": "lq"})
    for y in YEARS:
        above = {r for r in range(1, 13) if seed000[(r, y)][2] > 1}
        assert above == {1} and seed000[(1, y)][2] == 1.7
    b = sp.binary_specialisation(t2[["region", "sector", "year", "lq"]])
    assert set(b.loc[b["specialised"], "sector"]) == {"24"}
    assert b["specialised"].sum() == 3


# ---------------------------------------------------------------- 5. BNS data (real-data sanity)


@pytest.fixture(scope="module")
def grp():
    """BNS GRP by OKED section, regions on the 2022 map (frame "20")."""
    return kzdata.harmonise(kzdata.load("grp_gva"), "20")


def test_bns_lq_all_in_one_call_fast_and_unique(grp):
    """Performance contract for the UI: LQ for all regions, SECTIONS and years (2010-2025) in one call
    takes well under a second, returns one row per (region, sector, year) and no KZ rows."""
    sp.location_quotient(grp.head(50), base=sp.SECTIONS)      # warm-up (imports, caches)
    t0 = time.perf_counter()
    lq = sp.location_quotient(grp, base=sp.SECTIONS)
    elapsed = time.perf_counter() - t0
    assert elapsed < 1.0, elapsed
    assert not lq.duplicated(["region", "sector", "year"]).any()
    assert "KZ" not in set(lq["region"])
    assert set(lq["sector"]) <= set(sp.SECTIONS)
    assert {"IND", "GDP"}.isdisjoint(lq["sector"])
    assert set(lq["year"]) == set(range(2010, 2026))
    n_in = len(grp[(grp["region"] != "KZ") & grp["sector"].isin(sp.SECTIONS)])
    assert len(lq) == n_in


def test_bns_karaganda_manufacturing_lq_above_one_every_year(grp):
    """Real-data check of seed 000's conclusion (Table 2: metallurgy, LQ 1.7, is Karaganda's
    specialisation). BNS publishes no regional manufacturing divisions, so manufacturing (OKED C)
    stands in for metallurgy: Karaganda (KRG) has LQ_C > 1 on the whole-economy base in every
    year 2010-2025."""
    lq = sp.location_quotient(grp, base=sp.SECTIONS)
    krg = lq[(lq["region"] == "KRG") & (lq["sector"] == "C")].set_index("year")["lq"]
    assert sorted(krg.index) == list(range(2010, 2026))
    assert (krg > 1).all(), krg[krg <= 1]


def test_bns_share_weighted_lq_sums_to_one(grp):
    """LQ identity on real data (style.md §3.6): for every region-year, sum_i s_i * LQ_ri = 1 with
    s_i the national share computed here as sum over regions / grand total (base SECTIONS); and for
    every sector-year, sum_r (X_r/X) * LQ_ri = 1."""
    d = grp[(grp["region"] != "KZ") & grp["sector"].isin(sp.SECTIONS)]
    lq = sp.location_quotient(grp, base=sp.SECTIONS)
    nat = d.groupby(["sector", "year"])["value"].sum()
    tot = d.groupby("year")["value"].sum()
    reg = d.groupby(["region", "year"])["value"].sum()
    m = lq.join(nat.rename("nat"), on=["sector", "year"]).join(tot.rename("tot"), on="year") \
          .join(reg.rename("reg"), on=["region", "year"])
    by_region = (m["nat"] / m["tot"] * m["lq"]).groupby([m["region"], m["year"]]).sum()
    np.testing.assert_allclose(by_region.to_numpy(), 1.0, rtol=1e-9)
    by_sector = (m["reg"] / m["tot"] * m["lq"]).groupby([m["sector"], m["year"]]).sum()
    np.testing.assert_allclose(by_sector.to_numpy(), 1.0, rtol=1e-9)


def test_bns_reference_kz_equals_default(grp):
    """BNS national rows equal the sum of the regions (section by section), so reference="KZ" and the
    default (sum of regions) give the same LQ up to floating-point error (1e-9)."""
    d = grp[grp["sector"].isin(sp.SECTIONS)]
    regions = d[d["region"] != "KZ"].groupby(["sector", "year"])["value"].sum()
    national = d[d["region"] == "KZ"].set_index(["sector", "year"])["value"]
    np.testing.assert_allclose(regions.sort_index().to_numpy(),
                               national.reindex(regions.sort_index().index).to_numpy(), rtol=1e-12)
    a = sp.location_quotient(grp, base=sp.SECTIONS)
    b = sp.location_quotient(grp, base=sp.SECTIONS, reference="KZ")
    m = a.merge(b, on=["region", "sector", "year"], suffixes=("_sum", "_kz"), validate="one_to_one")
    assert len(m) == len(a) == len(b)
    np.testing.assert_allclose(m["lq_kz"], m["lq_sum"], rtol=0, atol=1e-9)


# ---------------------------------------------------------------- 6. lq_dynamics


def series(values, years=range(2010, 2015), region="A", sector="x"):
    return pd.DataFrame({"region": region, "sector": sector, "year": list(years), "lq": values})


P = [1.0, 1.1, 1.3, 1.2, 1.4]     # up and trending up
Q = [1.0, 0.5, 0.4, 0.3, 1.05]    # ends higher, trend down
R = [1.0, 1.5, 1.6, 1.7, 0.95]    # ends lower, trend up


def test_lq_dynamics_slope_dlq_and_rising_requires_both():
    """Hand-worked (seed 000 rule, spec §1.1: rising = dLQ > 0; plus a positive OLS trend).
    Years 2010-2014, centred t = -2..2, sum t^2 = 10.
    P: dLQ = .4, cov = .2*2 + .1*1 + .2*2 = .9 -> slope .09 -> rising.
    Q: dLQ = +.05, deviations .35 -.15 -.25 -.35 .40 -> cov = -.1 -> slope -.01 -> not rising.
    R: dLQ = -.05, deviations -.35 .15 .25 .35 -.40 -> cov = +.1 -> slope +.01 -> not rising.
    Slopes also equal numpy.polyfit(deg=1)."""
    lq = pd.concat([series(P, sector="p"), series(Q, sector="q"), series(R, sector="r")])
    out = sp.lq_dynamics(lq).set_index("sector")
    years = np.arange(2010, 2015)
    for s, vals, slope, d in (("p", P, .09, .4), ("q", Q, -.01, .05), ("r", R, .01, -.05)):
        assert out.loc[s, "slope"] == pytest.approx(np.polyfit(years, vals, 1)[0], abs=1e-12)
        assert out.loc[s, "slope"] == pytest.approx(slope, abs=1e-12)
        assert out.loc[s, "d_lq"] == pytest.approx(d, abs=1e-12)
        assert out.loc[s, "lq_base"] == vals[0] and out.loc[s, "lq_end"] == vals[-1]
        assert out.loc[s, "n_years"] == 5
    assert out["rising"].to_dict() == {"p": True, "q": False, "r": False}


def test_lq_dynamics_min_change():
    """Hand-worked: P has dLQ = .4 and slope > 0; min_change .3 keeps it rising, .5 does not."""
    assert bool(sp.lq_dynamics(series(P), min_change=0.3)["rising"].iloc[0])
    assert not bool(sp.lq_dynamics(series(P), min_change=0.5)["rising"].iloc[0])


def test_lq_dynamics_window():
    """Hand-worked window 2011-2013: P -> 1.1, 1.3, 1.2: dLQ .1, slope (-1*-.1 + 1*0)/2 = .05, rising;
    Q -> .5, .4, .3: dLQ -.2, slope -.1. Equals numpy.polyfit on the window only."""
    lq = pd.concat([series(P, sector="p"), series(Q, sector="q")])
    out = sp.lq_dynamics(lq, base_year=2011, end_year=2013).set_index("sector")
    w = np.arange(2011, 2014)
    assert out.loc["p", "slope"] == pytest.approx(np.polyfit(w, P[1:4], 1)[0], abs=1e-12)
    assert out.loc["p", "slope"] == pytest.approx(0.05, abs=1e-12)
    assert out.loc["p", "d_lq"] == pytest.approx(0.1, abs=1e-12)
    assert out.loc["q", "slope"] == pytest.approx(-0.1, abs=1e-12)
    assert out.loc["q", "d_lq"] == pytest.approx(-0.2, abs=1e-12)
    assert out.loc["p", "lq_base"] == 1.1 and out.loc["p", "lq_end"] == 1.2
    assert (out["n_years"] == 3).all()
    assert out["rising"].to_dict() == {"p": True, "q": False}


def test_lq_dynamics_nan_handling():
    """Hand-worked/documented: a NaN inside the window is skipped by the trend (slope = polyfit on the
    other 4 years, n_years 4) but not by dLQ (ends present: .4); a NaN base year gives NaN dLQ and
    rising False; a pair that starts later (no base-year row) also gets NaN dLQ."""
    mid = series([1.0, 1.1, np.nan, 1.2, 1.4], sector="mid")
    start = series([np.nan, 1.1, 1.3, 1.2, 1.4], sector="start")
    late = series([1.3, 1.2, 1.4], years=range(2012, 2015), sector="late")
    out = sp.lq_dynamics(pd.concat([mid, start, late])).set_index("sector")
    yrs = np.array([2010, 2011, 2013, 2014])
    assert out.loc["mid", "slope"] == pytest.approx(np.polyfit(yrs, [1.0, 1.1, 1.2, 1.4], 1)[0], abs=1e-12)
    assert out.loc["mid", "n_years"] == 4
    assert out.loc["mid", "d_lq"] == pytest.approx(0.4, abs=1e-12) and bool(out.loc["mid", "rising"])
    assert np.isnan(out.loc["start", "d_lq"]) and not bool(out.loc["start", "rising"])
    later = np.polyfit(np.arange(2011, 2015), P[1:], 1)[0]
    assert out.loc["start", "slope"] == pytest.approx(later, abs=1e-12)
    assert np.isnan(out.loc["late", "lq_base"]) and np.isnan(out.loc["late", "d_lq"])
    assert not bool(out.loc["late", "rising"])


def test_lq_dynamics_all_nan_pair_is_kept():
    """Documented contract ("NaN dLQ where either end is missing"): every (region, sector) of the
    input gets a row; one whose LQ is NaN in all years (e.g. a region with zero output) must come
    back with NaN lq_base/lq_end/d_lq/slope, n_years 0 and rising False, not vanish."""
    lq = pd.concat([series(P, sector="p"), series([np.nan] * 5, sector="gone")])
    out = sp.lq_dynamics(lq).set_index("sector")
    assert set(out.index) == {"p", "gone"}
    assert np.isnan(out.loc["gone", "d_lq"]) and not bool(out.loc["gone", "rising"])


# ---------------------------------------------------------------- 7. strong_clusters

# regions x sectors (x, y, z); E has no y at all.
SC_MAT = np.array([[120, 20, 60],
                   [20, 30, 50],
                   [10, 50, 40],
                   [5, 5, 90],
                   [2, 0, 40]], dtype=float)
SC_REGIONS = list("ABCDE")
SC_SECTORS = list("xyz")


def sc_long(mat=SC_MAT) -> pd.DataFrame:
    return pd.DataFrame([(r, s, 2020, mat[i, j])
                         for i, r in enumerate(SC_REGIONS) for j, s in enumerate(SC_SECTORS)],
                        columns=["region", "sector", "year", "value"])


def sc_expected(lq_q=.75, size_q=.25, lq_min=1.0, eco_size_q=.9, eco_lq=2.0, eco_focus_q=.9):
    """Independent numpy version of the US Cluster Mapping / ECO rules (conventions.md §3a-3b),
    quantiles over regions with size > 0, numpy linear interpolation (= pandas default)."""
    lq = numpy_lq(SC_MAT)
    focus = SC_MAT / SC_MAT.sum(axis=1, keepdims=True)
    res = {}
    for j, s in enumerate(SC_SECTORS):
        pos = SC_MAT[:, j] > 0
        q_lq = np.quantile(lq[pos, j], lq_q)
        q_sz = np.quantile(SC_MAT[pos, j], size_q)
        q_big = np.quantile(SC_MAT[pos, j], eco_size_q)
        q_f = np.quantile(focus[pos, j], eco_focus_q)
        for i, r in enumerate(SC_REGIONS):
            strong = pos[i] and lq[i, j] >= q_lq and lq[i, j] >= lq_min and SC_MAT[i, j] > q_sz
            stars = (int(pos[i] and SC_MAT[i, j] >= q_big) + int(lq[i, j] >= eco_lq)
                     + int(pos[i] and focus[i, j] >= q_f))
            res[(r, s)] = (bool(strong), stars)
    return res


def test_strong_clusters_hand_worked():
    """US Cluster Mapping strong-cluster rule and ECO 3-star rule (conventions.md §3a-3b), hand-worked.
    Totals: regions A 200, B 100, C 100, D 100, E 42; sectors x 157, y 105, z 280; all 542.
    LQ x: A 2.0713, B .6904, C .3452, D .1726, E .1644 -> q75 = .6904 (position 3 of 0..4);
      sizes 2 5 10 20 120 -> q25 = 5. Strong: A only (B is at q75 but LQ < 1).
    LQ y (E has 0, so only A-D enter): .5162 1.5486 2.5810 .2581 -> q75 at position 2.25 =
      1.5486 + .25*(2.5810-1.5486) = 1.8067; sizes 5 20 30 50 -> q25 = 8.75. Strong: C only.
      (Were E's zero counted, q75 would be 1.5486 and B would be strong too.)
    LQ z: .5807 .7743 .9679 1.7421 1.8435 -> q75 = 1.7421; sizes 40 40 50 60 90 -> q25 = 40.
      Strong: D (LQ = q75, size 90 > 40); not E (LQ 1.84 but size 40 is not > 40).
    ECO stars: size >= q90 (x 80 -> A; y 44 -> C; z 78 -> D); LQ >= 2 (A-x, C-y);
      focus = share of own total, q90 (x .44 -> A .6; y .44 -> C .5; z .9314 -> E .9524, not D .9).
      So A-x 3, C-y 3, D-z 1 (size), E-z 1 (focus), the rest 0."""
    out = sp.strong_clusters(sc_long())
    strong = {(r, s) for r, s, v in out[["region", "sector", "strong"]].itertuples(index=False) if v}
    assert strong == {("A", "x"), ("C", "y"), ("D", "z")}
    stars = {(r, s): int(v) for r, s, v in out[["region", "sector", "stars"]].itertuples(index=False)}
    assert {k: v for k, v in stars.items() if v} == {("A", "x"): 3, ("C", "y"): 3,
                                                     ("D", "z"): 1, ("E", "z"): 1}
    ez = out[(out.region == "E") & (out.sector == "z")].iloc[0]
    assert bool(ez["star_focus"]) and not bool(ez["star_size"]) and not bool(ez["star_spec"])
    dz = out[(out.region == "D") & (out.sector == "z")].iloc[0]
    assert bool(dz["star_size"]) and not bool(dz["star_focus"])
    # every cell agrees with the independent numpy rule
    exp = sc_expected()
    assert {(r, s): (bool(a), int(b)) for r, s, a, b in
            out[["region", "sector", "strong", "stars"]].itertuples(index=False)} == exp
    for col in ("region", "sector", "year", "value", "lq", "strong", "star_size", "star_spec", "star_focus",
                "stars"):
        assert col in out.columns


def test_strong_clusters_quantiles_are_per_year():
    """US Cluster Mapping rule (conventions.md §3a): percentiles are taken across regions for each
    sector *and year*. Stacking the hand-worked 2020 table with a 2021 table where every value is
    10x larger except A-x (so 2021's LQs and sizes differ) leaves 2020's result exactly as when run
    alone (test_strong_clusters_hand_worked), and 2021 equals its own run."""
    y2021 = sc_long(SC_MAT * 10).assign(year=2021)
    y2021.loc[(y2021.region == "A") & (y2021.sector == "x"), "value"] = 1.0
    both = sp.strong_clusters(pd.concat([sc_long(), y2021], ignore_index=True))
    cols = ["region", "sector", "strong", "stars"]
    alone20 = sp.strong_clusters(sc_long())[cols].reset_index(drop=True)
    alone21 = sp.strong_clusters(y2021)[cols].reset_index(drop=True)
    got20 = both[both.year == 2020][cols].reset_index(drop=True)
    got21 = both[both.year == 2021][cols].reset_index(drop=True)
    pd.testing.assert_frame_equal(got20, alone20)
    pd.testing.assert_frame_equal(got21, alone21)
    assert {(r, s): (bool(a), int(b)) for r, s, a, b in got20.itertuples(index=False)} == sc_expected()
    assert not bool(got21[(got21.region == "A") & (got21.sector == "x")]["strong"].iloc[0])


@pytest.mark.parametrize("kwargs", [
    {"lq_quantile": 0.5},          # y median 1.0324 -> B-y becomes strong
    {"lq_min": 2.2},               # A-x (2.07) and D-z (1.74) drop out
    {"size_quantile": 1.0},        # nobody exceeds the largest size: no strong cluster
    {"eco_lq": 1.5},               # B-y, D-z, E-z gain a specialisation star
    {"eco_size_quantile": 0.5},    # e.g. B-x (20 >= median 10) gains a size star
    {"eco_focus_quantile": 0.5},
])
def test_strong_clusters_thresholds_are_parameters(kwargs):
    """US Cluster Mapping / ECO thresholds (conventions.md §3a-3b) as parameters: each setting gives
    the independent numpy rule's result, which differs from the default result."""
    out = sp.strong_clusters(sc_long(), **kwargs)
    got = {(r, s): (bool(a), int(b)) for r, s, a, b in
           out[["region", "sector", "strong", "stars"]].itertuples(index=False)}
    name = {"lq_quantile": "lq_q", "size_quantile": "size_q", "lq_min": "lq_min", "eco_lq": "eco_lq",
            "eco_size_quantile": "eco_size_q", "eco_focus_quantile": "eco_focus_q"}
    exp = sc_expected(**{name[k]: v for k, v in kwargs.items()})
    assert got == exp
    assert exp != sc_expected()


def test_strong_clusters_threshold_hand_worked():
    """Hand-worked: with lq_quantile .5 sector y's median over A-D LQs (.2581 .5162 1.5486 2.5810) is
    (0.5162+1.5486)/2 = 1.0324, so B-y (1.5486, size 30 > 8.75) becomes strong; with lq_min 2.2
    only C-y (2.58) survives (A-x 2.07 and D-z 1.74 fall below it); with eco_lq 1.5 every cell with
    LQ >= 1.5 gets the specialisation star. With size_quantile 1.0 no size exceeds the maximum."""
    half = sp.strong_clusters(sc_long(), lq_quantile=0.5)
    s = {(r, c) for r, c, v in half[["region", "sector", "strong"]].itertuples(index=False) if v}
    assert ("B", "y") in s and ("C", "y") in s
    hi = sp.strong_clusters(sc_long(), lq_min=2.2)
    s = {(r, c) for r, c, v in hi[["region", "sector", "strong"]].itertuples(index=False) if v}
    assert s == {("C", "y")}
    spec15 = sp.strong_clusters(sc_long(), eco_lq=1.5)
    n = spec15.set_index(["region", "sector"])["star_spec"]
    assert {k for k, v in n.items() if v} == {("A", "x"), ("B", "y"), ("C", "y"), ("D", "z"), ("E", "z")}
    assert not sp.strong_clusters(sc_long(), size_quantile=1.0)["strong"].any()


# ---------------------------------------------------------------- 8. portfolio

# 2018: every cell 100. 2021 built from known growth rates over 3 years:
# A-x +10 %/yr (133.1), A-y -10 % (72.9), B-x +8 % (125.9712), B-y -5 % (85.7375).
PF = pd.DataFrame({
    "region": list("AABB") * 2, "sector": list("xyxy") * 2, "year": [2018] * 4 + [2021] * 4,
    "value": [100, 100, 100, 100, 133.1, 72.9, 100 * 1.08 ** 3, 100 * 0.95 ** 3]})
PF_GROWTH = {("A", "x"): 10.0, ("A", "y"): -10.0, ("B", "x"): 8.0, ("B", "y"): -5.0}


def test_portfolio_cagr_and_quadrants():
    """Hand-worked (US Cluster Mapping CAGR; Purdue PCRD quadrant names, conventions.md §3a).
    Growth = 100*((v2021/v2018)^(1/3) - 1) recovers +10, -10, +8, -5 %/yr.
    LQ in 2021: A total 206, B 211.7087, x total 259.0712 of 417.7087 (share .6202);
    A-x .6461/.6202 = 1.042 (star: LQ>=1, growing); A-y .354/.380 = .93 (transforming);
    B-x .595/.620 = .959 (emerging); B-y .405/.380 = 1.066 (mature: LQ>=1, shrinking)."""
    out = sp.portfolio(PF, start=2018, end=2021).set_index(["region", "sector"])
    for k, g in PF_GROWTH.items():
        assert out.loc[k, "growth"] == pytest.approx(g, abs=1e-9), k
    end = PF[PF.year == 2021].set_index(["region", "sector"])["value"]
    tot = end.sum()
    for (r, s) in PF_GROWTH:
        hand_lq = (end[(r, s)] / end.xs(r, level="region").sum()) / (end.xs(s, level="sector").sum() / tot)
        assert out.loc[(r, s), "lq"] == pytest.approx(hand_lq, abs=1e-12)
        assert out.loc[(r, s), "size"] == end[(r, s)]
    assert out.loc[("A", "x"), "lq"] == pytest.approx(1.0418, abs=1e-4)
    assert out["quadrant"].to_dict() == {("A", "x"): "star", ("A", "y"): "transforming",
                                         ("B", "x"): "emerging", ("B", "y"): "mature"}


def test_portfolio_relative_to_nation():
    """Hand-worked: national CAGRs are x (259.0712/200)^(1/3) - 1 = 9.0092 %, y (158.6375/200)^(1/3) - 1
    = -7.4325 %. Relative growth: A-x +0.99 (star), B-x -1.01 (transforming), A-y -2.57
    (transforming), B-y +2.43 (LQ >= 1, growing relative to the nation: star)."""
    out = sp.portfolio(PF, start=2018, end=2021, relative_to_nation=True).set_index(["region", "sector"])
    nat_x = 100 * ((133.1 + 100 * 1.08 ** 3) / 200) ** (1 / 3) - 100
    nat_y = 100 * ((72.9 + 100 * 0.95 ** 3) / 200) ** (1 / 3) - 100
    assert nat_x == pytest.approx(9.0092, abs=1e-4) and nat_y == pytest.approx(-7.4325, abs=1e-4)
    for (r, s), g in PF_GROWTH.items():
        assert out.loc[(r, s), "growth"] == pytest.approx(g - (nat_x if s == "x" else nat_y), abs=1e-9)
    assert out["quadrant"].to_dict() == {("A", "x"): "star", ("A", "y"): "transforming",
                                         ("B", "x"): "transforming", ("B", "y"): "star"}


@pytest.mark.parametrize("start, end", [(2021, 2021), (2021, 2018)])
def test_portfolio_window_must_move_forward(start, end):
    """Documented contract: a window that does not end after it starts raises kzclusters.DataError."""
    with pytest.raises(DataError):
        sp.portfolio(PF, start=start, end=end)


def test_portfolio_zero_start_gives_no_growth():
    """Module contract (NaN, not an exception): a cell that is 0 in the start year has no finite
    CAGR, so growth is NaN and the quadrant is left empty; the other cells are unaffected."""
    df = PF.copy()
    df.loc[(df.year == 2018) & (df.region == "B") & (df.sector == "y"), "value"] = 0.0
    out = sp.portfolio(df, start=2018, end=2021).set_index(["region", "sector"])
    assert np.isnan(out.loc[("B", "y"), "growth"]) and out.loc[("B", "y"), "quadrant"] == ""
    assert out.loc[("A", "x"), "growth"] == pytest.approx(10.0, abs=1e-9)


def test_seed000_groups_against_bns_national_divisions():
    """Seed 000 Table 2 audit against official data: BNS national GVA shares of the paper's manufacturing
    groups (BNS 5931, divisions 10-33) lie close to the shares implied by the printed LQs, supporting the
    manufacturing base. Metallurgy (24): BNS 38.53 % (2016) vs implied 42.94 [41.69, 44.27]."""
    from kzclusters.ui.cluster_potential import Seed000Audit
    from kzclusters.ui.shell import Page

    d = Seed000Audit(Page("01_cluster_potential.ipynb", lang="en")).audit_frame()
    assert d["bns_national"].notna().all() and len(d) == 36
    sums = d.groupby("year")["bns_national"].sum()
    # the paper's 12 groups cover every division but tobacco (12), which its table does not list
    div = kzdata.load("gva_divisions").query("year in [2016, 2017, 2018]")
    mfg = div[div["sector"].isin([f"{i:02d}" for i in range(10, 34)])].groupby("year")["value"].sum()
    tobacco = 100 * div[div["sector"] == "12"].set_index("year")["value"] / mfg
    np.testing.assert_allclose(sums + tobacco.loc[sums.index], 100.0, atol=1e-9)
    metal = d.query("row == 1 and year == 2016")["bns_national"].item()
    assert round(metal, 2) == 38.53
    big = d[d["implied"] > 5]
    assert (abs(big["bns_national"] - big["implied"]) / big["implied"] < 0.3).all()
