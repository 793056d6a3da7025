"""Suppression comments: an editor overrules findings without leaving the file.

In Markdown and HTML the directives are HTML comments; in plain text, a line of
its own (the readers record both as `Document.comments`):

    <!-- newslint-disable NL202 -->  ...  <!-- newslint-enable NL202 -->
    <!-- newslint-disable-next-line unattributed-quote -->
    A line with a finding. <!-- newslint-disable-line -->

A directive with no rule names covers every rule; rules are named by code,
name or prefix (``NL2``), separated by spaces or commas; an optional reason
follows `` -- ``. Ranges are offsets, so a directive works inside a paragraph.

`apply_suppressions` runs after the rules: it drops suppressed findings and
reports directives that name unknown rules (NL002) and, when NL001 is selected
(``--report-unused-disables``), suppressions that suppressed nothing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import regex

# The rules NL001 and NL002 live with the core's plugin, which registers them:
# this module is imported only for a document that has comments.
from newslint.builtin import INVALID_CODE, OWN_CODES, UNUSED_CODE
from newslint.document import Comment, Document
from newslint.finding import Finding
from newslint.patterns import compile_pattern
from newslint.records import TupleRecord
from newslint.rules import Rule

_DIRECTIVE = compile_pattern(
    r"\A\s*newslint-(?P<kind>disable-next-line|disable-line|disable|enable)(?=\s|\Z)(?P<rest>.*)\Z",
    regex.DOTALL,
)
_ANY_DIRECTIVE = compile_pattern(r"\A\s*newslint-\S*")
_REASON = compile_pattern(r"(?:^|\s)--(?:\s|$)")
_SELECTOR = compile_pattern(r"[^\s,]+")


@dataclass
class Directive:
    kind: str  # disable, enable, disable-next-line, disable-line
    comment: Comment
    selectors: list[tuple[str, int, int, frozenset[str]]]  # (text, start, end, codes)
    reason: str | None = None
    used: set[str] = field(default_factory=set)  # codes it suppressed
    suppressed: int = 0

    @property
    def blanket(self) -> bool:
        return not self.selectors

    @property
    def codes(self) -> frozenset[str] | None:
        if self.blanket:
            return None
        out: frozenset[str] = frozenset()
        for _, _, _, codes in self.selectors:
            out |= codes
        return out


class Span(TupleRecord):
    """Offsets [start, end) where `codes` (None: every rule) minus `excluded` are off."""

    __slots__ = ()
    _fields = ("start", "end", "codes", "excluded", "directive")
    start: int
    end: int
    codes: frozenset[str] | None
    excluded: frozenset[str]
    directive: Directive

    def __new__(cls, start: int, end: int, codes: frozenset[str] | None,
                excluded: frozenset[str], directive: Directive) -> Span:
        return tuple.__new__(cls, (start, end, codes, excluded, directive))

    def covers(self, finding: Finding) -> bool:
        if not (self.start <= finding.start < self.end):
            return False
        if finding.code in self.excluded:
            return False
        return self.codes is None or finding.code in self.codes


def _codes_for(selector: str, rules: Mapping[str, Rule]) -> frozenset[str]:
    from newslint.selection import selector_matches

    return frozenset(code for code, rule in rules.items() if selector_matches(selector, rule))


def parse_directives(
    document: Document, rules: Mapping[str, Rule]
) -> tuple[list[Directive], list[tuple[int, int, str]]]:
    """The directives in the document's comments, and problems as (start, end, message)."""
    directives: list[Directive] = []
    problems: list[tuple[int, int, str]] = []
    text = document.text
    for comment in sorted(document.comments, key=lambda c: c.start):
        body = comment.body or ""
        if not _ANY_DIRECTIVE.match(body):
            continue
        found = text.find(body, comment.start, comment.end)
        base = found if found >= 0 else comment.start
        m = _DIRECTIVE.match(body)
        if m is None:
            word = _ANY_DIRECTIVE.match(body).group(0).strip()
            s = base + len(body) - len(body.lstrip()) if found >= 0 else comment.start
            e = s + len(word) if found >= 0 else comment.end
            problems.append((
                s, e,
                f"“{word}” is not a newslint directive; write newslint-disable, "
                "newslint-enable, newslint-disable-next-line or newslint-disable-line.",
            ))
            continue
        rest = m.group("rest")
        rest_offset = m.start("rest")
        reason = None
        rm = _REASON.search(rest)
        if rm:
            reason = rest[rm.end():].strip() or None
            rest = rest[: rm.start()]
        selectors = []
        for sm in _SELECTOR.finditer(rest):
            name = sm.group(0)
            s = base + rest_offset + sm.start() if found >= 0 else comment.start
            e = base + rest_offset + sm.end() if found >= 0 else comment.end
            codes = _codes_for(name, rules)
            if not codes:
                problems.append((
                    s, e,
                    f"“{name}” in this suppression comment is not a rule; name a rule by its "
                    "code (NL202), name (loaded-language) or a code prefix (NL2).",
                ))
            selectors.append((name, s, e, codes))
        directives.append(Directive(m.group("kind"), comment, selectors, reason))
    return directives, problems


def _line_range(document: Document, line: int) -> tuple[int, int]:
    starts = document.line_starts
    if line > len(starts):
        return len(document.text), len(document.text)
    start = starts[line - 1]
    end = starts[line] if line < len(starts) else len(document.text) + 1
    return start, end


def build_spans(document: Document, directives: Iterable[Directive]) -> list[Span]:
    spans: list[Span] = []
    open_: list[tuple[Directive, int, frozenset[str] | None, frozenset[str]]] = []
    for d in directives:
        c = d.comment
        if d.kind == "disable-line":
            first, _ = document.position(c.start)
            last, _ = document.position(max(c.start, c.end - 1))
            spans.append(Span(_line_range(document, first)[0], _line_range(document, last)[1],
                              d.codes, frozenset(), d))
        elif d.kind == "disable-next-line":
            last, _ = document.position(max(c.start, c.end - 1))
            s, e = _line_range(document, last + 1)
            spans.append(Span(s, e, d.codes, frozenset(), d))
        elif d.kind == "disable":
            open_.append((d, c.end, d.codes, frozenset()))
        else:  # enable
            enabled = d.codes
            still_open = []
            for od, start, codes, excluded in open_:
                if enabled is None:
                    spans.append(Span(start, c.start, codes, excluded, od))
                elif codes is None:
                    spans.append(Span(start, c.start, codes, excluded, od))
                    still_open.append((od, c.end, None, excluded | enabled))
                elif codes & enabled:
                    spans.append(Span(start, c.start, codes, excluded, od))
                    if codes - enabled:
                        still_open.append((od, c.end, codes - enabled, excluded))
                else:
                    still_open.append((od, start, codes, excluded))
            open_ = still_open
    for od, start, codes, excluded in open_:
        spans.append(Span(start, len(document.text) + 1, codes, excluded, od))
    return spans


def apply_suppressions(
    document: Document,
    findings: list[Finding],
    rules: Mapping[str, Rule],
    running: Iterable[str],
) -> list[Finding]:
    """The findings that no directive suppresses, plus NL001/NL002 findings
    (only for those of the two rules that are in `running`)."""
    if not document.comments:
        return findings
    running = set(running)
    directives, problems = parse_directives(document, rules)
    if not directives and not problems:
        return findings
    spans = build_spans(document, directives)
    kept: list[Finding] = []
    for f in findings:
        hit = None
        if f.code not in OWN_CODES:
            for span in spans:
                if span.covers(f):
                    hit = span
                    break
        if hit is None:
            kept.append(f)
        else:
            hit.directive.used.add(f.code)
            hit.directive.suppressed += 1

    invalid = rules.get(INVALID_CODE)
    if invalid is not None and INVALID_CODE in running:
        for s, e, message in problems:
            kept.append(invalid.finding(document, s, e, message))
    unused = rules.get(UNUSED_CODE)
    if unused is not None and UNUSED_CODE in running:
        for d in directives:
            if d.kind == "enable":
                continue
            c = d.comment
            if d.blanket:
                if d.suppressed == 0:
                    kept.append(unused.finding(
                        document, c.start, c.end,
                        f"This newslint-{d.kind} comment suppressed nothing; remove it.",
                    ))
                continue
            idle = [
                (name, s, e) for name, s, e, codes in d.selectors
                if codes and codes & running and not codes & d.used
            ]
            if idle:
                names = ", ".join(name for name, _, _ in idle)
                kept.append(unused.finding(
                    document, idle[0][1], idle[-1][2],
                    f"This newslint-{d.kind} comment suppressed no {names} finding; "
                    f"remove {'it' if len(idle) == len(d.selectors) else names} from the comment.",
                ))
    return kept
