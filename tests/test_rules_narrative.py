"""Prose against tables: the narrative.* rules, on sentences from the real documents."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import govinfo_report as gr
from govinfo_report import Sections, Severity
from rules_support import codes, seed_report, with_cell

NARRATIVE = [
    "narrative.requests_total",
    "narrative.carried_over",
    "narrative.carried_forward",
    "narrative.review_total",
    "narrative.litigation_total",
]


def _line(shared_dir: Path, path: str, fragment: str) -> str:
    """The line of a real document that contains *fragment*."""
    text = (shared_dir / path).read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if fragment in line)


@pytest.fixture
def yanzhou_prose(shared_dir: Path) -> str:
    # 002's paragraph: 全区受理依申请公开92件，其中区政府受理依申请公开20件…；各镇街、部门受理依申请公开72件。
    # 区行政复议机关收到…行政复议2件，其中…；区行政诉讼机关收到…行政诉讼2件，…
    return _line(shared_dir, "seeds/002_69b0cb0c6d86b3bd.txt", "全区受理依申请公开92件")


def test_seed_002_prose_agrees_with_its_tables(yanzhou_prose: str) -> None:
    report = seed_report("002", sections=Sections(overview=yanzhou_prose))
    assert gr.validate(report, NARRATIVE) == []


def test_requests_received_disagreeing_with_table_3(yanzhou_prose: str) -> None:
    report = seed_report("002", sections=Sections(overview=yanzhou_prose))
    report = with_cell(report, "requests.new_received.total", 91)
    found = gr.validate(report, NARRATIVE)
    assert codes(found) == ["narrative.requests_total"]
    f = found[0]
    assert f.severity is Severity.WARNING
    assert [str(c) for c in f.cells] == ["requests.new_received.total"]
    assert f.values == (91,) and f.expected == 92
    assert "overview prose states 92 requests received" in f.message
    # The finding quotes the sentence that made the claim.
    assert "全区受理依申请公开92件" in f.message and "全区受理依申请公开92件" in f.message_zh
    # Parts after 其中 and after the first claim of the sentence are not read as the whole.
    assert "72" not in f.message.split("sentence:")[0]


def test_reviews_and_lawsuits_disagreeing_with_table_4(yanzhou_prose: str) -> None:
    report = seed_report("002", sections=Sections(overview=yanzhou_prose))
    report = with_cell(report, "review_litigation.review.total", 1)
    report = with_cell(report, "review_litigation.litigation_direct.total", 0)
    found = gr.validate(report, NARRATIVE)
    assert codes(found) == ["narrative.litigation_total", "narrative.review_total"]
    lawsuits = found[0]
    assert [str(c) for c in lawsuits.cells] == [
        "review_litigation.litigation_direct.total",
        "review_litigation.litigation_after_review.total",
    ]
    assert lawsuits.values == (0, 1) and lawsuits.expected == 1
    assert "行政诉讼2件" in lawsuits.message


def test_full_width_zero_in_seed_000(shared_dir: Path) -> None:
    line = _line(shared_dir, "seeds/000_0ab9a71a63e4f480.txt", "共收到依申请公开")
    assert "０件" in line
    report = seed_report("000", sections=Sections(overview=line))
    assert gr.validate(report, NARRATIVE) == []
    found = gr.validate(with_cell(report, "requests.new_received.total", 1), NARRATIVE)
    assert codes(found) == ["narrative.requests_total"] and found[0].expected == 0


def test_claims_whose_meaning_is_not_explicit_are_not_read(shared_dir: Path) -> None:
    # 004: "2020年共受理18件，已办理答复16件" — the subject is in the previous sentence.
    line_004 = _line(shared_dir, "seeds/004_ee4e1e8ab542a5d9.txt", "共受理18件")
    # 003: "2021年共办理依申请公开事项3件" — 办理 (handled) is not 收到 (received).
    line_003 = _line(shared_dir, "seeds/003_c04978ea7ee6ff4b.txt", "共办理依申请公开事项3件")
    report = seed_report("004", sections=Sections(overview=line_004))
    assert gr.validate(with_cell(report, "requests.new_received.total", 5), NARRATIVE) == []
    report = seed_report("003", sections=Sections(overview=line_003))
    assert gr.validate(with_cell(report, "requests.total_processed.total", 5), NARRATIVE) == []


def test_sentences_about_another_year_or_without_the_topic_are_skipped() -> None:
    prose = (
        "2019年共受理政府信息公开申请50件。"  # last year: not this table's number
        "全年共办理行政复议案件120件。"  # not about 信息公开
        "全年收到政府信息公开申请92件。"
    )
    report = seed_report("002", sections=Sections(overview=prose))
    assert gr.validate(report, NARRATIVE) == []


def test_carried_over_and_forward_claims() -> None:
    # 004 (2020): 上年结转 1 and 结转下年度 2.
    prose = "本年度上年结转政府信息公开申请1件。结转下年度继续办理2件。"
    report = seed_report("004", sections=Sections(problems=prose))
    assert gr.validate(report, NARRATIVE) == []
    report = seed_report("004", sections=Sections(problems="上年结转政府信息公开申请3件。结转下年度继续办理0件。"))
    found = gr.validate(report, NARRATIVE)
    assert codes(found) == ["narrative.carried_forward", "narrative.carried_over"]
    assert [f.expected for f in found] == [0, 3]
    assert all("存在的主要问题及改进情况" in f.message_zh for f in found)


def test_pingtan_2022_counts_last_years_request_in_its_received_number(shared_dir: Path) -> None:
    # The crawler text of 平潭 2022 says 全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件;
    # its table 3 prints 一、本年新收 71 + 3 = 74 and 二、上年结转 1 (自然人).
    sentence = _line(shared_dir, "corpus/text/flattened_pingtan_2022.txt", "全区收到政府信息公开申请75件")
    report = seed_report("003", sections=Sections(overview=sentence), year=2022)
    for ref, value in {
        "new_received.natural_person": 71,
        "new_received.commercial": 3,
        "new_received.total": 74,
        "carried_over.natural_person": 1,
        "carried_over.total": 1,
    }.items():
        report = with_cell(report, f"requests.{ref}", value)
    found = gr.validate(report, ["narrative.requests_total"])
    assert len(found) == 1
    assert found[0].values == (74,) and found[0].expected == 75
    assert "equals new_received + carried_over (74 + 1)" in found[0].message


def test_missing_cell_skips_the_claim_unless_counted_as_zero(yanzhou_prose: str) -> None:
    report = seed_report("002", sections=Sections(overview=yanzhou_prose))
    report = with_cell(report, "requests.new_received.total", gr.Missing.BLANK)
    assert gr.validate(report, ["narrative.requests_total"]) == []
    found = gr.validate(report, ["narrative.requests_total"], missing_as_zero=True)
    assert len(found) == 1 and found[0].missing_as_zero and found[0].expected == 92


def test_claims_worded_with_the_tables_own_row_labels() -> None:
    prose = "本年新收政府信息公开申请数量为92件。上年结转政府信息公开申请数量0件。"
    report = seed_report("002", sections=Sections(overview=prose))
    assert gr.validate(report, NARRATIVE) == []
    found = gr.validate(with_cell(report, "requests.carried_over.total", 1), NARRATIVE)
    assert codes(found) == ["narrative.carried_over"] and found[0].expected == 0


def test_a_claim_about_an_absent_table_is_not_compared_even_with_missing_as_zero(yanzhou_prose: str) -> None:
    report = attrs.evolve(seed_report("002", sections=Sections(overview=yanzhou_prose)), review_litigation=None)
    assert gr.validate(report, NARRATIVE, missing_as_zero=True) == []
