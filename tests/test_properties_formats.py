"""Every installed format, through the same kit a plugin author uses: :func:`govinfo_report.testing.check_format`.

For each format that can both read and write: ``read(write(r)) == r`` for
generated reports of both editions, and damaged copies of written files
(bytes flipped, cut, tags dropped, zip entries damaged) never make the reader
raise anything but ``ReportError``.  CSV has no reader: its values, parsed
back by the one cell parser, equal the report's.

Example counts: ``GOVINFO_REPORT_EXAMPLES`` (default 200 round trips per
format) and ``GOVINFO_REPORT_MUTATIONS`` (default 100 damaged inputs per
format); raise them for a thorough local run.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from hypothesis import given, settings

from govinfo_report import AnnualReport, Missing, registry
from govinfo_report.errors import PluginError
from govinfo_report.layout import table_spec
from govinfo_report.testing import check_format, check_round_trip
from govinfo_report.testing.strategies import reports
from govinfo_report.values import parse_cell

ROUND_TRIPS = int(os.environ.get("GOVINFO_REPORT_EXAMPLES", "200"))
MUTATIONS = int(os.environ.get("GOVINFO_REPORT_MUTATIONS", "100"))

#: The read-only corpus beside the repository (see shared/corpus/README.md).
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

#: The formats this distribution itself ships with a reader and a writer.
BUILT_IN = ("docx", "html", "json", "text")


def _loads(name: str) -> bool:
    try:
        registry.reader(name)
        registry.writer(name)
    except PluginError:
        return False
    return True


def _round_trip_formats() -> list[str]:
    return [f.name for f in registry.formats() if f.can_read and f.can_write and _loads(f.name)]


@pytest.mark.parametrize("name", BUILT_IN)
def test_built_in_format_has_reader_and_writer(name: str) -> None:
    # A built-in format that fails to load would silently drop out of the
    # parametrized properties below; this makes that loud.
    assert name in _round_trip_formats()


@pytest.mark.parametrize("name", _round_trip_formats())
def test_format_passes_the_plugin_kit(name: str) -> None:
    check_format(name, max_examples=ROUND_TRIPS, mutation_examples=MUTATIONS)


@pytest.mark.parametrize("name", _round_trip_formats())
@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_plain_report_of_each_edition_round_trips(name: str, edition: str) -> None:
    # One fixed, fully populated example per edition (the simplest the
    # strategy makes), so a format broken for one edition fails by name.
    @settings(max_examples=5, deadline=None, database=None)
    @given(reports(edition=edition, with_prose=True))
    def round_trip(report: AnnualReport) -> None:
        check_round_trip(name, report)

    round_trip()


@settings(max_examples=ROUND_TRIPS, deadline=None)
@given(reports(with_prose="odd", missing=True, wild_text=True, absent_tables=True))
def test_csv_values_parse_back_to_the_report(report: AnnualReport) -> None:
    buffer = io.BytesIO()
    registry.writer("csv").write(report, buffer)
    rows = list(csv.reader(io.StringIO(buffer.getvalue().decode("utf-8"))))
    assert rows[0] == ["table", "row", "column", "value"]
    expected = [(ref, cell) for ref, cell in report.cells()]
    assert [tuple(r[:3]) for r in rows[1:]] == [(ref.table, ref.row, ref.column) for ref, _ in expected]
    for (ref, cell), row in zip(expected, rows[1:], strict=True):
        kind = table_spec(report.edition, ref.table).row(ref.row).column(ref.column).kind
        parsed = parse_cell(row[3], kind)
        if cell.missing is None:
            assert parsed.value == cell.value, f"{ref}: {row[3]!r}"
        else:
            assert parsed.missing is Missing.BLANK, f"{ref}: {row[3]!r}"


def _writer_only_formats() -> list[str]:
    return [f.name for f in registry.formats() if f.can_write and not f.can_read and f.name != "csv"]


@pytest.mark.parametrize("name", _writer_only_formats())
def test_writer_only_format_writes_every_generated_report(name: str) -> None:
    # e.g. the Markdown plugin of examples/ when installed.
    check_format(name, max_examples=50)


def _reader_only_samples() -> list[tuple[str, list[Path]]]:
    out = []
    for info in registry.formats():
        if info.can_read and not info.can_write:
            try:
                suffixes = registry.reader(info.name).suffixes
            except PluginError:
                continue
            found = sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in suffixes)
            if found:
                out.append((info.name, found))
    return out


@pytest.mark.parametrize(("name", "paths"), _reader_only_samples())
def test_reader_only_format_survives_damaged_corpus_files(name: str, paths: list[Path]) -> None:
    # e.g. the PDF plugin of examples/ when installed, on the corpus PDF.
    check_format(name, samples=[p.read_bytes() for p in paths], mutation_examples=30)
