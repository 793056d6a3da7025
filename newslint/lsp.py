"""`newslint lsp`: a language server over stdio (pygls 2; `pip install newslint[lsp]`).

- Diagnostics when a document is opened or saved, and after a pause in typing
  (`DEBOUNCE` seconds after the last change); cleared when it is closed.
- Positions in the encoding negotiated with the client (UTF-16 unless the
  client offers utf-8 or utf-32); newslint's own offsets are code points.
- Configuration is discovered from the document's path, as on the command line;
  a document with no path (untitled) is linted with the configuration of the
  working directory, its markup picked from the language id.
- Code actions: each suggestion and each fix as a quick fix, and "disable this
  rule on this line" (a suppression comment above the line).
- Hover on a finding shows its rule's documentation.

pygls is imported only here, so the command line never pays for it."""

from __future__ import annotations

import argparse
import bisect
import logging
import os
import re
from dataclasses import dataclass

from newslint import __version__
from newslint.finding import Finding

#: Seconds to wait after the last change before linting again.
DEBOUNCE = 0.3

_MARKUP_SUFFIX = {"markdown": ".md", "html": ".html", "plaintext": ".txt", "text": ".txt"}
_COMMENT_MARKUPS = {"markdown", "html"}

log = logging.getLogger("newslint.lsp")
_INDENT = re.compile(r"[ \t]*")


# -- positions ------------------------------------------------------------------


class Positions:
    """Offsets (code points) <-> LSP positions (line, character in `encoding`)."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0]
        start = text.find("\n")
        while start != -1:
            self.starts.append(start + 1)
            start = text.find("\n", start + 1)

    def _units(self, s: str) -> int:
        if self.encoding == "utf-8":
            return len(s.encode("utf-8"))
        if self.encoding == "utf-32":
            return len(s)
        return len(s) + sum(1 for c in s if ord(c) > 0xFFFF)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, self._units(self.text[self.starts[line] : offset])

    def offset(self, line: int, character: int) -> int:
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[max(line, 0)]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        if self.encoding == "utf-32":
            return min(start + character, end)
        units = 0
        i = start
        while i < end and units < character:
            c = self.text[i]
            if self.encoding == "utf-8":
                units += len(c.encode("utf-8"))
            else:
                units += 2 if ord(c) > 0xFFFF else 1
            i += 1
        return i


def encoding_name(kind) -> str:
    value = str(getattr(kind, "value", kind) or "utf-16").lower()
    return value if value in ("utf-8", "utf-16", "utf-32") else "utf-16"


# -- the linting state, independent of pygls (testable on its own) ---------------


@dataclass
class Linted:
    version: int | None
    text: str
    findings: list[Finding]
    error: str | None = None


class Session:
    """Lints documents for the server and remembers the last result of each."""

    def __init__(self, config: str | None = None) -> None:
        self.config = config
        self.linter = None
        self.results: dict[str, Linted] = {}

    def _get_linter(self):
        if self.linter is None:
            from newslint.engine import Linter

            self.linter = Linter(config=self.config)
        return self.linter

    def reset(self) -> None:
        """Forget loaded configs and rule packs (a config file was saved)."""
        self.linter = None

    @staticmethod
    def lint_path(path: str | None, language_id: str | None) -> str | None:
        if path:
            return path
        return os.path.join(os.getcwd(), "untitled" + _MARKUP_SUFFIX.get(language_id or "", ".txt"))

    def lint(self, uri: str, text: str, version: int | None, path: str | None,
             language_id: str | None = None) -> Linted:
        from newslint.manager import PluginError
        from newslint.reading import ReadError
        from newslint.yamlfile import DataError

        try:
            findings = self._get_linter().lint_text(text, self.lint_path(path, language_id))
            result = Linted(version, text, findings)
        except (DataError, PluginError, ReadError) as exc:
            result = Linted(version, text, [], error=f"newslint: {exc}")
        self.results[uri] = result
        return result

    def markup(self, path: str | None, language_id: str | None) -> str:
        linter = self._get_linter()
        lint_path = self.lint_path(path, language_id)
        ext = os.path.splitext(lint_path)[1].lower() or ".txt"
        try:
            markup = linter.registry.markups.get(ext)
        except Exception:  # noqa: BLE001 - a broken config: guess from the extension
            markup = None
        if markup is not None:
            return markup.name
        return {".md": "markdown", ".html": "html", ".htm": "html"}.get(ext, "text")

    def rule(self, code: str, path: str | None):
        linter = self._get_linter()
        try:
            config = linter.finder.for_path(path)
            return linter.registry_for(config).rule(code)
        except Exception:  # noqa: BLE001
            return None

    def disable_comment(self, code: str, markup: str, indent: str, newline: str) -> str:
        if markup in _COMMENT_MARKUPS:
            return f"{indent}<!-- newslint-disable-next-line {code} -->{newline}"
        return f"{indent}newslint-disable-next-line {code}{newline}"


# -- the server ------------------------------------------------------------------


def build_server(session: Session | None = None):
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    session = session or Session()
    server = LanguageServer("newslint", __version__)
    timers: dict[str, object] = {}

    severities = {
        "error": types.DiagnosticSeverity.Error,
        "warning": types.DiagnosticSeverity.Warning,
        "info": types.DiagnosticSeverity.Information,
    }

    def positions(text: str) -> Positions:
        return Positions(text, encoding_name(server.workspace.position_encoding))

    def to_range(pos: Positions, start: int, end: int):
        (l1, c1), (l2, c2) = pos.position(start), pos.position(end)
        return types.Range(types.Position(l1, c1), types.Position(l2, c2))

    def diagnostic(pos: Positions, f: Finding):
        return types.Diagnostic(
            range=to_range(pos, f.start, f.end),
            message=f.message,
            severity=severities[f.severity.value],
            code=f.code,
            code_description=types.CodeDescription(href=f.url) if f.url else None,
            source="newslint",
            data={"code": f.code, "name": f.name, "start": f.start, "end": f.end},
        )

    def lint_and_publish(uri: str) -> None:
        timers.pop(uri, None)
        try:
            doc = server.workspace.get_text_document(uri)
        except Exception:  # noqa: BLE001 - closed meanwhile
            return
        text = doc.source
        result = session.lint(uri, text, doc.version, doc.path, doc.language_id)
        pos = positions(text)
        if result.error:
            diagnostics = [
                types.Diagnostic(
                    range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                    message=result.error,
                    severity=types.DiagnosticSeverity.Error,
                    source="newslint",
                )
            ]
        else:
            diagnostics = [diagnostic(pos, f) for f in result.findings]
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=doc.version, diagnostics=diagnostics)
        )

    def cancel(uri: str) -> None:
        timer = timers.pop(uri, None)
        if timer is not None:
            timer.cancel()

    def current(uri: str) -> Linted | None:
        """The findings of the document as it is now (re-lint if stale)."""
        try:
            doc = server.workspace.get_text_document(uri)
        except Exception:  # noqa: BLE001
            return None
        result = session.results.get(uri)
        if result is None or result.text != doc.source:
            result = session.lint(uri, doc.source, doc.version, doc.path, doc.language_id)
        return result

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls, params: types.DidOpenTextDocumentParams):
        lint_and_publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls, params: types.DidChangeTextDocumentParams):
        import asyncio

        uri = params.text_document.uri
        cancel(uri)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            lint_and_publish(uri)
            return
        timers[uri] = loop.call_later(DEBOUNCE, lint_and_publish, uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls, params: types.DidSaveTextDocumentParams):
        uri = params.text_document.uri
        cancel(uri)
        name = os.path.basename(uri)
        if name in (".newslint.yaml", ".newslint.yml", "pyproject.toml") or uri.endswith(".yaml"):
            # A config or rule pack changed: reload, and re-lint every open document.
            session.reset()
            for other in list(session.results):
                if other != uri:
                    lint_and_publish(other)
        lint_and_publish(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls, params: types.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        cancel(uri)
        session.results.pop(uri, None)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls, params: types.CodeActionParams):
        uri = params.text_document.uri
        result = current(uri)
        if result is None:
            return []
        doc = server.workspace.get_text_document(uri)
        text = result.text
        pos = positions(text)
        lo = pos.offset(params.range.start.line, params.range.start.character)
        hi = pos.offset(params.range.end.line, params.range.end.character)
        markup = session.markup(doc.path, doc.language_id)
        newline = "\r\n" if "\r\n" in text else "\n"
        actions = []
        disabled_lines: set[tuple[str, int]] = set()

        def edit(edits):
            return types.WorkspaceEdit(
                changes={
                    uri: [
                        types.TextEdit(range=to_range(pos, s, e), new_text=new)
                        for s, e, new in edits
                    ]
                }
            )

        for f in result.findings:
            if not (f.start <= hi and f.end >= lo):
                continue
            diag = diagnostic(pos, f)
            offered = set()
            if f.fix is not None and f.fix.edits:
                title = f.fix.description or "Apply the fix"
                if len(f.fix.edits) == 1 and f.fix.edits[0].replacement:
                    title = f"{title}: “{f.fix.edits[0].replacement}”"
                actions.append(
                    types.CodeAction(
                        title=f"{f.code}: {title}",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diag],
                        is_preferred=f.fix.safe,
                        edit=edit([(e.start, e.end, e.replacement) for e in f.fix.edits]),
                    )
                )
                if len(f.fix.edits) == 1:
                    e = f.fix.edits[0]
                    offered.add((e.start, e.end, e.replacement))
            for suggestion in f.suggestions:
                if (f.start, f.end, suggestion) in offered:
                    continue
                offered.add((f.start, f.end, suggestion))
                actions.append(
                    types.CodeAction(
                        title=f"{f.code}: Replace with “{suggestion}”",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diag],
                        edit=edit([(f.start, f.end, suggestion)]),
                    )
                )
            line_start = text.rfind("\n", 0, f.start) + 1
            if (f.code, line_start) in disabled_lines:
                continue
            disabled_lines.add((f.code, line_start))
            indent = _INDENT.match(text, line_start).group(0)
            comment = session.disable_comment(f.code, markup, indent, newline)
            actions.append(
                types.CodeAction(
                    title=f"Disable {f.code} ({f.name}) on this line",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    edit=edit([(line_start, line_start, comment)]),
                )
            )
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls, params: types.HoverParams):
        uri = params.text_document.uri
        result = current(uri)
        if result is None:
            return None
        doc = server.workspace.get_text_document(uri)
        pos = positions(result.text)
        offset = pos.offset(params.position.line, params.position.character)
        hits = [f for f in result.findings if f.start <= offset <= f.end]
        if not hits:
            return None
        parts, seen = [], set()
        for f in hits:
            if f.code in seen:
                continue
            seen.add(f.code)
            rule = session.rule(f.code, session.lint_path(doc.path, doc.language_id))
            body = rule.documentation() if rule is not None else f"{f.code} {f.name}\n"
            parts.append(f"**{f.message}**\n\n{body}")
        first = hits[0]
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value="\n---\n\n".join(parts)
            ),
            range=to_range(pos, first.start, first.end),
        )

    return server


def serve(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newslint lsp", description="Run the newslint language server over stdio."
    )
    parser.add_argument("--stdio", action="store_true", help="talk over stdio (the default)")
    parser.add_argument("--config", help="use this config file for every document")
    parser.add_argument("--log-file", help="write the server's log to this file")
    options = parser.parse_args(args)
    try:
        import pygls  # noqa: F401
    except ImportError:
        import sys

        print(
            "newslint: error: the language server needs pygls: pip install 'newslint[lsp]'",
            file=sys.stderr,
        )
        return 2
    if options.log_file:
        logging.basicConfig(filename=options.log_file, level=logging.INFO)
    server = build_server(Session(options.config))
    server.start_io()
    return 0
