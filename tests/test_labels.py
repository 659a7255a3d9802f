"""Label normalisation per the spec, and tolerant matching."""

from __future__ import annotations

from govinfo_report.labels import best_match, contains_fuzzy, normalise


def test_vertical_text_and_brackets_and_quotes() -> None:
    assert normalise("自\n然\n人") == "自然人"
    assert normalise("（一）予以公开") == normalise("(一)予以公开")
    assert normalise("3.危及“三安全一稳定”") == normalise('3.危及"三安全一稳定"')
    assert normalise("本年新\n制作数量 ") == "本年新制作数量"


def test_known_variants() -> None:
    assert normalise("行政规范性文件") == normalise("规范性文件")
    assert normalise("其他对外管理服务") == normalise("其他对外管理服务事项")
    assert normalise("合计") == normalise("总计")


def test_trailing_punctuation_dropped() -> None:
    assert normalise("规章：") == "规章"


def test_fuzzy_containment_tolerates_one_dropped_or_wrong_character() -> None:
    assert contains_fuzzy(normalise("2.其他法律行政法规禁公开"), normalise("行政法规禁止公开"))
    assert contains_fuzzy(normalise("2.其他法律行政法规止禁公开"), normalise("行政法规禁止公开"))
    assert contains_fuzzy("属于三类内部事物信息", "内部事务信息")
    assert not contains_fuzzy("属于国家秘密", "内部事务信息")


def test_a_row_with_characters_dropped_is_still_found_by_another_key() -> None:
    from govinfo_report.layout import REQUESTS_2021

    candidates = [(r.code, [normalise(k) for k in r.keys]) for r in REQUESTS_2021.rows]
    # pdftotext dropped 法规禁 from "2.其他法律行政法规禁止公开" (the spec's example).
    assert best_match("2.其他法律行政止公开", candidates) == "denied_prohibited_by_law"


def test_best_match_prefers_the_longest_exact_key() -> None:
    candidates = [("other_handling", ["其他处理"]), ("other_misc", ["其他"])]
    assert best_match("（六）其他处理", candidates) == "other_handling"
    assert best_match("3.其他", candidates) == "other_misc"
    assert best_match("结转下年度", candidates) is None
