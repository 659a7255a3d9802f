"""Writes a report as .docx (being written)."""

from __future__ import annotations

from typing import Any, BinaryIO, ClassVar

from ...model import AnnualReport
from ...plugins import Writer


class DocxWriter(Writer):
    name: ClassVar[str] = "docx"
    suffixes: ClassVar[tuple[str, ...]] = (".docx",)

    def write(self, report: AnnualReport, stream: BinaryIO, **options: Any) -> None:
        raise NotImplementedError
