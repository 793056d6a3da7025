"""Rule packs: validation errors name file and line; patterns cannot hang a run;
every rule has every documentation section."""

from __future__ import annotations

import time

import pytest

from newslint import DOC_SECTIONS
from newslint.engine import Linter
from newslint.rulepacks import load_pack
from newslint.yamlfile import DataError

DOCS = """    docs:
      what-it-flags: a
      why-it-matters: b
      example: c
      instead: d
      references: e
"""


def write(tmp_path, body, name="pack.yaml"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "body, line, words",
    [
        ("rules:\n  - code: NL900\n    entries:\n      - pattern: 'a(b'\n", 4, "invalid pattern"),
        ("rules:\n  - code: NL900\n    colour: red\n", 3, "unknown key 'colour'"),
        ("rules:\n  - code: NL900\n    entries:\n      - phrase: x\n        sugestion: y\n",
         5, "unknown key 'sugestion'"),
        ("rules:\n  - code: NL900\n   bad: [\n", 3, "invalid YAML"),
        ("rules:\n  - code: NL900\n    entries:\n      - {phrase: x, pattern: y}\n",
         4, "exactly one of"),
    ],
)
def test_pack_errors_name_file_and_line(tmp_path, body, line, words):
    path = write(tmp_path, body)
    with pytest.raises(DataError) as info:
        load_pack(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert words in message


def test_invalid_pack_from_config_is_exit_2(tmp_path, run_cli):
    write(tmp_path, "rules:\n  - code: NL900\n    entries:\n      - pattern: '[z'\n")
    (tmp_path / ".newslint.yaml").write_text("rule-packs: [pack.yaml]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    code, out, err = run_cli(str(tmp_path / "a.txt"), cwd=tmp_path)
    assert code == 2
    assert err.count("\n") == 1 and "pack.yaml:4" in err and "invalid pattern" in err


def test_pack_rule_without_docs_is_an_error(tmp_path):
    path = write(tmp_path, "rules:\n  - code: NL900\n    name: x\n    summary: y\n")
    linter = Linter()
    with pytest.raises(DataError) as info:
        linter.registry.add_packs([str(path)])
    assert "needs docs" in str(info.value)


def test_catastrophic_pattern_is_stopped_not_hung(tmp_path, monkeypatch):
    import newslint.rulepacks as rulepacks

    monkeypatch.setattr(rulepacks, "PATTERN_TIMEOUT", 0.2)
    path = write(
        tmp_path,
        "rules:\n  - code: NL900\n    name: slow\n    summary: s\n" + DOCS
        + "    entries:\n      - pattern: '(?:x|xx)+y'\n",
    )
    from newslint.config import parse_config

    config = parse_config({"rule-packs": [str(path)], "select": ["NL900"]}, "cfg", str(tmp_path))
    linter = Linter(config=config)
    started = time.monotonic()
    article = tmp_path / "a.txt"
    article.write_text("x" * 60 + "\n", encoding="utf-8")
    report = linter.lint_paths([str(article)])
    assert time.monotonic() - started < 10
    assert report.errors and "NL900" in report.errors[0].message
    assert "took too long" in report.errors[0].message
    assert str(path) in report.errors[0].message


def test_a_user_pattern_added_to_a_builtin_rule_runs_with_the_timeout(tmp_path, monkeypatch):
    # newslint's own patterns run without one (reading the clock at every match
    # is costly); an entry from a user's pack brings it back for the whole rule.
    import newslint.rulepacks as rulepacks

    monkeypatch.setattr(rulepacks, "PATTERN_TIMEOUT", 0.2)
    assert Linter().registry.rules["NL202"].pattern_timeout is None
    path = write(tmp_path, "rules:\n  - code: NL202\n    entries:\n      - pattern: '(?:x|xx)+y'\n")
    from newslint.config import parse_config

    config = parse_config({"rule-packs": [str(path)], "select": ["NL202"]}, "cfg", str(tmp_path))
    linter = Linter(config=config)
    article = tmp_path / "a.txt"
    article.write_text("x" * 60 + "\n", encoding="utf-8")
    started = time.monotonic()
    report = linter.lint_paths([str(article)])
    assert time.monotonic() - started < 10
    assert report.errors and "took too long" in report.errors[0].message


def test_every_rule_has_every_documentation_section():
    rules = Linter().registry.rules
    assert rules
    for rule in rules.values():
        assert rule.summary.strip(), rule.code
        for section in DOC_SECTIONS:
            assert str(rule.docs.get(section, "")).strip(), f"{rule.code} lacks {section}"
        text = rule.documentation()
        assert all(f"## {s}" in text for s in DOC_SECTIONS)


def test_pack_can_remove_an_entry_of_another_pack(tmp_path):
    from newslint import lint_text

    path = write(tmp_path, "rules:\n  - code: NL503\n    remove: [will shock you]\n")
    headline = "The cost will shock you\n\nBody.\n"
    assert [f.code for f in lint_text(headline, path="a.txt")] == ["NL503"]
    assert lint_text(headline, path="a.txt", config={"rule-packs": [str(path)]}) == []


def test_bad_config_is_exit_2_with_file_line_and_key(tmp_path, run_cli):
    (tmp_path / ".newslint.yaml").write_text(
        "select: [NL5]\nseverity:\n  NL501: loud\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    code, _, err = run_cli("a.txt", cwd=tmp_path)
    assert code == 2 and ".newslint.yaml:3" in err and "NL501" in err
    (tmp_path / ".newslint.yaml").write_text("selec: [NL5]\n", encoding="utf-8")
    code, _, err = run_cli("a.txt", cwd=tmp_path)
    assert code == 2 and ".newslint.yaml:1" in err and "selec" in err
    (tmp_path / ".newslint.yaml").write_text("select: [NL5\n", encoding="utf-8")
    code, _, err = run_cli("a.txt", cwd=tmp_path)
    assert code == 2 and ".newslint.yaml:" in err and "invalid YAML" in err
