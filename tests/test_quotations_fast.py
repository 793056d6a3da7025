"""The quotation parser's shortcuts agree with what they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.quotations import _ENOUGH_WORDS, _WORD, SPEECH_MIN_WORDS, _find_marks

_ALPHABET = st.sampled_from(
    list("ab XY_09 .,'’‘\"“”«»‚‛„‹›‟-\n\xa0é²٣")
    + ["it's", "rock 'n' roll", "’90s", "''", "ﬁ", "\u0301", "中"]
)
TEXT = st.one_of(st.text(max_size=80), st.lists(_ALPHABET, max_size=60).map("".join))
_ANY_MARK = re.compile("[\"'“”‘’„‚«»‹›‟‛]")


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_enough_words_counts_as_the_word_pattern(text):
    assert bool(_ENOUGH_WORDS.search(text)) == (len(_WORD.findall(text)) >= SPEECH_MIN_WORDS)


@settings(max_examples=1000, deadline=None)
@given(TEXT)
def test_the_mark_scan_leaves_out_only_apostrophes_between_letters(text):
    def inside_word(i: int) -> bool:
        return (text[i] in "'’‘" and 0 < i < len(text) - 1
                and text[i - 1].isalnum() and text[i + 1].isalnum())

    expected = [(m.start(), m.group()) for m in _ANY_MARK.finditer(text)
                if not inside_word(m.start())]
    assert _find_marks(text) == expected


@settings(max_examples=1000, deadline=None)
@given(TEXT)
def test_five_pieces_starting_with_a_letter_or_digit_are_five_words(text):
    # is_speech's shortcut: when it answers, the word pattern agrees
    parts = text.split(None, SPEECH_MIN_WORDS - 1)
    if len(parts) == SPEECH_MIN_WORDS and all(part[0].isalnum() for part in parts):
        assert len(_WORD.findall(text)) >= SPEECH_MIN_WORDS
