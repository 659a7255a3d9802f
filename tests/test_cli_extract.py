"""``govinfo-report extract``: the three tables, exit codes, --resume after a killed run, formats."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report import AnnualReport, Cell, Missing, Table
from govinfo_report.cli import main


def report(agency: str, year: int, new_received: dict[str, int], amount: str | None = None) -> AnnualReport:
    """A 2019-edition report with table 3's first row (and optionally 采购总金额) as given."""
    requests = Table.build(
        "requests", "2019", {("new_received", c): Cell(v) for c, v in new_received.items()}, fill=Missing.BLANK
    )
    active = None
    if amount is not None:
        from decimal import Decimal

        active = Table.build(
            "active_disclosure", "2019", {("procurement", "amount"): Cell(Decimal(amount))}, fill=Missing.BLANK
        )
    return AnnualReport(
        "2019", year, agency, f"{agency}{year}年政府信息公开工作年度报告", active_disclosure=active, requests=requests
    )


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    gr.write(report("济宁市兖州区", 2020, {"natural_person": 90, "commercial": 2, "total": 92}), root / "a.json")
    gr.write(
        report("尧都区人民政府", 2020, {"natural_person": 15, "commercial": 3, "total": 18}, "6314.18"), root / "b.json"
    )
    gr.write(report("平阴县", 2019, {"natural_person": 3, "total": 3}), root / "c.json")
    (root / "d_broken.json").write_text('{"edition": "2019",', encoding="utf-8")
    return root


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["extract", *argv], stdout=out)
    return code, out.getvalue()


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def value(cells: list[dict[str, str]], file: str, ref: str) -> str:
    table, row, column = ref.split(".")
    (found,) = [
        r["value"]
        for r in cells
        if r["file"].endswith(file) and (r["table"], r["row"], r["column"]) == (table, row, column)
    ]
    return found


def test_csv_tables_and_exit_code_1_when_a_file_failed(corpus: Path, tmp_path: Path) -> None:
    code, out = run(str(corpus), "--out", str(tmp_path / "data.csv"), "--jobs", "2")
    assert code == 1
    assert "failed: " in out and "d_broken.json" in out
    assert "4 file(s) read: 3 ok, 1 failed" in out

    cells = rows(tmp_path / "data.csv")
    assert list(cells[0]) == ["file", "agency", "year", "edition", "table", "row", "column", "value", "missing"]
    assert value(cells, "a.json", "requests.new_received.total") == "92"
    assert value(cells, "b.json", "requests.new_received.total") == "18"
    assert value(cells, "b.json", "active_disclosure.procurement.amount") == "6314.18"
    b_row = next(r for r in cells if r["file"].endswith("b.json"))
    assert (b_row["agency"], b_row["year"], b_row["edition"]) == ("尧都区人民政府", "2020", "2019")
    blank = next(r for r in cells if r["file"].endswith("c.json") and r["row"] == "carried_over")
    assert (blank["value"], blank["missing"]) == ("", "blank")

    files = {Path(r["file"]).name: r for r in rows(tmp_path / "data.files.csv")}
    assert sorted(files) == ["a.json", "b.json", "c.json", "d_broken.json"]
    assert files["d_broken.json"]["status"] == "failed"
    assert "JSON" in files["d_broken.json"]["error"]
    assert files["a.json"]["status"] == "ok" and files["a.json"]["error"] == ""
    assert (tmp_path / "data.findings.csv").read_text(encoding="utf-8").startswith("file,rule,severity,cells,")


def test_exit_code_0_when_every_file_was_read(corpus: Path, tmp_path: Path) -> None:
    (corpus / "d_broken.json").unlink()
    code, out = run(str(corpus), "--out", str(tmp_path / "data.csv"), "-j", "1")
    assert code == 0
    assert "3 file(s) read: 3 ok, 0 failed" in out


def test_resume_after_a_killed_run_gives_the_tables_of_a_clean_run(corpus: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean.csv"
    assert run(str(corpus), "--out", str(clean), "-j", "1")[0] == 1

    # A run killed while writing c.json: a.json and b.json are complete and listed, c.json's
    # cells are cut mid-line and its files-table row is half written.
    data = tmp_path / "data.csv"
    run(str(corpus / "a.json"), str(corpus / "b.json"), "--out", str(data), "-j", "1")
    listed = (tmp_path / "data.files.csv").read_text(encoding="utf-8")
    run(str(corpus / "c.json"), "--out", str(tmp_path / "c_only.csv"), "-j", "1")
    c_cells = (tmp_path / "c_only.csv").read_text(encoding="utf-8").split("\n", 1)[1]
    with open(data, "a", encoding="utf-8") as f:
        f.write(c_cells[: len(c_cells) // 2])
    (tmp_path / "data.files.csv").write_text(listed + f"{corpus / 'c.json'},ok,,平阴", encoding="utf-8")

    code, out = run(str(corpus), "--out", str(data), "-j", "2", "--resume")
    assert code == 1  # d_broken.json was never done, so it is read now, and fails
    assert "2 file(s) read: 1 ok, 1 failed; 2 skipped as done by an earlier run" in out

    def lines(path: Path) -> list[str]:
        return sorted(path.read_text(encoding="utf-8").splitlines())

    assert lines(data) == lines(clean)  # nothing lost, nothing twice
    assert lines(tmp_path / "data.findings.csv") == lines(tmp_path / "clean.findings.csv")
    assert sorted(r["file"] for r in rows(tmp_path / "data.files.csv")) == sorted(
        r["file"] for r in rows(tmp_path / "clean.files.csv")
    )


def test_resume_with_nothing_to_resume_starts_afresh(corpus: Path, tmp_path: Path) -> None:
    code, out = run(str(corpus / "a.json"), "--out", str(tmp_path / "data.csv"), "--resume")
    assert code == 0
    assert "1 file(s) read: 1 ok, 0 failed; 0 skipped" in out


def test_jsonl_values_are_typed_like_the_json_form(corpus: Path, tmp_path: Path) -> None:
    run(str(corpus), "--out", str(tmp_path / "data.jsonl"), "-j", "1")
    records = [json.loads(line) for line in (tmp_path / "data.jsonl").read_text(encoding="utf-8").splitlines()]
    by_ref = {(Path(r["file"]).name, r["table"], r["row"], r["column"]): r for r in records}
    assert by_ref["a.json", "requests", "new_received", "total"]["value"] == 92
    assert by_ref["b.json", "active_disclosure", "procurement", "amount"]["value"] == "6314.18"
    assert by_ref["c.json", "requests", "carried_over", "total"]["value"] is None
    assert by_ref["a.json", "requests", "new_received", "total"]["year"] == 2020
    files = [json.loads(line) for line in (tmp_path / "data.files.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {f["status"] for f in files if f["file"].endswith("d_broken.json")} == {"failed"}


def test_parquet_tables(corpus: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    code, _ = run(str(corpus), "--out", str(tmp_path / "data.parquet"), "-j", "2")
    assert code == 1
    cells = pq.read_table(tmp_path / "data.parquet").to_pylist()
    (total,) = [
        r["value"]
        for r in cells
        if r["file"].endswith("a.json") and (r["table"], r["row"], r["column"]) == ("requests", "new_received", "total")
    ]
    assert total == "92"
    assert {r["year"] for r in cells if r["file"].endswith("c.json")} == {2019}
    files = pq.read_table(tmp_path / "data.files.parquet").to_pylist()
    assert sorted(f["status"] for f in files) == ["failed", "ok", "ok", "ok"]


def test_parquet_without_pyarrow_says_what_to_install(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    code, _ = run(str(corpus), "--out", str(tmp_path / "data.parquet"))
    assert code == 2
    assert "pip install 'govinfo-report[parquet]'" in capsys.readouterr().err


def test_parquet_cannot_be_resumed(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow")
    run(str(corpus / "a.json"), "--out", str(tmp_path / "data.parquet"))
    code, _ = run(str(corpus), "--out", str(tmp_path / "data.parquet"), "--resume")
    assert code == 2
    assert "cannot be resumed" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "data.txt"], "use .csv, .jsonl or .parquet"),
        (["--out", "data.csv", "--jobs", "0"], "--jobs must be at least 1"),
        (["--out", "data.csv", "--timeout", "-1"], "--timeout must be positive"),
        (["--out", "no/such/folder/data.csv"], "cannot open for writing"),
    ],
)
def test_bad_options_exit_2(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _ = run(str(corpus), *args)
    assert code == 2
    assert message in capsys.readouterr().err


def test_no_progress_bar_when_not_a_terminal(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(str(corpus), "--out", str(tmp_path / "data.csv"), "-j", "1")
    assert "file/s" not in capsys.readouterr().err  # tqdm's rate, were a bar drawn


# The real corpus: per-file outcomes a person can check against the documents.
SEED_NEW_RECEIVED_TOTAL = {  # table 3, 一、本年新收政府信息公开申请数量, 总计 column, as printed in each seed
    "000_0ab9a71a63e4f480.txt": "0",
    "001_d67fec3efbc2aac7.txt": "0",
    "002_69b0cb0c6d86b3bd.txt": "92",
    "003_c04978ea7ee6ff4b.txt": "3",
    "004_ee4e1e8ab542a5d9.txt": "18",
}


def test_real_corpus_and_seeds(shared_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "real.csv"
    code, printed = run(str(shared_dir / "corpus"), str(shared_dir / "seeds"), "--out", str(out), "-j", "2")
    files = {r["file"]: r for r in rows(tmp_path / "real.files.csv")}
    cells = rows(out)

    seeds = {f: r for f, r in files.items() if f.startswith(str(shared_dir / "seeds"))}
    assert sorted(Path(f).name for f in seeds) == sorted(SEED_NEW_RECEIVED_TOTAL)
    for name, total in SEED_NEW_RECEIVED_TOTAL.items():
        assert files[str(shared_dir / "seeds" / name)]["status"] == "ok", files[str(shared_dir / "seeds" / name)]
        assert value(cells, name, "requests.new_received.total") == total
    assert files[str(shared_dir / "seeds" / "002_69b0cb0c6d86b3bd.txt")]["agency"] == "济宁市兖州区"

    # The Word 97 file is not a docx: it is listed as failed, saying so, and the batch went on.
    legacy = files[str(shared_dir / "corpus" / "docx" / "000_0ab9a71a63e4f480.legacy.doc")]
    assert legacy["status"] == "failed"
    assert "Word 97" in legacy["error"]
    assert f"failed: {shared_dir / 'corpus' / 'docx' / '000_0ab9a71a63e4f480.legacy.doc'}: " in printed
    assert code == 1
    # Every other document of the corpus is a report and is read (the PDF when a PDF reader is installed).
    expected_failures = {legacy["file"]}
    if "pdf" not in gr.registry.reader_names():
        expected_failures.add(str(shared_dir / "corpus" / "pdf_huaian_shi_2024.pdf"))
    assert {f for f, r in files.items() if r["status"] != "ok"} == expected_failures
    assert len(files) == 23  # 5 seeds, 6 docx/doc, 6 html, 5 text, 1 pdf; README.md is not a report
    # The docx and HTML copies of seed 002 say 92 as well.
    assert value(cells, "docx/002_69b0cb0c6d86b3bd.docx", "requests.new_received.total") == "92"
    assert value(cells, "html/002_69b0cb0c6d86b3bd.html", "requests.new_received.total") == "92"
    assert "README.md" not in printed

    # Seed 001 leaves the six person/organisation cells of 四、结转下年度继续办理 blank (lines 363–368,
    # under the label on line 362); the findings table names them and says where they are.
    findings = rows(tmp_path / "real.findings.csv")
    (blank,) = [
        f
        for f in findings
        if f["file"] == str(shared_dir / "seeds" / "001_d67fec3efbc2aac7.txt")
        and f["rule"] == "cells.missing"
        and f["cells"].startswith("requests.carried_forward.")
    ]
    assert blank["severity"] == "warning"
    assert blank["cells"].split(";")[0] == "requests.carried_forward.natural_person"
    assert len(blank["cells"].split(";")) == 6
    assert blank["values"] == ";;;;;"  # six cells, none with a value
    where = blank["where"].split(";")
    assert where[0].startswith("line 363") and where[5].startswith("line 368")


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_an_agency_with_commas_and_quotes_reads_back_intact(tmp_path: Path, suffix: str) -> None:
    agency = '甲市,"乙"区\n人民政府'
    gr.write(report(agency, 2020, {"natural_person": 7, "total": 7}), tmp_path / "odd.json")
    run(str(tmp_path / "odd.json"), "--out", str(tmp_path / f"data{suffix}"), "-j", "1")
    if suffix == ".csv":
        cells = rows(tmp_path / "data.csv")
    else:
        lines = (tmp_path / "data.jsonl").read_text(encoding="utf-8").splitlines()
        cells = [{k: "" if v is None else str(v) for k, v in json.loads(line).items()} for line in lines]
    assert {r["agency"] for r in cells} == {agency}
    assert value(cells, "odd.json", "requests.new_received.total") == "7"
    assert len(cells) == 23 * 7  # the 2019 requests table: 23 rows of 7 columns, the only table present


def test_a_failed_file_is_retried_after_its_row_is_deleted(corpus: Path, tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    assert run(str(corpus), "--out", str(data), "-j", "1")[0] == 1
    # The user repairs the broken file and deletes its row from the files table.
    gr.write(report("修复区", 2020, {"natural_person": 4, "total": 4}), corpus / "d_broken.json")
    table = tmp_path / "data.files.csv"
    kept = [line for line in table.read_text(encoding="utf-8").splitlines() if "d_broken.json" not in line]
    table.write_text("\n".join(kept) + "\n", encoding="utf-8")

    code, out = run(str(corpus), "--out", str(data), "-j", "1", "--resume")
    assert code == 0
    assert "1 file(s) read: 1 ok, 0 failed; 3 skipped" in out
    cells = rows(data)
    assert value(cells, "d_broken.json", "requests.new_received.total") == "4"
    assert value(cells, "a.json", "requests.new_received.total") == "92"  # once: value() asserts a single row
    assert sorted(Path(r["file"]).name for r in rows(table)) == ["a.json", "b.json", "c.json", "d_broken.json"]


def test_resume_a_killed_jsonl_run(corpus: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean.jsonl"
    run(str(corpus), "--out", str(clean), "-j", "1")
    data = tmp_path / "data.jsonl"
    run(str(corpus / "a.json"), "--out", str(data), "-j", "1")
    # Killed while writing b.json: half its cells, and its files-table line cut short.
    run(str(corpus / "b.json"), "--out", str(tmp_path / "b_only.jsonl"), "-j", "1")
    b_cells = (tmp_path / "b_only.jsonl").read_text(encoding="utf-8")
    with open(data, "a", encoding="utf-8") as f:
        f.write(b_cells[: len(b_cells) // 2])
    with open(tmp_path / "data.files.jsonl", "a", encoding="utf-8") as f:
        f.write(f'{{"file": "{corpus / "b.json"}", "status": "o')

    code, out = run(str(corpus), "--out", str(data), "-j", "2", "--resume")
    assert code == 1
    assert "3 file(s) read: 2 ok, 1 failed; 1 skipped" in out

    def lines(path: Path) -> list[str]:
        return sorted(path.read_text(encoding="utf-8").splitlines())

    assert lines(data) == lines(clean)
    files = [json.loads(line) for line in lines(tmp_path / "data.files.jsonl")]
    assert sorted(Path(f["file"]).name for f in files) == ["a.json", "b.json", "c.json", "d_broken.json"]
