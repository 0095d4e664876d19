"""The region and sector registries: unique codes, aliases that resolve to their own code."""

import pandas as pd
import pytest

from kzclusters.registry import regions, resolve_region, resolve_sector, sectors
from tests.conftest import DATA

SECTOR_COLUMNS = "code,level,parent,members,name_kk,name_ru,name_en,short_kk,short_ru,short_en,notes".split(",")


def _csv(name):
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False, encoding="utf-8")


def test_codes_unique():
    for table in (regions(), sectors()):
        dup = table.loc[table["code"].duplicated(), "code"].tolist()
        assert not dup, dup


def test_sector_columns():
    assert sectors().columns.tolist() == SECTOR_COLUMNS
    assert _csv("sector_aliases.csv").columns.tolist() == ["code", "alias", "lang", "source"]


def test_sector_levels():
    assert set(sectors()["level"]) <= {"section", "division", "group", "aggregate"}


def test_oked_sections_present():
    sec = sectors().set_index("code")
    for letter in "ABCDEFGHIJKLMNOPQRS":
        assert sec.loc[letter, "level"] == "section", letter


def test_divisions_of_mining_and_manufacturing():
    sec = sectors().set_index("code")
    for d in ["05", "06", "07", "08", "09"]:
        assert sec.loc[d, "parent"] == "B"
    for d in range(10, 34):
        assert sec.loc[f"{d:02d}", "parent"] == "C"
    assert sec.loc["B", "members"].split(";") == ["05", "06", "07", "08", "09"]
    assert sec.loc["C", "members"].split(";") == [f"{d:02d}" for d in range(10, 34)]


def test_bns_groups():
    sec = sectors().set_index("code")
    assert sec.loc["13-15", "members"] == "13;14;15"
    assert sec.loc["24-25", "members"] == "24;25"
    assert sec.loc["26-30, 33", "members"] == "26;27;28;29;30;33"
    assert sec.loc["IND", "members"] == "B;C;D;E"
    assert sec.loc["OTHER_SERVICES", "members"] == "I;K;M;N;O;P;Q;R;S"
    for code in ["TOTAL", "GDP", "NET_TAXES", "FISIM"]:
        assert sec.loc[code, "level"] == "aggregate"


def test_members_and_parents_are_known_codes():
    sec = sectors()
    codes = set(sec["code"])
    for _, row in sec.iterrows():
        if row["parent"]:
            assert row["parent"] in codes, (row["code"], row["parent"])
        if row["members"]:
            unknown = [m for m in row["members"].split(";") if m not in codes]
            assert not unknown, (row["code"], unknown)


@pytest.mark.parametrize("name", ["regions.csv", "region_aliases.csv", "sectors.csv", "sector_aliases.csv"])
def test_files_are_append_friendly(name):
    raw = (DATA / name).read_bytes()
    assert raw.endswith(b"\n") and not raw.endswith(b"\n\n"), f"{name}: end with exactly one newline"
    assert b"\r" not in raw, f"{name}: use LF line endings"


def test_sector_codes_and_names_resolve_to_themselves():
    for _, row in sectors().iterrows():
        for col in ("code", "name_kk", "name_ru", "name_en", "short_kk", "short_ru", "short_en"):
            if row[col]:
                assert resolve_sector(row[col]) == row["code"], (col, row[col])


def test_sector_aliases_resolve_to_their_code():
    ali = _csv("sector_aliases.csv")
    codes = set(sectors()["code"])
    wrong = []
    for code, alias in zip(ali["code"], ali["alias"]):
        assert code in codes, f"sector_aliases.csv: unknown code {code!r} for {alias!r}"
        try:
            got = resolve_sector(alias)
        except ValueError as exc:
            got = str(exc)
        if got != code:
            wrong.append((alias, code, got))
    assert not wrong, wrong


def test_region_aliases_resolve_to_their_code():
    ali = _csv("region_aliases.csv")
    codes = set(regions()["code"])
    wrong = []
    for code, alias in zip(ali["code"], ali["alias"]):
        assert code in codes, f"region_aliases.csv: unknown code {code!r} for {alias!r}"
        try:
            got = resolve_region(alias)
        except ValueError as exc:
            got = str(exc)
        if got != code:
            wrong.append((alias, code, got))
    assert not wrong, wrong


def test_region_codes_resolve_to_themselves():
    for code in regions()["code"]:
        assert resolve_region(code) == code


def test_division_numbers_without_leading_zero():
    assert resolve_sector("5") == "05"
    assert resolve_sector(6) == "06"


def test_common_spellings():
    assert resolve_sector("Manufacturing") == "C"
    assert resolve_sector("Өңдеу өнеркәсібі") == "C"
    assert resolve_sector("ICT") == "J"
    assert resolve_sector("Горнодобывающая промышленность и разработка карьеров") == "B"
    assert resolve_sector("металлургия") == "24"
    assert resolve_sector("машиностроение") == "26-30, 33"
    assert resolve_sector("26-30,33") == "26-30, 33"
