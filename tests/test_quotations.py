"""The quotation model (newslint.quotations): marks, pairs, nesting, apostrophes,
primes, the multi-paragraph convention, speech. Texts are written for these tests."""

from __future__ import annotations

import pytest

from newslint import Document
from newslint.markup.markdown import read_markdown
from newslint.quotations import SPEECH_MIN_WORDS, Quotations, is_speech


def quotes(text: str, markdown: bool = False) -> Quotations:
    if markdown:
        return Document(text, read_markdown(text), path="a.md", markup_name="markdown").quotations
    return Document(text).quotations


def spans(text: str, markdown: bool = False) -> list[str]:
    return [text[q.start : q.end] for q in quotes(text, markdown)]


def certain(text: str, markdown: bool = False) -> list[tuple[str, str]]:
    """(reason, text from the mark) of the unmatched marks a rule would report."""
    return [(u.reason, text[u.offset : u.offset + 12])
            for u in quotes(text, markdown).unmatched if u.certain]


# -- apostrophes and primes are never quotation marks ----------------------------

@pytest.mark.parametrize("word", [
    "can’t", "can't", "rock ’n’ roll", "rock 'n' roll", "rock’n’roll", "Sheinbaum’s",
    "Sheinbaum's", "the Joneses’", "the Joneses'", "’90s", "'90s", "’em", "'em", "’tis",
    "the class of ’04", "workers’", "ma’am", "o’clock",
])
def test_apostrophes_are_not_marks(word):
    for text in (f"The {word} thing was noted by the clerk.",
                 f"“The {word} thing,” the clerk said.",
                 f"\"The {word} thing,\" the clerk said.",
                 f"The clerk said “the {word}” twice."):
        q = quotes(text)
        assert not [u for u in q.unmatched if u.certain], text
        assert all(m.mark not in "'’" for m in q.marks), text


def test_apostrophe_inside_a_quotation_does_not_end_it():
    text = "“The Joneses’ dog and the Smiths’ cat can’t agree,” she said."
    assert spans(text) == ["“The Joneses’ dog and the Smiths’ cat can’t agree,”"]


def test_possessive_plural_inside_single_quotes_is_read_as_closing_only_when_open():
    text = "The tenants called it ‘the landlords’ rule’ in their letter."
    q = quotes(text)
    assert not [u for u in q.unmatched if u.certain]
    assert q.quotations[0].open_mark == "‘"


@pytest.mark.parametrize("text", [
    "The new striker is 6'2\" tall and quick.",
    "He is 5'10\", she is 5'4\".",
    "A 12\" pizza costs more than a 10\" one.",
    "The panel is 3.5\" wide.",
    "The climber stood 6’2” in socks.",
])
def test_primes_are_not_marks(text):
    q = quotes(text)
    assert q.quotations == [] and not [u for u in q.unmatched if u.certain]


def test_inch_mark_after_a_number_closes_an_open_quotation():
    text = "The notice read \"gates close at 2004\" and no more."
    assert spans(text) == ["\"gates close at 2004\""]


def test_a_digit_inside_a_word_is_no_measurement():
    text = "The agency said \"there is no need for Cox-2\" drugs."
    assert spans(text) == ["\"there is no need for Cox-2\""]


# -- pairs and nesting -----------------------------------------------------------

def test_straight_and_curly_pairs():
    text = "She said “we are ready” and he said \"so are we\" at noon."
    assert spans(text) == ["“we are ready”", "\"so are we\""]


def test_nested_american_style():
    for text in ("“The sign said ‘closed’ all week,” the owner said.",
                 "\"The sign said 'closed' all week,\" the owner said."):
        q = quotes(text)
        assert [(x.level, x.open_mark) for x in q] == [(0, text[0]), (1, text[15])]
        assert not q.unmatched


def test_nested_british_style():
    for text in ("‘The sign said “closed” all week,’ the owner said.",
                 "'The sign said \"closed\" all week,' the owner said."):
        q = quotes(text)
        assert [(x.level, x.open_mark) for x in q] == [(0, text[0]), (1, text[15])]
        assert not q.unmatched


def test_nested_quotation_closing_together():
    text = "“He told me, ‘Leave now,’” she said."
    assert spans(text) == ["“He told me, ‘Leave now,’”", "‘Leave now,’"]
    assert not quotes(text).unmatched


def test_low_marks_and_guillemets_pair():
    for text in ("Er sagte „wir kommen“ heute.", "Il a dit « nous venons » hier.",
                 "Han sagde »vi kommer« i dag.", "On a dit ‹ oui › puis rien.",
                 "Powiedział „przyjdziemy” dziś."):
        q = quotes(text)
        assert len(q) == 1 and not q.unmatched, text


def test_two_apostrophes_stand_for_a_double_mark():
    text = "The mayor said, ''We will open the bridge,'' at the meeting."
    assert spans(text) == ["''We will open the bridge,''"]


def test_at_and_in_quotation():
    text = "The mayor said “we will ‘never’ close it” today."
    d = Document(text)
    inner = text.index("never")
    assert d.quotation_at(inner).open_mark == "‘"
    assert d.quotation_at(text.index("close")).open_mark == "“"
    assert d.quotation_at(text.index("today")) is None
    assert d.in_quotation(text.index("we"), text.index("close") + 5)
    assert not d.in_quotation(0, 5)


# -- the multi-paragraph convention ----------------------------------------------

@pytest.mark.parametrize("o,c", [("“", "”"), ("\"", "\"")])
def test_multi_paragraph_quotation(o, c):
    text = (f"Clinics plan\n\nThe minister said: {o}We will open three clinics this year.\n\n"
            f"{o}Two more will follow in the spring.\n\n"
            f"{o}The money is already set aside,{c} she said.\n")
    q = quotes(text)
    assert not q.unmatched
    flags = [(x.continues_from_previous_paragraph, x.continues_to_next_paragraph) for x in q]
    assert flags == [(False, True), (True, True), (True, False)]
    assert all(x.speech for x in q)


@pytest.mark.parametrize("o", ["“", "\""])
def test_quotation_not_continued_is_unclosed(o):
    text = (f"Clinics plan\n\nThe minister said: {o}We will open three clinics this year.\n\n"
            "Critics said the plan was late.\n")
    assert certain(text) == [("unclosed", f"{o}We will ope")]


def test_run_on_paragraphs_with_balanced_marks_are_not_reported():
    # paragraphs of one quotation run together, closed once: an even number of
    # straight marks is read as the convention with its paragraph breaks lost
    text = "Title\n\nHe said: \"We tried. \"We failed. \"We will try again,\" he said.\n"
    assert certain(text) == []
    # an odd number: a mark is missing, and the earlier quotation is reported
    text = "Title\n\nHe said: \"We tried, he said. \"We will try again.\"\n\nThe end.\n"
    assert certain(text) == [("unclosed", '"We tried, h')]
    # typographic marks show their roles: a surplus of opening marks is reported
    # unless the next paragraph opens again (the convention)
    text = "Title\n\nHe said: “We tried. “We will try again,” he said.\n\nThe end.\n"
    assert certain(text) == [("unclosed", "“We tried. “")]
    text = "Title\n\nHe said: “We tried. “We will try again,” he said.\n\n“Again.”\n"
    assert certain(text) == []


def test_quotation_closing_at_the_end_of_the_file():
    assert certain("The report ends: “We will be back.”") == []
    assert certain("The report ends: \"We will be back.\"") == []
    assert certain("The report ends: “We will be back.") == [("unclosed", "“We will be ")]


def test_quotation_over_a_line_break_in_plain_text():
    text = "“We will win this seat and the next one.\nMayor Ann Lee, in a statement.”\n\nNext.\n"
    assert certain(text) == []


# -- contexts: ellipsis, dashes, headings, lists, code -----------------------------

@pytest.mark.parametrize("text", [
    "“We will … win,” she said.",
    "“We will win…” she said, and stopped.",
    "“We will win—” she began, but the crowd cheered.",
    "\"We will win--\" she began.",
    "\"We will win...\" she said.",
    "She began—“We will win”—and stopped.",
    "The word (“quorum”) was missing.",
])
def test_ellipsis_and_dashes(text):
    q = quotes(text)
    assert len(q) == 1 and not [u for u in q.unmatched if u.certain], text


def test_quotes_in_headings_and_list_items():
    text = ("# The “best” plan\n\n- She said “no” twice.\n- He said \"yes\" once.\n\n"
            "## An “open heading\n\n- An “open item\n- “Next item,” he said.\n")
    found = certain(text, markdown=True)
    assert found == [("unclosed", "“open headin"), ("unclosed", "“open item\n-")]


def test_code_spans_are_never_read():
    text = "Type `\"` or ``print(\"hi)`` and `‘` to test.\n\n```\nx = \"open\n```\n"
    q = quotes(text, markdown=True)
    assert q.quotations == [] and q.unmatched == []


# -- ambiguous straight marks -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "The sign read \" closed \" all day.",
    "He said:\"We are done\" and left.",
    "A lone \" mark in the text.",
])
def test_ambiguous_straight_marks_are_not_reported(text):
    assert certain(text) == []


# -- speech ------------------------------------------------------------------------

@pytest.mark.parametrize("content,expected", [
    ("we will rebuild the whole town", True),
    ("a disaster", False),
    ("Why?", True),
    ("No.", True),
    ("foreign terrorist organizations.", False),
    ("Never. Not once", True),
    ("the best", False),
])
def test_is_speech(content, expected):
    assert is_speech(content) is expected


def test_speech_threshold_is_a_module_constant():
    assert SPEECH_MIN_WORDS == 5
    q = quotes("She called the plan “a costly and slow mistake” and left.")
    assert q.quotations[0].speech is True
    q = quotes("She called the plan “a costly mistake” and left.")
    assert q.quotations[0].speech is False


def test_marks_record_roles():
    text = "He said \"go\" and “stay” then left."
    roles = [(m.mark, m.role) for m in quotes(text).marks]
    assert roles == [('"', "open"), ('"', "close"), ("“", "open"), ("”", "close")]


def test_many_marks_parse_in_linear_time():
    # a smoke check that a long text with many marks parses (the timing is in bench/)
    text = "The mayor said \"we will\" and 'they can't' do it. " * 5000
    q = quotes(text)
    assert len(q) == 10000 and not q.unmatched
