"""HTML reading speed against its baselines, on the corpus pages.

Cases (per corpus page, all timed interleaved in one run):

- ``lxml parse``: ``lxml.html.document_fromstring`` of the page's bytes, the
  floor any lxml-based reader pays (the baseline);
- ``govinfo read``: :meth:`HtmlReader.read`, bytes to a full, interpreted report;
- ``govinfo parse``: :meth:`HtmlReader.parse`, bytes to the neutral document;
- ``lxml parse + visit``: the parse, then every element's tag, text and tail
  read once from Python, with no logic at all: the least any reader that
  walks the tree in Python pays, which puts the 1.5× target in context;
- ``lxml parse + visit + model``: that, plus parsing every cell's text and
  making the report's cells, tables and report, every decision taken in
  advance (``bench/_model_floor.py``): the least a pure-Python reader
  returning this library's model pays;
- ``pandas.read_html``: pandas' table extraction of the same page (skipped
  when pandas is absent), which gives tables only, no report.

Targets: reading a page into a report takes at most 1.5× the bare parse,
and is at least 3× faster than ``pandas.read_html``.

Run standalone: ``python bench/bench_html.py [--min-sample 0.2] [--rounds 7]``.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import Case, Target, Timing, calibrate, optional, sample, skipped

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html"
GROUP = "html"
FLOOR_MODEL = "lxml parse + visit + model"


def _pages() -> list[Path]:
    return sorted(CORPUS.glob("*.html"))


def _lxml_case(data: bytes) -> Callable[[], object]:
    from lxml import html as lxml_html

    return lambda: lxml_html.document_fromstring(data)


def _visit_case(data: bytes) -> Callable[[], object]:
    from lxml import etree

    def run() -> int:
        # lxml.etree's parser, as the reader uses: its elements need no per-node class lookup.
        seen = 0
        for element in etree.fromstring(data, etree.HTMLParser(no_network=True)).iter():
            seen += bool(element.tag) + bool(element.text) + bool(element.tail)
        return seen

    return run


def _model_floor_case(data: bytes, name: str) -> Callable[[], object]:
    from _model_floor import replay

    from govinfo_report.io.html import HtmlReader

    visit, rebuild = _visit_case(data), replay(HtmlReader().read(data, source=name))

    def run() -> object:
        visit()
        return rebuild()

    return run


def _read_case(data: bytes, name: str) -> Callable[[], object]:
    from govinfo_report.io.html import HtmlReader

    reader = HtmlReader()
    return lambda: reader.read(data, source=name)


def _parse_case(data: bytes, name: str) -> Callable[[], object]:
    from govinfo_report.io.html import HtmlReader

    reader = HtmlReader()
    return lambda: reader.parse(data, source=name)


def _pandas_case(data: bytes) -> Callable[[], object]:
    import pandas

    return lambda: pandas.read_html(io.BytesIO(data), flavor="lxml")


def cases() -> list[Case]:
    pages = [(p.name, p.read_bytes()) for p in _pages()]
    if not pages:
        return [skipped("lxml parse", GROUP, f"no corpus pages in {CORPUS}")]

    def over_corpus(make: Callable[[bytes, str], Callable[[], object]]) -> Callable[[], object]:
        runs = [make(data, name) for name, data in pages]

        def run() -> None:
            for one in runs:
                one()

        return run

    n = len(pages)
    out = [
        Case("lxml parse", GROUP, over_corpus(lambda d, _n: _lxml_case(d)), "page", n, note="baseline"),
        Case("govinfo read", GROUP, over_corpus(_read_case), "page", n, note="bytes → report"),
        Case("govinfo parse", GROUP, over_corpus(_parse_case), "page", n, note="bytes → document"),
        Case("lxml parse + visit", GROUP, over_corpus(lambda d, _n: _visit_case(d)), "page", n, note="no logic"),
        Case(FLOOR_MODEL, GROUP, over_corpus(_model_floor_case), "page", n, note="no logic, the report made"),
    ]
    missing = optional("pandas")
    if missing:
        out.append(skipped("pandas.read_html", GROUP, missing, unit="page"))
    else:
        out.append(Case("pandas.read_html", GROUP, over_corpus(lambda d, _n: _pandas_case(d)), "page", n))
    return out


def targets() -> list[Target]:
    return [
        Target("govinfo read", "lxml parse", 1.5, "≤ 1.5× the bare lxml parse"),
        Target("govinfo read", "pandas.read_html", 1 / 3, "≥ 3× faster than pandas.read_html"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--min-sample", type=float, default=0.2, help="seconds per sample (default 0.2)")
    parser.add_argument("--rounds", type=int, default=7, help="interleaved samples per case (default 7)")
    args = parser.parse_args(argv)
    runnable = [c for c in cases() if c.run is not None]
    for case in cases():
        if case.skipped:
            print(f"skipped {case.name}: {case.skipped}")
    timings = {c.name: Timing(c, loops=calibrate(c.run, args.min_sample)) for c in runnable if c.run}
    for _ in range(args.rounds):  # interleaved: every case sees the same machine load
        for t in timings.values():
            assert t.case.run is not None
            t.samples.append(sample(t.case.run, t.loops))
    print(f"{len(_pages())} corpus pages; median of {args.rounds} samples")
    for name, t in timings.items():
        spread = statistics.pstdev(t.samples) / t.median if len(t.samples) > 1 else 0.0
        print(f"  {name:<18} {t.per_item * 1000:8.3f} ms/{t.case.unit}  (±{spread:.0%})  {t.case.note}")
    for target in targets():
        if target.subject in timings and target.baseline in timings:
            ratio = timings[target.subject].median / timings[target.baseline].median
            verdict = "met" if ratio <= target.max_ratio else "NOT met"
            print(f"  {target.subject} / {target.baseline} = {ratio:.2f}  ({target.text}: {verdict})")
        else:
            print(f"  {target.text}: baseline not available")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
