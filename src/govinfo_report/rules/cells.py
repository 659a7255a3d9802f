"""Rules about single cells: ``cells.negative`` and ``cells.missing``.

``cells.missing`` is what the arithmetic rules point to when they skip a
relation because of a missing cell: one finding per row and kind of missing
(blank, not applicable, unreadable, absent), naming each cell and its text.
"""

from __future__ import annotations

from collections import defaultdict
from typing import ClassVar

from ..findings import CellRef, Finding, Severity
from ..layout import OTHER_SUBROWS, SECTIONS, TABLE_CODES, Edition, ValueKind
from ..model import AnnualReport, Cell, Missing, Table
from ..plugins import Rule, RuleOptions
from ..values import format_value
from ._relations import cell_label

__all__ = ["MissingRule", "NegativeRule"]

_REASON = {
    Missing.BLANK: ("blank", "空白"),
    Missing.NOT_APPLICABLE: ("marked not applicable", "标为不适用"),
    Missing.UNREADABLE: ("unreadable", "无法识别"),
    Missing.ABSENT: ("absent from the source's table", "原表中没有"),
}
_TITLE_ZH = dict(SECTIONS)
_ABSENT = Cell(missing=Missing.ABSENT)


class NegativeRule(Rule):
    """No count or amount is negative; only 本年增/减 (``change``) may be."""

    code: ClassVar[str] = "cells.negative"
    description: ClassVar[str] = "no count is negative (only change may be)"

    def check(self, report: AnnualReport, options: RuleOptions) -> list[Finding]:
        out = []
        for table in report.tables():
            for ref, cell in table.items():
                kind = table.spec.row(ref.row).column(ref.column).kind
                if cell.value is None or kind is ValueKind.SIGNED or cell.value >= 0:
                    continue
                label = cell_label(report.edition, ref)
                shown = format_value(cell.value)
                out.append(
                    Finding(
                        rule=self.code,
                        severity=Severity.ERROR,
                        message=f"{ref} is {shown}; a {kind.value} cannot be negative",
                        message_zh=f"{label}为{shown}，不能为负数",
                        cells=(ref,),
                        values=(cell.value,),
                        locations=(cell.location,),
                        source=report.source,
                    )
                )
        return out


class MissingRule(Rule):
    """Every cell of the edition's layout has a value.

    A warning per row and kind of missing.  A 2021 report that prints
    （六）其他处理 as one row gets an info finding for the three sub-rows it
    does not give (the template's old form, not a gap in the data), and a
    report without one of the three tables gets a warning naming it.
    """

    code: ClassVar[str] = "cells.missing"
    description: ClassVar[str] = "a cell of the edition's layout is missing (blank, not applicable, unreadable, absent)"

    def check(self, report: AnnualReport, options: RuleOptions) -> list[Finding]:
        out: list[Finding] = []
        for code in TABLE_CODES:
            table = report.table(code)
            if table is None:
                out.append(
                    Finding(
                        rule=self.code,
                        severity=Severity.WARNING,
                        message=f"table {code} ({_TITLE_ZH[code]}) is absent",
                        message_zh=f"缺少表格「{_TITLE_ZH[code]}」",
                        source=report.source,
                    )
                )
                continue
            out.extend(self._table(report, table))
        return out

    def _table(self, report: AnnualReport, table: Table) -> list[Finding]:
        groups: dict[tuple[str, Missing], list[tuple[CellRef, Cell]]] = defaultdict(list)
        # The layout's cells, not the table's: a table made without Table.build may lack some.
        for row_spec, col_spec in table.spec.cells(optional=True):
            if row_spec.optional and not table.has_row(row_spec.code):
                continue
            cell = table.cells.get((row_spec.code, col_spec.code), _ABSENT)
            if cell.missing is not None:
                ref = CellRef(table.code, row_spec.code, col_spec.code)
                groups[row_spec.code, cell.missing].append((ref, cell))
        old_form = table.code == "requests" and table.edition is Edition.E2021 and table.has_row("other_handling")
        out = []
        for (row, reason), cells in groups.items():
            en, zh = _REASON[reason]
            refs = tuple(ref for ref, _c in cells)
            row_label = table.spec.row(row).label
            severity = Severity.WARNING
            if old_form and row in OTHER_SUBROWS and reason is Missing.ABSENT:
                severity = Severity.INFO
                en += " (the report prints （六）其他处理 as one row)"
                zh += "（本报告将（六）其他处理列为一行）"
            which = ", ".join(ref.column for ref in refs)
            texts = list(dict.fromkeys(c.text.strip() for _r, c in cells if c.text.strip()))
            shown = f"; text: {', '.join(repr(t) for t in texts)}" if texts else ""
            out.append(
                Finding(
                    rule=self.code,
                    severity=severity,
                    message=f"{table.code}.{row}: {len(refs)} cell(s) {en}: {which}{shown}",
                    message_zh=f"{row_label}行有{len(refs)}个单元格{zh}：{which}{shown}",
                    cells=refs,
                    values=tuple(None for _r in refs),
                    locations=tuple(c.location for _r, c in cells),
                    source=report.source,
                )
            )
        return out
