"""`newslint lsp` end to end: a real server process, spoken to over stdio by
pygls's client."""

from __future__ import annotations

import asyncio
import sys

import pytest

pytest.importorskip("pygls")

from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from newslint.lsp import Positions  # noqa: E402

TIMEOUT = 15.0


def test_positions_in_each_encoding():
    text = "🎉 a\nb🎉c\n"
    p16, p8, p32 = (Positions(text, e) for e in ("utf-16", "utf-8", "utf-32"))
    assert p16.position(2) == (0, 3) and p8.position(2) == (0, 5) and p32.position(2) == (0, 2)
    assert p16.position(7) == (1, 4) and p8.position(7) == (1, 6)
    for p in (p16, p8, p32):
        for offset in range(len(text) + 1):
            assert p.offset(*p.position(offset)) == offset
    assert p16.offset(9, 0) == len(text)


async def _session(tmp_path, encodings=None):
    client = LanguageClient("newslint-test", "1")
    diagnostics: dict[str, asyncio.Queue] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def publish(ls, params: types.PublishDiagnosticsParams):
        diagnostics.setdefault(params.uri, asyncio.Queue()).put_nowait(params)

    await client.start_io(sys.executable, "-m", "newslint", "lsp", cwd=str(tmp_path))
    capabilities = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=encodings)
        if encodings else None
    )
    result = await asyncio.wait_for(
        client.initialize_async(
            types.InitializeParams(
                capabilities=capabilities, root_uri=tmp_path.as_uri(), process_id=None
            )
        ),
        TIMEOUT,
    )
    client.initialized(types.InitializedParams())

    async def next_diagnostics(uri):
        queue = diagnostics.setdefault(uri, asyncio.Queue())
        return await asyncio.wait_for(queue.get(), TIMEOUT)

    return client, result, next_diagnostics


async def _close(client):
    try:
        await asyncio.wait_for(client.shutdown_async(None), 5)
        client.exit(None)
    finally:
        await asyncio.wait_for(client.stop(), 5)


def _ranges(params):
    return {
        d.code: (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
        for d in params.diagnostics
    }


def _run(coro):
    return asyncio.run(asyncio.wait_for(coro, 40))


def test_diagnostics_code_actions_hover_and_close(tmp_path):
    (tmp_path / ".newslint.yaml").write_text("select: [NL5]\n", encoding="utf-8")
    path = tmp_path / "story.txt"
    text = "🎉 Senate REJECTS budget?!\n\nThe Senate voted on Tuesday.\n"
    uri = path.as_uri()

    async def scenario():
        client, result, next_diagnostics = await _session(tmp_path)
        try:
            assert result.capabilities.position_encoding in (None, "utf-16")
            client.text_document_did_open(
                types.DidOpenTextDocumentParams(
                    types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
                )
            )
            published = await next_diagnostics(uri)
            # The emoji is two UTF-16 units: "REJECTS" starts at unit 10, not 9.
            assert _ranges(published) == {"NL501": (0, 10, 0, 17), "NL502": (0, 24, 0, 26)}
            assert {d.source for d in published.diagnostics} == {"newslint"}

            actions = await asyncio.wait_for(
                client.text_document_code_action_async(
                    types.CodeActionParams(
                        text_document=types.TextDocumentIdentifier(uri=uri),
                        range=types.Range(types.Position(0, 0), types.Position(0, 26)),
                        context=types.CodeActionContext(diagnostics=published.diagnostics),
                    )
                ),
                TIMEOUT,
            )
            by_title = {a.title: a for a in actions}
            edits = {
                title: [
                    (e.range.start.line, e.range.start.character, e.range.end.character, e.new_text)
                    for e in a.edit.changes[uri]
                ]
                for title, a in by_title.items()
            }
            assert all(a.kind == types.CodeActionKind.QuickFix for a in actions)
            assert edits["NL501: Write the word in normal case: “rejects”"] == [(0, 10, 17, "rejects")]
            assert edits["NL502: Remove the punctuation"] == [(0, 24, 26, "")]
            assert edits["Disable NL501 (shouting-headline) on this line"] == [
                (0, 0, 0, "newslint-disable-next-line NL501\n")
            ]
            assert "Disable NL502 (sensational-punctuation) on this line" in by_title

            hover = await asyncio.wait_for(
                client.text_document_hover_async(
                    types.HoverParams(
                        text_document=types.TextDocumentIdentifier(uri=uri),
                        position=types.Position(0, 12),
                    )
                ),
                TIMEOUT,
            )
            assert "## Why it matters" in hover.contents.value and "NL501" in hover.contents.value

            # A change is linted after a pause; the new version's positions.
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                    content_changes=[
                        types.TextDocumentContentChangePartial(
                            range=types.Range(types.Position(0, 0), types.Position(0, 2)),
                            text="",
                        )
                    ],
                )
            )
            published = await next_diagnostics(uri)
            assert published.version == 2
            assert _ranges(published) == {"NL501": (0, 8, 0, 15), "NL502": (0, 22, 0, 24)}

            client.text_document_did_close(
                types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri=uri))
            )
            assert list((await next_diagnostics(uri)).diagnostics) == []
        finally:
            await _close(client)

    _run(scenario())


def test_negotiated_utf8_and_markdown_suppression(tmp_path):
    (tmp_path / ".newslint.yaml").write_text("select: [NL5]\n", encoding="utf-8")
    uri = (tmp_path / "story.md").as_uri()
    text = "# 🎉 Senate REJECTS budget?!\n\nBody text.\n"

    async def scenario():
        client, result, next_diagnostics = await _session(tmp_path, ["utf-8"])
        try:
            assert result.capabilities.position_encoding == "utf-8"
            client.text_document_did_open(
                types.DidOpenTextDocumentParams(
                    types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
                )
            )
            published = await next_diagnostics(uri)
            # "# " + four UTF-8 bytes + space.
            assert _ranges(published)["NL501"] == (0, 14, 0, 21)
            actions = await asyncio.wait_for(
                client.text_document_code_action_async(
                    types.CodeActionParams(
                        text_document=types.TextDocumentIdentifier(uri=uri),
                        range=types.Range(types.Position(0, 15), types.Position(0, 15)),
                        context=types.CodeActionContext(diagnostics=[]),
                    )
                ),
                TIMEOUT,
            )
            disable = [a for a in actions if a.title.startswith("Disable")]
            assert [e.new_text for a in disable for e in a.edit.changes[uri]] == [
                "<!-- newslint-disable-next-line NL501 -->\n"
            ]
        finally:
            await _close(client)

    _run(scenario())
