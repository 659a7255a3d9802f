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
                        verdict = int_value(paragraph_prop.get(tags.val), 9) < 9
                    elif paragraph_prop.tag == tags.numPr:
                        own_numbering[sid] = num_pr(paragraph_prop, tags)
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
