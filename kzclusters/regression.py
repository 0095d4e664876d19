r"""Panel regressions of regional data, with honest warnings about what small samples can identify.

Seed 004's SME-integration paper (step IV of its Figure 3) writes a
regression of gross regional product on the SME potential and three controls

.. math:: GRP^{MFG}_r = \alpha + \beta_1 P^{MSP}_r + \beta_2 INV_r + \beta_3 EXP_r + \beta_4 LAB_r
          + \varepsilon_r

(GRP of manufacturing, the integral SME potential, fixed-capital
investment, manufacturing exports and R&D staff), calls the
:math:`\beta` "elasticities" and **estimates nothing**: the formula is all
there is.  :func:`paper_step4_panel` assembles what the shipped data allow
for it (five regions x two years, so ten observations for five
coefficients), and :func:`panel_ols` estimates it, or any other panel a user
uploads (:func:`read_panel`), by OLS with optional region and year fixed
effects and heteroskedasticity-robust standard errors (statsmodels).

Every result carries ``warnings``: i18n keys with parameters that the
workbook shows beside the table.  The warnings cover a model that cannot be
identified (:func:`identifiable`: *n* observations for *k* coefficients needs
*n* > *k*), few residual degrees of freedom, few observations per coefficient,
perfect collinearity (the aliased terms are dropped, as R's ``lm`` does),
fixed effects with few regions, and standard errors that cannot be computed.

References
----------
.. [1] Seed 004, «МСП и технологическая интеграция» (SME integration paper), step IV (Figure 3) and the
   printed formula ``GRP_ОП = α + β1·P_MCП + β2·INV + β3·EXP + β4·LAB + ε`` (spec ``msme_integration.md``
   §F4 and §6).
.. [2] Wooldridge, J.M., Introductory Econometrics: A Modern Approach, ch. 3 (OLS, perfect collinearity),
   ch. 8 (heteroskedasticity-robust inference) and ch. 14 (fixed effects, dummy-variable regression).
.. [3] MacKinnon, J.G. and White, H. (1985), "Some heteroskedasticity-consistent covariance matrix
   estimators with improved finite sample properties", Journal of Econometrics 29, 305-325 (HC1-HC3).
"""

from __future__ import annotations

import io as _io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np
import pandas as pd

from . import data as _data
from . import io as _kio
from ._errors import DataError

__all__ = ["panel_ols", "PanelOLSResult", "identifiable", "paper_step4_panel", "read_panel", "ROBUST",
           "MIN_DF_RESID", "OBS_PER_COEF", "MIN_FE_ENTITIES", "PAPER_REGIONS", "PAPER_YEARS", "STEP4_Y",
           "STEP4_X"]

#: Covariance estimators understood by :func:`panel_ols` (``"cluster"`` = clustered by region).
ROBUST: tuple[str, ...] = ("nonrobust", "HC0", "HC1", "HC2", "HC3", "cluster")
#: Warn when fewer residual degrees of freedom remain.
MIN_DF_RESID: int = 5
#: Warn when there are fewer observations per coefficient (a common rule of thumb, the workbook's choice).
OBS_PER_COEF: int = 10
#: Warn when region fixed effects (or clustered errors) rest on fewer regions (the workbook's choice).
MIN_FE_ENTITIES: int = 10
#: The five regions of the SME-integration paper (Karaganda, Pavlodar, Almaty city, East Kazakhstan,
#: Kostanay); the same as :data:`kzclusters.msme.PAPER_REGIONS`.
PAPER_REGIONS: tuple[str, ...] = ("KRG", "PVL", "ALA", "VKO", "KST")
#: The paper's two years (:data:`kzclusters.msme.PAPER_YEARS`).
PAPER_YEARS: tuple[int, ...] = (2023, 2024)
#: Dependent variable of step IV: GRP of manufacturing (the legend "ВВП обрабатывающей отрасли").
STEP4_Y: str = "grp_mfg"
#: Regressors of step IV, in the printed order.
STEP4_X: tuple[str, ...] = ("p_msp", "inv", "exp", "lab")

_CONST = "const"


def _warning(key: str, message: str, **params) -> Mapping:
    """One warning: i18n key, its parameters and the English text."""
    return MappingProxyType({"key": key, "params": MappingProxyType(params), "message": message})


def identifiable(n: int, k: int) -> bool:
    r"""Whether *n* observations can identify *k* coefficients by OLS with an error variance.

    .. math:: \text{identifiable} \iff n > k \quad (\text{residual degrees of freedom } n - k \ge 1)

    With *n* = *k* the fit passes through every point (no residuals, no
    standard errors); with *n* < *k* the coefficients are not unique.  This is
    a necessary condition only: the design must also have full column rank
    (:func:`panel_ols` checks that).

    Parameters
    ----------
    n : int
        Number of observations (>= 0).
    k : int
        Number of coefficients including the intercept and any fixed effects (>= 1).

    Returns
    -------
    bool

    Raises
    ------
    DataError
        If `n` or `k` is not a whole number, or ``n < 0`` or ``k < 1``.

    References
    ----------
    .. [1] Wooldridge, Introductory Econometrics, ch. 3 (assumption MLR.3, no perfect collinearity; n > k).

    Examples
    --------
    The paper's step IV: 5 regions x 2 years = 10 observations for 4 slopes and an intercept.

    >>> identifiable(10, 5), identifiable(5, 5), identifiable(4, 5)
    (True, False, False)
    """
    for name, x in (("n", n), ("k", k)):
        if isinstance(x, bool) or not isinstance(x, (int, np.integer)):
            raise DataError(f"{name} must be a whole number, got {x!r}", key="err_reg_count", name=name,
                            value=str(x))
    if n < 0 or k < 1:
        raise DataError(f"need n >= 0 and k >= 1, got n={n}, k={k}", key="err_reg_count", name="n, k",
                        value=f"{n}, {k}")
    return bool(n > k)


# ----------------------------------------------------------------------------- panel input


def _wide(panel) -> pd.DataFrame:
    """A panel (long ``region, year, variable|indicator, value`` or wide) as wide region, year, variables."""
    if not isinstance(panel, pd.DataFrame):
        raise DataError("the panel must be a table with the columns region, year and either variable + value "
                        "(long) or one column per variable (wide)", key="err_reg_panel_columns",
                        columns="region, year, variable, value")
    lacking = [c for c in ("region", "year") if c not in panel.columns]
    if lacking:
        raise DataError(f"the panel has no column {', '.join(lacking)}", key="err_reg_panel_columns",
                        columns=", ".join(lacking))
    var = "variable" if "variable" in panel.columns else "indicator" if "indicator" in panel.columns else None
    if var is not None and "value" in panel.columns:
        d = panel[["region", "year", var, "value"]].rename(columns={var: "variable"})
        d = d.assign(region=d["region"].astype(str), variable=d["variable"].astype(str))
        dup = d.duplicated(["region", "year", "variable"], keep=False)
        if dup.any():
            r = d[dup].iloc[0]
            raise DataError(f"variable {r['variable']} appears twice for {r['region']} {r['year']}; "
                            "keep one row",
                            key="err_reg_duplicate", variable=r["variable"], region=r["region"],
                            year=str(r["year"]))
        try:
            d["value"] = pd.to_numeric(d["value"], errors="raise").astype("float64")
        except (TypeError, ValueError):
            raise DataError("the value column holds text that is not a number", key="err_reg_not_number",
                            variable="value") from None
        wide = d.pivot(index=["region", "year"], columns="variable", values="value")
        wide.columns.name = None
        wide = wide.reset_index()
    else:
        d = panel.assign(region=panel["region"].astype(str))
        dup = d.duplicated(["region", "year"], keep=False)
        if dup.any():
            r = d[dup].iloc[0]
            raise DataError(f"{r['region']} {r['year']} appears twice; keep one row", key="err_reg_duplicate",
                            variable="(all)", region=r["region"], year=str(r["year"]))
        wide = d.reset_index(drop=True)
        for c in wide.columns:
            if c in ("region", "year"):
                continue
            try:
                wide[c] = pd.to_numeric(wide[c], errors="raise").astype("float64")
            except (TypeError, ValueError):
                raise DataError(f"column {c} holds text that is not a number", key="err_reg_not_number",
                                variable=str(c)) from None
    if wide["year"].isna().any():
        raise DataError("year is missing in some rows", key="err_reg_panel_columns", columns="year")
    return wide


def _log_set(log, y: str, x: list) -> tuple:
    if log is True:
        return (y, *x)
    if log is False or log is None:
        return ()
    names = (log,) if isinstance(log, str) else tuple(log)
    bad = [n for n in names if n not in (y, *x)]
    if bad:
        raise DataError(f"log names {bad[0]!r}, which is not in the model ({', '.join((y, *x))})",
                        key="err_reg_unknown_variable", name=str(bad[0]), available=", ".join((y, *x)))
    return names


def _aliased(X: np.ndarray, order: list) -> list:
    """Positions (in `order`) of columns that are exact linear combinations of earlier ones (R ``lm`` style).

    Columns are scaled to unit length first, so the test does not depend on units (KZT vs shares); a
    column is aliased when adding it does not raise the numerical rank (relative tolerance 1e-7).
    """
    norms = np.linalg.norm(X, axis=0)
    Xs = X / np.where(norms > 0, norms, 1.0)
    keep, dropped = [], []
    for j in order:
        cand = Xs[:, keep + [j]]
        s = np.linalg.svd(cand, compute_uv=False)
        if norms[j] == 0 or s.size < len(keep) + 1 or s[-1] <= 1e-7 * max(s[0], 1.0):
            dropped.append(j)
        else:
            keep.append(j)
    return dropped


# ----------------------------------------------------------------------------- estimation


@dataclass(frozen=True, eq=False)
class PanelOLSResult:
    """An OLS fit of a regional panel with its warnings (returned by :func:`panel_ols`).

    Attributes
    ----------
    coefficients : pandas.DataFrame
        ``term, coef, se, t, p, ci_low, ci_high, aliased``: one row per
        coefficient (``const``, the regressors, then ``region[...]`` and
        ``year[...]`` dummies).  NaN where the model is not identified or the
        term is aliased (perfectly collinear; ``aliased`` is True).
    n, k, rank, df_resid : int
        Observations used, coefficients asked for (incl. intercept and
        dummies), coefficients estimable (the design's rank) and residual
        degrees of freedom :math:`n - \\text{rank}`.
    r2, adj_r2 : float
        :math:`R^2` and adjusted :math:`R^2` (with fixed effects: of the
        dummy-variable regression); NaN when not identified.
    n_entities, n_periods, n_dropped : int
        Regions and years among the observations used, and rows dropped
        because a variable was missing.
    identified : bool
        :func:`identifiable` ``(n, rank)``.
    warnings : tuple of mappings
        ``{"key", "params", "message"}``: i18n key, its parameters, English text.
    method : mapping
        ``y, x, log, entity_effects, time_effects, robust, inference``.
    data : pandas.DataFrame
        The observations used (after any log transform): ``region, year, y, x...``.
    model : object or None
        The statsmodels results (None when nothing was estimated).

    Examples
    --------
    >>> p = pd.DataFrame({"region": list("ABCDEFGH"), "year": 2024,
    ...                   "x": [1.0, 2, 3, 4, 5, 6, 7, 8], "y": [2.1, 3.9, 6.2, 8.1, 9.8, 12.2, 13.9, 16.1]})
    >>> res = panel_ols(p, "y", ["x"])
    >>> res.n, res.k, res.df_resid, res.warning_keys
    (8, 2, 6, ('reg_warn_small_sample',))
    """

    coefficients: pd.DataFrame
    n: int
    k: int
    rank: int
    df_resid: int
    r2: float
    adj_r2: float
    n_entities: int
    n_periods: int
    n_dropped: int
    identified: bool
    warnings: tuple
    method: Mapping
    data: pd.DataFrame = field(repr=False)
    model: object = field(default=None, repr=False)

    @property
    def warning_keys(self) -> tuple:
        """The i18n keys of :attr:`warnings`, in order."""
        return tuple(w["key"] for w in self.warnings)


def panel_ols(panel: pd.DataFrame, y: str, x, *, log=False, entity_effects: bool = False,
              time_effects: bool = False, robust: str = "HC1") -> PanelOLSResult:
    r"""OLS of a regional panel, with region / year fixed effects and robust standard errors.

    .. math:: y_{rt} = \alpha + \sum_j \beta_j x_{jrt} + \mu_r + \lambda_t + \varepsilon_{rt}

    where :math:`\mu_r` (``entity_effects``) and :math:`\lambda_t`
    (``time_effects``) enter as dummies (the first region / year is the
    base).  ``log=True`` takes natural logs of *y* and every *x* (the
    :math:`\beta` are then elasticities, as the paper calls them; in the
    linear form they are marginal effects).  Coefficients
    :math:`\hat\beta = (X'X)^{-1}X'y`; with ``robust="HC1"`` the covariance is

    .. math:: \widehat V = \frac{n}{n-k}\,(X'X)^{-1} X' \operatorname{diag}(\hat e_i^2)\, X (X'X)^{-1}

    (White's estimator with the small-sample factor, statsmodels ``HC1``);
    *t* statistics use *t*\ (n - k) for p-values and 95 % intervals even for
    robust errors (statsmodels ``use_t=True``), which is safer in small
    samples than the normal approximation (with ``robust="cluster"``:
    *t*\ (G - 1), *G* the number of regions, statsmodels' default).

    Rows with a missing *y* or *x* are dropped (counted in ``n_dropped``).
    Perfectly collinear terms are dropped and reported, as R's ``lm`` does
    (the intercept and the fixed effects are kept first, so a regressor that
    is constant within every region is the one dropped under region
    effects); the model is identified when more observations remain than
    estimable coefficients (:func:`identifiable` of *n* and the rank).

    Parameters
    ----------
    panel : pandas.DataFrame
        Long ``region, year, variable, value`` (``indicator`` is accepted for
        ``variable``) or wide ``region, year, <one column per variable>``.
    y : str
        Dependent variable.
    x : str or list of str
        Regressors.
    log : bool or iterable of str, default False
        True: log of *y* and all *x*; or the names of the variables to log.
    entity_effects, time_effects : bool, default False
        Region and year dummies.
    robust : {"nonrobust", "HC0", "HC1", "HC2", "HC3", "cluster"}, default "HC1"
        Covariance estimator; ``"cluster"`` clusters by region.

    Returns
    -------
    PanelOLSResult
        ``coefficients`` (``term, coef, se, t, p, ci_low, ci_high,
        aliased``), ``n, k, rank, df_resid, r2, adj_r2, n_entities,
        n_periods, n_dropped, identified, warnings, method, data, model``.
        ``warnings`` may hold, in this order: ``reg_warn_dropped`` (rows with
        missing values), ``reg_warn_collinear`` (aliased terms),
        ``reg_warn_not_identified`` (*n* <= the number of estimable
        coefficients, e.g. *n* <= *k*: nothing estimated, all NaN),
        ``reg_warn_low_df`` (``df_resid`` < :data:`MIN_DF_RESID`),
        ``reg_warn_small_sample`` (*n* < :data:`OBS_PER_COEF` x *k*),
        ``reg_warn_few_entities`` (region effects or clustering with fewer
        than :data:`MIN_FE_ENTITIES` regions), ``reg_warn_singletons``
        (regions seen once under region effects: fitted exactly),
        ``reg_warn_se_undefined`` (a standard error is not finite, e.g. HC2/HC3
        with a leverage-1 observation).

    Raises
    ------
    DataError
        With an i18n key: the panel lacks region/year (``err_reg_panel_columns``),
        has a duplicate row (``err_reg_duplicate``) or text in a number
        (``err_reg_not_number``); *y* or an *x* is not in the panel
        (``err_reg_unknown_variable``), *y* is among the *x* or *x* is empty
        (``err_reg_model``); a logged variable is <= 0 (``err_reg_log_nonpositive``);
        an unknown `robust` (``err_reg_robust``).

    References
    ----------
    .. [1] Seed 004, SME-integration paper, step IV formula (spec ``msme_integration.md`` §F4).
    .. [2] Wooldridge, Introductory Econometrics, ch. 3, 8 and 14; MacKinnon and White (1985).

    Examples
    --------
    A synthetic panel (4 regions x 3 years, y = 1 + 2x + noise):

    >>> p = pd.DataFrame({"region": np.repeat(list("ABCD"), 3), "year": np.tile([2022, 2023, 2024], 4),
    ...                   "x": [1.0, 2, 3, 2, 3, 5, 4, 4, 6, 7, 8, 8]})
    >>> p["y"] = 1 + 2 * p["x"] + np.array([0.1, -0.2, 0.1, 0.0, 0.2, -0.1, 0.1, -0.1, 0.0, 0.1, -0.1, 0.0])
    >>> res = panel_ols(p, "y", "x")
    >>> res.coefficients[["term", "coef", "se"]].round(3).values.tolist()
    [['const', 1.039, 0.083], ['x', 1.993, 0.014]]
    >>> res.n, res.k, res.df_resid, res.warning_keys
    (12, 2, 10, ('reg_warn_small_sample',))

    Twelve observations for two coefficients leave 10 residual degrees of
    freedom; only the rule of thumb (10 observations per coefficient) fires.
    Region effects add three dummies (five coefficients) and rest on four
    regions:

    >>> panel_ols(p, "y", "x", entity_effects=True).warning_keys
    ('reg_warn_small_sample', 'reg_warn_few_entities')

    One year with region effects: 4 observations for 5 coefficients, nothing
    is estimated:

    >>> res = panel_ols(p.query("year == 2024"), "y", "x", entity_effects=True)
    >>> res.identified, bool(res.coefficients["coef"].isna().all()), res.warning_keys[0]
    (False, True, 'reg_warn_not_identified')
    >>> res.warnings[0]["message"]
    'cannot identify: 4 observations for 5 coefficients (need more observations than coefficients)'
    """
    if robust not in ROBUST:
        raise DataError(f"unknown robust {robust!r}; choose one of {', '.join(ROBUST)}", key="err_reg_robust",
                        value=str(robust), options=", ".join(ROBUST))
    x = [x] if isinstance(x, str) else list(x) if isinstance(x, Iterable) else [x]
    if not x:
        raise DataError("give at least one regressor x", key="err_reg_model", name=str(y))
    if y in x:
        raise DataError(f"{y} is both the dependent variable and a regressor", key="err_reg_model",
                        name=str(y))
    wide = _wide(panel)
    available = [c for c in wide.columns if c not in ("region", "year")]
    for name in (y, *x):
        if name not in available:
            have = ", ".join(map(str, available))
            raise DataError(f"variable {name!r} is not in the panel (it has {have})",
                            key="err_reg_unknown_variable", name=str(name), available=have)
    logged = _log_set(log, y, x)
    cols = [y, *x]
    d = wide[["region", "year", *cols]]
    complete = d[cols].notna().all(axis=1)
    n_dropped = int((~complete).sum())
    d = d[complete].sort_values(["region", "year"], kind="stable").reset_index(drop=True)
    for name in logged:
        bad = np.flatnonzero(d[name].to_numpy() <= 0)
        if bad.size:
            r = d.iloc[int(bad[0])]
            raise DataError(f"cannot take the log of {name} = {r[name]:g} ({r['region']}, {r['year']}); "
                            "logs need values > 0", key="err_reg_log_nonpositive", variable=name,
                            region=str(r["region"]), year=str(r["year"]), value=f"{r[name]:g}")
        d[name] = np.log(d[name].to_numpy())
    n = len(d)
    entities = pd.Index(sorted(d["region"].unique()))
    periods = pd.Index(sorted(d["year"].unique()))

    # design: const, x, then the dummies (first region / year = base)
    names = [_CONST, *x]
    blocks = [np.ones((n, 1)), d[x].to_numpy(dtype="float64")]
    if entity_effects and len(entities) > 1:
        names += [f"region[{e}]" for e in entities[1:]]
        blocks.append((d["region"].to_numpy()[:, None] == entities[1:].to_numpy()[None, :]).astype("float64"))
    if time_effects and len(periods) > 1:
        names += [f"year[{t}]" for t in periods[1:]]
        blocks.append((d["year"].to_numpy()[:, None] == periods[1:].to_numpy()[None, :]).astype("float64"))
    X = np.hstack(blocks) if n else np.zeros((0, len(names)))
    k = len(names)
    yv = d[y].to_numpy(dtype="float64")

    warns = []
    if n_dropped:
        warns.append(_warning("reg_warn_dropped", f"{n_dropped} row(s) with a missing value were left out",
                              n_dropped=n_dropped))
    order = [0, *range(1 + len(x), k), *range(1, 1 + len(x))]            # intercept and dummies first
    dropped = _aliased(X, order) if n else list(range(k))
    rank = k - len(dropped)
    ok = identifiable(n, rank) if n else False
    if not ok:
        # no residual degree of freedom is left: report the count problem (with too few rows every extra
        # column looks "aliased", so collinearity is not reported) and estimate nothing
        dropped = []
        warns.append(_warning("reg_warn_not_identified", f"cannot identify: {n} observations for {k} "
                              "coefficients (need more observations than coefficients)", n=n, k=k))
    elif dropped:
        terms = ", ".join(names[j] for j in sorted(dropped))
        warns.append(_warning("reg_warn_collinear", f"perfect collinearity: {terms} dropped (rank {rank} "
                              f"of {k} coefficients)", terms=terms, rank=rank, k=k))
    keep = [j for j in range(k) if j not in dropped]
    coef = np.full((k, 6), np.nan)
    r2 = adj = np.nan
    model = None
    if ok:
        from statsmodels.regression.linear_model import OLS   # not statsmodels.api: 1.1 s less to import

        ols = OLS(yv, X[:, keep])
        if robust == "nonrobust":
            model = ols.fit(use_t=True)
        elif robust == "cluster":
            codes = pd.factorize(d["region"])[0]
            model = ols.fit(cov_type="cluster", cov_kwds={"groups": codes}, use_t=True)
        else:
            model = ols.fit(cov_type=robust, use_t=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            ci = np.asarray(model.conf_int(0.05))
            coef[keep] = np.column_stack([model.params, model.bse, model.tvalues, model.pvalues, ci])
        r2, adj = float(model.rsquared), float(model.rsquared_adj)
        if robust in ("HC2", "HC3"):
            # leverage h_ii = 1 (e.g. a region seen once under region effects): e_i / (1 - h_ii) is 0 / 0,
            # so every HC2/HC3 standard error is undefined
            q = np.linalg.qr(X[:, keep])[0]
            if (np.sum(q ** 2, axis=1) > 1 - 1e-8).any():
                coef[keep, 1:] = np.nan
    df_resid = max(n - rank, 0)
    if ok and df_resid < MIN_DF_RESID:
        warns.append(_warning("reg_warn_low_df", f"only {df_resid} residual degree(s) of freedom; estimates "
                              "and standard errors are fragile", df_resid=df_resid, min=MIN_DF_RESID))
    if ok and n < OBS_PER_COEF * k:
        warns.append(_warning("reg_warn_small_sample", f"{n} observations for {k} coefficients "
                              f"({n / k:.1f} per coefficient; a rule of thumb asks for {OBS_PER_COEF})",
                              n=n, k=k, ratio=f"{n / k:.1f}", min=OBS_PER_COEF))
    if (entity_effects or robust == "cluster") and len(entities) < MIN_FE_ENTITIES:
        warns.append(_warning("reg_warn_few_entities", f"region effects (or clusters) rest on only "
                              f"{len(entities)} region(s); at least {MIN_FE_ENTITIES} are advisable",
                              n_entities=len(entities), min=MIN_FE_ENTITIES))
    if entity_effects:
        counts = d["region"].value_counts()
        single = int((counts == 1).sum())
        if single:
            warns.append(_warning("reg_warn_singletons", f"{single} region(s) have a single observation; "
                                  "with region effects they are fitted exactly and say nothing about the "
                                  "slopes",
                                  n=single))
    if model is not None and not np.isfinite(coef[keep, 1]).all():
        bad = ", ".join(names[j] for j in keep if not np.isfinite(coef[j, 1]))
        warns.append(_warning("reg_warn_se_undefined", f"standard errors could not be computed for {bad} "
                              "(with HC2/HC3 an observation with leverage 1 makes them undefined; try HC1)",
                              terms=bad))
    table = pd.DataFrame(coef, columns=["coef", "se", "t", "p", "ci_low", "ci_high"])
    table.insert(0, "term", names)
    table["aliased"] = [j in dropped for j in range(k)]
    method = MappingProxyType({"y": y, "x": tuple(x), "log": tuple(logged),
                               "entity_effects": bool(entity_effects), "time_effects": bool(time_effects),
                               "robust": robust,
                               "inference": "t(n_regions - 1)" if robust == "cluster" else "t(df_resid)"})
    return PanelOLSResult(coefficients=table, n=n, k=k, rank=rank, df_resid=df_resid, r2=r2, adj_r2=adj,
                          n_entities=len(entities), n_periods=len(periods), n_dropped=n_dropped,
                          identified=ok, warnings=tuple(warns), method=method, data=d, model=model)


# ----------------------------------------------------------------------------- the paper's step IV


def _pmsp() -> pd.DataFrame:
    """P_MSP of each region and year of Table 6 (:func:`kzclusters.msme.sme_potential`, ``by="region"``)."""
    from .msme import sme_potential

    p = sme_potential(by="region")
    p = p[p["year"].notna()]
    return pd.DataFrame({"region": p["region"].to_numpy(), "year": p["year"].to_numpy(dtype="int64"),
                         "value": p["p_msp"].to_numpy(dtype="float64")})


def paper_step4_panel(*, regions=PAPER_REGIONS, years=PAPER_YEARS, carry_lab: bool = True,
                      pmsp: pd.DataFrame | None = None) -> pd.DataFrame:
    r"""The data the workbook has for the paper's step IV regression, as a long panel.

    The paper prints the formula only (:data:`STEP4_Y` on :data:`STEP4_X`);
    its regressors come from these shipped tables:

    ========  ==========================================  ==================================  =========
    variable  meaning                                     source                              years
    ========  ==========================================  ==================================  =========
    grp       GRP, mln KZT                                BNS ``grp_gva``, sector GDP         2010-2025
    grp_mfg   GRP of manufacturing (GVA, section C)       BNS ``grp_gva``, sector C           2010-2025
    p_msp     integral SME potential                      paper Table 6 (see below)           2023-2024
    inv       fixed-capital investment, mln KZT           BNS ``investment``, TOTAL           2003-2025
    exp       manufacturing exports, mln USD              paper Table 4                       2023-2024
    lab       R&D staff, persons                          BNS ``rd`` bulletin                 2022 only
    ========  ==========================================  ==================================  =========

    :math:`P^{MSP}_{rt} = 0.4\,PP_{rt} + 0.3\,INNP_{rt} + 0.2\,EP_{rt}`, the
    region's shares of the national SME output, SME innovations and
    manufacturing exports in Table 6, computed by
    :func:`kzclusters.msme.sme_potential` (``by="region"``, exact shares;
    the cooperation term has no data or weight).  The paper averages these
    over regions and years (0.0778 from its rounded shares, 0.0785 exact);
    here each region-year keeps its own value.  Pass `pmsp` to use another
    P_MSP series.

    **n.** P_MSP and exports exist for the paper's five regions and two years
    only, so the panel has at most **10 observations for 5 coefficients**
    (``identifiable(10, 5)`` is True with 5 residual degrees of freedom, below
    the rule of thumb of :data:`OBS_PER_COEF` per coefficient).  R&D staff is
    published for 2022 only: with ``carry_lab=True`` the 2022 value stands in
    for both years (``source_year`` says so); with False the ``lab`` rows are
    missing and the full model has **n = 0**.  ``attrs["n_complete"]`` gives
    the number of region-years with every variable.

    Parameters
    ----------
    regions : iterable of str, default :data:`PAPER_REGIONS`
    years : iterable of int, default :data:`PAPER_YEARS`
    carry_lab : bool, default True
        Use R&D staff of 2022 for every year.
    pmsp : pandas.DataFrame, optional
        ``region, year, value`` of P_MSP to use instead of Table 6.

    Returns
    -------
    pandas.DataFrame
        ``region, year, variable, value, unit, source, source_year, name_key``
        (one row per region, year and variable; NaN where the source has no
        value; ``name_key`` is the i18n key of the variable's name).
        ``attrs``: ``n_complete``, ``y`` (:data:`STEP4_Y`), ``x``
        (:data:`STEP4_X`), ``note_key``.

    References
    ----------
    .. [1] Seed 004, SME-integration paper: step IV formula, Table 4 (exports), Table 6 (P_MSP components);
       spec ``msme_integration.md`` §F1, §F4 and §6.
    .. [2] BNS: GRP by region and section (dynamic table 5927), investment in fixed capital (5546), R&D
       bulletin 2022 (``data/official/bns_rd_2022.csv``).

    Examples
    --------
    >>> p = paper_step4_panel()
    >>> p.attrs["n_complete"], sorted(p["variable"].unique())
    (10, ['exp', 'grp', 'grp_mfg', 'inv', 'lab', 'p_msp'])
    >>> paper_step4_panel(carry_lab=False).attrs["n_complete"]
    0
    >>> res = panel_ols(p, STEP4_Y, list(STEP4_X))
    >>> res.n, res.k, res.df_resid, res.warning_keys
    (10, 5, 5, ('reg_warn_small_sample',))
    """
    regions, years = tuple(regions), tuple(int(y) for y in years)
    frame = pd.MultiIndex.from_product([regions, years], names=["region", "year"]).to_frame(index=False)
    parts = []

    def add(variable, df, unit, source, source_year=None):
        got = frame.merge(df[["region", "year", "value"]], on=["region", "year"], how="left")
        parts.append(got.assign(variable=variable, unit=unit, source=source,
                                source_year=got["year"] if source_year is None else source_year))

    g = _data.load("grp_gva")
    add("grp", g[g["sector"] == "GDP"], "mln KZT", "grp_gva (BNS), sector GDP")
    add("grp_mfg", g[g["sector"] == "C"], "mln KZT", "grp_gva (BNS), sector C")
    if pmsp is None:
        add("p_msp", _pmsp(), "share 0-1",
            "msme.sme_potential (Table 6): 0.4 PP + 0.3 INNP + 0.2 EP")
    else:
        add("p_msp", pmsp, "share 0-1", "user")
    inv = _data.load("investment")
    add("inv", inv[inv["sector"] == "TOTAL"], "mln KZT", "investment (BNS), TOTAL")
    t4 = _data.load("seed004_msme_t04_mfg_exports_by_region")
    add("exp", t4[t4["measure"] == "mfg_export"], "mln USD", "seed004_msme_t04_mfg_exports_by_region")
    rd = _data.load("rd")
    lab = rd[rd["indicator"] == "rd_personnel"]
    if carry_lab:
        lab22 = lab[lab["year"] == 2022][["region", "value"]]
        add("lab", frame.merge(lab22, on="region", how="left"), "persons", "rd (BNS bulletin), rd_personnel",
            source_year=2022)
    else:
        add("lab", lab, "persons", "rd (BNS bulletin), rd_personnel")
    out = pd.concat(parts, ignore_index=True)[["region", "year", "variable", "value", "unit", "source",
                                               "source_year"]]
    out["source_year"] = out["source_year"].astype("int64")
    out["name_key"] = "reg_var_" + out["variable"]
    full = out[out["variable"].isin((STEP4_Y, *STEP4_X))].pivot_table(
        index=["region", "year"], columns="variable", values="value", aggfunc="first", dropna=False)
    n_complete = int(full.reindex(columns=[STEP4_Y, *STEP4_X]).notna().all(axis=1).sum())
    out.attrs.update(n_complete=n_complete, y=STEP4_Y, x=STEP4_X, note_key="reg_note_step4")
    return out


# ----------------------------------------------------------------------------- uploads


def read_panel(source, filename: str | None = None) -> pd.DataFrame:
    """Read a user's panel (CSV or XLSX) for :func:`panel_ols`.

    The file is read by :func:`kzclusters.io.read_table` with
    ``kind="indicators"``: variables are indicators.  Long layout
    ``region, variable (or indicator), year, value``, or wide with one column
    per year and one row per region and variable; region names in kk/ru/en
    or codes, decimal commas, printed dashes (missing), negative values
    (growth rates) are all accepted.

    Parameters
    ----------
    source : str, pathlib.Path, bytes or file-like
        The file; only read, never modified.
    filename : str, optional
        Name for messages (needed with bytes).

    Returns
    -------
    pandas.DataFrame
        ``region, year, variable, value`` (region codes; NaN for empty cells),
        in file order; ``attrs``: ``source`` (file name), ``variables``.

    Raises
    ------
    DataError
        Everything :func:`kzclusters.io.read_table` raises (unknown region,
        duplicate rows, text in a number cell ...), and
        ``err_reg_upload_national`` (a national-total row: it is the sum of
        the regions, not another observation) or ``err_reg_upload_variables``
        (fewer than two variables: a regression needs *y* and at least one *x*).

    References
    ----------
    .. [1] :func:`kzclusters.io.read_table` (the upload reader of the workbook).

    Examples
    --------
    >>> raw = ("region;variable;year;value\\nKZ-63;grp;2023;4 459 056,1\\nKZ-63;inv;2023;648 604\\n"
    ...        "Павлодарская область;grp;2023;4371041,7\\nPavlodar;inv;2023;797475\\n")
    >>> read_panel(raw.encode(), filename="mine.csv").values.tolist()
    [['VKO', 2023, 'grp', 4459056.1], ['VKO', 2023, 'inv', 648604.0],
     ['PVL', 2023, 'grp', 4371041.7], ['PVL', 2023, 'inv', 797475.0]]
    >>> read_panel(b"region,variable,year,value\\nKZ-63,grp,2023,1\\n", filename="one.csv")
    Traceback (most recent call last):
    ...
    kzclusters._errors.DataError: one.csv: the file has 1 variable(s) (grp); a regression needs ...
    """
    content, name = _kio._load(source, filename)
    wrapped = _io.StringIO(content) if isinstance(content, str) else content
    raw = _kio.read_table(wrapped, filename=name, kind="indicators", allow_negative=True)
    out = pd.DataFrame({"region": raw["region"].astype(str).to_numpy(),
                        "year": raw["year"].to_numpy(dtype="int64"),
                        "variable": raw["indicator"].astype(str).str.strip().to_numpy(),
                        "value": raw["value"].to_numpy(dtype="float64")})
    if (out["region"] == "KZ").any():
        raise DataError("the national total (Kazakhstan) is the sum of the regions, not another observation; "
                        "delete its rows", file=name, key="err_reg_upload_national")
    variables = tuple(dict.fromkeys(out["variable"]))
    if len(variables) < 2:
        raise DataError(f"the file has {len(variables)} variable(s) ({', '.join(variables)}); a regression "
                        "needs a dependent variable and at least one regressor", file=name,
                        key="err_reg_upload_variables", n=len(variables), variables=", ".join(variables))
    out.attrs.update(source=name, variables=variables)
    return out
