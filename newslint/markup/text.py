"""Plain-text reader: paragraphs, the headline line, directive lines."""

from __future__ import annotations

from newslint.document import Block, Comment, Markup
from newslint.patterns import compile_pattern

# A suppression directive on a line of its own (plain text has no comment syntax).
_DIRECTIVE_LINE = compile_pattern(r"(?m)^[ \t]*(newslint-(?:disable|enable)[^\r\n]*?)[ \t]*\r?$")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end before any \\r\\n."""
    spans = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        line_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        spans.append((pos, line_end))
        if nl == -1:
            break
        pos = nl + 1
    return spans


def _hard_wrapped(lines: list[tuple[int, int]], text: str) -> bool:
    """True when the text is wrapped at a fixed width, so that consecutive lines
    belong to one paragraph. News copy otherwise puts one paragraph per line."""
    lengths = [e - s for s, e in lines if text[s:e].strip()]
    if len(lengths) < 4:
        return False
    if max(lengths) > 100:
        return False
    consecutive = sum(
        1
        for (s1, e1), (s2, e2) in zip(lines, lines[1:], strict=False)
        if text[s1:e1].strip() and text[s2:e2].strip()
    )
    return consecutive >= len(lengths) // 3


def read_text(text: str) -> Markup:
    prose_chars = None
    comments = []
    for m in _DIRECTIVE_LINE.finditer(text):
        comments.append(Comment(m.start(), m.end(), m.group(1)))
    if comments:
        prose_chars = list(text)
        for c in comments:
            for i in range(c.start, c.end):
                if prose_chars[i] not in "\r\n":
                    prose_chars[i] = " "
    prose = "".join(prose_chars) if prose_chars is not None else text

    lines = _lines(text)
    blocks: list[Block] = []
    wrapped = _hard_wrapped(lines, text)
    current: list[int] | None = None  # [start, end] of a paragraph being built
    for start, end in lines:
        if not prose[start:end].strip():
            if current:
                blocks.append(Block("paragraph", current[0], current[1]))
                current = None
            continue
        if current and wrapped:
            current[1] = end
        else:
            if current:
                blocks.append(Block("paragraph", current[0], current[1]))
            current = [start, end]
    if current:
        blocks.append(Block("paragraph", current[0], current[1]))

    # The first line is the headline when a blank line follows it. Directive
    # lines above it (newslint-disable-next-line ...) do not count as lines.
    first_line = 0
    while first_line < len(lines) and text[slice(*lines[first_line])].strip() and not prose[
        slice(*lines[first_line])
    ].strip():
        first_line += 1
    if first_line + 1 < len(lines) and blocks:
        first = blocks[0]
        (s0, e0), (s1, e1) = lines[first_line], lines[first_line + 1]
        if first.start == s0 and first.end == e0 and not text[s1:e1].strip():
            blocks[0] = Block("headline", first.start, first.end)
    return Markup(prose=prose, blocks=blocks, comments=comments)
