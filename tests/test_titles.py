"""Title lookups of search (``ketluan.site.titles``): one file per bucket of title keys with
the documents so titled, newest first, on a built site."""

from __future__ import annotations

import doctest
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import Site, conclusion
from ketluan.core.corpus import load_corpus
from ketluan.core.model import BUILTIN_TYPES
from ketluan.site import titles, urls
from ketluan.site.titles import SHOWN, bucket, title_key, title_keys

TITLE = "Kết luận về phát triển cây mắc ca, giai đoạn 2021–2025"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = Site(tmp_path_factory.mktemp("titles") / "project")
    for number, date in (("31", "2019-04-02"), ("37", "2023-04-03")):
        site.add(
            f"lai-chau/muong-te/{number}.md",
            conclusion(
                "Phát triển cây mắc ca.\n", title=TITLE, number=f"{number}-KL/HU", date=date
            ),
        )
    site.add(
        "lai-chau/muong-te/40.md",
        conclusion(
            "Phát triển cây mắc ca.\n",
            title="Kết luận về phát triển cây chè",
            number="40-KL/HU",
            date="2023-05-03",
        ),
    )
    site.build()
    return site


def lookup(site: Site, key: str) -> dict[str, Any]:
    path = site.root / "site" / "tra-cuu" / "tieu-de" / f"{bucket(key)}.json"
    return json.loads(path.read_text("utf-8"))


def test_key_and_bucket_examples() -> None:
    assert doctest.testmod(titles).failed == 0


def test_key_ignores_case_accents_punctuation_and_unicode_form() -> None:
    import unicodedata

    same = [TITLE, TITLE.upper(), unicodedata.normalize("NFD", TITLE), TITLE.replace(",", "")]
    same.append("ket luan ve phat trien cay mac ca giai doan 2021 2025")
    assert {title_key(text) for text in same} == {title_key(TITLE)}
    # Different words are a different title, however close.
    assert title_key("Kết luận về phát triển cây mắc ca") != title_key(TITLE)
    assert title_key("Kết luận về phát triển cây chè") != title_key("Kết luận về phát triển cây")


def test_documents_of_a_title_newest_first(built: Site) -> None:
    found = lookup(built, title_key(TITLE))[title_key(TITLE)]
    assert [d["number"] for d in found] == ["37-KL/HU", "31-KL/HU"]
    assert all(d["title"] == TITLE for d in found)
    for entry in found:  # the URL is a page of the site
        assert (built.root / "site" / entry["url"] / "index.html").is_file()


def test_a_file_holds_only_the_titles_of_its_bucket(built: Site) -> None:
    folder = built.root / "site" / "tra-cuu" / "tieu-de"
    files = sorted(folder.glob("*.json"))
    keys = {*title_keys(TITLE), *title_keys("Kết luận về phát triển cây chè")}
    assert sorted(p.stem for p in files) == sorted({bucket(k) for k in keys})
    for path in files:
        assert all(bucket(key) == path.stem for key in json.loads(path.read_text("utf-8")))


def test_a_shared_title_keeps_the_newest(tmp_path: Path) -> None:
    site = Site(tmp_path / "project")
    for n in range(SHOWN + 3):
        when = f"{2000 + n}-0{1 + n % 9}-1{n % 10}"
        site.add(f"lai-chau/{n}.md", conclusion("Nội dung.\n", number=f"{n}-TB/HU", date=when))
    docs = load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents
    files = titles.title_files(docs)
    (title,) = {doc.title for doc in docs}
    newest = sorted(docs, key=lambda d: d.date.iso(), reverse=True)[:SHOWN]
    for key in title_keys(title):  # the whole title and its beginnings
        found = json.loads(files[urls.title_lookup(bucket(key))])[key]
        assert [d["number"] for d in found] == [d.number for d in newest]


def test_beginnings_of_a_title_find_it(built: Site) -> None:
    """ "Kết luận về phát triển" (four words) is typed alone; both titles start so."""
    key = title_key("kết luận về phát triển")
    found = lookup(built, key)[key]
    assert [d["number"] for d in found] == ["40-KL/HU", "37-KL/HU", "31-KL/HU"]
    six = title_key("kết luận về phát triển cây")  # six words: not filed alone
    path = built.root / "site" / urls.title_lookup(bucket(six))
    assert not path.exists() or six not in json.loads(path.read_text("utf-8"))
