"""The pre-commit hook, run the way an article repository runs it:
`pre-commit try-repo` installs this checkout into its own environment and runs
the `newslint` hook over a temporary repository of Markdown, HTML and text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _pre_commit() -> str | None:
    beside = Path(sys.executable).with_name("pre-commit")
    return str(beside) if beside.exists() else shutil.which("pre-commit")


PRE_COMMIT = _pre_commit()

pytestmark = pytest.mark.skipif(
    PRE_COMMIT is None or shutil.which("git") is None, reason="needs pre-commit and git"
)


def git(cwd, *args):
    subprocess.run(
        ["git", "-c", "user.email=desk@example.org", "-c", "user.name=Desk", *args],
        cwd=cwd, check=True, capture_output=True,
    )


def test_hook_reports_findings_and_fails(tmp_path):
    repo = tmp_path / "articles"
    (repo / "stories").mkdir(parents=True)
    (repo / "stories" / "vote.md").write_text(
        "---\ntitle: Council SLAMS parking plan\n---\n\nThe council voted on Tuesday.\n"
    )
    (repo / "stories" / "storm.html").write_text(
        "<html><head><title>Storm</title></head><body>\n"
        "<h1>Storm hits coast?!</h1>\n<p>Rain fell overnight.</p>\n</body></html>\n"
    )
    (repo / "stories" / "calm.md").write_text("# Library opens\n\nThe library opened on Monday.\n")
    (repo / "notes.py").write_text("TITLE = 'NOT AN ARTICLE?!'\n")  # not a hook type
    git(repo, "init", "-q")
    git(repo, "add", ".")

    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "NO_COLOR": "1",
    }
    proc = subprocess.run(
        [PRE_COMMIT, "try-repo", str(ROOT), "newslint", "--all-files", "--color", "never"],
        cwd=repo, capture_output=True, text=True, env=env, timeout=300,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "newslint" in out and "Failed" in out
    assert "stories/vote.md:2:16: NL501" in out
    assert "stories/storm.html:2:21: NL502" in out
    assert "calm.md" not in out and "notes.py" not in out
