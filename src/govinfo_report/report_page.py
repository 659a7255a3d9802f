"""The page ``govinfo-report check --html OUT.html`` writes: each report's tables with its findings.

One HTML file, one section per report (a new printed page each).  Each
table is drawn in the template's own layout (:mod:`govinfo_report.template_grid`);
every cell a finding names is highlighted (red for errors, amber for
warnings, dashed for missing cells) and carries the numbers of its
findings, which are listed beside the table with the rule, both messages,
the cells, the values seen and expected, the suggestion and each cell's
place in the source.  Findings that name no cell (template, gaps) are
listed above the tables.

Everything from the reports is escaped; the page loads nothing from the
network (no scripts, fonts or images), so it opens offline.
"""

from __future__ import annotations

import html
import os
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from .findings import CellRef, Finding, Severity
from .layout import SECTIONS, TABLE_CODES
from .model import AnnualReport, Cell, Table, Value
from .template_grid import template_rows
from .values import format_value

__all__ = ["render_check_page", "write_check_page"]

_SECTION_NO = "一二三四五六"
#: A finding lists its cells and source places one by one up to these counts.
_LIST_CELLS = 8
_LIST_PLACES = 4
_TITLES = {code: f"{_SECTION_NO[i]}、{title}" for i, (code, title) in enumerate(SECTIONS)}

_CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
       margin: 1.5em; color: #222; }
section.report { page-break-before: always; margin-bottom: 3em; }
section.report:first-of-type { page-break-before: auto; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 1.5em; }
.summary { margin: .3em 0 1em; color: #444; }
.layout { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
.layout > .grid { flex: 0 0 auto; max-width: 100%; overflow-x: auto; }
.layout > aside { flex: 1 1 26em; min-width: 22em; max-width: 60em; }
table.tpl { border-collapse: collapse; font-size: 13px; }
table.tpl td, table.tpl th { border: 1px solid #555; padding: 3px 6px; text-align: center; }
table.tpl th { background: #f2f2f2; font-weight: normal; }
table.tpl td.label { text-align: left; }
table.tpl td.value { min-width: 2.5em; font-variant-numeric: tabular-nums; }
td.error { background: #ffd6d6; outline: 2px solid #c00; outline-offset: -2px; }
td.warning { background: #fff1c2; outline: 2px solid #c80; outline-offset: -2px; }
td.suggested { outline-width: 4px; font-weight: bold; }
td.missing { color: #888; outline: 1px dashed #888; outline-offset: -3px; }
td sup a { color: #c00; text-decoration: none; font-size: 10px; margin-left: 2px; }
ol.findings { margin: 0; padding-left: 1.6em; font-size: 13px; }
ol.findings li { margin-bottom: .7em; }
.sev { display: inline-block; padding: 0 .4em; border-radius: 3px; color: #fff; font-size: 11px; }
.sev.error { background: #c00; } .sev.warning { background: #c80; } .sev.info { background: #468; }
code { font-size: 12px; }
.detail { color: #444; font-size: 12px; }
.ok { color: #262; }
"""


def write_check_page(
    path: str | os.PathLike[str],
    reports: Sequence[AnnualReport],
    findings_per_report: Sequence[Sequence[Finding]],
    *,
    series: Sequence[Finding] = (),
) -> None:
    """Write the page for *reports*, each with its findings (parallel sequences), to *path* (UTF-8).

    *series* findings (:func:`~govinfo_report.validate_series`) are listed in a last section.
    """
    Path(path).write_text(render_check_page(reports, findings_per_report, series=series), encoding="utf-8")


def render_check_page(
    reports: Sequence[AnnualReport], findings_per_report: Sequence[Sequence[Finding]], *, series: Sequence[Finding] = ()
) -> str:
    """The page as a string (see :func:`write_check_page`)."""
    if len(reports) != len(findings_per_report):
        raise ValueError("one list of findings per report is needed")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        "<title>govinfo-report check</title>",
        f"<style>{_CSS}</style></head><body>",
    ]
    for index, (report, found) in enumerate(zip(reports, findings_per_report, strict=True)):
        parts.append(_report_section(index, report, list(found)))
    if series:
        ordered = sorted(series)
        parts.append('<section class="report" id="series"><h1>Across years — 跨年度比对</h1>')
        parts.append(_finding_list("series", ordered, {id(f): n for n, f in enumerate(ordered, 1)}))
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _report_section(index: int, report: AnnualReport, found: list[Finding]) -> str:
    ordered = sorted(found)
    number = {id(f): n for n, f in enumerate(ordered, 1)}
    anchor = f"r{index}"
    errors = sum(f.severity is Severity.ERROR for f in ordered)
    warnings = sum(f.severity is Severity.WARNING for f in ordered)
    out = [f'<section class="report" id="{anchor}">']
    out.append(f"<h1>{_e(report.title or report.agency)}</h1>")
    meta = [f"{report.agency}", f"{report.year if report.year is not None else '年度不明'}", f"{report.edition}版格式"]
    if report.source:
        meta.append(report.source)
    out.append(f'<p class="summary">{_e(" · ".join(meta))}<br>')
    if errors or warnings:
        out.append(f"{errors} error(s), {warnings} warning(s) — {errors}个错误，{warnings}个警告</p>")
    else:
        out.append('<span class="ok">no error or warning — 未发现错误或警告</span></p>')
    general = [f for f in ordered if not f.cells]
    if general:
        out.append(_finding_list(anchor, general, number))
    by_table: dict[str, list[Finding]] = defaultdict(list)
    for f in ordered:
        for table_code in dict.fromkeys(c.table for c in f.cells):
            by_table[table_code].append(f)
    for code in TABLE_CODES:
        out.append(f"<h2>{_e(_TITLES[code])}</h2>")
        table = report.table(code)
        if table is None:
            out.append("<p>the report has no such table — 报告中没有此表</p>")
            continue
        out.append('<div class="layout"><div class="grid">')
        out.append(_table(anchor, table, by_table.get(code, []), number))
        out.append("</div><aside>")
        if by_table.get(code):
            out.append(_finding_list(anchor, by_table[code], number))
        else:
            out.append('<p class="ok">no finding — 无</p>')
        out.append("</aside></div>")
    out.append("</section>")
    return "\n".join(out)


def _table(anchor: str, table: Table, found: list[Finding], number: dict[int, int]) -> str:
    marks: dict[CellRef, list[Finding]] = defaultdict(list)
    for f in found:
        for ref in f.cells:
            marks[ref].append(f)
    rows = template_rows(table.edition, table.code, table.row_codes)
    out = [f'<table class="tpl" data-table="{_e(table.code)}">']
    for row in rows:
        out.append("<tr>")
        for tc in row:
            if tc.cell is None:
                out.append(tc.html_label())
                continue
            cell = table[tc.cell.row, tc.cell.column]
            out.append(_value_cell(anchor, tc.cell, cell, marks[tc.cell], number, tc.html_spans()))
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def _value_cell(anchor: str, ref: CellRef, cell: Cell, found: list[Finding], number: dict[int, int], span: str) -> str:
    classes = ["value"]
    if cell.is_missing:
        classes.append("missing")
        shown = cell.text.strip() or "\u3000"
    else:
        shown = format_value(cell.value)
    severities = {f.severity for f in found if f.rule != "cells.missing"}
    if Severity.ERROR in severities:
        classes.append("error")
    elif Severity.WARNING in severities:
        classes.append("warning")
    if any(f.suggestion and f"[{ref}]" in f.suggestion for f in found):
        classes.append("suggested")
    title = " | ".join(f"[{f.rule}] {f.message_zh or f.message}" for f in found)
    links = "".join(f'<a href="#{anchor}-f{number[id(f)]}">{number[id(f)]}</a>' for f in found)
    sup = f"<sup>{links}</sup>" if links else ""
    title_attr = f' title="{_e(title)}"' if title else ""
    return (
        f'<td{span} class="{" ".join(classes)}" data-cell="{_e(ref)}" id="{anchor}-{_e(ref)}"{title_attr}>'
        f"{_e(shown)}{sup}</td>"
    )


def _finding_list(anchor: str, found: list[Finding], number: dict[int, int]) -> str:
    out = ['<ol class="findings">']
    for f in found:
        n = number[id(f)]
        out.append(f'<li value="{n}" id="{anchor}-f{n}" data-rule="{_e(f.rule)}">')
        out.append(f'<span class="sev {f.severity.value}">{_e(f.severity)}</span> <code>{_e(f.rule)}</code><br>')
        if f.message_zh:
            out.append(f"{_e(f.message_zh)}<br>")
        out.append(f'<span class="detail">{_e(f.message)}</span>')
        details = []
        if f.cells and len(f.cells) <= _LIST_CELLS:
            cells = ", ".join(
                f"{ref} = {'missing' if value is None else format_value(value)}"
                for ref, value in zip(f.cells, _padded(f.values, len(f.cells)), strict=True)
            )
            details.append(f"cells: {cells}")
        elif f.cells:
            details.append(f"{len(f.cells)} cells, highlighted in the table")
        if f.expected is not None and f.cells:
            details.append(f"expected {f.cells[0]} = {format_value(f.expected)}")
        places = list(dict.fromkeys(str(loc) for loc in f.locations if loc is not None))
        if places:
            more = f" … ({len(places) - _LIST_PLACES} more)" if len(places) > _LIST_PLACES else ""
            details.append("source: " + "; ".join(places[:_LIST_PLACES]) + more)
        if f.missing_as_zero:
            details.append("missing cells counted as 0")
        if details:
            out.append(f'<br><span class="detail">{_e(" · ".join(details))}</span>')
        if f.suggestion:
            out.append(f'<br><span class="detail">suggestion (not applied): {_e(f.suggestion)}</span>')
        out.append("</li>")
    out.append("</ol>")
    return "".join(out)


def _padded(values: tuple[Value, ...], n: int) -> list[Value]:
    return [*values[:n], *([None] * (n - len(values)))]
