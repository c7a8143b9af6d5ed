"""Text as every output can carry it: names on one line, and no character that XML (the Atom
feed), iCalendar (RFC 5545 allows no control character but tab) or UTF-8 refuses.

The importer cleans what it stores (ingest/fields.py); the feeds clean again what they write,
for text stored otherwise (before this cleaning, by the admin, from a shell).
"""

import re

# Control characters but tab, CR and LF; lone surrogates (not UTF-8); U+FFFE and U+FFFF (not
# XML).
UNFIT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# A run of line breaks (those str.splitlines knows), with the blanks around it.
BREAKS = re.compile("[ \t]*(?:[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029][ \t]*)+")


def one_line(text):
    """A name on one line: each run of line breaks a space (none at either end), other control
    characters but tab removed. Text without them is returned as it is."""
    parts = (UNFIT.sub("", part) for part in BREAKS.split(text))
    return " ".join(part for part in parts if part)


def multi_line(text):
    """Text that may hold lines (a description): its line breaks kept, other control
    characters but tab removed."""
    return UNFIT.sub("", text)
