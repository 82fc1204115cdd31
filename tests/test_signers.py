"""Signing chains, joint issuers and joint signers: the letterhead and signature blocks laid
out as on paper, the metadata, lookups, JSON-LD and open data holding every issuer and
signer, and the ``path:line: field: what. Fix.`` errors of the new fields."""

from __future__ import annotations

import json

import pytest
from corpus_levels import (
    CIRCULAR_ISSUERS,
    CIRCULAR_SIGNERS,
    CIRCULAR_URL,
    JOINT_URL,
    NOTICE_URL,
    PLAN_URL,
)

from conftest import Site, conclusion, search_record, text_of
from ketluan.core.corpus import load_corpus
from ketluan.core.model import BUILTIN_TYPES
from ketluan.core.problems import ProblemsError

P = "conclusions/a.md"


def blocks(page) -> list[tuple[list[str], str | None, str]]:
    """Each signature block as (authority lines, title, name), checking the order of its
    lines: the chain outermost first, then the title, then the name, as printed."""
    found = []
    for block in page.cssselect(".kl-signer"):
        classes = [p.get("class") for p in block.iterchildren()]
        chain = classes.count("kl-signer__authority")
        assert classes == ["kl-signer__authority"] * chain + (
            ["kl-signer__title"] if "kl-signer__title" in classes else []
        ) + ["kl-signer__name"]
        texts = [text_of(p) for p in block.iterchildren()]
        title = texts[chain] if "kl-signer__title" in classes else None
        found.append((texts[:chain], title, texts[-1]))
    return found


def test_a_signing_chain_prints_each_line(levels_site: Site) -> None:
    notice = levels_site.page(NOTICE_URL)
    (closing,) = notice.cssselect("footer.kl-closing")
    assert [e.get("class") for e in closing.iterchildren()] == ["kl-recipients", "kl-signer"]
    assert blocks(notice) == [
        (["T/L Ban Thường vụ", "K/T Chánh Văn phòng"], "Phó Chánh Văn phòng", "Lê Văn Cường")
    ]
    plan = levels_site.page(PLAN_URL)
    assert blocks(plan) == [(["T/M Ban Thường vụ", "K/T Bí thư"], "Phó Bí thư", "Lê Ô Pích")]
    manifest = json.loads((levels_site.root / "site/api/documents.json").read_text("utf-8"))
    entry = next(d for d in manifest["documents"] if d["number"] == "12-TB/HU")
    assert entry["signer"] == {
        "name": "Lê Văn Cường",
        "title": "Phó Chánh Văn phòng",
        "authority": "T/L Ban Thường vụ / K/T Chánh Văn phòng",
        "chain": ["T/L Ban Thường vụ", "K/T Chánh Văn phòng"],
    }


def test_a_joint_document_shows_both_issuers_and_both_signature_blocks(levels_site: Site) -> None:
    page = levels_site.page(JOINT_URL)
    (letterhead,) = page.cssselect(".kl-letterhead__issuer")
    assert [text_of(li) for li in letterhead.cssselect("ul.kl-letterhead__bodies > li")] == [
        "Ban Tuyên giáo Tỉnh ủy Bắc Giang",
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Giang",
    ]
    assert text_of(letterhead.cssselect(".kl-letterhead__number")[0]) == "Số 05-KHLT/BTGTU-SVHTTDL"
    (closing,) = page.cssselect("footer.kl-closing.kl-closing--joint")
    # The blocks side by side in one row, then the recipients, as on paper.
    assert [e.get("class") for e in closing.iterchildren()] == ["kl-signers", "kl-recipients"]
    assert len(closing.cssselect(".kl-signers > .kl-signer")) == 2
    assert blocks(page) == [
        (["K/T Trưởng ban"], "Phó Trưởng ban", "Nguyễn Văn Hùng"),
        (["KT. Giám đốc"], "Phó Giám đốc", "Trần Thị Lan"),
    ]
    rows = {text_of(r.cssselect("dt")[0]): r for r in page.cssselect(".kl-meta__row")}
    issuers = [(text_of(a), a.get("href")) for a in rows["Cơ quan ban hành"].cssselect("a")]
    assert issuers == [
        (
            "Ban Tuyên giáo Tỉnh ủy Bắc Giang",
            "../../../../../danh-muc/co-quan/ban-tuyen-giao-tinh-uy-bac-giang/",
        ),
        (
            "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Giang",
            "../../../../../danh-muc/co-quan/so-van-hoa-the-thao-va-du-lich-tinh-bac-giang/",
        ),
    ]
    assert text_of(rows["Người ký"]).endswith(
        "Nguyễn Văn Hùng (Phó Trưởng ban); Trần Thị Lan (Phó Giám đốc)"
    )


def test_joint_documents_are_listed_under_each_issuer_and_signer(levels_site: Site) -> None:
    for lookup in (
        "danh-muc/co-quan/ban-tuyen-giao-tinh-uy-bac-giang/",
        "danh-muc/co-quan/so-van-hoa-the-thao-va-du-lich-tinh-bac-giang/",
        "danh-muc/nguoi-ky/nguyen-van-hung-bac-giang/",
        "danh-muc/nguoi-ky/tran-thi-lan-bac-giang/",
    ):
        titles = [text_of(a) for a in levels_site.page(lookup).cssselect(".kl-item__title")]
        assert titles == ["Kế hoạch liên tịch tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng"]
    signers = levels_site.page("danh-muc/nguoi-ky/")
    assert "Thượng tướng Võ Minh Lương (Trung ương)" in [
        text_of(a) + " " + text_of(a.getparent().cssselect(".kl-entry__note")[0])
        for a in signers.cssselect(".kl-entry__label")
    ]


def test_the_joint_circular_of_five_bodies_is_laid_out_as_published(levels_site: Site) -> None:
    page = levels_site.page(CIRCULAR_URL)
    bodies = page.cssselect(".kl-letterhead__bodies > li")
    assert [text_of(li) for li in bodies] == CIRCULAR_ISSUERS
    assert [text_of(p) for p in page.cssselect(".kl-letterhead__party p")][:2] == [
        "Cộng hòa xã hội chủ nghĩa Việt Nam",  # a State document: the national motto
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert page.cssselect(".kl-letterhead__rule") and not page.cssselect(".kl-letterhead__star")
    party = levels_site.page(JOINT_URL)  # a Party board's number: the Party's letterhead
    assert text_of(party.cssselect(".kl-letterhead__motto")[0]) == "Đảng Cộng sản Việt Nam"
    assert party.cssselect(".kl-letterhead__star") and not party.cssselect(".kl-letterhead__rule")
    assert blocks(page) == [(chain, title, name) for chain, title, name in CIRCULAR_SIGNERS]
    data = json.loads(page.cssselect('script[type="application/ld+json"]')[0].text)
    assert data["legislationPassedBy"] == [
        {"@type": "Organization", "name": name} for name in CIRCULAR_ISSUERS
    ]
    assert [p["name"] for p in data["legislationResponsible"]] == [
        name for _, _, name in CIRCULAR_SIGNERS
    ]
    manifest = json.loads((levels_site.root / "site/api/documents.json").read_text("utf-8"))
    entry = next(d for d in manifest["documents"] if d["type"] == "thong-tu-lien-tich")
    assert (entry["issuer"], entry["issuers"]) == (CIRCULAR_ISSUERS[0], CIRCULAR_ISSUERS)
    assert [s["name"] for s in entry["signers"]] == [name for _, _, name in CIRCULAR_SIGNERS]
    assert entry["signer"] == entry["signers"][0]
    assert search_record(levels_site, CIRCULAR_URL)["issuer"] == ", ".join(CIRCULAR_ISSUERS)


def problems(site: Site, text: str) -> list[str]:
    site.add("a.md", text)
    with pytest.raises(ProblemsError) as caught:
        load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    return [str(p) for p in caught.value.problems]


TWO_SIGNERS = (
    "signers:\n  - authority: T/M Ban Tuyên giáo\n    name: Nguyễn Văn Hùng\n"
    "  - authority: KT. Giám đốc\n    title: Phó Giám đốc\n    name: Trần Thị Lan"
)
CASES = {
    "issuer and issuers": (
        conclusion(issuer="Huyện ủy Sơn Động\nissuers:\n  - A\n  - B"),
        [
            f"{P}:7: issuers: a document has 'issuer:' or, when joint, 'issuers:', not both. "
            "Remove 'issuer:' and keep the list, or remove 'issuers:'."
        ],
    ),
    "one joint issuer": (
        conclusion(issuer=None, province="Bắc Giang\nissuers:\n  - Huyện ủy Sơn Động"),
        [
            f"{P}:7: issuers: lists 1 item(s); it is for joint documents, with two or more. "
            "Write a single one under 'issuer:' instead."
        ],
    ),
    "no issuer at all": (
        conclusion(issuer=None),
        [f"{P}:1: issuer: is missing. Add 'issuer: Huyện ủy Sơn Động'."],
    ),
    "signer and signers": (
        conclusion(signer="signer:\n  name: Đỗ Văn Cẩm\n" + TWO_SIGNERS),
        [
            f"{P}:11: signers: a document has 'signer:' or, when joint, 'signers:', not both. "
            "Remove 'signer:' and keep the list, or remove 'signers:'."
        ],
    ),
    "a joint signer without a name": (
        conclusion(signer=TWO_SIGNERS.replace("    name: Trần Thị Lan", "")),
        [
            f"{P}:12: signers[1]: signers[1].name is missing. Add 'name: Đỗ Văn Cẩm' under "
            "each item of signers."
        ],
    ),
    "an empty authority chain": (
        conclusion(signer="signer:\n  authority: []\n  name: Đỗ Văn Cẩm"),
        [f"{P}:10: signer.authority: is empty. Write one line per item, e.g. '- T/M Huyện ủy'."],
    ),
    "a chain line that is no text": (
        conclusion(signer="signer:\n  authority:\n    - T/M Ban Thường vụ\n    - 12\n  name: A"),
        [
            f"{P}:12: signer.authority[1]: expected text, got 12. Write it as text, e.g. "
            "authority[1]: T/M Huyện ủy."
        ],
    ),
    "news with signers": (
        conclusion(type="tin-bai", number=None, signer=TWO_SIGNERS),
        [f"{P}:8: signers: a tin-bai document has no signers. Remove 'signers:' or change type."],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_check_explains_each_new_error(site: Site, name: str) -> None:
    text, expected = CASES[name]
    assert problems(site, text) == expected


def test_a_joint_signer_name_makes_a_lookup_address(site: Site) -> None:
    found = problems(site, conclusion(signer=TWO_SIGNERS.replace("Trần Thị Lan", '"★★★"')))
    assert found == [
        f"{P}:14: signers[1].name: '★★★' has no letter or digit to make the web address "
        "from. Write it as printed, with its letters and digits."
    ]
