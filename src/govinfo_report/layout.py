"""The official layout of the report's three tables, in both editions.

This module is the single source of truth for the stable codes of
``shared/spec/report-format.md``: every table, row and column of each edition,
the official label of each, and the kind of value a cell holds.  Readers,
writers, rules and the docs all derive what they need from here.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

from attrs import field, frozen


class Edition(str, enum.Enum):
    """Which template the report follows."""

    E2019 = "2019"  #: 国办公开办函〔2019〕60号, reports of 2019 and 2020
    E2021 = "2021"  #: 国办公开办函〔2021〕30号, reports of 2021 onward

    def __str__(self) -> str:
        return self.value

    @classmethod
    def for_year(cls, year: int) -> Edition:
        """The edition the template prescribes for reports of *year*."""
        return cls.E2019 if year <= 2020 else cls.E2021


class ValueKind(enum.Enum):
    """What a cell holds once parsed."""

    COUNT = "count"  #: a non-negative integer
    SIGNED = "signed"  #: an integer that may be negative (本年增/减)
    AMOUNT = "amount"  #: a decimal amount in 万元


@frozen(cache_hash=True)  # specs key hot dictionaries in every reader
class ColumnSpec:
    """One column of a row: its stable code, official label and value kind."""

    code: str
    label: str
    kind: ValueKind = ValueKind.COUNT


@frozen(cache_hash=True)  # specs key hot dictionaries in every reader
class RowSpec:
    """One row of a table.

    ``label`` is the official wording; ``keys`` are normalised fragments that
    identify the row even when the label is cut, broken or merged with its
    group's label (matched by :mod:`govinfo_report.labels`).  ``optional``
    rows exist in the model only when the source prints them.
    """

    code: str
    label: str
    columns: tuple[ColumnSpec, ...]
    group: str = ""
    keys: tuple[str, ...] = ()
    optional: bool = False

    def column(self, code: str) -> ColumnSpec:
        for col in self.columns:
            if col.code == code:
                return col
        raise KeyError(code)


@frozen(cache_hash=True)  # specs key hot dictionaries in every reader
class TableSpec:
    """One of the report's three tables in one edition."""

    code: str
    title: str
    section: str
    rows: tuple[RowSpec, ...]
    _index: dict[str, RowSpec] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", {r.code: r for r in self.rows})

    def row(self, code: str) -> RowSpec:
        """The row with stable code *code* (``KeyError`` if the edition lacks it)."""
        return self._index[code]

    def has_row(self, code: str) -> bool:
        return code in self._index

    def cells(self, *, optional: bool = False) -> Iterator[tuple[RowSpec, ColumnSpec]]:
        """Every (row, column) of the table in reading order."""
        for row in self.rows:
            if row.optional and not optional:
                continue
            for col in row.columns:
                yield row, col


#: Table codes in the order the report prints them.
TABLE_CODES: tuple[str, ...] = ("active_disclosure", "requests", "review_litigation")

#: Section codes and official headings, in order (一 … 六).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("overview", "总体情况"),
    ("active_disclosure", "主动公开政府信息情况"),
    ("requests", "收到和处理政府信息公开申请情况"),
    ("review_litigation", "政府信息公开行政复议、行政诉讼情况"),
    ("problems", "存在的主要问题及改进情况"),
    ("other_matters", "其他需要报告的事项"),
)

#: The prose sections (those without a table).
PROSE_SECTIONS: tuple[str, ...] = ("overview", "problems", "other_matters")

_C = ColumnSpec
_COUNT, _SIGNED, _AMOUNT = ValueKind.COUNT, ValueKind.SIGNED, ValueKind.AMOUNT

# --- Table 2 ----------------------------------------------------------------

_MADE_2019 = (
    _C("made", "本年新制作数量"),
    _C("published", "本年新公开数量"),
    _C("total_public", "对外公开总数量"),
)
_ITEMS_2019 = (
    _C("prev_items", "上一年项目数量"),
    _C("change", "本年增/减", _SIGNED),
    _C("decisions", "处理决定数量"),
)
_G1, _G5, _G6, _G8, _G9 = (
    "第二十条第（一）项",
    "第二十条第（五）项",
    "第二十条第（六）项",
    "第二十条第（八）项",
    "第二十条第（九）项",
)
_AD_TITLE = "主动公开政府信息情况"

ACTIVE_DISCLOSURE_2019 = TableSpec(
    "active_disclosure",
    _AD_TITLE,
    "active_disclosure",
    (
        RowSpec("regulations", "规章", _MADE_2019, _G1, ("规章",)),
        RowSpec("normative_documents", "规范性文件", _MADE_2019, _G1, ("规范性文件",)),
        RowSpec("licensing", "行政许可", _ITEMS_2019, _G5, ("行政许可",)),
        RowSpec("other_services", "其他对外管理服务事项", _ITEMS_2019, _G5, ("其他对外管理服务",)),
        RowSpec("penalty", "行政处罚", _ITEMS_2019, _G6, ("行政处罚",)),
        RowSpec("coercion", "行政强制", _ITEMS_2019, _G6, ("行政强制",)),
        RowSpec("fees", "行政事业性收费", _ITEMS_2019[:2], _G8, ("行政事业性收费", "事业性收费")),
        RowSpec(
            "procurement",
            "政府集中采购",
            (_C("projects", "采购项目数量"), _C("amount", "采购总金额", _AMOUNT)),
            _G9,
            ("政府集中采购", "集中采购"),
        ),
    ),
)

_MADE_2021 = (
    _C("issued", "本年制发件数"),
    _C("repealed", "本年废止件数"),
    _C("in_force", "现行有效件数"),
)
_DECISIONS_2021 = (_C("decisions", "本年处理决定数量"),)

ACTIVE_DISCLOSURE_2021 = TableSpec(
    "active_disclosure",
    _AD_TITLE,
    "active_disclosure",
    (
        RowSpec("regulations", "规章", _MADE_2021, _G1, ("规章",)),
        RowSpec("normative_documents", "行政规范性文件", _MADE_2021, _G1, ("规范性文件",)),
        RowSpec("licensing", "行政许可", _DECISIONS_2021, _G5, ("行政许可",)),
        RowSpec("penalty", "行政处罚", _DECISIONS_2021, _G6, ("行政处罚",)),
        RowSpec("coercion", "行政强制", _DECISIONS_2021, _G6, ("行政强制",)),
        RowSpec(
            "fees",
            "行政事业性收费",
            (_C("amount", "本年收费金额（单位：万元）", _AMOUNT),),
            _G8,
            ("行政事业性收费", "事业性收费"),
        ),
    ),
)

# --- Table 3 ----------------------------------------------------------------

REQUEST_COLUMNS: tuple[ColumnSpec, ...] = (
    _C("natural_person", "自然人"),
    _C("commercial", "商业企业"),
    _C("research", "科研机构"),
    _C("social_welfare", "社会公益组织"),
    _C("legal_service", "法律服务机构"),
    _C("other_org", "其他"),
    _C("total", "总计"),
)

#: The six applicant columns whose sum is ``total``.
REQUEST_PARTS: tuple[str, ...] = tuple(c.code for c in REQUEST_COLUMNS[:-1])

_RESULT = "三、本年度办理结果"


def _req(code: str, label: str, group: str, *keys: str, optional: bool = False) -> RowSpec:
    return RowSpec(code, label, REQUEST_COLUMNS, group, keys, optional)


_REQ_HEAD = (
    _req("new_received", "一、本年新收政府信息公开申请数量", "", "本年新收"),
    _req("carried_over", "二、上年结转政府信息公开申请数量", "", "上年结转"),
    _req("granted", "（一）予以公开", _RESULT, "予以公开"),
    _req("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", _RESULT, "部分公开"),
    _req("denied_state_secret", "1.属于国家秘密", "（三）不予公开", "国家秘密"),
    _req(
        "denied_prohibited_by_law", "2.其他法律行政法规禁止公开", "（三）不予公开", "法规禁止", "禁止公开", "其他法律"
    ),
    _req("denied_security_stability", "3.危及“三安全一稳定”", "（三）不予公开", "三安全一稳定", "危及"),
    _req("denied_third_party", "4.保护第三方合法权益", "（三）不予公开", "第三方合法权益", "保护第三方"),
    _req("denied_internal_affairs", "5.属于三类内部事务信息", "（三）不予公开", "内部事务"),
    _req("denied_process_info", "6.属于四类过程性信息", "（三）不予公开", "过程性信息"),
    _req("denied_enforcement_files", "7.属于行政执法案卷", "（三）不予公开", "执法案卷"),
    _req("denied_query_matters", "8.属于行政查询事项", "（三）不予公开", "查询事项"),
    _req("unable_not_held", "1.本机关不掌握相关政府信息", "（四）无法提供", "不掌握"),
    _req("unable_needs_creation", "2.没有现成信息需要另行制作", "（四）无法提供", "另行制作", "没有现成"),
    _req("unable_unclear", "3.补正后申请内容仍不明确", "（四）无法提供", "仍不明确", "补正后"),
    _req("not_processed_petition", "1.信访举报投诉类申请", "（五）不予处理", "信访举报", "投诉类"),
    _req("not_processed_duplicate", "2.重复申请", "（五）不予处理", "重复申请"),
    _req("not_processed_publication", "3.要求提供公开出版物", "（五）不予处理", "出版物"),
    _req("not_processed_repetitive", "4.无正当理由大量反复申请", "（五）不予处理", "大量反复", "反复申请"),
    _req(
        "not_processed_confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        "（五）不予处理",
        "重新出具",
        "确认或重新",
    ),
)
_REQ_TAIL = (
    _req("total_processed", "（七）总计", _RESULT, "总计"),
    _req("carried_forward", "四、结转下年度继续办理", "", "结转下年", "继续办理"),
)

REQUESTS_2019 = TableSpec(
    "requests",
    "收到和处理政府信息公开申请情况",
    "requests",
    (*_REQ_HEAD, _req("other_handling", "（六）其他处理", _RESULT, "其他处理"), *_REQ_TAIL),
)
REQUESTS_2021 = TableSpec(
    "requests",
    "收到和处理政府信息公开申请情况",
    "requests",
    (
        *_REQ_HEAD,
        # Some 2021 reports still print (六) as one row: kept, never split.
        _req("other_handling", "（六）其他处理", _RESULT, "其他处理", optional=True),
        _req(
            "other_no_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "（六）其他处理",
            "逾期不补正",
            "不补正",
        ),
        _req(
            "other_fee_unpaid",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "（六）其他处理",
            "缴纳费用",
            "收费通知",
        ),
        _req("other_misc", "3.其他", "（六）其他处理", "其他"),
        *_REQ_TAIL,
    ),
)

#: Outcome rows whose sum is ``total_processed``, per edition.  For 2021 the
#: three sub-rows of (六) replace ``other_handling`` unless only that is printed.
OUTCOME_ROWS: dict[Edition, tuple[str, ...]] = {
    Edition.E2019: tuple(r.code for r in REQUESTS_2019.rows[2:-2]),
    Edition.E2021: tuple(r.code for r in REQUESTS_2021.rows[2:-2] if not r.optional),
}
OTHER_SUBROWS: tuple[str, ...] = ("other_no_correction", "other_fee_unpaid", "other_misc")

# --- Table 4 ----------------------------------------------------------------

REVIEW_COLUMNS: tuple[ColumnSpec, ...] = (
    _C("upheld", "结果维持"),
    _C("corrected", "结果纠正"),
    _C("other", "其他结果"),
    _C("pending", "尚未审结"),
    _C("total", "总计"),
)
REVIEW_PARTS: tuple[str, ...] = ("upheld", "corrected", "other", "pending")

REVIEW_LITIGATION = TableSpec(
    "review_litigation",
    "政府信息公开行政复议、行政诉讼情况",
    "review_litigation",
    (
        RowSpec("review", "行政复议", REVIEW_COLUMNS, "", ("行政复议",)),
        RowSpec("litigation_direct", "未经复议直接起诉", REVIEW_COLUMNS, "行政诉讼", ("直接起诉",)),
        RowSpec("litigation_after_review", "复议后起诉", REVIEW_COLUMNS, "行政诉讼", ("复议后起诉",)),
    ),
)

LAYOUTS: dict[Edition, dict[str, TableSpec]] = {
    Edition.E2019: {
        "active_disclosure": ACTIVE_DISCLOSURE_2019,
        "requests": REQUESTS_2019,
        "review_litigation": REVIEW_LITIGATION,
    },
    Edition.E2021: {
        "active_disclosure": ACTIVE_DISCLOSURE_2021,
        "requests": REQUESTS_2021,
        "review_litigation": REVIEW_LITIGATION,
    },
}


def table_spec(edition: Edition | str, table: str) -> TableSpec:
    """The layout of *table* (a table code) in *edition*."""
    try:
        return LAYOUTS[Edition(edition)][table]
    except (KeyError, ValueError):
        raise KeyError(f"no table {table!r} in edition {edition!r}") from None
