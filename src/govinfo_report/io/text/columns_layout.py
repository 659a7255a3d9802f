"""PDF text: ``pdftotext -layout`` output, columns separated by runs of spaces.

A table cell is a run of text with at most single spaces inside; cells are
separated by two or more spaces, except after a label as wide as its column,
which pdftotext leaves one space after (``其他对外管理服务事项 580       27067``):
numbers ending the label cell of a row with number columns are values, and
so is a lone number after a label that goes on alone on the next line
(``行政事业性收 0`` / ``费``) when the joined label holds table words.  The
extractor prints a multi-line label's numbers on one of its middle lines, so
a row's label may continue on the lines before *and* after its numbers; a
merged group label (``（三）不予公开``, the vertical ``三、本年度办理结果``) is
printed a few characters at a time on lines of its own or in front of other
rows' labels; page numbers (``-3-``) appear inside tables.  Where a row's
first cell sits at the top and the others in the middle (chromium's print of
an office page), the first number is on the label's first line and the rest
lower down (``其他对外管理服务事 0`` / ``项  0  0``): numbers ending a label
fragment, left of its row's numbers, are that row's first values, and the
label runs from that line down.

A label of two lines has no middle line: its numbers come level with one of
them, and the other (on the very next line, in the label's column, the first
line the wider) is kept with it (``4.无正当理由大量反复`` / ``申请  0  0``); an
item number printed on a line of its own (``1.``) begins its label.  A
narrow label column can also print a group label's fragment and a row's
label fragment on one line with no number (``（四）无   2.没有现成信息需要另行``
/ numbers / ``法提供    制作``): the last cell of such a line, left of the
numbers, continues the unlabelled row of numbers beside it.

The same layout reads pdfplumber's layout text, which keeps the page's left
margin (indents are counted from the most common one) and prints a title's
year, set in a Latin font a little lower, on a line of its own inside the gap
left for it on the line above (put back there, :func:`_rejoin_runs`).

This layout finds each table region (from its header lines to its last row
of numbers, bounded by headings and prose), and gives it as one
:class:`~govinfo_report.document.Grid`:

* a row of numbers → ``[label, value cells…]``, the label joined from the
  fragments in its column on the neighbouring lines;
* group-label fragments in the label columns → one label-only row per group,
  its fragments joined (``（三）不`` + ``予公开``), placed before the first row
  of numbers at or below its first fragment;
* other lines (column headers) → label-only rows of their cells.

Everything outside the regions is prose, given as the document's paragraphs
(:func:`_paragraphs`): pdftotext breaks every line at the page's width, so a
line goes on in the next one unless the next is indented (a paragraph's
first line is) or a section heading, or the paragraph began at the margin and
the line ends a sentence or the report's title; and the space pdftotext puts
between a CJK character and a digit (``2024 年``) is dropped.  Page-number lines are
dropped everywhere.

A blank cell prints nothing, so a row with blank cells has fewer numbers than
columns.  Where the text was padded cell by cell to display columns (a CJK
character counting two), as pandoc's plain text and Markdown tables are, the
full rows of a block (the rows under one set of column headings) start their
numbers in exactly the same display columns, and a short row's numbers that
each start in one of those columns are put there, the others left blank
(:func:`_short_rows`).  pdftotext places text where the page has it: there
a row whose merged cells differ from its neighbours' (a 总计 row whose label
spans one more column) is printed shifted by a column, so a number's place
cannot tell a blank cell from the shift.  Those rows, and any short row not
placed exactly, are read in order, and the interpreter's ``reader.short_row``
finding says the row is short.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from itertools import pairwise

from attrs import frozen

from ...document import Block, Document, Grid, GridCell, Location, Paragraph
from ...interpret.locate import has_table_words
from ...interpret.sections import match_heading
from ...interpret.title import TITLE_END, parse_title

__all__ = ["detect", "parse"]

#: A cell: non-space text with single spaces inside.
_CHUNK = re.compile(r"\S+(?: \S+)*")
_NUMBER = r"(?:[+\-－−]?\d[\d,]*(?:\.\d+)?(?:万元|元)?|[/／—–-]{1,2}|无)"
#: A cell holding only numbers (single spaces between them).
_NUMBERS = re.compile(rf"^{_NUMBER}(?: {_NUMBER})*$")
_ONE_NUMBER = re.compile(_NUMBER)
#: A label and the numbers after it with only one space between: a label that fills its column.
_LABEL_THEN_NUMBERS = re.compile(rf"^(.*?\S) ({_NUMBER}(?: {_NUMBER})*)$")
_DIGIT = re.compile(r"\d")
_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?)\s*$")
#: A section heading on a line of its own (``二、主动公开政府信息情况``): ends a table region.
_HEADING = re.compile(r"^[一二三四五六七八九十]+、\S{4,}$")
#: Sentence punctuation: a line holding it (and nothing in columns) is prose.
_PROSE_MARK = re.compile(r"[。；！？]")
#: A one-cell line at least this long is prose, not a table's label fragment.
_PROSE_LENGTH = 24
#: How far (in lines) a label fragment may be from its row's numbers, and how far
#: (in characters) from the column of the row's label.
_LABEL_REACH = 3
_UNLABELED_REACH = 2
_COLUMN_SLACK = 2
#: A label's item number printed on a line of its own (``1.``), level with the middle of the label.
_ITEM_NUMBER = re.compile(r"^\d{1,2}[.．]$")
#: Fragments of one group label: at most this many lines apart.
_GROUP_GAP = 4
#: A prose line starting this many columns in is a paragraph's first line (after a form feed a
#: continued line starts in column 1).
_INDENT = 2
#: The end of a sentence, with any closing quotes or brackets after it.
_SENTENCE_END = re.compile(r"[。！？.!?…][”’」』）)\"']*$")
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
#: The spaces pdftotext puts between a CJK character (or full-width punctuation) and a digit.
_CJK_DIGIT_SPACE = re.compile(f"(?<=[{_CJK}]) +(?=[0-9])|(?<=[0-9]) +(?=[{_CJK}])")
#: Latin text on both sides of a line break keeps a space (not after a hyphen: ``0517-`` / ``83605210``).
_LATIN_END = re.compile(r"[A-Za-z0-9,.;:!?)]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9(]")


@frozen
class _Chunk:
    text: str
    x: int


@frozen
class _Line:
    """A line of the file: its number (1-based), cells, and for a row its label and number cells."""

    number: int
    chunks: tuple[_Chunk, ...]
    labels: tuple[_Chunk, ...] = ()
    values: tuple[_Chunk, ...] = ()

    @property
    def is_row(self) -> bool:
        return bool(self.values)

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.chunks)

    @property
    def indent(self) -> int:
        return self.chunks[0].x if self.chunks else 0


def detect(lines: list[str]) -> int:
    """Score: lines that are a label and numbers in space-separated columns (no tabs, no pipes)."""
    score = 0
    for i, raw in enumerate(lines):
        if "\t" in raw or "|" in raw:
            continue
        if _PAGE_NUMBER.match(raw):
            score += 1
            continue
        line = _line(raw, i + 1)
        if line.is_row and any("  " in raw[c.x - 2 : c.x] for c in line.values[:1]):
            score += 1
    return score


def parse(lines: list[str], source: str | None) -> Document:
    """Paragraphs and one grid per table region."""
    parsed = [_line(raw, i + 1) for i, raw in enumerate(lines) if not _PAGE_NUMBER.match(raw)]
    parsed = _wrapped_labels([line for line in parsed if line.chunks])
    blocks: list[Block] = []
    # The page's left margin: pdftotext cuts it off, pdfplumber's layout text keeps it (every line
    # nine spaces in). An indent is measured from it.
    margin = Counter(line.indent for line in parsed).most_common(1)[0][0] if parsed else 0
    i = 0
    for start, end in _regions(parsed):
        blocks.extend(_paragraphs(parsed[i:start], margin, source))
        blocks.append(_grid(parsed[start:end], lines, source))
        i = end
    blocks.extend(_paragraphs(parsed[i:], margin, source))
    return Document(tuple(blocks), source=source)


def _line(raw: str, number: int) -> _Line:
    text = raw.replace("\f", " ").rstrip()
    chunks = tuple(_Chunk(m.group(), m.start()) for m in _CHUNK.finditer(text))
    tail = len(chunks)
    while tail > 0 and _NUMBERS.match(chunks[tail - 1].text):
        tail -= 1
    if 0 < tail < len(chunks) and (split := _LABEL_THEN_NUMBERS.match(chunks[tail - 1].text)):
        # A label as wide as its column leaves one space before the first number, not a column gap
        # (``其他对外管理服务事项 580       27067``): in a row with number columns after it, the numbers
        # ending the label cell are that row's first values, not words of its label.
        label = chunks[tail - 1]
        chunks = (
            *chunks[: tail - 1],
            _Chunk(split.group(1), label.x),
            _Chunk(split.group(2), label.x + split.start(2)),
            *chunks[tail:],
        )
    labels, numeric = chunks[:tail], chunks[tail:]
    values = tuple(v for c in numeric for v in _numbers(c.text, c.x))
    digits = [v for v in values if _DIGIT.search(v.text)]
    # A lone number with no label is a wrapped line of prose, not a row.
    if not digits or (not labels and len(values) < 2):
        return _Line(number, chunks)
    return _Line(number, chunks, labels, values)


def _wrapped_labels(parsed: list[_Line]) -> list[_Line]:
    """*parsed* with the rows whose label wraps right after its one space before the numbers.

    A label as wide as its column, in a table of one value column, leaves a
    single space before its number and goes on alone on the next line, in
    its column (``行政事业性收 0`` / ``费``).  :func:`_line` leaves such a
    line whole, as it must a line of prose ending in a number (``截至 2024
    年底共办理 15`` / ``件。``); the line is a row only when the label, joined
    to that next line, is short, is no sentence, and holds words only the
    report's tables use.
    """
    out = list(parsed)
    for k, (line, below) in enumerate(pairwise(parsed)):
        if line.is_row or below.is_row or len(line.chunks) != 1 or len(below.chunks) != 1:
            continue
        chunk, rest = line.chunks[0], below.chunks[0]
        split = _LABEL_THEN_NUMBERS.match(chunk.text)
        if split is None or below.number != line.number + 1 or abs(rest.x - chunk.x) > _COLUMN_SLACK:
            continue
        label = split.group(1) + rest.text
        if _DIGIT.search(rest.text) or _PROSE_MARK.search(label) or len(label) >= _PROSE_LENGTH:
            continue
        if has_table_words(label):
            head = _Chunk(split.group(1), chunk.x)
            values = _numbers(split.group(2), chunk.x + split.start(2))
            out[k] = _Line(line.number, (head, *values), (head,), values)
    return out


def _numbers(text: str, x: int) -> tuple[_Chunk, ...]:
    """The numbers in *text* (a run of numbers starting at column *x*), one chunk each."""
    return tuple(_Chunk(m.group(), x + m.start()) for m in _ONE_NUMBER.finditer(text))


def _paragraphs(lines: list[_Line], margin: int, source: str | None) -> list[Paragraph]:
    """The prose *lines* (no table among them) joined into the document's paragraphs."""
    out: list[Paragraph] = []
    current: list[_Line] = []
    for line in _rejoin_runs(lines):
        if current and not _continues(current, line, margin):
            out.append(_paragraph(current, source))
            current = []
        current.append(line)
    if current:
        out.append(_paragraph(current, source))
    return out


def _rejoin_runs(lines: list[_Line]) -> list[_Line]:
    """*lines* with a run printed on the next line, inside a gap this line leaves for it, put back in the gap.

    A title whose year is set in a Latin font sits a few points lower than
    its Chinese text, and pdfplumber's layout text prints the year on a line
    of its own, in the columns the line above leaves blank for it
    (``山亭区人民政府办公室      年政府信息公开工作年度`` / ``2020``).
    """
    out: list[_Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and len(line.chunks) == 1 and line.number == prev.number + 1 and _in_gap(prev, line):
            out[-1] = _Line(prev.number, tuple(sorted((*prev.chunks, *line.chunks), key=lambda c: c.x)))
        else:
            out.append(line)
    return out


def _in_gap(above: _Line, line: _Line) -> bool:
    """Whether *line*'s one cell lies wholly within a gap between two cells of *above*."""
    run = line.chunks[0]
    return any(
        left.x + len(left.text) < run.x and run.x + len(run.text) < right.x for left, right in pairwise(above.chunks)
    )


def _continues(paragraph: list[_Line], line: _Line, margin: int) -> bool:
    """Whether *line* goes on with *paragraph* (see the module docstring), indents counted from *margin*."""
    last = paragraph[-1]
    if line.indent - margin >= _INDENT or match_heading(line.text) is not None or match_heading(last.text) is not None:
        return False
    if TITLE_END.search(last.text) and parse_title("".join(p.text for p in paragraph)) is not None:
        return False  # a title broken at the margin (``…政府信息公开工作`` / ``年度报告``) ends before the preamble
    # A paragraph whose first line is indented goes on until the next indented line;
    # one that began at the margin, until a line ends a sentence.
    return paragraph[0].indent - margin >= _INDENT or not _SENTENCE_END.search(last.text)


def _paragraph(lines: list[_Line], source: str | None) -> Paragraph:
    text = lines[0].text
    for line in lines[1:]:
        # CJK text runs on across the break; Latin words and numbers keep a space between them.
        gap = " " if _LATIN_END.search(text) and _LATIN_START.match(line.text) else ""
        text += gap + line.text
    return Paragraph(_CJK_DIGIT_SPACE.sub("", text), Location(source, lines[0].number))


def _breaks(line: _Line) -> bool:
    """Whether *line* cannot be part of a table: a heading or prose."""
    if line.is_row or len(line.chunks) != 1:
        return False
    text = line.chunks[0].text
    return bool(_HEADING.match(text) or _PROSE_MARK.search(text) or len(text) >= _PROSE_LENGTH)


def _regions(lines: list[_Line]) -> list[tuple[int, int]]:
    """``(start, end)`` index ranges of the table regions in *lines*."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not lines[i].is_row:
            i += 1
            continue
        start = i
        while start > 0 and not _breaks(lines[start - 1]) and (not out or start > out[-1][1]):
            start -= 1
        end = i + 1
        while end < len(lines) and not _breaks(lines[end]):
            end += 1
        out.append((start, end))
        i = end
    return out


def _grid(lines: list[_Line], raw: list[str], source: str | None) -> Grid:
    rows = [line for line in lines if line.is_row]
    number_x = min(line.values[0].x for line in rows)
    first_row, last_row = rows[0].number, rows[-1].number
    attached: dict[int, list[tuple[int, _Chunk]]] = {line.number: [] for line in rows}
    by_line = {line.number: line for line in rows}
    leading: dict[int, list[tuple[int, _Chunk]]] = {}
    loose: list[tuple[int, _Chunk]] = []
    headers: dict[int, list[_Chunk]] = {}
    for line in lines:
        if line.is_row:
            loose.extend((line.number, c) for c in line.labels[:-1])
            continue
        first_values = _leading_values(line, by_line)
        if first_values is not None:
            label, below, numbers = first_values
            loose.extend((line.number, c) for c in line.chunks[:-1])  # a group label's fragment before it
            attached[below].append((line.number, label))
            leading.setdefault(below, []).extend((line.number, n) for n in numbers)
        elif len(line.chunks) > 1:
            owner = _unlabeled_owner(line, by_line, number_x)
            if owner is None:
                headers[line.number] = list(line.chunks)  # a line of column headings
            else:
                loose.extend((line.number, c) for c in line.chunks[:-1])  # a group label's fragment before it
                attached[owner].append((line.number, line.chunks[-1]))
        else:
            chunk = line.chunks[0]
            owner = _owner(line.number, chunk, by_line)
            if owner is None:
                loose.append((line.number, chunk))
            else:
                attached[owner].append((line.number, chunk))
    for row in rows:
        if row.number in leading:
            # The line with the row's first numbers is its label's first line: the label runs from there
            # (not balanced around the row's line, as a label printed in the middle of its cell is).
            top = leading[row.number][0][0]
            loose.extend(f for f in attached[row.number] if f[0] < top)
            attached[row.number] = [f for f in attached[row.number] if f[0] >= top]
        else:
            loose.extend(_balance(row, attached[row.number]))
    groups: list[tuple[int, _Chunk]] = []
    for number, chunk in loose:
        if first_row <= number <= last_row and chunk.x < number_x:
            groups.append((number, chunk))
        else:
            headers.setdefault(number, []).append(chunk)

    # (line, 0 for label-only rows so they precede the row of numbers on their line, cells)
    out: list[tuple[int, int, tuple[GridCell, ...]]] = []
    for number, chunks in headers.items():
        out.append((number, 0, tuple(GridCell(c.text, Location(source, number, offset=c.x)) for c in chunks)))
    for number, text, x in _join_groups(groups):
        out.append((number, 0, (GridCell(text, Location(source, number, offset=x)),)))
    columns = _short_rows(lines, leading, raw, number_x)
    for row in rows:
        cells = _row_cells(row, attached[row.number], leading.get(row.number, []), columns.get(row.number), source)
        out.append((row.number, 1, cells))
    out.sort(key=lambda item: (item[0], item[1]))  # stable: equal keys keep their order
    return Grid(tuple(cells for _n, _k, cells in out), Location(source, lines[0].number))


def _owner(number: int, chunk: _Chunk, rows: dict[int, _Line]) -> int | None:
    """The row (by line number) whose label *chunk* continues, or ``None``."""
    best: tuple[int, int] | None = None
    reach = max(_LABEL_REACH, _UNLABELED_REACH)
    nearby = (rows[n] for n in range(number - reach, number + reach + 1) if n in rows)
    for row in nearby:
        distance = abs(row.number - number)
        if row.labels:
            fits = distance <= _LABEL_REACH and abs(row.labels[-1].x - chunk.x) <= _COLUMN_SLACK
        else:
            fits = distance <= _UNLABELED_REACH and chunk.x < row.values[0].x
        if fits and (best is None or distance < best[0]):
            best = (distance, row.number)
    return None if best is None else best[1]


def _unlabeled_owner(line: _Line, rows: dict[int, _Line], number_x: int) -> int | None:
    """The row with no label of its own whose label *line* (a group label's fragment, then its label) holds.

    A narrow label column prints a group label's fragment and a row's label
    fragment on one line with no number (``（四）无   2.没有现成信息需要另行`` /
    numbers / ``法提供    制作``): the line's cells are all left of the numbers,
    and its last one continues a row of numbers near it that has no label.
    """
    if any(c.x >= number_x for c in line.chunks):
        return None  # reaches over the number columns: column headings
    owner = _owner(line.number, line.chunks[-1], rows)
    return owner if owner is not None and not rows[owner].labels else None


def _balance(row: _Line, fragments: list[tuple[int, _Chunk]]) -> list[tuple[int, _Chunk]]:
    """Drop (and return) the fragments that make a row's label lopsided.

    The extractor prints a row's numbers on the middle line of its label, so
    a label has as many lines above its numbers as below.  A fragment with no
    counterpart on the other side is a neighbouring title (``第二十条第（五）项``)
    or heading, not part of this label.  But a label of two lines has no
    middle line: its numbers come level with one of them (``4.无正当理由大量反复``
    / ``申请  0  0  0``), so a single fragment on one side is kept when it is
    on the very next line (no empty line between, as there is between rows),
    in the column of the row's own label, and the label's second line is no
    wider than its first.
    """
    number = row.number
    # An item number on a line of its own is printed at the label's middle, wherever its text wraps.
    items = [f for f in fragments if _ITEM_NUMBER.match(f[1].text)]
    fragments[:] = [f for f in fragments if not _ITEM_NUMBER.match(f[1].text)]
    above = sorted((f for f in fragments if f[0] < number), key=lambda f: -f[0])
    below = sorted((f for f in fragments if f[0] > number), key=lambda f: f[0])
    keep_above = keep_below = min(len(above), len(below))
    if keep_above == 0 and len(above) + len(below) == 1 and row.labels:
        line, chunk = (above or below)[0]
        own = row.labels[-1]
        # A label wraps at its column's width: its first line is the wider one.
        first, second = (chunk, own) if above else (own, chunk)
        wraps = len(first.text) >= len(second.text)
        if wraps and abs(line - number) == 1 and abs(chunk.x - own.x) <= _COLUMN_SLACK:
            keep_above, keep_below = len(above), len(below)
    dropped = above[keep_above:] + below[keep_below:]
    fragments[:] = sorted(above[:keep_above] + below[:keep_below] + items, key=lambda f: f[0])
    return dropped


def _join_groups(groups: list[tuple[int, _Chunk]]) -> list[tuple[int, str, int]]:
    """Group-label fragments joined by column: ``(first line, text, x)``."""
    joined: list[tuple[int, int, str, int]] = []  # first line, last line, text, x
    for number, chunk in sorted(groups, key=lambda g: (g[0], g[1].x)):
        for k, (first, last, text, x) in enumerate(joined):
            if abs(x - chunk.x) <= _COLUMN_SLACK and number - last <= _GROUP_GAP:
                joined[k] = (first, number, text + chunk.text, x)
                break
        else:
            joined.append((number, number, chunk.text, chunk.x))
    return [(first, text, x) for first, _last, text, x in joined]


def _leading_values(line: _Line, rows: dict[int, _Line]) -> tuple[_Chunk, int, tuple[_Chunk, ...]] | None:
    """``(label, row, numbers)`` when the numbers *line*'s last chunk ends in are the first values of *row*.

    Where a row's first cell sits at the top and the others in the middle,
    pdftotext prints the first number on the label's first line and the rest
    lower down (``其他法律行政法规禁 0`` / ``2.`` / ``止公开  0  0  0``): numbers
    ending a label fragment, left of the values of the row the fragment
    belongs to below, come first among that row's values.
    """
    chunk = line.chunks[-1]
    split = _LABEL_THEN_NUMBERS.match(chunk.text)
    if split is None:
        return None
    label = _Chunk(split.group(1), chunk.x)
    owner = _owner(line.number, label, rows)
    at = chunk.x + split.start(2)
    if owner is None or owner <= line.number or at >= rows[owner].values[0].x:
        return None
    return label, owner, _numbers(split.group(2), at)


def _row_cells(
    row: _Line,
    fragments: list[tuple[int, _Chunk]],
    leading: list[tuple[int, _Chunk]],
    columns: tuple[int, tuple[int, ...]] | None,
    source: str | None,
) -> tuple[GridCell, ...]:
    """``[label, values…]``: the label's fragments in line order, then one cell per number (*leading* first).

    *columns* (a short row's width and each number's column, see
    :func:`_short_rows`) puts the numbers in their columns, with blank cells
    between them.
    """
    own = row.labels[-1:] if row.labels else ()
    # Lines in order, but an item number printed on a line of its own begins the label (``1.`` + ``申请人…``).
    parts = sorted(
        [*fragments, *((row.number, c) for c in own)], key=lambda p: (not _ITEM_NUMBER.match(p[1].text), p[0])
    )
    cells: list[GridCell] = []
    if parts:  # a row of numbers alone (table 4's) has no label cell
        label = "".join(c.text for _n, c in parts)
        cells.append(GridCell(label, Location(source, parts[0][0], offset=parts[0][1].x)))
    values = [GridCell(v.text, Location(source, n, offset=v.x)) for n, v in _values(row, leading)]
    if columns is not None:
        width, places = columns
        placed = [GridCell("", Location(source, row.number))] * width
        for column, cell in zip(places, values, strict=True):
            placed[column] = cell
        values = placed
    cells.extend(values)
    return tuple(cells)


def _values(row: _Line, leading: list[tuple[int, _Chunk]]) -> list[tuple[int, _Chunk]]:
    """A row's numbers with their lines: those printed on its label's first line (*leading*), then its own."""
    return [*leading, *((row.number, v) for v in row.values)]


def _short_rows(
    lines: list[_Line], leading: dict[int, list[tuple[int, _Chunk]]], raw: list[str], number_x: int
) -> dict[int, tuple[int, tuple[int, ...]]]:
    """``{row's line: (width, column of each number)}`` for the short rows whose numbers' places tell their columns.

    See the module docstring.  A block is the rows between two lines of
    column headings (a line of several cells reaching the number columns):
    table 2's items each have their own headings and their own width.
    """
    found: dict[int, tuple[int, tuple[int, ...]]] = {}
    block: list[_Line] = []
    for line in [*lines, None]:
        if line is None or (not line.is_row and len(line.chunks) > 1 and line.chunks[-1].x >= number_x):
            found.update(_place_block(block, leading, raw))
            block = []
        elif line.is_row:
            block.append(line)
    return found


def _place_block(
    block: list[_Line], leading: dict[int, list[tuple[int, _Chunk]]], raw: list[str]
) -> dict[int, tuple[int, tuple[int, ...]]]:
    values = {row.number: _values(row, leading.get(row.number, [])) for row in block}
    width = max((len(v) for v in values.values()), default=0)
    full = [row for row in block if len(values[row.number]) == width]
    if width < 2 or len(full) < 2 or len(full) == len(block):
        return {}
    display = _display(raw)
    by_display = {tuple(_starts(values[row.number], display)) for row in full}
    by_chars = {tuple(c.x for _n, c in values[row.number]) for row in full}
    if len(by_display) != 1 or len(by_chars) == 1:
        # Not padded cell by cell to display columns (pdftotext places text where the page has it, and a
        # row whose merged cells differ from its neighbours' is printed shifted by a column: its numbers'
        # places cannot tell a blank cell from the shift), or nothing tells the two measures apart.
        return {}
    (columns,) = by_display
    found: dict[int, tuple[int, tuple[int, ...]]] = {}
    for row in block:
        starts = _starts(values[row.number], display)
        if len(starts) < width and all(x in columns for x in starts):
            places = tuple(columns.index(x) for x in starts)
            if all(a < b for a, b in pairwise(places)):
                found[row.number] = (width, places)
    return found


def _display(raw: list[str]) -> Callable[[int, _Chunk], int]:
    """A chunk's display column: a wide (CJK) character counts two, as tools padding text for a terminal count."""

    reached: dict[int, tuple[int, int]] = {}  # by line: the last offset measured and its column

    def column(line: int, chunk: _Chunk) -> int:
        # A line's numbers are measured left to right: go on from the last one (linear in the line).
        start, width = reached.get(line, (0, 0))
        if chunk.x < start:
            start, width = 0, 0
        width += chunk.x - start
        width += sum(1 for ch in raw[line - 1][start : chunk.x] if unicodedata.east_asian_width(ch) in "WF")
        reached[line] = (chunk.x, width)
        return width

    return column


def _starts(values: list[tuple[int, _Chunk]], column: Callable[[int, _Chunk], int]) -> list[int]:
    return [column(line, chunk) for line, chunk in values]
