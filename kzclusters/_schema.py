"""The canonical long layout shared by every kzclusters function.

A long table has one row per key ``(region, sector, year)`` and one numeric
``value`` column (plus optional extra key columns such as ``indicator``).
Codes, not labels: ``region`` holds codes from ``data/regions.csv`` and
``sector`` codes from ``data/sectors.csv``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ._errors import SchemaError

KEYS: tuple[str, ...] = ("region", "sector", "year")


def validate_long(df: pd.DataFrame, *, keys: Sequence[str] = KEYS, value: str = "value",
                  allow_nan: bool = False, allow_negative: bool = False,
                  name: str = "table") -> pd.DataFrame:
    """Check that `df` has the canonical long layout and return it unchanged.

    Parameters
    ----------
    df : pandas.DataFrame
        Table to check.
    keys : sequence of str, default ``("region", "sector", "year")``
        Columns that together identify a row.
    value : str, default ``"value"``
        The numeric measure column.
    allow_nan : bool, default False
        Whether missing values are allowed in `value`.
    allow_negative : bool, default False
        Whether negative values are allowed (sizes such as output or employment
        must not be negative; growth rates and net taxes may be).
    name : str
        Name used in error messages.

    Returns
    -------
    pandas.DataFrame
        `df` itself (not a copy), so the call can be chained.

    Raises
    ------
    SchemaError
        If a column is missing, ``year`` is not integer, a key is duplicated, or
        `value` is missing, non-numeric or negative where that is not allowed.

    Examples
    --------
    >>> toy = pd.DataFrame({"region": ["AKM", "AKM"], "sector": ["A", "B"],
    ...                     "year": [2020, 2020], "value": [1.0, 2.0]})
    >>> validate_long(toy) is toy
    True
    >>> validate_long(toy.assign(value=[1.0, -2.0]))
    Traceback (most recent call last):
    ...
    kzclusters._errors.SchemaError: table, row 3, column "value": value -2.0 is negative; sizes must be zero or positive
    """
    missing = [c for c in (*keys, value) if c not in df.columns]
    if missing:
        raise SchemaError(f"missing column(s) {', '.join(missing)}; expected {', '.join((*keys, value))}",
                          file=name)
    if "year" in keys and not pd.api.types.is_integer_dtype(df["year"]):
        raise SchemaError("year must be a whole number", file=name, column="year")
    if not pd.api.types.is_numeric_dtype(df[value]):
        raise SchemaError("values must be numbers", file=name, column=value)
    dup = df.duplicated(list(keys), keep="first")
    if dup.any():
        i = int(np.flatnonzero(dup.to_numpy())[0])
        key = ", ".join(f"{k}={df[k].iloc[i]}" for k in keys)
        raise SchemaError(f"duplicate key ({key}); each key may appear once", file=name, row=i + 2)
    if not allow_nan and df[value].isna().any():
        i = int(np.flatnonzero(df[value].isna().to_numpy())[0])
        raise SchemaError("value is missing", file=name, row=i + 2, column=value)
    if not allow_negative:
        neg = (df[value] < 0).to_numpy()
        if neg.any():
            i = int(np.flatnonzero(neg)[0])
            raise SchemaError(f"value {df[value].iloc[i]} is negative; sizes must be zero or positive",
                              file=name, row=i + 2, column=value)
    return df
