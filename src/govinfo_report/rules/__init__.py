"""Consistency rules, registered through the ``govinfo_report.rules`` entry point group.

Each rule is a :class:`~govinfo_report.plugins.Rule` whose entry point name is
its code; third-party rules are registered the same way.  The built-in ones:

- :mod:`.requests` — table 3: ``requests.balance``, ``requests.outcome_sum``, ``requests.row_total``
- :mod:`.review` — table 4: ``review_litigation.group_total``
- :mod:`.disclosure` — table 2: ``active_disclosure.published_le_total``
- :mod:`.cells` — ``cells.negative``, ``cells.missing``
- :mod:`.template` — ``template.edition_year``
- :mod:`.series` — across years: ``series.carry_over``, ``series.in_force``, ``series.items``, ``series.gap``
- :mod:`.narrative` — prose against tables: ``narrative.*``

The arithmetic ones share :mod:`._relations`: one sum/compare helper, one way
of skipping relations with missing cells, and the single-cell suggestion.
"""
