"""Scaling: ``govinfo-report extract`` over a generated corpus, at 1 and at all cores.

The corpus is made by our own strategies and writers: ``distinct`` reports
drawn (reproducibly) from :func:`govinfo_report.testing.strategies.reports`,
written in turn as text, HTML, docx and JSON until there are ``n`` files,
1,000 to a folder.  Each extraction runs in a fresh interpreter so that its
peak memory is its own: the parent's ``VmHWM`` (from ``/proc/self/status``,
so Linux only) and the largest worker's ``ru_maxrss``.  Running it at two
corpus sizes shows whether memory grows with the corpus (it must not:
results are streamed, never collected).
"""

from __future__ import annotations

import csv
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FORMATS: tuple[tuple[str, str], ...] = (("text", ".txt"), ("html", ".html"), ("docx", ".docx"), ("json", ".json"))

# Runs `govinfo-report extract` and reports its own wall time and peak memory as a last stderr line.
_MEASURED_RUN = """
import json, resource, sys, time
from govinfo_report.cli import main
start = time.perf_counter()
code = main(sys.argv[1:])
wall = time.perf_counter() - start
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec(), so it would show the benchmark's own peak.
with open("/proc/self/status") as status:
    parent = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
result = {"code": code, "wall": wall, "parent_kb": parent, "worker_kb": children.ru_maxrss, "cpu": cpu}
print(json.dumps(result), file=sys.stderr)
"""


@dataclass(frozen=True)
class Run:
    """One extraction over a corpus."""

    files: int
    jobs: int
    seconds: float
    ok: int
    failed: int
    parent_mb: float
    worker_mb: float
    #: CPU seconds used by the parent and its workers together.
    cpu: float
    #: Mean seconds per file inside a worker (read + validate), by input format.
    per_format: dict[str, float]

    @property
    def rate(self) -> float:
        return self.files / self.seconds

    @property
    def cores_used(self) -> float:
        """CPU seconds per wall second: how many cores the run actually got."""
        return self.cpu / self.seconds


def draw_reports(distinct: int, seed: int = 20240331) -> list[object]:
    """*distinct* reports from the strategies, the same ones on every run."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as fixed_seed

    from govinfo_report.testing.strategies import reports

    drawn: list[object] = []

    @fixed_seed(seed)
    @settings(
        max_examples=distinct,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(reports())
    def collect(report: object) -> None:
        drawn.append(report)

    collect()
    return drawn


def make_corpus(dest: Path, n: int, distinct: int = 200) -> dict[str, int]:
    """Write *n* report files under *dest*; returns how many of each format were written."""
    import govinfo_report as gr

    drawn = draw_reports(distinct)
    usable = []
    for fmt, suffix in FORMATS:  # a writer that is missing or fails is left out, and said so
        try:
            gr.write(drawn[0], _Sink(), format=fmt)  # type: ignore[arg-type]
        except Exception as exc:
            print(f"  scaling corpus: no {fmt} files ({type(exc).__name__}: {exc})", file=sys.stderr)
            continue
        usable.append((fmt, suffix))
    counts: dict[str, int] = defaultdict(int)
    for i in range(n):
        fmt, suffix = usable[i % len(usable)]
        folder = dest / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        gr.write(drawn[i % len(drawn)], folder / f"r{i:06d}{suffix}", format=fmt)  # type: ignore[arg-type]
        counts[fmt] += 1
    return dict(counts)


class _Sink:
    """A binary stream that forgets what it is given (to probe a writer)."""

    name = "probe"

    def write(self, data: bytes) -> int:
        return len(data)


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def parallel_ceiling(jobs: int, n: int = 3_000_000) -> float:
    """How much faster *jobs* busy loops finish on *jobs* worker processes than one after another.

    The most any CPU-bound pool can gain on this machine at this moment:
    *jobs* on an idle machine, less when other processes hold cores.
    """
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_spin, [1] * jobs))  # start the workers before timing
        started = time.perf_counter()
        for _ in range(jobs):
            _spin(n)
        serial = time.perf_counter() - started
        started = time.perf_counter()
        list(pool.map(_spin, [n] * jobs))
        parallel = time.perf_counter() - started
    return serial / parallel


def extract_run(inputs: Sequence[Path], jobs: int, work: Path, label: str) -> Run:
    """Run ``govinfo-report extract INPUTS --jobs jobs`` in a fresh interpreter and measure it."""
    out = work / f"out_{label}_{jobs}.csv"
    argv = ["extract", *map(str, inputs), "--out", str(out), "--jobs", str(jobs), "--no-progress"]
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _MEASURED_RUN, *argv], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    try:
        measured = json.loads(proc.stderr.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        raise RuntimeError(f"extract failed: {proc.stderr[-2000:]}") from None
    ok = failed = 0
    seconds: dict[str, list[float]] = defaultdict(list)
    with open(work / f"out_{label}_{jobs}.files.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["status"] == "ok":
                ok += 1
            else:
                failed += 1
            seconds[Path(row["file"]).suffix.lstrip(".")].append(float(row["seconds"]))
    for suffix in ("csv", "findings.csv", "files.csv"):
        (work / f"out_{label}_{jobs}.{suffix}").unlink(missing_ok=True)
    return Run(
        files=ok + failed,
        jobs=jobs,
        seconds=measured.get("wall", elapsed),
        ok=ok,
        failed=failed,
        parent_mb=measured["parent_kb"] / 1024,
        worker_mb=measured["worker_kb"] / 1024,
        cpu=measured["cpu"],
        per_format={k: statistics.mean(v) for k, v in sorted(seconds.items())},
    )
