"""Links citations in rendered document bodies: a Python-Markdown treeprocessor.

Working on the element tree after inline parsing (not on Markdown text with regexes)
means links, code, and the structure of headings, lists, tables and footnotes are never
broken: only plain text nodes outside ``a``/``code``/``pre`` are split, so a link is
never nested in another. Citations are extracted once per document, from the Markdown
source (where the whole sentence gives date and issuer): each link carries the literal
spellings of its citation (``Mention.surface``), which are found here as plain strings,
not extracted again, and paired with the links by symbol, in text order.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ketluan.core.text import DASH
from ketluan.site.cited import Link

SKIP = {"a", "code", "pre", "kbd", "samp", "script", "style"}
"""Elements whose text is never linked: existing links and code."""
PRIORITY = 8
"""After inline parsing (20) and footnotes, before toc (5) and MkDocs' link rewriting (0)."""


class CitationLinker(Extension):
    """Markdown extension; the renderer sets ``links`` before each document page renders."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.links: list[Link] | None = None
        self.href: Callable[[str], str] = str

    def use(self, links: list[Link] | None, href: Callable[[str], str] = str) -> None:
        """Link the next rendered page with ``links`` (None: leave the page alone);
        ``href`` turns a site-relative URL into the link written on that page."""
        self.links = links
        self.href = href

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_LinkTreeprocessor(md, self), "ketluan_citations", PRIORITY)


class _LinkTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, linker: CitationLinker) -> None:
        super().__init__(md)
        self.linker = linker

    def run(self, root: etree.Element) -> None:
        if not self.linker.links:
            return
        self.pending: dict[str, deque[Link]] = defaultdict(deque)
        symbol_of: dict[str, str] = {}
        for link in self.linker.links:
            self.pending[link.symbol].append(link)
            for spelling in link.surface:
                symbol_of.setdefault(spelling, link.symbol)
        if not symbol_of:
            return
        self.symbol_of = symbol_of
        literals = "|".join(re.escape(s) for s in sorted(symbol_of, key=len, reverse=True))
        self.spellings = re.compile(rf"(?<![\w./]|{DASH})(?:{literals})(?![\w/]|{DASH}\w)")
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in SKIP:
            return
        children: list[etree.Element] = []
        if element.text:
            element.text, made = self._split(element.text)
            children += made
        for child in list(element):
            self._walk(child)
            children.append(child)
            if child.tail:
                child.tail, made = self._split(child.tail)
                children += made
        if len(children) != len(element):
            element[:] = children  # once: inserting one by one is quadratic in the children

    def _split(self, text: str) -> tuple[str, list[etree.Element]]:
        """Text before the first citation, and one ``a`` per citation carrying the rest."""
        made: list[etree.Element] = []
        head = text
        cursor = 0
        for found in self.spellings.finditer(text):
            queue = self.pending.get(self.symbol_of[found.group()])
            if not queue:
                continue
            link = queue.popleft()
            if link.url is None:
                continue
            href = self.linker.href(link.url)
            anchor = etree.Element("a", _attributes(link, href))
            anchor.text = found.group()
            if made:
                made[-1].tail = text[cursor : found.start()]
            else:
                head = text[: found.start()]
            made.append(anchor)
            cursor = found.end()
        if made:
            made[-1].tail = text[cursor:]
        return head, made


def _attributes(link: Link, href: str) -> dict[str, str]:
    classes = ["kl-cite"]
    if link.ambiguous:
        classes.append("kl-cite--ambiguous")
    if link.in_corpus:
        classes.append("kl-cite--corpus")
    title = link.title
    if link.ambiguous:
        title = f"{title}: chưa xác định được văn bản (nhiều văn bản cùng số)"
    return {"href": href, "class": " ".join(classes), "title": title}
