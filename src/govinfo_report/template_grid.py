"""The official template's table geometry: which cells merge, per table and edition.

Writers that lay the report out as the State Council's template prints it
(HTML ``rowspan``/``colspan``, docx ``gridSpan``/``vMerge``) share this one
description.  :func:`template_rows` gives, for one table of one edition, the
rows of :class:`TemplateCell` as the template draws them: label cells with
their spans (the 第二十条第（一）项 group rows, table 3's 申请人情况 /
法人或其他组织 header, the vertical 三、本年度办理结果 and （三）不予公开 cells,
table 4's 行政复议 / 行政诉讼 header) and value cells naming the
:class:`~govinfo_report.findings.CellRef` whose value they print.

Labels and codes come from :mod:`govinfo_report.layout`; only the geometry
lives here.  Every row covers the same number of grid columns
(:func:`template_width`), so :func:`govinfo_report.grid.expand` of the rows
is rectangular.
"""

from __future__ import annotations

from collections.abc import Collection
from html import escape

from attrs import frozen

from .findings import CellRef
from .layout import REQUEST_COLUMNS, REVIEW_COLUMNS, Edition, RowSpec, TableSpec, table_spec
from .model import Missing, Table

__all__ = ["REQUESTS_NOTE", "TemplateCell", "rows_to_lay_out", "template_rows", "template_width"]

#: The note in table 3's top-left cell (the template's own balance statement).
REQUESTS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

_CONTENT = "信息内容"
_APPLICANT = "申请人情况"
_LEGAL_PERSON = "法人或其他组织"

#: Grid width of each table: table 2 has 信息内容 + three value columns; table 3
#: three label columns + seven; table 4 three groups of five.
_WIDTH = {"active_disclosure": 4, "requests": 10, "review_litigation": 15}


@frozen
class TemplateCell:
    """One cell as the template draws it.

    ``cell`` names the report cell whose value goes here; it is ``None`` for
    label cells, whose ``text`` is the template's wording.  ``header`` marks
    column headings (written as ``<th>`` by HTML writers).
    """

    text: str
    rowspan: int = 1
    colspan: int = 1
    cell: CellRef | None = None
    header: bool = False

    def html_spans(self) -> str:
        """The ``rowspan``/``colspan`` attributes an HTML page gives this cell ("" when 1×1)."""
        spans = f' rowspan="{self.rowspan}"' if self.rowspan > 1 else ""
        return spans + (f' colspan="{self.colspan}"' if self.colspan > 1 else "")

    def html_label(self) -> str:
        """This label cell as HTML: ``<th>`` for a column heading, else a ``<td class="label">``."""
        tag, cls = ("th", "") if self.header else ("td", ' class="label"')
        return f"<{tag}{self.html_spans()}{cls}>{escape(self.text)}</{tag}>"


Row = tuple[TemplateCell, ...]


def template_width(table: str) -> int:
    """The number of grid columns *table* (a table code) spans in the template."""
    return _WIDTH[table]


def printed_rows(table: Table) -> list[str]:
    """The codes of the rows *table*'s source printed.

    A row whose every cell is ``absent`` was not printed, unless no row has
    a cell: a table printed bare is still a table, and leaving out all its
    rows would write none (every row is then printed, each cell as
    :data:`~govinfo_report.values.ABSENT_MARK`).
    """
    printed: dict[str, bool] = {}  # one pass over the cells: Table.row() would scan them once per row
    for (row, _column), cell in table.cells.items():
        printed[row] = printed.get(row, False) or cell.missing is not Missing.ABSENT
    return [code for code, any_cell in printed.items() if any_cell] or list(printed)


def rows_to_lay_out(table: Table) -> list[str]:
    """The codes of the rows a writer lays out for *table* in the template's grid: :func:`printed_rows`.

    Except in table 4: its values are one unlabelled row of fifteen, placed
    by position, so a group left out would shift the groups after it; all
    three are laid out (absent cells then print
    :data:`~govinfo_report.values.ABSENT_MARK`).
    """
    if table.code == "review_litigation":
        return list(table.row_codes)
    return printed_rows(table)


def template_rows(edition: Edition | str, table: str, rows: Collection[str] | None = None) -> tuple[Row, ...]:
    """The template's rows for *table* of *edition*.

    *rows* are the row codes to lay out (default: every row of the edition
    except optional ones, i.e. the template as printed).  A report that
    lacks a row entirely, or that prints 2021's optional single （六）其他处理
    row, passes its own row codes; group cells (三、本年度办理结果,
    （三）不予公开 …) span exactly the rows laid out.
    """
    spec = table_spec(edition, table)
    wanted = [r for r in spec.rows if (not r.optional if rows is None else r.code in rows)]
    if table == "active_disclosure":
        return _active_disclosure(spec, wanted)
    if table == "requests":
        return _requests(spec, wanted)
    return _review_litigation(spec, wanted)


def _value(spec: TableSpec, row: RowSpec, column: str, colspan: int = 1) -> TemplateCell:
    return TemplateCell("", colspan=colspan, cell=CellRef(spec.code, row.code, column))


def _active_disclosure(spec: TableSpec, wanted: list[RowSpec]) -> tuple[Row, ...]:
    """Per group: the group's heading across the table, 信息内容 + column labels, then its rows.

    Rows with fewer than three columns stretch their last column over the
    rest of the width, as the template does (行政事业性收费, 2021's one-column rows).
    """
    width = _WIDTH[spec.code]
    out: list[Row] = []
    previous: tuple[str, tuple[str, ...]] | None = None
    for row in wanted:
        columns = tuple(c.code for c in row.columns)
        if (row.group, columns) != previous:
            previous = (row.group, columns)
            out.append((TemplateCell(row.group, colspan=width, header=True),))
            heads = [TemplateCell(_CONTENT, header=True)]
            heads += [TemplateCell(c.label, header=True) for c in row.columns]
            out.append(_stretch(heads, width))
        cells = [TemplateCell(row.label)] + [_value(spec, row, c.code) for c in row.columns]
        out.append(_stretch(cells, width))
    return tuple(out)


def _stretch(cells: list[TemplateCell], width: int) -> Row:
    """Widen the last cell so the row covers *width* columns."""
    used = sum(c.colspan for c in cells)
    last = cells[-1]
    cells[-1] = TemplateCell(last.text, last.rowspan, last.colspan + width - used, last.cell, last.header)
    return tuple(cells)


def _requests(spec: TableSpec, wanted: list[RowSpec]) -> tuple[Row, ...]:
    """The three header rows, then one row per report row with the template's vertical group cells.

    A row without a group (一、二、四) spans the three label columns; a row
    of 三、本年度办理结果 without a sub-group spans two; a sub-group's first row
    carries the vertical sub-group cell (（三）不予公开 …), and the first row
    of 三 carries the vertical 三、本年度办理结果 cell.
    """
    out: list[Row] = [
        (
            TemplateCell(REQUESTS_NOTE, rowspan=3, colspan=3, header=True),
            TemplateCell(_APPLICANT, colspan=7, header=True),
        ),
        (
            TemplateCell(REQUEST_COLUMNS[0].label, rowspan=2, header=True),
            TemplateCell(_LEGAL_PERSON, colspan=5, header=True),
            TemplateCell(REQUEST_COLUMNS[-1].label, rowspan=2, header=True),
        ),
        tuple(TemplateCell(c.label, header=True) for c in REQUEST_COLUMNS[1:-1]),
    ]
    result_group = next(r.group for r in spec.rows if r.code == "granted")
    in_result = [r for r in wanted if r.group == result_group or _is_subgroup(spec, r.group, result_group)]
    subgroup_sizes: dict[str, int] = {}
    for r in wanted:
        if _is_subgroup(spec, r.group, result_group):
            subgroup_sizes[r.group] = subgroup_sizes.get(r.group, 0) + 1
    result_started = False
    subgroups_started: set[str] = set()
    for row in wanted:
        labels: list[TemplateCell] = []
        if row in in_result and not result_started:
            result_started = True
            labels.append(TemplateCell(result_group, rowspan=len(in_result)))
        if not row.group:
            labels.append(TemplateCell(row.label, colspan=3))
        elif row.group == result_group:
            labels.append(TemplateCell(row.label, colspan=2))
        else:
            if row.group not in subgroups_started:
                subgroups_started.add(row.group)
                labels.append(TemplateCell(row.group, rowspan=subgroup_sizes[row.group]))
            labels.append(TemplateCell(row.label))
        out.append((*labels, *(_value(spec, row, c.code) for c in row.columns)))
    return tuple(out)


def _is_subgroup(spec: TableSpec, group: str, result_group: str) -> bool:
    """Whether *group* is a sub-group of 三、本年度办理结果 (（三）不予公开 …), not a top-level label."""
    return bool(group) and group != result_group


def _review_litigation(spec: TableSpec, wanted: list[RowSpec]) -> tuple[Row, ...]:
    """Two heading rows over three groups of five columns, then one row of fifteen values.

    Table 4 prints its groups side by side; a group the report lacks is
    left out together with its headings.
    """
    n = len(REVIEW_COLUMNS)
    review = [r for r in wanted if not r.group]
    litigation = [r for r in wanted if r.group]
    top: list[TemplateCell] = []
    middle: list[TemplateCell] = []
    bottom: list[TemplateCell] = []
    if review:
        top.append(TemplateCell(review[0].label, colspan=n, header=True))
        # The review group's column labels reach down past the litigation groups' second heading row.
        depth = 2 if litigation else 1
        middle += [TemplateCell(c.label, rowspan=depth, header=True) for c in REVIEW_COLUMNS]
    if litigation:
        top.append(TemplateCell(litigation[0].group, colspan=n * len(litigation), header=True))
        for row in litigation:
            middle.append(TemplateCell(row.label, colspan=n, header=True))
            bottom += [TemplateCell(c.label, header=True) for c in REVIEW_COLUMNS]
    values = tuple(_value(spec, row, c.code) for row in (*review, *litigation) for c in row.columns)
    rows: list[Row] = [tuple(top), tuple(middle)]
    if bottom:
        rows.append(tuple(bottom))
    rows.append(values)
    return tuple(rows)
