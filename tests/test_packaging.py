"""The wheel ships plugins/ and rules/, and third-party plugins load through the
entry-point group."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import venv

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def installed_venv(tmp_path_factory):
    """A fresh virtual environment with newslint installed from a built wheel."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("newslint", "plugins", "rules"):
        shutil.copytree(
            ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    dist = work / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(source)],
        check=True,
    )
    wheel = next(dist.glob("newslint-*.whl"))
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([bindir / "python", "-m", "pip", "install", "-q", str(wheel)], check=True)
    return bindir


def test_installed_console_script_lints_with_every_builtin_rule(installed_venv, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Council REJECTS plan?!\n\nThe vote was close.\n", encoding="utf-8")
    proc = subprocess.run(
        [installed_venv / "newslint", "--format", "concise", str(article)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert proc.returncode == 1, proc.stderr
    assert ":1:9: NL501" in proc.stdout
    rules = subprocess.run(
        [installed_venv / "newslint", "rules"], capture_output=True, text=True, cwd=tmp_path
    )
    in_tree = subprocess.run(
        [sys.executable, "-m", "newslint", "rules"], capture_output=True, text=True, cwd=tmp_path
    )
    assert rules.returncode == 0
    # The wheel has exactly the rules the source tree has (packs included).
    assert rules.stdout == in_tree.stdout


def test_third_party_plugin_through_entry_point(tmp_path, run_cli):
    """A distribution on sys.path with an entry point in the `newslint` group."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "house_rules.py").write_text(
        textwrap.dedent(
            '''
            from newslint import Rule, Severity, hookimpl

            class NoUtilize(Rule):
                code = "HR001"
                name = "no-utilize"
                severity = Severity.INFO
                summary = "Write 'use', not 'utilize'."
                docs = {s: "x" for s in ("What it flags", "Why it matters", "Example",
                                         "Instead", "References")}

                def check(self, document):
                    i = document.prose.find("utilize")
                    if i >= 0:
                        yield self.finding(document, i, i + 7, "Write “use”.")

            @hookimpl
            def newslint_register_rules(register):
                register(NoUtilize())
            '''
        ),
        encoding="utf-8",
    )
    info = site / "house_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: house-rules\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[newslint]\nhouse = house_rules\n")
    article = tmp_path / "a.txt"
    article.write_text("We utilize buses.\n", encoding="utf-8")
    env = {"PYTHONPATH": str(site)}
    code, out, err = run_cli("--format", "concise", str(article), env=env)
    assert code == 1, err
    assert f"{article}:1:4: HR001" in out
    code, out, _ = run_cli("plugins", env=env)
    assert "house" in out and "house-rules 1.0" in out
    # --no-plugins keeps only newslint's own plugins
    code, out, _ = run_cli("--no-plugins", str(article), env=env)
    assert "HR001" not in out
    env["NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    assert "HR001" not in run_cli(str(article), env=env)[1]


def test_duplicate_rule_code_names_both_plugins():
    from newslint import Rule, hookimpl
    from newslint.manager import PluginError, build_registry, make_plugin_manager

    docs = {s: "x" for s in ("What it flags", "Why it matters", "Example", "Instead", "References")}

    def plugin(code, name):
        rule_cls = type(name, (Rule,), {"code": code, "name": name, "docs": docs,
                                        "check": lambda self, d: ()})

        class Plugin:
            @hookimpl
            def newslint_register_rules(self, register):
                register(rule_cls())

        return Plugin()

    pm = make_plugin_manager([plugin("XX1", "first-rule"), plugin("XX1", "second-rule")],
                             load_entry_points=False)
    with pytest.raises(PluginError) as info:
        build_registry(pm)
    message = str(info.value)
    assert "XX1" in message and "first-rule" in message and "second-rule" in message
