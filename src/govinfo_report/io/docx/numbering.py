"""Automatic list numbers (``w:numPr``) as Word displays them: ``一、``, ``（二）``, ``3.``, ``①`` ….

A heading typed as ``总体情况`` in a paragraph numbered by a list whose level
text is ``%1、`` in ``chineseCounting`` is displayed ``一、总体情况``; the
reader prefixes each numbered paragraph with its label so the document
holds what a person sees.  Counters follow Word: one sequence per abstract
list (so lists sharing a definition continue each other), a level's counter
restarting when a higher level advances, and a list instance's
``w:startOverride`` restarting its sequence where it is first used.
Bullets and levels with format ``none`` print nothing.
"""

from __future__ import annotations

import zipfile

from attrs import define, frozen
from lxml import etree

from ...errors import ReadError, UnsafeInputError
from ...safety import parse_xml, read_member
from .ooxml import Tags, int_value

__all__ = ["Numbering", "format_number", "read_numbering"]

#: Word allows levels 0–8.
_LEVELS = 9
_CHINESE_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _chinese(n: int, digits: str = _CHINESE_DIGITS, ten: str = "十", hundred: str = "百") -> str:
    """Chinese counting: 1→一, 10→十, 11→十一, 20→二十, 105→一百零五 (up to 999; beyond, digit by digit)."""
    if n <= 0 or n >= 1000:
        return "".join(digits[int(d)] for d in str(max(n, 0)))
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += digits[hundreds] + hundred
        if rest and tens == 0:
            out += "零"
    if tens:
        out += ("" if tens == 1 and not hundreds else digits[tens]) + ten
    if ones:
        out += digits[ones]
    return out


def _letters(n: int, base: str) -> str:
    """Word's letter numbering: a … z, aa … zz, aaa …."""
    if n <= 0:
        return str(n)
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = ""
    for value, symbol in _ROMAN:
        while n >= value:
            out += symbol
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """*n* in Word's number format *fmt* (``decimal``, ``chineseCounting``, ``upperRoman`` …)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return _chinese(n)
    if fmt == "japaneseCounting":
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _LEGAL_DIGITS, "拾", "佰")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CHINESE_DIGITS[int(d)] for d in str(max(n, 0)))
    if fmt in ("ideographTraditional", "ideographZodiac"):
        cycle = _HEAVENLY_STEMS if fmt == "ideographTraditional" else _EARTHLY_BRANCHES
        return cycle[(n - 1) % len(cycle)] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(max(n, 0)))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if fmt == "lowerLetter":
        return _letters(n, "abcdefghijklmnopqrstuvwxyz")
    if fmt in ("none", "bullet"):
        return ""
    return str(n)  # decimal, and every format not drawn differently here


@frozen
class _Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    suffix: str = "\t"
    #: ``w:isLgl``: every level's number printed as a decimal (1.1.2).
    legal: bool = False
    #: ``w:lvlRestart``: restart after this level (0-based; -1 never; default: after any higher level).
    restart: int | None = None


@define
class _Instance:
    abstract: str
    overrides: dict[int, int]
    started: bool = False


class Numbering:
    """The list definitions of ``word/numbering.xml`` and the counters of one walk through a document."""

    def __init__(self, root: etree._Element, tags: Tags) -> None:
        self.tags = tags
        self.abstract: dict[str, dict[int, _Level]] = {}
        for definition in root.iter(tags.abstractNum):
            levels: dict[int, _Level] = {}
            for lvl in definition.iterchildren(tags.lvl):
                levels[int_value(lvl.get(tags.ilvl), 0)] = self._level(lvl)
            self.abstract[definition.get(tags.abstractNumId) or ""] = levels
        self.instances: dict[str, _Instance] = {}
        for num in root.iter(tags.num):
            ref = num.find(tags.abstractNumId)
            overrides: dict[int, int] = {}
            for override in num.iterchildren(tags.lvlOverride):
                start = override.find(tags.startOverride)
                if start is not None:
                    overrides[int_value(override.get(tags.ilvl), 0)] = int_value(start.get(tags.val), 1)
            abstract = ref.get(tags.val) if ref is not None else None
            self.instances[num.get(tags.numId) or ""] = _Instance(abstract or "", overrides)
        self.counters: dict[str, list[int | None]] = {}

    def _level(self, lvl: etree._Element) -> _Level:
        tags = self.tags
        values: dict[str, str] = {}
        legal = False
        for prop in lvl:
            if prop.tag == tags.isLgl:
                legal = True
            elif prop.tag in (tags.numFmt, tags.lvlText, tags.start, tags.suff, tags.lvlRestart):
                values[prop.tag] = prop.get(tags.val) or ""
        suffix = {"tab": "\t", "space": " ", "nothing": ""}.get(values.get(tags.suff, "tab"), "\t")
        restart = values.get(tags.lvlRestart)
        return _Level(
            fmt=values.get(tags.numFmt, "decimal"),
            text=values.get(tags.lvlText, ""),
            start=int_value(values.get(tags.start), 1),
            suffix=suffix,
            legal=legal,
            restart=None if restart is None else int_value(restart, 0) - 1,
        )

    def label(self, num_id: str, level: int) -> str:
        """Advance list *num_id* at *level* and return the label Word prints (``""`` for none)."""
        instance = self.instances.get(num_id)
        if instance is None or num_id == "0":
            return ""
        levels = self.abstract.get(instance.abstract)
        if not levels:
            return ""
        level = max(0, min(level, _LEVELS - 1))
        spec = levels.get(level, _Level())
        counters = self.counters.setdefault(instance.abstract, [None] * _LEVELS)
        if not instance.started:
            instance.started = True
            for lvl, start in instance.overrides.items():
                if 0 <= lvl < _LEVELS:
                    counters[lvl] = start - 1
        current = counters[level]
        counters[level] = spec.start if current is None else current + 1
        for deeper in range(level + 1, _LEVELS):
            restart = levels.get(deeper, _Level()).restart
            if restart is None or restart >= level:
                counters[deeper] = None
        if spec.fmt in ("bullet", "none"):
            return ""
        text = spec.text
        for placeholder in range(_LEVELS):
            token = f"%{placeholder + 1}"
            if token in text:
                other = levels.get(placeholder, _Level())
                value = counters[placeholder]
                n = other.start if value is None else value
                fmt = "decimal" if spec.legal and placeholder != level else other.fmt
                text = text.replace(token, format_number(n, fmt))
        return text + spec.suffix if text else ""


def read_numbering(archive: zipfile.ZipFile, part: str, tags: Tags, source: str | None) -> Numbering | None:
    """The list definitions of *part*, or ``None`` when the package has none (or they are malformed)."""
    try:
        root = parse_xml(read_member(archive, part, where=source), part=part, where=source)
    except UnsafeInputError:
        raise
    except ReadError:
        return None
    return Numbering(root, tags)
