"""The prose mask's `blank` agrees with the regex substitution it replaces;
its shortcut for spans shown in order agrees with the general build."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.markup.mask import ProseMask, blank

_NOT_NEWLINE = regex.compile(r"[^\r\n]+")
_ALPHABET = st.sampled_from(list("ab #>-*\t\r\n\x0b\x0c\x1c\x85\u2028\u2029’"))


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_ALPHABET, max_size=40).map("".join)))
def test_blank_keeps_only_line_breaks(text):
    assert blank(text) == _NOT_NEWLINE.sub(lambda m: " " * len(m.group(0)), text)


_SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=8)


@settings(max_examples=500, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join), _SPANS, _SPANS)
def test_build_of_spans_in_order_is_the_general_build(text, shown, hidden):
    mask = ProseMask(text)
    for s, e in shown:
        mask.show(s, e)
    for s, e in hidden:
        mask.hide(s, e)
    spans = mask.visible_spans()
    expected, cursor = [], 0
    for s, e in spans:
        expected += [blank(text[cursor:s]), text[s:e]]
        cursor = e
    expected.append(blank(text[cursor:]))
    assert mask.build() == "".join(expected)
