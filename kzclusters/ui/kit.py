"""Standard controls shared by every notebook of the workbook.

Every control carries a CSS class ``kz-<name>`` (``kz-lang``, ``kz-region``,
``kz-year`` ...): the browser tests find controls by these classes, so they are
part of the contract.  Labels come from :mod:`kzclusters.i18n` and each
component has ``relabel(lang)``.
"""

from __future__ import annotations

import contextlib
import functools
from collections import OrderedDict
import html
import logging
import time

import ipywidgets as W
import pandas as pd

from .. import i18n
from .._errors import DataError
from ..io import read_table
from . import downloads

__all__ = ["escaped", "chart_image", "table_box", "toggle", "markdown_html", "guarded", "set_options", "ChartCache", "language_toggle", "RegionPicker", "year_slider", "year_range", "SectorPicker", "WeightSliders",
           "threshold_input", "DownloadBar", "ShareLink", "UploadPanel", "Badge", "Progress", "html_table"]

FULL = W.Layout(width="100%")
log = logging.getLogger("kzclusters.ui")


def guarded(method):
    """Decorate an explorer's update so a failure shows a friendly message, never a traceback.

    The exception and its traceback go to the server log (the kernel's stderr,
    which Voilà prints); the viewer sees ``error_friendly`` in the current
    language in the explorer's ``error`` widget, which is cleared on the next
    successful update.  A :class:`kzclusters.DataError` (a choice or a file that
    cannot be computed) is shown with its own message, which says what to fix.

    Parameters
    ----------
    method : callable
        ``method(self)``; ``self`` has ``error`` (an ``ipywidgets.HTML``) and
        ``page.lang``.

    Returns
    -------
    callable

    Examples
    --------
    >>> class Ex:
    ...     error = W.HTML()
    ...     class page:
    ...         lang = W.ToggleButtons(options=["en"], value="en")
    ...     @guarded
    ...     def _update(self):
    ...         raise ZeroDivisionError("boom")
    >>> ex = Ex(); ex._update()
    >>> "Something went wrong" in ex.error.value and "boom" not in ex.error.value
    True
    """
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            out = method(self, *args, **kwargs)
        except DataError as err:   # the user's choice or file cannot be computed: say what and how to fix
            self.error.value = (f"<div class='kz-error' role='alert'>{html.escape(i18n.t('error', self.page.lang.value))}: "
                                f"{html.escape(i18n.format_error(err, self.page.lang.value))}</div>")
            return None
        except Exception:  # noqa: BLE001 - shown as a friendly message, logged in full
            log.exception("update of %s failed", type(self).__name__)
            self.error.value = (f"<div class='kz-error' role='alert'>"
                                f"{html.escape(i18n.t('error_friendly', self.page.lang.value))}</div>")
            return None
        self.error.value = ""
        return out

    return wrapper


class ChartCache:
    """Rendered charts (PNG bytes) by view, least recently used dropped first.

    Going back to a view an explorer has already drawn is then instant.

    Parameters
    ----------
    maxsize : int, default 64

    Examples
    --------
    >>> cache, calls = ChartCache(maxsize=2), []
    >>> make = lambda: calls.append(1) or "fig"
    >>> render = lambda fig: b"png"
    >>> cache.png(("a",), make, render), cache.png(("a",), make, render), len(calls)
    (b'png', b'png', 1)
    """

    def __init__(self, maxsize: int = 64):
        self.maxsize = maxsize
        self._d: OrderedDict = OrderedDict()

    def png(self, key, figure, render=None) -> bytes:
        """The PNG of `key`, drawing ``figure()`` (rendered with :func:`kzclusters.plots.to_png`) on a miss."""
        if key in self._d:
            self._d.move_to_end(key)
            return self._d[key]
        if render is None:
            from ..plots import to_png as render
        out = self._d[key] = render(figure())
        if len(self._d) > self.maxsize:
            self._d.popitem(last=False)
        return out

    def clear(self) -> None:
        """Forget every chart (e.g. after an upload replaced the data)."""
        self._d.clear()


def set_options(widget, options) -> None:
    """Replace a selection widget's (label, value) options and keep its current value.

    ipywidgets resets the value to the first option whenever ``options`` is
    assigned; relabelling for a new language must not lose the user's choice.

    Parameters
    ----------
    widget : ipywidgets selection widget (Dropdown, ToggleButtons ...)
    options : list of (label, value)

    Examples
    --------
    >>> tb = W.ToggleButtons(options=[("a", 1), ("b", 2)], value=2)
    >>> set_options(tb, [("A", 1), ("B", 2)]); tb.value, tb.label
    (2, 'B')
    >>> sm = W.SelectMultiple(options=[("a", 1), ("b", 2), ("c", 3)], value=(1, 3))
    >>> set_options(sm, [("A", 1), ("B", 2), ("C", 3)]); sm.value
    (1, 3)
    """
    keep = widget.value
    values = [v for _, v in options]
    widget.options = options
    if isinstance(keep, tuple):            # SelectMultiple: keep every chosen value that is still offered
        kept = tuple(v for v in keep if v in values)
        if widget.value != kept:
            widget.value = kept
    elif keep in values and widget.value != keep:
        widget.value = keep


def language_toggle(value: str = i18n.DEFAULT_LANG) -> W.ToggleButtons:
    """Kazakh / Russian / English switch; each option is labelled in its own language.

    Parameters
    ----------
    value : {"kk", "ru", "en"}
        Initial language.

    Returns
    -------
    ipywidgets.ToggleButtons
        With CSS class ``kz-lang``.

    Examples
    --------
    >>> tog = language_toggle("kk")
    >>> [v for _, v in tog.options], tog.value
    (['kk', 'ru', 'en'], 'kk')
    """
    tog = W.ToggleButtons(options=[(i18n.t(f"lang_native_{c}", "en"), c) for c in i18n.LANGS], value=value,
                          style={"button_width": "auto"}, layout=W.Layout(width="auto"))
    tog.add_class("kz-lang")
    return tog


class RegionPicker:
    """Region dropdown with names in the current language, for one administrative frame.

    Parameters
    ----------
    codes_by_frame : dict
        Frame (``"20"``, ``"17"`` ...) -> region codes that have data; the frame
        toggle is shown only when there is more than one frame.
    lang : str
        Initial language.
    value : str
        Initial region code; ``"KZ"`` (the republic) is listed first when present.
    frame : str, optional
        Initial frame (the first key by default).

    Examples
    --------
    >>> rp = RegionPicker({"20": ["KZ", "ABY", "VKO"], "17": ["KZ", "VKO"]}, "en", value="ABY")
    >>> rp.value, [label for label, _ in rp.dropdown.options]
    ('ABY', ['Kazakhstan', 'Abai', 'East Kazakhstan'])
    >>> rp.frame.value = "17"          # Abai does not exist on the 2018 map
    >>> rp.value
    'KZ'
    """

    def __init__(self, codes_by_frame: dict, lang: str, value: str = "KZ", frame: str | None = None):
        self._codes = {f: list(c) for f, c in codes_by_frame.items()}
        self.lang = lang
        frames = list(self._codes)
        self.frame = W.ToggleButtons(options=[(i18n.t(f"frame_{f}", lang), f) for f in frames],
                                     value=frame or frames[0], style={"button_width": "auto"})
        self.frame.add_class("kz-frame")
        self.frame.layout.display = None if len(frames) > 1 else "none"
        self.dropdown = W.Dropdown(layout=W.Layout(width="100%", max_width="420px"),
                                   style={"description_width": "initial"})
        self.dropdown.add_class("kz-region")
        self._fill(value)
        self.frame.observe(lambda _: self._fill(self.dropdown.value), names="value")
        self.container = W.VBox([self.frame, self.dropdown], layout=FULL)

    @property
    def value(self) -> str:
        """The selected region code."""
        return self.dropdown.value

    @value.setter
    def value(self, code: str) -> None:
        self._fill(code)

    def set_codes(self, codes, frame: str | None = None) -> None:
        """Replace the available regions of a frame (e.g. those with data in the chosen year)."""
        self._codes[frame or self.frame.value] = list(codes)
        self._fill(self.dropdown.value)

    def _fill(self, keep: str | None) -> None:
        codes = self._codes[self.frame.value]
        order = (["KZ"] if "KZ" in codes else []) + sorted(
            (c for c in codes if c != "KZ"), key=lambda c: i18n.region_name(c, self.lang, short=True))
        options = [(i18n.region_name(c, self.lang, short=True), c) for c in order]
        target = keep if keep in order else order[0]
        if list(self.dropdown.options) != options:
            self.dropdown.options = options   # resets the value to the first option
            self.dropdown.value = target
        elif self.dropdown.value != target:
            self.dropdown.value = target

    def relabel(self, lang: str) -> None:
        """Show names and labels in `lang`."""
        self.lang = lang
        self.dropdown.description = i18n.t("region", lang)
        keep = self.dropdown.value
        set_options(self.frame, [(i18n.t(f"frame_{f}", lang), f) for f in self._codes])
        self._fill(keep)


def year_slider(years, value: int | None = None) -> W.IntSlider:
    """Year slider that sends its value on release (``continuous_update=False``).

    Parameters
    ----------
    years : sequence of int
        Years with data.
    value : int, optional
        Initial year; the latest by default.

    Returns
    -------
    ipywidgets.IntSlider
        With CSS class ``kz-year``.

    Examples
    --------
    >>> s = year_slider([2010, 2011, 2024])
    >>> (s.min, s.max, s.value, s.continuous_update)
    (2010, 2024, 2024, False)
    """
    years = sorted(years)
    s = W.IntSlider(min=years[0], max=years[-1], value=value or years[-1], step=1, continuous_update=False,
                    layout=W.Layout(width="100%", max_width="520px"), style={"description_width": "initial"})
    s.add_class("kz-year")
    return s


def year_range(years, value: tuple[int, int] | None = None) -> W.IntRangeSlider:
    """Range slider for a period (first and last year), sending on release.

    Parameters
    ----------
    years : sequence of int
    value : tuple of int, optional
        Initial (start, end); the whole span by default.

    Returns
    -------
    ipywidgets.IntRangeSlider
        With CSS class ``kz-years``.

    Examples
    --------
    >>> year_range(range(2010, 2026), (2015, 2020)).value
    (2015, 2020)
    """
    years = sorted(years)
    s = W.IntRangeSlider(min=years[0], max=years[-1], value=value or (years[0], years[-1]), step=1,
                         continuous_update=False, layout=W.Layout(width="100%", max_width="520px"),
                         style={"description_width": "initial"})
    s.add_class("kz-years")
    return s


class SectorPicker:
    """Dropdown of sectors (OKED codes) labelled in the current language.

    Parameters
    ----------
    codes : sequence of str
        Sector codes from ``data/sectors.csv``.
    lang : str
    value : str, optional

    Examples
    --------
    >>> sp = SectorPicker(["C", "J"], "ru", value="J")
    >>> sp.dropdown.options
    (('Обрабатывающая пром.', 'C'), ('Информация и связь', 'J'))
    """

    def __init__(self, codes, lang: str, value: str | None = None):
        self._codes = list(codes)
        self.dropdown = W.Dropdown(options=self._options(lang), value=value or self._codes[0],
                                   layout=W.Layout(width="100%", max_width="420px"),
                                   style={"description_width": "initial"})
        self.dropdown.add_class("kz-sector")
        self.container = self.dropdown

    def _options(self, lang):
        return [(i18n.sector_name(c, lang, short=True), c) for c in self._codes]

    def set_codes(self, codes, lang: str) -> None:
        """Offer only `codes` (e.g. the sectors of the chosen base); keep the choice if still offered."""
        self._codes = list(codes)
        keep = self.dropdown.value
        self.dropdown.options = self._options(lang)
        self.dropdown.value = keep if keep in self._codes else self._codes[0]

    def relabel(self, lang: str) -> None:
        """Show names and the label in `lang`."""
        set_options(self.dropdown, self._options(lang))
        self.dropdown.description = i18n.t("sector", lang)


class WeightSliders:
    """Sliders that hold raw importances and show the normalised weights beside them.

    Sliders are never linked to each other (no observe loops): each holds an
    importance in [0, 10]; the weights are ``w_k = a_k / sum(a)``, computed here
    for display and by the analysis module for the result.

    Parameters
    ----------
    keys : sequence of str
        Indicator or criterion codes.
    labels : dict
        Key -> translated label.
    raw : dict, optional
        Initial importances (1 each by default).

    Examples
    --------
    >>> ws = WeightSliders(["a", "b"], {"a": "A", "b": "B"}, raw={"a": 3, "b": 1})
    >>> ws.weights()
    {'a': 0.75, 'b': 0.25}
    >>> ws.sliders["b"].value = 3
    >>> ws.weights(), "0.50" in ws.shown["a"].value
    ({'a': 0.5, 'b': 0.5}, True)
    """

    def __init__(self, keys, labels: dict, raw: dict | None = None):
        raw = raw or {}
        self.sliders = {}
        self.shown = {}
        rows = []
        for k in keys:
            s = W.FloatSlider(value=float(raw.get(k, 1.0)), min=0.0, max=10.0, step=0.5, continuous_update=False,
                              description=labels.get(k, k), style={"description_width": "40%"},
                              layout=W.Layout(width="100%", max_width="520px"))
            s.add_class("kz-weight")
            self.sliders[k] = s
            self.shown[k] = W.HTML()
            rows.append(W.HBox([s, self.shown[k]], layout=W.Layout(flex_flow="row wrap")))
            s.observe(lambda _: self._show(), names="value")
        self.container = W.VBox(rows, layout=FULL)
        self._show()

    def raw(self) -> dict:
        """The importances as set."""
        return {k: s.value for k, s in self.sliders.items()}

    def weights(self) -> dict:
        """Normalised weights (equal weights when every importance is zero)."""
        raw = self.raw()
        total = sum(raw.values())
        if total <= 0:
            return {k: 1 / len(raw) for k in raw}
        return {k: v / total for k, v in raw.items()}

    def _show(self) -> None:
        for k, w in self.weights().items():
            self.shown[k].value = f"<span class='kz-weight-norm'>w = {w:.2f}</span>"

    def relabel(self, labels: dict) -> None:
        """New (translated) labels."""
        for k, s in self.sliders.items():
            s.description = labels.get(k, k)


def threshold_input(value: float, minimum: float, maximum: float, step: float = 0.1) -> W.BoundedFloatText:
    """Numeric input for a threshold (e.g. LQ >= 1), bounded and sent on Enter or blur.

    Parameters
    ----------
    value, minimum, maximum, step : float

    Returns
    -------
    ipywidgets.BoundedFloatText
        With CSS class ``kz-threshold``.

    Examples
    --------
    >>> t = threshold_input(1.0, 0.0, 5.0)
    >>> t.value = 9; t.value
    5.0
    """
    box = W.BoundedFloatText(value=value, min=minimum, max=maximum, step=step, continuous_update=False,
                             layout=W.Layout(width="auto", max_width="260px"), style={"description_width": "initial"})
    box.add_class("kz-threshold")
    return box


def html_table(df: pd.DataFrame, headers: dict, *, digits: int = 1) -> str:
    """A small HTML table with translated headers (class ``kz-table``).

    Parameters
    ----------
    df : pandas.DataFrame
        Columns to show, in order.
    headers : dict
        Column -> translated header.
    digits : int
        Decimals for floats.

    Returns
    -------
    str

    Examples
    --------
    >>> html_table(pd.DataFrame({"a": ["x"], "b": [1.234]}), {"a": "Name", "b": "Share"})
    '<table class="kz-table"><thead><tr><th>Name</th><th>Share</th></tr></thead><tbody><tr><td>x</td><td>1.2</td></tr></tbody></table>'
    """
    head = "".join(f"<th>{html.escape(str(headers.get(c, c)))}</th>" for c in df.columns)

    def cell(v):
        if isinstance(v, float):
            return "" if pd.isna(v) else f"{v:,.{digits}f}".replace(",", "\u202f")
        return html.escape(str(v))

    body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>"
                   for row in df.itertuples(index=False))
    return f'<table class="kz-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


class DownloadBar:
    """Download links for the current table (CSV, XLSX) and chart (PNG, SVG).

    Files are named after the view (notebook, region, year ...).  Links are
    ``data:`` URIs, so they work in a browser under Voilà with no file access.
    CSV and PNG links are ready at once; XLSX and SVG cost more to make, so
    their buttons build the file on the first click and turn into links.

    Examples
    --------
    >>> bar = DownloadBar()
    >>> bar.set("en", ("00_index", "KZ", 2024), table=pd.DataFrame({"a": [1]}), png=b"PNG",
    ...         svg=lambda: b"<svg/>")
    >>> "00_index_KZ_2024.csv" in bar.links.value and "kz-download-png" in bar.links.value
    True
    >>> bar.xlsx_button.click(); bar.svg_button.click()
    >>> "00_index_KZ_2024.xlsx" in bar.more.value and "kz-download-svg" in bar.more.value
    True
    """

    def __init__(self):
        self.links = W.HTML()
        self.more = W.HTML()
        self.xlsx_button = W.Button(description="XLSX", layout=W.Layout(width="auto"))
        self.svg_button = W.Button(description="SVG", layout=W.Layout(width="auto"))
        self.xlsx_button.add_class("kz-make-xlsx")
        self.svg_button.add_class("kz-make-svg")
        self.xlsx_button.on_click(lambda _: self._make("xlsx"))
        self.svg_button.on_click(lambda _: self._make("svg"))
        self.container = W.HBox([self.links, self.xlsx_button, self.svg_button, self.more],
                                layout=W.Layout(width="100%", flex_flow="row wrap", align_items="center"))
        self.container.add_class("kz-downloads")
        self._view: dict = {}

    def set(self, lang: str, stem: tuple, *, table: pd.DataFrame | None = None, png: bytes | None = None,
            svg=None, notes: dict | None = None) -> None:
        """Rebuild the links for a new view; `svg` is bytes or a callable returning them."""
        self._view = dict(lang=lang, stem=stem, table=table, svg=svg, notes=notes)
        links = []
        if table is not None:
            links.append(downloads.link(downloads.csv_bytes(table), "csv", downloads.filename(*stem, ext="csv"),
                                        i18n.t("download_csv", lang), "kz-download-csv"))
        if png is not None:
            links.append(downloads.link(png, "png", downloads.filename(*stem, ext="png"),
                                        i18n.t("download_png", lang), "kz-download-png"))
        self.links.value = " · ".join(links)
        self.more.value = ""
        self.xlsx_button.layout.display = None if table is not None else "none"
        self.svg_button.layout.display = None if svg is not None else "none"
        self.xlsx_button.description = i18n.t("download_xlsx", lang)
        self.svg_button.description = i18n.t("download_svg", lang)

    def _make(self, kind: str) -> None:
        v = self._view
        lang, stem = v.get("lang", i18n.DEFAULT_LANG), v.get("stem", ("kzclusters",))
        if kind == "xlsx" and v.get("table") is not None:
            payload = downloads.xlsx_bytes(v["table"], notes=v.get("notes"))
        elif kind == "svg" and v.get("svg") is not None:
            payload = v["svg"]() if callable(v["svg"]) else v["svg"]
        else:
            return
        label = i18n.t(f"download_{kind}", lang)
        new = downloads.link(payload, kind, downloads.filename(*stem, ext=kind), label, f"kz-download-{kind}")
        kept = self.more.value if f"kz-download-{kind}" not in self.more.value else ""
        self.more.value = " · ".join(x for x in (kept, new) if x)
        (self.xlsx_button if kind == "xlsx" else self.svg_button).layout.display = "none"


class ShareLink:
    """A link that reopens the page in the current state (region, years, weights, language).

    Examples
    --------
    >>> sl = ShareLink()
    >>> sl.set("en", "http://h/voila/render/00_index.ipynb", {"lang": "en", "year": 2020})
    >>> "00_index.ipynb?lang=en&amp;year=2020" in sl.html.value
    True
    """

    def __init__(self):
        self.html = W.HTML(layout=FULL)
        self.html.add_class("kz-share")
        self.container = self.html
        self.url = ""

    def set(self, lang: str, base: str, state: dict) -> None:
        """Show the link for `state`."""
        from .state import page_url

        self.url = page_url(base, state)
        self.html.value = (f"<span>{html.escape(i18n.t('share_link', lang))}: </span>"
                           f"<a class='kz-share-link' href='{html.escape(self.url)}'>{html.escape(self.url)}</a>")


class Badge:
    """Where the numbers come from: official statistics, a paper, synthetic, or the user's upload.

    Examples
    --------
    >>> b = Badge("paper")
    >>> b.set("ru"); "kz-badge-paper" in b.html.value
    True
    """

    def __init__(self, kind: str = "official"):
        self.kind = kind
        self.html = W.HTML()
        self.html.add_class("kz-badge")
        self.container = self.html

    def set(self, lang: str, kind: str | None = None, detail: str = "") -> None:
        """Show the badge of `kind` in `lang` (with an optional source detail)."""
        self.kind = kind or self.kind
        text = i18n.t(f"badge_{self.kind}", lang)
        tail = f" <small>{html.escape(detail)}</small>" if detail else ""
        self.html.value = f"<span class='kz-badge-chip kz-badge-{self.kind}'>{html.escape(text)}</span>{tail}"


class Progress:
    """A "working..." indicator for computations that may take more than a second.

    Use ``with progress.busy(lang):`` around the computation; the indicator is
    hidden again afterwards, also when the computation fails.

    Examples
    --------
    >>> p = Progress()
    >>> with p.busy("en"):
    ...     p.bar.layout.display is None
    True
    >>> p.bar.layout.display
    'none'
    """

    def __init__(self):
        self.bar = W.IntProgress(value=0, min=0, max=100, bar_style="info", layout=W.Layout(display="none"))
        self.label = W.HTML(layout=W.Layout(display="none"))
        self.bar.add_class("kz-progress")
        self.container = W.HBox([self.bar, self.label])
        self.last_seconds = 0.0

    def step(self, fraction: float) -> None:
        """Advance the bar to `fraction` (0..1)."""
        self.bar.value = int(100 * max(0.0, min(1.0, fraction)))

    @contextlib.contextmanager
    def busy(self, lang: str):
        """Show the indicator while the block runs."""
        self.bar.value = 10
        self.label.value = html.escape(i18n.t("working", lang))
        self.bar.layout.display = None
        self.label.layout.display = None
        t0 = time.perf_counter()
        try:
            yield self
        finally:
            self.last_seconds = time.perf_counter() - t0
            self.bar.layout.display = "none"
            self.label.layout.display = "none"


class UploadPanel:
    """Let the user replace an explorer's built-in data with a CSV or XLSX file.

    The file is parsed with :func:`kzclusters.io.read_table`; a problem shows as a
    readable message in the current language (never a traceback).  Neither the
    built-in data nor the user's file is modified; "reset" returns to the
    built-in data.

    Parameters
    ----------
    on_data : callable
        Called with the parsed frame, or with ``None`` on reset.
    read_options : dict, optional
        Passed to :func:`kzclusters.io.read_table` (e.g. ``{"sector": "GDP"}``).
    reader : callable, optional
        ``reader(payload, filename=name, **read_options)`` used instead of
        :func:`kzclusters.io.read_table` (e.g. a reader that also checks the
        indicator codes); it must raise :class:`kzclusters.DataError` on bad input.
    hint_key : str, default "upload_hint"
        i18n key of the line that says what the file should look like.

    Examples
    --------
    >>> got = []
    >>> up = UploadPanel(got.append)
    >>> up.load(b"region,sector,year,value\\nAkmola,C,2020,5\\n", "mine.csv", "en")
    >>> got[0]["region"].tolist(), up.data is got[0]
    (['AKM'], True)
    >>> up.load(b"region,sector,year,value\\nNursultan town,C,2020,5\\n", "bad.csv", "en")
    >>> "Nursultan town" in up.message.value and len(got)
    1
    """

    def __init__(self, on_data, read_options: dict | None = None, reader=None, hint_key: str = "upload_hint"):
        self.on_data = on_data
        self.hint_key = hint_key
        self.read_options = dict(read_options or {})
        self.reader = reader or read_table
        self.data: pd.DataFrame | None = None
        self.lang = i18n.DEFAULT_LANG
        self.button = W.FileUpload(accept=".csv,.xlsx,.txt", multiple=False)
        self.button.add_class("kz-upload")
        self.reset = W.Button(layout=W.Layout(width="auto"))
        self.reset.add_class("kz-upload-reset")
        self.reset.layout.display = "none"
        self.message = W.HTML(layout=FULL)
        self.message.add_class("kz-upload-message")
        self.title = W.HTML()
        self.button.observe(self._on_upload, names="value")
        self.reset.on_click(lambda _: self._reset())
        self.container = W.VBox([self.title, W.HBox([self.button, self.reset],
                                                    layout=W.Layout(flex_flow="row wrap")), self.message],
                                layout=FULL)
        self.relabel(self.lang)

    def relabel(self, lang: str) -> None:
        """Labels in `lang`."""
        self.lang = lang
        self.title.value = f"<b>{html.escape(i18n.t('upload_your_data', lang))}</b> " \
                           f"<small>{html.escape(i18n.t(self.hint_key, lang))}</small>"
        self.button.description = i18n.t("upload_button", lang)
        self.reset.description = i18n.t("upload_reset", lang)

    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        f = files[0]
        self.load(bytes(f["content"]), f["name"], self.lang)

    def load(self, payload: bytes, name: str, lang: str) -> None:
        """Parse an uploaded file and hand it to the explorer, or show what is wrong."""
        try:
            df = self.reader(payload, filename=name, **self.read_options)
        except Exception as err:  # noqa: BLE001 - every failure becomes a message, never a traceback
            self.message.value = (f"<div class='kz-error' role='alert'>{html.escape(i18n.t('error', lang))}: "
                                  f"{html.escape(i18n.format_error(err, lang))}</div>")
            return
        self.data = df
        self.message.value = (f"<div class='kz-ok'>{html.escape(i18n.t('upload_ok', lang, file=name, rows=len(df)))}"
                              "</div>")
        self.reset.layout.display = None
        self.on_data(df)

    def _reset(self) -> None:
        self.data = None
        self.message.value = ""
        self.reset.layout.display = "none"
        self.on_data(None)


def escaped(key: str, lang: str, **params) -> str:
    """:func:`kzclusters.i18n.t` escaped for HTML.

    Parameters
    ----------
    key, lang : str
    **params
        Placeholders of the text.

    Returns
    -------
    str

    Examples
    --------
    >>> escaped("year", "en")
    'Year'
    """
    return html.escape(i18n.t(key, lang, **params))


def chart_image() -> W.Image:
    """The PNG chart of an explorer (CSS class ``kz-chart``, full width up to 860 px).

    Returns
    -------
    ipywidgets.Image

    Examples
    --------
    >>> "kz-chart" in chart_image()._dom_classes
    True
    """
    w = W.Image(format="png", layout=W.Layout(width="100%", max_width="860px", height="auto"))
    w.add_class("kz-chart")
    return w


def table_box() -> W.HTML:
    """The box that holds an explorer's table (CSS class ``kz-table-box``, scrolls sideways on a phone).

    Returns
    -------
    ipywidgets.HTML

    Examples
    --------
    >>> "kz-table-box" in table_box()._dom_classes
    True
    """
    w = W.HTML(layout=W.Layout(width="100%", overflow="auto"))
    w.add_class("kz-table-box")
    return w


def toggle(options, value, css: str) -> W.ToggleButtons:
    """Toggle buttons with a CSS class; labels are set by the explorer's relabel (:func:`set_options`).

    Parameters
    ----------
    options : sequence
        The values.
    value
        The initial value.
    css : str
        CSS class, e.g. ``"kz-measure"``.

    Returns
    -------
    ipywidgets.ToggleButtons

    Examples
    --------
    >>> toggle((16, 60), 60, "kz-n").options
    (('16', 16), ('60', 60))
    """
    w = W.ToggleButtons(options=[(str(o), o) for o in options], value=value, style={"button_width": "auto"})
    w.add_class(css)
    return w


def markdown_html(text: str) -> str:
    r"""Minimal Markdown -> HTML for the lecture texts (headings, bold, lists, paragraphs); LaTeX is left
    for MathJax.

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> markdown_html("### A\n- **b** $x$")
    '<h4>A</h4>\n<ul>\n<li><b>b</b> $x$</li>\n</ul>'
    """
    import re

    text = re.sub(r"\$\$(.+?)\$\$", lambda m: "$$" + " ".join(m.group(1).split()) + "$$", text, flags=re.S)
    out, in_list = [], False
    for block in text.split("\n"):
        line = block.rstrip()
        m = re.match(r"^(#{2,4})\s+(.*)", line)
        if line.lstrip().startswith(("- ", "* ")):
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{_inline_html(line.lstrip()[2:])}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if m:
            level = min(len(m.group(1)) + 1, 5)
            out.append(f"<h{level}>{_inline_html(m.group(2))}</h{level}>")
        elif re.match(r"^\d+\.\s", line):
            out.append(f"<p>{_inline_html(line)}</p>")
        elif line:
            out.append(f"<p>{_inline_html(line)}</p>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def _inline_html(s: str) -> str:
    import re

    parts = re.split(r"(\$\$.*?\$\$|\$[^$]+\$)", s)
    res = []
    for p in parts:
        if p.startswith("$"):
            res.append(html.escape(p, quote=False))
        else:
            p = html.escape(p, quote=False)
            p = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", p)
            p = re.sub(r"(?<!\*)\*(?!\s)(.+?)(?<!\s)\*(?!\*)", r"<i>\1</i>", p)
            res.append(p)
    return "".join(res)
