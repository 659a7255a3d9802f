"""The text layouts: Word extraction (tab-indented cells), web text (``|`` or tab-separated rows), and the choice."""

from __future__ import annotations

from govinfo_report.document import Grid, Paragraph
from govinfo_report.io.text import delimited_layout, word_layout
from govinfo_report.io.text.reader import choose_layout, split_lines
from text_support import grid_between_paragraphs, rows


def test_word_layout_cells_rows_and_continued_labels() -> None:
    lines = [
        "二、主动公开政府信息情况",
        "\t第二十条第（一）项",
        "",
        "\t信息内容",
        "\t本年新",
        "制作数量",  # a cell's text continues on an un-indented line
        "\t对外公开总数量",
        "",
        "\t",  # a merged cell: an empty cell
        "\t自",
        "然",
        "人",
        "",
        "\t规章",
        "\t０",
        "",
        "",
        "三、收到和处理政府信息公开申请情况",
    ]
    doc = word_layout.parse(lines, "w.txt")
    heading, grid, after = doc.blocks
    assert isinstance(heading, Paragraph) and heading.text == "二、主动公开政府信息情况"
    assert isinstance(grid, Grid)
    assert rows(grid) == [
        ["第二十条第（一）项"],
        ["信息内容", "本年新\n制作数量", "对外公开总数量"],
        ["", "自\n然\n人"],
        ["规章", "０"],
    ]
    assert isinstance(after, Paragraph) and after.location.line == 18
    assert grid.rows[3][1].location.line == 15 and grid.rows[3][1].location.source == "w.txt"


def test_word_layout_label_split_by_a_blank_line_stays_one_cell() -> None:
    # Seed 002: "\t总" / "" / "计" / "\t未经复议直接起诉" — one header row, not two rows and a paragraph.
    lines = ["\t行政复议", "", "\t尚未审结", "\t总", "", "计", "\t未经复议直接起诉", "", "\t1", "\t2"]
    (grid,) = word_layout.parse(lines, None).blocks
    assert isinstance(grid, Grid)
    assert rows(grid) == [["行政复议"], ["尚未审结", "总\n计", "未经复议直接起诉"], ["1", "2"]]


def test_word_layout_heading_or_prose_after_a_number_ends_the_table() -> None:
    # Seed 002 runs the next heading straight after the last value, with no blank line.
    lines = ["\t0", "\t1", " 五、存在的主要问题及改进情况", "2020年工作有差距。", "\t规章", "\t0", "", "单位：件"]
    blocks = word_layout.parse(lines, None).blocks
    assert [type(b).__name__ for b in blocks] == ["Grid", "Paragraph", "Paragraph", "Grid", "Paragraph"]
    first = blocks[0]
    assert isinstance(first, Grid) and rows(first) == [["0", "1"]]
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].text == "单位：件"


def test_pipe_layout_rows_empty_cells_and_padding() -> None:
    lines = [
        "二、主动公开政府信息情况",
        "第二十条第(一)项 | |||",
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
        "",
        "规章 | 0 | 0 | 0 |",
        "三、收到和处理政府信息公开申请情况",
    ]
    grid = grid_between_paragraphs(delimited_layout.parse(lines, "p.txt"))
    assert rows(grid) == [
        ["第二十条第(一)项", "", "", ""],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
    ]
    assert grid.rows[2][3].location.line == 5


def test_tab_separated_rows_keep_an_empty_first_cell() -> None:
    # Word's plain-text export and a table copied from a browser or a spreadsheet: one row per line.
    lines = [
        "三、收到和处理政府信息公开申请情况",
        "\t申请人情况",
        "\t自然人\t法人或其他组织\t\t总计",
        "一、本年新收政府信息公开申请数量\t90\t2\t92",
        "（本表单位：件）",
    ]
    grid = grid_between_paragraphs(delimited_layout.parse(lines, "t.txt"))
    assert rows(grid) == [
        ["", "申请人情况"],
        ["", "自然人", "法人或其他组织", "", "总计"],
        ["一、本年新收政府信息公开申请数量", "90", "2", "92"],
    ]
    assert grid.rows[2][3].location.line == 4 and grid.rows[2][3].location.column == 3
    assert choose_layout(lines)[0] == "delimited_layout"


def test_a_tab_inside_word_layout_cells_does_not_make_rows() -> None:
    # Word extraction indents each cell with one tab: no line has a tab after text.
    lines = ["标题", "\t规章", "\t0", "", "\t规范性文件", "\t1"]
    assert delimited_layout.detect(lines) == 0


def test_layout_chosen_by_the_most_table_lines() -> None:
    word = ["标题", "\t规章", "\t0", "", "\t规范性文件", "\t1"]
    pipe = ["标题", "规章 | 0 | 0 | 0 |", "规范性文件 | 1 | 1 | 1 |", "\t孤立的缩进行"]
    assert choose_layout(word)[0] == "word_layout"
    assert choose_layout(pipe)[0] == "delimited_layout"
    assert choose_layout(["只有文字", "没有表格"])[0] == "word_layout"


def test_split_lines_handles_every_line_end_and_a_bom() -> None:
    assert split_lines("\ufeffa\r\nb\rc\nd") == ["a", "b", "c", "d"]
