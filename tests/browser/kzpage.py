"""Helpers of the browser tests: raw HTTP requests, and driving a page of the workbook in Playwright
(sync API) through its ``kz-*`` classes."""

from __future__ import annotations

import http.client
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
I18N = {lang: json.loads((ROOT / "kzclusters" / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))
        for lang in ("kk", "ru", "en")}
#: Label of each language's button on the toggle (each in its own language).
LANG_BUTTON = {lang: I18N["en"][f"lang_native_{lang}"] for lang in I18N}
#: Python exception names or traceback lines that must never reach a viewer.
TRACEBACK_RE = re.compile(r"Traceback \(most recent call last\)|\b[A-Z][A-Za-z]*(?:Error|Exception)\b"
                          r"|File \"[^\"]+\", line \d+|site-packages")
CHANGE_TIMEOUT = 30_000  # ms for the kernel to answer a control change
LANDING = "/voila/render/00_index.ipynb"


def http_get(port: int, path: str, timeout: float = 60, host: str = "127.0.0.1") -> tuple[int, dict, bytes]:
    """GET `path` exactly as written (no normalisation of ``..`` or ``%2e``); no redirect following."""
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.putheader("Accept", "*/*")
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def t(key: str, lang: str) -> str:
    """A label from ``kzclusters/i18n/<lang>.json`` (read as files, as the app ships them)."""
    return I18N[lang][key]


def t_or_literal(key: str, lang: str) -> str:
    """The label of an i18n key, or `key` itself when it is not one (e.g. ``"LQ"``)."""
    return I18N[lang].get(key, key)


def src(page, selector: str) -> str:
    return page.locator(selector).first.get_attribute("src") or ""


def wait_src_change(page, selector: str, old: str, timeout: int = CHANGE_TIMEOUT) -> str:
    """Wait until the ``src`` of `selector` differs from `old`; return the new one."""
    page.wait_for_function("([sel, old]) => { const e = document.querySelector(sel);"
                           " return !!e && !!e.getAttribute('src') && e.getAttribute('src') !== old; }",
                           arg=[selector, old], timeout=timeout, polling=100)
    return src(page, selector)


def wait_text_change(page, selector: str, old: str, timeout: int = CHANGE_TIMEOUT) -> str:
    """Wait until the text of `selector` differs from `old`; return the new text."""
    page.wait_for_function("([sel, old]) => { const e = document.querySelector(sel);"
                           " return !!e && e.innerText !== old; }", arg=[selector, old], timeout=timeout,
                           polling=100)
    return page.locator(selector).first.inner_text()


def text(page, selector: str) -> str:
    loc = page.locator(selector)
    return loc.first.inner_text() if loc.count() else ""


# -- slider (ipywidgets 8 = noUiSlider) ------------------------------------------------------
def slider_value(page, nb) -> int:
    return int(float(page.locator(f"{nb.sel(nb.slider)} .noUi-handle").first.get_attribute("aria-valuenow")))


def slider_bounds(page, nb) -> tuple[int, int]:
    h = page.locator(f"{nb.sel(nb.slider)} .noUi-handle").first
    return int(float(h.get_attribute("aria-valuemin"))), int(float(h.get_attribute("aria-valuemax")))


def slider_label(page, nb) -> str:
    return page.locator(f"{nb.sel(nb.slider)} label.widget-label").first.inner_text().strip()


def move_slider(page, nb, key: str | None = None) -> int:
    """Press a key on the slider's handle (ArrowLeft, or ArrowRight at the minimum); return the new value."""
    before = slider_value(page, nb)
    lo, hi = slider_bounds(page, nb)
    key = key or ("ArrowLeft" if before > lo else "ArrowRight")
    handle = page.locator(f"{nb.sel(nb.slider)} .noUi-handle").first
    handle.focus()
    handle.press(key)
    page.wait_for_function("([sel, old]) => { const h = document.querySelector(sel + ' .noUi-handle');"
                           " return h && Number(h.getAttribute('aria-valuenow')) !== old; }",
                           arg=[nb.sel(nb.slider), before], timeout=5_000)
    return slider_value(page, nb)


def set_slider(page, nb, value: int) -> None:
    """Move the slider to `value` with arrow keys (Home/End for the ends)."""
    lo, hi = slider_bounds(page, nb)
    if value == lo:
        move_slider(page, nb, "Home")
        return
    if value == hi:
        move_slider(page, nb, "End")
        return
    while (now := slider_value(page, nb)) != value:
        move_slider(page, nb, "ArrowLeft" if now > value else "ArrowRight")


# -- dropdown ------------------------------------------------------------------------------
def dropdown_options(page, nb) -> list[str]:
    return page.locator(nb.sel(nb.dropdown)).first.evaluate("s => Array.from(s.options).map(o => o.value)")


def dropdown_value(page, nb) -> str:
    return page.locator(nb.sel(nb.dropdown)).first.input_value()


def dropdown_label(page, nb) -> str:
    """The description shown next to the dropdown (``<label>`` of its widget)."""
    return page.locator(nb.sel(nb.dropdown)).first.evaluate(
        "s => { const l = s.parentElement.querySelector('label.widget-label'); return l ? l.innerText : ''; }"
    ).strip()


def select_other(page, nb, avoid: tuple[str, ...] = ()) -> str:
    """Select another option of the dropdown (not the current one, not in `avoid`); return it."""
    current = dropdown_value(page, nb)
    choices = [o for o in dropdown_options(page, nb) if o != current and o not in avoid]
    assert choices, f"{nb.sel(nb.dropdown)} offers no other option than {current!r}"
    page.locator(nb.sel(nb.dropdown)).first.select_option(value=choices[len(choices) // 2])
    return choices[len(choices) // 2]


# -- language ------------------------------------------------------------------------------
def active_language(page) -> str:
    label = page.locator(".kz-lang button.mod-active").first.inner_text().strip()
    return {v: k for k, v in LANG_BUTTON.items()}[label]


def set_language(page, nb, lang: str) -> None:
    """Click the language's button and wait until the slider's label is in that language."""
    page.locator(".kz-lang button", has_text=LANG_BUTTON[lang]).first.click()
    want = t(nb.slider_label_key, lang)
    page.wait_for_function("([sel, want]) => { const l = document.querySelector(sel + ' label.widget-label');"
                           " return l && l.innerText.trim() === want; }", arg=[nb.sel(nb.slider), want],
                           timeout=CHANGE_TIMEOUT)


# -- frame toggle ----------------------------------------------------------------------------
def frame_buttons(page, nb):
    """The visible buttons of the frame toggle (empty when there is none or it is hidden)."""
    if not nb.frame:
        return []
    return [b for b in page.locator(f"{nb.sel(nb.frame)} button").all() if b.is_visible()]


def active_frame(page, nb) -> str:
    loc = page.locator(f"{nb.sel(nb.frame)} button.mod-active")
    return loc.first.inner_text().strip() if nb.frame and loc.count() else ""


# -- upload ----------------------------------------------------------------------------------
def upload(page, name: str, payload: bytes, mime: str = "application/octet-stream", within: str = "") -> None:
    """Give a file to the page's upload control.

    Uses ``.kz-upload input[type=file]`` when the input is in the DOM; ipywidgets 8's
    ``FileUpload`` keeps its input detached (the ``kz-upload`` class is on the button),
    so otherwise the button is clicked and the file chooser answered.  `within`: a CSS selector
    of the box holding the control (e.g. a notebook's ``scope``).
    """
    pre = f"{within} " if within else ""
    files = [{"name": name, "mimeType": mime, "buffer": payload}]
    inputs = page.locator(f"{pre}.kz-upload input[type=file], {pre}input[type=file].kz-upload")
    if inputs.count():
        inputs.first.set_input_files(files)
        return
    with page.expect_file_chooser(timeout=10_000) as chooser:
        page.locator(f"{pre}.kz-upload").first.click()
    chooser.value.set_files(files)


# -- layout ----------------------------------------------------------------------------------
OVERFLOW_JS = """() => {
  // Voila's lab template scrolls the notebook inside a panel (overflow: auto) under a shell with
  // overflow: hidden, so the document itself never grows wider than the screen: also look for
  // scroll boxes between <html> and each page root (.kz-page) that scroll sideways, and for
  // elements of the page that stick out of the screen (unless a box of their own scrolls or clips them).
  const w = window.innerWidth;
  const name = (e) => `${e.tagName.toLowerCase()}.${String(e.className).trim().split(/\\s+/).join('.')}`;
  const clips = (e) => getComputedStyle(e).overflowX !== 'visible';
  let roots = Array.from(document.querySelectorAll('.kz-page'));
  if (!roots.length) roots = [document.body];
  const boxes = new Set([document.documentElement, document.body]);
  for (const root of roots)
    for (let e = root; e && e !== document.body; e = e.parentElement) if (clips(e)) boxes.add(e);
  const culprits = (box) => {   // the outermost descendants that reach past the box's right edge
    const right = box.getBoundingClientRect().right + 1, found = [];
    for (const e of box.querySelectorAll('*')) {
      if (found.some(f => f.contains(e))) continue;
      if (e.getBoundingClientRect().right > right) found.push(e);
      if (found.length >= 3) break;
    }
    return found.map(e => `${name(e)} (${Math.round(e.getBoundingClientRect().width)} px wide): ` +
                          JSON.stringify((e.innerText || '').trim().slice(0, 60)));
  };
  const scrolling = [...boxes]
    .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'hidden')
    .map(e => `${name(e)} scrollWidth=${e.scrollWidth} clientWidth=${e.clientWidth}; ` +
              `too wide: ${culprits(e).join(' | ')}`);
  const out = new Set();
  for (const root of roots) for (const e of root.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (!(r.width > 0 && r.right > w + 1)) continue;
    let contained = false;
    for (let a = e.parentElement; a && a !== root.parentElement; a = a.parentElement)
      if (clips(a) && a.getBoundingClientRect().right <= w + 1) { contained = true; break; }
    if (!contained) out.add(`${name(e)} right=${Math.round(r.right)}`);
  }
  return {scroll: document.documentElement.scrollWidth, inner: w, scrolling_sideways: scrolling,
          sticking_out: [...out].slice(0, 15)};
}"""


def overflow(page) -> dict:
    """The document's scroll width and the viewport's width, the scroll boxes (from ``<html>`` down to
    ``.kz-page``) that scroll sideways, and the elements of the page that stick out of the screen."""
    return page.evaluate(OVERFLOW_JS)
