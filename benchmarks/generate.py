"""Deterministic generator of a realistic corpus of conclusions, for benchmarks and tests.

``python benchmarks/generate.py N DIR [--seed S]`` writes a MkDocs project with N documents:
the four types, issued by the provincial committees of the 63 former provinces and the
committees of their real former districts (before 1 July 2025; a few by the 34 provinces
after it), numbered as Party offices number them (per committee, type and term, so the
same number recurs across districts and terms), with signer blocks, recipients,
footnotes, headings and lists as published, 3-25 KB each, and citations in every form the
citation matcher reads: of central, provincial, district and State documents outside the
corpus (central ones with a skewed popularity) and of earlier documents of the corpus (by
number, date and issuer, so that they resolve to them). Besides them (``variety``,
``central_docs``): other kinds of the committees, about one central document in a hundred
(the real ones cited, at their central URLs), signing chains and joint documents; and
relations between them (``relating``: chains of replacements, implementing plans,
amendments). Same N and seed, same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import catalogue as cat
import central_docs
import citing
import committees as cm
import phrases as ph
import relating
import variety

from ketluan.core.places import gazetteer
from ketluan.core.text import slugify

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SEED = 2025
FIRST = dt.date(2015, 11, 2)
"""First day of the corpus: all committees are in their 2015-2020 term."""
TYPES = {"ket-luan": 0.35, "thong-bao-ket-luan": 0.25, "thong-bao-y-kien": 0.15, "tin-bai": 0.25}
CODES = {"ket-luan": "KL", "thong-bao-ket-luan": "TB", "thong-bao-y-kien": "TB"}
ISSUERS = {
    "ket-luan": ("", "Ban Thường vụ "),
    "thong-bao-ket-luan": ("Thường trực ", "Ban Thường vụ "),
    "thong-bao-y-kien": ("Thường trực ", "Thường trực ", "Ban Thường vụ "),
    "tin-bai": ("Ban Thường vụ ", "Thường trực ", ""),
}
"""Who issues each type, before the committee's name (Huyện ủy = its executive committee)."""
VISITS = {"thong-bao-ket-luan": 0.6, "tin-bai": 0.4, "ket-luan": 0.1, "thong-bao-y-kien": 0.0}
"""How often a provincial document of each type reports a working session in a district."""


@dataclass
class Doc:
    """A generated conclusion: its identity first, then what its text needs."""

    index: int
    committee: cm.Committee
    type: str
    day: dt.date
    issuer: str
    province: str
    district: str | None
    folder: str
    visited: cm.Committee | None = None
    """The district committee a provincial document reports a working session with."""
    code: str = ""
    number: str | None = None
    title: str = ""
    topic: str = ""
    tags: list[str] = field(default_factory=list)
    meeting: str | None = None
    meeting_term: str = ""
    session: int = 1
    signer: dict[str, str] | None = None
    author: str | None = None
    recipients: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)
    """Items of its ``relations:`` (``relating``)."""
    stated: list[str] = field(default_factory=list)
    """Sentences stating its relations, after the opening paragraph (``relating``)."""
    leader: str = ""
    leader_title: str = ""
    place_visited: str | None = None
    cites: list[citing.Planned] = field(default_factory=list)
    footnotes: int = 0
    old_tone: bool = False
    target: int = 8000
    path: str = ""
    variety: Any = None
    """What it has beyond v1 front matter (``variety.Variety``): level, joint issuers and
    signers, signing chain; a central document's whole text."""

    @property
    def news(self) -> bool:
        """News reports have an author, no number and no signer."""
        return self.type == "tin-bai"

    @property
    def owner(self) -> cm.Committee:
        """The committee whose numbering the document takes part in (as ``Ref.owner``)."""
        return self.committee

    @property
    def scope(self) -> str:
        """The resolver's scope of its number (as ``Ref.scope``)."""
        return self.committee.namespace


def plan(count: int, seed: int = DEFAULT_SEED) -> list[Doc]:
    """Every document of the corpus, numbered, with its citations, not yet written."""
    rng = random.Random(seed)
    provinces, districts, merged = cm.build(gazetteer(), rng)
    pools = {"district": districts, "province": provinces, "merged": merged}
    children: dict[str, list[cm.Committee]] = {}
    for d in districts:
        assert d.parent is not None
        children.setdefault(d.parent.key, []).append(d)
    first = rng.sample(provinces, len(provinces))  # every former province has documents
    seen: set[tuple[Any, ...]] = set()
    docs = []
    central = central_docs.count(count)
    for index in range(count - central):
        level = rng.choices(("district", "province", "merged"), (0.62, 0.32, 0.06))[0]
        if index < len(first):
            pool = children[first[index].key] if level == "district" else [first[index]]
        else:
            pool = pools[level]
        committee = rng.choices(pool, [c.weight for c in pool])[0]
        docs.append(_document(rng, seed, index, committee, children, seen))
        variety.other_kind(docs[-1], seed)
    outside = citing.number(docs, rng, seed)
    samplers = {key: citing.Sampler(refs) for key, refs in outside.items()}
    own = citing.citable(docs)
    refs = cat.central(random.Random(seed))
    cited = citing.Sampler(refs)
    states: dict[str, citing.Sampler] = {}
    for doc in docs:
        citing.cite(doc, rng, cited, samplers, own, states, seed)
        variety.finish(doc, rng, seed)
    relating.relate(docs, seed)
    docs += central_docs.documents(refs, central, seed, len(docs))
    _paths(docs)
    return docs


def _document(
    rng: random.Random,
    seed: int,
    index: int,
    c: cm.Committee,
    children: dict[str, list[cm.Committee]],
    seen: set[tuple[Any, ...]],
) -> Doc:
    """One document's identity, topic, title and target size (not yet its number)."""
    kind = rng.choices(list(TYPES), list(TYPES.values()))[0]
    issuer = rng.choice(ISSUERS[kind]) + c.name
    doc = Doc(index, c, kind, _day(rng, c.level), issuer, c.province, c.district, c.folder)
    if c.level == "province" and rng.random() < VISITS[kind]:
        visited = children[c.key]
        doc.visited = rng.choices(visited, [v.weight for v in visited])[0]
        doc.district, doc.folder = doc.visited.district, doc.visited.folder
    covid = [ph.COVID] * 6 if 2020 <= doc.day.year <= 2022 else []
    doc.topic, tag = rng.choice(ph.TOPICS + covid)
    others = {t for _, t in rng.sample(ph.TOPICS, rng.randint(1, 4))} - {tag}
    doc.tags = [tag, *sorted(others)]
    doc.code = CODES[kind] if kind in CODES and rng.random() < 0.88 else ""
    doc.leader = c.official(rng.choice(("bi-thu", "pho-bi-thu")), doc.day, seed)
    doc.title = _title(doc, rng, seed)
    median, spread = (5200, 0.35) if doc.news else (9000, 0.55)
    doc.target = int(min(23_000, max(3_300, rng.lognormvariate(math.log(median), spread))))
    if not doc.code:  # no number: date (and title) keep identities apart
        step = dt.timedelta(days=1 if c.level == "merged" else -1)
        while (key := (c.key, issuer, kind, doc.day, doc.title if doc.news else "")) in seen:
            doc.day += step
        seen.add(key)
    return doc


def _day(rng: random.Random, level: str) -> dt.date:
    """A weekday; later years more often (more of them are published online)."""
    if level == "merged":
        day = cm.MERGER + dt.timedelta(days=rng.randrange((cm.LAST - cm.MERGER).days))
        return day + dt.timedelta(days=7 - day.weekday() if day.weekday() > 4 else 0)
    day = FIRST + dt.timedelta(days=int(((cm.MERGER - FIRST).days - 1) * rng.random() ** 0.8))
    return day - dt.timedelta(days=max(0, day.weekday() - 4))


def _title(doc: Doc, rng: random.Random, seed: int) -> str:
    """Title as the type prints it; sets the leader's title and the session number too."""
    c, d = doc.committee, doc.day
    role = "Bí thư" if doc.leader == c.official("bi-thu", d, seed) else "Phó Bí thư Thường trực"
    doc.leader_title = f"{role} {c.word}"
    term = c.term(d)
    doc.session = max(1, 1 + (d.year - term.year) * 6 + (d.month - term.month) // 2)
    visited = f"Ban Thường vụ {doc.visited.name}" if doc.visited else None
    doc.place_visited = visited
    if doc.type == "ket-luan" and doc.issuer == c.name:
        return f"Kết luận của Ban Chấp hành Đảng bộ {c.cap} tại kỳ họp thứ {doc.session}"
    if doc.type == "ket-luan":
        return f"Kết luận của Ban Thường vụ {c.word} về {doc.topic}"
    if doc.type == "thong-bao-ket-luan" and visited:
        who = f"đồng chí {doc.leader}, {doc.leader_title}"
        return f"Kết luận của {who}, tại buổi làm việc với {visited}"
    if doc.type == "thong-bao-ket-luan":
        return f"Thông báo kết luận của Thường trực {c.word} về {doc.topic}"
    if doc.type == "thong-bao-y-kien":
        monthly = f"Ý kiến của Thường trực {c.word} tại cuộc giao ban tháng {d.month}/{d.year}"
        return rng.choice((monthly, f"Ý kiến của Ban Thường vụ {c.word} về {doc.topic}"))
    if visited:
        return f"Ban Thường vụ {c.word} làm việc với {visited}"
    return rng.choice(
        (
            f"Thường trực {c.word} giao ban công tác tháng {d.month}/{d.year}",
            f"{c.name} sơ kết {doc.topic}",
            f"Hội nghị Ban Chấp hành Đảng bộ {c.cap} lần thứ {doc.session}",
        )
    )


def _paths(docs: list[Doc]) -> None:
    """File names as ``ketluan import`` writes them: number, date and type, or news title."""
    taken: set[str] = set()
    for doc in docs:
        if doc.number:
            name = slugify(doc.number)
        elif doc.news:
            name = f"{doc.day.isoformat()}-tin-bai-" + "-".join(slugify(doc.title).split("-")[:5])
        else:
            name = f"{doc.day.isoformat()}-{doc.type}"
        path, n = f"{doc.folder}/{name}.md", 1
        while path in taken:
            n += 1
            path = f"{doc.folder}/{name}-{n}.md"
        taken.add(path)
        doc.path = path


def generate(count: int, target: Path, seed: int = DEFAULT_SEED) -> Path:
    """Write a MkDocs project with ``count`` documents into ``target``; returns its config."""
    docs = plan(count, seed)
    if target.exists():
        shutil.rmtree(target)
    (target / "conclusions").mkdir(parents=True)
    shutil.copytree(REPO / "docs", target / "docs")
    shutil.copytree(REPO / "templates", target / "templates")  # a snapshot: edits don't leak
    for doc in docs:
        path = target / "conclusions" / doc.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(variety.render(doc, random.Random(f"{seed}/{doc.index}")).encode())
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target / "mkdocs.yml"


def district_of(count: int, seed: int = DEFAULT_SEED) -> str:
    """A district name that occurs in the generated corpus of ``count`` documents."""
    return next(d.committee.place for d in plan(count, seed) if d.committee.level == "district")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of documents")
    parser.add_argument("target", type=Path, help="project folder (replaced)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    print(generate(args.count, args.target, args.seed))


if __name__ == "__main__":
    main()
