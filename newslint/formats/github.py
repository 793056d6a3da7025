"""GitHub Actions workflow commands (`--format github`): each finding becomes an
annotation on the pull request's diff.

    ::warning file=stories/a.md,line=3,col=5,endColumn=12,title=NL202 loaded-language::message

Severity error -> `::error`, warning -> `::warning`, info -> `::notice`.
Columns (1-based, end exclusive, code points) are given only for a span on one
line; a span over several lines gives `line` and `endLine`. Values are escaped
as the runner expects: in the message `%`, CR and LF; in properties also `:`
and `,`. Files that could not be read become `::error file=...::` lines."""

from __future__ import annotations

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, properties: list[tuple[str, object]], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{kind} {props}::{escape_data(message)}"


def annotation(finding, path: str) -> str:
    props: list[tuple[str, object]] = [("file", path), ("line", finding.line)]
    if finding.end_line == finding.line:
        props += [("col", finding.column), ("endColumn", finding.end_column)]
    else:
        props += [("endLine", finding.end_line)]
    props.append(("title", f"{finding.code} {finding.name}"))
    return _command(_COMMANDS[finding.severity.value], props, finding.message)


def render_github(report, options) -> str:
    lines = [annotation(f, result.path) for result in report.files for f in result.findings]
    lines += [
        _command("error", [("file", e.path), ("title", "newslint")], e.message)
        for e in report.errors
    ]
    return "\n".join(lines) + ("\n" if lines else "")
