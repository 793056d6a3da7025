"""Loaded language (NL201-NL203): every pack entry's examples, the quotation
exemption, the context pairs of issue 6, and the seed article."""

from __future__ import annotations

from importlib.resources import files

import pytest
import regex

from newslint import PhraseRule
from newslint.rulepacks import _phrase_regex, load_pack
from tests.conftest import SEED, codes, lint


def _pack_examples():
    """(pack, code, entry, text, should_match) for every example of every entry of
    every pack shipped in rules/*.yaml (not only this family's)."""
    cases = []
    for path in sorted(files("newslint.packs").iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".yaml"):
            continue
        for spec in load_pack(str(path)):
            for entry in spec.entries:
                for text in entry.matches:
                    cases.append(pytest.param(spec, entry, text, True, id=f"{path.name}:{spec.code}:{entry.key}:match:{text[:40]}"))
                for text in entry.non_matches:
                    cases.append(pytest.param(spec, entry, text, False, id=f"{path.name}:{spec.code}:{entry.key}:no-match:{text[:40]}"))
    return cases


@pytest.fixture(scope="module")
def registry():
    from newslint.engine import Linter

    return Linter().registry


def _entry_pattern(spec, entry, rule):
    case_sensitive = spec.fields.get("case") == "sensitive" or getattr(rule, "case_sensitive", False)
    flags = regex.V1 | (0 if case_sensitive else regex.IGNORECASE)
    source = entry.pattern if entry.pattern is not None else _phrase_regex(entry.phrase)
    lists = {**getattr(rule, "lists", {}), **spec.fields.get("lists", {})}
    return regex.compile(r"(?<!\w)(?:" + source + r")(?!\w)", flags, ignore_unused=True, **lists)


@pytest.mark.parametrize("spec, entry, text, should_match", _pack_examples())
def test_pack_entry_examples(registry, spec, entry, text, should_match):
    """match: a finding of the rule's code on the entry's text; no-match: none.

    A rule that only uses its entries as a lexicon (it overrides `check`, such as
    NL401's speech verbs) is held to its entries' patterns instead."""
    rule = registry.rule(spec.code)
    assert rule is not None, f"{entry.source}: no rule {spec.code}"
    pattern = _entry_pattern(spec, entry, rule)
    spans = [m.span() for m in pattern.finditer(text)]
    if isinstance(rule, PhraseRule) and type(rule).check is not PhraseRule.check:
        if not should_match:
            pytest.skip(f"{spec.code} decides no-match examples by context, not by its pattern")
        assert spans, f"{entry.source}: the entry's pattern does not match {text!r}"
        return
    document = text
    if getattr(rule, "scope", "all") == "headline":
        document = text + "\n\nThe story begins here.\n"
    findings = [f for f in lint(document, select=[spec.code]) if f.code == spec.code]
    if not should_match:
        assert findings == [], f"{entry.source}: {text!r} should not be flagged, got {[f.text for f in findings]}"
        return
    assert spans, f"{entry.source}: the entry's own pattern does not match {text!r}"
    assert any(f.start < e and s < f.end for f in findings for s, e in spans), (
        f"{entry.source}: {text!r} should be flagged by {spec.code} on the entry's text, "
        f"got {[(f.code, f.text) for f in findings]}"
    )


def test_every_language_entry_has_a_note_and_examples():
    for name in ("loaded-epithet.yaml", "loaded-language.yaml", "loaded-said.yaml"):
        for spec in load_pack(str(files("newslint.packs").joinpath(name))):
            for entry in spec.entries:
                assert entry.note, entry.source
                assert entry.matches and entry.non_matches, entry.source
                if entry.fix != "none":
                    assert entry.suggestion, entry.source


def texts(text, code):
    return [f.text for f in lint(text, select=[code]) if f.code == code]


def test_seed_article():
    text = SEED.read_text(encoding="utf-8")
    findings = lint(text, path=str(SEED), select=["NL2"])
    got = {(f.code, f.line, f.text.casefold()) for f in findings}
    assert ("NL201", 7, "the socialist leader") in got
    assert ("NL202", 5, "criminal elements") in got
    assert ("NL202", 5, "under the guise of") in got
    assert ("NL202", 27, "bombshell") in got
    quotations = [(q.start, q.end) for q in _document(text).quotations]
    assert quotations
    for f in findings:
        assert not any(s <= f.start < e for s, e in quotations), f


def _document(text):
    from newslint import Document

    return Document(text)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said: “These thugs and their bombshell are a disgrace.”",
        "“The regime is a sham,” the mayor said.",
        "The senator said the inquiry was “a witch hunt” and left.",
        "He called the report \"a bombshell\" in an interview.",
    ],
)
def test_nothing_inside_quotations(text):
    assert [f for f in lint(text, select=["NL2"])] == []


@pytest.mark.parametrize(
    "code, loaded, neutral",
    [
        ("NL201", "The brutal regime shelled the town.", "The club changed its training regime."),
        ("NL201", "The regime in Minsk banned the paper.", "A strict exercise regime helped him recover."),
        ("NL202", "The union slammed the proposal.", "She slammed the door and left."),
        ("NL202", "Critics blasted the minister over the delay.", "He blasted the ball into the net."),
        ("NL201", "Radical leftist Jo Park won the seat.", "She had a radical mastectomy last year."),
        ("NL203", "“We lost,” the coach admitted.", "The coach was admitted to hospital."),
        ("NL203", "The firm claimed that the drug was safe.", "The rebels claimed responsibility for the attack."),
        ("NL203", "The coach conceded that the side was tired.", "The side conceded three goals."),
        ("NL202", "The report was a devastating blow.", "A devastating earthquake hit the coast."),
        ("NL202", "The reckless plan failed.", "He admitted reckless driving."),
    ],
)
def test_context_pairs(code, loaded, neutral):
    assert texts(loaded, code), loaded
    assert texts(neutral, code) == [], neutral


def test_names_and_literal_senses():
    assert texts("Savage's future at the club is unclear.", "NL202") == []
    assert texts("A furious player slammed his racket onto the court.", "NL202") == []
    assert texts("The fever decimated the region in 2014.", "NL202") == []


def test_headlines_are_linted_like_body_text():
    findings = lint("Union Slams Proposal As Bombshell Memo Leaks\n\nThe union met on Monday.\n", select=["NL2"])
    assert {f.text.casefold() for f in findings} >= {"slams", "bombshell"}


def test_party_names_in_capitals_are_not_labels():
    assert texts("Yesterday the Socialist leader met the king.", "NL201") == []
    assert texts("Yesterday the socialist leader met the king.", "NL201") == ["the socialist leader"]


def test_attribution_verbs_only_as_attribution():
    assert texts("The rebels claimed the town on Sunday.", "NL203") == []
    assert texts("The minister moved to scotch claims that the deal was off.", "NL203") == []
    assert texts("Addressing claims that the law was weak, she said more.", "NL203") == []
    assert texts("Acme claims that the law is weak.", "NL203") == ["claims"]
    assert texts("Prices will fall, the minister insisted on Monday.", "NL203") == ["insisted"]
    assert texts("It was claimed that the files were lost.", "NL203") == []


def test_fix_for_single_alternative():
    [finding] = lint("“We lost,” the coach admitted.", select=["NL203"])
    assert finding.fix is not None and not finding.fix.safe
    assert finding.fix.edits[0].replacement == "said"
    [finding] = lint("The regime in Minsk shelled the town.", select=["NL201"])
    assert finding.fix.edits[0].replacement == "government"


def test_messages_name_the_word_and_an_alternative():
    [finding] = lint("“We lost,” the coach admitted.", select=["NL203"])
    assert "“admitted”" in finding.message and "“said”" in finding.message
    [finding] = lint("The union slammed the proposal.", select=["NL202"])
    assert "“slammed”" in finding.message and "criticized" in finding.message
    assert codes(lint("The union slammed the proposal.", select=["loaded-language"])) == ["NL202"]


def test_straight_quotations_are_the_speakers_words():
    text = 'The mayor said: "These thugs are a disgrace and the plan is a sham."\n'
    assert lint(text, select=["NL2"]) == []


def test_multi_paragraph_quotation_is_skipped_but_a_stray_mark_is_not():
    convention = (
        "Headline here\n\n"
        "“The plan is a sham, and everyone knows it.\n\n"
        "“The thugs who wrote it should resign,” the mayor said.\n"
    )
    assert lint(convention, select=["NL202"]) == []
    stray = (
        "Headline here\n\n"
        "The mayor spoke first. “We will see.\n\n"
        "The sham vote went ahead on Monday.\n"
    )
    assert texts(stray, "NL202") == ["sham"]


def test_loaded_words_in_reported_headline_and_body_positions():
    text = "Council passes bombshell budget\n\nThe council passed the budget on Monday.\n"
    findings = lint(text, select=["NL202"])
    assert [(f.line, f.text) for f in findings] == [(1, "bombshell")]


def test_indirect_speech_is_the_speakers():
    assert texts("He said he was brutally interrogated at the camp.", "NL202") == []
    assert texts("According to the lawyer, it was a laughable suggestion.", "NL202") == []
    assert texts("After the vote, which he said was close, the brutal cuts began.", "NL202") == ["brutal"]
