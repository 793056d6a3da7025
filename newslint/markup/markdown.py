"""Markdown reader, built on markdown-it-py for block structure.

markdown-it gives block tokens with line maps but no character offsets, so the
inline content of each paragraph, heading and table cell is located on its
source lines, unmasked, and then inline syntax (code spans, HTML, link targets,
emphasis markers, escapes) is masked again by a scanner over the source.

Most news copy is nothing but paragraphs and `#` headings; for such a file the
block tokens are built directly (`_simple_blocks`, tested against markdown-it)
and markdown-it is not even imported."""

from __future__ import annotations

import re

import regex

from newslint.document import Block, Comment, Link, Markup
from newslint.markup.mask import ProseMask, blank
from newslint.patterns import compile_pattern
from newslint.records import TupleRecord

_FRONT_MATTER = compile_pattern(
    r"\A(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)(?:\r?\n)?^(?P=fence)[ \t]*\r?$|\A---[ \t]*\r?\n(?P<body2>.*?)\r?\n^\.\.\.[ \t]*\r?$",
    regex.DOTALL | regex.MULTILINE,
)
# title: Some headline   /  title = "Some headline"   (YAML or TOML front matter)
_HEADLINE_FIELD = compile_pattern(
    r"""(?m)^(?P<key>title|headline)[ \t]*[:=][ \t]*(?P<q>["']?)(?P<value>[^\r\n]*?)(?P=q)[ \t]*\r?$"""
)

_INLINE = compile_pattern(
    r"""
    (?P<code>(?P<ticks>`+).+?(?<!`)(?P=ticks)(?!`))
  | (?P<comment><!--(?P<comment_body>.*?)-->)
  | (?P<mdx>\{/\*(?P<mdx_body>.*?)\*/\})
  | (?P<shortcode>\{\{.*?\}\}|\{%.*?%\})
  | (?P<autolink><(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>)
  | (?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>)
  | (?P<image>!\[(?:[^\[\]]|\[[^\[\]]*\])*\]\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\))
  | (?P<footnote>\[\^[^\]\s]+\](?::)?)
  | (?P<link_open>\[)(?P<link_text>(?:[^\[\]]|\[[^\[\]]*\])*)(?P<link_close>\]
        (?:\((?P<url><[^>]*>|(?:[^()\s]|\([^()]*\))*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)
          |\[(?P<ref>[^\]]*)\]
          |(?P<shortcut>)(?![(\[:])))
  | (?P<escape>\\)(?=[!-/:-@\[-`{-~])
  | (?P<hardbreak>\\)(?=\r?\n)
  | (?P<emphasis>(?<![\w*_~\\])[*_~]{1,3}(?=[^\s*_~])|(?<=[^\s*_~\\])[*_~]{1,3}(?![\w*_~]))
    """,
    regex.VERBOSE | regex.DOTALL,
)

# Every character a match of _INLINE can start with.
_INLINE_START_CHARS = "`<{![\\*_~"
_INLINE_START = re.compile("[" + re.escape(_INLINE_START_CHARS) + "]")
_QUOTE_MARKERS = compile_pattern(r"(?m)(?<=\n)[ \t]*(?:>[ \t]?)+")
_ENTITY = compile_pattern(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# MDX: ESM statements at the top level are code, not paragraphs.
_ESM = compile_pattern(
    r"""(?:import\s+(?:[\w*{][^\n]*?\s+from\s+)?["'][^"'\n]+["']|export\s+(?:const|let|var|function|default|async|class|\{))"""
)
_BARE_URL = compile_pattern(r"\bhttps?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"’”]")


def _front_matter(text: str, mask: ProseMask, blocks: list[Block]) -> int:
    """Mask the front matter, keep its headline field; return where the body starts."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return 0
    body_group = "body" if m.group("body") is not None else "body2"
    body_start = m.start(body_group)
    fm = text[body_start : m.end(body_group)]
    for field in _HEADLINE_FIELD.finditer(fm):
        value = field.group("value").strip()
        if not value:
            continue
        s = body_start + field.start("value")
        e = body_start + field.end("value")
        mask.show(s, e)
        blocks.append(Block("headline", s, e, field=field.group("key")))
        break
    return m.end()


def _parser():
    from markdown_it import MarkdownIt

    # Only block structure is used (inline syntax is scanned on the source), so
    # markdown-it's inline pass, the slower half of its work, is skipped.
    return MarkdownIt("commonmark", {"html": True}).enable("table").disable("inline")


_PARSER = None

# A line that can only be paragraph text (or an ATX heading, handled apart) in
# CommonMark with tables: it opens with a letter, a quotation mark or another
# character no block syntax starts with, and is not an ordered-list item.
# (a colon opens a table's delimiter row only if the line holds nothing but
# - : | and spaces)
_PLAIN_LINE = compile_pattern(
    r"[^\s#>*+\-_=`~<|:\[\d\\]|\d(?!\d{0,8}[.)](?:[ ]|$))|:(?![-:| ]*$)"
)
# A bullet list item no deeper than one space, so never nested in another
# item (whose content starts two columns or more after its marker), with at
# most four spaces after its marker (five make its content indented code).
_BULLET = compile_pattern(r" ?[-*+] {1,4}(?=\S)")
_ATX_HEADING = compile_pattern(r"(#{1,6}) (.*)")


class _Token(TupleRecord):
    __slots__ = ()
    _fields = ("type", "map", "content")
    type: str
    map: list[int] | None
    content: str

    def __new__(cls, type: str, map: list[int] | None, content: str = "") -> _Token:  # noqa: A002
        return tuple.__new__(cls, (type, map, content))


_new = tuple.__new__  # a tuple record without its Python-level __new__


def _simple_blocks(source: str) -> list[_Token] | None:
    """markdown-it's block tokens for a document of plain paragraphs, ATX
    headings and flat bullet lists, the shape of most news copy, without running
    markdown-it (most of the Markdown reader's time): for a list item, only its
    list_item_open, inline and a close token, the tokens the reader uses (the
    list's own are left out). None for anything else: any other line that
    opens with block syntax, indentation (but the one space a bullet may
    have), a tab, carriage return or NUL, or a
    character on which markdown-it's trimming and Python's `strip` disagree
    (\\x1c-\\x1f, \\x85: white space to str.strip() but not to mdTrim, 4.x)."""
    # (one `in` per character: a fast search each, where a regex scan is not)
    if any(c in source for c in "\t\r\0\x1c\x1d\x1e\x1f\x85"):
        return None
    tokens: list[_Token] = []
    paragraph: list[str] = []
    first = 0
    opener = "paragraph_open"  # or list_item_open: what the paragraph is

    def close_paragraph(end: int) -> None:
        if paragraph:
            lines = [first, end]
            tokens.append(_new(_Token, (opener, lines, "")))
            tokens.append(_new(_Token, ("inline", lines, "\n".join(paragraph).strip())))
            tokens.append(_new(_Token, ("paragraph_close", None, "")))
            paragraph.clear()

    for number, line in enumerate(source.split("\n")):
        if not line.strip(" "):
            close_paragraph(number)
            continue
        if line.startswith("#"):
            heading = _ATX_HEADING.fullmatch(line)
            if heading is None:
                return None
            content = heading.group(2).strip()
            # A closing run of #, or nothing but spaces: markdown-it's own rules.
            if not content or content.endswith("#") or content != heading.group(2).strip(" "):
                return None
            close_paragraph(number)
            lines = [number, number + 1]
            tokens.append(_new(_Token, ("heading_open", lines, "")))
            tokens.append(_new(_Token, ("inline", lines, content)))
            tokens.append(_new(_Token, ("heading_close", None, "")))
            continue
        # (a letter is plain text: no block syntax starts with one)
        if line[0].isalpha() or _PLAIN_LINE.match(line):
            if not paragraph:
                first, opener = number, "paragraph_open"
            paragraph.append(line)  # (after an item's line: its lazy continuation)
            continue
        bullet = _BULLET.match(line)
        if bullet is None:
            return None
        content = line[bullet.end() :]
        if not content[0].isalpha() and not _PLAIN_LINE.match(content):
            return None
        # An item with content interrupts a paragraph, ends the item before it.
        close_paragraph(number)
        first, opener = number, "list_item_open"
        paragraph.append(content)
    close_paragraph(number + 1)
    return tokens


def read_markdown(text: str) -> Markup:
    mask = ProseMask(text)
    blocks: list[Block] = []
    links: list[Link] = []
    comments: list[Comment] = []
    html_regions: list[tuple[int, int, str]] = []  # raw HTML blocks: (start, end, prose)

    body_start = _front_matter(text, mask, blocks)
    has_headline = bool(blocks)
    # Parse the body with the front matter blanked, so line numbers stay absolute.
    source = blank(text[:body_start]) + text[body_start:]
    # markdown-it counts a lone \r as a line break; make it one for us too.
    if "\r" in source:
        source = regex.sub(r"\r(?!\n)", "\n", source)
    env: dict = {}
    tokens = _simple_blocks(source)
    simple = tokens is not None
    if tokens is None:
        global _PARSER
        if _PARSER is None:
            _PARSER = _parser()
        tokens = _PARSER.parse(source, env)
    references = {k.lower(): v.get("href", "") for k, v in env.get("references", {}).items()}

    # Whether any inline syntax may be present (in most news copy it is not).
    # (one `in` per character of _INLINE_START: a fast search each, where a
    # regex scan of the whole text is not)
    inline_syntax = any(c in text for c in _INLINE_START_CHARS)
    line_starts = [0]
    pos = source.find("\n")
    while pos >= 0:
        line_starts.append(pos + 1)
        pos = source.find("\n", pos + 1)
    line_starts.append(len(text) + 1)

    def line_text(n: int) -> tuple[int, str]:
        s = line_starts[n]
        e = line_starts[n + 1] - 1 if n + 1 < len(line_starts) else len(text)
        e = min(e, len(text))
        return s, text[s:e]

    if simple:
        _read_simple_blocks(text, tokens, line_starts, mask, blocks, links, comments,
                            inline_syntax, has_headline)
        tokens = []  # read
    context: list[str] = []  # open container tokens
    row_cursor: tuple[int | None, int] = (None, 0)  # table row line, where its last cell ended
    block_kind = None
    for tok in tokens:
        t = tok.type
        if t.endswith("_open"):
            context.append(t)
            if t in ("paragraph_open", "heading_open", "th_open", "td_open"):
                block_kind = t
            continue
        if t.endswith("_close"):
            if context:
                context.pop()
            continue
        if t == "html_block" and tok.map:
            s, src = line_text(tok.map[0])
            # Start at the HTML itself, after any list marker ("- <div>").
            first = tok.content.split("\n", 1)[0].strip()
            s += max(0, src.find(first)) if first else 0
            e = line_starts[tok.map[1]] - 1 if tok.map[1] < len(line_starts) else len(text)
            e = max(s, min(e, len(text)))
            has_headline = _raw_html(text, s, e, html_regions, blocks, links, comments,
                                     has_headline, quoted="blockquote_open" in context)
            continue
        if t != "inline" or not tok.map:
            continue
        # Locate each content line on its source line and unmask it.
        segments: list[tuple[int, int]] = []
        line_no = tok.map[0]
        cursor_line, cursor = None, 0
        in_cell = block_kind in ("th_open", "td_open")
        if in_cell and row_cursor[0] == line_no:
            cursor_line, cursor = row_cursor  # cells of one row: left to right
        for content_line in tok.content.split("\n"):
            if line_no >= tok.map[1]:
                break
            ls, src = line_text(line_no)
            if cursor_line != line_no:
                cursor_line, cursor = line_no, 0
            probe = content_line.rstrip()
            if block_kind in ("th_open", "td_open") and "|" in probe and probe not in src:
                probe = probe.replace("|", "\\|")  # markdown-it unescapes \| in cells
            stripped = src.rstrip()
            if (
                probe and not in_cell
                and stripped.endswith(probe) and len(stripped) - len(probe) >= cursor
            ):
                pos = len(stripped) - len(probe)
            else:
                pos = src.find(probe, cursor) if probe else -1
            if pos >= 0 and probe:
                segments.append((ls + pos, ls + pos + len(probe)))
                cursor = pos + len(probe)
            if in_cell:
                row_cursor = (line_no, cursor)
                break
            line_no += 1
        if not segments:
            continue
        if context == ["paragraph_open"] and _ESM.match(text, segments[0][0]):
            continue  # MDX import/export statements are code
        for s, e in segments:
            mask.show(s, e)
        region_start, region_end = segments[0][0], segments[-1][1]
        _mask_inline(text, mask, region_start, region_end, links, comments, references,
                     syntax=inline_syntax)

        if block_kind == "heading_open":
            kind = "heading"
            if not has_headline and _heading_level(text, segments[0][0]) == 1:
                kind, has_headline = "headline", True
        elif block_kind in ("th_open", "td_open"):
            kind = "table_cell"
        elif "list_item_open" in context:
            kind = "list_item"
        else:
            kind = "paragraph"
        blocks.append(
            Block(kind, region_start, region_end, in_blockquote="blockquote_open" in context)
        )
        block_kind = None
    prose = mask.build()
    if html_regions:
        pieces, cursor = [], 0
        for s, e, html_prose in html_regions:
            pieces += [prose[cursor:s], html_prose]
            cursor = e
        pieces.append(prose[cursor:])
        prose = "".join(pieces)
    entities = "&" in prose
    if entities:
        prose = _ENTITY.sub(_decoded_entity, prose)
    # Blocks left with no prose (a line that was all shortcode or MDX comment).
    # (every block shows some text that is not white space: only hiding, HTML or
    # an entity decoded to white space can leave it blank)
    if mask.hidden or html_regions or entities:
        blocks = [b for b in blocks if prose[b.start : b.end].strip()]
    return Markup(prose=prose, blocks=blocks, links=links, comments=comments)


def _read_simple_blocks(text, tokens, line_starts, mask, blocks, links, comments,
                        inline_syntax, has_headline) -> None:
    """What read_markdown's token loop does with `_simple_blocks`' tokens
    (paragraphs, headings and flat list items, each an open, an inline and a
    close token), without the bookkeeping the general case needs."""
    # (_mask_inline hides inline syntax and bare URLs: without either, skip it)
    masked = inline_syntax or "http" in text
    size = len(text)
    show = mask.shown.extend  # (ProseMask.show, for each segment)
    append = blocks.append
    for k in range(1, len(tokens), 3):
        tok = tokens[k]
        opener = tokens[k - 1].type
        heading = opener == "heading_open"
        line_no, last = tok.map
        segments: list[tuple[int, int]] = []
        if last - line_no == 1:
            # One line (most paragraphs of news copy): the content, stripped,
            # is what ends the line before its trailing white space.
            ls = line_starts[line_no]
            end = ls + len(text[ls : min(line_starts[last] - 1, size)].rstrip())
            segments.append((end - len(tok.content), end))
            line_no = last  # (read)
        for content_line in tok.content.split("\n") if line_no < last else ():
            if line_no >= last:
                break
            # line_text(line_no), inline
            ls = line_starts[line_no]
            line_no += 1
            src = text[ls : min(line_starts[line_no] - 1, size)]
            probe = content_line.rstrip()
            if not probe:
                continue
            stripped = src.rstrip()
            pos = len(stripped) - len(probe) if stripped.endswith(probe) else src.find(probe)
            if pos >= 0:
                segments.append((ls + pos, ls + pos + len(probe)))
        if not segments:
            continue
        region_start, region_end = segments[0][0], segments[-1][1]
        if opener == "paragraph_open" and text.startswith(("import", "export"), region_start) \
                and _ESM.match(text, region_start):
            continue  # MDX import/export statements are code
        show(segments)
        if masked:
            _mask_inline(text, mask, region_start, region_end, links, comments, {},
                         syntax=inline_syntax)
        kind = "paragraph" if opener == "paragraph_open" else "list_item"
        if heading:
            kind = "heading"
            if not has_headline and _heading_level(text, region_start) == 1:
                kind, has_headline = "headline", True
        append(_new(Block, (kind, region_start, region_end, False, None)))


def _decoded_entity(m) -> str:
    """An entity reference as the character it stands for, at the reference's
    first offset, the rest blanked (so offsets stay those of the file)."""
    from newslint.markup.html import decode_reference

    raw = m.group(0)
    found = decode_reference(raw)
    if found is None or found[1] != len(raw):  # CommonMark: whole names only
        return raw
    return found[0].ljust(len(raw))[: len(raw)]


def _raw_html(
    text: str,
    s: int,
    e: int,
    regions: list[tuple[int, int, str]],
    blocks: list[Block],
    links: list[Link],
    comments: list[Comment],
    has_headline: bool,
    quoted: bool = False,
) -> bool:
    """Read a raw HTML block with the HTML reader: its text is prose (tags,
    attributes, scripts masked, references decoded), its blocks and links are
    the document's. An <h1> is the headline only if there is none yet."""
    from newslint.markup.html import read_html

    source = text[s:e]
    if quoted:  # blank the "> " markers of the lines after the first
        source = _QUOTE_MARKERS.sub(lambda m: blank(m.group(0)), source)
    markup = read_html(source)
    prose = markup.prose
    for b in markup.blocks:
        kind = b.kind
        if kind == "headline":
            if b.field is not None:  # <title> or og:title inside Markdown: not prose
                prose = prose[: b.start] + blank(prose[b.start : b.end]) + prose[b.end :]
                continue
            kind = "heading" if has_headline else "headline"
            has_headline = True
        blocks.append(
            Block(kind, s + b.start, s + b.end, in_blockquote=quoted or b.in_blockquote)
        )
    links += [Link(s + link.start, s + link.end, link.target) for link in markup.links]
    comments += [Comment(s + c.start, s + c.end, c.body) for c in markup.comments]
    regions.append((s, e, prose))
    return has_headline


def _heading_level(text: str, content_start: int) -> int:
    line_start = text.rfind("\n", 0, content_start) + 1
    prefix = text[line_start:content_start].strip()
    if prefix.startswith("#"):
        return len(prefix) - len(prefix.lstrip("#"))
    # Setext: underline of = is level 1.
    nl = text.find("\n", content_start)
    underline = text[nl + 1 : text.find("\n", nl + 1) if text.find("\n", nl + 1) != -1 else None]
    return 1 if nl != -1 and underline.strip().startswith("=") else 2


def _mask_inline(
    text: str,
    mask: ProseMask,
    start: int,
    end: int,
    links: list[Link],
    comments: list[Comment],
    references: dict[str, str],
    syntax: bool = True,
) -> None:
    # Most paragraphs of news copy hold no inline syntax: a match of _INLINE
    # starts with one of _INLINE_START's characters, and a bare URL with
    # "http"; searching for those is many times faster than _INLINE's scan.
    # `syntax` False: the caller found none of those characters in the text.
    if syntax and _INLINE_START.search(text, start, end) is not None:
        for m in _INLINE.finditer(text, start, end):
            kind = m.lastgroup
            if m.group("link_open") is not None:
                target = m.group("url")
                if target is None:
                    ref = (m.group("ref") or m.group("link_text")).strip().lower()
                    target = references.get(" ".join(ref.split()))
                    if target is None:
                        continue  # [brackets] that are not a link stay prose
                target = target.strip("<>")
                mask.hide(m.start("link_open"), m.end("link_open"))
                mask.hide(m.start("link_close"), m.end("link_close"))
                links.append(Link(m.start("link_text"), m.end("link_text"), target))
                # Mask inline syntax inside the link text too.
                _mask_inline(
                    text, mask, m.start("link_text"), m.end("link_text"), links, comments, references
                )
                continue
            if kind == "comment" or m.group("comment"):
                comments.append(Comment(m.start(), m.end(), m.group("comment_body")))
            elif m.group("mdx") is not None:
                # MDX has no HTML comments: {/* newslint-disable ... */} is the directive.
                comments.append(Comment(m.start(), m.end(), m.group("mdx_body")))
            if m.group("autolink"):
                links.append(Link(m.start(), m.end(), m.group("autolink")[1:-1]))
            mask.hide(m.start(), m.end())
    if text.find("http", start, end) >= 0:
        for m in _BARE_URL.finditer(text, start, end):
            mask.hide(m.start(), m.end())
