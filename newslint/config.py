"""Configuration: `.newslint.yaml` or `[tool.newslint]` in `pyproject.toml`,
found by walking up from each file (nearest wins), or given with --config.

`Config` is plain data (it pickles); `Config.settings_for` resolves it, with
the registry of rules, into what applies to one file."""

import os
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint.finding import Severity
from newslint.records import TupleRecord
from newslint.yamlfile import DataError, line_of, load_yaml

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")
_LIST_KEYS = {"select", "ignore", "extend-select", "exclude", "rule-packs", "plugins"}
_KNOWN_KEYS = _LIST_KEYS | {"severity", "per-file", "fail-on"}
_PER_FILE_KEYS = {"select", "ignore", "extend-select", "severity"}


# The value classes here and in selection.py and manager.py are tuple
# records, not frozen dataclasses: a frozen dataclass costs six times as much
# to define as a NamedTuple, and a NamedTuple ten times a tuple record
# (records.py); defining them was a tenth of a short run.


class Overrides(TupleRecord):
    """One layer of selection: a config file's top level, a per-file section, the CLI."""

    __slots__ = ()
    _fields = ("select", "ignore", "extend_select", "severity", "options")
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    extend_select: tuple[str, ...]
    severity: tuple[tuple[str, Severity], ...]
    options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]

    def __new__(
        cls,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
        extend_select: tuple[str, ...] = (),
        severity: tuple[tuple[str, Severity], ...] = (),
        options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = (),
    ) -> "Overrides":
        return tuple.__new__(cls, (select, ignore, extend_select, severity, options))


class Config(TupleRecord):
    """A parsed configuration (or the defaults, when `path` is None)."""

    __slots__ = ()
    _fields = ("path", "root", "base", "per_file", "exclude", "rule_packs", "plugins",
               "fail_on", "lines")
    path: str | None
    root: str
    base: Overrides
    per_file: tuple[tuple[str, Overrides], ...]
    exclude: tuple[str, ...]
    rule_packs: tuple[str, ...]
    plugins: tuple[str, ...]
    fail_on: Severity | None
    # key -> line, so option errors found later can still name the line
    lines: tuple[tuple[str, int], ...]

    def __new__(
        cls,
        path: str | None = None,
        root: str = ".",
        base: Overrides = Overrides(),  # noqa: B008 - immutable, as a NamedTuple default
        per_file: tuple[tuple[str, Overrides], ...] = (),
        exclude: tuple[str, ...] = (),
        rule_packs: tuple[str, ...] = (),
        plugins: tuple[str, ...] = (),
        fail_on: Severity | None = None,
        lines: tuple[tuple[str, int], ...] = (),
    ) -> "Config":
        return tuple.__new__(
            cls, (path, root, base, per_file, exclude, rule_packs, plugins, fail_on, lines))

    def line_of(self, key: str) -> int | None:
        return dict(self.lines).get(key)

    def is_excluded(self, path: str | os.PathLike) -> bool:
        if not self.exclude:
            return False  # the common case; relpath costs more than the lint of a cached file
        rel = _relative(path, self.root)
        return any(glob_match(pattern, rel) for pattern in self.exclude)

    def layers_for(self, path: str | None) -> list[Overrides]:
        layers = [self.base]
        if path is not None and self.per_file:
            rel = _relative(path, self.root)
            layers += [o for pattern, o in self.per_file if glob_match(pattern, rel)]
        return layers


def _relative(path: str | os.PathLike, root: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # another drive on Windows
        rel = str(path)
    return rel.replace(os.sep, "/")


@lru_cache(maxsize=512)
def _glob_regex(pattern: str) -> re.Pattern:
    """A gitignore-flavoured glob: `**` crosses directories, `*` does not; a
    pattern without `/` matches a name at any depth; a trailing `/` is a directory."""
    pattern = pattern.strip()
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.lstrip("/")
    if pattern.endswith("/"):
        pattern += "**"
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:
            close = pattern.index("]", i + 2)
            chars = pattern[i + 1 : close]
            negate = chars[:1] in ("!", "^")
            body = re.escape(chars[1:] if negate else chars).replace("\\-", "-")
            out.append(f"[{'^/' if negate else ''}{body}]")
            i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    body = "".join(out)
    prefix = "" if anchored else "(?:.*/)?"
    # A directory pattern also covers everything below it.
    return re.compile(f"^{prefix}{body}(?:/.*)?$")


def glob_match(pattern: str, relpath: str) -> bool:
    # Not fnmatch: its "*" crosses directories, so "wire/*.md" would match wire/a/b.md.
    return bool(_glob_regex(pattern).match(relpath))


def _as_list(value: Any, key: str, path: str, data: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataError(path, line_of(data, key), f"'{key}' must be a list of strings")
    return tuple(value)


def _severity_map(value: Any, path: str, data: Any) -> tuple[tuple[str, Severity], ...]:
    if not isinstance(value, Mapping):
        raise DataError(path, line_of(data, "severity"), "'severity' maps rules to error, warning or info")
    out = []
    for key, sev in value.items():
        try:
            out.append((str(key), Severity.parse(sev)))
        except ValueError as exc:
            raise DataError(path, line_of(value, key), f"severity of {key}: {exc}") from None
    return tuple(out)


def _overrides(data: Mapping, path: str, allowed: set[str], options_allowed: bool) -> Overrides:
    select = None
    kwargs: dict[str, Any] = {}
    options = []
    for key, value in data.items():
        if key == "select":
            select = _as_list(value, key, path, data)
        elif key == "ignore":
            kwargs["ignore"] = _as_list(value, key, path, data)
        elif key == "extend-select":
            kwargs["extend_select"] = _as_list(value, key, path, data)
        elif key == "severity":
            kwargs["severity"] = _severity_map(value, path, data)
        elif key in allowed:
            continue
        elif options_allowed:
            # Anything else must be a rule's options; checked against the rules later.
            if not isinstance(value, Mapping):
                raise DataError(
                    path, line_of(data, key),
                    f"unknown key {key!r} (rule options must be a mapping of option: value)",
                )
            options.append((str(key), tuple(value.items())))
        else:
            raise DataError(path, line_of(data, key), f"unknown key {key!r}")
    return Overrides(select=select, options=tuple(options), **kwargs)


def parse_config(data: Any, path: str, root: str | None = None) -> Config:
    """Validate a config mapping (from YAML or TOML); raises DataError."""
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise DataError(path, line_of(data), "the configuration must be a mapping of keys")
    root = root or os.path.dirname(os.path.abspath(path))
    base = _overrides(data, path, _KNOWN_KEYS, options_allowed=True)
    per_file = []
    sections = data.get("per-file") or {}
    if not isinstance(sections, Mapping):
        raise DataError(path, line_of(data, "per-file"), "'per-file' maps globs to settings")
    for glob, section in sections.items():
        if not isinstance(section, Mapping):
            raise DataError(path, line_of(sections, glob), f"per-file {glob!r} must be a mapping")
        per_file.append((str(glob), _overrides(section, path, set(), options_allowed=True)))
    fail_on = None
    if "fail-on" in data:
        try:
            fail_on = Severity.parse(data["fail-on"])
        except ValueError as exc:
            raise DataError(path, line_of(data, "fail-on"), f"fail-on: {exc}") from None
    packs = tuple(
        os.path.normpath(os.path.join(root, p))
        for p in _as_list(data.get("rule-packs", []), "rule-packs", path, data)
    )
    lines = []
    if hasattr(data, "key_lines"):
        lines = list(data.key_lines.items())
        for glob, section in sections.items():
            if hasattr(section, "key_lines"):
                lines += [(f"per-file.{glob}.{k}", v) for k, v in section.key_lines.items()]
    return Config(
        path=path,
        root=root,
        base=base,
        per_file=tuple(per_file),
        exclude=_as_list(data.get("exclude", []), "exclude", path, data),
        rule_packs=packs,
        plugins=_as_list(data.get("plugins", []), "plugins", path, data),
        fail_on=fail_on,
        lines=tuple(lines),
    )


def _toml_lines(text: str) -> dict[str, int]:
    lines = {}
    for number, line in enumerate(text.splitlines(), 1):
        m = re.match(r"\s*\"?([\w.-]+)\"?\s*=", line)
        if m:
            lines.setdefault(m.group(1), number)
    return lines


def load_config(path: str | os.PathLike) -> Config:
    """Read one config file (YAML, or pyproject.toml's [tool.newslint])."""
    path = str(path)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except UnicodeDecodeError as exc:
        raise DataError(path, None, f"not valid UTF-8 at byte {exc.start}") from None
    except OSError as exc:
        raise DataError(path, None, exc.strerror or str(exc)) from None
    if path.endswith(".toml"):
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        try:
            data = tomllib.loads(text).get("tool", {}).get("newslint", {})
        except tomllib.TOMLDecodeError as exc:
            raise DataError(path, getattr(exc, "lineno", None), f"invalid TOML: {exc}") from None
        config = parse_config(data, path)
        return _with_lines(config, _toml_lines(text))
    return parse_config(load_yaml(text, path), path)


def _with_lines(config: Config, lines: dict[str, int]) -> Config:
    return config._replace(lines=tuple(lines.items()))


def _has_tool_section(path: Path) -> bool:
    try:
        return "[tool.newslint" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


@lru_cache(maxsize=4096)
def find_config_file(directory: str) -> str | None:
    """The nearest config file at or above `directory`."""
    current = Path(directory).resolve()
    for folder in (current, *current.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return str(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return str(pyproject)
    return None


class ConfigFinder:
    """Finds and caches the config for each file; `override` (from --config)
    applies to every file."""

    def __init__(self, override: str | None = None) -> None:
        self.override = load_config(override) if override else None
        self._loaded: dict[str | None, Config] = {}
        self._by_folder: dict[str, Config] = {}

    def for_path(self, path: str | None) -> Config:
        if self.override is not None:
            return self.override
        if path and os.path.isabs(path) and os.path.basename(path) not in ("", ".", ".."):
            # A run asks for every file of a folder: the folder's config is
            # found once, not through abspath/dirname for each file. (An
            # absolute path whose last part is a name has the same folder as
            # any other such path with the same dirname.)
            folder = os.path.dirname(path)
            config = self._by_folder.get(folder)
            if config is None:
                config = self._by_folder[folder] = self._find(path)
            return config
        return self._find(path)

    def _find(self, path: str | None) -> Config:
        directory = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
        found = find_config_file(directory)
        if found not in self._loaded:
            self._loaded[found] = load_config(found) if found else Config()
        return self._loaded[found]

    def all_loaded(self) -> Iterable[Config]:
        return self._loaded.values()
