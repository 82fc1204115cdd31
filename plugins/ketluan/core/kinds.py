"""The one catalogue of document kinds: what ``type:`` in front matter takes, and what a
cited document is.

Party kinds and their codes follow Hướng dẫn 36-HD/VPTW (2018) on Party documents; State
kinds follow Nghị định 30/2020/NĐ-CP (administrative documents) and the Law on legal
documents (Luật, Pháp lệnh, Nghị định, Thông tư...). Most kinds exist in both systems under
one name (a Nghị quyết of a Tỉnh ủy and of a HĐND), so a kind is one entry with the codes
each system prints in a số ký hiệu (``04-NQ/TU``, ``05/2019/NQ-HĐND``).

Corpus documents and cited documents use the same kinds. A citation files a document under
the kind its code names, because the code is what every citation of it shares: a Thông báo
kết luận and a Thông báo ý kiến are both numbered ``…-TB/…`` in one sequence, so citations
of either are filed under ``thong-bao`` (``cited_as``), and the URL of a cited document
(``/trich-dan/…/thong-bao/…``) does not depend on how each citing text words it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ketluan.core.text import fold


@dataclass(frozen=True)
class Kind:
    """A kind of document: slug in front matter and URLs, Vietnamese label, URL abbreviation
    of unnumbered documents (``tbkl-2021-07-23``), and what the portal does with it."""

    slug: str
    label: str
    abbr: str
    news: bool = False
    """News reports: no number, signer or recipients; an optional author."""
    conclusion: bool = False
    """Conclusions are the portal's focus: the home page and the site feed list them (with
    news reports of the meetings that adopt them)."""
    party: bool = False
    """Issued by Party bodies (Hướng dẫn 36-HD/VPTW)."""
    state: bool = False
    """Issued by State bodies (Nghị định 30/2020/NĐ-CP, Law on legal documents)."""
    party_codes: tuple[str, ...] = ()
    """Codes in Party numbers, as printed: ``NQ`` in ``04-NQ/TU``."""
    state_codes: tuple[str, ...] = ()
    """Codes in State numbers, as printed: ``QĐ`` in ``45/2018/QĐ-UBND``."""
    words: tuple[str, ...] = ()
    """Other words citations use for it before a number: "Chương trình hành động"."""
    cited_as: str | None = None
    """Slug of the kind citations file it under when its code is shared (see module)."""

    @property
    def cited_kind(self) -> str:
        """The kind a citation of a document of this kind is filed under."""
        return self.cited_as or self.slug

    @property
    def codes(self) -> tuple[str, ...]:
        """Every code it is printed with, Party codes first."""
        return self.party_codes + tuple(c for c in self.state_codes if c not in self.party_codes)


def _both(slug: str, label: str, abbr: str, *codes: str, **more: object) -> Kind:
    """A kind of both systems, printed with the same codes in each."""
    return Kind(
        slug, label, abbr, party=True, state=True, party_codes=codes, state_codes=codes, **more
    )  # type: ignore[arg-type]


CATALOGUE: tuple[Kind, ...] = (
    # The portal's focus: the conclusions of Party committees and news of their meetings.
    Kind("ket-luan", "Kết luận", "kl", conclusion=True, party=True, party_codes=("KL",)),
    Kind("thong-bao-ket-luan", "Thông báo kết luận", "tbkl", conclusion=True, party=True,
         party_codes=("TB",), cited_as="thong-bao"),
    Kind("thong-bao-y-kien", "Thông báo ý kiến", "tbyk", conclusion=True, party=True,
         party_codes=("TB",), cited_as="thong-bao"),
    Kind("tin-bai", "Tin bài", "tin", news=True),
    # Party and State documents. Order matters where two share a code: the first owns it
    # (QĐ is Quyết định unless the word before the number says Quy định).
    _both("nghi-quyet", "Nghị quyết", "nq", "NQ"),
    _both("chi-thi", "Chỉ thị", "ct", "CT"),
    _both("quyet-dinh", "Quyết định", "qd", "QĐ"),
    Kind("quy-dinh", "Quy định", "qdi", party=True, state=True, party_codes=("QĐi", "QĐ"),
         state_codes=("QyĐ",)),
    _both("de-an", "Đề án", "da", "ĐA"),
    _both("ke-hoach", "Kế hoạch", "kh", "KH"),
    _both("thong-bao", "Thông báo", "tb", "TB"),
    _both("huong-dan", "Hướng dẫn", "hd", "HD"),
    _both("chuong-trinh", "Chương trình", "ctr", "CTr", words=("Chương trình hành động",)),
    Kind("cong-van", "Công văn", "cv", party=True, state=True, party_codes=("CV",)),
    Kind("thong-tu", "Thông tư", "tt", state=True, state_codes=("TT",)),
    Kind("thong-tu-lien-tich", "Thông tư liên tịch", "ttlt", state=True, state_codes=("TTLT",)),
    Kind("nghi-dinh", "Nghị định", "nd", state=True, state_codes=("NĐ",)),
    Kind("luat", "Luật", "luat", state=True, words=("Bộ luật",)),
    Kind("hien-phap", "Hiến pháp", "hp", state=True),
    _both("bao-cao", "Báo cáo", "bc", "BC"),
    _both("to-trinh", "Tờ trình", "ttr", "TTr"),
    _both("quy-che", "Quy chế", "qc", "QC"),
    _both("cong-dien", "Công điện", "cd", "CĐ"),
    Kind("thong-tri", "Thông tri", "ttri", party=True, party_codes=("TT", "TTri")),
    Kind("phap-lenh", "Pháp lệnh", "pl", state=True),
    Kind("nghi-quyet-lien-tich", "Nghị quyết liên tịch", "nqlt", state=True,
         state_codes=("NQLT",)),
    _both("phuong-an", "Phương án", "pa", "PA"),
    Kind("dieu-le", "Điều lệ", "dl", party=True),
    Kind("van-ban", "Văn bản", "vb", party=True, state=True),
)  # fmt: skip
"""Every built-in kind, the portal's focus first."""

KINDS: dict[str, Kind] = {kind.slug: kind for kind in CATALOGUE}
"""Built-in kinds by slug (``nghi-quyet``)."""

GENERIC = "van-ban"
"""The kind of a cited document whose number and words name no kind ("Văn bản số …")."""


def with_extra(extra: dict[str, Kind]) -> dict[str, Kind]:
    """The built-in kinds and configured ones (``extra_types`` in mkdocs.yml); a configured
    kind with a built-in slug keeps the built-in's codes and systems, and takes its label,
    abbreviation, news and conclusion flags from the configuration."""
    found = dict(KINDS)
    for slug, kind in extra.items():
        builtin = KINDS.get(slug)
        found[slug] = (
            kind
            if builtin is None
            else replace(
                builtin,
                label=kind.label,
                abbr=kind.abbr,
                news=kind.news,
                conclusion=kind.conclusion,
            )
        )
    return found


def _code(value: str) -> str:
    """A code as numbers are compared: folded, upper case (``QĐi`` -> ``QDI``)."""
    return fold(value).upper()


def _code_map(party: bool) -> dict[str, str]:
    """Folded code -> cited kind slug, this system's codes first, then the other's."""
    found: dict[str, str] = {}
    own = [(k, k.party_codes if party else k.state_codes) for k in CATALOGUE]
    other = [(k, k.state_codes if party else k.party_codes) for k in CATALOGUE]
    for kind, codes in own + other:
        if kind.cited_as is None:
            for code in codes:
                found.setdefault(_code(code), kind.slug)
    return found


PARTY_CODES = _code_map(party=True)
"""Folded code of a Party number -> kind: ``TT`` is Thông tri (``05-TT/TW``)."""
STATE_CODES = _code_map(party=False)
"""Folded code of a State number -> kind: ``TT`` is Thông tư (``04/2022/TT-BXD``)."""


def by_code(code: str | None, party: bool) -> str | None:
    """The kind a folded type code names in a Party or State number, None if none."""
    return (PARTY_CODES if party else STATE_CODES).get(code or "")


def is_state_code(code: str) -> bool:
    """True when ``code`` (folded) is a type code of State numbers (``QD`` in
    ``45/2018/QĐ-UBND``), not the first part of an issuer (``UBND`` in ``1360/UBND-NN``)."""
    return code in STATE_CODES


def cited_words() -> list[str]:
    """Words that name a kind before a number in a citation, for the citation matcher:
    labels of every kind but news and the generic one, and their other words."""
    labels = [k.label for k in CATALOGUE if not k.news and k.slug != GENERIC]
    return labels + [word for k in CATALOGUE for word in k.words]


WORDS: dict[str, str] = {
    fold(word): kind.cited_kind
    for kind in CATALOGUE
    if not kind.news
    for word in (kind.label, *kind.words)
}
"""Folded word before a number -> cited kind (``thông báo kết luận`` -> ``thong-bao``)."""


def by_word(word: str | None) -> str | None:
    """The cited kind a word before a number names, None if none."""
    return WORDS.get(fold(word)) if word else None
