"""The data layer: every shipped table loaded, validated and tidy.

``catalog()`` lists the files (``data/sources.csv``), ``load(name)`` returns one of
them as a validated long DataFrame with canonical columns (``region, sector,
year, value`` plus whatever keys the table needs; codes, not labels),
``harmonise`` puts regional series on one administrative map, and ``label`` adds
display names in Kazakh, Russian or English.

Nothing here touches the network or writes to ``data/``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._errors import DataError
from ._schema import validate_long
from .registry import LANGS, data_dir, fold_map, regions, sectors

__all__ = ["catalog", "load", "names", "harmonise", "label", "FRAMES", "national_total", "boundaries"]

#: Administrative frames understood by :func:`harmonise`.
FRAMES: tuple[str, ...] = ("20", "17", "16")

_SPLIT_OF_YKO = ("SHM", "TRK")


@dataclass(frozen=True)
class _Official:
    """How a verbatim BNS file maps onto the canonical layout."""

    file: str
    value: str
    sector_col: str | None = "item_code"
    sector: str | None = None          # fixed sector code when the file has none
    extra: dict | None = None          # extra key columns renamed {source: canonical}
    negative: bool = False


_OFFICIAL: dict[str, _Official] = {
    "grp_gva": _Official("official/bns/grp_gva_by_region_section_2010_2025.csv", "value_mln_kzt"),
    "employment": _Official("official/bns/employed_by_region_2001_2025.csv", "employed_thousand",
                            sector_col=None, sector="TOTAL"),
    "employment_by_section": _Official("official/bns/employed_by_section_national_2010_2025.csv",
                                       "employed_thousand"),
    "investment": _Official("official/bns/investment_fixed_capital_by_region_2003_2025.csv",
                            "investment_mln_kzt", sector_col=None, sector="TOTAL"),
    "investment_by_section": _Official(
        "official/bns/investment_fixed_capital_by_section_national_2003_2025.csv", "investment_mln_kzt"),
    "gva_divisions": _Official("official/bns/gva_industry_divisions_national_2013_2025.csv", "gva_mln_kzt",
                               sector_col="okved_code"),
    "labour_productivity": _Official("official/bns/labour_productivity_by_region_section_2010_2025.csv",
                                     "labour_productivity_thousand_kzt_per_employed"),
    "output": _Official("official/bns/output_by_region_section_2022_2025.csv", "output_mln_kzt"),
    "population": _Official("official/bns/population_avg_by_region_2009_2025.csv", "population_persons",
                            sector_col=None, sector="TOTAL", extra={"item_code": "area"}),
    "grp_volume_index": _Official("official/bns/grp_volume_index_by_region_2001_2025.csv",
                                  "grp_volume_index_pct_prev_year", sector_col=None, sector="GDP"),
    "gva_volume_index": _Official("official/bns/gva_volume_index_by_region_section_2010_2025.csv",
                                  "gva_volume_index_pct_prev_year"),
}


@functools.lru_cache(maxsize=1)
def _sources() -> pd.DataFrame:
    path = data_dir() / "sources.csv"
    if not path.exists():
        raise DataError("data/sources.csv is missing; run `python scripts/build_data.py`", file=str(path))
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def catalog() -> pd.DataFrame:
    """The sources table: one row per file in ``data/``.

    Returns
    -------
    pandas.DataFrame
        Columns ``name`` (the key for :func:`load`; empty for files that are not
        loaded directly, e.g. verbatim transcriptions), ``file`` (path below
        ``data/``), ``title``, ``publisher``, ``source`` (paper + table + page, or
        BNS table id + repository path + commit), ``unit``, ``period``,
        ``licence``, ``class`` (``paper``, ``official``, ``derived``,
        ``synthetic``, ``registry``), ``builder``, ``keys``, ``sha256``, ``notes``.

    Examples
    --------
    >>> cat = catalog()
    >>> cat.set_index("name").loc["grp_gva", "class"]
    'official'
    >>> set(cat["class"]) <= {"paper", "official", "derived", "synthetic", "registry"}
    True
    """
    return _sources().copy()


def names() -> list[str]:
    """Names accepted by :func:`load`, sorted.

    Returns
    -------
    list of str

    Examples
    --------
    >>> {"grp_gva", "employment", "population"} <= set(names())
    True
    """
    return sorted(n for n in _sources()["name"] if n)


def _row(name: str) -> pd.Series:
    src = _sources()
    hit = src[src["name"] == name]
    if hit.empty:
        import difflib

        close = difflib.get_close_matches(name, names(), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise DataError(f'no dataset named "{name}"{hint} See kzclusters.data.names() for the list')
    return hit.iloc[0]


def read_as_printed(path) -> pd.DataFrame:
    """Read a transcribed table with every cell as the printed string.

    A few transcriptions separate cells with ``;`` (their texts contain commas);
    the separator is taken from the header line.

    Parameters
    ----------
    path : str or pathlib.Path

    Returns
    -------
    pandas.DataFrame
        All columns ``str``; empty cells (printed dashes) are ``""``.

    Examples
    --------
    >>> df = read_as_printed(data_dir() / "raw/paper/seed003_t1_innovation_index.csv")
    >>> df.loc[0, ["region_ru", "index_2010"]].tolist()
    ['Акмолинская', '11.25']
    """
    with open(path, encoding="utf-8") as fh:
        header = fh.readline()
    sep = ";" if header.count(";") > header.count(",") else ","
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8", sep=sep)


@functools.lru_cache(maxsize=64)
def _load_cached(name: str) -> pd.DataFrame:
    row = _row(name)
    path = data_dir() / row["file"]
    if name in _OFFICIAL:
        spec = _OFFICIAL[name]
        raw = pd.read_csv(path, dtype={spec.sector_col: str} if spec.sector_col else None,
                          keep_default_na=False, encoding="utf-8")
        region = raw["region"] if "region" in raw else pd.Series("KZ", index=raw.index)
        df = pd.DataFrame({"region": region.replace({"national": "KZ"}).astype(str)})
        df["sector"] = raw[spec.sector_col].astype(str) if spec.sector_col else spec.sector
        df["year"] = raw["year"].astype("int64")
        keys = ["region", "sector", "year"]
        for src_col, col in (spec.extra or {}).items():
            df[col] = raw[src_col].astype(str)
            keys.append(col)
        df["value"] = pd.to_numeric(raw[spec.value], errors="raise").astype("float64")
        validate_long(df, keys=keys, name=row["file"], allow_negative=spec.negative)
        df = df.sort_values(keys, kind="stable").reset_index(drop=True)
        df.attrs.update(additive=row["additive"] == "yes", unit=row["unit"], source_class=row["class"],
                        name=name)
        return df
    keys = [k for k in row["keys"].split(";") if k]
    if not keys:  # a reference table (list, typology): every cell as printed
        df = read_as_printed(path)
        df.attrs.update(additive=False, unit=row["unit"], source_class=row["class"], name=name)
        return df
    dtypes = {k: str for k in keys if k != "year"}
    df = pd.read_csv(path, dtype=dtypes, keep_default_na=True, na_values=[""], encoding="utf-8")
    if "year" in keys:
        df["year"] = df["year"].astype("int64")
    if "value" in df:
        df["value"] = pd.to_numeric(df["value"], errors="raise").astype("float64")
        validate_long(df, keys=keys, name=row["file"], allow_nan=True, allow_negative=True)
    df.attrs.update(additive=row["additive"] == "yes", unit=row["unit"],
                    source_class=row["class"], name=name)
    return df


def load(name: str) -> pd.DataFrame:
    """Load a shipped dataset as a validated long DataFrame.

    Parameters
    ----------
    name : str
        A name from :func:`names`, e.g. ``"grp_gva"`` (BNS GRP and gross value
        added by region and OKED section, 2010-2025, million KZT),
        ``"employment"``, ``"investment"``, ``"population"``, or a paper table
        such as ``"seed003_t2_ict_output"``.

    Returns
    -------
    pandas.DataFrame
        Canonical long table (``region, sector, year, value`` and any extra key
        columns the table needs), validated with
        :func:`kzclusters.validate_long`.  Region codes follow
        ``data/regions.csv`` (the national row is ``KZ``), sector codes
        ``data/sectors.csv``.  ``df.attrs`` holds ``unit``, ``source_class`` and
        ``additive`` (whether values may be summed over regions).  Each call
        returns a fresh copy, so callers may modify it.

    Raises
    ------
    DataError
        For an unknown name (with suggestions) or a file that fails validation.

    Notes
    -----
    BNS files are shipped verbatim; the regional GRP file has Shymkent and
    Turkistan back-casts for 2011-2017 *alongside* South Kazakhstan (``YKO``):
    use :func:`harmonise` before summing over regions.

    Examples
    --------
    >>> grp = load("grp_gva")
    >>> list(grp.columns), grp.attrs["unit"]
    (['region', 'sector', 'year', 'value'], 'million KZT, current prices')
    >>> float(grp.query("region == 'ALA' and sector == 'GDP' and year == 2010")["value"].iloc[0])
    3923412.6
    """
    df = _load_cached(name)
    out = df.copy()
    out.attrs = dict(df.attrs)
    return out


def _group_keys(df: pd.DataFrame, value: str) -> list[str]:
    return [c for c in df.columns if c not in ("region", value)]


def harmonise(df: pd.DataFrame, frame: str = "17", *, value: str = "value",
              additive: bool | None = None) -> pd.DataFrame:
    """Put a regional table on one administrative map without double counting.

    Rules (from the BNS series breaks):

    * South Kazakhstan (``YKO``) = Turkistan (``TRK``) + Shymkent (``SHM``).  Where
      a table has both in the same year (the GRP back-casts 2011-2017), frames
      ``"20"`` and ``"17"`` keep the split and drop every ``YKO`` row of that year;
      frame ``"16"`` keeps ``YKO`` and drops the split.  Where only ``YKO`` exists
      (e.g. GRP 2010), it is kept in every frame: that year cannot be split.
    * Frame ``"17"`` (2018 map) folds Abai -> East Kazakhstan, Zhetisu -> Almaty
      Region and Ulytau -> Karaganda; frame ``"16"`` folds those and
      Turkistan + Shymkent -> South Kazakhstan.  Frame ``"20"`` (2022 map) folds
      nothing; before 2021 the parents include the later regions, as published.
    * The national row (``KZ``) passes through unchanged.

    Parameters
    ----------
    df : pandas.DataFrame
        Long table with a ``region`` column and additive levels in `value`.
    frame : {"20", "17", "16"}, default "17"
        Target map.
    value : str, default "value"
        The measure column.
    additive : bool, optional
        Whether values may be summed; defaults to ``df.attrs["additive"]``
        (set by :func:`load`) or True.

    Returns
    -------
    pandas.DataFrame
        A new frame with the same columns; folded regions summed.  Input is not
        modified.

    Raises
    ------
    DataError
        For an unknown frame, or a non-additive table (ratios, indices) that
        would need folding: fold their numerators and denominators instead.

    Examples
    --------
    >>> toy = pd.DataFrame({"region": ["YKO", "SHM", "TRK", "VKO", "ABY", "KZ"],
    ...                     "sector": "GDP", "year": 2017, "value": [10.0, 4, 6, 5, 2, 17]})
    >>> harmonise(toy, "17").sort_values("region")["value"].tolist()   # KZ, SHM, TRK, VKO(+ABY)
    [17.0, 4.0, 6.0, 7.0]
    >>> harmonise(toy, "16").sort_values("region")["value"].tolist()   # KZ, VKO(+ABY), YKO
    [17.0, 7.0, 10.0]
    """
    if frame not in FRAMES:
        raise DataError(f'unknown frame "{frame}"; use "20" (2022 map), "17" (2018 map) or "16" (pre-2018 map)')
    if "region" not in df.columns:
        raise DataError('harmonise needs a "region" column')
    if additive is None:
        additive = bool(df.attrs.get("additive", True))
    keys = _group_keys(df, value)
    out = df.copy()
    regs = out["region"]
    # 1. South Kazakhstan overlap: never count YKO and its split in the same cell.
    if regs.isin(("YKO",) + _SPLIT_OF_YKO).any():
        # decided per year (and any other key but the sector): BNS pads YKO with 0.0 rows for
        # sections it did not publish, which must go with the rest of YKO.
        cell = [k for k in keys if k != "sector"] or keys
        has_split = out[regs.isin(_SPLIT_OF_YKO)][cell].drop_duplicates()
        has_yko = out[regs == "YKO"][cell].drop_duplicates()
        if frame == "16":
            drop_from, cells = _SPLIT_OF_YKO, has_yko
        else:
            drop_from, cells = ("YKO",), has_split
        if len(cells):
            flag = out[cell].merge(cells.assign(_hit=True), on=cell, how="left")["_hit"].fillna(False)
            out = out[~(out["region"].isin(drop_from).to_numpy() & flag.to_numpy().astype(bool))]
    # 2. fold children into parents
    fmap = fold_map(frame)
    folded = out["region"].map(fmap)
    needs_fold = folded.notna().any()
    if not needs_fold:
        out = out.reset_index(drop=True)
        out.attrs = dict(df.attrs, frame=frame)
        return out
    if not additive:
        raise DataError("this table holds ratios or indices, which cannot be summed over regions; "
                        "harmonise the numerator and denominator (e.g. GVA and employment) and divide")
    out = out.assign(region=folded.fillna(out["region"]))
    res = (out.groupby(["region", *keys], sort=False, dropna=False)[value]
              .sum(min_count=1).reset_index())
    res = res[list(df.columns)]
    res.attrs = dict(df.attrs, frame=frame)
    return res


def national_total(df: pd.DataFrame, *, value: str = "value") -> pd.DataFrame:
    """Sum over regions (excluding the national row) without double counting.

    Uses :func:`harmonise` with frame ``"16"`` (the coarsest), which never counts
    South Kazakhstan and its split twice.

    Parameters
    ----------
    df : pandas.DataFrame
        Long table of additive levels with a ``region`` column.
    value : str, default "value"
        The measure column.

    Returns
    -------
    pandas.DataFrame
        The keys other than ``region`` and the summed `value`.

    Examples
    --------
    >>> grp = load("grp_gva")
    >>> tot = national_total(grp).query("sector == 'GDP' and year == 2015")["value"].iloc[0]
    >>> kz = grp.query("region == 'KZ' and sector == 'GDP' and year == 2015")["value"].iloc[0]
    >>> bool(np.isclose(tot, kz))
    True
    """
    h = harmonise(df[df["region"] != "KZ"], "16", value=value)
    keys = _group_keys(h, value)
    return h.groupby(keys, sort=True)[value].sum(min_count=1).reset_index()


def label(df: pd.DataFrame, lang: str = "en", *, short: bool = True) -> pd.DataFrame:
    """Add display names for region and sector codes.

    Parameters
    ----------
    df : pandas.DataFrame
        A table with ``region`` and/or ``sector`` code columns.
    lang : {"kk", "ru", "en"}
        Language of the names.
    short : bool, default True
        Short names (for chart axes) or full official names.

    Returns
    -------
    pandas.DataFrame
        A copy with ``region_name`` and/or ``sector_name`` added; codes not in the
        registry keep the code as their name.

    Examples
    --------
    >>> toy = pd.DataFrame({"region": ["AST", "ALA"], "sector": ["J", "C"], "year": 2020, "value": 1.0})
    >>> label(toy, "ru")[["region_name", "sector_name"]].values.tolist()
    [['Астана', 'Информация и связь'], ['г. Алматы', 'Обрабатывающая пром.']]
    """
    if lang not in LANGS:
        raise DataError(f'unknown language "{lang}"; use one of {", ".join(LANGS)}')
    col = f"{'short' if short else 'name'}_{lang}"
    out = df.copy()
    if "region" in out:
        reg = regions().set_index("code")[col]
        out["region_name"] = out["region"].map(reg).fillna(out["region"])
    if "sector" in out:
        sec = sectors().set_index("code")[col]
        out["sector_name"] = out["sector"].map(sec).fillna(out["sector"])
    return out


_GEO = {"20": "geo/kaz_adm1_2024_20units.geojson", "17": "geo/kaz_adm1_2018_17units.geojson",
        "16": "geo/kaz_adm1_2018_17units.geojson"}


@functools.lru_cache(maxsize=4)
def _boundaries(frame: str, max_points: int) -> dict:
    import json

    from .registry import regions as _regions

    reg = _regions()
    by_kato = dict(zip(reg["kato"], reg["code"]))
    geo = json.loads((data_dir() / _GEO[frame]).read_text(encoding="utf-8"))
    fold = fold_map(frame) if frame == "16" else {}
    out: dict[str, list] = {}
    for feat in geo["features"]:
        code = by_kato[feat["properties"]["KATO"]]
        code = fold.get(code, code)
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for poly in polys:
            ring = np.asarray(poly[0], dtype="float64")[:, :2]
            step = max(1, len(ring) // max_points)
            out.setdefault(code, []).append(np.vstack([ring[::step], ring[:1]]))
    return out


def boundaries(frame: str = "20", *, max_points: int = 400) -> dict:
    """Outer rings of the regions of a map frame, for drawing choropleths.

    Parameters
    ----------
    frame : {"20", "17", "16"}
        ``"20"``: 2024 boundaries (20 units); ``"17"``: 2018 (17 units); ``"16"``:
        the 2018 file with Turkistan and Shymkent under South Kazakhstan
        (``YKO``), drawn as one unit.
    max_points : int, default 400
        Rings are thinned to about this many points (plenty for a national map).

    Returns
    -------
    dict
        region code -> list of ``(n, 2)`` arrays of lon/lat (holes omitted).
        Geometry: geokz (A. Rodionov), CC BY 4.0.

    Examples
    --------
    >>> len(boundaries("20")), len(boundaries("17")), len(boundaries("16"))
    (20, 17, 16)
    >>> "ABY" in boundaries("20") and "ABY" not in boundaries("17")
    True
    """
    if frame not in _GEO:
        raise DataError(f'unknown frame "{frame}"; use "20", "17" or "16"')
    return {k: [r.copy() for r in v] for k, v in _boundaries(frame, max_points).items()}
