"""The model: immutable, addressable by stable codes, absent tables stay absent."""

from __future__ import annotations

import attrs
import pytest

from govinfo_report import AnnualReport, Cell, CellRef, Edition, Missing, Table
from govinfo_report.layout import LAYOUTS, OUTCOME_ROWS


def test_every_layout_cell_is_addressable_and_unknown_codes_are_refused() -> None:
    table = Table.build("requests", "2021", {})
    assert ("other_misc", "total") in table
    assert ("other_handling", "total") not in table  # optional row: only when printed
    assert table["new_received", "total"].missing is Missing.ABSENT
    with pytest.raises(KeyError, match="other_handing"):
        Table.build("requests", "2021", {("other_handing", "total"): Cell(1)})
    with pytest.raises(KeyError):
        Table.build("requests", "2019", {("other_misc", "total"): Cell(1)})  # a 2021-only row


def test_single_other_handling_row_in_a_2021_report_is_kept() -> None:
    table = Table.build("requests", "2021", {("other_handling", "total"): Cell(4)})
    assert table.value("other_handling", "total") == 4
    assert table["other_misc", "total"].is_missing


def test_layout_sizes_match_the_spec() -> None:
    assert sum(1 for _ in LAYOUTS[Edition.E2019]["requests"].cells()) == 23 * 7  # 2 + 2 + 8 + 3 + 5 + 1 + 2 rows
    assert sum(1 for _ in LAYOUTS[Edition.E2021]["requests"].cells()) == 25 * 7  # (六) as three sub-rows
    assert sum(1 for _ in LAYOUTS[Edition.E2019]["review_litigation"].cells()) == 15
    assert sum(1 for _ in LAYOUTS[Edition.E2019]["active_disclosure"].cells()) == 3 * 2 + 3 * 4 + 2 + 2
    assert sum(1 for _ in LAYOUTS[Edition.E2021]["active_disclosure"].cells()) == 3 * 2 + 3 + 1
    assert len(OUTCOME_ROWS[Edition.E2019]) == 19 and len(OUTCOME_ROWS[Edition.E2021]) == 21


def test_cells_are_value_xor_missing() -> None:
    with pytest.raises(ValueError):
        Cell()
    with pytest.raises(ValueError):
        Cell(1, Missing.BLANK)


def test_report_is_frozen_and_compares_content_not_provenance() -> None:
    t1 = Table.build("review_litigation", "2019", {("review", "total"): Cell(2, text="2")})
    t2 = Table.build("review_litigation", "2019", {("review", "total"): Cell(2, text="２")})
    a = AnnualReport(edition="2019", year=2020, agency="a", title="t", review_litigation=t1, source="a.docx")
    b = AnnualReport(edition="2019", year=2020, agency="a", title="t", review_litigation=t2, source="a.txt")
    assert a == b
    assert a.requests is None and a.table("requests") is None
    assert a.cell("review_litigation.review.total") == Cell(2)
    assert a.cell(CellRef("requests", "new_received", "total")) is None
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.year = 2021  # type: ignore[misc]


def test_a_table_of_the_wrong_edition_is_refused() -> None:
    with pytest.raises(ValueError, match="edition"):
        AnnualReport(edition="2021", year=2021, agency="a", title="t", requests=Table.build("requests", "2019", {}))
