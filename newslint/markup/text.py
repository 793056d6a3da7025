"""Plain-text reader: paragraphs, the headline line, directive lines."""

from __future__ import annotations

from newslint.document import Block, Comment, Markup
from newslint.patterns import compile_pattern

# A suppression directive on a line of its own (plain text has no comment syntax).
_DIRECTIVE_LINE = compile_pattern(r"(?m)^[ \t]*(newslint-(?:disable|enable)[^\r\n]*?)[ \t]*\r?$")


def _lines(text: str) -> tuple[list[int], list[int], list[bool]]:
    """Where each line of the text (split at \\n) starts, where it ends (before
    the \\r of a \\r\\n), and whether it is blank. str.find jumps from line
    break to line break (memchr), where str.split reads every character."""
    starts: list[int] = []
    ends: list[int] = []
    blank: list[bool] = []
    find = text.find
    size = len(text)
    pos = 0
    while True:
        nl = find("\n", pos)
        if nl < 0:
            nl = size
        starts.append(pos)
        ends.append(nl - 1 if nl > pos and text[nl - 1] == "\r" else nl)
        # (a line that starts with anything but a space is not blank: no need
        # to read it all)
        blank.append(pos == nl or (text[pos].isspace() and text[pos:nl].isspace()))
        if nl == size:
            return starts, ends, blank
        pos = nl + 1


def _hard_wrapped(starts: list[int], ends: list[int], blank: list[bool]) -> bool:
    """True when the text is wrapped at a fixed width, so that consecutive lines
    belong to one paragraph. News copy otherwise puts one paragraph per line."""
    lines = blank.count(False)  # the lines that are not blank
    if lines < 4:
        return False
    # (news copy is rarely wrapped: its first paragraph's line shows it)
    for s, e, is_blank in zip(starts, ends, blank, strict=True):
        if e - s > 100 and not is_blank:
            return False
    consecutive = sum(
        1 for b1, b2 in zip(blank, blank[1:], strict=False) if not b1 and not b2
    )
    return consecutive >= lines // 3


_new = tuple.__new__  # a named tuple without its Python-level __new__


def read_text(text: str) -> Markup:
    comments = []
    prose = text
    # (a directive needs "newslint-": looking for that is a fast search, where
    # the directive pattern is a regex scan of the whole text)
    if "newslint-" in text:
        for m in _DIRECTIVE_LINE.finditer(text):
            comments.append(Comment(m.start(), m.end(), m.group(1)))
    if comments:
        prose_chars = list(text)
        for c in comments:
            for i in range(c.start, c.end):
                if prose_chars[i] not in "\r\n":
                    prose_chars[i] = " "
        prose = "".join(prose_chars)

    starts, ends, text_blank = _lines(text)
    # blank in the prose (a directive line is blank there, not in the text)
    prose_blank = text_blank if prose is text else [
        not prose[start:end].strip() for start, end in zip(starts, ends, strict=True)
    ]
    blocks: list[Block] = []
    append = blocks.append
    # The paragraphs: runs of lines that are not blank in the prose; in text
    # that is not hard-wrapped, every such line is a paragraph of its own.
    wrapped = _hard_wrapped(starts, ends, text_blank)
    first = -1  # first line of the paragraph being built
    for i, is_blank in enumerate(prose_blank):
        if is_blank:
            if first >= 0:
                append(_new(Block, ("paragraph", starts[first], ends[i - 1], False, None)))
                first = -1
        elif first < 0:
            first = i
        elif not wrapped:
            append(_new(Block, ("paragraph", starts[first], ends[i - 1], False, None)))
            first = i
    if first >= 0:
        append(_new(Block, ("paragraph", starts[first], ends[-1], False, None)))

    # The first line is the headline when a blank line follows it. Directive
    # lines above it (newslint-disable-next-line ...) do not count as lines.
    first_line = 0
    while first_line < len(starts) and not text_blank[first_line] and prose_blank[first_line]:
        first_line += 1
    if first_line + 1 < len(starts) and blocks:
        block = blocks[0]
        if (block.start == starts[first_line]
                and block.end == ends[first_line]
                and text_blank[first_line + 1]):
            blocks[0] = Block("headline", block.start, block.end)
    return Markup(prose=prose, blocks=blocks, comments=comments)
