"""The quotation parser's shortcuts agree with what they replace."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.quotations import (
    _CLOSING_STRIP,
    _ENOUGH_WORDS,
    _INNER_SENTENCE_END,
    _OPENING_STRIP,
    _WORD,
    SPEECH_MIN_WORDS,
    _find_marks,
    is_speech,
)

_ALPHABET = st.sampled_from(
    list("ab XY_09 .,\t'’‘\"“”«»‚‛„‹›‟-\n\xa0é²٣")
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


def _reference_is_speech(text: str) -> bool:
    """is_speech as first written: the word pattern counts the words."""
    if text.count(" ") + 1 >= SPEECH_MIN_WORDS and len(_WORD.findall(text)) >= SPEECH_MIN_WORDS:
        return True
    if "?" in text or "!" in text:
        return True
    if "." not in text and "…" not in text:
        return False
    if any(m.group(1).isupper() for m in _INNER_SENTENCE_END.finditer(text)):
        return True
    if text.rstrip(_CLOSING_STRIP).endswith((".", "…")):
        first = text.lstrip(_OPENING_STRIP)[:1]
        return first.isupper() or first.isdigit()
    return False


@settings(max_examples=1000, deadline=None)
@given(TEXT)
@example("one\ttwo\nthree\xa0four\u2009five")  # five words, no spaces
@example("one two  three four five")
@example("it's not 'what' she said")
def test_is_speech_matches_the_reference(text):
    assert is_speech(text) == _reference_is_speech(text)
