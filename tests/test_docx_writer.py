"""The docx writer: the template's layout with merged cells, CJK fonts, and ``read(write(r)) == r``."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import attrs
import pytest
from lxml import etree

import govinfo_report
from govinfo_report import AnnualReport
from govinfo_report.io.docx import DocxReader, DocxWriter
from govinfo_report.io.docx.writer import render
from govinfo_report.model import Cell, Missing, Table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "docx"


def corpus_report(seed: str) -> AnnualReport:
    (path,) = CORPUS.glob(f"{seed}_*.docx")
    return govinfo_report.read(path)


def written(report: AnnualReport) -> bytes:
    out = io.BytesIO()
    DocxWriter().write(report, out)
    return out.getvalue()


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def texts_of(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_corpus_reports_round_trip(seed: str, shared_dir: Path) -> None:
    report = corpus_report(seed)
    assert DocxReader().read(written(report)) == report


def test_generated_reports_round_trip() -> None:
    """Both editions, odd prose, every kind of missing cell, wild cell text: read(write(r)) == r."""
    pytest.importorskip("hypothesis")
    from hypothesis import HealthCheck, given, settings

    from govinfo_report.testing import check_round_trip
    from govinfo_report.testing.strategies import reports

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(reports(with_prose="odd", missing=True, wild_text=True))
    def round_trip(report: AnnualReport) -> None:
        check_round_trip("docx", report)

    round_trip()


def test_missing_cells_keep_their_kind(shared_dir: Path) -> None:
    report = corpus_report("002")
    table = report.requests
    assert table is not None
    table = table.replace("granted", "research", Cell(missing=Missing.NOT_APPLICABLE, text="—"))
    table = table.replace("granted", "commercial", Cell(missing=Missing.NOT_APPLICABLE))  # mark unknown
    table = table.replace("granted", "social_welfare", Cell(missing=Missing.BLANK))
    table = table.replace("granted", "legal_service", Cell(missing=Missing.UNREADABLE, text="见附件"))
    table = table.replace("granted", "other_org", Cell(missing=Missing.UNREADABLE))  # text unknown
    changed = attrs.evolve(report, requests=table)
    back = DocxReader().read(written(changed))
    assert back == changed
    assert back.requests is not None
    assert back.requests["granted", "research"].text == "—"
    assert back.requests["granted", "legal_service"].text == "见附件"
    assert back.requests["granted", "commercial"].text == "/"


def test_a_missing_table_is_left_out_and_reads_back_missing(shared_dir: Path) -> None:
    report = attrs.evolve(corpus_report("004"), review_litigation=None)
    data = written(report)
    assert len(list(part(data, "word/document.xml").iter(f"{W}tbl"))) == 2
    assert DocxReader().read(data) == report


def test_table_3_merged_cells_as_the_template_draws_them(shared_dir: Path) -> None:
    body = part(written(corpus_report("002")), "word/document.xml")
    tables = list(body.iter(f"{W}tbl"))
    assert len(tables) == 3
    rows = tables[1].findall(f"{W}tr")
    first = rows[0].findall(f"{W}tc")
    # The note cell spans three columns and three rows; 申请人情况 spans the seven value columns.
    assert first[0].find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "3"
    assert first[0].find(f"{W}tcPr/{W}vMerge").get(f"{W}val") == "restart"
    assert texts_of(first[1]) == "申请人情况"
    assert first[1].find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "7"
    # Below it, continuation cells (the valueless w:vMerge) keep the grid aligned.
    second = rows[1].findall(f"{W}tc")
    assert second[0].find(f"{W}tcPr/{W}vMerge").get(f"{W}val") is None
    # 三、本年度办理结果 starts a vertical merge over the outcome rows.
    result = [r for r in rows if texts_of(r).startswith("三、本年度办理结果")]
    assert len(result) == 1
    # Every row covers the same ten grid columns.
    for row in rows:
        spans = [c.find(f"{W}tcPr/{W}gridSpan") for c in row.findall(f"{W}tc")]
        assert sum(int(s.get(f"{W}val")) if s is not None else 1 for s in spans) == 10
    # The heading rows repeat on each page; rows are not split across pages.
    assert [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows[:4]] == [True, True, True, False]
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
    # 一、本年新收 … 92 as printed.
    new_received = next(r for r in rows if texts_of(r).startswith("一、本年新收"))
    assert [texts_of(c) for c in new_received.findall(f"{W}tc")][1:] == ["90", "2", "0", "0", "0", "0", "92"]


def test_chinese_fonts_and_language_are_declared(shared_dir: Path) -> None:
    data = written(corpus_report("000"))
    styles = part(data, "word/styles.xml")
    east_asian = {f.get(f"{W}eastAsia") for f in styles.iter(f"{W}rFonts")}
    assert {"宋体", "黑体"} <= east_asian
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}eastAsia") == "zh-CN"
    fonts = part(data, "word/fontTable.xml")
    alternatives = {(font.get(f"{W}name"), alt.get(f"{W}val")) for font in fonts for alt in font.findall(f"{W}altName")}
    assert alternatives == {("宋体", "SimSun"), ("黑体", "SimHei")}


def test_title_and_headings_are_styled(shared_dir: Path) -> None:
    body = part(written(corpus_report("003")), "word/document.xml")
    styled = []
    for p in body.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") in ("Title", "Heading1"):
            styled.append((style.get(f"{W}val"), texts_of(p)))
    assert styled[0] == ("Title", "平阴县人民政府办公室2021年政府信息公开工作年度报告")
    assert [t for s, t in styled[1:]] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]


def test_output_is_deterministic(shared_dir: Path) -> None:
    report = corpus_report("001")
    assert render(report) == render(report)


def test_unknown_option_is_a_type_error(shared_dir: Path) -> None:
    with pytest.raises(TypeError, match="unknown option"):
        DocxWriter().write(corpus_report("001"), io.BytesIO(), landscape=True)


def test_control_characters_in_prose_are_dropped() -> None:
    report = AnnualReport(
        edition="2021",
        year=2022,
        agency="某局",
        title="某局2022年政府信息公开工作年度报告",
        sections=attrs.evolve(
            AnnualReport(edition="2021", year=None, agency="", title="").sections, overview="甲\x0b乙"
        ),
    )
    body = part(written(report), "word/document.xml")
    assert "甲乙" in texts_of(body)


# --- LibreOffice -------------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _convert(source: Path, to: str, out: Path, profile: Path) -> Path:
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
        env={**os.environ, "HOME": str(profile)},
    )
    return out / f"{source.stem}.{to.split(':')[0]}"


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_file_and_saves_the_same_report(tmp_path: Path, shared_dir: Path) -> None:
    report = corpus_report("002")
    source = tmp_path / "written.docx"
    source.write_bytes(written(report))
    profile = tmp_path / "profile"
    pdf = _convert(source, "pdf", tmp_path / "pdf", profile)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 20_000  # ten pages of text and tables, not an empty page
    # LibreOffice's own re-save of the file reads back as the same report: it understood every merge.
    resaved = _convert(source, "docx:MS Word 2007 XML", tmp_path / "docx", profile)
    assert govinfo_report.read(resaved) == report


def test_2021_report_printing_one_other_handling_row(shared_dir: Path) -> None:
    """A 2021 report that prints （六）其他处理 as one row (no sub-rows) keeps exactly that shape."""
    report = corpus_report("003")
    assert report.requests is not None
    cells = {key: cell for key, cell in report.requests.cells.items() if not key[0].startswith("other_")}
    cells.update(
        {
            ("other_handling", col): Cell(value=1 if col in ("natural_person", "total") else 0)
            for col in (
                "natural_person",
                "commercial",
                "research",
                "social_welfare",
                "legal_service",
                "other_org",
                "total",
            )
        }
    )
    requests = Table.build("requests", "2021", cells)
    assert requests["other_misc", "total"].missing is Missing.ABSENT
    changed = attrs.evolve(report, requests=requests)
    data = written(changed)
    rows = [texts_of(r) for r in list(part(data, "word/document.xml").iter(f"{W}tbl"))[1].iter(f"{W}tr")]
    assert any(r.startswith("（六）其他处理") for r in rows)
    assert not any("逾期不补正" in r for r in rows)
    assert DocxReader().read(data) == changed
