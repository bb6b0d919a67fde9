"""Read a YAML file safely into plain Python objects, remembering the line of every key.

Parsing uses PyYAML's C safe loader (``compose`` only: nodes, no arbitrary objects). The
nodes are then turned into dicts and lists here, so that each record keeps its line numbers
and so that an alias bomb is refused instead of expanded: the dataset has no use for anchors,
and a collection that appears twice in the tree is an error.

What plain YAML would let through silently is an error here, each at its line: a key given
twice in one mapping (YAML keeps the last, so a second top-level ``include:`` or
``observations:`` would drop every record of the first), a number that is not finite
(``.nan``, ``.inf``) or larger than a float holds exactly (``MAX_NUMBER``), and a scalar that
cannot be read (a date such as 2021-13-45).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from metrics.load.problems import DatasetError, Problem

_Loader: type[yaml.CSafeLoader] | type[yaml.SafeLoader]
try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_BYTES = 48 * 1024 * 1024
MAX_DEPTH = 8
MAX_NUMBER = 10**15
"""Every figure of the dataset is far below this; above it a float no longer holds every digit."""
_SHOWN = 40
"""How much of an unreadable value a message repeats."""

_STR = "tag:yaml.org,2002:str"
_COLLECTION_TAGS = ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map")
_constructor = yaml.constructor.SafeConstructor()
_SCALARS = yaml.constructor.SafeConstructor.yaml_constructors


@dataclass
class Located:
    """The parsed document and the line (1-based) of each record and key.

    A dataset read with its included files (``metrics.load.includes``) is one Located whose records
    come from several files: ``origins`` maps a record, ``(section, index)``, to the file it was
    read from, and ``file`` gives it (the main file's ``path`` for everything else)."""

    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)
    path: str = ""
    origins: dict[tuple[str, int], str] = field(default_factory=dict)

    def line(self, *key: Any) -> int:
        """The line of the deepest known prefix of ``key``, or 1."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return 1

    def where(self, *key: Any) -> tuple[str, int]:
        """The file and line of ``key``, for a Problem."""
        return self.file(*key), self.line(*key)

    def file(self, *key: Any) -> str:
        """The file that holds ``key`` (a section, then a record index, then fields)."""
        return self.origins.get(tuple(key[:2]), self.path)


class _AliasError(Exception):
    def __init__(self, line: int):
        self.line = line


class _TagError(Exception):
    def __init__(self, line: int, tag: str):
        self.line, self.tag = line, tag


class _DepthError(Exception):
    def __init__(self, line: int):
        self.line = line


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN else f"{text[:_SHOWN]}…"


def _scalar(node: yaml.ScalarNode, issues: list[tuple[int, str, dict]]) -> Any:
    """The scalar's value; a number that is not finite or too large, or a value its tag cannot
    construct, adds an issue (line, catalogue key, values) and reads as None."""
    line = node.start_mark.line + 1
    if len(node.value) > 20 and node.tag == "tag:yaml.org,2002:int" and node.value.lstrip("+-").isdigit():
        issues.append((line, "yaml_number_too_large", {"digits": len(node.value.lstrip("+-"))}))
        return None
    try:
        value = _SCALARS[node.tag](_constructor, node)
    except (ValueError, TypeError, OverflowError, yaml.YAMLError) as exc:
        issues.append((line, "yaml_bad_scalar", {"value": _shown(node.value), "reason": _shown(str(exc))}))
        return None
    if isinstance(value, float) and not math.isfinite(value):
        issues.append((line, "yaml_not_finite", {"value": _shown(node.value)}))
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= MAX_NUMBER:
        issues.append((line, "yaml_number_too_large", {"digits": len(str(int(abs(value))))}))
        return None
    return value


def _convert(node: yaml.Node, path: tuple, lines: dict, seen: set[int], depth: int,
             issues: list[tuple[int, str, dict]]) -> Any:
    if isinstance(node, yaml.ScalarNode):
        # An alias of a scalar (``region: *r``) is the same node met twice, as for collections.
        if id(node) in seen:
            raise _AliasError(node.start_mark.line + 1)
        seen.add(id(node))
        if node.tag == _STR:
            return node.value
        if node.tag not in _SCALARS:
            raise _TagError(node.start_mark.line + 1, node.tag)
        return _scalar(node, issues)
    line = node.start_mark.line + 1
    if node.tag not in _COLLECTION_TAGS:
        raise _TagError(line, node.tag)
    if id(node) in seen:
        raise _AliasError(line)
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise _DepthError(line)
    lines[path] = line
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), lines, seen, depth + 1, issues) for i, item in enumerate(node.value)]
    result: dict = {}
    first: dict = {}
    for key_node, value_node in node.value:
        key = _convert(key_node, path, lines, seen, depth + 1, issues)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise _DepthError(key_node.start_mark.line + 1)
        line = key_node.start_mark.line + 1
        if key in first:
            issues.append((line, "yaml_duplicate_key", {"name": _shown(str(key)), "first": first[key]}))
            _convert(value_node, (*path, key, "__duplicate__"), {}, seen, depth + 1, issues)
            continue
        lines[(*path, key)] = first[key] = line
        result[key] = _convert(value_node, (*path, key), lines, seen, depth + 1, issues)
    return result


def read_yaml(path: str | Path) -> Located:
    """Parse ``path``; raise DatasetError with a located, readable problem on any failure."""
    name = str(path)
    try:
        size = Path(path).stat().st_size
    except OSError as exc:
        raise DatasetError([Problem(name, 1, f"the file cannot be read ({exc.strerror or exc}).")]) from None
    if size > MAX_BYTES:
        raise DatasetError([Problem(
            name, 1,
            f"the file is {size / 2**20:.0f} MiB, more than the {MAX_BYTES // 2**20} MiB this dashboard reads; "
            "split it or remove what does not belong in it.",
        )])
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise DatasetError([Problem(name, 1, f"the file cannot be read ({exc.strerror or exc}).")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DatasetError([Problem(name, line, "the file is not valid UTF-8 text; save it as UTF-8.")]) from None
    if not text.strip():
        raise DatasetError([Problem(name, 1, "the file is empty; it needs sources, regions, indicators and observations.")])
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or "the YAML cannot be parsed"
        raise DatasetError([Problem(name, line, f"YAML syntax error: {what}; check indentation, colons and quotes here.")]) from None
    except yaml.YAMLError as exc:
        raise DatasetError([Problem(name, 1, f"YAML syntax error: {exc}")]) from None
    if root is None:
        raise DatasetError([Problem(name, 1, "the file holds no YAML document.")])
    lines: dict[tuple, int] = {}
    issues: list[tuple[int, str, dict]] = []
    try:
        data = _convert(root, (), lines, set(), 0, issues)
    except _AliasError as exc:
        raise DatasetError([Problem(
            name, exc.line, "anchors and aliases (& and *) are not allowed in the dataset; write each record out in full.",
        )]) from None
    except _TagError as exc:
        tag = exc.tag.replace("tag:yaml.org,2002:", "!!")
        raise DatasetError([Problem(name, exc.line, f"the YAML tag {tag} is not allowed; the dataset is plain YAML "
                                                    "(text, numbers, dates, lists and mappings).")]) from None
    except _DepthError as exc:
        raise DatasetError([Problem(name, exc.line, "the data is nested deeper than the dataset's format allows.")]) from None
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise DatasetError([Problem(name, 1, f"a value cannot be read: {exc}")]) from None
    if issues:
        raise DatasetError([Problem.keyed(name, line, key, **values) for line, key, values in issues])
    return Located(data, lines, name)
