"""compile_pattern writes a named list of plain words out as an alternation
(word_trie): every match must be the one the named list itself gives."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import compile_pattern, word_trie

_WORD = st.text(alphabet="abkAB s-'", min_size=1, max_size=6)
_TEXT = st.text(alphabet="abkAKB s-'.,\u212a\u017f", max_size=24)
# The list in the contexts packs put it in: alone, before and after more
# pattern, repeated, optional, in a case-sensitive group, in a lookbehind.
_SOURCES = [
    r"\L<w>",
    r"(?<!\w)\L<w>(?!\w)",
    r"\L<w>b",
    r"a\s*\L<w>",
    r"(?:\L<w>\s+){0,2}\L<w>",
    r"\L<w>?s",
    r"(?-i:\L<w>)\s",
    r"(?<=\L<w>)\s*b",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=8), _TEXT, st.sampled_from(_SOURCES),
       st.sampled_from([regex.V0, regex.V0 | regex.IGNORECASE]))
def test_a_written_out_list_matches_as_the_named_list(words, text, source, flags):
    written = compile_pattern(source, flags, w=words)
    named = regex.compile(source, flags, w=words)
    # (written out when every word is in lower case; left to regex otherwise)
    assert ("\\L<" not in written.pattern) == all(w == w.lower() for w in words)
    for at in range(len(text) + 1):
        found, expected = written.match(text, at), named.match(text, at)
        assert (found and found.span()) == (expected and expected.span()), (at, text)
    assert [m.span() for m in written.finditer(text)] == [m.span() for m in named.finditer(text)]


@pytest.mark.parametrize(("source", "flags", "words"), [
    (r"\L<w>", regex.IGNORECASE, ["straße", "strasse"]),  # not ASCII: case folding may differ
    (r"\L<w>", regex.IGNORECASE, ["A", "aa"]),  # not lower case: "A" would come first
    (r"\L<w>", regex.V1 | regex.IGNORECASE, ["said"]),  # full case folding
    (r"(?r)\L<w>", 0, ["said"]),  # matched backwards
    (r"(?:\L<w>){e<=1}", 0, ["said"]),  # fuzzy
    (r"(?#a comment)\L<w>", 0, ["said"]),  # (the alternation's ")" would end a comment)
])
def test_lists_that_might_read_differently_are_left_to_regex(source, flags, words):
    assert "\\L<w>" in compile_pattern(source, flags, w=words).pattern


def test_word_trie_factors_by_prefix_and_prefers_the_longest_word():
    source = word_trie(["say", "said", "says", "saying", "told"])
    assert source == "(?:sa(?:id|y(?:(?:ing|s))?)|told)"
    assert regex.match(source, "sayings").group() == "saying"
    assert word_trie(["e-mail", "e mail"]) == r"e(?:\ mail|\-mail)"
    assert word_trie([]) == ""
