"""Findings: what readers and rules report about a report."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

from attrs import frozen

from .document import Location

__all__ = ["READER_FINDINGS", "CellRef", "Finding", "ReaderFinding", "Severity", "reader_finding"]


class Severity(str, enum.Enum):
    """How serious a finding is.  ``error`` means the report contradicts itself."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@frozen(order=True)
class CellRef:
    """A cell of a report by its stable codes: ``requests.new_received.total``."""

    table: str
    row: str
    column: str

    def __str__(self) -> str:
        return f"{self.table}.{self.row}.{self.column}"

    @classmethod
    def parse(cls, text: str) -> CellRef:
        table, row, column = text.split(".")
        return cls(table, row, column)


Value = int | Decimal | None


@frozen
class Finding:
    """One thing found wrong or worth knowing about a report.

    ``cells``, ``values`` and ``locations`` are parallel: the cells the
    relation involves, the value seen in each, and where each came from.
    ``expected`` is the value the relation requires of the first cell (for a
    sum: the sum of the others).  ``suggestion`` proposes a single-cell change
    that would satisfy every violated relation; it is never applied.
    """

    rule: str
    severity: Severity
    message: str
    message_zh: str = ""
    cells: tuple[CellRef, ...] = ()
    values: tuple[Value, ...] = ()
    expected: Value = None
    locations: tuple[Location | None, ...] = ()
    suggestion: str | None = None
    source: str | None = None
    #: ``True`` when missing cells were counted as 0 for this relation.
    missing_as_zero: bool = False

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.source or "",
            self.severity.rank,
            self.rule,
            tuple(str(c) for c in self.cells),
            self.message,
        )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        text = f"{where}{self.severity}: [{self.rule}] {self.message}"
        if self.suggestion:
            text += f" ({self.suggestion})"
        return text

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (decimals as strings)."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "message_zh": self.message_zh,
            "cells": [str(c) for c in self.cells],
            "values": [_json_value(v) for v in self.values],
            "expected": _json_value(self.expected),
            "locations": [loc.to_dict() if loc else None for loc in self.locations],
            "suggestion": self.suggestion,
            "source": self.source,
            "missing_as_zero": self.missing_as_zero,
        }


@frozen
class ReaderFinding:
    """What a ``reader.*`` finding means: its severity and what the reader did."""

    severity: Severity
    meaning: str


#: Every finding a built-in reader or the interpreter makes while reading, by rule code.  The readers
#: are lenient: each of these is a report read with something noticed, never a read refused.  (The
#: checks' own codes are the rules' codes, see :func:`govinfo_report.registry.rules`.)  A test holds this
#: table to the codes the source uses and to the severities real reads give them.
READER_FINDINGS: dict[str, ReaderFinding] = {
    "reader.encoding": ReaderFinding(
        Severity.INFO,
        "a text file not in UTF-8 (GB18030, UTF-16 …): the encoding it was read in, how it was chosen, its layout",
    ),
    "reader.wrong_charset": ReaderFinding(
        Severity.WARNING,
        "a web page declares one charset but its bytes are another (a GBK page saying UTF-8): read as the bytes are",
    ),
    "reader.invalid_bytes": ReaderFinding(
        Severity.WARNING,
        "bytes that are invalid in the page's encoding (a stray byte, a cut-off page), replaced by U+FFFD",
    ),
    "reader.radicals": ReaderFinding(
        Severity.INFO,
        "radical code points (⼀ U+2F00, ⻔ U+2ED4) that a PDF font's ToUnicode map wrote for ideographs: "
        "the prose, title and headings read them as the ideographs (一, 门) they stand for",
    ),
    "reader.title_not_found": ReaderFinding(
        Severity.WARNING,
        "no title naming the agency and year before the first heading; agency and title are left empty",
    ),
    "reader.edition_guessed": ReaderFinding(
        Severity.INFO,
        "no table label only one edition prints: the edition is taken from heading 四's wording or the year",
    ),
    "reader.table_not_found": ReaderFinding(
        Severity.WARNING, "the document has no such table: it is None in the report"
    ),
    "reader.table_unreadable": ReaderFinding(
        Severity.WARNING, "a table was found but none of its rows could be identified: it is None in the report"
    ),
    "reader.row_not_found": ReaderFinding(
        Severity.WARNING, "no row carries this row's label: its cells are Missing.ABSENT"
    ),
    "reader.short_row": ReaderFinding(
        Severity.WARNING,
        "a row has fewer value cells than its layout: the columns after the last one are Missing.ABSENT",
    ),
    "reader.extra_cells": ReaderFinding(
        Severity.WARNING, "a row has more value cells than its layout: the cells after the expected ones are ignored"
    ),
    "reader.unreadable_cell": ReaderFinding(
        Severity.WARNING, "a value cell's text is no number (见附件, 约20): Missing.UNREADABLE, its text and place kept"
    ),
    "reader.single_other_handling": ReaderFinding(
        Severity.INFO, "2021's （六）其他处理 is printed as one row: its three sub-rows are left missing"
    ),
    "reader.ambiguous_split": ReaderFinding(
        Severity.WARNING,
        "digits run together (crawler text) split in several ways that all satisfy the table's relations: those "
        "cells are left unreadable; or too many fused rows to compare their splits jointly: each row split alone",
    ),
    "reader.inconsistent_split": ReaderFinding(
        Severity.WARNING,
        "digits run together cannot be split into the row's cells (the cells are left unreadable), or no split of "
        "the fused rows satisfies every relation of the table (the split violating the fewest is kept, named)",
    ),
}


def reader_finding(rule: str, message: str, message_zh: str = "", **fields: Any) -> Finding:
    """A finding of the ``reader.*`` code *rule*, with the severity :data:`READER_FINDINGS` gives it.

    Readers make their findings through this, so a code's severity is said in
    one place; a code not in the table raises ``KeyError`` (add it there first).
    """
    return Finding(rule, READER_FINDINGS[rule].severity, message, message_zh, **fields)


def _json_value(v: Value) -> int | str | None:
    if isinstance(v, Decimal):
        return format(v.normalize(), "f")
    return v
