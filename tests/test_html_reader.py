"""The HTML reader's documents: decoding, tables, cell text, layout tables, chrome.

Corpus expectations are the values printed in the documents (the same as
the seeds'); synthetic pages reproduce the markup of real government sites
(Word-exported HTML, TRS editors, pages framed by layout tables).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report.document import Document, Grid, Paragraph
from govinfo_report.io.html import HtmlReader
from govinfo_report.io.html.charset import declared_charset

READER = HtmlReader()


def parse(page: str | bytes, source: str | None = None) -> Document:
    data = page.encode("utf-8") if isinstance(page, str) else page
    return READER.parse(data, source=source)


def texts(grid: Grid) -> list[list[str]]:
    return [[cell.text for cell in row] for row in grid.rows]


def corpus(shared_dir: Path, name: str) -> Document:
    path = shared_dir / "corpus" / "html" / name
    return parse(path.read_bytes(), source=path.name)


# --- the corpus (LibreOffice exports) ----------------------------------------


def test_corpus_002_blocks(shared_dir: Path) -> None:
    doc = corpus(shared_dir, "002_69b0cb0c6d86b3bd.html")
    assert doc.findings == ()
    heading = doc.blocks[0]
    assert isinstance(heading, Paragraph) and heading.heading
    # The document prints its title on two lines, as the seed does.
    assert heading.text == "济宁市兖州区2020年政府信息公开工作"
    assert doc.paragraphs[1].text == "年度报告"
    headings = [b.text for b in doc.paragraphs if b.heading]
    assert "三、收到和处理政府信息公开申请情况" in headings
    assert len(doc.grids) == 3
    requests = texts(doc.grids[1])
    # 一、本年新收: 90 natural persons, 2 companies, 92 in all (seed 002).
    new = next(row for row in requests if row[0].startswith("一、本年新收"))
    assert new[3:10] == ["90", "2", "0", "0", "0", "0", "92"]
    # The header's merged cells are repeated on every position they cover.
    assert requests[0][3:10] == ["申请人情况"] * 7
    assert requests[1][3] == requests[2][3] == "自然人"
    # Table 2: 政府集中采购 261 projects, 6229.95 (万元).
    procurement = next(row for row in texts(doc.grids[0]) if row[0] == "政府集中采购")
    assert procurement[1:3] == ["261", "6229.95"]


def test_corpus_cell_locations(shared_dir: Path) -> None:
    grid = corpus(shared_dir, "002_69b0cb0c6d86b3bd.html").grids[1]
    cell = grid.rows[3][3]  # 一、本年新收 / 自然人
    assert (cell.text, cell.location.table, cell.location.row, cell.location.column) == ("90", 1, 3, 3)
    # A merged cell's covered positions point at the cell where it starts.
    result = grid.rows[7][0]
    assert result.spanned and result.text == "三、本年度办理结果"
    assert (result.location.row, result.location.column) == (5, 0)


def test_corpus_blank_total_cell_stays_blank(shared_dir: Path) -> None:
    # 004: 1.属于国家秘密 has no 总计 (the seed leaves it blank).
    grid = corpus(shared_dir, "004_ee4e1e8ab542a5d9.html").grids[1]
    row = next(r for r in texts(grid) if r[2] == "1.属于国家秘密")
    assert row[3:10] == ["0", "0", "0", "0", "0", "0", ""]


def test_corpus_2021_single_value_rows_span_three_columns(shared_dir: Path) -> None:
    grid = corpus(shared_dir, "003_c04978ea7ee6ff4b.html").grids[0]
    row = next(r for r in grid.rows if r[0].text == "行政规范性文件")
    assert [c.text for c in row] == ["行政规范性文件", "7", "23", "26"]
    fees_head = next(r for r in grid.rows if r[0].text == "信息内容" and r[1].text.startswith("本年收费金额"))
    assert [c.spanned for c in fees_head] == [False, False, True, True]


def test_corpus_gbk_copy_reads_as_the_utf8_copy(shared_dir: Path) -> None:
    gbk = corpus(shared_dir, "004_ee4e1e8ab542a5d9.gbk.html")
    utf8 = corpus(shared_dir, "004_ee4e1e8ab542a5d9.html")
    assert gbk.findings == ()  # declared gb2312, read as its superset GB18030: not wrong
    assert [b.text for b in gbk.paragraphs] == [b.text for b in utf8.paragraphs]
    assert [texts(g) for g in gbk.grids] == [texts(g) for g in utf8.grids]
    assert [p.text for p in gbk.paragraphs[:2]] == ["尧都区人民政府", "2020年政府信息公开工作年报"]


# --- decoding ----------------------------------------------------------------

PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset={cs}"></head>'
    "<body><p>{text}</p></body></html>"
)


def test_declared_charset_forms() -> None:
    assert declared_charset(b'<meta charset="UTF-8">') == "utf-8"
    assert declared_charset(PAGE.format(cs="gb2312", text="").encode()) == "gb2312"
    assert declared_charset(b'<?xml version="1.0" encoding="GBK"?><html>') == "gbk"
    assert declared_charset(b'<meta charset="no-such-charset">') is None
    assert declared_charset(b"<html><body>") is None


def test_gbk_page_declaring_utf8_is_corrected_with_a_finding() -> None:
    data = PAGE.format(cs="utf-8", text="本年新收政府信息公开申请数量").encode("gbk")
    doc = parse(data, source="wrong.html")
    assert [p.text for p in doc.paragraphs] == ["本年新收政府信息公开申请数量"]
    (finding,) = doc.findings
    assert finding.rule == "reader.wrong_charset"
    assert "utf-8" in finding.message and "gb18030" in finding.message
    assert finding.source == "wrong.html"


def test_utf8_page_declaring_gb2312_is_corrected_with_a_finding() -> None:
    data = PAGE.format(cs="gb2312", text="结转下年度继续办理").encode("utf-8")
    doc = parse(data)
    assert [p.text for p in doc.paragraphs] == ["结转下年度继续办理"]
    assert [f.rule for f in doc.findings] == ["reader.wrong_charset"]


@pytest.mark.parametrize("codec", ["base64", "zlib", "rot13", "no-such-charset"])
def test_a_declared_codec_that_is_no_text_encoding_is_ignored(codec: str) -> None:
    # A page declaring charset=base64 once let Python's LookupError escape the reader.
    page = f'<html><head><meta charset="{codec}"></head><body><p>本报告</p></body></html>'.encode("gb18030")
    assert declared_charset(page) is None
    doc = HtmlReader().parse(page, source="odd.html")
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["本报告"]


def test_bom_wins_over_a_declaration() -> None:
    data = b"\xef\xbb\xbf" + PAGE.format(cs="gbk", text="予以公开").encode("utf-8")
    doc = parse(data)
    assert [p.text for p in doc.paragraphs] == ["予以公开"]
    assert doc.findings == ()


def test_utf8_page_with_a_stray_byte_stays_utf8() -> None:
    body = "本年新收政府信息公开申请数量，予以公开，部分公开，不予公开。" * 3
    data = PAGE.format(cs="utf-8", text=body).encode("utf-8").replace("部分".encode(), "部分".encode() + b"\x96", 1)
    doc = parse(data)
    assert doc.paragraphs[0].text == body.replace("部分", "部分\ufffd", 1)
    assert [f.rule for f in doc.findings] == ["reader.invalid_bytes"]


def test_gbk_page_cut_inside_a_character() -> None:
    body = "结转下年度继续办理" * 5
    data = PAGE.format(cs="gb2312", text=body).encode("gbk")
    cut = data[: data.index(b"</p>") - 1]  # the last character loses its second byte
    doc = parse(cut)
    assert doc.paragraphs[0].text == body[:-1] + "\ufffd"
    assert [f.rule for f in doc.findings] == ["reader.invalid_bytes"]


def test_undeclared_gbk_page() -> None:
    doc = parse("<html><body><p>不予处理</p></body></html>".encode("gbk"))
    assert [p.text for p in doc.paragraphs] == ["不予处理"]


# --- tables --------------------------------------------------------------------


def test_spans_line_breaks_and_nbsp_cells() -> None:
    doc = parse(
        """<table>
        <tr><td rowspan="2">信息内容</td><td colspan="2">本年新<br/>制作数量</td></tr>
        <tr><td><p>本年新</p><p>公开数量</p></td><td>&nbsp;</td></tr>
        <tr><td>规章</td><td> 0 </td><td>&nbsp;&nbsp;</td></tr>
        </table>"""
    )
    (grid,) = doc.grids
    assert texts(grid) == [
        ["信息内容", "本年新\n制作数量", "本年新\n制作数量"],
        ["信息内容", "本年新\n公开数量", ""],
        ["规章", "0", ""],
    ]
    assert [c.spanned for c in grid.rows[1]] == [True, False, False]


def test_row_groups_th_and_malformed_spans() -> None:
    doc = parse(
        """<table><thead><tr><th colspan="x">行政复议</th><th colspan=" 2 ">行政诉讼</th></tr></thead>
        <tbody><tr><td rowspan="0">1</td><td>2</td><td>3</td></tr><tr><td>4</td><td>5</td></tr></tbody></table>"""
    )
    assert texts(doc.grids[0]) == [["行政复议", "行政诉讼", "行政诉讼"], ["1", "2", "3"], ["1", "4", "5"]]


def test_layout_tables_are_walked_as_blocks() -> None:
    # A whole page framed in a table, a navigation table, and the report table nested inside.
    doc = parse(
        """<html><body><table width="100%"><tr><td>
        <table class="nav"><tr><td><a href="/">首页</a></td><td><a href="/gk">政务公开</a></td></tr></table>
        </td></tr><tr><td>
          <h1>某某县2021年政府信息公开工作年度报告</h1>
          <p>前言。</p>
          <table><tr><td>行政复议</td><td>行政诉讼</td></tr><tr><td>1</td><td>2</td></tr></table>
          <p>表后文字。</p>
        </td></tr></table></body></html>"""
    )
    kinds = [("grid", texts(b)) if isinstance(b, Grid) else (b.heading, b.text) for b in doc.blocks]
    assert kinds == [
        (True, "某某县2021年政府信息公开工作年度报告"),
        (False, "前言。"),
        ("grid", [["行政复议", "行政诉讼"], ["1", "2"]]),
        (False, "表后文字。"),
    ]
    assert doc.grids[0].rows[1][1].location.table == 0


def test_single_cell_and_page_text_tables_are_prose() -> None:
    long_text = "一、总体情况" + "本机关认真贯彻落实条例。" * 100
    doc = parse(
        f"<table><tr><td><p>单格表格里的正文</p></td></tr></table><table><tr><td>x</td><td>{long_text}</td></tr></table>"
    )
    assert doc.grids == ()
    assert [p.text for p in doc.paragraphs] == ["单格表格里的正文", "x", long_text]


def test_word_exported_page() -> None:
    page = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312">
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>admin</o:Author></o:DocumentProperties></xml><![endif]-->
</head><body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;
font-family:方正小标宋简体;mso-hansi-font-family:宋体'>某某区2020年政府信息公开<span
lang=EN-US><o:p></o:p></span>工作年度报告</span></b></p>
<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
<tr style='mso-yfti-irow:0'><td width=100 rowspan=2 style='mso-border-alt:solid windowtext .5pt'>
<p class=MsoNormal><span style='font-family:宋体'>信息<br>内容</span><span lang=EN-US><o:p></o:p></span></p></td>
<td><p class=MsoNormal><font face="宋体"><span>本年新制作数量</span></font></p></td></tr>
<tr><td><p class=MsoNormal align=center><span lang=EN-US
 style='mso-bidi-font-size:10.5pt'>12<o:p></o:p></span></p></td></tr>
<tr><td><p class=MsoNormal><span lang=EN-US>&nbsp;<o:p></o:p></span></p></td>
<td><p class=MsoNormal>251000元</p></td></tr>
</table></div></body></html>"""
    doc = parse(page.encode("gbk"))
    assert doc.findings == ()
    assert [p.text for p in doc.paragraphs] == ["某某区2020年政府信息公开工作年度报告"]
    assert texts(doc.grids[0]) == [["信息\n内容", "本年新制作数量"], ["信息\n内容", "12"], ["", "251000元"]]


def test_trs_editor_with_site_chrome() -> None:
    page = """<html><head><title>某某市人民政府</title><script>var x = "<p>不是正文</p>";</script>
<style>.TRS_Editor p { line-height: 2 }</style></head><body>
<div class="header"><div class="top-nav"><a>首页</a> <a>政务公开</a></div></div>
<div class="breadcrumb">当前位置：<a>首页</a> &gt; <a>政府信息公开年报</a></div>
<div class="article">
  <div class="info">发布时间：2021-01-28 来源：市政府办公室</div>
  <div>字号：【大】【中】【小】</div>
  <div class="TRS_Editor"><div><p style="text-indent:2em">
  <font face="仿宋_GB2312">　　本报告由某某市人民政府办公室编制。</font></p>
  <p>一、总体情况</p><table border="1"><tr><td>规章</td><td>0</td></tr>
  <tr><td>规范性文件</td><td>5</td></tr></table></div></div>
  <div class="bdsharebuttonbox share"><a>分享到微信</a></div>
  <div>【打印本页】【关闭窗口】</div>
</div>
<footer><p>主办：某某市人民政府办公室</p></footer>
<div class="foot">网站标识码：3700000001 鲁ICP备05000000号</div>
</body></html>"""
    doc = parse(page)
    assert [p.text for p in doc.paragraphs] == ["本报告由某某市人民政府办公室编制。", "一、总体情况"]
    assert texts(doc.grids[0]) == [["规章", "0"], ["规范性文件", "5"]]


def test_headings_and_line_breaks_outside_tables() -> None:
    doc = parse(
        "<body><h2>五、存在的主要问题<br>及改进情况</h2><div>第一行<br>第二行<span>续</span></div><h6>六</h6></body>"
    )
    assert [(p.heading, p.text) for p in doc.paragraphs] == [
        (True, "五、存在的主要问题 及改进情况"),
        (False, "第一行"),
        (False, "第二行续"),
        (True, "六"),
    ]


def test_word_list_markup_and_nbsp_in_prose() -> None:
    doc = parse(
        "<html><body><p class=MsoListParagraph><![if !supportLists]><span>1.<span style='font:7.0pt'>"
        "&nbsp;&nbsp; </span></span><![endif]>属于国家秘密&nbsp;&nbsp;两件</p><p><o:p>&nbsp;</o:p></p></body></html>"
    )
    assert [p.text for p in doc.paragraphs] == ["1. 属于国家秘密 两件"]


# --- edge cases of the reader's fast paths -------------------------------------


def test_walk_tag_sets_are_disjoint() -> None:
    # The walk tests the block tags first; that decides as testing each set in turn only while they are disjoint.
    from govinfo_report.io.html import reader
    from govinfo_report.io.html.chrome import SKIPPED_TAGS

    sets = [reader._BLOCKS, reader._HEADINGS, SKIPPED_TAGS, frozenset({"br", "table"})]
    assert sum(len(s) for s in sets) == len(frozenset().union(*sets))


def test_white_space_collapse_keeps_other_unicode_spaces() -> None:
    doc = parse(
        "<body><p>甲\u3000 乙\t\t丙\xa0\xa0丁\x0b\x0c戊  己 </p><h3> 一、\n总体\xa0 情况 </h3>"
        "<div>\u3000前\u2028后\u3000</div></body>"
    )
    assert [(p.text, p.heading) for p in doc.paragraphs] == [
        ("甲\u3000 乙 丙 丁 戊 己", False),
        ("一、 总体 情况", True),
        ("前\u2028后", False),
    ]


def test_cell_shapes_and_span_attributes() -> None:
    doc = parse(
        "<table><tr><td> <p> a  b\u3000c </p> </td><td>x<p>y</p></td><td><p>a<br>b</p></td><td><br></td></tr>"
        "<tr><td><p>a</p>tail</td><td rowspan=0>r0</td><td ROWSPAN=' 2x'>r2</td><td colspan=''>c</td></tr>"
        "<tr><td><div>d</div>\n</td><td><span>s</span></td><td><p></p></td></tr></table>"
    )
    (grid,) = doc.grids
    assert texts(grid) == [
        ["a b c", "x\ny", "a\nb", ""],
        ["a\ntail", "r0", "r2", "c"],
        ["d", "r0", "r2", "s", ""],
    ]
    assert [(c.location.row, c.location.column, c.spanned) for c in grid.rows[2][:3]] == [
        (2, 0, False),
        (1, 1, True),
        (1, 2, True),
    ]


def test_long_utf8_pages_are_validated_to_the_last_byte() -> None:
    # Pages over 64 KiB are validated in pieces: a character across a piece boundary is whole, an invalid byte
    # or a cut character past the first piece still counts.
    filler = "<p>" + "政" * 21840 + "</p>"  # 65,525 bytes: the next character straddles byte 65,536
    page = "<html><body>" + filler + "<p>府信息公开</p>" + "<p>报告</p>" * 2000 + "</body></html>"
    whole = parse(page.encode("utf-8"))
    assert whole.findings == () and whole.paragraphs[1].text == "府信息公开"
    cut = parse(page.encode("utf-8")[:-16] + "报".encode()[:2])
    assert [f.rule for f in cut.findings] == ["reader.invalid_bytes"]
    stray = page.encode("utf-8").replace("府信".encode(), b"\xff", 1)
    assert [f.rule for f in parse(stray).findings] == ["reader.invalid_bytes"]


def test_long_gbk_page_with_uncommon_characters_is_still_judged() -> None:
    # A declared GB18030 page is proved plausible from its share of non-ASCII characters where it can be;
    # a page of mostly uncommon characters goes through the full check (and is read as UTF-8 never: it is not).
    text = "政府信息公开" * 3000
    page = f'<html><head><meta charset="gb2312"></head><body><p>{text}</p></body></html>'
    doc = parse(page.encode("gb18030"))
    assert doc.findings == () and doc.paragraphs[0].text == text
    odd = "ÀÁÂÃÄÅ" * 3000
    page = f'<html><head><meta charset="gb18030"></head><body><p>{odd}</p></body></html>'
    assert parse(page.encode("gb18030")).paragraphs[0].text == odd


def test_chrome_wording_precheck_agrees_with_the_pattern() -> None:
    # is_chrome_text() tests a cheap necessary condition before the regex: it must never say no where the
    # pattern says yes.
    import random

    from govinfo_report.io.html import chrome

    pieces = [*"您当现分扫打关返上下发信浏阅点主承协字号【】[]大中小 ：:的位置前在享到一印闭本页窗口"]
    pieces += [*"回顶部篇布时间日期息来源览次数读击办单位网站标识码ICP备公安版权所有x\u3000"]
    pieces += [
        "当前位置",
        "字号：【大】【中】",
        "【 打印",
        "主办单位：",
        "发布时间：",
        "您现在的位置",
        "网站标识码",
        "版权所有",
    ]
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        expected = len(text) <= chrome._SHORT and chrome._CHROME_TEXT.search(text) is not None
        assert chrome.is_chrome_text(text) == expected, text
