"""Plugin discovery through entry points: lazy, cached, and robust to broken plugins.

Entry points are listed once per process (cheap: metadata only); a plugin's
module is imported only when its format or rule is first used.  A plugin
that fails to import raises :class:`~govinfo_report.PluginError` naming its
distribution, and only when that plugin is asked for.
"""

from __future__ import annotations

import importlib.metadata as md
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from attrs import frozen

from .errors import PluginError, UnknownFormatError
from .plugins import Reader, Rule, Writer

__all__ = ["FormatInfo", "formats", "reader", "readers", "refresh", "rules", "writer", "writers"]

READERS = "govinfo_report.readers"
WRITERS = "govinfo_report.writers"
RULES = "govinfo_report.rules"

#: Formats known to exist as separate distributions, for the error message.
KNOWN_PLUGINS: dict[str, str] = {
    "pdf": "govinfo-report-pdf",
    "markdown": "govinfo-report-markdown",
}

T = TypeVar("T")


@frozen
class FormatInfo:
    """One installed format: what it can do and which distribution provides it."""

    name: str
    can_read: bool
    can_write: bool
    distribution: str
    version: str

    def __str__(self) -> str:
        modes = "/".join(m for m, ok in (("read", self.can_read), ("write", self.can_write)) if ok)
        return f"{self.name:<10} {modes:<10} {self.distribution} {self.version}"


@cache
def _entry_points(group: str) -> dict[str, md.EntryPoint]:
    found: dict[str, md.EntryPoint] = {}
    for ep in md.entry_points(group=group):
        # First registration of a name wins, so a plugin cannot silently
        # replace a format that is already installed.
        found.setdefault(ep.name, ep)
    return found


def _dist(ep: md.EntryPoint) -> tuple[str, str]:
    dist = ep.dist
    if dist is None:
        return ("unknown distribution", "")
    return (dist.metadata["Name"] or "unknown distribution", dist.version or "")


_loaded: dict[tuple[str, str], Any] = {}


def _load(group: str, name: str, base: type[T], what: str) -> T:
    key = (group, name)
    if key in _loaded:
        return _loaded[key]  # type: ignore[no-any-return]
    eps = _entry_points(group)
    ep = eps.get(name)
    if ep is None:
        raise _unknown(what, name, sorted(eps))
    dist, version = _dist(ep)
    try:
        obj = ep.load()
        if isinstance(obj, type):
            obj = obj()
    except Exception as exc:
        raise PluginError(
            f"the {what} plugin {name!r} from {dist} {version} could not be loaded "
            f"({type(exc).__name__}: {exc}); reinstall or remove that distribution"
        ) from exc
    if not isinstance(obj, base):
        raise PluginError(
            f"the {what} plugin {name!r} from {dist} {version} is a {type(obj).__name__}, not a {base.__name__}"
        )
    _loaded[key] = obj
    return obj


def _unknown(what: str, name: str, installed: list[str]) -> UnknownFormatError:
    subject = f"no rule {name!r}" if what == "rule" else f"no {what} for format {name!r}"
    message = f"{subject}; installed: {', '.join(installed) or 'none'}"
    if name in KNOWN_PLUGINS:
        message += f". Install it with: pip install {KNOWN_PLUGINS[name]}"
    return UnknownFormatError(message)


def reader(name: str) -> Reader:
    """The reader registered as *name* (loaded on first use)."""
    return _load(READERS, name, Reader, "reader")  # type: ignore[type-abstract]


def writer(name: str) -> Writer:
    """The writer registered as *name* (loaded on first use)."""
    return _load(WRITERS, name, Writer, "writer")  # type: ignore[type-abstract]


def rule(code: str) -> Rule:
    """The rule registered as *code*."""
    return _load(RULES, code, Rule, "rule")


def reader_names() -> list[str]:
    return sorted(_entry_points(READERS))


def writer_names() -> list[str]:
    return sorted(_entry_points(WRITERS))


def rule_codes() -> list[str]:
    return sorted(_entry_points(RULES))


def _all(names: list[str], load: Callable[[str], T]) -> list[T]:
    """Every plugin that loads; broken ones are skipped (they raise when asked for by name)."""
    out: list[T] = []
    for name in names:
        try:
            out.append(load(name))
        except PluginError:
            continue
    return out


def readers() -> list[Reader]:
    """Every reader that loads (used for suffix lookup and sniffing)."""
    return _all(reader_names(), reader)


def writers() -> list[Writer]:
    return _all(writer_names(), writer)


def rules() -> list[Rule]:
    """Every installed rule, in code order."""
    return [rule(code) for code in rule_codes()]


def formats() -> list[FormatInfo]:
    """Every installed format with the distribution that provides it (nothing is imported)."""
    r, w = _entry_points(READERS), _entry_points(WRITERS)
    out = []
    for name in sorted(set(r) | set(w)):
        dist, version = _dist(r.get(name) or w[name])
        out.append(FormatInfo(name, name in r, name in w, dist, version))
    return out


def refresh() -> None:
    """Forget discovered and loaded plugins (after installing one at run time)."""
    _entry_points.cache_clear()
    _loaded.clear()
