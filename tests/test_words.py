"""The word index of search (``ketluan.site.words``): postings, buckets, records and places
on a built site, and what one edit changes in it."""

from __future__ import annotations

import doctest
import json
import random
from pathlib import Path
from typing import Any

import pytest

from conftest import Site, all_places, conclusion
from ketluan.site import postings, prefixes, urls, words
from ketluan.site.postings import WITHIN, decode, encode
from ketluan.site.search import place_token
from ketluan.site.titles import bucket
from ketluan.site.wordpatch import patch_files
from ketluan.site.words import GROUP, Indexed, Words


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = Site(tmp_path_factory.mktemp("words") / "project")
    site.add(
        "lai-chau/muong-te/31.md",
        conclusion(
            "Phát triển cây chè trên đất dốc; diễn biến thời tiết bất thường.\n",
            title="Kết luận về phát triển cây chè",
            number="31-KL/HU",
            date="2019-04-02",
        ),
    )
    site.add(
        "lai-chau/muong-te/37.md",
        conclusion(
            "Che phủ rừng đạt 60%. Huyện ủy Mường Tè thống nhất.\n",
            title="Kết luận về bảo vệ rừng",
            number="37-KL/HU",
            date="2023-04-03",
        ),
    )
    for n in range(40, 40 + 2 * GROUP):  # enough documents for three records files
        site.add(
            f"lai-chau/muong-te/{n}.md",
            conclusion(
                "Thống nhất kế hoạch.\n",
                title=f"Kết luận số {n}",
                number=f"{n}-KL/HU",
                date=f"2024-01-{n - 39:02d}",
            ),
        )
    site.build()
    return site


def index_file(site: Site, path: str) -> Any:
    return json.loads((site.root / "site" / path).read_text("utf-8"))


def entry(site: Site, word: str) -> tuple[int, list[int], list[int]]:
    """The count and postings (all, described) of ``word`` as the browser reads them."""
    found = index_file(site, urls.word_lookup(words.word_bucket(word)))
    every, told = words.stored(lambda path: read(site, path), found, word)
    assert found[word][:2] == [len(every), len(told)], "the counts are the lists'"
    return found[word][0], every, told


def read(site: Site, path: str) -> str | None:
    file = site.root / "site" / path
    return file.read_text("utf-8") if file.is_file() else None


def numbered(site: Site) -> list[dict[str, str]]:
    """Every record, by document number (oldest first)."""
    folder = site.root / "site" / urls.RECORDS
    groups = sorted(folder.glob("*.json"), key=lambda path: int(path.stem))
    return [record for path in groups for record in json.loads(path.read_text("utf-8"))]


def number_of(site: Site, leaf: str) -> int:
    (found,) = [i for i, r in enumerate(numbered(site)) if r["url"].endswith(f"/{leaf}/")]
    return found


def test_examples() -> None:
    assert doctest.testmod(words).failed == 0
    assert doctest.testmod(postings).failed == 0
    assert doctest.testmod(prefixes).failed == 0


@pytest.mark.parametrize("seed", range(20))
def test_encode_decode_round_trip(seed: int) -> None:
    rng = random.Random(seed)
    size = rng.choice([10, 1000, 100_000])
    numbers = sorted(rng.sample(range(size), rng.randint(0, min(size, 500))))
    text = encode(numbers)
    assert decode(text) == numbers
    dense, sparse = encode(list(range(1000))), encode(list(range(0, 100_000, 1000)))
    assert dense[0] == "B" and sparse[0] == "L", "the shorter form is chosen"


def test_records_are_numbered_oldest_first_in_groups(built: Site) -> None:
    records = numbered(built)
    assert len(records) == 2 + 2 * GROUP
    assert [r["iso"] for r in records] == sorted(r["iso"] for r in records)
    assert records[0]["number"] == "31-KL/HU"
    assert records[0]["x"].startswith("Phát triển cây chè trên đất dốc")
    assert len(index_file(built, urls.record_group(0))) == GROUP


def test_folded_word_finds_every_spelling_and_metadata_is_told(built: Site) -> None:
    tea, cover = number_of(built, "31-kl-hu"), number_of(built, "37-kl-hu")
    count, every, told = entry(built, "che")
    assert count == 2 and every == sorted([tea, cover])
    assert told == [tea], "chè is in the title of 31 only"
    _, exact, exact_told = entry(built, "=chè")
    assert exact == [tea] and exact_told == [tea]
    assert "=chè" in index_file(built, urls.word_lookup(bucket("che"))), "in che's file"
    _, _, number_told = entry(built, "31")
    assert tea in number_told, "its number is metadata"


def test_a_frequent_word_has_a_file_of_its_own() -> None:
    items = [
        Indexed((f"2024-{n:05d}", f"van-ban/{n}/"), {"url": f"van-ban/{n}/"}, Words(*text, ""))
        for n in range(2000)
        for text in [
            (("ket luan" if n % 2 else "luan") + (" que" if n % 3 else ""), "que" * (n % 12 == 1))
        ]
    ]
    files = words.word_files(items)
    rare = json.loads(files[urls.word_lookup(bucket("ket"))])["ket"]
    assert rare == [1000, 0], "the postings are in the word's own file"
    every = json.loads(files[urls.word_file("ket")])
    assert decode(every) == list(range(1, 2000, 2))
    assert urls.word_described("ket") not in files, "none has it in its title"
    assert len(files[urls.word_file("que")]) < 2000 / 8 * 4 / 3 + 20, "a bitmap: a bit each"
    described = decode(json.loads(files[urls.word_described("que")]))
    assert described == list(range(1, 2000, 12)), "in a file of its own: read apart"
    count, _, every, _ = json.loads(files[urls.word_lookup(bucket("luan"))])["luan"]
    assert every.startswith("C") and len(every) < 8, "in every document: none left out"
    assert count == 2000 and decode(every) == list(range(2000))
    assert urls.word_file("luan") not in files
    assert len([path for path in files if path.startswith(urls.RECORDS)]) == 2000 / GROUP


def test_a_place_spelled_two_ways_is_one_word() -> None:
    found = Words("hoa binh", "", "")
    items = [
        Indexed(("2024", "van-ban/1/"), {"url": "van-ban/1/"}, found, ("hoà bình", "hòa bình")),
        Indexed(("2025", "van-ban/2/"), {"url": "van-ban/2/"}, found, ("hòa bình",)),
    ]
    files = words.word_files(items)
    token = place_token("Hòa Bình")
    count, _, every, _ = json.loads(files[urls.word_lookup(bucket(token))])[token]
    assert (count, every) == (2, encode([0, 1], 2))


def test_text_words_are_not_described(built: Site) -> None:
    _, every, told = entry(built, "dien")
    assert every == [number_of(built, "31-kl-hu")] and told == [], "diễn (biến): text"


def test_places_are_words_of_their_own(built: Site) -> None:
    token = place_token("Sơn Động")  # the place of conftest's documents
    count, _, told = entry(built, token)
    assert count == len(numbered(built)) == len(told), "every document is Sơn Động's own"
    places = all_places(built.root / "site")
    assert places["son dong"] == ["sơn động"]
    assert "muong te" not in places, "a name in the text only is no place of the corpus"


def test_an_edit_changes_only_the_words_it_touches(tmp_path: Path) -> None:
    site = Site(tmp_path / "project")
    site.add("lai-chau/muong-te/1.md", conclusion("Phát triển cây chè.\n", number="1-KL/HU"))
    site.add("lai-chau/muong-te/2.md", conclusion("Bảo vệ rừng.\n", number="2-KL/HU"))
    site.build()
    out = site.root / "site"
    before = {p: p.read_bytes() for p in (out / urls.WORDS).rglob("*.json")}
    site.add("lai-chau/muong-te/2.md", conclusion("Bảo vệ rừng và cây quế.\n", number="2-KL/HU"))
    site.build()
    after = {p: p.read_bytes() for p in (out / urls.WORDS).rglob("*.json")}
    changed = {p.name for p in after if before.get(p) != after[p]}
    assert bucket("que") + ".json" in changed, "the new word"
    assert bucket("phat") + ".json" not in changed or bucket("phat") in {
        bucket(w) for w in ("que", "va", "cay")
    }, "a word of the other document only"
    assert len(changed) < len(after) / 2
    (found,) = [r for r in numbered(site) if r["number"] == "2-KL/HU"]
    assert found["x"] == "Bảo vệ rừng và cây quế."


def test_each_filter_value_lists_its_documents(built: Site) -> None:
    years = index_file(built, urls.word_facet("nam"))
    assert years["n"] == len(numbered(built))
    assert decode(years["v"]["2019"]) == [number_of(built, "31-kl-hu")]
    assert len(decode(years["v"]["2024"])) == 2 * GROUP
    kinds = index_file(built, urls.word_facet("loai"))
    assert sum(len(decode(p)) for p in kinds["v"].values()) == years["n"], "one kind each"
    places = index_file(built, urls.word_facet("huyen"))
    assert list(places["v"]) == ["Sơn Động"]


VOCABULARY = ["ket", "luan", "che", "=chè", "rung", "que", "=quế", "dien", "bien", "2024", "so"]


def _random_items(rng: random.Random, count: int) -> list[Indexed]:
    def pick() -> Words:
        chosen = rng.sample(VOCABULARY, rng.randint(1, len(VOCABULARY)))
        if "=quế" in chosen and "que" not in chosen:
            chosen.append("que")  # within que's postings; =chè not always within che's
        if rng.random() < 0.97:  # a word in nearly every document: its postings as "C"
            chosen.append("dang")
        plain = " ".join(sorted(w for w in chosen if not w.startswith("=")))
        spelled_words = " ".join(sorted(w for w in chosen if w.startswith("=")))
        told = " ".join(rng.sample(plain.split(), min(1, len(plain.split()))))
        return Words(plain, told, f"text {rng.random()}", spelled_words)

    return [
        Indexed((f"2024-{n:05d}", f"van-ban/{n}/"), {"url": f"van-ban/{n}/"}, pick())
        for n in range(count)
    ]


@pytest.mark.parametrize("seed", range(12))
def test_a_local_patch_gives_what_a_whole_build_gives(seed: int) -> None:
    """``wordpatch.patch_files`` against ``word_files`` of the edited corpus: the same files,
    the same removed (a word gained or lost, moved into or out of its own file)."""
    rng = random.Random(seed)
    count = rng.choice([20, 300, 2000])  # 2,000: words long enough for files of their own
    before = _random_items(rng, count)
    published = words.word_files(before)
    after = list(before)
    changes = []
    for number in rng.sample(range(count), rng.randint(1, 3)):
        edited = _random_items(rng, 1)[0]
        after[number] = Indexed(
            before[number].order, before[number].record | {"x": "new"}, edited.words
        )
        changes.append((number, before[number], after[number]))
    whole = words.word_files(after)
    if count >= 300:
        dang = published.get(urls.word_file("dang")) or published[urls.word_lookup(bucket("dang"))]
        assert '"C' in dang, "the complement is tried"
        spice = json.loads(published[urls.word_lookup(bucket("que"))])["=quế"]
        own = urls.word_file(words.file_name("=quế"))
        spice = spice[2] if len(spice) > 2 else json.loads(published[own])
        assert spice.startswith(WITHIN), "within que's postings"
    files, removed = patch_files(published.get, changes, count)
    assert {path: whole[path] for path in files} == files, "every patched file as whole"
    changed = {path for path in whole if published.get(path) != whole[path]}
    assert changed <= set(files), "every file that changed is patched"
    assert removed == set(published) - set(whole)


def test_a_local_patch_removes_a_lost_word_and_adds_a_new_one() -> None:
    def item(n: int, text: str) -> Indexed:
        return Indexed(
            (f"2024-{n}", f"van-ban/{n}/"), {"url": f"van-ban/{n}/"}, Words(text, "", "")
        )

    before = [item(0, "ket luan rieng"), item(1, "ket luan")]
    after = [item(0, "ket luan moi"), before[1]]
    published = words.word_files(before)
    files, removed = patch_files(published.get, [(0, before[0], after[0])], 2)
    whole = words.word_files(after)
    lost = urls.word_lookup(bucket("rieng"))
    assert lost in removed or "rieng" not in json.loads(files[lost]), "its only document"
    assert json.loads(files[urls.word_lookup(bucket("moi"))])["moi"][0] == 1
    assert json.loads(files[urls.word_prefix("mo")]) == [["moi", 1]], "completed from 'mo'"
    assert urls.word_prefix("ri") in removed, "no word starting so is left"
    assert {path: whole.get(path) for path in files} == files
    assert removed == set(published) - set(whole)
