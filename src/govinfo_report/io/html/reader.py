"""HTML → :class:`~govinfo_report.document.Document`.

Decoding (:mod:`.charset`): a byte-order mark, valid UTF-8, then the page's
own declaration (``<meta charset>``, ``<meta http-equiv="Content-Type">``, the
XML declaration) and the shared fallbacks of
:func:`govinfo_report.decoding.decode`.  A declaration the bytes contradict (a
GBK page declaring UTF-8) is overruled, with a ``reader.wrong_charset`` finding.

Parsing uses lxml's HTML parser with no network access; the HTML parser
never expands entity declarations, so an entity bomb stays inert.

The body is walked once, in document order, into blocks:

- headings (``h1``–``h6``) become ``Paragraph(heading=True)``;
- block elements (``p``, ``div``, ``li`` …) and ``<br>`` end a paragraph;
- a data table becomes a :class:`~govinfo_report.document.Grid` through the
  shared :func:`govinfo_report.grid.expand` (``rowspan``/``colspan``), with
  ``<br>`` and ``<p>`` inside a cell as ``"\\n"`` and ``&nbsp;``-only cells blank;
- a layout table (one that holds a nested table or a heading, a single cell,
  or a cell of page-length text) is not data: its cells' contents are walked
  as blocks in order;
- site chrome (scripts, navigation, breadcrumbs, share and font-size
  switches, footers: :mod:`.chrome`) is dropped.

Which grid is which report table, and what each label means, is left to
:func:`govinfo_report.interpret.interpret`.
"""

from __future__ import annotations

import re

from lxml import etree

from ...document import NOWHERE, Block, Document, Location, Paragraph
from ...errors import ReadError, UnsafeInputError
from ...grid import SpanCell, expand
from ...plugins import DocumentReader
from .charset import decode_page
from .chrome import SKIPPED_TAGS, is_chrome_attrs, is_chrome_text

__all__ = ["MAX_INPUT_BYTES", "HtmlReader"]

#: Larger input is refused: report pages are well under 5 MB, and libxml2's
#: tree costs many times the input size in memory.
MAX_INPUT_BYTES = 16 * 1024 * 1024
#: Elements nested deeper than this are read as plain text (no recursion without bound).
_MAX_DEPTH = 160
#: A table cell with more text than this is page content, not a data cell.
_PAGE_TEXT = 1000

_MARKUP = re.compile(r"<\s*[A-Za-z!/?]")
#: HTML white space, and &nbsp; (which in prose renders, and is meant, as a space): _collapse() makes each
#: run of these one space, as ``re.compile(r"[ \t\n\r\f\v\xa0]+").sub(" ", text)`` would.
_WS_OTHER = ("\t", "\n", "\r", "\f", "\v", "\xa0")
#: Stands for a line break inside collected text until white space is collapsed.
_BREAK = "\u2028"

_tuple_new = tuple.__new__

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Elements that start and end a paragraph (tables, headings and <br> are handled apart).
_BLOCKS = frozenset(
    {
        "html",
        "body",
        "p",
        "div",
        "center",
        "section",
        "article",
        "main",
        "header",
        "blockquote",
        "pre",
        "address",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "figure",
        "figcaption",
        "hr",
        "tr",
        "td",
        "th",
        "caption",
        "tbody",
        "thead",
        "tfoot",
    }
)
#: Inline elements that only wrap text (LibreOffice's <font><span>, Word's <o:p>): removed, text kept,
#: before the walk, so that most paragraphs and cells are a single text node.
_INLINE: tuple[str, ...] = (
    "font",
    "span",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "strike",
    "a",
    "sup",
    "sub",
    "small",
    "big",
    "tt",
    "nobr",
    "ins",
    "del",
    "abbr",
    "cite",
    "q",
    "mark",
    "o:p",
)
_ROW_GROUPS = ("thead", "tbody", "tfoot")
#: A table with one of these inside frames content (see _is_layout).
_FRAMES = ("table", *sorted(_HEADINGS))
_CELLS = frozenset({"td", "th"})


class HtmlReader(DocumentReader):
    """Reads a report published as a web page (LibreOffice, Word or CMS HTML)."""

    name = "html"
    suffixes = (".html", ".htm", ".shtml", ".xhtml")

    def sniff(self, head: bytes) -> int:
        # UTF-16 pages: the ASCII markup survives once the zero bytes are gone.
        probe = head.replace(b"\x00", b"").lower()
        if b"<html" in probe or b"<!doctype html" in probe:
            return 50
        if any(tag in probe for tag in (b"<body", b"<table", b"<meta", b"<div", b"<p>", b"<p ")):
            return 40
        return 0

    def parse(self, data: bytes, *, source: str | None = None) -> Document:
        if len(data) > MAX_INPUT_BYTES:
            raise UnsafeInputError(
                f"page of {len(data)} bytes is larger than the {MAX_INPUT_BYTES} bytes an HTML report may be",
                where=source,
            )
        # head: a UTF-8 page is only validated, its text not built; the sniff needs its first 64 KiB.
        page = decode_page(data, source, head=65536)
        if not _MARKUP.search(page.text, 0, 65536):
            raise ReadError("not HTML: no markup in the first 64 KiB", where=source)
        root = _parse_tree(page.utf8 if page.utf8 is not None else page.text.encode("utf-8"), source)
        walker = _Walker(source)
        walker.walk(root, 0)
        walker.flush()
        return Document(tuple(walker.blocks), source, page.findings)


def _parse_tree(utf8: bytes, source: str | None) -> etree._Element:
    # lxml.etree's HTML parser, not lxml.html's: plain elements need no Python class lookup per node.
    # A parser per call: lxml parsers must not be shared between threads.
    parser = etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
    )
    try:
        root = etree.fromstring(utf8, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ReadError(f"not readable as HTML: {exc}", where=source) from None
    if root is None:
        raise ReadError("not readable as HTML: empty document", where=source)
    etree.strip_tags(root, *_INLINE)
    return root


def _collapse(text: str) -> str:
    """Runs of HTML white space as one space, then stripped: str.replace and split, ~4× a regex sub's speed.

    After the replaces, the runs of HTML white space are runs of spaces at the same places; a text without
    two spaces in a row has runs of one only, and otherwise dropping the empty pieces of split(" ") collapses
    them (and the outer ones, which strip() removes anyway).
    """
    for ws in _WS_OTHER:
        if ws in text:
            text = text.replace(ws, " ")
    if "  " in text:
        text = " ".join([word for word in text.split(" ") if word])
    return text.strip()


def _span(value: str | None) -> int:
    """An HTML span attribute as a number: missing or malformed is 1 (as browsers read it)."""
    if not value:
        return 1
    digits = value.strip()
    end = 0
    while end < len(digits) and digits[end].isdigit():
        end += 1
    return int(digits[:end]) if 0 < end <= 6 else 1


def _clean_lines(text: str) -> str:
    """Collapse HTML white space, keeping the line breaks that <br>/<p> made; blank lines go."""
    # str.split() also splits at &nbsp; and the ideographic space, which a cell never means as text.
    lines = (" ".join(line.split()) for line in text.split(_BREAK))
    return "\n".join(line for line in lines if line)


class _Walker:
    """One pass over the tree, collecting blocks in reading order."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self._inline: list[str] = []
        self._line: int | None = None
        self._tables = 0
        #: is_chrome_attrs by (class, id): a page repeats a few class names (LibreOffice's "western") hundreds
        #: of times, and the word test costs ~1 µs.  Per page: nothing is carried from one page to the next.
        self._chrome: dict[tuple[str | None, str | None], bool] = {}

    # -- prose ---------------------------------------------------------------

    def flush(self) -> None:
        """End the current paragraph (if it has any text)."""
        inline = self._inline
        if not inline:
            return
        text = _collapse("".join(inline))
        inline.clear()
        if text and not is_chrome_text(text):
            self.blocks.append(Paragraph(text, Location(self.source, self._line)))

    def _is_chrome(self, el: etree._Element) -> bool:
        """:func:`is_chrome_element` for an element whose tag is not in ``SKIPPED_TAGS``."""
        key = (el.get("class"), el.get("id"))
        chrome = self._chrome.get(key)
        if chrome is None:
            chrome = self._chrome[key] = is_chrome_attrs(*key)
        return chrome

    def walk(self, el: etree._Element, depth: int) -> None:
        """Add *el*'s content (not its tail) to the blocks."""
        tag = el.tag
        if not isinstance(tag, str):  # comments and processing instructions left by recovery
            return
        # _BLOCKS, _HEADINGS, SKIPPED_TAGS, "br" and "table" are disjoint (a test holds them so), so testing the
        # common block case first decides as the one-by-one tests of the tag did.
        if tag in _BLOCKS:
            if self._is_chrome(el):
                return
            if depth >= _MAX_DEPTH:
                self._inline.append(_plain(el))
                return
            self.flush()
            line = self._line = _line(el)
            text = el.text
            if not len(el):  # a paragraph of text only (inline runs were stripped): flush() inlined
                if text:
                    text = _collapse(text)
                    if text and not is_chrome_text(text):
                        self.blocks.append(Paragraph(text, Location(self.source, line)))
                return
            self._walk_content(el, text, depth)
            self.flush()
            return
        if tag in _HEADINGS:
            self.flush()
            text = _collapse(_clean_lines(_collect(el, depth)).replace("\n", " "))
            if text and not is_chrome_text(text):
                self.blocks.append(Paragraph(text, Location(self.source, _line(el)), heading=True))
            return
        if tag == "br":
            self.flush()
            return
        if tag == "table":
            if self._is_chrome(el):
                return
            self.flush()
            self._table(el, depth)
            return
        if tag in SKIPPED_TAGS:
            return
        if depth >= _MAX_DEPTH:
            self._inline.append(_plain(el))
            return
        self._walk_content(el, el.text, depth)

    def _walk_content(self, el: etree._Element, text: str | None, depth: int) -> None:
        """*el*'s text (*text*), then each child and its tail."""
        inline = self._inline
        if text:
            if not inline:
                self._line = _line(el)
            inline.append(text)
        depth += 1
        for child in el:
            self.walk(child, depth)
            tail = child.tail
            if tail:
                inline.append(tail)

    # -- tables --------------------------------------------------------------

    def _table(self, table: etree._Element, depth: int) -> None:
        rows = _rows(table)
        if _is_layout(table, rows):
            self._layout(table, rows, depth)
            return
        index = self._tables
        cells: list[list[SpanCell]] = []
        n_rows = len(rows)
        for r, tr in enumerate(rows):
            line: list[SpanCell] = []
            for td in tr:
                tag = td.tag
                if tag != "td" and tag != "th":
                    continue
                # The cell's text: lines from <br>/<p>, white space (&nbsp; too) collapsed, blank lines dropped;
                # the usual cells, <td>text</td> and <td><p>text</p></td>, have no line breaks to keep.  (The
                # blank tests use isspace(): it counts as white space exactly what strip() removes.)
                text = td.text
                n = len(td)
                if not n:
                    value = " ".join(text.split()) if text else ""
                elif (
                    n == 1
                    and (not text or text.isspace())
                    and not len(only := td[0])
                    and only.tag in _BLOCKS
                    and (not (tail := only.tail) or tail.isspace())
                ):
                    text = only.text
                    value = " ".join(text.split()) if text else ""
                else:
                    value = _clean_lines(_collect(td, depth))
                if len(value) > _PAGE_TEXT:  # a page wrapped in a table after all
                    self._layout(table, rows, depth)
                    return
                rowspan = colspan = 1
                names = td.keys()  # one call, where two get() calls cost more for the usual cell without spans
                if "rowspan" in names:
                    raw = td.get("rowspan")
                    if raw:
                        rowspan = _span(raw)
                        if rowspan > n_rows - r or raw.strip() == "0":
                            # As browsers do: no span past the table's last row; rowspan="0" reaches exactly there.
                            rowspan = n_rows - r
                if "colspan" in names:
                    raw = td.get("colspan")
                    if raw:
                        colspan = _span(raw)
                # No location here: expand(locate=True) gives each cell its grid position.  Made with
                # tuple.__new__ in SpanCell's field order (see grid.SpanCell): a third of the cost of SpanCell(...).
                line.append(_tuple_new(SpanCell, (value, rowspan, colspan, NOWHERE, 0)))
            cells.append(line)
        if not any(cells):
            return
        caption = next(table.iterchildren("caption"), None)  # find("caption"), without ElementPath
        if caption is not None:
            self.walk(caption, depth + 1)
            self.flush()
        self._tables += 1
        self.blocks.append(expand(cells, Location(self.source, table=index), locate=True))

    def _layout(self, table: etree._Element, rows: list[etree._Element], depth: int) -> None:
        """A table used for page layout: its cells' contents are blocks, in order."""
        for tr in rows:
            for td in tr:
                if td.tag in _CELLS:
                    self.walk(td, depth + 1)
                    self.flush()


def _rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows (not those of nested tables), through thead/tbody/tfoot."""
    rows: list[etree._Element] = []
    # The tag filter runs in C: the <col>s LibreOffice writes before the rows never become Python objects.
    for child in table.iterchildren("tr", *_ROW_GROUPS):
        if child.tag == "tr":
            rows.append(child)
        else:
            rows.extend(child.iterchildren("tr"))
    return rows


def _is_layout(table: etree._Element, rows: list[etree._Element]) -> bool:
    """A table holding a nested table or a heading, or a single cell, frames content rather than data."""
    if next(table.iterdescendants(*_FRAMES), None) is not None:
        return True
    return len(rows) == 1 and sum(1 for td in rows[0] if td.tag in _CELLS) == 1


def _collect(el: etree._Element, depth: int) -> str:
    """The text of *el* with <br> and block elements as line breaks (``_BREAK``)."""
    if len(el) == 0:  # the common cell once inline runs are stripped: one text node
        return el.text or ""
    parts: list[str] = []
    _collect_into(el, parts, depth)
    return "".join(parts)


def _collect_into(el: etree._Element, parts: list[str], depth: int) -> None:
    if el.text:
        parts.append(el.text)
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in SKIPPED_TAGS:
            if tag == "br":
                parts.append(_BREAK)
            elif depth >= _MAX_DEPTH:
                parts.append(_plain(child))
            elif tag in _BLOCKS:
                parts.append(_BREAK)
                _collect_into(child, parts, depth + 1)
                parts.append(_BREAK)
            else:
                _collect_into(child, parts, depth + 1)
        if child.tail:
            parts.append(child.tail)


def _line(el: etree._Element) -> int | None:
    line = el.sourceline
    return line if isinstance(line, int) else None


def _plain(el: etree._Element) -> str:
    """All text under *el*, for content nested too deep to walk."""
    return " ".join(t for t in el.itertext() if isinstance(t, str))
