"""The plain-text reader against the straightforward version it was optimised
from (a line-by-line reading with a regex scan for directives)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import Block, Comment, Markup
from newslint.markup.text import _DIRECTIVE_LINE, read_text

_PIECES = st.sampled_from(
    ["Word", "a longer line of news copy", "x" * 120, " ", "\t", "\n", "\n\n", "\r\n",
     "\r", "\x0c", "\u2028", "\x1c", "\xa0", "newslint-disable NL101", "newslint-enable",
     "  newslint-disable-next-line\n", "“Quote,” he said."]
)
TEXT = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map("".join))


@settings(max_examples=800, deadline=None)
@given(TEXT)
def test_read_text_matches_the_reference(text):
    assert read_text(text) == reference_read_text(text)


# -- the reference -----------------------------------------------------------
def _ref_lines(text: str) -> tuple[list[tuple[int, int]], list[bool]]:
    """(start, end) of each line, end before any \\r\\n; and whether each is blank."""
    spans = []
    blank = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        spans.append((pos, end - 1 if line.endswith("\r") else end))
        blank.append(not line.strip())
        pos = end + 1
    return spans, blank


def _ref_hard_wrapped(lines: list[tuple[int, int]], blank: list[bool]) -> bool:
    """True when the text is wrapped at a fixed width, so that consecutive lines
    belong to one paragraph. News copy otherwise puts one paragraph per line."""
    lengths = [e - s for (s, e), is_blank in zip(lines, blank, strict=True) if not is_blank]
    if len(lengths) < 4:
        return False
    if max(lengths) > 100:
        return False
    consecutive = sum(
        1 for b1, b2 in zip(blank, blank[1:], strict=False) if not b1 and not b2
    )
    return consecutive >= len(lengths) // 3


def reference_read_text(text: str) -> Markup:
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

    lines, text_blank = _ref_lines(text)
    # blank in the prose (a directive line is blank there, not in the text)
    prose_blank = text_blank if prose is text else [
        not prose[start:end].strip() for start, end in lines
    ]
    blocks: list[Block] = []
    wrapped = _ref_hard_wrapped(lines, text_blank)
    current: list[int] | None = None  # [start, end] of a paragraph being built
    for (start, end), is_blank in zip(lines, prose_blank, strict=True):
        if is_blank:
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
    while first_line < len(lines) and not text_blank[first_line] and prose_blank[first_line]:
        first_line += 1
    if first_line + 1 < len(lines) and blocks:
        first = blocks[0]
        s0, e0 = lines[first_line]
        if first.start == s0 and first.end == e0 and text_blank[first_line + 1]:
            blocks[0] = Block("headline", first.start, first.end)
    return Markup(prose=prose, blocks=blocks, comments=comments)
