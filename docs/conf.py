"""Sphinx configuration.  Build with ``sphinx-build -W -b html docs docs/_build`` (warnings are errors)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent / "src"))

import govinfo_report  # noqa: E402

project = "govinfo_report"
author = "govinfo_report developers"
copyright = "2026, govinfo_report developers"
release = govinfo_report.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "myst_parser",
    "govinfo_docs",
    "govinfo_findings",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
language = "en"

# Documented objects are shown under the names users import them by
# (``govinfo_report.read``), not the module they live in.
add_module_names = False
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_default_options = {"members": True, "show-inheritance": True}

myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

html_theme = "alabaster"
html_title = f"govinfo_report {release}"
html_static_path: list[str] = []
