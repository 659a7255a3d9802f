"""``.. govinfo-example-finding:: RULE`` — a rule's finding on a real example report, made at build time.

The directive reads one of the repository's example reports, changes what
its options say (cells, year, prose; for a series rule, a second copy a
number of years later), runs the one rule, and shows the findings exactly as
the library prints them.  A rule that finds nothing fails the build, and so
does a rule that is installed but has no example anywhere in the docs:
the rules page cannot go stale.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata

import govinfo_report as gr
from govinfo_report import registry
from govinfo_report.model import AnnualReport, Cell, Missing

__all__ = ["ExampleFindingDirective", "apply_changes", "format_finding"]

logger = logging.getLogger(__name__)
_ENV_KEY = "govinfo_example_rules"


def _value(text: str) -> Cell:
    text = text.strip()
    if text in ("", "blank"):
        return Cell(missing=Missing.BLANK, text="")
    if text == "/":
        return Cell(missing=Missing.NOT_APPLICABLE, text="/")
    return Cell(Decimal(text) if "." in text else int(text), text=text)


def apply_changes(report: AnnualReport, changes: str) -> tuple[AnnualReport, list[str]]:
    """*report* with ``ref=value`` changes (``;``-separated) applied, and a description of each."""
    said: list[str] = []
    for change in filter(None, (c.strip() for c in changes.split(";"))):
        ref_text, _, value_text = change.partition("=")
        ref = gr.CellRef.parse(ref_text.strip())
        table = report.table(ref.table)
        if table is None:
            raise ValueError(f"the report has no table {ref.table}")
        old = table[ref.row, ref.column]
        new = _value(value_text)
        replaced: dict[str, Any] = {ref.table: table.replace(ref.row, ref.column, new)}
        report = attrs.evolve(report, **replaced)
        before = "blank" if old.value is None else str(old.value)
        after = "blank" if new.value is None else str(new.value)
        said.append(f"``{ref}`` from {before} to {after}")
    return report, said


def format_finding(finding: gr.Finding) -> str:
    """A finding as ``govinfo-report check`` prints it."""
    line = f"{finding.severity}: [{finding.rule}] {finding.message}"
    if finding.cells:
        line += " [" + ", ".join(str(c) for c in finding.cells) + "]"
    if finding.suggestion:
        line += f" — {finding.suggestion}"
    if finding.message_zh:
        line += f"\n    {finding.message_zh}"
    return line


class ExampleFindingDirective(SphinxDirective):
    """Show what *rule* reports about an example report changed as the options say."""

    required_arguments = 1
    option_spec = {  # noqa: RUF012
        "report": directives.unchanged_required,
        "set": directives.unchanged,
        "year": directives.nonnegative_int,
        "overview": directives.unchanged,
        "next-year": directives.nonnegative_int,
        "next-set": directives.unchanged,
        "missing-as-zero": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        code = self.arguments[0]
        _shown(self.env).setdefault(self.env.docname, set()).add(code)
        root = Path(self.env.srcdir).parent
        path = self.options.get("report", "examples/reports/yanzhou_2020.txt")
        self.env.note_dependency(str(root / path))
        try:
            rule = registry.rule(code)
            # Named as the page names it, not by this machine's absolute path.
            report = attrs.evolve(gr.read(root / path), source=path)
            report, said = apply_changes(report, self.options.get("set", ""))
            if "year" in self.options:
                said.append(f"the year from {report.year} to {self.options['year']}")
                report = attrs.evolve(report, year=self.options["year"])
            if "overview" in self.options:
                said.append(f"the overview to “{self.options['overview']}”")
                report = attrs.evolve(report, sections=attrs.evolve(report.sections, overview=self.options["overview"]))
            zero = "missing-as-zero" in self.options
            if "next-year" in self.options:
                later, later_said = apply_changes(report, self.options.get("next-set", ""))
                later = attrs.evolve(later, year=(report.year or 0) + self.options["next-year"])
                said.append(f"a copy for {later.year}" + (" with " + ", ".join(later_said) if later_said else ""))
                findings = gr.validate_series([report, later], [rule], missing_as_zero=zero)
            else:
                findings = gr.validate(report, [rule], missing_as_zero=zero, include_reader_findings=False)
        except (gr.ReportError, ValueError, KeyError) as exc:
            raise self.error(f"example for {code} could not be made: {exc}") from exc
        if not findings:
            raise self.error(f"rule {code} finds nothing in its example; change the example")
        intro = f"Reading ``{path}``" + (" and changing " + ", ".join(said) if said else "") + " gives:"
        if zero:
            intro = intro[:-1] + " (with ``missing_as_zero=True``):"
        para = nodes.paragraph()
        self.state.nested_parse(self._lines([intro]), self.content_offset, para)
        text = "\n".join(format_finding(f) for f in findings)
        block = nodes.literal_block(text, text)
        return [*para.children, block]

    def _lines(self, lines: list[str]) -> StringList:
        return StringList(lines, source=self.get_source_info()[0] or "<govinfo_findings>")


def _shown(env: BuildEnvironment) -> dict[str, set[str]]:
    """Rule codes with an example, by the document showing them (kept in the build environment)."""
    if not hasattr(env, _ENV_KEY):
        setattr(env, _ENV_KEY, {})
    shown: dict[str, set[str]] = getattr(env, _ENV_KEY)
    return shown


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _shown(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: list[str], other: BuildEnvironment) -> None:
    _shown(env).update(_shown(other))


def _check_every_rule_has_an_example(app: Sphinx, env: BuildEnvironment) -> None:
    shown = set().union(*_shown(env).values())
    for code in registry.rule_codes():
        if code not in shown:
            logger.warning("rule %s has no govinfo-example-finding in the docs", code, type="govinfo", subtype="rules")


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("govinfo-example-finding", ExampleFindingDirective)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-check-consistency", _check_every_rule_has_an_example)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
