"""Raw-HTML policy for document bodies, in two steps.

Bodies come from many offices and from imports of web pages; nothing in them may run, and
no text may vanish. Before Markdown, ``escape_raw_html`` turns every raw tag outside a
small allow-list of inline and table tags into text (``<script>`` is shown, not run, and an
unclosed ``<details>`` or ``<plaintext>`` cannot swallow the rest of the document). After
Markdown, ``clean_body`` (nh3, an allow-list sanitiser) keeps what Markdown makes — tables,
footnotes, headings with anchors, inline formatting — and drops event handlers, styles
other than table alignment, and URLs other than http(s), mailto and relative ones.

A body shares its page with the theme, whose scripts find their elements by id (Material
reads its whole configuration from the first ``#__config`` of the page) and whose styles
go by class (``md-dialog``). So no body element may carry an id, name or class of the
theme: every body id is namespaced (``BODY_ID_PREFIX``, with the in-page links, footnotes
and table of contents rewritten to match), ``name`` is dropped, and only the classes our
renderer itself writes are kept. A title stays text: Material's tooltips, when a site turns
them on, render titles as HTML.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Any

import nh3

from ketluan.citations.prose import code_regions
from ketluan.site.urls import BODY_ID_PREFIX


def _words(text: str) -> set[str]:
    """The words of ``text``: a long list of tag names written as one string."""
    return set(text.split())


RAW_ALLOWED = frozenset(_words("abbr b br del em i ins mark s small span strong sub sup u"))
"""Raw tags an author may write in a body: inline ones only, since an unclosed raw block tag
(even a table) makes Python-Markdown swallow the rest of the document. Any other tag is
shown as text; tables are written as Markdown tables (the importer converts Word's)."""

# The name is possessive: a long name followed by ":" is refused once, not once per length.
_RAW = re.compile(r"<(?:(/?)([A-Za-z][A-Za-z0-9-]*+)(?![A-Za-z0-9-]*[:@])|!|\?)")


def escape_raw_html(markdown: str) -> str:
    """Escape the ``<`` of raw tags outside ``RAW_ALLOWED``, comments and declarations, except
    in code (shown verbatim anyway) and in autolinks (``<https://…>``). Linear in the text:
    the code regions are found once, ordered and disjoint."""
    code = code_regions(markdown)
    starts = [start for start, _ in code]
    out: list[str] = []
    last = 0
    for match in _RAW.finditer(markdown):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index >= 0 and match.start() < code[index][1]:
            continue
        name = match.group(2)
        if name and name.lower() in RAW_ALLOWED:
            continue
        out.append(markdown[last : match.start()] + "&lt;")
        last = match.start() + 1
    out.append(markdown[last:])
    return "".join(out)


_TAGS = _words(
    "a abbr b blockquote br caption code col colgroup dd del div dl dt em h1 h2 h3 h4 "
    "h5 h6 hr i img ins kbd li mark ol p pre s small span strong sub sup table tbody "
    "td tfoot th thead tr u ul"
)

ADMONITION_TYPES = frozenset(
    {
        *("note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important"),
        *("success", "check", "done", "question", "help", "faq", "warning", "caution"),
        *("attention", "failure", "fail", "missing", "danger", "error", "bug", "example"),
        *("quote", "cite"),
    }
)
"""Admonition types Material styles (``!!! warning``): Python-Markdown's admonition copies
every word the author writes after ``!!!`` into the class, so only these are kept."""
_CLASSES = {
    "a": {"footnote-ref", "footnote-backref", "headerlink"}
    | {"kl-cite", "kl-cite--ambiguous", "kl-cite--corpus"},
    "div": {"footnote", "toc", "admonition"} | ADMONITION_TYPES,
    "p": {"admonition-title"},
    "span": {"toctitle"},
}
"""The classes our renderer writes in a body, by tag (footnotes, toc permalinks and
``[TOC]``, admonitions, citation links from ``linking``); any other class is dropped, so
no body text is styled as the theme's own interface. Classes of Markdown extensions added
to mkdocs.yml later are dropped too, until listed here."""
_ATTRIBUTES = {
    "*": {"id", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "type"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style", "scope"},
    "abbr": {"title"},
}
_ATTRIBUTES.update({tag: _ATTRIBUTES.get(tag, set()) | {"class"} for tag in _CLASSES})

_TOP = "top"
"""A ``#top`` link goes to the top of the page (HTML's rule): left alone."""


def body_id(value: str) -> str:
    """The id a body element written with id ``value`` gets on the page."""
    return BODY_ID_PREFIX + value


def body_href(href: str) -> str:
    """``href`` with its fragment namespaced like the ids when it names an element of the
    same page (``#fn:1`` -> ``#vb-fn:1``); other links, ``#`` and ``#top`` are left alone."""
    fragment = href[1:]
    if not href.startswith("#") or not fragment or fragment.lower() == _TOP:
        return href
    return "#" + body_id(fragment)


def body_title(value: str) -> str:
    """A title as text that no HTML parser can read a tag in: ``<`` becomes ``‹``."""
    return value.replace("<", "\u2039")


def body_toc(tokens: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Python-Markdown's ``toc_tokens`` with ids namespaced like ``clean_body`` does, for
    the table of contents Material renders beside the body."""
    return [
        {**token, "id": body_id(token["id"]), "children": body_toc(token.get("children", []))}
        for token in tokens
    ]


def clean_body(html: str) -> str:
    """Return ``html`` with everything outside the allow-list removed (text is kept), ids
    namespaced (each once: a later copy is dropped), in-page links rewritten to match,
    classes limited to ours and titles made plain text."""
    seen: set[str] = set()

    def attribute(tag: str, name: str, value: str) -> str | None:
        if name == "id":
            if not value or body_id(value) in seen:
                return None
            seen.add(body_id(value))
            return body_id(value)
        if name == "href":
            return body_href(value)
        if name == "title":
            return body_title(value)
        if name == "class":
            return " ".join(c for c in value.split() if c in _CLASSES.get(tag, ())) or None
        return value

    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        attribute_filter=attribute,
        url_schemes={"http", "https", "mailto"},
        filter_style_properties={"text-align"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
