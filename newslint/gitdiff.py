"""Changed-lines mode (`--diff-base REF`): keep only findings on lines that
changed since a git ref, for pull-request CI on big archives.

git runs as a subprocess: one `git diff -U0 REF` per repository (not per
file), plus `git ls-files --others` for new, untracked files, which count as
changed throughout. Text read from stdin is compared with the file at REF."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable

import regex

from newslint.patterns import compile_pattern

_HUNK = compile_pattern(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", regex.M)


class DiffError(Exception):
    """git is missing, the path is not in a repository, or the ref is unknown."""


def _git(args: list[str], cwd: str) -> str:
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="replace",
        )
    except FileNotFoundError:
        raise DiffError("--diff-base needs git, and git is not installed") from None
    if proc.returncode != 0:
        message = proc.stderr.strip().splitlines()
        raise DiffError(f"git {' '.join(args[:2])} failed: {message[-1] if message else proc.returncode}")
    return proc.stdout


def _toplevel(directory: str) -> str:
    try:
        proc = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=directory, capture_output=True, text=True,
        )
    except FileNotFoundError:
        raise DiffError("--diff-base needs git, and git is not installed") from None
    if proc.returncode != 0:
        raise DiffError(f"--diff-base needs a git repository, and {directory} is not in one")
    return os.path.realpath(proc.stdout.strip())


def parse_diff(output: str) -> dict[str, set[int]]:
    """Changed line numbers (in the new version) of each file in `git diff -U0` output."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in output.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            if name == "/dev/null":
                current = None
                continue
            name = name[2:] if name.startswith("b/") else name
            current = changed.setdefault(name, set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or 1)
                current.update(range(start, start + count))
    return changed


class ChangedLines:
    """Which lines changed since `ref`, per file, computed per repository once."""

    def __init__(self, ref: str) -> None:
        self.ref = ref
        self._repos: dict[str, tuple[dict[str, set[int]], set[str]]] = {}
        self._tops: dict[str, str] = {}

    def _repo(self, directory: str) -> str:
        top = self._tops.get(directory)
        if top is None:
            top = self._tops[directory] = _toplevel(directory)
        if top not in self._repos:
            try:
                _git(["rev-parse", "--verify", "--quiet", f"{self.ref}^{{commit}}"], top)
            except DiffError:
                raise DiffError(f"--diff-base: {self.ref!r} is not a commit in {top}") from None
            diff = _git(["diff", "-U0", "--no-color", "--no-ext-diff", self.ref, "--"], top)
            untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
            self._repos[top] = (parse_diff(diff), set(filter(None, untracked.split("\0"))))
        return top

    def check(self, paths: Iterable[str]) -> None:
        """Fail early (DiffError) when a path is outside a repository or the ref is unknown."""
        for path in paths:
            real = os.path.realpath(path)
            if os.path.isdir(real):
                self._repo(real)
            elif os.path.isdir(os.path.dirname(real)):
                self._repo(os.path.dirname(real))

    def lines_for(self, path: str) -> set[int] | None:
        """Changed lines of `path`; None when the whole file is new."""
        real = os.path.realpath(path)
        top = self._repo(os.path.dirname(real))
        rel = os.path.relpath(real, top).replace(os.sep, "/")
        changed, untracked = self._repos[top]
        if rel in untracked:
            return None
        return changed.get(rel, set())

    def lines_for_text(self, path: str, text: str) -> set[int] | None:
        """Changed lines of `text` (read from stdin) against `path` at the ref."""
        import difflib

        real = os.path.realpath(path)
        top = self._repo(os.path.dirname(real))
        rel = os.path.relpath(real, top).replace(os.sep, "/")
        try:
            old = _git(["show", f"{self.ref}:{rel}"], top)
        except DiffError:
            return None  # not in the ref: all new
        matcher = difflib.SequenceMatcher(None, old.splitlines(), text.splitlines(), autojunk=False)
        changed: set[int] = set()
        for tag, _, _, j1, j2 in matcher.get_opcodes():
            if tag in ("replace", "insert"):
                changed.update(range(j1 + 1, j2 + 1))
        return changed

    def filter(self, results: Iterable, texts: dict[str, str] | None = None) -> None:
        """Drop findings on unchanged lines from each FileResult (in place)."""
        for result in results:
            if not result.findings:
                continue
            if texts and result.path in texts:
                lines = self.lines_for_text(result.path, texts[result.path])
            else:
                lines = self.lines_for(result.path)
            if lines is None:
                continue
            result.findings = [
                f for f in result.findings
                if any(n in lines for n in range(f.line, f.end_line + 1))
            ]
