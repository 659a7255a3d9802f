"""Cell text → value.  The one place numbers in report cells are parsed.

Real cells hold full-width digits (``０``), thousands separators (``1,234``),
units (``6229.95万元``, ``251000元``, ``12件``), signs (``+32``, ``－415``),
stray spaces and non-breaking spaces, and not-applicable marks (``/``, ``—``,
``无``).  :func:`parse_cell` turns any of those into a :class:`Parsed` value.

:func:`cell_text` is its inverse for writers: the one place that decides what
text a writer prints for a cell, so that reading it back gives the same value
or the same kind of missing (:data:`ABSENT_MARK` for a cell the source did not
print, among cells it did).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from attrs import frozen

from .labels import best_match, normalise
from .layout import LAYOUTS, ValueKind
from .model import Cell, Missing

__all__ = [
    "ABSENT_MARK",
    "NOT_APPLICABLE_FALLBACK",
    "NOT_APPLICABLE_MARKS",
    "UNREADABLE_FALLBACK",
    "Parsed",
    "cell_text",
    "format_value",
    "is_value_text",
    "normalise_cell_text",
    "parse_cell",
]

#: Cell texts that mean "not applicable / none reported" (after normalisation).
NOT_APPLICABLE_MARKS: frozenset[str] = frozenset(
    {"/", "\\", "-", "--", "—", "——", "–", "―", "─", "无", "空", "×", "x", "X", "N/A", "n/a", "NA", "/ /"}
)

#: Written for a cell the source did not print, among cells of a row it did print
#: (``Missing.ABSENT``); :func:`parse_cell` reads it back as absent.  A template
#: table has a place for every cell, so "not printed" needs a word of its own.
ABSENT_MARK = "未列出"
#: Written for a not-applicable cell whose own mark is unknown or would read back as something else.
NOT_APPLICABLE_FALLBACK = "/"
#: Written for an unreadable cell whose own text is unknown or would read back as something else.
UNREADABLE_FALLBACK = "不详"
#: Longer original text of an unreadable cell is replaced by :data:`UNREADABLE_FALLBACK` (a cell, not prose).
_MAX_UNREADABLE_TEXT = 40

_SPACE = re.compile(r"\s+")
_SPLIT_DIGITS = re.compile(r"\d\s+[+-]?\d")
_COUNT_SUFFIX = re.compile(r"(?:件|条|项|个|次|人次|宗|份|家|人)$")
_NUMBER = re.compile(r"^([+-]?)(\d+(?:,\d{3})*(?:\.\d+)?|\d*\.\d+)$")
_UNIT_SCALE = {"万元": Decimal(1), "亿元": Decimal(10000), "千元": Decimal("0.1"), "元": Decimal("0.0001")}
#: The money units an amount cell may carry, as a regex alternation (longest first, so 万元 is not 元).
AMOUNT_UNITS = "|".join(sorted(_UNIT_SCALE, key=len, reverse=True))
_UNIT = re.compile(f"({AMOUNT_UNITS})$")
#: Texts up to this length are parsed once and remembered (see :func:`parse_cell`); longer ones are
#: prose in a value cell, rare and not worth keeping.
_CACHED_TEXT = 64


@frozen
class Parsed:
    """What a cell's text means: a value, or why it has none."""

    value: int | Decimal | None
    missing: Missing | None = None
    #: Why the text did not parse (only for ``Missing.UNREADABLE``).
    problem: str = ""


def normalise_cell_text(text: str) -> str:
    """NFKC (full-width digits and signs), dashes unified, all white space removed."""
    if len(text) <= _CACHED_TEXT:
        return _normalise_cached(text)
    return _normalise(text)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2212", "-").replace("\ufe63", "-")
    return _SPACE.sub("", text)


def parse_cell(text: str, kind: ValueKind = ValueKind.COUNT) -> Parsed:
    """Parse a cell's original *text* as a value of *kind*.

    Blank text is ``Missing.BLANK``; a not-applicable mark is
    ``Missing.NOT_APPLICABLE``; :data:`ABSENT_MARK` (what writers print for a
    cell the source did not print) is ``Missing.ABSENT``; anything else that
    is not a number of the right kind is ``Missing.UNREADABLE`` with a
    ``problem``.  Amounts are returned in 万元 as exact decimals (元 divided
    by 10000, never via float).

    The result is immutable, so short texts are parsed once and the result
    reused: a report repeats the same few texts (``0``, ``/``) hundreds of
    times, and the interpreter looks at each cell more than once.
    """
    if len(text) <= _CACHED_TEXT:
        # One cache per kind, chosen by identity: an enum member's hash is computed in Python, and
        # this runs for every cell of every report.
        if kind is ValueKind.COUNT:
            return _parse_count(text)
        if kind is ValueKind.AMOUNT:
            return _parse_amount(text)
        return _parse_signed(text)
    return _parse(text, kind)


def is_value_text(text: str) -> bool:
    """Whether *text* is a value (a number, an amount, or a not-applicable mark) rather than words.

    Text layouts that print each cell on its own line tell labels from
    values with it.
    """
    parsed = parse_cell(text, ValueKind.AMOUNT)
    return parsed.value is not None or parsed.missing is Missing.NOT_APPLICABLE


def _parse(text: str, kind: ValueKind) -> Parsed:
    if _SPLIT_DIGITS.search(unicodedata.normalize("NFKC", text)):
        # Digits separated by white space are two cells run together, not one number.
        return Parsed(None, Missing.UNREADABLE, f"several numbers in one cell: {text.strip()!r}")
    t = normalise_cell_text(text)
    if not t:
        return Parsed(None, Missing.BLANK)
    if t in NOT_APPLICABLE_MARKS or set(t) <= {"-", "—", "/", "–", "―"}:
        return Parsed(None, Missing.NOT_APPLICABLE)
    if t == ABSENT_MARK:
        return Parsed(None, Missing.ABSENT)
    scale = Decimal(1)
    if kind is ValueKind.AMOUNT:
        unit = _UNIT.search(t)
        if unit:
            scale = _UNIT_SCALE[unit.group(1)]
            t = t[: unit.start()]
    else:
        t = _COUNT_SUFFIX.sub("", t)
    m = _NUMBER.match(t)
    if not m:
        return Parsed(None, Missing.UNREADABLE, f"not a number: {text.strip()!r}")
    sign, digits = m.groups()
    digits = digits.replace(",", "")
    if kind is ValueKind.AMOUNT:
        try:
            amount = Decimal(digits) * scale
        except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
            return Parsed(None, Missing.UNREADABLE, f"not a number: {text.strip()!r}")
        return Parsed(-amount if sign == "-" else amount)
    if "." in digits:
        whole, _, frac = digits.partition(".")
        if frac.strip("0"):
            return Parsed(None, Missing.UNREADABLE, f"not a whole number: {text.strip()!r}")
        digits = whole or "0"
    n = int(digits)
    if sign == "-":
        n = -n
    return Parsed(n)


#: Bounded, so memory stays flat over a corpus however varied its texts.
@lru_cache(maxsize=8192)
def _parse_count(text: str) -> Parsed:
    return _parse(text, ValueKind.COUNT)


@lru_cache(maxsize=2048)
def _parse_amount(text: str) -> Parsed:
    return _parse(text, ValueKind.AMOUNT)


@lru_cache(maxsize=2048)
def _parse_signed(text: str) -> Parsed:
    return _parse(text, ValueKind.SIGNED)


_normalise_cached = lru_cache(maxsize=8192)(_normalise)


def format_value(value: int | Decimal | None) -> str:
    """The canonical text of a value, as writers print it (``""`` for none)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    return str(value)


def cell_text(cell: Cell, kind: ValueKind = ValueKind.COUNT) -> str:
    """The text a writer prints for *cell* (a cell of *kind*): the inverse of :func:`parse_cell`.

    ``parse_cell(cell_text(cell, kind), kind)`` gives back the cell's value, or
    its kind of missing, and a reader takes the text for a value, not a label:

    - a value: its canonical form (:func:`format_value`);
    - blank: ``""``;
    - not applicable: its own mark (white space collapsed) if it still reads
      as one, else :data:`NOT_APPLICABLE_FALLBACK`;
    - unreadable: its own text if it still reads as unreadable, is at most 40
      characters and uses no row's or column's wording (which a reader would
      take for label text), else :data:`UNREADABLE_FALLBACK`;
    - absent (a cell the source did not print, in a row it did): :data:`ABSENT_MARK`.
    """
    if cell.value is not None:
        return format_value(cell.value)
    missing = cell.missing
    if missing is Missing.BLANK:
        return ""
    if missing is Missing.ABSENT:
        return ABSENT_MARK
    text = _SPACE.sub(" ", cell.text).strip()
    if missing is Missing.NOT_APPLICABLE:
        return text if text and parse_cell(text, kind).missing is Missing.NOT_APPLICABLE else NOT_APPLICABLE_FALLBACK
    reads_back = (
        bool(text)
        and len(text) <= _MAX_UNREADABLE_TEXT
        and parse_cell(text, kind).missing is Missing.UNREADABLE
        and not _reads_as_label(text)
    )
    return text if reads_back else UNREADABLE_FALLBACK


@cache
def _label_vocabulary() -> tuple[tuple[tuple[str, tuple[str, ...]], ...], frozenset[str]]:
    """Every edition's row keys, and the interpreter's column-heading words (both normalised)."""
    # Imported here: the interpreter itself parses cells with this module.
    from .interpret.rowparts import HEADER_WORDS

    keys = {
        (row.code, tuple(normalise(k) for k in row.keys))
        for tables in LAYOUTS.values()
        for spec in tables.values()
        for row in spec.rows
    }
    return tuple(sorted(keys)), HEADER_WORDS


def _reads_as_label(text: str) -> bool:
    """Whether *text* names a row (其他, 总计 …) or holds a column heading: a reader would take it for label."""
    keys, headings = _label_vocabulary()
    norm = normalise(text)
    return best_match(text, keys) is not None or any(w in norm for w in headings)
