"""An explorer's state as a URL query string, so a view can be shared as a link.

Voilà passes the page's query string to the kernel as ``$QUERY_STRING`` (and the
full URL as ``$VOILA_REQUEST_URL``); :func:`from_environment` reads them.  Pure
functions, no widgets: the UI kit calls them.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["encode", "decode", "from_environment", "page_url", "with_query"]


def encode(state: dict) -> str:
    """Encode a state dict as a query string (lists joined with commas, floats trimmed).

    Parameters
    ----------
    state : dict
        Control name -> value (str, int, float, bool, or a list/tuple of those).

    Returns
    -------
    str
        e.g. ``"lang=kk&region=AKM&years=2015,2020"``; keys in the given order,
        ``None`` values left out.

    Examples
    --------
    >>> encode({"lang": "kk", "region": "AKM", "years": (2015, 2020), "w": [0.5, 0.25], "x": None})
    'lang=kk&region=AKM&years=2015%2C2020&w=0.5%2C0.25'
    """
    def one(v):
        if isinstance(v, bool):
            return "1" if v else "0"
        if isinstance(v, float):
            return f"{v:.6g}"
        return str(v)

    pairs = []
    for k, v in state.items():
        if v is None:
            continue
        pairs.append((k, ",".join(one(x) for x in v) if isinstance(v, (list, tuple)) else one(v)))
    return urlencode(pairs)


def decode(query: str, schema: dict) -> dict:
    """Parse a query string into typed values, keeping only what the schema accepts.

    Unknown keys and values that do not parse or fail a check are dropped
    silently: a hand-edited or outdated link restores what it can and never
    raises.

    Parameters
    ----------
    query : str
        The query string, with or without a leading ``?``.
    schema : dict
        Key -> callable converting the raw string to a value, raising
        ``ValueError`` (or ``TypeError``/``KeyError``) when it is not acceptable.

    Returns
    -------
    dict

    Examples
    --------
    >>> schema = {"lang": lambda s: {"kk": "kk", "ru": "ru", "en": "en"}[s], "year": int}
    >>> decode("?lang=kk&year=20x5&evil=1", schema)
    {'lang': 'kk'}
    """
    out = {}
    for k, v in parse_qsl(query.lstrip("?"), keep_blank_values=False):
        if k in schema and k not in out:
            try:
                out[k] = schema[k](v)
            except (ValueError, TypeError, KeyError):
                continue
    return out


def from_environment() -> tuple[str, str]:
    """The query string and the page URL (without query) of the current Voilà page.

    Returns
    -------
    tuple of str
        ``(query, url)``; both empty outside Voilà (e.g. in JupyterLab or tests).

    Examples
    --------
    >>> import os
    >>> os.environ["QUERY_STRING"] = "lang=ru"
    >>> os.environ["VOILA_REQUEST_URL"] = "http://localhost:8866/voila/render/00_index.ipynb?lang=ru"
    >>> from_environment()
    ('lang=ru', 'http://localhost:8866/voila/render/00_index.ipynb')
    >>> del os.environ["QUERY_STRING"], os.environ["VOILA_REQUEST_URL"]
    """
    query = os.environ.get("QUERY_STRING", "")
    url = os.environ.get("VOILA_REQUEST_URL", "")
    if url:
        parts = urlsplit(url)
        url = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    return query, url


def page_url(base: str, state: dict) -> str:
    """A link to `base` with `state` in its query (a relative ``?...`` link when `base` is empty).

    Parameters
    ----------
    base : str
        Page URL without query, or "".
    state : dict
        As for :func:`encode`.

    Returns
    -------
    str

    Examples
    --------
    >>> page_url("http://h/voila/render/01.ipynb", {"lang": "kk", "year": 2020})
    'http://h/voila/render/01.ipynb?lang=kk&year=2020'
    >>> page_url("", {"lang": "en"})
    '?lang=en'
    """
    return f"{base}?{encode(state)}"


def with_query(href: str, **params) -> str:
    """Add or replace query parameters of a (relative) link.

    Parameters
    ----------
    href : str
    **params
        Parameters to set.

    Returns
    -------
    str

    Examples
    --------
    >>> with_query("01_cluster_potential.ipynb", lang="kk")
    '01_cluster_potential.ipynb?lang=kk'
    >>> with_query("00_index.ipynb?lang=en&x=1", lang="ru")
    '00_index.ipynb?lang=ru&x=1'
    """
    parts = urlsplit(href)
    q = dict(parse_qsl(parts.query))
    q.update({k: str(v) for k, v in params.items()})
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(q), parts.fragment))
