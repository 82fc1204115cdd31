"""Malformed input: each kind gives path:line and a fix, never a traceback, and a broken
file never costs its valid neighbours."""

from __future__ import annotations

import os
import subprocess
import unicodedata
from pathlib import Path

import pytest

from conftest import REPO, Site, conclusion
from ketluan.core.corpus import load_corpus
from ketluan.core.frontmatter import MAX_BYTES
from ketluan.core.model import BUILTIN_TYPES
from ketluan.core.problems import ProblemsError

GOOD = conclusion(number="1-KL/HU")

# kind -> (file content, expected start of the single problem line after "conclusions/x.md")
MALFORMED: dict[str, tuple[str | bytes, str]] = {
    "empty file": ("", ":1: missing front matter."),
    "only whitespace": ("\n\n  \n", ":1: missing front matter."),
    "front matter only": ("---\ntitle: a\n---\n", ":4: the document has no text."),
    "empty front matter": ("---\n---\n\nText\n", ":1: front matter is empty."),
    "front matter is a list": (
        "---\n- a\n- b\n---\nText\n",
        ":2: front matter must be 'field: value' lines.",
    ),
    "front matter is a scalar": (
        "---\njust text\n---\nText\n",
        ":2: front matter must be 'field: value' lines.",
    ),
    "unclosed front matter": ("---\ntitle: a\ntype: ket-luan\n", ":1: front matter is not closed."),
    "unclosed quote": (
        "---\ntitle: 'a\ntype: ket-luan\n---\nText\n",
        ":4: front matter is not valid YAML",
    ),
    "colon in unquoted value": (
        "---\ntitle: Kết luận: số 1: a\n---\nText\n",
        ":2: front matter is not valid YAML",
    ),
    "tab indentation": (
        "---\nsigner:\n\tname: x\n---\nText\n",
        ":3: front matter is not valid YAML: found character that cannot start",
    ),
    "bad indentation": (
        "---\ntitle: a\n  type: b\n---\nText\n",
        ":3: front matter is not valid YAML",
    ),
    "duplicate key": (
        GOOD.replace("type: ket-luan", "type: ket-luan\ntype: ket-luan"),
        ":4: type: field given twice (first on line 3).",
    ),
    "alias bomb": (
        "---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n---\nText\n",
        ":3: front matter is not valid YAML: YAML aliases (*name) are not allowed.",
    ),
    "deeply nested YAML": (
        "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\nText\n",
        ":2: front matter is nested too deeply.",
    ),
    "python object tag": (
        "---\ntitle: !!python/object/apply:os.system ['true']\n---\nText\n",
        ":2: title: YAML tag tag:yaml.org,2002:python/object/apply:os.system"
        " is not allowed. Remove the tag; write a plain value.",
    ),
    "number as integer": (conclusion(number="604"), ":4: number: expected text, got 604."),
    "date with time": (
        conclusion(date="2024-03-27 10:00:00"),
        ":5: date: expected a date without time",
    ),
    "impossible date": (conclusion(date="2024-02-30"), ":5: date: no such date"),
    "date before the Party existed": (conclusion(date="1899-01-01"), ":5: date: no such date"),
    "day-first date": (
        conclusion(date="27/03/2024"),
        ":5: date: expected YYYY-MM-DD, got '27/03/2024'. Write 2024-03-27.",
    ),
    "boolean type": (conclusion(type="yes"), ":3: type: unknown type True"),
    "signer is text": (
        conclusion(signer="signer: Đỗ Văn Cẩm"),
        ":9: signer: expected fields under it, got 'Đỗ Văn Cẩm'.",
    ),
    "recipients item is a mapping": (conclusion(signer=None) + "", ""),  # replaced below
    "unknown field": (conclusion(so_hieu="1"), ":9: so_hieu: unknown field."),
    "NUL byte": (GOOD.replace("Nội dung", "Nội\x00dung"), ":15: file contains a NUL byte."),
    "Windows-1258 bytes": (
        "---\ntitle: Thông báo\n---\n".encode("cp1258"),
        ":2: file is not UTF-8",
    ),
    "Latin-1 bytes": ("---\ntitle: caf\xe9\n---\n".encode("latin-1"), ":2: file is not UTF-8"),
    "UTF-16 file": (GOOD.encode("utf-16"), ":1: file is not UTF-8"),
    "huge file": (
        "x" * (MAX_BYTES + 1),
        ": file is 2,000,001 bytes, over the 2,000,000-byte limit.",
    ),
    "no body": (GOOD.split("---\n\n")[0] + "---\n", ":14: the document has no text."),
    "news with number": (
        conclusion(type="tin-bai", signer=""),
        ":4: number: a tin-bai document has no number.",
    ),
}
MALFORMED["recipients item is a mapping"] = (
    GOOD.replace("---\n\nNội", "recipients:\n  - a: b\n---\n\nNội"),
    ":14: recipients[0]: expected text, got {'a': 'b'}.",
)


@pytest.mark.parametrize("kind", list(MALFORMED))
def test_malformed_kind_names_file_line_and_fix(site: Site, kind: str) -> None:
    content, expected = MALFORMED[kind]
    site.add("x.md", content)
    site.add("y.md", GOOD)
    with pytest.raises(ProblemsError) as caught:
        load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    lines = [str(p) for p in caught.value.problems]
    assert any(line.startswith("conclusions/x.md" + expected) for line in lines), lines
    assert all(line.startswith("conclusions/x.md") for line in lines), "neighbour untouched"
    assert all(
        (line.endswith(".") and line.count(". ") >= 1) or "Did you mean" in line for line in lines
    ), "every problem says what to do"


def test_at_least_thirty_kinds() -> None:
    assert len(MALFORMED) >= 30


def test_valid_input_variants_are_accepted(site: Site) -> None:
    site.add("bom.md", b"\xef\xbb\xbf" + conclusion(number="1-KL/HU").encode())
    site.add("crlf.md", conclusion(number="2-KL/HU").replace("\n", "\r\n"))
    site.add("nfd.md", unicodedata.normalize("NFD", conclusion(number="3-KL/HU")))
    site.add("tên có dấu và khoảng trắng.md", conclusion(number="4-KL/HU"))
    docs = load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents
    assert sorted(d.number for d in docs) == ["1-KL/HU", "2-KL/HU", "3-KL/HU", "4-KL/HU"]
    assert all(unicodedata.is_normalized("NFC", d.issuer) for d in docs)


def test_symlink_out_of_the_tree_is_refused(site: Site, tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text(GOOD, encoding="utf-8")
    os.symlink(outside, site.conclusions / "link.md")
    with pytest.raises(ProblemsError) as caught:
        load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    assert [str(p) for p in caught.value.problems] == [
        "conclusions/link.md: links to a file outside the conclusions folder. Copy the file "
        "into the folder instead of linking it."
    ]


def test_malformed_files_never_show_a_traceback(site: Site) -> None:
    for index, (content, _) in enumerate(MALFORMED.values()):
        site.add(f"f{index:02d}.md", content)
    site.write_config()
    result = subprocess.run(
        [str(REPO / ".venv/bin/ketluan"), "check"],
        cwd=site.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    files = {line.split(":")[0] for line in result.stderr.splitlines()[1:]}
    assert len(files) == len(MALFORMED)
