"""Sphinx directives that render the docs' reference tables from the code itself.

The layout tables (editions, sections, rows, columns, value kinds, reasons a
cell is missing), the installed formats and rules, and the command line's
options are produced here from :mod:`govinfo_report.layout`, the registry and
:func:`govinfo_report.cli.build_parser`, so the documentation cannot drift
from the code (nor, through the layout's tests, from the spec).

Each directive generates reStructuredText (mostly ``list-table``) and parses
it in place, so the output is ordinary docutils nodes.
"""

from __future__ import annotations

import argparse
import enum
import importlib
from collections.abc import Iterable, Sequence

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles
from sphinx.util.typing import ExtensionMetadata

from govinfo_report import registry
from govinfo_report.cli import build_parser
from govinfo_report.layout import LAYOUTS, SECTIONS, TABLE_CODES, ColumnSpec, Edition, RowSpec, ValueKind

_NUMERALS = "一二三四五六七八九十"
_SPECIAL = str.maketrans({c: "\\" + c for c in "\\*`|_<>[]"})


def esc(text: str) -> str:
    """*text* as literal reST inline text (markup characters escaped)."""
    return text.translate(_SPECIAL)


def code(text: str) -> str:
    """*text* as an inline literal."""
    return f"``{text}``" if text else ""


def list_table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, title: str = "") -> list[str]:
    """A ``list-table`` whose cells are already reST inline markup."""
    out = [f".. list-table:: {title}".rstrip(), "   :header-rows: 1", ""]
    for row in (headers, *rows):
        for i, cell in enumerate(row):
            lead = "   * - " if i == 0 else "     - "
            out.append(lead + (cell or "\\ "))
    out.append("")
    return out


def attr_docs(module: str) -> dict[tuple[str, str], str]:
    """The ``#:`` comments of *module*'s attributes, joined into one line each."""
    found = ModuleAnalyzer.for_module(module).find_attr_docs()
    return {key: " ".join(line for line in lines if line).strip() for key, lines in found.items()}


class _Generated(SphinxDirective):
    """A directive whose content is reST produced by :meth:`lines`."""

    def lines(self) -> list[str]:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        container = nodes.container()
        source = self.get_source_info()[0] or "<govinfo_docs>"
        # With titles: the CLI reference makes one section per sub-command.
        nested_parse_with_titles(self.state, StringList(self.lines(), source=source), container, self.content_offset)
        return list(container.children)


class EditionsDirective(_Generated):
    """``.. govinfo-editions::`` — the two editions of the template."""

    def lines(self) -> list[str]:
        docs = attr_docs("govinfo_report.layout")
        rows = [[code(e.value), code(f"Edition.{e.name}"), esc(docs.get(("Edition", e.name), ""))] for e in Edition]
        return list_table(["edition", "Python", "set by, used for"], rows)


class SectionsDirective(_Generated):
    """``.. govinfo-sections::`` — the six sections, their codes and which hold a table."""

    def lines(self) -> list[str]:
        rows = [
            [_NUMERALS[i], esc(heading), code(sec), "table" if sec in TABLE_CODES else "prose"]
            for i, (sec, heading) in enumerate(SECTIONS)
        ]
        return list_table(["#", "heading", "code", "content"], rows)


def _columns_text(columns: Sequence[ColumnSpec]) -> str:
    parts = []
    for col in columns:
        kind = "" if col.kind is ValueKind.COUNT else f" ({col.kind.value})"
        parts.append(f"{esc(col.label)} → {code(col.code)}{kind}")
    return "; ".join(parts)


def _editions_of(table: str) -> dict[tuple[str, tuple[ColumnSpec, ...]], list[tuple[Edition, RowSpec]]]:
    """Rows of *table* over both editions, in print order, keyed by (code, columns).

    A row alike in both editions appears once; a row only one edition has is
    placed after the row that precedes it in that edition.
    """
    merged: dict[tuple[str, tuple[ColumnSpec, ...]], list[tuple[Edition, RowSpec]]] = {}
    order: list[tuple[str, tuple[ColumnSpec, ...]]] = []
    for edition in Edition:
        previous = -1
        for row in LAYOUTS[edition][table].rows:
            key = (row.code, row.columns)
            if key not in merged:
                merged[key] = []
                order.insert(previous + 1, key)
            merged[key].append((edition, row))
            previous = order.index(key)
    return {key: merged[key] for key in order}


def _where(seen: list[tuple[Edition, RowSpec]]) -> str:
    """Which editions have a row, and where it is optional."""
    if len(seen) == len(Edition) and not any(r.optional for _e, r in seen):
        return "both"
    return "; ".join(e.value + (" (optional: only when printed)" if r.optional else "") for e, r in seen)


class RowsDirective(_Generated):
    """``.. govinfo-rows:: TABLE`` — a table's rows (``:edition:`` limits to one edition).

    Without ``:edition:``, rows identical in both editions appear once and an
    ``editions`` column says where each row exists.  ``:no-columns:`` leaves
    out the columns (for tables whose rows share them; see ``govinfo-columns``).
    """

    required_arguments = 1
    option_spec = {"edition": directives.unchanged, "no-columns": directives.flag}  # noqa: RUF012

    def lines(self) -> list[str]:
        table = self.arguments[0]
        if table not in TABLE_CODES:
            raise self.error(f"no table {table!r}; tables are {', '.join(TABLE_CODES)}")
        with_columns = "no-columns" not in self.options
        headers = ["group", "row label", "code"] + (["columns (label → code)"] if with_columns else [])
        rows: list[list[str]] = []
        if "edition" in self.options:
            edition = Edition(self.options["edition"])
            for row in LAYOUTS[edition][table].rows:
                note = " (optional)" if row.optional else ""
                cells = [esc(row.group), esc(row.label) + note, code(row.code)]
                rows.append(cells + ([_columns_text(row.columns)] if with_columns else []))
            return list_table(headers, rows)
        for (_code, columns), seen in _editions_of(table).items():
            row = seen[0][1]
            cells = [esc(row.group), esc(row.label), code(row.code)]
            rows.append(cells + ([_columns_text(columns)] if with_columns else []) + [_where(seen)])
        return list_table([*headers, "editions"], rows)


class ColumnsDirective(_Generated):
    """``.. govinfo-columns:: TABLE`` — the columns shared by every row of a table."""

    required_arguments = 1

    def lines(self) -> list[str]:
        table = self.arguments[0]
        columns = {row.columns for edition in Edition for row in LAYOUTS[edition][table].rows}
        if len(columns) != 1:
            raise self.error(f"the rows of {table!r} do not share their columns; use govinfo-rows")
        (shared,) = columns
        return list_table(
            ["column label", "code", "value"], [[esc(c.label), code(c.code), code(c.kind.value)] for c in shared]
        )


class EnumDirective(_Generated):
    """``.. govinfo-enum:: module.Class`` — an enum's values with their ``#:`` comments."""

    required_arguments = 1

    def lines(self) -> list[str]:
        module_name, _, class_name = self.arguments[0].rpartition(".")
        cls = getattr(importlib.import_module(module_name), class_name)
        if not (isinstance(cls, type) and issubclass(cls, enum.Enum)):
            raise self.error(f"{self.arguments[0]} is not an enum")
        docs = attr_docs(module_name)
        rows = [[code(str(m.value)), code(f"{class_name}.{m.name}"), docs.get((class_name, m.name), "")] for m in cls]
        return list_table(["value", "Python", "meaning"], rows)


class NotApplicableMarksDirective(_Generated):
    """``.. govinfo-na-marks::`` — the cell texts read as "not applicable"."""

    def lines(self) -> list[str]:
        from govinfo_report.values import NOT_APPLICABLE_MARKS

        marks = sorted(NOT_APPLICABLE_MARKS)
        return [", ".join(code(m) for m in marks), ""]


def _first_paragraph(text: str | None) -> str:
    if not text:
        return ""
    para = text.strip().split("\n\n", 1)[0]
    return " ".join(line.strip() for line in para.splitlines())


class RulesDirective(_Generated):
    """``.. govinfo-rules::`` — every installed rule: code, scope, what must hold, and its distribution."""

    def lines(self) -> list[str]:
        rows = []
        for rule in registry.rules():
            what = esc(rule.description or _first_paragraph(type(rule).__doc__))
            rows.append([code(rule.code), rule.scope, what, self._distribution(rule.code)])
        if not rows:
            return ["No rule is installed in the environment that built these pages.", ""]
        return list_table(["code", "scope", "what must hold", "provided by"], rows)

    @staticmethod
    def _distribution(rule_code: str) -> str:
        ep = registry._entry_points(registry.RULES).get(rule_code)
        return esc(registry._dist(ep)[0]) if ep is not None else ""


class ReaderFindingsDirective(_Generated):
    """``.. govinfo-reader-findings::`` — every ``reader.*`` finding: code, severity and meaning."""

    def lines(self) -> list[str]:
        from govinfo_report.findings import READER_FINDINGS

        rows = [[code(rule), str(f.severity), esc(f.meaning)] for rule, f in READER_FINDINGS.items()]
        return list_table(["code", "severity", "what was noticed, and what the reader did"], rows)


class FormatsDirective(_Generated):
    """``.. govinfo-formats::`` — the installed formats, their suffixes and distributions."""

    def lines(self) -> list[str]:
        rows = []
        for info in registry.formats():
            suffixes: set[str] = set()
            for can, load in ((info.can_read, registry.reader), (info.can_write, registry.writer)):
                if can:
                    try:
                        suffixes.update(load(info.name).suffixes)
                    except Exception:  # a format whose module is broken still gets listed
                        continue
            rows.append(
                [
                    code(info.name),
                    "yes" if info.can_read else "",
                    "yes" if info.can_write else "",
                    ", ".join(code(s) for s in sorted(suffixes)),
                    esc(info.distribution),
                ]
            )
        return list_table(["format", "read", "write", "suffixes", "distribution"], rows)


def _option_names(action: argparse.Action) -> str:
    if not action.option_strings:
        return code(action.metavar if isinstance(action.metavar, str) else action.dest)
    names = ", ".join(action.option_strings)
    if action.nargs == 0:
        return code(names)
    metavar = action.metavar if isinstance(action.metavar, str) else action.dest.upper()
    return code(f"{names} {metavar}")


def _action_help(action: argparse.Action) -> str:
    text = esc(action.help or "")
    if action.choices is not None:
        text += " (one of " + ", ".join(code(str(c)) for c in action.choices) + ")"
    if action.default not in (None, False, argparse.SUPPRESS) and action.option_strings:
        text += f" (default: {code(str(action.default))})"
    if action.nargs in ("+", "*"):
        text += " (one or more)" if action.nargs == "+" else " (any number)"
    return text


def _parser_lines(parser: argparse.ArgumentParser) -> list[str]:
    out = ["::", ""]
    out += ["   " + line for line in parser.format_usage().strip().splitlines()]
    out.append("")
    rows = []
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        rows.append([_option_names(action), _action_help(action)])
    if rows:
        out += list_table(["argument", "meaning"], rows)
    return out


class CliDirective(_Generated):
    """``.. govinfo-cli::`` — the command line, from :func:`govinfo_report.cli.build_parser`."""

    def lines(self) -> list[str]:
        parser = build_parser()
        out = [esc(parser.description or ""), ""]
        out += _parser_lines(parser)
        for action in parser._actions:
            if not isinstance(action, argparse._SubParsersAction):
                continue
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, sub in action.choices.items():
                title = f"{parser.prog} {name}"
                out += [title, "-" * (len(title) + 2), "", esc(helps.get(name, "")).capitalize() + ".", ""]
                out += _parser_lines(sub)
        return out


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("govinfo-editions", EditionsDirective)
    app.add_directive("govinfo-sections", SectionsDirective)
    app.add_directive("govinfo-rows", RowsDirective)
    app.add_directive("govinfo-columns", ColumnsDirective)
    app.add_directive("govinfo-enum", EnumDirective)
    app.add_directive("govinfo-na-marks", NotApplicableMarksDirective)
    app.add_directive("govinfo-rules", RulesDirective)
    app.add_directive("govinfo-reader-findings", ReaderFindingsDirective)
    app.add_directive("govinfo-formats", FormatsDirective)
    app.add_directive("govinfo-cli", CliDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
