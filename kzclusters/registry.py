"""Registries of regions and sectors: codes, names in kk/ru/en, aliases, fold rules.

Everything in kzclusters keys regions and sectors by *code*.  This module reads
``data/regions.csv``, ``data/region_aliases.csv``, ``data/sectors.csv`` and
``data/sector_aliases.csv`` and turns the names found in papers, BNS workbooks
and users' files into codes.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import unicodedata
from pathlib import Path

import pandas as pd

from ._errors import DataError

LANGS: tuple[str, ...] = ("kk", "ru", "en")


def data_dir() -> Path:
    """Directory holding the shipped data files.

    ``$KZCLUSTERS_DATA`` overrides the default ``<repository>/data``.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> (data_dir() / "regions.csv").exists()
    True
    """
    env = os.environ.get("KZCLUSTERS_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[1] / "data"


@functools.lru_cache(maxsize=None)
def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(data_dir() / name, dtype=str, keep_default_na=False, encoding="utf-8")


def regions() -> pd.DataFrame:
    """The region registry (``data/regions.csv``).

    Returns
    -------
    pandas.DataFrame
        One row per unit that appears in any dataset: ``code`` (stable key),
        ``iso_3166_2`` (current numeric ISO code), ``iso_alpha`` (pre-2020 alphabetic
        ISO code), ``kato``, ``kind`` (country, region, city), ``name_{kk,ru,en}``,
        ``short_{kk,ru,en}``, ``valid_from``/``valid_to`` (first/last year of the
        unit; empty = always), ``parent_17`` and ``parent_16`` (the unit a region
        folds into in the 17-unit and 16-unit frames) and ``notes``.  A copy: edits
        do not affect the registry.

    Examples
    --------
    >>> r = regions()
    >>> r.set_index("code").loc["ULT", ["iso_3166_2", "parent_17"]].tolist()
    ['KZ-62', 'KRG']
    """
    return _read("regions.csv").copy()


def sectors() -> pd.DataFrame:
    """The sector registry (``data/sectors.csv``): OKED sections, divisions and aggregates.

    Returns
    -------
    pandas.DataFrame
        ``code``, ``level`` (section, division, group, aggregate), ``parent``,
        ``members`` (for groups and aggregates: the codes they sum), ``name_{kk,ru,en}``,
        ``short_{kk,ru,en}``, ``notes``.  A copy.

    Examples
    --------
    >>> s = sectors().set_index("code")
    >>> s.loc["C", "level"], s.loc["24", "parent"]
    ('section', 'C')
    """
    return _read("sectors.csv").copy()


# Cyrillic letters that look like Latin ones; BNS's English workbook mixes them in
# ("Кaragandy", "Аktobе").  Applied only to strings that contain Latin letters.
_HOMOGLYPHS = str.maketrans({"а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o",
                             "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j"})
_LATIN_TO_CYR = str.maketrans({"i": "і"})  # Kazakh "Солтүстiк" written with Latin i
_STRIP_WORDS = re.compile(r"\b(region|oblast|obl|область|обл|облысы|oblysy)\b\.?")


def _norm(text: str) -> str:
    s = unicodedata.normalize("NFKC", str(text)).casefold().replace("ё", "е")
    s = re.sub(r"[\u00a0\s]+", " ", s).strip()
    if re.search(r"[a-z]", s) and re.search(r"[а-яёәғқңөұүһі]", s):
        # mixed script: decide by majority
        latin = len(re.findall(r"[a-z]", s))
        cyr = len(re.findall(r"[а-яёәғқңөұүһі]", s))
        s = s.translate(_HOMOGLYPHS) if latin >= cyr else s.translate(_LATIN_TO_CYR)
    return s


def _strip(s: str) -> str:
    s = _STRIP_WORDS.sub(" ", s)
    s = re.sub(r"[\s,.()\-–—]+", " ", s).strip()
    return s


@functools.lru_cache(maxsize=None)
def _region_index() -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, str]]:
    reg = _read("regions.csv")
    names: list[tuple[str, str]] = []
    for _, row in reg.iterrows():
        code = row["code"]
        for col in ("code", "iso_3166_2", "iso_alpha", "kato", "name_en", "name_ru", "name_kk",
                    "short_en", "short_ru", "short_kk"):
            if row[col]:
                names.append((row[col], code))
        if row["kato"] and row["kato"] != "000000000":
            names.append((row["kato"][:2], code))
    ali = _read("region_aliases.csv")
    names += list(zip(ali["alias"], ali["code"]))
    exact: dict[str, set[str]] = {}
    loose: dict[str, set[str]] = {}
    display: dict[str, str] = {}
    for name, code in names:
        n = _norm(name)
        exact.setdefault(n, set()).add(code)
        loose.setdefault(_strip(n), set()).add(code)
        display.setdefault(n, name)
    return exact, loose, display


def resolve_region(name, *, file: str | None = None, row: int | None = None,
                   column: str | None = None) -> str:
    """Return the region code for a name, alias, ISO or KATO code in kk, ru or en.

    Matching ignores case, extra spaces, words such as "region"/"область"/"облысы",
    and Cyrillic letters mixed into Latin names.

    Parameters
    ----------
    name : str
        What the user or the paper wrote.
    file, row, column : optional
        Where the name came from, for the error message.

    Returns
    -------
    str
        The region code from ``data/regions.csv``.

    Raises
    ------
    DataError
        If the name is unknown (the message suggests the closest known names) or
        ambiguous.

    Examples
    --------
    >>> [resolve_region(x) for x in ["Нур-Султан", "KZ-79", "Южно-Казахстанская", "Кaragandy", "Ақмола облысы"]]
    ['AST', 'SHM', 'YKO', 'KRG', 'AKM']
    >>> resolve_region("Nur-Sultan city")      # punctuation and spacing do not matter
    'AST'
    >>> resolve_region("Nursultan town")
    Traceback (most recent call last):
    ...
    kzclusters._errors.DataError: unknown region "Nursultan town"; did you mean "Nursultan", "Nur-Sultan", "Nur-Sultan (city)"? Use a name, alias, ISO 3166-2 or KATO code listed in data/regions.csv or data/region_aliases.csv
    """
    exact, loose, display = _region_index()
    n = _norm(name)
    for index, key in ((exact, n), (loose, _strip(n))):
        codes = index.get(key)
        if codes and len(codes) == 1:
            return next(iter(codes))
        if codes:
            raise DataError(f'region name "{name}" is ambiguous: it may be {", ".join(sorted(codes))}; '
                            "write the full name (e.g. \"Almaty city\" or \"Almaty Region\")",
                            file=file, row=row, column=column, key="err_region_ambiguous", name=str(name))
    close = difflib.get_close_matches(n, list(display), n=3, cutoff=0.5)
    hint = ", ".join(f'"{display[c]}"' for c in close)
    msg = f'unknown region "{name}"'
    if hint:
        msg += f"; did you mean {hint}?"
    msg += (" Use a name, alias, ISO 3166-2 or KATO code listed in data/regions.csv or "
            "data/region_aliases.csv")
    raise DataError(msg, file=file, row=row, column=column, key="err_region_unknown", name=str(name),
                    suggestions=hint)


@functools.lru_cache(maxsize=None)
def _sector_index() -> tuple[dict[str, set[str]], dict[str, str]]:
    sec = _read("sectors.csv")
    names: list[tuple[str, str]] = []
    for _, row in sec.iterrows():
        for col in ("code", "name_en", "name_ru", "name_kk", "short_en", "short_ru", "short_kk"):
            if row[col]:
                names.append((row[col], row["code"]))
    path = data_dir() / "sector_aliases.csv"
    if path.exists():
        ali = _read("sector_aliases.csv")
        names += list(zip(ali["alias"], ali["code"]))
    index: dict[str, set[str]] = {}
    display: dict[str, str] = {}
    for name, code in names:
        n = re.sub(r"[\s,.;()]+", " ", _norm(name)).strip()
        index.setdefault(n, set()).add(code)
        display.setdefault(n, name)
    return index, display


def resolve_sector(name, *, file: str | None = None, row: int | None = None,
                   column: str | None = None) -> str:
    """Return the sector code for an OKED code, a name in kk/ru/en, or a paper's spelling.

    Parameters
    ----------
    name : str
        OKED section letter, division number, or name.
    file, row, column : optional
        Where the name came from, for the error message.

    Returns
    -------
    str
        A code from ``data/sectors.csv``.

    Raises
    ------
    DataError
        If the name is unknown or ambiguous.

    Examples
    --------
    >>> resolve_sector("c"), resolve_sector("Manufacturing"), resolve_sector("Обрабатывающая промышленность")
    ('C', 'C', 'C')
    """
    index, display = _sector_index()
    n = re.sub(r"[\s,.;()]+", " ", _norm(name)).strip()
    if n.upper() == n.lower():  # digits: accept "5" for division "05"
        n = n.zfill(2) if n.isdigit() else n
    codes = index.get(n) or index.get(n.upper().casefold())
    if codes and len(codes) == 1:
        return next(iter(codes))
    if codes:
        raise DataError(f'sector name "{name}" is ambiguous: it may be {", ".join(sorted(codes))}',
                        file=file, row=row, column=column, key="err_sector_ambiguous", name=str(name))
    close = difflib.get_close_matches(n, list(display), n=3, cutoff=0.5)
    hint = ", ".join(f'"{display[c]}"' for c in close)
    msg = f'unknown sector "{name}"'
    if hint:
        msg += f"; did you mean {hint}?"
    msg += " Use an OKED code (A-T, 05-33) or a name listed in data/sectors.csv"
    raise DataError(msg, file=file, row=row, column=column, key="err_sector_unknown", name=str(name),
                    suggestions=hint)


def fold_map(frame: str) -> dict[str, str]:
    """Region codes that a frame folds into their parent.

    Parameters
    ----------
    frame : {"20", "17", "16"}
        ``"20"``: the 2022 map (nothing folded); ``"17"``: the 2018-2021 map
        (Abai -> East Kazakhstan, Zhetisu -> Almaty Region, Ulytau -> Karaganda);
        ``"16"``: the pre-2018 map (additionally Turkistan and Shymkent -> South
        Kazakhstan).

    Returns
    -------
    dict
        child code -> parent code.

    Examples
    --------
    >>> sorted(fold_map("17").items())
    [('ABY', 'VKO'), ('ULT', 'KRG'), ('ZHT', 'ALM')]
    >>> fold_map("16")["SHM"]
    'YKO'
    """
    if frame not in ("20", "17", "16"):
        raise DataError(f'unknown frame "{frame}"; use "20" (2022 map), "17" (2018 map) or "16" (pre-2018 map)')
    if frame == "20":
        return {}
    reg = _read("regions.csv")
    col = "parent_17" if frame == "17" else "parent_16"
    out = {c: p for c, p in zip(reg["code"], reg[col]) if p and "+" not in p}
    return out
