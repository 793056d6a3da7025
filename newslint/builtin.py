"""The core's own plugin: markup readers and output formats. It is registered
through the `newslint` entry-point group like every other plugin. Readers and
formatters are imported only when used, so start-up stays cheap."""

from __future__ import annotations

from newslint import hookimpl


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
    from newslint.suppression import InvalidSuppression, UnusedSuppression

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
