"""Read 政府信息公开工作年度报告 published as PDF with :func:`govinfo_report.read`.

Installing this distribution registers the ``pdf`` format through the
``govinfo_report.readers`` entry point.  :class:`PdfReader` turns the PDF's
text lines into paragraphs and its ruled tables into grids (the library's
neutral document form); govinfo_report's interpreter maps those to the
report, exactly as it does for Word and HTML.
"""

from __future__ import annotations

from .reader import MAX_PAGE_OBJECTS, MAX_PAGES, PdfReader

__all__ = ["MAX_PAGES", "MAX_PAGE_OBJECTS", "PdfReader"]
__version__ = "0.1.0"
