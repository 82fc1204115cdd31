"""The structural limits on a body (bodylimits): real documents are far below them, a body
just under them renders in reasonable time, a body over them is refused with its line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from corpus_gen import generate
from deadline import deadline
from markdown import Markdown
from mkdocs.config import load_config

from conftest import REPO
from ketluan.adapter.render import Renderer
from ketluan.build.sanitize import clean_body, escape_raw_html
from ketluan.core.bodylimits import MAX_BLOCKS, MAX_DEPTH, MEASURES, body_problems, costs
from ketluan.core.frontmatter import parse

LIMITS = {"depth": MAX_DEPTH, "blocks": MAX_BLOCKS} | {m.name: m.limit for m in MEASURES}


def real_bodies(tmp_path: Path) -> dict[str, str]:
    """The sample conclusions, 200 generated ones, and the seed texts pasted as they are."""
    files = sorted((REPO / "conclusions").rglob("*.md"))
    files += generate(tmp_path / "generated", 200)
    bodies = {p.name: parse(p.read_text(encoding="utf-8"), p.name).body for p in files}
    for path in sorted((REPO / "tests/data").rglob("*.txt")):
        bodies[path.name] = path.read_text(encoding="utf-8")
    return bodies


def test_real_documents_are_far_below_every_limit(tmp_path: Path) -> None:
    for name, body in real_bodies(tmp_path).items():
        assert body_problems(body, name, 1) == []
        found = costs(body)
        assert found["depth"] <= 3, name
        for measure, value in found.items():
            if measure != "depth":
                assert value * 100 < LIMITS[measure], (name, measure, value)


@pytest.fixture(scope="module")
def parser() -> Markdown:
    """The parser the build renders bodies with (render.Renderer), with mkdocs.yml's
    extensions and the citation linker."""
    config = load_config(str(REPO / "mkdocs.yml"))
    md, _ = Renderer._markdown(SimpleNamespace(_md=None, config=config))  # type: ignore[arg-type]
    return md


def largest_accepted(make: Callable[[int], str]) -> str:
    """The body ``make(n)`` for the largest ``n`` the limits accept (``make`` grows with
    ``n``); a body that would pass the 2 MB file limit first fails the test."""

    def accepted(n: int) -> bool:
        body = make(n)
        assert len(body) < 2_000_000, "not refused before the file size limit"
        return body_problems(body, "x.md", 1) == []

    high = 1
    while accepted(high):
        high *= 2
    low = high // 2
    assert low, "the smallest body is accepted"
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if accepted(middle) else (low, middle)
    return make(low)


AT_THE_LIMIT: dict[str, Callable[[int], str]] = {
    "[ never closed": lambda n: "[" * n,
    "[x]( never closed": lambda n: "[x](" * n,
    "nested [[[x]]]": lambda n: "[" * n + "x" + "]" * n,
    "backticks skipping each other": lambda n: "``a`" * n,
    "backtick runs of growing length": lambda n: "".join("`" * k + "a" for k in range(1, n)),
    "emphasis in one paragraph": lambda n: "*a* " * n,
    "unclosed tags with attributes": lambda n: "<b x " * n,
    "entities": lambda n: "&amp;" * n,
    "escapes": lambda n: "\\*" * n,
    "headings without blank lines": lambda n: "#\n" * n,
    "setext headings": lambda n: "a\n=\n" * n,
    "rules": lambda n: "---\n" * n,
    "admonitions inside an admonition": lambda n: "!!! a\n" + "    !!! a\n" * n,
    "headings in a quote": lambda n: "> # a\n" * n,
    "headings between blank lines": lambda n: "# a\n\n" * n,
    "quoted paragraphs": lambda n: "> a\n>\n" * n,
    "table rows": lambda n: "a|b\n-|-\n" * n,
    "entities in code": lambda n: "Đầu.\n\n" + "\t&" * n,
}


@pytest.mark.parametrize("name", list(AT_THE_LIMIT))
def test_a_body_just_under_the_limits_renders_in_reasonable_time(
    parser: Markdown, name: str
) -> None:
    body = largest_accepted(AT_THE_LIMIT[name])
    with deadline(60):
        html = clean_body(parser.reset().convert(escape_raw_html(body)))
    assert html


@pytest.mark.parametrize(
    "body",
    [
        "> " * MAX_DEPTH + "x",
        "1. " * MAX_DEPTH + "x",
        "".join("    " * level + "- x\n" for level in range(MAX_DEPTH)),
        "".join("    " * level + "!!! note\n" for level in range(MAX_DEPTH)),
    ],
)
def test_nesting_up_to_the_limit_renders_one_more_level_is_refused(
    parser: Markdown, body: str
) -> None:
    assert body_problems(body, "x.md", 1) == []
    with deadline():
        assert parser.reset().convert(body)
    deeper = "> " + body if body.startswith(">") else "1. " + body.replace("\n", "\n    ")
    [problem] = body_problems(deeper, "x.md", 1)
    assert f"nests {MAX_DEPTH + 1} levels deep" in problem.message


def test_deep_nesting_is_refused_not_a_recursion_error() -> None:
    """Python-Markdown raised RecursionError (a traceback) at a few hundred levels."""
    [problem] = body_problems("Đầu.\n\n" + "- " * 1000 + "x\n", "a.md", 20)
    assert (problem.line, problem.message) == (
        22,
        f"this line nests 1000 levels deep (quotes, lists, admonitions), more than the "
        f"{MAX_DEPTH} a document may use",
    )


REFUSED = {
    "[" * 20_000: ("brackets of this paragraph (20,000 '[' never closed", "\\["),
    "``a`" * 5_000: ("5,002 backticks that open code never closed", "\\`"),
    "*a* " * 40_000: ("80,000 formatting characters", "blank lines"),
    "#\n" * 20_000: ("20,000 heading, rule or definition lines", "blank line before"),
}


@pytest.mark.parametrize("body", list(REFUSED), ids=["brackets", "backticks", "marks", "lines"])
def test_each_limit_says_what_to_do(body: str) -> None:
    what, fix = REFUSED[body]
    [problem] = body_problems("Đầu.\n\n" + body, "a.md", 20)
    assert problem.line == 22
    assert what in problem.message
    assert "times the work a document may take" in problem.message
    assert fix in problem.fix


def test_indented_code_is_not_counted_but_a_list_item_paragraph_is() -> None:
    code = "    `x` [\n" * 30_000
    assert body_problems("Đầu.\n\n" + code, "a.md", 1) == []
    assert body_problems("- Đầu.\n\n" + code, "a.md", 1), "in a list item it is a paragraph"
    assert body_problems("!!! note\n\n" + code, "a.md", 1), "so in an admonition"


def test_a_body_of_too_many_blocks_is_refused() -> None:
    [problem] = body_problems("a\n\n" * MAX_BLOCKS, "a.md", 20)
    assert (problem.line, problem.message) == (
        20,
        f"the document has {MAX_BLOCKS + 1:,} paragraphs, headings, list items, rules and "
        f"table cells: more than the {MAX_BLOCKS:,} a document may have",
    )
    assert body_problems("a\n\n" * (MAX_BLOCKS - 1), "a.md", 20) == []


def test_many_small_paragraphs_add_up() -> None:
    """The limits are for the whole body: many paragraphs each under them can be over."""
    paragraph = "[" * 400
    assert body_problems(paragraph, "a.md", 1) == []
    [problem] = body_problems("\n\n".join([paragraph] * 100), "a.md", 1)
    assert problem.message.endswith("with the other paragraphs")


def test_checking_a_2_mb_body_is_quick() -> None:
    body = ("Nghị quyết số 27-NQ/HU ngày 24/02/2021 của Huyện ủy về *lãnh đạo* [^1].\n\n") * 25_000
    with deadline():
        assert body_problems(body, "a.md", 1) == []
