"""The Document: one file's text, its prose mask and its structure, built once and
handed to every rule.

`prose` has the same length as `text`; everything that is not prose (markup,
code, front-matter syntax, link targets) is blanked to spaces with newlines
kept, so an offset found in `prose` is an offset in `text`. Structure (blocks,
sentences, words, quotations) is computed lazily and cached."""

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from operator import attrgetter, itemgetter
from typing import Any

from newslint.patterns import compile_pattern

# (imported here, not in the properties that use them: an import statement
# run for every document costs more than the property's own work on a short one)
from newslint.quotations import Quotation, Quotations, parse_quotations
from newslint.records import Record, TupleRecord
from newslint.sentences import split_blocks

#: Block kinds a reader may produce.
BLOCK_KINDS = frozenset(
    {"headline", "paragraph", "heading", "list_item", "table_cell", "field", "caption"}
)

WORD_PATTERN = compile_pattern(r"\w+(?:['’]\w+)*")
_WORD_RUN = compile_pattern(r"\w+")
# For the UTF-8 bytes of a text: ASCII characters that are not word characters
# become spaces; word characters and the bytes of non-ASCII characters stay.
_ASCII_NON_WORD_TO_SPACE = bytes(
    c if c >= 0x80 or chr(c).isalnum() or c == 0x5F else 0x20 for c in range(256)
)

_ASCII_BYTES = bytes(range(128))


def word_runs(text: str) -> frozenset[str]:
    """The distinct runs of word characters (\\w+) in `text`: the same set as
    `set(regex.findall(r"\\w+", text))`, at a fraction of the cost. bytes.translate
    and str.split run in C at a few nanoseconds a character, a regex scan at
    tens; only the few split pieces holding non-ASCII characters (which may be
    punctuation: ’ — “) need the regex."""
    data = text.encode("utf-8", "surrogatepass").translate(_ASCII_NON_WORD_TO_SPACE)
    # str.split also splits at non-ASCII spaces, none of which is a word character
    pieces = data.decode("utf-8", "surrogatepass").split()
    if text.isascii():
        return frozenset(pieces)
    runs = set(pieces)
    for piece in [piece for piece in runs if not piece.isascii()]:
        runs.discard(piece)
        runs.update(_WORD_RUN.findall(piece))
    return frozenset(runs)


# Block and Sentence are built and freed by the thousand for every run: as
# tuples they cost a fraction of a dataclass instance (no __dict__), and read
# the same (attributes, equality, hash, repr, immutability).


class Block(TupleRecord):
    """A unit of prose: a paragraph, a heading, the headline, a list item...

    `in_blockquote` is true for blocks inside a Markdown or HTML blockquote;
    `field` names the front-matter field a `field`/`headline` block came from."""

    __slots__ = ()
    _fields = ("kind", "start", "end", "in_blockquote", "field")
    kind: str
    start: int
    end: int
    in_blockquote: bool
    field: str | None

    def __new__(cls, kind: str, start: int, end: int, in_blockquote: bool = False,
                field: str | None = None) -> "Block":
        return tuple.__new__(cls, (kind, start, end, in_blockquote, field))


class Sentence(TupleRecord):
    __slots__ = ()
    _fields = ("start", "end", "block")
    start: int
    end: int
    block: int  # index into Document.blocks

    def __new__(cls, start: int, end: int, block: int) -> "Sentence":
        return tuple.__new__(cls, (start, end, block))


class Link(TupleRecord):
    """A hyperlink: the span of its visible text and where it points."""

    __slots__ = ()
    _fields = ("start", "end", "target")
    start: int
    end: int
    target: str

    def __new__(cls, start: int, end: int, target: str) -> "Link":
        return tuple.__new__(cls, (start, end, target))


class Comment(TupleRecord):
    """A comment in the markup (HTML comment, or a plain-text directive line):
    `start`/`end` cover the whole comment, `body` is its inner text."""

    __slots__ = ()
    _fields = ("start", "end", "body")
    start: int
    end: int
    body: str

    def __new__(cls, start: int, end: int, body: str) -> "Comment":
        return tuple.__new__(cls, (start, end, body))


class Markup(Record):
    """What a markup reader returns: the prose mask and the structure it found."""

    _fields = ("prose", "blocks", "links", "comments")

    def __init__(self, prose: str, blocks: list[Block], links: list[Link] | None = None,
                 comments: list[Comment] | None = None) -> None:
        self.prose = prose
        self.blocks = blocks
        self.links = [] if links is None else links
        self.comments = [] if comments is None else comments


class cached_property:  # noqa: N801 - named for what it stands in for
    """functools.cached_property without its lock: on Python 3.11 and before,
    the first read of each property takes a lock shared by every instance, and
    a Document reads a dozen for each file. A property computed twice by two
    threads gives the same value, so the lock buys nothing here."""

    def __init__(self, func: Any) -> None:
        self.func = func
        self.attrname = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.attrname = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        # (read again, the value is found in the instance's __dict__ before
        # this descriptor is consulted: this runs once a property)
        value = instance.__dict__[self.attrname] = self.func(instance)
        return value


_new = tuple.__new__  # a named tuple without its Python-level __new__
_block_order = itemgetter(1, 2)  # (start, end)
_link_start = attrgetter("start")
_SENTENCE_BLOCK = itemgetter(2)  # Sentence.block


class Document:
    """One file, as every rule sees it."""

    def __init__(
        self,
        text: str,
        markup: Markup | None = None,
        *,
        path: str | None = None,
        markup_name: str = "text",
        rule_options: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        if markup is None:
            from newslint.markup.text import read_text

            markup = read_text(text)
        if len(markup.prose) != len(text):
            raise ValueError("the prose mask must have the same length as the text")
        self.text = text
        self.prose = markup.prose
        self.path = path
        self.markup_name = markup_name
        self.blocks: Sequence[Block] = sorted(markup.blocks, key=_block_order)
        self.links: Sequence[Link] = sorted(markup.links, key=_link_start)
        self.comments: Sequence[Comment] = markup.comments
        self.rule_options: Mapping[str, Mapping[str, Any]] = rule_options or {}

    # -- positions -------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of an offset, both 1-based, columns in code points."""
        line = bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets (end excludes the line break) of a 1-based line."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    # -- structure -------------------------------------------------------
    @cached_property
    def headline(self) -> Block | None:
        for block in self.blocks:
            if block.kind == "headline":
                return block
        return None

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_index_at(self, offset: int) -> int | None:
        i = bisect_right(self._block_starts, offset) - 1
        if i >= 0 and offset < self.blocks[i].end:
            return i
        return None

    def block_at(self, offset: int) -> Block | None:
        i = self.block_index_at(offset)
        return None if i is None else self.blocks[i]

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_blocks(self.prose, self.blocks, cls=Sentence)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_index_at(self, offset: int) -> int | None:
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    def sentence_at(self, offset: int) -> Sentence | None:
        i = self.sentence_index_at(offset)
        return None if i is None else self.sentences[i]

    def sentences_in(self, block_index: int) -> list[Sentence]:
        # (the sentences come block by block, in order)
        every = self.sentences
        first = bisect_left(every, block_index, key=_SENTENCE_BLOCK)
        return every[first : bisect_right(every, block_index, first, key=_SENTENCE_BLOCK)]

    @cached_property
    def words(self) -> list[tuple[int, int]]:
        return [m.span() for m in WORD_PATTERN.finditer(self.prose)]

    @cached_property
    def folded_prose(self) -> str | None:
        """The prose case-folded, if that keeps every offset (None otherwise)."""
        prose = self.prose
        if not prose.isascii():
            # casefold looks every character up in the Unicode tables (the
            # ASCII-only fast path aside). When the only non-ASCII characters
            # are ones it leaves alone (£ € ’ “ ” — é), lower-casing the ASCII
            # bytes of the UTF-8 gives the same string many times faster.
            data = prose.encode("utf-8", "surrogatepass")
            others = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
            if all(c.casefold() == c for c in set(others)):
                return data.lower().decode("utf-8", "surrogatepass")
        folded = prose.casefold()
        return folded if len(folded) == len(prose) else None

    @cached_property
    def folded_words(self) -> frozenset[str]:
        """Every run of word characters (\\w+) in the case-folded prose: a cheap
        test of whether a word occurs at all, shared by every rule."""
        folded = self.folded_prose
        return word_runs(folded if folded is not None else self.prose.casefold())

    @cached_property
    def quotations(self) -> Quotations:
        return parse_quotations(self)

    def quotation_at(self, offset: int) -> Quotation | None:
        """The innermost quotation whose marks enclose `offset`, if any."""
        return self.quotations.at(offset)

    def in_quotation(self, start: int, end: int | None = None) -> bool:
        """True when the span lies inside a quotation (a speaker's words)."""
        return self.quotations.at(start) is not None and (
            end is None or self.quotations.at(max(start, end - 1)) is not None
        )

    @cached_property
    def _link_starts(self) -> list[int]:
        return [link.start for link in self.links]

    def link_at(self, offset: int) -> Link | None:
        i = bisect_right(self._link_starts, offset) - 1
        if i >= 0 and offset < self.links[i].end:
            return self.links[i]
        return None

    def links_in(self, start: int, end: int) -> list[Link]:
        return [link for link in self.links if link.start < end and link.end > start]

    def is_prose(self, start: int, end: int) -> bool:
        """True when text[start:end] is entirely unmasked prose."""
        return self.prose[start:end] == self.text[start:end]

    def options(self, rule_code: str) -> Mapping[str, Any]:
        """The options the configuration gives a rule (by code)."""
        return self.rule_options.get(rule_code, {})

    def __repr__(self) -> str:
        return f"<Document {self.path or '<text>'} {len(self.text)} chars>"
