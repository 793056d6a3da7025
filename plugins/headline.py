"""Headline rules (NL5xx): shouting capitals and sensational punctuation in the
headline (front-matter title, first level-1 heading, or a plain-text first line
followed by a blank line)."""

from __future__ import annotations

from newslint import Document, PhraseRule, Rule, Severity, builtin_pack, hookimpl, lazy_pattern

# A run of capitals, at least 4 letters, that is a word of its own.
_SHOUT = lazy_pattern(r"(?<![\p{L}\p{N}'’.-])\p{Lu}{4,}(?![\p{L}\p{N}'’-])")
# Sensational punctuation: ?! !? !! and longer runs of ! or ?.
_SENSATIONAL = lazy_pattern(r"[!?]*(?:\?!|!\?|!!|\?\?)[!?]*")


class ShoutingCapitals(Rule):
    code = "NL501"
    name = "shouting-headline"
    severity = Severity.WARNING
    summary = "A headline word in capitals for emphasis."
    options = {"allow": []}
    docs = {
        "What it flags": "A word of four or more capital letters in the headline "
        "that is not an acronym the headline would write that way anyway: "
        "“Senate REJECTS budget”.",
        "Why it matters": "Capitals shout. Straight news lets the event carry the "
        "weight; a shouted word tells the reader how to feel and reads as tabloid copy.",
        "Example": "Council REJECTS parking plan",
        "Instead": "Write the word in the headline's normal case: “Council rejects "
        "parking plan”. Acronyms (NATO, FIFA) are not flagged when they are "
        "the only capitals around; list others under the rule's `allow` option.",
        "References": "AP Stylebook, “headlines”; Reuters Handbook of Journalism, "
        "“Headlines”: no sensationalism.",
    }

    def check(self, document: Document):
        headline = document.headline
        if headline is None:
            return
        # Most headlines have no run of capitals at all: no need to weigh their case.
        if _SHOUT.search(document.prose, headline.start, headline.end) is None:
            return
        text = document.prose[headline.start : headline.end]
        letters = [c for c in text if c.isalpha()]
        # An all-capitals headline is a house style, not emphasis.
        if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
            return
        allow = {a.upper() for a in self.option(document, "allow")}
        for m in _SHOUT.finditer(document.prose, headline.start, headline.end):
            word = m.group(0)
            if word in allow or _looks_like_acronym(word):
                continue
            yield self.finding(
                document, m.start(), m.end(),
                f"“{word}” is in capitals for emphasis; write it as "
                f"“{word.capitalize() if m.start() == headline.start else word.lower()}”.",
                suggestions=[word.lower()],
                fix=self.replacement(
                    m.start(), m.end(),
                    word.capitalize() if m.start() == headline.start else word.lower(),
                    safe=False, description="Write the word in normal case",
                ),
            )


def _looks_like_acronym(word: str) -> bool:
    # Short capitalised words are usually acronyms (NATO, FIFA, NHS) unless they
    # are common words; long ones are words being shouted, bar a few known acronyms.
    if len(word) <= 5:
        return word not in _SHOUTED_SHORT_WORDS
    return word in _LONG_ACRONYMS or not any(c in "AEIOUY" for c in word)


# Common short English words that are shouting, not acronyms, when in capitals.
_SHOUTED_SHORT_WORDS = frozenset(
    """BANS SLAMS WINS LOSES DEAD DIES KILL KILLS HUGE EPIC MUST NEVER EVER JUST
    THIS THAT WHAT WHY WILL BACK OVER DOWN FIRE FREE LIVE NEWS LIES SAYS SAID
    WARS HELL DOOM RAGE FURY CASH RICH POOR FAKE REAL TRUE BREAKING WATCH
    FINAL FIRST LAST ONLY HUGE TOTAL BLAST RIPS DUMPS QUITS FIRED CAUGHT ALERT
    SHOCK PANIC CHAOS CRASH WRONG RIGHT NEVER AGAIN BIG GOOD BAD BEST WORST""".split()
)
_LONG_ACRONYMS = frozenset(
    "UNESCO UNICEF NASDAQ ASEAN NORAD MERCOSUR FRONTEX INTERPOL EUROPOL OFSTED".split()
)


class SensationalPunctuation(Rule):
    code = "NL502"
    name = "sensational-punctuation"
    severity = Severity.WARNING
    summary = "Runs of ! and ? (“?!”, “!!”) in the headline."
    docs = {
        "What it flags": "Interrobangs and doubled marks in a headline: “?!”, “!?”, “!!”, “??”.",
        "Why it matters": "Stacked punctuation editorialises: it tells readers to be "
        "outraged or astonished instead of telling them what happened.",
        "Example": "Mayor skips budget vote?!",
        "Instead": "State the news plainly; if the fact is surprising, the fact will show it: "
        "“Mayor skips budget vote”.",
        "References": "AP Stylebook, “exclamation point”: avoid overuse; Reuters "
        "Handbook of Journalism, “Headlines”.",
    }

    def check(self, document: Document):
        headline = document.headline
        if headline is None:
            return
        for m in _SENSATIONAL.finditer(document.prose, headline.start, headline.end):
            yield self.finding(
                document, m.start(), m.end(),
                f"“{m.group(0)}” is sensational punctuation; end the headline without it.",
                fix=self.replacement(m.start(), m.end(), "", safe=False,
                                     description="Remove the punctuation"),
            )


class ClickbaitHeadline(PhraseRule):
    code = "NL503"
    name = "clickbait-headline"
    severity = Severity.WARNING
    summary = "Clickbait forms in the headline (“you won't believe”, “here's why”)."
    scope = "headline"
    message = "“{text}” is a clickbait form; {note}"
    docs = {
        "What it flags": "Headline forms that withhold the news to make the reader click: "
        "“You won't believe…”, “Here's why…”, “…what happened next”.",
        "Why it matters": "A news headline tells the news. Teasers erode trust and "
        "hide the facts from readers who only scan headlines.",
        "Example": "You won't believe what the council decided",
        "Instead": "Say what happened: “Council votes to close two libraries”.",
        "References": "Reuters Handbook of Journalism, “Headlines”; SPJ Code of Ethics: "
        "“Ensure that headlines … do not misrepresent”.",
    }


@hookimpl
def newslint_register_rules(register):
    register(ShoutingCapitals())
    register(SensationalPunctuation())
    register(ClickbaitHeadline())


@hookimpl
def newslint_register_rule_packs(register):
    register(builtin_pack("headline.yaml"))
