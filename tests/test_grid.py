"""The shared merged-cell expansion."""

from __future__ import annotations

from govinfo_report.document import NOWHERE
from govinfo_report.grid import MAX_SPAN, SpanCell, expand


def texts(rows: tuple[tuple[object, ...], ...]) -> list[list[str]]:
    return [[c.text for c in row] for row in rows]  # type: ignore[attr-defined]


def test_rowspan_and_colspan() -> None:
    # The header of table 3: 申请人情况 over seven columns; 法人或其他组织 over five.
    grid = expand(
        [
            [SpanCell("说明", rowspan=3), SpanCell("申请人情况", colspan=7)],
            [SpanCell("自然人", rowspan=2), SpanCell("法人或其他组织", colspan=5), SpanCell("总计", rowspan=2)],
            [SpanCell(t) for t in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")],
        ]
    )
    assert texts(grid.rows) == [
        ["说明", *["申请人情况"] * 7],
        ["说明", "自然人", *["法人或其他组织"] * 5, "总计"],
        ["说明", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
    ]
    assert not grid.rows[0][0].spanned and grid.rows[1][0].spanned
    assert not grid.rows[0][1].spanned and grid.rows[0][2].spanned


def test_vmerge_continuation_repeats_the_cell_above() -> None:
    grid = expand([[SpanCell("（三）不予公开"), SpanCell("1")], [SpanCell("", rowspan=0), SpanCell("2")]])
    assert texts(grid.rows) == [["（三）不予公开", "1"], ["（三）不予公开", "2"]]
    assert grid.rows[1][0].spanned


def test_grid_before_skips_columns() -> None:
    grid = expand([[SpanCell("a"), SpanCell("b")], [SpanCell("c", skip_before=1)]])
    assert texts(grid.rows) == [["a", "b"], ["", "c"]]


def test_hostile_spans_are_clamped() -> None:
    grid = expand([[SpanCell("x", rowspan=10**9, colspan=10**9)]])
    assert len(grid.rows) == MAX_SPAN and len(grid.rows[0]) == MAX_SPAN


def test_span_cell_field_order_is_the_one_readers_build_with_tuple_new() -> None:
    # The HTML and docx readers build SpanCells as tuple.__new__(SpanCell, (text, rowspan, colspan,
    # location, skip_before)); a reordered or added field would silently misplace cells.
    assert SpanCell._fields == ("text", "rowspan", "colspan", "location", "skip_before")
    made = tuple.__new__(SpanCell, ("合计", 2, 3, NOWHERE, 1))
    assert made == SpanCell("合计", rowspan=2, colspan=3, skip_before=1)
