"""Fixtures of the browser tests: one Voilà server and one Chromium for the whole session.

* ``server``: ``scripts/serve.py`` on a free port (the Python running pytest, i.e. the
  venv's, cwd = repository root, log in a temporary folder), ready once the landing
  page answers 200; stopped (its process group) at the end of the session.
* ``browser``: Debian's Chromium (``/usr/bin/chromium``, or ``$KZ_CHROMIUM``) driven by
  Playwright's sync API.  When it is missing the browser tests are skipped, except in
  CI (``$CI`` set), where they fail: CI must run them.
* ``open_notebook(browser, base, nb)``: a new page on a notebook, returned once it is
  interactive (``.kz-page`` and a chart with a non-empty ``src`` are visible);
  ``open_page(nb, ...)`` does it on the session's server, ``shared_page(nb)`` returns
  the one English page per notebook that the test modules share (each page load
  runs the notebook in a new kernel: the fewer, the faster).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .kzpage import LANDING, http_get

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("KZ_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
START_TIMEOUT = 60      # seconds for the server to answer the landing page
READY_TIMEOUT = 60_000  # ms for a page to become interactive (Voilà runs the notebook first)
IN_CI = bool(os.environ.get("CI"))

#: JavaScript: "ready" when the page is interactive, "error" when Voilà or a cell failed, else null.
_STATE_JS = """() => {
  const err = document.querySelector(
    '.jp-OutputArea-output[data-mime-type*="error"], .jp-RenderedText[data-mime-type*="error"]');
  const txt = document.body ? document.body.innerText : '';
  if (err || /There was an error when executing cell|Traceback \\(most recent call last\\)/.test(txt))
    return 'error';
  const page = document.querySelector('.kz-page');
  const img = document.querySelector('img.kz-chart');
  const shown = (e) => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  if (shown(page) && shown(img) && img.getAttribute('src')) return 'ready';
  return null;
}"""


def missing_browser(reason: str):
    """Skip (locally) or fail (in CI) a test that needs the browser."""
    if IN_CI:
        pytest.fail(f"{reason}; CI must run the browser tests (install it: apt-get install chromium)",
                    pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server(str):
    """The base URL (``http://127.0.0.1:PORT``) with ``port``, ``log`` (path of the server's log) and
    ``landing`` (the raw HTTP body of the landing page, fetched when the server came up)."""

    port: int
    log: Path
    landing: bytes = b""

    def log_tail(self, n: int = 60) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Start ``scripts/serve.py`` once for the session and yield its base URL."""
    port = _free_port()
    logdir = tmp_path_factory.mktemp("voila")
    log = logdir / "serve.log"
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONUNBUFFERED="1")
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "scripts/serve.py", f"--port={port}", "--no-browser"],
                                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env, start_new_session=True)
    base = Server(f"http://127.0.0.1:{port}")
    base.port, base.log = port, log

    def stop():
        if proc.poll() is not None:
            return
        try:  # SIGTERM: Voilà shuts its kernels down, then exits
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        except (ProcessLookupError, PermissionError):
            pass
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)

    try:
        deadline = time.monotonic() + START_TIMEOUT
        status = None
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"the Voilà server exited with code {proc.returncode}:\n{base.log_tail()}",
                            pytrace=False)
            try:
                # cheap check first (the redirect at "/"), then the landing page once (it starts a kernel)
                if http_get(port, "/", timeout=2)[0] in (301, 302):
                    status, _, body = http_get(port, LANDING, timeout=max(1.0, deadline - time.monotonic()))
                    if status == 200:
                        base.landing = body
                        break
            except OSError:
                pass
            time.sleep(0.3)
        else:
            pytest.fail(f"the Voilà server did not serve {LANDING} within {START_TIMEOUT} s "
                        f"(last status {status}):\n{base.log_tail()}", pytrace=False)
        yield base
    finally:
        stop()


@pytest.fixture(scope="session")
def playwright_session():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:  # pragma: no cover - playwright is in requirements.txt
        missing_browser(f"playwright is not installed ({err})")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_session):
    """Debian's Chromium, headless, for the whole session."""
    if not os.path.exists(CHROMIUM):
        missing_browser(f"{CHROMIUM} not found: the browser tests need Debian's chromium package")
    b = playwright_session.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield b
    b.close()


def open_notebook(browser, base: str, nb, query: str = "", url: str | None = None, **page_kwargs):
    """Open notebook `nb` (a :class:`notebooks.Notebook`) in a new page and wait until it is interactive.

    `url` replaces the notebook's URL (e.g. a share link).  Fails at once, with the
    page's text, when Voilà shows an error instead.  ``page_kwargs`` go to
    ``browser.new_page`` (e.g. ``viewport=``).  Uncaught JavaScript errors are
    collected in ``page.kz_js_errors``; the navigation's HTTP response is
    ``page.kz_response`` and its body ``page.kz_html``.
    """
    page = browser.new_page(**page_kwargs)
    page.set_default_timeout(20_000)
    page.kz_js_errors = []
    page.on("pageerror", lambda err: page.kz_js_errors.append(str(err)))
    page.kz_response = page.goto(url or nb.url(base, query), wait_until="domcontentloaded",
                                 timeout=READY_TIMEOUT)
    try:
        handle = page.wait_for_function(_STATE_JS, timeout=READY_TIMEOUT, polling=200)
        state = handle.json_value()
    except Exception as err:
        text = page.evaluate("document.body ? document.body.innerText : ''")[-2000:]
        page.close()
        pytest.fail(f"{nb.file} did not become interactive within {READY_TIMEOUT // 1000} s ({err}).\n"
                    f"Page text:\n{text}", pytrace=False)
    page.kz_html = page.kz_response.body() if page.kz_response else b""   # read now, before it is evicted
    if state == "error":
        text = page.evaluate("document.body.innerText")[-3000:]
        page.close()
        pytest.fail(f"{nb.file} rendered with an error:\n{text}", pytrace=False)
    return page


@pytest.fixture(scope="session")
def open_page(browser, server):
    """``open_page(nb, query="", url=None, **page_kwargs)``: :func:`open_notebook` on the session's server.

    Pages still open at the end of the session are closed then.
    """
    pages = []

    def _open(nb, query: str = "", url: str | None = None, **kw):
        page = open_notebook(browser, server, nb, query, url=url, **kw)
        pages.append(page)
        return page

    yield _open
    for p in pages:
        if not p.is_closed():
            p.context.close()


@pytest.fixture(scope="session")
def shared_page(open_page):
    """``shared_page(nb)``: one page per notebook, opened in English, reused by every module.

    Tests that use it must not depend on the state other tests left (read it instead) and
    must put the language back to English.
    """
    pages = {}

    def _get(nb):
        if nb.file not in pages or pages[nb.file].is_closed():
            pages[nb.file] = open_page(nb, "lang=en")
        return pages[nb.file]

    return _get
