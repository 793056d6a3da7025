"""--format github: workflow-command annotations."""

from __future__ import annotations

from newslint import Finding, Severity
from newslint.engine import FileError, FileResult, Report
from newslint.formats.github import escape_data, escape_property, render_github


def make(severity=Severity.WARNING, line=3, end_line=3, message="Say “said”.", code="NL203"):
    return Finding(
        code=code, name="loaded-said", severity=severity, message=message, start=10, end=17,
        line=line, column=5, end_line=end_line, end_column=12, text="claimed",
    )


def test_escaping():
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_single_line_span_has_columns():
    report = Report(files=[FileResult("stories/a, b.md", [make()])])
    assert render_github(report, {}) == (
        "::warning file=stories/a%2C b.md,line=3,col=5,endColumn=12,"
        "title=NL203 loaded-said::Say “said”.\n"
    )


def test_multi_line_span_has_end_line_and_no_columns_and_levels_map():
    report = Report(
        files=[
            FileResult("a.md", [make(Severity.INFO, 3, 4, message="Line one\nline 2: 50%")]),
            FileResult("b.md", [make(Severity.ERROR)]),
            FileResult("c.md", []),
        ],
        errors=[FileError("d.md", "not valid UTF-8, byte 3")],
    )
    assert render_github(report, {}).splitlines() == [
        "::notice file=a.md,line=3,endLine=4,title=NL203 loaded-said::Line one%0Aline 2: 50%25",
        "::error file=b.md,line=3,col=5,endColumn=12,title=NL203 loaded-said::Say “said”.",
        "::error file=d.md,title=newslint::not valid UTF-8, byte 3",
    ]
    assert render_github(Report(), {}) == ""


def test_cli(tmp_path, run_cli):
    (tmp_path / "h.txt").write_text("🎉 Mayor REJECTS budget vote?!\n\nBody.\n", encoding="utf-8")
    code, out, err = run_cli("--format", "github", "--no-cache", "--select", "NL5", "h.txt", cwd=tmp_path)
    assert code == 1, err
    assert out.splitlines() == [
        "::warning file=h.txt,line=1,col=9,endColumn=16,title=NL501 shouting-headline::"
        "“REJECTS” is in capitals for emphasis; write it as “rejects”.",
        "::warning file=h.txt,line=1,col=28,endColumn=30,title=NL502 sensational-punctuation::"
        "“?!” is sensational punctuation; end the headline without it.",
    ]
