"""Text lines of a PDF page → paragraphs.

A PDF has no paragraphs, only positioned lines.  A paragraph starts where a
line is indented (Chinese body text indents a paragraph's first line by two
characters), where the line before it stopped short of the right margin, at
a change of font size or to a heading font, and after a gap larger than the
usual line spacing.  Lines that are only a page number (``- 3 -``) are
dropped.  Spaces a PDF puts between Chinese and Latin text (``2024 年``) are
typesetting, not text, and are removed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

from attrs import frozen

__all__ = ["Line", "Para", "is_page_number", "join_text", "merge_shifted", "paragraphs"]

_CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[ \t]+|[ \t]+(?=[{_CJK}])")
#: ``-3-``, ``- 3 -``, ``3`` (a bare number of at most three digits), ``第2页``, ``第2页共6页``.
_PAGE_NUMBER = re.compile(r"^[-－—–]\s*\d{1,4}\s*[-－—–]$|^\d{1,3}$|^第\s*\d{1,4}\s*页(共\s*\d{1,4}\s*页)?$")
#: Font names that mark a heading in Chinese government documents (黑体 and bold faces).
_HEADING_FONT = re.compile(r"bold|black|heavy|黑体|hei|xbs|小标宋|方正小标宋", re.IGNORECASE)


@frozen
class Line:
    """One text line of a page, with the geometry paragraphs are found from."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    heading_font: bool


@frozen
class Para:
    """A paragraph: its text, the first line it came from, and whether it is a heading."""

    text: str
    page: int
    top: float
    first_line: int
    heading: bool


def join_text(parts: Iterable[str]) -> str:
    """Lines of one paragraph or cell as one string: no break inside Chinese text, a space between Latin words."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and not (_is_cjk(out[-1]) or _is_cjk(part[0])):
            out += " "
        out += part
    return _SPACE_NEAR_CJK.sub("", out)


def _is_cjk(ch: str) -> bool:
    return bool(re.match(rf"[{_CJK}]", ch))


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def _chars_text(chars: Sequence[dict[str, Any]]) -> str:
    """The characters of one line in x order, a space where a gap wider than a third of the size separates two."""
    out = ""
    prev_x1: float | None = None
    for char in sorted(chars, key=lambda c: float(c["x0"])):
        if prev_x1 is not None and float(char["x0"]) - prev_x1 > float(char.get("size", 0)) / 3:
            out += " "
        out += str(char["text"])
        prev_x1 = float(char["x1"])
    return out


def merge_shifted(found: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """pdfplumber's text lines with the pieces of one printed line put back together.

    A line set in two fonts (a Chinese face and a Latin one for the digits)
    can have the two runs' boxes a few points apart vertically: at a title's
    size (22 pt) more than pdfplumber's 3-point tolerance, so ``2020`` of
    ``山亭区…办公室2020年政府信息公开…`` comes out as a line of its own after the
    rest.  Lines next to each other whose middles each lie within the other's
    height, and whose characters do not overlap horizontally, are one line.
    """
    out: list[dict[str, Any]] = []
    for line in found:
        if out and _same_printed_line(out[-1], line):
            chars = [*out[-1]["chars"], *line["chars"]]
            out[-1] = {
                "text": _chars_text(chars),
                "chars": sorted(chars, key=lambda c: float(c["x0"])),
                "x0": min(float(out[-1]["x0"]), float(line["x0"])),
                "x1": max(float(out[-1]["x1"]), float(line["x1"])),
                "top": min(float(out[-1]["top"]), float(line["top"])),
                "bottom": max(float(out[-1]["bottom"]), float(line["bottom"])),
            }
        else:
            out.append(line)
    return out


def _same_printed_line(a: dict[str, Any], b: dict[str, Any]) -> bool:
    a_top, a_bottom, b_top, b_bottom = (float(a["top"]), float(a["bottom"]), float(b["top"]), float(b["bottom"]))
    if not (a_top <= (b_top + b_bottom) / 2 <= a_bottom and b_top <= (a_top + a_bottom) / 2 <= b_bottom):
        return False
    spans = sorted((float(c["x0"]), float(c["x1"])) for c in (*a["chars"], *b["chars"]))
    # Characters of two printed lines at one height overlap nowhere either, so also require that no
    # character of one line lies on the other's glyphs: a shifted run fills a gap the other line left.
    return all(x1 <= nx0 + 0.5 for (_, x1), (nx0, _) in pairwise(spans))


def line_from_chars(
    text: str, page: int, chars: Sequence[dict[str, object]], box: tuple[float, float, float, float]
) -> Line:
    """A :class:`Line` from pdfplumber's text line (its text, characters and bounding box)."""
    sizes = Counter(round(float(str(c.get("size", 0))), 1) for c in chars if str(c.get("text", "")).strip())
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    fonts = [str(c.get("fontname", "")) for c in chars if str(c.get("text", "")).strip()]
    heading = bool(fonts) and all(_HEADING_FONT.search(f.split("+", 1)[-1]) for f in fonts)
    return Line(text, page, box[0], box[2], box[1], box[3], size, heading)


def paragraphs(lines: Sequence[Line], breaks_before: frozenset[int] = frozenset()) -> list[Para]:
    """Group *lines* (in reading order, page numbers already dropped) into paragraphs.

    A paragraph never continues past an index in *breaks_before* (where a
    table stands between two lines).  Margins and the body text size are
    taken from all *lines*, so call this once for the whole document.
    """
    if not lines:
        return []
    body = Counter(round(line.size) for line in lines).most_common(1)[0][0] or 1
    left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
    right = Counter(round(line.x1) for line in lines if round(line.size) == body).most_common(1)[0][0]
    out: list[Para] = []
    current: list[Line] = []
    first = 0

    def flush() -> None:
        if current:
            heading = all(line.heading_font or line.size > body * 1.15 for line in current)
            top = current[0]
            out.append(Para(join_text(line.text for line in current), top.page, top.top, first, heading))

    for index, line in enumerate(lines):
        big = line.size > body * 1.15
        if current:
            prev = current[-1]
            same_style = (prev.size > body * 1.15) == big and prev.heading_font == line.heading_font
            title_continues = big and same_style and line.page == prev.page
            gap = line.top - prev.bottom if line.page == prev.page else 0.0
            starts_new = (
                not same_style
                or (not title_continues and line.x0 > left + 0.8 * line.size)
                or (not title_continues and prev.x1 < right - 1.5 * prev.size)
                or gap > 1.6 * max(line.size, prev.size)
                or index in breaks_before
            )
            if starts_new:
                flush()
                current = []
        if not current:
            first = index + 1
        current.append(line)
    flush()
    return out
