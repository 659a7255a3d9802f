"""The cost of *returning* a report, with every decision already made.

A reader's result is an :class:`~govinfo_report.AnnualReport` whose ~200
cells each carry a parsed value, the printed text and a location.  Whatever
a pure-Python reader decides, it at least parses every cell's text and
makes those objects.  :func:`replay` does only that: given a report read
once beforehand, it returns a function that parses the same texts with
the same value kinds and builds an equal report, with no label matching,
no placement and no findings to work out.  Added to the "parse + visit"
floor it gives the least a pure-Python reader of this library's model can
cost; the benchmarks quote it beside the targets.
"""

from __future__ import annotations

from collections.abc import Callable

from govinfo_report import AnnualReport
from govinfo_report.document import Location
from govinfo_report.layout import ValueKind
from govinfo_report.model import Cell, Missing, Table
from govinfo_report.values import parse_cell

__all__ = ["replay"]

_Plan = list[tuple[str, list[tuple[tuple[str, str], str, ValueKind, Location | None]]]]


def replay(report: AnnualReport) -> Callable[[], AnnualReport]:
    """A function that rebuilds *report* from its cells' printed texts alone."""
    plan: _Plan = []
    for table in report.tables():
        code = table.code
        kinds = {(row.code, col.code): col.kind for row, col in table.spec.cells(optional=True)}
        # The cells the source printed (blank ones too); the layout's cells it lacks have no location.
        cells = [(key, cell) for key, cell in table.cells.items() if cell.location is not None]
        printed = [(key, cell.text, kinds[key], cell.location) for key, cell in cells]
        plan.append((code, printed))
    edition = report.edition

    def run() -> AnnualReport:
        tables: dict[str, Table] = {}
        for code, printed in plan:
            cells: dict[tuple[str, str], Cell] = {}
            for key, text, kind, location in printed:
                parsed = parse_cell(text, kind)
                if parsed.value is not None:
                    cells[key] = Cell(parsed.value, None, text, location)
                else:
                    cells[key] = Cell(missing=parsed.missing or Missing.UNREADABLE, text=text, location=location)
            tables[code] = Table.build(code, edition, cells)
        return AnnualReport(
            edition=edition,
            year=report.year,
            agency=report.agency,
            title=report.title,
            sections=report.sections,
            active_disclosure=tables.get("active_disclosure"),
            requests=tables.get("requests"),
            review_litigation=tables.get("review_litigation"),
            source=report.source,
            findings=report.findings,
        )

    return run
