"""Browser tests: built sites served over HTTP and driven in Debian's Chromium.

Shared by every browser test (search, navigation, font size, print, hostile input):
``serve`` serves a built site on 127.0.0.1 at a free port; ``browser`` is one Chromium per
session (never downloaded by Playwright: Debian's /usr/bin/chromium, installed by
``make test`` when missing); ``page`` is a fresh tab; ``served_sample`` is the sample site.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".wasm": "application/wasm",
    }

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: pytest output stays readable."""


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """Serve a built site folder; returns its base URL (``http://127.0.0.1:PORT/``)."""
    servers: list[_Server] = []

    def start(site_dir: Path) -> str:
        handler = functools.partial(_Handler, directory=str(site_dir))
        server = _Server(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium).")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab (own context: no cache shared with other tests)."""
    context = browser.new_context(locale="vi-VN")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def served_sample(sample_site, serve) -> str:
    """Base URL of the repository's sample site (built once, with its search index)."""
    return serve(sample_site.root / "site")


def copy_samples(target: Path, repo: Path) -> None:
    """Copy the sample conclusions into a test site's conclusions folder."""
    shutil.copytree(repo / "conclusions", target, dirs_exist_ok=True)


def index_folder(root: Path, files: dict[str, str]) -> Path:
    """A folder serving a word index's ``files`` (``site.words.word_files``) and our scripts
    as a build ships them, with an empty page to import them from: the search logic on a
    synthetic index of thousands of documents, without building their pages."""
    from ketluan.build.scripts import minified

    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, "utf-8")
    scripts = root / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    sources = Path(__file__).resolve().parents[2] / "templates" / "assets" / "javascripts"
    for source in sources.glob("ketluan*.js"):
        (scripts / source.name).write_text(minified(source.read_text("utf-8")), "utf-8")
    (root / "index.html").write_text("<!doctype html><title>x</title>", "utf-8")
    return root
