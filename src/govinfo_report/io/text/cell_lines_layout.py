"""Layout 5: one table cell per line and nothing marking the rows.

What ``soffice --convert-to txt`` makes of a Word file::

    第二十条第（一）项
    信息内容
    本年新制作数量
    本年新公开数量
    对外公开总数量
    规章
    0
    0
    0
    规范性文件
    2
    ...

Every cell is a line of its own, unindented, rows follow each other with
nothing between them, and an empty cell is an empty line, as is the part of
a merged cell a row does not own.  A table is a run of cell-like lines
(short, no sentence, no section heading) where a number follows a number
at least :data:`MIN_VALUES` times; everything else is prose, one paragraph per
line.  In a table, each line of text begins a row and the numbers and empty
lines after it are that row's values; a run of text lines is a run of
label-only rows (column headings, group labels), as is a text line followed
by empty lines only (a heading over merged cells; a data row with every cell
blank is read as not printed).  The interpreter drops the empty cells beyond
a row's width.  A word in a value's place (``见附件``) looks like a label here:
it begins a row of its own, so the row it belongs to has no values and is
reported not found (``reader.row_not_found``); its numbers are not guessed.

The same layout comes *padded* from the text of a web page.  In a crawler's
text of a pretty-printed page (BeautifulSoup's ``get_text()``, the DOM's
``textContent``) the page's own line breaks put the same number of empty
lines between any two cells (two, after LibreOffice's HTML), indentation
before them, and a blank cell adds one empty line.  In a browser's
``innerText`` of a page with paragraphs in its cells, the line between two
cells holds a tab, and each blank cell adds one more tab.  When numbers are
never on adjacent lines, the most common gap between two numbers is the
padding; if nearly every two cell lines are at least that far apart
(:data:`MAX_CLOSE_SHARE`), the padding is dropped and what lies beyond it
before a value (empty lines, or tabs) is blank cells, which makes the text
the unpadded layout above.  docx2txt's text has every cell on a line of its
own with an empty line after it, a blank cell too, so there a blank cell
is an empty line *and* its padding: when every gap is a whole number of
those, that reading is taken if more of the tables' rows then have the same
width (seed 001's （七）总计 row, with four blank cells in its middle, has its
seven cells that way and eleven the other).  Text broken into blocks with a
blank line after each (``pdftotext`` without ``-layout``) is not taken for
it: its labels run over several adjacent lines, and its numbers come column
by column, not row by row.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise

from attrs import frozen

from ...document import Block, Document, Grid, GridCell, Location, Paragraph
from ...interpret.sections import match_heading
from ...values import is_value_text

__all__ = ["MAX_CLOSE_SHARE", "MIN_VALUES", "detect", "parse"]

#: A table has a value right after another value at least this many times.
MIN_VALUES = 3
#: Padded text: at most this share of two successive cell lines may be closer than the padding.
MAX_CLOSE_SHARE = 0.05
#: Padded text: at most this share of its non-empty lines has another right after it (prose included).
_MAX_ADJACENT_SHARE = 0.25
#: A line longer than this is prose, never a cell.
_MAX_CELL = 60
#: Sentence punctuation ends prose, not a label.
_SENTENCE = re.compile(r"[。；！？]")

#: What each line is (see :func:`_kinds`).
_VALUE, _EMPTY, _LABEL, _PROSE = "V", "E", "L", "P"
_CELLS = re.compile(f"[{_VALUE}{_EMPTY}{_LABEL}]+")
_TWO_VALUES = re.compile(f"(?={_VALUE}{_VALUE})")
_ROW = re.compile(f"{_LABEL}[{_VALUE}{_EMPTY}]+")


def _kinds(lines: Sequence[str]) -> str:
    """A character per line: a value alone, empty, a label (short, no sentence, no heading), or prose."""
    out: list[str] = []
    for line in lines:
        text = line.strip()
        if not text:
            out.append(_EMPTY)
        elif line.startswith("\t") or len(text) > _MAX_CELL:
            out.append(_PROSE)  # indented: a Word-extraction cell, another layout
        elif is_value_text(text):
            out.append(_VALUE)
        elif _SENTENCE.search(text) or match_heading(text) is not None:
            out.append(_PROSE)
        else:
            out.append(_LABEL)
    return "".join(out)


@frozen
class _View:
    """The text as this layout reads it: one entry per line (padding dropped), and where each was."""

    texts: Sequence[str]
    #: The 1-based line number of each entry in the input.
    numbers: Sequence[int]
    kinds: str


def _view(lines: Sequence[str]) -> _View:
    """*lines* as they are, or without their padding if they are padded (see the module docstring)."""
    kinds = _kinds(lines)
    if _tables(kinds):
        return _View(lines, range(1, len(lines) + 1), kinds)
    return _unpadded(lines) or _View(lines, range(1, len(lines) + 1), kinds)


def _unpadded(lines: Sequence[str]) -> _View | None:
    """*lines* with the padding between cells dropped, or None if they are not padded cells."""
    texts = [line.strip() for line in lines]
    filled_lines = sum(1 for text in texts if text)
    if sum(1 for a, b in pairwise(texts) if a and b) > _MAX_ADJACENT_SHARE * filled_lines:
        return None  # most lines have another right after them: not padded (and no need to classify them)
    kinds = _kinds(texts)
    filled = [i for i, kind in enumerate(kinds) if kind != _EMPTY]
    gaps = Counter(b - a - 1 for a, b in pairwise(filled) if kinds[a] == kinds[b] == _VALUE)
    if not gaps:
        return None
    padding, seen = gaps.most_common(1)[0]
    cells = [b - a - 1 for a, b in pairwise(filled) if kinds[a] != _PROSE and kinds[b] != _PROSE]
    close = sum(1 for gap in cells if gap < padding)
    if padding == 0 or seen < MIN_VALUES or close > MAX_CLOSE_SHARE * len(cells):
        return None
    # A browser's innerText puts a line holding one tab between two cells, and one more tab per blank cell.
    tabs = Counter(_tabs(lines, a, b) for a, b in pairwise(filled) if kinds[a] == kinds[b] == _VALUE)
    if tabs.most_common(1)[0][0] == 1:
        return _dropped(lines, texts, kinds, filled, padding, lambda a, b: _tabs(lines, a, b) - 1)
    view = _dropped(lines, texts, kinds, filled, padding, lambda a, b: b - a - 1 - padding)
    # A blank cell is one more empty line (a page's text: the cell has no text node) or a line of its own
    # with its padding (docx2txt: every cell is a paragraph): the second when every gap allows it and
    # more of the tables' rows then have the same width.
    stride = padding + 1
    extras = [b - a - 1 - padding for a, b in pairwise(filled) if kinds[b] == _VALUE and kinds[a] != _PROSE]
    if any(e > 0 for e in extras) and all(e % stride == 0 for e in extras if e > 0):
        lines_each = _dropped(lines, texts, kinds, filled, padding, lambda a, b: (b - a - 1 - padding) // stride)
        if _steady_rows(lines_each.kinds) > _steady_rows(view.kinds):
            return lines_each
    return view


def _dropped(
    lines: Sequence[str],
    texts: Sequence[str],
    kinds: str,
    filled: Sequence[int],
    padding: int,
    blanks_between: Callable[[int, int], int],
) -> _View:
    """The filled lines, with as many blank cells before each value as *blanks_between* its line and the last."""
    out: list[str] = []
    numbers: list[int] = []
    previous = -1
    for i in filled:
        if kinds[i] == _VALUE and previous >= 0 and kinds[previous] != _PROSE:
            for blank in range(blanks_between(previous, i)):
                out.append("")
                numbers.append(previous + padding + blank + 2)
        out.append(texts[i])
        numbers.append(i + 1)
        previous = i
    return _View(out, numbers, _kinds(out))


def _steady_rows(kinds: str) -> int:
    """How many rows (a label, then values and blank cells) have the most common width."""
    widths = Counter(len(m.group()) - 1 for m in _ROW.finditer(kinds))
    return widths.most_common(1)[0][1] if widths else 0


def _tabs(lines: Sequence[str], after: int, before: int) -> int:
    """How many tabs the empty lines between lines *after* and *before* hold."""
    return sum(lines[k].count("\t") for k in range(after + 1, before))


def detect(lines: Sequence[str]) -> int:
    """How many lines are a value alone (unindented), in runs of cell-like lines holding enough of them."""
    kinds = _view(lines).kinds
    return sum(kinds.count(_VALUE, start, end) for start, end in _tables(kinds))


def _tables(kinds: str) -> list[tuple[int, int]]:
    """``(start, end)``: the line range of each table, from :func:`_kinds`.

    A table runs from the first cell-like line after prose to its last value
    (and the empty lines after it): short lines after the last value are prose.
    """
    found: list[tuple[int, int]] = []
    for run in _CELLS.finditer(kinds):
        start, last = run.start(), kinds.rfind(_VALUE, run.start(), run.end())
        # Values on lines of their own but never two in a row are padded (see _unpadded), not this layout.
        if last < 0 or len(_TWO_VALUES.findall(kinds, start, last + 1)) < MIN_VALUES:
            continue
        end = last + 1
        while end < run.end() and kinds[end] == _EMPTY:
            end += 1  # empty cells after the last value: still its row's
        found.append((start, end))
    return found


def _grid(view: _View, start: int, end: int, source: str | None, index: int) -> Grid:
    rows: list[list[GridCell]] = []
    for i in range(start, end):
        if view.kinds[i] == _LABEL:
            rows.append([])
        elif not rows:
            continue  # values or empty lines before the first label belong to no row
        row = rows[-1]
        location = Location(source, line=view.numbers[i], table=index, row=len(rows) - 1, column=len(row))
        row.append(GridCell(view.texts[i].strip(), location))
    # A label followed by empty lines only is a heading over merged cells (总计 above its column), not a row
    # of blank values: nothing here tells the two apart, and headings are far more common.
    out = tuple(tuple(row) if any(c.text for c in row[1:]) else tuple(row[:1]) for row in rows)
    return Grid(out, Location(source, line=view.numbers[start], table=index))


def parse(lines: Sequence[str], source: str | None) -> Document:
    """The paragraphs and tables of one-cell-per-line text *lines*."""
    view = _view(lines)
    blocks: list[Block] = []
    i = 0
    for index, (start, end) in enumerate(_tables(view.kinds)):
        blocks.extend(_paragraphs(view, i, start, source))
        blocks.append(_grid(view, start, end, source, index))
        i = end
    blocks.extend(_paragraphs(view, i, len(view.texts), source))
    return Document(tuple(blocks), source)


def _paragraphs(view: _View, start: int, end: int, source: str | None) -> list[Paragraph]:
    return [
        Paragraph(view.texts[i].strip(), Location(source, line=view.numbers[i]))
        for i in range(start, end)
        if view.texts[i].strip()
    ]
