"""Property-based testing kit for report datasets and format plugins.

A format plugin's whole test suite can be one call::

    from govinfo_report.testing import check_format

    def test_my_format() -> None:
        check_format("myformat")

:func:`check_format` generates reports of both editions (Hypothesis
strategies in :mod:`govinfo_report.testing.strategies`), checks that the
format's reader gives back exactly what its writer wrote, and that the
reader, fed damaged copies of written files (:mod:`.mutations`), returns a
report or raises :class:`~govinfo_report.ReportError` and nothing else,
within a bounded time.

This package imports without Hypothesis; the checks and the strategies need
it: ``pip install 'govinfo-report[testing]'``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .. import registry
from .._alarm import time_limit
from ..errors import ReportError
from ..layout import TABLE_CODES
from ..model import AnnualReport, Missing

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from ..plugins import Reader, Writer

__all__ = [
    "ReaderHang",
    "check_format",
    "check_reader_robust",
    "check_round_trip",
    "default_reports",
    "describe_difference",
]

#: A reader given longer than this for one input is taken to hang (generous: this is not a speed test).
HANG_SECONDS = 60.0

_INSTALL_HINT = "govinfo_report.testing needs Hypothesis: pip install 'govinfo-report[testing]'"


class ReaderHang(AssertionError):
    """A reader did not return within :data:`HANG_SECONDS` for one input."""


def _hypothesis() -> None:
    try:
        import hypothesis  # noqa: F401
    except ImportError as exc:
        raise ImportError(_INSTALL_HINT) from exc


def _hang(name: str) -> ReaderHang:
    return ReaderHang(f"the {name!r} reader did not return within {HANG_SECONDS:g} s")


def describe_difference(expected: AnnualReport, got: AnnualReport, *, limit: int = 12) -> str:
    """What differs between two reports, one line per field or cell (``""`` when equal)."""
    lines: list[str] = []
    for name in ("edition", "year", "agency", "title"):
        a, b = getattr(expected, name), getattr(got, name)
        if a != b:
            lines.append(f"{name}: expected {a!r}, got {b!r}")
    for name in ("preamble", "overview", "problems", "other_matters"):
        a, b = getattr(expected.sections, name), getattr(got.sections, name)
        if a != b:
            lines.append(f"sections.{name}: expected {a!r}, got {b!r}")
    for code in TABLE_CODES:
        ta, tb = expected.table(code), got.table(code)
        if (ta is None) != (tb is None):
            lines.append(
                f"{code}: expected {'no table' if ta is None else 'a table'}, got {'none' if tb is None else 'one'}"
            )
            continue
        if ta is None or tb is None:
            continue
        for key in dict.fromkeys([*ta.cells, *tb.cells]):
            ca, cb = ta.cells.get(key), tb.cells.get(key)
            if ca != cb:
                lines.append(f"{code}.{key[0]}.{key[1]}: expected {_cell(ca)}, got {_cell(cb)}")
    if len(lines) > limit:
        lines = [*lines[:limit], f"… and {len(lines) - limit} more differences"]
    return "\n".join(lines)


def _cell(cell: object) -> str:
    if cell is None:
        return "no cell"
    value, missing = getattr(cell, "value", None), getattr(cell, "missing", None)
    return repr(value) if missing is None else f"missing ({missing})"


def _write(writer: Writer, report: AnnualReport) -> bytes:
    buffer = io.BytesIO()
    writer.write(report, buffer)
    return buffer.getvalue()


def check_round_trip(name: str, report: AnnualReport) -> bytes:
    """Write *report* as format *name*, read it back, and require an equal report; returns the bytes written."""
    data = _write(registry.writer(name), report)
    with time_limit(HANG_SECONDS, lambda: _hang(name)):
        back = registry.reader(name).read(data, source=f"<{name} round trip>")
    if back != report:
        raise AssertionError(
            f"the {name!r} reader did not give back what the writer wrote:\n{describe_difference(report, back)}"
        )
    return data


def check_reader_robust(name: str, data: bytes) -> AnnualReport | None:
    """Read *data* with format *name*'s reader: a report, or ``None`` after a :class:`ReportError`.

    Any other exception propagates (that is the bug); so does
    :class:`ReaderHang` when the reader runs past :data:`HANG_SECONDS`.
    """
    reader: Reader = registry.reader(name)
    try:
        with time_limit(
            HANG_SECONDS, lambda: ReaderHang(f"the {name!r} reader did not return within {HANG_SECONDS:g} s")
        ):
            return reader.read(data, source=f"<mutated {name}>")
    except ReportError:
        return None


def default_reports() -> SearchStrategy[AnnualReport]:
    """The reports :func:`check_format` generates unless given ``reports=``.

    Both editions, odd prose, blank, not-applicable and unreadable cells
    (``见附件``, ``约20`` in value positions), wild cell text, now and then a
    table absent or 2021's （六）其他处理 printed as one row.
    """
    from .strategies import reports

    return reports(
        with_prose="odd",
        missing=(Missing.BLANK, Missing.NOT_APPLICABLE, Missing.UNREADABLE),
        wild_text=True,
        absent_tables=True,
        single_other_handling=True,
    )


def check_format(
    name: str,
    *,
    max_examples: int = 200,
    mutation_examples: int | None = None,
    reports: SearchStrategy[AnnualReport] | None = None,
    samples: Iterable[bytes] = (),
) -> None:
    """The property tests every format plugin should pass; raises ``AssertionError`` with the failing example.

    For a format with both a reader and a writer: ``read(write(r)) == r`` for
    *max_examples* generated reports of both editions (odd prose, blank,
    not-applicable and unreadable cells, decimal amounts, negative changes, wild cell
    text).  For a format with a reader: damaged copies of written files and
    of *samples* (real files of the format, for a reader without a writer)
    are read, and the reader must return a report or raise
    :class:`~govinfo_report.ReportError`, nothing else, never hanging
    (*mutation_examples*, default *max_examples*).  For a format with only a
    writer: every generated report is written without error.

    *reports* replaces the report strategy (default :func:`default_reports`).
    Hypothesis' settings profile applies, except that *max_examples* and
    ``deadline=None`` are set here.
    """
    _hypothesis()  # a clear ImportError first when the extra is not installed
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from .mutations import mutated

    info = {f.name: f for f in registry.formats()}.get(name)
    if info is None:
        registry.reader(name)  # raises UnknownFormatError naming what is installed
        raise AssertionError(f"no format {name!r}")  # pragma: no cover - reader() raised
    strategy = reports if reports is not None else default_reports()
    relaxed = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

    def run(test: Any, examples: int) -> None:
        settings(max_examples=examples, deadline=None, suppress_health_check=relaxed)(test)()

    if info.can_read and info.can_write:

        @given(strategy)
        def round_trip(report: AnnualReport) -> None:
            check_round_trip(name, report)

        run(round_trip, max_examples)

    elif info.can_write:
        writer = registry.writer(name)

        @given(strategy)
        def writes(report: AnnualReport) -> None:
            if not _write(writer, report):
                raise AssertionError(f"the {name!r} writer wrote nothing")

        run(writes, max_examples)

    if info.can_read:
        seeds = list(samples)
        sources: list[SearchStrategy[bytes]] = []
        if info.can_write:
            writer = registry.writer(name)
            sources.append(strategy.map(lambda r: _write(writer, r)))
        if seeds:
            sources.append(st.sampled_from(seeds))
        if not sources:
            raise ValueError(f"the format {name!r} has no writer: pass samples= (real files) to damage")

        @given(st.data())
        def robust(data: Any) -> None:
            good = data.draw(st.one_of(sources), label="valid input")
            bad = data.draw(mutated(good), label="damaged input")
            check_reader_robust(name, bad)

        run(robust, mutation_examples if mutation_examples is not None else max_examples)
