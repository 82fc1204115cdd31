"""Build benchmark: ketluan against bare MkDocs + Material and Hugo on the same bodies.

``python benchmarks/baselines.py 1000 5000 10000 50000 [--keep DIR] [--seed S]``

For each size: ``generate.py`` writes the corpus; the same Markdown bodies go into a bare
MkDocs + Material project (documents not in the nav, search off) and a Hugo project with
minimal single/list templates (Debian's ``hugo``). Measured, one run each while the memory
of the whole process tree is sampled every 0.1 s: the ketluan build from cold (no cache,
search index included), a rebuild with nothing changed, a rebuild after editing one
document's body, a rebuild after adding one document, the bare MkDocs build and the Hugo
build. Memory is the proportional set size (PSS) summed over the tree: forked workers share
most of their pages with the build process, and summing RSS would count those pages once
per process (RSS is reported too).
Then sizes: output, a typical document page and district page, the search index, and the
bytes of a cold query for a district name in Chromium (``search.cold_query``). Prints one
JSON line and one Markdown row per size (the targets are in BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from generate import district_of, generate
from search import cold_query, index_size

BARE_CONFIG = """site_name: Bare baseline
theme:
  name: material
  language: vi
  font: false
plugins: []
not_in_nav: |
  /d/
nav:
  - index.md
"""
HUGO_CONFIG = 'baseURL = "/"\nlanguageCode = "vi"\ntitle = "Hugo baseline"\n'
HUGO_SINGLE = "<!doctype html><html lang=vi><title>{{ .Title }}</title><h1>{{ .Title }}</h1>"
HUGO_SINGLE += "{{ .Content }}</html>\n"
HUGO_LIST = "<!doctype html><html lang=vi><title>{{ .Title }}</title><ul>"
HUGO_LIST += "{{ range .Pages }}<li><a href='{{ .RelPermalink }}'>{{ .Title }}</a>{{ end }}</ul>\n"


def _memory(process: psutil.Process) -> tuple[int, int]:
    """(PSS, RSS) of one process; PSS needs /proc/<pid>/smaps_rollup (Linux)."""
    info = process.memory_full_info()
    return getattr(info, "pss", info.rss), info.rss


def measure(command: list[str], cwd: Path) -> dict[str, float]:
    """Wall time and peak memory (PSS and RSS) of the whole process tree of ``command``."""
    started = time.monotonic()
    process = psutil.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_pss = peak_rss = 0
    while process.poll() is None:
        pss = rss = 0
        for member in [process, *process.children(recursive=True)]:
            try:
                one_pss, one_rss = _memory(member)
            except psutil.Error:
                continue
            pss, rss = pss + one_pss, rss + one_rss
        peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
        time.sleep(0.1)
    if process.returncode:
        raise SystemExit(process.stderr.read().decode()[-3000:])
    return {
        "seconds": round(time.monotonic() - started, 1),
        "peak_mb": round(peak_pss / 2**20),
        "peak_rss_mb": round(peak_rss / 2**20),
    }


def split(text: str) -> tuple[str, str]:
    """(title, body) of a generated conclusion file."""
    _, front, body = text.split("---\n", 2)
    title = next(line[7:] for line in front.splitlines() if line.startswith("title: "))
    return title, body


def baselines(project: Path, root: Path) -> tuple[Path, Path]:
    """Bare MkDocs and Hugo projects with the bodies of ``project``'s conclusions."""
    bare, hugo = root / "bare", root / "hugo"
    (bare / "docs" / "d").mkdir(parents=True)
    (bare / "docs" / "index.md").write_text("# Bare\n", encoding="utf-8")
    (bare / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
    (hugo / "content" / "d").mkdir(parents=True)
    (hugo / "layouts" / "_default").mkdir(parents=True)
    (hugo / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (hugo / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (hugo / "layouts" / "_default" / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    for index, source in enumerate(sorted((project / "conclusions").rglob("*.md"))):
        title, body = split(source.read_text(encoding="utf-8"))
        (bare / "docs" / "d" / f"{index}.md").write_text(f"# {title}\n{body}", encoding="utf-8")
        front = json.dumps(title, ensure_ascii=False)
        (hugo / "content" / "d" / f"{index}.md").write_text(
            f"---\ntitle: {front}\n---\n{body}", encoding="utf-8"
        )
    return bare, hugo


def size_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)


def typical_page_kb(folder: Path, pattern: str) -> float:
    pages = sorted(folder.glob(pattern))
    return round(pages[len(pages) // 2].stat().st_size / 1024, 1)


def edit_one(project: Path) -> Path:
    """Change one sentence of the body of the middle document (what a publisher does)."""
    sources = sorted((project / "conclusions").rglob("*.md"))
    source = sources[len(sources) // 2]
    text = source.read_text(encoding="utf-8")
    source.write_text(text.rstrip("\n") + "\n\nĐoạn bổ sung sau khi sửa văn bản.\n", "utf-8")
    return source


def add_one(project: Path) -> Path:
    """A new document beside the middle one (another number, same committee and date): what
    a publisher does most often."""
    numbered = re.compile(r"^number: \d+-", re.M)
    sources = sorted((project / "conclusions").rglob("*.md"))
    source = next(p for p in sources[len(sources) // 2 :] if numbered.search(p.read_text("utf-8")))
    text = numbered.sub("number: 99999-", source.read_text(encoding="utf-8"), count=1)
    text = re.sub(r"^title: .*$", "title: Kết luận mới ban hành", text, count=1, flags=re.M)
    target = source.with_name("99999-moi.md")
    target.write_text(text, encoding="utf-8")
    return target


def run(count: int, root: Path, seed: int) -> dict[str, object]:
    config = generate(count, root / "ketluan", seed=seed)
    project = config.parent
    bare, hugo = baselines(project, root)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
    result: dict[str, object] = {"documents": count, "seed": seed}
    shutil.rmtree(project / ".cache", ignore_errors=True)
    result["ketluan"] = measure(mkdocs, project)
    result["ketluan_unchanged"] = measure(mkdocs, project)
    edit_one(project)
    result["ketluan_one_edit"] = measure(mkdocs, project)
    add_one(project)
    result["ketluan_one_new"] = measure(mkdocs, project)
    result["bare_mkdocs"] = measure(mkdocs, bare)
    result["hugo"] = measure(["hugo", "--quiet", "-d", "public"], hugo)
    site = project / "site"
    result["output_mb"] = {
        "ketluan": size_mb(site),
        "bare_mkdocs": size_mb(bare / "site"),
        "hugo": size_mb(hugo / "public"),
    }
    result["pages"] = {
        "ketluan": sum(1 for _ in site.rglob("index.html")),
        "bare_mkdocs": sum(1 for _ in (bare / "site").rglob("index.html")),
    }
    result["document_page_kb"] = {
        "ketluan": typical_page_kb(site, "van-ban/*/*/*/*/index.html"),
        "bare_mkdocs": typical_page_kb(bare / "site", "d/*/index.html"),
    }
    result["district_page_kb"] = typical_page_kb(site, "dia-ban/*/*/index.html")
    result["search_index"] = index_size(site)
    district = district_of(count, seed)
    result["cold_query"] = {"query": district, **cold_query(site, district)}
    return result


def row(result: dict[str, object]) -> str:
    """The Markdown row of BENCHMARKS.md for one size."""

    def get(name: str, field: str = "seconds") -> float:
        return result[name][field]  # type: ignore[index]

    k, b, h = get("ketluan"), get("bare_mkdocs"), get("hugo")
    edit, new = get("ketluan_one_edit"), get("ketluan_one_new")
    return (
        f"| {result['documents']:,} | {k} s | {b} s | {h} s | **{k / b:.2f}x** | "
        f"{get('ketluan_unchanged')} s | {edit} s (**{edit / h:.2f}x** Hugo) | "
        f"{new} s (**{new / h:.2f}x** Hugo) | "
        f"{get('ketluan', 'peak_mb')} MB | {get('bare_mkdocs', 'peak_mb')} MB |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", type=int, nargs="+")
    parser.add_argument("--keep", type=Path, help="build here and keep the projects")
    parser.add_argument("--seed", type=int, default=2025, help="corpus seed (generate.py)")
    args = parser.parse_args()
    if shutil.which("hugo") is None:
        raise SystemExit("hugo is missing: apt-get install hugo")
    for count in args.sizes:
        root = (args.keep or Path(tempfile.mkdtemp())) / str(count)
        shutil.rmtree(root, ignore_errors=True)
        result = run(count, root, args.seed)
        print(json.dumps(result, ensure_ascii=False), flush=True)
        print(row(result), flush=True)


if __name__ == "__main__":
    main()
