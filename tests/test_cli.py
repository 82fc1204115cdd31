"""``ketluan check`` validates without building and exits non-zero on problems."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import REPO, Site, conclusion

KETLUAN = str(Path(REPO / ".venv" / "bin" / "ketluan"))


def run_check(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KETLUAN, "check"], cwd=cwd, capture_output=True, text=True, check=False)


def test_check_passes_on_the_sample_corpus() -> None:
    result = run_check(REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "5 documents OK in conclusions"


def test_check_fails_listing_problems_without_building(site: Site) -> None:
    site.add("a.md", conclusion(date="27/3/2024"))
    site.write_config()
    result = run_check(site.root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "1 problem(s) in 1 file(s):",
        "conclusions/a.md:5: date: expected YYYY-MM-DD, got '27/3/2024'. Write 2024-03-27.",
    ]
    assert not (site.root / "site").exists()


def test_check_notes_ambiguous_citations(site: Site) -> None:
    for name, number, body in (
        ("a.md", "1-KL/HU", "Nghị quyết số 27-NQ/HU ngày 24/02/2021."),
        ("b.md", "2-KL/HU", "Nghị quyết số 27-NQ/HU ngày 05/01/2016."),
        ("c.md", "3-KL/HU", "Theo Nghị quyết số 27-NQ/HU."),
    ):
        site.add(name, conclusion(body + "\n", number=number))
    site.write_config()
    result = run_check(site.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "3 documents OK in conclusions",
        "conclusions/c.md: note: Nghị quyết số 27-NQ/HU fits 2 documents (Nghị quyết số "
        "27-NQ/HU ngày 05/01/2016 (Huyện ủy Sơn Động), Nghị quyết số 27-NQ/HU ngày 24/02/2021 "
        "(Huyện ủy Sơn Động)); write its date (or issuer) under 'references:' to choose one",
    ]
