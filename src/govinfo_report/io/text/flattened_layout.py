"""Crawler text: metadata lines, then the page's text with every table flattened onto one line.

A web crawler saved the report as a few ``key: value`` lines, a banner
``==================== 正文 ====================``, and the page text, where
block elements are joined by a space or by nothing and each table row is
its label followed by its numbers, often with nothing between the numbers
(``一、本年新收政府信息公开申请数量801000081`` is 80, 1, 0, 0, 0, 0, 81).
The same text without the metadata is what other scrapers keep of a page
(BeautifulSoup's ``get_text(strip=True)``, text nodes joined by nothing or
by a space): a text whose lines hold at least :data:`MIN_ROWS` table rows
run into each other is read in this layout too, and a title the page text
starts with is cut from the sentence joined to it.

This layout drops the metadata, finds the stretches of the text that are
tables (runs of numbers following labels, with no sentence punctuation
between them) and turns each into a :class:`~govinfo_report.document.Grid`
whose rows are ``[label cells…, value cells…]``.  A run of numbers that may
hold several cells is one ``GridCell(fused=True)``, split later by
:mod:`govinfo_report.unfuse` with the table's arithmetic; a run whose
numbers are all single digits separated by spaces is given cell by cell.
The rest of the text becomes paragraphs, split where the crawler joined
blocks (white space next to Chinese text) and before enumerated headings.
"""

from __future__ import annotations

import itertools
import re

import attrs

from ...document import Block, Document, Grid, GridCell, Location, Paragraph
from ...interpret.locate import has_table_words
from ...interpret.title import parse_title
from ...layout import LAYOUTS

__all__ = ["MIN_ROWS", "detect", "parse"]

#: The crawler's banner between its metadata and the page text.
_BANNER = re.compile(r"^\s*=+\s*正文\s*=+\s*$")
#: The metadata line holding the page's heading.
_TITLE = re.compile(r"^\s*(?:标题|title)\s*[:：]\s*(.*)$", re.IGNORECASE)
_TITLE_MAX = 60
#: Lines to look at for the banner.
_HEAD_LINES = 40
#: Bonus for the banner: a definite signature of this layout.
_SIGNATURE = 10_000
#: Without the banner, a text needs this many table rows on its lines to be in this layout.
MIN_ROWS = 10

_SIGN = r"[+\-－−]"
#: The blanks between numbers of a run, and a crawler's between two text nodes.
_BLANKS = " \t\u3000"
#: A run of numbers: digits, decimals, signs, white space between, an optional 元 unit.
_RUN = re.compile(rf"{_SIGN}?\d+(?:\.\d+)?(?:[{_BLANKS}]*{_SIGN}?\d+(?:\.\d+)?)*(?:万元|元)?")
#: Characters after a number that make it prose (a quantity, a date, a code), not a table cell.
_UNIT_AFTER = set("年月日号条件个项次期%％余万亿千百十人家名份天时分秒岁台辆套篇场批户类位倍届周层楼室栋")
#: Characters before a number that make it prose or part of a label.
_PROSE_BEFORE = set("第共约达近超逾至~～:：/@#.．、（(〔[【-—“‘「『《")
#: Ordinal marks after a label's number (``2.其他法律…``, ``1、申请人…``).
_ORDINAL_MARK = set(".．、")
#: A digit with no unit after it, then up to 120 characters without digits or sentence punctuation, then
#: a digit: where one row's numbers may meet the next row's label (a cheap bound on what
#: :func:`_stretches` finds).  One greedy quantifier, so each digit costs at most a few hundred steps.
_ROW_AFTER_ROW = re.compile(
    rf"\d(?!\d)(?![{_BLANKS}]*[{re.escape(''.join(sorted(_UNIT_AFTER | _ORDINAL_MARK)))}])"
    r"[^\d\n|｜。，；！？：:;!?]{1,120}(?=\d)"
)
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
#: Punctuation that cannot occur between two rows of one table (outside brackets).
_SENTENCE = re.compile(r"[。，；！？：:;!?]")
_BRACKETED = re.compile(r"（[^（）]*）|\([^()]*\)")
#: Where a table stretch may start: after the last of these before its first row.
_STRETCH_START = re.compile(r"[。；！？;!?]")
#: Paragraph breaks: white space next to Chinese text (the crawler joined blocks with a space).
_BLOCK_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
#: A break before an enumerated heading that follows a sentence's end.
_HEADING_START = re.compile(r"(?<=[。！？])(?=[一二三四五六七八九十]+、)")


def detect(lines: list[str]) -> int:
    """Score: table rows found in the page text, plus a large bonus for the crawler banner.

    Without the banner (a page's text saved by other means: ``get_text(strip=True)``,
    text nodes joined by nothing or a space) the rows must be at least :data:`MIN_ROWS`:
    a few numbers in a row of prose are no table.
    """
    head = lines[:_HEAD_LINES]
    banner = next((i for i, line in enumerate(head) if _BANNER.match(line)), None)
    if banner is not None:
        return _SIGNATURE + sum(len(stretch) for line in lines[banner + 1 :] for stretch in _stretches(line))
    # Rows run into each other: a row's label between two rows' numbers (in ``规章 | 0 | 0`` only a bar is;
    # in prose, words no table of the template uses).
    # One regex over the whole text first: other texts have next to none of the places it finds (0 or 1 in
    # the corpus); pages of run-together rows have 13-18 (it misses rows behind an ordinal, ``0 2.其他…``).
    if sum(1 for gap in _ROW_AFTER_ROW.findall("\n".join(lines)) if _IDEOGRAPH.search(gap)) < MIN_ROWS // 2:
        return 0
    rows = sum(
        1
        for line in lines
        for stretch in _stretches(line)
        for previous, run in itertools.pairwise(stretch)
        if has_table_words(line[previous.end : run.start])
    )
    return rows if rows >= MIN_ROWS else 0


def parse(lines: list[str], source: str | None) -> Document:
    """The page text (metadata dropped) as paragraphs and grids."""
    body_start = 0
    for i, line in enumerate(lines[:_HEAD_LINES]):
        if _BANNER.match(line):
            body_start = i + 1
            break
    blocks: list[Block] = []
    for number, line in enumerate(lines[body_start:], start=body_start + 1):
        blocks.extend(_line_blocks(line, number, source))
    title = _page_title(lines[:body_start], source)
    first = next((b for b in blocks if isinstance(b, Paragraph)), None)
    if title is None and first is not None and blocks[0] is first:
        blocks[:1] = _title_split(first)
        first = blocks[0]
    if title is not None and (first is None or not _title_like(first.text)):
        # The page text starts with prose: its title was only in the page's heading, which the
        # crawler kept in its metadata.
        blocks.insert(0, title)
    return Document(tuple(blocks), source=source)


def _page_title(meta: list[str], source: str | None) -> Paragraph | None:
    for number, line in enumerate(meta, start=1):
        m = _TITLE.match(line)
        if m and m.group(1).strip():
            return Paragraph(m.group(1).strip(), Location(source, number, offset=m.start(1)), heading=True)
    return None


_TITLE_ENDS = re.compile(r"报告|年报")


def _title_split(first: Paragraph) -> list[Block]:
    """The page's first paragraph, cut after the title it starts with if text joined by nothing follows it.

    ``山亭区人民政府办公室2020年政府信息公开工作年度报告根据《条例》…``: a page whose
    text nodes were joined with no space at all (``get_text(strip=True)``).
    """
    text = first.text
    end = _TITLE_ENDS.search(text, 0, _TITLE_MAX)  # only the first 报告 can end a title at the page's start
    if end is None or end.end() == len(text):
        return [first]
    head = text[: end.end()]
    if not _title_like(head) or "《" in head or parse_title(head) is None:
        return [first]
    rest = Paragraph(text[end.end() :], first.location._replace(offset=(first.location.offset or 0) + end.end()))
    return [attrs.evolve(first, text=head), rest]


def _title_like(text: str) -> bool:
    """Short and without sentence punctuation: a heading, not prose."""
    return len(text) <= _TITLE_MAX and not _SENTENCE.search(text)


# --- runs of numbers and table stretches ------------------------------------


class _Run:
    """A run of numbers in a line: where it is and its text (an ordinal digit split off)."""

    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text


#: The character after the blanks that follow a number.
_NEXT_CHARACTER = re.compile(f"[{_BLANKS}]*(.?)")


def _runs(line: str) -> list[_Run]:
    """The runs of numbers in *line* that may be table cells."""
    out: list[_Run] = []
    for m in _RUN.finditer(line):
        start, end = m.start(), m.end()
        text = m.group()
        after = line[end : end + 1]
        before = line[start - 1 : start] if start else ""
        if after in _ORDINAL_MARK and line[end + 1 : end + 2] and not line[end + 1].isdigit():
            # ``…00000002.其他法律…``: the last digit numbers the next row's label.
            if len(text.rstrip()) == 1:
                continue
            text, end = text[:-1], end - 1
        # A unit after the number, also across the space a crawler puts between two text nodes (``2 件``).
        unit = _NEXT_CHARACTER.match(line, end)
        if not text.endswith(("元", "万元")) and (after in _UNIT_AFTER or (unit and unit.group(1) in _UNIT_AFTER)):
            continue
        prior = start  # the character before the number, also across a crawler's space (``“ 1343 ”``)
        while prior and line[prior - 1] in _BLANKS:
            prior -= 1
        if line[prior - 1 : prior] in _PROSE_BEFORE or (before.isascii() and before.isalpha()):
            continue
        text = text.rstrip()
        out.append(_Run(start, start + len(text), text))
    return out


def _stretches(line: str) -> list[list[_Run]]:
    """Groups of runs that form tables: at least two, with no sentence punctuation between them."""
    out: list[list[_Run]] = []
    current: list[_Run] = []
    for run in _runs(line):
        if current and _SENTENCE.search(_BRACKETED.sub("", line[current[-1].end : run.start])):
            if len(current) >= 2:
                out.append(current)
            current = []
        current.append(run)
    if len(current) >= 2:
        out.append(current)
    return out


# --- blocks ------------------------------------------------------------------


def _line_blocks(line: str, number: int, source: str | None) -> list[Block]:
    blocks: list[Block] = []
    pos = 0
    for stretch in _stretches(line):
        first = stretch[0]
        # The table's first label starts after the last sentence before it.
        starts = [m.end() for m in _STRETCH_START.finditer(line, pos, first.start)]
        table_start = starts[-1] if starts else pos
        blocks.extend(_paragraphs(line, pos, table_start, number, source))
        blocks.append(_grid(line, table_start, stretch, number, source))
        pos = stretch[-1].end
    blocks.extend(_paragraphs(line, pos, len(line), number, source))
    return blocks


def _paragraphs(line: str, start: int, end: int, number: int, source: str | None) -> list[Paragraph]:
    out: list[Paragraph] = []
    for piece, offset in _pieces(line, start, end, _BLOCK_GAP):
        for text, sub in _pieces(piece, 0, len(piece), _HEADING_START):
            out.append(Paragraph(text, Location(source, number, offset=offset + sub)))
    return out


def _pieces(text: str, start: int, end: int, gap: re.Pattern[str]) -> list[tuple[str, int]]:
    """The non-blank pieces of ``text[start:end]`` between matches of *gap*, with their offsets."""
    out: list[tuple[str, int]] = []
    pos = start
    for m in gap.finditer(text, start, end):
        out.append((text[pos : m.start()], pos))
        pos = m.end()
    out.append((text[pos:end], pos))
    return [(t.strip(), o + len(t) - len(t.lstrip())) for t, o in out if t.strip()]


def _grid(line: str, start: int, stretch: list[_Run], number: int, source: str | None) -> Grid:
    rows: list[tuple[GridCell, ...]] = []
    pos = start
    for run in stretch:
        cut = _header_end(line, pos, run.start)
        if cut > pos:
            # Column headings glued in front of the row's label: a row of their own.
            rows.append(_text_cells(line, pos, cut, number, source))
        rows.append((*_text_cells(line, cut, run.start, number, source), *_value_cells(run, number, source)))
        pos = run.end
    return Grid(tuple(rows), Location(source, number, offset=start))


def _text_cells(line: str, start: int, end: int, number: int, source: str | None) -> tuple[GridCell, ...]:
    return tuple(GridCell(t, Location(source, number, offset=o)) for t, o in _pieces(line, start, end, _SPACES))


def _header_words() -> tuple[str, ...]:
    words = {"信息内容", "申请人情况", "法人或其他组织"}
    for tables in LAYOUTS.values():
        for spec in tables.values():
            words.update(c.label for row in spec.rows for c in row.columns)
    # 其他 and 总计 also end row labels (（七）总计, 3.其他): only longer headings mark the cut.
    return tuple(sorted((w for w in words if len(w) >= 3), key=len, reverse=True))


#: The template's column headings, which the crawler glues in front of a table's first row label.
_HEADER_WORDS = _header_words()
_SHORT_HEADERS = ("其他", "总计", "合计")


def _header_end(line: str, start: int, end: int) -> int:
    """Where column headings end in ``line[start:end]`` (*start* if there are none)."""
    gap = line[start:end]
    cut = max((gap.rfind(w) + len(w) for w in _HEADER_WORDS if w in gap), default=0)
    if not cut:
        return start
    rest = gap[cut:].strip()
    for word in _SHORT_HEADERS:
        # The last heading (``…法律服务机构其他``, ``…尚未审结总计``) is a short one.
        if rest == word or (rest.startswith(word) and _ENUMERATED.match(rest[len(word) :])):
            cut = gap.index(word, cut) + len(word)
            break
    return start + cut


_ENUMERATED = re.compile(r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


_SPACES = re.compile(r"\s+")


def _value_cells(run: _Run, number: int, source: str | None) -> list[GridCell]:
    """A run as cells: one per token when every token is a single digit, else one fused cell."""
    tokens = [(m.group(), m.start()) for m in re.finditer(r"\S+", run.text)]
    if all(len(t) == 1 for t, _o in tokens):
        return [GridCell(t, Location(source, number, offset=run.start + o)) for t, o in tokens]
    return [GridCell(run.text, Location(source, number, offset=run.start), fused=True)]
