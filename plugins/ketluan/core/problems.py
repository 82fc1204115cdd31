"""Problems found in input files, reported all at once as ``path:line: field: what. Fix.``"""

from __future__ import annotations

from dataclasses import dataclass


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
        return f"{text} {_sentence(self.fix)}" if self.fix else text


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
