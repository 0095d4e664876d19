"""Build tidy region tables from the BNS innovation and R&D bulletins.

Reads ONLY ``data/raw/bns_innovation_2023/{innovations,rd}/sheet_NN.csv`` (copied by
``scripts/import_innovation.py``) and writes

* ``data/official/bns_innovation_2022.csv``  (bulletin «innovation activity of enterprises»),
* ``data/official/bns_rd_2022.csv``          (bulletin «main indicators of R&D»),
* ``data/official/bns_innovation_indicators.csv`` (dictionary of the indicators of both files).

Long layout ``region,indicator,year,value,flag``: ``region`` is a code of data/regions.csv
(the republic total is ``KZ``), ``value`` a float, ``flag`` is ``x`` (confidential, value
empty), ``-`` (phenomenon absent, value empty) or empty.  The files are named after the
bulletins' publication year (2023); the **reference year is 2022** (cover sheets: "2022 жыл";
innovations published 18.05.2023, R&D 20.03.2023), so ``year`` is 2022.

Region names: bare oblast names ("Абай", "Алматы") are resolved as "<name> облысы", names
ending in "қаласы" as cities; this keeps the oblast "Алматы" apart from "Алматы қаласы"
(bare "Алматы" alone resolves to the city).  No alias needed.

Columns that repeat an indicator of another table (e.g. the innovation-active enterprises
of t.14 = t.1) are checked to be equal cell by cell and not written twice.
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kzclusters.registry import regions, resolve_region  # noqa: E402

RAW = ROOT / "data" / "raw" / "bns_innovation_2023"
OUT = ROOT / "data" / "official"
YEAR = 2022
FILES = {"innovations": "bns_innovation_2022.csv", "rd": "bns_rd_2022.csv"}
BOOKS = {"innovations": "archive/innovations.xls", "rd": "archive/research and development works.xls"}

ENT, PERS, PCT, MLN, THS, RATIO = "enterprises", "persons", "%", "mln KZT", "thousand KZT", "ratio"
CONNECTIVES = {"одан", "оның ішінде", "соның ішінде", "одан из них"}


@dataclass
class Col:
    """One numeric column of a sheet."""

    col: int
    code: str
    en: str
    ru: str
    unit: str | None = None          # default: the sheet's unit
    parent: str | None = None        # indicator whose Kazakh header path is prefixed
    ctx: tuple = ()                  # header cells (row, col) prefixed to the own header cells
    same_as: str | None = None       # repeats this indicator: checked, not written
    note: str = ""


@dataclass
class Sheet:
    book: str
    sheet: int
    table_no: int
    title_en: str
    title_ru: str
    unit: str
    cols: list[Col]
    note: str = ""                   # appended to every indicator's notes
    partial: bool = False            # source lists only the regions with non-zero values
    extra: dict = field(default_factory=dict)


def C(*a, **k) -> Col:
    return Col(*a, **k)


# ---------------------------------------------------------------------------------------------
# innovations.xls
# ---------------------------------------------------------------------------------------------
_ENT_EMPL_NOTE = "enterprises covered by the innovation survey"

INNOV: list[Sheet] = [
    Sheet("innovations", 4, 1, "Main indicators of innovation activity of enterprises",
          "Основные показатели инновационной активности предприятий", ENT, [
              C(1, "enterprises_total", "Number of enterprises", "Количество предприятий, единиц",
                note=_ENT_EMPL_NOTE),
              C(2, "enterprises_innovation_active", "Number of enterprises, of which with innovations",
                "Количество предприятий, из них имеющие инновации", parent="enterprises_total"),
              C(3, "innovation_activity_level_pct", "Level of activity in the field of innovation, %",
                "Уровень активности в области инноваций, %", unit=PCT,
                note="= enterprises_innovation_active / enterprises_total x 100, printed to 0.1"),
              C(4, "enterprises_employees", "Total number of employees at the end of the reporting period",
                "Общая численность работников на конец отчетного периода, человек", unit=PERS,
                note=_ENT_EMPL_NOTE),
          ]),
    Sheet("innovations", 6, 3,
          "Indicators of innovation activity of manufacturing enterprises, all types of innovation",
          "Показатели инновационной активности предприятий обрабатывающей промышленности по всем типам "
          "инноваций",
          ENT, [
              C(1, "mfg_enterprises_total", "Manufacturing: number of enterprises",
                "Обрабатывающая промышленность: количество предприятий, единиц"),
              C(2, "mfg_enterprises_innovation_active",
                "Manufacturing: number of enterprises, of which with innovations",
                "Обрабатывающая промышленность: количество предприятий, из них имеющие инновации",
                parent="mfg_enterprises_total"),
              C(3, "mfg_innovation_activity_level_pct",
                "Manufacturing: level of activity in the field of innovation, %",
                "Обрабатывающая промышленность: уровень активности в области инноваций, %", unit=PCT),
              C(4, "mfg_enterprises_employees",
                "Manufacturing: total number of employees at the end of the reporting period",
                "Обрабатывающая промышленность: общая численность работников на конец отчетного периода, "
                "человек",
                unit=PERS),
          ]),
    Sheet("innovations", 7, 4, "Indicators of innovation activity by enterprise size",
          "Показатели инновационной активности по размерности предприятий", ENT, [
              C(1, "enterprises_small_total", "Small enterprises: number of enterprises",
                "Малые предприятия: количество предприятий, единиц"),
              C(2, "enterprises_small_innovation_active", "Small enterprises: of which with innovations",
                "Малые предприятия: из них имеющие инновации, единиц", parent="enterprises_small_total"),
              C(3, "innovation_activity_level_small_pct",
                "Small enterprises: level of activity in the field of innovation, %",
                "Малые предприятия: уровень активности в области инноваций, %", unit=PCT, ctx=((1, 1),)),
              C(4, "enterprises_medium_total", "Medium enterprises: number of enterprises",
                "Средние предприятия: количество предприятий, единиц"),
              C(5, "enterprises_medium_innovation_active", "Medium enterprises: of which with innovations",
                "Средние предприятия: из них имеющие инновации, единиц", parent="enterprises_medium_total"),
              C(6, "innovation_activity_level_medium_pct",
                "Medium enterprises: level of activity in the field of innovation, %",
                "Средние предприятия: уровень активности в области инноваций, %", unit=PCT, ctx=((1, 4),)),
              C(7, "enterprises_large_total", "Large enterprises: number of enterprises",
                "Крупные предприятия: количество предприятий, единиц"),
              C(8, "enterprises_large_innovation_active", "Large enterprises: of which with innovations",
                "Крупные предприятия: из них имеющие инновации, единиц", parent="enterprises_large_total"),
              C(9, "innovation_activity_level_large_pct",
                "Large enterprises: level of activity in the field of innovation, %",
                "Крупные предприятия: уровень активности в области инноваций, %", unit=PCT, ctx=((1, 7),)),
          ]),
    Sheet("innovations", 10, 7, "Volume of innovative products and volume of innovative products sold",
          "Объем инновационной продукции и объем реализованной инновационной продукции", MLN, [
              C(1, "innovative_products_mln_kzt", "Volume of innovative products, total",
                "Объем инновационной продукции, всего"),
              C(2, "innovative_products_sold_mln_kzt", "Volume of innovative products sold, total",
                "Объем реализованной инновационной продукции, всего",
                note="can exceed the volume produced in the year (sales from stock), e.g. Akmola"),
              C(3, "innovative_products_sold_new_to_market_mln_kzt",
                "Innovative products sold: new or significantly improved goods (services) new to the market",
                "Реализованная инновационная продукция: новые или значительно усовершенствованные товары "
                "(услуги), являющиеся новыми для рынка", parent="innovative_products_sold_mln_kzt"),
              C(4, "innovative_products_sold_new_to_firm_mln_kzt",
                "Innovative products sold: new or significantly improved goods (services) new to the "
                "organisation",
                "Реализованная инновационная продукция: новые или значительно усовершенствованные товары "
                "(услуги), являющиеся новыми для организации", parent="innovative_products_sold_mln_kzt"),
              C(5, "innovative_products_exported_mln_kzt",
                "Of innovative products sold: shipped for export, total",
                "Из объема реализованной инновационной продукции отгружено на экспорт, всего"),
              C(6, "innovative_products_exported_new_to_market_mln_kzt",
                "Exported innovative products: new or significantly improved goods (services) new to the "
                "market",
                "Экспорт инновационной продукции: новые или значительно усовершенствованные товары "
                "(услуги), являющиеся новыми для рынка", parent="innovative_products_exported_mln_kzt"),
              C(7, "innovative_products_exported_new_to_firm_mln_kzt",
                "Exported innovative products: new or significantly improved goods (services) new to the "
                "organisation",
                "Экспорт инновационной продукции: новые или значительно усовершенствованные товары "
                "(услуги), являющиеся новыми для организации", parent="innovative_products_exported_mln_kzt"),
          ]),
    Sheet("innovations", 12, 9, "Expenditure on innovation", "Затраты на инновации", MLN, [
        C(1, "innovation_expenditure_mln_kzt", "Expenditure on innovation, total",
          "Затраты на инновации, всего"),
        C(2, "innovation_expenditure_product_mln_kzt", "Expenditure on innovation: on product innovation",
          "Затраты на инновации: на продуктовые инновации", parent="innovation_expenditure_mln_kzt"),
        C(3, "innovation_expenditure_business_process_mln_kzt",
          "Expenditure on innovation: on business-process innovation",
          "Затраты на инновации: на инновации бизнес-процессов", parent="innovation_expenditure_mln_kzt"),
    ]),
    Sheet("innovations", 14, 11, "Expenditure on innovation by type of expenditure",
          "Затраты на инновации по видам затрат", MLN, [
              C(1, "-", "", "", same_as="innovation_expenditure_mln_kzt"),
              C(2, "innovation_exp_internal_rd_mln_kzt",
                "Innovation expenditure: in-house R&D (current costs (wages) and capital investment in "
                "equipment and buildings specifically for R&D)",
                "Затраты на инновации: внутренние НИОКР (текущие затраты (оплата труда) и капитальные "
                "вложения в оборудование и здания, специально предназначенные для НИОКР)",
                parent="innovation_expenditure_mln_kzt"),
              C(3, "innovation_exp_external_rd_mln_kzt", "Innovation expenditure: external R&D",
                "Затраты на инновации: внешние НИОКР", parent="innovation_expenditure_mln_kzt"),
              C(4, "innovation_exp_machinery_software_mln_kzt",
                "Innovation expenditure: acquisition of advanced machinery, equipment, software and other "
                "capital products (other than for R&D)",
                "Затраты на инновации: приобретение современных машин, оборудования, программного "
                "обеспечения и других капитальных продуктов (кроме затрат на НИОКР)",
                parent="innovation_expenditure_mln_kzt"),
              C(5, "innovation_exp_external_knowledge_mln_kzt",
                "Innovation expenditure: acquisition of external knowledge",
                "Затраты на инновации: приобретение внешних знаний", parent="innovation_expenditure_mln_kzt",
                note="Kazakh header literally 'acquisition of external science' (сыртқы ғылымды алу)"),
              C(6, "innovation_exp_training_design_marketing_mln_kzt",
                "Innovation expenditure: training, design, market research and other related activities",
                "Затраты на инновации: обучение, проектирование, маркетинговые исследования и другие "
                "соответствующие мероприятия", parent="innovation_expenditure_mln_kzt"),
              C(7, "innovation_exp_other_mln_kzt", "Innovation expenditure: other innovation expenditure",
                "Затраты на инновации: прочие затраты на инновации", parent="innovation_expenditure_mln_kzt"),
          ]),
    Sheet("innovations", 16, 13, "Expenditure on innovation by source of finance",
          "Затраты на инновации по источникам финансирования", MLN, [
              C(1, "-", "", "", same_as="innovation_expenditure_mln_kzt"),
              C(2, "innovation_exp_src_own_mln_kzt",
                "Innovation expenditure financed by: the organisation's own funds",
                "Затраты на инновации, источник: собственные средства организации",
                parent="innovation_expenditure_mln_kzt"),
              C(3, "innovation_exp_src_rep_budget_mln_kzt",
                "Innovation expenditure financed by: republican budget",
                "Затраты на инновации, источник: республиканский бюджет",
                parent="innovation_expenditure_mln_kzt"),
              C(4, "innovation_exp_src_dev_institutions_mln_kzt",
                "Innovation expenditure financed by: republican budget, of which development institutions",
                "Затраты на инновации, источник: республиканский бюджет, в том числе институты развития",
                parent="innovation_exp_src_rep_budget_mln_kzt"),
              C(5, "innovation_exp_src_innovation_grants_mln_kzt",
                "Innovation expenditure financed by: development institutions, of which innovation grants",
                "Затраты на инновации, источник: институты развития, из них инновационные гранты",
                parent="innovation_exp_src_dev_institutions_mln_kzt"),
              C(6, "innovation_exp_src_local_budget_mln_kzt",
                "Innovation expenditure financed by: local budget",
                "Затраты на инновации, источник: местный бюджет", parent="innovation_expenditure_mln_kzt"),
              C(7, "innovation_exp_src_foreign_mln_kzt", "Innovation expenditure financed by: foreign funds",
                "Затраты на инновации, источник: иностранные средства",
                parent="innovation_expenditure_mln_kzt"),
              C(8, "innovation_exp_src_other_mln_kzt", "Innovation expenditure financed by: other funds",
                "Затраты на инновации, источник: прочие средства", parent="innovation_expenditure_mln_kzt"),
              C(9, "innovation_exp_src_bank_loans_mln_kzt",
                "Innovation expenditure financed by: other funds, of which bank loans",
                "Затраты на инновации, источник: прочие средства, в том числе займы банков",
                parent="innovation_exp_src_other_mln_kzt"),
              C(10, "innovation_exp_src_preferential_loans_mln_kzt",
                "Innovation expenditure financed by: bank loans, of which credits and loans on preferential "
                "terms",
                "Затраты на инновации, источник: займы банков, из них кредиты и займы на льготных условиях",
                parent="innovation_exp_src_bank_loans_mln_kzt"),
              C(11, "innovation_exp_src_legal_entity_loans_mln_kzt",
                "Innovation expenditure financed by: other funds, of which loans of legal entities (other "
                "than development institutions)",
                "Затраты на инновации, источник: прочие средства, в том числе займы юридических лиц (кроме "
                "институтов развития)", parent="innovation_exp_src_other_mln_kzt"),
              C(12, "innovation_exp_src_venture_funds_mln_kzt",
                "Innovation expenditure financed by: other funds, of which venture funds",
                "Затраты на инновации, источник: прочие средства, в том числе венчурные фонды",
                parent="innovation_exp_src_other_mln_kzt"),
          ], note="sources: own + republican budget + local budget + foreign + other = total"),
    Sheet("innovations", 17, 14, "Number of enterprises by type of innovation",
          "Количество предприятий по типам инноваций", ENT, [
              C(1, "-", "", "", same_as="enterprises_innovation_active",
                note="'enterprises with either of the two types of innovation' = t.1 innovation-active"),
              C(2, "enterprises_product_innovation", "Number of enterprises with product innovation",
                "Количество предприятий, имеющих продуктовые инновации"),
              C(3, "enterprises_business_process_innovation",
                "Number of enterprises with business-process innovation",
                "Количество предприятий, имеющих инновации бизнес-процессов"),
              C(4, "enterprises_both_innovation_types", "Number of enterprises with all types of innovation",
                "Количество предприятий, имеющих все типы инноваций",
                note="product and business-process; product + business-process - both = innovation-active"),
          ]),
    Sheet("innovations", 19, 16, "Number of enterprises that introduced innovative goods or services",
          "Количество предприятий, внедривших инновационные товары или услуги", ENT, [
              C(1, "enterprises_goods_new_or_sig_improved", "Goods: new or significantly improved",
                "Товары: новые или значительно усовершенствованные"),
              C(2, "enterprises_goods_improved", "Goods: brought to improvement (improved)",
                "Товары: подвергшиеся усовершенствованию", ctx=((2, 1),),
                note="Kazakh header 'жетілдіруге әкелген' (led to improvement)"),
              C(3, "enterprises_goods_other_innovative", "Goods: other innovative",
                "Товары: прочие инновационные",
                ctx=((2, 1),)),
              C(4, "enterprises_services_new_or_sig_improved", "Services: new or significantly improved",
                "Услуги: новые или значительно усовершенствованные"),
              C(5, "enterprises_services_improved", "Services: brought to improvement (improved)",
                "Услуги: подвергшиеся усовершенствованию", ctx=((2, 4),),
                note="Kazakh header 'жетілдіруге әкелген' (led to improvement)"),
              C(6, "enterprises_services_other_innovative", "Services: other innovative",
                "Услуги: прочие инновационные", ctx=((2, 4),)),
          ]),
    Sheet("innovations", 21, 18, "Number of enterprises that introduced business-process innovation",
          "Количество предприятий, внедривших инновации бизнес-процессов", ENT, [
              C(1, "enterprises_bpi_production_methods",
                "Business-process innovation: methods of producing goods (services)",
                "Инновации бизнес-процессов: методы производства товаров (услуг)"),
              C(2, "enterprises_bpi_logistics",
                "Business-process innovation: logistics, delivery or distribution methods of goods "
                "(services)",
                "Инновации бизнес-процессов: логистика, методы доставки или распределения товаров (услуг)"),
              C(3, "enterprises_bpi_marketing_sales",
                "Business-process innovation: marketing, sales methods of goods (services) and after-sales "
                "support",
                "Инновации бизнес-процессов: маркетинг, методы продаж товаров (услуг) и сервисное "
                "обслуживание"),
              C(4, "enterprises_bpi_ict",
                "Business-process innovation: information and communication systems",
                "Инновации бизнес-процессов: информационно-коммуникационные системы"),
              C(5, "enterprises_bpi_administration",
                "Business-process innovation: administration and management",
                "Инновации бизнес-процессов: административное управление и менеджмент"),
              C(6, "enterprises_bpi_product_process_development",
                "Business-process innovation: development of products and business processes",
                "Инновации бизнес-процессов: разработка продуктов и бизнес-процессов"),
              C(7, "enterprises_bpi_other_methods", "Business-process innovation: other methods",
                "Инновации бизнес-процессов: другие методы"),
          ], note="an enterprise can report several types: columns are not additive across types"),
    Sheet("innovations", 22, 19,
          "Number of enterprises that introduced product innovation on their own or jointly with other "
          "organisations",
          "Количество предприятий, внедривших продуктовые инновации самостоятельно или совместно с другими "
          "организациями",
          ENT, [
              C(1, "enterprises_goods_dev_own", "Innovative goods introduced: by the organisation itself",
                "Внедрены инновационные товары: самой организацией"),
              C(2, "enterprises_goods_dev_joint",
                "Innovative goods introduced: jointly with other organisations or institutions",
                "Внедрены инновационные товары: совместно с другими организациями или учреждениями",
                ctx=((2, 1),)),
              C(3, "enterprises_goods_dev_adapted",
                "Innovative goods introduced: by improving what other organisations or institutions "
                "developed",
                "Внедрены инновационные товары: путем доработки разработанного другими организациями или "
                "учреждениями",
                ctx=((2, 1),)),
              C(4, "enterprises_goods_dev_others",
                "Innovative goods introduced: by other organisations or institutions",
                "Внедрены инновационные товары: другими организациями или учреждениями", ctx=((2, 1),)),
              C(5, "enterprises_services_dev_own",
                "Innovative services introduced: by the organisation itself",
                "Внедрены инновационные услуги: самой организацией"),
              C(6, "enterprises_services_dev_joint",
                "Innovative services introduced: jointly with other organisations or institutions",
                "Внедрены инновационные услуги: совместно с другими организациями или учреждениями",
                ctx=((2, 5),)),
              C(7, "enterprises_services_dev_adapted",
                "Innovative services introduced: by improving what other organisations or institutions "
                "developed",
                "Внедрены инновационные услуги: путем доработки разработанного другими организациями или "
                "учреждениями",
                ctx=((2, 5),)),
              C(8, "enterprises_services_dev_others",
                "Innovative services introduced: by other organisations or institutions",
                "Внедрены инновационные услуги: другими организациями или учреждениями", ctx=((2, 5),)),
          ]),
    Sheet("innovations", 23, 20,
          "Number of enterprises that introduced business-process innovation on their own or jointly with "
          "other organisations",
          "Количество предприятий, внедривших инновации бизнес-процессов самостоятельно или совместно с "
          "другими организациями", ENT, [
              C(1, "enterprises_bpi_dev_own",
                "Business-process innovation developed: by the organisation itself",
                "Инновации бизнес-процессов разработаны: самой организацией"),
              C(2, "enterprises_bpi_dev_joint",
                "Business-process innovation developed: jointly with other organisations or institutions",
                "Инновации бизнес-процессов разработаны: совместно с другими организациями или учреждениями"),
              C(3, "enterprises_bpi_dev_adapted",
                "Business-process innovation developed: by improving what other organisations or "
                "institutions developed",
                "Инновации бизнес-процессов разработаны: путем доработки разработанного другими "
                "организациями или учреждениями"),
              C(4, "enterprises_bpi_dev_others",
                "Business-process innovation developed: by other organisations or institutions",
                "Инновации бизнес-процессов разработаны: другими организациями или учреждениями"),
          ]),
    Sheet("innovations", 24, 21, "Number of enterprises carrying out innovation-development activities",
          "Количество предприятий, осуществлявших деятельность по разработке инноваций", ENT, [
              C(1, "enterprises_act_internal_rd", "Innovation activity: in-house R&D",
                "Инновационная деятельность: внутренние НИОКР"),
              C(2, "enterprises_act_internal_rd_continuous",
                "Innovation activity: in-house R&D, of which performing R&D continuously",
                "Инновационная деятельность: внутренние НИОКР, из них выполняющие НИОКР постоянно",
                parent="enterprises_act_internal_rd"),
              C(3, "enterprises_act_internal_rd_occasional",
                "Innovation activity: in-house R&D, of which performing R&D occasionally",
                "Инновационная деятельность: внутренние НИОКР, из них выполняющие НИОКР время от времени",
                parent="enterprises_act_internal_rd", ctx=((2, 2),)),
              C(4, "enterprises_act_external_rd", "Innovation activity: external R&D",
                "Инновационная деятельность: внешние НИОКР"),
              C(5, "enterprises_act_machinery_software",
                "Innovation activity: acquisition of advanced machinery, equipment, software and other "
                "capital products",
                "Инновационная деятельность: приобретение современных машин, оборудования, программного "
                "обеспечения и других капитальных продуктов"),
              C(6, "enterprises_act_external_knowledge",
                "Innovation activity: acquisition of knowledge from external sources",
                "Инновационная деятельность: приобретение знаний из внешних источников"),
              C(7, "enterprises_act_training", "Innovation activity: training for innovation activities",
                "Инновационная деятельность: обучение для осуществления инновационной деятельности"),
              C(8, "enterprises_act_market_introduction",
                "Innovation activity: introduction and launch of innovations on the market",
                "Инновационная деятельность: внедрение и вывод инноваций на рынок"),
              C(9, "enterprises_act_design", "Innovation activity: design development",
                "Инновационная деятельность: разработка дизайна"),
              C(10, "enterprises_act_other", "Innovation activity: other innovation activities",
                "Инновационная деятельность: другие виды инновационной деятельности"),
          ], note="an enterprise can report several activities: columns are not additive across activities"),
    Sheet("innovations", 25, 22, "Reasons for not carrying out innovation activity at enterprises",
          "Причины неосуществления инновационной деятельности на предприятиях", ENT, [
              C(1, "enterprises_barrier_lack_funds", "Reason: lack of financial resources",
                "Причина: недостаток финансовых средств"),
              C(2, "enterprises_barrier_lack_external_finance",
                "Reason: lack of financial resources from external sources of finance",
                "Причина: недостаток финансовых средств из внешних источников финансирования"),
              C(3, "enterprises_barrier_high_costs", "Reason: high level of innovation costs",
                "Причина: высокий уровень затрат на инновации"),
              C(4, "enterprises_barrier_lack_skilled_staff", "Reason: lack of qualified specialists",
                "Причина: недостаток квалифицированных специалистов"),
              C(5, "enterprises_barrier_no_tech_info", "Reason: lack of information on technologies",
                "Причина: отсутствие информации о технологиях"),
              C(6, "enterprises_barrier_no_market_info", "Reason: lack of information on markets",
                "Причина: отсутствие информации о рынках"),
              C(7, "enterprises_barrier_partner_search",
                "Reason: difficulty in finding partners for innovation",
                "Причина: трудности в поиске партнеров для инноваций"),
              C(8, "enterprises_barrier_market_dominance",
                "Reason: market dominated by established enterprises",
                "Причина: доминирование на рынке существующих предприятий"),
              C(9, "enterprises_barrier_demand_uncertainty",
                "Reason: uncertain demand for innovative goods and services",
                "Причина: неопределенность спроса на инновационные товары и услуги"),
              C(10, "enterprises_barrier_no_need_prior_innovation",
                "Reason: no need because of earlier innovations",
                "Причина: отсутствие необходимости вследствие ранее осуществленных инноваций"),
              C(11, "enterprises_barrier_no_need_no_demand",
                "Reason: no need for innovation because of lack of demand",
                "Причина: нет необходимости в инновациях из-за отсутствия спроса"),
          ], note="number of enterprises citing the reason; several reasons per enterprise possible"),
]

# ---------------------------------------------------------------------------------------------
# research and development works.xls
# ---------------------------------------------------------------------------------------------


def _rd_cost_cols(prefix: str, en: str, ru: str, total_note: str = "") -> list[Col]:
    """Columns 1-6 of the internal-R&D-expenditure tables (t.1, t.6-11)."""
    t = f"{prefix}_thousand_kzt"
    return [
        C(1, t, f"{en}", f"{ru}", note=total_note),
        C(2, f"{prefix}_labour_thousand_kzt", f"{en}: labour costs", f"{ru}: затраты на оплату труда",
          parent=t),
        C(3, f"{prefix}_services_thousand_kzt", f"{en}: purchase of services (for own projects)",
          f"{ru}: приобретение услуг (для собственных проектов)", parent=t),
        C(4, f"{prefix}_fixed_assets_thousand_kzt",
          f"{en}: expenditure on fixed assets (vehicles, equipment, buildings and other)",
          f"{ru}: затраты на основные средства (транспорт, оборудование, здания и другие)", parent=t),
        C(5, f"{prefix}_sci_equipment_thousand_kzt",
          f"{en}: fixed assets, of which purchase of scientific equipment",
          f"{ru}: основные средства, из них затраты на приобретение научного оборудования",
          parent=f"{prefix}_fixed_assets_thousand_kzt"),
        C(6, f"{prefix}_other_current_thousand_kzt",
          f"{en}: other current costs (consumables, raw materials and equipment, rent and other)",
          f"{ru}: прочие текущие затраты (расходные материалы, сырье и оборудование, арендная плата "
          "и другие)",
          parent=t),
    ]


_FIELDS = [
    (9, 6, "natural_sciences", "natural sciences", "естественные науки"),
    (10, 7, "engineering", "engineering and technology", "инженерные разработки и технологии"),
    (11, 8, "medical", "medical sciences", "медицинские науки"),
    (12, 9, "agricultural", "agricultural sciences", "сельскохозяйственные науки"),
    (13, 10, "social", "social sciences", "социальные науки"),
    (14, 11, "humanities", "humanities", "гуманитарные науки"),
]

_PARTIAL_NOTE = ("the bulletin lists only regions with such expenditure; unlisted regions have none (the "
                 "listed rows sum to the KZ total)")

RD: list[Sheet] = [
    Sheet("rd", 4, 1, "Internal and external expenditure on research and development (R&D)",
          "Внутренние и внешние затраты на научно-исследовательские и опытно-конструкторские работы", THS,
          _rd_cost_cols("rd_expenditure_internal", "Internal R&D expenditure", "Внутренние затраты на НИОКР")
          + [C(7, "rd_expenditure_external_thousand_kzt", "External R&D expenditure",
               "Внешние затраты на НИОКР",
               note="R&D bought from other organisations; not part of the internal expenditure")]),
]
for _sheet, _tno, _key, _en, _ru in _FIELDS:
    RD.append(Sheet("rd", _sheet, _tno, f"Internal R&D expenditure in {_en}",
                    f"Внутренние затраты на НИОКР: {_ru}", THS,
                    _rd_cost_cols(f"rd_exp_{_key}", f"Internal R&D expenditure, {_en}",
                                  f"Внутренние затраты на НИОКР, {_ru}"),
                    partial=True))

_I = "rd_expenditure_internal_thousand_kzt"
RD += [
    Sheet("rd", 17, 14, "Internal R&D expenditure by type of work",
          "Внутренние затраты на НИОКР по видам работ", THS, [
        C(1, "-", "", "", same_as=_I),
        C(2, "rd_exp_basic_research_thousand_kzt",
          "Internal R&D expenditure: research and development, basic research",
          "Внутренние затраты на НИОКР: научные исследования и разработки, фундаментальные исследования",
          parent=_I),
        C(3, "rd_exp_basic_strategic_thousand_kzt",
          "Internal R&D expenditure: basic research, of which strategic basic research",
          "Внутренние затраты на НИОКР: фундаментальные исследования, из них фундаментальные стратегические "
          "исследования",
          parent="rd_exp_basic_research_thousand_kzt"),
        C(4, "rd_exp_applied_research_thousand_kzt",
          "Internal R&D expenditure: research and development, applied research",
          "Внутренние затраты на НИОКР: научные исследования и разработки, прикладные исследования",
          parent=_I, ctx=((3, 2),)),
        C(5, "rd_exp_applied_basic_thousand_kzt",
          "Internal R&D expenditure: applied research, of which basic-applied research",
          "Внутренние затраты на НИОКР: прикладные исследования, из них фундаментально-прикладные "
          "исследования",
          parent="rd_exp_applied_research_thousand_kzt"),
        C(6, "rd_exp_dev_design_technological_thousand_kzt",
          "Internal R&D expenditure: experimental development, design-engineering and technological work",
          "Внутренние затраты на НИОКР: опытно-конструкторские разработки, проектно-конструкторские и "
          "технологические работы", parent=_I),
        C(7, "rd_exp_dev_prototypes_thousand_kzt",
          "Internal R&D expenditure: experimental development, manufacture of prototypes and pilot batches "
          "of products",
          "Внутренние затраты на НИОКР: опытно-конструкторские разработки, изготовление опытных образцов, "
          "опытной партии изделий (продукции)", parent=_I, ctx=((3, 6),)),
        C(8, "rd_exp_dev_construction_design_thousand_kzt",
          "Internal R&D expenditure: experimental development, design work for construction",
          "Внутренние затраты на НИОКР: опытно-конструкторские разработки, проектные работы для "
          "строительства",
          parent=_I, ctx=((3, 6),)),
    ], note="basic + applied + the three experimental-development items = internal total"),
    Sheet("rd", 32, 29, "Sources of finance of internal R&D expenditure",
          "Источники финансирования внутренних затрат на НИОКР", THS, [
              C(1, "-", "", "", same_as=_I),
              C(2, "rd_exp_src_own_thousand_kzt", "Internal R&D expenditure financed by: own funds",
                "Внутренние затраты на НИОКР, источник: собственные средства", parent=_I),
              C(3, "rd_exp_src_rep_budget_thousand_kzt",
                "Internal R&D expenditure financed by: republican budget",
                "Внутренние затраты на НИОКР, источник: республиканский бюджет", parent=_I),
              C(4, "rd_exp_src_rep_programme_thousand_kzt",
                "Internal R&D expenditure financed by: republican budget, programme-targeted funding",
                "Внутренние затраты на НИОКР, источник: республиканский бюджет, программно-целевое "
                "финансирование",
                parent="rd_exp_src_rep_budget_thousand_kzt"),
              C(5, "rd_exp_src_rep_basic_funding_thousand_kzt",
                "Internal R&D expenditure financed by: republican budget, base funding",
                "Внутренние затраты на НИОКР, источник: республиканский бюджет, базовое финансирование",
                parent="rd_exp_src_rep_budget_thousand_kzt", ctx=((3, 4),)),
              C(6, "rd_exp_src_rep_grant_thousand_kzt",
                "Internal R&D expenditure financed by: republican budget, grant funding",
                "Внутренние затраты на НИОКР, источник: республиканский бюджет, грантовое финансирование",
                parent="rd_exp_src_rep_budget_thousand_kzt", ctx=((3, 4),)),
              C(7, "rd_exp_src_rep_basic_research_orgs_thousand_kzt",
                "Internal R&D expenditure financed by: republican budget, funding of scientific "
                "organisations performing basic research",
                "Внутренние затраты на НИОКР, источник: республиканский бюджет, финансирование научных "
                "организаций, осуществляющих фундаментальные научные исследования",
                parent="rd_exp_src_rep_budget_thousand_kzt", ctx=((3, 4),),
                note="the Kazakh header cell repeats its text twice in the workbook; given once in title_kk"),
              C(8, "rd_exp_src_rep_other_thousand_kzt",
                "Internal R&D expenditure financed by: republican budget, other expenditure from the "
                "republican budget",
                "Внутренние затраты на НИОКР, источник: республиканский бюджет, прочие расходы из "
                "республиканского бюджета",
                parent="rd_exp_src_rep_budget_thousand_kzt", ctx=((3, 4),)),
              C(9, "rd_exp_src_local_budget_thousand_kzt",
                "Internal R&D expenditure financed by: local budget",
                "Внутренние затраты на НИОКР, источник: местный бюджет", parent=_I),
              C(10, "rd_exp_src_foreign_thousand_kzt", "Internal R&D expenditure financed by: foreign funds",
                "Внутренние затраты на НИОКР, источник: иностранные средства", parent=_I),
              C(11, "rd_exp_src_other_thousand_kzt", "Internal R&D expenditure financed by: other funds",
                "Внутренние затраты на НИОКР, источник: прочие средства", parent=_I),
              C(12, "rd_exp_src_bank_loans_thousand_kzt",
                "Internal R&D expenditure financed by: other funds, of which bank loans",
                "Внутренние затраты на НИОКР, источник: прочие средства, из них займы банков",
                parent="rd_exp_src_other_thousand_kzt"),
              C(13, "rd_exp_src_preferential_loans_thousand_kzt",
                "Internal R&D expenditure financed by: bank loans, of which credits and loans on "
                "preferential terms",
                "Внутренние затраты на НИОКР, источник: займы банков, из них кредиты и займы на льготных "
                "условиях",
                parent="rd_exp_src_bank_loans_thousand_kzt"),
              C(14, "rd_exp_src_legal_entities_thousand_kzt",
                "Internal R&D expenditure financed by: other funds, of which funds of legal entities (other "
                "than development institutions)",
                "Внутренние затраты на НИОКР, источник: прочие средства, из них средства юридических лиц "
                "(кроме институтов развития)", parent="rd_exp_src_other_thousand_kzt", ctx=((3, 12),)),
          ], note="own + republican + local + foreign + other = internal total; the five republican items "
                  "add up to the republican budget"),
    Sheet("rd", 39, 36, "Number of employees performing R&D", "Численность работников, выполнявших НИОКР",
          PERS, [
        C(1, "rd_enterprises_reporting", "Number of enterprises that reported (R&D survey)",
          "Количество отчитавшихся предприятий, единиц", unit=ENT),
        C(2, "rd_enterprises_active", "Number of enterprises engaged in R&D",
          "Количество предприятий, занимавшихся НИОКР, единиц", unit=ENT),
        C(3, "rd_personnel", "Number of employees performing R&D",
          "Численность работников, выполнявших НИОКР, человек",
          note="at the end of the year (t.35)"),
        C(4, "rd_personnel_researchers", "Employees performing R&D: researchers",
          "Работники, выполнявшие НИОКР: специалисты-исследователи", parent="rd_personnel"),
        C(5, "rd_personnel_technicians", "Employees performing R&D: technical personnel",
          "Работники, выполнявшие НИОКР: технический персонал", parent="rd_personnel", ctx=((2, 4),)),
        C(6, "rd_personnel_other", "Employees performing R&D: other", "Работники, выполнявшие НИОКР: прочие",
          parent="rd_personnel", ctx=((2, 4),)),
    ]),
]

_EDU = [  # sheet, table, key, en, ru, columns present after col 3 (4: researchers, 5/6: ...)
    (41, 38, "higher_edu", "with higher professional education", "с высшим профессиональным образованием",
     {4: "researchers", 5: "technicians", 6: "other"}),
    (42, 39, "vocational_edu", "with secondary professional (vocational) education",
     "со средним профессиональным образованием", {4: "researchers", 5: "technicians", 6: "other"}),
    (43, 40, "doctor_of_science", "with the degree of Doctor of Sciences", "со степенью доктора наук",
     {4: "researchers"}),
    (44, 41, "doctor_by_profile", "with the degree of Doctor by profile", "со степенью доктора по профилю",
     {4: "researchers"}),
    (45, 42, "phd", "with the degree of Doctor of Philosophy (PhD)", "со степенью доктора философии (PhD)",
     {4: "researchers", 5: "other"}),
    (46, 43, "candidate_of_science", "with the degree of Candidate of Sciences", "со степенью кандидата наук",
     {4: "researchers", 5: "technicians"}),
    (47, 44, "masters", "with a master's degree", "со степенью магистра",
     {4: "researchers", 5: "technicians", 6: "other"}),
]
_STAFF = {"researchers": ("researchers", "специалисты-исследователи"),
          "technicians": ("technical personnel", "технический персонал"),
          "other": ("other", "прочие")}
for _sheet, _tno, _key, _en, _ru, _subs in _EDU:
    _t = f"rd_personnel_{_key}"
    _cols = [C(1, "-", "", "", same_as="rd_enterprises_reporting"),
             C(2, "-", "", "", same_as="rd_enterprises_active"),
             C(3, _t, f"Employees performing R&D {_en}", f"Работники, выполнявшие НИОКР, {_ru}")]
    for _c, _s in _subs.items():
        _cols.append(C(_c, f"{_t}_{_s}", f"Employees performing R&D {_en}: {_STAFF[_s][0]}",
                       f"Работники, выполнявшие НИОКР, {_ru}: {_STAFF[_s][1]}", parent=_t,
                       ctx=((2, 4),) if _c > 4 else ()))
    RD.append(Sheet("rd", _sheet, _tno, f"Number of employees performing R&D {_en}",
                    f"Численность работников, выполнявших НИОКР, {_ru}", PERS, _cols))

RD.append(Sheet("rd", 49, 46, "Full-time equivalent", "Эквивалент полной занятости", RATIO, [
    C(1, "rd_fte_ratio_researchers", "Full-time equivalent: researchers",
      "Эквивалент полной занятости: специалисты-исследователи"),
    C(2, "rd_fte_ratio_technicians", "Full-time equivalent: technical personnel",
      "Эквивалент полной занятости: технический персонал"),
], note="the unit cell says 'пайызбен' (in percent) but the values are fractions between 0.39 and 1.0: "
        "full-time equivalents per person (FTE / headcount); not additive"))

SHEETS: list[Sheet] = INNOV + RD


# ---------------------------------------------------------------------------------------------
# reading
# ---------------------------------------------------------------------------------------------
def _clean(s: str) -> str:
    s = " ".join(str(s).split())
    half = len(s) // 2
    if len(s) > 20 and s[:half].strip() == s[half:].strip():  # a cell whose text is repeated twice
        s = s[:half].strip()
    return s


def _region_code(name: str) -> str:
    n = " ".join(name.split())
    if n == "Қазақстан Республикасы":
        return "KZ"
    kind = regions().set_index("code")["kind"]
    if n.endswith("қаласы"):
        code = resolve_region(n)
        assert kind[code] == "city", (n, code)
    else:
        code = resolve_region(f"{n} облысы")
        assert kind[code] == "region", (n, code)
    return code


def _parse(cell: str) -> tuple[float, str]:
    s = cell.strip()
    if s in ("x", "х", "X", "Х"):  # Latin or Cyrillic
        return np.nan, "x"
    if s in ("-", "–", "—"):
        return np.nan, "-"
    try:
        return float(s), ""
    except ValueError:
        raise ValueError(f"unexpected cell {cell!r}") from None


def read_sheet(sh: Sheet) -> tuple[list[list[str]], int, int]:
    path = RAW / sh.book / f"sheet_{sh.sheet:02d}.csv"
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    start = next(i for i, r in enumerate(rows) if r and r[0].strip() == "Қазақстан Республикасы")
    end = start
    while end < len(rows) and rows[end] and rows[end][0].strip() and not rows[end][0].startswith("Ескертпе"):
        end += 1
    return rows, start, end


def own_header(rows: list[list[str]], start: int, col: int) -> list[str]:
    cells = [_clean(rows[r][col]) for r in range(1, start) if col < len(rows[r])]
    return [c for c in cells if c and c.casefold() not in CONNECTIVES and not _is_unit(c)]


def _is_unit(c: str) -> bool:
    return c in ("млн. теңге", "мың теңге", "бірлік", "адам", "пайызбен")


def build() -> tuple[dict[str, pd.DataFrame], pd.DataFrame, list[str]]:
    long: dict[str, list[dict]] = {"innovations": [], "rd": []}
    dic: list[dict] = []
    paths: dict[str, str] = {}
    values: dict[str, dict[str, tuple[float, str]]] = {}
    log: list[str] = []
    index = {b: pd.read_csv(RAW / b / "INDEX.csv", dtype=str) for b in ("innovations", "rd")}
    for sh in SHEETS:
        rows, start, end = read_sheet(sh)
        title_kk = _clean(rows[0][0])
        sheet_name = index[sh.book].set_index("file").loc[f"sheet_{sh.sheet:02d}.csv", "sheet_name"]
        assert str(sheet_name) == str(sh.table_no), (sh.sheet, sheet_name)
        assert re.match(rf"^{sh.table_no}\.? ", title_kk), (sh.sheet, title_kk)
        data = [(_region_code(r[0]), r) for r in rows[start:end]]
        codes = [c for c, _ in data]
        assert len(codes) == len(set(codes)), (sh.sheet, codes)
        local: dict[str, str] = {}  # header path of a repeated total *in this sheet*
        for c in sh.cols:
            own = own_header(rows, start, c.col)
            ctx = [t for t in (_clean(rows[r][k]) for r, k in c.ctx) if t.casefold() not in CONNECTIVES]
            parent = [local.get(c.parent) or paths[c.parent]] if c.parent else []
            path = " / ".join(parent + ctx + own)
            cells = {code: _parse(r[c.col]) for code, r in data}
            if c.same_as:
                local[c.same_as] = path
                ref = values[c.same_as]
                for code, (v, f) in cells.items():
                    rv, rf = ref[code]
                    assert f == rf and (np.isnan(v) and np.isnan(rv) or v == rv), (sh.sheet, c.col, code, v,
                                                                                   rv)
                log.append(f"{sh.book}/sheet_{sh.sheet:02d} col {c.col} == {c.same_as} (checked, not "
                           f"repeated)")
                continue
            assert c.code not in values, c.code
            paths[c.code] = path
            values[c.code] = cells
            for code, (v, f) in cells.items():
                long[sh.book].append({"region": code, "indicator": c.code, "year": YEAR, "value": v,
                                      "flag": f})
            n_x = sum(f == "x" for _, f in cells.values())
            notes = [n for n in (c.note, sh.note) if n]
            if sh.partial:
                notes.append(f"{_PARTIAL_NOTE}; {len(cells) - 1} of 20 units listed")
            dic.append({
                "indicator": c.code, "unit": c.unit or sh.unit,
                "title_kk": f"{title_kk} — {path}",
                "title_en": f"{c.en} ({sh.title_en}, t.{sh.table_no})",
                "title_ru": f"{c.ru} ({sh.title_ru}, т.{sh.table_no})",
                "source_sheet": f"{sh.book}/sheet_{sh.sheet:02d}.csv",
                "table_no": sh.table_no,
                "notes": "; ".join(notes),
            })
            log.append(f"{c.code}: {len(cells)} units, {n_x} x, "
                       f"{sum(f == '-' for _, f in cells.values())} '-'")
    order = {c: i for i, c in enumerate(regions()["code"])}
    frames = {}
    for book, recs in long.items():
        df = pd.DataFrame(recs)
        ind_order = {c: i for i, c in enumerate(dict.fromkeys(df["indicator"]))}
        df = df.sort_values(["indicator", "region"],
                            key=lambda s: s.map(ind_order if s.name == "indicator" else order),
                            kind="stable").reset_index(drop=True)
        frames[book] = df
    return frames, pd.DataFrame(dic), log


def main() -> int:
    frames, dic, log = build()
    OUT.mkdir(parents=True, exist_ok=True)
    for book, df in frames.items():
        df.to_csv(OUT / FILES[book], index=False, encoding="utf-8", lineterminator="\n")
        print(f"data/official/{FILES[book]}: {len(df)} rows, {df['indicator'].nunique()} indicators")
    dic.to_csv(OUT / "bns_innovation_indicators.csv", index=False, encoding="utf-8", lineterminator="\n")
    print(f"data/official/bns_innovation_indicators.csv: {len(dic)} indicators")
    if "-v" in sys.argv:
        print("\n".join(log))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
