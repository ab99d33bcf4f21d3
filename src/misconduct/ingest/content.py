"""A notice's content, as the register recognises a repeat of it: the text with the differences that
do not change what it says taken out, and the SHA-256 of that.

The same notice saved twice as a file of another name, fetched from another address, copied from a
PDF rather than a web page (its lines wrapped where the page's were not), or typed with other
quotation marks, reads the same:

>>> normalised("PC  A was\\r\\ndismissed \\u2014 the \\u201cpanel\\u201d said.\\u00a0")
'PC A was dismissed - the "panel" said.'
>>> content_sha256("PC A was dismissed.") == content_sha256("  PC A was\\n dismissed.\\n")
True
>>> content_sha256("PC A was dismissed.") == content_sha256("PC B was dismissed.")
False

Letters keep their case, and words and numbers are never changed: two notices that differ in
anything a reader would see as wording are two notices. A change to this normalisation changes the
hashes the register holds, so it needs a migration that computes them again.
"""

from __future__ import annotations

import hashlib
import unicodedata

_PUNCTUATION = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u2033": '"',  # ″
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u2060": None,  # word joiner
        "\ufeff": None,  # byte order mark
    }
)


def normalised(text: str) -> str:
    """The text in Unicode's compatibility form (NFKC: a non-breaking space is a space, a ligature
    its letters), typographic quotation marks and dashes as their plain forms, invisible characters
    dropped, and every run of white space (line breaks and indentation included) one space, with
    none at either end."""
    plain = unicodedata.normalize("NFKC", text).translate(_PUNCTUATION)
    return " ".join(plain.split())


def content_sha256(text: str) -> str:
    """The SHA-256 (hex) of the normalised text, in UTF-8: the same for every copy of a notice."""
    return hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()
