"""Whitespace of rendered pages: every run that spans lines becomes one line break.

Material's templates and ours are indented for their readers, and Jinja keeps each line
around a ``{% if %}`` or ``{% for %}``: about 3.5 KB of a 30 KB page was spaces and empty
lines (BENCHMARKS.md, "Output size"). A browser treats a run of HTML whitespace (space,
tab, line feed, form feed, carriage return) as one space wherever CSS lets it collapse, so
a run that holds a line break is replaced by a single line break: the page renders and
reads the same, and text never runs together (a run is shortened, never removed, so
``text_content()`` sees the same words). Where whitespace is kept as written it
is left alone: ``pre``, ``textarea``, ``script`` and ``style``, and ``code`` and ``kbd``,
which Material sets to ``white-space: pre-wrap``. Attribute values are not parsed apart:
such a run inside one (a hand-written multi-line ``title``) is shortened too, which only a
tooltip would show.
"""

from __future__ import annotations

import re
from itertools import repeat

KEPT = re.compile(r"<(pre|textarea|script|style|code|kbd)\b.*?</\1\s*>", re.S | re.I)
"""Elements whose whitespace is kept as written (the first closing tag ends one)."""
SPACE = " \t\r\f"
"""HTML whitespace besides the line feed (``str.strip()`` would also take U+00A0)."""


def compact_html(html: str) -> str:
    """``html`` with every whitespace run that holds a line break made one line break,
    outside the elements of ``KEPT``.

    >>> compact_html('<ul>\\n    <li>a</li>\\n\\n    <li>b</li>\\n</ul>')
    '<ul>\\n<li>a</li>\\n<li>b</li>\\n</ul>'
    >>> compact_html('<p>a  b</p>\\n  <pre>  x\\n\\n  y</pre>')
    '<p>a  b</p>\\n<pre>  x\\n\\n  y</pre>'
    """
    parts: list[str] = []
    end = 0
    for match in KEPT.finditer(html):
        parts += (_squeeze(html[end : match.start()]), match.group())
        end = match.end()
    parts.append(_squeeze(html[end:]))
    return "".join(parts)


def _squeeze(text: str) -> str:
    if "\n" not in text:
        return text
    first, *middle, last = text.split("\n")
    lines = [line for line in map(str.strip, middle, repeat(SPACE)) if line]
    return "\n".join([first.rstrip(SPACE), *lines, last.lstrip(SPACE)])
