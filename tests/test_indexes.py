"""Browse groupings (ketluan.indexes): order, keys and counts, without building a site."""

from __future__ import annotations

from conftest import Site, conclusion
from ketluan.core.corpus import load_corpus
from ketluan.core.model import BUILTIN_TYPES
from ketluan.site.indexes import by_issuer, by_place, by_signer, by_type, by_year

DIEN_BIEN = {"issuer": "Huyện ủy Tuần Giáo", "province": "Điện Biên", "district": "Tuần Giáo"}


def corpus(site: Site):
    return load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents


def test_years_newest_first_with_months_and_unknown_month_last(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU", date="2024-03-27"))
    site.add("b.md", conclusion(number="2-KL/HU", date="2024-11-02"))
    site.add("c.md", conclusion(number="3-KL/HU", date='"2024"'))
    site.add("d.md", conclusion(number="4-KL/HU", date="2021-07-23"))
    years = by_year(corpus(site))
    assert [(y.key, y.count) for y in years] == [("2024", 3), ("2021", 1)]
    assert [(m.key, m.label, m.count) for m in years[0].months] == [
        ("thang-11", "Tháng 11/2024", 1),
        ("thang-03", "Tháng 3/2024", 1),
        ("khong-ro-thang", "Không rõ tháng (2024)", 1),
    ]


def test_types_by_count(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    site.add("b.md", conclusion(number="2-KL/HU"))
    site.add("c.md", conclusion(number="3-TB/HU", type="thong-bao-ket-luan"))
    assert [(g.key, g.count) for g in by_type(corpus(site))] == [
        ("ket-luan", 2),
        ("thong-bao-ket-luan", 1),
    ]


def test_signers_are_names_within_a_province(site: Site) -> None:
    signer = "signer:\n  name: Nguyễn Văn Dũng"
    site.add("a.md", conclusion(number="1-KL/HU", signer=signer))
    site.add("b.md", conclusion(number="2-KL/HU", signer=signer))
    site.add("c.md", conclusion(number="3-KL/HU", signer=signer, **DIEN_BIEN))
    groups = by_signer(corpus(site))
    assert [(g.key, g.label, g.detail, g.count) for g in groups] == [
        ("nguyen-van-dung-bac-giang", "Nguyễn Văn Dũng", "Bắc Giang", 2),
        ("nguyen-van-dung-dien-bien", "Nguyễn Văn Dũng", "Điện Biên", 1),
    ]


def test_issuers_alphabetical_ignoring_diacritics(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU", **DIEN_BIEN))
    site.add("b.md", conclusion(number="2-KL/HU"))
    assert [g.label for g in by_issuer(corpus(site))] == ["Huyện ủy Sơn Động", "Huyện ủy Tuần Giáo"]


def test_places_by_unit_code(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    site.add("b.md", conclusion(number="2-KL/TU", issuer="Tỉnh ủy Bắc Giang", district=None))
    site.add(
        "c.md",
        conclusion(
            number="3-KL/TU",
            issuer="Tỉnh ủy Bắc Ninh",
            province="Bắc Ninh",
            district=None,
            date="2025-09-01",
        ),
    )
    index = by_place(corpus(site))
    assert {k: len(v) for k, v in index.districts.items()} == {"220": 1}
    assert {k: len(v) for k, v in index.former.items()} == {"24": 1}
    assert {k: len(v) for k, v in index.current.items()} == {"24": 1}
    assert dict(index.former_totals) == {"24": 2}
