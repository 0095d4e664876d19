"""Notebook 03's widgets (kzclusters.ui.msme_integration), driven as a viewer would.

Published numbers are seed 004's (Taikulakova G.S., Bayadilova L., Andakov M.Z., «Определение потенциала
малых и средних предприятий обрабатывающей промышленности ...»): P_MSP 0.0778 (printed 0.08, F1), Table 8
(normalised TII 2024), Table 13 (RCA 2024), Table 16 (elasticities 1.12 and 0.86).
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from kzclusters import cooperation as coop
from kzclusters import msme
from kzclusters.ui import msme_integration as ui


@pytest.fixture(scope="module")
def page():
    return ui.msme_integration_page("en")


def test_page_sections_and_no_errors_on_load(page):
    assert list(page.sections) == ["goals", "model", "audit", "potential", "tii", "exports", "elasticity", "grp",
                                   "regression", "cooperation", "policy", "exercises"]
    for name, w in page.texts.items():
        assert w.value.strip(), name
    for part in (page.audit, page.potential, page.integration, page.exports, page.elasticities, page.grp,
                 page.regression, page.cooperation):
        assert part.error.value == "", f"{type(part).__name__}: {part.error.value}"


def test_every_data_quality_flag_of_the_spec_is_in_the_audit_view(page):
    """Spec msme_integration.md section 7 lists 13 flags; each appears in the audit table shown."""
    shown = page.audit.table.value
    flags = set(page.audit.flags["flag"].dropna().astype(int))
    assert flags == set(range(1, 14))
    for reason in page.audit.flags["reason_key"].unique():
        assert pd.notna(reason)
    assert shown.count("<tr>") == len(page.audit.flags) + 1


def test_paper_choices_toggle_switches_every_section(page):
    """Corrected: BNS 2024 figures give 1.22 and 1.30; the paper's choices give Table 16's 1.12 and 0.86."""
    e, ex = page.elasticities, page.exports
    assert e.national()["elasticity"].round(2).tolist() == [1.22, 1.30]
    ex.view.value = "grp_share"
    corrected = ex.table.value
    page.audit.choices.value = "paper"
    try:
        assert e.national()["elasticity"].round(2).tolist() == [1.12, 0.86]
        assert ex.table.value != corrected                      # Table 9's rows shifted as printed
        assert "1.12" in e.national_box.value
    finally:
        page.audit.choices.value = "corrected"
        ex.view.value = "rca"


def test_pmsp_weights_and_region_set_change_the_score(page):
    p = page.potential
    assert round(p.value(), 4) == 0.0778                        # F1, 2023 (printed 0.08)
    png = p.chart.value
    p.weights["pp"].value = 0.8
    assert p.value() > 0.0778 and p.chart.value != png
    p.weights["pp"].value = 0.4
    p.regions.value = ("ALA", "KRG")
    only_two = p.value()
    assert only_two != pytest.approx(0.0778, abs=1e-4)
    p.regions.value = msme.PAPER_REGIONS
    p.renormalise.value = True
    assert p.value() == pytest.approx(0.0778 / 0.9, abs=2e-4)   # 0.0864: weights rescaled from 0.9 to 1
    p.renormalise.value = False


def test_bad_weights_and_empty_region_set_give_messages(page):
    p = page.potential
    for c in ("pp", "innp", "ep"):
        p.weights[c].value = 0.0
    assert "kz-error" in p.error.value and "Traceback" not in p.error.value
    for c, w in msme.PMSP_WEIGHTS.items():
        p.weights[c].value = w
    assert p.error.value == ""
    p.regions.value = ()
    assert "kz-error" in p.error.value
    p.regions.value = msme.PAPER_REGIONS
    assert p.error.value == ""


def test_tii_table8_thresholds_and_region_set(page):
    ti = page.integration
    tii = ti.frame().set_index("region")["tii"].round(2)
    assert tii.to_dict() == {"KRG": 0.40, "PVL": 0.29, "ALA": 0.80, "VKO": 0.22, "KST": 0.40}   # Table 8, 2024
    ti.high.value = 0.85
    assert "High integration" not in ti.table.value
    ti.high.value = 0.7
    ti.low.value = 0.9                                           # medium above high: a message, not a crash
    assert "kz-error" in ti.error.value
    ti.low.value = 0.4
    before = ti.frame().set_index("region")["tii"]
    ti.regions.value = ("KRG", "PVL", "VKO", "KST")
    after = ti.frame().set_index("region")["tii"]
    assert (after > before.loc[after.index]).any()
    ti.regions.value = msme.PAPER_REGIONS


def test_exports_rca_and_exchange_rate_messages(page):
    ex = page.exports
    ex.view.value = "rca"
    rca = ex.frame().query("year == 2024").set_index("region")["rca"].round(2)
    assert (float(rca["KST"]), float(rca["ALA"])) == (2.76, 2.19)        # Table 13
    ex.view.value = "epi"
    assert "kz-error" in ex.error.value                                  # no exchange rate typed yet
    ex.rates["2023"].value = "abc"
    assert "2023" in ex.error.value and "kz-error" in ex.error.value
    ex.rates["2023"].value, ex.rates["2024"].value = "450", "470"
    assert ex.error.value == "" and "EPI" in ex.table.value
    ex.rates["2023"].value = ex.rates["2024"].value = ""
    ex.view.value = "rca_all"
    assert ex.table.value.count("<tr>") == 20                            # 19 regions + header
    ex.view.value = "rca"


def test_regression_on_the_paper_panel_and_on_an_upload(page):
    r = page.regression
    assert not r.active and "complete observations" in r.summary.value
    r.run.click()
    assert "n = 10" in r.summary.value and r.table.value.count("<tr>") == 6   # header + const + 4
    r.entity.value = r.time.value = True
    assert "degrees of freedom" in r.summary.value
    r.entity.value = r.time.value = False
    rows = [f"R{i},{v},{2020 + t},{val}" for i in range(6) for t in range(3)
            for v, val in (("y", 10 + i + 2 * t), ("x", 1 + i + t * (i % 2)))]
    payload = ("region,indicator,year,value\n" + "\n".join(rows)).encode()
    r.upload.load(payload, "panel.csv", "en")
    # synthetic region codes are not regions: a clear message, the paper panel stays
    assert "kz-error" in r.upload.message.value and r.source == "paper"
    regions = ["AKM", "AKT", "ALM", "ATY", "ZKO", "ZHM"]
    rows = [f"{reg},{v},{2020 + t},{val}" for i, reg in enumerate(regions) for t in range(3)
            for v, val in (("y", 10 + i + 2 * t), ("x", 1 + i + t * (i % 2)))]
    r.upload.load(("region,indicator,year,value\n" + "\n".join(rows)).encode(), "panel.csv", "en")
    assert r.source == "upload" and r.y.value in ("y", "x")
    r.y.value, r.x.value = "y", ("x",)
    res = r.result()
    assert res.n == 18 and res.k == 2
    r.upload.reset.click()
    assert r.source == "paper"


def test_cooperation_values_weights_and_geometric_zero(page):
    c = page.cooperation
    assert c.result() is None and "publishes no values" in c.table.value
    for k, v in zip(c.keys, ["2", "3", "4", "3", "5"]):
        c.values[k].value = v
    base = float(c.result().total["score"].iloc[0])
    assert base == pytest.approx(60.0)
    c.blocks.sliders["hr"].value = 5.0
    assert float(c.result().total["score"].iloc[0]) > base
    c.blocks.sliders["hr"].value = 1.0
    c.values[c.keys[0]].value = "1"                   # an expert score of 1 normalises to 0 ...
    c.agg.value = "geometric"                         # ... and a geometric mean of a zero is refused
    assert "kz-error" in c.error.value and "Traceback" not in c.error.value
    c.agg.value = "arithmetic"
    assert c.error.value == ""
    c.values[c.keys[1]].value = "three"
    assert "three" in c.error.value
    c.values[c.keys[1]].value = "3"
    # an upload fills the fields
    tpl = coop.template()
    rows = "\n".join(f"VKO,{k},2024,{i + 2}" for i, k in enumerate(c.keys))
    c.upload.load(f"region,indicator,year,value\n{rows}\n".encode(), "coop.csv", "en")
    assert [c.values[k].value for k in c.keys] == ["2", "3", "4", "5", "6"] and len(tpl) >= 5


def test_grp_explorer_and_language(page):
    g = page.grp
    t = g.table_frame()
    assert t["share"].sum() == pytest.approx(100.0, abs=0.5)
    page.lang.value = "kk"
    try:
        assert g.year.description == "Жыл"
        assert "Шығыс" in page.potential.table.value or "ШҚО" in page.potential.table.value
    finally:
        page.lang.value = "en"


def test_reference_checklists_are_shown(page):
    refs = page.sections["policy"].children[-1].value
    assert refs.count("<table") == 3 and refs.count("<tr>") > 100


def test_elasticity_direction_toggle(page):
    e = page.elasticities
    f9 = e.national()["elasticity"].to_numpy()
    e.direction.value = "exports_on_output"
    try:
        assert (e.national()["elasticity"].to_numpy() * f9 == pytest.approx(1.0))
        assert (e.regional()["direction"] == "mfg_export_on_grp").all()
        assert e.error.value == ""
    finally:
        e.direction.value = "paper"
