"""is_speech's shortcut pattern against the reading it replaces: the first
five pieces of str.split(" ") each start with a character str.isalnum accepts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.quotations import _FIVE_PIECES, SPEECH_MIN_WORDS


def _five_pieces(text: str) -> bool:
    parts = text.split(" ", SPEECH_MIN_WORDS - 1)
    return len(parts) == SPEECH_MIN_WORDS and all(part[:1].isalnum() for part in parts)


_PIECES = st.sampled_from(
    [" ", "  ", "a", "Word", "_x", "5", "£5", "é", "²", "٣", "-", "'s", "\u00a0", "\t", "\n", "x_y"]
)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(max_size=40), st.lists(_PIECES, max_size=20).map("".join)))
def test_five_pieces_pattern_matches_the_split_reading(text):
    assert bool(_FIVE_PIECES.match(text)) == _five_pieces(text)


def test_every_character_first_in_a_piece():
    for code in range(0x110000):
        c = chr(code)
        text = " ".join([c] * SPEECH_MIN_WORDS)
        assert bool(_FIVE_PIECES.match(text)) == _five_pieces(text), hex(code)
