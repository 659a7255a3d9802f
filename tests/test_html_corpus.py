"""Every corpus web page reads to exactly the values a person reads in its seed report."""

from __future__ import annotations

from pathlib import Path

import pytest

from expected_values import EXPECTED, assert_matches
from govinfo_report import api
from govinfo_report.io.html import HtmlReader

PAGES = [
    "000_0ab9a71a63e4f480.html",
    "001_d67fec3efbc2aac7.html",
    "002_69b0cb0c6d86b3bd.html",
    "003_c04978ea7ee6ff4b.html",
    "004_ee4e1e8ab542a5d9.html",
    "004_ee4e1e8ab542a5d9.gbk.html",
]


@pytest.mark.parametrize("name", PAGES)
def test_corpus_page_reads_as_its_seed(shared_dir: Path, name: str) -> None:
    path = shared_dir / "corpus" / "html" / name
    report = HtmlReader().read(path.read_bytes(), source=name)
    assert_matches(report, EXPECTED[name[:3]])


def test_every_corpus_page_is_covered(shared_dir: Path) -> None:
    assert sorted(p.name for p in (shared_dir / "corpus" / "html").glob("*.html")) == sorted(PAGES)


def test_api_picks_the_html_reader_by_suffix_and_content(shared_dir: Path) -> None:
    path = shared_dir / "corpus" / "html" / "004_ee4e1e8ab542a5d9.gbk.html"
    report = api.read(path)
    assert report.agency == "尧都区人民政府"
    assert report.requests is not None
    assert report.requests.value("new_received", "total") == 18
    assert api.read(path.read_bytes()) == report


def test_wrong_charset_finding_reaches_the_report(shared_dir: Path) -> None:
    data = (shared_dir / "corpus" / "html" / "004_ee4e1e8ab542a5d9.gbk.html").read_bytes()
    wrong = data.replace(b"charset=gb2312", b"charset=utf-8", 1)
    assert wrong != data
    report = HtmlReader().read(wrong, source="wrong.html")
    assert_matches(report, EXPECTED["004"])
    assert "reader.wrong_charset" in [f.rule for f in report.findings]
