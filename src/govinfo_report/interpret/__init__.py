"""The one interpreter: a neutral :class:`~govinfo_report.document.Document` → an :class:`AnnualReport`.

Every structured reader (text, HTML, docx, third-party PDF) produces a
document of paragraphs and grids; this package is the only place that knows
how a 政府信息公开工作年度报告 is laid out:

- :mod:`.title` finds the title and the agency and year it names;
- :mod:`.sections` recognises the six section headings, splitting the prose
  into preamble, 总体情况, 存在的主要问题及改进情况 and 其他需要报告的事项;
- :mod:`.noise` drops site chrome and extraction debris from the prose;
- :mod:`.locate` finds the three tables among the grids and the edition from
  their labels;
- :mod:`.table_reader` identifies rows by their labels and reads their values.
"""

from __future__ import annotations

from attrs import frozen

from ..document import Document, Grid, Location
from ..errors import NotAReportError
from ..findings import Finding, reader_finding
from ..layout import PROSE_SECTIONS, TABLE_CODES, Edition, table_spec
from ..model import AnnualReport, Sections, Table
from ..radicals import radicals_finding, unify_counted
from .locate import PlacedGrid, assign_rows, detect_edition
from .noise import clean_line
from .sections import SECTION_ORDER, match_heading
from .table_reader import read_table
from .title import Title, find_title, year_from_prose

__all__ = ["interpret"]


@frozen
class _Line:
    """One cleaned line of prose and where it came from."""

    text: str
    location: Location


@frozen
class _Walk:
    """The document split at its section headings."""

    head: tuple[_Line, ...]  #: lines before the first heading (title, preamble)
    prose: dict[str, list[str]]  #: prose lines of each prose section
    grids: tuple[PlacedGrid, ...]
    headings: tuple[str, ...]  #: the sections whose heading was found
    edition_hint: Edition | None  #: what the wording of heading 四 suggests
    radicals: int  #: radical code points read as ideographs in the prose
    first_radical: Location | None  #: where the first of them was


def _walk(doc: Document) -> _Walk:
    head: list[_Line] = []
    prose: dict[str, list[str]] = {code: [] for code in PROSE_SECTIONS}
    grids: list[PlacedGrid] = []
    headings: list[str] = []
    current: str | None = None
    hint: Edition | None = None
    radicals = 0
    first_radical: Location | None = None
    for block in doc.blocks:
        if isinstance(block, Grid):
            grids.append(PlacedGrid(block, current))
            continue
        paragraph, replaced, _first = unify_counted(block.text)
        if replaced:
            radicals += replaced
            first_radical = first_radical or block.location
        for raw in paragraph.splitlines():
            text = clean_line(raw)
            if not text:
                continue
            heading = match_heading(text)
            if heading is not None and (
                current is None or SECTION_ORDER.index(heading.section) > SECTION_ORDER.index(current)
            ):
                current = heading.section
                headings.append(current)
                hint = heading.edition_hint or hint
                text = heading.rest
                if not text:
                    continue
            if current is None:
                head.append(_Line(text, block.location))
            elif current in prose:
                prose[current].append(text)
    return _Walk(tuple(head), prose, tuple(grids), tuple(headings), hint, radicals, first_radical)


def _preamble(head: tuple[_Line, ...], title: Title | None) -> list[str]:
    """The lines between the title (and any repetition of it) and the first heading."""
    texts = [line.text for line in head]
    if title is None:
        return texts
    rest = texts[max(title.lines) + 1 :]
    # Web pages repeat the title (split over lines) after the page chrome: drop that repetition.
    joined = ""
    for i, text in enumerate(rest[:4]):
        joined += text
        if joined.replace(" ", "") == title.text:
            return rest[i + 1 :]
        if not title.text.startswith(joined.replace(" ", "")):
            break
    return rest


def _finding(rule: str, message: str, message_zh: str, source: str | None) -> Finding:
    return reader_finding(rule, message, message_zh, source=source)


def interpret(doc: Document) -> AnnualReport:
    """The report *doc* holds.

    Raises :class:`~govinfo_report.NotAReportError` when the document has
    neither any of the report's tables nor any of its section headings.
    A table the document lacks is ``None``; everything the interpreter had
    to guess or leave out is recorded in the report's ``findings``.
    """
    source = doc.source
    walk = _walk(doc)
    findings: list[Finding] = list(doc.findings)
    if walk.radicals:
        findings.append(radicals_finding(walk.radicals, source, walk.first_radical))
    title = find_title([line.text for line in walk.head])
    preamble = _preamble(walk.head, title)
    year = title.year if title is not None else None
    if year is None:
        year = year_from_prose(preamble + walk.prose["overview"])
    if title is None:
        findings.append(
            _finding(
                "reader.title_not_found",
                "no title naming the agency and year (…年政府信息公开工作年度报告) was found before the first heading",
                "未找到报告标题（机关名称＋年度＋政府信息公开工作年度报告）",
                source,
            )
        )

    assigned = assign_rows(walk.grids)
    edition = detect_edition(row for rows in assigned.values() for row in rows.rows)
    if edition is None:
        if walk.edition_hint is not None:
            edition, basis, basis_zh = walk.edition_hint, "the wording of heading 四", "第四部分标题的措辞"
        else:
            edition = Edition.for_year(year) if year is not None else Edition.E2019
            basis, basis_zh = "the year", "年度"
        if assigned:
            findings.append(
                _finding(
                    "reader.edition_guessed",
                    f"the tables print no label only one edition uses; edition {edition} assumed from {basis}",
                    f"表格中没有可区分版本的栏目，按{basis_zh}推定为{edition}年版格式",
                    source,
                )
            )
    tables: dict[str, Table | None] = {}
    for code in TABLE_CODES:
        found = assigned.get(code)
        if found is None:
            tables[code] = None
            continue
        result = read_table(code, edition, found.rows, source)
        tables[code] = result.table
        findings.extend(result.findings)

    if not walk.headings and all(t is None for t in tables.values()):
        raise NotAReportError(
            "no annual report found: none of its tables (主动公开政府信息情况, 收到和处理政府信息公开申请情况, "
            "行政复议、行政诉讼情况) and none of its section headings (一、总体情况 … 六、其他需要报告的事项)",
            where=source,
        )
    for code in TABLE_CODES:
        if code not in assigned:
            findings.append(
                _finding(
                    "reader.table_not_found",
                    f"the document has no {code} table",
                    f"文档中没有“{table_spec(edition, code).title}”表格",
                    source,
                )
            )
    return AnnualReport(
        edition=edition,
        year=year,
        agency=title.agency if title is not None else "",
        title=title.text if title is not None else "",
        sections=Sections(
            preamble="\n".join(preamble),
            overview="\n".join(walk.prose["overview"]),
            problems="\n".join(walk.prose["problems"]),
            other_matters="\n".join(walk.prose["other_matters"]),
        ),
        active_disclosure=tables["active_disclosure"],
        requests=tables["requests"],
        review_litigation=tables["review_litigation"],
        source=source,
        findings=tuple(findings),
    )
