"""The template geometry shared by the table-layout writers (HTML, docx).

Expected spans are the official template's, as the LibreOffice exports in
``shared/corpus/html`` print them (三、本年度办理结果 rowspan 20 in 2019, 22 in 2021).
"""

from __future__ import annotations

import pytest

from govinfo_report.findings import CellRef
from govinfo_report.grid import SpanCell, expand
from govinfo_report.layout import Edition, table_spec
from govinfo_report.template_grid import REQUESTS_NOTE, TemplateCell, template_rows, template_width

TABLES = ("active_disclosure", "requests", "review_litigation")


def _find(rows: tuple[tuple[TemplateCell, ...], ...], text: str) -> TemplateCell:
    return next(c for row in rows for c in row if c.text == text)


@pytest.mark.parametrize("edition", list(Edition))
@pytest.mark.parametrize("table", TABLES)
def test_expanded_template_is_rectangular(edition: Edition, table: str) -> None:
    rows = template_rows(edition, table)
    grid = expand([[SpanCell(c.text, c.rowspan, c.colspan) for c in row] for row in rows])
    assert {len(r) for r in grid.rows} == {template_width(table)}


@pytest.mark.parametrize("edition", list(Edition))
@pytest.mark.parametrize("table", TABLES)
def test_every_layout_cell_appears_once(edition: Edition, table: str) -> None:
    refs = [c.cell for row in template_rows(edition, table) for c in row if c.cell is not None]
    spec = table_spec(edition, table)
    assert refs == [CellRef(table, r.code, c.code) for r, c in spec.cells()]


def test_requests_2019_spans_match_the_template() -> None:
    rows = template_rows(Edition.E2019, "requests")
    assert rows[0][0] == TemplateCell(REQUESTS_NOTE, rowspan=3, colspan=3, header=True)
    assert (_find(rows, "申请人情况").colspan, _find(rows, "法人或其他组织").colspan) == (7, 5)
    assert (_find(rows, "自然人").rowspan, _find(rows, "总计").rowspan) == (2, 2)
    assert _find(rows, "三、本年度办理结果").rowspan == 20
    assert _find(rows, "（三）不予公开").rowspan == 8
    assert _find(rows, "（四）无法提供").rowspan == 3
    assert _find(rows, "（五）不予处理").rowspan == 5
    assert _find(rows, "（六）其他处理").colspan == 2
    assert _find(rows, "一、本年新收政府信息公开申请数量").colspan == 3
    assert _find(rows, "（七）总计").colspan == 2


def test_requests_2021_other_handling_is_a_group_of_three() -> None:
    rows = template_rows(Edition.E2021, "requests")
    assert _find(rows, "三、本年度办理结果").rowspan == 22
    assert _find(rows, "（六）其他处理").rowspan == 3


def test_requests_2021_with_only_the_single_other_handling_row() -> None:
    codes = [r.code for r in table_spec(Edition.E2021, "requests").rows]
    codes = [c for c in codes if c not in ("other_no_correction", "other_fee_unpaid", "other_misc")]
    rows = template_rows(Edition.E2021, "requests", codes)
    assert _find(rows, "三、本年度办理结果").rowspan == 20
    other = _find(rows, "（六）其他处理")
    assert (other.rowspan, other.colspan) == (1, 2)


def test_active_disclosure_short_rows_stretch_their_last_column() -> None:
    rows_2019 = template_rows(Edition.E2019, "active_disclosure")
    fees = next(r for r in rows_2019 if r[0].text == "行政事业性收费")
    assert [c.colspan for c in fees] == [1, 1, 2]
    assert fees[2].cell == CellRef("active_disclosure", "fees", "change")
    rows_2021 = template_rows(Edition.E2021, "active_disclosure")
    assert _find(rows_2021, "本年收费金额（单位：万元）").colspan == 3
    assert _find(rows_2021, "第二十条第（六）项").colspan == 4


def test_review_litigation_headings() -> None:
    rows = template_rows(Edition.E2021, "review_litigation")
    assert [(c.text, c.colspan) for c in rows[0]] == [("行政复议", 5), ("行政诉讼", 10)]
    assert [c.text for c in rows[1][5:]] == ["未经复议直接起诉", "复议后起诉"]
    assert all(c.rowspan == 2 for c in rows[1][:5])
    assert len(rows[3]) == 15
