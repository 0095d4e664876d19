"""sources.csv rows for the BNS innovation and R&D bulletins (imported by build_data.py)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
REPO = ("github.com/open-data-kazakhstan/education-mcda-kz @ 5ce477a0285b67e06566b1268d1d80c1af50d002")
LIC = ("BNS official statistics: free reuse for any purpose with a reference to the source (stat.gov.kz); "
       "repository licence Open Data Commons PDDL")
PUB = "Bureau of National Statistics (BNS), Agency for Strategic Planning and Reforms of the RK"
BOOKS = {
    "innovations": ("archive/innovations.xls", "BNS bulletin «Инновациялық қызмет» (innovation activity of "
                    "enterprises), published 18.05.2023", "mln KZT, enterprises, persons, %"),
    "rd": ("archive/research and development works.xls", "BNS bulletin «Ғылыми-зерттеу және "
           "тәжірибелік-конструкторлық жұмыстар» (R&D), published 20.03.2023", "thousand KZT, persons, units"),
}
YEAR_NOTE = ("Reference year 2022 (cover sheets say «2022 жыл»); the folder name _2023 is the publication year.")

ROWS: list[dict] = []
for book, (path, title, unit) in BOOKS.items():
    for f in sorted((DATA / "raw" / "bns_innovation_2023" / book).glob("sheet_*.csv")):
        ROWS.append({"name": "", "file": f.relative_to(DATA).as_posix(),
                     "title": f"{title}: {f.stem.replace('_', ' ')}", "publisher": PUB,
                     "source": f"{REPO} {path}, sheet {f.stem.replace('sheet_', '')} (converted with xlrd, "
                               "cell values verbatim)",
                     "unit": unit, "period": "2022", "licence": LIC, "class": "official",
                     "builder": "scripts/import_innovation.py (verbatim)", "keys": "", "additive": "",
                     "notes": "'x' = confidential, '-' = none. " + YEAR_NOTE})
ROWS.append({"name": "", "file": "raw/bns_innovation_2023/SOURCE.md",
             "title": "Provenance notes for the innovation and R&D bulletins", "publisher": "kzclusters",
             "source": "shared/rawdata/odk_education_mcda_bns_innovation/SOURCE.md", "unit": "", "period": "",
             "licence": LIC, "class": "official", "builder": "scripts/import_innovation.py", "keys": "",
             "additive": "", "notes": "Its 'reference year 2023' is wrong: the bulletins cover 2022. " + YEAR_NOTE})
for name, file, title, book in (
        ("innovation", "official/bns_innovation_2022.csv",
         "Innovation activity of enterprises by region (BNS bulletin tables 1-22)", "innovations"),
        ("rd", "official/bns_rd_2022.csv", "Research and development by region (BNS bulletin tables 1-46)", "rd")):
    ROWS.append({"name": name, "file": file, "title": title, "publisher": PUB,
                 "source": f"{REPO} {BOOKS[book][0]}; sheets listed in data/official/bns_innovation_indicators.csv",
                 "unit": "per indicator: see bns_innovation_indicators.csv", "period": "2022", "licence": LIC,
                 "class": "derived", "builder": "scripts/build_innovation.py", "keys": "region;indicator;year",
                 "additive": "", "notes": "Tidy reshaping of the bulletin sheets; 'x'/'-' cells are missing values "
                 "with the mark kept in column flag. " + YEAR_NOTE})
ROWS.append({"name": "innovation_indicators", "file": "official/bns_innovation_indicators.csv",
             "title": "Dictionary of the innovation and R&D indicators (unit, titles in kk/en/ru, source sheet)",
             "publisher": "kzclusters (titles from the BNS bulletins)", "source": f"{REPO} archive/*.xls",
             "unit": "", "period": "2022", "licence": LIC, "class": "derived",
             "builder": "scripts/build_innovation.py", "keys": "indicator", "additive": "",
             "notes": "title_kk verbatim from the sheets; en/ru translated. FTE table (46) holds ratios although "
                      "its header says percent."})
for f in sorted((DATA / "raw" / "bns_innovation_2023").glob("*/INDEX.csv")):
    ROWS.append({"name": "", "file": f.relative_to(DATA).as_posix(), "title": "Sheet index of the workbook",
                 "publisher": PUB, "source": f"{REPO} (INDEX.csv made at conversion)", "unit": "",
                 "period": "2022", "licence": LIC, "class": "official",
                 "builder": "scripts/import_innovation.py (verbatim)", "keys": "", "additive": "",
                 "notes": "Some titles are column headers, not table titles (innovations 08, 17, 21, 24; R&D 39)."})
