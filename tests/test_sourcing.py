"""Sourcing rules NL101-NL103: every flag and every exemption of issue 5, the
pack's own examples, and the seed article. All texts are written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import SEED, lint

HEAD = "Headline for the test\n\n"


def findings(body: str, code: str, **config):
    return [f for f in lint(HEAD + body + "\n", select=[code], **config) if f.code == code]


def flagged(body: str, code: str) -> list[str]:
    return [f.text for f in findings(body, code)]


# -- NL101 unsourced-report -------------------------------------------------

@pytest.mark.parametrize(
    "body, text",
    [
        ("A bombshell report revealed that the mayor skipped the vote.", "A bombshell report"),
        ("A new study shows that tea drinkers sleep less.", "A new study"),
        ("Reports say the bridge will close in May.", "Reports"),
        ("The bridge will close in May, according to reports.", "reports"),
        ("Documents show the council knew about the leak in March.", "Documents"),
        ("Leaked documents show the council knew about the leak.", "Leaked documents"),
        ("A poll of 800 residents found support for the levy.", "A poll"),
        ("The water is unsafe, an internal memo warned.", "an internal memo"),
        ("Polls suggest the race for mayor is tied.", "Polls"),
        ("A survey, released on Monday, found most parents want later start times.", "A survey"),
        ("According to a leaked memo, the plant will close.", "a leaked memo"),
        ("An investigation found that the inspections were skipped.", "An investigation"),
    ],
)
def test_nl101_flags_a_report_with_no_producer(body, text):
    got = flagged(body, "NL101")
    if text is None:
        assert got == []
    else:
        assert got == [text]


def test_nl101_message_asks_the_editors_question():
    (finding,) = findings("A bombshell report revealed the deal.", "NL101")
    assert finding.message == "Which report? Name who produced it, or link it."
    (finding,) = findings("Polls show the race is close.", "NL101")
    assert finding.message == "Which polls? Name who produced them, or link them."


@pytest.mark.parametrize(
    "body",
    [
        # producer in the same sentence
        "A report by the GAO found that the program was over budget.",
        "A Reuters report said the talks had stalled.",
        "The report, published Tuesday by the inspector general, found waste.",
        "The Pentagon's report found that the tests were rushed.",
        "The council's report found that the program was over budget.",
        "The agency released a study on Monday that found rising costs.",
        "According to a report in The Daily Ledger, the plant will close.",
        "According to a report released by the inspector general, the plant will close.",
        "According to three polls, including one from Marlow College, the race is tied.",
        "A poll conducted for the Ledger shows the mayor ahead.",
        # a lead whose producer is named in the next sentence (news-service style)
        "Most teenagers own a phone, according to a survey. A study by the Marlow Institute "
        "found that 80% of 15-year-olds had one.",
        "Teenagers sleep less than they did, a report says. The Sleep Council said its figures "
        "came from 3,000 families.",
        # producer in the sentence before
        "The Audit Office published its review on Tuesday. The study found waste in every department.",
        "Marlow College surveyed 900 voters last week. A poll of that size shows a clear lead.",
        # the report mentioned again after it was introduced
        "A report by the GAO was published on Monday. It is long. The report found waste.",
        # a linked report
        "A [report](https://example.org/report.pdf) found that the program was over budget.",
        # the report is the topic, not the source
        "The committee will release its report on Friday.",
        "Lawmakers are waiting for the report.",
        # a named speaker's sourcing, not the writer's
        "Mayor Ruiz said polls show her ahead.",
        "Polls show her ahead, Ruiz said.",
        # a speaker's words
        "“A new study shows we were right,” Ruiz said.",
        '"A new study shows we were right," Ruiz said.',
    ],
)
def test_nl101_does_not_flag_a_report_whose_producer_is_in_reach(body):
    assert flagged(body, "NL101") == []


def test_nl101_link_in_markdown_and_html():
    md = "# Title\n\nA [new study](https://example.org/s) shows that tea drinkers sleep less.\n"
    assert [f for f in lint(md, path="a.md", select=["NL101"])] == []
    html = ('<html><body><h1>Title</h1><p>A <a href="https://example.org/s">new study</a> '
            "shows that tea drinkers sleep less.</p></body></html>\n")
    assert [f for f in lint(html, path="a.html", select=["NL101"])] == []
    plain = "# Title\n\nA new study shows that tea drinkers sleep less.\n"
    assert [f.text for f in lint(plain, path="a.md", select=["NL101"])] == ["A new study"]


def test_nl101_flags_the_first_mention_only():
    body = "A new study shows that tea drinkers sleep less. The study also found they eat more."
    assert flagged(body, "NL101") == ["A new study"]


def test_nl101_not_in_the_headline():
    assert lint("New study shows tea is good\n\nBody text here.\n", select=["NL101"]) == []


# -- NL102 vague-source -----------------------------------------------------

@pytest.mark.parametrize(
    "body, text",
    [
        ("Critics say the plan will raise rents.", "Critics say"),
        ("Experts believe the virus is spreading.", "Experts believe"),
        ("Some argue that the tax is unfair.", "Some argue"),
        ("Many people are saying the election was unfair.", "Many people are saying"),
        ("Observers note that turnout was low.", "Observers note"),
        ("Sources said the deal was close.", "Sources said"),
        ("Insiders claim the chief executive will resign.", "Insiders claim"),
        ("Some firms back the law, while others fear it will hurt them.", "others fear"),
        ("A source said the deal was close.", "A source said"),
        ("Some legal experts say the ruling is flawed.", "Some legal experts say"),
        ("It has been suggested by some that the mayor knew.", "It has been suggested by some"),
        ("The plan, which critics say is flawed, passed on Monday.", "critics say"),
        ("The levy passed, but some worry that rents will rise.", "some worry"),
    ],
)
def test_nl102_flags_a_vague_source(body, text):
    assert flagged(body, "NL102") == [text]


def test_nl102_message():
    (finding,) = findings("Critics say the plan will raise rents.", "NL102")
    assert finding.message.startswith("Which critics? Name them")


@pytest.mark.parametrize(
    "body",
    [
        # described sources
        "Two officials familiar with the talks, who spoke on condition of anonymity because they "
        "were not authorized to discuss them, said the deal was close.",
        "Sources close to the negotiations said the deal was close.",
        # named experts in reach
        "Experts such as Jane Roe say the virus is spreading.",
        "Critics, including Senator Ann Ortiz, say the plan will raise rents.",
        # a back-reference or an affiliation
        "The experts said the virus was spreading.",
        "The source said the deal was close.",
        "Pentagon officials said the tests were rushed.",
        # a described group
        "Of the 40 tenants interviewed, some said rents had doubled.",
        "The Chamber surveyed 300 firms. Many said costs had risen.",
        # not a source at all
        "The rise is causing some worry at the central bank.",
        "She struck many of the same notes as her rival.",
        # a speaker's words
        "“Critics say I am wrong,” Ruiz said.",
        "Ruiz said critics say she is wrong.",
    ],
)
def test_nl102_does_not_flag_described_or_named_sources(body):
    assert flagged(body, "NL102") == []


# -- NL103 passive-attribution ----------------------------------------------

@pytest.mark.parametrize(
    "body, text",
    [
        ("It is believed that the fire started in the kitchen.", "It is believed"),
        ("It was revealed that the mayor had two passports.", "It was revealed"),
        ("It is widely thought that the plant will close.", "It is widely thought"),
        ("It has been reported that the minister will resign.", "It has been reported"),
        ("The singer reportedly cancelled the tour.", "reportedly"),
        ("The minister is said to be furious.", "is said to be"),
        ("He is alleged to have taken the money.", "is alleged to have"),
        ("The governor is widely expected to run for president.", "is widely expected"),
    ],
)
def test_nl103_flags_an_agentless_claim(body, text):
    assert flagged(body, "NL103") == [text]


def test_nl103_message():
    (finding,) = findings("It is believed that the fire started in the kitchen.", "NL103")
    assert finding.message == "Believed by whom? Name the source of the claim."
    (finding,) = findings("The singer reportedly cancelled the tour.", "NL103")
    assert finding.message.startswith("Reported by whom?")


@pytest.mark.parametrize(
    "body",
    [
        # an agent follows
        "It was revealed by the Senate committee that the mayor had two passports.",
        "The minister is said by aides to be furious.",
        # not an attribution
        "The theft happened at night and it was reported to police the next day.",
        "The governor is expected to run for president.",
        # the outlet is named
        "The singer reportedly cancelled the tour, according to the Daily Ledger.",
        "The Daily Ledger reported on the tour on Sunday. The singer reportedly cancelled it.",
        "The singer reportedly cancelled the tour. The Daily Ledger said she was ill.",
        "The striker is believed to want a move. The Sunday Ledger reports that he met the club.",
        # a speaker's words
        "“It is believed he fled,” Ruiz said.",
        # allegedly: standard caution in court and crime reporting
        "The man allegedly broke into three houses.",
    ],
)
def test_nl103_does_not_flag(body):
    assert flagged(body, "NL103") == []


def test_nl103_allegedly_is_an_option():
    body = "The man allegedly broke into three houses."
    assert [f.text for f in lint(HEAD + body + "\n", select=["NL103"])] == []
    from newslint import lint_text

    config = {"select": ["NL103"], "NL103": {"allegedly": True}}
    got = lint_text(HEAD + body + "\n", path="a.txt", config=config)
    assert [f.text for f in got] == ["allegedly"]


# -- the pack and the seed --------------------------------------------------

def _pack_examples():
    from importlib.resources import files

    from newslint.rulepacks import load_pack

    for spec in load_pack(str(files("newslint.packs").joinpath("sourcing.yaml"))):
        for entry in spec.entries:
            for text in entry.matches:
                yield spec.code, text, True
            for text in entry.non_matches:
                yield spec.code, text, False


@pytest.mark.parametrize("code, text, should_match", list(_pack_examples()))
def test_pack_examples(code, text, should_match):
    assert bool(flagged(text, code)) is should_match, (code, text)


def test_every_pack_entry_has_examples_and_a_note():
    from importlib.resources import files

    from newslint.rulepacks import load_pack

    for spec in load_pack(str(files("newslint.packs").joinpath("sourcing.yaml"))):
        for entry in spec.entries:
            assert entry.note, entry.key
            assert entry.matches or entry.non_matches, entry.key


def test_seed_article_flags_only_the_bombshell_report():
    text = SEED.read_text(encoding="utf-8")
    got = [f for f in lint(text, path="seed-article.txt", select=["NL1"])]
    assert [(f.code, f.line, f.text) for f in got] == [("NL101", 27, "A bombshell report")]
