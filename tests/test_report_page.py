"""The --html check page: structure, highlighting, escaping, and a real headless browser's rendering."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import attrs
import lxml.html
import pytest

import govinfo_report as gr
from browser import chromium, screenshot
from govinfo_report.report_page import render_check_page, write_check_page
from rules_support import seed_report, with_cell

BROKEN = "requests.total_processed.natural_person"


def _page(reports: list[gr.AnnualReport]) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(render_check_page(reports, [gr.validate(r) for r in reports]))


def test_every_cell_of_a_violated_relation_is_highlighted_and_linked_to_its_findings() -> None:
    report = with_cell(seed_report("002"), BROKEN, 88)  # 002 prints 89
    page = _page([report])
    section = page.get_element_by_id("r0")
    errors = {td.get("data-cell") for td in section.xpath('.//td[contains(@class, "error")]')}
    findings = [f for f in gr.validate(report) if f.severity is gr.Severity.ERROR]
    involved = {str(c) for f in findings for c in f.cells}
    assert errors == involved
    # The wrong cell shows what the document says and the numbers of its three findings.
    cell = section.get_element_by_id(f"r0-{BROKEN}")
    assert cell.text == "88"
    # It is the cell the suggestion names, and the only one marked so.
    assert section.xpath('.//td[contains(@class, "suggested")]/@data-cell') == [BROKEN]
    assert [a.text for a in cell.xpath(".//sup/a")] == ["1", "2", "3"]
    items = section.xpath('.//ol[@class="findings"]/li')
    assert [li.get("data-rule") for li in items] == ["requests.balance", "requests.outcome_sum", "requests.row_total"]
    text = items[0].text_content()
    assert "（七）总计/自然人" in text and "89 would satisfy 3 relations" in text and "not applied" in text
    # Cells not involved in any relation stay plain.
    assert "error" not in (section.get_element_by_id("r0-requests.granted.commercial").get("class") or "")


def test_tables_follow_the_template_layout() -> None:
    page = _page([seed_report("002")])
    table3 = page.xpath('//table[@data-table="requests"]')[0]
    assert "三、本年度办理结果" in table3.text_content()
    # 一 … 四 plus three header rows; each data row carries its seven value cells.
    assert len(table3.xpath(".//tr")) == 3 + len(seed_report("002").requests.row_codes)  # type: ignore[union-attr]
    assert table3.xpath('.//td[@data-cell="requests.new_received.total"]')[0].text == "92"
    table4 = page.xpath('//table[@data-table="review_litigation"]')[0]
    assert len(table4.xpath(".//td[@data-cell]")) == 15
    assert "no finding" in page.text_content()


def test_missing_cells_and_report_level_findings_are_shown() -> None:
    report = seed_report("001", year=2021)  # edition 2019 for 2021: template.edition_year
    page = _page([report])
    blanks = page.xpath('//td[contains(@class, "missing")]/@data-cell')
    assert "requests.carried_forward.natural_person" in blanks and len(blanks) == 12
    assert page.xpath('//li[@data-rule="template.edition_year"]')


def test_absent_table_and_escaping() -> None:
    report = attrs.evolve(seed_report("002"), review_litigation=None, title="<script>alert(1)</script>")
    markup = render_check_page([report], [gr.validate(report)])
    assert "<script>alert" not in markup and "&lt;script&gt;" in markup
    assert "报告中没有此表" in markup
    # Nothing is fetched from anywhere.
    assert "http" not in markup.lower().replace("http-equiv", "")
    with pytest.raises(ValueError):
        render_check_page([report], [])


def _png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) pixels of a non-interlaced 8-bit PNG (what Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6) and header[12] == 0
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line) if bpp == 3 else bytes(x for j, x in enumerate(line) if j % 4 != 3))
        prev = line
    return width, height, rows


def _count_colour(path: Path, rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    """Width, height and the number of pixels of colour *rgb* in the PNG at *path*."""
    try:  # Pillow is quicker when present; the decoder above needs nothing.
        from PIL import Image
    except ImportError:
        width, height, rows = _png_pixels(path)
        needle = bytes(rgb)
        return width, height, sum(sum(1 for i in range(0, len(r), 3) if r[i : i + 3] == needle) for r in rows)
    with Image.open(path) as image:
        pixels = image.convert("RGB")
        colours = pixels.getcolors(maxcolors=1 << 24) or []
        return image.width, image.height, sum(n for n, c in colours if c == rgb)


@pytest.mark.browser
@pytest.mark.skipif(chromium() is None, reason="headless chromium is not installed")
def test_page_renders_in_headless_chromium_with_the_highlight_visible(tmp_path: Path) -> None:
    def shoot(report: gr.AnnualReport, name: str) -> Path:
        page = tmp_path / f"{name}.html"
        write_check_page(page, [report], [gr.validate(report)])
        shot = tmp_path / f"{name}.png"
        screenshot(page, shot, width=1200, height=2000, profile=tmp_path / "profile")
        return shot

    broken = shoot(with_cell(seed_report("002"), BROKEN, 88), "broken")
    clean = shoot(seed_report("002"), "clean")
    error_fill = (0xFF, 0xD6, 0xD6)  # td.error background
    width, height, highlighted = _count_colour(broken, error_fill)
    assert (width, height) == (1200, 2000)
    assert highlighted > 500
    assert _count_colour(clean, error_fill)[2] == 0
