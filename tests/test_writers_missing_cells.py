"""Every kind of missing cell survives every writer: ``read(write(r)) == r`` for text, HTML and docx.

What a writer prints for a cell is decided in one place,
:func:`govinfo_report.values.cell_text`, the inverse of ``parse_cell``; a cell
the source did not print, among cells of a row it did print, is written as
``未列出`` and read back as ``Missing.ABSENT``.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from expected_values import EXPECTED
from govinfo_report.layout import ValueKind
from govinfo_report.model import AnnualReport, Cell, Missing, Table
from govinfo_report.testing import check_round_trip
from govinfo_report.testing.strategies import reports
from govinfo_report.values import ABSENT_MARK, cell_text, parse_cell
from html_support import report_from

FORMATS = ["text", "html", "docx"]


# --- cell_text: what is printed ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "kind", "printed"),
    [
        (Cell(12), ValueKind.COUNT, "12"),
        (Cell(-415), ValueKind.SIGNED, "-415"),
        (Cell(Decimal("6229.950")), ValueKind.AMOUNT, "6229.95"),
        (Cell(Decimal("25.1"), text="251000元"), ValueKind.AMOUNT, "25.1"),  # canonical, not the original
        (Cell(missing=Missing.BLANK, text="\u3000"), ValueKind.COUNT, ""),
        (Cell(missing=Missing.NOT_APPLICABLE, text=" ／ "), ValueKind.COUNT, "／"),
        (Cell(missing=Missing.NOT_APPLICABLE), ValueKind.COUNT, "/"),  # mark unknown
        (Cell(missing=Missing.NOT_APPLICABLE, text="12"), ValueKind.COUNT, "/"),  # would read as 12
        (Cell(missing=Missing.UNREADABLE, text="见\n附件 "), ValueKind.COUNT, "见 附件"),
        (Cell(missing=Missing.UNREADABLE, text="约20"), ValueKind.COUNT, "约20"),
        (Cell(missing=Missing.UNREADABLE), ValueKind.COUNT, "不详"),  # text unknown
        (Cell(missing=Missing.UNREADABLE, text="3"), ValueKind.COUNT, "不详"),  # would read as 3
        (Cell(missing=Missing.UNREADABLE, text="其他"), ValueKind.COUNT, "不详"),  # names a row: read as label
        (Cell(missing=Missing.UNREADABLE, text="见本年新收数量"), ValueKind.COUNT, "不详"),  # a row's wording
        (Cell(missing=Missing.UNREADABLE, text="详" * 41), ValueKind.COUNT, "不详"),  # prose, not a cell
        (Cell(missing=Missing.UNREADABLE, text="1.5"), ValueKind.COUNT, "1.5"),  # not whole: unreadable count
        (Cell(missing=Missing.ABSENT), ValueKind.COUNT, "未列出"),
    ],
)
def test_cell_text_prints_what_reads_back_the_same(cell: Cell, kind: ValueKind, printed: str) -> None:
    assert cell_text(cell, kind) == printed
    parsed = parse_cell(printed, kind)
    assert (parsed.value, parsed.missing) == (cell.value, cell.missing)


def test_absent_mark_reads_as_absent_whatever_the_kind_and_spacing() -> None:
    assert ABSENT_MARK == "未列出"
    for kind in ValueKind:
        assert parse_cell(" 未列出\n", kind).missing is Missing.ABSENT
    assert parse_cell("未列", ValueKind.COUNT).missing is Missing.UNREADABLE


# --- every writer ----------------------------------------------------------------------------------


def _report(changes: dict[str, Cell]) -> AnnualReport:
    return report_from(EXPECTED["003"], **changes)


_ABSENT_AMONG_PRINTED = {
    # Between printed cells, first and last of a row, a whole column of table 4's group.
    "requests.new_received.commercial": Cell(missing=Missing.ABSENT),
    "requests.granted.natural_person": Cell(missing=Missing.ABSENT),
    "requests.granted.total": Cell(missing=Missing.ABSENT),
    "active_disclosure.regulations.repealed": Cell(missing=Missing.ABSENT),
    "review_litigation.review.other": Cell(missing=Missing.ABSENT),
    "review_litigation.litigation_direct.total": Cell(missing=Missing.ABSENT),
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_absent_cell_among_printed_ones_reads_back_absent(fmt: str) -> None:
    report = _report(_ABSENT_AMONG_PRINTED)
    check_round_trip(fmt, report)  # raises, naming the cells, if any comes back blank


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_kind_of_missing_side_by_side_in_one_row(fmt: str) -> None:
    report = _report(
        {
            "requests.granted.natural_person": Cell(missing=Missing.BLANK),
            "requests.granted.commercial": Cell(missing=Missing.NOT_APPLICABLE, text="——"),
            "requests.granted.research": Cell(missing=Missing.UNREADABLE, text="见附件"),
            "requests.granted.social_welfare": Cell(missing=Missing.ABSENT),
            "requests.granted.legal_service": Cell(missing=Missing.UNREADABLE, text="总计"),  # printed 不详
            "requests.granted.other_org": Cell(missing=Missing.NOT_APPLICABLE),  # printed /
        }
    )
    check_round_trip(fmt, report)


@st.composite
def _with_absent_cells(draw: st.DrawFn) -> AnnualReport:
    """A generated report (every kind of missing cell) with cells turned absent: rows or tables, partly or wholly."""
    report = draw(
        reports(
            missing=(Missing.BLANK, Missing.NOT_APPLICABLE, Missing.UNREADABLE),
            wild_text=True,
            with_prose=False,
            single_other_handling=True,
        )
    )
    tables: dict[str, Table | None] = {}
    for code in ("active_disclosure", "requests", "review_litigation"):
        table = report.table(code)
        if table is not None:
            keys = sorted(table.cells)
            # Now and then the whole table: printed with no cell at all, still a table, not None.
            whole = draw(st.integers(0, 7)) == 0
            for key in keys if whole else draw(st.sets(st.sampled_from(keys), max_size=min(10, len(keys) - 1))):
                table = table.replace(key[0], key[1], Cell(missing=Missing.ABSENT))
        tables[code] = table
    return AnnualReport(
        report.edition,
        report.year,
        report.agency,
        report.title,
        report.sections,
        active_disclosure=tables["active_disclosure"],
        requests=tables["requests"],
        review_litigation=tables["review_litigation"],
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_generated_reports_with_absent_cells_round_trip(fmt: str) -> None:
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
    @given(_with_absent_cells())
    def round_trip(report: AnnualReport) -> None:
        check_round_trip(fmt, report)

    round_trip()


@pytest.mark.parametrize("fmt", FORMATS)
def test_table_four_without_one_group_keeps_the_others_in_place(fmt: str) -> None:
    # Table 4's values are one row of fifteen: a group left out would shift 复议后起诉 into 直接起诉.
    absent = {f"review_litigation.litigation_direct.{c}": Cell(missing=Missing.ABSENT) for c in ("upheld", "total")}
    absent |= {f"review_litigation.litigation_direct.{c}": Cell(missing=Missing.ABSENT) for c in ("corrected", "other")}
    absent["review_litigation.litigation_direct.pending"] = Cell(missing=Missing.ABSENT)
    absent["review_litigation.litigation_after_review.upheld"] = Cell(7)
    report = _report(absent)
    check_round_trip(fmt, report)


@pytest.mark.parametrize("fmt", FORMATS)
def test_tables_printed_without_any_cell_stay_tables(fmt: str) -> None:
    # Every cell absent is a table printed bare: its rows are written with 未列出 (leaving them all out
    # would write no table, which reads back as None).
    absent: dict[str, Cell] = {}
    for code in ("active_disclosure", "requests"):
        table = _report({}).table(code)
        assert table is not None
        absent |= {str(ref): Cell(missing=Missing.ABSENT) for ref, _cell in table.items()}
    check_round_trip(fmt, _report(absent))
