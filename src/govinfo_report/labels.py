"""Label normalisation and matching.  The one place labels are compared.

Per the spec: NFKC (with radical code points read as ideographs, see
:mod:`govinfo_report.radicals`), all white space removed (vertical text ``自\\n然\\n人``
becomes ``自然人``), brackets and quotes unified, trailing punctuation
dropped, and the known variants (规范性文件 ≡ 行政规范性文件, 总计 ≡ 合计 …)
folded.  Matching tolerates a dropped, added or swapped character, as
pdftotext and OCR leave them (``其他法律行政止公开``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from .radicals import unify_radicals

__all__ = ["Vocabulary", "best_match", "contains_fuzzy", "normalise", "similarity"]

_WS = re.compile(r"\s+", re.UNICODE)
_TRANSLATE = str.maketrans(
    {
        "（": "(",
        "）": ")",
        "【": "(",
        "】": ")",
        "〔": "(",
        "〕": ")",
        "[": "(",
        "]": ")",
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "、": ".",
        "．": ".",
        "，": ",",
        "：": ":",
        "；": ";",
    }
)
_TRAILING = re.compile(r"[\s.,:;。，：；!?！？、*＊]+$")
_VARIANTS: tuple[tuple[str, str], ...] = (
    ("行政规范性文件", "规范性文件"),
    ("其他对外管理服务事项", "其他对外管理服务"),
    ("合计", "总计"),
    ("及", "和"),
)


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """The comparable form of a label."""
    text = unicodedata.normalize("NFKC", unify_radicals(text))
    text = _WS.sub("", text).translate(_TRANSLATE)
    # NFKC maps full-width brackets already; quotes need the table above.
    text = text.replace("\u200b", "").replace("\ufeff", "")
    text = _TRAILING.sub("", text)
    for variant, canonical in _VARIANTS:
        text = text.replace(variant, canonical)
    return text


def _within_one_edit(a: str, b: str) -> bool:
    """True when *a* and *b* differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    # b is one longer than a: find the one extra character.
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def contains_fuzzy(haystack: str, needle: str) -> bool:
    """Whether normalised *haystack* contains *needle*, allowing one edit when *needle* has 4+ chars.

    Both arguments must already be normalised.
    """
    if needle in haystack:
        return True
    n = len(needle)
    if n < 4:
        return False
    # One edit (insertion, deletion, substitution, adjacent swap) touches at most two
    # neighbouring characters, so it leaves at least one of three pieces of the needle
    # whole: when none occurs, no window can match, and the slow scan is skipped.
    # A window that matches holds such a piece at the piece's own offset in the needle, or one
    # before or after it (a deletion or insertion ahead of it), so only windows starting there
    # are compared: the same answers as comparing every window, at a fraction of the cost.
    a, b = n // 3, 2 * n // 3
    first, middle, last_piece = needle[:a], needle[a:b], needle[b:]
    if first not in haystack and middle not in haystack and last_piece not in haystack:
        return False  # the usual answer, found with three C searches
    starts: set[int] = set()
    for offset, piece in ((0, first), (a, middle), (b, last_piece)):
        at = haystack.find(piece)
        while at >= 0:
            starts.update((at - offset - 1, at - offset, at - offset + 1))
            at = haystack.find(piece, at + 1)
    size = len(haystack)
    for width in (n - 1, n, n + 1):
        last = max(0, size - width)
        for start in starts:
            if 0 <= start <= last and _within_one_edit(haystack[start : start + width], needle):
                return True
    return False


def similarity(a: str, b: str) -> float:
    """Share of characters of the shorter label found, in order, in the longer (0–1)."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    # Longest common subsequence, O(len(a)·len(b)); labels are short.
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1] / len(a)


def best_match(label: str, candidates: Iterable[tuple[str, Iterable[str]]]) -> str | None:
    """The code of the candidate whose keys *label* contains (exactly first, then fuzzily).

    *candidates* are ``(code, keys)`` with keys already normalised; *label*
    is normalised here.  Among exact hits the longest key wins.
    """
    norm = normalise(label)
    pairs = [(code, tuple(keys)) for code, keys in candidates]
    best: tuple[int, str] | None = None
    for code, keys in pairs:
        for key in keys:
            if key and key in norm and (best is None or len(key) > best[0]):
                best = (len(key), code)
    if best is not None:
        return best[1]
    for code, keys in pairs:
        if any(contains_fuzzy(norm, key) for key in keys):
            return code
    return None


class Vocabulary:
    """A fixed set of normalised words, and which of them a normalised text contains.

    Row texts mix a label with the row's numbers, so no two reports give
    the same text; but a word can never span a character that occurs in no
    word, so every run of such characters (the numbers, ``/``, spaces …) is
    folded into one placeholder first.  What is left is the row's wording,
    which the template repeats in report after report: the answer is kept
    for it (a bounded cache), and a row is scanned against the whole
    vocabulary once per distinct wording, not once per report.
    """

    __slots__ = ("_found", "_outside", "words")

    def __init__(self, words: Iterable[str], *, cache_size: int = 4096) -> None:
        self.words: frozenset[str] = frozenset(w for w in words if w)
        alphabet = sorted(set("".join(self.words)))
        # ``[^…]+`` over the words' own characters; an empty vocabulary masks everything.
        self._outside = re.compile(f"[^{re.escape(''.join(alphabet))}]+" if alphabet else r"[\s\S]+")
        self._found = lru_cache(maxsize=cache_size)(self._scan)

    def _scan(self, wording: str) -> frozenset[str]:
        return frozenset(w for w in self.words if w in wording)

    def wording(self, text: str) -> str:
        """*text* with every run of characters no word uses folded into one ``\\x00``.

        It contains exactly the words *text* contains: a key for caching
        anything decided by those words alone.
        """
        return self._outside.sub("\x00", text)

    def found(self, text: str) -> frozenset[str]:
        """The words *text* (normalised) contains as substrings."""
        return self._found(self.wording(text))
