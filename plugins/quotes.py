"""Quotation-mark rules (NL301–NL304), reading the core's quotation model
(`Document.quotations`): unclosed, unopened and mismatched quotation marks, and
straight and curly double marks mixed in one document.

Every finding points at the offending mark itself. The parser reports a mark
only when its reading is certain (see `newslint.quotations`): ambiguous straight
marks and straight single marks that may be apostrophes are never flagged."""

from __future__ import annotations

from newslint import Document, Rule, Severity, hookimpl

# The closing mark that goes with each opening mark, and the reverse.
_CLOSER = {'"': '"', "''": '"', "“": "”", "„": "“", "‟": "”", "”": "”",
           "'": "'", "‘": "’", "‚": "‘", "‛": "’",
           "«": "»", "»": "«", "‹": "›", "›": "‹"}
_OPENER = {'"': '"', "''": '"', "”": "“", "“": "„", "'": "'", "’": "‘", "‘": "‚",
           "»": "«", "«": "»", "›": "‹", "‹": "›"}


def _where(document: Document, offset: int) -> str:
    line, column = document.position(offset)
    return f"line {line}, column {column}"


def _name(mark: str) -> str:
    return "''" if mark == "''" else mark


_COMMON_REFERENCES = (
    "AP Stylebook, “quotation marks” (running quotations over several paragraphs; "
    "quotes within quotes); Reuters Handbook of Journalism, “quotes” and “quotation marks”; "
    "The Chicago Manual of Style, chapter 13, “Quotations and Dialogue” (run-in quotations "
    "of more than one paragraph: an opening mark on each paragraph, a closing mark only "
    "at the end of the last) and 6.9–6.11 (punctuation with quotation marks); "
    "The Guardian and Observer style guide, “quotation marks” (single marks first, "
    "double inside, British style)."
)


class UnclosedQuote(Rule):
    code = "NL301"
    name = "unclosed-quote"
    severity = Severity.ERROR
    summary = "An opening quotation mark that is never closed."
    docs = {
        "What it flags": "An opening quotation mark with no closing mark: the paragraph "
        "ends, another quotation opens, or the quotation around it closes first. A "
        "quotation that runs on into the next paragraph is not flagged when that "
        "paragraph starts with an opening mark again (the multi-paragraph convention). "
        "Apostrophes (can’t, the Joneses’, ’90s, rock ’n’ roll) and primes (5'10\") "
        "are never read as quotation marks.",
        "Why it matters": "Without its closing mark the reader cannot tell where the "
        "speaker's words end and the reporter's begin: words the source never said "
        "are put in the source's mouth. It is also the trace a copy-and-paste or a "
        "merged paragraph leaves behind.",
        "Example": "The minister said: “We will publish the figures next week. "
        "Critics called the delay unacceptable.",
        "Instead": "Close the quotation where the quoted words end — The minister said: "
        "“We will publish the figures next week.” Critics called the delay "
        "unacceptable. If the quotation goes on in the next paragraph, start that "
        "paragraph with an opening mark and close only at the end of the last one.",
        "References": _COMMON_REFERENCES,
    }

    def check(self, document: Document):
        for u in document.quotations.unmatched:
            if u.reason != "unclosed" or not u.certain:
                continue
            closer = _CLOSER.get(u.mark, u.mark)
            if u.detail == "next-opening" and u.partner is not None:
                message = (
                    f"The quotation opened here is not closed before the next one opens at "
                    f"{_where(document, u.partner)}; add a closing {closer} where the quoted "
                    f"words end."
                )
            elif u.detail == "outer-closed":
                message = (
                    f"The quotation opened here is not closed before the quotation around it "
                    f"ends; add a closing {closer} where the quoted words end."
                )
            elif u.detail == "paragraph-end":
                message = (
                    f"The quotation opened here is never closed; add a closing {closer} where "
                    f"the quoted words end, or start the next paragraph with {_name(u.mark)} "
                    f"if the quotation continues there."
                )
            else:
                message = (
                    f"The quotation opened here is never closed; add a closing {closer} where "
                    f"the quoted words end."
                )
            yield self.finding(
                document, u.offset, u.offset + len(u.mark), message, suggestions=[closer]
            )


class UnopenedQuote(Rule):
    code = "NL302"
    name = "unopened-quote"
    severity = Severity.ERROR
    summary = "A closing quotation mark with no opening mark."
    docs = {
        "What it flags": "A closing quotation mark (after a word or punctuation, before a "
        "space or the end of the paragraph) when no quotation is open in its paragraph. "
        "An apostrophe after a word (the workers’ union) is never read as a closing mark "
        "unless a single quotation is open.",
        "Why it matters": "A stray closing mark means the opening one was lost, so the "
        "reader cannot see where the quotation starts and may take the reporter's words "
        "for the speaker's, or the other way round.",
        "Example": "The mayor said the plan would go ahead, it is fully funded,” she "
        "told reporters.",
        "Instead": "Add the opening mark where the quoted words begin — The mayor said the "
        "plan would go ahead: “It is fully funded,” she told reporters. Or delete the "
        "closing mark if the words are a paraphrase.",
        "References": _COMMON_REFERENCES,
    }

    def check(self, document: Document):
        quotations = document.quotations.quotations
        for u in document.quotations.unmatched:
            if u.reason != "unopened" or not u.certain:
                continue
            opener = _OPENER.get(u.mark, u.mark)
            message = (
                f"This closing {_name(u.mark)} has no opening mark; add {opener} where the "
                f"quoted words begin, or delete this mark."
            )
            before = _last_closed_before(document, quotations, u.offset)
            if before is not None:
                message = (
                    f"This closing {_name(u.mark)} has no opening mark (the quotation before it "
                    f"closed at {_where(document, before.end - 1)}); add {opener} where the "
                    f"quoted words begin, or delete this mark."
                )
            yield self.finding(
                document, u.offset, u.offset + len(u.mark), message, suggestions=[opener]
            )


def _last_closed_before(document: Document, quotations, offset: int):
    """The last closed quotation of the same paragraph that ends before offset."""
    block = document.block_at(offset)
    if block is None:
        return None
    best = None
    for q in quotations:
        if q.start >= offset:
            break
        if q.start >= block.start and q.close_mark and q.end <= offset and (
            best is None or q.end > best.end
        ):
            best = q
    return best


class MismatchedQuote(Rule):
    code = "NL303"
    name = "mismatched-quote"
    severity = Severity.ERROR
    summary = "A quotation closed with a mark of another kind than the one that opened it."
    docs = {
        "What it flags": "A pair of quotation marks that differ in kind: a curly opening "
        "mark closed by a straight one (“…\"), a straight one closed by a curly one "
        "(\"…”), a double mark closed by a single one (“…’) or the reverse (‘…”), or a "
        "closing mark written as an opening one (“…“). Low opening marks („…“, „…”) and "
        "guillemets («…», »…«) are pairs, not mismatches.",
        "Why it matters": "A closing mark of the wrong kind usually means a mark was "
        "retyped or pasted from another source; a double quotation closed by a single "
        "mark leaves readers unsure whether a quotation within the quotation was meant, "
        "and where the speaker's words end.",
        "Example": "“We will not back down,’ the union leader said.",
        "Instead": "Close the quotation with the mark that matches its opening one — "
        "“We will not back down,” the union leader said.",
        "References": _COMMON_REFERENCES,
    }

    def check(self, document: Document):
        for u in document.quotations.unmatched:
            if u.reason != "mismatched" or not u.certain or u.partner is None:
                continue
            opening = document.text[u.partner : u.partner + 2]
            opening = opening if opening == "''" else opening[:1]
            closer = _CLOSER.get(opening, opening)
            message = (
                f"This closing {_name(u.mark)} does not match the opening {_name(opening)} at "
                f"{_where(document, u.partner)}; write {closer} to match it."
            )
            yield self.finding(
                document, u.offset, u.offset + len(u.mark), message,
                suggestions=[closer],
                fix=self.replacement(
                    u.offset, u.offset + len(u.mark), closer, safe=False,
                    description=f"Close the quotation with {closer}",
                ),
            )


class MixedQuoteStyle(Rule):
    code = "NL304"
    name = "mixed-quote-style"
    severity = Severity.WARNING
    summary = "Straight and curly double quotation marks used in one document."
    docs = {
        "What it flags": "Each double quotation mark of the document's minority style "
        "when it uses both straight (\") and curly (“ ”) double marks. The majority "
        "style wins; on a tie, curly marks. Inch marks (12\") are not quotation marks "
        "and are left alone.",
        "Why it matters": "Mixed marks are the trace of copy pasted from several "
        "sources (a wire story, a press release, an e-mail) and read as careless; "
        "they also defeat searches for a quotation and the automatic checks that pair "
        "marks.",
        "Example": "“We are ready,” she said. \"The vote is on Tuesday.\"",
        "Instead": "Use one style throughout — “We are ready,” she said. “The vote is on "
        "Tuesday.” The fix converts each minority mark to the majority style (a "
        "straight opening mark to “, a closing one to ”, a curly mark to \").",
        "References": "AP Stylebook, “quotation marks”; Reuters Handbook of Journalism, "
        "“quotation marks”; The Chicago Manual of Style, 6.115 (straight and smart "
        "quotation marks and apostrophes, 16th ed.); Butterick's Practical Typography, "
        "“Straight and curly quotes”; Wikipedia, Manual of Style, “Quotation marks” "
        "(MOS:CURLY: one style throughout).",
    }

    def check(self, document: Document):
        quotations = document.quotations
        if not quotations.curly_double or not quotations.straight_double:
            return
        straight, curly = [], []
        for m in quotations.marks:
            if m.mark == '"':
                straight.append(m)
            elif m.mark in "“”":
                curly.append(m)
        if not straight or not curly:
            return
        total = len(straight) + len(curly)
        if len(curly) >= len(straight):
            for m in straight:
                new = "“" if m.role == "open" else "”"
                yield self.finding(
                    document, m.offset, m.offset + 1,
                    f"This straight quotation mark differs from the curly marks used "
                    f"elsewhere ({len(curly)} of {total} double marks); write {new}.",
                    suggestions=[new],
                    fix=self.replacement(m.offset, m.offset + 1, new, safe=not m.ambiguous,
                                         description=f"Write {new}"),
                )
        else:
            for m in curly:
                yield self.finding(
                    document, m.offset, m.offset + 1,
                    f"This curly quotation mark {m.mark} differs from the straight marks used "
                    f"elsewhere ({len(straight)} of {total} double marks); write \".",
                    suggestions=['"'],
                    fix=self.replacement(m.offset, m.offset + 1, '"', safe=True,
                                         description='Write "'),
                )


@hookimpl
def newslint_register_rules(register):
    for rule in (UnclosedQuote(), UnopenedQuote(), MismatchedQuote(), MixedQuoteStyle()):
        register(rule)
