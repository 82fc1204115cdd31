"""The queries of the relevance set (tests/data/relevance.yaml) for a generated corpus.

Every ``sample`` query as written, and every ``generated`` recipe's queries formatted with
the picks that ``tests/browser/relevance_picks.py`` (the test's own functions) makes from
``generate.plan(count, seed)``: the plan of the corpus measured, not the test's 240
documents. Used by ``queries.py --relevance COUNT``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from browser.relevance_picks import PICKS, Pick, parse, rendered  # noqa: E402

SET = REPO / "tests" / "data" / "relevance.yaml"


def relevance_queries(count: int, seed: int) -> tuple[list[tuple[str, str]], list[str]]:
    """(query, where it comes from) once each, in the set's order; and the recipes whose
    pick found nothing in this plan (their queries are left out)."""
    data = yaml.safe_load(SET.read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for entry in data["sample"]:
        found.setdefault(entry["query"], []).append("sample")
    docs = parse(rendered(count, seed))
    missing = []
    for recipe in data["generated"]["recipes"]:
        name = recipe["pick"]
        try:
            picks: list[Pick] = PICKS[name](docs)
        except LookupError:
            picks = []
        if not picks:
            missing.append(name)
        for pick in picks:
            for query in recipe["queries"]:
                origins = found.setdefault(query.format(**pick.fields), [])
                if name not in origins:
                    origins.append(name)
    return [(query, ", ".join(origins)) for query, origins in found.items()], missing
