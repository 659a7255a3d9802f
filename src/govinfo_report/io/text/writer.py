"""The text writer: a report as Word-extracted text (layout 1), readable by :class:`TextReader`.

The output follows the official template: the title, the preamble, the six
numbered headings with their prose, and the three tables, each table cell on
its own tab-indented line and a blank line after each row.  Labels are the
official ones from :mod:`govinfo_report.layout`; values are written in their
canonical form (:func:`govinfo_report.values.format_value`).

Each value cell is written as :func:`govinfo_report.values.cell_text`, so
it reads back the same: blank as an empty cell, not-applicable as its mark
(``/`` if it has none), unreadable as its original text (``不详`` if that
would read as something else), and a cell the source did not print, in a
row it did print, as :data:`~govinfo_report.values.ABSENT_MARK` (``未列出``),
which readers map back to ``Missing.ABSENT``.  A row the report lacks
entirely (every cell ``Missing.ABSENT``) is left out, unless the whole table
is (:func:`~govinfo_report.template_grid.printed_rows`).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, BinaryIO, ClassVar

from ...layout import REQUEST_COLUMNS, REVIEW_COLUMNS, SECTIONS, Edition, RowSpec, table_spec
from ...model import AnnualReport, Cell, Missing, Table
from ...plugins import Writer
from ...template_grid import printed_rows
from ...values import cell_text

__all__ = ["TextWriter", "render"]

_NUMERALS = "一二三四五六"
_HEADINGS = dict(SECTIONS)
_LAST_2019_YEAR = 2020
_REVIEW_HEADING_2021 = "因政府信息公开工作被申请行政复议、提起行政诉讼情况"
_REQUESTS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

CellRow = list[str]
_ABSENT = Cell(missing=Missing.ABSENT)


def _values(table: Table, row: RowSpec, printed: Collection[str]) -> CellRow | None:
    """The row's value texts, ``None`` if the source did not print the row (it is not in *printed*)."""
    if row.code not in printed:
        return None
    # An optional row (2021's single （六）其他处理) may have no cells at all: absent.
    cells = [table.cells.get((row.code, c.code), _ABSENT) for c in row.columns]
    return [cell_text(cell, col.kind) for cell, col in zip(cells, row.columns, strict=True)]


def _active_disclosure(table: Table, printed: Collection[str]) -> list[CellRow]:
    rows: list[CellRow] = []
    group = None
    for row in table.spec.rows:
        values = _values(table, row, printed)
        if values is None:
            continue
        if row.group != group:
            group = row.group
            rows.append([group])
            rows.append(["信息内容", *(c.label for c in row.columns)])
        rows.append([row.label, *values])
    return rows


def _requests(table: Table, printed: Collection[str]) -> list[CellRow]:
    rows: list[CellRow] = [
        [_REQUESTS_NOTE, "申请人情况"],
        ["", REQUEST_COLUMNS[0].label, "法人或其他组织", REQUEST_COLUMNS[-1].label],
        ["", "", *(c.label for c in REQUEST_COLUMNS[1:-1]), ""],
    ]
    group = ""
    for row in table.spec.rows:
        values = _values(table, row, printed)
        if values is None:
            continue
        if not row.group:
            rows.append([row.label, *values])
            continue
        rows.append([row.group if row.group != group else "", row.label, *values])
        group = row.group
    return rows


def _review_litigation(table: Table, printed: Collection[str]) -> list[CellRow]:
    # Three labelled rows rather than the template's one row of fifteen, so an absent row can be left out.
    header: list[str] = ["", *(c.label for c in REVIEW_COLUMNS)]
    rows: list[CellRow] = [header]
    for row in table.spec.rows:
        values = _values(table, row, printed)
        if values is None:
            continue
        if row.code == "litigation_direct" or (row.code == "litigation_after_review" and len(rows) == 1):
            rows.append([row.group])
        rows.append([row.label, *values])
    return rows


_TABLES = {
    "active_disclosure": _active_disclosure,
    "requests": _requests,
    "review_litigation": _review_litigation,
}


def _edition_untold(report: AnnualReport) -> bool:
    """Whether nothing written would tell a reader the edition, and the year would mislead.

    Only table 2 prints labels of one edition alone (and 2021's heading 四 its
    own wording); a 2019-edition report of a later year without table 2 would
    read back as edition 2021.
    """
    return report.edition is Edition.E2019 and report.year is not None and report.year > _LAST_2019_YEAR


def _edition_headings(edition: Edition) -> list[CellRow]:
    """Table 2's first column headings alone: no rows, so the table reads back as absent."""
    first = table_spec(edition, "active_disclosure").rows[0]
    return [[first.group], ["信息内容", *(c.label for c in first.columns)]]


def _table_lines(rows: list[CellRow]) -> list[str]:
    lines: list[str] = []
    for row in rows:
        lines.extend("\t" + text for text in row)
        lines.append("")
    return lines


def render(report: AnnualReport) -> str:
    """The text of *report* in layout 1."""
    title = report.title
    if not title and report.agency and report.year is not None:
        title = f"{report.agency}{report.year}年政府信息公开工作年度报告"
    lines: list[str] = [title] if title else []
    lines.extend(_prose(report.sections.preamble))
    for numeral, (code, heading) in zip(_NUMERALS, SECTIONS, strict=True):
        if code == "review_litigation" and report.edition is Edition.E2021:
            # The 2021 template's wording: it also tells the edition when no table does.
            heading = _REVIEW_HEADING_2021
        lines.append(f"{numeral}、{heading}")
        if code in _TABLES:
            table = report.table(code)
            if table is not None:
                lines.extend(_table_lines(_TABLES[code](table, set(printed_rows(table)))))
            elif code == "active_disclosure" and _edition_untold(report):
                lines.extend(_table_lines(_edition_headings(report.edition)))
        else:
            lines.extend(_prose(getattr(report.sections, code)))
    return "\n".join(lines) + "\n"


def _prose(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class TextWriter(Writer):
    """Writes a report as tab-indented text (Word text-extraction layout), UTF-8."""

    name: ClassVar[str] = "text"
    suffixes: ClassVar[tuple[str, ...]] = (".txt",)

    def write(self, report: AnnualReport, stream: BinaryIO, **options: Any) -> None:
        if options:
            raise TypeError(f"the text writer takes no options (got {', '.join(sorted(options))})")
        stream.write(render(report).encode("utf-8"))
