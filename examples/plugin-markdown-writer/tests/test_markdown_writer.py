"""The Markdown writer, installed as its own distribution, seen and used through govinfo_report."""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report import AnnualReport, Cell, Edition, Missing, Table

#: The repository's example reports (this plugin lives in ``examples/plugin-markdown-writer``).
REPORTS = Path(__file__).resolve().parents[2] / "reports"


def test_the_installed_distribution_provides_the_markdown_format() -> None:
    infos = {info.name: info for info in gr.formats()}
    assert "markdown" in infos
    assert infos["markdown"].distribution == "govinfo-report-markdown"
    assert infos["markdown"].can_write and not infos["markdown"].can_read


def test_a_real_report_written_as_markdown_by_its_suffix(tmp_path: Path) -> None:
    report = gr.read(REPORTS / "yanzhou_2020.txt")
    target = tmp_path / "x.md"
    gr.write(report, target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# 济宁市兖州区2020年政府信息公开工作")
    # Seed 002's table 3, as printed: 90 natural persons, 2 companies, 92 in all.
    assert "| 一、本年新收政府信息公开申请数量 | 90 | 2 | 0 | 0 | 0 | 0 | 92 |" in text
    # Table 2's 政府集中采购 as printed: 261 projects, 6229.95 万元.
    assert "| 第二十条第（九）项 政府集中采购 | 261 | 6229.95 |" in text
    assert "## 五、存在的主要问题及改进情况" in text


def _tiny_report() -> AnnualReport:
    cells = {
        ("new_received", "natural_person"): Cell(3, text="3"),
        ("new_received", "total"): Cell(3, text="3"),
        ("carried_over", "total"): Cell(missing=Missing.NOT_APPLICABLE, text="/"),
    }
    requests = Table.build("requests", Edition.E2021, cells, fill=Missing.BLANK)
    return AnnualReport(Edition.E2021, 2022, "某县", "某县2022年政府信息公开工作年度报告", requests=requests)


def test_missing_cells_keep_their_kind_and_absent_tables_say_so(tmp_path: Path) -> None:
    gr.write(_tiny_report(), tmp_path / "tiny.markdown")
    text = (tmp_path / "tiny.markdown").read_text(encoding="utf-8")
    assert "| 一、本年新收政府信息公开申请数量 | 3 |  |  |  |  |  | 3 |" in text
    assert "| 二、上年结转政府信息公开申请数量 |  |  |  |  |  |  | / |" in text
    assert text.count("(this report has no such table)") == 2  # tables 2 and 4


def test_unknown_options_are_refused() -> None:
    with pytest.raises(gr.WriteError, match="takes no options"):
        gr.write(_tiny_report(), Path("unused.md"), colour=True)


def test_check_format_writes_every_generated_report() -> None:
    from govinfo_report.testing import check_format

    check_format("markdown", max_examples=30)
