"""Paper tables of seeds 000-003 and of seed 004 parts A (industry priorities) and E (productivity).

Raw files (``data/raw/paper/<id>.csv``) are written by ``scripts/import_paper_tables_a.py``
from three specs: ``cluster_potential_and_ict.md``, ``productivity.md`` and
``industry_priorities.md``.  This module says what each table is and how it is
turned into a tidy long file (``data/paper/<id>.csv``).  Reference tables (lists,
typologies, crosswalks) have ``tidy=None``.

Printed qualifiers ("≈0.67", "<0.001", ">30", "~$56 тыс") are split into
``value`` (the number) and ``qualifier`` (the sign), and the cell as printed is
kept in ``value_printed`` wherever anything but a plain number was printed.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from paper_tables import PaperTable, num, region_codes

# --------------------------------------------------------------------------- citations

P000 = ("«Assessment of the potential of the clustering system of regional economies» (in Kazakh; "
        "authors not in the extract), Bulletin of L.N. Gumilyov ENU, Economic series, No. 1, 2020; "
        "seed 000_18cf21b6de034b24")
P001 = ("«Analysis of the history and experience of world cluster formation» (in Kazakh; authors and journal "
        "not in the extract); seed 001_41a3bf569717b854")
P002 = ("«Features of applying foreign cluster-development experience in the economy of Kazakhstan: "
        "the example of construction-materials production» (in Kyrgyz; authors not in the extract); "
        "seed 002_94b4b08dd050dce0")
P003 = ("«ICT clusters in Kazakhstan's regions: innovation-development index and modified Krugman "
        "specialisation index» (in Russian; authors not in the extract); seed 003_b3ec444896f8615c")
P001_003 = "seeds 001, 002 and 003 (prose of the three papers, see column seed)"
_AU = "AlmaU conference volume on the new industrial policy of Kazakhstan, 2025; seed 004_8fd89d2feef03caf"
PROD_P1 = ("Serikkyzy A., Medetov D.Zh., Baktymbet A.S., Baktymbet S.S. «Human capital and the structural "
           f"transformation of industry: impact on productivity and employment», {_AU} (part E)")
PROD_P2 = ("Idrisov M.M., Darinov Zh.A. «The productivity gap: structural causes and coping scenarios in the "
           f"manufacturing industry», {_AU} (part E)")
PRIO_P1 = ("Begimbay K.M., Myrzakhmet M.K. «Formation of a new industrial structure of Kazakhstan: "
           f"methodology, results and policy», {_AU} (part A)")
PRIO_P2 = ("Manuilov A. «From cluster to spiral: opportunities for the socio-economic development of "
           f"Kazakhstan's regions», {_AU} (part A)")
PRIO_P3 = ("Medetov D.Zh., Beisenova A.M. «Business Incubation as an Instrument of Industrial Policy. Global "
           f"View», {_AU} (part A)")

CPI = "cluster_potential_and_ict.md"
PROD = "productivity.md"
PRIO = "industry_priorities.md"

# --------------------------------------------------------------------------- helpers

_NUM = re.compile(r"^\s*([≈~<>]?)\s*\$?\s*([+\-\u2212]?\d+(?:\.\d+)?)")


def printed(s: str) -> tuple[float, str]:
    """A printed cell -> (number, qualifier).  "≈-0.70" -> (-0.7, "≈"); "<0.001" -> (0.001, "<");
    "+0.20***" -> (0.2, ""); "n.s." / "NR" / "" -> (nan, "")."""
    m = _NUM.match(str(s))
    if not m:
        return np.nan, ""
    return float(m.group(2).replace("\u2212", "-")), m.group(1)


def stars(s: str) -> int:
    m = re.search(r"(\*+)", str(s))
    return len(m.group(1)) if m else 0


def sector_codes(labels: pd.Series, mapping: dict[str, str | None]) -> pd.Series:
    """Printed labels -> sector codes via an explicit map; each code must exist in data/sectors.csv."""
    from kzclusters.registry import sectors

    known = set(sectors()["code"])
    unknown = sorted(set(labels) - set(mapping))
    if unknown:
        raise ValueError(f"no sector code for printed label(s) {unknown}")
    bad = sorted({c for c in mapping.values() if c is not None} - known)
    if bad:
        raise ValueError(f"sector code(s) {bad} are not in data/sectors.csv")
    return labels.map(mapping)


def _items(raw: pd.DataFrame, col: str, mapping: dict[str, str]) -> pd.Series:
    unknown = sorted(set(raw[col]) - set(mapping))
    if unknown:
        raise ValueError(f"no item code for {unknown}")
    return raw[col].map(mapping)


def _long(records: list[dict]) -> pd.DataFrame:
    return pd.DataFrame.from_records(records)


# --------------------------------------------------------------------------- seed 000

KARAGANDA = "Қарағанды облысы"  # the seeds name the region only in Kazakh

FIG1_SECTORS = {
    "Manufacturing": "C", "Wholesale and retail trade": "G", "Transport and storage": "H",
    "Real estate activities": "L", "Construction": "F", "Energy and water supply": "D-E",
    "Agriculture": "A", "Education": "P", "Public administration and defence": "O", "Health care": "Q",
    "Net taxes": "NET_TAXES", "Other activities": None,
}

MANUF_SECTORS = {
    "Metallurgical industry": "24",
    "Food products and beverages": "10-11",
    "Light industry": "13-15",
    "Wood and cork products, except furniture; articles of straw and plaiting materials": "16",
    "Paper and paper products; printing and reproduction of recorded media": "17-18",
    "Chemical products; rubber and plastic products; coke and refined petroleum products": "19-20, 22",
    "Basic pharmaceutical products": "21",
    "Other non-metallic mineral products": "23",
    "Fabricated metal products, except machinery and equipment": "25",
    "Machine building (mechanical engineering)": "26-30, 33",
    "Furniture": "31",
    "Other manufactured goods": "32",
}


def tidy_seed000_fig1(raw: pd.DataFrame) -> pd.DataFrame:
    d = raw.assign(region=region_codes(pd.Series(KARAGANDA, index=raw.index)),
                   sector=sector_codes(raw["activity_en"], FIG1_SECTORS), row=raw["row"].astype(int))
    d["label_en"] = np.where(d["sector"].isna(), d["activity_en"], "")
    recs = []
    for _, r in d.iterrows():
        for y in (2016, 2017, 2018):
            recs.append(dict(region=r.region, row=r.row, year=y, sector=r.sector, label_en=r.label_en,
                             value=r[f"y{y}"]))
    out = _long(recs)
    out["value"] = num(out["value"])
    return out


def tidy_seed000_t1(raw: pd.DataFrame) -> pd.DataFrame:
    region = region_codes(pd.Series(KARAGANDA, index=raw.index))
    sector = sector_codes(raw["industry_en"], MANUF_SECTORS)
    recs = []
    for i, r in raw.iterrows():
        for y in (2016, 2017, 2018):
            recs.append(dict(region=region[i], sector=sector[i], measure="share_pct", year=y,
                             row=int(r["row"]), value=r[f"y{y}"]))
        recs.append(dict(region=region[i], sector=sector[i], measure="change_pp_vs_2016", year=2018,
                         row=int(r["row"]), value=r["change_2018_vs_2016_published"]))
    out = _long(recs)
    out["value"] = num(out["value"])
    return out


def tidy_seed000_t2(raw: pd.DataFrame) -> pd.DataFrame:
    region = region_codes(pd.Series(KARAGANDA, index=raw.index))
    sector = sector_codes(raw["industry_en"], MANUF_SECTORS)
    recs = [dict(region=region[i], sector=sector[i], year=y, row=int(r["row"]), value=r[f"lq_{y}"])
            for i, r in raw.iterrows() for y in (2016, 2017, 2018)]
    out = _long(recs)
    out["value"] = num(out["value"])
    return out


# --------------------------------------------------------------------------- seed 003

def tidy_seed003_t1(raw: pd.DataFrame) -> pd.DataFrame:
    region = region_codes(raw["region_ru"])
    recs = [dict(region=region[i], year=y, row=int(r["no"]), value=r[f"index_{y}"], grade=r[f"grade_{y}"])
            for i, r in raw.iterrows() for y in (2010, 2016)]
    out = _long(recs)
    out["value"] = num(out["value"])
    return out


def tidy_seed003_t2(raw: pd.DataFrame) -> pd.DataFrame:
    region = region_codes(raw["region_ru"])
    recs = [dict(region=region[i], year=y, row=int(r["row"]), value=r[f"y{y}"],
                 is_dash=r[f"y{y}"].strip() == "")
            for i, r in raw.iterrows() for y in range(2010, 2017)]
    out = _long(recs)
    out["value"] = num(out["value"])
    return out


def tidy_seed003_t3(raw: pd.DataFrame) -> pd.DataFrame:
    region = region_codes(raw["region_ru"])
    recs = [dict(region=region[i], year=y, row=int(r["no"]), value=r[f"ksi_{y}"],
                 is_dash=r[f"ksi_{y}"].strip() == "")
            for i, r in raw.iterrows() for y in (2010, 2016)]
    out = _long(recs)
    out["value"] = num(out["value"])
    return out


def tidy_intext_facts(raw: pd.DataFrame) -> pd.DataFrame:
    """Prose numbers of seeds 001-003: one row each; ranges, ratios and words -> value NaN."""
    recs = []
    for i, r in raw.iterrows():
        v = r["value"].strip()
        single = re.fullmatch(r"[≈~<>]?\s*[+\-]?\d+(?:\.\d+)?", v)
        val, q = printed(v) if single else (np.nan, "")
        recs.append(dict(seed=r["seed"], row=i + 1, topic=r["topic"], place=r["country_or_region"],
                         label_en=r["fact_en"], unit=r["unit"], value=val, qualifier=q, value_printed=v))
    return _long(recs)


# --------------------------------------------------------------------------- seed 004, part E (productivity)

PROD_SECTORS = {"Agriculture": "A", "Construction": "F", "Manufacturing": "C", "Mining": "B", "Trade": "G"}


def tidy_prod_cobb_douglas(raw: pd.DataFrame) -> pd.DataFrame:
    sector = sector_codes(raw["sector_en"], PROD_SECTORS)
    recs = []
    for i, r in raw.iterrows():
        for col, stem in (("alpha_capital", "alpha"), ("R2", "r2")):
            cell = r[col].strip()
            m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?", cell)
            lo, hi = (float(m.group(1)), float(m.group(2) or m.group(1))) if m else (np.nan, np.nan)
            recs.append(dict(sector=sector[i], measure=f"{stem}_min", value=lo, value_printed=cell))
            recs.append(dict(sector=sector[i], measure=f"{stem}_max", value=hi, value_printed=cell))
    return _long(recs)


def tidy_prod_long_run(raw: pd.DataFrame) -> pd.DataFrame:
    sector = sector_codes(raw["sector_en"], PROD_SECTORS)
    recs = []
    for i, r in raw.iterrows():
        for col, m in (("beta", "beta"), ("p_value", "p_value"), ("R2", "r2")):
            v, q = printed(r[col])
            recs.append(dict(sector=sector[i], measure=m, value=v, qualifier=q, value_printed=r[col]))
    return _long(recs)


def tidy_prod_ecm(raw: pd.DataFrame) -> pd.DataFrame:
    sector = sector_codes(raw["sector_en"], PROD_SECTORS)
    cols = {"gamma_ECM": "gamma", "p_gamma": "p_gamma", "delta1": "delta1", "p_delta1": "p_delta1",
            "delta2": "delta2", "p_delta2": "p_delta2"}
    recs = []
    for i, r in raw.iterrows():
        for col, m in cols.items():
            v, q = printed(r[col])
            recs.append(dict(sector=sector[i], measure=m, value=v, qualifier=q, value_printed=r[col]))
    return _long(recs)


def tidy_prod_t1(raw: pd.DataFrame) -> pd.DataFrame:
    sector = sector_codes(raw["sector_en"], PROD_SECTORS)
    cols = {"ecm_speed_gamma": "ecm_gamma", "short_run_effect": "short_run_effect",
            "long_run_beta": "long_run_beta"}
    recs = []
    for i, r in raw.iterrows():
        for col, m in cols.items():
            v, q = printed(r[col])
            recs.append(dict(sector=sector[i], measure=m, value=v, stars=stars(r[col]),
                             beta_significant_en=r["beta_significant_en"] if m == "long_run_beta" else "",
                             value_printed=r[col]))
    return _long(recs)


PROD_P1_TEXT_ITEMS = {
    "Oil & gas share of export revenue": "oil_gas_export_revenue_share",
    "World Bank Human Capital Index": "hci",
    "Education spending": "education_spending_gdp_share",
    "Data period (abstract)": "data_period_abstract",
    "Data period (methods)": "data_period_methods",
    "Number of sectors": "n_sectors",
}


def tidy_prod_text_numbers(raw: pd.DataFrame) -> pd.DataFrame:
    item = _items(raw, "item_en", PROD_P1_TEXT_ITEMS)
    recs = []
    for i, r in raw.iterrows():
        v = r["value"].strip()
        if item[i] == "hci":  # "0.63 -> 0.75" over "2012–2018"
            a, b = [printed(x)[0] for x in v.split("->")]
            y0, y1 = re.findall(r"\d{4}", r["period"])
            recs += [dict(item=f"hci_{y0}", unit=r["unit"], value=a, qualifier="", value_printed=v),
                     dict(item=f"hci_{y1}", unit=r["unit"], value=b, qualifier="", value_printed=v)]
        elif item[i].startswith("data_period"):  # "2010–2025" / "2010–2024 quarterly"
            y0, y1 = re.findall(r"\d{4}", v)
            recs += [dict(item=f"{item[i]}_{k}", unit="year", value=float(y), qualifier="", value_printed=v)
                     for k, y in (("start", y0), ("end", y1))]
        else:
            val, q = printed(v)
            recs.append(dict(item=item[i], unit=r["unit"], value=val, qualifier=q, value_printed=v))
    return _long(recs)


PROD_P2_BULLET_ITEMS = {
    "Productivity per employed person": "productivity_per_employed_usd",
    "Share of high-tech industries": "high_tech_industry_share",
    "Manufacturing labour productivity": "manufacturing_productivity_mln_kzt",
    "Productivity growth in 2025": "productivity_growth_2025",
    "Enterprises using ERP": "erp_adoption_share",
    "Enterprises using industrial IoT": "iiot_adoption_share",
    "Investment in raw-material sectors": "raw_sector_investment_change",
    "Digital sector revenue": "digital_sector_revenue_change",
    "Digital sector investment": "digital_sector_investment_change",
    "Specialists needed by 2031": "specialists_needed_2031",
    "of which technical/engineering": "engineers_needed_2031",
    "Share of worker & engineering professions (manuf.+constr.+energy) in total deficit":
        "worker_engineer_share_of_deficit",
}


def tidy_prod_p2_bullets(raw: pd.DataFrame) -> pd.DataFrame:
    item = _items(raw, "item_en", PROD_P2_BULLET_ITEMS)
    recs = []
    for i, r in raw.iterrows():
        for col, area in (("kazakhstan", "KZ"), ("comparator", "EU")):
            cell = r[col].strip()
            if not cell:
                continue
            if area == "EU" and "(EU)" not in cell:
                raise ValueError(f"comparator is not the EU: {cell}")
            v, q = printed(cell)
            recs.append(dict(item=item[i], area=area, unit=r["unit"], period=r["year"], value=v, qualifier=q,
                             value_printed=cell))
    return _long(recs)


def tidy_prod_p2_t1(raw: pd.DataFrame) -> pd.DataFrame:
    items = {"Average productivity": ("avg_productivity", "thousand USD per worker per year"),
             "Share of high-tech industries": ("high_tech_industry_share", "%")}
    recs = []
    for _, r in raw.iterrows():
        if r["indicator_en"] not in items:  # "Source of growth": words only
            continue
        code, unit = items[r["indicator_en"]]
        for col, area in (("kazakhstan_2025", "KZ"), ("eu_average", "EU")):
            v, q = printed(r[col])
            recs.append(dict(item=code, area=area, unit=unit, value=v, qualifier=q, value_printed=r[col]))
    return _long(recs)


def tidy_prod_p2_t3(raw: pd.DataFrame) -> pd.DataFrame:
    recs = []
    for _, r in raw.iterrows():
        if r["indicator_en"] == "Average labour productivity":
            lo, hi = re.findall(r"\d+", r["germany"])[:2]
            for m, v in (("min", lo), ("max", hi)):
                recs.append(dict(item=f"avg_productivity_{m}", area="DE",
                                 unit="thousand USD per worker per year", value=float(v), qualifier="~",
                                 value_printed=r["germany"]))
        elif r["indicator_en"] == "Agriculture":
            lo, hi = re.findall(r"(\d+)–(\d+) раза", r["eu_average_or_comment"])[0]
            for m, v in (("min", lo), ("max", hi)):
                recs.append(dict(item=f"agri_productivity_ratio_to_kz_{m}", area="EU", unit="times",
                                 value=float(v), qualifier="", value_printed=r["eu_average_or_comment"]))
    return _long(recs)


def tidy_prod_p2_scenarios(raw: pd.DataFrame) -> pd.DataFrame:
    recs = [dict(scenario=int(r["id"]), measure=m, label_en=r["scenario_en"], value=float(r[col]))
            for _, r in raw.iterrows() for col, m in (("start", "start_year"), ("end", "end_year"))]
    return _long(recs)


# --------------------------------------------------------------------------- seed 004, part A (priorities)

PRIO_CRITERIA = {
    "ROIC/EVA": "roic_eva", "ВДС/мультипликатор": "gva_multiplier",
    "Экспорт/импортозамещение": "exports_import_subst",
    "Производительность труда": "labour_productivity", "Кадровая готовность": "skills_readiness",
    "LCA/CBAM": "lca_cbam", "Инфраструктура": "infrastructure", "Регуляторные риски": "regulatory_risks",
}

PRIO_SECTORS = {
    "Машиностроение": "26-30, 33",  # BNS «Машиностроение»
    "Пищевая": "10",  # «Пищевая промышленность» = division 10 (data/sector_aliases.csv)
    "Химия/нефтехимия": "20",
    "Кокс/нефтепродукты": "19",
    "Металлургия": "24",
    "Фармацевтика": "21",
}


def tidy_prio_t1(raw: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"criterion": _items(raw, "criterion_ru", PRIO_CRITERIA),
                         "value": num(raw["weight_pct"]).astype(float)})


def tidy_prio_t2(raw: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"sector": sector_codes(raw["industry_ru"], PRIO_SECTORS),
                         "rank": raw["rank"].astype(int), "value": num(raw["integral_score_0_1"])})


PRIO_P2_FACTS = {
    "Regional revenue growth after tax return to regions": "regional_revenue_growth_pct",
    "Strategic Plan to 2025 'growth centres': agglomerations": "growth_centres_agglomerations",
    "... large urbanised zones": "growth_centres_urbanised_zones",
    "... remote and border mono- and small towns": "growth_centres_mono_small_towns",
    "Territorial cluster applications (after 2014)": "cluster_applications",
    "Supported pilot clusters": "clusters_supported",
    "Cluster co-financing if the state initiates: state / cluster firms": "cofin_state_initiated",
    "Cluster co-financing if business initiates: state / cluster firms": "cofin_business_initiated",
    "Sophia-Antipolis start": "sophia_antipolis_start_year",
    "Sophia-Antipolis land rule: built-up / green per quarter": "sophia_antipolis_land",
    "Sophia-Antipolis share of digital-sector firms of Alpes-Maritimes dept.":
        "sophia_antipolis_digital_firms_pct",
    "Sophia-Antipolis share of digital-sector jobs of Alpes-Maritimes dept.":
        "sophia_antipolis_digital_jobs_pct",
    "French Tech metropole launched in Sophia-Antipolis": "french_tech_launch_year",
    "CGT (France) appeal to Toulouse universities": "cgt_appeal_date",
}
_PAIR = {"cofin_state_initiated": ("state_pct", "firms_pct"),
         "cofin_business_initiated": ("state_pct", "firms_pct"),
         "sophia_antipolis_land": ("built_share", "green_share")}


def _fraction(s: str) -> float:
    a, _, b = s.strip().partition("/")
    return float(a) / float(b) if b else float(a)


def tidy_prio_p2_facts(raw: pd.DataFrame) -> pd.DataFrame:
    item = _items(raw, "fact_en", PRIO_P2_FACTS)
    recs = []
    for i, r in raw.iterrows():
        v = r["value"].strip()
        if item[i] in _PAIR:  # "70 / 30", "1/3 / 2/3"
            parts = v.split(" / ")
            for suffix, p in zip(_PAIR[item[i]], parts, strict=True):
                recs.append(dict(item=f"{item[i]}_{suffix}", unit=r["unit"], period=r["year"],
                                 value=_fraction(p), qualifier="", value_printed=v))
            continue
        val, q = printed(v) if re.fullmatch(r"[<>]?\d+(?:\.\d+)?", v) else (np.nan, "")
        recs.append(dict(item=item[i], unit=r["unit"], period=r["year"], value=val, qualifier=q,
                         value_printed=v))
    return _long(recs)


PRIO_P3_FACTS = {
    "NBIA objectives of business incubators": "nbia_objectives",
    "EU incubators: max share of operations covered by national funding": "eu_national_funding_cap_pct",
    "US incubators that are not-for-profit": "us_not_for_profit_pct",
    "Brazil rank among incubator markets (after USA; China; Germany)": "brazil_incubator_market_rank",
    "WEF competitiveness ranking: Taiwan": "wef_rank_taiwan",
    "WEF competitiveness ranking: Mexico": "wef_rank_mexico",
    "EU business incubators funded by EU states": "eu_incubator_funding_period",
    "Czech incubators mostly publicly funded after EU accession": "czech_eu_accession_year",
    "Incubation policy report countries ('four developing countries')": "infodev_developing_countries",
    "Pennsylvania evaluation success indicators": "pennsylvania_success_indicators",
}


def tidy_prio_p3_facts(raw: pd.DataFrame) -> pd.DataFrame:
    item = _items(raw, "fact_en", PRIO_P3_FACTS)
    recs = []
    for i, r in raw.iterrows():
        v = r["value"].strip()
        m = re.fullmatch(r"(\d{4})-(\d{4})", v)
        if m:
            recs += [dict(item=f"{item[i]}_start", unit="year", period=r["year"], value=float(m.group(1)),
                          value_printed=v),
                     dict(item=f"{item[i]}_end", unit="year", period=r["year"], value=float(m.group(2)),
                          value_printed=v)]
        else:
            recs.append(dict(item=item[i], unit=r["unit"], period=r["year"], value=float(v), value_printed=v))
    return _long(recs)


# --------------------------------------------------------------------------- the tables

TABLES: list[PaperTable] = [
    # ---- seeds 000-003 (cluster_potential_and_ict.md)
    PaperTable(
        id="seed003_ref_region_crosswalk",
        title="Region crosswalk for the seed 000 and seed 003 tables (Russian names as printed, Kazakh and "
              "English names, ISO 3166-2:KZ, territorial notes)",
        paper=P003,
        table="reference (compiled for the spec)",
        page="",
        spec=f"{CPI} §3.0",
        unit="",
        period="",
        notes="Compiled by the spec author, not printed in a paper; Kazakh names other than Karaganda are "
              "standard forms. South Kazakhstan is mapped to today's KZ-61 (Turkistan) although its "
              "2010-2016 data cover KZ-61 + KZ-79 (registry code YKO).",
    ),
    PaperTable(
        id="seed000_fig1_karaganda_grp_structure",
        title="Structure of gross regional product of Karaganda Region by economic activity, 2016-2018",
        paper=P000,
        table="Figure 1 (data labels)",
        page="",
        spec=f"{CPI} §3.1",
        unit="% of GRP",
        period="2016-2018",
        keys=["region", "row", "year"],
        tidy=tidy_seed000_fig1,
        notes="Each column sums to 100.0; mining is not shown separately (inside 'Other activities', which "
              "has no sector code). The text's changes 2018 vs 2016 (+4.3 manufacturing etc.) all reproduce.",
    ),
    PaperTable(
        id="seed000_t1_karaganda_manufacturing_structure",
        title="Structure of manufacturing output of Karaganda Region by industry, 2016-2018, and change 2018"
              " vs 2016",
        paper=P000,
        table="Table 1",
        page="",
        spec=f"{CPI} §3.2",
        unit="% of manufacturing output; change in pp",
        period="2016-2018",
        keys=["region", "sector", "measure", "year"],
        tidy=tidy_seed000_t1,
        notes="Columns sum to 100.0 and the printed change column equals 2018 - 2016 in 12 of 12 rows. Known"
              " error: the text says machine building, food and chemicals grew, but their printed changes "
              "are negative (-0.9, -2.5, -0.6).",
    ),
    PaperTable(
        id="seed000_t2_karaganda_lq",
        title="Localisation coefficients (location quotients) of Karaganda Region manufacturing industries, "
              "2016-2018",
        paper=P000,
        table="Table 2",
        page="",
        spec=f"{CPI} §3.3",
        unit="ratio (LQ)",
        period="2016-2018",
        keys=["region", "sector", "year"],
        tidy=tidy_seed000_t2,
        notes="Not recomputable (no national shares); the implied national shares s_reg/LQ sum to "
              "98.7/102.1/103.6%, so a manufacturing base fits. Flags: LQ equals the regional share for "
              "light industry and pharmaceuticals (all years) and paper (2 of 3), and several LQ rows are "
              "identical.",
    ),
    PaperTable(
        id="seed001_t1_world_clusters",
        title="Formation of world clusters (location, cluster, year founded, initiator, attraction, drivers "
              "of development)",
        paper=P001,
        table="Table (untitled number)",
        page="",
        spec=f"{CPI} §3.4",
        unit="",
        period="1915-1960 (founding years)",
        notes="Hyphen-broken cells rejoined; 'Моблильді' is a typo; initiator names kept as printed (SCVI "
              "unexplained); the Sassuolo development cell ends with a comma (possibly truncated).",
    ),
    PaperTable(
        id="seed003_t1_innovation_index",
        title="Aggregated innovation-development index of Kazakhstan's regions and its grade, 2010 and 2016",
        paper=P003,
        table="Table 1",
        page="",
        spec=f"{CPI} §3.5",
        unit="index, 0-100 (leader = 100 per indicator)",
        period="2010, 2016",
        keys=["region", "year"],
        tidy=tidy_seed003_t1,
        notes="Not recomputable (the six indicators are unpublished). Grades fit 10-point bands "
              "(C<20<=C+<30<=C++<40<=B<50<=B+<60<=A) in 32 of 32 cells. Known error: the text's 18.4% 'share"
              " of national potential' for Almaty city is 14.55% of the 2016 column.",
    ),
    PaperTable(
        id="seed003_t2_ict_output",
        title="Industrial output in the ICT sphere by region, 2010-2016",
        paper=P003,
        table="Table 2",
        page="",
        spec=f"{CPI} §3.6",
        unit="million KZT, current prices",
        period="2010-2016",
        keys=["region", "year"],
        tidy=tidy_seed003_t2,
        notes="Printed dashes -> NaN with is_dash=True (the authors treat them as zero). Known errors: the "
              "text's 36.5 bn for 2016 and 120.3 bn for 2010-2016 match neither the column sums (38.27 bn, "
              "211.45 bn) nor the denominator implied by Table 3.",
    ),
    PaperTable(
        id="seed003_t3_ksi",
        title="'Modified Krugman specialisation index' (share of national ICT output) of the ICT industry by"
              " region, 2010 and 2016",
        paper=P003,
        table="Table 3",
        page="",
        spec=f"{CPI} §3.7",
        unit="share (0-1)",
        period="2010, 2016",
        keys=["region", "year"],
        tidy=tidy_seed003_t3,
        notes="KSI = R/C. Known errors: 2010 reproduces only if Pavlodar (53.1, printed as a dash) is left "
              "out of the denominator (16,501.5); 2016 reproduces only with a denominator of ~33,261, not "
              "the column sum 38,269.1, so the published 2016 column sums to 1.151.",
    ),
    PaperTable(
        id="seed001_intext_facts",
        title="Numbers given only in the prose of seeds 001-003 (world cluster policies, cluster models, ICT"
              " output claims)",
        paper=P001_003,
        table="in-text",
        page="",
        spec=f"{CPI} §3.9",
        unit="see column unit",
        period="various",
        keys=["seed", "row"],
        tidy=tidy_intext_facts,
        notes="One row per printed fact; ranges, ratios and words keep value NaN and the cell in "
              "value_printed. The seed 003 ICT claims (36.5 bn, 120.3 bn, 18.4%) do not reproduce from "
              "Tables 1-2.",
    ),
    PaperTable(
        id="seed002_models_kz_suitability",
        title="Suitability of four foreign cluster models for Kazakhstan (paper's verdict)",
        paper=P002,
        table="in-text (structured by the spec)",
        page="",
        spec=f"{CPI} §5.1",
        unit="rank",
        period="",
        notes="Ranking stated in prose: Indian first, North American last; Finnish and Japanese are not "
              "ranked against each other (both 2).",
    ),
    PaperTable(
        id="seed002_typology_items",
        title="Typology factors of world cluster centres, Japan's preconditions and India's state measures",
        paper=P002,
        table="in-text lists",
        page="",
        spec=f"{CPI} §5.1",
        unit="",
        period="",
        notes="Three numbered lists from the prose (6 factors, 4 preconditions, 8 state measures).",
    ),
    PaperTable(
        id="seed002_finnish_cluster_categories",
        title="Finnish cluster categories (ETLA): strong, stable, potential and latent clusters",
        paper=P002,
        table="in-text",
        page="",
        spec=f"{CPI} §5.1",
        unit="",
        period="",
        notes="The text announces three categories, then describes 'latent' clusters separately (4 rows); "
              "together they hold the nine ETLA sectors.",
    ),
    # ---- seed 004 part E (productivity.md)
    PaperTable(
        id="seed004_prod_p1_cobb_douglas",
        title="Cobb-Douglas production function by sector (NLS, quarterly 2010-2024): capital elasticity and"
              " R²",
        paper=PROD_P1,
        table="in-text",
        page="",
        spec=f"{PROD} §2.1",
        unit="elasticity; R²",
        period="2010Q1-2024Q4",
        keys=["sector", "measure"],
        tidy=tidy_prod_cobb_douglas,
        notes="Ranges as printed (shared between two sectors) become _min/_max rows; mining's capital "
              "elasticity was 'not significant' with no value (NaN); labour = 1 - alpha under CRS is "
              "derived, not printed.",
    ),
    PaperTable(
        id="seed004_prod_p1_long_run",
        title="Long-run elasticity of TFP with respect to investment by sector (ln TFP = c + beta ln I)",
        paper=PROD_P1,
        table="in-text",
        page="",
        spec=f"{PROD} §2.1",
        unit="elasticity; p-value; R²",
        period="2010Q1-2024Q4",
        keys=["sector", "measure"],
        tidy=tidy_prod_long_run,
        notes="Printed '≈' kept in qualifier. The (beta, p, R²) triplets fit bivariate OLS with n = 60.",
    ),
    PaperTable(
        id="seed004_prod_p1_ecm",
        title="Short-run error-correction model of TFP by sector (speed of adjustment gamma, investment "
              "effects delta1, delta2)",
        paper=PROD_P1,
        table="in-text",
        page="",
        spec=f"{PROD} §2.1",
        unit="coefficient; p-value",
        period="2010Q1-2024Q4",
        keys=["sector", "measure"],
        tidy=tidy_prod_ecm,
        notes="'NR' (not reported) and 'n.s.' without a number -> NaN; delta2 is never reported numerically.",
    ),
    PaperTable(
        id="seed004_prod_p1_t1_investment_tfp",
        title="Comparative assessment of long- and short-run effects of investment on TFP by sector of "
              "Kazakhstan's economy",
        paper=PROD_P1,
        table="Table 1",
        page="",
        spec=f"{PROD} §2.1",
        unit="coefficient (stars: *** 1%, ** 5%, * 10%, inferred)",
        period="2010Q1-2024Q4",
        keys=["sector", "measure"],
        tidy=tidy_prod_t1,
        notes="Values are the text's rounded. Known inconsistency: mining's short-run effect is printed "
              "'close to 10%' but the text gives p ≈ 0.17; the fifth header is garbled (only 'β' survives).",
    ),
    PaperTable(
        id="seed004_prod_p1_figures",
        title="Figures 1-5: investment and TFP indices by sector (captions and what the prose says; images "
              "missing)",
        paper=PROD_P1,
        table="Figures 1-5 (captions)",
        page="",
        spec=f"{PROD} §2.1",
        unit="",
        period="2010-2024",
        notes="The figures are images absent from the extract; no series survive.",
    ),
    PaperTable(
        id="seed004_prod_p1_text_numbers",
        title="Other numbers quoted in the text of the human-capital paper",
        paper=PROD_P1,
        table="in-text",
        page="",
        spec=f"{PROD} §2.1",
        unit="see column unit",
        period="various",
        keys=["item"],
        tidy=tidy_prod_text_numbers,
        notes="Known conflict: the abstract's data period 2010-2025 vs the methods' 2010-2024 (quarterly). "
              "The HCI 2012 value would be a back-cast (HCI first published 2018).",
    ),
    PaperTable(
        id="seed004_prod_p2_bullets",
        title="Productivity-gap numbers from the results bullets (Kazakhstan vs EU, digitalisation, skills "
              "deficit)",
        paper=PROD_P2,
        table="in-text (bullets)",
        page="",
        spec=f"{PROD} §2.2",
        unit="see column unit",
        period="see column period",
        keys=["item", "area"],
        tidy=tidy_prod_p2_bullets,
        notes="Basis (nominal/PPP) of the USD productivity is not stated; 56% = 0.9/1.6 may be the same "
              "ratio relabelled. Conflicts with Table 1 (27.2 vs 56 thousand USD for Kazakhstan).",
    ),
    PaperTable(
        id="seed004_prod_p2_t1_eu_gap",
        title="Comparison with the EU: structural gap",
        paper=PROD_P2,
        table="Table 1",
        page="",
        spec=f"{PROD} §2.2",
        unit="thousand USD per worker per year; %",
        period="2025",
        keys=["item", "area"],
        tidy=tidy_prod_p2_t1,
        notes="The qualitative 'source of growth' row is omitted from the tidy file. Known conflict: KZ ~56 "
              "vs EU ~106 (ratio 1.89) here, but 27.2 vs 86.7 (ratio 3.19) in the bullets.",
    ),
    PaperTable(
        id="seed004_prod_p2_t2_structural_differences",
        title="Structural differences between Kazakhstan and Western economies (qualitative)",
        paper=PROD_P2,
        table="Table 2",
        page="",
        spec=f"{PROD} §2.2",
        unit="",
        period="",
        notes="Qualitative only.",
    ),
    PaperTable(
        id="seed004_prod_p2_t3_germany_eu",
        title="Germany and the EU: the mature model",
        paper=PROD_P2,
        table="Table 3",
        page="",
        spec=f"{PROD} §2.2",
        unit="thousand USD per worker per year; times",
        period="not stated",
        keys=["item", "area"],
        tidy=tidy_prod_p2_t3,
        notes="Columns appear shifted (the 'Комментарий' column is empty; comments sit under 'ЕС в "
              "среднем'); only the two numeric cells (Germany ~106-110, agriculture 3-4 times) are in the "
              "tidy file.",
    ),
    PaperTable(
        id="seed004_prod_p2_t4_maturity_map",
        title="Sector maturity map by OKED (Kazakhstan, 2025): phase, barriers, consolidation scenario",
        paper=PROD_P2,
        table="Table 4",
        page="",
        spec=f"{PROD} §2.2",
        unit="",
        period="2025",
        notes="Phase counts: Fragmented 4, Inertial 3, Latent 3, Mature raw-material 1, Mixed 1. Known "
              "conflict: the text calls chemicals (20) and electronics (26) fragmented, the table inertial "
              "and latent.",
    ),
    PaperTable(
        id="seed004_prod_p2_phase_defs",
        title="Definitions of the sector maturity phases",
        paper=PROD_P2,
        table="in-text",
        page="",
        spec=f"{PROD} §2.2",
        unit="",
        period="",
        notes="",
    ),
    PaperTable(
        id="seed004_prod_p2_bottleneck_clusters",
        title="The four bottleneck clusters of the text (inertial, fragmented, stimulated, digital)",
        paper=PROD_P2,
        table="in-text",
        page="",
        spec=f"{PROD} §2.2",
        unit="",
        period="",
        notes="The fourth cluster's name is lost in the extract; 'inertial' includes non-manufacturing "
              "sectors (agriculture, housing and utilities).",
    ),
    PaperTable(
        id="seed004_prod_p2_scenarios",
        title="Four phased scenarios for closing the productivity gap, 2025-2035",
        paper=PROD_P2,
        table="in-text",
        page="",
        spec=f"{PROD} §2.2",
        unit="year",
        period="2025-2035",
        keys=["scenario", "measure"],
        tidy=tidy_prod_p2_scenarios,
        notes="Years only: the paper quantifies no growth rates or effects. Phases share their boundary "
              "years.",
    ),
    PaperTable(
        id="seed004_prod_p2_formulas",
        title="Labour productivity definitions (BNS Order No. 129 of 2017; OECD Productivity Manual)",
        paper=PROD_P2,
        table="in-text",
        page="",
        spec=f"{PROD} §2.2",
        unit="",
        period="",
        notes="",
    ),
    # ---- seed 004 part A (industry_priorities.md)
    PaperTable(
        id="seed004_prio_p1_t1_criteria_weights",
        title="System of weights of the criteria for evaluating industries (MEREC, validated by experts)",
        paper=PRIO_P1,
        table="Table 1",
        page="",
        spec=f"{PRIO} §1.9",
        unit="% (weights sum to 100)",
        period="data 2024-2025",
        keys=["criterion"],
        tidy=tidy_prio_t1,
        notes="Round integers summing to 100, 'illustrative'; not raw MEREC output and not reproducible (the"
              " decision matrix is unpublished).",
    ),
    PaperTable(
        id="seed004_prio_p1_t2_integral_scores",
        title="Final ranking of industries by integral score",
        paper=PRIO_P1,
        table="Table 2",
        page="",
        spec=f"{PRIO} §1.9",
        unit="score 0-1",
        period="data 2024-2025; priorities 2025-2027",
        keys=["sector"],
        tidy=tidy_prio_t2,
        notes="Not reproducible (no indicator values, normalisation unstated); ranks agree with the scores. "
              "'Пищевая' coded 10 and 'Химия/нефтехимия' 20 (the paper does not define them by OKED).",
    ),
    PaperTable(
        id="seed004_prio_p1_growth_groups",
        title="Industry growth groups 2024-2025, export concentration and import dependence (qualitative)",
        paper=PRIO_P1,
        table="in-text",
        page="",
        spec=f"{PRIO} §1.9",
        unit="",
        period="2024-2025",
        notes="No numbers were published; not for charts.",
    ),
    PaperTable(
        id="seed004_prio_p2_t1_helix_indicators",
        title="Indicators of quintuple-helix development (after Megits et al. 2022: 360)",
        paper=PRIO_P2,
        table="Table 1",
        page="",
        spec=f"{PRIO} §2.3",
        unit="",
        period="",
        notes="19 indicators (4/3/6/4/2), no values; the data-source codes in the last column are the spec's"
              " suggestions, not the paper's. The note cites Cai (2022) while the caption cites Megits et "
              "al.",
    ),
    PaperTable(
        id="seed004_prio_p2_helix_types",
        title="Helix typology: triple, quadruple and quintuple helices",
        paper=PRIO_P2,
        table="in-text",
        page="",
        spec=f"{PRIO} §2.3",
        unit="",
        period="",
        notes="",
    ),
    PaperTable(
        id="seed004_prio_p2_territorial_clusters",
        title="Territorial clusters of Kazakhstan named in the text (2006-2008 wave, post-2014 pilots)",
        paper=PRIO_P2,
        table="in-text (Figure 1 missing)",
        page="",
        spec=f"{PRIO} §2.4",
        unit="",
        period="2004-2022",
        notes="Known error: the text says 'eight' clusters in 2006-2008 but lists seven. Regions of the six "
              "pilots are only in the missing Figure 1.",
    ),
    PaperTable(
        id="seed004_prio_p2_facts",
        title="Other quantitative facts in the 'cluster to spiral' paper",
        paper=PRIO_P2,
        table="in-text",
        page="",
        spec=f"{PRIO} §2.5",
        unit="see column unit",
        period="various",
        keys=["item"],
        tidy=tidy_prio_p2_facts,
        notes="Pairs ('70 / 30', '1/3 / 2/3') are split into two items; the CGT appeal date has no number "
              "(NaN).",
    ),
    PaperTable(
        id="seed004_prio_p3_facts",
        title="Quantitative facts in the business-incubation paper",
        paper=PRIO_P3,
        table="in-text",
        page="",
        spec=f"{PRIO} §3.3",
        unit="see column unit",
        period="various",
        keys=["item"],
        tidy=tidy_prio_p3_facts,
        notes="'Four developing countries' includes New Zealand (factual flag); the 75% not-for-profit "
              "figure cites a source missing from the reference list.",
    ),
]
