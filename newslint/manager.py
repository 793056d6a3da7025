"""The plugin manager factory and the registry of everything plugins provide.

A manager is built per run (never a module global); tests build one with
ad-hoc plugin objects and no entry-point loading."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pluggy

from newslint import hookspecs
from newslint.rulepacks import PhraseRule, apply_spec, load_pack, make_pack_rule
from newslint.rules import DOC_SECTIONS, Rule
from newslint.yamlfile import DataError

PROJECT = "newslint"
DISABLE_AUTOLOAD_ENV = "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"


class PluginError(Exception):
    """A plugin registered something invalid (duplicate code, missing docs...)."""


def make_plugin_manager(
    plugins: Iterable[Any] = (), *, load_entry_points: bool | str | None = None
) -> pluggy.PluginManager:
    """A fresh plugin manager.

    `load_entry_points`: True loads every plugin of the `newslint` entry-point
    group (built-in ones included); "builtin" loads only newslint's own (what
    --no-plugins and NEWSLINT_DISABLE_PLUGIN_AUTOLOAD do); False loads none,
    for tests that register ad-hoc plugins. `plugins` are registered in addition."""
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    if load_entry_points is None:
        load_entry_points = "builtin" if os.environ.get(DISABLE_AUTOLOAD_ENV) else True
    if load_entry_points == "builtin":
        _load_builtin_plugins(pm)
    elif load_entry_points:
        pm.load_setuptools_entrypoints(PROJECT)
    for plugin in plugins:
        pm.register(plugin)
    return pm


def _load_builtin_plugins(pm: pluggy.PluginManager) -> None:
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        entry_points = distribution(PROJECT).entry_points
    except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
        return
    for ep in entry_points:
        if ep.group == PROJECT and pm.get_plugin(ep.name) is None:
            pm.register(ep.load(), name=ep.name)


@dataclass
class Markup:
    name: str
    reader: Callable
    extensions: list[str]


@dataclass
class Registry:
    """Everything the loaded plugins registered, validated."""

    rules: dict[str, Rule] = field(default_factory=dict)  # by code
    formats: dict[str, Callable] = field(default_factory=dict)
    markups: dict[str, Markup] = field(default_factory=dict)  # by extension
    pack_paths: list[str] = field(default_factory=list)
    rule_origins: dict[str, str] = field(default_factory=dict)

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


def plugin_versions(pm: pluggy.PluginManager) -> list[tuple[str, str, str]]:
    """(name, distribution, version) of every registered plugin."""
    dists = {id(plugin): dist for plugin, dist in pm.list_plugin_distinfo()}
    rows = []
    for name, plugin in pm.list_name_plugin():
        dist = dists.get(id(plugin))
        if dist is not None:
            rows.append((name, dist.project_name, dist.version))
        else:
            rows.append((name, "(registered in process)", ""))
    return rows
