"""The command line: exit codes, one-line errors, never a traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report.cli import main
from govinfo_report.model import AnnualReport, Cell, Table


@pytest.fixture
def report_json(tmp_path: Path) -> Path:
    requests = Table.build("requests", "2021", {("new_received", "total"): Cell(3)})
    report = AnnualReport(
        edition="2021", year=2021, agency="平阴县", title="平阴县2021年政府信息公开工作年度报告", requests=requests
    )
    path = tmp_path / "r.json"
    gr.write(report, path)
    return path


def test_formats_lists_builtins() -> None:
    out = io.StringIO()
    assert main(["formats"], stdout=out) == 0
    assert "json" in out.getvalue() and "govinfo-report" in out.getvalue()


def test_convert_to_stdout_and_file(report_json: Path, tmp_path: Path) -> None:
    out = io.StringIO()
    assert main(["convert", str(report_json), "-"], stdout=out) == 0
    assert json.loads(out.getvalue())["requests"]["new_received"]["total"] == 3
    target = tmp_path / "r.csv"
    assert main(["convert", str(report_json), str(target)]) == 0
    assert "requests,new_received,total,3" in target.read_text(encoding="utf-8")


def test_errors_are_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(tmp_path / "missing.docx"), "-"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.docx: no such file" in err and "Traceback" not in err
    assert main(["check", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_usage_error_exits_2() -> None:
    assert main(["frobnicate"]) == 2


def test_check_json_output(report_json: Path) -> None:
    out = io.StringIO()
    code = main(["check", "--format", "json", str(report_json)], stdout=out)
    result = json.loads(out.getvalue())
    assert result[0]["file"] == str(report_json)
    errors = [f for f in result[0]["findings"] if f["severity"] == "error"]
    assert code == (1 if errors else 0)


def test_python_dash_m_runs_the_same_main(report_json: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "govinfo_report", "convert", str(report_json), "-", "--to", "csv"],
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert b"requests,new_received,total,3" in proc.stdout
