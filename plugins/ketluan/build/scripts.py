"""The site's own scripts as it ships them: without comments and indentation.

The search scripts are written with the comments that say why (the Python module each
mirrors, what a file holds), and a first page of results is measured with them: issue 17
bounds it at 250 KB cold at 50,000 documents. As written they are 74 KB; rjsmin takes
out comments and whitespace only, so names stay and an error in the console still names
its function, and ships 41 KB (BENCHMARKS.md). The sources in ``templates/`` keep their
comments; the browser tests run the shipped scripts.
"""

from __future__ import annotations

import re

from rjsmin import jsmin

OWN = re.compile(r"assets/javascripts/ketluan[\w.-]*\.js")
"""The theme files that are ours to minify (Material's bundles are minified already)."""


def ours(src_uri: str) -> bool:
    """Is ``src_uri`` (a theme file's path in the site) one of our scripts?

    >>> ours("assets/javascripts/ketluan-search.js"), ours("assets/javascripts/bundle.js")
    (True, False)
    """
    return OWN.fullmatch(src_uri) is not None


def minified(source: str) -> str:
    """``source`` without comments and with whitespace only where the syntax needs it.

    >>> minified("// why\\nexport const a = 1; /* more */\\nconst b = `${a}  x`;\\n")
    'export const a=1;const b=`${a}  x`;\\n'
    """
    return jsmin(source) + "\n"
