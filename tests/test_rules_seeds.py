"""The rules on the real documents, read by the library's readers.

What a person confirmed in the documents: the five seeds have no error; their
only warnings are the cells the documents leave blank (recorded by hand in
``expected_values``).  平潭 2020's crawler text prints （七）总计 20/21 while its
outcome rows add up to 26/27 (6+6+4+3+3+4 natural persons, plus 1 other
organisation granted): two real outcome_sum errors.  平潭 2022's prose says
全区收到政府信息公开申请75件 where table 3 has 74 new and 1 carried over.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo_report as gr
from expected_values import EXPECTED
from govinfo_report import Severity

SEEDS = ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("key", SEEDS)
def test_seed_has_no_error_and_warns_only_of_its_blank_cells(shared_dir: Path, key: str) -> None:
    report = gr.read(shared_dir / EXPECTED[key].document)
    found = gr.validate(report)
    assert [f for f in found if f.severity is Severity.ERROR] == []
    warnings = [f for f in found if f.severity is Severity.WARNING]
    assert {f.rule for f in warnings} <= {"cells.missing"}
    named = {str(c) for f in warnings for c in f.cells}
    assert named == set(EXPECTED[key].missing)


def test_pingtan_2020_total_processed_disagrees_with_its_outcome_rows(shared_dir: Path) -> None:
    report = gr.read(shared_dir / "corpus" / "text" / "flattened_pingtan_2020.txt")
    errors = [f for f in gr.validate(report) if f.severity is Severity.ERROR]
    assert [(f.rule, str(f.cells[0]), f.values[0], f.expected) for f in errors] == [
        ("requests.outcome_sum", "requests.total_processed.natural_person", 20, 26),
        ("requests.outcome_sum", "requests.total_processed.total", 21, 27),
    ]
    # One row would not fix both columns' three relations each: （七）总计 is wrong in two cells.
    assert all(f.suggestion is None for f in errors)


def test_pingtan_2022_prose_counts_last_years_request(shared_dir: Path) -> None:
    report = gr.read(shared_dir / "corpus" / "text" / "flattened_pingtan_2022.txt")
    narrative = [c for c in gr.registry.rule_codes() if c.startswith("narrative.")]
    found = gr.validate(report, narrative, include_reader_findings=False)
    assert [(f.rule, f.values, f.expected) for f in found] == [("narrative.requests_total", (74,), 75)]
    assert "全区收到政府信息公开申请75件" in found[0].message
