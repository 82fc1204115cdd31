"""Title lookups: the documents whose title is what was typed, or starts so, for search.

Staff paste a document's title into the search box. The word index orders the documents
holding every word newest first, and the re-ranking that puts a title holding the query
first sees only the first few results: a long title made of common words ("Thông báo kết
luận của Thường trực Thị ủy về giảm nghèo bền vững…") may come after newer documents with
the same words scattered through a longer text; and the documents whose heading starts
with "Thông báo kết luận" are more than those few. The build writes, for every title and
for its first two to ``PREFIX_WORDS`` words, the newest documents so titled into one small
file picked by a hash of the key (``title_key``); the browser fetches the file of the
query's key (``ketluan-titles.js``) and ranks those documents with the first results (the
title matching exactly first, then titles holding the query). One file per bucket, at most
``BUCKETS`` of them, a few KB each at 50,000 documents.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from ketluan.core.model import Document
from ketluan.core.text import fold
from ketluan.site import urls
from ketluan.site.records import newest_first, result_entry

BUCKETS = 4096
"""Files the keys are spread over (``TITLE_BUCKETS`` in ketluan-titles.js): about a dozen
titles each at 50,000 documents."""
SHOWN = 20
"""Documents kept per key, newest first (a generic title such as "Thông báo kết luận" is
shared by many, and many more start so; the full text has the rest): two pages of results."""
PREFIX_WORDS = 5
"""The longest beginning of a title filed under its own key: people type a title's first
words ("thông báo kết luận", "kết luận về phát triển"); longer beginnings are rarely typed alone and
would multiply the keys."""

_WORD = re.compile(r"[0-9a-z]+")


def title_key(text: str) -> str:
    """What two titles must share to be the same title: their folded words, without
    punctuation.

    >>> title_key("Kết luận về Đề án “phát triển” cây mắc ca, 2024")
    'ket luan ve de an phat trien cay mac ca 2024'
    >>> title_key("KET  LUAN ve de an") == title_key("Kết luận về đề án")
    True
    >>> title_key("Kết luận về đề án") == title_key("Kết luận về dự án")
    False
    """
    return " ".join(_WORD.findall(fold(text)))


def bucket(key: str) -> str:
    """The file of ``key``: FNV-1a (32 bits) of its UTF-8 bytes modulo ``BUCKETS``, in hex
    (``titleBucket`` in ketluan-titles.js computes the same).

    >>> bucket("ket luan"), bucket("")
    ('361', 'dc5')
    """
    value = 0x811C9DC5
    for byte in key.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"{value % BUCKETS:03x}"


def title_keys(title: str) -> list[str]:
    """The keys a title is filed under: its whole key and its first two to ``PREFIX_WORDS``
    words, each once.

    >>> title_keys("Thông báo kết luận của Ban Thường vụ")[1:]
    ['thong bao', 'thong bao ket', 'thong bao ket luan', 'thong bao ket luan cua']
    >>> title_keys("Kết luận"), title_keys("…")
    (['ket luan'], [])
    """
    key = title_key(title)
    words = key.split()
    prefixes = [" ".join(words[:n]) for n in range(2, min(PREFIX_WORDS, len(words) - 1) + 1)]
    return [key, *prefixes] if key else []


def title_files(documents: list[Document]) -> dict[str, str]:
    """Site path -> JSON text of every title lookup file (compact, byte-stable): for each
    key of the bucket (``title_keys``), its ``SHOWN`` newest documents."""
    found: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for doc in newest_first(documents):
        entry: dict[str, str] | None = None
        for key in title_keys(doc.title):
            if len(entries := found[bucket(key)][key]) < SHOWN:
                entry = entry or result_entry(doc)
                entries.append(entry)
    return {
        urls.title_lookup(name): json.dumps(
            {key: value[key] for key in sorted(value)}, ensure_ascii=False, separators=(",", ":")
        )
        + "\n"
        for name, value in sorted(found.items())
    }
