"""Pure core: text folding, dates, pagination, URL scheme; and it never imports MkDocs."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata

import pytest

from conftest import REPO, Site, conclusion
from ketluan.corpus import load_corpus
from ketluan.dates import DateError, DocDate, parse_doc_date
from ketluan.listing import paginate
from ketluan.model import BUILTIN_TYPES
from ketluan.problems import ProblemsError
from ketluan.text import fold, heading_slug, new_tone_placement, slugify

CORE = [
    "text",
    "dates",
    "problems",
    "frontmatter",
    "schema",
    "document_schema",
    "model",
    "corpus",
    "sources",
    "listing",
    "manifest",
    "sanitize",
    "jsonld",
    "atomic",
    "locks",
    "folders",
    "collisions",
    "fingerprint",
    "pagecache",
    "feeds",
    "cli",
    "places",
    "indexes",
    "importer",
    "importer_text",
    "importer_fields",
    "importer_casing",
    "importer_places",
    "importer_docx",
    "importer_existing",
    "importer_tail",
    "citations",
    "mdtext",
    "resolve",
    "citation_index",
    "linking",
    "search",
    "search_build",
]


def test_core_imports_nothing_from_mkdocs() -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'mkdocs' or name.startswith('mkdocs.'):\n"
        "            raise ImportError('core imported ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        + "".join(f"import ketluan.{m}\n" for m in CORE)
        + "assert not [m for m in sys.modules if m.startswith('mkdocs')]\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=REPO
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Điện Biên", "dien bien"),
        ("Tuần Giáo", "tuan giao"),
        (unicodedata.normalize("NFD", "Đảng ủy"), "dang uy"),
        ("thuỷ sản", "thuy san"),
        ("  HOÀ   Bình ", "hoa binh"),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("Uỷ ban", "Ủy ban"),
        ("khoẻ", "khỏe"),
        ("quý", "quý"),
        ("hoàng", "hoàng"),
        ("thuyền", "thuyền"),
    ],
)
def test_tone_placement(old: str, new: str) -> None:
    assert new_tone_placement(old) == new
    assert new_tone_placement(unicodedata.normalize("NFD", old)) == new


def test_slugs_fold_d() -> None:
    assert slugify("Huyện ủy Sơn Động") == "huyen-uy-son-dong"
    assert slugify("604-KL/HU") == "604-kl-hu"
    assert heading_slug("Ba Đình") == "ba-dinh"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-27", DocDate(2024, 3, 27)),
        ("2024-07", DocDate(2024, 7)),
        ("2024", DocDate(2024)),
        (2024, DocDate(2024)),
    ],
)
def test_parse_dates(value: object, expected: DocDate) -> None:
    assert parse_doc_date(value) == expected


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("27/3/2024", "2024-03-27"),
        ("31/02/2024", None),
        ("2024-13-01", None),
        ("hôm qua", None),
        (True, None),
        ("1900-01-01", None),
    ],
)
def test_bad_dates(value: object, hint: str | None) -> None:
    with pytest.raises(DateError) as caught:
        parse_doc_date(value)
    assert caught.value.hint == hint


def test_vietnamese_dates() -> None:
    assert DocDate(2024, 3, 27).vietnamese() == "ngày 27 tháng 3 năm 2024"
    assert DocDate(2024, 7).vietnamese() == "tháng 7 năm 2024"
    assert DocDate(2024).short() == "2024"


@pytest.mark.parametrize(
    ("count", "pages", "last_page_items"),
    [
        (0, 1, 0),
        (1, 1, 1),
        (3, 1, 3),
        (4, 2, 1),
        (7, 3, 1),
    ],
)
def test_pagination_boundaries(count: int, pages: int, last_page_items: int) -> None:
    items = list(range(count))
    result = paginate(items, 3, "van-ban/", "Tất cả")  # type: ignore[arg-type]
    assert len(result) == pages
    assert len(result[-1].items) == last_page_items
    assert sum(len(p.items) for p in result) == count
    assert result[0].url == "van-ban/"
    assert result[-1].next_url is None
    if pages > 1:
        assert result[1].url == "van-ban/trang/2/"
        assert result[1].previous_url == "van-ban/"


def test_page_links_have_gaps() -> None:
    pages = paginate(list(range(100)), 5, "b/", "t")  # type: ignore[arg-type]
    numbers = [n for n, _ in pages[9].page_links()]
    assert numbers == [1, None, 8, 9, 10, 11, 12, None, 20]


def test_reused_number_in_one_year_gets_distinct_urls(site: Site) -> None:
    site.add("a.md", conclusion(number="01-NQ/HU", date="2020-01-10"))
    site.add("b.md", conclusion(number="01-NQ/HU", date="2020-10-20"))
    urls = sorted(d.url for d in load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents)
    assert urls == [
        "van-ban/bac-giang/huyen-uy-son-dong/2020/01-nq-hu-2020-01-10/",
        "van-ban/bac-giang/huyen-uy-son-dong/2020/01-nq-hu-2020-10-20/",
    ]


def test_nfd_and_bom_input_is_normalised(site: Site) -> None:
    text = unicodedata.normalize("NFD", conclusion(issuer="Huyện uỷ Sơn Động"))
    site.add("a.md", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    (doc,) = load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents
    assert doc.issuer == unicodedata.normalize("NFC", "Huyện uỷ Sơn Động")
    assert doc.url == "van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/"
    assert "\r" not in doc.body


def test_old_and_new_tone_placement_are_one_identity(site: Site) -> None:
    site.add("a.md", conclusion(issuer="Huyện uỷ Sơn Động"))
    site.add("b.md", conclusion(issuer="Huyện ủy Sơn Động"))
    with pytest.raises(ProblemsError, match=r"same document as conclusions/a\.md"):
        load_corpus(site.root, "conclusions", BUILTIN_TYPES)


def test_tone_placement_leaves_dot_below_with_breve_or_circumflex_alone() -> None:
    # "hoặc" (or), "hoạch": the dot below sits with a breve or circumflex, not an old
    # tone placement; it must not move to the o, whatever else the text holds.
    assert new_tone_placement("hoặc hoà thuỷ hoạch hoậ") == "hoặc hòa thủy hoạch hoậ"
    assert new_tone_placement("hoặc") == "hoặc"
    assert new_tone_placement(unicodedata.normalize("NFD", "thuỷ hoặc")) == "thủy hoặc"


def _decomposed_rule(value: str) -> str:
    """The rule written on NFD text (the mark right after the second vowel, nothing after
    it): what ``new_tone_placement`` computes on NFC text."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    end = r"(?![\w\u0300-\u036f])"
    rule = re.compile(
        rf"(?<![qQ])([oO])([aAeE])([{tones}]){end}|(?<![qQ])([uU])([yY])([{tones}]){end}"
    )
    swapped = rule.sub(
        lambda m: m[1] + m[3] + m[2] if m[1] else m[4] + m[6] + m[5],
        unicodedata.normalize("NFD", value),
    )
    return unicodedata.normalize("NFC", swapped)


def test_tone_placement_on_nfc_text_is_the_decomposed_rule() -> None:
    marks = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    cases = [
        unicodedata.normalize(form, lead + vowel + extra + mark + tail)
        for lead in ("o", "O", "u", "U", "qu", "th", "ô", "ư", "")
        for vowel in "aAeEyYăâêiIoO"
        for extra in ("", "\u0302", "\u0306")
        for mark in marks
        for tail in ("", "n", " ", ".")
        for form in ("NFC", "NFD")
    ]
    assert [new_tone_placement(c) for c in cases] == [_decomposed_rule(c) for c in cases]
