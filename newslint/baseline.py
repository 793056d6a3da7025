"""Baselines: adopt newslint on an archive and see only new findings.

`--write-baseline FILE` records every current finding by its file (relative to
the baseline's directory), its rule, and a hash of the flagged text with its
sentence, never by line: edits that move text do not resurface old findings,
and a finding whose sentence is rewritten is new. `--baseline FILE` hides the
recorded findings (each entry hides one finding, so a second copy of the same
loaded word in the same sentence is new) and counts the entries of the linted
files that no longer match anything, so the baseline can only shrink.

The file is JSON, sorted, one entry per finding, written atomically."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from newslint.finding import Finding
from newslint.writing import write_atomically

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written; one line for the user."""


def _normal(text: str) -> str:
    return " ".join(text.split())


def fingerprint(finding: Finding) -> str:
    """A hash of the flagged text and the sentence it sits in (whitespace-normalised)."""
    h = hashlib.blake2b(digest_size=10)
    h.update(_normal(finding.text).encode())
    h.update(b"\0")
    h.update(_normal(finding.context or finding.text).encode())
    return h.hexdigest()


def _relative(path: str | None, base_dir: str) -> str:
    if not path or path == "-":
        return path or "-"
    try:
        rel = os.path.relpath(os.path.abspath(path), base_dir)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def _base_dir(baseline_path: str) -> str:
    return os.path.dirname(os.path.abspath(baseline_path))


@dataclass
class Baseline:
    path: str
    entries: Counter = field(default_factory=Counter)  # (path, code, hash) -> count

    def key(self, finding: Finding, path: str | None = None) -> tuple[str, str, str]:
        rel = _relative(path or finding.path, _base_dir(self.path))
        return rel, finding.code, fingerprint(finding)

    def filter(self, results: Iterable) -> int:
        """Drop recorded findings from each `FileResult` (in place); return how
        many entries for the linted files matched no finding."""
        remaining = Counter(self.entries)
        linted = set()
        for result in results:
            rel = _relative(result.path, _base_dir(self.path))
            linted.add(rel)
            kept = []
            for finding in result.findings:
                key = self.key(finding, result.path)
                if remaining[key] > 0:
                    remaining[key] -= 1
                else:
                    kept.append(finding)
            result.findings = kept
        return sum(n for (path, _, _), n in remaining.items() if path in linted and n > 0)


def load_baseline(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc.strerror or exc}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise BaselineError(f"baseline {path} is not valid JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f"baseline {path} has no 'findings' list; write it with --write-baseline")
    if data.get("version") != VERSION:
        raise BaselineError(f"baseline {path} is version {data.get('version')!r}, expected {VERSION}")
    baseline = Baseline(path)
    for i, entry in enumerate(data["findings"]):
        try:
            baseline.entries[(str(entry["path"]), str(entry["code"]), str(entry["hash"]))] += 1
        except (KeyError, TypeError):
            raise BaselineError(
                f"baseline {path}: entry {i + 1} needs 'path', 'code' and 'hash'"
            ) from None
    return baseline


def write_baseline(path: str, results: Iterable) -> int:
    """Record every finding of `results` (FileResults) in `path`, atomically.
    Returns the number of entries written."""
    baseline = Baseline(path)
    entries = []
    for result in results:
        for finding in result.findings:
            rel, code, digest = baseline.key(finding, result.path)
            entries.append({"path": rel, "code": code, "hash": digest, "text": finding.text})
    entries.sort(key=lambda e: (e["path"], e["code"], e["hash"], e["text"]))
    # One entry a line: reviewable, and a shrinking baseline diffs cleanly.
    lines = ",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in entries)
    payload = (
        f'{{"version": {VERSION}, "tool": "newslint", "findings": [\n{lines}\n]}}\n'
        if entries else f'{{"version": {VERSION}, "tool": "newslint", "findings": []}}\n'
    )
    umask = os.umask(0)
    os.umask(umask)
    try:
        # (as open() would make it, not private)
        write_atomically(path, payload.encode("utf-8"), mode=0o666 & ~umask)
    except OSError as exc:
        raise BaselineError(f"cannot write baseline {path}: {exc.strerror or exc}") from None
    return len(entries)
