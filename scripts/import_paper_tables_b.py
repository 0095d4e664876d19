"""Copy the CSV blocks of the seed-004 specs (MSME integration, cooperation/policy,
complexity/scenarios) byte for byte to ``data/raw/paper/<id>.csv``.

This is the only script that reads ``../shared/specs``; everything else reads ``data/``.
Each block is addressed by (spec file, ordinal of the ```csv fence in that file) and
checked against the first characters of its header line, so a spec edit that moves
blocks fails loudly instead of writing a table under the wrong id.

Run from the repository root or from ``scripts/``::

    .venv/bin/python scripts/import_paper_tables_b.py [--check]

``--check`` writes nothing and exits 1 if any file in ``data/raw/paper`` differs from its block.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT.parent / "shared" / "specs"
RAW = ROOT / "data" / "raw" / "paper"

MSME = "msme_integration.md"
COOP = "msme_cooperation_and_policy.md"
CX = "complexity_and_scenarios.md"

# id -> (spec file, 1-based ordinal of the ```csv block in that file, header prefix)
BLOCKS: dict[str, tuple[str, int, str]] = {
    # --- Taikulakova, Bayadilova, Andakov: SME potential / TII / RCA / elasticities
    "seed004_msme_f3_steps": (MSME, 1, "step,code_printed,"),
    "seed004_msme_pmsp_scale": (MSME, 2, "range,interpretation_ru,"),
    "seed004_msme_t02_manufacturing_indicators": (MSME, 3, "indicator_ru,indicator_en,2020,"),
    "seed004_msme_t03_enterprises": (MSME, 4, "no,industry_ru,"),
    "seed004_msme_t04_mfg_exports_by_region": (MSME, 5, "region_ru,region_en,mfg_export_2023,"),
    "seed004_msme_t05_grp_selected": (MSME, 6, "region_ru,region_en,GRP_2023,GRP_2024,growth_printed"),
    "seed004_msme_t06_pmsp_components": (MSME, 7, "block,row_ru,row_en,"),
    "seed004_msme_t06b_pmsp_averages": (MSME, 8, "component_ru,component_en,"),
    "seed004_msme_t07_tii_matrix": (MSME, 9, "block,row_ru,row_en,"),
    "seed004_msme_t08_tii_normalised": (MSME, 10, "region_ru,region_en,INN_share_pct,"),
    "seed004_msme_t09_grp_shares": (MSME, 11, "region_ru,region_en,GRP_2023,GRP_2024,share_2023"),
    "seed004_msme_t10_es_epi_inputs": (MSME, 12, "region_ru,region_en,sme_export_2023_mlnUSD,"),
    "seed004_msme_t11_epi": (MSME, 13, "region_ru,region_en,EPI_2023,"),
    "seed004_msme_t12_exports_selected": (MSME, 14, "region_ru,region_en,mfg_export_2023,"),
    "seed004_msme_t13_rca": (MSME, 15, "region_ru,region_en,sme_share_of_mfg_export_2023,"),
    "seed004_msme_t14_indicator_definitions": (MSME, 16, "category_ru,category_en,"),
    "seed004_msme_t15_gva_gdp": (MSME, 17, "indicator_ru,indicator_en,2023,2024"),
    "seed004_msme_t16_elasticity_inputs": (MSME, 18, "indicator_ru,indicator_en,unit,2023,"),
    "seed004_msme_t16b_elasticities": (MSME, 19, "elasticity,value,"),
    "seed004_msme_t17_regional_elasticity": (MSME, 20, "region_ru,region_en,export_2023_mlnUSD,"),
    # --- Bazarkhanova (P1), Verbovaya (P2), Radosevic (P3)
    "seed004_coop_p1_t1_vko_indicators": (COOP, 1, "row_ru,row_en,value_orig,"),
    "seed004_coop_p1_t2_criteria": (COOP, 2, "block_ru;block_en;key_indicator_ru;"),
    "seed004_coop_p1_t3_vko_export_orientation": (COOP, 3, "sector_ru;sector_en;output_value;"),
    "seed004_coop_p1_figures": (COOP, 4, "figure;title_ru;"),
    "seed004_coop_p1_intext": (COOP, 5, "id;indicator_ru;indicator_en;value;"),
    "seed004_coop_p2_legal_register": (COOP, 6, "doc_ru;doc_en;type;"),
    "seed004_coop_p2_damu_rate": (COOP, 7, "item;value;unit;flag"),
    "seed004_coop_p3_structural_change": (COOP, 8, "id;metric;region;"),
    # --- Bespalyi & Andakov (A), Kaumetova & Suleimenov (B), Amanzholova & Lindau (C)
    "seed004_cx_a1_imp3_targets": (CX, 1, "row,indicator_ru_as_printed,"),
    "seed004_cx_a2_rankings": (CX, 2, "rating_ru,rating_en,year,"),
    "seed004_cx_a3_malaysia_problems": (CX, 3, "row,problem_ru,"),
    "seed004_cx_a4_my_kz_comparison": (CX, 4, "row,criterion_ru,"),
    "seed004_cx_a5_intext_numbers": (CX, 5, "indicator_en,country,value,"),
    "seed004_cx_b_global_scenarios": (CX, 6, "id,name_kz,name_en,driver_en,"),
    "seed004_cx_b_development_scenarios": (CX, 7, "id,name_kz_as_printed,"),
    "seed004_cx_b1_energy_mix": (CX, 8, "fuel_kz,fuel_en,share_pct"),
    "seed004_cx_b2_export_structure": (CX, 9, "commodity_kz,commodity_en,"),
    "seed004_cx_b3_rnd_expenditure": (CX, 10, "year,rnd_internal_expenditure_bn_tenge,"),
    "seed004_cx_b4_rnd_intensity": (CX, 11, "year,rnd_share_gdp_pct"),
    "seed004_cx_b5_cis_rnd_intensity": (CX, 12, "country_kz,country_en,"),
    "seed004_cx_c_dt_layers": (CX, 13, "layer_no,layer_en,"),
    "seed004_cx_c1_dt_vs_related": (CX, 14, "technology,purpose,"),
    "seed004_cx_c2_c4_dt_cases": (CX, 15, "case,ref,aspect,"),
    "seed004_cx_c5_zyfra_case": (CX, 16, "item_type,item_en,value,"),
    "seed004_cx_c6_intext_numbers": (CX, 17, "indicator_en,value,unit,year,"),
}

EXPECTED_COUNTS = {MSME: 20, COOP: 8, CX: 17}


def csv_blocks(text: str) -> list[list[str]]:
    """The ```csv blocks of a markdown text, each as its list of lines (fences excluded)."""
    blocks: list[list[str]] = []
    current: list[str] | None = None
    for line in text.split("\n"):
        if current is None:
            if line.strip() == "```csv":
                current = []
        elif line.strip() == "```":
            blocks.append(current)
            current = None
        else:
            current.append(line)
    if current is not None:
        raise ValueError("unterminated ```csv block")
    return blocks


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (sys.argv[1:] if argv is None else argv)
    found: dict[str, list[list[str]]] = {}
    for name, count in EXPECTED_COUNTS.items():
        found[name] = csv_blocks((SPECS / name).read_text(encoding="utf-8"))
        if len(found[name]) != count:
            raise SystemExit(f"{name}: expected {count} csv blocks, found {len(found[name])}")
    used = {(f, i) for f, i, _ in BLOCKS.values()}
    for name, blocks in found.items():
        missing = [i for i in range(1, len(blocks) + 1) if (name, i) not in used]
        if missing:
            raise SystemExit(f"{name}: csv blocks {missing} have no id")
    RAW.mkdir(parents=True, exist_ok=True)
    differ = []
    for table_id, (name, ordinal, header) in BLOCKS.items():
        lines = found[name][ordinal - 1]
        if not lines or not lines[0].startswith(header):
            raise SystemExit(f"{table_id}: block {ordinal} of {name} starts {lines[:1]!r}, "
                             f"expected {header!r}")
        data = ("\n".join(lines) + "\n").encode("utf-8")
        path = RAW / f"{table_id}.csv"
        if check:
            if not path.exists() or path.read_bytes() != data:
                differ.append(path.name)
        else:
            path.write_bytes(data)
    if check:
        print(f"{len(differ)} of {len(BLOCKS)} files differ from the specs: {differ}" if differ
              else f"all {len(BLOCKS)} files match the specs")
        return 1 if differ else 0
    print(f"wrote {len(BLOCKS)} files to {RAW.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
