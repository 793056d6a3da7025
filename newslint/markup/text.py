"""Plain-text reader: paragraphs, the headline line, directive lines."""

from __future__ import annotations

from itertools import accumulate

from newslint.document import Block, Comment, Markup
from newslint.patterns import compile_pattern

# A suppression directive on a line of its own (plain text has no comment syntax).
_DIRECTIVE_LINE = compile_pattern(r"(?m)^[ \t]*(newslint-(?:disable|enable)[^\r\n]*?)[ \t]*\r?$")


def _lines(text: str) -> tuple[list[str], list[int], list[bool]]:
    """The lines of the text (split at \\n), the offset each starts at, and
    whether each is blank."""
    lines = text.split("\n")
    starts = list(accumulate([len(line) + 1 for line in lines], initial=0))
    blank = [not line.strip() for line in lines]
    return lines, starts, blank


def _line_end(lines: list[str], starts: list[int], i: int) -> int:
    """Where line i ends, before any \\r of a \\r\\n."""
    line = lines[i]
    return starts[i] + len(line) - (line[-1:] == "\r")


def _hard_wrapped(lines: list[str], blank: list[bool]) -> bool:
    """True when the text is wrapped at a fixed width, so that consecutive lines
    belong to one paragraph. News copy otherwise puts one paragraph per line."""
    lengths = [len(line) - (line[-1:] == "\r")
               for line, is_blank in zip(lines, blank, strict=True) if not is_blank]
    if len(lengths) < 4:
        return False
    if max(lengths) > 100:
        return False
    consecutive = sum(
        1 for b1, b2 in zip(blank, blank[1:], strict=False) if not b1 and not b2
    )
    return consecutive >= len(lengths) // 3


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

    lines, starts, text_blank = _lines(text)
    # blank in the prose (a directive line is blank there, not in the text)
    prose_blank = text_blank if prose is text else [
        not line.strip() for line in prose.split("\n")
    ]
    blocks: list[Block] = []
    # The paragraphs: runs of lines that are not blank in the prose; in text
    # that is not hard-wrapped, every such line is a paragraph of its own.
    wrapped = _hard_wrapped(lines, text_blank)
    first = -1  # first line of the paragraph being built
    for i, is_blank in enumerate(prose_blank):
        if is_blank:
            if first >= 0:
                blocks.append(Block("paragraph", starts[first], _line_end(lines, starts, i - 1)))
                first = -1
        elif first < 0:
            first = i
        elif not wrapped:
            blocks.append(Block("paragraph", starts[first], _line_end(lines, starts, i - 1)))
            first = i
    if first >= 0:
        blocks.append(
            Block("paragraph", starts[first], _line_end(lines, starts, len(lines) - 1))
        )

    # The first line is the headline when a blank line follows it. Directive
    # lines above it (newslint-disable-next-line ...) do not count as lines.
    first_line = 0
    while first_line < len(lines) and not text_blank[first_line] and prose_blank[first_line]:
        first_line += 1
    if first_line + 1 < len(lines) and blocks:
        block = blocks[0]
        if (block.start == starts[first_line]
                and block.end == _line_end(lines, starts, first_line)
                and text_blank[first_line + 1]):
            blocks[0] = Block("headline", block.start, block.end)
    return Markup(prose=prose, blocks=blocks, comments=comments)
