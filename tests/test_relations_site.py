"""Relations and status on a built site: a provincial plan implementing a central
resolution outside the portal, a conclusion replaced by a later one, relations detected in
the text and declared in front matter, statuses from relations and from front matter, on
both ends of each relation: pages, diagram, banner, browse lists, search filters, open
data and JSON-LD."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from corpus_levels import CENTRAL_URL, PLAN_URL
from lxml import html
from test_html_valid import vnu_errors

from conftest import Site, conclusion, search_facets, text_of

PLAN = conclusion(
    "Thực hiện Kết luận số 126-KL/TW ngày 14/02/2025 của Bộ Chính trị về một số nội dung, "
    "nhiệm vụ tiếp tục sắp xếp, tinh gọn tổ chức bộ máy, Ban Thường vụ Tỉnh ủy ban hành Kế "
    "hoạch thực hiện như sau:\n\n1\\. Quán triệt đến cán bộ, đảng viên.\n",
    title="Kế hoạch thực hiện Kết luận số 126-KL/TW của Bộ Chính trị",
    type="ke-hoach",
    number="45-KH/TU",
    date="2025-03-10",
    issuer="Ban Thường vụ Tỉnh ủy Bắc Giang",
    district=None,
    signer="signer:\n  authority: T/M Ban Thường vụ\n  title: Bí thư\n  name: Nguyễn Văn Gấu",
)
DECLARED_PLAN = conclusion(
    "Ban Thường vụ Huyện ủy ban hành Kế hoạch thực hiện như sau.\n",
    title="Kế hoạch sắp xếp tổ chức bộ máy",
    type="ke-hoach",
    number="12-KH/HU",
    date="2025-04-02",
    signer="signer:\n  name: Đỗ Văn Cẩm\nrelations:\n  - kind: thuc-hien\n"
    "    number: 126-KL/TW\n    date: 2025-02-14",
)
OLD = conclusion(
    "Ban Thường vụ kết luận về giao thông nông thôn.\n",
    title="Kết luận về giao thông nông thôn",
    number="12-KL/HU",
    date="2023-03-10",
)
NEW = conclusion(
    "Kết luận này thay thế Kết luận số 12-KL/HU ngày 10/3/2023 của Huyện ủy Sơn Động.\n\n"
    "Tiếp tục thực hiện Nghị quyết số 04-NQ/TU ngày 07/5/2021 của Tỉnh ủy.\n",
    title="Kết luận về giao thông nông thôn giai đoạn 2024-2025",
    number="20-KL/HU",
    date="2024-05-06",
)
OVERRIDE = conclusion(
    "Thực hiện Nghị quyết số 04-NQ/TU ngày 07/5/2021 của Tỉnh ủy.\n\n"
    "Bãi bỏ Quyết định số 05-QĐ/HU ngày 02/01/2020 của Huyện ủy.\n",
    title="Kết luận về phát triển nông nghiệp",
    number="22-KL/HU",
    date="2024-06-10",
    signer="signer:\n  name: Đỗ Văn Cẩm\nrelations:\n  - kind: can-cu\n    number: 04-NQ/TU\n"
    "    date: 2021-05-07\n  - kind: bai-bo\n    number: 05-QĐ/HU\n    remove: true",
)
EXPIRED = conclusion(
    "Ban Thường vụ kết luận về phòng chống dịch.\n",
    title="Kết luận về phòng chống dịch",
    number="7-KL/HU",
    date="2021-04-01",
    signer="signer:\n  name: Đỗ Văn Cẩm\nvalid_until: 2021-12-31",
)
AMENDED = conclusion(
    "Ban Thường vụ kết luận về công tác cán bộ.\n",
    title="Kết luận về công tác cán bộ",
    number="9-KL/HU",
    date="2022-01-05",
)
AMENDING = conclusion(
    "Sửa đổi, bổ sung một số nội dung của Kết luận số 9-KL/HU ngày 05/01/2022 của Huyện ủy "
    "Sơn Động.\n",
    title="Kết luận sửa đổi Kết luận số 9-KL/HU",
    number="25-KL/HU",
    date="2024-08-01",
)
OLD_PAGE = "van-ban/bac-giang/huyen-uy-son-dong/2023/12-kl-hu/"
NEW_PAGE = "van-ban/bac-giang/huyen-uy-son-dong/2024/20-kl-hu/"
PLAN_PAGE = "van-ban/bac-giang/ban-thuong-vu-tinh-uy-bac-giang/2025/45-kh-tu/"
DECLARED_PAGE = "van-ban/bac-giang/huyen-uy-son-dong/2025/12-kh-hu/"
CENTRAL = "trich-dan/toan-quoc/ket-luan/2025/126-kl-tw/"
OVERRIDE_PAGE = "van-ban/bac-giang/huyen-uy-son-dong/2024/22-kl-hu/"


@pytest.fixture(scope="module")
def related(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """One site with every case of this module, built once."""
    site = Site(tmp_path_factory.mktemp("relations") / "project")
    site.options["extra_types"] = "{ke-hoach: {label: Kế hoạch, abbr: kh}}"
    for name, text in {
        "bac-giang/45-kh-tu.md": PLAN,
        "son-dong/12-kh-hu.md": DECLARED_PLAN,
        "son-dong/12-kl-hu.md": OLD,
        "son-dong/20-kl-hu.md": NEW,
        "son-dong/22-kl-hu.md": OVERRIDE,
        "son-dong/7-kl-hu.md": EXPIRED,
        "son-dong/9-kl-hu.md": AMENDED,
        "son-dong/25-kl-hu.md": AMENDING,
    }.items():
        site.add(name, text)
    site.build()
    return site


def groups(page: html.HtmlElement, tier: str) -> dict[str, list[str]]:
    """A diagram tier as {group kind: [linked labels]}."""
    found = {}
    for group in page.cssselect(f".kl-diagram__tier--{tier} > .kl-diagram__group"):
        kind = group.get("class").split("--")[-1]
        found[kind] = [text_of(a) for a in group.cssselect(".kl-node__link")]
    return found


def manifest(site: Site, name: str = "documents") -> dict[str, dict]:
    data = json.loads((site.root / "site" / "api" / f"{name}.json").read_text("utf-8"))
    key = "id" if name == "documents" else "key"
    return {entry[key]: entry for entry in data[name if name == "documents" else "resolutions"]}


def jsonld(page: html.HtmlElement) -> dict:
    (script,) = page.cssselect('script[type="application/ld+json"]')
    return json.loads(script.text)


def test_plan_lists_the_central_resolution_it_implements(related: Site) -> None:
    page = related.page(PLAN_PAGE)
    assert groups(page, "above") == {"thuc-hien": ["Kết luận số 126-KL/TW"]}
    (node,) = page.cssselect(".kl-diagram__group--thuc-hien .kl-diagram__node")
    assert node.cssselect("a")[0].get("href").endswith(f"/{CENTRAL}")
    assert "tự động nhận biết" in text_of(node)
    assert jsonld(page)["legislationApplies"][0]["url"] == f"/{CENTRAL}"


def test_resolution_page_lists_the_plans_implementing_it(related: Site) -> None:
    page = related.page(CENTRAL)
    assert groups(page, "below") == {"thuc-hien": ["Kế hoạch số 12-KH/HU", "Kế hoạch số 45-KH/TU"]}
    declared, detected = page.cssselect(".kl-diagram__group--thuc-hien .kl-diagram__node")
    assert "tự động nhận biết" not in text_of(declared)
    assert "tự động nhận biết" in text_of(detected)
    roles = [text_of(b) for b in page.cssselect(".kl-citing__item .kl-badge--role")]
    assert roles == ["Thực hiện", "Thực hiện"]
    (year,) = page.cssselect(".kl-timeline__item:not(.kl-timeline__item--issued)")
    assert text_of(year).startswith("Năm 2025: 2 văn bản trích dẫn, 2 văn bản thực hiện")
    issued = text_of(page.cssselect(".kl-timeline__item--issued")[0])
    assert issued == "14/02/2025: ban hành"
    entry = manifest(related, "resolutions")["toan-quoc:ket-luan:126-KL/TW:2025-02-14"]
    plan_ids = {"bac-giang/ban-thuong-vu-tinh-uy-bac-giang/2025/45-kh-tu"}
    plan_ids.add("bac-giang/huyen-uy-son-dong/2025/12-kh-hu")
    assert {r["document"] for r in entry["inverse_relations"]} == plan_ids
    assert {r["label"] for r in entry["inverse_relations"]} == {"Được thực hiện bởi"}
    assert entry["status"] is None, "nothing is known of its force"


def test_replaced_conclusion_shows_the_banner_and_its_status(related: Site) -> None:
    page = related.page(OLD_PAGE)
    (banner,) = page.cssselect(".kl-status-banner")
    assert text_of(banner) == (
        "Văn bản này đã được thay thế bởi Kết luận số 20-KL/HU ngày 06/05/2024 "
        "của Huyện ủy Sơn Động."
    )
    assert banner.cssselect("a")[0].get("href") == "../../2024/20-kl-hu/"
    row = page.cssselect(".kl-meta__status dd")[0]
    assert text_of(row) == "Bị thay thế"
    assert groups(page, "below") == {"thay-the": ["Kết luận số 20-KL/HU"]}
    assert search_facets(related, OLD_PAGE)["hieu_luc"] == ["Bị thay thế"]
    data = jsonld(page)
    assert data["legislationLegalForce"] == "https://schema.org/NotInForce"
    entry = manifest(related)["bac-giang/huyen-uy-son-dong/2023/12-kl-hu"]
    assert entry["status"]["key"] == "bi-thay-the"
    assert entry["status"]["by"] == ["bac-giang/huyen-uy-son-dong/2024/20-kl-hu"]
    assert entry["status"]["since"] == "2024-05-06"
    assert entry["inverse_relations"] == [
        {
            "kind": "thay-the",
            "label": "Bị thay thế bởi",
            "detected": True,
            "partial": False,
            "document": "bac-giang/huyen-uy-son-dong/2024/20-kl-hu",
        }
    ]


def test_replacing_conclusion_shows_what_it_replaces(related: Site) -> None:
    page = related.page(NEW_PAGE)
    assert not page.cssselect(".kl-status-banner")
    above = page.cssselect(".kl-diagram__tier--above .kl-diagram__group--thay-the")[0]
    assert text_of(above.cssselect(".kl-diagram__heading")[0]) == "Văn bản bị thay thế (1)"
    assert "Bị thay thế" in text_of(above), "the replaced one carries its status"
    assert search_facets(related, NEW_PAGE)["hieu_luc"] == ["Còn hiệu lực"]
    data = jsonld(page)
    assert [t["url"] for t in data["legislationChanges"]] == [f"/{OLD_PAGE}"]
    assert data["legislationLegalForce"] == "https://schema.org/InForce"
    entry = manifest(related)["bac-giang/huyen-uy-son-dong/2024/20-kl-hu"]
    replaces = [r for r in entry["relations"] if r["kind"] == "thay-the"]
    assert replaces == [
        {
            "kind": "thay-the",
            "label": "Thay thế",
            "detected": True,
            "partial": False,
            "document": "bac-giang/huyen-uy-son-dong/2023/12-kl-hu",
            "key": "bac-giang/son-dong:ket-luan:12-KL/HU:2023-03-10",
            "url": f"/{OLD_PAGE}",
        }
    ]


def test_browse_pages_filter_by_status(related: Site) -> None:
    browse = related.page("danh-muc/")
    statuses = {
        text_of(e.cssselect(".kl-entry__label")[0]): text_of(e.cssselect(".kl-entry__count")[0])
        for e in browse.cssselect(".kl-browse__statuses .kl-entry")
    }
    assert statuses == {
        "Còn hiệu lực": "5 văn bản",
        "Được sửa đổi, bổ sung": "1 văn bản",
        "Bị thay thế": "1 văn bản",
        "Hết hiệu lực": "1 văn bản",
    }
    replaced = related.page("danh-muc/hieu-luc/bi-thay-the/")
    assert [text_of(a) for a in replaced.cssselect(".kl-item__title")] == [
        "Kết luận về giao thông nông thôn"
    ]
    everything = related.page("van-ban/")
    badges = {
        text_of(item.cssselect(".kl-item__title")[0]): text_of(item.cssselect(".kl-badge")[0])
        for item in everything.cssselect(".kl-item")
        if item.cssselect(".kl-badge")
    }
    assert badges == {
        "Kết luận về giao thông nông thôn": "Bị thay thế",
        "Kết luận về công tác cán bộ": "Được sửa đổi, bổ sung",
        "Kết luận về phòng chống dịch": "Hết hiệu lực",
    }


def test_declared_relation_overrides_and_removes_detections(related: Site) -> None:
    page = related.page(OVERRIDE_PAGE)
    assert groups(page, "above") == {
        "can-cu": ["Nghị quyết số 04-NQ/TU"],
        "trich-dan": ["Quyết định số 05-QĐ/HU"],
    }
    entry = manifest(related)["bac-giang/huyen-uy-son-dong/2024/22-kl-hu"]
    assert [(r["kind"], r["detected"]) for r in entry["relations"]] == [("can-cu", False)]
    repealed = manifest(related, "resolutions")["bac-giang/son-dong:quyet-dinh:05-QD/HU:2020-01-02"]
    assert repealed["status"] is None and repealed["inverse_relations"] == []


def test_status_from_valid_until_and_amendments(related: Site) -> None:
    expired = related.page("van-ban/bac-giang/huyen-uy-son-dong/2021/7-kl-hu/")
    assert text_of(expired.cssselect(".kl-status-banner")[0]) == (
        "Văn bản này đã hết hiệu lực: có hiệu lực đến hết ngày 31/12/2021."
    )
    assert jsonld(expired)["expires"] == "2021-12-31"
    amended = related.page("van-ban/bac-giang/huyen-uy-son-dong/2022/9-kl-hu/")
    assert text_of(amended.cssselect(".kl-status-banner")[0]) == (
        "Văn bản này đã được sửa đổi, bổ sung bởi Kết luận số 25-KL/HU ngày 01/08/2024 "
        "của Huyện ủy Sơn Động."
    )
    amending = jsonld(related.page("van-ban/bac-giang/huyen-uy-son-dong/2024/25-kl-hu/"))
    assert [t["legislationIdentifier"] for t in amending["legislationAmends"]] == ["9-KL/HU"]
    assert amending["legislationChanges"] == amending["legislationAmends"]


def test_detected_and_declared_relations_agree(tmp_path: Path) -> None:
    """The same replacement stated in the text or in front matter gives the same site,
    but for the mark of a detected relation."""
    built = {}
    declared = NEW.replace(
        "Kết luận này thay thế Kết luận số 12-KL/HU ngày 10/3/2023 của Huyện ủy Sơn Động.",
        "Kết luận về giao thông nông thôn.",
    ).replace(
        "signer:\n  authority", "relations:\n  - kind: thay-the\n    number: 12-KL/HU\n"
        "    date: 2023-03-10\nsigner:\n  authority",
    )  # fmt: skip
    for name, text in (("detected", NEW), ("declared", declared)):
        site = Site(tmp_path / name)
        site.options["search"] = "false"
        site.add("son-dong/12.md", OLD)
        site.add("son-dong/20.md", text)
        site.build()
        built[name] = site
    entries = {name: manifest(site) for name, site in built.items()}
    old, new = (
        "bac-giang/huyen-uy-son-dong/2023/12-kl-hu",
        "bac-giang/huyen-uy-son-dong/2024/20-kl-hu",
    )
    assert entries["detected"][old]["status"] == entries["declared"][old]["status"]

    def without_mark(items: list[dict]) -> list[dict]:
        return [{k: v for k, v in item.items() if k != "detected"} for item in items]

    for which, field in ((old, "inverse_relations"), (new, "relations")):
        detected, declared_ = entries["detected"][which][field], entries["declared"][which][field]
        replaced = [r for r in detected if r["kind"] == "thay-the"]
        assert without_mark(replaced) == without_mark(
            [r for r in declared_ if r["kind"] == "thay-the"]
        )
        assert [r["detected"] for r in replaced] == [True]
    banners = [text_of(s.page(OLD_PAGE).cssselect(".kl-status-banner")[0]) for s in built.values()]
    assert banners[0] == banners[1]


HUB = "van-ban/bac-giang/ban-thuong-vu-tinh-uy-bac-giang/2020/05-kl-tu/"
HUB_CITED = "trich-dan/bac-giang/ket-luan/2020/05-kl-tu/"


def test_diagram_of_a_resolution_cited_by_3000_documents_stays_small(tmp_path: Path) -> None:
    """3,000 generated conclusions cite one provincial conclusion, a third of them
    implementing it: its pages show counts per kind, the first few and links to the full
    lists, under 50 KB of diagram."""
    site = Site(tmp_path / "hub")
    site.options |= {"search": "false", "page_size": 50}
    site.add(
        "bac-giang/05.md",
        conclusion(
            title="Kết luận về chuyển đổi số",
            number="05-KL/TU",
            date="2020-01-10",
            issuer="Ban Thường vụ Tỉnh ủy Bắc Giang",
            district=None,
        ),
    )
    for n in range(1, 3001):
        lead = "Thực hiện" if n % 3 == 0 else "Tổ chức sơ kết việc thực hiện"
        day = f"{2020 + n % 5}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        body = f"{lead} Kết luận số 05-KL/TU ngày 10/01/2020 của Ban Thường vụ Tỉnh ủy.\n"
        site.add(f"son-dong/{n}.md", conclusion(body, number=f"{n}-KL/HU", date=day))
    site.build()
    for url in (HUB, HUB_CITED):
        page = (site.root / "site" / url / "index.html").read_bytes()
        (diagram,) = html.fromstring(page).cssselect(".kl-diagram")
        size = len(html.tostring(diagram, encoding="utf-8"))
        assert size < 50_000, (url, size)
        print(f"diagram of /{url}: {size} bytes of HTML; page {len(page)} bytes")
        below = {
            g.get("class").split("--")[-1]: (
                text_of(g.cssselect(".kl-diagram__count")[0]),
                len(g.cssselect(".kl-diagram__node")),
                g.cssselect(".kl-diagram__more a")[0].get("href"),
            )
            for g in html.fromstring(page).cssselect(".kl-diagram__tier--below > li")
        }
        assert below == {
            "thuc-hien": ("(1000)", 5, below["thuc-hien"][2]),
            "trich-dan": ("(2000)", 5, below["trich-dan"][2]),
        }
        assert urljoin(f"/{url}", below["thuc-hien"][2]) == f"/{HUB_CITED}thuc-hien/"
        assert urljoin(f"/{url}", below["trich-dan"][2]) == f"/{HUB_CITED}"
    implementing = site.page(HUB_CITED + "thuc-hien/")
    assert text_of(implementing.cssselect(".kl-count")[0]) == "Văn bản 1–50 trong tổng số 1000"
    assert site.page(HUB_CITED + "thuc-hien/trang/20/").cssselect(".kl-item")
    timeline = site.page(HUB_CITED).cssselect(".kl-timeline__item")
    assert [text_of(t.cssselect(".kl-timeline__year")[0]) for t in timeline[1:]] == [
        f"Năm {year}" for year in range(2020, 2025)
    ]
    assert len(html.tostring(site.page(HUB_CITED), encoding="utf-8")) < 150_000
    checked = tmp_path / "checked"
    for n, url in enumerate((HUB, HUB_CITED, HUB_CITED + "thuc-hien/trang/2/")):
        (checked / str(n)).mkdir(parents=True)
        shutil.copy(site.root / "site" / url / "index.html", checked / str(n))
    assert vnu_errors(str(checked)) == []


def test_relation_pages_are_valid_html(related: Site) -> None:
    """Banner, status row, diagram, timeline, relation lists and badges pass the W3C
    validator, as the sample site does."""
    assert vnu_errors(str(related.root / "site")) == []


def test_sample_states_no_relation(sample_site: Site) -> None:
    """The sample's documents cite others but state no relation of them (its news report's
    "(thay thế Quyết định 45/2018/QĐ-UBND tỉnh" is a proposal): its pages gain only the new
    sections, every document in force, every diagram made of citations."""
    data = json.loads((sample_site.root / "site" / "api" / "documents.json").read_text("utf-8"))
    assert {d["id"]: d["relations"] + d["inverse_relations"] for d in data["documents"]} == {
        d["id"]: [] for d in data["documents"]
    }
    statuses = {(d["type"], d["status"] and d["status"]["key"]) for d in data["documents"]}
    assert statuses == {
        ("ket-luan", "con-hieu-luc"),
        ("thong-bao-ket-luan", "con-hieu-luc"),
        ("thong-bao-y-kien", "con-hieu-luc"),
        ("tin-bai", None),
    }
    for doc in data["documents"]:
        page = sample_site.page(doc["url"].lstrip("/"))
        assert not page.cssselect(".kl-status-banner")
        kinds = {g.get("class").split("--")[-1] for g in page.cssselect(".kl-diagram__group")}
        assert kinds <= {"trich-dan"}, doc["id"]


def test_central_conclusion_in_the_corpus_and_the_plan_implementing_it(levels_site: Site) -> None:
    """126-KL/TW of the Bộ Chính trị, checked in without a province at its central URL, and
    the provincial plan whose text says "Thực hiện Kết luận số 126-KL/TW": each end lists
    the other, in the diagram, the open data and JSON-LD."""
    plan = levels_site.page(PLAN_URL)
    assert groups(plan, "above") == {"thuc-hien": ["Kết luận số 126-KL/TW"]}
    (link,) = plan.cssselect(".kl-diagram__group--thuc-hien .kl-node__link")
    assert link.get("href") == "../../../../trung-uong/bo-chinh-tri/2025/126-kl-tw/"
    central = levels_site.page(CENTRAL_URL)
    assert groups(central, "below") == {"thuc-hien": ["Kế hoạch số 342-KH/TU"]}
    (back,) = central.cssselect(".kl-diagram__group--thuc-hien .kl-node__link")
    assert (
        back.get("href") == "../../../../bac-giang/ban-thuong-vu-tinh-uy-bac-giang/2025/342-kh-tu/"
    )
    entries = manifest(levels_site)
    central_id, plan_id = CENTRAL_URL[len("van-ban/") : -1], PLAN_URL[len("van-ban/") : -1]
    assert [r["document"] for r in entries[central_id]["inverse_relations"]] == [plan_id]
    assert [r["document"] for r in entries[plan_id]["relations"]] == [central_id]
    assert jsonld(plan)["legislationApplies"][0]["url"].endswith(f"/{CENTRAL_URL}")
