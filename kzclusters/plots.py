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
           "lines", "bubbles", "choropleth", "bars", "grade_colours", "grade_bars", "quadrant",
           "category_map", "gauge", "category_bars", "waterfall", "scatter_fit",
           "grouped_bars", "rank_bars"]

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
               xlabel: str = "", ax=None, top: int | None = None, highlight: str | None = None,
               decimals: int = 1):
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
    decimals : int, default 1
        Decimals of the value printed at the end of each bar.

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
        ax.text(v, y, f" {v:.{decimals}f}", va="center", fontsize=9)
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
            center: float | None = 1.0, annotate: bool = True, vmax: float | None = None):
    """A rows x columns heatmap with a diverging scale centred on `center` (LQ = 1 by default).

    Parameters
    ----------
    matrix : pandas.DataFrame
        Values; index and columns are the (translated) labels.
    title, cbar_label, source : str
        Translated texts.
    badge : str
        Source badge kind.
    center : float or None, default 1.0
        Centre of the diverging scale; None for a sequential scale from the
        minimum to the maximum (e.g. normalised scores 0..100).
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
    width = max(7.0, min(11.0, 1.6 + 0.42 * cols))
    fig, ax = _figure(width, 1.2 + 0.32 * rows, source, badge)
    vals = matrix.to_numpy(dtype="float64")
    finite = vals[np.isfinite(vals)]
    if center is None:
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        norm = matplotlib.colors.Normalize(vmin=lo, vmax=vmax or (hi if hi > lo else lo + 1.0))
        cmap = "YlGnBu"
    else:
        top = vmax or (max(center * 1.5, float(np.nanpercentile(finite, 97))) if finite.size else center * 2)
        norm, cmap = TwoSlopeNorm(vcenter=center, vmin=0.0, vmax=top), "RdBu_r"
    mesh = ax.pcolormesh(np.ma.masked_invalid(vals), cmap=cmap, norm=norm, edgecolors="white", linewidth=0.3)
    ax.set_xlim(0, cols)
    ax.set_ylim(rows, 0)
    ax.grid(False)
    ax.set_xticks(np.arange(cols) + 0.5, [str(c) for c in matrix.columns])
    ax.set_yticks(np.arange(rows) + 0.5, [str(r) for r in matrix.index])
    if annotate and rows * cols <= 500:
        for (i, j), v in np.ndenumerate(vals):
            if np.isfinite(v):
                ax.text(j + 0.5, i + 0.5, f"{v:.1f}", ha="center", va="center", fontsize=7,
                        color=("white" if norm(v) > 0.6 else "#222222") if center is None else
                        ("white" if abs(norm(v) - 0.5) > 0.35 else "#222222"))
    fig.colorbar(mesh, ax=ax, label=cbar_label, shrink=0.6)
    ax.set_title(title, loc="left")
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="x", labelrotation=90, labelsize=8)
    ax.tick_params(axis="y", labelsize=8)
    longest = max((len(str(r)) for r in matrix.index), default=4)
    tallest = max((len(str(c)) for c in matrix.columns), default=4)
    height = 1.2 + 0.32 * rows
    fig.subplots_adjust(left=min(0.45, (0.3 + 0.075 * longest) / width), right=0.98,
                        bottom=min(0.45, (0.3 + 0.075 * tallest) / height), top=0.93)
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
         badge: str = "official", highlight: str | None = None, ref: float | None = None, decimals: int = 1):
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
    decimals : int, default 1
        Decimals of the printed values.

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
    bar_shares(df, label=label, value=value, title=title, xlabel=xlabel, ax=ax, highlight=highlight,
               decimals=decimals)
    if ref is not None:
        ax.axvline(ref, color="#555555", lw=1, ls="--")
    longest = int(df[label].astype(str).str.len().max()) if len(df) else 4
    fig.subplots_adjust(left=min(0.55, 0.04 + 0.0148 * longest), right=0.97, top=1 - 0.55 / (0.3 * len(df) + 1.5),
                        bottom=0.95 / (0.3 * len(df) + 1.5))
    return fig


def grade_colours(n: int) -> list:
    """`n` colours for ordered grades, worst (light) to best (dark): a colour-blind-safe sequential scale.

    Parameters
    ----------
    n : int
        Number of grades.

    Returns
    -------
    list of str
        Hex colours, worst grade first.

    Examples
    --------
    >>> cols = grade_colours(6)
    >>> len(cols), cols[0] != cols[-1]
    (6, True)
    """
    cmap = matplotlib.colormaps["YlGnBu"]
    return [matplotlib.colors.to_hex(cmap(v)) for v in np.linspace(0.18, 0.95, max(int(n), 1))]


def grade_bars(df: pd.DataFrame, *, label: str, grades: list, title: str, xlabel: str, rank_label: str,
               stability_label: str, source: str, badge: str = "official", cuts=None):
    """Ranked bars of a composite index coloured by grade, with the uncertainty of index and rank.

    Left panel: the index (bars, coloured by grade) with its 5-95 % interval over
    the weight draws (whiskers) and the grade cut-offs (dotted lines).  Right
    panel: the rank in the base case (dot) and its 5-95 % interval (line), with
    the share of draws in which the region keeps its grade printed at the right.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per region with the display `label` and the columns of
        :func:`kzclusters.composite.weight_uncertainty`: ``index, rank, grade,
        index_p05, index_p95, rank_p05, rank_p95, grade_share``.
    label : str
        Column with the display names.
    grades : list of str
        Grade labels, worst first (sets the colours and the legend).
    title, xlabel, rank_label, stability_label, source : str
        Translated texts.
    badge : str
    cuts : sequence of float, optional
        Grade cut-offs to draw.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> d = pd.DataFrame({"l": ["a", "b"], "index": [70.0, 30.0], "rank": [1, 2], "grade": ["A", "C"],
    ...                   "index_p05": [65.0, 28.0], "index_p95": [75.0, 33.0], "rank_p05": [1.0, 1.0],
    ...                   "rank_p95": [1.0, 2.0], "grade_share": [1.0, 0.8]})
    >>> fig = grade_bars(d, label="l", grades=["C", "A"], title="T", xlabel="I", rank_label="rank",
    ...                  stability_label="kept", source="BNS", cuts=[50])
    >>> len(fig.axes[0].patches), len(fig.axes)
    (2, 2)
    >>> plt.close(fig)
    """
    _themed()
    d = df.dropna(subset=["index"]).sort_values(["rank", label])
    n = len(d)
    height = 0.32 * n + 1.9
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(9.0, height), sharey=True,
                                  gridspec_kw={"width_ratios": [3.2, 1.6], "wspace": 0.14})
    source_note(fig, source, badge)
    colours = dict(zip(grades, grade_colours(len(grades))))
    y = np.arange(n)
    ax.barh(y, d["index"], color=[colours.get(g, "#bbbbbb") for g in d["grade"]], edgecolor="#555555",
            linewidth=0.4)
    if {"index_p05", "index_p95"} <= set(d.columns):
        lo = (d["index"] - d["index_p05"]).clip(lower=0)
        hi = (d["index_p95"] - d["index"]).clip(lower=0)
        ax.errorbar(d["index"], y, xerr=[lo, hi], fmt="none", ecolor="#222222", elinewidth=1, capsize=2.5)
    for yy, (v, g) in enumerate(zip(d["index"], d["grade"])):
        ax.text(1.0, yy, f"{g}", va="center", ha="left", fontsize=8.5, fontweight="bold", color="#222222")
    for c in (cuts or []):
        ax.axvline(c, color="#777777", lw=0.8, ls=":")
    ax.set_yticks(y, d[label])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_xlim(0, max(100.0, float(d.get("index_p95", d["index"]).max()) * 1.05) if n else 100)
    ax.set_title(title, loc="left")
    handles = [matplotlib.patches.Patch(facecolor=colours[g], edgecolor="#555555", label=g) for g in grades]
    ax.legend(handles=handles, loc="lower right", fontsize=8, ncols=min(len(grades), 6), frameon=True,
              framealpha=0.9)
    if {"rank_p05", "rank_p95"} <= set(d.columns):
        ax2.hlines(y, d["rank_p05"], d["rank_p95"], color=PALETTE[0], lw=3, alpha=0.55)
    ax2.plot(d["rank"].astype(float), y, "o", color=PALETTE[3], ms=5)
    top = max(float(n), 2.0)
    ax2.set_xlim(top + 0.5, 0.5)
    ax2.set_xlabel(rank_label)
    ax2.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True, nbins=5, prune="upper"))
    if "grade_share" in d.columns:
        for yy, s in enumerate(d["grade_share"]):
            if np.isfinite(s):
                ax2.text(1.02, yy, f"{100 * s:.0f}%", transform=ax2.get_yaxis_transform(), va="center",
                         ha="left", fontsize=8.5)
        ax2.text(1.02, 1.0, stability_label, transform=ax2.transAxes, va="bottom", ha="left", fontsize=8,
                 color="#444444")
    left = min(0.42, 0.05 + 0.0125 * (int(d[label].astype(str).str.len().max()) if n else 4))
    fig.subplots_adjust(left=left, right=0.9, top=1 - 0.55 / height, bottom=1.05 / height)
    return fig


def quadrant(df: pd.DataFrame, *, x: str, y: str, label: str, title: str, xlabel: str, ylabel: str,
             x0: float, y0: float, names: dict, source: str, badge: str = "official",
             highlight=(), highlight_label: str = "", logy: bool = True):
    """Scatter of two measures split into four quadrants at (x0, y0), points named, some ringed.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per region.
    x, y, label : str
        Columns.
    title, xlabel, ylabel, source : str
        Translated texts.
    x0, y0 : float
        Where the quadrant lines cross (e.g. the medians).
    names : dict
        Translated quadrant names: ``{"poles": ..., "x_only": ..., "y_only": ..., "neither": ...}``
        (top right, bottom right, top left, bottom left).
    badge : str
    highlight : collection of str
        Labels to ring (e.g. the regions a paper named).
    highlight_label : str
        Legend text of the rings.
    logy : bool, default True
        Use a logarithmic y axis when all y are positive and span more than a
        factor of 20 (regional shares are very skewed).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> d = pd.DataFrame({"i": [70.0, 20.0, 40.0], "s": [0.4, 0.01, 0.1], "l": ["a", "b", "c"]})
    >>> fig = quadrant(d, x="i", y="s", label="l", title="T", xlabel="I", ylabel="S", x0=40, y0=0.1,
    ...                names={"poles": "P", "x_only": "X", "y_only": "Y", "neither": "N"}, source="BNS",
    ...                highlight=["a"], highlight_label="paper")
    >>> len(fig.axes[0].collections)
    2
    >>> plt.close(fig)
    """
    fig, ax = _figure(8.0, 5.8, source, badge)
    d = df.dropna(subset=[x, y])
    top = (d[x] >= x0) & (d[y] >= y0)
    colours = np.where(top, PALETTE[3], np.where(d[x] >= x0, PALETTE[0], np.where(d[y] >= y0, PALETTE[1],
                                                                                    PALETTE[7])))
    ax.scatter(d[x], d[y], s=55, c=list(colours), edgecolors="white", linewidths=0.8, zorder=3)
    hl = d[d[label].isin(list(highlight))]
    ax.scatter(hl[x], hl[y], s=260, facecolors="none", edgecolors=PALETTE[2], linewidths=2.0, zorder=4,
               label=highlight_label or None)
    ax.axvline(x0, color="#555555", lw=1, ls="--")
    ax.axhline(y0, color="#555555", lw=1, ls="--")
    positive = d[y] > 0
    if logy and positive.all() and len(d) and float(d[y].max()) / float(d[y].min()) > 20:
        ax.set_yscale("log")
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}"))
        ax.yaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.margins(x=0.12, y=0.1)
    for key, (px, py, ha, va) in {"poles": (0.98, 0.98, "right", "top"), "x_only": (0.98, 0.02, "right", "bottom"),
                                  "y_only": (0.02, 0.98, "left", "top"),
                                  "neither": (0.02, 0.02, "left", "bottom")}.items():
        ax.text(px, py, names.get(key, key), transform=ax.transAxes, ha=ha, va=va, fontsize=10,
                color="#333333", fontweight="bold", alpha=0.75)
    _repel_labels(fig, ax, d[x].to_numpy(), d[y].to_numpy(), d[label].astype(str).tolist())
    if highlight_label and len(hl):
        ax.legend(loc="center right", fontsize=8.5)
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.subplots_adjust(left=0.11, right=0.97, bottom=0.15, top=0.92)
    return fig


def _repel_labels(fig, ax, xs, ys, texts, fontsize: float = 8.0) -> None:
    """Name each point, nudging a label up or down (in 9-point steps) until it overlaps no earlier one."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    placed = []
    for i in np.argsort(-np.asarray(ys, dtype="float64"), kind="stable"):
        for step in (0, 1, -1, 2, -2, 3, -3, 4, -4):
            t = ax.annotate(texts[i], (xs[i], ys[i]), xytext=(5, 3 + 9 * step), textcoords="offset points",
                            fontsize=fontsize, path_effects=[patheffects.withStroke(linewidth=2.2,
                                                                                    foreground="white")])
            box = t.get_window_extent(renderer)
            if not any(box.overlaps(b) for b in placed) or step == -4:
                placed.append(box)
                break
            t.remove()


def category_map(shapes: dict, categories: dict, *, order: list, title: str, legend: str, source: str,
                 badge: str = "official", labels: dict | None = None, colours: list | None = None,
                 missing: str = ""):
    """Map of regions coloured by an ordered category (e.g. a letter grade); grey = no data.

    Parameters
    ----------
    shapes : dict
        Region code -> list of (n, 2) lon/lat rings (:func:`kzclusters.data.boundaries`).
    categories : dict
        Region code -> category (one of `order`).
    order : list of str
        Categories, worst first (sets colours and legend order).
    title, legend, source : str
        Translated texts.
    badge : str
    labels : dict, optional
        Region code -> short label printed with its category.
    colours : list of str, optional
        One colour per category (default :func:`grade_colours`).
    missing : str
        Legend text for regions without a category (omitted when empty).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> sq = [np.array([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], dtype=float)]
    >>> fig = category_map({"A": sq, "B": [sq[0] + [1, 0]]}, {"A": "high"}, order=["low", "high"],
    ...                    title="T", legend="Grade", source="BNS")
    >>> len(fig.axes[0].collections), len(fig.axes[0].get_legend().get_texts())
    (1, 2)
    >>> plt.close(fig)
    """
    fig, ax = _figure(8.0, 4.8, source, badge)
    colours = colours or grade_colours(len(order))
    lookup = dict(zip(order, colours))
    polys, faces = [], []
    for code, rings in shapes.items():
        for ring in rings:
            polys.append(ring)
            faces.append(lookup.get(categories.get(code), "#dddddd"))
    ax.add_collection(PolyCollection(polys, facecolors=faces, edgecolors="white", linewidths=0.6))
    ax.autoscale_view()
    ax.set_aspect(1.45)
    ax.axis("off")
    for code in (labels or {}):
        if code in shapes and categories.get(code) is not None:
            big = max(shapes[code], key=len)
            ax.text(big[:, 0].mean(), big[:, 1].mean(), f"{labels[code]}\n{categories[code]}", fontsize=6.5,
                    ha="center", va="center",
                    path_effects=[patheffects.withStroke(linewidth=2.2, foreground="white")])
    handles = [matplotlib.patches.Patch(facecolor=lookup[c], edgecolor="#777777", label=c) for c in order]
    if missing:
        handles.append(matplotlib.patches.Patch(facecolor="#dddddd", edgecolor="#777777", label=missing))
    ax.legend(handles=handles, title=legend, loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8.5,
              frameon=False)
    ax.set_title(title, loc="left")
    fig.subplots_adjust(left=0.01, right=0.84, bottom=0.06, top=0.92)
    return fig


def gauge(value: float, *, bands: list, band_labels: list, title: str, xlabel: str, source: str,
          badge: str = "paper", marks: dict | None = None, lo: float = 0.0, hi: float | None = None):
    """A horizontal gauge: coloured bands (e.g. low / medium / high) and a marker at `value`.

    Parameters
    ----------
    value : float
        The value to mark.
    bands : list of float
        Inner band edges, increasing (two edges make three bands).
    band_labels : list of str
        One translated label per band (``len(bands) + 1``).
    title, xlabel, source : str
        Translated texts.
    badge : str
    marks : dict, optional
        Extra labelled markers: translated label -> value (e.g. the printed value).
    lo, hi : float
        Ends of the scale (`hi` defaults to 1.5 times the last edge or the value).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = gauge(0.08, bands=[0.3, 0.6], band_labels=["low", "medium", "high"], title="P", xlabel="P",
    ...             source="paper", marks={"printed": 0.08})
    >>> len(fig.axes[0].patches)
    3
    >>> plt.close(fig)
    """
    fig, ax = _figure(8.0, 2.4, source, badge)
    edges = [float(b) for b in bands]
    top = hi if hi is not None else max(edges[-1] * 1.5 if edges else 1.0, float(value) * 1.1)
    cuts = [lo, *edges, top]
    colours = grade_colours(len(cuts) - 1)
    for i in range(len(cuts) - 1):
        ax.barh(0, cuts[i + 1] - cuts[i], left=cuts[i], height=0.6, color=colours[i], edgecolor="white")
        ax.text((cuts[i] + cuts[i + 1]) / 2, 0.42, band_labels[i], ha="center", va="bottom", fontsize=9)
    ax.plot([value, value], [-0.38, 0.38], color=PALETTE[3], lw=3)
    ax.text(value, -0.45, f"{value:.4g}", ha="center", va="top", fontsize=10, fontweight="bold", color=PALETTE[3])
    for i, (name, v) in enumerate((marks or {}).items()):
        ax.plot([v], [0.0], marker="v", color="#222222", ms=8)
        ax.annotate(f"{name}: {v:.4g}", (v, 0.0), xytext=(8, -14 - 10 * i), textcoords="offset points", fontsize=8)
    ax.set_ylim(-0.9, 0.8)
    ax.set_xlim(lo, top)
    ax.set_yticks([])
    ax.grid(False)
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left")
    fig.subplots_adjust(left=0.04, right=0.97, bottom=0.32, top=0.85)
    return fig


def category_bars(df: pd.DataFrame, *, label: str, value: str, category: str, order: list, title: str,
                  xlabel: str, source: str, badge: str = "official", cuts=None, legend: str = "",
                  decimals: int = 2):
    """Horizontal bars, largest first, coloured by an ordered category (e.g. low / medium / high).

    Parameters
    ----------
    df : pandas.DataFrame
        One row per bar.
    label, value, category : str
        Columns: display name, bar length, category (one of `order`).
    order : list of str
        Categories, worst first (colours and legend order).
    title, xlabel, source : str
        Translated texts.
    badge : str
    cuts : sequence of float, optional
        Thresholds drawn as dotted lines.
    legend : str
        Legend title.
    decimals : int, default 2
        Decimals of the printed values.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> d = pd.DataFrame({"l": ["a", "b"], "v": [0.8, 0.2], "c": ["high", "low"]})
    >>> fig = category_bars(d, label="l", value="v", category="c", order=["low", "high"], title="T",
    ...                     xlabel="TII", source="paper", cuts=[0.4])
    >>> len(fig.axes[0].patches)
    2
    >>> plt.close(fig)
    """
    d = df.dropna(subset=[value]).sort_values(value, ascending=False)
    height = 0.3 * len(d) + 1.6
    fig, ax = _figure(7.5, height, source, badge)
    lookup = dict(zip(order, grade_colours(len(order))))
    y = np.arange(len(d))
    ax.barh(y, d[value], color=[lookup.get(c, "#bbbbbb") for c in d[category]], edgecolor="#555555",
            linewidth=0.4)
    for yy, v in zip(y, d[value]):
        ax.text(v, yy, f" {v:.{decimals}f}", va="center", fontsize=9)
    for c in (cuts or []):
        ax.axvline(c, color="#555555", lw=0.9, ls=":")
    ax.set_yticks(y, d[label])
    ax.invert_yaxis()
    ax.margins(x=0.15)
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left")
    handles = [matplotlib.patches.Patch(facecolor=lookup[c], edgecolor="#555555", label=c) for c in order]
    ax.legend(handles=handles, title=legend or None, loc="lower right", fontsize=8)
    longest = int(d[label].astype(str).str.len().max()) if len(d) else 4
    fig.subplots_adjust(left=min(0.5, 0.04 + 0.0148 * longest), right=0.97, top=1 - 0.55 / height,
                        bottom=0.95 / height)
    return fig


def waterfall(steps: list, *, total_label: str, title: str, ylabel: str, source: str, badge: str = "official",
              ref: tuple | None = None, decimals: int = 2):
    """Waterfall of additive components ending in their total (e.g. a shift-share decomposition).

    Parameters
    ----------
    steps : list of (str, float)
        Translated component names and values, in order.
    total_label : str
        Name of the final bar (the sum of the steps).
    title, ylabel, source : str
        Translated texts.
    badge : str
    ref : (str, float), optional
        A labelled reference line (e.g. a figure quoted by a paper).
    decimals : int, default 2

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = waterfall([("within", 2.0), ("static", -0.5), ("dynamic", 0.1)], total_label="total", title="T",
    ...                 ylabel="pp", source="BNS", ref=("paper", -0.64))
    >>> len(fig.axes[0].patches)
    4
    >>> plt.close(fig)
    """
    fig, ax = _figure(7.5, 4.6, source, badge)
    names = [n for n, _ in steps] + [total_label]
    vals = [float(v) for _, v in steps]
    total = float(np.nansum(vals))
    bottoms, run = [], 0.0
    for v in vals:
        bottoms.append(run if v >= 0 else run + v)
        run += v
    heights = [abs(v) for v in vals] + [abs(total)]
    bottoms.append(min(0.0, total))
    colours = [PALETTE[2] if v >= 0 else PALETTE[3] for v in vals] + [PALETTE[0]]
    x = np.arange(len(names))
    ax.bar(x, heights, bottom=bottoms, color=colours, edgecolor="#555555", linewidth=0.4)
    for xi, v, b, hgt in zip(x, [*vals, total], bottoms, heights):
        ax.text(xi, b + hgt, f"{v:+.{decimals}f}", ha="center", va="bottom", fontsize=9)
    ax.axhline(0, color="#333333", lw=0.8)
    if ref is not None:
        ax.axhline(ref[1], color=PALETTE[4], lw=1.2, ls="--")
        ax.text(len(names) - 0.5, ref[1], f" {ref[0]}: {ref[1]:+g}", va="bottom", ha="right", fontsize=8.5,
                color=PALETTE[4])
    ax.set_xticks(x, names)
    ax.tick_params(axis="x", labelsize=9)
    ax.set_ylabel(ylabel)
    ax.set_title(title, loc="left")
    ax.margins(y=0.15)
    fig.subplots_adjust(left=0.12, right=0.97, bottom=0.2, top=0.9)
    return fig


def scatter_fit(df: pd.DataFrame, *, x: str, y: str, label: str, intercept: float, slope: float, title: str,
                xlabel: str, ylabel: str, source: str, badge: str = "official", fit_label: str = ""):
    """Named points with a fitted straight line (e.g. beta-convergence: growth against the initial level).

    Parameters
    ----------
    df : pandas.DataFrame
    x, y, label : str
        Columns.
    intercept, slope : float
        The fitted line :math:`y = a + b x` (estimated elsewhere).
    title, xlabel, ylabel, source : str
        Translated texts.
    badge : str
    fit_label : str
        Legend text of the line.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> d = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [3.0, 2.0, 1.2], "l": ["p", "q", "r"]})
    >>> fig = scatter_fit(d, x="a", y="b", label="l", intercept=3.9, slope=-0.9, title="T", xlabel="x",
    ...                   ylabel="y", source="BNS", fit_label="OLS")
    >>> len(fig.axes[0].lines)          # the fitted line and the zero line
    2
    >>> plt.close(fig)
    """
    fig, ax = _figure(8.0, 5.4, source, badge)
    d = df.dropna(subset=[x, y])
    ax.scatter(d[x], d[y], s=45, color=PALETTE[0], edgecolors="white", linewidths=0.8, zorder=3)
    if len(d):
        xs = np.linspace(float(d[x].min()), float(d[x].max()), 50)
        ax.plot(xs, intercept + slope * xs, color=PALETTE[3], lw=1.6, label=fit_label or None)
    ax.margins(x=0.1, y=0.12)
    _repel_labels(fig, ax, d[x].to_numpy(), d[y].to_numpy(), d[label].astype(str).tolist())
    if fit_label:
        ax.legend(loc="best", fontsize=8.5)
    ax.axhline(0, color="#999999", lw=0.8)
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.subplots_adjust(left=0.11, right=0.97, bottom=0.15, top=0.92)
    return fig


def grouped_bars(df: pd.DataFrame, *, label: str, series: list, names: dict, title: str, xlabel: str,
                 source: str, badge: str = "official"):
    """Horizontal grouped bars: several series per label (e.g. expert, objective and blended weights).

    Parameters
    ----------
    df : pandas.DataFrame
        One row per label.
    label : str
        Column with the display names.
    series : list of str
        Columns to draw side by side.
    names : dict
        Column -> translated legend text.
    title, xlabel, source : str
        Translated texts.
    badge : str

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> d = pd.DataFrame({"l": ["a", "b"], "x": [0.6, 0.4], "y": [0.5, 0.5]})
    >>> fig = grouped_bars(d, label="l", series=["x", "y"], names={"x": "X", "y": "Y"}, title="T", xlabel="w",
    ...                    source="BNS")
    >>> len(fig.axes[0].patches)
    4
    >>> plt.close(fig)
    """
    n, k = len(df), len(series)
    height = 0.22 * n * k + 1.8
    fig, ax = _figure(7.5, height, source, badge)
    y = np.arange(n)
    bar = 0.8 / max(k, 1)
    for i, col in enumerate(series):
        ax.barh(y + (i - (k - 1) / 2) * bar, df[col], height=bar, color=PALETTE[i % len(PALETTE)],
                label=names.get(col, col))
    ax.set_yticks(y, df[label])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left")
    ax.legend(loc="lower right", fontsize=8.5)
    longest = int(df[label].astype(str).str.len().max()) if n else 4
    fig.subplots_adjust(left=min(0.5, 0.04 + 0.0148 * longest), right=0.97, top=1 - 0.55 / height,
                        bottom=0.95 / height)
    return fig


def rank_bars(df: pd.DataFrame, *, label: str, score: str, title: str, xlabel: str, rank_label: str,
              source: str, badge: str = "official", decimals: int = 3):
    """Scores as ranked bars with the rank and its 5-95 % interval beside each bar.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per alternative: `label`, `score`, ``rank`` and optionally ``rank_p05, rank_p95``.
    label, score : str
        Columns.
    title, xlabel, rank_label, source : str
        Translated texts.
    badge : str
    decimals : int, default 3

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> d = pd.DataFrame({"l": ["a", "b"], "s": [0.7, 0.4], "rank": [1, 2], "rank_p05": [1.0, 1.0],
    ...                   "rank_p95": [2.0, 2.0]})
    >>> fig = rank_bars(d, label="l", score="s", title="T", xlabel="score", rank_label="rank", source="BNS")
    >>> len(fig.axes), len(fig.axes[0].patches)
    (2, 2)
    >>> plt.close(fig)
    """
    _themed()
    d = df.dropna(subset=[score]).sort_values("rank")
    n = len(d)
    height = 0.34 * n + 1.9
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(8.5, height), sharey=True,
                                  gridspec_kw={"width_ratios": [3.0, 1.4], "wspace": 0.14})
    source_note(fig, source, badge)
    y = np.arange(n)
    ax.barh(y, d[score], color=PALETTE[0])
    for yy, v in zip(y, d[score]):
        ax.text(v, yy, f" {v:.{decimals}f}", va="center", fontsize=9)
    ax.set_yticks(y, d[label])
    ax.invert_yaxis()
    ax.margins(x=0.15)
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left")
    if {"rank_p05", "rank_p95"} <= set(d.columns):
        ax2.hlines(y, d["rank_p05"], d["rank_p95"], color=PALETTE[0], lw=3, alpha=0.55)
    ax2.plot(d["rank"].astype(float), y, "o", color=PALETTE[3], ms=6)
    ax2.set_xlim(max(float(n), 2.0) + 0.5, 0.5)
    ax2.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True, prune="upper"))
    ax2.set_xlabel(rank_label)
    longest = int(d[label].astype(str).str.len().max()) if n else 4
    fig.subplots_adjust(left=min(0.45, 0.05 + 0.0125 * longest), right=0.97, top=1 - 0.55 / height,
                        bottom=1.05 / height)
    return fig
