"""Hypothesis strategies that damage a valid input the way the wild does.

:func:`mutated` takes the bytes of a good file and applies one to four
damages: bytes flipped, the file cut short, a range deleted or duplicated,
hostile fragments inserted (NUL, invalid UTF-8, ``<!ENTITY``, unbalanced
markup), a tag dropped from markup, or — for a zip (docx) — one entry
truncated, altered inside, replaced or removed while the archive stays
readable, so that the damage reaches the reader's XML and not just the zip's
CRC check.  Requires Hypothesis.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from hypothesis import strategies as st

__all__ = ["HOSTILE_FRAGMENTS", "mutated"]

#: Fragments that have broken parsers: NUL, invalid UTF-8, a BOM mid-file,
#: entity declarations, unbalanced or unknown markup, huge numbers, table syntax.
HOSTILE_FRAGMENTS: tuple[bytes, ...] = (
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xe4\xb8",  # a cut UTF-8 sequence
    b"\x81\x30",  # a cut GB18030 sequence
    b"<",
    b">",
    b"&",
    b"&#0;",
    b"&#x110000;",
    b"&amp",
    b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    b"&e;",
    b"<table>",
    b"</table>",
    b"<tr><td rowspan=65535 colspan=1000>",
    b'<td colspan="-1">',
    b"<w:tc>",
    b"</w:tr>",
    b'<w:gridSpan w:val="99999"/>',
    b'<w:vMerge w:val="continue"/>',
    b"<![CDATA[",
    b"\r",
    b"\n\n\n",
    b"\t|\t",
    b"99999999999999999999999999",
    "一、总体情况\n".encode(),
    "（七）总计".encode(),
    "６２２９.９５万元".encode(),
)

_TAG = re.compile(rb"<[^<>]{0,300}>")


def _splice(data: bytes, start: int, end: int, insert: bytes = b"") -> bytes:
    return data[:start] + insert + data[end:]


@st.composite
def _byte_damage(draw: st.DrawFn, data: bytes) -> bytes:
    """One damage to a byte string (any format, or one entry of a zip)."""
    n = len(data)
    op = draw(st.sampled_from(("flip", "cut", "delete", "insert", "duplicate", "drop_tag", "hostile")))
    if n == 0:
        return draw(st.binary(max_size=64))
    pos = draw(st.integers(0, n - 1))
    if op == "flip":
        return _splice(data, pos, pos + 1, bytes([data[pos] ^ draw(st.integers(1, 255))]))
    if op == "cut":
        return data[:pos]
    if op == "delete":
        return _splice(data, pos, pos + draw(st.integers(1, 256)))
    if op == "insert":
        return _splice(data, pos, pos, draw(st.binary(min_size=1, max_size=32)))
    if op == "duplicate":
        length = draw(st.integers(1, min(4096, n - pos)))
        at = draw(st.integers(0, n))
        return _splice(data, at, at, data[pos : pos + length])
    if op == "drop_tag":
        tags = list(_TAG.finditer(data))
        if tags:
            tag = tags[draw(st.integers(0, len(tags) - 1))]
            return _splice(data, tag.start(), tag.end())
        return data[:pos]
    return _splice(data, pos, pos, draw(st.sampled_from(HOSTILE_FRAGMENTS)))


def _zip_entries(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]] | None:
    """The entries of *data* if it is a readable zip of modest size, else ``None``."""
    if not data.startswith(b"PK"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if sum(i.file_size for i in infos) > 50_000_000:
                return None
            return [(info, archive.read(info)) for info in infos]
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        # (zlib.error: a member damaged by an earlier mutation no longer inflates)
        return None


def _rezip(entries: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries:
            archive.writestr(name, content)
    return out.getvalue()


@st.composite
def _zip_damage(draw: st.DrawFn, data: bytes) -> bytes:
    entries = _zip_entries(data)
    if not entries:
        return draw(_byte_damage(data))
    index = draw(st.integers(0, len(entries) - 1))
    op = draw(st.sampled_from(("inside", "inside", "inside", "remove", "replace", "empty", "rename")))
    named = [(info.filename, content) for info, content in entries]
    name, content = named[index]
    if op == "inside":
        named[index] = (name, draw(_byte_damage(content)))
    elif op == "remove":
        del named[index]
    elif op == "replace":
        named[index] = (name, draw(st.one_of(st.binary(max_size=256), st.sampled_from(HOSTILE_FRAGMENTS))))
    elif op == "empty":
        named[index] = (name, b"")
    else:
        named[index] = (name.upper() if name != name.upper() else name + ".bak", content)
    return _rezip(named)


@st.composite
def mutated(draw: st.DrawFn, data: bytes, *, max_damages: int = 4) -> bytes:
    """*data* after one to *max_damages* damages (see the module docstring).

    A zip is damaged inside its entries most of the time and at the byte
    level otherwise (a broken archive).  The result is never larger than
    *data* by more than a few KiB per damage.
    """
    out = data
    for _ in range(draw(st.integers(1, max_damages))):
        is_zip = out.startswith(b"PK")
        out = draw(_zip_damage(out)) if is_zip and draw(st.integers(0, 3)) != 0 else draw(_byte_damage(out))
    return out
