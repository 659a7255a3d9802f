"""Plugins installed as separate distributions are discovered, used, and isolated when broken."""

from __future__ import annotations

import io
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report import registry
from govinfo_report.model import AnnualReport, Cell, Table

PLUGIN_MODULE = '''
import json
from govinfo_report.plugins import Reader, Writer
from govinfo_report.io.json_format import report_from_json, report_to_json


class ShoutReader(Reader):
    """Reads the "shout" format: the word SHOUT then the report's JSON."""
    name = "shout"
    suffixes = (".shout",)

    def sniff(self, head):
        return 99 if head.startswith(b"SHOUT") else 0

    def read(self, data, *, source=None):
        return report_from_json(json.loads(data[len(b"SHOUT"):]))


class ShoutWriter(Writer):
    name = "shout"
    suffixes = (".shout",)

    def write(self, report, stream, **options):
        stream.write(b"SHOUT" + json.dumps(report_to_json(report)).encode())
'''


def _install_fake_dist(root: Path, name: str, entry_points: str, module: str | None = None) -> None:
    dist = root / f"{name.replace('-', '_')}-1.2.3.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.2.3\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(textwrap.dedent(entry_points), encoding="utf-8")
    if module is not None:
        (root / "shout_plugin.py").write_text(module, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.syspath_prepend(str(tmp_path))
    registry.refresh()
    yield tmp_path
    sys.modules.pop("shout_plugin", None)
    registry.refresh()


def _report() -> AnnualReport:
    requests = Table.build(
        "requests", "2021", {("new_received", "natural_person"): Cell(3), ("new_received", "total"): Cell(3)}
    )
    return AnnualReport(edition="2021", year=2021, agency="平阴县人民政府办公室", title="t", requests=requests)


def test_separately_installed_plugin_is_listed_and_used(site: Path, tmp_path: Path) -> None:
    _install_fake_dist(
        site,
        "govinfo-report-shout",
        """
        [govinfo_report.readers]
        shout = shout_plugin:ShoutReader
        [govinfo_report.writers]
        shout = shout_plugin:ShoutWriter
        """,
        PLUGIN_MODULE,
    )
    info = {f.name: f for f in gr.formats()}
    assert info["shout"].distribution == "govinfo-report-shout"
    assert info["shout"].version == "1.2.3"
    assert info["shout"].can_read and info["shout"].can_write
    # Discovery is lazy: listing formats imported nothing.
    assert "shout_plugin" not in sys.modules

    target = tmp_path / "out.shout"
    gr.write(_report(), target)  # format chosen by the plugin's suffix
    assert target.read_bytes().startswith(b"SHOUT")
    assert gr.read(target) == _report()
    # By content, without a suffix: the plugin's sniffer claims it.
    assert gr.read(target.read_bytes()) == _report()
    assert gr.read(io.BytesIO(target.read_bytes()), format="shout") == _report()


def test_broken_plugin_names_its_distribution_and_spares_the_others(site: Path) -> None:
    _install_fake_dist(
        site,
        "govinfo-report-broken",
        """
        [govinfo_report.readers]
        broken = no_such_module_anywhere:Reader
        """,
    )
    assert "broken" in {f.name for f in gr.formats()}
    with pytest.raises(gr.PluginError, match="govinfo-report-broken") as info:
        gr.read(b"{}", format="broken")
    assert "no_such_module_anywhere" in str(info.value)
    # The built-in formats still work, including sniffing over all readers.
    buffer = io.BytesIO()
    gr.write(_report(), buffer, format="json")
    assert gr.read(buffer.getvalue()) == _report()


def test_plugin_object_of_the_wrong_type_is_refused(site: Path) -> None:
    _install_fake_dist(
        site,
        "govinfo-report-odd",
        """
        [govinfo_report.writers]
        odd = json:dumps
        """,
    )
    with pytest.raises(gr.PluginError, match=r"odd.*govinfo-report-odd.*not a Writer"):
        gr.write(_report(), io.BytesIO(), format="odd")


def test_builtin_formats_come_from_our_own_entry_points() -> None:
    info = {f.name: f for f in gr.formats()}
    for name in ("json", "csv"):
        assert info[name].distribution == "govinfo-report"
    assert info["json"].can_read and info["json"].can_write
    assert info["csv"].can_write and not info["csv"].can_read
