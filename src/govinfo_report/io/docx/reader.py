"""Word 2007+ (``.docx``) → the neutral :class:`~govinfo_report.document.Document`.

Reads the package with :mod:`zipfile` and the main part with lxml, under the
limits of :mod:`govinfo_report.safety`; python-docx is not needed.  What a
reader of the displayed document would see is kept:

* paragraph text from runs, tabs and breaks, through hyperlinks, fields
  (their displayed result, not the instruction), content controls and
  smart tags; tracked insertions kept, deletions and moved-away text
  dropped, a deleted paragraph mark joining its paragraph to the next;
  hidden runs, ruby annotations and content-control placeholders dropped;
* automatic list numbers (``一、``, ``（一）``, ``1.``) as Word prints them
  (:mod:`.numbering`);
* text boxes, as blocks after the paragraph that anchors them (one copy:
  of ``mc:AlternateContent`` only the first choice is read);
* tables laid out on their grid by :func:`govinfo_report.grid.expand`
  (``w:gridSpan``, ``w:vMerge`` restart/continue including the valueless
  form, legacy ``w:hMerge``, ``w:gridBefore``); a table split into several
  ``w:tbl`` of the same width with only empty paragraphs (or a 续表
  caption) between becomes one grid, its repeated header rows dropped; a
  table whose cell holds a table is a layout container and its cells are
  read as blocks;
* heading styles (by style name, outline level, or inheritance from one)
  as ``Paragraph(heading=True)``; a table of contents (Word's content
  control, or paragraphs in ``toc N``/``Contents N`` styles) is left out, as
  it repeats the section headings out of place.

The package checks are in :mod:`.package`, the styles part in
:mod:`.styles`, list numbers in :mod:`.numbering`, and the walk over the
body in :mod:`.body`.  Which paragraph is the title or a section heading,
and which grid is which table, is decided by
:mod:`govinfo_report.interpret`, not here.
"""

from __future__ import annotations

import posixpath
from typing import ClassVar

from ...document import Document
from ...errors import ReadError
from ...plugins import DocumentReader
from ...safety import MAX_PART_BYTES, open_zip, parse_xml, read_member
from .body import Builder, prepare
from .numbering import read_numbering
from .ooxml import names_for
from .package import OLE_MAGIC, ZIP_MAGIC, main_part, refuse_non_docx
from .styles import read_styles

__all__ = ["DocxReader"]


class DocxReader(DocumentReader):
    """Reads Word 2007+ documents (Word, WPS, LibreOffice; transitional or strict OOXML).

    ``.doc`` is claimed too, so that a Word 97 file gets a clear error telling
    how to convert it, and a ``.doc`` that is really a ``.docx`` still reads.
    *max_part_bytes* bounds the uncompressed size of ``word/document.xml``.
    """

    name: ClassVar[str] = "docx"
    suffixes: ClassVar[tuple[str, ...]] = (".docx", ".docm", ".dotx", ".doc")

    def __init__(self, *, max_part_bytes: int = MAX_PART_BYTES) -> None:
        self.max_part_bytes = max_part_bytes

    def sniff(self, head: bytes) -> int:
        """100 for a zip naming ``word/`` parts, 90 for another OOXML-like zip, 60 for OLE (to explain it)."""
        if head.startswith(ZIP_MAGIC):
            if b"word/" in head:
                return 100
            if b"xl/" in head or b"ppt/" in head:
                return 0
            if b"[Content_Types].xml" in head or b"_rels/" in head or b"docProps/" in head:
                return 90
            return 20
        if head.startswith(OLE_MAGIC):
            return 60
        return 0

    def parse(self, data: bytes, *, source: str | None = None) -> Document:
        refuse_non_docx(data, source)
        archive = open_zip(data, where=source)
        with archive:
            main = main_part(archive, source)
            xml = read_member(archive, main, limit=self.max_part_bytes, where=source)
            root = parse_xml(xml, part=main, where=source, remove_blank_text=True)
            tags = names_for(root.tag)
            if tags is None or root.tag != tags.document:
                raise ReadError(f"{main} is not a WordprocessingML document (root element {root.tag})", where=source)
            body = root.find(tags.body)
            if body is None:
                raise ReadError(f"{main} has no document body (w:body)", where=source)
            folder = posixpath.dirname(main)
            styles = read_styles(archive, posixpath.join(folder, "styles.xml"), tags, source)
            numbering = None
            if styles.numbered or next(body.iter(tags.numPr), None) is not None:
                numbering = read_numbering(archive, posixpath.join(folder, "numbering.xml"), tags, source)
        builder = Builder(tags, source, styles, prepare(body, tags), numbering)
        builder.container(body)
        builder.flush()
        return Document(tuple(builder.blocks), source=source)
