"""The site ships its own scripts minified (``build.scripts``); the sources keep comments."""

from __future__ import annotations

import doctest
import subprocess
from importlib import resources
from pathlib import Path

import pytest

from conftest import Site, conclusion
from ketluan.build import scripts

REPO = Path(__file__).resolve().parents[1]
MATERIAL = Path(str(resources.files("material") / "templates"))
SOURCES = REPO / "templates" / "assets" / "javascripts"


def test_examples() -> None:
    assert doctest.testmod(scripts).failed == 0


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = Site(tmp_path_factory.mktemp("scripts"))
    site.add("lai-chau/muong-te/31.md", conclusion("Thống nhất.\n", number="31-KL/HU"))
    site.build()
    return site


def test_our_scripts_ship_minified_and_material_s_as_they_are(built: Site) -> None:
    shipped = built.root / "site" / "assets" / "javascripts"
    ours = sorted(SOURCES.glob("ketluan*.js"))
    assert len(ours) >= 7, "every script of ours"
    for source in ours:
        text = (shipped / source.name).read_text("utf-8")
        written = source.read_text("utf-8")
        assert text == scripts.minified(written)
        lines = [line.strip() for line in written.splitlines()]
        comments = [line[2:].strip() for line in lines if line[:2] in ("//", "/*") and line[2:]]
        assert comments and not any(line in text for line in comments), source.name
        assert len(text) < 0.8 * len(written), f"{source.name}: comments out"
        lines = [line.strip() for line in written.splitlines()]
        shipped_lines = text.splitlines()
        assert shipped_lines == [line for line in lines if line in set(shipped_lines)], (
            f"{source.name}: whole lines removed, the others as written, in order"
        )
    bundle = next(shipped.glob("bundle.*.min.js"))
    assert bundle.read_bytes() == (MATERIAL / "assets/javascripts" / bundle.name).read_bytes()


def test_shipped_scripts_parse(built: Site, tmp_path: Path) -> None:
    """Each shipped script parses (as a module: the search scripts import one another)."""
    shipped = built.root / "site" / "assets" / "javascripts"
    for path in sorted(shipped.glob("ketluan*.js")):
        module = tmp_path / f"{path.stem}.mjs"
        module.write_text(path.read_text("utf-8"), "utf-8")
        run = subprocess.run(["node", "--check", str(module)], capture_output=True, text=True)
        assert run.returncode == 0, f"{path.name}: {run.stderr}"
