"""Run ``mkdocs build`` in a process of its own, as users do: exit code and stderr checked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import Site


def mkdocs_build(
    site: Site, *args: str, config: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``site`` run in its folder, with ``config`` (default: the
    site's config, written first)."""
    config = config or site.write_config()
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=site.root,
    )


def start_build(config: Path, log: Path) -> subprocess.Popen[bytes]:
    """Start ``mkdocs build --strict -f config`` in the background, its output into ``log``
    (a file: a pipe nobody reads would block the build)."""
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=config.parent,
        )


def assert_fails_clearly(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    """The build failed with a message holding each of ``expected``, and no traceback."""
    assert result.returncode != 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr
