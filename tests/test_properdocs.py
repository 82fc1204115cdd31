"""The plugin runs under ProperDocs (the maintained MkDocs 1.x fork) with the same output."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from pathlib import Path

from conftest import REPO

PROPERDOCS = REPO / ".venv-properdocs" / "bin" / "properdocs"
MKDOCS = REPO / ".venv" / "bin" / "mkdocs"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(tool: list[str], target: Path) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [*tool, "build", "--strict", "-q", "-f", "mkdocs.yml", "-d", str(target)],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )
    return {
        p.relative_to(target).as_posix(): hashlib.sha256(
            GENERATOR.sub(b"", p.read_bytes())
        ).hexdigest()
        for p in sorted(target.rglob("*"))
        if p.is_file()
    }


def test_properdocs_builds_the_same_site(tmp_path: Path) -> None:
    assert PROPERDOCS.exists(), "make test installs ProperDocs into .venv-properdocs"
    with_mkdocs = build([str(MKDOCS)], tmp_path / "mkdocs")
    with_properdocs = build([str(PROPERDOCS)], tmp_path / "properdocs")
    assert with_properdocs == with_mkdocs
    for folder in ("mkdocs", "properdocs"):
        assert (tmp_path / folder / "tra-cuu" / "tu" / "loc" / "danh-sach.json").is_file()
    generator = (tmp_path / "properdocs/index.html").read_text("utf-8")
    assert "ProperDocs" in generator, "the second build really ran ProperDocs"
