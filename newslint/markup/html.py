"""HTML reader, built on the standard library's `html.parser`.

Prose is the body's text. Tags, attributes, comments, the head (but for the
title) and the contents of script, style, code, pre and similar elements are
masked. Character references are read as the characters they stand for while
offsets stay those of the file: the decoded character is put at the
reference's first offset in `prose` and the rest of the reference is blanked,
so ``&rdquo;`` is a closing quotation mark to the quotation parser and a
finding on it points at the reference in the file. (A word written with a
reference inside it, ``Don&rsquo;t``, is therefore split in two for
word-level rules.)

The headline is one block: the first ``<h1>`` (the headline readers see on the
page; the first inside ``<article>`` or ``<main>`` when a site's logo is an h1
too), else ``<meta property="og:title" content="...">`` (the headline as
shared; it has no site-name suffix), else ``<title>`` (with a trailing
`` | Site name`` dropped). The candidates not chosen are masked, so the same
words are not reported twice.

Blocks: p, li, h2-h6 (and the other h1s), td/th, figcaption/caption,
dt/dd, and runs of text directly inside div, section, article, blockquote...;
a blank line inside a text run also ends a block. ``in_blockquote`` is set
inside ``<blockquote>``. ``<q>`` renders quotation marks the source does not
contain: its tags carry them in `prose` (“ on the ``>`` of ``<q>``, ” on the
``<`` of ``</q>``; ‘ ’ when nested), so the quotation parser sees the
quotation. ``<a href>`` is a `Link` over its text. HTML comments are recorded
as `Comment`s (suppression directives)."""

from __future__ import annotations

import html
from bisect import bisect_right
from html.parser import HTMLParser

import regex

from newslint.document import Block, Comment, Link, Markup
from newslint.markup.mask import ProseMask
from newslint.patterns import compile_pattern

#: Elements whose content is not prose.
SKIP = frozenset({
    "script", "style", "code", "pre", "kbd", "samp", "var", "noscript", "template",
    "svg", "math", "iframe", "object", "canvas", "nav", "button", "select", "option",
    "textarea", "datalist", "head", "del",
})
VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen",
})
#: Elements whose start or end ends the current block.
BLOCK_LEVEL = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "title", "head", "menu", "legend", "center",
})
KIND_OF = {
    "p": "paragraph", "li": "list_item", "td": "table_cell", "th": "table_cell",
    "figcaption": "caption", "caption": "caption", "dt": "paragraph", "dd": "paragraph",
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "summary": "paragraph", "legend": "caption",
}
# Start tags that close an open element of these kinds (HTML's implied end tags).
_CLOSES = {
    "li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd"), "tr": ("tr", "td", "th"),
    "td": ("td", "th"), "th": ("td", "th"), "option": ("option",),
}
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HEAD_CONTENT = frozenset({
    "title", "meta", "link", "script", "style", "base", "noscript", "template",
})
_SCOPE_STOP = frozenset({"ul", "ol", "table", "dl", "menu", "blockquote", "div", "body"})

_CONTENT_ATTR = compile_pattern(
    r"""\scontent\s*=\s*(?:"(?P<d>[^"]*)"|'(?P<s>[^']*)'|(?P<u>[^\s"'=<>`]+))""", regex.I
)
_REFERENCE = compile_pattern(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_NUMERIC = compile_pattern(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+);?")
_BLANK_LINE = compile_pattern(r"\n[ \t\r\f\v]*\n")
_TITLE_SUFFIX = compile_pattern(r"\s+\|\s+[^|]*\Z")


class _Reader(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0] + [m.end() for m in regex.finditer(r"\n", text)]
        self.mask = ProseMask(text)
        # (offset, decoded, length): written over the prose, the rest blanked
        self.subs: list[tuple[int, str, int]] = []
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.comments: list[Comment] = []
        self.stack: list[str] = []
        self.skip = 0  # open elements whose content is masked
        self.in_title = False
        self.title: list[tuple[int, int]] = []
        self.og_title: tuple[int, int] | None = None
        self.h1s: list[tuple[int, int, bool]] = []  # h1 blocks: start, end, in article/main
        self.block: list[int] | None = None  # [start, end] of text in the current block
        self.block_parts: list[tuple[int, int]] = []
        self.anchors: list[list] = []  # [href, start, end] of open <a> elements
        self.q_depth = 0

    # -- positions ----------------------------------------------------------
    def here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    # -- blocks -------------------------------------------------------------
    def kind(self) -> str:
        for tag in reversed(self.stack):
            if tag in KIND_OF:
                return KIND_OF[tag]
        return "paragraph"

    def innermost_heading(self) -> str | None:
        for tag in reversed(self.stack):
            if tag in _HEADINGS:
                return tag
        return None

    def flush(self) -> None:
        if self.block is not None:
            s, e = self.block
            kind = self.kind_at_open
            if kind == "h1":
                self.h1s.append((s, e, self.article_at_open))
            else:
                self.blocks.append(
                    Block(kind, s, e, in_blockquote=self.quote_at_open)
                )
            for ps, pe in self.block_parts:
                self.mask.show(ps, pe)
        self.block = None
        self.block_parts = []

    def add_prose(self, start: int, end: int) -> None:
        """Text[start:end] (no surrounding whitespace) is prose of the current block."""
        if self.block is None:
            self.block = [start, end]
            kind = self.kind()
            if kind == "heading" and self.innermost_heading() == "h1":
                kind = "h1"
            self.kind_at_open = kind
            self.article_at_open = "article" in self.stack or "main" in self.stack
            self.quote_at_open = "blockquote" in self.stack
        else:
            self.block[1] = end
        self.block_parts.append((start, end))
        for anchor in self.anchors:
            if anchor[1] is None:
                anchor[1] = start
            anchor[2] = end

    # -- tags ---------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        start = self.here()
        raw = self.get_starttag_text() or ""
        if "head" in self.stack and tag not in _HEAD_CONTENT:
            self.close_to(self.stack.index("head"))  # the body has begun
        if tag in BLOCK_LEVEL:
            self.flush()
        if tag == "meta":
            self.meta(start, raw, attrs)
        if tag in _CLOSES:
            self.implied_close(_CLOSES[tag])
        if tag in BLOCK_LEVEL and "p" in self.stack and tag not in ("li", "td", "th", "dt", "dd"):
            self.implied_close(("p",))
        if tag == "p" and "p" in self.stack:
            self.implied_close(("p",))
        if tag == "q" and not self.skip:
            self.q_depth += 1
            mark = "“" if self.q_depth % 2 else "‘"
            end = start + len(raw)
            self.subs.append((end - 1, mark, 1))
            self.add_prose(end - 1, end)
        if tag == "a":
            href = dict(attrs).get("href")
            if href is not None:
                self.anchors.append([href, None, None])
            else:
                self.anchors.append([None, None, None])
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag in SKIP:
            self.skip += 1
        if tag == "title" and self.skip <= 1:
            self.in_title = True

    def handle_startendtag(self, tag, attrs):
        start = self.here()
        raw = self.get_starttag_text() or ""
        if tag == "meta":
            self.meta(start, raw, attrs)
        if tag in BLOCK_LEVEL:
            self.flush()

    def implied_close(self, tags: tuple[str, ...]) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            t = self.stack[i]
            if t in tags:
                self.close_to(i)
                return
            if t in _SCOPE_STOP:
                return

    def close_to(self, index: int) -> None:
        while len(self.stack) > index:
            self.pop()

    def pop(self) -> None:
        tag = self.stack.pop()
        if tag in SKIP:
            self.skip -= 1
        if tag == "title":
            self.in_title = False
        if tag == "a" and self.anchors:
            self.close_anchor()

    def close_anchor(self) -> None:
        href, s, e = self.anchors.pop()
        if href is not None and s is not None:
            self.links.append(Link(s, e, href))

    def handle_endtag(self, tag):
        start = self.here()
        if tag in BLOCK_LEVEL:
            self.flush()
        if tag == "q" and self.q_depth and not self.skip:
            mark = "”" if self.q_depth % 2 else "’"
            self.q_depth -= 1
            self.subs.append((start, mark, 1))
            self.add_prose(start, start + 1)
        if tag in self.stack:
            self.close_to(len(self.stack) - 1 - self.stack[::-1].index(tag))
        if tag in BLOCK_LEVEL:
            self.flush()

    def meta(self, start: int, raw: str, attrs) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if (a.get("property") or a.get("name") or "").lower() != "og:title":
            return
        if self.og_title is not None:
            return
        m = _CONTENT_ATTR.search(raw)
        if not m:
            return
        group = m.lastgroup
        s, e = start + m.start(group), start + m.end(group)
        self.og_title = self.trimmed(s, e)
        if self.og_title:
            self.decode_references(*self.og_title)

    def trimmed(self, s: int, e: int) -> tuple[int, int] | None:
        chunk = self.text[s:e]
        last = len(chunk.rstrip())
        if not last:
            return None
        return s + len(chunk) - len(chunk.lstrip()), s + last

    def decode_references(self, s: int, e: int) -> None:
        for m in _REFERENCE.finditer(self.text, s, e):
            self.substitute(m.start(), m.group(0))

    def substitute(self, start: int, raw: str) -> bool:
        found = decode_reference(raw)
        if found is None:
            return False
        decoded, length = found
        self.subs.append((start, decoded[:length], length))
        return True

    # -- text ---------------------------------------------------------------
    def handle_data(self, data):
        if not data:
            return
        start = self.here()
        if self.in_title and self.skip <= 1:
            span = self.trimmed(start, start + len(data))
            if span:
                self.title.append(span)
            return
        if self.skip:
            return
        # A blank line in a run of text ends a block (text without tags).
        pos = 0
        for m in _BLANK_LINE.finditer(data):
            self.text_piece(start + pos, start + m.start())
            self.flush()
            pos = m.end()
        self.text_piece(start + pos, start + len(data))

    def text_piece(self, s: int, e: int) -> None:
        span = self.trimmed(s, e)
        if span:
            self.add_prose(*span)

    def reference(self, raw_len_hint: str) -> None:
        start = self.here()
        m = _REFERENCE.match(self.text, start)
        raw = m.group(0) if m else raw_len_hint
        if self.in_title and self.skip <= 1:
            self.title.append((start, start + len(raw)))
            self.substitute(start, raw)
            return
        if self.skip:
            return
        found = decode_reference(raw)
        if found is not None:
            self.subs.append((start, found[0][: found[1]], found[1]))
        if found is not None and found[0] == " " and found[1] == len(raw):
            # A space (&nbsp;): prose inside a block, but it does not start one.
            if self.block is not None:
                self.block_parts.append((start, start + len(raw)))
        else:
            self.add_prose(start, start + len(raw))  # or "AT&T": not a reference

    def handle_entityref(self, name):
        self.reference("&" + name)

    def handle_charref(self, name):
        self.reference("&#" + name)

    def handle_comment(self, data):
        start = self.here()
        text = self.text
        if not text.startswith("<!--", start):  # a bogus comment: <!x>, </ x>, <?x>
            close = text.find(">", start)
            end = len(text) if close == -1 else close + 1
            self.comments.append(Comment(start, end, data))
            return
        end = start + 4 + len(data)
        for closer in ("-->", "--!>", ">"):
            if text.startswith(closer, end):
                end += len(closer)
                break
        self.comments.append(Comment(start, min(end, len(text)), data))

    # -- the result -----------------------------------------------------------
    def result(self) -> Markup:
        self.flush()
        headline = None
        field = None
        if self.h1s:
            # The first h1 of the article (a site's logo may be an h1 too).
            first = next((h for h in self.h1s if h[2]), self.h1s[0])
            headline, field = first[:2], None
            for h in self.h1s:
                if h is not first:
                    self.blocks.append(Block("heading", h[0], h[1]))
        elif self.og_title is not None:
            headline, field = self.og_title, "og:title"
        elif self.title:
            s, e = self.title[0][0], self.title[-1][1]
            m = _TITLE_SUFFIX.search(self.text, s, e)
            if m and m.start() > s:
                e = m.start()
            headline, field = (s, e), "title"
        if headline is not None:
            s, e = headline
            self.mask.show(s, e)
            self.blocks.append(Block("headline", s, e, field=field))
        prose = self.mask.build()
        if self.subs:
            prose = _overwrite(prose, self.subs, self.visible_spans())
        blocks = [b for b in self.blocks if prose[b.start : b.end].strip()]
        return Markup(prose=prose, blocks=blocks, links=self.links, comments=self.comments)

    def visible_spans(self) -> list[tuple[int, int]]:
        return self.mask.visible_spans()


def decode_reference(raw: str) -> tuple[str, int] | None:
    """What a character reference at the start of `raw` stands for, and how
    many characters of `raw` it takes: ``&reg0`` is ``®`` (4) then a literal
    0, as a browser reads it. Whitespace reads as a plain space. None: not a
    reference ("AT&T")."""
    if raw.startswith("&#"):
        m = _NUMERIC.match(raw)
        if not m:
            return None
        decoded, length = html.unescape(m.group(0)), m.end()
    else:
        from html.entities import html5

        name = raw[1:]
        if name.endswith(";") and name in html5:
            decoded, length = html5[name], len(raw)
        else:
            name = name.rstrip(";")
            for k in range(len(name), 1, -1):  # legacy names without ";" (&amp, &copy)
                if name[:k] in html5:
                    decoded, length = html5[name[:k]], k + 1
                    break
            else:
                return None
    if decoded.isspace():  # &nbsp; &#10; ...: a plain space, never a line break
        decoded = " "
    return decoded, length


def _overwrite(
    prose: str, subs: list[tuple[int, str, int]], visible: list[tuple[int, int]]
) -> str:
    """Write each decoded reference over its first offset and blank the rest of
    it, where the prose is visible."""
    starts = [s for s, _ in visible]
    pieces = []
    cursor = 0
    for offset, decoded, length in sorted(set(subs)):
        i = bisect_right(starts, offset) - 1
        if i < 0 or offset >= visible[i][1] or offset < cursor:
            continue
        end = min(offset + length, visible[i][1])
        pieces.append(prose[cursor:offset])
        pieces.append(decoded.ljust(end - offset)[: end - offset])
        cursor = end
    pieces.append(prose[cursor:])
    return "".join(pieces)


def read_html(text: str) -> Markup:
    reader = _Reader(text)
    try:
        reader.feed(text)
        reader.close()
    except AssertionError:  # html.parser gives up on some broken markup
        pass
    return reader.result()
