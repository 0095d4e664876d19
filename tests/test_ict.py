"""kzclusters.ict: seed 003's "modified KSI", the Table 3 audit, verbal classes, and the BNS extension.

Every expected number is a published pin (seed 003 «ICT clusters in Kazakhstan's regions:
innovation-development index and modified Krugman specialisation index», Tables 2-3, as transcribed in
the spec ``cluster_potential_and_ict.md`` §3.6, §3.7 and §4.1; BNS GVA by region and section), an
independent numpy / ``decimal`` recomputation of the formula (never a call to the function under test),
or hand-worked arithmetic written in the test's docstring.
"""

from __future__ import annotations

import copy
import time
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
import pytest

from kzclusters import DataError
from kzclusters import data as kzdata
from kzclusters import ict
from kzclusters import specialization as sp

TOL = 1e-12

# ---------------------------------------------------------------- published numbers (spec §3.6-§3.7, §4.1)

#: Seed 003 Table 3 as printed; None = a printed dash "—".
TABLE3 = {
    "AKM": (0.003, 0.002), "AKT": (0.197, 0.033), "ALM": (0.010, 0.008), "ATY": (None, None),
    "ZKO": (0.002, None), "ZHM": (0.000, 0.002), "KRG": (0.040, 0.074), "KST": (None, None),
    "KZL": (None, None), "MNG": (None, None), "YKO": (None, 0.026), "PVL": (None, 0.023),
    "SKO": (0.021, 0.144), "VKO": (0.005, 0.009), "AST": (0.039, 0.224), "ALA": (0.683, 0.606),
}
#: Table 2 column sums, dashes as 0 (spec §3.6).
COLUMN_SUMS = {2010: 16554.6, 2011: 23427.856, 2012: 26847.448, 2013: 33169.0, 2014: 36989.9,
               2015: 36197.0, 2016: 38269.1}


def published(year: int) -> dict:
    col = 0 if year == 2010 else 1
    return {r: v[col] for r, v in TABLE3.items()}


def round3(x: float) -> float:
    """Half-up rounding to 3 decimals via decimal on the shortest repr (independent of ict)."""
    return float(Decimal(repr(float(x))).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP))


@pytest.fixture(scope="module")
def t2() -> pd.DataFrame:
    return kzdata.load("seed003_t2_ict_output")


@pytest.fixture(scope="module")
def t2_matrix(t2):
    """Table 2 as a regions x years numpy matrix, NaN for a dash."""
    wide = t2.pivot(index="region", columns="year", values="value")
    return wide.index.tolist(), wide.columns.tolist(), wide.to_numpy(dtype="float64")


def ksi_dict(df: pd.DataFrame, year: int) -> dict:
    d = df[df["year"] == year]
    return dict(zip(d["region"], d["ksi"]))


# ---------------------------------------------------------------- shipped tables agree with the spec


def test_shipped_table3_matches_the_printed_table():
    """The shipped seed003_t3_ksi holds exactly the printed Table 3 (spec §3.7), dashes as NaN."""
    t3 = kzdata.load("seed003_t3_ksi")
    for year in (2010, 2016):
        got = t3[t3["year"] == year].set_index("region")["value"]
        assert set(got.index) == set(TABLE3)
        for r, v in published(year).items():
            if v is None:
                assert np.isnan(got[r]), (r, year)
            else:
                assert got[r] == pytest.approx(v, abs=1e-12), (r, year)


def test_table2_column_sums_equal_spec(t2_matrix):
    """Spec §3.6: column sums of Table 2 with dashes as 0, recomputed with numpy; the 2010-2016
    total is 211,454.904; ksi's `total` and table3_totals agree."""
    regions, years, m = t2_matrix
    sums = np.nansum(m, axis=0)
    assert dict(zip(years, sums)) == pytest.approx(COLUMN_SUMS, abs=1e-6)
    assert sums.sum() == pytest.approx(211454.904, abs=1e-6)
    tot = ict.table3_totals(all_years=True).set_index("year")["column_sum"]
    assert tot.to_dict() == pytest.approx(COLUMN_SUMS, abs=1e-6)
    k = ict.ksi(kzdata.load("seed003_t2_ict_output")).groupby("year")["total"].first()
    assert k.to_dict() == pytest.approx(COLUMN_SUMS, abs=1e-6)


# ---------------------------------------------------------------- paper mode reproduces Table 3


@pytest.mark.parametrize("year", [2010, 2016])
def test_paper_mode_reproduces_every_cell_of_table3(t2, year):
    """Seed 003 Table 3, every cell: with the paper's denominators (16,501.5 in 2010, 33,261 in 2016;
    spec §4.1) and half-up rounding to 3 decimals, all 10 numbers of 2010 and all 11 of 2016 equal the
    printed values, and every printed dash (incl. Pavlodar 2010, which Table 2 has as 53.1) is a dash."""
    out = ict.ksi(t2[t2["year"].isin([2010, 2016])], denominator="paper")
    got = ksi_dict(out, year)
    pub = published(year)
    n_numbers = sum(v is not None for v in pub.values())
    assert n_numbers == (10 if year == 2010 else 11)
    for r, v in pub.items():
        if v is None:
            assert np.isnan(got[r]), f"{r} {year}: the paper prints a dash, got {got[r]}"
        else:
            assert round3(got[r]) == v, f"{r} {year}: {got[r]:.6f} -> {round3(got[r])} vs printed {v}"
    assert set(out["denominator"]) == {"paper"}
    assert out.groupby("year")["total"].first().to_dict() == {2010: 16501.5, 2016: 33261.0}
    pvl = out[(out["region"] == "PVL") & (out["year"] == 2010)].iloc[0]
    assert pvl["value"] == 53.1 and not pvl["is_dash"] and pvl["dropped"]


def test_paper_constants():
    """spec §4.1: 16,554.6 - 53.1 = 16,501.5; 2016 midpoint 33,261 lies in [33,250.8, 33,271.1]."""
    assert ict.PAPER_DENOMINATORS[2010] == pytest.approx(16554.6 - 53.1, abs=1e-9)
    assert 33250.8 <= ict.PAPER_DENOMINATORS[2016] <= 33271.1
    assert ict.PAPER_DROPPED == {("PVL", 2010)}
    with pytest.raises(TypeError):
        ict.PAPER_DENOMINATORS[2011] = 1.0   # read-only


# ---------------------------------------------------------------- column-sum mode


def test_column_sum_shares_equal_numpy(t2, t2_matrix):
    """KSI = R / sum_r R with dashes counted as 0 (spec §1.3), recomputed from Table 2 with numpy;
    dashes stay NaN; shares add to 1 in every year 2010-2016."""
    regions, years, m = t2_matrix
    expected = m / np.nansum(m, axis=0)
    out = ict.ksi(t2)
    got = out.pivot(index="region", columns="year", values="ksi").loc[regions, years].to_numpy()
    assert np.allclose(got, expected, rtol=0, atol=TOL, equal_nan=True)
    assert np.array_equal(np.isnan(got), np.isnan(m))
    assert np.allclose(out.groupby("year")["ksi"].sum(), 1.0, rtol=0, atol=TOL)
    assert not out["total_incomplete"].any() and set(out["denominator"]) == {"sum"}


def test_column_sum_verdicts_match_spec(t2, t2_matrix):
    """Spec §4.1 verdicts, recomputed independently: 2010: 9 of 10 printed numbers reproduce with the
    column sum, the exception is Almaty city (0.681 vs printed 0.683); 2016: only Zhambyl reproduces."""
    regions, years, m = t2_matrix
    share = m / np.nansum(m, axis=0)
    for year, n_ok, failing in ((2010, 9, {"ALA"}), (2016, 1, None)):
        col = share[:, years.index(year)]
        ok, bad = [], []
        for r, v in published(year).items():
            if v is None:
                continue
            (ok if round3(col[regions.index(r)]) == v else bad).append(r)
        assert len(ok) == n_ok, (year, ok)
        if failing:
            assert set(bad) == failing
        else:
            assert ok == ["ZHM"]
    assert round3(share[regions.index("ALA"), years.index(2010)]) == 0.681


def test_table3_audit_flags_and_notes():
    """table3_audit's flags equal the independent verdicts above, and its notes name the cause:
    Pavlodar 2010 (printed dash, Table 2 has 53.1), Almaty city 2010 (needs the total without Pavlodar),
    ten 2016 cells (need the paper's 33,261), dashes where both tables print dashes."""
    a = ict.table3_audit()
    assert len(a) == 32
    assert list(a.columns) == ["region", "year", "output", "published", "paper_mode", "column_sum",
                               "reproduces_paper_mode", "reproduces_column_sum", "note"]
    assert a["reproduces_paper_mode"].all()
    num = a[a["published"].notna()]
    assert num.groupby("year")["reproduces_column_sum"].sum().to_dict() == {2010: 9, 2016: 1}
    note = a.set_index(["region", "year"])["note"]
    assert note[("PVL", 2010)] == "pavlodar_dropped"
    assert note[("ALA", 2010)] == "denominator_2010"
    assert note[("ZHM", 2016)] == "ok" and note[("ZHM", 2010)] == "ok"
    dashes = {(r, y) for r, v in TABLE3.items() for y, x in zip((2010, 2016), v) if x is None}
    assert {k for k, v in note.items() if v == "dash"} == dashes - {("PVL", 2010)}
    assert (a.loc[a["year"] == 2016, "note"].value_counts().to_dict()
            == {"denominator_2016": 10, "dash": 5, "ok": 1})
    assert set(a["note"]) <= set(ict.AUDIT_NOTES)
    ala = a[(a["region"] == "ALA") & (a["year"] == 2010)].iloc[0]
    assert (ala["published"], ala["paper_mode"], ala["column_sum"]) == (0.683, 0.683, 0.681)


def test_table3_totals_published_sums_and_ratio():
    """Spec §4.1: the printed KSIs add to 1.000 (2010) and 1.151 (2016); 38,269.1 / 33,261 = 1.1506."""
    t = ict.table3_totals().set_index("year")
    assert sum(v for v in published(2016).values() if v) == pytest.approx(1.151, abs=1e-9)
    assert sum(v for v in published(2010).values() if v is not None) == pytest.approx(1.000, abs=1e-9)
    assert t.loc[2016, "published_sum"] == pytest.approx(1.151, abs=1e-9)
    assert t.loc[2010, "published_sum"] == pytest.approx(1.000, abs=1e-9)
    assert round(t.loc[2016, "ratio"], 4) == 1.1506
    assert t.loc[2016, "ratio"] == pytest.approx(38269.1 / 33261.0, abs=1e-12)
    assert t.loc[[2010, 2016], ["n_published", "n_reproduce_paper", "n_reproduce_column_sum"]] \
        .values.tolist() == [[10, 10, 9], [11, 11, 1]]
    assert list(t.index) == [2010, 2016]
    t_all = ict.table3_totals(all_years=True).set_index("year")
    assert np.isnan(t_all.loc[2013, "paper_denominator"]) and t_all.loc[2013, "n_published"] == 0


# ---------------------------------------------------------------- denominators and dash handling


def test_user_denominator_and_paper_errors(t2):
    """A user total divides every region (hand-worked: 0.1 / 100 = 0.001); paper mode names the
    missing year and the years it has; a mapping without a year names that year."""
    toy = pd.DataFrame({"region": ["A", "B"], "year": 2020, "value": [0.1, 99.9]})
    out = ict.ksi(toy, denominator={2020: 100.0})
    assert out["ksi"].tolist() == pytest.approx([0.001, 0.999], abs=TOL)
    assert set(out["denominator"]) == {"user"}
    assert ict.ksi(toy, denominator=pd.Series({2020: 200.0}))["ksi"].tolist() == pytest.approx([5e-4, 0.4995])
    with pytest.raises(DataError, match=r"2011.*2010, 2016"):
        ict.ksi(t2, denominator="paper")
    with pytest.raises(DataError, match="2020"):
        ict.ksi(toy, denominator={2019: 100.0})
    for bad in (0, -5.0, np.nan, "x"):
        with pytest.raises(DataError, match="2020"):
            ict.ksi(toy, denominator={2020: bad})
    with pytest.raises(DataError, match="sum"):
        ict.ksi(toy, denominator="column")
    with pytest.raises(DataError, match="denominator"):
        ict.ksi(toy, denominator=[100.0])


def test_dash_unknown_flags_incomplete_totals():
    """dash="unknown": shares unchanged, but a year with a dash has a lower-bound total, flagged;
    a year without dashes and external totals are not flagged."""
    toy = pd.DataFrame({"region": ["A", "B", "A", "B"], "year": [2010, 2010, 2011, 2011],
                        "value": [3.0, np.nan, 1.0, 1.0]})
    z = ict.ksi(toy)
    u = ict.ksi(toy, dash="unknown")
    assert np.allclose(z["ksi"], u["ksi"], equal_nan=True)
    assert u["total_incomplete"].tolist() == [True, True, False, False]
    assert not ict.ksi(toy, dash="unknown", denominator={2010: 5.0, 2011: 2.0})["total_incomplete"].any()
    with pytest.raises(DataError, match="unknown"):
        ict.ksi(toy, dash="skip")


def test_is_dash_column_is_respected_and_checked():
    """With an is_dash column, a dash is NaN + True; a value marked as a dash, or a NaN not marked,
    is an error naming the region and year; KZ rows are ignored."""
    ok = pd.DataFrame({"region": ["A", "B", "KZ"], "year": 2016, "value": [2.0, np.nan, 5.0],
                       "is_dash": [False, True, False]})
    out = ict.ksi(ok)
    assert out["region"].tolist() == ["A", "B"] and out["ksi"].tolist()[0] == 1.0
    with pytest.raises(DataError, match=r"B.*2016.*dash"):
        ict.ksi(ok.assign(is_dash=[False, False, False]))
    with pytest.raises(DataError, match=r"A.*2016.*2"):
        ict.ksi(ok.assign(is_dash=[True, True, False]))


@pytest.mark.parametrize("df,match", [
    (pd.DataFrame({"region": ["A"], "value": [1.0]}), "year"),
    (pd.DataFrame({"region": ["A"], "year": [2016]}), "value"),
    (pd.DataFrame({"region": ["A", "A"], "year": [2016, 2016], "value": [1.0, 2.0]}), "duplicate"),
    (pd.DataFrame({"region": ["A"], "year": [2016], "value": [-1.0]}), "negative"),
    (pd.DataFrame({"region": ["A"], "year": [2016.5], "value": [1.0]}), "year"),
    (pd.DataFrame({"region": ["A"], "year": [2016], "value": [np.inf]}), "infinite"),
    (pd.DataFrame({"region": ["A"], "year": [2016], "value": ["1,5"]}), "number"),
])
def test_ksi_bad_input(df, match):
    with pytest.raises(DataError, match=match):
        ict.ksi(df)


def test_ksi_not_a_frame():
    with pytest.raises(DataError, match="DataFrame"):
        ict.ksi([1, 2, 3])


# ---------------------------------------------------------------- verbal classes


def test_ksi_class_reproduces_the_papers_classes(t2):
    """Seed 003 text (spec §1.3, §4.2 rows 20-21, §6): Almaty city "most specialised" (high in both
    years); Astana and North Kazakhstan "medium" (2016); Aktobe "medium" (2010 only: 0.197); outsiders
    Atyrau, Kostanay, Kyzylorda, Mangystau, South Kazakhstan and Pavlodar = the 2010 dashes."""
    k = ict.ksi(t2[t2["year"].isin([2010, 2016])], denominator="paper")
    k = k.assign(cls=ict.ksi_class(k["ksi"]).to_numpy()).set_index(["region", "year"])["cls"]
    assert k[("ALA", 2010)] == k[("ALA", 2016)] == "high"
    assert k[("AST", 2016)] == k[("SKO", 2016)] == k[("AKT", 2010)] == "medium"
    for r in ("ATY", "KST", "KZL", "MNG", "YKO", "PVL"):
        assert k[(r, 2010)] == "outsider", r
    # the spec's caveat (§4.2 row 21): Aktobe is not medium in 2016 (0.033)
    assert k[("AKT", 2016)] == "low"
    assert set(k) <= set(ict.KSI_CLASSES)


def test_ksi_class_boundaries_and_index():
    """Cut-offs are inclusive from below: 0.1 medium, 0.5 high; 0 and NaN outsiders; tiny > 0 low."""
    s = pd.Series([0.5, 0.4999, 0.1, 0.0999, 1e-9, 0.0, np.nan], index=list("abcdefg"))
    out = ict.ksi_class(s)
    assert out.tolist() == ["high", "medium", "medium", "low", "low", "outsider", "outsider"]
    assert list(out.index) == list("abcdefg")
    assert ict.ksi_class([0.3], cuts=(0.05, 0.25)).tolist() == ["high"]


@pytest.mark.parametrize("cuts", [(0.5, 0.1), (0.1, 0.1), (0.0, 0.5), (0.1, 1.5), (0.1,), (0.1, 0.2, 0.3),
                                  ("a", "b"), (0.1, np.nan)])
def test_ksi_class_bad_cuts(cuts):
    with pytest.raises(DataError, match="cuts"):
        ict.ksi_class([0.2], cuts=cuts)


def test_ksi_class_bad_shares():
    with pytest.raises(DataError, match="negative"):
        ict.ksi_class([0.2, -0.1])
    with pytest.raises(DataError, match="numbers"):
        ict.ksi_class(["high"])


# ---------------------------------------------------------------- BNS extension


@pytest.fixture(scope="module")
def gva():
    return kzdata.load("grp_gva")


@pytest.fixture(scope="module")
def vol():
    return kzdata.load("gva_volume_index")


@pytest.fixture(scope="module")
def conc17():
    return ict.ict_concentration()


@pytest.fixture(scope="module")
def conc20():
    return ict.ict_concentration(frame="20")


def test_bns_layout(conc17):
    assert list(conc17.columns) == ["region", "year", "value", "share", "lq", "volume_index", "real_growth",
                                    "volume_source", "real_index", "index_base"]
    assert not conc17.duplicated(["region", "year"]).any()
    assert set(conc17["year"]) == set(range(2010, 2026))
    assert set(conc17["volume_source"]) <= set(ict.VOLUME_SOURCES)
    # frame 17: 16 regions in 2010 (South Kazakhstan unsplit), 17 from 2011
    n = conc17[conc17["region"] != "KZ"].groupby("year")["region"].nunique()
    assert n[2010] == 16 and (n.loc[2011:] == 17).all()


@pytest.mark.parametrize("frame", ["17", "20", "16"])
def test_bns_shares_sum_to_one_and_national_total(gva, frame):
    """Shares of J over the regions add to 1 in every year; the regional values add to BNS's national
    J (region KZ), on every frame."""
    c = ict.ict_concentration(frame=frame, national=True)
    reg = c[c["region"] != "KZ"]
    assert (ict.ict_concentration(frame=frame)["region"] != "KZ").all()   # regions only by default
    assert np.allclose(reg.groupby("year")["share"].sum(), 1.0, rtol=0, atol=1e-12)
    bns = gva[(gva["region"] == "KZ") & (gva["sector"] == "J")].set_index("year")["value"]
    assert np.allclose(reg.groupby("year")["value"].sum().loc[bns.index], bns, rtol=1e-12)
    kz = c[c["region"] == "KZ"].set_index("year")
    assert np.allclose(kz["value"].loc[bns.index], bns, rtol=1e-12)
    assert (kz["share"] == 1).all() and (kz["lq"] == 1).all()


def test_bns_frames_17_and_20_agree_on_national_totals(conc17, conc20):
    a = conc17[conc17["region"] != "KZ"].groupby("year")["value"].sum()
    b = conc20[conc20["region"] != "KZ"].groupby("year")["value"].sum()
    assert np.allclose(a, b, rtol=1e-12)
    # frame 20 has Abai, Zhetisu, Ulytau from 2021 (the first year BNS publishes them); frame 17 never
    assert {"ABY", "ZHT", "ULT"} <= set(conc20.loc[conc20["year"] == 2021, "region"])
    assert not {"ABY", "ZHT", "ULT"} & set(conc17["region"])


def test_bns_almaty_and_astana_hold_the_largest_shares_2022(conc17, conc20):
    """BNS 2022: Almaty city 940,620.1 and Astana 795,595.3 of 2,109,087.4 mln KZT of section J."""
    for c in (conc17, conc20):
        y = c[(c["year"] == 2022) & (c["region"] != "KZ")].sort_values("share", ascending=False)
        assert y["region"].tolist()[:2] == ["ALA", "AST"]
        assert y["value"].tolist()[:2] == [940620.1, 795595.3]
        assert y["share"].tolist()[:2] == pytest.approx([940620.1 / 2109087.4, 795595.3 / 2109087.4],
                                                        abs=1e-12)
        assert y["share"].iloc[:2].sum() > 0.8


def test_bns_lq_equals_numpy_and_weighted_identity(gva, conc17):
    """LQ_rJ = (x_rJ / X_r) / (sum_r x_rJ / sum_r X_r) over SECTIONS, recomputed with numpy on the
    harmonised frame-17 table (2010-2013: OTHER_SERVICES stands in for I, K, M-S; the base is the whole
    of GVA every year); and the identity sum_r (X_r / X) LQ_rJ = 1 in every year."""
    h = kzdata.harmonise(gva, "17")
    h = h[(h["region"] != "KZ") & h["sector"].isin(sp.SECTIONS)]
    X = h.groupby(["region", "year"])["value"].sum()
    xj = h[h["sector"] == "J"].set_index(["region", "year"])["value"]
    Xr, xj = X.loc[xj.index], xj
    nat_j = xj.groupby(level="year").transform("sum")
    nat_X = X.groupby(level="year").sum().reindex(xj.index.get_level_values("year")).to_numpy()
    expected = (xj / Xr) / (nat_j / nat_X)
    got = conc17[conc17["region"] != "KZ"].set_index(["region", "year"])["lq"].loc[expected.index]
    assert np.allclose(got, expected, rtol=1e-12)
    w = (Xr / X.groupby(level="year").transform("sum").loc[xj.index])
    assert np.allclose((w * got).groupby(level="year").sum(), 1.0, rtol=0, atol=1e-12)
    # Almaty city and Astana are specialised in ICT (LQ > 1) in every year from 2013
    lq = conc17.set_index(["region", "year"])["lq"]
    assert all(lq[("ALA", y)] > 1 and lq[("AST", y)] > 1 for y in range(2013, 2026))


def test_bns_chained_index_reproduces_volume_ratios(conc17, conc20):
    """P_t / P_{t-1} * 100 = V_t wherever both years are in the chain; P = 100 in the base year."""
    for c in (conc17, conc20):
        c = c.sort_values(["region", "year"])
        prev = c.groupby("region")["real_index"].shift(1)
        both = prev.notna() & c["real_index"].notna()
        assert both.sum() > 200
        ratio = 100 * c.loc[both, "real_index"] / prev[both]
        assert np.allclose(ratio, c.loc[both, "volume_index"], rtol=1e-12)
        at_base = c[c["year"] == c["index_base"].astype("float64")]
        assert np.allclose(at_base["real_index"], 100.0)
        assert np.allclose(c["real_growth"], c["volume_index"] - 100, equal_nan=True)


def test_bns_volume_published_where_available(vol, conc17, conc20):
    """Territories BNS publishes take BNS's own index: every frame-20 region, frame-17 regions that
    are not folded, and the national row."""
    v = vol[vol["sector"] == "J"].set_index(["region", "year"])["value"]
    for c in (conc17, conc20, ict.ict_concentration(national=True)):
        b = c[c["volume_source"] == "bns"]
        assert np.allclose(b["volume_index"], v.loc[list(zip(b["region"], b["year"]))].to_numpy())
    assert set(conc20["volume_source"]) <= {"bns", "none"}
    kz = ict.ict_concentration(national=True).query("region == 'KZ'").set_index("year")["volume_index"]
    assert np.allclose(kz, v.xs("KZ", level="region").loc[kz.index])
    agg = conc17[conc17["volume_source"].str.startswith("aggregated")]
    assert set(agg["region"]) == {"VKO", "ALM", "KRG"} and set(agg["year"]) == set(range(2021, 2026))


def test_bns_folded_volume_is_previous_year_weighted(gva, vol, conc17):
    """Frame 17, East Kazakhstan (VKO + Abai): 2022 = previous-year nominal weights,
    (x_VKO,2021 V_VKO + x_ABY,2021 V_ABY) / (x_VKO,2021 + x_ABY,2021); 2021 (first year of the split, no
    2020 value for Abai) = sum x_2021 / sum (x_2021 / V)."""
    x = gva[gva["sector"] == "J"].set_index(["region", "year"])["value"]
    v = vol[vol["sector"] == "J"].set_index(["region", "year"])["value"]
    c = conc17.set_index(["region", "year"])
    w = np.array([x[("VKO", 2021)], x[("ABY", 2021)]])
    i = np.array([v[("VKO", 2022)], v[("ABY", 2022)]])
    assert c.loc[("VKO", 2022), "volume_index"] == pytest.approx((w * i).sum() / w.sum(), rel=1e-12)
    assert c.loc[("VKO", 2022), "volume_source"] == "aggregated"
    x21 = np.array([x[("VKO", 2021)], x[("ABY", 2021)]])
    i21 = np.array([v[("VKO", 2021)], v[("ABY", 2021)]])
    assert c.loc[("VKO", 2021), "volume_index"] == pytest.approx(x21.sum() / (x21 / i21).sum(), rel=1e-12)
    assert c.loc[("VKO", 2021), "volume_source"] == "aggregated_current"
    assert min(i21) <= c.loc[("VKO", 2021), "volume_index"] <= max(i21)


def test_bns_shymkent_turkistan_chain_starts_2017(conc17):
    """BNS publishes no volume index for Shymkent and Turkistan before 2018 (only South Kazakhstan's),
    so their growth is NaN until 2017 and their chain starts at 100 in 2017."""
    for r in ("SHM", "TRK"):
        s = conc17[conc17["region"] == r].set_index("year")
        assert s.loc[2011:2017, "volume_index"].isna().all()
        assert (s.loc[2011:2017, "volume_source"] == "none").all()
        assert s.loc[2017, "real_index"] == 100.0 and s.loc[2016:2016, "real_index"].isna().all()
        assert (s.loc[2017:, "index_base"] == 2017).all()
    frame16 = ict.ict_concentration(frame="16")
    yko = frame16[frame16["region"] == "YKO"].set_index("year")
    assert (yko.loc[2010:2017, "volume_source"] == "bns").all()
    assert (yko.loc[2018:, "volume_source"] == "aggregated").all()
    assert yko["real_index"].notna().all()


def test_ict_growth_hand_worked():
    """Hand-worked over 2 years: value 100 -> 121 is +10 %/yr nominal; real index 100 -> 104.04 is
    +2 %/yr; share 0.20 -> 0.25 is +5 pp; LQ 1.5 -> 1.2 is -0.3. A region only in the end year gets NaN."""
    conc = pd.DataFrame({"region": ["A", "A", "B"], "year": [2020, 2022, 2022], "value": [100.0, 121.0, 5.0],
                         "share": [0.20, 0.25, 0.75], "lq": [1.5, 1.2, 0.9],
                         "real_index": [100.0, 104.04, 100.0]})
    g = ict.ict_growth(conc, 2020, 2022).set_index("region")
    assert g.loc["A", "nominal_cagr"] == pytest.approx(10.0, abs=1e-9)
    assert g.loc["A", "real_cagr"] == pytest.approx(2.0, abs=1e-9)
    assert g.loc["A", "d_share_pp"] == pytest.approx(5.0, abs=1e-9)
    assert g.loc["A", "d_lq"] == pytest.approx(-0.3, abs=1e-9)
    assert g.loc["B", ["d_share_pp", "real_cagr", "nominal_cagr"]].isna().all()


def test_ict_growth_on_bns(conc17):
    """Real CAGR over 2015-2025 equals the product of the BNS volume indices, from the table's own
    columns; nominal CAGR from the values."""
    g = ict.ict_growth(conc17, 2015, 2025).set_index("region")
    ala = conc17[conc17["region"] == "ALA"].set_index("year")
    prod = np.prod(ala.loc[2016:2025, "volume_index"] / 100)
    assert g.loc["ALA", "real_cagr"] == pytest.approx(100 * (prod ** 0.1 - 1), rel=1e-10)
    assert g.loc["ALA", "nominal_cagr"] == pytest.approx(
        100 * ((ala.loc[2025, "value"] / ala.loc[2015, "value"]) ** 0.1 - 1), rel=1e-12)
    assert np.isnan(g.loc["SHM", "real_cagr"])   # the chain starts in 2017


@pytest.mark.parametrize("start,end,match", [(2020, 2020, "end after"), (2022, 2020, "end after"),
                                             (2005, 2020, "2005"), ("x", 2020, "years")])
def test_ict_growth_bad_window(conc17, start, end, match):
    with pytest.raises(DataError, match=match):
        ict.ict_growth(conc17, start, end)


def test_ict_growth_needs_concentration_table():
    with pytest.raises(DataError, match="ict_concentration"):
        ict.ict_growth(pd.DataFrame({"region": ["A"], "year": [2020]}), 2019, 2020)


def test_ict_concentration_bad_input(gva, vol):
    with pytest.raises(DataError, match="frame"):
        ict.ict_concentration(frame="18")
    with pytest.raises(DataError, match="GDP"):
        ict.ict_concentration(sector="GDP")
    with pytest.raises(DataError, match="no rows for sector"):
        ict.ict_concentration(gva[gva["sector"] != "J"], vol)
    with pytest.raises(DataError, match="volume index must be > 0"):
        ict.ict_concentration(gva, vol.assign(value=vol["value"].where(vol.index != 3, -1.0)))
    with pytest.raises(DataError, match="year"):
        ict.ict_concentration(gva.drop(columns="year"), vol)
    with pytest.raises(DataError, match="DataFrame"):
        ict.ict_concentration("grp_gva")


def test_other_sector_works(gva):
    """The same machinery for another section (manufacturing, C): shares add to 1."""
    c = ict.ict_concentration(sector="C")
    assert "KZ" not in set(c["region"])
    assert np.allclose(c.groupby("year")["share"].sum(), 1.0)


# ---------------------------------------------------------------- purity and speed


def test_inputs_are_not_mutated(t2, gva, vol):
    t2c, gc, vc = t2.copy(deep=True), gva.copy(deep=True), vol.copy(deep=True)
    s = pd.Series([0.2, np.nan])
    sc = s.copy()
    ict.ksi(t2)
    ict.ksi(t2[t2["year"].isin([2010, 2016])], denominator="paper", dash="unknown")
    ict.table3_audit(t2)
    ict.ksi_class(s)
    conc = ict.ict_concentration(gva, vol, frame="17")
    cc = conc.copy(deep=True)
    ict.ict_growth(conc, 2010, 2025)
    for a, b in ((t2, t2c), (gva, gc), (vol, vc), (conc, cc)):
        pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_series_equal(s, sc)
    denom = {2010: 1.0}
    d0 = copy.deepcopy(denom)
    ict.ksi(t2[t2["year"] == 2010], denominator=denom)
    assert denom == d0


def test_bns_table_fast(gva, vol):
    """Performance contract for the UI: the whole BNS table (every region and year) in well under a
    second."""
    ict.ict_concentration(gva, vol)   # warm-up
    t0 = time.perf_counter()
    for frame in ("17", "20"):
        ict.ict_concentration(gva, vol, frame=frame)
    assert time.perf_counter() - t0 < 1.0
