"""Recognising the six section headings (一、总体情况 … 六、其他需要报告的事项).

Headings vary in the wild: the numeral may be missing, 及 and 和 swap, 2021
reports write 四 as 因政府信息公开工作被申请行政复议、提起行政诉讼情况, and
crawler text runs a heading into its first sentence.  A paragraph is a
heading when, after an optional numeral (``一、`` ``三.`` ``第四部分``), it
*is* one of the known wordings (one character may differ), or — when a
numeral is present — *starts* with one (the rest is the section's first
line).
"""

from __future__ import annotations

import re

from attrs import frozen

from ..labels import contains_fuzzy, normalise
from ..layout import SECTIONS, Edition

__all__ = ["SECTION_ORDER", "HeadingMatch", "match_heading"]

#: Section codes in report order.
SECTION_ORDER: tuple[str, ...] = tuple(code for code, _heading in SECTIONS)

_WORDINGS: dict[str, tuple[str, ...]] = {
    "overview": ("总体情况", "工作总体情况", "政府信息公开工作总体情况"),
    "active_disclosure": ("主动公开政府信息情况", "主动公开政府信息的情况", "主动公开政府信息"),
    "requests": (
        "收到和处理政府信息公开申请情况",
        "收到和处理政府信息公开申请的情况",
        "收到和处理政府信息申请情况",
        "收到和处理政府信息公开申请",
    ),
    "review_litigation": (
        "政府信息公开行政复议、行政诉讼情况",
        "政府信息公开行政复议和行政诉讼情况",
        "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
        "因政府信息公开申请行政复议、提起行政诉讼的情况",
        "因政府信息公开申请行政复议、提起行政诉讼情况",
    ),
    "problems": (
        "存在的主要问题及改进情况",
        "政府信息公开工作存在的主要问题及改进情况",
        "存在的主要问题及改进措施",
        "存在的问题及改进情况",
        "主要问题及改进情况",
    ),
    "other_matters": ("其他需要报告的事项", "其他需要报告事项"),
}
_NORMALISED: dict[str, tuple[str, ...]] = {
    code: tuple(sorted({normalise(w) for w in words}, key=len, reverse=True)) for code, words in _WORDINGS.items()
}

# 一、 一. 一， 一： 一␠ or 第一部分 — never （一）, which numbers sub-headings inside a section.
_NUMERAL = re.compile(
    r"^(?:第?[一二三四五六七八九十]{1,2}(?:部分)?[、.．,，:：\s]+|第[一二三四五六七八九十]{1,2}部分)\s*"
)
#: With a numeral, a heading line longer than this (normalised) is prose that happens to start alike.
_MAX_LOOSE = 34


@frozen
class HeadingMatch:
    """A recognised heading: the section it opens and any text that followed it on the line."""

    section: str
    rest: str = ""
    #: The heading's wording, normalised, without its numeral.
    wording: str = ""

    @property
    def edition_hint(self) -> Edition | None:
        """2021 when 四 has the 2021 template's wording (因…被申请行政复议、提起行政诉讼情况), else ``None``.

        2021 reports also keep the old wording, so only the new one says
        anything; it decides the edition only when the tables print no
        edition's own labels.
        """
        if self.section == "review_litigation" and "提起行政诉讼" in self.wording:
            return Edition.E2021
        return None


def _loose(code: str, norm: str) -> bool:
    """Wordings too varied to list: 四 names both 行政复议 and 行政诉讼; 五 names 问题 and 改进."""
    if len(norm) > _MAX_LOOSE:
        return False
    if code == "review_litigation":
        return "行政复议" in norm and "行政诉讼" in norm and norm.endswith("情况")
    if code == "problems":
        return "问题" in norm and "改进" in norm and len(norm) <= 24
    return False


#: The longest wording, normalised: a line that is a heading is at most one character longer.
_LONGEST = max(len(w) for words in _NORMALISED.values() for w in words)
#: A line without a numeral longer than this is prose: no heading is padded to four times its length.
#: (Checked before normalising, so the prose of a report, unique to it, never fills the label cache.)
_MAX_PLAIN = 4 * _LONGEST
#: Of a longer line with a numeral only the start can be a heading: this much of it is normalised.
_HEAD = 4 * _LONGEST


def match_heading(text: str) -> HeadingMatch | None:
    """The section whose heading *text* is (or starts with), else ``None``."""
    stripped = text.strip()
    numeral = _NUMERAL.match(stripped)
    body = stripped[numeral.end() :] if numeral else stripped
    if len(body) > _MAX_PLAIN:
        if numeral is None:
            return None
        return _starting_heading(body)
    norm = normalise(body)
    if not norm:
        return None
    if numeral is None:
        code = _whole_line_heading(norm)
        return HeadingMatch(code, wording=norm) if code is not None else None
    for code in SECTION_ORDER:
        for wording in _NORMALISED[code]:
            if norm == wording or (
                len(wording) >= 5 and abs(len(norm) - len(wording)) <= 1 and contains_fuzzy(norm, wording)
            ):
                if norm != wording and norm.startswith(wording):
                    # The wording and one more character: text run into the heading (``…事项无``), not a typo.
                    return HeadingMatch(code, _rest_after(body, wording), norm)
                return HeadingMatch(code, wording=norm)
        if numeral is None:
            continue
        for wording in _NORMALISED[code]:
            if norm.startswith(wording):
                return HeadingMatch(code, _rest_after(body, wording), norm)
        if _loose(code, norm):
            return HeadingMatch(code, wording=norm)
    return None


def _near_wordings() -> dict[int, tuple[tuple[int, str, str], ...]]:
    """For each line length, the wordings one edit can reach (5+ characters): (section order, code, wording)."""
    near: dict[int, list[tuple[int, str, str]]] = {}
    for order, code in enumerate(SECTION_ORDER):
        for wording in _NORMALISED[code]:
            if len(wording) >= 5:
                for n in (len(wording) - 1, len(wording), len(wording) + 1):
                    near.setdefault(n, []).append((order, code, wording))
    return {n: tuple(found) for n, found in near.items()}


#: Each wording, normalised: (order, code) of the first section that has it.
_EXACT: dict[str, tuple[int, str]] = {}
for _order, _code in reversed(list(enumerate(SECTION_ORDER))):
    _EXACT.update(dict.fromkeys(_NORMALISED[_code], (_order, _code)))
del _order, _code
_NEAR = _near_wordings()


def _whole_line_heading(norm: str) -> str | None:
    """The section whose wording the whole line *norm* is, give or take one edit (earliest section wins).

    The same answer as trying every wording of every section in order, from
    one dictionary lookup and the few wordings of about the line's length.
    """
    best = _EXACT.get(norm)
    for order, code, wording in _NEAR.get(len(norm), ()):
        if best is not None and order >= best[0]:
            break
        if contains_fuzzy(norm, wording):
            return code
    return best[1] if best is not None else None


def _starting_heading(body: str) -> HeadingMatch | None:
    """A long numbered line that starts with a heading's wording (crawler text runs them together).

    Only its first :data:`_HEAD` characters are normalised: they hold any
    wording, and a whole line this long equals none.
    """
    norm = normalise(body[:_HEAD])
    for code in SECTION_ORDER:
        for wording in _NORMALISED[code]:
            if norm.startswith(wording):
                return HeadingMatch(code, _rest_after(body, wording), norm)
    return None


def _rest_after(body: str, wording: str) -> str:
    """The text of *body* after the characters that normalise to *wording* (and any punctuation)."""
    for end in range(1, len(body) + 1):
        if normalise(body[:end]) == wording:
            rest = body[end:]
            return rest.lstrip(" \t\u3000。.：:；;，,").strip()
    return ""  # pragma: no cover - the caller checked that the body starts with the wording
