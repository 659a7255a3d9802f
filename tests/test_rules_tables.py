"""review_litigation.group_total, cells.negative, cells.missing, active_disclosure.published_le_total,
template.edition_year — each passed by a seed as read by a person and failed by a hand-made change."""

from __future__ import annotations

import attrs

import govinfo_report as gr
from govinfo_report import CellRef, Missing, Severity
from rules_support import codes, seed_report, single_other_handling, with_cell

# --- review_litigation.group_total --------------------------------------------------------------


def test_group_total_holds_in_seeds_002_and_004() -> None:
    assert gr.validate(seed_report("002"), ["review_litigation.group_total"]) == []
    assert gr.validate(seed_report("004"), ["review_litigation.group_total"]) == []


def test_group_total_fails_per_group() -> None:
    # 004: 复议后起诉 is 结果纠正 1, 总计 1; written 0 it no longer adds up.
    report = with_cell(seed_report("004"), "review_litigation.litigation_after_review.total", 0)
    found = gr.validate(report, ["review_litigation.group_total"])
    assert len(found) == 1
    f = found[0]
    assert f.severity is Severity.ERROR
    assert f.cells == tuple(
        CellRef("review_litigation", "litigation_after_review", c)
        for c in ("total", "upheld", "corrected", "other", "pending")
    )
    assert f.values == (0, 0, 1, 0, 0) and f.expected == 1
    assert "行政诉讼·复议后起诉" in f.message_zh
    # 总计 → 1 or 结果纠正 → 0 would both do (the others cannot go below 0): no suggestion.
    assert f.suggestion is None


# --- cells.negative ------------------------------------------------------------------------------


def test_negative_change_is_allowed_a_negative_count_is_not() -> None:
    # 004 really prints 本年增/减 -415 for 其他对外管理服务事项: that is allowed.
    assert gr.validate(seed_report("004"), ["cells.negative"]) == []
    report = with_cell(seed_report("004"), "requests.granted.natural_person", -14)
    found = gr.validate(report, ["cells.negative"])
    assert codes(found) == ["cells.negative"]
    assert found[0].cells == (CellRef("requests", "granted", "natural_person"),)
    assert found[0].values == (-14,)
    assert found[0].severity is Severity.ERROR
    assert "（一）予以公开/自然人" in found[0].message_zh


def test_negative_amount_is_an_error() -> None:
    from decimal import Decimal

    report = with_cell(seed_report("002"), "active_disclosure.procurement.amount", Decimal("-6229.95"))
    found = gr.validate(report, ["cells.negative"])
    assert [str(c) for f in found for c in f.cells] == ["active_disclosure.procurement.amount"]


# --- cells.missing -------------------------------------------------------------------------------


def test_missing_cells_of_seed_001_are_reported_per_row() -> None:
    # 001 leaves 12 cells blank in three rows of table 3.
    found = gr.validate(seed_report("001"), ["cells.missing"])
    assert all(f.severity is Severity.WARNING for f in found)
    assert {f.cells[0].row: len(f.cells) for f in found} == {
        "denied_enforcement_files": 2,
        "total_processed": 4,
        "carried_forward": 6,
    }
    assert all("blank" in f.message and "空白" in f.message_zh for f in found)


def test_no_missing_cells_no_finding() -> None:
    assert gr.validate(seed_report("002"), ["cells.missing"]) == []


def test_not_applicable_and_absent_tables_are_named() -> None:
    report = with_cell(seed_report("002"), "active_disclosure.fees.change", Missing.NOT_APPLICABLE)
    report = attrs.evolve(report, review_litigation=None)
    found = gr.validate(report, ["cells.missing"])
    messages = sorted(f.message for f in found)
    assert any("active_disclosure.fees: 1 cell(s) marked not applicable: change" in m for m in messages)
    assert any("table review_litigation" in m and "absent" in m for m in messages)


def test_2021_single_other_handling_row_is_info_not_warning() -> None:
    report = single_other_handling(seed_report("003"))
    found = gr.validate(report, ["cells.missing"])
    assert len(found) == 3 and all(f.severity is Severity.INFO for f in found)


# --- active_disclosure.published_le_total -------------------------------------------------------


def test_published_le_total_public() -> None:
    # 002: 规范性文件 2 newly published of 18 public.
    assert gr.validate(seed_report("002"), ["active_disclosure.published_le_total"]) == []
    report = with_cell(seed_report("002"), "active_disclosure.normative_documents.published", 19)
    found = gr.validate(report, ["active_disclosure.published_le_total"])
    assert len(found) == 1
    f = found[0]
    assert f.severity is Severity.WARNING
    assert f.values == (19, 18) and f.expected == 18
    assert "exceeds" in f.message and "超过" in f.message_zh
    # Edition 2021 has no such columns: nothing to check.
    assert gr.validate(seed_report("003"), ["active_disclosure.published_le_total"]) == []


# --- template.edition_year -----------------------------------------------------------------------


def test_edition_year() -> None:
    assert gr.validate(seed_report("002"), ["template.edition_year"]) == []  # 2020, edition 2019
    assert gr.validate(seed_report("003"), ["template.edition_year"]) == []  # 2021, edition 2021
    found = gr.validate(seed_report("002", year=2021), ["template.edition_year"])
    assert codes(found) == ["template.edition_year"] and found[0].severity is Severity.WARNING
    assert "2021" in found[0].message and "2019" in found[0].message
    assert codes(gr.validate(seed_report("003", year=2020), ["template.edition_year"])) == ["template.edition_year"]
    assert gr.validate(attrs.evolve(seed_report("002"), year=None), ["template.edition_year"]) == []
