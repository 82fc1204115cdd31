"""Regular expressions compiled on first use.

The citation, task and agency matchers are a few very long patterns (issuing bodies, agency
lists, numbers) whose compilation takes most of a second. Every build imports these modules,
since the planned pages refer to their classes, but a build that plans nothing never
matches a text: compiled at import, they would make up most of its time.
"""

from __future__ import annotations

import re
from typing import Any, cast


class _Later:
    """A pattern that compiles itself the first time one of its methods is read; each
    method read is then kept on the instance, so later calls cost what the compiled
    pattern's do. ``pattern`` and ``flags`` are there without compiling (patterns are
    built from other patterns' text)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self._flags)
        value = getattr(self._compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"compiled_later({self.pattern[:40]!r}…)"


def compiled_later(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _Later(pattern, flags))
