from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "seed-article.txt"


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
