"""read(write(r)) == r through HTML for generated reports of both editions.

Reports come from :mod:`govinfo_report.testing.strategies`: any values,
blank, not-applicable and unreadable cells with their text as found in the
wild, 2021 reports printing （六）其他处理 as one row, and prose obeying the
prose contract.  Not generated, because the interpreter does not recover
them yet: reports whose only table is table 4 (edition not taken from the
year).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from govinfo_report.io.html import HtmlReader
from govinfo_report.model import AnnualReport, Missing
from govinfo_report.testing.strategies import reports
from html_support import write

MISSING = [Missing.BLANK, Missing.NOT_APPLICABLE, Missing.UNREADABLE]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(missing=MISSING, wild_text=True, with_prose="odd"))
def test_round_trip(report: AnnualReport) -> None:
    assert HtmlReader().read(write(report)) == report


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(edition="2021", single_other_handling=True))
def test_round_trip_single_other_handling(report: AnnualReport) -> None:
    assert HtmlReader().read(write(report)) == report
