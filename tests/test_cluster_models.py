"""kzclusters.cluster_models: the coded profiles of seed 002's four cluster models and the distance to them.

The coding (1 low .. 3 high, empty where the paper is silent) is the workbook's
reading of seed 002's prose, documented in spec ``cluster_potential_and_ict.md``
section 5.1; the distance is the workbook's own (root mean square gap over the
characteristics coded for each model).  Expected values are hand-worked.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzclusters import DataError
from kzclusters import cluster_models as cm

PROFILE_CSV = Path(__file__).resolve().parents[1] / "data" / "derived" / "cluster_model_profiles.csv"


def level(model: str, characteristic: str) -> float:
    p = cm.profiles()
    return float(p.loc[(p["model"] == model) & (p["characteristic"] == characteristic), "level"].item())


def coded(model: str) -> dict:
    """The model's own non-empty levels, as a score dict."""
    p = cm.profiles()
    p = p[(p["model"] == model) & p["level"].notna()]
    return dict(zip(p["characteristic"], p["level"].astype(float)))


# ---------------------------------------------------------------- the profile file


def test_profile_file_codes_4_models_by_6_characteristics():
    """Spec §5.1: four models (North American, Finnish, Japanese, Indian) x six characteristics
    (internationalisation; connections and competition; leader firms; FDI; small business;
    innovation), one row each, levels on the 1..3 scale or empty."""
    p = cm.profiles()
    assert len(p) == 24
    assert not p.duplicated(["model", "characteristic"]).any()
    assert set(p["model"]) == set(cm.MODELS) and len(cm.MODELS) == 4
    assert set(p["characteristic"]) == set(cm.CHARACTERISTICS) and len(cm.CHARACTERISTICS) == 6
    assert (p.groupby("model")["characteristic"].nunique() == 6).all()
    lv = p["level"].dropna()
    assert ((lv >= 1) & (lv <= 3)).all()
    assert p["evidence"].fillna("").str.len().gt(0).all()     # every coding states its evidence
    # profiles() is the file in the repository
    f = pd.read_csv(PROFILE_CSV, encoding="utf-8")
    pd.testing.assert_frame_equal(p.reset_index(drop=True), f, check_dtype=False)


def test_profile_empty_cells_are_the_papers_silences():
    """Spec §5.1 table: the cells marked "Not stated" are North American internationalisation and FDI,
    Finnish FDI and small business; exactly those are empty (skipped by the distance)."""
    p = cm.profiles()
    empty = set(map(tuple, p.loc[p["level"].isna(), ["model", "characteristic"]].to_numpy()))
    assert empty == {("north_american", "internationalisation"), ("north_american", "fdi"),
                     ("finnish", "fdi"), ("finnish", "small_business")}


@pytest.mark.parametrize("model, characteristic, expected", [
    ("finnish", "internationalisation", 3),     # "High"
    ("indian", "internationalisation", 3),      # "High, via foreign firms"
    ("finnish", "connections_competition", 3),  # "High on both"
    ("north_american", "small_business", 3),    # "High"
    ("finnish", "innovation", 3),               # "High"
    ("japanese", "leader_firms", 3),            # "Central"
    ("indian", "fdi", 3),                       # "Key"
    ("indian", "innovation", 1),                # "Low initially"
])
def test_profile_levels_follow_spec_wording(model, characteristic, expected):
    """Spec §5.1 table wording -> level: "High"/"Central"/"Key" = 3, "Low" = 1."""
    assert level(model, characteristic) == expected


# ---------------------------------------------------------------- model_distance


@pytest.mark.parametrize("model", cm.MODELS)
def test_region_equal_to_profile_is_distance_zero_rank_one(model):
    """Definition d_m = sqrt(mean over coded characteristics of (x_c - p_mc)^2): scoring a region
    exactly at a model's coded levels gives distance 0, similarity 1 and rank 1 for that model."""
    d = cm.model_distance(coded(model)).set_index("model")
    assert d.loc[model, "distance"] == 0.0
    assert d.loc[model, "similarity"] == 1.0
    assert d.loc[model, "rank"] == 1
    others = d.drop(index=model)
    assert (others["distance"].dropna() > 0).all()


def test_skipped_characteristics_do_not_count_hand_worked():
    """Hand-worked. Scores internationalisation 1, FDI 1 (nothing else):
    North American: both empty in the profile -> n_compared 0, distance NaN, no rank;
    Finnish: internationalisation 3 (FDI empty) -> sqrt((1-3)^2/1) = 2, similarity 0;
    Japanese: 2 and 2 -> sqrt((1+1)/2) = 1, similarity .5;
    Indian: 3 and 3 -> sqrt((4+4)/2) = 2, similarity 0.
    Ranks (min method): Japanese 1, Finnish 2, Indian 2."""
    d = cm.model_distance({"internationalisation": 1, "fdi": 1}).set_index("model")
    assert d["n_compared"].to_dict() == {"north_american": 0, "finnish": 1, "japanese": 2, "indian": 2}
    assert np.isnan(d.loc["north_american", "distance"])
    assert d.loc["finnish", "distance"] == pytest.approx(2.0)
    assert d.loc["japanese", "distance"] == pytest.approx(1.0)
    assert d.loc["indian", "distance"] == pytest.approx(2.0)
    assert d.loc["japanese", "similarity"] == pytest.approx(0.5)
    assert d.loc["finnish", "similarity"] == pytest.approx(0.0)
    assert d.loc["japanese", "rank"] == 1
    assert d.loc["finnish", "rank"] == 2 and d.loc["indian", "rank"] == 2
    assert pd.isna(d.loc["north_american", "rank"])


def test_full_scores_hand_worked():
    """Hand-worked with all six scored 2 (the middle of the scale):
    North American codes 2, 1, 3, 2 on its 4 stated characteristics -> sqrt((0+1+1+0)/4) = .7071;
    Finnish 3, 3, 1, 3 (4 stated) -> sqrt((1+1+1+1)/4) = 1;
    Japanese 2, 3, 3, 2, 2, 2.5 -> sqrt((0+1+1+0+0+.25)/6) = sqrt(2.25/6) = .6124;
    Indian 3, 2, 3, 3, 2, 1 -> sqrt((1+0+1+1+0+1)/6) = sqrt(4/6) = .8165.
    Order: Japanese, North American, Indian, Finnish. None scores are skipped like absent ones."""
    scores = dict.fromkeys(cm.CHARACTERISTICS, 2)
    d = cm.model_distance(scores)
    assert d["model"].tolist() == ["japanese", "north_american", "indian", "finnish"]
    assert d["rank"].tolist() == [1, 2, 3, 4]
    got = d.set_index("model")
    assert got["n_compared"].to_dict() == {"north_american": 4, "finnish": 4, "japanese": 6, "indian": 6}
    assert got.loc["north_american", "distance"] == pytest.approx(math.sqrt(0.5))
    assert got.loc["finnish", "distance"] == pytest.approx(1.0)
    assert got.loc["japanese", "distance"] == pytest.approx(math.sqrt(2.25 / 6))
    assert got.loc["indian", "distance"] == pytest.approx(math.sqrt(4 / 6))
    with_none = cm.model_distance({**scores, "fdi": None}).set_index("model")
    without = cm.model_distance({c: v for c, v in scores.items() if c != "fdi"}).set_index("model")
    pd.testing.assert_frame_equal(with_none.sort_index(), without.sort_index())
    # Indian loses FDI (3 vs 2): sqrt((1+0+1+0+1)/5)
    assert with_none.loc["indian", "distance"] == pytest.approx(math.sqrt(3 / 5))
    assert with_none.loc["indian", "n_compared"] == 5


@pytest.mark.parametrize("bad", [0, 0.99, 3.01, 4, -1])
def test_score_out_of_range_raises(bad):
    """Documented contract: a score outside 1..3 raises kzclusters.DataError (the bounds 1 and 3 are fine)."""
    with pytest.raises(DataError):
        cm.model_distance({"innovation": bad})
    cm.model_distance({"innovation": 1, "fdi": 3})


def test_unknown_characteristic_raises():
    """Documented contract: a characteristic that is not one of the six raises kzclusters.DataError."""
    with pytest.raises(DataError):
        cm.model_distance({"clusterness": 2})
    with pytest.raises(DataError):
        cm.model_distance({"innovation": 2, "Innovation": 2})


def test_custom_table():
    """Hand-worked on a 2-model table passed as `table`: m1 (a 1, b 3), m2 (a 3, b empty).
    Scores a 2, b 3 -> m1 sqrt((1+0)/2) = .7071, m2 sqrt(1/1) = 1; m1 ranks first."""
    table = pd.DataFrame({"model": ["m1", "m1", "m2", "m2"],
                          "characteristic": ["internationalisation", "fdi"] * 2,
                          "level": [1, 3, 3, np.nan]})
    d = cm.model_distance({"internationalisation": 2, "fdi": 3}, table=table)
    assert d["model"].tolist() == ["m1", "m2"]
    assert d["distance"].tolist() == pytest.approx([math.sqrt(0.5), 1.0])
    assert d["n_compared"].tolist() == [2, 1]


SCORE = st.floats(1, 3)


@settings(deadline=None, max_examples=50)
@given(scores=st.fixed_dictionaries({c: SCORE for c in cm.CHARACTERISTICS}),
       model=st.sampled_from(cm.MODELS), data=st.data(), t=st.floats(0, 1))
def test_property_moving_toward_a_model_never_increases_distance(scores, model, data, t):
    """Property of the RMS distance: moving one score a fraction t of the way toward a model's coded
    level never increases the distance to that model; distances stay in [0, 2] and
    similarity = 1 - d/2 in [0, 1]."""
    levels = coded(model)
    c = data.draw(st.sampled_from(sorted(levels)))
    before = cm.model_distance(scores).set_index("model")
    moved = {**scores, c: scores[c] + t * (levels[c] - scores[c])}
    moved[c] = min(3.0, max(1.0, moved[c]))
    after = cm.model_distance(moved).set_index("model")
    assert after.loc[model, "distance"] <= before.loc[model, "distance"] + 1e-12
    for d in (before, after):
        assert ((d["distance"] >= 0) & (d["distance"] <= 2 + 1e-12)).all()
        np.testing.assert_allclose(d["similarity"], 1 - d["distance"] / 2)
        assert sorted(d["rank"].tolist())[0] == 1
