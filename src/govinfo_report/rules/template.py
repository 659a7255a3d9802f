"""``template.edition_year``: the report follows the template its year prescribes.

国办公开办函〔2019〕60号 for the reports of 2019 and 2020, 国办公开办函〔2021〕30号
from 2021 on (:meth:`Edition.for_year`).  A report whose year is unknown is
not judged.
"""

from __future__ import annotations

from typing import ClassVar

from ..findings import Finding, Severity
from ..layout import Edition
from ..model import AnnualReport
from ..plugins import Rule, RuleOptions

__all__ = ["EditionYearRule"]


class EditionYearRule(Rule):
    """Edition 2019 for years up to 2020, edition 2021 from 2021."""

    code: ClassVar[str] = "template.edition_year"
    description: ClassVar[str] = "edition 2019 for years <= 2020, edition 2021 from 2021"

    def check(self, report: AnnualReport, options: RuleOptions) -> list[Finding]:
        if report.year is None:
            return []
        wanted = Edition.for_year(report.year)
        if report.edition is wanted:
            return []
        return [
            Finding(
                rule=self.code,
                severity=Severity.WARNING,
                message=f"the report of {report.year} uses the {report.edition} template; {report.year} calls for "
                f"{wanted}",
                message_zh=f"{report.year}年度报告使用了{report.edition}版格式，应使用{wanted}版格式",
                source=report.source,
            )
        ]
