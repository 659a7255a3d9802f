"""An :class:`~govinfo_report.AnnualReport` → a standalone HTML5 page.

The page (UTF-8, ``lang="zh-CN"``, no external resources) prints the title,
the preamble, and the six sections under their official headings, with the
three tables laid out as the template draws them (merged cells from
:mod:`govinfo_report.template_grid` as ``rowspan``/``colspan``).  A print
stylesheet sets A4 pages and keeps table rows and headings from breaking.

The page reads back to an equal report with :class:`~.reader.HtmlReader`:
each value cell holds :func:`govinfo_report.values.cell_text` (a missing
cell its own not-applicable mark or unreadable text, a blank cell nothing,
an absent cell among printed ones :data:`~govinfo_report.values.ABSENT_MARK`),
and rows a report lacks entirely (every cell ``absent``) are left out, except
table 4's groups (see :func:`~govinfo_report.template_grid.rows_to_lay_out`).
"""

from __future__ import annotations

from html import escape
from typing import Any, BinaryIO

from ...layout import SECTIONS, TABLE_CODES
from ...model import AnnualReport, Table
from ...plugins import Writer
from ...template_grid import TemplateCell, rows_to_lay_out, template_rows
from ...values import cell_text

__all__ = ["HtmlWriter"]

_NUMERALS = "一二三四五六"

_STYLE = """\
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; font-size: 16px;
       line-height: 1.7; color: #000; background: #fff; max-width: 60em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; text-align: center; margin: 1em 0; }
h2 { font-size: 1.15em; margin: 1.4em 0 0.6em; }
p { text-indent: 2em; margin: 0.3em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1.2em; font-size: 0.85em; }
th, td { border: 1px solid #000; padding: 0.25em 0.4em; vertical-align: middle; }
th { font-weight: normal; text-align: center; background: #f2f2f2; }
td.label { text-align: left; }
td.value { text-align: center; font-variant-numeric: tabular-nums; min-width: 2.5em; }
table.requests th { min-width: 2.5em; }
@page { size: A4; margin: 2cm 1.8cm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  h1, h2 { page-break-after: avoid; break-after: avoid; }
  table { page-break-inside: auto; }
  tr, th, td { page-break-inside: avoid; break-inside: avoid; }
  th { background: none; }
}
"""


class HtmlWriter(Writer):
    """Writes a report as a standalone HTML5 page in the template's layout."""

    name = "html"
    suffixes = (".html", ".htm")

    def write(self, report: AnnualReport, stream: BinaryIO, **options: Any) -> None:
        if options:
            raise TypeError(f"unknown option(s) for the html writer: {', '.join(sorted(options))}")
        stream.write(render(report).encode("utf-8"))


def render(report: AnnualReport) -> str:
    """The page for *report* as text."""
    title = report.title or f"{report.agency}{report.year or ''}年政府信息公开工作年度报告"
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="govinfo_report (edition {report.edition})">',
        f"<title>{escape(title)}</title>",
        f"<style>\n{_STYLE}</style>",
        "</head>",
        "<body>",
        "<article>",
        f"<h1>{escape(title)}</h1>",
    ]
    out += _paragraphs(report.sections.preamble)
    for numeral, (code, heading) in zip(_NUMERALS, SECTIONS, strict=True):
        out.append(f'<h2 id="{code}">{numeral}、{escape(heading)}</h2>')
        if code in TABLE_CODES:
            table = report.table(code)
            if table is not None:
                out += _table(table)
        else:
            out += _paragraphs(getattr(report.sections, code))
    out += ["</article>", "</body>", "</html>", ""]
    return "\n".join(out)


def _paragraphs(text: str) -> list[str]:
    return [f"<p>{escape(line.strip())}</p>" for line in text.splitlines() if line.strip()]


def _table(table: Table) -> list[str]:
    out = [f'<table class="{table.code}">']
    for row in template_rows(table.edition, table.code, rows_to_lay_out(table)):
        out.append("<tr>" + "".join(_cell(table, c) for c in row) + "</tr>")
    out.append("</table>")
    return out


def _cell(table: Table, tc: TemplateCell) -> str:
    if tc.cell is None:
        return tc.html_label()
    ref = tc.cell
    text = cell_text(table[ref.row, ref.column], table.spec.row(ref.row).column(ref.column).kind)
    return f'<td{tc.html_spans()} class="value">{escape(text)}</td>'
