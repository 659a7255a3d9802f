"""The layout the docs render (``govinfo_report.layout``) says what the format contract says.

The docs' model page is generated from :mod:`govinfo_report.layout`; this
test holds that module to ``shared/spec/report-format.md``: every table's row
codes in order, their labels, their columns' codes and labels, per edition.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govinfo_report.layout import LAYOUTS, REQUEST_COLUMNS, REVIEW_COLUMNS, SECTIONS, Edition

_CODE = re.compile(r"`([a-z_0-9]+)`")


@pytest.fixture(scope="module")
def spec(shared_dir: Path) -> str:
    return (shared_dir / "spec" / "report-format.md").read_text(encoding="utf-8")


def _code(cell: str) -> str:
    """The one stable code written in backticks in a spec table's cell."""
    found = _CODE.search(cell)
    assert found is not None, f"no code in {cell!r}"
    return found.group(1)


def _part(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def _rows(part: str) -> list[list[str]]:
    """The body rows of the markdown tables in *part*, as lists of cell texts."""
    rows = []
    for line in part.splitlines():
        if line.startswith("|") and not set(line) <= set("|- "):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if _CODE.search(line):
                rows.append(cells)
    return rows


@pytest.mark.parametrize(
    ("edition", "start", "end"), [("2019", "Edition 2019:", "Edition 2021:"), ("2021", "Edition 2021:", "`change` may")]
)
def test_table_2_rows_columns_and_labels(spec: str, edition: str, start: str, end: str) -> None:
    layout = LAYOUTS[Edition(edition)]["active_disclosure"]
    rows = _rows(_part(spec, start, end))
    assert [_code(r[2]) for r in rows] == [r.code for r in layout.rows]
    for cells, row in zip(rows, layout.rows, strict=True):
        assert (cells[0], cells[1]) == (row.group, row.label)
        if "same as" not in cells[3]:
            pairs = re.findall(r"([^;]+?) → `([a-z_]+)`", cells[3])
            assert [(label.strip(), c) for label, c in pairs] == [(c.label, c.code) for c in row.columns]


def test_table_3_columns(spec: str) -> None:
    rows = _rows(_part(spec, "Columns, in order", "Rows, in order"))
    assert [(r[0].split(" / ")[-1], _code(r[1])) for r in rows] == [(c.label, c.code) for c in REQUEST_COLUMNS]


def test_table_3_rows_per_edition(spec: str) -> None:
    rows = _rows(_part(spec, "Rows, in order", "## Table 4"))
    for edition in Edition:
        wanted = [r for r in rows if "— edition" not in r[0] or f"— edition {edition.value}" in r[0]]
        layout = [r for r in LAYOUTS[edition]["requests"].rows if not r.optional]
        assert [_code(r[1]) for r in wanted] == [r.code for r in layout]
        for cells, row in zip(wanted, layout, strict=True):
            assert row.label in cells[0], f"{row.code}: layout label {row.label!r} not in the spec's {cells[0]!r}"


def test_table_4_groups_and_columns(spec: str) -> None:
    part = _part(spec, "## Table 4", "## Cell values")
    rows = _rows(part)
    assert [_code(r[1]) for r in rows] == [r.code for r in LAYOUTS[Edition.E2019]["review_litigation"].rows]
    assert re.findall(r"(\S+) `([a-z]+)`", rows[0][2]) == [(c.label, c.code) for c in REVIEW_COLUMNS]


def test_sections(spec: str) -> None:
    rows = _rows(_part(spec, "A report has a title", "Headings vary"))
    assert [(r[1], _code(r[3])) for r in rows] == list((h, c) for c, h in SECTIONS)
