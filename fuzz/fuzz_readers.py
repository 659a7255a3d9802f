"""Fuzz each reader: any exception other than ReportError, or a hang, is a crash.

Three commands (see fuzz/README.md):

    python fuzz/fuzz_readers.py seeds                     # write seed corpora to fuzz/corpus/<format>/
    python fuzz/fuzz_readers.py atheris html -- -max_total_time=1800 -timeout=20 fuzz/corpus/html
    python fuzz/fuzz_readers.py hypothesis html --seconds 1800

``atheris`` runs libFuzzer with coverage of govinfo_report's Python code
(install with ``pip install atheris``); zips (docx) are mutated inside their
entries by a custom mutator so that the damage reaches the XML.
``hypothesis`` needs nothing but the testing extra: it drives the same
damage strategies check_format uses (govinfo_report.testing.mutations) with
random bytes, for as long as asked, and saves every crashing input to
fuzz/crashes/<format>/.  Both print how many inputs were tried.

Not part of the test suite or CI: run it by hand for hours.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import os
import random
import sys
import time
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
#: Real files per format, as extra seeds (read-only fixtures beside the repo).
REAL_SEEDS = {
    "text": [SHARED / "seeds", SHARED / "corpus" / "text"],
    "html": [SHARED / "corpus" / "html"],
    "docx": [SHARED / "corpus" / "docx"],
    "json": [],
}
SUFFIXES = {"text": (".txt",), "html": (".html", ".htm"), "docx": (".docx",), "json": (".json",)}
MAX_INPUT = 2_000_000


def _corpus_dir(fmt: str) -> Path:
    return HERE / "corpus" / fmt


def _crash_dir(fmt: str) -> Path:
    path = HERE / "crashes" / fmt
    path.mkdir(parents=True, exist_ok=True)
    return path


def make_seeds(count: int) -> None:
    """Written files of generated reports for every format with a writer, plus real files."""
    for fmt in SUFFIXES:
        out = _corpus_dir(fmt)
        out.mkdir(parents=True, exist_ok=True)
        _write_seeds(fmt, out, count)
        for folder in REAL_SEEDS[fmt]:
            for path in sorted(folder.glob("*")) if folder.is_dir() else []:
                if path.suffix.lower() in SUFFIXES[fmt] and path.stat().st_size <= MAX_INPUT:
                    (out / ("real_" + path.name)).write_bytes(path.read_bytes())
        print(f"{fmt}: {len(list(out.iterdir()))} seeds in {out}")


def _write_seeds(fmt: str, out: Path, count: int) -> None:
    from hypothesis import HealthCheck, given, settings

    from govinfo_report.testing.strategies import reports

    written = reports(with_prose="odd", missing=True, wild_text=True, absent_tables=True).map(_writer_of(fmt))

    @settings(max_examples=count, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(written)
    def keep(data: bytes) -> None:
        (out / (hashlib.sha1(data).hexdigest()[:16] + SUFFIXES[fmt][0])).write_bytes(data)

    keep()


def _target(fmt: str) -> Callable[[bytes], None]:
    from govinfo_report import ReportError, registry

    reader = registry.reader(fmt)

    def one_input(data: bytes) -> None:
        with contextlib.suppress(ReportError):
            reader.read(data, source="<fuzz>")

    return one_input


# --- atheris -------------------------------------------------------------------------------------


def _zip_mutator(data: bytes, max_size: int, seed: int) -> bytes:
    """Mutate one entry of a zip (docx) and rezip; anything else byte-wise."""
    atheris = _atheris()
    rng = random.Random(seed)
    if data.startswith(b"PK") and rng.random() < 0.9:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                entries = [(i.filename, archive.read(i)) for i in archive.infolist()]
        except Exception:  # any broken zip: fall back to bytes
            entries = []
        if entries:
            index = rng.randrange(len(entries))
            name, content = entries[index]
            entries[index] = (name, atheris.Mutate(content, max(len(content) * 2, 64)))
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
                for entry_name, entry in entries:
                    archive.writestr(entry_name, entry)
            return out.getvalue()[:max_size] if rng.random() < 0.02 else out.getvalue()
    return bytes(atheris.Mutate(data, max_size))


def _atheris() -> Any:
    """The optional, untyped atheris module."""
    import atheris  # type: ignore

    return atheris


def run_atheris(fmt: str, libfuzzer_args: list[str]) -> None:
    atheris = _atheris()

    with atheris.instrument_imports(include=["govinfo_report"]):
        one_input = _target(fmt)
    # libFuzzer wants argv[0] then its flags and corpus directories.
    args = [sys.argv[0], f"-artifact_prefix={_crash_dir(fmt)}/", f"-max_len={MAX_INPUT}", *libfuzzer_args]
    kwargs = {"custom_mutator": _zip_mutator} if fmt == "docx" else {}
    atheris.Setup(args, one_input, **kwargs)
    atheris.Fuzz()


# --- hypothesis ------------------------------------------------------------------------------------


def run_hypothesis(fmt: str, seconds: float, per_input: float) -> int:
    """Random bytes drive report generation and damage; returns the number of crashes."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from govinfo_report import testing
    from govinfo_report.testing.mutations import mutated
    from govinfo_report.testing.strategies import reports

    testing.HANG_SECONDS = per_input
    seeds = [p.read_bytes() for p in sorted(_corpus_dir(fmt).glob("*"))] if _corpus_dir(fmt).is_dir() else []
    sources = [reports(with_prose="odd", missing=True, wild_text=True, absent_tables=True).map(_writer_of(fmt))]
    if seeds:
        sources.append(st.sampled_from(seeds))
    crashes: dict[str, Path] = {}
    tried = 0

    @settings(database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def damaged(data: st.DataObject) -> None:
        nonlocal tried
        good = data.draw(st.one_of(sources))
        bad = data.draw(mutated(good))
        tried += 1
        try:
            testing.check_reader_robust(fmt, bad)  # a report, or None after a ReportError
        except BaseException as exc:  # the bug: keep one input per distinct failure site
            if isinstance(exc, KeyboardInterrupt):
                raise
            site = _site(exc)
            if site not in crashes:
                path = _crash_dir(fmt) / f"crash-{hashlib.sha1(bad).hexdigest()[:16]}"
                path.write_bytes(bad)
                path.with_suffix(".txt").write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
                crashes[site] = path
                print(f"crash #{len(crashes)}: {type(exc).__name__} at {site} -> {path}", flush=True)

    one = damaged.hypothesis.fuzz_one_input  # type: ignore[attr-defined]
    rng = random.Random(int(os.environ.get("FUZZ_SEED", "0")) or None)
    start = last = time.monotonic()
    while time.monotonic() - start < seconds:
        one(rng.randbytes(rng.choice((256, 1024, 4096, 16384))))
        if time.monotonic() - last > 60:
            last = time.monotonic()
            print(f"{fmt}: {tried} inputs, {len(crashes)} distinct crashes, {last - start:.0f} s", flush=True)
    print(f"{fmt}: DONE {tried} inputs in {time.monotonic() - start:.0f} s, {len(crashes)} distinct crashes")
    return len(crashes)


def _writer_of(fmt: str) -> Callable[[object], bytes]:
    from govinfo_report import registry

    writer = registry.writer(fmt)

    def write(report: object) -> bytes:
        buffer = io.BytesIO()
        writer.write(report, buffer)  # type: ignore[arg-type]
        return buffer.getvalue()

    return write


def _site(exc: BaseException) -> str:
    """Where an exception was raised: its type and innermost frame (one crash file per site)."""
    frames = traceback.extract_tb(exc.__traceback__)
    last = frames[-1] if frames else None
    return f"{type(exc).__name__}:{last.filename}:{last.lineno}" if last else type(exc).__name__


def main(argv: list[str]) -> int:
    own, _, rest = _split_args(argv)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    seeds = sub.add_parser("seeds", help="write seed corpora")
    seeds.add_argument("--count", type=int, default=40)
    ath = sub.add_parser("atheris", help="coverage-guided fuzzing with libFuzzer")
    ath.add_argument("format", choices=sorted(SUFFIXES))
    hyp = sub.add_parser("hypothesis", help="damage-strategy fuzzing with Hypothesis")
    hyp.add_argument("format", choices=sorted(SUFFIXES))
    hyp.add_argument("--seconds", type=float, default=1800)
    hyp.add_argument("--per-input", type=float, default=30, help="seconds before an input counts as a hang")
    args = parser.parse_args(own)
    if args.command == "seeds":
        make_seeds(args.count)
        return 0
    if args.command == "atheris":
        run_atheris(args.format, rest)
        return 0
    return 1 if run_hypothesis(args.format, args.seconds, args.per_input) else 0


def _split_args(argv: list[str]) -> tuple[list[str], str, list[str]]:
    if "--" in argv:
        i = argv.index("--")
        return argv[:i], "--", argv[i + 1 :]
    return argv, "", []


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
