"""Issuer levels (ketluan.core.levels): central documents at their own URLs and on their
browse page, commune and bloc committees, the place fields each level requires (with
``path:line: field: what. Fix.`` errors), and v1 files valid unchanged."""

from __future__ import annotations

import json
import shutil

import pytest
from corpus_levels import (
    BLOC_URL,
    CENTRAL_URL,
    COMMUNE_URL,
    PLAN_URL,
)

from conftest import REPO, Site, conclusion, search_facets, text_of
from ketluan.core.corpus import load_corpus
from ketluan.core.levels import derive, looks_central
from ketluan.core.model import BUILTIN_TYPES
from ketluan.core.places import _load, check_place, gazetteer
from ketluan.core.problems import ProblemsError
from ketluan.core.schema import Context

P = "conclusions/a.md"


def meta(page) -> dict[str, str]:
    return {
        text_of(row.cssselect("dt")[0]): text_of(row.cssselect("dd")[0])
        for row in page.cssselect(".kl-meta__row")
    }


def test_central_conclusion_builds_at_its_central_url(levels_site: Site) -> None:
    page = levels_site.page(CENTRAL_URL)
    assert text_of(page.cssselect(".kl-letterhead__body")[0]) == "Bộ Chính trị"
    assert text_of(page.cssselect(".kl-letterhead__date")[0]) == "Hà Nội, ngày 14 tháng 2 năm 2025"
    values = meta(page)
    assert values["Cấp ban hành"] == "Trung ương"
    assert values["Địa bàn"] == "toàn quốc"
    assert "Nay thuộc" not in values
    crumbs = page.cssselect(".kl-breadcrumbs li")
    assert [text_of(li) for li in crumbs] == ["Văn bản", "Trung ương", "2025"]
    assert crumbs[1].cssselect("a")[0].get("href") == "../../../../../dia-ban/trung-uong/"
    filters = search_facets(levels_site, CENTRAL_URL)
    assert filters["cap"] == ["Trung ương"] and "tinh" not in filters
    data = json.loads(page.cssselect('script[type="application/ld+json"]')[0].text)
    assert data["legislationIdentifier"] == "126-KL/TW"
    assert data["legislationPassedBy"] == {"@type": "Organization", "name": "Bộ Chính trị"}
    manifest = json.loads((levels_site.root / "site/api/documents.json").read_text("utf-8"))
    entry = next(d for d in manifest["documents"] if d["number"] == "126-KL/TW")
    assert (entry["id"], entry["level"], entry["province"], entry["province_code"]) == (
        "trung-uong/bo-chinh-tri/2025/126-kl-tw",
        "trung-uong",
        None,
        None,
    )


def test_central_browse_page_lists_central_documents_and_their_bodies(levels_site: Site) -> None:
    page = levels_site.page("dia-ban/trung-uong/")
    titles = [text_of(a) for a in page.cssselect(".kl-list .kl-item__title")]
    assert titles == [
        "Kết luận của Bộ Chính trị, Ban Bí thư về một số nội dung, nhiệm vụ tiếp tục sắp xếp, "
        "tinh gọn tổ chức bộ máy của hệ thống chính trị năm 2025",
        "Quy định về phối hợp giữa các cơ quan có thẩm quyền trong tiếp nhận, giải quyết tố giác, "
        "tin báo về tội phạm, kiến nghị khởi tố, điều tra, truy tố, xét xử sơ thẩm các vụ án xâm "
        "hại tình dục người dưới 18 tuổi",
    ]
    bodies = {text_of(a): a.get("href") for a in page.cssselect(".kl-central__issuers a")}
    assert bodies["Bộ Chính trị"] == "../../danh-muc/co-quan/bo-chinh-tri/"
    assert "Bộ Công an" in bodies  # an issuer of the joint circular
    assert "Ban Thường vụ Tỉnh ủy Bắc Giang" not in bodies
    feed = page.cssselect('a[type="application/atom+xml"]')[0].get("href")
    assert (levels_site.root / "site/dia-ban/trung-uong" / feed).is_file()
    places = levels_site.page("dia-ban/")
    (central,) = places.cssselect(".kl-places__central a")
    assert (text_of(central), central.get("href")) == ("Trung ương", "trung-uong/")
    assert "2 văn bản" in text_of(places.cssselect(".kl-places__central")[0])


def test_provincial_plan_cites_the_central_conclusion_in_the_corpus(levels_site: Site) -> None:
    plan = levels_site.page(PLAN_URL)
    link = plan.cssselect(".kl-document__body a.kl-cite")[0]
    assert link.get("href") == "../../../../trung-uong/bo-chinh-tri/2025/126-kl-tw/"
    central = levels_site.page(CENTRAL_URL)
    citing = [a.get("href") for a in central.cssselect(".kl-cited-by a")]
    assert "../../../../bac-giang/ban-thuong-vu-tinh-uy-bac-giang/2025/342-kh-tu/" in citing


def test_commune_and_bloc_documents_are_placed_by_their_level(levels_site: Site) -> None:
    commune = levels_site.page(COMMUNE_URL)
    values = meta(commune)
    assert (values["Cấp ban hành"], values["Địa bàn"]) == ("Cấp xã", "xã Tân Thịnh, tỉnh Bắc Ninh")
    date = text_of(commune.cssselect(".kl-letterhead__date")[0])
    assert date == "Tân Thịnh, ngày 10 tháng 9 năm 2025"
    listed = levels_site.page("dia-ban/tu-2025/bac-ninh/")
    assert [a.get("href") for a in listed.cssselect(".kl-item__title")] == [
        "../../../" + COMMUNE_URL
    ]
    bloc = meta(levels_site.page(BLOC_URL))
    assert (bloc["Cấp ban hành"], bloc["Địa bàn"]) == ("Đảng ủy khối", "tỉnh Bắc Giang")


def test_the_repository_files_are_valid_v1_files_with_a_derived_level(tmp_path) -> None:
    shutil.copytree(REPO / "conclusions", tmp_path / "conclusions")
    corpus = load_corpus(tmp_path, "conclusions", BUILTIN_TYPES)
    found = {
        doc.id: (doc.level.slug, doc.issuers, [s.name for s in doc.signers])
        for doc in corpus.documents
    }
    assert found["bac-giang/huyen-uy-son-dong/2024/604-kl-hu"] == (
        "huyen",
        ["Huyện ủy Sơn Động"],
        ["Đỗ Văn Cẩm"],
    )
    # A Tỉnh ủy's conclusion about a district is provincial; so is a news report of it.
    assert found["dien-bien/thuong-truc-tinh-uy-dien-bien/2021/tbkl-2021-07-23"][0] == "tinh"
    assert {level for level, _, _ in found.values()} == {"huyen", "tinh"}
    assert not corpus.notes


@pytest.mark.parametrize(
    ("issuer", "district", "level"),
    [
        ("Huyện ủy Sơn Động", "Sơn Động", "huyen"),
        ("Ban Thường vụ Quận ủy 1", "Quận 1", "huyen"),
        ("Thường trực Tỉnh ủy Điện Biên", "Tuần Giáo", "tinh"),
        ("Ban Thường vụ Tỉnh ủy Điện Biên", "Điện Biên", "tinh"),  # the district's namesake
        ("Thành ủy Bắc Giang", "Bắc Giang", "huyen"),  # a city within the province
        ("Thành ủy Hà Nội", "Ba Đình", "tinh"),
        ("Ủy ban nhân dân huyện Sơn Động", "Sơn Động", "huyen"),
        ("Ủy ban nhân dân tỉnh Bắc Giang", None, "tinh"),
        ("Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh", None, "khoi"),
    ],
)
def test_level_of_a_v1_file_is_read_from_its_issuer(
    issuer: str, district: str | None, level: str
) -> None:
    assert derive(issuer, district, None).slug == level


@pytest.mark.parametrize(
    ("issuer", "central"),
    [
        ("Bộ Chính trị", True),
        ("Ban Bí thư", True),
        ("Ban Chấp hành Trung ương Đảng", True),
        ("Ban Tổ chức Trung ương", True),
        ("Đảng đoàn Quốc hội", True),
        ("Ban cán sự đảng Chính phủ", True),
        ("Huyện ủy Sơn Động", False),
        ("Bộ Chỉ huy Quân sự tỉnh Bắc Giang", False),
    ],
)
def test_central_bodies_are_recognised_for_the_hint(issuer: str, central: bool) -> None:
    assert looks_central(issuer) is central


def problems(site: Site, text: str) -> list[str]:
    site.add("a.md", text)
    with pytest.raises(ProblemsError) as caught:
        load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    return [str(p) for p in caught.value.problems]


CENTRAL = {"issuer": "Bộ Chính trị", "number": "126-KL/TW", "date": "2025-02-14"}
CASES = {
    "a central body with a province": (
        conclusion(**CENTRAL, level="trung-uong", district=None),
        [
            f"{P}:7: province: a document of level trung-uong (Trung ương) has no province. "
            "Remove 'province:' or correct 'level:'."
        ],
    ),
    "a central body without level nor province": (
        conclusion(**CENTRAL, province=None, district=None),
        [
            f"{P}:1: province: is missing. Add 'province: Bắc Giang' (a central body has no "
            "province: write 'level: trung-uong' instead)."
        ],
    ),
    "a district committee without its district": (
        conclusion(level="huyen", district=None),
        [f"{P}:1: district: is missing (required for level huyen). Add 'district: Sơn Động'."],
    ),
    "a district level after districts were abolished": (
        conclusion(level="huyen", date="2025-08-01", province="Bắc Ninh", district=None),
        [
            f"{P}:1: district: is missing (required for level huyen). Add 'district: Sơn Động'.",
            f"{P}:8: level: level huyen ended on 2025-06-30 (districts were abolished on 1 "
            "July 2025); a document dated 2025-08-01 is of a commune or a province. Write "
            "'level: xa' or 'level: tinh'.",
        ],
    ),
    "a commune committee without its commune": (
        conclusion(level="xa", date="2025-08-01", province="Bắc Ninh", district=None),
        [f"{P}:1: commune: is missing (required for level xa). Add 'commune: xã Tân Thịnh'."],
    ),
    "a commune before the merger without its district": (
        conclusion(commune="xã Tân Thịnh", district=None, issuer="Đảng ủy xã Tân Thịnh"),
        [
            f"{P}:1: district: is missing: before 1 July 2025 a commune belonged to a "
            "district. Add 'district: Sơn Động'."
        ],
    ),
    "a commune on a provincial document": (
        conclusion(level="tinh", commune="xã Tân Thịnh", district=None),
        [
            f"{P}:9: commune: a document of level tinh (Cấp tỉnh) has no commune. "
            "Remove 'commune:' or correct 'level:'."
        ],
    ),
    "an unknown level": (
        conclusion(level="trunguong"),
        [f"{P}:9: level: unknown value 'trunguong'. Did you mean 'trung-uong'?"],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_check_explains_each_level_error(site: Site, name: str) -> None:
    text, expected = CASES[name]
    assert problems(site, text) == expected


def test_a_central_document_is_valid_without_province(site: Site) -> None:
    site.add("a.md", conclusion(**CENTRAL, level="trung-uong", province=None, district=None))
    (doc,) = load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents
    assert (doc.id, doc.place, doc.location, doc.current_province) == (
        "trung-uong/bo-chinh-tri/2025/126-kl-tw",
        "toàn quốc",
        None,
        None,
    )


def test_an_unchecked_commune_is_a_warning_not_an_error(site: Site) -> None:
    site.add(
        "a.md",
        conclusion(
            level="xa",
            date="2025-08-01",
            province="Bắc Ninh",
            district=None,
            commune="Tân Thịnh",
            issuer="Đảng ủy phường Tân Thịnh",
        ),
    )
    corpus = load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    (doc,) = corpus.documents
    assert doc.place == "phường Tân Thịnh, tỉnh Bắc Ninh"  # its type read from the issuer
    assert [str(note) for note in corpus.notes] == [
        f"{P}:9: commune: warning: 'Tân Thịnh' is not checked: the gazetteer has no "
        "communes of tỉnh Bắc Ninh. Check its spelling against the decision that "
        "established it."
    ]


def test_a_gazetteer_with_communes_checks_them(site: Site) -> None:
    data = json.loads((REPO / "plugins/ketluan/data/gazetteer.json").read_text("utf-8"))
    bac_ninh = next(p["code"] for p in data["current_provinces"] if p["name"] == "Bắc Ninh")
    data["communes"] = [
        {"code": "1", "name": "Tân Thịnh", "kind": "Xã", "province": bac_ninh},
        {"code": "2", "name": "Kinh Bắc", "kind": "Phường", "province": bac_ninh},
    ]
    g = _load(data)
    site.add("a.md", "---\ntitle: x\n---\n\nx\n")  # any file: the context needs its lines
    for written, expected in (
        ("tan thinh", "xã Tân Thịnh"),
        ("Phường Kinh Bắc", "phường Kinh Bắc"),
    ):
        cleaned = {"province": "Bắc Ninh", "commune": written, "date": _date("2025-08-01")}
        ctx = Context(P, _frontmatter(site), {})
        check_place(cleaned, ctx, g)
        assert (ctx.problems, cleaned["commune"]) == ([], expected)
    cleaned = {"province": "Bắc Ninh", "commune": "Tân Thinh Đông", "date": _date("2025-08-01")}
    ctx = Context(P, _frontmatter(site), {})
    check_place(cleaned, ctx, g)
    assert [str(p) for p in ctx.problems] == [
        f"{P}:1: commune: unknown commune 'Tân Thinh Đông' in tỉnh Bắc Ninh. "
        "Did you mean Tân Thịnh?"
    ]
    assert not gazetteer().communes, "the packaged data has no communes"


def _date(text: str):
    from ketluan.core.dates import parse_doc_date

    return parse_doc_date(text)


def _frontmatter(site: Site):
    from ketluan.core.frontmatter import parse

    return parse((site.conclusions / "a.md").read_text("utf-8"), P)


GUIDE = REPO / "docs" / "huong-dan" / "soan-thao.md"


def test_the_authoring_guide_documents_every_kind_level_and_field() -> None:
    from ketluan.core.document_schema import ConclusionSchema, SignerSchema
    from ketluan.core.kinds import CATALOGUE
    from ketluan.core.levels import LEVELS

    guide = GUIDE.read_text("utf-8")
    for kind in CATALOGUE:
        assert f"| `{kind.slug}` | {kind.label}" in guide, kind.slug
    for level in LEVELS.values():
        assert f"| `{level.slug}` | {level.label}" in guide, level.slug
    for name in ConclusionSchema.fields() + SignerSchema.fields():
        assert f"`{name}`" in guide, name


def test_the_front_matter_examples_of_the_guide_are_valid(site: Site) -> None:
    blocks = GUIDE.read_text("utf-8").split("```yaml\n")[1:]
    examples = [block.split("```")[0] for block in blocks if block.startswith("---\n")]
    assert len(examples) >= 3  # central, commune, joint
    for index, example in enumerate(examples):
        site.add(f"example-{index}.md", example + "\nNội dung.\n")
    corpus = load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    assert {doc.level.slug for doc in corpus.documents} >= {"trung-uong", "xa"}
    assert any(len(doc.issuers) == 2 and len(doc.signers) == 2 for doc in corpus.documents)


def test_a_central_quy_dinh_is_the_document_its_citations_mean(site: Site) -> None:
    """96-QĐ/TW is a Quy định (QĐ is Quyết định by its code alone): the document's own kind
    decides its key, as the word before the number decides its citations'."""
    site.add(
        "trung-uong/96.md",
        conclusion(
            title="Quy định về việc lấy phiếu tín nhiệm",
            type="quy-dinh",
            number="96-QĐ/TW",
            date="2023-02-02",
            issuer="Bộ Chính trị",
            level="trung-uong",
            province=None,
            district=None,
        ),
    )
    site.add(
        "bac-giang/son-dong/1.md",
        conclusion(body="Thực hiện Quy định số 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị.\n"),
    )
    site.build()
    page = site.page("van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/")
    (link,) = page.cssselect(".kl-document__body a.kl-cite")
    assert link.get("href") == "../../../../trung-uong/bo-chinh-tri/2023/96-qd-tw/"
