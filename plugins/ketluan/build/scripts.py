"""The site's own scripts as it ships them: without comment lines and indentation.

The search scripts are written with the comments that say why (the Python module each
mirrors, what a file holds), and a first page of results is measured with them: issue 17
bounds it at 250 KB cold at 50,000 documents. As written they are 77 KB; without their
comment lines, blank lines and indentation, 49 KB (BENCHMARKS.md). Only whole lines are
removed and only leading whitespace, so no token, string or template literal changes: a
minifier that rewrites within lines (rjsmin, tried first) took the space out of a template
literal nested in another ("văn bản${q ? ` cho …` : ""}" shipped as "văn bảncho"), and
the JavaScript minifiers that parse (terser, esbuild) need Node, which a build does not
have. A file with a line that could continue a template literal or a block comment onto
the next is shipped as written. The browser tests run the shipped scripts.
"""

from __future__ import annotations

import re

OWN = re.compile(r"assets/javascripts/ketluan[\w.-]*\.js")
"""The theme files that are ours (Material's bundles are minified already)."""


def ours(src_uri: str) -> bool:
    """Is ``src_uri`` (a theme file's path in the site) one of our scripts?

    >>> ours("assets/javascripts/ketluan-search.js"), ours("assets/javascripts/bundle.js")
    (True, False)
    """
    return OWN.fullmatch(src_uri) is not None


def minified(source: str) -> str:
    """``source`` without its comment lines, blank lines and indentation; as written when a
    line could continue a template literal (an odd number of backticks) or a block comment
    that does not end a line.

    >>> code = "// why\\nexport const a = 1; // kept\\n  /* more\\n  */\\n"
    >>> minified(code + "  f(`x${b ? ` y` : ''}`);\\n")
    "export const a = 1; // kept\\nf(`x${b ? ` y` : ''}`);\\n"
    >>> minified("const s = `a\\n  b`;\\n") == "const s = `a\\n  b`;\\n"
    True
    """
    kept: list[str] = []
    in_block = False
    for line in source.splitlines():
        text = line.strip()
        if line.count("`") % 2:
            return source
        if in_block:
            if "*/" in text:
                if not text.endswith("*/"):
                    return source
                in_block = False
            continue
        if text.startswith("/*"):
            if "*/" not in text:
                in_block = True
            elif not text.endswith("*/"):
                return source
            continue
        if text and not text.startswith("//"):
            kept.append(text)
    return "\n".join(kept) + "\n"
