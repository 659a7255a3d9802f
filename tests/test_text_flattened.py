"""Crawler text (tables flattened onto one line, digits run together): the layout and end-to-end reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from expected_values import EXPECTED, assert_matches
from govinfo_report import api
from govinfo_report.document import Document, Grid, GridCell, Paragraph
from govinfo_report.io.text import flattened_layout
from govinfo_report.io.text.reader import choose_layout
from govinfo_report.model import Missing

CRAWLED = ("flattened_pingtan_2020", "flattened_pingtan_2022")
DATA = Path(__file__).parent / "data"


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def parse(shared_dir: Path, name: str) -> Document:
    path = shared_dir / "corpus" / "text" / f"{name}.txt"
    return flattened_layout.parse(lines_of(path), str(path))


def rows_by_label(doc: Document) -> dict[str, list[tuple[str, bool]]]:
    """Each grid row's last label cell → its value cells as (text, fused)."""
    out: dict[str, list[tuple[str, bool]]] = {}
    for grid in doc.grids:
        for row in grid.rows:
            labels = [c for c in row if not _is_value(c)]
            values = [(c.text, c.fused) for c in row if _is_value(c)]
            out[labels[-1].text if labels else ""] = values
    return out


def _is_value(cell: GridCell) -> bool:
    return cell.fused or cell.text.isdigit()


# --- detection -----------------------------------------------------------------------------------


def test_detects_the_crawler_banner(shared_dir: Path) -> None:
    for name in CRAWLED:
        assert flattened_layout.detect(lines_of(shared_dir / "corpus" / "text" / f"{name}.txt")) >= 10_000


def test_other_text_is_not_crawler_text(shared_dir: Path) -> None:
    assert flattened_layout.detect(lines_of(shared_dir / "corpus" / "text" / "pdftotext_huaian_shi_2024.txt")) == 0
    for seed in sorted((shared_dir / "seeds").glob("*.txt")):
        assert flattened_layout.detect(lines_of(seed)) == 0, seed.name


# --- the document form ----------------------------------------------------------------------------


def test_metadata_is_dropped_and_the_page_title_kept(shared_dir: Path) -> None:
    doc = parse(shared_dir, "flattened_pingtan_2020")
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "平潭综合实验区2020年政府信息公开工作年度报告"
    assert not any("原文链接" in t or "本地目录" in t or "发布时间" in t or "====" in t for t in texts)
    # Headings glued to the previous sentence start paragraphs of their own.
    assert any(t.startswith("一、总体情况2020年，我区以习近平") for t in texts)
    assert "六、其他需要报告的事项" in texts
    assert texts[-1] == "无其他需要报告的事项"


def test_page_without_a_title_line_takes_the_crawled_heading(shared_dir: Path) -> None:
    doc = parse(shared_dir, "flattened_pingtan_2022")
    first = doc.blocks[0]
    assert isinstance(first, Paragraph)
    assert first.text == "平潭综合实验区2022年度政府信息公开工作年度报告"
    assert first.location.line == 1  # the crawler's 标题 line
    assert doc.paragraphs[1].text.startswith("本报告根据《中华人民共和国政府信息公开条例》")


def test_fused_rows_of_the_2020_report(shared_dir: Path) -> None:
    rows = rows_by_label(parse(shared_dir, "flattened_pingtan_2020"))
    assert rows["规章"] == [("007", True)]
    assert rows["规范性文件"] == [("7777166", True)]
    assert rows["行政处罚"] == [("2648-18538", True)]
    assert rows["行政事业性收费"] == [("35-15", True)]
    assert rows["政府集中采购"] == [("39573802895.90元", True)]
    assert rows["一、本年新收政府信息公开申请数量"] == [("200 000121", True)]
    # '…00000002.其他法律…': the 2 numbers the next label, not the row above.
    assert rows["（三）不予公开1.属于国家秘密"] == [("0000000", True)]
    assert rows["2.其他法律行政法规禁止公开"] == [("0000000", True)]
    # Single digits with spaces between are cells of their own.
    assert rows["（六）其他处理"] == [(d, False) for d in "4000004"]
    assert rows["（七）总计"] == [("20 0 00 0 121", True)]
    # Table 4: the column headings form a row of their own; the fifteen zeros have no label.
    assert rows[""] == [("0" * 15, True)]


def test_fused_cell_location_points_into_the_line(shared_dir: Path) -> None:
    doc = parse(shared_dir, "flattened_pingtan_2020")
    line = lines_of(shared_dir / "corpus" / "text" / "flattened_pingtan_2020.txt")[9]
    cell = next(c for g in doc.grids for row in g.rows for c in row if c.text == "2648-18538")
    assert cell.location.line == 10
    assert cell.location.offset is not None
    assert line[cell.location.offset :].startswith("2648-18538")


def test_rows_of_the_2022_report(shared_dir: Path) -> None:
    doc = parse(shared_dir, "flattened_pingtan_2022")
    rows = rows_by_label(doc)
    assert rows["行政规范性文件"] == [("8855698", True)]
    assert rows["行政许可"] == [("10690", True)]
    assert rows["行政强制"] == [("0", False)]
    assert rows["行政事业性收费"] == [("9116.36", True)]
    assert rows["3.其他"] == [("0200002", True)]
    assert rows[""] == [(d, False) for d in "011021000100000"]
    assert len(doc.grids) == 1


def test_prose_numbers_are_not_table_rows() -> None:
    lines = [
        "标题: 某县2021年政府信息公开工作年度报告",
        "==================== 正文 ====================",
        "某县2021年政府信息公开工作年度报告 一、总体情况2021年共受理申请21件，办结20件。"
        "二、主动公开政府信息情况第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 "
        "规章012行政规范性文件3 4 5 五、存在的主要问题及改进情况 问题不少。",
    ]
    doc = flattened_layout.parse(lines, "x.txt")
    (grid,) = doc.grids
    assert [[c.text for c in row] for row in grid.rows] == [
        ["二、主动公开政府信息情况第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "012"],
        ["行政规范性文件", "3", "4", "5"],
    ]
    assert [p.text for p in doc.paragraphs] == [
        "某县2021年政府信息公开工作年度报告",
        "一、总体情况2021年共受理申请21件，办结20件。",
        "五、存在的主要问题及改进情况",
        "问题不少。",
    ]


def test_text_without_banner_is_read_whole() -> None:
    doc = flattened_layout.parse(["某县2021年报告", "正文。"], None)
    assert [p.text for p in doc.paragraphs] == ["某县2021年报告", "正文。"]
    assert not any(isinstance(b, Grid) for b in doc.blocks)


def test_a_number_and_its_unit_across_a_space_are_prose() -> None:
    # get_text(" ") puts a space between every two text nodes: ``2 件`` is a count in a sentence.
    line = "区行政复议机关收到行政复议 2 件，其中，维持 1 件、结果纠正 1 件。"
    assert not flattened_layout.parse([line], None).grids
    # Nor are numbers in quotes: names, not cells.
    line = "围绕“ 1343 ”工作思路以及区委“ 136 ”工作举措开展工作"
    assert not flattened_layout.parse([line], None).grids


def test_a_table_starts_after_a_sentence_ended_by_an_ascii_semicolon() -> None:
    line = (
        "采取两种形式：一是公开各类信息 ; 二、主动公开政府信息情况 信息内容 本年新制作数量 规章 0 0 0 规范性文件 1 2 3"
    )
    doc = flattened_layout.parse([line], None)
    (grid,) = doc.grids
    assert grid.rows[0][0].text == "二、主动公开政府信息情况"
    assert "采取两种形式：一是公开各类信息" in [p.text for p in doc.paragraphs]


def test_a_title_run_into_the_preamble_is_its_own_paragraph() -> None:
    # get_text(strip=True) joins a page's text nodes with nothing between them.
    line = "某县人民政府2021年政府信息公开工作年度报告根据《条例》编制本报告。一、总体情况全年公开信息。"
    doc = flattened_layout.parse([line], None)
    assert [p.text for p in doc.paragraphs][:2] == [
        "某县人民政府2021年政府信息公开工作年度报告",
        "根据《条例》编制本报告。",
    ]
    assert doc.paragraphs[1].location.offset == len("某县人民政府2021年政府信息公开工作年度报告")


def test_rows_run_into_each_other_are_this_layout_without_the_banner() -> None:
    lines = lines_of(DATA / "get_text_strip_000.txt")
    assert flattened_layout.detect(lines) >= flattened_layout.MIN_ROWS
    assert choose_layout(lines)[0] == "flattened_layout"
    # A few numbers in a sentence are no table, nor are many between words that label no row.
    assert flattened_layout.detect(["全年受理申请21件，办结20件，其中规章3 4 5行政规范性文件6 7 8。"]) == 0
    assert flattened_layout.detect(["甲乙1丙丁2戊己3庚辛4壬癸5子丑6寅卯7辰巳8午未9申酉10戌亥11天地12玄黄13"]) == 0


# --- end to end -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "seed"),
    [
        ("get_text_strip_000", "000"),  # get_text(strip=True): text nodes joined by nothing, one line
        ("get_text_space_strip_002", "002"),  # get_text(" ", strip=True): joined by a space
        ("get_text_space_strip_004", "004"),
    ],
)
def test_a_pages_text_on_one_line_reads_as_the_seed(fixture: str, seed: str) -> None:
    report = api.read(DATA / f"{fixture}.txt")
    assert_matches(report, EXPECTED[seed])


@pytest.mark.parametrize("key", CRAWLED)
def test_reads_what_a_person_reads(shared_dir: Path, key: str) -> None:
    expected = EXPECTED[key]
    report = api.read(shared_dir / expected.document)
    assert_matches(report, expected)


def test_ambiguous_cells_are_unreadable_with_findings(shared_dir: Path) -> None:
    report = api.read(shared_dir / "corpus" / "text" / "flattened_pingtan_2022.txt")
    table = report.active_disclosure
    assert table is not None
    assert table["normative_documents", "issued"].missing is Missing.UNREADABLE
    ambiguous = [f for f in report.findings if f.rule == "reader.ambiguous_split"]
    assert len(ambiguous) == 1
    assert "88,55,698" in ambiguous[0].message  # what the prose says (制发88件, 现行有效698件) is a candidate


def test_ambiguous_table2_rows_of_2020_are_flagged(shared_dir: Path) -> None:
    report = api.read(shared_dir / "corpus" / "text" / "flattened_pingtan_2020.txt")
    ambiguous = [f for f in report.findings if f.rule == "reader.ambiguous_split"]
    # 规范性文件, 行政许可, 其他对外管理服务事项, 行政处罚 (change/decisions), 行政强制, 政府集中采购.
    assert sorted({c.row for f in ambiguous for c in f.cells}) == sorted(
        ["normative_documents", "licensing", "other_services", "penalty", "coercion", "procurement"]
    )
