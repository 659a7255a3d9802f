"""Inputs the fuzz harness (fuzz/) found crashing a reader, as hand-written cases.

Each reader must give a report or raise ReportError; these pin down which.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from govinfo_report import Missing, ReadError
from govinfo_report.io.json_format import JsonReader


def _report_json(**extra: Any) -> bytes:
    obj: dict[str, Any] = {
        "edition": "2021",
        "year": 2022,
        "agency": "济宁市兖州区",
        "title": "济宁市兖州区2022年政府信息公开工作年度报告",
        "active_disclosure": {"fees": {"amount": "0.1147"}, "licensing": {"decisions": None}},
        "requests": None,
        "review_litigation": None,
    }
    obj.update(extra)
    return json.dumps(obj, ensure_ascii=False).encode()


@pytest.mark.parametrize(
    "provenance",
    [7, {"active_disclosure": 7}, {"active_disclosure": {"fees": 7}}, {"active_disclosure": {"fees": {"amount": 7}}}],
)
def test_json_malformed_provenance_is_ignored(provenance: Any) -> None:
    # Found by atheris: {"provenance": {"active_disclosure": {"fees": 7}}} raised AttributeError.
    report = JsonReader().read(_report_json(provenance=provenance))
    assert report.active_disclosure is not None
    assert report.active_disclosure.value("fees", "amount") == Decimal("0.1147")
    assert report.active_disclosure["fees", "amount"].text == ""


@pytest.mark.parametrize("missing", [7, [], {"active_disclosure": 7}, {"active_disclosure": {"licensing": "x"}}])
def test_json_malformed_missing_reasons_mean_blank(missing: Any) -> None:
    report = JsonReader().read(_report_json(missing=missing))
    assert report.active_disclosure is not None
    assert report.active_disclosure["licensing", "decisions"].missing is Missing.BLANK


def test_json_unknown_missing_reason_is_a_read_error() -> None:
    data = _report_json(missing={"active_disclosure": {"licensing": {"decisions": "lost"}}})
    with pytest.raises(ReadError, match=r"active_disclosure\.licensing\.decisions: unknown reason"):
        JsonReader().read(data)


@pytest.mark.parametrize("amount", ["NaN", "Infinity", "-inf", "1e999999999", "1E-99"])
def test_json_implausible_amounts_are_read_errors(amount: str) -> None:
    data = _report_json(active_disclosure={"fees": {"amount": amount}})
    with pytest.raises(ReadError, match="not a plausible amount"):
        JsonReader().read(data)


def test_json_findings_with_bad_cells_are_dropped() -> None:
    data = _report_json(findings=[{"rule": "x", "severity": "error", "cells": [1, 2]}])
    assert JsonReader().read(data).findings == ()


@pytest.mark.parametrize("findings", [7, "text", {"rule": "x"}])
def test_json_findings_that_are_not_a_list_are_ignored(findings: Any) -> None:
    # Found by atheris: {"findings": 7} raised TypeError ('int' object is not iterable).
    assert JsonReader().read(_report_json(findings=findings)).findings == ()
