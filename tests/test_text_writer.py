"""The text writer: layout 1 output with the official labels, read back unchanged by the text reader."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings

from govinfo_report.io.text import TextReader, TextWriter
from govinfo_report.layout import Edition, table_spec
from govinfo_report.model import AnnualReport, Cell, Missing, Sections, Table
from govinfo_report.testing.strategies import reports


def _write(report: AnnualReport) -> str:
    out = io.BytesIO()
    TextWriter().write(report, out)
    return out.getvalue().decode("utf-8")


def _round_trip(report: AnnualReport) -> AnnualReport:
    return TextReader().read(_write(report).encode("utf-8"))


def _report(year: int = 2020) -> AnnualReport:
    return AnnualReport(
        Edition.E2019,
        year,
        "某县人民政府",
        f"某县人民政府{year}年政府信息公开工作年度报告",
        Sections(overview="工作平稳。"),
    )


def test_output_is_word_layout_with_official_labels() -> None:
    table = Table.build(
        "active_disclosure",
        Edition.E2019,
        {("procurement", "amount"): Cell(Decimal("6229.95")), ("coercion", "change"): Cell(-2)},
        fill=Missing.BLANK,
    )
    report = AnnualReport(
        Edition.E2019, 2020, "某县人民政府", "某县人民政府2020年政府信息公开工作年度报告", active_disclosure=table
    )
    text = _write(report)
    lines = text.split("\n")
    assert lines[0] == "某县人民政府2020年政府信息公开工作年度报告"
    assert "一、总体情况" in lines and "六、其他需要报告的事项" in lines
    i = lines.index("\t政府集中采购")
    assert lines[i : i + 4] == ["\t政府集中采购", "\t", "\t6229.95", ""]
    assert "\t本年新制作数量" in lines and "\t-2" in lines
    assert text.endswith("\n")


def test_missing_cells_read_back_as_the_same_kind_of_missing() -> None:
    cells = {
        ("new_received", "natural_person"): Cell(missing=Missing.BLANK),
        ("new_received", "commercial"): Cell(missing=Missing.NOT_APPLICABLE, text="／"),
        ("new_received", "total"): Cell(missing=Missing.UNREADABLE, text="见附件"),
        ("granted", "total"): Cell(missing=Missing.UNREADABLE, text="其他"),  # names a row: written 不详
        ("carried_over", "total"): Cell(7),
    }
    report = AnnualReport(
        Edition.E2019,
        2020,
        "某县",
        "某县2020年政府信息公开工作年度报告",
        requests=Table.build("requests", Edition.E2019, cells, fill=Missing.BLANK),
    )
    again = _round_trip(report)
    assert again == report
    assert again.requests is not None
    assert again.requests["new_received", "total"].text == "见附件"
    assert again.requests["granted", "total"].text == "不详"


def test_absent_rows_are_left_out_and_read_back_absent() -> None:
    rows = ("new_received", "other_handling", "total_processed")
    cells = {(row, col.code): Cell(1) for row in rows for col in table_spec(Edition.E2021, "requests").row(row).columns}
    table = Table.build("requests", Edition.E2021, cells, fill=Missing.ABSENT)
    report = AnnualReport(Edition.E2021, 2022, "某县", "某县2022年政府信息公开工作年度报告", requests=table)
    text = _write(report)
    assert "\t（六）其他处理" in text and "逾期不补正" not in text
    again = _round_trip(report)
    assert again == report
    assert again.requests is not None and again.requests["other_misc", "total"].missing is Missing.ABSENT


@pytest.mark.parametrize("edition", list(Edition))
@pytest.mark.parametrize("code", ["active_disclosure", "requests", "review_litigation"])
def test_table_printed_without_any_cell_stays_a_table(edition: Edition, code: str) -> None:
    # Every cell absent is a table the source printed bare, not a missing table: its rows carry the mark.
    table = Table.build(code, edition, {}, fill=Missing.ABSENT)
    year = 2020 if edition is Edition.E2019 else 2022
    report = AnnualReport(edition, year, "某县", f"某县{year}年政府信息公开工作年度报告", **{code: table})
    assert "未列出" in _write(report)
    again = _round_trip(report)
    assert again.table(code) is not None
    assert again == report


def test_edition_survives_when_no_table_tells_it() -> None:
    # Only table 4 (the same in both editions), and the edition is not the one the year implies.
    review = {("review", "total"): Cell(1)}
    for edition, year in ((Edition.E2021, 2020), (Edition.E2019, 2023)):
        table = Table.build("review_litigation", edition, review, fill=Missing.BLANK)
        report = AnnualReport(edition, year, "某县", f"某县{year}年政府信息公开工作年度报告", review_litigation=table)
        assert _round_trip(report) == report


def test_unknown_option_is_refused() -> None:
    with pytest.raises(TypeError, match="no options"):
        TextWriter().write(_report(), io.BytesIO(), excel=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(missing=True, wild_text=True, single_other_handling=True))
def test_generated_reports_round_trip(report: AnnualReport) -> None:
    assert _round_trip(report) == report


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    reports(
        consistent=False,
        missing=[Missing.BLANK, Missing.NOT_APPLICABLE, Missing.UNREADABLE],
        wild_text=True,
        single_other_handling=True,
        absent_tables=True,
        with_prose="odd",
    )
)
def test_odd_generated_reports_round_trip(report: AnnualReport) -> None:
    assert _round_trip(report) == report
