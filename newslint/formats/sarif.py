"""SARIF 2.1.0 output (`--format sarif`), the form GitHub code scanning uploads.

One run; the driver lists every rule of the run's registry (passed by the CLI in
`options["rules"]`) with its documentation as help; columns are Unicode code
points (`columnKind: unicodeCodePoints`), 1-based, end exclusive, exactly as in
`Finding`. Locations are relative to the repository root (the nearest directory
above the working directory that holds `.git`, else the working directory) and
carry `uriBaseId: %SRCROOT%`.

`partialFingerprints["newslint/v1"]` hashes the rule, the flagged text and the
sentence it sits in (like the baseline), plus an occurrence number for repeats
in one file; it does not depend on the line, so a finding keeps its identity
when the text above it moves."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import quote

from newslint import __version__

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/newslint/newslint"
FINGERPRINT_KEY = "newslint/v1"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def level(severity) -> str:
    return _LEVELS[getattr(severity, "value", str(severity))]


def repository_root(start: str | None = None) -> Path:
    here = Path(start or os.getcwd()).resolve()
    for directory in (here, *here.parents):
        if (directory / ".git").exists():
            return directory
    return here


def artifact_uri(path: str, root: Path) -> tuple[str, bool]:
    """(uri, relative?) for a path: relative to `root` when it is inside it."""
    if path in ("-", ""):
        return "stdin", True
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return absolute.as_uri(), False
    return quote(relative.as_posix()), True


def digest(finding) -> str:
    """A hash of the rule, the flagged text and its sentence: no line numbers."""
    key = "\0".join((finding.code, finding.text, finding.context or finding.text))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _rule_descriptor(rule) -> dict:
    docs = getattr(rule, "docs", {}) or {}
    documentation = rule.documentation()
    plain = "\n".join(
        line[3:] if line.startswith("## ") else line for line in documentation.splitlines()
    )
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {
            "text": " ".join(str(docs.get("What it flags") or rule.summary or rule.name).split())
        },
        "help": {"text": plain, "markdown": documentation},
        "defaultConfiguration": {
            "level": level(rule.severity),
            "enabled": bool(getattr(rule, "enabled_by_default", True)),
        },
        "properties": {"tags": ["editorial"]},
    }
    if getattr(rule, "url", None):
        descriptor["helpUri"] = rule.url
    return descriptor


def _fallback_descriptor(finding) -> dict:
    return {
        "id": finding.code,
        "name": finding.name,
        "shortDescription": {"text": finding.name},
        "fullDescription": {"text": finding.name},
        "help": {"text": finding.name, "markdown": finding.name},
        "defaultConfiguration": {"level": level(finding.severity)},
    }


def sarif_log(report, options: Mapping | None = None) -> dict:
    options = options or {}
    rules: Mapping = options.get("rules") or {}
    root = repository_root()

    descriptors: list[dict] = [_rule_descriptor(r) for _, r in sorted(rules.items())]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    for finding in report.findings:
        if finding.code not in index:
            index[finding.code] = len(descriptors)
            descriptors.append(_fallback_descriptor(finding))

    results = []
    artifacts_used = False
    for file in report.files:
        uri, relative = artifact_uri(file.path, root)
        artifacts_used |= relative
        seen: dict[str, int] = {}
        for f in file.findings:
            base = digest(f)
            seen[base] = seen.get(base, 0) + 1
            location = {"uri": uri, **({"uriBaseId": "%SRCROOT%"} if relative else {})}
            region = {
                "startLine": f.line,
                "startColumn": f.column,
                "endLine": f.end_line,
                "endColumn": f.end_column,
            }
            if f.text:
                region["snippet"] = {"text": f.text}
            result = {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": location, "region": region}}
                ],
                "partialFingerprints": {FINGERPRINT_KEY: f"{base}:{seen[base]}"},
            }
            if f.fix is not None:
                result["properties"] = {"fixable": True, "safeFix": f.fix.safe}
            results.append(result)

    notifications = []
    for error in report.errors:
        uri, relative = artifact_uri(error.path, root)
        artifacts_used |= relative
        location = {"uri": uri, **({"uriBaseId": "%SRCROOT%"} if relative else {})}
        notifications.append(
            {
                "level": "error",
                "message": {"text": error.message},
                "locations": [{"physicalLocation": {"artifactLocation": location}}],
            }
        )

    run: dict = {
        "tool": {
            "driver": {
                "name": "newslint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": notifications,
            }
        ],
    }
    if artifacts_used:
        root_uri = root.as_uri()
        run["originalUriBaseIds"] = {
            "%SRCROOT%": {"uri": root_uri if root_uri.endswith("/") else root_uri + "/"}
        }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(report, options) -> str:
    return json.dumps(sarif_log(report, options), ensure_ascii=False, indent=2) + "\n"
