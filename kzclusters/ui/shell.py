"""The frame every notebook shares: header (title, language, home), footer (sources, citation), look.

The language comes from the page's URL (``?lang=kk``) when Voilà passes one, so
the choice survives moving between notebooks: every link the workbook draws
carries the current language.
"""

from __future__ import annotations

import html

import ipywidgets as W

from .. import i18n
from ..data import catalog
from . import state
from .kit import language_toggle, markdown_html

__all__ = ["Page", "STYLE", "NOTEBOOKS", "initial_language"]

#: The workbook's notebooks, in order: (file name, i18n key prefix, papers followed).
NOTEBOOKS: tuple[tuple[str, str, str], ...] = (
    ("00_index.ipynb", "nb_00", ""),
    ("01_cluster_potential.ipynb", "nb_01", "seeds 000, 001, 002"),
    ("02_ict_clusters.ipynb", "nb_02", "seed 003"),
    ("03_msme_integration.ipynb", "nb_03", "seed 004"),
    ("04_productivity.ipynb", "nb_04", "seed 004"),
    ("05_industry_priorities.ipynb", "nb_05", "seed 004"),
)

#: One look for the whole workbook: readable on a projector, no horizontal overflow at 390 px.
STYLE = """<style>
.kz-page{max-width:1000px;margin:0 auto;font-size:15px;line-height:1.45}
.kz-page *{box-sizing:border-box}
.kz-page .widget-image{max-width:100%;height:auto}
.kz-page h1{font-size:1.7em;margin:.2em 0}
.kz-page h2{font-size:1.3em;margin:.8em 0 .3em}
.kz-header{display:flex;flex-wrap:wrap;align-items:center;gap:.5em;justify-content:space-between}
.kz-table{border-collapse:collapse;font-size:.92em;max-width:100%;display:block;overflow-x:auto}
.kz-table th,.kz-table td{border-bottom:1px solid #ddd;padding:.2em .6em;text-align:left}
.kz-table td:not(:first-child){text-align:right;font-variant-numeric:tabular-nums}
.kz-badge-chip{display:inline-block;padding:.1em .6em;border-radius:1em;color:#fff;font-size:.85em}
.kz-badge-official{background:#1b6e3a}.kz-badge-paper{background:#1f4e8c}
.kz-badge-synthetic{background:#b3261e}.kz-badge-upload{background:#7a4b00}
.kz-download{margin-right:.4em;white-space:nowrap}
.kz-share-link{word-break:break-all;font-size:.85em}
.kz-error{color:#8a1c1c;background:#fdecea;padding:.4em .6em;border-radius:.3em}
.kz-ok{color:#1b5e20}
.kz-footer{font-size:.85em;color:#444;border-top:1px solid #ccc;margin-top:1.5em;padding-top:.5em}
.kz-page .widget-inline-hbox,.kz-page .widget-hbox{flex-wrap:wrap;max-width:100%}
.kz-page .widget-slider,.kz-page .widget-dropdown,.kz-page .widget-text{max-width:100%}
.kz-page .widget-toggle-buttons .widget-toggle-button{margin:1px}
.kz-page.widget-vbox>.lm-Widget,.kz-page .widget-vbox>.lm-Widget{margin-left:0;margin-right:0}
.kz-text{max-width:100%;overflow-x:hidden}
.kz-text mjx-container{position:relative;max-width:100%}
.kz-text mjx-container[display="true"],.kz-text .MathJax_Display{overflow-x:auto;overflow-y:hidden}
@media (max-width:600px){.kz-text mjx-container[display="true"]{font-size:82%!important}}
@media (max-width:600px){.kz-page{font-size:14px}.kz-page h1{font-size:1.35em}
 .kz-page .widget-label{min-width:0!important}}
</style>"""


def _wait_for_request() -> None:
    """In a preheated Voilà kernel, wait here for the visitor's request (and its query string).

    Voilà can run notebooks ahead of time (``--preheat_kernel``); everything
    before this call (imports, data, precomputation) is then already done when
    a visitor arrives, and ``$QUERY_STRING`` is only known after it.  Outside a
    preheated kernel this does nothing.
    """
    import os

    if os.environ.get("VOILA_PREHEAT") == "True":
        try:
            from voila.utils import wait_for_request
        except ImportError:  # pragma: no cover - voila is in requirements.txt
            return
        wait_for_request()


def initial_language(query: str | None = None) -> str:
    """The language asked for in the page's URL, or the default.

    Parameters
    ----------
    query : str, optional
        Query string; read from Voilà's environment when omitted.

    Returns
    -------
    str

    Examples
    --------
    >>> initial_language("lang=kk&year=2020"), initial_language("lang=xx")
    ('kk', 'en')
    """
    if query is None:
        query, _ = state.from_environment()
    return state.decode(query, {"lang": lambda s: s if s in i18n.LANGS else {}[s]}).get("lang",
                                                                                       i18n.DEFAULT_LANG)


class Page:
    """Header, body and footer of one notebook of the workbook.

    Parameters
    ----------
    notebook : str
        File name, e.g. ``"00_index.ipynb"``.
    datasets : sequence of str
        Names (``kzclusters.data.load``) of the data shown, for the footer.
    lang : str, optional
        Initial language; from the URL by default.

    Attributes
    ----------
    lang : ipywidgets.ToggleButtons
        The page's language toggle: explorers share it.
    query, url : str
        The page's query string and URL (empty outside Voilà).

    Examples
    --------
    >>> page = Page("00_index.ipynb", ["grp_gva"], lang="ru")
    >>> "00_index.ipynb?lang=ru" in page.home.value, "stat.gov.kz" in page.footer.value
    (True, True)
    >>> page.lang.value = "kk"
    >>> "lang=kk" in page.home.value
    True
    """

    def __init__(self, notebook: str, datasets=(), lang: str | None = None):
        self.notebook = notebook
        _wait_for_request()
        self.query, self.url = state.from_environment()
        self.datasets = list(datasets)
        self.lang = language_toggle(lang or initial_language(self.query))
        self.title = W.HTML()
        self.home = W.HTML()
        self.home.add_class("kz-home")
        self.footer = W.HTML(layout=W.Layout(width="100%"))
        self.footer.add_class("kz-footer")
        self.body = W.VBox(layout=W.Layout(width="100%"))
        bar = W.HBox([self.title, W.HBox([self.lang, self.home])], layout=W.Layout(width="100%"))
        bar.add_class("kz-header")
        #: header and footer alone, for notebooks that show their sections in separate cells
        self.header = W.VBox([W.HTML(STYLE), bar], layout=W.Layout(width="100%"))
        self.header.add_class("kz-page")
        self.container = W.VBox([self.header, self.body, self.footer], layout=W.Layout(width="100%"))
        self.container.add_class("kz-page")
        self._relabel_hooks = []
        self.lang.observe(lambda _: self.relabel(), names="value")
        self.relabel()

    def add(self, *widgets) -> None:
        """Append widgets to the body."""
        self.body.children = (*self.body.children, *widgets)

    def section(self, heading_key: str, *children) -> W.VBox:
        """A titled block of the page (heading from i18n, relabelled with the language).

        Parameters
        ----------
        heading_key : str
            i18n key of the heading.
        *children : ipywidgets.Widget

        Returns
        -------
        ipywidgets.VBox
            With CSS classes ``kz-page`` and ``kz-section``.
        """
        head = W.HTML()
        self.on_relabel(lambda lang: setattr(head, "value", f"<h2>{html.escape(i18n.t(heading_key, lang))}</h2>"))
        box = W.VBox([head, *children], layout=W.Layout(width="100%"))
        box.add_class("kz-page")
        box.add_class("kz-section")
        return box

    def lecture_texts(self, prefix: str) -> dict:
        """The notebook's lecture texts (``kzclusters/texts/<prefix>*.md``) as MathJax widgets, relabelled.

        Parameters
        ----------
        prefix : str
            E.g. ``"02_"``.

        Returns
        -------
        dict
            Text name -> ``ipywidgets.HTMLMath`` (CSS class ``kz-text``), also kept as ``self.texts``.

        Examples
        --------
        >>> p = Page("01_cluster_potential.ipynb", lang="en")
        >>> "<h4>" in p.lecture_texts("01_")["01_method"].value
        True
        """
        self.texts = {}
        for name in i18n.text_names():
            if name.startswith(prefix):
                w = W.HTMLMath(layout=W.Layout(width="100%"))
                w.add_class("kz-text")
                self.texts[name] = w
        self.on_relabel(lambda lang: [setattr(w, "value", markdown_html(i18n.text(n, lang)))
                                      for n, w in self.texts.items()])
        return self.texts

    def on_relabel(self, hook) -> None:
        """Call ``hook(lang)`` whenever the language changes (and once now)."""
        self._relabel_hooks.append(hook)
        hook(self.lang.value)

    def link(self, notebook: str) -> str:
        """A relative link to another notebook that keeps the current language."""
        return state.with_query(notebook, lang=self.lang.value)

    def relabel(self) -> None:
        """Show every text of the frame in the current language."""
        lang = self.lang.value
        key = dict((f, k) for f, k, _ in NOTEBOOKS).get(self.notebook, "nb_00")
        title = i18n.t("app_title", lang) if key == "nb_00" else i18n.t(f"{key}_title", lang)
        self.title.value = f"<h1>{html.escape(title)}</h1>"
        self.home.value = (f"<a class='kz-home-link' href='{html.escape(self.link('00_index.ipynb'))}'>"
                           f"⌂ {html.escape(i18n.t('home', lang))}</a>")
        self.footer.value = self._footer(lang)
        for hook in self._relabel_hooks:
            hook(lang)

    def _footer(self, lang: str) -> str:
        cat = catalog().set_index("name")
        items = []
        for name in self.datasets:
            row = cat.loc[name]
            items.append(f"<li>{html.escape(row['title'])} — {html.escape(row['publisher'])}. "
                         f"<i>{html.escape(i18n.t('footer_data_licence', lang))}:</i> "
                         f"{html.escape(row['licence'])}</li>")
        return (f"<b>{html.escape(i18n.t('source', lang))}</b><ul>{''.join(items)}</ul>"
                f"<b>{html.escape(i18n.t('footer_how_to_cite', lang))}</b>: "
                f"{html.escape(i18n.t('how_to_cite_text', lang))}")
