"""govinfo_report: China's government information disclosure annual reports as typed, checked data.

Read a report in any installed format, check its arithmetic, write it back::

    import govinfo_report as gr

    report = gr.read("report.docx")
    report.requests["new_received", "total"].value
    for finding in gr.validate(report):
        print(finding)
    gr.write(report, "report.json")
"""

from __future__ import annotations

from .api import read, validate, validate_series, write
from .document import Location
from .errors import (
    NotAReportError,
    PluginError,
    ReadError,
    ReportError,
    UnknownFormatError,
    UnsafeInputError,
    WriteError,
)
from .extract import FileResult, extract
from .findings import CellRef, Finding, Severity
from .layout import Edition
from .model import AnnualReport, Cell, Missing, Sections, Table
from .registry import FormatInfo, formats

__version__ = "0.1.0"

__all__ = [
    "AnnualReport",
    "Cell",
    "CellRef",
    "Edition",
    "FileResult",
    "Finding",
    "FormatInfo",
    "Location",
    "Missing",
    "NotAReportError",
    "PluginError",
    "ReadError",
    "ReportError",
    "Sections",
    "Severity",
    "Table",
    "UnknownFormatError",
    "UnsafeInputError",
    "WriteError",
    "extract",
    "formats",
    "read",
    "validate",
    "validate_series",
    "write",
]
