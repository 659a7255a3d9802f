"""What a person reads in the real documents, written by hand from the documents.

Each entry lists the report's identity, every non-zero cell and every cell
with no value (blank or not-applicable) by its stable code
(``table.row.column``).  Every other cell of the edition's layout is 0.
Sources: ``shared/seeds/*.txt`` (the docx and html copies in
``shared/corpus`` hold the same values) and the corpus text files named in
each entry.  Nothing here was produced by running the library.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from govinfo_report import AnnualReport
from govinfo_report.layout import ValueKind

ALL_TABLES = frozenset({"active_disclosure", "requests", "review_litigation"})


@dataclass(frozen=True)
class Expected:
    """One document's values as a person reads them."""

    document: str
    edition: str
    year: int
    agency: str
    title: str
    nonzero: Mapping[str, int | Decimal]
    missing: frozenset[str] = frozenset()
    tables: frozenset[str] = ALL_TABLES
    #: Fragments each prose section must contain (section code → text).
    prose: Mapping[str, str] = field(default_factory=dict)


def _row(table: str, row: str, values: Mapping[str, int]) -> dict[str, int | Decimal]:
    return {f"{table}.{row}.{col}": v for col, v in values.items()}


def _req(
    row: str, natural: int, commercial: int = 0, total: int | None = None, **others: int
) -> dict[str, int | Decimal]:
    """A table-3 row's non-zero cells (the others are zero)."""
    values = {"natural_person": natural, "commercial": commercial, **others}
    values["total"] = total if total is not None else sum(values.values())
    return {f"requests.{row}.{col}": v for col, v in values.items() if v}


EXPECTED: dict[str, Expected] = {}

# 000: 山亭区人民政府办公室, 2020 — every count 0 (written ０) except 规范性文件 4/4/4.
EXPECTED["000"] = Expected(
    document="seeds/000_0ab9a71a63e4f480.txt",
    edition="2019",
    year=2020,
    agency="山亭区人民政府办公室",
    title="山亭区人民政府办公室2020年政府信息公开工作年度报告",
    nonzero=_row("active_disclosure", "normative_documents", {"made": 4, "published": 4, "total_public": 4}),
    prose={
        "overview": "全区政务公开制度化、标准化、信息化水平明显提升",
        "problems": "主动公开的便民性和多样性还有待进一步加强",
        "other_matters": "无",
    },
)

# 001: 道外区机关服务中心, 2020 — all zero; some cells left blank in the document.
EXPECTED["001"] = Expected(
    document="seeds/001_d67fec3efbc2aac7.txt",
    edition="2019",
    year=2020,
    agency="道外区机关服务中心",
    title="道外区机关服务中心2020年政府信息公开工作年度报告",
    nonzero={},
    missing=frozenset(
        {
            "requests.denied_enforcement_files.natural_person",
            "requests.denied_enforcement_files.commercial",
            "requests.total_processed.research",
            "requests.total_processed.social_welfare",
            "requests.total_processed.legal_service",
            "requests.total_processed.other_org",
            "requests.carried_forward.natural_person",
            "requests.carried_forward.commercial",
            "requests.carried_forward.research",
            "requests.carried_forward.social_welfare",
            "requests.carried_forward.legal_service",
            "requests.carried_forward.other_org",
        }
    ),
    prose={
        "overview": "不断完善政务公开相关制度",
        "problems": "我单位认真开展和推进政务公开工作",
    },
)

# 002: 济宁市兖州区, 2020.
EXPECTED["002"] = Expected(
    document="seeds/002_69b0cb0c6d86b3bd.txt",
    edition="2019",
    year=2020,
    agency="济宁市兖州区",
    title="济宁市兖州区2020年政府信息公开工作年度报告",
    nonzero={
        **_row("active_disclosure", "normative_documents", {"made": 2, "published": 2, "total_public": 18}),
        **_row("active_disclosure", "licensing", {"prev_items": 236, "change": 346, "decisions": 28637}),
        **_row("active_disclosure", "other_services", {"prev_items": 580, "change": 27067, "decisions": 46305}),
        **_row("active_disclosure", "penalty", {"prev_items": 3015, "change": 975, "decisions": 202340}),
        **_row("active_disclosure", "coercion", {"prev_items": 155, "change": -2, "decisions": 768}),
        **_row("active_disclosure", "fees", {"prev_items": 24}),
        "active_disclosure.procurement.projects": 261,
        "active_disclosure.procurement.amount": Decimal("6229.95"),
        **_req("new_received", 90, 2),
        **_req("granted", 20),
        **_req("partially_granted", 27, 1),
        **_req("denied_third_party", 7),
        **_req("denied_process_info", 1),
        **_req("unable_not_held", 27),
        **_req("unable_needs_creation", 1),
        **_req("unable_unclear", 1),
        **_req("not_processed_duplicate", 1),
        **_req("other_handling", 4),
        **_req("total_processed", 89, 1),
        **_req("carried_forward", 1, 1),
        **_row("review_litigation", "review", {"upheld": 1, "corrected": 1, "total": 2}),
        **_row("review_litigation", "litigation_direct", {"upheld": 1, "total": 1}),
        **_row("review_litigation", "litigation_after_review", {"other": 1, "total": 1}),
    },
    prose={"problems": "重视程度不够，工作衔接不顺"},
)

# 003: 平阴县人民政府办公室, 2021 (edition 2021; web page text with pipes).
EXPECTED["003"] = Expected(
    document="seeds/003_c04978ea7ee6ff4b.txt",
    edition="2021",
    year=2021,
    agency="平阴县人民政府办公室",
    title="平阴县人民政府办公室2021年政府信息公开工作年度报告",
    nonzero={
        **_row("active_disclosure", "normative_documents", {"issued": 7, "repealed": 23, "in_force": 26}),
        **_req("new_received", 3),
        **_req("partially_granted", 1),
        **_req("unable_not_held", 1),
        **_req("other_misc", 1),
        **_req("total_processed", 3),
    },
    prose={
        "overview": "始终坚持“以公开为常态,不公开为例外”的原则",
        "problems": "部分科室在公开信息方面存在内容不规范",
        "other_matters": "2021年未收取政府信息公开信息处理费",
    },
)

# 004: 尧都区人民政府, 2020 — 采购总金额 printed with its unit (6314.18万元);
# table 3's 1.属于国家秘密/总计 is blank in the document.
EXPECTED["004"] = Expected(
    document="seeds/004_ee4e1e8ab542a5d9.txt",
    edition="2019",
    year=2020,
    agency="尧都区人民政府",
    title="尧都区人民政府2020年政府信息公开工作年报",
    nonzero={
        **_row("active_disclosure", "normative_documents", {"made": 1, "published": 1, "total_public": 4}),
        **_row("active_disclosure", "licensing", {"prev_items": 153, "change": 32, "decisions": 59271}),
        **_row("active_disclosure", "other_services", {"prev_items": 587, "change": -415, "decisions": 4789}),
        **_row("active_disclosure", "fees", {"prev_items": 10}),
        "active_disclosure.procurement.projects": 823,
        "active_disclosure.procurement.amount": Decimal("6314.18"),
        **_req("new_received", 15, 3),
        **_req("carried_over", 1),
        **_req("granted", 14, 3),
        **_req("total_processed", 14, 3),
        **_req("carried_forward", 2),
        **_row("review_litigation", "review", {"corrected": 1, "total": 1}),
        **_row("review_litigation", "litigation_direct", {"other": 1, "total": 1}),
        **_row("review_litigation", "litigation_after_review", {"corrected": 1, "total": 1}),
    },
    missing=frozenset({"requests.denied_state_secret.total"}),
    prose={"other_matters": "无"},
)

# pdftotext_huaian_shi_2024: 淮安市人民政府, 2024, as `pdftotext -layout` extracts the PDF. Every value
# checked against the PDF (corpus/pdf_huaian_shi_2024.pdf) table by table; 行政许可 447228 is one number.
EXPECTED["pdftotext_huaian_shi_2024"] = Expected(
    document="corpus/text/pdftotext_huaian_shi_2024.txt",
    edition="2021",
    year=2024,
    agency="淮安市人民政府",
    title="淮安市人民政府2024年政府信息公开工作年度报告",
    nonzero={
        **_row("active_disclosure", "regulations", {"issued": 1, "in_force": 11}),
        **_row("active_disclosure", "normative_documents", {"issued": 8, "repealed": 26, "in_force": 66}),
        "active_disclosure.licensing.decisions": 447228,
        "active_disclosure.penalty.decisions": 3985758,
        "active_disclosure.coercion.decisions": 88283,
        "active_disclosure.fees.amount": Decimal("96171.6"),
        **_req("new_received", 3001, 53, legal_service=61, other_org=4),
        **_req("carried_over", 34),
        **_req("granted", 1288, 21, legal_service=50, other_org=3),
        **_req("partially_granted", 447, 7),
        **_req("denied_state_secret", 2),
        **_req("denied_prohibited_by_law", 30, 1),
        **_req("denied_security_stability", 5),
        **_req("denied_third_party", 6),
        **_req("denied_internal_affairs", 7, 1),
        **_req("denied_process_info", 12),
        **_req("denied_enforcement_files", 9),
        **_req("denied_query_matters", 105),
        **_req("unable_not_held", 746, 12, legal_service=10, other_org=1),
        **_req("unable_needs_creation", 11),
        **_req("unable_unclear", 1),
        **_req("not_processed_petition", 56, 6),
        **_req("not_processed_duplicate", 25),
        **_req("not_processed_confirmation", 1),
        **_req("other_no_correction", 67, 3, legal_service=1),
        **_req("other_fee_unpaid", 6),
        **_req("other_misc", 108, 2),
        **_req("total_processed", 2932, 53, legal_service=61, other_org=4),
        **_req("carried_forward", 103),
        **_row(
            "review_litigation", "review", {"upheld": 72, "corrected": 64, "other": 178, "pending": 37, "total": 351}
        ),
        **_row(
            "review_litigation",
            "litigation_direct",
            {"upheld": 13, "corrected": 4, "other": 8, "pending": 1, "total": 26},
        ),
        **_row(
            "review_litigation",
            "litigation_after_review",
            {"upheld": 12, "corrected": 1, "other": 1, "pending": 6, "total": 20},
        ),
    },
    prose={
        "overview": "严格落实《中华人民共和国政府信息公开条例》各项规定",
        "problems": "个别单位存在人员配备不足、兼职多、流动性过快的问题",
        "other_matters": "全年收取政府信息公开信息处理费",
    },
)

# flattened_pingtan_2020: 平潭综合实验区, 2020, crawler text with the digits of each table row run together.
# Table 3 and 4 split uniquely by their arithmetic (row totals, no leading zeros): 一、本年新收 '200 000121' is
# 20,0,0,0,0,1,21.  The document itself is inconsistent: (七)总计 20/21, but its outcome rows add up to 26/27.
# Table 2 has no arithmetic, so most of its rows cannot be read from the text: '7777166' (规范性文件) may be
# 77,77,166 or 7,777,166 or …; '396442278', '107105', '1262629', '39573802895.90元' likewise; of
# 行政处罚 '2648-18538' only 上一年项目数量 2648 is certain (the sign starts 本年增/减).  A person cannot
# read those cells either: they are listed as missing (unreadable).
EXPECTED["flattened_pingtan_2020"] = Expected(
    document="corpus/text/flattened_pingtan_2020.txt",
    edition="2019",
    year=2020,
    agency="平潭综合实验区",
    title="平潭综合实验区2020年政府信息公开工作年度报告",
    nonzero={
        "active_disclosure.regulations.total_public": 7,
        "active_disclosure.penalty.prev_items": 2648,
        **_row("active_disclosure", "fees", {"prev_items": 35, "change": -15}),
        **_req("new_received", 20, other_org=1),
        **_req("granted", 6, other_org=1),
        **_req("partially_granted", 6),
        **_req("unable_not_held", 4),
        **_req("unable_unclear", 3),
        **_req("not_processed_duplicate", 3),
        **_req("other_handling", 4),
        **_req("total_processed", 20, other_org=1),
    },
    missing=frozenset(
        {
            *(
                f"active_disclosure.{r}.{c}"
                for r in ("normative_documents",)
                for c in ("made", "published", "total_public")
            ),
            *(
                f"active_disclosure.{r}.{c}"
                for r in ("licensing", "other_services", "coercion")
                for c in ("prev_items", "change", "decisions")
            ),
            "active_disclosure.penalty.change",
            "active_disclosure.penalty.decisions",
            "active_disclosure.procurement.projects",
            "active_disclosure.procurement.amount",
        }
    ),
    prose={
        "overview": "全年我区政府信息公开单位共公布政府信息2602条",
        "problems": "基层政务公开标准化规范化水平有待进一步提升",
        "other_matters": "无其他需要报告的事项",
    },
)

# flattened_pingtan_2022: 平潭综合实验区, 2022, crawler text; the page text has no title line, the page's
# heading (kept in the crawler's 标题 line) is the title.  行政规范性文件 '8855698' has no arithmetic to split
# it: the prose says 制发88件 and 现行有效698件 (so 88/55/698), but the table alone cannot tell, so the three
# cells are missing (unreadable).  Table 4 is printed with spaces: 0 1 1 0 2 | 1 0 0 0 1 | 0 0 0 0 0.
EXPECTED["flattened_pingtan_2022"] = Expected(
    document="corpus/text/flattened_pingtan_2022.txt",
    edition="2021",
    year=2022,
    agency="平潭综合实验区",
    title="平潭综合实验区2022年度政府信息公开工作年度报告",
    nonzero={
        "active_disclosure.licensing.decisions": 10690,
        "active_disclosure.penalty.decisions": 2113,
        "active_disclosure.fees.amount": Decimal("9116.36"),
        **_req("new_received", 71, 3),
        **_req("carried_over", 1),
        **_req("granted", 21),
        **_req("partially_granted", 8, 1),
        **_req("denied_internal_affairs", 1),
        **_req("denied_process_info", 2),
        **_req("denied_enforcement_files", 1),
        **_req("unable_not_held", 37),
        **_req("other_no_correction", 2),
        **_req("other_misc", 0, 2),
        **_req("total_processed", 72, 3),
        **_row("review_litigation", "review", {"corrected": 1, "other": 1, "total": 2}),
        **_row("review_litigation", "litigation_direct", {"upheld": 1, "total": 1}),
    },
    missing=frozenset(f"active_disclosure.normative_documents.{c}" for c in ("issued", "repealed", "in_force")),
    prose={
        "overview": "平潭综合实验区切实落实国务院办公厅、省政府办公厅关于政务公开工作有关要求",
        "problems": "重大行政决策预公开程度需进一步加强",
        "other_matters": "无收取信息处理费情况",
    },
)


def assert_matches(report: AnnualReport, expected: Expected) -> None:
    """Fail with every difference between *report* and what a person reads in the document."""
    problems: list[str] = []
    for attr in ("year", "agency", "title"):
        if getattr(report, attr) != getattr(expected, attr):
            problems.append(f"{attr}: read {getattr(report, attr)!r}, document says {getattr(expected, attr)!r}")
    if report.edition.value != expected.edition:
        problems.append(f"edition: read {report.edition.value}, document is {expected.edition}")
    present = {t.code for t in report.tables()}
    if present != expected.tables:
        problems.append(f"tables: read {sorted(present)}, document has {sorted(expected.tables)}")
    seen: set[str] = set()
    for ref, cell in report.cells():
        key = str(ref)
        seen.add(key)
        if key in expected.missing:
            if cell.value is not None:
                problems.append(f"{key}: read {cell.value!r}, document leaves it blank")
            continue
        table = report.table(ref.table)
        assert table is not None
        kind = table.spec.row(ref.row).column(ref.column).kind
        # Amounts are decimals in 万元 even when zero; counts are integers.
        want = expected.nonzero.get(key, Decimal(0) if kind is ValueKind.AMOUNT else 0)
        if cell.value != want or not isinstance(cell.value, type(want)):
            problems.append(f"{key}: read {cell.value!r} ({cell.missing}), document says {want!r}")
    for key in (*expected.nonzero, *expected.missing):
        if key.split(".")[0] in present and key not in seen:
            problems.append(f"{key}: not in the report read")
    for section, fragment in expected.prose.items():
        text = getattr(report.sections, section)
        if fragment not in text:
            problems.append(f"sections.{section}: {fragment!r} not found in {text[:80]!r}…")
    assert not problems, f"{expected.document}:\n  " + "\n  ".join(problems)
