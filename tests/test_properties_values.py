"""Every wild cell text the kit generates parses, through the one cell parser, to the value paired with it."""

from __future__ import annotations

from hypothesis import given, settings

from govinfo_report import Missing
from govinfo_report.layout import ValueKind
from govinfo_report.testing.strategies import CellText, cell_texts
from govinfo_report.values import format_value, parse_cell

_MANY = settings(max_examples=500, deadline=None)


@_MANY
@given(cell_texts(ValueKind.COUNT))
def test_count_texts_parse_to_their_value(cell: CellText) -> None:
    parsed = parse_cell(cell.text, ValueKind.COUNT)
    assert (parsed.value, parsed.missing) == (cell.value, cell.missing)


@_MANY
@given(cell_texts(ValueKind.SIGNED))
def test_signed_texts_parse_to_their_value(cell: CellText) -> None:
    parsed = parse_cell(cell.text, ValueKind.SIGNED)
    assert (parsed.value, parsed.missing) == (cell.value, cell.missing)


@_MANY
@given(cell_texts(ValueKind.AMOUNT))
def test_amount_texts_parse_to_their_value(cell: CellText) -> None:
    parsed = parse_cell(cell.text, ValueKind.AMOUNT)
    assert (parsed.value, parsed.missing) == (cell.value, cell.missing)


@_MANY
@given(cell_texts(ValueKind.AMOUNT, missing=()))
def test_canonical_text_of_a_value_parses_back(cell: CellText) -> None:
    # What writers print (format_value) is itself a cell text the parser reads.
    assert parse_cell(format_value(cell.value), ValueKind.AMOUNT).value == cell.value


def test_unreadable_text_keeps_a_problem() -> None:
    parsed = parse_cell("见附件", ValueKind.COUNT)
    assert parsed.missing is Missing.UNREADABLE
    assert "见附件" in parsed.problem
