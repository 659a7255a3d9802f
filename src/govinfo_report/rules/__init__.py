"""Consistency rules, registered through the ``govinfo_report.rules`` entry point group."""
