"""Documents of central bodies in the generated corpus: the real central documents the
corpus cites (``catalogue.CENTRAL`` and ``NATIONAL``), written in full with ``level:
trung-uong`` and no province, so that citations of them resolve to their pages; first a
few that show every form (the joint Kết luận 126-KL/TW of the Bộ Chính trị and Ban Bí thư,
Nghị định 178/2024/NĐ-CP signed "TM. Chính phủ / KT. Thủ tướng", the joint circular of five
bodies with its five signature blocks as published), then by popularity.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING, Any

import bodies
import catalogue as cat
import committees as cm
import phrases as ph
import variety

from ketluan.core.kinds import by_word

if TYPE_CHECKING:
    from generate import Doc

SHOWCASE = ("126-KL/TW", "178/2024/NĐ-CP")
"""Central documents written first, whatever the corpus size."""
CIRCULAR = cat.Ref(
    "Thông tư liên tịch",
    dt.date(2022, 2, 18),
    (
        "Viện kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao, Bộ Công an, Bộ Quốc phòng, "
        "Bộ Lao động - Thương binh và Xã hội",
    ),
    "quy định về phối hợp giữa các cơ quan có thẩm quyền trong tiếp nhận, giải quyết tố "
    "giác, tin báo về tội phạm, kiến nghị khởi tố, điều tra, truy tố, xét xử sơ thẩm các vụ "
    "án xâm hại tình dục người dưới 18 tuổi",
    "01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH",
    scope="NATIONAL",
)
CIRCULAR_SIGNERS = [
    (["KT. Chánh án Tòa án nhân dân tối cao"], "Phó Chánh án", "Nguyễn Trí Tuệ"),
    (["KT. Viện trưởng Viện kiểm sát nhân dân tối cao"], "Phó Viện trưởng", "Nguyễn Duy Giảng"),
    (["KT. Bộ trưởng Bộ Công an"], "Thứ trưởng", "Trung tướng Nguyễn Duy Ngọc"),
    (["KT. Bộ trưởng Bộ Quốc phòng"], "Thứ trưởng", "Thượng tướng Võ Minh Lương"),
    (["KT. Bộ trưởng Bộ Lao động - Thương binh và Xã hội"], "Thứ trưởng", "Nguyễn Thị Hà"),
]
"""The circular's signature blocks, as published (``shared/real-texts``)."""
STATE_SIGNATURES = {
    "NĐ-CP": (["TM. Chính phủ", "KT. Thủ tướng"], "Phó Thủ tướng"),
    "QĐ-TTg": (["KT. Thủ tướng"], "Phó Thủ tướng"),
    "TT-": (["KT. Bộ trưởng"], "Thứ trưởng"),
    "UBTVQH": (["TM. Ủy ban Thường vụ Quốc hội"], "Chủ tịch"),
}
"""Authority chain and title of State documents, by a part of their number."""
ACTORS = [
    "Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương",
    "Ban cán sự đảng Chính phủ",
    "Đảng đoàn Quốc hội",
    "Ban Tổ chức Trung ương",
    "Ủy ban Kiểm tra Trung ương",
    "Ban Tuyên giáo và Dân vận Trung ương",
    "Các bộ, ngành, địa phương",
]
ASSESSMENTS = [
    "Sau {n} năm triển khai, nhận thức của cấp ủy, tổ chức đảng, cán bộ, đảng viên về "
    "{topic} được nâng lên; nhiều địa phương có cách làm sáng tạo, hiệu quả.",
    "Công tác lãnh đạo, chỉ đạo được tiến hành đồng bộ, quyết liệt từ Trung ương đến cơ sở.",
    "Tỷ lệ địa phương hoàn thành mục tiêu đề ra đạt {pct}%, cao hơn cùng kỳ {d} điểm phần trăm.",
    "Hệ thống thể chế, chính sách từng bước được hoàn thiện, tạo cơ sở chính trị, pháp lý "
    "quan trọng cho tổ chức thực hiện.",
    "Tuy nhiên, việc thực hiện ở một số nơi còn chậm, chưa đồng đều; công tác kiểm tra, "
    "giám sát có lúc chưa thường xuyên.",
    "Nguyên nhân chủ yếu là một số cấp ủy, người đứng đầu chưa thật sự quan tâm, sâu sát.",
    "Một số chỉ tiêu chưa đạt; nguồn lực bố trí còn phân tán, hiệu quả chưa cao.",
    "Bộ máy tổ chức được sắp xếp tinh gọn hơn, hoạt động hiệu lực, hiệu quả hơn.",
]
RECIPIENTS = {
    "party": ["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương", "Các ban đảng, ban cán "
              "sự đảng, đảng đoàn trực thuộc Trung ương", "Lưu Văn phòng Trung ương Đảng"],
    "state": ["Ban Bí thư Trung ương Đảng", "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính "
              "phủ", "HĐND, UBND các tỉnh, thành phố trực thuộc trung ương", "Lưu: VT"],
}  # fmt: skip


def count(total: int) -> int:
    """How many of ``total`` documents are central: about one in a hundred, at least three
    (the showcase), at most every real one."""
    return min(len(cat.CENTRAL) + len(cat.NATIONAL), max(3, total // 100))


def documents(refs: list[cat.Ref], wanted: int, seed: int, first: int) -> list[Doc]:
    """``wanted`` central documents (indexes from ``first``), each standing for its ref."""
    real = [r for r in refs if r.scope in ("TW", "NATIONAL") and r.about and _kind(r.word)]
    chosen = [r for n in SHOWCASE for r in real if r.number == n]
    chosen.append(CIRCULAR)
    chosen += [r for r in real if r not in chosen]
    found = []
    for offset, ref in enumerate(chosen[:wanted]):
        doc = _document(ref, first + offset, seed, refs)
        ref.doc = doc if ref is not CIRCULAR else None
        found.append(doc)
    return found


def _kind(word: str) -> str | None:
    """The kind of a ref's type word, when the catalogue has it ("Luật Đất đai": none, and
    citations of it by that name are not read as citations of a law)."""
    return by_word(word)


def _document(ref: cat.Ref, index: int, seed: int, refs: list[cat.Ref]) -> Doc:
    from generate import Doc

    rng = random.Random(f"{seed}|central|{index}")
    issuers = [name.split(" khóa ")[0] for name in ref.issuers[0].split(", ")]  # one body
    body = cm.Committee(
        key=f"central/{ref.number}", name=issuers[0], word=issuers[0], code="TW",
        level="central", province="", district=None, place="Hà Nội", unit="cả nước",
        cap="cả nước", folder="trung-uong", simple=True, namespace=ref.scope,
    )  # fmt: skip
    kind = _kind(ref.word)
    assert kind is not None
    topic, tag = rng.choice(ph.TOPICS)
    doc = Doc(index, body, kind, ref.day, issuers[0], "", None, "trung-uong", number=ref.number)
    doc.topic, doc.tags = topic, [tag]
    doc.title = f"{ref.word} {ref.about}"
    if kind == "ket-luan":
        doc.title = f"Kết luận của {', '.join(issuers)} {ref.about}"
    doc.signer = _signer(ref, issuers, rng, seed)
    party = ref.number.endswith("/TW")
    doc.recipients = list(RECIPIENTS["party" if party else "state"])
    doc.variety = variety.Variety(level="trung-uong", issuers=issuers if len(issuers) > 1 else [])
    if ref is CIRCULAR:
        doc.variety.signers = [
            {"authority": chain, "title": title, "name": name}
            for chain, title, name in CIRCULAR_SIGNERS
        ]
    doc.variety.body = _text(doc, ref, rng, [r for r in refs if r.day < ref.day and r.about])
    return doc


def _signer(ref: cat.Ref, issuers: list[str], rng: random.Random, seed: int) -> dict[str, Any]:
    """On behalf of the body for a Party document (its General Secretary for the Central
    Committee); a deputy's chain for State ones; a law by the Chairman of the Assembly."""
    name = cm.person(random.Random(f"{seed}|central|{issuers[0]}|{ref.day.year}"), False)
    for part, (chain, title) in STATE_SIGNATURES.items():
        if part in ref.number:
            return {"authority": chain, "title": title, "name": name}
    if "/QH" in ref.number:
        return {"title": "Chủ tịch Quốc hội", "name": name}
    body = issuers[0].split(" khóa ")[0].removesuffix(" Đảng")
    title = "Tổng Bí thư" if body.startswith("Ban Chấp hành") else None
    return {"authority": [f"T/M {body}"], "title": title, "name": name}


def _text(doc: Doc, ref: cat.Ref, rng: random.Random, earlier: list[cat.Ref]) -> str:
    """The file: front matter and a body of numbered parts, 4 to 12 KB."""
    v = doc.variety
    lines = ["---", f"title: {bodies.scalar(doc.title)}", f"type: {doc.type}"]
    lines += [f"number: {bodies.scalar(ref.number)}", f"date: {ref.day.isoformat()}"]
    issuers = v.issuers or [doc.issuer]
    if v.issuers:
        lines.append(variety.yaml_list("issuers", issuers).rstrip("\n"))
    else:
        lines.append(f"issuer: {bodies.scalar(doc.issuer)}")
    lines.append("level: trung-uong")
    if v.signers:
        lines.append(variety.yaml_signers(v.signers).rstrip("\n"))
    else:
        lines.append(_single(doc.signer))
    lines.append(variety.yaml_list("recipients", doc.recipients).rstrip("\n"))
    lines.append(variety.yaml_list("tags", doc.tags).rstrip("\n"))
    head = "\n".join([*lines, "---", "", ""])
    return head + _body(doc, ref, rng, earlier)


def _single(signer: dict[str, Any]) -> str:
    out = ["signer:"]
    chain = signer.get("authority") or []
    if len(chain) == 1:
        out.append(f"  authority: {bodies.scalar(chain[0])}")
    elif chain:
        out.append("  authority:\n" + "\n".join(f"    - {bodies.scalar(a)}" for a in chain))
    if signer.get("title"):
        out.append(f"  title: {bodies.scalar(signer['title'])}")
    out.append(f"  name: {bodies.scalar(signer['name'])}")
    return "\n".join(out)


def _body(doc: Doc, ref: cat.Ref, rng: random.Random, earlier: list[cat.Ref]) -> str:
    """Opening (citing earlier central documents), numbered parts of assessment and tasks
    for the bodies below, and a closing, about ``target`` bytes."""
    party = ref.number.endswith("/TW")
    target = rng.randint(4_000, 12_000)
    cites = [
        cat.write(r, rng, dated=True, phrases=r.issuers)
        for r in rng.sample(earlier, min(2, len(earlier)))
    ]
    if party:
        verb = {"Nghị quyết": "quyết nghị"}.get(ref.word, ref.word.lower())
        opening = (
            f"Tại phiên họp ngày {ref.day.day}/{ref.day.month}/{ref.day.year}, sau khi xem xét "
            f"báo cáo về {doc.topic}, {doc.issuer} {verb} như sau:"
        )
    else:
        opening = f"{doc.issuer} ban hành {ref.word} {ref.about}."
    if cites:
        opening = f"Căn cứ {'; '.join(cites)}. " + opening
    paragraphs, index = [opening], 1
    while sum(len(p.encode()) for p in paragraphs) < target:
        topic = rng.choice(ph.TOPICS)[0]
        slots = {"topic": topic, "n": rng.randint(3, 10), "pct": rng.randint(60, 98)}
        slots["d"] = rng.randint(1, 9)
        heading = (
            f"## {index}. Về {topic}" if party else f"Điều {index}. {bodies.upper_first(topic)}"
        )
        paragraphs.append(heading)
        paragraphs.append(" ".join(t.format_map(slots) for t in rng.sample(ASSESSMENTS, 3)))
        for _ in range(rng.randint(2, 4)):
            what = rng.choice([o for o in ph.OBJECTS if "{xa" not in o])
            what = what.format(year=doc.day.year, next=doc.day.year + 1)
            paragraphs.append(f"- {rng.choice(ACTORS)} {rng.choice(ph.VERBS)} {what}.")
        index += 1
    paragraphs.append(
        "Văn phòng Trung ương Đảng theo dõi, đôn đốc việc thực hiện, định kỳ báo cáo."
        if party
        else f"{ref.word} này có hiệu lực kể từ ngày ký ban hành./."
    )
    return "\n\n".join(paragraphs) + "\n"
