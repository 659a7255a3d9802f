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
        want = expected.nonzero.get(key, 0)
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
