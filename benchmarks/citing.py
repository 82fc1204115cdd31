"""How the generated documents are numbered and what each of them cites.

Party offices number per committee, type and term, so a committee's documents outside the
corpus (which the corpus cites) share one sequence with its documents in the corpus; a
citation is then chosen among central documents (by popularity), the committee's own and
its province's, State documents, and earlier documents of the corpus.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import catalogue as cat
import committees as cm
import variety

from ketluan.core.kinds import KINDS

if TYPE_CHECKING:
    from generate import Doc

WORDS = {"ket-luan": "Kết luận", "thong-bao-ket-luan": "Thông báo kết luận"}
WORDS["thong-bao-y-kien"] = "Thông báo"
WORDS |= {kind: KINDS[kind].label for kind in variety.OTHER_KINDS}


@dataclass
class Planned:
    """One citation a document will make; no ``phrases``: written without its issuer."""

    ref: cat.Ref
    dated: bool
    phrases: tuple[str, ...]
    pair: cat.Ref | None = None


class Sampler:
    """Weighted choice among refs issued a few days before a given day."""

    def __init__(self, refs: list[cat.Ref]) -> None:
        self.refs = sorted(refs, key=lambda r: r.day)
        self.days = [r.day for r in self.refs]
        self.cum = list(itertools.accumulate(r.weight for r in self.refs))

    def pick(self, rng: random.Random, before: dt.date) -> cat.Ref | None:
        """A ref issued at least three days before ``before``, by weight; None if none is."""
        k = bisect.bisect_left(self.days, before - dt.timedelta(days=3))
        if k == 0:
            return None
        return self.refs[bisect.bisect_right(self.cum, rng.random() * self.cum[k - 1], 0, k - 1)]


def windows(c: cm.Committee) -> list[tuple[dt.date, dt.date]]:
    """The committee's terms as (first day, day after the last)."""
    starts = cm.TERMS[c.level]
    ends = [*starts[1:], cm.MERGER if c.level != "merged" else cm.LAST]
    return list(zip(starts, ends, strict=True))


def number(docs: list[Doc], rng: random.Random, seed: int) -> dict[str, list[cat.Ref]]:
    """Numbers per committee, type and term in date order, in one sequence with the
    committee's documents outside the corpus (returned by committee); no two documents
    ever get one resolver key (namespace, number, date)."""
    sequences: dict[tuple[str, str, dt.date], list[Any]] = {}
    for doc in docs:
        if doc.code:
            sequences.setdefault(
                (doc.committee.key, doc.code, doc.committee.term(doc.day)), []
            ).append(doc)
    owners = {d.committee.key: d.committee for d in docs}
    owners |= {d.committee.parent.key: d.committee.parent for d in docs if d.committee.parent}
    outside = {}
    for key, c in owners.items():
        kinds = cat.DISTRICT_KINDS if c.level == "district" else cat.PROVINCE_KINDS
        outside[key] = cat.party(random.Random(f"{seed}|{key}"), c, kinds, windows(c))
        for ref in outside[key]:
            sequences.setdefault((key, ref.code, c.term(ref.day)), []).append(ref)
    taken: set[tuple[str, str, dt.date]] = set()
    counts: dict[tuple[str, str], int] = {}
    for (_, code, start), group in sequences.items():
        group.sort(key=lambda item: (item.day, getattr(item, "index", -1)))  # refs: no index
        suffix = group[0].owner.code
        rate = (
            cat.NUMBERS_PER_YEAR.get(code) or {**cat.PROVINCE_KINDS, **cat.DISTRICT_KINDS}[code][2]
        )
        n = 0
        for item in group:
            n = max(n + 1, 1 + int(rate * (item.day - start).days / 365 * rng.uniform(0.8, 1.05)))
            while (item.scope, f"{n:02d}-{code}/{suffix}", item.day) in taken:
                n += 1
            item.number = f"{n:02d}-{code}/{suffix}"
            taken.add((item.scope, item.number, item.day))
            counts[(item.scope, item.number)] = counts.get((item.scope, item.number), 0) + 1
    for refs in outside.values():
        for ref in refs:
            ref.unique = counts[(ref.scope, ref.number)] == 1
    return outside


def citable(docs: list[Doc]) -> dict[str, list[cat.Ref]]:
    """Numbered documents of the corpus as refs, per committee, in date order."""
    own: dict[str, list[cat.Ref]] = {}
    for doc in sorted(docs, key=lambda d: (d.day, d.index)):
        if doc.number and doc.committee.citable:
            c = doc.committee
            about = f"về {doc.topic}" if doc.type != "thong-bao-y-kien" else ""
            ref = cat.Ref(
                WORDS[doc.type], doc.day, c.phrases(), about, doc.number, owner=c, doc=doc
            )
            ref.scope = c.namespace
            own.setdefault(c.key, []).append(ref)
    return own


def cite(
    doc: Doc,
    rng: random.Random,
    central: Sampler,
    outside: dict[str, Sampler],
    own: dict[str, list[cat.Ref]],
    states: dict[str, Sampler],
    seed: int,
) -> None:
    """Choose what ``doc`` cites: central documents most, then its committee's and its
    province's, State documents, and earlier documents of the corpus."""
    c = doc.committee
    province = c.parent or c
    if province.key not in states and c.level != "merged":
        states[province.key] = Sampler(
            cat.state(random.Random(f"{seed}|state|{province.key}"), province)
        )
    corpus = [r for r in own.get(c.key, []) if r.day < doc.day]
    named = []  # this year's of the province above, or of the district visited
    for other in (c.parent, doc.visited):
        if other is not None:
            named += [
                r for r in own.get(other.key, []) if r.day < doc.day and r.day.year == doc.day.year
            ]
    sources: list[tuple[float, Any]] = [(0.36, central)]
    sources += [(0.2, outside[c.key])] + ([(0.2, outside[c.parent.key])] if c.parent else [])
    if c.level != "merged":
        sources.append((0.14, states[province.key]))
    if corpus or named:
        sources.append((0.16, "corpus"))
    numbers = {doc.number}  # one number, one document: no two cited documents share it
    for _ in range(max(1, round(doc.target / 1000 / rng.uniform(2.0, 4.0)))):
        source = rng.choices([s for _, s in sources], [w for w, _ in sources])[0]
        if source == "corpus":  # the most recent ones more often
            weights = [*range(1, len(corpus) + 1), *range(1, len(named) + 1)]
            pick = rng.choices(range(len(weights)), weights)[0]
            ref = (corpus + named)[pick]
        else:
            ref = source.pick(rng, doc.day)
        if ref is None or ref.number in numbers:
            continue
        numbers.add(ref.number)
        if source == "corpus":
            planned = Planned(ref, True, ref.issuers if pick < len(corpus) else ref.owner.named())
        else:
            by_name = ref.owner is not None and not ref.owner.simple and ref.owner.readable
            phrases = ref.issuers if by_name or rng.random() < 0.7 else ()
            planned = Planned(ref, not (ref.unique and rng.random() < 0.25), phrases)
            if not ref.unique and rng.random() < 0.04:  # undated: the file says which one
                planned.dated = False
                doc.references.append(f"number: {ref.number}\n    date: {ref.day.isoformat()}")
            if source is central and rng.random() < 0.15:
                other = central.pick(rng, doc.day)
                if other and other.issuers == ref.issuers and other.number not in numbers:
                    planned.pair = other
                    numbers.add(other.number)
        doc.cites.append(planned)
        if ref.owner is not None and rng.random() < 0.2:  # named again later, without date
            doc.cites.append(Planned(ref, False, planned.phrases or ref.issuers))
    rng.shuffle(doc.cites)
