"""Read every report in a folder and say which ones fail their own arithmetic.

Usage::

    python examples/check_folder.py examples/reports

Prints one line per report (``ok`` or the number of errors, then each error
finding) and exits 1 when any report contradicts itself, 2 when a file could
not be read at all.  Only error findings count: warnings (a blank cell, an
edition that does not match the year) are not arithmetic.
"""

from __future__ import annotations

import sys
from pathlib import Path

import govinfo_report as gr


def check_folder(folder: Path) -> tuple[list[tuple[Path, list[gr.Finding]]], list[tuple[Path, str]]]:
    """Each readable report's error findings, and the files that could not be read (with why)."""
    checked: list[tuple[Path, list[gr.Finding]]] = []
    unreadable: list[tuple[Path, str]] = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        try:
            report = gr.read(path)
        except gr.ReportError as exc:
            unreadable.append((path, exc.message))
            continue
        errors = [f for f in gr.validate(report) if f.severity is gr.Severity.ERROR]
        checked.append((path, errors))
    return checked, unreadable


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python check_folder.py FOLDER", file=sys.stderr)
        return 2
    checked, unreadable = check_folder(Path(argv[0]))
    for path, errors in checked:
        print(f"{path.name}: " + (f"{len(errors)} error(s)" if errors else "ok"))
        for finding in errors:
            print(f"    [{finding.rule}] {finding.message}")
    for path, why in unreadable:
        print(f"{path.name}: cannot read: {why}")
    failing = [path.name for path, errors in checked if errors]
    print(
        f"{len(checked)} report(s) read, {len(failing)} fail their own arithmetic"
        + (f": {', '.join(failing)}" if failing else "")
    )
    if unreadable:
        return 2
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
