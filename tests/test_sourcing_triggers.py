"""NL101/NL102 look for their trigger words with str.find; the windows around
them must be exactly those the trigger pattern's own scan gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from newslint.plugins import sourcing

from newslint.engine import Linter

LINTER = Linter()
RULES = [LINTER.registry.rules[code] for code in ("NL101", "NL102")]


def _windows(rule, text: str, path: str = "a.txt", fast: bool = True):
    document = LINTER.document(text, path, LINTER.finder.for_path(path))
    if fast:
        return rule.regions(document)
    real = rule._trigger_words_plain
    try:
        rule._trigger_words_plain = False  # the pattern's own scan
        return rule.regions(document)
    finally:
        rule._trigger_words_plain = real


def _words() -> list[str]:
    words = ["the", "said", "on", "Tuesday", "council", "plan", "x", "Officials'", "e-mails"]
    for rule in RULES:
        words += rule._trigger_words()[:40]
    return words


PIECES = st.sampled_from(_words() + [" ", "  ", ", ", ". ", "\n\n", "-", "’", "£", "é", "_"])
TEXTS = st.lists(PIECES, max_size=60).map(lambda parts: "Headline\n\n" + " ".join(parts))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_trigger_windows_match_the_patterns_scan(text):
    for rule in RULES:
        assert _windows(rule, text) == _windows(rule, text, fast=False)


class _Overlapping(sourcing.VagueSource):
    """Multi-word trigger words that overlap, as a custom pack could list."""

    def _trigger_words(self):
        return ["party officials", "officials close", "officials"]


def test_overlapping_trigger_words_give_the_patterns_windows():
    rule = _Overlapping()
    rule.lists = {}
    filler = " ".join(["x" * 84 + "ly"] * 3)
    for text in (
        f"Headline\n\nParty officials close {filler} say the plan will fail.\n",
        "Headline\n\nofficials close officials party officials close\n",
    ):
        assert _windows(rule, text) == _windows(rule, text, fast=False)


def _matches(rule, text: str, fast: bool):
    document = LINTER.document(text, "a.txt", LINTER.finder.for_path("a.txt"))
    found = []
    for start, end in rule.regions(document):
        scan = rule.scan if fast else super(sourcing._SourcingRule, rule).scan
        found += [(m.span(), m.group(0)) for m in scan(document, start, end)]
    return found


SCAN_WORDS = _words() + [
    "A", "new", "Pentagon", "found", "shows", "according", "to", "amid", "that", "of",
    "reports", "say", "by", "Reuters", "x" * 120, "some", "said", "critics",
]
SCAN_TEXTS = st.lists(
    st.sampled_from(SCAN_WORDS + [" ", ", ", ". ", "\n\n", "-", "’", "é"]), max_size=80
).map(lambda parts: "Headline\n\n" + " ".join(parts))


@settings(max_examples=300, deadline=None)
@given(SCAN_TEXTS)
def test_scan_to_last_trigger_finds_what_the_window_scan_finds(text):
    for rule in RULES:
        assert _matches(rule, text, fast=True) == _matches(rule, text, fast=False)


def test_a_window_that_cuts_a_trigger_word_is_scanned_whole():
    rule = LINTER.registry.rules["NL101"]
    head = "Headline\n\nPolls reports"
    tail = " according to new "
    # The window after "reports" ends 200 characters on, inside "studiesque":
    # "according to new studies" then matches there, after the last trigger word.
    pad = 200 - len(tail) - len("studies")
    text = head + " " + "x" * (pad - 1) + tail + "studiesque and more.\n"
    fast = _matches(rule, text, fast=True)
    assert fast == _matches(rule, text, fast=False)
    assert fast and fast[-1][1] == "according to new studies"
