"""The ``pdf`` reader: pdfplumber's lines and ruled tables → the library's document form."""

from __future__ import annotations

import io
import logging
from bisect import bisect_left
from collections import Counter
from typing import ClassVar

import pdfplumber
from pdfplumber.page import Page

from govinfo_report.document import Block, Document, Location, Paragraph
from govinfo_report.errors import ReadError, ReportError, UnsafeInputError
from govinfo_report.plugins import DocumentReader

from .limits import check_streams
from .tables import Box, RawTable, cell_text, merge_page_breaks, orphan_cells, to_grid
from .text import Line, is_page_number, line_from_chars, merge_shifted, paragraphs

# pdfminer logs a warning for every font of a browser's PDF it finds odd ("Could not get FontBBox …",
# a thousand lines per page): with no handler of its own, Python's last-resort handler prints them to
# stderr, in the middle of a batch's output.  A handler that drops them stops that; an application that
# configures logging still receives them (they propagate as before).
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

__all__ = ["MAX_PAGES", "PdfReader"]

#: PDFs with more pages than this are refused (real reports have fewer than 40).
MAX_PAGES = 300
#: Pages with more characters and drawn lines than this are refused (a report's page has about 1,000):
#: table finding compares every ruling line with every other.
MAX_PAGE_OBJECTS = 50_000
#: Cell borders shorter than this (points) are corner marks, not borders.
_MIN_EDGE = 2.0
#: A row cut by a page break: at least this many side borders ending at one height …
_MIN_OPEN_BORDERS = 3
#: … and no ruling line within this many points of it.
_EDGE_SLACK = 1.5
#: More such heights on a page than this are not page breaks: none is closed.
_MAX_OPEN_ROWS = 4


def _inside(obj: dict[str, object], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (float(str(obj["x0"])) + float(str(obj["x1"]))) / 2
    y = (float(str(obj["top"])) + float(str(obj["bottom"]))) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _open_row_edges(page: Page) -> list[float]:
    """Heights where several cell borders end with no ruling line across them.

    A browser printing a table over two pages draws no border where the page
    cuts a row: the first row on the next page (and the last one above the cut)
    has its side borders only, so the table finder, which needs ruled cells,
    leaves that row out and its text reads as prose.  The rows are closed with
    a line at those heights.
    """
    upright = [e for e in page.edges if e["orientation"] == "v" and e["bottom"] - e["top"] > _MIN_EDGE]
    across = sorted(float(e["top"]) for e in page.edges if e["orientation"] == "h" and e["x1"] - e["x0"] > _MIN_EDGE)
    ends = Counter(round(y) for e in upright for y in (e["top"], e["bottom"]))
    found = []
    for y, count in ends.items():
        near = bisect_left(across, y - _EDGE_SLACK)
        if count >= _MIN_OPEN_BORDERS and (near == len(across) or across[near] > y + _EDGE_SLACK):
            found.append(float(y))
    # A page cuts a table at its top and its bottom; many such heights are no browser's table (and each
    # line given to the table finder is compared with every other).
    return sorted(found) if len(found) <= _MAX_OPEN_ROWS else []


def _page_tables(page: Page, number: int) -> list[RawTable]:
    """The page's ruled tables of two or more columns (a box around prose is not a table)."""
    found = []
    open_edges = _open_row_edges(page)
    settings = {"explicit_horizontal_lines": open_edges} if open_edges else None
    for table in page.find_tables(table_settings=settings):
        texts = table.extract()
        cells = [
            Box(bbox[0], bbox[1], bbox[2], bbox[3], cell_text(text), number)
            for row, row_texts in zip(table.rows, texts, strict=False)
            for bbox, text in zip(row.cells, row_texts, strict=False)
            if bbox is not None
        ]
        cells += orphan_cells(cells, _stray_lines(page, table.bbox, cells))
        raw = RawTable(number, number, table.bbox[1], table.bbox[3], tuple(cells))
        if len(raw.columns) > 2:
            found.append(raw)
    return found


def _stray_lines(page: Page, bbox: tuple[float, float, float, float], cells: list[Box]) -> list[Box]:
    """The text lines inside a table's box that lie in none of its cells (most tables have none)."""
    boxes = [(c.x0, c.top, c.x1, c.bottom) for c in cells]

    def stray(obj: dict[str, object]) -> bool:
        return (
            obj.get("object_type") == "char"
            and bool(str(obj.get("text", "")).strip())
            and _inside(obj, [bbox])
            and not _inside(obj, boxes)
        )

    if not any(stray(char) for char in page.chars):
        return []
    return [
        Box(float(f["x0"]), float(f["top"]), float(f["x1"]), float(f["bottom"]), str(f["text"]).strip())
        for f in merge_shifted(page.filter(stray).extract_text_lines())
        if str(f["text"]).strip()
    ]


def _page_lines(page: Page, number: int, tables: list[RawTable]) -> list[Line]:
    """The page's text lines outside its tables, page numbers dropped."""
    boxes = [(min(c.x0 for c in t.cells), t.top, max(c.x1 for c in t.cells), t.bottom) for t in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    lines = []
    for found in merge_shifted(outside.extract_text_lines(return_chars=True)):
        text = str(found["text"]).strip()
        if not text or is_page_number(text):
            continue
        box = (float(found["x0"]), float(found["top"]), float(found["x1"]), float(found["bottom"]))
        lines.append(line_from_chars(text, number, found["chars"], box))
    return lines


class PdfReader(DocumentReader):
    """Reads reports published as PDF (text PDFs; scanned images hold no text to read)."""

    name: ClassVar[str] = "pdf"
    suffixes: ClassVar[tuple[str, ...]] = (".pdf",)

    def sniff(self, head: bytes) -> int:
        return 100 if head.lstrip()[:5] == b"%PDF-" else 0

    def parse(self, data: bytes, *, source: str | None = None) -> Document:
        if data.lstrip()[:5] != b"%PDF-":
            raise ReadError("not a PDF (it does not start with %PDF-)", where=source)
        # Before pdfminer decodes anything: it inflates every stream whole, without a limit.
        check_streams(data, where=source)
        try:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                if len(pdf.pages) > MAX_PAGES:
                    raise UnsafeInputError(f"{len(pdf.pages)} pages exceed the {MAX_PAGES}-page limit", where=source)
                return self._document(list(pdf.pages), source)
        except ReportError:
            raise
        except Exception as exc:  # pdfminer raises many kinds for corrupt or encrypted files
            detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            raise ReadError(f"cannot read the PDF ({detail})", where=source) from exc

    def _document(self, pages: list[Page], source: str | None) -> Document:
        lines: list[Line] = []
        tables: list[RawTable] = []
        for number, page in enumerate(pages):
            objects = len(page.chars) + len(page.lines) + len(page.rects) + len(page.curves)
            if objects > MAX_PAGE_OBJECTS:
                raise UnsafeInputError(
                    f"page {number + 1} holds {objects} characters and lines, over the limit of {MAX_PAGE_OBJECTS}",
                    where=source,
                )
            found = _page_tables(page, number)
            page_lines = _page_lines(page, number, found)
            for i, table in enumerate(found):
                above = any(line.bottom <= table.top for line in page_lines)
                below = any(line.top >= table.bottom for line in page_lines)
                starts = i == 0 and not above
                ends = i == len(found) - 1 and not below
                found[i] = RawTable(table.page, table.last_page, table.top, table.bottom, table.cells, ends, starts)
            lines += page_lines
            tables += found
        # A paragraph never runs across a table: break before the first line below each table.
        breaks = frozenset(
            next((k for k, line in enumerate(lines) if (line.page, line.top) > (t.page, t.top)), len(lines))
            for t in tables
        )
        merged = merge_page_breaks(tables)
        keyed: list[tuple[tuple[int, float], Block]] = []
        for para in paragraphs(lines, breaks):
            where = Location(source, line=para.first_line, page=para.page + 1)
            keyed.append(((para.page, para.top), Paragraph(para.text, where, heading=para.heading)))
        for index, table in enumerate(merged):
            keyed.append(((table.page, table.top), to_grid(table, index, source)))
        keyed.sort(key=lambda item: item[0])
        return Document(tuple(block for _key, block in keyed), source=source)
