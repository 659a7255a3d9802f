"""Hypothesis strategies for annual reports, their prose and their cells' text.

Requires the ``testing`` extra (``pip install 'govinfo-report[testing]'``,
which installs Hypothesis).  The strategies:

- :func:`reports` — whole :class:`~govinfo_report.AnnualReport` objects of
  either edition.  With ``consistent=True`` (the default) every single-report
  rule of the spec holds: ``requests.balance``, ``requests.outcome_sum``,
  ``requests.row_total``, ``review_litigation.group_total``, no negative
  count, ``template.edition_year``, ``published ≤ total_public``, and no
  missing cell unless ``missing=`` asks for some.
- :func:`report_series` — consecutive years of one agency whose carry-overs
  chain (``series.carry_over``) and whose 现行有效件数 follow
  ``series.in_force``.
- :func:`cell_texts` — raw cell text as found in real reports (``"０"``,
  ``" 12 "``, ``"1,234"``, ``"—"``, ``"6229.95万元"``, ``"+32"``) paired with
  the value it must parse to.
- :func:`agencies`, :func:`prose_lines`, :func:`sections` — the parts.

Generated prose obeys the *prose contract* (:func:`is_safe_prose_line`), the
one every writer/reader pair can honour: what a reader gives back for a prose
section is its lines, each stripped, without blank lines, joined by ``"\\n"``,
so generated prose is already in that form, and no line can be mistaken for a
heading, the title or a table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from attrs import frozen
from hypothesis import strategies as st

from ..io.html.chrome import is_chrome_text
from ..labels import contains_fuzzy, normalise
from ..layout import (
    LAYOUTS,
    OTHER_SUBROWS,
    OUTCOME_ROWS,
    REQUEST_PARTS,
    REVIEW_PARTS,
    SECTIONS,
    Edition,
    ValueKind,
    table_spec,
)
from ..model import AnnualReport, Cell, Missing, Sections, Table, Value
from ..radicals import RADICAL

__all__ = [
    "CellText",
    "agencies",
    "cell_texts",
    "is_safe_prose_line",
    "prose",
    "prose_lines",
    "report_series",
    "reports",
    "sections",
    "title_for",
]

#: The years each edition's generated reports fall in.
YEARS: dict[Edition, tuple[int, int]] = {Edition.E2019: (2019, 2020), Edition.E2021: (2021, 2030)}

ProseMode = bool | Literal["odd"]

# --- agencies ------------------------------------------------------------------------------------

_PROVINCE_OF: dict[str, str] = {
    "济宁市": "山东省",
    "广州市": "广东省",
    "成都市": "四川省",
    "杭州市": "浙江省",
    "西安市": "陕西省",
    "昆明市": "云南省",
    "南宁市": "广西壮族自治区",
    "银川市": "宁夏回族自治区",
}
_COUNTIES: dict[str, tuple[str, ...]] = {
    "济宁市": ("兖州区", "任城区", "曲阜市", "邹城市", "嘉祥县", "金乡县"),
    "广州市": ("天河区", "越秀区", "海珠区", "番禺区"),
    "成都市": ("武侯区", "锦江区", "双流区", "郫都区"),
    "杭州市": ("西湖区", "萧山区", "余杭区", "桐庐县"),
    "西安市": ("雁塔区", "碑林区", "长安区", "周至县"),
    "昆明市": ("五华区", "盘龙区", "官渡区", "石林彝族自治县"),
    "南宁市": ("青秀区", "兴宁区", "武鸣区", "隆安县"),
    "银川市": ("兴庆区", "金凤区", "永宁县", "贺兰县"),
    "北京市": ("海淀区", "朝阳区", "东城区", "密云区"),
    "上海市": ("浦东新区", "徐汇区", "闵行区", "崇明区"),
    "重庆市": ("渝中区", "江北区", "万州区", "石柱土家族自治县"),
}
_MUNICIPALITIES = ("北京市", "上海市", "重庆市")
_TOWNS = ("城关镇", "新兴镇", "鼓楼街道办事处", "东关街道办事处", "龙门乡")
_CITY_BODIES = (
    "人民政府",
    "人民政府办公室",
    "发展和改革委员会",
    "教育局",
    "财政局",
    "民政局",
    "人力资源和社会保障局",
    "自然资源和规划局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化和旅游局",
    "卫生健康委员会",
    "应急管理局",
    "审计局",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
)
_PROVINCE_BODIES = ("人民政府", "人民政府办公厅", "教育厅", "财政厅", "生态环境厅", "交通运输厅", "卫生健康委员会")


def _town_body(town: str) -> str:
    # A 街道办事处 is itself the body; a 镇/乡 has a 人民政府.
    return town if town.endswith("办事处") else town + "人民政府"


@st.composite
def agencies(draw: st.DrawFn) -> str:
    """Realistic agency names: 山东省人民政府办公厅, 济宁市兖州区, 杭州市萧山区城关镇人民政府 …

    Never contains a digit, so ``{agency}{year}年…`` splits unambiguously.
    """
    city = draw(st.sampled_from(sorted(_COUNTIES)))
    level = draw(st.sampled_from(("province", "city", "county", "county_plain", "town")))
    province = _PROVINCE_OF.get(city)
    if level == "province" and province is not None:
        return province + draw(st.sampled_from(_PROVINCE_BODIES))
    prefix = city
    if province is not None and draw(st.booleans()):
        prefix = province + city
    if level in ("province", "city"):
        bodies = _PROVINCE_BODIES if city in _MUNICIPALITIES else _CITY_BODIES
        return prefix + draw(st.sampled_from(bodies))
    county = draw(st.sampled_from(_COUNTIES[city]))
    if level == "county_plain":
        return prefix + county
    if level == "county":
        return prefix + county + draw(st.sampled_from(_CITY_BODIES))
    return city + county + _town_body(draw(st.sampled_from(_TOWNS)))


def title_for(agency: str, year: int) -> str:
    """The title every generated report carries: ``{agency}{year}年政府信息公开工作年度报告``."""
    return f"{agency}{year}年政府信息公开工作年度报告"


# --- prose -----------------------------------------------------------------------------------------

# Everything a line must not contain (after labels.normalise): the report's
# headings, tables' titles, row labels and keys, column labels and groups.
_HEADINGS: tuple[str, ...] = tuple(normalise(h) for _code, h in SECTIONS)


def _forbidden_fragments() -> frozenset[str]:
    out: set[str] = set(_HEADINGS)
    for tables in LAYOUTS.values():
        for spec in tables.values():
            out.add(normalise(spec.title))
            for row in spec.rows:
                out.update(normalise(k) for k in (row.label, row.group, *row.keys) if k)
                out.update(normalise(c.label) for c in row.columns)
    out.update(normalise(w) for w in ("申请人情况", "法人或其他组织", "申请", "受理", "年度报告", "政府信息公开工作"))
    out.discard("")
    return frozenset(out)


_FORBIDDEN: frozenset[str] = _forbidden_fragments()
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_TABLE_LIKE = frozenset("|｜\t")
_NUMERALS = frozenset("一二三四五六七八九十零〇")
_OPENERS = frozenset("(（[【〔")
_YEAR = re.compile(r"\d{4}\s*年")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=16384)
def is_safe_prose_line(line: str) -> bool:
    """Whether *line* obeys the prose contract, so that every reader gives it back unchanged.

    A safe line:

    1. is not empty, has no leading or trailing white space (``line == line.strip()``),
       and its only white space is single U+0020 spaces between other
       characters (HTML collapses runs; NBSP and U+3000 may be stripped);
    2. holds no line break of any kind (``str.splitlines`` splits on none of its
       characters), no control, surrogate, private-use or unassigned character
       (XML cannot hold them), no ``|``, ``｜`` or tab (table syntax of text formats),
       no CJK radical code point (``⼀``, ``⻔``: readers read them as the ideographs 一, 门);
    3. contains at least one CJK ideograph (a line of only marks reads as a rule);
    4. does not start with a digit, a Chinese numeral (一…十 零 〇) or an opening
       bracket, after NFKC — so it cannot be a heading such as ``一、``, ``（一）``, ``1.``;
    5. contains, after :func:`govinfo_report.labels.normalise`, no section heading
       (not even with one character changed), no table title, row label or key,
       column label or group label of either edition, and none of 申请, 受理,
       年度报告, 政府信息公开工作 (so it is never taken for a table, the title, or a
       count of requests checked by ``narrative.requests_total``);
    6. has no four-digit number followed by 年 (after NFKC), which a reader could take for the year;
    7. is not worded like site chrome (:func:`govinfo_report.io.html.chrome.is_chrome_text`:
       a short line holding 版权所有, ICP备, a breadcrumb…), which the HTML reader drops.
    """
    if not line or line != line.strip() or "  " in line:
        return False
    for ch in line:
        if ch in _LINE_BREAKS or ch in _TABLE_LIKE:
            return False
        if ch.isspace() and ch != " ":
            return False
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            return False
    if not _CJK.search(line) or RADICAL.search(line):
        return False
    nfkc = unicodedata.normalize("NFKC", line)
    if nfkc[:1].isdigit() or nfkc[:1] in _NUMERALS or nfkc[:1] in _OPENERS or line[:1] in _OPENERS:
        return False
    if _YEAR.search(nfkc):
        return False
    norm = normalise(line)
    if any(f in norm for f in _FORBIDDEN) or is_chrome_text(line):
        return False
    # A line within one edit of a heading shares at least half of it verbatim:
    # test that cheaply before the quadratic fuzzy search.
    return not any(contains_fuzzy(norm, h) for h in _HEADINGS if _shares_half(norm, h))


def _shares_half(text: str, heading: str) -> bool:
    k = max(1, (len(heading) - 1) // 2)
    return any(heading[i : i + k] in text for i in range(len(heading) - k + 1))


# Sentences of the kind real reports print, none touching the contract's forbidden words.
_SENTENCES: tuple[str, ...] = (
    "本机关高度重视政务公开工作，坚持以公开为常态、不公开为例外。",
    "全年召开专题会议３次，研究部署政务公开重点任务。",
    "通过门户网站发布各类信息１２８条，及时回应社会关切。",
    "进一步完善工作机制，明确专人负责，确保各项要求落到实处。",
    "加强政策解读，采用图文、视频等多种形式解读重要文件。",
    "政府网站运行平稳，全年未发生安全事故。",
    "本报告所列数据的统计期限自１月１日起至１２月３１日止。",
    "如对本报告有疑问，请与本机关办公室联系（电话：0537-3412345）。",
    "存在的不足：一是公开内容还不够全面；二是公开形式较为单一。",
    "下一步，将继续加大培训力度，提升工作人员业务能力。",
    "全年未收取信息处理费。",
    "本年度无需要说明的事项。",
    "围绕“放管服”改革，持续推进决策、执行、管理、服务、结果公开。",
    "依法保障公众的知情权、参与权、表达权和监督权。",
    "健全政务新媒体管理制度，规范发布流程。",
    "组织开展业务培训２期，参训人员约60人次。",
    "《条例》实施以来，相关工作取得积极成效。",
    "公众满意度稳步提升，达到95.5%。",
)

# Characters for odd prose: ideographs, CJK and ASCII punctuation, full-width
# digits and letters, markup and quote characters, a few astral-plane ones.
_ODD_EXTRAS = (
    "，。、；：？！“”‘’《》（）【】〔〕…—·「」『』〈〉"
    "０１２３４５６７８９ＡＢＣａｂｃ％＋－＝"
    "abcXYZ0123456789.,;:!?%+-=/\\<>&\"'#*_~^@$"
    "𠀀𪚥😀€éßΩ "
)
# One character strategy (not a one_of), so that st.text draws a whole line at once.
_ODD_ALPHABET = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF, include_characters=_ODD_EXTRAS)


_SPACES = re.compile(" +")


def _tidy_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@st.composite
def _odd_line(draw: st.DrawFn, max_size: int) -> str:
    # Ideographs and the odd characters in separate runs, interleaved, so
    # that both are common whatever bias the character strategy has.
    runs = draw(
        st.lists(
            st.tuples(st.text(_ODD_ALPHABET, max_size=40), st.text(_ODD_EXTRAS, max_size=8)),
            max_size=max_size // 48 + 1,
        )
    )
    # Start with an ideograph that is not a numeral, so rules 3 and 4 hold by construction.
    lead = draw(st.sampled_from("本年度加强推进工作政务网站完善机制继续提升服务质量"))
    return _tidy_spaces(lead + "".join(a + b for a, b in runs))


def prose_lines(*, odd: bool = False, max_size: int = 600) -> st.SearchStrategy[str]:
    """One prose line (a paragraph) obeying :func:`is_safe_prose_line`.

    Plain lines are one to eight realistic sentences (CJK punctuation,
    full-width and ASCII digits), as long as real paragraphs.  With *odd*, a
    line may also be about *max_size* arbitrary characters: random
    ideographs, ASCII and CJK punctuation, full-width digits and letters,
    ``<>&"'``, astral-plane characters and single spaces.
    """
    plain = st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=8).map("".join).filter(is_safe_prose_line)
    if not odd:
        return plain
    return st.one_of(plain, _odd_line(max_size)).filter(is_safe_prose_line)


def prose(*, odd: bool = False, min_lines: int = 1, max_lines: int = 4) -> st.SearchStrategy[str]:
    """A prose section: safe lines joined by ``"\\n"`` (``""`` when no lines)."""
    return st.lists(prose_lines(odd=odd), min_size=min_lines, max_size=max_lines).map("\n".join)


def sections(with_prose: ProseMode = True) -> st.SearchStrategy[Sections]:
    """The report's prose.  ``False``: all empty; ``True``: realistic; ``"odd"``: long and odd, sometimes empty."""
    if with_prose is False:
        return st.just(Sections())
    odd = with_prose == "odd"
    part = prose(odd=odd, min_lines=0 if odd else 1, max_lines=30 if odd else 4)
    return st.builds(Sections, preamble=part, overview=part, problems=part, other_matters=part)


# --- cell text -------------------------------------------------------------------------------------

_FULL_WIDTH = str.maketrans("0123456789+-.,", "０１２３４５６７８９＋－．，")


@frozen
class CellText:
    """Raw cell text and what it must parse to: a value, or why it is missing."""

    text: str
    value: Value
    missing: Missing | None = None


def _thousands(n: int) -> str:
    return f"{n:,}"


def _pad(draw: st.DrawFn, text: str) -> str:
    before = draw(st.sampled_from(("", "", " ", "\u00a0", "\u3000", "\t", "\n")))
    after = draw(st.sampled_from(("", "", " ", "  ", "\u00a0", "\u3000", "\n")))
    return before + text + after


def _render_int(draw: st.DrawFn, n: int, *, signed: bool) -> str:
    digits = draw(st.sampled_from((str(abs(n)), _thousands(abs(n)), f"{abs(n)}.0", f"{abs(n)}.00")))
    if n < 0:
        sign = draw(st.sampled_from(("-", "－", "\u2212", "\ufe63")))
    elif signed and n > 0:
        sign = draw(st.sampled_from(("", "+", "＋")))
    else:
        sign = draw(st.sampled_from(("", "", "+"))) if n > 0 else ""
    text = sign + digits
    if not signed and draw(st.booleans()):
        text += draw(st.sampled_from(("件", "条", "项", "个")))
    if draw(st.booleans()):
        text = text.translate(_FULL_WIDTH)
    return _pad(draw, text)


def _render_amount(draw: st.DrawFn, amount: Decimal) -> str:
    choices = [format(amount, "f"), format(amount, "f") + "万元", format(amount, ",f")]
    yuan = amount * 10000
    if yuan == yuan.to_integral_value():
        choices.append(format(yuan.quantize(Decimal(1)), "f") + "元")
    text = draw(st.sampled_from(choices))
    if draw(st.booleans()):
        text = text.translate(_FULL_WIDTH)
    return _pad(draw, text)


_NA_MARKS = ("/", "／", "—", "——", "-", "－", "--", "无", "―", "–")
_UNREADABLE = ("见附件", "约20", "不详", "若干", "12项以上", "1-2")


@st.composite
def _value_text(draw: st.DrawFn, kind: ValueKind) -> CellText:
    if kind is ValueKind.AMOUNT:
        places = draw(st.integers(0, 4))
        amount = draw(st.decimals(min_value=0, max_value=10**7, places=places, allow_nan=False, allow_infinity=False))
        return CellText(_render_amount(draw, amount), amount)
    low = -(10**6) if kind is ValueKind.SIGNED else 0
    n = draw(st.one_of(st.integers(max(low, -20), 20), st.integers(low, 10**7)))
    return CellText(_render_int(draw, n, signed=kind is ValueKind.SIGNED), n)


@st.composite
def _missing_text(draw: st.DrawFn, reasons: tuple[Missing, ...]) -> CellText:
    reason = draw(st.sampled_from(reasons))
    if reason is Missing.BLANK:
        return CellText(draw(st.sampled_from(("", " ", "\u3000", "\u00a0", "\n", " \t "))), None, reason)
    if reason is Missing.NOT_APPLICABLE:
        return CellText(_pad(draw, draw(st.sampled_from(_NA_MARKS))), None, reason)
    return CellText(draw(st.sampled_from(_UNREADABLE)), None, Missing.UNREADABLE)


def cell_texts(
    kind: ValueKind = ValueKind.COUNT,
    *,
    missing: Collection[Missing] = (Missing.BLANK, Missing.NOT_APPLICABLE, Missing.UNREADABLE),
) -> st.SearchStrategy[CellText]:
    """Cell text as found in the wild, with the value (or missing reason) it must parse to.

    Values are rendered with full-width digits and signs, thousands
    separators, ``.0`` tails, unit suffixes (件/条/项/个; 万元/元 for
    amounts), signs (``+32``, ``－415``, U+2212) and stray spaces, NBSP,
    U+3000, tabs and newlines around them.  *missing* lists the reasons to
    generate as well (blank text, ``/``-like marks, unreadable words);
    ``ABSENT`` has no text and is never generated.
    """
    reasons = tuple(r for r in (Missing.BLANK, Missing.NOT_APPLICABLE, Missing.UNREADABLE) if r in missing)
    values = _value_text(kind)
    return st.one_of(values, _missing_text(reasons)) if reasons else values


# --- tables ----------------------------------------------------------------------------------------


@frozen
class _Options:
    consistent: bool
    missing: tuple[Missing, ...]
    decimals: bool
    negative_change: bool
    wild_text: bool
    single_other_handling: bool


def _small(draw: st.DrawFn, big: int = 50) -> int:
    """A count as real reports have them: mostly small, sometimes large."""
    return draw(st.one_of(st.integers(0, 5), st.integers(0, big)))


def _split(draw: st.DrawFn, total: int, parts: int) -> list[int]:
    """*total* split into *parts* non-negative counts."""
    if parts == 1:
        return [total]
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=parts - 1, max_size=parts - 1)))
    bounds = [0, *cuts, total]
    return [bounds[i + 1] - bounds[i] for i in range(parts)]


def _amount(draw: st.DrawFn, opts: _Options) -> Decimal:
    places = draw(st.integers(0, 4)) if opts.decimals else 0
    return draw(st.decimals(min_value=0, max_value=10**6, places=places, allow_nan=False, allow_infinity=False))


def _count(draw: st.DrawFn, opts: _Options, big: int = 50) -> int:
    if opts.consistent:
        return _small(draw, big)
    return draw(st.one_of(st.integers(0, big), st.integers(-3, 3)))


def _chained(previous: Table | None, row: str, *columns: str) -> int | None:
    """The sum of *columns* of last year's *row*, ``None`` without a previous table."""
    if previous is None:
        return None
    return sum(int(previous.value(row, c) or 0) for c in columns)


def _active_disclosure(
    draw: st.DrawFn, edition: Edition, opts: _Options, previous: Table | None
) -> dict[tuple[str, str], Value]:
    """Table 2's values; *previous* is last year's table 2 of the same edition, to chain (series rules)."""
    v: dict[tuple[str, str], Value] = {}
    if edition is Edition.E2019:
        for row in ("regulations", "normative_documents"):
            v[row, "made"] = _count(draw, opts, 30)
            published = _count(draw, opts, 30)
            v[row, "published"] = published
            extra = _count(draw, opts, 500)
            v[row, "total_public"] = published + extra if opts.consistent else extra
        for row in ("licensing", "other_services", "penalty", "coercion", "fees"):
            chained = _chained(previous, row, "prev_items", "change")  # series.items
            prev = chained if chained is not None else _count(draw, opts, 500)
            v[row, "prev_items"] = prev
            low = -prev if opts.negative_change else 0
            v[row, "change"] = draw(st.one_of(st.integers(max(low, -5), 5), st.integers(low, 200)))
            if row != "fees":
                v[row, "decisions"] = _count(draw, opts, 300000)
        v["procurement", "projects"] = _count(draw, opts, 500)
        v["procurement", "amount"] = _amount(draw, opts)
        return v
    for row in ("regulations", "normative_documents"):
        issued, repealed = _count(draw, opts, 30), _count(draw, opts, 30)
        last = _chained(previous, row, "in_force")  # series.in_force
        if last is not None:
            repealed = min(repealed, last + issued)
            in_force = last + issued - repealed
        else:
            in_force = _count(draw, opts, 500)
        v[row, "issued"], v[row, "repealed"], v[row, "in_force"] = issued, repealed, in_force
    for row in ("licensing", "penalty", "coercion"):
        v[row, "decisions"] = _count(draw, opts, 300000)
    v["fees", "amount"] = _amount(draw, opts)
    return v


def _outcome_rows(draw: st.DrawFn, edition: Edition, opts: _Options) -> tuple[str, ...]:
    rows = OUTCOME_ROWS[edition]
    if edition is Edition.E2021 and opts.single_other_handling and draw(st.booleans()):
        return (*(r for r in rows if r not in OTHER_SUBROWS), "other_handling")
    return rows


def _requests(
    draw: st.DrawFn, edition: Edition, opts: _Options, carried_over: dict[str, int] | None
) -> dict[tuple[str, str], Value]:
    outcomes = _outcome_rows(draw, edition, opts)
    v: dict[tuple[str, str], Value] = {}
    if not opts.consistent:
        spec = table_spec(edition, "requests")
        for row_spec in spec.rows:
            if (row_spec.optional or row_spec.code in OTHER_SUBROWS) and row_spec.code not in outcomes:
                continue
            for col_spec in row_spec.columns:
                v[row_spec.code, col_spec.code] = _count(draw, opts, 40)
        return v
    totals: dict[str, int] = {}
    for col in REQUEST_PARTS:
        big = 3000 if col == "natural_person" else 40
        new = _small(draw, big)
        prev = carried_over[col] if carried_over is not None else _small(draw, 10)
        forward = draw(st.integers(0, new + prev)) if draw(st.booleans()) else 0
        processed = new + prev - forward
        for row, n in zip(outcomes, _split(draw, processed, len(outcomes)), strict=True):
            v[row, col] = n
        v["new_received", col], v["carried_over", col] = new, prev
        v["total_processed", col], v["carried_forward", col] = processed, forward
    for row in ("new_received", "carried_over", *outcomes, "total_processed", "carried_forward"):
        totals[row] = sum(int(v[row, c] or 0) for c in REQUEST_PARTS)
        v[row, "total"] = totals[row]
    return v


def _review(draw: st.DrawFn, opts: _Options) -> dict[tuple[str, str], Value]:
    v: dict[tuple[str, str], Value] = {}
    for row in ("review", "litigation_direct", "litigation_after_review"):
        for col in REVIEW_PARTS:
            v[row, col] = _count(draw, opts, 20)
        v[row, "total"] = sum(int(v[row, c] or 0) for c in REVIEW_PARTS) if opts.consistent else _count(draw, opts, 60)
    return v


def _cells(draw: st.DrawFn, code: str, edition: Edition, values: dict[tuple[str, str], Value], opts: _Options) -> Table:
    spec = table_spec(edition, code)
    cells = {key: Cell(value) for key, value in values.items()}
    keys = sorted(cells)
    if opts.wild_text:
        # A dozen cells per table carry wild text: enough variety, and far
        # cheaper to generate and shrink than a choice for every cell.
        for row, col in sorted(draw(st.sets(st.sampled_from(keys), max_size=12))):
            value = values[row, col]
            assert value is not None
            if isinstance(value, Decimal):
                text = _render_amount(draw, value)
            else:
                text = _render_int(draw, value, signed=spec.row(row).column(col).kind is ValueKind.SIGNED)
            cells[row, col] = Cell(value, text=text)
    if opts.missing:
        for key in sorted(draw(st.sets(st.sampled_from(keys), max_size=8))):
            wild = draw(_missing_text(opts.missing))
            cells[key] = Cell(missing=wild.missing, text=wild.text if opts.wild_text else "")
    return Table.build(code, edition, cells, fill=Missing.ABSENT)


# --- reports ---------------------------------------------------------------------------------------


def _editions(edition: Edition | str | None) -> st.SearchStrategy[Edition]:
    if edition is None:
        return st.sampled_from(tuple(Edition))
    return st.just(Edition(edition))


def _missing_reasons(missing: bool | Iterable[Missing]) -> tuple[Missing, ...]:
    if missing is True:
        return (Missing.BLANK, Missing.NOT_APPLICABLE)
    if missing is False:
        return ()
    reasons = tuple(Missing(m) for m in missing)
    if Missing.ABSENT in reasons:
        raise ValueError("Missing.ABSENT cells come from absent rows, not from missing=; leave it out")
    return reasons


@st.composite
def _report(
    draw: st.DrawFn,
    *,
    edition: Edition,
    year: int,
    agency: str,
    opts: _Options,
    with_prose: ProseMode,
    absent_tables: bool,
    previous: AnnualReport | None = None,
) -> AnnualReport:
    tables: dict[str, Table | None] = {
        "active_disclosure": _cells(
            draw,
            "active_disclosure",
            edition,
            _active_disclosure(draw, edition, opts, _same_edition(previous, edition, "active_disclosure")),
            opts,
        ),
        "requests": _cells(draw, "requests", edition, _requests(draw, edition, opts, _carried_forward(previous)), opts),
        "review_litigation": _cells(draw, "review_litigation", edition, _review(draw, opts), opts),
    }
    # One report in five lacks tables, so that most still exercise all three.
    if absent_tables and draw(st.integers(0, 4)) == 0:
        for code in draw(st.sets(st.sampled_from(sorted(tables)), min_size=1, max_size=3)):
            tables[code] = None
    return AnnualReport(
        edition=edition,
        year=year,
        agency=agency,
        title=title_for(agency, year),
        sections=draw(sections(with_prose)),
        active_disclosure=tables["active_disclosure"],
        requests=tables["requests"],
        review_litigation=tables["review_litigation"],
    )


@st.composite
def _one_report(
    draw: st.DrawFn,
    edition: Edition | str | None,
    opts: _Options,
    with_prose: ProseMode,
    absent_tables: bool,
) -> AnnualReport:
    ed = draw(_editions(edition))
    low, high = YEARS[ed]
    if not opts.consistent and draw(st.integers(0, 9)) == 0:
        # Now and then the wrong template for the year (template.edition_year).
        other = Edition.E2021 if ed is Edition.E2019 else Edition.E2019
        low, high = YEARS[other]
    year = draw(st.integers(low, high))
    agency = draw(agencies())
    return draw(
        _report(edition=ed, year=year, agency=agency, opts=opts, with_prose=with_prose, absent_tables=absent_tables)
    )


def reports(
    *,
    edition: Edition | str | None = None,
    consistent: bool = True,
    missing: bool | Iterable[Missing] = False,
    decimals: bool = True,
    negative_change: bool = True,
    with_prose: ProseMode = True,
    wild_text: bool = False,
    single_other_handling: bool = False,
    absent_tables: bool = False,
) -> st.SearchStrategy[AnnualReport]:
    """Whole annual reports.

    - *edition*: ``"2019"``, ``"2021"`` or ``None`` for either.  The year
      always matches the edition (2019–2020, 2021–2030) when *consistent*.
    - *consistent*: every single-report rule of the spec holds (see the
      module docstring).  ``False`` draws every value independently, now
      and then negative or with the wrong edition for the year: most such
      reports break some rule.
    - *missing*: ``True`` blanks up to eight cells per table (``BLANK`` or
      ``NOT_APPLICABLE``); or name the reasons, e.g. ``[Missing.UNREADABLE]``.
      The arithmetic rules skip relations with a missing cell, so such
      reports stay consistent except for ``cells.missing``.
    - *decimals*: amounts (万元) with up to four decimal places, else whole.
    - *negative_change*: 2019's 本年增/减 may be negative.
    - *with_prose*: ``False`` (no prose), ``True`` (realistic lines) or
      ``"odd"`` (up to 30 long lines of arbitrary safe characters, sections
      possibly empty); every line obeys :func:`is_safe_prose_line`.
    - *wild_text*: cells carry original text as real sources print it
      (``"１，２３４件"``, ``" +32 "``, ``"6229.95万元"``, ``"—"``) that
      parses to their value; otherwise their text is empty.
    - *single_other_handling*: 2021 reports may print （六）其他处理 as the one
      ``other_handling`` row, its three sub-rows then ``ABSENT``.
    - *absent_tables*: one report in five or so lacks one to three tables (``None``).
    """
    opts = _Options(
        consistent=consistent,
        missing=_missing_reasons(missing),
        decimals=decimals,
        negative_change=negative_change,
        wild_text=wild_text,
        single_other_handling=single_other_handling,
    )
    return _one_report(edition, opts, with_prose, absent_tables)


def _carried_forward(report: AnnualReport | None) -> dict[str, int] | None:
    """Last year's 结转下年度继续办理 per applicant column (this year's 上年结转)."""
    table = report.requests if report is not None else None
    if table is None:
        return None
    return {c: int(table.value("carried_forward", c) or 0) for c in REQUEST_PARTS}


def _same_edition(report: AnnualReport | None, edition: Edition, code: str) -> Table | None:
    """Last year's table *code* when it follows the same edition (table 2 changed in 2021)."""
    if report is None or report.edition is not edition:
        return None
    return report.table(code)


@st.composite
def report_series(
    draw: st.DrawFn,
    *,
    agency: str | None = None,
    min_size: int = 2,
    max_size: int = 5,
    first_year: int | None = None,
    decimals: bool = True,
    with_prose: ProseMode = False,
) -> list[AnnualReport]:
    """Consecutive years of one agency, each report consistent, in year order.

    This year's ``carried_over`` equals last year's ``carried_forward`` in
    every column (``series.carry_over``); from the second 2021-edition year
    on, ``in_force = last year's in_force + issued − repealed``
    (``series.in_force``); 2020's ``prev_items`` = 2019's ``prev_items +
    change`` (``series.items``).  The series may cross from edition 2019 to
    2021.  No cell is missing.
    """
    if not 1 <= min_size <= max_size:
        raise ValueError("need 1 <= min_size <= max_size")
    size = draw(st.integers(min_size, max_size))
    last_start = YEARS[Edition.E2021][1] - size + 1
    start = first_year if first_year is not None else draw(st.integers(YEARS[Edition.E2019][0], last_start))
    name = agency if agency is not None else draw(agencies())
    opts = _Options(True, (), decimals, True, False, False)
    series: list[AnnualReport] = []
    for year in range(start, start + size):
        ed = Edition.for_year(year)
        report = draw(
            _report(
                edition=ed,
                year=year,
                agency=name,
                opts=opts,
                with_prose=with_prose,
                absent_tables=False,
                previous=series[-1] if series else None,
            )
        )
        series.append(report)
    return series
