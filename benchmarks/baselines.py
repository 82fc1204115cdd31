"""Build benchmark: ketluan against bare MkDocs + Material and Hugo on the same bodies.

``python benchmarks/baselines.py 1000 10000 [--keep DIR]``

For each size: ``generate.py`` writes the corpus; the same Markdown bodies go into a bare
MkDocs + Material project (documents not in the nav, search off) and a Hugo project with
minimal single/list templates (Debian's ``hugo``). Each build runs once, cold, while the
resident memory of its whole process tree is sampled every 0.1 s. Prints one JSON line per
size and a Markdown row with the ratios (the issue's targets are in BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from generate import generate

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


def measure(command: list[str], cwd: Path) -> dict[str, float]:
    """Wall time and peak RSS of the whole process tree of ``command``."""
    started = time.monotonic()
    process = psutil.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    if process.returncode:
        raise SystemExit(process.stderr.read().decode()[-3000:])
    return {"seconds": round(time.monotonic() - started, 1), "peak_mb": round(peak / 2**20)}


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


def run(count: int, root: Path) -> dict[str, object]:
    config = generate(count, root / "ketluan")
    bare, hugo = baselines(config.parent, root)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
    result: dict[str, object] = {"documents": count}
    result["ketluan"] = measure(mkdocs, config.parent)
    result["bare_mkdocs"] = measure(mkdocs, bare)
    result["hugo"] = measure(["hugo", "--quiet", "-d", "public"], hugo)
    result["output_mb"] = {
        "ketluan": size_mb(config.parent / "site"),
        "bare_mkdocs": size_mb(bare / "site"),
        "hugo": size_mb(hugo / "public"),
    }
    result["document_page_kb"] = {
        "ketluan": typical_page_kb(config.parent / "site", "van-ban/*/*/*/*/index.html"),
        "bare_mkdocs": typical_page_kb(bare / "site", "d/*/index.html"),
    }
    result["district_page_kb"] = typical_page_kb(config.parent / "site", "dia-ban/*/*/index.html")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", type=int, nargs="+")
    parser.add_argument("--keep", type=Path, help="build here and keep the projects")
    args = parser.parse_args()
    if shutil.which("hugo") is None:
        raise SystemExit("hugo is missing: apt-get install hugo")
    for count in args.sizes:
        root = (args.keep or Path(tempfile.mkdtemp())) / str(count)
        shutil.rmtree(root, ignore_errors=True)
        result = run(count, root)
        print(json.dumps(result, ensure_ascii=False), flush=True)
        k, b, h = (result[n]["seconds"] for n in ("ketluan", "bare_mkdocs", "hugo"))
        print(
            f"| {count:,} | {k} s | {b} s | {h} s | {k / b:.2f}x | "
            f"{result['ketluan']['peak_mb']} MB | {result['bare_mkdocs']['peak_mb']} MB |",
            flush=True,
        )


if __name__ == "__main__":
    main()
