"""The neutral document form every structured reader produces.

A reader of text, HTML, docx (or a third party's PDF) turns its input into a
:class:`Document`: a sequence of :class:`Paragraph` and :class:`Grid` blocks,
each piece carrying the :class:`Location` it came from.  One interpreter
(:mod:`govinfo_report.interpret`) maps a document to the report model, so no
format knows how the report itself is laid out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

import attrs
from attrs import field, frozen

if TYPE_CHECKING:
    from .findings import Finding


class Location(NamedTuple):
    """Where something came from in a source document.

    Only the fields that make sense for the reader are set: a text reader
    gives ``line``; a docx or HTML reader gives ``table``/``row``/``column``
    (0-based indexes of the table in the document and of the cell in the
    table's expanded grid); a crawler-text reader gives ``line`` and ``offset``.
    ``page`` (1-based) is set where the source is paginated: text with form
    feeds (``pdftotext`` ends each page with one) and PDF readers.

    A named tuple (immutable, hashable, ordered field by field; ``_replace``
    makes a changed copy): readers make one per table cell, and a tuple is
    made in half the time of an attrs instance.
    """

    source: str | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    offset: int | None = None
    page: int | None = None  # last: positional construction of the fields above stays valid

    def __str__(self) -> str:
        parts: list[str] = []
        if self.source:
            parts.append(self.source)
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.offset is not None:
            parts.append(f"char {self.offset}")
        if self.table is not None:
            parts.append(f"table {self.table + 1}")
        if self.row is not None:
            parts.append(f"row {self.row + 1}")
        if self.column is not None:
            parts.append(f"column {self.column + 1}")
        return ", ".join(parts) or "unknown location"

    def to_dict(self) -> dict[str, str | int]:
        """The fields that are set, for JSON."""
        return {k: v for k, v in zip(self._fields, self, strict=True) if v is not None}


#: The location of something whose origin is unknown.
NOWHERE = Location()


@frozen
class Paragraph:
    """A paragraph of prose (a line of a text file, a ``<p>``, a ``w:p``).

    ``heading`` is set by readers that know the paragraph is a heading
    (HTML ``<h1>``–``<h6>``, docx heading styles); the interpreter also
    recognises headings by their wording.
    """

    text: str
    location: Location = NOWHERE
    heading: bool = False


class GridCell(NamedTuple):
    """One position of a table's expanded grid.

    ``spanned`` marks a position covered by a merged cell that starts
    elsewhere (its text repeats the merged cell's).  ``fused`` marks text in
    which several cells' digits run together with no separator (crawler
    text), to be split by :mod:`govinfo_report.unfuse`.

    A named tuple, like :class:`Location`: a document has one per grid position.
    """

    text: str
    location: Location = NOWHERE
    spanned: bool = False
    fused: bool = False


@frozen
class Grid:
    """A table as a list of rows of cells (rows need not have equal length)."""

    rows: tuple[tuple[GridCell, ...], ...]
    location: Location = NOWHERE


Block = Paragraph | Grid


@frozen
class Document:
    """What a structured reader produces: blocks in reading order."""

    blocks: tuple[Block, ...]
    source: str | None = None
    #: Findings the reader made (wrong declared charset, skipped parts …).
    findings: tuple[Finding, ...] = field(default=())

    @property
    def grids(self) -> tuple[Grid, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Grid))

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))


def relocated(doc: Document, move: Callable[[Location], Location]) -> Document:
    """*doc* with every location passed through *move*: its blocks', cells' and findings'.

    For a reader that learns something about its positions only after its
    layout has placed them (the page of a line of text, say).
    """
    blocks: list[Block] = []
    for block in doc.blocks:
        if isinstance(block, Grid):
            rows = tuple(tuple([c._replace(location=move(c.location)) for c in row]) for row in block.rows)
            blocks.append(Grid(rows, move(block.location)))
        else:
            blocks.append(attrs.evolve(block, location=move(block.location)))
    findings = tuple(
        attrs.evolve(f, locations=tuple([None if loc is None else move(loc) for loc in f.locations]))
        for f in doc.findings
    )
    return attrs.evolve(doc, blocks=tuple(blocks), findings=findings)
