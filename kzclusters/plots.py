"""Charts. The only module that imports matplotlib (and the only one allowed to import seaborn).

seaborn is not imported at run time: it pulls in scipy.stats, which cost about
2 s of every page's start-up (bench/results/latest.md); its "whitegrid" look and
"colorblind" palette are reproduced with plain matplotlib settings.

Every function takes tidy data and an optional ``ax``, and returns the
``matplotlib.axes.Axes`` it drew on (as PySAL's ``pen`` does).  Text comes in
already translated: this module does no i18n of its own.
"""

from __future__ import annotations

import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.collections import PolyCollection
from matplotlib.colors import TwoSlopeNorm

__all__ = ["theme", "PALETTE", "bar_shares", "source_note", "to_png", "to_svg", "structure_figure", "heatmap",
           "lines", "bubbles", "choropleth", "bars"]

#: One palette for the whole workbook (colour-blind safe, readable on a projector).
PALETTE = ["#0173b2", "#de8f05", "#029e73", "#d55e00", "#cc78bc", "#ca9161", "#fbafe4", "#949494", "#ece133",
           "#56b4e9"]   # seaborn's "colorblind" palette
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
    matplotlib.rcParams.update({
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE), "axes.facecolor": "white",
        "axes.edgecolor": "#cccccc", "axes.grid": True, "grid.color": "#e5e5e5", "axes.axisbelow": True,
        "font.size": 11, "axes.titlesize": 13, "axes.titleweight": "bold", "axes.labelsize": 11,
        "xtick.labelsize": 10, "ytick.labelsize": 10, "figure.dpi": 100, "savefig.dpi": 150,
        "axes.spines.right": False, "axes.spines.top": False, "xtick.bottom": False, "ytick.left": False})


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


def _figure(width: float, height: float, source: str, badge: str):
    _themed()
    fig, ax = plt.subplots(figsize=(width, height))
    source_note(fig, source, badge)
    return fig, ax


def heatmap(matrix: pd.DataFrame, *, title: str, cbar_label: str, source: str, badge: str = "official",
            center: float = 1.0, annotate: bool = True, vmax: float | None = None):
    """A rows x columns heatmap with a diverging scale centred on `center` (LQ = 1 by default).

    Parameters
    ----------
    matrix : pandas.DataFrame
        Values; index and columns are the (translated) labels.
    title, cbar_label, source : str
        Translated texts.
    badge : str
        Source badge kind.
    center : float, default 1.0
    annotate : bool, default True
        Print values in the cells.
    vmax : float, optional
        Upper end of the colour scale (a robust maximum by default).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> m = pd.DataFrame([[0.5, 2.0], [1.0, 1.5]], index=["A", "B"], columns=["x", "y"])
    >>> fig = heatmap(m, title="LQ", cbar_label="LQ", source="BNS")
    >>> len(fig.axes)   # the map and its colour bar
    2
    >>> plt.close(fig)
    """
    rows, cols = matrix.shape
    fig, ax = _figure(min(11.0, 1.6 + 0.42 * cols), 1.2 + 0.32 * rows, source, badge)
    vals = matrix.to_numpy(dtype="float64")
    finite = vals[np.isfinite(vals)]
    top = vmax or (max(center * 1.5, float(np.nanpercentile(finite, 97))) if finite.size else center * 2)
    norm = TwoSlopeNorm(vcenter=center, vmin=0.0, vmax=top)
    mesh = ax.pcolormesh(np.ma.masked_invalid(vals), cmap="RdBu_r", norm=norm, edgecolors="white", linewidth=0.3)
    ax.set_xlim(0, cols)
    ax.set_ylim(rows, 0)
    ax.grid(False)
    ax.set_xticks(np.arange(cols) + 0.5, [str(c) for c in matrix.columns])
    ax.set_yticks(np.arange(rows) + 0.5, [str(r) for r in matrix.index])
    if annotate and rows * cols <= 500:
        for (i, j), v in np.ndenumerate(vals):
            if np.isfinite(v):
                ax.text(j + 0.5, i + 0.5, f"{v:.1f}", ha="center", va="center", fontsize=7,
                        color="white" if abs(norm(v) - 0.5) > 0.35 else "#222222")
    fig.colorbar(mesh, ax=ax, label=cbar_label, shrink=0.6)
    ax.set_title(title, loc="left")
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="x", labelrotation=90, labelsize=8)
    ax.tick_params(axis="y", labelsize=8)
    fig.subplots_adjust(left=0.2, right=0.98, bottom=0.28, top=0.93)
    return fig


def lines(df: pd.DataFrame, *, x: str, y: str, hue: str, title: str, ylabel: str, source: str,
          badge: str = "official", hline: float | None = None):
    """Line chart of several series over time, labelled at their right end.

    Parameters
    ----------
    df : pandas.DataFrame
        Long: one row per (hue, x).
    x, y, hue : str
        Columns.
    title, ylabel, source : str
        Translated texts.
    badge : str
    hline : float, optional
        A reference line (e.g. LQ = 1).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> d = pd.DataFrame({"year": [1, 2, 1, 2], "v": [1.0, 2.0, 2.0, 1.0], "s": ["a", "a", "b", "b"]})
    >>> fig = lines(d, x="year", y="v", hue="s", title="T", ylabel="LQ", source="BNS", hline=1)
    >>> len(fig.axes[0].lines)
    3
    >>> plt.close(fig)
    """
    fig, ax = _figure(8.0, 4.6, source, badge)
    for i, (name, g) in enumerate(df.sort_values(x).groupby(hue, sort=False)):
        colour = PALETTE[i % len(PALETTE)]
        ax.plot(g[x], g[y], marker="o", markersize=3, color=colour, label=str(name))
        last = g.dropna(subset=[y]).tail(1)
        if len(last):
            ax.annotate(str(name), (last[x].iloc[0], last[y].iloc[0]), xytext=(4, 0), textcoords="offset points",
                        fontsize=8, color=colour, va="center")
    if hline is not None:
        ax.axhline(hline, color="#555555", lw=1, ls="--")
    ax.set_title(title, loc="left")
    ax.set_ylabel(ylabel)
    ax.set_xlabel("")
    ax.margins(x=0.12)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    fig.subplots_adjust(left=0.1, right=0.97, bottom=0.16, top=0.9)
    return fig


def bubbles(df: pd.DataFrame, *, x: str, y: str, size: str, label: str, title: str, xlabel: str, ylabel: str,
            quadrants: dict, source: str, badge: str = "official", x0: float = 1.0, y0: float = 0.0):
    """Portfolio bubble chart: x against y, bubble area by size, quadrant names in the corners.

    Parameters
    ----------
    df : pandas.DataFrame
    x, y, size, label : str
        Columns.
    title, xlabel, ylabel, source : str
        Translated texts.
    quadrants : dict
        ``{"star": ..., "mature": ..., "emerging": ..., "transforming": ...}`` translated names
        (top right, bottom right, top left, bottom left).
    badge : str
    x0, y0 : float
        Where the quadrant lines cross.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> d = pd.DataFrame({"lq": [0.5, 2.0], "g": [3.0, -1.0], "s": [10.0, 40.0], "l": ["a", "b"]})
    >>> fig = bubbles(d, x="lq", y="g", size="s", label="l", title="T", xlabel="LQ", ylabel="%",
    ...               quadrants={"star": "S", "mature": "M", "emerging": "E", "transforming": "T"}, source="BNS")
    >>> len(fig.axes[0].collections)
    1
    >>> plt.close(fig)
    """
    fig, ax = _figure(8.0, 5.6, source, badge)
    d = df.dropna(subset=[x, y, size])
    area = 2000 * d[size] / d[size].max() if len(d) and d[size].max() > 0 else 20
    colours = [(PALETTE[2] if b >= y0 else PALETTE[1]) if a >= x0 else (PALETTE[0] if b >= y0 else PALETTE[7])
               for a, b in zip(d[x], d[y])]
    ax.scatter(d[x], d[y], s=area, c=colours, alpha=0.6, edgecolors="white", linewidths=0.8)
    for _, r in d.iterrows():
        ax.annotate(str(r[label]), (r[x], r[y]), fontsize=7.5, ha="center", va="center")
    ax.axvline(x0, color="#555555", lw=1, ls="--")
    ax.axhline(y0, color="#555555", lw=1, ls="--")
    ax.set_xscale("log")
    ax.xaxis.set_major_locator(matplotlib.ticker.FixedLocator([0.1, 0.25, 0.5, 1, 2, 4, 8, 16]))
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}"))
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    if len(d):
        lo, hi = min(float(d[y].min()), y0), max(float(d[y].max()), y0)
        pad = 0.15 * (hi - lo or 1.0)
        ax.set_ylim(lo - pad, hi + pad)
        xl, xh = min(float(d[x].min()), x0), max(float(d[x].max()), x0)
        ax.set_xlim(xl / 1.4, xh * 1.4)
    for key, (px, py, ha, va) in {"star": (0.98, 0.98, "right", "top"), "mature": (0.98, 0.02, "right", "bottom"),
                                  "emerging": (0.02, 0.98, "left", "top"),
                                  "transforming": (0.02, 0.02, "left", "bottom")}.items():
        ax.text(px, py, quadrants.get(key, key), transform=ax.transAxes, ha=ha, va=va, fontsize=10,
                color="#333333", fontweight="bold", alpha=0.7)
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.subplots_adjust(left=0.1, right=0.97, bottom=0.15, top=0.92)
    return fig


def choropleth(shapes: dict, values: dict, *, title: str, legend: str, source: str, badge: str = "official",
               center: float | None = 1.0, labels: dict | None = None):
    """Map of regions coloured by a value (diverging around `center`, e.g. LQ = 1; grey = no data).

    Parameters
    ----------
    shapes : dict
        Region code -> list of (n, 2) lon/lat rings (:func:`kzclusters.data.boundaries`).
    values : dict
        Region code -> value.
    title, legend, source : str
        Translated texts.
    badge : str
    center : float or None
        Centre of a diverging scale; None for a sequential scale.
    labels : dict, optional
        Region code -> short label printed at the region's centre.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> sq = [np.array([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], dtype=float)]
    >>> fig = choropleth({"A": sq, "B": [sq[0] + [1, 0]]}, {"A": 2.0}, title="T", legend="LQ", source="BNS")
    >>> len(fig.axes[0].collections)
    1
    >>> plt.close(fig)
    """
    fig, ax = _figure(8.0, 4.8, source, badge)
    codes = list(shapes)
    polys, vals = [], []
    for code in codes:
        for ring in shapes[code]:
            polys.append(ring)
            vals.append(values.get(code, np.nan))
    vals = np.asarray(vals, dtype="float64")
    finite = vals[np.isfinite(vals)]
    if center is not None and finite.size:
        top = max(center * 1.5, float(finite.max()))
        norm, cmap = TwoSlopeNorm(vcenter=center, vmin=min(0.0, float(finite.min())), vmax=top), "RdBu_r"
    else:
        norm, cmap = matplotlib.colors.Normalize(*(finite.min(), finite.max()) if finite.size else (0, 1)), "Blues"
    cmap = matplotlib.colormaps[cmap].with_extremes(bad="#dddddd")
    coll = PolyCollection(polys, array=np.ma.masked_invalid(vals), cmap=cmap, norm=norm, edgecolors="white",
                          linewidths=0.6)
    ax.add_collection(coll)
    ax.autoscale_view()
    ax.set_aspect(1.45)
    ax.axis("off")
    fig.colorbar(coll, ax=ax, label=legend, shrink=0.6)
    for code in (labels or {}):
        if code in shapes and code in values and np.isfinite(values[code]):
            big = max(shapes[code], key=len)
            cx, cy = big[:, 0].mean(), big[:, 1].mean()
            ax.text(cx, cy, f"{labels[code]}\n{values[code]:.2f}", fontsize=6.5, ha="center", va="center",
                    path_effects=[patheffects.withStroke(linewidth=2.2, foreground="white")])
    ax.set_title(title, loc="left")
    fig.subplots_adjust(left=0.01, right=0.95, bottom=0.06, top=0.92)
    return fig


def bars(df: pd.DataFrame, *, label: str, value: str, title: str, xlabel: str, source: str,
         badge: str = "official", highlight: str | None = None, ref: float | None = None):
    """Ranked horizontal bars with a source badge (e.g. Krugman index by region).

    Parameters
    ----------
    df : pandas.DataFrame
    label, value : str
    title, xlabel, source : str
    badge : str
    highlight : str, optional
        Label to draw in the accent colour.
    ref : float, optional
        A reference line.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = bars(pd.DataFrame({"l": ["a", "b"], "v": [1.0, 2.0]}), label="l", value="v", title="T",
    ...            xlabel="K", source="BNS")
    >>> len(fig.axes[0].patches)
    2
    >>> plt.close(fig)
    """
    fig, ax = _figure(7.5, 0.3 * len(df) + 1.5, source, badge)
    bar_shares(df, label=label, value=value, title=title, xlabel=xlabel, ax=ax, highlight=highlight)
    if ref is not None:
        ax.axvline(ref, color="#555555", lw=1, ls="--")
    longest = int(df[label].astype(str).str.len().max()) if len(df) else 4
    fig.subplots_adjust(left=min(0.55, 0.04 + 0.0148 * longest), right=0.97, top=1 - 0.55 / (0.3 * len(df) + 1.5),
                        bottom=0.95 / (0.3 * len(df) + 1.5))
    return fig
