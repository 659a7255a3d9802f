"""The digit splitter: hand-written fused rows, each split worked out by hand from the table's arithmetic."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govinfo_report.document import GridCell, Location
from govinfo_report.findings import CellRef, Severity
from govinfo_report.layout import REQUEST_COLUMNS, REVIEW_COLUMNS, Edition, ValueKind
from govinfo_report.model import Cell, Missing
from govinfo_report.unfuse import ALL_ROWS, split_cell, split_table

REQ = [c.code for c in REQUEST_COLUMNS]
REV = [c.code for c in REVIEW_COLUMNS]


def fused(text: str, offset: int = 100) -> GridCell:
    return GridCell(text, Location("crawl.txt", 10, offset=offset), fused=True)


def row_values(cells: dict[tuple[str, str], Cell], row: str, columns: list[str]) -> list[object]:
    """A row's values, a missing cell as its reason."""
    return [cells[row, c].value if cells[row, c].value is not None else cells[row, c].missing for c in columns]


# --- one row, one answer ---------------------------------------------------------------------


def test_corpus_readme_example_splits_uniquely() -> None:
    # The corpus README: 一、本年新收政府信息公开申请数量801000081 is 80,1,0,0,0,0,81.
    cells, findings = split_table("requests", Edition.E2019, [("new_received", fused("801000081"))])
    assert row_values(cells, "new_received", REQ) == [80, 1, 0, 0, 0, 0, 81]
    assert findings == []


def test_each_cell_keeps_its_own_text_and_offset() -> None:
    cells, _ = split_table("requests", Edition.E2019, [("new_received", fused("801000081", offset=40))])
    assert cells["new_received", "natural_person"].text == "80"
    assert cells["new_received", "natural_person"].location == Location("crawl.txt", 10, offset=40)
    assert cells["new_received", "commercial"].location == Location("crawl.txt", 10, offset=42)
    assert cells["new_received", "total"].text == "81"
    assert cells["new_received", "total"].location == Location("crawl.txt", 10, offset=47)


def test_spaces_always_separate_cells() -> None:
    # 平潭 2020: '200 000121' is 20,0 | 0,0,0,1,21; as '200000121' it would also allow 2,0,0,0,0,0,... (no).
    cells, findings = split_table("requests", Edition.E2019, [("new_received", fused("200 000121"))])
    assert row_values(cells, "new_received", REQ) == [20, 0, 0, 0, 0, 1, 21]
    assert findings == []


def test_row_total_picks_the_split() -> None:
    # 平潭 2022: 713000074 — 7,13,… would give 7+13 = 20 ≠ 74; only 71,3,…,74 adds up.
    cells, _ = split_table("requests", Edition.E2021, [("new_received", fused("713000074"))])
    assert row_values(cells, "new_received", REQ) == [71, 3, 0, 0, 0, 0, 74]


def test_no_leading_zeros_and_sign_only_on_change() -> None:
    # 行政事业性收费35-15: 上一年项目数量 35, 本年增/减 -15 (the sign starts the change cell).
    cells, findings = split_table("active_disclosure", Edition.E2019, [("fees", fused("35-15"))])
    assert row_values(cells, "fees", ["prev_items", "change"]) == [35, -15]
    assert findings == []
    # A sign may not start a count: '3-5' cannot be regulations' made/published/total_public.
    assert split_cell("3-5 1", [ValueKind.COUNT] * 3) == []
    # '05' is not a number of its own: '1050' into two counts is only 10,50 or 105,0.
    splits = split_cell("1050", [ValueKind.COUNT] * 2)
    assert splits is not None
    assert sorted(tuple(p.value for p in s) for s in splits) == [(10, 50), (105, 0)]


def test_amounts_keep_decimals_and_convert_yuan() -> None:
    cells, findings = split_table("active_disclosure", Edition.E2019, [("procurement", fused("261 62299500元"))])
    assert cells["procurement", "projects"].value == 261
    assert cells["procurement", "amount"].value == Decimal("6229.95")  # 62299500元 = 6229.95万元
    assert findings == []
    cells, _ = split_table("active_disclosure", Edition.E2021, [("fees", fused("9116.36"))])
    assert cells["fees", "amount"].value == Decimal("9116.36")


def test_not_applicable_mark_is_a_cell_of_its_own() -> None:
    cells, findings = split_table("requests", Edition.E2019, [("granted", fused("1 / 0 0 0 0 1"))])
    assert row_values(cells, "granted", REQ) == [1, Missing.NOT_APPLICABLE, 0, 0, 0, 0, 1]
    assert findings == []


# --- table 4 -------------------------------------------------------------------------------


def test_table4_one_line_of_fifteen() -> None:
    # 平潭 2020 prints table 4 as one unlabelled run of fifteen zeros.
    for code in (ALL_ROWS, "review"):
        cells, findings = split_table("review_litigation", Edition.E2019, [(code, fused("0" * 15))])
        assert len(cells) == 15
        assert all(c.value == 0 for c in cells.values())
        assert findings == []


def test_table4_group_totals_split_each_group() -> None:
    # 72 64 178 37 351 | 13 4 8 1 26 | 12 1 1 6 20 (淮安 2024) with the digits run together per group.
    rows = [
        ("review", fused("726417837351")),
        ("litigation_direct", fused("13481 26")),
        ("litigation_after_review", fused("12 1 1 620")),
    ]
    cells, findings = split_table("review_litigation", Edition.E2021, rows)
    assert row_values(cells, "review", REV) == [72, 64, 178, 37, 351]
    assert row_values(cells, "litigation_direct", REV) == [13, 4, 8, 1, 26]
    assert row_values(cells, "litigation_after_review", REV) == [12, 1, 1, 6, 20]
    assert findings == []


def test_table4_group_with_several_sums_is_ambiguous() -> None:
    # '1211620' adds up three ways: 12,1,1,6,20 / 1,2,11,6,20 / 1,2,1,16,20 — only 总计 20 is certain.
    cells, findings = split_table("review_litigation", Edition.E2021, [("litigation_after_review", fused("1211620"))])
    assert row_values(cells, "litigation_after_review", REV) == [Missing.UNREADABLE] * 4 + [20]
    (finding,) = findings
    assert finding.rule == "reader.ambiguous_split"
    assert "splits in 3 ways" in finding.message


# --- several rows: column relations decide ---------------------------------------------------------


def test_column_balance_resolves_a_row_its_total_cannot() -> None:
    # '101000011' adds up both as 1,0,10,0,0,0,11 and as 10,1,0,0,0,0,11.  The balance
    # new_received + carried_over = total_processed + carried_forward (10,1,… processed) decides.
    alone, findings = split_table("requests", Edition.E2019, [("new_received", fused("101000011"))])
    assert alone["new_received", "natural_person"].missing is Missing.UNREADABLE
    assert alone["new_received", "total"].value == 11  # both splits agree on it
    rows = [
        ("new_received", fused("101000011")),
        ("carried_over", fused("0000000")),
        ("total_processed", fused("10 1 0 0 0 0 11")),
        ("carried_forward", fused("0000000")),
    ]
    cells, findings = split_table("requests", Edition.E2019, rows)
    assert row_values(cells, "new_received", REQ) == [10, 1, 0, 0, 0, 0, 11]
    assert findings == []


# --- ambiguous: never guess ------------------------------------------------------------------


def test_ambiguous_row_is_left_unreadable_with_candidates() -> None:
    # 平潭 2020 规范性文件7777166: made/published/total_public have no arithmetic (77,77,166? 7,777,166? …).
    cells, findings = split_table("active_disclosure", Edition.E2019, [("normative_documents", fused("7777166"))])
    for col in ("made", "published", "total_public"):
        assert cells["normative_documents", col].missing is Missing.UNREADABLE
        assert cells["normative_documents", col].text == "7777166"
    (finding,) = findings
    assert finding.rule == "reader.ambiguous_split"
    assert finding.severity is Severity.WARNING
    assert "77,77,166" in finding.message and "7,777,166" in finding.message
    assert finding.cells == tuple(
        CellRef("active_disclosure", "normative_documents", c) for c in ("made", "published", "total_public")
    )


def test_ambiguous_row_keeps_the_cells_every_candidate_agrees_on() -> None:
    # 行政处罚2648-18538: the sign starts 本年增/减, so 上一年项目数量 is 2648 in every split;
    # -18/538, -1/8538, -185/38, -1853/8 remain.
    cells, findings = split_table("active_disclosure", Edition.E2019, [("penalty", fused("2648-18538"))])
    assert cells["penalty", "prev_items"].value == 2648
    assert cells["penalty", "change"].missing is Missing.UNREADABLE
    assert cells["penalty", "decisions"].missing is Missing.UNREADABLE
    (finding,) = findings
    assert finding.rule == "reader.ambiguous_split"
    assert finding.cells == (
        CellRef("active_disclosure", "penalty", "change"),
        CellRef("active_disclosure", "penalty", "decisions"),
    )
    assert "2648,-18,538" in finding.message


# --- inconsistent: the report itself is wrong ----------------------------------------------------------

#: 平潭 2020's table 3 as the crawler flattened it (every row read from the document by hand).
PINGTAN_2020 = [
    ("new_received", "200 000121"),
    ("carried_over", "0000000"),
    ("granted", "6000017"),
    ("partially_granted", "6000006"),
    ("denied_state_secret", "0000000"),
    ("denied_prohibited_by_law", "0000000"),
    ("denied_security_stability", "0000000"),
    ("denied_third_party", "0000000"),
    ("denied_internal_affairs", "0000000"),
    ("denied_process_info", "0000000"),
    ("denied_enforcement_files", "0000000"),
    ("denied_query_matters", "0000000"),
    ("unable_not_held", "4000004"),
    ("unable_needs_creation", "0000000"),
    ("unable_unclear", "3000003"),
    ("not_processed_petition", "0000000"),
    ("not_processed_duplicate", "3000003"),
    ("not_processed_publication", "0000000"),
    ("not_processed_repetitive", "0000000"),
    ("not_processed_confirmation", "0000000"),
    ("other_handling", "4 0 0 0 0 0 4"),
    ("total_processed", "20 0 00 0 121"),
    ("carried_forward", "0 0 00 00 0"),
]


def test_inconsistent_report_gets_the_best_split_and_a_finding() -> None:
    # The outcome rows add up to 26 (自然人) and 27 (总计), but （七）总计 says 20 and 21.
    cells, findings = split_table("requests", Edition.E2019, [(r, fused(t)) for r, t in PINGTAN_2020])
    assert row_values(cells, "total_processed", REQ) == [20, 0, 0, 0, 0, 1, 21]
    assert row_values(cells, "new_received", REQ) == [20, 0, 0, 0, 0, 1, 21]
    (finding,) = findings
    assert finding.rule == "reader.inconsistent_split"
    assert finding.severity is Severity.WARNING
    assert "requests.outcome_sum natural_person (20 ≠ 26)" in finding.message
    assert "requests.outcome_sum total (21 ≠ 27)" in finding.message
    assert CellRef("requests", "total_processed", "natural_person") in finding.cells


def test_inconsistent_split_chooses_fewest_violations() -> None:
    # '1010000101' holds no split whose total is the sum (1,0,10,0,0,0,101? 1+10 ≠ 101); of all its splits,
    # the balance with total_processed 1,0,10,0,0,0,101 (as printed) picks 1,0,10,0,0,0,101: one violation
    # (the row total) instead of more.
    rows = [
        ("new_received", fused("1010000101")),
        ("carried_over", fused("0 0 0 0 0 0 0")),
        ("total_processed", fused("1 0 10 0 0 0 101")),
        ("carried_forward", fused("0 0 0 0 0 0 0")),
    ]
    cells, findings = split_table("requests", Edition.E2019, rows)
    assert row_values(cells, "new_received", REQ) == [1, 0, 10, 0, 0, 0, 101]
    (finding,) = findings
    assert finding.rule == "reader.inconsistent_split"
    assert "requests.row_total new_received" in finding.message


def test_text_too_short_for_the_row_is_unreadable() -> None:
    cells, findings = split_table("requests", Edition.E2019, [("granted", fused("0000"))])
    assert all(cells["granted", c].missing is Missing.UNREADABLE for c in REQ)
    (finding,) = findings
    assert finding.rule == "reader.inconsistent_split"
    assert "does not hold 7 numbers" in finding.message


@pytest.mark.parametrize("text", ["1" * 60, "9" * 400, "1 " * 200])
def test_hostile_text_is_refused_not_searched(text: str) -> None:
    cells, findings = split_table("requests", Edition.E2021, [("granted", fused(text))])
    assert all(cells["granted", c].missing is Missing.UNREADABLE for c in REQ)
    assert findings and findings[0].cells[0] == CellRef("requests", "granted", "natural_person")


def test_rows_read_cell_by_cell_constrain_but_are_not_returned() -> None:
    # As in 平潭 2020, （六）其他处理 '4 0 0 0 0 0 4' is printed with spaces: the caller reads it itself and
    # passes it unfused, so the outcome sum (20 ≠ 26) is still checked.
    rows = [(r, GridCell(t) if r == "other_handling" else fused(t)) for r, t in PINGTAN_2020]
    cells, findings = split_table("requests", Edition.E2019, rows)
    assert not any(r == "other_handling" for r, _c in cells)
    assert row_values(cells, "total_processed", REQ) == [20, 0, 0, 0, 0, 1, 21]
    (finding,) = findings
    assert "requests.outcome_sum natural_person (20 ≠ 26)" in finding.message


def test_unfused_row_with_a_blank_cell_is_ignored() -> None:
    # '10 1 0 0 0 11' (a blank cell dropped when joining) cannot be placed by column: it constrains nothing.
    rows = [
        ("new_received", fused("101000011")),
        ("carried_over", fused("0000000")),
        ("total_processed", GridCell("10 1 0 0 0 11")),
        ("carried_forward", fused("0000000")),
    ]
    cells, findings = split_table("requests", Edition.E2019, rows)
    assert cells["new_received", "natural_person"].missing is Missing.UNREADABLE
    assert [f.rule for f in findings] == ["reader.ambiguous_split"]
