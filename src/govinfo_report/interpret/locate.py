"""Finding the report's three tables among a document's grids, and its edition.

A report's table may be split over several grids (a page break in Word, a
stray line in extracted text), and a grid may hold more than one table or
none (page layout, navigation).  Each grid row is assigned to a table by the
words only that table uses (行政许可, 本年新收, 结果维持 …); rows with no such
word (a bare row of numbers, an empty row) stay with the table before them,
or with the table of the section they appear in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from attrs import frozen

from ..document import Grid, GridCell
from ..labels import Vocabulary, contains_fuzzy, normalise
from ..layout import LAYOUTS, TABLE_CODES, Edition

__all__ = ["EDITION_MARKERS", "PlacedGrid", "TableRows", "assign_rows", "detect_edition", "has_table_words"]

Row = tuple[GridCell, ...]


@frozen
class PlacedGrid:
    """A grid and the section (code) whose heading came before it, if any."""

    grid: Grid
    section: str | None


@frozen
class TableRows:
    """The grid rows assigned to one table, in document order."""

    code: str
    rows: tuple[Row, ...]


def _vocabulary() -> dict[str, Vocabulary]:
    extra = {
        "active_disclosure": ("第二十条", "信息内容", "规章"),
        "requests": ("申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "勾稽关系"),
        "review_litigation": ("行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结", "直接起诉"),
    }
    vocab: dict[str, Vocabulary] = {}
    for code in TABLE_CODES:
        words: set[str] = set(extra[code])
        for tables in LAYOUTS.values():
            spec = tables[code]
            for row in spec.rows:
                words.update(k for k in row.keys if len(k) >= 3)
        vocab[code] = Vocabulary(normalise(w) for w in words)
    return vocab


_VOCABULARY = _vocabulary()
#: Every table's words together: what a row's text is reduced to before it is scored.
_ALL_WORDS = Vocabulary(w for words in _VOCABULARY.values() for w in words.words)


def has_table_words(text: str) -> bool:
    """Whether *text* holds a word only the report's tables use (a row's key, a column heading)."""
    return bool(_ALL_WORDS.found(normalise(text)))


def _row_text(row: Row) -> str:
    return "".join(normalise(c.text) for c in row if not c.spanned)


def table_of_row(row: Row) -> str | None:
    """The table whose own words the row uses most, ``None`` if none or a tie."""
    text = _row_text(row)
    if not text:
        return None
    return _table_of_wording(_ALL_WORDS.wording(text))


@lru_cache(maxsize=4096)
def _table_of_wording(wording: str) -> str | None:
    # Keyed on the row's wording (its numbers folded away), which the template repeats across reports.
    scores = {code: len(words.found(wording)) for code, words in _VOCABULARY.items()}
    best = max(scores.values())
    if best == 0:
        return None
    winners = [code for code, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 else None


def assign_rows(grids: Sequence[PlacedGrid]) -> dict[str, TableRows]:
    """Every grid row assigned to the table it belongs to (tables with no rows are left out)."""
    rows: dict[str, list[Row]] = {code: [] for code in TABLE_CODES}
    current: str | None = None
    for placed in grids:
        if placed.section in TABLE_CODES:
            current = placed.section
        elif placed.section is not None:
            # A grid under a prose heading (a layout table in 总体情况) continues no report table.
            current = None
        pending: list[Row] = []
        for row in placed.grid.rows:
            code = table_of_row(row)
            if code is not None:
                current = code
                if pending:
                    rows[code].extend(pending)
                    pending = []
            if current is None:
                pending.append(row)
            else:
                rows[current].append(row)
    return {code: TableRows(code, tuple(found)) for code, found in rows.items() if found}


#: Labels only one edition's tables print.
EDITION_MARKERS: dict[Edition, tuple[str, ...]] = {
    Edition.E2019: (
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/减",
        "其他对外管理服务",
        "政府集中采购",
        "采购总金额",
    ),
    Edition.E2021: (
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "本年处理决定数量",
        "本年收费金额",
        "逾期不补正",
        "收费通知",
    ),
}
_MARKERS = {ed: tuple(normalise(m) for m in marks) for ed, marks in EDITION_MARKERS.items()}


def detect_edition(rows: Iterable[Row]) -> Edition | None:
    """The edition whose own labels the rows print more of; ``None`` if neither (or a tie)."""
    texts = list(dict.fromkeys(t for row in rows for c in row if not c.spanned and (t := normalise(c.text))))
    joined = "\n".join(texts)
    counts = {edition: sum(1 for m in markers if m in joined) for edition, markers in _MARKERS.items()}
    if not any(counts.values()):
        # No label printed exactly (pdftotext and OCR drop or swap characters): allow one edit.
        for edition, markers in _MARKERS.items():
            counts[edition] = sum(1 for m in markers if any(contains_fuzzy(t, m) for t in texts))
    first, second = counts[Edition.E2019], counts[Edition.E2021]
    if first == second:
        return None
    return Edition.E2019 if first > second else Edition.E2021
