"""Text that is not a report, or not text at all: a ReportError saying what is wrong, never a bare traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report import read
from govinfo_report.errors import NotAReportError, ReadError, ReportError
from govinfo_report.io.text import TextReader


def test_empty_and_blank_text_is_not_a_report() -> None:
    for data in (b"", b"   \n\n\t\n", "\ufeff".encode()):
        with pytest.raises(ReportError):
            TextReader().read(data, source="empty.txt")


def test_prose_without_tables_or_headings_is_not_a_report() -> None:
    data = "关于召开全体会议的通知\n定于下周一上午九时召开全体会议，请准时参加。\n".encode()
    with pytest.raises(NotAReportError, match="none of its tables") as info:
        TextReader().read(data, source="notice.txt")
    assert str(info.value).startswith("notice.txt: ")


def test_table_with_headings_but_no_rows_is_not_a_report() -> None:
    data = "\t第二十条第（一）项\n\n\t信息内容\n\t本年新制作数量\n\t本年新公开数量\n".encode()
    with pytest.raises(NotAReportError):
        TextReader().read(data)


def test_empty_table_under_the_headings_is_absent_with_a_finding() -> None:
    data = "某县2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n\t第二十条第（一）项\n\n\t信息内容\n".encode()
    report = TextReader().read(data)
    assert report.active_disclosure is None
    assert any(f.rule == "reader.table_unreadable" for f in report.findings)


def test_binary_junk_is_a_read_error() -> None:
    # Bytes no encoding reads, and bytes that decode (as UTF-8) but are mostly control characters.
    undecodable = bytes(range(128, 256)) * 16
    controls = bytes(range(32)) * 64
    with pytest.raises(ReadError, match=r"cannot tell the text encoding|binary data, not text"):
        TextReader().read(undecodable, source="junk.bin")
    with pytest.raises(ReadError, match="binary data, not text"):
        TextReader().read(controls, source="junk.bin")
    assert TextReader().sniff(controls[:1024]) == 0


def test_undecodable_bom_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="byte-order mark"):
        TextReader().read(b"\xff\xfe\x00\xd8")  # UTF-16 BOM then a lone high surrogate


def test_read_of_a_text_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "random.txt"
    path.write_bytes("随便写的几行字\n没有任何表格\n".encode())
    with pytest.raises(NotAReportError) as info:
        read(path)
    assert str(path) in str(info.value)


def test_sniff_claims_any_decodable_text() -> None:
    reader = TextReader()
    assert reader.sniff("某县2020年政府信息公开工作年度报告".encode("gb18030")) == 1
    assert reader.sniff("某县".encode()[:-1]) == 1  # cut inside a character
    assert reader.name == "text" and reader.suffixes == (".txt",)
