"""Bounded zip and XML reading (:mod:`govinfo_report.safety`), on archives and XML built here."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile

import pytest

from govinfo_report import ReadError, UnsafeInputError
from govinfo_report.safety import open_zip, parse_xml, read_member


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def forge_declared_size(data: bytes, name: str, size: int) -> bytes:
    """*data* with member *name*'s uncompressed size rewritten to *size* in both headers (a lying archive)."""
    raw = bytearray(data)
    encoded = name.encode()
    local = raw.find(b"PK\x03\x04")
    while local != -1:
        n = struct.unpack_from("<H", raw, local + 26)[0]
        if bytes(raw[local + 30 : local + 30 + n]) == encoded:
            struct.pack_into("<I", raw, local + 22, size)
        local = raw.find(b"PK\x03\x04", local + 4)
    central = raw.find(b"PK\x01\x02")
    while central != -1:
        n = struct.unpack_from("<H", raw, central + 28)[0]
        if bytes(raw[central + 46 : central + 46 + n]) == encoded:
            struct.pack_into("<I", raw, central + 24, size)
        central = raw.find(b"PK\x01\x02", central + 4)
    return bytes(raw)


def test_reads_a_member_within_the_limit() -> None:
    archive = open_zip(zip_of({"a.xml": b"<a>1</a>"}))
    assert read_member(archive, "a.xml", limit=100) == b"<a>1</a>"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"\x00\x01 random bytes \xff" * 10, "not a zip"),
        (zip_of({"a.xml": b"<a/>" * 1000})[:60], "truncated or corrupt"),
    ],
    ids=["empty", "random", "truncated"],
)
def test_not_a_zip(data: bytes, words: str) -> None:
    with pytest.raises(ReadError, match=words):
        open_zip(data, where="x.docx")


def test_missing_member() -> None:
    with pytest.raises(ReadError, match=r"has no word/document.xml"):
        read_member(open_zip(zip_of({"a.xml": b"<a/>"})), "word/document.xml")


def test_declared_size_over_the_limit_is_refused_before_inflating() -> None:
    data = zip_of({"big.xml": b"<a>" + b" " * 5000 + b"</a>"})
    with pytest.raises(UnsafeInputError, match="declares 5007 bytes uncompressed, more than the limit of 1000"):
        read_member(open_zip(data), "big.xml", limit=1000)


def test_a_member_that_lies_about_its_size_is_refused_in_bounded_memory() -> None:
    """A 50 MB member declared as 100 bytes: inflation stops at the declared size, and the archive is refused."""
    blob = b"<a>" + b"\x00" * (50 * 1024 * 1024) + b"</a>"
    data = forge_declared_size(zip_of({"bomb.xml": blob}), "bomb.xml", 100)
    del blob
    archive = open_zip(data)
    tracemalloc.start()
    try:
        with pytest.raises(ReadError, match=r"bomb.xml is corrupt or truncated"):
            read_member(archive, "bomb.xml", limit=1000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024


def test_encrypted_member() -> None:
    data = bytearray(zip_of({"a.xml": b"<a/>"}))
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 0x1  # the "encrypted" general purpose flag
    with pytest.raises(ReadError, match="encrypted"):
        read_member(open_zip(bytes(data)), "a.xml")


def test_corrupt_compressed_data() -> None:
    data = bytearray(zip_of({"a.xml": b"<root>" + b"x" * 2000 + b"</root>"}))
    start = data.find(b"a.xml") + 5  # the compressed stream follows the local header's name
    data[start : start + 20] = b"\xff" * 20
    with pytest.raises(ReadError, match=r"a.xml is corrupt or truncated"):
        read_member(open_zip(bytes(data)), "a.xml")


def test_external_entities_are_never_resolved() -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'
    with pytest.raises(UnsafeInputError, match="declares a DTD"):
        parse_xml(xml, part="word/document.xml")
    # Even where a DTD is allowed, the entity stays unexpanded: no file is read.
    root = parse_xml(xml, part="page.xml", allow_dtd=True)
    assert "root:" not in "".join(root.itertext())


def test_entity_expansion_is_refused() -> None:
    entities = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10))
    xml = f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e0 "lol">{entities}]><d>&e9;</d>'.encode()
    with pytest.raises(UnsafeInputError):
        parse_xml(xml, part="word/document.xml")
    with pytest.raises(UnsafeInputError):
        parse_xml(xml, part="page.xml", allow_dtd=True)


def test_malformed_xml_names_the_part_and_position() -> None:
    with pytest.raises(ReadError, match=r"x.docx: word/document.xml is not well-formed XML: .*line 2, column 8"):
        parse_xml(b"<a>\n<b></a>", part="word/document.xml", where="x.docx")


def test_blank_text_between_elements_dropped_but_a_leafs_blank_text_kept() -> None:
    root = parse_xml(b"<p>\n  <t> </t>\n  <t>a</t>\n</p>", part="p.xml", remove_blank_text=True)
    assert "".join(root.itertext()) == " a"


def test_tag_count_limit() -> None:
    with pytest.raises(UnsafeInputError, match="more than 10 tags"):
        parse_xml(b"<a>" + b"<b/>" * 10 + b"</a>", part="p.xml", max_tags=10)
    assert len(parse_xml(b"<a>" + b"<b/>" * 8 + b"</a>", part="p.xml", max_tags=10)) == 8
