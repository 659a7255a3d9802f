"""Pages from form feeds: the page of each line, and locations that carry it."""

from __future__ import annotations

from govinfo_report import api
from govinfo_report.document import Location
from govinfo_report.io.text.pages import line_pages


def test_a_form_feed_starts_the_page_of_the_line_it_begins() -> None:
    # pdftotext's form: each page's text ends with \f, so the next page's first line begins with it.
    lines = ["标题", "正文", "\f第二页", "续", "\f", "第三页", ""]
    assert line_pages(lines) == [1, 1, 2, 2, 3, 3, 3]


def test_a_form_feed_inside_a_line_starts_the_next_line_on_a_new_page() -> None:
    assert line_pages(["一", "二\f", "三"]) == [1, 1, 2]


def test_the_page_is_said_first_in_a_location() -> None:
    assert str(Location("a.txt", line=12, page=3)) == "a.txt, page 3, line 12"
    assert str(Location(page=2, table=0, row=4, column=1)) == "page 2, table 1, row 5, column 2"


# Seed 004's shape in miniature: one unreadable value (见附件), on line 7.
LINES = [
    "XX县人民政府2020年政府信息公开工作年度报告",
    "一、总体情况",
    "本年度工作。",
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
    "规章\t0\t见附件\t0",
]


def unreadable_location(lines: list[str]) -> Location:
    report = api.read("\n".join(lines).encode("utf-8"), format="text")
    (finding,) = [f for f in report.findings if f.rule == "reader.unreadable_cell"]
    (location,) = finding.locations
    assert location is not None
    assert str(location) in finding.message
    return location


def test_a_finding_made_from_a_paged_cell_names_its_page() -> None:
    paged = LINES.copy()
    paged[3] = "\f" + paged[3]  # the tables begin page 2
    location = unreadable_location(paged)
    assert (location.page, location.line) == (2, 7)
    assert str(location).startswith("page 2, line 7")


def test_text_without_form_feeds_has_no_pages() -> None:
    assert line_pages(["一", "二"]) is None
    location = unreadable_location(LINES)
    assert (location.page, location.line) == (None, 7)
