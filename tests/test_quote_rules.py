"""The quotation-mark rules NL301–NL304: what they flag, where, what they say
and the fixes they offer. Texts are written for these tests."""

from __future__ import annotations

import pytest
from newslint.plugins.quotes import MismatchedQuote, MixedQuoteStyle, UnclosedQuote, UnopenedQuote

from newslint import DOC_SECTIONS
from tests.conftest import SEED, codes, lint

NL3 = ["NL301", "NL302", "NL303", "NL304"]


def nl3(text: str, path: str = "article.txt"):
    return lint(text, path=path, select=NL3)


def apply(text: str, findings) -> str:
    edits = sorted((e for f in findings if f.fix for e in f.fix.edits), key=lambda e: -e.start)
    for e in edits:
        text = text[: e.start] + e.replacement + text[e.end :]
    return text


def test_clean_copy_has_no_findings():
    text = (
        "Council backs the new bridge\n\n"
        "“We can’t wait any longer,” the mayor said. “The old one is ’50s steel.”\n\n"
        "The Joneses’ shop, on the corner, will close for the works, she said.\n\n"
        "Engineers called the design “elegant” and said the span, 5'10\" clearance aside, "
        "was ‘sound’.\n"
    )
    assert nl3(text) == []


def test_seed_article_has_no_quote_findings():
    if not SEED.exists():
        pytest.skip("seed article not available")
    assert nl3(SEED.read_text(encoding="utf-8"), path=str(SEED)) == []


# -- NL301 -----------------------------------------------------------------------

def test_unclosed_at_paragraph_end_points_at_the_opening_mark():
    text = "Title\n\nThe mayor said “we will rebuild the bridge.\n\nWork starts soon.\n"
    [f] = nl3(text)
    assert f.code == "NL301" and f.text == "“" and f.end - f.start == 1
    assert (f.line, f.column) == (3, 16)
    assert "add a closing ”" in f.message and "next paragraph with “" in f.message


def test_unclosed_before_the_next_quotation_says_where_that_opens():
    text = "Title\n\nShe said \"we are ready and then \"we will go\" at noon.\n"
    [f] = nl3(text)
    assert f.code == "NL301" and f.column == 10
    assert "line 3, column 33" in f.message and "add a closing \"" in f.message


def test_unclosed_single_inside_double():
    text = "Title\n\n“The sign said, ‘Closed for repairs,” the owner said.\n"
    assert codes(nl3(text)) == ["NL301"]


def test_multi_paragraph_convention_is_not_flagged():
    for o, c in (("“", "”"), ('"', '"')):
        text = (f"Title\n\nThe chief said: {o}We have hired ten officers.\n\n"
                f"{o}Five more start in June,{c} she said.\n")
        assert nl3(text) == [], o


def test_unclosed_in_heading_and_list_item():
    text = "# The “grand plan\n\nText.\n\n- An “open item\n- A closed “item”\n"
    found = nl3(text, path="a.md")
    assert [(f.code, f.line) for f in found] == [("NL301", 1), ("NL301", 5)]
    assert all("next paragraph" not in f.message for f in found)


# -- NL302 -----------------------------------------------------------------------

def test_unopened_closing_mark():
    text = "Title\n\nThe plan is fully funded,” the mayor said.\n"
    [f] = nl3(text)
    assert f.code == "NL302" and f.text == "”"
    assert "add “ where the quoted words begin" in f.message


def test_unopened_says_where_the_previous_quotation_closed():
    text = "Title\n\n“We are ready,” she said. The plan is funded,” she added.\n"
    [f] = nl3(text)
    assert f.code == "NL302" and "closed at line 3, column 15" in f.message


def test_apostrophe_after_a_word_is_not_unopened():
    assert nl3("Title\n\nThe workers’ union and the Joneses’ shop agreed.\n") == []


# -- NL303 -----------------------------------------------------------------------

@pytest.mark.parametrize("text,mark,closer", [
    ("“We are ready,\" she said.", '"', "”"),
    ("\"We are ready,” she said.", "”", '"'),
    ("“We are ready,’ she said.", "’", "”"),
    ("‘We are ready,” she said.", "”", "’"),
    ("“We are ready,“ she said.", "“", "”"),
])
def test_mismatched_pairs(text, mark, closer):
    found = [f for f in nl3("Title\n\n" + text + "\n") if f.code == "NL303"]
    [f] = found
    assert f.text == mark and f.end - f.start == 1
    assert "opening" in f.message and "line 3, column 1" in f.message
    assert f.suggestions == (closer,)
    assert f.fix is not None and not f.fix.safe
    assert f.fix.edits[0].replacement == closer


def test_low_marks_and_guillemets_are_not_mismatched():
    assert nl3("Titel\n\nEr sagte „wir kommen“ und ging. Il a dit « oui ».\n") == []


# -- NL304 -----------------------------------------------------------------------

def test_mixed_style_flags_each_minority_mark_with_a_safe_fix():
    text = ("Title\n\n“We are ready,” she said. “The vote is on Tuesday.”\n\n"
            "\"It will pass,\" he said.\n")
    found = nl3(text)
    assert codes(found) == ["NL304", "NL304"]
    assert [f.text for f in found] == ['"', '"']
    assert all(f.fix.safe for f in found)
    assert [f.fix.edits[0].replacement for f in found] == ["“", "”"]
    assert "write “" in found[0].message
    fixed = apply(text, found)
    assert "“It will pass,” he said." in fixed
    assert nl3(fixed) == []


def test_mixed_style_curly_minority_becomes_straight():
    text = "Title\n\n\"One,\" she said. \"Two,\" he said. “Three,” they said.\n"
    found = nl3(text)
    assert codes(found) == ["NL304", "NL304"]
    assert [f.fix.edits[0].replacement for f in found] == ['"', '"']
    assert nl3(apply(text, found)) == []


def test_inch_marks_do_not_count_as_a_style():
    assert nl3("Title\n\n“It is a 12\" screen,” she said.\n") == []


def test_single_style_has_no_nl304():
    assert nl3('Title\n\n"One," she said. "Two," he said.\n') == []


# -- never inside code, never ambiguous -------------------------------------------

def test_code_spans_are_never_flagged():
    text = "# Notes\n\nUse `\"` to open, or `print(\"hi)` and `’` as shown.\n\n```\nx = “open\n```\n"
    assert nl3(text, path="a.md") == []


def test_ambiguous_marks_are_never_flagged():
    assert nl3('Title\n\nThe sign read " closed " all day, and a lone " stood.\n') == []


# -- documentation -----------------------------------------------------------------

@pytest.mark.parametrize("rule", [UnclosedQuote, UnopenedQuote, MismatchedQuote, MixedQuoteStyle])
def test_rule_docs(rule):
    for section in DOC_SECTIONS:
        assert str(rule.docs.get(section, "")).strip(), f"{rule.code} lacks {section}"
    assert "AP Stylebook" in rule.docs["References"]
    assert rule.code.startswith("NL30") and rule.name and rule.summary


def test_rule_command_prints_docs(run_cli):
    code, out, _ = run_cli("rule", "NL301")
    assert code == 0 and "unclosed-quote" in out and "Chicago" in out
