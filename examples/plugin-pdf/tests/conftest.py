"""Where the shared corpus and the repository's expected-values helper live."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

#: This plugin lives in ``examples/plugin-pdf`` of the repository; ``shared/`` sits beside the repository.
REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
PDF = SHARED / "corpus" / "pdf_huaian_shi_2024.pdf"

# The repository's hand-written expected values and their comparison.
sys.path.insert(0, str(REPO / "tests"))


@pytest.fixture(scope="session")
def huaian_path() -> Path:
    if not PDF.is_file():
        pytest.skip(f"shared corpus not found at {SHARED}")
    return PDF


@pytest.fixture(scope="session")
def huaian_pdf(huaian_path: Path) -> bytes:
    return huaian_path.read_bytes()
