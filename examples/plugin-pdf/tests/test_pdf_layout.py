"""The geometry behind the PDF reader, on hand-made lines and cell boxes."""

from __future__ import annotations

from typing import Any

from govinfo_report_pdf.tables import Box, RawTable, merge_page_breaks, orphan_cells, to_grid
from govinfo_report_pdf.text import Line, is_page_number, join_text, merge_shifted, paragraphs
from hypothesis import assume, given
from hypothesis import strategies as st


def _line(text: str, x0: float, top: float, x1: float = 520.0, *, size: float = 16.0, page: int = 0) -> Line:
    return Line(text, page, x0, x1, top, top + size, size, heading_font=False)


def test_lines_join_without_spaces_in_chinese_and_with_them_between_latin_words() -> None:
    assert (
        join_text(["全年收取政府信息公开信息处理费 3940 元", "（含上年度结转）"])
        == "全年收取政府信息公开信息处理费3940元（含上年度结转）"
    )
    assert join_text(["电子邮箱：hazwgkc@163.com", "see", "also"]) == "电子邮箱：hazwgkc@163.com see also"
    assert join_text(["商业企", "业"]) == "商业企业"


def _found(text: str, x0: float, top: float, bottom: float, width: float) -> dict[str, Any]:
    """A text line as pdfplumber's ``extract_text_lines(return_chars=True)`` gives it, one char per character."""
    chars = [
        {"text": ch, "x0": x0 + i * width, "x1": x0 + (i + 1) * width, "top": top, "bottom": bottom, "size": 21.4}
        for i, ch in enumerate(text)
    ]
    return {"text": text, "chars": chars, "x0": x0, "x1": x0 + len(text) * width, "top": top, "bottom": bottom}


def test_a_title_whose_year_is_set_lower_is_one_line() -> None:
    # Corpus 000's title in Chromium's print, as pdfplumber splits it: the Chinese text at 45.13–66.52,
    # the year in Liberation Sans at 49.66–71.06 filling the gap left for it, the second line at 75.88.
    head, tail = (
        _found("山亭区人民政府办公室", 62.3, 45.13, 66.52, 21.4),
        _found("年政府信息公开工作年度", 323.9, 45.13, 66.52, 21.4),
    )
    title = {**head, "text": f"{head['text']} {tail['text']}", "chars": head["chars"] + tail["chars"], "x1": tail["x1"]}
    found = [title, _found("2020", 276.3, 49.66, 71.06, 11.9), _found("报告", 62.3, 75.88, 97.28, 21.4)]
    merged = merge_shifted(found)
    assert [line["text"] for line in merged] == ["山亭区人民政府办公室2020年政府信息公开工作年度", "报告"]
    assert (merged[0]["top"], merged[0]["bottom"]) == (45.13, 71.06)


def test_lines_apart_or_printed_over_each_other_stay_apart() -> None:
    body = [
        _found("根据条例编制本报告", 62.3, 119.34, 130.03, 10.7),
        _found("本年度共收到申请", 62.3, 134.7, 145.4, 10.7),
    ]
    assert [line["text"] for line in merge_shifted(body)] == ["根据条例编制本报告", "本年度共收到申请"]
    # Same height, but the characters overlap: two texts printed on top of each other, not one line.
    overlapping = [_found("水印文字", 62.3, 45.0, 66.0, 21.4), _found("正文", 70.0, 47.0, 68.0, 21.4)]
    assert len(merge_shifted(overlapping)) == 2


def test_text_in_no_cell_gets_the_gap_it_sits_in() -> None:
    # Page 4 of corpus 000's Chromium print: the cells around 四、结转下年度继续办理 (whose top border is
    # drawn at 201 on the left and 213 on the right, so the table finder made no cell of it).
    cells = [
        Box(62.7, 28.0, 124.0, 201.23, ""),
        Box(124.0, 123.68, 171.8, 213.26, "（六）其他处理"),
        Box(171.8, 174.49, 329.8, 213.26, "（七）总计"),
        Box(329.8, 174.49, 375.3, 213.26, "0"),
        Box(294.3, 213.26, 329.8, 252.04, "0"),
        Box(329.8, 213.26, 375.3, 252.04, "0"),
    ]
    stray = [Box(66.0, 225.6, 200.0, 236.3, "四、结转下年度继续办理")]
    assert orphan_cells(cells, stray) == [Box(62.7, 213.26, 294.3, 252.04, "四、结转下年度继续办理")]
    assert orphan_cells(cells, []) == []
    # Two lines of one label land in the same gap: one cell.
    two = [Box(66.0, 218.0, 200.0, 228.0, "四、结转下年"), Box(66.0, 232.0, 200.0, 242.0, "度继续办理")]
    assert [c.text for c in orphan_cells(cells, two)] == ["四、结转下年度继续办理"]


def test_page_numbers() -> None:
    for text in ("-3-", "- 3 -", "－12－", "7", "第 2 页", "第2页共6页"):
        assert is_page_number(text), text
    for text in ("3119", "-1- 申请", "一、总体情况", "-3"):
        assert not is_page_number(text), text


def test_paragraphs_start_at_an_indent_and_after_a_short_line() -> None:
    lines = [
        _line("本报告由某市人民政府办公室根据《条例》规定编", 106, 100),
        _line("制。报告所列统计期限自2024年1月1日至", 74, 128),
        _line("2024年12月31日。", 74, 156, x1=200),  # short: the paragraph ends here
        _line("不缩进但在短行之后的段落", 74, 184),
        _line("第二段的续行", 74, 212),
        _line("（一）缩进开始新段。", 106, 240),
    ]
    paras = paragraphs(lines)
    assert [p.text for p in paras] == [
        "本报告由某市人民政府办公室根据《条例》规定编制。报告所列统计期限自2024年1月1日至2024年12月31日。",
        "不缩进但在短行之后的段落第二段的续行",
        "（一）缩进开始新段。",
    ]
    assert [p.first_line for p in paras] == [1, 4, 6]


def test_a_title_in_large_type_over_two_centred_lines_is_one_heading() -> None:
    lines = [
        _line("某市人民政府", 219, 160, 373, size=22),
        _line("2024年政府信息公开工作年度报告", 129, 189, 464, size=22),
        *(_line(f"正文第{i}行，字号小于标题，左对齐到版心左边距。", 74, 276 + 28 * i) for i in range(3)),
    ]
    title, body = paragraphs(lines)
    assert (title.text, title.heading) == ("某市人民政府2024年政府信息公开工作年度报告", True)
    assert not body.heading


def test_a_break_before_a_line_ends_the_paragraph_there() -> None:
    lines = [_line("表格之前的文字，一直写到右边", 74, 100), _line("表格之后的文字", 74, 300)]
    assert len(paragraphs(lines)) == 2  # the gap alone breaks them
    close = [_line("表格之前的文字，一直写到右边", 74, 100), _line("表格之后的文字", 74, 120)]
    assert len(paragraphs(close)) == 1
    assert len(paragraphs(close, frozenset({1}))) == 2


def _table(page: int, cells: list[Box], *, starts: bool = False, ends: bool = False) -> RawTable:
    top, bottom = min(c.top for c in cells), max(c.bottom for c in cells)
    return RawTable(page, page, top, bottom, tuple(cells), ends_page=ends, starts_page=starts)


# Page 1 ends a table whose first column holds a label merged over two rows.
_END_OF_PAGE_1 = [
    Box(0, 700, 100, 760, "三、本年度办理结果"),
    Box(100, 700, 200, 730, "（一）予以公开"),
    Box(200, 700, 300, 730, "5"),
    Box(100, 730, 200, 760, "（二）部分公开"),
    Box(200, 730, 300, 760, "1"),
]
_TOP_OF_PAGE_2 = [
    Box(0, 80, 100, 110, ""),
    Box(100, 80, 200, 110, "（三）不予公开"),
    Box(200, 80, 300, 110, "2"),
]


def test_a_table_broken_over_a_page_is_joined_and_its_merged_label_continues() -> None:
    (joined,) = merge_page_breaks([_table(0, _END_OF_PAGE_1, ends=True), _table(1, _TOP_OF_PAGE_2, starts=True)])
    grid = to_grid(joined, 0, "x.pdf")
    assert [[c.text for c in row] for row in grid.rows] == [
        ["三、本年度办理结果", "（一）予以公开", "5"],
        ["三、本年度办理结果", "（二）部分公开", "1"],
        ["三、本年度办理结果", "（三）不予公开", "2"],
    ]
    assert [row[0].spanned for row in grid.rows] == [False, True, True]
    assert grid.rows[2][2].location.row == 2 and grid.rows[2][2].location.source == "x.pdf"


def test_an_empty_cell_under_a_one_row_cell_stays_empty() -> None:
    one_row = [Box(0, 730, 100, 760, "（四）无"), Box(100, 730, 200, 760, "1")]
    below = [Box(0, 80, 100, 110, ""), Box(100, 80, 200, 110, "2")]
    (joined,) = merge_page_breaks([_table(0, one_row, ends=True), _table(1, below, starts=True)])
    assert [[c.text for c in row] for row in to_grid(joined, 0, None).rows] == [["（四）无", "1"], ["", "2"]]


def test_tables_are_not_joined_across_text_or_different_columns() -> None:
    first = _table(0, _END_OF_PAGE_1, ends=True)
    assert len(merge_page_breaks([first, _table(1, _TOP_OF_PAGE_2, starts=False)])) == 2  # text above it
    assert len(merge_page_breaks([_table(0, _END_OF_PAGE_1), _table(1, _TOP_OF_PAGE_2, starts=True)])) == 2
    other_columns = [Box(0, 80, 150, 110, "a"), Box(150, 80, 300, 110, "b")]
    assert len(merge_page_breaks([first, _table(1, other_columns, starts=True)])) == 2
    two_pages_on = _table(2, _TOP_OF_PAGE_2, starts=True)
    assert len(merge_page_breaks([first, two_pages_on])) == 2


def test_a_continuation_with_fewer_columns_joins_on_the_shared_boundaries() -> None:
    four = [Box(0, 700, 100, 730, "规章"), *(Box(100 + 50 * i, 700, 150 + 50 * i, 730, str(i)) for i in range(4))]
    two = [Box(0, 80, 100, 110, "行政处罚"), Box(100, 80, 300, 110, "3985758")]
    (joined,) = merge_page_breaks([_table(0, four, ends=True), _table(1, two, starts=True)])
    rows = to_grid(joined, 0, None).rows
    assert [c.text for c in rows[1]] == ["行政处罚", "3985758", "3985758", "3985758", "3985758"]
    assert [c.spanned for c in rows[1]] == [False, False, True, True, True]


@st.composite
def _merged_grids(draw: st.DrawFn) -> tuple[int, int, list[tuple[int, int, int, int]]]:
    """A grid of rows × columns cut into rectangles (merged cells): (rows, columns, [(r0, c0, r1, c1)])."""
    rows, columns = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    taken = [[False] * columns for _ in range(rows)]
    cells = []
    for r in range(rows):
        for c in range(columns):
            if taken[r][c]:
                continue
            width = 1
            while c + width < columns and not taken[r][c + width] and draw(st.booleans()):
                width += 1
            height = draw(st.integers(1, rows - r))
            for rr in range(r, r + height):
                for cc in range(c, c + width):
                    taken[rr][cc] = True
            cells.append((r, c, r + height, c + width))
    # A boundary no cell edge draws does not exist on the page: such a layout is another, smaller one.
    assume(all(any(b in (r0, r1) for r0, _c0, r1, _c1 in cells) for b in range(1, rows)))
    assume(all(any(b in (c0, c1) for _r0, c0, _r1, c1 in cells) for b in range(1, columns)))
    return rows, columns, cells


@given(_merged_grids(), st.floats(20, 60), st.floats(30, 90))
def test_any_merged_layout_is_laid_out_position_by_position(
    grid: tuple[int, int, list[tuple[int, int, int, int]]], row_height: float, column_width: float
) -> None:
    rows, columns, cells = grid
    boxes = [
        Box(c0 * column_width, 100 + r0 * row_height, c1 * column_width, 100 + r1 * row_height, f"{r0},{c0}")
        for r0, c0, r1, c1 in cells
    ]
    laid = to_grid(_table(0, boxes), 0, None).rows
    assert len(laid) == rows and all(len(row) == columns for row in laid)
    for r0, c0, r1, c1 in cells:
        for r in range(r0, r1):
            for c in range(c0, c1):
                assert laid[r][c].text == f"{r0},{c0}"
                assert laid[r][c].spanned == ((r, c) != (r0, c0))
