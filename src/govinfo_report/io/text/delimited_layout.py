"""Layout 2: each table row on one line, its cells between ``|`` or tabs.

What a web page's text looks like (seed 003)::

    第二十条第(一)项 | |||
    信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    规章 | 0 | 0 | 0 |
    三、本年度办理结果 | (一)予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |

A table copied out of a browser or a spreadsheet, or saved by Word as plain
text, has the same shape with a tab between cells (``规章\\t0\\t0\\t0``); a
line starting with a tab there begins with an empty cell, unlike the one
cell per tab-indented line of :mod:`.word_layout`.

Merged cells appear as empty cells (``||``), rows are padded with empty
cells to the table's width, and header fragments may be cut short; the
interpreter copes with all three.  Consecutive row lines (blank lines
between them allowed) form one table; any other line is a paragraph.  A
text uses one separator: the one more of its lines are rows by.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...document import Block, Document, Grid, GridCell, Location, Paragraph

__all__ = ["detect", "is_row", "parse"]

PIPE = "|"
TAB = "\t"


def is_row(line: str, separator: str = PIPE) -> bool:
    """Whether *line* is a table row.

    With ``|``: two or more bars, or one that ends the line after some text.
    With tabs: any tab in a line with text (``\t申请人情况`` is an empty
    cell, then the group label).
    """
    if separator == TAB:
        return TAB in line and not line.isspace()
    text = line.strip()
    bars = text.count(PIPE)
    return bars >= 2 or (bars == 1 and text.endswith(PIPE) and len(text) > 1)


def _separator(lines: Sequence[str]) -> tuple[str, int]:
    """The separator more lines are rows by, and how many are.

    Tab rows are counted where a tab follows text: tabs only at the start
    are also how :mod:`.word_layout` indents its one cell per line, and how
    a pretty-printed web page's text indents its cells (see
    :mod:`.cell_lines_layout`).
    """
    pipes = sum(1 for line in lines if line.count(PIPE) >= 2)
    tabs = sum(1 for line in lines if TAB in line.lstrip(TAB).rstrip())
    return (TAB, tabs) if tabs > pipes else (PIPE, pipes)


def detect(lines: Sequence[str]) -> int:
    """How many lines are ``|``- or tab-separated table rows (by the separator more lines use)."""
    return _separator(lines)[1]


def _cells(line: str, separator: str, number: int, source: str | None, table: int, row: int) -> tuple[GridCell, ...]:
    if separator == TAB:
        # Every tab separates: a leading one leaves the first cell empty (a merged label above).
        parts = line.rstrip("\r\n ").split(TAB)
    else:
        text = line.strip()
        parts = text.split(PIPE)
        if text.endswith(PIPE):
            parts.pop()  # the terminating bar closes the last cell; it opens none
        if text.startswith(PIPE):
            parts.pop(0)
    return tuple(
        GridCell(part.strip(), Location(source, line=number, table=table, row=row, column=c))
        for c, part in enumerate(parts)
    )


def parse(lines: Sequence[str], source: str | None) -> Document:
    """The paragraphs and tables of *lines*."""
    separator = _separator(lines)[0]
    blocks: list[Block] = []
    rows: list[tuple[GridCell, ...]] = []
    first_line = 0
    tables = 0
    for i, line in enumerate(lines):
        if is_row(line, separator):
            if not rows:
                first_line = i + 1
            rows.append(_cells(line, separator, i + 1, source, tables, len(rows)))
            continue
        if not line.strip():
            continue
        if rows:
            blocks.append(Grid(tuple(rows), Location(source, line=first_line, table=tables)))
            tables += 1
            rows = []
        blocks.append(Paragraph(line, Location(source, line=i + 1)))
    if rows:
        blocks.append(Grid(tuple(rows), Location(source, line=first_line, table=tables)))
    return Document(tuple(blocks), source)
