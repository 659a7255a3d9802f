"""Hostile and broken Word files (they come from the open web): each a clear ReportError, in bounded memory.

Every file is built here in memory.  Memory is measured with tracemalloc
(time is not measured in tests; see ``bench/``).
"""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import govinfo_report
from govinfo_report import NotAReportError, ReadError, ReportError, UnsafeInputError
from govinfo_report.io.docx import DocxReader

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{{}}</w:body></w:document>'


def package(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def docx(document: bytes) -> bytes:
    return package({"[Content_Types].xml": b"<Types/>", "word/document.xml": document})


def bounded(call: Callable[[], object], limit_mb: int) -> None:
    """Run *call*, which must raise a ReportError, using at most *limit_mb* MiB at its peak."""
    tracemalloc.start()
    try:
        with pytest.raises(ReportError):
            call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < limit_mb * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB"


def test_zip_bomb_refused_before_inflating() -> None:
    """A document.xml of 200 MiB of one repeated run (about 200 KiB compressed) is refused unread."""
    run = b"<w:p><w:r><w:t>0</w:t></w:r></w:p>"
    body = run * (200 * 1024 * 1024 // len(run))
    data = docx(DOCUMENT.format("").encode().replace(b"<w:body>", b"<w:body>" + body))
    del body
    assert len(data) < 2 * 1024 * 1024
    with pytest.raises(
        UnsafeInputError, match=r"word/document.xml declares .* bytes uncompressed, more than the limit"
    ):
        DocxReader().parse(data, source="bomb.docx")
    bounded(lambda: DocxReader().parse(data), limit_mb=16)


def test_limit_is_the_readers_to_set() -> None:
    data = docx(DOCUMENT.format("<w:p><w:r><w:t>" + "很长" * 5000 + "</w:t></w:r></w:p>").encode())
    with pytest.raises(UnsafeInputError, match="more than the limit of 10000"):
        DocxReader(max_part_bytes=10_000).parse(data)
    assert DocxReader().parse(data).paragraphs[0].text.startswith("很长很长")


def test_external_entity_never_resolved() -> None:
    xml = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
    )
    with pytest.raises(UnsafeInputError, match="declares a DTD"):
        DocxReader().parse(docx(xml.encode()), source="xxe.docx")


def test_entity_expansion_never_performed() -> None:
    entities = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10))
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY e0 "lol">{entities}]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&e9;</w:t></w:r></w:p></w:body></w:document>'
    )
    bounded(lambda: DocxReader().parse(docx(xml.encode())), limit_mb=16)
    with pytest.raises(UnsafeInputError):
        DocxReader().parse(docx(xml.encode()))


@pytest.mark.parametrize(
    ("members", "words"),
    [
        ({"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<w:styles/>"}, "has no word/document.xml"),
        ({"xl/workbook.xml": b"<workbook/>", "[Content_Types].xml": b"<Types/>"}, "Excel workbook"),
        ({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}, "OpenDocument"),
        ({}, "has no word/document.xml"),
    ],
    ids=["no-document", "xlsx", "odt", "empty-zip"],
)
def test_zip_without_a_word_document(members: dict[str, bytes], words: str) -> None:
    with pytest.raises(ReadError, match=words):
        DocxReader().parse(package(members), source="x.docx")


def test_truncated_zip() -> None:
    data = docx(DOCUMENT.format("<w:p><w:r><w:t>正文</w:t></w:r></w:p>" * 200).encode())
    for cut in (len(data) // 3, len(data) - 30):
        with pytest.raises(ReadError, match="truncated or corrupt"):
            DocxReader().parse(data[:cut], source="cut.docx")


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    with pytest.raises(ReadError, match="empty"):
        govinfo_report.read(path)
    with pytest.raises(ReadError, match="empty"):
        DocxReader().parse(b"")


def test_random_bytes_with_a_docx_suffix(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ReadError, match=r"report.docx: not a \.docx file: a \.docx is a zip archive"):
        govinfo_report.read(path)


def test_malformed_document_xml() -> None:
    data = docx(f'<w:document xmlns:w="{W}"><w:body><w:p></w:body>'.encode())
    with pytest.raises(ReadError, match=r"word/document.xml is not well-formed XML: .*line 1"):
        DocxReader().parse(data, source="bad.docx")


def test_document_xml_that_is_not_wordprocessingml() -> None:
    with pytest.raises(ReadError, match="not a WordprocessingML document"):
        DocxReader().parse(docx(b"<html><body/></html>"))
    with pytest.raises(ReadError, match="no document body"):
        DocxReader().parse(docx(f'<w:document xmlns:w="{W}"/>'.encode()))


def test_a_valid_word_file_that_is_no_report() -> None:
    data = docx(DOCUMENT.format("<w:p><w:r><w:t>会议通知</w:t></w:r></w:p>").encode())
    with pytest.raises(NotAReportError):
        DocxReader().read(data, source="notice.docx")


def test_nested_tables_are_read_and_excessive_nesting_refused() -> None:
    """Tables nested 60 deep (layout containers in containers) read; 200 deep pass libxml2's depth limit."""

    def nested(depth: int) -> bytes:
        inner = "<w:p><w:r><w:t>最里层</w:t></w:r></w:p>"
        for _ in range(depth):
            inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
        return docx(DOCUMENT.format(inner).encode())

    assert [p.text for p in DocxReader().parse(nested(60)).paragraphs] == ["最里层"]
    with pytest.raises(UnsafeInputError, match="nested too deeply"):
        DocxReader().parse(nested(200))


def test_huge_spans_are_clamped() -> None:
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="99999999"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>'
    row = f"<w:tr>{cell}<w:tc><w:p/></w:tc></w:tr>"
    doc = DocxReader().parse(docx(DOCUMENT.format(f"<w:tbl>{row * 3}</w:tbl>").encode()))
    (grid,) = doc.grids
    assert max(len(r) for r in grid.rows) <= 65


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"{\\rtf1\\ansi\\ansicpg936 ...}", "RTF document"),
        ("<html><head><meta charset=gb2312></head><body>报告</body></html>".encode("gb2312"), "format=.html."),
        (b'<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument/>', "Word 2003 XML"),
        (b"MIME-Version: 1.0\r\nContent-Type: multipart/related;", "web archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512) + "Workbook".encode("utf-16-le"), "OLE compound file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512) + "EncryptedPackage".encode("utf-16-le"), "password"),
    ],
    ids=["rtf", "html", "word2003xml", "mht", "ole-not-word", "encrypted"],
)
def test_other_formats_with_a_word_name_say_what_they_are(data: bytes, words: str) -> None:
    with pytest.raises(ReadError, match=words):
        DocxReader().parse(data, source="report.doc")


def test_a_document_of_millions_of_tiny_elements_is_refused_before_parsing() -> None:
    """24 MiB of empty paragraphs (4 million elements) would build a tree of hundreds of MiB: refused unparsed."""
    body = b"<w:p/>" * (4 * 1024 * 1024 + 1)
    data = docx(DOCUMENT.format("").encode().replace(b"<w:body>", b"<w:body>" + body))
    del body
    with pytest.raises(UnsafeInputError, match="tags; refused as too large"):
        DocxReader().parse(data, source="many.docx")
    bounded(lambda: DocxReader().parse(data), limit_mb=64)  # the 24 MiB part, read once and joined once
