"""Content fingerprints of arbitrary build data, for the page cache.

A cached page may be reused only if everything its template can reach is unchanged, so the
fingerprint walks the page's whole context: strings, numbers, containers, dataclasses and
plain objects (their attributes), down to the last field. Nothing is skipped silently: a
value of a kind the walker does not know raises ``TypeError`` instead of being treated as
constant, because a constant there would serve stale pages.

Objects are digested once per ``Fingerprinter`` (memoised by identity and kept alive, so an
identity is never reused while the memo lives): a document cited by a thousand pages costs
one walk per build.
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


def _hash(*parts: bytes) -> bytes:
    h = hashlib.blake2b(digest_size=DIGEST_SIZE)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.digest()


class Fingerprinter:
    """Digests values; one instance per build so shared objects are walked once."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[object, bytes]] = {}
        self._walking: set[int] = set()

    def hexdigest(self, *values: object) -> str:
        """Hex fingerprint of ``values`` together."""
        return _hash(*(self.digest(v) for v in values)).hex()

    def digest(self, value: object) -> bytes:
        """Binary fingerprint of one value (type-tagged, so 1 and "1" differ)."""
        if value is None or isinstance(value, bool | int | float | complex):
            return _hash(type(value).__name__.encode(), repr(value).encode())
        if isinstance(value, str):  # Markup and other str subclasses included
            return _hash(b"str", value.encode("utf-8", "surrogatepass"))
        if isinstance(value, bytes):
            return _hash(b"bytes", value)
        if isinstance(value, enum.Enum):
            return _hash(b"enum", _qualname(type(value)).encode(), value.name.encode())
        if isinstance(value, PurePath):
            return _hash(b"path", str(value).encode())
        if isinstance(value, type | types.FunctionType | types.BuiltinFunctionType):
            return _hash(b"code", _qualname(value).encode())
        if isinstance(value, re.Pattern):
            return _hash(b"re", str(value.pattern).encode(), str(value.flags).encode())
        key = id(value)
        memo = self._memo.get(key)
        if memo is not None:
            return memo[1]
        if key in self._walking:  # a cycle: the rest of it is being digested above
            return _hash(b"cycle", _qualname(type(value)).encode())
        self._walking.add(key)
        try:
            result = self._compound(value)
        finally:
            self._walking.discard(key)
        self._memo[key] = (value, result)
        return result

    def _compound(self, value: object) -> bytes:
        digest = self.digest
        if isinstance(value, list | tuple):
            return _hash(b"seq", *(digest(v) for v in value))
        if isinstance(value, dict):
            return _hash(b"map", *(digest(k) + digest(v) for k, v in value.items()))
        if isinstance(value, set | frozenset):
            return _hash(b"set", *sorted(digest(v) for v in value))
        if isinstance(value, types.MethodType):
            return _hash(b"method", digest(value.__func__), digest(value.__self__))
        custom: Callable[[], Any] | None = getattr(value, "__fingerprint__", None)
        if custom is not None:
            return _hash(b"custom", _qualname(type(value)).encode(), digest(custom()))
        name = _qualname(type(value)).encode()
        if dataclasses.is_dataclass(value):
            fields = [(f.name, getattr(value, f.name)) for f in dataclasses.fields(value)]
            state = dict(fields) | (_state(value) or {})
            return _hash(b"obj", name, digest(state))
        state = _state(value)
        if state is None:
            raise TypeError(
                f"cannot fingerprint a {type(value).__qualname__}: give it __fingerprint__ "
                "or keep it out of page contexts"
            )
        return _hash(b"obj", name, digest(state))


def _state(value: object) -> dict[str, object] | None:
    """Attributes of a plain object (``__dict__`` and ``__slots__``), None if it has none."""
    state: dict[str, object] = {}
    found = False
    for cls in type(value).__mro__:
        for slot in getattr(cls, "__slots__", ()):
            if slot not in ("__dict__", "__weakref__") and hasattr(value, slot):
                state[slot] = getattr(value, slot)
                found = True
    if hasattr(value, "__dict__"):
        # Values cached by functools.cached_property derive from the rest and appear only
        # once read: leaving them out keeps the fingerprint independent of what ran before.
        cls = type(value)
        state.update(
            (k, v)
            for k, v in vars(value).items()
            if not isinstance(getattr(cls, k, None), functools.cached_property)
        )
        found = True
    return dict(sorted(state.items())) if found else None


def _qualname(obj: object) -> str:
    return f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', repr(obj))}"
