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
  caption) between becomes one grid, its repeated header rows dropped; a table whose cell holds a
  table is a layout container and its cells are read as blocks;
* heading styles (by style name, outline level, or inheritance from one)
  as ``Paragraph(heading=True)``; a table of contents (Word's content
  control, or paragraphs in ``toc N``/``Contents N`` styles) is left out, as
  it repeats the section headings out of place.

Which paragraph is the title or a section heading, and which grid is which
table, is decided by :mod:`govinfo_report.interpret`, not here.
"""

from __future__ import annotations

import posixpath
import re
import shlex
import zipfile
from typing import ClassVar

from attrs import Factory, define
from lxml import etree

from ...document import Block, Document, Grid, Location, Paragraph
from ...errors import ReadError, UnsafeInputError
from ...grid import MAX_SPAN, SpanCell, expand
from ...plugins import DocumentReader
from ...safety import MAX_PART_BYTES, open_zip, parse_xml, read_member
from .numbering import Numbering
from .ooxml import MC, OFFICE_DOCUMENT_TYPES, PACKAGE_RELS, Tags, names_for

__all__ = ["DocxReader"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
#: A zip starts with a local file header, or (empty or spanned) an end record or a span marker.
_ZIP_SIGNATURES = (_ZIP_MAGIC, b"PK\x05\x06", b"PK\x07\x08")
_RELS_LIMIT = 1024 * 1024
_MC_CHOICE = f"{{{MC}}}Choice"
_MC_FALLBACK = f"{{{MC}}}Fallback"
_MC_ALTERNATE = f"{{{MC}}}AlternateContent"
#: Style names (lower case) of headings: Word's built-in names are English in
#: every locale; WPS and some templates use the Chinese ones.
_HEADING_NAME = re.compile(r"^(?:heading\s*\d|title|标题(?:\s*\d)?)$")
_HEADING_ID = re.compile(r"^(?:heading\d|title)$", re.IGNORECASE)
#: The caption of a table's continuation on the next page (续表, （续表）, 续表1：).
_CONTINUED = re.compile(r"^[（(]?\s*续\s*表\s*\d*\s*[）)]?\s*[:：]?$")
#: Table-of-contents entry styles: Word's ``toc 1`` …, LibreOffice's ``Contents 1`` …
_CONTENTS_NAME = re.compile(r"^(?:toc|contents)\s*\d$")
_CONTENTS_ID = re.compile(r"^(?:toc|contents)\d$", re.IGNORECASE)


def _convert_hint(source: str | None) -> str:
    """How to convert the file to .docx, naming it when its name is known."""
    name = shlex.quote(posixpath.basename(source.replace("\\", "/"))) if source else "FILE"
    return f"convert it first, e.g. `soffice --headless --convert-to docx {name}`, or save it as .docx in Word or WPS"


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


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
        if head.startswith(_ZIP_MAGIC):
            if b"word/" in head:
                return 100
            if b"xl/" in head or b"ppt/" in head:
                return 0
            if b"[Content_Types].xml" in head or b"_rels/" in head or b"docProps/" in head:
                return 90
            return 20
        if head.startswith(_OLE_MAGIC):
            return 60
        return 0

    def parse(self, data: bytes, *, source: str | None = None) -> Document:
        _refuse_non_docx(data, source)
        archive = open_zip(data, where=source)
        with archive:
            main = _main_part(archive, source)
            xml = read_member(archive, main, limit=self.max_part_bytes, where=source)
            root = parse_xml(xml, part=main, where=source, remove_blank_text=True)
            tags = names_for(root.tag)
            if tags is None or root.tag != tags.document:
                raise ReadError(f"{main} is not a WordprocessingML document (root element {root.tag})", where=source)
            body = root.find(tags.body)
            if body is None:
                raise ReadError(f"{main} has no document body (w:body)", where=source)
            folder = posixpath.dirname(main)
            styles = _read_styles(archive, posixpath.join(folder, "styles.xml"), tags, source)
            numbering = None
            if styles.numbered or next(body.iter(tags.numPr), None) is not None:
                numbering = _read_numbering(archive, posixpath.join(folder, "numbering.xml"), tags, source)
        builder = _Builder(tags, source, styles, _prepare(body, tags), numbering)
        builder.container(body)
        builder.flush()
        return Document(tuple(builder.blocks), source=source)


# --- the package -------------------------------------------------------------


def _refuse_non_docx(data: bytes, source: str | None) -> None:
    """Raise a :class:`ReadError` that says what *data* is when it is not a zip."""
    if not data:
        raise ReadError("empty input (0 bytes)", where=source)
    if data[:4] in _ZIP_SIGNATURES:
        return
    if data.startswith(_OLE_MAGIC):
        if _utf16("EncryptedPackage") in data:
            raise ReadError(
                "this is a password-protected (encrypted) Office document; open it, remove the password "
                "and save it as .docx",
                where=source,
            )
        if _utf16("WordDocument") in data:
            raise ReadError(
                f"this is a Word 97-2003 document (.doc, an OLE compound file), not .docx; {_convert_hint(source)}",
                where=source,
            )
        raise ReadError(
            f"this is an OLE compound file (an old Office format such as .xls or .ppt), not a Word .docx; "
            f"{_convert_hint(source)}",
            where=source,
        )
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{\\rtf"):
        raise ReadError(f"this is an RTF document, not .docx; {_convert_hint(source)}", where=source)
    if b"w:worddocument" in head or b'progid="word.document"' in head:
        raise ReadError(f"this is a Word 2003 XML document, not .docx; {_convert_hint(source)}", where=source)
    if head.startswith(b"mime-version") or b"multipart/related" in head:
        raise ReadError(f"this is a web archive (MHT), not .docx; {_convert_hint(source)}", where=source)
    if b"<html" in head or b"<!doctype html" in head:
        raise ReadError(
            "this is an HTML page with a Word file name, not .docx; read it with format='html'", where=source
        )
    raise ReadError(
        f"not a .docx file: a .docx is a zip archive, but this input starts with {data[:8]!r}", where=source
    )


def _main_part(archive: zipfile.ZipFile, source: str | None) -> str:
    """The name of the main document part: from ``_rels/.rels``, else ``word/document.xml``."""
    names = {n.lower(): n for n in archive.namelist()}
    rels = names.get("_rels/.rels")
    if rels is not None:
        try:
            root = parse_xml(read_member(archive, rels, limit=_RELS_LIMIT, where=source), part=rels, where=source)
        except UnsafeInputError:
            raise
        except ReadError:
            root = None
        if root is not None:
            for rel in root.iter(f"{{{PACKAGE_RELS}}}Relationship"):
                if rel.get("Type") in OFFICE_DOCUMENT_TYPES and rel.get("TargetMode") != "External":
                    target = posixpath.normpath((rel.get("Target") or "").lstrip("/")).lower()
                    if target in names:
                        return names[target]
    found = names.get("word/document.xml")
    if found is not None:
        return found
    raise ReadError(_no_document_message(list(names)), where=source)


def _no_document_message(names: list[str]) -> str:
    if "xl/workbook.xml" in names:
        what = "it is an Excel workbook (.xlsx)"
    elif "ppt/presentation.xml" in names:
        what = "it is a PowerPoint presentation (.pptx)"
    elif "content.xml" in names and "mimetype" in names:
        what = "it is an OpenDocument file (.odt); save it as .docx"
    else:
        shown = ", ".join(sorted(names)[:8]) or "nothing"
        what = f"it holds {shown}{' …' if len(names) > 8 else ''}"
    return f"not a Word document: the zip archive has no word/document.xml ({what})"


@define
class _Styles:
    """What the reader takes from the styles part."""

    #: Ids of paragraph styles that are headings (by name, outline level, or inheritance).
    headings: frozenset[str] = frozenset()
    #: Paragraph styles that number their paragraphs: style id → (list instance, level).
    numbered: dict[str, tuple[str, int]] = Factory(dict)
    #: Ids of table-of-contents entry styles (``toc 1`` …).
    contents: frozenset[str] = frozenset()


def _read_styles(archive: zipfile.ZipFile, part: str, tags: Tags, source: str | None) -> _Styles:
    """The heading and numbered paragraph styles of *part*, following ``w:basedOn``.

    A missing or malformed styles part only loses this information; an
    oversized one is refused like any other part.
    """
    try:
        root = parse_xml(read_member(archive, part, where=source), part=part, where=source)
    except UnsafeInputError:
        raise
    except ReadError:
        return _Styles()
    own: dict[str, bool | None] = {}
    own_numbering: dict[str, tuple[str, int]] = {}
    contents: set[str] = set()
    based: dict[str, str] = {}
    for style in root.iter(tags.style):
        if style.get(tags.type) != "paragraph":
            continue
        sid = style.get(tags.styleId)
        if not sid:
            continue
        verdict: bool | None = None
        for prop in style:  # (plain loops over the few children: this runs for every style)
            tag = prop.tag
            if tag == tags.name:
                name = (prop.get(tags.val) or "").strip().lower()
                if _HEADING_NAME.match(name):
                    verdict = True if verdict is None else verdict
                if _CONTENTS_NAME.match(name):
                    contents.add(sid)
            elif tag == tags.basedOn and prop.get(tags.val):
                based[sid] = prop.get(tags.val) or ""
            elif tag == tags.pPr:
                for paragraph_prop in prop:
                    if paragraph_prop.tag == tags.outlineLvl:
                        verdict = _int(paragraph_prop.get(tags.val), 9) < 9
                    elif paragraph_prop.tag == tags.numPr:
                        own_numbering[sid] = _num_pr(paragraph_prop, tags)
        own[sid] = verdict
    headings: set[str] = set()
    numbered: dict[str, tuple[str, int]] = {}
    for sid in own:
        chain = _chain(sid, based)
        verdict = next((v for v in (own.get(s) for s in chain) if v is not None), None)
        if verdict:
            headings.add(sid)
        found = next((own_numbering[s] for s in chain if s in own_numbering), None)
        if found is not None and found[0] != "0":
            numbered[sid] = found
    return _Styles(frozenset(headings), numbered, frozenset(contents))


def _chain(sid: str, based: dict[str, str]) -> list[str]:
    """*sid* and the styles it is based on, nearest first (cut at 32: a cycle must not loop forever)."""
    chain = [sid]
    while len(chain) < 32 and chain[-1] in based:
        chain.append(based[chain[-1]])
    return chain


def _num_pr(num_pr: etree._Element, tags: Tags) -> tuple[str, int]:
    """(list instance id, level) of a ``w:numPr``."""
    num_id, level = "", 0
    for prop in num_pr:
        if prop.tag == tags.numId:
            num_id = prop.get(tags.val) or ""
        elif prop.tag == tags.ilvl:
            level = _int(prop.get(tags.val), 0)
    return num_id, level


def _read_numbering(archive: zipfile.ZipFile, part: str, tags: Tags, source: str | None) -> Numbering | None:
    """The list definitions of *part*, or ``None`` when the package has none (or they are malformed)."""
    try:
        root = parse_xml(read_member(archive, part, where=source), part=part, where=source)
    except UnsafeInputError:
        raise
    except ReadError:
        return None
    return Numbering(root, tags)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        try:
            return int(float(text or ""))
        except ValueError:
            return default


# --- preparing the tree --------------------------------------------------------


def _text(el: etree._Element) -> str:
    """All text under *el*, serialised in C (after :func:`_prepare`, only displayed text is left)."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


@define
class _Prepared:
    """What :func:`_prepare` found: text boxes by anchoring paragraph, and tracked deletions to act on."""

    boxes: dict[etree._Element, list[etree._Element]] = Factory(dict)
    #: Paragraphs whose mark was deleted (tracked): they join the next paragraph.
    joined: set[etree._Element] = Factory(set)
    #: Table rows deleted (tracked).
    deleted_rows: set[etree._Element] = Factory(set)


def _prepare(body: etree._Element, tags: Tags) -> _Prepared:
    """Make every descendant text node of a paragraph displayed text; note boxes and deletions.

    Tracked deletions, moved-away text, field instructions, hidden runs, ruby
    annotations and all but the first choice of ``mc:AlternateContent`` are
    removed; tabs, breaks, non-breaking hyphens and symbols get their
    character as text; placeholder text of empty content controls is cleared;
    text boxes are detached (read after their paragraph).  Then the text of a
    paragraph or cell is one text serialisation in C, and the walk needs
    no per-run Python code.  lxml skips the search for names the document
    never uses, so this costs nothing for documents without such markup.
    """
    found = _Prepared()
    doomed: list[etree._Element] = []
    marks = body.iter(
        tags.del_,
        tags.moveFrom,
        _MC_ALTERNATE,
        tags.rt,
        tags.vanish,
        tags.showingPlcHdr,
        tags.instrText,
        tags.tab,
        tags.ptab,
        tags.br,
        tags.cr,
        tags.noBreakHyphen,
        tags.softHyphen,
        tags.sym,
    )
    for el in list(marks):
        tag = el.tag
        parent = el.getparent()
        if parent is None:
            continue
        if tag == tags.tab or tag == tags.ptab:
            if parent.tag != tags.tabs:  # not a tab-stop definition
                el.text = "\t"
        elif tag == tags.br or tag == tags.cr:
            el.text = "\n"
        elif tag == tags.noBreakHyphen:
            el.text = "-"
        elif tag == tags.sym:
            el.text = _symbol(el.get(tags.char))
        elif tag == _MC_ALTERNATE:
            choices = [c for c in el if c.tag == _MC_CHOICE]
            keep = choices[0] if choices else None
            doomed.extend(c for c in el if c is not keep and c.tag in (_MC_CHOICE, _MC_FALLBACK))
        elif tag == tags.del_ or tag == tags.moveFrom:
            owner = parent.getparent()
            if parent.tag == tags.trPr and owner is not None:
                found.deleted_rows.add(owner)
            elif parent.tag == tags.rPr and owner is not None and owner.tag == tags.pPr:
                paragraph = owner.getparent()
                if paragraph is not None:
                    found.joined.add(paragraph)
            elif parent.tag != tags.rPr:  # (a deleted run's own mark sits in its w:rPr: nothing to do)
                doomed.append(el)
        elif tag == tags.vanish:
            run = parent.getparent()
            if parent.tag == tags.rPr and run is not None and run.tag == tags.r:
                doomed.append(run)
        elif tag == tags.showingPlcHdr:
            sdt = parent.getparent()
            content = sdt.find(tags.sdtContent) if sdt is not None else None
            if content is not None:
                for t in content.iter(tags.t):
                    t.text = ""
        else:  # ruby text, field instructions, soft hyphens: not displayed as text
            doomed.append(el)
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    # Only now, with the fallback copies gone, are the text boxes left the ones displayed.
    for box in list(body.iter(tags.txbxContent)):
        anchor = next(box.iterancestors(tags.p), None)
        if anchor is not None:
            found.boxes.setdefault(anchor, []).append(box)
    for box in (b for boxes in found.boxes.values() for b in boxes):
        parent = box.getparent()
        if parent is not None:
            parent.remove(box)
    return found


# --- walking the body ------------------------------------------------------------

#: A cell before expansion: text, colspan, continues a vMerge, grid column.
_Raw = tuple[str, int, bool, int]


@define
class _Pending:
    """A table not yet emitted, which the next ``w:tbl`` may continue."""

    rows: list[list[_Raw]]
    width: int


class _Builder:
    """Collects blocks while walking block containers (body, cells, content controls, text boxes).

    The walk touches elements only down to paragraphs and cell properties;
    text comes from :func:`_text`, and child lookups use lxml's C-level tag
    filters, because this walk is most of the reader's cost beyond parsing.
    """

    def __init__(
        self,
        tags: Tags,
        source: str | None,
        styles: _Styles,
        prepared: _Prepared,
        numbering: Numbering | None = None,
    ) -> None:
        self.tags = tags
        self.source = source
        self.headings = styles.headings
        self.contents = styles.contents
        self.numbered_styles = styles.numbered
        self.numbering = numbering
        self.boxes = prepared.boxes
        self.joined = prepared.joined
        self.deleted_rows = prepared.deleted_rows
        self.blocks: list[Block] = []
        self.pending: _Pending | None = None
        self.tables = 0
        self.carry = ""  # text of a paragraph whose mark was deleted (tracked), joined to the next
        self.wrappers = frozenset(
            (tags.sdt, tags.sdtContent, tags.customXml, tags.smartTag, tags.ins, tags.moveTo, _MC_ALTERNATE, _MC_CHOICE)
        )

    # blocks

    def container(self, el: etree._Element) -> None:
        tags = self.tags
        for child in el:
            tag = child.tag
            if tag == tags.p:
                self.paragraph(child)
            elif tag == tags.tbl:
                self.table(child)
            elif tag == tags.sdt:
                if not self._table_of_contents(child):
                    self.container(child)
            elif tag in self.wrappers:
                self.container(child)

    def _table_of_contents(self, sdt: etree._Element) -> bool:
        """Whether content control *sdt* is Word's table of contents (it repeats the headings: not content)."""
        tags = self.tags
        gallery = sdt.find(f"{tags.sdtPr}/{tags.docPartObj}/{tags.docPartGallery}")
        return gallery is not None and (gallery.get(tags.val) or "").lower() == "table of contents"

    def paragraph(self, p: etree._Element) -> None:
        heading, contents = self._role(p)
        if contents:  # a table-of-contents entry repeats a heading: not content
            return
        text = self.carry + (self.label(p) if self.numbering else "") + _text(p)
        self.carry = ""
        if self.joined and p in self.joined:
            self.carry = text
        elif text.strip():
            if self.pending is not None and _CONTINUED.match(text.strip()):
                return  # "（续表）" between the parts of a split table: the table goes on
            self.flush()
            self.blocks.append(Paragraph(text.strip(), Location(self.source), heading))
        if self.boxes:
            for box in self.boxes.get(p, ()):
                self.container(box)

    def label(self, p: etree._Element) -> str:
        """The list number Word prints before paragraph *p* (``""`` when it is not numbered)."""
        tags = self.tags
        numbering = self.numbering
        ppr = p[0] if len(p) else None
        if numbering is None or ppr is None or ppr.tag != tags.pPr:
            return ""
        style = ""
        for prop in ppr:
            if prop.tag == tags.numPr:
                return numbering.label(*_num_pr(prop, tags))
            if prop.tag == tags.pStyle:
                style = prop.get(tags.val) or ""
        found = self.numbered_styles.get(style)
        return numbering.label(*found) if found else ""

    def _role(self, p: etree._Element) -> tuple[bool, bool]:
        """Whether paragraph *p* is a heading, and whether it is a table-of-contents entry (by its style)."""
        tags = self.tags
        ppr = p[0] if len(p) else None
        if ppr is None or ppr.tag != tags.pPr:
            return False, False
        style = ""
        level: bool | None = None
        for prop in ppr:
            if prop.tag == tags.outlineLvl:
                level = _int(prop.get(tags.val), 9) < 9
            elif prop.tag == tags.pStyle:
                style = prop.get(tags.val) or ""
        if not style:
            return bool(level), False
        if style in self.contents or _CONTENTS_ID.match(style):
            return False, True
        if level is not None:
            return level, False
        return style in self.headings or bool(_HEADING_ID.match(style)), False

    def cell_text(self, tc: etree._Element) -> str | None:
        """The cell's paragraphs, one a line (text boxes anchored in it included); ``None`` if it holds a table."""
        tags = self.tags
        if next(tc.iter(tags.tbl), None) is not None:
            return None
        lines: list[str] = []
        numbered = self.numbering is not None
        for p in tc.iter(tags.p):
            line = ((self.label(p) if numbered else "") + _text(p)).strip()
            if line:
                lines.append(line)
            for box in self.boxes.get(p, ()):
                box_lines = (((self.label(q) if numbered else "") + _text(q)).strip() for q in box.iter(tags.p))
                lines.extend(t for t in box_lines if t)
        return "\n".join(lines)

    # tables

    def _children(self, el: etree._Element, tag: str) -> list[etree._Element]:
        """Children of *el* tagged *tag*, looking through content controls and custom XML wrappers."""
        out: list[etree._Element] = []
        wrappers = self.wrappers
        for child in el:
            if child.tag == tag:
                out.append(child)
            elif child.tag in wrappers:
                out.extend(self._children(child, tag))
        return out

    def table(self, tbl: etree._Element) -> None:
        tags = self.tags
        rows = self._children(tbl, tags.tr)
        if self.deleted_rows:
            rows = [tr for tr in rows if tr not in self.deleted_rows]
        cells = [self._children(tr, tags.tc) for tr in rows]
        raws = None if len(cells) == 1 and len(cells[0]) == 1 else self._grid_rows(rows, cells)
        if raws is None:
            # A layout container (a table holding tables, or a one-cell frame): its cells are prose.
            self.flush()
            for row in cells:
                for tc in row:
                    self.container(tc)
            return
        self._add_table(*raws)

    def _grid_rows(
        self, rows: list[etree._Element], cells: list[list[etree._Element]]
    ) -> tuple[list[list[_Raw]], int] | None:
        """Each row's cells with their spans and grid columns, and the table's width; ``None`` for a container."""
        tags = self.tags
        tc_pr, tr_pr, val = tags.tcPr, tags.trPr, tags.val
        grid_span, v_merge, h_merge, cell_del = tags.gridSpan, tags.vMerge, tags.hMerge, tags.cellDel
        grid_before, grid_after, p_tag = tags.gridBefore, tags.gridAfter, tags.p
        raws: list[list[_Raw]] = []
        width = 0
        for tr, row in zip(rows, cells, strict=True):
            column = after = 0
            first = tr[0] if len(tr) else None
            if first is not None and first.tag == tr_pr:
                for prop in first:  # (a plain loop over the few properties beats a tag-filtered one)
                    if prop.tag == grid_before:
                        column = _clamp(_int(prop.get(val), 0), 0)
                    elif prop.tag == grid_after:
                        after = _clamp(_int(prop.get(val), 0), 0)
            line: list[_Raw] = []
            for tc in row:
                span, continues, joins, deleted = 1, False, False, False
                n = len(tc)
                props = tc[0] if n else None
                if props is not None and props.tag == tc_pr:
                    for prop in props:
                        tag = prop.tag
                        if tag == grid_span:
                            span = _clamp(_int(prop.get(val), 1), 1)
                        elif tag == v_merge:
                            continues = prop.get(val) in (None, "continue")
                        elif tag == h_merge:
                            joins = prop.get(val) in (None, "continue")
                        elif tag == cell_del:
                            deleted = True
                    if deleted:
                        continue
                    last = tc[1] if n == 2 else None
                else:
                    last = props if n == 1 else None
                if last is not None and last.tag == p_tag and not self.boxes and self.numbering is None:
                    text: str | None = _text(last).strip()  # the common case: one paragraph
                else:
                    text = self.cell_text(tc)
                if text is None:
                    return None
                if joins and line:  # legacy horizontal merge: widen the cell on the left
                    left_text, colspan, cont, col = line[-1]
                    line[-1] = (left_text, colspan + span, cont, col)
                else:
                    line.append((text, span, continues, column))
                column += span
            width = max(width, column + after)
            raws.append(line)
        return raws, width

    def _add_table(self, rows: list[list[_Raw]], width: int) -> None:
        pending = self.pending
        if pending is not None and pending.width == width:
            # The same table continued (split across pages): drop its repeated header rows.
            skip = 0
            while skip < len(rows) and skip < len(pending.rows) and rows[skip] == pending.rows[skip]:
                skip += 1
            pending.rows.extend(rows[skip:])
            return
        self.flush()
        self.pending = _Pending(rows, width)

    def flush(self) -> None:
        """Emit the pending table as a grid."""
        pending, self.pending = self.pending, None
        if pending is None or not pending.rows:
            return
        index = self.tables
        self.tables += 1
        source = self.source
        span_rows: list[list[SpanCell]] = []
        for r, row in enumerate(pending.rows):
            line: list[SpanCell] = []
            end = 0
            for text, colspan, continues, column in row:
                location = Location(source, None, index, r, column)
                line.append(SpanCell(text, 0 if continues else 1, colspan, location, column - end))
                end = column + colspan
            span_rows.append(line)
        grid: Grid = expand(span_rows, Location(source, table=index))
        self.blocks.append(grid)


def _clamp(n: int, low: int) -> int:
    return max(low, min(n, MAX_SPAN))


def _symbol(code: str | None) -> str:
    """The character of a ``w:sym`` (symbol fonts map their glyphs to U+F0xx; those are dropped)."""
    try:
        n = int(code or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= n <= 0xF0FF or n <= 0 or n > 0x10FFFF:
        return ""
    return chr(n)
