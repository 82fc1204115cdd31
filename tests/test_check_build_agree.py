"""``ketluan check`` and ``mkdocs build`` read conclusions with one loader: for every input
the check refuses, the build fails with the same problems, and what the check passes builds.
(Before, a number ``///`` passed the check and then failed the build with KeyError.)"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable

import pytest
from lxml import etree
from mkdocs.exceptions import Abort

from conftest import Site, conclusion
from ketluan import cli

Setup = Callable[[Site], None]


def _add(rel: str, text: str) -> Setup:
    def setup(site: Site) -> None:
        site.add(rel, text)

    return setup


def _symlinked_folder(site: Site) -> None:
    elsewhere = site.root.parent / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "d.md").write_text(conclusion(number="2-KL/HU"), encoding="utf-8")
    os.symlink(elsewhere, site.conclusions / "linked")


def _fifo(site: Site) -> None:
    os.mkfifo(site.conclusions / "b.md")


def _not_utf8_name(site: Site) -> None:
    with open(os.fsencode(site.conclusions) + b"/b\xff.md", "w", encoding="utf-8") as handle:
        handle.write(conclusion(number="2-KL/HU"))


def _oversize(site: Site) -> None:
    with (site.conclusions / "big.md").open("wb") as handle:
        handle.truncate(3_000_000)


def _same_url(site: Site) -> None:
    site.add("b.md", conclusion(number="604-KL/HU"))
    site.add("c.md", conclusion(number="604 KL HU"))
    site.add("d.md", conclusion(number="604-KL/HU-2024-03-27-1"))


# case -> (setup, a line the report must hold); every case has a valid a.md besides.
REFUSED: dict[str, tuple[Setup, str]] = {
    "control characters in a title": (
        _add("b.md", conclusion(number="2-KL/HU", title='"Kết luận \\x01\\x1b\\x7f"')),
        "conclusions/b.md:2: title: contains the control character U+0001.",
    ),
    "title of zero-width spaces": (
        _add("b.md", conclusion(number="2-KL/HU", title='"\\u200b\\u200b"')),
        "conclusions/b.md:2: title: is empty (it holds only invisible characters).",
    ),
    "month 00": (
        _add("b.md", conclusion(number="2-KL/HU", date="2024-00-15")),
        "conclusions/b.md:5: date: no such date (month 00)",
    ),
    "day 00": (
        _add("b.md", conclusion(number="2-KL/HU", date="2024-03-00")),
        "conclusions/b.md:5: date: no such date (day 00)",
    ),
    "number ///": (
        _add("b.md", conclusion(number="'///'")),
        "conclusions/b.md:4: number: '///' has no letter or digit",
    ),
    "issuer ★★★": (
        _add("b.md", conclusion(number="2-KL/HU", issuer="'★★★'")),
        "conclusions/b.md:6: issuer: '★★★' has no letter or digit",
    ),
    "news title ★★★": (
        _add("b.md", conclusion(type="tin-bai", number=None, title="'★★★'")),
        "conclusions/b.md:2: title: '★★★' has no letter or digit",
    ),
    "900-letter word in a news title": (
        _add("b.md", conclusion(type="tin-bai", number=None, title="a" * 900)),
        "conclusions/b.md:2: title: makes a web address part of 911 characters, over 200.",
    ),
    "three numbers, one URL": (
        _same_url,
        "conclusions/d.md:4: number: gets the same web address as conclusions/b.md "
        "(bac-giang/huyen-uy-son-dong/2024/604-kl-hu-2024-03-27-1). Correct the "
        "number as printed; if both files hold the same document, remove one.",
    ),
    "symlinked folder": (_symlinked_folder, "conclusions/linked: is a link to a folder"),
    ".MD file": (
        _add("b.MD", conclusion(number="2-KL/HU")),
        "conclusions/b.MD: only files ending in .md are read",
    ),
    ".markdown file": (
        _add("b.markdown", conclusion(number="2-KL/HU")),
        "conclusions/b.markdown: only files ending in .md are read",
    ),
    "FIFO": (_fifo, "conclusions/b.md: is not a regular file (a named pipe)."),
    "file name not UTF-8": (_not_utf8_name, "conclusions/b\\xff.md: the file name is not valid"),
    "oversize file": (_oversize, "conclusions/big.md: file is 3,000,000 bytes"),
}


def run_check(site: Site, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(["check", "-f", str(site.write_config())])
    out, err = capsys.readouterr()
    return code, out, err


def run_build(site: Site, caplog: pytest.LogCaptureFixture) -> tuple[bool, list[str]]:
    """Build like ``mkdocs build --strict``; True if it succeeded, and the log messages."""
    caplog.clear()
    with caplog.at_level(logging.INFO):
        try:
            site.build()
        except Abort:
            return False, [r.getMessage() for r in caplog.records]
    return True, [r.getMessage() for r in caplog.records]


@pytest.mark.parametrize("case", list(REFUSED))
def test_check_and_build_refuse_alike(
    site: Site, case: str, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    setup, expected = REFUSED[case]
    site.add("a.md", conclusion(number="1-KL/HU"))
    setup(site)
    code, _, report = run_check(site, capsys)
    assert code == 1
    assert any(line.startswith(expected) for line in report.splitlines()), report
    built, messages = run_build(site, caplog)
    assert not built
    assert report.rstrip("\n") in messages, "the build reports exactly what the check does"
    assert not (site.root / "site" / "index.html").exists()


def test_at_least_fifteen_cases() -> None:
    assert len(REFUSED) >= 15


def test_block_scalar_with_dashes_passes_both(
    site: Site, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    site.add("a.md", conclusion(meeting="|\n  Kỳ họp\n  ---\n  thứ 22"))
    code, out, err = run_check(site, capsys)
    assert (code, err) == (0, ""), err
    assert out.startswith("1 documents OK")
    built, _ = run_build(site, caplog)
    assert built
    assert "Kỳ họp --- thứ 22" in (site.root / "site/api/documents.json").read_text("utf-8")


def test_date_after_today_is_a_warning_in_check_and_a_note_in_build(
    site: Site, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """A typo in the year (2042 for 2024) is worth a word but not a failed build: the check
    prints a warning; a strict build passes and logs it as information."""
    site.add(
        "a.md",
        conclusion(
            number="1-KL/TU",
            date="2099-12-31",
            issuer="Tỉnh ủy Bắc Ninh",
            province="Bắc Ninh",
            district=None,
        ),
    )
    code, out, err = run_check(site, capsys)
    today = dt.date.today().isoformat()
    warning = (
        f"conclusions/a.md:5: date: warning: 2099-12-31 is after today ({today}). "
        "Check the year; the document is published with this date."
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == ["1 documents OK in conclusions", warning]
    built, messages = run_build(site, caplog)
    assert built
    assert f"ketluan: {warning}" in messages


def test_feed_of_hostile_but_valid_titles_is_well_formed_xml(site: Site) -> None:
    """What passes validation (bidi marks, zero-width and tab characters inside text) keeps
    the Atom feed valid XML; control characters never get that far (see above)."""
    odd = '"Kết luận\\u202e \\u200b\\tvề <b>&amp; \\u2066đầu tư\\u2069 \\U0001F600"'
    site.add("a.md", conclusion(number="1-KL/HU", title=odd, issuer='"Huyện ủy Sơn Động\\u200d"'))
    site.build()
    feed = etree.fromstring((site.root / "site/van-ban/atom.xml").read_bytes())
    titles = feed.findall("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title")
    assert [t.text for t in titles] == [
        "1-KL/HU: Kết luận\u202e \u200b về <b>&amp; \u2066đầu tư\u2069 \U0001f600"
    ]


def test_control_character_in_title_fails_the_build_before_the_feed(
    site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    site.add("a.md", conclusion(number="1-KL/HU", title='"Kết luận\\x1b[2J"'))
    built, messages = run_build(site, caplog)
    assert not built
    assert any(
        "conclusions/a.md:2: title: contains the control character U+001B." in m for m in messages
    )
    assert not (site.root / "site" / "van-ban" / "atom.xml").exists()
