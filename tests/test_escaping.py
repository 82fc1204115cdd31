"""Front matter values are inert in the built HTML: in the body, <title> and meta tags."""

from __future__ import annotations

import json

from conftest import Site, text_of

PAYLOAD = '<script>alert("x")</script>"\'><img src=x onerror=alert(1)>&amp;'


def quoted(value: str) -> str:
    """YAML single-quoted scalar."""
    return "'" + value.replace("'", "''") + "'"


def hostile_file(payload: str) -> str:
    q = quoted(payload)
    return "\n".join(
        [
            "---",
            f"title: {quoted('Kết luận ' + payload)}",
            "type: ket-luan",
            f"number: {quoted('1-KL/HU' + payload)}",
            "date: 2024-03-27",
            f"issuer: {quoted('Huyện ủy ' + payload)}",
            # Places must be real units of the gazetteer, so they cannot carry a payload.
            "province: Bắc Giang",
            "district: Sơn Động",
            f"meeting: {q}",
            "signer:",
            f"  authority: {q}",
            f"  title: {q}",
            f"  name: {q}",
            f"recipients:\n  - {q}",
            f"tags:\n  - {q}",
            "---",
            "",
            'Đoạn văn <script>alert(2)</script> <b onclick="alert(3)">đậm</b>',
            "[liên kết](javascript:alert(4))",
            "",
        ]
    )


def test_every_field_is_escaped(site: Site) -> None:
    site.add("x.md", hostile_file(PAYLOAD))
    site.build()
    page_dir = next((site.root / "site" / "van-ban").rglob("1-kl-hu*"))
    url = page_dir.relative_to(site.root / "site").as_posix() + "/"
    page = site.page(url)

    executable = [s for s in page.iter("script") if s.get("type") != "application/ld+json"]
    assert "alert" not in " ".join(s.text or "" for s in executable), "no injected script"
    (jsonld,) = page.xpath("//script[@type='application/ld+json']")
    assert "<" not in jsonld.text, "JSON-LD cannot close its script element"
    data = json.loads(jsonld.text)
    assert data["legislationPassedBy"]["name"] == "Huyện ủy " + PAYLOAD
    assert data["legislationIdentifier"] == "1-KL/HU" + PAYLOAD
    assert not page.xpath("//*[@onerror or @onclick]"), "no event handler attribute"
    assert not page.xpath("//img[@src='x']"), "no injected image"
    assert not page.xpath("//a[starts-with(@href, 'javascript')]")

    title = page.findtext(".//title")
    assert title.startswith("1-KL/HU" + PAYLOAD + ": Kết luận " + PAYLOAD)
    description = page.xpath("//meta[@name='description']/@content")[0]
    assert description.startswith("Kết luận số 1-KL/HU" + PAYLOAD)

    values = {
        text_of(r.cssselect("dt")[0]): r.cssselect("dd")[0].text_content()
        for r in page.cssselect(".kl-meta__row")
    }
    assert values["Cơ quan ban hành"] == "Huyện ủy " + PAYLOAD
    assert values["Hội nghị, cuộc họp"] == PAYLOAD
    assert values["Địa bàn"] == "huyện Sơn Động, tỉnh Bắc Giang"
    assert [p.text_content() for p in page.cssselect(".kl-signer p")] == [PAYLOAD] * 3
    assert page.cssselect(".kl-recipients li")[0].text_content() == PAYLOAD
    assert page.cssselect(".kl-tags li")[0].text_content() == PAYLOAD
    heading = page.cssselect(".kl-document__subject")[0].text_content()
    assert heading == "Kết luận " + PAYLOAD
    header_title = page.cssselect(".md-header__topic .md-ellipsis")
    assert all(PAYLOAD in h.text_content() for h in header_title[1:])

    body = page.cssselect(".kl-document__body")[0]
    assert text_of(body) == "Đoạn văn <script>alert(2)</script> đậm liên kết", "shown as text"


def test_list_pages_escape_titles(site: Site) -> None:
    site.add("x.md", hostile_file(PAYLOAD))
    site.build()
    for url in ("", "van-ban/"):
        page = site.page(url)
        assert not page.xpath("//*[@onerror]")
        items = page.cssselect(".kl-item__title")
        assert items[0].text_content() == "Kết luận " + PAYLOAD
