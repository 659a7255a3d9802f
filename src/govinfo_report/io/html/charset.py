"""Bytes of a web page → text, trusting the bytes over the page's declaration.

Order: a byte-order mark; bytes that are valid UTF-8 (whatever the page
declares: GB18030 decodes most UTF-8 byte strings into plausible-looking
CJK, so the declaration cannot be allowed to win); otherwise the page's own
declaration (``<meta charset>``, ``<meta http-equiv="Content-Type">``, the
XML declaration) and the shared fallbacks of
:func:`govinfo_report.decoding.decode`.

Findings: ``reader.wrong_charset`` when the declaration is contradicted (a
GBK page declaring UTF-8, a UTF-8 page declaring gb2312);
``reader.invalid_bytes`` when a page is clearly in one encoding but holds a
few bytes that are not (a stray pasted byte, a page cut in the middle of a
character): those are replaced by U+FFFD rather than the whole page being
read in a wrong encoding.
"""

from __future__ import annotations

import codecs
import re

from attrs import frozen

from ...decoding import BOMS, Decoded, _gb18030_plausible, decode
from ...errors import ReadError
from ...findings import Finding, reader_finding

__all__ = ["Page", "declared_charset", "decode_page"]

#: Where a charset declaration is looked for.
_DECLARATION_WINDOW = 16384
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_UTF8 = "utf-8"
#: A page is read in an encoding despite invalid bytes only if it has this many
#: well-formed non-ASCII characters per invalid sequence.
_GOOD_PER_BAD = 20


#: UTF-8 is validated in pieces of this size: one ``bytes.decode`` of a whole page builds a str the size of
#: the page (0.13-0.16 ms for some 140 KB pages, against 0.05-0.06 ms in pieces that stay in the allocator's pools).
_UTF8_PIECE = 65536
#: Bytes that start a UTF-8 sequence (0xC0-0xFF) are kept by deleting all others: their count is the number of
#: characters outside ASCII.
_NOT_LEAD = bytes(range(0xC0))


@frozen
class Page:
    """A decoded page."""

    #: The text; with ``decode_page(head=n)`` and a UTF-8 page, only its first *n* characters (at least).
    text: str
    #: The page as UTF-8 bytes when they are at hand (the input itself when it is UTF-8), for the parser.
    utf8: bytes | None
    encoding: str
    findings: tuple[Finding, ...] = ()


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta>`` or XML declaration), if a known text encoding."""
    head = data[:_DECLARATION_WINDOW]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    try:
        info = codecs.lookup(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None
    # Codecs that are no text encoding (base64, zlib, rot13) are marked so by CPython (the flag bytes.decode
    # itself checks); such a declaration is as good as none.
    return info.name if getattr(info, "_is_text_encoding", True) else None


def decode_page(data: bytes, source: str | None = None, *, head: int | None = None) -> Page:
    """Decode *data*, a web page; raise :class:`ReadError` when no encoding reads it.

    With *head*, a page that is valid UTF-8 is validated without building its whole text: ``text`` is then
    only its beginning (at least *head* characters, or all), enough for a sniff, and ``utf8`` is the page.
    """
    for bom, _encoding in BOMS:
        if data.startswith(bom):
            by_bom = decode(data, source=source)
            utf8 = data[len(bom) :] if by_bom.encoding == "utf-8-sig" else None
            return Page(by_bom.text, utf8, by_bom.encoding)
    declared = declared_charset(data)
    text: str | None
    if head is not None and len(data) > _UTF8_PIECE:
        text = _utf8_head(data, head)
    else:
        try:
            text = data.decode(_UTF8)
        except UnicodeDecodeError:
            text = None
    if text is not None:
        wrong = declared is not None and declared != _UTF8 and not data.isascii()
        return Page(text, data, _UTF8, (_wrong_charset(declared, _UTF8, source),) if wrong and declared else ())
    if declared is not None:
        page = _declared_page(data, declared)
        if page is not None:
            return page
    decoded: Decoded | None
    try:
        decoded = decode(data, declared=declared, source=source)
    except ReadError:
        decoded = None
    if decoded is not None and decoded.method == "declared":
        return Page(decoded.text, None, decoded.encoding)
    # Not valid in what it declares (or declares nothing): a few bad bytes in a page of one encoding
    # are read as that encoding with replacements, before any other encoding is believed.
    for encoding in dict.fromkeys(e for e in (_superset(declared), _UTF8, "gb18030") if e):
        lenient = _lenient(data, encoding, source)
        if lenient is not None:
            findings = lenient.findings
            if declared is not None and _superset(declared) != encoding:
                findings = (_wrong_charset(declared, encoding, source), *findings)
            return Page(lenient.text, None, encoding, findings)
    if decoded is None:
        raise ReadError(
            "cannot tell the page's text encoding (tried BOM, declaration, UTF-8, GB18030, chardet)", where=source
        )
    encoding = codecs.lookup(decoded.encoding).name
    findings = (_wrong_charset(declared, encoding, source),) if declared is not None else ()
    return Page(decoded.text, None, encoding, findings)


def _utf8_head(data: bytes, head: int) -> str | None:
    """The first *head* characters (at least) of *data* if all of it is valid UTF-8, else None.

    The incremental decoder with ``final=False`` raises on an invalid sequence where the whole decode would,
    and only holds back a sequence cut by the piece's end, which the next piece completes; the last piece is
    decoded with ``final=True``, so a page cut inside a character is invalid exactly as with ``bytes.decode``.
    """
    view = memoryview(data)
    size = len(data)
    pieces: list[str] = []
    have = 0
    pos = 0
    try:
        while pos < size:
            end = pos + _UTF8_PIECE
            text, used = codecs.utf_8_decode(view[pos:end], "strict", end >= size)
            if have < head:
                pieces.append(text)
                have += len(text)
            pos += used
    except UnicodeDecodeError:
        return None
    return "".join(pieces)


def _declared_page(data: bytes, declared: str) -> Page | None:
    """The page as :func:`decode` reads it by its declaration (method ``"declared"``), or None if it does not.

    The same steps as :func:`decode`'s first candidate (the BOM cases were handled before): the declared codec,
    gb2312/gbk read as GB18030, GB18030 only if plausible.  Faster in two ways: the UTF-8 bytes the parser
    needs are made here once, and they prove most pages plausible without :func:`_gb18030_plausible`'s
    regex over every character (0.35 ms for a 110 KB page).
    """
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    encoding = "gb18030" if name in ("gb2312", "gbk") else declared
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    utf8: bytes | None
    try:
        utf8 = text.encode(_UTF8)
    except UnicodeEncodeError:  # a lone surrogate (unicode_escape …): the reader's own encode raises, as before
        utf8 = None
    if encoding == "gb18030" and text:
        # The characters outside ASCII are the lead bytes of the UTF-8 form; the uncommon ones are among them,
        # so (len - outside) / len > 0.95 implies _gb18030_plausible's common / len > 0.95.
        outside_ascii = len(utf8.translate(None, _NOT_LEAD)) if utf8 is not None else len(text)
        if not (len(text) - outside_ascii) / len(text) > 0.95 and not _gb18030_plausible(text):
            return None
    return Page(text, utf8, encoding)


def _superset(declared: str | None) -> str | None:
    """The encoding to read a declaration as (gb2312 and gbk pages use GB18030's repertoire)."""
    if declared in ("gb2312", "gbk"):
        return "gb18030"
    return declared


def _lenient(data: bytes, encoding: str, source: str | None) -> Page | None:
    """*data* in *encoding* with invalid sequences replaced, if they are a tiny minority."""
    try:
        text = data.decode(encoding, "replace")
    except LookupError:
        return None
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if bad == 0 or (non_ascii - bad) < _GOOD_PER_BAD * bad:
        return None
    finding = reader_finding(
        "reader.invalid_bytes",
        f"{bad} byte sequence(s) are not valid {encoding} (a stray byte or a cut-off page); replaced by U+FFFD",
        f"有 {bad} 处字节不是有效的 {encoding} 编码（多余字节或网页被截断），已替换为 U+FFFD",
        source=source,
    )
    return Page(text, None, encoding, (finding,))


def _wrong_charset(declared: str, encoding: str, source: str | None) -> Finding:
    return reader_finding(
        "reader.wrong_charset",
        f"the page declares charset {declared} but its bytes are {encoding}; read as {encoding}",
        f"网页声明的字符集 {declared} 与实际编码 {encoding} 不符，已按 {encoding} 读取",
        source=source,
    )
