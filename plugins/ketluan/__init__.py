"""ketluan: compile Vietnamese Party committee conclusions into a static portal.

The core (``text``, ``dates``, ``schema``, ``frontmatter``, ``model``, ``corpus``,
``manifest``, ``listing``) is plain Python; only ``plugin`` and ``pages`` touch MkDocs.
"""

from __future__ import annotations

__version__ = "0.1.0"
