"""series.carry_over, series.in_force, series.items, series.gap over one agency's reports."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import govinfo_report as gr
from govinfo_report import AnnualReport, CellRef, Severity
from rules_support import codes, seed_report, with_cell

AGENCY = "尧都区人民政府"


def _2021_after_004(carried_over_natural: int = 2) -> AnnualReport:
    """A 2021 report of 尧都区 (seed 003's tables) opening with 004's 2 carried-forward requests."""
    report = attrs.evolve(seed_report("003"), agency=AGENCY, source="yaodu_2021.txt")
    report = with_cell(report, "requests.carried_over.natural_person", carried_over_natural)
    return with_cell(report, "requests.carried_over.total", carried_over_natural)


def test_carry_over_across_the_2020_to_2021_edition_change_holds() -> None:
    # 004 (2020, edition 2019) carries forward 2 natural-person requests (总计 2).
    assert gr.validate_series([seed_report("004"), _2021_after_004()]) == []


def test_carry_over_mismatch_names_both_years_cells() -> None:
    found = gr.validate_series([_2021_after_004(3), seed_report("004")])  # any order: sorted by year
    assert codes(found) == ["series.carry_over", "series.carry_over"]
    by_column = {f.cells[0].column: f for f in found}
    assert set(by_column) == {"natural_person", "total"}
    f = by_column["natural_person"]
    assert f.severity is Severity.WARNING
    assert f.cells == (
        CellRef("requests", "carried_over", "natural_person"),
        CellRef("requests", "carried_forward", "natural_person"),
    )
    assert f.values == (3, 2) and f.expected == 2
    assert (
        "2020 → 2021" in f.message and "2021 carried_over (3)" in f.message and "2020 carried_forward (2)" in f.message
    )
    assert f.locations[0] is not None and f.locations[1] is not None
    assert f.locations[1].source == "seeds/004_ee4e1e8ab542a5d9.txt"
    assert f.source == "yaodu_2021.txt"


def test_reports_of_different_agencies_are_not_compared() -> None:
    other = attrs.evolve(_2021_after_004(3), agency="平阴县人民政府办公室")
    assert gr.validate_series([seed_report("004"), other]) == []


def test_a_gap_is_an_info_finding_and_nothing_is_compared_across_it() -> None:
    later = attrs.evolve(_2021_after_004(3), year=2022)
    found = gr.validate_series([seed_report("004"), later])
    assert codes(found) == ["series.gap"]
    assert found[0].severity is Severity.INFO
    assert "no report of 2021 between 2020 and 2022" in found[0].message


def test_unknown_year_and_two_different_reports_of_one_year_are_noted() -> None:
    a = seed_report("004")
    b = with_cell(a, "requests.carried_forward.natural_person", 3)
    found = gr.validate_series([a, b, _2021_after_004(3), attrs.evolve(a, year=None)])
    messages = [f.message for f in found]
    assert codes(found) == ["series.gap", "series.gap"]
    assert any("2 different reports of 2020" in m for m in messages)
    assert any("year of the report is unknown" in m for m in messages)
    # The same report given twice is one report.
    assert gr.validate_series([a, a, _2021_after_004(2)]) == []


def _2022_after_003(in_force: int) -> AnnualReport:
    report = attrs.evolve(seed_report("003"), year=2022, source="pingyin_2022.txt")
    report = with_cell(report, "active_disclosure.normative_documents.issued", 4)
    report = with_cell(report, "active_disclosure.normative_documents.repealed", 1)
    return with_cell(report, "active_disclosure.normative_documents.in_force", in_force)


def test_in_force_follows_issued_and_repealed() -> None:
    # 003 (2021): 行政规范性文件 现行有效 26; 2022 issues 4 and repeals 1: 29.
    assert gr.validate_series([seed_report("003"), _2022_after_003(29)], ["series.in_force"]) == []
    found = gr.validate_series([seed_report("003"), _2022_after_003(30)], ["series.in_force"])
    assert len(found) == 1
    f = found[0]
    assert [str(c) for c in f.cells] == [
        "active_disclosure.normative_documents.in_force",
        "active_disclosure.normative_documents.repealed",
        "active_disclosure.normative_documents.in_force",
        "active_disclosure.normative_documents.issued",
    ]
    assert f.values == (30, 1, 26, 4) and f.expected == 29


def test_in_force_is_not_checked_across_the_edition_change() -> None:
    r2020 = seed_report("004")
    assert gr.validate_series([r2020, _2021_after_004()], ["series.in_force", "series.items"]) == []


def _2019_before_002(licensing_change: int) -> AnnualReport:
    # 002 (2020): 行政许可 上一年项目数量 236.  Its 2019 report: 200 items, change +36.
    report = attrs.evolve(seed_report("002"), year=2019, source="yanzhou_2019.txt")
    report = with_cell(report, "active_disclosure.licensing.prev_items", 200)
    report = with_cell(report, "active_disclosure.licensing.change", licensing_change)
    for row in ("other_services", "penalty", "coercion", "fees"):
        report = with_cell(report, f"active_disclosure.{row}.change", 0)
    return report


def test_items_follow_last_years_items_and_change() -> None:
    assert gr.validate_series([_2019_before_002(36), seed_report("002")], ["series.items"]) == []
    found = gr.validate_series([_2019_before_002(35), seed_report("002")], ["series.items"])
    assert len(found) == 1
    f = found[0]
    assert f.cells[0] == CellRef("active_disclosure", "licensing", "prev_items")
    assert f.values == (236, 200, 35) and f.expected == 235
    assert "2019 → 2020, row licensing" in f.message


def test_missing_cells_skip_series_relations_unless_counted_as_zero() -> None:
    later = with_cell(_2021_after_004(), "requests.carried_over.research", gr.Missing.BLANK)
    assert gr.validate_series([seed_report("004"), later], ["series.carry_over"]) == []
    assert gr.validate_series([seed_report("004"), later], ["series.carry_over"], missing_as_zero=True) == []
    later = with_cell(later, "requests.carried_over.natural_person", gr.Missing.BLANK)
    found = gr.validate_series([seed_report("004"), later], ["series.carry_over"], missing_as_zero=True)
    assert len(found) == 1 and found[0].missing_as_zero


def test_pingtan_2020_and_2022_run_and_the_gap_is_reported(shared_dir: Path) -> None:
    pytest.importorskip("govinfo_report.io.text")
    text = shared_dir / "corpus" / "text"
    reports = [gr.read(text / "flattened_pingtan_2020.txt"), gr.read(text / "flattened_pingtan_2022.txt")]
    assert [r.year for r in reports] == [2020, 2022]
    assert reports[0].agency == reports[1].agency
    found = gr.validate_series(reports)
    # 2021 is missing: 2022's carried-over requests come from 2021's report, so nothing is compared.
    assert codes(found) == ["series.gap"]
    assert "no report of 2021 between 2020 and 2022" in found[0].message
