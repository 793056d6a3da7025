"""The rule API: what a rule is, and how it reports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from newslint.document import Document
from newslint.finding import Edit, Finding, Fix, Severity

#: The documentation sections every rule must have, in order.
DOC_SECTIONS = ("What it flags", "Why it matters", "Example", "Instead", "References")


class Rule:
    """Base class for rules. Subclasses set the class attributes and implement
    `check`, which yields findings made with `self.finding(...)`.

    - `code`: stable code such as ``NL202``; `name`: kebab-case name.
    - `severity`: default severity; `summary`: one line.
    - `docs`: a mapping with every section of `DOC_SECTIONS`.
    - `options`: option name -> default value; users set them in config under
      the rule's name or code.
    - `enabled_by_default`: rules that are off unless selected set this False.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = ""
    docs: ClassVar[Mapping[str, str]] = {}
    options: ClassVar[Mapping[str, Any]] = {}
    enabled_by_default: ClassVar[bool] = True
    url: ClassVar[str | None] = None
    #: Where the rule was defined (plugin module or rule-pack file), for messages.
    origin: str = ""

    def check(self, document: Document) -> Iterable[Finding]:
        raise NotImplementedError

    def prepare(self) -> None:
        """Do now the one-off work `check` would otherwise do lazily (compiling
        patterns). The engine calls it before forking workers for a big run, so
        they share the result; a single-file run never calls it."""

    # -- helpers for subclasses -------------------------------------------
    def option(self, document: Document, name: str) -> Any:
        """The value of one of this rule's options for this document."""
        configured = document.options(self.code)
        if name in configured:
            return configured[name]
        return self.options[name]

    def finding(
        self,
        document: Document,
        start: int,
        end: int,
        message: str,
        *,
        suggestions: Iterable[str] = (),
        fix: Fix | None = None,
    ) -> Finding:
        """A finding for text[start:end], with positions computed for you."""
        line, column = document.position(start)
        end_line, end_column = document.position(end)
        sentence = document.sentence_at(start)
        context = document.text[sentence.start : sentence.end] if sentence else ""
        return Finding(
            code=self.code,
            name=self.name,
            severity=self.severity,
            message=message,
            start=start,
            end=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=document.text[start:end],
            path=document.path,
            suggestions=tuple(suggestions),
            fix=fix,
            url=self.url,
            context=context,
        )

    @staticmethod
    def replacement(start: int, end: int, text: str, *, safe: bool, description: str = "") -> Fix:
        """A fix that replaces one span."""
        return Fix((Edit(start, end, text),), safe=safe, description=description)

    def documentation(self) -> str:
        """The rule's documentation as Markdown-ish text (what `newslint rule` prints)."""
        lines = [f"{self.code} {self.name} ({self.severity.value})", "", self.summary, ""]
        for section in DOC_SECTIONS:
            lines += [f"## {section}", "", str(self.docs.get(section, "")).strip(), ""]
        if self.options:
            lines += ["## Options", ""]
            lines += [f"- `{k}` (default: {v!r})" for k, v in self.options.items()]
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code} {self.name}>"
