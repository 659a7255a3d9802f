"""Batch extraction: many report files in, one record per file out, on every core.

:func:`extract` walks files and directories, reads and checks each report in
worker processes, and yields one :class:`FileResult` per file as soon as it
is done.  Memory stays flat however large the corpus: files are walked
lazily, at most a few chunks of files are in flight at once (the next chunk
is submitted only when one finishes), and nothing is collected.  One bad
file never stops the batch: its result has ``ok=False`` and the error.

Because :func:`extract` is a plain generator over paths, a Dask or Spark job
can map it over partitions of file names with ``jobs=1`` (the cluster
provides the parallelism); see ``examples/dask_bag.py``.

``govinfo_report.extract`` (the package attribute) is the function; import
this module's other names from it by name
(``from govinfo_report.extract import iter_files``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path
from typing import Any, Union

from attrs import frozen

from . import registry
from ._alarm import time_limit
from .api import read, validate
from .errors import ReportError
from .findings import Finding
from .model import AnnualReport
from .values import format_value

__all__ = [
    "CELL_COLUMNS",
    "FINDING_COLUMNS",
    "KNOWN_SUFFIXES",
    "FileResult",
    "default_jobs",
    "extract",
    "file_key",
    "iter_files",
    "report_suffixes",
]

PathArg = Union[str, "os.PathLike[str]"]

#: Suffixes a directory walk always picks up, whether or not a reader for
#: them is installed and loads: the built-in formats' and documents no
#: built-in reader handles.  A file of these is then listed as failed with
#: the reason, rather than silently left out of a researcher's counts.
KNOWN_SUFFIXES: tuple[str, ...] = (
    *(".txt", ".htm", ".html", ".docx", ".json"),
    *(".doc", ".wps", ".pdf", ".rtf", ".odt"),
)

#: The columns of :meth:`FileResult.cell_rows`: the spec's tidy CSV with the file and report identity before it.
CELL_COLUMNS: tuple[str, ...] = ("file", "agency", "year", "edition", "table", "row", "column", "value", "missing")

#: The columns of :meth:`FileResult.finding_rows`.
FINDING_COLUMNS: tuple[str, ...] = (
    "file",
    "rule",
    "severity",
    "cells",
    "values",
    "expected",
    "message",
    "message_zh",
    "suggestion",
    "missing_as_zero",
    "where",
)

# Chunks of files in flight per worker: enough that a worker never waits for
# the parent, few enough that results waiting to be written stay small.
_IN_FLIGHT_PER_JOB = 4

Cell = tuple[str, str, str, str, str]


@frozen
class FileResult:
    """What extraction made of one file.

    ``cells`` holds ``(table, row, column, value, missing)`` for every cell of
    every table the report has: ``value`` is the formatted number (empty when
    missing) and ``missing`` the reason a cell has no value (empty when it
    has one).  ``findings`` are the reader's and the rules' findings.
    ``error`` says why a file failed (``ok`` is then false and the other
    fields are empty).  Everything here pickles, so results cross process
    boundaries cheaply.
    """

    file: str
    ok: bool
    error: str = ""
    agency: str = ""
    year: int | None = None
    edition: str = ""
    title: str = ""
    cells: tuple[Cell, ...] = ()
    findings: tuple[Finding, ...] = ()
    seconds: float = 0.0

    def cell_rows(self) -> Iterator[tuple[str, str, int | None, str, str, str, str, str, str]]:
        """The tidy rows of this file, in :data:`CELL_COLUMNS` order."""
        head = (self.file, self.agency, self.year, self.edition)
        for table, row, column, value, missing in self.cells:
            yield (*head, table, row, column, value, missing)

    def finding_rows(self) -> Iterator[tuple[str, str, str, str, str, str, str, str, str, bool, str]]:
        """One row per finding, in :data:`FINDING_COLUMNS` order.

        ``cells``, ``values`` (empty for a missing cell) and ``where`` (each
        cell's place in the file: line, table, row, column) are parallel
        lists separated by ``;``.
        """
        for f in self.findings:
            yield (
                self.file,
                f.rule,
                f.severity.value,
                ";".join(str(c) for c in f.cells),
                ";".join("" if v is None else format_value(v) for v in f.values),
                "" if f.expected is None else format_value(f.expected),
                f.message,
                f.message_zh,
                f.suggestion or "",
                f.missing_as_zero,
                ";".join("" if loc is None else str(loc._replace(source=None)) for loc in f.locations),
            )

    def records(self) -> Iterator[dict[str, Any]]:
        """The tidy rows as dicts (handy for ``dask.bag`` or ``pandas.DataFrame``)."""
        for row in self.cell_rows():
            yield dict(zip(CELL_COLUMNS, row, strict=True))


@frozen
class _Options:
    """What every worker needs to know (pickled once per chunk)."""

    format: str | None
    check: bool
    rules: tuple[str, ...] | None
    missing_as_zero: bool
    timeout: float | None = None


def report_suffixes() -> frozenset[str]:
    """The suffixes a directory walk picks up: :data:`KNOWN_SUFFIXES` and every installed reader's."""
    found = set(KNOWN_SUFFIXES)
    for reader in registry.readers():
        found.update(s.lower() for s in reader.suffixes)
    return frozenset(found)


def iter_files(inputs: Iterable[PathArg], *, suffixes: Iterable[str] | None = None) -> Iterator[str]:
    """Every file named in *inputs*, directories walked recursively.

    A directory's own files come first, then its sub-directories', each in
    sorted order, so a walk is the same on every run and machine.

    A directory contributes the files whose suffix is in *suffixes* (default
    :func:`report_suffixes`), skipping hidden files and directories.  A name
    that is not a directory is yielded as given, even if it does not exist,
    so that extraction lists it as failed rather than dropping it.
    """
    wanted: frozenset[str] | None = None if suffixes is None else frozenset(s.lower() for s in suffixes)
    for item in inputs:
        name = os.fspath(item)
        if not os.path.isdir(name):
            yield name
            continue
        if wanted is None:
            wanted = report_suffixes()
        for root, dirs, files in os.walk(name):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in sorted(files):
                if not f.startswith(".") and os.path.splitext(f)[1].lower() in wanted:
                    yield os.path.join(root, f)


def file_key(name: str) -> str:
    """The key identifying a file across runs (absolute, normalised), used by resume."""
    return os.path.normpath(os.path.abspath(name))


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _failure(name: str, exc: BaseException, started: float) -> FileResult:
    if isinstance(exc, ReportError):
        # Our errors already say where; drop the file name when it only repeats the file column.
        message = exc.message if exc.where == name else str(exc)
    else:  # a bug in a plugin or rule: still this file's failure, not the batch's
        message = f"unexpected {type(exc).__name__}: {exc}"
    return FileResult(name, ok=False, error=message, seconds=time.perf_counter() - started)


class _FileTimeout(BaseException):
    """Raised by the alarm inside a reader; a BaseException so that no reader's ``except Exception`` keeps it."""


def extract_file(name: str, options: _Options) -> FileResult:
    """Read and check one file; never raises for a problem with the file."""
    started = time.perf_counter()
    try:
        with time_limit(options.timeout, _FileTimeout):
            return _read_and_check(name, options, started)
    except _FileTimeout:
        return FileResult(
            name,
            ok=False,
            error=f"reading took longer than {options.timeout:g} s and was stopped (raise the limit with timeout=)",
            seconds=time.perf_counter() - started,
        )


def _tidy_cells(report: AnnualReport) -> tuple[Cell, ...]:
    """Every cell as ``(table, row, column, value, missing)``, in report order.

    Straight from each table's mapping rather than through
    :meth:`AnnualReport.cells`, which builds a :class:`CellRef` per cell:
    seven times faster, which matters when reading JSON takes 2 ms.
    """
    out: list[Cell] = []
    for table in report.tables():
        code = table.code
        for (row, column), cell in table.cells.items():
            value = cell.value
            text = "" if value is None else str(value) if type(value) is int else format_value(value)
            out.append((code, row, column, text, "" if cell.missing is None else cell.missing.value))
    return tuple(out)


def _read_and_check(name: str, options: _Options, started: float) -> FileResult:
    try:
        report = read(name, format=options.format)
        if options.check:
            findings = validate(report, options.rules, missing_as_zero=options.missing_as_zero)
        else:
            findings = sorted(report.findings)
        cells = _tidy_cells(report)
    except Exception as exc:
        return _failure(name, exc, started)
    return FileResult(
        file=name,
        ok=True,
        agency=report.agency,
        year=report.year,
        edition=report.edition.value,
        title=report.title,
        cells=cells,
        findings=tuple(findings),
        seconds=time.perf_counter() - started,
    )


def _extract_chunk(names: list[str], options: _Options) -> list[FileResult]:
    return [extract_file(n, options) for n in names]


def _chunks(names: Iterator[str], size: int) -> Iterator[list[str]]:
    while chunk := list(islice(names, size)):
        yield chunk


def _crashed(name: str) -> FileResult:
    return FileResult(
        name,
        ok=False,
        error="the worker process died while reading this file (a crash in a parser, or out of memory)",
    )


def _unreturnable(name: str, exc: Exception) -> FileResult:
    return FileResult(
        name,
        ok=False,
        error=f"the worker could not send this file's result back ({type(exc).__name__}: {exc}); "
        "a plugin's finding that cannot be pickled?",
    )


def _isolate(names: list[str], options: _Options) -> Iterator[FileResult]:
    """Retry the files of a failed chunk one at a time, each in a fresh process, to find the culprit."""
    for name in names:
        with ProcessPoolExecutor(max_workers=1) as solo:
            try:
                yield from solo.submit(_extract_chunk, [name], options).result()
            except BrokenProcessPool:
                yield _crashed(name)
            except Exception as exc:
                yield _unreturnable(name, exc)


def _parallel(names: Iterator[str], options: _Options, jobs: int, chunksize: int) -> Generator[FileResult, None, None]:
    chunks = _chunks(names, chunksize)
    limit = jobs * _IN_FLIGHT_PER_JOB
    while True:  # one pass per pool; a new pool only after a worker died
        pool = ProcessPoolExecutor(max_workers=jobs)
        in_flight: dict[Future[list[FileResult]], list[str]] = {}
        suspects: list[str] = []
        exhausted = False
        try:
            while True:
                while not exhausted and len(in_flight) < limit:
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                    else:
                        in_flight[pool.submit(_extract_chunk, chunk, options)] = chunk
                if not in_flight:
                    return
                finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in finished:
                    chunk = in_flight.pop(future)
                    try:
                        results = future.result()
                    except BrokenProcessPool:
                        suspects.extend(chunk)
                        continue
                    except Exception:  # the chunk's results could not come back; the pool is fine
                        yield from _isolate(chunk, options)
                        continue
                    yield from results
                if suspects:
                    # Every chunk still in flight died with the pool: retry them all, singly.
                    for chunk in in_flight.values():
                        suspects.extend(chunk)
                    in_flight.clear()
                    break
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        yield from _isolate(suspects, options)


def extract(
    paths: Iterable[PathArg],
    *,
    jobs: int | None = None,
    resume_from: PathArg | None = None,
    format: str | None = None,
    check: bool = True,
    rules: Iterable[str] | None = None,
    missing_as_zero: bool = False,
    timeout: float | None = None,
    chunksize: int = 8,
) -> Generator[FileResult, None, None]:
    """Read and check every report in *paths*, yielding one :class:`FileResult` per file.

    *paths* are files and directories (walked recursively, see
    :func:`iter_files`).  *jobs* worker processes read in parallel (default:
    every core; ``1`` reads in this process, which is what a Dask or Spark
    task wants).  Results arrive in completion order, not input order.

    *resume_from* names the files table of an earlier run (``.csv`` or
    ``.jsonl``, as written by ``govinfo-report extract``); files it lists are
    skipped.  *format* forces the input format; *check* runs the rules
    (*rules* selects them by code; *missing_as_zero* as in
    :func:`~govinfo_report.validate`), else only the reader's own findings
    are kept.  A file still being read after *timeout* seconds is stopped
    and listed as failed (Unix, and only when reading in a process's main
    thread; real reports take well under a second).  *chunksize* files go to
    a worker at a time.
    """
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    if timeout is not None and timeout <= 0:
        raise ValueError("timeout must be positive (or None for no limit)")
    options = _Options(format, check, None if rules is None else tuple(rules), missing_as_zero, timeout)
    names: Iterator[str] = iter_files(paths)
    if resume_from is not None:
        from .extract_tables import read_resume_state

        done = read_resume_state(Path(resume_from)).done
        names = (n for n in names if file_key(n) not in done)
    if jobs == 1:
        return (extract_file(name, options) for name in names)
    return _parallel(names, options, jobs, chunksize)
