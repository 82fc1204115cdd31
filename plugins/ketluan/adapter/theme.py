"""Jinja filters for the theme's chrome, the part every page repeats (templates/main.html)."""

from __future__ import annotations

import json
import re
from functools import partial
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
"""Material's configuration for its script, as its ``config`` block writes it."""


@pass_context
def material_config(context: Context, html: str) -> Markup:
    """Material's ``#__config`` script without what this site cannot use, written compactly.

    Material writes the same translations into every page, escaped to ASCII (1 KB): those
    of its own search (and the path of its search worker) are used only by its search box,
    which the header shows only with Material's search plugin; ``select.version`` only
    with a version selector (``extra.version``). Everything else is kept as Material wrote
    it, so an upgrade that adds a key keeps it.
    """
    html = str(html)
    match = CONFIG.search(html)
    if match is None:
        raise ValueError(
            'Material\'s base.html no longer writes <script id="__config" …>: update '
            "ketluan.adapter.theme.CONFIG to the installed Material"
        )
    app: dict[str, Any] = json.loads(match.group(2))
    config = context["config"]
    translations: dict[str, str] = app.get("translations") or {}
    if "material/search" not in config.plugins:
        app.pop("search", None)
        for key in [key for key in translations if key.startswith("search.")]:
            del translations[key]
    if not config.extra.get("version"):
        translations.pop("select.version", None)
    dumps = partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
    text = str(htmlsafe_json_dumps(app, dumps=dumps))
    return Markup(html[: match.start(2)] + text + html[match.end(2) :])
