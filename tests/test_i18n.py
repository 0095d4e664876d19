"""The i18n catalogues: complete, consistent placeholders, names for every registry code."""

import json

import pytest

from kzclusters import i18n
from kzclusters._errors import DataError
from kzclusters.registry import regions, sectors

REQUIRED_KEYS = [
    "app_title", "app_name", "lang_kk", "lang_ru", "lang_en", "region", "year", "sector", "language",
    "value", "share_pct", "unit_mln_kzt", "unit_thousand_persons", "source", "source_bns",
    "download_csv", "download_xlsx", "download_png", "download_svg", "home", "chart_grp_structure_title",
    "axis_share_grp_pct", "badge_official", "badge_paper", "badge_synthetic", "badge_upload",
    "footer_how_to_cite", "footer_data_licence", "coming_soon", "frame", "frame_20", "frame_17", "frame_16",
    "upload_your_data", "error", "error_friendly", "all_sections", "preliminary_data", "series_break",
    *[f"nb_0{i}_{part}" for i in range(6) for part in ("title", "desc", "audience")],
]

# The error keys kzclusters.io and kzclusters.registry use, with the parameters the texts need
# (the raiser may pass more; extra parameters are ignored).
ERROR_KEYS = {
    "err_file_empty": {"file"},
    "err_missing_column": {"file", "column", "columns"},
    "err_region_unknown": {"file", "row", "column", "name", "suggestions"},
    "err_region_ambiguous": {"file", "row", "column", "name"},
    "err_sector_unknown": {"file", "row", "column", "name", "suggestions"},
    "err_sector_ambiguous": {"file", "row", "column", "name"},
    "err_duplicate_key": {"file", "row", "value"},
    "err_negative": {"file", "row", "column", "value"},
    "err_not_number": {"file", "row", "column", "value"},
    "err_year_range": {"file", "row", "column", "value", "min", "max"},
    "err_encoding": {"file"},
    "err_unsupported_format": {"file"},
    "err_no_year_columns": {"file", "columns"},
    "err_no_value_column": {"file", "columns"},
    "err_bad_year": {"file", "row", "column", "value"},
    "err_file_not_found": {"file"},
    "err_sheet_not_found": {"file", "sheet", "sheets"},
    "err_duplicate_column": {"file", "row", "name", "columns"},
    "err_unknown_column": {"file", "row", "column"},
    "err_indicator_missing": {"file", "row", "column"},
}


def test_no_missing_keys():
    assert i18n.missing_keys() == {lang: set() for lang in i18n.LANGS}


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_no_empty_values(lang):
    cat = i18n.catalogue(lang)
    empty = sorted(k for k, v in cat.items() if not isinstance(v, str) or not v.strip())
    assert not empty, f"{lang}: empty texts for {empty}"


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_required_keys_present(lang):
    cat = i18n.catalogue(lang)
    missing = sorted(set(REQUIRED_KEYS) | set(ERROR_KEYS))
    missing = [k for k in missing if k not in cat]
    assert not missing, f"{lang}: missing {missing}"


def test_placeholders_identical_across_languages():
    bad = {}
    for key in i18n.catalogue("en"):
        sets = {lang: i18n.placeholders(key, lang) for lang in i18n.LANGS}
        if len({frozenset(s) for s in sets.values()}) != 1:
            bad[key] = sets
    assert not bad, bad


@pytest.mark.parametrize("key, params", sorted(ERROR_KEYS.items()))
def test_error_keys_take_the_documented_params(key, params):
    assert i18n.placeholders(key, "en") == params
    values = {p: f"<{p}>" for p in params}
    for lang in i18n.LANGS:
        text = i18n.t(key, lang, **values)
        for p in params:
            assert f"<{p}>" in text


def test_error_texts_name_file_row_column():
    for key, params in ERROR_KEYS.items():
        text = i18n.t(key, "en", **{p: f"<{p}>" for p in params})
        assert "File <file>" in text
        if "row" in params:
            assert "row <row>" in text
        if "column" in params and key != "err_missing_column":
            assert 'column "<column>"' in text


def test_catalogue_files_are_sorted_utf8_json():
    for lang in i18n.LANGS:
        path = i18n._DIR / f"{lang}.json"
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw)
        assert raw == json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", (
            f"{path.name}: write it with json.dump(..., ensure_ascii=False, indent=1, sort_keys=True)")


def test_t_formats_params():
    assert i18n.t("chart_grp_structure_title", "ru", region="Ақмола", year=2022) == (
        "Структура валового регионального продукта по секциям ОКЭД, Ақмола, 2022")
    assert i18n.t("err_year_range", "en", file="a.csv", row=3, column="year", value=1890,
                  min=1990, max=2030).startswith('File a.csv, row 3, column "year": the year 1890')


def test_t_default_lang_is_english():
    assert i18n.DEFAULT_LANG == "en"
    assert i18n.t("year") == "Year"
    assert i18n.t("year", None) == "Year"


def test_unknown_key_raises():
    with pytest.raises(KeyError, match="no_such_key"):
        i18n.t("no_such_key", "kk")


def test_missing_param_raises():
    with pytest.raises(KeyError, match="region"):
        i18n.t("chart_grp_structure_title", "en", year=2022)


def test_explicit_default():
    assert i18n.t("no_such_key", "kk", default="x") == "x"
    assert i18n.t("no_such_key", "kk", default="{n} items", n=3) == "3 items"
    assert i18n.t("year", "kk", default="x") == "Жыл"


def test_unknown_lang_raises():
    with pytest.raises(DataError, match="language"):
        i18n.t("year", "de")
    with pytest.raises(DataError):
        i18n.catalogue("fr")


def test_catalogue_is_a_copy():
    i18n.catalogue("en")["year"] = "changed"
    assert i18n.t("year", "en") == "Year"


def test_format_error_uses_key_and_falls_back():
    err = DataError("unknown region", file="u.csv", row=4, column="region", key="err_region_unknown",
                    name="Nowhere", suggestions="")
    assert i18n.format_error(err, "en").startswith('File u.csv, row 4, column "region": region "Nowhere"')
    assert "Closest known names: none." in i18n.format_error(err, "en")
    assert "жоқ" in i18n.format_error(err, "kk")
    # no file known: the generic text with the original message
    err = DataError("unknown region", key="err_region_unknown", name="Nowhere", suggestions="")
    assert i18n.format_error(err, "en") == "There is a problem with the data: unknown region"
    assert i18n.format_error(RuntimeError("boom"), "ru") == i18n.t("error_friendly", "ru")


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_region_names_exist(lang):
    reg = regions()
    for col in (f"name_{lang}", f"short_{lang}"):
        empty = reg.loc[reg[col].str.strip() == "", "code"].tolist()
        assert not empty, f"regions.csv: empty {col} for {empty}"
    for code in reg["code"]:
        assert i18n.region_name(code, lang)
        assert i18n.region_name(code, lang, short=True)


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_sector_names_exist(lang):
    sec = sectors()
    for col in (f"name_{lang}", f"short_{lang}"):
        empty = sec.loc[sec[col].str.strip() == "", "code"].tolist()
        assert not empty, f"sectors.csv: empty {col} for {empty}"
    for code in sec["code"]:
        assert i18n.sector_name(code, lang)
        assert i18n.sector_name(code, lang, short=True)


def test_unknown_codes_raise():
    with pytest.raises(DataError, match="XX"):
        i18n.region_name("XX", "en")
    with pytest.raises(DataError, match="ZZ"):
        i18n.sector_name("ZZ", "en")


def test_every_error_key_raised_in_the_package_has_a_text():
    """Scan kzclusters/*.py for ``DataError(..., key="...", ...)`` calls: the key must exist and
    the call must pass (as keywords) every parameter the text needs."""
    import ast
    from pathlib import Path

    import kzclusters

    problems = []
    for path in sorted(Path(kzclusters.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            kws = {k.arg: k.value for k in node.keywords if k.arg}
            key = kws.get("key")
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                continue
            if any(k.arg is None for k in node.keywords):  # **params: cannot check statically
                continue
            where = f"{path.name}:{node.lineno}"
            try:
                needed = i18n.placeholders(key.value, "en")
            except KeyError:
                problems.append(f"{where}: no text for key {key.value!r}")
                continue
            missing = needed - set(kws)
            if missing:
                problems.append(f"{where}: key {key.value!r} needs {sorted(missing)}")
    assert not problems, "\n".join(problems)
