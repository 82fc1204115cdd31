"""The importer on the 21 real published documents of ``tests/data/real`` (issue 15): front
matter fields against hand labels, both shares of ``split.json``, and no citation lost.

The figures are measured by ``benchmarks/importer_real.py`` (table in BENCHMARKS.md); this
test holds the floor of the issue's target so that a regression fails.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

import importer_real  # noqa: E402

TEXTS = importer_real.texts()
TARGET = 0.95
"""Issue 15: at least 95% of the labelled fields exactly right, in each share."""


def test_every_real_text_is_labelled_and_the_split_is_the_agreed_one() -> None:
    assert len(TEXTS) == 21
    labels = {p.name.removesuffix(".json") for p in (importer_real.REAL / "fields").glob("*.json")}
    assert labels == {p.name for p in TEXTS}
    held = importer_real.held_out()
    assert held == {
        "115-nq-cp.txt",
        "1670-nq-ubtvqh15.md",
        "21-ct-ttg.txt",
        "3722-vpcp-cn.txt",
        "798-qd-ttg.txt",
        "453-tb-ubnd-ha-noi.txt",
    }


@pytest.fixture(scope="module")
def measured() -> dict:
    return importer_real.measure()


@pytest.mark.parametrize("share", ["tuning", "held-out"])
def test_fields_exactly_right_in_each_share(measured: dict, share: str) -> None:
    result = measured["shares"][share]
    wrong = {r["text"]: r["wrong"] for r in measured["rows"] if r["share"] == share and r["wrong"]}
    assert result["right"] / result["fields"] >= TARGET, json.dumps(wrong, ensure_ascii=False)


KNOWN_EXTRACTOR_MISS = {"01-2022-ttlt-vksndtc.txt": ["02/2017/TTLT"]}
"""``Thông tư liên tịch số 02/2017/TTLT-⏎VKSNDTC-TANDTC-BCA-BQP``: the importer joins the
number whole, which the extractor of this branch does not read (four bodies after the year,
the extractor half of issue 15); the raw text gives it cut short."""


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_no_citation_of_the_raw_text_is_lost_by_import(path: Path) -> None:
    lost = importer_real.lost_citations(path)
    allowed = KNOWN_EXTRACTOR_MISS.get(path.name, [])
    assert set(lost) <= set(allowed), lost
    if allowed:  # the whole number is in the body, joined
        body = importer_real.convert_file(path).body
        assert "02/2017/TTLT-VKSNDTC-TANDTC-BCA-BQP ngày 22/12/2017" in body
