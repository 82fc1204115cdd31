"""The one kind catalogue (ketluan.core.kinds): Party and State kinds with their codes, the
kinds of cited documents, configured kinds, and a site with kinds other than conclusions."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from conftest import Site, conclusion, search_facets, text_of
from ketluan.core.kinds import CATALOGUE, KINDS, Kind, by_code, with_extra
from ketluan.core.model import BUILTIN_TYPES
from ketluan.core.symbols import kind_of, parse_symbol


def test_the_catalogue_holds_party_and_state_kinds_with_their_codes() -> None:
    party = {k.slug for k in CATALOGUE if k.party}
    state = {k.slug for k in CATALOGUE if k.state}
    assert {"nghi-quyet", "quy-dinh", "chi-thi", "ket-luan", "thong-bao-ket-luan"} <= party
    assert {"ke-hoach", "chuong-trinh", "de-an", "huong-dan", "quy-che", "bao-cao"} <= party
    assert {"cong-van", "to-trinh", "thong-tri", "cong-dien"} <= party
    assert {"luat", "phap-lenh", "nghi-dinh", "thong-tu", "thong-tu-lien-tich"} <= state
    assert "thong-tu" not in party and "ket-luan" not in state
    assert KINDS["chuong-trinh"].party_codes == ("CTr",)
    assert KINDS["quy-dinh"].party_codes == ("QĐi", "QĐ")
    # Conclusions and news: the portal's focus.
    assert [k.slug for k in CATALOGUE if k.conclusion] == [
        "ket-luan",
        "thong-bao-ket-luan",
        "thong-bao-y-kien",
    ]
    assert [k.slug for k in CATALOGUE if k.news] == ["tin-bai"]
    # One catalogue: the document types are its kinds, v1 slugs unchanged.
    assert BUILTIN_TYPES == KINDS
    assert (KINDS["thong-bao-ket-luan"].label, KINDS["thong-bao-ket-luan"].abbr) == (
        "Thông báo kết luận",
        "tbkl",
    )


@pytest.mark.parametrize(
    ("word", "number", "kind"),
    [
        # Party numbers: the code decides.
        (None, "04-NQ/TU", "nghi-quyet"),
        (None, "16-ĐA/TU", "de-an"),
        (None, "08-QĐi/TW", "quy-dinh"),
        (None, "96-QĐ/TW", "quyet-dinh"),
        ("Quy định", "96-QĐ/TW", "quy-dinh"),  # the word tells Quy định from Quyết định
        (None, "05-TT/TW", "thong-tri"),  # TT of a Party number: Thông tri
        (None, "12-TB/TU", "thong-bao"),
        ("Thông báo kết luận", "12-TB/TU", "thong-bao"),  # filed under its code's kind
        ("Thông báo ý kiến", "12-TB/TU", "thong-bao"),
        # State numbers.
        (None, "04/2022/TT-BXD", "thong-tu"),  # TT of a State number: Thông tư
        (None, "01/2022/TTLT-VKSNDTC-TANDTC", "thong-tu-lien-tich"),
        (None, "178/2024/NĐ-CP", "nghi-dinh"),
        (None, "12/QyĐ-UBND", "quy-dinh"),
        (None, "1360/UBND-NN", "cong-van"),  # no code: a công văn
        ("Luật", "31/2024/QH15", "luat"),  # no code: the word decides
        ("Chương trình hành động", "31/2024/QH15", "chuong-trinh"),
    ],
)
def test_kind_of_a_cited_number(word: str | None, number: str, kind: str) -> None:
    symbol = parse_symbol(number)
    assert symbol is not None
    assert kind_of(word, symbol) == kind


def test_codes_are_read_in_their_system() -> None:
    assert by_code("TT", party=True) == "thong-tri"
    assert by_code("TT", party=False) == "thong-tu"
    assert by_code("KL", party=False) == "ket-luan"  # a Kết luận thanh tra: 12/KL-TTr
    assert by_code("UBND", party=False) is None


def test_a_configured_kind_with_a_builtin_slug_keeps_its_codes() -> None:
    found = with_extra(
        {
            "nghi-quyet": Kind("nghi-quyet", "Nghị quyết (Đảng)", "nq"),
            "bien-ban": Kind("bien-ban", "Biên bản", "bb"),
            "ket-luan": Kind("ket-luan", "Kết luận", "kl", conclusion=True),
        }
    )
    assert found["nghi-quyet"].label == "Nghị quyết (Đảng)"
    assert found["nghi-quyet"].party_codes == ("NQ",) and found["nghi-quyet"].state
    assert found["bien-ban"] == Kind("bien-ban", "Biên bản", "bb")
    assert found["ket-luan"].conclusion
    assert len(found) == len(KINDS) + 1


def test_every_kind_is_a_document_type_browsable_and_filterable(site: Site) -> None:
    site.add(
        "bac-giang/nq.md",
        conclusion(
            type="nghi-quyet",
            number="27-NQ/TU",
            title="Nghị quyết về phát triển nông nghiệp",
            issuer="Ban Chấp hành Đảng bộ tỉnh Bắc Giang",
            district=None,
            date="2024-05-02",
        ),
    )
    site.add(
        "bac-giang/ubnd.md",
        conclusion(
            type="ke-hoach",
            number="173/KH-UBND",
            title="Kế hoạch tổ chức lễ hội",
            issuer="Ủy ban nhân dân tỉnh Bắc Giang",
            district=None,
            date="2024-05-03",
            signer="signer:\n  authority: TM. Ủy ban nhân dân\n  title: Chủ tịch\n  name: A",
        ),
    )
    site.add("bac-giang/son-dong/604.md", conclusion())
    site.options["home_recent"] = 5
    site.build()
    lookup = site.page("danh-muc/loai/nghi-quyet/")
    assert [text_of(a) for a in lookup.cssselect(".kl-item__title")] == [
        "Nghị quyết về phát triển nông nghiệp"
    ]
    types = {text_of(a) for a in site.page("danh-muc/").cssselect("a")}
    assert {"Nghị quyết", "Kế hoạch", "Kết luận"} <= {t.split(" (")[0] for t in types}
    plan = "van-ban/bac-giang/uy-ban-nhan-dan-tinh-bac-giang/2024/173-kh-ubnd/"
    assert search_facets(site, plan)["loai"] == ["Kế hoạch"]
    home = site.page("")
    focus, other = home.cssselect(".kl-recent .kl-list")
    assert [text_of(a) for a in focus.cssselect(".kl-item__title")] == [
        "Kết luận của Ban Chấp hành Đảng bộ huyện tại kỳ họp thứ 22"
    ]
    assert [text_of(a) for a in other.cssselect(".kl-item__title")] == [
        "Kế hoạch tổ chức lễ hội",
        "Nghị quyết về phát triển nông nghiệp",
    ]
    feed = etree.fromstring((site.root / "site/van-ban/atom.xml").read_bytes())
    titles = feed.findall("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title")
    assert [t.text for t in titles] == [
        "604-KL/HU: Kết luận của Ban Chấp hành Đảng bộ huyện tại kỳ họp thứ 22"
    ]
    manifest = json.loads((site.root / "site/api/documents.json").read_text(encoding="utf-8"))
    kinds = {d["number"]: (d["type"], d["type_label"]) for d in manifest["documents"]}
    assert kinds["27-NQ/TU"] == ("nghi-quyet", "Nghị quyết")
