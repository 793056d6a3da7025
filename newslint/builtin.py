"""The core's own plugin: markup readers, output formats and the suppression
rules NL001 and NL002 (which `newslint.suppression` reports). It is registered
through the `newslint` entry-point group like every other plugin. Readers and
formatters are imported only when used, so start-up stays cheap."""

from __future__ import annotations

from newslint import hookimpl
from newslint.document import Document
from newslint.finding import Severity
from newslint.rules import Rule

UNUSED_CODE = "NL001"
INVALID_CODE = "NL002"
OWN_CODES = frozenset({UNUSED_CODE, INVALID_CODE})


def _read_markdown(text: str):
    from newslint.markup.markdown import read_markdown

    return read_markdown(text)


def _read_text(text: str):
    from newslint.markup.text import read_text

    return read_text(text)


def _read_html(text: str):
    from newslint.markup.html import read_html

    return read_html(text)


@hookimpl
def newslint_register_markups(register):
    register("text", _read_text, [".txt", ".text", ""])
    register("markdown", _read_markdown, [".md", ".markdown", ".mdown", ".mkd", ".mdx"])
    register("html", _read_html, [".html", ".htm", ".xhtml"])


@hookimpl
def newslint_register_rules(register):
    # newslint's own rules: suppression comments that suppress nothing (NL001,
    # off unless --report-unused-disables) or name an unknown rule (NL002).
    register(UnusedSuppression())
    register(InvalidSuppression())


def _lazy_format(module: str, function: str):
    def render(report, options):
        import importlib

        return getattr(importlib.import_module(module), function)(report, options)

    return render


@hookimpl
def newslint_register_formats(register):
    register("text", _lazy_format("newslint.formats.text", "render"))
    register("concise", _lazy_format("newslint.formats.simple", "render_concise"))
    register("json", _lazy_format("newslint.formats.simple", "render_json"))
    register("jsonl", _lazy_format("newslint.formats.simple", "render_jsonl"))
    register("sarif", _lazy_format("newslint.formats.sarif", "render_sarif"))
    register("github", _lazy_format("newslint.formats.github", "render_github"))


class UnusedSuppression(Rule):
    code = UNUSED_CODE
    name = "unused-suppression"
    severity = Severity.WARNING
    summary = "A suppression comment that suppressed nothing (--report-unused-disables)."
    enabled_by_default = False
    docs = {
        "What it flags": "A newslint-disable, newslint-disable-next-line or "
        "newslint-disable-line comment under which no finding of the rules it names "
        "was found. Off by default; `--report-unused-disables` (or selecting NL001) "
        "turns it on. Rules not run in this run are not reported.",
        "Why it matters": "A stale suppression hides the next problem written on that "
        "line or in that range: the text it once excused has been edited away, but the "
        "exemption stays.",
        "Example": "<!-- newslint-disable-next-line NL202 -->\n"
        "The council approved the budget on Tuesday.",
        "Instead": "Remove the comment, or the rule names in it that no longer apply.",
        "References": "ESLint's --report-unused-disable-directives and ruff's "
        "unused-noqa (RUF100), the models for this check.",
    }

    def check(self, document: Document):
        return ()  # reported by newslint.suppression, after every other rule has run


class InvalidSuppression(Rule):
    code = INVALID_CODE
    name = "invalid-suppression"
    severity = Severity.WARNING
    summary = "A suppression comment that names an unknown rule or is not a directive."
    docs = {
        "What it flags": "A rule name or code in a newslint-disable comment that no "
        "installed rule has (“NL299”, “loaded-langauge”), and comments that start with "
        "newslint- but are not one of the four directives (“newslint-disable-nextline”).",
        "Why it matters": "A misspelt suppression suppresses nothing, so the editor who "
        "wrote it believes a finding is excused while the linter still reports it, or a "
        "different rule stays off.",
        "Example": "<!-- newslint-disable loaded-langauge -->",
        "Instead": "Name the rule by its code or name as `newslint rules` lists them: "
        "<!-- newslint-disable loaded-language -->.",
        "References": "DESIGN.md, “Suppression”; `newslint rules` for the table of rules.",
    }

    def check(self, document: Document):
        return ()  # reported by newslint.suppression.apply_suppressions
