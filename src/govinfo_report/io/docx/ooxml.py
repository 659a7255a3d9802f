"""WordprocessingML names: namespaces, relationship types, and the element names the docx format uses.

Tags are compared as Clark names (``{namespace}local``), so the prefixes a
producer chose (``w:``, ``ns0:``, WPS's own) never matter.  Both the
transitional namespace (Word, LibreOffice, WPS) and the ISO strict one are
supported: :func:`names_for` gives the set of names for a document's root.
"""

from __future__ import annotations

__all__ = [
    "MC",
    "OFFICE_DOCUMENT_TYPES",
    "PACKAGE_RELS",
    "W_STRICT",
    "W_TRANSITIONAL",
    "Tags",
    "int_value",
    "names_for",
]

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
#: Markup compatibility (``mc:AlternateContent``), written by Word and WPS.
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
#: Relationship types that point from the package to its main part.
OFFICE_DOCUMENT_TYPES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)


class Tags:
    """Clark names of WordprocessingML elements and attributes in one namespace (``tags.tc`` …).

    Every annotated attribute is the local name of the same spelling;
    ``del_`` stands for ``w:del`` (a Python keyword).
    """

    p: str
    r: str
    t: str
    tab: str
    ptab: str
    br: str
    cr: str
    noBreakHyphen: str
    softHyphen: str
    sym: str
    tbl: str
    tr: str
    tc: str
    tblPr: str
    tblGrid: str
    gridCol: str
    trPr: str
    tcPr: str
    gridSpan: str
    vMerge: str
    hMerge: str
    gridBefore: str
    gridAfter: str
    tblHeader: str
    cellDel: str
    pPr: str
    pStyle: str
    outlineLvl: str
    rPr: str
    vanish: str
    tabs: str
    del_: str
    ins: str
    moveFrom: str
    moveTo: str
    rt: str
    sdt: str
    sdtPr: str
    sdtContent: str
    showingPlcHdr: str
    customXml: str
    smartTag: str
    hyperlink: str
    fldSimple: str
    txbxContent: str
    instrText: str
    sectPr: str
    style: str
    styles: str
    name: str
    basedOn: str
    val: str
    type: str
    styleId: str
    char: str
    numPr: str
    numId: str
    ilvl: str
    num: str
    abstractNum: str
    abstractNumId: str
    lvl: str
    lvlOverride: str
    startOverride: str
    start: str
    numFmt: str
    lvlText: str
    suff: str
    isLgl: str
    lvlRestart: str
    docPartObj: str
    docPartGallery: str
    document: str
    body: str

    def __init__(self, ns: str) -> None:
        self.ns = ns
        for attr in Tags.__annotations__:
            local = "del" if attr == "del_" else attr
            setattr(self, attr, f"{{{ns}}}{local}")


_TAGS = {ns: Tags(ns) for ns in (W_TRANSITIONAL, W_STRICT)}


def names_for(root_tag: str) -> Tags | None:
    """The names of the namespace of a root element tagged *root_tag*, or ``None`` if it is not WordprocessingML."""
    if not root_tag.startswith("{"):
        return None
    ns = root_tag[1:].partition("}")[0]
    return _TAGS.get(ns)


def int_value(text: str | None, default: int) -> int:
    """An integer attribute (``w:val="2"``), tolerating ``"2.0"``; *default* when absent or not a number."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        try:
            return int(float(text or ""))
        except (ValueError, OverflowError):
            return default
