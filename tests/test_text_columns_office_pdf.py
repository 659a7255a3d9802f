"""PDF text of PDFs printed by LibreOffice and chromium (``pdftotext -layout``).

The fixtures (``tests/data/pdftotext_*.txt``, see its README) are seeds 002
and 004 as LibreOffice prints them to PDF (full-width labels, titles at the
margin) and seeds 000 and 003 as chromium prints their web pages (a row's
first number on its label's first line).  Every value below was read from
the fixture's lines; the comment names the line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from expected_values import EXPECTED, assert_matches
from govinfo_report import AnnualReport, Missing, api
from govinfo_report.io.text import columns_layout

DATA = Path(__file__).parent / "data"


def read(name: str, printer: str = "office") -> AnnualReport:
    return api.read(DATA / f"pdftotext_{printer}_{name}.txt")


def values(report: AnnualReport, table: str, row: str) -> dict[str, object]:
    found = getattr(report, table)
    assert found is not None, table
    return {col: cell.value for (r, col), cell in found.cells.items() if r == row}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # 209: 其他对外管理服务事项 580       27067     46305
        ("002", {"prev_items": 580, "change": 27067, "decisions": 46305}),
        # 90: 其他对外管理服务事项 587       -415    4789
        ("004", {"prev_items": 587, "change": -415, "decisions": 4789}),
    ],
)
def test_a_label_as_wide_as_its_column_keeps_its_first_number(name: str, expected: dict[str, int]) -> None:
    report = read(name)
    assert values(report, "active_disclosure", "other_services") == expected


def test_a_label_wrapping_after_its_one_number_keeps_it() -> None:
    # 79–80: 行政事业性收 0 / 费 — a one-value table; the label fills its column and goes on alone
    # on the next line.  Seed 003 prints 0 there.  The row used to be lost (reader.row_not_found).
    report = read("003", "chromium")
    assert values(report, "active_disclosure", "fees") == {"amount": 0}
    assert_matches(report, EXPECTED["003"])
    assert not [f.rule for f in report.findings if f.rule.startswith("reader.")]


def test_prose_ending_in_a_number_before_a_short_line_stays_prose() -> None:
    # The same shape in prose: no table words in the joined text (or a full stop), so no row.
    lines = ["", "全年共收到申请 15", "件", "", "截至年底办理 3", "件。", "", "规章  0  0  0"]
    doc = columns_layout.parse(lines, "p.txt")
    cells = [[c.text for c in r] for g in doc.grids for r in g.rows]
    assert cells == [["规章", "0", "0", "0"]]


@pytest.mark.parametrize("name", ["002", "004"])
def test_quoted_label_one_space_before_its_numbers(name: str) -> None:
    # 002:256 / 004:137: 3.危及“三安全一稳定” 0      0   0     0   0      0    0
    row = values(read(name), "requests", "denied_security_stability")
    assert row == dict.fromkeys(
        ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"), 0
    )


def test_the_split_is_made_where_the_columns_are_cut() -> None:
    lines = (DATA / "pdftotext_office_002.txt").read_text(encoding="utf-8").split("\n")
    doc = columns_layout.parse(lines, "p.txt")
    (row,) = [r for g in doc.grids for r in g.rows if r[0].text == "其他对外管理服务事项"]
    assert [c.text for c in row] == ["其他对外管理服务事项", "580", "27067", "46305"]
    assert [c.location.offset for c in row] == [0, 11, 21, 31]


def test_numbers_inside_a_label_stay_in_it() -> None:
    # Only a label followed by number columns gives its trailing numbers to them: a prose line
    # ending in a number, or a row whose label ends in one with nothing after, is left whole.
    lines = ["", "截至 2024 年底共办理 15", "件。", "", "规章  0  0  0", "行政许可 5"]
    doc = columns_layout.parse(lines, "p.txt")
    cells = [[c.text for c in r] for g in doc.grids for r in g.rows]
    assert ["规章", "0", "0", "0"] in cells
    assert not any(r[0].startswith("截至") for r in cells)
    assert ["行政许可", "5"] not in cells


@pytest.mark.parametrize(
    ("name", "title", "agency"),
    [
        # 1–2: 济宁市兖州区 2020 年政府信息公开工作 / 年度报告
        ("002", "济宁市兖州区2020年政府信息公开工作年度报告", "济宁市兖州区"),
        # 1–2: 尧都区人民政府 / 2020 年政府信息公开工作年报
        ("004", "尧都区人民政府2020年政府信息公开工作年报", "尧都区人民政府"),
    ],
)
def test_title_broken_at_the_margin_ends_before_the_preamble(name: str, title: str, agency: str) -> None:
    report = read(name)
    assert (report.title, report.agency, report.year) == (title, agency, 2020)
    first_words = ("本报告由济宁市兖州区人民政府办公室", "根据《中华人民共和国政府信息公开条例》")
    assert report.sections.preamble.startswith(first_words)
    assert not any(f.rule == "reader.title_not_found" for f in report.findings)


def test_a_cut_off_column_is_absent_with_a_finding() -> None:
    # 296: （七）总计  89  1  0  0  0  0 — the PDF cut the 总计 column off the page.
    report = read("002")
    assert report.requests is not None
    cell = report.requests.cells["total_processed", "total"]
    assert cell.missing is Missing.ABSENT
    assert values(report, "requests", "total_processed")["natural_person"] == 89
    assert any(
        f.rule == "reader.short_row" and any(c.row == "total_processed" for c in f.cells) for f in report.findings
    )


def test_first_numbers_on_the_labels_first_line_read_as_the_seed() -> None:
    # 47–48: 其他对外管理服务事 0 / 项  0  0 — and so on for every row whose label wraps.
    report = read("000", "chromium")
    assert_matches(report, EXPECTED["000"])
    assert not [f.rule for f in report.findings if f.rule.startswith("reader.")]


def test_first_number_after_a_group_label_fragment() -> None:
    report = read("003", "chromium")
    seven = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")
    # 96–97: 果    （二）部分公开（区分处理的，只计这 1 / 一情形，不计其他情形）  0  0  0  0  0  1
    assert values(report, "requests", "partially_granted") == dict(zip(seven, (1, 0, 0, 0, 0, 0, 1), strict=True))
    # 158: 3.其他  1  0  0  0  0  0  1 — no longer taken by the row above, whose label holds 其他 too
    assert values(report, "requests", "other_misc") == dict(zip(seven, (1, 0, 0, 0, 0, 0, 1), strict=True))


def test_an_item_number_on_a_line_of_its_own_begins_its_label() -> None:
    # 150–153: 申请人无正当理由逾期不补 / 1. / 正、行政机关不再处理其政府  0 … 0 / 信息公开申请 — the
    # label's four lines, its item number printed level with its middle, apart from its text.
    report = read("003", "chromium")
    seven = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")
    assert values(report, "requests", "other_no_correction") == dict.fromkeys(seven, 0)
    doc = columns_layout.parse((DATA / "pdftotext_chromium_003.txt").read_text(encoding="utf-8").split("\n"), "p.txt")
    labels = [r[0].text for g in doc.grids for r in g.rows]
    assert "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" in labels
    # 144–146: 要求行政机关确认或重新出具 0 / 5. / 已获取信息  0  0 …
    assert "5.要求行政机关确认或重新出具已获取信息" in labels


def test_a_two_line_label_printed_level_with_its_second_line_keeps_its_first() -> None:
    # 267–268: 4.无正当理由大量反复 / 申请  0  0  0  0  0  0  0 — no empty line between, the label's
    # first line the wider: one label.  The row used to lose its first line and so its label.
    report = read("002", "chromium")
    assert_matches(report, EXPECTED["002"])
    assert values(report, "requests", "not_processed_repetitive") == dict.fromkeys(
        ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"), 0
    )
    assert not [f.rule for f in report.findings if f.rule.startswith("reader.")]
