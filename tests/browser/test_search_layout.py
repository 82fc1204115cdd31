"""Layout details of the search UI that Material's own CSS used to override."""

from __future__ import annotations


def test_more_button_and_magnifier_hidden_when_not_needed(page, served_sample: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served_sample + "tra-cuu/?q=tuan%20giao")
    page.locator(".kl-results a").first.wait_for()
    assert page.locator(".kl-results a").count() >= 1
    assert not page.locator(".kl-results__more").is_visible(), "all results shown: no 'more'"
    assert page.locator(".md-header .kl-search__input").is_visible()
    assert not page.locator(".md-header .kl-search__open").is_visible(), "wide screen: the box"


def test_phone_header_shows_the_magnifier(page, served_sample: str) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(served_sample)
    assert page.locator(".md-header .kl-search__open").is_visible()
    assert not page.locator(".md-header .kl-search__input").is_visible()
