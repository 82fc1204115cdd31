"""Joint documents in Chromium: the signature blocks side by side, two a row, on a wide
screen and in print (as on paper), one under the other on a phone; the new page types pass
axe."""

from __future__ import annotations

import pytest
from corpus_levels import (
    CENTRAL_URL,
    CIRCULAR_URL,
    JOINT_URL,
    NOTICE_URL,
)

from browser.test_a11y import serious_violations


@pytest.fixture(scope="module")
def served_levels(levels_site, serve) -> str:
    return serve(levels_site.root / "site")


def boxes(page, selector: str) -> list[dict[str, float]]:
    return [
        page.locator(selector).nth(i).bounding_box() for i in range(page.locator(selector).count())
    ]


@pytest.mark.parametrize("media", ["screen", "print"])
def test_two_signature_blocks_stand_side_by_side(page, served_levels: str, media: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served_levels + JOINT_URL)
    page.emulate_media(media=media)
    left, right = boxes(page, ".kl-signers > .kl-signer")
    assert left["y"] == pytest.approx(right["y"], abs=1), "one row"
    assert left["x"] + left["width"] <= right["x"], "the second right of the first"
    (recipients,) = boxes(page, ".kl-closing--joint .kl-recipients")
    assert recipients["y"] >= left["y"] + left["height"], "recipients below the blocks"


def test_five_signature_blocks_fill_rows_of_two(page, served_levels: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served_levels + CIRCULAR_URL)
    page.emulate_media(media="print")
    tops = [round(box["y"]) for box in boxes(page, ".kl-signers > .kl-signer")]
    assert len(tops) == 5
    assert tops[0] == tops[1] < tops[2] == tops[3] < tops[4]


def test_on_a_phone_the_blocks_stack(page, served_levels: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_levels + JOINT_URL)
    first, second = boxes(page, ".kl-signers > .kl-signer")
    assert second["y"] >= first["y"] + first["height"]


@pytest.mark.parametrize(
    "url", ["dia-ban/trung-uong/", CENTRAL_URL, JOINT_URL, CIRCULAR_URL, NOTICE_URL]
)
def test_no_serious_accessibility_violation(page, served_levels: str, url: str) -> None:
    page.goto(served_levels + url)
    assert serious_violations(page) == []
