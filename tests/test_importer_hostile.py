"""``ketluan import`` on hostile and careless input: links and folders under ``--out``,
files that are not what their name says, FIFOs, oversized and pathological documents.

Every case ends in one clear message for the file, the rest of the batch imported and exit
status 1; never a traceback, never a write outside ``--out``. Slow inputs run in a child
process with a generous timeout, so a regression shows as a failure instead of a hang.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from ketluan.cli import main
from ketluan.core.model import BUILTIN_TYPES
from ketluan.importer.batch import import_files

REPO = Path(__file__).resolve().parent.parent
GOOD = REPO / "tests" / "data" / "seeds" / "004_64c1d638b1643213.txt"
GOOD_TARGET = Path("tuyen-quang") / "2021-08-31-thong-bao-y-kien.md"
SLOW = 60
"""Seconds a child import may take before the test calls it a hang: the inputs below take
under 10 s (BENCHMARKS.md), before the fixes from 55 s (20,000 paragraphs) to forever."""


def run_import(tmp_path: Path, *args: str | Path) -> tuple[int, list[str], str]:
    """``ketluan import --out <tmp>/out ...`` in-process: exit status, stdout lines, stderr."""
    out = io.StringIO()
    err = io.StringIO()
    config = tmp_path / "none.yml"  # absent: the built-in types
    argv = ["import", "-f", str(config), "--out", str(tmp_path / "out"), *map(str, args)]
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        status = main(argv)
    finally:
        sys.stdout, sys.stderr = old
    return status, out.getvalue().splitlines(), err.getvalue()


def run_child(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """The same as a separate process, killed after SLOW seconds; its output is strict
    UTF-8, as in a terminal of a UTF-8 locale."""
    code = "import sys; from ketluan.cli import main; sys.exit(main(sys.argv[1:]))"
    argv = ["import", "-f", str(tmp_path / "none.yml"), "--out", str(tmp_path / "out")]
    return subprocess.run(
        [sys.executable, "-c", code, *argv, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
        timeout=SLOW,
        check=False,
    )


def failed_block(lines: list[str], source: Path) -> list[str]:
    """The ``failed:`` line of ``source`` and its indented messages."""
    start = next(i for i, line in enumerate(lines) if line.startswith(f"failed: {source}"))
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    return lines[start:end]


def word_file(path: Path, paragraphs: list[str] | None = None) -> Path:
    """A small valid .docx (a conclusion heading and a line of text by default)."""
    document = docx.Document()
    for text in paragraphs or ["KẾT LUẬN", "Ngày 5/4/2024, Huyện ủy Sơn Động họp."]:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def rewrite(path: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    """Rewrite one member of a zip file in place."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            target.writestr(info, change(data) if info.filename == member else data)
    return path


def with_doctype(subset: str) -> Callable[[bytes], bytes]:
    """Insert ``<!DOCTYPE x [subset]>`` after the XML declaration."""

    def change(data: bytes) -> bytes:
        head, _, rest = data.partition(b"?>")
        return head + b"?>" + f"<!DOCTYPE x [{subset}]>".encode() + rest

    return change


def assert_batch_went_on(status: int, lines: list[str], out: Path) -> None:
    assert status == 1
    assert (out / GOOD_TARGET).is_file()
    assert lines[-1].endswith("1 failed"), lines
    assert not any("Traceback" in line for line in lines)


# --- writing: links, folders, atomic replacement ------------------------------------------


def test_symlinked_folder_under_out_is_refused_and_nothing_is_written_outside(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "tuyen-quang").symlink_to(outside)
    status, lines, _ = run_import(tmp_path, GOOD)
    assert status == 1
    assert list(outside.iterdir()) == []
    block = failed_block(lines, GOOD)
    assert "tuyen-quang is a symbolic link" in block[1]
    assert "never writes through a link" in block[1]


@pytest.mark.parametrize("force", [False, True])
def test_symlinked_file_under_out_is_never_written_through(tmp_path: Path, force: bool) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("precious", encoding="utf-8")
    link = tmp_path / "out" / GOOD_TARGET
    link.parent.mkdir(parents=True)
    link.symlink_to(outside)
    status, lines, _ = run_import(tmp_path, *(["--force"] if force else []), GOOD)
    assert status == 1
    assert outside.read_text(encoding="utf-8") == "precious"
    assert link.is_symlink()
    assert f"{GOOD_TARGET.name} is a symbolic link" in failed_block(lines, GOOD)[1]


def test_dangling_symlink_at_the_target_creates_nothing_outside(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "new.md"
    outside.parent.mkdir()
    link = tmp_path / "out" / GOOD_TARGET
    link.parent.mkdir(parents=True)
    link.symlink_to(outside)
    status, lines, _ = run_import(tmp_path, GOOD)
    assert status == 1
    assert not outside.exists()
    assert "is a symbolic link" in failed_block(lines, GOOD)[1]


def test_target_that_is_a_folder_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "out" / GOOD_TARGET
    (folder / "inside").mkdir(parents=True)
    other = word_file(tmp_path / "other.docx")
    status, lines, _ = run_import(tmp_path, GOOD, other)
    assert status == 1
    block = failed_block(lines, GOOD)
    assert f"{GOOD_TARGET.name} is a folder, not a file" in block[1]
    assert lines[-1] == "0 imported, 1 needs attention, 0 skipped, 1 failed"


def test_file_where_a_folder_belongs_is_reported(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "tuyen-quang").write_text("ghi chú", encoding="utf-8")
    status, lines, _ = run_import(tmp_path, GOOD)
    assert status == 1
    assert "tuyen-quang is a file, not a folder" in failed_block(lines, GOOD)[1]
    assert (tmp_path / "out" / "tuyen-quang").read_text(encoding="utf-8") == "ghi chú"


def test_dry_run_reports_a_link_it_would_write_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "tuyen-quang").symlink_to(outside)
    status, lines, _ = run_import(tmp_path, "--dry-run", GOOD)
    assert status == 1
    assert "is a symbolic link" in failed_block(lines, GOOD)[1]
    assert list(outside.iterdir()) == []


def test_forced_overwrite_replaces_the_file_so_a_hard_link_elsewhere_keeps_its_text(
    tmp_path: Path,
) -> None:
    target = tmp_path / "out" / GOOD_TARGET
    target.parent.mkdir(parents=True)
    target.write_text("---\ntitle: cũ\n---\n", encoding="utf-8")
    elsewhere = tmp_path / "hard-link.md"
    os.link(target, elsewhere)
    status, lines, _ = run_import(tmp_path, "--force", GOOD)
    assert status == 0, lines
    assert elsewhere.read_text(encoding="utf-8") == "---\ntitle: cũ\n---\n"
    assert "thong-bao-y-kien" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temp files


def test_out_that_is_a_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    status, lines, _ = run_import(tmp_path, GOOD)
    assert status == 1
    assert "is a file, not a folder" in failed_block(lines, GOOD)[1]
    assert (tmp_path / "out").read_text(encoding="utf-8") == "not a folder"


# --- inputs that are not what their name says -----------------------------------------------


def test_docx_that_is_not_a_zip_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("{\\rtf1 saved as RTF and renamed}", encoding="utf-8")
    status, lines, _ = run_import(tmp_path, bad, GOOD)
    assert_batch_went_on(status, lines, tmp_path / "out")
    block = failed_block(lines, bad)
    assert "not a Word .docx file" in block[1]
    assert "save it as .docx" in block[1]


ENTITIES = {
    "external entity (XXE)": '<!ENTITY xxe SYSTEM "file:///etc/hostname">',
    "billion laughs": '<!ENTITY a "aaaaaaaaaa">'
    + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
        for p, c in zip("abcdefgh", "bcdefghi", strict=False)
    ),
    "empty DOCTYPE": "",
}


@pytest.mark.parametrize("subset", ENTITIES.values(), ids=ENTITIES.keys())
@pytest.mark.parametrize(
    "member",
    ["word/document.xml", "word/styles.xml", "[Content_Types].xml", "_rels/.rels"],
)
def test_doctype_in_any_part_of_a_docx_is_refused(tmp_path: Path, member: str, subset: str) -> None:
    bad = word_file(tmp_path / "bad.docx", ["KẾT LUẬN", "Nội dung &i; &xxe; hết."])
    rewrite(bad, member, with_doctype(subset))
    status, lines, _ = run_import(tmp_path, bad, GOOD)
    assert_batch_went_on(status, lines, tmp_path / "out")
    block = failed_block(lines, bad)
    assert f"{member} has a DOCTYPE declaration" in block[1]


def test_doctype_in_a_utf16_part_is_refused(tmp_path: Path) -> None:
    bad = word_file(tmp_path / "bad.docx")

    def utf16(data: bytes) -> bytes:
        text = with_doctype('<!ENTITY xxe SYSTEM "file:///etc/hostname">')(data).decode()
        return text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")

    rewrite(bad, "word/document.xml", utf16)
    status, lines, _ = run_import(tmp_path, bad, GOOD)
    assert_batch_went_on(status, lines, tmp_path / "out")
    assert "word/document.xml has a DOCTYPE declaration" in failed_block(lines, bad)[1]


def test_docx_with_a_missing_or_broken_part_is_reported(tmp_path: Path) -> None:
    broken = rewrite(word_file(tmp_path / "broken.docx"), "word/document.xml", lambda d: d[:-40])
    status, lines, _ = run_import(tmp_path, broken, GOOD)
    assert_batch_went_on(status, lines, tmp_path / "out")
    assert "cannot read the Word file" in failed_block(lines, broken)[1]


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def test_fifo_given_as_input_is_refused_without_opening(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "pipe.txt")
    result = run_child(tmp_path, pipe, GOOD)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "is a FIFO (named pipe), not a regular file" in failed_block(lines, pipe)[1]
    assert (tmp_path / "out" / GOOD_TARGET).is_file()
    assert "Traceback" not in result.stderr


def test_fifo_and_folder_in_an_input_folder_are_reported(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_bytes(GOOD.read_bytes())
    pipe = fifo(inbox / "pipe.docx")
    folder = inbox / "thu-muc.docx"
    folder.mkdir()
    result = run_child(tmp_path, inbox)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "is a FIFO (named pipe), not a regular file" in failed_block(lines, pipe)[1]
    assert "is a folder, not a file" in failed_block(lines, folder)[1]
    assert lines[-1] == "1 imported, 0 needs attention, 0 skipped, 2 failed"


def test_fifo_in_the_out_folder_does_not_hang_the_import(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    fifo(tmp_path / "out" / "pipe.md")
    result = run_child(tmp_path, GOOD)
    assert result.returncode == 0, result.stdout
    assert (tmp_path / "out" / GOOD_TARGET).is_file()


def test_missing_input_is_reported(tmp_path: Path) -> None:
    status, lines, _ = run_import(tmp_path, tmp_path / "khong-co.docx", GOOD)
    assert_batch_went_on(status, lines, tmp_path / "out")
    assert "no such file" in failed_block(lines, tmp_path / "khong-co.docx")[1]


def test_file_name_that_is_not_utf8_is_imported_and_reported(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    name = os.fsdecode(b"v\xe0n-b\xe3n.txt")  # Latin-1 bytes from an old archive
    (inbox / name).write_bytes(GOOD.read_bytes())
    result = run_child(tmp_path, inbox)
    assert result.returncode == 0, result.stderr
    assert "imported: " in result.stdout and "v\ufffdn-b\ufffdn.txt -> " in result.stdout
    assert (tmp_path / "out" / GOOD_TARGET).is_file()


def test_unreadable_configuration_is_one_message(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("plugins:\n  - ketluan:\n      extra_types: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "ketluan.cli", "import", "-f", str(config), str(GOOD)],
        capture_output=True,
        text=True,
        timeout=SLOW,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{config}: ") and "line 4" in result.stderr


# --- sizes ------------------------------------------------------------------------------------


def peak_memory(action: Callable[[], object]) -> int:
    """Peak bytes allocated by Python objects while ``action`` runs."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_oversized_text_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: 50 MB that take no disk
        handle.truncate(50_000_000)
    outcomes: list = []
    peak = peak_memory(
        lambda: outcomes.extend(import_files([big], tmp_path / "out", BUILTIN_TYPES))
    )
    assert peak < 10_000_000
    (outcome,) = outcomes
    assert outcome.status == "failed"
    assert outcome.messages[0].startswith("file is 50,000,000 bytes, over the 2,000,000-byte")


def test_oversized_docx_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    big = tmp_path / "big.docx"
    with big.open("wb") as handle:
        handle.truncate(60_000_000)
    status, lines, _ = run_import(tmp_path, big, GOOD)
    assert_batch_went_on(status, lines, tmp_path / "out")
    assert "file is 60,000,000 bytes, over the 20,000,000-byte limit" in failed_block(lines, big)[1]


def zip_bomb(path: Path, member: str, size: int = 200_000_000) -> Path:
    """A .docx whose ``member`` (XML kept well-formed, or a new part) unpacks to ``size``
    bytes, a few hundred KB packed."""
    word_file(path)
    with zipfile.ZipFile(path) as source:
        items = {info.filename: (info, source.read(info.filename)) for info in source.infolist()}
    data = items.pop(member, (None, b""))[1]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, content in items.values():
            target.writestr(info, content)
        with target.open(member, "w", force_zip64=True) as handle:
            handle.write(data[:-30])
            chunk = b" " * 1_000_000
            for _ in range(size // len(chunk)):
                handle.write(chunk)
            handle.write(data[-30:])
    return path


@pytest.mark.parametrize("member", ["word/document.xml", "word/media/image1.png"])
def test_zip_bomb_is_refused_from_the_sizes_in_the_zip_directory(
    tmp_path: Path, member: str
) -> None:
    bomb = zip_bomb(tmp_path / "bomb.docx", member)
    assert bomb.stat().st_size < 1_000_000
    outcomes: list = []
    peak = peak_memory(
        lambda: outcomes.extend(import_files([bomb], tmp_path / "out", BUILTIN_TYPES))
    )
    assert peak < 20_000_000
    (outcome,) = outcomes
    assert outcome.status == "failed"
    assert "unpacks to 200,00" in outcome.messages[0]
    assert "zip bomb" in outcome.messages[0]


def varied_words(count: int, seed: int = 1) -> list[str]:
    """Vietnamese-looking words that do not compress away."""
    import random

    syllables = [
        "an",
        "anh",
        "ba",
        "bac",
        "cao",
        "chi",
        "dan",
        "dong",
        "giang",
        "ha",
        "hoa",
        "huyen",
        "ky",
        "la",
        "lam",
        "minh",
        "ngoc",
        "phu",
    ]
    rng = random.Random(seed)
    return [rng.choice(syllables) + str(rng.randrange(1000)) for _ in range(count)]


def test_docx_whose_text_is_over_the_conclusion_limit_is_refused(tmp_path: Path) -> None:
    words = varied_words(450_000)
    paragraphs = ["KẾT LUẬN"] + [" ".join(words[i : i + 300]) + "." for i in range(0, 450_000, 300)]
    big = word_file(tmp_path / "big.docx", paragraphs)  # 1.2 MB, 3 MB of text
    assert big.stat().st_size > 1_000_000
    status, lines, _ = run_import(tmp_path, big, GOOD)
    assert_batch_went_on(status, lines, tmp_path / "out")
    message = failed_block(lines, big)[1]
    assert "text is " in message
    assert "over the 2,000,000-byte limit of a conclusion file" in message
    assert not list((tmp_path / "out").rglob("*-ket-luan.md"))


# --- pathological structure: linear time or a clear limit -------------------------------------


def many_paragraphs(path: Path, count: int, text: str = "x", numbered: bool = False) -> Path:
    """``count`` short paragraphs (``text``, or ``text`` and its number), written straight
    into the XML (python-docx's own add_paragraph is itself slow at this size)."""
    word_file(path, ["KẾT LUẬN"])
    if numbered:
        body = b"".join(
            b"<w:p><w:r><w:t>%s%d</w:t></w:r></w:p>" % (text.encode(), i) for i in range(count)
        )
    else:
        body = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode() * count

    def fill(data: bytes) -> bytes:
        head, _, tail = data.rpartition(b"<w:sectPr")
        return head + body + b"<w:sectPr" + tail

    return rewrite(path, "word/document.xml", fill)


def test_docx_of_20000_paragraphs_imports(tmp_path: Path) -> None:
    """58 KB packed; the paragraphs, all lowercase and unpunctuated, join into one."""
    source = many_paragraphs(tmp_path / "many.docx", 20_000)
    assert source.stat().st_size < 100_000
    result = run_child(tmp_path, source)
    assert result.returncode == 0, result.stdout + result.stderr
    (written,) = (tmp_path / "out").rglob("*.md")
    assert written.read_text(encoding="utf-8").count("x") >= 20_000


def test_docx_of_20000_paragraphs_and_2000_styles_imports(tmp_path: Path) -> None:
    """python-docx looks a paragraph's style up among all styles: paragraphs x styles."""
    source = many_paragraphs(tmp_path / "styles.docx", 20_000)
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="S{n}"><w:name w:val="Kiểu {n}"/></w:style>'
        for n in range(2_000)
    ).encode()
    rewrite(
        source,
        "word/styles.xml",
        lambda data: data.replace(b"</w:styles>", styles + b"</w:styles>"),
    )
    result = run_child(tmp_path, source)
    assert result.returncode == 0, result.stdout + result.stderr


def test_docx_of_600000_paragraphs_is_refused_with_the_limit(tmp_path: Path) -> None:
    source = many_paragraphs(tmp_path / "huge.docx", 600_000, numbered=True)
    assert 1_000_000 < source.stat().st_size < 2_000_000
    result = run_child(tmp_path, source, GOOD)
    assert result.returncode == 1
    message = failed_block(result.stdout.splitlines(), source)[1]
    assert "over the " in message and "limit" in message
    assert (tmp_path / "out" / GOOD_TARGET).is_file()


def test_text_of_one_long_soft_wrapped_paragraph_imports(tmp_path: Path) -> None:
    """1.9 MB in 47,000 lowercase lines that each continue the previous one."""
    source = tmp_path / "wrapped.txt"
    line = " ".join(varied_words(5)).lower()
    source.write_text("KẾT LUẬN\n\n" + f"{line}\n" * 47_000)
    assert 1_500_000 < source.stat().st_size < 2_000_000
    result = run_child(tmp_path, source)
    assert result.returncode == 0, result.stdout + result.stderr


def test_docx_of_one_long_paragraph_cut_in_45000_pieces_imports(tmp_path: Path) -> None:
    """Paragraphs that each continue the previous one are rejoined in linear time."""
    line = " ".join(varied_words(5)).lower()
    source = many_paragraphs(tmp_path / "pieces.docx", 45_000, line)
    result = run_child(tmp_path, source)
    assert result.returncode == 0, result.stdout + result.stderr


def test_text_with_more_lines_than_the_limit_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "lines.txt"
    source.write_text("KẾT LUẬN\n" + "x.\n\n" * 400_000, encoding="utf-8")
    result = run_child(tmp_path, source, GOOD)
    assert result.returncode == 1
    message = failed_block(result.stdout.splitlines(), source)[1]
    assert "lines of text, over the 50,000-line limit" in message
