"""The Markdown reader: tables, footnotes, reference links, autolinks, raw HTML
blocks, MDX comments and imports, shortcodes, and exact positions throughout."""

from __future__ import annotations

import pytest

from newslint.config import parse_config
from newslint.engine import Linter
from newslint.markup.markdown import read_markdown
from tests.test_html import PACK, assert_positions, core_plugins


@pytest.fixture(scope="module")
def linter():
    return Linter(
        plugins=core_plugins(), load_entry_points=False,
        config=parse_config({"rule-packs": [PACK]}, "<test>", root="."),
    )


def flagged(linter, text, path="story.md"):
    findings = linter.lint_text(text, path)
    if findings:
        assert_positions(text, findings)
    return [f.text for f in findings]


def block_texts(text, kind=None):
    markup = read_markdown(text)
    return [text[b.start : b.end] for b in markup.blocks if kind is None or b.kind == kind]


ARTICLE = """---
title: "Zoë's council SLAMS 🙂 plan?!"
tags: [regime, thugs]
author: Desk
---

Ça commence: the régime said in [a report][r1] that [the thugs] had gone 🙂 regime.
Later, a bombshell[^memo].

| Ward 🙂 | Vote |
|:-----|-----:|
| Nörth `regime` | the thugs |
| a \\| pipe | ravaging [link](https://example.org/regime) |

[^memo]: The memo called them thugs.

[r1]: https://example.org/regime "regime title"
[the thugs]: <https://example.org/thugs>
"""


def test_positions_after_front_matter_tables_footnotes_and_multibyte(linter):
    assert flagged(linter, ARTICLE) == [
        "SLAMS", "?!", "thugs", "regime", "bombshell", "thugs", "ravaging", "thugs",
    ]  # not "régime", nor the words in front matter, code, link targets and titles


def test_crlf_positions(linter):
    text = ARTICLE.replace("\n", "\r\n")
    assert len(flagged(linter, text)) == 8


def test_tables():
    text = "| A | B regime |\n|---|---|\n| `code` | x \\| y |\n| Zoë | **bold** |\n| yes | yes |\n"
    # A cell of code alone has no prose, so no block.
    assert block_texts(text, "table_cell") == [
        "A", "B regime", "x \\| y", "Zoë", "**bold**", "yes", "yes",
    ]
    markup = read_markdown(text)
    assert len({b.start for b in markup.blocks}) == len(markup.blocks)  # same text, own cell
    prose = read_markdown(text).prose
    assert "code" not in prose and "**" not in prose and "x  | y" in prose


def test_footnotes():
    text = "A claim[^1] here.\n\n[^1]: The source, a memo.\n"
    markup = read_markdown(text)
    assert "[^1]" not in markup.prose
    assert "The source, a memo." in markup.prose
    assert "A claim     here." in markup.prose


def test_reference_links_full_collapsed_and_shortcut():
    text = (
        "See [the report][rep], [Memo][] and [memo] and [not a link].\n\n"
        "[rep]: https://example.org/report\n[memo]: https://example.org/memo 'Title'\n"
    )
    markup = read_markdown(text)
    links = [(text[link.start : link.end], link.target) for link in markup.links]
    assert links == [
        ("the report", "https://example.org/report"),
        ("Memo", "https://example.org/memo"),
        ("memo", "https://example.org/memo"),
    ]
    assert "[not a link]" in markup.prose
    assert "example.org" not in markup.prose and "Title" not in markup.prose


def test_autolinks_and_bare_urls():
    text = "Write to <desk@example.org> or see <https://example.org/regime> and https://example.org/x.\n"
    markup = read_markdown(text)
    assert [link.target for link in markup.links] == ["desk@example.org", "https://example.org/regime"]
    assert "example" not in markup.prose
    assert markup.prose.rstrip().endswith(".")


def test_raw_html_blocks_are_read_as_html(linter):
    text = (
        "# Budget vote\n\n"
        '<div class="regime">\n<p>The regime &amp; its &ldquo;friends&rdquo; met.</p>\n</div>\n\n'
        "<figure>\n  <img src=\"thugs.png\" alt=\"thugs\">\n"
        "  <figcaption>Thugs, said <a href=\"https://example.org\">the report</a>.</figcaption>\n"
        "</figure>\n\n"
        "<script>\nvar regime = 1;\n</script>\n\nAfter.\n"
    )
    markup = read_markdown(text)
    assert "The regime &     its “      friends”       met." in markup.prose
    assert "class" not in markup.prose and "var regime" not in markup.prose
    assert ("the report", "https://example.org") in [
        (text[link.start : link.end], link.target) for link in markup.links
    ]
    assert block_texts(text) == [
        "Budget vote", "The regime &amp; its &ldquo;friends&rdquo; met.",
        'Thugs, said <a href="https://example.org">the report</a>.', "After.",
    ]
    assert flagged(linter, text) == ["regime", "Thugs"]


def test_html_h1_in_markdown_is_the_headline_only_without_another():
    assert [b.kind for b in read_markdown("<h1>Title</h1>\n\nText.\n").blocks] == [
        "headline", "paragraph",
    ]
    text = "---\ntitle: Front\n---\n<h1>Second</h1>\n"
    assert [b.kind for b in read_markdown(text).blocks] == ["headline", "heading"]


def test_mdx_comments_ignored_and_recorded_as_directives(linter):
    text = "The regime {/* thugs regime */} left.\n\n{/* newslint-disable-next-line */}\nThe thugs.\n"
    markup = read_markdown(text)
    assert "thugs regime" not in markup.prose
    assert flagged(linter, text, "story.mdx") == ["regime"]


def test_mdx_imports_and_exports_are_not_prose():
    text = (
        "import Chart from '../components/Chart'\nimport { Tweet } from \"x\"\n\n"
        "export const meta = { title: 'regime' }\n\nImport duties rose.\n"
    )
    assert block_texts(text) == ["Import duties rose."]


@pytest.mark.parametrize(
    "shortcode",
    [
        '{{< tweet user="regime" id="1" >}}',
        '{{% notice note %}}',
        '{{ page.regime }}',
        '{% include figure.html caption="thugs regime" %}',
        '{{< figure src="x.png"\n  caption="the regime" >}}',
    ],
)
def test_shortcodes_are_masked(linter, shortcode):
    text = f"Before.\n\n{shortcode}\n\nThe council met {shortcode} today.\n"
    markup = read_markdown(text)
    assert "regime" not in markup.prose and "thugs" not in markup.prose
    assert block_texts(text) == ["Before.", f"The council met {shortcode} today."]
    assert flagged(linter, text) == []


def test_code_is_masked():
    text = "Text `regime` here.\n\n```\nregime\n```\n\n    indented regime\n"
    assert "regime" not in read_markdown(text).prose


def test_blockquote_and_lists():
    text = "> The regime fell.\n> Quoted.\n\n* one regime\n  * nested\n"
    markup = read_markdown(text)
    kinds = [(b.kind, b.in_blockquote) for b in markup.blocks]
    assert kinds == [("paragraph", True), ("list_item", False), ("list_item", False)]


def test_entity_references_read_as_characters(linter):
    text = "She called them &ldquo;thugs&rdquo; &amp; left; the regime stayed. `&amp;` AT&T\n"
    prose = read_markdown(text).prose
    assert prose[text.index("&ldquo;")] == "“" and prose[text.index("&rdquo;")] == "”"
    assert "AT&T" in prose and "`" not in prose
    assert flagged(linter, text) == ["regime"]  # "thugs" is inside the quotation


def test_raw_html_in_list_items_and_blockquotes(linter):
    text = "- <div>The regime</div>\n- two\n\n> <p>The thugs\n> left.</p>\n> <!-- newslint-disable-line -->\n"
    markup = read_markdown(text)
    assert [(b.kind, b.in_blockquote, text[b.start : b.end]) for b in markup.blocks] == [
        ("paragraph", False, "The regime"), ("list_item", False, "two"),
        ("paragraph", True, "The thugs\n> left."),
    ]
    assert "-" not in markup.prose and ">" not in markup.prose
    assert flagged(linter, text) == ["regime", "thugs"]
