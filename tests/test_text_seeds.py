"""The text reader on the real reports: the five seeds and their re-encoded copies, read as a person reads them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from expected_values import EXPECTED, assert_matches
from govinfo_report import read
from govinfo_report.io.text import TextReader, TextWriter
from govinfo_report.model import Missing

SEEDS = ("000", "001", "002", "003", "004")


def _seed(shared: Path, seed: str) -> Path:
    return shared / EXPECTED[seed].document


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_reads_as_a_person_reads_it(shared_dir: Path, seed: str) -> None:
    assert_matches(read(_seed(shared_dir, seed)), EXPECTED[seed])


@pytest.mark.parametrize(
    ("name", "seed"),
    [("002_69b0cb0c6d86b3bd.gb18030.txt", "002"), ("003_c04978ea7ee6ff4b.utf16.txt", "003")],
)
def test_re_encoded_copy_reads_like_the_utf8_original(shared_dir: Path, name: str, seed: str) -> None:
    copy = read(shared_dir / "corpus" / "text" / name)
    assert_matches(copy, EXPECTED[seed])
    assert copy == read(_seed(shared_dir, seed))
    assert any(f.rule == "reader.encoding" for f in copy.findings)


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_round_trips_through_the_text_writer(shared_dir: Path, seed: str) -> None:
    report = read(_seed(shared_dir, seed))
    out = io.BytesIO()
    TextWriter().write(report, out)
    again = TextReader().read(out.getvalue())
    assert again == report
    assert_matches(again, EXPECTED[seed])


def test_split_title_and_signature_of_seed_001(shared_dir: Path) -> None:
    # 道外区机关服务中心2020年 / (blank) / 政府信息公开工作年度报告; no 六 section; signed at the end.
    report = read(_seed(shared_dir, "001"))
    assert report.title == "道外区机关服务中心2020年政府信息公开工作年度报告"
    assert report.sections.other_matters == ""
    assert report.sections.problems.endswith("道外区区委区政府机关服务中心\n2021年1月30日")
    assert report.sections.preamble.startswith("本年度报告根据《中华人民共和国政府信息公开条例》")


def test_seed_000_drops_word_markers_from_prose(shared_dir: Path) -> None:
    report = read(_seed(shared_dir, "000"))
    assert report.sections.preamble.startswith("根据《中华人民共和国政府信息公开条例》(国务院令第711号")
    assert "[image" not in report.sections.overview
    assert "[bookmark" not in report.sections.preamble
    assert report.sections.other_matters == "无"


def test_seed_003_with_tabs_between_cells_reads_as_the_seed(shared_dir: Path) -> None:
    # The same web page copied out of a browser: tabs where the crawler wrote bars.
    text = _seed(shared_dir, "003").read_text(encoding="utf-8")
    tabbed = "\n".join(
        "\t".join(cell.strip() for cell in line.strip().rstrip("|").split("|")) if line.count("|") >= 2 else line
        for line in text.split("\n")
    )
    assert "|" not in tabbed
    assert_matches(read(tabbed.encode("utf-8"), format="text"), EXPECTED["003"])


def test_seed_003_drops_page_chrome_and_the_repeated_title(shared_dir: Path) -> None:
    report = read(_seed(shared_dir, "003"))
    assert report.sections.preamble.startswith("本报告根据《中华人民共和国政府信息公开条例》(国务院令第711号)")
    assert "\n" not in report.sections.preamble  # 字号: / 大 中 小 / the title again: all gone
    assert not report.sections.other_matters.endswith("扫码使用手机浏览本页内容")
    assert report.sections.other_matters.endswith("(五)无其他需要报告的事项。")


def test_seed_004_blank_total_keeps_its_text_and_line(shared_dir: Path) -> None:
    report = read(_seed(shared_dir, "004"))
    assert report.requests is not None
    cell = report.requests["denied_state_secret", "total"]
    assert cell.missing is Missing.BLANK
    assert cell.text == "\u00a0"
    assert cell.location is not None and cell.location.line is not None
    lines = _seed(shared_dir, "004").read_text(encoding="utf-8").split("\n")
    assert lines[cell.location.line - 1] == "\t\u00a0"


def test_seed_002_values_carry_their_original_text(shared_dir: Path) -> None:
    report = read(_seed(shared_dir, "002"))
    assert report.active_disclosure is not None
    amount = report.active_disclosure["procurement", "amount"]
    assert amount.text == "6229.95万元"
    assert report.active_disclosure.value("coercion", "change") == -2
    assert report.review_litigation is not None
    assert report.review_litigation.value("litigation_after_review", "other") == 1
