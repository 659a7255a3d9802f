"""``govinfo-report extract``: the batch command over :func:`govinfo_report.extract.extract`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any, TextIO

from .errors import ReportError
from .extract import FileResult, extract, file_key, iter_files
from .extract_tables import ExtractOutput

__all__ = ["run_extract"]


def _progress_bar(args: argparse.Namespace, done: frozenset[str]) -> Any:
    """A tqdm bar on a terminal when tqdm (the ``progress`` extra) is installed, else ``None``."""
    if args.no_progress or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    # Counting walks the tree once more without reading anything: cheap, and it gives the bar an end.
    total = sum(1 for name in iter_files(args.inputs) if file_key(name) not in done)
    tqdm.monitor_interval = 0  # no monitor thread: the worker processes are forked after the bar is made
    return tqdm(total=total, unit="file", file=sys.stderr)


def _results(args: argparse.Namespace, output: ExtractOutput) -> Iterator[FileResult]:
    return extract(
        args.inputs,
        jobs=args.jobs,
        resume_from=output.files_path if output.state.done else None,
        format=args.from_format,
        check=not args.no_check,
        rules=args.rules.split(",") if args.rules else None,
        missing_as_zero=args.missing_as_zero,
        timeout=args.timeout or None,
    )


def run_extract(args: argparse.Namespace, out: TextIO) -> int:
    """Run the batch; exit code 0 when every file was read, 1 when some failed."""
    if args.jobs is not None and args.jobs < 1:
        raise ReportError(f"--jobs must be at least 1, got {args.jobs}")
    if args.timeout < 0:
        raise ReportError(f"--timeout must be positive (0 for no limit), got {args.timeout:g}")
    ok = failed = 0
    with ExtractOutput(Path(args.out), resume=args.resume) as output:
        skipped = len(output.state.done)
        bar = _progress_bar(args, output.state.done)
        try:
            with bar if bar is not None else nullcontext():
                for result in _results(args, output):
                    output.add(result)
                    if result.ok:
                        ok += 1
                    else:
                        failed += 1
                        line = f"failed: {result.file}: {result.error}"
                        if bar is not None:
                            bar.write(line, file=out)
                        else:
                            print(line, file=out)
                    if bar is not None:
                        bar.update()
        except KeyboardInterrupt:
            print(
                f"govinfo-report: interrupted after {ok + failed} file(s); run again with --resume to continue",
                file=sys.stderr,
            )
            return 130
    summary = f"{ok + failed} file(s) read: {ok} ok, {failed} failed"
    if args.resume:
        summary += f"; {skipped} skipped as done by an earlier run"
    print(summary, file=out)
    print("wrote " + ", ".join(str(p) for p in output.paths), file=out)
    return 1 if failed else 0
