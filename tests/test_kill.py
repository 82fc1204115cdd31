"""A build killed at any moment leaves the previous site intact, and the next build is
correct. Real ``mkdocs build`` processes are killed (SIGKILL): at random moments, and at
each step of publishing by changed files (a wrapper kills the process from inside, just
before or after the step)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sitecompare import differences
from test_incremental import Project, add, cold_build, delete, edit_body, edit_front_matter

RUNNER = """
import os, signal, sys
import ketluan.build.publish as publish
point, count, config = sys.argv[1], int(sys.argv[2]), sys.argv[3]
name, _, when = point.partition("-")
real, calls = getattr(publish, name), [0]
def wrapper(*args, **kwargs):
    calls[0] += 1
    if when != "after" and calls[0] > count:
        os.kill(os.getpid(), signal.SIGKILL)
    result = real(*args, **kwargs)
    if when == "after" and calls[0] > count:
        os.kill(os.getpid(), signal.SIGKILL)
    return result
setattr(publish, name, wrapper)
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "-q", "-f", config]
cli()
"""
"""Runs ``mkdocs build`` with one function of ``ketluan.build.publish`` wrapped: the
process kills itself before (or, ``-after``, after) its call number ``count + 1``."""


def start(project: Path, *runner: str) -> subprocess.Popen[bytes]:
    """``mkdocs build`` of ``project`` in a process of its own (``runner``: killed from inside
    at a step of publishing)."""
    config = str(project / "mkdocs.yml")
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config]
    if runner:
        command = [sys.executable, "-c", RUNNER, *runner, config]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(command, cwd=project, env=env, stderr=subprocess.PIPE)


def build(project: Path) -> None:
    process = start(project)
    _, err = process.communicate(timeout=900)
    assert process.returncode == 0, err.decode(errors="replace")[-3000:]


def snapshot(site: Path, into: Path) -> Path:
    shutil.rmtree(into, ignore_errors=True)
    shutil.copytree(site, into, symlinks=True)
    return into


def change(project: Project) -> str:
    steps = [edit_body, edit_front_matter, add, delete]
    return ", ".join(project.rng.choice(steps)(project) for _ in range(project.rng.randint(1, 3)))


def check_killed(project: Project, before: Path, tmp: Path) -> None:
    """The site is the previous one or (the kill came after the exchange) the new one; the
    next build, not killed, publishes the site a cold build makes."""
    published = project.root / "site"
    new = cold_build(project.root, tmp / "cold")
    assert differences(published, before) == [] or differences(published, new) == []


@pytest.fixture
def project(tmp_path: Path) -> Project:
    found = Project(tmp_path / "project", 17, documents=24)  # small: every kill is a build
    build(found.root)
    return found


def test_builds_killed_at_random_moments(project: Project, tmp_path: Path) -> None:
    rng = random.Random(5)
    started = time.monotonic()
    build(project.root)
    span = max(2.0, time.monotonic() - started)
    for _ in range(6):
        before = snapshot(project.root / "site", tmp_path / "before")
        what = change(project)
        process = start(project.root)
        time.sleep(rng.uniform(0, span * 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        check_killed(project, before, tmp_path)
        if rng.random() < 0.5:  # sometimes a second change lands on a killed build
            change(project)
        build(project.root)
        cold = cold_build(project.root, tmp_path / "cold")
        assert differences(project.root / "site", cold) == [], what


KILL_POINTS = [
    ("place", 0),  # before the first file of the work tree changes
    ("place", 1),  # with the work tree half updated
    ("swap", 0),  # the work tree complete, the exchange not made
    ("swap-after", 0),  # the exchange made, the state not told
    ("_describe", 0),  # the state half way through recording the new site
]


@pytest.mark.parametrize(("point", "count"), KILL_POINTS)
def test_build_killed_at_each_step_of_publishing(
    project: Project, tmp_path: Path, point: str, count: int
) -> None:
    for _ in range(2):  # twice: the second kill lands on what the first left
        before = snapshot(project.root / "site", tmp_path / "before")
        what = change(project)
        process = start(project.root, point, str(count))
        _, err = process.communicate(timeout=900)
        assert process.returncode == -signal.SIGKILL, err.decode(errors="replace")[-3000:]
        check_killed(project, before, tmp_path)
    build(project.root)
    cold = cold_build(project.root, tmp_path / "cold")
    assert differences(project.root / "site", cold) == [], what
    assert sorted(p.name for p in project.root.iterdir() if p.name.startswith(".site.")) == [
        ".site.lock",
        ".site.work",
    ]
