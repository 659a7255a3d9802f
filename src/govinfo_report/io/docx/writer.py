"""An :class:`~govinfo_report.AnnualReport` → a Word 2007+ document (``.docx``), built with lxml and zipfile.

The document prints the title, the preamble and the six sections under
their official headings, with the three tables laid out as the template
draws them: merged cells from :mod:`govinfo_report.template_grid` become
``w:gridSpan`` and ``w:vMerge`` (restart, then continue in each row below),
header rows repeat on every page (``w:tblHeader``) and rows do not break
across pages.  The styles declare Chinese fonts (宋体 for text and tables,
黑体 for the title and headings, ``w:eastAsia``) and Chinese as the
East Asian language, on A4 pages.

The file reads back to an equal report with :class:`~.reader.DocxReader`:
each value cell holds :func:`govinfo_report.values.cell_text` (a missing
cell its own not-applicable mark or unreadable text, a blank cell nothing,
an absent cell among printed ones :data:`~govinfo_report.values.ABSENT_MARK`),
and rows a report lacks entirely (every cell ``absent``) are left out, except
table 4's groups (see :func:`~govinfo_report.template_grid.rows_to_lay_out`).
The output is deterministic (fixed zip timestamps, no creation date), so the
same report gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from typing import Any, BinaryIO, ClassVar

from lxml import etree

from ...errors import WriteError
from ...layout import SECTIONS, TABLE_CODES
from ...model import AnnualReport, Table
from ...plugins import Writer
from ...template_grid import TemplateCell, rows_to_lay_out, template_rows, template_width
from ...values import cell_text
from .ooxml import OFFICE_DOCUMENT_TYPES, PACKAGE_RELS, W_TRANSITIONAL

__all__ = ["DocxWriter", "render"]

_NSMAP = {"w": W_TRANSITIONAL}
_NUMERALS = "一二三四五六"
#: Characters XML 1.0 cannot carry (C0 controls other than tab/newline, non-characters, lone surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

#: Text width of an A4 page with the margins of :func:`_section_properties`, in twentieths of a point.
_TEXT_WIDTH = 9070
#: Relative column widths per table (label columns wider than value columns).
_COLUMN_WEIGHTS = {
    "active_disclosure": (4, 3, 3, 3),
    "requests": (3, 3, 7, 2, 2, 2, 2, 2, 2, 2),
    "review_litigation": (1,) * 15,
}
_BODY_FONT = ("宋体", "SimSun")
_HEADING_FONT = ("黑体", "SimHei")

_CONTENT_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
    "application/vnd.openxmlformats-package.core-properties+xml",
    "application/vnd.openxmlformats-officedocument.extended-properties+xml",
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CORE_PROPERTIES_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PART_NAMES = (
    "/word/document.xml",
    "/word/styles.xml",
    "/word/settings.xml",
    "/word/fontTable.xml",
    "/docProps/core.xml",
    "/docProps/app.xml",
)


class DocxWriter(Writer):
    """Writes a report as a Word document in the template's layout (no options)."""

    name: ClassVar[str] = "docx"
    suffixes: ClassVar[tuple[str, ...]] = (".docx",)

    def write(self, report: AnnualReport, stream: BinaryIO, **options: Any) -> None:
        if options:
            raise TypeError(f"unknown option(s) for the docx writer: {', '.join(sorted(options))}")
        try:
            stream.write(render(report))
        except OSError as exc:
            raise WriteError(f"cannot write the docx file: {exc}") from exc


def render(report: AnnualReport) -> bytes:
    """The bytes of the ``.docx`` file for *report*."""
    title = report.title or f"{report.agency}{report.year or ''}年政府信息公开工作年度报告"
    parts = {
        "[Content_Types].xml": _content_types(),
        "_rels/.rels": _relationships(
            [
                (OFFICE_DOCUMENT_TYPES[0], "word/document.xml"),
                (_CORE_PROPERTIES_REL, "docProps/core.xml"),
                (f"{_REL}/extended-properties", "docProps/app.xml"),
            ]
        ),
        "docProps/core.xml": _core_properties(title),
        "docProps/app.xml": _app_properties(),
        "word/_rels/document.xml.rels": _relationships(
            [
                (f"{_REL}/styles", "styles.xml"),
                (f"{_REL}/settings", "settings.xml"),
                (f"{_REL}/fontTable", "fontTable.xml"),
            ]
        ),
        "word/document.xml": _serialise(_document(report, title)),
        "word/styles.xml": _serialise(_styles()),
        "word/settings.xml": _serialise(_settings()),
        "word/fontTable.xml": _serialise(_font_table()),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()


# --- building WordprocessingML ---------------------------------------------------


def _w(tag: str, *children: etree._Element, **attrs: str) -> etree._Element:
    """A ``w:`` element with ``w:`` attributes (``val="x"`` → ``w:val="x"``) and *children*."""
    el = etree.Element(f"{{{W_TRANSITIONAL}}}{tag}", nsmap=_NSMAP)
    for key, value in attrs.items():
        el.set(f"{{{W_TRANSITIONAL}}}{key}", value)
    el.extend(children)
    return el


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _run(text: str, *properties: etree._Element) -> etree._Element:
    """A run of *text*, tabs as ``w:tab``; leading or trailing spaces kept with ``xml:space``."""
    run = _w("r")
    if properties:
        run.append(_w("rPr", *properties))
    for i, piece in enumerate(_clean(text).split("\t")):
        if i:
            run.append(_w("tab"))
        if piece:
            t = _w("t")
            t.text = piece
            if piece != piece.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.append(t)
    return run


def _paragraph(text: str, style: str | None = None, *, center: bool = False) -> etree._Element:
    ppr = _w("pPr")
    if style:
        ppr.append(_w("pStyle", val=style))
    if center:
        ppr.append(_w("jc", val="center"))
    p = _w("p")
    if len(ppr):
        p.append(ppr)
    if text:
        p.append(_run(text))
    return p


def _prose(text: str) -> list[etree._Element]:
    return [_paragraph(line.strip(), "BodyText") for line in text.splitlines() if line.strip()]


def _document(report: AnnualReport, title: str) -> etree._Element:
    body = _w("body", _paragraph(title, "Title"))
    body.extend(_prose(report.sections.preamble))
    for numeral, (code, heading) in zip(_NUMERALS, SECTIONS, strict=True):
        body.append(_paragraph(f"{numeral}、{heading}", "Heading1"))
        if code in TABLE_CODES:
            table = report.table(code)
            if table is not None:
                body.append(_table(table))
                body.append(_paragraph(""))  # Word needs a paragraph between a table and what follows
        else:
            body.extend(_prose(getattr(report.sections, code)))
    body.append(_section_properties())
    root = _w("document", body)
    return root


def _section_properties() -> etree._Element:
    """A4 portrait, margins of 2.54 cm top and bottom and 1.5 cm … 1.6 cm at the sides."""
    return _w(
        "sectPr",
        _w("pgSz", w="11906", h="16838"),
        _w("pgMar", top="1440", right="1418", bottom="1440", left="1418", header="851", footer="992", gutter="0"),
    )


# --- tables ------------------------------------------------------------------------


def _table(table: Table) -> etree._Element:
    code = table.code
    width = template_width(code)
    weights = _COLUMN_WEIGHTS[code]
    unit = _TEXT_WIDTH // sum(weights)
    columns = [str(unit * weight) for weight in weights]
    border = {"val": "single", "sz": "4", "space": "0", "color": "000000"}
    tbl = _w(
        "tbl",
        _w(
            "tblPr",
            _w("tblW", w=str(unit * sum(weights)), type="dxa"),
            _w("jc", val="center"),
            _w(
                "tblBorders", *(_w(side, **border) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
            ),
            _w("tblLayout", type="fixed"),
            _w("tblCellMar", _w("left", w="57", type="dxa"), _w("right", w="57", type="dxa")),
            _w("tblLook", val="0000"),
        ),
        _w("tblGrid", *(_w("gridCol", w=w) for w in columns)),
    )
    present = rows_to_lay_out(table)
    # Columns covered by a vertical merge from a row above: column → (rows still to cover, colspan).
    covering: dict[int, tuple[int, int]] = {}
    leading = True
    for row in template_rows(table.edition, code, present):
        # Only the leading run of heading rows repeats on each page (Word ignores later ones).
        # Table 2's group headings belong to their group: repeating the first one would mislead.
        header = leading and code != "active_disclosure" and all(c.cell is None and c.header for c in row)
        leading = header
        tr = _w("tr", _w("trPr", _w("cantSplit"), *((_w("tblHeader"),) if header else ())))
        cells = iter(row)
        column = 0
        while column < width:
            cover = covering.get(column)
            if cover is not None:
                left, span = cover
                tr.append(_cell("", span, columns[column : column + span], merge="continue"))
                if left > 1:
                    covering[column] = (left - 1, span)
                else:
                    del covering[column]
                column += span
                continue
            tc = next(cells, None)
            if tc is None:
                break
            merge = None
            if tc.rowspan > 1:
                merge = "restart"
                covering[column] = (tc.rowspan - 1, tc.colspan)
            text = _value_text(table, tc) if tc.cell is not None else tc.text
            tr.append(
                _cell(
                    text,
                    tc.colspan,
                    columns[column : column + tc.colspan],
                    merge=merge,
                    label=tc.cell is None and not tc.header,
                )
            )
            column += tc.colspan
        tbl.append(tr)
    return tbl


def _cell(text: str, span: int, widths: list[str], *, merge: str | None = None, label: bool = False) -> etree._Element:
    tcpr = _w("tcPr", _w("tcW", w=str(sum(int(w) for w in widths)), type="dxa"))
    if span > 1:
        tcpr.append(_w("gridSpan", val=str(span)))
    if merge == "restart":
        tcpr.append(_w("vMerge", val="restart"))
    elif merge == "continue":
        tcpr.append(_w("vMerge"))  # the valueless form, as Word writes it
    tcpr.append(_w("vAlign", val="center"))
    return _w("tc", tcpr, _paragraph(text, "TableText", center=not label))


def _value_text(table: Table, tc: TemplateCell) -> str:
    """What to print for a value cell (:func:`govinfo_report.values.cell_text`)."""
    ref = tc.cell
    assert ref is not None  # only value cells name a report cell
    return cell_text(table[ref.row, ref.column], table.spec.row(ref.row).column(ref.column).kind)


# --- the other parts --------------------------------------------------------------


def _fonts(east_asian: tuple[str, str]) -> etree._Element:
    return _w("rFonts", ascii="Times New Roman", hAnsi="Times New Roman", eastAsia=east_asian[0], cs="Times New Roman")


def _style(style_id: str, name: str, *children: etree._Element, default: bool = False) -> etree._Element:
    style = _w("style", _w("name", val=name), *children, type="paragraph", styleId=style_id)
    if default:
        style.set(f"{{{W_TRANSITIONAL}}}default", "1")
    return style


def _styles() -> etree._Element:
    defaults = _w(
        "docDefaults",
        _w(
            "rPrDefault",
            _w(
                "rPr",
                _fonts(_BODY_FONT),
                _w("sz", val="24"),
                _w("szCs", val="24"),
                _w("lang", val="en-US", eastAsia="zh-CN"),
            ),
        ),
        _w("pPrDefault", _w("pPr", _w("spacing", after="0", line="360", lineRule="auto"))),
    )
    heading_run = _w("rPr", _fonts(_HEADING_FONT), _w("sz", val="32"), _w("szCs", val="32"))
    return _w(
        "styles",
        defaults,
        _style("Normal", "Normal", _w("qFormat"), default=True),
        _style(
            "Title",
            "Title",
            _w("basedOn", val="Normal"),
            _w("next", val="BodyText"),
            _w("qFormat"),
            _w("pPr", _w("spacing", before="240", after="240"), _w("jc", val="center")),
            _w("rPr", _fonts(_HEADING_FONT), _w("sz", val="44"), _w("szCs", val="44")),
        ),
        _style(
            "Heading1",
            "heading 1",
            _w("basedOn", val="Normal"),
            _w("next", val="BodyText"),
            _w("qFormat"),
            _w("pPr", _w("keepNext"), _w("spacing", before="240", after="120"), _w("outlineLvl", val="0")),
            heading_run,
        ),
        _style(
            "BodyText",
            "Body Text",
            _w("basedOn", val="Normal"),
            _w("qFormat"),
            _w("pPr", _w("ind", firstLineChars="200", firstLine="480")),
        ),
        _style(
            "TableText",
            "Table Text",
            _w("basedOn", val="Normal"),
            _w("pPr", _w("spacing", line="240", lineRule="auto")),
            _w("rPr", _w("sz", val="18"), _w("szCs", val="18")),
        ),
    )


def _settings() -> etree._Element:
    return _w("settings", _w("defaultTabStop", val="420"), _w("themeFontLang", val="en-US", eastAsia="zh-CN"))


def _font_table() -> etree._Element:
    fonts = _w("fonts")
    for name, alt, family in (
        ("宋体", "SimSun", "auto"),
        ("黑体", "SimHei", "modern"),
        ("Times New Roman", "", "roman"),
    ):
        font = _w("font", name=name)
        if alt:
            font.append(_w("altName", val=alt))
            font.append(_w("charset", val="86"))
        font.append(_w("family", val=family))
        fonts.append(font)
    return fonts


def _relationships(targets: Iterable[tuple[str, str]]) -> bytes:
    # Fixed text (no report data), in the default-namespace form every consumer expects.
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{rel_type}" Target="{target}"/>'
        for i, (rel_type, target) in enumerate(targets, 1)
    )
    return f'{_DECLARATION}<Relationships xmlns="{PACKAGE_RELS}">{rels}</Relationships>'.encode()


def _content_types() -> bytes:
    defaults = (
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
    )
    overrides = "".join(
        f'<Override PartName="{name}" ContentType="{content_type}"/>'
        for name, content_type in zip(_PART_NAMES, _CONTENT_TYPES, strict=True)
    )
    return f'{_DECLARATION}<Types xmlns="{_CT}">{defaults}{overrides}</Types>'.encode()


def _core_properties(title: str) -> bytes:
    root = etree.Element(f"{{{_CP}}}coreProperties", nsmap={"cp": _CP, "dc": _DC})
    etree.SubElement(root, f"{{{_DC}}}title").text = _clean(title)
    etree.SubElement(root, f"{{{_DC}}}language").text = "zh-CN"
    return _serialise(root)


def _app_properties() -> bytes:
    return f'{_DECLARATION}<Properties xmlns="{_EP}"><Application>govinfo_report</Application></Properties>'.encode()
