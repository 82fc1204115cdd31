"""benchmarks/generate.py: the benchmark corpus is deterministic, every file passes the
loader, and it looks like the published documents (sizes, signer blocks, footnotes) with
citations that resolve both to generated documents and to documents outside the corpus."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO
from ketluan import pipeline
from ketluan.citations.index import CitationIndex
from ketluan.core.corpus import Corpus, load_corpus
from ketluan.core.model import BUILTIN_TYPES, Document

sys.path.insert(0, str(REPO / "benchmarks"))
import generate

COUNT, SEED = 300, 11


def files(project: Path) -> dict[str, bytes]:
    root = project / "conclusions"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.md"))}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = generate.generate(COUNT, tmp_path_factory.mktemp("generated") / "p", seed=SEED)
    return config.parent


@pytest.fixture(scope="module")
def corpus(project: Path) -> Corpus:
    return load_corpus(project, "conclusions", BUILTIN_TYPES)


def test_same_seed_same_bytes_other_seed_other_corpus(project: Path, tmp_path: Path) -> None:
    first = files(project)
    assert len(first) == COUNT
    assert files(generate.generate(COUNT, tmp_path / "again", seed=SEED).parent) == first
    other = files(generate.generate(COUNT, tmp_path / "other", seed=SEED + 1).parent)
    assert other != first
    assert len(set(other.values()) & set(first.values())) == 0


def test_every_file_passes_the_loader(corpus: Corpus) -> None:
    assert len(corpus.documents) == COUNT  # load_corpus raises on any problem or duplicate
    kinds = Counter(d.type.slug for d in corpus.documents)
    assert set(kinds) <= set(BUILTIN_TYPES)
    conclusions = ("ket-luan", "thong-bao-ket-luan", "thong-bao-y-kien")
    assert all(kinds[k] for k in (*conclusions, "tin-bai")), kinds
    assert sum(kinds[k] for k in (*conclusions, "tin-bai")) > 0.8 * COUNT, "conclusions first"
    assert len(set(kinds) - {*conclusions, "tin-bai"}) >= 5, kinds  # NQ, CT, KH, ĐA... TTLT
    local = [d for d in corpus.documents if d.province is not None]
    assert len({d.province for d in local if d.date.iso() < "2025-07-01"}) == 63


def test_central_joint_and_chained_documents_occur(corpus: Corpus) -> None:
    central = {d.number: d for d in corpus.documents if d.level.central}
    assert set(central) >= {"126-KL/TW", "178/2024/NĐ-CP"}
    assert all(d.province is None and d.id.startswith("trung-uong/") for d in central.values())
    assert central["126-KL/TW"].issuers == ["Bộ Chính trị", "Ban Bí thư"]
    decree = central["178/2024/NĐ-CP"]
    assert decree.signer and decree.signer.chain == ("TM. Chính phủ", "KT. Thủ tướng")
    (circular,) = [d for d in corpus.documents if d.type.slug == "thong-tu-lien-tich"]
    assert len(circular.issuers) == len(circular.signers) == 5
    chains = Counter(
        d.signer.authority for d in corpus.documents if d.signer and len(d.signer.chain) > 1
    )
    assert (
        chains["T/M Ban Thường vụ / K/T Bí thư"]
        and chains["T/L Ban Thường vụ / K/T Chánh Văn phòng"]
    )
    v1 = [
        d for d in corpus.documents if not d.joint and len(d.signer.chain if d.signer else ()) < 2
    ]
    assert len(v1) > 0.8 * COUNT, "most files stay in the v1 form"


@pytest.fixture(scope="module")
def larger() -> list[generate.Doc]:
    """2,000 documents planned (not written)."""
    return generate.plan(2000, SEED)


def test_provincial_joint_plans_occur_in_a_larger_corpus(larger: list[generate.Doc]) -> None:
    joint = [
        d for d in larger if d.variety and len(d.variety.signers) == 2 and d.type == "ke-hoach"
    ]
    assert joint, "a plan of a Party committee and the people's committee"
    assert joint[0].variety.issuers[1].startswith("Ủy ban nhân dân")


def test_sizes_spread_over_3_to_25_kb(project: Path) -> None:
    sizes = sorted(p.stat().st_size for p in (project / "conclusions").rglob("*.md"))
    assert sizes[0] >= 3_000 and sizes[-1] <= 25_000
    assert sizes[len(sizes) // 10] < 6_000 and sizes[-len(sizes) // 20] > 15_000


def test_every_signer_form_and_footnotes_occur(corpus: Corpus) -> None:
    forms = Counter()
    for doc in corpus.documents:
        if doc.signer is None:
            assert doc.author and doc.type.news
            forms["news with an author"] += 1
        elif doc.signer.authority is None:
            forms["bare name"] += 1
        else:
            forms[f"{doc.signer.authority} / {doc.signer.title}"] += 1
    expected = ["T/M Ban Thường vụ / Bí thư", "T/L Ban Thường vụ / Chánh Văn phòng"]
    expected += ["K/T Bí thư / Phó Bí thư", "bare name", "news with an author"]
    expected += ["T/M Ban Thường vụ / K/T Bí thư / Phó Bí thư"]
    assert all(forms[form] for form in expected), forms
    assert any(form.startswith("T/M Huyện ủy /") for form in forms), forms
    with_notes = [d for d in corpus.documents if "[^1]" in d.body and "\n[^1]: " in d.body]
    assert len(with_notes) > COUNT // 10
    assert all(d.recipients for d in corpus.documents if not d.type.news)


def test_numbers_recur_across_committees_and_terms(larger: list[generate.Doc]) -> None:
    issuers_by_number: dict[str, set[str]] = {}
    for doc in larger:  # 2,000 planned: numbers of many kinds recur, not only KL and TB
        if doc.number:
            issuers_by_number.setdefault(doc.number, set()).add(doc.issuer + doc.day.isoformat())
    assert sum(len(found) > 1 for found in issuers_by_number.values()) > 5 * 2000 // COUNT


def test_citations_resolve_inside_and_outside_the_corpus(corpus: Corpus) -> None:
    index = CitationIndex(corpus.documents)
    assert not index.ambiguous_notes()
    forms = {m.symbol.form for resolved in index.by_doc.values() for m, _ in resolved}
    assert forms == {"PartySymbol", "StateYearSymbol", "StateSymbol"}
    inside = [c for c in index.cited if c.document is not None]
    outside = [c for c in index.cited if c.document is None]
    assert len(inside) > 10 and len(outside) > 100
    assert index.ranked[0].count > 10 * index.ranked[len(index.ranked) // 2].count  # skewed
    by_source = {d.source: d for d in corpus.documents}
    for doc in generate.plan(COUNT, SEED):  # each planned citation of a generated document
        cited = {
            c.document.source
            for c in index.cites(by_source[f"conclusions/{doc.path}"])
            if c.document is not None
        }
        planned = {f"conclusions/{p.ref.doc.path}" for p in doc.cites if p.ref.doc is not None}
        assert planned <= cited, doc.path


RELATED = 1000
"""Documents of the corpus checked for relations: enough for every kind in both forms."""


def test_relations_between_generated_documents(tmp_path: Path) -> None:
    """Chains of replacements, plans implementing their province's conclusions, amendments
    and bases, written in the text (detected) and in front matter (declared); every one
    planned resolves to the generated document it names."""
    project = generate.generate(RELATED, tmp_path / "related", seed=SEED).parent
    corpus = load_corpus(project, "conclusions", BUILTIN_TYPES)
    relations = pipeline.analyse(corpus).relations
    assert not relations.notes
    edges = [e for doc in corpus.documents for e in relations.outgoing(doc)]
    inside = Counter((e.kind.slug, e.detected) for e in edges if isinstance(e.target, Document))
    assert {kind for kind, _ in inside} == {"thay-the", "thuc-hien", "sua-doi", "can-cu"}
    assert inside[("thay-the", True)] and inside[("thay-the", False)]

    def replaced_in_turn(doc: Document) -> int:
        later = [e.source for e in relations.incoming(doc) if e.kind.slug == "thay-the"]
        return 1 + (replaced_in_turn(later[0]) if later else 0)

    assert max(map(replaced_in_turn, corpus.documents)) >= 3, "a chain of replacements"
    implementing = [e for e in edges if e.kind.slug == "thuc-hien" and e.source.district]
    assert any(isinstance(e.target, Document) and not e.target.district for e in implementing)
    by_source = {d.source: d for d in corpus.documents}
    for doc in generate.plan(RELATED, SEED):
        stated = {e.target.source for e in relations.outgoing(by_source[f"conclusions/{doc.path}"])
                  if isinstance(e.target, Document)}  # fmt: skip
        assert len(stated) >= len(doc.relations) + len(doc.stated), doc.path
