"""The fast word-run set (`Document.folded_words`) agrees with the regex it replaces."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import Document, word_runs

_ALPHABET = st.sampled_from(
    list("abcXYZ_019 .,;:!?'\"-\n\t\r\x0b\x0c\x1c\x1f\x7f")
    + list("éßİﬁ’“”—…£€\xa0\u2009\u2028\u200b\u0301\u00b2\u0663\u203f\ufeff")
    + ["🎉", "\ud800", "ǅ", "ﾞ", "\u3000", "\x85", "中文"]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(_ALPHABET, max_size=120).map("".join))
_RUN = regex.compile(r"\w+")


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_word_runs_match_the_regex(text):
    assert word_runs(text) == frozenset(_RUN.findall(text))


def test_folded_words():
    doc = Document("Don’t PANIC: São Paulo’s 2nd_round, ﬁne.\n")
    assert doc.folded_words == {"don", "t", "panic", "são", "paulo", "s", "2nd_round", "fine"}


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_folded_prose_is_the_casefolded_prose(text):
    # folded_prose takes a short cut when casefold leaves every non-ASCII
    # character alone: it must give casefold's answer all the same
    folded = text.casefold()
    expected = folded if len(folded) == len(text) else None
    assert Document(text).folded_prose == expected
