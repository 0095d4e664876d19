"""kzclusters.innovation: seed 003's six indicators from the BNS 2022 bulletins, the template and uploads.

Expected numbers are recomputed by hand from the shipped CSVs in ``data/official`` with plain
``pandas.read_csv`` (never through ``kzclusters.data.load`` or the function under test), with the
units written out: R&D in thousand KZT, innovation money in million KZT, employment in thousand
persons, population in persons, GRP and investment in million KZT.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kzclusters import DataError, i18n
from kzclusters import composite as cp
from kzclusters import data as kzdata
from kzclusters import innovation as inn

DATA = Path(__file__).resolve().parents[1] / "data"

OFF = DATA / "official"
BNS = OFF / "bns"
YEAR = 2022
KEYS = ["region", "year", "indicator"]
TWENTY = {"ABY", "AKM", "AKT", "ALA", "ALM", "AST", "ATY", "KRG", "KST", "KZL", "MNG", "PVL", "SHM", "SKO",
          "TRK", "ULT", "VKO", "ZHM", "ZHT", "ZKO"}


# ---------------------------------------------------------------- raw data, read independently


def _bulletin(name: str) -> pd.DataFrame:
    return pd.read_csv(OFF / name, dtype={"region": str, "indicator": str, "flag": str},
                       keep_default_na=False, na_values={"value": [""]})


def raw_value(name: str, region: str, indicator: str) -> float:
    d = _bulletin(name)
    row = d[(d["region"] == region) & (d["indicator"] == indicator) & (d["year"] == YEAR)]
    assert len(row) == 1 and row["flag"].iloc[0] == ""
    return float(row["value"].iloc[0])


def raw_series(file: str, col: str, region: str, year: int = YEAR, item: str | None = None) -> float:
    d = pd.read_csv(BNS / file, dtype={"region": str, "item_code": str}, keep_default_na=False)
    d = d[(d["region"] == ("national" if region == "KZ" else region)) & (d["year"] == year)]
    if item is not None:
        d = d[d["item_code"] == item]
    assert len(d) == 1, (file, region, year, item)
    return float(d[col].iloc[0])


def employed(region: str, year: int = YEAR) -> float:          # thousand persons
    return raw_series("employed_by_region_2001_2025.csv", "employed_thousand", region, year)


def grp(region: str, year: int = YEAR) -> float:               # million KZT
    return raw_series("grp_gva_by_region_section_2010_2025.csv", "value_mln_kzt", region, year, "GDP")


def investment(region: str, year: int = YEAR) -> float:        # million KZT
    return raw_series("investment_fixed_capital_by_region_2003_2025.csv", "investment_mln_kzt", region, year)


def volume_index(region: str) -> pd.Series:                    # % of previous year, by year
    d = pd.read_csv(BNS / "grp_volume_index_by_region_2001_2025.csv", dtype={"region": str},
                    keep_default_na=False)
    return d[d["region"] == region].set_index("year")["grp_volume_index_pct_prev_year"].astype(float)


@pytest.fixture(scope="module")
def official() -> pd.DataFrame:
    return inn.bns_indicators()


@pytest.fixture(scope="module")
def cell(official) -> pd.Series:
    return official.set_index(["region", "indicator"])["value"]


# ---------------------------------------------------------------- shape


def test_twenty_regions_six_indicators_no_national_row(official):
    assert list(official.columns) == ["region", "year", "indicator", "value"]
    assert set(official["region"]) == TWENTY
    assert len(official) == 120 and not official.duplicated(KEYS).any()
    assert (official["year"] == YEAR).all() and official["year"].dtype == "int64"
    assert list(dict.fromkeys(official["indicator"])) == ["J_D", "J_F", "J_E", "J_A", "J_B", "J_C"]
    # every cell is defined and positive in 2022 (no confidential or missing cell among the inputs)
    assert official["value"].notna().all() and (official["value"] > 0).all()
    assert official.attrs["missing"] == []


def test_indicator_table_is_consistent_with_composite_presets():
    assert inn.CODES == tuple(i.code for i in inn.INDICATORS)
    for g, members in cp.SEED003_GROUPS.items():
        assert {i.code for i in inn.INDICATORS if i.group == g} == set(members)
    assert dict(inn.DIRECTION) == {"J_D": 1, "J_F": 1, "J_E": -1, "J_A": 1, "J_B": 1, "J_C": 1}
    assert {i.code for i in inn.INDICATORS if i.proxy} == {"J_E", "J_F", "J_B"}
    with pytest.raises(AttributeError):
        inn.INDICATORS[0].unit = "x"                   # frozen
    d = inn.definitions()
    assert list(d.columns) == ["code", "group", "direction", "unit", "proxy", "name_key", "definition_key",
                               "unit_key", "proxy_note_key", "source"]
    assert d["code"].tolist() == list(inn.CODES)
    assert d.loc[d["proxy"], "proxy_note_key"].notna().all()
    assert d.loc[~d["proxy"], "proxy_note_key"].isna().all()
    for src in d["source"]:
        for part in src.replace("(", " ").replace(")", " ").replace("/", " ").split():
            if not part.startswith(("rd_", "innovation_", "innovative_", "GDP", "TOTAL")):
                assert part in kzdata.names(), part


# ---------------------------------------------------------------- hand recomputation from the raw CSVs


def test_J_A_rd_expenditure_per_employed_by_hand(cell):
    # thousand KZT / thousand persons = KZT per employed person
    for r in ("ALA", "MNG", "ULT"):
        expect = raw_value("bns_rd_2022.csv", r, "rd_expenditure_internal_thousand_kzt") / employed(r)
        assert cell[r, "J_A"] == pytest.approx(expect, rel=1e-12)
    assert cell["ALA", "J_A"] == pytest.approx(46_759_433.9 / 997.963, rel=1e-12)   # 46,855 KZT


def test_J_B_innovation_expenditure_per_employed_by_hand(cell):
    # million KZT x 1e6 / (thousand persons x 1e3) = KZT per employed person
    for r in ("ATY", "SKO", "SHM"):
        money = raw_value("bns_innovation_2022.csv", r, "innovation_expenditure_mln_kzt")
        expect = money * 1e6 / (employed(r) * 1e3)
        assert cell[r, "J_B"] == pytest.approx(expect, rel=1e-12)


def test_J_C_innovative_products_per_capita_by_hand(cell):
    pop = pd.read_csv(BNS / "population_avg_by_region_2009_2025.csv", dtype={"region": str, "item_code": str},
                      keep_default_na=False)
    for r in ("KST", "AKM", "ULT"):
        hit = (pop["region"] == r) & (pop["year"] == YEAR) & (pop["item_code"] == "ALL")
        persons = float(pop.loc[hit, "population_persons"].iloc[0])
        expect = raw_value("bns_innovation_2022.csv", r, "innovative_products_mln_kzt") * 1e6 / persons
        assert cell[r, "J_C"] == pytest.approx(expect, rel=1e-12)


def test_J_D_is_the_published_labour_productivity(cell):
    for r in ("ATY", "ALA", "ZHT"):
        expect = raw_series("labour_productivity_by_region_section_2010_2025.csv",
                            "labour_productivity_thousand_kzt_per_employed", r, item="TOTAL")
        assert cell[r, "J_D"] == expect
    assert cell["ATY", "J_D"] == 37496.7


def test_J_D_published_and_grp_per_employed_rank_alike_but_differ_in_level():
    """The two readings of «производительность труда»: same ranking, GRP / employed 11-24 % higher in 2022."""
    bns = inn.bns_indicators().query("indicator == 'J_D'").set_index("region")["value"]
    alt = inn.bns_indicators(productivity="grp").query("indicator == 'J_D'").set_index("region")["value"]
    assert alt["ALA"] == pytest.approx(grp("ALA") / employed("ALA"), rel=1e-12)   # mln / thousand = thousand
    ratio = (alt / bns)
    assert ratio.between(1.10, 1.25).all(), ratio.describe()
    rho = alt.rank().corr(bns.rank())
    assert rho > 0.99
    # the other five indicators do not depend on the choice
    a, b = inn.bns_indicators(), inn.bns_indicators(productivity="grp")
    keep = a["indicator"] != "J_D"
    pd.testing.assert_frame_equal(a[keep].reset_index(drop=True), b[keep].reset_index(drop=True))


def test_J_F_grp_per_tenge_of_investment_by_hand(cell):
    for r in ("KRG", "ATY", "ALA"):
        assert cell[r, "J_F"] == pytest.approx(grp(r) / investment(r), rel=1e-12)
    three = inn.bns_indicators(capital_years=3).set_index(["region", "indicator"])["value"]
    krg = grp("KRG") / np.mean([investment("KRG", y) for y in (2020, 2021, 2022)])
    assert three["KRG", "J_F"] == pytest.approx(krg, rel=1e-12)
    # Abai's investment starts in 2022: one year averaged, and a note says so
    assert three["ABY", "J_F"] == pytest.approx(grp("ABY") / investment("ABY"), rel=1e-12)
    notes = inn.bns_indicators(capital_years=3).attrs["notes"]
    assert any(n.startswith("J_F ABY") and "1 of 3 years" in n for n in notes)


def test_J_E_sd_of_real_growth_by_hand(cell):
    for r in ("AKM", "ATY", "SHM"):
        g = volume_index(r).loc[2013:2022].to_numpy() - 100.0
        assert len(g) == 10
        assert cell[r, "J_E"] == pytest.approx(float(np.std(g, ddof=1)), rel=1e-12)


@pytest.mark.parametrize("child,parent,first_own", [("ABY", "VKO", 2021), ("ZHT", "ALM", 2021),
                                                    ("ULT", "KRG", 2022)])
def test_J_E_parent_series_before_a_new_region_existed(cell, official, child, parent, first_own):
    """Abai, Zhetisu and Ulytau (2022): the parent's published growth before their own series starts."""
    own, par = volume_index(child), volume_index(parent)
    assert own.index.min() == first_own
    g = np.concatenate([par.loc[2013:first_own - 1].to_numpy(), own.loc[first_own:2022].to_numpy()]) - 100.0
    assert len(g) == 10
    assert cell[child, "J_E"] == pytest.approx(float(np.std(g, ddof=1)), rel=1e-12)
    assert official.attrs["borrowed"][child] == {parent: list(range(2013, first_own))}
    assert any(n.startswith(f"J_E {child}") and parent in n for n in official.attrs["notes"])
    assert set(official.attrs["borrowed"]) == {"ABY", "ZHT", "ULT"}


def test_J_E_needs_min_years():
    wide = inn.bns_indicators(stability_years=25, min_years=23)        # growth published from 2001: 22 years
    je = wide[wide["indicator"] == "J_E"]
    assert je["value"].isna().all()
    reasons = {(m["region"], m["indicator"]): m for m in wide.attrs["missing"]}
    assert reasons["AKM", "J_E"]["reason_key"] == "innov_reason_too_few_years"
    assert "22 of 25 years" in reasons["AKM", "J_E"]["reason"]
    # with the South Kazakhstan series before 2011 Shymkent and Turkistan have as many years as the others
    ok = inn.bns_indicators(stability_years=25, min_years=22).set_index(["region", "indicator"])["value"]
    assert ok.loc[[("SHM", "J_E"), ("TRK", "J_E")]].notna().all()


# ---------------------------------------------------------------- units sanity


def test_units_sanity(cell, official):
    w = official.pivot(index="region", columns="indicator", values="value")
    med = w["J_D"].median()
    assert w.loc["ATY", "J_D"] > 2 * med and w.loc["ALA", "J_D"] > 1.5 * med    # oil and the metropolis
    rd = _bulletin("bns_rd_2022.csv")
    reporting = rd[(rd["indicator"] == "rd_expenditure_internal_thousand_kzt") & (rd["region"] != "KZ")
                   & (rd["flag"] == "") & (rd["value"] > 0)]["region"]
    assert len(reporting) == 20 and (w.loc[reporting, "J_A"] > 0).all()
    # national R&D per employed 121.6 bn KZT / 8.97 mn employed = 13,550 KZT: regional values straddle it
    national = raw_value("bns_rd_2022.csv", "KZ", "rd_expenditure_internal_thousand_kzt") / employed("KZ")
    assert w["J_A"].min() < national < w["J_A"].max()
    # employment-weighted mean of the regional J_B = national J_B (the regions sum to KZ within rounding)
    emp = pd.Series({r: employed(r) for r in w.index})
    nat_b = (raw_value("bns_innovation_2022.csv", "KZ", "innovation_expenditure_mln_kzt") * 1e3
             / employed("KZ"))
    assert (w["J_B"] * emp).sum() / emp.sum() == pytest.approx(nat_b, rel=0.01)
    # innovative products per person: thousands to a few hundred thousand KZT
    assert w["J_C"].between(1e3, 1e6).all()
    assert w["J_F"].between(1, 30).all()          # GRP is a few times annual investment
    assert w["J_E"].between(0.5, 15).all()        # percentage points


# ---------------------------------------------------------------- the index on official data


def test_composite_index_with_seed003_groups_gives_20_grades(official):
    res = cp.composite_index(official, cp.SEED003_GROUPS, group_weights=cp.SEED003_GROUP_WEIGHTS,
                             direction=dict(inn.DIRECTION))
    idx = res.index
    assert len(idx) == 20 and idx["index"].notna().all()
    grades = cp.grade(idx["index"])
    assert grades.notna().all() and set(grades) <= set(cp.GRADE_LABELS)
    # every indicator has its leader at 100 (J_E: the most stable region, min / x)
    lead = res.normalised.groupby("indicator")["score"].max()
    assert (lead == 100).all()
    je = res.normalised[res.normalised["indicator"] == "J_E"].set_index("region")["score"]
    assert je.idxmax() == official[official["indicator"] == "J_E"].set_index("region")["value"].idxmin()
    # the same result through index_options
    again = cp.composite_index(official, **inn.index_options(official))
    pd.testing.assert_frame_equal(again.index, res.index)
    top = idx.sort_values("rank")["region"].head(2).tolist()
    assert top == ["ALA", "ATY"]


def test_index_options_drop_missing_indicators(official):
    part = official[~official["indicator"].isin(["J_E", "J_B"])]
    opts = inn.index_options(part)
    assert opts["groups"] == {"IS": ("J_D", "J_F"), "IA": ("J_A", "J_C")}
    assert opts["direction"] == {"J_D": 1, "J_F": 1, "J_A": 1, "J_C": 1}
    res = cp.composite_index(part, **opts)
    assert len(res.index) == 20
    only_ia = inn.index_options(["J_A"])
    assert only_ia["groups"] == {"IA": ("J_A",)} and only_ia["group_weights"] == {"IA": 0.5}
    with pytest.raises(DataError):
        inn.index_options(["X"])


# ---------------------------------------------------------------- template and upload


def _sorted(df):
    return df.sort_values(KEYS).reset_index(drop=True)


def test_template_round_trip_csv_and_xlsx(official):
    t = inn.template()
    assert list(t.columns) == ["region", "indicator", "year", "value", "unit"]
    assert len(t) == 120 and t["region"].str.fullmatch(r"KZ-\d\d").all()
    units = {i.code: i.unit for i in inn.INDICATORS}
    assert (t["unit"] == t["indicator"].map(units)).all()
    csv = t.to_csv(index=False).encode("utf-8")
    back = inn.read_indicators(csv, filename="template.csv")
    pd.testing.assert_frame_equal(_sorted(back), _sorted(official), check_exact=True)
    assert back.attrs["indicators"] == inn.CODES and back.attrs["missing_indicators"] == ()
    buf = io.BytesIO()
    t.to_excel(buf, index=False)
    back = inn.read_indicators(buf.getvalue(), filename="template.xlsx")
    pd.testing.assert_frame_equal(_sorted(back), _sorted(official), rtol=1e-14)   # Excel keeps ~15 digits
    # a Russian-locale Excel export: semicolons, decimal commas, Russian headers
    ru = t.rename(columns={"region": "Регион", "indicator": "Показатель", "year": "Год", "value": "Значение",
                           "unit": "Единица измерения"})
    text = ru.to_csv(index=False, sep=";", decimal=",").encode("cp1251")
    back = inn.read_indicators(text, filename="шаблон.csv")
    pd.testing.assert_frame_equal(_sorted(back), _sorted(official), rtol=1e-12)


def test_user_may_drop_indicators_and_overwrite_values():
    t = inn.template()
    t = t[t["indicator"] != "J_E"].copy()
    t.loc[(t["region"] == "KZ-10") & (t["indicator"] == "J_A"), "value"] = 1e9
    back = inn.read_indicators(t.to_csv(index=False).encode(), filename="mine.csv")
    assert back.attrs["indicators"] == ("J_D", "J_F", "J_A", "J_B", "J_C")
    assert back.attrs["missing_indicators"] == ("J_E",)
    res = cp.composite_index(back, **inn.index_options(back))
    norm = res.normalised.set_index(["region", "indicator"])["score"]
    assert norm["ABY", "J_A"] == 100.0


@pytest.mark.parametrize("label", ["J_A", "j_a", "JA", "ja", "J-A", "J A", " J_A ",
                                   "R&D expenditure per employed person",
                                   "внутренние затраты на НИОКР на одного занятого",
                                   "Бір жұмыспен қамтылған адамға шаққандағы ҒЗТКЖ-ға ішкі шығындар",
                                   "Расходы на исследования и разработки на 1 работника",
                                   "R&D expenditure per employed person (KZT per employed person)"])
def test_indicator_labels_accepted(label):
    raw = (f"region,indicator,year,value\nKZ-75,\"{label}\",2022,5\nKZ-71,J_A,2021,1\n"
           "KZ-79,J_A,2021,2\nKZ-71,J_A,2022,3\n")
    df = inn.read_indicators(raw.encode(), filename="labels.csv")
    assert df["indicator"].tolist() == ["J_A"] * 4


def test_names_in_all_languages_map_to_their_code():
    for code in inn.CODES:
        assert set(inn.NAMES[code]) == {"en", "ru", "kk"}
        for name in inn.NAMES[code].values():
            assert inn._code_of(name) == code
            assert inn._code_of(name.upper()) == code
    # no label of one indicator is the label of another
    keys = {}
    for code in inn.CODES:
        for lab in [code, *inn.NAMES[code].values(), *inn._ALIASES.get(code, ())]:
            k = inn._label_key(lab)
            assert keys.setdefault(k, code) == code, (lab, code, keys[k])


def _err(text: str, filename: str = "up.csv") -> DataError:
    with pytest.raises(DataError) as exc:
        inn.read_indicators(text.encode("utf-8"), filename=filename)
    return exc.value


def test_unknown_indicator_names_file_row_column_and_codes():
    e = _err("region,indicator,year,value\nKZ-75,J_A,2022,1\n\nKZ-71,J_G,2022,2\n")
    # row 3 is blank: the row number is the spreadsheet's
    assert (e.file, e.row, e.column, e.key) == ("up.csv", 4, "indicator", "err_indicator_unknown")
    assert e.params == {"name": "J_G", "accepted": "J_A, J_B, J_C, J_D, J_E, J_F"}
    assert "J_G" in str(e) and "J_A, J_B, J_C, J_D, J_E, J_F" in str(e)
    # the column is named as the file names it
    e = _err("Облыс;Көрсеткіш;Жыл;Мән\nKZ-75;J_A;2022;1\nKZ-71;innovation;2022;2\n")
    assert (e.row, e.column) == (3, "Көрсеткіш")


def test_negative_value_names_row_and_column():
    e = _err("region,indicator,year,value\nKZ-75,J_A,2022,1\nKZ-71,J_A,2022,-2\n")
    assert (e.file, e.row, e.column, e.key) == ("up.csv", 3, "value", "err_indicator_negative")
    assert e.params == {"value": "-2", "indicator": "J_A"}
    # wide layout: the column is the year's
    e = _err("Регион;Показатель;2021;2022\nг. Алматы;J_A;1;2\nАстана;J_A;3;-4\n")
    assert (e.row, e.column) == (3, "2022")
    # zero is allowed: 0 / max = 0
    ok = inn.read_indicators(b"region,indicator,year,value\nKZ-75,J_A,2022,0\nKZ-71,J_A,2022,2\n",
                             filename="z.csv")
    res = cp.composite_index(ok, {"IA": ["J_A"]})
    assert res.index["index"].tolist() == [0.0, 100.0]


def test_bad_region_is_reported_by_the_reader():
    e = _err("region,indicator,year,value\nKZ-75,J_A,2022,1\nAtlantis,J_A,2022,2\n")
    assert (e.file, e.row, e.column, e.key) == ("up.csv", 3, "region", "err_region_unknown")
    e = _err("region,indicator,year,value\nKZ-75,J_A,2022,1\nKazakhstan,J_A,2022,2\nKZ-71,J_A,2022,2\n")
    assert (e.row, e.column, e.key) == (3, "region", "err_indicator_national")


def test_duplicates_name_both_rows():
    # the same label twice: caught by the reader
    e = _err("region,indicator,year,value\nKZ-75,J_A,2022,1\nKZ-71,J_A,2022,2\nKZ-75,J_A,2022,3\n")
    assert (e.file, e.row, e.column, e.key) == ("up.csv", 4, "indicator", "err_duplicate_key")
    assert e.params["rows"] == "2, 4"
    # two labels of one indicator: caught after the mapping
    e = _err("region,indicator,year,value\nKZ-75,J_A,2022,1\nKZ-71,J_A,2022,2\nг. Алматы,ja,2022,3\n")
    assert (e.file, e.row, e.column, e.key) == ("up.csv", 4, "indicator", "err_indicator_duplicate")
    assert e.params["rows"] == "2, 4" and "ALA" in e.params["value"]


def test_year_with_one_region_is_refused():
    e = _err("region,indicator,year,value\nKZ-75,J_A,2022,1\nKZ-71,J_A,2022,2\nKZ-75,J_A,2021,3\n"
             "KZ-71,J_A,2021,\n")
    assert (e.file, e.row, e.column, e.key) == ("up.csv", 4, "year", "err_indicator_few_regions")
    assert e.params == {"year": 2021, "n": 1}


def test_reader_errors_pass_through():
    e = _err("region,indicator,year,value\nKZ-75,J_A,2022,12a\n")
    assert (e.row, e.column, e.key) == (2, "value", "err_not_number")
    e = _err("region,year,value\nKZ-75,2022,1\n")
    assert e.key == "err_missing_column" and e.column == "indicator"


def test_other_years_refused_with_the_years_that_exist():
    for y in (2021, 2023):
        with pytest.raises(DataError, match="2022") as exc:
            inn.bns_indicators(y)
        assert exc.value.key == "err_innov_year" and exc.value.params["years"] == "2022"
    for kw in ({"stability_years": 1}, {"min_years": 11}, {"min_years": 1}, {"capital_years": 0},
               {"productivity": "gva"}, {"stability_years": 2.5}):
        with pytest.raises(DataError):
            inn.bns_indicators(**kw)


def test_confidential_and_dash_cells(monkeypatch):
    """A confidential cell ("x") gives NaN with its reason; a dash ("none") gives 0."""
    real = kzdata.load

    def fake(name):
        d = real(name)
        if name == "rd":
            hit = (d["indicator"] == "rd_expenditure_internal_thousand_kzt") & (d["region"] == "ULT")
            d.loc[hit, ["value", "flag"]] = [np.nan, "x"]
            hit = (d["indicator"] == "rd_expenditure_internal_thousand_kzt") & (d["region"] == "ZHT")
            d.loc[hit, ["value", "flag"]] = [np.nan, "-"]
        if name == "innovation":
            d = d[~((d["indicator"] == "innovative_products_mln_kzt") & (d["region"] == "SHM"))]
        return d

    monkeypatch.setattr(inn._data, "load", fake)
    out = inn.bns_indicators()
    v = out.set_index(["region", "indicator"])["value"]
    assert np.isnan(v["ULT", "J_A"]) and v["ZHT", "J_A"] == 0.0 and np.isnan(v["SHM", "J_C"])
    why = {(m["region"], m["indicator"]): m["reason_key"] for m in out.attrs["missing"]}
    assert why == {("ULT", "J_A"): "innov_reason_confidential", ("SHM", "J_C"): "innov_reason_not_published"}
    assert any("ZHT" in n and "dash" in n for n in out.attrs["notes"])
    res = cp.composite_index(out, **inn.index_options())            # NaN propagates: ULT and SHM not ranked
    assert res.index.set_index("region")["rank"].isna().sum() == 2


# ---------------------------------------------------------------- purity


def test_inputs_and_cached_data_never_mutated(tmp_path):
    before = {n: kzdata.load(n) for n in ("innovation", "rd", "employment", "grp_volume_index")}
    a = inn.bns_indicators()
    a.loc[0, "value"] = -1.0
    b = inn.bns_indicators()
    assert b.loc[0, "value"] != -1.0
    for n, d in before.items():
        pd.testing.assert_frame_equal(kzdata.load(n), d)
    t = inn.template()
    path = tmp_path / "t.csv"
    t.to_csv(path, index=False)
    content = path.read_bytes()
    stream = io.BytesIO(content)
    df = inn.read_indicators(stream, filename="t.csv")
    assert path.read_bytes() == content
    from_path = inn.read_indicators(path)
    pd.testing.assert_frame_equal(from_path, df)
    assert from_path.attrs["source"] == "t.csv"
    copy = df.copy()
    cp.composite_index(df, **inn.index_options(df))
    pd.testing.assert_frame_equal(df, copy)
    text = inn.read_indicators(io.StringIO(path.read_text()), filename="t.csv")
    pd.testing.assert_frame_equal(text, df)


# ---------------------------------------------------------------- i18n (after the lead merges the catalogue)


def _merged() -> bool:
    return "innov_J_A_name" in i18n.catalogue("en")


@pytest.mark.skipif(not _merged(), reason="innovation texts not yet merged into kzclusters/i18n/*.json")
def test_i18n_texts_present_and_names_match():
    d = inn.definitions()
    keys = [*d["name_key"], *d["definition_key"], *d["unit_key"], *d["proxy_note_key"].dropna(),
            "err_indicator_unknown", "err_indicator_negative", "err_indicator_duplicate",
            "err_indicator_few_regions", "err_indicator_national", "err_innov_year",
            "innov_reason_confidential", "innov_reason_not_published", "innov_reason_too_few_years"]
    for lang in i18n.LANGS:
        cat = i18n.catalogue(lang)
        assert not [k for k in keys if k not in cat], lang
        for code in inn.CODES:
            assert cat[f"innov_{code}_name"] == inn.NAMES[code][lang]
    e = _err("region,indicator,year,value\nKZ-75,J_A,2022,1\nKZ-71,J_G,2022,2\n")
    for lang in i18n.LANGS:
        msg = i18n.format_error(e, lang)
        assert "up.csv" in msg and "J_G" in msg and "J_A" in msg, msg


def test_i18n_json_placeholders_fit_the_errors():
    """The placeholders of the error texts in the delivered JSON are filled by the errors' params."""
    if "err_indicator_unknown" not in i18n.catalogue("en"):
        pytest.skip("innovation texts not yet merged into kzclusters/i18n/*.json")
    cases = [
        "region,indicator,year,value\nKZ-75,J_A,2022,1\nKZ-71,J_G,2022,2\n",
        "region,indicator,year,value\nKZ-75,J_A,2022,1\nKZ-71,J_A,2022,-2\n",
        "region,indicator,year,value\nKZ-75,J_A,2022,1\nKZ-71,J_A,2022,2\nг. Алматы,ja,2022,3\n",
        "region,indicator,year,value\nKZ-75,J_A,2022,1\nKZ-71,J_A,2022,2\nKZ-75,J_A,2021,3\n",
        "region,indicator,year,value\nKZ-75,J_A,2022,1\nKZ,J_A,2022,2\n",
    ]
    for text in cases:
        e = _err(text)
        for lang in i18n.LANGS:
            assert i18n.format_error(e, lang) != i18n.t("err_generic", lang, message=str(e)), (e.key, lang)
    with pytest.raises(DataError) as exc:
        inn.bns_indicators(2023)
    for lang in i18n.LANGS:
        assert "2022" in i18n.format_error(exc.value, lang)
