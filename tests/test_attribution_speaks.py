"""NL401 reads a speech verb's speaker from the tokens after the last quotation
before it, and the tokens after the verb only when needed: the same answers as
_has_speaker over all the tokens of the span."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st


def _context(text: str):
    """A document of a headline and `text`, its top-level quotations, and
    NL401's per-document context for them."""
    from newslint.plugins.attribution import _Context

    from newslint.config import Config
    from newslint.engine import Linter

    linter = Linter()
    document = linter.document(
        "Council delays bridge repairs\n\n" + text, "article.txt",
        linter.finder.for_path("article.txt"),
    )
    rule = linter.registry_for(Config()).rules["NL401"]
    quotations = [q for q in document.quotations if q.level == 0]
    return document, quotations, _Context(document, rule.compiled[0], quotations, 5,
                                          rule.cue_words)


_SENTENCE = st.lists(st.sampled_from(
    ["“The steel is late,” ", "“Paint,” ", "Lee ", "the engineer ", "he ", "it ", "said", " said",
     " told reporters", " was quoted as saying", " added", ", saying", " and said", " went on to say",
     " by saying", " was told by Ruiz", " said the mayor", " in a statement", " according to Lee",
     " later", " quietly", ", ", "; ", ": ", " — ", " 12", " “Done.”", " that ", " Ruiz", " é",
     " of the council", " to tell"]
), min_size=1, max_size=12).map(lambda parts: "".join(parts).strip() + ".")


@settings(max_examples=300, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=4).map(" ".join))
def test_speaker_read_near_the_cue_as_over_the_whole_span(text):
    from newslint.plugins.attribution import _cue_kind, _has_speaker

    document, quotations, ctx = _context(text)
    for bi, block in enumerate(document.blocks):
        for s in ctx.sentences(bi):
            lo, hi = s.start - block.start, s.end - block.start
            for at, end, cue in ctx.cues_in(bi, lo, hi):
                kind = _cue_kind(cue)[1]
                if kind == "named":
                    continue
                tokens, i = ctx.cue_tokens(bi, lo, at, end, hi, cue)
                assert ctx.speaks(bi, lo, at, end, hi, cue, kind) == _has_speaker(
                    tokens, i, kind
                ), (text, cue)


_PARAGRAPH = st.lists(st.sampled_from(
    ["“The steel is late,” Lee said. ", "“We will paint in May.” ", "“Paint!” ", "She left. ",
     "“Nobody can promise a date,” ", "he added. ", "“It is done. It is over.” ", "said Lee. ",
     "“Done”. ", "“Done”, ", "“Done”said Ruiz. ", "(“Later.”) ", "Lee: “Now.” ", "“Go” — "]
), min_size=1, max_size=8).map("".join)


@settings(max_examples=200, deadline=None)
@given(_PARAGRAPH)
def test_sentence_of_the_quotation_alone_has_no_speech_act(text):
    """attributed() skips the own-sentence test of a quotation that is its
    sentence alone (at most a mark after it): that test would fail."""
    from newslint.plugins.attribution import _sentence_index

    document, quotations, ctx = _context(text)
    for q in quotations:
        bi = document.block_index_at(q.start)
        sentences = ctx.sentences(bi) if bi is not None else []
        if not sentences:
            continue
        start = sentences[_sentence_index(sentences, q.start)].start
        end = sentences[_sentence_index(sentences, max(q.start, q.end - 1))].end
        if start >= q.start and (
            end <= q.end or end == q.end + 1 and document.prose[q.end] in ".,;:!?"
        ):
            assert not ctx.span_attributes(bi, start, end, own=True), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["Lee", "said", "12", "3:30", "x", "_", " ", "  ", "\n", ",", "é", "\ue000", "-", "’", "U.S.",
     ".", ". ", "..", "Mr.", "1,000", "'", "&", "@", "#", ":", "!"]
), max_size=12).map("".join))
def test_simple_tokens_as_the_token_pattern(text):
    from newslint.plugins.attribution import _PLAIN_TOKEN, _TOKEN, _simple_tokens

    simple = _simple_tokens(text)
    if simple is not None:
        assert simple == _PLAIN_TOKEN.findall(text) == _TOKEN.findall(text)
