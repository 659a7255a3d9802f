"""The corpus's Word files (saved by LibreOffice from the seed reports) read exactly as the seeds say."""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo_report
from expected_values import EXPECTED, assert_matches
from govinfo_report import ReadError
from govinfo_report.document import Grid
from govinfo_report.io.docx import DocxReader

DOCX = sorted((Path(__file__).resolve().parents[2] / "shared" / "corpus" / "docx").glob("0*.docx"))


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_corpus_docx_reads_as_its_seed(path: Path, shared_dir: Path) -> None:
    report = govinfo_report.read(path)
    assert_matches(report, EXPECTED[path.name[:3]])
    assert report.source == str(path)


def test_the_corpus_is_there(shared_dir: Path) -> None:
    assert len(DOCX) == 5


def test_seed_002_cells_as_printed(shared_dir: Path) -> None:
    """济宁市兖州区 2020: read by a person from the document's tables."""
    (path,) = [p for p in DOCX if p.name.startswith("002_")]
    report = govinfo_report.read(path)
    assert report.requests is not None and report.active_disclosure is not None
    assert report.review_litigation is not None
    assert report.requests.value("new_received", "total") == 92
    assert report.requests.value("new_received", "natural_person") == 90
    assert report.requests.value("other_handling", "total") == 4
    assert report.requests.value("carried_forward", "commercial") == 1
    assert report.active_disclosure.value("coercion", "change") == -2
    assert str(report.active_disclosure.value("procurement", "amount")) == "6229.95"
    assert report.review_litigation.value("review", "total") == 2
    # Where a value came from: table 3 (index 1), the 一、本年新收 row under three header rows.
    cell = report.requests["new_received", "total"]
    assert cell.location is not None and (cell.location.table, cell.location.row) == (1, 3)


def test_seed_002_document_structure(shared_dir: Path) -> None:
    """The neutral document of 002: the title split over two paragraphs, six headings, three grids."""
    (path,) = [p for p in DOCX if p.name.startswith("002_")]
    doc = DocxReader().parse(path.read_bytes(), source=path.name)
    assert [p.text for p in doc.paragraphs[:2]] == ["济宁市兖州区2020年政府信息公开工作", "年度报告"]
    headings = [p.text for p in doc.paragraphs if p.heading]
    assert headings[1:] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    grids = [b for b in doc.blocks if isinstance(b, Grid)]
    # Table 3: 26 rows; the 三、本年度办理结果 cell spans the 20 outcome rows (vMerge).
    assert len(grids[1].rows) == 26
    result_column = [row[0] for row in grids[1].rows[5:25]]
    assert {c.text for c in result_column} == {"三、本年度办理结果"}
    assert grids[1].rows[25][0].text == "四、结转下年度继续办理"
    assert [c.spanned for c in result_column[:2]] == [False, True]


def test_blank_cells_stay_blank(shared_dir: Path) -> None:
    """001 leaves 7.属于行政执法案卷 blank for 自然人 and 商业企业: missing, not zero."""
    (path,) = [p for p in DOCX if p.name.startswith("001_")]
    report = govinfo_report.read(path)
    assert report.requests is not None
    cell = report.requests["denied_enforcement_files", "natural_person"]
    assert cell.value is None and cell.missing is not None and cell.missing.value == "blank"


def test_legacy_word_97_file_gets_a_clear_error(shared_dir: Path) -> None:
    path = shared_dir / "corpus" / "docx" / "000_0ab9a71a63e4f480.legacy.doc"
    with pytest.raises(ReadError) as info:
        govinfo_report.read(path)
    message = str(info.value)
    assert "Word 97" in message
    assert f"soffice --headless --convert-to docx {path.name}" in message
    assert path.name in message


def test_legacy_word_97_file_recognised_by_content_without_a_suffix(shared_dir: Path) -> None:
    data = (shared_dir / "corpus" / "docx" / "000_0ab9a71a63e4f480.legacy.doc").read_bytes()
    with pytest.raises(ReadError, match="Word 97"):
        govinfo_report.read(data)


def test_docx_bytes_recognised_by_content(shared_dir: Path) -> None:
    data = DOCX[3].read_bytes()
    assert_matches(govinfo_report.read(data), EXPECTED["003"])
