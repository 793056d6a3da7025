"""Which rules run on a file, at which severity and with which options.

Rules are named by code (NL202), name (loaded-language), a code prefix that
selects a family (NL2) or ALL, wherever they are named."""

from collections.abc import Iterable, Mapping
from typing import Any

from newslint.config import Overrides
from newslint.finding import Severity
from newslint.records import TupleRecord
from newslint.rules import Rule


def selector_matches(selector: str, rule: Rule) -> bool:
    s = selector.strip()
    upper = s.upper()
    return (
        upper == "ALL"
        or upper == rule.code
        or s.lower() == rule.name
        or (upper.startswith("NL") and rule.code.startswith(upper))
    )


def matching(selectors: Iterable[str], rules: Iterable[Rule]) -> set[str]:
    selectors = list(selectors)
    return {r.code for r in rules if any(selector_matches(s, r) for s in selectors)}


def unknown_selectors(selectors: Iterable[str], rules: Mapping[str, Rule]) -> list[str]:
    return [s for s in selectors if not any(selector_matches(s, r) for r in rules.values())]


class Settings(TupleRecord):
    """What applies to one file: the rules to run, severity and options by code."""

    __slots__ = ()
    _fields = ("rules", "severity", "options")
    rules: tuple[Rule, ...]
    severity: Mapping[str, Severity]
    options: Mapping[str, Mapping[str, Any]]

    def __new__(cls, rules: tuple[Rule, ...], severity: Mapping[str, Severity],
                options: Mapping[str, Mapping[str, Any]]) -> "Settings":
        return tuple.__new__(cls, (rules, severity, options))


def resolve(layers: Iterable[Overrides], rules: Mapping[str, Rule]) -> Settings:
    all_rules = list(rules.values())
    enabled = {r.code for r in all_rules if r.enabled_by_default}
    severity: dict[str, Severity] = {}
    options: dict[str, dict[str, Any]] = {}
    for layer in layers:
        if layer.select is not None:
            enabled = matching(layer.select, all_rules)
        enabled |= matching(layer.extend_select, all_rules)
        enabled -= matching(layer.ignore, all_rules)
        for selector, level in layer.severity:
            for code in matching([selector], all_rules):
                severity[code] = level
        for key, values in layer.options:
            for code in matching([key], all_rules):
                options.setdefault(code, {}).update(dict(values))
    ordered = tuple(r for r in all_rules if r.code in enabled)
    return Settings(rules=ordered, severity=severity, options=options)


def validate_layer(layer: Overrides, rules: Mapping[str, Rule]) -> list[tuple[str, str]]:
    """Problems in one layer: (key, message) pairs for unknown rules and options."""
    problems = []
    for key, selectors in (
        ("select", layer.select or ()),
        ("ignore", layer.ignore),
        ("extend-select", layer.extend_select),
        ("severity", [s for s, _ in layer.severity]),
    ):
        for s in unknown_selectors(selectors, rules):
            problems.append((key, f"'{key}' names an unknown rule {s!r}"))
    for key, values in layer.options:
        matched = [r for r in rules.values() if key.upper() == r.code or key.lower() == r.name]
        if not matched:
            problems.append((key, f"unknown key {key!r} (not a setting nor a rule's name or code)"))
            continue
        rule = matched[0]
        for option, _ in values:
            if option not in rule.options:
                known = ", ".join(rule.options) or "none"
                problems.append(
                    (key, f"{rule.name} has no option {option!r} (its options: {known})")
                )
    return problems
