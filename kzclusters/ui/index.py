"""The landing page: what the workbook is, its notebooks, and an example chart."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as W

from .. import i18n
from .grp_structure import GrpStructureExplorer
from .shell import NOTEBOOKS, Page

__all__ = ["index_page"]

_NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"


def index_page(lang: str | None = None) -> Page:
    """Build the landing page (``notebooks/00_index.ipynb``).

    Parameters
    ----------
    lang : str, optional
        Initial language; from the URL (``?lang=``) by default.

    Returns
    -------
    Page
        With ``page.explorer`` (the GRP-structure explorer) and ``page.notebooks``
        (the list of notebooks, relabelled with the language).

    Examples
    --------
    >>> page = index_page("ru")
    >>> "Блокноты" in page.notebooks.value
    True
    >>> page.lang.value = "kk"
    >>> "Дәптерлер" in page.notebooks.value, page.explorer.year.description == kz.i18n.t("year", "kk")
    (True, True)
    """
    from .grp_structure import builtin_shares

    builtin_shares()   # before the page: a preheated kernel has it ready when the visitor arrives
    page = Page("00_index.ipynb", ["grp_gva"], lang=lang)
    intro = W.HTML()
    page.notebooks = W.HTML()
    page.notebooks.add_class("kz-notebooks")

    def relabel(lg: str) -> None:
        t = lambda key, **kw: html.escape(i18n.t(key, lg, **kw))  # noqa: E731
        intro.value = f"<p style='font-size:1.05em'>{t('index_intro')}</p>"
        items = []
        for fname, key, seed in NOTEBOOKS[1:]:
            title = t(f"{key}_title")
            link = (f"<a class='kz-nb-link' href='{html.escape(page.link(fname))}'>{title}</a>"
                    if (_NOTEBOOK_DIR / fname).exists() else f"{title} <em>({t('coming_soon')})</em>")
            items.append(f"<li><b>{link}</b> <small>[{html.escape(seed)}]</small><br>{t(f'{key}_desc')} "
                         f"<small>{t(f'{key}_audience')}</small></li>")
        page.notebooks.value = (f"<h2>{t('index_notebooks')}</h2><ol>{''.join(items)}</ol>"
                                f"<h2>{t('index_example')}</h2>")

    page.on_relabel(relabel)
    page.explorer = GrpStructureExplorer(page)
    page.add(intro, page.notebooks, page.explorer.container)
    return page
