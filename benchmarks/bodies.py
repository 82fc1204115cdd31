"""Text of a generated conclusion: front matter in the schema's order and a body laid out
like the published documents of its type (headings, numbered tasks, lists, italics,
footnotes, citations), grown to the document's target size."""

from __future__ import annotations

import json
import random
import re
from typing import TYPE_CHECKING

import catalogue as cat
import committees as cm
import phrases as ph

if TYPE_CHECKING:
    from generate import Doc, Planned

MAX_BYTES = 24_900
"""Largest file: under 25 KB whether a KB is 1000 or 1024 bytes."""
CITABLE = ("p", "li")
"""Blocks a citation or footnote marker may be added to (not headings, lead-ins, captions)."""
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#]*(?<![\s:])")
_SPECIAL = re.compile(r"(?i)(true|false|yes|no|on|off|null|~|[-+.\d:]+)")
_RURAL = re.compile(ph.RURAL)
OLD_TONE = {"ủy": "uỷ", "Ủy": "Uỷ", "hòa": "hoà", "Hòa": "Hoà", "hóa": "hoá", "thủy": "thuỷ"}
Blocks = list[tuple[str, str]]


def scalar(value: str) -> str:
    """A YAML scalar as people write it: plain when safe, else in double quotes."""
    if _PLAIN.fullmatch(value) and ": " not in value and not _SPECIAL.fullmatch(value):
        return value
    return json.dumps(value, ensure_ascii=False)


def front_matter(doc: Doc) -> str:
    """Front matter in the order of the authoring guide and the seeds."""
    lines = ["---", f"title: {scalar(doc.title)}", f"type: {doc.type}"]
    if not doc.news:
        lines.append(f"number: {scalar(doc.number) if doc.number else 'null'}")
    lines += [f"date: {doc.day.isoformat()}", f"issuer: {scalar(doc.issuer)}"]
    lines.append(f"province: {scalar(doc.province)}")
    if doc.district:
        lines.append(f"district: {scalar(doc.district)}")
    if doc.meeting:
        lines.append(f"meeting: {scalar(doc.meeting)}")
    if doc.signer:
        lines.append("signer:")
        lines += [
            f"  {k}: {scalar(doc.signer[k])}"
            for k in ("authority", "title", "name")
            if k in doc.signer
        ]
    if doc.author:
        lines.append(f"author: {scalar(doc.author)}")
    if doc.recipients:
        lines += ["recipients:", *(f"  - {scalar(item)}" for item in doc.recipients)]
    if doc.references:
        lines += ["references:", *(f"  - {item}" for item in doc.references)]
    if doc.relations:
        lines += ["relations:", *(f"  - {item}" for item in doc.relations)]
    lines += ["tags:", *(f"  - {scalar(tag)}" for tag in doc.tags)]
    return "\n".join([*lines, "---", "", ""])


def finish(doc: Doc, rng: random.Random, seed: int) -> None:
    """Meeting, signer block (every form the seeds show), recipients, markup choices."""
    c, d = doc.committee, doc.day
    term = c.term(d)
    khoa = 18 + (hash_of(c.key) % 10) if c.level == "district" else 14 + (hash_of(c.key) % 6)
    khoa -= 1 if term.year < 2020 else 0
    doc.meeting_term = f"khóa {cm.roman(khoa)}, nhiệm kỳ {term.year}-{term.year + 5}"
    if c.level == "merged":
        doc.meeting_term = "nhiệm kỳ 2025-2030"
    if doc.type == "ket-luan" and doc.issuer == c.name:
        doc.meeting = f"Kỳ họp thứ {doc.session} Ban Chấp hành Đảng bộ {c.cap} ({doc.meeting_term})"
    elif doc.place_visited:
        doc.meeting = f"Buổi làm việc của Thường trực {c.word} với {doc.place_visited}"
    elif rng.random() < 0.6:
        doc.meeting = rng.choice(ph.MEETINGS).format(
            committee=c.name,
            month=d.month,
            year=d.year,
            quarter=cm.roman((d.month + 2) // 3),
            xa=rng.choice(ph.COMMUNE_FIRST) + " " + rng.choice(ph.COMMUNE_SECOND),
        )
    if doc.news:
        doc.author = rng.choice(ph.PEN_NAMES)
    else:
        doc.signer = signer(doc, rng, seed)
        groups = ph.RECIPIENTS_DISTRICT if c.level == "district" else ph.RECIPIENTS_PROVINCE
        unit = doc.visited.unit if doc.visited else c.unit
        top = c.parent.word if c.parent else c.word
        xa = f"{rng.choice(ph.COMMUNE_FIRST)} {rng.choice(ph.COMMUNE_SECOND)}"
        for group in groups:
            options = [o for o in group if ("phường" in o) == (c.cap == "quận")] or group
            if rng.random() < 0.85:
                doc.recipients.append(
                    rng.choice(options).format(cap=c.cap, body=c.word, unit=unit, xa=xa, top=top)
                )
    doc.footnotes = rng.choice((1, 2, 3)) if not doc.news and rng.random() < 0.35 else 0
    doc.old_tone = hash_of(c.key) % 7 == 0


SIGNERS = {
    "bch": (("T/M {word}", "Bí thư", "bi-thu"), ("T/M {word}", "Phó Bí thư", "pho-bi-thu")),
    "btv": (("T/M Ban Thường vụ", "Bí thư", "bi-thu"), ("K/T Bí thư", "Phó Bí thư", "pho-bi-thu")),
    "thong-bao-ket-luan": (
        ("T/L Ban Thường vụ", "Chánh Văn phòng", "chanh-vp"),
        ("K/T Bí thư", "Phó Bí thư", "pho-bi-thu-2"),
        ("", "", "chanh-vp"),
    ),
    "thong-bao-y-kien": (
        ("T/L Ban Thường vụ", "Chánh Văn phòng", "chanh-vp"),
        ("T/L Ban Thường vụ", "Phó Chánh Văn phòng", "pho-chanh-vp"),
        ("", "", "chanh-vp"),
    ),
}
"""Signature blocks (authority, title, who) as the seeds print them; empty: the bare name."""


def signer(doc: Doc, rng: random.Random, seed: int) -> dict[str, str]:
    """A conclusion of the executive committee is signed on its behalf (T/M Huyện ủy), one
    of the standing committee by the secretary or a deputy (T/M Ban Thường vụ, K/T Bí thư),
    a notice by the office (T/L Ban Thường vụ) or with the name alone."""
    c = doc.committee
    group = doc.type
    if doc.type == "ket-luan":
        group = "bch" if doc.issuer == c.name else "btv"
    authority, title, role = rng.choice(SIGNERS[group])
    block = {"authority": authority.format(word=c.word), "title": title}
    block["name"] = c.official(role, doc.day, seed)
    return {key: value for key, value in block.items() if value}


def hash_of(text: str) -> int:
    """A stable small hash (``hash()`` changes between runs)."""
    return sum(ord(ch) * (i + 1) for i, ch in enumerate(text))


def upper_first(text: str) -> str:
    """Sentence case for a sentence built from lower-case parts."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """A sentence continued after "Tuy nhiên, " (an acronym such as UBND stays)."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


class Writer:
    """Fills phrase templates for one document: fresh numbers in every sentence, no
    sentence of a pool twice before the pool is used up, no rural text in an urban quận."""

    def __init__(self, doc: Doc, rng: random.Random) -> None:
        self.doc, self.rng = doc, rng
        c = doc.committee
        self.urban = c.cap == "quận"
        self.used: dict[int, list[str]] = {}
        self.actors = ph.ACTORS_DISTRICT if c.level == "district" else ph.ACTORS_PROVINCE
        self.base = {"unit": c.unit, "cap": c.cap, "body": c.word, "who": doc.leader}
        year = doc.day.year
        self.base |= {"year": year, "prev": year - 1, "next": year + 1, "month": doc.day.month}
        self.base["period"] = f"từ đầu năm {year} đến nay"

    def fill(self, template: str, **extra: str) -> str:
        """``template`` with its slots filled, numbers drawn afresh."""
        r = self.rng
        slots = dict(self.base, **extra)
        slots |= {"xa": self.commune(), "xa2": self.commune(), "pct": r.randint(12, 98)}
        slots |= {"pct2": r.randint(40, 99), "n": r.randint(2, 19), "n2": r.randint(20, 480)}
        slots |= {"ha": r.randint(3, 950), "ty": r.randint(40, 2900), "km": r.randint(3, 85)}
        slots["d"] = r.randint(1, 9)
        slots["dl"] = f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{self.doc.day.year + 1}"
        return template.format_map(slots)

    def commune(self) -> str:
        return f"{self.rng.choice(ph.COMMUNE_FIRST)} {self.rng.choice(ph.COMMUNE_SECOND)}"

    def choice(self, pool: list[str]) -> str:
        """One template of ``pool``, filled (rural ones left out in a quận)."""
        if self.urban:
            pool = [s for s in pool if not _RURAL.search(s)] or pool
        return self.fill(self.rng.choice(pool))

    def pick(self, pool: list[str], count: int = 1) -> list[str]:
        """``count`` sentences of ``pool``, filled, none repeated until all were used."""
        out = []
        for _ in range(count):
            left = self.used.get(id(pool)) or [
                s for s in pool if not (self.urban and _RURAL.search(s))
            ]
            out.append(self.fill(left.pop(self.rng.randrange(len(left)))))
            self.used[id(pool)] = left
        return out

    def task(self, plain: bool = False) -> str:
        """ "<who> <does> <what><how>." with a standing order or an italic aside at times."""
        r = self.rng
        text = f"{self.choice(self.actors)} {r.choice(ph.VERBS)} {self.choice(ph.OBJECTS)}"
        text += self.fill(r.choice(ph.QUALIFIERS)) + "."
        if plain:
            return upper_first(text)
        if r.random() < 0.5:
            text += " " + self.pick(ph.ORDERS)[0]
        if r.random() < 0.25:
            text = text[:-1] + f" (*{self.choice(ph.ASIDES)}*)."
        return upper_first(text)

    def tasks(self, count: int, style: str) -> Blocks:
        """``count`` numbered paragraphs (``(1)``, ``(1)-``) or bullets of tasks."""
        leads = {"paren": "({i}) ", "dash": "({i})- ", "bullet": "- "}
        kind = "li" if style == "bullet" else "p"
        return [(kind, leads[style].format(i=i) + self.task()) for i in range(1, count + 1)]

    def citation(self, planned: Planned) -> str:
        """A sentence citing ``planned.ref`` (and, for a list, its pair, whose issuer
        phrase then serves both)."""
        r, ref = self.rng, planned.ref
        phrases = () if planned.pair else planned.phrases
        text = cat.write(ref, r, dated=planned.dated, phrases=phrases)
        if planned.pair is not None:
            other = cat.write(planned.pair, r, dated=True, phrases=planned.pair.issuers)
            text = f"{text} và {other}"
        parts = {"actor": self.choice(self.actors), "verb": r.choice(ph.VERBS)}
        parts |= {"object": self.choice(ph.OBJECTS), "qual": self.fill(r.choice(ph.QUALIFIERS))}
        return upper_first(self.fill(r.choice(cat.CITE_FRAMES), cite=text, **parts))


def opening(doc: Doc, w: Writer) -> str:
    """The first paragraph: who met, when, and that they concluded, by type."""
    c, d = doc.committee, doc.day
    when = f"Ngày {d.day}/{d.month}/{d.year}"
    if doc.type == "ket-luan" and doc.issuer == c.name:
        return (
            f"{when}, Ban Chấp hành Đảng bộ {c.cap} ({doc.meeting_term}) họp kỳ thứ {doc.session} "
            "theo Quy chế làm việc. Sau khi nghe các nội dung báo cáo trình tại kỳ họp và ý kiến "
            "thảo luận, đề xuất của các đại biểu; Ban Chấp hành Đảng bộ "
            f"{c.cap} thống nhất kết luận:"
        )
    if doc.type == "ket-luan":
        return (
            f"{when}, Ban Thường vụ {c.word} họp nghe báo cáo về {doc.topic}. Sau khi nghe báo cáo "
            f"và ý kiến thảo luận của các đồng chí dự họp, Ban Thường vụ {c.word} kết luận như sau:"
        )
    if doc.type == "thong-bao-ket-luan":
        guest = (
            doc.place_visited or f"{'Đảng ủy phường' if w.urban else 'Đảng ủy xã'} {w.commune()}"
        )
        return (
            f"{when}, Đoàn công tác của Thường trực {c.word} do đồng chí {doc.leader}, "
            f"{doc.leader_title} làm Trưởng đoàn, thăm và làm việc với {guest}. Tham gia Đoàn công "
            "tác có đại diện lãnh đạo các cơ quan, đơn vị liên quan. Sau khi đi kiểm tra thực địa "
            "và nghe báo cáo, ý kiến phát biểu của các đồng chí thành viên Đoàn công tác, đồng chí "
            f"{doc.leader} thống nhất, kết luận:"
        )
    return (
        f"{when}, Thường trực {c.word} giao ban với Thường trực HĐND, lãnh đạo UBND {c.cap}. Dự "
        f"họp có lãnh đạo các ban đảng, Chủ tịch Ủy ban MTTQ {c.cap} và các cơ quan, đơn vị liên "
        "quan. Sau khi nghe báo cáo và các ý kiến thảo luận, Thường trực "
        f"{c.word} có ý kiến như sau:"
    )


def section(doc: Doc, w: Writer, index: int, style: str, table: bool) -> Blocks:
    """One numbered part: heading, assessment, then numbered or bulleted tasks."""
    r = w.rng
    title = f"Về {doc.topic if index == 1 else r.choice(ph.TOPICS)[0]}"
    if style == "tbyk":
        head = f"{index}- {title}"
    elif style == "tbkl" and r.random() < 0.5:
        head = f"{index}\\. {title}"
    else:
        head = f"## {index}. {title}"
    blocks = [("h", head), ("p", " ".join(w.pick(ph.ACHIEVEMENTS, r.randint(3, 6))))]
    if index == 1 or r.random() < 0.5:
        weak = " ".join(w.pick(ph.LIMITATIONS, r.randint(2, 4)))
        blocks.append(("p", "Tuy nhiên, " + lower_first(weak)))
    if index == 1 and doc.type != "thong-bao-y-kien":
        blocks.append(("p", w.pick(ph.CAUSES)[0]))
    if table:
        blocks.append(("table", indicators(w)))
    blocks.append(
        ("lead", "Thời gian tới, đề nghị tập trung thực hiện tốt một số nhiệm vụ trọng tâm sau:")
    )
    kind = {"tbyk": "bullet", "tbkl": "dash"}.get(style) or r.choice(("paren", "paren", "bullet"))
    return blocks + w.tasks(r.randint(2, 5), kind)


def indicators(w: Writer) -> str:
    """A small plan-versus-result table, as some conclusions include."""
    rows = ["| Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ (%) |", "|---|---:|---:|---:|"]
    for name in (
        "Thu ngân sách (tỷ đồng)",
        "Giải ngân vốn đầu tư công (tỷ đồng)",
        "Kết nạp đảng viên",
    ):
        plan = w.rng.randint(20, 900)
        done = w.rng.randint(plan // 3, plan)
        rows.append(f"| {name} | {plan} | {done} | {done * 100 // plan} |")
    return "\n".join(rows)


def caption(w: Writer) -> tuple[str, str]:
    """A photo caption of a news report, in italics as portals print it."""
    return ("caption", f"*{w.choice(ph.CAPTIONS)}*")


def news_paragraph(doc: Doc, w: Writer) -> str:
    """A paragraph of a news report: figures, what was discussed, or what the leader asked."""
    r = w.rng
    roll = r.random()
    if roll < 0.35:
        return " ".join(w.pick(ph.ACHIEVEMENTS, r.randint(2, 4)))
    if roll < 0.55:
        return " ".join(w.pick(ph.NEWS_REPORTS, r.randint(1, 2)))
    asks = "; ".join(w.task(plain=True)[:-1] for _ in range(r.randint(2, 3)))
    return f"{w.fill(r.choice(ph.NEWS_DIRECTIVES))} {asks}."


def grow(doc: Doc, w: Writer, budget: int) -> Blocks:
    """Body blocks until about ``budget`` bytes: more parts (or news paragraphs) as needed."""
    r, c, d = w.rng, doc.committee, doc.day
    if doc.news:
        who = f"đồng chí {doc.leader}, {doc.leader_title}"
        when = f"{r.choice(('Sáng', 'Chiều', 'Ngày'))} {d.day}/{d.month}"
        unit = doc.place_visited or c.unit
        lead = r.choice(ph.NEWS_LEADS).format(
            when=when, who=who, what=doc.topic, body=c.word, unit=unit
        )
        blocks = [("p", upper_first(lead)), caption(w)]
        blocks.append(("p", "Tuy nhiên, " + lower_first(" ".join(w.pick(ph.LIMITATIONS, 2)))))
    else:
        blocks = [("p", opening(doc, w))]
    style = {"thong-bao-ket-luan": "tbkl", "thong-bao-y-kien": "tbyk"}.get(doc.type, "kl")
    index, table = 1, r.random() < 0.15
    while _size(blocks) < budget:
        if doc.news:
            blocks.append(("p", news_paragraph(doc, w)))
            if r.random() < 0.15:
                blocks.append(caption(w))
        else:
            blocks += section(doc, w, index, style, table and index == 2)
            index += 1
    if doc.news:
        blocks.append(("end", " ".join(w.pick(ph.ORDERS, 2))[:-1] + "…/."))
    else:
        closing = w.choice(ph.CLOSINGS_KL if doc.type == "ket-luan" else ph.CLOSINGS_TB)
        blocks.append(("end", f"{index}\\. {closing}" if style == "kl" else closing))
    return blocks


def _size(blocks: Blocks) -> int:
    return sum(len(text.encode()) + 2 for _, text in blocks)


def render(doc: Doc, rng: random.Random) -> str:
    """The whole file: front matter, body with citations and footnotes, within MAX_BYTES."""
    w = Writer(doc, rng)
    head = front_matter(doc)
    citations = [w.citation(planned) for planned in doc.cites]
    notes = [w.fill(rng.choice(ph.FOOTNOTES)) for _ in range(doc.footnotes)]
    extra = sum(len(c.encode()) + 1 for c in citations) + sum(len(n.encode()) + 8 for n in notes)
    extra += sum(len(s.encode()) + 2 for s in doc.stated)
    blocks = grow(doc, w, max(400, doc.target - len(head.encode()) - extra))
    blocks[1:1] = [("lead", sentence) for sentence in doc.stated]  # after the opening
    slots = [i for i, (kind, _) in enumerate(blocks) if kind in CITABLE and i > 0]
    marked = set()
    for n, sentence in enumerate(citations):
        i = slots[n * len(slots) // len(citations)]
        blocks[i] = (blocks[i][0], f"{blocks[i][1]} {sentence}")
        marked.add(i)
    for n in range(len(notes)):
        i = slots[(2 * n + 1) * len(slots) // (2 * len(notes))]
        kind, text = blocks[i]
        cut = text.find(";") if ";" in text[:-1] else len(text) - 1
        blocks[i] = (kind, f"{text[:cut]}[^{n + 1}]{text[cut:]}")
        marked.add(i)
    fixed = len(head.encode()) + sum(len(n.encode()) + 8 for n in notes)
    while fixed + _size(blocks) > MAX_BYTES:  # rare: drop the longest unmarked paragraph
        spare = [i for i in slots if i not in marked and blocks[i][1]]
        blocks[max(spare, key=lambda i: len(blocks[i][1]))] = ("p", "")
    text = _join([b for b in blocks if b[1]])
    if doc.committee.level == "merged":
        text = re.sub("|".join(ph.MERGED), lambda m: ph.MERGED[m[0]], text)
    if doc.old_tone:
        text = re.sub("|".join(OLD_TONE), lambda m: OLD_TONE[m[0]], text)
    if notes:
        text += "\n" + "\n\n".join(f"[^{n}]: {note}" for n, note in enumerate(notes, 1)) + "\n"
    return head + text


def _join(blocks: Blocks) -> str:
    out = []
    for i, (kind, text) in enumerate(blocks):
        tight = kind == "li" and i > 0 and blocks[i - 1][0] == "li"
        out.append(("\n" if tight else "\n\n") + text if out else text)
    return "".join(out) + "\n"
