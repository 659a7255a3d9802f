"""Layout 2: text of a web page, each table row on one line with cells between ``|``.

What a web page's text looks like (seed 003)::

    第二十条第(一)项 | |||
    信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    规章 | 0 | 0 | 0 |
    三、本年度办理结果 | (一)予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |

Merged cells appear as empty cells (``||``), rows are padded with empty
cells to the table's width, and header fragments may be cut short; the
interpreter copes with all three.  Consecutive row lines (blank lines
between them allowed) form one table; any other line is a paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...document import Block, Document, Grid, GridCell, Location, Paragraph

__all__ = ["detect", "is_row", "parse"]


def is_row(line: str) -> bool:
    """Whether *line* is a table row: two or more ``|``, or one that ends the line after some text."""
    text = line.strip()
    bars = text.count("|")
    return bars >= 2 or (bars == 1 and text.endswith("|") and len(text) > 1)


def detect(lines: Sequence[str]) -> int:
    """How many lines are ``|``-separated table rows."""
    return sum(1 for line in lines if line.count("|") >= 2)


def _cells(line: str, number: int, source: str | None, table: int, row: int) -> tuple[GridCell, ...]:
    text = line.strip()
    parts = text.split("|")
    if text.endswith("|"):
        parts.pop()  # the terminating bar closes the last cell; it opens none
    if text.startswith("|"):
        parts.pop(0)
    return tuple(
        GridCell(part.strip(), Location(source, line=number, table=table, row=row, column=c))
        for c, part in enumerate(parts)
    )


def parse(lines: Sequence[str], source: str | None) -> Document:
    """The paragraphs and tables of web-page text *lines*."""
    blocks: list[Block] = []
    rows: list[tuple[GridCell, ...]] = []
    first_line = 0
    tables = 0
    for i, line in enumerate(lines):
        if is_row(line):
            if not rows:
                first_line = i + 1
            rows.append(_cells(line, i + 1, source, tables, len(rows)))
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
