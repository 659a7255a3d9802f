"""淮安市人民政府 2024 (``shared/corpus/pdf_huaian_shi_2024.pdf``) as a person reads it in the PDF.

Written by hand from the PDF's pages 3 to 5 (the three tables) and its
prose; nothing here was produced by running a reader.  Every cell not listed
is 0 as printed.
"""

from __future__ import annotations

from decimal import Decimal

from expected_values import Expected


def _req(row: str, *values: int) -> dict[str, int | Decimal]:
    """A table-3 row as printed: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计."""
    columns = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")
    return {f"requests.{row}.{col}": v for col, v in zip(columns, values, strict=True) if v}


def _review(row: str, *values: int) -> dict[str, int | Decimal]:
    """A table-4 group as printed: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""
    columns = ("upheld", "corrected", "other", "pending", "total")
    return {f"review_litigation.{row}.{col}": v for col, v in zip(columns, values, strict=True) if v}


HUAIAN_2024 = Expected(
    document="corpus/pdf_huaian_shi_2024.pdf",
    edition="2021",
    year=2024,
    agency="淮安市人民政府",
    title="淮安市人民政府2024年政府信息公开工作年度报告",
    nonzero={
        "active_disclosure.regulations.issued": 1,
        "active_disclosure.regulations.in_force": 11,
        "active_disclosure.normative_documents.issued": 8,
        "active_disclosure.normative_documents.repealed": 26,
        "active_disclosure.normative_documents.in_force": 66,
        "active_disclosure.licensing.decisions": 447228,
        "active_disclosure.penalty.decisions": 3985758,
        "active_disclosure.coercion.decisions": 88283,
        "active_disclosure.fees.amount": Decimal("96171.6"),
        **_req("new_received", 3001, 53, 0, 0, 61, 4, 3119),
        **_req("carried_over", 34, 0, 0, 0, 0, 0, 34),
        **_req("granted", 1288, 21, 0, 0, 50, 3, 1362),
        **_req("partially_granted", 447, 7, 0, 0, 0, 0, 454),
        **_req("denied_state_secret", 2, 0, 0, 0, 0, 0, 2),
        **_req("denied_prohibited_by_law", 30, 1, 0, 0, 0, 0, 31),
        **_req("denied_security_stability", 5, 0, 0, 0, 0, 0, 5),
        **_req("denied_third_party", 6, 0, 0, 0, 0, 0, 6),
        **_req("denied_internal_affairs", 7, 1, 0, 0, 0, 0, 8),
        **_req("denied_process_info", 12, 0, 0, 0, 0, 0, 12),
        **_req("denied_enforcement_files", 9, 0, 0, 0, 0, 0, 9),
        **_req("denied_query_matters", 105, 0, 0, 0, 0, 0, 105),
        **_req("unable_not_held", 746, 12, 0, 0, 10, 1, 769),
        **_req("unable_needs_creation", 11, 0, 0, 0, 0, 0, 11),
        **_req("unable_unclear", 1, 0, 0, 0, 0, 0, 1),
        **_req("not_processed_petition", 56, 6, 0, 0, 0, 0, 62),
        **_req("not_processed_duplicate", 25, 0, 0, 0, 0, 0, 25),
        **_req("not_processed_confirmation", 1, 0, 0, 0, 0, 0, 1),
        **_req("other_no_correction", 67, 3, 0, 0, 1, 0, 71),
        **_req("other_fee_unpaid", 6, 0, 0, 0, 0, 0, 6),
        **_req("other_misc", 108, 2, 0, 0, 0, 0, 110),
        **_req("total_processed", 2932, 53, 0, 0, 61, 4, 3050),
        **_req("carried_forward", 103, 0, 0, 0, 0, 0, 103),
        **_review("review", 72, 64, 178, 37, 351),
        **_review("litigation_direct", 13, 4, 8, 1, 26),
        **_review("litigation_after_review", 12, 1, 1, 6, 20),
    },
    prose={
        "overview": "2024年，全市共受理政府信息公开申请3119件，答复3050件",
        "problems": "一是政策解读质量仍需提升",
        "other_matters": "全年收取政府信息公开信息处理费3940元",
    },
)
