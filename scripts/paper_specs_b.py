"""Tables of seed 004 parts B-D: SME potential/TII/RCA/elasticities, SME cooperation and
industrial policy, economic complexity / scenarios / digital twins.

Raw files: ``data/raw/paper/seed004_{msme,coop,cx}_*.csv`` (written by
``scripts/import_paper_tables_b.py`` from ``msme_integration.md``,
``msme_cooperation_and_policy.md`` and ``complexity_and_scenarios.md``).

Tidy conventions used here
--------------------------
* ``region``: code from data/regions.csv (``KZ`` = national row); ``country``: ISO 3166
  alpha-2 for countries (``KZ`` doubles as the national region code), snake_case for
  groups of countries; ``sector``: code from data/sectors.csv.
* ``year``: int.  Change columns (growth, increment, elasticity between 2023 and 2024)
  carry ``year`` = the end year and ``base_year`` = the start year; levels have an empty
  ``base_year``.
* In-text lists whose printed values are ranges or bounds ("0.9 to 1.4", ">30", "40+",
  "~60", "40 -> 10") get one row per number, the kind in ``measure`` (``value``, ``low``,
  ``high``, ``lower_bound``, ``upper_bound``, ``before``/``after``, ``current``,
  ``target_low``/``target_high``), ``qualifier`` = ``approx`` for "~", and
  ``value_printed`` with the cell as printed.
* Semicolon-separated blocks (cooperation spec) are read as printed by
  ``kzclusters.data.read_as_printed``, which takes the separator from the header line.
"""

from __future__ import annotations

import math
import re

import pandas as pd
from paper_tables import PaperTable, melt_years, num, region_codes

# ---------------------------------------------------------------- citations

PROC = ("Proceedings of the international scientific-practical conference «Промышленная политика и "
        "развитие обрабатывающей промышленности: мониторинг, оценка потенциала, цифровые решения и "
        "производственная кооперация» (AlmaTau Symposium 2025, Almaty Management University, "
        "11 October 2025, ISBN 978-601-7431-83-9); seed 004 (004_8fd89d2feef03caf.txt)")
MSME = ("Taikulakova G.S., Bayadilova L., Andakov M.Z., «Определение потенциала малых и средних "
        "предприятий обрабатывающей промышленности на основе технологической интеграции и его "
        "влияние на валовой внутренний продукт» (manufacturing SME potential, technological "
        "integration and GDP), " + PROC)
P1 = ("Bazarkhanova G.O., «Оценка экономического потенциала МСП в развитии производственной "
      "кооперации» (SME economic potential for industrial cooperation, East Kazakhstan), " + PROC)
P2 = ("Verbovaya O.V., «Анализ правовых и институциональных механизмов поддержки кооперации МСП с "
      "крупными промышленными предприятиями в Казахстане» (legal and institutional mechanisms of "
      "SME-large firm cooperation), " + PROC)
P3 = ("Radosevic S., \"Industrial policy of Kazakhstan: overcoming the structural deadlock\", " + PROC)
PA = ("Bespalyi S.V., Andakov M.Z., «Повышение экономической сложности как ядро новой промышленной "
      "политики: опыт Малайзии и возможности для Казахстана» (economic complexity, Malaysia's NIMP "
      "2030 and Kazakhstan), " + PROC)
PB = ("Kaumetova D.S., Suleimenov N.S., technological modernisation and scenario analysis for "
      "Kazakhstan's industry (in Kazakh), " + PROC)
PC = ("Amanzholova Zh.B., Lindau K., \"Digital Twin architecture: international experience and key "
      "technological trends for adaptation in Kazakhstan\", " + PROC)


# ---------------------------------------------------------------- helpers

def _regions(s: pd.Series) -> pd.Series:
    """Row labels -> region codes; drops unit suffixes ("РК ед.") and "[=ВКО]" repairs."""
    def clean(x: str) -> str:
        m = re.search(r"\[=(.+?)\]", x)
        if m:
            return m.group(1)
        return re.sub(r"^(РК)\s+(ед\.|%|чел)$", r"\1", x.strip())
    return region_codes(s.map(clean))


def _snake(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _wide(raw: pd.DataFrame, id_cols: list[str], columns: dict[str, tuple[str, int]]) -> pd.DataFrame:
    """Melt the named columns into (measure, year, value); ``columns``: col -> (measure, year)."""
    long = raw.melt(id_vars=id_cols, value_vars=list(columns), var_name="col", value_name="value")
    long["measure"] = long["col"].map(lambda c: columns[c][0])
    long["year"] = long["col"].map(lambda c: columns[c][1]).astype(int)
    long["value"] = num(long["value"])
    return long.drop(columns="col")


def _with_base(df: pd.DataFrame, change_measures: set[str], base: int = 2023) -> pd.DataFrame:
    df["base_year"] = df["measure"].map(lambda m: base if m in change_measures else None).astype("Int64")
    return df


_NUM = r"[-−]?\d+(?:\.\d+)?"


def parse_printed(cell: str) -> list[tuple[str, float, str]]:
    """A printed in-text value -> [(measure, value, qualifier)] (see module docstring)."""
    t = cell.strip().strip('"').replace("−", "-")
    f = float
    if not re.search(r"\d", t):
        return [("value", math.nan, "")]
    if re.fullmatch(_NUM, t):
        return [("value", f(t), "")]
    if m := re.fullmatch(rf"~\s*({_NUM})", t):
        return [("value", f(m[1]), "approx")]
    if m := re.fullmatch(rf"({_NUM})\s*->\s*({_NUM})\s*[-–]\s*({_NUM})", t):
        return [("current", f(m[1]), ""), ("target_low", f(m[2]), ""), ("target_high", f(m[3]), "")]
    if m := re.fullmatch(rf"({_NUM})\s*[-–]\s*({_NUM})\s+vs current\s+({_NUM})", t):
        return [("target_low", f(m[1]), ""), ("target_high", f(m[2]), ""), ("current", f(m[3]), "")]
    if m := re.fullmatch(rf"({_NUM})\s*->\s*({_NUM})", t):
        return [("before", f(m[1]), ""), ("after", f(m[2]), "")]
    if m := re.fullmatch(rf"up to\s+({_NUM})", t):
        return [("upper_bound", f(m[1]), "")]
    if m := re.fullmatch(rf">\s*({_NUM})(?:\s*\(.*\))?", t) or re.fullmatch(rf"({_NUM})\+", t):
        return [("lower_bound", f(m[1]), "")]
    if m := re.fullmatch(rf"({_NUM})\s*(?:-|–|to)\s*({_NUM})", t):
        return [("low", f(m[1]), ""), ("high", f(m[2]), "")]
    raise ValueError(f"cannot parse printed value {cell!r}")


def _qualified(raw: pd.DataFrame, items: list[str], value_col: str,
               keep: dict[str, str | list]) -> pd.DataFrame:
    """One row per number of each printed cell; ``keep``: out column -> raw column or list."""
    if len(items) != len(raw):
        raise ValueError(f"{len(items)} item codes for {len(raw)} rows")
    rows = []
    for i, (item, (_, r)) in enumerate(zip(items, raw.iterrows())):
        for measure, value, qual in parse_printed(r[value_col]):
            row = {"item": item, "measure": measure, "value": value, "qualifier": qual,
                   "value_printed": r[value_col]}
            for out, src in keep.items():
                row[out] = src[i] if isinstance(src, list) else r[src]
            rows.append(row)
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- seed 004, SME potential paper

def t_pmsp_scale(raw):
    out = []
    for _, r in raw.iterrows():
        lo, hi = (float(x) for x in r["range"].split("-"))
        level = _snake(r["level_en"])
        out += [{"level": level, "bound": "lower", "value": lo},
                {"level": level, "bound": "upper", "value": hi}]
    return pd.DataFrame(out)


def t_t02(raw):
    raw = raw.assign(sector=["C", "GOODS", "SERVICES", "TOTAL", "GDP"],
                     indicator=["gva", "gva", "gva", "gva", "gdp"])
    long = melt_years(raw, ["indicator", "sector"], prefix="")
    return long[["indicator", "sector", "year", "value"]]


def t_t03(raw):
    codes = {"Mining": "B", "Manufacturing": "C", "Electricity supply": "D", "Water supply": "E",
             "Total": "IND"}
    raw = raw.assign(sector=raw["industry_en"].map(codes), row=raw["no"])
    long = _wide(raw, ["row", "sector"], {"2023": ("enterprises", 2023), "2024": ("enterprises", 2024),
                                          "growth_rate_printed_pct": ("growth_pct", 2024)})
    long = _with_base(long, {"growth_pct"})
    return long[["row", "sector", "measure", "year", "base_year", "value"]]


def _exports(raw):
    raw = raw.assign(region=_regions(raw["region_ru"]))
    long = _wide(raw, ["region"], {"mfg_export_2023": ("mfg_export", 2023),
                                   "mfg_export_2024": ("mfg_export", 2024),
                                   "sme_mfg_export_2023": ("sme_mfg_export", 2023),
                                   "sme_mfg_export_2024": ("sme_mfg_export", 2024)})
    return long[["region", "measure", "year", "value"]]


def t_t05(raw):
    raw = raw.assign(region=_regions(raw["region_ru"]))
    long = _wide(raw, ["region"], {"GRP_2023": ("grp", 2023), "GRP_2024": ("grp", 2024),
                                   "growth_printed": ("growth_printed", 2024)})
    long = _with_base(long, {"growth_printed"})
    return long[["region", "measure", "year", "base_year", "value"]]


def _block_matrix(raw, codes: dict[str, str], units: dict[str, tuple[str, str]]):
    raw = raw.assign(indicator=raw["block"].str.split().str[0].map(codes), region=_regions(raw["row_ru"]))
    long = raw.melt(id_vars=["indicator", "region"],
                    value_vars=["value_2023", "share_2023", "value_2024", "share_2024"],
                    var_name="col", value_name="value")
    long = long[long["value"] != "Доля"].copy()   # the RK rows print the sub-header "Доля" in the share cells
    long["measure"] = long["col"].str.split("_").str[0]
    long["year"] = long["col"].str.split("_").str[1].astype(int)
    long["value"] = num(long["value"])
    long["unit"] = [units[i][0 if m == "value" else 1] for i, m in zip(long["indicator"], long["measure"])]
    return long[["indicator", "region", "measure", "year", "value", "unit"]]


def t_t06(raw):
    return _block_matrix(raw, {"PP": "pp", "IP": "innp", "EP": "ep"},
                         {"pp": ("SME output, printed 'млн тенге' (magnitude: trn KZT)", "share of RK (0-1)"),
                          "innp": ("innovations in SMEs, thousand units", "share of RK (0-1)"),
                          "ep": ("manufacturing exports, mln USD (labelled SME exports)",
                                 "share of RK (0-1)")})


def t_t06b(raw):
    raw = raw.assign(indicator=["pp", "innp", "ep"])
    long = raw.melt(id_vars=["indicator"], value_vars=["2023", "2024", "mean"], var_name="col",
                    value_name="value")
    long["measure"] = long["col"].map({"2023": "mean_2023", "2024": "mean_2024", "mean": "mean_2023_2024"})
    long["value"] = num(long["value"])
    return long[["indicator", "measure", "value"]]


def t_t07(raw):
    return _block_matrix(raw, {"INN": "inn", "DI": "di", "HR": "hr"},
                         {"inn": ("enterprises reporting innovation research, units", "% of RK"),
                          "di": ("% of manufacturing enterprises using digital technologies",
                                 "index, RK = 100"),
                          "hr": ("R&D personnel, persons", "% of RK")})


def t_t08(raw):
    raw = raw.assign(region=_regions(raw["region_ru"]))
    cols = ["INN_share_pct", "DI_index", "HR_share_pct", "INN_norm", "DI_norm", "HR_norm", "TII"]
    long = raw.melt(id_vars=["region"], value_vars=cols, var_name="measure", value_name="value")
    long["measure"] = long["measure"].str.lower().str.replace("_pct", "", regex=False)
    long["year"] = 2024
    long["value"] = num(long["value"])
    return long[["region", "measure", "year", "value"]]


def t_t09(raw):
    raw = raw.assign(region=_regions(raw["region_ru"]), row=range(1, len(raw) + 1))
    long = _wide(raw, ["row", "region"], {"GRP_2023": ("grp", 2023), "GRP_2024": ("grp", 2024),
                                          "share_2023_printed": ("share_printed", 2023),
                                          "share_2024_printed": ("share_printed", 2024)})
    return long[["row", "region", "measure", "year", "value"]]


def t_t10(raw):
    raw = raw.assign(region=_regions(raw["region_ru"]))
    long = _wide(raw, ["region"], {"sme_export_2023_mlnUSD": ("sme_mfg_export", 2023),
                                   "sme_export_2024_mlnUSD": ("sme_mfg_export", 2024),
                                   "RCA_2023": ("rca", 2023), "RCA_2024": ("rca", 2024),
                                   "GRP_2023_printed_as_mln_USD": ("grp", 2023),
                                   "GRP_2024_printed_as_mln_USD": ("grp", 2024)})
    long["unit"] = long["measure"].map({"sme_mfg_export": "mln USD", "rca": "ratio",
                                        "grp": "mln KZT (printed 'млн дол')"})
    return long[["region", "measure", "year", "value", "unit"]]


def t_t11(raw):
    raw = raw.assign(region=_regions(raw["region_ru"]), label=raw["interpretation_en"].map(_snake))
    long = _wide(raw, ["region", "label"], {"EPI_2023": ("epi", 2023), "EPI_2024": ("epi", 2024)})
    return long[["region", "measure", "year", "value", "label"]]


def t_t13(raw):
    raw = raw.assign(region=_regions(raw["region_ru"]), label=raw["interpretation_en"].map(_snake))
    long = _wide(raw, ["region", "label"], {"sme_share_of_mfg_export_2023": ("sme_share", 2023),
                                            "RCA_2023": ("rca", 2023),
                                            "sme_share_of_mfg_export_2024": ("sme_share", 2024),
                                            "RCA_2024": ("rca", 2024)})
    return long[["region", "measure", "year", "value", "label"]]


def t_t15(raw):
    raw = raw.assign(sector=["C", "TOTAL", "GDP"], indicator=["gva", "gva", "gdp"])
    return melt_years(raw, ["indicator", "sector"], prefix="")[["indicator", "sector", "year", "value"]]


def t_t16(raw):
    raw = raw.assign(indicator=["mfg_export", "gdp", "mfg_gva"], sector=["C", "GDP", "C"])
    long = _wide(raw, ["indicator", "sector", "unit"], {"2023": ("level", 2023), "2024": ("level", 2024),
                                                        "increment": ("increment", 2024),
                                                        "growth_rate_pct": ("growth_pct", 2024)})
    long = _with_base(long, {"increment", "growth_pct"})
    long.loc[long["measure"] == "growth_pct", "unit"] = "%"
    return long[["indicator", "sector", "measure", "year", "base_year", "value", "unit"]]


def t_t16b(raw):
    return pd.DataFrame({"indicator": raw["elasticity"].str.lower(), "year": 2024, "base_year": 2023,
                         "value": num(raw["value"]), "label": raw["type_en"].map(_snake)})


def t_t17(raw):
    raw = raw.assign(region=_regions(raw["region_ru"]))
    long = _wide(raw, ["region"], {"export_2023_mlnUSD": ("mfg_export", 2023),
                                   "export_2024_mlnUSD": ("mfg_export", 2024),
                                   "GRP_2023_mlnKZT": ("grp", 2023), "GRP_2024_mlnKZT": ("grp", 2024),
                                   "dE_pct": ("export_growth_pct", 2024),
                                   "dGRP_pct": ("grp_growth_pct", 2024), "EC": ("ec", 2024)})
    long = _with_base(long, {"export_growth_pct", "grp_growth_pct", "ec"})
    return long[["region", "measure", "year", "base_year", "value"]]


# ---------------------------------------------------------------- seed 004, cooperation and policy papers

def t_p1_t1(raw):
    return pd.DataFrame({
        "region": "VKO",
        "indicator": ["industrial_output", "mfg_output", "mfg_share_of_industrial_output",
                      "fixed_capital_investment", "investment_per_active_legal_entity"],
        "sector": ["IND", "C", "C", "TOTAL", "TOTAL"],
        "period": raw["period_from_text"], "unit": raw["unit"], "value": num(raw["value"])})


def t_p1_t3(raw):
    raw = raw.assign(region="VKO", sector=["24", "C_X24"])
    out = []
    for _, r in raw.iterrows():
        out.append({"region": "VKO", "sector": r["sector"], "measure": "output", "unit": "bn KZT",
                    "value": float(r["output_value"])})
        out.append({"region": "VKO", "sector": r["sector"], "measure": "export_share", "unit": "%",
                    "value": float(r["export_share_pct"])})
    return pd.DataFrame(out)


P1_INTEXT = ["industrial_output", "mfg_output", "mfg_share_of_industrial_output",
             "fixed_capital_investment", "fixed_capital_investment", "active_legal_entities",
             "investment_per_active_legal_entity", "corporate_loan_rate", "rnd_expenditure",
             "invention_patents_granted", "industrial_zone_projects", "metallurgy_share", "metallurgy_output",
             "industrial_output"]


def t_p1_intext(raw):
    geo = raw["geography"].map({"ВКО": "VKO", "Kazakhstan": "KZ"})
    out = _qualified(raw, list(raw["id"]), "value",
                     {"indicator": P1_INTEXT, "region": list(geo), "period": "period", "unit": "unit"})
    out["geography_printed"] = out["item"].map(dict(zip(raw["id"], raw["geography"])))
    flag = out["item"].map(dict(zip(raw["id"], raw["flag"])))
    out.loc[flag.str.startswith("approx"), "qualifier"] = "approx"
    out.loc[flag.str.contains("upper bound") & (out["measure"] == "value"), "measure"] = "upper_bound"
    return out[["item", "indicator", "region", "geography_printed", "period", "measure", "value", "unit",
                "qualifier", "value_printed"]]


def t_p2_damu(raw):
    return pd.DataFrame({"item": ["damu_preferential_lending_rate"], "value": num(raw["value"]),
                         "unit": raw["unit"]})


P3_ITEMS = ["structural_change_contribution"] * 4 + [
            "labour_flow_productivity_correlation", "spiid_investment",
            "hydrocarbons_share_export_earnings", "hydrocarbons_share_fiscal_revenues", "mets_value_added",
            "wheat_exports", "roadmap_short_term", "roadmap_medium_term", "roadmap_long_term"]
P3_GEO = {"Central Asia": "central_asia", "East Asia": "east_asia", "Central & Eastern Europe": "cee",
          "Sub-Saharan Africa": "sub_saharan_africa", "Kazakhstan": "KZ", "Australia": "AU", "–": ""}


def t_p3(raw):
    out = _qualified(raw, list(raw["id"]), "value",
                     {"indicator": P3_ITEMS, "geo": list(raw["region"].map(P3_GEO)), "period": "period",
                      "unit": "unit"})
    return out[["item", "indicator", "geo", "period", "measure", "value", "unit", "qualifier",
                "value_printed"]]


# ------------------------------------------------------- seed 004, complexity / scenarios / digital twins

A1_ITEMS = ["mfg_gdp_growth", "mfg_share_gdp", "total_trade", "total_exports",
            "private_investment_mfg_cumulative"]


def t_a1(raw):
    raw = raw.assign(indicator=A1_ITEMS, country="MY")
    long = raw.melt(id_vars=["row", "indicator", "country", "unit"],
                    value_vars=["imp3_target_2020", "actual_2020", "value_2022_col"],
                    var_name="col", value_name="value")
    long["measure"] = long["col"].map({"imp3_target_2020": "target_2020", "actual_2020": "actual_2020",
                                       "value_2022_col": "value_2022"})
    long["value"] = num(long["value"].replace("[MISSING]", ""))
    return long[["row", "indicator", "country", "measure", "value", "unit"]]


COUNTRY = {"Malaysia": "MY", "Singapore": "SG", "Thailand": "TH", "Vietnam": "VN", "Kazakhstan": "KZ"}
RANKING = {"Global Innovation Index (WIPO)": "gii", "IMD World Competitiveness Ranking": "imd",
           "Economic Complexity Index": "eci", "World Bank Doing Business": "doing_business"}


def t_a2(raw):
    out = []
    for _, r in raw.iterrows():
        base = {"ranking": RANKING[r["rating_en"]], "year": int(r["year"]),
                "n_ranked": int(r["n_ranked"])}
        out.append({**base, "country": "MY", "measure": "rank", "value": float(r["malaysia_rank"])})
        out.append({**base, "country": "KZ", "measure": "rank", "value": float(r["kazakhstan_rank"])})
        for name, rank in re.findall(r"(\w+) \((\d+)\)", r["sea_leaders_as_printed"]):
            out.append({**base, "country": COUNTRY[name], "measure": "rank_sea_leaders",
                        "value": float(rank)})
    df = pd.DataFrame(out)
    return df[["ranking", "year", "country", "measure", "value", "n_ranked"]]


A5_ITEMS = ["eci_rank"] * 6 + [
    "dva_share_mfg_exports", "dva_share_mfg_exports", "mfg_labour_productivity_cagr", "gerd_gdp",
    "gerd_gdp_target", "gerd_gdp", "gerd_gdp", "business_share_gerd", "basic_research_share",
    "experimental_development_share", "rnd_commercialisation_rate", "rnd_commercialisation_rate",
    "hightech_mfg_share_gdp", "low_skilled_foreign_workers", "sme_share_mfg_exports",
    "sme_share_establishments", "mfg_va_share_state_gdp_less_developed", "private_share_nimp_financing",
    "gerd_gdp", "fab_node_size"]
A5_COUNTRY = {"Malaysia": "MY", "Singapore": "SG", "Thailand": "TH",
              "advanced industrial economies": "advanced", "Malaysia NIMP 2030": "MY", "South Korea": "KR",
              "Israel": "IL", "USA and Japan": "US_JP", "Kazakhstan": "KZ"}


def t_a5(raw):
    out = _qualified(raw, A5_ITEMS, "value", {"country": list(raw["country"].map(A5_COUNTRY)),
                                              "period": "year_or_period", "unit": "unit",
                                              "label_en": "indicator_en"})
    out["period"] = out["period"].replace("n/a", "not applicable")   # "n/a" would read back as NaN
    return out[["item", "country", "period", "measure", "value", "unit", "qualifier", "value_printed",
                "label_en"]]


def _shares(raw, items, col, label_col):
    return pd.DataFrame({"item": items, "country": "KZ", "value": num(raw[col]),
                         "printed": ~raw[label_col].str.contains("DERIVED|residual", regex=True)})


def t_b1(raw):
    return _shares(raw, ["coal", "natural_gas", "oil_and_oil_products", "other_residual"], "share_pct",
                   "fuel_en")


def t_b2(raw):
    out = _shares(raw, ["crude_oil_and_petroleum_products", "chemicals_and_radioactive_isotopes",
                        "copper_and_alloys", "ores_and_concentrates", "ferroalloys", "other_residual"],
                  "share_of_exports_2024_pct", "commodity_en")
    out["year"] = 2024
    return out[["item", "country", "year", "value", "printed"]]


def t_b3(raw):
    long = raw.melt(id_vars=["year"],
                    value_vars=["rnd_internal_expenditure_bn_tenge", "rnd_internal_expenditure_mn_tenge"],
                    var_name="unit", value_name="value")
    long["unit"] = long["unit"].map({"rnd_internal_expenditure_bn_tenge": "bn KZT",
                                     "rnd_internal_expenditure_mn_tenge": "mn KZT"})
    long["country"] = "KZ"
    long["year"] = long["year"].astype(int)
    long["value"] = num(long["value"])
    return long[["country", "year", "unit", "value"]]


def t_b4(raw):
    return pd.DataFrame({"country": "KZ", "year": raw["year"].astype(int),
                         "value": num(raw["rnd_share_gdp_pct"])})


def t_b5(raw):
    raw = raw.assign(country=["BY", "RU", "UZ", "AZ", "KZ"])
    long = raw.melt(id_vars=["country", "rnd_share_gdp_pct_as_printed"], value_vars=["low", "high"],
                    var_name="measure", value_name="value")
    long["value"] = num(long["value"])
    return long.rename(columns={"rnd_share_gdp_pct_as_printed": "value_printed"})[
        ["country", "measure", "value", "value_printed"]]


C5_ITEMS = ["it_solutions", "directories_mapped", "employees_trained", "regulations_developed",
            "mill_downtime_eliminated", "grinding_overload_reduced", "work_order_issuance_time",
            "cost_reduction_from_work_orders", "report_data_collection_time", "metal_balance_gap",
            "energy_consumption"]


def t_c5(raw):
    out = _qualified(raw, C5_ITEMS, "value", {"item_type": "item_type", "unit": "unit"})
    return out[["item", "item_type", "measure", "value", "unit", "qualifier", "value_printed"]]


C6_ITEMS = ["idc_priority_simplify_operations", "idc_priority_reduce_operational_risk",
            "idc_priority_operational_efficiency", "idc_digital_projects_increase", "idc_payback_shortening",
            "idc_digital_innovation_centres", "idc_analytics_efficiency_gain", "idc_metal_recovery_increase",
            "wef_mining_value_added", "wef_co2_reduction", "wef_injuries_prevented", "equinor_sensors",
            "it_platform_planning_horizon"]


def t_c6(raw):
    out = _qualified(raw, C6_ITEMS, "value", {"period": "year", "unit": "unit", "source": "source_in_paper"})
    out["period"] = out["period"].replace("n/a", "not applicable")
    return out[["item", "period", "measure", "value", "unit", "qualifier", "value_printed", "source"]]


# ---------------------------------------------------------------- the tables

TABLES: list[PaperTable] = [
    # ---- SME potential, TII, RCA, export potential, elasticities (Taikulakova et al.)
    PaperTable(
        id="seed004_msme_f3_steps",
        title="Eight-step model of regional SME analysis (step, indicator, purpose)",
        paper=MSME, table="Figure 3 (text)", page="",
        spec="msme_integration.md §1 (Figure 3)",
        unit="", period="2023-2024",
        keys=[], tidy=None,
        notes=("Extracted in reverse order (VIII on top); the body's section headings are mis-numbered; step"
               " IV (regression) has no estimates."),
    ),
    PaperTable(
        id="seed004_msme_pmsp_scale",
        title="Interpretation scale of the integral SME potential P_MSP",
        paper=MSME, table="unnumbered table", page="",
        spec="msme_integration.md §2 F1 (interpretation scale)",
        unit="P_MSP (0-1)", period="",
        keys=["level", "bound"], tidy=t_pmsp_scale,
        notes=("Bands as printed leave gaps of 0.01 (0.25-0.26, 0.50-0.51, 0.75-0.76); the spec reads them "
               "as half-open intervals."),
    ),
    PaperTable(
        id="seed004_msme_t02_manufacturing_indicators",
        title="Main indicators of manufacturing: GVA of manufacturing, goods, services, total GVA and GDP",
        paper=MSME, table="Table 2", page="",
        spec="msme_integration.md §3 Table 2",
        unit="mln KZT, current prices (unit not printed)", period="2020-2024",
        keys=["sector", "year"], tidy=t_t02,
        notes=("Unit not printed (mln KZT per Tables 15-16). The 2024 GDP (135,251,663.6) is a different "
               "vintage from the RK GRP total of Tables 5, 9, 17 (136,693,318.3)."),
    ),
    PaperTable(
        id="seed004_msme_t03_enterprises",
        title="Operating enterprises by industry",
        paper=MSME, table="Table 3", page="",
        spec="msme_integration.md §3 Table 3",
        unit="enterprises (growth in %)", period="2023-2024",
        keys=["sector", "measure", "year"], tidy=t_t03,
        notes="Growth rates reproduce (5/5); column sums reproduce.",
    ),
    PaperTable(
        id="seed004_msme_t04_mfg_exports_by_region",
        title="Manufacturing exports and SME manufacturing exports by region",
        paper=MSME, table="Table 4", page="",
        spec="msme_integration.md §3 Table 4",
        unit="mln USD", period="2023-2024",
        keys=["region", "measure", "year"], tidy=_exports,
        notes=("The 19 regions sum to less than the RK row (-647.0/-694.6 total, -366.9/-373.4 SME); "
               "Shymkent is not listed. Footnote '*' missing."),
    ),
    PaperTable(
        id="seed004_msme_t05_grp_selected",
        title="GRP of the selected regions and its growth",
        paper=MSME, table="Table 5", page="",
        spec="msme_integration.md §3 Table 5",
        unit="mln KZT (growth as a fraction)", period="2023-2024",
        keys=["region", "measure", "year"], tidy=t_t05,
        notes=("Printed 'Темп прироста' is (GRP2024-GRP2023)/GRP2024 (wrong denominator), headed '%' but a "
               "fraction; uses Almaty oblast whereas later tables use Almaty city."),
    ),
    PaperTable(
        id="seed004_msme_t06_pmsp_components",
        title=("Components of P_MSP: SME output (PP), SME innovations (IP), exports (EP) and regional "
               "shares"),
        paper=MSME, table="Table 6", page="",
        spec="msme_integration.md §3 Table 6",
        unit="mixed: see unit column", period="2023-2024",
        keys=["indicator", "region", "measure", "year"], tidy=t_t06,
        notes=("RK row of IP missing (shares imply 30610/30756 as in Table 7); Almaty city IP (7826/8122) "
               "conflicts with Table 7 (8122/8185); the 'SME export' block is total manufacturing exports; "
               "PP unit label implausible."),
    ),
    PaperTable(
        id="seed004_msme_t06b_pmsp_averages",
        title="Five-region averages of the P_MSP components",
        paper=MSME, table="unnumbered table after Table 6", page="",
        spec="msme_integration.md §3 Table 6 (averages table)",
        unit="share (0-1)", period="2023-2024",
        keys=["indicator", "measure"], tidy=t_t06b,
        notes="PP averages reproduce only from the 2-dp rounded shares of Table 6.",
    ),
    PaperTable(
        id="seed004_msme_t07_tii_matrix",
        title="Technological integration matrix: innovation (INN), digitalisation (DI), R&D staff (HR)",
        paper=MSME, table="Table 7", page="",
        spec="msme_integration.md §3 Table 7",
        unit="mixed: see unit column", period="2023-2024",
        keys=["indicator", "region", "measure", "year"], tidy=t_t07,
        notes="All 30 shares reproduce; Almaty city INN differs from Table 6 IP.",
    ),
    PaperTable(
        id="seed004_msme_t08_tii_normalised",
        title="Normalised TII components and TII by region",
        paper=MSME, table="Table 8", page="",
        spec="msme_integration.md §3 Table 8",
        unit="% / index / normalised (0-1)", period="2024",
        keys=["region", "measure"], tidy=t_t08,
        notes="Normalised by the maximum over the five sample regions; 20/20 cells reproduce.",
    ),
    PaperTable(
        id="seed004_msme_t09_grp_shares",
        title="GRP and share in GDP of the selected regions",
        paper=MSME, table="Table 9", page="",
        spec="msme_integration.md §3 Table 9",
        unit="mln KZT; share in %", period="2023-2024",
        keys=["region", "measure", "year"], tidy=t_t09,
        notes=("The share columns are printed one row too high (RK row carries Karaganda's shares, the "
               "Almaty row repeats 6.46/6.63); the spec's corrected columns are kept only in the raw file."),
    ),
    PaperTable(
        id="seed004_msme_t10_es_epi_inputs",
        title="Inputs of the export share and export potential index",
        paper=MSME, table="Table 10", page="",
        spec="msme_integration.md §3 Table 10",
        unit="mixed: see unit column", period="2023-2024",
        keys=["region", "measure", "year"], tidy=t_t10,
        notes=("GRP columns are labelled 'млн дол' but are the mln KZT values of Table 9; ES divides USD by "
               "KZT."),
    ),
    PaperTable(
        id="seed004_msme_t11_epi",
        title="Export potential index EPI = ES x RCA by region",
        paper=MSME, table="Table 11", page="",
        spec="msme_integration.md §3 Table 11",
        unit="index (currency-mixed)", period="2023-2024",
        keys=["region", "measure", "year"], tidy=t_t11,
        notes=("Reproduces 9/10 from ES rounded to 4 dp x printed RCA; Kostanay 2023 prints 0.0217 for "
               "0.0218; no numeric thresholds for the labels."),
    ),
    PaperTable(
        id="seed004_msme_t12_exports_selected",
        title="Manufacturing and SME manufacturing exports of the selected regions",
        paper=MSME, table="Table 12", page="",
        spec="msme_integration.md §3 Table 12",
        unit="mln USD", period="2023-2024",
        keys=["region", "measure", "year"], tidy=_exports,
        notes="Identical to rows of Table 4.",
    ),
    PaperTable(
        id="seed004_msme_t13_rca",
        title="SME share of manufacturing exports and RCA by region",
        paper=MSME, table="Table 13", page="",
        spec="msme_integration.md §3 Table 13",
        unit="share (0-1); RCA ratio", period="2023-2024",
        keys=["region", "measure", "year"], tidy=t_t13,
        notes=("RCA 10/10 reproduce; 5 of 10 shares differ in the 4th decimal; Almaty city RCA 2024 "
               "extracted as 2.10 and 2.19, 2.19 is correct; rows duplicated in the extraction."),
    ),
    PaperTable(
        id="seed004_msme_t14_indicator_definitions",
        title="Indicators used for the elasticity (definitions)",
        paper=MSME, table="Table 14", page="",
        spec="msme_integration.md §3 Table 14",
        unit="", period="",
        keys=[], tidy=None,
        notes=("Says constant prices and exports of goods and services; the data used are nominal "
               "manufacturing goods exports in USD."),
    ),
    PaperTable(
        id="seed004_msme_t15_gva_gdp",
        title="GVA of manufacturing, total GVA and GDP",
        paper=MSME, table="Table 15", page="",
        spec="msme_integration.md §3 Table 15",
        unit="mln KZT (unit not printed)", period="2023-2024",
        keys=["sector", "year"], tidy=t_t15,
        notes="Same numbers as Table 2.",
    ),
    PaperTable(
        id="seed004_msme_t16_elasticity_inputs",
        title="Manufacturing exports, GDP and manufacturing GVA: levels, increments, growth",
        paper=MSME, table="Table 16", page="",
        spec="msme_integration.md §3 Table 16",
        unit="mixed: see unit column", period="2023-2024",
        keys=["indicator", "measure", "year"], tidy=t_t16,
        notes=("Export growth printed 11.85 (true 11.844; Table 17 prints 11.83); GDP growth 13.236 printed "
               "13.23 (truncated)."),
    ),
    PaperTable(
        id="seed004_msme_t16b_elasticities",
        title="Elasticities of GDP and manufacturing GVA to manufacturing exports",
        paper=MSME, table="unnumbered table after Table 16", page="",
        spec="msme_integration.md §3 Table 16 (summary table)",
        unit="elasticity (ratio of growth rates)", period="2023-2024",
        keys=["indicator"], tidy=t_t16b,
        notes=("E = growth of GDP (GVA) / growth of exports; the regional EC of Table 17 is defined the "
               "other way round."),
    ),
    PaperTable(
        id="seed004_msme_t17_regional_elasticity",
        title="Exports, GRP, their growth and the elasticity coefficient EC by region",
        paper=MSME, table="Table 17", page="",
        spec="msme_integration.md §3 Table 17",
        unit="mln USD; mln KZT; %; ratio", period="2023-2024",
        keys=["region", "measure", "year"], tidy=t_t17,
        notes=("EC = export growth / GRP growth (inverse of Table 16); growth rates off by up to 0.02 pp; "
               "uses the GRP vintage of Table 9, not the GDP of Table 2."),
    ),
    # ---- SME cooperation (P1), legal mechanisms (P2), industrial policy (P3)
    PaperTable(
        id="seed004_coop_p1_t1_vko_indicators",
        title="Key indicators of East Kazakhstan manufacturing",
        paper=P1, table="Table 1", page="",
        spec="msme_cooperation_and_policy.md §2 P1 Table 1",
        unit="bn KZT; %; mn KZT", period="2023 (output); Jan-Aug 2025 (investment)",
        keys=["region", "indicator"], tidy=t_p1_t1,
        notes=("The table prints no year and mixes periods (output 2023, investment Jan-Aug 2025); "
               "investment per enterprise divides by all 11,998 active legal entities."),
    ),
    PaperTable(
        id="seed004_coop_p1_t2_criteria",
        title="System of criteria and key indicators of SME cooperation potential",
        paper=P1, table="Table 2", page="",
        spec="msme_cooperation_and_policy.md §2 P1 Table 2",
        unit="", period="",
        keys=[], tidy=None,
        notes="No numbers, weights or thresholds; layout of the last two rows garbled in the extraction.",
    ),
    PaperTable(
        id="seed004_coop_p1_t3_vko_export_orientation",
        title=("Export orientation of East Kazakhstan manufacturing: output and export share of metallurgy "
               "and other industries"),
        paper=P1, table="Table 3", page="",
        spec="msme_cooperation_and_policy.md §2 P1 Table 3",
        unit="bn KZT; %", period="2023 (reporting period)",
        keys=["region", "sector", "measure"], tidy=t_p1_t3,
        notes=("'Other industries' is the residual 2117.8 - 933.0; the 70% is an export share, metallurgy is"
               " 44.1% of output (the text's '>70% of the structure' conflates them)."),
    ),
    PaperTable(
        id="seed004_coop_p1_figures",
        title="Figures of the cooperation-potential paper (images absent)",
        paper=P1, table="Figures 1-2", page="",
        spec="msme_cooperation_and_policy.md §2 P1 Figures",
        unit="", period="2023",
        keys=[], tidy=None,
        notes="Images not in the extraction; probable content only.",
    ),
    PaperTable(
        id="seed004_coop_p1_intext",
        title="Numbers in the text of the cooperation-potential paper (criteria 1-5)",
        paper=P1, table="in-text", page="",
        spec="msme_cooperation_and_policy.md §2 P1 in-text data points",
        unit="mixed: see unit column", period="2023-2025",
        keys=["item", "measure"], tidy=t_p1_intext,
        notes=("Mixed periods; '40+' is a lower bound; 2.7 trn (2024) is 'almost'; R&D and patents are "
               "national."),
    ),
    PaperTable(
        id="seed004_coop_p2_legal_register",
        title="Register of legal and planning documents on SME-large firm cooperation",
        paper=P2, table="in-text (reference)", page="",
        spec="msme_cooperation_and_policy.md §2 P2 register",
        unit="", period="1994-2025",
        keys=[], tidy=None,
        notes="Reference list compiled from the text; statuses as stated in the paper.",
    ),
    PaperTable(
        id="seed004_coop_p2_damu_rate",
        title="Proposed Damu Fund preferential lending rate",
        paper=P2, table="in-text", page="",
        spec="msme_cooperation_and_policy.md §2 P2 other numeric item",
        unit="% p.a.", period="",
        keys=["item"], tidy=t_p2_damu,
        notes="A recommendation, not observed data.",
    ),
    PaperTable(
        id="seed004_coop_p3_structural_change",
        title=("Quantitative statements of the industrial-policy paper (structural change, resource "
               "dependence, roadmap horizons)"),
        paper=P3, table="in-text", page="",
        spec="msme_cooperation_and_policy.md §2 P3 quantitative statements",
        unit="mixed: see unit column", period="1995-2030",
        keys=["item", "measure"], tidy=t_p3,
        notes=("Cited, not computed; Hamilton & de Vries (2025) not in the reference list; the Australian "
               "METS '% of GDP' is truncated; R2 is a range, R4/R6/R10 bounds."),
    ),
    # ---- economic complexity (A), scenarios (B), digital twins (C)
    PaperTable(
        id="seed004_cx_a1_imp3_targets",
        title="Malaysia IMP3 (2006-2020): targets vs actual",
        paper=PA, table="Table 1", page="",
        spec="complexity_and_scenarios.md §1.5 Table A1",
        unit="mixed: see unit column", period="2006-2022",
        keys=["indicator", "measure"], tidy=t_a1,
        notes=("Target of the manufacturing share is empty in the source; the '2022' column mixes a "
               "2006-2022 average, a constant-price share and cumulative investment."),
    ),
    PaperTable(
        id="seed004_cx_a2_rankings",
        title="Malaysia's and Kazakhstan's positions in international rankings",
        paper=PA, table="Table 2", page="",
        spec="complexity_and_scenarios.md §1.5 Table A2",
        unit="rank", period="2020-2023",
        keys=["ranking", "country", "measure"], tidy=t_a2,
        notes=("Outside checks disagree on three ranks: Kazakhstan IMD 2023 was 37 (paper 42), Singapore IMD"
               " 2023 was 4 (paper 3), Kazakhstan GII 2023 was 81 (paper 82); Doing Business is "
               "discontinued."),
    ),
    PaperTable(
        id="seed004_cx_a3_malaysia_problems",
        title="Structural problems of Malaysian industry and the NIMP 2030 response",
        paper=PA, table="Table 3", page="",
        spec="complexity_and_scenarios.md §1.5 Table A3",
        unit="", period="2020-2030",
        keys=[], tidy=None,
        notes="Header row garbled, restored; numbers in cells also in A5.",
    ),
    PaperTable(
        id="seed004_cx_a4_my_kz_comparison",
        title="Structural problems compared: Malaysia vs Kazakhstan",
        paper=PA, table="Table 4", page="",
        spec="complexity_and_scenarios.md §1.5 Table A4",
        unit="", period="",
        keys=[], tidy=None,
        notes="Last row's layout broken in the source and repaired.",
    ),
    PaperTable(
        id="seed004_cx_a5_intext_numbers",
        title="Numbers in the text of the economic-complexity paper",
        paper=PA, table="in-text", page="",
        spec="complexity_and_scenarios.md §1.5 Table A5",
        unit="mixed: see unit column", period="2006-2030",
        keys=["item", "country", "period", "measure"], tidy=t_a5,
        notes=("Secondary-source numbers; base of the basic-research and experimental-development shares "
               "ambiguous."),
    ),
    PaperTable(
        id="seed004_cx_b_global_scenarios",
        title="Global-context scenarios for Kazakhstan's industry (G1-G4)",
        paper=PB, table="in-text list", page="",
        spec="complexity_and_scenarios.md §2.3 level 1",
        unit="", period="",
        keys=[], tidy=None,
        notes="Qualitative; no growth rates or shocks.",
    ),
    PaperTable(
        id="seed004_cx_b_development_scenarios",
        title="Development scenarios of Kazakhstan's industry (S1-S3)",
        paper=PB, table="unnumbered table", page="",
        spec="complexity_and_scenarios.md §2.3 level 2",
        unit="", period="",
        keys=[], tidy=None,
        notes="S2 name probably mistranslated ('Белсенді' = active; likely 'inertial').",
    ),
    PaperTable(
        id="seed004_cx_b1_energy_mix",
        title="Total primary energy consumption by fuel (shares)",
        paper=PB, table="Figure 1 (text)", page="",
        spec="complexity_and_scenarios.md §2.4 B1",
        unit="%", period="not stated",
        keys=["item"], tidy=t_b1,
        notes="Year not stated; the three printed shares sum to 97.7; the 2.3 residual is the spec's.",
    ),
    PaperTable(
        id="seed004_cx_b2_export_structure",
        title="Kazakhstan's export structure, top commodity groups",
        paper=PB, table="Figure 2 (text)", page="",
        spec="complexity_and_scenarios.md §2.4 B2",
        unit="% of exports", period="2024",
        keys=["item"], tidy=t_b2,
        notes="Top five printed (sum 70.1); the 29.9 residual is the spec's.",
    ),
    PaperTable(
        id="seed004_cx_b3_rnd_expenditure",
        title="Internal R&D expenditure, Kazakhstan (endpoints)",
        paper=PB, table="Figure 3 (text)", page="",
        spec="complexity_and_scenarios.md §2.4 B3",
        unit="bn / mn KZT", period="2000, 2024",
        keys=["year", "unit"], tidy=t_b3,
        notes="Only the endpoints survive; the series 2001-2023 is in the missing figure.",
    ),
    PaperTable(
        id="seed004_cx_b4_rnd_intensity",
        title="R&D expenditure as a share of GDP, Kazakhstan (endpoints)",
        paper=PB, table="Figure 4 (text)", page="",
        spec="complexity_and_scenarios.md §2.4 B4",
        unit="% of GDP", period="2003, 2024",
        keys=["year"], tidy=t_b4,
        notes="Endpoints only.",
    ),
    PaperTable(
        id="seed004_cx_b5_cis_rnd_intensity",
        title="R&D intensity in CIS countries",
        paper=PB, table="in-text list", page="",
        spec="complexity_and_scenarios.md §2.4 B5",
        unit="% of GDP", period="not stated",
        keys=["country", "measure"], tidy=t_b5,
        notes="Year and source not given; ranges as low/high.",
    ),
    PaperTable(
        id="seed004_cx_c_dt_layers",
        title="Five-layer digital-twin architecture (structured from the text)",
        paper=PC, table="in-text (structured by the spec)", page="",
        spec="complexity_and_scenarios.md §3.3",
        unit="", period="",
        keys=[], tidy=None,
        notes="Not a table in the paper; structured from the text.",
    ),
    PaperTable(
        id="seed004_cx_c1_dt_vs_related",
        title="Digital twin vs related technologies",
        paper=PC, table="Table 1", page="",
        spec="complexity_and_scenarios.md §3.4 C1",
        unit="", period="",
        keys=[], tidy=None,
        notes="Merged cells of the last row split.",
    ),
    PaperTable(
        id="seed004_cx_c2_c4_dt_cases",
        title="Digital-twin case studies (Equinor, Virtual Singapore, Rio Tinto/BHP)",
        paper=PC, table="Tables 2-4", page="",
        spec="complexity_and_scenarios.md §3.4 C2-C4",
        unit="", period="",
        keys=[], tidy=None,
        notes="Row labels repaired; results unquantified.",
    ),
    PaperTable(
        id="seed004_cx_c5_zyfra_case",
        title=("Automation in processing-plant management: requirements and effects (Zyfra & "
               "IntelliSense.io)"),
        paper=PC, table="Figure 4 (text)", page="",
        spec="complexity_and_scenarios.md §3.4 C5",
        unit="mixed: see unit column", period="2022",
        keys=["item", "measure"], tidy=t_c5,
        notes="Pairing of numbers with effects reconstructed from a jumbled text layer; vendor claims.",
    ),
    PaperTable(
        id="seed004_cx_c6_intext_numbers",
        title="Numbers in the text of the digital-twin paper",
        paper=PC, table="in-text", page="",
        spec="complexity_and_scenarios.md §3.4 C6",
        unit="mixed: see unit column", period="2018-2030",
        keys=["item", "measure"], tidy=t_c6,
        notes="IDC/WEF forecasts and claims; the IDC priority shares are multi-response (sum > 100).",
    ),
]
