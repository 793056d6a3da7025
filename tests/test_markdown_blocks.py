"""The Markdown reader's shortcut for plain copy must give markdown-it's own
block tokens, or decline."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.markup.markdown import _parser, _simple_blocks

PARSER = _parser()


# The tokens the shortcut gives (a list item's paragraph comes as the item's
# own open token, without the list's tokens around it).
SHORTCUT_TYPES = {"paragraph_open", "heading_open", "list_item_open"}


def tokens(source: str) -> list[tuple]:
    """What the reader takes from markdown-it's tokens: for each inline token,
    the kind of block it is (its innermost open token, list_item_open for a
    paragraph in an item), its lines and its content."""
    found, context = [], []
    for t in PARSER.parse(source, {}):
        if t.type.endswith("_open"):
            context.append(t.type)
        elif t.type.endswith("_close"):
            context.pop()
        elif t.type == "inline":
            opener = "list_item_open" if "list_item_open" in context else context[-1]
            found.append((opener, t.map, t.content, context[:1]))
        else:
            found.append((t.type, t.map, t.content))
    return found


def shortcut(source: str) -> list[tuple] | None:
    found = _simple_blocks(source)
    if found is None:
        return None
    assert {t.type for t in found[::3]} <= SHORTCUT_TYPES
    return [
        (opener.type, inline.map, inline.content,
         ["bullet_list_open" if opener.type == "list_item_open" else opener.type])
        for opener, inline in zip(found[::3], found[1::3], strict=True)
    ]


@pytest.mark.parametrize(
    "source",
    [
        "# Council votes to close two libraries\n\nThe council voted on Tuesday.\nIt was close.\n",
        "## A heading\nA paragraph the heading interrupts\n# Another\n",
        "First paragraph.\n   \nSecond one, after a line of spaces.",
        "“Quoted,” she said.\n\n2024 was a year. 10 people came.\n",
        "1234567890. Ten digits are not a list marker.\n",
        ": A colon opens no block here.\n",
        "Intro\n- a list item\n - another\nits lazy continuation\n\n* a new list\n# H\n",
        "-    Four spaces after the marker.\n\n+ Plus.\n",
        "",
    ],
)
def test_plain_copy_takes_the_shortcut_with_markdown_its_tokens(source):
    assert shortcut(source) is not None
    assert shortcut(source) == tokens(source)


@pytest.mark.parametrize(
    "source",
    [
        "- a list item\n  - nested in it\n",
        "-     indented code in an item\n",
        "- \n",
        "- # a heading in an item\n",
        "* * *\n",
        "Intro\n  continued with indentation\n",
        ":--|--\n",
        "Intro\n1. an ordered item\n",
        "> a quotation\n",
        "Title\n=====\n",
        "    indented code\n",
        "```\ncode\n```\n",
        "<div>html</div>\n",
        "[ref]: https://example.com\n",
        "| a | b |\n|---|---|\n",
        "# Closing hashes #\n",
        "#hashtag opens this line\n",
        "A line\twith a tab\n",
        "Windows\r\nline ends\r\n",
        "\x1c\nA separator markdown-it does not trim.\n",
        "A line\x85\n",
    ],
)
def test_anything_else_goes_to_markdown_it(source):
    assert shortcut(source) is None


LINE_PIECES = st.sampled_from(
    ["# ", "## ", "#", "Hello", "world", " ", "  ", "1. ", "2024. ", "12) ", "- ", "* ",
     "> ", "---", "===", "|", ":", "`", "~~~", "<b>", "[x]: /u", "\\", "é", "\xa0", "“Q”",
     "’s", "x #", "&amp;", "\u2028", "٣. ", "_", ".", "\x1c", "\x1f", "\x85", "\x0b",
     "\x0c", "\u3000", "\ufeff", " - ", "+ ", "-    ", "-     ", ": ", ":-", "  "]
)
DOCUMENTS = st.lists(
    st.lists(LINE_PIECES, max_size=5).map("".join), max_size=8
).map("\n".join)


@settings(max_examples=400, deadline=None)
@given(DOCUMENTS)
def test_the_shortcut_never_disagrees_with_markdown_it(source):
    found = shortcut(source)
    if found is not None:
        assert found == tokens(source)


INLINE_PIECES = st.sampled_from(
    ["Hello", "world", " ", "# ", "## ", "\xa0", "“Q”", "’s", "*em*", "`code`", "[a](/u)",
     "[ref]", "<b>", "<!-- newslint-disable -->", "http://x.example/a", "&amp;", "\\*",
     "import x from 'y'", "{{ x }}", "&nbsp;", "<p> </p>", "> ", "| a |", "_", "\u2028", "\x0b", "\ufeff", "- ", " - ", ": ", "\r", "  "]
)
FRONT = st.sampled_from(["", "---\ntitle: A headline\n---\n", "---\nx: 1\n---\n\n"])
MARKDOWN = st.tuples(
    FRONT,
    st.lists(st.lists(INLINE_PIECES, max_size=6).map("".join), max_size=8).map("\n".join),
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(MARKDOWN, DOCUMENTS))
def test_the_shortcut_reads_as_markdown_it_does(source):
    """read_markdown's loop for the shortcut's tokens gives what the general
    loop gives for markdown-it's."""
    from unittest import mock

    from newslint.markup import markdown

    with mock.patch.object(markdown, "_simple_blocks", lambda source: None):
        expected = markdown.read_markdown(source)
    assert markdown.read_markdown(source) == expected


@settings(max_examples=400, deadline=None)
@given(st.one_of(MARKDOWN, DOCUMENTS))
def test_no_block_is_left_without_prose(source):
    """The reader drops blocks left blank only when something was hidden or
    decoded; every block it keeps holds prose that is not white space."""
    from unittest import mock

    from newslint.markup import markdown

    with mock.patch.object(markdown, "_simple_blocks", lambda source: None):
        general = markdown.read_markdown(source)
    for markup in (general, markdown.read_markdown(source)):
        assert all(markup.prose[b.start : b.end].strip() for b in markup.blocks)
