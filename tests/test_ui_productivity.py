"""Notebook 04's widgets (kzclusters.ui.productivity), driven as a viewer would.

Reference numbers are seed 004's productivity papers as transcribed in
``productivity.md`` (P1: investment effects on TFP; P2: the gap with the EU) and
Radosevic's -0.64 pp a year (P3).
"""

from __future__ import annotations

import numpy as np
import pytest

from kzclusters import productivity as pr
from kzclusters.ui import productivity as ui


@pytest.fixture(scope="module")
def page():
    return ui.productivity_page("en")


def test_sections_load_without_errors(page):
    assert list(page.sections) == ["goals", "productivity", "regions", "shift_share", "convergence", "investment",
                                   "gap", "maturity", "exercises"]
    for name, w in page.texts.items():
        assert w.value.strip(), name
    for part in (page.sectors, page.regions, page.shift_share, page.convergence, page.investment, page.gap):
        assert part.error.value == "", f"{type(part).__name__}: {part.error.value}"


def test_changing_the_period_changes_the_decomposition(page):
    """The issue's widget test: a new period gives new terms; the terms always add up to the total."""
    s = page.shift_share
    s.window.value = (2014, 2024)
    a = s.result().terms.set_index("term")["value"]
    png = s.chart.value
    s.window.value = (2018, 2024)
    b = s.result().terms.set_index("term")["value"]
    assert not np.allclose(a.to_numpy(), b.to_numpy()) and s.chart.value != png
    for t in (a, b):
        assert t[["within", "static", "dynamic"]].sum() == pytest.approx(t["total"], rel=1e-12)
    assert "-0.64" in s.note.value
    s.window.value = (2020, 2020)
    assert "kz-error" in s.error.value
    s.window.value = (2014, 2024)
    assert s.error.value == ""


def test_changing_the_depreciation_rate_changes_the_estimates(page):
    """The issue's widget test: the depreciation rate moves the capital stock, TFP and the estimates."""
    v = page.investment
    assert not v.active and v.table.value == ""
    v.run.click()
    first = v.result().summary.set_index("group")[["beta", "speed"]]
    table = v.table.value
    v.delta.value = 0.12
    second = v.result().summary.set_index("group")[["beta", "speed"]]
    assert v.table.value != table
    assert not np.allclose(first.to_numpy(dtype=float), second.to_numpy(dtype=float), equal_nan=True)
    assert "illustrations" in v.summary.value            # the small-n note (annual data)
    assert "-0.123" in v.reference.value and "0.198" in v.reference.value   # P1, manufacturing and trade
    v.lags.value = 0
    assert v.error.value == ""
    v.delta.value, v.lags.value = 0.06, 1


def test_convergence_window_and_views(page):
    c = page.convergence
    res = c.result()
    d = res.data
    X = np.column_stack([np.ones(len(d)), d["log_initial"]])
    coef = np.linalg.lstsq(X, d["growth"].to_numpy(), rcond=None)[0]
    assert float(res.beta.set_index("term").loc["log_initial", "coef"]) == pytest.approx(coef[1], rel=1e-10)
    c.view.value = "sigma"
    assert c.error.value == "" and "CV" in c.table.value
    c.view.value = "beta"


def test_gap_calculator_both_published_gaps(page):
    g = page.gap
    g.basis.value = "bullets"
    g.growth_home.value, g.growth_ref.value = 4.0, 1.0
    y_bullets = g.years()
    assert y_bullets == pytest.approx(float(pr.gap_years(27200 / 86700, 0.04, 0.01)))
    g.basis.value = "table1"
    assert g.years() < y_bullets                             # ~56k v 106k is the smaller gap
    g.growth_home.value = 1.0                                # no faster than the EU: never closes
    assert "never" in g.summary.value
    g.target.value = 2035
    need = float(pr.required_growth(g.ratio(), 10, 0.01))
    assert f"{100 * need:.2f}" in g.summary.value
    g.growth_home.value = 4.0


def test_maturity_map_and_scenarios_shown(page):
    html_ = page.sections["maturity"].children[-1].value
    assert html_.count("<table") == 2 and html_.count("<tr>") == 1 + 12 + 1 + 4


def test_sector_window_and_language(page):
    s = page.sectors
    s.window.value = (2016, 2020)
    assert set(s.frame()["year"]) == set(range(2016, 2021))
    page.lang.value = "ru"
    try:
        assert page.regions.year.description == "Год" and "Год" in page.gap.table.value
    finally:
        page.lang.value = "en"


def test_sector_growth_and_region_window(page):
    s = page.sectors
    s.window.value = (2014, 2024)
    s.view.value = "growth"
    try:
        g = s.growth().set_index("sector")
        p = s.frame().pivot_table(index="sector", columns="year", values="value")
        np.testing.assert_allclose(g["growth"], (p[2024] / p[2014] - 1).loc[g.index], rtol=1e-12)
        assert s.error.value == "" and s.chart.layout.display is None
    finally:
        s.view.value = "level"
    r = page.regions
    r.view.value = "window"
    try:
        assert r.error.value == "" and r.table.value.count("<tr>") >= 15
    finally:
        r.view.value = "bars"


def test_synthetic_check_is_labelled_and_recovers_the_truth(page):
    """Seeded synthetic series (labelled): with 240 periods the ECM recovers the known parameters."""
    v = page.investment
    v.synthetic_n.value = 240
    v.synthetic_run.click()
    out = v.synthetic_out.value
    assert "synthetic" in out.lower() and "synthetic" in v.synthetic_head.value.lower()
    r = pr.ecm_recovery(240, reps=100, seed=0).set_index("parameter")
    for p, tol in (("beta", 0.03), ("speed", 0.06), ("delta1", 0.02)):     # stated tolerances at n = 240
        assert abs(r.loc[p, "median"] - r.loc[p, "true"]) < tol, p
    assert f"{r.loc['speed', 'median']:.3f}" in out
