"""kzclusters.cooperation: P1's five-block SME cooperation-potential system, the score, P2/P3 lists.

Seed 004, P1 (Bazarkhanova) gives the blocks and key indicators (Table 2) but
**no values and no scoring rule**; the score is the workbook's construction
(spec ``msme_cooperation_and_policy.md`` §1.2 "Integral potential score
[PROPOSED]" and §5.4-5.6).  Every expected number here is therefore either a
transcription of the paper (Table 2 blocks and units, Table 3 shares, the
in-text numbers T7/T8, the §4 lists), a hand-worked example with the arithmetic
in the docstring, or an independent numpy recomputation of the textbook
formulas (min-max / goalposts, ratio to target, weighted arithmetic and
geometric means; OECD/JRC Handbook), never a call to the function under test.
"""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzclusters import DataError
from kzclusters import cooperation as co
from kzclusters import data as kzdata
from kzclusters import i18n

KEYS5 = ["modernisation_investment_pct", "rd_share_pct", "cluster_enterprises", "export_share_pct",
         "trained_staff_pct"]
GOALPOSTS = {"modernisation_investment_pct": (0, 10), "rd_share_pct": (0, 2), "cluster_enterprises": (0, 40),
             "export_share_pct": (0, 60), "trained_staff_pct": (0, 20)}


def one(values, **kw):
    return co.score(dict(zip(KEYS5, values)), bounds=GOALPOSTS, **kw)


def key_of(excinfo) -> str:
    return excinfo.value.key


def regions_table(mat, regions=None, indicators=KEYS5, year=None) -> pd.DataFrame:
    regions = regions or [f"R{i}" for i in range(len(mat))]
    df = pd.DataFrame({"region": np.repeat(regions, len(indicators)),
                       "indicator": np.tile(indicators, len(mat)),
                       "value": np.asarray(mat, dtype=float).ravel()})
    return df if year is None else df.assign(year=year)


# ---------------------------------------------------------------- the indicator system (P1 Table 2)


def test_blocks_and_key_indicators_follow_p1_table2():
    """P1 Table 2 (shipped as ``seed004_coop_p1_t2_criteria``): five blocks, in this order, one key indicator
    each, with the printed units (%, %, count, %, %)."""
    t2 = kzdata.load("seed004_coop_p1_t2_criteria")
    assert t2["block_en"].tolist() == ["Resource-infrastructure", "Technological compatibility",
                                       "Institutional environment", "Export orientation",
                                       "HR-managerial potential"]
    ind = co.indicators()
    key = ind[ind["key_indicator"]]
    assert key["block"].tolist() == list(co.BLOCKS) and len(co.BLOCKS) == 5
    assert key["indicator"].tolist() == KEYS5
    assert key["unit"].tolist() == t2["unit"].tolist()
    assert (key["status"] == "paper").all() and (key["direction"] == 1).all()
    assert not ind["indicator"].duplicated().any()
    assert ind.groupby("block").size().reindex(co.BLOCKS).tolist() == [4, 3, 3, 2, 1]


def test_proposed_and_lower_is_better_indicators():
    """Spec §1.2: the lending rate (criterion 1) and the export HHI (the workbook's extension) are lower-is-
    better; the HHI and the cluster share of SMEs are marked as the workbook's additions, not P1's."""
    ind = co.indicators().set_index("indicator")
    assert ind.loc[["corporate_loan_rate_pct", "export_hhi"], "direction"].tolist() == [-1, -1]
    assert set(ind.index[ind["status"] == "proposed"]) == {"automation_level", "cluster_enterprises_pct",
                                                          "export_hhi"}


def test_paper_flags():
    """Spec §1.2: "The integral score cannot be computed for ВКО from the paper. None of the five key
    indicators has a ВКО value"; P1 gives "no weights, no thresholds and no normalisation"."""
    assert co.PAPER_HAS_VALUES is False
    assert co.PAPER_HAS_SCORING_RULE is False


# ---------------------------------------------------------------- template


def test_template_leaves_key_indicators_empty_and_flags_it():
    t = co.template()
    assert t.attrs["paper_has_values"] is False
    key = t[t["key_indicator"]]
    assert len(key) == 5 and key["value"].isna().all() and (key["value_source"] == "none").all()
    assert t["lo"].isna().all() and t["hi"].isna().all()          # the paper gives no bounds or targets
    assert set(t.attrs["prefilled"]) == {"investment_per_entity", "corporate_loan_rate_pct", "export_hhi"}


def test_template_prefill_matches_the_paper():
    """P1 criterion 1 (line 2583): 455,662.5 mn KZT / 11,998 entities = 37.98 mn KZT (in-text T7); average
    corporate loan rate 17 % (T8); Table 3 export shares 70 / 30 give HHI = 0.7² + 0.3² = 0.58 (spec §1.2,
    [DERIVED], an upper bound: the true value lies in [0.49, 0.58])."""
    t = co.template().set_index("indicator")
    assert t.loc["investment_per_entity", "value"] == pytest.approx(455662.5 / 11998, abs=0.005)
    assert t.loc["investment_per_entity", "value"] == 37.98
    assert t.loc["corporate_loan_rate_pct", "value"] == 17.0
    hhi = t.loc["export_hhi", "value"]
    assert hhi == pytest.approx(0.7 ** 2 + 0.3 ** 2) and 0.49 <= hhi <= 0.58
    assert t.loc["export_hhi", "value_source"] == "derived"
    assert t.loc["investment_per_entity", "period"] == "Jan–Aug 2025"


def test_template_other_regions_and_options():
    t = co.template("PVL")
    assert (t["region"] == "PVL").all() and t["value"].isna().all()
    assert co.template(prefill=False)["value"].isna().all()
    assert co.template(optional=False)["indicator"].tolist() == KEYS5
    assert set(co.template()["verdict_key"]) == {f"coop_verdict_{b}" for b in co.BLOCKS}


def test_filled_template_scores_with_its_own_bounds():
    """The user fills value, lo and hi in the template; score() reads the bounds from the table. The prefilled
    sub-indicators have weight 0 by default, so they do not enter the score."""
    t = co.template()
    vals = dict(zip(KEYS5, [5, 1, 20, 30, 10]))
    for ind, (lo, hi) in GOALPOSTS.items():
        t.loc[t["indicator"] == ind, ["value", "lo", "hi"]] = [vals[ind], lo, hi]
    res = co.score(t)
    assert res.total["region"].tolist() == ["VKO"]
    assert res.total["score"].iloc[0] == pytest.approx(50.0)       # every value at half its range
    assert set(res.indicators["indicator"]) == set(KEYS5)


# ---------------------------------------------------------------- score: hand-worked


def test_single_region_goalposts_by_hand():
    """Goalposts (0, 10), (0, 2), (0, 40), (0, 60), (0, 20); values 5, 1, 20, 30, 25: normalised
    50, 50, 50, 50 and 100 (25 is capped at 20); IP = 0.2 (50 + 50 + 50 + 50 + 100) = 60; contributions
    10/60 four times and 20/60."""
    res = one([5, 1, 20, 30, 25])
    assert res.total["score"].iloc[0] == pytest.approx(60.0)
    ind = res.indicators.set_index("indicator")
    assert ind.loc[KEYS5, "score"].tolist() == pytest.approx([50, 50, 50, 50, 100])
    assert ind.loc["trained_staff_pct", ["value", "value_used"]].tolist() == [25.0, 20.0]
    assert (ind["reference"] == "bounds").all()
    b = res.blocks.set_index("block")
    assert b["weight"].tolist() == pytest.approx([0.2] * 5)
    assert b["points"].tolist() == pytest.approx([10, 10, 10, 10, 20])
    assert b["contribution"].tolist() == pytest.approx([1 / 6] * 4 + [1 / 3])
    assert res.total["level"].iloc[0] == "coop_class_medium"
    assert list(res.total.columns) == ["region", "score", "level", "rank"]
    assert list(res.blocks.columns) == ["region", "block", "block_key", "weight", "score", "points",
                                        "contribution"]


def test_geometric_by_hand():
    """Weighted geometric mean: 50^0.8 · 100^0.2 = 57.4349 (numpy); no contributions."""
    res = one([5, 1, 20, 30, 25], aggregation="geometric")
    assert res.total["score"].iloc[0] == pytest.approx(50 ** 0.8 * 100 ** 0.2)
    assert res.blocks["contribution"].isna().all() and res.blocks["points"].isna().all()
    assert res.method["aggregation"] == "geometric"


def test_workbook_construction_flag_and_method():
    res = one([5, 1, 20, 30, 10])
    assert res.workbook_construction is True
    assert res.method["workbook_construction"] is True and res.method["paper_has_scoring_rule"] is False
    assert res.method["note_key"] == "coop_note_workbook_score"
    assert res.method["cuts"] == (33.0, 66.0)


def test_class_cut_offs_are_placeholders():
    """Spec §1.2 step 5: placeholder tertiles 0.33 / 0.66 (here on 0..100); a value equal to a cut-off gets
    the upper class (composite.grade convention)."""
    assert co.CLASS_CUTS == (33.0, 66.0)
    # all five at 33 % of range -> 33; at 66 % -> 66
    assert one([3.3, 0.66, 13.2, 19.8, 6.6]).total["level"].iloc[0] == "coop_class_medium"
    assert one([3.2, 0.64, 12.8, 19.2, 6.4]).total["level"].iloc[0] == "coop_class_low"
    assert one([6.6, 1.32, 26.4, 39.6, 13.2]).total["level"].iloc[0] == "coop_class_high"
    res = co.score(dict(zip(KEYS5, [5, 1, 20, 30, 10])), bounds=GOALPOSTS, cuts=(40, 60))
    assert res.total["level"].iloc[0] == "coop_class_medium"


def test_comparison_set_minmax_by_hand():
    """Three regions, no bounds: min-max over the comparison set (numpy), equal weights, arithmetic mean."""
    mat = np.array([[1.0, 0.5, 10, 20, 5], [3.0, 1.5, 30, 10, 15], [2.0, 1.0, 20, 40, 25]])
    res = co.score(regions_table(mat, ["A", "B", "C"]))
    z = 100 * (mat - mat.min(axis=0)) / (mat.max(axis=0) - mat.min(axis=0))
    assert res.total["score"].to_numpy() == pytest.approx(z.mean(axis=1))
    assert res.total["rank"].tolist() == list(pd.Series(z.mean(axis=1)).rank(ascending=False, method="min"))
    assert (res.indicators["reference"] == "comparison").all()
    assert res.indicators["lo"].isna().all()


def test_years_normalise_within_each_year():
    """With a year column the comparison set is each year's regions (composite.normalise per year)."""
    a = regions_table([[1, 1, 1, 1, 1], [3, 3, 3, 3, 3]], ["A", "B"], year=2023)
    b = regions_table([[10, 10, 10, 10, 10], [5, 5, 5, 5, 5]], ["A", "B"], year=2024)
    res = co.score(pd.concat([a, b]))
    got = res.total.set_index(["region", "year"])["score"]
    assert got[("A", 2023)] == 0 and got[("B", 2023)] == 100
    assert got[("A", 2024)] == 100 and got[("B", 2024)] == 0
    assert "year" in res.blocks.columns and "year" in res.indicators.columns


def test_lower_is_better_with_bounds():
    """Lending rate (lower is better) with goalposts (10, 20): 12 % scores 100 (20 - 12) / 10 = 80; 25 % is
    capped at 20 and scores 0. As the only resource indicator (weight 0 on the key indicator) it is the
    resource block's score."""
    vals = dict(zip(KEYS5, [5, 1, 20, 30, 10]), corporate_loan_rate_pct=12)
    bnd = dict(GOALPOSTS, corporate_loan_rate_pct=(10, 20))
    w = {"modernisation_investment_pct": 0, "corporate_loan_rate_pct": 1}
    res = co.score(vals, w, bounds=bnd)
    assert res.blocks.set_index("block").loc["resource", "score"] == pytest.approx(80)
    vals["corporate_loan_rate_pct"] = 25
    res = co.score(vals, w, bounds=bnd)
    assert res.blocks.set_index("block").loc["resource", "score"] == pytest.approx(0)


def test_sub_indicator_weights_are_raw_importances():
    """weights={"investment_per_entity": 3}: the resource block = (1·z_key + 3·z_inv) / 4. Key 50, proxy
    37.98 / 76 of (0, 76) = 49.97 -> (50 + 3·49.97) / 4."""
    vals = dict(zip(KEYS5, [5, 1, 20, 30, 10]), investment_per_entity=37.98)
    res = co.score(vals, {"investment_per_entity": 3}, bounds=dict(GOALPOSTS, investment_per_entity=(0, 76)))
    z_inv = 100 * 37.98 / 76
    assert res.blocks.set_index("block").loc["resource", "score"] == pytest.approx((50 + 3 * z_inv) / 4)
    w = res.indicators.set_index("indicator")
    assert w.loc[["modernisation_investment_pct", "investment_per_entity"], "weight"].tolist() == [0.25, 0.75]
    assert w.loc["investment_per_entity", "effective"] == pytest.approx(0.75 * 0.2)


def test_block_weights_and_a_block_switched_off():
    """Block weights 2 : 1 : 1 : 1 : 0 -> 0.4, 0.2, 0.2, 0.2, 0; the HR block may then have no value; its
    score is NaN and it contributes 0."""
    vals = dict(zip(KEYS5[:4], [10, 1, 20, 30]))
    res = co.score(vals, block_weights={"resource": 2, "hr": 0}, bounds=GOALPOSTS)
    b = res.blocks.set_index("block")
    assert b["weight"].tolist() == pytest.approx([0.4, 0.2, 0.2, 0.2, 0.0])
    assert np.isnan(b.loc["hr", "score"]) and b.loc["hr", "contribution"] == 0
    assert res.total["score"].iloc[0] == pytest.approx(0.4 * 100 + 0.2 * 50 * 3)
    assert b["contribution"].sum() == pytest.approx(1.0)


def test_target_normalisation_by_hand():
    """Benchmark ratio z = 100 min(x / T, 1): R&D share 1 % against a target of 4 % scores 25; 5 % scores 100.
    Lower is better: z = 100 min(T / x, 1): a lending rate of 20 % against a target of 10 % scores 50.
    Without a target: the best region is the target (ratio to the leader)."""
    vals = dict(zip(KEYS5, [5, 1, 20, 30, 10]), corporate_loan_rate_pct=20)
    targets = {"modernisation_investment_pct": 10, "rd_share_pct": 4, "cluster_enterprises": 40,
               "export_share_pct": 60, "trained_staff_pct": 20, "corporate_loan_rate_pct": (10, 30)}
    res = co.score(vals, {"corporate_loan_rate_pct": 1}, normalisation="target", bounds=targets)
    s = res.indicators.set_index("indicator")["score"]
    assert s["rd_share_pct"] == pytest.approx(25) and s["corporate_loan_rate_pct"] == pytest.approx(50)
    vals["rd_share_pct"] = 5
    s = co.score(vals, normalisation="target", bounds=targets).indicators.set_index("indicator")["score"]
    assert s["rd_share_pct"] == pytest.approx(100)
    mat = np.array([[2.0, 1, 1, 1, 1], [4.0, 2, 2, 2, 2]])
    res = co.score(regions_table(mat, ["A", "B"]), normalisation="target")
    assert res.total["score"].tolist() == pytest.approx([50.0, 100.0])


def test_ordinal_expert_scores():
    """Ordinal 1..5: z = 100 (s - 1) / 4 (spec §1.2 step 2); scores 1, 2, 3, 4, 5 -> 0, 25, 50, 75, 100,
    mean 50; no bounds needed for a single region."""
    res = co.score(dict(zip(KEYS5, [1, 2, 3, 4, 5])), normalisation="ordinal")
    assert res.indicators["score"].tolist() == pytest.approx([0, 25, 50, 75, 100])
    assert res.total["score"].iloc[0] == pytest.approx(50)
    assert (res.indicators["reference"] == "ordinal").all()


@given(st.lists(st.floats(0.5, 100), min_size=5, max_size=5),
       st.lists(st.floats(0.01, 10), min_size=5, max_size=5))
@settings(deadline=None, max_examples=40)
def test_points_add_up_to_total_and_contributions_to_one(values, bw):
    """Arithmetic aggregation: Σ_j v_j I_j = IP and Σ_j c_j = 1; and IP equals the numpy weighted mean of the
    capped goalpost scores."""
    bounds = {k: (0.0, 100.0) for k in KEYS5}
    res = co.score(dict(zip(KEYS5, values)), block_weights=dict(zip(co.BLOCKS, bw)), bounds=bounds)
    total = res.total["score"].iloc[0]
    assert res.blocks["points"].sum() == pytest.approx(total)
    assert res.blocks["contribution"].sum() == pytest.approx(1.0)
    v = np.asarray(bw) / np.sum(bw)
    assert total == pytest.approx(float(v @ np.clip(values, 0, 100)))


@given(st.lists(st.floats(1, 100), min_size=5, max_size=5))
@settings(deadline=None, max_examples=40)
def test_geometric_never_exceeds_arithmetic(values):
    """AM-GM: the weighted geometric mean is at most the arithmetic one."""
    vals = dict(zip(KEYS5, values))
    bounds = {k: (0.0, 100.0) for k in KEYS5}
    a = co.score(vals, bounds=bounds).total["score"].iloc[0]
    g = co.score(vals, bounds=bounds, aggregation="geometric").total["score"].iloc[0]
    assert g <= a + 1e-9


def test_inputs_not_mutated():
    t = co.template()
    for ind, (lo, hi) in GOALPOSTS.items():
        t.loc[t["indicator"] == ind, ["value", "lo", "hi"]] = [lo + 1, lo, hi]
    before = t.copy()
    w = {"rd_share_pct": 2}
    co.score(t, w)
    pd.testing.assert_frame_equal(t, before)
    assert w == {"rd_share_pct": 2}


def test_decimal_commas_accepted():
    vals = dict(zip(KEYS5, ["5", "1,0", "20", "30", "10"]))
    assert co.score(vals, bounds=GOALPOSTS).total["score"].iloc[0] == pytest.approx(50.0)


# ---------------------------------------------------------------- score: errors (keys + params)


@pytest.mark.parametrize("kwargs,key,params", [
    (dict(weights={"rd_share_pct": -1}), "err_coop_weight_negative", {"name", "weight"}),
    (dict(weights={"rd_share_pct": "a lot"}), "err_coop_weight_negative", {"name", "weight"}),
    (dict(weights={"rd_share_pct": float("inf")}), "err_coop_weight_negative", {"name", "weight"}),
    (dict(block_weights={"hr": -0.2}), "err_coop_weight_negative", {"name", "weight"}),
    (dict(block_weights=dict.fromkeys(co.BLOCKS, 0)), "err_coop_block_weights_zero", set()),
    (dict(weights={"rd_share_pct": 0}), "err_coop_block_indicators_zero", {"block"}),
    (dict(weights={"no_such": 1}), "err_coop_unknown_indicator", {"name", "accepted"}),
    (dict(block_weights={"culture": 1}), "err_coop_unknown_block", {"name", "accepted"}),
    (dict(aggregation="harmonic"), "err_coop_unknown_method", {"value", "options"}),
    (dict(normalisation="zscore"), "err_coop_unknown_method", {"value", "options"}),
])
def test_weight_and_method_errors(kwargs, key, params):
    with pytest.raises(DataError) as e:
        co.score(dict(zip(KEYS5, [5, 1, 20, 30, 10])), bounds=GOALPOSTS, **kwargs)
    assert key_of(e) == key and set(e.value.params) == params


def test_missing_value_error_names_indicator_and_region():
    vals = dict(zip(KEYS5, [5, 1, 20, 30, np.nan]))
    with pytest.raises(DataError) as e:
        co.score(vals, bounds=GOALPOSTS)
    assert key_of(e) == "err_coop_value_missing"
    assert e.value.params == {"indicator": "trained_staff_pct", "region": "unit"}
    # a weighted sub-indicator without a value is missing too
    with pytest.raises(DataError) as e:
        co.score(dict(zip(KEYS5, [5, 1, 20, 30, 10])), {"export_hhi": 1}, bounds=GOALPOSTS)
    assert key_of(e) == "err_coop_value_missing" and e.value.params["indicator"] == "export_hhi"
    # in a comparison set: the region lacking it is named
    tab = regions_table([[1, 1, 1, 1, 1], [2, 2, 2, 2, 2]], ["A", "B"]).iloc[:-1]
    with pytest.raises(DataError) as e:
        co.score(tab)
    assert e.value.params == {"indicator": "trained_staff_pct", "region": "B"}


def test_geometric_with_a_zero():
    """A value at its lower goalpost scores 0, and a weighted geometric mean with a zero factor is 0
    whatever the other blocks: refused, naming the indicator and region."""
    with pytest.raises(DataError) as e:
        one([0, 1, 20, 30, 10], aggregation="geometric")
    assert key_of(e) == "err_coop_geometric_zero"
    assert e.value.params == {"indicator": "modernisation_investment_pct", "region": "unit"}
    assert one([0, 1, 20, 30, 10]).total["score"].iloc[0] == pytest.approx(40.0)   # arithmetic is fine


@pytest.mark.parametrize("bounds,norm,key", [
    (None, "minmax", "err_coop_needs_bounds"),
    ({**GOALPOSTS, "rd_share_pct": (2, 1)}, "minmax", "err_coop_bounds_order"),
    ({**GOALPOSTS, "rd_share_pct": (2, 2)}, "minmax", "err_coop_bounds_order"),
    ({**GOALPOSTS, "rd_share_pct": (np.nan, 2)}, "minmax", "err_coop_bounds_incomplete"),
    ({**GOALPOSTS, "rd_share_pct": (1, 2, 3)}, "minmax", "err_coop_bounds_incomplete"),
    ({**GOALPOSTS, "rd_share_pct": 0}, "target", "err_coop_target_positive"),
    ({**GOALPOSTS, "no_such": (0, 1)}, "minmax", "err_coop_unknown_indicator"),
])
def test_bounds_errors(bounds, norm, key):
    with pytest.raises(DataError) as e:
        co.score(dict(zip(KEYS5, [5, 1, 20, 30, 10])), normalisation=norm, bounds=bounds)
    assert key_of(e) == key


def test_value_errors():
    base = dict(zip(KEYS5, [5, 1, 20, 30, 10]))
    with pytest.raises(DataError) as e:
        co.score({**base, "rd_share_pct": "12a"}, bounds=GOALPOSTS)
    assert key_of(e) == "err_coop_not_number" and e.value.params["indicator"] == "rd_share_pct"
    with pytest.raises(DataError) as e:
        co.score({**base, "rd_share_pct": -1}, normalisation="target", bounds=GOALPOSTS)
    assert key_of(e) == "err_coop_value_negative"
    with pytest.raises(DataError) as e:
        co.score({**base, "rd_share_pct": 6}, normalisation="ordinal")
    assert key_of(e) == "err_coop_ordinal_range" and e.value.params["value"] == "6"
    with pytest.raises(DataError) as e:
        co.score({**base, "xyz": 1}, bounds=GOALPOSTS)
    assert key_of(e) == "err_coop_unknown_indicator"
    dup = pd.concat([regions_table([[5, 1, 20, 30, 10]], ["A"])] * 2)
    with pytest.raises(DataError) as e:
        co.score(dup, bounds=GOALPOSTS)
    assert key_of(e) == "err_coop_duplicate"
    with pytest.raises(DataError) as e:
        co.score(pd.DataFrame({"indicator": KEYS5}))
    assert key_of(e) == "err_coop_values_columns"
    with pytest.raises(DataError) as e:
        co.score([1, 2, 3])
    assert key_of(e) == "err_coop_values_type"


def test_bounds_as_a_table_with_empty_rows():
    """A bounds table (indicator, lo, hi) with empty rows: those indicators use the comparison set."""
    mat = np.array([[1.0, 0.5, 10, 20, 5], [3.0, 1.5, 30, 10, 15]])
    bt = pd.DataFrame({"indicator": KEYS5, "lo": [0.0] + [np.nan] * 4, "hi": [10.0] + [np.nan] * 4})
    ind = co.score(regions_table(mat, ["A", "B"]), bounds=bt).indicators
    first = ind[ind["indicator"] == KEYS5[0]]
    assert first["score"].tolist() == pytest.approx([10.0, 30.0]) and (first["reference"] == "bounds").all()
    assert (ind.loc[ind["indicator"] != KEYS5[0], "reference"] == "comparison").all()


def test_no_spread_and_conflicting_bounds():
    same = regions_table([[1, 1, 1, 1, 1], [1, 2, 2, 2, 2]], ["A", "B"])
    with pytest.raises(DataError) as e:
        co.score(same)
    assert key_of(e) == "err_coop_no_spread"
    assert e.value.params == {"indicator": "modernisation_investment_pct"}
    tab = regions_table([[1, 1, 1, 1, 1], [2, 2, 2, 2, 2]], ["A", "B"]).assign(lo=0.0, hi=10.0)
    tab.loc[0, "hi"] = 20.0
    with pytest.raises(DataError) as e:
        co.score(tab)
    assert key_of(e) == "err_coop_bounds_conflict"


# ---------------------------------------------------------------- reference tables (§4)


def test_framework_list_sizes_follow_spec_section_4():
    """Spec §4: L1-4 six barriers, L1-5 four enablers, L2-3 nine problems ("(9)"), L2-4 five constraints
    ("(5)"), L2-5 four + five issues, L2-8 abstract list of seven, L2-9 six KPIs, L2-10 four institutions,
    L3-2 seven comparators, L3-5 five instruments and four indicators, L3-8 four / five / four actions."""
    fw = co.framework()
    size = fw.groupby(["list_id", "group"]).size()
    assert size[("L1-4", "")] == 6 and size[("L1-5", "")] == 4
    assert size[("L2-3", "")] == 9 and size[("L2-4", "")] == 5
    assert size[("L2-5", "igenbekova")] == 4 and size[("L2-5", "oecd")] == 5
    assert size[("L2-8", "abstract")] == 7 and size[("L2-9", "")] == 6 and size[("L2-10", "")] == 4
    assert size[("L3-2", "")] == 7
    assert size[("L3-5", "instruments")] == 5 and size[("L3-5", "indicators")] == 4
    assert [size[("L3-8", g)] for g in ("short", "medium", "long")] == [4, 5, 4]
    assert not fw["key"].duplicated().any()
    assert (fw["status"] == "not_started").all()


def test_roadmap_horizons_come_from_the_p3_table():
    """P3 R11-R13: short 0-3, medium 3-7, long 7-15 years."""
    p3 = kzdata.load("seed004_coop_p3_structural_change").set_index(["item", "measure"])["value"]
    rm = co.policy_instruments("L3-8").groupby("group", sort=False)[["horizon_from", "horizon_to"]].first()
    assert rm.loc["short"].tolist() == [p3[("R11", "low")], p3[("R11", "high")]] == [0, 3]
    assert rm.loc["medium"].tolist() == [3, 7] and rm.loc["long"].tolist() == [7, 15]
    assert co.policy_instruments()["paper"].eq("P3").all()


def test_kpi_formulas_only_for_p2_kpis():
    lm = co.legal_mechanisms()
    assert lm["paper"].eq("P2").all()
    kpi = lm[lm["list_id"] == "L2-9"].set_index("item")
    assert kpi.loc["supply_chain_share", "formula"].startswith("100 · Procurement_from_SMEs")
    assert kpi.loc["esg_reporting", "formula"] == ""
    assert (lm.loc[lm["list_id"] != "L2-9", "formula"] == "").all()


def test_framework_filters_and_errors():
    assert set(co.framework("P1")["list_id"]) == {"L1-1", "L1-2", "L1-3", "L1-4", "L1-5"}
    assert co.framework("P1", "L1-1")["key"].tolist() == [f"coop_block_{b}" for b in co.BLOCKS]
    with pytest.raises(DataError) as e:
        co.framework("P4")
    assert key_of(e) == "err_coop_unknown_list"
    with pytest.raises(DataError) as e:
        co.legal_mechanisms("L3-1")
    assert key_of(e) == "err_coop_unknown_list"


def test_legal_register_seven_documents_and_flag():
    """P2 register (spec §2): seven documents; the SME Development Concept to 2030 (decree 250) is the one
    with cooperation vectors ("yes – 6 vectors"); the plan to 2029 has "no cooperation priority"."""
    reg = co.legal_register()
    assert len(reg) == 7
    flag = reg.set_index("number")["covers"]
    assert flag["250"] == "yes" and flag["611"] == "no" and flag["375-V"] == "indirect"
    assert reg["covers"].notna().all()
    assert reg.set_index("number").loc["250", "covers_SME_large_cooperation_per_paper"].startswith("yes")
    assert not reg["name_key"].duplicated().any()


# ---------------------------------------------------------------- i18n keys


def _module_keys() -> set:
    """Every i18n key cooperation.py can hand to the UI: names, notes, classes, lists, errors."""
    keys = set(co.indicators()["name_key"]) | set(co.indicators()["block_key"])
    t = co.template()
    keys |= set(t["note_key"]) | set(t["verdict_key"]) | set(co.CLASS_LABELS) | {"coop_note_workbook_score"}
    fw = co.framework()
    keys |= set(fw["key"]) | set(fw["list_key"]) | set(fw.loc[fw["group_key"] != "", "group_key"])
    reg = co.legal_register()
    keys |= set(reg["name_key"]) | set(reg["covers_key"])
    tree = ast.parse(Path(co.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg == "key" and isinstance(kw.value, ast.Constant):
                    keys.add(kw.value.value)
    return keys


def test_i18n_keys_exist_once_merged():
    """The texts are delivered separately and merged into kzclusters/i18n/*.json; once any coop_ text is
    there, every key the module uses must be, in all three languages."""
    cat = i18n.catalogue("en")
    if not any(k.startswith("coop_") for k in cat):
        pytest.skip("cooperation texts not merged into kzclusters/i18n yet")
    keys = _module_keys()
    for lang in i18n.LANGS:
        missing = sorted(keys - set(i18n.catalogue(lang)))
        assert not missing, f"{lang}: {missing}"
