"""Positions are exact in the file as written: front matter, CRLF, BOM, emoji,
combining characters."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.reading import decode

PACK = """
rules:
  - code: NL901
    name: test-word
    severity: info
    summary: A word used to test positions.
    message: "“{text}” found."
    quotations: include
    docs:
      what-it-flags: the word zebra
      why-it-matters: tests
      example: a zebra
      instead: a horse
      references: none
    entries:
      - phrase: zebra crossing
      - phrase: zebra
"""


@pytest.fixture
def config(tmp_path):
    pack = tmp_path / "test-pack.yaml"
    pack.write_text(PACK, encoding="utf-8")
    return {"rule-packs": [str(pack)], "select": ["NL901", "NL5"]}


def check_exact(text, findings):
    assert findings
    for f in findings:
        assert text[f.start : f.end] == f.text
        lines = text.split("\n")
        line = lines[f.line - 1]
        assert line[f.column - 1 : f.column - 1 + len(f.text)] == f.text


def test_markdown_front_matter_positions(config):
    text = "---\ntitle: A zebra story\nauthor: zebra\n---\n\nThe *zebra* ran.\n"
    findings = lint_text(text, path="a.md", config=config)
    check_exact(text, findings)
    # the author field is masked; the title is the headline; the body word counts
    assert [(f.line, f.column) for f in findings] == [(2, 10), (6, 6)]


def test_crlf_line_endings(config):
    text = "Headline here\r\n\r\nA zebra walks.\r\nAnother zebra crossing.\r\n"
    findings = lint_text(text, path="a.txt", config=config)
    check_exact(text, findings)
    assert [(f.line, f.column, f.text) for f in findings] == [
        (3, 3, "zebra"),
        (4, 9, "zebra crossing"),
    ]


def test_crlf_markdown(config):
    text = "# Title\r\n\r\nA zebra\r\nwalks past a zebra.\r\n"
    findings = lint_text(text, path="a.md", config=config)
    check_exact(text, findings)
    assert [(f.line, f.column) for f in findings] == [(3, 3), (4, 14)]


def test_bom_is_removed_and_positions_count_from_the_text():
    text = decode("\ufeffA zebra.\n".encode())
    assert text == "A zebra.\n"


def test_emoji_and_combining_characters(config):
    text = "Title\n\n🎉🎉 A zebra. Cafe\u0301 zebra\n"
    findings = lint_text(text, path="a.txt", config=config)
    check_exact(text, findings)
    # columns are code points: two emoji are two columns, e + combining accent two
    assert [(f.line, f.column, f.end_column) for f in findings] == [(3, 6, 11), (3, 19, 24)]


def test_headline_rule_after_emoji():
    text = "🎉 Senate REJECTS budget?!\n\nBody.\n"
    findings = lint_text(text, path="a.txt")
    check_exact(text, findings)
    assert [(f.code, f.column) for f in findings if f.code.startswith("NL5")] == [
        ("NL501", 10),
        ("NL502", 24),
    ]


def test_phrase_across_soft_line_break_in_markdown(config):
    text = "A line that ends in zebra\ncrossing continues.\n"
    findings = lint_text(text, path="a.md", config=config)
    assert [(f.text, f.line, f.end_line) for f in findings] == [("zebra\ncrossing", 1, 2)]
