"""Write a govinfo_report annual report as Markdown: the prose, then each table as pipe tables.

This whole plugin is the template for a third-party format: a
:class:`~govinfo_report.plugins.Writer` subclass plus one entry point in
``pyproject.toml``.  Copy it, rename it, change :meth:`MarkdownWriter.write`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO, ClassVar

from govinfo_report import AnnualReport, Cell, Missing, Table
from govinfo_report.layout import SECTIONS, TABLE_CODES
from govinfo_report.plugins import Writer
from govinfo_report.values import format_value

__all__ = ["MarkdownWriter"]

#: How a missing cell is shown; the kinds stay distinguishable in the output.
MISSING_TEXT = {Missing.BLANK: "", Missing.NOT_APPLICABLE: "/", Missing.UNREADABLE: "?", Missing.ABSENT: "—"}


def _escape(text: str) -> str:
    """Text safe inside a pipe-table cell (one line, no column separators)."""
    return " ".join(text.split()).replace("|", "\\|")


def _cell(cell: Cell) -> str:
    return format_value(cell.value) if cell.missing is None else MISSING_TEXT[cell.missing]


def _table_lines(table: Table) -> Iterator[str]:
    """Pipe tables for *table*: a new one starts wherever the rows' columns change (table 2)."""
    spec = table.spec
    columns: tuple[str, ...] = ()
    for code in table.row_codes:
        row = spec.row(code)
        if tuple(c.code for c in row.columns) != columns:
            columns = tuple(c.code for c in row.columns)
            yield ""
            yield "| | " + " | ".join(_escape(c.label) for c in row.columns) + " |"
            yield "|---" * (len(columns) + 1) + "|"
        # Sub-headings (（三）不予公开) and articles (第二十条第（一）项) stay with their rows.
        label = f"{row.group} {row.label}" if row.group.startswith(("（", "第")) else row.label
        yield f"| {_escape(label)} | " + " | ".join(_escape(_cell(table[code, c])) for c in columns) + " |"


def report_lines(report: AnnualReport) -> Iterator[str]:
    """The Markdown document of *report*, line by line."""
    yield f"# {_escape(report.title) or 'Annual report'}"
    yield ""
    yield f"Agency: {report.agency or '?'} · year: {report.year or '?'} · edition: {report.edition}"
    if report.sections.preamble:
        yield ""
        yield report.sections.preamble
    for number, (code, heading) in zip("一二三四五六", SECTIONS, strict=False):
        yield ""
        yield f"## {number}、{heading}"
        table = report.table(code) if code in TABLE_CODES else None
        if table is not None:
            yield from _table_lines(table)
        elif hasattr(report.sections, code):
            yield ""
            # One Markdown paragraph per line of the section.
            yield (getattr(report.sections, code) or "(none)").replace("\n", "\n\n")
        else:
            yield ""
            yield "(this report has no such table)"


class MarkdownWriter(Writer):
    """Writes a report as UTF-8 Markdown (no options)."""

    name: ClassVar[str] = "markdown"
    suffixes: ClassVar[tuple[str, ...]] = (".md", ".markdown")

    def write(self, report: AnnualReport, stream: BinaryIO, **options: Any) -> None:
        if options:  # the Writer contract: unknown options raise TypeError
            raise TypeError(f"the markdown writer takes no options, got: {', '.join(sorted(options))}")
        stream.write(("\n".join(report_lines(report)) + "\n").encode("utf-8"))
