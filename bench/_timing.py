"""What every benchmark module exposes, and how ``bench/run.py`` times it.

A benchmark module (``bench/bench_*.py``) defines::

    def cases() -> list[Case]: ...       # things to time
    def targets() -> list[Target]: ...   # optional: ratios to report against a bound

``run.py`` imports every ``bench_*.py``, times all cases *interleaved* (one
sample of each case in turn, repeated), so that a subject and its baseline
see the same machine load, and prints medians and the targets' ratios.
A case whose optional dependency is absent is a ``Case`` with ``skipped``
set to the reason; it is listed as skipped, never timed.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Case", "Target", "Timing", "calibrate", "optional", "sample", "skipped"]


@dataclass(frozen=True)
class Case:
    """One thing to time.

    *run* does the work once (e.g. reads one report); *items* says how many
    *unit*s one call processes, so that a per-unit time can be quoted.
    *group* is the heading the case is listed under in the table.
    """

    name: str
    group: str
    run: Callable[[], object] | None
    unit: str = "report"
    items: int = 1
    skipped: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Target:
    """A ratio ``median(subject) / median(baseline)`` and the bound it should meet.

    ``max_ratio`` is the largest acceptable ratio: ``1.5`` for "at most 1.5×
    the baseline's time", ``0.25`` for "at least 4× faster than the baseline".
    """

    subject: str
    baseline: str
    max_ratio: float
    text: str  # the bound as people say it: "≤ 1.5×", "≥ 4× faster"


@dataclass
class Timing:
    """The samples of one case: seconds per call."""

    case: Case
    loops: int = 1
    samples: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def per_item(self) -> float:
        return self.median / self.case.items


def skipped(name: str, group: str, reason: str, *, unit: str = "report") -> Case:
    """A case that cannot run here (an optional baseline is not installed)."""
    return Case(name=name, group=group, run=None, unit=unit, skipped=reason)


def optional(module: str) -> str | None:
    """``None`` when *module* imports, else the reason to skip cases needing it."""
    import importlib

    try:
        importlib.import_module(module)
    except ImportError:
        return f"{module} is not installed (pip install 'govinfo-report[bench]')"
    return None


def calibrate(run: Callable[[], object], min_sample: float) -> int:
    """How many calls make one sample last at least *min_sample* seconds."""
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            run()
        elapsed = time.perf_counter() - start
        if elapsed >= min_sample or loops >= 1_000_000:
            return loops
        # Aim a little above the minimum so one more round is rarely needed.
        loops = max(loops * 2, int(loops * 1.2 * min_sample / max(elapsed, 1e-9)))


def sample(run: Callable[[], object], loops: int) -> float:
    """Seconds per call, over *loops* calls."""
    start = time.perf_counter()
    for _ in range(loops):
        run()
    return (time.perf_counter() - start) / loops
