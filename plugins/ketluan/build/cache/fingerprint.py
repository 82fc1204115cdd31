"""Content fingerprints of arbitrary build data, for the page cache.

A cached page may be reused only if everything its template can reach is unchanged, so the
fingerprint walks the page's whole context: strings, numbers, containers, dataclasses and
plain objects (their attributes), down to the last field. Nothing is skipped silently: a
value of a kind the walker does not know raises ``TypeError`` instead of being treated as
constant, because a constant there would serve stale pages.

Objects (not containers) are digested once per ``Fingerprinter``, memoised by identity and
kept alive so an identity is never reused while the memo lives: a document listed by a
thousand pages is walked once per build.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import re
import types
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

DIGEST_SIZE = 20
_SCALARS = (type(None), bool, int, float, complex)


class Fingerprinter:
    """Digests values; one instance per build so shared objects are walked once."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[object, bytes]] = {}
        self._walking: set[int] = set()

    def hexdigest(self, *values: object) -> str:
        """Hex fingerprint of ``values`` together."""
        h = hashlib.blake2b(digest_size=DIGEST_SIZE)
        self._feed(h, values)
        return h.hexdigest()

    def digest(self, value: object) -> bytes:
        """Binary fingerprint of one value (type-tagged, so 1 and "1" differ)."""
        h = hashlib.blake2b(digest_size=DIGEST_SIZE)
        self._feed(h, value)
        return h.digest()

    def _feed(self, h: Any, value: object) -> None:
        kind = type(value)
        if kind is str or isinstance(value, str):  # Markup and other str subclasses too
            data = value.encode("utf-8", "surrogatepass")  # type: ignore[union-attr]
            h.update(b"s%d:" % len(data))
            h.update(data)
        elif kind in _SCALARS:
            h.update(b"%s:%s;" % (kind.__name__.encode(), repr(value).encode()))
        elif kind is list or kind is tuple:
            h.update(b"l%d:" % len(value))  # type: ignore[arg-type]
            for item in value:  # type: ignore[attr-defined]
                self._feed(h, item)
        elif kind is dict:
            h.update(b"d%d:" % len(value))  # type: ignore[arg-type]
            for key, item in value.items():  # type: ignore[attr-defined]
                self._feed(h, key)
                self._feed(h, item)
        elif isinstance(value, bytes):
            h.update(b"b%d:" % len(value))
            h.update(value)
        elif isinstance(value, set | frozenset):
            h.update(b"e%d:" % len(value))
            for item in sorted(self.digest(v) for v in value):
                h.update(item)
        elif isinstance(value, enum.Enum):
            h.update(f"enum:{_qualname(kind)}.{value.name};".encode())
        elif isinstance(value, PurePath):
            self._feed(h, ("path", str(value)))
        elif isinstance(value, type | types.FunctionType | types.BuiltinFunctionType):
            h.update(f"code:{_qualname(value)};".encode())
        elif isinstance(value, re.Pattern):
            self._feed(h, ("re", value.pattern, value.flags))
        else:
            h.update(b"o")
            h.update(self._object(value))

    def _object(self, value: object) -> bytes:
        key = id(value)
        memo = self._memo.get(key)
        if memo is not None:
            return memo[1]
        if key in self._walking:  # a cycle: the rest of it is being digested above
            return f"cycle:{_qualname(type(value))}".encode()
        self._walking.add(key)
        try:
            h = hashlib.blake2b(digest_size=DIGEST_SIZE)
            h.update(_qualname(type(value)).encode())
            self._feed(h, _state(value))
            result = h.digest()
        finally:
            self._walking.discard(key)
        self._memo[key] = (value, result)
        return result


def _state(value: object) -> object:
    """What an object is made of: ``__fingerprint__()`` when it defines one; else its
    fields and attributes (slots and ``__dict__``) without cached derived values."""
    if isinstance(value, types.MethodType):
        return (value.__func__, value.__self__)
    custom: Callable[[], Any] | None = getattr(value, "__fingerprint__", None)
    if custom is not None:
        return custom()
    names = _attribute_names(type(value))
    if names is None and not hasattr(value, "__dict__"):
        raise TypeError(
            f"cannot fingerprint a {type(value).__qualname__}: give it __fingerprint__ "
            "or keep it out of page contexts"
        )
    state = {name: getattr(value, name) for name in names or () if hasattr(value, name)}
    if hasattr(value, "__dict__"):
        skip = _cached_names(type(value))
        state.update((k, v) for k, v in vars(value).items() if k not in skip)
    return sorted(state.items())


@functools.cache
def _attribute_names(cls: type) -> tuple[str, ...] | None:
    """Dataclass fields and slots of ``cls``; None when it declares neither."""
    names: list[str] = []
    if dataclasses.is_dataclass(cls):
        names += [f.name for f in dataclasses.fields(cls)]
    for klass in cls.__mro__:
        for slot in getattr(klass, "__slots__", ()):
            if slot not in ("__dict__", "__weakref__") and slot not in names:
                names.append(slot)
    return tuple(names) if names else None


@functools.cache
def _cached_names(cls: type) -> frozenset[str]:
    """Attributes filled by ``functools.cached_property``: derived from the rest, and
    present only once read, so leaving them out keeps fingerprints independent of what
    ran before."""
    return frozenset(
        name
        for klass in cls.__mro__
        for name, attr in vars(klass).items()
        if isinstance(attr, functools.cached_property)
    )


def _qualname(obj: object) -> str:
    return f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', repr(obj))}"
