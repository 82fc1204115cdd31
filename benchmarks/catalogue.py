# ruff: noqa: E501
"""Documents the generated conclusions cite, and how a citation of one is written.

Central Party documents are real ones (number, date, issuer, subject), ranked by how often
provincial texts cite them, followed by a synthetic long tail; provincial and district Party
documents and State documents are drawn per place. Each is a ``Ref``; a generated conclusion
that other conclusions cite is a ``Ref`` too (``doc`` set), so one writer serves both.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

import phrases as ph

# (type word, number, date, issuers, subject), most cited first: a Zipf weight by rank.
# fmt: off
CENTRAL = [
    ("Chỉ thị", "35-CT/TW", "2024-06-14", "Bộ Chính trị", "về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"),
    ("Nghị quyết", "21-NQ/TW", "2022-06-16", "Ban Chấp hành Trung ương Đảng|Ban Chấp hành Trung ương Đảng khóa XIII", "về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới"),
    ("Chỉ thị", "05-CT/TW", "2016-05-15", "Bộ Chính trị", "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("Quy định", "96-QĐ/TW", "2023-02-02", "Bộ Chính trị", "về việc lấy phiếu tín nhiệm đối với chức danh, chức vụ lãnh đạo, quản lý trong hệ thống chính trị"),
    ("Kết luận", "01-KL/TW", "2021-05-18", "Bộ Chính trị", "về tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("Nghị quyết", "18-NQ/TW", "2017-10-25", "Ban Chấp hành Trung ương Đảng khóa XII|Ban Chấp hành Trung ương Đảng", "một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả"),
    ("Kết luận", "126-KL/TW", "2025-02-14", "Bộ Chính trị, Ban Bí thư", "về một số nội dung, nhiệm vụ tiếp tục sắp xếp, tinh gọn tổ chức bộ máy của hệ thống chính trị năm 2025"),
    ("Kết luận", "137-KL/TW", "2025-03-28", "Bộ Chính trị, Ban Bí thư", "về Đề án sắp xếp, tổ chức lại đơn vị hành chính các cấp và xây dựng mô hình tổ chức chính quyền địa phương 2 cấp"),
    ("Nghị quyết", "57-NQ/TW", "2024-12-22", "Bộ Chính trị", "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"),
    ("Quy định", "08-QĐi/TW", "2018-10-25", "Ban Chấp hành Trung ương Đảng", "về trách nhiệm nêu gương của cán bộ, đảng viên"),
    ("Chỉ thị", "28-CT/TW", "2023-12-21", "Ban Bí thư", "về nâng cao chất lượng kết nạp đảng viên và rà soát, sàng lọc, đưa những đảng viên không còn đủ tư cách ra khỏi Đảng"),
    ("Nghị quyết", "19-NQ/TW", "2022-06-16", "Ban Chấp hành Trung ương Đảng khóa XIII", "về nông nghiệp, nông dân, nông thôn đến năm 2030, tầm nhìn đến năm 2045"),
    ("Nghị quyết", "26-NQ/TW", "2018-05-19", "Ban Chấp hành Trung ương Đảng", "về tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược, đủ phẩm chất, năng lực và uy tín, ngang tầm nhiệm vụ"),
    ("Quy định", "22-QĐ/TW", "2021-07-28", "Ban Chấp hành Trung ương Đảng", "về công tác kiểm tra, giám sát và kỷ luật của Đảng"),
    ("Quy định", "69-QĐ/TW", "2022-07-06", "Bộ Chính trị", "về kỷ luật tổ chức đảng, đảng viên vi phạm"),
    ("Nghị quyết", "39-NQ/TW", "2015-04-17", "Bộ Chính trị", "về tinh giản biên chế và cơ cấu lại đội ngũ cán bộ, công chức, viên chức"),
    ("Quy định", "47-QĐ/TW", "2011-11-01", "Ban Chấp hành Trung ương Đảng", "về những điều đảng viên không được làm"),
    ("Nghị quyết", "12-NQ/TW", "2012-01-16", "Ban Chấp hành Trung ương Đảng khóa XI", "một số vấn đề cấp bách về xây dựng Đảng hiện nay"),
    ("Chỉ thị", "36-CT/TW", "2014-05-30", "Bộ Chính trị", "về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XII của Đảng"),
    ("Chỉ thị", "03-CT/TW", "2011-05-14", "Bộ Chính trị", "về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh"),
    ("Kết luận", "118-KL/TW", "2025-01-18", "Bộ Chính trị", "về điều chỉnh, bổ sung chỉ thị về đại hội đảng bộ các cấp"),
    ("Nghị quyết", "37-NQ/TW", "2018-12-24", "Bộ Chính trị", "về việc sắp xếp các đơn vị hành chính cấp huyện và cấp xã"),
    ("Kết luận", "48-KL/TW", "2023-01-30", "Bộ Chính trị", "về tiếp tục thực hiện sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2023 - 2030"),
    ("Kết luận", "21-KL/TW", "2021-10-25", "Ban Chấp hành Trung ương Đảng", "về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị"),
    ("Kết luận", "14-KL/TW", "2021-09-22", "Bộ Chính trị", "về chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung"),
    ("Nghị quyết", "18-NQ/TW", "2022-06-16", "Ban Chấp hành Trung ương Đảng khóa XIII", "về tiếp tục đổi mới, hoàn thiện thể chế, chính sách, nâng cao hiệu lực, hiệu quả quản lý và sử dụng đất"),
    ("Quy định", "144-QĐ/TW", "2024-05-09", "Bộ Chính trị", "về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới"),
    ("Quy định", "41-QĐ/TW", "2021-11-03", "Bộ Chính trị", "về việc miễn nhiệm, từ chức đối với cán bộ"),
    ("Nghị quyết", "35-NQ/TW", "2018-10-22", "Bộ Chính trị", "về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới"),
    ("Kết luận", "121-KL/TW", "2025-01-24", "Ban Chấp hành Trung ương Đảng", "về tổng kết việc tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị"),
    ("Kết luận", "127-KL/TW", "2025-02-28", "Bộ Chính trị, Ban Bí thư", "về triển khai nghiên cứu, đề xuất tiếp tục sắp xếp tổ chức bộ máy của hệ thống chính trị"),
    ("Nghị quyết", "60-NQ/TW", "2025-04-12", "Ban Chấp hành Trung ương Đảng khóa XIII", "Hội nghị lần thứ mười một Ban Chấp hành Trung ương Đảng khóa XIII"),
    ("Nghị quyết", "06-NQ/TW", "2022-01-24", "Bộ Chính trị", "về quy hoạch, xây dựng, quản lý và phát triển bền vững đô thị Việt Nam đến năm 2030, tầm nhìn đến năm 2045"),
    ("Chỉ thị", "13-CT/TW", "2017-01-12", "Ban Bí thư", "về tăng cường sự lãnh đạo của Đảng đối với công tác quản lý, bảo vệ và phát triển rừng"),
    ("Nghị quyết", "04-NQ/TW", "2016-10-30", "Ban Chấp hành Trung ương Đảng khóa XII", "về đẩy mạnh xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống"),
    ("Nghị quyết", "20-NQ/TW", "2017-10-25", "Ban Chấp hành Trung ương Đảng", "về tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân trong tình hình mới"),
    ("Nghị quyết", "41-NQ/TW", "2023-10-10", "Bộ Chính trị", "về xây dựng và phát huy vai trò của đội ngũ doanh nhân Việt Nam trong thời kỳ mới"),
    ("Chỉ thị", "04-CT/TW", "2021-06-02", "Ban Bí thư", "về tăng cường sự lãnh đạo của Đảng đối với công tác thu hồi tiền, tài sản bị thất thoát, chiếm đoạt trong các vụ án hình sự về tham nhũng, kinh tế"),
    ("Nghị quyết", "33-NQ/TW", "2014-06-09", "Ban Chấp hành Trung ương Đảng", "về xây dựng và phát triển văn hóa, con người Việt Nam đáp ứng yêu cầu phát triển bền vững đất nước"),
    ("Nghị quyết", "29-NQ/TW", "2013-11-04", "Ban Chấp hành Trung ương Đảng", "về đổi mới căn bản, toàn diện giáo dục và đào tạo"),
]
# (type word, number, date, issuer, subject): State documents of the centre, cited less often.
NATIONAL = [
    ("Quyết định", "263/QĐ-TTg", "2022-02-22", "Thủ tướng Chính phủ", "phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025"),
    ("Quyết định", "1719/QĐ-TTg", "2021-10-14", "Thủ tướng Chính phủ", "phê duyệt Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi"),
    ("Quyết định", "90/QĐ-TTg", "2022-01-18", "Thủ tướng Chính phủ", "phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025"),
    ("Nghị định", "178/2024/NĐ-CP", "2024-12-31", "Chính phủ", "về chính sách, chế độ đối với cán bộ, công chức, viên chức, người lao động trong thực hiện sắp xếp tổ chức bộ máy"),
    ("Thông tư", "04/2022/TT-BXD", "2022-10-24", "Bộ Xây dựng", "quy định về hồ sơ của nhiệm vụ và đồ án quy hoạch xây dựng vùng liên huyện, quy hoạch đô thị và quy hoạch nông thôn"),
    ("Luật Đất đai", "31/2024/QH15", "2024-01-18", "Quốc hội", ""),
    ("Quyết định", "06/QĐ-TTg", "2022-01-06", "Thủ tướng Chính phủ", "phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia"),
    ("Nghị định", "73/2024/NĐ-CP", "2024-06-30", "Chính phủ", "quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức, viên chức và lực lượng vũ trang"),
    ("Nghị quyết", "76/2025/UBTVQH15", "2025-04-14", "Ủy ban Thường vụ Quốc hội", "về sắp xếp đơn vị hành chính năm 2025"),
]
TAIL = [
    ("Hướng dẫn", "HD/BTCTW", "Ban Tổ chức Trung ương"),
    ("Hướng dẫn", "HD/BTGTW", "Ban Tuyên giáo Trung ương"),
    ("Hướng dẫn", "HD/UBKTTW", "Ủy ban Kiểm tra Trung ương"),
    ("Kết luận", "KL/TW", "Ban Bí thư"),
    ("Chỉ thị", "CT/TW", "Ban Bí thư"),
    ("Thông báo kết luận", "TB/TW", "Bộ Chính trị"),
    ("Quy định", "QĐ/TW", "Ban Bí thư"),
    ("Hướng dẫn", "HD/TW", "Ban Bí thư"),
]
# Party documents of one committee per term, by type code: (type word, how many, numbers per year).
PROVINCE_KINDS = {
    "NQ": ("Nghị quyết", 6, 8),
    "CT": ("Chỉ thị", 4, 5),
    "KH": ("Kế hoạch", 8, 60),
    "ĐA": ("Đề án", 3, 4),
    "QĐ": ("Quy định", 2, 6),
    "CTr": ("Chương trình", 3, 10),
    "KL": ("Kết luận", 5, 120),
    "HD": ("Hướng dẫn", 2, 12),
}
DISTRICT_KINDS = {
    "NQ": ("Nghị quyết", 4, 6),
    "CT": ("Chỉ thị", 2, 3),
    "KH": ("Kế hoạch", 4, 50),
    "ĐA": ("Đề án", 2, 3),
    "KL": ("Kết luận", 3, 130),
}
NUMBERS_PER_YEAR = {"KL": 130, "TB": 250}
STATE_KINDS = [
    ("Quyết định", "{n}/{y}/QĐ-UBND", 60, "UBND tỉnh|Ủy ban nhân dân tỉnh"),
    ("Nghị quyết", "{n:02d}/{y}/NQ-HĐND", 40, "HĐND tỉnh|Hội đồng nhân dân tỉnh"),
    ("Chỉ thị", "{n:02d}/CT-UBND", 25, "Chủ tịch UBND tỉnh|UBND tỉnh"),
    ("Công văn", "{n}/UBND-{s}", 5000, "Chủ tịch UBND tỉnh|UBND tỉnh"),
    ("Kế hoạch", "{n}/KH-UBND", 400, "UBND tỉnh"),
    ("Quyết định", "{n}/QĐ-UBND", 3000, "UBND tỉnh|Chủ tịch UBND tỉnh"),
]
# fmt: on
SECTORS = ["NN", "KT", "TH", "XD", "VX", "NC", "TNMT", "KGVX", "GT", "NV"]
CITE_FRAMES = [
    "Tiếp tục triển khai thực hiện có hiệu quả {cite}.",
    "Thực hiện {cite}, {actor} {verb} {object}{qual}.",
    "Quán triệt, triển khai {cite} đến cán bộ, đảng viên và Nhân dân; {actor} {verb} {object}.",
    "Tổ chức sơ kết việc thực hiện {cite}, báo cáo Ban Thường vụ {body} trước ngày {dl}.",
    "Trên cơ sở {cite}, {actor} {verb} {object}{qual}.",
    "Quan tâm lãnh đạo, chỉ đạo thực hiện nghiêm {cite}; kịp thời biểu dương các tập thể, cá nhân có thành tích.",
    "Việc triển khai {cite} có mặt còn chậm, chưa đáp ứng yêu cầu.",
    "Bám sát tinh thần {cite} để cụ thể hóa thành chương trình, kế hoạch phù hợp với thực tiễn địa phương.",
]


@dataclass
class Ref:
    """A citable document: written as ``{word} số {number}, ngày {date} của {issuer} {about}``."""

    word: str
    day: dt.date
    issuers: tuple[str, ...]
    about: str = ""
    number: str = ""
    code: str = ""
    """Party type code (``NQ``) while the number is still to be given."""
    owner: Any = None
    """The committee whose numbering this Ref takes part in (None: numbered already)."""
    weight: float = 1.0
    unique: bool = True
    """True when no other known document shares scope, type and number: an undated citation
    of it resolves (else the citing file declares the date under ``references:``)."""
    level: str = ""
    """"tỉnh"/"huyện" written after a State number (``45/2018/QĐ-UBND tỉnh``)."""
    doc: Any = None
    """The generated conclusion this Ref stands for, if any."""
    scope: str = ""
    """Who the number belongs to, for the resolver (``TW``, ``TU:bac giang``...)."""


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def central(rng: random.Random, tail: int = 160) -> list[Ref]:
    """Real central documents in order of popularity, then a synthetic long tail."""
    refs = [
        Ref(word, _day(day), tuple(issuers.split("|")), about, number, scope="TW")
        for word, number, day, issuers, about in CENTRAL
    ]
    refs += [
        Ref(word, _day(day), (issuer,), about, number, scope="NATIONAL")
        for word, number, day, issuer, about in NATIONAL
    ]
    taken = {(r.word, r.number) for r in refs}
    while len(refs) < len(CENTRAL) + len(NATIONAL) + tail:
        word, suffix, issuer = rng.choice(TAIL)
        number = f"{rng.randint(1, 299):02d}-{suffix}"
        if (word, number) in taken:
            continue
        taken.add((word, number))
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(10 * 365))
        refs.append(Ref(word, day, (issuer,), "", number, scope="TW"))
    counts: dict[tuple[str, str], int] = {}
    for ref in refs:
        counts[(ref.word, ref.number)] = counts.get((ref.word, ref.number), 0) + 1
    for rank, ref in enumerate(refs, start=1):
        ref.weight = 1 / rank**1.1
        ref.unique = counts[(ref.word, ref.number)] == 1
    return refs


def state(rng: random.Random, owner: Any) -> list[Ref]:
    """UBND and HĐND documents of a province (``owner`` is its Party committee), 2014-2025:
    numbers with the year restart yearly, so they are drawn without repeats per year; the
    others are always cited dated."""
    refs = []
    taken: set[str] = set()
    named = f"|Chủ tịch UBND {owner.cap} {owner.place}" if owner.simple else ""
    for rank in range(36):
        word, pattern, top, issuers = STATE_KINDS[rank % len(STATE_KINDS)]
        day = dt.date(2014, 1, 2) + dt.timedelta(days=rng.randrange(11 * 365 + 150))
        number = pattern.format(n=rng.randint(1, top), y=day.year, s=rng.choice(SECTORS))
        if number in taken:
            continue
        taken.add(number)
        about = rng.choice(STATE_SUBJECTS)
        level = owner.cap if "/QĐ-UBND" in number and "/20" in number else ""
        phrases = (issuers.replace("tỉnh", owner.cap) + named).split("|")
        refs.append(Ref(word, day, tuple(phrases), about, number, level=level * (level == "tỉnh")))
        refs[-1].unique = "/20" in number
        refs[-1].weight = 1 / (1 + rank) ** 0.8
    return refs


STATE_SUBJECTS = [
    "ban hành quy định chính sách hỗ trợ phát triển sản xuất nông, lâm nghiệp gắn với xây dựng nông thôn mới",
    "quy định một số chính sách khuyến khích phát triển giáo dục mầm non ngoài công lập",
    "về tăng cường các giải pháp đẩy nhanh tiến độ giải ngân vốn đầu tư công",
    "về tăng cường công tác quản lý nhà nước về rừng, đất lâm nghiệp",
    "ban hành bảng giá đất trên địa bàn",
    "về triển khai thực hiện chương trình chuyển đổi số",
    "phê duyệt điều chỉnh quy hoạch sử dụng đất",
    "về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước",
    "",
]


def write(ref: Ref, rng: random.Random, *, dated: bool, phrases: tuple[str, ...]) -> str:
    """One citation of ``ref`` in a form the citation matcher reads (type word, "số",
    date phrase, issuer phrase), with the variants the published texts show."""
    word = ref.word
    if rng.random() < 0.05 and word in ("Nghị quyết", "Chỉ thị", "Kết luận"):
        word = word.lower()
    joiner = rng.choice((" số ", " số ", " số ", " ")) if word != "Công văn" else " số: "
    number = f"**{ref.number}**" if rng.random() < 0.04 else ref.number
    text = f"{word}{joiner}{number}"
    if dated:
        text += date_phrase(ref.day, rng)
    if ref.level and rng.random() < 0.5:
        return f"{text} {ref.level}"
    if phrases:
        text += f" của {rng.choice(phrases)}"
    if ref.about and rng.random() < 0.6:
        about = ref.about
        if rng.random() < 0.15 and not about.startswith("về"):
            about = f"*{about}*"
        text += f" {about}"
    return text


def date_phrase(day: dt.date, rng: random.Random) -> str:
    """``, ngày 07/5/2021``, `` ngày 02/06/2023``, `` ngày 12 tháng 6 năm 2025``..."""
    d, m, y = day.day, day.month, day.year
    form = rng.random()
    if form < 0.45:
        return f", ngày {d:02d}/{m}/{y}"
    if form < 0.8:
        return f" ngày {d:02d}/{m:02d}/{y}" if rng.random() < 0.5 else f" ngày {d}/{m}/{y}"
    if form < 0.9:
        return f" ngày {d} tháng {m} năm {y}"
    if form < 0.93:
        return f" ban hành ngày {d:02d}/{m:02d}/{y}"
    if form < 0.97:
        return f" (ngày {d:02d}/{m}/{y})"
    return f" ngày {d:02d}-{m:02d}-{y}"


def party(
    rng: random.Random,
    owner: Any,
    kinds: dict[str, tuple[str, int, int]],
    windows: list[tuple[dt.date, dt.date]],
) -> list[Ref]:
    """Party documents of one committee outside the corpus, per term (numbered later, in
    one sequence with the committee's documents in the corpus)."""
    refs = []
    for start, end in windows:
        for code, (word, count, _) in kinds.items():
            for rank in range(count):
                day = start + dt.timedelta(days=rng.randrange(max(1, (end - start).days)))
                about = f"về {rng.choice(ph.TOPICS)[0]}"
                if word in ("Nghị quyết", "Chương trình") and rng.random() < 0.5:
                    about += f" giai đoạn {start.year + 1} - {start.year + 5}"
                ref = Ref(word, day, owner.phrases(), about, code=code, owner=owner)
                ref.weight, ref.scope = 1 / (1 + rank) ** 0.7, owner.mentions
                refs.append(ref)
    return refs
