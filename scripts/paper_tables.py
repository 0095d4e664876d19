"""Framework for the papers' tables: verbatim transcription -> tidy long file.

Each table of the five papers is kept twice in ``data/``:

* ``data/raw/paper/<id>.csv``: the CSV block of the spec (``../shared/specs/*.md``)
  byte for byte (values exactly as printed, decimal comma written as a dot, an
  empty cell = a printed dash);
* ``data/paper/<id>.csv``: the same numbers in tidy long layout built from the raw
  file by ``tidy`` (codes, not labels: ``region`` from data/regions.csv,
  ``sector`` from data/sectors.csv), always with a numeric ``value`` column and the
  key columns listed in ``keys``.  Reference tables with no numbers (lists,
  typologies) have ``tidy=None`` and only the raw file.

The per-paper specifications live in ``scripts/paper_specs_*.py`` as ``TABLES``.
``scripts/build_data.py`` runs them; nothing here is imported by the package.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw" / "paper"
TIDY = ROOT / "data" / "paper"
sys.path.insert(0, str(ROOT))


@dataclass
class PaperTable:
    """One table of a paper.

    id: file stem, ``seed<NNN>[_<paper>]_<table>_<slug>``, e.g. ``seed003_t2_ict_output``.
    title: English title of the table.
    paper: short citation of the paper (authors if known, title, journal, year).
    table: "Table 2", "Figure 1 (data labels)", "in-text", ...
    page: page(s) where printed, or "" when the extract does not show it.
    spec: the spec file and section the block was taken from.
    unit, period: of the numbers.
    keys: key columns of the tidy file (value column is always ``value``).
    tidy: raw DataFrame (read with dtype=str, keep_default_na=False) -> tidy DataFrame.
    notes: known errors in the paper, dashes, caveats (shown in sources.csv).
    """

    id: str
    title: str
    paper: str
    table: str
    page: str
    spec: str
    unit: str
    period: str
    keys: list[str] = field(default_factory=list)
    tidy: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    notes: str = ""

    @property
    def raw_path(self) -> Path:
        return RAW / f"{self.id}.csv"

    @property
    def tidy_path(self) -> Path:
        return TIDY / f"{self.id}.csv"

    def read_raw(self) -> pd.DataFrame:
        from kzclusters.data import read_as_printed

        return read_as_printed(self.raw_path)

    def build(self) -> pd.DataFrame | None:
        """Write the tidy file from the raw one; return it (None for reference tables)."""
        if self.tidy is None:
            return None
        out = self.tidy(self.read_raw())
        missing = [k for k in (*self.keys, "value") if k not in out.columns]
        if missing:
            raise ValueError(f"{self.id}: tidy output lacks {missing}")
        if out.duplicated(self.keys).any():
            raise ValueError(f"{self.id}: duplicate keys {out[out.duplicated(self.keys)].head()}")
        out["value"] = pd.to_numeric(out["value"], errors="raise")
        TIDY.mkdir(parents=True, exist_ok=True)
        out.to_csv(self.tidy_path, index=False, encoding="utf-8", lineterminator="\n")
        return out


def num(s: pd.Series) -> pd.Series:
    """Printed strings -> floats; "" (a printed dash) -> NaN; "+4.0" -> 4.0."""
    return pd.to_numeric(s.str.strip().str.replace("\u2212", "-", regex=False).replace("", None),
                         errors="raise")


def region_codes(s: pd.Series) -> pd.Series:
    """Names as printed -> region codes via the registry (raises on an unknown name)."""
    from kzclusters.registry import resolve_region

    return s.map(lambda x: resolve_region(x))


def melt_years(raw: pd.DataFrame, id_cols: list[str], prefix: str = "y", var: str = "year") -> pd.DataFrame:
    """Melt columns ``<prefix><YYYY>`` into ``year`` (int) and ``value`` (float)."""
    cols = [c for c in raw.columns if c.startswith(prefix) and c[len(prefix):].isdigit()]
    long = raw.melt(id_vars=id_cols, value_vars=cols, var_name=var, value_name="value")
    long[var] = long[var].str[len(prefix):].astype(int)
    long["value"] = num(long["value"])
    return long


def all_tables() -> list[PaperTable]:
    """Every table from every ``scripts/paper_specs_*.py``."""
    import importlib

    tables: list[PaperTable] = []
    for path in sorted(Path(__file__).parent.glob("paper_specs_*.py")):
        mod = importlib.import_module(path.stem)
        tables += mod.TABLES
    ids = [t.id for t in tables]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise ValueError(f"duplicate table ids: {dup}")
    return tables
