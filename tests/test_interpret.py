"""The interpreter on hand-built documents: titles, headings, tables found by labels, values by row structure."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govinfo_report.document import Document, Grid, GridCell, Location, Paragraph
from govinfo_report.errors import NotAReportError
from govinfo_report.interpret import interpret
from govinfo_report.layout import Edition
from govinfo_report.model import Missing

Row = list[str | GridCell]


def _cell(value: str | GridCell, row: int, column: int) -> GridCell:
    if isinstance(value, GridCell):
        return value
    return GridCell(value, Location("t", row=row, column=column))


def grid(*rows: Row) -> Grid:
    return Grid(tuple(tuple(_cell(v, r, c) for c, v in enumerate(row)) for r, row in enumerate(rows)))


def doc(*blocks: str | Grid) -> Document:
    return Document(tuple(Paragraph(b) if isinstance(b, str) else b for b in blocks), source="t")


REQ_2019 = grid(
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
    ["", "自然人", "法人或其他组织", "总计"],
    ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    ["一、本年新收政府信息公开申请数量", "5", "1", "0", "0", "0", "0", "6"],
    ["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"],
    ["三、本年度办理结果", "（一）予以公开", "4", "1", "0", "0", "0", "0", "5"],
    ["", "（六）其他处理", "2", "0", "0", "0", "0", "0", "2"],
    ["", "（七）总计", "6", "1", "0", "0", "0", "0", "7"],
    ["四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0"],
)

AD_2019 = grid(
    ["第二十条第（一）项"],
    ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
    ["规章", "1", "2", "3"],
    ["第二十条第（九）项"],
    ["信息内容", "采购项目数量", "采购总金额"],
    ["政府集中采购", "12", "251000元"],
)


# --- title, agency, year ------------------------------------------------------------------------


_TITLES = [
    # (lines before 一、总体情况, title, agency, year)
    (
        ["济宁市兖州区2020年政府信息公开工作年度报告"],
        "济宁市兖州区2020年政府信息公开工作年度报告",
        "济宁市兖州区",
        2020,
    ),
    (
        ["尧都区人民政府", "2020年政府信息公开工作年报"],
        "尧都区人民政府2020年政府信息公开工作年报",
        "尧都区人民政府",
        2020,
    ),
    (
        ["平潭综合实验区2020年度政府信息公开工作年度报告"],
        "平潭综合实验区2020年度政府信息公开工作年度报告",
        "平潭综合实验区",
        2020,
    ),
    (
        ["2021年济宁市兖州区政府信息公开工作年度报告"],
        "2021年济宁市兖州区政府信息公开工作年度报告",
        "济宁市兖州区",
        2021,
    ),
    (
        ["字号:", "大 中 小", "县财政局２０２２年政府信息公开工作年度报告"],
        "县财政局２０２２年政府信息公开工作年度报告",
        "县财政局",
        2022,
    ),
    (["首页>年报>宁县2020年政府信息公开工作年度报告"], "宁县2020年政府信息公开工作年度报告", "宁县", 2020),
    # A PDF printed by chromium, through pdftotext: the year's digits come out on a line after the title,
    # leaving 年 in it; the agency is the name without that 年, the year comes from the prose.
    (
        ["尧都区人民政府年政府信息公开工作年报", "2020", "本年报统计期限自2020年1月1日起至12月31日止。"],
        "尧都区人民政府年政府信息公开工作年报",
        "尧都区人民政府",
        2020,
    ),
    # A page's text nodes on lines of their own (get_text with a separator): the year alone, then 年.
    (
        ["道外区机关服务中心", "2020", "年", "政府信息公开工作年度报告"],
        "道外区机关服务中心2020年政府信息公开工作年度报告",
        "道外区机关服务中心",
        2020,
    ),
]


@pytest.mark.parametrize(("lines", "title", "agency", "year"), _TITLES)
def test_title_names_agency_and_year(lines: list[str], title: str, agency: str, year: int) -> None:
    report = interpret(doc(*lines, "一、总体情况", "本年度工作平稳。"))
    assert (report.title, report.agency, report.year) == (title, agency, year)


def test_without_a_title_the_year_comes_from_the_prose_and_a_finding_says_so() -> None:
    report = interpret(doc("本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。", "一、总体情况", "无。"))
    assert (report.title, report.agency, report.year) == ("", "", 2020)
    assert [f.rule for f in report.findings if f.rule == "reader.title_not_found"] == ["reader.title_not_found"]


# --- sections -----------------------------------------------------------------------------------


def test_sections_by_heading_variants_and_noise_dropped() -> None:
    report = interpret(
        doc(
            "某区2021年政府信息公开工作年度报告",
            "字号:",
            "大 中 小",
            "[bookmark: _GoBack]本报告依据条例编制。",
            "总体情况",  # no numeral
            "  全年公开信息100条。  ",
            "[image: 图片1]",
            "二、主动公开政府信息情况",
            "三、收到及处理政府信息公开申请情况",  # 及 for 和
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",  # 2021 wording
            "五、存在的主要问题和改进情况",
            "一是公开不够及时。",
            "",
            "二是解读不够深入。",
            "六、其他需要报告的事项",
            "本年度未收取信息处理费。",
            "扫码使用手机浏览本页内容",
        )
    )
    assert report.sections.preamble == "本报告依据条例编制。"
    assert report.sections.overview == "全年公开信息100条。"
    assert report.sections.problems == "一是公开不够及时。\n二是解读不够深入。"
    assert report.sections.other_matters == "本年度未收取信息处理费。"


def test_heading_run_into_its_first_sentence_starts_the_section() -> None:
    report = interpret(doc("某市2020年政府信息公开工作年度报告", "一、总体情况2020年，我市推进公开。", "第二句。"))
    assert report.sections.overview == "2020年，我市推进公开。\n第二句。"


def test_one_character_run_into_a_heading_is_the_sections_text() -> None:
    # get_text(strip=True) joins the last heading and its one-word section: 其他需要报告的事项 + 无.
    report = interpret(doc("某市2020年政府信息公开工作年度报告", "六、其他需要报告的事项无"))
    assert report.sections.other_matters == "无"


def test_a_heading_with_one_character_changed_stays_a_heading() -> None:
    report = interpret(
        doc("某市2020年政府信息公开工作年度报告", "一、总体情况", "无。", "六、其他需要报吿的事项", "有。")
    )
    assert (report.sections.overview, report.sections.other_matters) == ("无。", "有。")


def test_sub_headings_inside_a_section_stay_prose() -> None:
    report = interpret(
        doc(
            "某市2020年政府信息公开工作年度报告",
            "一、总体情况",
            "（一）主动公开情况",
            "一是主动公开。",
            "五、存在的主要问题及改进情况",
            "（二）收到和处理政府信息公开申请情况",
        )
    )
    assert report.sections.overview == "（一）主动公开情况\n一是主动公开。"
    assert report.sections.problems == "（二）收到和处理政府信息公开申请情况"


# --- tables -------------------------------------------------------------------------------------


def test_tables_found_by_labels_and_values_parsed() -> None:
    report = interpret(doc("某县2020年政府信息公开工作年度报告", AD_2019, REQ_2019))
    assert report.edition is Edition.E2019
    ad, req = report.active_disclosure, report.requests
    assert ad is not None and req is not None
    assert [ad.value("regulations", c) for c in ("made", "published", "total_public")] == [1, 2, 3]
    assert ad.value("procurement", "amount") == Decimal("25.1")  # 251000元 in 万元
    assert ad["procurement", "amount"].text == "251000元"
    assert req.value("granted", "total") == 5
    assert req.value("other_handling", "natural_person") == 2
    assert req.value("total_processed", "total") == 7
    assert report.review_litigation is None  # the source lacks it: None, not zeros
    assert any(f.rule == "reader.table_not_found" for f in report.findings)


def test_rows_not_printed_are_absent_with_a_finding_naming_them() -> None:
    report = interpret(doc(REQ_2019))
    req = report.requests
    assert req is not None
    assert req["denied_state_secret", "total"].missing is Missing.ABSENT
    missing = [f for f in report.findings if f.rule == "reader.row_not_found"]
    assert any("1.属于国家秘密" in f.message and f.severity.value == "warning" for f in missing)
    assert {str(c) for f in missing for c in f.cells} >= {"requests.denied_state_secret.total"}


def test_edition_comes_from_the_labels_not_the_year() -> None:
    ad_2021 = grid(
        ["第二十条第（一）项"],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "1", "5"],
        ["行政规范性文件", "7", "23", "26"],
    )
    report = interpret(doc("某县2020年政府信息公开工作年度报告", ad_2021))
    assert report.edition is Edition.E2021
    assert report.active_disclosure is not None
    assert report.active_disclosure.value("normative_documents", "in_force") == 26


def test_rows_found_in_any_order_and_with_a_dropped_character() -> None:
    table = grid(
        ["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"],
        ["一、本年新收政府信息公开申请数量", "5", "1", "0", "0", "0", "0", "6"],
        ["", "2.其他法律行政止公开", "3", "0", "0", "0", "0", "0", "3"],  # 法规禁 → 止 (pdftotext)
    )
    req = interpret(doc(table)).requests
    assert req is not None
    assert req.value("carried_over", "total") == 1
    assert req.value("new_received", "total") == 6
    assert req.value("denied_prohibited_by_law", "natural_person") == 3


def test_values_follow_the_data_rows_own_cells_not_the_header() -> None:
    # The group label spans two columns in this row (a spanned copy), one column in the header.
    label = GridCell("（三）不予公开", Location("t", row=5, column=0))
    rows = (
        (GridCell("三、本年度办理结果"), GridCell("（一）予以公开"), *(GridCell(v) for v in "4100005")),
        (
            label,
            GridCell("（三）不予公开", spanned=True),
            GridCell("1.属于国家秘密"),
            *(GridCell(v) for v in "2000002"),
        ),
    )
    req = interpret(Document((Grid(rows),))).requests
    assert req is not None
    assert [req.value("denied_state_secret", c) for c in ("natural_person", "commercial", "total")] == [2, 0, 2]
    assert req.value("granted", "total") == 5


def test_padding_cells_beyond_a_row_are_ignored() -> None:
    # Web text pads each row to the table's width with empty cells.
    ad = grid(
        ["第二十条第(五)项", "", "", ""],
        ["信息内容", "本年处理决定数量", "", ""],
        ["行政许可", "12", "", ""],
        ["行政规范性文件", "1", "2", "3", "", "", ""],
    )
    table = interpret(doc(ad)).active_disclosure
    assert table is not None
    assert table.value("licensing", "decisions") == 12
    assert table.value("normative_documents", "in_force") == 3


def test_a_second_report_of_the_same_shape_gets_its_own_values_places_and_findings() -> None:
    # Row decisions are remembered by the rows' shape and labels (not their numbers): a report of
    # the same template read later must still get its own values and locations, and a row with
    # too many cells its own finding every time.
    def read(first: str, second: str) -> tuple[object, ...]:
        ad = grid(
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", first, "0", "7"],
            ["行政规范性文件", second, "1", "2", "9"],
        )
        report = interpret(doc(ad))
        table = report.active_disclosure
        assert table is not None
        extra = [f for f in report.findings if f.rule == "reader.extra_cells"]
        return (
            table.value("regulations", "issued"),
            table["regulations", "issued"].text,
            table["normative_documents", "issued"].location,
            table.value("normative_documents", "in_force"),
            [set(f.locations) for f in extra],
        )

    beyond = [{Location("t", row=2, column=4)}]  # the fourth value cell of 行政规范性文件
    assert read("3", "4") == (3, "3", Location("t", row=2, column=1), 2, beyond)
    assert read("", "/")[:2] == (None, "")
    assert read("11", "12") == (11, "11", Location("t", row=2, column=1), 2, beyond)


def test_unreadable_cell_is_kept_with_a_finding_naming_table_row_column_and_place() -> None:
    report = interpret(doc(grid(["行政许可", "见附件"], ["规章", "0", "0", "1"], ["信息内容", "本年制发件数"])))
    ad = report.active_disclosure
    assert ad is not None
    cell = ad["licensing", "decisions"]
    assert cell.missing is Missing.UNREADABLE and cell.text == "见附件"
    (finding,) = [f for f in report.findings if f.rule == "reader.unreadable_cell"]
    assert [str(c) for c in finding.cells] == ["active_disclosure.licensing.decisions"]
    assert finding.locations == (Location("t", row=0, column=1),)
    assert "行政许可" in finding.message and "见附件" in finding.message


def test_single_other_handling_row_in_a_2021_report_is_kept_and_not_split() -> None:
    table = grid(
        ["第二十条第（一）项"],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["（六）其他处理", "3", "0", "0", "0", "0", "0", "3"],
        ["一、本年新收政府信息公开申请数量", "3", "0", "0", "0", "0", "0", "3"],
    )
    report = interpret(doc(table))
    req = report.requests
    assert report.edition is Edition.E2021 and req is not None
    assert req.value("other_handling", "total") == 3
    assert req["other_misc", "total"].missing is Missing.ABSENT
    not_found = {c.row for f in report.findings if f.rule == "reader.row_not_found" for c in f.cells}
    assert "granted" in not_found
    assert not not_found & {"other_no_correction", "other_fee_unpaid", "other_misc"}


def test_2021_sub_rows_of_other_handling_are_read_as_themselves() -> None:
    table = grid(
        ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", *"1000001"],
        ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", *"0000000"],
        ["3.其他", *"2000002"],
        ["（七）总计", *"3000003"],
    )
    req = interpret(doc(table)).requests
    assert req is not None
    assert "other_handling" not in req.row_codes
    assert (req.value("other_no_correction", "total"), req.value("other_misc", "total")) == (1, 2)
    assert req.value("total_processed", "total") == 3


def test_table_four_as_one_row_of_fifteen() -> None:
    table = grid(
        ["行政复议", "行政诉讼"], ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], list("110021000100101")
    )
    rl = interpret(doc("四、政府信息公开行政复议、行政诉讼情况", table)).review_litigation
    assert rl is not None
    assert [rl.value("review", c) for c in ("upheld", "corrected", "total")] == [1, 1, 2]
    assert rl.value("litigation_direct", "upheld") == 1
    assert rl.value("litigation_after_review", "total") == 1


def test_table_four_as_three_labelled_rows() -> None:
    table = grid(
        ["", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
        ["复议后起诉", "0", "0", "1", "0", "1"],
        ["行政复议", "2", "0", "0", "0", "2"],
        ["未经复议直接起诉", "0", "1", "0", "0", "1"],
    )
    rl = interpret(doc(table)).review_litigation
    assert rl is not None
    assert (rl.value("review", "total"), rl.value("litigation_direct", "corrected")) == (2, 1)
    assert rl.value("litigation_after_review", "other") == 1


def test_a_table_split_over_two_grids_is_read_as_one() -> None:
    first = grid(["一、本年新收政府信息公开申请数量", *"5100006"])
    second = grid(["四、结转下年度继续办理", *"1000001"])
    req = interpret(doc("三、收到和处理政府信息公开申请情况", first, "第 2 页", second)).requests
    assert req is not None
    assert (req.value("new_received", "total"), req.value("carried_forward", "total")) == (6, 1)


def test_layout_grid_in_the_overview_is_ignored() -> None:
    nav = grid(["首页", "政务公开", "年报"], ["2019", "2020", "2021"])
    report = interpret(doc("某县2020年政府信息公开工作年度报告", "一、总体情况", nav, "工作平稳。"))
    assert report.active_disclosure is None and report.requests is None and report.review_litigation is None
    assert report.sections.overview == "工作平稳。"


def test_unidentifiable_table_is_left_out_with_a_finding_and_the_rest_still_read() -> None:
    garbled = grid(["第二十条第（一）项"], ["信息内容", "本年新制作数量"], ["？？", "1", "2", "3"])
    report = interpret(doc(garbled, REQ_2019))
    assert report.active_disclosure is None
    assert report.requests is not None and report.requests.value("new_received", "total") == 6
    assert any(f.rule == "reader.table_unreadable" for f in report.findings)


def test_fused_digits_are_split_by_the_unfuse_module() -> None:
    fused = GridCell("801000081", Location("t", line=3), fused=True)
    table = Grid(((GridCell("一、本年新收政府信息公开申请数量"), fused),))
    req = interpret(Document((Grid(()), table))).requests
    assert req is not None
    # 80 + 1 + 0 + 0 + 0 + 0 = 81 is the only split whose total holds.
    assert [req.value("new_received", c) for c in ("natural_person", "commercial", "total")] == [80, 1, 81]


# --- not a report -------------------------------------------------------------------------------


def test_document_without_tables_or_headings_is_not_a_report() -> None:
    with pytest.raises(NotAReportError, match="no annual report found") as info:
        interpret(doc("会议通知", "定于下周一召开全体会议。", grid(["姓名", "电话"], ["张三", "123"])))
    assert "一、总体情况" in str(info.value)
    assert info.value.where == "t"


def test_empty_document_is_not_a_report() -> None:
    with pytest.raises(NotAReportError):
        interpret(Document(()))
