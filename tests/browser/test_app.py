"""The served app in a real browser: every notebook renders, its controls work, its links and downloads
are right.

One English page per notebook is shared by the tests (``page``, from ``shared_page``);
tests that change its state read the state they start from instead of assuming one,
and put the language back to English.  One more page per notebook is opened on a
share link at phone size (``shared_view``): it checks both the restored state and the
layout at 390 px.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from .kzpage import (LANDING, LANG_BUTTON, TRACEBACK_RE, active_frame, active_language, dropdown_label,
                     dropdown_options, dropdown_value, frame_buttons, move_slider, overflow, select_other,
                     set_language, slider_label, slider_value, src, t, t_or_literal, text, wait_src_change)
from .notebooks import NOTEBOOKS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
NB_DIR = ROOT / "notebooks"


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=lambda nb: nb.id)
def nb(request):
    return request.param


@pytest.fixture(autouse=True)
def _known_issues(request):
    """Run a test listed in its notebook's ``known_issues`` as a non-strict xfail."""
    if "nb" in request.fixturenames:
        reason = dict(request.getfixturevalue("nb").known_issues).get(request.node.originalname)
        if reason:
            request.applymarker(pytest.mark.xfail(reason=f"known issue: {reason}", strict=False))


@pytest.fixture(scope="module")
def page(nb, shared_page):
    """The notebook open in English, shared by the tests (see ``shared_page``)."""
    return shared_page(nb)


PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def shared_view(page, nb, open_page):
    """Set a view on `page` (Russian, the other frame, another region and year), take its share link,
    and open the link in a new phone-sized page (390 x 844).

    Returns a dict: ``href``, the state set (``region``, ``year``, ``frame``, ``heading``) and
    ``phone``, the new page.
    """
    try:
        set_language(page, nb, "ru")
        buttons = frame_buttons(page, nb)
        if len(buttons) >= 2 and "mod-active" not in (buttons[-1].get_attribute("class") or ""):
            before = src(page, nb.sel(nb.output))
            buttons[-1].click()                     # the other administrative frame
            wait_src_change(page, nb.sel(nb.output), before)
        before = src(page, nb.sel(nb.output))
        region = select_other(page, nb)
        wait_src_change(page, nb.sel(nb.output), before)
        before = src(page, nb.sel(nb.output))
        year = move_slider(page, nb)
        wait_src_change(page, nb.sel(nb.output), before)
        # the link is the last thing an update redraws: wait until it has the new year
        page.wait_for_function("([sel, y]) => { const a = document.querySelector(sel);"
                               " return a && new URL(a.href).searchParams.get('year') === String(y); }",
                               arg=[nb.sel("a.kz-share-link"), year], timeout=10_000)
        view = dict(href=page.locator(nb.sel("a.kz-share-link")).get_attribute("href") or "", region=region,
                    year=year, frame=active_frame(page, nb), heading=text(page, nb.sel(nb.heading)))
    finally:
        set_language(page, nb, "en")
    view["phone"] = open_page(nb, url=view["href"], viewport=PHONE)
    yield view
    view["phone"].close()


def decode_data_uri(href: str, mime_prefix: str) -> bytes:
    assert href.startswith(f"data:{mime_prefix}"), f"not a {mime_prefix} data URI: {href[:60]!r}"
    head, _, payload = href.partition(",")
    assert head.endswith(";base64"), f"data URI is not base64: {head!r}"
    return base64.b64decode(payload, validate=True)


def code_lines(nb_file: str) -> list[str]:
    """Distinctive lines of the notebook's code cells (what must never reach the page)."""
    cells = json.loads((NB_DIR / nb_file).read_text(encoding="utf-8"))["cells"]
    lines = [ln.strip() for c in cells if c["cell_type"] == "code"
             for ln in "".join(c["source"]).splitlines()]
    return [ln for ln in lines if len(ln) >= 12 and not ln.startswith("#")]


def visible_text(raw_html: str) -> str:
    """The text of an HTML page without scripts, styles and tags (for highlighted code)."""
    no_code = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    return html.unescape(re.sub(r"(?s)<[^>]+>", "", no_code))


# -- the list of notebooks itself ----------------------------------------------------------------
def test_every_served_notebook_has_an_entry():
    """Every ``notebooks/*.ipynb`` is served, so each needs an entry in ``tests/browser/notebooks.py``."""
    on_disk = sorted(p.name for p in NB_DIR.glob("*.ipynb"))
    listed = sorted(nb.file for nb in NOTEBOOKS)
    assert listed == on_disk, (
        "tests/browser/notebooks.py does not match notebooks/: add an entry for each new notebook (see its "
        f"docstring). Missing: {sorted(set(on_disk) - set(listed))}, no such file: "
        f"{sorted(set(listed) - set(on_disk))}")


# -- rendering -----------------------------------------------------------------------------------
def test_renders_without_errors(page, nb):
    errors = page.locator('.jp-OutputArea-output[data-mime-type*="error"]')
    assert errors.count() == 0, f"error output in {nb.file}: {errors.first.inner_text()[:1000]}"
    stderr = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]')
    assert stderr.count() == 0, f"stderr shown to viewers of {nb.file}: {stderr.first.inner_text()[:1000]}"
    body = page.locator("body").inner_text()
    assert "There was an error when executing cell" not in body
    found = TRACEBACK_RE.search(body)
    assert not found, (f"traceback-like text {found.group(0)!r} in {nb.file}: "
                       f"...{body[max(0, found.start() - 300):found.end() + 300]}...")
    shown_errors = [e.inner_text() for e in page.locator(".kz-error").all() if e.is_visible()]
    assert not shown_errors, f"{nb.file} shows an error message on load: {shown_errors}"
    assert not page.kz_js_errors, f"uncaught JavaScript errors on {nb.file}: {page.kz_js_errors}"


def test_expected_controls_present(page, nb):
    assert page.locator(".kz-page").first.is_visible()
    buttons = [b.strip() for b in page.locator(".kz-lang button").all_inner_texts()]
    assert buttons == [LANG_BUTTON["kk"], LANG_BUTTON["ru"], LANG_BUTTON["en"]]
    assert active_language(page) == "en"
    assert page.locator(nb.sel(f"{nb.slider} .noUi-handle")).first.is_visible()
    assert slider_label(page, nb) == t(nb.slider_label_key, "en")
    assert page.locator(nb.sel(nb.dropdown)).first.is_visible()
    assert len(dropdown_options(page, nb)) >= 2, f"{nb.sel(nb.dropdown)} has fewer than two options"
    if nb.dropdown_label_key:
        assert dropdown_label(page, nb) == t(nb.dropdown_label_key, "en")
    if nb.frame:
        assert len(frame_buttons(page, nb)) >= 2, f"{nb.frame} should offer two frames"
    assert page.locator(nb.sel(nb.output)).first.is_visible()
    assert page.locator(nb.sel(nb.heading)).first.is_visible(), f"no heading {nb.sel(nb.heading)!r}"
    assert str(slider_value(page, nb)) in text(page, nb.sel(nb.heading))
    assert page.locator(nb.sel(nb.table)).count() == 1, f"no {nb.table} (the numbers behind the chart)"
    csv_link = page.locator(nb.sel("a.kz-download-csv"))
    if nb.csv_header:
        assert csv_link.count() == 1 and (csv_link.get_attribute("download") or "").endswith(".csv")
    png = page.locator(nb.sel("a.kz-download-png"))
    assert png.count() == 1 and (png.get_attribute("download") or "").endswith(".png")
    for kind in ("xlsx", "svg"):  # a ready link, or a button that makes it on demand
        ready_or_button = page.locator(nb.sel(f":is(a.kz-download-{kind}, .kz-make-{kind})"))
        assert ready_or_button.count() >= 1, f"no {kind} download"
    share = page.locator(nb.sel("a.kz-share-link")).get_attribute("href") or ""
    assert share.startswith("http://") and urlsplit(share).path.endswith("/" + nb.file), share
    home = page.locator("a.kz-home-link").get_attribute("href") or ""
    assert urlsplit(home).path.endswith("00_index.ipynb") and "lang=en" in home, home
    if nb.upload:
        assert page.locator(".kz-upload").first.is_visible()
        assert page.locator(".kz-upload-message").count() == 1


def test_notebook_links_point_to_existing_notebooks(page, nb):
    """The landing page links every existing notebook of the workbook (the others are 'coming soon')."""
    if nb.file != "00_index.ipynb":
        pytest.skip("only the landing page lists the notebooks")
    from kzclusters.ui.shell import NOTEBOOKS as LISTED

    hrefs = [a.get_attribute("href") or "" for a in page.locator("a.kz-nb-link").all()]
    linked = sorted(Path(urlsplit(h).path).name for h in hrefs)
    expected = sorted(f for f, _, _ in LISTED[1:] if (NB_DIR / f).exists())
    assert linked == expected
    for h in hrefs:
        assert "lang=en" in h, f"notebook link does not keep the language: {h}"


# -- controls --------------------------------------------------------------------------------------
def test_slider_changes_chart_and_heading(page, nb):
    before_src, before_heading = src(page, nb.sel(nb.output)), text(page, nb.sel(nb.heading))
    old_year = slider_value(page, nb)
    assert str(old_year) in before_heading
    new_year = move_slider(page, nb)
    assert new_year != old_year
    wait_src_change(page, nb.sel(nb.output), before_src)
    page.wait_for_function("([sel, y]) => { const h = document.querySelector(sel);"
                           " return h && h.innerText.includes(String(y)); }",
                           arg=[nb.sel(nb.heading), new_year], timeout=10_000)
    heading = text(page, nb.sel(nb.heading))
    assert str(new_year) in heading and str(old_year) not in heading, heading


def test_dropdown_changes_chart(page, nb):
    before_src, before_heading = src(page, nb.sel(nb.output)), text(page, nb.sel(nb.heading))
    chosen = select_other(page, nb)
    wait_src_change(page, nb.sel(nb.output), before_src)
    assert dropdown_value(page, nb) == chosen
    if nb.heading_has_region:
        page.wait_for_function("([sel, old]) => { const h = document.querySelector(sel);"
                               " return h && h.innerText !== old; }",
                               arg=[nb.sel(nb.heading), before_heading], timeout=10_000)
    if nb.heading_has_region:
        assert chosen.replace("\xa0", " ") in text(page, nb.sel(nb.heading)).replace("\xa0", " ")


def test_language_toggle_relabels(page, nb):
    try:
        for lang in ("kk", "ru"):
            before_src, before_heading = src(page, nb.sel(nb.output)), text(page, nb.sel(nb.heading))
            set_language(page, nb, lang)              # waits for the slider's label in `lang`
            assert slider_label(page, nb) == t(nb.slider_label_key, lang)
            if nb.dropdown_label_key:
                page.wait_for_function(
                    "([sel, want]) => { const s = document.querySelector(sel);"
                    " const l = s && s.parentElement.querySelector('label.widget-label');"
                    " return l && l.innerText.trim() === want; }",
                    arg=[nb.dropdown, t(nb.dropdown_label_key, lang)], timeout=10_000)
            assert active_language(page) == lang
            wait_src_change(page, nb.sel(nb.output), before_src)  # chart redrawn with translated labels
            assert text(page, nb.sel(nb.heading)) != before_heading
            if nb.csv_header:
                csv_label = page.locator(nb.sel("a.kz-download-csv")).inner_text().strip()
                assert csv_label == t("download_csv", lang)
            assert f"lang={lang}" in (page.locator(nb.sel("a.kz-share-link")).get_attribute("href") or "")
    finally:
        set_language(page, nb, "en")
    assert slider_label(page, nb) == t(nb.slider_label_key, "en")


# -- downloads -------------------------------------------------------------------------------------
def test_csv_download_is_valid(page, nb):
    if not nb.csv_header:
        pytest.skip(f"{nb.file} offers no CSV download")
    link = page.locator(nb.sel("a.kz-download-csv"))
    name = link.get_attribute("download") or ""
    assert name.endswith(".csv") and str(slider_value(page, nb)) in name, name
    raw = decode_data_uri(link.get_attribute("href") or "", "text/csv")
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV without a UTF-8 byte-order mark (Excel garbles Cyrillic)"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    lang = active_language(page)
    assert rows[0] == [t_or_literal(k, lang) for k in nb.csv_header]
    body = [r for r in rows[1:] if r]
    assert body, "the CSV has a header but no rows"
    for r in body:
        assert len(r) == len(rows[0]) and all(c.strip() for c in r[:nb.csv_text_columns]), r
        for cell in r[nb.csv_text_columns:]:
            if cell != "":
                float(cell)  # numbers are plain, machine-readable
    # same rows as the table on the page
    table = page.locator(nb.sel(nb.table)).first
    assert table.locator("tbody tr").count() == len(body)
    first_column = [c.strip() for c in table.locator("tbody tr td:first-child").all_inner_texts()]
    assert first_column == [r[0] for r in body]


def test_png_xlsx_svg_downloads_are_valid(page, nb):
    png = decode_data_uri(page.locator(nb.sel("a.kz-download-png")).get_attribute("href") or "", "image/png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    payloads = {}
    for kind, mime in (("xlsx", "application/vnd.openxmlformats"), ("svg", "image/svg+xml")):
        link = page.locator(nb.sel(f"a.kz-download-{kind}"))
        if not link.count():                      # built on demand: click the button first
            page.locator(nb.sel(f".kz-make-{kind}")).first.click()
            link.first.wait_for(state="attached", timeout=30_000)
        name = link.first.get_attribute("download") or ""
        assert name.endswith(f".{kind}"), name
        payloads[kind] = decode_data_uri(link.first.get_attribute("href") or "", mime)
    assert payloads["xlsx"].startswith(b"PK")
    assert b"<svg" in payloads["svg"][:2000]
    if nb.csv_header:
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(payloads["xlsx"]), read_only=True)
        header = next(wb.worksheets[0].iter_rows(max_row=1, values_only=True))
        assert list(header) == [t_or_literal(k, active_language(page)) for k in nb.csv_header]


# -- share link ------------------------------------------------------------------------------------
def test_share_link_restores_state(shared_view, nb, server):
    href = shared_view["href"]
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}" == str(server), f"not an absolute link to this server: {href}"
    assert parts.path.endswith("/" + nb.file)
    query = parse_qs(parts.query)
    for key in nb.share_params:
        assert key in query, f"share link lacks {key}: {href}"
    assert query["lang"] == ["ru"] and query["year"] == [str(shared_view["year"])]

    restored = shared_view["phone"]          # a new page opened on the link
    assert active_language(restored) == "ru"
    assert slider_label(restored, nb) == t(nb.slider_label_key, "ru")
    assert dropdown_value(restored, nb) == shared_view["region"]
    assert slider_value(restored, nb) == shared_view["year"]
    if nb.frame:
        assert active_frame(restored, nb) == shared_view["frame"]
    assert text(restored, nb.sel(nb.heading)) == shared_view["heading"]
    assert restored.locator(nb.sel("a.kz-share-link")).get_attribute("href") == href


# -- layout on a phone -----------------------------------------------------------------------------
def test_no_horizontal_overflow_on_phone(shared_view, nb):
    """At 390 x 844 (a new page, opened on a share link) nothing is wider than the screen, in any language."""
    phone = shared_view["phone"]
    assert phone.viewport_size == PHONE
    for lang in ("ru", "kk", "en"):            # Kazakh labels are the longest
        if active_language(phone) != lang:
            set_language(phone, nb, lang)
        o = overflow(phone)
        assert o["scroll"] <= o["inner"] + 1, f"horizontal overflow at 390 px ({lang}): {o}"
        assert not o["scrolling_sideways"] and not o["sticking_out"], \
            f"content wider than the screen at 390 px ({lang}): {o}"


# -- no source code --------------------------------------------------------------------------------
def test_no_notebook_source_in_page(page, nb):
    markers = ["ui.index_page(", "from kzclusters import", "import kzclusters", *code_lines(nb.file)]
    dom = page.content()
    dom_text = page.locator("body").inner_text()
    assert page.kz_response.status == 200
    raw_html = page.kz_html.decode("utf-8", "replace")   # the HTTP response, as served
    raw_text = visible_text(raw_html)
    for m in markers:
        for where, haystack in (("DOM", dom), ("page text", dom_text), ("HTTP response", raw_html),
                                ("HTTP response text", raw_text)):
            assert m not in haystack, f"notebook source {m!r} found in the {where} of {nb.file}"
    # no code-cell input area (markdown cells legitimately have one)
    assert page.locator(".jp-CodeCell .jp-InputArea, .jp-InputArea-editor, .jp-InputPrompt").count() == 0


def test_landing_constant_is_first_notebook():
    assert LANDING.endswith("/" + NOTEBOOKS[0].file)
