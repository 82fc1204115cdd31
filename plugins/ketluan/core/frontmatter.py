"""Read a conclusion file: bytes -> NFC text -> YAML front matter with a line per field.

MkDocs swallows YAML errors and loses line numbers, so the core reads front matter itself
with ``yaml.compose`` and keeps the line of every key for error messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ketluan.core.problems import Problem
from ketluan.core.text import CONTROL, nfc

MAX_BYTES = 2_000_000
"""Largest accepted source file; a conclusion is rarely above 100 KB."""


@dataclass
class FrontMatter:
    """Parsed front matter: plain values, the line of each field path, and the body."""

    values: dict[str, Any]
    lines: dict[str, int]
    body: str
    body_line: int
    problems: list[Problem] = field(default_factory=list)

    def line(self, path: str) -> int:
        """Line of a field path (``signer.name``), falling back to its parent, then line 1."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[: max(path.rfind("."), path.rfind("["), 0)]
        return 1


# libyaml's composer is ten times faster than PyYAML's and keeps the same line marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


MAX_DEPTH = 10
"""Deepest nesting accepted; front matter needs three levels (signer, references)."""


def _shape_problem(root: yaml.Node) -> tuple[int, str, str] | None:
    """Line, message and fix for an alias (*name) or too deep nesting, else None.

    Front matter never needs aliases, and alias bombs are made of them: a node reached a
    second time is one, reported at the line of the key (or list) holding it. The walk stops
    at the first problem, so a bomb or a 5,000-level list costs nothing."""
    seen: set[int] = set()
    stack = [(root, _line(root), 0)]
    while stack:
        node, line, depth = stack.pop()
        if id(node) in seen:
            return (
                line,
                "front matter is not valid YAML: YAML aliases (*name) are not allowed",
                "Write the value out in full",
            )
        if depth > MAX_DEPTH:
            return (
                line,
                "front matter is nested too deeply",
                ("Use at most a few levels of indentation"),
            )
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                stack.extend([(value, _line(key), depth + 1), (key, _line(key), depth + 1)])
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, line, depth + 1) for item in reversed(node.value))
    return None


def oversize(path: str, size: int) -> Problem:
    """The problem of a file over MAX_BYTES (told from its size before reading it, or after)."""
    return Problem(
        path,
        0,
        "",
        f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit",
        "Split it or remove embedded data",
    )


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (BOM allowed), refuse NUL bytes and oversize files, normalise to NFC."""
    if len(raw) > MAX_BYTES:
        return None, [oversize(path, len(raw))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            Problem(
                path,
                line,
                "",
                f"file is not UTF-8 (byte 0x{raw[exc.start]:02X})",
                "Save the file as UTF-8 (Unicode) in your editor",
            )
        ]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [
            Problem(
                path,
                line,
                "",
                "file contains a NUL byte",
                "Remove it; the file may be binary or corrupted",
            )
        ]
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n")), []


MAX_CONTROL_LINES = 10
"""Lines with a control character reported one by one; past them, one problem says how many
more there are (a binary file would otherwise give thousands)."""


def control_characters(text: str, path: str) -> list[Problem]:
    """One problem per line of decoded ``text`` holding a control character (tab and line
    feed are fine): a conclusion file must not hold any. (The importer reads its inputs
    with ``decode`` alone: a page break in a .txt is no reason to refuse it.)"""
    problems: list[Problem] = []
    lines: set[int] = set()
    line, counted = 1, 0
    for match in CONTROL.finditer(text):
        start = match.start()
        line += text.count("\n", counted, start)  # from the last match on: linear time
        counted = start
        if line in lines:
            continue
        lines.add(line)
        if len(lines) > MAX_CONTROL_LINES:
            continue
        column = start - text.rfind("\n", 0, start)
        problems.append(
            Problem(
                path,
                line,
                "",
                f"file contains the control character U+{ord(match.group()):04X} (column {column})",
                "Delete it: it is invisible, and may come from copying out of another program",
            )
        )
    if len(lines) > MAX_CONTROL_LINES:
        problems.append(
            Problem(
                path,
                max(lines),
                "",
                f"control characters on {len(lines) - MAX_CONTROL_LINES} more line(s)",
                "Delete them too; the file may be binary or corrupted",
            )
        )
    return problems


def parse(text: str, path: str) -> FrontMatter:
    """Split ``text`` into front matter and body; problems are collected, not raised."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return _failed(
            path,
            1,
            "missing front matter",
            "Start the file with a line '---', the fields, then another '---'",
        )
    # As in YAML, only a marker at the start of a line ends the document: an indented
    # '---' is text of a block scalar (meeting: |) or of a quoted value.
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return _not_closed(lines, path)
    source = "\n".join(lines[1:end]) + "\n"
    rest = "\n".join(lines[end + 1 :])
    body = _body(lines, end + 1)
    # the line where the body's text starts (the line after '---' when it has none)
    body_line = end + 2 + (len(rest) - len(rest.lstrip("\n")) if rest.strip() else 0)
    try:
        node = yaml.compose(source, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else 1
        return _failed(path, line, _yaml_message(exc), _yaml_fix(source, mark))
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks all parse errors
        return _failed(path, 1, f"front matter is not valid YAML ({exc})", "Fix the YAML syntax")
    except RecursionError:
        return _failed(
            path, 1, "front matter is nested too deeply", "Use at most a few levels of indentation"
        )
    result = FrontMatter({}, {}, body, body_line)
    if node is not None and (shape := _shape_problem(node)) is not None:
        return _failed(path, *shape)
    if node is None:
        result.problems.append(
            Problem(
                path, 1, "", "front matter is empty", "Fill in the fields (see the authoring guide)"
            )
        )
        return result
    if not isinstance(node, yaml.MappingNode):
        result.problems.append(
            Problem(
                path,
                node.start_mark.line + 2,
                "",
                "front matter must be 'field: value' lines",
                "Write one field per line, e.g. 'type: ket-luan'",
            )
        )
        return result
    result.values = _mapping(node, "", result, path)
    return result


def body_at(text: str, body_line: int) -> str:
    """The body of decoded ``text`` whose body starts at line ``body_line``
    (``FrontMatter.body_line``): what ``parse`` gave as ``body``, for a reader that kept
    the line instead of the text (the renderer reads bodies from disk)."""
    return _body(text.split("\n"), body_line - 1)


def _body(lines: list[str], start: int) -> str:
    return "\n".join(lines[start:]).strip("\n") + "\n"


def _not_closed(lines: list[str], path: str) -> FrontMatter:
    indented = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if indented is not None:
        return _failed(
            path,
            indented + 1,
            "front matter is not closed: this '---' is indented, so it belongs to the field above",
            "Start the closing '---' at the beginning of its line",
        )
    return _failed(path, 1, "front matter is not closed", "Add a line '---' after the last field")


def _failed(path: str, line: int, message: str, fix: str) -> FrontMatter:
    return FrontMatter({}, {}, "", 0, [Problem(path, line, "", message, fix)])


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    what = (exc.problem or exc.context or "invalid YAML").strip()
    context, start = exc.context, exc.context_mark
    if (
        exc.problem
        and context
        and start
        and exc.problem_mark
        and (start.line != exc.problem_mark.line)
    ):
        what += f" ({context.strip()} that starts on line {start.line + 2})"
    return f"front matter is not valid YAML: {what}"


def _yaml_fix(source: str, mark: Any) -> str:
    lines = source.split("\n")
    if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line]:
        return "Indent with spaces, not tabs"
    return "Check this line: quote values that contain ': ' or start with a special character"


_STANDARD_TAG = "tag:yaml.org,2002:"


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 2  # +1 for 1-based lines, +1 for the opening '---'


def _mapping(node: yaml.MappingNode, prefix: str, out: FrontMatter, path: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str) or not key:
            out.problems.append(
                Problem(
                    path,
                    _line(key_node),
                    prefix.rstrip("."),
                    "field names must be plain words",
                    "Write 'name: value'",
                )
            )
            continue
        dotted = prefix + key
        if key in values:
            out.problems.append(
                Problem(
                    path,
                    _line(key_node),
                    dotted,
                    f"field given twice (first on line {out.lines[dotted]})",
                    "Keep one of them",
                )
            )
            continue
        out.lines[dotted] = _line(key_node)
        values[key] = _value(value_node, dotted, out, path)
    return values


def _value(node: yaml.Node, dotted: str, out: FrontMatter, path: str) -> Any:
    if not node.tag.startswith(_STANDARD_TAG) or "python" in node.tag:
        out.problems.append(
            Problem(
                path,
                _line(node),
                dotted,
                f"YAML tag {node.tag} is not allowed",
                "Remove the tag; write a plain value",
            )
        )
        return None
    if isinstance(node, yaml.MappingNode):
        return _mapping(node, dotted + ".", out, path)
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            out.lines[f"{dotted}[{index}]"] = _line(item)
            items.append(_value(item, f"{dotted}[{index}]", out, path))
        return items
    try:
        return yaml.SafeLoader("").construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError):
        # e.g. 2024-02-30 looks like a YAML date but is none: let the schema say why.
        return node.value
