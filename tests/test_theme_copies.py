"""The one copy of a Material template (the header, whose search block Material includes
only with its own search plugin) must equal the installed Material file but for that
block, so a Material upgrade that changes the header fails here, with the diff."""

from __future__ import annotations

import difflib
from importlib import resources
from pathlib import Path

from conftest import REPO

MATERIAL = Path(str(resources.files("material") / "templates"))
GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"
MATERIAL_SEARCH = """    {% if "material/search" in config.plugins %}
      {% set search = config.plugins["material/search"] | attr("config") %}
      {% if search.enabled %}
        <label class="md-header__button md-icon" for="__search">
          {% set icon = config.theme.icon.search or "material/magnify" %}
          {% include ".icons/" ~ icon ~ ".svg" %}
        </label>
        {% include "partials/search.html" %}
      {% endif %}
    {% endif %}
"""
OUR_SEARCH = (
    ("    {#- ketluan: the word index instead of Material's lunr search (plugin stays off). -#}\n")
    + """    {% if kl_search %}
      {% include "partials/search.html" %}
    {% endif %}
"""
)


def test_header_is_materials_but_for_the_search_block() -> None:
    ours = (REPO / "templates/partials/header.html").read_text(encoding="utf-8")
    theirs = (MATERIAL / "partials/header.html").read_text(encoding="utf-8")
    assert theirs.startswith(GENERATED) and MATERIAL_SEARCH in theirs
    comment_end = ours.index("-#}\n") + len("-#}\n")
    assert OUR_SEARCH in ours
    rebuilt = GENERATED + ours[comment_end:].replace(OUR_SEARCH, MATERIAL_SEARCH)
    diff = "".join(
        difflib.unified_diff(
            theirs.splitlines(keepends=True),
            rebuilt.splitlines(keepends=True),
            "installed Material partials/header.html",
            "templates/partials/header.html (search block restored)",
        )
    )
    assert not diff, "Material's header changed: refresh templates/partials/header.html\n" + diff


def test_no_other_template_copies_a_material_file() -> None:
    """Every other override either has no Material counterpart or wraps it (``super()``,
    the ``material/`` prefix), never repeats it."""
    copies = []
    for path in sorted((REPO / "templates").rglob("*.html")):
        name = path.relative_to(REPO / "templates").as_posix()
        original = MATERIAL / name
        if name == "partials/header.html" or not original.is_file():
            continue
        theirs = set(original.read_text(encoding="utf-8").splitlines()) - {""}
        ours = set(path.read_text(encoding="utf-8").splitlines()) - {""}
        shared = [line for line in ours & theirs if len(line.strip()) > 12]
        if len(shared) > 3:
            copies.append(f"{name}: {len(shared)} lines of Material's file")
    assert not copies


def test_sprite_icons_are_materials_and_every_override_names_one() -> None:
    """The icons Material would inline (.icons/material/*.svg, overridden to point into
    assets/images/ketluan-icons.svg) are drawn from the sprite: each symbol's path equals the
    installed Material icon of its name, and each override uses a symbol of its own name."""
    from lxml import etree

    sprite = etree.parse(str(REPO / "templates/assets/images/ketluan-icons.svg")).getroot()
    svg = "{http://www.w3.org/2000/svg}"
    symbols = {s.get("id"): s.find(f"{svg}path").get("d") for s in sprite.iter(f"{svg}symbol")}
    overrides = sorted((REPO / "templates/.icons/material").glob("*.svg"))
    assert {p.stem for p in overrides} == set(symbols)
    for name, path in symbols.items():
        installed = etree.parse(str(MATERIAL / f".icons/material/{name}.svg")).getroot()
        assert installed.find(f"{svg}path").get("d") == path, name
    for override in overrides:
        text = override.read_text(encoding="utf-8")
        assert f"ketluan-icons.svg' | url }}}}#{override.stem}\"" in text, override.name


def test_scope_script_is_materials_but_for_where_the_root_is_found() -> None:
    """assets/javascripts/ketluan-scope.js is Material's first inline script, loaded from one
    file: only the root it scopes to is found from the file's address, not the page's."""
    inline = (MATERIAL / "partials/javascripts/base.html").read_text(encoding="utf-8")
    script = inline.removeprefix(GENERATED).strip().removeprefix("<script>")
    script = script.removesuffix("</script>")
    page_root = 'new URL("{{ config.extra.scope | d(base_url) }}",location)'
    assert page_root in script
    ours = (REPO / "templates/assets/javascripts/ketluan-scope.js").read_text(encoding="utf-8")
    code = ours[ours.index("*/\n") + 3 :].strip()
    assert code == script.replace(page_root, 'new URL("../..",document.currentScript.src)')
