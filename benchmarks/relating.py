"""Relations between generated documents: chains of replacements, implementing plans,
amendments and the documents conclusions are based on.

A committee's conclusions on one topic often replace each other in turn (each "Kết luận
này thay thế Kết luận số …" of the one before); a district committee implements a
conclusion of its provincial committee ("Thực hiện Kết luận số … của Ban Thường vụ Tỉnh
ủy, …"); a later conclusion amends an earlier one of the same committee; some rest on one
("Căn cứ Kết luận số …"). Most are written in the text in the forms the build detects, the
rest declared under ``relations:`` as an office would when the text does not say it.
Deterministic: the same corpus and seed give the same relations.
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from typing import TYPE_CHECKING

import citing

if TYPE_CHECKING:
    from generate import Doc

CHAIN = 0.4
"""Share of a committee's series of conclusions on one topic that replace each other."""
IMPLEMENT = 0.12
"""Share of district documents implementing a conclusion of their province."""
AMEND = 0.04
"""Share of numbered conclusions amending an earlier one of their committee."""
BASED_ON = 0.08
"""Share of district documents based on a conclusion of their province."""
DECLARED = 0.3
"""Share of relations declared in front matter instead of written in the text."""


def relate(docs: list[Doc], seed: int) -> None:
    """Choose the relations of every document; each is written by ``state``."""
    rng = random.Random(f"{seed}|relations")
    conclusions = [d for d in _in_order(docs) if _citable(d) and d.type == "ket-luan"]
    series: dict[tuple[str, str], list[Doc]] = defaultdict(list)
    by_committee: dict[str, list[Doc]] = defaultdict(list)
    for doc in conclusions:
        series[(doc.committee.key, doc.topic)].append(doc)
        by_committee[doc.committee.key].append(doc)
    for chain in series.values():
        if len(chain) > 1 and rng.random() < CHAIN:
            for old, new in itertools.pairwise(chain):
                state(new, old, "thay-the", rng)
    for doc in conclusions:
        earlier = [d for d in by_committee[doc.committee.key] if d.day < doc.day]
        earlier = [d for d in earlier if d.topic != doc.topic]
        if earlier and rng.random() < AMEND:
            state(doc, rng.choice(earlier[-5:]), "sua-doi", rng)
    for doc in _in_order(docs):
        parent = doc.committee.parent
        if parent is None or doc.news:
            continue
        above = [d for d in by_committee[parent.key] if d.day < doc.day][-6:]
        for kind, share in (("thuc-hien", IMPLEMENT), ("can-cu", BASED_ON)):
            if above and rng.random() < share:
                state(doc, rng.choice(above), kind, rng)


def _in_order(docs: list[Doc]) -> list[Doc]:
    return sorted(docs, key=lambda d: (d.day, d.index))


def _citable(doc: Doc) -> bool:
    """Numbered, by a committee whose documents later texts can name so that they resolve,
    before the 2025 merger (merged committees' numbers start afresh)."""
    return bool(doc.number) and doc.committee.citable and doc.committee.level != "merged"


def state(doc: Doc, target: Doc, kind: str, rng: random.Random) -> None:
    """``doc`` states relation ``kind`` of ``target``: a sentence of its text, or an item
    of its front matter ``relations:``."""
    if any(target.number in line for line in doc.relations + doc.stated):
        return  # one relation per pair of documents
    if rng.random() < DECLARED:
        date = target.day.isoformat()
        doc.relations.append(f"kind: {kind}\n    number: {target.number}\n    date: {date}")
        return
    d = target.day
    own = target.committee is doc.committee
    issuer = rng.choice(target.committee.phrases() if own else target.committee.named())
    cited = f"{citing.WORDS[target.type]} số {target.number} ngày {d.day}/{d.month}/{d.year}"
    cited += f" của {issuer}"
    body = doc.committee.word
    sentence = {
        "thay-the": f"Kết luận này thay thế {cited}.",
        "sua-doi": f"Sửa đổi, bổ sung một số nội dung của {cited} về {target.topic}.",
        "thuc-hien": f"Thực hiện {cited}, Ban Thường vụ {body} thống nhất triển khai như sau.",
        "can-cu": f"Căn cứ {cited}; Ban Thường vụ {body} thống nhất chỉ đạo.",
    }[kind]
    doc.stated.append(sentence)
