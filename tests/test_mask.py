"""The prose mask's `blank` agrees with the regex substitution it replaces."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.markup.mask import blank

_NOT_NEWLINE = regex.compile(r"[^\r\n]+")
_ALPHABET = st.sampled_from(list("ab #>-*\t\r\n\x0b\x0c\x1c\x85\u2028\u2029’"))


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_ALPHABET, max_size=40).map("".join)))
def test_blank_keeps_only_line_breaks(text):
    assert blank(text) == _NOT_NEWLINE.sub(lambda m: " " * len(m.group(0)), text)
