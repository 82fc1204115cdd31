"""Vietnamese text normalisation: one place that decides what "the same text" means."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from slugify import slugify as _slugify

# Old-style tone placement puts the mark on the second vowel of the open syllables
# oa, oe, uy ("hoà", "thuỷ"); the style used by current state documents puts it on the
# first ("hòa", "thủy"). Both arrive in real inputs; keys and search use one form.
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
_OLD_TONE = re.compile(
    rf"(?<![qQ])([oO])([aAeE])([{_TONES}])(?![\w\u0300-\u036f])"
    rf"|(?<![qQ])([uU])([yY])([{_TONES}])(?![\w\u0300-\u036f])"
)


def nfc(value: str) -> str:
    """Return ``value`` in Unicode NFC, the only form the core stores."""
    return unicodedata.normalize("NFC", value)


_OLD_TONE_NFC = re.compile("[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ]")
"""What old tone placement looks like in NFC: a superset of ``_OLD_TONE``'s matches."""


def new_tone_placement(value: str) -> str:
    """Move tone marks of open oa/oe/uy syllables to the first vowel (hoà -> hòa)."""
    if unicodedata.is_normalized("NFC", value) and not _OLD_TONE_NFC.search(value):
        return value  # most text: nothing to move (and decomposing it is the cost)
    decomposed = unicodedata.normalize("NFD", value)

    def swap(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1) + match.group(3) + match.group(2)
        return match.group(4) + match.group(6) + match.group(5)

    return nfc(_OLD_TONE.sub(swap, decomposed))


@lru_cache(maxsize=65536)
def fold(value: str) -> str:
    """Fold to lowercase ASCII-ish text without diacritics, with đ -> d, for matching."""
    decomposed = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


@lru_cache(maxsize=65536)
def slugify(value: str) -> str:
    """URL slug that keeps Vietnamese readable: "Huyện ủy Sơn Động" -> "huyen-uy-son-dong"."""
    return _slugify(fold(value))


def heading_slug(value: str, separator: str = "-") -> str:
    """Python-Markdown ``toc`` slug function that folds đ to d ("Ba Đình" -> "ba-dinh")."""
    return _slugify(fold(value), separator=separator)
