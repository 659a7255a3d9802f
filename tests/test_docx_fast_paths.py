"""The docx reader's fast paths give what its general paths give, on tables they are and are not meant for.

:meth:`Builder._plain_grid_rows` (plain tables, C-level row and cell lookup)
must agree with :meth:`Builder._grid_rows` wherever it answers.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from govinfo_report.document import Grid
from govinfo_report.io.docx.body import Builder, prepare
from govinfo_report.io.docx.ooxml import W_TRANSITIONAL, names_for
from govinfo_report.io.docx.styles import Styles

W = W_TRANSITIONAL
TAGS = names_for(f"{{{W}}}document")
assert TAGS is not None


# --- plain tables against the general walk ---------------------------------------------

_PROPS = [
    '<w:gridSpan w:val="2"/>',
    '<w:gridSpan w:val="3"/>',
    '<w:gridSpan w:val="2.0"/>',
    '<w:gridSpan w:val="x"/>',
    '<w:gridSpan w:val="999"/>',
    "<w:gridSpan/>",
    '<w:vMerge w:val="restart"/>',
    '<w:vMerge w:val="continue"/>',
    "<w:vMerge/>",
    '<w:vMerge w:val=""/>',
    "<w:hMerge/>",
    '<w:hMerge w:val="continue"/>',
    '<w:hMerge w:val="restart"/>',
    "<w:cellDel/>",
    '<w:tcW w:w="100" w:type="dxa"/>',
    '<w:gridBefore w:val="1"/>',  # (not a cell property: ignored in a w:tcPr)
]
_ROW_PROPS = ['<w:gridBefore w:val="1"/>', '<w:gridBefore w:val="2"/>', '<w:gridAfter w:val="1"/>', "<w:cantSplit/>"]
_CONTENT = [
    "<w:p><w:r><w:t>{t}</w:t></w:r></w:p>",
    "<w:p><w:r><w:t> {t} </w:t></w:r><w:r><w:tab/><w:t>b</w:t></w:r></w:p>",
    "<w:p/>",
    "<w:p><w:r><w:t>{t}</w:t></w:r></w:p><w:p><w:r><w:t>second</w:t></w:r></w:p>",
    '<w:bookmarkStart w:id="0" w:name="x"/><w:p><w:r><w:t>{t}</w:t></w:r></w:p>',
    "",
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>",
    "<w:p><w:sdt><w:sdtContent><w:r><w:t>{t}</w:t></w:r></w:sdtContent></w:sdt></w:p>",
    "<w:p><w:r><w:t>{t}</w:t></w:r></w:p><w:tcPr/>",
    '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="4"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>',
]
_WRAP = ["", "", "", "<w:sdt><w:sdtContent>{x}</w:sdtContent></w:sdt>", "<w:customXml>{x}</w:customXml>"]


@st.composite
def _tables(draw: st.DrawFn) -> str:
    rows = []
    for _ in range(draw(st.integers(1, 4))):
        cells = []
        for _ in range(draw(st.integers(0, 4))):
            props = "".join(draw(st.lists(st.sampled_from(_PROPS), max_size=3)))
            pr = draw(st.sampled_from([f"<w:tcPr>{props}</w:tcPr>", f"<w:tcPr>{props}</w:tcPr>", ""]))
            content = draw(st.sampled_from(_CONTENT)).format(t=draw(st.sampled_from(["甲", "12", " "])))
            cell = f"<w:tc>{pr}{content}</w:tc>"
            cells.append(draw(st.sampled_from(_WRAP)).format(x=cell) if draw(st.integers(0, 9)) == 0 else cell)
        row_props = "".join(draw(st.lists(st.sampled_from(_ROW_PROPS), max_size=2)))
        tr_pr = draw(st.sampled_from([f"<w:trPr>{row_props}</w:trPr>", ""]))
        row = f"<w:tr>{tr_pr}{''.join(cells)}</w:tr>"
        rows.append(draw(st.sampled_from(_WRAP)).format(x=row) if draw(st.integers(0, 9)) == 0 else row)
    return f'<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="1"/></w:tblGrid>{"".join(rows)}</w:tbl>'


def _builder_and_table(xml: str) -> tuple[Builder, etree._Element]:
    body = etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>')
    assert TAGS is not None
    prepared = prepare(body, TAGS)
    return Builder(TAGS, "t.docx", Styles(), prepared), body[0]


def _general(builder: Builder, tbl: etree._Element) -> object:
    assert TAGS is not None
    rows = builder._children(tbl, TAGS.tr)
    cells = [builder._children(tr, TAGS.tc) for tr in rows]
    return None if len(cells) == 1 and len(cells[0]) == 1 else builder._grid_rows(rows, cells)


@settings(max_examples=400, deadline=None)
@given(_tables())
def test_plain_table_rows_are_the_general_walks(xml: str) -> None:
    builder, tbl = _builder_and_table(xml)
    fast = builder._plain_grid_rows(tbl)
    if fast is not None:
        assert fast == _general(builder, tbl)
    elif "sdt" not in xml and "customXml" not in xml:
        assert _general(builder, tbl) is None  # only a layout container leaves the fast path


def test_plain_table_rows_keep_spans_merges_deletions_and_skipped_columns() -> None:
    xml = (
        "<w:tbl><w:tblPr/>"
        '<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="2"/></w:trPr>'
        '<w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr>'
        "<w:p><w:r><w:t> a </w:t></w:r></w:p></w:tc>"
        "<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>"
        "<w:tc><w:tcPr><w:cellDel/></w:tcPr><w:p><w:r><w:t>gone</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>"
        "</w:tbl>"
    )
    builder, tbl = _builder_and_table(xml)
    fast = builder._plain_grid_rows(tbl)
    assert fast == ([[("a", 3, False, 1), ("b\nc", 1, False, 4)], [("", 1, True, 0), ("", 1, False, 1)]], 7)
    assert fast == _general(builder, tbl)


def test_tables_behind_wrappers_or_holding_tables_take_the_general_path() -> None:
    cell = "<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
    wrapped_row = f"<w:tbl><w:sdt><w:sdtContent><w:tr>{cell}{cell}</w:tr></w:sdtContent></w:sdt></w:tbl>"
    wrapped_cell = f"<w:tbl><w:tr><w:customXml>{cell}</w:customXml>{cell}</w:tr></w:tbl>"
    nested = f"<w:tbl><w:tr>{cell}<w:tc><w:tbl><w:tr>{cell}</w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>"
    one_cell = f"<w:tbl><w:tr>{cell}</w:tr></w:tbl>"
    for xml in (wrapped_row, wrapped_cell, nested, one_cell):
        builder, tbl = _builder_and_table(xml)
        assert builder._plain_grid_rows(tbl) is None, xml


def test_no_plain_path_with_text_boxes_numbering_or_deleted_rows() -> None:
    cell = "<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
    builder, tbl = _builder_and_table(f"<w:tbl><w:tr>{cell}{cell}</w:tr></w:tbl>")
    assert builder._plain_grid_rows(tbl) is not None
    builder.deleted_rows = {tbl[0]}
    assert builder._plain_grid_rows(tbl) is None
    builder.deleted_rows = set()
    builder.boxes = {tbl: []}
    assert builder._plain_grid_rows(tbl) is None


# --- the styles part against a loop over every child of every style -------------------


def _reference_styles(root: etree._Element) -> Styles:
    """The styles part read child by child (the reader's walk before its one tag-filtered pass)."""
    import re

    from govinfo_report.io.docx.ooxml import int_value
    from govinfo_report.io.docx.styles import num_pr

    assert TAGS is not None
    tags = TAGS
    heading_name = re.compile(r"^(?:heading\s*\d|title|标题(?:\s*\d)?)$")
    contents_name = re.compile(r"^(?:toc|contents)\s*\d$")
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
        for prop in style:
            if prop.tag == tags.name:
                name = (prop.get(tags.val) or "").strip().lower()
                if heading_name.match(name):
                    verdict = True if verdict is None else verdict
                if contents_name.match(name):
                    contents.add(sid)
            elif prop.tag == tags.basedOn and prop.get(tags.val):
                based[sid] = prop.get(tags.val) or ""
            elif prop.tag == tags.pPr:
                for paragraph_prop in prop:
                    if paragraph_prop.tag == tags.outlineLvl:
                        verdict = int_value(paragraph_prop.get(tags.val), 9) < 9
                    elif paragraph_prop.tag == tags.numPr:
                        own_numbering[sid] = num_pr(paragraph_prop, tags)
        own[sid] = verdict
    headings: set[str] = set()
    numbered: dict[str, tuple[str, int]] = {}
    for sid in own:
        chain = [sid]
        while len(chain) < 32 and chain[-1] in based:
            chain.append(based[chain[-1]])
        found_verdict = next((v for v in (own.get(s) for s in chain) if v is not None), None)
        if found_verdict:
            headings.add(sid)
        found = next((own_numbering[s] for s in chain if s in own_numbering), None)
        if found is not None and found[0] != "0":
            numbered[sid] = found
    return Styles(frozenset(headings), numbered, frozenset(contents))


_STYLE_PROPS = [
    '<w:name w:val="heading 1"/>',
    '<w:name w:val="Title"/>',
    '<w:name w:val="标题 2"/>',
    '<w:name w:val="toc 1"/>',
    '<w:name w:val="Normal"/>',
    '<w:basedOn w:val="A"/>',
    '<w:basedOn w:val="B"/>',
    '<w:basedOn w:val=""/>',
    '<w:next w:val="A"/>',
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>',
    '<w:pPr><w:outlineLvl w:val="9"/><w:outlineLvl w:val="1"/></w:pPr>',
    '<w:pPr><w:outlineLvl w:val="x"/></w:pPr>',
    '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr>',
    '<w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>',
    "<w:pPr><w:spacing/></w:pPr>",
    '<w:rPr><w:name w:val="heading 1"/></w:rPr>',
    '<w:outlineLvl w:val="0"/>',
]


@st.composite
def _styles_parts(draw: st.DrawFn) -> str:
    styles = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["paragraph", "paragraph", "character", "table"]))
        sid = draw(st.sampled_from(["A", "B", "C", "Heading1", ""]))
        props = "".join(draw(st.lists(st.sampled_from(_STYLE_PROPS), max_size=4)))
        styles.append(f'<w:style w:type="{kind}" w:styleId="{sid}">{props}</w:style>')
    return f'<w:styles xmlns:w="{W}">{"".join(styles)}</w:styles>'


@settings(max_examples=400, deadline=None)
@given(_styles_parts())
def test_styles_are_the_child_by_child_reading(xml: str) -> None:
    import io
    import zipfile

    from govinfo_report.io.docx.styles import read_styles

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/styles.xml", xml)
    assert TAGS is not None
    with zipfile.ZipFile(buffer) as archive:
        assert read_styles(archive, "word/styles.xml", TAGS, None) == _reference_styles(etree.fromstring(xml))


def test_tables_in_layout_containers_skip_the_plain_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """A deep nest of tables costs one pass per element, not one per nesting level."""
    calls: list[etree._Element] = []
    plain = Builder._plain_grid_rows

    def counting(self: Builder, tbl: etree._Element) -> object:
        calls.append(tbl)
        return plain(self, tbl)

    monkeypatch.setattr(Builder, "_plain_grid_rows", counting)
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="1"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>'
    xml = f"<w:tbl><w:tr>{cell}{cell}</w:tr></w:tbl>"
    for _ in range(40):
        xml = f"<w:tbl><w:tr>{cell}<w:tc>{xml}<w:p/></w:tc></w:tr></w:tbl>"
    builder, tbl = _builder_and_table(xml)
    builder.container(tbl.getparent())
    builder.flush()
    assert calls == [tbl]
    assert len([b for b in builder.blocks if isinstance(b, Grid)]) == 1
