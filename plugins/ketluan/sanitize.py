"""Raw-HTML policy for document bodies, in two steps.

Bodies come from many offices and from imports of web pages; nothing in them may run, and
no text may vanish. Before Markdown, ``escape_raw_html`` turns every raw tag outside a
small allow-list of inline and table tags into text (``<script>`` is shown, not run, and an
unclosed ``<details>`` or ``<plaintext>`` cannot swallow the rest of the document). After
Markdown, ``clean_body`` (nh3, an allow-list sanitiser) keeps what Markdown makes — tables,
footnotes, headings with anchors, inline formatting — and drops event handlers, styles
other than table alignment, and URLs other than http(s), mailto and relative ones.
"""

from __future__ import annotations

import bisect
import re

import nh3

from .mdtext import code_regions

RAW_ALLOWED = frozenset(
    [
        "abbr",
        "b",
        "br",
        "del",
        "em",
        "i",
        "ins",
        "mark",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "u",
    ]
)
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


_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "type"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style", "scope"},
    "abbr": {"title"},
}


def clean_body(html: str) -> str:
    """Return ``html`` with everything outside the allow-list removed (text is kept)."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        filter_style_properties={"text-align"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
