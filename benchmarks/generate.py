"""Deterministic generator of realistic Vietnamese conclusion files for benchmarks.

``python benchmarks/generate.py N TARGET`` writes a MkDocs project with N documents spread
over 63 former provinces, about ten districts each, years 2015-2025 and the four types.
Bodies are 400-900 words of committee prose built from a phrase bank (with đ, old and new
tone placement, citations of other numbers). Same N, same files.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

from ketluan.places import gazetteer

REPO = Path(__file__).resolve().parent.parent

PROVINCES = [
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bạc Liêu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Dương",
    "Bình Định",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Cần Thơ",
    "Đà Nẵng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Hồ Chí Minh",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
]
SYLLABLES = [
    "An",
    "Bình",
    "Châu",
    "Đông",
    "Đức",
    "Giang",
    "Hà",
    "Hải",
    "Hòa",
    "Hưng",
    "Khánh",
    "Lâm",
    "Lộc",
    "Long",
    "Minh",
    "Mường",
    "Nam",
    "Ninh",
    "Phong",
    "Phú",
    "Phúc",
    "Quang",
    "Sơn",
    "Tân",
    "Thanh",
    "Thành",
    "Thuận",
    "Tiên",
    "Trà",
    "Trung",
    "Tuần",
    "Giáo",
    "Văn",
    "Vĩnh",
    "Xuân",
    "Yên",
    "Đồng",
    "Chà",
    "Nhé",
    "Lay",
    "Tủa",
    "Điện",
    "Biên",
    "Na",
    "Rì",
    "Pác",
    "Nặm",
    "Cẩm",
    "Thủy",
    "Thuỷ",
]
TYPES = [
    ("ket-luan", "KL"),
    ("thong-bao-ket-luan", "TB"),
    ("thong-bao-y-kien", "TB"),
    ("tin-bai", ""),
]
TOPICS = [
    "phát triển kinh tế - xã hội",
    "đầu tư công",
    "giải phóng mặt bằng",
    "xây dựng nông thôn mới",
    "công tác cán bộ",
    "phòng chống thiên tai",
    "quản lý đất đai",
    "bảo vệ rừng",
    "chuyển đổi số",
    "phát triển thủy sản",
    "nuôi trồng thuỷ sản",
    "giảm nghèo bền vững",
    "xây dựng Đảng",
    "hòa giải ở cơ sở",
    "cải cách hành chính",
    "giáo dục và đào tạo",
    "y tế cơ sở",
]
SENTENCES = [
    "Ban Thường vụ {issuer} đánh giá cao sự nỗ lực của cấp ủy, chính quyền huyện {district}.",
    "Tiếp tục lãnh đạo, chỉ đạo thực hiện hiệu quả nhiệm vụ {topic} trên địa bàn.",
    "Đảng ủy các xã, thị trấn tập trung tháo gỡ khó khăn, vướng mắc trong {topic}.",
    "Ủy ban nhân dân huyện chủ động phối hợp với các sở, ngành tỉnh {province}.",
    "Uỷ ban Mặt trận Tổ quốc và các đoàn thể đẩy mạnh tuyên truyền, vận động Nhân dân.",
    "Thực hiện Kết luận số {cite} của Ban Thường vụ Tỉnh ủy về {topic}.",
    "Triển khai Nghị quyết số {resolution} của Hội đồng nhân dân tỉnh.",
    "Tỷ lệ giải ngân vốn đầu tư công đạt {pct}% kế hoạch, thấp hơn cùng kỳ.",
    "Đồng chí Bí thư đề nghị khẩn trương hoàn thiện quy hoạch, đẩy nhanh tiến độ các dự án.",
    "Công tác quản lý, bảo vệ rừng còn hạn chế; vi phạm đất đai chưa được xử lý dứt điểm.",
    "Giao Văn phòng Huyện ủy theo dõi, đôn đốc, báo cáo kết quả thực hiện.",
    "Sản xuất nông nghiệp, phát triển thủy sản và chăn nuôi được duy trì ổn định.",
    "Kinh tế - xã hội tiếp tục phát triển; quốc phòng, an ninh được giữ vững.",
    "Hội nghị thống nhất phương hướng, nhiệm vụ trọng tâm trong thời gian tới.",
]


COMMITTEES = {"Huyện": "Huyện ủy", "Quận": "Quận ủy", "Thị xã": "Thị ủy", "Thành phố": "Thành ủy"}


def geography() -> dict[str, list[tuple[str, str, str]]]:
    """Real former districts of each former province, from the places gazetteer (documents
    must name units of their time or the build refuses them), as (front matter value with its
    kind, e.g. "thị xã Kỳ Anh", which is unambiguous; issuing committee; name in prose)."""
    g = gazetteer()
    return {
        p: [
            (d.label, f"{COMMITTEES.get(d.kind, 'Huyện ủy')} {d.short}", d.short)
            for d in g.districts_of(g.province(p, "former"))
        ]
        for p in PROVINCES
    }


def document(
    rng: random.Random, index: int, places: dict[str, list[tuple[str, str, str]]]
) -> tuple[str, str]:
    """(relative path, file text) of document number ``index``."""
    province = PROVINCES[index % len(PROVINCES)]
    district_field, committee, district = rng.choice(places[province])
    type_slug, code = rng.choice(TYPES)
    year = rng.randint(2015, 2024)  # before the 1 July 2025 merger: former units
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    provincial = rng.random() < 0.25
    issuer = f"Tỉnh ủy {province}" if provincial else committee
    number = f"{index + 1}-{code}/{'TU' if provincial else 'HU'}" if code else None
    topic = rng.choice(TOPICS)
    title = f"Kết luận của Ban Thường vụ {issuer} về {topic} (bản {index + 1})"
    context = {
        "issuer": issuer,
        "district": district,
        "province": province,
        "topic": topic,
        "cite": f"{rng.randint(1, 900)}-KL/TU",
        "resolution": f"{rng.randint(1, 40):02d}/{rng.randint(2015, 2024)}/NQ-HĐND",
    }
    paragraphs = []
    for _ in range(rng.randint(6, 12)):
        sentences = []
        for _ in range(rng.randint(4, 8)):
            context["topic"] = rng.choice(TOPICS)
            context["pct"] = rng.randint(10, 99)
            sentences.append(rng.choice(SENTENCES).format(**context))
        paragraphs.append(" ".join(sentences))
    lines = [
        "---",
        f"title: {title}",
        f"type: {type_slug}",
        f"number: {number}" if number else "",
        f"date: {date}",
        f"issuer: {issuer}",
        f"province: {province}",
        "" if provincial else f"district: {district_field}",
        "signer:\n  name: Nguyễn Văn An" if type_slug != "tin-bai" else "",
        "---",
        "",
        "\n\n".join(paragraphs),
        "",
    ]
    folder = f"p{PROVINCES.index(province):02d}"
    return f"{folder}/{index:06d}.md", "\n".join(line for line in lines if line != "")


def generate(count: int, target: Path, shard_size: int = 5000) -> Path:
    """Write a MkDocs project with ``count`` documents into ``target``; returns its config."""
    rng = random.Random(count)
    places = geography()
    if target.exists():
        shutil.rmtree(target)
    (target / "conclusions").mkdir(parents=True)
    shutil.copytree(REPO / "docs", target / "docs")
    shutil.copytree(REPO / "templates", target / "templates")  # a snapshot: edits don't leak
    for index in range(count):
        rel, text = document(rng, index, places)
        path = target / "conclusions" / rel
        path.parent.mkdir(exist_ok=True)
        path.write_text(text.replace("\n---\n\n", "\n---\n\n", 1), encoding="utf-8")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "      home_recent: 10\n", f"      home_recent: 10\n      search_shard_size: {shard_size}\n"
    )
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target / "mkdocs.yml"


def district_of(count: int) -> str:
    """A district name that occurs in the generated corpus of ``count`` documents."""
    return random.Random(count).choice(geography()[PROVINCES[0]])[2]  # document 0's district


if __name__ == "__main__":
    print(generate(int(sys.argv[1]), Path(sys.argv[2])))
