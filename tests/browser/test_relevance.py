"""The relevance set (issue 17): queries and the documents that must come first, run on the
/tra-cuu/ page in Chromium. The set is tests/data/relevance.yaml (read it first); here are
the sites it runs on, the documents it adds to the samples, and the checks.

Two sites, each built once per session: the samples with test_search.py's cases and those
below, and a generated corpus.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

import pytest
import yaml

from browser.relevance_picks import PICKS, Pick, generate, parse, rendered
from browser.test_search import add_search_cases
from conftest import Site, conclusion
from ketluan.core.corpus import load_corpus
from ketluan.core.model import BUILTIN_TYPES
from ketluan.core.text import fold
from ketluan.site import urls

REPO = Path(__file__).resolve().parents[2]
SET = yaml.safe_load((REPO / "tests" / "data" / "relevance.yaml").read_text(encoding="utf-8"))
GENERATED = SET["generated"]


def _twins(body: str, word: str, **fields: str) -> str:
    """Kết luận of Huyện ủy Văn Chấn on raising ``word``: the pair differs only by it."""
    return conclusion(
        body.format(word=word),
        title=f"Kết luận về phát triển chăn nuôi {word}",
        date="2023-10-02",
        issuer="Huyện ủy Văn Chấn",
        province="Yên Bái",
        district="Văn Chấn",
        **fields,
    )


ANIMALS = (
    "Hỗ trợ các hộ nghèo vùng cao phát triển chăn nuôi {word} theo hướng hàng hóa; mỗi hộ "
    "được hỗ trợ giống và tập huấn kỹ thuật. Ủy ban nhân dân huyện tổng kết mô hình.\n"
)
MACADAMIA = "Phát triển cây mắc ca trên đất rừng sản xuất, gắn với giảm nghèo bền vững.\n"


def _district(issuer: str, province: str, district: str, **fields: str) -> dict[str, str]:
    return {"issuer": issuer, "province": province, "district": district, **fields}


RELEVANCE_CASES: dict[str, str] = {
    "yen-bai/van-chan/21.md": _twins(ANIMALS, "con dê", number="21-KL/HU"),
    "yen-bai/van-chan/22.md": _twins(ANIMALS, "con dế", number="22-KL/HU"),
    "gia-lai/chu-se/51.md": conclusion(
        "Ban Thường vụ Huyện ủy thống nhất đẩy mạnh liên kết sản xuất, xây dựng vùng nguyên "
        "liệu đạt chuẩn hữu cơ và chỉ dẫn địa lý cho sản phẩm chủ lực của huyện.\n",
        title="Kết luận về phát triển bền vững cây hồ tiêu",
        number="51-KL/HU",
        date="2022-06-15",
        **_district("Huyện ủy Chư Sê", "Gia Lai", "Chư Sê"),
    ),
    "gia-lai/chu-prong/52.md": conclusion(
        "Tái canh cà phê già cỗi, chuyển một phần diện tích sang trồng xen hồ tiêu. Hồ tiêu "
        "trồng xen cà phê cần được kiểm soát dịch bệnh; giá hồ tiêu biến động nên không mở "
        "rộng ồ ạt.\n",
        title="Kết luận về tái canh cây cà phê",
        number="52-KL/HU",
        date="2023-06-15",
        **_district("Huyện ủy Chư Prông", "Gia Lai", "Chư Prông"),
    ),
    "son-la/moc-chau/61.md": conclusion(
        "Đẩy mạnh phát triển du lịch cộng đồng gắn với bảo tồn bản sắc văn hóa dân tộc.\n",
        signer="signer:\n  authority: T/M Ban Thường vụ\n  title: Bí thư\n  name: Lò Văn Pâng",
        title="Kết luận về phát triển du lịch cộng đồng",
        number="61-KL/HU",
        date="2022-08-01",
        **_district("Huyện ủy Mộc Châu", "Sơn La", "Mộc Châu"),
    ),
    "lao-cai/bat-xat/62.md": conclusion(
        "Tiếp thu ý kiến chỉ đạo của đồng chí Lò Văn Pâng tại buổi làm việc; đồng chí Lò Văn "
        "Pâng đề nghị huyện tập trung giảm nghèo bền vững.\n",
        title="Kết luận về giảm nghèo bền vững",
        number="62-KL/HU",
        date="2023-08-01",
        **_district("Huyện ủy Bát Xát", "Lào Cai", "Bát Xát"),
    ),
    "lai-chau/muong-te/31.md": conclusion(
        MACADAMIA,
        title="Kết luận về phát triển cây mắc ca",
        number="31-KL/HU",
        date="2019-06-03",
        **_district("Huyện ủy Mường Tè", "Lai Châu", "Mường Tè"),
    ),
    "lai-chau/muong-te/37.md": conclusion(
        MACADAMIA,
        title="Kết luận về phát triển cây mắc ca",
        number="37-KL/HU",
        date="2023-06-05",
        **_district("Huyện ủy Mường Tè", "Lai Châu", "Mường Tè"),
    ),
    "bac-giang/luc-ngan/45.md": conclusion(
        "Thường trực Huyện ủy thống nhất kiện toàn Đảng ủy Quân sự huyện nhiệm kỳ 2020-2025; "
        "Ban Chỉ huy Quân sự huyện tham mưu thực hiện.\n",
        title="Thông báo kết luận của Thường trực Huyện ủy về kiện toàn Đảng ủy Quân sự huyện",
        type="thong-bao-ket-luan",
        number="45-TB/HU",
        date="2021-04-12",
        **_district("Thường trực Huyện ủy Lục Ngạn", "Bắc Giang", "Lục Ngạn"),
    ),
}
"""What the samples lack for the set (tests/data/relevance.yaml names them)."""


@dataclass(frozen=True)
class Case:
    """One query of the set and what must come first (paths under conclusions/)."""

    corpus: str
    query: str
    why: str
    first: frozenset[str] = frozenset()
    then: frozenset[str] = frozenset()
    top: int = 0
    among: frozenset[str] = frozenset()
    same_as: str | None = None


def _param(case: Case, number: int, xfail: str | None) -> Any:
    """One test per query, its id readable in any terminal (the query folded, numbered: the
    message of a failure quotes it as typed)."""
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(case, id=f"{number:02d} {fold(case.query)}", marks=marks)


def sample_cases() -> list[Any]:
    names = SET["documents"]
    params = []
    for entry in SET["sample"]:
        named = {key: frozenset(names[n] for n in entry.get(key, ())) for key in ("first", "then")}
        case = Case("sample", entry["query"], entry["why"], **named, same_as=entry.get("same_as"))
        params.append(_param(case, len(params) + 1, entry.get("xfail")))
    return params


def generated_cases() -> list[Any]:
    docs = parse(rendered(GENERATED["count"], GENERATED["seed"]))
    failing: dict[str, str] = GENERATED.get("xfail") or {}
    params = []
    for recipe in GENERATED["recipes"]:
        picks: list[Pick] = PICKS[recipe["pick"]](docs)
        assert picks, recipe["pick"]
        for pick in picks:
            sets = {
                key: pick.sets[recipe[key]] for key in ("first", "then", "among") if key in recipe
            }
            proper = recipe.get("same_as", {})
            for query in recipe["queries"]:
                text = query.format(**pick.fields)
                same = proper[query].format(**pick.fields) if query in proper else None
                top = recipe.get("top", 0)
                case = Case("generated", text, recipe["why"], top=top, same_as=same, **sets)
                params.append(_param(case, len(params) + 1, failing.get(text)))
    unknown = set(failing) - {p.values[0].query for p in params}
    assert not unknown, f"xfail of queries the picks no longer make: {unknown}"
    return params


@dataclass
class Served:
    """A built site: its base URL and the URL of each document by path under conclusions/."""

    base: str
    url_of: dict[str, str]


def _served(project: Path, site_dir: Path, serve: Callable[[Path], str]) -> Served:
    corpus = load_corpus(project, "conclusions", BUILTIN_TYPES)
    root = project / "conclusions"
    url_of = {
        (project / d.source).resolve().relative_to(root.resolve()).as_posix(): "/"
        + urls.document(d)
        for d in corpus.documents
    }
    return Served(serve(site_dir), url_of)


@pytest.fixture(scope="session")
def relevance_sample(tmp_path_factory: pytest.TempPathFactory, serve) -> Served:
    """Samples, test_search.py's cases and RELEVANCE_CASES."""
    site = Site(tmp_path_factory.mktemp("relevance") / "project")
    shutil.copytree(REPO / "conclusions", site.conclusions, dirs_exist_ok=True)
    add_search_cases(site)
    for rel, text in RELEVANCE_CASES.items():
        site.add(rel, text)
    return _served(site.root, site.build(), serve)


@pytest.fixture(scope="session")
def relevance_generated(tmp_path_factory: pytest.TempPathFactory, serve) -> Served:
    """The generated corpus of the set, as benchmarks/generate.py writes it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    count, seed = GENERATED["count"], GENERATED["seed"]
    root = tmp_path_factory.mktemp("relevance-generated") / "project"
    config_path = generate_project(root, count, seed)
    config = load_config(str(config_path), site_dir=str(root / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return _served(root, root / "site", serve)


def generate_project(root: Path, count: int, seed: int) -> Path:
    """Write the project; the picks were made from these very texts."""
    config = generate.generate(count, root, seed=seed)
    written = {
        p.relative_to(root / "conclusions").as_posix(): p.read_text(encoding="utf-8")
        for p in (root / "conclusions").rglob("*.md")
    }
    assert written == rendered(count, seed), "the picks were made from other texts"
    return config


@pytest.fixture(scope="module")
def tabs(browser) -> Iterator[Any]:
    """One browser context for the module (its cache shared: the set is about ranking, the
    bytes are measured by benchmarks/search.py)."""
    context = browser.new_context(locale="vi-VN")
    yield context
    context.close()


FINISHED = """() => {
    const status = document.querySelector('.kl-search-page__status');
    const shown = document.querySelectorAll('.kl-results .kl-result').length;
    return !!status && status.textContent.trim() !== ''
        && (shown > 0 || status.textContent.startsWith('Không tìm thấy'));
}"""
"""The page has answered: results listed, or none found (ketluan-search.js, setupPage)."""

_answers: dict[tuple[str, str], list[str]] = {}


def results(tabs: Any, base: str, query: str) -> list[str]:
    """Paths of the results of /tra-cuu/?q=``query`` in the order shown (first page)."""
    if (base, query) not in _answers:
        page = tabs.new_page()
        try:
            page.set_default_timeout(20_000)
            page.goto(base + "tra-cuu/?q=" + quote(query))
            page.wait_for_function(FINISHED)
            hrefs = page.eval_on_selector_all(
                ".kl-results .kl-result__title", "links => links.map(a => a.href)"
            )
        finally:
            page.close()
        _answers[base, query] = [urlparse(href).path for href in hrefs]
    return _answers[base, query]


def check(case: Case, served: Served, found: list[str]) -> None:
    def names(paths: list[str] | frozenset[str]) -> list[str]:
        back = {url: path for path, url in served.url_of.items()}
        return [back.get(url, url) for url in paths]

    shown = f"{case.query!r} ({case.why}) gave {names(found)}"
    assert found, f"{case.query!r} found nothing"
    want = {served.url_of[p] for p in case.first}
    assert set(found[: len(want)]) == want, f"first {sorted(case.first)}: {shown}"
    then = {served.url_of[p] for p in case.then}
    following = found[len(want) : len(want) + len(then)]
    assert set(following) == then, f"then {sorted(case.then)}: {shown}"
    if case.top:
        among = {served.url_of[p] for p in case.among}
        assert len(found) >= case.top, shown
        outside = [f"{i + 1}. {n}" for i, n in enumerate(names(found[: case.top]))]
        outside = [o for o, u in zip(outside, found, strict=False) if u not in among]
        assert not outside, f"the first {case.top} all in the set, not {outside}: {shown}"


def run(case: Case, tabs: Any, served: Served) -> None:
    """The case's expectations; with ``same_as``, the same results as the proper form."""
    found = results(tabs, served.base, case.query)
    check(case, served, found)
    if case.same_as:
        assert found == results(tabs, served.base, case.same_as), f"as {case.same_as!r}"


@pytest.mark.parametrize("case", sample_cases())
def test_sample(case: Case, tabs, relevance_sample: Served) -> None:
    run(case, tabs, relevance_sample)


@pytest.mark.parametrize("case", generated_cases())
def test_generated(case: Case, tabs, relevance_generated: Served) -> None:
    run(case, tabs, relevance_generated)


def test_the_set_is_large_enough() -> None:
    """Issue 17: at least 60 queries, over both corpora."""
    sample, generated = sample_cases(), generated_cases()
    assert len(sample) + len(generated) >= 60
    assert len(generated) >= 15
    every = [p.values[0] for p in [*sample, *generated]]
    assert len({(c.corpus, c.query) for c in every}) == len(every), "no query twice"
