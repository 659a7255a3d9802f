"""A grid row's own structure: which cells label it and which hold its values.

Header and data rows' column spans often disagree (a merged label covers
two columns in one row and one in the next; web text pads rows with empty
``||``), so values are never placed by the header's columns.  A data row is
read as *label cells, then value cells*: first cut after the last cell of
text that is not a number (:func:`split_row`); once the row is identified,
text cells at the end of the label go back to the values while the row has
fewer values than its layout wants and its label still names it
(:meth:`RowParts.give_back`, used by the table reader), so ``见附件`` in a value
position is an unreadable value.  Value cells are counted without the
``spanned`` copies a merged cell leaves on the grid.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import groupby
from operator import attrgetter

from attrs import field, frozen

from ..document import GridCell
from ..labels import Vocabulary, normalise
from ..layout import LAYOUTS, ValueKind
from ..model import Missing
from ..values import normalise_cell_text, parse_cell

__all__ = ["HEADER_WORDS", "CellKind", "RowParts", "classify", "label_of", "split_row"]


class CellKind(enum.Enum):
    """What a grid cell looks like before it is known to be a value."""

    BLANK = "blank"  #: no text
    VALUE = "value"  #: a number (count or amount), a not-applicable mark or the writers' absent mark
    TEXT = "text"  #: anything else: a label, or a value that will not parse
    FUSED = "fused"  #: digits of several cells run together (crawler text)


def classify(cell: GridCell) -> CellKind:
    """What *cell* looks like: blank, a number (or not-applicable mark), fused digits, or text."""
    return CellKind.FUSED if cell.fused else _classify_text(cell.text)


@lru_cache(maxsize=4096)
def _classify_text(raw: str) -> CellKind:
    text = normalise_cell_text(raw)
    if not text:
        return CellKind.BLANK
    for kind in (ValueKind.SIGNED, ValueKind.AMOUNT):
        parsed = parse_cell(text, kind)
        if parsed.value is not None or parsed.missing in (Missing.NOT_APPLICABLE, Missing.ABSENT):
            return CellKind.VALUE
    return CellKind.TEXT


def _header_words() -> frozenset[str]:
    words = {"信息内容", "申请人情况", "法人或其他组织", "行政诉讼"}
    for tables in LAYOUTS.values():
        for spec in tables.values():
            for row in spec.rows:
                words.update(c.label for c in row.columns)
    normalised = {normalise(w) for w in words}
    # 其他 and 总计 also end row labels (（七）总计, 2.其他法律…): too short to mark a header.
    return frozenset(w for w in normalised if len(w) >= 3)


#: Column headings: a row whose label holds two of them (or one and no value) is a header row.
HEADER_WORDS: frozenset[str] = _header_words()
_HEADER_VOCABULARY = Vocabulary(HEADER_WORDS)


def label_of(cells: Sequence[GridCell]) -> str:
    """The normalised label of *cells*, a merged cell's repeated text counted once."""
    return _joined(normalise(cell.text) for cell in cells)


def _joined(texts: Iterable[str]) -> str:
    """Normalised texts joined, empty ones dropped and a repetition of the one before counted once."""
    return "".join([text for text, _run in groupby(filter(None, texts))])


@frozen
class RowParts:
    """A row cut into label cells and value cells."""

    cells: tuple[GridCell, ...]
    kinds: tuple[CellKind, ...]
    #: Index of the last label cell (-1: the row has no label).
    label_end: int
    #: Each cell's text normalised (:func:`~govinfo_report.labels.normalise`), computed once per row.
    norms: tuple[str, ...] = field(eq=False, repr=False)
    #: A character per cell: ``T`` text, ``V`` value, ``B`` blank, ``W`` blank but not white space
    #: (a zero-width mark), ``F`` fused; lower case for a merged cell's ``spanned`` copy.  With the
    #: label cells' texts it is all that decides how the row is read (see the table reader's memo).
    signature: str = field(default="", eq=False, repr=False)

    @property
    def label_cells(self) -> tuple[GridCell, ...]:
        return self.cells[: self.label_end + 1]

    @property
    def own_label(self) -> str:
        """The label from the row's own cells (not from merged cells reaching in from above)."""
        end = self.label_end + 1
        return _joined([n for n, c in zip(self.norms[:end], self.cells[:end], strict=True) if not c.spanned])

    @property
    def full_label(self) -> str:
        """The label including merged group cells (三、本年度办理结果 …) that span this row."""
        return _joined(self.norms[: self.label_end + 1])

    def value_cells(self, wanted: int | None = None) -> list[GridCell]:
        """The cells after the label, without merged cells' ``spanned`` copies.

        If dropping the copies leaves fewer than *wanted* cells but keeping
        them gives enough, a value merged across positions counts in each.
        """
        cells = self.cells
        return [cells[i] for i in self.value_indexes(wanted)]

    def value_indexes(self, wanted: int | None = None) -> list[int]:
        """The positions of :meth:`value_cells` in :attr:`cells`."""
        after = range(self.label_end + 1, len(self.cells))
        own = [i for i in after if not self.cells[i].spanned]
        if wanted is not None and len(own) < wanted <= len(after):
            return list(after)
        return own

    @property
    def is_header(self) -> bool:
        """Column headings, not data: two column words anywhere in the row, or one and no number."""
        words = len(_HEADER_VOCABULARY.found(self.header_wording))  # (folding a folded text changes nothing)
        if words >= 2:
            return True
        return words == 1 and not any(k in (CellKind.VALUE, CellKind.FUSED) for k in self.kinds)

    @property
    def label_texts(self) -> tuple[str, ...]:
        """The original texts of the cells up to the label's end (what label matching looks at)."""
        return tuple([c.text for c in self.cells[: self.label_end + 1]])

    @property
    def header_wording(self) -> str:
        """The row's text reduced to what :attr:`is_header` looks at: the column words' own characters."""
        return _HEADER_VOCABULARY.wording(_joined(self.norms))

    @property
    def has_values(self) -> bool:
        """Whether anything follows the label (blank cells and a merged value's copies count)."""
        return self.label_end + 1 < len(self.cells)

    def without_trailing_text(self) -> RowParts:
        """The row cut after its leading label only: text after the first number is a value.

        For a row no label identifies (table 4's one row of fifteen values),
        a word among the numbers (``见附件``) is an unreadable value.
        """
        first_number = next(
            (i for i, k in enumerate(self.kinds) if k in (CellKind.VALUE, CellKind.FUSED)), len(self.kinds)
        )
        end = -1
        for i in range(first_number):
            if self.kinds[i] is CellKind.TEXT:
                end = i
        return RowParts(self.cells, self.kinds, end, self.norms, self.signature)

    def give_back(self) -> RowParts:
        """The same row with its last label cell counted as a value (an unreadable value, not a label).

        A merged cell goes back whole: the cell and the ``spanned`` copies
        it leaves to its right (``见附件`` stretched over a short row's width).
        """
        end = self.label_end
        while end > 0 and self.cells[end].spanned and self.cells[end - 1].text == self.cells[end].text:
            end -= 1
        end -= 1
        while end >= 0 and self.kinds[end] is not CellKind.TEXT:
            end -= 1
        # Cells between the previous text cell and the old label end become values too.
        return RowParts(self.cells, self.kinds, end, self.norms, self.signature)


def split_row(cells: Sequence[GridCell]) -> RowParts:
    """Cut *cells* after the last text cell; everything after it is a value."""
    if not cells:
        return RowParts((), (), -1, (), "")
    # map() with attrgetter keeps the per-cell loops in C: this runs for every row of every table.
    kinds, norms, marks = zip(*map(_facts, map(_TEXT, cells)), strict=True)
    if any(map(_FUSED, cells)):
        kinds = tuple(CellKind.FUSED if c.fused else kind for c, kind in zip(cells, kinds, strict=True))
        marks = tuple("F" if c.fused else mark for c, mark in zip(cells, marks, strict=True))
    if any(map(_SPANNED, cells)):
        marks = tuple(mark.lower() if c.spanned else mark for c, mark in zip(cells, marks, strict=True))
    label_end = len(kinds) - 1 - kinds[::-1].index(CellKind.TEXT) if CellKind.TEXT in kinds else -1
    return RowParts(tuple(cells), kinds, label_end, norms, "".join(marks))


_MARKS = {CellKind.TEXT: "T", CellKind.VALUE: "V", CellKind.BLANK: "B"}
_TEXT, _FUSED, _SPANNED = attrgetter("text"), attrgetter("fused"), attrgetter("spanned")


@lru_cache(maxsize=8192)
def _facts(text: str) -> tuple[CellKind, str, str]:
    """A cell text's kind, its normalised label form and its signature mark, from one cache lookup."""
    kind = _classify_text(text)
    mark = "W" if kind is CellKind.BLANK and text.strip() else _MARKS[kind]
    return kind, normalise(text), mark
