"""Citation extraction measured on the 21 real texts against hand-made labels (issue 15).

Labels: ``tests/data/real/citations/<text>.json``, one per text in ``tests/data/real/texts``:
every citation as the text states it (number, kind, date, issuer, line of the number; named
documents with ``number: null`` and their ``name``). ``tests/data/real/split.json`` names the
texts held out of tuning; both shares are reported separately.

How a citation counts: an extracted citation matches a label on the same line with the same
number (folded, spaces out); named documents match on line and kind. Unmatched extractions
are false positives, unmatched labels misses. The document's own number (its heading
``Số: …`` and annex captions ``Kèm theo …``) is left out on both sides: a document does not
cite itself. Issuer right: the extracted issuer equals the label's, folded and ignoring case
and spacing (both absent counts as right), over the matched numbered citations.

Run: ``.venv/bin/python benchmarks/real_citations.py`` (``--json`` for one JSON line). The
misses and wrong extractions are listed for the tuning share only (``--held-out-details``
lists the held-out ones, for the report: tuning on them would spoil the measurement).
"""

from __future__ import annotations

import bisect
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ketluan.citations.matchers import extract
from ketluan.citations.prose import prose
from ketluan.core.symbols import parse_symbol
from ketluan.core.text import fold, nfc

REPO = Path(__file__).resolve().parent.parent
REAL = REPO / "tests" / "data" / "real"


def _number_key(value: str) -> str:
    symbol = parse_symbol(value)
    return symbol.key if symbol else fold(re.sub(r"\s+", "", value)).upper()


def _issuer_key(value: str | None) -> str | None:
    return " ".join(fold(value).lower().replace(",", " , ").split()) if value else None


@dataclass
class Score:
    """Counts for one text or a share of texts."""

    labels: int = 0
    found: int = 0
    matched: int = 0
    issuer_right: int = 0
    kind_right: int = 0
    date_right: int = 0
    named_labels: int = 0
    named_found: int = 0
    named_matched: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in [
            "labels",
            "found",
            "matched",
            "issuer_right",
            "kind_right",
            "date_right",
            "named_labels",
            "named_found",
            "named_matched",
        ]:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.wrong += other.wrong

    @property
    def recall(self) -> float:
        return self.matched / self.labels if self.labels else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def issuer(self) -> float:
        return self.issuer_right / self.matched if self.matched else 1.0

    def row(self, name: str) -> str:
        named = f"{self.named_matched}/{self.named_labels} ({self.named_found} found)"
        return (
            f"| {name} | {self.labels} | {self.found} | {self.matched} | {self.recall:.1%} | "
            f"{self.precision:.1%} | {self.issuer:.1%} | {self.kind_right}/{self.matched} | "
            f"{self.date_right}/{self.matched} | {named} |"
        )


def score(name: str) -> Score:
    """Extract the citations of one real text and compare them with its labels."""
    raw = nfc((REAL / "texts" / name).read_text(encoding="utf-8"))
    labels = json.loads((REAL / "citations" / f"{name}.json").read_text(encoding="utf-8"))
    own = _number_key(labels["own_number"]) if labels["own_number"] else None
    ends = [m.end() for m in re.finditer("\n", raw)]

    def line(pos: int) -> int:
        return bisect.bisect_right(ends, pos) + 1

    result = Score()
    expected: dict[tuple[int, str], list[dict]] = {}
    for label in labels["citations"]:
        if label["number"] is None:
            result.named_labels += 1
            expected.setdefault((label["line"], "~" + label["kind"]), []).append(label)
        else:
            result.labels += 1
            expected.setdefault((label["line"], _number_key(label["number"])), []).append(label)
    for citation in extract(prose(raw).text):
        named = citation.symbol.form == "NamedDocument"
        key = "~" + citation.kind if named else citation.symbol.key
        if key == own:
            continue
        where = (line(citation.symbol_start), key)
        result.named_found += named
        result.found += not named
        said = f"{name}:{where[0]}: {citation.symbol.text} {citation.kind} {citation.issuer!r}"
        if not expected.get(where):
            result.wrong.append(said)
            continue
        label = expected[where].pop(0)
        if named:
            result.named_matched += 1
            continue
        result.matched += 1
        result.kind_right += citation.kind == label["kind"]
        if citation.kind != label["kind"]:
            result.wrong.append(f"{said} kind, expected {label['kind']}")
        result.date_right += (citation.date.iso() if citation.date else None) == label["date"]
        if _issuer_key(citation.issuer) == _issuer_key(label["issuer"]):
            result.issuer_right += 1
        else:
            result.wrong.append(f"{said} issuer, expected {label['issuer']!r}")
    for (where, _), left in expected.items():
        result.misses += [f"{name}:{where}: {label['number'] or label['name']}" for label in left]
    return result


def shares() -> dict[str, tuple[Score, dict[str, Score]]]:
    """Scores per text, grouped into the tuning and held-out shares."""
    held = set(json.loads((REAL / "split.json").read_text(encoding="utf-8"))["held_out"])
    names = sorted(p.name for p in (REAL / "texts").iterdir())
    out: dict[str, tuple[Score, dict[str, Score]]] = {}
    for share, members in (
        ("tuning", [n for n in names if n not in held]),
        ("held out", [n for n in names if n in held]),
    ):
        total, per = Score(), {}
        for name in members:
            per[name] = score(name)
            total.add(per[name])
        out[share] = (total, per)
    return out


HEADER = (
    "| text | labels | found | right | recall | precision | issuer right | kind right | "
    "date right | named (found) |\n|---|---|---|---|---|---|---|---|---|---|"
)


def main() -> None:
    results = shares()
    if "--json" in sys.argv:
        summary = {
            share: {"recall": t.recall, "precision": t.precision, "issuer": t.issuer}
            for share, (t, _) in results.items()
        }
        print(json.dumps(summary))
        return
    for share, (total, per) in results.items():
        print(f"\n### {share}\n\n{HEADER}")
        for name, one in per.items():
            print(one.row(f"`{name}`"))
        print(total.row(f"**{share}**"))
        if share == "tuning" or "--held-out-details" in sys.argv:
            for problem in total.misses + total.wrong:
                print("-", problem)


if __name__ == "__main__":
    main()
