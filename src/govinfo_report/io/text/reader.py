"""The text reader: bytes → lines → the layout they are in → a Document.

Text reaches users in five layouts, each a module of this package with
``detect(lines) -> int`` (how many lines look like that layout's table rows)
and ``parse(lines, source) -> Document``:

- :mod:`.word_layout` — Word text extraction, one tab-indented cell per line;
- :mod:`.delimited_layout` — web-page text and copied tables, ``a | b | c |`` or tab-separated rows;
- ``columns_layout`` — ``pdftotext -layout``, and pandoc's plain text and Markdown tables, cells
  as space-separated columns;
- ``flattened_layout`` — a crawler's page text, tables flattened into one line (also a page's
  text joined onto one line, ``get_text(strip=True)``);
- ``cell_lines_layout`` — one cell per line: LibreOffice's text export (nothing between rows),
  a web page's text as crawlers and browsers take it, and docx2txt's (empty lines between cells).

The highest-scoring layout parses the text; text with no table in any
layout is read as plain paragraphs (by the Word layout, which then finds none).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import ClassVar, Protocol, cast

import attrs

from ...decoding import decode
from ...document import Document, Location
from ...errors import ReadError
from ...findings import Finding, reader_finding
from ...plugins import DocumentReader
from ...radicals import radicals_finding, unify_counted
from .pages import line_pages, with_pages

__all__ = ["LAYOUT_MODULES", "TextReader", "choose_layout", "split_lines"]

#: Layout modules, by name within this package; the first wins a tie.
LAYOUT_MODULES: tuple[str, ...] = (
    "word_layout",
    "delimited_layout",
    "columns_layout",
    "flattened_layout",
    "cell_lines_layout",
)
#: Share of control characters above which input is binary data, not text.
_MAX_CONTROL_SHARE = 0.01
#: Control characters (Unicode category Cc) other than the white space text uses.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


class TextLayout(Protocol):
    """What a layout module offers."""

    def detect(self, lines: Sequence[str]) -> int: ...

    def parse(self, lines: Sequence[str], source: str | None) -> Document: ...


def _layouts() -> list[tuple[str, TextLayout]]:
    found: list[tuple[str, TextLayout]] = []
    for name in LAYOUT_MODULES:
        qualified = f"{__package__}.{name}"
        try:
            module = importlib.import_module(qualified)
        except ModuleNotFoundError as exc:
            if exc.name != qualified:  # the layout exists but one of its imports is missing: a bug
                raise
            continue
        found.append((name, cast(TextLayout, module)))
    return found


def split_lines(text: str) -> list[str]:
    """*text*'s lines: ``\\r\\n`` and ``\\r`` end lines like ``\\n``; a leading BOM is dropped."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def choose_layout(lines: Sequence[str]) -> tuple[str, TextLayout]:
    """The layout whose detector scores *lines* highest (the Word layout if none scores)."""
    layouts = _layouts()
    scores = [layout.detect(lines) for _name, layout in layouts]
    best = max(range(len(layouts)), key=scores.__getitem__)  # the first of equal scores
    return layouts[best] if scores[best] > 0 else layouts[0]


def _refuse_binary(text: str, source: str | None) -> None:
    sample = text[:65536]
    controls = len(_CONTROLS.findall(sample))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise ReadError(
            f"binary data, not text ({controls} control characters in the first {len(sample)} characters)",
            where=source,
        )


class TextReader(DocumentReader):
    """Plain-text reports in any of the five layouts, in UTF-8, UTF-16 (BOM) or GB18030."""

    name: ClassVar[str] = "text"
    suffixes: ClassVar[tuple[str, ...]] = (".txt",)

    def sniff(self, head: bytes) -> int:
        """1 for anything that decodes as text (the fallback format), else 0."""
        for cut in range(4):  # the head may end inside a multi-byte character
            try:
                decoded = decode(head[: len(head) - cut] if cut else head)
            except ReadError:
                continue
            try:
                _refuse_binary(decoded.text, None)
            except ReadError:
                return 0
            return 1
        return 0

    def parse(self, data: bytes, *, source: str | None = None) -> Document:
        decoded = decode(data, source=source)
        _refuse_binary(decoded.text, source)
        # Radicals for ideographs (text taken from a PDF) are read as the ideographs before the layouts
        # look for headings, labels and titles in the text.
        text, replaced, first = unify_counted(decoded.text)
        lines = split_lines(text)
        name, layout = choose_layout(lines)
        doc = layout.parse(lines, source)
        notes: list[Finding] = []
        if first is not None:
            line = len(split_lines(text[:first]))  # the line holding the first, as the layouts count lines
            notes.append(radicals_finding(replaced, source, Location(source, line=line)))
        if decoded.method not in ("utf-8", "bom") or decoded.encoding not in ("utf-8", "utf-8-sig"):
            notes.append(
                reader_finding(
                    "reader.encoding",
                    f"read as {decoded.encoding} (chosen by {decoded.method}), in the {name} text layout",
                    f"按 {decoded.encoding} 编码读取",
                    source=source,
                )
            )
        doc = attrs.evolve(doc, findings=(*doc.findings, *notes))
        pages = line_pages(lines)
        return doc if pages is None else with_pages(doc, pages)
