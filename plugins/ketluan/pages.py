"""The generated pages of a build and what each needs: the only core-to-MkDocs bridge."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page

from .corpus import Corpus
from .listing import ListPage, paginate
from .model import Document

ALL_DOCUMENTS_URL = "van-ban/"
ALL_DOCUMENTS_TITLE = "Tất cả văn bản"


@dataclass
class SitePlan:
    """Which generated source path is which document or list page."""

    documents: dict[str, Document] = field(default_factory=dict)
    lists: dict[str, ListPage] = field(default_factory=dict)
    recent: list[Document] = field(default_factory=list)


def plan_site(corpus: Corpus, page_size: int, home_recent: int) -> SitePlan:
    """Decide every generated page: one per document, plus the paginated list of all."""
    plan = SitePlan(recent=corpus.documents[:home_recent])
    for doc in corpus.documents:
        plan.documents[doc.url + "index.md"] = doc
    for page in paginate(corpus.documents, page_size, ALL_DOCUMENTS_URL, ALL_DOCUMENTS_TITLE):
        plan.lists[page.src_uri] = page
    return plan


def generated_files(plan: SitePlan, config: MkDocsConfig) -> list[File]:
    """``File.generated`` for every planned page; documents and later list pages stay out
    of the navigation so page size does not grow with the corpus."""
    files = [
        File.generated(config, src, content=doc.body, inclusion=InclusionLevel.NOT_IN_NAV)
        for src, doc in plan.documents.items()
    ]
    for src, page in plan.lists.items():
        inclusion = InclusionLevel.UNDEFINED if page.number == 1 else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src, content="", inclusion=inclusion))
    return files


def page_markdown(plan: SitePlan, page: Page) -> str | None:
    """Markdown and metadata for a generated page, or None for a hand-written page.

    Front matter values are HTML-escaped before they reach ``page.meta``: MkDocs' Jinja
    does not autoescape, and Material prints ``page.meta.title`` raw in <title> and header.
    """
    src = page.file.src_uri
    if doc := plan.documents.get(src):
        page.meta = {
            "template": "conclusion.html",
            "title": str(escape(short_title(doc))),
            "description": str(escape(describe(doc))),
        }
        return doc.body
    if listing := plan.lists.get(src):
        page.meta = {"template": "document-list.html", "title": listing.heading}
        return ""
    return None


def page_context(plan: SitePlan, page: Page, context: dict[str, Any]) -> dict[str, Any]:
    """Add the document or list of a generated page, and the newest documents, to Jinja."""
    src = page.file.src_uri
    context["doc"] = plan.documents.get(src)
    context["listing"] = plan.lists.get(src)
    context["recent_documents"] = plan.recent
    context["all_documents_url"] = ALL_DOCUMENTS_URL
    return context


def short_title(doc: Document) -> str:
    """Title for <title> and the header: number first, as staff cite documents."""
    return f"{doc.number}: {doc.title}" if doc.number else doc.title


def describe(doc: Document) -> str:
    """One-sentence description for search engines and link previews."""
    number = f" số {doc.number}" if doc.number else ""
    return f"{doc.type.label}{number} {doc.date.vietnamese()} của {doc.issuer}: {doc.title}"
