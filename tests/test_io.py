"""Tests of kzclusters.io: the corpus of good and bad files, options, and the number parser."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kzclusters import DataError
from kzclusters.io import parse_number, read_table

CORPUS = Path(__file__).resolve().parent / "io_corpus"
GOOD, BAD = CORPUS / "good", CORPUS / "bad"


def _manifest(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


BAD_ROWS = _manifest(BAD / "EXPECTED.csv")
GOOD_EXPECTED = _manifest(GOOD / "EXPECTED.csv")
GOOD_OPTIONS = {r["file"]: json.loads(r["options"]) for r in _manifest(GOOD / "OPTIONS.csv")}
GOOD_FILES = sorted({r["file"] for r in GOOD_EXPECTED})


def test_corpus_is_complete():
    listed_bad = {r["file"] for r in BAD_ROWS}
    on_disk_bad = {p.name for p in BAD.iterdir() if p.name != "EXPECTED.csv"}
    assert listed_bad == on_disk_bad
    assert len(listed_bad) >= 25
    assert {p.suffix for p in BAD.iterdir()} >= {".csv", ".xlsx"}
    on_disk_good = {p.name for p in GOOD.iterdir() if p.name not in ("EXPECTED.csv", "OPTIONS.csv")}
    assert set(GOOD_FILES) == on_disk_good == set(GOOD_OPTIONS)


# ---------------------------------------------------------------------------
# bad files
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", BAD_ROWS, ids=[r["file"] for r in BAD_ROWS])
def test_bad_file_by_path(case):
    path = BAD / case["file"]
    before = _sha(path)
    with pytest.raises(DataError) as info:
        read_table(path)
    err = info.value
    assert _sha(path) == before, "read_table modified the file"
    assert err.key == case["key"], str(err)
    assert err.row == (int(case["row"]) if case["row"] else None), str(err)
    assert err.column == (case["column"] or None), str(err)
    assert err.file == case["file"]
    assert str(err).startswith(case["file"]), str(err)
    assert case["message_contains"] in str(err), str(err)
    assert "Traceback" not in str(err)
    # the exception does not drag a pandas/openpyxl exception along
    assert err.__cause__ is None and (err.__context__ is None or err.__suppress_context__)


@pytest.mark.parametrize("case", BAD_ROWS, ids=[r["file"] for r in BAD_ROWS])
def test_bad_file_as_upload(case):
    """Bytes + filename (the upload widget) give the same error as the path."""
    data = (BAD / case["file"]).read_bytes()
    with pytest.raises(DataError) as info:
        read_table(data, filename=case["file"])
    assert (info.value.key, info.value.row, info.value.column) == (
        case["key"], int(case["row"]) if case["row"] else None, case["column"] or None)


# ---------------------------------------------------------------------------
# good files
# ---------------------------------------------------------------------------

def _expected(name: str) -> pd.DataFrame:
    rows = [r for r in GOOD_EXPECTED if r["file"] == name]
    df = pd.DataFrame(rows).drop(columns="file")
    keys = ["region"]
    if any(r["sector"] for r in rows):
        keys.append("sector")
    if any(r["indicator"] for r in rows):
        keys.append("indicator")
    df = df[[*keys, "year", "value"]]
    df["year"] = df["year"].astype("int64")
    df["value"] = pd.to_numeric(df["value"].replace("", np.nan)).astype("float64")
    return df.reset_index(drop=True)


@pytest.mark.parametrize("name", GOOD_FILES)
def test_good_file(name):
    path = GOOD / name
    before = _sha(path)
    got = read_table(path, **GOOD_OPTIONS[name])
    assert _sha(path) == before, "read_table modified the file"
    want = _expected(name)
    assert list(got.columns) == list(want.columns)
    assert got["year"].dtype == np.int64
    assert got["value"].dtype == np.float64
    for col in got.columns[:-2]:
        assert pd.api.types.is_string_dtype(got[col])
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want, check_dtype=False, rtol=1e-12)


@pytest.mark.parametrize("name", GOOD_FILES)
def test_good_file_as_bytes_and_filelike(name):
    data = (GOOD / name).read_bytes()
    options = GOOD_OPTIONS[name]
    a = read_table(data, filename=name, **options)
    b = read_table(io.BytesIO(data), filename=name, **options)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(a, read_table(GOOD / name, **options))


def test_never_writes(tmp_path, monkeypatch):
    """Reading does not create files next to the input or in the working directory."""
    src = tmp_path / "in"
    src.mkdir()
    for name in ("long_xlsx.xlsx", "long_ru_semicolon_cp1251.csv"):
        (src / name).write_bytes((GOOD / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    for p in src.iterdir():
        read_table(p)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


# ---------------------------------------------------------------------------
# options and edge cases
# ---------------------------------------------------------------------------

def test_sector_option_fills_and_resolves():
    df = read_table(b"region;2020\nAkmola;1\n", filename="x.csv", sector="ВРП")
    assert df["sector"].tolist() == ["GDP"]
    with pytest.raises(DataError) as info:
        read_table(b"region;2020\nAkmola;1\n", filename="x.csv", sector="Nonsense sector")
    assert info.value.key == "err_sector_unknown"


def test_sector_option_conflicts_with_column():
    with pytest.raises(DataError) as info:
        read_table(b"region,sector,year,value\nAkmola,C,2020,1\n", filename="x.csv", sector="GDP")
    assert info.value.key == "err_unknown_column" and info.value.column == "sector"


def test_indicator_kind():
    data = b"region,indicator,year,value\nAkmola,pop,2020,1\n"
    df = read_table(data, filename="x.csv", kind="indicators")
    assert list(df.columns) == ["region", "indicator", "year", "value"]
    df = read_table(b"region,year,value\nAkmola,2020,1\n", filename="x.csv", indicator="GRP per capita")
    assert df["indicator"].tolist() == ["GRP per capita"]
    with pytest.raises(DataError) as info:
        read_table(b"region,year,value\nAkmola,2020,1\n", filename="x.csv", kind="indicators")
    assert info.value.key == "err_missing_column" and info.value.column == "indicator"
    with pytest.raises(DataError) as info:
        read_table(data, filename="x.csv", kind="sectors")
    assert info.value.key == "err_unknown_column"


def test_years_option():
    data = b"region,year,value\nAkmola,1985,1\n"
    with pytest.raises(DataError) as info:
        read_table(data, filename="x.csv")
    assert info.value.key == "err_year_range"
    assert (info.value.params["min"], info.value.params["max"]) == (1990, 2035)
    assert read_table(data, filename="x.csv", years=(1980, 2000))["year"].tolist() == [1985]


def test_allow_negative_and_dash_as_zero():
    data = "region;year;value\nAkmola;2020;-1,5\nAkmola;2021;—\nAkmola;2022;x\n".encode()
    with pytest.raises(DataError) as info:
        read_table(data, filename="g.csv")
    assert info.value.key == "err_negative" and info.value.row == 2
    df = read_table(data, filename="g.csv", allow_negative=True, dash_as_zero=True)
    assert df["value"].tolist()[:2] == [-1.5, 0.0] and math.isnan(df["value"].iloc[2])


def test_forced_encoding_and_delimiter():
    data = "Регион;Год;Значение\nАкмолинская;2020;1\n".encode("cp1251")
    assert read_table(data, filename="x.csv", encoding="cp1251")["region"].tolist() == ["AKM"]
    with pytest.raises(DataError) as info:
        read_table(data, filename="x.csv", encoding="utf-8")
    assert info.value.key == "err_encoding" and info.value.row == 1
    with pytest.raises(DataError) as info:
        read_table(data, filename="x.csv", delimiter=",")
    assert info.value.key == "err_missing_column"


def test_forced_decimal():
    data = b'region,year,value\nAkmola,2020,"1,234"\n'
    assert read_table(data, filename="x.csv", decimal=",")["value"].tolist() == [1.234]
    assert read_table(data, filename="x.csv", decimal=".")["value"].tolist() == [1234.0]


def test_sheet_option():
    data = (GOOD / "wide_xlsx_second_sheet.xlsx").read_bytes()
    assert len(read_table(data, filename="w.xlsx", sheet=1, sector="F")) == 2
    with pytest.raises(DataError) as info:
        read_table(data, filename="w.xlsx", sheet="Nope")
    assert info.value.key == "err_sheet_not_found" and "Data" in str(info.value)
    with pytest.raises(DataError) as info:
        read_table(data, filename="w.xlsx", sheet=5)
    assert info.value.key == "err_sheet_not_found"
    with pytest.raises(DataError) as info:  # the first sheet is a note, not a table
        read_table(data, filename="w.xlsx")
    assert info.value.key == "err_missing_column"


def test_file_not_found(tmp_path):
    with pytest.raises(DataError) as info:
        read_table(tmp_path / "nope.csv")
    assert info.value.key == "err_file_not_found" and info.value.file == "nope.csv"


def test_upload_without_filename_sniffs_content():
    xlsx = (GOOD / "long_xlsx.xlsx").read_bytes()
    assert len(read_table(xlsx)) == 4
    with pytest.raises(DataError) as info:
        read_table(b"region,year,value\nAkmola,2020,zz\n")
    assert str(info.value).startswith("upload, row 2")


def test_text_filelike_and_columns_mapping():
    df = read_table(io.StringIO("Where;When;How much\nAkmola;2020;1\n"), filename="x.csv",
                    columns={"Where": "region", "When": "year", "How much": "value"})
    assert df.values.tolist() == [["AKM", 2020, 1.0]]


def test_bad_arguments_are_type_errors_not_data_errors():
    with pytest.raises(ValueError):
        read_table(b"region,year,value\n", filename="x.csv", kind="other")
    with pytest.raises(TypeError):
        read_table(12345)


def test_result_passes_validate_long_and_is_reusable():
    from kzclusters import validate_long

    df = read_table(GOOD / "long_ru_semicolon_cp1251.csv")
    validate_long(df, allow_nan=True)
    assert df.attrs["source"] == "long_ru_semicolon_cp1251.csv"


# ---------------------------------------------------------------------------
# number parser
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("1234,5", 1234.5), ("1234.5", 1234.5), ("1 234,5", 1234.5), ("1\u00a0234,5", 1234.5),
    ("1\u202f234\u202f567", 1234567.0), ("1'234.5", 1234.5), ("1’234", 1234.0),
    ("1,234,567.8", 1234567.8), ("1.234.567,8", 1234567.8), ("0,123", 0.123), ("1234,567", 1234.567),
    ("-0,5", -0.5), ("−7", -7.0), ("+3", 3.0), (" 42 ", 42.0), ("1e3", 1000.0), (",5", 0.5),
    (7, 7.0), (2.5, 2.5), (None, None), ("", None), ("-", None), ("–", None), ("—", None),
    ("x", None), ("X", None), ("х", None), ("..", None), ("…", None),
])
def test_parse_number_accepts(text, value):
    got = parse_number(text)
    if value is None:
        assert math.isnan(got)
    else:
        assert got == pytest.approx(value, rel=1e-15)


@pytest.mark.parametrize("text", [
    "12a", "1 2", "12 34", "1,2,3", "1.2.3", "5%", "$5", "5,", "5.", ".", ",", "--", "1..2",
    "nan", "inf", "#DIV/0!", "#N/A", "1,234.567,8", "٣", "1 234 5678", "(5)", "5-", "1_000", True,
])
def test_parse_number_rejects(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_parse_number_ambiguous_comma():
    with pytest.raises(ValueError, match="ambiguous"):
        parse_number("1,234")
    assert parse_number("1,234", decimal=",") == 1.234
    assert parse_number("1,234", decimal=".") == 1234.0
    with pytest.raises(ValueError):
        parse_number("1,234,567", decimal=",")
    with pytest.raises(ValueError):
        parse_number("12,5", decimal=".")


def test_dash_as_zero_only_for_dashes():
    assert parse_number("—", dash_as_zero=True) == 0.0
    for s in ("x", "", "..", None):
        assert math.isnan(parse_number(s, dash_as_zero=True))


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


@settings(max_examples=300, deadline=None)
@given(
    whole=st.integers(min_value=0, max_value=10**12),
    frac=st.text(alphabet="0123456789", min_size=0, max_size=4),
    negative=st.booleans(),
    style=st.sampled_from([("", ","), (" ", ","), ("\u00a0", ","), ("\u202f", ","), ("'", "."),
                           ("'", ","), (",", "."), (".", ","), ("", ".")]),
)
def test_parse_number_roundtrip(whole, frac, negative, style):
    sep, dec = style
    digits = str(whole)
    text = _group(digits, sep) if sep else digits
    if frac:
        text += dec + frac
    if negative:
        text = "-" + text
    expected = float(("-" if negative else "") + digits + "." + (frac or "0"))
    # a single dot is always a decimal point: "1.234" is 1.234, never German 1234
    assume(not (sep == "." and not frac and text.count(".") == 1))
    try:
        got = parse_number(text)
    except ValueError as exc:  # only the one ambiguous form may be refused
        assert "ambiguous" in str(exc), text
        assert parse_number(text, decimal=dec) == expected
        return
    assert got == expected, text


@given(st.text(max_size=12))
def test_parse_number_never_crashes_otherwise(text):
    try:
        x = parse_number(text)
    except ValueError:
        return
    assert isinstance(x, float)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=1e9, allow_nan=False).map(lambda v: round(v, 2)),
                min_size=1, max_size=5),
       st.sampled_from([(";", ","), ("\t", ","), (",", ".")]))
def test_read_table_roundtrip_wide(values, fmt):
    delim, dec = fmt
    regions = ["Akmola", "Aktobe", "Atyrau", "Pavlodar", "Kostanay"][:len(values)]
    lines = [delim.join(["Region", "2020"])]
    for r, v in zip(regions, values):
        s = f"{v:.2f}".replace(".", dec)
        lines.append(delim.join([r, s]))
    df = read_table("\n".join(lines).encode(), filename="h.csv")
    assert df["value"].tolist() == pytest.approx(values)


def test_dots_as_missing_do_not_decide_the_decimal_mark():
    data = "region;year;value\nAkmola;2020;..\nAkmola;2021;1,234\n".encode()
    df = read_table(data, filename="x.csv")
    assert math.isnan(df["value"].iloc[0]) and df["value"].iloc[1] == 1.234


def test_excel_date_instead_of_number():
    import datetime

    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["region", "year", "value"])
    wb.active.append(["Akmola", 2020, datetime.datetime(2024, 5, 1)])
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(DataError) as info:
        read_table(buf.getvalue(), filename="d.xlsx")
    assert info.value.key == "err_not_number" and "date" in str(info.value)
    assert (info.value.row, info.value.column) == (2, "value")


def test_tab_separated_text_named_xls():
    """Some portals export tab-separated text with an .xls name; that is read as text."""
    data = "Регион\t2020\nАкмолинская\t1,5\n".encode("cp1251")
    assert read_table(data, filename="export.xls")["value"].tolist() == [1.5]


def test_content_passed_as_str_is_a_type_error():
    with pytest.raises(TypeError, match="content"):
        read_table("region,year,value\nAkmola,2020,1\n")


def test_invisible_characters_are_ignored():
    data = "\ufeffRegion\u200b;Year;Value\nAkmola;2020;1\u200b234,5\n".encode()
    assert read_table(data, filename="x.csv")["value"].tolist() == [1234.5]


def test_cp1251_with_guillemets_is_not_taken_for_mixed_encoding():
    # "С»" and "Р»" are also valid UTF-8 byte pairs; a genuine cp1251 file must still be read
    data = "Регион;Примечание;2020\nАкмолинская;«ТОО АЛМАС» и «КАР»;1\n".encode("cp1251")
    assert read_table(data, filename="c.csv")["region"].tolist() == ["AKM"]
