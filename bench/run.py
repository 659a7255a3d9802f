"""Run every benchmark and print one table of medians and ratios.

    python bench/run.py                    # everything, scaling over 10,000 generated reports
    python bench/run.py --quick            # fewer samples, scaling over 1,000 reports
    python bench/run.py --scaling 0        # micro-benchmarks only
    python bench/run.py --markdown out.md  # also write the tables as Markdown

The micro-benchmarks are every ``bench/bench_*.py`` module's ``cases()``
(see ``bench/_timing.py``).  All cases are sampled *interleaved* (one sample
of each in turn, repeated), so a subject and its baseline are measured in
the same run under the same load, and the ratios are quoted from medians.
Baselines whose optional dependencies are absent are listed as skipped.
The scaling run extracts a generated corpus at two sizes with 1 and with
all cores, each in a fresh process, and reports throughput and peak memory.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import scaling  # noqa: E402
from _timing import Case, Target, Timing, calibrate, sample  # noqa: E402


def discover(only: str | None) -> tuple[list[Case], list[Target]]:
    """The cases and targets of every ``bench_*.py`` module (a module that fails to import is reported)."""
    cases: list[Case] = []
    targets: list[Target] = []
    for path in sorted(BENCH.glob("bench_*.py")):
        try:
            module = importlib.import_module(path.stem)
            found = list(module.cases())
            wanted = list(module.targets()) if hasattr(module, "targets") else []
        except Exception as exc:
            print(f"warning: {path.name} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        cases.extend(c for c in found if only is None or only in c.name or only in c.group)
        targets.extend(wanted)
    names = [c.name for c in cases]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SystemExit(f"duplicate case names across bench modules: {', '.join(duplicates)}")
    return cases, targets


def measure(cases: Sequence[Case], rounds: int, min_sample: float) -> dict[str, Timing]:
    runnable = [c for c in cases if c.run is not None and c.skipped is None]
    timings: dict[str, Timing] = {}
    for case in runnable:
        assert case.run is not None
        timings[case.name] = Timing(case, loops=calibrate(case.run, min_sample))
    for _ in range(rounds):
        for case in runnable:
            assert case.run is not None
            timing = timings[case.name]
            timing.samples.append(sample(case.run, timing.loops))
    return timings


def human(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.0f} µs"


def machine() -> list[str]:
    """What the figures were measured on."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        total_kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {total_kb / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    import lxml.etree

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return [
        f"- CPU: {cpu}; {os.cpu_count()} logical cores{memory}",
        f"- {platform.system()} {platform.release()}, Python {platform.python_version()}, lxml "
        + ".".join(map(str, lxml.etree.LXML_VERSION)),
        f"- load average when the run started: {load}",
    ]


def micro_table(cases: Sequence[Case], timings: dict[str, Timing]) -> list[str]:
    lines = ["| group | case | median per call | spread (min–max) | note |", "| --- | --- | ---: | --- | --- |"]
    for case in cases:
        if case.name in timings:
            t = timings[case.name]
            spread = f"{human(min(t.samples) / case.items)}–{human(max(t.samples) / case.items)}"
            per = human(t.per_item) + (f" per {case.unit}" if case.items > 1 else "")
            lines.append(f"| {case.group} | `{case.name}` | {per} | {spread} | {case.note} |")
        else:
            lines.append(f"| {case.group} | `{case.name}` | skipped | | {case.skipped or 'not runnable'} |")
    return lines


def target_table(targets: Sequence[Target], timings: dict[str, Timing]) -> list[str]:
    lines = [
        "| subject | baseline | ratio (time) | speed-up | target | met |",
        "| --- | --- | ---: | ---: | --- | --- |",
    ]
    for t in targets:
        if t.subject not in timings or t.baseline not in timings:
            absent = t.baseline if t.baseline not in timings else t.subject
            lines.append(f"| `{t.subject}` | `{t.baseline}` | | | {t.text} | skipped (`{absent}` did not run) |")
            continue
        ratio = timings[t.subject].per_item / timings[t.baseline].per_item
        met = "yes" if ratio <= t.max_ratio else "**no**"
        lines.append(f"| `{t.subject}` | `{t.baseline}` | {ratio:.2f}× | {1 / ratio:.1f}× | {t.text} | {met} |")
    return lines


def corpus_for(n: int, root: Path) -> Path:
    """A generated corpus of *n* reports under *root*, reused when an earlier run made it."""
    corpus = root / f"corpus_{n}"
    marker = corpus / ".complete"
    if not marker.exists():
        started = time.perf_counter()
        counts = scaling.make_corpus(corpus, n)
        marker.write_text(repr(counts))
        took = time.perf_counter() - started
        print(f"generated {n} reports in {took:.0f} s: {counts}", file=sys.stderr)
    return corpus


def real_corpus_table(root: Path) -> list[str]:
    """``extract`` over the shared corpus and seeds: every real document, with 1 and all cores."""
    shared = BENCH.parents[1] / "shared"
    if not shared.is_dir():
        return [f"(skipped: no shared corpus at {shared})"]
    lines = [
        "| files | jobs | wall time | reports/s | cores used | ok | failed | peak RSS, parent |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for jobs in sorted({1, os.cpu_count() or 1}):
        r = scaling.extract_run([shared / "corpus", shared / "seeds"], jobs, root, "real")
        lines.append(
            f"| {r.files} | {r.jobs} | {r.seconds:.2f} s | {r.rate:.1f} | {r.cores_used:.2f} | {r.ok} | {r.failed} "
            f"| {r.parent_mb:.0f} MB |"
        )
    return lines


def scaling_tables(n: int, root: Path) -> list[str]:
    all_cores = os.cpu_count() or 1
    sizes = sorted({max(n // 10, 1), n})
    runs: list[scaling.Run] = []
    ceilings: dict[int, float] = {}  # run index → what busy loops gained right after it
    for size in sizes:
        corpus = corpus_for(size, root)
        for jobs in sorted({1, all_cores}):
            print(f"scaling: {size} files, {jobs} job(s)…", file=sys.stderr)
            runs.append(scaling.extract_run([corpus], jobs, root, corpus.name))
            if jobs > 1:
                ceilings[len(runs) - 1] = scaling.parallel_ceiling(jobs)
    lines = [
        "| files | jobs | wall time | reports/s | cores used | CPU per report | busy-loop ceiling | ok | failed "
        "| peak RSS, parent | peak RSS, largest worker |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for i, r in enumerate(runs):
        worker = f"{r.worker_mb:.0f} MB" if r.jobs > 1 else "(no workers)"
        ceiling = f"{ceilings[i]:.2f}×" if i in ceilings else ""
        lines.append(
            f"| {r.files:,} | {r.jobs} | {r.seconds:.1f} s | {r.rate:.0f} | {r.cores_used:.2f} "
            f"| {human(r.cpu / r.files)} | {ceiling} | {r.ok:,} | {r.failed:,} | {r.parent_mb:.0f} MB | {worker} |"
        )
    big = [r for r in runs if r.files == max(x.files for x in runs)]
    if len(big) == 2:
        lines += [
            "",
            f"Speed-up with {big[1].jobs} jobs over 1 job at {big[0].files:,} files: {big[1].rate / big[0].rate:.2f}×",
        ]
    per_format = big[0].per_format
    lines += [
        "",
        f"Mean time per file inside a worker (read + validate), by input format, {big[0].files:,}-file run with 1 job:",
        "",
        "| format | mean per file |",
        "| --- | ---: |",
    ]
    lines += [f"| {fmt} | {human(s)} |" for fmt, s in per_format.items()]
    lines += [
        "",
        "*cores used* is the CPU time of the parent and its workers divided by the wall time: on an idle",
        "machine a run with N jobs approaches N; less means the run waited for CPUs other processes held.",
        "*CPU per report* (all processes' CPU time / files) does not depend on that wait: equal figures at",
        "1 and N jobs mean the pool adds no work, so N idle cores give N times the throughput.",
        "*busy-loop ceiling*, measured right after the run: how much faster N pure-Python busy loops finish",
        "on N worker processes than one after another, the most any CPU-bound pool could gain at that moment.",
    ]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 rounds, short samples, 1,000-report scaling")
    parser.add_argument("--rounds", type=int, help="samples per case (default 9; 3 with --quick)")
    parser.add_argument("--scaling", type=int, metavar="N", help="largest generated corpus (default 10000; 0: skip)")
    parser.add_argument("--only", metavar="TEXT", help="only cases whose name or group contains TEXT")
    parser.add_argument("--no-micro", action="store_true", help="skip the micro-benchmarks (scaling only)")
    parser.add_argument("--work", metavar="DIR", help="where generated corpora are kept (default: a temp dir)")
    parser.add_argument("--markdown", metavar="FILE", help="also write the tables to FILE")
    args = parser.parse_args(argv)
    rounds = args.rounds or (3 if args.quick else 9)
    min_sample = 0.02 if args.quick else 0.1
    n = args.scaling if args.scaling is not None else (1000 if args.quick else 10_000)

    lines = ["## Machine", "", *machine(), ""]
    cases, targets = discover(args.only) if not args.no_micro else ([], [])
    started = time.perf_counter()
    timings = measure(cases, rounds, min_sample)
    if not args.no_micro:
        lines += [
            f"## Micro-benchmarks ({rounds} interleaved samples per case, {time.perf_counter() - started:.0f} s)",
            "",
            *micro_table(cases, timings),
            "",
            "## Targets (ratios of medians measured in the same run)",
            "",
            *target_table(targets, timings),
            "",
        ]
    print("\n".join(lines), flush=True)
    if n > 0:
        root = Path(args.work) if args.work else Path(tempfile.gettempdir()) / "govinfo_report_bench"
        root.mkdir(parents=True, exist_ok=True)
        scale = ["## `govinfo-report extract` over the real corpus (shared/corpus and shared/seeds)", ""]
        scale += [*real_corpus_table(root), ""]
        scale += [f"## Scaling: `govinfo-report extract` over generated corpora (up to {n:,} reports)", ""]
        scale += scaling_tables(n, root)
        print("\n".join(scale))
        lines += [*scale, ""]
    if args.markdown:
        Path(args.markdown).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
