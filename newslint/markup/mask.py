"""Building a prose mask from spans: readers say which spans of the text are
prose (`show`) and which parts inside them are markup (`hide`); `build` makes
the same-length string with everything else blanked, newlines kept."""

from __future__ import annotations

from newslint.patterns import compile_pattern

_NOT_NEWLINE = compile_pattern(r"[^\r\n]+")


def _spaces(m) -> str:
    return " " * len(m.group(0))


def blank(text: str) -> str:
    """`text` with every character except line breaks replaced by a space."""
    # Most pieces blanked are short runs of markup with no \r: str methods
    # then do it without a regex scan and a call per run.
    if not text.strip("\r\n"):
        return text  # nothing but line breaks (the gap between two paragraphs)
    if "\r" in text:
        return _NOT_NEWLINE.sub(_spaces, text)
    if "\n" not in text:
        return " " * len(text)
    return "\n".join([" " * len(line) for line in text.split("\n")])


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _in_order(spans: list[tuple[int, int]]) -> bool:
    """True when the spans are sorted and none overlaps the next."""
    cursor = 0
    for s, e in spans:
        if s < cursor or e < s:
            return False
        cursor = e
    return True


class ProseMask:
    def __init__(self, text: str) -> None:
        self.text = text
        self.shown: list[tuple[int, int]] = []
        self.hidden: list[tuple[int, int]] = []

    def show(self, start: int, end: int) -> None:
        self.shown.append((start, end))

    def hide(self, start: int, end: int) -> None:
        self.hidden.append((start, end))

    def visible_spans(self) -> list[tuple[int, int]]:
        """Shown spans minus hidden ones, sorted and disjoint."""
        visible = []
        hidden = _merge(self.hidden)
        h = 0
        for s, e in _merge(self.shown):
            while h < len(hidden) and hidden[h][1] <= s:
                h += 1
            cursor = s
            k = h
            while k < len(hidden) and hidden[k][0] < e:
                hs, he = hidden[k]
                if hs > cursor:
                    visible.append((cursor, hs))
                cursor = max(cursor, he)
                k += 1
            if cursor < e:
                visible.append((cursor, e))
        return visible

    def build(self) -> str:
        text = self.text
        # Nothing hidden, spans shown in order (plain Markdown copy): they are
        # the visible spans as they stand, with no sorting and merging.
        spans = self.shown
        if self.hidden or not _in_order(spans):
            spans = self.visible_spans()
        pieces = []
        cursor = 0
        for s, e in spans:
            pieces.append(blank(text[cursor:s]))
            pieces.append(text[s:e])
            cursor = e
        pieces.append(blank(text[cursor:]))
        return "".join(pieces)
