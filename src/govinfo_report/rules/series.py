"""Rules across the reports of one agency, years in order.

:func:`govinfo_report.validate_series` groups reports by agency and orders
each group by year; these rules then compare each pair of *consecutive*
years only:

* ``series.carry_over`` — per column of table 3: this year's 二、上年结转 =
  last year's 四、结转下年度继续办理.  Table 3 has the same rows and columns in
  both editions, so the 2020 → 2021 pair is compared across the template
  change like any other.
* ``series.in_force`` — edition 2021, both years: 现行有效件数 = last year's
  现行有效件数 + this year's 本年制发件数 − 本年废止件数 (规章, 行政规范性文件).
* ``series.items`` — edition 2019, both years (2019 → 2020): 上一年项目数量 =
  last year's 上一年项目数量 + 本年增/减.  Table 2 changed completely in 2021,
  so neither table-2 rule spans the 2020 → 2021 change.
* ``series.gap`` — info: a missing year (2020 then 2022) breaks the chain;
  nothing is compared across it, since 2022's carried-over cases come from
  2021's report, not 2020's.  Also notes reports without a year and
  conflicting reports of one year, which are left out of the comparison.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise
from typing import ClassVar

from ..findings import CellRef, Finding, Severity
from ..layout import REQUEST_COLUMNS, Edition
from ..model import AnnualReport
from ..plugins import Rule, RuleOptions
from ._relations import Operand, Relation, evaluate, findings, table_operand

__all__ = ["CarryOverRule", "GapRule", "InForceRule", "ItemsRule", "consecutive_pairs"]


def _by_year(reports: list[AnnualReport]) -> dict[int, list[AnnualReport]]:
    years: dict[int, list[AnnualReport]] = defaultdict(list)
    for report in reports:
        if report.year is not None and report not in years[report.year]:
            years[report.year].append(report)
    return years


def consecutive_pairs(reports: list[AnnualReport]) -> list[tuple[AnnualReport, AnnualReport]]:
    """(last year, this year) for each pair of consecutive years with one report each.

    The same report given twice counts once; a year with two different
    reports is left out (``series.gap`` says so).
    """
    years = _by_year(reports)
    pairs = []
    for year in sorted(years):
        prev, cur = years.get(year - 1), years[year]
        if prev is not None and len(prev) == 1 and len(cur) == 1:
            pairs.append((prev[0], cur[0]))
    return pairs


def _note(prev: AnnualReport, cur: AnnualReport) -> tuple[str, str]:
    if prev.source and cur.source:
        return f"reports: {prev.source} → {cur.source}", f"报告：{prev.source} → {cur.source}"
    return "", ""


class _PairRule(Rule):
    scope: ClassVar[str] = "series"

    def pair_relations(self, prev: AnnualReport, cur: AnnualReport) -> list[Relation]:
        raise NotImplementedError

    def check_series(self, reports: list[AnnualReport], options: RuleOptions) -> list[Finding]:
        out = []
        for prev, cur in consecutive_pairs(reports):
            out.extend(findings([evaluate(r, options) for r in self.pair_relations(prev, cur)]))
        return out


class CarryOverRule(_PairRule):
    """This year's carried_over = last year's carried_forward, per column of table 3."""

    code: ClassVar[str] = "series.carry_over"
    description: ClassVar[str] = "consecutive years: carried_over = last year's carried_forward, per column"

    def pair_relations(self, prev: AnnualReport, cur: AnnualReport) -> list[Relation]:
        if prev.requests is None or cur.requests is None:
            return []
        note, note_zh = _note(prev, cur)
        p, c = str(prev.year), str(cur.year)
        return [
            Relation(
                self.code,
                Severity.WARNING,
                f"{p} → {c}, column {col.code}",
                f"{p}→{c}年，{col.label}列",
                (table_operand(cur, CellRef("requests", "carried_over", col.code), "carried_over", scope=c),),
                (table_operand(prev, CellRef("requests", "carried_forward", col.code), "carried_forward", scope=p),),
                note=note,
                note_zh=note_zh,
                source=cur.source,
            )
            for col in REQUEST_COLUMNS
        ]


class _Table2PairRule(_PairRule):
    """A relation per row of table 2 between two years of one edition.

    ``LEFT`` and ``RIGHT`` name the operands as ``(year, column)`` with year
    ``"prev"`` or ``"cur"``: the relation is sum(LEFT) = sum(RIGHT).
    """

    EDITION: ClassVar[Edition]
    ROWS: ClassVar[tuple[str, ...]]
    LEFT: ClassVar[tuple[tuple[str, str], ...]]
    RIGHT: ClassVar[tuple[tuple[str, str], ...]]

    def pair_relations(self, prev: AnnualReport, cur: AnnualReport) -> list[Relation]:
        if prev.edition is not self.EDITION or cur.edition is not self.EDITION:
            return []
        if prev.active_disclosure is None or cur.active_disclosure is None:
            return []
        note, note_zh = _note(prev, cur)
        years = {"prev": (prev, str(prev.year)), "cur": (cur, str(cur.year))}
        p, c = years["prev"][1], years["cur"][1]

        def operands(row: str, side: tuple[tuple[str, str], ...]) -> tuple[Operand, ...]:
            return tuple(
                table_operand(years[which][0], CellRef("active_disclosure", row, col), col, scope=years[which][1])
                for which, col in side
            )

        return [
            Relation(
                self.code,
                Severity.WARNING,
                f"{p} → {c}, row {row}",
                f"{p}→{c}年，{cur.active_disclosure.spec.row(row).label}",
                operands(row, self.LEFT),
                operands(row, self.RIGHT),
                note=note,
                note_zh=note_zh,
                source=cur.source,
            )
            for row in self.ROWS
        ]


class InForceRule(_Table2PairRule):
    """in_force = last year's in_force + issued − repealed (edition 2021, both years)."""

    code: ClassVar[str] = "series.in_force"
    description: ClassVar[str] = "edition 2021, consecutive years: in_force = last year's in_force + issued - repealed"

    EDITION: ClassVar[Edition] = Edition.E2021
    ROWS: ClassVar[tuple[str, ...]] = ("regulations", "normative_documents")
    # in_force + repealed = last year's in_force + issued (no subtraction: operands are summed).
    LEFT: ClassVar[tuple[tuple[str, str], ...]] = (("cur", "in_force"), ("cur", "repealed"))
    RIGHT: ClassVar[tuple[tuple[str, str], ...]] = (("prev", "in_force"), ("cur", "issued"))


class ItemsRule(_Table2PairRule):
    """prev_items = last year's prev_items + change (edition 2019, both years)."""

    code: ClassVar[str] = "series.items"
    description: ClassVar[str] = "edition 2019, consecutive years: prev_items = last year's prev_items + change"

    EDITION: ClassVar[Edition] = Edition.E2019
    ROWS: ClassVar[tuple[str, ...]] = ("licensing", "other_services", "penalty", "coercion", "fees")
    LEFT: ClassVar[tuple[tuple[str, str], ...]] = (("cur", "prev_items"),)
    RIGHT: ClassVar[tuple[tuple[str, str], ...]] = (("prev", "prev_items"), ("prev", "change"))


class GapRule(Rule):
    """Info: where the chain of years breaks, so the other series rules compare nothing."""

    code: ClassVar[str] = "series.gap"
    scope: ClassVar[str] = "series"
    description: ClassVar[str] = "a missing year, an unknown year or two different reports of one year"

    def check_series(self, reports: list[AnnualReport], options: RuleOptions) -> list[Finding]:
        out = []
        for report in reports:
            if report.year is None:
                out.append(
                    self._info(
                        f"{report.agency}: the year of the report is unknown; left out of the comparison across years",
                        f"{report.agency}：报告年度不明，未参与跨年度比对",
                        report.source,
                    )
                )
        years = _by_year(reports)
        ordered = sorted(years)
        for year in ordered:
            if len(years[year]) > 1:
                sources = ", ".join(str(r.source) for r in years[year])
                out.append(
                    self._info(
                        f"{reports[0].agency}: {len(years[year])} different reports of {year} ({sources}); "
                        f"{year} is not compared with its neighbours",
                        f"{reports[0].agency}：{year}年有{len(years[year])}份不同的报告，未与相邻年度比对",
                        years[year][0].source,
                    )
                )
        for before, after in pairwise(ordered):
            if after - before > 1:
                missing = ", ".join(str(y) for y in range(before + 1, after))
                out.append(
                    self._info(
                        f"{reports[0].agency}: no report of {missing} between {before} and {after}; "
                        f"{after} is not compared with {before} (its carried-over cases come from {after - 1})",
                        f"{reports[0].agency}：缺少{missing}年度报告，{before}年与{after}年之间未作比对",
                        years[after][0].source,
                    )
                )
        return out

    def _info(self, message: str, message_zh: str, source: str | None) -> Finding:
        return Finding(rule=self.code, severity=Severity.INFO, message=message, message_zh=message_zh, source=source)
