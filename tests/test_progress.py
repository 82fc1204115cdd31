"""Long builds show progress (documents read, pages rendered) on stderr, and
``mkdocs build -q`` shows none of it."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import Site, conclusion

BARS = ("ketluan: reading", "ketluan: rendering")


def build_output(site: Site, *flags: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *flags, "-f", str(site.write_config())],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return result.stderr


def test_progress_is_shown_and_quiet_hides_it(site: Site) -> None:
    site.add("a/1.md", conclusion())
    shown = build_output(site)
    assert all(bar in shown for bar in BARS), shown[-2000:]
    assert "pages written" in shown
    quiet = build_output(site, "-q")
    assert not any(bar in quiet for bar in BARS), quiet[-2000:]
