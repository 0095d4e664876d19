"""UI kit without a browser: set control values and assert what changed."""

from __future__ import annotations

import ast
import base64
import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from kzclusters import i18n, ui
from kzclusters.ui import downloads, state

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def page():
    return ui.index_page("en")


def decode_link(html_text: str, css: str) -> tuple[str, bytes]:
    tag = html_text.split(f"{css}\"", 1)[1]
    name = tag.split('download="', 1)[1].split('"', 1)[0]
    href = tag.split('href="', 1)[1].split('"', 1)[0]
    return name, base64.b64decode(href.split("base64,", 1)[1])


def test_language_toggle_relabels_everything(page):
    ex = page.explorer
    page.lang.value = "ru"
    assert ex.year.description == i18n.t("year", "ru")
    assert ex.region.dropdown.description == i18n.t("region", "ru")
    assert i18n.t("index_notebooks", "ru") in page.notebooks.value
    assert "lang=ru" in page.home.value and "lang=ru" in ex.share.url
    assert i18n.t("sector", "ru") in ex.table.value          # table header
    assert i18n.t("download_csv", "ru") in ex.downloads.links.value
    names_ru = [label for label, _ in ex.region.dropdown.options]
    page.lang.value = "kk"
    names_kk = [label for label, _ in ex.region.dropdown.options]
    assert names_ru != names_kk and "Қазақстан" in names_kk
    page.lang.value = "en"


def test_year_and_region_change_the_view(page):
    ex = page.explorer
    ex.year.value = 2024
    ex.region.value = "KZ"
    png, table = ex.chart.value, ex.table.value
    ex.year.value = 2012
    assert ex.chart.value != png and ex.table.value != table
    assert "2012" in ex.heading.value
    ex.region.value = "ATY"
    assert ex.view()["region"].unique().tolist() == ["ATY"]
    assert ex.view().iloc[0]["sector"] == "B"   # Atyrau: mining is the largest section


def test_new_regions_follow_the_frame_and_year(page):
    ex = page.explorer
    ex.year.value = 2024
    ex.region.frame.value = "20"
    ex.region.value = "ABY"
    assert ex.region.value == "ABY"
    ex.region.frame.value = "17"                 # Abai is folded into East Kazakhstan on the 2018 map
    assert ex.region.value == "KZ" and "ABY" not in [c for _, c in ex.region.dropdown.options]
    ex.region.frame.value = "20"
    ex.year.value = 2015                         # no Abai before 2021
    assert "ABY" not in [c for _, c in ex.region.dropdown.options]


def test_downloads_are_valid_files(page):
    ex = page.explorer
    ex.year.value, ex.region.value = 2020, "AKM"
    name, payload = decode_link(ex.downloads.links.value, "kz-download-csv")
    assert name == "00_index_grp-structure_20u_AKM_2020.csv"
    rows = list(csv.reader(io.StringIO(payload.decode("utf-8-sig"))))
    assert len(rows) > 10 and sum(float(r[2]) for r in rows[1:]) == pytest.approx(100, abs=0.01)
    ex.downloads.xlsx_button.click()
    ex.downloads.svg_button.click()
    _, xlsx = decode_link(ex.downloads.more.value, "kz-download-xlsx")
    assert pd.read_excel(io.BytesIO(xlsx)).shape[0] == len(rows) - 1
    _, png = decode_link(ex.downloads.links.value, "kz-download-png")
    _, svg = decode_link(ex.downloads.more.value, "kz-download-svg")
    assert png[:4] == b"\x89PNG" and b"<svg" in svg


def test_share_link_round_trip(monkeypatch):
    monkeypatch.setenv("QUERY_STRING", "lang=kk&frame=17&region=KRG&year=2019")
    monkeypatch.setenv("VOILA_REQUEST_URL", "http://h/voila/render/00_index.ipynb?lang=kk&frame=17&region=KRG&year=2019")
    p = ui.index_page()
    ex = p.explorer
    assert (p.lang.value, ex.region.frame.value, ex.region.value, ex.year.value) == ("kk", "17", "KRG", 2019)
    assert ex.share.url == "http://h/voila/render/00_index.ipynb?lang=kk&frame=17&region=KRG&year=2019"


def test_bad_link_falls_back_to_defaults(monkeypatch):
    monkeypatch.setenv("QUERY_STRING", "lang=xx&frame=99&region=Nowhere&year=abc")
    p = ui.index_page()
    assert p.lang.value == "en" and p.explorer.region.value == "KZ"
    assert p.explorer.year.value == p.explorer.year.max


def test_upload_replaces_data_for_this_explorer_only(tmp_path):
    p = ui.index_page("en")
    ex = p.explorer
    src = tmp_path / "mine.csv"
    src.write_bytes("region,sector,year,value\nАқмола облысы,A,2030,10\nАқмола облысы,C,2030,30\n".encode())
    before = src.read_bytes()
    ex.upload.load(src.read_bytes(), src.name, "en")
    assert ex.year.max == 2030 and ex.region.value in ("AKM", "KZ")
    ex.region.value = "AKM"
    assert ex.view()["share"].tolist() == [75.0, 25.0]
    assert "kz-badge-upload" in ex.badge.html.value
    assert src.read_bytes() == before
    ex.upload.load(b"region,sector,year,value\nNursultan town,C,2020,5\n", "bad.csv", "ru")
    assert "kz-error" in ex.upload.message.value and "Traceback" not in ex.upload.message.value
    assert ex.year.max == 2030                                  # the good upload is kept
    ex.upload._reset()
    assert ex.year.max == 2025 and "kz-badge-official" in ex.badge.html.value
    fresh = ui.index_page("en").explorer                        # built-in data untouched
    assert fresh.year.max == 2025


def test_weight_sliders_and_threshold():
    ws = ui.WeightSliders(["is", "ia"], {"is": "IS", "ia": "IA"})
    assert ws.weights() == {"is": 0.5, "ia": 0.5}
    ws.sliders["ia"].value = 3.0
    assert ws.weights()["ia"] == pytest.approx(0.75) and "0.75" in ws.shown["ia"].value
    ws.sliders["is"].value = ws.sliders["ia"].value = 0.0
    assert ws.weights() == {"is": 0.5, "ia": 0.5}
    th = ui.threshold_input(1.0, 0.0, 3.0)
    th.value = -1
    assert th.value == 0.0


def test_year_range_and_sector_picker_relabel():
    yr = ui.year_range(range(2010, 2026), (2012, 2020))
    yr.value = (2015, 2018)
    assert yr.value == (2015, 2018) and not yr.continuous_update
    sp = ui.SectorPicker(["A", "C", "J"], "en", value="C")
    sp.relabel("kk")
    assert sp.dropdown.value == "C" and sp.dropdown.description == i18n.t("sector", "kk")
    assert dict((v, k) for k, v in sp.dropdown.options)["C"] == i18n.sector_name("C", "kk", short=True)


def test_progress_indicator_hides_after_failure():
    pr = ui.Progress()
    with pytest.raises(RuntimeError):
        with pr.busy("en"):
            assert pr.bar.layout.display is None
            raise RuntimeError
    assert pr.bar.layout.display == "none"


def test_state_encoding_round_trip():
    st = {"lang": "ru", "region": "AKM", "years": (2011, 2019), "w": [0.5, 0.25]}
    schema = {"lang": str, "region": str, "years": lambda s: tuple(int(x) for x in s.split(",")),
              "w": lambda s: [float(x) for x in s.split(",")]}
    assert state.decode(state.encode(st), schema) == st


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_import_graph():
    """Only kzclusters/ui imports ipywidgets; only kzclusters/plots.py imports matplotlib or seaborn."""
    for path in (ROOT / "kzclusters").rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        found = imports_of(path)
        if not rel.startswith("kzclusters/ui/"):
            assert "ipywidgets" not in found, rel
        if rel != "kzclusters/plots.py":
            assert not found & {"matplotlib", "seaborn"}, rel


def test_notebooks_only_call_the_package():
    """Code cells of the notebooks import kzclusters and call it: no defs, no arithmetic, no other imports."""
    import nbformat

    for nb_path in (ROOT / "notebooks").glob("*.ipynb"):
        nb = nbformat.read(nb_path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            tree = ast.parse(cell.source)
            for node in ast.walk(tree):
                assert not isinstance(node, (ast.FunctionDef, ast.Lambda, ast.ClassDef)), nb_path.name
                assert not isinstance(node, ast.BinOp), f"{nb_path.name}: arithmetic in a code cell"
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
                    assert all(m.split(".")[0] == "kzclusters" for m in mods), nb_path.name


def test_filename_of_views():
    assert downloads.filename("01", "lq", None, "AKM", 2020, ext="png") == "01_lq_AKM_2020.png"


def test_relabel_keeps_every_choice():
    """Switching language must not reset any control (ipywidgets resets values when options change)."""
    from kzclusters.ui.cluster_potential import ClusterPotentialExplorer, LQModel

    p = ui.Page("01_cluster_potential.ipynb", lang="en")
    ex = ClusterPotentialExplorer(p, LQModel())
    ex.tabs.value, ex.region.frame.value, ex.region.value = "map", "17", "ATY"
    ex.base.value = "industry"
    assert [c for _, c in ex.sector.dropdown.options] == ["B", "C", "D", "E"]
    ex.sector.dropdown.value = "B"
    before = ex.state()
    for lang in ("kk", "ru", "en"):
        p.lang.value = lang
        after = ex.state()
        assert {k: v for k, v in after.items() if k != "lang"} == {k: v for k, v in before.items() if k != "lang"}
    assert ex.table_frame()["lq"].notna().all() and 16 <= len(ex.table_frame()) <= 17  # ALA: no mining


def test_cluster_potential_controls_change_outputs_without_recomputing(monkeypatch):
    """Notebook 01: region, year, base, window and tab change what is shown; LQ is computed once, at build."""
    from kzclusters import specialization as sp
    from kzclusters.ui.cluster_potential import TABS, ClusterPotentialExplorer, LQModel

    model = LQModel()
    p = ui.Page("01_cluster_potential.ipynb", lang="en")
    ex = ClusterPotentialExplorer(p, model, region="KRG", year=2018)

    def boom(*a, **k):
        raise AssertionError("LQ recomputed on a control change")

    monkeypatch.setattr(sp, "location_quotient", boom)
    monkeypatch.setattr(sp, "strong_clusters", boom)
    seen = {ex.chart.value}
    ex.year.value = 2024
    seen.add(ex.chart.value)
    ex.region.value = "ATY"                  # highlighted row of the heat map
    seen.add(ex.chart.value)
    ex.base.value = "industry"
    seen.add(ex.chart.value)
    assert len(seen) == 4 and ex.error.value == ""
    for tab in TABS:
        ex.tabs.value = tab
        assert ex.error.value == "", tab
        assert len(ex.table_frame()) > 0 or tab == "candidates", tab
    ex.tabs.value = "region"
    before = ex.table_frame()
    ex.window.value = (2012, 2016)
    after = ex.table_frame()
    assert before["year"].min() != after["year"].min() and after["year"].between(2012, 2016).all()
    assert "years=2012%2C2016" in ex.share.url and "base=industry" in ex.share.url
