"""PhraseRule's prefilter: it must never lose (or add) a match.

The prefilter tries a rule's pattern only where one of the prefixes read off
its entries begins (see newslint/rulepacks.py, `_prefixes` and `_Prefilter`).
These tests compare it with the plain scan (`finditer` over the whole region)
on texts built from the packs' own examples and random words."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newslint.rulepacks as rulepacks
from newslint.engine import Linter
from newslint.rulepacks import Entry, PhraseRule, _prefixes, _Unreadable


def _pack_rules() -> list[PhraseRule]:
    rules = Linter().registry.rules.values()
    return [
        r for r in rules
        if isinstance(r, PhraseRule) and type(r).scan is PhraseRule.scan
        and type(r).compiled is PhraseRule.compiled and r.entries
    ]


RULES = _pack_rules()
LINTER = Linter()


def _examples() -> list[str]:
    found = []
    for rule in RULES:
        for entry in rule.entries:
            found.extend(entry.matches)
            found.extend(entry.non_matches)
            if entry.phrase:
                found.append(entry.phrase)
    return found


EXAMPLES = _examples()
WORDS = sorted({w for text in EXAMPLES for w in regex.findall(r"[\w’'-]+", text)})
GLUE = [" ", " ", " ", ", ", ". ", "\n", "\n\n", " “", "” ", ' "', "’s ", " - ", "-", "’", ": "]


def _document(text: str):
    return LINTER.document(text, "article.txt", LINTER.finder.for_path("article.txt"))


def _region(text: str, cut: tuple[int, ...]) -> tuple[int, int]:
    """The region of `text` left when cut[0] characters are cut from its start
    and cut[1] from its end (never an inverted region)."""
    start = min(cut[0], len(text))
    return start, max(start, len(text) - cut[1])


def _both(rule: PhraseRule, text: str) -> tuple[list, list]:
    """(spans scanned with the prefilter, spans of plain finditer) over every region."""
    document = _document(text)
    pattern = rule.compiled[0]
    fast, plain = [], []
    for start, end in PhraseRule.regions(rule, document):
        fast += [m.span() for m in rule.scan(document, start, end)]
        plain += [m.span() for m in pattern.finditer(document.prose, start, end)]
    return fast, plain


def _findings(rule: PhraseRule, text: str, monkeypatch=None) -> tuple[list, list]:
    document = _document(text)
    fast = [(f.start, f.end, f.message) for f in rule.check(document)]
    rulepacks._NO_PREFILTER = True
    try:
        plain = [(f.start, f.end, f.message) for f in rule.check(_document(text))]
    finally:
        rulepacks._NO_PREFILTER = False
    return fast, plain


def test_every_pack_rule_is_prefiltered():
    """The analysis reads every entry of the shipped packs (none falls back)."""
    assert RULES
    for rule in RULES:
        assert rule._analysis[0] is not None, rule.code


def test_examples_scan_the_same():
    for rule in RULES:
        for text in EXAMPLES:
            fast, plain = _both(rule, text)
            assert fast == plain, (rule.code, text)


def test_examples_give_the_same_findings():
    for rule in RULES:
        text = "\n\n".join(EXAMPLES)
        fast, plain = _findings(rule, text)
        assert fast == plain, rule.code


pieces = st.lists(
    st.one_of(st.sampled_from(EXAMPLES), st.sampled_from(WORDS), st.sampled_from(GLUE)),
    min_size=1,
    max_size=40,
)


def _texts(parts: st.SearchStrategy) -> st.SearchStrategy:
    """Texts joined from `parts`, half of them in capitals."""
    return st.tuples(parts, st.booleans()).map(
        lambda drawn: "".join(drawn[0]).upper() if drawn[1] else "".join(drawn[0])
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts(pieces))
def test_random_texts_scan_the_same(text):
    for rule in RULES:
        fast, plain = _both(rule, text)
        assert fast == plain, rule.code


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=pieces)
def test_random_texts_give_the_same_findings(parts):
    text = "Headline here\n\n" + "".join(parts)
    for rule in RULES:
        fast, plain = _findings(rule, text)
        assert fast == plain, rule.code


# -- the analysis ------------------------------------------------------------


def _heads(source: str, lists=None, flags=regex.IGNORECASE) -> set[str]:
    heads = set()
    for tokens in _prefixes(source, lists or {}, flags):
        literal = [rulepacks._literal(t) for t in tokens]
        heads.add("".join(literal[: literal.index(None)] if None in literal else literal))
    return heads


def test_prefixes_of_alternations_and_optional_parts():
    assert _heads(r"(?:slammed|slams|blasted)") == {"slammed", "slams", "blasted"}
    assert _heads(r"bombshells?") == {"bombshell", "bombshells"}
    assert _heads(r"(?:ultra-)?leftist") == {"ultra-leftist", "leftist"}
    assert _heads(r"\L<who>", {"who": ["critics", "some people"]}) == {"critics", "some people"}
    assert _heads(r"it\s+is\s+said") == {"it"}


def test_class_at_the_start_is_kept_as_a_class():
    prefixes = _prefixes(r"\p{L}+-hating", {}, regex.IGNORECASE)
    assert all(not rulepacks._is_word_token(p[0]) for p in prefixes)


def test_unreadable_patterns_fall_back_to_the_plain_scan():
    for source in [r"(?:foo)?", r".+x", r"(?|a|b)", r"(?:cat){e<=1}", r"[[:alpha:]]+", r"\X"]:
        try:
            _prefixes(source, {}, regex.IGNORECASE)
        except _Unreadable:
            continue
        raise AssertionError(f"{source} was read")


class _Custom(PhraseRule):
    code = "NL998"
    name = "custom"
    summary = "s"


def _custom(*entries: Entry, case_sensitive=False, lists=None) -> PhraseRule:
    cls = type("Custom", (_Custom,), {"case_sensitive": case_sensitive})
    rule = cls()
    rule.add_entries(entries, lists or {})
    return rule


def _pattern(source: str) -> Entry:
    return Entry(phrase=None, pattern=source)


def _phrase(text: str) -> Entry:
    return Entry(phrase=text, pattern=None)


TRICKY = [
    "The ANTI-war-hating crowd and the socialist leader met. Here’s why.",
    "Straße STRASSE strasse İstanbul ſocialist Kelvin \u212aelvin café CAFÉ",
    "a-b a - b a\u00a0b foo-bar foo bar’s foo’s (foo) “foo” 'foo'",
    "x" * 30 + " xxy xy y",
]


def test_custom_rules_scan_the_same_as_finditer():
    rules = [
        _custom(_pattern(r"\p{L}+-hating"), _phrase("socialist leader")),
        _custom(_pattern(r"(?-i:\p{Lu})\w+\s+(?:met|crowd)"), _pattern(r"here['’]s\s+why")),
        _custom(_pattern(r"(?:stra(?:ß|ss)e)"), _pattern(r"istanbul|socialist|kelvin")),
        _custom(_pattern(r"(?<=\s)foo(?=-)"), _pattern(r"bar(?:’s)?"), _pattern(r"[“'(]foo")),
        _custom(_pattern(r"x+y"), _pattern(r"(?:x|xx){2}y")),
        _custom(_pattern(r"Foo|CAFÉ"), case_sensitive=True),
        _custom(_pattern(r"\L<w>\s+\L<w>"), lists={"w": ["a", "b", "foo"]}),
    ]
    for rule in rules:
        assert rule._analysis[0] is not None
        for text in TRICKY:
            for start in range(0, len(text), 7):
                document = _document(text)
                fast = [m.span() for m in rule.scan(document, start, len(text))]
                plain = [m.span() for m in rule.compiled[0].finditer(document.prose, start)]
                assert fast == plain, (rule.entries, text, start)


def test_a_region_may_end_inside_a_word():
    rule = _custom(_pattern(r"soc"), _phrase("lead"))
    document = _document("the socialist leader")
    assert [m.span() for m in rule.scan(document, 0, 7)] == [(4, 7)]
    assert [m.span() for m in rule.scan(document, 0, 19)] == [
        m.span() for m in rule.compiled[0].finditer(document.prose, 0, 19)
    ]


def _entry_by_trying_all(rule: PhraseRule, prose: str, match) -> Entry | None:
    """`entry_for` without its first-character shortcut: the phrase, else the
    first pattern entry whose own pattern matches the whole matched text."""
    entry = rule._by_phrase.get(rulepacks._normal(match.group(0)))
    if entry is not None:
        return entry
    for index, (_source, candidate) in enumerate(rule._alternatives):
        if candidate.pattern is not None and rule._matcher(index).fullmatch(
            prose, match.start(), match.end()
        ):
            return candidate
    return None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts(pieces))
def test_entry_for_agrees_with_trying_every_entry(text):
    document = _document(text)
    for rule in RULES:
        for match in rule.scan(document, 0, len(document.prose)):
            expected = _entry_by_trying_all(rule, document.prose, match)
            assert rule.entry_for(document.prose, match) is expected, (rule.code, match)


def _rule_of(*entries: Entry, lists=None) -> PhraseRule:
    rule = type("FirstWordsRule", (PhraseRule,), {"code": "NL990", "name": "first-words"})()
    rule.add_entries(entries, lists or {})
    return rule


def test_first_words_of_phrases_patterns_and_lists():
    rule = _rule_of(
        Entry("Critics say", None),
        Entry(None, r"(?:top|senior)\s+officials"),
        Entry(None, r"\L<verbs>\s+that"),
        lists={"verbs": ["claimed", "Alleged"]},
    )
    assert rule.first_words() == {"critics", "top", "senior", "claimed", "alleged"}


def test_first_words_through_groups_lookarounds_and_optional_characters():
    def words(*sources: str) -> frozenset[str] | None:
        return _rule_of(*(Entry(None, source) for source in sources)).first_words()

    assert words("said", r"(?:went|go(?:es)?)\s+on", r"e-?mail\s+from") == {
        "said", "went", "go", "goes", "e", "email"}
    assert words(r"(?<=\bthey\s)state(?=\s+that)", r"in\ the\ words") == {"state", "in"}
    assert words(r"(?:in|on)[,:]?\s+(?:[\w-]+\s+){0,2}?memo") == {"in", "on"}
    assert words(r"(?i:said)") == {"said"}


def test_first_words_unknown_when_an_entry_may_begin_otherwise():
    assert _rule_of(Entry(None, r"\p{Lu}\w+\s+said")).first_words() is None
    assert _rule_of(Entry(None, r"“quote")).first_words() is None
    assert _rule_of(Entry("said", None), Entry(None, r"wi\w*")).first_words() is None
    for source in (r"\w+said", r"[A-Z]\w*", r"[\.-z]id", r"[st]a+", r"sa+id", r"-said",
                   r"sa.d", "café"):
        assert _rule_of(Entry("said", None), Entry(None, source)).first_words() is None, source


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=pieces)
def test_every_match_begins_with_one_of_the_first_words(parts):
    document = _document("".join(parts))
    prose = document.prose
    for rule in LINTER.registry.rules.values():
        words = rule.first_words() if isinstance(rule, PhraseRule) else None
        if words is None or not rule.compiled[0]:
            continue
        for match in rule.compiled[0].finditer(prose):
            word = regex.match(r"\w+", prose, pos=match.start())
            assert word and word.group(0).lower() in words, (rule.code, match)

# -- head finders (`re` on the folded prose) --------------------------------


def test_re_space_covers_regex_space():
    """The head finders read a run of spaces with `re`'s \\s and a word character
    as `re`'s \\S: sound only if `re` calls \\s every character `regex` does,
    and no character `regex` calls \\w."""
    import re
    import sys

    text = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    regex_space = set(regex.findall(r"\s", text, flags=regex.V0))
    assert regex_space <= set(re.findall(r"\s", text))
    assert not set(regex.findall(r"\w", text, flags=regex.V0)) & set(re.findall(r"\s", text))


def _prefiltered_rules() -> list[PhraseRule]:
    """Every rule the core's scan prefilters, plugins' subclasses included,
    with every head finder compiled (a run compiles one once its head proves
    common; RULES, above, keep the lazy ones)."""
    rules = Linter().registry.rules.values()
    found = [r for r in rules if isinstance(r, PhraseRule) and r.entries and r._analysis[0] is not None]
    for rule in found:
        finders = rule._analysis[0].finders
        for head in finders.sources:
            finders[head]  # noqa: B018 - compiles on first access
    return found


ALL_RULES = _prefiltered_rules()
ALL_EXAMPLES = [t for rule in ALL_RULES for e in rule.entries for t in e.matches + e.non_matches]
ALL_WORDS = sorted({w for text in ALL_EXAMPLES for w in regex.findall(r"[\w’'-]+", text)})
SPACES = [" ", "  ", "\n", "\t", "\xa0", "\u2003", " \n ", "\x0b"]


def _core_scan_agrees(rule: PhraseRule, text: str) -> None:
    document = _document(text)
    pattern = rule.compiled[0]
    for start, end in PhraseRule.regions(rule, document):
        fast = [m.span() for m in PhraseRule.scan(rule, document, start, end)]
        plain = [m.span() for m in pattern.finditer(document.prose, start, end)]
        assert fast == plain, (rule.code, text)
        # `before` just after the last match begins (no match begins later).
        before = plain[-1][0] + 1 if plain else start
        limited = [m.span() for m in PhraseRule.scan(rule, document, start, end, before)]
        assert limited == plain, (rule.code, text, before)
        # Heads looked for in the region only, not in the whole document.
        rule.sparse_regions = not type(rule).sparse_regions
        try:
            other = [m.span() for m in PhraseRule.scan(rule, _document(text), start, end)]
        finally:
            del rule.sparse_regions
        assert other == plain, (rule.code, text, "sparse_regions")


def test_a_head_finder_is_compiled_once_the_head_proves_common():
    rule = next(r for r in _pack_rules() if r.code in ("NL102", "NL201"))
    prefilter = rule._analysis[0]
    head = next(h for h, source in prefilter.finders.sources.items() if source)
    assert head not in prefilter.finders
    prefilter.positions(_document(f"{head} " * 5), {head})
    assert head not in prefilter.finders
    prefilter.positions(_document(f"{head} " * (rulepacks._BUSY_HEAD + 1)), {head})
    assert prefilter.finders[head] is not None


def test_head_finders_in_use():
    """The common heads of the sourcing rules are found with `re`."""
    codes = {r.code: r for r in ALL_RULES}
    assert codes["NL102"]._analysis[0].finders["a"] is not None
    assert codes["NL103"]._analysis[0].finders["it"] is not None


def test_all_examples_scan_the_same():
    for rule in ALL_RULES:
        for text in ALL_EXAMPLES:
            _core_scan_agrees(rule, text)
            _core_scan_agrees(rule, regex.sub(r" ", "\xa0 ", text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=_texts(st.lists(
        st.one_of(st.sampled_from(ALL_EXAMPLES), st.sampled_from(ALL_WORDS),
                  st.sampled_from(SPACES), st.sampled_from(GLUE)),
        min_size=1, max_size=40,
    )),
)
def test_random_texts_scan_the_same_with_every_rule(text):
    for rule in ALL_RULES:
        _core_scan_agrees(rule, text)


_SAME_OFFSET_RULE = _custom(
    _phrase("new york"), _pattern(r"new\s+\w+s"), _pattern(r"ne\w*"), _phrase("york"),
    _pattern(r"york\s+new"),
)


@settings(max_examples=80, deadline=None)
@given(
    words=st.lists(st.sampled_from(["new", "york", "news", "nearby", "yorks", "ne", "w"]),
                   max_size=12),
    glue=st.sampled_from([" ", "  ", "\n", ", "]),
    cut=st.tuples(st.integers(0, 80), st.integers(0, 80)),
)
@example(words=["york", "new", "york", "new", "yorks"], glue=" ", cut=(0, 0))
@example(words=["new", "nearby", "news", "new", "york"], glue="\n", cut=(5, 3))
def test_heads_at_one_offset_scan_the_same_as_finditer(words, glue, cut):
    # Several heads begin at one offset ("new", "ne"), and a match may
    # swallow later candidates: the scan must still agree with finditer,
    # over any region.
    text = glue.join(words)
    start, end = _region(text, cut)
    document = _document(text)
    fast = [m.span() for m in _SAME_OFFSET_RULE.scan(document, start, end)]
    plain = [m.span() for m in _SAME_OFFSET_RULE.compiled[0].finditer(document.prose, start, end)]
    assert fast == plain


def _word_rule(sparse: bool) -> PhraseRule:
    rule = _custom(_phrase("soc"), _phrase("it"), _pattern(r"it\s+emerged"), _phrase("lead"),
                   _pattern(r"socialist\s+lead\w*"))
    rule.sparse_regions = sparse
    return rule


WORD_RULES = [_word_rule(False), _word_rule(True)]


@settings(max_examples=80, deadline=None)
@given(
    words=st.lists(st.sampled_from(["soc", "socialist", "it", "italy", "emerged", "lead",
                                    "leader", "leads"]), max_size=10),
    cut=st.tuples(st.integers(0, 60), st.integers(0, 60)),
)
@example(words=["socialist", "leader"], cut=(0, 13))
@example(words=["italy", "emerged"], cut=(0, 11))
def test_whole_word_heads_absent_from_the_document_are_not_looked_for(words, cut):
    # "soc", "it" and "lead" are heads only ever followed by a non-word
    # character or the match's end: the scan skips them when the document does
    # not have them as words, except where a region ends inside a word and so
    # makes one of its first part.
    text = " ".join(words)
    start, end = _region(text, cut)
    document = _document(text)
    for rule in WORD_RULES:
        assert rule._analysis[0].word_heads >= {"soc", "it", "lead"}
        fast = [m.span() for m in rule.scan(document, start, end)]
        plain = [m.span() for m in rule.compiled[0].finditer(document.prose, start, end)]
        assert fast == plain, (rule.sparse_regions, text, start, end)


_CLASS_RULE = _custom(
    _pattern(r"(?:(?-i:\p{Lu})\w*\s+){0,2}reports?"), _phrase("according to reports"),
    _phrase("reportedly"), _pattern(r"“\w+”\s+said"),
)


def _start_test(prefilter, document, start: int, end: int):
    """Whether a match may begin at an offset of the region, as the scan asked
    it at every word start before `word_starts`: a live head is there in the
    case-folded prose, or a live prefix's opening class matches there."""
    fold = document.folded_prose
    if fold is None:
        return None
    heads = prefilter.live_heads(document) | prefilter.cut_word_heads(document, start, end)
    literal = tuple(head for head in heads if head)
    if "" not in heads:
        return lambda at: fold.startswith(literal, at)
    if prefilter.class_starts is None:
        return None
    opening, prose = prefilter.class_starts.match, document.prose
    return lambda at: fold.startswith(literal, at) or opening(prose, at) is not None


def _word_starts_by_testing_each(rule: PhraseRule, document, start: int, end: int, last: int):
    """`_scan_word_starts` as it was: the start test at every word start."""
    prose = document.prose
    may_begin = _start_test(rule._analysis[0], document, start, end)
    resume, found = start, []
    for at in rulepacks._WORD_STARTS.finditer(prose, start, last):
        at = at.start()
        if at < resume or (may_begin is not None and not may_begin(at)):
            continue
        m = rule.compiled[0].match(prose, at, end)
        if m is not None:
            found.append(m.span())
            resume = m.end()
    return found


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(st.sampled_from(["Reports", "report", "reports", "the", "Smith", "according",
                                    "to", "reportedly", "“No”", "said", "A", "ré", "Élan"]),
                   max_size=12),
    glue=st.sampled_from([" ", "\n", ", "]),
    cut=st.tuples(st.integers(0, 80), st.integers(0, 80), st.integers(0, 80)),
)
@example(words=["Smith", "Reports", "the", "report"], glue=" ", cut=(0, 0, 0))
@example(words=["the", "reports", "according", "to", "reports"], glue=" ", cut=(4, 0, 3))
def test_word_starts_found_at_once_agree_with_testing_each_word(words, glue, cut):
    text = glue.join(words)
    start, end = _region(text, cut)
    last = min(end, start + cut[2])
    document = _document(text)
    rule = _CLASS_RULE
    assert "" in rule._analysis[0].always and rule._analysis[0].class_starts is not None
    fast = [m.span() for m in rule._scan_word_starts(document, start, end, last, rule._analysis[0])]
    assert fast == _word_starts_by_testing_each(rule, document, start, end, last)


def _sparse_rule(finders: bool) -> PhraseRule:
    """Heads of several lengths, some a prefix of another, with and without
    their `re` finders compiled."""
    rule = _custom(_phrase("new york"), _pattern(r"new\s+\w+s"), _pattern(r"ne\w*"),
                   _phrase("a lot"), _pattern(r"york\s+new"), _pattern(r"yorkshire\s+\w+"))
    rule.sparse_regions = True
    if finders:
        prefilter = rule._analysis[0]
        for head in prefilter.finders.sources:
            prefilter.finders[head]  # noqa: B018 - compiles on first access
    return rule


SPARSE_RULES = [_sparse_rule(False), _sparse_rule(True)]


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(st.sampled_from(["new", "york", "news", "yorkshire", "a", "lot", "alot",
                                    "ne", "w", "pudding"]), max_size=14),
    glue=st.sampled_from([" ", "  ", "\n", ", "]),
    cut=st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 40)),
)
@example(words=["new", "york"], glue=" ", cut=(0, 0, 1))
@example(words=["yorkshire", "pudding", "new", "york"], glue=" ", cut=(0, 0, 18))
@example(words=["a", "lot", "new", "yorkshire", "news"], glue=" ", cut=(0, 3, 10))
def test_sparse_regions_looked_at_up_to_before_scan_the_same(words, glue, cut):
    # A sparse region's heads are looked for only up to about `before`: the
    # matches that begin before it are still those finditer finds, over any
    # region, the heads found by str.find or by their finders.
    text = glue.join(words)
    start, end = _region(text, cut)
    before = min(start + cut[2], end)
    document = _document(text)
    for rule in SPARSE_RULES:
        plain = [m.span() for m in rule.compiled[0].finditer(document.prose, start, end)
                 if m.start() < before]
        fast = [m.span() for m in rule.scan(document, start, end, before)]
        assert fast == plain, (text, start, end, before)
