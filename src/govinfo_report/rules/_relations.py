"""The one sum/compare helper every arithmetic rule uses, and the single-cell suggestion.

A :class:`Relation` says ``sum(lhs) == sum(rhs) + constant`` over cells of one
or more reports.  :func:`evaluate` decides whether it holds, is violated, or
is skipped because a cell is missing (unless missing cells count as 0);
:func:`findings` turns the violated ones into :class:`~govinfo_report.Finding`
objects, each with the cells involved, their values, the value the relation
requires of its first cell and where each cell came from.

:func:`suggest` looks, among a set of relations over one table, for the one
cell whose change would satisfy every violated relation at once without
breaking one that holds; the findings then carry that as a suggestion.  It
is only ever a suggestion: nothing changes a report's numbers.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import lru_cache, wraps

from attrs import frozen

from ..findings import CellRef, Finding, Severity
from ..layout import Edition, ValueKind, table_spec
from ..model import AnnualReport, Cell, Missing, Value
from ..plugins import Rule, RuleOptions
from ..values import format_value

__all__ = [
    "Evaluation",
    "Operand",
    "Relation",
    "RelationRule",
    "Status",
    "cell_label",
    "evaluate",
    "findings",
    "last_report_memo",
    "operand",
    "suggest",
    "table_operand",
]

Number = int | Decimal

#: How many operands a side may list one by one before it is shortened to "sum of N cells".
_SPELL_OUT = 7


@frozen
class Operand:
    """One cell taking part in a relation.

    ``name`` is how the English message names it (a row or column code, or
    ``2020 carried_forward``), ``name_zh`` the official label.  ``cell`` is
    ``None`` when the cell's table is absent.  ``kind`` bounds the values a
    suggestion may propose (a count is never negative).
    """

    ref: CellRef
    cell: Cell | None
    name: str
    name_zh: str
    kind: ValueKind = ValueKind.COUNT
    #: Which report the cell belongs to when a relation spans several (the year).
    scope: str = ""

    @property
    def value(self) -> Value:
        return None if self.cell is None else self.cell.value

    @property
    def key(self) -> tuple[str, CellRef]:
        """Identifies the cell across relations, whatever name each relation gives it."""
        return (self.scope, self.ref)


@frozen
class Relation:
    """``sum(lhs) == sum(rhs) + constant`` — a rule's arithmetic claim about some cells.

    ``what``/``what_zh`` say which instance of the rule this is ("column
    natural_person", "自然人列"); they start the finding's message.
    """

    rule: str
    severity: Severity
    what: str
    what_zh: str
    lhs: tuple[Operand, ...]
    rhs: tuple[Operand, ...]
    constant: Number = 0
    #: ``True`` for ``sum(lhs) <= sum(rhs) + constant`` instead of equality.
    at_most: bool = False
    #: Says what the constant is, e.g. "the number stated in the prose".
    constant_name: str = ""
    constant_name_zh: str = ""
    #: What a right side too long to list is called ("the outcome rows", "各办理结果行").
    rhs_summary: str = "cells"
    rhs_summary_zh: str = "单元格"
    #: Extra text appended to both messages (e.g. the sentence a claim came from).
    note: str = ""
    note_zh: str = ""
    source: str | None = None

    @property
    def operands(self) -> tuple[Operand, ...]:
        return self.lhs + self.rhs


class Status(enum.Enum):
    HOLDS = "holds"
    VIOLATED = "violated"
    SKIPPED = "skipped"  #: a cell is missing and missing cells are not counted as 0


@frozen
class Evaluation:
    """The outcome of one relation: its status and both sides' sums."""

    relation: Relation
    status: Status
    lhs_sum: Number = 0
    rhs_sum: Number = 0
    #: Operands that were missing and counted as 0.
    zeroed: tuple[Operand, ...] = ()

    @property
    def difference(self) -> Number:
        """``lhs − rhs``: how far the left side exceeds the right."""
        return self.lhs_sum - self.rhs_sum


def evaluate(relation: Relation, options: RuleOptions) -> Evaluation:
    """Whether *relation* holds; missing cells skip it unless ``options.missing_as_zero``.

    A cell whose whole table is absent always skips it: no table is not a table of zeros.
    """
    zeroed = tuple(o for o in relation.operands if o.value is None)
    if zeroed and (not options.missing_as_zero or any(o.cell is None for o in zeroed)):
        return Evaluation(relation, Status.SKIPPED)
    lhs = _sum(o.value for o in relation.lhs)
    rhs = _sum(o.value for o in relation.rhs) + relation.constant
    holds = lhs <= rhs if relation.at_most else lhs == rhs
    status = Status.HOLDS if holds else Status.VIOLATED
    return Evaluation(relation, status, lhs, rhs, zeroed)


def _sum(values: Iterable[Value]) -> Number:
    total: Number = 0
    for v in values:
        if v is not None:
            total += v
    return total


def suggest(evaluations: Sequence[Evaluation]) -> tuple[Operand, Number, int] | None:
    """The one cell whose change satisfies every violated relation, its new value and how many.

    A candidate appears in every violated relation, the same change fixes
    each of them, it appears in no relation that holds (the change would
    break that one), and the new value is allowed for its kind.  With no
    violation, or when several cells would do (so the data cannot tell
    which is wrong), there is no suggestion.
    """
    evaluations = [e for e in evaluations if not e.relation.at_most]
    violated = [e for e in evaluations if e.status is Status.VIOLATED]
    if not violated:
        return None
    holding_keys = {o.key for e in evaluations if e.status is Status.HOLDS for o in e.relation.operands}
    candidates: dict[tuple[str, CellRef], tuple[Operand, Number]] = {}
    first = violated[0]
    for op in first.relation.operands:
        if op.key in holding_keys or op.key in candidates:
            continue
        change = _change_for(first, op)
        if change is None or change == 0:
            continue
        if all(_change_for(e, op) == change for e in violated[1:]):
            new = (op.value or 0) + change
            if new < 0 and op.kind is not ValueKind.SIGNED:
                continue
            candidates[op.key] = (op, new)
    if len(candidates) != 1:
        return None
    (op, new) = next(iter(candidates.values()))
    return op, new, len(violated)


def _change_for(ev: Evaluation, op: Operand) -> Number | None:
    """The change to *op* that makes *ev*'s relation hold (``None`` if *op* is not in it)."""
    rel = ev.relation
    coefficient = sum(1 for o in rel.lhs if o.key == op.key) - sum(1 for o in rel.rhs if o.key == op.key)
    if coefficient == 0:
        return None
    diff = ev.difference
    if diff % coefficient:
        return None
    return -diff // coefficient if isinstance(diff, int) else -diff / coefficient


def findings(
    evaluations: Sequence[Evaluation], *, only: str | None = None, with_suggestion: bool = True
) -> list[Finding]:
    """A finding for each violated relation (of rule *only*, if given).

    The suggestion is computed over all *evaluations*, so pass every
    relation of the table even when reporting one rule's findings.
    """
    hint = suggest(evaluations) if with_suggestion else None
    suggestion = None
    if hint is not None:
        op, new, count = hint
        relations = "relation" if count == 1 else "relations"
        suggestion = (
            f"{op.name_zh} [{op.ref}] is {_show(op)}; {format_value(new)} would satisfy {count} {relations}"
            f"（改为{format_value(new)}可同时满足{count}个关系；仅为建议，未修改）"
        )
    out = []
    for ev in evaluations:
        if ev.status is not Status.VIOLATED or (only is not None and ev.relation.rule != only):
            continue
        out.append(_finding(ev, suggestion if hint and _involves(ev, hint[0]) else None))
    return out


def _involves(ev: Evaluation, op: Operand) -> bool:
    return any(o.key == op.key for o in ev.relation.operands)


def _show(op: Operand) -> str:
    return "blank" if op.value is None else format_value(op.value)


def _side(
    ops: Sequence[Operand], constant: Number, constant_name: str, total: Number, zh: bool, summary: str = ""
) -> str:
    """One side of a relation as text: its terms with their values, then its sum when there are several."""
    if len(ops) > _SPELL_OUT:
        terms = [f"{len(ops)}个{summary}之和" if zh else f"the sum of {len(ops)} {summary}"]
    else:
        terms = [f"{o.name_zh if zh else o.name} ({_show(o)})" for o in ops]
    if constant or constant_name:
        terms.append(f"{constant_name} ({format_value(constant)})")
    if not terms:
        return "0"
    if len(terms) == 1 and len(ops) <= _SPELL_OUT:
        return terms[0]
    return f"{' + '.join(terms)} = {format_value(total)}"


def _finding(ev: Evaluation, suggestion: str | None) -> Finding:
    rel = ev.relation
    lhs_en = _side(rel.lhs, 0, "", ev.lhs_sum, zh=False)
    rhs_en = _side(rel.rhs, rel.constant, rel.constant_name, ev.rhs_sum, zh=False, summary=rel.rhs_summary)
    lhs_zh = _side(rel.lhs, 0, "", ev.lhs_sum, zh=True)
    rhs_zh = _side(rel.rhs, rel.constant, rel.constant_name_zh, ev.rhs_sum, zh=True, summary=rel.rhs_summary_zh)
    gap = ev.difference
    diff = format_value(-gap if gap < 0 else gap)
    if rel.at_most:
        message = f"{rel.what}: {lhs_en} exceeds {rhs_en} (by {diff})"
        message_zh = f"{rel.what_zh}：{lhs_zh} 超过 {rhs_zh}（多{diff}）"
    else:
        message = f"{rel.what}: {lhs_en} ≠ {rhs_en} (differ by {diff})"
        message_zh = f"{rel.what_zh}：{lhs_zh} ≠ {rhs_zh}（相差{diff}）"
    if ev.zeroed:
        zeroed = ", ".join(str(o.ref) for o in ev.zeroed)
        message += f"; missing cells counted as 0: {zeroed}"
        message_zh += f"；缺失单元格按0计：{zeroed}"
    if rel.note:
        message += f"; {rel.note}"
    if rel.note_zh:
        message_zh += f"；{rel.note_zh}"
    ops = rel.operands
    first = ops[0]
    # The value the relation requires of its first cell, the others as they are.
    expected: Value = (first.value or 0) - ev.difference if rel.lhs else None
    return Finding(
        rule=rel.rule,
        severity=rel.severity,
        message=message,
        message_zh=message_zh,
        cells=tuple(o.ref for o in ops),
        values=tuple(o.value for o in ops),
        expected=expected,
        locations=tuple(o.cell.location if o.cell is not None else None for o in ops),
        suggestion=suggestion,
        source=rel.source,
        missing_as_zero=bool(ev.zeroed),
    )


@lru_cache(maxsize=4096)
def cell_label(edition: Edition | str, ref: CellRef) -> str:
    """The official labels of a cell: ``（七）总计/自然人``, ``行政诉讼·复议后起诉/总计``."""
    spec = table_spec(edition, ref.table)
    row = spec.row(ref.row)
    label = row.label
    if row.group and row.group[:1] in "（(行":
        if label[:1].isdigit():
            label = f"{row.group}{label}"
        elif row.group == "行政诉讼":
            label = f"{row.group}·{label}"
    return f"{label}/{row.column(ref.column).label}"


@lru_cache(maxsize=4096)
def _kind(edition: Edition | str, ref: CellRef) -> ValueKind:
    return table_spec(edition, ref.table).row(ref.row).column(ref.column).kind


def operand(edition: Edition | str, ref: CellRef, cell: Cell | None, name: str, *, scope: str = "") -> Operand:
    """An operand for *ref* named *name* in English and by its official labels in Chinese.

    *scope* (a year) tells cells of different reports apart and prefixes both names.
    """
    kind = _kind(edition, ref)
    label = cell_label(edition, ref)
    if scope:
        return Operand(ref, cell, f"{scope} {name}", f"{scope}年{label}", kind, scope)
    return Operand(ref, cell, name, label, kind)


_ABSENT = Cell(missing=Missing.ABSENT)


def table_operand(report: AnnualReport, ref: CellRef, name: str, *, scope: str = "") -> Operand:
    """An operand for cell *ref* of *report*.

    Its cell is ``None`` when the table is absent, and an absent cell when a
    table made without :meth:`Table.build` lacks it.
    """
    table = report.table(ref.table)
    cell = None if table is None else table.cells.get((ref.row, ref.column), _ABSENT)
    return operand(report.edition, ref, cell, name, scope=scope)


def last_report_memo(
    build: Callable[[AnnualReport], tuple[Relation, ...]],
) -> Callable[[AnnualReport], tuple[Relation, ...]]:
    """Remember *build*'s result for the last report it was given (by identity).

    The sibling rules of one table each need all of its relations; with this
    they are built once per report, not once per rule.  The memo holds the
    report it was built for, so its identity cannot be reused meanwhile.
    """
    last: list[tuple[AnnualReport, tuple[Relation, ...]]] = []

    @wraps(build)
    def memoised(report: AnnualReport) -> tuple[Relation, ...]:
        if last and last[0][0] is report:
            return last[0][1]
        relations = build(report)
        last[:] = [(report, relations)]
        return relations

    return memoised


class RelationRule(Rule):
    """A rule whose findings are the violated relations among those :meth:`relations` builds.

    :meth:`relations` returns every relation of the table the rule checks,
    this rule's and its siblings' (told apart by ``Relation.rule``), so the
    single-cell suggestion sees the whole table.
    """

    def relations(self, report: AnnualReport) -> Sequence[Relation]:
        raise NotImplementedError

    def check(self, report: AnnualReport, options: RuleOptions) -> list[Finding]:
        return findings([evaluate(r, options) for r in self.relations(report)], only=self.code)
