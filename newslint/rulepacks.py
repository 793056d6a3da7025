"""YAML rule packs: phrases and patterns as data, compiled to one pattern per rule.

A pack looks like this (see README, "Writing a rule pack"):

    lists:                      # optional named lists, usable as \\L<name> in patterns
      titles: [senator, governor]
    rules:
      - code: NL599             # a new rule: needs name, summary, message, docs
        name: house-style
        severity: info
        summary: Words the house style avoids.
        message: "Write {suggestion} instead of “{text}”."
        docs: {what-it-flags: ..., why-it-matters: ..., example: ..., instead: ..., references: ...}
        entries:
          - phrase: utilize
            suggestion: use
            note: plain English
            examples: {match: [They utilize it.], no-match: [They use it.]}
      - code: NL202             # extend or trim a rule another plugin or pack defined
        entries: [...]
        remove: [bombshell]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import regex

from newslint.document import Document
from newslint.finding import Finding, Severity
from newslint.rules import DOC_SECTIONS, Rule
from newslint.yamlfile import DataError, LineDict, line_of, load_yaml_file

#: Seconds a pattern may run over one document before it is abandoned.
PATTERN_TIMEOUT = 2.0

_PACK_KEYS = {"description", "lists", "rules"}
_RULE_KEYS = {
    "code", "name", "severity", "summary", "message", "docs", "scope", "case",
    "quotations", "entries", "remove", "enabled", "url",
}
_ENTRY_KEYS = {"phrase", "pattern", "suggestion", "note", "examples", "fix", "severity"}
_DOC_KEYS = {s.lower().replace(" ", "-"): s for s in DOC_SECTIONS}
_SCOPES = {"all", "headline", "body"}


@dataclass
class Entry:
    """One phrase or pattern of a rule, with its suggestion and rationale."""

    phrase: str | None
    pattern: str | None
    suggestion: str | None = None
    note: str | None = None
    fix: str = "none"  # "safe", "unsafe" or "none": replace the match by `suggestion`
    severity: Severity | None = None
    matches: list[str] = field(default_factory=list)
    non_matches: list[str] = field(default_factory=list)
    source: str = ""  # file:line, for error messages

    @property
    def key(self) -> str:
        return self.phrase if self.phrase is not None else f"/{self.pattern}/"


@dataclass
class RuleSpec:
    """A rule as a pack describes it (before it is merged with other packs)."""

    code: str
    fields: dict[str, Any]
    entries: list[Entry]
    remove: list[str]
    source: str


def _check_keys(node: Any, allowed: set[str], path: str, what: str) -> None:
    if not isinstance(node, dict):
        raise DataError(path, line_of(node), f"{what} must be a mapping")
    for key in node:
        if key not in allowed:
            raise DataError(
                path,
                line_of(node, key),
                f"unknown key {key!r} in {what} (expected one of: {', '.join(sorted(allowed))})",
            )


def _phrase_regex(phrase: str) -> str:
    words = phrase.split()
    return r"\s+".join(regex.escape(w) for w in words)


def _compile(source: str, flags: int, path: str, line: int | None, lists=None) -> regex.Pattern:
    try:
        return regex.compile(source, flags, ignore_unused=True, **(lists or {}))
    except (regex.error, TypeError, ValueError) as exc:
        raise DataError(path, line, f"invalid pattern {source!r}: {exc}") from None


def _pack_cache_file(path: str) -> Path | None:
    import hashlib
    import os

    from newslint import __version__

    try:
        st = os.stat(path)
    except OSError:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    key = f"{__version__}|{os.path.abspath(path)}|{st.st_mtime_ns}|{st.st_size}"
    digest = hashlib.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return Path(base) / "newslint" / "packs" / f"{digest}.pickle"


def load_pack(path: str | Path) -> list[RuleSpec]:
    """Read and validate one pack file; raises DataError naming file and line.

    A validated pack is kept (pickled, keyed by the file's path, size and
    modification time) in the user's cache directory, because parsing YAML is
    most of newslint's start-up once the packs are large."""
    import pickle

    path = str(path)
    cache_file = _pack_cache_file(path)
    if cache_file is not None:
        try:
            with open(cache_file, "rb") as f:
                return pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            pass
    specs = _load_pack(path)
    if cache_file is not None:
        _write_atomically(cache_file, pickle.dumps(specs, protocol=pickle.HIGHEST_PROTOCOL))
    return specs


def _write_atomically(target: Path, data: bytes) -> None:
    import os
    import tempfile

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except OSError:
        pass  # no writable cache directory: parse every time


def _load_pack(path: str) -> list[RuleSpec]:
    data = load_yaml_file(path)
    if data is None:
        return []
    _check_keys(data, _PACK_KEYS, path, "rule pack")
    lists = data.get("lists") or {}
    if not isinstance(lists, dict) or not all(
        isinstance(v, list) and all(isinstance(i, str) for i in v) for v in lists.values()
    ):
        raise DataError(path, line_of(data, "lists"), "'lists' must map names to lists of strings")
    named_lists = {name: list(items) for name, items in lists.items()}
    rules = data.get("rules") or []
    if not isinstance(rules, list):
        raise DataError(path, line_of(data, "rules"), "'rules' must be a list")
    specs = []
    for rule in rules:
        _check_keys(rule, _RULE_KEYS, path, "rule")
        if "code" not in rule or not isinstance(rule["code"], str):
            raise DataError(path, line_of(rule), "every rule needs a 'code' (such as NL599)")
        flags = regex.V0 | (0 if rule.get("case") == "sensitive" else regex.IGNORECASE)
        if rule.get("case") not in (None, "sensitive", "insensitive"):
            raise DataError(path, line_of(rule, "case"), "'case' is 'sensitive' or 'insensitive'")
        if rule.get("scope", "all") not in _SCOPES:
            raise DataError(
                path, line_of(rule, "scope"), f"'scope' must be one of {sorted(_SCOPES)}"
            )
        if rule.get("quotations", "skip") not in ("skip", "include"):
            raise DataError(
                path, line_of(rule, "quotations"), "'quotations' is 'skip' or 'include'"
            )
        if "severity" in rule:
            try:
                Severity.parse(rule["severity"])
            except ValueError as exc:
                raise DataError(path, line_of(rule, "severity"), str(exc)) from None
        if "docs" in rule:
            _check_keys(rule["docs"], set(_DOC_KEYS), path, "docs")
        entries = []
        for raw in rule.get("entries") or []:
            if isinstance(raw, str):
                raw_entry = LineDict(phrase=raw)
                raw_entry.line = line_of(rule, "entries") or 0
                raw_entry.key_lines = {}
                raw = raw_entry
            _check_keys(raw, _ENTRY_KEYS, path, "entry")
            line = line_of(raw)
            if ("phrase" in raw) == ("pattern" in raw):
                raise DataError(path, line, "an entry has exactly one of 'phrase' or 'pattern'")
            entry = Entry(
                phrase=raw.get("phrase"),
                pattern=raw.get("pattern"),
                suggestion=raw.get("suggestion"),
                note=raw.get("note"),
                fix=raw.get("fix", "none"),
                source=f"{path}:{line}",
            )
            if entry.fix not in ("safe", "unsafe", "none"):
                raise DataError(path, line_of(raw, "fix"), "'fix' is 'safe', 'unsafe' or 'none'")
            if "severity" in raw:
                entry.severity = Severity.parse(raw["severity"])
            examples = raw.get("examples") or {}
            _check_keys(examples, {"match", "no-match"}, path, "examples")
            entry.matches = list(examples.get("match") or [])
            entry.non_matches = list(examples.get("no-match") or [])
            # Validate now, so a bad pattern is reported with its line.
            _compile(
                entry.pattern if entry.pattern is not None else _phrase_regex(entry.phrase),
                flags,
                path,
                line_of(raw, "pattern") or line,
                named_lists,
            )
            entries.append(entry)
        fields = {k: v for k, v in rule.items() if k not in ("entries", "remove")}
        fields["lists"] = named_lists
        specs.append(
            RuleSpec(
                code=rule["code"],
                fields=fields,
                entries=entries,
                remove=[str(r) for r in rule.get("remove") or []],
                source=f"{path}:{line_of(rule)}",
            )
        )
    return specs


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


class PhraseRule(Rule):
    """A rule that flags the phrases and patterns of its entries.

    Plugins subclass it to add context (`accept`) and messages (`message_for`);
    packs supply the entries. A pack that defines a new code gets a plain
    PhraseRule."""

    #: Message template; {text}, {suggestion} and {note} are filled in.
    message: str = "“{text}”: {note}"
    scope: str = "all"  # all, headline or body
    skip_quotations: bool = True
    case_sensitive: bool = False

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.lists: dict[str, list[str]] = {}

    # -- building -------------------------------------------------------
    def add_entries(self, entries: Iterable[Entry], lists: Mapping[str, list[str]]) -> None:
        self.entries.extend(entries)
        for name, items in lists.items():
            self.lists.setdefault(name, []).extend(items)
        self.__dict__.pop("compiled", None)

    def remove_entries(self, keys: Iterable[str]) -> None:
        drop = {_normal(k) for k in keys}
        self.entries = [
            e for e in self.entries if _normal(e.key) not in drop and _normal(e.key.strip("/")) not in drop
        ]
        self.__dict__.pop("compiled", None)

    @cached_property
    def compiled(self) -> tuple[regex.Pattern | None, dict[str, Entry], list[tuple[Any, Entry]]]:
        """One pattern for all entries, plus what is needed to tell which matched."""
        flags = regex.V0 | (0 if self.case_sensitive else regex.IGNORECASE)
        lists = {**self.lists, "ignore_unused": True}
        alternatives = []
        by_phrase: dict[str, Entry] = {}
        patterns: list[tuple[Any, Entry]] = []
        phrases = sorted(
            (e for e in self.entries if e.phrase is not None), key=lambda e: -len(e.phrase)
        )
        for entry in phrases:
            by_phrase.setdefault(_normal(entry.phrase), entry)
            alternatives.append(_phrase_regex(entry.phrase))
        for entry in self.entries:
            if entry.pattern is not None:
                alternatives.append(f"(?:{entry.pattern})")
                patterns.append((regex.compile(entry.pattern, flags, **lists), entry))
        if not alternatives:
            return None, by_phrase, patterns
        source = r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"
        return regex.compile(source, flags, **lists), by_phrase, patterns

    def entry_for(self, prose: str, match: Any) -> Entry | None:
        _, by_phrase, patterns = self.compiled
        entry = by_phrase.get(_normal(match.group(0)))
        if entry is not None:
            return entry
        for pattern, candidate in patterns:
            # fullmatch, not match: an alternation such as `smears?|smeared` must
            # be tried against the whole matched text, not stop at its first branch.
            if pattern.fullmatch(prose, match.start(), match.end()):
                return candidate
        return None

    # -- checking -------------------------------------------------------
    def regions(self, document: Document) -> list[tuple[int, int]]:
        if self.scope == "headline":
            headline = document.headline
            return [(headline.start, headline.end)] if headline else []
        if self.scope == "body":
            return [(b.start, b.end) for b in document.blocks if b.kind != "headline"]
        return [(0, len(document.prose))]

    def accept(self, document: Document, match: Any, entry: Entry) -> bool:
        """Context test for one match; plugins override it."""
        return True

    def message_for(self, document: Document, match: Any, entry: Entry) -> str:
        text = " ".join(match.group(0).split())
        note = entry.note or self.summary
        suggestion = entry.suggestion or ""
        return self.message.format(text=text, suggestion=suggestion, note=note).strip()

    def span_for(self, match: Any, entry: Entry) -> tuple[int, int]:
        return match.span()

    def check(self, document: Document) -> Iterable[Finding]:
        pattern = self.compiled[0]
        if pattern is None:
            return
        prose = document.prose
        for start, end in self.regions(document):
            for match in pattern.finditer(prose, start, end, timeout=PATTERN_TIMEOUT):
                block = document.block_index_at(match.start())
                if block is None or block != document.block_index_at(match.end() - 1):
                    continue
                entry = self.entry_for(prose, match)
                if entry is None:
                    continue
                s, e = self.span_for(match, entry)
                if self.skip_quotations and document.in_quotation(s, e):
                    continue
                if not self.accept(document, match, entry):
                    continue
                fix = None
                if entry.fix != "none" and entry.suggestion:
                    fix = self.replacement(
                        s, e, _match_case(document.text[s:e], entry.suggestion),
                        safe=entry.fix == "safe",
                        description=f"Replace with “{entry.suggestion}”",
                    )
                finding = self.finding(
                    document,
                    s,
                    e,
                    self.message_for(document, match, entry),
                    suggestions=[entry.suggestion] if entry.suggestion else [],
                    fix=fix,
                )
                if entry.severity is not None:
                    finding = finding.with_(severity=entry.severity)
                yield finding


def _match_case(original: str, replacement: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def make_pack_rule(spec: RuleSpec) -> PhraseRule:
    """A new PhraseRule from a pack that defines a rule no plugin provides."""
    f = spec.fields
    path, _, line = spec.source.rpartition(":")
    missing = [k for k in ("name", "summary", "docs") if k not in f]
    if missing:
        raise DataError(
            path,
            int(line) if line.isdigit() else None,
            f"rule {spec.code} is not defined by any plugin, so it needs {', '.join(missing)}",
        )
    docs = {_DOC_KEYS[k]: v for k, v in f["docs"].items()}
    absent = [s for s in DOC_SECTIONS if s not in docs]
    if absent:
        raise DataError(
            path, int(line) if line.isdigit() else None,
            f"rule {spec.code} docs lack: {', '.join(absent)}",
        )
    attrs = {
        "code": spec.code,
        "name": f["name"],
        "severity": Severity.parse(f.get("severity", "warning")),
        "summary": f["summary"],
        "docs": docs,
        "message": f.get("message", PhraseRule.message),
        "scope": f.get("scope", "all"),
        "skip_quotations": f.get("quotations", "skip") == "skip",
        "case_sensitive": f.get("case") == "sensitive",
        "enabled_by_default": bool(f.get("enabled", True)),
        "url": f.get("url"),
    }
    cls = type(f"PackRule_{spec.code}", (PhraseRule,), attrs)
    rule = cls()
    rule.origin = spec.source
    return rule


def apply_spec(rule: PhraseRule, spec: RuleSpec) -> None:
    """Merge a pack's entries (and removals) into a rule."""
    rule.add_entries(spec.entries, spec.fields.get("lists", {}))
    if spec.remove:
        rule.remove_entries(spec.remove)
    if not rule.origin:
        rule.origin = spec.source
