from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "seed-article.txt"


def pytest_configure(config):
    # The suite's runs keep their derived files (parsed packs, prefilters,
    # compiled patterns) in a folder of their own, not the user's cache: the
    # tests make packs and plugins under temporary paths, each a new file there.
    # (The subprocesses the tests start inherit it.)
    home = tempfile.mkdtemp(prefix="newslint-test-cache-")
    os.environ["XDG_CACHE_HOME"] = home
    # At exit, after the pattern store's own exit handler (registered later,
    # so run earlier) has written to it.
    atexit.register(shutil.rmtree, home, ignore_errors=True)

@pytest.fixture
def run_cli():
    """Run the installed CLI in a subprocess: (exit code, stdout, stderr)."""

    def run(*args: str, input: str | bytes | None = None, cwd: str | Path | None = None, env=None):
        full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
        data = input.encode() if isinstance(input, str) else input
        proc = subprocess.run(
            [sys.executable, "-m", "newslint", *args],
            input=data,
            capture_output=True,
            cwd=cwd,
            env=full_env,
        )
        return proc.returncode, proc.stdout.decode(), proc.stderr.decode()

    return run


def lint(text: str, path: str = "article.txt", select: list[str] | None = None, **config):
    """Findings for a text, with an optional rule selection."""
    from newslint import lint_text

    if select is not None:
        config["select"] = select
    return lint_text(text, path=path, config=config or None)


def codes(findings) -> list[str]:
    return [f.code for f in findings]
