"""Structure of an aggregate: each component's share of the total.

Used for the structure of gross regional product by OKED section (BNS 5927) and
for any other "parts of a whole" table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["shares", "aggregate", "GRP_COMPONENTS"]

#: Components whose sum is GRP in the BNS production approach:
#: sections A-T (I, K, M-S lumped in OTHER_SERVICES until 2013) + net taxes - FISIM.
GRP_COMPONENTS: tuple[str, ...] = (*"ABCDEFGHIJKLMNOPQRST", "OTHER_SERVICES", "NET_TAXES", "FISIM")


def shares(df: pd.DataFrame, *, total: str = "GDP", components=GRP_COMPONENTS,
           negative: tuple[str, ...] = ("FISIM",), value: str = "value") -> pd.DataFrame:
    r"""Share of each component in the total, per region and year, in percent.

    .. math:: s_{r,i,t} = 100 \cdot \frac{x_{r,i,t}}{X_{r,t}}

    where :math:`X_{r,t}` is the row with sector `total` (GRP) of region *r* in
    year *t*.  Components listed in `negative` enter with a minus sign (FISIM is
    subtracted from GRP), so the shares of a region-year sum to 100 when the
    components add up to the total.

    Parameters
    ----------
    df : pandas.DataFrame
        Long table ``region, sector, year, value`` holding the components and the
        total (e.g. ``kzclusters.data.load("grp_gva")``).
    total : str or None, default "GDP"
        Sector code of the total.  When `df` has no row for it (or it is None),
        the denominator is the (signed) sum of the parts.
    components : sequence of str or None
        Sector codes of the parts; None takes every sector except `total`.
    negative : tuple of str
        Components subtracted from the total.
    value : str
        The measure column.

    Returns
    -------
    pandas.DataFrame
        ``region, sector, year, value, share`` for the components (a new frame;
        the input is not modified).  ``share`` is NaN where the total is zero or
        missing.

    Examples
    --------
    >>> toy = pd.DataFrame({"region": "AKM", "year": 2020,
    ...                     "sector": ["A", "C", "NET_TAXES", "GDP"], "value": [30.0, 60, 10, 100]})
    >>> shares(toy)[["sector", "share"]].values.tolist()
    [['A', 30.0], ['C', 60.0], ['NET_TAXES', 10.0]]
    >>> shares(toy[toy.sector != "GDP"], components=None)["share"].tolist()   # no total: sum of parts
    [30.0, 60.0, 10.0]
    """
    keys = [c for c in df.columns if c not in ("sector", value)]
    part = df[df["sector"].isin(components)] if components is not None else df[df["sector"] != total]
    if total is not None and (df["sector"] == total).any():
        tot = df.loc[df["sector"] == total, [*keys, value]].rename(columns={value: "_total"})
    else:  # no total row: shares of the sum of the parts
        signed_parts = part[value].where(~part["sector"].isin(negative), -part[value])
        tot = part.assign(_total=signed_parts).groupby(keys, as_index=False)["_total"].sum(min_count=1)
    out = part.merge(tot, on=keys, how="left")
    signed = np.where(out["sector"].isin(negative), -out[value], out[value])
    with np.errstate(divide="ignore", invalid="ignore"):
        share = 100.0 * signed / out["_total"].where(out["_total"] != 0)
    out = out.drop(columns="_total").assign(share=share)
    return out.reset_index(drop=True)


def aggregate(df: pd.DataFrame, groups: dict, *, value: str = "value") -> pd.DataFrame:
    """Sum member sectors into groups (e.g. OKED divisions into the groupings a paper uses).

    Parameters
    ----------
    df : pandas.DataFrame
        Long table ``region, sector, year, value``.
    groups : dict
        Group code -> iterable of member sector codes (``data/sectors.csv``
        column ``members``).  A member may belong to one group only.
    value : str

    Returns
    -------
    pandas.DataFrame
        Same keys, ``sector`` = group code; a group is missing where none of its
        members has data (NaN is not turned into 0).

    Raises
    ------
    DataError
        If a sector is in two groups (it would be counted twice).

    Examples
    --------
    >>> toy = pd.DataFrame({"region": "KZ", "year": 2016, "sector": ["10", "11", "24"], "value": [5.0, 1, 4]})
    >>> aggregate(toy, {"10-11": ["10", "11"], "24": ["24"]})[["sector", "value"]].values.tolist()
    [['10-11', 6.0], ['24', 4.0]]
    """
    from ._errors import DataError

    owner = {}
    for g, members in groups.items():
        for m in members:
            if m in owner:
                raise DataError(f'sector "{m}" is in two groups ({owner[m]} and {g}); it would be counted twice')
            owner[m] = g
    keys = [c for c in df.columns if c not in ("sector", value)]
    d = df[df["sector"].isin(owner)].assign(sector=lambda x: x["sector"].map(owner))
    return d.groupby([*keys, "sector"], sort=False)[value].sum(min_count=1).reset_index()[list(df.columns)]
