"""``govinfo-report check``: findings grouped by file, exit codes, --format json, --series, --html."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import attrs
import lxml.html
import pytest

import govinfo_report as gr
from govinfo_report.cli import main
from rules_support import seed_report, with_cell


def _write(report: gr.AnnualReport, path: Path) -> str:
    gr.write(report, path, format="json")
    return str(path)


@pytest.fixture
def clean(tmp_path: Path) -> str:
    return _write(seed_report("002"), tmp_path / "yanzhou_2020.json")


@pytest.fixture
def broken(tmp_path: Path) -> str:
    # 002's （七）总计/自然人 is 89; written 88 it breaks three relations.
    return _write(
        with_cell(seed_report("002"), "requests.total_processed.natural_person", 88), tmp_path / "broken.json"
    )


def _run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(args, stdout=out)
    return code, out.getvalue()


def test_clean_file_exits_0(clean: str) -> None:
    code, text = _run(["check", clean])
    assert code == 0
    assert text.splitlines() == [f"{clean}: 0 error(s), 0 warning(s)"]


def test_errors_are_printed_under_their_file_and_exit_1(clean: str, broken: str) -> None:
    code, text = _run(["check", clean, broken])
    assert code == 1
    lines = text.splitlines()
    assert lines[0] == f"{clean}: 0 error(s), 0 warning(s)"
    assert lines[1] == f"{broken}: 3 error(s), 0 warning(s)"
    assert [line.split("]")[0].strip() for line in lines[2:]] == [
        "error: [requests.balance",
        "error: [requests.outcome_sum",
        "error: [requests.row_total",
    ]
    assert all("89 would satisfy 3 relations" in line for line in lines[2:])


def test_warnings_alone_exit_0_and_quiet_prints_errors_only(tmp_path: Path) -> None:
    blank = _write(seed_report("004"), tmp_path / "yaodu.json")  # 1.属于国家秘密/总计 is blank
    code, text = _run(["check", blank])
    assert code == 0
    assert "1 warning(s)" in text and "[cells.missing]" in text and "requests.denied_state_secret.total" in text
    code, text = _run(["check", "--quiet", blank])
    assert code == 0 and "[cells.missing]" not in text


def test_json_output_for_machines(clean: str, broken: str) -> None:
    code, text = _run(["check", "--format", "json", clean, broken])
    assert code == 1
    result = json.loads(text)
    assert [r["file"] for r in result] == [clean, broken]
    assert result[0]["findings"] == []
    first = result[1]["findings"][0]
    assert first["rule"] == "requests.balance" and first["severity"] == "error"
    assert first["cells"][2] == "requests.total_processed.natural_person"
    assert first["values"] == [90, 0, 88, 1] and first["expected"] == 89
    assert first["locations"][0]["source"] == "seeds/002_69b0cb0c6d86b3bd.txt"
    assert "自然人列" in first["message_zh"]


def test_rules_and_missing_as_zero_options(tmp_path: Path) -> None:
    report = with_cell(seed_report("004"), "requests.denied_state_secret.natural_person", 1)
    path = _write(report, tmp_path / "r.json")
    code, text = _run(["check", "--rules", "requests.row_total", path])
    assert code == 0  # the row's total is blank: the relation is skipped
    code, text = _run(["check", "--rules", "requests.row_total", "--missing-as-zero", path])
    assert code == 1 and "missing cells counted as 0" in text


def test_series_runs_the_cross_year_rules_over_all_files(tmp_path: Path) -> None:
    r2020 = _write(seed_report("004"), tmp_path / "2020.json")  # carries forward 2
    later = attrs.evolve(seed_report("003"), agency="尧都区人民政府")  # carried_over 0
    r2021 = _write(later, tmp_path / "2021.json")
    code, text = _run(["check", "--series", "--format", "json", r2021, r2020])
    result = json.loads(text)
    assert result[-1]["file"] == "series"
    assert [f["rule"] for f in result[-1]["findings"]] == ["series.carry_over", "series.carry_over"]
    assert code == 0  # carry-over mismatches are warnings
    r2022 = _write(attrs.evolve(later, year=2022), tmp_path / "2022.json")
    code, text = _run(["check", "--series", r2020, r2022])
    assert "series: 0 error(s), 0 warning(s)" in text and "[series.gap]" in text


def test_html_page_is_written(tmp_path: Path, clean: str, broken: str) -> None:
    page = tmp_path / "check.html"
    code, _text = _run(["check", "--html", str(page), clean, broken])
    assert code == 1
    doc = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    assert len(doc.xpath("//section[@class='report']")) == 2
    assert doc.xpath("//section[@id='r0']//td[contains(@class,'error')]") == []
    marked = doc.xpath("//section[@id='r1']//td[contains(@class,'error')]/@data-cell")
    assert "requests.total_processed.natural_person" in marked


def test_html_with_series_lists_the_cross_year_findings(tmp_path: Path) -> None:
    r2020 = _write(seed_report("004"), tmp_path / "2020.json")
    r2021 = _write(attrs.evolve(seed_report("003"), agency="尧都区人民政府"), tmp_path / "2021.json")
    page = tmp_path / "series.html"
    assert _run(["check", "--series", "--html", str(page), r2020, r2021])[0] == 0
    doc = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    rules = doc.xpath("//section[@id='series']//li/@data-rule")
    assert rules == ["series.carry_over", "series.carry_over"]


def test_real_seed_through_the_installed_command(shared_dir: Path) -> None:
    seed = shared_dir / "seeds" / "001_d67fec3efbc2aac7.txt"
    run = subprocess.run(
        [sys.executable, "-m", "govinfo_report", "check", str(seed)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    # 001 leaves 12 cells of table 3 blank, in three rows: three warnings, no error.
    assert run.stdout.splitlines()[0] == f"{seed}: 0 error(s), 3 warning(s)"


def test_unknown_rule_is_a_one_line_error(clean: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--rules", "no.such", clean]) == 2
    assert "no.such" in capsys.readouterr().err
