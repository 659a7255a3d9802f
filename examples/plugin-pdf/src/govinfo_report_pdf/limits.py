"""Refuse a PDF whose streams would decode to too many bytes, before pdfminer decodes any.

pdfminer decodes a stream whole (``zlib.decompress``, ``lzwdecode`` …) with no
limit, so a small PDF holding a decompression bomb (200 KB of FlateDecode that
inflates to 2 GB of zeros, or many streams that do so together) would take
unbounded memory.  :func:`check_streams` scans the raw bytes for stream bodies
(from the line after each ``stream`` keyword), decodes each through its filter chain
in small pieces, counts and discards the output, and raises
:class:`~govinfo_report.errors.UnsafeInputError` as soon as one stream or the
whole document passes its limit.  Memory stays at a few pieces per stream.

What is bounded: FlateDecode (also tried on every stream whatever its
dictionary says, because deflate data marks its own end, so a lying or
indirect ``/Length``, an ``endstream`` hidden inside the data, an indirect
``/Filter`` or a decoy ``/Filter`` in a nested dictionary cannot hide a bomb),
LZWDecode (which expands about 2,700-fold at most: one 12-bit code can stand
for a 4,000-byte string), RunLengthDecode (64-fold), ASCII85Decode (4-fold,
``z``), ASCIIHexDecode (shrinks), and chains of these, every stage of a chain
counted (pdfminer holds each stage's output whole).  Streams inside object
streams are inside a FlateDecode stream of the file, so they are counted too.

What is not: CCITTFaxDecode, DCTDecode, JPXDecode and JBIG2Decode are image
filters that pdfplumber never decodes when it reads text (pdfminer passes the
last three through unchanged).  Predictors do not lengthen data.

Time: corrupt or truncated deflate data is counted up to where zlib gives up;
pdfminer then recovers what it can of it byte by byte at a cost of input ×
output bytes copied, so a stream whose recovery would copy more than
``MAX_RECOVERY_COPY`` bytes is refused too.

Encrypted PDFs: the raw bytes of their streams are ciphertext, which does not
inflate, so when the file has an ``/Encrypt`` entry and pdfminer can open it
without a password (permissions-only encryption, common in published reports),
the streams are checked a second time decrypted with pdfminer's own key.  Each
is decrypted whole (its compressed size) and read up to its ``/Length``
(direct, or an integer object outside object streams) or else its first
``endstream``, as pdfminer reads an encrypted file by its lengths.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import zlib
from collections.abc import Callable, Iterable, Iterator

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import DecipherCallable

from govinfo_report.errors import UnsafeInputError

__all__ = ["MAX_DOCUMENT_BYTES", "MAX_RECOVERY_COPY", "MAX_STREAM_BYTES", "check_streams"]

#: Largest decoded size of one stream.  A real report's streams decode to a few MiB at
#: most (a page's content stream is tens of KB, an embedded CJK font subset a few MB);
#: 64 MiB is ten times the largest seen and the same bound the library puts on a zip member.
MAX_STREAM_BYTES = 64 * 1024 * 1024
#: Largest decoded size of all streams together.  A whole real report decodes to well
#: under 20 MiB; pdfminer keeps every decoded stream it has read, so this bounds its
#: memory at a few hundred MiB while leaving a wide margin for long reports.
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
#: Bytes pdfminer may copy recovering one corrupt or truncated deflate stream (about input ×
#: output / 2; 2e10 is some 5 s at the 4 GB/s measured, 8 MiB of output from 8 KB took 8.6 s).
#: A damaged content stream of a real report (tens of KB in, a few hundred KB out) stays far under.
MAX_RECOVERY_COPY = 20_000_000_000

_CHUNK = 64 * 1024
#: How far before ``stream`` the object's ``N G obj`` is looked for (a stream dictionary is short).
_DICT_WINDOW = 64 * 1024
#: At most this many different filter chains are tried per stream (a dictionary has one ``/Filter``).
_MAX_CHAINS = 4
#: The ``stream`` keyword (not ``endstream``); the data start after the end of its line, as in pdfminer.
_STREAM = re.compile(rb"(?<=[\s>\]\)])stream[^\r\n]*(?:\r\n|\r|\n)")
_OBJ = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
#: ``/Filter`` (or pdfminer's abbreviation ``/F``) and its value: a name or an array of names.
_FILTER = re.compile(rb"/(?:Filter|F)(?=[\s/\[])\s*(/[^\s/\[\]<>()%]+|\[[^\]]*\])")
_NAME = re.compile(rb"/([^\s/\[\]<>()%]+)")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?![\d.])(?!\s+\d+\s+R)")
_LENGTH_REF = re.compile(rb"/Length\s+(\d+)\s+\d+\s+R")
#: ``12 0 obj 3456 endobj``: where an indirect ``/Length`` is usually kept.
_INT_OBJECT = re.compile(rb"(\d+)\s+(\d+)\s+obj\s*(\d+)\s*endobj")
_HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_SPACE = b" \t\r\n\f\v\x00"

Stage = Callable[[Iterable[bytes]], Iterator[bytes]]


class _Costly(Exception):
    """Corrupt deflate data whose recovery by pdfminer would copy this many bytes."""

    def __init__(self, copied: int) -> None:
        super().__init__(copied)
        self.copied = copied


class _Overread(Exception):
    """The scan read more raw bytes than its budget (overlapping stream data)."""


class _Over(Exception):
    """A stream or the document passed its limit (carries the count so far)."""

    def __init__(self, counted: int) -> None:
        super().__init__(counted)
        self.counted = counted


def _inflate(chunks: Iterable[bytes], cuts: tuple[int, ...] = ()) -> Iterator[bytes]:
    """FlateDecode, a piece of at most ``_CHUNK`` bytes at a time; stops at the data's end or first error.

    Deflate data that is corrupt or cut short, pdfminer inflates again one input byte
    at a time, copying all its output so far at each byte (``decompress_corrupted``):
    input × output bytes copied.  Such data that would copy more than
    ``MAX_RECOVERY_COPY`` raises :class:`_Costly`: data that fails here, and data that
    goes on past one of the *cuts* (input offsets where pdfminer may end the stream,
    by its ``/Length`` or its first ``endstream``), as pdfminer's copy then ends there.
    """
    d = zlib.decompressobj()
    produced = copied = consumed = 0
    copied_at_cut = 0
    try:
        for chunk in chunks:
            data = chunk
            while True:
                out = d.decompress(data, _CHUNK)
                used = len(data) - len(d.unconsumed_tail) - len(d.unused_data)  # unused: after the end
                copied += used * (produced + len(out) // 2)
                produced += len(out)
                consumed += used
                if any(consumed - used < cut <= consumed for cut in cuts):
                    copied_at_cut = copied
                if out:
                    yield out
                data = d.unconsumed_tail
                if d.eof or (not data and len(out) < _CHUNK):
                    break
            if d.eof:
                break
    except zlib.error:
        pass
    went_past = sum(cut < consumed for cut in cuts)
    if d.eof or (cuts and went_past == len(cuts)):
        # pdfminer's copy of the data ends at the last cut passed (complete data costs nothing).
        copied = copied_at_cut if went_past else 0
    if copied > MAX_RECOVERY_COPY:
        raise _Costly(copied)


def _lzw(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """LZWDecode exactly as pdfminer does it (early change, no stop at EOD), keeping only codes 0–4095.

    pdfminer's table grows past 4,096 entries that no 12-bit code can reach, so
    only its length is followed here.
    """
    table: list[bytes] = []
    size = 0
    prev = b""
    nbits = 9
    bits = 0
    nbuffered = 0
    for chunk in chunks:
        for byte in chunk:
            bits = (bits << 8) | byte
            nbuffered += 8
            while nbuffered >= nbits:
                nbuffered -= nbits
                code = bits >> nbuffered
                bits &= (1 << nbuffered) - 1
                if code == 256:
                    table = [bytes((c,)) for c in range(256)] + [b"", b""]
                    size, prev, nbits = 258, b"", 9
                    continue
                if code == 257:
                    continue
                if code >= len(table):
                    if not prev or code != size:
                        return  # pdfminer stops (or fails) here too
                    x = prev + prev[:1]
                else:
                    x = table[code]
                if prev:
                    if len(table) < 4096:
                        table.append(x if code >= len(table) else prev + x[:1])
                    size += 1
                    if size in (511, 1023, 2047):
                        nbits = size.bit_length() + 1
                prev = x
                if x:
                    yield x


def _run_length(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """RunLengthDecode: a length byte then 1–128 literal bytes, or one byte repeated 2–128 times; 128 ends."""
    pending = b""
    for chunk in chunks:
        data = pending + chunk
        i = 0
        out = bytearray()
        while i < len(data):
            length = data[i]
            if length == 128:
                yield bytes(out)
                return
            need = length + 2 if length < 128 else 2
            if i + need > len(data):
                break
            out += data[i + 1 : i + need] if length < 128 else data[i + 1 : i + 2] * (257 - length)
            i += need
            if len(out) >= _CHUNK:
                yield bytes(out)
                out = bytearray()
        pending = data[i:]
        if out:
            yield bytes(out)


def _ascii_hex(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """ASCIIHexDecode: two hex digits a byte, white space ignored, ``>`` ends."""
    carry = b""
    for chunk in chunks:
        data = carry + chunk.translate(None, _SPACE)
        end = data.find(b">")
        if end >= 0:
            data = data[:end]
            if len(data) % 2:
                data += b"0"
        cut = len(data) - len(data) % 2
        try:
            yield binascii.unhexlify(data[:cut])
        except (binascii.Error, ValueError):
            return
        if end >= 0:
            return
        carry = data[cut:]


def _ascii85(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """ASCII85Decode: five characters per four bytes, ``z`` for four zeros, ``~`` ends (``<~`` may start)."""
    carry = b""
    first = True
    for chunk in chunks:
        data = carry + chunk.translate(None, _SPACE)
        if first and data:
            data = data[2:] if data.startswith(b"<~") else data.lstrip(b"~")
            first = False
        end = data.find(b"~")
        if end >= 0:
            data = data[:end]
        # Decode whole groups only: a group ends every fifth character after the last ``z``.
        cut = len(data) if end >= 0 else len(data) - (len(data) - data.rfind(b"z") - 1) % 5
        try:
            yield base64.a85decode(data[:cut])
        except ValueError:
            return
        if end >= 0:
            return
        carry = data[cut:]
    if carry:
        try:
            yield base64.a85decode(carry)
        except ValueError:
            return


_STAGES: dict[bytes, Stage] = {
    b"FlateDecode": _inflate,
    b"Fl": _inflate,
    b"LZWDecode": _lzw,
    b"LZW": _lzw,
    b"RunLengthDecode": _run_length,
    b"RL": _run_length,
    b"ASCIIHexDecode": _ascii_hex,
    b"AHx": _ascii_hex,
    b"ASCII85Decode": _ascii85,
    b"A85": _ascii85,
}


class _Budget:
    """Raw bytes the scan may still read.  Deflate is read up to its own end, so streams whose
    data overlap (a hostile file can nest ``stream`` markers inside other streams' data) could
    make the scan read the file many times over; real files are read about once."""

    def __init__(self, data: bytes) -> None:
        self.left = 4 * len(data) + 16 * 1024 * 1024

    def spend(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise _Overread


def _pieces(data: bytes, start: int, end: int, stop: int, budget: _Budget) -> Iterator[bytes]:
    """``data[start:stop]`` in pieces of at most ``_CHUNK`` bytes (copies of one piece at a time).

    The pieces break at *end*, where the stream's data end by its ``/Length`` or
    ``endstream``: a stream read no further than that costs the budget its own
    bytes, not a whole piece (a browser's PDF has a thousand streams of a few
    hundred bytes each, which pieces of ``_CHUNK`` would charge 64 MB).
    """
    view = memoryview(data)
    for lo, hi in ((start, min(end, stop)), (end, stop)):
        for i in range(lo, hi, _CHUNK):
            piece = bytes(view[i : min(i + _CHUNK, hi)])
            budget.spend(len(piece))
            yield piece


def _counted(stage_output: Iterator[bytes], limit: int, counts: list[int], index: int) -> Iterator[bytes]:
    """Pass a stage's output on, adding its length to ``counts[index]``; stop past *limit*."""
    for piece in stage_output:
        counts[index] += len(piece)
        if counts[index] > limit:
            raise _Over(counts[index])
        yield piece


def _decoded_size(pieces: Iterator[bytes], chain: list[Stage], limit: int, cuts: tuple[int, ...]) -> int:
    """The largest output of any stage of *chain* on *pieces* (each stage is held whole by pdfminer).

    *cuts* are where pdfminer may end the raw data (see :func:`_inflate`).
    """
    counts = [0] * len(chain)
    stream: Iterator[bytes] = pieces
    for index, stage in enumerate(chain):
        output = _inflate(stream, cuts) if index == 0 and stage is _inflate else stage(stream)
        stream = _counted(output, limit, counts, index)
    for _ in stream:
        pass
    return max(counts)


def _name(raw: bytes) -> bytes:
    return _HEX_ESCAPE.sub(lambda m: bytes((int(m.group(1), 16),)), raw)


def _chains(dictionary: bytes) -> list[tuple[bytes, ...]]:
    """The filter chains *dictionary* might mean: each ``/Filter`` found, then plain FlateDecode."""
    chains: list[tuple[bytes, ...]] = []
    for match in _FILTER.finditer(dictionary):
        names = tuple(_name(n) for n in _NAME.findall(match.group(1)))
        # Stages after an unknown (or image) filter cannot be followed; the ones before it still count.
        known = []
        for name in names:
            if name not in _STAGES:
                break
            known.append(name)
        if known and tuple(known) not in chains:
            chains.append(tuple(known))
    if (b"FlateDecode",) not in chains:
        chains.append((b"FlateDecode",))
    return chains[:_MAX_CHAINS]


def _object(data: bytes, dict_start: int) -> tuple[int, int] | None:
    """The number and generation of the ``N G obj`` that ends just before *dict_start*, if any."""
    found = list(_OBJ.finditer(data, max(0, dict_start - 32), dict_start + 8))
    return (int(found[-1].group(1)), int(found[-1].group(2))) if found else None


def _describe(data: bytes, dict_start: int, at: int, note: str = "") -> str:
    """``object 12 0 (stream at byte 3456)``, or just the byte offset when no ``obj`` precedes it."""
    obj = _object(data, dict_start)
    return f"object {obj[0]} {obj[1]} (stream at byte {at}{note})" if obj else f"the stream at byte {at}{note}"


class _KeyOnly(PDFDocument):
    """A pdfminer document that reads the xref and the encryption dictionary, then no other object.

    Constructing a :class:`PDFDocument` resolves ``/Info`` and ``/Root`` after it has the key, and
    either may sit in an object stream it would decrypt and inflate whole: here they resolve to ``{}``.
    """

    def getobj(self, objid: int) -> object:
        return {} if self.decipher is not None else super().getobj(objid)


def _decipher(data: bytes) -> DecipherCallable | None:
    """pdfminer's decryption of the encrypted PDF *data* with the empty password (as the reader opens it)."""
    try:
        return _KeyOnly(PDFParser(io.BytesIO(data))).decipher
    except Exception:  # no key, no decryption: pdfminer will fail to read the file and say why
        return None


def _scan(data: bytes, where: str | None, max_stream: int, max_document: int, decipher: DecipherCallable | None) -> int:
    """Decode every stream of *data* (decrypted first with *decipher*), counting; the total decoded size."""
    total = 0
    budget = _Budget(data)
    lengths: dict[int, int] | None = None  # integer objects, found when a /Length first refers to one
    for match in _STREAM.finditer(data):
        body = match.end()
        obj_at = data.rfind(b"obj", max(0, match.start() - _DICT_WINDOW), match.start())
        dict_start = obj_at + 3 if obj_at >= 0 else max(0, match.start() - _DICT_WINDOW)
        dictionary = data[dict_start : match.start() + 2]
        # The body as pdfminer may take it: up to /Length or the first ``endstream``, whichever is further.
        endstream = data.find(b"endstream", body)
        endstream = len(data) if endstream < 0 else endstream
        length = _LENGTH.search(dictionary)
        indirect = _LENGTH_REF.search(dictionary)
        if indirect and not length and lengths is None:
            lengths = {int(m.group(1)): int(m.group(3)) for m in _INT_OBJECT.finditer(data)}
        declared = int(length.group(1)) if length else 0
        if indirect and not length and lengths:
            declared = lengths.get(int(indirect.group(1)), 0)
        end = min(len(data), max(endstream, body + declared))
        cuts: tuple[int, ...] = (endstream - body, declared) if declared else (endstream - body,)
        source, stop_at_end = data, False
        if decipher is not None:
            obj = _object(data, dict_start)
            if obj is None:
                continue
            budget.spend(end - body)
            try:
                source = decipher(obj[0], obj[1], data[body:end], None)
            except Exception:  # not decryptable as this object (an xref stream is not encrypted)
                continue
            body, end, stop_at_end, cuts = 0, len(source), True, ()
        largest = 0
        for names in _chains(dictionary):
            chain = [_STAGES[name] for name in names]
            # Deflate data marks its own end: read it to there, wherever ``endstream`` seems to be.
            stop = len(source) if chain[0] is _inflate and not stop_at_end else end
            limit = min(max_stream, max_document - total)
            try:
                largest = max(largest, _decoded_size(_pieces(source, body, end, stop, budget), chain, limit, cuts))
            except _Overread:
                raise UnsafeInputError(
                    f"the PDF's stream data overlap: checking them read more than {4 * len(data):,} bytes "
                    f"by {_describe(data, dict_start, match.end())}; refused as too costly to read safely",
                    where=where,
                ) from None
            except _Costly as costly:
                raise UnsafeInputError(
                    f"{_describe(data, dict_start, match.end(), ', decrypted' if decipher else '')} is corrupt "
                    f"or truncated FlateDecode data, which pdfminer would re-inflate byte by byte copying about "
                    f"{costly.copied / 1e9:,.0f} GB (the limit is {MAX_RECOVERY_COPY / 1e9:,.0f} GB); refused as "
                    "too slow to read safely",
                    where=where,
                ) from None
            except _Over as over:
                what = _describe(data, dict_start, match.end(), ", decrypted" if decipher else "")
                filters = "/" + " /".join(n.decode("latin-1") for n in names)
                if over.counted > max_stream:
                    raise UnsafeInputError(
                        f"{what} decodes ({filters}) to more than {max_stream:,} bytes, the limit for one "
                        f"stream (counting stopped at {over.counted:,}); refused as a decompression bomb",
                        where=where,
                    ) from None
                raise UnsafeInputError(
                    f"the PDF's streams decode to more than {max_document:,} bytes together, the limit "
                    f"for one document (passed at {what}, {filters}, after {total:,} bytes in the streams "
                    "before it); refused as a decompression bomb",
                    where=where,
                ) from None
        total += largest
    return total


def check_streams(
    data: bytes,
    *,
    where: str | None = None,
    max_stream: int = MAX_STREAM_BYTES,
    max_document: int = MAX_DOCUMENT_BYTES,
) -> None:
    """Raise :class:`UnsafeInputError` if a stream of the PDF *data* decodes past *max_stream* bytes,
    or all of them together past *max_document*; return quietly otherwise.

    Nothing is kept: each stream's output is counted and dropped piece by piece.  An
    encrypted PDF (``/Encrypt``) that pdfminer can open without a password is checked
    again with its streams decrypted the way pdfminer will decrypt them.
    """
    total = _scan(data, where, max_stream, max_document, None)
    if b"/Encrypt" in data:
        decipher = _decipher(data)
        if decipher is not None:
            _scan(data, where, max_stream, max_document - total, decipher)
