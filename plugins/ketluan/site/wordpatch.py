"""The word index after a local change: only the files of the words that changed.

A build that changed only documents' text (``Mode.LOCAL``: their fields, places named,
relations and tasks are those of the published site) keeps every document's number, so
the index changes only where an edited document gained or lost a word, and in the records
file holding it. Recomputing the whole index for one edit took 4–6 s at 10,000 documents;
this reads the published files of the words concerned (``read``), moves the document in
or out of their postings, and gives the same text ``word_files`` would give
(``tests/test_words.py`` compares them).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from ketluan.site import urls
from ketluan.site.titles import bucket
from ketluan.site.words import GROUP, Indexed, decode, entry, file_name, json_text, keys

Read = Callable[[str], str | None]
"""The text of a published file of the site (None when there is none)."""


def patch_files(
    read: Read, changes: list[tuple[int, Indexed, Indexed]], total: int
) -> tuple[dict[str, str], set[str]]:
    """The files to write and the files to remove when each ``(number, before, after)``
    document keeps its number and its places and filters (only its text changed) among
    the ``total`` documents of the index."""
    moves: dict[str, list[dict[int, bool]]] = defaultdict(lambda: [{}, {}])
    for number, before, after in changes:
        for which, (old, new) in enumerate(zip(keys(before), keys(after), strict=True)):
            for word in old - new:
                moves[word][which][number] = False
            for word in new - old:
                moves[word][which][number] = True
    words: dict[str, list[str]] = defaultdict(list)
    for word in moves:
        words[bucket(word)].append(word)
    files: dict[str, str] = {}
    removed: set[str] = set()
    for name, chosen in words.items():
        path = urls.word_lookup(name)
        found: dict[str, list[Any]] = json.loads(read(path) or "{}")
        for word in chosen:
            _patch_word(read, found, word, (moves[word], total), files, removed)
        if found:
            files[path] = json_text({word: found[word] for word in sorted(found)})
        else:
            removed.add(path)
    for number, _, after in changes:
        path = urls.record_group(number // GROUP)
        group = json.loads(files.get(path) or read(path) or "[]")
        group[number % GROUP] = after.record
        files[path] = json_text(group)
    return files, removed - set(files)


def _patch_word(
    read: Read,
    found: dict[str, list[Any]],
    word: str,
    change: tuple[list[dict[int, bool]], int],
    files: dict[str, str],
    removed: set[str],
) -> None:
    """Move documents in or out of ``word``'s postings (``found``: its bucket; ``change``:
    the moves of its two lists and the number of documents)."""
    moves, total = change
    own = urls.word_file(file_name(word))
    held = found.get(word)
    had_own = held is not None and len(held) == 2
    if held is None:
        lists = ["", ""]
    elif had_own:
        lists = json.loads(read(own) or '["", ""]')
    else:
        lists = held[2:]
    every, told = (_moved(decode(text), change) for text, change in zip(lists, moves, strict=True))
    text = None
    if every:
        found[word], text = entry(every, told, total)
    else:
        found.pop(word, None)
    if text is not None:
        files[own] = text
    elif had_own:
        removed.add(own)


def _moved(numbers: list[int], change: dict[int, bool]) -> list[int]:
    kept = {n for n in numbers if change.get(n, True)}
    return sorted(kept | {n for n, added in change.items() if added})
