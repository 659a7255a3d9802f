"""Text read per layout, JSON read, validate, and write per format, on real reports.

The inputs are the shared corpus's real reports (``shared/seeds`` and
``shared/corpus/text``, and ``tests/data`` for the LibreOffice text export),
one case per text layout the text reader knows.
A case whose reader or writer is not installed, or fails on its input, is
listed as skipped with the reason rather than stopping the run.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from _timing import Case

import govinfo_report as gr
from govinfo_report import registry

SHARED = Path(__file__).resolve().parents[2] / "shared"
#: Fixtures made from the corpus for layouts it has no file in (tests/data/README.md says how).
TEST_DATA = Path(__file__).resolve().parents[1] / "tests" / "data"

#: The text layouts (see shared/corpus/README.md), one real report each.
TEXT_LAYOUTS: dict[str, tuple[Path, str]] = {
    "text.tabbed": (SHARED / "seeds/002_69b0cb0c6d86b3bd.txt", "tab-indented cells (Word text export), 22 KB"),
    "text.piped": (SHARED / "seeds/003_c04978ea7ee6ff4b.txt", "pipe-separated rows (web page text), 12 KB"),
    "text.gb18030": (SHARED / "corpus/text/002_69b0cb0c6d86b3bd.gb18030.txt", "seed 002 in GB18030, no declaration"),
    "text.flattened": (SHARED / "corpus/text/flattened_pingtan_2022.txt", "crawler text, cells run together, 11 KB"),
    "text.pdftotext": (SHARED / "corpus/text/pdftotext_huaian_shi_2024.txt", "pdftotext -layout, 11 KB"),
    "text.cell_lines": (TEST_DATA / "soffice_txt_003.txt", "LibreOffice text export, a cell per line, 12 KB"),
}

#: The report that validate and the writers are timed on (seed 002, 济宁市兖州区 2020: every table filled).
REFERENCE = "seeds/002_69b0cb0c6d86b3bd.txt"


def _working(name: str, group: str, run: Callable[[], object], note: str = "") -> Case:
    """*run* as a case, or a skipped case saying why it failed once."""
    try:
        run()
    except Exception as exc:
        return Case(name, group, None, skipped=f"fails: {type(exc).__name__}: {exc}"[:160])
    return Case(name, group, run, note=note)


def _read(data: bytes, fmt: str) -> Callable[[], object]:
    return lambda: gr.read(data, format=fmt)


def _parse(data: bytes) -> Callable[[], object]:
    reader = registry.reader("text")
    parse = getattr(reader, "parse", None)
    if parse is None:
        raise TypeError("the text reader has no parse()")
    return lambda: parse(data, source=None)


def reference_report() -> gr.AnnualReport | None:
    """Seed 002 as read by the text reader (``None`` when it cannot be read here)."""
    try:
        return gr.read(SHARED / REFERENCE, format="text")
    except Exception:
        return None


def _write(report: gr.AnnualReport, fmt: str) -> Callable[[], object]:
    return lambda: gr.write(report, io.BytesIO(), format=fmt)


def cases() -> list[Case]:
    out: list[Case] = []
    for name, (path, note) in TEXT_LAYOUTS.items():
        out.append(_working(name, "text read (per layout)", _read(path.read_bytes(), "text"), note))
    # Where a text read's time goes: the layout's parse into the neutral document, the rest is interpretation.
    tabbed = TEXT_LAYOUTS["text.tabbed"][0].read_bytes()
    out.append(_working("text.tabbed.parse", "text read (per layout)", _parse(tabbed), "text.tabbed, parse only"))

    report = reference_report()
    if report is None:
        reason = f"the text reader cannot read {REFERENCE}"
        out.append(Case("json.read", "json read", None, skipped=reason))
        out.append(Case("validate", "validate", None, skipped=reason))
        return out

    buffer = io.BytesIO()
    gr.write(report, buffer, format="json")
    out.append(_working("json.read", "json read", _read(buffer.getvalue(), "json"), "seed 002 as JSON"))
    rules = sum(rule.scope == "report" for rule in registry.rules())
    note = f"the {rules} installed single-report rules, seed 002"
    out.append(_working("validate", "validate", lambda: gr.validate(report), note))
    for fmt in registry.writer_names():
        out.append(_working(f"write.{fmt}", "write (per format)", _write(report, fmt), "seed 002, to memory"))
    return out
