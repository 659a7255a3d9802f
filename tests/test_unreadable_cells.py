"""A word in a value position (``见附件``, ``约20``, ``详见附表``) is an unreadable value, never label text.

Which cells are label and which are values is decided by position (label
first, values after) and by how many values the matched row has in the
layout: a text cell the row's value count needs goes back to the values.
The rows here are laid out as the template draws them (and as the HTML and
docx readers give them): the last value of a short row stretched over the
table's width, its copies marked ``spanned``.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from expected_values import EXPECTED
from govinfo_report.document import Document, Grid, GridCell, Location
from govinfo_report.interpret import interpret
from govinfo_report.model import AnnualReport, Cell, Missing
from govinfo_report.testing import check_round_trip
from html_support import report_from


def _row(r: int, *cells: str | tuple[str, bool]) -> tuple[GridCell, ...]:
    """Cells of grid row *r*; ``(text, True)`` is a merged cell's spanned copy."""
    out: list[GridCell] = []
    for c, cell in enumerate(cells):
        text, spanned = cell if isinstance(cell, tuple) else (cell, False)
        out.append(GridCell(text, Location("t", row=r, column=c), spanned=spanned))
    return tuple(out)


def _read(*rows: tuple[GridCell, ...]) -> AnnualReport:
    return interpret(Document((Grid(rows),), source="t"))


def _unreadable(report: AnnualReport) -> dict[str, tuple[int | None, ...]]:
    """Each ``reader.unreadable_cell`` finding's cell and the grid column of its location."""
    return {
        str(f.cells[0]): tuple(loc.column if loc is not None else None for loc in f.locations)
        for f in report.findings
        if f.rule == "reader.unreadable_cell"
    }


def test_word_in_a_stretched_2021_value_cell_is_the_value_not_label() -> None:
    # 行政许可 | 见附件 (colspan 3): the last rows of table 2 were lost as "row not found".
    report = _read(
        _row(
            0,
            "第二十条第（五）项",
            ("第二十条第（五）项", True),
            ("第二十条第（五）项", True),
            ("第二十条第（五）项", True),
        ),
        _row(1, "信息内容", "本年处理决定数量", ("本年处理决定数量", True), ("本年处理决定数量", True)),
        _row(2, "行政许可", "见附件", ("见附件", True), ("见附件", True)),
        _row(
            3,
            "第二十条第（六）项",
            ("第二十条第（六）项", True),
            ("第二十条第（六）项", True),
            ("第二十条第（六）项", True),
        ),
        _row(4, "信息内容", "本年处理决定数量", ("本年处理决定数量", True), ("本年处理决定数量", True)),
        _row(5, "行政处罚", "12", ("12", True), ("12", True)),
        _row(6, "行政强制", "约20", ("约20", True), ("约20", True)),
    )
    ad = report.active_disclosure
    assert ad is not None
    assert ad["licensing", "decisions"].missing is Missing.UNREADABLE
    assert ad["licensing", "decisions"].text == "见附件"
    assert ad.value("penalty", "decisions") == 12
    assert ad["coercion", "decisions"].missing is Missing.UNREADABLE
    assert ad["coercion", "decisions"].text == "约20"
    not_found = {c.row for f in report.findings if f.rule == "reader.row_not_found" for c in f.cells}
    assert not not_found & {"licensing", "penalty", "coercion"}
    found = _unreadable(report)
    assert found["active_disclosure.licensing.decisions"] == (1,)
    assert found["active_disclosure.coercion.decisions"] == (1,)
    (finding,) = [f for f in report.findings if f.cells and str(f.cells[0]) == "active_disclosure.coercion.decisions"]
    assert "行政强制" in finding.message and "约20" in finding.message


def test_word_before_a_stretched_last_value_is_the_first_value() -> None:
    # 2019's 政府集中采购 | 采购项目数量 | 采购总金额 (colspan 2): the amount's copy is not a second value.
    report = _read(
        _row(0, "信息内容", "采购项目数量", "采购总金额", ("采购总金额", True)),
        _row(1, "政府集中采购", "见附件", "4651", ("4651", True)),
        _row(2, "信息内容", "上一年项目数量", "本年增/减", ("本年增/减", True)),
        _row(3, "行政事业性收费", "详见附表", "-1", ("-1", True)),
    )
    ad = report.active_disclosure
    assert ad is not None
    assert ad["procurement", "projects"].missing is Missing.UNREADABLE
    assert ad["procurement", "projects"].text == "见附件"
    assert ad.value("procurement", "amount") == Decimal(4651)
    assert ad["fees", "prev_items"].text == "详见附表"
    assert ad["fees", "prev_items"].missing is Missing.UNREADABLE
    assert ad.value("fees", "change") == -1
    assert set(_unreadable(report)) == {"active_disclosure.procurement.projects", "active_disclosure.fees.prev_items"}


def test_every_value_of_a_row_may_be_a_word() -> None:
    report = _read(
        _row(0, "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"),
        _row(1, "规章", "见附件", "约20", "详见附表"),
    )
    ad = report.active_disclosure
    assert ad is not None
    assert [ad[("regulations", c)].text for c in ("made", "published", "total_public")] == [
        "见附件",
        "约20",
        "详见附表",
    ]
    assert all(ad[("regulations", c)].missing is Missing.UNREADABLE for c in ("made", "published", "total_public"))


def test_word_among_table_three_values_under_merged_label_cells() -> None:
    # The template's table 3: 一 spans three label columns; 三's rows carry the vertical group cells.
    three = ("三、本年度办理结果", True)
    report = _read(
        _row(
            0,
            "一、本年新收政府信息公开申请数量",
            *[("一、本年新收政府信息公开申请数量", True)] * 2,
            "见附件",
            *"100001",
        ),
        _row(1, "三、本年度办理结果", "（一）予以公开", ("（一）予以公开", True), *"410000", "约20"),
        _row(2, three, "（三）不予公开", "1.属于国家秘密", "2", "详见附表", *"00002"),
    )
    req = report.requests
    assert req is not None
    assert req["new_received", "natural_person"].text == "见附件"
    assert req.value("new_received", "commercial") == 1
    assert req.value("new_received", "total") == 1
    assert req["granted", "total"].text == "约20" and req.value("granted", "natural_person") == 4
    assert req["denied_state_secret", "commercial"].missing is Missing.UNREADABLE
    assert req.value("denied_state_secret", "total") == 2
    assert set(_unreadable(report)) == {
        "requests.new_received.natural_person",
        "requests.granted.total",
        "requests.denied_state_secret.commercial",
    }


def test_a_cell_naming_a_row_stays_label_even_when_values_are_short() -> None:
    # （六）其他处理 | 3.其他 | six values: 3.其他 names its own row; the row is short, not unreadable.
    report = _read(
        _row(0, "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", *"1000001"),
        _row(1, ("（六）其他处理", True), "3.其他", *"200002"),
    )
    req = report.requests
    assert req is not None
    assert req.value("other_misc", "natural_person") == 2
    assert not _unreadable(report)
    assert any(f.rule == "reader.short_row" for f in report.findings)


def _with_words(seed: str, words: dict[str, str]) -> AnnualReport:
    """A seed's report (as a person reads it) with the named cells (``table.row.column``) unreadable words."""
    return report_from(EXPECTED[seed], **{key: Cell(missing=Missing.UNREADABLE, text=w) for key, w in words.items()})


_WORDS_2021 = {
    "active_disclosure.licensing.decisions": "见附件",
    "active_disclosure.coercion.decisions": "约20",
    "active_disclosure.fees.amount": "详见附表",
    "requests.new_received.natural_person": "见附件",
    "requests.granted.total": "约20",
    "review_litigation.review.upheld": "见附件",
    "review_litigation.litigation_after_review.total": "若干",
}
_WORDS_2019 = {
    "active_disclosure.procurement.projects": "见附件",
    "active_disclosure.fees.prev_items": "约20",
    "active_disclosure.regulations.made": "详见附表",
    "requests.denied_state_secret.commercial": "见附件",
}


@pytest.mark.parametrize("fmt", ["html", "docx", "text"])
@pytest.mark.parametrize(("seed", "words"), [("003", _WORDS_2021), ("002", _WORDS_2019)])
def test_words_in_template_value_positions_round_trip(fmt: str, seed: str, words: dict[str, str]) -> None:
    report = _with_words(seed, words)
    check_round_trip(fmt, report)


def test_table_four_row_of_fifteen_with_more_words_than_numbers() -> None:
    # Eight of the fifteen values are words: the row is still fifteen values (its width), not a label.
    values = ["不详", "16", "4", "12项以上", "不详", "6", "9", "若干", "2", "1-2", "1-2", "见附件", "5", "12", "1-2"]
    report = _read(
        _row(0, "行政复议", *[("行政复议", True)] * 4, "行政诉讼", *[("行政诉讼", True)] * 9),
        _row(
            1,
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "总计",
            *["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2,
        ),
        _row(2, *values),
    )
    rl = report.review_litigation
    assert rl is not None
    assert rl["review", "upheld"].text == "不详" and rl["review", "upheld"].missing is Missing.UNREADABLE
    assert (rl.value("review", "corrected"), rl.value("review", "other")) == (16, 4)
    assert rl["litigation_direct", "other"].text == "若干"
    assert rl.value("litigation_after_review", "pending") == 12
    assert rl["litigation_after_review", "total"].text == "1-2"
    assert len(_unreadable(report)) == 8
