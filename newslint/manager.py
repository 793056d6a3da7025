"""The plugin manager factory and the registry of everything plugins provide.

A manager is built per run (never a module global); tests build one with
ad-hoc plugin objects and no entry-point loading."""

import os
import sys
from collections.abc import Callable, Iterable
from types import FunctionType, MethodType, ModuleType
from typing import Any

import pluggy

from newslint import hookspecs
from newslint.records import Record, TupleRecord
from newslint.rulepacks import PhraseRule, apply_spec, load_pack, make_pack_rule
from newslint.rules import DOC_SECTIONS, Rule
from newslint.yamlfile import DataError

PROJECT = "newslint"
DISABLE_AUTOLOAD_ENV = "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"
#: Where pluggy's HookimplMarker(PROJECT) keeps a hook implementation's options.
HOOKIMPL_ATTRIBUTE = PROJECT + "_impl"


class PluginError(Exception):
    """A plugin registered something invalid (duplicate code, missing docs...)."""


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, which also knows the distribution that installed each
    plugin loaded from an entry point."""

    def __init__(self) -> None:
        super().__init__(PROJECT)
        #: plugin name -> (distribution, version)
        self.distributions: dict[str, tuple[str, str]] = {}

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> Any:
        # A module's hook implementations are functions in its namespace (what
        # pluggy's own lookup accepts). Most of a plugin module's names are
        # constants, patterns and rule classes, and pluggy's static lookup of
        # each (inspect.getattr_static) was most of the time it took to
        # register the built-in plugins.
        if isinstance(plugin, ModuleType):
            value = plugin.__dict__.get(name)
            if not isinstance(value, (FunctionType, MethodType, classmethod, staticmethod)):
                return None
            # A plain function carries its marker in its own __dict__: one
            # without it (most of a plugin module's functions are helpers) is
            # no hook, and needs no static lookup by pluggy.
            if type(value) is FunctionType and HOOKIMPL_ATTRIBUTE not in value.__dict__:
                return None
        return super().parse_hookimpl_opts(plugin, name)


def make_plugin_manager(
    plugins: Iterable[Any] = (), *, load_entry_points: bool | str | None = None
) -> PluginManager:
    """A fresh plugin manager.

    `load_entry_points`: True loads every plugin of the `newslint` entry-point
    group (built-in ones included); "builtin" loads only newslint's own (what
    --no-plugins and NEWSLINT_DISABLE_PLUGIN_AUTOLOAD do); False loads none,
    for tests that register ad-hoc plugins. `plugins` are registered in addition."""
    pm = PluginManager()
    pm.add_hookspecs(hookspecs)
    if load_entry_points is None:
        load_entry_points = "builtin" if os.environ.get(DISABLE_AUTOLOAD_ENV) else True
    if load_entry_points:
        _load_entry_points(pm, builtin_only=load_entry_points == "builtin")
    for plugin in plugins:
        pm.register(plugin)
    return pm


class EntryPoint(TupleRecord):
    """One plugin of the `newslint` entry-point group."""

    __slots__ = ()
    _fields = ("name", "value", "distribution", "version", "shadowed")
    name: str
    value: str  # "module:attribute [extras]"
    distribution: str
    version: str
    #: An earlier directory on sys.path has a distribution of the same name.
    shadowed: bool

    def __new__(cls, name: str, value: str, distribution: str, version: str,
                shadowed: bool = False) -> "EntryPoint":
        return tuple.__new__(cls, (name, value, distribution, version, shadowed))

    def load(self) -> Any:
        """The plugin object, as importlib.metadata's EntryPoint.load finds it."""
        import importlib

        # "module:attribute [extras]" (a pattern for it cost a millisecond to compile)
        module, _, attributes = self.value.split("[", 1)[0].partition(":")
        module = module.strip()
        if not module:
            raise ImportError(f"entry point {self.name} = {self.value!r} names no module")
        plugin = importlib.import_module(module)
        for attribute in attributes.strip().split("."):
            if attribute:
                plugin = getattr(plugin, attribute)
        return plugin


def installed_entry_points(*, fresh: bool = False) -> list[EntryPoint]:
    """The `newslint` entry points of every installed distribution, in the
    order importlib.metadata finds them.

    Reading every distribution's metadata costs more than the rest of a short
    run, so the list is kept in the user's cache, keyed by `sys.path` and, for
    each entry that holds distributions, the modification times of the entry,
    of each distribution's directory and of its entry points and metadata
    files: installing, upgrading, removing or rewriting a package changes one
    of them. (An entry without distributions counts only by having none, so
    linting in a busy working directory with `python -m` keeps the snapshot.)"""
    from newslint import usercache

    stamps = [_distributions_stamp(os.path.abspath(entry or ".")) for entry in sys.path]
    snapshot = usercache.cache_file("entry-points", "\n".join(["2", *stamps]))
    if not fresh:
        found = usercache.read(snapshot)
        if isinstance(found, list) and all(isinstance(e, EntryPoint) for e in found):
            return found
    from importlib.metadata import distributions

    found = []
    seen: set[str] = set()
    for dist in distributions():
        name = dist.metadata["name"] or ""
        shadowed = name in seen
        seen.add(name)
        found += [
            EntryPoint(ep.name, ep.value, name, dist.version or "", shadowed)
            for ep in dist.entry_points
            if ep.group == PROJECT
        ]
    usercache.write(snapshot, found)
    return found


_METADATA_FILES = ("entry_points.txt", "METADATA", "PKG-INFO")


def _distributions_stamp(where: str) -> str:
    try:
        names = os.listdir(where)
    except NotADirectoryError:  # a zip archive
        names = None
    except OSError:
        return f"{where}:-"
    parts = [where]
    if names is not None:
        dists = sorted(n for n in names if n.endswith((".dist-info", ".egg-info", ".egg")))
        if not dists:
            return f"{where}:none"
        for dist in dists:
            path = os.path.join(where, dist)
            parts.append(f"{dist}:{_mtime(path)}")
            parts += [_mtime(os.path.join(path, f)) for f in _METADATA_FILES]
    parts.append(_mtime(where))
    return ":".join(parts)


def _mtime(path: str) -> str:
    try:
        return str(os.stat(path).st_mtime_ns)
    except OSError:
        return "-"


def _load_entry_points(pm: PluginManager, *, builtin_only: bool) -> None:
    """Load and register the plugins, the first of each name only (what pluggy's
    load_setuptools_entrypoints does); with `builtin_only`, those of the first
    newslint distribution on sys.path only."""
    for fresh in (False, True):
        chosen: dict[str, EntryPoint] = {}
        for entry_point in installed_entry_points(fresh=fresh):
            if builtin_only and (entry_point.distribution != PROJECT or entry_point.shadowed):
                continue
            name = entry_point.name
            if name in chosen or pm.is_blocked(name) or pm.get_plugin(name) is not None:
                continue
            chosen[name] = entry_point
        try:
            loaded = [(e, e.load()) for e in chosen.values()]
            break
        except (ImportError, AttributeError):
            if fresh:
                raise  # a plugin that is installed but cannot be imported
            # A snapshot older than the installed packages: read them again.
    for entry_point, plugin in loaded:
        pm.register(plugin, name=entry_point.name)
        pm.distributions[entry_point.name] = (entry_point.distribution, entry_point.version)


class Markup(Record):
    _fields = ("name", "reader", "extensions")

    def __init__(self, name: str, reader: Callable, extensions: list[str]) -> None:
        self.name = name
        self.reader = reader
        self.extensions = extensions


class Registry(Record):
    """Everything the loaded plugins registered, validated."""

    _fields = ("rules", "formats", "markups", "pack_paths", "rule_origins")

    def __init__(self) -> None:
        self.rules: dict[str, Rule] = {}  # by code
        self.formats: dict[str, Callable] = {}
        self.markups: dict[str, Markup] = {}  # by extension
        self.pack_paths: list[str] = []
        self.rule_origins: dict[str, str] = {}

    def rule(self, code_or_name: str) -> Rule | None:
        key = code_or_name.strip()
        if key.upper() in self.rules:
            return self.rules[key.upper()]
        for rule in self.rules.values():
            if rule.name == key.lower():
                return rule
        return None

    def add_packs(self, paths: Iterable[str]) -> None:
        """Load rule packs (built-in ones first, then the config's)."""
        for path in paths:
            for spec in load_pack(path):
                rule = self.rules.get(spec.code)
                if rule is None:
                    rule = make_pack_rule(spec)
                    self._add_rule(rule, spec.source)
                elif not isinstance(rule, PhraseRule):
                    raise DataError(
                        path,
                        _line(spec.source),
                        f"rule {spec.code} ({rule.name}) does not take rule-pack entries",
                    )
                apply_spec(rule, spec)
            self.pack_paths.append(str(path))

    def _add_rule(self, rule: Rule, origin: str) -> None:
        if not isinstance(rule, Rule):
            raise PluginError(f"{origin} registered {rule!r}, which is not a newslint.Rule")
        if not rule.code or not rule.name:
            raise PluginError(f"{origin} registered a rule without a code or name: {rule!r}")
        if rule.code in self.rules:
            raise PluginError(
                f"rule code {rule.code} is registered twice: by {self.rule_origins[rule.code]} "
                f"({self.rules[rule.code].name}) and by {origin} ({rule.name})"
            )
        missing = [s for s in DOC_SECTIONS if not str(rule.docs.get(s, "")).strip()]
        if missing and not isinstance(rule, PhraseRule):
            raise PluginError(f"rule {rule.code} from {origin} lacks docs: {', '.join(missing)}")
        self.rules[rule.code] = rule
        self.rule_origins[rule.code] = origin
        if not rule.origin:
            rule.origin = origin


def _line(source: str) -> int | None:
    tail = source.rpartition(":")[2]
    return int(tail) if tail.isdigit() else None


def _plugin_label(pm: pluggy.PluginManager, plugin: Any) -> str:
    name = pm.get_name(plugin) or ""
    module = getattr(plugin, "__name__", None) or type(plugin).__name__
    return f"plugin {name}" if name and not name.isdigit() else f"plugin {module}"


def build_registry(pm: pluggy.PluginManager, extra_packs: Iterable[str] = ()) -> Registry:
    """Call every registration hook and collect the results."""
    registry = Registry()
    for impl in pm.hook.newslint_register_rules.get_hookimpls():
        origin = _plugin_label(pm, impl.plugin)
        impl.function(register=lambda rule, origin=origin: registry._add_rule(rule, origin))
    for impl in pm.hook.newslint_register_markups.get_hookimpls():

        def add_markup(name: str, reader: Callable, extensions: Iterable[str]) -> None:
            for ext in extensions:
                registry.markups[ext.lower()] = Markup(name, reader, list(extensions))

        impl.function(register=add_markup)
    for impl in pm.hook.newslint_register_formats.get_hookimpls():
        impl.function(register=lambda name, formatter: registry.formats.__setitem__(name, formatter))
    packs: list[str] = []
    for impl in pm.hook.newslint_register_rule_packs.get_hookimpls():
        impl.function(register=lambda path: packs.append(str(path)))
    registry.add_packs([*packs, *extra_packs])
    return registry


def plugin_versions(pm: PluginManager) -> list[tuple[str, str, str]]:
    """(name, distribution, version) of every registered plugin."""
    rows = []
    for name, _plugin in pm.list_name_plugin():
        dist, version = pm.distributions.get(name, ("(registered in process)", ""))
        rows.append((name, dist, version))
    return rows
