"""Notebook 02's widgets (kzclusters.ui.ict_clusters), driven as a viewer would: set controls, read outputs.

Each test sets ``.value`` on the same widgets the page shows and checks what the
page then shows (charts, tables, messages), against the package functions or
seed 003's published numbers («ICT clusters in Kazakhstan's regions», Tables 1-3).
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from kzclusters import composite as cp
from kzclusters import innovation
from kzclusters.ui import ict_clusters as ui
from kzclusters.ui.shell import Page


@pytest.fixture(scope="module")
def page():
    return ui.ict_clusters_page("en")


@pytest.fixture()
def explorer():
    return ui.IndexExplorer(Page("02_ict_clusters.ipynb", lang="en"))


def ranks(ex) -> pd.Series:
    r = ex.result()
    return r.set_index("region")["rank"]


def test_page_sections_in_reading_order(page):
    assert list(page.sections) == ["goals", "growth_poles", "method", "paper_index", "indicators", "explorer",
                                   "ksi_paper", "bns_ict", "quadrant", "exercises"]
    for name, w in page.texts.items():
        assert w.value.strip(), f"text {name} is empty"
    for part in (page.explorer, page.paper_index, page.ksi, page.ict, page.quadrant):
        assert part.error.value == "", f"{type(part).__name__} shows an error on load: {part.error.value}"


def test_changing_weights_changes_ranks(explorer):
    """The issue's widget test: move the weight sliders and the ranking changes."""
    before = ranks(explorer)
    png = explorer.chart.value
    explorer.groups.sliders["IS"].value = 0.0          # innovation activity only
    explorer.weights["IA"].sliders["J_A"].value = 10.0  # and mostly R&D spending
    after = ranks(explorer)
    assert (before != after).any()
    assert explorer.chart.value != png
    # the ranks now follow J_A's normalised score (R&D per worker has the most weight): its leader is first
    ind = explorer.data[explorer.data["indicator"] == "J_A"].set_index("region")["value"]
    assert after.idxmin() == ind.idxmax()
    # the displayed normalised weights are the package's: 10 / (10 + 1 + 1)
    assert "0.83" in explorer.weights["IA"].shown["J_A"].value
    res = explorer.components()
    w = res.weights.set_index("indicator")
    assert w.loc["J_A", "effective"] == pytest.approx(10 / 12)
    assert w.loc["J_D", "effective"] == pytest.approx(0.0)


def test_default_settings_are_seed_003s_method(explorer):
    """Equal weights, leader normalisation, arithmetic mean: I = mean of the six J's (formulas 1-4)."""
    res = explorer.result().set_index("region")
    d = explorer.data.pivot_table(index="region", columns="indicator", values="value")
    j = 100 * d / d.max()
    j["J_E"] = 100 * d["J_E"].min() / d["J_E"]            # stability: lower volatility is better
    expected = j.mean(axis=1)
    np.testing.assert_allclose(res.loc[expected.index, "index"], expected, rtol=1e-12)


def test_noise_zero_gives_point_intervals_and_full_grade_stability(explorer):
    explorer.noise.value = 0.0
    r = explorer.result()
    assert (r["rank_p05"] == r["rank_p95"]).all() and (r["grade_share"] == 1.0).all()
    explorer.noise.value = 0.5
    r = explorer.result()
    assert (r["rank_p95"] - r["rank_p05"]).max() > 0 and r["grade_share"].min() < 1.0


def test_cut_offs_regrade_the_explorer_and_the_papers_table(page):
    ex, pi = page.explorer, page.paper_index
    assert "32 of the 32" in pi.summary.value
    ex.cuts[4].value = 75.0          # A from 75: Almaty city 2016 (76.05) keeps A; nothing else moves
    assert "32 of the 32" in pi.summary.value
    ex.cuts[4].value = 80.0          # A from 80: Almaty city 2016 drops to B+
    assert "31 of the 32" in pi.summary.value
    grades = ex.result()["grade"]
    assert set(grades) <= set(cp.GRADE_LABELS) and "A" not in set(grades)
    ex.cuts[4].value = 60.0
    assert "32 of the 32" in pi.summary.value


def test_geometric_aggregation_with_minmax_says_what_to_fix(explorer):
    """Min-max gives the last region 0, and a geometric mean needs values > 0: a message, not a traceback."""
    explorer.norm.value = "minmax"
    explorer.agg.value = "geometric"
    assert "kz-error" in explorer.error.value and "Traceback" not in explorer.error.value
    assert explorer.chart.layout.display == "none"
    explorer.agg.value = "arithmetic"
    assert explorer.error.value == "" and explorer.chart.layout.display is None


def test_upload_of_the_template_reproduces_the_official_index(explorer):
    tpl = innovation.template()
    buf = io.BytesIO()
    tpl.to_csv(buf, index=False)
    official = explorer.result()[["region", "index"]].set_index("region")["index"]
    explorer.upload.load(buf.getvalue(), "mine.csv", "en")
    assert "kz-ok" in explorer.upload.message.value
    assert explorer.source == "upload" and "kz-badge-upload" in explorer.badge.html.value
    mine = explorer.result()[["region", "index"]].set_index("region")["index"]
    pd.testing.assert_series_equal(mine.sort_index(), official.sort_index(), check_exact=False, rtol=1e-12)


def test_upload_without_an_indicator_drops_it_and_bad_files_keep_the_data(explorer):
    tpl = innovation.template()
    buf = io.BytesIO()
    tpl[tpl["indicator"] != "J_E"].to_csv(buf, index=False)
    explorer.upload.load(buf.getvalue(), "no_je.csv", "en")
    assert "J_E" not in explorer.present()["IS"]
    assert explorer.result()["index"].notna().all()
    before = explorer.result()
    explorer.upload.load(b"region,indicator,year,value\nAkmola,J_Z,2022,5\n", "bad.csv", "en")
    msg = explorer.upload.message.value
    assert "kz-error" in msg and "bad.csv" in msg and "J_Z" in msg
    pd.testing.assert_frame_equal(explorer.result(), before)     # the previous data are kept
    explorer.upload.reset.click()
    assert explorer.source == "official"


def test_share_link_round_trip(explorer):
    explorer.groups.sliders["IS"].value = 3.0
    explorer.norm.value = "percentile"
    explorer.cuts[0].value = 19.0
    explorer.tabs.value = "map"
    query = explorer.share.url.split("?", 1)[1]
    page = Page("02_ict_clusters.ipynb", lang="en")
    page.query = query
    again = ui.IndexExplorer(page)
    assert again.groups.sliders["IS"].value == 3.0 and again.norm.value == "percentile"
    assert again.cuts[0].value == 19.0 and again.tabs.value == "map"
    pd.testing.assert_frame_equal(again.result(), explorer.result())


def test_ksi_paper_mode_and_column_sum(page):
    k = page.ksi
    k.year.value = 2016
    k.denominator.value = "paper"
    shares = k.shares().set_index("region")["ksi"]
    assert shares["ALA"] == pytest.approx(20152.4 / 33261.0)          # printed 0.606 (seed 003 Table 3)
    k.denominator.value = "sum"
    shares = k.shares().set_index("region")["ksi"]
    assert shares.sum() == pytest.approx(1.0)
    k.year.value = 2013
    k.denominator.value = "paper"
    assert "kz-error" in k.error.value and "2010" in k.error.value and "2016" in k.error.value
    k.denominator.value = "sum"
    assert k.error.value == ""


def test_ict_explorer_views_and_measures(page):
    ex = page.ict
    seen = set()
    for view in ex.views:
        for measure in ex.measures:
            ex.view.value, ex.measure.value = view, measure
            assert ex.error.value == "", (view, measure, ex.error.value)
            assert ex.table.value.count("<tr>") > 2
            if view != "window":
                seen.add(ex.chart.value)
    assert len(seen) >= 8, "every view and measure draws its own chart"
    ex.view.value, ex.measure.value = "bars", "share"


def test_quadrant_names_the_papers_poles_on_2022_data(page):
    q = page.quadrant
    assert sorted(q.poles()) == ["ALA", "AST"]
    assert "The same regions." in q.verdict.value
    q.split.value = "median"          # a looser split: more regions pass both medians
    assert set(q.poles()) > {"ALA", "AST"}
    assert "Not the same set" in q.verdict.value
    q.split.value = "mean"


def test_language_switch_relabels_without_recomputing(page):
    n = len(page.explorer._results)
    page.lang.value = "kk"
    assert page.explorer.year.description == "Жыл"
    assert "Астана" in page.quadrant.verdict.value
    page.lang.value = "ru"
    assert "Полюсы" in page.quadrant.verdict.value
    assert len(page.explorer._results) == n          # the Monte Carlo is cached by settings, not language
    page.lang.value = "en"
