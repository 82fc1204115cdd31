"""Structural limits on a document body: what keeps Python-Markdown's time linear.

Python-Markdown reads some inputs in time quadratic in the length of a paragraph (the text
between two blank lines), or recurses once per nesting level; a body of a few hundred KB can
then take minutes, or fail with a traceback (BENCHMARKS.md, "Hostile inputs: bodies"):

- every ``[`` is matched with its ``]``, every ``](`` with its ``)`` and every run of
  backticks with the next run of its length by a Python loop over the characters that
  follow: to the end of the paragraph when it is never closed;
- every inline construct (emphasis, code, entity, tag, escape, line break) rebuilds the text
  of its paragraph, and each unmatched opener is searched for to the paragraph's end;
- every heading, rule, setext underline, definition or admonition line inside a paragraph
  ends a block early: the block processors then reread the rest of the paragraph;
- lists, quotes and admonitions nest by recursion, which fails past a few hundred levels;
- every block (paragraph, heading, list item, table cell) costs tens of microseconds, and
  Python-Markdown moves its whole list of pending blocks for each one.

``body_problems`` measures each of these in one linear pass over the body and refuses a body
past a limit with its line and what to do. The limits are set from measurements so that a
body just under all of them (even at the 2 MB file limit) renders in a few seconds, and the
real documents of ``/work/shared/real-texts``, the sample and the benchmark corpus stay far
below (measured in BENCHMARKS.md). They hold for the Markdown extensions of ``mkdocs.yml``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ketluan.core.problems import Problem

MAX_DEPTH = 16
"""Levels of nesting (quotes, list items, admonitions, footnotes) a line may open. Real
documents use two or three; Python-Markdown fails with a RecursionError at a few hundred."""
MAX_BRACKET_READS = 1_500_000
"""Characters read in all to match brackets: a ``[`` reads to its ``]`` (to the end of its
paragraph when never closed), a link's ``(`` to its ``)``. Up to 700 ns each (measured):
about a second at the limit."""
MAX_BACKTICK_READS = 10_000_000
"""Characters read in all to close code spans: a run of backticks reads to the next run of
its length (to the end of its paragraph when there is none), and so may each backtick of a
run. Up to 100 ns each (measured): about a second at the limit."""
MAX_INLINE_READS = 500_000_000
"""Characters read in all for inline markup: each of ``MARKS`` (and each hard line break)
counts the length of its paragraph. Up to 2 ns each (measured): about a second."""
MAX_BLOCK_READS = 15_000_000
"""Characters read in all by the block processors: each line that ends a block early (an
ATX heading, a rule or setext underline, a definition, an admonition) counts the length of
its paragraph plus 3 per line of it. Up to 75 ns each (measured): about a second."""
MAX_BLOCKS = 30_000
"""Paragraphs, headings, list items, rules and table cells of a body (an upper bound: lines
that are blank or start a block, and every "|"). Python-Markdown spends 15 µs (a table
cell) to 80 µs (a quoted paragraph) on each (measured) and moves its whole list of blocks
for each: up to about 2.5 s at the limit. Real documents have one per 50 to 100 characters
(558 in the largest imported real text, 48 KB)."""
MARKS = "`\\*_[<&~=^"
"""Characters that start an inline construct: Python-Markdown's (code, escape, emphasis,
link, tag or autolink, entity) and the common pymdownx ones (~~, ==, ^^)."""

_PARAGRAPH = re.compile(r"(?:^[ \t]*+[^ \t\n][^\n]*+(?:\n|\Z))++", re.M)
_MARK = re.compile("[" + re.escape(MARKS) + "]|(?<! ) {2,}+\n")
_BLOCK_END = re.compile(
    r"^(?:[ \t>]++|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))*+"  # what a quote, list or admonition strips
    r"(?:#|(?:[-=_*] *+)++$|\[[^\]\n]*+\]:|!!!|\?\?\?)",
    re.M,
)
_BLOCK_LINE = re.compile(
    r"^[ \t>]*+(?:(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)|$|#|\||!!!|\?\?\?|\[[^\]\n]*+\]:"
    r"|(?:[-=_*] *+)++$)",
    re.M,
)
_BRACKET = re.compile(r"\\.|[\[\]()'\"]", re.S)
_BACKTICKS = re.compile(r"`+")
_INDENTED = re.compile(r" {0,3}\t| {4}")
_CODE_LINES = re.compile(r"(?:(?: {0,3}\t| {4})[^\n]*+(?:\n|\Z))++")
_CONTAINER = re.compile(
    r"^ {0,3}+(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|!!!|\?\?\?|\[\^[^\]\n]*+\]:)", re.M
)
_NESTING = re.compile(
    r"[ \t]*+(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)|!!!|\?\?\?|\[\^[^\]\n]*+\]:)", re.M
)
_DEEP = re.compile(
    r"\n(?:[ \t]*+(?:(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t\n]|\Z)|!!!|\?\?\?|\[\^[^\]\n]*+\]:)"
    r"[ \t]*+){2,}|[ \t]*+\t| {8})"
)
"""A line that may nest two levels deeper than the line before: two markers, a tab or eight
spaces of indentation. Without one, no line nests more than two levels (see ``_deepest``)."""
_NESTED_LINE = re.compile(r"^(?=[ \t]*+(?:[>!?\[*+-]|\d))(?! {0,3}+(?:[-*_] *+)++$)", re.M)


@dataclass(frozen=True)
class _Measure:
    """One kind of work Python-Markdown does per paragraph, and its limit for a body."""

    name: str
    limit: int
    bound: Callable[[str], int]
    """An upper bound of the body's total from counts over the whole text (cheap)."""
    reads: Callable[[str, int, int, bool], tuple[int, int]]
    """Characters read for one paragraph (start, end, whether it is indented code), and
    what to tell about it."""
    problem: str
    """What is wrong with the paragraph, formatted with ``count`` and ``length``."""
    fix: str


def _inline_reads(text: str, start: int, end: int, code: bool) -> tuple[int, int]:
    # Code is not parsed, but each "&" in it is an entity nh3 reads in time quadratic in
    # the entities of one text.
    marks = text.count("&", start, end) if code else len(_MARK.findall(text, start, end))
    return marks * (end - start), marks


def _block_reads(text: str, start: int, end: int, code: bool) -> tuple[int, int]:
    if code:
        return 0, 0
    ends = len(_BLOCK_END.findall(text, start, end))
    return ends * (end - start + 3 * (text.count("\n", start, end) + 1)), ends


def _lines(text: str) -> int:
    return text.count("\n") + 1


MEASURES = (
    _Measure(
        "brackets",
        MAX_BRACKET_READS,
        lambda text: 2 * text.count("[") * len(text),
        lambda text, start, end, code: (0, 0) if code else _bracket_reads(text, start, end),
        "the brackets of this paragraph ({count:,} '[' never closed by ']', or links never "
        "closed by ')') are too slow to read",
        "Write \\[ for a bracket that is text, add the missing ']' or ')' of a link, or split "
        "the paragraph with blank lines",
    ),
    _Measure(
        "backticks",
        MAX_BACKTICK_READS,
        lambda text: text.count("`") * len(text),
        lambda text, start, end, code: (0, 0) if code else _backtick_reads(text, start, end),
        "this paragraph has {count:,} backticks that open code never closed, too slow to read",
        "Write \\` for a backtick that is text, or close the code with as many backticks "
        "as open it",
    ),
    _Measure(
        "inline",
        MAX_INLINE_READS,
        lambda text: len(text) * (len(text) if len(text) < 20_000 else _marks(text)),
        _inline_reads,
        "this paragraph has {count:,} formatting characters (" + " ".join(MARKS) + ") in "
        "{length:,} characters, too slow to read",
        "Split the paragraph with blank lines, or remove the stray characters",
    ),
    _Measure(
        "block-ends",
        MAX_BLOCK_READS,
        lambda text: _lines(text) * (len(text) + 3 * _lines(text)),
        _block_reads,
        "this paragraph has {count:,} heading, rule or definition lines in {length:,} "
        "characters, too slow to read",
        "Put a blank line before and after each heading and rule",
    ),
)


def body_problems(body: str, path: str, first_line: int) -> list[Problem]:
    """Problems of a body Python-Markdown would take too long to read (or would fail on);
    ``first_line`` is the line of the file where the body starts. Nearly every real body
    is under each limit by a bound from a few counts of characters, and costs no more."""
    text = body.replace("\r\n", "\n").replace("\r", "\n")

    def line(offset: int) -> int:
        return first_line + text.count("\n", 0, offset)

    problems = []
    depth, at = _deepest(text) if _DEEP.search("\n" + text) else (0, 0)
    if depth > MAX_DEPTH:
        problems.append(
            Problem(
                path,
                line(at),
                "",
                f"this line nests {depth} levels deep (quotes, lists, admonitions), "
                f"more than the {MAX_DEPTH} a document may use",
                "Remove the extra '>', list markers or indentation",
            )
        )
    blocks = _blocks(text)
    if blocks > MAX_BLOCKS:
        problems.append(
            Problem(
                path,
                first_line,
                "",
                f"the document has {blocks:,} paragraphs, headings, list items, rules and "
                f"table cells: more than the {MAX_BLOCKS:,} a document may have",
                "Split it into several documents, or join lines that belong together",
            )
        )
    measures = [m for m in MEASURES if m.bound(text) > m.limit]
    totals, worst = _tally(text, measures)
    found: dict[int, tuple[float, Problem]] = {}  # one problem per paragraph: the worst
    for measure, total, (reads, start, end, count) in zip(measures, totals, worst, strict=True):
        if total > measure.limit:
            what = measure.problem.format(count=count, length=end - start)
            times = total / measure.limit
            share = "" if reads * 2 >= total else ", with the other paragraphs"
            message = f"{what}: {times:.1f}".removesuffix(".0")
            message += f" times the work a document may take{share}"
            if times > found.get(start, (0.0,))[0]:
                found[start] = (times, Problem(path, line(start), "", message, measure.fix))
    return problems + [problem for _, problem in found.values()]


def costs(body: str) -> dict[str, int]:
    """What each limit measures in ``body`` (``depth``, ``blocks`` and each of ``MEASURES``
    by name), computed in full: how far under its limits a body is."""
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    totals, _ = _tally(text, list(MEASURES))
    found = {m.name: total for m, total in zip(MEASURES, totals, strict=True)}
    blocks = len(_BLOCK_LINE.findall(text)) + text.count("|")
    return {"depth": _deepest(text)[0], "blocks": blocks, **found}


def _tally(
    text: str, measures: list[_Measure]
) -> tuple[list[int], list[tuple[int, int, int, int]]]:
    """Each measure's total over the body, and its worst paragraph: reads, start, end and
    what to tell about it."""
    totals = [0] * len(measures)
    worst = [(0, 0, 0, 0)] * len(measures)
    for start, end, code in _paragraphs(text) if measures else ():
        for index, measure in enumerate(measures):
            reads, count = measure.reads(text, start, end, code)
            totals[index] += reads
            if reads > worst[index][0]:
                worst[index] = (reads, start, end, count)
    return totals, worst


def _paragraphs(text: str) -> Iterator[tuple[int, int, bool]]:
    """Spans of the paragraphs Python-Markdown reads, and whether each is indented code
    (lines indented at the start of a paragraph that continues no list item, admonition or
    footnote: those take indented paragraphs as their own); code is not parsed inline."""
    container = False
    for paragraph in _PARAGRAPH.finditer(text):
        start, end = paragraph.span()
        if _INDENTED.match(text, start):
            if container:
                yield start, end, False
                continue
            code_end = _CODE_LINES.match(text, start).end()  # type: ignore[union-attr]
            yield start, code_end, True
            start = code_end
            if start == end:
                continue
        container = _CONTAINER.search(text, start, end) is not None
        yield start, end, False


def _blocks(text: str) -> int:
    """Blocks of ``text`` (see ``MAX_BLOCKS``); counted only when the lines may be over."""
    cells = text.count("|")
    if text.count("\n") + 1 + cells <= MAX_BLOCKS:
        return 0
    return len(_BLOCK_LINE.findall(text)) + cells


def _marks(text: str) -> int:
    return sum(text.count(char) for char in MARKS) + text.count("  \n")


def _backtick_reads(text: str, start: int, end: int) -> tuple[int, int]:
    """Characters Python-Markdown 3.11 reads to close the code spans of ``text[start:end]``
    (an upper bound: every backtick is taken as an opener, since a failed opener makes it
    skip to the middle of a later run), and how many backticks have no closing run."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text, start, end)]
    starts: dict[int, list[int]] = {}
    for run_start, run_end in runs:
        starts.setdefault(run_end - run_start, []).append(run_start)
    reads = unclosed = 0
    for run_start, run_end in runs:
        for pos in range(run_start, run_end):
            later = starts.get(run_end - pos, [])
            index = bisect.bisect_right(later, pos)
            if index < len(later):
                reads += later[index] + run_end - 2 * pos
            else:
                reads += end - pos
                unclosed += 1
    return reads, unclosed


def _bracket_reads(text: str, start: int, end: int) -> tuple[int, int]:
    """Characters Python-Markdown reads to match the brackets of ``text[start:end]`` (an
    upper bound: backslash escapes are skipped as Markdown does, brackets in code counted),
    and how many ``[`` are never closed."""
    tokens = [(m.start(), m[0]) for m in _BRACKET.finditer(text, start, end) if len(m[0]) == 1]
    quotes = [pos for pos, char in tokens if char in "'\""]
    paren_end: dict[int, int] = {}
    parens: list[int] = []
    for pos, char in tokens:
        if char == "(":
            parens.append(pos)
        elif char == ")" and parens:
            paren_end[parens.pop()] = pos
    reads = 0
    opened: list[int] = []
    for pos, char in tokens:
        if char == "[":
            opened.append(pos)
        elif char == "]" and opened:
            reads += pos - opened.pop()
            if text.startswith("(", pos + 1):
                close = paren_end.get(pos + 1, end)
                inside = bisect.bisect_left(quotes, pos + 1) < bisect.bisect_left(quotes, close)
                reads += (end if inside else close) - pos  # a quote: a title, read to the end
    reads += sum(end - pos for pos in opened)
    return reads, len(opened)


def _deepest(text: str) -> tuple[int, int]:
    """The deepest nesting a line opens (an upper bound of Python-Markdown's: markers at the
    start of the line, plus indentation up to one level deeper than the line before), and
    where that line starts."""
    deepest, at, previous = 0, 0, 0
    for line in _NESTED_LINE.finditer(text):
        pos, count, indent = line.start(), 0, 0
        while (marker := _NESTING.match(text, pos)) is not None:
            spaces = marker[0][: len(marker[0]) - len(marker[0].lstrip(" \t"))]
            indent += len(spaces.expandtabs(4)) // 4
            count += 1
            pos = marker.end()
        if count:
            previous = min(indent, previous) + count
            if previous > deepest:
                deepest, at = previous, line.start()
    return deepest, at
