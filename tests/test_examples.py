"""Every example script in ``examples/`` runs, on the example reports, and says what they hold.

The plugin distributions in ``examples/plugin-*`` have their own tests, run
by CI after installing them (``pip install ./examples/plugin-pdf``).
"""

from __future__ import annotations

import doctest
import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import govinfo_report as gr
from govinfo_report.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
REPORTS = EXAMPLES / "reports"


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run an example script as a user would, from the repository root."""
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=EXAMPLES.parent,
        check=False,
    )


def load(script: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(script.removesuffix(".py"), EXAMPLES / script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_example_reports_are_the_real_documents() -> None:
    names = sorted(p.name for p in REPORTS.iterdir())
    assert names == ["pingtan_2020_crawled.txt", "pingyin_2021.docx", "shanting_2020.txt", "yanzhou_2020.txt"]
    # 济宁市兖州区 2020, table 3 as printed: 90 natural persons and 2 companies, 92 in all.
    requests = gr.read(REPORTS / "yanzhou_2020.txt").requests
    assert requests is not None
    assert [requests.value("new_received", c) for c in ("natural_person", "commercial", "total")] == [90, 2, 92]
    pingyin = gr.read(REPORTS / "pingyin_2021.docx")
    assert (pingyin.agency, pingyin.year, pingyin.edition) == ("平阴县人民政府办公室", 2021, gr.Edition.E2021)


def test_check_folder_names_the_report_that_contradicts_itself() -> None:
    done = run("check_folder.py", "examples/reports")
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    # 平潭 2020 as crawled: its outcome rows add up to 26 natural persons (6+6+4+3+3+4), but （七）总计 says 20.
    assert lines[0] == "pingtan_2020_crawled.txt: 2 error(s)"
    assert "total_processed (20)" in lines[1] and "= 26" in lines[1]
    assert "pingyin_2021.docx: ok" in lines
    assert "shanting_2020.txt: ok" in lines
    assert "yanzhou_2020.txt: ok" in lines
    assert lines[-1] == "4 report(s) read, 1 fail their own arithmetic: pingtan_2020_crawled.txt"


def test_check_folder_reports_unreadable_files_and_bad_usage(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "yanzhou_2020.txt").write_bytes((REPORTS / "yanzhou_2020.txt").read_bytes())
    done = run("check_folder.py", str(tmp_path))
    assert done.returncode == 2
    assert "yanzhou_2020.txt: ok" in done.stdout
    assert "empty.txt: cannot read: empty input (0 bytes)" in done.stdout
    usage = run("check_folder.py")
    assert usage.returncode == 2 and "usage:" in usage.stderr


def test_custom_rule_runs_and_its_rule_fires_only_when_nothing_was_granted() -> None:
    done = run("custom_rule.py", "examples/reports/yanzhou_2020.txt")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "examples/reports/yanzhou_2020.txt: granted at least one request, or received none"
    rule = load("custom_rule.py").NoneGranted()
    report = gr.read(REPORTS / "yanzhou_2020.txt")
    assert report.requests is not None
    # Yanzhou granted 20 in full and 28 in part: nothing to say.
    assert gr.validate(report, [rule], include_reader_findings=False) == []
    none_granted = report.requests
    for row in ("granted", "partially_granted"):
        none_granted = none_granted.replace(row, "total", gr.Cell(0, text="0"))
    findings = gr.validate(attrs.evolve(report, requests=none_granted), [rule], include_reader_findings=False)
    assert [(f.rule, f.message, f.values) for f in findings] == [
        ("mine.none_granted", "92 requests received, none granted", (92,))
    ]


def test_the_readme_first_command(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in REPORTS.iterdir())
    assert main(["check", "--quiet", *files]) == 1
    out = capsys.readouterr().out
    assert "pingtan_2020_crawled.txt: 2 error(s)" in out
    assert "yanzhou_2020.txt: 0 error(s), 0 warning(s)" in out


@pytest.mark.parametrize("page", ["getting-started.rst"])
def test_the_docs_interactive_examples_print_what_the_page_says(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The page's paths are relative to the repository; files it writes go to a scratch folder.
    (tmp_path / "examples").symlink_to(EXAMPLES, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    page_path = EXAMPLES.parent / "docs" / page
    failed, attempted = doctest.testfile(str(page_path), module_relative=False, encoding="utf-8", report=True)
    assert attempted > 10
    assert failed == 0, f"{failed} of {attempted} examples in docs/{page} print something else (see above)"


#: Commands of the docs' console examples that are run (installing is not).
_RUN = ("govinfo-report ", "python examples/", "head ")


def _console_examples(page: Path) -> list[tuple[str, list[str]]]:
    """Each ``$ command`` of the page's console blocks with the lines shown after it."""
    found: list[tuple[str, list[str]]] = []
    in_console = False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith(".. code-block::"):
            in_console = line.endswith("console")
            continue
        if in_console and line and not line.startswith("   "):
            in_console = False
        if not in_console or not line.strip():
            continue
        text = line[3:]
        if text.startswith("$ "):
            found.append((text[2:], []))
        elif found:
            found[-1][1].append(text)
    return [(command, shown) for command, shown in found if command.startswith(_RUN)]


def _shows(actual: str, shown: str) -> bool:
    """Whether *actual* is the line the page shows (where the page writes ``[...]``, anything may stand)."""
    pattern = ".*".join(re.escape(part) for part in shown.split("[...]"))
    return re.fullmatch(pattern, actual) is not None


@pytest.mark.parametrize("page", ["getting-started.rst"])
def test_the_docs_console_examples_print_what_the_page_says(page: str, tmp_path: Path) -> None:
    (tmp_path / "examples").symlink_to(EXAMPLES, target_is_directory=True)
    bin_dir = str(Path(sys.executable).parent)
    examples = _console_examples(EXAMPLES.parent / "docs" / page)
    assert len(examples) >= 5
    for command, shown in examples:
        command = command.replace("python ", f"{sys.executable} ", 1) if command.startswith("python ") else command
        done = subprocess.run(
            command,
            shell=True,
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=tmp_path,
            env={"PATH": f"{bin_dir}:/usr/bin:/bin", "LC_ALL": "C.UTF-8"},
            check=False,
        )
        assert done.returncode in (0, 1), f"{command}: {done.stderr}"
        actual = done.stdout.splitlines()
        if command.startswith("govinfo-report formats"):  # installed plugins add lines
            actual = [line for line in actual if "govinfo-report " in line]
        assert len(actual) == len(shown) and all(map(_shows, actual, shown)), (
            f"docs/{page}: `{command}` prints\n" + "\n".join(actual) + "\nbut the page shows\n" + "\n".join(shown)
        )
