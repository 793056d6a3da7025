"""YAML loading that remembers line numbers, so errors can name file and line.

Only `yaml.safe_load`-level constructs are built: nothing in a config or rule
pack is ever executed."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any


class LineDict(dict):
    """A mapping that knows the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    line: int = 0
    item_lines: list


@lru_cache(maxsize=1)
def _loader():
    # yaml is imported on first use: a run with no config and cached rule packs
    # never needs it.
    import yaml

    try:  # the C loader is several times faster; fall back when libyaml is missing
        base = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover
        base = yaml.SafeLoader

    class Loader(base):  # type: ignore[misc, valid-type]
        pass

    def construct_mapping(loader, node):
        loader.flatten_mapping(node)
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            result[key] = loader.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(loader, node):
        result = LineList(loader.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    return Loader


class DataError(Exception):
    """A problem in a config file or rule pack, with its file and line."""

    def __init__(self, path: str | Path | None, line: int | None, message: str) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<config>"
        if self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}"


def load_yaml(text: str, path: str | Path | None = None) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - a safe loader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise DataError(path, line, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise DataError(path, None, f"invalid YAML: {exc}") from None


def load_yaml_file(path: str | Path) -> Any:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(path, None, f"not valid UTF-8 at byte {exc.start}") from None
    except OSError as exc:
        raise DataError(path, None, exc.strerror or str(exc)) from None
    return load_yaml(text, path)


def line_of(value: Any, key: str | None = None) -> int | None:
    if isinstance(value, LineDict):
        return value.line_of(key) if key is not None else value.line
    return getattr(value, "line", None)
