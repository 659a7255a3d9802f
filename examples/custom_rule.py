"""A rule of one's own: warn when a report received requests but granted none.

Run it on a report::

    python examples/custom_rule.py examples/reports/yanzhou_2020.txt

A rule a package ships is registered under the ``govinfo_report.rules``
entry point instead (see the docs' rules page); passed to
:func:`govinfo_report.validate` directly, as here, it needs no installing.
"""

from __future__ import annotations

import sys
from typing import ClassVar

import govinfo_report as gr
from govinfo_report import AnnualReport, CellRef, Finding, Severity
from govinfo_report.plugins import Rule, RuleOptions


class NoneGranted(Rule):
    """Requests were received but none was granted, even in part."""

    code: ClassVar[str] = "mine.none_granted"
    description: ClassVar[str] = "new_received > 0 implies granted + partially_granted > 0"

    def check(self, report: AnnualReport, options: RuleOptions) -> list[Finding]:
        table = report.requests
        if table is None:
            return []
        received = table.value("new_received", "total")
        granted = [table.value(row, "total") for row in ("granted", "partially_granted")]
        if received is None or None in granted or received == 0 or any(granted):
            return []
        return [
            Finding(
                rule=self.code,
                severity=Severity.WARNING,
                message=f"{received} requests received, none granted",
                message_zh=f"收到申请{received}件，无一公开",
                cells=(CellRef("requests", "new_received", "total"),),
                values=(received,),
                source=report.source,
            )
        ]


def main(argv: list[str]) -> int:
    for name in argv:
        findings = gr.validate(gr.read(name), [NoneGranted()], include_reader_findings=False)
        said = "; ".join(f.message for f in findings) or "granted at least one request, or received none"
        print(f"{name}: {said}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
