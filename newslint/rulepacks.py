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

import os
import sys
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import regex

from newslint import usercache
from newslint.document import Document
from newslint.finding import Finding, Severity
from newslint.patterns import compile_pattern
from newslint.records import Record
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


class Entry(Record):
    """One phrase or pattern of a rule, with its suggestion and rationale."""

    _fields = ("phrase", "pattern", "suggestion", "note", "fix", "severity", "matches",
               "non_matches", "source")

    def __init__(
        self, phrase: str | None, pattern: str | None, suggestion: str | None = None,
        note: str | None = None, fix: str = "none", severity: Severity | None = None,
        matches: list[str] | None = None, non_matches: list[str] | None = None,
        source: str = "",
    ) -> None:
        self.phrase = phrase
        self.pattern = pattern
        self.suggestion = suggestion
        self.note = note
        self.fix = fix  # "safe", "unsafe" or "none": replace the match by `suggestion`
        self.severity = severity
        self.matches = [] if matches is None else matches
        self.non_matches = [] if non_matches is None else non_matches
        self.source = source  # file:line, for error messages

    @property
    def key(self) -> str:
        return self.phrase if self.phrase is not None else f"/{self.pattern}/"


class RuleSpec(Record):
    """A rule as a pack describes it (before it is merged with other packs)."""

    _fields = ("code", "fields", "entries", "remove", "source")

    def __init__(self, code: str, fields: dict[str, Any], entries: list[Entry],
                 remove: list[str], source: str) -> None:
        self.code = code
        self.fields = fields
        self.entries = entries
        self.remove = remove
        self.source = source


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
        return compile_pattern(source, flags, ignore_unused=True, **(lists or {}))
    except (regex.error, TypeError, ValueError) as exc:
        raise DataError(path, line, f"invalid pattern {source!r}: {exc}") from None


def _pack_cache_file(path: str) -> Path | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return usercache.cache_file("packs", f"{os.path.abspath(path)}|{st.st_mtime_ns}|{st.st_size}")


def load_pack(path: str | Path) -> list[RuleSpec]:
    """Read and validate one pack file; raises DataError naming file and line.

    A validated pack is kept (pickled, keyed by the file's path, size and
    modification time) in the user's cache directory, because parsing YAML is
    most of newslint's start-up once the packs are large."""
    path = str(path)
    cache_file = _pack_cache_file(path)
    if cache_file is not None:
        specs = usercache.read(cache_file)
        if specs is not None:
            return specs
    specs = _load_pack(path)
    if cache_file is not None:
        usercache.write(cache_file, specs)
    return specs


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
    #: The regions cover little of a document (a plugin's windows): the
    #: prefilter then looks for heads in each region, not in the whole document.
    sparse_regions: bool = False

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.lists: dict[str, list[str]] = {}

    # -- building -------------------------------------------------------
    def add_entries(self, entries: Iterable[Entry], lists: Mapping[str, list[str]]) -> None:
        self.entries.extend(entries)
        for name, items in lists.items():
            self.lists.setdefault(name, []).extend(items)
        self._forget_derived()

    def remove_entries(self, keys: Iterable[str]) -> None:
        drop = {_normal(k) for k in keys}
        self.entries = [
            e for e in self.entries if _normal(e.key) not in drop and _normal(e.key.strip("/")) not in drop
        ]
        self._forget_derived()

    #: What is derived from the entries, cached, and made again when they change.
    _DERIVED = ("compiled", "_analysis", "_entry_patterns", "_alternatives", "_by_phrase",
                "_pattern_order", "pattern_timeout")

    def _forget_derived(self) -> None:
        for name in self._DERIVED:
            self.__dict__.pop(name, None)

    @cached_property
    def compiled(self) -> tuple[regex.Pattern | None, dict[str, Entry], list[tuple[Any, Entry]]]:
        """One pattern for all entries, plus what is needed to tell which matched:
        the phrases by their normal form, and the pattern entries in order (each
        compiled on its own only when `entry_for` needs it)."""
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
                patterns.append((entry.pattern, entry))
        if not alternatives:
            return None, by_phrase, patterns
        source = r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"
        return compile_pattern(source, flags, **lists), by_phrase, patterns

    @cached_property
    def _analysis(
        self,
    ) -> tuple[_Prefilter | None, dict[int, frozenset[str] | None], frozenset[str] | None]:
        """The prefilter (None: scan everything); per entry (by id), the ASCII
        characters its matches can begin with (None: any); and `first_words`.
        Reading the entries is kept in the user's cache directory, like a
        parsed pack."""
        flags = regex.V0 | (0 if self.case_sensitive else regex.IGNORECASE)
        sources = [source for source, _ in self._alternatives]
        key = repr((flags, sources, sorted((k, list(v)) for k, v in self.lists.items())))
        # (the Python version too: the analysis reads patterns with its `re` parser)
        cache_file = usercache.cache_file(
            "prefilters", f"{_ANALYSIS_VERSION}|{sys.version_info[:2]}|{key}")
        cached = usercache.read(cache_file)
        if cached is None:
            cached = _analyse(sources, self.lists, flags)
            usercache.write(cache_file, cached)
        prefilter, first, words = cached
        entries = [entry for _, entry in self._alternatives]
        return prefilter, {id(e): starts for e, starts in zip(entries, first, strict=True)}, words

    def first_words(self) -> frozenset[str] | None:
        """The words one of which every match of the rule begins with (ASCII;
        lower case when the rule ignores case); None when the entries do not
        tell (an entry that may begin with a character class, a non-word
        character or a non-ASCII word). A plugin's own scan may then try its
        pattern only at those words."""
        return self._analysis[2]

    @cached_property
    def _alternatives(self) -> list[tuple[str, Entry]]:
        """The entries' sources in the order of the one pattern's alternation."""
        phrases = sorted(
            (e for e in self.entries if e.phrase is not None), key=lambda e: -len(e.phrase)
        )
        return [(_phrase_regex(e.phrase), e) for e in phrases] + [
            (e.pattern, e) for e in self.entries if e.pattern is not None
        ]

    @cached_property
    def pattern_timeout(self) -> float | None:
        """How long the rule's patterns may run: PATTERN_TIMEOUT once a pattern
        entry comes from anywhere but newslint's own packs (user patterns run
        with a timeout, DESIGN.md); None for newslint's own, which the project
        tests: passing a timeout costs a read of the clock at every match, a
        tenth of a run's time."""
        from newslint import packs

        own = os.path.dirname(os.path.abspath(packs.__file__))
        for entry in self.entries:
            path = entry.source.rpartition(":")[0]
            if entry.pattern is not None and os.path.dirname(os.path.abspath(path)) != own:
                return PATTERN_TIMEOUT
        return None

    def _matcher(self, index: int) -> regex.Pattern:
        """Alternative `index` of the rule's pattern on its own, bounded like it."""
        matchers = self._entry_patterns
        pattern = matchers.get(-1 - index)
        if pattern is None:
            flags = regex.V0 | (0 if self.case_sensitive else regex.IGNORECASE)
            # `|(?!)` never matches; it keeps the engine from searching the rest of
            # the text for a literal the pattern needs, at every call.
            source = r"(?<!\w)(?:" + self._alternatives[index][0] + r")(?!\w)|(?!)"
            pattern = matchers[-1 - index] = compile_pattern(
                source, flags, **{**self.lists, "ignore_unused": True}
            )
        return pattern

    @cached_property
    def _entry_patterns(self) -> dict[int, regex.Pattern]:
        return {}

    def prepare(self) -> None:
        """Compile everything `check` compiles lazily (before forking workers)."""
        prefilter = self._analysis[0]
        for index in range(len(self._alternatives)):
            self._matcher(index)
        if prefilter is None:
            self.compiled  # noqa: B018 - the whole-region fallback pattern
        else:
            for head in list(prefilter.rests.sources):
                prefilter.rests[head]  # noqa: B018 - compiles on first access

    def entry_for(self, prose: str, match: Any) -> Entry | None:
        entry = self._by_phrase.get(_normal(match.group(0)))
        if entry is not None:
            return entry
        start, end = match.span()
        initial = prose[start : start + 1]
        initial = initial.lower() if initial.isascii() else ""
        order = self._pattern_order.get(initial)
        if order is None:
            order = self._pattern_order[initial] = self._patterns_beginning_with(initial)
        alternatives = self._alternatives
        for index in order:
            # fullmatch, not match: an alternation such as `smears?|smeared` must
            # be tried against the whole matched text, not stop at its first branch.
            # (The matcher's own (?<!\w) and (?!\w) hold: the match began after a
            # non-word character, and the text ends where the match does.)
            if self._matcher(index).fullmatch(prose, start, end):
                return alternatives[index][1]
        return None

    @cached_property
    def _pattern_order(self) -> dict[str, list[int]]:
        """Initial character (ASCII, lower case; "" for any other) -> what
        `_patterns_beginning_with` gives for it."""
        return {}

    def _patterns_beginning_with(self, initial: str) -> list[int]:
        """The pattern entries' alternatives, by index in order, whose matches
        may begin with `initial` ("": with anything)."""
        first = self._analysis[1]
        order = []
        for index, (_source, entry) in enumerate(self._alternatives):
            if entry.pattern is None:
                continue
            starts = first.get(id(entry))
            if initial and starts is not None and initial not in starts:
                continue  # no match of this entry begins with that character
            order.append(index)
        return order

    @cached_property
    def _by_phrase(self) -> dict[str, Entry]:
        by_phrase: dict[str, Entry] = {}
        for _source, entry in self._alternatives:
            if entry.phrase is not None:
                by_phrase.setdefault(_normal(entry.phrase), entry)
        return by_phrase

    def scan(self, document: Document, start: int, end: int,
             before: int | None = None) -> Iterable[Any]:
        """The matches of the rule's pattern in the prose from `start` to `end`,
        exactly as `finditer` finds them; the pattern is tried only where the
        prefilter says a match can begin. `before`: the caller knows that no
        match begins there or later (a plugin whose matches all hold a word it
        has found), so the scan stops there."""
        if not self._alternatives:
            return
        end_of_starts = end if before is None else min(end, before)
        prose = document.prose
        prefilter = None if _NO_PREFILTER else self._analysis[0]
        if prefilter is None:
            candidates = None
        elif self.sparse_regions:
            candidates = prefilter.region_candidates(document, start, end, end_of_starts)
        else:
            candidates = prefilter.candidates(document)
        if candidates is not None:
            extra = prefilter.cut_word_heads(document, start, end)
            if "" in extra:
                # A live prefix opens with a character class ("\p{L}+-hating"):
                # it may begin at any word, which the one pattern scans fastest.
                candidates = None
            elif extra:
                more = prefilter.positions(document, extra)
                if more is None:
                    candidates = None
                elif more:  # (pairs are unique within each list)
                    candidates = sorted(set(candidates).union(more))
        if candidates is None:
            if before is None or prefilter is None:
                yield from self.compiled[0].finditer(
                    prose, start, end, timeout=self.pattern_timeout
                )
            else:
                yield from self._scan_word_starts(document, start, end, end_of_starts, prefilter)
            return
        if not candidates:
            return
        timeout = self.pattern_timeout
        resume = start
        rests = prefilter.rests
        head_entries = prefilter.head_entries
        i = bisect_left(candidates, (start, "")) if start else 0
        count = len(candidates)
        matcher = self._matcher
        while i < count:
            at, head = candidates[i]
            if at >= end_of_starts:
                break
            i += 1
            if at < resume:
                continue  # (so are the other heads found here)
            # Every head found at this offset whose rest follows it: the
            # alternatives they begin, in order (a sorted tuple for one head).
            indices: Sequence[int] = ()
            while True:
                rest = rests[head]
                if rest is None or rest.match(prose, at + len(head), end) is not None:
                    entries = head_entries[head]
                    indices = sorted({*indices, *entries}) if indices else entries
                if i == count or candidates[i][0] != at:
                    break
                head = candidates[i][1]
                i += 1
            # The first alternative that matches here is the one pattern's match.
            for index in indices:
                pattern = matcher(index)
                m = (pattern.match(prose, at, end) if timeout is None
                     else pattern.match(prose, at, end, timeout=timeout))
                if m is not None:
                    yield m
                    resume = m.end()
                    break

    def _scan_word_starts(self, document: Document, start: int, end: int, last: int,
                          prefilter: _Prefilter) -> Iterable[Any]:
        """`scan` where a live prefix opens with a class and matches begin only
        before `last`: the one pattern tried at each word start before `last`
        where the live heads or the classes say a match may begin, which over a
        short stretch beats `finditer` over the whole region."""
        prose = document.prose
        starts = prefilter.word_starts(document, start, end, last)
        if starts is None:
            # The pattern opens with (?<!\w): only a word start can begin a match.
            starts = (at.start() for at in _WORD_STARTS.finditer(prose, start, last))
        pattern = self.compiled[0]
        timeout = self.pattern_timeout
        resume = start
        for at in starts:
            if at < resume:
                continue
            found = (pattern.match(prose, at, end) if timeout is None
                     else pattern.match(prose, at, end, timeout=timeout))
            if found is not None:
                yield found
                resume = found.end()

    # -- checking -------------------------------------------------------
    def regions(self, document: Document) -> list[tuple[int, int]]:
        """The stretches of prose the rule scans, by its scope. The same for
        every rule of a scope: worked out once per document (do not change it)."""
        cache = document.__dict__.setdefault("_phrase_rule_regions", {})
        found = cache.get(self.scope)
        if found is None:
            if self.scope == "headline":
                headline = document.headline
                found = [(headline.start, headline.end)] if headline else []
            elif self.scope == "body":
                found = [(b.start, b.end) for b in document.blocks if b.kind != "headline"]
            else:
                found = [(0, len(document.prose))]
            cache[self.scope] = found
        return found

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
        if not self._alternatives:
            return
        prose = document.prose
        for start, end in self.regions(document):
            for match in self.scan(document, start, end):
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


def _analyse(
    sources: list[str], lists: Mapping[str, list[str]], flags: int
) -> tuple[_Prefilter | None, list[frozenset[str] | None], frozenset[str] | None]:
    prefixes: list[set[tuple[str, ...]]] = []
    first: list[frozenset[str] | None] = []
    words: set[str] | None = set()
    readable = True
    for source in sources:
        try:
            found = _prefixes(source, lists, flags)
        except _Unreadable:
            readable = False
            first.append(None)
            words = None
            continue
        prefixes.append(found)
        heads = {tokens[0] for tokens in found}
        first.append(
            frozenset(heads) if all(_is_word_token(h) and h.isascii() for h in heads) else None
        )
        if words is not None:
            for tokens in found:
                word = _first_word(tokens)
                if word is None:
                    words = None
                    break
                words.add(word)
    words = frozenset(words) if words is not None else None
    if not readable or not prefixes:
        return None, first, words
    return _Prefilter(prefixes), first, words


def _first_word(tokens: tuple[str, ...]) -> str | None:
    """The whole word a prefix opens with, if its tokens tell it: ASCII word
    characters up to a token that matches only non-word characters."""
    for i, token in enumerate(tokens):
        if _is_break_token(token):
            return "".join(tokens[:i]) or None
        if not (_is_word_token(token) and token.isascii()):
            return None
    return None  # the prefix was cut short inside its first word


def _match_case(original: str, replacement: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# -- prefilter ------------------------------------------------------------
#
# Trying the whole alternation of a rule at every position of a document is
# what makes a big rule slow. `_prefixes` reads off each entry's pattern the
# prefixes its matches begin with: a literal head ("the"), what may follow it
# ("\s+socialist"), and a whole word each contains (its anchor, "socialist").
# Per document (`_Prefilter.candidates`), the anchors among the document's
# words make their prefixes live, `str.find` locates the live heads, what
# follows a head is checked, and only the alternatives with that head are
# matched there, in the alternation's order (`PhraseRule.scan`): the very same
# matches as `finditer` of the one pattern over the region. A rule with an
# entry the analysis cannot read, or a live prefix that opens with a class
# ("\p{L}+-hating"), is scanned with the one pattern, as before.

#: Debugging aid: NEWSLINT_NO_PREFILTER=1 (read once, at import) scans every
#: rule with its whole pattern, to compare findings with and without the prefilter.
_NO_PREFILTER = bool(os.environ.get("NEWSLINT_NO_PREFILTER"))
_MAX_PREFIXES = 2000
_MAX_TOKENS = 24
_MAX_REST = 8  # tokens of a prefix tried after its head, at most
_BUSY_HEAD = 100  # str.find stops in a run that make a head's `re` finder worth compiling
_ANALYSIS_VERSION = 9  # bump when the analysis changes: cached results are keyed by it
_WORD_CHAR = compile_pattern(r"\w")
_WORD_STARTS = compile_pattern(r"(?<!\w)", regex.V0 | regex.IGNORECASE)  # as the rules read \w


class _WordChars(dict):
    """char -> whether `regex` calls it \\w: a dict lookup, not a match call,
    for the hundreds of thousands of checks a corpus needs."""

    def __missing__(self, char: str) -> bool:
        self[char] = found = _WORD_CHAR.match(char) is not None
        return found


_IS_WORD_CHAR = _WordChars()
_PLACEHOLDER = 0xF0000  # private-use code points stand for \p{...} in the parse


class _Unreadable(Exception):
    """The analysis cannot bound where a match of this pattern begins."""


def _for_parse(source: str, lists: Mapping[str, list[str]]) -> tuple[str, dict[str, str]]:
    """`source` in Python's `re` syntax for parsing: \\L<name> written out,
    \\p{..}/\\P{..} as placeholder characters (mapped back to their text)."""
    import re

    out: list[str] = []
    props: dict[str, str] = {}
    i, n = 0, len(source)
    depth = 0  # inside a character class
    while i < n:
        ch = source[i]
        if ch == "\\" and i + 1 < n:
            nxt = source[i + 1]
            if nxt == "L" and depth == 0:
                m = re.match(r"\\L<(\w+)>", source[i:])
                if not m or m.group(1) not in lists or not lists[m.group(1)]:
                    raise _Unreadable(source)
                out.append("(?:" + "|".join(re.escape(w) for w in lists[m.group(1)]) + ")")
                i += m.end()
                continue
            if nxt in "pP":
                m = re.match(r"\\[pP](?:\{[^}]*\}|\w)", source[i:])
                if not m:
                    raise _Unreadable(source)
                mark = chr(_PLACEHOLDER + len(props))
                props[mark] = m.group(0)
                out.append(mark if depth else f"[{mark}]")
                i += m.end()
                continue
            if nxt.isalpha() and nxt not in "wWsSdDbBAZnrtfvx":
                raise _Unreadable(source)  # an escape the two engines may read differently
            out.append(source[i : i + 2])
            i += 2
            continue
        if depth:
            if ch == "[":
                raise _Unreadable(source)  # POSIX classes, nested sets
            if ch == "]" and out[-1] not in ("[", "[^"):
                depth = 0
        elif ch == "[":
            depth = 1
            out.append("[^" if source[i + 1 : i + 2] == "^" else "[")
            i += 2 if source[i + 1 : i + 2] == "^" else 1
            continue
        elif ch == "{" and not re.match(r"\{\d*(?:,\d*)?\}", source[i:]):
            raise _Unreadable(source)  # fuzzy matching and other regex-only syntax
        out.append(ch)
        i += 1
    return "".join(out), props


def _sre() -> tuple[Any, Any]:
    """The stdlib regular-expression parser and its constants: private modules,
    `re._parser` and `re._constants` from Python 3.11, `sre_parse` and
    `sre_constants` before. Raises ImportError where neither exists."""
    try:
        from re import _constants, _parser
    except ImportError:
        import sre_constants as _constants  # Python 3.10
        import sre_parse as _parser
    return _constants, _parser


def _class_source(items: list, props: Mapping[str, str]) -> str:
    c, _ = _sre()

    names = {
        c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
        c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W",
    }
    parts = []
    for op, av in items:
        if op is c.NEGATE:
            parts.insert(0, "^")
        elif op is c.LITERAL:
            parts.append(props.get(chr(av)) or regex.escape(chr(av), literal_spaces=True))
        elif op is c.RANGE:
            parts.append(regex.escape(chr(av[0])) + "-" + regex.escape(chr(av[1])))
        elif op is c.CATEGORY and av in names:
            parts.append(names[av])
        else:
            raise _Unreadable(op)
    return "[" + "".join(parts) + "]"


def _prefixes(source: str, lists: Mapping[str, list[str]], flags: int) -> set[tuple[str, ...]]:
    """Token sequences one of which begins every match of `source`. A token is
    one literal character (word characters lower-cased when ASCII: matched
    ignoring case) or the source of a character class, possibly repeated.
    Lookarounds are skipped, so the prefixes may match where `source` does not,
    never the other way round. Raises _Unreadable when the analysis cannot
    bound where a match begins."""
    try:
        c, _parser = _sre()
    except ImportError as exc:  # the stdlib's parser is private: without it, scan all
        raise _Unreadable(source) from exc

    text, props = _for_parse(source, lists)
    try:
        tree = _parser.parse(text, 0)
    except Exception as exc:  # noqa: BLE001 - any syntax `re` does not share
        raise _Unreadable(source) from exc
    if tree.state.flags & ~(c.SRE_FLAG_UNICODE | c.SRE_FLAG_IGNORECASE):
        raise _Unreadable(source)
    ignorecase = bool(flags & regex.IGNORECASE)
    zero_width = (c.AT, c.ASSERT, c.ASSERT_NOT)
    # (atomic groups and possessive repeats: Python 3.11's parser only)
    atomic_group = getattr(c, "ATOMIC_GROUP", None)
    repeats = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))
    Prefixes = set[tuple[tuple[str, ...], bool]]

    def seq(items, icase: bool) -> Prefixes:
        result: Prefixes = {((), True)}
        for item in items:
            if all(not open_ for _, open_ in result):
                break
            new: Prefixes = set()
            following = node(item, icase)
            for f, open_ in result:
                if not open_ or len(f) >= _MAX_TOKENS:
                    new.add((f, False))
                    continue
                for g, g_open in following:
                    new.add((f + g, g_open))
            if len(new) > _MAX_PREFIXES:
                # Too many ways to go on: the prefixes read so far are enough.
                return {(f, False) for f, _ in result}
            result = new
        return result

    def char(ch: str, icase: bool) -> str:
        if ch in props:
            return wrap(f"[{props[ch]}]", icase)
        if _WORD_CHAR.match(ch):
            return ch.lower() if ch.isascii() else ch
        return regex.escape(ch, literal_spaces=True)

    def single(item, icase: bool) -> str | None:
        """The source of a one-character item, or None."""
        op, av = item
        if op is c.LITERAL:
            return char(chr(av), icase)
        if op is c.IN:
            return wrap(_class_source(av, props), icase)
        if op is c.NOT_LITERAL:
            return wrap(_class_source([(c.NEGATE, None), (c.LITERAL, av)], props), icase)
        return None

    def node(item, icase: bool) -> Prefixes:
        op, av = item
        if op in zero_width:
            return {((), True)}
        one = single(item, icase)
        if one is not None:
            return {((one,), True)}
        if op is c.SUBPATTERN:
            _group, add, remove, sub = av
            if (add | remove) & ~c.SRE_FLAG_IGNORECASE:
                raise _Unreadable(source)
            inner = (icase or bool(add & c.SRE_FLAG_IGNORECASE)) and not remove & c.SRE_FLAG_IGNORECASE
            return seq(sub, inner)
        if op is atomic_group:
            return seq(av, icase)
        if op is c.BRANCH:
            out: Prefixes = set()
            for alt in av[1]:
                out |= seq(alt, icase)
            return out
        if op in repeats:
            lo, hi, sub = av
            if hi == 0:
                return {((), True)}
            if len(sub) == 1 and (one := single(sub[0], icase)) is not None:
                if lo == 0 and hi == 1:
                    return {((one,), True), ((), True)}
                if lo == hi == 1:
                    return {((one,), True)}
                bound = f"{{{lo},{'' if hi is c.MAXREPEAT else hi}}}"
                return {((f"(?:{one}){bound}",), True)}
            once = seq(sub, icase)
            if hi != 1:
                once = {(f, False) for f, _ in once}
            return once | {((), True)} if lo == 0 else once
        return {((), False)}  # anything else: the prefix ends here

    def wrap(fragment: str, icase: bool) -> str:
        return fragment if icase or not ignorecase else f"(?-i:{fragment})"

    found = {f + (_END,) if open_ else f for f, open_ in seq(tree, ignorecase)}
    if () in found or (_END,) in found:
        raise _Unreadable(source)  # may match nothing, or begin with anything
    return found


_END = "\x00"  # a prefix that is a whole match: the rule's (?!\\w) follows
_WORD_CLASS_TOKEN = compile_pattern(r"\[\\w\]|\(\?:\[\\w\]\)\{\d+,\d*\}")
_SPACE_TOKEN = compile_pattern(r"\[\\s\]|\(\?:\[\\s\]\)\{\d+,\d*\}")


def _is_break_token(token: str) -> bool:
    """The token matches only non-word characters (or ends the match)."""
    if token == _END:
        return True
    if len(token) == 1 or (len(token) == 2 and token[0] == "\\"):
        return not _WORD_CHAR.match(token[-1])
    return _SPACE_TOKEN.fullmatch(token) is not None or _is_non_word_set(token)


def _ends_word(token: str) -> bool:
    """The token (after a head of word characters) ends the match or matches
    at least one character, none of them a word character."""
    if token == _END or _is_non_word_set(token):
        return True
    return _SPACE_TOKEN.fullmatch(token) is not None and "{0" not in token  # not \s*


def _is_non_word_set(token: str) -> bool:
    """A set of literal characters ("[,:]", "[\\-–]") none of which is a word
    character. (Negated sets, ranges and class escapes are not read.)"""
    if not (token.startswith("[") and token.endswith("]")) or token.startswith("[^"):
        return False
    body, i, chars = token[1:-1], 0, []
    while i < len(body):
        char = body[i]
        if char == "\\":
            char = body[i + 1 : i + 2]
            if not char or char.isalnum():
                return False  # \\s, \\w, \\p{..}...
            i += 1
        elif char == "-" and 0 < i < len(body) - 1:
            return False  # a range
        chars.append(char)
        i += 1
    return bool(chars) and not any(_WORD_CHAR.match(char) for char in chars)


def _anchor(tokens: tuple[str, ...]) -> str | None:
    """The longest whole word of a prefix (case-folded): every match of the
    prefix has it as a word of its own. None if there is none."""
    best = None
    word: list[str] | None = []  # None: inside a run not known to start a word
    for token in tokens:
        if _is_word_token(token):
            if word is not None:
                word.append(token)
            continue
        if word and _is_break_token(token):
            text = "".join(word).casefold()
            if best is None or len(text) > len(best):
                best = text
        word = [] if _is_break_token(token) else None
    return best


def _literal(token: str) -> str | None:
    """The character a token stands for, if it is a literal one."""
    if token == _END:
        return None
    if len(token) == 1:
        return token
    if len(token) == 2 and token[0] == "\\":
        return token[1]
    return None


def _is_word_token(token: str) -> bool:
    return len(token) == 1 and _WORD_CHAR.match(token) is not None


class _Prefilter:
    """Where in a document a rule's matches can begin.

    Each prefix (see `_prefixes`) has a head, its leading literal word
    characters, and an anchor, a whole word it contains. A prefix is live in
    a document that has its anchor among its words; its head is then looked
    up with `str.find` in the case-folded prose, and the rest of the prefix is
    tried after the head (`rests`) before the rule's own pattern."""

    def __init__(self, prefixes: list[set[tuple[str, ...]]]) -> None:
        self.by_anchor: dict[str, set[str]] = {}
        self.always: set[str] = set()
        rest_sources: dict[str, set[str]] = {}
        head_entries: dict[str, set[int]] = {}
        partial_heads: set[str] = set()
        for index, tokens in ((i, t) for i, found in enumerate(prefixes) for t in found):
            split = 0
            while split < len(tokens) and _literal(tokens[split]) is not None:
                split += 1
            raw = "".join(_literal(t) for t in tokens[:split])
            head = raw.casefold()
            if not (len(head) == len(raw) and all(_IS_WORD_CHAR[c] for c in head)
                    and split < len(tokens) and _ends_word(tokens[split])):
                partial_heads.add(head)
            anchor = _anchor(tokens)
            (self.by_anchor.setdefault(anchor, set()) if anchor else self.always).add(head)
            # What follows the head, tried at the head's end in the prose (not
            # when folding changed the head's length: the offsets would not agree).
            rest = tokens[split : split + _MAX_REST] if len(head) == len(raw) else ()
            rest_sources.setdefault(head, set()).add(tuple(t for t in rest if t != _END))
            head_entries.setdefault(head, set()).add(index)
        # The patterns are built here, as sources, so the cached analysis holds
        # strings, which load several times faster than sets of token tuples:
        # each head's rests as one pattern (None: anything may follow), ...
        rests = {
            # see PhraseRule._matcher for `|(?!)`
            head: None if () in found else "(?:" + _token_trie(found) + ")|(?!)"
            for head, found in rest_sources.items()
        }
        rests[""] = None
        # ... the `re` pattern that finds each head (see _HeadFinders), ...
        finders = {head: _finder_source(head, found) for head, found in rest_sources.items()}
        # ... and what the prefixes that open with a class open with (None: anything).
        openings = {rest[0] if rest else "" for rest in rest_sources.get("", ())}
        class_starts = None
        if openings and "" not in openings:
            class_starts = "(?:" + "|".join(sorted(openings)) + ")"
        self.__setstate__((
            self.by_anchor,
            self.always,
            rests,
            finders,
            class_starts,
            {h: tuple(sorted(i)) for h, i in head_entries.items()},
            frozenset(h for h in head_entries if h and h not in partial_heads),
        ))

    def __getstate__(self):
        return self._state

    def __setstate__(self, state) -> None:
        self._state = state
        (self.by_anchor, self.always, rests, finders, class_starts, self.head_entries,
         self.word_heads) = state
        self.anchors = frozenset(self.by_anchor)
        self.rests = _LazyRests(rests, regex.V0 | regex.IGNORECASE)
        self.finders = _HeadFinders(finders)
        self.class_starts = None
        if class_starts is not None:
            self.class_starts = compile_pattern(class_starts, regex.V0 | regex.IGNORECASE)

    def candidates(self, document: Document) -> list[tuple[int, str]] | None:
        """Sorted (offset, head) pairs where a match may begin; None when the
        whole region must be scanned (a live prefix opens with a class, or the
        prose cannot be searched case-folded). Kept with the document."""
        cache = document.__dict__.setdefault("_phrase_rule_candidates", {})
        key = id(self)
        if key not in cache:
            heads = self.live_heads(document)
            cache[key] = None if "" in heads else self.positions(
                document, self.searched_heads(document))
        return cache[key]

    def live_heads(self, document: Document) -> frozenset[str]:
        """The heads of the prefixes whose anchors the document has. Kept with
        the document."""
        cache = document.__dict__.setdefault("_phrase_rule_heads", {})
        found = cache.get(id(self))
        if found is None:
            heads = set(self.always)
            for anchor in self.anchors.intersection(document.folded_words):
                heads |= self.by_anchor[anchor]
            found = cache[id(self)] = frozenset(heads)
        return found

    def word_starts(self, document: Document, start: int, end: int,
                    last: int) -> list[int] | None:
        """The word starts from `start` to `last` (both included) where a match
        may begin (a live head, or a live prefix's opening class, is there), in
        order: the live heads found by `positions` and the opening classes with
        one regex, not a test at every word. None when the prose cannot be
        searched case-folded, or a live prefix opens with a class the analysis
        could not read (then every word start is tried)."""
        fold = document.folded_prose
        if fold is None:
            return None
        heads = self.live_heads(document) | self.cut_word_heads(document, start, end)
        opening = None
        if "" in heads:
            if self.class_starts is None:
                return None
            opening = self.word_class_starts
        found = {at for at, _ in self.positions(document, heads, start, end, last + 1)
                 if at <= last}
        if opening is not None:
            for hit in opening(document.prose, start):
                at = hit.start()
                if at > last:
                    break
                found.add(at)
        return sorted(found)

    @cached_property
    def word_class_starts(self):
        """`finditer` of the word starts where an opening class matches."""
        return compile_pattern(r"(?<!\w)(?=" + self.class_starts.pattern + ")",
                               regex.V0 | regex.IGNORECASE).finditer

    def region_candidates(self, document: Document, start: int, end: int,
                          last: int | None = None) -> list[tuple[int, str]] | None:
        """What `candidates` gives, for the region from `start` to `end` only
        (the heads and their rests must end by `end`, as a match must), and
        for offsets before `last` only, if given (the scan stops there)."""
        heads = self.searched_heads(document)  # (holds "" when the live heads do)
        if "" in heads:
            return None
        return self.positions(document, heads, start, end, last)

    @cached_property
    def longest_head(self) -> int:
        return max(map(len, self.head_entries), default=0)

    def searched_heads(self, document: Document) -> frozenset[str]:
        """The live heads, less those that are whole words (every match that
        begins with one has a non-word character or its end right after it)
        the document does not have as words: none of them begins a match, and
        looking for them would read the prose in vain. (A region that ends
        inside a word makes a word of its first part: `cut_word_heads` finds
        that one.) Kept with the document."""
        cache = document.__dict__.setdefault("_phrase_rule_searched", {})
        found = cache.get(id(self))
        if found is None:
            heads = self.live_heads(document)
            words = heads & self.word_heads
            found = cache[id(self)] = heads - (words - document.folded_words) if words else heads
        return found

    def positions(self, document: Document, heads: set[str], start: int = 0,
                  end: int | None = None,
                  last: int | None = None) -> list[tuple[int, str]] | None:
        """Sorted (offset, head) pairs of the heads found from `start` to `end`
        at a word start; with `last`, those that begin before it, and maybe a
        few after it (the scan stops at `last`); None when the prose cannot be
        searched case-folded."""
        if "" in heads:
            heads = heads - {""}  # a prefix that opens with a class: the scan takes it all
        if not heads:
            return []
        fold = document.folded_prose
        if fold is None:
            return None
        if end is None:
            end = len(fold)
        # Every head that begins before `last` ends by `stop`.
        stop = end if last is None else min(end, last + self.longest_head)
        found = []
        find = fold.find
        is_word = _IS_WORD_CHAR
        finders = self.finders
        for head in heads:
            at = find(head, start, stop)
            if at >= 0 and (finder := finders.get(head)) is not None:
                # The head and what its rest begins with, found by `re` in C:
                # for a common head ("a", "is") far fewer hits to test here.
                # (str.find first: most heads are absent, and it says so sooner.)
                # (The rest may look on to `end`.)
                for hit in finder(fold, at, end):
                    at = hit.start()
                    if at >= stop:
                        break
                    if at == 0 or not is_word[fold[at - 1]]:
                        found.append((at, head))
                continue
            stops = 0
            while at >= 0:
                stops += 1
                if at == 0 or not is_word[fold[at - 1]]:
                    found.append((at, head))
                at = find(head, at + 1, stop)
            if stops:
                # Compiling a finder costs about as much as a few hundred stops
                # of str.find: it is made once a head proves common, counted
                # over the run (a short run then compiles none).
                counts = finders.stops
                total = counts[head] = counts.get(head, 0) + stops
                if total > _BUSY_HEAD:
                    finders[head]  # noqa: B018 - compiles on first access
        found.sort()
        return found

    def cut_word_heads(self, document: Document, start: int, end: int) -> set[str]:
        """Heads made live by a region that ends inside a word: the cut word is a
        word of its own to the rule's pattern, which cannot look past `end`."""
        prose = document.prose
        is_word = _IS_WORD_CHAR
        if end >= len(prose) or end <= start or not (is_word[prose[end]] and is_word[prose[end - 1]]):
            return set()
        at = end - 1
        while at > start and is_word[prose[at - 1]]:
            at -= 1
        if at == start and start > 0 and is_word[prose[start - 1]]:
            return set()  # the region lies inside one word
        word = prose[at:end].casefold()
        if word in document.folded_words:
            return set()
        return set(self.by_anchor.get(word, ()))


class _LazyRests(dict):
    """head -> compiled pattern of what may follow it (None: anything)."""

    def __init__(self, sources: Mapping[str, str | None], flags: int) -> None:
        super().__init__()
        self.sources = sources
        self.flags = flags

    def __missing__(self, head: str) -> regex.Pattern | None:
        source = self.sources[head]
        pattern = None if source is None else compile_pattern(source, self.flags)
        self[head] = pattern
        return pattern


class _HeadFinders(dict):
    """head -> the `finditer` of a stdlib `re` pattern for the head and the
    plain beginning of what may follow it (see `_finder_source`), run on the
    case-folded prose; None where nothing plain follows the head. A finder is
    compiled once its head proves common (`_Prefilter.positions`); until then,
    and for a head without one, str.find finds the head."""

    def __init__(self, sources: Mapping[str, str | None]) -> None:
        super().__init__()
        self.sources = sources
        #: head -> str.find stops so far, while it has no finder
        self.stops: dict[str, int] = {}

    def __missing__(self, head: str):
        import re

        source = self.sources.get(head)
        finder = None if source is None else re.compile(source).finditer
        self[head] = finder
        return finder


def _finder_source(head: str, rests: set[tuple[str, ...]]) -> str | None:
    """A stdlib `re` pattern for `head` and the plain beginning of what may
    follow it (literal characters and runs of spaces, case-folded). It finds
    every place the head is found whose rest can match there, and it may find
    more: the rest itself is still tried. (`re` finds a literal prefix quickly,
    `regex` does not; `re` calls \\s at least everything `regex` does, which a
    test checks.)"""
    import re

    plain = []
    for rest in rests:
        tokens = []
        for token in rest:
            char = _literal(token)
            if char is not None and len(char.casefold()) == 1:
                tokens.append(re.escape(char.casefold()))
            elif char is None and _SPACE_TOKEN.fullmatch(token):
                tokens.append(token)
            elif char is None and _WORD_CLASS_TOKEN.fullmatch(token):
                # No character `regex` calls \\w is one `re` calls \\s.
                tokens.append(token.replace("[\\w]", "\\S"))
            else:
                break
        plain.append(tuple(tokens))
    # `finditer`'s hits do not overlap: a head that can overlap itself keeps str.find.
    overlaps = any(head[k:] == head[: len(head) - k] for k in range(1, len(head)))
    if head and plain and () not in plain and not overlaps:
        return re.escape(head) + "(?=" + _token_trie(plain) + ")"
    return None


def _token_trie(sequences: Iterable[tuple[str, ...]]) -> str:
    """An alternation of token sequences, factored by common leading tokens."""
    root: dict = {}
    for tokens in sequences:
        node = root
        for token in tokens:
            node = node.setdefault(token, {})
        node[None] = {}

    def emit(node: dict) -> str:
        alts = [token + emit(child) for token, child in sorted(
            ((t, c) for t, c in node.items() if t is not None))]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if None in node else body

    return emit(root)


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
