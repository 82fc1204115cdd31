"""Front matter schema v1, declared as typed classes with a docstring per field.

Modelled on MkDocs' ``Config`` classes (as Material's blog plugin validates posts), but
free of MkDocs so the core outlives the framework: each class attribute is a ``Field``,
validation collects every problem instead of stopping at the first.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ketluan.core.dates import DateError, DocDate, parse_doc_date
from ketluan.core.frontmatter import FrontMatter
from ketluan.core.kinds import KINDS
from ketluan.core.problems import Problem
from ketluan.core.symbols import parse_symbol
from ketluan.core.text import control_character, is_blank


@dataclass
class Context:
    """What validation needs to know: the file, its lines and the configured types."""

    path: str
    source: FrontMatter
    types: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)

    def report(self, dotted: str, message: str, fix: str = "") -> None:
        """Record a problem at the line of ``dotted`` (or its nearest parent)."""
        self.problems.append(Problem(self.path, self.source.line(dotted), dotted, message, fix))


class Invalid(Exception):
    """Raised by a field's ``check``; the schema turns it into a Problem."""

    def __init__(self, message: str, fix: str = "") -> None:
        super().__init__(message)
        self.fix = fix


class Field:
    """A front matter field; ``required`` fields must be present, ``nullable`` may be null."""

    def __init__(self, *, required: bool = False, nullable: bool = False) -> None:
        self.required = required
        self.nullable = nullable
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def check(self, value: Any, dotted: str, ctx: Context) -> Any:
        """Return the cleaned value or raise Invalid."""
        raise NotImplementedError


def _shown(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _check_controls(value: str) -> None:
    """Refuse control characters, written raw or as YAML escapes ("\\e", "\\x01")."""
    if (code := control_character(value)) is not None:
        raise Invalid(
            f"contains the control character {code}",
            "Remove it: it is invisible and breaks the feed and pages "
            "(in quotes it may be written as an escape such as \\x1b or \\e)",
        )


class Text(Field):
    """A non-empty line of text (numbers and dates are refused: quote them). Tabs and line
    breaks are spaces; other control characters are refused; text of only invisible
    characters (zero-width spaces...) is empty."""

    def __init__(self, *, example: str, max_length: int = 1000, **kwargs: bool) -> None:
        super().__init__(**kwargs)
        self.example = example
        self.max_length = max_length

    def check(self, value: Any, dotted: str, ctx: Context) -> str:
        if not isinstance(value, str):
            raise Invalid(
                f"expected text, got {_shown(value)}",
                f"Write it as text, e.g. {dotted.split('.')[-1]}: {self.example}",
            )
        _check_controls(value)
        text = " ".join(value.split())
        if not text:
            raise Invalid("is empty", f"Fill it in, e.g. {self.example}")
        if is_blank(text):
            raise Invalid(
                "is empty (it holds only invisible characters)",
                f"Delete the line's value and type it again, e.g. {self.example}",
            )
        if len(text) > self.max_length:
            raise Invalid(f"is {len(text)} characters long, over {self.max_length}", "Shorten it")
        return text


class TextList(Field):
    """A list of text lines (``- item`` under the field); ``single`` names the field to use
    instead when a list must hold at least two items (``issuers``: else ``issuer``)."""

    def __init__(
        self, *, example: str, single: str = "", max_length: int = 1000, **kwargs: bool
    ) -> None:
        super().__init__(**kwargs)
        self.item = Text(example=example, max_length=max_length)
        self.single = single

    def check(self, value: Any, dotted: str, ctx: Context) -> list[str]:
        fix = f"Write one item per line starting with '- ', e.g. '- {self.item.example}'"
        items = []
        for where, item in _items(value, dotted, self.single, fix):
            try:
                items.append(self.item.check(item, where, ctx))
            except Invalid as exc:
                ctx.report(where, str(exc), exc.fix)
        return items


def _items(value: Any, dotted: str, single: str, fix: str) -> list[tuple[str, Any]]:
    """(path, item) of each item of a list value (``signers[1]``); not a list, or one
    item where a list stands for several (``single`` names the field for one): Invalid."""
    if not isinstance(value, list):
        raise Invalid(f"expected a list, got {_shown(value)}", fix)
    if single and len(value) < 2:
        raise Invalid(
            f"lists {len(value)} item(s); it is for joint documents, with two or more",
            f"Write a single one under '{single}:' instead",
        )
    return [(f"{dotted}[{index}]", item) for index, item in enumerate(value)]


class Lines(Field):
    """One line of text, or a list of lines (``- item`` under the field), e.g. an
    authority chain; the cleaned value is the tuple of lines."""

    def __init__(self, *, example: str, **kwargs: bool) -> None:
        super().__init__(**kwargs)
        self.lines = TextList(example=example)

    def check(self, value: Any, dotted: str, ctx: Context) -> tuple[str, ...]:
        if isinstance(value, list):
            if not value:
                raise Invalid(
                    "is empty", f"Write one line per item, e.g. '- {self.lines.item.example}'"
                )
            return tuple(self.lines.check(value, dotted, ctx))
        return (self.lines.item.check(value, dotted, ctx),)


class Date(Field):
    """A date of issue: YYYY-MM-DD, or YYYY-MM / YYYY when the day is not known."""

    def check(self, value: Any, dotted: str, ctx: Context) -> DocDate:
        try:
            return parse_doc_date(value)
        except DateError as exc:
            fix = (
                f"Write {exc.hint}" if exc.hint else "Write the date as YYYY-MM-DD, e.g. 2024-03-27"
            )
            raise Invalid(f"{exc}, got {_shown(value)}", fix) from None


class DocType(Field):
    """A document type slug, one of the configured types (``ketluan.core.kinds`` and
    ``extra_types``)."""

    def check(self, value: Any, dotted: str, ctx: Context) -> str:
        names = sorted(ctx.types)
        if isinstance(value, str) and value.strip() in ctx.types:
            return value.strip()
        close = difflib.get_close_matches(str(value), names, n=1)
        fix = (
            f"Did you mean '{close[0]}'?"
            if close
            else f"Use one of {', '.join(names)}, or declare a new type under extra_types "
            "in mkdocs.yml"
        )
        raise Invalid(f"unknown type {_shown(value)}", fix)


class Choice(Field):
    """One of a fixed set of slugs (``level: trung-uong``); ``choices`` maps each to what
    it stands for, which is the cleaned value."""

    def __init__(self, choices: dict[str, Any], **kwargs: bool) -> None:
        super().__init__(**kwargs)
        self.choices = choices

    def check(self, value: Any, dotted: str, ctx: Context) -> Any:
        if isinstance(value, str) and value.strip() in self.choices:
            return self.choices[value.strip()]
        names = list(self.choices)
        close = difflib.get_close_matches(str(value), names, n=1)
        fix = f"Did you mean '{close[0]}'?" if close else f"Use one of {', '.join(names)}"
        raise Invalid(f"unknown value {_shown(value)}", fix)


class References(Field):
    """Explicit citations: symbols (``04-NQ/TU``) or mappings with ``number`` and optional
    ``type``, ``date``, ``issuer`` (correct what the text says) or ``ignore: true``."""

    fields = ("number", "type", "date", "issuer", "ignore")

    def check(self, value: Any, dotted: str, ctx: Context) -> list[dict[str, Any]]:
        if not isinstance(value, list):
            raise Invalid(
                f"expected a list, got {_shown(value)}",
                "Write one reference per line, e.g. '- 04-NQ/TU'",
            )
        cleaned: list[dict[str, Any]] = []
        for index, item in enumerate(value):
            where = f"{dotted}[{index}]"
            if isinstance(item, str):
                item = {"number": item}
            if not isinstance(item, dict) or not isinstance(item.get("number"), str):
                ctx.report(
                    where,
                    f"expected a document number or a mapping with 'number', got {_shown(item)}",
                    "Write e.g. '- 04-NQ/TU'",
                )
                continue
            if (ref := self._reference(item, where, ctx)) is not None:
                cleaned.append(ref)
        return cleaned

    def _reference(self, item: dict[str, Any], where: str, ctx: Context) -> dict[str, Any] | None:
        count = len(ctx.problems)
        for key in item:
            if key not in self.fields:
                ctx.report(
                    f"{where}.{key}", "unknown field", f"Known fields: {', '.join(self.fields)}"
                )
        target = check_target(item, where, ctx)
        ignore = item.get("ignore", False)
        if not isinstance(ignore, bool):
            ctx.report(f"{where}.ignore", f"expected true or false, got {_shown(ignore)}")
        if len(ctx.problems) > count:
            return None
        return {**target, "ignore": ignore}


def check_target(item: dict[str, Any], where: str, ctx: Context) -> dict[str, Any]:
    """The cited document an item names by ``number`` (required, a text) with optional
    ``type``, ``date`` and ``issuer``, as ``references:`` and ``relations:`` write it;
    problems go to ``ctx``. A Thông báo kết luận is named as the Thông báo its number makes
    it (``ketluan.core.kinds``)."""
    number = " ".join(item["number"].split())
    for key in ("number", "issuer"):
        if isinstance(item.get(key), str):
            try:
                _check_controls(item[key])
            except Invalid as exc:
                ctx.report(f"{where}.{key}", str(exc), exc.fix)
    if parse_symbol(number) is None and control_character(number) is None:
        ctx.report(
            f"{where}.number",
            f"{_shown(number)} is not a document number",
            "Write it as printed, e.g. 04-NQ/TU or 45/2018/QĐ-UBND",
        )
    kind = item.get("type")
    cited = [slug for slug, k in KINDS.items() if not k.news]
    if kind is not None and kind not in cited:
        close = difflib.get_close_matches(str(kind), cited, n=1)
        ctx.report(
            f"{where}.type",
            f"unknown type {_shown(kind)}",
            f"Did you mean '{close[0]}'?" if close else f"Use one of {', '.join(cited)}",
        )
        kind = None
    date = None
    if "date" in item:
        try:
            date = Date().check(item["date"], f"{where}.date", ctx)
        except Invalid as exc:
            ctx.report(f"{where}.date", str(exc), exc.fix)
    issuer = item.get("issuer")
    if issuer is not None and not isinstance(issuer, str):
        ctx.report(f"{where}.issuer", f"expected text, got {_shown(issuer)}", "Quote it")
    kind = KINDS[kind].cited_kind if kind else None
    return {"number": number, "type": kind, "date": date, "issuer": issuer}


class Nested(Field):
    """A mapping validated by another schema."""

    def __init__(self, schema: type[Schema], **kwargs: bool) -> None:
        super().__init__(**kwargs)
        self.schema = schema

    def check(self, value: Any, dotted: str, ctx: Context) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise Invalid(
                f"expected fields under it, got {_shown(value)}",
                f"Indent its fields below it: {', '.join(self.schema.fields())}",
            )
        return self.schema.validate(value, ctx, dotted + ".")


class NestedList(Field):
    """A list of mappings, each validated by another schema (``signers:``); ``single``
    names the field for one mapping (see ``TextList``)."""

    def __init__(self, schema: type[Schema], *, single: str = "", **kwargs: bool) -> None:
        super().__init__(**kwargs)
        self.schema = schema
        self.single = single

    def check(self, value: Any, dotted: str, ctx: Context) -> list[dict[str, Any]]:
        fields = ", ".join(self.schema.fields())
        fix = f"Start each item with '- ' and indent its fields below it: {fields}"
        items = []
        for where, item in _items(value, dotted, self.single, fix):
            if isinstance(item, dict):
                items.append(self.schema.validate(item, ctx, where + "."))
            else:
                ctx.report(
                    where, f"expected fields, got {_shown(item)}", f"Write its fields: {fields}"
                )
        return items


class Schema:
    """Base of declared schemas: validates a mapping field by field, then across fields."""

    _fields: ClassVar[dict[str, Field]] = {}

    def __init_subclass__(cls) -> None:
        cls._fields = {
            k: v
            for klass in reversed(cls.__mro__)
            for k, v in vars(klass).items()
            if isinstance(v, Field)
        }

    @classmethod
    def fields(cls) -> list[str]:
        """Field names in declaration order."""
        return list(cls._fields)

    @classmethod
    def validate(cls, values: dict[str, Any], ctx: Context, prefix: str = "") -> dict[str, Any]:
        """Return the cleaned fields; every problem found is added to ``ctx``."""
        cleaned: dict[str, Any] = {}
        for key in values:
            if key not in cls._fields:
                close = difflib.get_close_matches(key, cls.fields(), n=1)
                fix = (
                    f"Did you mean '{close[0]}'?"
                    if close
                    else (f"Known fields: {', '.join(cls.fields())}")
                )
                ctx.report(prefix + key, "unknown field", fix)
        for name, spec in cls._fields.items():
            dotted = prefix + name
            if name not in values:
                if spec.required:
                    ctx.report(
                        prefix.rstrip(".") or dotted,
                        f"{dotted} is missing" if prefix else "is missing",
                        cls.missing_fix(name),
                    )
                continue
            value = values[name]
            if value is None:
                if not spec.nullable:
                    ctx.report(dotted, "is empty", cls.missing_fix(name))
                else:
                    cleaned[name] = None
                continue
            try:
                cleaned[name] = spec.check(value, dotted, ctx)
            except Invalid as exc:
                ctx.report(dotted, str(exc), exc.fix)
        cls.post_validate(cleaned, values, ctx, prefix)
        return cleaned

    EXAMPLES: ClassVar[dict[str, str]] = {}
    """What to write for a missing field, by name: ``"date": "date: 2024-03-27"``."""
    NESTED_IN: ClassVar[str] = ""
    """The field a nested schema's fields go under (``signer``), for the fix."""

    @classmethod
    def missing_fix(cls, name: str) -> str:
        """What to write when ``name`` is missing, from ``EXAMPLES``."""
        under = f" under {cls.NESTED_IN}" if cls.NESTED_IN else ""
        return f"Add '{cls.EXAMPLES.get(name, name + ':')}'{under}"

    @classmethod
    def post_validate(
        cls, cleaned: dict[str, Any], raw: dict[str, Any], ctx: Context, prefix: str
    ) -> None:
        """Checks across fields; none by default."""
