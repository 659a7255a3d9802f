"""PDF text (``pdftotext -layout``): prose reads as the document does, one paragraph per line.

pdftotext breaks every line at the page's width and puts a space between a
CJK character and a digit (``2024 年``); the PDF's paragraphs are
indented on their first line.  The texts below were read from the PDF
(``corpus/pdf_huaian_shi_2024.pdf``), paragraph by paragraph.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report import AnnualReport, api
from govinfo_report.document import Grid
from govinfo_report.io.text import columns_layout

PREAMBLE = (
    "本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第711号）（以下简称《条例》）"
    "规定编制。报告所列统计期限自2024年1月1日至2024年12月31日。如对本报告有疑问，请与淮安市人民政府办公室"
    "联系（地址：淮安市翔宇南道1号，邮编：223001，电话：0517-83605210，电子邮箱：hazwgkc@163.com）。"
)
OVERVIEW_FIRST = (
    "2024年，我市坚持以习近平新时代中国特色社会主义思想为指导，认真学习宣传贯彻党的二十大和二十届二中、"
    "三中全会精神，按照党中央国务院、省委省政府决策部署和市委工作要求，严格落实《中华人民共和国政府信息公开"
    "条例》各项规定，圆满完成了各项任务。"
)
#: Runs over the page break after page 1 (a blank line, ``-1-`` and a form feed in the text).
ACTIVE_DISCLOSURE = (
    "（一）主动公开情况。2024年，市政府网站主动公开各类政府信息5500余条，全年新增公开市政府规章1件、"
    "市政府及市政府办政策性文件11件，通过文字、图片等形式制作政策解读21个，制作《淮安市人民政府公报》6期。"
    "紧紧围绕保障民生、深化改革、科技创新等工作主线，组织召开了“春节前后服务企业用工和促进返乡人员就业创业"
    "专项活动”“建设‘四最’一流营商环境高质量推进产业发展”“加快建设长三角北部重要产业科技创新高地的若干政策”"
    "等新闻发布会12场，努力传递政府声音、宣传政策法规、回应舆论关切。"
)
PROBLEMS = (
    "对照上级新要求和公众新期待，还有一些需要加强和改进的地方。主要表现在：一是政策解读质量仍需提升，个别单位"
    "政策解读内容简单、形式单一；二是政务公开队伍建设还需进一步加强，个别单位存在人员配备不足、兼职多、流动性"
    "过快的问题。",
    "针对存在问题，下一步，我市将着力加强政策解读质效，重点提升解读的针对性和通俗化，探索建立政社合作、多元"
    "参与的政策宣传解读模式，开发更多可读、可视、可感的政策解读产品，积极回应企业和群众的实际需求；建立健全"
    "“传帮带”机制，对新上岗人员开展“面对面、手把手”指导，定期组织业务培训，全面提升政务公开工作队伍水平，"
    "同时加强先进典型宣传和正面激励，增强队伍凝聚力。",
)
OTHER_MATTERS = "2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。"


@pytest.fixture(scope="module")
def report(shared_dir: Path) -> AnnualReport:
    return api.read(shared_dir / "corpus" / "text" / "pdftotext_huaian_shi_2024.txt")


def test_preamble_is_one_paragraph_without_pdftotext_spaces(report: AnnualReport) -> None:
    assert report.sections.preamble == PREAMBLE


def test_overview_paragraphs_as_the_document_prints_them(report: AnnualReport) -> None:
    paragraphs = report.sections.overview.split("\n")
    assert len(paragraphs) == 6  # the opening paragraph and （一）…（五）
    assert paragraphs[0] == OVERVIEW_FIRST
    assert paragraphs[1] == ACTIVE_DISCLOSURE
    assert [p[:3] for p in paragraphs[1:]] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    # A line ending in a number is prose continued on the next line, not a table row.
    assert "全市在运维政务新媒体共计95个，在省办2024年四个季度政务新媒体检查抽查中，合格率均为100%。" in paragraphs[4]


def test_problems_and_other_matters(report: AnnualReport) -> None:
    assert tuple(report.sections.problems.split("\n")) == PROBLEMS
    assert report.sections.other_matters == OTHER_MATTERS


def test_title_and_tables_still_read(report: AnnualReport) -> None:
    assert report.title == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert report.active_disclosure is not None and report.active_disclosure.value("licensing", "decisions") == 447228


def test_lines_join_by_indent_and_sentence_end() -> None:
    lines = [
        "            某县人民政府",
        "     2024 年政府信息公开工作年度报告",
        "   一、总体情况",
        "   全年受理申请 5 件，答复",
        "4 件。其余 1 件结转。",  # not indented: the paragraph goes on after a sentence end
        "      （一）主动公开情况。",  # indented: a new paragraph
        "二、主动公开政府信息情况",  # a heading never joins the line before
        "No indent here and no",
        "sentence end yet.",
        "Next sentence at the margin.",  # the paragraph began at the margin: a sentence end ended it
    ]
    doc = columns_layout.parse(lines, "p.txt")
    assert not [b for b in doc.blocks if isinstance(b, Grid)]
    assert [p.text for p in doc.paragraphs] == [
        "某县人民政府",
        "2024年政府信息公开工作年度报告",
        "一、总体情况",
        "全年受理申请5件，答复4件。其余1件结转。",
        "（一）主动公开情况。",
        "二、主动公开政府信息情况",
        "No indent here and no sentence end yet.",
        "Next sentence at the margin.",
    ]
    assert [p.location.line for p in doc.paragraphs][3:5] == [4, 6]
