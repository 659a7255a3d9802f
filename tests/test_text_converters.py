"""Text that document converters make of a Word report: pandoc's plain text and docx2txt's.

The fixtures (``tests/data/``, its README says how each was made) are seed
001 (道外区机关服务中心 2020), whose table 3 has twelve blank cells, converted
from the corpus docx.  Every value expected here is the seed's (see
``expected_values.py``); the comments give the fixture's lines.
"""

from __future__ import annotations

from pathlib import Path

from expected_values import EXPECTED, assert_matches
from govinfo_report import AnnualReport, api
from govinfo_report.io.text import columns_layout

DATA = Path(__file__).parent / "data"
SEVEN = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")


def values(report: AnnualReport, row: str) -> dict[str, object]:
    assert report.requests is not None
    return {col: cell.value for (r, col), cell in report.requests.cells.items() if r == row}


def test_docx2txt_blank_cells_are_lines_of_their_own() -> None:
    # docx2txt ends every cell with an empty line, a blank cell too: 621–635 is （七）总计, 0, 0, four
    # blank cells (eight empty lines), 0.  Read as one extra empty line each, the row had eleven
    # cells and lost its total.
    report = api.read(DATA / "docx2txt_001.txt")
    assert_matches(report, EXPECTED["001"])
    assert not [f.rule for f in report.findings if f.rule.startswith("reader.")]


def test_pandoc_plain_text_puts_a_short_rows_numbers_in_their_columns() -> None:
    report = api.read(DATA / "pandoc_plain_001.txt")
    # 84: 7.属于行政执法案卷, its first two cells blank, the five zeros under 科研机构 … 总计.
    assert values(report, "denied_enforcement_files") == dict(zip(SEVEN, (None, None, 0, 0, 0, 0, 0), strict=True))
    # 108: 四、结转下年度继续办理, one zero, under 总计.
    assert values(report, "carried_forward") == dict(zip(SEVEN, (*[None] * 6, 0), strict=True))
    short = {c.row for f in report.findings if f.rule == "reader.short_row" for c in f.cells}
    # 106: pandoc prints （七）总计's numbers a column to the right (its label spans two columns) and its
    # last beyond the table: that row is read in order, and said to be short.
    assert short == {"total_processed"}


def test_pandoc_plain_text_reads_as_the_document_but_for_the_row_pandoc_shifts() -> None:
    report = api.read(DATA / "pandoc_plain_001.txt")
    expected = EXPECTED["001"]
    assert (report.title, report.agency, report.year) == (expected.title, expected.agency, expected.year)
    wrong = []
    for ref, cell in report.cells():
        if ref.row == "total_processed":
            continue
        want = None if str(ref) in expected.missing else 0  # every printed number of seed 001 is 0
        if cell.value != want:
            wrong.append(f"{ref}: {cell.value!r}")
    assert not wrong


def _padded(rows: list[tuple[str, list[str]]], widths: list[int]) -> list[str]:
    """Rows padded cell by cell to display columns, as pandoc pads them (a CJK character is two wide)."""
    out = []
    for label, cells in rows:
        line = label + " " * (widths[0] - 2 * len(label))
        for cell, width in zip(cells, widths[1:], strict=True):
            line += cell + " " * (width - len(cell))
        out.append(line.rstrip())
    return out


def test_display_padded_columns_place_blank_cells_and_character_columns_do_not() -> None:
    rows = [("规章", ["1", "2", "3"]), ("行政许可事项", ["4", "5", "6"]), ("行政处罚", ["", "7", "8"])]
    widths = [16, 6, 6, 6]
    cells = [[c.text for c in r] for g in columns_layout.parse(_padded(rows, widths), "t.txt").grids for r in g.rows]
    assert cells[-1] == ["行政处罚", "", "7", "8"]
    # The same rows padded to character columns (as pdftotext places them): the numbers' places cannot
    # tell a blank cell from a row printed shifted, so the short row is read in order.
    chars = [label + " " * (10 - len(label)) + "".join(c.ljust(6) for c in cells) for label, cells in rows]
    cells = [[c.text for c in r] for g in columns_layout.parse(chars, "t.txt").grids for r in g.rows]
    assert cells[-1] == ["行政处罚", "7", "8"]


def test_pdfplumber_layout_text_of_a_browser_print_reads_as_the_document() -> None:
    # pdfplumber's layout text keeps the page's margin (every line nine spaces in), prints the title's
    # year on a line of its own inside the gap it leaves (4–5), gives radicals for ideographs (⼭亭区⼈⺠),
    # and prints a group label's fragment and a row's label on one line with no number
    # (174–176: （四）⽆   2.没有现成信息需要另⾏ / numbers / 法提供    制作).
    report = api.read(DATA / "pdfplumber_layout_000.txt")
    assert_matches(report, EXPECTED["000"])  # title, agency, prose and every value
    assert report.sections.overview.startswith(
        "2020年，山亭区人民政府办公室认真贯彻落实国务院、省、市关于政务公开工作决策部署"
    )
    assert values(report, "unable_needs_creation") == dict.fromkeys(SEVEN, 0)
    assert [f.rule for f in report.findings if f.rule.startswith("reader.")] == ["reader.radicals"]
