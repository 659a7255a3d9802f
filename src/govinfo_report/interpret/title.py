"""The report's title, and the agency and year it names.

Titles read ``{agency}{year}年政府信息公开工作年度报告`` (or ``…年报``,
``{year}年度…``, occasionally ``{year}年{agency}政府信息公开…``) and are often
split over two or three lines (``尧都区人民政府`` / ``2020年政府信息公开工作年报``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from attrs import frozen

__all__ = ["MAX_TITLE_LINES", "TITLE_END", "Title", "find_title", "parse_title", "year_from_prose"]

#: A title is never split over more lines than this.
MAX_TITLE_LINES = 4
#: Lines longer than this are prose, not part of a title.
_MAX_LINE = 60
_MAX_TITLE = 90

_WS = re.compile(r"\s+")
_YEAR = re.compile(r"([12０-９][0-9０-９]{3})年(?:度)?")
_SUBJECT = re.compile(r"(?:政府信息公开|政务公开|信息公开)")
#: How every title ends.
TITLE_END = re.compile(r"(?:报告|年报)$")
_AGENCY_TRAILER = re.compile(r"(?:关于|[\s:：,，、《〈“\"'（(])+$")
_LOST_YEAR = re.compile(r"年度?$")
_BREADCRUMB = re.compile(r"[>›»＞]")
_AGENCY_LEADER = re.compile(r"^[\s《〈“\"'：:]+")


@frozen
class Title:
    """A title found among the first lines: its text, what it names, and the lines it used."""

    text: str
    agency: str
    year: int | None
    #: Indexes (into the lines searched) of the lines that make up the title.
    lines: tuple[int, ...]


def _year_value(digits: str) -> int | None:
    year = int(unicodedata.normalize("NFKC", digits))
    return year if 1990 <= year <= 2100 else None


def parse_title(text: str) -> tuple[str, int | None] | None:
    """``(agency, year)`` if *text* (white space ignored) is a report title, else ``None``."""
    compact = _WS.sub("", text)
    if not compact or len(compact) > _MAX_TITLE or not TITLE_END.search(compact):
        return None
    year_match = _YEAR.search(compact)
    subject = _SUBJECT.search(compact, year_match.end() if year_match else 0)
    if subject is None:
        return None
    if year_match is None:
        # ``某某局政府信息公开工作年度报告`` names no year.  A 年 left before the subject is a year whose digits
        # the extractor put elsewhere (``尧都区人民政府`` / ``年政府信息公开工作年报`` / ``2020``), not the agency's.
        agency = _LOST_YEAR.sub("", compact[: subject.start()])
        year = None
    else:
        year = _year_value(year_match.group(1))
        agency = compact[: year_match.start()]
        if not _AGENCY_TRAILER.sub("", agency):
            # ``2020年济宁市兖州区政府信息公开…``: the agency follows the year.
            agency = compact[year_match.end() : subject.start()]
    # A breadcrumb before the title (首页>政务公开>…) is not part of the agency's name.
    agency = _BREADCRUMB.split(agency)[-1]
    agency = _AGENCY_LEADER.sub("", _AGENCY_TRAILER.sub("", agency))
    return agency, year


def find_title(lines: Sequence[str], *, limit: int = 12) -> Title | None:
    """The title among the first *limit* non-empty *lines* (already cleaned of chrome).

    A title is one line, or two or three consecutive short lines whose
    concatenation reads as a title; the earliest such run wins, and a single
    line is preferred to a longer run starting at the same line.
    """
    candidates = [i for i, line in enumerate(lines) if line.strip()][:limit]
    for pos, start in enumerate(candidates):
        if len(lines[start].strip()) > _MAX_LINE:
            continue
        joined = ""
        used: list[int] = []
        for index in candidates[pos : pos + MAX_TITLE_LINES]:
            part = lines[index].strip()
            if len(part) > _MAX_LINE:
                break
            joined += part
            used.append(index)
            parsed = parse_title(joined)
            if parsed is not None:
                text = _BREADCRUMB.split(_WS.sub("", joined))[-1]
                return Title(text, parsed[0], parsed[1], tuple(used))
    return None


_PROSE_YEAR = (
    re.compile(r"([12][0-9]{3})年(?:度)?(?:政府信息公开|政务公开)"),
    re.compile(r"自([12][0-9]{3})年0?1月0?1日"),
)


def year_from_prose(lines: Sequence[str]) -> int | None:
    """The report's year as the prose states it (``2020年度政府信息公开…``, ``自2020年1月1日``)."""
    for pattern in _PROSE_YEAR:
        for line in lines:
            m = pattern.search(unicodedata.normalize("NFKC", _WS.sub("", line)))
            if m:
                return _year_value(m.group(1))
    return None
