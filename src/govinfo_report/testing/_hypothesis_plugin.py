"""Registers :func:`~govinfo_report.testing.strategies.reports` for ``st.from_type(AnnualReport)``.

Hypothesis calls :func:`_hypothesis_setup_hook` through the entry point this
package declares in the ``hypothesis`` group, when Hypothesis is imported.
The strategy is deferred, so nothing but the model is imported until a test
asks for an :class:`~govinfo_report.AnnualReport`.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    from ..model import AnnualReport

    def consistent_reports() -> st.SearchStrategy[AnnualReport]:
        from .strategies import reports

        return reports()

    st.register_type_strategy(AnnualReport, st.deferred(consistent_reports))
