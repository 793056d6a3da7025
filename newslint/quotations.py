"""The quotation model: quotation marks parsed into quotation spans.

`parse_quotations(document)` returns `Quotations`: the quotation spans
(`Quotation`), the marks left unmatched with the reason (`UnmatchedMark`), and
every mark read as a quotation mark with its role (`Mark`).

How marks are read
------------------
A str.find pass per kind of mark over `document.prose` finds every candidate
mark; the parser then looks only at those (and the characters either side of
each), paragraph by paragraph (one `Document` block at a time), so the work is
linear in the number of marks and never per character of the text.

- Double marks ``" “ ” „ ‟ « »`` and single marks ``' ‘ ’ ‚ ‛ ‹ ›``; a pair of
  straight apostrophes ``''`` standing for a double mark (old typewriter copy)
  counts as a straight double mark.
- Doubles nest inside singles and singles inside doubles (both British and
  American style); a double never nests directly inside a double, so an opening
  double mark while a double is open means the earlier one was never closed.
- Apostrophes are not quotation marks: a mark between two letters or digits
  (``can't``, ``5'10``), elisions (``'90s``, ``'em``, ``rock 'n' roll``), and a
  mark after a letter (``Sheinbaum’s``, ``the Joneses’``) unless a single
  quotation is open, in which case it closes it. ``’`` never opens a quotation.
- Primes: a double mark after a digit (``12"``, ``5'10"``) is an inch mark
  unless a double quotation is open for it to close.
- Straight marks are opening or closing by context: after the start of the
  paragraph, a space, an opening bracket, a dash or an opening mark and before
  a letter, they open; after a letter, digit or punctuation and before a space,
  punctuation or the end, they close. A straight double mark in neither
  position (``a " b``, ``said:"We``) is *ambiguous*: it closes the open
  quotation if there is one, else opens one, and no finding is ever reported on
  an ambiguous reading.
- The multi-paragraph convention: a paragraph that ends with a quotation open,
  followed by a paragraph that starts with an opening mark of the same kind,
  continues the quotation; that is correct and not reported. Paragraphs of one
  quotation run together in one paragraph ("… end. “Next …") are read the same
  way while the paragraph's double marks balance (see `_Parser._check_run_on`).
- In plain text, lines separated by a single line break (a sentence or a line
  per line) carry an open quotation on to the next line.

Unmatched marks carry a reason: ``"unclosed"`` (an opening mark never closed:
`partner` is the opening mark that came next, if that is what showed it,
else None), ``"unopened"`` (a closing mark with no opening mark) or
``"mismatched"`` (a closing mark whose kind differs from its opening mark's:
`partner` is the opening mark). `certain` is False for readings that rest on
an ambiguous mark or a straight single mark that might be an apostrophe;
rules report only certain ones."""

import re
from bisect import bisect_left, bisect_right
from operator import itemgetter
from typing import TYPE_CHECKING

from newslint.records import TupleRecord

if TYPE_CHECKING:
    from newslint.document import Document

#: A quotation is speech (a direct quotation, as opposed to a term or scare
#: quote) when it holds at least this many words, or sentence punctuation.
SPEECH_MIN_WORDS = 5
# A quotation this long (in characters) is speech without looking (and the
# parse never copies long spans, so it stays linear).
_SPEECH_SURELY = 300
_SPEECH_SPACES = SPEECH_MIN_WORDS - 1

DOUBLE_MARKS = frozenset('"“”„‟«»') | {"''"}
SINGLE_MARKS = frozenset("'‘’‚‛‹›")
#: The typographic ("curly") double marks, for style checks.
CURLY_DOUBLE = frozenset("“”")

# Elisions whose apostrophe stands first: ’90s, ’em, rock ’n’ roll, ’tis.
_ELISION = re.compile(
    r"n['’](?!\w)"
    r"|(?:em|n|tis|twas|til|cause|cos|bout|round|fraid|gainst|neath|nuff|scuse|sup|kay|ello|allo)"
    r"(?![\w'’])"
    r"|\d\ds?(?![\w'’])",
    re.IGNORECASE,
)
# Every character that may be a quotation mark.
_MARK_CHARS = "\"'“”‘’„‚«»‹›‟‛"
_APOSTROPHE_LIKE = frozenset("'’‘")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# At least SPEECH_MIN_WORDS matches of _WORD, found without listing them all.
# Each word is taken whole, as _WORD takes it, through a lookahead and a
# backreference (an atomic group before Python 3.11): backtracking into it
# would count "it's" as two words.
_ENOUGH_WORDS = re.compile(
    r"(?=(\w+(?:['’]\w+)*))\1(?:\W+(?=(\w+(?:['’]\w+)*))\2)"
    + "{" + str(SPEECH_MIN_WORDS - 1) + "}"
)
# The first SPEECH_MIN_WORDS pieces of str.split(" ") each start with a
# character str.isalnum accepts ([^\W_]: \w without the underscore).
_FIVE_PIECES = re.compile(r"(?:[^\W_][^ ]* ){" + str(SPEECH_MIN_WORDS - 1) + r"}[^\W_]")
_INNER_SENTENCE_END = re.compile(r"[.…][\"'”’»)]*\s+[\"'“‘«(]*(\w)")
_CLOSING_STRIP = " \t\"'”’»›)]"
_OPENING_STRIP = " \t\"'“‘„«‹(["

# What may stand before an opening mark (besides a space or the paragraph start).
_OPEN_BEFORE = frozenset("([{<=-–—/“‘„‚«‹‛‟\u200b\u200e\u200f\u202a\u202b\u202c\u2060\ufeff")
# What may stand after a closing mark (besides a space or the paragraph end).
_CLOSE_AFTER = frozenset(".,;:!?…)]}>-–—/”’»›")
_SENTENCE_PUNCT = frozenset(".,;:!?…")

_ALL_MARKS = frozenset("\"'“”‘’„‚«»‹›‟‛")
# The same with the commonest spaces, for the fast path (isspace() catches the rest).
_OPEN_BEFORE_WS = _OPEN_BEFORE | frozenset(" \n\t\r\xa0")
_CLOSE_AFTER_WS = _CLOSE_AFTER | frozenset(" \n\t\r\xa0")
_CLOSE_AFTER_MARK = _CLOSE_AFTER_WS | _ALL_MARKS

# Mark roles in context.
_OPEN, _CLOSE, _AMBIG = 1, 2, 3


class Quotation(TupleRecord):
    """A quotation in one paragraph. A quotation that runs over several
    paragraphs is one `Quotation` per paragraph, linked by the two flags."""

    __slots__ = ()
    _fields = ("start", "end", "open_mark", "close_mark", "level",
               "continues_from_previous_paragraph", "continues_to_next_paragraph", "speech")
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or where the quotation stops if unclosed)
    open_mark: str
    close_mark: str | None
    level: int  # nesting depth: 0 outermost
    continues_from_previous_paragraph: bool
    continues_to_next_paragraph: bool
    speech: bool  # a direct quotation (see `is_speech`), not a term or scare quote

    def __new__(cls, start: int, end: int, open_mark: str, close_mark: str | None,
                level: int = 0, continues_from_previous_paragraph: bool = False,
                continues_to_next_paragraph: bool = False, speech: bool = True) -> "Quotation":
        return tuple.__new__(cls, (start, end, open_mark, close_mark, level,
                                   continues_from_previous_paragraph,
                                   continues_to_next_paragraph, speech))

    @property
    def content_start(self) -> int:
        return self.start + len(self.open_mark)

    @property
    def content_end(self) -> int:
        return self.end - len(self.close_mark) if self.close_mark else self.end

    @property
    def double(self) -> bool:
        return self.open_mark in DOUBLE_MARKS


class UnmatchedMark(TupleRecord):
    """A mark the parser could not pair."""

    __slots__ = ()
    _fields = ("offset", "mark", "reason", "partner", "certain", "detail")
    offset: int
    mark: str
    reason: str  # "unclosed", "unopened" or "mismatched"
    partner: int | None
    certain: bool
    #: for "unclosed": "next-opening" (another opening mark came first: `partner`),
    #: "outer-closed" (the quotation around it closed first), "paragraph-end"
    #: (the paragraph ended and the next one does not continue it), "block-end"
    #: (a heading, list item, table cell or the last paragraph ended).
    detail: str

    def __new__(cls, offset: int, mark: str, reason: str, partner: int | None = None,
                certain: bool = True, detail: str = "") -> "UnmatchedMark":
        return tuple.__new__(cls, (offset, mark, reason, partner, certain, detail))


class Mark(TupleRecord):
    """A character read as a quotation mark (apostrophes and primes are not)."""

    __slots__ = ()
    _fields = ("offset", "mark", "role", "ambiguous")
    offset: int
    mark: str
    role: str  # "open" or "close"
    ambiguous: bool  # role decided by pairing, not by the mark's context

    def __new__(cls, offset: int, mark: str, role: str, ambiguous: bool = False) -> "Mark":
        return tuple.__new__(cls, (offset, mark, role, ambiguous))

    @property
    def double(self) -> bool:
        return self.mark in DOUBLE_MARKS


class Quotations:
    """The quotations of a document, its unmatched marks and all its marks.

    `quotations` is sorted by start (outer before inner), `unmatched` by offset,
    `marks` by offset. `straight_double` and `curly_double` count the straight
    (\") and typographic (“ ”) double marks read as quotation marks."""

    def __init__(self, quotations=(), unmatched=(), marks=()) -> None:
        # no two quotations share an opening mark: sorting by start is enough
        self.quotations: list[Quotation] = sorted(quotations, key=_start)
        self.unmatched: list[UnmatchedMark] = sorted(unmatched, key=_start)
        self._raw_marks = marks
        self._marks: list[Mark] | None = None
        self._starts: list[int] | None = None
        self._parents: list[int] = []

    @property
    def marks(self) -> list[Mark]:
        if self._marks is None:
            make = Mark._make
            self._marks = sorted((make(m) for m in self._raw_marks), key=_start)
        return self._marks

    @property
    def straight_double(self) -> int:
        """How many straight double marks (\") are read as quotation marks."""
        return sum(1 for m in self._raw_marks if m[1] == '"')

    @property
    def curly_double(self) -> int:
        """How many typographic double marks (“ ”) are read as quotation marks."""
        return sum(1 for m in self._raw_marks if m[1] == "“" or m[1] == "”")

    def _index(self) -> None:
        # parent[i]: the innermost earlier quotation that encloses quotation i
        quotations = self.quotations
        parents: list[int] = []
        stack: list[int] = []
        for i, q in enumerate(quotations):
            while stack and quotations[stack[-1]].end <= q.start:
                stack.pop()
            parents.append(stack[-1] if stack else -1)
            stack.append(i)
        self._parents = parents
        self._starts = [q.start for q in quotations]

    def at(self, offset: int) -> Quotation | None:
        """The innermost quotation enclosing `offset` (its marks included)."""
        if self._starts is None:
            self._index()
        i = bisect_right(self._starts, offset) - 1
        quotations, parents = self.quotations, self._parents
        while i >= 0:
            q = quotations[i]
            if offset < q.end:
                return q
            i = parents[i]
        return None

    def __iter__(self):
        return iter(self.quotations)

    def __len__(self) -> int:
        return len(self.quotations)

    def __repr__(self) -> str:
        return (f"<Quotations {len(self.quotations)} quotations, "
                f"{len(self.unmatched)} unmatched marks>")


def is_speech(text: str) -> bool:
    """True when quoted text reads as speech rather than a term or scare quote:
    at least `SPEECH_MIN_WORDS` words, or sentence-ending punctuation inside (a
    question or exclamation mark, a sentence boundary, or a closing full stop
    after a quotation that starts with a capital). A full stop closing a short
    quotation that starts in lower case is the sentence's own, placed inside
    the marks in US style ("designated as “foreign terrorist organizations.”")."""
    # Commonly the first five pieces between spaces each start with a letter
    # or a digit (a \w character, so five words at least): _ENOUGH_WORDS costs
    # several times more than looking.
    if _FIVE_PIECES.match(text):
        return True
    if text.count(" ") + 1 >= SPEECH_MIN_WORDS and _ENOUGH_WORDS.search(text):
        return True
    if "?" in text or "!" in text:
        return True
    if "." not in text and "…" not in text:
        return False
    for m in _INNER_SENTENCE_END.finditer(text):
        if m.group(1).isupper():
            return True
    body = text.rstrip(_CLOSING_STRIP)
    if body.endswith((".", "…")):
        first = text.lstrip(_OPENING_STRIP)[:1]
        return first.isupper() or first.isdigit()
    return False


def _reverse_guillemet(c: str) -> str:
    return {"«": "»", "»": "«", "‹": "›", "›": "‹"}[c]


def _pair_ok(o: str, c: str) -> bool:
    """Whether opening mark o and closing mark c are of the same kind."""
    if o == '"' or o == "''":
        return c == '"' or c == "''"
    if o in "“„‟”":
        return c in "”“" if o in "„" else c == "”"
    if o == "'":
        return c == "'"
    if o in "‘‚‛":
        return c in "’‘" if o == "‚" else c == "’"
    if o in "«»‹›":
        return c == _reverse_guillemet(o)
    return False


_NO_CARRY: frozenset[int] = frozenset()
_new = tuple.__new__  # builds a record without its Python-level __new__
_start = itemgetter(0)


class _Parser:
    """Pairs the marks of one paragraph at a time. A stack entry is
    [offset, mark, is_double, certain, continued_from_previous_paragraph,
    offset of the first double opened inside this double (or None),
    carried over a line break]."""

    __slots__ = ("prose", "quotations", "unmatched", "marks", "carry", "soft", "blocks",
                 "per_block", "plain")

    def __init__(self, prose: str, blocks, per_block, plain: bool) -> None:
        self.prose = prose
        self.blocks = blocks
        self.per_block = per_block
        self.plain = plain
        self.quotations: list[Quotation] = []
        self.unmatched: list[UnmatchedMark] = []
        self.marks: list[tuple] = []  # raw (offset, mark, role, ambiguous)
        # offsets of the next paragraph's leading marks that continue a quotation
        self.carry: frozenset[int] | set[int] = _NO_CARRY
        # quotations left open at a line break inside a paragraph (plain text)
        self.soft: list[list] | None = None

    def quotation(self, entry, end: int, close: str | None, level: int, *,
                  continues: bool = False) -> None:
        start, mark = entry[0], entry[1]
        content_start = start + len(mark)
        content_end = end - len(close) if close else end
        if continues or entry[4] or content_end - content_start > _SPEECH_SURELY:
            speech = True
        else:
            speech = is_speech(self.prose[content_start:content_end])
        self.quotations.append(
            _new(Quotation, (start, end, mark, close, level, entry[4], continues, speech))
        )

    def unclosed(self, entry, end: int, level: int, *, partner=None, detail="",
                 certain=True, span=False) -> None:
        """Record an opening mark never closed; a certain one (or one asked for
        with `span`) still makes a quotation up to `end`."""
        certain = certain and entry[3]
        self.unmatched.append(
            UnmatchedMark(entry[0], entry[1], "unclosed", partner, certain, detail)
        )
        if certain or span:
            self.quotation(entry, end, None, level)

    def following(self, bi: int) -> tuple[list[tuple[int, str]] | None, bool]:
        """For block bi: the opening marks the next block starts with (for the
        multi-paragraph convention), or None when it cannot continue a quotation
        of this one; and whether it follows after a single line break in plain
        text (the same paragraph, broken)."""
        blocks = self.blocks
        b = blocks[bi]
        if bi + 1 >= len(blocks) or b.kind not in _CONTINUABLE:
            return None, False
        nb = blocks[bi + 1]
        if nb.kind != b.kind or nb.in_blockquote != b.in_blockquote:
            return None, False
        prose = self.prose
        lead = _leading_marks(prose, self.per_block[bi + 1], nb.start, nb.end)
        soft = (self.plain and b.kind == "paragraph"
                and prose.count("\n", b.end, nb.start) == 1
                and not prose[b.end : nb.start].strip())
        return lead, soft

    def block(self, bi: int) -> None:
        """Parse the marks of block bi (one paragraph)."""
        b = self.blocks[bi]
        start, end, marks = b.start, b.end, self.per_block[bi]
        prose = self.prose
        stack: list[list] = self.soft or []
        self.soft = None
        carried = self.carry
        marks_before = len(self.marks)
        unmatched_before = len(self.unmatched)
        record = self.marks.append
        next_double: list[int] | None = None
        restarts: list[int] = []  # indices in self.unmatched of run-on readings
        quotations_append = self.quotations.append
        open_before, close_after, close_after_mark = _OPEN_BEFORE_WS, _CLOSE_AFTER_WS, _CLOSE_AFTER_MARK
        for index, (i, c) in enumerate(marks):
            if c == '"':
                # fast path for the commonest cases: a straight mark opening
                # where nothing double is open, or closing a straight one
                p = prose[i - 1] if i > start else " "
                n = prose[i + 1] if i + 1 < end else " "
                if p in open_before or p.isspace():
                    if not (n in close_after or n.isspace()) and (not stack or not stack[-1][2]) \
                            and i not in carried:
                        record((i, c, "open", False))
                        stack.append([i, c, True, True, False, None, False])
                        continue
                elif (n in close_after_mark or n.isspace()) and stack and stack[-1][1] == '"' \
                        and not p.isdigit():
                    record((i, c, "close", False))
                    entry = stack.pop()
                    s0 = entry[0]
                    if entry[4] or i - s0 > _SPEECH_SURELY:
                        speech = True
                    else:
                        text = prose[s0 + 1 : i]
                        # short and without sentence punctuation: a term (is_speech inlined)
                        speech = (text.count(" ") >= _SPEECH_SPACES or "." in text or "?" in text
                                  or "!" in text or "…" in text) and is_speech(text)
                    quotations_append(_new(Quotation, (
                        s0, i + 1, '"', '"', len(stack), entry[4], False, speech)))
                    continue
            w = len(c)
            p = prose[i - 1] if i > start else None
            n = prose[i + w] if i + w < end else None
            before_open = p is None or p.isspace() or p in _OPEN_BEFORE
            if not before_open and p in "\"'" and stack and stack[-1][0] == i - 1:
                before_open = True  # right after an opening straight mark: "'Hi
            n_end = n is None or n.isspace() or n in _CLOSE_AFTER
            after_close = n_end or n in _ALL_MARKS
            p_alnum = p is not None and p.isalnum()
            double = c in DOUBLE_MARKS
            # -- the role of the mark in context --------------------------
            if c == '"' or c == "''":
                if before_open and not n_end:
                    role = _OPEN
                elif not before_open and after_close:
                    role = _CLOSE
                else:
                    role = _AMBIG
                if p is not None and p.isdigit():
                    # 12" or 5'10": an inch mark unless a straight double is open for it to close
                    prime = _measurement(prose, i, start)
                    if prime:
                        top = _top_double(stack)
                        if prime == 2 or top is None or stack[top][1] not in ('"', "''"):
                            continue
            elif c == "'" or c == "’":
                n_alnum = n is not None and n.isalnum()
                if p_alnum and n_alnum:
                    continue  # can't, 5'10
                if before_open and n_alnum:
                    if c == "’":
                        continue  # an elision (or a misturned mark): not a quotation
                    role = _OPEN
                elif p_alnum and after_close:
                    # possessive or closing mark: closes an open single, else apostrophe
                    if not stack or stack[-1][2]:
                        continue
                    role = _CLOSE
                elif p is not None and not before_open and after_close:
                    role = _CLOSE
                else:
                    continue
            elif c == "‘" or c == "‛":
                if p_alnum:
                    continue  # a misturned apostrophe
                role = _OPEN
            elif c == "‚":
                if not (before_open and n is not None and n.isalnum()):
                    continue  # a comma look-alike
                role = _OPEN
            elif c == "“":
                top = _top_double(stack)
                if top is not None and stack[top][1] == "„":
                    role = _CLOSE
                elif top is not None and not before_open and after_close:
                    role = _CLOSE  # a misturned closing mark
                else:
                    role = _OPEN
            elif c == "”":
                if p is not None and p.isdigit():
                    prime = _measurement(prose, i, start)  # 6’2”
                    if prime:
                        top = _top_double(stack)
                        if prime == 2 or top is None or stack[top][1] not in "“„”":
                            continue
                if before_open and not n_end and _top_double(stack) is None:
                    role = _OPEN  # Swedish style ”…”, or misturned
                else:
                    role = _CLOSE
            elif c == "„" or c == "‟":
                role = _OPEN
            else:  # guillemets
                top = _top_double(stack) if double else _top_single(stack)
                if top is not None and stack[top][1] == _reverse_guillemet(c):
                    role = _CLOSE
                elif c in "«‹" or (before_open and not n_end):
                    role = _OPEN
                else:
                    role = _CLOSE
            ambiguous = role == _AMBIG
            if ambiguous:
                role = _CLOSE if _top_double(stack) is not None else _OPEN
            # -- pairing ---------------------------------------------------
            if role == _OPEN:
                record((i, c, "open", ambiguous))
                if i in carried:
                    stack.append([i, c, double, True, True, None, False])
                    continue
                if double and stack and stack[-1][2] and _after_sentence_end(prose, i, start):
                    # a new sentence opening a new quotation while one is open:
                    # paragraphs of a multi-paragraph quotation run together (or
                    # a closing mark was lost): not certain enough to report
                    old = stack.pop()
                    self.unclosed(old, i, len(stack), partner=i, detail="next-opening",
                                  certain=False, span=old[3])
                    if old[3] and not ambiguous:
                        restarts.append(len(self.unmatched) - 1)
                    stack.append([i, c, double, not ambiguous, False, None, False])
                    continue
                if double:
                    k = _top_double(stack)
                    if k is not None and stack[k][5] is None:
                        stack[k][5] = i  # a double inside a double: remember where
                elif not double and stack and not stack[-1][2]:
                    # a single inside a single: probably an apostrophe; say nothing
                    old = stack.pop()
                    self.unmatched.append(
                        UnmatchedMark(old[0], old[1], "unclosed", i, False, "next-opening"))
                stack.append([i, c, double, not ambiguous, False, None, False])
                continue
            # role == _CLOSE
            if double:
                k = _top_double(stack)
                if k is None and stack:
                    k = len(stack) - 1  # ‘…”: a single closed by a double
                if k is None:
                    record((i, c, "close", ambiguous))
                    self.unmatched.append(UnmatchedMark(i, c, "unopened", None, not ambiguous))
                    continue
            else:
                k = _top_single(stack)
                if k is None:
                    if stack and c == "’" and p in _SENTENCE_PUNCT:
                        if next_double is None:
                            next_double = _next_doubles(marks)
                        if not _closing_position(prose, marks, next_double[index], start):
                            k = len(stack) - 1  # “…,’: a double closed by a single
                    if k is None:
                        record((i, c, "close", ambiguous))
                        self.unmatched.append(UnmatchedMark(
                            i, c, "unopened", None, p in _SENTENCE_PUNCT and not stack))
                        continue
            record((i, c, "close", ambiguous))
            while len(stack) > k + 1:
                inner = stack.pop()
                # an inner quotation never closed: certain only for a curly mark
                self.unclosed(inner, i, len(stack), detail="outer-closed",
                              certain=inner[2] or _confident_single(prose, inner))
            entry = stack.pop()
            self.quotation(entry, i + w, c, len(stack))
            if not _pair_ok(entry[1], c):
                self.unmatched.append(
                    UnmatchedMark(i, c, "mismatched", entry[0], entry[3] and not ambiguous))
        # -- the end of the paragraph ----------------------------------------
        if not stack and not restarts:
            self.carry = _NO_CARRY
            return
        next_lead, soft_next = self.following(bi)
        keep = 0
        if next_lead:
            while (keep < len(stack) and keep < len(next_lead)
                   and stack[keep][2] == (next_lead[keep][1] in DOUBLE_MARKS)):
                keep += 1
        if soft_next and not keep and stack:
            # the paragraph goes on after a single line break (plain text with a
            # sentence or a line per line): carry the open quotations over
            for e in stack:
                e[6] = True
            self.soft = stack
            self.carry = _NO_CARRY
            return
        for depth in range(len(stack) - 1, -1, -1):
            entry = stack[depth]
            if depth < keep:
                self.quotation(entry, end, None, depth, continues=True)
            else:
                if entry[5] is not None:
                    self.unclosed(entry, end, depth, partner=entry[5], detail="next-opening",
                                  certain=entry[2] or _confident_single(prose, entry))
                else:
                    self.unclosed(entry, end, depth,
                                  detail="block-end" if next_lead is None else "paragraph-end",
                                  certain=entry[2] or _confident_single(prose, entry))
        self.carry = {next_lead[k][0] for k in range(keep)} if keep else _NO_CARRY
        if restarts and not keep:
            self._check_run_on(marks_before, unmatched_before, restarts, bool(next_lead))

    def _check_run_on(self, marks_before: int, unmatched_before: int,
                      restarts: list[int], next_opens: bool) -> None:
        """A run-on reading (a new quotation opening after a sentence end while
        one is open: paragraphs of one quotation run together) is kept when the
        paragraph's double marks balance. When they do not, and no mark of the
        paragraph was found at fault, the run-on reading hides a missing
        closing mark, and the earlier quotation is reported as unclosed.

        Balance: an even number of straight marks (their roles come from
        context only, so an odd count means a mark is missing); typographic
        marks show their roles, and a surplus of opening marks before a
        paragraph that opens again is the convention's own signature."""
        straight = opens = closes = 0
        for m in self.marks[marks_before:]:
            c = m[1]
            if c == '"' or c == "''":
                straight += 1
            elif c == "“":
                opens += 1
            elif c == "”":
                closes += 1
        if straight % 2 == 0 and (opens <= closes or next_opens):
            return
        if any(u.certain for u in self.unmatched[unmatched_before:]):
            return
        for k in restarts:
            u = self.unmatched[k]
            self.unmatched[k] = u._replace(certain=True)


def _confident_single(prose: str, entry) -> bool:
    """Whether an unclosed single opening mark is surely a quotation mark: a
    ‘ or ' may be an elision (’90s, ’bots, often misturned as ‘90s), so it
    counts only where speech is introduced (after ", " or ": ") before a capital."""
    i, c = entry[0], entry[1]
    if c not in "'‘‛":
        return True
    return (i >= 2 and prose[i - 1] == " " and prose[i - 2] in ",:"
            and i + 1 < len(prose) and prose[i + 1].isupper())


def _measurement(prose: str, i: int, start: int) -> int:
    """For a double mark at i after a digit: 2 when it ends a feet-and-inches
    figure (5'10"), 1 when it ends a number standing alone (12"), 0 when the
    digits belong to a word (Cox-2", MP3")."""
    j = i - 1
    while j >= start and (prose[j].isdigit() or prose[j] in ".,½¼¾") and i - j < 16:
        j -= 1
    if j < start:
        return 1
    b = prose[j]
    if b in "'’′" and j > start and prose[j - 1].isdigit():
        return 2
    return 1 if b.isspace() or b in "([-–x×/~" and not (j > start and prose[j - 1].isalpha()) else 0


def _after_sentence_end(prose: str, i: int, start: int) -> bool:
    """Whether the mark at i starts a sentence: sentence-ending punctuation,
    perhaps closing marks or brackets, then a space, right before it."""
    j = i - 1
    if j < start or not prose[j].isspace():
        return False
    while j > start and prose[j - 1].isspace() and i - j < 4:
        j -= 1
    j -= 1
    while j >= start and prose[j] in "\"'”’)]" and i - j < 8:
        j -= 1
    return j >= start and prose[j] in ".!?…"


def _top_double(stack) -> int | None:
    """Index of the innermost open double quotation."""
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][2]:
            return k
    return None


def _top_single(stack) -> int | None:
    """Index of the innermost quotation when it is a single one."""
    return len(stack) - 1 if stack and not stack[-1][2] else None


def _next_doubles(marks: list[tuple[int, str]]) -> list[int]:
    """For each mark, the index of the next double mark after it (or -1)."""
    out = [-1] * len(marks)
    nxt = -1
    for j in range(len(marks) - 1, -1, -1):
        out[j] = nxt
        if marks[j][1] in DOUBLE_MARKS:
            nxt = j
    return out


def _closing_position(prose: str, marks, j: int, start: int) -> bool:
    """Whether mark j (a double mark, or -1 for none) could close a quotation."""
    if j < 0:
        return False
    i, c = marks[j]
    if c in "“„«":
        return False
    p = prose[i - 1] if i > start else " "
    return not (p.isspace() or p in _OPEN_BEFORE)


_LEADING = frozenset("\"“„«»'‘‚‹›") | {"''"}


def _leading_marks(prose: str, marks: list[tuple[int, str]], start: int, end: int):
    """The opening marks a paragraph starts with (usually none or one)."""
    pos = start
    while pos < end and prose[pos].isspace():
        pos += 1
    lead = []
    for i, c in marks:
        if i != pos or c not in _LEADING:
            break
        lead.append((i, c))
        pos = i + len(c)
    if lead and (pos >= end or prose[pos].isspace() or prose[pos] in _CLOSE_AFTER):
        return []  # not followed by words: not an opening mark
    return lead


# Blocks that may carry a quotation on to the next block of the same kind.
_CONTINUABLE = frozenset({"paragraph"})


def _find_marks(prose: str) -> list[tuple[int, str]]:
    """Every character that may be a quotation mark, as (offset, mark), in
    order; an apostrophe between two letters or digits (can't, 5'10: most
    apostrophes) is never one and is left out. One str.find pass per kind of
    mark: find skips the text between marks many times faster than a regex
    scan for all of them at once."""
    found = []
    last = len(prose) - 1
    find = prose.find
    # (in ASCII text only the straight marks can occur)
    for c in _MARK_CHARS if not prose.isascii() else "\"'":
        i = find(c)
        if c in _APOSTROPHE_LIKE:
            while i >= 0:
                if not (0 < i < last and prose[i - 1].isalnum() and prose[i + 1].isalnum()):
                    found.append((i, c))
                i = find(c, i + 1)
        else:
            while i >= 0:
                found.append((i, c))
                i = find(c, i + 1)
    found.sort()
    return found


def _scan(prose: str) -> list[tuple[int, str]]:
    """The candidate marks of the text (`_find_marks`):
    (offset, mark) with two apostrophes joined into one double mark, and
    apostrophes inside words (can't, 5'10) and elisions (’90s) left out."""
    found = _find_marks(prose)
    apostrophes = [k for k, f in enumerate(found) if f[1] in _APOSTROPHE_LIKE]
    if not apostrophes:
        return found
    size = len(prose)
    drop: set[int] = set()
    skip_to = -1
    for k in apostrophes:
        i, c = found[k]
        if i < skip_to:
            drop.add(k)
            continue
        nxt = prose[i + 1] if i + 1 < size else " "
        if c == "'" and nxt == "'" and (i + 2 >= size or prose[i + 2] != "'"):
            found[k] = (i, "''")  # two apostrophes: one double mark
            skip_to = i + 2
            continue
        if i and prose[i - 1].isalnum():
            continue  # after a letter (one between letters is not found: can't, 5'10)
        if nxt.isalnum():
            e = _ELISION.match(prose, i + 1)
            if e:
                drop.add(k)  # ’90s, ’em, rock ’n’ roll
                skip_to = e.end()
    if drop:
        found = [f for k, f in enumerate(found) if k not in drop]
    return found


def parse_quotations(document: "Document") -> Quotations:
    prose = document.prose
    blocks = document.blocks
    found = _scan(prose)
    # the marks of each block
    offsets = [f[0] for f in found]
    per_block = [found[bisect_left(offsets, b.start) : bisect_left(offsets, b.end)]
                 for b in blocks]
    parser = _Parser(prose, blocks, per_block,
                     getattr(document, "markup_name", "text") == "text")
    quotations, records = parser.quotations, parser.marks
    add_quotation, record = quotations.append, records.append
    open_before, close_after, close_after_mark = _OPEN_BEFORE_WS, _CLOSE_AFTER_WS, _CLOSE_AFTER_MARK
    for bi, marks in enumerate(per_block):
        if not marks:
            if parser.soft:
                parser.block(bi)
            elif parser.carry:
                parser.carry = _NO_CARRY
            continue
        if parser.soft or parser.carry or len(marks) % 2:
            parser.block(bi)
            continue
        # The commonest paragraph: straight double marks in pairs, each opening
        # and closing mark unmistakable by context. Read it here; at the first
        # mark that is anything else, undo and let the full parser read it.
        b = blocks[bi]
        start, end = b.start, b.end
        q0, r0 = len(quotations), len(records)
        pairs = iter(marks)
        for (i, c), (j, d) in zip(pairs, pairs, strict=False):
            if c != '"' or d != '"' or j == i + 1:
                break
            p = prose[i - 1] if i > start else " "
            n = prose[i + 1]
            if not (p in open_before or p.isspace()) or n in close_after or n.isspace():
                break
            p = prose[j - 1]
            n = prose[j + 1] if j + 1 < end else " "
            if p in open_before or p.isspace() or p.isdigit() \
                    or not (n in close_after_mark or n.isspace()):
                break
            record((i, c, "open", False))
            record((j, d, "close", False))
            if j - i > _SPEECH_SURELY:
                speech = True
            else:
                text = prose[i + 1 : j]
                speech = (text.count(" ") >= _SPEECH_SPACES or "." in text or "?" in text
                          or "!" in text or "…" in text) and is_speech(text)
            add_quotation(_new(Quotation, (i, j + 1, '"', '"', 0, False, False, speech)))
        else:
            continue
        del quotations[q0:]
        del records[r0:]
        parser.block(bi)
    return Quotations(parser.quotations, parser.unmatched, parser.marks)
