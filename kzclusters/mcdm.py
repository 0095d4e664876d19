r"""Multi-criteria decision making: objective weights (MEREC, entropy, CRITIC), scores, ranks and their stability.

Seed 004's opening paper (Begimbay and Myrzakhmet) [1]_ ranks Kazakhstan's
manufacturing industries by an "integral score": normalised criteria times
weights obtained with MEREC [2]_ and adjusted by experts, with a claimed
stability of the top places under "±10 %" weight changes.  This module holds
the pieces to reproduce and question such a ranking on any decision matrix:

* objective weights: :func:`merec_weights` [2]_, :func:`entropy_weights` [3]_,
  :func:`critic_weights` [4]_, and :func:`blend` to mix them with expert weights;
* scores: :func:`normalise_matrix`, :func:`weighted_sum` (SAW) and
  :func:`topsis` [5]_;
* stability: :func:`rank_sensitivity` (one weight at a time, both readings of
  "±10 %") and :func:`rank_interval` (Monte Carlo over the weights, with the
  weight-noise machinery of :func:`kzclusters.composite.weight_uncertainty`).

A *decision matrix* is a :class:`pandas.DataFrame` whose index holds the
alternatives (e.g. industry codes) and whose columns hold the criteria, all
numeric.  ``benefit`` maps every criterion to ``True`` (more is better) or
``False`` (a cost: less is better); ``None`` means all benefit.  Weights are a
mapping or Series criterion → number ≥ 0 (rescaled to sum 1).  Every function
returns new objects and never changes its inputs; bad input raises
:class:`~kzclusters.DataError` with an i18n ``key`` and parameters naming the
alternative or criterion at fault.

References
----------
.. [1] Seed 004: Begimbay, K.M. and Myrzakhmet, M.K., «Формирование новой структуры промышленности Казахстана:
   методология, результаты и политика», Table 1 (criterion weights, MEREC validated by experts) and Table 2
   (integral scores of six industries).
.. [2] Keshavarz-Ghorabaee, M., Amiri, M., Zavadskas, E.K., Turskis, Z. and Antucheviciene, J., "Determination
   of objective weights using a new method based on the removal effects of criteria (MEREC)", *Symmetry* 13(4),
   525, 2021.
.. [3] Shannon, C.E., "A mathematical theory of communication", *Bell System Technical Journal* 27, 379-423,
   1948; entropy weights as in Hwang and Yoon [5]_, ch. 3.
.. [4] Diakoulaki, D., Mavrotas, G. and Papayannakis, L., "Determining objective weights in multiple criteria
   problems: the CRITIC method", *Computers & Operations Research* 22(7), 763-770, 1995.
.. [5] Hwang, C.-L. and Yoon, K., *Multiple Attribute Decision Making: Methods and Applications*, Springer, 1981.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._errors import DataError
from .composite import _noisy, _quantiles, _ranks

__all__ = ["normalise_matrix", "merec_weights", "MerecResult", "entropy_weights", "critic_weights",
           "weighted_sum", "topsis", "blend", "rank_sensitivity", "rank_interval",
           "MATRIX_NORMALISATIONS", "SCORING_METHODS"]

#: Normalisations understood by :func:`normalise_matrix`.
MATRIX_NORMALISATIONS: tuple[str, ...] = ("max", "minmax", "vector")
#: Scoring methods of :func:`rank_sensitivity` and :func:`rank_interval`.
SCORING_METHODS: tuple[str, ...] = ("weighted_sum", "topsis")
_DEFAULT_NORMALISATION = {"weighted_sum": "minmax", "topsis": "vector"}
_ZEROS = ("error", "shift")
_MODES = ("relative", "points")
_DRAWS = ("uniform", "dirichlet")


# ----------------------------------------------------------------------------- input checks


def _choice(value, options):
    if not isinstance(value, str) or value not in options:
        raise DataError(f"unknown option {value!r}; choose one of {', '.join(map(repr, options))}",
                        key="err_mcdm_unknown_option", value=str(value), options=", ".join(options))


def _matrix(matrix, *, negative_ok: bool = True, what: str = "") -> tuple[pd.DataFrame, np.ndarray]:
    """Validated copy of the decision matrix and its float array."""
    if not isinstance(matrix, pd.DataFrame):
        raise DataError("the decision matrix must be a DataFrame (rows = alternatives, columns = criteria)",
                        key="err_mcdm_not_table")
    for axis, what_ in ((matrix.index, "alternative"), (matrix.columns, "criterion")):
        dup = axis[axis.duplicated()]
        if len(dup):
            raise DataError(f"{what_} {dup[0]!r} appears more than once in the decision matrix",
                            key="err_mcdm_duplicate", name=str(dup[0]))
    n, m = matrix.shape
    if n < 2 or m < 1:
        raise DataError(f"the decision matrix needs at least 2 alternatives and 1 criterion; it has {n} "
                        f"alternative(s) and {m} criterion(s)", key="err_mcdm_too_few",
                        alternatives=n, criteria=m)
    X = np.empty((n, m))
    for j, c in enumerate(matrix.columns):
        col = matrix[c]
        num = pd.to_numeric(col, errors="coerce") if not isinstance(col.dtype, pd.BooleanDtype) else col * np.nan
        bad = num.isna() & col.notna()
        if bad.any() or col.dtype == bool:
            i = int(np.flatnonzero(bad.to_numpy() | (col.dtype == bool))[0])
            raise DataError(f"the value {col.iloc[i]!r} of criterion {c!r} for alternative {matrix.index[i]!r} "
                            "is not a number", key="err_mcdm_not_number", criterion=str(c),
                            alternative=str(matrix.index[i]), value=str(col.iloc[i]))
        X[:, j] = num.to_numpy(dtype="float64", na_value=np.nan)
    bad = ~np.isfinite(X)
    if bad.any():
        i, j = map(int, np.argwhere(bad)[0])
        raise DataError(f"criterion {matrix.columns[j]!r} has no finite value for alternative "
                        f"{matrix.index[i]!r} (NaN or infinite); fill it in or drop the alternative",
                        key="err_mcdm_missing_value", criterion=str(matrix.columns[j]),
                        alternative=str(matrix.index[i]))
    if not negative_ok and (X < 0).any():
        i, j = map(int, np.argwhere(X < 0)[0])
        raise DataError(f"{what}needs values >= 0, but criterion {matrix.columns[j]!r} is {X[i, j]:g} for "
                        f"alternative {matrix.index[i]!r}; shift the criterion or use min-max normalisation",
                        key="err_mcdm_negative", criterion=str(matrix.columns[j]),
                        alternative=str(matrix.index[i]), value=f"{X[i, j]:g}")
    return matrix, X


def _benefit(benefit, columns) -> np.ndarray:
    """Boolean array (True = benefit) in the order of `columns`."""
    if benefit is None:
        return np.ones(len(columns), dtype=bool)
    if not isinstance(benefit, Mapping | pd.Series):
        raise DataError("benefit must be a mapping criterion -> True (benefit) / False (cost)",
                        key="err_mcdm_benefit_type", criterion="", value=type(benefit).__name__)
    out = np.empty(len(columns), dtype=bool)
    for j, c in enumerate(columns):
        if c not in benefit:
            raise DataError(f"criterion {c!r} has no direction in benefit; give True (benefit) or False (cost)",
                            key="err_mcdm_benefit_missing", criterion=str(c))
        v = benefit[c]
        if not isinstance(v, bool | np.bool_):
            raise DataError(f"the direction of criterion {c!r} is {v!r}; use True (benefit) or False (cost)",
                            key="err_mcdm_benefit_type", criterion=str(c), value=str(v))
        out[j] = bool(v)
    return out


def _weights(weights, columns) -> np.ndarray:
    """Weights in the order of `columns`, checked and rescaled to sum 1."""
    if not isinstance(weights, Mapping | pd.Series):
        raise DataError("weights must be a mapping or Series criterion -> number >= 0",
                        key="err_mcdm_weight_bad", criterion="", value=type(weights).__name__)
    unknown = [k for k in weights.keys() if k not in set(columns)]
    if unknown:
        raise DataError(f"a weight is given for {unknown[0]!r}, which is not a criterion of the decision matrix",
                        key="err_mcdm_weight_unknown", criterion=str(unknown[0]))
    w = np.empty(len(columns))
    for j, c in enumerate(columns):
        if c not in weights:
            raise DataError(f"criterion {c!r} has no weight", key="err_mcdm_weight_missing", criterion=str(c))
        v = weights[c]
        try:
            x = float(v)
        except (TypeError, ValueError):
            x = np.nan
        if isinstance(v, bool | np.bool_) or not np.isfinite(x) or x < 0:
            raise DataError(f"the weight of criterion {c!r} is {v!r}; weights must be numbers >= 0",
                            key="err_mcdm_weight_bad", criterion=str(c), value=str(v))
        w[j] = x
    if w.sum() <= 0:
        raise DataError("all weights are zero; give at least one criterion a positive weight",
                        key="err_mcdm_weights_zero")
    return w / w.sum()


def _normalise(X: np.ndarray, b: np.ndarray, method: str) -> np.ndarray:
    """Normalised matrix, larger = better for every criterion; a constant criterion is 1 for everyone."""
    lo, hi = X.min(axis=0), X.max(axis=0)
    const = hi == lo
    with np.errstate(divide="ignore", invalid="ignore"):
        if method == "max":
            r = np.where(b, X / hi, np.where(X == lo, 1.0, lo / X))
        elif method == "minmax":
            r = np.where(b, X - lo, hi - X) / (hi - lo)
        else:
            v = X / np.sqrt((X ** 2).sum(axis=0))
            r = np.where(b, v, 1.0 - v)
    return np.where(const, 1.0, r)


def _check_norm_input(matrix, method: str) -> tuple[pd.DataFrame, np.ndarray]:
    _choice(method, MATRIX_NORMALISATIONS)
    return _matrix(matrix, negative_ok=method == "minmax", what=f"{method} normalisation ")


# ----------------------------------------------------------------------------- normalisation


def normalise_matrix(matrix: pd.DataFrame, benefit: Mapping | None = None,
                     method: str = "max") -> pd.DataFrame:
    r"""Normalise a decision matrix so that every criterion is on [0, 1] with larger = better.

    For alternative *i* and criterion *j* (:math:`x_j^{\max}`, :math:`x_j^{\min}`
    over the alternatives):

    * ``"max"`` (linear, ratio to the best):
      :math:`r_{ij} = x_{ij}/x_j^{\max}` for a benefit criterion,
      :math:`r_{ij} = x_j^{\min}/x_{ij}` for a cost criterion (1 where
      :math:`x_{ij} = x_j^{\min}`, so a zero cost is the best, not a division by zero);
    * ``"minmax"``: :math:`r_{ij} = (x_{ij} - x_j^{\min})/(x_j^{\max} - x_j^{\min})`
      for a benefit, :math:`(x_j^{\max} - x_{ij})/(x_j^{\max} - x_j^{\min})` for a cost;
    * ``"vector"`` (Hwang and Yoon): :math:`v_{ij} = x_{ij}/\sqrt{\sum_k x_{kj}^2}`;
      :math:`r_{ij} = v_{ij}` for a benefit and :math:`1 - v_{ij}` for a cost
      (TOPSIS distances are the same as with :math:`v_{ij}` and a minimum ideal).

    A constant criterion (no spread) gets 1 for every alternative.  "max" and
    "vector" need values ≥ 0; "minmax" accepts signed data.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Decision matrix: index = alternatives, columns = criteria, numbers.
    benefit : mapping, optional
        Criterion → True (benefit) / False (cost); None = all benefit.
    method : {"max", "minmax", "vector"}, default "max"

    Returns
    -------
    pandas.DataFrame
        Same index and columns as `matrix`, values in [0, 1].

    Raises
    ------
    DataError
        Bad matrix (see the module notes), a criterion missing from `benefit`,
        negative values with "max" or "vector", or an unknown `method`.

    References
    ----------
    .. [1] Hwang and Yoon (1981), ch. 3 (linear and vector normalisation).

    Examples
    --------
    >>> X = pd.DataFrame({"va": [2.0, 4.0, 8.0], "risk": [1.0, 2.0, 4.0]}, index=["C10", "C20", "C28"])
    >>> kz.mcdm.normalise_matrix(X, {"va": True, "risk": False})
          va  risk
    C10  0.25  1.00
    C20  0.50  0.50
    C28  1.00  0.25
    >>> kz.mcdm.normalise_matrix(X, {"va": True, "risk": False}, method="minmax").round(3)
            va   risk
    C10  0.000  1.000
    C20  0.333  0.667
    C28  1.000  0.000
    """
    matrix, X = _check_norm_input(matrix, method)
    b = _benefit(benefit, matrix.columns)
    return pd.DataFrame(_normalise(X, b, method), index=matrix.index.copy(), columns=matrix.columns.copy())


# ----------------------------------------------------------------------------- objective weights


@dataclass(frozen=True, eq=False)
class MerecResult:
    r"""Weights and intermediate steps of :func:`merec_weights` (``return_steps=True``).

    Attributes
    ----------
    weights : pandas.Series
        :math:`w_j`, indexed by criterion, sum 1.
    data : pandas.DataFrame
        The matrix actually used (after the ``zeros="shift"`` shift, if any).
    shift : pandas.Series
        Constant added to each criterion (0 where nothing was shifted).
    normalised : pandas.DataFrame
        :math:`n_{ij}` (alternatives × criteria; smaller = better, all ≤ 1).
    S : pandas.Series
        :math:`S_i`, overall performance of each alternative.
    S_removed : pandas.DataFrame
        :math:`S'_{ij}`, performance of alternative *i* with criterion *j* removed.
    E : pandas.Series
        :math:`E_j`, removal effect of each criterion.

    Examples
    --------
    >>> X = pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 3.0]}, index=["p", "q"])
    >>> res = kz.mcdm.merec_weights(X, {"a": True, "b": True}, return_steps=True)
    >>> res.weights.tolist(), float(res.E["b"])
    ([1.0, 0.0], 0.0)
    """

    weights: pd.Series
    data: pd.DataFrame
    shift: pd.Series
    normalised: pd.DataFrame
    S: pd.Series
    S_removed: pd.DataFrame
    E: pd.Series


def merec_weights(matrix: pd.DataFrame, benefit: Mapping | None = None, *, zeros: str = "error",
                  return_steps: bool = False):
    r"""Objective criterion weights by MEREC (method based on the removal effects of criteria).

    The standard algorithm of Keshavarz-Ghorabaee et al. (2021), for *n*
    alternatives and *m* criteria with all :math:`x_{ij} > 0`:

    1. normalisation (smaller = better, all ≤ 1):
       :math:`n_{ij} = \min_k x_{kj} / x_{ij}` for a benefit criterion,
       :math:`n_{ij} = x_{ij} / \max_k x_{kj}` for a cost criterion;
    2. overall performance
       :math:`S_i = \ln\bigl(1 + \tfrac{1}{m}\sum_j \lvert\ln n_{ij}\rvert\bigr)`;
    3. performance with criterion *j* removed, **still divided by m**:
       :math:`S'_{ij} = \ln\bigl(1 + \tfrac{1}{m}\sum_{k \ne j} \lvert\ln n_{ik}\rvert\bigr)`;
    4. removal effect :math:`E_j = \sum_i \lvert S'_{ij} - S_i\rvert`;
    5. weights :math:`w_j = E_j / \sum_k E_k`.

    The weights do not change when a criterion is multiplied by a positive
    constant, but they do change when a constant is added (so a shift must be
    recorded).  A criterion with the same value for every alternative gets weight 0.

    **Zeros and negative values** (the method takes logarithms):
    ``zeros="error"`` (default) raises :class:`~kzclusters.DataError` naming the
    alternative and criterion.  ``zeros="shift"`` moves every criterion *j* whose
    minimum is ≤ 0 to :math:`x'_{ij} = x_{ij} - \min_k x_{kj} + \delta_j` with
    :math:`\delta_j = \min\{x_{kj} - \min_l x_{lj} : x_{kj} > \min_l x_{lj}\}`, the
    smallest positive gap above the minimum (for data ≥ 0 with a zero this adds the
    smallest positive value of the criterion, so the zero becomes that value and the
    ratios stay in the criterion's own units: scale invariance is kept).  A constant
    criterion is shifted by 1 if needed (it gets weight 0 anyway).  The shift used
    is reported in ``MerecResult.shift``.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Decision matrix: index = alternatives, columns = criteria, numbers.
    benefit : mapping, optional
        Criterion → True (benefit) / False (cost); None = all benefit.
    zeros : {"error", "shift"}, default "error"
        What to do with values ≤ 0 (see above).
    return_steps : bool, default False
        Return a :class:`MerecResult` with :math:`n_{ij}, S_i, S'_{ij}, E_j`
        instead of the weights alone.

    Returns
    -------
    pandas.Series or MerecResult
        Weights indexed by criterion (name ``"weight"``, sum 1), or the full result.

    Raises
    ------
    DataError
        Bad matrix, values ≤ 0 with ``zeros="error"``, a criterion missing from
        `benefit`, or no criterion separating the alternatives (all :math:`E_j = 0`).

    References
    ----------
    .. [1] Keshavarz-Ghorabaee et al. (2021), *Symmetry* 13(4), 525, section 3 and the illustrative example.
    .. [2] Seed 004 (Begimbay and Myrzakhmet), Table 1: weights "determined by MEREC and validated by experts".

    Examples
    --------
    The illustrative example of the MEREC paper (C1, C2 benefit; C3, C4 cost):

    >>> X = pd.DataFrame({"C1": [450, 10, 100, 220, 5], "C2": [8000, 9100, 8200, 9300, 8400],
    ...                   "C3": [54, 2, 31, 1, 23], "C4": [145, 160, 153, 162, 158]},
    ...                  index=["A1", "A2", "A3", "A4", "A5"])
    >>> b = {"C1": True, "C2": True, "C3": False, "C4": False}
    >>> kz.mcdm.merec_weights(X, b).round(4).tolist()
    [0.5752, 0.0141, 0.4016, 0.0091]

    A zero stops the default; ``zeros="shift"`` adds the smallest positive value (here 2):

    >>> Z = pd.DataFrame({"x": [0.0, 2.0, 5.0], "y": [1.0, 3.0, 2.0]}, index=["p", "q", "r"])
    >>> kz.mcdm.merec_weights(Z, {"x": True, "y": True})
    Traceback (most recent call last):
    ...
    kzclusters._errors.DataError: MEREC needs values > 0 (it takes logarithms), but criterion 'x' is 0 for alternative 'p'; ...
    >>> kz.mcdm.merec_weights(Z, {"x": True, "y": True}, zeros="shift", return_steps=True).shift.tolist()
    [2.0, 0.0]
    """
    _choice(zeros, _ZEROS)
    matrix, X = _matrix(matrix)
    b = _benefit(benefit, matrix.columns)
    lo = X.min(axis=0)
    shift = np.zeros(X.shape[1])
    if (lo <= 0).any():
        if zeros == "error":
            i, j = map(int, np.argwhere(X <= 0)[0])
            raise DataError(f"MEREC needs values > 0 (it takes logarithms), but criterion {matrix.columns[j]!r} "
                            f"is {X[i, j]:g} for alternative {matrix.index[i]!r}; use zeros=\"shift\" or replace "
                            "the value", key="err_mcdm_merec_nonpositive", criterion=str(matrix.columns[j]),
                            alternative=str(matrix.index[i]), value=f"{X[i, j]:g}")
        for j in np.flatnonzero(lo <= 0):
            gaps = X[:, j] - lo[j]
            gaps = gaps[gaps > 0]
            shift[j] = (gaps.min() if gaps.size else 1.0) - lo[j]
        X = X + shift
    m = X.shape[1]
    N = np.where(b, X.min(axis=0) / X, X / X.max(axis=0))
    L = np.abs(np.log(N))
    S = np.log1p(L.sum(axis=1) / m)
    Sp = np.log1p((L.sum(axis=1, keepdims=True) - L) / m)
    E = np.abs(Sp - S[:, None]).sum(axis=0)
    if not E.sum() > 0:
        raise DataError("MEREC: no criterion separates the alternatives (every criterion is constant), so the "
                        "weights are undefined", key="err_mcdm_no_spread", method="MEREC")
    cols, idx = matrix.columns, matrix.index
    w = pd.Series(E / E.sum(), index=cols.copy(), name="weight")
    if not return_steps:
        return w
    return MerecResult(weights=w, data=pd.DataFrame(X, index=idx.copy(), columns=cols.copy()),
                       shift=pd.Series(shift, index=cols.copy(), name="shift"),
                       normalised=pd.DataFrame(N, index=idx.copy(), columns=cols.copy()),
                       S=pd.Series(S, index=idx.copy(), name="S"),
                       S_removed=pd.DataFrame(Sp, index=idx.copy(), columns=cols.copy()),
                       E=pd.Series(E, index=cols.copy(), name="E"))


def entropy_weights(matrix: pd.DataFrame, benefit: Mapping | None = None) -> pd.Series:
    r"""Objective criterion weights by Shannon entropy: the more a criterion varies, the larger its weight.

    With shares :math:`p_{ij} = x_{ij} / \sum_k x_{kj}` (*n* alternatives),
    entropy :math:`e_j = -\frac{1}{\ln n} \sum_i p_{ij} \ln p_{ij}` (with
    :math:`0 \ln 0 = 0`), divergence :math:`d_j = 1 - e_j` and
    :math:`w_j = d_j / \sum_k d_k`.  A constant criterion has :math:`e_j = 1`
    and so weight 0 (an all-zero criterion too).  The shares are taken of the raw
    values, so the weights are invariant to scaling a criterion; the direction
    (`benefit`) does not enter the entropy and is only checked, for a uniform API.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Decision matrix with values ≥ 0.
    benefit : mapping, optional
        Criterion → True / False (checked, not used); None = all benefit.

    Returns
    -------
    pandas.Series
        Weights indexed by criterion (name ``"weight"``), ≥ 0, sum 1.

    Raises
    ------
    DataError
        Bad matrix, negative values, or every criterion constant.

    References
    ----------
    .. [1] Shannon (1948); Hwang and Yoon (1981), ch. 3 (entropy method of weighting).

    Examples
    --------
    >>> X = pd.DataFrame({"x": [1.0, 2.0, 6.0], "same": [5.0, 5.0, 5.0]}, index=["p", "q", "r"])
    >>> kz.mcdm.entropy_weights(X).tolist()
    [1.0, 0.0]
    """
    matrix, X = _matrix(matrix, negative_ok=False, what="the entropy method ")
    _benefit(benefit, matrix.columns)
    tot = X.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        P = np.where(tot > 0, X / tot, 1.0 / X.shape[0])
        plogp = np.where(P > 0, P * np.log(P), 0.0)
    d = 1.0 + plogp.sum(axis=0) / np.log(X.shape[0])
    d = np.where(X.max(axis=0) == X.min(axis=0), 0.0, np.clip(d, 0.0, None))
    if not d.sum() > 0:
        raise DataError("entropy: no criterion separates the alternatives (every criterion is constant), so the "
                        "weights are undefined", key="err_mcdm_no_spread", method="entropy")
    return pd.Series(d / d.sum(), index=matrix.columns.copy(), name="weight")


def critic_weights(matrix: pd.DataFrame, benefit: Mapping | None = None) -> pd.Series:
    r"""Objective criterion weights by CRITIC: contrast (standard deviation) times conflict (low correlation).

    Diakoulaki et al. (1995): min-max normalise each criterion (larger =
    better, see :func:`normalise_matrix`), take its standard deviation
    :math:`\sigma_j` and its Pearson correlations :math:`r_{jk}` with the other
    criteria; the information content is
    :math:`C_j = \sigma_j \sum_k (1 - r_{jk})` and :math:`w_j = C_j / \sum_k C_k`.
    A constant criterion has :math:`\sigma_j = 0`, gets weight 0 and is left out
    of the others' conflict sums (its correlation is undefined).  If every
    varying criterion is perfectly correlated with all the others (e.g. two
    alternatives, all criteria ranking them alike), the conflict terms are all 0
    and the weights fall back to the contrast alone, :math:`w_j = \sigma_j / \sum_k \sigma_k`.  Signed data
    are allowed; the weights are invariant to scaling or shifting a criterion.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Decision matrix.
    benefit : mapping, optional
        Criterion → True (benefit) / False (cost); None = all benefit.

    Returns
    -------
    pandas.Series
        Weights indexed by criterion (name ``"weight"``), ≥ 0, sum 1.

    Raises
    ------
    DataError
        Bad matrix, or no criterion with positive information content.

    References
    ----------
    .. [1] Diakoulaki, Mavrotas and Papayannakis (1995), *Computers & Operations Research* 22(7), 763-770.

    Examples
    --------
    Two perfectly correlated criteria get equal weights, each below the uncorrelated one:

    >>> X = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0], "a2": [2.0, 4.0, 6.0, 8.0], "c": [1.0, 4.0, 4.0, 1.0]})
    >>> kz.mcdm.critic_weights(X).round(3).tolist()
    [0.214, 0.214, 0.573]
    """
    matrix, X = _matrix(matrix)
    b = _benefit(benefit, matrix.columns)
    R = _normalise(X, b, "minmax")
    var = X.max(axis=0) > X.min(axis=0)
    sd = np.where(var, R.std(axis=0, ddof=1), 0.0)
    C = np.zeros(X.shape[1])
    if var.sum() == 1:
        C[var] = sd[var]
    elif var.sum() > 1:
        corr = np.corrcoef(R[:, var], rowvar=False)
        C[var] = sd[var] * (1.0 - corr).sum(axis=1)
    C = np.clip(C, 0.0, None)
    if not C.sum() > 1e-12 * sd.sum():           # all varying criteria perfectly correlated: contrast only
        C = sd
    if not C.sum() > 0:
        raise DataError("CRITIC: no criterion separates the alternatives, so the weights are undefined",
                        key="err_mcdm_no_spread", method="CRITIC")
    return pd.Series(C / C.sum(), index=matrix.columns.copy(), name="weight")


def blend(expert: Mapping, objective: Mapping, share: float) -> pd.Series:
    r"""Convex combination of two weight vectors (e.g. expert and MEREC weights), renormalised.

    Each vector is first rescaled to sum 1, then
    :math:`w_j = (1 - s)\,w^{\text{expert}}_j + s\,w^{\text{objective}}_j`,
    :math:`s` = `share`, and the result is rescaled to sum 1.

    Parameters
    ----------
    expert, objective : mapping or pandas.Series
        Criterion → weight ≥ 0, over the same criteria.
    share : float
        Share of the objective weights, in [0, 1] (0 = expert only, 1 = objective only).

    Returns
    -------
    pandas.Series
        Weights in the order of `expert` (name ``"weight"``), sum 1.

    Raises
    ------
    DataError
        Different criteria, bad weights, or `share` outside [0, 1].

    Examples
    --------
    >>> kz.mcdm.blend({"a": 60, "b": 40}, {"a": 0.2, "b": 0.8}, 0.5).round(3).tolist()
    [0.4, 0.6]
    """
    cols = pd.Index(list(expert.keys()))
    try:
        s = float(share)
    except (TypeError, ValueError):
        s = np.nan
    if not 0.0 <= s <= 1.0:
        raise DataError(f"the blend share must be a number in [0, 1], got {share!r}", key="err_mcdm_share",
                        value=str(share))
    e = _weights(expert, cols)
    o = _weights(objective, cols)
    w = (1.0 - s) * e + s * o
    return pd.Series(w / w.sum(), index=cols, name="weight")


# ----------------------------------------------------------------------------- scores


def _score_many(R: np.ndarray, W: np.ndarray, method: str) -> np.ndarray:
    """Scores (D, N) of N alternatives (normalised, larger = better, R: N x m) under D weight rows W (D, m)."""
    if method == "weighted_sum":
        return W @ R.T
    best, worst = R.max(axis=0), R.min(axis=0)
    dp = np.sqrt((W ** 2) @ ((best - R) ** 2).T)
    dm = np.sqrt((W ** 2) @ ((R - worst) ** 2).T)
    tot = dp + dm
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(tot > 0, dm / tot, 0.5)


def _prepare(matrix, weights, benefit, normalisation):
    matrix, X = _check_norm_input(matrix, normalisation)
    b = _benefit(benefit, matrix.columns)
    w = _weights(weights, matrix.columns)
    return matrix, _normalise(X, b, normalisation), w


def _rank_int(scores: np.ndarray) -> np.ndarray:
    return _ranks(scores[None, :], [np.arange(scores.size)])[0].astype("int64")


def weighted_sum(matrix: pd.DataFrame, weights: Mapping, benefit: Mapping | None = None, *,
                 normalisation: str = "minmax") -> pd.DataFrame:
    r"""Weighted-sum (SAW) score and rank of each alternative: the paper's "integral score".

    :math:`Q_i = \sum_j w_j\, r_{ij}` with :math:`r_{ij}` from
    :func:`normalise_matrix` and the weights rescaled to :math:`\sum_j w_j = 1`,
    so :math:`Q_i \in [0, 1]`.  Rank 1 = highest score; ties share the best rank.
    Min-max is the default (seed 004 reports a 0-1 scale but not its normalisation).

    Parameters
    ----------
    matrix : pandas.DataFrame
        Decision matrix: index = alternatives, columns = criteria.
    weights : mapping or pandas.Series
        Criterion → weight ≥ 0 (any scale; rescaled to sum 1).
    benefit : mapping, optional
        Criterion → True (benefit) / False (cost); None = all benefit.
    normalisation : {"minmax", "max", "vector"}, default "minmax"

    Returns
    -------
    pandas.DataFrame
        Indexed by alternative (the matrix order): ``score`` (float), ``rank`` (int).

    Raises
    ------
    DataError
        Bad matrix, weights or directions (see the module notes).

    References
    ----------
    .. [1] Hwang and Yoon (1981), simple additive weighting; seed 004, Table 2.

    Examples
    --------
    >>> X = pd.DataFrame({"va": [2.0, 4.0, 8.0], "risk": [1.0, 2.0, 4.0]}, index=["C10", "C20", "C28"])
    >>> kz.mcdm.weighted_sum(X, {"va": 3, "risk": 1}, {"va": True, "risk": False}).round(3)
         score  rank
    C10  0.250     3
    C20  0.417     2
    C28  0.750     1
    """
    matrix, R, w = _prepare(matrix, weights, benefit, normalisation)
    s = _score_many(R, w[None, :], "weighted_sum")[0]
    return pd.DataFrame({"score": s, "rank": _rank_int(s)}, index=matrix.index.copy())


def topsis(matrix: pd.DataFrame, weights: Mapping, benefit: Mapping | None = None, *,
           normalisation: str = "vector") -> pd.DataFrame:
    r"""TOPSIS closeness to the ideal solution, with the rank of each alternative.

    Hwang and Yoon (1981): weighted normalised values
    :math:`v_{ij} = w_j r_{ij}`; ideal :math:`A^+_j = \max_i v_{ij}` and
    anti-ideal :math:`A^-_j = \min_i v_{ij}` (with :math:`r_{ij}` oriented so
    that larger = better, this is the classical max for benefit / min for cost);
    distances :math:`D^\pm_i = \sqrt{\sum_j (v_{ij} - A^\pm_j)^2}` and
    closeness :math:`C_i = D^-_i / (D^+_i + D^-_i) \in [0, 1]` (0.5 if
    :math:`D^+_i + D^-_i = 0`, i.e. all weighted criteria are constant).

    Parameters
    ----------
    matrix : pandas.DataFrame
        Decision matrix: index = alternatives, columns = criteria.
    weights : mapping or pandas.Series
        Criterion → weight ≥ 0 (rescaled to sum 1).
    benefit : mapping, optional
        Criterion → True (benefit) / False (cost); None = all benefit.
    normalisation : {"vector", "max", "minmax"}, default "vector"

    Returns
    -------
    pandas.DataFrame
        Indexed by alternative: ``score`` (closeness :math:`C_i`), ``rank`` (int, 1 = best),
        ``d_plus``, ``d_minus``.

    Raises
    ------
    DataError
        Bad matrix, weights or directions.

    References
    ----------
    .. [1] Hwang, C.-L. and Yoon, K. (1981), *Multiple Attribute Decision Making*, Springer, section 3.3.

    Examples
    --------
    >>> X = pd.DataFrame({"va": [3.0, 4.0], "risk": [1.0, 1.0]}, index=["p", "q"])
    >>> kz.mcdm.topsis(X, {"va": 1, "risk": 1}, {"va": True, "risk": False})[["score", "rank"]]
       score  rank
    p    0.0     2
    q    1.0     1
    """
    matrix, R, w = _prepare(matrix, weights, benefit, normalisation)
    best, worst = R.max(axis=0), R.min(axis=0)
    dp = np.sqrt(((w * (best - R)) ** 2).sum(axis=1))
    dm = np.sqrt(((w * (R - worst)) ** 2).sum(axis=1))
    s = _score_many(R, w[None, :], "topsis")[0]
    return pd.DataFrame({"score": s, "rank": _rank_int(s), "d_plus": dp, "d_minus": dm},
                        index=matrix.index.copy())


# ----------------------------------------------------------------------------- stability


def _method_norm(method, normalisation):
    _choice(method, SCORING_METHODS)
    return _DEFAULT_NORMALISATION[method] if normalisation is None else normalisation


def rank_sensitivity(matrix: pd.DataFrame, weights: Mapping, benefit: Mapping | None = None, *,
                     method: str = "weighted_sum", normalisation: str | None = None,
                     steps=(-0.1, -0.05, 0.0, 0.05, 0.1), mode: str = "relative") -> pd.DataFrame:
    r"""One-at-a-time weight changes: score and rank of every alternative as each weight moves.

    For criterion *j* and change *c* (each value of `steps`), the new weight is
    :math:`w'_j = w_j (1 + c)` (``mode="relative"``: ±10 % of the weight) or
    :math:`w'_j = w_j + c` (``mode="points"``: ±10 percentage points), clipped to
    [0, 1]; the other weights are rescaled in proportion so that the sum stays 1:
    :math:`w'_k = w_k (1 - w'_j)/(1 - w_j)`.  (If the other weights are all zero
    they stay zero and :math:`w'_j = 1`.)  A change of 0 gives the base ranking.
    These are the two readings of seed 004's "±10 %" check.

    Parameters
    ----------
    matrix, weights, benefit
        As in :func:`weighted_sum`.
    method : {"weighted_sum", "topsis"}, default "weighted_sum"
    normalisation : str, optional
        None = the method's default ("minmax" for weighted sum, "vector" for TOPSIS).
    steps : sequence of float, default (-0.1, -0.05, 0, 0.05, 0.1)
        Changes *c* (shares for "relative", weight units for "points": 0.1 = 10 points).
    mode : {"relative", "points"}, default "relative"

    Returns
    -------
    pandas.DataFrame
        Tidy, one row per criterion, change and alternative: ``criterion, change,
        weight`` (the criterion's new weight), ``alternative, score, rank`` (int).

    Raises
    ------
    DataError
        As :func:`weighted_sum`; also an unknown `method` or `mode`, or non-numeric `steps`.

    References
    ----------
    .. [1] Seed 004 (Begimbay and Myrzakhmet): "weights varied ±10 %, top-3 stable"; leave-one-out is
       ``mode="relative", steps=[-1]``.

    Examples
    --------
    Ten points more weight on value added (0.45 → 0.55) lifts C28 above C10:

    >>> X = pd.DataFrame({"va": [2.0, 4.0, 8.0], "risk": [1.0, 3.0, 4.0]}, index=["C10", "C20", "C28"])
    >>> rs = kz.mcdm.rank_sensitivity(X, {"va": 0.45, "risk": 0.55}, {"va": True, "risk": False},
    ...                               steps=[-0.1, 0.0, 0.1], mode="points")
    >>> rs[rs.criterion == "va"].pivot(index="alternative", columns="change", values="rank")
    change       -0.1  0.0  0.1
    alternative
    C10             1    1    2
    C20             3    3    3
    C28             2    2    1
    """
    normalisation = _method_norm(method, normalisation)
    _choice(mode, _MODES)
    matrix, R, w = _prepare(matrix, weights, benefit, normalisation)
    try:
        cs = np.asarray(list(steps), dtype="float64").ravel()
    except (TypeError, ValueError):
        cs = np.array([np.nan])
    if cs.size == 0 or not np.isfinite(cs).all():
        raise DataError(f"steps must be a non-empty list of numbers, got {steps!r}", key="err_mcdm_steps",
                        value=str(steps))
    m, N = w.size, R.shape[0]
    rows = []
    for j in range(m):
        for c in cs:
            new = np.clip(w[j] * (1.0 + c) if mode == "relative" else w[j] + c, 0.0, 1.0)
            rest = 1.0 - w[j]
            W = w * ((1.0 - new) / rest) if rest > 0 else np.zeros(m)
            W[j] = new if rest > 0 else 1.0
            if W.sum() <= 0:                      # only possible for w_j = 1 and new = 0
                W = w.copy()
            rows.append(W / W.sum())
    W = np.array(rows)
    S = _score_many(R, W, method)
    ranks = _ranks(S, [np.arange(N)]).astype("int64")
    K = W.shape[0]
    crit = np.repeat(np.asarray(matrix.columns, dtype=object), cs.size)
    return pd.DataFrame({
        "criterion": np.repeat(crit, N),
        "change": np.repeat(np.tile(cs, m), N),
        "weight": np.repeat(W[np.arange(K), np.repeat(np.arange(m), cs.size)], N),
        "alternative": np.tile(np.asarray(matrix.index, dtype=object), K),
        "score": S.ravel(),
        "rank": ranks.ravel(),
    })


def rank_interval(matrix: pd.DataFrame, weights: Mapping, benefit: Mapping | None = None, *,
                  noise: float = 0.1, n: int = 2000, seed=0, method: str = "weighted_sum",
                  normalisation: str | None = None, draw: str = "uniform") -> pd.DataFrame:
    r"""Monte Carlo over the weights: base rank and 5-50-95 % rank interval of each alternative.

    Weight draws come from the composite module's machinery (as in
    :func:`kzclusters.composite.weight_uncertainty`): ``draw="uniform"``
    multiplies each weight by its own :math:`u \sim U(1 - \varepsilon, 1 + \varepsilon)`
    (:math:`\varepsilon` = `noise`) and renormalises,
    :math:`\tilde w_j = u_j w_j / \sum_k u_k w_k`; ``draw="dirichlet"`` draws
    :math:`\operatorname{Dirichlet}(\alpha w)` with :math:`\alpha = 3m/\varepsilon^2 - 1`.
    Each draw's scores are computed at once for all alternatives and ranked.

    Parameters
    ----------
    matrix, weights, benefit
        As in :func:`weighted_sum`.
    noise : float, default 0.1
        :math:`\varepsilon` in [0, 1]; 0 gives the base rank in every draw.
    n : int, default 2000
        Number of draws.
    seed : int or numpy.random.Generator, default 0
        Seed of :func:`numpy.random.default_rng`.
    method : {"weighted_sum", "topsis"}, default "weighted_sum"
    normalisation : str, optional
        None = the method's default.
    draw : {"uniform", "dirichlet"}, default "uniform"

    Returns
    -------
    pandas.DataFrame
        One row per alternative (matrix order): ``alternative, score, rank`` (base),
        ``rank_p05, rank_median, rank_p95`` (quantiles of the rank over the draws,
        numpy's linear rule, so possibly fractional) and ``rank_share`` (share of
        draws keeping the base rank).

    Raises
    ------
    DataError
        As :func:`weighted_sum`; also `noise` outside [0, 1], `n` < 1, or an unknown option.

    References
    ----------
    .. [1] OECD/JRC Handbook on Constructing Composite Indicators (2008), step 7; COINr ``get_sensitivity``.

    Examples
    --------
    >>> X = pd.DataFrame({"va": [2.0, 4.0, 8.0], "risk": [1.0, 2.0, 4.0]}, index=["C10", "C20", "C28"])
    >>> ri = kz.mcdm.rank_interval(X, {"va": 3, "risk": 1}, {"va": True, "risk": False}, noise=0.0, n=10)
    >>> ri[["alternative", "rank", "rank_p05", "rank_p95", "rank_share"]].values.tolist()
    [['C10', 3, 3.0, 3.0, 1.0], ['C20', 2, 2.0, 2.0, 1.0], ['C28', 1, 1.0, 1.0, 1.0]]
    """
    normalisation = _method_norm(method, normalisation)
    _choice(draw, _DRAWS)
    try:
        eps = float(noise)
    except (TypeError, ValueError):
        eps = np.nan
    if not 0.0 <= eps <= 1.0:
        raise DataError(f"noise must be a number in [0, 1] (0.1 = ±10 %), got {noise!r}", key="err_mcdm_noise",
                        value=str(noise))
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise DataError(f"n (the number of draws) must be a whole number >= 1, got {n!r}", key="err_mcdm_draws",
                        value=str(n))
    matrix, R, w = _prepare(matrix, weights, benefit, normalisation)
    N = R.shape[0]
    rng = np.random.default_rng(seed)
    W = _noisy(rng, w, (np.arange(w.size),), int(n), eps, draw)
    base = _score_many(R, w[None, :], method)
    base_rank = _ranks(base, [np.arange(N)])[0]
    ranks = _ranks(_score_many(R, W, method), [np.arange(N)])
    q = _quantiles(ranks, [0.05, 0.5, 0.95])
    return pd.DataFrame({
        "alternative": np.asarray(matrix.index, dtype=object),
        "score": base[0], "rank": base_rank.astype("int64"),
        "rank_p05": q[0], "rank_median": q[1], "rank_p95": q[2],
        "rank_share": (ranks == base_rank).mean(axis=0),
    })
