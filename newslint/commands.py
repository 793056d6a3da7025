"""Subcommands: rules, rule, plugins, lsp."""

from __future__ import annotations

import sys

from newslint.cli import EXIT_ERROR, EXIT_OK


def _registry():
    from newslint.engine import Linter

    return Linter().registry


def run(command: str, args: list[str]) -> int:
    from newslint.manager import PluginError
    from newslint.yamlfile import DataError

    try:
        if command == "rules":
            return _rules()
        if command == "rule":
            return _rule(args)
        if command == "plugins":
            return _plugins()
        if command == "lsp":
            from newslint.lsp import serve

            return serve(args)
    except (DataError, PluginError) as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_ERROR


def _rules() -> int:
    registry = _registry()
    rows = sorted(registry.rules.values(), key=lambda r: r.code)
    width = max((len(r.name) for r in rows), default=10)
    print(f"{'code':<6}  {'name':<{width}}  {'severity':<8}  {'on':<3}  summary")
    for r in rows:
        on = "yes" if r.enabled_by_default else "no"
        print(f"{r.code:<6}  {r.name:<{width}}  {r.severity.value:<8}  {on:<3}  {r.summary}")
    return EXIT_OK


def _rule(args: list[str]) -> int:
    if len(args) != 1:
        print("newslint: error: usage: newslint rule CODE|NAME", file=sys.stderr)
        return EXIT_ERROR
    registry = _registry()
    rule = registry.rule(args[0])
    if rule is None:
        print(f"newslint: error: no rule {args[0]!r}; 'newslint rules' lists them", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(rule.documentation())
    return EXIT_OK


def _plugins() -> int:
    from newslint.engine import Linter
    from newslint.manager import plugin_versions

    linter = Linter()
    for name, dist, version in plugin_versions(linter.plugin_manager):
        print(f"{name:<16} {dist} {version}".rstrip())
    return EXIT_OK
