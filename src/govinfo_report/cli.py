"""The ``govinfo-report`` command line.

Errors print one line to stderr and exit 2; ``check`` exits 1 when any
finding is an error.  Never a traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__, registry
from .api import read, validate, validate_series, write
from .errors import ReportError
from .findings import Finding, Severity
from .model import AnnualReport

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also rendered into the CLI reference docs)."""
    parser = argparse.ArgumentParser(
        prog="govinfo-report",
        description=(
            "Read, check and convert 政府信息公开工作年度报告 (government information disclosure annual reports)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = sub.add_parser("convert", help="read a report and write it in another format")
    convert.add_argument("input", metavar="IN", help="report file to read")
    convert.add_argument("output", metavar="OUT", help="file to write, or - for standard output")
    convert.add_argument(
        "--from", dest="from_format", metavar="FORMAT", help="input format (default: from suffix or content)"
    )
    convert.add_argument(
        "--to", dest="to_format", metavar="FORMAT", help="output format (default: from OUT's suffix; json for -)"
    )
    convert.add_argument("--excel", action="store_true", help="CSV: write UTF-8 with BOM for Excel")

    check = sub.add_parser("check", help="check reports' arithmetic; exit 1 when any error is found")
    check.add_argument("files", nargs="+", metavar="FILE", help="report files")
    check.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format of every FILE")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format of the findings")
    check.add_argument("--series", action="store_true", help="also run the cross-year rules over all FILEs")
    check.add_argument("--missing-as-zero", action="store_true", help="count missing cells as 0 in arithmetic rules")
    check.add_argument("--rules", metavar="CODES", help="comma-separated rule codes to run (default: all)")
    check.add_argument("--html", metavar="OUT.html", help="also write a page showing each report with its findings")
    check.add_argument("--quiet", "-q", action="store_true", help="print errors only")

    sub.add_parser("formats", help="list installed formats and the packages that provide them")
    _add_extract_parser(sub)
    return parser


def _add_extract_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    extract = sub.add_parser(
        "extract",
        help="read many reports in parallel into one cell table, a findings table and a files table",
        description="Read every report in DIR_OR_FILE (directories are walked) in parallel and write the cells to "
        "OUT, the findings to OUT's name + .findings, and one row per file (ok, or failed with its error) to "
        "OUT's name + .files. Exit 0 when every file was read, 1 when some failed, 2 when nothing could run.",
    )
    extract.add_argument("inputs", nargs="+", metavar="DIR_OR_FILE", help="report files and directories")
    extract.add_argument("--out", "-o", required=True, metavar="OUT", help="cell table: .csv, .jsonl or .parquet")
    extract.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: every core)")
    extract.add_argument(
        "--resume",
        action="store_true",
        help="continue an earlier run into the same OUT: skip the files its files table lists (ok or failed; "
        "delete a failed file's row there to retry it); without --resume the tables are replaced",
    )
    extract.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format of every file")
    extract.add_argument("--no-check", action="store_true", help="do not run the rules (keep the readers' findings)")
    extract.add_argument("--rules", metavar="CODES", help="comma-separated rule codes to run (default: all)")
    extract.add_argument("--missing-as-zero", action="store_true", help="count missing cells as 0 in arithmetic rules")
    extract.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="stop and list as failed a file read for longer (default 120; 0: no limit)",
    )
    extract.add_argument("--no-progress", action="store_true", help="no progress bar (it is off anyway when not a TTY)")


def _print_findings(files: list[tuple[str, list[Finding]]], out: TextIO, quiet: bool) -> None:
    for name, findings in files:
        shown = [f for f in findings if not quiet or f.severity is Severity.ERROR]
        errors = sum(f.severity is Severity.ERROR for f in findings)
        warnings = sum(f.severity is Severity.WARNING for f in findings)
        print(f"{name}: {errors} error(s), {warnings} warning(s)", file=out)
        for f in shown:
            cells = ", ".join(str(c) for c in f.cells)
            line = f"  {f.severity}: [{f.rule}] {f.message}"
            if cells:
                line += f" [{cells}]"
            if f.suggestion:
                line += f" — {f.suggestion}"
            print(line, file=out)


def _check(args: argparse.Namespace, out: TextIO) -> int:
    rules = args.rules.split(",") if args.rules else None
    reports: list[AnnualReport] = []
    results: list[tuple[str, list[Finding]]] = []
    for name in args.files:
        report = read(name, format=args.from_format)
        reports.append(report)
        results.append((name, validate(report, rules, missing_as_zero=args.missing_as_zero)))
    if args.series:
        results.append(("series", validate_series(reports, rules, missing_as_zero=args.missing_as_zero)))
    if args.html:
        from .report_page import write_check_page

        series = results[-1][1] if args.series else []
        write_check_page(args.html, reports, [f for _n, f in results[: len(reports)]], series=series)
    if args.format == "json":
        json.dump(
            [{"file": n, "findings": [f.to_dict() for f in fs]} for n, fs in results],
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    else:
        _print_findings(results, out, args.quiet)
    any_error = any(f.severity is Severity.ERROR for _n, fs in results for f in fs)
    return 1 if any_error else 0


def _convert(args: argparse.Namespace, out: TextIO) -> int:
    report = read(args.input, format=args.from_format)
    options = {"excel": True} if args.excel else {}
    if args.output == "-":
        buffer = io.BytesIO()
        write(report, buffer, format=args.to_format or "json", **options)
        if hasattr(out, "buffer"):
            out.flush()
            out.buffer.write(buffer.getvalue())
            out.buffer.flush()
        else:  # a text stream without bytes underneath (tests, notebooks)
            out.write(buffer.getvalue().decode("utf-8", errors="replace"))
    else:
        write(report, args.output, format=args.to_format, **options)
    return 0


def _formats(out: TextIO) -> int:
    for info in registry.formats():
        print(info, file=out)
    return 0


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line with *argv* (default ``sys.argv[1:]``); returns the exit code."""
    out = stdout or sys.stdout
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        if args.command == "convert":
            return _convert(args, out)
        if args.command == "check":
            return _check(args, out)
        if args.command == "extract":
            from .extract_cli import run_extract

            return run_extract(args, out)
        return _formats(out)
    except ReportError as exc:
        print(f"govinfo-report: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("govinfo-report: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        print(f"govinfo-report: error: {exc}", file=sys.stderr)
        return 2
