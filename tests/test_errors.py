"""Bad front matter gives exact, actionable errors naming file and line, all at once."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import Site, conclusion
from ketluan.core.corpus import load_corpus
from ketluan.core.model import BUILTIN_TYPES
from ketluan.core.problems import ProblemsError

P = "conclusions/bac-giang/son-dong/604.md"


def problems_for(
    site: Site, text: str | bytes, rel: str = "bac-giang/son-dong/604.md"
) -> list[str]:
    site.add(rel, text)
    with pytest.raises(ProblemsError) as caught:
        load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    return [str(p) for p in caught.value.problems]


CASES = {
    "wrong date format": (
        conclusion(date="27/3/2024"),
        [f"{P}:5: date: expected YYYY-MM-DD, got '27/3/2024'. Write 2024-03-27."],
    ),
    "impossible date": (
        conclusion(date="2024-02-30"),
        [
            f"{P}:5: date: no such date, got '2024-02-30'. Write the date as YYYY-MM-DD, "
            "e.g. 2024-03-27."
        ],
    ),
    "missing title": (
        conclusion(title=None),
        [
            f"{P}:1: title: is missing. Add 'title: Kết luận của Ban Chấp hành Đảng bộ huyện "
            "tại kỳ họp thứ 22'."
        ],
    ),
    "unknown type with suggestion": (
        conclusion(type="ket-luann"),
        [f"{P}:3: type: unknown type 'ket-luann'. Did you mean 'ket-luan'?"],
    ),
    "missing number for a numbered type": (
        conclusion(number=None),
        [
            f"{P}:1: number: is missing (required for ket-luan). Add 'number: 604-KL/HU (or "
            "number: null if the published copy shows none)'."
        ],
    ),
    "signer without name": (
        conclusion(signer="signer:\n  title: Phó Bí thư"),
        [f"{P}:9: signer: signer.name is missing. Add 'name: Đỗ Văn Cẩm' under signer."],
    ),
    "misspelt field": (
        conclusion(isuer="x"),
        [f"{P}:9: isuer: unknown field. Did you mean 'issuer'?"],
    ),
    "news with a signer": (
        conclusion(type="tin-bai", number=None, signer="signer:\n  name: Đỗ Văn Cẩm"),
        [f"{P}:8: signer: a tin-bai document has no signer. Remove 'signer:' or change type."],
    ),
    "text expected, list given": (
        conclusion(issuer="[a, b]"),
        [
            f"{P}:6: issuer: expected text, got ['a', 'b']. Write it as text, "
            "e.g. issuer: Huyện ủy Sơn Động."
        ],
    ),
    "recipients not a list": (
        conclusion(recipients="BTV Tỉnh ủy"),
        [
            f"{P}:9: recipients: expected a list, got 'BTV Tỉnh ủy'. Write one item per line "
            "starting with '- ', e.g. '- BTV Tỉnh ủy (báo cáo)'."
        ],
    ),
    "bad YAML with its line": (
        "---\ntitle: a\ntype: ket-luan\ndate: [2024\nissuer: x\n---\n\nText\n",
        [
            f"{P}:5: front matter is not valid YAML: did not find expected ',' or ']' (while "
            "parsing a flow sequence that starts on line 4). "
            "Check this line: quote values that contain ': ' or start with a special character."
        ],
    ),
    "tab indentation": (
        "---\ntitle: a\nsigner:\n\tname: x\n---\n\nText\n",
        [
            f"{P}:4: front matter is not valid YAML: found character that cannot start any "
            "token. Indent with spaces, not tabs."
        ],
    ),
    "duplicate key": (
        conclusion().replace("province: Bắc Giang", "province: Bắc Giang\ntitle: again"),
        [f"{P}:8: title: field given twice (first on line 2). Keep one of them."],
    ),
    "YAML alias": (
        "---\ntitle: &t a\nissuer: *t\n---\n\nText\n",
        [
            f"{P}:3: front matter is not valid YAML: YAML aliases (*name) are not allowed. "
            "Write the value out in full."
        ],
    ),
    "no front matter": (
        "# Kết luận\n\nText\n",
        [
            f"{P}:1: missing front matter. Start the file with a line '---', the fields, then "
            "another '---'."
        ],
    ),
    "front matter not closed": (
        "---\ntitle: a\n",
        [f"{P}:1: front matter is not closed. Add a line '---' after the last field."],
    ),
    "not UTF-8": (
        conclusion().encode("cp1258", errors="replace"),
        [f"{P}:2: file is not UTF-8 (byte 0xE0). Save the file as UTF-8 (Unicode) in your editor."],
    ),
    "NUL byte": (
        conclusion(body="Nội\x00 dung"),
        [f"{P}:15: file contains a NUL byte. Remove it; the file may be binary or corrupted."],
    ),
    "front matter closed by an indented line": (
        "---\ntitle: a\n  ---\n\nText\n",
        [
            f"{P}:3: front matter is not closed: this '---' is indented, so it belongs to the "
            "field above. Start the closing '---' at the beginning of its line."
        ],
    ),
    "front matter only": (
        conclusion(body=""),
        [
            f"{P}:14: the document has no text. Paste the text of the document below the "
            "closing '---'."
        ],
    ),
    "empty value": (
        conclusion(issuer=""),
        [f"{P}:6: issuer: is empty. Add 'issuer: Huyện ủy Sơn Động'."],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_error_text(site: Site, name: str) -> None:
    text, expected = CASES[name]
    assert problems_for(site, text) == expected


def test_every_problem_in_a_file_is_reported_at_once(site: Site) -> None:
    found = problems_for(site, conclusion(date="27/3/2024", type="kl", title=None))
    assert [p.split(": ")[0].rsplit(":", 1)[1] + ":" + p.split(": ")[1] for p in found] == [
        "1:title",
        "2:type",
        "4:date",
    ]


def test_duplicate_identity_names_both_files(site: Site) -> None:
    site.add("bac-giang/son-dong/a.md", conclusion())
    found = problems_for(site, conclusion(title="Tiêu đề khác"), "bac-giang/son-dong/b.md")
    assert found == [
        "conclusions/bac-giang/son-dong/b.md:1: same document as "
        "conclusions/bac-giang/son-dong/a.md (same province, issuer, type, number and date). "
        "Remove one of the two files, or correct the field that differs."
    ]


def test_same_number_other_committee_is_not_a_duplicate(site: Site) -> None:
    site.add("a.md", conclusion(number="27-NQ/HU"))
    site.add("b.md", conclusion(number="27-NQ/HU", issuer="Huyện ủy Lục Ngạn", district="Lục Ngạn"))
    corpus = load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    assert len(corpus.documents) == 2


def test_invalid_document_fails_the_build_listing_all_files(site: Site) -> None:
    site.add("good.md", conclusion(number="1-KL/HU"))
    site.add("bad1.md", conclusion(date="27/3/2024"))
    site.add("bad2.md", conclusion(type="x"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(site.write_config())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "2 problem(s) in 2 file(s):\n" in result.stderr
    assert "conclusions/bad1.md:5: date: expected YYYY-MM-DD, got '27/3/2024'. " in result.stderr
    assert "conclusions/bad2.md:3: type: unknown type 'x'" in result.stderr
    assert not (site.root / "site" / "index.html").exists()
