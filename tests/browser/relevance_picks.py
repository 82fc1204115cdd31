"""Picks of the relevance set over the generated corpus, and Telex/VNI typing.

The generated corpus (benchmarks/generate.py) is rendered here in memory with the seed of
tests/data/relevance.yaml, as ``generate.generate`` writes it (the fixture checks the files
it wrote are these texts), and each recipe picks its documents from the rendered front
matter and bodies: expectations come from the generated data, never from search output.
"""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ketluan.core.model import BUILTIN_TYPES
from ketluan.core.places import compact, gazetteer
from ketluan.core.text import fold

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402
import phrases  # noqa: E402
import variety  # noqa: E402

KIND_PHRASE = "thông báo kết luận"

# Typing with the input method off: shape keys right after the letter (Telex: aa, aw, ow,
# dd) or at the end of the word with the tone (VNI, as ``thong6 bao1``); the tone last.
TELEX_TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
VNI_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
TELEX_SHAPES = {"\u0302": None, "\u0306": "w", "\u031b": "w"}  # None: the letter twice
VNI_SHAPES = {"\u0302": "6", "\u0306": "8", "\u031b": "7"}


def _typed(word: str, telex: bool) -> str:
    out, tail, tone = [], [], ""
    for char in unicodedata.normalize("NFD", word.replace("đ", "\x00").replace("Đ", "\x01")):
        if char in "\x00\x01":
            out.append(("D" if char == "\x01" else "d") + ("d" if telex else ""))
            tail += [] if telex else ["9"]
        elif char in TELEX_TONES:
            tone = (TELEX_TONES if telex else VNI_TONES)[char]
        elif char in VNI_SHAPES:
            if telex:
                key = TELEX_SHAPES[char]
                out.append(out[-1].lower() if key is None else key)
            else:
                tail.append(VNI_SHAPES[char])
        else:
            out.append(char)
    keys = [k for i, k in enumerate(tail) if not i or tail[i - 1] != k]  # ươ: one 7
    return "".join(out) + "".join(keys) + tone


_LETTERS = re.compile(r"[^\W\d_]+")
"""A word's letters: its keys are typed before the punctuation after it ("phòng," is
"phongf,", not "phong,f")."""


def telex(text: str) -> str:
    """``text`` typed in Telex with the input method off: "thông báo" -> "thoong baos"."""
    return _LETTERS.sub(lambda found: _typed(found.group(), True), text)


def vni(text: str) -> str:
    """``text`` typed in VNI with the input method off: "thông báo" -> "thong6 bao1"."""
    return _LETTERS.sub(lambda found: _typed(found.group(), False), text)


@dataclass(frozen=True)
class GenDoc:
    """A generated file as written: its path under conclusions/, front matter and body."""

    path: str
    meta: dict[str, object]
    body: str

    @property
    def title(self) -> str:
        return str(self.meta["title"])

    @property
    def number(self) -> str | None:
        value = self.meta.get("number")
        return str(value) if value else None

    @property
    def district(self) -> str | None:
        value = self.meta.get("district")
        return str(value) if value else None

    @property
    def heading(self) -> str:
        """The document's h1: its kind's name before a title that does not start with it."""
        label = BUILTIN_TYPES[str(self.meta["type"])].label
        return self.title if fold(self.title).startswith(fold(label)) else f"{label} {self.title}"


def rendered(count: int, seed: int) -> dict[str, str]:
    """The text of every file ``generate.generate(count, ..., seed=seed)`` writes."""
    return {
        doc.path: variety.render(doc, random.Random(f"{seed}/{doc.index}"))
        for doc in generate.plan(count, seed)
    }


def parse(texts: dict[str, str]) -> list[GenDoc]:
    docs = []
    for path, text in sorted(texts.items()):
        _, head, body = text.split("---\n", 2)
        docs.append(GenDoc(path, yaml.safe_load(head), body))
    return docs


@dataclass(frozen=True)
class Pick:
    """Fields to format the queries with, and the named sets of documents (paths)."""

    fields: dict[str, str]
    sets: dict[str, frozenset[str]] = field(default_factory=dict)


NUMBER = re.compile(r"(?<!\w)\d+-\w+/\w+(?!\w)")
"""A Party number as the picks use them (``N-CODE/ISSUER``), whole."""


def _number_fields(number: str) -> dict[str, str]:
    serial, _, symbol = number.partition("-")
    return {
        "number": number,
        "number_spaced": f"{serial} {symbol}",
        "number_swapped": f"{serial}/{symbol.replace('/', '-')}",
        "number_lower": number.lower(),
    }


def _unique_numbers(docs: list[GenDoc]) -> list[tuple[GenDoc, frozenset[str]]]:
    """Numbered documents (``N-CODE/ISSUER``) whose number no other one has, with the paths
    of the documents whose bodies cite that number."""
    counts = Counter(d.number for d in docs if d.number)
    citing: dict[str, set[str]] = {}
    for d in docs:
        for number in set(NUMBER.findall(d.body)):
            citing.setdefault(number, set()).add(d.path)
    found = []
    for doc in docs:
        if doc.number and counts[doc.number] == 1 and NUMBER.fullmatch(doc.number):
            found.append((doc, frozenset(citing.get(doc.number, set()) - {doc.path})))
    return found


def cited_number(docs: list[GenDoc]) -> list[Pick]:
    """One document cited by one to four others."""
    for doc, citing in _unique_numbers(docs):
        if 1 <= len(citing) <= 4:
            fields = _number_fields(doc.number or "")
            return [Pick(fields, {"picked": frozenset([doc.path]), "citing": citing})]
    raise LookupError("no cited number")


def other_numbers(docs: list[GenDoc]) -> list[Pick]:
    """Three numbers of different codes, none of them cited."""
    picks, codes = [], set()
    for doc, citing in _unique_numbers(docs):
        code = (doc.number or "").split("-", 1)[1]
        if not citing and code not in codes:
            codes.add(code)
            picks.append(Pick(_number_fields(doc.number or ""), {"picked": frozenset([doc.path])}))
    return picks[:3]


def _unique_districts(docs: list[GenDoc]) -> dict[str, list[GenDoc]]:
    """Districts whose name no other district or province of the country has (folded), with
    their documents, by name."""
    g = gazetteer()
    names = Counter(compact(d.name) for d in g.districts.values())
    names.update(compact(p.name) for p in [*g.former.values(), *g.current.values()])
    by_name: dict[str, list[GenDoc]] = {}
    for doc in docs:
        if doc.district and names[compact(doc.district)] == 1:
            by_name.setdefault(doc.district, []).append(doc)
    return dict(sorted(by_name.items()))


def _place_fields(name: str) -> dict[str, str]:
    return {
        "district": name,
        "district_folded": fold(name),
        "district_telex": telex(name.lower()),
        "district_vni": vni(name.lower()),
    }


def district(docs: list[GenDoc]) -> list[Pick]:
    """Two districts with two to five documents."""
    named = _unique_districts(docs).items()
    chosen = [(n, ds) for n, ds in named if 2 <= len(ds) <= 5 and fold(n) != n.lower()][:2]
    return [Pick(_place_fields(n), {"district": frozenset(d.path for d in ds)}) for n, ds in chosen]


def district_topic(docs: list[GenDoc]) -> list[Pick]:
    """A district with one document whose title has a topic that titles of documents of
    other places have too."""
    tags = [tag for topic, tag in phrases.TOPICS if fold(tag) in fold(topic)]
    titles = {d.path: fold(d.title) for d in docs}
    titled_by = {tag: [d for d in docs if fold(tag) in titles[d.path]] for tag in tags}
    for name, own in _unique_districts(docs).items():
        for tag in tags:
            titled = [d for d in own if fold(tag) in titles[d.path]]
            elsewhere = len(titled_by[tag]) - len(titled)  # own: every document of the name
            if len(titled) == 1 and elsewhere >= 2:
                fields = _place_fields(name) | {"topic": tag, "topic_folded": fold(tag)}
                return [Pick(fields, {"picked": frozenset([titled[0].path])})]
    raise LookupError("no district with a topic")


def title(docs: list[GenDoc]) -> list[Pick]:
    """Two titles no other document has, with a topic ("về ...")."""
    counts = Counter(fold(d.title) for d in docs)
    unique = [d for d in docs if counts[fold(d.title)] == 1 and " về " in d.title]
    return [
        Pick(
            {
                "title": d.title,
                "title_folded": fold(d.title),
                "title_telex": telex(d.title),
                "title_vni": vni(d.title),
            },
            {"picked": frozenset([d.path])},
        )
        for d in unique[:2]
    ]


def kind_in_title(docs: list[GenDoc]) -> list[Pick]:
    """The documents whose heading says "Thông báo kết luận"."""
    titled = frozenset(d.path for d in docs if fold(KIND_PHRASE) in fold(d.heading))
    return [Pick({}, {"titled": titled})]


PICKS: dict[str, Callable[[list[GenDoc]], list[Pick]]] = {
    "cited-number": cited_number,
    "other-numbers": other_numbers,
    "district": district,
    "district-topic": district_topic,
    "title": title,
    "kind-in-title": kind_in_title,
}
