"""The testing kit itself: what its strategies promise, checked by hand-written arithmetic."""

from __future__ import annotations

import itertools
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report import AnnualReport, Edition, Missing
from govinfo_report.layout import OUTCOME_ROWS, REQUEST_PARTS, REVIEW_PARTS
from govinfo_report.model import Table
from govinfo_report.testing.strategies import (
    cell_texts,
    is_safe_prose_line,
    prose_lines,
    report_series,
    reports,
)
from govinfo_report.values import parse_cell

_RULE_EXAMPLES = settings(max_examples=60, deadline=None)


def _v(table: Table, row: str, col: str) -> int:
    value = table.value(row, col)
    assert isinstance(value, int), f"{table.code}.{row}.{col} is {table[row, col]!r}"
    return value


def _broken_rules(report: AnnualReport) -> list[str]:
    """The single-report rules of the spec that *report* breaks, computed by hand (no missing cells)."""
    broken: list[str] = []
    req, rev, ad = report.requests, report.review_litigation, report.active_disclosure
    assert req is not None and rev is not None and ad is not None
    outcomes = OUTCOME_ROWS[report.edition]
    if report.edition is Edition.E2021 and req.has_row("other_handling"):
        outcomes = (*(r for r in outcomes if not r.startswith("other_")), "other_handling")
    for col in (*REQUEST_PARTS, "total"):
        lhs = _v(req, "new_received", col) + _v(req, "carried_over", col)
        if lhs != _v(req, "total_processed", col) + _v(req, "carried_forward", col):
            broken.append(f"requests.balance {col}")
        if _v(req, "total_processed", col) != sum(_v(req, r, col) for r in outcomes):
            broken.append(f"requests.outcome_sum {col}")
    for row in req.row_codes:
        if req[row, "total"].missing is Missing.ABSENT:
            continue
        if _v(req, row, "total") != sum(_v(req, row, c) for c in REQUEST_PARTS):
            broken.append(f"requests.row_total {row}")
    for row in rev.row_codes:
        if _v(rev, row, "total") != sum(_v(rev, row, c) for c in REVIEW_PARTS):
            broken.append(f"review_litigation.group_total {row}")
    for ref, cell in report.cells():
        if cell.missing is Missing.ABSENT:
            continue
        if cell.missing is not None:
            broken.append(f"cells.missing {ref}")
        elif ref.column != "change" and cell.value is not None and cell.value < 0:
            broken.append(f"cells.negative {ref}")
    if report.edition is Edition.E2019:
        for row in ("regulations", "normative_documents"):
            if _v(ad, row, "published") > _v(ad, row, "total_public"):
                broken.append(f"active_disclosure.published_le_total {row}")
    if report.year is None or Edition.for_year(report.year) is not report.edition:
        broken.append("template.edition_year")
    return broken


@_RULE_EXAMPLES
@given(reports())
def test_consistent_reports_break_no_rule(report: AnnualReport) -> None:
    assert _broken_rules(report) == []
    assert report.title == f"{report.agency}{report.year}年政府信息公开工作年度报告"
    assert not any(ch.isdigit() for ch in report.agency)


@_RULE_EXAMPLES
@given(reports(single_other_handling=True, edition="2021"))
def test_single_other_handling_row_still_sums(report: AnnualReport) -> None:
    assert _broken_rules(report) == []


def test_inconsistent_reports_break_rules() -> None:
    # Not a proof, a sanity check: independently drawn values almost never balance.
    broken = []

    @settings(max_examples=30, deadline=None, database=None)
    @given(reports(consistent=False))
    def collect(report: AnnualReport) -> None:
        broken.append(bool(_broken_rules(report)))

    collect()
    assert sum(broken) >= len(broken) // 2


@_RULE_EXAMPLES
@given(reports(missing=True))
def test_missing_cells_are_blank_or_not_applicable(report: AnnualReport) -> None:
    reasons = {cell.missing for _ref, cell in report.cells() if cell.missing is not None}
    assert reasons <= {Missing.BLANK, Missing.NOT_APPLICABLE}


@_RULE_EXAMPLES
@given(report_series(min_size=2, max_size=4))
def test_series_carry_over_and_in_force_chain(series: list[AnnualReport]) -> None:
    years = [r.year for r in series]
    assert years == list(range(years[0], years[0] + len(series)))
    assert len({r.agency for r in series}) == 1
    for last, this in itertools.pairwise(series):
        assert _broken_rules(this) == []
        assert this.requests is not None and last.requests is not None
        for col in (*REQUEST_PARTS, "total"):
            assert _v(this.requests, "carried_over", col) == _v(last.requests, "carried_forward", col)
        if last.edition is Edition.E2019 and this.edition is Edition.E2019:
            ad, prev = this.active_disclosure, last.active_disclosure
            assert ad is not None and prev is not None
            for row in ("licensing", "other_services", "penalty", "coercion", "fees"):
                assert _v(ad, row, "prev_items") == _v(prev, row, "prev_items") + _v(prev, row, "change")
        if last.edition is Edition.E2021:
            ad, prev = this.active_disclosure, last.active_disclosure
            assert ad is not None and prev is not None
            for row in ("regulations", "normative_documents"):
                expected = _v(prev, row, "in_force") + _v(ad, row, "issued") - _v(ad, row, "repealed")
                assert _v(ad, row, "in_force") == expected


@settings(max_examples=300, deadline=None)
@given(st.one_of(prose_lines(), prose_lines(odd=True)))
def test_generated_prose_lines_are_safe(line: str) -> None:
    assert is_safe_prose_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "一、总体情况",
        "（一）主动公开情况",
        "1.加强组织领导",
        "总体情况如下",  # a heading inside a line
        "总休情况",  # one character off a heading
        "全年共受理依申请公开92件",  # a count of requests
        "济宁市2020年工作",  # a year
        "本年度行政复议结果维持",  # a table label
        " 前导空格",
        "两个  空格",
        "换\n行",
        "制表\t符",
        "竖线|分隔",
        "—————",  # no ideograph
        "\u3000全角空格开头",
        "",
    ],
)
def test_unsafe_prose_lines_are_rejected(line: str) -> None:
    assert not is_safe_prose_line(line)


@pytest.mark.parametrize(
    "line",
    ["本机关高度重视政务公开工作。", "网站访问量达１２３４５６次，较上年增长12.5%。", "a<b & c 与 “引号”"],
)
def test_ordinary_prose_lines_are_accepted(line: str) -> None:
    assert is_safe_prose_line(line)


def test_cell_text_examples_from_real_reports() -> None:
    # The issue's own examples, parsed by the one cell parser.
    from govinfo_report.layout import ValueKind

    assert parse_cell("０").value == 0
    assert parse_cell(" 12 ").value == 12
    assert parse_cell("1,234").value == 1234
    assert parse_cell("—").missing is Missing.NOT_APPLICABLE
    assert parse_cell("6229.95万元", ValueKind.AMOUNT).value == Decimal("6229.95")
    assert parse_cell("+32", ValueKind.SIGNED).value == 32


@settings(max_examples=50, deadline=None)
@given(cell_texts())
def test_cell_texts_pair_text_and_expectation(cell: object) -> None:
    from govinfo_report.testing.strategies import CellText

    assert isinstance(cell, CellText)
    assert (cell.value is None) == (cell.missing is not None)


def test_testing_package_imports_without_hypothesis() -> None:
    # Hide hypothesis from the import system in a fresh interpreter.
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'hypothesis' or name.startswith('hypothesis.'):\n"
        "            raise ImportError('hypothesis hidden')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import govinfo_report.testing as t\n"
        "assert callable(t.check_format)\n"
        "try:\n"
        "    t.check_format('json')\n"
        "except ImportError as exc:\n"
        "    assert 'govinfo-report[testing]' in str(exc), exc\n"
        "else:\n"
        "    raise AssertionError('check_format ran without hypothesis')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
