"""CJK radical code points read as the ideographs they stand for.

A CJK font draws 一 and KANGXI RADICAL ONE (``⼀``, U+2F00) with one glyph,
and 门 and CJK RADICAL C-SIMPLIFIED GATE (``⻔``, U+2ED4) with another. A PDF
maker (Chrome's Skia among them) that writes the glyph's ToUnicode entry
from the font's first code point for it writes the radical, so the text of
such a PDF, and of anything copied from it, reads ``⼀、总体情况`` and
``部⻔``: right to the eye, wrong to every search and comparison. A
government report never means a radical, so the interpreter reads each one
as its ideograph.

NFKC maps the 214 Kangxi radicals (U+2F00–U+2FD5) to ideographs, but to the
traditional form where the simplified one differs in code point only
(``⼾`` → 戶 where a simplified font's glyph is 户): those three are
mapped to the simplified form, as the reports are in simplified Chinese.
NFKC leaves the CJK Radicals Supplement (U+2E80–U+2EF3) alone but for two:
the table below maps those that stand for an ideograph, after Unicode's
``EquivalentUnifiedIdeograph.txt``.
"""

from __future__ import annotations

import re
import unicodedata

from .document import Location
from .findings import Finding, reader_finding

__all__ = ["RADICAL", "radicals_finding", "unify_counted", "unify_radicals"]

#: Any code point of the two radical blocks: a cheap test before translating.
RADICAL = re.compile("[\u2e80-\u2ef3\u2f00-\u2fd5]")

#: Kangxi radicals whose NFKC form is traditional where reports print the simplified character.
_SIMPLIFIED = {"\u2f3e": "户", "\u2fad": "青", "\u2fc8": "黄"}

#: CJK Radicals Supplement → the ideograph each is drawn as (components such as 氵 included).
_SUPPLEMENT = {
    "\u2e81": "厂",
    "\u2e8a": "卜",
    "\u2e92": "巳",
    "\u2e93": "幺",
    "\u2e96": "忄",
    "\u2e98": "扌",
    "\u2e99": "攵",
    "\u2e9c": "日",
    "\u2e9d": "月",
    "\u2e9f": "母",
    "\u2ea0": "民",
    "\u2ea1": "氵",
    "\u2ea3": "灬",
    "\u2ea7": "牛",
    "\u2ea8": "犭",
    "\u2ea9": "王",
    "\u2eab": "目",
    "\u2eac": "示",
    "\u2ead": "礻",
    "\u2eae": "竹",
    "\u2eaf": "糸",
    "\u2eb0": "纟",
    "\u2eb6": "羊",
    "\u2ebd": "臼",
    "\u2ebe": "艹",
    "\u2ebf": "艹",
    "\u2ec0": "艹",
    "\u2ec1": "虎",
    "\u2ec2": "衤",
    "\u2ec4": "西",
    "\u2ec5": "见",
    "\u2ec6": "角",
    "\u2ec8": "讠",
    "\u2ec9": "贝",
    "\u2ecb": "车",
    "\u2ecc": "辶",
    "\u2ecf": "阝",
    "\u2ed0": "钅",
    "\u2ed1": "長",
    "\u2ed3": "长",
    "\u2ed4": "门",
    "\u2ed5": "阜",
    "\u2ed6": "阝",
    "\u2ed7": "雨",
    "\u2ed8": "青",
    "\u2ed9": "韦",
    "\u2eda": "页",
    "\u2edb": "风",
    "\u2edc": "飞",
    "\u2edd": "食",
    "\u2ee0": "饣",
    "\u2ee1": "首",
    "\u2ee2": "马",
    "\u2ee3": "骨",
    "\u2ee4": "鬼",
    "\u2ee5": "鱼",
    "\u2ee6": "鸟",
    "\u2ee7": "卤",
    "\u2ee8": "麦",
    "\u2ee9": "黄",
    "\u2eea": "黾",
    "\u2eec": "齐",
    "\u2eee": "齿",
    "\u2ef0": "龙",
    "\u2ef3": "龟",
}


def _table() -> dict[int, str]:
    table = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
    for radical, ideograph in (_SIMPLIFIED | _SUPPLEMENT).items():
        table[ord(radical)] = ideograph
    return table


_TABLE = _table()


def unify_radicals(text: str) -> str:
    """*text* with every radical code point that stands for an ideograph replaced by that ideograph."""
    if RADICAL.search(text) is None:  # the usual case, decided by one C scan
        return text
    return text.translate(_TABLE)


def unify_counted(text: str) -> tuple[str, int, int | None]:
    """``(unify_radicals(text), how many were replaced, the index of the first)`` — for the finding."""
    if RADICAL.search(text) is None:
        return text, 0, None
    replaced = [m.start() for m in RADICAL.finditer(text) if ord(m.group()) in _TABLE]
    return text.translate(_TABLE), len(replaced), replaced[0] if replaced else None


def radicals_finding(count: int, source: str | None, where: Location | None) -> Finding:
    """The ``reader.radicals`` finding: *count* radicals read as ideographs, the first at *where*."""
    return reader_finding(
        "reader.radicals",
        f"{count} CJK radical code points (⼀ U+2F00 for 一, ⻔ U+2ED4 for 门, as a PDF font's ToUnicode map "
        "writes them) read as the ideographs they stand for",
        f"{count}个部首字符（如⼀、⻔，PDF字体映射所致）已按其所代表的汉字读取",
        source=source,
        locations=(where,),
    )
