"""Hostile input in a real browser: 62 payloads, each in every free-text front matter field
and in the body's raw HTML, on its own document. None may run script or break the page.

Province, district, type and date are checked against fixed vocabularies (a payload there
fails the build: see test_malformed), so they carry real values here.
"""

from __future__ import annotations

import json

import pytest
from payloads import PAYLOADS

from conftest import Site

HOOKS = """
(() => {
  const fired = (what) => { window.__xss = (window.__xss || []).concat([what]); };
  window.alert = () => fired("alert");
  window.confirm = () => fired("confirm");
  window.prompt = () => fired("prompt");
  const error = console.error.bind(console);
  console.error = (...args) => {
    if (String(args[0]).includes("XSS")) fired("console");
    error(...args);
  };
})();
"""


def quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def hostile_document(index: int, payload: str) -> str:
    q = quoted(payload)
    return "\n".join(
        [
            "---",
            f"title: {quoted(f'Kết luận {index} ' + payload)}",
            "type: ket-luan",
            f"number: {quoted(f'{index}-KL/HU' + payload)}",
            "date: 2024-03-27",
            f"issuer: {quoted('Huyện ủy ' + payload)}",
            "province: Bắc Giang",
            "district: Sơn Động",
            f"meeting: {q}",
            "signer:",
            f"  authority: {q}",
            f"  title: {q}",
            f"  name: {q}",
            f"recipients:\n  - {q}\n  - Lưu Văn phòng",
            f"tags:\n  - {q}",
            "---",
            "",
            f"Đoạn mở đầu {payload} đoạn tiếp.",
            "",
            payload,
            "",
            "Đoạn cuối.",
            "",
        ]
    )


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, serve) -> tuple[Site, str]:
    site = Site(tmp_path_factory.mktemp("hostile") / "project")
    for index, payload in enumerate(PAYLOADS, start=1):
        site.add(f"h{index:02d}.md", hostile_document(index, payload))
    site.build()
    return site, serve(site.root / "site")


def visit(page, url: str) -> list[str]:
    """Load ``url`` with the hooks in place; return what fired."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.add_init_script(HOOKS)
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(50)
    return dialogs + (page.evaluate("window.__xss || []"))


def test_every_payload_is_counted() -> None:
    assert len(PAYLOADS) >= 60


@pytest.mark.parametrize("index", range(1, len(PAYLOADS) + 1))
def test_document_page_runs_no_payload(page, hostile_site, index: int) -> None:
    site, base = hostile_site
    payload = PAYLOADS[index - 1]
    manifest = json.loads((site.root / "site/api/documents.json").read_text("utf-8"))
    number = " ".join(f"{index}-KL/HU{payload}".split())
    (url,) = [d["url"] for d in manifest["documents"] if d["number"] == number]
    assert visit(page, base + url.lstrip("/")) == []
    assert page.locator(".kl-document").count() == 1, "page structure intact"
    assert page.locator("h1").count() == 1
    assert page.locator(".md-footer").count() == 1
    assert page.locator(".kl-signer__name").text_content() == payload, "shown as text"
    assert page.locator(".kl-meta__issuer dd").text_content().strip() == "Huyện ủy " + payload
    assert page.title().startswith(f"{index}-KL/HU")
    assert page.locator(".kl-document__body p").last.text_content() == "Đoạn cuối."


@pytest.mark.parametrize(
    "url",
    [
        "",
        "van-ban/",
        "van-ban/trang/2/",
        "danh-muc/co-quan/",
        "danh-muc/nguoi-ky/",
        "dia-ban/bac-giang/son-dong/",
    ],
)
def test_list_pages_run_no_payload(page, hostile_site, url: str) -> None:
    _, base = hostile_site
    assert visit(page, base + url) == []
    assert page.locator(".md-footer").count() == 1
