"""_trie, read off the sorted words, against a trie built and emitted node by node."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from newslint.plugins.attribution import _WORD_RUN, _literal_words, _trie


def _trie_nodes(words) -> dict:
    """`words` case-folded as a trie: character -> node, "" marking a word's end."""
    root: dict = {}
    for word in {w.casefold() for w in words if w}:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def _plain_trie(words) -> str:
    """_trie as first written: a trie of dicts, emitted one call per node."""

    def emit(node: dict) -> str:
        end = "" in node
        alts = [regex.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return emit(_trie_nodes(words))


_WORDS = st.lists(st.text(alphabet="abcsdeß -.'’", max_size=8), max_size=30)


@settings(max_examples=400, deadline=None)
@given(_WORDS)
def test_trie_matches_the_plain_emitter(words):
    assert _trie(words) == _plain_trie(words)


@settings(max_examples=200, deadline=None)
@given(_WORDS, st.text(alphabet="abcsdeß -.'’", max_size=10))
def test_trie_matches_exactly_its_words(words, probe):
    source = _trie(words)
    folded = {w.casefold() for w in words if w}
    if not folded:
        assert source == ""
        return
    assert (regex.fullmatch(f"(?:{source})", probe) is not None) == (probe in folded)


def test_trie_of_nothing():
    assert _trie([]) == _plain_trie([]) == ""


def _plain_literal_words(literals):
    """_literal_words as first written: the regex for every form."""
    words, blocked = set(), set()
    for literal in literals:
        for form in {literal.lower(), literal.casefold()}:
            head = _WORD_RUN.match(form)
            if head is None or head.end() != len(form):
                blocked.add(head.group() if head is not None else "")
            elif form.isascii() and literal.isascii():
                words.add(form)
    return words, blocked


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="aZ9_ -.'’ßÉéİ\u0301\u200d", max_size=6), max_size=20))
def test_literal_words_match_the_regex_reading(literals):
    assert _literal_words(literals) == _plain_literal_words(literals)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=6), max_size=20))
def test_literal_words_match_the_regex_reading_any_text(literals):
    assert _literal_words(literals) == _plain_literal_words(literals)
