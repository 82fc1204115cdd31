"""Generated HTML passes the W3C Nu validator (vnu-jar from npm, run with the machine's Java).

Three messages come from Material's own base template, which we extend and cannot change
without copying it (its asset names change with every release): ``autocomplete`` on its
toggle checkboxes, and its table-of-contents label pointing at a hidden toggle. Only those
exact messages are filtered; any other error fails the test.
"""

from __future__ import annotations

import json
import shutil
import subprocess

from conftest import REPO, Site

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MATERIAL_ONLY = (
    "Attribute “autocomplete” is only allowed when the input type is",
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden"
    " form control.",
)


def vnu_errors(folder: str) -> list[str]:
    java = shutil.which("java")
    assert java, "make test installs Java (default-jre-headless) when it is missing"
    assert VNU.exists(), "make test installs vnu-jar from npm"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", folder],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" and not m["message"].startswith(MATERIAL_ONLY)
    ]


def test_sample_site_html_is_valid(sample_site: Site) -> None:
    assert vnu_errors(str(sample_site.root / "site")) == []


def test_central_and_joint_documents_html_is_valid(levels_site: Site) -> None:
    """Central documents and their page, joint letterheads and signature blocks, chains."""
    assert vnu_errors(str(levels_site.root / "site")) == []


def test_validator_reports_errors(tmp_path) -> None:
    (tmp_path / "bad.html").write_text(
        "<!doctype html><html lang=vi><title>x</title><p><div></p>", encoding="utf-8"
    )
    assert vnu_errors(str(tmp_path)), "the validator really runs and reports errors"
