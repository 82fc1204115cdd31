"""Benchmark: ``ketluan import`` on hostile inputs against ordinary documents of the same size.

Run with ``.venv/bin/python benchmarks/importer_hostile.py`` and record the table in
BENCHMARKS.md ("Hostile inputs: importer"). Each import runs in its own process (killed
after ``--timeout`` seconds, so an older commit's hang shows as ``> N s``); the time is
that of ``import_files`` alone, best of ``--repeat``. Not a test: timings depend on the
machine. ``PYTHONPATH=<other checkout>/plugins`` measures another commit.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "tests" / "data" / "seeds"
CHILD = """
import sys, time
from pathlib import Path
from ketluan.importer.batch import import_files
from ketluan.core.model import BUILTIN_TYPES
start = time.perf_counter()
(outcome,) = import_files([Path(sys.argv[1])], Path(sys.argv[2]), BUILTIN_TYPES)
print(time.perf_counter() - start, outcome.status, (outcome.messages or [""])[0][:70], sep="\\t")
"""


def seed_paragraphs() -> list[str]:
    """The paragraphs of the five published seed documents (real text)."""
    paras = []
    for path in sorted(SEEDS.glob("*.txt")):
        paras += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return paras


def word(path: Path, paragraphs: list[str], picture: int = 0) -> Path:
    """A .docx of ``paragraphs`` (and a picture part of ``picture`` random bytes)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    if picture:
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr("word/media/image1.png", random.Random(1).randbytes(picture))
    return path


def rewrite(path: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            target.writestr(info, change(data) if info.filename == member else data)
    return path


def flood(path: Path, paragraphs: bytes, styles: bytes = b"") -> Path:
    """A .docx with ``paragraphs`` (raw XML) after its heading, ``styles`` added."""
    word(path, ["KẾT LUẬN"])
    rewrite(path, "word/document.xml", lambda d: d.replace(b"<w:sectPr", paragraphs + b"<w:sectPr"))
    if styles:
        rewrite(
            path, "word/styles.xml", lambda d: d.replace(b"</w:styles>", styles + b"</w:styles>")
        )
    return path


def same_size(path: Path, size: int) -> Path:
    """An ordinary .docx (seed paragraphs repeated) of about ``size`` bytes packed."""
    paras = seed_paragraphs()
    count = 8
    while True:
        word(path, ["KẾT LUẬN"] + [paras[i % len(paras)] for i in range(count)])
        if path.stat().st_size >= size:
            return path
        count = max(count + 1, int(count * min(4.0, size / path.stat().st_size)))


def ordinary_text(path: Path, size: int) -> Path:
    paras = seed_paragraphs()
    out, total, i = [], 0, 0
    while total < size:
        out.append(paras[i % len(paras)])
        total += len(paras[i % len(paras)].encode()) + 2
        i += 1
    path.write_text("\n\n".join(out), encoding="utf-8")
    return path


def lowercase_words(count: int, seed: int = 1) -> str:
    """Lowercase pseudo-words that do not compress away (unpunctuated: they never end a
    sentence)."""
    rng = random.Random(seed)
    syllables = ["an", "ba", "cao", "dan", "giang", "hoa", "lam", "minh", "ngoc", "phu"]
    return " ".join(rng.choice(syllables) + str(rng.randrange(1000)) for _ in range(count))


def cases(folder: Path) -> list[tuple[str, Path, str]]:
    """(hostile input, file, its ordinary counterpart of the same size)."""
    x = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    styles = b"".join(
        b'<w:style w:type="paragraph" w:styleId="S%d"><w:name w:val="S %d"/></w:style>' % (n, n)
        for n in range(2_000)
    )
    piece = f"<w:p><w:r><w:t>{lowercase_words(5)}</w:t></w:r></w:p>".encode()
    numbered = b"".join(b"<w:p><w:r><w:t>x%d</w:t></w:r></w:p>" % i for i in range(600_000))
    wrapped = folder / "wrapped.txt"
    wrapped.write_text("KẾT LUẬN\n\n" + f"{lowercase_words(5)}\n" * 47_000, encoding="utf-8")
    bomb = word(folder / "bomb.docx", ["KẾT LUẬN"])
    with (
        zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/bomb.bin", "w", force_zip64=True) as handle,
    ):
        for _ in range(200):
            handle.write(b"\0" * 1_000_000)
    big_text = [lowercase_words(300, seed) + "." for seed in range(1_500)]
    return [
        ("20,000 one-word paragraphs", flood(folder / "x20k.docx", x * 20_000), ""),
        ("20,000 paragraphs, 2,000 styles", flood(folder / "st.docx", x * 20_000, styles), ""),
        ("one paragraph cut in 45,000", flood(folder / "pieces.docx", piece * 45_000), ""),
        ("47,000 lines, one soft-wrapped paragraph", wrapped, "txt"),
        ("600,000 paragraphs (refused)", flood(folder / "huge.docx", numbered), "picture"),
        ("3 MB of text (refused)", word(folder / "text.docx", ["KẾT LUẬN", *big_text]), "picture"),
        ("zip bomb, 200 MB unpacked (refused)", bomb, "picture"),
    ]


def measure(path: Path, timeout: float, repeat: int) -> str:
    best: tuple[float, str] | None = None
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            try:
                result = subprocess.run(
                    [sys.executable, "-c", CHILD, str(path), out],
                    capture_output=True,
                    text=True,
                    timeout=timeout,
                    check=True,
                )
            except subprocess.TimeoutExpired:
                return f"> {timeout:.0f} s"
            except subprocess.CalledProcessError as exc:
                return f"crash: {exc.stderr.strip().splitlines()[-1][:60]}"
        seconds, status, _message = result.stdout.strip().split("\t")
        if best is None or float(seconds) < best[0]:
            best = (float(seconds), status)
    assert best is not None
    return f"{best[0]:.2f} s ({best[1]})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| input | size | time | ordinary document of the same size | time |")
    print("|---|---:|---:|---|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, path, kind in cases(folder):
            size = path.stat().st_size
            if kind == "txt":
                other = ordinary_text(folder / f"ordinary-{path.stem}.txt", size)
                what = "seed text, repeated"
            elif kind == "picture":
                paras = seed_paragraphs()[:40]
                other = word(folder / f"ordinary-{path.stem}.docx", paras, picture=size)
                what = "seed paragraphs and a picture"
            else:
                other = same_size(folder / f"ordinary-{path.stem}.docx", size)
                what = "seed paragraphs, repeated"
            hostile = measure(path, args.timeout, args.repeat)
            ordinary = measure(other, args.timeout, args.repeat)
            kib = f"{size / 1024:,.0f} KiB"
            other_kib = f"{other.stat().st_size / 1024:,.0f} KiB"
            print(
                f"| {name} | {kib} | {hostile} | {what} ({other_kib}) | {ordinary} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
