"""Generate the test corpus of ``kzclusters.io.read_table`` (run once; the files are committed).

    .venv/bin/python tests/io_corpus/make_corpus.py

Writes ``good/`` (well-formed files in every supported layout and encoding, with
``good/EXPECTED.csv``: the numbers each file must give, and ``good/OPTIONS.csv``:
the ``read_table`` options to read it with) and ``bad/`` (malformed files, with
``bad/EXPECTED.csv``: the error key, row, column and a piece of the message).
XLSX files are written with openpyxl and re-zipped with fixed timestamps so that
re-running the script gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOOD = HERE / "good"
BAD = HERE / "bad"
NBSP, NNBSP = "\u00a0", "\u202f"
FIXED = (2024, 1, 1, 0, 0, 0)


def _stable_zip(data: bytes) -> bytes:
    """Re-zip with fixed timestamps and a fixed document date (deterministic output)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-01-01T00:00:00Z", body)
            dst.writestr(zipfile.ZipInfo(info.filename, FIXED), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def xlsx(sheets: dict[str, list[list]]) -> bytes:
    """An .xlsx with the given sheets (rows of cell values; None = empty cell)."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row, start=1):
                if v is not None:
                    ws.cell(row=r, column=c, value=v)
    buf = io.BytesIO()
    wb.save(buf)
    return _stable_zip(buf.getvalue())


def text(rows: list[str], encoding: str = "utf-8", newline: str = "\n") -> bytes:
    return (newline.join(rows) + newline).encode(encoding)


# ---------------------------------------------------------------------------
# good files: name -> (content, options, expected rows)
# expected rows: (region, sector-or-indicator-or-None, year, value-or-None)
# ---------------------------------------------------------------------------
GOOD_FILES: dict[str, tuple[bytes, dict, list[tuple]]] = {}


def good(name, content, rows, **options):
    GOOD_FILES[name] = (content, options, rows)


good("long_en_comma_utf8.csv", text([
    "Region,Sector,Year,Value",
    "Akmola Region,C,2020,1234.5",
    "Almaty city,J,2020,0.25",
    "Karagandy,Manufacturing,2021,99",
]), [("AKM", "C", 2020, 1234.5), ("ALA", "J", 2020, 0.25), ("KRG", "C", 2021, 99.0)])

good("long_ru_semicolon_utf8bom.csv", "\ufeff".encode() + text([
    "Регион;Отрасль;Год;Значение",
    f"Акмолинская область;Обрабатывающая промышленность;2020;1{NBSP}234,5",
    "г. Алматы;Строительство;2020;12,75",
    f"Северо-Казахстанская область;Торговля;2021;2{NBSP}000{NBSP}000",
]), [("AKM", "C", 2020, 1234.5), ("ALA", "F", 2020, 12.75), ("SKO", "G", 2021, 2000000.0)])

good("long_ru_semicolon_cp1251.csv", text([
    "Регион;ОКЭД;Год;Значение",
    "Павлодарская область;B;2019;1 234,5",
    "Павлодарская область;C;2019;-",
    "Павлодарская область;D;2019;x",
    "Павлодарская область;F;2019;..",
    "Павлодарская область;G;2019;",
    "г. Шымкент;C;2019;0,5",
], encoding="cp1251", newline="\r\n"),
    [("PVL", "B", 2019, 1234.5), ("PVL", "C", 2019, None), ("PVL", "D", 2019, None),
     ("PVL", "F", 2019, None), ("PVL", "G", 2019, None), ("SHM", "C", 2019, 0.5)])

good("long_kk_tab_apostrophe.tsv", text([
    "Облыс\tСала\tЖыл\tМән",
    "Ақмола облысы\tӨңдеу өнеркәсібі\t2022\t1'234'567",
    "Маңғыстау облысы\tҚұрылыс\t2022\t12'345,5",
    "Абай облысы\tСауда\t2023\t7",
]), [("AKM", "C", 2022, 1234567.0), ("MNG", "F", 2022, 12345.5), ("ABY", "G", 2023, 7.0)])

good("long_codes_iso_kato.csv", text([
    "region,sector,year,value",
    "KZ-71,A,2020,1",
    "KZ-ALM,A,2020,2",
    "750000000,A,2020,3",
    "11,A,2020,4",
    "AKT,A,2020,5",
]), [("AST", "A", 2020, 1.0), ("ALM", "A", 2020, 2.0), ("ALA", "A", 2020, 3.0),
     ("AKM", "A", 2020, 4.0), ("AKT", "A", 2020, 5.0)])

good("long_dash_as_zero.csv", text([
    "region;sector;year;value",
    "Atyrau;B;2020;–",
    "Atyrau;C;2020;—",
    "Atyrau;D;2020;-",
    "Atyrau;E;2020;x",
    "Atyrau;F;2020;",
    "Atyrau;G;2020;3,5",
]), [("ATY", "B", 2020, 0.0), ("ATY", "C", 2020, 0.0), ("ATY", "D", 2020, 0.0),
     ("ATY", "E", 2020, None), ("ATY", "F", 2020, None), ("ATY", "G", 2020, 3.5)],
    dash_as_zero=True)

good("long_units_meta_columns.csv", text([
    "Region code,Year,\"Value, mln KZT\",Unit,Source",
    "ZKO,2021,\"1,234,567.8\",mln KZT,BNS",
    "VKO,2021,\"2,000\",mln KZT,BNS",
    "VKO,2022,12.5,mln KZT,BNS",
]), [("ZKO", "GDP", 2021, 1234567.8), ("VKO", "GDP", 2021, 2000.0), ("VKO", "GDP", 2022, 12.5)],
    sector="GDP")

good("long_no_sector.csv", text([
    "region,year,value",
    "Kostanay,2015,10",
    "Kostanay,2016,11.5",
]), [("KST", None, 2015, 10.0), ("KST", None, 2016, 11.5)])

good("long_negative_allowed.csv", text([
    "region;year;value",
    "Kyzylorda;2020;-2,5",
    "Kyzylorda;2021;3,1",
    "Kyzylorda;2022;−0,4",
]), [("KZL", None, 2020, -2.5), ("KZL", None, 2021, 3.1), ("KZL", None, 2022, -0.4)],
    allow_negative=True)

good("long_ambiguous_by_context.csv", text([
    "region;year;value",
    "Zhambyl;2020;1,234",
    "Zhambyl;2021;12,5",
]), [("ZHM", None, 2020, 1.234), ("ZHM", None, 2021, 12.5)])

good("long_comma_thousands_context.csv", text([
    "region,year,value",
    "Zhambyl,2020,\"1,234\"",
    "Zhambyl,2021,\"1,234,567.5\"",
]), [("ZHM", None, 2020, 1234.0), ("ZHM", None, 2021, 1234567.5)])

good("wide_ru_semicolon_cp1251_titles.csv", text([
    "Валовой региональный продукт;;;",
    "млн тенге;;;",
    "",
    "Регион;2019 г.;2020 г.;2021 г.",
    "Республика Казахстан;69 532 626,5;70 649 033,3;83 951 587,9",
    "Акмолинская область;2 022 593,2;х;..",
    "Туркестанская область;–;1 000;1 200,5",
], encoding="cp1251", newline="\r\n"),
    [("KZ", "GDP", 2019, 69532626.5), ("KZ", "GDP", 2020, 70649033.3), ("KZ", "GDP", 2021, 83951587.9),
     ("AKM", "GDP", 2019, 2022593.2), ("AKM", "GDP", 2020, None), ("AKM", "GDP", 2021, None),
     ("TRK", "GDP", 2019, None), ("TRK", "GDP", 2020, 1000.0), ("TRK", "GDP", 2021, 1200.5)],
    sector="GDP")

good("wide_kk_tab_nnbsp.txt", text([
    "Облыс\t2019 ж.\t2020 ж.",
    f"Шығыс Қазақстан облысы\t1{NNBSP}234,5\t2{NNBSP}345",
    f"Ұлытау облысы\t—\t10{NNBSP}000,25",
]), [("VKO", None, 2019, 1234.5), ("VKO", None, 2020, 2345.0), ("ULT", None, 2019, None),
     ("ULT", None, 2020, 10000.25)])

good("wide_en_comma_quoted.csv", text([
    "Region,2018,2019",
    "KZ-79,\"1,234,567.8\",\"2,000,000\"",
    "Mangystau,12.5,\"1,000.5\"",
]), [("SHM", None, 2018, 1234567.8), ("SHM", None, 2019, 2000000.0), ("MNG", None, 2018, 12.5),
     ("MNG", None, 2019, 1000.5)])

good("wide_blank_corner_semicolon.csv", text([
    ";2020;2021",
    "г. Астана;1,5;2,5",
    "Жетісу облысы;3;4",
]), [("AST", None, 2020, 1.5), ("AST", None, 2021, 2.5), ("ZHT", None, 2020, 3.0),
     ("ZHT", None, 2021, 4.0)])

good("wide_sector_column_ru.csv", text([
    "Регион;Вид экономической деятельности;2021 год;2022 год",
    "Карагандинская область;Горнодобывающая промышленность;100;200,5",
    "Карагандинская область;Металлургия;50;—",
]), [("KRG", "B", 2021, 100.0), ("KRG", "B", 2022, 200.5), ("KRG", "24", 2021, 50.0),
     ("KRG", "24", 2022, None)])

good("utf16_unicode_text.txt", "\ufeff".encode("utf-16-le") + text([
    "Region\tYear\tValue",
    "Turkistan\t2022\t1,5",
    "Abai\t2022\t2",
], encoding="utf-16-le"), [("TRK", None, 2022, 1.5), ("ABY", None, 2022, 2.0)])

good("indicators_long.csv", text([
    "region,indicator,year,value",
    "Akmola,population,2020,738.6",
    "Akmola,unemployment rate,2020,4.8",
]), [("AKM", "population", 2020, 738.6), ("AKM", "unemployment rate", 2020, 4.8)])

good("long_xlsx.xlsx", xlsx({"Лист1": [
    ["Регион", "Отрасль", "Год", "Значение"],
    [710000000, 24, 2020, 1234.5],
    ["Павлодар облысы", "C", 2020.0, "1 234,5"],
    ["Almaty Region", "Manufacturing", "2021", None],
    ["Kyzylorda", 5, 2021, "–"],
]}), [("AST", "24", 2020, 1234.5), ("PVL", "C", 2020, 1234.5), ("ALM", "C", 2021, None),
      ("KZL", "05", 2021, None)])

good("wide_xlsx_titles.xlsx", xlsx({"GRP": [
    ["Gross regional product, mln KZT"],
    [],
    ["Region", "Sector", 2019, "2020", "2021 г."],
    ["Akmola", "A", 1.5, "2,5", "x"],
    ["Астана", "J", 10, 20, "1 000,5"],
    [],
]}), [("AKM", "A", 2019, 1.5), ("AKM", "A", 2020, 2.5), ("AKM", "A", 2021, None),
      ("AST", "J", 2019, 10.0), ("AST", "J", 2020, 20.0), ("AST", "J", 2021, 1000.5)])

good("wide_xlsx_second_sheet.xlsx", xlsx({
    "Notes": [["This workbook has data on the second sheet"]],
    "Data": [["Облыс", "2022 ж.", "2023 ж."], ["Қостанай облысы", 5, 6]],
}), [("KST", "F", 2022, 5.0), ("KST", "F", 2023, 6.0)], sheet="Data", sector="Construction")

good("indicators_wide.xlsx", xlsx({"Sheet1": [
    ["Регион", "Показатель", 2020, 2021],
    ["Атырауская область", "Численность населения", 1000.5, 1010],
    ["Атырауская область", "Уровень безработицы", 4.5, "4,6"],
]}), [("ATY", "Численность населения", 2020, 1000.5), ("ATY", "Численность населения", 2021, 1010.0),
      ("ATY", "Уровень безработицы", 2020, 4.5), ("ATY", "Уровень безработицы", 2021, 4.6)])

good("xlsx_renamed_to.csv", xlsx({"Sheet1": [
    ["region", "year", "value"], ["West Kazakhstan", 2020, 3]]}),
    [("ZKO", None, 2020, 3.0)])

# ---------------------------------------------------------------------------
# bad files: name -> (content, key, row, column, message_contains)
# ---------------------------------------------------------------------------
BAD_FILES: dict[str, tuple[bytes, str, int | None, str | None, str]] = {}


def bad(name, content, key, row, column, contains):
    BAD_FILES[name] = (content, key, row, column, contains)


def _docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", FIXED), "<Types/>")
        z.writestr(zipfile.ZipInfo("word/document.xml", FIXED), "<w:document/>")
    return buf.getvalue()


_ok_xlsx = xlsx({"Sheet1": [["region", "year", "value"]]
                 + [[f"KZ-{c}", 2020, i] for i, c in enumerate((11, 15, 19, 23, 27, 31))]})

bad("empty.csv", b"", "err_file_empty", None, None, "empty")
bad("blank_lines_only.csv", b"\xef\xbb\xbf\r\n   \r\n", "err_file_empty", None, None, "empty")
bad("header_only.csv", text(["region,sector,year,value"]), "err_file_empty", 1, None, "no data rows")
bad("header_only.xlsx", xlsx({"Sheet1": [["Регион", "2020", "2021"]]}), "err_file_empty", 1, None,
    "no data rows")
bad("empty_sheet.xlsx", xlsx({"Sheet1": []}), "err_file_empty", None, None, "empty")
bad("missing_region_column.csv", text(["sector,year,value", "C,2020,1"]), "err_missing_column", 1,
    "region", "no region column")
bad("not_a_table.csv", text(["Dear colleagues,", "please find the data attached"]),
    "err_missing_column", 1, "region", "no header row")
bad("unknown_region.csv", text(["region,sector,year,value", "Akmola,C,2020,1",
                                "Nur-Sultan town,C,2020,2"]),
    "err_region_unknown", 3, "region", 'did you mean "Nur-Sultan')
bad("unknown_region_wide.xlsx", xlsx({"Sheet1": [["Регион", 2020], ["Акмолинская", 1],
                                                 ["Astana oblys", 2]]}),
    "err_region_unknown", 3, "Регион", "Astana oblys")
bad("ambiguous_region.csv", text(["Регион;Год;Значение", "KZ-YUZ;2017;1"]),
    "err_region_ambiguous", 2, "Регион", "ambiguous")
bad("missing_region_cell.csv", text(["region;2020", "Akmola;1", ";2"]), "err_region_unknown", 3,
    "region", "region is missing")
bad("unknown_sector.csv", text(["region,sector,year,value", "Akmola,Manufactoring,2020,1"]),
    "err_sector_unknown", 2, "sector", 'did you mean "Manufacturing"')
bad("unknown_sector_code.xlsx", xlsx({"Sheet1": [["region", "ОКЭД", "year", "value"],
                                                 ["Akmola", "C", 2020, 1], ["Akmola", 99, 2020, 1]]}),
    "err_sector_unknown", 3, "ОКЭД", '"99"')
bad("duplicate_key_long.csv", text(["region,sector,year,value", "Akmola,C,2020,1", "Aktobe,C,2020,2",
                                    "Акмолинская область,Manufacturing,2020,3"]),
    "err_duplicate_key", 4, None, "rows 2 and 4")
bad("duplicate_region_wide.csv", text(["Регион;2020;2021", "г. Астана;1;2", "Абай облысы;3;4",
                                       "Нур-Султан;5;6"]),
    "err_duplicate_key", 4, "Регион", "rows 2 and 4")
bad("duplicate_year_columns.csv", text(["Регион;2020;2020 г.", "Абай;1;2"]), "err_duplicate_key", 1,
    "2020 г.", "same year 2020")
bad("negative_long.csv", text(["region,sector,year,value", "Akmola,C,2020,1", "Akmola,F,2020,-5"]),
    "err_negative", 3, "value", "negative")
bad("negative_wide_semicolon.csv", text(["Регион;2020;2021", "Акмолинская;1 000,5;-1 234,5"]),
    "err_negative", 2, "2021", "-1 234,5")
bad("negative_wide.xlsx", xlsx({"Sheet1": [["Облыс", "2021 ж.", "2022 ж."], ["Ақмола облысы", 1, 2],
                                           ["Ақтөбе облысы", -3, 4]]}),
    "err_negative", 3, "2021 ж.", "negative")
bad("not_number.csv", text(["region,sector,year,value", "Akmola,C,2020,12a"]), "err_not_number", 2,
    "value", '"12a" is not a number')
bad("not_number_wide_cp1251.csv", text(["Регион;2019 г.;2020 г.", "Акмолинская;1 234,5;12 тыс."],
                                       encoding="cp1251"),
    "err_not_number", 2, "2020 г.", "12 тыс.")
bad("not_number_percent.xlsx", xlsx({"Sheet1": [["region", "year", "value"], ["Akmola", 2020, "5%"]]}),
    "err_not_number", 2, "value", "5%")
bad("excel_error_cell.xlsx", xlsx({"Sheet1": [["region", "year", "value"], ["Akmola", 2020, 1],
                                              ["Aktobe", 2020, "#DIV/0!"]]}),
    "err_not_number", 3, "value", "Excel error")
bad("bad_thousands_grouping.csv", text(["region;year;value", "Akmola;2020;12 34"]), "err_not_number",
    2, "value", "thousands separator")
bad("ambiguous_comma.csv", text(["region,year,value", "Akmola,2020,\"1,234\""]), "err_not_number", 2,
    "value", "ambiguous")
bad("decimal_comma_unquoted.csv", text(["region,sector,year,value", "Akmola,C,2020,1234,5"]),
    "err_unknown_column", 2, "E", "no header")
bad("year_out_of_range.csv", text(["region,year,value", "Akmola,2020,1", "Akmola,1889,2"]),
    "err_year_range", 3, "year", "1990-2035")
bad("year_not_whole.csv", text(["region;year;value", "Akmola;2019,5;1"]), "err_bad_year", 2, "year",
    "not a whole number")
bad("year_not_whole.xlsx", xlsx({"Sheet1": [["region", "Год", "value"], ["Akmola", 2019.5, 1]]}),
    "err_bad_year", 2, "Год", "not a whole number")
bad("year_text.csv", text(["region,year,value", "Akmola,last year,1"]), "err_bad_year", 2, "year",
    "not a year")
bad("year_missing.csv", text(["region,year,value", "Akmola,,1"]), "err_bad_year", 2, "year",
    "year is missing")
bad("wide_year_out_of_range.csv", text(["Region,2034,2050", "Akmola,1,2"]), "err_year_range", 1,
    "2050", "2050")
bad("wide_no_year_columns.csv", text(["Регион;Итого", "Акмолинская;1"]), "err_no_year_columns", 1,
    None, "no year columns")
bad("long_no_value_column.csv", text(["region,sector,year", "Akmola,C,2020"]), "err_no_value_column",
    1, "value", "no value column")
bad("long_no_year_column.csv", text(["region,sector,value", "Akmola,C,1"]), "err_missing_column", 1,
    "year", "no year column")
bad("wide_header_junk_range.csv", text(["Регион;2019;2020;2019-2020", "Акмолинская;1;2;3"]),
    "err_bad_year", 1, "2019-2020", "not a year")
bad("wide_header_junk_estimate.xlsx", xlsx({"Sheet1": [["Region", 2020, "2021 (estimate)"],
                                                       ["Akmola", 1, 2]]}),
    "err_bad_year", 1, "2021 (estimate)", "not a year")
bad("wide_header_junk_total.csv", text(["Регион;2019;2020;Итого", "Акмолинская;1;2;3"]),
    "err_unknown_column", 1, "Итого", "unknown column")
bad("long_and_wide_mixed.csv", text(["region,year,value,2021", "Akmola,2020,1,2"]),
    "err_unknown_column", 1, "2021", "not both")
bad("duplicate_region_columns.csv", text(["Регион;Region;2020", "Акмолинская;Akmola;1"]),
    "err_duplicate_column", 1, "Region", "several columns")
bad("pdf_renamed.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "err_unsupported_format", None, None, "PDF")
bad("doc_renamed.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(56), "err_unsupported_format",
    None, None, ".xls")
bad("docx_renamed.xlsx", _docx(), "err_unsupported_format", None, None, "Word document")
bad("corrupt.xlsx", _ok_xlsx[: len(_ok_xlsx) // 2], "err_unsupported_format", None, None, "damaged")
bad("text_named.xlsx", text(["region,year,value", "Akmola,2020,1"]), "err_unsupported_format", None,
    None, "not an Excel workbook")
bad("html_export.xls", b"<html><body><table><tr><td>Region</td></tr></table></body></html>\n",
    "err_unsupported_format", None, None, "web page")
bad("binary_garbage.csv", bytes(range(0, 64)) * 2, "err_unsupported_format", None, None, "binary")
bad("mixed_encoding.csv", "Регион;2020\nАкмолинская;1\n".encode() + "Павлодарская;2\n".encode("cp1251"),
    "err_encoding", 3, None, "UTF-8")
bad("undecodable_bytes.csv", b"region;year;value\n\xcf\xe0\xe2\xeb\xee\xe4\xe0\x98;2020;1\n",
    "err_encoding", 2, None, "cannot be decoded")
bad("title_rows_then_bad_value.csv", text(["ВРП, млн тенге", "", "Регион;2020;2021",
                                           "Акмолинская;1;2", "Актюбинская;3;три"]),
    "err_not_number", 5, "2021", '"три"')


def main() -> None:
    for d in (GOOD, BAD):
        d.mkdir(parents=True, exist_ok=True)
    with open(GOOD / "EXPECTED.csv", "w", newline="", encoding="utf-8") as fe, \
            open(GOOD / "OPTIONS.csv", "w", newline="", encoding="utf-8") as fo:
        we, wo = csv.writer(fe, lineterminator="\n"), csv.writer(fo, lineterminator="\n")
        we.writerow(["file", "region", "sector", "indicator", "year", "value"])
        wo.writerow(["file", "options"])
        for name, (content, options, rows) in GOOD_FILES.items():
            (GOOD / name).write_bytes(content)
            wo.writerow([name, json.dumps(options, ensure_ascii=False, sort_keys=True)])
            is_ind = name.startswith("indicators")
            for region, other, year, value in rows:
                other = "" if other is None else other
                we.writerow([name, region, "" if is_ind else other, other if is_ind else "", year,
                             "" if value is None else repr(float(value))])
    with open(BAD / "EXPECTED.csv", "w", newline="", encoding="utf-8") as fb:
        wb = csv.writer(fb, lineterminator="\n")
        wb.writerow(["file", "key", "row", "column", "message_contains"])
        for name, (content, key, row, column, contains) in BAD_FILES.items():
            (BAD / name).write_bytes(content)
            wb.writerow([name, key, "" if row is None else row, "" if column is None else column,
                         contains])
    print(f"{len(GOOD_FILES)} good files, {len(BAD_FILES)} bad files")


if __name__ == "__main__":
    main()
