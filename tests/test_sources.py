"""Walking ``conclusions/``: every file that looks like a conclusion is read or reported,
never silently skipped; only regular files are opened, and only after their size is known."""

from __future__ import annotations

import os
import subprocess
import tracemalloc
from pathlib import Path

import pytest

from conftest import REPO, Site, conclusion
from ketluan.core.corpus import load_corpus
from ketluan.core.frontmatter import MAX_BYTES
from ketluan.core.model import BUILTIN_TYPES
from ketluan.core.problems import ProblemsError

KETLUAN = str(REPO / ".venv" / "bin" / "ketluan")


def problems(site: Site) -> list[str]:
    with pytest.raises(ProblemsError) as caught:
        load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    return [str(p) for p in caught.value.problems]


def test_symlinked_folder_elsewhere_is_refused(site: Site, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "d.md").write_text(conclusion(number="2-KL/HU"), encoding="utf-8")
    site.add("a.md", conclusion(number="1-KL/HU"))
    os.symlink(elsewhere, site.conclusions / "linked")
    assert problems(site) == [
        "conclusions/linked: is a link to a folder; links to folders are not followed, so its "
        "documents would not be published. Move or copy the folder into conclusions/ instead "
        "of linking it."
    ]


def test_symlinked_folder_inside_the_project_is_refused_too(site: Site) -> None:
    """Following links only inside the project would publish a document twice or not at all
    depending on where the link points; refusing every link to a folder is one rule."""
    site.add("a.md", conclusion(number="1-KL/HU"))
    site.add("real/b.md", conclusion(number="2-KL/HU"))
    os.symlink(site.conclusions / "real", site.conclusions / "alias")
    assert [p.split(":")[0] for p in problems(site)] == ["conclusions/alias"]


@pytest.mark.parametrize(
    "name", ["b.MD", "b.Md", "b.markdown", "b.mdown", "b.mkd", "b.mkdn", "b.mdwn", "b.MARKDOWN"]
)
def test_other_markdown_extensions_are_reported(site: Site, name: str) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    site.add(f"sub/{name}", conclusion(number="2-KL/HU"))
    assert problems(site) == [
        f"conclusions/sub/{name}: only files ending in .md are read, so this document would "
        f"not be published. Rename it to {name.rsplit('.', 1)[0]}.md."
    ]


def test_readme_files_of_any_case_are_documentation(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    site.add("README.md", "# Hướng dẫn\n")
    site.add("sub/README.MD", "# Hướng dẫn\n")
    site.add("notes.txt", "ghi chú")
    assert len(load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents) == 1


def test_fifo_is_refused_without_opening_it(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    os.mkfifo(site.conclusions / "b.md")
    site.write_config()
    result = subprocess.run(
        [KETLUAN, "check"], cwd=site.root, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "1 problem(s) in 1 file(s):",
        "conclusions/b.md: is not a regular file (a named pipe). Replace it with an ordinary "
        "file saved from your editor.",
    ]


def test_oversize_file_is_refused_before_it_is_read(site: Site) -> None:
    """A 50 MB file (sparse: no disk used) must cost no memory: its size is known from the
    file system before anything is read."""
    site.add("a.md", conclusion(number="1-KL/HU"))
    big = site.add("big.md", "")
    with big.open("wb") as handle:
        handle.truncate(50_000_000)
    tracemalloc.start()
    try:
        found = problems(site)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found == [
        f"conclusions/big.md: file is 50,000,000 bytes, over the {MAX_BYTES:,}-byte limit. "
        "Split it or remove embedded data."
    ]
    assert peak < 5_000_000


def _write_bytes_name(folder: Path, name: bytes, text: str) -> None:
    with open(os.fsencode(folder) + b"/" + name, "w", encoding="utf-8") as handle:
        handle.write(text)


def test_file_name_that_is_not_utf8_is_named_and_refused(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    _write_bytes_name(site.conclusions, b"b\xff.md", conclusion(number="2-KL/HU"))
    assert problems(site) == [
        "conclusions/b\\xff.md: the file name is not valid UTF-8 (a byte 0xFF cannot be read). "
        "Rename it, typing the name again."
    ]


def test_folder_name_that_is_not_utf8_is_named_and_refused(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    folder = os.fsencode(site.conclusions) + b"/s\xf5n-\xf0\xf4ng"
    os.mkdir(folder)
    _write_bytes_name(Path(os.fsdecode(folder)), b"b.md", conclusion(number="2-KL/HU"))
    assert problems(site) == [
        "conclusions/s\\xf5n-\\xf0\\xf4ng: the folder name is not valid UTF-8 (a byte 0xF5 "
        "cannot be read). Rename it, typing the name again."
    ]


@pytest.mark.parametrize("command", ["check", "build"])
def test_name_that_is_not_utf8_never_shows_a_traceback(site: Site, command: str) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    _write_bytes_name(site.conclusions, b"b\xff.md", conclusion(number="2-KL/HU"))
    site.write_config()
    argv = (
        [KETLUAN, "check"]
        if command == "check"
        else [str(REPO / ".venv/bin/mkdocs"), "build", "--strict"]
    )
    result = subprocess.run(
        argv, cwd=site.root, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "conclusions/b\\xff.md: the file name is not valid UTF-8" in result.stderr
    assert not (site.root / "site" / "index.html").exists()


def test_folder_named_like_a_markdown_file_is_walked(site: Site) -> None:
    site.add("2024.md/a.md", conclusion(number="1-KL/HU"))
    (doc,) = load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents
    assert doc.source == "conclusions/2024.md/a.md"


def test_dangling_link_is_reported(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    os.symlink(site.root / "missing.md", site.conclusions / "b.md")
    assert problems(site) == [
        "conclusions/b.md: is a link to a file that does not exist. Remove the link, or copy "
        "the file into the folder instead of linking it."
    ]
