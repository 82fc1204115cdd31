"""Atomic output: a failed, aborted or killed build leaves the published site untouched."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from buildrun import assert_fails_clearly, mkdocs_build
from mkdocs.exceptions import Abort

from conftest import Site, conclusion


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def leftovers(site: Site) -> list[str]:
    """Staging folders and replaced sites beside site/ (the lock file stays: it is reused;
    so does the work tree ``.site.work``, the site of the build before: see publish)."""
    return sorted(
        p.name
        for p in site.root.iterdir()
        if p.name.startswith(".site.") and p.is_dir() and p.name != ".site.work"
    )


def test_successful_build_replaces_the_site(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    site.build()
    site.add("b.md", conclusion(number="2-KL/HU"))
    site.build()
    assert (site.root / "site/van-ban/bac-giang/huyen-uy-son-dong/2024/2-kl-hu/index.html").exists()
    assert leftovers(site) == []


def test_invalid_input_leaves_the_previous_site(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    site.build()
    before = snapshot(site.root / "site")
    site.add("b.md", conclusion(date="27/3/2024"))
    with pytest.raises(Abort):
        site.build()
    assert snapshot(site.root / "site") == before
    assert leftovers(site) == []


def test_strict_warning_leaves_the_previous_site(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    site.build()
    before = snapshot(site.root / "site")
    (site.root / "docs" / "index.md").write_text("[hỏng](khong-co.md)\n", encoding="utf-8")
    with pytest.raises(Abort):
        site.build()
    assert snapshot(site.root / "site") == before


def test_killed_build_leaves_the_previous_site(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    site.build()
    before = snapshot(site.root / "site")
    for n in range(2, 1500):
        site.add(f"d{n}.md", conclusion(number=f"{n}-KL/HU", body="Nội dung. " * 300))
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site.write_config())],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    staged: list[Path] = []
    while time.monotonic() < deadline and process.poll() is None:
        staged = list(site.root.glob(".site.staging-*/van-ban/bac-giang"))
        if staged:
            break
        time.sleep(0.05)
    assert staged, "the build was writing pages into its staging folder"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert snapshot(site.root / "site") == before
    site.build()
    assert leftovers(site) == [], "the next build clears what the killed one left"
    assert len(list((site.root / "site/van-ban").rglob("index.html"))) >= 1500


def test_incomplete_build_is_not_published(site: Site) -> None:
    """A file the build wrote goes missing before the end (here a hook deletes the home
    page): the build fails and the previous site stays."""
    site.add("a.md", conclusion(number="1-KL/HU"))
    site.build()
    before = snapshot(site.root / "site")
    (site.root / "xoa.py").write_text(
        "import os\n"
        "from mkdocs.plugins import event_priority\n\n\n"
        "@event_priority(100)  # before ketluan's\n"
        "def on_post_build(config):\n"
        "    os.remove(os.path.join(config.site_dir, 'index.html'))\n",
        encoding="utf-8",
    )
    site.extra_config = "hooks:\n  - xoa.py\n"
    site.options["cache"] = "false"
    result = mkdocs_build(site)
    assert_fails_clearly(
        result,
        "ketluan: 1 file(s) this build wrote are missing from ",
        "(/index.html); the site was not published.",
    )
    assert snapshot(site.root / "site") == before
    assert leftovers(site) == []
