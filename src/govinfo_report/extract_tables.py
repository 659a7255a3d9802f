"""The three tables ``govinfo-report extract`` writes, and how a run is resumed.

For ``--out data.csv`` (likewise ``.jsonl`` and ``.parquet``):

- ``data.csv``: every cell (:data:`~govinfo_report.extract.CELL_COLUMNS`);
- ``data.findings.csv``: every finding (:data:`~govinfo_report.extract.FINDING_COLUMNS`);
- ``data.files.csv``: one row per input file (:data:`FILE_COLUMNS`): ``ok`` or
  ``failed`` with the error.

Each file's rows are appended to the cell and findings tables with one
unbuffered write each, and only then is its row appended to the files
table, recording the byte size the other two tables had reached.  A run
killed at any point therefore leaves a files table that lists exactly the
files whose rows are complete; ``--resume`` cuts the other two tables back
to the sizes its last row recorded (dropping rows of a file whose files-table
row was never written) and skips the files it lists.  Parquet files cannot
be appended to, so Parquet output cannot be resumed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from attrs import frozen

from .errors import ReportError, WriteError
from .extract import CELL_COLUMNS, FINDING_COLUMNS, Cell, FileResult, file_key

__all__ = [
    "FILE_COLUMNS",
    "OUTPUT_SUFFIXES",
    "ExtractOutput",
    "ResumeState",
    "output_paths",
    "read_resume_state",
]

#: The columns of the files table.  ``cells_end``/``findings_end`` are the
#: byte sizes of the cell and findings tables once this file's rows were written.
FILE_COLUMNS: tuple[str, ...] = (
    "file",
    "status",
    "error",
    "agency",
    "year",
    "edition",
    "title",
    "cells",
    "findings",
    "seconds",
    "cells_end",
    "findings_end",
)

OUTPUT_SUFFIXES: tuple[str, ...] = (".csv", ".jsonl", ".parquet")

# Parquet rows are buffered into row groups of this many rows (bounded memory).
_PARQUET_ROW_GROUP = 50_000

Row = Sequence[Any]


def output_paths(out: Path) -> tuple[Path, Path, Path, str]:
    """The cell, findings and files table paths for *out*, and the table format."""
    suffix = out.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise WriteError(
            f"cannot tell the table format from the suffix {suffix!r}; use .csv, .jsonl or .parquet", where=str(out)
        )
    stem = out.with_suffix("")
    return out, Path(f"{stem}.findings{suffix}"), Path(f"{stem}.files{suffix}"), suffix[1:]


class _Sink(Protocol):
    def write(self, rows: Iterable[Row]) -> None: ...
    def write_cells(self, head: Row, cells: Sequence[Cell]) -> None: ...
    def size(self) -> int | None: ...
    def close(self) -> None: ...


class _ByteSink:
    """A table appended to one unbuffered write per batch of rows, so its size on disk is always exact."""

    def __init__(self, path: Path, columns: tuple[str, ...], append: bool) -> None:
        self.path = path
        self.columns = columns
        try:
            self._file: BinaryIO = open(path, "ab" if append else "wb", buffering=0)  # noqa: SIM115 (closed in close())
        except OSError as exc:
            raise WriteError(f"cannot open for writing: {exc.strerror or exc}", where=str(path)) from exc
        self._size = self._file.seek(0, os.SEEK_END)
        if self._size == 0:
            self._put(self.header())

    def header(self) -> bytes:
        return b""

    def encode(self, rows: Iterable[Row]) -> bytes:
        raise NotImplementedError

    def _put(self, data: bytes) -> None:
        if not data:
            return
        try:
            self._file.write(data)
        except OSError as exc:
            raise WriteError(f"cannot write: {exc.strerror or exc}", where=str(self.path)) from exc
        self._size += len(data)

    def write(self, rows: Iterable[Row]) -> None:
        self._put(self.encode(rows))

    def write_cells(self, head: Row, cells: Sequence[Cell]) -> None:
        """One file's cells: *head* (file, agency, year, edition) before each."""
        if cells:
            self._put(self.encode((*head, *cell) for cell in cells))

    def size(self) -> int:
        return self._size

    def close(self) -> None:
        self._file.close()


def _plain(cells: Sequence[Cell]) -> bool:
    """Whether every part of *cells* can be written without CSV quoting or JSON escaping.

    Always so for cells made by :func:`~govinfo_report.extract.extract_file`
    (layout codes, formatted numbers, missing reasons); checked anyway, in one
    C-level search, so that a future code with a comma cannot corrupt a table.
    """
    return _SPECIAL.search("\x1f".join("\x1f".join(cell) for cell in cells)) is None


_SPECIAL = re.compile(r'[,"\\\r\n\x00-\x1e]')


class _CsvSink(_ByteSink):
    def header(self) -> bytes:
        return self.encode([self.columns])

    def encode(self, rows: Iterable[Row]) -> bytes:
        text = io.StringIO(newline="")
        csv.writer(text, lineterminator="\n").writerows(["" if v is None else v for v in row] for row in rows)
        return text.getvalue().encode("utf-8")

    def write_cells(self, head: Row, cells: Sequence[Cell]) -> None:
        # The file's identity is quoted once; the cells' parts need no quoting (see _plain),
        # which makes this several times faster than the csv module row by row.
        if not cells or not _plain(cells):
            super().write_cells(head, cells)
            return
        prefix = self.encode([head]).decode("utf-8")[:-1] + ","
        self._put("".join(prefix + ",".join(cell) + "\n" for cell in cells).encode("utf-8"))


def _json_cell(column: str, value: Any) -> Any:
    # A count is a JSON integer and an amount a decimal string, as in the spec's JSON form.
    if column == "value" and isinstance(value, str) and value:
        try:
            return int(value)
        except ValueError:
            return value
    if column == "value" and value == "":
        return None
    return value


class _JsonlSink(_ByteSink):
    def encode(self, rows: Iterable[Row]) -> bytes:
        lines = [
            json.dumps({c: _json_cell(c, v) for c, v in zip(self.columns, row, strict=True)}, ensure_ascii=False) + "\n"
            for row in rows
        ]
        return "".join(lines).encode("utf-8")

    def write_cells(self, head: Row, cells: Sequence[Cell]) -> None:
        # As for CSV: the identity is encoded once, the plain parts are spliced in.
        if not cells or not _plain(cells):
            super().write_cells(head, cells)
            return
        prefix = json.dumps(dict(zip(CELL_COLUMNS[:4], head, strict=True)), ensure_ascii=False)[:-1]
        lines = [
            f'{prefix}, "table": "{t}", "row": "{r}", "column": "{c}", "value": {_json_value(v)}, "missing": "{m}"}}\n'
            for t, r, c, v, m in cells
        ]
        self._put("".join(lines).encode("utf-8"))


def _json_value(text: str) -> str:
    """The JSON of a formatted value: a count as a number, an amount as a string, none as null."""
    if not text:
        return "null"
    return text if text.lstrip("-").isdigit() else f'"{text}"'


class _ParquetSink:
    """Rows buffered into row groups of a Parquet file (pyarrow, the ``parquet`` extra)."""

    def __init__(self, path: Path, columns: tuple[str, ...], types: dict[str, str]) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise ReportError(
                "Parquet output needs pyarrow: pip install 'govinfo-report[parquet]' (or write .csv or .jsonl)"
            ) from None
        self._pa = pa
        self.path = path
        self.columns = columns
        kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
        self._schema = pa.schema([(c, kinds[types.get(c, "str")]) for c in columns])
        self._buffer: list[list[Any]] = [[] for _ in columns]
        self._rows = 0
        try:
            self._writer = pq.ParquetWriter(str(path), self._schema)
        except OSError as exc:
            raise WriteError(f"cannot open for writing: {exc}", where=str(path)) from exc

    def write_cells(self, head: Row, cells: Sequence[Cell]) -> None:
        self.write((*head, *cell) for cell in cells)

    def write(self, rows: Iterable[Row]) -> None:
        for row in rows:
            for column, value in zip(self._buffer, row, strict=True):
                column.append(value)
            self._rows += 1
        if self._rows >= _PARQUET_ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            arrays = [self._pa.array(col, type=f.type) for col, f in zip(self._buffer, self._schema, strict=True)]
            self._writer.write_table(self._pa.Table.from_arrays(arrays, schema=self._schema))
            self._buffer = [[] for _ in self.columns]
            self._rows = 0

    def size(self) -> None:
        return None  # not resumable, so no sizes to record

    def close(self) -> None:
        self._flush()
        self._writer.close()


_PARQUET_TYPES = {
    "cells": {"year": "int"},
    "findings": {"missing_as_zero": "bool"},
    "files": {
        "year": "int",
        "cells": "int",
        "findings": "int",
        "seconds": "float",
        "cells_end": "int",
        "findings_end": "int",
    },
}


@frozen
class ResumeState:
    """What an earlier run finished: the files it lists (by :func:`file_key`) and the table sizes it reached."""

    done: frozenset[str]
    cells_end: int | None
    findings_end: int | None


def _complete_lines(path: Path) -> None:
    """Drop a last line cut short by a killed run (anything after the final newline)."""
    with open(path, "rb+") as f:
        size = f.seek(0, os.SEEK_END)
        if size == 0:
            return
        block = min(size, 1 << 16)
        f.seek(size - block)
        tail = f.read(block)
        if tail.endswith(b"\n"):
            return
        cut = tail.rfind(b"\n")
        f.truncate(size - block + cut + 1 if cut >= 0 else 0)


def _one_line(text: str) -> str:
    """*text* without line breaks: each files-table row is one line, so a cut row is easy to drop."""
    return " ".join(text.splitlines()) if ("\n" in text or "\r" in text) else text


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _json_lines(lines: Iterable[str]) -> Iterator[Any]:
    for line in lines:
        try:
            yield json.loads(line)
        except json.JSONDecodeError:  # a line cut short by a killed run
            continue


def read_resume_state(files_table: Path) -> ResumeState:
    """The state recorded in a files table (``.csv`` or ``.jsonl``) written by an earlier run."""
    suffix = files_table.suffix.lower()
    if suffix not in (".csv", ".jsonl"):
        raise ReportError("resume needs the files table of a .csv or .jsonl run", where=str(files_table))
    done: set[str] = set()
    last: dict[str, Any] = {}
    try:
        with open(files_table, encoding="utf-8", newline="") as f:
            rows: Iterable[dict[str, Any]] = csv.DictReader(f) if suffix == ".csv" else _json_lines(f)
            for row in rows:
                # A row of a run killed mid-write lacks its last fields: it is not done.
                if not isinstance(row, dict) or not row.get("file") or row.get("status") not in ("ok", "failed"):
                    continue
                if any(key in row and _int(row[key]) is None for key in ("cells_end", "findings_end")):
                    continue
                done.add(file_key(str(row["file"])))
                last = row
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ReportError(f"cannot read the files table of the earlier run: {exc}", where=str(files_table)) from exc
    return ResumeState(frozenset(done), _int(last.get("cells_end")), _int(last.get("findings_end")))


class ExtractOutput:
    """The three tables of one extraction run; :meth:`add` appends one file's result."""

    def __init__(self, out: Path, *, resume: bool = False) -> None:
        self.cells_path, self.findings_path, self.files_path, kind = output_paths(out)
        self.state = ResumeState(frozenset(), None, None)
        append = resume and self.files_path.exists()
        if append:
            if kind == "parquet":
                raise ReportError("Parquet output cannot be resumed; write .csv or .jsonl to use --resume")
            for path in (self.cells_path, self.findings_path):
                if not path.exists():
                    raise ReportError(f"cannot resume: {path} is missing but {self.files_path} exists")
            _complete_lines(self.files_path)
            self.state = read_resume_state(self.files_path)
            self._cut(self.cells_path, self.state.cells_end)
            self._cut(self.findings_path, self.state.findings_end)
        self._sinks: list[_Sink] = []
        try:
            self.cells = self._open(kind, self.cells_path, CELL_COLUMNS, "cells", append)
            self.findings = self._open(kind, self.findings_path, FINDING_COLUMNS, "findings", append)
            self.files = self._open(kind, self.files_path, FILE_COLUMNS, "files", append)
        except BaseException:
            self.close()
            raise

    @staticmethod
    def _cut(path: Path, size: int | None) -> None:
        if size is not None and path.stat().st_size > size:
            os.truncate(path, size)

    def _open(self, kind: str, path: Path, columns: tuple[str, ...], table: str, append: bool) -> _Sink:
        sink: _Sink
        if kind == "csv":
            sink = _CsvSink(path, columns, append)
        elif kind == "jsonl":
            sink = _JsonlSink(path, columns, append)
        else:
            sink = _ParquetSink(path, columns, _PARQUET_TYPES[table])
        self._sinks.append(sink)
        return sink

    @property
    def paths(self) -> tuple[Path, Path, Path]:
        return self.cells_path, self.findings_path, self.files_path

    def add(self, result: FileResult) -> None:
        """Append *result*'s cells and findings, then its files-table row (which marks it done)."""
        self.cells.write_cells((result.file, result.agency, result.year, result.edition), result.cells)
        self.findings.write(result.finding_rows())
        self.files.write(
            [
                (
                    result.file,
                    "ok" if result.ok else "failed",
                    _one_line(result.error),
                    _one_line(result.agency),
                    result.year,
                    result.edition,
                    _one_line(result.title),
                    len(result.cells),
                    len(result.findings),
                    round(result.seconds, 6),
                    self.cells.size(),
                    self.findings.size(),
                )
            ]
        )

    def close(self) -> None:
        for sink in self._sinks:
            sink.close()

    def __enter__(self) -> ExtractOutput:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
