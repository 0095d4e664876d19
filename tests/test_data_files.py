"""Every file in data/ is catalogued with a matching checksum, and every dataset loads and validates."""

from __future__ import annotations

import hashlib
import re
import sys

import pandas as pd
import pytest

from conftest import DATA, ROOT
from kzclusters import data as kzdata

CLASSES = {"paper", "official", "derived", "synthetic"}
REQUIRED = ["file", "title", "publisher", "source", "licence", "class", "sha256"]


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    return pd.read_csv(DATA / "sources.csv", dtype=str, keep_default_na=False)


def test_every_data_file_has_one_row(sources):
    on_disk = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.is_file()}
    on_disk -= {"README.md", "sources.csv"}
    listed = list(sources["file"])
    assert len(listed) == len(set(listed)), "a file is listed twice in sources.csv"
    assert sorted(on_disk - set(listed)) == [], "files in data/ without a row in sources.csv"
    assert sorted(set(listed) - on_disk) == [], "rows in sources.csv for files that do not exist"


def test_checksums_match(sources):
    bad = [f for f, h in zip(sources["file"], sources["sha256"])
           if hashlib.sha256((DATA / f).read_bytes()).hexdigest() != h]
    assert bad == [], f"files changed after sources.csv was built (rebuild or restore): {bad}"


def test_required_fields_and_classes(sources):
    for col in REQUIRED:
        empty = sources.loc[sources[col].str.strip() == "", "file"].tolist()
        assert empty == [], f"empty {col} for {empty}"
    assert set(sources["class"]) <= CLASSES
    assert sources["name"][sources["name"] != ""].is_unique


def test_sources_csv_is_what_the_builder_writes():
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_data

    assert (DATA / "sources.csv").read_text(encoding="utf-8") == build_data.render(build_data.sources_table())


def test_readme_mentions_every_dataset(sources):
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    official = sources.loc[sources["class"] == "official", "name"]
    missing = [n for n in official if n and n not in readme]
    assert missing == [], f"data/README.md does not describe {missing}"


@pytest.mark.parametrize("name", kzdata.names())
def test_every_dataset_loads_and_validates(name):
    df = kzdata.load(name)
    assert len(df) > 0
    row = kzdata.catalog().set_index("name").loc[name]
    keys = [k for k in row["keys"].split(";") if k]
    if not keys:  # reference tables (lists, typologies) of the papers: shown as printed
        assert row["file"].startswith("raw/paper/") and "value" not in df.columns, f"{name}: no keys declared"
        assert df.columns.is_unique and not df.duplicated().any()
        return
    assert set(keys) <= set(df.columns)
    assert not df.duplicated(keys).any()
    if "value" in df:
        assert df["value"].dtype == "float64"
    if "year" in df:
        assert df["year"].dtype == "int64"
    if "region" in df:
        known = set(kzdata.regions()["code"]) if hasattr(kzdata, "regions") else set()
        assert set(df["region"].dropna()) <= known, f"{name}: unknown region codes"


def test_load_returns_an_independent_copy():
    a = kzdata.load("grp_gva")
    a.loc[:, "value"] = -1.0
    b = kzdata.load("grp_gva")
    assert (b["value"] >= 0).all()


def test_unknown_dataset_suggests_names():
    with pytest.raises(kzdata.DataError, match="grp_gva"):
        kzdata.load("grp_gv")


def test_product_never_reads_shared():
    pattern = re.compile(r"\.\./shared|shared/rawdata|shared/specs")
    offenders = []
    for path in list((ROOT / "kzclusters").rglob("*.py")) + list((ROOT / "notebooks").rglob("*.ipynb")):
        if pattern.search(path.read_text(encoding="utf-8")):
            offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == []
