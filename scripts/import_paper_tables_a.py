"""One-off developer tool: copy the ```csv blocks of three paper specs into data/raw/paper/.

Specs read (the only place in the repository that reads ``../shared``):

* ``cluster_potential_and_ict.md`` (seeds 000-003),
* ``productivity.md`` (seed 004, part E),
* ``industry_priorities.md`` (seed 004, part A).

Each block is written byte for byte (the lines between the fences, the file ending
with one newline) to ``data/raw/paper/<id>.csv``.  Blocks are mapped to ids by
their position in the spec; the heading text found just above each block is
checked against ``BLOCKS`` so that an edited spec fails loudly instead of
shuffling files.

Usage::

    .venv/bin/python scripts/import_paper_tables_a.py [--specs ../shared/specs] [--check]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw" / "paper"
DEFAULT_SPECS = ROOT.parent / "shared" / "specs"

# spec file -> list of (id, text that must occur in the 30 lines above the block), in block order
BLOCKS: dict[str, list[tuple[str, str]]] = {
    "cluster_potential_and_ict.md": [
        ("seed003_ref_region_crosswalk", "### 3.0 Region crosswalk"),
        ("seed000_fig1_karaganda_grp_structure", "### 3.1 Seed 000, Figure 1"),
        ("seed000_t1_karaganda_manufacturing_structure", "### 3.2 Seed 000, Table 1"),
        ("seed000_t2_karaganda_lq", "### 3.3 Seed 000, Table 2"),
        ("seed001_t1_world_clusters", "### 3.4 Seed 001"),
        ("seed003_t1_innovation_index", "### 3.5 Seed 003, Table 1"),
        ("seed003_t2_ict_output", "### 3.6 Seed 003, Table 2"),
        ("seed003_t3_ksi", "### 3.7 Seed 003, Table 3"),
        ("seed001_intext_facts", "### 3.9 Numbers given only in the prose"),
        ("seed002_models_kz_suitability", "verdict on suitability for Kazakhstan"),
        ("seed002_typology_items", "Other structured content in seed 002"),
        ("seed002_finnish_cluster_categories", "India state measure"),
    ],
    "productivity.md": [
        ("seed004_prod_p1_cobb_douglas", "`p1_cobb_douglas`"),
        ("seed004_prod_p1_long_run", "`p1_long_run`"),
        ("seed004_prod_p1_ecm", "`p1_ecm`"),
        ("seed004_prod_p1_t1_investment_tfp", "`p1_table1`"),
        ("seed004_prod_p1_figures", "`p1_figures`"),
        ("seed004_prod_p1_text_numbers", "`p1_text_numbers`"),
        ("seed004_prod_p2_bullets", "`p2_bullets`"),
        ("seed004_prod_p2_t1_eu_gap", "`p2_table1`"),
        ("seed004_prod_p2_t2_structural_differences", "`p2_table2`"),
        ("seed004_prod_p2_t3_germany_eu", "`p2_table3`"),
        ("seed004_prod_p2_t4_maturity_map", "`p2_table4`"),
        ("seed004_prod_p2_phase_defs", "`p2_phase_defs`"),
        ("seed004_prod_p2_bottleneck_clusters", "`p2_bottleneck_clusters`"),
        ("seed004_prod_p2_scenarios", "`p2_scenarios`"),
        ("seed004_prod_p2_formulas", "`p2_formulas`"),
    ],
    "industry_priorities.md": [
        ("seed004_prio_p1_t1_criteria_weights", "**Table 1, \"Система весов"),
        ("seed004_prio_p1_t2_integral_scores", "**Table 2, \"Итоговое ранжирование"),
        ("seed004_prio_p1_growth_groups", "Qualitative data from the text"),
        ("seed004_prio_p2_t1_helix_indicators", "### 2.3 Table 1"),
        ("seed004_prio_p2_helix_types", "Helix typology"),
        ("seed004_prio_p2_territorial_clusters", "### 2.4 Territorial clusters"),
        ("seed004_prio_p2_facts", "### 2.5 Other quantitative facts in Paper 2"),
        ("seed004_prio_p3_facts", "### 3.3 Quantitative facts"),
    ],
}

FENCE_OPEN = re.compile(r"^```csv\s*$")
FENCE_CLOSE = re.compile(r"^```\s*$")


def csv_blocks(text: str) -> list[tuple[int, str, list[str]]]:
    """(line number of the opening fence, the 30 lines above it, block lines) for each ```csv block."""
    lines = text.split("\n")
    out = []
    i = 0
    while i < len(lines):
        if FENCE_OPEN.match(lines[i]):
            j = i + 1
            while j < len(lines) and not FENCE_CLOSE.match(lines[j]):
                j += 1
            if j == len(lines):
                raise ValueError(f"unclosed ```csv block at line {i + 1}")
            out.append((i + 1, "\n".join(lines[max(0, i - 30):i]), lines[i + 1:j]))
            i = j + 1
        else:
            i += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--specs", type=Path, default=DEFAULT_SPECS)
    ap.add_argument("--check", action="store_true", help="only compare with the files in data/raw/paper")
    args = ap.parse_args(argv)
    RAW.mkdir(parents=True, exist_ok=True)
    changed = 0
    for spec, ids in BLOCKS.items():
        text = (args.specs / spec).read_text(encoding="utf-8")
        blocks = csv_blocks(text)
        if len(blocks) != len(ids):
            raise SystemExit(f"{spec}: {len(blocks)} csv blocks, expected {len(ids)}; update BLOCKS")
        for (line, above, body), (tid, marker) in zip(blocks, ids):
            if marker not in above:
                raise SystemExit(f"{spec} line {line}: expected heading {marker!r} above the block for {tid}")
            content = ("\n".join(body).rstrip("\n") + "\n").encode("utf-8")
            path = RAW / f"{tid}.csv"
            old = path.read_bytes() if path.exists() else None
            if old != content:
                changed += 1
                if args.check:
                    print(f"differs: {path.relative_to(ROOT)}")
                else:
                    path.write_bytes(content)
                    print(f"wrote {path.relative_to(ROOT)} ({len(body)} lines) from {spec}:{line}")
    print(f"{changed} file(s) {'differ' if args.check else 'written'}")
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
