"""Suppression comments in Markdown, HTML and plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.config import parse_config
from newslint.document import Document
from newslint.engine import Linter
from newslint.markup.markdown import read_markdown
from newslint.suppression import parse_directives
from tests.test_html import assert_positions, core_plugins

PACK = str(Path(__file__).parent / "fixtures" / "loaded-words.yaml")


def make_linter(**extra):
    return Linter(plugins=core_plugins(), load_entry_points=False, config=parse_config({"rule-packs": [PACK], **extra}, "<test>", root="."))


@pytest.fixture(scope="module")
def linter():
    return make_linter()


@pytest.fixture(scope="module")
def unused_linter():
    return make_linter(**{"extend-select": ["NL001"]})


def texts(findings):
    return [(f.code, f.line, f.text) for f in findings]


# -- the four forms, in each markup -------------------------------------------

MD_RANGE = """# Budget vote

The regime met.

<!-- newslint-disable NL901 -->
The regime and its thugs met.

More regime here.
<!-- newslint-enable NL901 -->

The thugs left.
"""


def test_disable_enable_range_markdown(linter):
    findings = linter.lint_text(MD_RANGE, "a.md")
    assert texts(findings) == [("NL901", 3, "regime"), ("NL901", 11, "thugs")]


def test_disable_without_enable_runs_to_the_end(linter):
    text = "Para one regime.\n\n<!-- newslint-disable -->\n\nThe thugs left.\n\nThe regime.\n"
    assert texts(linter.lint_text(text, "a.md")) == [("NL901", 1, "regime")]


def test_disable_next_line_by_name(linter):
    text = (
        "The regime spoke.\n\n"
        "<!-- newslint-disable-next-line test-loaded-word -->\n"
        "The thugs left.\n\n"
        "The thugs returned.\n"
    )
    assert texts(linter.lint_text(text, "a.md")) == [
        ("NL901", 1, "regime"), ("NL901", 6, "thugs"),
    ]


def test_disable_line_at_the_end_of_a_line(linter):
    text = "The regime spoke. <!-- newslint-disable-line -->\nThe thugs left.\n"
    assert texts(linter.lint_text(text, "a.md")) == [("NL901", 2, "thugs")]


def test_codes_names_and_prefixes(linter):
    for selector in ("NL901", "nl901", "test-loaded-word", "NL9", "NL90", "ALL", "NL501,NL901",
                     "NL501 NL901"):
        text = f"The regime spoke. <!-- newslint-disable-line {selector} -->\n"
        assert linter.lint_text(text, "a.md") == [], selector
    # Another rule's name does not suppress this one.
    text = "The regime spoke. <!-- newslint-disable-line shouting-headline -->\n"
    assert texts(linter.lint_text(text, "a.md")) == [("NL901", 1, "regime")]


def test_inside_a_paragraph(linter):
    text = (
        "The regime <!-- newslint-disable NL901 --> and the thugs and the regime "
        "<!-- newslint-enable NL901 --> and the thugs.\n"
    )
    findings = linter.lint_text(text, "a.md")
    assert [f.start for f in findings] == [text.index("regime"), text.rindex("thugs")]
    assert_positions(text, findings)


def test_enable_some_rules_of_a_blanket_disable(linter):
    text = (
        "---\ntitle: Council SLAMS plan\n---\n"
        "<!-- newslint-disable -->\n"
        "The regime.\n\n<!-- newslint-enable NL901 -->\n\nThe thugs.\n"
    )
    findings = linter.lint_text(text, "a.md")
    assert texts(findings) == [("NL501", 2, "SLAMS"), ("NL901", 9, "thugs")]


def test_html_forms(linter):
    text = (
        "<h1>Council SLAMS plan</h1>\n"
        "<p>The regime spoke.</p> <!-- newslint-disable-line -->\n"
        "<!-- newslint-disable-next-line NL901 -->\n"
        "<p>The thugs left.</p>\n"
        "<!-- newslint-disable NL9 --><p>The regime and thugs.</p><!-- newslint-enable NL9 -->\n"
        "<p>A bombshell memo.</p>\n"
    )
    findings = linter.lint_text(text, "a.html")
    assert texts(findings) == [("NL501", 1, "SLAMS"), ("NL901", 6, "bombshell")]


def test_plain_text_uses_a_line_of_its_own(linter):
    text = (
        "The regime spoke.\n"
        "newslint-disable NL901\n"
        "The thugs left.\n"
        "newslint-enable NL901\n"
        "The thugs returned.\n"
        "newslint-disable-next-line\n"
        "The regime again.\n"
    )
    findings = linter.lint_text(text, "a.txt")
    assert texts(findings) == [("NL901", 1, "regime"), ("NL901", 5, "thugs")]


def test_reason_is_kept():
    text = "<!-- newslint-disable-next-line NL202 -- the minister's own label, quoted -->\nx\n"
    doc = Document(text, read_markdown(text), path="a.md", markup_name="markdown")
    from newslint.manager import build_registry, make_plugin_manager

    rules = build_registry(make_plugin_manager(core_plugins(), load_entry_points=False)).rules
    directives, problems = parse_directives(doc, rules)
    assert [p[2].split("”")[0] for p in problems] == ["“NL202"]  # no language rules loaded
    assert directives[0].reason == "the minister's own label, quoted"
    assert directives[0].kind == "disable-next-line"
    assert [s[0] for s in directives[0].selectors] == ["NL202"]


def test_reason_without_rules_is_a_blanket_disable(linter):
    text = "The regime spoke. <!-- newslint-disable-line -- an opinion piece -->\n"
    assert linter.lint_text(text, "a.md") == []


# -- NL002: unknown rules and directives ----------------------------------------


def test_unknown_rule_is_a_finding_not_a_crash(linter):
    text = "The regime spoke. <!-- newslint-disable-line NL999, loaded-langauge -->\n"
    findings = linter.lint_text(text, "a.md")
    assert texts(findings) == [
        ("NL901", 1, "regime"), ("NL002", 1, "NL999"), ("NL002", 1, "loaded-langauge"),
    ]
    assert_positions(text, findings)
    assert "not a rule" in findings[1].message


def test_unknown_directive_is_a_finding(linter):
    text = "The regime. <!-- newslint-disable-nextline -->\n\nnewslint-disabel\n"
    findings = linter.lint_text(text, "a.md")
    assert ("NL002", 1, "newslint-disable-nextline") in texts(findings)
    findings = linter.lint_text("The words.\nnewslint-disabel NL901\n", "a.txt")
    assert texts(findings) == []  # plain text: only the four directives are lines of their own


def test_other_comments_are_ignored(linter):
    text = "<!-- TODO: check the regime quote -->\n\nThe thugs.\n"
    assert texts(linter.lint_text(text, "a.md")) == [("NL901", 3, "thugs")]


# -- NL001: suppressions that suppress nothing --------------------------------------


def test_unused_disables_are_reported_only_when_asked(linter, unused_linter):
    text = (
        "The council met. <!-- newslint-disable-line -->\n\n"
        "The regime met. <!-- newslint-disable-line NL901 NL501 -->\n\n"
        "<!-- newslint-disable-next-line NL901 -->\nThe budget passed.\n"
    )
    assert linter.lint_text(text, "a.md") == []
    findings = unused_linter.lint_text(text, "a.md")
    assert texts(findings) == [
        ("NL001", 1, "<!-- newslint-disable-line -->"),
        ("NL001", 3, "NL501"),
        ("NL001", 5, "NL901"),
    ]
    assert_positions(text, findings)


def test_unused_disable_for_a_rule_not_run_is_not_reported():
    linter = make_linter(select=["NL001", "NL5"])
    text = "The regime met. <!-- newslint-disable-line NL901 -->\n"
    assert linter.lint_text(text, "a.md") == []


def test_report_unused_disables_flag(run_cli, tmp_path):
    (tmp_path / ".newslint.yaml").write_text(f"rule-packs: [{PACK}]\n")
    story = tmp_path / "story.md"
    story.write_text("The budget passed. <!-- newslint-disable-line NL901 -->\n")
    code, out, err = run_cli("--no-cache", str(story), cwd=tmp_path)
    assert (code, out) == (0, ""), err
    code, out, err = run_cli("--no-cache", "--report-unused-disables", str(story), cwd=tmp_path)
    assert code == 1
    assert "NL001" in out and ":1:47:" in out


def test_rule_docs_for_nl001_and_nl002(run_cli):
    for code in ("NL001", "NL002"):
        rc, out, _ = run_cli("rule", code)
        assert rc == 0
        for section in ("What it flags", "Why it matters", "Example", "Instead", "References"):
            assert section in out


def test_plain_text_directive_above_the_headline_keeps_the_headline():
    from newslint import lint_text

    text = "newslint-disable-next-line NL502\nSenate REJECTS budget?!\n\nBody.\n"
    findings = lint_text(text, path="a.txt")
    assert [(f.code, f.line) for f in findings if f.code.startswith("NL5")] == [("NL501", 2)]
