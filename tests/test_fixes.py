"""--fix, --unsafe-fixes and --diff: the shared fix machinery (newslint/fixes.py)."""

from __future__ import annotations

import os
import stat

from newslint import Edit, Finding, Fix, Severity
from newslint.fixes import apply_fixes, fix_text, unified_diff, write_atomically

PACK = """\
rules:
  - code: HS101
    name: house-wording
    severity: info
    summary: Wordy phrases the house style trims.
    message: "Write “{suggestion}” instead of “{text}”."
    docs:
      what-it-flags: Wordy phrases.
      why-it-matters: Short copy reads faster.
      example: The council will utilize the fund.
      instead: The council will use the fund.
      references: House style guide.
    entries:
      - phrase: utilize
        suggestion: use
        fix: safe
      - phrase: in order to
        suggestion: to
        fix: safe
      - phrase: at this point in time
        suggestion: now
        fix: unsafe
      - phrase: a number of
        suggestion: several
"""

ARTICLE = """\
Council REJECTS parking plan?!

The council will utilize the fund in order to repave two streets.
At this point in time, a number of residents object.
Officials will utilize a survey in order to decide.
"""


def project(tmp_path):
    (tmp_path / "house.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text(
        "rule-packs: [house.yaml]\nselect: [HS101, NL501, NL502]\n", encoding="utf-8"
    )
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return article


def changed_lines(old: str, new: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(old.splitlines(), new.splitlines(), strict=True) if a != b]


def test_fix_changes_exactly_the_safe_spans_and_a_second_fix_changes_nothing(tmp_path, run_cli):
    article = project(tmp_path)
    os.chmod(article, 0o640)
    code, out, err = run_cli("--fix", "--no-cache", "--format", "concise", "story.txt", cwd=tmp_path)
    fixed = article.read_text(encoding="utf-8")
    assert fixed == ARTICLE.replace("utilize", "use").replace("in order to", "to")
    # What remains is reported, at positions in the fixed text.
    assert code == 1
    assert "applied 4 fixes in 1 file" in err
    assert "story.txt:1:9: NL501" in out and "story.txt:1:29: NL502" in out
    assert "story.txt:4:1: HS101" in out and "“now” instead of “At this point in time”" in out
    assert "utilize" not in out
    assert stat.S_IMODE(os.stat(article).st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if "tmp" in p.name] == []

    before = os.stat(article).st_mtime_ns
    code, out2, err = run_cli("--fix", "--no-cache", "--format", "concise", "story.txt", cwd=tmp_path)
    assert os.stat(article).st_mtime_ns == before  # never touched when nothing changes
    assert article.read_text(encoding="utf-8") == fixed
    assert out2 == out and "no fixes to apply" in err


def test_unsafe_fixes_apply_the_others_too(tmp_path, run_cli):
    article = project(tmp_path)
    code, out, err = run_cli("--unsafe-fixes", "--no-cache", "story.txt", cwd=tmp_path)
    assert article.read_text(encoding="utf-8").splitlines() == [
        "Council rejects parking plan",
        "",
        "The council will use the fund to repave two streets.",
        "Now, a number of residents object.",
        "Officials will use a survey to decide.",
    ]
    # "a number of" has no fix: it is what remains.
    assert code == 1 and out.count("HS101") == 1 and "a number of" in out


def test_diff_shows_the_change_without_writing(tmp_path, run_cli):
    article = project(tmp_path)
    before = os.stat(article).st_mtime_ns
    code, out, err = run_cli("--diff", "--no-cache", "story.txt", cwd=tmp_path)
    assert code == 1
    assert article.read_text(encoding="utf-8") == ARTICLE
    assert os.stat(article).st_mtime_ns == before
    expected = ARTICLE.replace("utilize", "use").replace("in order to", "to")
    assert out == unified_diff("story.txt", ARTICLE, expected)
    assert out.startswith("--- a/story.txt\n+++ b/story.txt\n")
    assert "would apply 4 fixes in 1 file" in err
    # --diff then --fix: the file gets exactly what the diff showed.
    run_cli("--fix", "--no-cache", "story.txt", cwd=tmp_path)
    assert article.read_text(encoding="utf-8") == expected
    code, out, _ = run_cli("--diff", "--no-cache", "story.txt", cwd=tmp_path)
    assert code == 0 and out == ""


def test_fix_on_stdin_prints_the_fixed_text(tmp_path, run_cli):
    project(tmp_path)
    code, out, err = run_cli(
        "--fix", "--stdin-filename", "story.txt", "--format", "concise", "-",
        input=ARTICLE, cwd=tmp_path,
    )
    assert out == ARTICLE.replace("utilize", "use").replace("in order to", "to")
    assert "story.txt:1:9: NL501" in err and code == 1
    code, out, err = run_cli("--diff", "--stdin-filename", "story.txt", "-", input=ARTICLE, cwd=tmp_path)
    assert out.startswith("--- a/story.txt") and "+The council will use the fund" in out


def test_headline_unsafe_fixes_from_the_command_line(tmp_path, run_cli):
    article = tmp_path / "h.txt"
    article.write_text("Mayor REJECTS budget vote?!\n\nThe mayor was absent.\n", encoding="utf-8")
    code, _, _ = run_cli("--fix", "--no-cache", "--select", "NL5", str(article))
    assert code == 1 and article.read_text(encoding="utf-8").startswith("Mayor REJECTS")
    code, out, _ = run_cli("--unsafe-fixes", "--no-cache", "--select", "NL5", str(article))
    assert code == 0 and out == ""
    assert article.read_text(encoding="utf-8") == "Mayor rejects budget vote\n\nThe mayor was absent.\n"


# -- the machinery, without the command line ----------------------------------


def finding(start, end, replacement, safe=True, text=""):
    return Finding(
        code="T001", name="t", severity=Severity.WARNING, message="m", start=start, end=end,
        line=1, column=start + 1, end_line=1, end_column=end + 1, text=text,
        fix=Fix((Edit(start, end, replacement),), safe=safe),
    )


def test_overlapping_fixes_take_the_first_and_leave_the_rest():
    fixes = [Fix((Edit(0, 5, "A"),)), Fix((Edit(3, 8, "B"),)), Fix((Edit(8, 9, "C"),))]
    assert apply_fixes("0123456789", fixes) == ("A567C9", 2)
    # Two insertions at one point conflict; an insertion beside a replacement too.
    assert apply_fixes("abc", [Fix((Edit(1, 1, "x"),)), Fix((Edit(1, 1, "y"),))]) == ("axbc", 1)
    assert apply_fixes("abc", [Fix((Edit(0, 1, "X"),)), Fix((Edit(1, 1, "y"),))]) == ("Xbc", 1)
    # A fix with several edits is applied whole or not at all.
    both = Fix((Edit(0, 1, "<"), Edit(2, 3, ">")))
    assert apply_fixes("abc", [Fix((Edit(2, 3, "C"),)), both]) == ("abC", 1)


def test_conflicts_are_resolved_by_relinting_in_rounds():
    # A toy rule: every "aa" becomes "b"; overlapping matches need several rounds.
    def lint(text):
        return [finding(i, i + 2, "b") for i in range(len(text) - 1) if text[i : i + 2] == "aa"]

    result = fix_text("aaaa", lint)
    assert result.text == "bb" and result.findings == [] and result.rounds == 1
    result = fix_text("aaaaaaaa", lint, max_rounds=10)
    assert result.text == "bbbb"
    # Bounded: the toy rule never converges when each fix makes a new finding.
    grow = fix_text("x", lambda t: [finding(0, 0, "y")], max_rounds=3)
    assert grow.rounds == 3 and grow.text == "yyyx"
    # A fix that recreates a text already seen stops the loop.
    flip = {"p": "q", "q": "p"}
    result = fix_text("p", lambda t: [finding(0, 1, flip[t])])
    assert result.rounds == 1 and result.text == "q"


def test_unsafe_fixes_only_when_asked():
    def lint(text):
        return [finding(0, 1, "X", safe=False)] if text.startswith("x") else []

    assert fix_text("xyz", lint).text == "xyz"
    assert fix_text("xyz", lint, unsafe=True).text == "Xyz"


def test_atomic_write_keeps_permissions_and_bom(tmp_path):
    target = tmp_path / "a.md"
    target.write_bytes(b"\xef\xbb\xbfOld text.\r\n")
    os.chmod(target, 0o600)
    write_atomically(str(target), "New text.\r\n")
    assert target.read_bytes() == b"\xef\xbb\xbfNew text.\r\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_mixed_quote_style_fix_converts_only_the_minority_marks(tmp_path, run_cli):
    # NL304's fix is safe: a straight mark among curly ones becomes curly.
    text = (
        "Budget vote delayed\n\n"
        "“We will vote,” the mayor said. \"Not today,\" her deputy said.\n\n"
        "“Soon,” she added, after a 5'10\" colleague left.\n"
    )
    article = tmp_path / "quotes.txt"
    article.write_text(text, encoding="utf-8")
    code, diff, _ = run_cli("--diff", "--no-cache", "--select", "NL304", "quotes.txt", cwd=tmp_path)
    assert code == 1 and article.read_text(encoding="utf-8") == text
    code, out, _ = run_cli("--fix", "--no-cache", "--select", "NL304", "quotes.txt", cwd=tmp_path)
    fixed = article.read_text(encoding="utf-8")
    assert code == 0 and out == ""
    assert fixed == text.replace('"Not today,"', "“Not today,”")  # the prime stays
    assert diff == unified_diff("quotes.txt", text, fixed)
    before = os.stat(article).st_mtime_ns
    code, out, err = run_cli("--fix", "--no-cache", "--select", "NL304", "quotes.txt", cwd=tmp_path)
    assert code == 0 and "no fixes to apply" in err and os.stat(article).st_mtime_ns == before
