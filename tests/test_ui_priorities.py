"""Notebook 05's widgets (kzclusters.ui.industry_priorities), driven as a viewer would.

Reference: seed 004, Begimbay and Myrzakhmet, Table 1 (criteria weights) and Table 2 (integral scores:
machinery 0.78, food 0.74, chemicals 0.71, coke and refined products 0.63, metallurgy 0.61, pharmaceuticals 0.54).
"""

from __future__ import annotations

import pytest

from kzclusters import mcdm
from kzclusters.ui import industry_priorities as ui


@pytest.fixture(scope="module")
def page():
    return ui.industry_priorities_page("en")


def test_sections_and_no_error_on_load(page):
    assert list(page.sections) == ["goals", "method", "data", "explorer", "sensitivity", "context", "exercises"]
    for name, w in page.texts.items():
        assert w.value.strip(), name
    assert page.explorer.error.value == ""
    assert page.sections["context"].children[-1].value.count("<table") >= 5


def test_moving_weights_changes_the_ranking(page):
    """The issue's widget test."""
    ex = page.explorer
    ex.blend.value = 0.0                               # expert weights only
    try:
        before = ex.ranking().set_index("alternative")["rank"]
        png = ex.chart.value
        ex.expert.sliders["volatility"].value = 10.0
        ex.expert.sliders["va_share_mfg"].value = 0.0
        after = ex.ranking().set_index("alternative")["rank"]
        assert (before != after).any() and ex.chart.value != png
    finally:
        ex.expert.sliders["volatility"].value = ex.expert.sliders["va_share_mfg"].value = 1.0
        ex.blend.value = 0.5


def test_blend_uses_merec_weights_of_the_current_matrix(page):
    ex = page.explorer
    m = ex.matrix()
    ex.blend.value = 1.0
    try:
        w = ex.weights(m)["final"]
        ref = mcdm.merec_weights(m, ex.benefits(), zeros="shift")
        assert w.to_dict() == pytest.approx(ref.to_dict())
        assert sum(w) == pytest.approx(1.0)
    finally:
        ex.blend.value = 0.5


def test_every_tab_and_method(page):
    ex = page.explorer
    for tab in ui.TABS:
        ex.tabs.value = tab
        assert ex.error.value == "", (tab, ex.error.value)
        assert ex.table.value.count("<tr>") > 2
    ex.tabs.value = "sensitivity"
    ex.mode.value = "points"
    assert ex.error.value == ""
    ex.method.value = "topsis"
    assert ex.error.value == ""
    ex.method.value, ex.mode.value, ex.tabs.value = "weighted_sum", "relative", "ranking"
    for objective in ("entropy", "critic", "merec"):     # entropy on the min-max normalised matrix
        ex.objective.value = objective
        assert ex.error.value == "", (objective, ex.error.value)


def test_paper_tab_shows_table_2(page):
    ex = page.explorer
    ex.tabs.value = "paper"
    try:
        for score in ("0.780", "0.740", "0.710", "0.630", "0.610", "0.540"):
            assert score in ex.table.value
    finally:
        ex.tabs.value = "ranking"


def test_own_matrix_grid_and_upload(page):
    ex = page.explorer
    ex.source.value = "own"
    try:
        assert ex.ranking() is None and "does not publish" in ex.note.value
        codes = ex.paper_codes
        rows = ["industry," + ",".join(codes)]
        for k, ind in enumerate(ex.industries):
            rows.append(f'"{ind}",' + ",".join(str(1 + (k * 3 + j) % 7) for j in range(len(codes))))
        ex.upload.load("\n".join(rows).encode(), "mine.csv", "en")
        assert "kz-ok" in ex.upload.message.value
        r = ex.ranking()
        assert r is not None and r["rank"].min() == 1 and len(r) == 6
        first = r.set_index("alternative")["rank"]
        ex.cells[(ex.industries[5], codes[0])].value = "100"
        assert (ex.ranking().set_index("alternative")["rank"] != first).any()
        ex.cells[(ex.industries[5], codes[0])].value = "abc"
        assert "kz-error" in ex.error.value and "abc" in ex.error.value
        ex.upload.load(b"industry,roic_eva\nfoo,1\n", "bad.csv", "en")
        assert "kz-error" in ex.upload.message.value and "bad.csv" in ex.upload.message.value
    finally:
        ex.source.value = "bns"
    assert ex.error.value == ""


def test_year_slider_changes_the_matrix(page):
    ex = page.explorer
    a = ex.matrix()
    ex.year.value = 2020
    try:
        assert not a.equals(ex.matrix()) and "2020" in ex.heading.value
    finally:
        ex.year.value = 2024


def _walk(w, seen):
    if id(w) in seen:
        return
    seen[id(w)] = w
    for c in getattr(w, "children", ()):
        _walk(c, seen)


@pytest.mark.parametrize("builder", ["ict_clusters_page", "msme_integration_page", "productivity_page",
                                     "industry_priorities_page"])
def test_no_hidden_layout_is_shared(builder):
    """A Layout hidden for one widget must not hide others: ipywidgets shares a Layout object passed twice."""
    from kzclusters import ui as kzui
    page = getattr(kzui, builder)("en")

    def check():
        seen = {}
        for box in page.sections.values():
            _walk(box, seen)
        owners = {}
        for w in seen.values():
            if hasattr(w, "layout"):
                owners.setdefault(id(w.layout), []).append(w)
        for ws in owners.values():
            if ws[0].layout.display == "none":
                assert len(ws) == 1, f"{len(ws)} widgets share a hidden Layout: {[type(w).__name__ for w in ws]}"
    check()
    if builder == "industry_priorities_page":       # the other source hides other boxes
        page.explorer.source.value = "own"
        page.explorer.tabs.value = "sensitivity"
        check()
