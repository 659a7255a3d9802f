"""Bytes → text for Chinese documents: BOM, then cheap checks, then chardet.

Shared by the readers of text-like formats.  Reports arrive as UTF-8 (with
or without BOM), UTF-16 with BOM, and GB18030/GBK without any declaration;
chardet is consulted only when the cheap checks fail, because it is slow and
guesses poorly on short Chinese text.
"""

from __future__ import annotations

import codecs
import re

from attrs import frozen

from .errors import ReadError

__all__ = ["BOMS", "Decoded", "decode"]

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Characters other than ASCII, CJK (U+3000–U+9FFF) and full-width forms (U+FF00–U+FFEF).
_UNCOMMON = re.compile("[^\u0000-\u007f\u3000-\u9fff\uff00-\uffef]")


@frozen
class Decoded:
    """Decoded text and how it was decoded."""

    text: str
    encoding: str
    #: How the encoding was chosen: ``"bom"``, ``"declared"``, ``"utf-8"``, ``"gb18030"``, ``"chardet"``.
    method: str


def _gb18030_plausible(text: str) -> bool:
    """GB18030 decodes almost any bytes; accept it only if the result is mostly CJK/ASCII."""
    if not text:
        return True
    # Count the few uncommon characters in C (a Python loop over every character of a page took ~20 ms).
    common = len(text) - len(_UNCOMMON.findall(text))
    return common / len(text) > 0.95


def decode(data: bytes, *, declared: str | None = None, source: str | None = None) -> Decoded:
    """Decode *data*: BOM first, then *declared* (if it decodes cleanly), UTF-8, GB18030, chardet.

    A *declared* charset that does not decode the bytes is ignored (callers
    compare ``encoding`` with what was declared to report a wrong declaration).
    Raises :class:`ReadError` when nothing decodes the input.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding, "bom")
            except UnicodeDecodeError as exc:
                raise ReadError(
                    f"starts with a {encoding} byte-order mark but is not {encoding} (byte {exc.start})", where=source
                ) from None
    candidates: list[tuple[str, str]] = []
    if declared:
        try:
            codecs.lookup(declared)
            # gb2312 and gbk declarations are routinely wrong about the repertoire: read as the superset.
            name = codecs.lookup(declared).name
            if name in ("gb2312", "gbk"):
                declared = "gb18030"
            candidates.append((declared, "declared"))
        except LookupError:
            pass
    candidates += [("utf-8", "utf-8"), ("gb18030", "gb18030")]
    for encoding, method in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):  # LookupError: a declared non-text codec (base64, zlib)
            continue
        if encoding == "gb18030" and not _gb18030_plausible(text):
            continue
        return Decoded(text, encoding, method)
    import chardet  # deferred: only the rare undecodable input pays for it

    guess = chardet.detect(data[:65536])
    guessed = guess.get("encoding")
    if guessed:
        try:
            return Decoded(data.decode(guessed), guessed.lower(), "chardet")
        except (UnicodeDecodeError, LookupError):
            pass
    raise ReadError("cannot tell the text encoding (tried BOM, UTF-8, GB18030 and chardet)", where=source)
