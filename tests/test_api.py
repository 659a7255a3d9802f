"""The public API on bad input and outputs: every failure is a ReportError saying what and where."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report import registry
from govinfo_report.model import AnnualReport, Cell, Missing, Sections, Table


def _report() -> AnnualReport:
    requests = Table.build(
        "requests",
        "2019",
        {
            ("new_received", "natural_person"): Cell(90, text="90"),
            ("new_received", "commercial"): Cell(2),
            ("new_received", "total"): Cell(92),
            ("carried_over", "total"): Cell(missing=Missing.NOT_APPLICABLE, text="/"),
        },
        fill=Missing.BLANK,
    )
    active = Table.build(
        "active_disclosure",
        "2019",
        {("procurement", "amount"): Cell(Decimal("6229.95")), ("coercion", "change"): Cell(-2)},
        fill=Missing.BLANK,
    )
    return AnnualReport(
        edition="2019",
        year=2020,
        agency="济宁市兖州区",
        title="济宁市兖州区2020年政府信息公开工作年度报告",
        sections=Sections(overview="总体情况。", problems="问题。", other_matters="无"),
        active_disclosure=active,
        requests=requests,
    )


def test_unknown_format_lists_installed_formats() -> None:
    with pytest.raises(gr.UnknownFormatError) as info:
        gr.read(b"anything", format="nope")
    assert "nope" in str(info.value) and "json" in str(info.value)


def test_known_but_missing_plugin_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    # A format we know exists as a separate distribution, not installed here
    # (the real PDF plugin may be installed in this environment).
    monkeypatch.setitem(registry.KNOWN_PLUGINS, "ofd", "govinfo-report-ofd")
    with pytest.raises(gr.UnknownFormatError, match="pip install govinfo-report-ofd"):
        gr.read(b"PK\x03\x04", format="ofd")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(gr.ReadError, match=r"nothere\.docx: no such file"):
        gr.read(tmp_path / "nothere.docx")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(gr.ReadError, match="is a directory"):
        gr.read(tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(gr.ReadError, match=r"empty\.txt: empty input"):
        gr.read(empty)


def test_text_mode_stream_is_refused_clearly() -> None:
    with pytest.raises(gr.ReadError, match="binary mode"):
        gr.read(io.StringIO("text"))  # type: ignore[arg-type]


def test_json_round_trip_is_exact(tmp_path: Path) -> None:
    report = _report()
    path = tmp_path / "r.json"
    gr.write(report, path)
    back = gr.read(path)
    assert back == report
    # Blank and not-applicable stay distinct, and the original text survives.
    assert back.requests is not None
    assert back.requests["carried_over", "total"].missing is Missing.NOT_APPLICABLE
    assert back.requests["carried_over", "natural_person"].missing is Missing.BLANK
    assert back.requests["new_received", "natural_person"].text == "90"
    assert back.review_litigation is None


def test_json_follows_the_spec_shape() -> None:
    buffer = io.BytesIO()
    gr.write(_report(), buffer, format="json")
    obj = json.loads(buffer.getvalue())
    assert obj["edition"] == "2019" and obj["year"] == 2020
    assert obj["requests"]["new_received"] == {
        "natural_person": 90,
        "commercial": 2,
        "research": None,
        "social_welfare": None,
        "legal_service": None,
        "other_org": None,
        "total": 92,
    }
    assert obj["active_disclosure"]["procurement"]["amount"] == "6229.95"
    assert obj["active_disclosure"]["coercion"]["change"] == -2
    assert obj["review_litigation"] is None
    assert set(obj["sections"]) == {"overview", "problems", "other_matters"}


def test_json_errors_name_the_cell() -> None:
    buffer = io.BytesIO()
    gr.write(_report(), buffer, format="json")
    obj = json.loads(buffer.getvalue())
    obj["requests"]["new_received"]["total"] = "ninety-two"
    with pytest.raises(gr.ReadError, match=r"requests\.new_received\.total: expected an integer"):
        gr.read(json.dumps(obj).encode(), format="json")
    with pytest.raises(gr.ReadError, match="not valid JSON"):
        gr.read(b"{not json", format="json")
    with pytest.raises(gr.NotAReportError):
        gr.read(b"[1, 2]", format="json")


def test_csv_is_tidy_and_optionally_excel(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    gr.write(_report(), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "table,row,column,value"
    assert "requests,new_received,total,92" in lines
    assert "requests,carried_over,total," in lines
    assert "active_disclosure,procurement,amount,6229.95" in lines
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    gr.write(_report(), path, excel=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_unwritable_target(tmp_path: Path) -> None:
    with pytest.raises(gr.WriteError, match="cannot write file"):
        gr.write(_report(), tmp_path / "no" / "such" / "dir" / "r.json")
    with pytest.raises(gr.WriteError, match="output format"):
        gr.write(_report(), tmp_path / "r.unknownsuffix")
    with pytest.raises(gr.WriteError, match="rejected its options"):
        gr.write(_report(), tmp_path / "r.csv", colour=True)


def test_validate_returns_sorted_findings_and_accepts_rule_selection() -> None:
    findings = gr.validate(_report(), rules=[])
    assert findings == sorted(findings)


def test_unknown_rule_is_named_as_a_rule() -> None:
    with pytest.raises(gr.UnknownFormatError, match=r"no rule 'requests\.nope'; installed: .*requests\.balance"):
        gr.validate(_report(), rules=["requests.nope"])
