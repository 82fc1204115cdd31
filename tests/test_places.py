"""The gazetteer: both administrative maps, name matching and place errors in front matter."""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from importlib import resources

import pytest

from conftest import REPO, Site, conclusion
from ketluan.core.corpus import load_corpus
from ketluan.core.dates import DocDate
from ketluan.core.model import BUILTIN_TYPES
from ketluan.core.places import PlaceError, gazetteer
from ketluan.core.problems import ProblemsError
from ketluan.site import urls
from ketluan.site.labels import history

BEFORE = DocDate(2024, 3, 27)
AFTER = DocDate(2025, 8, 1)
P = "conclusions/a.md"


def test_data_has_both_maps_and_its_source() -> None:
    g = gazetteer()
    assert (len(g.former), len(g.current)) == (63, 34)
    assert 690 <= len(g.districts) <= 710
    assert g.source["package"] == "vietnamadminunits"
    assert g.source["licence"].startswith("MIT")
    raw = resources.files("ketluan").joinpath("data/gazetteer.json").read_text("utf-8")
    assert json.loads(raw)["merger_date"] == "2025-07-01"
    assert {p.successor for p in g.former.values()} == set(g.current.values())


@pytest.mark.parametrize(
    ("former", "current"),
    [
        ("Điện Biên", "Điện Biên"),
        ("Bắc Giang", "Bắc Ninh"),
        ("Bắc Kạn", "Thái Nguyên"),
        ("Hà Giang", "Tuyên Quang"),
        ("Tuyên Quang", "Tuyên Quang"),
    ],
)
def test_successors_match_the_seed_facts(former: str, current: str) -> None:
    province = gazetteer().province(former, "former")
    assert province.successor is not None
    assert province.successor.name == current


def test_unchanged_and_merged_provinces_say_so() -> None:
    g = gazetteer()
    assert history(g.province("Điện Biên", "former")) == "đến 30/6/2025; không thay đổi từ 1/7/2025"
    assert history(g.province("Bắc Giang", "former")) == "đến 30/6/2025; nay thuộc tỉnh Bắc Ninh"
    assert history(g.province("Tuyên Quang", "former")) == (
        "đến 30/6/2025; nay thuộc tỉnh Tuyên Quang mới"
    )
    assert [p.name for p in g.absorbed(g.province("Tuyên Quang", "current"))] == [
        "Hà Giang",
        "Tuyên Quang",
    ]


def test_every_former_district_resolves_to_its_province_and_successor() -> None:
    g = gazetteer()
    for district in g.districts.values():
        province = district.province
        assert not province.current and province.successor is not None
        assert province.successor.current
        for spelling in (
            district.name,
            district.title,
            unicodedata.normalize("NFD", district.title),
        ):
            if sum(d.name == district.name for d in g.districts_of(province)) > 1 and (
                spelling == district.name
            ):
                continue  # the bare name of a thị xã/huyện pair is ambiguous (tested below)
            location = g.locate(province.title, spelling, BEFORE)
            assert location.district is district, spelling
            assert location.now_part_of is province.successor
        assert urls.district(district) == f"dia-ban/{province.slug}/{district.slug}/"
    found = [urls.district(d) for d in g.districts.values()]
    assert len(found) == len(set(found))


@pytest.mark.parametrize(
    ("province", "district", "expected"),
    [
        ("Bắc Giang", "Sơn Động", "huyện Sơn Động, tỉnh Bắc Giang"),
        ("tỉnh bac giang", "huyện Son Dong", "huyện Sơn Động, tỉnh Bắc Giang"),
        ("Thanh Hoá", "Quan Hoá", "huyện Quan Hóa, tỉnh Thanh Hóa"),
        ("TP. Hồ Chí Minh", "Quận 1", "quận 1, thành phố Hồ Chí Minh"),
        ("Thừa Thiên Huế", "Phú Vang", "huyện Phú Vang, thành phố Huế"),
        ("Hà Tĩnh", "thị xã Kỳ Anh", "thị xã Kỳ Anh, tỉnh Hà Tĩnh"),
        ("Quảng Ninh", "Hoành Bồ", "thành phố Hạ Long, tỉnh Quảng Ninh"),
        ("Điện Biên", "Điện Biên", "huyện Điện Biên, tỉnh Điện Biên"),
        ("Điện Biên", "thành phố Điện Biên Phủ", "thành phố Điện Biên Phủ, tỉnh Điện Biên"),
    ],
)
def test_names_are_matched_in_any_spelling(province: str, district: str, expected: str) -> None:
    assert gazetteer().locate(province, district, BEFORE).label == expected


def test_the_date_chooses_the_map() -> None:
    g = gazetteer()
    assert g.locate("Bắc Ninh", None, BEFORE).province.code == "27"
    assert g.locate("Bắc Ninh", None, AFTER).province.code == "24"
    assert g.locate("Bắc Ninh", None, AFTER).province.current
    assert not g.locate("Bắc Giang", "Sơn Động", DocDate(2025)).province.current


@pytest.mark.parametrize(
    ("province", "district", "date", "field", "message", "fix"),
    [
        (
            "Điện Biên",
            "Tuần Giang",
            BEFORE,
            "district",
            "unknown district 'Tuần Giang' in tỉnh Điện Biên",
            "Did you mean Tuần Giáo?",
        ),
        (
            "Bắc Giangg",
            None,
            BEFORE,
            "province",
            "unknown province 'Bắc Giangg'",
            "Did you mean Bắc Giang, Hà Giang or An Giang?",
        ),
        (
            "Điện Biên",
            "Sơn Động",
            BEFORE,
            "district",
            "huyện Sơn Động is in tỉnh Bắc Giang, not tỉnh Điện Biên",
            "Correct 'province:' or 'district:'",
        ),
        (
            "Hà Tĩnh",
            "Kỳ Anh",
            BEFORE,
            "district",
            "'Kỳ Anh' is the name of 2 units of tỉnh Hà Tĩnh",
            "Write 'district: huyện Kỳ Anh' or 'district: thị xã Kỳ Anh'",
        ),
        (
            "Bắc Giang",
            None,
            AFTER,
            "province",
            "tỉnh Bắc Giang no longer exists on 2025-08-01: since 1 July 2025 it is part of "
            "tỉnh Bắc Ninh",
            "Write 'province: Bắc Ninh'",
        ),
        (
            "Bắc Ninh",
            "Từ Sơn",
            AFTER,
            "district",
            "districts were abolished on 1 July 2025; a document dated 2025-08-01 has no district",
            "Remove 'district:' (the place is tỉnh Bắc Ninh)",
        ),
        (
            "Bắc Ninhh",
            None,
            AFTER,
            "province",
            "unknown province 'Bắc Ninhh'",
            "Did you mean Bắc Ninh?",
        ),
        (
            "Atlantis",
            None,
            BEFORE,
            "province",
            "unknown province 'Atlantis'",
            "Write the province as it was on the date of the document, e.g. Bắc Giang",
        ),
    ],
)
def test_place_errors(
    province: str, district: str | None, date: DocDate, field: str, message: str, fix: str
) -> None:
    with pytest.raises(PlaceError) as caught:
        gazetteer().locate(province, district, date)
    assert (caught.value.field, str(caught.value), caught.value.fix) == (field, message, fix)


def test_place_errors_name_file_and_line(site: Site) -> None:
    site.add("a.md", conclusion(district="Tuần Giang", province="Điện Biên"))
    site.add("b.md", conclusion(number="2-KL/HU", province="Bắc Giangg"))
    with pytest.raises(ProblemsError) as caught:
        load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    assert [str(p) for p in caught.value.problems] == [
        f"{P}:8: district: unknown district 'Tuần Giang' in tỉnh Điện Biên. "
        "Did you mean Tuần Giáo?",
        "conclusions/b.md:7: province: unknown province 'Bắc Giangg'. "
        "Did you mean Bắc Giang, Hà Giang or An Giang?",
    ]


def test_a_former_province_and_district_after_the_merger_are_both_reported(site: Site) -> None:
    site.add("a.md", conclusion(date="2025-09-15"))
    with pytest.raises(ProblemsError) as caught:
        load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    assert [str(p) for p in caught.value.problems] == [
        f"{P}:7: province: tỉnh Bắc Giang no longer exists on 2025-09-15: since 1 July 2025 it "
        "is part of tỉnh Bắc Ninh. Write 'province: Bắc Ninh'.",
        f"{P}:8: district: districts were abolished on 1 July 2025; a document dated 2025-09-15 "
        "has no district. Remove 'district:'.",
    ]


def test_numbered_districts_keep_their_type(site: Site) -> None:
    site.add(
        "a.md",
        conclusion(issuer="Quận ủy Quận 1", province="TP. Hồ Chí Minh", district="quận 1"),
    )
    (doc,) = load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents
    assert (doc.province, doc.district, doc.place) == (
        "Hồ Chí Minh",
        "Quận 1",
        "quận 1, thành phố Hồ Chí Minh",
    )
    assert doc.issuer_place == "Quận 1"


def test_documents_get_the_gazetteer_spelling(site: Site) -> None:
    site.add("a.md", conclusion(province="tỉnh bắc giang", district="huyện son dong"))
    (doc,) = load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents
    assert (doc.province, doc.district) == ("Bắc Giang", "Sơn Động")
    assert urls.document(doc) == "van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/"
    assert doc.location is not None and doc.location.district is not None
    assert doc.location.district.code == "220"


def test_shipped_data_passes_the_generator_checks() -> None:
    """The checks scripts/build_gazetteer.py runs before writing also hold for the file."""
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", REPO / "scripts/build_gazetteer.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    raw = resources.files("ketluan").joinpath("data/gazetteer.json").read_text("utf-8")
    script.check(json.loads(raw))
