"""The HTML writer: a standalone page in the template's layout that reads back to the same report."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from attrs import evolve
from lxml import html as lxml_html

from browser import chromium, screenshot
from expected_values import EXPECTED
from govinfo_report.io.html import HtmlReader, HtmlWriter
from govinfo_report.model import Cell, Missing
from html_support import report_from, write


def test_page_is_standalone_utf8_html5_with_print_styles() -> None:
    page = write(report_from(EXPECTED["002"])).decode("utf-8")
    assert page.startswith("<!DOCTYPE html>\n")
    assert '<html lang="zh-CN">' in page and '<meta charset="utf-8">' in page
    assert "@media print" in page and "@page" in page
    assert "http://" not in page and "https://" not in page  # nothing fetched when opened
    root = lxml_html.document_fromstring(page.encode("utf-8"))
    assert root.findtext(".//h1") == "济宁市兖州区2020年政府信息公开工作年度报告"
    assert [h.text_content() for h in root.iter("h2")] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert [p.text for p in root.iter("p")][1:3] == ["一是加强组织领导。", "二是完善制度。"]


def test_tables_carry_the_template_merges() -> None:
    root = lxml_html.document_fromstring(write(report_from(EXPECTED["003"])))
    spans = {
        (c.text_content(), c.get("rowspan"), c.get("colspan"))
        for c in root.iter("td", "th")
        if c.get("rowspan") or c.get("colspan")
    }
    assert ("三、本年度办理结果", "22", None) in spans
    assert ("（三）不予公开", "8", None) in spans
    assert ("（六）其他处理", "3", None) in spans
    assert ("申请人情况", None, "7") in spans
    assert ("法人或其他组织", None, "5") in spans
    assert ("行政诉讼", None, "10") in spans
    assert ("本年收费金额（单位：万元）", None, "3") in spans


def test_values_sit_in_the_template_positions() -> None:
    doc = HtmlReader().parse(write(report_from(EXPECTED["002"])))
    active, requests, review = doc.grids
    rows = [[c.text for c in row] for row in requests.rows]
    assert rows[3][:4] == ["一、本年新收政府信息公开申请数量"] * 3 + ["90"]
    assert rows[3][9] == "92"
    procurement = next(r for r in active.rows if r[0].text == "政府集中采购")
    assert [c.text for c in procurement] == ["政府集中采购", "261", "6229.95", "6229.95"]
    assert [c.text for c in review.rows[3]][:5] == ["1", "1", "0", "0", "2"]


def test_missing_cells_keep_their_kind_of_missing() -> None:
    report = report_from(
        EXPECTED["004"],
        **{
            "requests.granted.research": Cell(missing=Missing.NOT_APPLICABLE, text="——"),
            "requests.granted.legal_service": Cell(missing=Missing.NOT_APPLICABLE),
            "requests.granted.other_org": Cell(missing=Missing.UNREADABLE, text="1O"),
        },
    )
    doc = HtmlReader().parse(write(report))
    granted = next(r for r in doc.grids[1].rows if r[1].text == "（一）予以公开")
    assert [c.text for c in granted[3:10]] == ["14", "3", "——", "0", "/", "1O", "17"]
    secret = next(r for r in doc.grids[1].rows if r[2].text == "1.属于国家秘密")
    assert secret[9].text == ""  # blank 总计, as in the document


def test_unknown_option_is_refused() -> None:
    with pytest.raises(TypeError, match="colour"):
        HtmlWriter().write(report_from(EXPECTED["000"]), io.BytesIO(), colour="red")


def test_absent_table_is_left_out() -> None:
    report = report_from(EXPECTED["000"])
    report = evolve(report, review_litigation=None)
    doc = HtmlReader().parse(write(report))
    assert len(doc.grids) == 2


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_hand_built_report_round_trips(seed: str) -> None:
    report = report_from(EXPECTED[seed])
    assert HtmlReader().read(write(report)) == report


def test_corpus_reports_round_trip(shared_dir: Path) -> None:
    reader = HtmlReader()
    for path in sorted((shared_dir / "corpus" / "html").glob("*.html")):
        report = reader.read(path.read_bytes(), source=path.name)
        assert reader.read(write(report)) == report, path.name


@pytest.mark.browser
def test_page_renders_in_headless_chromium(tmp_path: Path) -> None:
    if chromium() is None:
        pytest.skip("chromium is not installed")
    page = tmp_path / "report.html"
    page.write_bytes(write(report_from(EXPECTED["002"])))
    data = screenshot(page, tmp_path / "shot.png", width=1200, height=3000, profile=tmp_path / "profile")
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 3000)
    # A rendered page of text and ruled tables compresses far worse than a blank one (a few KiB).
    assert len(data) > 50_000


def test_amounts_are_written_exactly() -> None:
    report = report_from(EXPECTED["002"], **{"active_disclosure.procurement.amount": Cell(Decimal("25.1"))})
    doc = HtmlReader().parse(write(report))
    procurement = next(r for r in doc.grids[0].rows if r[0].text == "政府集中采购")
    assert procurement[2].text == "25.1"
