"""The quotation model (placeholder interface; the full parser is issue #3).

`parse_quotations(document)` returns `Quotations`: the quotation spans and the
marks left unmatched."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.document import Document


@dataclass(frozen=True)
class Quotation:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph's end if it continues)
    open_mark: str
    close_mark: str | None
    level: int = 0
    continues_from_previous_paragraph: bool = False
    continues_to_next_paragraph: bool = False
    speech: bool = True

    @property
    def content_start(self) -> int:
        return self.start + 1

    @property
    def content_end(self) -> int:
        return self.end - 1 if self.close_mark else self.end


@dataclass(frozen=True)
class UnmatchedMark:
    offset: int
    mark: str
    reason: str  # "unclosed", "unopened" or "mismatched"
    partner: int | None = None


@dataclass
class Quotations:
    quotations: list[Quotation] = field(default_factory=list)
    unmatched: list[UnmatchedMark] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.quotations.sort(key=lambda q: (q.start, -q.end))
        self._starts = [q.start for q in self.quotations]

    def at(self, offset: int) -> Quotation | None:
        """The innermost quotation enclosing `offset`."""
        i = bisect_right(self._starts, offset) - 1
        best = None
        while i >= 0:
            q = self.quotations[i]
            if q.start <= offset < q.end and (best is None or q.start > best.start):
                best = q
                break
            i -= 1
        return best

    def __iter__(self):
        return iter(self.quotations)

    def __len__(self) -> int:
        return len(self.quotations)


def parse_quotations(document: Document) -> Quotations:
    quotations = []
    for block in document.blocks:
        stack: list[int] = []
        for i in range(block.start, block.end):
            c = document.prose[i]
            if c == "“":
                stack.append(i)
            elif c == "”" and stack:
                s = stack.pop()
                quotations.append(Quotation(s, i + 1, "“", "”", len(stack)))
    return Quotations(quotations)
