"""Findings: what readers and rules report about a report."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

from attrs import frozen

from .document import Location

__all__ = ["CellRef", "Finding", "Severity"]


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


def _json_value(v: Value) -> int | str | None:
    if isinstance(v, Decimal):
        return format(v.normalize(), "f")
    return v
