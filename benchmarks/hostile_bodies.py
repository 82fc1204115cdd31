"""Hostile document bodies: how long each step of a build that reads a body takes on them,
against an ordinary body of the same size (BENCHMARKS.md, "Hostile inputs: bodies").

    .venv/bin/python benchmarks/hostile_bodies.py [--timeout 300] [--only code brackets]

Each (case, size) runs in its own process, killed after ``--timeout`` seconds (reported as
``> 300``). The steps are those of a build, in its order: ``validate`` (reading the file:
``corpus.read_document``, which refuses a body past the limits of ``bodylimits``),
``analysis`` (citations: ``resolve.document_mentions``), ``search`` (the place names and
extra terms the search index gets) and ``render`` (``escape_raw_html``, the build's own
Markdown parser made by ``render.Renderer`` with ``mkdocs.yml``'s extensions and the citation
linker, then ``clean_body``). A refused body stops after ``validate``. To time another
version of the code, put its ``plugins`` folder first:
``PYTHONPATH=/tmp/main/plugins .venv/bin/python benchmarks/hostile_bodies.py``.
``--all-steps`` also times analysis and search of a refused body; ``--at-limits`` times
instead bodies grown until just under the limits (the largest each limit lets through).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "conclusions/bac-giang/son-dong/604-kl-hu.md"
STEPS = ("validate", "analysis", "search", "render")


def code_and_spans(size: int) -> str:
    """A paragraph, then indented code lines with a code span each (issue 12, finding 8)."""
    return "Đoạn văn.\n\n" + "    `x`\n" * ((size - 11) // 8)


def backtick_runs(size: int) -> str:
    """Runs of 1, 2, 3… backticks, none closed (each run looks for one of its length)."""
    runs, length = [], 0
    while length < size:
        runs.append("`" * (len(runs) + 1) + "a")
        length += len(runs) + 1
    return "".join(runs)


def repeat(unit: str, head: str = "", tail: str = "") -> Callable[[int], str]:
    return lambda size: head + unit * ((size - len(head) - len(tail)) // len(unit)) + tail


CASES: dict[str, tuple[str, Callable[[int], str], tuple[int, ...]]] = {
    "code": ("indented code lines with code spans", code_and_spans, (240_000, 400_000)),
    "raw-a": ("`<a` repeated", repeat("<a"), (200_000,)),
    "brackets": ("`[` repeated", repeat("["), (18_000, 70_000)),
    "links": ("`[x](` repeated (links never closed)", repeat("[x]("), (18_000, 70_000)),
    "tags": ("`<b x ` repeated (a tag never closed)", repeat("<b x "), (200_000,)),
    "marks": ("`*a* ` repeated in one paragraph", repeat("*a* "), (200_000,)),
    "headings": ("`#` lines without blank lines", repeat("#\n"), (200_000,)),
    "nesting": ("`1. ` repeated on one line", repeat("1. "), (200_000,)),
    "backticks": ("backtick runs of growing length", backtick_runs, (200_000,)),
    "spaces": ("a number, then spaces", repeat(" ", head="Số 1-NQ/TU", tail="x"), (200_000,)),
    "list": ("`1-NQ/TU, ` repeated (no sentence end)", repeat("1-NQ/TU, "), (200_000,)),
    "in-link": ("`[a](b) 1-NQ/TU ` repeated", repeat("[a](b) 1-NQ/TU "), (200_000,)),
    "old-tone": ("`hoà/` repeated (one word)", repeat("hoà/"), (200_000,)),
    "comments": ("`<!--x ` repeated", repeat("<!--x "), (200_000,)),
}


AT_THE_LIMITS: dict[str, Callable[[int], str]] = {
    "`[` never closed": lambda n: "[" * n,
    "`[x](` never closed": lambda n: "[x](" * n,
    "backticks skipping each other": lambda n: "``a`" * n,
    "`*a* ` in one paragraph": lambda n: "*a* " * n,
    "`<b x ` (tags never closed)": lambda n: "<b x " * n,
    "`#` lines": lambda n: "#\n" * n,
    "quoted paragraphs": lambda n: "> a\n>\n" * n,
    "headings between blank lines": lambda n: "# a\n\n" * n,
    "table rows": lambda n: "a|b\n-|-\n" * n,
}
"""Bodies grown until just under the limits of ``bodylimits`` (``--at-limits``)."""


def largest_accepted(make: Callable[[int], str]) -> str:
    """``make(n)`` for the largest ``n`` the limits accept (as the body of a file: one
    final newline)."""
    from ketluan.core.bodylimits import body_problems

    def body(n: int) -> str:
        return make(n).strip("\n") + "\n"

    high = 1
    while not body_problems(body(high), "x.md", 1):
        high *= 2
    low = high // 2
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if not body_problems(body(middle), "x.md", 1) else (low, middle)
    return body(low)


def ordinary(size: int) -> str:
    """Paragraphs of the sample conclusions' bodies, in turn, up to ``size`` characters."""
    paragraphs = []
    for path in sorted((REPO / "conclusions").rglob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        paragraphs += [p for p in body.split("\n\n") if p.strip()]
    out: list[str] = []
    length = 0
    while length < size:
        out.append(paragraphs[len(out) % len(paragraphs)])
        length += len(out[-1]) + 2
    return "\n\n".join(out)[:size]


def child(name: str, size: int, all_steps: bool = False) -> dict[str, object]:
    """Time the steps on one body, in this process; ``all_steps``: a refused body still
    goes through the steps before rendering (to time them on it)."""
    from mkdocs.config import load_config

    from ketluan.adapter.render import Renderer
    from ketluan.build.sanitize import clean_body, escape_raw_html
    from ketluan.citations.resolve import document_mentions
    from ketluan.core.corpus import read_document
    from ketluan.core.model import BUILTIN_TYPES
    from ketluan.site.search import SearchPlan, corpus_places
    from ketluan.site.words import document_words

    if name in AT_THE_LIMITS:
        body = largest_accepted(AT_THE_LIMITS[name])
    else:
        body = ordinary(size) if name == "ordinary" else CASES[name][1](size)
    head = SAMPLE.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    config = load_config(str(REPO / "mkdocs.yml"))
    times: dict[str, object] = {"chars": len(body)}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "604.md"
        path.write_text(f"{head}\n---\n\n{body}\n", encoding="utf-8")
        start = time.perf_counter()
        doc, problems = read_document(path, "604.md", BUILTIN_TYPES)
        times["validate"] = time.perf_counter() - start
    if doc is None:
        times["refused"] = str(problems[0])
        if not all_steps:
            return times
        doc, _ = read_document(SAMPLE, SAMPLE.name, BUILTIN_TYPES)
        assert doc is not None
        doc.body = body
    start = time.perf_counter()
    mentions = document_mentions(doc)
    times["analysis"] = time.perf_counter() - start
    start = time.perf_counter()
    SearchPlan(1, "tra-cuu/", corpus_places([doc])).named_places(doc)
    document_words(doc)
    times["search"] = time.perf_counter() - start
    if "refused" in times:
        return times  # never rendered: that is what the limits are for
    md, linker = Renderer._markdown(SimpleNamespace(_md=None, config=config))  # type: ignore[arg-type]
    links = [link_for(m.symbol) for m in mentions if m.citation is not None]
    start = time.perf_counter()
    linker.use(links)
    clean_body(md.reset().convert(escape_raw_html(doc.body)))
    times["render"] = time.perf_counter() - start
    return times


def link_for(symbol: object) -> object:
    from ketluan.citations.index import Link

    return Link(symbol.key, "van-ban/x/", symbol.text, False, False)  # type: ignore[attr-defined]


def measure(name: str, size: int, timeout: float, all_steps: bool) -> dict[str, object]:
    """Run ``child`` in a process of its own; a timeout is reported, not raised."""
    command = [sys.executable, __file__, "--child", name, str(size)]
    command += ["--all-steps"] if all_steps else []
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1], "after": time.perf_counter() - start}
    return json.loads(done.stdout)


def total(result: dict[str, object]) -> str:
    if "timeout" in result:
        return f"> {result['timeout']:.0f} s"
    if "error" in result:
        return f"{result['error']} after {result['after']:.1f} s"
    if "refused" in result:
        return f"{float(result['validate']):.2f} s (refused)"  # type: ignore[arg-type]
    seconds = sum(float(result[step]) for step in STEPS if step in result)  # type: ignore[arg-type]
    return f"{seconds:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--only", nargs="*", default=list(CASES))
    parser.add_argument(
        "--all-steps", action="store_true", help="time analysis and search of refused bodies"
    )
    parser.add_argument(
        "--at-limits", action="store_true", help="time bodies just under each limit instead"
    )
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), args.all_steps)))
        return
    import ketluan

    print(f"ketluan from {Path(ketluan.__file__).parent}")
    if args.at_limits:
        print_at_limits(args.timeout)
        return
    print("| case | size | hostile body | ordinary body | steps of the hostile body |")
    print("|---|---:|---:|---:|---|")
    for name in args.only:
        what, _, sizes = CASES[name]
        for size in sizes:
            hostile = measure(name, size, args.timeout, args.all_steps)
            plain = measure("ordinary", size, args.timeout, False)
            steps = ", ".join(
                f"{step} {float(hostile[step]):.2f}"  # type: ignore[arg-type]
                for step in STEPS
                if step in hostile
            )
            print(
                f"| {name}: {what} | {size // 1000} KB | {total(hostile)} | {total(plain)} "
                f"| {steps} |",
                flush=True,
            )
            print(
                json.dumps({"case": name, "size": size, "hostile": hostile, "ordinary": plain}),
                file=sys.stderr,
                flush=True,
            )


def print_at_limits(timeout: float) -> None:
    print("| body just under the limits | size | hostile body | ordinary body | steps |")
    print("|---|---:|---:|---:|---|")
    for name in AT_THE_LIMITS:
        hostile = measure(name, 0, timeout, False)
        size = int(hostile.get("chars", 0))  # type: ignore[call-overload]
        plain = measure("ordinary", size, timeout, False)
        steps = ", ".join(
            f"{step} {float(hostile[step]):.2f}"  # type: ignore[arg-type]
            for step in STEPS
            if step in hostile
        )
        print(
            f"| {name} | {size / 1000:.0f} KB | {total(hostile)} | {total(plain)} | {steps} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
