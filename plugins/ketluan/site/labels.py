"""The Vietnamese words the site plan itself must write, in one place.

Templates write everything a page shows; what is here is what Python needs before any
template runs: page titles (MkDocs prints them in ``<title>`` and the sitemap and feeds
use them), descriptions for search engines, and notes computed from the data (what a
former unit is now part of). Names of units and document types are data, not labels
(``ketluan.core``).
"""

from __future__ import annotations

from ketluan.core.model import Document
from ketluan.core.places import District, Province
from ketluan.core.text import fold

ALL_DOCUMENTS = "Tất cả văn bản"
SEARCH = "Tra cứu văn bản"
SEARCH_DESCRIPTION = (
    "Tra cứu kết luận, thông báo của các cấp ủy theo số ký hiệu, "
    "nội dung, địa bàn, năm và loại văn bản."
)
SITE_FEED = "Văn bản mới"
CITED_TITLE = "Văn bản được trích dẫn"
RANKED_TITLE = "Văn bản được trích dẫn nhiều nhất"
CITING_TITLE = "Văn bản trích dẫn"
"""The documents citing one, in its relation diagram."""
CITES = "Trích dẫn"
CITED_BY = "Được trích dẫn bởi"
PLACES = "Địa bàn"
PLACES_DESCRIPTION = "Văn bản theo tỉnh, thành phố và huyện, trước và sau ngày 1/7/2025"
BROWSE = "Danh mục văn bản"
BROWSE_DESCRIPTION = "Văn bản theo năm, loại văn bản, cơ quan ban hành và người ký"
CENTRAL = "Trung ương"
CENTRAL_DESCRIPTION = (
    "Văn bản của Bộ Chính trị, Ban Bí thư, Ban Chấp hành Trung ương và các cơ quan Trung ương"
)
TASKS = "Nhiệm vụ được giao"
TASKS_DESCRIPTION = "Nhiệm vụ các kết luận giao cho từng cơ quan, đơn vị, với thời hạn"
TASK_FEED = "Nhiệm vụ giao cho {}"
TASK_STATES = {
    "qua-han": "Quá hạn",
    "sap-den-han": "Sắp đến hạn",
    "dang-thuc-hien": "Đang thực hiện",
    "hoan-thanh": "Đã hoàn thành",
}
"""Groups of an agency's tasks, most urgent first, relative to the build date."""
ISSUERS = "Cơ quan ban hành"
SIGNERS = "Người ký"
UNTIL_MERGER = "đến 30/6/2025"
SINCE_MERGER = "từ 1/7/2025"


def year(value: int) -> str:
    """A year's lookup: "Năm 2024"."""
    return f"Năm {value}"


def month(value: int, year_value: int) -> str:
    """A month's lookup: "Tháng 3/2024", or the documents of a year without a month."""
    return f"Tháng {value}/{year_value}" if value else f"Không rõ tháng ({year_value})"


def all_of_province(title: str) -> str:
    """Every document of a former province: "Tỉnh Bắc Giang: tất cả văn bản"."""
    return f"{title}: tất cả văn bản"


def place_description(title: str, note: str | None) -> str:
    """Description of a place's list: "Văn bản của Huyện Sơn Động, tỉnh Bắc Giang (…)"."""
    return f"Văn bản của {title}" + (f" ({note})" if note else "")


def list_description(title: str) -> str:
    """Description of a lookup's list."""
    return f"Danh sách văn bản: {title}"


def cited_description(title: str, count: int) -> str:
    """Description of a cited document's page."""
    return f"{title}: {count} văn bản trích dẫn"


def status_title(label: str) -> str:
    """A status's lookup: "Văn bản bị thay thế" (``label``: "Bị thay thế")."""
    return f"Văn bản {label[:1].lower()}{label[1:]}"


def short_title(doc: Document) -> str:
    """Title of a document page (``<title>``, header): number first, as staff cite."""
    return f"{doc.number}: {doc.title}" if doc.number else doc.title


def describe(doc: Document) -> str:
    """One-sentence description of a document for search engines and link previews."""
    number = f" số {doc.number}" if doc.number else ""
    by = enumerate_names(doc.issuers)
    return f"{doc.type.label}{number} {doc.date.vietnamese()} của {by}: {doc.title}"


def enumerate_names(names: list[str]) -> str:
    """Names in a sentence: "A", "A và B", "A, B và C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} và {names[-1]}"


def history(unit: Province | District) -> str | None:
    """What a former unit is now part of: "đến 30/6/2025; nay thuộc tỉnh Bắc Ninh"; None
    for a current province."""
    if isinstance(unit, District):
        return history_of_district(unit)
    successor = unit.successor
    if successor is None:
        return None
    if unit.unchanged:
        return f"{UNTIL_MERGER}; không thay đổi từ 1/7/2025"
    if fold(successor.name) == fold(unit.name):
        return f"{UNTIL_MERGER}; nay thuộc {successor.label} mới"
    return f"{UNTIL_MERGER}; nay thuộc {successor.label}"


def history_of_district(unit: District) -> str:
    """What a former district is now part of: its province's successor."""
    successor = unit.province.successor
    assert successor is not None
    return f"{UNTIL_MERGER}; nay thuộc {successor.label}"
