"""Benchmark the workbook under Voilà in headless Chromium, against a bare one-slider notebook.

Run by hand or in CI (it is not a test and pytest does not collect it)::

    .venv/bin/python bench/run_bench.py                 # every notebooks/NN_*.ipynb, plain Voilà
    .venv/bin/python bench/run_bench.py --preheat       # also a pass with preheated kernels
    .venv/bin/python bench/run_bench.py --modes plain,preheat,progressive --runs 7 --notebooks 00_index

For each notebook of the workbook and for ``bench/bare/bare.ipynb`` (served by a second
server with ``KZ_NOTEBOOK_ROOT=bench/bare``) it measures

(a) time to interactive: ``page.goto`` to the output element visible with content, median of
    ``--runs`` fresh browser contexts;
(b) round trip: key press on the focused year slider to the output's change, timed in the page
    with ``performance.now()`` and a MutationObserver; median over ``--moves`` moves after one
    warm-up, on values never shown before ("first visit") and going back and forth ("revisit");
(c) the kernel's peak RSS while the page is open and during the moves (psutil, every 50 ms);
(d) time to interactive with ``--viewers`` pages opened at once, vs one viewer;

plus, unless ``--no-profile``, a kernel-side profile (kernel start, each cell, one redraw) that
explains the numbers.  Writes ``bench/results/YYYY-MM-DD_<host>.md`` and ``.json`` and
overwrites ``bench/results/latest.md`` / ``latest.json``.  See ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
NOTEBOOKS = ROOT / "notebooks"
BARE = BENCH / "bare"
RESULTS = BENCH / "results"
PY = sys.executable

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

#: Per-notebook selectors. ``slider``: the year slider (its noUiSlider handle gets the key
#: presses); ``output``: what must be visible with content (an ``img`` needs a loaded ``src``,
#: anything else non-empty text) and whose change ends a round trip; ``query``: a deep link whose
#: ``year=`` the slider must show (``None``: not checked); ``profile``: kernel-side expressions
#: for the redraw profile (``slider``: the IntSlider, ``clear``: statement that empties the
#: chart cache), ``None`` to skip.
DEFAULT = {"slider": ".kz-year", "output": "img.kz-chart", "query": "year=2015",
           "profile": None}
SELECTORS: dict[str, dict] = {
    "00_index": {"profile": {"slider": "page.explorer.year", "clear": "page.explorer._cache.clear()"}},
    "01_cluster_potential": {"profile": {"slider": "page.explorer.year", "clear": "page.explorer._cache.clear()"}},
    "bare": {"output": ".kz-out", "query": None, "profile": {"slider": "year", "clear": "pass"}},
}

#: Targets: ratio notebook / bare for (a) and (b); 8 viewers' max / one viewer for (d).
TARGET_TTI, TARGET_RT, TARGET_VIEWERS = 1.5, 2.0, 3.0

KERNEL_ID = re.compile(r"kernel-([0-9a-f-]{36})\.json")


def selectors(name: str) -> dict:
    return {**DEFAULT, **SELECTORS.get(name, {})}


def log(*a) -> None:
    print(time.strftime("%H:%M:%S"), *a, flush=True)


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


# --------------------------------------------------------------------------------------- processes
def free_port(lo: int = 8900, hi: int = 8999) -> int:
    for port in range(lo, hi + 1):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {lo}-{hi}")


def own_tree() -> set[int]:
    me = psutil.Process()
    return {me.pid, *(p.pid for p in me.children(recursive=True))}


def cpu_snapshot(servers) -> dict[int, tuple[str, float]]:
    """CPU seconds so far of every process of this run, by role: Voilà server, kernel, browser, other."""
    roles: dict[int, str] = {}
    for srv in servers:
        with contextlib.suppress(psutil.Error):
            roles[srv.proc.pid] = "server"
            for c in psutil.Process(srv.proc.pid).children(recursive=True):
                roles[c.pid] = "kernel"
    out = {}
    me = psutil.Process()
    for p in [me, *me.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            ct = p.cpu_times()
            role = roles.get(p.pid) or ("browser" if "chrom" in p.name().lower() else "other")
            out[p.pid] = (role, ct.user + ct.system)
    return out


def cpu_delta(before: dict, after: dict) -> dict[str, float]:
    """CPU seconds spent between two snapshots, by role (processes born in between count from zero)."""
    out = {"kernel": 0.0, "server": 0.0, "browser": 0.0, "other": 0.0}
    for pid, (role, c) in after.items():
        out[role] += c - before.get(pid, (role, 0.0))[1]
    return {k: round(v, 2) for k, v in out.items()}


class Server:
    """``scripts/serve.py`` on a free port of 8900-8999, in its own process group."""

    def __init__(self, root: Path, mode: str, pool_size: int, log_path: Path):
        self.root, self.mode, self.pool_size, self.log_path = root, mode, pool_size, log_path
        self.restarts: list[str] = []
        self.log_file = open(log_path, "w")
        #: kernels the preheat pool should hold when idle (Voilà pools every notebook of the root)
        n = len([p for p in root.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts])
        self.expected_idle = pool_size * n if mode == "preheat" else 0
        self._start()

    def _start(self) -> None:
        self.port = free_port()
        args = [PY, "scripts/serve.py", f"--port={self.port}", "--no-browser"]
        if self.mode == "preheat":
            args += ["--preheat_kernel=True", f"--pool_size={self.pool_size}"]
        elif self.mode == "progressive":
            args += ["--progressive_rendering=True"]
        env = {**os.environ, "KZ_NOTEBOOK_ROOT": str(self.root)}
        self.proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=self.log_file, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self.base = f"http://127.0.0.1:{self.port}/"
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited ({self.proc.returncode}); see {self.log_path}")
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"server did not listen on {self.port}")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def ensure_alive(self) -> None:
        """Restart the server if something outside the bench ended it (a broad ``pkill`` of another job)."""
        if self.alive():
            return
        what = f"server for {self.root.name} on :{self.port} ended from outside (exit {self.proc.returncode})"
        log(f"  ! {what}: restarting it")
        self.restarts.append(time.strftime("%H:%M:%S ") + what)
        self._start()
        self.settle(timeout=180)

    def url(self, name: str, query: str | None = None) -> str:
        return f"{self.base}voila/render/{name}.ipynb" + (f"?{query}" if query else "")

    def kernels(self) -> dict[str, psutil.Process]:
        """Kernel id -> process, for the ipykernel_launcher children of this server."""
        out = {}
        try:
            for p in psutil.Process(self.proc.pid).children(recursive=True):
                try:
                    cmd = " ".join(p.cmdline())
                except psutil.Error:
                    continue
                m = KERNEL_ID.search(cmd)
                if "ipykernel_launcher" in cmd and m:
                    out[m.group(1)] = p
        except psutil.Error:
            pass
        return out

    def settle(self, timeout: float = 120.0) -> float:
        """Wait until the preheat pool is full and the server and its kernels are idle; seconds waited."""
        t0 = time.time()
        stable_since, last_ids = None, None
        while time.time() - t0 < timeout:
            if not self.alive():
                return time.time() - t0  # the caller restarts it
            ks = self.kernels()
            procs = [psutil.Process(self.proc.pid), *ks.values()]
            before = {}
            for p in procs:
                with contextlib.suppress(psutil.Error):
                    before[p.pid] = sum(p.cpu_times()[:2])
            time.sleep(0.4)
            busy = 0.0
            for p in procs:
                with contextlib.suppress(psutil.Error):
                    busy = max(busy, (sum(p.cpu_times()[:2]) - before.get(p.pid, 0)) / 0.4)
            ids = set(ks)
            ok = busy < 0.05 and len(ids) >= self.expected_idle
            if ok and ids == last_ids:
                if stable_since and time.time() - stable_since >= 0.8:
                    return time.time() - t0
                stable_since = stable_since or time.time()
            else:
                stable_since = None
            last_ids = ids
        log(f"  ! server {self.port} did not settle in {timeout:.0f}s ({len(self.kernels())} kernels)")
        return time.time() - t0

    def stop(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        self.log_file.close()


class Sampler(threading.Thread):
    """Every ``period`` s: RSS of each kernel of the current server; every 1 s: CPU used outside this run."""

    def __init__(self, period: float = 0.05):
        super().__init__(daemon=True)
        self.period, self.servers = period, []
        self.rss: list[tuple[float, int, str, float]] = []  # (t, server port, kernel id, MiB)
        self.cpu: list[tuple[float, float, float]] = []    # (t, foreign cores, own cores)
        self._halt = threading.Event()

    def run(self) -> None:
        last_cpu, prev = 0.0, {}
        while not self._halt.is_set():
            now = time.time()
            for srv in list(self.servers):
                for kid, p in srv.kernels().items():
                    with contextlib.suppress(psutil.Error):
                        self.rss.append((now, srv.port, kid, p.memory_info().rss / 2**20))
            if now - last_cpu >= 1.0:
                prev = self._cpu(now, last_cpu, prev)
                last_cpu = now
            self._halt.wait(self.period)

    def _cpu(self, now, last, prev):
        mine = own_tree()
        cur, foreign, own = {}, 0.0, 0.0
        for p in psutil.process_iter(["cpu_times"]):
            ct = p.info["cpu_times"]
            if ct is None:
                continue
            cur[p.pid] = c = ct.user + ct.system
            d = c - prev.get(p.pid, c)
            if p.pid in mine:
                own += d
            else:
                foreign += d
        if prev and now > last:
            self.cpu.append((now, foreign / (now - last), own / (now - last)))
        return cur

    def peak(self, t0: float, t1: float, port: int, kernel_id: str | None) -> float | None:
        """Peak RSS of one kernel (every kernel of the server when its id is unknown)."""
        xs = [m for t, p, k, m in list(self.rss)
              if t0 <= t <= t1 and p == port and (kernel_id is None or k == kernel_id)]
        return max(xs) if xs else None

    def total_peak(self, t0: float, t1: float, port: int) -> float | None:
        """Peak of the sum of one server's kernels' RSS (per sampling instant)."""
        by_t: dict[float, float] = {}
        for t, p, _, m in list(self.rss):
            if t0 <= t <= t1 and p == port:
                by_t[t] = by_t.get(t, 0) + m
        return max(by_t.values()) if by_t else None

    def foreign(self, t0: float, t1: float) -> float | None:
        xs = [f for t, f, _ in list(self.cpu) if t0 <= t <= t1 + 1]
        return sum(xs) / len(xs) if xs else None

    def stop(self) -> None:
        self._halt.set()


# --------------------------------------------------------------------------------------- in the page
READY_JS = """
(([sel, kind]) => {
  window.__kzReadyAt = null;
  const ok = () => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return false;
    if (kind === 'img') return !!el.getAttribute('src') && el.complete && el.naturalWidth > 0;
    return (el.innerText || el.textContent || '').trim().length > 0;
  };
  let mo = null, iv = null;
  const check = () => {
    if (window.__kzReadyAt === null && ok()) {
      window.__kzReadyAt = performance.now();
      if (mo) mo.disconnect();
      clearInterval(iv);
    }
  };
  mo = new MutationObserver(check);
  mo.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  document.addEventListener('load', check, true);
  iv = setInterval(check, 25);
})(%s);
"""

ARM_JS = """
([sel, kind]) => {
  const el = document.querySelector(sel);
  const rt = window.__kzRT = {t0: null, t1: null, t2: null, el};
  if (!window.__kzKeyHook) {
    window.__kzKeyHook = true;
    document.addEventListener('keydown', () => {
      if (window.__kzRT && window.__kzRT.t0 === null) window.__kzRT.t0 = performance.now();
    }, true);
  }
  const mo = new MutationObserver(() => {
    if (rt.t0 !== null && rt.t1 === null) {
      rt.t1 = performance.now();
      mo.disconnect();
      if (kind === 'img') {
        const done = () => { if (rt.t2 === null) rt.t2 = performance.now(); };
        if (el.complete && el.naturalWidth > 0) done(); else el.addEventListener('load', done, {once: true});
      } else rt.t2 = rt.t1;
    }
  });
  mo.observe(el, kind === 'img' ? {attributes: true, attributeFilter: ['src']}
                                : {childList: true, characterData: true, subtree: true, attributes: true});
}
"""

#: Navigation timing: with Voilà the HTML response ends once the notebook has run in the kernel
#: (plain mode), so ``responseEnd`` splits the time to interactive into server and browser parts.
NAV_JS = """() => {
  const n = performance.getEntriesByType('navigation')[0];
  if (!n) return null;
  return {responseStart: n.responseStart, responseEnd: n.responseEnd,
          domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd};
}"""

KERNEL_ID_JS = """() => {
  const el = document.getElementById('jupyter-config-data');
  try { return JSON.parse(el.textContent).kernelId || null; } catch (e) { return null; }
}"""

ERROR_TEXT_JS = """() => {
  const errs = [...document.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"], .jp-RenderedText[data-mime-type*="error"]')]
    .map(e => e.innerText.slice(0, 200));
  const body = document.body ? document.body.innerText : '';
  if (/There was an error when executing cell|Traceback|Error loading/i.test(body)) errs.push(body.match(/.{0,80}(There was an error when executing cell|Traceback|Error loading).{0,120}/i)[0]);
  return errs;
}"""


class Viewer:
    """One fresh browser context on one notebook: open, wait for the output, collect errors."""

    def __init__(self, browser, server: Server, name: str, timeout: float):
        self.browser, self.server, self.name, self.timeout = browser, server, name, timeout
        self.sel = selectors(name)
        self.kind = "img" if self.sel["output"].lower().startswith("img") else "text"
        self.errors: list[str] = []
        self.external: list[str] = []   # failed requests to other hosts (e.g. a CDN when offline): not errors
        self.kernel_id = None

    def _console(self, m) -> None:
        if m.type != "error":
            return
        where = (m.location or {}).get("url", "")
        if "favicon" in m.text or (where and not where.startswith(self.server.base)) or (
                "Failed to load resource: net::ERR_" in m.text and not where):
            return  # an external resource that could not load; recorded by the requestfailed hook
        self.errors.append(f"console: {m.text[:200]}")

    async def open(self, query: str | None = None) -> dict:
        self.ctx = await self.browser.new_context(viewport={"width": 1200, "height": 900})
        await self.ctx.add_init_script(READY_JS % json.dumps([self.sel["output"], self.kind]))
        self.page = page = await self.ctx.new_page()
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("console", self._console)
        page.on("response", lambda r: r.status >= 400 and not r.url.endswith("favicon.ico") and self.errors.append(
            f"HTTP {r.status} {r.url}"))
        page.on("requestfailed", lambda r: not r.url.startswith(self.server.base) and self.external.append(
            f"{r.url} ({r.failure})"))
        t0 = time.time()
        wall = browser_ms = nav = None
        try:
            await page.goto(self.server.url(self.name, query), wait_until="commit", timeout=self.timeout * 1000)
            await page.wait_for_function("() => window.__kzReadyAt !== null", polling=20,
                                         timeout=self.timeout * 1000)
            wall = time.time() - t0
            browser_ms = await page.evaluate("() => window.__kzReadyAt")
            self.kernel_id = await page.evaluate(KERNEL_ID_JS)
            nav = await page.evaluate(NAV_JS)
        except Exception as e:  # noqa: BLE001 - a failed render is a result
            self.errors.append(f"not interactive: {type(e).__name__}: {str(e).splitlines()[0][:160]}")
        with contextlib.suppress(Exception):
            self.errors += [f"cell error: {x}" for x in await page.evaluate(ERROR_TEXT_JS)]
            if self.kernel_id is None:
                self.kernel_id = await page.evaluate(KERNEL_ID_JS)
        return {"t_start": t0, "tti_s": wall, "tti_browser_s": browser_ms / 1000 if browser_ms else None,
                "nav_ms": nav,
                "ok": wall is not None and not self.errors, "errors": list(self.errors),
                "external_failed": list(self.external), "kernel_id": self.kernel_id}

    async def close(self) -> None:
        """Drop the context and shut the page's kernel down.

        Voilà's page asks for that itself on ``beforeunload``, but the request lacks the ``_xsrf``
        token and gets a 403 (voila-dashboards/voila#1458), so the kernel would live on; the bench
        sends the same request with a matching cookie/header pair instead.
        """
        with contextlib.suppress(Exception):
            await self.ctx.close()
        if self.kernel_id:
            status = await asyncio.to_thread(shutdown_kernel, self.server, self.kernel_id)
            if status != 204:
                log(f"  ! kernel shutdown answered {status}")


def shutdown_kernel(server: Server, kernel_id: str):
    req = urllib.request.Request(f"{server.base}voila/api/shutdown/{kernel_id}", method="POST", data=b"",
                                 headers={"Cookie": "_xsrf=kzbench", "X-XSRFToken": "kzbench"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except Exception as e:  # noqa: BLE001
        return str(e)


async def tab_close_frees_kernel(browser, server: Server, name: str, timeout: float) -> dict:
    """Does closing the tab (with ``beforeunload``) end the kernel, as Voilà intends?"""
    v = Viewer(browser, server, name, timeout)
    r = await v.open()
    kid = r["kernel_id"]
    with contextlib.suppress(Exception):
        await v.page.close(run_before_unload=True)
    await asyncio.sleep(4)
    alive = kid in server.kernels()
    with contextlib.suppress(Exception):
        await v.ctx.close()
    if alive:
        await asyncio.to_thread(shutdown_kernel, server, kid)
    return {"kernel_id": kid, "kernel_alive_after_tab_close": alive}


async def slider_state(page, sel: str) -> dict:
    return await page.evaluate("""(sel) => {
      const h = document.querySelector(sel + ' .noUi-handle');
      if (!h) return null;
      const n = (a) => parseFloat(h.getAttribute(a));
      return {now: n('aria-valuenow'), min: n('aria-valuemin'), max: n('aria-valuemax')};
    }""", sel)


async def round_trips(v: Viewer, moves: int, timeout: float) -> dict:
    """Key presses on the focused slider handle, each timed in the page until the output changes."""
    page, sel = v.page, v.sel
    handle = f"{sel['slider']} .noUi-handle"
    await page.focus(handle)
    st = await slider_state(page, sel["slider"])
    if st is None:
        return {"error": f"no slider handle {handle}"}
    out: dict = {"first_visit": [], "revisit": [], "load_first_visit": [], "load_revisit": [], "errors": []}

    async def move(key: str) -> tuple[float, float] | None:
        await page.evaluate(ARM_JS, [sel["output"], v.kind])
        await page.keyboard.press(key)
        try:
            await page.wait_for_function("() => window.__kzRT.t1 !== null && window.__kzRT.t2 !== null",
                                         polling=10, timeout=timeout * 1000)
        except Exception as e:  # noqa: BLE001
            out["errors"].append(f"{key}: no output change ({type(e).__name__})")
            return None
        rt = await page.evaluate("() => [window.__kzRT.t0, window.__kzRT.t1, window.__kzRT.t2]")
        await page.wait_for_timeout(250)  # let trailing messages (table, downloads, share link) land
        return (rt[1] - rt[0], rt[2] - rt[0])

    # first visits: walk away from the initial value, one new value per press (cached charts never hit)
    span = int(st["max"] - st["min"])
    toward_min = (st["now"] - st["min"]) >= (st["max"] - st["now"])
    key = "ArrowLeft" if toward_min else "ArrowRight"
    n_first = min(moves + 1, span)
    for i in range(n_first):
        r = await move(key)
        if r and i > 0:  # the first press is the warm-up
            out["first_visit"].append(r[0])
            out["load_first_visit"].append(r[1])
    # revisits: back and forth over values already drawn
    for i in range(moves + 1):
        k = ("ArrowRight" if toward_min else "ArrowLeft") if i % 2 == 0 else key
        r = await move(k)
        if r and i > 0:
            out["revisit"].append(r[0])
            out["load_revisit"].append(r[1])
    out["first_visit_n"] = len(out["first_visit"])
    return out


# --------------------------------------------------------------------------------------- one notebook
async def wait_quiet(sampler: Sampler, args) -> float | None:
    """Wait (at most ``--quiet-wait`` s) until processes outside this run use under ``--quiet`` cores."""
    if args.quiet_wait <= 0:
        return None
    t0, load, said = time.time(), None, False
    while True:
        recent = [f for t, f, _ in list(sampler.cpu) if t >= time.time() - 3.5]
        load = max(recent) if len(recent) >= 3 else None
        if load is not None and load < args.quiet:
            return load
        if time.time() - t0 > args.quiet_wait:
            log(f"  ! other processes still use {_fmt(load)} cores after {args.quiet_wait:.0f} s: measuring anyway")
            return load
        if not said and load is not None and time.time() - t0 > 5:
            log(f"  … waiting for other processes to calm down ({load:.2f} cores)")
            said = True
        await asyncio.sleep(0.5)


async def measure_tti(browser, server: Server, sampler: Sampler, name: str, args) -> dict:
    """(a) one time to interactive in a fresh context."""
    server.settle()
    await wait_quiet(sampler, args)
    v = Viewer(browser, server, name, args.timeout)
    before = cpu_snapshot(sampler.servers)
    r = await v.open()
    r["cpu_s"] = cpu_delta(before, cpu_snapshot(sampler.servers))
    r["foreign_cpu_cores"] = sampler.foreign(r["t_start"], time.time())
    await v.close()
    return r


async def measure_moves(browser, server: Server, sampler: Sampler, name: str, args) -> dict:
    """(b) round trips and (c) the page's kernel's peak RSS, on one page."""
    server.settle()
    await wait_quiet(sampler, args)
    v = Viewer(browser, server, name, args.timeout)
    t0 = time.time()
    r = await v.open()
    rt = await round_trips(v, args.moves, args.timeout) if r["tti_s"] else {"error": "page not interactive"}
    t1 = time.time()
    await v.close()
    kid = r["kernel_id"]
    res = {"moves": rt, "rt_first_ms": median(rt.get("first_visit", [])),
           "rt_revisit_ms": median(rt.get("revisit", [])), "rt_first_load_ms": median(rt.get("load_first_visit", [])),
           "rss_peak_mib": sampler.peak(t0, t1, server.port, kid), "rss_kernel_id": kid,
           "rss_samples": [(round(t - t0, 3), round(m, 1)) for t, port, k, m in list(sampler.rss)
                           if t0 <= t <= t1 and port == server.port and k == kid],
           "moves_foreign_cpu_cores": sampler.foreign(t0, t1)}
    res["rt_ms"] = res["rt_first_ms"]
    log(f"  [{name}] (b) round trip first visit {_fmt(res['rt_first_ms'], 0)} ms, revisit "
        f"{_fmt(res['rt_revisit_ms'], 0)} ms; (c) kernel peak {_fmt(res['rss_peak_mib'], 0)} MiB"
        + (f"  {rt.get('errors') or rt.get('error')}" if rt.get("errors") or rt.get("error") else ""))
    return res


async def measure_deep_link(browser, server: Server, name: str, args) -> dict | None:
    """Does ``?year=`` reach the slider (it must not be lost, e.g. by preheating)?"""
    sel = selectors(name)
    if not sel["query"]:
        return None
    server.settle()
    v = Viewer(browser, server, name, args.timeout)
    r = await v.open(sel["query"])
    want = int(sel["query"].split("year=")[1].split("&")[0]) if "year=" in sel["query"] else None
    st = await slider_state(v.page, sel["slider"]) if r["tti_s"] else None
    await v.close()
    out = {"query": sel["query"], "slider": st and st["now"], "ok": bool(st) and st["now"] == want}
    log(f"  [{name}] deep link ?{sel['query']}: slider shows {st and st['now']} -> {'ok' if out['ok'] else 'LOST'}")
    return out


async def measure_viewers(browser, server: Server, sampler: Sampler, name: str, args) -> dict:
    """(d) ``--viewers`` fresh contexts opening the page at once."""
    server.settle()
    await wait_quiet(sampler, args)
    viewers = [Viewer(browser, server, name, args.timeout) for _ in range(args.viewers)]
    t0 = time.time()
    before = cpu_snapshot(sampler.servers)
    rs = await asyncio.gather(*(v.open() for v in viewers))
    cpu = cpu_delta(before, cpu_snapshot(sampler.servers))
    t1 = time.time()
    await asyncio.gather(*(v.close() for v in viewers))
    times = [x["tti_s"] for x in rs]
    res = {"viewers": rs, "viewers_all_ok": all(x["ok"] for x in rs), "viewers_n_ok": sum(x["ok"] for x in rs),
           "viewers_max_s": max(times) if all(t is not None for t in times) else None,
           "viewers_median_s": median(times), "viewers_rss_total_peak_mib": sampler.total_peak(t0, t1, server.port),
           "viewers_foreign_cpu_cores": sampler.foreign(t0, t1), "viewers_cpu_s": cpu,
           "viewers_max_response_end_s": max((x["nav_ms"] or {}).get("responseEnd", 0) / 1000 for x in rs)
           if all(x.get("nav_ms") for x in rs) else None}
    log(f"  [{name}] (d) {args.viewers} viewers: max {_fmt(res['viewers_max_s'])} s, "
        f"{res['viewers_n_ok']}/{args.viewers} ok, all kernels peak {_fmt(res['viewers_rss_total_peak_mib'], 0)} MiB"
        + ("" if res["viewers_all_ok"] else f"  {[e for x in rs for e in x['errors']][:3]}"))
    return res


class Interrupted(BaseException):
    """Ctrl-C: stop between two measurements (Playwright may swallow a plain task cancellation)."""


INTERRUPTED = threading.Event()


async def guarded(srv: Server, fn, *a):
    """Run one measurement; if the server died meanwhile, restart it and measure again (twice at most)."""
    for attempt in range(3):
        if INTERRUPTED.is_set():
            raise Interrupted()
        srv.ensure_alive()
        out = await fn(*a)
        if srv.alive():
            return out
        log(f"  ! server ended during the measurement (attempt {attempt + 1}): measuring again")
    return out


async def bench_targets(browser, sampler: Sampler, targets: list[tuple[Server, str]], args) -> dict:
    """Every measurement for every (server, notebook), interleaved so that a disturbance of the machine
    hits the notebooks and the bare floor alike: run i of (a) for each target, then run i + 1, ..."""
    res = {name: {"notebook": name, "mode": srv.mode, "tti_runs": [], "t_begin": time.time()}
           for srv, name in targets}
    for i in range(args.runs):
        for srv, name in targets:
            r = await guarded(srv, measure_tti, browser, srv, sampler, name, args)
            res[name]["tti_runs"].append(r)
            log(f"  [{name}] (a) run {i + 1}/{args.runs}: {_fmt(r['tti_s'])} s (other load "
                f"{_fmt(r['foreign_cpu_cores'])} cores)" + ("" if r["ok"] else f"  {r['errors'][:2]}"))
    for srv, name in targets:
        runs = res[name]["tti_runs"]
        ends = [r["nav_ms"]["responseEnd"] / 1000 for r in runs if r.get("nav_ms") and r["nav_ms"].get("responseEnd")]
        res[name]["tti_response_end_s"] = median(ends)
        cpus = [r["cpu_s"] for r in runs if r.get("cpu_s") and r["tti_s"]]
        res[name]["tti_cpu_s"] = {k: median([c[k] for c in cpus]) for k in ("kernel", "server", "browser")} if cpus else None
        res[name]["tti_foreign_cpu_cores"] = median([r.get("foreign_cpu_cores") for r in runs])
        res[name].update(tti_s=median([r["tti_s"] for r in runs]),
                         tti_browser_s=median([r["tti_browser_s"] for r in runs]),
                         tti_errors=sum(not r["ok"] for r in runs))
    for srv, name in targets:
        res[name].update(await guarded(srv, measure_moves, browser, srv, sampler, name, args))
    for srv, name in targets:
        res[name]["deep_link"] = await guarded(srv, measure_deep_link, browser, srv, name, args)
    for srv, name in targets:
        res[name].update(await guarded(srv, measure_viewers, browser, srv, sampler, name, args))
        r = res[name]
        r["viewers_ratio"] = r["viewers_max_s"] / r["tti_s"] if r["viewers_max_s"] and r["tti_s"] else None
    now = time.time()
    for srv, name in targets:
        res[name]["foreign_cpu_cores"] = sampler.foreign(res[name].pop("t_begin"), now)
    return res


def _fmt(x, nd: int = 2) -> str:
    return "—" if x is None else f"{x:.{nd}f}"


# --------------------------------------------------------------------------------------- profile
PROFILE_HELPERS = r"""
import cProfile as _kzcp, io as _kzio, json as _kzjson, pstats as _kzps, time as _kztime

def _kztop(prof, per=1, n=40):
    s = _kzio.StringIO()
    _kzps.Stats(prof, stream=s).sort_stats("cumulative").print_stats(n)
    top = []
    for line in s.getvalue().splitlines():
        p = line.split(None, 5)
        try:
            top.append([float(p[3]) / per, p[5]])
        except (IndexError, ValueError):
            continue
    return top
"""

CELL_PROFILE_CODE = r"""
_kzprof = _kzcp.Profile()
_kzprof.enable()
exec(compile({src!r}, "<cell {i}>", "exec"), globals())
_kzprof.disable()
print("KZPROFILE" + _kzjson.dumps({{"top": _kztop(_kzprof)}}))
"""

UPDATE_PROFILE_CODE = r"""
_slider = {slider}
_vals = [v for v in range(_slider.min, _slider.max + 1) if v != _slider.value][:{n}]
_times, _prof = [], _kzcp.Profile()
for _v in _vals:
    {clear}
    _t = _kztime.perf_counter(); _prof.enable(); _slider.value = _v; _prof.disable()
    _times.append(_kztime.perf_counter() - _t)
_times_plain = []
for _v in _vals[-2::-1]:
    {clear}
    _t = _kztime.perf_counter(); _slider.value = _v; _times_plain.append(_kztime.perf_counter() - _t)
_t = _kztime.perf_counter(); _slider.value = _vals[0]; _cached = _kztime.perf_counter() - _t
print("KZPROFILE" + _kzjson.dumps({{"update_s": _times_plain, "update_cached_s": _cached,
                                   "top": _kztop(_prof, per=len(_vals))}}))
"""


def _useful(top: list, k: int = 16) -> list:
    """The rows of a cProfile listing a reader can act on: the package's own functions, module imports
    of the big libraries, and matplotlib's rendering calls."""
    keep = re.compile(r"/kzclusters/|/(seaborn|scipy|scipy/stats|matplotlib|pandas|numpy|statsmodels|openpyxl)"
                      r"/__init__\.py.*\(<module>\)|matplotlib/pyplot\.py.*\(<module>\)|"
                      r"\((savefig|print_png|print_svg|draw|read_csv|read_parquet|read_excel)\)")
    return [x for x in top if keep.search(x[1])][:k]


IMPORTS_CODE = r"""
import json, sys, time
t = time.perf_counter(); __import__({mod!r}); s = time.perf_counter() - t
print("KZIMPORTS" + json.dumps({{"s": s, "pulls": sorted(m for m in ("scipy", "seaborn", "statsmodels", "openpyxl",
                                                                "matplotlib", "pandas") if m in sys.modules)}}))
"""

#: Modules timed one by one, each in a fresh interpreter (so each figure includes its own dependencies).
IMPORTS = ("numpy", "pandas", "matplotlib.pyplot", "seaborn", "ipywidgets", "kzclusters", "kzclusters.ui")


def profile_notebook(path: Path, name: str) -> dict:
    """Start a kernel like Voilà does, time its start, each code cell and redraws after a slider change."""
    import nbformat
    from jupyter_client.manager import start_new_kernel

    nb = nbformat.read(path, as_version=4)
    res: dict = {"notebook": name}
    env = {**os.environ}
    t = time.perf_counter()
    km, kc = start_new_kernel(kernel_name="python3", cwd=str(path.parent), env=env)
    res["kernel_start_s"] = time.perf_counter() - t
    try:
        def run(code: str, timeout: float = 300) -> tuple[float, str]:
            chunks: list[str] = []

            def hook(msg):
                c = msg["content"]
                if msg["msg_type"] == "stream":
                    chunks.append(c["text"])
                elif msg["msg_type"] == "error":
                    chunks.append("ERROR " + c["ename"] + ": " + c["evalue"])
            t = time.perf_counter()
            kc.execute_interactive(code, output_hook=hook, timeout=timeout, store_history=False)
            return time.perf_counter() - t, "".join(chunks)

        res["cells"] = []
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                s, text = run(cell.source)
                res["cells"].append({"cell": i, "s": s, "first_line": cell.source.splitlines()[0][:70],
                                     "error": text if "ERROR" in text else None})
        run(PROFILE_HELPERS)
        prof = selectors(name)["profile"]
        if prof:
            _, text = run(UPDATE_PROFILE_CODE.format(slider=prof["slider"], clear=prof["clear"], n=6))
            m = re.search(r"KZPROFILE(.*)", text)
            if m:
                p = json.loads(m.group(1))
                res["update_s"] = p["update_s"]
                res["update_median_s"] = median(p["update_s"])
                res["update_cached_s"] = p["update_cached_s"]
                res["update_top"] = _useful(p["top"])
                res["update_top_raw"] = p["top"]
            else:
                res["profile_error"] = text[-400:]
        _, rss = run("import os, psutil; print('KZRSS', psutil.Process(os.getpid()).memory_info().rss / 2**20)")
        m = re.search(r"KZRSS ([\d.]+)", rss)
        res["rss_after_mib"] = float(m.group(1)) if m else None
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    km, kc = start_new_kernel(kernel_name="python3", cwd=str(path.parent), env=env)
    try:
        run(PROFILE_HELPERS)
        res["cells_top"] = []
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                _, text = run(CELL_PROFILE_CODE.format(src=cell.source, i=i))
                m = re.search(r"KZPROFILE(.*)", text)
                top = json.loads(m.group(1))["top"] if m else []
                res["cells_top"].append({"cell": i, "top": _useful(top, 24), "top_raw": top or text[-300:]})
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    res["imports_s"], res["imports_pull"] = {}, {}
    for mod in IMPORTS:
        out = subprocess.run([PY, "-c", IMPORTS_CODE.format(mod=mod)], cwd=ROOT, capture_output=True, text=True,
                             timeout=300)
        m = re.search(r"KZIMPORTS(.*)", out.stdout)
        if m:
            d = json.loads(m.group(1))
            res["imports_s"][mod], res["imports_pull"][mod] = d["s"], d["pulls"]
    out = subprocess.run([PY, "-c", "pass"], cwd=ROOT, capture_output=True, timeout=60)
    t = time.perf_counter()
    subprocess.run([PY, "-c", "import ipykernel.kernelapp"], cwd=ROOT, capture_output=True, timeout=120)
    res["import_ipykernel_s"] = time.perf_counter() - t
    return res


# --------------------------------------------------------------------------------------- report
def machine_info(chromium_version: str) -> dict:
    import ipywidgets
    import voila
    info = {"host": socket.gethostname(), "platform": platform.platform(),
            "cores_logical": psutil.cpu_count(), "cores_physical": psutil.cpu_count(logical=False),
            "ram_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "chromium": chromium_version,
            "voila": voila.__version__, "ipywidgets": ipywidgets.__version__,
            "loadavg_at_start": [round(x, 2) for x in os.getloadavg()]}
    for mod in ("matplotlib", "pandas", "ipykernel", "playwright"):
        try:
            from importlib.metadata import version
            info[mod] = version(mod)
        except Exception:  # noqa: BLE001
            pass
    return info


def verdict(value, target) -> str:
    if value is None:
        return "not measured"
    if value <= target:
        return "met"
    return f"missed by {100 * (value / target - 1):.0f}%"


def summarise(results: dict) -> dict:
    """Ratios and verdicts per mode and notebook."""
    out = {}
    for mode, block in results["modes"].items():
        bare = block.get("bare")
        rows = {}
        for name, r in block["notebooks"].items():
            tti_ratio = r["tti_s"] / bare["tti_s"] if bare and r["tti_s"] and bare["tti_s"] else None
            rt_ratio = r["rt_ms"] / bare["rt_ms"] if bare and r["rt_ms"] and bare["rt_ms"] else None
            rt_rev = r["rt_revisit_ms"] / bare["rt_revisit_ms"] if bare and r["rt_revisit_ms"] and bare[
                "rt_revisit_ms"] else None
            v = r["viewers_ratio"]
            rows[name] = {
                "tti_ratio": tti_ratio, "tti_verdict": verdict(tti_ratio, TARGET_TTI),
                "rt_ratio": rt_ratio, "rt_verdict": verdict(rt_ratio, TARGET_RT),
                "rt_revisit_ratio": rt_rev, "rt_revisit_verdict": verdict(rt_rev, TARGET_RT),
                "viewers_ratio": v,
                "viewers_verdict": ("not all rendered without error" if not r["viewers_all_ok"]
                                    else verdict(v, TARGET_VIEWERS)),
            }
        out[mode] = rows
    return out


def markdown(results: dict) -> str:
    m, args = results["machine"], results["args"]
    s = results["summary"]
    L = [f"# kzclusters bench — {results['date']} on {m['host']}", "",
         f"Machine: {m['cores_logical']} logical cores ({m['cores_physical']} physical), {m['ram_gib']} GiB RAM, "
         f"{m['platform']}; Python {m['python']}, Chromium {m['chromium']}, Voilà {m['voila']}, "
         f"ipywidgets {m['ipywidgets']}, matplotlib {m.get('matplotlib', '?')}, pandas {m.get('pandas', '?')}, "
         f"ipykernel {m.get('ipykernel', '?')}, Playwright {m.get('playwright', '?')}. "
         f"Load average at start: {m['loadavg_at_start']}.", "",
         f"Settings: runs={args['runs']}, moves={args['moves']}, viewers={args['viewers']}, "
         f"modes={','.join(args['modes'])}" + (f", pool_size={args['pool_size']}" if "preheat" in args["modes"] else "")
         + f". Browser and server share the machine. Command: `{results['command']}`.", ""]
    for mode, block in results["modes"].items():
        bare = block.get("bare") or {}
        L += [f"## Mode: {mode}", "",
              "| notebook | (a) time to interactive, median s | of which HTML response ends, s "
              "| (b) round trip first visit, median ms "
              "| (b') revisit (cached), ms | (c) kernel peak RSS, MiB "
              f"| (d) {args['viewers']} viewers: max s / all ok | kernels' total RSS at {args['viewers']} viewers, MiB "
              "| deep link `?year=` | other load, cores: (a) median / whole |",
              "|---|---|---|---|---|---|---|---|---|---|"]
        for name, r in [*block["notebooks"].items(), ("bare (floor)", bare)]:
            if not r:
                continue
            dl = r.get("deep_link")
            L.append(f"| {name} | {_fmt(r['tti_s'])} | {_fmt(r.get('tti_response_end_s'))} "
                     f"| {_fmt(r['rt_first_ms'], 0)} | {_fmt(r['rt_revisit_ms'], 0)} "
                     f"| {_fmt(r['rss_peak_mib'], 0)} | {_fmt(r['viewers_max_s'])} / "
                     f"{'yes' if r['viewers_all_ok'] else 'NO'} ({r['viewers_n_ok']}/{len(r['viewers'])}) "
                     f"| {_fmt(r['viewers_rss_total_peak_mib'], 0)} "
                     f"| {'—' if not dl else ('kept' if dl['ok'] else 'LOST')} "
                     f"| {_fmt(r.get('tti_foreign_cpu_cores'))} / {_fmt(r.get('foreign_cpu_cores'))} |")
        cores = results["machine"]["cores_logical"]
        L += ["", f"Where the CPU goes (CPU seconds; {cores} cores; kernel / Voilà server / Chromium):", "",
              f"| notebook | one view (median of (a)) | {args['viewers']} views at once (d) "
              f"| (d) CPU floor = all / {cores} cores, s | same, server side only (kernel + server), s "
              f"| (d) measured: last HTML response ends / last page interactive, s |", "|---|---|---|---|---|---|"]
        for name, r in [*block["notebooks"].items(), ("bare (floor)", bare)]:
            if not r:
                continue
            one, many = r.get("tti_cpu_s"), r.get("viewers_cpu_s")
            trio = (lambda c: f"{c['kernel']:.1f} / {c['server']:.1f} / {c['browser']:.1f}" if c else "—")
            floor = sum(many[k] for k in ("kernel", "server", "browser")) / cores if many else None
            sfloor = (many["kernel"] + many["server"]) / cores if many else None
            L.append(f"| {name} | {trio(one)} | {trio(many)} | {_fmt(floor, 1)} | {_fmt(sfloor, 1)} "
                     f"| {_fmt(r.get('viewers_max_response_end_s'), 1)} / {_fmt(r['viewers_max_s'], 1)} |")
        L += ["", f"In (d) the {args['viewers']} Chromium pages run on the same {cores} cores as the server: real "
                  "viewers bring their own CPUs, so the server-side columns are what a deployment on this machine "
                  "would see."]
        L += ["", "*HTML response ends*: Voilà streams the page while the kernel starts and runs the notebook "
                  "(plain and progressive modes), so that is roughly the server's share of (a); the rest is Chromium "
                  "loading Voilà's JavaScript, connecting to the kernel and rendering the widgets.", ""]
        L += ["", "| notebook | (a) / bare (target ≤ 1.5) | (b) / bare (target ≤ 2) | (b') revisit / bare "
                  f"| (d) max / single (target: all {args['viewers']} ok within 3×) |", "|---|---|---|---|---|"]
        for name, v in s[mode].items():
            L.append(f"| {name} | {_fmt(v['tti_ratio'])}: **{v['tti_verdict']}** | {_fmt(v['rt_ratio'])}: "
                     f"**{v['rt_verdict']}** | {_fmt(v['rt_revisit_ratio'])}: {v['rt_revisit_verdict']} "
                     f"| {_fmt(v['viewers_ratio'])}: **{v['viewers_verdict']}** |")
        if bare:
            bv = ("not all rendered without error" if not bare["viewers_all_ok"]
                  else verdict(bare.get("viewers_ratio"), TARGET_VIEWERS))
            L.append(f"| bare (floor), same rule | — | — | — | {_fmt(bare.get('viewers_ratio'))}: {bv} |")
        L.append("")
    if len(results["modes"]) > 1:
        L += ["## Modes compared (time to interactive, median s; 8-viewer max s)", "",
              "| notebook | " + " | ".join(results["modes"]) + " |", "|---|" + "---|" * len(results["modes"])]
        names = sorted({n for b in results["modes"].values() for n in b["notebooks"]} | {"bare"})
        for n in names:
            cells = []
            for b in results["modes"].values():
                r = b.get("bare") if n == "bare" else b["notebooks"].get(n)
                cells.append(f"{_fmt(r['tti_s'])} ; {_fmt(r['viewers_max_s'])}" if r else "—")
            L.append(f"| {n} | " + " | ".join(cells) + " |")
        L += ["", results.get("mode_note", ""), ""]
    if results.get("profile"):
        L += ["## Kernel-side profile (what the time is spent on)", "",
              "Measured outside the browser: a kernel started with jupyter_client as Voilà does, the notebook's "
              "code cells run in it, then the slider set to 6 values never drawn (chart cache cleared).", "",
              "| notebook | kernel start s | code cells s | redraw after slider change, median ms "
              "| same, value already drawn, ms | kernel RSS after, MiB |",
              "|---|---|---|---|---|---|"]
        for p in results["profile"]:
            cells = " + ".join(_fmt(c["s"]) for c in p.get("cells", []))
            L.append(f"| {p['notebook']} | {_fmt(p.get('kernel_start_s'))} | {cells} "
                     f"| {_fmt(p['update_median_s'] * 1000 if p.get('update_median_s') else None, 0)} "
                     f"| {_fmt(p['update_cached_s'] * 1000 if p.get('update_cached_s') is not None else None, 1)} "
                     f"| {_fmt(p.get('rss_after_mib'), 0)} |")
        imp = results["profile"][0].get("imports_s")
        pull = results["profile"][0].get("imports_pull") or {}
        if imp:
            L += ["", "Imports, each alone in a fresh interpreter (s, dependencies included): " + ", ".join(
                f"`{k}` {v:.2f}" for k, v in imp.items()) + f"; `import kzclusters.ui` loads "
                + (", ".join(pull.get("kzclusters.ui", [])) or "none of the big libraries") + " (of scipy, seaborn, "
                "statsmodels, openpyxl, matplotlib, pandas); a Python process that imports `ipykernel.kernelapp` "
                f"takes {results['profile'][0].get('import_ipykernel_s', 0):.2f} s.", ""]
        for p in results["profile"]:
            for c in p.get("cells_top", []):
                if c.get("top"):
                    L += [f"Where the time of {p['notebook']}'s code cell {c['cell']} goes (cProfile, cumulative s; "
                          "profiling inflates it):", "", "```"]
                    L += [f"{t:7.3f}  {f[:110]}" for t, f in c["top"]]
                    L += ["```", ""]
            if p.get("update_top"):
                L += [f"One redraw of {p['notebook']} after a slider change (cProfile, cumulative s per redraw; "
                      "profiling inflates it):", "", "```"]
                L += [f"{t:7.3f}  {f[:110]}" for t, f in p["update_top"]]
                L += ["```", ""]
    checks = []
    for mode, block in results["modes"].items():
        for key, tc in (block.get("tab_close") or {}).items():
            peak = [r["rss_peak_mib"] for r in ([*block["notebooks"].values()] if key == "notebooks"
                                                else [block.get("bare") or {}]) if r and r.get("rss_peak_mib")]
            checks.append(f"- [{mode}, {key}] closing a tab (with `beforeunload`) "
                          + ("did **not** shut its kernel down: Voilà's shutdown request is refused with 403 "
                             "('_xsrf' argument missing, voila-dashboards/voila#1458), so every visit leaves a "
                             f"kernel{f' of up to {max(peak):.0f} MiB' if peak else ''} running until "
                             + (f"culled ({results['culling']}) or " if results.get("culling") else "")
                             + "the server stops (the bench shuts its own kernels down explicitly)."
                             if tc["kernel_alive_after_tab_close"] else "shut its kernel down."))
    ext = sorted({e.split(" (")[0] for b in results["modes"].values()
                  for r in [*b["notebooks"].values(), b.get("bare")] if r
                  for run in [*r.get("tti_runs", []), *r.get("viewers", [])] for e in run.get("external_failed", [])})
    if ext:
        checks.append("- Requests to other hosts that failed (not counted as errors; on a machine with internet "
                      "access they are extra downloads before the page is styled): " + ", ".join(f"`{e}`" for e in ext))
    if checks:
        L += ["## Checks", "", *checks, ""]
    if results.get("notes"):
        L += ["## Notes", "", *results["notes"], ""]
    L += ["Raw samples: the JSON file next to this one. How to read: `bench/README.md`.", ""]
    return "\n".join(L)


# --------------------------------------------------------------------------------------- main
def discover(subset: list[str] | None) -> list[str]:
    names = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if subset:
        want = [s.removesuffix(".ipynb") for s in subset]
        names = [n for n in names if n in want or n.split("_", 1)[0] in want]
    return names


async def run_mode(mode: str, names: list[str], args, sampler: Sampler, pw, logs: Path) -> dict:
    """Both servers (workbook and bare) side by side, one browser, every measurement."""
    browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    block: dict = {"notebooks": {}, "bare": None, "tab_close": {}}
    servers: list[Server] = []
    try:
        for root, key in ((NOTEBOOKS, "notebooks"), (BARE, "bare")):
            t = time.time()
            srv = Server(root, mode, args.pool_size, logs / f"server_{mode}_{key}.log")
            servers.append(srv)
            sampler.servers = list(servers)
            waited = srv.settle(timeout=180)
            log(f"[{mode}] server for {root.relative_to(ROOT)} on :{srv.port} ready "
                f"({time.time() - t:.1f} s, settled {waited:.1f} s)")
        nb_srv, bare_srv = servers
        if args.tab_close_check:
            for srv, name, key in ((nb_srv, names[0], "notebooks"), (bare_srv, "bare", "bare")):
                srv.settle()
                tc = await guarded(srv, tab_close_frees_kernel, browser, srv, name, args.timeout)
                block["tab_close"][key] = tc
                log(f"[{mode}] {name}: tab closed, kernel "
                    f"{'still running (leaks)' if tc['kernel_alive_after_tab_close'] else 'shut down'}")
        targets = [(nb_srv, n) for n in names] + [(bare_srv, "bare")]
        res = await bench_targets(browser, sampler, targets, args)
        block["bare"] = res.pop("bare")
        block["notebooks"] = res
    finally:
        sampler.servers = []
        for srv in servers:
            block.setdefault("server_restarts", []).extend(srv.restarts)
            srv.stop()
        block["chromium"] = browser.version
        await browser.close()
    return block


async def amain(args) -> dict:
    from playwright.async_api import async_playwright

    names = discover(args.notebooks)
    if not names:
        raise SystemExit("no notebooks/NN_*.ipynb matched")
    RESULTS.mkdir(parents=True, exist_ok=True)
    logs = RESULTS / "logs"
    logs.mkdir(exist_ok=True)
    sampler = Sampler()
    sampler.start()
    main_task = asyncio.current_task()

    def interrupt():
        if INTERRUPTED.is_set():
            main_task.cancel()
        log("interrupted: stopping after the current measurement (Ctrl-C again to cancel it)")
        INTERRUPTED.set()
    asyncio.get_running_loop().add_signal_handler(signal.SIGINT, interrupt)
    results: dict = {"date": dt.date.today().isoformat(), "started": dt.datetime.now().isoformat(timespec="seconds"),
                     "command": " ".join([Path(PY).name, *sys.argv]), "args": vars(args), "modes": {}, "notes": []}
    try:
        async with async_playwright() as pw:
            for mode in args.modes:
                results["modes"][mode] = await run_mode(mode, names, args, sampler, pw, logs)
        chromium = next(iter(results["modes"].values()))["chromium"]
        results["machine"] = machine_info(chromium)
        if args.profile:
            log("profile: kernel start, cells, redraw")
            results["profile"] = [profile_notebook(NOTEBOOKS / f"{n}.ipynb", n) for n in names]
            results["profile"].append(profile_notebook(BARE / "bare.ipynb", "bare"))
    finally:
        sampler.stop()
    results["summary"] = summarise(results)
    with contextlib.suppress(Exception):
        mkm = json.loads((ROOT / "voila.json").read_text()).get("MappingKernelManager", {})
        if mkm.get("cull_idle_timeout"):
            results["culling"] = ", ".join(f"{k}={v}" for k, v in mkm.items() if k.startswith("cull"))
    if len(results["modes"]) > 1:
        best = {}
        for mode, b in results["modes"].items():
            ttis = [r["tti_s"] for r in b["notebooks"].values() if r["tti_s"]]
            best[mode] = statistics.mean(ttis) if ttis else float("inf")
        winner = min(best, key=best.get)
        results["best_mode"] = winner
        results["mode_note"] = ("Better mode for the workbook's time to interactive: **" + winner + "** (mean over "
                                "notebooks: " + ", ".join(f"{k} {v:.2f} s" for k, v in best.items()) + ").")
    foreign = [r["foreign_cpu_cores"] for b in results["modes"].values()
               for r in [*b["notebooks"].values(), b["bare"]] if r and r.get("foreign_cpu_cores") is not None]
    if foreign and max(foreign) > 0.3:
        results["notes"].append(f"- Other processes used up to {max(foreign):.2f} cores on average during a "
                                "notebook's measurements (column 'other load'): those figures may be disturbed; "
                                "rerun on a quiet machine.")
    restarts = [f"{m}: {r}" for m, b in results["modes"].items() for r in b.get("server_restarts", [])]
    if restarts:
        results["notes"].append("- A server of the bench was ended from outside during the run (another job's broad "
                                "kill?); it was restarted and the measurement repeated: " + "; ".join(restarts))
    results["finished"] = dt.datetime.now().isoformat(timespec="seconds")
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="fresh-context page loads per notebook for (a) (default 5)")
    ap.add_argument("--moves", type=int, default=10, help="slider moves measured for (b), after one warm-up")
    ap.add_argument("--viewers", type=int, default=8, help="pages opened at once for (d) (default 8)")
    ap.add_argument("--notebooks", nargs="*", help="subset, e.g. 00_index or 00 (default: every notebooks/NN_*.ipynb)")
    ap.add_argument("--modes", default="plain",
                    help="comma-separated Voilà modes: plain, preheat, progressive (default plain)")
    ap.add_argument("--preheat", action="store_true", help="add a preheat pass (--preheat_kernel=True --pool_size=N)")
    ap.add_argument("--pool-size", type=int, default=2, help="preheated kernels per notebook (default 2)")
    ap.add_argument("--timeout", type=float, default=180, help="seconds before a page counts as not rendered")
    ap.add_argument("--quiet", type=float, default=0.25,
                    help="before each measurement, wait until other processes use fewer cores than this")
    ap.add_argument("--quiet-wait", type=float, default=60,
                    help="longest wait for that, in seconds (default 60; 0: do not wait)")
    ap.add_argument("--no-tab-close-check", dest="tab_close_check", action="store_false",
                    help="skip checking that closing a tab shuts its kernel down")
    ap.add_argument("--no-profile", dest="profile", action="store_false", help="skip the kernel-side profile")
    ap.add_argument("--out", type=Path, default=RESULTS, help="results folder (default bench/results)")
    ap.add_argument("--overwrite", action="store_true",
                    help="overwrite today's YYYY-MM-DD_<host>.md instead of adding YYYY-MM-DD_<host>-2.md")
    args = ap.parse_args(argv)
    args.modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if args.preheat and "preheat" not in args.modes:
        args.modes.append("preheat")
    bad = set(args.modes) - {"plain", "preheat", "progressive"}
    if bad:
        ap.error(f"unknown mode(s): {', '.join(sorted(bad))}")
    try:
        results = asyncio.run(amain(args))
    except (Interrupted, KeyboardInterrupt):
        log("interrupted: no results written")
        return 130
    results["args"] = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}
    md = markdown(results)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    stem = f"{results['date']}_{results['machine']['host']}"
    n = 2
    while (out / f"{stem}.md").exists() and args.out == RESULTS and not args.overwrite:
        stem = f"{results['date']}_{results['machine']['host']}-{n}"  # a later run the same day
        n += 1
    (out / f"{stem}.md").write_text(md)
    (out / f"{stem}.json").write_text(json.dumps(results, indent=1, default=str))
    (out / "latest.md").write_text(md)
    (out / "latest.json").write_text(json.dumps(results, indent=1, default=str))
    print(md)
    log(f"wrote {out / (stem + '.md')}, {out / (stem + '.json')}, {out / 'latest.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
