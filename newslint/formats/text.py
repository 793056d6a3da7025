"""The default terminal format: findings grouped by file, each with its source
line and the flagged span marked, then a summary. Uses rich."""

from __future__ import annotations

import io
from collections import Counter

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _source_line(result_text: str | None, finding) -> tuple[str, int, int] | None:
    if result_text is None:
        return None
    lines = result_text.splitlines()
    if finding.line - 1 >= len(lines):
        return None
    line = lines[finding.line - 1].rstrip("\r")
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    return line, start, max(end, start + 1)


def render(report, options) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=options.get("color", False),
        no_color=not options.get("color", False),
        width=options.get("width") or 100,
        highlight=False,
        soft_wrap=True,
    )
    texts = options.get("texts", {})
    total = 0
    for result in report.files:
        if not result.findings:
            continue
        console.print(Text(result.path, style="bold underline"))
        for f in result.findings:
            total += 1
            head = Text(f"  {f.line}:{f.column}  ")
            head.append(f.code, style=_STYLES.get(f.severity.value, ""))
            head.append(f" {f.severity.value:<7} ", style=_STYLES.get(f.severity.value, ""))
            head.append(f.message)
            console.print(head)
            shown = _source_line(texts.get(result.path), f)
            if shown:
                line, start, end = shown
                source = Text("      " + line)
                source.stylize("bold " + _STYLES.get(f.severity.value, ""), 6 + start, 6 + end)
                console.print(source)
                # Columns on screen, not code points: emoji and CJK take two cells.
                pad, width = cell_len(line[:start]), max(1, cell_len(line[start:end]))
                console.print(Text(" " * (6 + pad) + "^" * width, style="bold"))
        console.print()
    if options.get("statistics"):
        counts = Counter((f.code, f.name) for r in report.files for f in r.findings)
        for (code, name), n in counts.most_common():
            console.print(f"{n:>6}  {code}  {name}")
        console.print()
    files = len(report.files)
    errors = len(report.errors)
    summary = f"{total} finding{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}"
    if errors:
        summary += f", {errors} file{'s' if errors != 1 else ''} could not be linted"
    if not options.get("quiet") or total:
        console.print(Text(summary, style="bold" if total else "green"))
    return buffer.getvalue()
