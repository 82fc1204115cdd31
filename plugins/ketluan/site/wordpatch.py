"""The word index after a local change: only the files of the words that changed.

A build that changed only documents' text (``Mode.LOCAL``: their fields, places named,
relations and tasks are those of the published site) keeps every document's number, so
the index changes only where an edited document gained or lost a word, and in the records
file holding it. Recomputing the whole index for one edit took 4–6 s at 10,000 documents;
this reads the published files of the words concerned (``read``), moves the document in
or out of their postings, and gives the same text ``word_files`` would give
(``tests/test_words.py`` compares them). A word as written with its accents is stored as
positions in its folded form's postings (``site.postings.encode_within``): when the folded
form's postings move, those of every accented form in its bucket are written again; and
the prefix files (``site.prefixes``) of the words whose counts changed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from ketluan.site import urls
from ketluan.site.prefixes import prefix, prefix_lists
from ketluan.site.words import (
    GROUP,
    Indexed,
    Lists,
    Own,
    Read,
    base_word,
    entry,
    json_text,
    keys,
    stored,
    word_bucket,
)

Moves = list[dict[int, bool]]
"""Per list of a word (all, described): document number -> added (True) or removed."""


def patch_files(
    read: Read, changes: list[tuple[int, Indexed, Indexed]], total: int
) -> tuple[dict[str, str], set[str]]:
    """The files to write and the files to remove when each ``(number, before, after)``
    document keeps its number and its places and filters (only its text changed) among
    the ``total`` documents of the index."""
    moves: dict[str, Moves] = defaultdict(lambda: [{}, {}])
    for number, before, after in changes:
        for which, (old, new) in enumerate(zip(keys(before), keys(after), strict=True)):
            for word in old - new:
                moves[word][which][number] = False
            for word in new - old:
                moves[word][which][number] = True
    words: dict[str, set[str]] = defaultdict(set)
    for word in moves:
        words[word_bucket(word)].add(word)
    files: dict[str, str] = {}
    removed: set[str] = set()
    counted: dict[str, dict[str, int]] = defaultdict(dict)  # prefix file -> word -> count
    for name, chosen in words.items():
        path = urls.word_lookup(name)
        found: dict[str, list[Any]] = json.loads(read(path) or "{}")
        _patch_bucket(read, found, (chosen, moves, total), files, removed)
        if found:
            files[path] = json_text({word: found[word] for word in sorted(found)})
        else:
            removed.add(path)
        for word in chosen:
            if (start := prefix(word)) is not None:
                counted[start][word] = found[word][0] if word in found else 0
    for start, changed in counted.items():
        path = urls.word_prefix(start)
        held = {word: count for word, count in json.loads(read(path) or "[]")} | changed
        listed = prefix_lists({word: count for word, count in held.items() if count}).get(path)
        if listed is not None:
            files[path] = json_text(listed)
        else:
            removed.add(path)
    for number, _, after in changes:
        path = urls.record_group(number // GROUP)
        group = json.loads(files.get(path) or read(path) or "[]")
        group[number % GROUP] = after.record
        files[path] = json_text(group)
    return files, removed - set(files)


def _patch_bucket(
    read: Read,
    found: dict[str, list[Any]],
    change: tuple[set[str], dict[str, Moves], int],
    files: dict[str, str],
    removed: set[str],
) -> None:
    """Move documents in or out of the postings of the ``chosen`` words of one bucket
    (``found``), and write again the accented words stored within a moved folded word."""
    chosen, moves, total = change
    within = {word for word in found if base_word(word) in chosen}
    touched = chosen | within
    bases = {base for word in touched if (base := base_word(word)) is not None}
    before = {base: stored(read, found, base) for base in bases}  # read once: the others' too
    before |= {
        word: stored(read, found, word, before[base][0] if base in before else None)
        for word in touched - bases
        for base in [base_word(word)]
    }
    after: dict[str, Lists] = {
        word: (_moved(lists[0], moves[word][0]), _moved(lists[1], moves[word][1]))
        if word in moves
        else lists
        for word, lists in before.items()
    }
    for word in sorted(touched):
        base = base_word(word)
        every, told = after[word]
        had_own = word in found and len(found[word]) == 2
        own = Own(None, None)
        if every:
            held = after[base][0] if base is not None and after[base][0] else None
            found[word], own = entry(every, told, total, held)
        else:
            found.pop(word, None)
        for path, text in own.files(word).items():
            if text is not None:
                files[path] = text
            elif had_own and read(path) is not None:
                removed.add(path)


def _moved(numbers: list[int], change: dict[int, bool]) -> list[int]:
    kept = {n for n in numbers if change.get(n, True)}
    return sorted(kept | {n for n, added in change.items() if added})
