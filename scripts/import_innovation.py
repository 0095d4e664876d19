"""Import the BNS innovation and R&D bulletins (Kazakh-language) into ``data/raw/``.

Copies, byte for byte, the sheets with a by-region table from the staging area
``../shared/rawdata/odk_education_mcda_bns_innovation/`` (outside the product; see its
SOURCE.md) into

* ``data/raw/bns_innovation_2023/innovations/sheet_NN.csv`` (``archive/innovations.xls``),
* ``data/raw/bns_innovation_2023/rd/sheet_NN.csv`` (``archive/research and development works.xls``),

plus both ``INDEX.csv`` files and ``SOURCE.md``.  Run once by hand; the product and the
tests never read ``../shared``.  ``scripts/build_innovation.py`` turns the copies into
tidy files in ``data/official/``.

Reference period: the cover sheets (``sheet_00``) of both workbooks say **"2022 жыл"**
(innovations published 18.05.2023, R&D published 20.03.2023); the directory name
``*_2023`` is the publication year of the bulletins, not the reference year.

Selection (every sheet whose table is by region; sheet -> table number in the bulletin):

innovations  04 (t.1), 06 (t.3), 07 (t.4), 10 (t.7), 12 (t.9), 14 (t.11), 16 (t.13),
             17 (t.14), 19 (t.16), 21 (t.18), 22 (t.19), 23 (t.20), 24 (t.21), 25 (t.22)
rd           04 (t.1), 09-14 (t.6-11), 17 (t.14), 32 (t.29), 39 (t.36), 41-47 (t.38-44), 49 (t.46)

Skipped (see SKIPPED below for the reason of each).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = ROOT.parent / "shared" / "rawdata" / "odk_education_mcda_bns_innovation"
DEST = ROOT / "data" / "raw" / "bns_innovation_2023"

# (source folder, destination folder, sheets to copy)
SELECTION: list[tuple[str, str, list[int]]] = [
    ("innovations_2023", "innovations", [4, 6, 7, 10, 12, 14, 16, 17, 19, 21, 22, 23, 24, 25]),
    ("research_and_development_2023", "rd", [4, 9, 10, 11, 12, 13, 14, 17, 32, 39,
                                              41, 42, 43, 44, 45, 46, 47, 49]),
]

SKIPPED: dict[str, str] = {
    "innovations 00-03": "cover, symbols, contents, methodology (no data)",
    "innovations 05, 09, 11, 13, 15, 18, 20": "by economic activity (OKED), national only - not by region",
    "innovations 08": ("t.5 enterprises whose revenue rose / costs fell thanks to innovation, by band; by "
                       "region, but the first band header is a bare number '0.0' (a '0%' cell, meaning "
                       "unclear) and the bands do not add up to the innovation-active total (3203 vs 3390): "
                       "impact bands, not a level usable in an index"),
    "rd 00-03": "cover, symbols, contents, methodology (no data)",
    "rd 05-08, 15, 16, 18, 19, 33, 34": ("by ownership / sector / type of work / field of science, "
                                         "national only"),
    "rd 20-31": ("t.17-28 internal R&D by field of science x type of work, by region: cross-tabulation of "
                 "t.6-11 and t.14 (both taken), 13-21 regions listed"),
    "rd 35-37": ("t.32-34 sources of finance of basic research / applied research / experimental "
                 "development, by region: cross-tabulation of t.14 and t.29 (both taken); 19 units (no "
                 "Ulytau) or fewer"),
    "rd 38, 40, 48, 50, 51, 53-55": "personnel by degree / sector / age / flows / field, environmental R&D: "
                                    "national only",
    "rd 52": ("t.49 environmental and energy-efficiency R&D by region: only 16 units listed and the last "
              "column ('other funds') repeats 9437.5 in ten consecutive rows (Mangystau..Almaty city), a "
              "fill-down error in the workbook; not reliable"),
}


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="staging folder (default: %(default)s)")
    args = ap.parse_args(argv)
    src: Path = args.src
    if not (src / "SOURCE.md").exists():
        print(f"staging folder not found: {src}", file=sys.stderr)
        return 1
    DEST.mkdir(parents=True, exist_ok=True)
    pairs: list[tuple[Path, Path]] = [(src / "SOURCE.md", DEST / "SOURCE.md")]
    for folder, out, sheets in SELECTION:
        (DEST / out).mkdir(exist_ok=True)
        pairs.append((src / folder / "INDEX.csv", DEST / out / "INDEX.csv"))
        pairs += [(src / folder / f"sheet_{n:02d}.csv", DEST / out / f"sheet_{n:02d}.csv") for n in sheets]
    for a, b in pairs:
        shutil.copyfile(a, b)
        if _sha(a) != _sha(b):  # pragma: no cover - copyfile is byte for byte
            raise RuntimeError(f"copy differs: {a} -> {b}")
        print(f"{b.relative_to(ROOT)}  {_sha(b)[:12]}")
    print(f"{len(pairs)} files copied into {DEST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
