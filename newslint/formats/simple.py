"""Plain output formats: concise (editors' error parsers), json and jsonl."""

from __future__ import annotations

from newslint import __version__


def render_concise(report, options) -> str:
    lines = [
        f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}"
        for result in report.files
        for f in result.findings
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def report_dict(report) -> dict:
    findings = sum(len(r.findings) for r in report.files)
    return {
        "version": 1,
        "tool": {"name": "newslint", "version": __version__},
        "files": [
            {"path": r.path, "findings": [f.to_dict() for f in r.findings]} for r in report.files
        ],
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
        "summary": {"files": len(report.files), "findings": findings, "errors": len(report.errors)},
    }


def render_json(report, options) -> str:
    import json

    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


def render_jsonl(report, options) -> str:
    import json

    lines = []
    for result in report.files:
        for f in result.findings:
            lines.append(json.dumps({"path": result.path, **f.to_dict()}, ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")
