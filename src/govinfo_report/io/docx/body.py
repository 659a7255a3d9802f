"""The body walk: ``w:body`` → paragraphs and grids, as a reader of the displayed document sees them.

:func:`prepare` first makes the tree hold only displayed text (tracked
deletions, fallbacks, field instructions … removed; tabs and breaks given
their characters; text boxes detached), so that :class:`Builder` reads each
paragraph's or cell's text with one C-level serialisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

from attrs import Factory, define
from lxml import etree

from ...document import NOWHERE, Block, Location, Paragraph
from ...grid import MAX_SPAN, SpanCell, expand
from .numbering import Numbering
from .ooxml import MC, W_STRICT, W_TRANSITIONAL, Tags, int_value
from .styles import CONTENTS_ID, HEADING_ID, Styles, num_pr

__all__ = ["Builder", "Prepared", "prepare"]

_MC_CHOICE = f"{{{MC}}}Choice"
_MC_FALLBACK = f"{{{MC}}}Fallback"
_MC_ALTERNATE = f"{{{MC}}}AlternateContent"
#: The caption of a table's continuation on the next page (续表, （续表）, 续表1：).
_CONTINUED = re.compile(r"^[（(]?\s*续\s*表\s*\d*\s*[）)]?\s*[:：]?$")


# --- preparing the tree --------------------------------------------------------


def _text(el: etree._Element) -> str:
    """All text under *el*, serialised in C (after :func:`prepare`, only displayed text is left)."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


@define
class Prepared:
    """What :func:`prepare` found: text boxes by anchoring paragraph, and tracked deletions to act on."""

    boxes: dict[etree._Element, list[etree._Element]] = Factory(dict)
    #: Paragraphs whose mark was deleted (tracked): they join the next paragraph.
    joined: set[etree._Element] = Factory(set)
    #: Table rows deleted (tracked).
    deleted_rows: set[etree._Element] = Factory(set)


def prepare(body: etree._Element, tags: Tags) -> Prepared:
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
    found = Prepared()
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

#: Per namespace: a table's ``w:tr`` children, and their ``w:tc`` children in document order.
_tuple_new = tuple.__new__

_PLAIN_XPATHS = {
    ns: (etree.XPath("w:tr", namespaces={"w": ns}), etree.XPath("w:tr/w:tc", namespaces={"w": ns}))
    for ns in (W_TRANSITIONAL, W_STRICT)
}

#: A cell before expansion: text, colspan, continues a vMerge, grid column.
_Raw = tuple[str, int, bool, int]


@define
class _Pending:
    """A table not yet emitted, which the next ``w:tbl`` may continue."""

    rows: list[list[_Raw]]
    width: int


class Builder:
    """Collects blocks while walking block containers (body, cells, content controls, text boxes).

    The walk touches elements only down to paragraphs and cell properties;
    text comes from :func:`_text`, and child lookups use lxml's C-level tag
    filters, because this walk is most of the reader's cost beyond parsing.
    """

    def __init__(
        self,
        tags: Tags,
        source: str | None,
        styles: Styles,
        prepared: Prepared,
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
        self.paragraph_location = Location(source)
        self.pending: _Pending | None = None
        self.tables = 0
        self.carry = ""  # text of a paragraph whose mark was deleted (tracked), joined to the next
        self.in_layout = 0  # how many layout-container tables the walk is inside
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
        else:
            stripped = text.strip()
            if stripped:
                if self.pending is not None:
                    if _CONTINUED.match(stripped):
                        return  # "（续表）" between the parts of a split table: the table goes on
                    self.flush()
                # (one Location for all paragraphs: it is immutable and says only the source)
                self.blocks.append(Paragraph(stripped, self.paragraph_location, heading))
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
                return numbering.label(*num_pr(prop, tags))
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
                level = int_value(prop.get(tags.val), 9) < 9
            elif prop.tag == tags.pStyle:
                style = prop.get(tags.val) or ""
        if not style:
            return bool(level), False
        if style in self.contents or CONTENTS_ID.match(style):
            return False, True
        if level is not None:
            return level, False
        return style in self.headings or bool(HEADING_ID.match(style)), False

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
        # Only a table outside layout containers tries the plain path: its passes
        # over the table's whole subtree then run once per element, not once per
        # level of a (hostile) deep nest of tables in tables.
        fast = self._plain_grid_rows(tbl) if not self.in_layout else None
        if fast is not None:
            self._add_table(*fast)
            return
        tags = self.tags
        rows = self._children(tbl, tags.tr)
        if self.deleted_rows:
            rows = [tr for tr in rows if tr not in self.deleted_rows]
        cells = [self._children(tr, tags.tc) for tr in rows]
        raws = None if len(cells) == 1 and len(cells[0]) == 1 else self._grid_rows(rows, cells)
        if raws is None:
            # A layout container (a table holding tables, or a one-cell frame): its cells are prose.
            self.flush()
            self.in_layout += 1
            for row in cells:
                for tc in row:
                    self.container(tc)
            self.in_layout -= 1
            return
        self._add_table(*raws)

    def _plain_grid_rows(self, tbl: etree._Element) -> tuple[list[list[_Raw]], int] | None:
        """:meth:`_grid_rows` of a plain table, with fewer Python-level element visits; ``None``: use the general path.

        A table is plain when no row or cell hides behind a wrapper (content
        control, custom XML, tracked insertion …) as a child of ``w:tbl`` or of
        a row, no row is a tracked deletion, and the document has no text boxes
        or list numbers.  Then the rows are the ``w:tr`` children and the cells
        their ``w:tc`` children (two compiled XPaths, in C), and each cell's
        span properties come from one tag-filtered pass over the table instead
        of a Python loop over every ``w:tcPr`` child.  Everything else is
        :meth:`_grid_rows` step for step, so the result is the same; a table that
        is a layout container (one cell, or a cell holding a table) returns
        ``None`` and takes the general path, which decides it again.
        """
        if self.deleted_rows or self.boxes or self.numbering is not None:
            return None
        for wrapper in tbl.iter(*self.wrappers):  # (nothing to visit when the document uses none)
            parent = wrapper.getparent()
            if parent is tbl or (parent is not None and parent.getparent() is tbl):
                return None
        rows_of, cells_of = _PLAIN_XPATHS[self.tags.ns]
        rows = cast("list[etree._Element]", rows_of(tbl))
        cells = cast("list[etree._Element]", cells_of(tbl))
        n_cells = len(cells)
        if len(rows) == 1 and n_cells == 1:
            return None
        tags = self.tags
        tr_pr, val = tags.trPr, tags.val
        grid_span, v_merge, h_merge, cell_del = tags.gridSpan, tags.vMerge, tags.hMerge, tags.cellDel
        grid_before, grid_after = tags.gridBefore, tags.gridAfter
        # Span properties by their parent (a w:tcPr or w:trPr if they count): the
        # dict keeps the parents' proxies alive, so ``tc[0]`` below is the same object.
        props: dict[etree._Element, list[etree._Element]] = {}
        for prop in tbl.iter(grid_span, v_merge, h_merge, cell_del, grid_before, grid_after):
            parent = prop.getparent()
            if parent is not None:
                found = props.get(parent)
                if found is None:
                    props[parent] = [prop]
                else:
                    found.append(prop)
        raws: list[list[_Raw]] = []
        width = 0
        i = 0
        for tr in rows:
            column = after = 0
            if props:
                first = tr[0] if len(tr) else None
                row_props = props.get(first) if first is not None else None
                if row_props and first is not None and first.tag == tr_pr:
                    for prop in row_props:
                        if prop.tag == grid_before:
                            column = _clamp(int_value(prop.get(val), 0), 0)
                        elif prop.tag == grid_after:
                            after = _clamp(int_value(prop.get(val), 0), 0)
            line: list[_Raw] = []
            while i < n_cells:
                tc = cells[i]
                if tc.getparent() is not tr:
                    break
                i += 1
                next_column = self._add_cell(line, tc, column, props)
                if next_column is None:
                    return None
                column = next_column
            width = max(width, column + after)
            raws.append(line)
        return raws, width

    def _add_cell(
        self,
        line: list[_Raw],
        tc: etree._Element,
        column: int,
        props: dict[etree._Element, list[etree._Element]] | None,
    ) -> int | None:
        """Add cell *tc* to *line* at grid *column*; the next column, or ``None`` for a layout container.

        *props* are the plain-table path's span properties by parent (see
        :meth:`_plain_grid_rows`); ``None`` reads them from the cell's own
        ``w:tcPr``.  A tracked cell deletion adds nothing and takes no column.
        """
        n = len(tc)
        first = tc[0] if n else None
        if first is not None and first.tag == self.tags.tcPr:
            if props is None:
                span, continues, joins, deleted = _cell_spans(first, self.tags)
            else:
                found = props.get(first)
                span, continues, joins, deleted = _cell_spans(found, self.tags) if found else _NO_SPANS
            if deleted:
                return column
            last = tc[1] if n == 2 else None
        else:
            span, continues, joins = 1, False, False
            last = first if n == 1 else None
        text = self._raw_text(tc, last)
        if text is None:
            return None
        _place(line, text, span, continues, joins, column)
        return column + span

    def _raw_text(self, tc: etree._Element, last: etree._Element | None) -> str | None:
        """A cell's text: its only paragraph's, serialised in C (the common case), else the full walk."""
        if last is not None and last.tag == self.tags.p and not self.boxes and self.numbering is None:
            return _text(last).strip()
        return self.cell_text(tc)

    def _grid_rows(
        self, rows: list[etree._Element], cells: list[list[etree._Element]]
    ) -> tuple[list[list[_Raw]], int] | None:
        """Each row's cells with their spans and grid columns, and the table's width; ``None`` for a container."""
        tags = self.tags
        tr_pr, val = tags.trPr, tags.val
        grid_before, grid_after = tags.gridBefore, tags.gridAfter
        raws: list[list[_Raw]] = []
        width = 0
        for tr, row in zip(rows, cells, strict=True):
            column = after = 0
            first = tr[0] if len(tr) else None
            if first is not None and first.tag == tr_pr:
                for prop in first:  # (a plain loop over the few properties beats a tag-filtered one)
                    if prop.tag == grid_before:
                        column = _clamp(int_value(prop.get(val), 0), 0)
                    elif prop.tag == grid_after:
                        after = _clamp(int_value(prop.get(val), 0), 0)
            line: list[_Raw] = []
            for tc in row:
                next_column = self._add_cell(line, tc, column, None)
                if next_column is None:
                    return None
                column = next_column
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
        span_rows: list[list[SpanCell]] = []
        for row in pending.rows:
            line: list[SpanCell] = []
            end = 0
            for text, colspan, continues, column in row:
                # No location here: expand(locate=True) gives each cell its grid row and column.  Made with
                # tuple.__new__ in SpanCell's field order: a third of the cost of SpanCell(...), once per cell.
                line.append(_tuple_new(SpanCell, (text, 0 if continues else 1, colspan, NOWHERE, column - end)))
                end = column + colspan
            span_rows.append(line)
        # The shared routine, as for HTML: one place lays out merged cells for every format.
        self.blocks.append(expand(span_rows, Location(self.source, table=index), locate=True))


def _place(line: list[_Raw], text: str, span: int, continues: bool, joins: bool, column: int) -> None:
    """Add a cell to a row being read; a legacy horizontal merge (``w:hMerge``) widens the cell on its left."""
    if joins and line:
        left_text, colspan, cont, col = line[-1]
        line[-1] = (left_text, colspan + span, cont, col)
    else:
        line.append((text, span, continues, column))


#: A cell without span properties: one column, no merge, not deleted.
_NO_SPANS = (1, False, False, False)


def _cell_spans(props: Iterable[etree._Element], tags: Tags) -> tuple[int, bool, bool, bool]:
    """From a cell's properties: its ``w:gridSpan``, whether it continues a vertical (``w:vMerge``) or a
    legacy horizontal (``w:hMerge``) merge, and whether it is a tracked cell deletion (``w:cellDel``)."""
    span, continues, joins, deleted = 1, False, False, False
    val = tags.val
    for prop in props:
        tag = prop.tag
        if tag == tags.gridSpan:
            span = _clamp(int_value(prop.get(val), 1), 1)
        elif tag == tags.vMerge:
            continues = prop.get(val) in (None, "continue")
        elif tag == tags.hMerge:
            joins = prop.get(val) in (None, "continue")
        elif tag == tags.cellDel:
            deleted = True
    return span, continues, joins, deleted


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
