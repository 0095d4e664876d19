"""Texts of the workbook in Kazakh, Russian and English.

Every text the user sees is looked up by a *key* in the catalogues
``kzclusters/i18n/{kk,ru,en}.json`` (flat JSON objects, key -> text, UTF-8).
Texts may hold ``str.format`` placeholders such as ``{region}``; every language
must use the same placeholders for a key (``tests/test_i18n.py`` checks this).

Region and sector names are not in the catalogues: they come from the
registries (:func:`kzclusters.registry.regions`, :func:`kzclusters.registry.sectors`).

To add a text, add the key to all three JSON files (keep them sorted:
``json.dump(..., ensure_ascii=False, indent=1, sort_keys=True)``).
"""

from __future__ import annotations

import functools
import json
import string
from pathlib import Path

from ._errors import DataError

LANGS: tuple[str, ...] = ("kk", "ru", "en")
DEFAULT_LANG: str = "en"

_DIR = Path(__file__).resolve().with_suffix("")  # kzclusters/i18n/
_NO_DEFAULT = object()


def _check_lang(lang) -> str:
    if lang is None:
        return DEFAULT_LANG
    if lang not in LANGS:
        raise DataError(f'unknown language "{lang}"; use one of {", ".join(LANGS)}')
    return lang


@functools.lru_cache(maxsize=None)
def _load(lang: str) -> dict[str, str]:
    with open(_DIR / f"{lang}.json", encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, dict):
        raise DataError(f"{_DIR / (lang + '.json')} must hold a JSON object (key -> text)")
    return data


def catalogue(lang: str) -> dict[str, str]:
    """All texts of one language.

    Parameters
    ----------
    lang : {"kk", "ru", "en"}

    Returns
    -------
    dict
        key -> text.  A copy: edits do not affect :func:`t`.

    Raises
    ------
    DataError
        If `lang` is not one of :data:`LANGS`.

    Examples
    --------
    >>> catalogue("ru")["year"]
    'Год'
    >>> sorted(catalogue("en")) == sorted(catalogue("kk"))
    True
    """
    return dict(_load(_check_lang(lang)))


def t(key: str, lang: str = DEFAULT_LANG, *, default=_NO_DEFAULT, **params) -> str:
    """The text for `key` in `lang`, with ``{placeholders}`` filled from `params`.

    Parameters
    ----------
    key : str
        Catalogue key, e.g. ``"download_csv"``.
    lang : {"kk", "ru", "en"}, default "en"
        ``None`` means :data:`DEFAULT_LANG`.
    default : str, optional
        Returned (formatted with `params`) when the key is missing.  Without it a
        missing key raises, so that tests catch it: there is no silent fallback.
    **params
        Values for the placeholders of the text.

    Returns
    -------
    str

    Raises
    ------
    DataError
        If `lang` is unknown.
    KeyError
        If the key is missing (and no `default` was given) or a placeholder has no value.

    Examples
    --------
    >>> t("download_csv", "kk")
    'CSV жүктеп алу'
    >>> t("chart_grp_structure_title", "en", region="Akmola", year=2023)
    'Structure of gross regional product by OKED section, Akmola, 2023'
    >>> t("no_such_key", "ru", default="Fallback")
    'Fallback'
    >>> t("no_such_key", "ru")
    Traceback (most recent call last):
    ...
    KeyError: 'no text for key "no_such_key" in language "ru"; add it to kzclusters/i18n/ru.json (and the other languages)'
    """
    lang = _check_lang(lang)
    cat = _load(lang)
    if key in cat:
        text = cat[key]
    elif default is not _NO_DEFAULT:
        text = default
        if not params:
            return text
    else:
        raise KeyError(f'no text for key "{key}" in language "{lang}"; add it to '
                       f"kzclusters/i18n/{lang}.json (and the other languages)")
    try:
        return text.format(**params)
    except KeyError as exc:
        raise KeyError(f'text "{key}" ({lang}) needs the parameter {exc.args[0]!r}; '
                       f"it takes {sorted(_fields(text))}") from None


def _fields(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(text) if name}


def placeholders(key: str, lang: str = DEFAULT_LANG) -> set[str]:
    """Names of the ``{placeholders}`` in the text of `key`.

    Parameters
    ----------
    key : str
    lang : {"kk", "ru", "en"}, default "en"

    Returns
    -------
    set of str

    Raises
    ------
    KeyError
        If the key is missing.

    Examples
    --------
    >>> sorted(placeholders("err_negative", "kk"))
    ['column', 'file', 'row', 'value']
    >>> placeholders("frame_20")
    set()
    """
    lang = _check_lang(lang)
    cat = _load(lang)
    if key not in cat:
        raise KeyError(f'no text for key "{key}" in language "{lang}"')
    return _fields(cat[key])


def missing_keys() -> dict[str, set[str]]:
    """Keys that some language has and another lacks.

    Returns
    -------
    dict
        lang -> set of keys present in at least one other catalogue but missing
        from this one (empty sets when the catalogues agree).

    Examples
    --------
    >>> missing_keys()
    {'kk': set(), 'ru': set(), 'en': set()}
    """
    cats = {lang: set(_load(lang)) for lang in LANGS}
    every = set().union(*cats.values())
    return {lang: every - keys for lang, keys in cats.items()}


def format_error(err: Exception, lang: str = DEFAULT_LANG) -> str:
    """A user-facing message for an error, in `lang`.

    A :class:`~kzclusters._errors.DataError` that carries an i18n ``key`` is shown
    with the catalogue text, filled from its ``file``, ``row``, ``column`` and
    ``params``.  If the key is unknown or a placeholder has no value, the English
    message of the error is shown inside ``err_generic``.  Any other exception
    gives the friendly ``error_friendly`` text (details belong in the server log).

    Parameters
    ----------
    err : Exception
    lang : {"kk", "ru", "en"}, default "en"

    Returns
    -------
    str

    Examples
    --------
    >>> from kzclusters._errors import DataError
    >>> e = DataError("value is negative", file="grp.csv", row=5, column="value",
    ...               key="err_negative", value=-3)
    >>> format_error(e, "ru")
    'Файл grp.csv, строка 5, столбец «value»: значение -3 отрицательное. Такие показатели, как выпуск или занятость, должны быть нулевыми или положительными; исправьте или удалите значение.'
    >>> format_error(DataError("no such thing"), "en")
    'There is a problem with the data: no such thing'
    >>> format_error(ZeroDivisionError(), "en")
    'Something went wrong; the details are in the server log.'
    """
    lang = _check_lang(lang)
    if not isinstance(err, DataError):
        return t("error_friendly", lang)
    key = getattr(err, "key", None)
    cat = _load(lang)
    if key and key in cat:
        params = dict(getattr(err, "params", {}) or {})
        for name in ("file", "row", "column"):
            if getattr(err, name, None) is not None:
                params.setdefault(name, getattr(err, name))
        if "suggestions" in params and not params["suggestions"]:
            params["suggestions"] = t("none_found", lang)
        needed = _fields(cat[key])
        if all(params.get(name) is not None for name in needed):
            return cat[key].format(**params)
    return t("err_generic", lang, message=str(err))


@functools.lru_cache(maxsize=None)
def _names(what: str) -> dict:
    from .registry import regions, sectors

    table = regions() if what == "region" else sectors()
    return {row["code"]: row for row in table.to_dict("records")}


def _name(code: str, lang: str, short: bool, what: str) -> str:
    lang = _check_lang(lang)
    row = _names(what).get(code)
    if row is None:
        raise DataError(f'unknown {what} code "{code}"; see data/{what}s.csv')
    value = row[f"{'short' if short else 'name'}_{lang}"]
    if not value and short:
        value = row[f"name_{lang}"]
    return value


def region_name(code: str, lang: str = DEFAULT_LANG, short: bool = False) -> str:
    """Name of a region in `lang`, from ``data/regions.csv``.

    Parameters
    ----------
    code : str
        Region code, e.g. ``"AKM"``.
    lang : {"kk", "ru", "en"}, default "en"
    short : bool, default False
        The short label (for chart axes) instead of the full name.

    Returns
    -------
    str

    Raises
    ------
    DataError
        If the code or the language is unknown.

    Examples
    --------
    >>> region_name("AKM", "kk"), region_name("AKM", "ru", short=True)
    ('Ақмола облысы', 'Акмолинская')
    """
    return _name(code, lang, short, "region")


def sector_name(code: str, lang: str = DEFAULT_LANG, short: bool = False) -> str:
    """Name of a sector (OKED section, division, group or aggregate) in `lang`.

    Parameters
    ----------
    code : str
        Sector code from ``data/sectors.csv``, e.g. ``"C"`` or ``"24"``.
    lang : {"kk", "ru", "en"}, default "en"
    short : bool, default False
        The short label (for chart axes) instead of the full name.

    Returns
    -------
    str

    Raises
    ------
    DataError
        If the code or the language is unknown.

    Examples
    --------
    >>> sector_name("C", "kk"), sector_name("J", "en", short=True)
    ('Өңдеу өнеркәсібі', 'ICT')
    """
    return _name(code, lang, short, "sector")


_TEXTS = Path(__file__).resolve().parent / "texts"


def text(name: str, lang: str = DEFAULT_LANG) -> str:
    """A long text of the workbook (method explanations, exercises) in `lang`, as Markdown with LaTeX.

    Texts live in ``kzclusters/texts/<name>.<lang>.md``, one file per language;
    :func:`missing_texts` lists the gaps (a test keeps it empty).

    Parameters
    ----------
    name : str
        e.g. ``"01_method"``.
    lang : {"kk", "ru", "en"}

    Returns
    -------
    str

    Raises
    ------
    KeyError
        If the text does not exist in that language.

    Examples
    --------
    >>> all(text(n, lang) for n in text_names() for lang in LANGS)
    True
    """
    lang = _check_lang(lang)
    path = _TEXTS / f"{name}.{lang}.md"
    if not path.exists():
        raise KeyError(f'no text "{name}" in {lang}: add kzclusters/texts/{name}.{lang}.md')
    return path.read_text(encoding="utf-8")


def text_names() -> list[str]:
    """Names of the long texts (any language).

    Returns
    -------
    list of str

    Examples
    --------
    >>> isinstance(text_names(), list)
    True
    """
    return sorted({p.name.rsplit(".", 2)[0] for p in _TEXTS.glob("*.md")})


def missing_texts() -> dict[str, set[str]]:
    """Texts that exist in some language but not in another: ``{lang: {names}}``.

    Returns
    -------
    dict

    Examples
    --------
    >>> missing_texts()
    {}
    """
    names = set(text_names())
    out = {}
    for lang in LANGS:
        have = {p.name.rsplit(".", 2)[0] for p in _TEXTS.glob(f"*.{lang}.md")}
        if names - have:
            out[lang] = names - have
    return out
