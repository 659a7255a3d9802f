"""Table 3 rules: requests.balance, requests.outcome_sum, requests.row_total.

Passing cases are seeds 002 (edition 2019) and 003 (edition 2021) as a
person read them; failing cases change one cell of them by hand.
"""

from __future__ import annotations

import attrs

import govinfo_report as gr
from govinfo_report import CellRef, Missing, Table
from govinfo_report.layout import Edition
from rules_support import codes, seed_report, single_other_handling, with_cell

ARITHMETIC = ["requests.balance", "requests.outcome_sum", "requests.row_total"]


def test_seed_002_and_003_hold_every_table_3_relation() -> None:
    assert gr.validate(seed_report("002"), ARITHMETIC) == []
    assert gr.validate(seed_report("003"), ARITHMETIC) == []


def test_balance_fails_when_carried_forward_is_off() -> None:
    # 002: 90 + 0 = 89 + 1 in the 自然人 column; a carried_forward of 2 breaks it.
    report = with_cell(seed_report("002"), "requests.carried_forward.natural_person", 2)
    found = gr.validate(report, ["requests.balance"])
    assert len(found) == 1
    f = found[0]
    assert (f.rule, f.severity) == ("requests.balance", gr.Severity.ERROR)
    assert [str(c) for c in f.cells] == [
        "requests.new_received.natural_person",
        "requests.carried_over.natural_person",
        "requests.total_processed.natural_person",
        "requests.carried_forward.natural_person",
    ]
    assert f.values == (90, 0, 89, 2)
    assert f.expected == 91  # new_received would have to be 89 + 2 - 0
    assert "column natural_person" in f.message and "91" in f.message and "90" in f.message
    assert "自然人列" in f.message_zh
    assert f.locations[0] is not None and f.locations[0].source == "seeds/002_69b0cb0c6d86b3bd.txt"
    assert f.source == "seeds/002_69b0cb0c6d86b3bd.txt"


def test_balance_checks_the_total_column_too() -> None:
    report = with_cell(seed_report("002"), "requests.new_received.total", 93)
    found = gr.validate(report, ["requests.balance"])
    assert [str(f.cells[0]) for f in found] == ["requests.new_received.total"]
    assert found[0].values == (93, 0, 90, 2)


def test_outcome_sum_fails_when_one_outcome_row_is_off() -> None:
    # 002's outcome rows of 自然人 add up to 89 = （七）总计; 21 for 予以公开 makes 90.
    report = with_cell(seed_report("002"), "requests.granted.natural_person", 21)
    found = gr.validate(report, ["requests.outcome_sum"])
    assert codes(found) == ["requests.outcome_sum"]
    f = found[0]
    assert f.cells[0] == CellRef("requests", "total_processed", "natural_person")
    assert CellRef("requests", "granted", "natural_person") in f.cells
    assert f.values[0] == 89 and f.expected == 90


def test_outcome_sum_2021_uses_the_three_subrows_of_other_handling() -> None:
    # 003 (edition 2021) has its one 其他处理 case in 3.其他; total_processed.natural_person is 3.
    report = with_cell(seed_report("003"), "requests.other_misc.natural_person", 0)
    found = gr.validate(report, ["requests.outcome_sum"])
    assert len(found) == 1 and found[0].expected == 2
    assert CellRef("requests", "other_misc", "natural_person") in found[0].cells
    assert CellRef("requests", "other_handling", "natural_person") not in found[0].cells


def test_outcome_sum_2021_with_other_handling_printed_as_one_row() -> None:
    # A 2021 report printing （六）其他处理 as one row: that row stands in for the sub-rows.
    report = single_other_handling(seed_report("003"))  # its （六）3.其他 has 1 (自然人) and 1 (总计)
    assert report.requests is not None
    assert report.requests["other_misc", "total"].missing is Missing.ABSENT
    assert report.requests.value("other_handling", "natural_person") == 1
    assert gr.validate(report, ARITHMETIC) == []
    broken = with_cell(report, "requests.other_handling.natural_person", 2)
    found = gr.validate(broken, ["requests.outcome_sum"])
    assert len(found) == 1 and CellRef("requests", "other_handling", "natural_person") in found[0].cells


def test_outcome_sum_2021_other_handling_must_equal_its_subrows_when_both_printed() -> None:
    seed = seed_report("003")
    assert seed.requests is not None
    cells = dict(seed.requests.cells)
    for c in ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"):
        cells["other_handling", c] = gr.Cell(1 if c in ("natural_person", "total") else 0)
    report = attrs.evolve(seed, requests=Table.build("requests", Edition.E2021, cells))
    assert gr.validate(report, ["requests.outcome_sum"]) == []
    broken = with_cell(report, "requests.other_handling.total", 2)
    found = gr.validate(broken, ["requests.outcome_sum"])
    assert len(found) == 1 and "（六）其他处理" in found[0].message


def test_row_total_fails_when_a_row_total_is_off() -> None:
    # 002: 部分公开 is 27 + 1 = 28.
    report = with_cell(seed_report("002"), "requests.partially_granted.total", 27)
    found = gr.validate(report, ["requests.row_total"])
    assert len(found) == 1
    f = found[0]
    assert f.cells[0] == CellRef("requests", "partially_granted", "total")
    assert f.values == (27, 27, 1, 0, 0, 0, 0) and f.expected == 28
    assert "row partially_granted" in f.message


def test_a_relation_with_a_missing_cell_is_skipped_unless_missing_counts_as_zero() -> None:
    # 004 leaves 1.属于国家秘密/总计 blank: the row's total is not checked, and the blank has its own finding.
    report = seed_report("004")
    assert gr.validate(report, ARITHMETIC) == []
    assert codes(gr.validate(report, ["cells.missing"])) == ["cells.missing"]
    # Counting the blank as 0 the row holds (all its cells are 0).
    assert gr.validate(report, ARITHMETIC, missing_as_zero=True) == []
    # With a wrong neighbour the zeroed relation fails and says it counted the blank as 0.
    broken = with_cell(report, "requests.denied_state_secret.natural_person", 1)
    assert gr.validate(broken, ["requests.row_total"]) == []
    found = gr.validate(broken, ["requests.row_total"], missing_as_zero=True)
    assert len(found) == 1 and found[0].missing_as_zero
    assert "counted as 0: requests.denied_state_secret.total" in found[0].message
    assert found[0].values[0] is None


def test_no_table_3_no_findings() -> None:
    report = attrs.evolve(seed_report("002"), requests=None)
    assert gr.validate(report, ARITHMETIC) == []


def test_a_table_made_without_build_is_checked_as_far_as_it_goes() -> None:
    # Table(...) directly, with only row 一 given: nothing crashes, the rest counts as absent.
    cells = {("new_received", c): gr.Cell(v) for c, v in (("natural_person", 90), ("commercial", 2), ("total", 93))}
    for c in ("research", "social_welfare", "legal_service", "other_org"):
        cells["new_received", c] = gr.Cell(0)
    report = attrs.evolve(seed_report("002"), requests=Table("requests", Edition.E2019, cells))
    found = gr.validate(report, [*ARITHMETIC, "cells.missing"])
    assert [f.rule for f in found if f.severity is gr.Severity.ERROR] == ["requests.row_total"]
    assert found[0].values == (93, 90, 2, 0, 0, 0, 0)
    absent = {str(c) for f in found if f.rule == "cells.missing" for c in f.cells}
    assert "requests.total_processed.total" in absent and len(absent) == 22 * 7
