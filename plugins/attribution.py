"""Attribution rules: NL401 unattributed-quote (a direct quotation with no speaker
in reach) and NL402 scare-quote (a short quoted fragment in the writer's voice,
off by default).

The speech acts are the entries of NL401 in the rule pack `rules/attribution.yaml`
(a newsroom's own pack can add or remove entries), compiled into one pattern.
For each outermost quotation of the document's quotation model, NL401 looks for a
speech act with a speaker (its subject, or the noun after an inverted verb,
“said the senator”) in the quotation's own sentence, in the nearest sentence
before and after it in the same paragraph, and in the colon forms; then it lets
the speaker of an attributed quotation carry on through the paragraph and into a
next paragraph that opens with a quotation, until someone else is named. A
quotation running over several paragraphs is one unit. Each paragraph is scanned
for speech acts once, with its quotations masked, so a speech verb inside the
quoted words never counts."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property, lru_cache
from operator import attrgetter

import regex

from newslint import (
    Document,
    PhraseRule,
    Rule,
    Severity,
    builtin_pack,
    compile_pattern,
    hookimpl,
    lazy_pattern,
    word_trie,
)

#: Seconds the speech-act pattern may run over one paragraph.
PATTERN_TIMEOUT = 2.0
_DOUBLE_OPEN = frozenset('"“„‟«»') | {"''"}
#: How many sentences on the speaker of an attributed quotation stays in reach.
_SPEAKER_REACH = 6
#: Fill character for quotation spans in the masked text of a paragraph.
_Q = "\ue000"
_START = attrgetter("start")


def _token_source(letter: str) -> str:
    return rf"{_Q}+|\d+(?::\d+)+|[@#]?{letter}+(?:[-'’.&]{letter}+)*|[,:;—–]|-{{2,}}"


_TOKEN = lazy_pattern(_token_source(r"[\p{L}\p{N}_]"))
# The same tokens for `re`, several times faster on short texts, on text of ASCII
# and _Q alone (where \p{L}, \p{N} and \d read ASCII letters and digits only).
# (Not possessive, though each alternative ends at its longest: Python 3.10's
# `re` has no possessive repeats.)
_PLAIN_TOKEN = re.compile(_token_source("[0-9A-Za-z_]"))
_NOT_PLAIN = re.compile(f"[^\\x00-\\x7f{_Q}]")
_WORD_SOURCE = r"\w+(?:['’]\w+)*"
_WORD = lazy_pattern(_WORD_SOURCE)
# The same pattern for `re`, several times faster on short texts: on ASCII text
# the two engines read \w alike.
_ASCII_WORD = re.compile(_WORD_SOURCE)
_WORD_RUN = lazy_pattern(r"\w+", regex.V1)
# ASCII bytes to themselves in lower case when they are word characters (\w),
# to a space when not.
_ASCII_RUNS = bytes(
    c + 32 if 65 <= c <= 90 else c if c < 128 and (chr(c).isalnum() or c == 95) else 32
    for c in range(256)
)
# A character for which str.isalnum() is true (re's \w is isalnum() or "_").
_ALNUM = re.compile(r"[^\W_]")
# A sentence boundary inside quoted text: end punctuation followed by more words.
_INNER_END = lazy_pattern(r"(?:[.!?…]|\.{3})[\"'”’)\]]*\s+[\"'“‘(\[]*\w")
# “…” — Name / “…” – @handle: the epigraph and social-media form.
_DASH_SPEAKER = lazy_pattern(r"\s*(?:—|–|--|-)\s*(?:[@#]\w|\p{Lu})")
# Name: “…” (newsletter and headline style: the colon stands for “said”).
_NAME_COLON = lazy_pattern(
    r"(?:^|[\s(—–-])(?:[@#]?\p{Lu}[\p{L}'’.-]*\s+){0,3}[@#]?\p{Lu}[\p{L}'’.-]*"
    r"(?:\s*\([^()]{1,30}\))?\s*:\s*$"
)

_PRONOUNS = frozenset(
    "he she they i we you it who which that one someone somebody everyone both others "
    "this these those".split()
)
# Words that may stand between a speaker and the verb: adverbs, auxiliaries, negation.
_SKIP = frozenset(
    """also later then has have had would will could should may might must once
    previously recently repeatedly again often earlier just even still never always
    reportedly apparently allegedly simply flatly bluntly angrily quietly publicly
    privately firmly further finally first initially originally subsequently
    already did does do not n't never ever soon today yesterday tonight only since
    instead""".split()
)
_PASSIVE = frozenset("was were is are be been being am get gets got".split())
_COORD = frozenset("and but or then so".split())
# Words that cannot be a speaker right before a speech verb or right after an inverted one.
_NOT_SPEAKER = frozenset(
    """the a an of in on at for with from by as than to into onto about over under
    after before during since until while when where if whether because although
    though not no nor what how why there here its their his our my your very
    more most less least such some any each every all""".split()
)
# Capitalised words that open sentences without naming anyone.
_OPENERS = frozenset(
    """but and so yet then however meanwhile still now last next some many most each
    every one two this that these those there here it in on at for with after before
    when while as if despite although though since because according asked even
    just only already perhaps maybe why what how who where also earlier later today
    yesterday instead indeed still once nor or""".split()
)
_DETERMINERS = frozenset(
    "the a an his her their its our my your one another this that these those several".split()
)
_SMALL_WORDS = frozenset(
    "a an the of and or in on to for with at by from as but vs nor is are be".split()
)
# Words as words, labels and translations: the words “attack” and “Libya”,
# click “sign up”, Latin for “…”.
_MENTION = lazy_pattern(
    r"(?:\b(?:words?|terms?|phrases?)\s+(?:such\s+as|like|including)\b[^.;:!?]{0,80}"
    r"|\bclick(?:s|ed|ing)?(?:\s+on)?(?:\s+the)?"
    r"|\b(?:Latin|Greek|French|Spanish|German|Russian|Arabic|Hebrew|Chinese|Italian|"
    r"Japanese|slang|shorthand|code|jargon|speak)\s+for)\s*$",
    regex.IGNORECASE,
)
# Designations: “listed as”, “designated the groups as”, “classified as”.
_DESIGNATION = lazy_pattern(
    r"\b(?:designat|classif|list|label|brand|describ|refer|characteri[sz]|term|nam|"
    r"known|billed|marketed|styled)\w*\b[^.;:!?]{0,50}\bas(?:\s+(?:a|an|the))?\s*$",
    regex.IGNORECASE,
)
# A quotation introduced as a name: called “…”, the slogan “…”, a report titled “…”.
_NAMING = lazy_pattern(
    r"(?:(?:call|calls|calling|called|dub|dubs|dubbed|term|terms|termed)\s+(?:it|this|that|them|him|her|these|those)"
    r"(?:\s+(?:the|a|an))?|called|dubbed|termed|named|labell?ed|titled|entitled|headlined|known\s+as|"
    r"so-called|the\s+(?:word|term|phrase|slogan|label|nickname|title|hashtag|line|passage|"
    r"caption|headline|motto|sentence)s?)"
    r"\s*[,:]?\s*$",
    # Searched from the end, where every match ends: only whether one exists counts.
    regex.IGNORECASE | regex.REVERSE,
)


def _words(text: str) -> list[str]:
    return (_ASCII_WORD if text.isascii() else _WORD).findall(text)


@lru_cache(maxsize=16)
def _at_least(count: int) -> tuple[re.Pattern, regex.Pattern]:
    """Patterns that match a text's start when it holds `count` words: each round
    reads exactly one word of _WORD (the lookahead stops a round from ending inside
    a word), so the match reads no further than the count-th. As _ASCII_WORD and
    _WORD: `re` for ASCII text, `regex` for the rest."""
    source = r"(?:\W*\w+(?:['’]\w+)*(?!\w|['’]\w))" + f"{{{count}}}"
    return re.compile(source), compile_pattern(source)


def _has_words(text: str, count: int) -> bool:
    """len(_words(text)) >= count, reading no further than the count-th word."""
    plain, other = _at_least(count)
    return (plain if text.isascii() else other).match(text) is not None


def _tokens(text: str) -> list[str]:
    if text.isascii() or not _NOT_PLAIN.search(text):
        return _PLAIN_TOKEN.findall(text)
    return _TOKEN.findall(text)


def _simple_tokens(text: str) -> list[str] | None:
    """The tokens of a text of ASCII letters and digits between spaces, commas
    and full stops that end words (most words around a speech verb), without a
    pattern: a comma is a token, and such a full stop, like a space, is in no
    token. None for any other text."""
    if not text.isascii():
        return None
    if "." in text:
        # (A full stop between two word characters is inside a token: U.S.)
        if text.count(".") != (text + " ").count(". "):
            return None
        text = text.replace(".", " ")
    if "," in text:
        text = text.replace(",", " , ")
        rest = text.replace(" ", "").replace(",", "")
    else:
        rest = text.replace(" ", "")
    if not rest or rest.isalnum():
        return text.split()
    return None


def _is_quote(tok: str) -> bool:
    return tok[:1] == _Q


def _speakerish(tok: str, initial: bool = True) -> bool:
    """A token that can name a speaker: a name, an organisation, a pronoun, a noun.
    `initial`: the token opens its sentence, so a capital proves nothing."""
    if _is_quote(tok) or not (tok[:1].isalnum() or tok[:1] in "@#"):
        return False
    low = tok.lower()
    if tok[:1] in "@#" or (tok[:1].isupper() and not initial) or low in _PRONOUNS:
        return True
    if tok.isdigit() or low in _NOT_SPEAKER or low in _SKIP or low in _PASSIVE:
        return False
    return True


def _any_speaker(tokens: list[str]) -> bool:
    """Does any token name someone (a pronoun other than “it”, a name, a role)?"""
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if _is_quote(tok) or not (tok[:1].isalnum() or tok[:1] in "@#"):
            continue
        if low in _PRONOUNS and low not in ("it", "that", "this", "which", "these", "those"):
            return True
        if tok[:1] in "@#" or (
            tok[:1].isupper() and low not in _NOT_SPEAKER
            and (i > 0 and not _is_quote(tokens[i - 1]) or low not in _OPENERS)
        ):
            return True
        if low in _DETERMINERS and i + 1 < len(tokens) and _speakerish(tokens[i + 1]):
            return True
    return False


def _named(tokens: list[str], pronouns: bool = True) -> bool:
    """Does any token name a person or body (a name or handle not opening the
    sentence, or, with `pronouns`, a personal pronoun)?"""
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if pronouns and low in ("he", "she", "they", "i", "we"):
            return True
        if tok[:1] in "@#":
            return True
        if (
            tok[:1].isupper() and i > 0 and not _is_quote(tokens[i - 1])
            and tokens[i - 1] not in (":", "—", "–") and low not in _NOT_SPEAKER
        ):
            return True
    return False


def _new_name(tokens: list[str], known: set[str]) -> bool:
    """Does the sentence bring in a person or body not in `known` as a possible
    speaker: a name that is not the object of a preposition or a determiner
    (“for Hillary Clinton”, “a U.S. citizen” do not count)?"""
    for i, tok in enumerate(tokens):
        if not tok[:1].isupper() or tok in known or _is_quote(tok):
            continue
        low = tok.lower()
        if low in _NOT_SPEAKER or low in _PRONOUNS:
            continue
        if i == 0:
            if low not in _OPENERS and tok[1:2].islower():
                return True
            continue
        prev = tokens[i - 1]
        if prev[:1].isupper() or prev.lower() in _NOT_SPEAKER or _is_quote(prev):
            continue  # inside a name, or after a preposition or determiner
        return True
    return False


def _speaker_after(tokens: list[str]) -> bool:
    """Inverted attribution: “…,” said the senator / said Smith / said he."""
    for tok in tokens[:6]:
        if _is_quote(tok) or tok in (",", "—", "–", "--"):
            continue
        low = tok.lower()
        if low in _SKIP or (tok.islower() and low.endswith("ly") and len(low) > 4):
            continue
        if low in _DETERMINERS:
            return True
        return _speakerish(tok, initial=False) and low not in _NOT_SPEAKER | {
            "that", "this", "which", "it"}
    return False


def _has_speaker(tokens: list[str], i: int, kind: str) -> bool:
    """Is there a speaker for the speech act whose first token is tokens[i]?"""
    before = tokens[:i]
    if kind == "according":  # according to X
        return _speaker_after(tokens[i + 1 :])
    if kind == "medium":  # in a statement: someone else in the sentence made it
        return _any_speaker(before) or _any_speaker(_drop_medium(tokens[i:]))
    if kind == "quoted-as":  # X was quoted as saying
        j = len(before) - 1
        while j >= 0 and before[j].lower() in _PASSIVE | _SKIP:
            j -= 1
        return j >= 0 and _speakerish(before[j])
    return _verb_speaker(before, tokens[i], lambda: tokens[i + 1 :], True) is True


def _verb_speaker(
    before: list[str], cue: str, after: Callable[[], list[str]], whole: bool
) -> bool | None:
    """_has_speaker for a speech verb: `before` the tokens before the cue, `after`
    a function giving those after it (most cues are decided before it is needed).
    Unless `whole`, `before` is only the last of them, from a quotation token on
    (the reading back stops at a quotation); then None when the answer needs the
    tokens before that quotation."""
    for j in range(len(before) - 1, -1, -1):
        tok = before[j]
        low = tok.lower()
        if _is_quote(tok):
            break
        if tok in (",", "—", "–", "--", ";") or tok.isdigit():
            if tok == ";":
                break
            if tok == "," and j == len(before) - 1:
                # …, saying “…”: the participle's subject is the sentence's.
                # Lee, the city's engineer since 2019, said: the subject is
                # before the apposition.
                if not whole:
                    return None
                if _any_speaker(before[:j]):
                    return True
                if cue.endswith("ing"):
                    return False
                break
            continue
        if tok == ":":
            break
        initial = j == 0 or before[j - 1] in (":", "—", "–", "--")
        if tok[:1].isupper() and not initial and low not in _NOT_SPEAKER:
            return True  # a name, even one spelt like a word (“…,” May wrote)
        if low in _SKIP or (tok.islower() and low.endswith("ly") and len(low) > 4):
            continue
        if low in _PASSIVE:
            # Passive voice: only “by X” names the speaker.
            following = after()
            rest = [t.lower() for t in following[:2]]
            if "by" not in rest:
                return False
            return _speaker_after(following[rest.index("by") + 1 :])
        if low in _NOT_SPEAKER and cue.lower().endswith("ing"):
            # by saying / after telling / while insisting: the subject is further back.
            return _any_speaker(before[:j]) if whole else None
        if low == "to":
            # went on to say / declined to tell: the subject is further back.
            if not _is_base(cue.lower()):
                return False
            return _any_speaker(before[:j]) if whole else None
        if low in _COORD:
            # stood up and said: the subject is further back.
            return _any_speaker(before[:j]) if whole else None
        if low in ("a", "an", "the"):
            return False
        if low in _NOT_SPEAKER and (initial or not tok[:1].isupper()):
            return False
        return _speakerish(tok, initial)
    return _speaker_after(after())


_IRREGULAR_PAST = frozenset("said told wrote written spoke found pled".split())


def _is_base(cue: str) -> bool:
    """An infinitive can follow “to”: say, tell, add (not says, said, saying)."""
    word = cue.split()[0]
    if word in _IRREGULAR_PAST or word.endswith(("ed", "ing")):
        return False
    return not (word.endswith("s") and not word.endswith("ss"))


@lru_cache(maxsize=1024)
def _cue_text(matched: str) -> str:
    """A cue as its words in lower case, one space apart."""
    return " ".join(matched.lower().split())


@lru_cache(maxsize=1024)
def _cue_kind(cue: str) -> tuple[bool, str]:
    """(a “put it” cue, which counts only in the quotation's own sentence; how
    the cue finds its speaker: the `kind` of _has_speaker, or "named" when the
    phrase names the source itself)."""
    put = cue.startswith("put")
    if cue.startswith(("according", "in the words of")) or cue.endswith((" from", " by")):
        return put, "according"
    if cue.startswith("quoted as"):
        return put, "quoted-as"
    words = cue.split()
    if words[-1] in ("view", "words", "opinion", "account", "telling") or cue.startswith("from "):
        # in Lee's view, in her own words, from the court's ruling: the source
        # is named in the phrase itself.
        return put, "named"
    if words[0] in ("in", "on", "during", "via", "through"):
        return put, "medium"
    return put, "verb"


def _drop_medium(tokens: list[str]) -> list[str]:
    # The medium phrase itself (“in a statement”) is not a speaker.
    for k, tok in enumerate(tokens):
        if tok in (",", ":") or _is_quote(tok):
            return tokens[k:]
    return []


class UnattributedQuote(PhraseRule):
    code = "NL401"
    name = "unattributed-quote"
    severity = Severity.WARNING
    summary = "A direct quotation with no speaker in reach."
    options = {"min-words": 5}
    docs = {
        "What it flags": "A direct quotation (`min-words` words or more, default five, "
        "or more than one sentence) with no speaker the reader can identify. A "
        "quotation is attributed by a speaker with a speech act in its own sentence "
        "(“…,” Lee said / Lee told reporters that “…” / according to Lee, “…”) or "
        "in the nearest sentence before or after it in the paragraph (She added: …); "
        "by a name and colon (Rep. Lee (D-Ore.): “…”) or a dash and name after it "
        "(“…” — Dana Lee); by a paragraph ending in a colon just before it; by the "
        "speaker of an earlier quotation in the same paragraph, or in the paragraph "
        "just before when it opens its paragraph (until someone else is named; a "
        "second quotation-only paragraph in a row needs the speaker again); by a "
        "paragraph that ends by introducing a speaker (Lee went on.); and, for a "
        "quoted phrase worked into a sentence, by a person named in that sentence. A "
        "multi-paragraph quotation is attributed when any of its paragraphs is; a "
        "blockquote by its own paragraphs or the paragraph before it. Not flagged: "
        "short terms, titles in title case and names (“called”, “titled”), "
        "headlines and headings, and anything in code, front matter syntax or link "
        "targets. Speech acts (said, told, added, wrote, tweeted, according to, in a "
        "statement, …) come from the rule pack `attribution.yaml`; a newsroom can add "
        "its own.",
        "Why it matters": "A quotation is someone's words. Readers need to know whose, "
        "to judge them; a quotation nobody said reads as the writer's own claim in "
        "borrowed authority, and it cannot be checked or corrected.",
        "Example": "“The bridge will not reopen before spring.”\n\n"
        "The council has not published a timetable.",
        "Instead": "Name the speaker with a plain verb, in the same sentence or the "
        "next: “The bridge will not reopen before spring,” the council's engineer, "
        "Dana Ruiz, said.",
        "References": "AP Stylebook, “quotations in the news” (identify the source of "
        "a quotation; place attribution close to it); Reuters Handbook of Journalism, "
        "“Attribution” and “Quotes” (every quote needs a source the reader can "
        "identify); SPJ Code of Ethics, “Seek Truth and Report It”: identify sources "
        "clearly.",
    }

    _SKIP_KINDS = frozenset({"headline", "heading", "field"})

    @cached_property
    def compiled(self):
        """The speech acts as one pattern, like PhraseRule's, with each named list
        written out as a trie (“s(?:aid|ay(?:ing|s)?)…”): the same matches, several
        times faster than a named list under IGNORECASE."""
        alternatives = self._cue_alternatives()
        if not alternatives:
            return None, {}, []
        # (?-f): simple case folding. Full case folding (V1's default under
        # IGNORECASE) only adds matches such as “ß” for “ss” and ligatures, and
        # makes the pattern twice as slow to compile and a fifth slower to scan.
        source = r"(?-f)(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"
        return compile_pattern(source, regex.V1 | regex.IGNORECASE), {}, []

    def _cue_alternatives(self) -> list[str]:
        alternatives = [
            r"\s+".join(regex.escape(w) for w in e.phrase.split())
            for e in sorted(
                (e for e in self.entries if e.phrase is not None), key=lambda e: -len(e.phrase)
            )
        ]
        tries: dict[str, str] = {}
        for entry in self.entries:
            if entry.pattern is not None:
                source = entry.pattern
                for name, items in self.lists.items():
                    if f"\\L<{name}>" in source:
                        if name not in tries:
                            tries[name] = _trie(items)
                        source = source.replace(f"\\L<{name}>", f"(?:{tries[name]})")
                alternatives.append(f"(?:{source})")
        return alternatives

    @property
    def cue_words(self) -> frozenset[str] | None:
        """The words (lower case) a speech act can begin with, or None when the
        pack's patterns do not tell (then every word is tried)."""
        return self.first_words() if self.compiled[0] is not None else None

    @property
    def whole_cue_words(self) -> frozenset[str]:
        """The cue words (lower case ASCII) that are by themselves a whole speech
        act: wherever such a word stands, the speech-act pattern matches that
        word and no more (see _whole_cue_words). Derived again when the entries
        change (as `compiled` is)."""
        compiled = self.compiled
        cached = self.__dict__.get("_whole_cues")
        if cached is None or cached[0] is not compiled:
            cached = self.__dict__["_whole_cues"] = (compiled, self._whole_cue_words())
        return cached[1]

    def _whole_cue_words(self) -> frozenset[str]:
        """A word the pattern matches as itself, whatever surrounds it: an entry
        matches exactly that word (a phrase, or an item of a list that is an
        entry's whole pattern), no phrase or item begins with it and goes on
        past it (“joined in”), and no other pattern entry has a match that
        begins with it (their first words, read as for `cue_words`)."""
        if self.cue_words is None:
            return frozenset()
        literals: list[str] = []
        others = []
        for entry in self.entries:
            if entry.phrase is not None:
                literals.append(" ".join(entry.phrase.split()))
                continue
            pattern = entry.pattern
            # (string tests, not a regex: this runs at every start)
            whole_list = pattern.startswith("\\L<") and pattern.endswith(">")
            name = pattern[3:-1] if whole_list and pattern[3:-1].isidentifier() else None
            if name in self.lists:
                literals += [item for item in self.lists[name] if item]
            else:
                others.append(entry)
        probe = PhraseRule()
        probe.add_entries(others, self.lists)
        blocked = probe.first_words()
        if blocked is None:
            return frozenset()
        words, unsure = _literal_words(literals)
        return frozenset(words - unsure - blocked)

    def prepare(self) -> None:
        super().prepare()
        self.cue_words  # noqa: B018 - read the pack's patterns before forking
        self.whole_cue_words  # noqa: B018

    def check(self, document: Document):
        pattern = self.compiled[0]
        quotations = [q for q in document.quotations if q.level == 0]
        if pattern is None or not quotations:
            return
        min_words = int(self.option(document, "min-words"))
        ctx = _Context(document, pattern, quotations, min_words, self.cue_words,
                       self.pattern_timeout, self.whole_cue_words)
        # Group multi-paragraph quotations: one chain per quotation.
        chains: list[list] = []
        open_chain: list | None = None
        for q in quotations:
            if q.continues_from_previous_paragraph and open_chain is not None:
                open_chain.append(q)
            else:
                open_chain = [q]
                chains.append(open_chain)
            if not q.continues_to_next_paragraph:
                open_chain = None
        blocks = document.blocks
        for chain in chains:
            first = chain[0]
            bi = ctx.block_index(first)
            if bi is None or blocks[bi].kind in self._SKIP_KINDS:
                continue
            if len(chain) == 1:
                if ctx.too_short(first) or ctx.attributed(first):
                    continue
            elif any(ctx.attributed(q) for q in chain):
                continue
            # (Most quotations are attributed: the costlier half of the test last.)
            if len(chain) == 1 and not ctx.is_direct(first):
                continue
            end = first.end
            yield self.finding(
                document,
                first.start,
                end,
                "Who said this: the quotation has no speaker in reach, so add the "
                "speaker and a verb such as “said” (“…,” the mayor said).",
            )


def _literal_words(literals: Iterable[str]) -> tuple[set[str], set[str]]:
    """(the literals, in lower case, that are one ASCII word (\\w+); the first
    words of those, lower-cased and case-folded, that go on past their first
    word or open with none (the empty string): a match there may read
    further)."""
    words: set[str] = set()
    blocked: set[str] = set()
    for literal in literals:
        if literal.isascii():
            # (casefold is lower for ASCII, and an ASCII \w+ is isalnum with "_":
            # most literals are read without the regex)
            form = literal.lower()
            if form.replace("_", "a").isalnum():
                words.add(form)
                continue
            forms = (form,)
        else:
            forms = {literal.lower(), literal.casefold()}
        for form in forms:
            head = _WORD_RUN.match(form)
            if head is None or head.end() != len(form):
                blocked.add(head.group() if head is not None else "")
    return words, blocked


def _trie(words: Iterable[str]) -> str:
    """An alternation of `words`, case-folded, factored by common prefixes
    (“s(?:aid|ay(?:ing|s)?)”)."""
    return word_trie(w.casefold() for w in words)


def _may_end_sentence(text: str) -> bool:
    # _INNER_END needs one of these; most quoted fragments have none.
    return "." in text or "!" in text or "?" in text or "…" in text


def _direct_by_length(document: Document, q, min_words: int) -> bool | None:
    """True for more than one sentence, False for fewer than `min_words` words,
    None when only _titled can tell."""
    content = document.prose[q.content_start : q.content_end]
    if _may_end_sentence(content) and _INNER_END.search(content):
        return True
    return None if _has_words(content, min_words) else False


def _titled(document: Document, q) -> bool:
    """Is the quotation a title, slogan or name rather than someone's words?"""
    # Titles and slogans in title case: “The Art of the Deal”, “Make Our Town Great”.
    words = _words(document.prose[q.content_start : q.content_end])
    big = [w for w in words if w.lower() not in _SMALL_WORDS and not w.isdigit()]
    if big and big[0][:1].isupper() and sum(w[:1].isupper() for w in big) >= 0.8 * len(big):
        return True
    # A quotation introduced as a name: the slogan “…”, a report titled “…”.
    block = document.block_at(q.start)
    lead = document.prose[max(block.start if block else 0, q.start - 40) : q.start]
    return _NAMING.search(lead) is not None


class _Context:
    """Per-document lookups: masked paragraphs and the speech acts in a span."""

    #: Cue words the pattern matches as themselves (UnattributedQuote.whole_cue_words).
    whole_words: frozenset[str] = frozenset()

    def __init__(
        self, document: Document, pattern, quotations, min_words: int, words=None,
        timeout: float | None = PATTERN_TIMEOUT, whole_words: frozenset[str] = frozenset(),
    ) -> None:
        self.document = document
        self.whole_words = whole_words
        self.min_words = min_words
        self.pattern = pattern
        self.words = words
        self.timeout = timeout
        self.quotations = quotations
        self._masked: dict[int, str] = {}
        self._direct: dict[tuple[int, int], bool] = {}
        self._by_length: dict[tuple[int, int], bool | None] = {}
        self._cache: dict[tuple[int, int, bool], bool] = {}
        self._speaks: dict[tuple[int, int, int], bool] = {}
        self._quoted: dict[int, list[tuple[int, int, object]]] = {}
        self._cues: dict[tuple[int, int, int], list[tuple[int, int, str]]] = {}
        self._sentences: dict[int, list] = {}
        self._by_block: dict[int, list] | None = None
        self._block_of: dict[int, int | None] = {}
        self._plain: dict[int, bool] = {}
        self.ascii = document.prose.isascii()

    def is_direct(self, q) -> bool:
        """A direct quotation, as opposed to a quoted term, title or nickname
        (once per quotation)."""
        key = (q.start, q.end)
        found = self._direct.get(key)
        if found is None:
            found = self.direct_by_length(q)
            if found is None:
                found = not _titled(self.document, q)
            self._direct[key] = found
        return found

    def direct_by_length(self, q) -> bool | None:
        """_direct_by_length with the context's `min_words`, once per quotation."""
        key = (q.start, q.end)
        if key not in self._by_length:
            self._by_length[key] = _direct_by_length(self.document, q, self.min_words)
        return self._by_length[key]

    def too_short(self, q) -> bool:
        """direct_by_length(q) is False: a quotation with `min_words` words is
        never too short, and its first words tell (most are long: the search
        for a sentence end inside them is left to is_direct)."""
        key = (q.start, q.end)
        if key in self._by_length:
            return self._by_length[key] is False
        content = self.document.prose[q.content_start : q.content_end]
        if _has_words(content, self.min_words):
            return False
        # _direct_by_length without counting the words again.
        found = self._by_length[key] = (
            True if _may_end_sentence(content) and _INNER_END.search(content) else False
        )
        return found is False

    def sentences(self, block_index: int) -> list:
        """The block's sentences (a slice of the document's, which come block by
        block: most blocks hold no quotation and are never asked about)."""
        found = self._sentences.get(block_index)
        if found is None:
            found = self._sentences[block_index] = self.document.sentences_in(block_index)
        return found

    def block_index(self, q) -> int | None:
        """document.block_index_at(q.start), read once per quotation."""
        if self._by_block is None:
            self._index_quotations()
        block_of = self._block_of
        if q.start in block_of:
            return block_of[q.start]
        return self.document.block_index_at(q.start)

    def quotations_in(self, block_index: int) -> list:
        """The outermost quotations that overlap the block."""
        if self._by_block is None:
            self._index_quotations()
        return self._by_block.get(block_index, [])

    def _index_quotations(self) -> None:
        """The blocks each quotation overlaps, and the block it opens in."""
        by_block: dict[int, list] = {}
        doc = self.document
        block_of = self._block_of
        for q in self.quotations:
            first = block_of[q.start] = doc.block_index_at(q.start)
            if first is None:
                continue
            last = (
                first if q.end <= doc.blocks[first].end
                else doc.block_index_at(max(q.start, q.end - 1))
            )
            for b in range(first, (last if last is not None else first) + 1):
                by_block.setdefault(b, []).append(q)
        self._by_block = by_block

    def masked(self, block_index: int) -> str:
        text = self._masked.get(block_index)
        if text is None:
            doc = self.document
            block = doc.blocks[block_index]
            parts, pos = [], block.start
            for q in self.quotations_in(block_index):
                s, e = max(q.start, block.start, pos), min(q.end, block.end)
                if e <= s:
                    continue
                parts.append(doc.prose[pos:s])
                parts.append(_Q * (e - s))
                pos = e
            parts.append(doc.prose[pos : block.end])
            text = "".join(parts)
            self._masked[block_index] = text
        return text

    def cues_in(self, block_index: int, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The speech acts (outside quotations) within [lo, hi) of the block (offsets
        relative to the block; the span is one or more whole sentences, or the
        block). Only the spans asked about are scanned: most of a document is never
        near a quotation. A sentence ends in punctuation and a space, which no
        speech act spans, so the matches are those of a scan of the whole block."""
        key = (block_index, lo, hi)
        found = self._cues.get(key)
        if found is None:
            found = self._cues[key] = list(self._speech_acts(self.masked(block_index), lo, hi))
        return found

    def _speech_acts(self, masked: str, lo: int, hi: int) -> Iterator[tuple[int, int, str]]:
        """(start, end, cue text) of the matches of `pattern.finditer(masked, lo,
        hi)` that are cues, trying the pattern only at words a speech act can
        begin with: the one big pattern tries each of its alternatives at every
        word, which costs several times more than a set lookup per word. A match
        begins a word and reads that word (see PhraseRule.first_words), so a word
        not in `cue_words` begins none, and a match tried at each word left in
        order, from where the last one ended, is the next match finditer would
        find. (One generator with the cue filter, not two: this runs for every
        span asked about.)"""
        words = self.words
        if words is None:
            for m in self.pattern.finditer(masked, lo, hi, timeout=self.timeout):
                at = m.start()
                if not (at and masked[at - 1] == "-"):
                    yield at, m.end(), _cue_text(m.group())
            return
        resume = lo
        match, timeout, whole = self.pattern.match, self.timeout, self.whole_words
        plain = masked[lo:hi].replace(_Q, " ")
        if plain.isascii():
            # The words of ASCII text without the regex engine (a call per word,
            # most of the scan): the text in lower case with every character
            # that is not a word character made a space, split at the spaces.
            runs = plain.encode().translate(_ASCII_RUNS).decode()
            pos = 0
            for low in runs.split():
                if low not in words:
                    continue
                at = runs.find(low, pos)
                end = at + len(low)
                while at and runs[at - 1] != " " or end < len(runs) and runs[end] != " ":
                    at = runs.find(low, at + 1)  # that was inside a longer word
                    end = at + len(low)
                pos = end
                at += lo
                if at < resume:
                    continue
                if low in whole and (at > lo or not at or not _WORD_RUN.match(masked, at - 1)):
                    resume = end + lo
                    if not (at and masked[at - 1] == "-"):
                        yield at, resume, low
                    continue
                m = match(masked, at, hi) if timeout is None else match(
                    masked, at, hi, timeout=timeout
                )
                if m is not None:
                    resume = m.end()
                    if not (at and masked[at - 1] == "-"):
                        yield at, resume, _cue_text(m.group())
            return
        for w in _WORD_RUN.finditer(masked, lo, hi):
            word = w.group()
            # (A non-ASCII word may still match an ASCII letter ignoring case: K, ſ.)
            if word.isascii():
                low = word.lower()
                if low not in words:
                    continue
                at = w.start()
                # (A span starting inside a word leaves the pattern to tell.)
                if low in whole and (at > lo or not at or not _WORD_RUN.match(masked, at - 1)):
                    # The match is the word itself: no need to try the pattern.
                    if at >= resume:
                        resume = w.end()
                        if not (at and masked[at - 1] == "-"):
                            yield at, resume, low
                    continue
            at = w.start()
            if at < resume:
                continue
            m = match(masked, at, hi) if timeout is None else match(masked, at, hi, timeout=timeout)
            if m is not None:
                resume = m.end()
                # A cue inside a compound is not one: co-written, so-called, well-said.
                if not (at and masked[at - 1] == "-"):
                    yield at, resume, _cue_text(m.group())

    def span_attributes(self, block_index: int, start: int, end: int, own: bool = False) -> bool:
        """Does text[start:end] (in one block) hold a speech act with a speaker?
        `own`: the span is the quotation's own sentence, where “as Lee put it”
        attributes too."""
        key = (start, end, own)
        if key in self._cache:
            return self._cache[key]
        block_start = self.document.blocks[block_index].start
        lo, hi = start - block_start, end - block_start
        # (Most spans are asked about once and decided by their first cue: read
        # one cue at a time, the rest of the span stays unscanned.)
        cues = self._cues.get((block_index, lo, hi))
        if cues is None:
            cues = self._speech_acts(self.masked(block_index), lo, hi)
        result = put = False
        for m_start, m_end, cue in cues:
            is_put, kind = _cue_kind(cue)
            if is_put:
                put = True
                if not own:
                    continue
            if kind == "named":
                result = True
                break
            # (The span is often asked about both as a quotation's own sentence
            # and as a neighbour: the cues other than “put” read the same.)
            speaks = self._speaks.get((start, end, m_start))
            if speaks is None:
                speaks = self._speaks[start, end, m_start] = self.speaks(
                    block_index, lo, m_start, m_end, hi, cue, kind
                )
            if speaks:
                result = True
                break
        self._cache[key] = result
        # The other reading of the span (own or not) differs only by the “put”
        # cues: the same unless one was seen and could have decided it.
        if not put or (result and not own) or (own and not result):
            self._cache[start, end, not own] = result
        return result

    def speaks(
        self, block_index: int, lo: int, at: int, end: int, hi: int, cue: str, kind: str
    ) -> bool:
        """_has_speaker for the cue at [at, end) in masked[lo:hi] of the block. A
        speech verb is read back only to the last quotation before it, and the
        words after it only when needed: most are decided by a word or two
        before them."""
        if kind == "verb":
            masked = self.masked(block_index)
            # A quotation's mask is one token, which a scan from inside it reads
            # as one token too: the tokens from the last quotation character on
            # are the last tokens of the span, with a shorter quotation token.
            q = masked.rfind(_Q, lo, at)
            whole = q <= lo
            before = self.tokens_in(block_index, lo if whole else q + 1, at)
            if not whole:
                before.insert(0, _Q)  # (q is the last _Q: a token of its own)
            found = _verb_speaker(
                before, cue, lambda: self.tokens_in(block_index, end, hi), whole
            )
            if found is not None:
                return found
        tokens, i = self.cue_tokens(block_index, lo, at, end, hi, cue)
        return _has_speaker(tokens, i, kind)

    def tokens_in(self, block_index: int, lo: int, hi: int) -> list[str]:
        """The tokens of masked[lo:hi] in the block, read in place when the block
        is plain (ASCII and _Q alone, as every block of an ASCII document)."""
        plain = self._plain.get(block_index)
        masked = self.masked(block_index)
        found = _simple_tokens(masked[lo:hi])
        if found is not None:
            return found
        if plain is None:
            plain = self._plain[block_index] = self.ascii or not _NOT_PLAIN.search(masked)
        if plain:
            return _PLAIN_TOKEN.findall(masked, lo, hi)
        return _TOKEN.findall(masked[lo:hi])

    def cue_tokens(
        self, block_index: int, lo: int, at: int, end: int, hi: int, cue: str
    ) -> tuple[list[str], int]:
        """The tokens of masked[lo:hi] in the block with the cue at [at, end) as
        one token (`cue`), and the cue's index."""
        tokens = self.tokens_in(block_index, lo, at)
        i = len(tokens)
        tokens.append(cue)
        tokens += self.tokens_in(block_index, end, hi)
        return tokens, i

    def quotation_sentences(self, block_index: int) -> list[tuple[int, int, object]]:
        """(first, last, quotation): for each quotation in the block, the indices
        of the sentences it touches and their neighbours (the quotation may end
        the sentence before: “…?” Lee said.)."""
        found = self._quoted.get(block_index)
        if found is None:
            sentences = self.sentences(block_index)
            found = []
            for q in self.quotations_in(block_index):
                a, b = _sentence_span(sentences, q)
                found.append((max(a - 1, 0), min(b + 1, len(sentences) - 1), q))
            self._quoted[block_index] = found
        return found

    def last_attributed_quotation_sentence(self, block_index: int, upto: int) -> int | None:
        """The last of the block's sentences before `upto`, and within reach of
        it, that holds or neighbours a direct quotation and has a speech act with
        a speaker. Read from `upto` back, so sentences out of reach and
        quotations far away cost nothing."""
        sentences = self.sentences(block_index)
        near = self.quotation_sentences(block_index)
        for k in range(min(upto, len(sentences)) - 1, max(upto - _SPEAKER_REACH, 0) - 1, -1):
            covering = [q for a, b, q in near if a <= k <= b]
            if covering and self.span_attributes(
                block_index, sentences[k].start, sentences[k].end
            ) and any(self.is_direct(q) for q in covering):
                return k
        return None

    def speaker_continues(self, block_index: int, upto: int) -> bool:
        """Is the speaker of an attributed quotation among the block's sentences
        before `upto` still the one talking at `upto`? Yes unless a sentence in
        between names someone else."""
        last = self.last_attributed_quotation_sentence(block_index, upto)
        if last is None:
            return False
        block = self.document.blocks[block_index]
        masked = self.masked(block_index)
        sentences = self.sentences(block_index)
        s = sentences[last]
        known = {
            t for t in _tokens(masked[s.start - block.start : s.end - block.start])
            if t[:1].isupper()
        }
        for k in range(last + 1, upto):
            s = sentences[k]
            tokens = _tokens(masked[s.start - block.start : s.end - block.start])
            if _new_name(tokens, known):
                return False
        return True

    def introduces(self, block_index: int) -> bool:
        """Does the block's last sentence end with a speech act and its speaker
        but no reported content (“Lee went on.”, “Lee continued his remarks.”,
        not “Lee argued that the plan failed.”)?"""
        sentences = self.sentences(block_index)
        if not sentences:
            return False
        s = sentences[-1]
        block = self.document.blocks[block_index]
        lo, hi = s.start - block.start, s.end - block.start
        if not self.span_attributes(block_index, s.start, s.end):
            return False
        masked = self.masked(block_index)
        for _m_start, m_end, _cue in self.cues_in(block_index, lo, hi):
            rest = _tokens(masked[m_end:hi])
            if len(rest) <= 5 and not any(
                t.lower() in ("that", "how", "why", "whether", "if") or _is_quote(t)
                for t in rest
            ):
                return True
        return False

    def only_quotation(self, block_index: int, start: int, end: int) -> bool:
        block = self.document.blocks[block_index]
        text = self.masked(block_index)[start - block.start : end - block.start]
        # (Without the masks first: `re` reads a mask character far slower
        # than str.replace drops it.)
        return _ALNUM.search(text.replace(_Q, "")) is None

    def names_someone(self, q) -> bool:
        """Does the quotation's sentence name a person or body (whose word it may be)?"""
        doc = self.document
        bi = self.block_index(q)
        sentences = self.sentences(bi) if bi is not None else []
        if not sentences:
            return True
        block = doc.blocks[bi]
        first, last = _sentence_span(sentences, q)
        text = self.masked(bi)[
            sentences[first].start - block.start : sentences[last].end - block.start
        ]
        return _named(_tokens(text))

    def near_speech(self, q) -> bool:
        """Is there a speech act with a speaker in the quotation's sentence or the
        sentences either side of it (same paragraph)?"""
        bi = self.block_index(q)
        if bi is None:
            return True
        sentences = self.sentences(bi)
        if not sentences:
            return True
        first, last = _sentence_span(sentences, q)
        lo, hi = max(first - 1, 0), min(last + 1, len(sentences) - 1)
        if self.span_attributes(bi, sentences[first].start, sentences[last].end, own=True):
            return True
        return any(
            self.span_attributes(bi, sentences[k].start, sentences[k].end)
            for k in {lo, hi} - {first, last} if 0 <= k < len(sentences)
        ) or self.speaker_continues(bi, first)

    def attributed(self, q) -> str | None:
        """How the quotation is attributed (a short reason), or None."""
        doc = self.document
        bi = self.block_index(q)
        if bi is None:
            return "no-block"
        block = doc.blocks[bi]
        sentences = self.sentences(bi)
        if not sentences:
            return "no-sentence"
        first, last = _sentence_span(sentences, q)
        # The quotation's own sentence(s), unless they are the quotation alone,
        # with at most a mark after it (no word, so no speech act: the cue scan
        # begins each match at a word).
        start, end = sentences[first].start, sentences[last].end
        alone = self.words is not None and start >= q.start and (
            end <= q.end or end == q.end + 1 and doc.prose[q.end] in ".,;:!?"
        )
        if not alone and self.span_attributes(bi, start, end, own=True):
            return "same-sentence"
        # The nearest sentence before and after with words outside quotations.
        # (Most quotations not attributed in their own sentence are attributed
        # here, so this comes before the rarer forms: only whether any form
        # holds counts, not which.)
        k = first - 1
        while k >= 0 and self.only_quotation(bi, sentences[k].start, sentences[k].end):
            k -= 1
        if k >= 0 and self.span_attributes(bi, sentences[k].start, sentences[k].end):
            return "sentence-before"
        k = last + 1
        while k < len(sentences) and self.only_quotation(
            bi, sentences[k].start, sentences[k].end
        ):
            k += 1
        if k < len(sentences) and self.span_attributes(
            bi, sentences[k].start, sentences[k].end
        ):
            return "sentence-after"
        masked = self.masked(bi)
        rel = q.start - block.start
        if _colon_adjacent(masked, rel):
            # Rep. Lee (D-Ore.): “…” (transcript and headline style: the name and
            # colon stand for “said”). A longer lead-in needs its speech act.
            lead = masked[sentences[first].start - block.start : rel]
            if _NAME_COLON.search(lead):
                return "name-colon"
        if _DASH_SPEAKER.match(doc.prose, q.end):
            return "dash"
        # A quoted phrase worked into a sentence that names someone: Lee called
        # the plan “a gift to developers”, Ruiz worried the town was “running
        # out of patience”.
        content = doc.prose[q.content_start : q.content_end].lstrip(" \"'“‘[(….")
        if content[:1].islower() and masked[
            sentences[first].start - block.start : rel
        ].strip(" ,;:—–-(") and _named(
            _tokens(masked[sentences[first].start - block.start : sentences[last].end - block.start])
        ):
            return "partial-named"
        # An earlier quotation in the paragraph has a speaker: it is the same
        # speaker's paragraph.
        if self.speaker_continues(bi, first):
            return "paragraph-speaker"
        # A paragraph ending in a colon introduces a quotation at the start of the
        # next; a paragraph that opens with a quotation continues the speaker of
        # the quotations in the paragraph before.
        if bi > 0 and _opens(masked, rel):
            pb = doc.blocks[bi - 1]
            if pb.kind in ("paragraph", "list_item") and pb.in_blockquote == block.in_blockquote:
                prev = doc.prose[pb.start : pb.end].rstrip()
                if prev.endswith(":"):
                    return "colon-paragraph"
                # “…,” the mayor said. / “…” : the same speaker goes on. Indirect
                # speech before (“Ruiz argued that …”) does not attribute it.
                if self.speaker_continues(bi - 1, len(self.sentences(bi - 1))):
                    return "previous-paragraph"
                # Lee went on. / Lee continued his remarks. (a speech act that
                # introduces, with no content of its own, ends the paragraph).
                if self.introduces(bi - 1):
                    return "introduced"
                # Only one paragraph: a second quotation-only paragraph in a row
                # needs its speaker again (copy desks reattribute after one).
        # Blockquotes: the blockquote's paragraphs or the paragraph before it.
        if block.in_blockquote:
            j = bi
            while j >= 0 and doc.blocks[j].in_blockquote:
                j -= 1
            k = bi
            while k + 1 < len(doc.blocks) and doc.blocks[k + 1].in_blockquote:
                k += 1
            for other in range(max(j, 0), k + 1):
                b = doc.blocks[other]
                if other != bi and (
                    self.span_attributes(other, b.start, b.end)
                    or doc.prose[b.start : b.end].rstrip().endswith(":")
                    or _DASH_SPEAKER.match(doc.prose[b.start : b.end].lstrip())
                ):
                    return "blockquote"
        return None


def _colon_adjacent(masked: str, rel: int) -> bool:
    # The colon stands right before the opening mark.
    i = rel - 1
    while i >= 0 and masked[i].isspace():
        i -= 1
    return i >= 0 and masked[i] == ":"


def _opens(masked: str, rel: int) -> bool:
    # Nothing but spaces before the opening mark in its paragraph.
    return not masked[max(0, rel - 200) : rel].strip() and (rel <= 200 or not masked[:rel].strip())


def _sentence_index(sentences, offset: int) -> int:
    """The sentence holding `offset` (or the last one starting before it)."""
    return max(bisect_right(sentences, offset, key=_START) - 1, 0)


def _sentence_span(sentences, q) -> tuple[int, int]:
    """The indices of the first and last sentences the quotation `q` touches."""
    first = _sentence_index(sentences, q.start)
    last = q.end - 1
    # (Most quotations end in the sentence they open in: the sentence holding
    # their last character is then `first`, without a search.)
    if first + 1 == len(sentences) or sentences[first + 1].start > last:
        return first, first
    return first, _sentence_index(sentences, max(q.start, last))


class ScareQuote(Rule):
    code = "NL402"
    name = "scare-quote"
    severity = Severity.INFO
    enabled_by_default = False
    summary = "A word or two in quotation marks in the writer's own voice (scare quotes)."
    options = {"max-words": 3}
    docs = {
        "What it flags": "A quoted fragment of one to three words (`max-words`), starting "
        "in lower case, with no speaker or speech act in its sentence or the sentences "
        "beside it, and not introduced as a name (“called”, “so-called”, “the word”, "
        "“designated as”): the company's “charity” work, the “experts” behind the plan. "
        "Off by default; select it with `--select NL402`.",
        "Why it matters": "Quotation marks around the writer's own words signal doubt or "
        "sarcasm without saying what is doubted or who doubts it. Readers cannot tell "
        "whether the marks quote someone or editorialise.",
        "Example": "The council's “consultation” lasted two days.",
        "Instead": "Say what the doubt is and whose it is, or drop the marks: “The "
        "council's consultation lasted two days; residents' groups said that was too "
        "short to respond.” If the word is someone's, attribute it: the mayor called it "
        "a “consultation”.",
        "References": "AP Stylebook, “quotation marks” (use them for irony only "
        "sparingly; do not use them to signal doubt); Reuters Handbook of Journalism, "
        "“Quotes” and “Neutrality” (avoid scare quotes); SPJ Code of Ethics, “Seek Truth "
        "and Report It”: never deliberately distort; label advocacy and commentary.",
    }

    def __init__(self, speech: UnattributedQuote) -> None:
        self.speech = speech

    def check(self, document: Document):
        pattern = self.speech.compiled[0]
        quotations = [q for q in document.quotations if q.level == 0]
        if pattern is None or not quotations:
            return
        max_words = int(self.option(document, "max-words"))
        ctx = _Context(document, pattern, quotations, max_words + 1, self.speech.cue_words,
                       self.speech.pattern_timeout, self.speech.whole_cue_words)
        for q in quotations:
            # Double marks only: single marks are headline style in US copy.
            if (
                q.close_mark is None or q.continues_from_previous_paragraph
                or q.open_mark not in _DOUBLE_OPEN
            ):
                continue
            block = document.block_at(q.start)
            if block is None or block.kind in UnattributedQuote._SKIP_KINDS:
                continue
            content = document.prose[q.content_start : q.content_end]
            words = _words(content)
            if not 1 <= len(words) <= max_words or _INNER_END.search(content):
                continue
            if not words[0][:1].islower() or any(c in content for c in "!?"):
                continue
            lead = document.prose[max(block.start, q.start - 60) : q.start]
            if _NAMING.search(lead) or _DESIGNATION.search(lead) or _MENTION.search(lead):
                continue
            if ctx.near_speech(q) or ctx.names_someone(q):
                continue
            yield self.finding(
                document, q.start, q.end,
                f"{document.text[q.start:q.end]} in quotation marks reads as the writer's "
                "doubt; say who used the word, or drop the marks.",
            )


@hookimpl
def newslint_register_rules(register):
    speech = UnattributedQuote()
    register(speech)
    register(ScareQuote(speech))


@hookimpl
def newslint_register_rule_packs(register):
    register(builtin_pack("attribution.yaml"))
