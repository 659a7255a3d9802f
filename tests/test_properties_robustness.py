"""Damaged copies of the real corpus files: every reader returns a report or raises ReportError, nothing else.

The round-trip suite (test_properties_formats) damages files our own writers
wrote; these are the files publishers and crawlers made (LibreOffice docx and
HTML, re-encoded text, crawler text), damaged by the same strategies:
bytes flipped, cut, tags dropped, zip entries truncated or altered.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report.testing import check_reader_robust
from govinfo_report.testing.mutations import mutated

EXAMPLES = int(os.environ.get("GOVINFO_REPORT_CORPUS_MUTATIONS", "100"))

#: Real files per reader, relative to shared/ (see shared/corpus/README.md).
REAL_FILES = {
    "docx": ("corpus/docx", "*.docx"),
    "html": ("corpus/html", "*.html"),
    "text": ("corpus/text", "*.txt"),
}


def _files(shared: Path, fmt: str) -> list[bytes]:
    folder, pattern = REAL_FILES[fmt]
    paths = sorted((shared / folder).glob(pattern))
    if not paths:
        pytest.fail(f"no {pattern} in {shared / folder}")
    return [p.read_bytes() for p in paths]


@pytest.mark.parametrize("fmt", sorted(REAL_FILES))
def test_reader_survives_damaged_real_files(fmt: str, shared_dir: Path) -> None:
    originals = _files(shared_dir, fmt)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )
    @given(st.sampled_from(originals).flatmap(mutated))
    def damaged(data: bytes) -> None:
        check_reader_robust(fmt, data)

    damaged()


@pytest.mark.parametrize("fmt", sorted(REAL_FILES))
def test_reader_survives_real_files_cut_anywhere(fmt: str, shared_dir: Path) -> None:
    # Downloads cut short are common: every sixteenth of each file.
    for data in _files(shared_dir, fmt):
        for k in range(16):
            check_reader_robust(fmt, data[: len(data) * k // 16])
