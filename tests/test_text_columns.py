"""PDF text (``pdftotext -layout``): the layout's grids and paragraphs, and the end-to-end read.

Row labels and values below were read from the PDF (``corpus/pdf_huaian_shi_2024.pdf``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from expected_values import EXPECTED, assert_matches
from govinfo_report import Cell, api
from govinfo_report.document import Document, Grid
from govinfo_report.io.text import columns_layout

NAME = "pdftotext_huaian_shi_2024"


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def doc(shared_dir: Path) -> Document:
    path = shared_dir / "corpus" / "text" / f"{NAME}.txt"
    return columns_layout.parse(lines_of(path), str(path))


def rows(doc: Document) -> list[list[str]]:
    return [[c.text for c in row] for grid in doc.grids for row in grid.rows]


def values_of(doc: Document, label: str) -> list[str]:
    """The value cells of the row labelled *label* (exactly)."""
    (row,) = [r for r in rows(doc) if r and r[0] == label and len(r) > 1]
    return row[1:]


# --- detection -----------------------------------------------------------------------------------


def test_detects_columns(shared_dir: Path) -> None:
    assert columns_layout.detect(lines_of(shared_dir / "corpus" / "text" / f"{NAME}.txt")) >= 30


def test_tab_and_pipe_text_is_not_columns(shared_dir: Path) -> None:
    for seed in sorted((shared_dir / "seeds").glob("*.txt")):
        assert columns_layout.detect(lines_of(seed)) == 0, seed.name


# --- grids ---------------------------------------------------------------------------------


def test_three_tables_and_headings_between_them(doc: Document) -> None:
    assert len(doc.grids) == 3
    paragraphs = [p.text for p in doc.paragraphs]
    for heading in (
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ):
        assert heading in paragraphs


def test_table2_rows_one_value_each_where_printed(doc: Document) -> None:
    assert values_of(doc, "规章") == ["1", "0", "11"]
    assert values_of(doc, "行政规范性文件") == ["8", "26", "66"]
    assert values_of(doc, "行政许可") == ["447228"]  # one number in the PDF, not 447 / 228
    assert values_of(doc, "行政处罚") == ["3985758"]
    assert values_of(doc, "行政事业性收费") == ["96171.6"]
    # The group titles stay rows of their own, not glued to the row above.
    assert ["第二十条 第（五）项"] in rows(doc)
    assert ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"] in rows(doc)


def test_labels_broken_before_and_after_their_numbers_are_joined(doc: Document) -> None:
    partly = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert values_of(doc, partly) == ["447", "7", "0", "0", "0", "0", "454"]
    assert values_of(doc, "5.要求行政机关确认或重新出具已获取信息") == ["1", "0", "0", "0", "0", "0", "1"]
    no_correction = "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    assert values_of(doc, no_correction) == ["67", "3", "0", "0", "1", "0", "71"]
    fee_unpaid = "2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    assert values_of(doc, fee_unpaid) == ["6", "0", "0", "0", "0", "0", "6"]


def test_page_number_inside_a_table_is_dropped(doc: Document) -> None:
    # '-4-' sits between （四）无 and 法提供 / 2.没有现成信息需要另行制作.
    assert values_of(doc, "2.没有现成信息需要另行制作") == ["11", "0", "0", "0", "0", "0", "11"]
    texts = [t for r in rows(doc) for t in r] + [p.text for p in doc.paragraphs]
    assert not any(t.strip("-").isdigit() and t.startswith("-") for t in texts)


def test_group_labels_are_joined_into_rows_of_their_own(doc: Document) -> None:
    labels = [r[0] for r in rows(doc) if len(r) == 1]
    for group in ("三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"):
        assert group in labels


def test_table4_is_one_row_of_fifteen(doc: Document) -> None:
    last = doc.grids[-1].rows[-1]
    assert [c.text for c in last] == [
        "72",
        "64",
        "178",
        "37",
        "351",
        "13",
        "4",
        "8",
        "1",
        "26",
        "12",
        "1",
        "1",
        "6",
        "20",
    ]
    assert last[0].location.line == 220


def test_prose_line_ending_in_a_number_is_prose(doc: Document) -> None:
    # The lines end in "共计 95" and "行政复议 351": prose going on in the next line, not table rows.
    paragraphs = [p.text for p in doc.paragraphs]
    assert any("不规范等新老问题。截至目前，全市在运维政务新媒体共计95个，" in p for p in paragraphs)
    assert any("均在法定期限内予以答复。政府信息公开行政复议351件，其中结果维持72件" in p for p in paragraphs)
    assert not [r for r in rows(doc) if r[-1] in ("95", "351") and len(r) == 2]


def test_small_hand_written_page() -> None:
    lines = [
        "            某县人民政府",
        "   一、总体情况",
        "   全年受理申请 5 件。",
        "      三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量          5     0     5",
        "",
        "      （二）部分公开（区分处理的，只计这一情",
        "                                      2     0     2",
        "                    - 7 -",
        "      形，不计其他情形）",
        "",
        "   五、存在的主要问题及改进情况",
        "   无。",
    ]
    doc = columns_layout.parse(lines, "p.txt")
    (grid,) = doc.grids
    assert isinstance(grid, Grid)
    assert [[c.text for c in row] for row in grid.rows] == [
        ["一、本年新收政府信息公开申请数量", "5", "0", "5"],
        ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "2", "0", "2"],
    ]
    assert [p.text for p in doc.paragraphs] == [
        "某县人民政府",
        "一、总体情况",
        "全年受理申请5件。",  # pdftotext's space between CJK and digits dropped
        "三、收到和处理政府信息公开申请情况",
        "五、存在的主要问题及改进情况",
        "无。",
    ]
    label = grid.rows[1][0]
    assert label.location.line == 7  # where the label starts


# --- end to end -------------------------------------------------------------------------------


def test_reads_what_a_person_reads(shared_dir: Path) -> None:
    expected = EXPECTED[NAME]
    report = api.read(shared_dir / expected.document)
    assert_matches(report, expected)
    assert not [f for f in report.findings if f.rule.startswith("reader.")]


def test_cells_carry_the_pdf_page_their_form_feed_starts(shared_dir: Path) -> None:
    # Pages as `pdftotext -f N -l N` of the PDF shows them: 规章 on page 3; 行政处罚, 行政事业性收费 and
    # 一、本年新收 on page 4; 2.没有现成信息需要另行制作 (after the page break inside table 三) and
    # table 四 on page 5.
    report = api.read(shared_dir / "corpus" / "text" / f"{NAME}.txt")
    ad, rq, rl = report.active_disclosure, report.requests, report.review_litigation
    assert ad is not None and rq is not None and rl is not None

    def page(cell: Cell) -> int | None:
        return None if cell.location is None else cell.location.page

    assert page(ad["regulations", "issued"]) == 3
    assert page(ad["penalty", "decisions"]) == 4
    assert page(ad["fees", "amount"]) == 4
    assert page(rq["new_received", "natural_person"]) == 4
    assert page(rq["unable_not_held", "natural_person"]) == 4
    assert page(rq["unable_needs_creation", "natural_person"]) == 5
    assert page(rl["review", "upheld"]) == 5
    where = str(rq["new_received", "total"].location)
    assert "page 4, line 123" in where
