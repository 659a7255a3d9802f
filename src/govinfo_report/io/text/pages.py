"""Pages of a text, from its form feeds.

``pdftotext`` ends every page with a form feed (``\\f``), so the next page's
first line begins with one; other converters that keep page breaks do the
same.  A location in such text is far easier to check against the PDF by its
page than by a line number of a file the reader may never have seen.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...document import Document, Location, relocated

__all__ = ["line_pages", "with_pages"]


def line_pages(lines: Sequence[str]) -> list[int] | None:
    """The 1-based page of each line; ``None`` when the text has no form feed."""
    if not any("\f" in line for line in lines):
        return None
    pages: list[int] = []
    page = 1
    for line in lines:
        lead = len(line) - len(line.lstrip("\f"))  # feeds before the line's text: it is on the new page
        page += lead
        pages.append(page)
        page += line.count("\f") - lead
    return pages


def with_pages(doc: Document, pages: Sequence[int]) -> Document:
    """*doc* with the page of every location that names a line of the text."""

    def move(location: Location) -> Location:
        line = location.line
        if line is None or not 0 < line <= len(pages):
            return location
        return location._replace(page=pages[line - 1])

    return relocated(doc, move)
