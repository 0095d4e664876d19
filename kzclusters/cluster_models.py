"""Which of seed 002's four cluster models does a region resemble? (the workbook's own construction)

Seed 002 ("Features of applying foreign cluster-development experience in the
economy of Kazakhstan") describes the North American, Finnish, Japanese and
Indian models by six characteristics in prose and gives **no scores**.
``data/derived/cluster_model_profiles.csv`` codes that prose on a 1 (low) .. 3
(high) scale, leaving a characteristic empty where the paper says nothing
(spec ``cluster_potential_and_ict.md`` section 5.1).  A user scores a region on
the same scale and :func:`model_distance` says how far it is from each model.
The coding and the distance are the workbook's, not the paper's: every screen
that shows them must say so.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._errors import DataError
from .registry import data_dir

__all__ = ["CHARACTERISTICS", "MODELS", "profiles", "model_distance"]

CHARACTERISTICS: tuple[str, ...] = ("internationalisation", "connections_competition", "leader_firms", "fdi",
                                    "small_business", "innovation")
MODELS: tuple[str, ...] = ("north_american", "finnish", "japanese", "indian")


def profiles() -> pd.DataFrame:
    """The coded model profiles: ``model, characteristic, level (1..3 or NaN), evidence``.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> p = profiles()
    >>> p.query("model == 'indian' and characteristic == 'fdi'")["level"].item()
    3.0
    >>> int(p["level"].isna().sum())   # characteristics the paper does not address
    4
    """
    return pd.read_csv(data_dir() / "derived" / "cluster_model_profiles.csv", encoding="utf-8")


def model_distance(scores: dict, table: pd.DataFrame | None = None) -> pd.DataFrame:
    r"""Distance from a region's scores to each model, over the characteristics the paper describes.

    .. math:: d_m = \sqrt{\frac{1}{|S_m|}\sum_{c \in S_m} (x_c - p_{mc})^2}

    where :math:`S_m` are the characteristics coded for model *m* (the paper's
    silences are skipped, so models are compared on what the paper says).
    ``similarity`` = :math:`1 - d_m / 2` (2 is the largest possible gap on a
    1..3 scale).

    Parameters
    ----------
    scores : dict
        Characteristic -> the user's score in [1, 3] (missing ones are skipped).
    table : pandas.DataFrame, optional
        Profiles; :func:`profiles` by default.

    Returns
    -------
    pandas.DataFrame
        ``model, distance, similarity, n_compared, rank`` (rank 1 = closest).

    Raises
    ------
    DataError
        If a score is outside 1..3 or names an unknown characteristic.

    Examples
    --------
    A region with a strong foreign-led leader firm and FDI looks Indian:

    >>> d = model_distance({"internationalisation": 3, "connections_competition": 2, "leader_firms": 3,
    ...                     "fdi": 3, "small_business": 2, "innovation": 1})
    >>> d.iloc[0]["model"], float(d.iloc[0]["distance"])
    ('indian', 0.0)
    """
    table = profiles() if table is None else table
    bad = [c for c in scores if c not in CHARACTERISTICS]
    if bad:
        raise DataError(f"unknown characteristic(s) {bad}; use {', '.join(CHARACTERISTICS)}")
    scores = {c: v for c, v in scores.items() if v is not None and not pd.isna(v)}   # no answer = skipped
    for c, v in scores.items():
        if not (1 <= float(v) <= 3):
            raise DataError(f'score of "{c}" is {v}; use a value from 1 (low) to 3 (high)')
    x = table["characteristic"].map({c: float(v) for c, v in scores.items() if v is not None})
    sq = (x - table["level"]) ** 2
    d = table.assign(_sq=sq, _n=sq.notna()).groupby("model", sort=False).agg(_sq=("_sq", "sum"), n_compared=("_n", "sum"))
    with np.errstate(invalid="ignore", divide="ignore"):
        d["distance"] = np.sqrt(d["_sq"] / d["n_compared"].where(d["n_compared"] > 0))
    d["similarity"] = 1 - d["distance"] / 2
    d = d.drop(columns="_sq").reset_index().sort_values(["distance", "model"], kind="stable")
    d["rank"] = d["distance"].rank(method="min").astype("Int64")
    return d[["model", "distance", "similarity", "n_compared", "rank"]].reset_index(drop=True)
