"""Table 2 (主动公开政府信息情况): ``active_disclosure.published_le_total``.

Edition 2019 only: for 规章 and 规范性文件, 本年新公开数量 cannot exceed
对外公开总数量 (what was newly published is part of what is public).
"""

from __future__ import annotations

from typing import ClassVar

from ..findings import CellRef, Severity
from ..layout import Edition
from ..model import AnnualReport
from ._relations import Relation, RelationRule, table_operand

__all__ = ["PublishedLeTotalRule"]

_ROWS = ("regulations", "normative_documents")


class PublishedLeTotalRule(RelationRule):
    """published ≤ total_public (edition 2019)."""

    code: ClassVar[str] = "active_disclosure.published_le_total"
    description: ClassVar[str] = "edition 2019: published <= total_public"

    def relations(self, report: AnnualReport) -> list[Relation]:
        if report.edition is not Edition.E2019 or report.active_disclosure is None:
            return []
        spec = report.active_disclosure.spec
        out = []
        for row in _ROWS:

            def ref(column: str, row_code: str = row) -> CellRef:
                return CellRef("active_disclosure", row_code, column)

            out.append(
                Relation(
                    self.code,
                    Severity.WARNING,
                    f"row {row}",
                    f"{spec.row(row).label}行",
                    (table_operand(report, ref("published"), "published"),),
                    (table_operand(report, ref("total_public"), "total_public"),),
                    at_most=True,
                    source=report.source,
                )
            )
        return out
