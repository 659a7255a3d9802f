"""Property: consistent reports pass; any single table-3/4 cell off by ±1 is caught, by name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import AnnualReport, Severity
from govinfo_report.testing.strategies import report_series, reports
from rules_support import with_cell


def _errors(report: AnnualReport) -> list[gr.Finding]:
    return [f for f in gr.validate(report) if f.severity is Severity.ERROR]


@settings(max_examples=60, deadline=None)
@given(reports(edition=None, consistent=True, single_other_handling=True))
def test_consistent_reports_have_no_error(report: AnnualReport) -> None:
    assert _errors(report) == []


@settings(max_examples=60, deadline=None)
@given(reports(edition=None, consistent=True, missing=True, single_other_handling=True))
def test_consistent_reports_with_blanks_have_no_error(report: AnnualReport) -> None:
    assert _errors(report) == []


@settings(max_examples=80, deadline=None)
@given(reports(edition=None, consistent=True, single_other_handling=True), st.data())
def test_changing_one_cell_of_table_3_or_4_by_one_is_an_error_naming_it(
    report: AnnualReport, data: st.DataObject
) -> None:
    refs = [
        ref for table in (report.requests, report.review_litigation) if table is not None for ref, _ in table.items()
    ]
    refs = [ref for ref in refs if report.cell(ref) is not None and report.cell(ref).value is not None]  # type: ignore[union-attr]
    ref = data.draw(st.sampled_from(refs))
    step = data.draw(st.sampled_from((-1, 1)))
    value = report.cell(ref).value  # type: ignore[union-attr]
    changed = with_cell(report, str(ref), value + step)  # type: ignore[operator]
    errors = _errors(changed)
    assert any(ref in f.cells for f in errors), (ref, step, errors)


@settings(max_examples=30, deadline=None)
@given(report_series(min_size=2, max_size=4))
def test_consistent_series_have_no_warning(series: list[AnnualReport]) -> None:
    assert [f for f in gr.validate_series(series) if f.severity is not Severity.INFO] == []
