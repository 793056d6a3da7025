"""Per-path configuration: per-file sections (select, ignore, severity, rule
options), the nearest config winning across nested directories, and exclude."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newslint.engine import Linter
from newslint.finding import Severity
from tests.test_html import PACK, core_plugins

STORY = "---\ntitle: Mayor SLAMS council?!\n---\n\nThe regime met. The thugs left.\n"


def make_tree(root: Path, files: dict[str, str]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root


def lint(root: Path, *paths: str):
    linter = Linter(plugins=core_plugins(), load_entry_points=False)
    report = linter.lint_paths([str(root / p) for p in paths] or [str(root)], jobs=1)
    assert not report.errors, report.errors
    return {
        os.path.relpath(r.path, root).replace(os.sep, "/"): [(f.code, f.text, f.severity) for f in r.findings]
        for r in report.files
    }


W, E, INFO = Severity.WARNING, Severity.ERROR, Severity.INFO
ALL = [("NL501", "SLAMS", W), ("NL502", "?!", W), ("NL901", "regime", W), ("NL901", "thugs", W)]


@pytest.fixture
def tree(tmp_path):
    config = f"""
rule-packs: [{PACK}]
per-file:
  "opinion/**":
    ignore: [NL9]
  "*.txt":
    select: [NL502]
  "wire/*.md":
    severity:
      test-loaded-word: error
      NL5: info
  "columns/":
    shouting-headline:
      allow: [SLAMS]
"""
    return make_tree(tmp_path, {
        ".newslint.yaml": config,
        "news/a.md": STORY,
        "opinion/2024/b.md": STORY,
        "notes.txt": "Mayor SLAMS council?!\n\nThe regime met.\n",
        "wire/c.md": STORY,
        "wire/deeper/d.md": STORY,
        "columns/e.md": STORY,
    })


def test_per_file_select_ignore_severity_and_options(tree):
    found = lint(tree)
    assert found["news/a.md"] == ALL
    assert found["opinion/2024/b.md"] == ALL[:2]  # ignore: NL9
    assert found["notes.txt"] == [("NL502", "?!", W)]  # select
    assert found["wire/c.md"] == [
        ("NL501", "SLAMS", INFO), ("NL502", "?!", INFO), ("NL901", "regime", E), ("NL901", "thugs", E),
    ]
    assert found["wire/deeper/d.md"] == ALL  # "*" does not cross directories
    assert found["columns/e.md"] == ALL[1:]  # the rule's option, for one directory


def test_per_file_globs_are_relative_to_the_config_not_the_cwd(tree, monkeypatch):
    monkeypatch.chdir(tree / "opinion")
    assert lint(tree, "opinion/2024/b.md")["opinion/2024/b.md"] == ALL[:2]


def test_sections_apply_in_order_later_wins(tmp_path):
    make_tree(tmp_path, {
        ".newslint.yaml": f"""
rule-packs: [{PACK}]
per-file:
  "opinion/**": {{ignore: [NL901]}}
  "opinion/letters/*": {{extend-select: [NL901]}}
""",
        "opinion/x.md": STORY,
        "opinion/letters/y.md": STORY,
    })
    found = lint(tmp_path)
    assert found["opinion/x.md"] == ALL[:2]
    assert found["opinion/letters/y.md"] == ALL


def test_nearest_config_wins(tmp_path):
    make_tree(tmp_path, {
        ".newslint.yaml": f"rule-packs: [{PACK}]\nignore: [NL5]\n",
        "top.md": STORY,
        "desk/a.md": STORY,
        # A nearer config replaces the outer one (no merging): NL5 runs again here,
        # and the rule pack is not loaded.
        "desk/metro/.newslint.yaml": "select: [NL501]\n",
        "desk/metro/b.md": STORY,
        "desk/metro/deep/c.md": STORY,
        "sports/pyproject.toml": f'[tool.newslint]\nrule-packs = ["{PACK}"]\nselect = ["NL9"]\n',
        "sports/d.md": STORY,
    })
    found = lint(tmp_path)
    assert found["top.md"] == ALL[2:]
    assert found["desk/a.md"] == ALL[2:]
    assert found["desk/metro/b.md"] == [("NL501", "SLAMS", W)]
    assert found["desk/metro/deep/c.md"] == [("NL501", "SLAMS", W)]
    assert found["sports/d.md"] == ALL[2:]


def test_exclude(tmp_path):
    make_tree(tmp_path, {
        ".newslint.yaml": 'exclude: ["drafts/**", "archive/1999/", "*.tmp.md", "/root-only.md"]\n',
        "a.md": STORY,
        "root-only.md": STORY,
        "sub/root-only.md": STORY,
        "drafts/x.md": STORY,
        "archive/1999/y.md": STORY,
        "archive/2000/z.md": STORY,
        "news/draft.tmp.md": STORY,
        "desk/.newslint.yaml": 'exclude: ["private/"]\n',
        "desk/private/p.md": STORY,
        "desk/drafts/q.md": STORY,  # the outer exclude does not apply under desk/
    })
    assert sorted(lint(tmp_path)) == [
        "a.md", "archive/2000/z.md", "desk/drafts/q.md", "sub/root-only.md",
    ]
    # A file named on the command line is linted even when excluded.
    assert list(lint(tmp_path, "drafts/x.md")) == ["drafts/x.md"]


def test_bad_per_file_section_names_file_line_and_key(tmp_path):
    from newslint.yamlfile import DataError

    make_tree(tmp_path, {
        ".newslint.yaml": 'per-file:\n  "opinion/**":\n    ignore: [NL9999]\n',
        "opinion/a.md": STORY,
    })
    linter = Linter(plugins=core_plugins(), load_entry_points=False)
    with pytest.raises(DataError) as info:
        linter.lint_text(STORY, str(tmp_path / "opinion" / "a.md"))
    assert ".newslint.yaml:3" in str(info.value) and "NL9999" in str(info.value)
    make_tree(tmp_path, {
        ".newslint.yaml": 'per-file:\n  "opinion/**":\n    shouting-headline:\n      nope: 1\n',
    })
    from newslint.config import find_config_file

    find_config_file.cache_clear()
    linter = Linter(plugins=core_plugins(), load_entry_points=False)
    with pytest.raises(DataError) as info:
        linter.lint_text(STORY, str(tmp_path / "opinion" / "a.md"))
    assert ".newslint.yaml:3" in str(info.value) and "nope" in str(info.value)


def test_config_finder_cached_by_folder_agrees_with_lookup(tmp_path):
    from newslint.config import ConfigFinder

    make_tree(tmp_path, {
        ".newslint.yaml": "ignore: [NL101]\n",
        "desk/.newslint.yaml": "ignore: [NL102]\n",
        "desk/a.txt": STORY,
        "desk/sub/b.txt": STORY,
    })
    root, desk = str(tmp_path), str(tmp_path / "desk")
    paths = [
        desk + "/a.txt", desk + "/b.txt", desk + "/sub/b.txt", desk + "/sub/..",
        desk + "/.", desk + "/", desk + "/sub/../a.txt", root + "/x.txt", "desk/a.txt",
    ]
    cached, fresh = ConfigFinder(), ConfigFinder()
    for path in paths + paths[::-1]:
        assert cached.for_path(path).path == fresh._find(path).path, path


def test_relative_paths_find_the_same_configs_as_absolute_ones(tmp_path, monkeypatch):
    # A run looks relative paths up through the working directory read once.
    make_tree(tmp_path, {
        ".newslint.yaml": f'rule-packs: [{PACK}]\nignore: [NL5]\nexclude: ["drafts/"]\n',
        "top.md": STORY,
        "drafts/x.md": STORY,
        "desk/metro/.newslint.yaml": "select: [NL501]\n",
        "desk/metro/b.md": STORY,
        "desk/../desk/a.md": STORY,
    })
    absolute = lint(tmp_path)
    monkeypatch.chdir(tmp_path / "desk")
    linter = Linter(plugins=core_plugins(), load_entry_points=False)
    report = linter.lint_paths(["..", "metro/b.md", "../top.md"], jobs=1)
    relative = {
        os.path.relpath(r.path, tmp_path.parent / tmp_path.name / "desk").replace(os.sep, "/"):
        [(f.code, f.text, f.severity) for f in r.findings]
        for r in report.files
    }
    assert relative["../top.md"] == absolute["top.md"] == ALL[2:]
    assert relative["metro/b.md"] == absolute["desk/metro/b.md"] == [("NL501", "SLAMS", W)]
    assert relative["a.md"] == absolute["desk/a.md"] == ALL[2:]
    assert "../drafts/x.md" not in relative and "drafts/x.md" not in absolute
    assert linter._cwd is None  # only while a run lasts
