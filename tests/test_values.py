"""Cell text as found in real reports parses to the value a person reads."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govinfo_report.layout import ValueKind
from govinfo_report.model import Missing
from govinfo_report.values import format_value, parse_cell


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("０", 0),  # seed 000 writes every zero full-width
        ("\xa0０", 0),  # with a non-breaking space
        ("４", 4),
        (" 12 ", 12),
        ("1,234", 1234),
        ("92件", 92),
        ("3条", 3),
        ("12.0", 12),
    ],
)
def test_counts(text: str, value: int) -> None:
    assert parse_cell(text).value == value


@pytest.mark.parametrize(("text", "value"), [("+32", 32), ("-415", -415), ("－415", -415), ("＋32", 32), ("0", 0)])
def test_signed_change(text: str, value: int) -> None:
    assert parse_cell(text, ValueKind.SIGNED).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("6229.95万元", Decimal("6229.95")),
        ("6314.18", Decimal("6314.18")),
        ("251000元", Decimal("25.1")),  # 元 → 万元, exactly
        ("3802895.90元", Decimal("380.28959")),
        ("1.5亿元", Decimal("15000")),
        ("1,234.5", Decimal("1234.5")),
    ],
)
def test_amounts_are_exact_decimals_in_wan_yuan(text: str, value: Decimal) -> None:
    parsed = parse_cell(text, ValueKind.AMOUNT)
    assert parsed.value == value and isinstance(parsed.value, Decimal)


@pytest.mark.parametrize("text", ["", "  ", "\xa0", "\n"])
def test_blank_is_missing_not_zero(text: str) -> None:
    assert parse_cell(text) == parse_cell("")
    assert parse_cell(text).missing is Missing.BLANK and parse_cell(text).value is None


@pytest.mark.parametrize("text", ["/", "—", "——", "-", "无", "／"])
def test_not_applicable_marks(text: str) -> None:
    assert parse_cell(text).missing is Missing.NOT_APPLICABLE


@pytest.mark.parametrize("text", ["abc", "1.5", "12 3", "约10"])
def test_unreadable_text_is_kept_missing_with_a_reason(text: str) -> None:
    parsed = parse_cell(text)
    assert parsed.missing is Missing.UNREADABLE and parsed.problem


def test_format_value() -> None:
    assert format_value(Decimal("25.10")) == "25.1"
    assert format_value(Decimal("1E+4")) == "10000"
    assert format_value(-2) == "-2"
    assert format_value(None) == ""
