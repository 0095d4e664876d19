"""Rebuild every derived file in ``data/`` from its inputs, then ``data/sources.csv``.

Usage (from the repository root)::

    python scripts/build_data.py            # derived files + sources.csv
    python scripts/build_data.py --check    # rebuild into memory, fail if anything differs

Inputs are only files under ``data/`` (verbatim copies made once by
``scripts/import_*.py``).  Every file below ``data/`` except ``README.md`` and
``sources.csv`` gets one row in ``sources.csv`` with its sha256, so the tests can
tell when a shipped file was edited by hand.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

COLUMNS = ["name", "file", "title", "publisher", "source", "unit", "period", "licence", "class",
           "builder", "keys", "additive", "sha256", "notes"]

BNS_LICENCE = ("BNS official statistics: free reuse for any purpose with a reference to the source "
               "(stat.gov.kz). Attribution: Bureau of National Statistics of the Agency for Strategic "
               "Planning and Reforms of the Republic of Kazakhstan, stat.gov.kz")
BNS_PUB = "Bureau of National Statistics (BNS), Agency for Strategic Planning and Reforms of the RK"
REPO = "github.com/makenerzhan-gif/kazakhstan-economic-data"
C454 = "454b3d3aa85bdb463ea0b60b3100906987f83e72"
C99 = "99213b132c1d41f00b5c44fab1dbf0841065b2f7"
C38 = "c38bf1b44c8ba635cc2d049198ac1af7dabb85f6"
PAPER_LICENCE = ("Numbers transcribed from a published paper (facts, quoted for teaching and review); "
                 "cite the paper")

# name, file, title, source, unit, period, keys, additive, notes
OFFICIAL = [
    ("grp_gva", "official/bns/grp_gva_by_region_section_2010_2025.csv",
     "Gross regional product and gross value added by region and OKED section",
     f"BNS dynamic table 5927 (sheets ВРП_2010-2018 + ВРП_2018-2026); {REPO} "
     f"data/processed/dims/gva_nominal_by_region_section.csv @ {C454}",
     "million KZT, current prices", "2010-2025", "region;sector;year", "yes",
     "Verbatim. SHM/TRK are back-casts for 2011-2017 overlapping YKO (never add all three); ABY, ZHT, ULT "
     "from 2021 without back-casts; I, K, M-S lumped in OTHER_SERVICES 2010-2013; FISIM 2010 only; T 2025 "
     "only; 2025 may be preliminary."),
    ("employment", "official/bns/employed_by_region_2001_2025.csv", "Employed population by region (LFS)",
     f"BNS dynamic table 102798; {REPO} data/processed/dims/employed_by_region.csv @ {C454}",
     "thousand persons", "2001-2025", "region;sector;year", "yes",
     "Verbatim. 2015 missing for every region. YKO 2001-2009, SHM/TRK 2010+; ABY, ZHT, ULT 2022+. "
     "Regions sum to national within 0.2 (rounding)."),
    ("employment_by_section", "official/bns/employed_by_section_national_2010_2025.csv",
     "Employed population by OKED section, national (annual)",
     f"BNS dynamic table 5831; {REPO} data/processed/dims/employed_by_section.csv @ {C454}",
     "thousand persons", "2010-2025", "region;sector;year", "yes",
     "Verbatim. Sections sum to TOTAL within 0.05; IND = B+C+D+E."),
    ("investment", "official/bns/investment_fixed_capital_by_region_2003_2025.csv",
     "Investment in fixed capital by region",
     f"BNS dynamic table 5546; {REPO} data/processed/dims/investment_by_region.csv @ {C454}",
     "million KZT, current prices", "2003-2025", "region;sector;year", "yes",
     "Verbatim. YKO 2003-2017, SHM/TRK 2018+; ABY, ZHT, ULT 2022+. Regions sum to national within 1."),
    ("investment_by_section", "official/bns/investment_fixed_capital_by_section_national_2003_2025.csv",
     "Investment in fixed capital by OKED section, national",
     f"BNS dynamic table 5547; {REPO} data/processed/dims/investment_by_section.csv @ {C454}",
     "million KZT, current prices", "2003-2025", "region;sector;year", "yes",
     "Verbatim. Sections sum to TOTAL within 1."),
    ("gva_divisions", "official/bns/gva_industry_divisions_national_2013_2025.csv",
     "Gross value added of industry by OKED division, national",
     f"BNS dynamic table 5931 (national block); {REPO} data/processed/dims/gva_nominal_industry_divisions.csv"
     f" @ {C454}", "million KZT, current prices", "2013-2025", "region;sector;year", "yes",
     "Verbatim. 2018-2019 division rows are an older vintage than the C/IND totals: sum(10-33) != C by "
     "-27,796 (2018) and -31,518 (2019). Use for shares within manufacturing."),
    ("labour_productivity", "official/bns/labour_productivity_by_region_section_2010_2025.csv",
     "Labour productivity by region and OKED section (A-J, IND, TOTAL)",
     f"BNS dynamic table 5933 (full-year rows of the year-to-date series); {REPO} "
     f"data/processed/dims/labour_productivity_by_region_section_ytd.csv @ {C38}",
     "thousand KZT per employed person, current prices", "2010-2025", "region;sector;year", "no",
     "Verbatim. No national row; K-S not transcribed. TOTAL does not tie to GVA/LFS employment (7-11% "
     "above); B of ALA and AST published as 0.0."),
    ("output", "official/bns/output_by_region_section_2022_2025.csv",
     "Gross output of goods and services by region and OKED section",
     f"BNS dynamic table 81477; {REPO} data/processed/dims/output_by_region_section.csv @ {C38}",
     "million KZT, current prices", "2022-2025", "region;sector;year", "yes", "Verbatim."),
    ("population", "official/bns/population_avg_by_region_2009_2025.csv",
     "Average annual population by region (all, urban, rural)",
     f"BNS dynamic table 6576; {REPO} data/processed/dims/population_avg_by_region.csv @ {C454}",
     "persons", "2009-2025", "region;sector;year;area", "yes",
     "Verbatim. Recalculated to the 2022 borders (20 units, no YKO). Level break in 2022 (+3.3%, 2021 "
     "census)."),
    ("grp_volume_index", "official/bns/grp_volume_index_by_region_2001_2025.csv",
     "GRP volume index by region (previous year = 100)",
     f"BNS dynamic table 5926; {REPO} data/processed/dims/grp_volume_index_by_region.csv @ {C454}",
     "% of previous year, constant prices", "2001-2025", "region;sector;year", "no",
     "Verbatim. Chain-linked: regional indices do not aggregate exactly to the national one."),
    ("gva_volume_index", "official/bns/gva_volume_index_by_region_section_2010_2025.csv",
     "GVA volume index by region and OKED section (previous year = 100)",
     f"BNS dynamic table 450904; {REPO} data/processed/dims/gva_volume_index_by_region_section.csv @ {C99}",
     "% of previous year, constant prices", "2010-2025", "region;sector;year", "no",
     "Verbatim. OTHER_SERVICES covers I, K, M-S in every year; ALA/AST B published as 0.0 in most years."),
]

OTHER = [
    # file, title, publisher, source, unit, period, licence, class, builder, notes
    ("official/bns/SOURCE.md", "Provenance notes for the BNS series", "kzclusters (from shared/rawdata)",
     f"shared/rawdata/bns_kazakhstan-economic-data/SOURCE.md; {REPO}", "", "", BNS_LICENCE, "official",
     "scripts/import_official.py", "Documentation: origin, checks and caveats of every BNS file."),
    ("official/bns_grp_workbook/grp_by_region_2008_2023_incl_ytd_quarters.csv",
     "BNS English workbook 'Gross regional product', sheet 2008-2023 (with year-to-date quarters)", BNS_PUB,
     "github.com/jialingzhang0730/Local_GDP_Estimates_Around_the_World @ c5b5de2f6a1659739e7be30c26f9225d3ef03c7c "
     "step2_obtain_gdp_data/inputs/gdp_data/regional/KAZ/1. Gross regional product.xlsx, sheet 2008-2023",
     "million KZT, current prices", "2008-2023", BNS_LICENCE, "official", "scripts/import_official.py",
     "Verbatim sheet export; an independent download of the same BNS table, used to cross-check grp_gva. "
     "Region names transliterated with Cyrillic look-alike letters."),
    ("official/bns_grp_workbook/SOURCE.md", "Provenance notes for the BNS GRP workbook",
     "kzclusters (from shared/rawdata)", "shared/rawdata/lgeaw_bns_grp_xlsx/SOURCE.md", "", "", BNS_LICENCE,
     "official", "scripts/import_official.py", "Documentation."),
    ("geo/kaz_adm1_2024_20units.geojson", "ADM1 boundaries of Kazakhstan, 20 units (2022+ map)",
     "geokz (Alexander Rodionov)", "github.com/arodionoff/geokz @ 41c1a00454ec9e01bda031b5074920bd82de02ce "
     "inst/shape/kaz_admbnda_adm1_2024.*, converted shapefile -> GeoJSON with pyshp", "WGS 84", "2024",
     "CC BY 4.0; attribution: Boundaries: geokz (A. Rodionov), CC BY 4.0, based on BNS/KATO", "derived",
     "converted outside this repository (see geo/SOURCE.md)", "Not simplified; KATO and ISO alpha codes."),
    ("geo/kaz_adm1_2018_17units.geojson", "ADM1 boundaries of Kazakhstan, 17 units (2018-2021 map)",
     "geokz (Alexander Rodionov)", "github.com/arodionoff/geokz @ 41c1a00454ec9e01bda031b5074920bd82de02ce "
     "inst/shape/kaz_admbnda_adm1_2018.*, converted shapefile -> GeoJSON with pyshp", "WGS 84", "2018",
     "CC BY 4.0; attribution: Boundaries: geokz (A. Rodionov), CC BY 4.0, based on BNS/KATO", "derived",
     "converted outside this repository (see geo/SOURCE.md)",
     "The 16-unit pre-2018 map = this file with Turkistan + Shymkent drawn as one unit."),
    ("geo/SOURCE.md", "Provenance notes for the boundaries", "kzclusters (from shared/rawdata)",
     "shared/rawdata/geokz_boundaries/SOURCE.md", "", "", "CC BY 4.0", "derived",
     "scripts/import_official.py", "Documentation."),
    ("derived/cluster_model_profiles.csv",
     "Seed 002's four cluster models coded on six characteristics (1 low .. 3 high; empty = not stated)",
     "kzclusters", "Workbook's coding of the prose of seed 002 (Kyrgyz), transcribed in specs/cluster_potential_and_ict.md "
     "section 5.1; the paper gives no scores", "", "", "CC BY 4.0 (coding); facts from the cited paper", "derived",
     "hand-coded from the spec's table 5.1", "The workbook's construction, not the paper's: shown as such."),
    ("regions.csv", "Region registry: codes, ISO 3166-2, KATO, names in kk/ru/en, valid years, fold rules",
     "kzclusters", "Compiled from geokz ADM1 attributes (names, KATO), ISO 3166-2:KZ, the BNS repository's "
     "region codes and the 2018/2022 administrative reforms", "", "", "CC BY 4.0 (names from geokz, CC BY 4.0)",
     "derived", "hand-compiled", "parent_17/parent_16 give the fold rules used by kzclusters.data.harmonise."),
    ("region_aliases.csv", "Region aliases: spellings used by papers, BNS workbooks and geokz", "kzclusters",
     "Papers' tables (seeds 000-004), BNS English workbook, geokz attributes", "", "", "CC BY 4.0",
     "derived", "hand-compiled", "column source names where each spelling was seen."),
    ("sectors.csv", "Sector registry: OKED sections, divisions, groups and aggregates in kk/ru/en", "kzclusters",
     "OKED (NK RK 03-2019, NACE Rev. 2-based) and BNS aggregate codes", "", "", "CC BY 4.0", "derived",
     "hand-compiled", "members lists the codes an aggregate or group sums."),
    ("sector_aliases.csv", "Sector aliases: spellings used by papers and BNS", "kzclusters",
     "Papers' tables and BNS tables", "", "", "CC BY 4.0", "derived", "hand-compiled", ""),
]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def paper_rows() -> list[dict]:
    from paper_tables import all_tables

    rows = []
    for t in all_tables():
        base = dict(title=t.title, publisher=t.paper,
                    source=f"{t.paper}; {t.table}" + (f", p. {t.page}" if t.page else "") + f"; transcribed in "
                    f"specs/{t.spec}", unit=t.unit, period=t.period, licence=PAPER_LICENCE, notes=t.notes)
        rows.append(dict(base, name="" if t.tidy else t.id, file=f"raw/paper/{t.id}.csv", **{"class": "paper"},
                         builder="scripts/import_paper_tables_*.py (verbatim CSV block of the spec)",
                         keys="" if t.tidy else "", additive=""))
        if t.tidy:
            rows.append(dict(base, name=t.id, file=f"paper/{t.id}.csv", **{"class": "paper"},
                             builder=f"scripts/build_data.py (scripts/paper_specs_*.py: {t.id})",
                             keys=";".join(t.keys), additive=""))
    return rows


def extra_rows() -> list[dict]:
    """Rows contributed by other builders (``scripts/meta_*.py`` with ``ROWS``)."""
    rows = []
    for path in sorted((ROOT / "scripts").glob("meta_*.py")):
        rows += importlib.import_module(path.stem).ROWS
    return rows


def build_derived() -> None:
    from paper_tables import all_tables

    for t in all_tables():
        t.build()
    for path in sorted((ROOT / "scripts").glob("build_*.py")):
        if path.name == Path(__file__).name:
            continue
        mod = importlib.import_module(path.stem)
        if hasattr(mod, "main"):
            mod.main()


def sources_table(*, strict: bool = True) -> list[dict]:
    rows: list[dict] = []
    for name, file, title, source, unit, period, keys, additive, notes in OFFICIAL:
        rows.append(dict(name=name, file=file, title=title, publisher=BNS_PUB, source=source, unit=unit,
                         period=period, licence=BNS_LICENCE, builder="scripts/import_official.py (verbatim)",
                         keys=keys, additive=additive, notes=notes, **{"class": "official"}))
    for file, title, pub, source, unit, period, lic, cls, builder, notes in OTHER:
        rows.append(dict(name="", file=file, title=title, publisher=pub, source=source, unit=unit, period=period,
                         licence=lic, builder=builder, keys="", additive="", notes=notes, **{"class": cls}))
    try:
        rows += paper_rows()
        rows += extra_rows()
    except Exception:
        if strict:
            raise
    if not strict:  # development aid: list what exists, skip what is not yet described
        rows = [r for r in rows if (DATA / r["file"]).exists()]
    listed = {r["file"] for r in rows}
    on_disk = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.is_file()} - {"README.md",
                                                                                         "sources.csv"}
    unknown = sorted(on_disk - listed)
    if unknown and strict:
        raise SystemExit("files in data/ with no metadata (add them to scripts/build_data.py or a "
                         f"scripts/meta_*.py): {unknown}")
    gone = sorted(listed - on_disk) if strict else []
    if gone:
        raise SystemExit(f"metadata for files that do not exist: {gone}")
    for r in rows:
        r["sha256"] = sha256(DATA / r["file"])
    rows.sort(key=lambda r: r["file"])
    return rows


def render(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({c: r.get(c, "") for c in COLUMNS})
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if sources.csv is not up to date")
    ap.add_argument("--sources-only", action="store_true", help="only rewrite sources.csv")
    ap.add_argument("--lenient", action="store_true",
                    help="development aid: skip files with no metadata instead of failing")
    args = ap.parse_args(argv)
    if not args.check and not args.sources_only:
        build_derived()
    text = render(sources_table(strict=not args.lenient))
    target = DATA / "sources.csv"
    if args.check:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            print("data/sources.csv is out of date: run python scripts/build_data.py", file=sys.stderr)
            return 1
        print("sources.csv up to date")
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
