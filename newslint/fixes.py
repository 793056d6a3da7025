"""Applying fixes: the part of `--fix`, `--unsafe-fixes` and `--diff` that is
shared by every rule.

A rule attaches a `Fix` (one or more `Edit`s, offsets into the decoded text,
safe or unsafe) to a finding. Here the fixes of a text are applied:

- only safe fixes, unless unsafe ones are asked for;
- fixes are taken in finding order, and a fix whose edits overlap (or touch the
  same insertion point as) an edit already taken waits for the next round;
- after each round the text is linted again, so the findings and their offsets
  are those of the new text, and the fixes left over are tried again; at most
  `MAX_ROUNDS` rounds, and a text seen before ends the loop (no ping-pong);
- the findings returned are the ones that remain in the fixed text.

Files are written atomically (a temporary file beside the target, then
`os.replace`, keeping the file's permissions and a UTF-8 BOM if it had one) and
never touched when nothing changes."""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newslint import writing
from newslint.finding import Edit, Finding, Fix

#: Lint-and-fix rounds per text before giving up on conflicting fixes.
MAX_ROUNDS = 10


def applicable(finding: Finding, unsafe: bool = False) -> bool:
    """Whether `--fix` (or `--unsafe-fixes` when `unsafe`) applies this finding's fix."""
    fix = finding.fix
    return fix is not None and bool(fix.edits) and (fix.safe or unsafe)


def _overlaps(edit: Edit, taken: list[Edit]) -> bool:
    for other in taken:
        if edit.start < other.end and other.start < edit.end:
            return True
        # Two insertions at one point, or an insertion at the edge of a
        # replacement: the order would be a guess, so leave it to the next round.
        if edit.start == edit.end or other.start == other.end:
            if other.start <= edit.start <= other.end or edit.start <= other.start <= edit.end:
                return True
    return False


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply every fix that does not conflict with one taken before it.
    Returns the new text and the number of fixes applied."""
    taken: list[Edit] = []
    applied = 0
    for fix in fixes:
        edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
        if any(e.start < 0 or e.end > len(text) or e.start > e.end for e in edits):
            continue
        if any(_overlaps(e, taken) for e in edits):
            continue
        if any(_overlaps(e, [o for o in edits if o is not e]) for e in edits):
            continue  # a fix that conflicts with itself is a rule's bug; skip it
        taken.extend(edits)
        applied += 1
    out = text
    for edit in sorted(taken, key=lambda e: (e.start, e.end), reverse=True):
        out = out[: edit.start] + edit.replacement + out[edit.end :]
    return out, applied


@dataclass
class FixResult:
    """The outcome of fixing one text."""

    original: str
    text: str
    findings: list[Finding]  # the findings that remain in `text`
    applied: int = 0  # fixes applied, over all rounds
    rounds: int = 0

    @property
    def changed(self) -> bool:
        return self.text != self.original


def fix_text(
    text: str,
    lint: Callable[[str], list[Finding]],
    *,
    unsafe: bool = False,
    findings: list[Finding] | None = None,
    max_rounds: int = MAX_ROUNDS,
) -> FixResult:
    """Fix `text`; `lint(text)` returns its findings (`findings`, when given,
    are those of `text` already, saving one lint)."""
    found = findings if findings is not None else lint(text)
    current = text
    seen = {current}
    result = FixResult(text, text, found)
    for _ in range(max_rounds):
        fixes = [f.fix for f in found if applicable(f, unsafe)]
        if not fixes:
            break
        new, applied = apply_fixes(current, fixes)
        if applied == 0 or new in seen:
            break
        seen.add(new)
        current = new
        found = lint(current)
        result.applied += applied
        result.rounds += 1
    result.text = current
    result.findings = found
    return result


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff of one file, `a/` and `b/` prefixed like git's."""
    name = path.replace(os.sep, "/")
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"a/{name}" if not name.startswith("/") else name,
        tofile=f"b/{name}" if not name.startswith("/") else name,
    )
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomically(path: str, text: str) -> None:
    """Replace the file's content with `text` (UTF-8), atomically: a temporary
    file beside it, then a rename. Its permissions, and a BOM it had, are kept."""
    target = os.path.realpath(path)
    with open(target, "rb") as f:
        bom = f.read(3) == b"\xef\xbb\xbf"
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    writing.write_atomically(
        target, data, mode=stat.S_IMODE(os.stat(target).st_mode), durable=True
    )


@dataclass
class FixRun:
    """What `--fix`/`--diff` did over a whole report."""

    results: dict[str, FixResult] = field(default_factory=dict)  # by path, changed only
    diff: str = ""
    #: With stdin: the text to print (fixed, or unchanged when nothing applied).
    stdin_output: str | None = None

    @property
    def applied(self) -> int:
        return sum(r.applied for r in self.results.values())

    @property
    def changed_files(self) -> int:
        return sum(1 for r in self.results.values() if r.changed)

    def summary(self, *, written: bool) -> str:
        fixes = f"{self.applied} fix{'es' if self.applied != 1 else ''}"
        files = f"{self.changed_files} file{'s' if self.changed_files != 1 else ''}"
        verb = "applied" if written else "would apply"
        if not self.applied:
            return "no fixes to apply"
        return f"{verb} {fixes} in {files}"


def fix_report(
    linter,
    report,
    *,
    unsafe: bool = False,
    write: bool = True,
    stdin_text: str | None = None,
    texts: dict[str, str] | None = None,
) -> FixRun:
    """Fix every file of `report` (a `newslint.engine.Report`) that has an
    applicable fix. The report's findings are replaced by the remaining ones.
    With `write`, changed files are written; a diff is always collected.
    `stdin_text` is the text of the single stdin entry, if the run read stdin;
    `texts` (path -> text, as given to formatters) is updated in place.
    Files that cannot be read or written are added to the report's errors."""
    from newslint.engine import FileError
    from newslint.reading import ReadError, read_text_file

    run = FixRun(stdin_output=stdin_text)
    diffs = []
    for result in report.files:
        if not any(applicable(f, unsafe) for f in result.findings):
            continue
        path = result.path
        if stdin_text is not None:
            text = stdin_text
            lint_path = None if path == "-" else path
        else:
            try:
                text = read_text_file(path)
            except ReadError as exc:
                report.errors.append(FileError(path, str(exc)))
                continue
            lint_path = path
        fixed = fix_text(
            text,
            lambda t, p=lint_path: linter.lint_text(t, p),
            unsafe=unsafe,
            findings=None if stdin_text is None else result.findings,
        )
        result.findings = fixed.findings
        if not fixed.changed:
            continue
        run.results[path] = fixed
        if stdin_text is not None:
            run.stdin_output = fixed.text
        diffs.append(unified_diff(path, text, fixed.text))
        if texts is not None and path in texts:
            texts[path] = fixed.text
        if write and stdin_text is None:
            try:
                write_atomically(path, fixed.text)
            except OSError as exc:
                report.errors.append(FileError(path, f"cannot write the fixed file: {exc}"))
    run.diff = "".join(diffs)
    return run


__all__ = [
    "MAX_ROUNDS",
    "FixResult",
    "FixRun",
    "applicable",
    "apply_fixes",
    "fix_report",
    "fix_text",
    "unified_diff",
    "write_atomically",
]
