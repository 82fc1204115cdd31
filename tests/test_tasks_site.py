"""Tasks on the built site: the document's section, agency pages grouped by state relative
to a fixed build date, the place summary, the index, the calendar, Atom and JSON feeds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest
from lxml import etree

from conftest import REPO, Site, conclusion, search_facets, text_of

ATOM = "{http://www.w3.org/2005/Atom}"
BUILD_DAY = dt.date(2024, 7, 1)
SEED = (REPO / "conclusions" / "bac-giang" / "son-dong" / "604-kl-hu.md").read_text()
LATER = conclusion(
    "Giao Phòng Tài nguyên và Môi trường huyện rà soát hồ sơ đất đai trước ngày 15/7/2024.\n\n"
    "Giao UBND huyện hoàn thành báo cáo quyết toán trước ngày 10/5/2024.\n",
    number="650-KL/HU",
    date="2024-05-02",
).replace(
    "---\n\n",
    "tasks:\n"
    "  - match: báo cáo quyết toán\n"
    "    done: 2024-05-09\n"
    "    report: Báo cáo số 88-BC/UBND ngày 09/5/2024\n"
    '  - text: "<script>alert(1)</script> Tổ chức hội nghị chuyên đề"\n'
    "    bodies: [Ban Tuyên giáo Huyện ủy]\n"
    "    deadline: 2024-12\n"
    "---\n\n",
    1,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = Site(tmp_path_factory.mktemp("tasks") / "project")
    site.options["search"] = "false"
    site.add("bac-giang/son-dong/604-kl-hu.md", SEED)
    site.add("bac-giang/son-dong/650-kl-hu.md", LATER)
    epoch = int(dt.datetime.combine(BUILD_DAY, dt.time(), tzinfo=dt.UTC).timestamp())
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        site.build()
    return site


def groups(page: etree._Element) -> dict[str, list[str]]:
    """Task sentences under each state heading of a task list page."""
    found: dict[str, list[str]] = {}
    for heading in page.cssselect("h2.kl-task-group"):
        items = heading.getnext().cssselect(".kl-task__sentence")
        found[text_of(heading)] = [text_of(item) for item in items]
    return found


def test_document_section(built: Site) -> None:
    page = built.page("van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/")
    (section,) = page.cssselect("section.kl-assigned")
    assert text_of(section.cssselect("h2")[0]) == "Nhiệm vụ được giao"
    items = section.cssselect("li.kl-task")
    assert len(items) > 40 and items[0].get("id") == "nv-1"
    assert "01/07/2024" in text_of(section.cssselect(".kl-task-counts")[0])
    communes = [i for i in items if "xã Đại Sơn, huyện Sơn Động" in text_of(i)]
    (commune,) = communes
    assert "Thời hạn: năm 2024" in text_of(commune)
    links = [a.get("href") for a in commune.cssselect(".kl-task__bodies a")]
    assert any("nhiem-vu/bac-giang/xa-dai-son-huyen-son-dong/" in link for link in links)


def test_agency_page_overdue_relative_to_build_date(built: Site) -> None:
    """On 01/07/2024 the task due 21/04/2024 is overdue, the one due 15/07/2024 is due
    soon, the one done on 09/05/2024 is done; the page states the date."""
    page = built.page("nhiem-vu/bac-giang/ubnd-huyen-son-dong/")
    assert text_of(page.cssselect("h1")[0]) == "Nhiệm vụ được giao: UBND huyện Sơn Động"
    assert "tính đến ngày xây dựng trang 01/07/2024" in text_of(
        page.cssselect(".kl-task-counts")[0]
    )
    found = groups(page)
    assert list(found) == ["Quá hạn", "Đang thực hiện", "Đã hoàn thành"]
    assert any("vào ngày 21/4/2024" in s for s in found["Quá hạn"])
    assert any("báo cáo quyết toán" in s for s in found["Đã hoàn thành"])
    done = next(i for i in page.cssselect("li.kl-task") if "quyết toán" in text_of(i))
    assert "Đã hoàn thành ngày 09/05/2024 (Báo cáo số 88-BC/UBND" in text_of(done)
    soon = groups(built.page("nhiem-vu/bac-giang/phong-tai-nguyen-va-moi-truong-huyen-son-dong/"))
    assert list(soon) == ["Sắp đến hạn"]
    first = page.cssselect("li.kl-task .kl-task__doc a")[0].get("href")
    assert "604-kl-hu/#nv-" in first


def test_declared_task_escaped(built: Site) -> None:
    page = built.page("nhiem-vu/bac-giang/ban-tuyen-giao-huyen-uy-son-dong/")
    assert not page.cssselect(".kl-task script")
    assert "<script>alert(1)</script> Tổ chức hội nghị" in text_of(page.cssselect(".kl-task")[0])
    assert page.cssselect(".kl-badge--declared")


def test_index_and_place_summary(built: Site) -> None:
    index = built.page("nhiem-vu/")
    entries = {text_of(a): a.getparent() for a in index.cssselect(".kl-agencies .kl-entry__label")}
    assert "UBND huyện Sơn Động" in entries and "xã Vĩnh An, huyện Sơn Động" in entries
    assert "Quá hạn: 2" in text_of(entries["UBND huyện Sơn Động"])
    place = built.page("dia-ban/bac-giang/son-dong/nhiem-vu/")
    assert "huyện Sơn Động" in text_of(place.cssselect("h1")[0])
    agencies = [text_of(a) for a in place.cssselect("#co-quan + ul a")]
    assert agencies[0] == "UBND huyện Sơn Động"


def test_calendar_and_atom_validate(built: Site) -> None:
    folder = built.root / "site" / "nhiem-vu" / "bac-giang" / "ubnd-huyen-son-dong"
    calendar = icalendar.Calendar.from_ical((folder / "lich.ics").read_bytes())
    events = {e.decoded("dtstart"): str(e["summary"]) for e in calendar.walk("VEVENT")}
    assert events[dt.date(2024, 4, 21)].startswith("Hạn: Hoàn thành tổ chức lấy ý kiến")
    assert dt.date(2024, 5, 10) in events and dt.date(2024, 6, 30) in events
    assert not [e for e in calendar.walk("VEVENT") if "URL" in e], "no relative URLs"
    feed = etree.parse(str(folder / "atom.xml")).getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert entries and all(e.find(f"{ATOM}id") is not None for e in entries)
    assert entries[0].find(f"{ATOM}link").get("href").endswith("650-kl-hu/#nv-2")


def _entry_ids(site: Site) -> list[str]:
    folder = site.root / "site" / "nhiem-vu" / "bac-giang" / "ubnd-huyen-son-dong"
    feed = etree.parse(str(folder / "atom.xml")).getroot()
    return [entry.findtext(f"{ATOM}id") for entry in feed.findall(f"{ATOM}entry")]


def test_agency_feed_keeps_the_newest_tasks(built: Site, tmp_path: Path) -> None:
    """``feed_size`` cuts an agency's feed to its newest tasks; its page keeps them all."""
    every = _entry_ids(built)
    assert len(every) >= 3
    small = Site(tmp_path / "project")
    small.options["search"] = "false"
    small.options["feed_size"] = 2
    small.add("bac-giang/son-dong/604-kl-hu.md", SEED)
    small.add("bac-giang/son-dong/650-kl-hu.md", LATER)
    small.build()
    assert _entry_ids(small) == every[:2]
    page = small.page("nhiem-vu/bac-giang/ubnd-huyen-son-dong/")
    assert len(page.cssselect(".kl-task__sentence")) == len(every)


def test_tasks_manifest(built: Site) -> None:
    data = json.loads((built.root / "site" / "api" / "tasks.json").read_text())
    assert data["as_of"] == "2024-07-01"
    done = [t for t in data["tasks"] if t["status"] == "hoan-thanh"]
    assert [t["done"] for t in done] == ["2024-05-09"]
    overdue = [t for t in data["tasks"] if t["state"] == "qua-han"]
    assert {t["deadline"]["due"] for t in overdue} == {"2024-04-21", "2024-06-30"}
    keys = {a["key"] for t in data["tasks"] for a in t["leads"]}
    assert "bac-giang/chu-tich-ubnd-huyen-son-dong" in keys


def test_build_fails_on_a_bad_match(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    site = Site(tmp_path / "project")
    site.options["search"] = "false"
    text = conclusion("Giao UBND huyện làm đường.\n").replace(
        "---\n\n", "tasks:\n  - match: không có\n    remove: true\n---\n\n", 1
    )
    site.add("bac-giang/1.md", text)
    with pytest.raises(Exception, match="BuildError"):
        site.build()
    assert "conclusions/bac-giang/1.md:14: tasks[0].match: no task read" in caplog.text
    assert "Traceback" not in caplog.text


def test_search_filters_by_agency_and_deadline(tmp_path: Path) -> None:
    """The search index files a document under its tasks' agencies and deadline months, as
    filters like the other facets."""
    site = Site(tmp_path / "project")
    site.add("bac-giang/son-dong/650-kl-hu.md", LATER)
    site.build()
    filters = search_facets(site, "van-ban/bac-giang/huyen-uy-son-dong/2024/650-kl-hu/")
    assert filters["giao_cho"] == [
        "Ban Tuyên giáo Huyện ủy Sơn Động",
        "Phòng Tài nguyên và Môi trường huyện Sơn Động",
        "UBND huyện Sơn Động",
    ]
    assert filters["han"] == ["Tháng 05/2024", "Tháng 07/2024", "Tháng 12/2024"]
