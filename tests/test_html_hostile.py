"""Bad and hostile HTML: every failure is a ReportError, never an lxml traceback or a blow-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report.errors import NotAReportError, ReadError, ReportError, UnsafeInputError
from govinfo_report.io.html import HtmlReader
from govinfo_report.io.html.reader import MAX_INPUT_BYTES

READER = HtmlReader()


def _billion_laughs() -> bytes:
    entities = ['<!ENTITY lol "lol">']
    for i in range(1, 10):
        previous = f"lol{i - 1}" if i > 1 else "lol"
        entities.append(f'<!ENTITY lol{i} "{("&" + previous + ";") * 10}">')
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE html [' + "".join(entities) + "]>\n"
        "<html><body><p>&lol9;</p><table><tr><td>&lol9;</td><td>1</td></tr>"
        "<tr><td>2</td><td>3</td></tr></table></body></html>"
    ).encode()


def test_entity_bomb_is_not_expanded() -> None:
    doc = READER.parse(_billion_laughs(), source="bomb.html")
    assert "&lol9;" in [p.text for p in doc.paragraphs]
    assert doc.grids[0].rows[0][0].text == "&lol9;"
    assert max(len(p.text) for p in doc.paragraphs) < 100


def test_entity_bomb_is_not_a_report() -> None:
    with pytest.raises(ReportError):
        READER.read(_billion_laughs(), source="bomb.html")


def test_fifty_megabyte_page_is_refused_before_parsing() -> None:
    row = b"<tr><td>1</td><td>2</td></tr>"
    data = b"<html><body><table>" + row * (50 * 1024 * 1024 // len(row)) + b"</table></body></html>"
    assert len(data) > MAX_INPUT_BYTES
    with pytest.raises(UnsafeInputError, match="larger than"):
        READER.parse(data, source="huge.html")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)),
        b"plain text",
    ],
    ids=["empty", "blank", "pdf", "zip", "text"],
)
def test_not_html_is_a_read_error(data: bytes) -> None:
    with pytest.raises(ReadError) as info:
        READER.parse(data, source="x.html")
    assert "x.html" in str(info.value)


def test_html_without_report_tables_is_not_a_report() -> None:
    page = "<html><body><h1>通知公告</h1><p>关于开展政务公开工作的通知。</p></body></html>"
    with pytest.raises(NotAReportError):
        READER.read(page.encode(), source="notice.html")


def test_deep_nesting_does_not_recurse_without_bound() -> None:
    depth = 50_000
    data = b"<html><body><p>" + b"<span>" * depth + "深".encode() + b"</span>" * depth + b"</p></body></html>"
    READER.parse(data)  # libxml2 stops at its depth limit; the walker never recurses past its own
    cell = (
        b"<table><tr><td>"
        + b"<b>" * depth
        + b"1"
        + b"</b>" * depth
        + b"</td><td>2</td></tr><tr><td>3</td></tr></table>"
    )
    READER.parse(cell)


def test_huge_spans_are_clamped() -> None:
    doc = READER.parse(b'<table><tr><td colspan="100000000" rowspan="99999999">x</td></tr><tr><td>1</td></tr></table>')
    assert len(doc.grids[0].rows[0]) <= 64


def test_truncated_page_keeps_what_was_read(shared_dir: Path) -> None:
    data = (shared_dir / "corpus" / "html" / "002_69b0cb0c6d86b3bd.html").read_bytes()
    # Cut in the middle of table 3, just before the row of （三）不予公开.
    cut = data.rindex(b"<tr", 0, data.index("（三）不予公开".encode()))
    doc = READER.parse(data[:cut], source="cut.html")
    active, requests = doc.grids
    assert len(active.rows) == 18
    rows = [[c.text for c in row] for row in requests.rows]
    assert rows[3][3:10] == ["90", "2", "0", "0", "0", "0", "92"]  # 一、本年新收 survived
    # The rows a cut-off rowspan would have covered do not exist.
    assert rows[-1][:2] == ["三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]
    assert rows[-1][3:10] == ["27", "1", "0", "0", "0", "0", "28"]


def test_truncated_multibyte_sequence_still_decodes(shared_dir: Path) -> None:
    data = (shared_dir / "corpus" / "html" / "004_ee4e1e8ab542a5d9.gbk.html").read_bytes()
    doc = READER.parse(data[: len(data) // 2 + 1], source="cut.gbk.html")
    assert doc.paragraphs[0].text == "尧都区人民政府"
