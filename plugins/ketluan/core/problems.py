"""Problems found in input files, reported all at once as ``path:line: field: what. Fix.``"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters (they would drive the terminal) and lone surrogates (a file name
that is not UTF-8, decoded with surrogateescape: printing it raises)."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, with where it is and what to do about it."""

    path: str
    line: int
    field: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        text = f"{where}:{field} {_sentence(self.message)}"
        text = f"{text} {_sentence(self.fix)}" if self.fix else text
        return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    """``\\x1b`` for a control character; ``\\xff`` for the byte a surrogate stands for."""
    code = ord(match.group())
    return f"\\x{code - 0xDC00 if 0xDC80 <= code <= 0xDCFF else code:02x}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


class ProblemsError(Exception):
    """Raised when input is invalid; carries every problem found, sorted by place."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        files = len({p.path for p in self.problems})
        head = f"{count} problem(s) in {files} file(s):"
        super().__init__("\n".join([head, *(str(p) for p in self.problems)]))
