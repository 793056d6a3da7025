"""Arbitrary text through the whole pipeline: no exception, and every finding's
text is exactly the file's text at its offsets."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import lint_text

# Text biased towards what the readers and rules care about.
_ALPHABET = st.sampled_from(
    list("abcXYZ .,;:!?\n\r\t-—…'\"“”‘’«»„*_`#>[]()<>!&{}%|\\/0123456789")
    + ["REJECTED ", "criminal elements ", "critics say ", "said ", "<!-- x -->", "---\n",
       "```\n", "é", "\u0301", "🎉", "\ufeff", "\x00"]
)
TEXT = st.one_of(st.text(max_size=400), st.lists(_ALPHABET, max_size=120).map("".join))


def _check(text: str, path: str) -> None:
    for f in lint_text(text, path=path):
        assert text[f.start : f.end] == f.text
        assert 1 <= f.line <= f.end_line
        assert f.start <= f.end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_plain_text_pipeline(text):
    _check(text, "story.txt")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_markdown_pipeline(text):
    _check(text, "story.md")
