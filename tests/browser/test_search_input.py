"""Queries as people type them (ketluan-query.js): Telex and VNI typed with the input method
off, NFD and old tone placement, document numbers with or without "số", spaces or dashes.

The module is imported in Chromium from a built site (what the site ships), its reading
checked against a table; then the built site's search is shown to answer each form exactly
as it answers the proper form.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

import pytest

from conftest import Site, conclusion
from ketluan.core.text import fold, new_tone_placement
from ketluan.site.numbers import bucket
from ketluan.site.postings import encode, encode_within
from ketluan.site.titles import bucket as title_bucket
from ketluan.site.titles import title_key

REPO = Path(__file__).resolve().parents[2]
NOTICE = "/van-ban/lai-chau/tinh-uy-lai-chau/2024/832-tb-tu/"
CITES = "/van-ban/lai-chau/tinh-uy-lai-chau/2024/900-kl-tu/"
TESTS = "/van-ban/lai-chau/tinh-uy-lai-chau/2024/950-kl-tu/"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# (typed, text searched, number key). Positive and negative cases side by side.
READINGS = [
    # Telex typed with the input method off
    ("thoong baos keets luaanj", "thông báo kết luận", None),
    ("thoong baos kets luaanj", "thông báo két luận", None),  # Telex: kets is két, keets kết
    ("ddangr uyr", "đảng ủy", None),
    ("ddaang uyr", "đâng ủy", None),  # aa is â; the tone needs its key (ddangr)
    ("giair phongs mawtj bawngf", "giải phóng mặt bằng", None),
    ("thuyr sanr", "thủy sản", None),  # the tone on u: the project's placement
    ("thur", "thủ", None),
    ("hoaf giair", "hòa giải", None),
    ("nguwowif dduowcj", "người được", None),
    ("dduwowngf", "đường", None),
    ("quoocs gia", "quốc gia", None),
    ("tieengs vieetj", "tiếng việt", None),
    ("chuyeenr ddooir soos", "chuyển đổi số", None),
    ("Thoong Baos", "Thông Báo", None),
    ("tw", "tư", None),  # w alone is ư
    ("thuowr", "thuở", None),
    ("thuyz", "thuy", None),  # z removes the tone
    # English words that read as Telex stay read (the page offers them as typed)...
    ("bus", "bú", None),
    ("test", "tét", None),  # a tone key before the final consonant is Telex too
    # ...but not when Telex itself says otherwise: a tone key typed twice is the letter
    # ("ss" -> s), and the tone key comes after the vowels it marks
    ("pass", "pass", None),
    ("boss", "boss", None),
    ("puff", "puff", None),
    ("rose", "rose", None),  # ró + e: a vowel after the tone key
    ("sorry", "sorry", None),
    ("thuowrr", "thuowrr", None),
    ("hoaf", "hòa", None),
    ("hofa", "hofa", None),
    ("bawcs kanj", "bắc kạn", None),
    # VNI
    ("thong6 bao1 ke6t1 lua6n5", "thông báo kết luận", None),
    ("thong6 bao1 ket61 luan65", "thông báo kết luận", None),
    ("d9ang3 u3y", "đảng ủy", None),
    ("nguo72i", "người", None),
    ("Thu3y sa3n", "Thủy sản", None),
    # NFD and old tone placement
    (nfd("thông báo kết luận"), "thông báo kết luận", None),
    ("hoà giải", "hòa giải", None),
    ("thuỷ sản", "thủy sản", None),
    ("hoặc", "hoặc", None),  # not an old-tone oa: the breve
    (nfd("hoặc ngoặc"), "hoặc ngoặc", None),
    (nfd("Uỷ ban"), "Ủy ban", None),
    # unaccented Vietnamese stays as typed (each word already a syllable)
    ("so", "so", None),
    ("ban", "ban", None),
    ("thuy", "thuy", None),
    ("dang uy", "dang uy", None),
    ("tuan giao", "tuan giao", None),
    ("giai phong mat bang", "giai phong mat bang", None),
    ("nghieng", "nghieng", None),
    ("so sanh", "so sanh", None),
    # not Vietnamese, codes and capitals: left alone
    ("covid", "covid", None),
    ("covid19", "covid19", None),
    ("Shan", "Shan", None),
    ("www", "www", None),
    ("THOONG", "THOONG", None),
    ("TW", "TW", None),
    ("ubnd hdnd", "ubnd hdnd", None),
    ("qh15", "qh15", None),
    # numbers and dates are never read as VNI
    ("832", "832", None),
    ("2024", "2024", None),
    ("21/4/2024", "21/4/2024", None),
    ("2024 ubnd tinh", "2024 ubnd tinh", None),  # "tinh" is a word, not a committee code
    ("832 tb", "832 tb", None),  # one code group after a space only: not a number
    ("15/ban", "15/ban", None),  # one group that is a word: not a code
    ("15/3", "15/3", None),
    # a number, a year, a type and an issuer typed with spaces (a State number)
    ("05 2019 nq hdnd", "05/2019/NQ-HDND", "5/2019/nq-hdnd"),
    ("05 2019 nq-hdnd", "05/2019/NQ-HDND", "5/2019/nq-hdnd"),
    ("so 05 2019 nq hdnd", "05/2019/NQ-HDND", "5/2019/nq-hdnd"),
    ("05 2019 NQ HĐND", "05/2019/NQ-HĐND", "5/2019/nq-hdnd"),
    ("05 2019", "05 2019", None),  # a number and a year, no code
    ("so 05 2019", "05 2019", None),  # "so" goes, the rest stays
    ("nam 2019 nghi quyet", "nam 2019 nghi quyet", None),
    ("05 2019 nghi quyet", "05 2019 nghi quyet", None),  # words, not codes
    ("0912 345 678", "0912 345 678", None),  # a phone number
    ("ngày 05 tháng 3 năm 2019", "ngày 05 tháng 3 năm 2019", None),
    ("05/2019/nq ve", "05/2019/NQ ve", "5/2019/nq"),  # after a year, a word is not an issuer
    # document numbers as people type them
    ("832-TB/TU", "832-TB/TU", "832-tb/tu"),
    ("832 TB/TU", "832-TB/TU", "832-tb/tu"),
    ("832/TB-TU", "832-TB/TU", "832-tb/tu"),
    ("số 832-TB/TU", "832-TB/TU", "832-tb/tu"),
    ("so 832 tb tu", "832-TB/TU", "832-tb/tu"),
    ("832-tb/tu", "832-TB/TU", "832-tb/tu"),
    ("Số: 832-TB/TU", "832-TB/TU", "832-tb/tu"),
    ("SỐ 832 TB TU", "832-TB/TU", "832-tb/tu"),
    ("số 16 da tu", "16-DA/TU", "16-da/tu"),  # after "số" a syllable may be a code (ĐA)
    ("604-KL/HU", "604-KL/HU", "604-kl/hu"),
    ("05/2019/NQ-HĐND", "05/2019/NQ-HĐND", "5/2019/nq-hdnd"),
    ("05/2019/nq-hdnd", "05/2019/NQ-HDND", "5/2019/nq-hdnd"),
    ("số 05/2019/NQ-HĐND", "05/2019/NQ-HĐND", "5/2019/nq-hdnd"),
    ("1360/UBND-NN", "1360/UBND-NN", "1360/ubnd-nn"),
    # one code group after "/" or "-" (older, informal citations): a partial number
    ("15/TB", "15/TB", "15/tb"),
    ("15-tb", "15-TB", "15/tb"),
    ("số 15 tb", "15/TB", "15/tb"),
    ("015/TB", "015/TB", "15/tb"),
    ("1360/UBND", "1360/UBND", "1360/ubnd"),
    ("số 832", "832", None),  # "số" goes; no code, no key
    ("số832-TB/TU", "832-TB/TU", "832-tb/tu"),  # số glued to the number
    ("so61 832", "số 832", None),  # so glued to a digit: VNI
    # mixed queries: word by word
    ("ket luan so 604 kl hu", "ket luan 604-KL/HU", "604-kl/hu"),
    ("thoong baos 832 tb tu", "thông báo 832-TB/TU", "832-tb/tu"),
    ("thuyr sanr 2024", "thủy sản 2024", None),
    ("thông baos", "thông báo", None),
]

# (document number, query): does the document answer the query's number (numberMatches)?
NUMBER_KEYS = [
    ("832-TB/TU", "832 TB/TU", True),
    ("832-TB/TU", "832/TB-TU", True),
    ("832-TB/TU", "833 TB/TU", False),
    ("832-TB/TU", "832 TB/HU", False),
    ("832-TB/TU", "832 TU/TB", False),  # the sequence of groups counts
    ("05/2019/NQ-HĐND", "5/2019/nq-hdnd", True),
    ("05/2019/NQ-HĐND", "05/2020/NQ-HĐND", False),
    ("05/2019/NQ-HĐND", "05/NQ-HĐND", False),  # a year is part of the number
    ("01-NQ/TƯ", "01-NQ/TW", True),
    ("05/2019/NQ-HĐND", "05 2019 nq hdnd", True),
    ("05/2019/NQ-HĐND", "05 2019 nq ubnd", False),
    # a partial number: the leading number and the first code group
    ("15-TB/TU", "15/TB", True),
    ("15-TB/HU", "15-TB", True),
    ("015-TB/TU", "15/tb", True),
    ("15/TB-UBND", "15/TB", True),
    ("15/2019/TB-UBND", "15/TB", True),
    ("15/TB", "15/TB", True),
    ("1360/UBND-NN", "1360/UBND", True),
    ("150-TB/TU", "15/TB", False),
    ("16-TB/TU", "15/TB", False),
    ("15-KL/TU", "15/TB", False),
    ("1360/UBND-NN", "1360/NN", False),  # the first group only
    ("15/TB", "15-TB/TU", False),  # a whole number is not a partial one
]

# (query, number of a document, does rerank put that document before one citing the query)
RERANKS = [
    ("832 TB/TU", "832-TB/TU", True),
    ("so 832 tb tu", "832-TB/TU", True),
    ("so 5/2019/nq-hdnd", "05/2019/NQ-HĐND", True),
    ("832-TB/TU", "832/TB-TU", True),  # a number written the other way in metadata
    ("833-TB/TU", "832-TB/TU", False),
    ("832 TB/HU", "832-TB/TU", False),
    ("15/TB", "15-TB/TU", True),
    ("15/TB", "15-KL/TU", False),
]

SYLLABLES = [
    # (word, compared without diacritics, is a syllable)
    ("thuy", True, True),
    ("baos", True, False),
    ("thoong", True, False),  # oo is Telex for ô
    ("nghieng", True, True),
    ("ngieng", True, False),  # ngh before i, e
    ("ke", True, True),
    ("ce", True, False),  # k before e
    ("tien", True, True),
    ("tien", False, False),  # with its diacritics: tiên
    ("tiên", False, True),
    ("thủy", False, True),
    ("đường", False, True),
    ("đưởng", False, True),  # tones are not checked
    ("ăn", False, True),
    ("ă", False, False),  # ă needs a final consonant
]

READ = """async (cases) => {
  const m = await import(new URL("assets/javascripts/ketluan-query.js", document.baseURI).href);
  const engine = await import(
    new URL("assets/javascripts/ketluan-search-engine.js", document.baseURI).href
  );
  const titles = await import(
    new URL("assets/javascripts/ketluan-titles.js", document.baseURI).href
  );
  const words = await import(
    new URL("assets/javascripts/ketluan-words.js", document.baseURI).href
  );
  return {
    postings: cases.postings.map((text) => words.decode(text)),
    within: cases.within.map(([text, base]) => words.decode(text, base)),
    titles: cases.titles.map((text) => {
      const key = titles.titleKey(m.readQuery(text).text);
      return [key, titles.titleBucket(key)];
    }),
    readings: cases.readings.map((typed) => m.readQuery(typed)),
    keys: cases.keys.map(([own, typed]) => m.numberMatches(m.readQuery(typed).number, own)),
    buckets: cases.buckets.map((typed) => m.numberBucket(m.readQuery(typed).number ?? typed)),
    syllables: cases.syllables.map(([word, folded]) => m.isSyllable(word, folded)),
    engine: engine.fold === m.fold,
    reranks: cases.reranks.map(([query, number]) => engine.rerank(query, [
      { data: { meta: { title: "cites", number: "9-KL/TU" }, content: `Theo số ${query}.` } },
      { data: { meta: { title: "own", number }, content: "Nội dung." } },
    ])[0].data.meta.title === "own"),
  };
}"""


@pytest.fixture(scope="module")
def input_site(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    """The samples, a notice numbered 832-TB/TU and a conclusion citing it seven times (one
    that full-text scores alone might put first)."""
    site = Site(tmp_path_factory.mktemp("input") / "project")
    shutil.copytree(REPO / "conclusions", site.conclusions, dirs_exist_ok=True)
    place = {"issuer": "Tỉnh ủy Lai Châu", "province": "Lai Châu", "district": None}
    site.add(
        "lai-chau/832.md",
        conclusion(
            "Thông báo kết luận về giải phóng mặt bằng, nuôi trồng thủy sản và hòa giải ở cơ sở.\n",
            title="Thông báo kết luận của Ban Thường vụ Tỉnh ủy",
            type="thong-bao-ket-luan",
            number="832-TB/TU",
            date="2024-06-03",
            **place,
        ),
    )
    cite = "Thực hiện Thông báo kết luận số 832-TB/TU về giải phóng mặt bằng. "
    site.add(
        "lai-chau/900.md",
        conclusion(
            cite * 6 + "\n\nTiếp tục thực hiện Thông báo kết luận số 832-TB/TU.\n",
            title="Kết luận về thực hiện Thông báo kết luận số 832-TB/TU",
            number="900-KL/TU",
            date="2024-09-10",
            **place,
        ),
    )
    # English words in Vietnamese text: "test" reads as Telex (tét), the page offers it as typed.
    site.add(
        "lai-chau/950.md",
        conclusion(
            "Tổ chức test nhanh cho cán bộ, đảng viên trước kỳ họp.\n",
            title="Kết luận về công tác phòng dịch",
            number="950-KL/TU",
            date="2024-10-01",
            **place,
        ),
    )
    return serve(site.build())


@pytest.fixture(scope="module")
def read(browser, input_site: str) -> dict[str, list]:
    """Every case of the tables, read by the module the built site ships."""
    context = browser.new_context(locale="vi-VN")
    tab = context.new_page()
    tab.goto(input_site)
    cases = {
        "readings": [typed for typed, _, _ in READINGS],
        "keys": [[own, typed] for own, typed, _ in NUMBER_KEYS],
        "syllables": [[word, folded] for word, folded, _ in SYLLABLES],
        "reranks": [[query, number] for query, number, _ in RERANKS],
        "buckets": BUCKETS,
        "titles": [typed for typed, _ in TITLES],
        "postings": [encode(numbers, total) for numbers, total in POSTINGS],
        "within": [[encode_within(n, base, total), base] for n, base, total in WITHIN],
    }
    found = tab.evaluate(READ, cases)
    context.close()
    return found


@pytest.mark.parametrize(("index", "case"), list(enumerate(READINGS)), ids=[c[0] for c in READINGS])
def test_reading_of_what_was_typed(read, index: int, case: tuple[str, str, str | None]) -> None:
    _, text, number = case
    assert read["readings"][index] == {"text": text, "number": number}


@pytest.mark.parametrize(
    ("index", "case"), list(enumerate(NUMBER_KEYS)), ids=[f"{a}={b}" for a, b, _ in NUMBER_KEYS]
)
def test_number_keys_compare_numbers_however_typed(read, index: int, case) -> None:
    assert read["keys"][index] is case[2]


# Numbers as typed and as documents write them: the browser's bucket (numberBucket of the
# query's number key) is the file the build put them in (ketluan.site.numbers.bucket).
BUCKETS = [
    "15/TB",
    "15-TB/TU",
    "015-tb",
    "05 2019 nq hdnd",
    "05/2019/NQ-HĐND",
    "832/TB-TU",
    "01-CTr/TU",
    "12 KL/HU",
    "123/2020",
    "0",
    "TB/TU",
    "",
]


def test_number_buckets_agree_with_the_build(read) -> None:
    assert read["buckets"] == [bucket(number) for number in BUCKETS]
    assert read["buckets"][:8] == [
        *("15-tb",) * 3,
        *("5-nq",) * 2,
        "832-tb",
        "1-ctr",
        "12-kl",
    ]
    assert read["buckets"][-2:] == [None, None]


# Document numbers as the word index writes them (ketluan.site.postings.encode: gaps, a
# bitmap, or those left out of every document): the browser reads the same numbers.
POSTINGS = [
    ([0, 1, 2, 300, 70000], 0),
    (list(range(0, 64, 2)), 64),
    ([n for n in range(1000) if n != 7], 1000),
    (list(range(1, 2000)), 2000),
    ([n for n in range(50000) if n % 997], 50000),
    ([], 10),
]


# An accented word's documents among its folded form's (ketluan.site.postings.encode_within:
# positions in the folded list, when shorter so), and a list that is not within its base.
THIRDS = list(range(0, 30000, 3))
WITHIN = [
    (THIRDS[:-1], THIRDS, 30000),
    (THIRDS[::2], THIRDS, 30000),
    ([n for n in THIRDS if n % 29], THIRDS, 30000),
    (THIRDS[::50], THIRDS, 30000),
    ([1, 2], THIRDS, 30000),
]


def test_postings_read_as_written(read) -> None:
    assert read["postings"] == [numbers for numbers, _ in POSTINGS]
    assert [encode(numbers, total)[0] for numbers, total in POSTINGS[:5]] == list("LBCCC")
    assert read["within"] == [numbers for numbers, _, _ in WITHIN]
    kinds = [encode_within(n, base, total)[:2] for n, base, total in WITHIN]
    assert kinds == ["rC", "rB", "rC", "rL", "LA"], "positions (of each kind), or as is"


# Titles as typed (pasted with other punctuation, in NFD, without accents, in Telex) and
# the title the build filed them under: the browser's key and file are the build's
# (ketluan.site.titles.title_key and bucket), so the lookup finds the document.
TITLES = [
    ("Kết luận về phát triển cây mắc ca, giai đoạn 2021–2025", None),
    (
        "KẾT LUẬN VỀ PHÁT TRIỂN CÂY MẮC CA GIAI ĐOẠN 2021-2025",
        "Kết luận về phát triển cây mắc ca, giai đoạn 2021–2025",
    ),
    (
        nfd("Thông báo kết luận của Thường trực Thị ủy về giảm nghèo"),
        "Thông báo kết luận của Thường trực Thị ủy về giảm nghèo",
    ),
    (
        "thong bao ket luan cua thuong truc thi uy ve giam ngheo",
        "Thông báo kết luận của Thường trực Thị ủy về giảm nghèo",
    ),
    ("thoong baos keets luaanj cuar Thuwowngf truwcj", "Thông báo kết luận của Thường trực"),
    ("Đề án “Đô thị thông minh”", None),
    ("", None),
]


def test_title_keys_and_files_agree_with_the_build(read) -> None:
    for (typed, filed), (key, file) in zip(TITLES, read["titles"], strict=True):
        assert key == title_key(filed or typed), typed
        assert file == title_bucket(key), typed


@pytest.mark.parametrize(
    ("index", "case"), list(enumerate(SYLLABLES)), ids=[f"{w}-{f}" for w, f, _ in SYLLABLES]
)
def test_syllable_validator(read, index: int, case: tuple[str, bool, bool]) -> None:
    assert read["syllables"][index] is case[2]


TELEX_MARKS = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
VNI_MARKS = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
VNI_MARKS |= {"\u0302": "6", "\u031b": "7", "\u0306": "8"}


def telex(word: str) -> str:
    """``word`` as typed in Telex with the input method off: "đường" -> "dduowngf"."""
    out, tone = "", ""
    for ch in unicodedata.normalize("NFD", word.replace("đ", "dd")):
        if ch in TELEX_MARKS:
            tone = TELEX_MARKS[ch]
        elif ch == "\u0302":
            out += out[-1]  # a circumflex doubles its vowel
        elif ch in "\u0306\u031b":
            out += "w"
        else:
            out += ch
    return out.replace("uwow", "uow") + tone


def vni(word: str) -> str:
    """``word`` as typed in VNI: its letters, then the digits of its marks ("đường" ->
    "duong977" reads as "duong972" does: 7 once is enough for ươ)."""
    keys = [VNI_MARKS[ch] for ch in unicodedata.normalize("NFD", word) if ch in VNI_MARKS]
    letters = fold(word)
    return letters + ("9" if "đ" in word else "") + "".join(dict.fromkeys(keys))


def sample_words() -> list[str]:
    """Every distinct word with diacritics and a vowel of the sample documents, lowercase
    (not abbreviations such as HĐND, QĐ)."""
    text = " ".join(p.read_text(encoding="utf-8") for p in (REPO / "conclusions").rglob("*.md"))
    words = set(re.findall(r"[^\W\d_]+", new_tone_placement(text).lower()))
    return sorted(
        w for w in words if fold(w) != w and fold(w).isascii() and re.search("[aeiouy]", fold(w))
    )


def test_every_sample_word_typed_in_telex_or_vni_reads_back(page, input_site: str) -> None:
    words = sample_words()
    assert len(words) > 500 and "đường" in words and "nghiệp" in words
    page.goto(input_site)
    read = page.evaluate(
        """async (typed) => {
          const m = await import(new URL("assets/javascripts/ketluan-query.js",
            document.baseURI).href);
          return typed.map((w) => m.readQuery(w).text);
        }""",
        [telex(w) for w in words] + [vni(w) for w in words],
    )
    wrong = [(w, t) for w, t in zip(words + words, read, strict=True) if w != t]
    assert not wrong, wrong[:20]


@pytest.mark.parametrize(
    ("index", "case"), list(enumerate(RERANKS)), ids=[f"{q}={n}" for q, n, _ in RERANKS]
)
def test_rerank_pins_the_document_by_number_key(read, index: int, case) -> None:
    assert read["reranks"][index] is case[2]


def test_engine_reexports_the_one_fold(read) -> None:
    assert read["engine"], "ketluan-search-engine.js's fold is ketluan-query.js's"


def search_page(page, base_url: str, typed: str) -> dict[str, object]:
    """Open /tra-cuu/?q=<typed>; the results listed, the status and the "Đang tìm" line."""
    page.goto(base_url + "tra-cuu/?q=" + quote(typed))
    page.wait_for_function(
        "() => /Tìm thấy|Không tìm thấy/.test("
        "document.querySelector('.kl-search-page__status').textContent)"
    )
    page.locator(".kl-results .kl-result").first.wait_for()
    searched = page.locator(".kl-search-page__searched .kl-search-page__reading")
    return {
        "urls": page.eval_on_selector_all(
            ".kl-results .kl-result a.kl-result__title",
            "as => as.map(a => new URL(a.href).pathname)",
        ),
        "status": page.locator(".kl-search-page__status").text_content(),
        "searched": searched.text_content() if searched.is_visible() else None,
    }


@pytest.mark.parametrize(
    ("typed", "proper", "explained"),
    [
        ("thoong baos keets luaanj", "thông báo kết luận", True),  # Telex
        ("thong6 bao1 ket61 luan65", "thông báo kết luận", True),  # VNI
        (nfd("thông báo kết luận"), "thông báo kết luận", False),  # NFD
        ("giair phongs mawtj bawngf", "giải phóng mặt bằng", True),
        ("thuyr sanr", "thủy sản", True),
        ("thuỷ sản", "thủy sản", False),  # old tone placement
        ("hoà giải", "hòa giải", False),
    ],
)
def test_forms_find_what_the_proper_form_finds(
    page, input_site: str, typed: str, proper: str, explained: bool
) -> None:
    got = search_page(page, input_site, typed)
    want = search_page(page, input_site, proper)
    assert want["urls"], "the proper form finds documents"
    assert got["urls"] == want["urls"], "the same documents, in the same order"
    assert got["status"] == want["status"]
    assert want["searched"] is None, "nothing to explain for the proper form"
    # Telex and VNI are shown read; a change of Unicode form or tone placement is not.
    assert got["searched"] == (f"Đang tìm: {proper}" if explained else None)


def test_telex_typed_as_the_issue_writes_it_finds_the_same_documents(page, input_site) -> None:
    """ "kets" is két in Telex (kết is "keets"): folded alike, the same documents."""
    got = search_page(page, input_site, "thoong baos kets luaanj")
    want = search_page(page, input_site, "thông báo kết luận")
    assert got["searched"] == "Đang tìm: thông báo két luận"
    assert sorted(got["urls"]) == sorted(want["urls"])


@pytest.mark.parametrize("typed", ["832 TB/TU", "832/TB-TU", "so 832 tb tu", "Số: 832-TB/TU"])
def test_number_typed_loosely_puts_its_document_first(page, input_site, typed) -> None:
    got = search_page(page, input_site, typed)
    want = search_page(page, input_site, "832-TB/TU")
    assert want["urls"][0] == NOTICE
    assert CITES in want["urls"], "the document citing it comes after"
    assert got["urls"] == want["urls"]
    assert got["searched"] == "Đang tìm: 832-TB/TU"


def test_header_box_searches_the_reading(page, input_site: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(input_site)
    box = page.locator("#kl-search-box")
    box.click()
    box.fill("so 832 tb tu")
    page.wait_for_function(
        "() => document.querySelector('.kl-search__panel')?.dataset.query === '832-TB/TU'"
    )
    first = page.eval_on_selector(".kl-search__panel .kl-result a", "a => new URL(a.href).pathname")
    assert first == NOTICE
    assert page.locator(".kl-search__searched").text_content() == "Đang tìm: 832-TB/TU"
    more = page.locator(".kl-search__more").get_attribute("href")
    assert more is not None, "the page reads it too"
    assert urlparse(more).path == "/tra-cuu/"
    assert parse_qs(urlparse(more).query) == {"q": ["so 832 tb tu"]}
    as_typed = page.locator(".kl-search__panel .kl-search__asis")
    assert as_typed.text_content() == "Tìm đúng như đã gõ: so 832 tb tu"
    href = urlparse(as_typed.evaluate("a => a.href"))
    assert href.path == "/tra-cuu/"
    assert parse_qs(href.query) == {"q": ["so 832 tb tu"], "nguyen_van": ["1"]}
    box.fill("832-TB/TU")  # read as typed: nothing to offer
    page.wait_for_function(
        "() => !document.querySelector('.kl-search__panel .kl-search__searched')"
        " && document.querySelector('.kl-search__panel .kl-result')"
    )
    assert page.locator(".kl-search__panel .kl-search__asis").count() == 0


def shown(page, searched: str) -> dict[str, object]:
    """The search page once it shows the results for ``searched`` (what the status names)."""
    page.wait_for_function(
        "(q) => { const status = document.querySelector('.kl-search-page__status').textContent;"
        " return /Tìm thấy|Không tìm thấy/.test(status) && status.includes(q); }",
        arg=searched,
    )
    line = page.locator(".kl-search-page__searched")
    link = page.locator(".kl-search-page__asis")
    return {
        "urls": page.eval_on_selector_all(
            ".kl-results .kl-result a.kl-result__title",
            "as => as.map(a => new URL(a.href).pathname)",
        ),
        "params": parse_qs(urlparse(page.url).query),
        "searched": line.locator(".kl-search-page__reading").text_content()
        if line.is_visible()
        else None,
        "link": link.text_content() if link.is_visible() else None,
        "href": parse_qs(urlparse(link.get_attribute("href") or "").query),
        "input": page.locator(".kl-search-page__input").input_value(),
    }


@pytest.mark.parametrize(
    ("typed", "searched", "offered"),
    [
        ("test nhanh", "tét nhanh", True),  # Telex
        ("thuyr sanr", "thủy sản", True),
        ("so 832 tb tu", "832-TB/TU", True),  # a number
        ("thông báo", "thông báo", False),  # nothing read: nothing to offer
        ("test", "tét", True),
        (nfd("thông báo kết luận"), "thông báo kết luận", False),  # Unicode form only
        ("832-TB/TU", "832-TB/TU", False),
    ],
)
def test_as_typed_is_offered_only_when_the_reading_differs(
    page, input_site: str, typed: str, searched: str, offered: bool
) -> None:
    page.goto(input_site + "tra-cuu/?q=" + quote(typed))
    got = shown(page, searched)
    if offered:
        assert got["searched"] == f"Đang tìm: {searched}"
        assert got["link"] == f"Tìm đúng như đã gõ: {typed}"
        assert got["href"] == {"q": [typed], "nguyen_van": ["1"]}
    else:
        assert got["searched"] is None
        assert got["link"] is None


def test_searching_as_typed_is_linkable_and_back_returns(page, input_site: str) -> None:
    page.goto(input_site + "tra-cuu/?q=" + quote("test nhanh"))
    reading = shown(page, "tét nhanh")
    assert TESTS not in reading["urls"], "tét is not test"
    assert reading["params"] == {"q": ["test nhanh"]}
    page.locator(".kl-search-page__asis").click()
    raw = shown(page, "test nhanh")
    assert raw["urls"][:1] == [TESTS], "searched as typed: the document saying test"
    assert raw["params"] == {"q": ["test nhanh"], "nguyen_van": ["1"]}
    assert raw["searched"] == "Đang tìm đúng như đã gõ: test nhanh"
    assert raw["link"] == "Tìm theo cách đọc: tét nhanh"
    assert raw["href"] == {"q": ["test nhanh"]}
    assert raw["input"] == "test nhanh"

    page.go_back()
    back = shown(page, "tét nhanh")
    assert back["params"] == {"q": ["test nhanh"]}
    assert back["urls"] == reading["urls"]
    page.go_forward()
    assert shown(page, "test nhanh")["urls"] == raw["urls"]

    # The URL alone restores it (shared, reloaded); editing the query reads it again.
    page.goto(input_site + "tra-cuu/?q=" + quote("test nhanh") + "&nguyen_van=1")
    assert shown(page, "test nhanh")["urls"] == raw["urls"]
    page.locator(".kl-search-page__input").fill("test")
    page.locator(".kl-search-page__input").press("Enter")
    edited = shown(page, "tét")
    assert edited["params"] == {"q": ["test"]}
    assert edited["link"] == "Tìm đúng như đã gõ: test"


def test_number_searched_as_typed_skips_the_lookup(page, input_site: str) -> None:
    page.goto(input_site + "tra-cuu/?q=" + quote("so 832 tb tu") + "&nguyen_van=1")
    got = shown(page, "so 832 tb tu")
    assert got["searched"] == "Đang tìm đúng như đã gõ: so 832 tb tu"
    assert page.locator(".kl-results__fulltext").is_hidden(), "not a number lookup answer"
