"""Words by their first letters: what the header box completes a word typed halfway from.

The word index keys whole words (``site.words``): "giai phong mat b" found nothing until the
last word was typed out (Pagefind, the index before, matched prefixes). The build lists the
folded words by their first ``PREFIX`` letters with how many documents hold each; the box
reads the file of the last word's first letters and takes that word as any of its most
frequent completions (``completions`` in ketluan-words.js).
"""

from __future__ import annotations

import re
from collections import defaultdict

from ketluan.site import urls

PREFIX = 2
"""Letters of a word's prefix file (``prefix``): a word typed halfway is completed from the
file of its first two (a single letter is not completed: too many words)."""

_FOLDED = re.compile(r"[0-9a-z]+")


def prefix(word: str) -> str | None:
    """The prefix file of ``word`` (``urls.word_prefix``): its first ``PREFIX`` letters; None
    for a word as written ("=…") or a place token, which the box never completes.

    >>> prefix("thong"), prefix("2024"), prefix("a"), prefix("=thông")
    ('th', '20', 'a', None)
    """
    return word[:PREFIX] if _FOLDED.fullmatch(word) else None


def prefix_lists(counts: dict[str, int]) -> dict[str, list[tuple[str, int]]]:
    """Site path -> what each prefix file of ``counts`` (folded word -> documents holding
    it) lists: ``(word, count)``, most documents first (ketluan-words.js, ``completions``);
    the index writes them as its other files (``words.json_text``)."""
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for word, count in counts.items():
        if (start := prefix(word)) is not None:
            found[start].append((word, count))
    return {
        urls.word_prefix(start): sorted(words, key=lambda item: (-item[1], item[0]))
        for start, words in found.items()
    }
