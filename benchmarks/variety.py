"""Documents beyond district conclusions, for the generated corpus: other kinds of the
committees (Nghị quyết, Chỉ thị, Kế hoạch, Chương trình, Đề án, Hướng dẫn), documents of
central bodies (the real central documents the corpus cites, among them the joint Kết luận
126-KL/TW of the Bộ Chính trị and Ban Bí thư, a Nghị định signed "TM. Chính phủ / KT. Thủ
tướng" and the joint circular of five bodies), signing chains ("T/M Ban Thường vụ / K/T Bí
thư", "T/L Ban Thường vụ / K/T Chánh Văn phòng") and joint plans of a Party board and the
provincial people's committee.

Every choice here draws on its own random stream (seed, purpose, document index), so the
rest of the corpus is drawn as before; the generator calls this module at four points
(``other_kind``, ``finish``, ``central_documents``, ``render``) and nothing else changes.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import bodies
import committees as cm
import phrases as ph

if TYPE_CHECKING:
    from generate import Doc


@dataclass(frozen=True)
class OtherKind:
    """A kind a committee issues besides conclusions: its code, who issues and signs it
    (the executive committee, "bch", or its standing committee, "btv", signed as their
    conclusions are), and its title, opening and closing."""

    code: str
    issued_by: str
    district: bool
    """Issued by district committees too (else by provincial ones only)."""
    title: str
    opening: str
    closing: str
    lead: str = ""
    """Words before the committee in the issuer ("Ban Tổ chức "), else by ``issued_by``."""


OTHER_KINDS = {
    "nghi-quyet": OtherKind(
        "NQ", "bch", True, "Nghị quyết về {topic}",
        "{when}, Ban Chấp hành Đảng bộ {cap} ({term}) họp kỳ thứ {session}, thảo luận và "
        "thống nhất ban hành Nghị quyết về {topic}. Trên cơ sở đánh giá kết quả thực hiện "
        "thời gian qua, Ban Chấp hành Đảng bộ {cap} QUYẾT NGHỊ:",
        "Nghị quyết này được phổ biến đến chi bộ và đảng viên. Các cấp ủy, tổ chức đảng căn "
        "cứ Nghị quyết xây dựng kế hoạch tổ chức thực hiện; Ban Thường vụ {body} chỉ đạo, "
        "kiểm tra việc thực hiện.",
    ),
    "chi-thi": OtherKind(
        "CT", "btv", True, "Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với {topic}",
        "Thời gian qua, {topic} trên địa bàn {unit} đạt nhiều kết quả, song còn một số hạn "
        "chế. Để khắc phục, Ban Thường vụ {body} yêu cầu các cấp ủy, tổ chức đảng, chính "
        "quyền, Mặt trận Tổ quốc và các đoàn thể tập trung thực hiện tốt các nội dung sau:",
        "Chỉ thị này được phổ biến đến chi bộ. Giao Văn phòng {body} theo dõi, đôn đốc, kiểm "
        "tra việc thực hiện, định kỳ báo cáo Ban Thường vụ {body}.",
    ),
    "ke-hoach": OtherKind(
        "KH", "btv", True, "Kế hoạch thực hiện {topic} năm {year}",
        "Thực hiện chương trình công tác năm {year}, Ban Thường vụ {body} ban hành Kế hoạch "
        "thực hiện {topic}, như sau:",
        "Giao Văn phòng {body} chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc "
        "việc thực hiện Kế hoạch này, định kỳ báo cáo Ban Thường vụ {body}.",
    ),
    "de-an": OtherKind(
        "ĐA", "btv", True, "Đề án về {topic} giai đoạn {year} - {end}",
        "Căn cứ tình hình thực tiễn của {unit}, Ban Thường vụ {body} xây dựng Đề án về "
        "{topic} giai đoạn {year} - {end} với các nội dung sau:",
        "Giao Văn phòng {body} chủ trì theo dõi, đôn đốc việc thực hiện Đề án; hằng năm sơ "
        "kết, báo cáo Ban Thường vụ {body}.",
    ),
    "chuong-trinh": OtherKind(
        "CTr", "btv", False, "Chương trình hành động về {topic} giai đoạn {year} - {end}",
        "Để cụ thể hóa nhiệm vụ về {topic}, Ban Thường vụ {body} xây dựng Chương trình hành "
        "động giai đoạn {year} - {end} như sau:",
        "Các cấp ủy, tổ chức đảng, cơ quan, đơn vị căn cứ Chương trình hành động này xây "
        "dựng kế hoạch cụ thể; Văn phòng {body} theo dõi, tổng hợp, báo cáo.",
    ),
    "huong-dan": OtherKind(
        "HD", "btv", False, "Hướng dẫn thực hiện {topic}",
        "Để thống nhất thực hiện {topic} trong Đảng bộ {cap}, Ban Tổ chức {body} hướng dẫn "
        "một số nội dung như sau:",
        "Trong quá trình thực hiện, nếu có vướng mắc, các cấp ủy phản ánh về Ban Tổ chức "
        "{body} để tổng hợp, báo cáo Ban Thường vụ {body}.",
        lead="Ban Tổ chức ",
    ),
}  # fmt: skip
"""Other kinds of committees; codes are those ``catalogue.PROVINCE_KINDS`` numbers."""
OTHER_SHARE = 0.1
"""About one committee document in ten is of another kind than the four of v1."""
JOINT_SHARE = 0.3
"""Share of provincial plans and programmes issued jointly with the people's committee."""
CHAIN_SHARE = 0.5
"""Share of deputy signatures printed with their whole chain ("T/M Ban Thường vụ" above
"K/T Bí thư"), the rest with the deputy's line alone, as offices do both."""


@dataclass
class Variety:
    """What a generated document has beyond v1 front matter."""

    level: str | None = None
    issuers: list[str] = field(default_factory=list)
    chain: list[str] = field(default_factory=list)
    """Authority lines of the (single) signer, outermost first."""
    signers: list[dict[str, Any]] = field(default_factory=list)
    """Signature blocks of a joint document (``authority`` a list of lines)."""
    body: str = ""
    """The whole body of a central document (written here, not by ``bodies``)."""


def other_kind(doc: Doc, seed: int) -> None:
    """Make about one committee document in ten a Nghị quyết, Chỉ thị, Kế hoạch... of the
    same committee (title and issuer as the kind prints them), before it is numbered."""
    rng = random.Random(f"{seed}|kind|{doc.index}")
    c = doc.committee
    if doc.news or rng.random() >= OTHER_SHARE:
        return
    kinds = [k for k, spec in OTHER_KINDS.items() if spec.district or c.level != "district"]
    kind = rng.choice(kinds)
    spec = OTHER_KINDS[kind]
    doc.type, doc.code = kind, spec.code
    lead = spec.lead or ("Ban Thường vụ " if spec.issued_by == "btv" else "")
    doc.issuer = lead + c.name
    if doc.visited is not None:  # a plan of the committee, not of a working session
        doc.visited, doc.place_visited = None, None
        doc.district, doc.folder = c.district, c.folder
    doc.title = spec.title.format(topic=doc.topic, year=doc.day.year, end=doc.day.year + 5)


def finish(doc: Doc, rng: random.Random, seed: int) -> None:
    """``bodies.finish`` (meeting, signer, recipients), then signing chains and joint plans.
    Another kind is signed and addressed as its committee's conclusions are."""
    kind = doc.type
    if kind in OTHER_KINDS:
        doc.type = "ket-luan"
        bodies.finish(doc, rng, seed)
        doc.type = kind
    else:
        bodies.finish(doc, rng, seed)
    own = random.Random(f"{seed}|sign|{doc.index}")
    doc.variety = Variety()
    if doc.signer:
        doc.variety.chain = _chain(doc.signer, doc.issuer, own)
    provincial = doc.committee.level != "district"
    if kind in ("ke-hoach", "chuong-trinh") and provincial and own.random() < JOINT_SHARE:
        _joint(doc, own, seed)


def _chain(signer: dict[str, str], issuer: str, rng: random.Random) -> list[str]:
    """The whole authority chain of a deputy's signature, when printed: a Phó Bí thư signs
    "K/T Bí thư" under "T/M Ban Thường vụ", a Phó Chánh Văn phòng "K/T Chánh Văn phòng"
    under "T/L Ban Thường vụ"."""
    authority, title = signer.get("authority", ""), signer.get("title", "")
    if rng.random() >= CHAIN_SHARE:
        return []
    if authority == "K/T Bí thư" and issuer.startswith("Ban Thường vụ"):
        return ["T/M Ban Thường vụ", "K/T Bí thư"]
    if authority == "T/L Ban Thường vụ" and title == "Phó Chánh Văn phòng":
        return ["T/L Ban Thường vụ", "K/T Chánh Văn phòng"]
    return []


def _joint(doc: Doc, rng: random.Random, seed: int) -> None:
    """A plan issued jointly with the provincial people's committee, signed by both."""
    c = doc.committee
    chair = cm.person(random.Random(f"{seed}|ubnd|{c.key}|{c.term(doc.day)}"), c.mountain)
    people = f"Ủy ban nhân dân {c.unit}"
    doc.variety.issuers = [doc.issuer, people]
    assert doc.signer is not None
    party = {**doc.signer, "authority": doc.variety.chain or [doc.signer["authority"]]}
    deputy = rng.random() < 0.5
    state = {
        "authority": ["TM. Ủy ban nhân dân", *(["KT. Chủ tịch"] if deputy else [])],
        "title": "Phó Chủ tịch" if deputy else "Chủ tịch",
        "name": chair,
    }
    doc.variety.signers = [party, state]
    doc.recipients.insert(1, "Các sở, ban, ngành tỉnh")


def render(doc: Doc, rng: random.Random) -> str:
    """The file of ``doc``: a central document written here; any other by ``bodies.render``
    with its kind's opening and closing and its fields beyond v1."""
    if doc.variety is not None and doc.variety.body:
        return doc.variety.body
    text = bodies.render(doc, rng)
    if doc.type in OTHER_KINDS:
        text = _reword(doc, text)
    return _fields(doc, text)


def _reword(doc: Doc, text: str) -> str:
    """The kind's own first paragraph and closing instead of a conclusion's."""
    spec, c, d = OTHER_KINDS[doc.type], doc.committee, doc.day
    slots = {"when": f"Ngày {d.day}/{d.month}/{d.year}", "cap": c.cap, "body": c.word}
    slots |= {"term": doc.meeting_term, "session": doc.session, "topic": doc.topic}
    slots |= {"unit": c.unit, "year": d.year, "end": d.year + 5}
    head, fence, body = text.partition("\n---\n\n")
    paragraphs = body.rstrip("\n").split("\n\n")
    paragraphs[0] = _spelt(doc, spec.opening.format_map(slots))
    last = max(i for i, p in enumerate(paragraphs) if not p.startswith("[^"))  # not a note
    number, _, _ = paragraphs[last].partition("\\. ")
    closing = _spelt(doc, spec.closing.format_map(slots))
    paragraphs[last] = f"{number}\\. {closing}" if number.isdigit() else closing
    return head + fence + "\n\n".join(paragraphs) + "\n"


def _spelt(doc: Doc, text: str) -> str:
    """Text in the spelling the rest of the document has (post-merger names, old tones)."""
    if doc.committee.level == "merged":
        text = re.sub("|".join(ph.MERGED), lambda m: ph.MERGED[m[0]], text)
    if doc.old_tone:
        text = re.sub("|".join(bodies.OLD_TONE), lambda m: bodies.OLD_TONE[m[0]], text)
    return text


def _fields(doc: Doc, text: str) -> str:
    """The v1 front matter ``bodies`` wrote, with the joint issuers, the joint signature
    blocks or the signing chain of ``doc``."""
    v = doc.variety
    if v is None:
        return text
    if v.issuers:
        line = f"issuer: {bodies.scalar(doc.issuer)}\n"
        text = text.replace(line, yaml_list("issuers", v.issuers), 1)
    if v.signers:
        block = re.compile(r"^signer:\n(?:  .*\n)+", re.M)
        text = block.sub(lambda _: yaml_signers(v.signers), text, count=1)
    elif v.chain and doc.signer:
        line = f"  authority: {bodies.scalar(doc.signer['authority'])}\n"
        chain = "".join(f"    - {bodies.scalar(a)}\n" for a in v.chain)
        text = text.replace(line, f"  authority:\n{chain}", 1)
    return text


def yaml_list(name: str, items: list[str]) -> str:
    """A front matter list: ``name:`` and one ``  - item`` a line."""
    return f"{name}:\n" + "".join(f"  - {bodies.scalar(item)}\n" for item in items)


def yaml_signers(signers: list[dict[str, Any]]) -> str:
    """``signers:`` with each block's authority lines, title and name."""
    out = ["signers:\n"]
    for block in signers:
        chain = "".join(f"      - {bodies.scalar(line)}\n" for line in block["authority"])
        out.append(f"  - authority:\n{chain}")
        if block.get("title"):
            out.append(f"    title: {bodies.scalar(block['title'])}\n")
        out.append(f"    name: {bodies.scalar(block['name'])}\n")
    return "".join(out)
