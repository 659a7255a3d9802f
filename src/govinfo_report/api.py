"""The public functions: :func:`read`, :func:`write`, :func:`validate`, :func:`validate_series`."""

from __future__ import annotations

import io
import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO, Union

from . import registry
from .errors import ReadError, ReportError, UnsafeInputError, WriteError
from .findings import Finding
from .model import AnnualReport
from .plugins import Reader, Rule, RuleOptions

__all__ = ["MAX_INPUT_BYTES", "read", "validate", "validate_series", "write"]

Source = Union[str, "os.PathLike[str]", bytes, BinaryIO]
Target = Union[str, "os.PathLike[str]", BinaryIO]

#: Inputs larger than this are refused before reading (real reports are < 20 MB).
MAX_INPUT_BYTES = 200 * 1024 * 1024
_HEAD = 4096


def _load_bytes(source: Source) -> tuple[bytes, str | None, str]:
    """The input's bytes, its name for messages, and its suffix."""
    name: str | None
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), None, ""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = str(path)
        if not path.exists():
            raise ReadError("no such file", where=name)
        if path.is_dir():
            raise ReadError("is a directory, not a report file", where=name)
        try:
            size = path.stat().st_size
            if size > MAX_INPUT_BYTES:
                raise UnsafeInputError(f"file of {size} bytes exceeds the {MAX_INPUT_BYTES}-byte limit", where=name)
            data = path.read_bytes()
        except OSError as exc:
            raise ReadError(f"cannot read file: {exc.strerror or exc}", where=name) from exc
        return data, name, path.suffix.lower()
    if hasattr(source, "read"):
        raw_name = getattr(source, "name", None)
        name = raw_name if isinstance(raw_name, str) else None
        try:
            data = source.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise ReadError(f"cannot read stream: {exc}", where=name) from exc
        if isinstance(data, str):
            raise ReadError("the stream is in text mode; open the file in binary mode ('rb')", where=name)
        if len(data) > MAX_INPUT_BYTES:
            raise UnsafeInputError(f"stream exceeds the {MAX_INPUT_BYTES}-byte limit", where=name)
        return bytes(data), name, Path(name).suffix.lower() if name else ""
    raise TypeError(f"cannot read a report from a {type(source).__name__}; pass a path, bytes or a binary file")


def _choose_reader(data: bytes, suffix: str, name: str | None) -> Reader:
    readers = registry.readers()
    if suffix:
        for r in readers:
            if suffix in r.suffixes:
                return r
    head = data[:_HEAD]
    scored = sorted(((r.sniff(head), r.name) for r in readers), reverse=True)
    if scored and scored[0][0] > 0:
        return registry.reader(scored[0][1])
    raise ReadError(
        "cannot tell the format of this input; pass format= (installed: " + ", ".join(registry.reader_names()) + ")",
        where=name,
    )


def read(source: Source, format: str | None = None) -> AnnualReport:
    """Read one annual report.

    *source* is a path, ``bytes`` or a binary file object.  The format is
    *format* if given, else the reader claiming the file's suffix, else the
    reader that recognises the content (a zip with ``word/document.xml`` is
    docx, markup is HTML, anything else text).

    Raises :class:`~govinfo_report.ReadError` (a :class:`ReportError`) for a
    missing, empty, corrupt or non-report input, and
    :class:`~govinfo_report.UnknownFormatError` for a format not installed.
    """
    data, name, suffix = _load_bytes(source)
    if not data:
        raise ReadError("empty input (0 bytes)", where=name)
    chosen = registry.reader(format) if format else _choose_reader(data, suffix, name)
    try:
        report = chosen.read(data, source=name)
    except ReportError as exc:
        if exc.where is None and name is not None:
            exc.where = name
            exc.args = (f"{name}: {exc.message}",)
        raise
    except (MemoryError, RecursionError) as exc:
        raise UnsafeInputError(
            f"input too large or too deeply nested for the {chosen.name} reader", where=name
        ) from exc
    except Exception as exc:  # a reader bug must still surface as our error, with the cause chained
        raise ReadError(
            f"the {chosen.name!r} reader failed unexpectedly ({type(exc).__name__}: {exc}); "
            "please report this with the file",
            where=name,
        ) from exc
    return report


def _choose_writer(fmt: str | None, target: Target) -> tuple[str, str | None]:
    name = None
    if isinstance(target, (str, os.PathLike)):
        name = str(target)
    elif hasattr(target, "name") and isinstance(getattr(target, "name", None), str):
        name = target.name
    if fmt:
        return fmt, name
    suffix = Path(name).suffix.lower() if name else ""
    if suffix:
        for w in registry.writers():
            if suffix in w.suffixes:
                return w.name, name
    raise WriteError(
        "cannot tell the output format"
        + (f" from the suffix {suffix!r}" if suffix else "")
        + "; pass format= (installed: "
        + ", ".join(registry.writer_names())
        + ")",
        where=name,
    )


def write(report: AnnualReport, target: Target, format: str | None = None, **options: Any) -> None:
    """Write *report* to *target* (a path or binary file object) as *format*.

    The format defaults to the writer claiming the target's suffix.  A file
    is written only once the whole output is ready, so a failure leaves no
    partial file.  *options* are passed to the writer (e.g. ``excel=True``
    for CSV).
    """
    fmt, name = _choose_writer(format, target)
    chosen = registry.writer(fmt)
    buffer = io.BytesIO()
    try:
        chosen.write(report, buffer, **options)
    except ReportError:
        raise
    except TypeError as exc:
        raise WriteError(f"the {fmt!r} writer rejected its options: {exc}", where=name) from exc
    data = buffer.getvalue()
    if isinstance(target, (str, os.PathLike)):
        try:
            Path(target).write_bytes(data)
        except OSError as exc:
            raise WriteError(f"cannot write file: {exc.strerror or exc}", where=name) from exc
    else:
        try:
            target.write(data)
        except (OSError, TypeError) as exc:
            raise WriteError(f"cannot write to the stream: {exc}", where=name) from exc


def _select_rules(rules: Iterable[str | Rule] | None, scope: str) -> list[Rule]:
    chosen = registry.rules() if rules is None else [registry.rule(r) if isinstance(r, str) else r for r in rules]
    return [r for r in chosen if r.scope == scope]


def validate(
    report: AnnualReport,
    rules: Iterable[str | Rule] | None = None,
    *,
    missing_as_zero: bool = False,
    include_reader_findings: bool = True,
) -> list[Finding]:
    """Check one report against the single-report rules; findings sorted, stable.

    *rules* selects rules by code (or passes rule objects); by default every
    installed rule runs.  With *missing_as_zero*, missing cells count as 0
    instead of skipping the relations they take part in.  The reader's own
    findings (ambiguous splits, wrong charsets …) are included unless
    *include_reader_findings* is false.
    """
    options = RuleOptions(missing_as_zero=missing_as_zero)
    found: list[Finding] = list(report.findings) if include_reader_findings else []
    for rule in _select_rules(rules, "report"):
        found.extend(rule.check(report, options))
    return sorted(found)


def validate_series(
    reports: Iterable[AnnualReport],
    rules: Iterable[str | Rule] | None = None,
    *,
    missing_as_zero: bool = False,
) -> list[Finding]:
    """Check reports across years: grouped by agency, each group ordered by year.

    Only pairs of consecutive years are compared by the carry-over rules; a
    gap (2020 then 2022) is reported as an info finding, not compared.
    """
    options = RuleOptions(missing_as_zero=missing_as_zero)
    groups: dict[str, list[AnnualReport]] = defaultdict(list)
    for report in reports:
        groups[report.agency].append(report)
    found: list[Finding] = []
    chosen = _select_rules(rules, "series")
    for agency in sorted(groups):
        series = sorted(groups[agency], key=lambda r: (r.year is None, r.year or 0))
        for rule in chosen:
            found.extend(rule.check_series(series, options))
    return sorted(found)
