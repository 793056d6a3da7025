"""The HTML reader: prose, masking, the headline, blocks, links, character
references, and positions that point at the flagged characters in the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.config import parse_config
from newslint.engine import Linter
from newslint.markup.html import read_html

PACK = str(Path(__file__).parent / "fixtures" / "loaded-words.yaml")


def core_plugins():
    """newslint's core plugin and the headline rules: the tests here use those and
    a test rule pack, not the language lexicons (tuned elsewhere)."""
    import newslint.plugins.headline

    import newslint.builtin

    return [newslint.builtin, newslint.plugins.headline]


@pytest.fixture(scope="module")
def linter():
    return Linter(plugins=core_plugins(), load_entry_points=False, config=parse_config({"rule-packs": [PACK]}, "<test>", root="."))


def assert_positions(text: str, findings) -> None:
    """Every finding's offsets, lines and columns point at its text in the file."""
    assert findings
    for f in findings:
        assert text[f.start : f.end] == f.text, f
        for offset, line, column in ((f.start, f.line, f.column), (f.end, f.end_line, f.end_column)):
            assert line == text.count("\n", 0, offset) + 1, f
            assert column == offset - (text.rfind("\n", 0, offset) + 1) + 1, f


ARTICLE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Council REJECTS plan | The Daily Example</title>
  <meta property="og:title" content="Council REJECTS plan?!">
  <style>.regime { color: red }</style>
  <script>var thugs = "regime";</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/regime">Regime news</a></nav>
<article>
<h1>Mayor SLAMS council &ndash; again?!</h1>
<p class="regime">Zoë said the r&eacute;gime&rsquo;s plan, in <a href="https://example.org/report">a report</a>, was &ldquo;bold&rdquo;. The thugs left.</p>
<p>Run <code>regime --help</code> or see <img alt="regime" src="x.png"> the map.</p>
<pre>thugs in a pre block</pre>
<ul><li>First item about the regime</li><li>Second 🙂 item: thugs</ul>
<blockquote><p>The regime fell, she wrote.</p></blockquote>
<table><tr><th>Name</th><td>the bombshell cell</td></tr></table>
<figure><img src="a.jpg"><figcaption>A ravaging storm.</figcaption></figure>
</article>
</body>
</html>
"""


def test_positions_point_at_the_flagged_characters(linter):
    findings = linter.lint_text(ARTICLE, "story.html")
    assert_positions(ARTICLE, findings)
    texts = [(f.code, f.text) for f in findings]
    assert texts == [
        ("NL501", "SLAMS"),
        ("NL502", "?!"),
        ("NL901", "thugs"),
        ("NL901", "regime"),
        ("NL901", "thugs"),
        ("NL901", "regime"),
        ("NL901", "bombshell"),
        ("NL901", "ravaging"),
    ]


def test_masking():
    markup = read_html(ARTICLE)
    prose = markup.prose
    assert len(prose) == len(ARTICLE)
    for masked in ("color: red", "var thugs", "regime --help", "thugs in a pre", "Home",
                   "Regime news", 'alt="regime"', "class=", "<p", "DOCTYPE", "Daily Example"):
        assert masked not in prose, masked
    assert "Zoë said the r" in prose


def test_entities_read_as_characters_with_exact_offsets():
    text = "<p>He said &ldquo;no&rdquo; &amp; left &#8212; AT&T &#x201C;x&#x201D;</p>"
    markup = read_html(text)
    prose = markup.prose
    i = text.index("&ldquo;")
    assert prose[i : i + 7] == "“      "
    j = text.index("&rdquo;")
    assert prose[j] == "”"
    assert prose[text.index("&amp;")] == "&"
    assert prose[text.index("&#8212;")] == "—"
    assert prose[text.index("&#x201C;")] == "“"
    assert "AT&T" in prose  # not a reference: kept as written


def test_curly_quote_entities_make_a_quotation():
    from newslint.document import Document

    text = "<p>The minister said &ldquo;the regime is strong&rdquo; on Monday.</p>"
    doc = Document(text, read_html(text), path="a.html", markup_name="html")
    quote = doc.quotation_at(text.index("regime"))
    assert quote is not None
    assert text[quote.start : quote.end] == "&ldquo;the regime is strong&rdquo;"[:-6]


def test_quoted_words_are_not_flagged_after_entities(linter):
    text = "<p>She called them &ldquo;thugs&rdquo; and left; the regime stayed.</p>"
    findings = linter.lint_text(text, "a.html")
    assert [f.text for f in findings] == ["regime"]
    assert_positions(text, findings)


@pytest.mark.parametrize(
    "head,body,expected,field",
    [
        ('<title>Title HEADLINE | Site</title><meta property="og:title" content="Og HEADLINE">',
         "<h1>The H1 HEADLINE</h1>", "The H1 HEADLINE", None),
        ('<title>Title HEADLINE | Site</title><meta property="og:title" content="Og &amp; HEADLINE">',
         "<p>Body.</p>", "Og &amp; HEADLINE", "og:title"),
        ("<title>Title HEADLINE | Site</title>", "<p>Body.</p>", "Title HEADLINE", "title"),
    ],
)
def test_one_headline_h1_then_og_title_then_title(head, body, expected, field):
    text = f"<html><head>{head}</head><body>{body}</body></html>"
    markup = read_html(text)
    headlines = [b for b in markup.blocks if b.kind == "headline"]
    assert len(headlines) == 1
    assert text[headlines[0].start : headlines[0].end] == expected
    assert headlines[0].field == field
    # The candidates not chosen are not prose.
    assert markup.prose.count("HEADLINE") == 1


def test_og_title_headline_findings(linter):
    text = '<meta property="og:title" content="Mayor SLAMS &quot;plan&quot;?!">\n<p>Body.</p>'
    findings = linter.lint_text(text, "a.htm")
    assert [f.code for f in findings] == ["NL501", "NL502"]
    assert_positions(text, findings)


def test_blocks_and_blockquote():
    markup = read_html(ARTICLE)
    kinds = [(b.kind, ARTICLE[b.start : b.end], b.in_blockquote) for b in markup.blocks]
    assert ("list_item", "First item about the regime", False) in kinds
    assert ("table_cell", "Name", False) in kinds
    assert ("table_cell", "the bombshell cell", False) in kinds
    assert ("caption", "A ravaging storm.", False) in kinds
    assert ("paragraph", "The regime fell, she wrote.", True) in kinds


def test_unclosed_paragraphs_and_list_items_end_blocks():
    text = "<p>One thing.<p>Another thing.<ul><li>a<li>b</ul>"
    markup = read_html(text)
    assert [text[b.start : b.end] for b in markup.blocks] == ["One thing.", "Another thing.", "a", "b"]


def test_text_without_tags_splits_on_blank_lines():
    text = "First paragraph.\n\nSecond paragraph.\n"
    markup = read_html(text)
    assert [text[b.start : b.end] for b in markup.blocks] == ["First paragraph.", "Second paragraph."]


def test_links():
    markup = read_html(ARTICLE)
    report = [link for link in markup.links if link.target == "https://example.org/report"]
    assert len(report) == 1
    assert ARTICLE[report[0].start : report[0].end] == "a report"
    # Navigation is masked, so its links are not the article's.
    assert all(link.target != "/regime" for link in markup.links)


def test_q_element_is_a_quotation(linter):
    from newslint.document import Document

    text = "<p>The mayor said <q>the regime must go</q> on Monday.</p>"
    doc = Document(text, read_html(text), path="a.html", markup_name="html")
    assert doc.in_quotation(text.index("regime"))
    findings = linter.lint_text(text, "a.html")
    assert findings == []


def test_comments_are_recorded():
    text = "<p>Text <!-- newslint-disable-line --></p>\n<!-- note -->"
    markup = read_html(text)
    assert [text[c.start : c.end] for c in markup.comments] == [
        "<!-- newslint-disable-line -->", "<!-- note -->",
    ]
    assert [c.body for c in markup.comments] == [" newslint-disable-line ", " note "]
    assert "note" not in markup.prose


def test_crlf_and_multibyte_positions(linter):
    text = "<html>\r\n<body>\r\n<h1>Zoë SLAMS 🙂 plan?!</h1>\r\n<p>Ça va: the régime &amp; the regime.</p>\r\n</body></html>\r\n"
    findings = linter.lint_text(text, "a.html")
    assert [f.text for f in findings] == ["SLAMS", "?!", "regime"]
    assert_positions(text, findings)


def test_broken_markup_does_not_crash(linter):
    for text in ["<p>unclosed <b>bold", "</p></div>stray regime", "<!-- never closed",
                 "<p>a & b &", "<a href=x>link", "<<>>", "<script>regime"]:
        markup = read_html(text)
        assert len(markup.prose) == len(text)
        linter.lint_text(text, "a.html")


def test_the_article_h1_wins_over_a_logo_h1():
    text = (
        '<body><header><h1 class="logo">Daily Example</h1></header>'
        "<main><article><h1>Ferry RETURNS</h1><p>Body.</p><h1>Another</h1></article></main></body>"
    )
    markup = read_html(text)
    kinds = sorted((b.kind, text[b.start : b.end]) for b in markup.blocks)
    assert kinds == [
        ("heading", "Another"), ("heading", "Daily Example"),
        ("headline", "Ferry RETURNS"), ("paragraph", "Body."),
    ]


def test_deleted_text_is_not_prose():
    text = "<p>The <del>regime</del> <ins>government</ins> met.</p>"
    assert "regime" not in read_html(text).prose


_HTML_ALPHABET = st.sampled_from(
    list("ab X.,;:!?\n\r\t\"'“”<>/&=#;") + [
        "<p>", "</p>", "<q>", "</q>", "<a href='x'>", "</a>", "<h1>", "</h1>", "<br>",
        "<script>", "</script>", "<!--", "-->", "<!-- newslint-disable -->", "&amp;",
        "&rdquo;", "&#8220;", "&#x27;", "&bogus;", "&", "<title>", "</title>", "<td>",
        "<blockquote>", "<meta property=\"og:title\" content=\"A &amp; B?!\">", "é", "🎉",
        "<![CDATA[x]]>", "<?php x ?>", "<!DOCTYPE html>", "regime ", "SLAMS ",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(_HTML_ALPHABET, max_size=80).map("".join)))
def test_arbitrary_html(text):
    markup = read_html(text)
    assert len(markup.prose) == len(text)
    for i, (p, t) in enumerate(zip(markup.prose, text, strict=True)):
        # Prose is the text, a blank, or a decoded reference or <q> mark in its place.
        assert p == t or p == " " or t in "&>" or (t == "<" and text.startswith("</q", i)), (i, p, t)
    for b in markup.blocks:
        assert 0 <= b.start < b.end <= len(text)
    for c in markup.comments:
        assert text.startswith("<", c.start) and c.end <= len(text)


def test_arbitrary_html_through_the_pipeline(linter):
    for text in ["<h1>A &amp; B SLAMS?!</h1>", "<p>&rdquo;regime&ldquo;", "<q><q>x</q>"]:
        findings = linter.lint_text(text, "a.html")
        for f in findings:
            assert text[f.start : f.end] == f.text
