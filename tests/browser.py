"""Headless chromium for the tests that look at a rendered page (skipped when it is absent)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def chromium() -> str | None:
    """The chromium executable, or ``None`` when none is installed."""
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(page: Path, shot: Path, *, width: int, height: int, profile: Path) -> bytes:
    """Render *page* headless into the PNG *shot* and return its bytes.

    The flags keep chromium off this machine's closed network (no background
    networking, updates or sync) and in a fresh profile.
    """
    browser = chromium()
    assert browser is not None, "call only when chromium() found a browser"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    return shot.read_bytes()
