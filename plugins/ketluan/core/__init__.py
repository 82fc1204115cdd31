"""The pure core: text, dates, problems, front matter, schemas, places, identities, the
document model and corpus loading. Imports nothing from MkDocs, Markdown or Jinja, so it
outlives the framework the portal is built with today."""
