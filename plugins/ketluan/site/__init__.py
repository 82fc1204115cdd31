"""The site plan as pure data: every URL, the typed pages and their contexts, browse
groupings, feeds, JSON-LD, manifests, sitemap entries, pagination and search records.
Imports nothing from MkDocs, Markdown or Jinja."""
