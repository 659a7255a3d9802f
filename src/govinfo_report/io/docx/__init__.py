"""The docx format: Word 2007+ documents read with zipfile + lxml, written in the official layout."""

from __future__ import annotations

from .reader import DocxReader
from .writer import DocxWriter

__all__ = ["DocxReader", "DocxWriter"]
