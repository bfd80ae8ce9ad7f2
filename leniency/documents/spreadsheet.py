"""Cells for the CSV and XLSX files the platform hands out (pay claims, open data).

A text cell starting with one of FORMULA_STARTS is read as a formula by spreadsheet programs (CSV injection):
a lawyer's firm named "=HYPERLINK(…)" would run on the finance office's screen. Such text gets a leading '.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A cell as a spreadsheet should show it: text never starts a formula; numbers (Decimal, int) stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
