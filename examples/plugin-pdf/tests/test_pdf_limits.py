"""Decompression bombs in PDF streams are refused before pdfminer inflates them; real PDFs still read."""

from __future__ import annotations

import base64
import hashlib
import struct
import time
import tracemalloc
import zlib

import pdfplumber
import pytest
from govinfo_report_pdf import PdfReader
from govinfo_report_pdf.limits import MAX_DOCUMENT_BYTES, MAX_STREAM_BYTES, check_streams
from pdf_support import pdf
from pdfminer.arcfour import Arcfour
from pdfminer.pdfdocument import PDFStandardSecurityHandler

import govinfo_report as gr
from govinfo_report.document import Paragraph

MiB = 1024 * 1024
TEXT = b"BT /F1 12 Tf 20 100 Td (Hello bombs) Tj ET"
MORE = b"BT /F1 12 Tf 20 60 Td (still read) Tj ET"


def raw_zeros(mib: int) -> bytes:
    """Raw deflate of *mib* MiB of zeros, not final, made in microseconds: one fully flushed block repeated."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    return (co.compress(b"\0" * MiB) + co.flush(zlib.Z_FULL_FLUSH)) * mib


def zlib_data(deflate: bytes, adler: int) -> bytes:
    """A zlib stream around raw *deflate* blocks (an empty final block added) with checksum *adler*."""
    return b"\x78\xda" + deflate + b"\x03\x00" + struct.pack(">I", adler)


def zeros_flate(mib: int) -> bytes:
    """zlib data of *mib* MiB of zeros (Adler-32 of n zeros: a stays 1, b counts the bytes)."""
    return zlib_data(raw_zeros(mib), (mib * MiB % 65521) << 16 | 1)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """A 300 KB PDF whose content stream inflates to 300 MiB of zeros."""
    return pdf((b"/Filter /FlateDecode", zeros_flate(300)))


def test_a_flate_bomb_is_refused_before_pdfminer_sees_it(bomb: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("pdfplumber was asked to open the bomb")

    monkeypatch.setattr(pdfplumber, "open", never)
    assert len(bomb) < 400_000
    with pytest.raises(gr.UnsafeInputError) as info:
        gr.read(bomb, format="pdf")
    message = str(info.value)
    # Which stream, through which filter, how far it got, and the limit.
    assert "object 5 0 (stream at byte " in message and "/FlateDecode" in message
    assert f"more than {MAX_STREAM_BYTES:,} bytes, the limit for one stream" in message
    assert "decompression bomb" in message


def test_the_scan_counts_and_discards_instead_of_inflating(bomb: bytes) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(gr.UnsafeInputError):
            check_streams(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # It stops at 64 MiB of output, holding a few 64 KiB pieces at a time.
    assert peak < 2 * MiB, peak
    assert time.perf_counter() - started < 2


def test_streams_adding_up_past_the_document_limit_are_refused() -> None:
    # Five 60 MiB streams: each under the stream limit, 300 MiB together.
    medium = zeros_flate(60)
    data = pdf(*[(b"/Filter /FlateDecode", medium)] * 5)
    with pytest.raises(gr.UnsafeInputError) as info:
        PdfReader().parse(data, source="medium.pdf")
    message = str(info.value)
    assert message.startswith("medium.pdf: the PDF's streams decode to more than ")
    assert f"{MAX_DOCUMENT_BYTES:,} bytes together, the limit for one document" in message
    # 4 × 60 MiB fit; the fifth stream (object 9) passes the limit.
    assert "passed at object 9 0 (stream at byte " in message and f"after {4 * 60 * MiB:,} bytes" in message


def lzw_bomb(repeats: int) -> bytes:
    """LZW codes building one ever longer string (``a``, ``aa`` … 3,838 bytes), then naming it *repeats* times."""
    codes = [256, 97, *range(258, 4096), *[4095] * repeats]
    bits = []
    size = 258  # the decoder's table length: codes widen as it reaches 511, 1023 and 2047 (early change)
    for index, code in enumerate(codes):
        width = 9 if size < 511 else 10 if size < 1023 else 11 if size < 2047 else 12
        bits.append(format(code, f"0{width}b"))
        size += index > 1
    text = "".join(bits)
    text += "0" * (-len(text) % 8)
    return int(text, 2).to_bytes(len(text) // 8, "big")


@pytest.mark.parametrize(
    ("entries", "data", "filters"),
    [
        # A bomb inside a bomb: a few KB of Flate that inflate to 10 KB of Flate data for 10 MiB.
        (b"/Filter [/FlateDecode /FlateDecode]", zlib.compress(zeros_flate(10), 9), "/FlateDecode /FlateDecode"),
        (b"/Filter /LZWDecode", lzw_bomb(3_000), "/LZWDecode"),  # 5 KB → 11.5 MB
        (b"/Filter /RL", b"\x81\x00" * 80_000, "/RL"),  # 128 zeros per 2 bytes
        (b"/Filter /ASCII85Decode", b"z" * 2_500_000 + b"~>", "/ASCII85Decode"),  # 4 zeros per z
        (b"/Filter [/AHx /Fl#61teDecode]", zeros_flate(10).hex().encode() + b">", "/AHx /FlateDecode"),
    ],
    ids=["flate-in-flate", "lzw", "run-length", "ascii85", "hex-then-flate"],
)
def test_other_filters_and_chains_are_bounded(entries: bytes, data: bytes, filters: str) -> None:
    # An 8 MiB limit keeps the test fast; each input decodes to about 10 MiB.
    with pytest.raises(gr.UnsafeInputError, match=f"object 5 0 .*decodes \\({filters}\\) to more than 8,388,608"):
        check_streams(pdf((entries, data)), max_stream=8 * MiB)


def test_a_bomb_hidden_behind_a_lying_length_and_filter_is_found() -> None:
    # "endstream" inside the data (a stored deflate block), a /Length that stops before it, the real
    # filter in another object and a decoy /Filter in a nested dictionary.
    hidden = b"endstream\n"
    stored = b"\x00" + struct.pack("<HH", len(hidden), 0xFFFF ^ len(hidden)) + hidden
    b, a = divmod(zlib.adler32(hidden), 1 << 16)
    data = zlib_data(stored + raw_zeros(80), (b + 80 * MiB * a) % 65521 << 16 | a)
    assert zlib.decompressobj().decompress(data, 100) == hidden + b"\0" * 90
    entries = b"/DecodeParms <</Filter /DCTDecode>> /Filter 9 0 R /Length 3"
    with pytest.raises(gr.UnsafeInputError, match=r"object 5 0 .*more than"):
        check_streams(pdf((entries, data)))


def test_a_pdf_with_compressed_text_still_reads() -> None:
    small = pdf((b"/Filter /FlateDecode", zlib.compress(TEXT)), (b"/Filter /ASCII85Decode", base64.a85encode(MORE)))
    check_streams(small)
    doc = PdfReader().parse(small, source="small.pdf")
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["Hello bombs", "still read"]


def test_the_real_report_is_far_under_the_limits(huaian_pdf: bytes) -> None:
    # Its streams decode to about 1.9 MB; a limit a thirty-fifth of the stream limit still passes it.
    check_streams(huaian_pdf, max_stream=2 * MiB, max_document=2 * MiB)
    with pytest.raises(gr.UnsafeInputError, match="together"):
        check_streams(huaian_pdf, max_document=MiB)


def encrypted_pdf(content: bytes) -> bytes:
    """``pdf`` of one FlateDecode stream, encrypted as permissions-only reports are (RC4, no user password)."""
    padding, owner, docid = PDFStandardSecurityHandler.PASSWORD_PADDING, b"\1" * 32, b"0123456789abcdef"
    key = hashlib.md5(padding + owner + struct.pack("<l", -4) + docid).digest()[:5]
    object_key = hashlib.md5(key + (5).to_bytes(3, "little") + b"\0\0").digest()[:10]
    user = Arcfour(key).encrypt(padding)
    encrypt = b"/Encrypt <</Filter /Standard /V 1 /R 2 /P -4 /O <%s> /U <%s>>> /ID [<%s> <%s>]" % (
        owner.hex().encode(),
        user.hex().encode(),
        docid.hex().encode(),
        docid.hex().encode(),
    )
    return pdf((b"/Filter /FlateDecode", Arcfour(object_key).encrypt(content)), trailer=encrypt)


def test_an_encrypted_pdf_is_checked_decrypted(monkeypatch: pytest.MonkeyPatch) -> None:
    # pdfminer opens it without a password and reads the text: the check must see what pdfminer will see.
    doc = PdfReader().parse(encrypted_pdf(zlib.compress(TEXT)))
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["Hello bombs"]
    bomb = encrypted_pdf(zeros_flate(70))
    monkeypatch.setattr(pdfplumber, "open", None)
    with pytest.raises(gr.UnsafeInputError, match=r"object 5 0 \(stream at byte \d+, decrypted\) decodes"):
        PdfReader().parse(bomb)


def test_corrupt_deflate_that_pdfminer_would_recover_for_minutes_is_refused() -> None:
    # pdfminer re-inflates corrupt data byte by byte, copying its output so far each time: for 20 KB
    # inflating to 20 MiB that is some 200 GB copied.  A wrong checksum, or a /Length that cuts the data.
    zeros = zeros_flate(20)
    for entries, data in [
        (b"/Filter /FlateDecode", zeros[:-4] + b"\0\0\0\0"),
        (b"/Filter /FlateDecode /Length %d" % (len(zeros) // 2), zeros),
    ]:
        with pytest.raises(gr.UnsafeInputError, match=r"object 5 0 .* corrupt or truncated FlateDecode data"):
            check_streams(pdf((entries, data)))


def test_a_small_corrupt_stream_is_left_to_pdfminer() -> None:
    damaged = zlib.compress(TEXT)[:-1] + b"?"  # a wrong checksum: pdfminer recovers the text
    doc = PdfReader().parse(pdf((b"/Filter /FlateDecode", damaged)))
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["Hello bombs"]


def test_stream_keywords_written_unusually_are_still_found() -> None:
    # A comment between the dictionary and ``stream``, and junk after it on its line: pdfminer's data
    # starts on the next line all the same.
    data = pdf((b"/Filter /FlateDecode", zeros_flate(70))).replace(b">>\nstream\n", b">>%c\nstream junk\r\n")
    with pytest.raises(gr.UnsafeInputError, match=r"object 5 0 .*more than 67,108,864 bytes"):
        check_streams(data)


def test_an_indirect_length_cutting_the_data_short_is_followed() -> None:
    zeros = zeros_flate(20)
    data = pdf((b"/Filter /FlateDecode /Length 9 0 R", zeros))
    data = data.replace(b"xref\n", b"9 0 obj %d endobj\nxref\n" % (len(zeros) // 2))
    with pytest.raises(gr.UnsafeInputError, match="corrupt or truncated"):
        check_streams(data)
    check_streams(data.replace(b"9 0 obj %d" % (len(zeros) // 2), b"9 0 obj %d" % len(zeros)))


def test_a_browsers_thousand_small_streams_are_each_read_once() -> None:
    # chromium's PDF of a report page has about 1,500 streams of a few hundred bytes in 670 KB.  Read in
    # pieces of 64 KiB each, they cost the overlap budget (4 × the file + 16 MiB) some 90 MB, and such a
    # PDF was refused as "stream data overlap".
    streams = [(b"/Filter /FlateDecode", zlib.compress(TEXT + b" %d" % i)) for i in range(1500)]
    check_streams(pdf(*streams))


def test_streams_nested_in_each_others_data_are_refused() -> None:
    # Each stream's data is stored (uncompressed) deflate holding the next ``stream`` and its data:
    # followed to their ends, the 300 streams read 300 × 200 KB, far past 4 × the file + 16 MiB.
    data = hashlib.sha256(b"seed").digest() * (200 * 1024 // 32)
    for _ in range(300):
        data = zlib.compress(b" stream\n" + data, 0)
    with pytest.raises(gr.UnsafeInputError, match="stream data overlap"):
        check_streams(pdf((b"/Filter /FlateDecode", data)))
