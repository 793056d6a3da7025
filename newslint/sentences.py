"""Sentence splitting tuned for news copy.

A boundary is sentence-ending punctuation (., !, ?, …), any closing quotation
marks or brackets after it, then whitespace, then something that can start a
sentence. Abbreviations common in news copy (titles, state names, months,
U.S., a.m., No. 1, initials) do not end sentences unless the next word is one
that typically opens a sentence."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from newslint.patterns import compile_pattern

# (?:\.{3}|…|[.!?]+)["'”’»)\]]*(?=\s+(["'“‘«(\[]*)(\S)) for the `regex` module,
# written for `re`, which scans for it twice as fast: every branch opens with
# a literal (so re looks for those characters first), tried in the same
# order; and \s is Unicode White_Space, as in `regex` (str.isspace also
# counts \x1c-\x1f).
_SPACE = r"[^\S\x1c-\x1f]"
_BOUNDARY = re.compile(
    r"""(?:\.(?:\.\.|[.!?]*)|…|![.!?]*|\?[.!?]*)["'”’»)\]]*"""
    r"""(?=""" + _SPACE + r"""+(["'“‘«(\[]*)([\S\x1c-\x1f]))"""
)

# The opening marks and brackets the pattern allows before a sentence's first character.
_OPENERS = frozenset("\"'“‘«([")

# Words that never end a sentence when followed by a period: titles and the like.
_TITLES = frozenset(
    """mr mrs ms dr gen sen rep gov lt col sgt capt cmdr adm maj prof st mt ft rev hon
    pres supt det insp cpl pvt gov atty messrs mmes mme mlle msgr fr sr jr
    no nos vol vols fig figs pp p op art sec ch""".split()
)
# Abbreviations that may end a sentence: split only before a typical sentence opener.
_ABBREVIATIONS = frozenset(
    """inc corp co ltd llc plc bros dept univ assn est approx vs etc al jan feb mar apr
    jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn
    miss mo mont neb nebr nev okla ore pa penn penna tenn tex va vt wash wis wisc wyo
    wash""".split()
)
_ABBREVIATED = _TITLES | _ABBREVIATIONS
_SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you his her its their our my this that these those
    but and or so yet in on at for with after before when while as if there here
    however meanwhile still then now last next some many most all both one two
    what who why how where no not mr mrs ms dr""".split()
)

# Searched backwards from the period ((?r)): the same match as a forward search,
# without trying every start in the window.
_WORD_BEFORE = compile_pattern(r"(?r)(\w+(?:\.\w+)*)\.?$")


def _period_ends(prose: str, punct_start: int, next_char: str, word: str) -> bool:
    """Whether a period (not an ellipsis) before a character that is not lower
    case ends a sentence: that depends on the word it ends. `word`: what lies
    between the last space of the 40 characters before the period and the
    period ("" without a space), as split_blocks reads it."""
    # Commonly the word is plain ASCII letters or digits after a space: no
    # need to search for it.
    if not word or not word.isascii() or not word.isalnum():
        m = _WORD_BEFORE.search(prose, max(0, punct_start - 40), punct_start)
        if not m:
            return True
        word = m.group(1)
    if "." in word:  # U.S., a.m., D.C., e.g.
        return _next_word_opens(prose, punct_start)
    if len(word) == 1 and word.isalpha():
        # An initial (J. Smith) or a page (p. 12); a lone lower-case letter
        # before a capital is a sentence end ("plan b. Then").
        if next_char.isdigit():
            return False
        return word == "I" or not word.isupper()
    lower = word.lower()
    if lower in _TITLES:
        if lower in {"no", "nos"} and not next_char.isdigit():
            return True
        return False
    if lower in _ABBREVIATIONS:
        return _next_word_opens(prose, punct_start)
    return True


_NEXT_WORD = compile_pattern(r"[.]+[\"'”’»)\]]*\s+[\"'“‘«(\[]*(\w+)")


def _next_word_opens(prose: str, punct_start: int) -> bool:
    m = _NEXT_WORD.match(prose, punct_start)
    return bool(m) and m.group(1).lower() in _SENTENCE_OPENERS


def boundary_candidates(prose: str, start: int = 0, end: int | None = None) -> list[int]:
    """The offsets of . ! ? and … in prose[start:end], in order: every boundary
    starts at one of them. str.find runs through the text between them many
    times faster than re scans for the boundary pattern's first character."""
    found: list[int] = []
    append, find = found.append, prose.find
    for c in ".!?…":
        i = find(c, start, end)
        while i >= 0:
            append(i)
            i = find(c, i + 1, end)
    found.sort()
    return found


def split_sentences(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within prose[start:end], trimmed of surrounding whitespace."""
    candidates = boundary_candidates(prose, start, end)
    return [(s, e) for s, e, _ in split_blocks(prose, [(None, start, end)], candidates)]


def split_blocks(prose: str, blocks: Sequence[tuple], candidates: list[int] | None = None,
                 cls: type = tuple) -> list:
    """The sentences of every block (a tuple (kind, start, end, ...), as
    `Block`) as `cls` tuples (start, end, block index), in block order.
    `candidates`: `boundary_candidates` of the prose, or of the blocks' stretch."""
    sentences: list = []
    add = sentences.append
    new = tuple.__new__
    if candidates is None:
        candidates = boundary_candidates(prose)
    # _BOUNDARY.finditer, tried only where a match can start
    match = _BOUNDARY.match
    for index, block in enumerate(blocks):
        start, end = block[1], block[2]
        cursor = start  # where the current sentence starts, past any whitespace
        if start < end and prose[start].isspace():
            cursor = end - len(prose[start:end].lstrip())
        after = start  # where the last match ended
        for i in candidates[bisect_left(candidates, start) : bisect_left(candidates, end)]:
            if i < after:
                continue
            c = prose[i]
            j = i + 1
            if j + 1 < end and prose[j] == " " and (next_char := prose[j + 1]) not in _OPENERS \
                    and not next_char.isspace():
                # The commonest boundary (punctuation, one space, then neither a
                # space nor an opening mark) read without the pattern: the match
                # is the punctuation alone, what follows it starts at j + 1.
                after = j
                next_start = j + 1
                ellipsis = False
                unsure = False  # next_start holds next_char, not a space
            else:
                # (the pattern needs whitespace after the punctuation: never at
                # the block's end, nor before a letter or digit, as in 1.5 or e.g)
                if j >= end or prose[j].isalnum():
                    continue
                m = match(prose, i, end)
                if m is None:
                    continue
                after = m.end()
                next_char = m.group(2)
                next_start = m.start(1)
                ellipsis = c == "." and prose.startswith("...", i)
                unsure = True
            # Whatever follows must be able to start a sentence.
            if next_char.islower():
                continue
            # ! ? … and ... end a sentence before anything else; a period depends
            # on the word before it (a match that starts with three periods
            # holds them all).
            if c == "." and not ellipsis:
                # The commonest case inline: a plain word of two or more ASCII
                # letters or digits after a space, not an abbreviation (what
                # _period_ends would find at more cost).
                space = prose.rfind(" ", i - 40 if i > 40 else 0, i)
                word = prose[space + 1 : i] if space >= 0 else ""
                if not (len(word) > 1 and word.isascii() and word.isalnum()
                        and word.lower() not in _ABBREVIATED) \
                        and not _period_ends(prose, i, next_char, word):
                    continue
            # The sentence ends after its punctuation (never whitespace); the next
            # starts after the whitespace the pattern matched, unless a character
            # str.isspace counts and \s does not (\x1c-\x1f) comes first.
            add(new(cls, (cursor, after, index)))
            cursor = next_start
            if unsure and prose[cursor].isspace():
                cursor = end - len(prose[cursor:end].lstrip())
        rest = prose[cursor:end].rstrip()
        if rest:
            add(new(cls, (cursor, cursor + len(rest), index)))
    return sentences
