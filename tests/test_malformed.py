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
    "date before the Party existed": (
        conclusion(date="1899-01-01"),
        ":5: date: no such date (the year must be 1930 to 2099)",
    ),
    "date far in the future": (
        conclusion(date="2999-12-31"),
        ":5: date: no such date (the year must be 1930 to 2099), got 2999-12-31.",
    ),
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
    # Control characters: invisible, and invalid in XML (the Atom feed) and HTML.
    "escape character in title (YAML escape)": (
        conclusion(title='"Kết luận \\e[31m đỏ"'),
        ":2: title: contains the control character U+001B.",
    ),
    "control character in title (\\x01)": (
        conclusion(title='"Kết luận \\x01"'),
        ":2: title: contains the control character U+0001.",
    ),
    "DEL in number": (conclusion(number='"604-KL/HU\\x7f"'), ":4: number: contains the control"),
    "NUL escape in issuer": (
        conclusion(issuer='"Huyện ủy\\0 Sơn Động"'),
        ":6: issuer: contains the control character U+0000.",
    ),
    "C1 control in signer name": (
        conclusion(signer='signer:\n  name: "Đỗ Văn\\x85 Cẩm"'),
        ":10: signer.name: contains the control character U+0085.",
    ),
    "control character in a recipient": (
        GOOD.replace("---\n\nNội", 'recipients:\n  - "BTV\\x1b Tỉnh ủy"\n---\n\nNội'),
        ":14: recipients[0]: contains the control character U+001B.",
    ),
    "control character in a reference": (
        GOOD.replace(
            "---\n\nNội", 'references:\n  - number: "04-NQ/TU"\n    issuer: "a\\x07"\n---\n\nNội'
        ),
        ":15: references[0].issuer: contains the control character U+0007.",
    ),
    "raw escape character in front matter": (
        conclusion(meeting="Kỳ họp \x1b[2J"),
        ":9: file contains the control character U+001B (column 17).",
    ),
    "raw C1 control in body": (
        GOOD.replace("Nội dung", "Nội\x9b dung"),
        ":15: file contains the control character U+009B (column 4).",
    ),
    # Invisible-only text is empty text.
    "title of zero-width spaces": (
        conclusion(title='"\\u200b\\u200c\\u200d \\u2060\\ufeff"'),
        ":2: title: is empty (it holds only invisible characters).",
    ),
    "body of zero-width spaces": (
        # the line holding the invisible characters
        GOOD.replace("Nội dung kết luận.", "\u200b\u200b\n\ufeff"),
        ":15: the document has no text.",
    ),
    # Real calendar dates only.
    "month 00": (conclusion(date="2024-00-15"), ":5: date: no such date (month 00)"),
    "day 00": (
        conclusion(date="2024-03-00"),
        ":5: date: no such date (day 00), got '2024-03-00'. Write 2024-03 if the day is not known.",
    ),
    "month 00 without a day": (conclusion(date='"2024-00"'), ":5: date: no such date (month 00)"),
    # Fields that make a URL segment must make a usable one.
    "number without letters or digits": (
        conclusion(number="'///'"),
        ":4: number: '///' has no letter or digit to make the web address from.",
    ),
    "issuer without letters or digits": (
        conclusion(issuer="'★★★'"),
        ":6: issuer: '★★★' has no letter or digit to make the web address from.",
    ),
    "news title without letters or digits": (
        conclusion(type="tin-bai", number=None, title="'★ ★ ★'"),
        ":2: title: '★ ★ ★' has no letter or digit to make the web address from.",
    ),
    "news title with a 900-letter word": (
        conclusion(type="tin-bai", number=None, title="Tin " + "a" * 900),
        ":2: title: makes a web address part of 915 characters, over 200.",
    ),
    "issuer that spells out too long": (
        conclusion(issuer="'Huyện ủy " + "北" * 150 + "'"),
        ":6: issuer: makes a web address part of",
    ),
    "signer name that spells out too long": (
        conclusion(signer="signer:\n  name: Đỗ " + "a" * 300),
        ":10: signer.name: makes a web address part of",
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


def test_at_least_fifty_kinds() -> None:
    assert len(MALFORMED) >= 50


def test_valid_input_variants_are_accepted(site: Site) -> None:
    site.add("bom.md", b"\xef\xbb\xbf" + conclusion(number="1-KL/HU").encode())
    site.add("crlf.md", conclusion(number="2-KL/HU").replace("\n", "\r\n"))
    site.add("nfd.md", unicodedata.normalize("NFD", conclusion(number="3-KL/HU")))
    site.add("tên có dấu và khoảng trắng.md", conclusion(number="4-KL/HU"))
    docs = load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents
    assert sorted(d.number for d in docs) == ["1-KL/HU", "2-KL/HU", "3-KL/HU", "4-KL/HU"]
    assert all(unicodedata.is_normalized("NFC", d.issuer) for d in docs)


def test_block_scalar_may_hold_a_dashes_line(site: Site) -> None:
    """Front matter ends at a '---' line at the start of a line, as in YAML: an indented one
    belongs to a block scalar."""
    site.add("a.md", conclusion(meeting="|\n  Kỳ họp thứ 22\n  ---\n  phiên bế mạc"))
    (doc,) = load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents
    assert doc.meeting == "Kỳ họp thứ 22 --- phiên bế mạc"
    assert doc.body == "Nội dung kết luận.\n"


def test_partial_dates_and_whitespace_stay_valid(site: Site) -> None:
    """YYYY-MM and YYYY when the copy gives no day; tabs and line breaks of a multi-line value
    are spaces; invisible characters inside visible text are kept."""
    site.add("a.md", conclusion(number="1-KL/HU", date='"2024-03"'))
    site.add("b.md", conclusion(number="2-KL/HU", date="2023"))
    site.add("c.md", conclusion(number="3-KL/HU", title='"Kết luận\tvề\nkinh tế"'))
    site.add("d.md", conclusion(number="4-KL/HU", title=">\n  Kết luận về\n  kinh tế\u200b"))
    docs = {d.number: d for d in load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents}
    assert docs["1-KL/HU"].date.iso() == "2024-03"
    assert docs["2-KL/HU"].date.iso() == "2023"
    assert docs["3-KL/HU"].title == "Kết luận về kinh tế"
    assert docs["4-KL/HU"].title == "Kết luận về kinh tế\u200b"


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
