"""Built-in rule plugin: loaded language (NL201 loaded-epithet, NL202
loaded-language, NL203 loaded-said).

The lexicons are data (rules/loaded-*.yaml); this module adds the context
tests that keep them precise: a word is flagged only in the writer's own voice
(never inside a quotation), only in the sense that judges (`the regime` about a
government, not `a training regime`; `slammed the proposal`, not `slammed the
door`), and an attribution verb only where it introduces speech.
"""

from __future__ import annotations

import regex

from newslint import Document, Entry, PhraseRule, Severity, builtin_pack, hookimpl, lazy_pattern

# -- shared context helpers ---------------------------------------------------

_OPEN_MARKS = "\"“‘'«„"
_CLOSE_MARKS = "\"”’'»"
_WORD = lazy_pattern(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")
# The context tests run once per match: their patterns are compiled once (when
# first used), not looked up in `regex`'s cache at every call.
_LOWER_AFTER_HYPHEN = lazy_pattern(r"-\p{Ll}")
_POSSESSIVE_S = lazy_pattern(r"['’]s\b")
_CLOSED_SOON = lazy_pattern(r"^(?:\s*[\p{L}'’-]+){0,4}[,.!?]?[\"”’»]")
_STOP = lazy_pattern(r"[.!?;:]")
_IN_OR_OF_NAME = lazy_pattern(r"\s+(?:in|of)\s+\p{Lu}")
_THREE_WORDS = lazy_pattern(r"\s+([\p{L}'’-]+)(?:\s+([\p{L}'’-]+))?(?:\s+([\p{L}'’-]+))?")
_LAST_WORD = lazy_pattern(r"([\p{L}'’.-]+)\s+$")
_CAPITALISED_LAST_WORD = lazy_pattern(r"\p{Lu}[\p{L}'’-]*\s+$")
_CLOSE_QUOTE_LAST = lazy_pattern(r"[,!?—–-]\s*[\"”’]\s+$")
_THAT = lazy_pattern(r"\s+that\b")


def _in_speakers_words(document: Document, start: int, end: int) -> bool:
    """The span lies inside a quotation: the words are the speaker's, not the writer's.

    A quotation that is never closed counts only in the paragraph where it opens
    and in later paragraphs that open with a quotation mark (the multi-paragraph
    convention). A stray opening mark is a copy error (NL301 reports it); it
    must not silence this family for the rest of the article."""
    q = document.quotation_at(start)
    if q is None or document.quotation_at(max(start, end - 1)) is None:
        return False
    if q.close_mark is not None:
        return True
    block = document.block_at(start)
    if block is None or block.start <= q.start:
        return True
    head = document.prose[block.start : block.start + 3].lstrip()
    return head[:1] in _OPEN_MARKS


def _block_bounds(document: Document, offset: int) -> tuple[int, int]:
    block = document.block_at(offset)
    if block is None:
        return offset, offset
    return block.start, block.end


def _is_headline(document: Document, offset: int) -> bool:
    block = document.block_at(offset)
    return block is not None and block.kind == "headline"


def _sentence_start(document: Document, offset: int) -> int:
    sentence = document.sentence_at(offset)
    return sentence.start if sentence is not None else _block_bounds(document, offset)[0]


def _starts_sentence(document: Document, offset: int) -> bool:
    """True when only opening marks or brackets stand between the sentence's start and offset."""
    start = _sentence_start(document, offset)
    return not any(c.isalnum() for c in document.prose[start:offset])


_ALWAYS_CAPITALISED = frozenset(
    "marxist marxists trotskyist trotskyists maoist maoists leninist stalinist".split()
)


def _part_of_a_name(document: Document, start: int) -> bool:
    """A capitalised word in mid-sentence of body text is part of a name or a
    title (“Resident Evil”, “the Socialist Party leader”), not the writer's
    judgment. Headlines are often in title case, so they are exempt."""
    first = document.prose[start]
    if not first.isupper():
        return False
    word = _WORD.match(document.prose, start)
    if word and (word.group(0).isupper() or word.group(0).casefold() in _ALWAYS_CAPITALISED):
        return False
    if word and _LOWER_AFTER_HYPHEN.search(word.group(0)):
        return False  # `Trump-hating`: the judgment is in the lower-case part  # an acronym (RINO) or a word always written with a capital (Marxist)
    if word and _POSSESSIVE_S.match(document.prose[word.end() : word.end() + 3]):
        return True  # `Savage's future`: a name, wherever it stands
    if _is_headline(document, start):
        # A headline in title case capitalises every word; judge it like body text.
        return False
    return not _starts_sentence(document, start)


def _scare_quoted(document: Document, start: int, end: int) -> bool:
    """The word is wrapped in quotation marks of its own (“bombshell”): a
    quoted or mentioned word, whatever the quotation parser makes of it."""
    prose = document.prose
    before = prose[start - 1] if start > 0 else ""
    after = prose[end] if end < len(prose) else ""
    if before in _OPEN_MARKS and after in _CLOSE_MARKS:
        return True
    if before in _OPEN_MARKS:
        # an opening mark right before: a quotation starts here; look for its close
        # within a few words on the same line.
        rest = prose[end : end + 40].split("\n", 1)[0]
        return _CLOSED_SOON.match(rest) is not None
    return False


def _inside_a_compound(document: Document, start: int, end: int) -> bool:
    """The match is one part of a hyphenated word (`non-partisan`, `injury-ravaged`),
    which is a different word."""
    prose = document.prose
    return (start > 0 and prose[start - 1] == "-") or (end < len(prose) and prose[end] == "-")


# Indirect speech: `he said he was brutally interrogated`, `according to the
# lawyer, it was a laughable suggestion`. Narrow on purpose: a writer's own
# verdict after an unrelated `said` earlier in the sentence stays flagged.
_INDIRECT = lazy_pattern(
    r"\b(?:(?:said|says|told\s+[\p{L}.]+(?:\s+[\p{L}.]+)?|argued|argues|believes|claimed|claims|insisted|insists)"
    r"\s+(?:that\s+)?(?:he|she|they|it|we|I|this|the\s+\w+)\s+(?:was|were|is|are|had|has|would|will|could)\b"
    r"|according\s+to\b)",
    regex.IGNORECASE,
)


def _in_indirect_speech(document: Document, start: int) -> bool:
    return _INDIRECT.search(document.prose, _sentence_start(document, start), start) is not None


def _next_words(document: Document, end: int, n: int = 3) -> list[str]:
    _, block_end = _block_bounds(document, end)
    window = document.prose[end : min(block_end, end + 60)]
    words = []
    for m in _WORD.finditer(window):
        # stop at sentence punctuation between words
        if _STOP.search(window, 0, m.start()):
            break
        words.append(m.group(0).casefold().replace("’", "'"))
        if len(words) == n:
            break
    return words


def _previous_words(document: Document, start: int, n: int = 3) -> list[str]:
    block_start, _ = _block_bounds(document, start)
    window = document.prose[max(block_start, start - 60) : start]
    tail = _STOP.split(window)[-1]
    return [w.casefold().replace("’", "'") for w in _WORD.findall(tail)][-n:]


def _head(match_text: str) -> str:
    """The first word of a match, folded: the key the context tests use."""
    m = _WORD.match(match_text)
    return m.group(0).casefold().replace("’", "'") if m else ""


# -- NL201 loaded-epithet -----------------------------------------------------


class _LoadedRule(PhraseRule):
    """What the three rules share: the message names the word, says why it is
    loaded, and gives the neutral alternative where the pack has one."""

    verdict = "is loaded"
    without_suggestion = ""
    default_suggestion: str | None = None

    def message_for(self, document: Document, match, entry: Entry) -> str:
        text = " ".join(document.text[match.start() : match.end()].split())
        note = (entry.note or "").rstrip(".")
        suggestion = entry.suggestion or self.default_suggestion
        if suggestion:
            return f"“{text}” {self.verdict} ({note}); write “{suggestion}” instead."
        return f"“{text}” {self.verdict} ({note}); {self.without_suggestion}."

    @staticmethod
    def in_writers_voice(document: Document, start: int, end: int) -> bool:
        """Not a speaker's words, and not a word the writer put in quotation marks."""
        return not (
            _in_speakers_words(document, start, end) or _scare_quoted(document, start, end)
        )


class LoadedEpithet(_LoadedRule):
    # Quotations are skipped in accept() (see _in_speakers_words), which does not
    # let an unclosed quotation mark silence the rest of the article.
    skip_quotations = False
    code = "NL201"
    name = "loaded-epithet"
    severity = Severity.WARNING
    summary = "A political or moral label pinned on a person, group or government in the writer's voice."
    docs = {
        "What it flags": "Labels that stand for, or are pinned on, a named person, group or "
        "government in the writer's own voice: “the socialist leader refused”, "
        "“radical leftist Smith”, “the disgraced former mayor”, “far-right extremist Jones”, "
        "“the regime” for a government, “leftists”, “globalists”, “illegals”. Words inside "
        "quotations are the speaker's and are not flagged; `radical mastectomy`, "
        "`a training regime` and party names in capitals (“the Socialist leader”) are not "
        "labels and are not flagged.",
        "Why it matters": "A label tells readers what to think of someone before they "
        "know what the person did. Readers name such labels as the first sign of a "
        "biased story, and a label the subject does not use for themselves is "
        "contentious by definition.",
        "Example": "Specifically, the socialist leader refused to meet the delegation.",
        "Instead": "Use the name and the office: “Specifically, President Ana Ruiz refused "
        "to meet the delegation.” If a political position matters to the story, describe "
        "it (“who campaigned to nationalise the banks”) or attribute the label to "
        "someone who uses it. Call a government a government.",
        "References": "AP Stylebook, “political labels” and “extremist”: avoid labels unless "
        "the group uses them or they are explained; Reuters Handbook of Journalism, "
        "“Standards and values” (freedom from bias) and “terrorism” (no labels in our "
        "own voice); Wikipedia, Manual of Style/Words to watch, “Contentious labels”; "
        "SPJ Code of Ethics, “Avoid stereotyping”.",
    }

    verdict = "is a loaded label"
    without_suggestion = "use the name and role instead"

    def accept(self, document: Document, match, entry: Entry) -> bool:
        start, end = match.span()
        if not self.in_writers_voice(document, start, end):
            return False
        text = match.group(0)
        head = _head(text)
        if _inside_a_compound(document, start, end):
            return False
        if head in ("the", "a", "an"):
            # `the socialist leader`: the label itself must not be a party name
            m = _WORD.search(text, len(head))
            if m and _part_of_a_name(document, start + m.start()):
                return False
        elif _part_of_a_name(document, start):
            return False
        if head in ("regime", "regimes"):
            return _regime_is_a_government(document, start, end, text)
        if head.startswith("abortionist"):
            prev = _previous_words(document, start, 1)
            # `backstreet abortionist`: the historical name for an illegal trade
            return not (prev and prev[0] in ("backstreet", "back-street", "illegal"))
        return True


# Verdicts that brand a government (`the murderous regime`).
_POLITICAL_REGIME = frozenset(
    """rogue puppet criminal illegitimate evil corrupt socialist marxist leftist
    brutal murderous""".split()
)


def _regime_is_a_government(document: Document, start: int, end: int, text: str) -> bool:
    """`regime` branded by a verdict (`the murderous regime`) or standing for a
    government named only by its seat (`the regime in Tehran`). A government
    named with its country or leader (`the Iranian regime`, `the Assad regime`)
    and the bare anaphoric `the regime` are left alone: on ptc-train their
    annotators counted them as loaded in 1 of 47 and 2 of 14 cases. A way of
    running something (`training regime`, `sanctions regime`) never counts."""
    prev = _previous_words(document, start, 2)
    nxt = _next_words(document, end, 2)
    if nxt and nxt[0] in ("change", "changes", "changed"):
        return False  # `regime change`: the term of art for overthrowing a government
    if not prev:
        return False
    if prev[-1] in _POLITICAL_REGIME:
        return True
    if prev[-1] not in ("the", "this", "that"):
        return False
    _, block_end = _block_bounds(document, start)
    return _IN_OR_OF_NAME.match(document.text[end : min(block_end, end + 25)]) is not None


# -- NL202 loaded-language ----------------------------------------------------

# Things one slams, blasts or rips literally, and the particles of the literal
# senses (`slammed into`, `blasted home`, `slammed shut`).
_LITERAL_OBJECTS = frozenset(
    """door doors gate gates lid lids brake brakes ball balls shot shots header headers
    phone phones receiver car cars fist fists hand hands window windows boot boots
    wall walls net post bar crossbar goal goals ace aces penalty penalties free-kick
    volley drive drives rock rocks tunnel hole holes music speakers stereo horn
    horns bell bells trumpet hatch trunk locker lockers table desk floor ground
    water air fire shutter shutters book books cup glass fridge racket rackets bat
    club clubs stick fists""".split()
)
_LITERAL_PARTICLES = frozenset(
    """home into against onto on in down shut open wide over high through past away
    off out up apart""".split()
)
_DETERMINERS = frozenset(
    "the a an his her their its our my your this that these those such".split()
)
# `devastating` describing a natural disaster, a sporting injury or a blaze is
# description, not judgment.
_DISASTER_NOUNS = frozenset(
    """earthquake earthquakes quake quakes tsunami tsunamis flood floods flooding fire
    fires blaze blazes wildfire wildfires storm storms hurricane hurricanes cyclone
    cyclones typhoon typhoons tornado tornadoes drought droughts famine famines
    landslide landslides mudslide mudslides eruption eruptions avalanche avalanches
    explosion explosions disease diseases virus viruses epidemic epidemics outbreak
    outbreaks plague fever ebola aids malaria pandemic injury injuries
    illness illnesses cancer stroke heatwave winds""".split()
)
_LEGAL_RECKLESS = frozenset(
    "driving endangerment homicide manslaughter disregard conduct behaviour behavior".split()
)


class LoadedLanguage(_LoadedRule):
    # Quotations are skipped in accept() (see _in_speakers_words), which does not
    # let an unclosed quotation mark silence the rest of the article.
    skip_quotations = False
    code = "NL202"
    name = "loaded-language"
    severity = Severity.WARNING
    summary = "A charged word or phrase in the writer's voice that passes a judgment a neutral report would leave out."
    docs = {
        "What it flags": "Charged words and phrases in the writer's own voice: insults "
        "(“thugs”, “cronies”), motive imputed without a source (“under the guise of”, "
        "“criminal elements”), hype (“bombshell”, “shocking”), figurative violence for "
        "criticism (“slammed the proposal”, “ravaging”), contempt (“ridiculous”, "
        "“sham”, “witch hunt”) and editorial asides (“sadly”, “needless to say”). Words "
        "inside quotations are the speaker's and are not flagged; literal senses "
        "(“slammed the door”, “a devastating earthquake”, “reckless driving”) are not "
        "flagged.",
        "Why it matters": "Straight news reports what happened and lets readers judge. A "
        "charged word makes the judgment for them, reads as bias to those who disagree, "
        "and weakens the facts around it: readers who spot one stop trusting the rest.",
        "Example": "A bombshell memo showed the council slammed the plan under the guise "
        "of saving money.",
        "Instead": "Say what happened and who said what: “A memo from the finance "
        "director showed the council rejected the plan, saying it would save money.” "
        "Each finding names a neutral word where there is one; where there is none, "
        "drop the word or attribute the judgment to someone who made it.",
        "References": "AP Stylebook, “neutral language” and “said”; Reuters Handbook of "
        "Journalism, “Standards and values” and “Accuracy and fairness”; BBC Editorial "
        "Guidelines, “Impartiality” (use of language); Wikipedia, Manual of Style/Words "
        "to watch (“Puffery”, “Contentious labels”, “Editorializing”); SPJ Code of Ethics, "
        "“Seek truth and report it”.",
    }

    verdict = "is loaded"
    without_suggestion = "state the facts and let readers judge"

    def accept(self, document: Document, match, entry: Entry) -> bool:
        start, end = match.span()
        if not self.in_writers_voice(document, start, end):
            return False
        if _part_of_a_name(document, start):
            return False
        if _inside_a_compound(document, start, end):
            return False
        if _in_indirect_speech(document, start):
            return False
        head = _head(match.group(0))
        check = _NL202_CONTEXT.get(head)
        return check(document, start, end) if check else True


def _figurative_hit(document: Document, start: int, end: int) -> bool:
    """`slammed the proposal`, `blasted Smith`: criticism, not a door or a ball.
    The present tense (`slams`) is headline language; in body text it is mostly
    a quoted headline or a literal sense."""
    word = document.prose[start:end].casefold()
    if not word.endswith("ed") and not _is_headline(document, start):
        return False
    prev = _previous_words(document, start, 2)
    if prev and prev[-1] in ("was", "were", "been", "be", "being", "is", "are"):
        return False  # `the door was slammed`
    window = document.prose[end : end + 60]
    m = _THREE_WORDS.match(window)
    if not m:
        return False
    words = [w for w in m.groups() if w]
    first = words[0]
    if first.casefold() in _LITERAL_OBJECTS or first.casefold() in _LITERAL_PARTICLES:
        return False
    if any(w.casefold() in ("onto", "into", "against") for w in words[1:]):
        return False  # `slammed his racket onto the ground`
    if first.casefold() in _DETERMINERS:
        # the object noun: one of the next two words (`the door`, `the car door`)
        rest = [w.casefold() for w in words[1:3]]
        return not any(w in _LITERAL_OBJECTS for w in rest)
    # a name or a pronoun as the object: `slammed Smith`, `blasted them`
    return first[0].isupper() or first.casefold() in ("him", "them", "it", "us", "me")


def _devastating(document: Document, start: int, end: int) -> bool:
    """Judgment, not the description of a disaster or an injury: no earthquake,
    storm, flood, fire or the like within four words after it."""
    nxt = _next_words(document, end, 4)
    return not any(w in _DISASTER_NOUNS for w in nxt)


def _ravaged(document: Document, start: int, end: int) -> bool:
    """`the crisis ravaging the towns`, not `the storm ravaged the coast`."""
    around = _previous_words(document, start, 4) + _next_words(document, end, 4)
    return not any(w in _DISASTER_NOUNS or w in _STORM_NAMES for w in around)


_STORM_NAMES = frozenset("hurricane typhoon cyclone tsunami war-ravaged".split())


def _insane(document: Document, start: int, end: int) -> bool:
    prev = _previous_words(document, start, 1)
    return not (prev and prev[0] == "criminally")  # a legal and clinical term


def _phoney(document: Document, start: int, end: int) -> bool:
    """`phony agreements` judges; `the phoney war` is a name and `phoney e-mails`
    (forgeries, in fraud reports) a plain description."""
    nxt = _next_words(document, end, 1)
    return not (nxt and nxt[0] in _FORGED_THINGS)


_FORGED_THINGS = frozenset(
    """war wars campaign e-mails e-mail emails email websites website sites site
    giveaways giveaway accounts account documents document passports passport
    cheques cheque checks tickets ticket invoices invoice ids id identities
    identity credentials messages""".split()
)


def _utter(document: Document, start: int, end: int) -> bool:
    """`utter nonsense`, not the verb (`did not utter a word`)."""
    prev = _previous_words(document, start, 1)
    nxt = _next_words(document, end, 1)
    if prev and prev[0] in ("to", "not", "never", "did", "could", "would", "will", "can", "cannot", "n't"):
        return False
    return bool(nxt) and nxt[0] not in ("a", "an", "the", "word", "words", "sound", "threats", "his", "her", "their", "its", "any", "another", "it", "them", "this", "that")


def _reckless(document: Document, start: int, end: int) -> bool:
    nxt = _next_words(document, end, 1)
    prev = _previous_words(document, start, 1)
    if prev and prev[0] in ("or", "knowingly", "intentionally", "deliberately"):
        return False  # `knowingly or recklessly`: the legal standard
    return not (nxt and nxt[0] in _LEGAL_RECKLESS)


_GENRES = frozenset(
    """opera operas play plays drama dramas comedy comedies hero heroes heroine heroines
    figure figures flaw romance novel novels film films musical musicals story""".split()
)


def _not_a_genre(document: Document, start: int, end: int) -> bool:
    """`Bizet's tragic opera`, `the theatre farce`: a genre, not a verdict."""
    prev = _previous_words(document, start, 1)
    nxt = _next_words(document, end, 1)
    if prev and prev[0] in ("theatre", "theater", "stage", "bedroom", "french", "comic", "classic", "romantic"):
        return False
    return not (nxt and nxt[0] in _GENRES)


def _brutal(document: Document, start: int, end: int) -> bool:
    nxt = _next_words(document, end, 1)
    return not (nxt and nxt[0] in ("honesty", "frankness", "candour", "candor", "truth"))


def _hoax(document: Document, start: int, end: int) -> bool:
    prev = _previous_words(document, start, 1)
    nxt = _next_words(document, end, 1)
    if prev and prev[0] in ("bomb", "security", "anthrax", "email", "e-mail", "phone", "telephone"):
        return False
    return not (nxt and nxt[0] in ("call", "calls", "caller", "callers", "email", "emails", "device"))


def _smear(document: Document, start: int, end: int) -> bool:
    nxt = _next_words(document, end, 1)
    prev = _previous_words(document, start, 1)
    if nxt and nxt[0] in ("test", "tests", "testing", "sample", "samples"):
        return False  # cervical smear tests
    return not (prev and prev[0] in ("cervical", "blood", "pap"))


def _sham(document: Document, start: int, end: int) -> bool:
    nxt = _next_words(document, end, 1)
    return not (nxt and nxt[0] in ("marriage", "marriages", "wedding", "weddings"))


def _obscene(document: Document, start: int, end: int) -> bool:
    nxt = _next_words(document, end, 1)
    return not (
        nxt and nxt[0] in ("publications", "publication", "material", "materials", "images", "phone", "calls", "gesture", "gestures")
    )


_CHEMICAL = frozenset(
    """waste wastes chemical chemicals gas gases fumes substance substances metal metals
    spill spills algae levels level dose doses smoke dump dumps sludge material
    materials shock mushrooms mushroom plants plant effects effect leak leaks
    pollution pollutants pollutant water air soil sites site cloud dust residue
    ingredients ingredient compounds compound""".split()
)


def _toxic(document: Document, start: int, end: int) -> bool:
    nxt = _next_words(document, end, 2)
    return not any(w in _CHEMICAL for w in nxt[:2])


def _partisan(document: Document, start: int, end: int) -> bool:
    prev = _previous_words(document, start, 1)
    nxt = _next_words(document, end, 1)
    if prev and prev[0] in ("non", "bi", "cross"):
        return False
    # `partisan politics`, `partisan lines`, `partisan divide`: description
    return not (
        nxt
        and nxt[0]
        in ("lines", "line", "divide", "split", "politics", "gridlock", "balance", "fighting",
            "warfare", "groups", "group", "fighters", "war", "crowd", "crowds", "support",
            "supporters", "fans", "audience")
    )


_LITERAL_EXPLOSIVE = frozenset(
    """device devices material materials charge charges belt belts vest vests substance
    substances ordnance residue residues detector detectors experts expert package
    packages trace traces powder powders mixture force power eruption eruptions
    decompression growth""".split()
)


def _explosive(document: Document, start: int, end: int) -> bool:
    nxt = _next_words(document, end, 1)
    return not (nxt and nxt[0] in _LITERAL_EXPLOSIVE)


_NL202_CONTEXT = {
    "explosive": _explosive,
    "destructive": _devastating,
    "toxic": _toxic,
    "partisan": _partisan,
    "slammed": _figurative_hit,
    "slams": _figurative_hit,
    "slamming": _figurative_hit,
    "blasted": _figurative_hit,
    "blasts": _figurative_hit,
    "blasting": _figurative_hit,
    "decimated": _ravaged,
    "decimating": _ravaged,
    "ravaging": _ravaged,
    "ravaged": _ravaged,
    "ravage": _ravaged,
    "ravages": _ravaged,
    "insane": _insane,
    "phoney": _phoney,
    "phony": _phoney,
    "utter": _utter,
    "tragic": _not_a_genre,
    "farce": _not_a_genre,
    "farces": _not_a_genre,
    "farcical": _not_a_genre,
    "brutal": _brutal,
    "brutally": _brutal,
    "recklessly": _reckless,
    "devastating": _devastating,
    "devastated": _devastating,
    "devastation": _devastating,
    "reckless": _reckless,
    "hoax": _hoax,
    "smear": _smear,
    "smears": _smear,
    "sham": _sham,
    "obscene": _obscene,
}


# -- NL203 loaded-said --------------------------------------------------------

_BE = frozenset("is are was were be been being get gets got".split())
_NOUN_MARKERS = frozenset(
    """the a an his her their its our my your these those such many several
    some all any no false bogus dubious unfounded unbelievable wild new earlier
    similar other previous whose into about over of on despite against with
    deny denies denied dismissed rejected investigate investigating fresh central
    counter further repeated latest main key rival competing conflicting
    unsubstantiated recent insurance compensation damages expenses benefit
    and or""".split()
)
_TIME = r"(?:\s+(?:on|last|this|late|early)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|week|month|year|night|morning|afternoon|evening))*"
# A closing quotation mark, then at most six words (the speaker), then the verb:
# `…,” the minister admitted` / `…," admitted Smith`.
_AFTER_QUOTE = lazy_pattern(r"[,!?—–-]\s*[\"”’]\s+(?:[\p{L}\p{N}.'’-]+\s+){0,4}$")
# The verb introduces a quotation: `he insisted: “…”`, `she claimed, "…`.
_BEFORE_QUOTE = lazy_pattern(r"^\s*[:,]?\s*[\"“‘]")
# A comma-spliced report ending the sentence: `Prices will fall, the minister insisted.`
_SENTENCE_FINAL = lazy_pattern(r"^" + _TIME + r"\s*[.!?]")
_COMMA_SPEAKER = lazy_pattern(r",\s+(?:[\p{L}\p{N}.'’-]+\s+){1,6}$")
_TIME_THEN_STOP = lazy_pattern(_TIME + r"\s*(?:[,.;:!?—–)]|$)")
_TIME_THEN_THAT = lazy_pattern(_TIME + r"\s+that\b")


_WRONGDOING = lazy_pattern(
    r"\b(?:false|falsely|fraud\w*|illegal\w*|unlawful\w*|guilty|lied|lying|breach\w*|"
    r"mislead\w*|misled|wrongdoing|wrongly|cheat\w*|brib\w*|stole|stolen|theft|"
    r"doping|manslaughter|murder\w*|assault\w*|charges?|counts?)\b",
    regex.IGNORECASE,
)


_PRONOUNS = frozenset("he she it they we i you who which that one".split())


def _subject_before(document: Document, start: int) -> bool:
    """A plausible subject right before a present-tense `claims`: a name (`Fiat
    claims`), a pronoun, or a determiner and a noun (`the company claims`)."""
    prev = _previous_words(document, start, 2)
    if not prev:
        return False
    if prev[-1] in _PRONOUNS:
        return True
    m = _LAST_WORD.search(document.prose[max(0, start - 40) : start])
    if m and m.group(1)[0].isupper() and not m.group(1).endswith("ing"):
        return True  # `Fiat claims`, not `Addressing claims`
    return len(prev) == 2 and prev[0] in ("the", "a", "an", "his", "her", "their", "its", "this")


class LoadedSaid(_LoadedRule):
    # Quotations are skipped in accept() (see _in_speakers_words), which does not
    # let an unclosed quotation mark silence the rest of the article.
    skip_quotations = False
    code = "NL203"
    name = "loaded-said"
    severity = Severity.WARNING
    summary = "An attribution verb that judges the speaker (“admitted”, “claimed”, “slammed”) where “said” would do."
    docs = {
        "What it flags": "Verbs that introduce what someone said and, in passing, judge "
        "them: “admitted”, “conceded”, “confessed” (a wrong owned up to), “claimed”, "
        "“insisted” (doubt), “slammed”, “blasted”, “ranted”, “fumed” (anger), “boasted”, "
        "“bragged” (vanity). Only their use as attribution verbs is flagged: next to a "
        "quotation, before a `that` clause, or ending a reported sentence after a comma. "
        "“Admitted to hospital”, “claimed the title” and “conceded a goal” are not "
        "attribution and are not flagged.",
        "Why it matters": "“Said” is neutral and invisible; the alternatives tell readers "
        "the speaker was lying (“claimed”), guilty (“admitted”), stubborn (“insisted”) or "
        "angry (“blasted”), a judgment the reporter rarely has evidence for.",
        "Example": "“We will not raise taxes,” the mayor insisted. She admitted that the "
        "budget was short.",
        "Instead": "“We will not raise taxes,” the mayor said. She said the budget was "
        "short. Keep “admitted” for a confession of wrongdoing on the record, and "
        "“denied” for a denial.",
        "References": "AP Stylebook, “said”: the most neutral attribution verb, and "
        "“claim”: avoid as a synonym for “say”; Reuters Handbook of Journalism, “Said”: "
        "avoid loaded verbs such as admitted, conceded, claimed; Wikipedia, Manual of "
        "Style/Words to watch, “Said”.",
    }
    message = "“{text}” judges the speaker; write “{suggestion}” instead."

    verdict = "judges the speaker"
    default_suggestion = "said"

    def accept(self, document: Document, match, entry: Entry) -> bool:
        start, end = match.span()
        if not self.in_writers_voice(document, start, end):
            return False
        if _part_of_a_name(document, start):
            return False
        return _attribution_verb(document, start, end)


def _attribution_verb(document: Document, start: int, end: int) -> bool:
    block_start, block_end = _block_bounds(document, start)
    prose = document.prose
    before = prose[max(block_start, start - 90) : start]
    after = prose[end : min(block_end, end + 60)]
    prev = _previous_words(document, start, 1)
    if prev and prev[0] in _BE:
        return False  # `it was claimed that` is a passive report (NL103), not a loaded verb
    if prev and (prev[0] in _NOUN_MARKERS or prev[0].endswith(("'s", "s'"))):
        return False  # `his claims that`, `the minister's claims`: a noun, not a verb
    prev2 = _previous_words(document, start, 2)
    if (
        len(prev2) == 2
        and prev2[0] in _NOUN_MARKERS
        and _head(document.prose[start:end]).startswith("claim")
        and _CAPITALISED_LAST_WORD.search(prose[max(block_start, start - 30) : start])
    ):
        return False  # `denied Conservative claims that`: a noun
    if _head(document.prose[start:end]).startswith(("admit", "confess")) and _WRONGDOING.search(
        after + prose[min(block_end, end + 60) : min(block_end, end + 140)]
    ):
        return False  # owning up to a wrong on the record: `admitted` is the accurate word
    if _head(document.prose[start:end]) in ("claims", "claim") and not _subject_before(document, start):
        return False  # `addressing claims that`, `scotch claims that`: a noun
    if _AFTER_QUOTE.search(before):
        # `…,” he claimed.` but not `…,” Graham blasted the senators`
        if _CLOSE_QUOTE_LAST.search(before):
            return True  # `…,” blasted the union leader.`: the speaker follows the verb
        return _TIME_THEN_STOP.match(after) is not None
    if _BEFORE_QUOTE.match(after):
        return True
    if _THAT.match(after) or _TIME_THEN_THAT.match(after):
        return bool(prev)  # a subject before the verb
    if _SENTENCE_FINAL.match(after) and _COMMA_SPEAKER.search(before):
        return True
    return False


@hookimpl
def newslint_register_rules(register):
    register(LoadedEpithet())
    register(LoadedLanguage())
    register(LoadedSaid())


@hookimpl
def newslint_register_rule_packs(register):
    for name in ("loaded-epithet.yaml", "loaded-language.yaml", "loaded-said.yaml"):
        register(builtin_pack(name))
