"""The typed, immutable model of one annual report.

Equality compares what the report *says* (edition, year, agency, title,
prose, and every cell's value or kind of missing); where each piece came
from (original cell text, source location, reader findings) is kept but not
compared, so a report read from docx equals the same report read from text.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from functools import cache
from types import MappingProxyType

from attrs import field, frozen

from .document import Location
from .findings import CellRef, Finding
from .layout import TABLE_CODES, Edition, TableSpec, table_spec

__all__ = ["AnnualReport", "Cell", "Missing", "Sections", "Table", "Value"]

Value = int | Decimal | None


class Missing(str, enum.Enum):
    """Why a cell has no value."""

    BLANK = "blank"  #: the cell is empty
    NOT_APPLICABLE = "not_applicable"  #: ``/``, ``—``, ``无`` …: nothing reported
    UNREADABLE = "unreadable"  #: text that is not a number, or digits that could not be split
    ABSENT = "absent"  #: the source's table lacks this row or column

    def __str__(self) -> str:
        return self.value


@frozen
class Cell:
    """One cell: a value, or a reason it has none.

    ``text`` is the cell's original text and ``location`` where it came
    from; neither takes part in equality.
    """

    value: Value = None
    missing: Missing | None = None
    text: str = field(default="", eq=False)
    location: Location | None = field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if (self.value is None) == (self.missing is None):
            raise ValueError("a cell has either a value or a reason it is missing, not both")

    @property
    def is_missing(self) -> bool:
        return self.value is None


BLANK = Cell(missing=Missing.BLANK)


def _freeze(cells: Mapping[tuple[str, str], Cell]) -> Mapping[tuple[str, str], Cell]:
    return MappingProxyType(dict(cells))


@cache
def _layout_keys(edition: Edition, code: str) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """Every (row, column) code of a table in reading order, and its optional rows' codes."""
    spec = table_spec(edition, code)
    keys = tuple((row.code, col.code) for row, col in spec.cells(optional=True))
    return keys, frozenset(row.code for row in spec.rows if row.optional)


@frozen
class Table:
    """One of the report's tables: every cell of the edition's layout by (row, column) code.

    Build one with :meth:`build`, which checks the codes against the layout
    and fills cells the source lacks.  Index with ``table["requests_row",
    "column"]``; :meth:`value` gives the value or ``None``.
    """

    code: str
    edition: Edition
    cells: Mapping[tuple[str, str], Cell] = field(converter=_freeze)

    @classmethod
    def build(
        cls,
        code: str,
        edition: Edition | str,
        cells: Mapping[tuple[str, str], Cell],
        *,
        fill: Missing = Missing.ABSENT,
    ) -> Table:
        """A table of *edition*'s layout from *cells*.

        Cells of the layout that *cells* lacks are filled as missing (*fill*);
        an optional row (2021's single （六）其他处理) is kept only if given.
        A code that the layout lacks raises ``KeyError``.
        """
        edition = Edition(edition)
        keys, optional_rows = _layout_keys(edition, code)
        given = dict(cells)
        ordered: dict[tuple[str, str], Cell] = {}
        optional_present = {r for (r, _c) in given if r in optional_rows}
        filler = Cell(missing=fill)  # immutable: one instance serves every missing cell
        for key in keys:
            if key[0] in optional_rows and key[0] not in optional_present:
                continue
            cell = given.pop(key, None)
            ordered[key] = cell if cell is not None else filler
        if given:
            bad = ", ".join(f"{r}.{c}" for r, c in given)
            raise KeyError(f"not in the {edition} layout of {code}: {bad}")
        return cls(code, edition, ordered)

    @property
    def spec(self) -> TableSpec:
        return table_spec(self.edition, self.code)

    def __getitem__(self, key: tuple[str, str]) -> Cell:
        return self.cells[key]

    def __contains__(self, key: object) -> bool:
        return key in self.cells

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.cells)

    def __len__(self) -> int:
        return len(self.cells)

    def value(self, row: str, column: str) -> Value:
        """The value of a cell, ``None`` when missing or not in this table."""
        cell = self.cells.get((row, column))
        return None if cell is None else cell.value

    def row(self, code: str) -> dict[str, Cell]:
        """The cells of row *code* by column code (empty if the table lacks the row)."""
        return {c: cell for (r, c), cell in self.cells.items() if r == code}

    def has_row(self, code: str) -> bool:
        return any(r == code for (r, _c) in self.cells)

    @property
    def row_codes(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for r, _c in self.cells:
            seen.setdefault(r)
        return tuple(seen)

    def items(self) -> Iterator[tuple[CellRef, Cell]]:
        """Every cell with its reference, in layout order."""
        for (r, c), cell in self.cells.items():
            yield CellRef(self.code, r, c), cell

    def replace(self, row: str, column: str, cell: Cell) -> Table:
        """A copy with one cell replaced."""
        if (row, column) not in self.cells:
            raise KeyError(f"{self.code}.{row}.{column}")
        new = dict(self.cells)
        new[(row, column)] = cell
        return Table(self.code, self.edition, new)


@frozen
class Sections:
    """The report's prose: the preamble and the three prose sections."""

    preamble: str = ""
    overview: str = ""
    problems: str = ""
    other_matters: str = ""


def _as_tuple(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(findings)


@frozen
class AnnualReport:
    """One 政府信息公开工作年度报告.

    A table the source lacks is ``None``, not zeros.  ``source`` (the file
    it was read from) and ``findings`` (what the reader noticed while
    reading) are kept for reference and do not take part in equality.
    """

    edition: Edition = field(converter=Edition)
    year: int | None
    agency: str
    title: str
    sections: Sections = Sections()
    active_disclosure: Table | None = None
    requests: Table | None = None
    review_litigation: Table | None = None
    source: str | None = field(default=None, eq=False)
    findings: tuple[Finding, ...] = field(default=(), eq=False, converter=_as_tuple)

    def __attrs_post_init__(self) -> None:
        for code in TABLE_CODES:
            table = getattr(self, code)
            if table is not None and (table.code != code or table.edition != self.edition):
                raise ValueError(
                    f"table {table.code!r} of edition {table.edition} cannot be the "
                    f"{code} table of an edition {self.edition} report"
                )

    def table(self, code: str) -> Table | None:
        """The table with code *code* (``None`` when the source lacks it)."""
        if code not in TABLE_CODES:
            raise KeyError(code)
        table: Table | None = getattr(self, code)
        return table

    def tables(self) -> Iterator[Table]:
        """The tables present, in report order."""
        for code in TABLE_CODES:
            table = self.table(code)
            if table is not None:
                yield table

    def cell(self, ref: CellRef | str) -> Cell | None:
        """The cell *ref* (``"requests.new_received.total"``), ``None`` if its table is absent."""
        if isinstance(ref, str):
            ref = CellRef.parse(ref)
        table = self.table(ref.table)
        return None if table is None else table[ref.row, ref.column]

    def cells(self) -> Iterator[tuple[CellRef, Cell]]:
        """Every cell of every present table, in report order."""
        for table in self.tables():
            yield from table.items()
