"""NL401 finds speech acts by trying its pattern only at the words a speech act
can begin with, and takes a word the pattern can only match as itself
(`whole_cue_words`) without trying the pattern: the same cues as the pattern's
own scan of the span (finditer, less the cues inside compounds)."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

_PIECES = [
    "said", "Said", "SAYS", "told", "joined", "joined in", "summed up", "states", "states that",
    "the United States", "they state that", "state", "addressed", "addressed to", "pointed out",
    "pointed", "went on", "in", "in a statement", "in her own words", "according to", "from the report",
    "put it", "quoted as saying", "wanted to know", "co-written", "well-said", "said-", "Lee", "the mayor",
    "unsaid", "saidx", "é", "café", "ſaid", "K", "_said", "said_", "2said", "“Done,”", "“", "”", "'",
    ",", ".", ":", ";", "—", "-", "(", ")", "\u00a0", "\t", "\n", "  ", " ",
]
_TEXT = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=16).map(" ".join) | st.lists(
    st.sampled_from(_PIECES), min_size=1, max_size=16
).map("".join)


@lru_cache(maxsize=1)
def _rule():
    from newslint.config import Config
    from newslint.engine import Linter

    return Linter().registry_for(Config()).rules["NL401"]


def test_whole_cue_words_read_from_the_pack():
    rule = _rule()
    whole = rule.whole_cue_words
    assert {"said", "says", "told", "added"} <= whole
    # Words that begin longer speech acts, or whose match depends on what follows.
    assert not whole & {"joined", "states", "state", "addressed", "pointed", "in", "according"}
    assert whole <= rule.cue_words


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.integers(0, 4), st.integers(0, 4))
def test_cue_scan_finds_the_pattern_matches(text, cut_lo, cut_hi):
    from newslint.plugins.attribution import _Q, _Context, _cue_text

    rule = _rule()
    pattern = rule.compiled[0]
    # Quotation masks inside the text, as in a masked paragraph.
    masked = text.replace("“Done,”", _Q * 7)
    lo, hi = min(cut_lo, len(masked)), max(len(masked) - cut_hi, 0)
    lo = min(lo, hi)
    fast = _Context.__new__(_Context)
    fast.pattern, fast.timeout = pattern, None
    fast.words, fast.whole_words = rule.cue_words, rule.whole_cue_words
    slow = _Context.__new__(_Context)
    slow.pattern, slow.timeout, slow.words, slow.whole_words = pattern, None, None, frozenset()
    expected = list(slow._speech_acts(masked, lo, hi))
    assert list(fast._speech_acts(masked, lo, hi)) == expected, masked
    assert all(cue == _cue_text(masked[a:b]) for a, b, cue in expected)
