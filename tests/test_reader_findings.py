"""The table of reader findings (``READER_FINDINGS``) against the codes the library's source makes."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import govinfo_report
from govinfo_report.findings import READER_FINDINGS, Severity, reader_finding

SRC = Path(govinfo_report.__file__).resolve().parent


def _codes_in_source() -> dict[str, list[str]]:
    """Every ``"reader.…"`` string literal in the package's source, and where it is."""
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("reader."):
                found.setdefault(node.value, []).append(f"{path.relative_to(SRC)}:{node.lineno}")
    return found


def test_every_code_the_source_makes_is_in_the_table_and_every_entry_is_made() -> None:
    made = _codes_in_source()
    assert set(made) - set(READER_FINDINGS) == set(), "codes made but not in READER_FINDINGS"
    assert set(READER_FINDINGS) - set(made) == set(), "READER_FINDINGS entries no reader makes"


def test_no_reader_finding_is_made_around_the_table() -> None:
    # Severity comes from the table only when a finding is made through reader_finding().
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Finding":
                rules = [*node.args[:1], *(k.value for k in node.keywords if k.arg == "rule")]
                assert not any(
                    isinstance(rule, ast.Constant) and str(rule.value).startswith("reader.") for rule in rules
                ), f"{path.relative_to(SRC)}:{node.lineno} makes a reader finding without reader_finding()"


def test_reader_finding_takes_the_severity_from_the_table() -> None:
    finding = reader_finding("reader.edition_guessed", "m", "中", source="x.txt")
    assert finding.severity is Severity.INFO and finding.source == "x.txt"
    with pytest.raises(KeyError):
        reader_finding("reader.not_a_code", "m")


def test_real_reads_make_listed_findings_said_in_both_languages(shared_dir: Path) -> None:
    # 平潭 (crawler text with fused cells) and the GB18030 copy of a seed make three of the codes for real.
    seen: set[str] = set()
    for path in sorted((shared_dir / "corpus").rglob("*.txt")):
        for finding in govinfo_report.read(path).findings:
            if finding.rule.startswith("reader."):
                seen.add(finding.rule)
                assert READER_FINDINGS[finding.rule].severity is finding.severity
                assert finding.message and finding.message_zh, finding
                assert finding.source == str(path), finding
    assert {"reader.ambiguous_split", "reader.inconsistent_split", "reader.encoding"} <= seen
