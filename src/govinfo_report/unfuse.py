"""Fused digits → cells, by the table's own arithmetic.

Crawler text flattens a table row onto one line with nothing between the
cells: ``801000081`` is 80, 1, 0, 0, 0, 0, 81.  :func:`split_table` recovers
the cells of a table's fused rows jointly:

1. every way to cut each row's text into as many numbers as the row has
   cells is enumerated (white space in the text is always a cut; a
   multi-digit number never starts with 0; only ``change`` may carry a sign;
   amounts may carry decimals and a 元/万元 unit);
2. each row keeps the splits that satisfy its own relations (row total of
   table 3, group totals of table 4) — or all of them, if none does;
3. the rows' remaining splits are combined and the combinations that violate
   the fewest relations across rows (column balance and outcome sums of
   table 3) are kept.

A cell on which every kept combination agrees gets that value.  Where the
kept combinations disagree the cell is left ``Missing.UNREADABLE`` and a
``reader.ambiguous_split`` finding lists the candidates: the splitter never
guesses.  Where even the best combination violates a relation (the report
itself is wrong), a ``reader.inconsistent_split`` finding names the violated
relations.

Values are parsed by :func:`govinfo_report.values.parse_cell`; this module
only decides where one number ends and the next begins.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

from attrs import evolve, frozen

from .document import GridCell, Location
from .findings import CellRef, Finding, reader_finding
from .layout import (
    OTHER_SUBROWS,
    OUTCOME_ROWS,
    REQUEST_COLUMNS,
    REQUEST_PARTS,
    REVIEW_PARTS,
    Edition,
    ValueKind,
    table_spec,
)
from .model import Cell, Missing
from .values import AMOUNT_UNITS, normalise_cell_text, parse_cell

__all__ = ["ALL_ROWS", "MAX_CHARS_PER_CELL", "MAX_COMBINATIONS", "MAX_SPLITS_PER_ROW", "split_cell", "split_table"]

#: Row code meaning "this one text holds every row of the table, in layout
#: order" (table 4's single data line of 15 cells).  Several codes joined by
#: ``+`` (``"review+litigation_direct"``) mean those rows, in that order.
ALL_ROWS = "*"

#: A row whose text can be cut in more ways than this is not split (bounded work on hostile input).
MAX_SPLITS_PER_ROW = 5_000
#: The longest text one cell may take in a fused text (``39573802895.90元`` is 16).
MAX_CHARS_PER_CELL = 16
#: At most this many combinations of the rows' splits are compared.
MAX_COMBINATIONS = 200_000
#: Candidates listed in a finding's message.
_LISTED = 20

#: Beyond this many digits the reachability bound is not worth computing.
_DIGITS_CAP = 40
_COUNT_PIECE = re.compile(r"^(?:0|[1-9]\d*)$")
_SIGNED_PIECE = re.compile(r"^[+-]?(?:0|[1-9]\d*)$")
_AMOUNT_PIECE = re.compile(rf"^(?:0|[1-9]\d*)(?:\.\d+)?(?:{AMOUNT_UNITS})?$")
_PIECE = {ValueKind.COUNT: _COUNT_PIECE, ValueKind.SIGNED: _SIGNED_PIECE, ValueKind.AMOUNT: _AMOUNT_PIECE}
_TOKEN = re.compile(r"\S+")

Key = tuple[str, str]
Number = int | Decimal


@frozen
class _Piece:
    """One cell cut from a fused text: its text, value (or why none) and offset in the text."""

    text: str
    value: Number | None
    missing: Missing | None
    start: int


Split = tuple[_Piece, ...]


@frozen
class _Relation:
    """``sum(left) == sum(right)``, named as the rule that checks it."""

    name: str
    left: tuple[Key, ...]
    right: tuple[Key, ...]

    @property
    def keys(self) -> tuple[Key, ...]:
        return self.left + self.right

    def holds(self, values: dict[Key, Number | None]) -> bool | None:
        """Whether it holds; ``None`` when a cell is unknown or missing (the relation is skipped)."""
        try:
            left = [values[k] for k in self.left]
            right = [values[k] for k in self.right]
        except KeyError:
            return None
        if any(v is None for v in left) or any(v is None for v in right):
            return None
        return sum(v for v in left if v is not None) == sum(v for v in right if v is not None)


@frozen
class _Entry:
    """One fused text and the cells it holds, in order."""

    cell: GridCell
    keys: tuple[Key, ...]
    kinds: tuple[ValueKind, ...]


def _piece(text: str, start: int, kind: ValueKind) -> _Piece | None:
    """*text* as one cell of *kind*, or ``None`` if it cannot be one."""
    value = _piece_value(text, kind)
    return None if value is None else _Piece(text, value, None, start)


@lru_cache(maxsize=4096)
def _piece_value(text: str, kind: ValueKind) -> Number | None:
    if not _PIECE[kind].match(text):
        return None
    return parse_cell(text, kind).value


def _tokens(text: str) -> list[tuple[str, int]]:
    """The white-space separated tokens of *text*, normalised, with their offsets."""
    return [(normalise_cell_text(m.group()), m.start()) for m in _TOKEN.finditer(text)]


def split_cell(
    text: str, kinds: Sequence[ValueKind], limit: int = MAX_SPLITS_PER_ROW, *, total_last: bool = False
) -> list[Split] | None:
    """Every split of *text* into one piece per kind in *kinds* (``None`` if more than *limit*).

    White space in *text* always separates cells; each token holds one or
    more cells.  With *total_last*, only the splits whose last piece is the
    sum of the others (a row and its total): found far faster, as no part may
    exceed the total.
    """
    tokens = _tokens(text)
    n = len(kinds)
    if not tokens or len(tokens) > n:
        return []
    budget = [limit * 4]  # steps left, shared by every walk: bounded work on hostile input
    if not total_last:
        return _walk(tokens, kinds, limit, None, budget)
    out: list[Split] = []
    last, last_start = tokens[-1]
    for size in range(1, min(len(last), MAX_CHARS_PER_CELL) + 1):
        total = _piece(last[-size:], last_start + len(last) - size, kinds[-1])
        if total is None or not isinstance(total.value, int):
            continue
        head = last[:-size]
        rest = [*tokens[:-1], (head, last_start)] if head else tokens[:-1]
        found = _walk(rest, kinds[:-1], limit - len(out), total.value, budget) if rest else []
        if found is None:
            return None
        out.extend((*split, total) for split in found)
    return out


def _walk(
    tokens: list[tuple[str, int]], kinds: Sequence[ValueKind], limit: int, exact: int | None, budget: list[int]
) -> list[Split] | None:
    """The splits of *tokens* into *kinds* (summing to *exact*, if given); ``None`` past *limit* or *budget*.

    A depth-first search over where each piece ends; every step spends one
    unit of the shared *budget*, so hostile input costs bounded work.
    """
    n = len(kinds)
    out: list[Split] = []
    pieces: list[_Piece] = []
    after = [sum(len(tok) for tok, _s in tokens[t + 1 :]) for t in range(len(tokens))]

    def step(t: int, pos: int, spent: Number) -> bool:
        budget[0] -= 1
        if budget[0] < 0:
            return False
        cell = len(pieces)
        if t == len(tokens):
            if cell == n and (exact is None or spent == exact):
                out.append(tuple(pieces))
            return len(out) <= limit
        token, start = tokens[t]
        later = len(tokens) - t - 1  # tokens after this one, each needing a cell
        if n - cell - 1 < later or len(token) - pos > (n - cell - later) * MAX_CHARS_PER_CELL:
            return True
        if exact is not None:
            # The rest cannot reach the total if even its largest possible pieces fall short.
            chars = len(token) - pos + after[t]
            cells = n - cell
            if chars - cells + 1 < _DIGITS_CAP and spent + 10 ** (chars - cells + 1) + 9 * cells < exact:
                return True
        kind = kinds[cell]
        if pos == 0 and parse_cell(token, kind).missing is Missing.NOT_APPLICABLE:
            # A whole token such as ``/`` or ``—`` is one cell with nothing reported.
            pieces.append(_Piece(token, None, Missing.NOT_APPLICABLE, start))
            ok = step(t + 1, 0, spent)
            pieces.pop()
            return ok
        for end in range(pos + 1, min(len(token), pos + MAX_CHARS_PER_CELL) + 1):
            if end < len(token) and n - cell - 1 < later + 1:
                continue  # the rest of this token would need a cell too
            value = _piece_value(token[pos:end], kind)
            if value is None:
                continue
            if exact is not None and spent + value > exact:
                break  # a longer piece is a larger number
            pieces.append(_Piece(token[pos:end], value, None, start + pos))
            ok = step(t + 1, 0, spent + value) if end == len(token) else step(t, end, spent + value)
            pieces.pop()
            if not ok:
                return False
        return True

    return out if step(0, 0, 0) else None


def _relations(table_code: str, edition: Edition, present_rows: set[str]) -> list[_Relation]:
    """The arithmetic relations among the table's cells that the splitter may rely on."""
    out: list[_Relation] = []
    if table_code == "requests":
        spec = table_spec(edition, "requests")
        for row in spec.rows:
            out.append(
                _Relation(
                    f"requests.row_total {row.code}",
                    ((row.code, "total"),),
                    tuple((row.code, c) for c in REQUEST_PARTS),
                )
            )
        outcome = OUTCOME_ROWS[edition]
        if edition is Edition.E2021 and "other_handling" in present_rows and not present_rows & set(OTHER_SUBROWS):
            outcome = (*tuple(r for r in outcome if r not in OTHER_SUBROWS), "other_handling")
        for col in REQUEST_COLUMNS:
            c = col.code
            out.append(
                _Relation(
                    f"requests.balance {c}",
                    (("new_received", c), ("carried_over", c)),
                    (("total_processed", c), ("carried_forward", c)),
                )
            )
            parts = tuple((r, c) for r in outcome)
            out.append(_Relation(f"requests.outcome_sum {c}", (("total_processed", c),), parts))
    elif table_code == "review_litigation":
        for row in table_spec(edition, table_code).rows:
            out.append(
                _Relation(
                    f"review_litigation.group_total {row.code}",
                    ((row.code, "total"),),
                    tuple((row.code, p) for p in REVIEW_PARTS),
                )
            )
    return out


def _entry(table_code: str, edition: Edition, row_code: str, cell: GridCell) -> _Entry:
    spec = table_spec(edition, table_code)
    codes = [r.code for r in spec.rows if not r.optional] if row_code == ALL_ROWS else row_code.split("+")
    keys: list[Key] = []
    kinds: list[ValueKind] = []
    for code in codes:
        row = spec.row(code)
        for col in row.columns:
            keys.append((code, col.code))
            kinds.append(col.kind)
    return _Entry(cell, tuple(keys), tuple(kinds))


def _violations(relations: Sequence[_Relation], values: dict[Key, Number | None]) -> list[_Relation]:
    return [r for r in relations if r.holds(values) is False]


def _values(entry: _Entry, split: Split) -> dict[Key, Number | None]:
    return {k: p.value for k, p in zip(entry.keys, split, strict=True)}


def _fmt(split: Split) -> str:
    return ",".join(p.text for p in split)


def _location(cell: GridCell, start: int) -> Location:
    loc = cell.location
    offset = (loc.offset or 0) + start if loc.offset is not None or loc.line is not None else None
    return loc._replace(offset=offset)


def split_table(
    table_code: str, edition: Edition | str, rows: list[tuple[str, GridCell]]
) -> tuple[dict[tuple[str, str], Cell], list[Finding]]:
    """Recover the cells of *rows* of one table from their fused texts.

    *rows* are ``(row code, cell)`` pairs: the cell's text holds every cell
    of that row, digits possibly run together (white space, where present,
    always separates cells).  The row code may be :data:`ALL_ROWS` or several
    codes joined by ``+`` when one text holds several rows.

    Rows read cell by cell may be passed too, as a cell with ``fused=False``
    whose text is the row's cell texts joined by spaces: if it holds exactly
    one number (or not-applicable mark) per column, its values take part in
    the relations that decide the fused rows' splits; no cells are returned
    for it.

    Returns a cell for every (row, column) of the given fused rows, and findings
    (``reader.ambiguous_split`` / ``reader.inconsistent_split``, warnings).
    """
    edition = Edition(edition)
    rows = _widen_review(table_code, edition, rows)
    entries = [_entry(table_code, edition, code, cell) for code, cell in rows]
    present = {k[0] for e in entries for k in e.keys}
    relations = _relations(table_code, edition, present)
    findings: list[Finding] = []
    cells: dict[Key, Cell] = {}

    rel_keys = [frozenset(r.keys) for r in relations]

    # 1. Every split of each text; 2. keep those fitting the row's own relations.
    candidates: list[list[Split]] = []
    for entry in entries:
        if not entry.cell.fused:
            # A row read cell by cell: its values constrain the others (when it has one per column).
            fixed = split_cell(entry.cell.text, entry.kinds)
            tokens = len(entry.cell.text.split())
            candidates.append(fixed if fixed and len(fixed) == 1 and tokens == len(entry.kinds) else [])
            continue
        splits = split_cell(entry.cell.text, entry.kinds, total_last=_is_sum_row(entry, relations))
        if splits == []:
            # No split satisfies the row's total: every split, to be judged with the other rows.
            splits = split_cell(entry.cell.text, entry.kinds)
        if not splits:
            why = "too many ways to cut it" if splits is None else f"it does not hold {len(entry.kinds)} numbers"
            findings.append(_unsplittable(table_code, entry, why))
            for key in entry.keys:
                cells[key] = Cell(missing=Missing.UNREADABLE, text=entry.cell.text, location=entry.cell.location)
            candidates.append([])
            continue
        mine = frozenset(entry.keys)
        own = [r for r, keys in zip(relations, rel_keys, strict=True) if keys <= mine]
        costs = [len(_violations(own, _values(entry, s))) for s in splits]
        best = min(costs)
        candidates.append([s for s, c in zip(splits, costs, strict=True) if c == best])

    live = [i for i, c in enumerate(candidates) if c]
    # A relation within one row was applied above; those across rows decide below.
    owners = [{i for i in live if keys <= frozenset(entries[i].keys)} for keys in rel_keys]
    cross = [r for r, own_by in zip(relations, owners, strict=True) if not own_by]

    # 3. Combine the rows that relations tie together; keep the combinations violating the fewest.
    for group in _components(live, entries, cross):
        combos = 1
        for i in group:
            combos *= len(candidates[i])
        kept: dict[int, list[Split]] = {i: candidates[i] for i in group}
        violated: list[_Relation] = []
        values: dict[Key, Number | None] = {}
        if combos > MAX_COMBINATIONS:
            # Too many to compare: each row on its own (cells its splits agree on are kept).
            findings.append(_too_many(table_code, [entries[i] for i in group], combos))
        else:
            kept, violated, values = _best(group, entries, candidates, relations)
        for i in group:
            if not entries[i].cell.fused:
                continue  # context only: its cells are the caller's
            undecided = _settle(table_code, entries[i], kept[i], cells)
            if undecided:
                findings.append(_ambiguous(table_code, entries[i], undecided, list(dict.fromkeys(kept[i]))))
        if violated:
            findings.append(_inconsistent(table_code, violated, values, cells))
    source = next((e.cell.location.source for e in entries if e.cell.location.source), None)
    return cells, [evolve(f, source=source) for f in findings]


def _is_sum_row(entry: _Entry, relations: Sequence[_Relation]) -> bool:
    """Whether *entry* is one row whose last cell is the sum of the others (table 3's rows, one group of table 4)."""
    last = entry.keys[-1]
    return any(r.left == (last,) and set(r.right) == set(entry.keys[:-1]) for r in relations)


def _widen_review(table_code: str, edition: Edition, rows: list[tuple[str, GridCell]]) -> list[tuple[str, GridCell]]:
    """Table 4 printed as one unlabelled line: a lone row's text may hold the later groups too.

    A caller that found table 4 as one row of fifteen numbers may pass it as
    the first group's row; if its text splits into the cells of that group
    and of every later group not passed, it is read as all of them.
    """
    if table_code != "review_litigation" or len(rows) != 1 or "+" in rows[0][0] or rows[0][0] == ALL_ROWS:
        return rows
    code, cell = rows[0]
    spec = table_spec(edition, table_code)
    codes = [r.code for r in spec.rows]
    if code not in codes:
        return rows
    wider = "+".join(codes[codes.index(code) :])
    kinds = [c.kind for r in wider.split("+") for c in spec.row(r).columns]
    return [(wider, cell)] if wider != code and split_cell(cell.text, kinds) else rows


def _components(live: list[int], entries: list[_Entry], cross: list[_Relation]) -> list[list[int]]:
    """*live* entries grouped so that every cross-row relation lies within one group."""
    parent = {i: i for i in live}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner = {k: i for i in live for k in entries[i].keys}
    for relation in cross:
        touched = sorted({owner[k] for k in relation.keys if k in owner})
        for other in touched[1:]:
            parent[root(other)] = root(touched[0])
    groups: dict[int, list[int]] = {}
    for i in live:
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _best(
    group: list[int],
    entries: list[_Entry],
    candidates: list[list[Split]],
    relations: list[_Relation],
) -> tuple[dict[int, list[Split]], list[_Relation], dict[Key, Number | None]]:
    """The splits of *group*'s rows found in the combinations violating the fewest relations.

    Also the relations the first such combination violates, and its values.
    """
    keys = {k for i in group for k in entries[i].keys}
    mine = [r for r in relations if set(r.keys) & keys]
    best_cost: int | None = None
    best: list[tuple[Split, ...]] = []
    violated: list[_Relation] = []
    values: dict[Key, Number | None] = {}
    for combo in itertools.product(*(candidates[i] for i in group)):
        here: dict[Key, Number | None] = {}
        for i, split in zip(group, combo, strict=True):
            here.update(_values(entries[i], split))
        broken = _violations(mine, here)
        cost = len(broken)
        if best_cost is None or cost < best_cost:
            best_cost, best, violated, values = cost, [combo], broken, here
        elif cost == best_cost:
            best.append(combo)
    return {i: [c[pos] for c in best] for pos, i in enumerate(group)}, violated, values


def _settle(table_code: str, entry: _Entry, splits: list[Split], cells: dict[Key, Cell]) -> list[Key]:
    """Set *entry*'s cells on which every split in *splits* agrees; return the others' keys."""
    undecided: list[Key] = []
    for j, key in enumerate(entry.keys):
        piece = splits[0][j]
        if len({(s[j].value, s[j].missing) for s in splits}) == 1:
            cells[key] = Cell(
                value=piece.value, missing=piece.missing, text=piece.text, location=_location(entry.cell, piece.start)
            )
        else:
            undecided.append(key)
            cells[key] = Cell(missing=Missing.UNREADABLE, text=entry.cell.text, location=entry.cell.location)
    return undecided


def _too_many(table_code: str, entries: list[_Entry], combos: int) -> Finding:
    names = ", ".join(_row_name(e) for e in entries)
    return reader_finding(
        "reader.ambiguous_split",
        f"{table_code}: {combos} combinations of the splits of rows {names}, too many to compare; "
        "each row split on its own",
        f"{table_code}：数字粘连的拆分组合过多（{combos}种），仅按各行自身关系拆分",
    )


def _refs(table_code: str, keys: Sequence[Key]) -> tuple[CellRef, ...]:
    return tuple(CellRef(table_code, r, c) for r, c in keys)


def _row_name(entry: _Entry) -> str:
    return "+".join(dict.fromkeys(k[0] for k in entry.keys))


def _unsplittable(table_code: str, entry: _Entry, why: str) -> Finding:
    name = f"{table_code}.{_row_name(entry)}"
    return reader_finding(
        "reader.inconsistent_split",
        f"{name}: cannot split {entry.cell.text!r} into {len(entry.kinds)} cells: {why}",
        f"{name}：无法将“{entry.cell.text}”拆分为{len(entry.kinds)}个单元格",
        cells=_refs(table_code, entry.keys),
        values=tuple(None for _ in entry.keys),
        locations=tuple(entry.cell.location for _ in entry.keys),
    )


def _ambiguous(table_code: str, entry: _Entry, undecided: list[Key], splits: list[Split]) -> Finding:
    name = f"{table_code}.{_row_name(entry)}"
    listed = " | ".join(_fmt(s) for s in splits[:_LISTED])
    more = f" (and {len(splits) - _LISTED} more)" if len(splits) > _LISTED else ""
    return reader_finding(
        "reader.ambiguous_split",
        f"{name}: {entry.cell.text!r} splits in {len(splits)} ways that satisfy every relation: {listed}{more}; "
        f"left unreadable: {', '.join(c for _r, c in undecided)}",
        f"{name}：数字粘连的“{entry.cell.text}”有{len(splits)}种拆分均符合表内关系（{listed}），未作猜测",
        cells=_refs(table_code, undecided),
        values=tuple(None for _ in undecided),
        locations=tuple(entry.cell.location for _ in undecided),
    )


def _inconsistent(
    table_code: str, violated: list[_Relation], values: dict[Key, Number | None], cells: dict[Key, Cell]
) -> Finding:
    keys = list(dict.fromkeys(k for r in violated for k in r.keys))
    names = "; ".join(_describe(r, values) for r in violated)
    return reader_finding(
        "reader.inconsistent_split",
        f"{table_code}: no split of the fused rows satisfies every relation; chose the split violating the fewest "
        f"({len(violated)}): {names}",
        f"{table_code}：粘连数字的任何拆分都不满足全部表内关系，已取违反最少（{len(violated)}项）的拆分",
        cells=_refs(table_code, keys),
        values=tuple(values.get(k) for k in keys),
        locations=tuple(cells[k].location if k in cells else None for k in keys),
    )


def _describe(relation: _Relation, values: dict[Key, Number | None]) -> str:
    def total(keys: tuple[Key, ...]) -> str:
        return str(sum(v for k in keys if (v := values.get(k)) is not None))

    return f"{relation.name} ({total(relation.left)} ≠ {total(relation.right)})"
