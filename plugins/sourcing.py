"""Sourcing rules (NL101-NL103): claims whose source the reader cannot identify.

The phrase families (reports, vague sources, agentless passives) live in the rule
pack `rules/sourcing.yaml`; this module holds the context tests that decide whether
a match is really unsourced: a producer or a description in reach, a link, an
agent after the passive, or a speaker's own words (quoted or reported)."""

from __future__ import annotations

import bisect
import re
from functools import cached_property

import regex

from newslint import (
    Document,
    PhraseRule,
    Severity,
    builtin_pack,
    compile_pattern,
    hookimpl,
    lazy_pattern,
)

_F = regex.V1 | regex.IGNORECASE

# Verbs of speech: a sentence that reports what a named person said carries
# that person's sourcing, not the writer's ("Smith said polls show her ahead").
_SPEECH = lazy_pattern(
    r"(?<!\w)(?:said|says|say|told|tells|argued|argues|claimed|claims|insisted|insists|"
    r"noted|notes|added|adds|wrote|writes|tweeted|tweets|posted|cited|cites|citing|"
    r"pointed\s+to|points\s+to|according\s+to|asked|explained|explains|stated|stresses|"
    r"stressed|warned|warns|contended|contends|maintained|maintains|declared|boasted|"
    r"suggested|suggests|acknowledged|conceded|admitted|recalled|responded|replied|"
    r"testified|announced|believes|thinks|argue|insist)(?!\w)",
    _F,
)
# "..., Smith said." / "..., she said." after the match.
_TRAILING_ATTRIBUTION = lazy_pattern(
    r"[,”\"]\s*(?P<who>[^,.;:!?]{0,50}?\s)?(?:said|says|told|added|argued|wrote|according\s+to|"
    r"insisted|noted|claimed|tweeted)(?!\w)",
    _F,
)
_PRONOUN = lazy_pattern(r"(?<!\w)(?:he|she|they|i|we|you)(?!\w)", _F)


# Patterns of the context tests, compiled once, when first used.
_LAST_WORDS = lazy_pattern(r"((?:[\p{L}\p{N}’'.-]+,?\s+){1,4})$")
_ACCORDING_TO = lazy_pattern(r"according\s+to\s+", _F)
_MEMBERS = lazy_pattern(r"(?<!\w)(?:who|such\s+as|including|like|led\s+by)(?!\w)", _F)
_WORD_BEFORE = lazy_pattern(r"([\p{L}’'.-]+)\s+$")
_OF_AMONG = lazy_pattern(r"\s*(?:of|among)\s", _F)
_ONE_OF = lazy_pattern(r"(?:a|an|one|another)\s", _F)


def _speaker_before(text: str, starts_sentence: bool) -> bool:
    """The words before a speech verb end with a named speaker or a pronoun
    ("Ruiz said", "the mayor, Ana Ruiz, said", "she told"), not a vague group."""
    tail = _LAST_WORDS.search(text)
    if not tail:
        return False
    words = tail.group(1)
    if _PRONOUN.search(words.split()[-1] if words.split() else ""):
        return True
    last = [w.strip(",") for w in words.split()]
    return _names_someone(" ".join(last[-3:]), starts_sentence and len(last) <= 3)
# Verbs that name a report's producer as their subject ("the GAO released a
# report that found"), or a speaker who cites it.
_PRODUCING = lazy_pattern(
    r"(?<!\w)(?:released|releases|release|published|publishes|issued|issues|conducted|"
    r"conducts|commissioned|commissions|compiled|prepared|produced|unveiled|presented|"
    r"put\s+out|submitted|filed|wrote|authored|ordered|obtained|cited|cites|citing|"
    r"pointed\s+to|points\s+to|referred\s+to|quoted|sent|delivered|completed)(?!\w)",
    _F,
)
# A described anonymous source: the reason for anonymity or what the source knows.
_DESCRIBED = lazy_pattern(
    r"(?<!\w)(?:condition\s+of\s+anonymity|speaking\s+anonymously|spoke\s+anonymously|"
    r"not\s+authori[sz]ed|declined\s+to\s+be\s+(?:named|identified)|asked\s+not\s+to\s+be\s+"
    r"(?:named|identified)|requested\s+anonymity|in\s+exchange\s+for\s+anonymity|"
    r"granted\s+anonymity|familiar\s+with|privy\s+to|knowledge\s+of|briefed\s+on|involved\s+in|"
    r"close\s+to|who\s+(?:was|were|is|are|had|has|have)\s+(?:present|there|in\s+the\s+room))(?!\w)",
    _F,
)
# Where the stretch after "according to a report" stops: at a clause boundary,
# but not at ", including one from ...", ", published by ...".
_TAIL_STOP = lazy_pattern(
    r"[;:.!?]|(?<!\w)(?:that|which|who|whose)(?!\w)|,(?!\s*(?:including|such\s+as|among|from|by|in|conducted|published|released|"
    r"commissioned|issued|prepared|carried)(?!\w))",
    _F,
)
# What may open a NL101 match before the report itself.
_LEAD = lazy_pattern(
    r"(?:according\s+to|amid|despite|following|after|given|there\s+(?:have|had)\s+been|"
    r"there\s+(?:are|were))\s+",
    _F,
)
# A sentence that opens with a named body and what it said or found.
_NEXT_PRODUCER = lazy_pattern(
    r"\s*(?:The\s+)?(?:(?:\p{Lu}[\p{L}\p{N}’'&.-]*|of|for|and|the|on|in)\s+){1,9}?"
    r"(?:said|says|found|finds|published|publishes|released|releases|reported|reports|"
    r"surveyed|polled|interviewed|questioned|studied|carried\s+out|conducted|commissioned)(?!\w)",
    regex.V1,
)
_POSSESSIVE_DET = {"its", "their", "his", "her", "our", "my", "your"}
_DEFINITE_DET = {"the", "this", "that", "these", "those"}
# Capitalised only because they open a sentence: not a producer's name.
_COMMON_OPENERS = frozenset(
    """a an the this that these those one another new recent latest leaked internal
    secret several many some multiple numerous media news press published
    confidential damning bombshell explosive government official independent separate
    earlier previous exit national local private public unpublished draft preliminary
    classified unconfirmed unverified conflicting early two three four five other
    various most critics experts analysts observers insiders sources commentators
    pundits skeptics sceptics detractors naysayers officials strategists opponents
    watchers political legal industry health medical security military intelligence
    senior top foreign outside economic financial market conservative liberal
    progressive federal state party former current unnamed anonymous leading
    prominent informed western it but and yet still so however meanwhile also crime
    defense defence digital budget campaign administration city county immigration law
    enforcement nuclear aviation policy climate energy tech technology business trade
    labor labour union school university academic police diplomatic election polling
    aides advisers advisors allies economists scientists researchers historians scholars
    diplomats operatives associates confidants opinion all virtually nearly almost few
    lots""".split()
)
_WORD = lazy_pattern(r"[\p{L}\p{N}][\p{L}\p{N}’'/&.-]*")
_DAYS_MONTHS = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sept?|Oct|Nov|Dec)(?!\w)"
)
_NAMED_AFTER = lazy_pattern(
    r"(?<!\w)(?:by|from|for)(?!\w)|(?<!\w)(?:of|in|at|on|with)\s+(?:the\s+)?(?!" + _DAYS_MONTHS
    + r")\p{Lu}|\p{Lu}\p{L}*['’]s(?!\w)",
    regex.V1,
)
# A named actor reacting to a report: the report is the topic, not the source.
_REACTING = lazy_pattern(
    r"(?<!\w)(?:called|dismissed|denied|denies|rejected|disputed|criticized|criticised|"
    r"responded\s+to|denounced|attacked|questioned|defended|welcomed|praised|slammed)(?!\w)",
    _F,
)
# Kinds of source, for telling whether "the poll" points back to a poll already
# mentioned (it then needs no second finding) or is a new one.
_KIND_WORDS = {
    "report": "poll polls polling survey surveys pollster pollsters "
              "report reports study studies analysis analyses research review audit inquiry "
              "investigation investigations probe findings paper",
    "document": "document documents records emails e-mails memo memos memorandum dossier files "
                "letter filing filings",
}
_KIND = {w: kind for kind, words in _KIND_WORDS.items() for w in words.split()}
_KIND_PATTERNS = {
    kind: lazy_pattern(r"(?<!\w)(?:" + "|".join(words.split()) + r")(?!\w)", _F)
    for kind, words in _KIND_WORDS.items()
}
# A report named with its producer ("A survey of 280 firms by Data Services",
# "The study, undertaken by the Commission").
_KIND_BY_NAME = lazy_pattern(
    r"(?i:" + "|".join(sorted({w for ws in _KIND_WORDS.values() for w in ws.split()}))
    + r")(?!\w)[^.;:!?]{0,60}?(?<!\w)(?i:by|from|for)\s+(?:the\s+)?\p{Lu}",
    regex.V1,
)
_RESEARCHED = lazy_pattern(
    r"(?<!\w)(?:surveyed|polled|interviewed|studied|investigated|analy[sz]ed|examined|"
    r"reviewed|audited|found|concluded|reported)(?!\w)",
    _F,
)
_ANY_REPORT = lazy_pattern(
    r"(?<!\w)(?:report|reports|study|studies|poll|polls|survey|surveys|analysis|analyses|"
    r"investigation|investigations|memo|memos|memorandum|document|documents|records|"
    r"emails|e-mails|dossier|research|findings|audit|inquiry|review)(?!\w)",
    _F,
)


def _in_straight_quote(document: Document, offset: int) -> bool:
    """True when an odd number of straight double quotes open the paragraph
    before `offset` (the core quotation model reads curly marks)."""
    block = document.block_at(offset)
    if block is None:
        return False
    before = document.prose[block.start : offset]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december jan feb mar apr jun
    jul aug sep sept oct nov dec i""".split()
)


def _is_name(word: str, sentence_initial: bool) -> bool:
    """A word that names someone: capitalised (or an acronym), and not merely
    because it opens the sentence or is a day or a month."""
    if not word[:1].isupper() or word.lower().rstrip(".") in _CALENDAR:
        return False
    if any(c.isupper() for c in word[1:]):
        return True  # CNN, NBC/WSJ, McClatchy
    if sentence_initial:
        return word.lower() not in _COMMON_OPENERS
    return True


def _names_someone(text: str, text_starts_sentence: bool = False) -> bool:
    for i, m in enumerate(_WORD.finditer(text)):
        word = m.group(0)
        if word.endswith(("’s", "'s")) and word[:1].isupper():
            return True
        if _is_name(word, text_starts_sentence and i == 0):
            return True
    return False


_REGEX_WORD = lazy_pattern(r"\w", _F)
# \\w as the rule packs' patterns read it (PhraseRule compiles them V0).
_RULE_WORD = lazy_pattern(r"\w", regex.V0 | regex.IGNORECASE)
_RE_WORD = re.compile(r"\w")
_LEADING_WORD = re.compile(r"\w+")


class _PerCharacter(dict):
    """character -> test(character), worked out once per character: a dict
    lookup where a corpus needs hundreds of thousands of tests."""

    def __init__(self, test) -> None:
        super().__init__()
        self.test = test

    def __missing__(self, char: str) -> bool:
        self[char] = found = self.test(char)
        return found


def _is_plain(ch: str) -> bool:
    """A non-ASCII character on which `re` and `regex` agree for an ASCII trigger:
    it case-maps to one character and never to ASCII, and `re` calls its lowercase
    \\w exactly when `regex` calls it, or its case-folded form, \\w, in the
    rules' own (V0) patterns as in the trigger (V1) pattern."""
    forms = (ch.lower(), ch.upper(), ch.casefold(), ch.title())
    word = bool(_REGEX_WORD.match(ch))
    return (all(len(f) == 1 and not f.isascii() for f in forms)
            and bool(_RE_WORD.match(ch.lower())) == word
            and bool(_REGEX_WORD.match(ch.casefold())) == word
            and bool(_RULE_WORD.match(ch)) == word)


_PLAIN_CHAR = _PerCharacter(_is_plain)
#: Whether `regex` (V1) calls a character \\w; whether `re` does.
_REGEX_WORD_CHAR = _PerCharacter(lambda ch: _REGEX_WORD.match(ch) is not None)
_RE_WORD_CHAR = _PerCharacter(lambda ch: _RE_WORD.match(ch) is not None)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _plain_text(text: str) -> bool:
    """Every character is ASCII or plain (see `_is_plain`): an ASCII lowercase
    trigger word found in the lowercased text, between characters `re` does not
    call \\w, is exactly what the `regex` trigger pattern finds in the text."""
    return text.isascii() or all(_PLAIN_CHAR[ch] for ch in set(_NON_ASCII.findall(text)))


def _lowered_plain(document: Document) -> str | None:
    """The prose lowercased if it is plain (see `_plain_text`), else None;
    computed once per document for the three rules."""
    cache = document.__dict__
    if "_sourcing_lowered" not in cache:
        prose = document.prose
        if prose.isascii():
            # ASCII case-folds as it lowercases; the core has folded it already.
            lowered = document.folded_prose
        else:
            lowered = prose.lower() if _plain_text(prose) else None
        cache["_sourcing_lowered"] = lowered
    return cache["_sourcing_lowered"]


def _pattern_hits(occurrences: list[tuple[int, int, bool]], start: int,
                  end: int) -> list[tuple[int, int]]:
    """What the trigger pattern's `finditer(prose, start, end)` finds,
    from the trigger words' occurrences: at each offset the first alternative
    (the longest word) that ends by `end` and before a non-word character (or
    at `end`, which ends the text for the pattern), then on from its end. The
    pattern sees the text before `start`, as the occurrences do."""
    hits: list[tuple[int, int]] = []
    resume = start
    for at, negative_size, word_ends in occurrences[bisect.bisect_left(occurrences, (start,)):]:
        if at >= end:
            break
        after = at - negative_size
        if at < resume or after > end or not (word_ends or after == end):
            continue
        hits.append((at, after))
        resume = after
    return hits


class _SourcingRule(PhraseRule):
    severity = Severity.WARNING
    scope = "body"
    skip_quotations = True
    #: Characters of context a match may span before and after a trigger word.
    window: tuple[int, int] = (0, 0)

    def _trigger_words(self) -> list[str] | None:
        """Words one of which every match contains; None to scan everything."""
        return None

    @cached_property
    def _trigger_pattern(self) -> regex.Pattern | None:
        words = self._trigger_words()
        if words is None:
            return None
        return compile_pattern(
            r"(?<!\w)(?:" + "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
            + r")(?!\w)",
            _F,
        )

    @cached_property
    def _trigger_words_plain(self) -> bool:
        """The trigger words are ASCII and lower case, so on plain prose they can
        be looked up in the lowercased text (see `_plain_text`)."""
        return all(w.isascii() and w == w.lower() for w in self._trigger_words() or [])

    @cached_property
    def _trigger_groups(self) -> tuple[dict[str, list[str]], list[str]]:
        """The trigger words by their leading run of word characters, and
        those that open with none (always looked for)."""
        by_key: dict[str, list[str]] = {}
        keyless = []
        for word in self._trigger_words() or []:
            first = _LEADING_WORD.match(word)
            if first is None:
                keyless.append(word)
            else:
                by_key.setdefault(first.group(0), []).append(word)
        return by_key, keyless

    def regions(self, document: Document) -> list[tuple[int, int]]:
        """Only the stretches around trigger words: the full patterns are costly to
        try at every word, and a document has few trigger words."""
        trigger = self._trigger_pattern
        regions = super().regions(document)
        if trigger is None:
            return regions
        before, after = self.window
        windows: list[tuple[int, int]] = []
        lowered = _lowered_plain(document) if self._trigger_words_plain else None
        occurrences = []
        if lowered is not None:
            cache = document.__dict__
            whole_key = f"_sourcing_whole_words_{self.scope}"
            if whole_key not in cache:
                # A region that ends inside a word makes a word of its first part.
                cache[whole_key] = all(end >= len(lowered) or not _RE_WORD_CHAR[lowered[end]]
                                       for _, end in regions)
            occurrences = self._trigger_occurrences(document, lowered, cache[whole_key])
        reach: list[int] = []  # per window, the end of its last trigger word
        for start, end in regions:
            if lowered is not None:
                hits = _pattern_hits(occurrences, start, end)
            else:
                hits = [hit.span() for hit in trigger.finditer(document.prose, start, end)]
            for hit_start, hit_end in hits:
                s, e = max(start, hit_start - before), min(end, hit_end + after)
                if windows and s <= windows[-1][1]:
                    windows[-1] = (windows[-1][0], max(windows[-1][1], e))
                    reach[-1] = max(reach[-1], hit_end)
                else:
                    windows.append((s, e))
                    reach.append(hit_end)
        if lowered is not None:
            document.__dict__[self._reach_key] = dict(zip(windows, reach, strict=True))
        return windows

    @cached_property
    def _reach_key(self) -> str:
        return f"_sourcing_reach_{self.code}"

    def scan(self, document: Document, start: int, end: int, before: int | None = None):
        """The pattern's matches in a window, as `finditer` finds them, tried
        only up to the window's last trigger word: every match holds a trigger
        word, so none begins after it, and the stretch after it (a match's
        reach) is most of the window."""
        reach = document.__dict__.get(self._reach_key, {}).get((start, end))
        if reach is None or self._cuts_trigger(document, end):
            yield from super().scan(document, start, end, before)
            return
        yield from super().scan(document, start, end, reach if before is None else min(before, reach))

    def _cuts_trigger(self, document: Document, end: int) -> bool:
        """A window that ends inside a word makes a word of its first part,
        which may be a trigger word the window's hits do not have."""
        lowered = _lowered_plain(document)
        is_word = _RE_WORD_CHAR
        if end >= len(lowered) or not (is_word[lowered[end]] and is_word[lowered[end - 1]]):
            return False
        tails = self._trigger_tails
        at = end - 1
        while at > 0 and is_word[lowered[at - 1]]:
            at -= 1
            if end - at > tails[1]:
                return False
        return lowered[at:end] in tails[0]

    @cached_property
    def _trigger_tails(self) -> tuple[frozenset[str], int]:
        """The last runs of word characters of the trigger words, and the longest."""
        tails = frozenset(
            found[-1] for found in (_LEADING_WORD.findall(w) for w in self._trigger_words() or []) if found
        )
        return tails, max(map(len, tails), default=0)

    def _trigger_occurrences(self, document: Document, lowered: str,
                             whole_words: bool) -> list[tuple[int, int, bool]]:
        """(start, -length, whether a non-word character follows) of each
        trigger word in the lowered plain prose that does not follow a word
        character, sorted: at each offset the longest word first, the order the
        pattern's alternatives are tried in. Only words the document has are
        looked for (`folded_words`: on plain prose, a trigger word that stands
        alone is one of them). `whole_words`: no region ends inside a word, so
        that test is sound."""
        present = document.folded_words if whole_words else None
        is_word = _RE_WORD_CHAR
        size_of_text = len(lowered)
        found = []
        find = lowered.find
        if present is None:
            words = self._trigger_words() or []
        else:
            by_key, words = self._trigger_groups
            # (A set operation in C, not a test per trigger word: most are absent.)
            words = words + [w for key in present.intersection(by_key) for w in by_key[key]]
        for word in words:
            size = len(word)
            at = find(word)
            while at >= 0:
                after = at + size
                if at == 0 or not is_word[lowered[at - 1]]:
                    found.append((at, -size, after == size_of_text or not is_word[lowered[after]]))
                at = find(word, at + 1)
        found.sort()
        return found

    def _sentence(self, document: Document, offset: int) -> tuple[int, int, int | None]:
        index = document.sentence_index_at(offset)
        if index is None:
            block = document.block_at(offset)
            if block is None:
                return offset, offset, None
            return block.start, block.end, None
        sentence = document.sentences[index]
        return sentence.start, sentence.end, index

    def _previous_sentence(self, document: Document, index: int | None) -> str:
        if index is None or index == 0:
            return ""
        previous = document.sentences[index - 1]
        block = document.blocks[previous.block]
        if block.kind == "headline":
            return ""
        return document.prose[previous.start : previous.end]

    def _speaker_in_reach(self, document: Document, s_start: int, start: int, end: int,
                          s_end: int) -> bool:
        """The sentence reports a speaker's words: their sourcing, not the writer's."""
        prose = document.prose
        for verb in _SPEECH.finditer(prose, s_start, start):
            if verb.group(0).lower().startswith("according"):
                if _names_someone(prose[verb.end() : min(start, verb.end() + 40)]):
                    return True
            elif _speaker_before(prose[max(s_start, verb.start() - 60) : verb.start()],
                                 verb.start() - 60 <= s_start):
                return True
        trailing = _TRAILING_ATTRIBUTION.search(prose, end, s_end)
        if trailing:
            who = trailing.group("who") or ""
            if _PRONOUN.search(who) or _names_someone(who):
                return True
        return False

    def _common_rejections(self, document: Document, start: int, end: int) -> bool:
        if _in_straight_quote(document, start):
            return True
        return False


class UnsourcedReport(_SourcingRule):
    code = "NL101"
    name = "unsourced-report"
    summary = "A report, study, poll or document cited as a source with no producer named."
    docs = {
        "What it flags": "A report, study, poll, survey, analysis, investigation, memo, "
        "documents or records given as the source of a claim when nothing says who "
        "produced them: “a bombshell report revealed”, “a new study shows”, “reports "
        "say”, “according to reports”, “documents show”. It does not flag a report whose "
        "producer is named in the same sentence or the one before (“a report by the "
        "GAO”, “a Reuters report”, “the report, published Tuesday by the inspector "
        "general”, “the Pentagon's report”), a linked report, a report mentioned again "
        "after it was introduced, a report that is the topic rather than the source "
        "(“the committee will release its report on Friday”), or a report cited by a "
        "named speaker.",
        "Why it matters": "A claim is only as good as its source. “A report” could be a "
        "government audit, a peer-reviewed study or an anonymous blog post; readers "
        "cannot weigh the claim, or check it, until they know which.",
        "Example": "A bombshell report revealed that the council ignored safety warnings.",
        "Instead": "Name the producer and, online, link the document: “A report by the "
        "state auditor, published Tuesday, found that the council ignored safety "
        "warnings.” If the outlet has not seen the report, say whose account it relies on.",
        "References": "SPJ Code of Ethics, “Seek Truth and Report It”: “Identify sources "
        "clearly. The public is entitled to as much information as possible to judge the "
        "reliability and motivations of sources.” Reuters Handbook of Journalism, "
        "“Sourcing”: attribute every fact that is not common knowledge to a named source "
        "and say how we know it. AP Stylebook, “anonymous sources” and “polls and "
        "surveys” (name who conducted and paid for a poll). Wikipedia Manual of Style, "
        "“Words to watch”: unsupported attributions (“research has shown”, “a report "
        "says”).",
    }

    window = (90, 200)

    def _trigger_words(self) -> list[str]:
        return self.lists.get("report") or ["report", "reports"]

    @property
    def _noun_pattern(self) -> regex.Pattern:
        return self._trigger_pattern

    def _noun(self, document: Document, match) -> tuple[int, int, int] | None:
        lead = _LEAD.match(match.group(0))
        start = match.start() + (len(lead.group(0)) if lead else 0)
        m = self._noun_pattern.search(document.prose, start, match.end())
        return None if m is None else (start, m.end(), m.start())

    def span_for(self, match, entry):
        lead = _LEAD.match(match.group(0))
        start = match.start() + (len(lead.group(0)) if lead else 0)
        found = self._noun_pattern.search(match.string, start, match.end())
        return start, (found.end() if found else match.end())

    def accept(self, document: Document, match, entry) -> bool:
        prose = document.prose
        found = self._noun(document, match)
        if found is None:
            return False
        np_start, noun_end, noun_start = found
        if self._common_rejections(document, np_start, noun_end):
            return False
        s_start, s_end, index = self._sentence(document, np_start)
        # A link on the report, or anywhere in the sentence.
        if document.links_in(s_start, s_end):
            return False
        # The producer inside the noun phrase: a Reuters report, the Pentagon's report, its report.
        words = [w.group(0) for w in _WORD.finditer(prose, np_start, noun_start)]
        if words and words[0].lower() in _POSSESSIVE_DET:
            return False
        if any(w.endswith(("’s", "'s", "s’", "s'")) for w in words):
            return False
        if _names_someone(prose[np_start:noun_start], np_start == s_start):
            return False
        # The producer after the noun: a report by the GAO, according to a report in The Ledger.
        if _LEAD.match(match.group(0)):
            stop = _TAIL_STOP.search(prose, noun_end, s_end)
            tail = prose[noun_end : stop.start() if stop else s_end]
        else:
            tail = prose[noun_end : match.end()]
        if _NAMED_AFTER.search(tail) or _names_someone(tail):
            return False
        # A producer or a citing speaker earlier in the sentence; a speaker after it.
        if _PRODUCING.search(prose, s_start, match.start()):
            return False
        if _REACTING.search(prose, s_start, match.start()):
            return False
        if self._speaker_in_reach(document, s_start, match.start(), match.end(), s_end):
            return False
        # "The report ..." after the report was introduced: flag the first mention only.
        det = words[0].lower() if words else ""
        if det in _DEFINITE_DET:
            kind = _KIND.get(prose[noun_start:noun_end].lower(), "report")
            if _KIND_PATTERNS[kind].search(prose, 0, s_start):
                return False
        # The sentence before names the producer.
        previous = self._previous_sentence(document, index)
        if previous and (_ANY_REPORT.search(previous) or _PRODUCING.search(previous)
                         or _RESEARCHED.search(previous)):
            if _names_someone(previous, True):
                return False
        # A lead that names the producer in the next sentence ("..., a report says.
        # The Funding Council said ..."): the house style of many news services.
        if index is not None and index + 1 < len(document.sentences):
            following = document.sentences[index + 1]
            trailing = prose[s_start : match.start()].rstrip().endswith(",")
            if (trailing and following.block - document.sentences[index].block <= 1
                    and det not in _DEFINITE_DET):
                if _NEXT_PRODUCER.match(prose, following.start, following.end):
                    return False
                # "A survey of 280 schemes by Incomes Data Services said ..."
                if _KIND_BY_NAME.search(prose, following.start, following.end):
                    return False
        return True

    def message_for(self, document: Document, match, entry) -> str:
        found = self._noun_pattern.search(match.string, match.start(), match.end())
        noun = found.group(0).lower() if found else "report"
        plural = noun.endswith("s") and noun not in ("analysis",) or noun in ("research",)
        if noun in ("rumours", "rumors"):
            return "Whose rumours? Say who is spreading them and why they matter, or leave them out."
        if noun == "research":
            return "Whose research? Name who did it, or link it."
        if plural:
            return f"Which {noun}? Name who produced them, or link them."
        return f"Which {noun}? Name who produced it, or link it."


_BY_VAGUE = lazy_pattern(
    r"\sby\s+(?:some|many|others|critics|experts|observers|analysts|insiders)$", _F
)
_RESPONDENTS = lazy_pattern(
    r"(?<!\w)(?:survey|surveys|surveyed|poll|polled|questioned|interviewed|respondents|"
    r"found|asked)(?!\w)",
    _F,
)
_ASKED = lazy_pattern(
    r"(?<!\w)(?:surveyed|polled|questioned|interviewed|respondents|asked|survey\s+of)(?!\w)", _F
)
_BARE_QUANTIFIERS = frozenset("some many most others several numerous people folks".split())
_ANAPHORA_BEFORE = frozenset(
    "the these those its their of among such other his her our my your".split()
)
_VAGUE_VERB_START = lazy_pattern(
    r"\s+(?:(?:have|has|had|are|were|is|would|could|might|may|will|also|long|often|privately|publicly|now|still|"
    r"increasingly|widely|frequently|even|already)\s+){0,3}\w+(?:\s+out)?$",
    _F,
)


class VagueSource(_SourcingRule):
    code = "NL102"
    name = "vague-source"
    summary = "Collective or undescribed sources (“critics say”, “experts believe”, “sources said”)."
    docs = {
        "What it flags": "Claims put in the mouths of unnamed groups or undescribed "
        "sources: “critics say”, “experts believe”, “some argue”, “many people are "
        "saying”, “observers note”, “sources said”, “insiders claim”, “it has been "
        "suggested by some”. It does not flag a source that is described (“two officials "
        "familiar with the talks, who spoke on condition of anonymity because they were "
        "not authorized to discuss them”), a group with named members in reach "
        "(“experts such as Jane Roe say”, “critics, including Senator Ortiz, say”), a "
        "group tied to a named body (“Pentagon officials”), or a named speaker's words.",
        "Why it matters": "An unnamed crowd lends a claim weight it has not earned: "
        "“critics say” can mean one blogger, and readers cannot tell how many critics, "
        "who they are or why they should be believed. It is also the easiest way to slip "
        "the writer's opinion into news copy.",
        "Example": "Critics say the new stadium will drive up rents.",
        "Instead": "Name the people (“Ana Ruiz, who chairs the tenants' union, said…”). "
        "If a source must stay anonymous, describe the source as precisely as possible "
        "and say why: “a council official who was not authorized to discuss the "
        "contract”.",
        "References": "AP Stylebook, “anonymous sources”: use them only when the "
        "material is information, not opinion; describe the source and explain why "
        "anonymity was granted. Reuters Handbook of Journalism, “Sourcing” and "
        "“Anonymous sources”: give as much detail as possible about an unnamed source. "
        "SPJ Code of Ethics: “Consider sources' motives before promising anonymity… "
        "Explain why anonymity was granted.” Wikipedia Manual of Style, “Words to "
        "watch”: unsupported attributions (“some people say”, “critics claim”, "
        "“experts declare”, “it has been suggested”).",
    }

    window = (90, 260)
    sparse_regions = True  # the windows hold about a quarter of the prose

    @cached_property
    def _modifiers(self) -> regex.Pattern:
        """Up to two modifiers and a quantifier before a source noun ("some legal
        experts"), matched backwards from the noun: cheaper than in the pack's pattern."""
        return self._modifier_pattern(_F)

    @cached_property
    def _modifiers_ascii(self) -> regex.Pattern | None:
        """The same with simple case folding, four times faster; on ASCII text, with
        ASCII lists, full case folding finds nothing more (None if a list is not ASCII)."""
        lists = ("vague_quant", "stop", "vague_noun", "ed_ok")
        if not all(w.isascii() for name in lists for w in self.lists.get(name, [])):
            return None
        return self._modifier_pattern(_F, "(?-f)")

    def _modifier_pattern(self, flags: int, prefix: str = "") -> regex.Pattern:
        return compile_pattern(
            prefix + r"(?:(?<!\w)(?:\L<quant>|a|an|another)\s+)?(?:(?<![\w’'-])(?!\L<stop>(?!\w)|\L<noun>(?!\w)|"
            r"\L<quant>(?!\w)|(?!\L<ed_ok>(?!\w))[\w’'-]+ed(?!\w))[\w’'-]+\s+){0,2}$",
            flags,
            quant=self.lists.get("vague_quant", []), stop=self.lists.get("stop", []),
            noun=self.lists.get("vague_noun", []), ed_ok=self.lists.get("ed_ok", []),
        )

    @cached_property
    def _max_modifier_words(self) -> int:
        quantifiers = self.lists.get("vague_quant", [])
        return max((len(q.split()) for q in quantifiers), default=1) + 2

    def _extend(self, prose: str, start: int) -> int:
        """The start of the source's noun phrase, modifiers included."""
        line_start = prose.rfind("\n", max(0, start - 80), start) + 1
        piece = prose[max(line_start, start - 80) : start]
        # A match spans at most a quantifier's words and two modifiers, each a
        # run of non-space characters: begin the search at the first of the
        # last such runs, not at every character of the piece.
        runs = piece.rsplit(None, self._max_modifier_words)
        skip = len(runs[0]) if len(runs) > self._max_modifier_words else 0
        while skip < len(piece) and piece[skip].isspace():
            skip += 1
        # A match begins after a non-word character (both of its first parts
        # look behind for one) or is the empty one at the end: try only there,
        # in order, which finds what `search` finds.
        is_word = _REGEX_WORD_CHAR
        fast = self._modifiers_ascii if piece.isascii() else None
        match = (fast or self._modifiers).match
        m = None
        for at in range(skip, len(piece) + 1):
            if at == 0 or at == len(piece) or not is_word[piece[at - 1]]:
                m = match(piece, at)
                if m is not None:
                    break
        return start - len(piece) + m.start() if m and m.group(0) else start

    def span_for(self, match, entry):
        # `check` asks for the span, then `accept` does: work it out once.
        # (Holding the match keeps its id from being reused.)
        memo = self.__dict__.get("_span_memo")
        if memo is not None and memo[0] is match:
            return memo[1]
        start, end = match.span()
        head = self._head_pattern.match(match.group(0))
        if head and head.group(0).lower() not in _BARE_QUANTIFIERS:
            start = self._extend(match.string, start)
        self.__dict__["_span_memo"] = (match, (start, end))
        return start, end

    def _trigger_words(self) -> list[str]:
        return [*self.lists.get("vague_noun", []), *self.lists.get("vague_one", []),
                "people", "folks", "some", "many", "most", "others", "several", "numerous"]

    @property
    def _head_pattern(self) -> regex.Pattern:
        return self._trigger_pattern

    def accept(self, document: Document, match, entry) -> bool:
        prose = document.prose
        start, end = self.span_for(match, entry)
        if self._common_rejections(document, start, end):
            return False
        s_start, s_end, index = self._sentence(document, start)
        start = max(start, s_start)
        if document.links_in(start, end):
            return False
        text = prose[start:end]
        lower = text.lower()
        head0 = self._head_pattern.match(match.group(0))
        if head0 and head0.group(0).lower() in self._singular and not _ONE_OF.match(text):
            return False  # "source said" without "a", "one", "another": a back-reference
        # Described sources and the reason for anonymity anywhere in the sentence.
        if _DESCRIBED.search(prose, s_start, s_end):
            return False
        if _BY_VAGUE.search(lower):
            # "It has been suggested by some": the agent itself is the vague source.
            return not self._speaker_in_reach(document, s_start, start, end, s_end)
        according = lower.startswith("according")
        lead = _ACCORDING_TO.match(text) if according else None
        offset = len(lead[0]) if lead else 0
        head = self._head_pattern.search(text, offset)
        if head is None:
            return "by" in lower.split()  # the "suggested by some" family
        # Modifiers before the noun: an affiliation names the source (Pentagon officials).
        words = [w.group(0) for w in _WORD.finditer(text, offset, head.start())]
        at_start = start + offset == s_start or not prose[s_start : start + offset].strip()
        for i, word in enumerate(words):
            if _is_name(word, at_start and i == 0):
                return False
        # What stands between the source and its verb: a name, a description.
        if according:
            between = text[head.end() :]
        else:
            verb = _VAGUE_VERB_START.search(text, head.end())
            between = text[head.end() : verb.start() if verb else len(text)]
        if _names_someone(between):
            return False
        if _MEMBERS.search(between):
            return False
        # The word just before: an affiliation or a back-reference (Pentagon officials,
        # the experts, one of the critics, his aides).
        before = prose[max(s_start, start - 40) : start]
        prev_word = _WORD_BEFORE.search(before)
        if prev_word and not according:
            word = prev_word.group(1)
            low = word.lower()
            if low in ("and", "or"):
                # "Ruiz and other experts say": a named person heads the group.
                partner = _WORD_BEFORE.search(before[: prev_word.start()])
                if partner and _is_name(
                        partner.group(1),
                        not prose[s_start : start - len(before) + partner.start(1)].strip()):
                    return False
            if low in _ANAPHORA_BEFORE and low not in _POSSESSIVE_DET:
                return False
            if _is_name(word, not prose[s_start : start - len(prev_word.group(0))].strip()):
                return False
        # "Some said ..." after "Of the 40 people interviewed,": the group is described.
        if _OF_AMONG.match(prose[s_start:start]):
            return False
        # "many said" among the respondents of a named survey: they are described.
        if head.group(0).lower() in ("some", "many", "most", "others") and not according:
            if _RESPONDENTS.search(prose, s_start, start) or _ASKED.search(
                    self._previous_sentence(document, index)):
                return False
        if self._speaker_in_reach(document, s_start, start, end, s_end):
            return False
        return True

    @cached_property
    def _singular(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.lists.get("vague_one", []))

    def message_for(self, document: Document, match, entry) -> str:
        head = self._head_pattern.search(match.group(0))
        noun = head.group(0).lower() if head else ""
        if noun in ("some", "many", "others", "people", "folks") or head is None:
            return "Who says so? Name them, or describe them and say why they cannot be named."
        if not noun.endswith("s"):
            return f"Which {noun}? Name the {noun}, or describe them and say why they cannot be named."
        return f"Which {noun}? Name them, or describe them and say why they cannot be named."


_AGENT_AFTER = lazy_pattern(
    r"\s+(?:[\w’'-]+\s+){0,3}?by\s+(?!(?:some|many|others|critics|experts|observers|analysts|"
    r"insiders)(?!\w))",
    _F,
)
_NOT_ATTRIBUTION_AFTER = lazy_pattern(
    r"\s+(?:to\s+(?:the\s+)?(?:police|authorities|officers|\p{Lu})|as\b|"
    r"in\b(?!\s+(?:\d|" + _DAYS_MONTHS + r"|last|recent|early|late|the\s+past))|at\b|during\b|"
    r"through\b|via\b|(?:[\w’'-]+\s+){0,3}?(?:on|in|by|from)\s+(?:the\s+)?\p{Lu})",
    regex.V1,
)
_REPORT_NAMED = lazy_pattern(
    r"(?<!\w)(?:according\s+to|reported\s+by|reports?\s+(?:by|in|from)|told|citing|report(?:ed)?\s+in)"
    r"\s+(?:the\s+)?\p{Lu}|\p{Lu}[\p{L}.’'&-]*(?:\s+\p{Lu}[\p{L}.’'&-]*)*\s+(?:reported|reports)(?!\w)",
    regex.V1,
)
# A named source elsewhere in the sentence ("In a report by Transparency International,
# graft was said to be pervasive").
_SOURCE_IN_SENTENCE = lazy_pattern(
    r"(?i:according\s+to)|(?:report|survey|study|poll|statement|document|memo|review|audit|"
    r"inquiry|investigation)s?\s+(?:[\w’'-]+\s+){0,2}?by\s+(?:the\s+)?\p{Lu}",
    regex.V1,
)
_PARTICIPLE = lazy_pattern(
    r"(believed|thought|understood|reported|rumou?red|claimed|alleged|said|suggested|revealed|"
    r"feared|assumed|speculated|reputed|expected|seen|regarded|considered|viewed|tipped|"
    r"perceived)",
    _F,
)


class PassiveAttribution(_SourcingRule):
    code = "NL103"
    name = "passive-attribution"
    summary = "Claims with no agent (“it is believed”, “it was revealed”, “reportedly”)."
    options = {"allegedly": False}
    docs = {
        "What it flags": "Passive and adverbial attributions that hide who is making the "
        "claim: “it is believed”, “it was revealed”, “it is widely thought”, “it has been "
        "reported”, “reportedly”, “is said to be”, “is alleged to have”, “is widely "
        "expected”, “is seen as”, “it emerged that”. It does not flag a passive followed by its agent (“it was revealed "
        "by the Senate committee”), “reportedly” when the outlet is named in the "
        "sentence, the one before or the one after, a sentence that says “according "
        "to” whom, or a named speaker's words. “Allegedly” is "
        "standard caution in court and crime reporting, so it is flagged only when the "
        "option `allegedly` is true.",
        "Why it matters": "The passive removes the one thing the reader needs to judge "
        "the claim: who says so. “It is believed” may mean the police, a rival or the "
        "reporter; “reportedly” passes on another outlet's claim without saying whose "
        "it is or whether it was checked.",
        "Example": "It is believed that the minister knew about the payments.",
        "Instead": "Put the source in front: “Investigators believe the minister knew "
        "about the payments, according to two people briefed on the inquiry.” For "
        "“reportedly”, name the outlet: “the singer cancelled the tour, the Daily Ledger "
        "reported.”",
        "References": "AP Stylebook, “anonymous sources” and “reportedly”: say who "
        "reported it. Reuters Handbook of Journalism, “Sourcing”: avoid passive "
        "constructions that obscure the source (“it is understood”, “it is believed”). "
        "SPJ Code of Ethics: “Identify sources clearly.” Wikipedia Manual of Style, "
        "“Words to watch”: unsupported attributions (“it is believed”, “it is often "
        "reported”, “it is widely thought”) and expressions of doubt (“allegedly”).",
    }

    # No trigger words, so no windows: the plain scan, without a layer per block.
    scan = PhraseRule.scan

    def accept(self, document: Document, match, entry) -> bool:
        prose = document.prose
        start, end = match.span()
        lower = match.group(0).lower()
        if lower == "allegedly" and not self.option(document, "allegedly"):
            return False
        if self._common_rejections(document, start, end):
            return False
        s_start, s_end, index = self._sentence(document, start)
        after = prose[end : min(s_end, end + 60)]
        if _AGENT_AFTER.match(after):
            return False
        if lower.startswith("it") and _NOT_ATTRIBUTION_AFTER.match(after):
            return False
        if _SOURCE_IN_SENTENCE.search(prose, s_start, s_end):
            return False
        if lower == "reportedly":
            if _REPORT_NAMED.search(prose, s_start, s_end):
                return False
            previous = self._previous_sentence(document, index)
            if previous and _REPORT_NAMED.search(previous):
                return False
        # "X is reportedly ... / The Ledger said ...": the next sentence names the source.
        if index is not None and index + 1 < len(document.sentences):
            following = document.sentences[index + 1]
            if (following.block - document.sentences[index].block <= 1
                    and _NEXT_PRODUCER.match(prose, following.start, following.end)):
                return False
        if self._speaker_in_reach(document, s_start, start, end, s_end):
            return False
        return True

    def message_for(self, document: Document, match, entry) -> str:
        text = match.group(0).lower()
        if text == "reportedly":
            return "Reported by whom? Name the outlet or person that reported it."
        if text == "allegedly":
            return "Alleged by whom? Name who makes the allegation."
        verb = _PARTICIPLE.search(text)
        word = verb.group(1).capitalize() if verb else "Said"
        return f"{word} by whom? Name the source of the claim."


@hookimpl
def newslint_register_rules(register):
    register(UnsourcedReport())
    register(VagueSource())
    register(PassiveAttribution())


@hookimpl
def newslint_register_rule_packs(register):
    register(builtin_pack("sourcing.yaml"))
