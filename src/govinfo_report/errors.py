"""The library's exceptions.  Everything it raises on bad input is a :class:`ReportError`."""

from __future__ import annotations


class ReportError(Exception):
    """Base class of every error this library raises about input, output or plugins.

    ``where`` names the place the problem was found (a file, and inside it a
    table, row or cell) and is prefixed to the message.
    """

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class UnknownFormatError(ReportError, ValueError):
    """No installed reader or writer handles the requested format."""


class PluginError(ReportError):
    """A plugin is installed but could not be loaded or misbehaved."""


class ReadError(ReportError):
    """The input could not be read as a report (missing, empty, corrupt, not a report)."""


class NotAReportError(ReadError):
    """The input is readable but holds no annual report."""


class UnsafeInputError(ReadError):
    """The input was refused because reading it would exceed safety limits."""


class WriteError(ReportError):
    """The output could not be written."""
