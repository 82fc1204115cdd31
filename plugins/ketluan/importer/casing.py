"""Sentence case for ALL-CAPS headings and signature lines (``CỦA BAN CHẤP HÀNH ĐẢNG BỘ
HUYỆN`` -> ``của Ban Chấp hành Đảng bộ huyện``).

Capitalisation of Party and state bodies and titles follows fixed rules, listed in CASING;
names and other phrases take the capitalisation the same document's body gives them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ketluan.core.text import new_tone_placement

CASING = [
    "Ban Chấp hành",
    "Ban Thường vụ",
    "Thường trực",
    "Tỉnh ủy",
    "Huyện ủy",
    "Thành ủy",
    "Thị ủy",
    "Đảng ủy",
    "Đảng bộ",
    "Đảng",
    "Bí thư",
    "Phó Bí thư",
    "Chánh Văn phòng",
    "Phó Chánh Văn phòng",
    "Văn phòng",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ủy ban Kiểm tra",
    "Mặt trận Tổ quốc",
    "Ban Tổ chức",
    "Ban Tuyên giáo",
    "Ban Dân vận",
    "Ban Nội chính",
    "Ban cán sự đảng",
    "Đảng đoàn",
    "Trung ương",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Ủy viên",
    "Hội nghị",
    "Nhân dân",
    "Việt Nam",
    "Chính phủ",
    "Thủ tướng",
    "Phó Thủ tướng",
    "Quốc hội",
    "Ủy ban Thường vụ Quốc hội",
    "Tổng Bí thư",
    "Bộ trưởng",
    "Thứ trưởng",
    "Chủ nhiệm",
    "Phó Chủ nhiệm",
    "Chánh án",
    "Phó Chánh án",
    "Viện trưởng",
    "Phó Viện trưởng",
    "Bộ Công an",
    "Bộ Quốc phòng",
    "Bộ Công Thương",
    "Bộ Lao động",
    "Thương binh và Xã hội",
    "Viện kiểm sát nhân dân",
    "Tòa án nhân dân",
]
"""Capitalisation of Party and state bodies and titles (Quy định về thể thức văn bản của
Đảng), used to write ALL-CAPS headings in sentence case."""

ACRONYMS = {"UBND", "HĐND", "MTTQ", "BTV", "BCH", "UBKT", "VPTU", "OCOP", "TW", "TƯ", "HU", "TU"}
_ROMAN = re.compile(r"^[IVXLC]+$")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def is_upper(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _key(words: list[str]) -> str:
    return new_tone_placement(" ".join(w.lower() for w in words))


def _lexicon() -> dict[str, tuple[bool, ...]]:
    return {_key(p.split()): tuple(w[0].isupper() for w in p.split()) for p in CASING}


@dataclass
class Casing:
    """Capitalisation patterns of phrases: the CASING list, then phrases of the body.

    The body's phrases are counted only when a heading actually needs them (most
    documents' headings are found in CASING or need no lookup at all)."""

    body: str = ""
    _patterns: dict[str, tuple[bool, ...]] | None = field(default=None, repr=False)

    @classmethod
    def from_body(cls, body: str) -> Casing:
        return cls(body)

    @property
    def patterns(self) -> dict[str, tuple[bool, ...]]:
        if self._patterns is None:
            self._patterns = {**self._body_patterns(), **_lexicon()}
        return self._patterns

    def _body_patterns(self) -> dict[str, tuple[bool, ...]]:
        """Most frequent capitalisation of each 2-4 word phrase not starting a sentence."""
        seen: dict[str, Counter[tuple[bool, ...]]] = defaultdict(Counter)
        for sentence in re.split(r"[.;:!?()\n,“”\"]+", new_tone_placement(self.body)):
            words = _WORD.findall(sentence)
            lows = [w.lower() for w in words]
            caps = [w[0].isupper() for w in words]
            shouted = [len(w) > 1 and w.isupper() for w in words]
            for n in (2, 3, 4):
                for i in range(1, len(words) - n + 1):  # skip the sentence-initial word
                    if not any(shouted[i : i + n]):
                        seen[" ".join(lows[i : i + n])][tuple(caps[i : i + n])] += 1
        patterns = {}
        for key, counts in seen.items():
            pattern = counts.most_common(1)[0][0]
            if any(pattern):
                patterns[key] = pattern
        return patterns

    def sentence_case(self, text: str) -> str:
        """Rewrite runs of ALL-CAPS words in sentence case, keeping acronyms and numbers."""
        parts = re.split(r"(\s+)", text.strip())
        words = parts[::2]
        out = list(words)
        i = 0
        while i < len(words):
            j = i
            while j < len(words) and self._caps(words[j]):
                j += 1
            if j - i >= 2 or (j - i == 1 and i == 0 and len(words) == 1):
                out[i:j] = self._case_run(words[i:j])
                i = j
            else:
                i += 1
        parts[::2] = out
        result = "".join(parts)
        return result[:1].upper() + result[1:]

    @staticmethod
    def _caps(word: str) -> bool:
        return is_upper(word) and not any(c.isdigit() for c in word)

    def _case_run(self, run: list[str]) -> list[str]:
        out = [w if w in ACRONYMS or _ROMAN.match(w) else w.lower() for w in run]
        i = 0
        while i < len(run):
            for n in range(min(5, len(run) - i), 0, -1):
                pattern = self.patterns.get(_key(run[i : i + n]))
                if pattern:
                    for k, upper in enumerate(pattern):
                        if upper and out[i + k] not in ACRONYMS:
                            out[i + k] = out[i + k][:1].upper() + out[i + k][1:]
                    i += n
                    break
            else:
                i += 1
        return out
