"""Copy the official inputs from ``../shared/rawdata`` into ``data/`` byte for byte.

A one-off developer tool (the product and its tests never read ``../shared``).
Run from the repository root: ``python scripts/import_official.py``.  Afterwards
run ``python scripts/build_data.py`` to rebuild derived files and sources.csv.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "rawdata"

COPIES = {
    "bns_kazakhstan-economic-data": ("data/official/bns", "*.csv"),
    "lgeaw_bns_grp_xlsx": ("data/official/bns_grp_workbook", "grp_by_region_2008_2023_incl_ytd_quarters.csv"),
    "geokz_boundaries": ("data/geo", "*.geojson"),
}


def main() -> None:
    for folder, (dest, pattern) in COPIES.items():
        out = ROOT / dest
        out.mkdir(parents=True, exist_ok=True)
        for src in sorted((SHARED / folder).glob(pattern)):
            shutil.copyfile(src, out / src.name)
            print("copied", src.name, "->", dest)
        shutil.copyfile(SHARED / folder / "SOURCE.md", out / "SOURCE.md")


if __name__ == "__main__":
    main()
