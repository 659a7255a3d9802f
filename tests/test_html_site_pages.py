"""Whole reports in the markup of real government sites, read end to end.

Seed 004's report (尧都区人民政府 2020) is published the way CMS sites do it:
the page framed by a layout table with a navigation table, breadcrumbs,
the font-size switch, share and print links and a footer around a
``TRS_Editor`` article; table 3 split over two ``<table>`` elements at a
page break; header and data rows whose colspans disagree; the procurement
amount written in 元 in the cell; a blank 总计 cell; GBK bytes under a
``charset=utf-8`` declaration.  The report read must still be seed 004's.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from expected_values import EXPECTED, assert_matches
from govinfo_report.io.html import HtmlReader
from html_support import report_from, write

FRAME_TOP = """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>尧都区人民政府2020年政府信息公开工作年报_尧都区人民政府</title>
<script type="text/javascript">document.write("<p>不是正文</p>");</script>
<link rel="stylesheet" href="/css/style.css"></head><body>
<table width="1000" align="center" class="wrapper"><tr><td>
  <table class="top"><tr><td><a href="/">首页</a></td><td><a href="/zwgk/">政务公开</a></td>
  <td><a href="/hdjl/">互动交流</a></td><td><a href="/bsfw/">办事服务</a></td></tr></table>
</td></tr><tr><td>
  <div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
  <div class="article-info">发布时间：2021-01-29 10:21 信息来源：尧都区政府办 浏览次数：1024</div>
  <div class="font-switch">字号：<a>大</a> <a>中</a> <a>小</a></div>
  <div class="TRS_Editor">
"""
FRAME_BOTTOM = """  </div>
  <div class="bdsharebuttonbox"><a class="bds_weixin">分享到微信</a></div>
  <div class="print-links">【<a href="javascript:window.print()">打印本页</a>】【<a>关闭窗口</a>】</div>
</td></tr></table>
<div id="footer"><p>主办：尧都区人民政府办公室</p><p>网站标识码：1410020001 晋ICP备05000000号</p></div>
</body></html>"""


def _article() -> str:
    """Seed 004 as our writer lays it out, then reshaped the ways real sites do."""
    page = write(report_from(EXPECTED["004"])).decode("utf-8")
    body = page[page.index("<article>") + len("<article>") : page.index("</article>")]
    # The amount with its unit in the cell: 6314.18 万元 as 63141800元.
    body = body.replace('<td class="value">6314.18</td>', '<td class="value">63141800元</td>', 1)
    # Table 3 split at a page break, right before （四）无法提供.
    split = body.rindex("<tr>", 0, body.index("（四）无法提供"))
    body = body[:split] + "</table>\n<p>&nbsp;</p>\n<table>" + body[split:]
    # Header and data rows that disagree: 一、/二、 and 四、 lose their colspan, so in a naive grid
    # their seven values sit under the wrong headings, two columns to the left.
    body = re.sub(r'<td colspan="3" class="label">(一、|二、|四、)', r'<td class="label">\1', body)
    return body


@pytest.mark.parametrize("charset", ["utf-8", "gbk"])
def test_cms_page_reads_as_the_seed(charset: str) -> None:
    page = FRAME_TOP.format(charset="utf-8") + _article() + FRAME_BOTTOM
    data = page.encode(charset)  # the gbk copy lies about its charset
    report = HtmlReader().read(data, source="cms.html")
    assert_matches(report, EXPECTED["004"])
    assert report.active_disclosure is not None
    assert report.active_disclosure.value("procurement", "amount") == Decimal("6314.18")
    assert report.requests is not None
    assert report.requests.value("new_received", "total") == 18
    assert report.requests.value("carried_forward", "natural_person") == 2
    assert report.requests["denied_state_secret", "total"].value is None
    rules = [f.rule for f in report.findings]
    assert ("reader.wrong_charset" in rules) == (charset == "gbk")
    chrome = ("当前位置", "字号", "分享到", "打印本页", "网站标识码", "不是正文", "浏览次数")
    for section in ("preamble", "overview", "problems", "other_matters"):
        text = getattr(report.sections, section)
        assert not any(word in text for word in chrome), (section, text[:200])


def test_cms_page_document_has_the_split_table_as_two_grids() -> None:
    doc = HtmlReader().parse((FRAME_TOP.format(charset="utf-8") + _article() + FRAME_BOTTOM).encode())
    # The navigation table (a grid of links), tables 2, 3 (in two parts) and 4.
    assert len(doc.grids) == 5
    assert doc.grids[0].rows[0][0].text == "首页"
    second_part = doc.grids[3]
    assert [c.text for c in second_part.rows[0][:2]] == ["（四）无法提供", "1.本机关不掌握相关政府信息"]
    new_received = next(r for r in doc.grids[2].rows if r[0].text.startswith("一、本年新收"))
    assert [c.text for c in new_received][1:8] == ["15", "3", "0", "0", "0", "0", "18"]
