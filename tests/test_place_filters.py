"""The filters of a place page's search box choose exactly that place's documents: for each
sample document, the filters of its own district and provinces match its filter values,
those of other places do not."""

from __future__ import annotations

from conftest import REPO
from ketluan.core.corpus import load_corpus
from ketluan.core.model import BUILTIN_TYPES, Document
from ketluan.core.places import District, Province
from ketluan.site.search import facets, place_filters


def chooses(place: Province | District, doc: Document) -> bool:
    """Would the search page, with ``place``'s filters, list ``doc``?"""
    values = facets(doc)
    return all(value in values.get(name, []) for name, value in place_filters(place).items())


def test_place_filters_choose_the_documents_of_the_place() -> None:
    docs = [doc for doc in load_corpus(REPO, "conclusions", BUILTIN_TYPES).documents]
    located = [doc for doc in docs if doc.location]
    districts = {doc.location.district for doc in located if doc.location.district}
    provinces = {doc.location.province for doc in located}
    assert len(districts) >= 2 and len(provinces) >= 2, "the samples have several places"
    for doc in located:
        where = doc.location
        for district in districts:
            assert chooses(district, doc) == (district == where.district), (doc.id, district)
        for province in provinces:
            assert chooses(province, doc) == (province == where.province), (doc.id, province)
        current = where.province.successor or where.province
        assert chooses(current, doc), "its current province"
        others = {p.successor or p for p in provinces} - {current}
        assert not any(chooses(other, doc) for other in others)


def test_district_filters_name_the_province_too() -> None:
    """District names repeat across provinces: the district alone would choose both."""
    doc = next(d for d in load_corpus(REPO, "conclusions", BUILTIN_TYPES).documents if d.district)
    found = place_filters(doc.location.district)
    assert found == {"tinh": doc.province, "huyen": doc.district}
    assert place_filters(doc.location.province) == {"tinh": doc.province}
