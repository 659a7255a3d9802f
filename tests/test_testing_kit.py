"""The testing kit itself: what its strategies promise, checked by hand-written arithmetic."""

from __future__ import annotations

import itertools
import subprocess
import sys
from decimal import Decimal
from typing import Any, BinaryIO

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report import AnnualReport, Edition, Missing, ReportError, Sections, UnknownFormatError, registry, testing
from govinfo_report.io.json_format import JsonReader, JsonWriter
from govinfo_report.layout import OUTCOME_ROWS, REQUEST_PARTS, REVIEW_PARTS
from govinfo_report.model import Table
from govinfo_report.plugins import Reader, Writer
from govinfo_report.registry import FormatInfo
from govinfo_report.testing import check_format
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
    first = years[0]
    assert first is not None
    assert years == list(range(first, first + len(series)))
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
        "本版权所有",  # site chrome by wording: the HTML reader drops it
        "加强部⻔协作",  # a radical (⻔ for 门): readers read it as the ideograph
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


def test_from_type_draws_consistent_reports() -> None:
    # Registered through the package's own "hypothesis" entry point.
    @settings(max_examples=20, deadline=None, database=None)
    @given(st.from_type(AnnualReport))
    def drawn(report: AnnualReport) -> None:
        assert isinstance(report, AnnualReport)
        assert _broken_rules(report) == []

    drawn()


# --- the kit must fail on broken formats --------------------------------------------------------


class _JsonAgain(JsonWriter):
    name = "kit_probe"


class _LossyWriter(JsonWriter):
    """Forgets the overview: a round trip must notice."""

    name = "kit_probe"

    def write(self, report: AnnualReport, stream: BinaryIO, **options: Any) -> None:
        super().write(attrs.evolve(report, sections=attrs.evolve(report.sections, overview="")), stream)


class _CrashingReader(JsonReader):
    """Lets an IndexError escape on any input that is not valid JSON."""

    name = "kit_probe"

    def read(self, data: bytes, *, source: str | None = None) -> AnnualReport:
        try:
            return super().read(data, source=source)
        except ReportError:
            raise IndexError("escaped") from None


class _HangingReader(JsonReader):
    name = "kit_probe"

    def read(self, data: bytes, *, source: str | None = None) -> AnnualReport:
        try:
            return super().read(data, source=source)
        except ReportError:
            while True:
                pass


_FIXED = st.just(
    AnnualReport(edition="2021", year=2022, agency="济宁市兖州区", title="济宁市兖州区2022年政府信息公开工作年度报告")
)


def _leaves(exc: BaseException) -> list[BaseException]:
    """The exceptions inside *exc*: Hypothesis reports several distinct failures as one group."""
    inner = getattr(exc, "exceptions", None)
    if inner is None:
        return [exc]
    return [leaf for e in inner for leaf in _leaves(e)]


def _install(monkeypatch: pytest.MonkeyPatch, reader: Reader, writer: Writer) -> None:
    info = FormatInfo("kit_probe", True, True, "probe", "0")
    real = registry.formats
    monkeypatch.setattr(registry, "formats", lambda: [*real(), info])
    monkeypatch.setitem(registry._loaded, (registry.READERS, "kit_probe"), reader)
    monkeypatch.setitem(registry._loaded, (registry.WRITERS, "kit_probe"), writer)


def test_check_format_passes_a_faithful_format(monkeypatch: pytest.MonkeyPatch) -> None:
    _install(monkeypatch, JsonReader(), _JsonAgain())
    check_format("kit_probe", max_examples=5, reports=reports(with_prose=True))


def test_check_format_catches_a_lossy_writer(monkeypatch: pytest.MonkeyPatch) -> None:
    _install(monkeypatch, JsonReader(), _LossyWriter())
    report = AnnualReport(
        edition="2021",
        year=2022,
        agency="济宁市兖州区",
        title="济宁市兖州区2022年政府信息公开工作年度报告",
        sections=Sections(overview="本机关高度重视政务公开工作。"),
    )
    with pytest.raises(AssertionError, match=r"sections\.overview: expected '本机关高度重视政务公开工作。', got ''"):
        check_format("kit_probe", max_examples=5, reports=st.just(report))


def test_check_format_catches_a_reader_raising_a_foreign_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _install(monkeypatch, _CrashingReader(), _JsonAgain())
    with pytest.raises(BaseException) as raised:
        check_format("kit_probe", max_examples=1, mutation_examples=50, reports=_FIXED)
    assert any(isinstance(e, IndexError) for e in _leaves(raised.value))


def test_check_format_catches_a_hanging_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    _install(monkeypatch, _HangingReader(), _JsonAgain())
    monkeypatch.setattr(testing, "HANG_SECONDS", 0.2)
    with pytest.raises(BaseException) as raised:
        check_format("kit_probe", max_examples=1, mutation_examples=20, reports=_FIXED)
    assert any(isinstance(e, testing.ReaderHang) for e in _leaves(raised.value))


def test_check_format_names_the_missing_extra_or_format() -> None:
    with pytest.raises(UnknownFormatError):
        check_format("no_such_format")
