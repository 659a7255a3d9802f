"""govinfo_report.extract: walking, per-file outcomes, parallel = serial, streaming, crash isolation."""

from __future__ import annotations

import csv
import importlib
import multiprocessing
import os
import runpy
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report import AnnualReport, Cell, Missing, Table
from govinfo_report.extract import FileResult, _Options, extract_file, iter_files

# The package exports the function ``extract``, which hides the module of the same name.
extract_module = importlib.import_module("govinfo_report.extract")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def hand_report(agency: str, year: int, natural: int, commercial: int) -> AnnualReport:
    """A 2019-edition report whose table 3 says: new requests natural/commercial/total as given."""
    requests = Table.build(
        "requests",
        "2019",
        {
            ("new_received", "natural_person"): Cell(natural),
            ("new_received", "commercial"): Cell(commercial),
            ("new_received", "total"): Cell(natural + commercial),
        },
        fill=Missing.BLANK,
    )
    return AnnualReport("2019", year, agency, f"{agency}{year}年政府信息公开工作年度报告", requests=requests)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """Two good reports (one in a sub-folder), a broken one, a note and a hidden file."""
    root = tmp_path / "reports"
    (root / "2020").mkdir(parents=True)
    gr.write(hand_report("济宁市兖州区", 2020, 90, 2), root / "2020" / "yanzhou.json")
    gr.write(hand_report("尧都区人民政府", 2020, 15, 3), root / "yaodu.json")
    (root / "broken.json").write_text('{"edition": "2019", "requests": ', encoding="utf-8")
    (root / "notes.md").write_text("not a report", encoding="utf-8")
    (root / ".hidden.json").write_text("{}", encoding="utf-8")
    return root


def by_file(results: Iterator[FileResult]) -> dict[str, FileResult]:
    return {Path(r.file).name: r for r in results}


def cell(result: FileResult, ref: str) -> str:
    table, row, column = ref.split(".")
    return next(v for t, r, c, v, _m in result.cells if (t, r, c) == (table, row, column))


def test_walk_picks_report_files_in_sorted_order_and_skips_notes_and_hidden(folder: Path) -> None:
    names = [Path(n).relative_to(folder).as_posix() for n in iter_files([folder])]
    # A directory's own files first, then its sub-directories, each in sorted order.
    assert names == ["broken.json", "yaodu.json", "2020/yanzhou.json"]


def test_walk_keeps_unreadable_documents_so_they_are_listed_as_failed(tmp_path: Path) -> None:
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "scan.PDF").write_bytes(b"%PDF-1.4")
    assert sorted(Path(n).name for n in iter_files([tmp_path])) == ["old.doc", "scan.PDF"]


def test_a_named_file_is_kept_even_if_missing(tmp_path: Path) -> None:
    assert list(iter_files([tmp_path / "gone.json"])) == [str(tmp_path / "gone.json")]


def test_each_file_has_its_outcome_and_a_bad_file_does_not_stop_the_batch(folder: Path) -> None:
    results = by_file(gr.extract([folder, folder / "missing.json"], jobs=1))
    assert sorted(results) == ["broken.json", "missing.json", "yanzhou.json", "yaodu.json"]
    yanzhou, yaodu = results["yanzhou.json"], results["yaodu.json"]
    assert (yanzhou.ok, yanzhou.agency, yanzhou.year, yanzhou.edition) == (True, "济宁市兖州区", 2020, "2019")
    assert cell(yanzhou, "requests.new_received.total") == "92"
    assert cell(yaodu, "requests.new_received.total") == "18"
    assert cell(yaodu, "requests.new_received.commercial") == "3"
    # A cell the report leaves blank has no value and says why.
    assert ("requests", "carried_over", "total", "", "blank") in yaodu.cells
    assert not results["broken.json"].ok
    assert "JSON" in results["broken.json"].error
    assert results["missing.json"].error == "no such file"
    assert results["missing.json"].cells == ()


def test_records_are_dicts_with_the_report_identity(folder: Path) -> None:
    result = next(r for r in gr.extract([folder / "yaodu.json"], jobs=1))
    record = next(
        r for r in result.records() if (r["table"], r["row"], r["column"]) == ("requests", "new_received", "total")
    )
    assert record == {
        "file": str(folder / "yaodu.json"),
        "agency": "尧都区人民政府",
        "year": 2020,
        "edition": "2019",
        "table": "requests",
        "row": "new_received",
        "column": "total",
        "value": "18",
        "missing": "",
    }


def test_two_workers_give_the_same_results_as_one(folder: Path) -> None:
    serial = by_file(gr.extract([folder], jobs=1))
    parallel = by_file(gr.extract([folder], jobs=2, chunksize=1))
    assert parallel.keys() == serial.keys()
    for name in serial:
        assert (parallel[name].ok, parallel[name].cells, parallel[name].error) == (
            serial[name].ok,
            serial[name].cells,
            serial[name].error,
        )


def test_files_are_taken_from_the_input_lazily(tmp_path: Path) -> None:
    """Streaming: while the first result is awaited, only a few chunks of names have been taken."""
    gr.write(hand_report("甲区", 2020, 1, 0), tmp_path / "a.json")
    taken = 0

    def names() -> Iterator[str]:
        nonlocal taken
        for _ in range(10_000):
            taken += 1
            yield str(tmp_path / "a.json")

    results = gr.extract(names(), jobs=2, chunksize=4)
    first = next(results)
    results.close()  # stopping early must not wait for the other 9,999 files
    assert first.ok
    # At most jobs × 4 chunks in flight, plus the chunk being formed.
    assert taken <= 2 * 4 * 4 + 4


def test_a_worker_that_dies_fails_only_its_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("relies on fork() passing the patched function to the workers")

    def dies_on_yaodu(name: str, options: _Options) -> FileResult:
        if name.endswith("yaodu.json"):
            os._exit(3)  # what a segfault or the OOM killer looks like to the pool
        return extract_file(name, options)

    monkeypatch.setattr(extract_module, "extract_file", dies_on_yaodu)
    results = by_file(gr.extract([folder], jobs=2, chunksize=1))
    assert sorted(results) == ["broken.json", "yanzhou.json", "yaodu.json"]
    assert not results["yaodu.json"].ok
    assert "worker process died" in results["yaodu.json"].error
    assert results["yanzhou.json"].ok
    assert cell(results["yanzhou.json"], "requests.new_received.total") == "92"


def test_a_result_that_cannot_be_sent_back_fails_only_its_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("relies on fork() passing the patched function to the workers")

    def unpicklable_for_yaodu(name: str, options: _Options) -> FileResult:
        result = extract_file(name, options)
        if name.endswith("yaodu.json"):  # e.g. a third-party rule's finding holding a lock
            return FileResult(name, ok=True, findings=(threading.Lock(),))  # type: ignore[arg-type]
        return result

    monkeypatch.setattr(extract_module, "extract_file", unpicklable_for_yaodu)
    results = by_file(gr.extract([folder], jobs=2))
    assert sorted(results) == ["broken.json", "yanzhou.json", "yaodu.json"]
    assert not results["yaodu.json"].ok
    assert "could not send this file's result back" in results["yaodu.json"].error
    assert cell(results["yanzhou.json"], "requests.new_received.total") == "92"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_that_takes_too_long_is_stopped_and_listed(
    folder: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    if not hasattr(signal, "setitimer") or multiprocessing.get_start_method() != "fork":
        pytest.skip("the time limit uses SIGALRM; the patch reaches workers through fork()")
    real_read = extract_module.read

    def hangs_on_yaodu(name: str, format: str | None = None) -> AnnualReport:
        if name.endswith("yaodu.json"):
            time.sleep(30)  # a reader stuck in a loop
        return real_read(name, format=format)  # type: ignore[no-any-return]

    monkeypatch.setattr(extract_module, "read", hangs_on_yaodu)
    results = by_file(gr.extract([folder], jobs=jobs, timeout=0.5))
    # Had the limit not stopped it, the stuck read would have finished (after 30 s) as ok.
    assert not results["yaodu.json"].ok
    assert results["yaodu.json"].error.startswith("reading took longer than 0.5 s")
    assert cell(results["yanzhou.json"], "requests.new_received.total") == "92"
    # The limit is lifted after each file: nothing fires later in this process.
    time.sleep(0.7)


def test_resume_from_skips_the_files_an_earlier_run_listed(folder: Path, tmp_path: Path) -> None:
    table = tmp_path / "data.files.csv"
    table.write_text(
        f"file,status,error\n{folder / 'yaodu.json'},ok,\n{folder / 'broken.json'},failed,not valid JSON\n",
        encoding="utf-8",
    )
    left = by_file(gr.extract([folder], jobs=1, resume_from=table))
    assert sorted(left) == ["yanzhou.json"]


def test_rules_run_in_the_workers(folder: Path) -> None:
    if "requests.row_total" not in gr.registry.rule_codes():
        pytest.skip("the requests.row_total rule is not installed")
    # 5 + 1 + 0 + 0 + 0 + 0 people and organisations, but a total of 7.
    counts = {"natural_person": 5, "commercial": 1, "research": 0, "social_welfare": 0, "legal_service": 0}
    cells = {("new_received", c): Cell(v) for c, v in {**counts, "other_org": 0, "total": 7}.items()}
    requests = Table.build("requests", "2019", cells, fill=Missing.BLANK)
    bad = AnnualReport("2019", 2020, "甲区", "甲区2020年政府信息公开工作年度报告", requests=requests)
    gr.write(bad, folder / "bad_sum.json")
    result = next(r for r in gr.extract([folder / "bad_sum.json"], jobs=2, rules=["requests.row_total"]))
    assert result.ok
    assert [f.rule for f in result.findings] == ["requests.row_total"]
    row = next(result.finding_rows())
    assert row[:4] == (str(folder / "bad_sum.json"), "requests.row_total", "error", row[3])
    assert "requests.new_received.total" in row[3]


def test_bad_arguments_are_refused(folder: Path) -> None:
    with pytest.raises(ValueError, match="jobs"):
        gr.extract([folder], jobs=0)
    with pytest.raises(ValueError, match="chunksize"):
        gr.extract([folder], chunksize=0)
    with pytest.raises(ValueError, match="timeout"):
        gr.extract([folder], timeout=0)


def test_dask_example_runs_with_or_without_dask(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    namespace = runpy.run_path(str(EXAMPLES / "dask_bag.py"))
    out = tmp_path / "cells.csv"
    assert namespace["main"]([str(folder), str(out)]) == 0
    printed = capsys.readouterr().out
    # Two 2019 reports with only table 3: 2 × 23 rows × 7 columns.
    assert "3 file(s): 2 read, 1 failed, 322 cells" in printed
    assert "failed: " in printed and "broken.json" in printed
    with open(out, encoding="utf-8", newline="") as f:
        cells = list(csv.DictReader(f))
    assert len(cells) == 322
    (total,) = [
        r["value"]
        for r in cells
        if r["file"].endswith("yanzhou.json") and (r["row"], r["column"]) == ("new_received", "total")
    ]
    assert total == "92"
