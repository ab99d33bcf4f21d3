"""Notices, written decisions and published outcomes, rendered from the case record."""
