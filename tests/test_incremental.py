"""Property test of the incremental engine: a generated corpus goes through random steps
(edit a body, edit front matter, add, delete, rename, edit a template, edit mkdocs.yml,
make a citation ambiguous, replace a document) and after each step the site the
incremental build published equals a cold build of the same project, byte for byte (the
word index of search included: ``sitecompare``).

Seeded and reproducible; a failure names the step and every step before it. A longer run:
``KETLUAN_STEPS=200 KETLUAN_SEEDS=1,2,3 .venv/bin/pytest tests/test_incremental.py``."""

from __future__ import annotations

import os
import random
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sitecompare import differences

from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import generate

STEPS = int(os.environ.get("KETLUAN_STEPS", "54"))
SEEDS = [int(seed) for seed in os.environ.get("KETLUAN_SEEDS", "2026").split(",")]
DOCUMENTS = 40


class Project:
    """A generated project, built incrementally (its cache on) after every step."""

    def __init__(self, root: Path, seed: int, documents: int = DOCUMENTS) -> None:
        config = generate.generate(documents, root, seed=seed)
        text = config.read_text(encoding="utf-8")
        text = text.replace("page_size: 50", "page_size: 4").replace("strict: true", "")
        config.write_text(text.replace("home_recent: 10", "home_recent: 3\n      feed_size: 5"))
        self.root = root
        self.rng = random.Random(seed)
        self.fresh = 900

    def files(self) -> list[Path]:
        return sorted((self.root / "conclusions").rglob("*.md"))

    def numbered(self, kind: str = "") -> list[Path]:
        """Documents with a number (``number: null`` is none), of ``kind`` (``KL/``)."""
        pattern = rf"^number: \"?\d+-.*{kind}"
        return [p for p in self.files() if re.search(pattern, _text(p), re.M)]

    def pick(self, paths: list[Path] | None = None) -> Path:
        return self.rng.choice(paths if paths is not None else self.files())

    def free_day(self, text: str) -> str:
        """Another date for the document ``text``, in its month, that no document with its
        number and issuer has (so no two files become one document)."""
        same = [
            _field(t, "date")
            for t in map(_text, self.files())
            if (_field(t, "number"), _field(t, "issuer"))
            == (_field(text, "number"), _field(text, "issuer"))
        ]
        return _another_day(text, set(same))

    def number(self, text: str) -> str:
        """A number no document has, in the form of ``text``'s (``134-KL/TU``)."""
        self.fresh += 1
        old = _field(text, "number")
        return f"{self.fresh}-{old.split('-', 1)[1]}" if old else f"{self.fresh}-KL/HU"


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _field(text: str, name: str) -> str:
    found = re.search(rf"^{name}: (.*)$", text, re.M)
    return found.group(1).strip('"') if found else ""


def _set(text: str, name: str, value: str) -> str:
    return re.sub(rf"^{name}: .*$", f"{name}: {value}", text, count=1, flags=re.M)


def _another_day(text: str, taken: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    """Another day of the month of ``text``'s date (a full date: the generator's), not one
    of ``taken``."""
    year, month, day = _field(text, "date").split("-")
    days = [f"{year}-{month}-{d:02d}" for d in range(1, 29) if d != int(day)]
    return next(d for d in days[int(day) % 20 :] + days if d not in taken)


def edit_body(p: Project) -> str:
    path = p.pick()
    sentences = ["Đoạn bổ sung sau khi sửa văn bản."]
    cited = p.numbered("KL/")
    if cited:
        other = _text(p.pick(cited))
        day = "/".join(reversed(_field(other, "date").split("-")))
        sentences.append(
            f"Tiếp tục thực hiện Kết luận số {_field(other, 'number')} ngày {day} "
            f"của {_field(other, 'issuer')}."
        )
    sentences.append(f"Làm việc tại tỉnh {_field(_text(p.pick()), 'province')}.")
    path.write_text(_text(path).rstrip("\n") + f"\n\n{p.rng.choice(sentences)}\n", "utf-8")
    return f"edit the body of {path.name}"


def edit_front_matter(p: Project) -> str:
    path = p.pick()
    text = _text(path)
    change = p.rng.choice(["title", "date", "signer"])
    if change == "title":
        text = _set(text, "title", _field(text, "title") + " (sửa đổi)")
    elif change == "date":
        text = _set(text, "date", p.free_day(text))
    else:
        text = re.sub(r"^  name: .*$", "  name: Nguyễn Văn Mới", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    return f"edit the {change} of {path.name}"


def add(p: Project) -> str:
    source = _text(p.pick(p.numbered()))
    text = _set(source, "number", p.number(source))
    text = _set(text, "title", f"Kết luận bổ sung số {p.fresh}")
    path = p.root / "conclusions" / "moi" / f"{p.fresh}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return f"add {path.name}"


def delete(p: Project) -> str:
    if len(p.files()) <= 12:
        return add(p)
    path = p.pick()
    path.unlink()
    return f"delete {path.name}"


def rename(p: Project) -> str:
    path = p.pick()
    target = p.root / "conclusions" / "doi-ten" / f"{p.rng.randrange(10**6)}-{path.name}"
    target.parent.mkdir(parents=True, exist_ok=True)
    path.rename(target)
    return f"rename {path.name} to {target.name}"


TEMPLATE_EDITS = (
    (
        "conclusion.html",
        '<div class="kl-document"',
        '<p class="kl-mark">M</p>\n<div class="kl-document"',
    ),
    ("document-list.html", "{% block content %}", "{% block content %}<p class=kl-mark>L</p>"),
    ("partials/kl-macros.html", '<li class="kl-item', '<li data-mark class="kl-item'),
    ("main.html", "{% block extrahead %}", "{% block extrahead %}<meta name=kl-mark content=1>"),
)


def edit_template(p: Project) -> str:
    name, old, new = p.rng.choice(TEMPLATE_EDITS)
    path = p.root / "templates" / name
    text = _text(path)
    edited = text.replace(new, old, 1) if new in text else text.replace(old, new, 1)
    assert edited != text, f"{name}: the edit found nothing to change"
    path.write_text(edited, encoding="utf-8")
    return f"edit the template {name}"


def edit_config(p: Project) -> str:
    path = p.root / "mkdocs.yml"
    text = _text(path)
    change = p.rng.choice(["page_size", "feed_size", "site_name"])
    if change == "site_name":
        name = _field(text, "site_name")
        text = _set(text, "site_name", name[:-2] if name.endswith(" ·") else name + " ·")
    else:
        value = int(re.search(rf"{change}: (\d+)", text).group(1))  # type: ignore[union-attr]
        text = re.sub(rf"{change}: \d+", f"{change}: {3 if value == 4 else 4}", text)
    path.write_text(text, encoding="utf-8")
    return f"edit {change} in mkdocs.yml"


def make_ambiguous(p: Project) -> str:
    """A document citing a number without its date, and another document of the same
    committee with that number and another date: the citation fits both."""
    target = _text(p.pick(p.numbered("KL/")))
    number, issuer = _field(target, "number"), _field(target, "issuer")
    citing = _set(target, "number", p.number(target))
    citing = _set(citing, "title", f"Kết luận trích dẫn số {p.fresh}")
    citing = citing.rstrip("\n") + f"\n\nThực hiện Kết luận số {number} của {issuer}.\n"
    clash = _set(target, "date", p.free_day(target))
    clash = _set(clash, "title", f"Kết luận trùng số {p.fresh}")
    folder = p.root / "conclusions" / "mo-ho"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{p.fresh}-a.md").write_text(citing, encoding="utf-8")
    (folder / f"{p.fresh}-b.md").write_text(clash, encoding="utf-8")
    return f"make {number} of {issuer} ambiguous"


def replace_document(p: Project) -> str:
    path = p.pick()
    source = _text(p.pick(p.numbered()))
    text = _set(source, "number", p.number(source))
    text = _set(text, "title", f"Văn bản thay thế số {p.fresh}")
    path.write_text(text.replace("được", "đã được", 3), encoding="utf-8")
    return f"replace {path.name} with another document"


KINDS: list[Callable[[Project], str]] = [
    edit_body,
    edit_front_matter,
    add,
    delete,
    rename,
    edit_template,
    edit_config,
    make_ambiguous,
    replace_document,
]


def cold_build(project: Path, target: Path) -> Path:
    """A copy of ``project`` built with the cache off; its site folder."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(project, target, ignore=shutil.ignore_patterns(".cache", "site", ".site*"))
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("home_recent: 3", "home_recent: 3\n      cache: false"), "utf-8")
    _build(target)
    return target / "site"


def _build(root: Path) -> None:
    """Build ``root`` in this process, as ``mkdocs build`` does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


@pytest.mark.parametrize("seed", SEEDS)
def test_incremental_site_equals_a_cold_build_after_every_step(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ketluan.adapter import render

    # Many small chunks: the incremental builds' workers render from the pages' bytes
    # (``Renderer.adopt``), the cold builds (no state) from the plan they inherit.
    monkeypatch.setattr(render, "CHUNK", 16)
    project = Project(tmp_path / "project", seed)
    _build(project.root)
    order = [KINDS[i % len(KINDS)] for i in range(STEPS)]
    project.rng.shuffle(order)
    done = []
    for number, step in enumerate(order, start=1):
        done.append(step(project))
        _build(project.root)
        cold = cold_build(project.root, tmp_path / "cold")
        found = differences(project.root / "site", cold)
        assert found == [], f"seed {seed}, step {number} ({done[-1]}), after: {done[:-1]}"
