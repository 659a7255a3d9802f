"""The JSON form of the spec: one object, tables keyed by stable codes.

Beyond the spec's keys, the writer adds ``preamble``, ``missing`` (why each
missing cell is missing, so a round trip keeps blank and not-applicable
apart), ``provenance`` (each cell's original text and location), ``source``
and ``findings``.  The reader accepts JSON without those keys (a missing cell
is then blank).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, BinaryIO, ClassVar

import attrs

from ..document import Location
from ..errors import NotAReportError, ReadError
from ..findings import CellRef, Finding, Severity
from ..layout import TABLE_CODES, Edition, ValueKind, table_spec
from ..model import AnnualReport, Cell, Missing, Sections, Table
from ..plugins import Reader, Writer
from ..values import format_value

_PROSE = ("overview", "problems", "other_matters")


def _cell_json(cell: Cell, kind: ValueKind) -> int | str | None:
    if cell.value is None:
        return None
    if kind is ValueKind.AMOUNT:
        return format_value(cell.value)
    return int(cell.value)


def report_to_json(report: AnnualReport, *, provenance: bool = True) -> dict[str, Any]:
    """The JSON object of *report* (see the module docstring for the extra keys)."""
    out: dict[str, Any] = {
        "edition": report.edition.value,
        "year": report.year,
        "agency": report.agency,
        "title": report.title,
        "sections": {k: getattr(report.sections, k) for k in _PROSE},
        "preamble": report.sections.preamble,
    }
    missing: dict[str, dict[str, dict[str, str]]] = {}
    prov: dict[str, dict[str, dict[str, Any]]] = {}
    for code in TABLE_CODES:
        table = report.table(code)
        if table is None:
            out[code] = None
            continue
        rows: dict[str, dict[str, Any]] = {}
        spec = table.spec
        for (r, c), cell in table.cells.items():
            rows.setdefault(r, {})[c] = _cell_json(cell, spec.row(r).column(c).kind)
            if cell.missing is not None and cell.missing is not Missing.BLANK:
                missing.setdefault(code, {}).setdefault(r, {})[c] = cell.missing.value
            if provenance and (cell.text or cell.location):
                entry: dict[str, Any] = {"text": cell.text}
                if cell.location is not None:
                    entry["location"] = cell.location.to_dict()
                prov.setdefault(code, {}).setdefault(r, {})[c] = entry
        out[code] = rows
    out["missing"] = missing
    if provenance:
        out["provenance"] = prov
        out["source"] = report.source
        out["findings"] = [f.to_dict() for f in report.findings]
    return out


class _Fail(Exception):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")


def _str(obj: Any, path: str) -> str:
    if obj is None:
        return ""
    if not isinstance(obj, str):
        raise _Fail(path, f"expected a string, got {type(obj).__name__}")
    return obj


def _value(raw: Any, kind: ValueKind, path: str) -> int | Decimal:
    if kind is ValueKind.AMOUNT:
        if isinstance(raw, bool) or not isinstance(raw, (str, int)):
            raise _Fail(path, f"expected a decimal string, got {raw!r}")
        try:
            amount = Decimal(str(raw))
        except ArithmeticError:
            raise _Fail(path, f"not a decimal: {raw!r}") from None
        # NaN, infinities and exponents such as 1e999999999 (which a writer
        # would print as a billion digits) are not amounts in 万元.
        if not amount.is_finite() or abs(amount.adjusted()) > 30:
            raise _Fail(path, f"not a plausible amount: {raw!r}")
        return amount
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise _Fail(path, f"expected an integer, got {raw!r}")
    return raw


def _dig(obj: Any, *keys: str) -> Any:
    """``obj[k1][k2]…``, or ``None`` where a level is absent or not an object (untrusted JSON)."""
    for key in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def _location(obj: Any) -> Location | None:
    if not isinstance(obj, dict):
        return None
    fields = set(Location._fields)
    try:
        return Location(**{k: v for k, v in obj.items() if k in fields})
    except TypeError:
        return None


def _table(code: str, edition: Edition, obj: Any, missing: Any, prov: Any) -> Table:
    if not isinstance(obj, dict):
        raise _Fail(code, f"expected an object or null, got {type(obj).__name__}")
    spec = table_spec(edition, code)
    cells: dict[tuple[str, str], Cell] = {}
    for row_code, row in obj.items():
        if not spec.has_row(row_code):
            raise _Fail(f"{code}.{row_code}", f"no such row in edition {edition}")
        if not isinstance(row, dict):
            raise _Fail(f"{code}.{row_code}", "expected an object")
        row_spec = spec.row(row_code)
        for col_code, raw in row.items():
            path = f"{code}.{row_code}.{col_code}"
            try:
                kind = row_spec.column(col_code).kind
            except KeyError:
                raise _Fail(path, f"no such column in edition {edition}") from None
            p = _dig(prov, code, row_code, col_code) or {}
            text = p.get("text", "") if isinstance(p, dict) else ""
            loc = _location(p.get("location")) if isinstance(p, dict) else None
            if raw is None:
                why = _dig(missing, code, row_code, col_code)
                why = "blank" if why is None else why
                try:
                    reason = Missing(why)
                except ValueError:
                    raise _Fail(path, f"unknown reason for a missing cell: {why!r}") from None
                cells[(row_code, col_code)] = Cell(missing=reason, text=_str(text, path), location=loc)
            else:
                cells[(row_code, col_code)] = Cell(_value(raw, kind, path), text=_str(text, path), location=loc)
    return Table.build(code, edition, cells, fill=Missing.BLANK)


def _finding(obj: Any) -> Finding | None:
    if not isinstance(obj, dict):
        return None
    try:
        return Finding(
            rule=str(obj["rule"]),
            severity=Severity(obj["severity"]),
            message=str(obj.get("message", "")),
            message_zh=str(obj.get("message_zh", "")),
            cells=tuple(CellRef.parse(c) for c in obj.get("cells", [])),
            suggestion=obj.get("suggestion"),
            source=obj.get("source"),
        )
    except (KeyError, ValueError, TypeError, AttributeError):
        return None


def report_from_json(obj: Any) -> AnnualReport:
    """The report of a JSON object; raises :class:`ReadError` saying which key is wrong."""
    if not isinstance(obj, dict) or "edition" not in obj:
        raise NotAReportError("JSON holds no report object (an object with an 'edition' key)")
    try:
        try:
            edition = Edition(str(obj["edition"]))
        except ValueError:
            raise _Fail("edition", f"must be '2019' or '2021', got {obj['edition']!r}") from None
        year = obj.get("year")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            raise _Fail("year", f"expected an integer or null, got {year!r}")
        sections_obj = obj.get("sections") or {}
        if not isinstance(sections_obj, dict):
            raise _Fail("sections", "expected an object")
        sections = Sections(
            preamble=_str(obj.get("preamble"), "preamble"),
            **{k: _str(sections_obj.get(k), f"sections.{k}") for k in _PROSE},
        )
        tables: dict[str, Table | None] = {}
        for code in TABLE_CODES:
            raw = obj.get(code)
            tables[code] = (
                None if raw is None else _table(code, edition, raw, obj.get("missing"), obj.get("provenance"))
            )
        raw_findings = obj.get("findings")
        listed = raw_findings if isinstance(raw_findings, list) else []
        findings = tuple(f for f in map(_finding, listed) if f is not None)
        return AnnualReport(
            edition=edition,
            year=year,
            agency=_str(obj.get("agency"), "agency"),
            title=_str(obj.get("title"), "title"),
            sections=sections,
            source=obj.get("source") if isinstance(obj.get("source"), str) else None,
            findings=findings,
            **tables,
        )
    except _Fail as exc:
        raise ReadError(f"invalid report JSON at {exc}") from None
    except KeyError as exc:
        raise ReadError(f"invalid report JSON: {exc.args[0]}") from None


class JsonReader(Reader):
    """Reads the spec's JSON form (UTF-8, with or without BOM)."""

    name: ClassVar[str] = "json"
    suffixes: ClassVar[tuple[str, ...]] = (".json",)

    def sniff(self, head: bytes) -> int:
        return 60 if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") else 0

    def read(self, data: bytes, *, source: str | None = None) -> AnnualReport:
        try:
            obj = json.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise ReadError(f"JSON is not UTF-8 (byte {exc.start})", where=source) from None
        except json.JSONDecodeError as exc:
            raise ReadError(
                f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}", where=source
            ) from None
        except RecursionError:
            raise ReadError("JSON nested too deeply", where=source) from None
        report = report_from_json(obj)
        return report if report.source or source is None else attrs.evolve(report, source=source)


class JsonWriter(Writer):
    """Writes the spec's JSON form.  Option ``provenance=False`` leaves out texts, locations and findings."""

    name: ClassVar[str] = "json"
    suffixes: ClassVar[tuple[str, ...]] = (".json",)

    def write(
        self,
        report: AnnualReport,
        stream: BinaryIO,
        *,
        provenance: bool = True,
        indent: int | None = 2,
        **options: Any,
    ) -> None:
        if options:
            raise TypeError(f"unknown JSON option(s): {', '.join(sorted(options))}")
        obj = report_to_json(report, provenance=provenance)
        stream.write(json.dumps(obj, ensure_ascii=False, indent=indent).encode("utf-8"))
        stream.write(b"\n")
