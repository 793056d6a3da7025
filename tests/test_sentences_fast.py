"""split_sentences against the straightforward reading it was written from:
judge every match of the boundary pattern (finding the word before a period
with the regex), then trim each span."""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.sentences import (
    _ABBREVIATIONS,
    _SPACE,
    _TITLES,
    _WORD_BEFORE,
    _next_word_opens,
    split_sentences,
)

_BOUNDARY = regex.compile(r"""(?:\.{3}|…|[.!?]+)["'”’»)\]]*(?=\s+(["'“‘«(\[]*)(\S))""")


def _is_boundary(prose: str, punct_start: int, punct: str, next_char: str) -> bool:
    if next_char.islower():
        return False
    if not punct.startswith((".", "…")) or punct.startswith(("...", "…")):
        return True
    m = _WORD_BEFORE.search(prose, max(0, punct_start - 40), punct_start)
    if not m:
        return True
    word = m.group(1)
    lower = word.lower()
    if "." in word:
        return _next_word_opens(prose, punct_start)
    if len(word) == 1 and word.isalpha():
        return not next_char.isdigit() and (word == "I" or not word.isupper())
    if lower in _TITLES:
        return lower in {"no", "nos"} and not next_char.isdigit()
    if lower in _ABBREVIATIONS:
        return _next_word_opens(prose, punct_start)
    return True


def _reference(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for m in _BOUNDARY.finditer(prose, start, end):
        if _is_boundary(prose, m.start(), m.group(0), m.group(2)):
            spans.append((cursor, m.end()))
            cursor = m.end()
    spans.append((cursor, end))
    trimmed = []
    for s, e in spans:
        piece = prose[s:e]
        stripped = piece.lstrip()
        if stripped:
            s += len(piece) - len(stripped)
            trimmed.append((s, s + len(stripped.rstrip())))
    return trimmed


_ALPHABET = st.sampled_from(
    list("abcXYZI _.,;:!?\n\t\x0b\x1c\x1f\x85\xa0\u2009\u2028\u3000\u180e\u200b'\"“”‘’«»()[]…0123é")
    + ["Mr", "U.S", "No", "etc", "The", "p", "...", ". ", "abcdefghijklmnopqrstu", "a.b", "\n\n"]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.integers(0, 60), st.integers(0, 60))
def test_split_sentences_matches_the_reference(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert split_sentences(text, start, end) == _reference(text, start, end)


def test_the_space_class_is_regex_white_space():
    every_character = "".join(map(chr, range(0x110000)))
    assert re.findall(_SPACE, every_character) == regex.findall(r"\s", every_character)
    assert re.findall(r"[\S\x1c-\x1f]", every_character) == regex.findall(r"\S", every_character)


_BLOCKS = st.lists(st.lists(_ALPHABET, max_size=25).map("".join), max_size=6)


@settings(max_examples=300, deadline=None)
@given(_BLOCKS)
def test_document_sentences_match_split_sentences_per_block(paragraphs):
    # Document.sentences finds the boundary candidates of the whole prose once
    # and hands each block its share: the same spans as block by block
    from newslint.document import Document

    doc = Document("\n\n".join(paragraphs))
    expected = [
        (s, e, index)
        for index, block in enumerate(doc.blocks)
        for s, e in split_sentences(doc.prose, block.start, block.end)
    ]
    assert [tuple(s) for s in doc.sentences] == expected
