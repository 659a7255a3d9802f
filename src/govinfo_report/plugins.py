"""What a format or rule plugin implements.

A third-party format is a distribution that declares, in its own metadata::

    [project.entry-points."govinfo_report.readers"]
    pdf = "govinfo_report_pdf:PdfReader"

    [project.entry-points."govinfo_report.writers"]
    markdown = "govinfo_report_markdown:MarkdownWriter"

The entry point's name is the format's name; its object is a subclass of
:class:`Reader` or :class:`Writer` (or an instance of one).  The built-in
formats are registered exactly the same way, in this package's own metadata.
"""

from __future__ import annotations

import abc
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar

if TYPE_CHECKING:
    from .document import Document
    from .findings import Finding
    from .model import AnnualReport

__all__ = ["DocumentReader", "Reader", "Rule", "RuleOptions", "Writer"]


class Reader(abc.ABC):
    """Reads one format into an :class:`~govinfo_report.AnnualReport`."""

    #: Format name (the entry point's name).
    name: ClassVar[str] = ""
    #: File name suffixes this format uses, lower case with the dot.
    suffixes: ClassVar[tuple[str, ...]] = ()

    def sniff(self, head: bytes) -> int:
        """How sure this reader is that *head* (the input's first KiB) is its format.

        0 means "not mine"; higher wins.  The built-ins use 100 for a
        signature (zip with ``word/document.xml``), 50 for markup, 1 for text.
        """
        return 0

    @abc.abstractmethod
    def read(self, data: bytes, *, source: str | None = None) -> AnnualReport:
        """Read *data* (the whole input).  Raise :class:`~govinfo_report.ReadError` on bad input."""


class DocumentReader(Reader):
    """A reader that produces the neutral :class:`~govinfo_report.document.Document` form.

    Implement :meth:`parse`; :meth:`read` hands the document to the one
    interpreter that knows the report's layout.
    """

    @abc.abstractmethod
    def parse(self, data: bytes, *, source: str | None = None) -> Document:
        """Turn *data* into paragraphs and grids with locations."""

    def read(self, data: bytes, *, source: str | None = None) -> AnnualReport:
        from .interpret import interpret

        return interpret(self.parse(data, source=source))


class Writer(abc.ABC):
    """Writes an :class:`~govinfo_report.AnnualReport` in one format."""

    name: ClassVar[str] = ""
    suffixes: ClassVar[tuple[str, ...]] = ()

    @abc.abstractmethod
    def write(self, report: AnnualReport, stream: BinaryIO, **options: Any) -> None:
        """Write *report* to the binary *stream*.  Unknown *options* raise ``TypeError``."""


class RuleOptions:
    """Options every rule receives."""

    __slots__ = ("missing_as_zero",)

    def __init__(self, *, missing_as_zero: bool = False) -> None:
        #: Count missing cells as 0 instead of skipping relations that involve them.
        self.missing_as_zero = missing_as_zero


class Rule:
    """A consistency rule.  Register an instance or class under ``govinfo_report.rules``.

    ``scope`` is ``"report"`` for rules over one report and ``"series"`` for
    rules over several years of one agency (called with the reports ordered
    by year).
    """

    code: ClassVar[str] = ""
    scope: ClassVar[str] = "report"
    description: ClassVar[str] = ""

    def check(self, report: AnnualReport, options: RuleOptions) -> list[Finding]:
        """Findings for one report (``scope == "report"``)."""
        return []

    def check_series(self, reports: list[AnnualReport], options: RuleOptions) -> list[Finding]:
        """Findings for one agency's reports in year order (``scope == "series"``)."""
        return []
