"""Reports for the rule tests, built from what a person read in the seed documents.

``seed_report("002")`` is seed 002 exactly as :mod:`expected_values` records
it (every cell not listed there is 0; listed blank cells are missing), so a
rule test can start from a real report and change one cell by hand.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from expected_values import EXPECTED
from govinfo_report import AnnualReport, Cell, CellRef, Finding, Location, Missing, Sections, Table
from govinfo_report.layout import TABLE_CODES, Edition, table_spec


def seed_report(key: str, *, sections: Sections | None = None, year: int | None = None) -> AnnualReport:
    """Seed *key*'s report as a person reads it; each cell located at its table/row/column."""
    exp = EXPECTED[key]
    edition = Edition(exp.edition)
    tables: dict[str, Table | None] = {}
    for index, code in enumerate(TABLE_CODES):
        if code not in exp.tables:
            tables[code] = None
            continue
        cells: dict[tuple[str, str], Cell] = {}
        for r, (row, col) in enumerate(table_spec(edition, code).cells()):
            ref = f"{code}.{row.code}.{col.code}"
            where = Location(source=exp.document, table=index, row=r, column=0)
            if ref in exp.missing:
                cells[row.code, col.code] = Cell(missing=Missing.BLANK, location=where)
            else:
                value = exp.nonzero.get(ref, 0)
                cells[row.code, col.code] = Cell(value, text=str(value), location=where)
        tables[code] = Table.build(code, edition, cells)
    return AnnualReport(
        edition=edition,
        year=exp.year if year is None else year,
        agency=exp.agency,
        title=exp.title,
        sections=sections or Sections(),
        active_disclosure=tables["active_disclosure"],
        requests=tables["requests"],
        review_litigation=tables["review_litigation"],
        source=exp.document,
    )


def with_cell(report: AnnualReport, ref: str, value: int | Decimal | Missing) -> AnnualReport:
    """A copy of *report* with cell *ref* set to *value* (or made missing for a reason)."""
    where = CellRef.parse(ref)
    table = report.table(where.table)
    assert table is not None
    old = table[where.row, where.column]
    if isinstance(value, Missing):
        cell = Cell(missing=value, location=old.location)
    else:
        cell = Cell(value, text=str(value), location=old.location)
    return attrs.evolve(report, **{where.table: table.replace(where.row, where.column, cell)})


def codes(findings: list[Finding]) -> list[str]:
    """The rule codes of *findings*, in order."""
    return [f.rule for f in findings]


def single_other_handling(report: AnnualReport) -> AnnualReport:
    """*report* (edition 2021) as printed by reports that keep （六）其他处理 as one row.

    The three sub-rows are dropped (absent) and ``other_handling`` holds their sum per column.
    """
    table = report.requests
    assert table is not None
    subrows = ("other_no_correction", "other_fee_unpaid", "other_misc")
    cells = {k: c for k, c in table.cells.items() if k[0] not in subrows}
    for col in table.spec.row("other_handling").columns:
        parts = [table.value(row, col.code) for row in subrows]
        cells["other_handling", col.code] = Cell(sum(p for p in parts if isinstance(p, int)))
    return attrs.evolve(report, requests=Table.build("requests", table.edition, cells))
