"""Text with one table cell per line: LibreOffice's text export, and a web page's text.

The fixtures (``tests/data/soffice_txt_*.txt``, ``get_text_*.txt``,
``innertext_*.txt``; see its README) hold the seeds' values; the
expectations are those a person read from the seeds (``expected_values``),
blank cells included.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from expected_values import EXPECTED, assert_matches
from govinfo_report import api
from govinfo_report.io.text import cell_lines_layout
from govinfo_report.io.text.reader import choose_layout
from text_support import grid_between_paragraphs, rows

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("seed", ["001", "003"])
def test_libreoffice_text_export_reads_as_the_seed(seed: str) -> None:
    report = api.read(DATA / f"soffice_txt_{seed}.txt")
    assert_matches(report, EXPECTED[seed])
    assert not [f.rule for f in report.findings if f.rule.startswith("reader.")]


def test_the_export_is_told_from_the_other_layouts() -> None:
    lines = (DATA / "soffice_txt_001.txt").read_text(encoding="utf-8-sig").split("\n")
    assert choose_layout(lines)[0] == "cell_lines_layout"


def test_rows_begin_at_each_label_and_blank_cells_keep_their_place() -> None:
    lines = [
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容",
        "本年新制作数量",
        "总计",  # a heading over merged cells: empty lines only after it
        "",
        "",
        "规章",
        "",  # a blank cell: the second value stays the second
        "3",
        "规范性文件",
        "1",
        "2",
        "行政许可",
        "4",
        "5",
        "6",
        "",
        "单位：件。",
    ]
    grid = grid_between_paragraphs(cell_lines_layout.parse(lines, "t.txt"))
    assert rows(grid) == [
        ["第二十条第（一）项"],
        ["信息内容"],
        ["本年新制作数量"],
        ["总计"],
        ["规章", "", "3"],
        ["规范性文件", "1", "2"],
        ["行政许可", "4", "5", "6", ""],
    ]
    assert grid.rows[4][2].location.line == 10


@pytest.mark.parametrize(
    ("fixture", "seed"),
    [
        ("get_text_001", "001"),  # BeautifulSoup's get_text(): two empty lines between cells, one per blank cell
        ("get_text_003", "003"),
        ("innertext_001", "001"),  # a browser's innerText: a line with a tab between cells, a tab per blank cell
    ],
)
def test_a_web_pages_text_reads_as_the_seed(fixture: str, seed: str) -> None:
    lines = (DATA / f"{fixture}.txt").read_text(encoding="utf-8").split("\n")
    assert choose_layout(lines)[0] == "cell_lines_layout"
    report = api.read(DATA / f"{fixture}.txt")
    assert_matches(report, EXPECTED[seed])
    assert not [f.rule for f in report.findings if f.rule.startswith("reader.")]


def test_padding_between_cells_is_dropped_and_what_is_beyond_it_is_blank_cells() -> None:
    cell, padding = ["\t\t"], ["", ""]  # indentation from the page's source, two empty lines after each cell
    lines = ["二、主动公开政府信息情况", *padding]
    for label, values in (
        ("信息内容", []),
        ("规章", ["3", "4"]),
        ("规范性文件", [None, "5", "6"]),
        ("行政许可", ["7", "8"]),
    ):
        lines += [label, *padding]
        for value in values:
            # A blank cell is one more empty line.
            lines += [""] if value is None else [cell[0] + value, *padding]
        lines += padding  # two more between rows
    lines.append("单位：件。")
    assert choose_layout(lines)[0] == "cell_lines_layout"
    grid = grid_between_paragraphs(cell_lines_layout.parse(lines, "t.txt"))
    assert rows(grid) == [["信息内容"], ["规章", "3", "4"], ["规范性文件", "", "5", "6"], ["行政许可", "7", "8"]]
    assert [c.location.line for c in grid.rows[2]] == [20, 23, 24, 27]


def test_tabs_between_padded_cells_count_the_cells() -> None:
    # innerText: the line between two cells holds a tab; each blank cell between them adds one.
    lines = ["二、主动公开政府信息情况", ""]
    for label, separators, values in (
        ("规章", ["\t", "\t"], "01"),
        ("规范性文件", ["\t\t", "\t", "\t\t", "\t"], "2345"),
    ):
        lines += [label, ""]
        for separator, value in zip(separators, values, strict=True):
            lines += [separator, "", value, ""]
        lines += ["\t", "", ""]  # the tab after a row's last cell, then the row's end
    lines.append("单位：件。")
    assert choose_layout(lines)[0] == "cell_lines_layout"
    grid = grid_between_paragraphs(cell_lines_layout.parse(lines, "t.txt"))
    assert rows(grid) == [["规章", "0", "1"], ["规范性文件", "", "2", "3", "", "4", "5"]]


def test_pdftotext_without_layout_is_no_table() -> None:
    # A blank line after every text block, like padding, but labels run over adjacent lines and the
    # numbers of table 3 come column by column: read as cells, its values would land in wrong rows.
    lines = (DATA / "pdftotext_raw_office_004.txt").read_text(encoding="utf-8").split("\n")
    assert cell_lines_layout.detect(lines) == 0
    assert not cell_lines_layout.parse(lines, "t.txt").grids
    report = api.read(DATA / "pdftotext_raw_office_004.txt")
    assert not [cell for _ref, cell in report.cells() if cell.value is not None]
