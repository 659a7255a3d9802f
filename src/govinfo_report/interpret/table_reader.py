"""One table's grid rows → a :class:`~govinfo_report.model.Table`.

Rows are identified by their labels (:attr:`RowSpec.keys`, matched by
:func:`govinfo_report.labels.best_match`), preferring the template's order:
a label is first matched against the rows after the last one found, then
against those skipped — so a swapped or repeated row is still placed, and a
short key (其他, 总计) cannot pull a later row forward.  Values come from the
data row's own cells (:mod:`.rowparts`) and are parsed only by
:func:`govinfo_report.values.parse_cell`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any, NamedTuple

from attrs import frozen

from ..document import GridCell, Location
from ..findings import CellRef, Finding, reader_finding
from ..labels import best_match, normalise
from ..layout import OTHER_SUBROWS, Edition, RowSpec, TableSpec, table_spec
from ..model import Cell, Missing, Table
from ..values import parse_cell
from .rowparts import CellKind, RowParts, split_row

__all__ = ["TableResult", "read_table"]

Row = tuple[GridCell, ...]
Candidates = list[tuple[str, tuple[str, ...]]]


@frozen
class TableResult:
    """A table read from its rows (``None`` if no row of it could be read), and what was noticed."""

    table: Table | None
    findings: tuple[Finding, ...]


class _Placed(NamedTuple):
    """A matched row's value cells (or its fused digits) and where the row came from (one per data row)."""

    values: tuple[GridCell, ...]
    location: Location | None
    fused: GridCell | None = None


@cache  # by edition and code, not by spec: hashing a TableSpec is slow
def _row_keys(edition: Edition, code: str) -> dict[str, tuple[str, ...]]:
    return {row.code: tuple(normalise(k) for k in row.keys) for row in table_spec(edition, code).rows}


class _Reader:
    """Reads one table; collects findings as it goes."""

    def __init__(self, code: str, edition: Edition, source: str | None) -> None:
        self.code = code
        self.edition = edition
        self.spec = table_spec(edition, code)
        self.keys = _row_keys(edition, code)
        #: Each row's position in the layout.
        self.index = _row_index(edition, code)
        self.source = source
        self.findings: list[Finding] = []

    # --- findings ----------------------------------------------------------------------------

    def note(
        self,
        rule: str,
        message: str,
        message_zh: str,
        *,
        row: RowSpec | None = None,
        column: str | None = None,
        location: Location | None = None,
    ) -> None:
        cells: tuple[CellRef, ...] = ()
        if row is not None:
            columns = (column,) if column is not None else tuple(c.code for c in row.columns)
            cells = tuple(CellRef(self.code, row.code, c) for c in columns)
        self.findings.append(
            reader_finding(
                rule,
                message,
                message_zh,
                cells=cells,
                locations=tuple(location for _ in cells) if location is not None else (),
                source=self.source,
            )
        )

    # --- matching ----------------------------------------------------------------------------

    def match(self, parts: RowParts, pointer: int, matched: int) -> str | None:
        """The row *parts* is, among the rows not yet *matched* (a bit per row): from *pointer* on first.

        See :func:`_match_labels`; the labels are the row's own, then with merged group labels.
        """
        own, full = parts.own_label, parts.full_label
        labels = (own, full) if own and full and own != full else ((own or full),) if own or full else ()
        return _match_labels(self.edition, self.code, labels, pointer, matched)

    def done(self, matched: dict[str, _Placed]) -> int:
        """The rows already *matched*, as a bit per row of the layout (a cheap key for :func:`_match_labels`)."""
        return sum(1 << self.index[code] for code in matched)

    def fit_label(self, parts: RowParts, code: str, wanted: int, pointer: int, matched: int) -> RowParts:
        """Give text cells at the end of the label back to the values while the row still matches *code*.

        ``行政处罚 | 见附件 | 0 | 0`` has its last text cell among the values:
        an unreadable value, not part of the label.  The row's own cells are
        counted (a merged value's ``spanned`` copies are not a second value):
        ``政府集中采购 | 见附件 | 4651 | 4651`` (the amount stretched over two
        columns) has two values, 见附件 and 4651.  Whether a cell is label or
        value is decided by its position and the row's value count in the
        layout, not by whether it reads as a number.
        """
        while len(parts.value_cells()) < wanted and parts.label_end > 0:
            if self.names_row(parts.cells[parts.label_end]):
                break  # the cell names a row (3.其他 after （六）其他处理): it is label
            shorter = parts.give_back()
            if shorter.label_end < 0 or self.match(shorter, pointer, matched) != code:
                break
            parts = shorter
        return parts

    def names_row(self, cell: GridCell) -> bool:
        """Whether *cell*'s text names one of the table's rows (so it is a label, never a value)."""
        return _names_row(self.edition, self.code, cell.text)

    def fit_values(self, parts: RowParts, row: RowSpec) -> tuple[int, ...]:
        """The positions of the row's value cells, padding (empty cells beyond the row's width) removed."""
        wanted = len(row.columns)
        return self.trim(parts.cells, parts.value_indexes(wanted), wanted, row, parts)

    def trim(
        self,
        cells: Sequence[GridCell],
        indexes: Sequence[int],
        wanted: int,
        row: RowSpec | None,
        parts: RowParts | None,
    ) -> tuple[int, ...]:
        """*indexes* (of *cells*) without blank padding at either end while there are more than *wanted*."""
        values = list(indexes)
        while len(values) > wanted and _blank(cells[values[-1]]):
            values.pop()
        while len(values) > wanted and _blank(cells[values[0]]):
            values.pop(0)
        if len(values) > wanted and not any(cells[i].fused for i in values):
            where = cells[values[wanted]].location
            label = parts.full_label if parts is not None else ""
            self.note(
                "reader.extra_cells",
                f"{self.code}: the row {label or '(unlabelled)'} has {len(values)} value cells where "
                f"{wanted} were expected; the cells after the first {wanted} were ignored ({where})",
                f"{self.spec.title}：该行有{len(values)}个数值单元格，应为{wanted}个，多余的已忽略",
                row=row,
                location=where,
            )
            values = values[:wanted]
        return tuple(values)

    def read_rows(self, rows: Sequence[Row]) -> dict[str, _Placed]:
        matched: dict[str, _Placed] = {}
        index = self.index
        memo = _memo(self.edition, self.code)
        pointer = 0
        done = 0  # a bit per matched row, kept as rows are matched
        for cells in rows:
            parts = split_row(cells)
            if parts.label_end < 0:
                continue
            # What the row is and which cells hold its values follows from its shape, its label texts
            # and the reading position alone; the template repeats those in report after report.
            key = (pointer, done, parts.signature, parts.label_texts, parts.header_wording)
            decision = memo.get(key, _UNDECIDED)
            if decision is _UNDECIDED:
                noted = len(self.findings)
                decision = self.decide(parts, pointer, done)
                if len(self.findings) == noted and "F" not in parts.signature.upper():
                    if len(memo) >= _MEMO_SIZE:
                        memo.clear()
                    memo[key] = decision
            if decision is None:
                continue
            code, positions = decision
            matched[code] = self.place(parts, tuple([cells[i] for i in positions]))
            pointer = index[code] + 1
            done |= 1 << index[code]
        return matched

    def decide(self, parts: RowParts, pointer: int, done: int) -> tuple[str, tuple[int, ...]] | None:
        """The row *parts* is and the positions of its values; ``None`` if it is no data row of the table."""
        code = self.match(parts, pointer, done)
        if code is None:
            return None
        row = self.spec.row(code)
        parts = self.fit_label(parts, code, len(row.columns), pointer, done)
        if not parts.has_values or parts.is_header:
            return None
        return code, self.fit_values(parts, row)

    @staticmethod
    def place(parts: RowParts | None, values: tuple[GridCell, ...]) -> _Placed:
        location = parts.cells[0].location if parts is not None and parts.cells else None
        if not any(map(_FUSED, values)):
            return _Placed(values, location)
        fused = [c for c in values if c.fused]
        text = "".join(c.text for c in values if not _blank(c))
        return _Placed(values, location, GridCell(text, fused[0].location, fused=True))

    # --- table 4 -------------------------------------------------------------------------------

    def read_review(self, rows: Sequence[Row]) -> dict[str, _Placed]:
        """Table 4: three labelled rows of five, or (as the template prints it) one row of fifteen."""
        matched: dict[str, _Placed] = {}
        flat: list[GridCell] = []
        for cells in rows:
            parts = split_row(cells)
            if parts.label_end >= 0:
                done = self.done(matched)  # from the first row on: table 4's rows come in any order
                code = self.match(parts, 0, done)
                if code is not None:
                    row = self.spec.row(code)
                    parts = self.fit_label(parts, code, len(row.columns), 0, done)
                    if parts.has_values and not parts.is_header:
                        positions = self.fit_values(parts, row)
                        matched[code] = self.place(parts, tuple([parts.cells[i] for i in positions]))
                    continue
            if parts.is_header:
                continue
            cells_after = parts.without_trailing_text().value_cells()
            own = [c for c in parts.cells if not c.spanned]
            width = sum(len(r.columns) for r in self.spec.rows if r.code not in matched) - len(flat)
            numbers = sum(1 for k in parts.kinds if k in (CellKind.VALUE, CellKind.FUSED))
            if numbers == 0:
                continue  # header fragments (结果 | 其他 | 尚未 …), not values
            # No label at all when the row's own cells are just the values still expected (the
            # template's one row of fifteen, words among them or not), or mostly numbers.
            used = len(own)
            while used and _blank(own[used - 1]):
                used -= 1  # padding after the row (web text's empty ||) is not a value position
            fits = used <= width and (len(own) >= width or 2 * numbers > used)
            unlabelled = fits and not any(self.names_row(c) for c in own)
            if len(cells_after) < width and unlabelled:
                cells_after = own  # no label at all: a word among the numbers is an unreadable value
            if any(not _blank(c) for c in cells_after):
                flat.extend(cells_after)
        remaining = [r for r in self.spec.rows if r.code not in matched]
        if flat and remaining:
            width = sum(len(r.columns) for r in remaining)
            values = tuple([flat[i] for i in self.trim(flat, range(len(flat)), width, None, None)])
            if any(c.fused for c in values):
                first = remaining[0]
                matched[first.code] = self.place(None, values)
                return matched
            for row in remaining:
                n = len(row.columns)
                chunk, values = values[:n], values[n:]
                if chunk:
                    matched[row.code] = _Placed(chunk, chunk[0].location)
        return matched

    # --- cells ---------------------------------------------------------------------------------

    def build(self, matched: dict[str, _Placed]) -> Table:
        cells: dict[tuple[str, str], Cell] = {}
        split: dict[tuple[str, str], Cell] = {}
        if any(placed.fused is not None for placed in matched.values()):
            split = self.unfuse(_unfuse_rows(self.spec, matched))
        split_rows = {r for (r, _c) in split}
        single_other = self.edition is Edition.E2021 and "other_handling" in matched
        if single_other:
            self.note(
                "reader.single_other_handling",
                f"{self.code}: （六）其他处理 is printed as one row; its three sub-rows are left missing",
                "（六）其他处理仅有一行合计，其下三个子项按缺失处理",
            )
        for row in self.spec.rows:
            placed = matched.get(row.code)
            if placed is None:
                if row.optional or row.code in split_rows or (single_other and row.code in OTHER_SUBROWS):
                    continue
                self.note(
                    "reader.row_not_found",
                    f"{self.code}: no row labelled {row.label!r} was found (no data row's label contains "
                    f"{' / '.join(row.keys)}); its cells are absent",
                    f"{self.spec.title}：未找到“{row.label}”行，其数据按缺失处理",
                    row=row,
                )
                continue
            if placed.fused is not None:
                continue
            self.row_cells(row, placed, cells)
        cells.update(split)
        return Table.build(self.code, self.edition, cells, fill=Missing.ABSENT)

    def row_cells(self, row: RowSpec, placed: _Placed, out: dict[tuple[str, str], Cell]) -> None:
        values = placed.values
        for col, cell in zip(row.columns, values, strict=False):
            parsed = parse_cell(cell.text, col.kind)
            if parsed.value is not None:
                out[row.code, col.code] = Cell(parsed.value, None, cell.text, cell.location)
                continue
            missing = parsed.missing or Missing.UNREADABLE
            out[row.code, col.code] = Cell(missing=missing, text=cell.text, location=cell.location)
            if missing is Missing.UNREADABLE:
                self.note(
                    "reader.unreadable_cell",
                    f"{self.code}.{row.code}.{col.code} ({row.label} / {col.label}): {parsed.problem} "
                    f"at {cell.location}",
                    f"{self.spec.title}“{row.label}”行“{col.label}”列的内容无法识别为数字：{cell.text.strip()!r}",
                    row=row,
                    column=col.code,
                    location=cell.location,
                )
        if len(values) < len(row.columns):
            col = row.columns[len(values)]
            self.note(
                "reader.short_row",
                f"{self.code}.{row.code}: the row has {len(values)} value cells, "
                f"{len(row.columns)} expected; {col.label} and the columns after it are absent "
                f"({placed.location or 'unknown location'})",
                f"{self.spec.title}“{row.label}”行只有{len(values)}个数值，应为{len(row.columns)}个",
                row=row,
                location=placed.location,
            )

    def unfuse(self, rows: list[tuple[str, GridCell]]) -> dict[tuple[str, str], Cell]:
        """Split cells whose digits run together, via :mod:`govinfo_report.unfuse` (imported when needed)."""
        from ..unfuse import split_table

        cells, findings = split_table(self.code, self.edition, rows)
        self.findings.extend(findings)
        return dict(cells)


def _unfuse_rows(spec: TableSpec, matched: dict[str, _Placed]) -> list[tuple[str, GridCell]]:
    """Rows for :func:`govinfo_report.unfuse.split_table`, in table order.

    Fused rows are passed with their fused cell; rows read cell by cell go
    along as context (their cells joined by spaces, not fused), so the
    splitter can check its splits against the table's sums.
    """
    rows: list[tuple[str, GridCell]] = []
    for row in spec.rows:
        placed = matched.get(row.code)
        if placed is None:
            continue
        if placed.fused is not None:
            rows.append((row.code, placed.fused))
        else:
            rows.append((row.code, GridCell(" ".join(c.text for c in placed.values), placed.location or Location())))
    return rows


@lru_cache(maxsize=8192)
def _match_labels(edition: Edition, code: str, labels: tuple[str, ...], pointer: int, matched: int) -> str | None:
    """The row of table *code* that *labels* name, among the rows whose bit *matched* does not set.

    The rows from *pointer* on are tried before those before it, and every
    exact match before any fuzzy one (which is slow), so a label printed
    right is never taken for a neighbour one edit away.  Kept for the
    labels and the reading position, which the template repeats in report
    after report.
    """
    keys = _row_keys(edition, code)
    rows = table_spec(edition, code).rows
    free = [(i, (r.code, keys[r.code])) for i, r in enumerate(rows) if not matched >> i & 1]
    later = [candidate for i, candidate in free if i >= pointer]
    earlier = [candidate for i, candidate in free if i < pointer]
    for group in (later, earlier):
        for label in labels:
            found = _exact_match(label, group)
            if found is not None:
                return found
    for group in (later, earlier):
        for label in labels:
            found = best_match(label, group)
            if found is not None:
                return found
    return None


@cache
def _row_index(edition: Edition, code: str) -> dict[str, int]:
    return {row.code: i for i, row in enumerate(table_spec(edition, code).rows)}


@lru_cache(maxsize=4096)
def _names_row(edition: Edition, code: str, text: str) -> bool:
    """Whether *text* names one of the rows of table *code*."""
    return best_match(text, list(_row_keys(edition, code).items())) is not None


#: Decisions of :meth:`_Reader.decide` by table, keyed by the row's reading position and shape;
#: a table's memo is emptied when it reaches :data:`_MEMO_SIZE` (only rows the template repeats stay).
_MEMOS: dict[tuple[Edition, str], dict[tuple[object, ...], tuple[str, tuple[int, ...]] | None]] = {}
_MEMO_SIZE = 8192
_UNDECIDED: Any = object()


def _memo(edition: Edition, code: str) -> dict[tuple[object, ...], tuple[str, tuple[int, ...]] | None]:
    return _MEMOS.setdefault((edition, code), {})


def _exact_match(label: str, candidates: Candidates) -> str | None:
    """The code whose longest key the normalised *label* contains exactly (as :func:`best_match` ranks them)."""
    best: tuple[int, str] | None = None
    for code, keys in candidates:
        for key in keys:
            if key and key in label and (best is None or len(key) > best[0]):
                best = (len(key), code)
    return best[1] if best is not None else None


_FUSED = attrgetter("fused")


def _blank(cell: GridCell) -> bool:
    return not cell.fused and not cell.text.strip()


def read_table(code: str, edition: Edition, rows: Sequence[Row], source: str | None = None) -> TableResult:
    """Read table *code* of *edition* from its grid *rows* (see the module docstring).

    A table none of whose rows could be identified is ``None`` with a
    ``reader.table_unreadable`` finding; rows not found are ``Missing.ABSENT``
    with a ``reader.row_not_found`` finding each.
    """
    reader = _Reader(code, edition, source)
    matched = reader.read_review(rows) if code == "review_litigation" else reader.read_rows(rows)
    if not matched:
        first = next((c.location for row in rows for c in row), None)
        reader.note(
            "reader.table_unreadable",
            f"{code}: the table was found ({len(rows)} rows, from {first or 'unknown location'}) "
            "but none of its rows could be identified; it is left out",
            f"找到“{reader.spec.title}”表格，但无法识别其中任何一行，该表按缺失处理",
        )
        return TableResult(None, tuple(reader.findings))
    return TableResult(reader.build(matched), tuple(reader.findings))
