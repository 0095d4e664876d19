"""Read users' own tables (CSV or XLSX, long or wide) into the canonical long layout.

:func:`read_table` is the single entry point for files that users upload in the
app or that analysts pass in code.  It accepts what people actually have on
their disks in Kazakhstan: UTF-8 or Windows-1251 text, comma, semicolon or tab
separated, decimal commas, thousands separated by spaces or no-break spaces,
printed dashes for "nothing", region names in Kazakh, Russian or English (or
ISO / KATO codes), and either one row per value (long) or one column per year
(wide).  Anything it cannot read with certainty is a :class:`~kzclusters.DataError`
that names the file, the row and the column and says what to fix; it never
guesses silently.

:func:`parse_number` is the number parser used for every cell.
"""

from __future__ import annotations

import csv
import datetime
import io
import math
import numbers
import os
import re
import unicodedata
import warnings
import zipfile
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from ._errors import DataError
from ._schema import validate_long
from .registry import resolve_region, resolve_sector

__all__ = ["read_table", "parse_number"]

# ---------------------------------------------------------------------------
# numbers
# ---------------------------------------------------------------------------

#: Cells meaning "nothing" (printed dash); ``dash_as_zero=True`` reads them as 0.
DASHES: frozenset[str] = frozenset({"-", "–", "—", "‒", "―", "−"})
#: Cells meaning "not available" or "confidential" (BNS prints "x"); always missing.
MISSING: frozenset[str] = frozenset({"", "x", "х", "..", "...", "…"})  # compared casefolded; "х" is Cyrillic
_GROUP = " \u00a0\u202f\u2009'’"  # thousands separators other than "," and "."
_EXCEL_ERRORS = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!",
                           "#GETTING_DATA", "#SPILL!", "#CALC!"})
_EXP = re.compile(r"[eE][+-]?[0-9]+$")
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"))
_DIGITS = re.compile(r"[0-9]+")


class _Ambiguous(ValueError):
    """A single comma followed by exactly three digits: "1,234" is 1234 or 1.234."""


def _split_sign(s: str) -> tuple[str, str]:
    if s[:1] in ("-", "−"):
        return "-", s[1:]
    if s[:1] == "+":
        return "", s[1:]
    return "", s


def _decimal_hint(s: str) -> str | None:
    """Which decimal mark the string shows unambiguously: ``","``, ``"."`` or None."""
    _, s = _split_sign(s.strip())
    s = _EXP.sub("", s)
    c, d = s.count(","), s.count(".")
    if c and d:
        return "," if s.rfind(",") > s.rfind(".") else "."
    if c > 1:
        return "."
    if d > 1:
        return ","
    if c == 1:
        return None if _is_ambiguous(s) else ","
    if d == 1:
        return "."
    return None


def _is_ambiguous(s: str) -> bool:
    # "1,234" / "12,345" / "123,456": either a decimal comma or a thousands comma.
    return re.fullmatch(r"[1-9][0-9]{0,2},[0-9]{3}", s) is not None


def _check_groups(intpart: str, seps: str, original: str) -> str:
    """Remove thousands separators from the integer part, checking the 3-digit grouping."""
    used = {ch for ch in intpart if ch in seps}
    if not used:
        return intpart
    if len(used) > 1:
        raise ValueError(f'"{original}" mixes several thousands separators')
    sep = used.pop()
    if not re.fullmatch(rf"[0-9]{{1,3}}(?:{re.escape(sep)}[0-9]{{3}})+", intpart):
        raise ValueError(f'"{original}" has a misplaced thousands separator')
    return intpart.replace(sep, "")


def parse_number(cell, *, decimal: str | None = None, dash_as_zero: bool = False) -> float:
    """Parse one table cell as a number the way people print numbers in Kazakhstan.

    Parameters
    ----------
    cell : str, int, float or None
        The cell.  Numbers are returned as float; ``None`` and NaN as NaN.
    decimal : {None, ",", "."}, default None
        The decimal mark.  ``None`` accepts both and decides from the string:
        the last of ``,`` and ``.`` is the decimal mark when both appear, a
        repeated mark is a thousands separator, and a single comma is a decimal
        comma, except in the ambiguous "1,234" (one comma followed by exactly
        three digits), which raises ``ValueError`` unless `decimal` is given.
    dash_as_zero : bool, default False
        Read a printed dash ("-", "–", "—") as 0 instead of missing.

    Returns
    -------
    float
        The number, or NaN for a dash, "x" (confidential), "..", "…" or an
        empty cell.

    Raises
    ------
    ValueError
        If the cell is anything else ("12a", "1 2", "5%", "#DIV/0!", ...).

    Notes
    -----
    Thousands may be separated by a space, a no-break space (U+00A0), a narrow
    no-break space (U+202F), a thin space, an apostrophe or, where unambiguous,
    a comma ("1,234,567.8") or a dot ("1.234.567,8"); groups must have three
    digits.  A leading ``-``, ``−`` (U+2212) or ``+`` is the sign, and an
    exponent ("1.5e3") is allowed.

    Examples
    --------
    >>> [parse_number(s) for s in ["1234,5", "1 234,5", "1\\u00a0234", "1'234", "1,234,567.8", "-0,5"]]
    [1234.5, 1234.5, 1234.0, 1234.0, 1234567.8, -0.5]
    >>> parse_number("—"), parse_number("—", dash_as_zero=True), parse_number("x", dash_as_zero=True)
    (nan, 0.0, nan)
    >>> parse_number("1,234", decimal=","), parse_number("1,234", decimal=".")
    (1.234, 1234.0)
    >>> parse_number("12a")
    Traceback (most recent call last):
    ...
    ValueError: "12a" is not a number
    """
    if decimal not in (None, ",", "."):
        raise ValueError(f'decimal must be None, "," or "."; got {decimal!r}')
    if cell is None:
        return math.nan
    if isinstance(cell, bool):
        raise ValueError(f'"{cell}" is not a number')
    if isinstance(cell, numbers.Real):
        return float(cell)
    if isinstance(cell, (datetime.date, datetime.time)):
        raise ValueError(f'"{cell}" is a date, not a number (Excel may have turned a number such as 1.5 '
                         "into a date); format the column as Number and type the value again")
    if not isinstance(cell, str):
        raise ValueError(f'"{cell}" is not a number')
    s = cell.translate(_INVISIBLE).strip()
    if s in DASHES:
        return 0.0 if dash_as_zero else math.nan
    if s.casefold() in MISSING:
        return math.nan
    if s.upper() in _EXCEL_ERRORS:
        raise ValueError(f'"{s}" is an Excel error, not a number; fix the formula or type the value')
    bad = ValueError(f'"{s}" is not a number')
    sign, body = _split_sign(s)
    exp = ""
    m = _EXP.search(body)
    if m:
        exp, body = m.group(0), body[:m.start()]
    if not body or any(ch not in "0123456789,." + _GROUP for ch in body) or not _DIGITS.search(body):
        raise bad
    c, d = body.count(","), body.count(".")
    if c and d:
        dec = "," if body.rfind(",") > body.rfind(".") else "."
        if decimal is not None and dec != decimal:
            raise ValueError(f'"{s}" uses "{dec}" as the decimal mark, but the decimal mark is "{decimal}"')
    elif c:
        if decimal == ",":
            dec = ","
        elif decimal == "." or c > 1:
            dec = None
        elif _is_ambiguous(body):
            raise _Ambiguous(f'"{s}" is ambiguous: it may be {body.replace(",", "")} or '
                             f'{body.replace(",", ".")}; write it without the comma (1234) or with '
                             'a decimal point (1.234)')
        else:
            dec = ","
    elif d:
        dec = None if decimal == "," or (decimal is None and d > 1) else "."
    else:
        dec = None
    if dec is not None:
        if body.count(dec) != 1:
            raise bad
        intpart, frac = body.split(dec)
        if not frac.isdigit() or not frac.isascii():
            raise bad
    else:
        intpart, frac = body, ""
    thousands = _GROUP + ",.".replace(dec or "", "")
    if intpart[:1] in tuple(thousands) or intpart[-1:] in tuple(thousands):
        raise bad
    digits = _check_groups(intpart, thousands, s)
    if digits and not (digits.isdigit() and digits.isascii()):
        raise bad
    if not digits and not frac:
        raise bad
    return float(f"{sign}{digits or '0'}.{frac or '0'}{exp}")


# ---------------------------------------------------------------------------
# headers
# ---------------------------------------------------------------------------

_ALIASES: dict[str, tuple[str, ...]] = {
    "region": ("region", "regions", "region code", "region name", "oblast", "territory", "регион",
               "регионы", "область", "области", "облыс", "облыстар", "аймақ", "өңір", "территория",
               "аумақ", "код региона", "наименование региона", "kato", "като", "код като",
               "iso", "iso code", "iso 3166-2"),
    "sector": ("sector", "sectors", "sector code", "industry", "activity", "economic activity",
               "kind of activity", "oked", "oked code", "nace", "section", "окэд", "код окэд",
               "отрасль", "отрасли", "вид деятельности", "вид экономической деятельности", "секция",
               "сала", "салалар", "экқжж", "экономикалық қызмет түрі", "қызмет түрі"),
    "year": ("year", "years", "год", "годы", "жыл", "жылдар", "period", "период", "кезең"),
    "value": ("value", "values", "значение", "значения", "величина", "мән", "мәні", "мәндер",
              "amount", "obs value"),
    "indicator": ("indicator", "indicators", "variable", "measure", "показатель", "показатели",
                  "индикатор", "көрсеткіш", "көрсеткіштер"),
    "meta": ("unit", "units", "unit of measure", "ед изм", "единица измерения", "единицы измерения",
             "өлшем бірлігі", "note", "notes", "comment", "comments", "примечание", "примечания",
             "комментарий", "ескерту", "түсініктеме", "source", "источник", "дереккөз", "flag",
             "flags"),
}
_ROLE_NAMES = {"region": "Region / Регион / Облыс", "sector": "Sector / Отрасль / Сала",
               "year": "Year / Год / Жыл", "value": "Value / Значение / Мән",
               "indicator": "Indicator / Показатель / Көрсеткіш"}
_YEAR_HEADER = re.compile(r"([0-9]{4})(?:\.0+)?\s*(?:г|год|года|гг|ж|жыл|жылы|y|yr)?\.?")


def _norm(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    s = unicodedata.normalize("NFKC", str(cell)).casefold().replace("ё", "е").replace("_", " ")
    s = s.translate(_INVISIBLE)
    return re.sub(r"\s+", " ", s).strip()


def _base(h: str) -> str:
    b = re.split(r"[,(\[:/]", h, maxsplit=1)[0]
    return re.sub(r"[.\s]+", " ", b).strip()


_ALIAS_INDEX = {_base(_norm(a)): role for role, names in _ALIASES.items() for a in names}


def _role(cell, mapping: Mapping[str, str]) -> str | None:
    h = _norm(cell)
    if not h:
        return None
    if h in mapping:
        return mapping[h]
    b = _base(h)
    if b in _ALIAS_INDEX:
        return _ALIAS_INDEX[b]
    for alias, role in _ALIAS_INDEX.items():
        if b.startswith(alias + " "):
            return role
    return None


def _header_year(cell) -> tuple[str | None, int | None]:
    """Classify a header cell: ("year", y), ("bad", None) for year-like junk, or (None, None)."""
    if cell is None or isinstance(cell, bool):
        return None, None
    if isinstance(cell, numbers.Integral):
        return "year", int(cell)
    if isinstance(cell, numbers.Real):
        return ("year", int(cell)) if float(cell).is_integer() else ("bad", None)
    h = _norm(cell)
    m = _YEAR_HEADER.fullmatch(h)
    if m:
        return "year", int(m.group(1))
    if re.search(r"[0-9]", h):
        return "bad", None
    return None, None


def _letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


# ---------------------------------------------------------------------------
# bytes -> grid of cells
# ---------------------------------------------------------------------------

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Excel 97-2003 (.xls) or Word (.doc) file, or a "
                                         "password-protected workbook"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"PAR1", "a Parquet file"),
    (b"SQLite format 3", "an SQLite database"),
)
_HOW_TO_FIX = "save the table as .xlsx or .csv (File > Save As in Excel) and upload that"


def _unsupported(name: str, what: str) -> DataError:
    return DataError(f"this is {what}, not a table file; {_HOW_TO_FIX}", file=name,
                     key="err_unsupported_format", what=what)


def _load(source, filename: str | None) -> tuple[bytes | str, str]:
    """Return (content, display name) without modifying or keeping the source."""
    if isinstance(source, str) and ("\n" in source or len(source) > 4096):
        raise TypeError("source looks like the file's content, not a path; pass content.encode() "
                        "or io.StringIO(content) with filename=")
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = filename or path.name
        try:
            with open(path, "rb") as fh:  # read-only
                return fh.read(), name
        except FileNotFoundError:
            raise DataError(f"file not found: {path}", file=name, key="err_file_not_found") from None
        except IsADirectoryError:
            raise DataError(f"{path} is a folder, not a file", file=name,
                            key="err_file_not_found") from None
        except OSError as exc:
            raise DataError(f"cannot read the file: {exc.strerror or exc}", file=name,
                            key="err_file_not_found") from None
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), filename or "upload"
    if hasattr(source, "read"):
        data = source.read()
        name = filename or Path(str(getattr(source, "name", "") or "upload")).name
        if isinstance(data, str):
            return data, name
        if isinstance(data, (bytes, bytearray, memoryview)):
            return bytes(data), name
    raise TypeError(f"source must be a path, bytes or a file-like object, not {type(source).__name__}")


def _first_bad_row(data: bytes, pos: int) -> int:
    return data[:pos].count(b"\n") + 1


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _decode(data: bytes, name: str, encoding: str | None) -> str:
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            raise ValueError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            row = _first_bad_row(data, exc.start)
            raise DataError(f"cannot be read as {encoding}: byte 0x{data[exc.start]:02x} is not valid "
                            "in that encoding; save the file as CSV UTF-8 or choose the right encoding",
                            file=name, row=row, key="err_encoding", encoding=encoding) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel "Unicode text"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = exc.start
    row = _first_bad_row(data, bad)
    loose = data.decode("utf-8", errors="replace")
    valid_cyr = len(_CYRILLIC.findall(loose))
    if valid_cyr >= 2 and valid_cyr >= 0.2 * loose.count("\ufffd"):
        # valid UTF-8 Cyrillic next to bytes that are not UTF-8: a file pasted together from two encodings
        raise DataError("the file mixes two text encodings (UTF-8 and Windows-1251): the text from "
                        f"row {row} on cannot be read; open it in a text editor or Excel and save it "
                        "as CSV UTF-8", file=name, row=row, key="err_encoding", encoding="utf-8/cp1251")
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError as exc:
        row = _first_bad_row(data, exc.start)
        raise DataError(f"the text cannot be decoded (byte 0x{data[exc.start]:02x} is neither UTF-8 nor "
                        "Windows-1251); save the file as CSV UTF-8", file=name, row=row,
                        key="err_encoding", encoding="utf-8/cp1251") from None


def _sniff_delimiter(text: str) -> str:
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    best, best_score = ",", None
    for order, d in enumerate(("\t", ";", ",")):
        counts = Counter(len(r) for r in csv.reader(lines, delimiter=d) if len(r) > 1)
        if not counts:
            continue
        width, freq = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        score = (freq, width, -order)
        if best_score is None or score > best_score:
            best, best_score = d, score
    return best


def _grid_csv(text: str, name: str, delimiter: str | None) -> tuple[list[list], str]:
    if "\x00" in text or sum(ch < " " and ch not in "\t\r\n" for ch in text[:4096]) > 3:
        raise _unsupported(name, "a binary file")
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html", "<table", "<?xml", "<")):
        raise _unsupported(name, "a web page or XML file (some sites export these with an .xls name)")
    if head.startswith(("{", "[")):
        raise _unsupported(name, "a JSON file")
    d = delimiter or _sniff_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=d))
    except csv.Error as exc:
        raise DataError(f"cannot be read as CSV ({exc}); check the quotes", file=name,
                        key="err_unsupported_format", what="csv") from None
    return rows, d


def _grid_xlsx(data: bytes, name: str, sheet) -> list[list]:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except Exception:  # noqa: BLE001 - BadZipFile, NotImplementedError, EOFError ... on broken archives
        raise DataError("the Excel file is damaged (not a complete .xlsx archive); open it in Excel "
                        "and save it again as .xlsx, or save it as .csv", file=name,
                        key="err_unsupported_format", what="corrupt xlsx") from None
    if "xl/workbook.xml" not in names:
        if "xl/workbook.bin" in names:
            what = "an Excel binary workbook (.xlsb)"
        elif "word/document.xml" in names:
            what = "a Word document (.docx)"
        elif any(n.startswith("ppt/") for n in names):
            what = "a PowerPoint presentation"
        elif "mimetype" in names or "content.xml" in names:
            what = "an OpenDocument file (.ods/.odt)"
        else:
            what = "a zip archive"
        raise _unsupported(name, what)
    import openpyxl  # noqa: PLC0415 - only needed for workbooks

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on broken files
        raise DataError(f"the Excel file is damaged and cannot be opened ({type(exc).__name__}); open "
                        "it in Excel and save it again as .xlsx, or save it as .csv", file=name,
                        key="err_unsupported_format", what="corrupt xlsx") from None
    try:
        sheets = wb.worksheets
        titles = [ws.title for ws in sheets]
        if not sheets:
            raise DataError("the workbook has no worksheets", file=name, key="err_file_empty")
        if sheet is None:
            ws = sheets[0]
        elif isinstance(sheet, int) and not isinstance(sheet, bool):
            if not -len(sheets) <= sheet < len(sheets):
                raise DataError(f"there is no sheet number {sheet}; the workbook has {len(sheets)} "
                                f"sheet(s): {', '.join(titles)}", file=name, key="err_sheet_not_found",
                                sheet=str(sheet), sheets=", ".join(titles))
            ws = sheets[sheet]
        else:
            match = [w for w in sheets if w.title == str(sheet)] or \
                    [w for w in sheets if w.title.strip().casefold() == str(sheet).strip().casefold()]
            if not match:
                raise DataError(f'there is no sheet "{sheet}"; the workbook has: {", ".join(titles)}',
                                file=name, key="err_sheet_not_found", sheet=str(sheet),
                                sheets=", ".join(titles))
            ws = match[0]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ws.reset_dimensions()
                rows = [list(r) for r in ws.iter_rows(min_row=1, values_only=True)]
        except Exception as exc:  # noqa: BLE001
            raise DataError(f'the sheet "{ws.title}" is damaged and cannot be read '
                            f"({type(exc).__name__}); open the file in Excel and save it again",
                            file=name, key="err_unsupported_format", what="corrupt xlsx") from None
    finally:
        wb.close()
    return rows


def _grid(data, name: str, *, encoding, delimiter, sheet) -> tuple[list[list], str | None]:
    """Cells of the file as a list of rows (row i is spreadsheet row i + 1)."""
    if isinstance(data, str):
        if not data.strip():
            raise DataError("the file is empty; upload a table with a header row and data rows",
                            file=name, key="err_file_empty")
        return _grid_csv(data, name, delimiter)
    if not data.strip() or data in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        raise DataError("the file is empty; upload a table with a header row and data rows",
                        file=name, key="err_file_empty")
    if data.startswith(b"PK"):
        return _grid_xlsx(data, name, sheet), None
    for sig, what in _SIGNATURES:
        if data.startswith(sig):
            raise _unsupported(name, what)
    if name.lower().endswith((".xlsx", ".xlsm")):
        raise DataError("the file is named .xlsx but is not an Excel workbook (it is damaged or was "
                        "renamed); open it in Excel and save it again as .xlsx, or save it as .csv",
                        file=name, key="err_unsupported_format", what="corrupt xlsx")
    text = _decode(data, name, encoding)
    if not text.strip():
        raise DataError("the file is empty; upload a table with a header row and data rows",
                        file=name, key="err_file_empty")
    return _grid_csv(text, name, delimiter)


# ---------------------------------------------------------------------------
# grid -> long table
# ---------------------------------------------------------------------------

def _blank(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (isinstance(v, float) and math.isnan(v))


def _text(v) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _parse_year(v, years: tuple[int, int], *, file, row, column) -> int:
    lo, hi = years
    y: int | None = None
    if _blank(v):
        raise DataError("the year is missing; type the year (e.g. 2021)", file=file, row=row,
                        column=column, key="err_bad_year", value="")
    if isinstance(v, numbers.Integral) and not isinstance(v, bool):
        y = int(v)
    elif isinstance(v, numbers.Real) and not isinstance(v, bool):
        if not float(v).is_integer():
            raise DataError(f"year {v} is not a whole number; type the year (e.g. 2021)", file=file,
                            row=row, column=column, key="err_bad_year", value=str(v))
        y = int(v)
    else:
        s = _norm(v)
        m = _YEAR_HEADER.fullmatch(s)
        if m:
            y = int(m.group(1))
        else:
            try:
                f = float(s.replace(",", "."))
            except ValueError:
                f = None
            if f is None or not math.isfinite(f):
                raise DataError(f'"{_text(v)}" is not a year; type the year as a number (e.g. 2021)',
                                file=file, row=row, column=column, key="err_bad_year", value=_text(v))
            if not f.is_integer():
                raise DataError(f'year "{_text(v)}" is not a whole number; type the year (e.g. 2021)',
                                file=file, row=row, column=column, key="err_bad_year", value=_text(v))
            y = int(f)
    if not lo <= y <= hi:
        raise DataError(f"year {y} is outside the allowed range {lo}-{hi}; check the year "
                        f"(or pass years=(min, max))", file=file, row=row, column=column,
                        key="err_year_range", value=str(y), min=lo, max=hi)
    return y


def _decide_decimal(cells, delimiter: str | None) -> str | None:
    hints = {_decimal_hint(v) for v in cells if isinstance(v, str) and _DIGITS.search(v)} - {None}
    if len(hints) == 1:
        return hints.pop()
    if not hints and delimiter in (";", "\t"):
        return ","  # Russian-locale Excel: semicolon-separated, decimal comma
    return None


def read_table(source, *, filename: str | None = None, sheet: str | int | None = None,
               encoding: str | None = None, delimiter: str | None = None, decimal: str | None = None,
               kind: str = "auto", sector: str | None = None, indicator: str | None = None,
               years: tuple[int, int] = (1990, 2035), dash_as_zero: bool = False,
               allow_negative: bool = False, columns: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Read a user's CSV or XLSX table into the canonical long layout.

    Parameters
    ----------
    source : str, pathlib.Path, bytes or file-like
        A path, or the file's content as bytes (e.g. from an upload widget) or
        an open binary file.  The file is only read, never modified.
    filename : str, optional
        Name used in error messages and to recognise the format (needed with
        bytes; defaults to the path's name or ``"upload"``).
    sheet : str or int, optional
        XLSX only: sheet name or 0-based index; default the first sheet.
    encoding : str, optional
        CSV only: force an encoding.  By default UTF-8 (with or without BOM) is
        tried first, then Windows-1251; UTF-16 with a BOM is also recognised.
    delimiter : str, optional
        CSV only: force the separator; by default sniffed among ``,``, ``;``
        and tab.
    decimal : {None, ",", "."}
        Force the decimal mark.  By default every cell is read as it is
        written (see :func:`parse_number`); the only ambiguous form, "1,234",
        follows the other cells of the file or, if none decides, is a decimal
        comma in semicolon- or tab-separated files and an error otherwise.
    kind : {"auto", "sectors", "indicators"}, default "auto"
        ``"sectors"``: keys ``region, sector, year`` (or ``region, year`` when
        the file has no sector column and `sector` is not given);
        ``"indicators"``: keys ``region, indicator, year``; ``"auto"``:
        ``"indicators"`` if the file has an indicator column, else ``"sectors"``.
    sector : str, optional
        Sector code or name (resolved with :func:`kzclusters.registry.resolve_sector`)
        for every row of a file without a sector column, e.g. ``"GDP"``.
    indicator : str, optional
        Indicator for every row of a file without an indicator column
        (implies ``kind="indicators"``).
    years : (int, int), default (1990, 2035)
        Allowed years, inclusive.
    dash_as_zero : bool, default False
        Read printed dashes as 0 instead of missing.  "x" (confidential), ".."
        and empty cells stay missing.
    allow_negative : bool, default False
        Allow negative values (growth rates, net taxes); by default a negative
        value is an error because sizes cannot be negative.
    columns : mapping, optional
        Extra header names: ``{"My header": "region"}``; roles are
        ``region, sector, indicator, year, value`` and ``meta`` (ignored).

    Returns
    -------
    pandas.DataFrame
        Columns ``region, sector, year, value`` (or ``region, indicator, year,
        value``, or ``region, year, value``) in file order; ``region`` and
        ``sector`` are codes, ``year`` is int64 and ``value`` float64 (NaN for
        dashes, "x", ".." and empty cells).  Validated with
        :func:`kzclusters.validate_long` (``allow_nan=True``).

    Raises
    ------
    DataError
        For anything the reader cannot read with certainty.  The message names
        the file, the row as a spreadsheet shows it (header = row 1 unless there
        are title rows above it) and the column, and says what to fix;
        ``err.key`` and ``err.params`` allow the app to translate it.  Keys:
        ``err_file_empty``, ``err_file_not_found``, ``err_unsupported_format``,
        ``err_encoding``, ``err_sheet_not_found``, ``err_missing_column``,
        ``err_duplicate_column``, ``err_unknown_column``, ``err_no_year_columns``,
        ``err_no_value_column``, ``err_region_unknown``, ``err_region_ambiguous``,
        ``err_sector_unknown``, ``err_sector_ambiguous``, ``err_indicator_missing``,
        ``err_bad_year``, ``err_year_range``, ``err_not_number``, ``err_negative``,
        ``err_duplicate_key``.

    Notes
    -----
    Layouts.  *Long*: one row per value with columns region, [sector or
    indicator], year, value.  *Wide*: one row per region (and sector or
    indicator) and one column per year; year headers may read ``2019``,
    ``"2019 г."``, ``"2019 ж."`` or ``"2019 год"``, and the region column may
    have an empty header.  Headers are matched case-insensitively in Kazakh,
    Russian and English ("Облыс", "Регион", "Region"; "Сала", "Отрасль",
    "ОКЭД", "Sector"; "Жыл", "Год", "Year"; "Мән", "Значение", "Value"), and
    units after a comma or in brackets are ignored ("Value, mln KZT").  Title
    rows above the header and blank rows are skipped; unit, note and source
    columns are ignored; any other column is an error.

    Examples
    --------
    A semicolon-separated wide file with Russian names and a decimal comma:

    >>> raw = "Регион;2020 г.;2021 г.\\nАкмолинская область;1 234,5;—\\nг. Алматы;2 000;2 100,25\\n"
    >>> read_table(raw.encode("cp1251"), filename="grp.csv", sector="GDP")
      region sector  year    value
    0    AKM    GDP  2020  1234.50
    1    AKM    GDP  2021      NaN
    2    ALA    GDP  2020  2000.00
    3    ALA    GDP  2021  2100.25

    A long file with ISO codes and OKED sections:

    >>> raw = b"region,sector,year,value\\nKZ-71,C,2022,10.5\\nKZ-71,j,2022,3\\n"
    >>> read_table(io.BytesIO(raw), filename="mine.csv")
      region sector  year  value
    0    AST      C  2022   10.5
    1    AST      J  2022    3.0

    Errors name the file, the row and the column:

    >>> read_table(b"region,year,value\\nAkmola,2020,12a\\n", filename="bad.csv")
    Traceback (most recent call last):
    ...
    kzclusters._errors.DataError: bad.csv, row 2, column "value": "12a" is not a number; ...
    """
    if kind not in ("auto", "sectors", "indicators"):
        raise ValueError(f'kind must be "auto", "sectors" or "indicators", not {kind!r}')
    if decimal not in (None, ",", "."):
        raise ValueError(f'decimal must be None, "," or ".", not {decimal!r}')
    if delimiter is not None and (not isinstance(delimiter, str) or len(delimiter) != 1):
        raise ValueError(f"delimiter must be a single character, not {delimiter!r}")
    lo, hi = (int(years[0]), int(years[1]))
    if lo > hi:
        raise ValueError(f"years must be (min, max), got {years!r}")
    content, name = _load(source, filename)
    grid, delim = _grid(content, name, encoding=encoding, delimiter=delimiter, sheet=sheet)
    return _to_long(grid, name, delim=delim, decimal=decimal, kind=kind, sector=sector,
                    indicator=indicator, years=(lo, hi), dash_as_zero=dash_as_zero,
                    allow_negative=allow_negative, columns=columns)


def _find_header(grid: list[list], mapping) -> int | None:
    for i, row in enumerate(grid[:30]):
        roles = [_role(c, mapping) for c in row]
        if any(r in ("region", "sector", "indicator", "year", "value") for r in roles):
            return i
        if any(_header_year(c)[0] == "year" for c in row):
            return i
    return None


def _to_long(grid, name, *, delim, decimal, kind, sector, indicator, years, dash_as_zero,
             allow_negative, columns) -> pd.DataFrame:
    mapping = {_norm(k): v for k, v in (columns or {}).items()}
    bad_roles = set(mapping.values()) - {"region", "sector", "indicator", "year", "value", "meta"}
    if bad_roles:
        raise ValueError(f"columns= roles must be region, sector, indicator, year, value or meta; "
                         f"got {sorted(bad_roles)}")
    while grid and all(_blank(c) for c in grid[-1]):
        grid.pop()
    if not grid:
        raise DataError("the file is empty; upload a table with a header row and data rows",
                        file=name, key="err_file_empty")
    h = _find_header(grid, mapping)
    if h is None:
        first = next(r for r in grid if not all(_blank(c) for c in r))
        found = ", ".join(_text(c) for c in first if not _blank(c))
        raise DataError(f"no header row with a region column was found (first row: {found}); the "
                        "header row must name the columns: region, sector, year, value (long "
                        "layout) or region and one column per year (wide layout)", file=name,
                        row=grid.index(first) + 1, column="region", key="err_missing_column",
                        columns=found, name="region")
    header = list(grid[h])
    hrow = h + 1
    width = max(len(r) for r in grid[h:])
    header += [None] * (width - len(header))
    data = [(i + 1, list(r) + [None] * (width - len(r))) for i, r in enumerate(grid[h + 1:], start=h + 1)]
    data = [(n, r) for n, r in data if not all(_blank(c) for c in r)]

    def label(j: int) -> str:
        return _text(header[j]) if not _blank(header[j]) else _letter(j)

    roles: dict[str, list[int]] = {}
    year_cols: list[tuple[int, int]] = []
    unknown: list[tuple[int, str]] = []  # (column index, "bad" or "other" or "blank")
    for j, cell in enumerate(header):
        r = _role(cell, mapping)
        if r is not None:
            roles.setdefault(r, []).append(j)
            continue
        status, y = _header_year(cell)
        if status == "year":
            year_cols.append((j, y))
        elif _blank(cell):
            unknown.append((j, "blank"))
        else:
            unknown.append((j, status or "other"))
    if "region" not in roles and year_cols and _blank(header[0]):
        roles["region"] = [0]  # wide BNS table: region names under an empty corner cell
        unknown = [u for u in unknown if u[0] != 0]
    for role, js in roles.items():
        if role != "meta" and len(js) > 1:
            cols = ", ".join(f'"{label(j)}"' for j in js)
            raise DataError(f"several columns could be the {role} column ({cols}); delete or rename "
                            "all but one", file=name, row=hrow, column=label(js[1]),
                            key="err_duplicate_column", name=role, columns=cols)
    present = [label(j) for j in range(width) if not _blank(header[j])]
    if "region" not in roles:
        raise DataError(f"no region column; name one column {_ROLE_NAMES['region']} (found: "
                        f"{', '.join(present)})", file=name, row=hrow, column="region",
                        key="err_missing_column", name="region", columns=", ".join(present))

    # kind: sectors or indicators
    if indicator is not None or (kind == "auto" and "indicator" in roles):
        kind = "indicators"
    elif kind == "auto":
        kind = "sectors"
    other, other_opt = ("indicator", indicator) if kind == "indicators" else ("sector", sector)
    wrong = "sector" if kind == "indicators" else "indicator"
    if wrong in roles:
        j = roles[wrong][0]
        hint = ("pass kind=\"indicators\" for an indicator table" if wrong == "indicator"
                else "a table has either a sector or an indicator column")
        raise DataError(f'unexpected {wrong} column "{label(j)}" ({hint})', file=name, row=hrow,
                        column=label(j), key="err_unknown_column", name=label(j))
    if other in roles and other_opt is not None:
        j = roles[other][0]
        raise DataError(f'the file has a {other} column "{label(j)}" but {other}="{other_opt}" was '
                        f"also given; delete the column or do not pass {other}=", file=name, row=hrow,
                        column=label(j), key="err_unknown_column", name=label(j))
    if kind == "indicators" and "indicator" not in roles and indicator is None:
        raise DataError(f"no indicator column; name one column {_ROLE_NAMES['indicator']} (found: "
                        f"{', '.join(present)})", file=name, row=hrow, column="indicator",
                        key="err_missing_column", name="indicator", columns=", ".join(present))
    fill = None
    if other_opt is not None:
        fill = (resolve_sector(other_opt, file=name) if other == "sector"
                else unicodedata.normalize("NFC", str(other_opt).strip()))
    has_other = other in roles or fill is not None

    # layout
    if "year" in roles:
        layout = "long"
        if "value" not in roles:
            raise DataError(f"the file has a year column but no value column; name the column with "
                            f"the numbers {_ROLE_NAMES['value']}", file=name, row=hrow, column="value",
                            key="err_no_value_column", columns=", ".join(present))
        if year_cols:
            j = year_cols[0][0]
            raise DataError(f'column "{label(j)}" looks like a year column, but the file also has a '
                            '"Year" column; use either long layout (year and value columns) or wide '
                            "layout (one column per year), not both", file=name, row=hrow,
                            column=label(j), key="err_unknown_column", name=label(j))
    elif year_cols:
        layout = "wide"
        if "value" in roles:
            j = roles["value"][0]
            raise DataError(f'column "{label(j)}" is a value column, but the file has one column per '
                            "year (wide layout) and no year column; delete the value column, or use "
                            "long layout with year and value columns", file=name, row=hrow,
                            column=label(j), key="err_unknown_column", name=label(j))
    elif "value" in roles:
        raise DataError(f"the file has a value column but no year column; add a column "
                        f"{_ROLE_NAMES['year']} or put one column per year", file=name, row=hrow,
                        column="year", key="err_missing_column", name="year",
                        columns=", ".join(present))
    else:
        raise DataError(f"no year columns found (header: {', '.join(present)}); put one column per year "
                        "with the year as header (2019, 2020 ...) or use long layout with year and value "
                        "columns", file=name, row=hrow, key="err_no_year_columns",
                        columns=", ".join(present))

    # columns that are neither keys, years nor metadata
    for j, status in unknown:
        first = next((n for n, r in data if not _blank(r[j])), None)
        if status == "blank":
            if first is None:
                continue  # an empty column
            raise DataError(f"column {label(j)} has no header but has values (from row {first}); give it "
                            "a header or delete it (if the numbers use a decimal comma, separate the "
                            "columns with ';', or put the numbers in quotes)", file=name, row=first,
                            column=label(j), key="err_unknown_column", name=label(j))
        if status == "bad" and layout == "wide":
            raise DataError(f'column header "{label(j)}" is not a year; write the year alone (e.g. 2021) '
                            "or delete the column", file=name, row=hrow, column=label(j),
                            key="err_bad_year", value=label(j))
        expected = [_ROLE_NAMES["region"], _ROLE_NAMES[other]]
        expected += ([_ROLE_NAMES["year"], _ROLE_NAMES["value"]] if layout == "long"
                     else ["one column per year"])
        raise DataError(f'unknown column "{label(j)}"; expected {", ".join(expected)}; rename or '
                        "delete the column", file=name, row=hrow, column=label(j),
                        key="err_unknown_column", name=label(j))

    if layout == "wide":
        seen_years: dict[int, int] = {}
        for j, y in year_cols:
            if y in seen_years:
                raise DataError(f'columns "{label(seen_years[y])}" and "{label(j)}" are the same year '
                                f"{y}; delete one", file=name, row=hrow, column=label(j),
                                key="err_duplicate_key", rows=str(hrow), value=str(y))
            seen_years[y] = j
            if not years[0] <= y <= years[1]:
                raise DataError(f"year {y} is outside the allowed range {years[0]}-{years[1]}; check "
                                "the header (or pass years=(min, max))", file=name, row=hrow,
                                column=label(j), key="err_year_range", value=str(y), min=years[0],
                                max=years[1])

    if not data:
        raise DataError("the file has a header row but no data rows; add one row per region",
                        file=name, row=hrow, key="err_file_empty")

    value_cols = [roles["value"][0]] if layout == "long" else [j for j, _ in year_cols]
    dec = decimal or _decide_decimal((r[j] for _, r in data for j in value_cols), delim)

    rj = roles["region"][0]
    oj = roles[other][0] if other in roles else None
    region_cache: dict[str, str] = {}
    other_cache: dict[str, str] = {}

    def region_of(n, row):
        v = row[rj]
        if _blank(v):
            raise DataError("the region is missing; type a region name or code", file=name, row=n,
                            column=label(rj), key="err_region_unknown", name="", suggestions="")
        t = _text(v)
        if t not in region_cache:
            region_cache[t] = resolve_region(t, file=name, row=n, column=label(rj))
        return region_cache[t]

    def other_of(n, row):
        if oj is None:
            return fill
        v = row[oj]
        if _blank(v):
            if other == "sector":
                raise DataError("the sector is missing; type an OKED code or a sector name", file=name,
                                row=n, column=label(oj), key="err_sector_unknown", name="", suggestions="")
            raise DataError("the indicator is missing; type the indicator's name", file=name, row=n,
                            column=label(oj), key="err_indicator_missing")
        t = _text(v)
        if t not in other_cache:
            other_cache[t] = (resolve_sector(t, file=name, row=n, column=label(oj)) if other == "sector"
                              else unicodedata.normalize("NFC", t))
        return other_cache[t]

    def value_of(n, row, j):
        v = row[j]
        try:
            x = parse_number(v, decimal=dec, dash_as_zero=dash_as_zero)
        except _Ambiguous as exc:
            raise DataError(f"{exc}, or pass decimal=\",\" or decimal=\".\"", file=name, row=n,
                            column=label(j), key="err_not_number", value=_text(v)) from None
        except ValueError as exc:
            raise DataError(f"{exc}; type a number (e.g. 1234,5 or 1 234.5), a dash or leave it empty",
                            file=name, row=n, column=label(j), key="err_not_number",
                            value=_text(v)) from None
        if not math.isfinite(x) and not math.isnan(x):
            raise DataError(f'"{_text(v)}" is not a finite number', file=name, row=n, column=label(j),
                            key="err_not_number", value=_text(v))
        if x < 0 and not allow_negative:
            raise DataError(f"value {_text(v)} is negative; sizes must be zero or positive (fix the sign, "
                            "or pass allow_negative=True for rates and net taxes)", file=name, row=n,
                            column=label(j), key="err_negative", value=_text(v))
        return x

    out_region: list[str] = []
    out_other: list[str] = []
    out_year: list[int] = []
    out_value: list[float] = []
    seen: dict[tuple, int] = {}
    for n, row in data:
        reg = region_of(n, row)
        oth = other_of(n, row) if has_other else None
        if layout == "long":
            yj = roles["year"][0]
            y = _parse_year(row[yj], years, file=name, row=n, column=label(yj))
            pairs = [(y, roles["value"][0])]
            key = (reg, oth, y)
            dup_col = None
        else:
            pairs = [(y, j) for j, y in year_cols]
            key = (reg, oth)
            dup_col = label(rj)
        if key in seen:
            what = ", ".join(f"{k}={v}" for k, v in zip(("region", other, "year"), key) if v is not None)
            raise DataError(f"rows {seen[key]} and {n} have the same key ({what}); each region"
                            + (f", {other}" if has_other else "") + (" and year" if layout == "long" else "")
                            + " may appear once: delete one of the rows or fix the name",
                            file=name, row=n, column=dup_col, key="err_duplicate_key",
                            rows=f"{seen[key]}, {n}", first_row=seen[key], value=what)
        seen[key] = n
        for y, j in pairs:
            x = value_of(n, row, j)
            out_region.append(reg)
            out_other.append(oth)
            out_year.append(y)
            out_value.append(x)

    frame = {"region": pd.array(out_region, dtype="str")}
    keys = ["region"]
    if has_other:
        frame[other] = pd.array(out_other, dtype="str")
        keys.append(other)
    frame["year"] = np.asarray(out_year, dtype=np.int64)
    frame["value"] = np.asarray(out_value, dtype=np.float64)
    keys.append("year")
    df = pd.DataFrame(frame)
    df.attrs["source"] = name
    return validate_long(df, keys=keys, allow_nan=True, allow_negative=allow_negative, name=name)
