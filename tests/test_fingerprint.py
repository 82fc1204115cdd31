"""Fingerprints: equal data gives equal keys, any change gives another, unknown values are
refused rather than treated as constant (a constant would serve stale pages)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

import pytest

from ketluan.build.cache.fingerprint import Fingerprinter


@dataclass
class Item:
    name: str
    tags: list[str] = field(default_factory=list)
    parent: Item | None = None

    @cached_property
    def upper(self) -> str:
        return self.name.upper()


def key(*values: object) -> str:
    return Fingerprinter().hexdigest(*values)


def test_equal_values_give_equal_keys_and_changes_change_them() -> None:
    assert key(Item("a", ["x"])) == key(Item("a", ["x"]))
    assert key(Item("a", ["x"])) != key(Item("a", ["y"]))
    assert key(Item("a", ["x"])) != key(Item("b", ["x"]))
    assert key({"a": 1}) != key({"a": "1"}), "types are part of the key"
    assert key(["a", "b"]) != key(["ab"]), "boundaries are part of the key"
    assert key({"a": 1, "b": 2}) != key({"b": 2, "a": 1}), "order renders differently"


def test_nested_objects_are_walked_to_the_last_field() -> None:
    parent = Item("p", ["t"])
    before = key(Item("c", parent=parent))
    parent.tags.append("u")
    assert key(Item("c", parent=parent)) != before


def test_cached_properties_do_not_change_the_key() -> None:
    item = Item("a")
    before = key(item)
    assert item.upper == "A"
    assert key(item) == before


def test_cycles_terminate() -> None:
    item = Item("a")
    item.parent = item
    assert key(item) == key(item)


def test_patterns_and_functions_are_keyed_by_what_they_are() -> None:
    assert key(re.compile("a")) != key(re.compile("b"))
    assert key(len) != key(sorted)


class Opaque:
    __slots__ = ()


def test_unknown_values_are_refused() -> None:
    with pytest.raises(TypeError, match="cannot fingerprint a Opaque"):
        key(Opaque())
