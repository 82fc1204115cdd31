"""The word index: what the search box reads to answer a query in a few small files.

Pagefind, the search index before this one, stored each word's postings with every
position, in chunks of 140–365 KB per shard, and a query paid a chunk per word in every
shard: about 10 MB for a common word at 50,000 documents (BENCHMARKS.md, "What holds the
byte target"). This index keeps, for each
folded word (``fold``: no accents, đ = d, lowercase; letters a-z and digits), only the
documents holding it, numbered oldest first (``site.postings``: gaps, a bitmap, or the
gaps of those lacking it), so a word in every document costs a few bytes. Beside them,
the documents holding the word in their title or metadata (number, type, issuers, place,
signers: ``described``), which the browser ranks first. Each word as written with its
accents (``spelled``) has its postings too, stored as positions in its folded form's and
in the same file (``word_bucket``). Words are spread over ``BUCKETS`` files by the title
lookups' hash (``titles.bucket``); a word whose postings are longer than ``INLINE``
characters has a file of its own, so a bucket stays a few KB.
What a result shows of each document (``result_entry`` and the start of its text) is in
files of ``GROUP`` documents by number; the number lookups (``site.numbers``) name documents
by that number too (``site.records`` numbers them). The browser side is ``ketluan-words.js``.

Documents are numbered oldest first so that a new document, usually the newest, changes
only the words it holds and the last records file; an older one renumbers the later ones.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ketluan.core.model import Document
from ketluan.core.text import fold
from ketluan.site import urls
from ketluan.site.postings import WITHIN, decode, encode, encode_within
from ketluan.site.prefixes import prefix_lists
from ketluan.site.records import order, result_entry
from ketluan.site.search import place_token, spelling
from ketluan.site.titles import bucket

GROUP = 1
"""Documents per records file (``GROUP`` in ketluan-words.js). One: the first page's
results are rarely neighbours in number (those holding the words in their title come
first), so a file of eight cost 5.7 KB per result shown at 50,000 documents, 0.7 KB alone."""
INLINE = 200
"""Longest postings (both strings) kept in the bucket file; longer ones get ``word_file``."""
MAX_WORD = 64
"""Longer tokens (a pasted hash, a run of digits) are not indexed: no one types them."""
SUMMARY = 280
"""Characters of a document's text shown under its title in the results (cut at a word)."""

EAGER_VALUES = 1000
"""Filters of more values (the agencies tasks are given to: thousands) load when opened."""
EAGER_BYTES = 128_000
"""Bytes of the filter files that load with the filters: the values and counts a link with
filters loads after its results (363–402 KB at 50,000 documents when every filter of at
most ``EAGER_VALUES`` values loaded; BENCHMARKS.md). Within it, every filter at 10,000
documents (104 KB); at 50,000, those of the fewest bytes (kind, year, level, force)."""

SPELLED = "="
"""Prefix of the index keys of words as written (``spelled``)."""

_WORD = re.compile(r"[0-9a-z]+")
_LETTERS = re.compile(r"[^\W_]+")
_MARKUP = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "),  # images
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: their text
    (re.compile(r"<[^>]+>"), " "),  # HTML tags
    (re.compile(r"^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+", re.M), ""),  # block markers
    (re.compile(r"[*_`|~]+"), ""),  # emphasis, code, table pipes
    (re.compile(r"\\(.)"), r"\1"),  # escapes
    (re.compile(r"\s+"), " "),
]


def words(text: str) -> set[str]:
    """The folded words of ``text`` the index knows (the browser splits a query so too).

    >>> sorted(words("Kết luận số 832-TB/TU về Đảng bộ"))
    ['832', 'bo', 'dang', 'ket', 'luan', 'so', 'tb', 'tu', 've']
    >>> words("thuỷ lợi") == words("THỦY LỢI") == words("thuy loi")
    True
    """
    return {word for word in _WORD.findall(fold(text)) if len(word) <= MAX_WORD}


def spelled(text: str) -> set[str]:
    """The words of ``text`` that carry accents or đ, with them (``search.spelling``: NFC,
    new tone placement, lowercase), each prefixed with ``SPELLED`` as the index keys them;
    the browser reads a query so (``exactWords`` in ketluan-words.js).

    >>> sorted(spelled("Chè xanh, THUỶ lợi; che phủ 2024"))
    ['=chè', '=lợi', '=phủ', '=thủy']
    """
    found = set()
    for word in _LETTERS.findall(spelling(text)):
        if len(word) <= MAX_WORD and fold(word) != word:
            found.add(SPELLED + word)
    return found


def plain(markdown: str) -> str:
    """Markdown as one line of text, roughly: what the result shows of a body.

    >>> plain("## 1. Tình hình\\n\\n**Huyện ủy** [thống nhất](../x/) | các *nội dung*:")
    '1. Tình hình Huyện ủy thống nhất các nội dung:'
    """
    text = markdown
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return text.strip()


@dataclass(frozen=True)
class Words:
    """What the index needs of one document, from its text (analysed with its body)."""

    text: str
    """Every folded word of its page (metadata and body), sorted, space-separated."""
    described: str
    """The folded words of its title and metadata."""
    summary: str
    """The start of its text, shown under its title in the results."""
    spelled: str = ""
    """Its words with accents or đ, as written (``spelled``), sorted: an accented query
    ranks the documents holding its words so first ("chè" before "che phủ")."""
    spelled_described: str = ""
    """Those of its title and metadata ("diễn biến" typed is not the place Điện Biên)."""


def signed(doc: Document) -> list[str]:
    """What its signers' lines say (name, title, authority): metadata, ranked as its title."""
    return [part for s in doc.signers for part in (s.name, s.title, s.authority) if part]


def document_words(doc: Document) -> Words:
    """The ``Words`` of ``doc`` (its body read): its text and metadata, as its page shows them."""
    described = [doc.title, doc.number, doc.type.label, *doc.issuers, doc.place, *signed(doc)]
    more = [doc.province, doc.district, doc.commune, doc.meeting, doc.author]
    more += [*doc.recipients, *doc.tags, doc.body]
    all_text = " ".join(filter(None, [*described, *more]))
    told = words(" ".join(filter(None, described)))
    every = told | words(all_text)
    text = plain(doc.body)
    if len(text) > SUMMARY:
        text = text[:SUMMARY].rsplit(" ", 1)[0] + " …"
    exact = " ".join(sorted(spelled(all_text)))
    exact_told = " ".join(sorted(spelled(" ".join(filter(None, described)))))
    return Words(" ".join(sorted(every)), " ".join(sorted(told)), text, exact, exact_told)


@dataclass(frozen=True)
class Indexed:
    """One document as the index holds it: its place in the numbering, its record."""

    order: tuple[str, str]
    """``records.order`` (ISO date and URL): documents are numbered by it, oldest first."""
    record: dict[str, str]
    """``result_entry``, ``x``, the start of its text, and ``s``, its signers' lines (which
    the browser's ranking reads with its title and metadata: ``toldOf`` in ketluan-words.js)."""
    words: Words
    places: tuple[str, ...] = ()
    """Places it names (``site.search.spelling``): each is a word of its own
    (``place_token``), so a place query finds only the documents naming the place, not
    every "diễn biến" for "dien bien"."""
    own: tuple[str, ...] = ()
    """Those of ``places`` it belongs to (its own place names them), ranked first."""
    facets: dict[str, list[str]] = field(default_factory=dict)
    """Its filter values (``SearchPlan.facets``), by filter name."""


def indexed(
    doc: Document,
    found: Words,
    named: Iterable[str] = (),
    facets: dict[str, list[str]] | None = None,
) -> Indexed:
    """``doc`` as the word index holds it; ``named``: the places it names
    (``SearchPlan.named``); ``facets``: its filter values."""
    record = result_entry(doc)
    if found.summary:
        record["x"] = found.summary
    if signers := signed(doc):  # metadata the results do not show, the ranking reads
        record["s"] = ", ".join(signers)
    places = tuple(sorted(named))
    here = fold(doc.place or "")
    own = tuple(name for name in places if fold(name) in here)
    return Indexed(order(doc), record, found, places, own, facets or {})


def file_name(word: str) -> str:
    """The name of a frequent word's own file (``urls.word_file``): the word itself when it
    is folded letters and digits, else its UTF-8 bytes in hex (``fileName`` in
    ketluan-words.js).

    >>> file_name("ket"), file_name("=chè")
    ('ket', 'x3d6368c3a8')
    """
    return word if _WORD.fullmatch(word) else "x" + word.encode("utf-8").hex()


def keys(item: Indexed) -> tuple[set[str], set[str]]:
    """The index keys of a document: those it holds, those its title or metadata hold
    (each once: two spellings of a place, "hoà" and "hòa", make one token)."""
    words = item.words
    every = {*words.text.split(), *words.spelled.split(), *map(place_token, item.places)}
    told = {*words.described.split(), *words.spelled_described.split()}
    return every, told | set(map(place_token, item.own))


def base_word(word: str) -> str | None:
    """The folded word every document holding ``word`` as written holds ("=thiên":
    "thien"), whose postings ``word``'s are stored within; None for a folded word."""
    return fold(word[len(SPELLED) :]) if word.startswith(SPELLED) else None


def word_bucket(word: str) -> str:
    """The bucket file of ``word``: a word as written is in its folded form's (``titleBucket``
    of that form in ketluan-words.js), so that a local change that moves the folded form's
    postings rewrites the positions stored within them in the same file.

    >>> word_bucket("=thiên") == word_bucket("thien") == bucket("thien")
    True
    """
    return bucket(base_word(word) or word)


Lists = tuple[list[int], list[int]]
"""A word's documents, and those holding it in their title or metadata."""


def entry(
    every: list[int], told: list[int], total: int, base: list[int] | None = None
) -> tuple[list[Any], Own]:
    """A word's bucket entry: how many documents hold it and how many in their title or
    metadata, then its postings and its described postings (``total``: the number of
    documents; ``base``: the postings of ``base_word``, which its postings are stored within
    when shorter so); when they are longer than ``INLINE``, the entry holds only the counts
    and ``Own`` the texts of the word's files.

    The counts tell the browser, before it reads a word's postings, that an accented word
    is in every document its folded form is in (the same counts): its postings are not
    fetched; and which described postings are the shortest, which it reads first (and
    often alone: ``described`` in ketluan-words.js)."""
    found = [encode_within(every, base, total), encode(told, total)]
    if sum(map(len, found)) > INLINE:
        described = json_text(found[1]) if found[1] else None
        return [len(every), len(told)], Own(json_text(found[0]), described)
    return [len(every), len(told), *found], Own(None, None)


@dataclass(frozen=True)
class Own:
    """The texts of a frequent word's own files (None: no such file)."""

    postings: str | None
    """``urls.word_file``: its postings, as a JSON string."""
    described: str | None
    """``urls.word_described``: its described postings, as a JSON string. Apart, because a
    query of many common words needs only the shortest few: a long pasted title's read
    99 KB of them at 50,000 documents (BENCHMARKS.md)."""

    def files(self, word: str) -> dict[str, str | None]:
        """Site path -> text (None: none) of ``word``'s own files."""
        return dict(zip(own_paths(word), (self.postings, self.described), strict=True))


def own_paths(word: str) -> tuple[str, str]:
    """The paths of ``word``'s own files: its postings, its described postings."""
    name = file_name(word)
    return urls.word_file(name), urls.word_described(name)


Read = Callable[[str], str | None]
"""The text of a published file of the site (None when there is none)."""


def stored(
    read: Read, found: dict[str, list[Any]], word: str, base: list[int] | None = None
) -> Lists:
    """``word``'s lists as the index holds them, as the browser reads them (``holding`` and
    ``described`` in ketluan-words.js): ``found`` is its bucket file, ``read`` reads its own
    files and, for postings stored within its folded form's, that form's (unless given:
    ``base``, already read).

    ([], []) when the bucket does not hold it."""
    held = found.get(word)
    if held is None:
        return [], []
    if len(held) > 2:
        texts = held[2:]
    else:
        texts = [json.loads(read(path) or '""') for path in own_paths(word)]
    folded = base_word(word)
    if base is None and folded is not None and texts[0].startswith(WITHIN):
        base = stored(read, found, folded)[0]
    return decode(texts[0], base), decode(texts[1])


def word_files(documents: Iterable[Indexed]) -> dict[str, str]:
    """Site path -> JSON text of every file of the index (compact, byte-stable): the
    buckets (``word: [count, described count, postings, described]``, or the two counts
    when the postings are in the word's own file, ``[postings, described]``), the records
    files, the places named (``urls.word_places``: folded name -> its spellings, in files
    by the bucket of the name's first word, which the browser reads a query's place names
    with), and one file per filter (``urls.word_facet``: ``n``, the number of documents,
    and ``v``, each value's postings), which the filters are chosen and counted with, and
    how many values each filter has (``urls.WORD_FACETS``, with ``n``: the browser loads a
    filter of thousands of values, such as the agencies tasks are given to, only when the
    reader opens its list)."""
    ordered = sorted(documents, key=lambda item: item.order)
    postings: dict[str, list[int]] = defaultdict(list)
    told: dict[str, list[int]] = defaultdict(list)
    spellings: dict[str, set[str]] = defaultdict(set)
    values: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for number, item in enumerate(ordered):
        for name, chosen in item.facets.items():
            for value in sorted(set(chosen)):
                values[name][value].append(number)
        every, described = keys(item)
        for word in every:
            postings[word].append(number)
        for word in described:
            told[word].append(number)
        for name in item.places:
            spellings[fold(name)].add(name)
    buckets: dict[str, dict[str, list[Any]]] = defaultdict(dict)
    files: dict[str, str] = {}
    for word in sorted(postings):
        held = base_word(word)
        base = postings.get(held) if held else None
        lists = postings[word], told.get(word, [])
        buckets[word_bucket(word)][word], own = entry(*lists, len(ordered), base)
        files.update({path: text for path, text in own.files(word).items() if text})
    for name, value in buckets.items():
        files[urls.word_lookup(name)] = json_text(value)
    counts = {word: len(found) for word, found in postings.items()}
    files.update({path: json_text(found) for path, found in prefix_lists(counts).items()})
    named: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for name in sorted(spellings):  # by the first word: a query reads the files of its words
        named[bucket(name.split(" ")[0])][name] = sorted(spellings[name])
    for name, found in named.items():
        files[urls.word_places(name)] = json_text(found)
    for name, found in values.items():
        postings_of = {value: encode(found[value], len(ordered)) for value in sorted(found)}
        files[urls.word_facet(name)] = json_text({"n": len(ordered), "v": postings_of})
    counts = {name: len(values[name]) for name in sorted(values)}
    sizes = {name: len(files[urls.word_facet(name)].encode("utf-8")) for name in counts}
    listed = {"n": len(ordered), "values": counts, "eager": eager(counts, sizes)}
    files[urls.WORD_FACETS] = json_text(listed)
    for start in range(0, len(ordered), GROUP):
        group = [item.record for item in ordered[start : start + GROUP]]
        files[urls.record_group(start // GROUP)] = json_text(group)
    return dict(sorted(files.items()))


def eager(counts: dict[str, int], sizes: dict[str, int]) -> list[str]:
    """The filters whose values and counts load with the filters (the others load when the
    reader opens their list): those of at most ``EAGER_VALUES`` values, smallest file first,
    while their files together stay within ``EAGER_BYTES``.

    >>> eager({"nam": 16, "tinh": 63, "giao_cho": 9000}, {"nam": 9, "tinh": 16, "giao_cho": 500})
    ['nam', 'tinh']
    >>> kilobytes = {"nam": 42_000, "tinh": 77_000, "huyen": 87_000}
    >>> eager({"nam": 16, "tinh": 63, "huyen": 666}, kilobytes)
    ['nam', 'tinh']
    """
    chosen, total = [], 0
    for name in sorted(counts, key=lambda name: (sizes[name], name)):
        if counts[name] <= EAGER_VALUES and total + sizes[name] <= EAGER_BYTES:
            chosen.append(name)
            total += sizes[name]
    return sorted(chosen)


def json_text(value: object) -> str:
    """The text of an index file: compact JSON, one line."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
