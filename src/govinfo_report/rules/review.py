"""Table 4 (行政复议、行政诉讼): ``review_litigation.group_total``.

For each of the three groups (行政复议, 未经复议直接起诉, 复议后起诉):
总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
"""

from __future__ import annotations

from typing import ClassVar

from ..findings import CellRef, Severity
from ..layout import REVIEW_LITIGATION, REVIEW_PARTS
from ..model import AnnualReport
from ._relations import Relation, RelationRule, table_operand

__all__ = ["GroupTotalRule", "review_relations"]

GROUP_TOTAL = "review_litigation.group_total"


def review_relations(report: AnnualReport) -> list[Relation]:
    """Every relation of table 4 (none when the report lacks the table)."""
    if report.review_litigation is None:
        return []
    relations = []
    for row in REVIEW_LITIGATION.rows:
        group = f"{row.group}·{row.label}" if row.group else row.label

        def ref(column: str, row_code: str = row.code) -> CellRef:
            return CellRef("review_litigation", row_code, column)

        relations.append(
            Relation(
                GROUP_TOTAL,
                Severity.ERROR,
                f"group {row.code}",
                group,
                (table_operand(report, ref("total"), "total"),),
                tuple(table_operand(report, ref(c), c) for c in REVIEW_PARTS),
                source=report.source,
            )
        )
    return relations


class GroupTotalRule(RelationRule):
    """总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 for each group of table 4."""

    code: ClassVar[str] = GROUP_TOTAL
    description: ClassVar[str] = "total = upheld + corrected + other + pending, per group"

    def relations(self, report: AnnualReport) -> list[Relation]:
        return review_relations(report)
