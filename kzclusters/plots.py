"""Charts. The only module that imports matplotlib and seaborn.

Every function takes tidy data and an optional ``ax``, and returns the
``matplotlib.axes.Axes`` it drew on (as PySAL's ``pen`` does).  Text comes in
already translated: this module does no i18n of its own.
"""

from __future__ import annotations

import io

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

__all__ = ["theme", "PALETTE", "bar_shares", "source_note", "to_png", "to_svg", "structure_figure"]

#: One palette for the whole workbook (colour-blind safe, readable on a projector).
PALETTE = sns.color_palette("colorblind")
BADGE_COLOURS = {"official": "#1b6e3a", "paper": "#1f4e8c", "synthetic": "#b3261e", "upload": "#7a4b00"}


def theme() -> None:
    """Apply the workbook's matplotlib/seaborn theme (large fonts, white grid).

    Examples
    --------
    >>> theme()
    >>> import matplotlib
    >>> matplotlib.rcParams["axes.titlesize"] >= 13
    True
    """
    sns.set_theme(style="whitegrid", palette=PALETTE, font_scale=1.05,
                  rc={"axes.titlesize": 13, "axes.titleweight": "bold", "figure.dpi": 100,
                      "savefig.dpi": 150, "axes.spines.right": False, "axes.spines.top": False})


_THEMED = []


def _themed() -> None:
    """Apply :func:`theme` once per process (it resets global rcParams, which costs time)."""
    if not _THEMED:
        theme()
        _THEMED.append(True)


def source_note(fig, text: str, badge: str = "official") -> None:
    """Write a source line with a coloured badge at the bottom of a figure.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    text : str
        Already translated source text.
    badge : {"official", "paper", "synthetic", "upload"}
        Where the numbers come from; sets the colour.

    Returns
    -------
    None

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig = plt.figure()
    >>> source_note(fig, "Source: BNS", "official")
    >>> fig.texts[0].get_text()
    'Source: BNS'
    >>> plt.close(fig)
    """
    fig.text(0.01, 0.005, text, fontsize=8.5, color="white", ha="left", va="bottom",
             bbox=dict(boxstyle="round,pad=0.3", fc=BADGE_COLOURS.get(badge, "#444444"), ec="none"))


def bar_shares(df: pd.DataFrame, *, label: str = "label", value: str = "share", title: str = "",
               xlabel: str = "", ax=None, top: int | None = None, highlight: str | None = None):
    """Horizontal bar chart of shares, largest first.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per bar with a display `label` and a numeric `value`.
    label, value : str
        Column names.
    title, xlabel : str
        Translated texts.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is made when omitted.
    top : int, optional
        Show only the largest `top` bars.
    highlight : str, optional
        Label of a bar to draw in the accent colour.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> toy = pd.DataFrame({"label": ["Mining", "Trade"], "share": [40.0, 20.0]})
    >>> ax = bar_shares(toy, title="Structure")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Mining', 'Trade']
    """
    data = df.sort_values(value, ascending=False)
    if top:
        data = data.head(top)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, max(2.5, 0.34 * len(data) + 1.2)))
    colours = [PALETTE[3] if highlight is not None and lab == highlight else PALETTE[0]
               for lab in data[label]]
    ax.barh(data[label], data[value], color=colours)
    ax.invert_yaxis()
    for y, v in enumerate(data[value]):
        ax.text(v, y, f" {v:.1f}", va="center", fontsize=9)
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    ax.margins(x=0.12)
    return ax


def to_png(fig, *, close: bool = True, dpi: int = 110) -> bytes:
    """Render a figure to PNG bytes (and close it, to free memory in long sessions).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    close : bool, default True
    dpi : int, default 110

    Returns
    -------
    bytes

    Examples
    --------
    >>> to_png(plt.figure(figsize=(1, 1)))[:4]
    b'\\x89PNG'
    """
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    if close:
        plt.close(fig)
    return buf.getvalue()


def to_svg(fig, *, close: bool = True) -> bytes:
    """Render a figure to SVG bytes (text kept as text, so it stays editable).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    close : bool, default True

    Returns
    -------
    bytes

    Examples
    --------
    >>> b"<svg" in to_svg(plt.figure(figsize=(1, 1)))
    True
    """
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig.savefig(buf, format="svg")
    if close:
        plt.close(fig)
    return buf.getvalue()


def structure_figure(view: pd.DataFrame, *, label: str, value: str, title: str, xlabel: str, source: str,
                     badge: str = "official"):
    """A figure with the shares of the parts of a whole as horizontal bars, and a source badge.

    Parameters
    ----------
    view : pandas.DataFrame
        One row per part.
    label, value : str
        Columns with the display label and the share.
    title, xlabel, source : str
        Translated texts.
    badge : {"official", "paper", "synthetic", "upload"}

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = structure_figure(pd.DataFrame({"l": ["A", "B"], "s": [60.0, 40.0]}), label="l", value="s",
    ...                        title="T", xlabel="%", source="BNS")
    >>> len(fig.axes[0].patches)
    2
    >>> plt.close(fig)
    """
    _themed()
    height = 0.3 * len(view) + 1.5
    fig, ax = plt.subplots(figsize=(7.5, height))
    bar_shares(view, label=label, value=value, title=title, xlabel=xlabel, ax=ax)
    source_note(fig, source, badge)
    # fixed margins sized from the longest label: tight_layout would lay the text out twice
    longest = int(view[label].astype(str).str.len().max()) if len(view) else 4
    fig.subplots_adjust(left=min(0.55, 0.04 + 0.0148 * longest), right=0.97,
                        top=1 - (0.55 if title else 0.2) / height, bottom=0.95 / height)
    return fig
