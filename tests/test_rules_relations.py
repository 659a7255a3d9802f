"""The shared relation helper: suggestions, sorting, and rules as entry points (ours and a third party's)."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report import CellRef, registry
from govinfo_report.rules._relations import cell_label
from rules_support import seed_report, with_cell

OURS = {
    "requests.balance",
    "requests.outcome_sum",
    "requests.row_total",
    "review_litigation.group_total",
    "cells.negative",
    "cells.missing",
    "active_disclosure.published_le_total",
    "template.edition_year",
    "series.carry_over",
    "series.in_force",
    "series.items",
    "series.gap",
    "narrative.requests_total",
    "narrative.carried_over",
    "narrative.carried_forward",
    "narrative.review_total",
    "narrative.litigation_total",
}


def test_every_rule_is_an_entry_point_named_by_its_code() -> None:
    assert set(registry.rule_codes()) >= OURS
    for code in OURS:
        assert registry.rule(code).code == code
        assert registry.rule(code).description


def test_a_wrong_total_gets_the_one_cell_suggestion_on_each_of_its_three_findings() -> None:
    # The example: （七）总计/自然人 is 89 in seed 002; written as 88 it breaks three relations.
    report = with_cell(seed_report("002"), "requests.total_processed.natural_person", 88)
    found = [f for f in gr.validate(report) if f.severity is gr.Severity.ERROR]
    assert sorted(f.rule for f in found) == ["requests.balance", "requests.outcome_sum", "requests.row_total"]
    for f in found:
        assert f.suggestion is not None
        assert f.suggestion.startswith(
            "（七）总计/自然人 [requests.total_processed.natural_person] is 88; 89 would satisfy 3 relations"
        )
    # Only suggested: the report still says 88.
    assert report.cell("requests.total_processed.natural_person").value == 88  # type: ignore[union-attr]


def test_an_outcome_cell_typo_is_pinned_down_by_its_row_and_column() -> None:
    report = with_cell(seed_report("002"), "requests.unable_not_held.natural_person", 72)
    found = gr.validate(report, ["requests.outcome_sum", "requests.row_total"])
    assert len(found) == 2
    assert all(
        f.suggestion and "[requests.unable_not_held.natural_person] is 72; 27 would satisfy 2 relations" in f.suggestion
        for f in found
    )


def test_no_suggestion_when_no_single_cell_explains_every_violation() -> None:
    report = with_cell(seed_report("002"), "requests.granted.natural_person", 21)
    report = with_cell(report, "requests.granted.commercial", 1)
    found = gr.validate(report, ["requests.outcome_sum", "requests.row_total"])
    assert found and all(f.suggestion is None for f in found)


def test_no_suggestion_when_the_data_cannot_tell_which_cell_is_wrong() -> None:
    # Only one relation is checked (the others skipped for blanks): any of its cells could be the wrong one.
    report = seed_report("002")
    for row in ("new_received", "carried_over", "total_processed", "carried_forward"):
        report = with_cell(report, f"requests.{row}.total", gr.Missing.BLANK)
    for row in ("granted", "partially_granted", "denied_third_party"):
        report = with_cell(report, f"requests.{row}.natural_person", gr.Missing.BLANK)
    report = with_cell(report, "requests.unable_not_held.natural_person", 28)
    found = gr.validate(report, ["requests.balance", "requests.outcome_sum", "requests.row_total"])
    assert [f.rule for f in found] == ["requests.row_total"]
    assert found[0].suggestion is None  # unable_not_held.total or any of its six parts


def test_findings_are_sorted_and_stable() -> None:
    report = with_cell(seed_report("002"), "requests.granted.natural_person", 21)
    report = with_cell(report, "review_litigation.review.total", 3)
    report = with_cell(report, "requests.denied_state_secret.total", gr.Missing.BLANK)
    first = gr.validate(report)
    assert first == gr.validate(report)
    assert first == sorted(first)
    assert [f.severity for f in first] == sorted((f.severity for f in first), key=lambda s: s.rank)
    # Errors first, then the one missing-cell warning.
    assert first[-1].rule == "cells.missing"


def test_validate_selects_rules_by_code_and_accepts_rule_objects() -> None:
    report = with_cell(seed_report("002"), "review_litigation.review.total", 3)
    assert [f.rule for f in gr.validate(report, ["review_litigation.group_total"])] == ["review_litigation.group_total"]
    assert gr.validate(report, ["requests.balance"]) == []
    rule = registry.rule("review_litigation.group_total")
    assert gr.validate(report, [rule]) == gr.validate(report, ["review_litigation.group_total"])
    with pytest.raises(gr.UnknownFormatError, match=r"no\.such"):
        gr.validate(report, ["no.such"])


def test_cell_labels_are_the_official_wording() -> None:
    assert cell_label("2019", CellRef("requests", "total_processed", "natural_person")) == "（七）总计/自然人"
    assert (
        cell_label("2019", CellRef("requests", "denied_state_secret", "total")) == "（三）不予公开1.属于国家秘密/总计"
    )
    assert (
        cell_label("2021", CellRef("review_litigation", "litigation_direct", "upheld"))
        == "行政诉讼·未经复议直接起诉/结果维持"
    )


THIRD_PARTY = '''
from govinfo_report.findings import Finding, Severity
from govinfo_report.plugins import Rule


class NoZeroYear(Rule):
    """A third party's rule: flags reports whose table 3 received nothing at all."""

    code = "acme.nothing_received"

    def check(self, report, options):
        table = report.requests
        if table is None or table.value("new_received", "total") != 0:
            return []
        return [Finding(self.code, Severity.WARNING, "no request received")]
'''


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.syspath_prepend(str(tmp_path))
    registry.refresh()
    yield tmp_path
    sys.modules.pop("acme_rules", None)
    registry.refresh()


def test_a_third_party_rule_is_discovered_and_run_like_ours(site: Path) -> None:
    dist = site / "acme_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(
        textwrap.dedent("[govinfo_report.rules]\nacme.nothing_received = acme_rules:NoZeroYear\n"), encoding="utf-8"
    )
    (site / "acme_rules.py").write_text(THIRD_PARTY, encoding="utf-8")
    assert "acme.nothing_received" in registry.rule_codes()
    # Seed 000 received nothing (共收到依申请公开０件); seed 002 received 92.
    assert [f.rule for f in gr.validate(seed_report("000"))] == ["acme.nothing_received"]
    assert gr.validate(seed_report("002")) == []
    assert gr.validate(seed_report("000"), ["requests.balance"]) == []
