"""Baselines (--write-baseline, --baseline) and changed-lines mode (--diff-base)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACK = str(Path(__file__).parent / "fixtures" / "loaded-words.yaml")

# The CLI with newslint's core plugin and the headline rules only, plus the
# test rule pack: what is tested here is the baseline, not the lexicons.
CORE_CLI = """
import sys
import newslint.builtin, newslint.plugins.headline
import newslint.engine as engine
from newslint.manager import make_plugin_manager
core = [newslint.builtin, newslint.plugins.headline]
engine.make_plugin_manager = lambda plugins=(), load_entry_points=None: make_plugin_manager(
    [*core, *plugins], load_entry_points=False)
from newslint.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def cli(tmp_path):
    def run(*args, cwd=None, input=None):
        proc = subprocess.run(
            [sys.executable, "-c", CORE_CLI, "--no-cache", *map(str, args)],
            capture_output=True, text=True, cwd=cwd or tmp_path, input=input,
            env={**os.environ, "NO_COLOR": "1"},
        )
        return proc.returncode, proc.stdout, proc.stderr

    return run


A_MD = """---
title: "Council SLAMS budget plan"
date: 2024-03-01
---

The council met on Tuesday. The regime of fees was debated.

| Ward | Vote |
|------|------|
| North | thugs[^1] |

[^1]: A bombshell memo, the clerk said.
"""

B_HTML = """<html><head><title>Quiet day</title></head>
<body>
<p>The regime &amp; the thugs.</p>
<p>Rain is expected.</p>
</body></html>
"""

C_TXT = """Ferry service resumes

The ferry runs again after the storm.
"""


@pytest.fixture
def archive(tmp_path):
    root = tmp_path / "archive"
    (root / "stories" / "2024").mkdir(parents=True)
    (root / ".newslint.yaml").write_text(f"rule-packs: [{PACK}]\n")
    (root / "stories" / "2024" / "a.md").write_text(A_MD)
    (root / "stories" / "b.html").write_text(B_HTML)
    (root / "stories" / "c.txt").write_text(C_TXT)
    return root


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_baseline_hides_old_findings_and_reports_new_ones(cli, archive):
    code, out, err = cli("stories", cwd=archive)
    assert code == 1 and out.count("\n") == 6, out  # SLAMS, regime, thugs, bombshell; regime, thugs

    code, out, err = cli("--write-baseline", "newslint-baseline.json", "stories", cwd=archive)
    assert (code, out) == (0, ""), err
    assert "wrote 6 findings" in err
    data = json.loads((archive / "newslint-baseline.json").read_text())
    assert data["version"] == 1 and len(data["findings"]) == 6
    assert {e["path"] for e in data["findings"]} == {"stories/2024/a.md", "stories/b.html"}
    assert not [p for p in os.listdir(archive) if p.endswith(".tmp")]

    code, out, err = cli("--baseline", "newslint-baseline.json", "stories", cwd=archive)
    assert (code, out, err) == (0, "", "")

    # One new loaded word in one file: only that finding.
    story = archive / "stories" / "b.html"
    write(story, B_HTML.replace("Rain is expected.", "Rain is ravaging the coast."))
    code, out, err = cli("--baseline", "newslint-baseline.json", "stories", cwd=archive)
    assert code == 1
    assert out.splitlines() == [
        f"stories{os.sep}b.html:4:12: NL901 [warning] “ravaging” is a loaded word; say what happened."
    ]


def test_moving_lines_does_not_resurface_old_findings(cli, archive):
    cli("--write-baseline", "base.json", "stories", cwd=archive)
    story = archive / "stories" / "2024" / "a.md"
    moved = A_MD.replace(
        "date: 2024-03-01\n---\n",
        "date: 2024-03-01\n---\n\nA new first paragraph.\n\n<!-- an editor's note -->\n",
    )
    # Rewrap the sentence over two lines, too: whitespace does not matter.
    moved = moved.replace("The regime of fees", "The regime\nof  fees")
    write(story, moved)
    html = archive / "stories" / "b.html"
    write(html, B_HTML.replace("<p>The regime", "<p>Intro.</p>\n\n\n<p>The regime"))
    code, out, err = cli("--baseline", "base.json", "stories", cwd=archive)
    assert (code, out, err) == (0, "", "")


def test_the_same_word_again_in_the_same_sentence_is_new(cli, archive):
    cli("--write-baseline", "base.json", "stories", cwd=archive)
    html = archive / "stories" / "b.html"
    write(html, B_HTML.replace("<p>Rain is expected.</p>", "<p>The regime &amp; the thugs.</p>"))
    code, out, err = cli("--baseline", "base.json", "stories", cwd=archive)
    assert code == 1 and out.count("\n") == 2, out


def test_stale_entries_are_counted(cli, archive):
    cli("--write-baseline", "base.json", "stories", cwd=archive)
    write(archive / "stories" / "b.html", B_HTML.replace("The regime &amp; the thugs.", "Calm."))
    code, out, err = cli("--baseline", "base.json", "stories", cwd=archive)
    assert (code, out) == (0, "")
    assert "2 baseline entries in base.json no longer match" in err
    # Entries of files not linted in this run are not stale.
    code, out, err = cli("--baseline", "base.json", "stories/c.txt", cwd=archive)
    assert (code, out, err) == (0, "", "")


def test_baseline_paths_are_relative_to_the_baseline_file(cli, archive, tmp_path):
    cli("--write-baseline", "base.json", "stories", cwd=archive)
    code, out, err = cli("--baseline", archive / "base.json", archive / "stories", cwd=tmp_path)
    assert (code, out, err) == (0, "", "")


def test_baseline_with_stdin(cli, archive):
    cli("--write-baseline", "base.json", "stories", cwd=archive)
    code, out, err = cli(
        "--baseline", "base.json", "--stdin-filename", "stories/b.html", "-",
        cwd=archive, input=B_HTML + "<p>A bombshell.</p>\n",
    )
    assert code == 1 and out.count("\n") == 1 and "bombshell" in out


@pytest.mark.parametrize(
    "content,message",
    [(None, "cannot read baseline"), ("{not json", "not valid JSON"),
     ('{"version": 1}', "no 'findings' list"), ('{"version": 9, "findings": []}', "version 9")],
)
def test_bad_baseline_is_a_usage_error(cli, archive, content, message):
    if content is not None:
        write(archive / "bad.json", content)
    code, out, err = cli("--baseline", "bad.json", "stories", cwd=archive)
    assert code == 2 and message in err


def test_write_baseline_replaces_the_file_atomically(archive):
    from newslint.baseline import load_baseline, write_baseline
    from newslint.engine import FileResult

    target = archive / "base.json"
    write(target, "old")
    assert write_baseline(str(target), [FileResult("stories/x.md", [])]) == 0
    assert load_baseline(str(target)).entries == {}
    assert sorted(os.listdir(archive)) == [".newslint.yaml", "base.json", "stories"]
    if os.name == "posix":
        assert target.stat().st_mode & 0o044  # readable by others, as the umask allows


# -- changed-lines mode ------------------------------------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd, *args):
    subprocess.run(
        ["git", "-c", "user.email=desk@example.org", "-c", "user.name=Desk",
         "-c", "commit.gpgsign=false", *args],
        cwd=cwd, check=True, capture_output=True,
    )


@pytest.fixture
def repo(archive):
    git(archive, "init", "-q")
    git(archive, "add", ".")
    git(archive, "commit", "-q", "-m", "archive")
    return archive


@needs_git
def test_diff_base_reports_only_changed_lines(cli, repo):
    story = repo / "stories" / "b.html"
    write(story, B_HTML.replace("Rain is expected.", "Rain is ravaging the coast."))
    code, out, err = cli("--diff-base", "HEAD", "stories", cwd=repo)
    assert code == 1, err
    assert [line.split(": ")[0] for line in out.splitlines()] == [f"stories{os.sep}b.html:4:12"]
    # A file that is new since the ref is changed throughout.
    write(repo / "stories" / "new.md", "The regime.\n\nThe thugs.\n")
    code, out, err = cli("--diff-base", "HEAD", "stories", cwd=repo)
    assert out.count("new.md") == 2 and out.count("b.html") == 1
    # Nothing changed since the working tree: nothing reported.
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "edit")
    code, out, err = cli("--diff-base", "HEAD", "stories", cwd=repo)
    assert (code, out) == (0, "")
    code, out, err = cli("--diff-base", "HEAD~1", "stories", cwd=repo)
    assert code == 1 and out.count("\n") == 3


@needs_git
def test_diff_base_with_stdin(cli, repo):
    text = A_MD.replace("Tuesday.", "Tuesday; thugs.")
    code, out, err = cli(
        "--diff-base", "HEAD", "--stdin-filename", "stories/2024/a.md", "-", cwd=repo, input=text
    )
    assert code == 1 and out.count("\n") == 2, out  # regime and thugs on the edited line
    assert all(":6:" in line for line in out.splitlines())


@needs_git
def test_diff_base_errors(cli, repo, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    write(outside / "a.md", "The regime.\n")
    code, out, err = cli("--diff-base", "HEAD", "a.md", cwd=outside)
    assert code == 2 and "needs a git repository" in err
    code, out, err = cli("--diff-base", "no-such-ref", "stories", cwd=repo)
    assert code == 2 and "'no-such-ref' is not a commit" in err


def test_parse_diff():
    from newslint.gitdiff import parse_diff

    output = (
        "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -3 +3 @@\n-a\n+b\n"
        "@@ -10,0 +11,2 @@\n+c\n+d\n@@ -20,3 +22,0 @@\n-e\n"
        "diff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
        "diff --git a/ü n.md b/ü n.md\n--- a/ü n.md\n+++ b/ü n.md\n@@ -1,2 +1,2 @@\n"
    )
    assert parse_diff(output) == {"x.md": {3, 11, 12}, "ü n.md": {1, 2}}
