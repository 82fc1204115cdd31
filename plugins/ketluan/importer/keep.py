"""Citations the imported document must keep: those printed in its trích yếu.

The trích yếu goes to ``title:``, which citations are not read from; a document it cites
(``Nghị quyết về Kế hoạch thực hiện Kết luận số 213-KL/TW …``) that the body does not cite
again is written to ``references:``, so the portal still lists the citation both ways.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ketluan.citations.matchers import extract
from ketluan.citations.prose import prose


def title_references(title: str | None, body: str) -> list[dict[str, Any]]:
    """``references:`` items for the citations of ``title`` missing from ``body``, with the
    date (when complete) and issuer the title gives."""
    in_title = extract(title or "")
    if not in_title:  # the body is read for citations only when the title has some
        return []
    cited = {c.symbol.key for c in extract(prose(body).text)}
    found: list[dict[str, Any]] = []
    for citation in in_title:
        if citation.symbol.key in cited:
            continue
        cited.add(citation.symbol.key)
        item: dict[str, Any] = {"number": citation.symbol.text}
        date = citation.date
        if date and date.day and date.month:
            item["date"] = dt.date(date.year, date.month, date.day)
        if citation.issuer:
            item["issuer"] = citation.issuer
        found.append(item)
    return found
