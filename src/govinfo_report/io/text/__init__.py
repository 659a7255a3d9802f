"""Plain-text reports: :class:`TextReader` (five layouts, any common encoding) and :class:`TextWriter`."""

from __future__ import annotations

from .reader import TextReader
from .writer import TextWriter

__all__ = ["TextReader", "TextWriter"]
