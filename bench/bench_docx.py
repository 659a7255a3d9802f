"""docx reading speed against its baselines, on the corpus's Word files.

Cases (over the five corpus ``.docx``, all timed interleaved in one run):

- ``docx unzip+parse``: open the zip, inflate ``word/document.xml`` and
  ``lxml.etree.fromstring`` it, the floor any lxml-based reader pays (the baseline);
- ``docx govinfo read``: :meth:`DocxReader.read`, bytes to a full, interpreted report;
- ``docx govinfo parse``: :meth:`DocxReader.parse`, bytes to the neutral document;
- ``docx unzip+parse + visit``: the baseline, then every paragraph, text
  run, table, row and cell read once from Python (picked by a tag filter in
  C, so the formatting elements, five in six of the part's, are never
  Python objects), with no logic at all: the least a reader of the body
  pays, which puts the 1.5× target in context;
- ``docx unzip+parse + visit + model``: that, plus parsing every cell's
  text and making the report's cells, tables and report, every decision
  taken in advance (``bench/_model_floor.py``): the least a pure-Python
  reader returning this library's model pays;
- ``python-docx cells``: ``docx.Document`` of the same bytes and the text of
  every cell of every table (skipped when python-docx is absent), which gives
  cell texts only, no report.

Targets: reading a file into a report takes at most 1.5× the unzip and
parse alone, and is at least 4× faster than python-docx walking the cells.

Run standalone: ``python bench/bench_docx.py [--min-sample 0.2] [--rounds 7]``.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import Case, Target, optional, skipped

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "docx"
GROUP = "docx"
BASELINE = "docx unzip+parse"
READ = "docx govinfo read"
FLOOR_MODEL = "docx unzip+parse + visit + model"
PYTHON_DOCX = "python-docx cells"


def _files() -> list[Path]:
    return sorted(CORPUS.glob("*.docx"))


def _baseline_case(data: bytes, _name: str) -> Callable[[], object]:
    from lxml import etree

    def run() -> object:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return etree.fromstring(archive.read("word/document.xml"))

    return run


def _visit_case(data: bytes, _name: str) -> Callable[[], object]:
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    wanted = (w + "p", w + "t", w + "tbl", w + "tr", w + "tc")

    def run() -> int:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = etree.fromstring(archive.read("word/document.xml"))
        return sum(bool(element.text) for element in root.iter(*wanted))

    return run


def _model_floor_case(data: bytes, name: str) -> Callable[[], object]:
    from _model_floor import replay

    from govinfo_report.io.docx import DocxReader

    visit, rebuild = _visit_case(data, name), replay(DocxReader().read(data, source=name))

    def run() -> object:
        visit()
        return rebuild()

    return run


def _read_case(data: bytes, name: str) -> Callable[[], object]:
    from govinfo_report.io.docx import DocxReader

    reader = DocxReader()
    return lambda: reader.read(data, source=name)


def _parse_case(data: bytes, name: str) -> Callable[[], object]:
    from govinfo_report.io.docx import DocxReader

    reader = DocxReader()
    return lambda: reader.parse(data, source=name)


def _python_docx_case(data: bytes, _name: str) -> Callable[[], object]:
    import docx

    def run() -> object:
        document = docx.Document(io.BytesIO(data))
        return [cell.text for table in document.tables for row in table.rows for cell in row.cells]

    return run


def cases() -> list[Case]:
    files = [(p.name, p.read_bytes()) for p in _files()]
    if not files:
        return [skipped(BASELINE, GROUP, f"no corpus files in {CORPUS}")]

    def over_corpus(make: Callable[[bytes, str], Callable[[], object]]) -> Callable[[], object]:
        runs = [make(data, name) for name, data in files]

        def run() -> None:
            for one in runs:
                one()

        return run

    n = len(files)
    out = [
        Case(BASELINE, GROUP, over_corpus(_baseline_case), "file", n, note="baseline: zipfile + lxml"),
        Case(READ, GROUP, over_corpus(_read_case), "file", n, note="bytes → report"),
        Case("docx govinfo parse", GROUP, over_corpus(_parse_case), "file", n, note="bytes → document"),
        Case("docx unzip+parse + visit", GROUP, over_corpus(_visit_case), "file", n, note="no logic"),
        Case(FLOOR_MODEL, GROUP, over_corpus(_model_floor_case), "file", n, note="no logic, the report made"),
    ]
    missing = optional("docx")
    if missing:
        out.append(skipped(PYTHON_DOCX, GROUP, missing.replace("docx is", "python-docx is"), unit="file"))
    else:
        out.append(Case(PYTHON_DOCX, GROUP, over_corpus(_python_docx_case), "file", n, note="Document() + cells"))
    return out


def targets() -> list[Target]:
    return [
        Target(READ, BASELINE, 1.5, "≤ 1.5× unzip + lxml parse"),
        Target(READ, PYTHON_DOCX, 1 / 4, "≥ 4× faster than python-docx walking the cells"),
    ]


def main(argv: list[str] | None = None) -> int:
    """Time this module's cases interleaved and print them with the targets (tables as ``run.py`` prints them)."""
    import run  # the shared runner's measuring and table code

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--min-sample", type=float, default=0.2, help="seconds per sample (default 0.2)")
    parser.add_argument("--rounds", type=int, default=7, help="interleaved samples per case (default 7)")
    args = parser.parse_args(argv)
    all_cases = cases()
    timings = run.measure(all_cases, args.rounds, args.min_sample)
    print(f"{len(_files())} corpus files; median of {args.rounds} interleaved samples")
    print("\n".join(run.machine()))
    print("\n".join(run.micro_table(all_cases, timings)))
    print()
    print("\n".join(run.target_table(targets(), timings)))
    if BASELINE in timings and PYTHON_DOCX in timings:
        ratio = timings[PYTHON_DOCX].median / timings[BASELINE].median
        print(f"\npython-docx's own cost: {ratio:.1f}× the bare unzip + parse")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
