"""kzclusters.priorities: the paper's tables, the BNS decision matrix, the template and uploads."""

import io

import numpy as np
import pandas as pd
import pytest

from kzclusters import priorities as pr
from kzclusters._errors import DataError
from kzclusters.registry import data_dir


def test_paper_weights_table1():
    w = pr.paper_weights()
    assert w["criterion"].tolist() == [c.code for c in pr.CRITERIA]
    assert w["weight_pct"].tolist() == [18, 16, 14, 12, 10, 12, 8, 10]
    assert w["weight_pct"].sum() == 100
    assert w["weight"].sum() == pytest.approx(1.0)


def test_paper_scores_table2():
    s = pr.paper_scores()
    got = dict(zip(s["slug"], s["score"]))
    assert got == {"machinery": 0.78, "food": 0.74, "chemicals": 0.71, "coke_refined": 0.63,
                   "metallurgy": 0.61, "pharmaceuticals": 0.54}
    assert s["rank"].tolist() == [1, 2, 3, 4, 5, 6]
    assert s["industry"].tolist() == ["26-30, 33", "10", "20", "19", "24", "21"]
    assert (s["score"].diff().dropna() < 0).all()


def test_bns_matrix_by_hand():
    raw = pd.read_csv(data_dir() / "official/bns/gva_industry_divisions_national_2013_2025.csv",
                      dtype={"okved_code": str})
    v = raw.set_index(["okved_code", "year"])["gva_mln_kzt"]
    m = pr.bns_matrix(2024, divisions=["28", "24"], criteria=["va_share_mfg", "va_share_ind", "cagr",
                                                               "volatility", "share_change"])
    assert m.loc["28", "va_share_mfg"] == pytest.approx(100 * v["28", 2024] / v["C", 2024])
    assert m.loc["24", "va_share_ind"] == pytest.approx(100 * v["24", 2024] / v["IND", 2024])
    assert m.loc["28", "cagr"] == pytest.approx(100 * ((v["28", 2024] / v["28", 2019]) ** 0.2 - 1))
    g = [100 * (v["28", y] / v["28", y - 1] - 1) for y in range(2020, 2025)]
    assert m.loc["28", "volatility"] == pytest.approx(np.std(g, ddof=1))
    assert m.loc["24", "share_change"] == pytest.approx(
        100 * (v["24", 2024] / v["C", 2024] - v["24", 2019] / v["C", 2019]))
    assert m.attrs["direction"]["volatility"] == "cost"


def test_bns_matrix_groups_and_coverage():
    m = pr.bns_matrix(2024, divisions=["10-11", "10", "11"], criteria=["va_share_mfg"])
    assert m.loc["10-11", "va_share_mfg"] == pytest.approx(m.loc["10", "va_share_mfg"] + m.loc["11", "va_share_mfg"])
    allm = pr.bns_matrix(2024, divisions="all", criteria=["va_share_mfg"])
    assert len(allm) == 24 and allm["va_share_mfg"].sum() == pytest.approx(100, abs=0.01)
    assert pr.bns_matrix().index.tolist() == list(pr.PAPER_INDUSTRIES)


@pytest.mark.parametrize("kw", [dict(year=2015), dict(window=1), dict(criteria=["roic"]),
                                dict(divisions=["99"])])
def test_bns_matrix_errors(kw):
    with pytest.raises(DataError):
        pr.bns_matrix(**kw)


def test_template_round_trip_csv_and_xlsx():
    t = pr.template()
    rng = np.random.default_rng(0)
    t.iloc[:, 2:] = rng.uniform(0.1, 1, size=(6, 8)).round(3)
    t.loc[0, "roic_eva"] = np.nan  # an empty cell stays missing
    m = pr.read_matrix(t.to_csv(index=False).encode(), filename="grid.csv")
    exp = t.set_index("industry").drop(columns="industry_name")
    exp.index.name = "industry"
    pd.testing.assert_frame_equal(m, exp, check_dtype=False)
    buf = io.BytesIO()
    t.to_excel(buf, index=False)
    mx = pr.read_matrix(buf.getvalue(), filename="grid.xlsx")
    pd.testing.assert_frame_equal(mx, exp, check_dtype=False)


def test_template_languages():
    assert pr.template("ru")["industry_name"].iloc[0] == "Машиностроение"
    with pytest.raises(DataError):
        pr.template("de")


@pytest.mark.parametrize("text,row,column", [
    ("industry,roic_eva\n28,12\n10,abc\n", 3, "roic_eva"),
    ("industry,roic_eva\n28,12\n28,3\n", 3, "industry"),
    ("industry,roic_eva\n28,12\nNoSuchIndustryXyz,3\n", 3, "industry"),
    ("industry,roic_eva,roic_eva\n28,1,2\n", 1, "roic_eva"),
    ("name,roic_eva\nMachinery,1\n", 1, "industry"),
    ("industry,roic_eva\n,5\n", 2, "industry"),
])
def test_bad_uploads_name_file_row_column(text, row, column):
    with pytest.raises(DataError) as exc:
        pr.read_matrix(text.encode(), filename="bad.csv")
    e = exc.value
    assert (e.file, e.row, e.column) == ("bad.csv", row, column)
    assert "bad.csv" in str(e)


def test_empty_uploads():
    for text in ("", "industry,roic_eva\n", "industry,industry_name\n28,x\n"):
        with pytest.raises(DataError) as exc:
            pr.read_matrix(text.encode(), filename="e.csv")
        assert exc.value.file == "e.csv"


def test_criteria_directions():
    c = pr.criteria()
    assert len(c) == 8 and set(c["direction"]) == {"benefit", "cost"}
    assert c.loc[c["criterion"] == "regulatory_risks", "direction"].item() == "cost"


def test_policy_tables():
    h = pr.helix_indicators()
    assert len(h) == 19 and h["pillar"].notna().all()
    assert h["pillar"].value_counts().to_dict() == {"state": 6, "business": 4, "science_education": 4,
                                                    "society": 3, "environment": 2}
    cof = pr.cluster_programme("cofinancing")
    assert ((cof["state_pct"] + cof["firms_pct"]) == 100).all()
    cl = pr.cluster_programme("clusters")
    assert (cl["status"] == "pilot").sum() == 6 and (cl["status"] == "did_not_work").sum() == 7
    assert cl.attrs["n_applications"] == 21
    tl = pr.cluster_programme()
    assert tl.loc[tl["event_key"] == "prio_tl_strategic_plan", "count"].item() == 36
    r = pr.malaysia_kazakhstan()
    kz = r[r["country"] == "KZ"].set_index("ranking")["rank_verified"].to_dict()
    assert kz == {"gii": 81, "imd": 37, "eci": 86, "doing_business": 25}
    assert r.loc[(r["ranking"] == "imd") & (r["country"] == "SG"), "rank_verified"].item() == 4
    assert len(pr.malaysia_kazakhstan("comparison")) == 7
    assert len(pr.scenarios()) == 3 and len(pr.scenarios("global")) == 4
    for bad in (lambda: pr.cluster_programme("x"), lambda: pr.malaysia_kazakhstan("x"), lambda: pr.scenarios("x")):
        with pytest.raises(DataError):
            bad()
