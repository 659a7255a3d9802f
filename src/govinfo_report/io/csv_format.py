"""The tidy CSV writer: one row per cell, ``table,row,column,value``."""

from __future__ import annotations

import csv
import io
from typing import Any, BinaryIO, ClassVar

from ..model import AnnualReport
from ..plugins import Writer
from ..tidy import TIDY_COLUMNS, tidy_rows


class CsvWriter(Writer):
    """Writes the spec's tidy CSV.

    Options: ``excel=True`` writes UTF-8 with a BOM (``utf-8-sig``) so that
    Excel shows the Chinese text correctly; the default is plain UTF-8.
    """

    name: ClassVar[str] = "csv"
    suffixes: ClassVar[tuple[str, ...]] = (".csv",)

    def write(self, report: AnnualReport, stream: BinaryIO, *, excel: bool = False, **options: Any) -> None:
        if options:
            raise TypeError(f"unknown CSV option(s): {', '.join(sorted(options))}")
        text = io.StringIO(newline="")
        out = csv.writer(text, lineterminator="\r\n" if excel else "\n")
        out.writerow(TIDY_COLUMNS)
        out.writerows(tidy_rows(report))
        stream.write(text.getvalue().encode("utf-8-sig" if excel else "utf-8"))
