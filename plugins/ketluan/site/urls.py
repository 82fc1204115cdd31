"""Every URL of the portal: the one module that knows the site's layout.

URLs are site-relative with a trailing slash (``van-ban/bac-giang/…/604-kl-hu/``); the
renderer makes them relative to each page. Templates reach these functions through the
``kl_url`` filter (``{{ doc | kl_url | url }}``), Python through this module: no other
module writes a prefix.
"""

from __future__ import annotations

from ketluan.core.model import Document
from ketluan.core.places import District, Province

HOME = ""
DOCUMENTS = "van-ban/"
"""Every document, and the paginated list of all of them."""
SITE_FEED = DOCUMENTS + "atom.xml"
PLACES = "dia-ban/"
CURRENT_PLACES = PLACES + "tu-2025/"
"""Provinces since 1 July 2025 share names with former ones, so their pages live apart."""
CENTRAL = PLACES + "trung-uong/"
"""Documents of central bodies (Bộ Chính trị, Ban Bí thư, Chính phủ...): no province holds
them, so they are a place of their own beside the provinces."""
ALL_OF_PROVINCE = "tat-ca/"
"""Under a former province's URL: all its documents, its districts' included."""
BROWSE = "danh-muc/"
YEARS = BROWSE + "nam/"
TYPES = BROWSE + "loai/"
ISSUERS = BROWSE + "co-quan/"
SIGNERS = BROWSE + "nguoi-ky/"
STATUSES = BROWSE + "hieu-luc/"
"""Documents by legal force: in force, amended, partly or wholly out of force."""
CITED = "trich-dan/"
RANKED = CITED + "nhieu-nhat/"
SEARCH = "tra-cuu/"
NUMBERS = SEARCH + "so/"
"""Number lookups for search: one JSON file per leading number (``site.numbers``)."""
TITLES = SEARCH + "tieu-de/"
"""Title lookups for search: one JSON file per bucket of title keys (``site.titles``)."""
WORDS = SEARCH + "tu/"
"""The word index (``site.words``): one JSON file per bucket of words, and a file of its
own (``word_file``) for a word in many documents."""
WORD_PLACES = WORDS + "dia-ban/"
"""The places the documents name, by folded name with their spellings (``site.words``),
in files by the title lookups' bucket of the name's first word (``word_places``)."""
WORD_PREFIXES = WORDS + "dau/"
"""The folded words by their first letters, with their counts (``site.words.prefix``): the
header box completes a word typed halfway."""
WORD_FACETS = WORDS + "loc/danh-sach.json"
"""How many values each filter of the word index has (``site.words``)."""
RECORDS = SEARCH + "vb/"
"""What a search result shows of each document, in files of a few documents each
(``site.words.GROUP``)."""
API = "api/"
DOCUMENTS_JSON = API + "documents.json"
RESOLUTIONS_JSON = API + "resolutions.json"
TASKS = "nhiem-vu/"
"""Tasks the documents assign: the index of agencies, then one page per agency."""
TASKS_JSON = API + "tasks.json"
CALENDAR = "lich.ics"
"""An agency's deadlines as iCalendar, under its page."""
SITEMAP_PARTS = "sitemaps/{}.xml"
"""Where the parts of a sitemap index go, numbered from 1."""
FEED = "atom.xml"
"""A place's own feed, under its page."""
BODY_ID_PREFIX = "vb-"
"""Prefix of every id in a document body ("văn bản"), so in-page links into a body are
``#vb-…``: no id of the theme or of our templates starts with it, and with its hyphen no
body id is a JavaScript identifier (``window.x`` named access)."""
LIST_PAGE = "trang/{}/"
"""Page 2, 3… of a paginated list, under its first page."""


def source(url: str) -> str:
    """Path of the generated Markdown source MkDocs knows a page by."""
    return url + "index.md"


def document(doc: Document) -> str:
    """The page of a document."""
    return f"{DOCUMENTS}{doc.id}/"


def province(unit: Province) -> str:
    """The page of a province of either map."""
    return f"{CURRENT_PLACES if unit.current else PLACES}{unit.slug}/"


def district(unit: District) -> str:
    """The page of a former district, under its province's."""
    return f"{province(unit.province)}{unit.slug}/"


def all_of_province(unit: Province) -> str:
    """Every document of a former province, its districts' included."""
    return province(unit) + ALL_OF_PROVINCE


def place_feed(unit: District) -> str:
    """The Atom feed of a former district."""
    return district(unit) + FEED


def year(value: int | str) -> str:
    """Documents of a year."""
    return f"{YEARS}{value}/"


def month(year_value: int | str, key: str) -> str:
    """Documents of a month of a year (``key``: ``thang-03``)."""
    return f"{year(year_value)}{key}/"


def doc_type(key: str) -> str:
    """Documents of a type."""
    return f"{TYPES}{key}/"


def issuer(key: str) -> str:
    """Documents of an issuing body."""
    return f"{ISSUERS}{key}/"


def signer(key: str) -> str:
    """Documents of a signer."""
    return f"{SIGNERS}{key}/"


def cited(scope: str, kind: str, year_text: str, number: str) -> str:
    """The page of a cited document, before any suffix that tells two apart (no slash)."""
    return f"{CITED}{scope}/{kind}/{year_text}/{number}"


def number_lookup(bucket: str) -> str:
    """The lookup file of the numbers starting with ``bucket`` (digits, no leading zero)."""
    return f"{NUMBERS}{bucket}.json"


def title_lookup(bucket: str) -> str:
    """The lookup file of the titles whose key falls in ``bucket`` (three hex digits)."""
    return f"{TITLES}{bucket}.json"


def word_lookup(bucket: str) -> str:
    """The file of the words whose bucket is ``bucket`` (three hex digits)."""
    return f"{WORDS}{bucket}.json"


def word_file(name: str) -> str:
    """The file of the postings of a frequent word (``site.words.file_name``)."""
    return f"{WORDS}w/{name}.json"


def word_described(name: str) -> str:
    """The file of the described postings of a frequent word (``site.words.Own``); ``-``
    is in no ``file_name``."""
    return f"{WORDS}w/{name}-t.json"


def word_facet(name: str) -> str:
    """The file of the documents of each value of filter ``name`` (``site.words``)."""
    return f"{WORDS}loc/{name}.json"


def word_prefix(prefix: str) -> str:
    """The file of the folded words starting with ``prefix`` (``site.words.prefix``)."""
    return f"{WORD_PREFIXES}{prefix}.json"


def word_places(name: str) -> str:
    """The file of the place names whose first word falls in bucket ``name``."""
    return f"{WORD_PLACES}{name}.json"


def record_group(group: int) -> str:
    """The file of the result records of group ``group`` of documents."""
    return f"{RECORDS}{group}.json"


def list_page(base: str, number: int) -> str:
    """URL of page ``number`` of the list at ``base``: base/, base/trang/2/, …"""
    return base if number == 1 else base + LIST_PAGE.format(number)


def of(value: object) -> str:
    """URL of a document or a place, for the ``kl_url`` template filter."""
    if isinstance(value, Document):
        return document(value)
    if isinstance(value, Province):
        return province(value)
    if isinstance(value, District):
        return district(value)
    raise TypeError(f"no page for a {type(value).__name__}")


def status(key: str) -> str:
    """Documents of one status (``key``: ``bi-thay-the``)."""
    return f"{STATUSES}{key}/"


def agency_tasks(key: str) -> str:
    """Tasks of one agency (``key``: ``bac-giang/ubnd-huyen-son-dong``)."""
    return f"{TASKS}{key}/"


def agency_feed(key: str) -> str:
    """The Atom feed of an agency's tasks."""
    return agency_tasks(key) + FEED


def agency_calendar(key: str) -> str:
    """The iCalendar feed of an agency's deadlines."""
    return agency_tasks(key) + CALENDAR


def place_tasks(place_page: str) -> str:
    """The summary of the tasks of a place's documents, under the place's page."""
    return place_page + TASKS


def relation_list(page: str, kind: str) -> str:
    """Every document stating relation ``kind`` of a cited document, under its page."""
    return f"{page}{kind}/"
