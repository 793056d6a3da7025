from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SEED


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is not present")
def test_seed_headline_findings_exact_columns(run_cli):
    code, out, _ = run_cli("--format", "concise", str(SEED))
    assert code == 1
    lines = [line for line in out.splitlines() if ":1:" in line]
    assert any(":1:15: NL501" in line and "REJECTED" in line for line in lines)
    assert any(":1:35: NL502" in line for line in lines)


def test_stdin_clean_text_exits_zero(run_cli):
    code, out, err = run_cli("--stdin-filename", "a.md", "-", input="Plain sentence.\n")
    assert (code, out) == (0, ""), err


def test_json_shape(run_cli, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Senate REJECTS budget?!\n\nThe vote was 51-49.\n", encoding="utf-8")
    code, out, _ = run_cli("--format", "json", str(article))
    assert code == 1
    data = json.loads(out)
    assert data["version"] == 1
    assert data["tool"]["name"] == "newslint"
    assert data["summary"] == {"files": 1, "findings": 2, "errors": 0}
    finding = data["files"][0]["findings"][0]
    assert set(finding) == {
        "code", "name", "severity", "message", "line", "column", "end_line", "end_column",
        "start", "end", "text", "suggestions", "fix", "url",
    }
    assert finding["text"] == "REJECTS"
    text = article.read_text(encoding="utf-8")
    assert text[finding["start"] : finding["end"]] == "REJECTS"


def test_exit_zero_and_fail_on(run_cli, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Senate REJECTS budget\n\nBody.\n", encoding="utf-8")
    assert run_cli("--exit-zero", str(article))[0] == 0
    assert run_cli("--fail-on", "error", str(article))[0] == 0
    assert run_cli("--fail-on", "warning", str(article))[0] == 1


def test_invalid_utf8_is_one_line_error(run_cli, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Fine line.\n\nCaf\xe9 au lait.\n")
    good = tmp_path / "good.txt"
    good.write_text("Fine.\n", encoding="utf-8")
    code, out, err = run_cli("--format", "json", str(bad), str(good))
    assert code == 2
    data = json.loads(out)
    assert [f["path"] for f in data["files"]] == [str(good)]
    assert data["errors"][0]["path"] == str(bad)
    assert "UTF-8" in data["errors"][0]["message"]
    assert err.strip().count("\n") == 0 and str(bad) in err and "line 3" in err


def test_binary_in_directory_is_skipped_with_note(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("Fine copy.\n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\0\0\0binary")
    code, out, err = run_cli(str(tmp_path))
    assert code == 0
    assert "image.txt" in err and "skipped" in err
    code, _, err = run_cli(str(tmp_path / "image.txt"))
    assert code == 2 and "binary" in err


def test_select_and_ignore_by_code_name_and_prefix(run_cli, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Senate REJECTS budget?!\n\nBody.\n", encoding="utf-8")
    out = run_cli("--select", "NL501", str(article))[1]
    assert "NL501" in out and "NL502" not in out
    out = run_cli("--ignore", "shouting-headline", str(article))[1]
    assert "NL501" not in out and "NL502" in out
    code, out, _ = run_cli("--ignore", "NL5", str(article))
    assert code == 0 and out == ""
    code, _, err = run_cli("--select", "NL999", str(article))
    assert code == 2 and "NL999" in err


def test_rules_and_rule_commands(run_cli):
    code, out, _ = run_cli("rules")
    assert code == 0 and "NL501" in out and "shouting-headline" in out
    code, out, _ = run_cli("rule", "sensational-punctuation")
    assert code == 0 and "## Why it matters" in out
    assert run_cli("rule", "NL999")[0] == 2


def test_a_closed_pipe_ends_the_run_quietly(tmp_path):
    # `newslint article.txt | head -1`, where the reader has left before
    # newslint writes.
    import subprocess
    import sys

    article = tmp_path / "article.txt"
    article.write_text("Critics say the plan failed.\n\n" * 4000, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "--no-cache", "--format", "concise", str(article)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    proc.wait()
    assert stderr == "" and proc.returncode == 2


def test_program_pauses_the_collector_for_start_up_only(tmp_path, monkeypatch, capsys):
    """`run` (the program) collects no garbage during start-up, and again
    while linting (plugins may make reference cycles), and leaves it on."""
    import gc

    from newslint import cli
    from newslint.engine import Linter

    article = tmp_path / "story.txt"
    article.write_text("Plain sentence.\n", encoding="utf-8")
    seen = {}
    real_init, real_lint = Linter.__init__, Linter.lint_paths

    def init(self, *args, **kwargs):
        seen["start-up"] = gc.isenabled()
        real_init(self, *args, **kwargs)

    def lint_paths(self, *args, **kwargs):
        seen["linting"] = gc.isenabled()
        return real_lint(self, *args, **kwargs)

    monkeypatch.setattr(Linter, "__init__", init)
    monkeypatch.setattr(Linter, "lint_paths", lint_paths)
    monkeypatch.setattr("sys.argv", ["newslint", "--no-cache", str(article)])
    frozen = gc.get_freeze_count()
    try:
        assert cli.run() == 0
        assert seen == {"start-up": False, "linting": True}
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen
    finally:
        gc.enable()
        gc.unfreeze()


def test_program_leaves_the_collector_on_after_an_early_error(tmp_path, monkeypatch, capsys):
    import gc

    from newslint import cli

    monkeypatch.setattr("sys.argv", ["newslint", "--config", str(tmp_path / "absent.yaml"), "x"])
    try:
        assert cli.run() == 2
        assert gc.isenabled()
    finally:
        gc.enable()


def _program(args: list[str], cache_home, env_changes=None, **kwargs):
    """Run `python -m newslint`; `env_changes` sets variables (None: removes)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    env.pop("NEWSLINT_NO_PATTERN_CACHE", None)
    for name, value in (env_changes or {}).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "newslint", *args], stderr=subprocess.PIPE,
                          env=env, **kwargs)


def test_the_program_exits_with_its_code_output_and_exit_handlers_run(tmp_path):
    # `console` ends the process with os._exit: the output must be flushed and
    # the exit handlers (the compiled-pattern cache is saved by one) run first.
    article = tmp_path / "story.txt"
    article.write_text("Budget vote\n\nA new report revealed the plan failed.\n", encoding="utf-8")
    proc = _program(["--no-cache", "--format", "concise", str(article)], tmp_path / "cache")
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.decode().endswith("NL101 [warning] Which report? Name who produced it, "
                                         "or link it.\n")
    assert list((tmp_path / "cache" / "newslint" / "patterns").glob("*.pickle"))
    clean = tmp_path / "clean.txt"
    clean.write_text("The council met on Tuesday.\n", encoding="utf-8")
    proc = _program(["--no-cache", str(clean)], tmp_path / "cache")
    assert (proc.returncode, proc.stdout) == (0, b"")


def test_the_program_reports_output_it_cannot_flush(monkeypatch, capsys):
    # os._exit would drop the error Python's own exit reports: console reports it.
    import atexit
    import io
    import os
    import sys

    from newslint import cli

    class FullDisk(io.StringIO):
        def flush(self):
            raise OSError(28, "No space left on device")

    def exit_now(code):
        raise SystemExit(code)

    handlers = []
    monkeypatch.setattr(cli, "run", lambda: 1)
    monkeypatch.setattr(sys, "stdout", FullDisk())
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: handlers.append("ran"))
    monkeypatch.setattr(os, "_exit", exit_now)
    with pytest.raises(SystemExit) as exited:
        cli.console()
    assert exited.value.code == 2 and handlers == ["ran"]
    assert capsys.readouterr().err == (
        "newslint: error: cannot write the output: No space left on device\n")


def test_the_program_exits_the_normal_way_while_a_thread_runs(monkeypatch):
    # A plugin's thread may still hold work: os._exit would cut it off.
    import os
    import threading

    from newslint import cli

    ended = []
    monkeypatch.setattr(cli, "run", lambda: 1)
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    monkeypatch.setattr(os, "_exit", lambda code: ended.append(code))
    with pytest.raises(SystemExit) as exited:
        cli.console()
    assert exited.value.code == 1 and ended == []



@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("unbuffered", [None, "1"])
def test_a_report_written_to_a_full_disk_is_one_error_line(tmp_path, unbuffered):
    # A report bigger than stdout's buffer (or any report, unbuffered) fails
    # while it is written, in main; a small one when it is flushed at exit, in
    # console. Either way: one line naming the problem, exit 2, no traceback.
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(60):
        (articles / f"story-{n}.txt").write_text(
            "Budget vote\n\nA new report revealed the plan failed.\n", encoding="utf-8")
    for target in (articles, articles / "story-0.txt"):
        with open("/dev/full", "wb") as full:
            proc = _program(["--no-cache", str(target)], tmp_path / "cache", stdout=full,
                            env_changes={"PYTHONUNBUFFERED": unbuffered})
        assert (proc.returncode, proc.stderr.decode()) == (
            2, "newslint: error: cannot write the output: No space left on device\n")
