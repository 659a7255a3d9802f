"""Text with one table cell per line and nothing between rows (LibreOffice's text export).

The fixtures (``tests/data/soffice_txt_*.txt``, see its README) hold the
seeds' values; the expectations are those a person read from the seeds
(``expected_values``), blank cells included.
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


def test_numbers_each_after_a_blank_line_are_no_table() -> None:
    # pdftotext without -layout: a blank line after every block, so an empty line is no cell there.
    lines = ["行政许可", "", "236", "", "346", "", "28637", "", "行政处罚", "", "3015", "", "975", "", "202340"]
    assert cell_lines_layout.detect(lines) == 0
    assert not cell_lines_layout.parse(lines, "t.txt").grids
