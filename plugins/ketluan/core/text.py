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
_TONED: dict[str, tuple[str, str]] = {
    unicodedata.normalize("NFC", base + mark): (base, mark) for base in "aAeEyY" for mark in _TONES
}
"""Precomposed vowel with a tone mark -> (vowel, mark): à -> (a, grave)."""
_AE = "".join(v for v, (base, _) in _TONED.items() if base in "aAeE")
_Y = "".join(v for v, (base, _) in _TONED.items() if base in "yY")
_END = r"(?![\w\u0300-\u036f])"
OLD_TONE = re.compile(
    rf"(?=[oOuU])(?:(?<![qQ])([oO])([{_AE}]){_END}|(?<![qQ])([uU])([{_Y}]){_END})"
)  # the lookahead first: most positions fail on one character class, 4x faster
"""An open oa/oe/uy syllable with the tone on its second vowel, in NFC text ("qua" is not one;
"hoặc" is not one: its vowel has a breve besides the dot below)."""


def _letters(predicate: str) -> str:
    """Regex-escaped letters up to U+1EFF (Vietnamese included) for which ``predicate``
    holds, to build character classes."""
    chars = [chr(c) for c in range(0x41, 0x1EFF)]
    return "".join(re.escape(c) for c in chars if getattr(c, predicate)())


UPPER_CHARS = _letters("isupper")
"""Upper-case letters, Vietnamese included (Đ, Ấ, Ứ…), for use inside a character class."""
UPPER = f"[{UPPER_CHARS}]"
"""Regex class of an upper-case letter."""
LOWER = f"[{_letters('islower')}]"
"""Regex class of a lower-case letter."""
DASHES = "\\-\u2010\u2011\u2013"
DASH = f"[{DASHES}]"
"""Hyphen, and the dashes word processors put in its place (en dash, non-breaking hyphen)."""


def nfc(value: str) -> str:
    """Return ``value`` in Unicode NFC, the only form the core stores."""
    return unicodedata.normalize("NFC", value)


def _swap(match: re.Match[str]) -> str:
    first = match.group(1) or match.group(3)
    base, mark = _TONED[match.group(2) or match.group(4)]
    return unicodedata.normalize("NFC", first + mark) + base


def new_tone_placement(value: str) -> str:
    """Move tone marks of open oa/oe/uy syllables to the first vowel (hoà -> hòa); NFC out.
    Works on NFC text, where each toned vowel is one character, so the regex runs once over
    the text and only the (rare) matches are rewritten."""
    return OLD_TONE.sub(_swap, nfc(value))


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


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""A control character other than tab and line feed (C0, DEL, C1): invisible, never typed on
purpose, and invalid in XML 1.0 (the Atom feed) and in HTML text."""

INVISIBLE = frozenset(
    "\u00ad\u034f\u115f\u1160\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d"
    "\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u3164\ufeff\uffa0"
)
"""Characters that print nothing: zero-width spaces and joiners, direction marks, the soft
hyphen, word joiner, byte order mark and Hangul fillers."""


def control_character(value: str) -> str | None:
    """The first control character in ``value`` as U+XXXX, or None (tab and LF allowed)."""
    match = CONTROL.search(value)
    return f"U+{ord(match.group()):04X}" if match else None


def is_blank(value: str) -> bool:
    """True when ``value`` shows nothing: only whitespace and invisible characters
    (a title of zero-width spaces is an empty title)."""
    return all(ch.isspace() or ch in INVISIBLE for ch in value)
