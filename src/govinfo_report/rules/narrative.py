"""Prose against tables: counts the report's text states, compared with tables 3 and 4.

Each rule looks for one kind of claim, sentence by sentence, in the preamble
and the three prose sections, and compares the number with the table:

==============================  ====================================  ==========================================
code                            claim (examples)                      cell(s)
==============================  ====================================  ==========================================
``narrative.requests_total``    受理依申请公开92件, 收到政府信息公开申请75件  requests.new_received.total
``narrative.carried_over``      上年结转申请2件                          requests.carried_over.total
``narrative.carried_forward``   结转下年度继续办理3件                      requests.carried_forward.total
``narrative.review_total``      以政府信息公开为由提起的行政复议2件           review_litigation.review.total
``narrative.litigation_total``  行政诉讼案件1件                           both litigation groups' totals
==============================  ====================================  ==========================================

Only claims whose meaning is unambiguous count, so the patterns are strict:

* the count must follow its subject directly (``受理依申请公开92件``; a bare
  ``共受理18件`` whose subject is in an earlier sentence is not a claim);
* reviews and lawsuits count only in a sentence about 信息公开 (a justice
  bureau's report may state all the reviews it handled);
* only the first claim of a kind in a sentence counts, and none that follows
  其中 in its clause (``其中区政府受理依申请公开20件`` is a part, not the whole);
* a sentence naming a year other than the report's (comparisons with last
  year) is skipped; 办理 (handled) is not 收到 (received) and is not read.

A finding quotes the sentence that made the claim and names the section.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar

from attrs import frozen

from ..findings import CellRef, Finding, Severity
from ..model import AnnualReport, Sections
from ..plugins import Rule, RuleOptions
from ..values import format_value
from ._relations import Relation, evaluate, findings, table_operand

__all__ = [
    "CarriedForwardRule",
    "CarriedOverRule",
    "Claim",
    "LitigationTotalRule",
    "RequestsTotalRule",
    "ReviewTotalRule",
    "claims",
]

_SECTIONS: tuple[tuple[str, str], ...] = (
    ("preamble", "前言"),
    ("overview", "总体情况"),
    ("problems", "存在的主要问题及改进情况"),
    ("other_matters", "其他需要报告的事项"),
)
_SENTENCE_END = re.compile(r"(?<=[。！？!?])|\n")
_CLAUSE_END = re.compile(r"[；;]")
_YEAR = re.compile(r"(20\d\d)年")
_N = r"(?:数量)?(?:为)?(?:共|总计|合计|共计)?(\d+)(?:件|起|宗)"


@frozen
class Claim:
    """A number stated in the prose: which section, the sentence as printed, the number and where it starts."""

    section: str
    section_zh: str
    sentence: str
    number: int
    start: int


class _ProseRule(Rule):
    """A rule comparing one kind of claim with one or more table cells."""

    pattern: ClassVar[re.Pattern[str]]
    #: Whether the sentence must mention 信息公开 for a claim to count.
    needs_topic: ClassVar[bool] = False
    cells: ClassVar[tuple[CellRef, ...]]
    what: ClassVar[str]
    what_zh: ClassVar[str]

    def check(self, report: AnnualReport, options: RuleOptions) -> list[Finding]:
        out = []
        for claim in claims(report, self.pattern, needs_topic=self.needs_topic):
            relation = Relation(
                self.code,
                Severity.WARNING,
                f"the {claim.section} prose states {claim.number} {self.what}",
                f"正文（{claim.section_zh}）称{self.what_zh}{claim.number}件",
                tuple(table_operand(report, ref, f"{ref.row}.{ref.column}") for ref in self.cells),
                (),
                constant=claim.number,
                constant_name="the number in the prose",
                constant_name_zh="正文所述数字",
                note=f"sentence: “{_excerpt(claim)}”{self.explain(report, claim)}",
                note_zh=f"原句：“{_excerpt(claim)}”",
                source=report.source,
            )
            out.extend(findings([evaluate(relation, options)], with_suggestion=False))
        return out

    def explain(self, report: AnnualReport, claim: Claim) -> str:
        """A hint appended to the message when a likely reason for the mismatch is known."""
        return ""


@lru_cache(maxsize=32)
def _sentences(sections: Sections, year: int | None) -> tuple[tuple[str, str, str, str], ...]:
    """(section, section_zh, sentence as printed, NFKC sentence) of every sentence about *year*.

    Split once per report and shared by the five prose rules.
    """
    out = []
    for section, section_zh in _SECTIONS:
        for raw in _SENTENCE_END.split(getattr(sections, section)):
            original = raw.strip()
            # Matched in NFKC form (full-width digits ０ and commas), quoted as printed.
            sentence = unicodedata.normalize("NFKC", original)
            if not sentence:
                continue
            if year is not None and any(int(y) != year for y in _YEAR.findall(sentence)):
                continue
            out.append((section, section_zh, original, sentence))
    return tuple(out)


def claims(report: AnnualReport, pattern: re.Pattern[str], *, needs_topic: bool = False) -> Iterator[Claim]:
    """The claims *pattern* finds in *report*'s prose: at most one per sentence (see the module doc)."""
    for section, section_zh, original, sentence in _sentences(report.sections, report.year):
        if needs_topic and "信息公开" not in sentence:
            continue
        match = pattern.search(sentence)
        if match is None:
            continue
        clause_start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, match.start())), default=0)
        if "其中" in sentence[clause_start : match.start()]:
            continue
        yield Claim(section, section_zh, original, int(match.group(1)), match.start())


def _excerpt(claim: Claim, width: int = 60) -> str:
    """The sentence, cut to about *width* characters around the claim."""
    s = claim.sentence
    if len(s) <= width * 2:
        return s
    start = max(0, claim.start - width // 2)
    end = min(len(s), claim.start + width)
    return ("…" if start else "") + s[start:end] + ("…" if end < len(s) else "")


class RequestsTotalRule(_ProseRule):
    """The number of requests received the prose states = 一、本年新收 总计."""

    code: ClassVar[str] = "narrative.requests_total"
    description: ClassVar[str] = "requests received stated in the prose = requests.new_received.total"
    pattern: ClassVar[re.Pattern[str]] = re.compile(
        r"(?:收到|受理|新收|接收)(?:了)?(?:各类)?(?:政府信息公开申请|信息公开申请|依申请公开申请|依申请公开事项|依申请公开)"
        + _N
    )
    cells: ClassVar[tuple[CellRef, ...]] = (CellRef("requests", "new_received", "total"),)
    what: ClassVar[str] = "requests received"
    what_zh: ClassVar[str] = "收到申请"

    def explain(self, report: AnnualReport, claim: Claim) -> str:
        table = report.requests
        if table is None:
            return ""
        new, old = table.value("new_received", "total"), table.value("carried_over", "total")
        if isinstance(new, int) and isinstance(old, int) and old and new + old == claim.number:
            return (
                f"; the prose's number equals new_received + carried_over "
                f"({format_value(new)} + {format_value(old)}): it counts last year's open requests too"
            )
        return ""


class CarriedOverRule(_ProseRule):
    """The number carried over from last year the prose states = 二、上年结转 总计."""

    code: ClassVar[str] = "narrative.carried_over"
    description: ClassVar[str] = "requests carried over stated in the prose = requests.carried_over.total"
    pattern: ClassVar[re.Pattern[str]] = re.compile(
        r"(?:上年结转|上年度结转|结转上年度?)(?:的)?(?:政府信息公开申请|依申请公开申请|申请)?" + _N
    )
    cells: ClassVar[tuple[CellRef, ...]] = (CellRef("requests", "carried_over", "total"),)
    what: ClassVar[str] = "requests carried over from last year"
    what_zh: ClassVar[str] = "上年结转申请"


class CarriedForwardRule(_ProseRule):
    """The number carried forward the prose states = 四、结转下年度继续办理 总计."""

    code: ClassVar[str] = "narrative.carried_forward"
    description: ClassVar[str] = "requests carried forward stated in the prose = requests.carried_forward.total"
    pattern: ClassVar[re.Pattern[str]] = re.compile(
        r"结转(?:至|到)?下一?年度?(?:继续办理)?(?:的)?(?:政府信息公开申请|依申请公开申请|申请)?" + _N
    )
    cells: ClassVar[tuple[CellRef, ...]] = (CellRef("requests", "carried_forward", "total"),)
    what: ClassVar[str] = "requests carried forward to next year"
    what_zh: ClassVar[str] = "结转下年度申请"


class ReviewTotalRule(_ProseRule):
    """The number of administrative reviews the prose states = 行政复议 总计."""

    code: ClassVar[str] = "narrative.review_total"
    description: ClassVar[str] = "administrative reviews stated in the prose = review_litigation.review.total"
    pattern: ClassVar[re.Pattern[str]] = re.compile(r"(?<!复议后)行政复议(?:案件|申请)?" + _N)
    needs_topic: ClassVar[bool] = True
    cells: ClassVar[tuple[CellRef, ...]] = (CellRef("review_litigation", "review", "total"),)
    what: ClassVar[str] = "administrative reviews"
    what_zh: ClassVar[str] = "行政复议"


class LitigationTotalRule(_ProseRule):
    """The number of lawsuits the prose states = the two litigation groups' 总计."""

    code: ClassVar[str] = "narrative.litigation_total"
    description: ClassVar[str] = (
        "lawsuits stated in the prose = review_litigation.litigation_direct.total + litigation_after_review.total"
    )
    pattern: ClassVar[re.Pattern[str]] = re.compile(r"行政诉讼(?:案件)?" + _N)
    needs_topic: ClassVar[bool] = True
    cells: ClassVar[tuple[CellRef, ...]] = (
        CellRef("review_litigation", "litigation_direct", "total"),
        CellRef("review_litigation", "litigation_after_review", "total"),
    )
    what: ClassVar[str] = "lawsuits"
    what_zh: ClassVar[str] = "行政诉讼"
