"""Helpers shared by the HTML tests: reports built from what a person reads in the seeds, and pages."""

from __future__ import annotations

import io

from expected_values import Expected
from govinfo_report.io.html import HtmlWriter
from govinfo_report.layout import LAYOUTS, Edition
from govinfo_report.model import AnnualReport, Cell, Missing, Sections, Table


def report_from(expected: Expected, **changes: Cell) -> AnnualReport:
    """The report a person reads in a seed: listed cells, blanks, every other cell 0."""
    edition = Edition(expected.edition)
    tables: dict[str, Table] = {}
    for code, spec in LAYOUTS[edition].items():
        cells: dict[tuple[str, str], Cell] = {}
        for row, col in spec.cells():
            key = f"{code}.{row.code}.{col.code}"
            if key in changes:
                cells[row.code, col.code] = changes[key]
            elif key in expected.missing:
                cells[row.code, col.code] = Cell(missing=Missing.BLANK)
            else:
                cells[row.code, col.code] = Cell(expected.nonzero.get(key, 0))
        tables[code] = Table.build(code, edition, cells)
    sections = Sections(
        preamble="本报告根据条例编制。",
        overview="一是加强组织领导。\n二是完善制度。",
        problems="问题。",
        other_matters="无",
    )
    return AnnualReport(
        edition,
        expected.year,
        expected.agency,
        expected.title,
        sections,
        active_disclosure=tables["active_disclosure"],
        requests=tables["requests"],
        review_litigation=tables["review_litigation"],
    )


def write(report: AnnualReport) -> bytes:
    stream = io.BytesIO()
    HtmlWriter().write(report, stream)
    return stream.getvalue()
