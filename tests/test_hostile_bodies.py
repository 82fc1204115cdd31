"""Hostile document bodies are read in time linear in their size (issue 12, finding 8).

Each case feeds one step of the build the body that made it quadratic (or worse), at the
size it was found at. The steps now take well under a second on each; a regression shows
as a hang, cut by a generous deadline (``deadline.DEADLINE``): no timing is asserted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from deadline import deadline

from conftest import REPO, Site, conclusion
from ketluan.build.sanitize import escape_raw_html
from ketluan.citations.matchers import extract
from ketluan.citations.prose import prose
from ketluan.citations.resolve import document_mentions
from ketluan.core.corpus import load_corpus, read_document
from ketluan.core.model import BUILTIN_TYPES, Document
from ketluan.core.problems import ProblemsError
from ketluan.site.words import document_words


def code_lines(size: int) -> str:
    """A paragraph, then indented code lines with a code span each."""
    return "Đoạn văn.\n\n" + "    `x`\n" * ((size - 11) // 8)


def repeat(unit: str, size: int) -> str:
    return unit * (size // len(unit))


TEXT_CASES: dict[str, tuple[Callable[[str], object], str]] = {
    # The inputs of the issue, at its sizes.
    "escape: 240 KB of code lines with code spans": (escape_raw_html, code_lines(240_000)),
    "escape: 400 KB of code lines with code spans": (escape_raw_html, code_lines(400_000)),
    "prose: 400 KB of code lines with code spans": (prose, code_lines(400_000)),
    "prose: 200 KB of <a": (prose, repeat("<a", 200_000)),
    "prose: 70 KB of [": (prose, repeat("[", 70_000)),
    "prose: 200 KB of [x](": (prose, repeat("[x](", 200_000)),
    # Found with them: the other regexes of mdtext, sanitize and citations.
    "prose: 200 KB of <a>": (prose, repeat("<a>", 200_000)),
    "prose: 200 KB of <!--x": (prose, repeat("<!--x ", 200_000)),
    "prose: 600 KB of <div lines": (prose, repeat("<div\n", 600_000)),
    "prose: 200 KB of [^": (prose, repeat("[^", 200_000)),
    "prose: a run of 100,000 backticks": (prose, "`" * 100_000 + "a" * 100_000),
    "escape: a 200 KB tag name before ':'": (escape_raw_html, "<" + "a" * 200_000 + ":"),
    "escape: a run of 200,000 backticks": (escape_raw_html, "`" * 200_000 + "\nx"),
    "extract: a number, then 200 KB of spaces": (extract, "Số 1-NQ/TU" + " " * 200_000 + "x"),
    "extract: a date, then 200 KB of spaces": (
        extract,
        "Số 1-NQ/TU ngày 12 tháng 6" + " " * 200_000 + "x",
    ),
    "extract: an issuer, then 200 KB of spaces": (
        extract,
        "Số 1-NQ/TU" + " " * 200_000 + "của Tỉnh ủy",
    ),
}


@pytest.mark.parametrize("name", list(TEXT_CASES))
def test_text_steps_are_linear(name: str) -> None:
    step, text = TEXT_CASES[name]
    with deadline():
        result = step(text)
    if step is prose:
        assert len(result.text) == len(text), "masking keeps every offset"  # type: ignore[attr-defined]
    elif step is escape_raw_html:
        assert result == text, "nothing here is a tag to escape"
    else:
        assert [c.symbol.text for c in result] == ["1-NQ/TU"]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def sample() -> Document:
    path = REPO / "conclusions/bac-giang/son-dong/604-kl-hu.md"
    doc, problems = read_document(path, path.name, BUILTIN_TYPES)
    assert doc is not None, problems
    return doc


SHARED_ISSUER = "1-NQ/TW, " * 10_000 + "1-NQ/TW của Bộ Nông nghiệp và " + "a" * 100_000
DOCUMENT_CASES = {
    # citations in a text without a sentence end: each sentence was the whole text
    "citations without a sentence end": (repeat("1-NQ/TU, ", 200_000), 22_222),
    # each citation was compared with every link
    "a link before each citation": (repeat("[a](b) 1-NQ/TU ", 200_000), 13_333),
    # each citation reread the one long issuer the list shares
    "a list sharing a long issuer": (SHARED_ISSUER, 10_001),
}


@pytest.mark.parametrize("name", list(DOCUMENT_CASES))
def test_citations_of_a_body_are_linear(sample: Document, name: str) -> None:
    body, count = DOCUMENT_CASES[name]
    sample.body = body
    with deadline(30):  # tens of thousands of citations: a second here, hours before
        mentions = document_mentions(sample)
    assert len(mentions) == count
    assert all(not m.citation or not m.citation.in_link for m in mentions)


def test_search_words_of_one_long_word_are_linear(sample: Document) -> None:
    sample.body = repeat("hoà/", 200_000)
    with deadline():
        found = document_words(sample)
    assert "hoa" in found.text.split(), "the word is added once"
    assert "=hòa" in found.spelled.split(), "tone moved"


BRACKETS = {
    "18 KB of [": repeat("[", 18_000),
    "70 KB of [": repeat("[", 70_000),
    "18 KB of [](": repeat("[](", 18_000),
    "70 KB of [x](": repeat("[x](", 70_000),
}


@pytest.mark.parametrize("name", list(BRACKETS))
def test_bracket_bombs_are_refused_with_their_line(site: Site, name: str) -> None:
    """Python-Markdown took 23 s on 18 KB of these and over 300 s on 70 KB: the build says
    where they are instead, at once."""
    site.add("bac-giang/son-dong/604.md", conclusion(body="Đoạn đầu.\n\n" + BRACKETS[name]))
    with deadline(), pytest.raises(ProblemsError) as caught:
        load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    [problem] = caught.value.problems
    assert (problem.path, problem.line) == ("conclusions/bac-giang/son-dong/604.md", 17)
    assert "brackets of this paragraph" in problem.message
    assert "\\[" in problem.fix


def test_body_problems_come_with_the_front_matter_problems(tmp_path: Path) -> None:
    path = tmp_path / "604.md"
    path.write_text(conclusion(date="27/3/2024", body="x\n\n" + "1. " * 100), encoding="utf-8")
    doc, problems = read_document(path, "604.md", BUILTIN_TYPES)
    assert doc is None
    assert [(p.line, p.field) for p in problems] == [(5, "date"), (17, "")]
    assert "nests 100 levels deep" in problems[1].message
