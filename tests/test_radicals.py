"""Radical code points that PDF fonts write for ideographs (``⼀`` for 一, ``⻔`` for 门) read as the ideographs.

The substitutions below are the ones pdfplumber 0.11 extracted from
Chromium's PDF print of the corpus pages (``shared/corpus/html``), checked
character by character against the same reports' Word files: 59 distinct
radicals, ``⼯`` (188 times), ``⾏`` (140) and ``⼀`` (116) the most frequent.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from expected_values import EXPECTED, assert_matches
from govinfo_report import read
from govinfo_report.labels import normalise
from govinfo_report.radicals import RADICAL, unify_counted, unify_radicals

#: Ideograph → the radical code point the PDF's text gave for it (a selection of the 59 seen).
AS_PDF_TEXT = {
    "工": "\u2f2f",  # ⼯ KANGXI RADICAL WORK
    "行": "\u2f8f",  # ⾏
    "一": "\u2f00",  # ⼀
    "人": "\u2f08",  # ⼈
    "二": "\u2f06",  # ⼆
    "门": "\u2ed4",  # ⻔ CJK RADICAL C-SIMPLIFIED GATE (NFKC keeps it)
    "民": "\u2ea0",  # ⺠ CJK RADICAL CIVILIAN (NFKC keeps it)
    "大": "\u2f24",  # ⼤
    "文": "\u2f42",  # ⽂
    "户": "\u2f3e",  # ⼾ KANGXI RADICAL DOOR (NFKC makes it 戶)
    "长": "\u2ed3",  # ⻓
    "页": "\u2eda",  # ⻚
    "无": "\u2f46",  # ⽆
    "山": "\u2f2d",  # ⼭
    "自": "\u2f83",  # ⾃
    "十": "\u2f17",  # ⼗
}


def test_the_pdf_text_of_a_title_reads_as_printed() -> None:
    # The title line of corpus 000 as pdfplumber gives it from the Chromium PDF.
    assert unify_radicals("⼭亭区⼈⺠政府办公室") == "山亭区人民政府办公室"
    assert unify_radicals("部⻔") == "部门"
    assert unify_radicals("⽹站⽤⼾") == "网站用户"  # 户, not NFKC's traditional 戶
    assert unify_radicals("⻘年") == "青年"


def test_text_without_radicals_is_returned_as_is() -> None:
    text = "一、总体情况（七）总计 2020年"
    assert unify_radicals(text) is text


def test_every_kangxi_radical_becomes_an_ideograph() -> None:
    for cp in range(0x2F00, 0x2FD6):
        out = unify_radicals(chr(cp))
        assert len(out) == 1 and "CJK UNIFIED IDEOGRAPH" in unicodedata.name(out), hex(cp)
        assert RADICAL.search(out) is None


def test_supplement_radicals_not_mapped_stay() -> None:
    # ⺀ (REPEAT) and ⺂ (SECOND ONE) are strokes that stand for no character of their own.
    assert unify_radicals("\u2e80\u2e82") == "\u2e80\u2e82"
    assert unify_counted("\u2e80\u2e82") == ("\u2e80\u2e82", 0, None)


def test_replacements_are_counted_from_the_first() -> None:
    assert unify_counted("⺀本部⻔⼯作") == ("⺀本部门工作", 2, 3)
    assert unify_counted("本部门") == ("本部门", 0, None)


def test_labels_compare_equal_through_radicals() -> None:
    assert normalise("⼀、本年新收政府信息公开申请数量") == normalise("一、本年新收政府信息公开申请数量")
    assert normalise("本机关不掌握相关政府信息（部⻔）") == normalise("本机关不掌握相关政府信息（部门）")


@pytest.mark.parametrize("seed", ["000", "002", "004"])
def test_report_as_pdf_text_reads_as_the_document(shared_dir: Path, tmp_path: Path, seed: str) -> None:
    expected = EXPECTED[seed]
    text = (shared_dir / expected.document).read_text(encoding="utf-8")
    as_pdf = text.translate(str.maketrans(AS_PDF_TEXT))
    replaced = sum(a != b for a, b in zip(text, as_pdf, strict=True))
    assert replaced > 100  # headings, labels, title and prose all carry radicals now
    path = tmp_path / f"{seed}.txt"
    path.write_text(as_pdf, encoding="utf-8")

    report = read(path)

    assert_matches(report, expected)  # values, title, agency and prose fragments as a person reads them
    prose = [getattr(report.sections, name) for name in ("preamble", "overview", "problems", "other_matters")]
    assert RADICAL.search(report.title + report.agency + "".join(prose)) is None
    assert report.sections.overview and report.sections.problems  # the headings were found
    (finding,) = [f for f in report.findings if f.rule == "reader.radicals"]
    assert str(finding.severity) == "info"
    assert int(finding.message.split()[0]) == replaced  # the text reader reads every one, tables' included
    first = next(n for n, line in enumerate(as_pdf.splitlines(), 1) if RADICAL.search(line))
    assert finding.locations[0] is not None and finding.locations[0].line == first


@pytest.mark.parametrize("seed", ["000", "003"])
def test_web_page_with_radicals_reads_as_the_document(shared_dir: Path, tmp_path: Path, seed: str) -> None:
    expected = EXPECTED[seed]
    (page,) = (shared_dir / "corpus" / "html").glob(f"{seed}_*[0-9a-f].html")
    text = page.read_text(encoding="utf-8")
    as_pdf = text.translate(str.maketrans(AS_PDF_TEXT))
    path = tmp_path / f"{seed}.html"
    path.write_text(as_pdf, encoding="utf-8")

    report = read(path)

    assert_matches(report, expected)
    (finding,) = [f for f in report.findings if f.rule == "reader.radicals"]
    # The interpreter counts those of the prose, title and headings; the tables' labels match as they are.
    assert 0 < int(finding.message.split()[0]) < sum(a != b for a, b in zip(text, as_pdf, strict=True))
