"""The docx reader on hand-written WordprocessingML: what a person sees in Word is what the document holds.

Each case is a small ``word/document.xml`` written as Word, WPS or
LibreOffice write it, with the text and grid a reader of the page sees.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from govinfo_report.document import Document, Grid, Paragraph
from govinfo_report.io.docx import DocxReader
from govinfo_report.io.docx.numbering import format_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V = "urn:schemas-microsoft-com:vml"

_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="{target}"/></Relationships>'
)


def make_docx(
    body: str,
    *,
    styles: str | None = None,
    prefix: str = "w",
    ns: str = W,
    part: str = "word/document.xml",
    extra_ns: str = "",
    numbering: str | None = None,
) -> bytes:
    """A minimal .docx whose body is *body* (markup using the ``w:`` prefix, renamed to *prefix*)."""
    if prefix != "w":
        body = body.replace("<w:", f"<{prefix}:").replace("</w:", f"</{prefix}:").replace(" w:", f" {prefix}:")
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<{prefix}:document xmlns:{prefix}="{ns}" xmlns:mc="{MC}" xmlns:wps="{WPS}" xmlns:v="{V}" '
        f'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14" {extra_ns}>'
        f"<{prefix}:body>{body}</{prefix}:body></{prefix}:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("_rels/.rels", _RELS.format(target=part))
        z.writestr(part, xml)
        if styles is not None:
            z.writestr(part.rsplit("/", 1)[0] + "/styles.xml", f'<w:styles xmlns:w="{W}">{styles}</w:styles>')
        if numbering is not None:
            z.writestr(
                part.rsplit("/", 1)[0] + "/numbering.xml", f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>'
            )
    return out.getvalue()


def p(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(text) if text else '<w:p/>'}</w:tc>"


def parse(body: str, **kwargs: str) -> Document:
    return DocxReader().parse(make_docx(body, **kwargs), source="t.docx")


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def grid_texts(grid: Grid) -> list[list[str]]:
    return [[c.text for c in row] for row in grid.rows]


# --- paragraph text -------------------------------------------------------------


def test_runs_tabs_and_breaks() -> None:
    doc = parse(
        "<w:p><w:pPr><w:tabs><w:tab w:val='left' w:pos='420'/></w:tabs></w:pPr>"
        "<w:r><w:t>本年新收</w:t></w:r><w:r><w:t xml:space='preserve'> 92 </w:t></w:r>"
        "<w:r><w:tab/><w:t>件</w:t><w:br/><w:t>第二行</w:t><w:noBreakHyphen/><w:t>甲</w:t></w:r></w:p>"
    )
    # The tab-stop definition in w:pPr is not text; the run's tab and break are.
    assert texts(doc) == ["本年新收 92 \t件\n第二行-甲"]


def test_hyperlinks_fields_and_content_controls_show_their_displayed_text() -> None:
    doc = parse(
        "<w:p><w:hyperlink r:id='rId9' xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships'>"
        "<w:r><w:t>中国兖州</w:t></w:r></w:hyperlink>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>7</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
        "<w:fldSimple w:instr=' DATE '><w:r><w:t>2021年1月</w:t></w:r></w:fldSimple>"
        "<w:sdt><w:sdtPr><w:alias w:val='机关'/></w:sdtPr>"
        "<w:sdtContent><w:r><w:t>山亭区</w:t></w:r></w:sdtContent></w:sdt>"
        "</w:p>"
        "<w:sdt><w:sdtPr/><w:sdtContent>" + p("块级控件") + "</w:sdtContent></w:sdt>"
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        + p("单击此处输入文字。")
        + "</w:sdtContent></w:sdt>"
    )
    # The field's instruction (PAGE) is not shown; an empty control's placeholder prompt is not content.
    assert texts(doc) == ["中国兖州72021年1月山亭区", "块级控件"]


def test_tracked_changes_keep_insertions_and_drop_deletions() -> None:
    doc = parse(
        "<w:p><w:r><w:t>共受理</w:t></w:r>"
        "<w:del w:id='1' w:author='a'><w:r><w:delText>90</w:delText></w:r></w:del>"
        "<w:ins w:id='2' w:author='a'><w:r><w:t>92</w:t></w:r></w:ins>"
        "<w:moveFrom w:id='3' w:author='a'><w:r><w:t>移走的字</w:t></w:r></w:moveFrom>"
        "<w:r><w:t>件</w:t></w:r></w:p>"
        # A deleted paragraph mark joins this paragraph to the next one.
        "<w:p><w:pPr><w:rPr><w:del w:id='4' w:author='a'/></w:rPr></w:pPr><w:r><w:t>上半句，</w:t></w:r></w:p>"
        + p("下半句。")
    )
    assert texts(doc) == ["共受理92件", "上半句，下半句。"]


def test_hidden_text_and_ruby_annotations_are_not_read() -> None:
    doc = parse(
        "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>可见</w:t></w:r>"
        "<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhù</w:t></w:r></w:rt>"
        "<w:rubyBase><w:r><w:t>注</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>"
    )
    assert texts(doc) == ["可见注"]


def test_text_box_is_read_once_after_its_paragraph() -> None:
    box = "<w:txbxContent>" + p("尧都区人民政府") + p("2020年政府信息公开工作年报") + "</w:txbxContent>"
    doc = parse(
        "<w:p><w:r><w:t>锚</w:t></w:r><w:r><mc:AlternateContent>"
        f"<mc:Choice Requires='wps'><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>" + p("正文")
    )
    # Word writes the box twice (DrawingML choice, VML fallback): a reader sees it once.
    assert texts(doc) == ["锚", "尧都区人民政府", "2020年政府信息公开工作年报", "正文"]


def test_legacy_vml_text_box_without_alternate_content() -> None:
    doc = parse(
        "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        + p("框内标题")
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
    )
    assert texts(doc) == ["框内标题"]


def test_empty_paragraphs_are_dropped_and_text_is_stripped() -> None:
    doc = parse("<w:p/>" + p("  一、总体情况  ") + "<w:p><w:r><w:t xml:space='preserve'>   </w:t></w:r></w:p>")
    assert texts(doc) == ["一、总体情况"]


# --- headings ---------------------------------------------------------------------


def test_headings_by_style_name_outline_level_and_inheritance() -> None:
    styles = (
        # Chinese Word names its built-in heading styles "heading 1" with style id "1".
        '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="章节"/>'
        '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Derived"><w:name w:val="派生"/><w:basedOn w:val="MyHead"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/></w:style>'
    )
    body = (
        p("标题甲", "1")
        + p("标题乙", "a3")
        + p("标题丙", "MyHead")
        + p("标题丁", "Derived")
        + p("正文", "BodyText")
        + "<w:p><w:pPr><w:outlineLvl w:val='0'/></w:pPr><w:r><w:t>直接大纲级别</w:t></w:r></w:p>"
        + "<w:p><w:pPr><w:pStyle w:val='1'/><w:outlineLvl w:val='9'/></w:pPr><w:r><w:t>正文级别</w:t></w:r></w:p>"
    )
    doc = parse(body, styles=styles)
    assert [(b.text, b.heading) for b in doc.paragraphs] == [
        ("标题甲", True),
        ("标题乙", True),
        ("标题丙", True),
        ("标题丁", True),
        ("正文", False),
        ("直接大纲级别", True),
        ("正文级别", False),
    ]


def test_heading_style_ids_are_recognised_without_a_styles_part() -> None:
    doc = parse(p("二、主动公开政府信息情况", "Heading2") + p("正文", "Normal"))
    assert [b.heading for b in doc.paragraphs] == [True, False]


# --- tables -------------------------------------------------------------------------


def test_grid_span_and_vertical_merges_restart_continue_and_valueless() -> None:
    body = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr>" + tc("三、本年度办理结果", '<w:vMerge w:val="restart"/>') + tc("（一）予以公开") + tc("20") + "</w:tr>"
        "<w:tr>" + tc("", '<w:vMerge w:val="continue"/>') + tc("（二）部分公开") + tc("28") + "</w:tr>"
        "<w:tr>" + tc("", "<w:vMerge/>") + tc("（七）总计") + tc("90") + "</w:tr>"
        "<w:tr>" + tc("四、结转下年度继续办理", '<w:gridSpan w:val="2"/>') + tc("2") + "</w:tr>"
        "</w:tbl>"
    )
    (grid,) = parse(body).grids
    assert grid_texts(grid) == [
        ["三、本年度办理结果", "（一）予以公开", "20"],
        ["三、本年度办理结果", "（二）部分公开", "28"],
        ["三、本年度办理结果", "（七）总计", "90"],
        ["四、结转下年度继续办理", "四、结转下年度继续办理", "2"],
    ]
    assert [[c.spanned for c in row] for row in grid.rows] == [
        [False, False, False],
        [True, False, False],
        [True, False, False],
        [False, True, False],
    ]
    # Each value cell knows where it is: table 1, row 3, column 3 (0-based 0, 2, 2).
    loc = grid.rows[2][2].location
    assert (loc.source, loc.table, loc.row, loc.column) == ("t.docx", 0, 2, 2)


def test_grid_before_and_after_shift_cells_to_their_grid_columns() -> None:
    body = (
        "<w:tbl>"
        "<w:tr>" + tc("行政复议") + tc("行政诉讼") + tc("备注") + "</w:tr>"
        "<w:tr><w:trPr><w:gridBefore w:val='1'/></w:trPr>" + tc("1") + tc("2") + "</w:tr>"
        "<w:tr><w:trPr><w:gridAfter w:val='2'/></w:trPr>" + tc("3") + "</w:tr>"
        "</w:tbl>"
    )
    (grid,) = parse(body).grids
    assert [[(c.text, c.location.column) for c in row if c.text] for row in grid.rows] == [
        [("行政复议", 0), ("行政诉讼", 1), ("备注", 2)],
        [("1", 1), ("2", 2)],
        [("3", 0)],
    ]


def test_legacy_horizontal_merge_widens_the_cell() -> None:
    body = "<w:tbl><w:tr>" + tc("申请人情况", '<w:hMerge w:val="restart"/>') + tc("", "<w:hMerge/>") + "</w:tr>"
    body += "<w:tr>" + tc("自然人") + tc("商业企业") + "</w:tr></w:tbl>"
    (grid,) = parse(body).grids
    assert grid_texts(grid) == [["申请人情况", "申请人情况"], ["自然人", "商业企业"]]


def test_cell_paragraphs_are_lines_and_cell_level_content_controls_are_cells() -> None:
    body = (
        "<w:tbl><w:tr><w:tc><w:tcPr/>" + p("自") + p("然") + p("人") + "</w:tc>"
        "<w:sdt><w:sdtPr/><w:sdtContent>" + tc("92") + "</w:sdtContent></w:sdt>"
        "</w:tr><w:tr>" + tc("商业企业") + tc("2") + "</w:tr></w:tbl>"
    )
    (grid,) = parse(body).grids
    assert grid_texts(grid) == [["自\n然\n人", "92"], ["商业企业", "2"]]


def test_deleted_rows_and_cells_are_not_read() -> None:
    body = (
        "<w:tbl><w:tr>" + tc("规章") + tc("0") + "</w:tr>"
        "<w:tr><w:trPr><w:del w:id='1' w:author='a'/></w:trPr>" + tc("删除的行") + tc("9") + "</w:tr>"
        "<w:tr>" + tc("规范性文件") + tc("7", "<w:cellDel w:id='2' w:author='a'/>") + tc("4") + "</w:tr></w:tbl>"
    )
    (grid,) = parse(body).grids
    assert grid_texts(grid) == [["规章", "0"], ["规范性文件", "4"]]


def test_table_split_across_pages_with_repeated_headers_is_one_grid() -> None:
    header = (
        "<w:tr>" + tc("（本列数据的勾稽关系）", '<w:vMerge w:val="restart"/>') + tc("申请人情况") + "</w:tr>"
        "<w:tr>" + tc("", "<w:vMerge/>") + tc("自然人") + "</w:tr>"
    )
    first = "<w:tbl>" + header + "<w:tr>" + tc("一、本年新收") + tc("92") + "</w:tr></w:tbl>"
    second = "<w:tbl>" + header + "<w:tr>" + tc("四、结转下年度继续办理") + tc("2") + "</w:tr></w:tbl>"
    page_break = "<w:p><w:r><w:br w:type='page'/></w:r></w:p>"
    doc = parse(p("三、收到和处理政府信息公开申请情况") + first + "<w:p/>" + page_break + second + p("四、行政复议"))
    (grid,) = doc.grids
    assert [row[0].text for row in grid.rows] == [
        "（本列数据的勾稽关系）",
        "（本列数据的勾稽关系）",
        "一、本年新收",
        "四、结转下年度继续办理",
    ]
    assert grid.rows[3][1].location.row == 3
    assert texts(doc)[-1] == "四、行政复议"


def test_a_continued_table_caption_does_not_split_the_table() -> None:
    first = "<w:tbl><w:tr>" + tc("一、本年新收") + tc("92") + "</w:tr></w:tbl>"
    second = "<w:tbl><w:tr>" + tc("四、结转下年度继续办理") + tc("2") + "</w:tr></w:tbl>"
    doc = parse(p("续表") + first + p("（续表）") + second)
    assert [grid_texts(g) for g in doc.grids] == [[["一、本年新收", "92"], ["四、结转下年度继续办理", "2"]]]
    # Without a table before it, the word is ordinary text.
    assert texts(doc) == ["续表"]


def test_tables_with_text_between_or_of_other_widths_stay_apart() -> None:
    two = "<w:tbl><w:tr>" + tc("甲") + tc("1") + "</w:tr></w:tbl>"
    three = "<w:tbl><w:tr>" + tc("乙") + tc("2") + tc("3") + "</w:tr></w:tbl>"
    doc = parse(two + three + p("说明") + two)
    assert [grid_texts(g) for g in doc.grids] == [[["甲", "1"]], [["乙", "2", "3"]], [["甲", "1"]]]
    assert [g.location.table for g in doc.grids] == [0, 1, 2]


def test_a_table_holding_tables_is_a_layout_container() -> None:
    inner = "<w:tbl><w:tr>" + tc("行政复议") + tc("1") + "</w:tr></w:tbl>"
    body = "<w:tbl><w:tr><w:tc><w:tcPr/>" + p("一、总体情况") + inner + "<w:p/></w:tc></w:tr></w:tbl>"
    doc = parse(body)
    assert texts(doc) == ["一、总体情况"]
    (grid,) = doc.grids
    assert grid_texts(grid) == [["行政复议", "1"]]
    assert grid.location.table == 0


def test_a_one_cell_frame_is_read_as_prose() -> None:
    body = (
        "<w:tbl><w:tr><w:tc><w:tcPr/>"
        + p("山亭区2020年政府信息公开工作年度报告", "Heading1")
        + "</w:tc></w:tr></w:tbl>"
    )
    doc = parse(body)
    assert [(b.text, b.heading) for b in doc.paragraphs] == [("山亭区2020年政府信息公开工作年度报告", True)]
    assert doc.grids == ()


# --- producers ------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["w", "ns0", "wx"])
def test_namespace_prefix_does_not_matter(prefix: str) -> None:
    doc = DocxReader().parse(make_docx(p("二、主动公开政府信息情况"), prefix=prefix))
    assert texts(doc) == ["二、主动公开政府信息情况"]


def test_strict_ooxml_namespace() -> None:
    body = p("一、总体情况") + "<w:tbl><w:tr>" + tc("规章") + tc("0") + "</w:tr></w:tbl>"
    doc = DocxReader().parse(make_docx(body, ns=STRICT))
    assert texts(doc) == ["一、总体情况"]
    assert grid_texts(doc.grids[0]) == [["规章", "0"]]


def test_main_part_found_through_the_package_relationships() -> None:
    doc = DocxReader().parse(make_docx(p("正文"), part="word/document2.xml"))
    assert texts(doc) == ["正文"]


def test_word_2010_markup_compatibility_attributes_are_ignored() -> None:
    body = (
        "<w:p w14:paraId='1A2B3C4D' w14:textId='77777777'><w:pPr><w:rPr><w14:ligatures w14:val='standard'/>"
        "</w:rPr></w:pPr><w:r><w:t>（一）主动公开情况</w:t></w:r></w:p>"
    )
    assert texts(parse(body)) == ["（一）主动公开情况"]


def test_sniff() -> None:
    reader = DocxReader()
    data = make_docx(p("x"))
    assert reader.sniff(data[:1024]) >= 90
    assert reader.sniff(b"PK\x03\x04\x14\x00\x00\x00word/document.xml") == 100
    assert reader.sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)) > 0
    assert reader.sniff(b"<html><body>") == 0
    assert reader.sniff(b"PK\x03\x04\x14\x00\x00\x00xl/workbook.xml") == 0


def test_a_document_made_by_python_docx_on_words_own_template() -> None:
    """python-docx writes Word's default template (Word's styles, ``w14`` markup) and its own merges."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("山亭区2020年政府信息公开工作年度报告", level=0)
    document.add_heading("四、政府信息公开行政复议、行政诉讼情况", level=1)
    document.add_paragraph("正文段落")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "行政复议"  # gridSpan 3
    table.cell(1, 0).merge(table.cell(2, 0)).text = "结果维持"  # vMerge restart / continue
    table.cell(1, 1).text, table.cell(1, 2).text = "1", "2"
    table.cell(2, 1).text, table.cell(2, 2).text = "3", "4"
    out = io.BytesIO()
    document.save(out)
    doc = DocxReader().parse(out.getvalue())
    assert [(b.text, b.heading) for b in doc.paragraphs] == [
        ("山亭区2020年政府信息公开工作年度报告", True),
        ("四、政府信息公开行政复议、行政诉讼情况", True),
        ("正文段落", False),
    ]
    (grid,) = doc.grids
    assert grid_texts(grid) == [["行政复议"] * 3, ["结果维持", "1", "2"], ["结果维持", "3", "4"]]


# --- automatic numbering ------------------------------------------------------------

_LISTS = (
    # Abstract list 1: 一、 at level 0, （一） at level 1, 1. at level 2 (restarting under each parent).
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
    '<w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
    '<w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/>'
    '<w:suff w:val="nothing"/></w:lvl>'
    "</w:abstractNum>"
    # Abstract list 2: bullets print nothing.
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/>'
    "</w:lvl></w:abstractNum>"
    '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>'
    # Instance 7 of list 1 restarts its level 2 at 1 ("Restart numbering" in Word).
    '<w:num w:numId="7"><w:abstractNumId w:val="1"/>'
    '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
)


def numbered(text: str, num: int, level: int) -> str:
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{text}</w:t></w:r></w:p>"
    )


def test_automatic_numbers_are_shown_as_word_shows_them() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="ListHead"><w:name w:val="heading 1"/>'
        '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
    )
    body = (
        p("总体情况", "ListHead")  # numbered through its style
        + numbered("主动公开情况", 5, 1)
        + numbered("依申请公开情况", 5, 1)
        + numbered("要点", 6, 0)
        + p("主动公开政府信息情况", "ListHead")
        + numbered("第一项", 5, 2)
        + numbered("第二项", 5, 2)
        + numbered("重新编号", 7, 2)
        + "<w:tbl><w:tr>"
        + "<w:tc><w:tcPr/>"
        + numbered("属于国家秘密", 5, 2)
        + "</w:tc><w:tc><w:tcPr/>"
        + p("0")
        + "</w:tc></w:tr></w:tbl>"
    )
    doc = parse(body, styles=styles, numbering=_LISTS)
    assert texts(doc) == [
        "一、总体情况",
        "（一）主动公开情况",
        "（二）依申请公开情况",
        "要点",
        "二、主动公开政府信息情况",
        "1.第一项",
        "2.第二项",
        "1.重新编号",
    ]
    assert grid_texts(doc.grids[0]) == [["2.属于国家秘密", "0"]]
    assert [b.heading for b in doc.paragraphs][:2] == [True, False]


def test_numbering_without_a_numbering_part_is_ignored() -> None:
    assert texts(parse(numbered("总体情况", 5, 0))) == ["总体情况"]


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCountingThousand", "二十"),
        (105, "chineseCounting", "一百零五"),
        (3, "chineseLegalSimplified", "叁"),
        (3, "ideographTraditional", "丙"),
        (12, "ideographDigital", "一二"),
        (3, "decimalEnclosedCircle", "③"),
        (4, "decimalFullWidth", "４"),
        (4, "upperRoman", "IV"),
        (9, "lowerRoman", "ix"),
        (28, "upperLetter", "BB"),
        (7, "decimal", "7"),
        (7, "decimalZero", "07"),
        (2, "bullet", ""),
    ],
)
def test_number_formats(n: int, fmt: str, shown: str) -> None:
    assert format_number(n, fmt) == shown


def test_tables_of_contents_are_not_content() -> None:
    """A table of contents repeats the six headings (with page numbers): reading it would misplace the sections."""
    word_toc = (
        "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val='Table of Contents'/><w:docPartUnique/>"
        "</w:docPartObj></w:sdtPr><w:sdtContent>"
        + p("目录")
        + p("一、总体情况\t1")
        + p("六、其他需要报告的事项\t9")
        + "</w:sdtContent></w:sdt>"
    )
    styles = (
        '<w:style w:type="paragraph" w:styleId="Contents1"><w:name w:val="Contents 1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="20"><w:name w:val="toc 2"/></w:style>'
    )
    styled_toc = (
        p("二、主动公开政府信息情况\t2", "Contents1")
        + p("（一）主动公开情况\t2", "20")
        + p("三、收到和处理\t3", "TOC1")
    )
    doc = parse(word_toc + styled_toc + p("一、总体情况", "Heading1") + p("正文"), styles=styles)
    assert texts(doc) == ["一、总体情况", "正文"]
