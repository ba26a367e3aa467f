"""Text that enters claimtrack, cleaned once; text that leaves it as XML, made safe.

Articles arrive from web pages, pastes from Word, JSONL and CSV exports: they can hold NUL
bytes (PostgreSQL refuses them), lone UTF-16 surrogates (no UTF-8 encoder takes them: the
row cannot even be sent) and control characters that XML 1.0 forbids (one in a conclusion
would break the Atom feed for every reader). Every service that stores article, claim or
note text passes it through `clean_text` first; the feed, sitemap and JSON-LD pass what they
write through `xml_safe`, for rows stored before the cleaning existed.
"""

import re

# Word's soft line break (vertical tab) and the form feed end a line: keep them as one.
_AS_NEWLINE = {0x0B: "\n", 0x0C: "\n"}

# C0 controls other than tab and newline (\r is normalised before), the UTF-16 surrogates
# (always lone in a Python string once pairs are joined) and the two non-characters that
# XML 1.0 forbids.
_UNSTORABLE = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")

# Everything XML 1.0 does not allow in character data (the Char production).
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_text(value: str) -> str:
    """The text as claimtrack stores it: line ends as \\n; no NUL, no lone surrogate, no
    control character but tab and newline (a vertical tab or form feed becomes a newline).

    A surrogate pair split in two code points (text decoded with surrogatepass) is joined
    back into its character; a lone surrogate is dropped.
    """
    if not value:
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n").translate(_AS_NEWLINE)
    if _SURROGATE.search(value):
        value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    return _UNSTORABLE.sub("", value)


def needs_cleaning(value: str) -> bool:
    """Whether clean_text changes more than line ends: a NUL, a lone or split surrogate, a
    control character (a vertical tab or form feed included)."""
    return bool(_UNSTORABLE.search(value)) or any(chr(code) in value for code in _AS_NEWLINE)


def xml_safe(value: str) -> str:
    """The text with every character XML 1.0 forbids removed (vertical tab and form feed
    become a newline)."""
    if not value:
        return value
    return _XML_INVALID.sub("", value.translate(_AS_NEWLINE))


def xml_safe_data(data):
    """The data with xml_safe applied to every string, through dicts and lists (JSON-LD,
    the feed's arguments); anything else is returned as it is."""
    if isinstance(data, str):
        return xml_safe(data)
    if isinstance(data, dict):
        return {key: xml_safe_data(value) for key, value in data.items()}
    if isinstance(data, list):
        return [xml_safe_data(value) for value in data]
    return data
