"""NL401 unattributed-quote: every attributed form, every exclusion, and the
unattributed cases. All texts here are written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEED, lint

HEAD = "Council delays bridge repairs\n\n"
QUOTE = "The bridge will not reopen before spring"


def nl401(body: str, path: str = "article.txt", **config):
    text = body if path.endswith((".md", ".html")) else HEAD + body
    return [f for f in lint(text, path=path, select=["NL401"], **config) if f.code == "NL401"]


# -- attributed: no finding ---------------------------------------------------
ATTRIBUTED = {
    "said after": f"“{QUOTE},” Obama said.\n",
    "said before with colon": f"Obama said: “{QUOTE}.”\n",
    "interrupted": f"“{QUOTE},” said the senator, “and nobody can make it happen sooner.”\n",
    "according to": "According to Smith, “the bridge will not reopen before spring.”\n",
    "told that": "Smith told reporters that “the bridge will not reopen before spring.”\n",
    "wrote on X": f"Smith wrote on X: “{QUOTE}.”\n",
    "role speaker": f"“{QUOTE},” a senior official said.\n",
    "organisation speaker": f"“{QUOTE},” the White House said in a statement.\n",
    "spokeswoman": f"“{QUOTE},” the spokeswoman told the paper on Tuesday.\n",
    "pronoun inverted": f"“{QUOTE},” said he.\n",
    "name after verb": f"“{QUOTE},” says Dana Ruiz, the city engineer.\n",
    "adverb between": f"“{QUOTE},” Ruiz later added.\n",
    "name spelt like a word": f"“{QUOTE},” May wrote on her website.\n",
    "apposition": f"Dana Ruiz, the city's chief engineer since 2019, said: “{QUOTE}.”\n",
    "inflection tweeted": f"The mayor tweeted on Sunday: “{QUOTE}.”\n",
    "quoted as saying": f"Ruiz was quoted as saying “{QUOTE}.”\n",
    "passive with by": f"“{QUOTE}.” That was announced by the mayor on Monday.\n",
    "went on to say": f"Ruiz went on to say that “{QUOTE}.”\n",
    "issued a statement": f"The council issued a statement: “{QUOTE}.”\n",
    "sentence before": f"The mayor spoke for an hour. She added: “{QUOTE}.”\n",
    "sentence after": f"“{QUOTE}.” The engineer said the steel had arrived late.\n",
    "several sentences quoted": f"“{QUOTE}. We need the steel first. Then we paint,” Ruiz said.\n",
    "quote-only sentences run": f"“{QUOTE}.” “We need the steel first.” “Then we paint,” Ruiz said.\n",
    "name colon": f"Rep. Dana Ruiz (D-Ore.): “{QUOTE}.”\n",
    "dash attribution": f"“{QUOTE}.” — Dana Ruiz\n",
    "handle attribution": f"“{QUOTE}.” – @cityengineer\n",
    "paragraph ending in colon": f"The mayor wrote to residents on Friday:\n\n“{QUOTE}.”\n",
    "paragraph before attributes": f"“The steel is late again this month,” the engineer said.\n\n“{QUOTE}.”\n",
}


@pytest.mark.parametrize("body", ATTRIBUTED.values(), ids=ATTRIBUTED.keys())
def test_attributed_forms_are_not_flagged(body):
    assert nl401(body) == []


def test_multi_paragraph_quotation_attributed_in_first_paragraph():
    body = (
        f"“{QUOTE}. The steel is late and the paint has not been ordered,” Ruiz said.\n\n"
        f"“We will publish a timetable when the contractor signs,” she said. “Until then\n\n"
        f"“nobody on the council can promise a date to anyone in this town.”\n"
    )
    assert nl401(body) == []


def test_multi_paragraph_continuation_is_covered_by_its_first_paragraph():
    body = (
        "The engineer, Dana Ruiz, said: “The steel is late and the paint has not been ordered.\n\n"
        "“The contractor has not signed and nobody can promise a date.\n\n"
        "“We will publish a timetable when we have one.”\n"
    )
    assert nl401(body) == []


def test_speaker_of_an_earlier_quotation_carries_on_in_the_paragraph():
    body = (
        f"“{QUOTE},” Ruiz said. She has run the department since 2019. "
        "“We cannot hurry the steel mill.”\n"
    )
    assert nl401(body) == []


def test_someone_else_named_in_between_stops_the_speaker_carrying_on():
    body = (
        f"“{QUOTE},” Ruiz said. Councillor Tom Baker shook his head. "
        "“We cannot hurry the steel mill.”\n"
    )
    (f,) = nl401(body)
    assert f.text == "“We cannot hurry the steel mill.”"


def test_quoted_phrase_worked_into_a_sentence_that_names_someone():
    assert nl401("Ruiz blamed the delay on “a steel mill that cannot keep its promises.”\n") == []


def test_unattributed_multi_paragraph_quotation_is_flagged_once():
    body = (
        "The council met on Monday.\n\n"
        "“The steel is late and the paint has not been ordered.\n\n"
        "“The contractor has not signed and nobody can promise a date.”\n"
    )
    findings = nl401(body)
    assert len(findings) == 1
    assert findings[0].text.startswith("“The steel is late")


def test_a_second_quotation_only_paragraph_needs_its_speaker_again():
    body = (
        f"“{QUOTE},” Ruiz said at the meeting.\n\n"
        "“We ordered the steel in March and it has not come.”\n\n"
        "“We will not open a bridge that is not safe for anyone.”\n"
    )
    (f,) = nl401(body)
    assert f.text.startswith("“We will not open")


def test_paragraph_that_introduces_the_speaker_without_content():
    body = f"The engineer, Dana Ruiz, went on.\n\n“{QUOTE}. The steel is late.”\n"
    assert nl401(body) == []
    body = f"Ruiz continued her remarks to the council.\n\n“{QUOTE}. The steel is late.”\n"
    assert nl401(body) == []


def test_someone_named_only_after_a_preposition_does_not_stop_the_speaker():
    body = (
        f"“{QUOTE},” Ruiz said. A native of Ohio, she voted for Mayor Lee in 2020. "
        "“We cannot hurry the steel mill.”\n"
    )
    assert nl401(body) == []


def test_cue_inside_a_compound_is_not_a_speech_act():
    body = "The council met.\n\nThe co-written “plan to fix every bridge in the county by May” was shelved.\n"
    assert len(nl401(body)) == 1


def test_quotation_opening_a_paragraph_after_indirect_speech_is_flagged():
    # Indirect speech (“argued that …”) is not the speaker of the next quotation.
    body = f"Ruiz argued that the supplier was to blame.\n\n“{QUOTE}. The steel is late.”\n"
    assert len(nl401(body)) == 1


# -- exclusions: no finding -----------------------------------------------------
EXCLUDED = {
    "designation": "The agency listed the groups as “foreign terrorist organizations.”\n",
    "nickname": "Supporters of the “Never Again Tax” movement gathered downtown.\n",
    "short fragment": "Critics of the plan called it “a total mess” on Monday.\n",
    "book title in title case": "Her new book, “How to Build a Bridge in Ten Days,” is out.\n",
    "titled": "He wrote an essay titled “why every town should own its bridges.”\n",
    "nested quotation": "“She told me ‘the bridge will not reopen before spring’ last week,” Ruiz said.\n",
}


@pytest.mark.parametrize("body", EXCLUDED.values(), ids=EXCLUDED.keys())
def test_terms_titles_and_fragments_are_not_flagged(body):
    assert nl401(body) == []


def test_headline_quotation_is_not_flagged():
    text = f"“{QUOTE}, and that is final”\n\nThe council met on Monday.\n"
    assert lint(text, path="a.txt", select=["NL401"]) == []


def test_markdown_code_front_matter_and_urls_are_not_prose(tmp_path):
    md = (
        "---\n"
        f"title: Bridge\nsummary: \"{QUOTE} and nothing else can be done\"\n"
        "---\n\n"
        "# Bridge repairs\n\n"
        "The council met on Monday.\n\n"
        f"```\nprint(\"{QUOTE}. Nobody knows when.\")\n```\n\n"
        f"See `\"{QUOTE}. Nobody knows when.\"` in the log.\n\n"
        f"Read [the minutes](https://example.org/\"{QUOTE}\") online.\n"
    )
    assert nl401(md, path="story.md") == []


def test_blockquote_attributed_by_the_paragraph_before():
    md = (
        "# Bridge repairs\n\n"
        "The engineer wrote to the council on Friday.\n\n"
        f"> “{QUOTE}. The steel has not arrived.”\n"
    )
    assert nl401(md, path="story.md") == []


def test_blockquote_attributed_inside_the_blockquote():
    md = (
        "# Bridge repairs\n\n"
        "The council met on Monday.\n\n"
        f"> “{QUOTE}. The steel has not arrived.”\n>\n> — Dana Ruiz, city engineer\n"
    )
    assert nl401(md, path="story.md") == []


def test_unattributed_blockquote_is_flagged():
    md = (
        "# Bridge repairs\n\n"
        "The council met on Monday.\n\n"
        f"> “{QUOTE}. The steel has not arrived.”\n"
    )
    assert len(nl401(md, path="story.md")) == 1


# -- unattributed: flagged --------------------------------------------------------
UNATTRIBUTED = {
    "quotation-only paragraph": f"The council met on Monday.\n\n“{QUOTE}.”\n\nRepairs began in May.\n",
    "no speaker near": f"The bridge has been shut for a year. “{QUOTE}.” Repairs are slow.\n",
    "neighbour has passive speech verb": f"“{QUOTE}.” The words were posted online on Monday.\n",
    "passive in same sentence": f"It was said at the meeting: “{QUOTE}.”\n",
    "medium with no speaker": f"In a statement: “{QUOTE}.”\n",
    "speech verb without subject": f"The meeting ran late. “{QUOTE}.” Asked about the delay on Tuesday, the council declined to comment.\n",
    "short full sentence": "The meeting ran late. “Nobody knows. Ask later.”\n",
    "partial quotation with no speaker": "Repairs were delayed by “problems with the steel delivered in March.”\n",
}


@pytest.mark.parametrize("body", UNATTRIBUTED.values(), ids=UNATTRIBUTED.keys())
def test_unattributed_quotations_are_flagged(body):
    findings = nl401(body)
    assert len(findings) == 1
    f = findings[0]
    assert f.text[0] in "“\"" and f.text[-1] in "”\""
    assert f.message.startswith("Who said this") and "“said”" in f.message


def test_finding_spans_the_quotation_marks():
    body = f"The council met.\n\n“{QUOTE}.”\n"
    (f,) = nl401(body)
    assert f.text == f"“{QUOTE}.”"
    assert (f.line, f.column) == (5, 1)


def test_straight_quotation_marks():
    assert len(nl401(f'The council met.\n\n"{QUOTE}."\n')) == 1
    assert nl401(f'"{QUOTE}," the mayor said.\n') == []


def test_speech_verb_inside_the_quotation_does_not_attribute_it():
    body = f"The council met on Monday.\n\n“I said {QUOTE.lower()}.”\n"
    assert len(nl401(body)) == 1


def test_min_words_option():
    body = "The council met.\n\n“Repairs cost too much”\n"
    assert nl401(body) == []
    assert len(nl401(body, **{"NL401": {"min-words": 3}})) == 1
    assert len(nl401(body, **{"unattributed-quote": {"min-words": 3}})) == 1


# -- the seed article ---------------------------------------------------------------
def test_seed_article_has_no_unattributed_quote():
    text = SEED.read_text(encoding="utf-8")
    assert [f for f in lint(text, path="seed.txt", select=["NL401"])] == []


# Three full quotations shaped like the seed's (a multi-sentence quotation, then
# “, <speaker> <verb>.”), in our own words.
SHAPED = [
    ("“We asked for steel in March. It came in June. The crew waited, and the town "
     "waited with them,” Mayor Dana Ruiz stated.", "Mayor Dana Ruiz stated"),
    ("“No, Mr. Chairman, the budget is settled. We can talk. We can revise the plan, "
     "but we will never cut the library,” she declared.", "she declared"),
    ("“They are late. If the contractor wanted help, we would be glad to give it. I told "
     "him that. The delays are hurting everyone,” Councillor Lee said.", "Councillor Lee said"),
]


# The paragraph before each: like the seed's, the first one reports the speaker's
# view in indirect speech, which does not attribute the next paragraph's quotation.
BEFORE = [
    "Mayor Ruiz argued that the delay came from the supplier, not the council.",
    "The chairman's reply left little room for a compromise on the budget.",
    "Despite the delay, the council has moved forward with the road plan.",
]


@pytest.mark.parametrize("before,paragraph,clause", [(b, *s) for b, s in zip(BEFORE, SHAPED, strict=True)])
def test_removing_the_attribution_clause_makes_nl401_fire(before, paragraph, clause):
    article = (
        "Bridge work stalls again\n\n"
        f"{before}\n\n"
        "{}\n\n"
        "The bridge has been closed since last winter.\n"
    )
    assert [f for f in lint(article.format(paragraph), path="a.txt", select=["NL401"])] == []
    stripped = paragraph.replace(f",” {clause}.", ".”")
    assert stripped != paragraph
    findings = lint(article.format(stripped), path="a.txt", select=["NL401"])
    assert [f.code for f in findings] == ["NL401"]


# -- the rule itself ------------------------------------------------------------------
def _rule():
    from newslint.config import Config
    from newslint.engine import Linter

    return Linter().registry_for(Config()).rules["NL401"]


def test_lexicon_is_one_pattern_and_its_examples_hold():
    rule = _rule()
    pattern = rule.compiled[0]
    assert pattern is not None
    for entry in rule.entries:
        for text in entry.matches:
            assert pattern.search(text), (entry.key, text)
        for text in entry.non_matches:
            assert not pattern.search(text), (entry.key, text)


def test_rule_documentation():
    from newslint import DOC_SECTIONS

    rule = _rule()
    assert rule.name == "unattributed-quote"
    for section in DOC_SECTIONS:
        assert rule.docs[section].strip()
    refs = rule.docs["References"]
    assert "AP" in refs and "Reuters" in refs and "SPJ" in refs


# -- NL402 scare-quote (off by default) ------------------------------------------------
def nl402(body: str):
    return [f for f in lint(HEAD + body, select=["NL402"]) if f.code == "NL402"]


def test_scare_quote_is_off_by_default_and_info():
    body = "The council's “consultation” lasted two days.\n"
    assert [f.code for f in lint(HEAD + body)].count("NL402") == 0
    (f,) = nl402(body)
    assert f.severity.value == "info" and f.text == "“consultation”"
    assert "doubt" in f.message


SCARE_EXEMPT = {
    "speaker in sentence": "The mayor said the plan was “fair” to everyone.\n",
    "named person": "Ruiz thinks the budget is “generous” this year.\n",
    "so-called": "The so-called “reform” passed on Monday.\n",
    "called it": "Residents call it the “long bridge” for a reason.\n",
    "designation": "The agency listed the groups as “foreign terrorist organizations.”\n",
    "word as word": "The memo used words such as “delay” and “review.”\n",
    "title case": "The council approved the “Green Streets” plan.\n",
    "full quotation": "“The budget is balanced and the bridge will open,” Ruiz said.\n",
}


@pytest.mark.parametrize("body", SCARE_EXEMPT.values(), ids=SCARE_EXEMPT.keys())
def test_scare_quote_exemptions(body):
    assert nl402(body) == []


def test_seed_article_has_no_scare_quote():
    text = SEED.read_text(encoding="utf-8")
    assert lint(text, path="seed.txt", select=["NL402"]) == []


def test_html_blockquote_code_and_link_targets():
    html = (
        "<html><body><h1>Bridge repairs</h1>\n"
        "<p>The mayor wrote to residents on Friday:</p>\n"
        f"<blockquote><p>“{QUOTE}. The steel is late.”</p></blockquote>\n"
        "<p>The council met on Monday.</p>\n"
        f"<p>“{QUOTE}. The steel is late.”</p>\n"
        f"<p><code>\"{QUOTE}. The steel is late.\"</code></p>\n"
        f"<p><a href=\"https://example.org/?q=%22{QUOTE}. Really.%22\">the minutes</a></p>\n"
        "</body></html>\n"
    )
    findings = nl401(html, path="story.html")
    assert [(f.line, f.text) for f in findings] == [(5, f"“{QUOTE}. The steel is late.”")]


# -- the speech-act scan: words a cue can begin with (PhraseRule.first_words) -----------
_CUE_TEXT = st.lists(
    st.sampled_from(
        ["said ", "SAID", "Said", "ſaid", "\u212aept ", "told ", "in a statement ", "in ",
         "according to ", "co-", "went on", "states.", "United ", "they state that ", "put it",
         "the ", "Lee ", "x", "9", "_", ", ", ". ", "\n", "-", "’", "\ue000\ue000", "é", "İ", " "]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_CUE_TEXT, st.integers(0, 60), st.integers(0, 60))
def test_speech_act_scan_matches_finditer(text, a, b):
    from newslint.plugins.attribution import PATTERN_TIMEOUT, _Context, _cue_text

    rule = _rule()
    pattern, words = rule.compiled[0], rule.cue_words
    assert words is not None
    ctx = _Context.__new__(_Context)
    ctx.pattern, ctx.words, ctx.timeout = pattern, words, rule.pattern_timeout
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    fast = list(ctx._speech_acts(text, lo, hi))
    slow = [
        (m.start(), m.end(), _cue_text(m.group()))
        for m in pattern.finditer(text, lo, hi, timeout=PATTERN_TIMEOUT)
        if not (m.start() and text[m.start() - 1] == "-")
    ]
    assert fast == slow
    # Cue words the pattern matches as themselves, taken without trying it.
    ctx.whole_words = rule.whole_cue_words
    assert list(ctx._speech_acts(text, lo, hi)) == slow
    ctx.whole_words = frozenset()
    ctx.words = None  # the pattern's own scan
    assert list(ctx._speech_acts(text, lo, hi)) == slow


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["called", "Called ", "so-called", "the ", "words", "slogan", " ", ",", ":", "\n", "it ",
     "call ", "known as", "x", "é", "’"]), max_size=16).map("".join))
def test_naming_lead_searched_from_the_end(lead):
    import regex
    from newslint.plugins.attribution import _NAMING

    forward = regex.compile(_NAMING.pattern, _NAMING.flags & ~regex.REVERSE)
    assert bool(_NAMING.search(lead)) == bool(forward.search(lead))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["Lee", "said", "12:30", "3", "@x", "#y", "U.S.", "co-op", "it's", "’", "—", "–", "--", "-",
     ",", ":", ";", " ", "\n", "\ue000", "é", "İ", "_", "&", "."]), max_size=30).map("".join))
def test_tokens_on_plain_text_as_on_any(text):
    from newslint.plugins.attribution import _TOKEN, _tokens

    assert _tokens(text) == _TOKEN.findall(text)


_PARAGRAPH = st.lists(st.sampled_from(
    ["“The steel is late,” Lee said. ", "“We will paint in May.” ", "She left. ", "Ruiz spoke. ",
     "“Nobody can promise a date to anyone here,” ", "he added. ", "The “Big Bridge” opened. ",
     "“It is done. It is over.” ", "Then the council met. ", "“A long quotation goes here.” "]
), min_size=1, max_size=14).map("".join)


@settings(max_examples=200, deadline=None)
@given(_PARAGRAPH, st.integers(0, 16))
def test_last_attributed_quotation_sentence_as_over_the_whole_paragraph(text, upto):
    """Read back from `upto` as weighing every quotation and sentence of the
    paragraph, then taking the last attributed one within reach."""
    from newslint.plugins.attribution import _SPEAKER_REACH, _Context, _sentence_index

    from newslint.engine import Linter

    linter = Linter()
    document = linter.document(HEAD + text, "article.txt", linter.finder.for_path("article.txt"))
    rule = _rule()
    quotations = [q for q in document.quotations if q.level == 0]
    ctx = _Context(document, rule.compiled[0], quotations, 5, rule.cue_words)
    bi = len(document.blocks) - 1
    sentences = ctx.sentences(bi)
    near: set[int] = set()
    for q in ctx.quotations_in(bi):
        if ctx.is_direct(q):
            a = _sentence_index(sentences, q.start)
            b = _sentence_index(sentences, max(q.start, q.end - 1))
            near.update(range(max(a - 1, 0), min(b + 2, len(sentences))))
    found = [
        k for k in sorted(near) if ctx.span_attributes(bi, sentences[k].start, sentences[k].end)
        and k < upto
    ]
    expected = found[-1] if found and upto - found[-1] <= _SPEAKER_REACH else None
    assert ctx.last_attributed_quotation_sentence(bi, upto) == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(
    ["Lee", "said", "3", "it's", "’", "—", "-", ",", ".", " ", "\n", "\t", "_", "\x1c", "\x00",
     "é", "½", "\u0301", "a’b", "“", "'"]), max_size=14).map("".join), st.integers(1, 6))
def test_has_words_as_counting_every_word(text, count):
    from newslint.plugins.attribution import _has_words, _words

    assert _has_words(text, count) == (len(_words(text)) >= count)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    ["“", "”", "Lee", "said", "it's", "a’b", " ", ". ", "? ", "…", ",", "é", "the plan"]
), max_size=24).map("".join), st.integers(1, 6))
def test_too_short_as_direct_by_length(text, min_words):
    """too_short counts the words once; it agrees with _direct_by_length, and so
    does what it leaves in the cache for is_direct."""
    from newslint.plugins.attribution import _Context, _direct_by_length

    from newslint.engine import Linter

    linter = Linter()
    document = linter.document(HEAD + text, "article.txt", linter.finder.for_path("article.txt"))
    rule = _rule()
    quotations = [q for q in document.quotations if q.level == 0]
    ctx = _Context(document, rule.compiled[0], quotations, min_words, rule.cue_words)
    for q in quotations:
        expected = _direct_by_length(document, q, min_words)
        assert ctx.too_short(q) == (expected is False)
        assert ctx.direct_by_length(q) == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(
    ["Lee", "said", "3", "it's", "don't'", "''", "'x", "-", ",", ".", " ", "\n", "_", "\x00", "a'b"]),
    max_size=14).map("".join), st.integers(0, 7))
def test_has_words_on_ascii_text_as_counting_every_word(text, count):
    # ASCII text takes the written-out possessive `re` pattern.
    from newslint.plugins.attribution import _has_words, _words

    assert _has_words(text, count) == (len(_words(text)) >= count)
