"""Front matter ``relations``, ``status`` and ``valid_until``: every mistake reported at its
line with what to write, all at once; declarations that change nothing are notes of
``ketluan check``, never silent."""

from __future__ import annotations

import pytest
from test_cli import run_check

from conftest import Site, conclusion
from ketluan.core.corpus import load_corpus
from ketluan.core.model import BUILTIN_TYPES
from ketluan.core.problems import ProblemsError

P = "conclusions/son-dong/20.md"
SIGNER = "signer:\n  name: Đỗ Văn Cẩm\n"


def problems(site: Site, extra: str, **fields: str | None) -> list[str]:
    """The problems of a conclusion whose front matter ends with ``extra`` (after the
    signer, on line 10)."""
    site.add("son-dong/20.md", conclusion(signer=SIGNER + extra.rstrip("\n"), **fields))
    site.add("son-dong/12.md", conclusion(number="12-KL/HU", date="2023-03-10"))
    with pytest.raises(ProblemsError) as caught:
        load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    return [str(p) for p in caught.value.problems]


CASES = {
    "unknown kind": (
        "relations:\n  - kind: thay-thee\n    number: 12-KL/HU\n",
        [
            f"{P}:12: relations[0].kind: unknown relation 'thay-thee'; expected one of can-cu, "
            "thuc-hien, huong-dan, thay-the, sua-doi, bai-bo, dinh-chinh, hop-nhat. Did you mean "
            "'thay-the'?"
        ],
    ),
    "no target": (
        "relations:\n  - kind: thay-the\n",
        [
            f"{P}:12: relations[0]: no 'number': a relation names the other document once. "
            "Write its number ('number: 12-KL/HU', with 'date:' when the number recurs) or, "
            "for a document of this portal, its id ('document: …')."
        ],
    ),
    "both number and document, and a typo": (
        "relations:\n  - kind: can-cu\n    number: 12-KL/HU\n    document: a/b\n    dat: 2023\n",
        [
            f"{P}:12: relations[0]: both 'number' and 'document': a relation names the other "
            "document once. Write its number ('number: 12-KL/HU', with 'date:' when the number "
            "recurs) or, for a document of this portal, its id ('document: …').",
            f"{P}:15: relations[0].dat: unknown field. Did you mean 'date'?",
        ],
    ),
    "not a number, bad date": (
        "relations:\n  - kind: can-cu\n    number: Nghị quyết 04\n    date: 7/5/2021\n",
        [
            f"{P}:13: relations[0].number: 'Nghị quyết 04' is not a document number. Write it "
            "as printed, e.g. 04-NQ/TU or 45/2018/QĐ-UBND.",
            f"{P}:14: relations[0].date: expected YYYY-MM-DD, got '7/5/2021'. Write 2021-05-07.",
        ],
    ),
    "partial only for a repeal": (
        "relations:\n  - kind: thay-the\n    number: 12-KL/HU\n    partial: true\n",
        [
            f"{P}:14: relations[0].partial: only a repeal (kind: bai-bo) can be partial. Remove "
            "'partial: true', or write 'kind: bai-bo'."
        ],
    ),
    "the same relation twice": (
        "relations:\n  - kind: can-cu\n    number: 04-NQ/TU\n  - kind: can-cu\n"
        "    number: 04-NQ/TU\n",
        [f"{P}:14: relations[1]: same relation as item 1. Remove one of them."],
    ),
    "unknown document id": (
        "relations:\n  - kind: thay-the\n    document: bac-giang/huyen-uy-son-dong/2023/12-kl-h\n",
        [
            f"{P}:12: relations[0].document: no document has the id "
            "'bac-giang/huyen-uy-son-dong/2023/12-kl-h'. Did you mean "
            "'bac-giang/huyen-uy-son-dong/2023/12-kl-hu'?"
        ],
    ),
    "status that follows from relations": (
        "status: bi-thay-the\n",
        [
            f"{P}:11: status: unknown status 'bi-thay-the'; expected one of con-hieu-luc, "
            "het-hieu-luc, het-hieu-luc-mot-phan. It follows from the relations of the other "
            "documents: remove 'status:'."
        ],
    ),
    "valid_until before the date": (
        "valid_until: 2023-12-31\n",
        [
            f"{P}:11: valid_until: 2023-12-31 is before the date of issue 2024-03-27. Write the "
            "last day the document is in force, on or after its date."
        ],
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_relation_problems(site: Site, case: str) -> None:
    extra, expected = CASES[case]
    assert problems(site, extra) == expected


def test_news_take_no_status(site: Site) -> None:
    news = conclusion(type="tin-bai", number=None, signer="", title="Tin về hội nghị")
    site.add("son-dong/tin.md", news.replace("---\n\n", "status: het-hieu-luc\n---\n\n", 1))
    with pytest.raises(ProblemsError) as caught:
        load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    assert [str(p) for p in caught.value.problems] == [
        "conclusions/son-dong/tin.md:8: status: a tin-bai document has no status. Remove "
        "'status:' or change type."
    ]


def test_check_notes_declarations_that_change_nothing(site: Site) -> None:
    """A removal of a relation the text does not state, and a status contradicting a
    replacement, are notes after the count: the build goes on."""
    site.add(
        "son-dong/12.md",
        conclusion(number="12-KL/HU", date="2023-03-10", signer=SIGNER + "status: con-hieu-luc"),
    )
    site.add(
        "son-dong/20.md",
        conclusion(
            "Kết luận này thay thế Kết luận số 12-KL/HU ngày 10/3/2023 của Huyện ủy.\n",
            number="20-KL/HU",
            signer=SIGNER + "relations:\n  - kind: bai-bo\n    number: 05-QĐ/HU\n    remove: true",
        ),
    )
    site.write_config()
    result = run_check(site.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "2 documents OK in conclusions",
        "conclusions/son-dong/12.md:11: note: status: con-hieu-luc contradicts "
        "conclusions/son-dong/20.md (Bị thay thế); the page shows con-hieu-luc",
        "conclusions/son-dong/20.md:12: note: relations[0]: removes a relation the text does "
        "not state",
    ]
