"""The PDF reader plugin on the real 淮安市 2024 report, and on inputs that are not one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from govinfo_report_pdf import PdfReader
from pdf_support import pdf

import govinfo_report as gr
from expected_values import EXPECTED, assert_matches
from govinfo_report.document import Grid, Paragraph
from govinfo_report.testing import check_format

# A valid one-page PDF with nothing on the page.
EMPTY_PDF = b"""%PDF-1.4
1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj
trailer <</Root 1 0 R>>
%%EOF
"""


def test_installing_the_distribution_adds_the_pdf_format() -> None:
    infos = {info.name: info for info in gr.formats()}
    assert infos["pdf"].distribution == "govinfo-report-pdf"
    assert infos["pdf"].can_read and not infos["pdf"].can_write


def test_the_huaian_pdf_reads_to_what_a_person_reads_in_it(huaian_path: Path) -> None:
    # The repository's hand-written values of this report (checked against the PDF, table by table).
    expected = replace(EXPECTED["pdftotext_huaian_shi_2024"], document="corpus/pdf_huaian_shi_2024.pdf")
    report = gr.read(huaian_path)
    assert_matches(report, expected)
    # Prose as one reads it: lines of a paragraph joined, no typesetting spaces around numbers.
    assert report.sections.preamble.startswith("本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》")
    assert "2024年，全市共受理政府信息公开申请3119件，答复3050件" in report.sections.overview
    assert "全年收取政府信息公开信息处理费3940元" in report.sections.other_matters
    assert report.source == str(huaian_path)


def test_bytes_without_a_name_are_recognised_by_their_signature(huaian_pdf: bytes, huaian_path: Path) -> None:
    assert PdfReader().sniff(huaian_pdf[:4096]) == 100
    assert PdfReader().sniff(b"<html>") == 0
    assert gr.read(huaian_pdf) == gr.read(huaian_path)


def test_the_report_satisfies_its_own_arithmetic(huaian_pdf: bytes) -> None:
    # By hand: 3001 + 34 = 2932 + 103; 72 + 64 + 178 + 37 = 351; the prose's 3119 and 46 agree.
    findings = gr.validate(gr.read(huaian_pdf))
    assert [f for f in findings if f.severity is not gr.Severity.INFO] == []


def test_tables_broken_over_pages_become_one_grid_each(huaian_pdf: bytes) -> None:
    doc = PdfReader().parse(huaian_pdf, source="huaian.pdf")
    grids = [b for b in doc.blocks if isinstance(b, Grid)]
    # Table 2 runs from page 3 to page 4, table 3 from page 4 to page 5; a boxed paragraph is not a table.
    assert [len(g.rows) for g in grids] == [14, 28, 4]
    table2, table3, table4 = grids
    assert [c.text for c in table2.rows[13]][:2] == ["行政事业性收费", "96171.6"]
    # The first row on page 5 continues the column 三、本年度办理结果 from page 4.
    page5 = table3.rows[16]
    assert page5[0].text == "三、本年度办理结果" and page5[0].spanned
    assert [c.text for c in page5[2:]] == ["2.没有现成信息需要另行制作", "11", "0", "0", "0", "0", "0", "11"]
    assert [c.text for c in table4.rows[3]] == [
        *("72", "64", "178", "37", "351"),
        *("13", "4", "8", "1", "26"),
        *("12", "1", "1", "6", "20"),
    ]
    assert table3.rows[3][3].location.table == 1 and table3.rows[3][3].location.row == 3
    # Each cell says the page it is drawn on, a table joined over pages included.
    assert table2.rows[13][1].location.page == 4 and table2.location.page == 3
    assert page5[3].location.page == 5 and table3.rows[3][3].location.page == 4
    assert table4.rows[3][0].location.page == 5


def test_every_location_names_its_page(huaian_path: Path) -> None:
    # Pages as `pdftotext -f N -l N` shows them: 规章 on page 3, 一、本年新收 on page 4,
    # 2.没有现成信息需要另行制作 on page 5, the title on page 1.
    report = gr.read(huaian_path)
    ad, rq = report.active_disclosure, report.requests
    assert ad is not None and rq is not None
    assert [
        c.location.page
        for c in (ad["regulations", "issued"], rq["new_received", "total"], rq["unable_needs_creation", "total"])
        if c.location
    ] == [3, 4, 5]
    assert str(rq["new_received", "total"].location).endswith("page 4, table 2, row 4, column 10")
    first = PdfReader().parse(huaian_path.read_bytes()).blocks[0]
    assert isinstance(first, Paragraph) and first.location.page == 1


def test_paragraphs_are_whole_and_page_numbers_dropped(huaian_pdf: bytes) -> None:
    paragraphs = [b for b in PdfReader().parse(huaian_pdf).blocks if isinstance(b, Paragraph)]
    texts = [p.text for p in paragraphs]
    assert texts[0] == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert paragraphs[0].heading
    assert "一、总体情况" in texts and next(p for p in paragraphs if p.text == "一、总体情况").heading
    # A paragraph broken over pages 1 and 2 is one paragraph, without the page number between.
    assert any(t.startswith("（一）主动公开情况。") and t.endswith("回应舆论关切。") for t in texts)
    assert not any(t.strip("-－ ").isdigit() for t in texts)
    assert texts[-1] == (
        "2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"just some text", "not a PDF"),
        (b"%PDF-1.7\n%%EOF", "cannot read the PDF"),
    ],
)
def test_inputs_that_are_not_pdfs_raise_read_errors(data: bytes, message: str) -> None:
    with pytest.raises(gr.ReadError, match=message):
        gr.read(data, format="pdf")


def test_a_pdf_with_no_text_is_not_a_report() -> None:
    # What a scanned report looks like to this reader: pages without text.
    with pytest.raises(gr.NotAReportError, match="no annual report"):
        gr.read(EMPTY_PDF)


def test_a_truncated_pdf_raises_a_read_error_naming_the_file(huaian_pdf: bytes, tmp_path: Path) -> None:
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(huaian_pdf[: len(huaian_pdf) // 3])
    with pytest.raises(gr.ReadError, match=r"cut\.pdf: "):
        gr.read(cut)


def test_check_format_damaged_copies_of_the_real_pdf(huaian_pdf: bytes) -> None:
    check_format("pdf", samples=[huaian_pdf], max_examples=10, mutation_examples=10)


def test_pdfs_over_the_page_and_object_limits_are_refused(huaian_pdf: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    import govinfo_report_pdf.reader as reader

    monkeypatch.setattr(reader, "MAX_PAGES", 5)
    with pytest.raises(gr.UnsafeInputError, match="6 pages exceed the 5-page limit"):
        gr.read(huaian_pdf, format="pdf")
    monkeypatch.setattr(reader, "MAX_PAGES", 300)
    monkeypatch.setattr(reader, "MAX_PAGE_OBJECTS", 400)
    # Page 1 holds 497 characters (its title, the preamble and the start of 一、总体情况).
    with pytest.raises(gr.UnsafeInputError, match="page 1 holds"):
        gr.read(huaian_pdf, format="pdf")


def test_the_pdf_and_its_pdftotext_text_give_the_same_tables(huaian_path: Path) -> None:
    # Two independent readings of one report: this plugin on the PDF, the text reader on pdftotext's output.
    from_pdf = gr.read(huaian_path)
    from_text = gr.read(huaian_path.parent / "text" / "pdftotext_huaian_shi_2024.txt")
    assert (from_pdf.title, from_pdf.agency, from_pdf.year) == (from_text.title, from_text.agency, from_text.year)
    for code in ("active_disclosure", "requests", "review_litigation"):
        assert from_pdf.table(code) == from_text.table(code), code


def test_a_row_a_page_break_left_without_its_top_border_stays_in_the_table() -> None:
    # What a browser prints at the top of a page a table continues on: the first row's side borders,
    # and no line above it.  Three columns at x 20 / 80 / 130 / 180, rows 180–150 and 150–120.
    lines = b"".join(b"%d 180 m %d 120 l S " % (x, x) for x in (20, 80, 130, 180))
    lines += b"20 150 m 180 150 l S 20 120 m 180 120 l S"
    text = b" ".join(
        b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (x, y, word)
        for y, words in ((160, (b"open", b"1", b"2")), (130, (b"closed", b"3", b"4")))
        for x, word in zip((25, 85, 135), words, strict=True)
    )
    doc = PdfReader().parse(pdf((b"", lines + b" " + text)), source="cut.pdf")
    grids = [b for b in doc.blocks if isinstance(b, Grid)]
    assert [[c.text for c in row] for g in grids for row in g.rows] == [["open", "1", "2"], ["closed", "3", "4"]]
    assert not [b for b in doc.blocks if isinstance(b, Paragraph)]


def test_a_cell_whose_top_border_is_drawn_at_two_heights_keeps_its_text() -> None:
    # Seed 000's 四、结转下年度继续办理 as a browser prints it: the merged cell above its left part
    # (三、本年度办理结果) ends higher than the one above its right part (（六）其他处理), so its top
    # border is drawn at two heights and it has no four ruled corners for the table finder.
    # Columns at x 20 / 80 / 130 / 180; rows 180–150, 150–120 (the left cell ends at 130), 120–90.
    lines = b"20 180 m 180 180 l S 80 150 m 180 150 l S 20 130 m 80 130 l S 80 120 m 180 120 l S "
    lines += b"20 90 m 180 90 l S 20 180 m 20 90 l S 80 180 m 80 120 l S 130 180 m 130 90 l S 180 180 m 180 90 l S"
    words = [(25, 160, b"group"), (85, 160, b"first"), (135, 160, b"1"), (85, 130, b"second"), (135, 130, b"2")]
    words += [(25, 100, b"carried"), (135, 100, b"3")]
    text = b" ".join(b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % word for word in words)
    doc = PdfReader().parse(pdf((b"", lines + b" " + text)), source="two-heights.pdf")
    (grid,) = [b for b in doc.blocks if isinstance(b, Grid)]
    rows = [[c.text for c in row] for row in grid.rows]
    assert ["carried", "carried", "3"] in rows  # the label spans the two columns left of its value
    assert [row for row in rows if "first" in row] == [["group", "first", "1"]]
    assert not any("carried" in b.text for b in doc.blocks if isinstance(b, Paragraph))
