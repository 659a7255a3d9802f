"""Site chrome and extraction debris that is not part of a report's prose.

Web pages carry font-size switches (``字号:`` ``大 中 小``), QR-code prompts
(``扫码使用手机浏览本页内容``) and print/close links; Word text extraction
leaves ``[image: …]`` and ``[bookmark: _GoBack]`` markers; pdftotext leaves
page numbers (``-3-``) and form feeds.  :func:`clean_line` drops such lines
and strips such markers, so every reader's prose comes out the same.
"""

from __future__ import annotations

import re

__all__ = ["clean_line", "is_noise"]

#: Whole lines that are chrome, not prose (matched against the stripped line).
_NOISE_LINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"^[【\[]?\s*(?:字号|字体)\s*[:：]?\s*(?:[【\[]?\s*[大中小]\s*[】\]]?\s*){0,3}[】\]]?$",
        r"^[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小\s*[】\]]?$",
        r"^扫(?:一扫|码).{0,20}(?:手机|浏览|分享|阅读).{0,12}$",
        r"^\[(?:image|bookmark)\s*:[^\]]*\]$",
        r"^[【\[]?\s*(?:打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|分享到\s*[:：]?)\s*[】\]]?$",
        r"^(?:[【\[]\s*(?:打印|关闭|收藏|返回)\s*[】\]]\s*){2,}$",
        r"^[-—－]\s*\d{1,3}\s*[-—－]$",
        r"^第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?$",
        r"^\d{1,3}\s*/\s*\d{1,3}$",
    )
)

#: The same patterns as one alternation: one regex call per line instead of nine (every paragraph is checked).
_NOISE_LINE = re.compile("|".join(f"(?:{p.pattern})" for p in _NOISE_LINES))

#: Markers that Word text extraction leaves inside a line of prose.
_INLINE_NOISE = re.compile(r"\[(?:image|bookmark)\s*:[^\]]*\]")


def is_noise(line: str) -> bool:
    """Whether the stripped *line* is chrome or debris rather than prose."""
    text = line.strip()
    return _NOISE_LINE.match(text) is not None


def clean_line(line: str) -> str:
    """*line* stripped, without extraction markers; ``""`` if nothing of the report remains."""
    text = _INLINE_NOISE.sub("", line.replace("\f", "")).strip()
    if not text or is_noise(text):
        return ""
    return text
