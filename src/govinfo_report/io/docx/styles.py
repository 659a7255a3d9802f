"""The styles part: which paragraph styles are headings, number their paragraphs, or are table-of-contents entries."""

from __future__ import annotations

import re
import zipfile

from attrs import Factory, define
from lxml import etree

from ...errors import ReadError, UnsafeInputError
from ...safety import parse_xml, read_member
from .ooxml import Tags, int_value

__all__ = ["CONTENTS_ID", "HEADING_ID", "Styles", "num_pr", "read_styles"]

#: Style names (lower case) of headings: Word's built-in names are English in
#: every locale; WPS and some templates use the Chinese ones.
_HEADING_NAME = re.compile(r"^(?:heading\s*\d|title|标题(?:\s*\d)?)$")
#: Heading style ids, for a document without a styles part.
HEADING_ID = re.compile(r"^(?:heading\d|title)$", re.IGNORECASE)
#: Table-of-contents entry styles: Word's ``toc 1`` …, LibreOffice's ``Contents 1`` …
_CONTENTS_NAME = re.compile(r"^(?:toc|contents)\s*\d$")
CONTENTS_ID = re.compile(r"^(?:toc|contents)\d$", re.IGNORECASE)


@define
class Styles:
    """What the reader takes from the styles part."""

    #: Ids of paragraph styles that are headings (by name, outline level, or inheritance).
    headings: frozenset[str] = frozenset()
    #: Paragraph styles that number their paragraphs: style id → (list instance, level).
    numbered: dict[str, tuple[str, int]] = Factory(dict)
    #: Ids of table-of-contents entry styles (``toc 1`` …).
    contents: frozenset[str] = frozenset()


def read_styles(archive: zipfile.ZipFile, part: str, tags: Tags, source: str | None) -> Styles:
    """The heading and numbered paragraph styles of *part*, following ``w:basedOn``.

    A missing or malformed styles part only loses this information; an
    oversized one is refused like any other part.
    """
    try:
        root = parse_xml(read_member(archive, part, where=source), part=part, where=source)
    except UnsafeInputError:
        raise
    except ReadError:
        return Styles()
    own: dict[str, bool | None] = {}
    own_numbering: dict[str, tuple[str, int]] = {}
    contents: set[str] = set()
    based: dict[str, str] = {}
    # One tag-filtered pass yields each style and only the properties read here
    # (a style's w:name and w:basedOn, its w:pPr's w:outlineLvl and w:numPr), in
    # document order: the same ones, in the same order, as a loop over every
    # child of every style, without a Python step per other child.
    name_tag, based_tag, ppr_tag, outline_tag = tags.name, tags.basedOn, tags.pPr, tags.outlineLvl
    style_tag, type_attr, id_attr, val = tags.style, tags.type, tags.styleId, tags.val
    verdicts: dict[etree._Element, list[bool | None]] = {}  # paragraph style -> [its own verdict]
    ids: dict[etree._Element, str] = {}
    order: list[etree._Element] = []
    for el in root.iter(style_tag, name_tag, based_tag, outline_tag, tags.numPr):
        tag = el.tag
        if tag == style_tag:
            if el.get(type_attr) == "paragraph":
                sid = el.get(id_attr)
                if sid:
                    ids[el] = sid
                    verdicts[el] = [None]
                    order.append(el)
            continue
        parent = el.getparent()
        if parent is None:
            continue
        if tag in (name_tag, based_tag):
            verdict_of = verdicts.get(parent)
            if verdict_of is None:
                continue
            sid = ids[parent]
            if tag == name_tag:
                name = (el.get(val) or "").strip().lower()
                if _HEADING_NAME.match(name):
                    verdict_of[0] = True if verdict_of[0] is None else verdict_of[0]
                if _CONTENTS_NAME.match(name):
                    contents.add(sid)
            elif el.get(val):
                based[sid] = el.get(val) or ""
            continue
        owner = parent.getparent()  # a w:outlineLvl or w:numPr counts in a style's own w:pPr
        verdict_of = verdicts.get(owner) if owner is not None else None
        if verdict_of is None or owner is None or parent.tag != ppr_tag:
            continue
        if tag == outline_tag:
            verdict_of[0] = int_value(el.get(val), 9) < 9
        else:
            own_numbering[ids[owner]] = num_pr(el, tags)
    for el in order:
        own[ids[el]] = verdicts[el][0]
    headings: set[str] = set()
    numbered: dict[str, tuple[str, int]] = {}
    for sid in own:
        chain = _chain(sid, based)
        for s in chain:
            verdict = own.get(s)
            if verdict is not None:
                if verdict:
                    headings.add(sid)
                break
        for s in chain:
            found = own_numbering.get(s)
            if found is not None:
                if found[0] != "0":
                    numbered[sid] = found
                break
    return Styles(frozenset(headings), numbered, frozenset(contents))


def _chain(sid: str, based: dict[str, str]) -> list[str]:
    """*sid* and the styles it is based on, nearest first (cut at 32: a cycle must not loop forever)."""
    chain = [sid]
    while len(chain) < 32 and chain[-1] in based:
        chain.append(based[chain[-1]])
    return chain


def num_pr(num_pr: etree._Element, tags: Tags) -> tuple[str, int]:
    """(list instance id, level) of a ``w:numPr``."""
    num_id, level = "", 0
    for prop in num_pr:
        if prop.tag == tags.numId:
            num_id = prop.get(tags.val) or ""
        elif prop.tag == tags.ilvl:
            level = int_value(prop.get(tags.val), 0)
    return num_id, level
