"""Table 3 (收到和处理政府信息公开申请情况): its balance, outcome sum and row totals.

* ``requests.balance`` — per column: 一 + 二 = 三（七）总计 + 四, the table's own
  note (第一项加第二项之和，等于第三项加第四项之和).
* ``requests.outcome_sum`` — per column: （七）总计 = the sum of the outcome
  rows of the report's edition.  A 2021 report that prints （六）其他处理 as
  one row is summed with that row; one that prints both the row and its
  three sub-rows must also have the row equal to their sum.
* ``requests.row_total`` — per row: 总计 = the six applicant columns.

All three are built together so the single-cell suggestion sees the table's
every relation (a wrong （七）总计/自然人 breaks one of each).
"""

from __future__ import annotations

from typing import ClassVar

from ..findings import CellRef, Severity
from ..layout import OTHER_SUBROWS, OUTCOME_ROWS, REQUEST_COLUMNS, REQUEST_PARTS, Edition
from ..model import AnnualReport, Missing, Table
from ._relations import Relation, RelationRule, last_report_memo, table_operand

__all__ = ["BalanceRule", "OutcomeSumRule", "RowTotalRule", "outcome_rows", "requests_relations"]

BALANCE = "requests.balance"
OUTCOME_SUM = "requests.outcome_sum"
ROW_TOTAL = "requests.row_total"


def outcome_rows(table: Table) -> tuple[str, ...]:
    """The rows whose sum is （七）总计 in *table*, by the edition and what the source prints."""
    rows = OUTCOME_ROWS[table.edition]
    if table.edition is Edition.E2021 and table.has_row("other_handling") and _subrows_absent(table):
        index = rows.index(OTHER_SUBROWS[0])
        rows = (*rows[:index], "other_handling", *rows[index + len(OTHER_SUBROWS) :])
    return rows


def _subrows_absent(table: Table) -> bool:
    return all(table[r, c].missing is Missing.ABSENT for r in OTHER_SUBROWS for c in (*REQUEST_PARTS, "total"))


@last_report_memo
def requests_relations(report: AnnualReport) -> tuple[Relation, ...]:
    """Every relation of table 3 (none when the report lacks the table)."""
    table = report.requests
    if table is None:
        return ()
    # One operand per cell and naming: column relations name cells by row, row relations by column.
    keys = [(r.code, c.code) for r, c in table.spec.cells(optional=True)]
    by_row = {(r, c): table_operand(report, CellRef("requests", r, c), r) for r, c in keys}
    by_column = {(r, c): table_operand(report, CellRef("requests", r, c), c) for r, c in keys}
    relations: list[Relation] = []
    src = report.source
    rows = outcome_rows(table)
    split_too = table.edition is Edition.E2021 and table.has_row("other_handling") and "other_handling" not in rows
    for col in REQUEST_COLUMNS:
        c = col.code
        what, what_zh = f"column {c}", f"{col.label}列"
        relations.append(
            Relation(
                BALANCE,
                Severity.ERROR,
                what,
                what_zh,
                (by_row["new_received", c], by_row["carried_over", c]),
                (by_row["total_processed", c], by_row["carried_forward", c]),
                source=src,
            )
        )
        relations.append(
            Relation(
                OUTCOME_SUM,
                Severity.ERROR,
                what,
                what_zh,
                (by_row["total_processed", c],),
                tuple(by_row[r, c] for r in rows),
                rhs_summary="outcome rows",
                rhs_summary_zh="办理结果行",
                source=src,
            )
        )
        if split_too:
            relations.append(
                Relation(
                    OUTCOME_SUM,
                    Severity.ERROR,
                    f"{what}, （六）其他处理 and its sub-rows",
                    f"{what_zh}（六）其他处理与其分项",
                    (by_row["other_handling", c],),
                    tuple(by_row[r, c] for r in OTHER_SUBROWS),
                    source=src,
                )
            )
    for row in table.row_codes:
        label = table.spec.row(row).label
        relations.append(
            Relation(
                ROW_TOTAL,
                Severity.ERROR,
                f"row {row}",
                f"{label}行",
                (by_column[row, "total"],),
                tuple(by_column[row, c] for c in REQUEST_PARTS),
                source=src,
            )
        )
    return tuple(relations)


class BalanceRule(RelationRule):
    """一 + 二 = 三 + 四 for every column of table 3."""

    code: ClassVar[str] = BALANCE
    description: ClassVar[str] = "new_received + carried_over = total_processed + carried_forward, per column"

    def relations(self, report: AnnualReport) -> tuple[Relation, ...]:
        return requests_relations(report)


class OutcomeSumRule(RelationRule):
    """（七）总计 = the outcome rows of the edition, for every column of table 3."""

    code: ClassVar[str] = OUTCOME_SUM
    description: ClassVar[str] = "total_processed = sum of the edition's outcome rows, per column"

    def relations(self, report: AnnualReport) -> tuple[Relation, ...]:
        return requests_relations(report)


class RowTotalRule(RelationRule):
    """总计 = the six applicant columns, for every row of table 3."""

    code: ClassVar[str] = ROW_TOTAL
    description: ClassVar[str] = "total = the six applicant columns, per row"

    def relations(self, report: AnnualReport) -> tuple[Relation, ...]:
        return requests_relations(report)
