"""Shared fixtures: where the read-only corpus lives."""

from __future__ import annotations

from pathlib import Path

import pytest

#: ``shared/`` sits beside the repository (in CI: beside the clean clone).
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared corpus not found at {SHARED}")
    return SHARED
