"""The README's examples work when copied: the plugin, the rule pack, and the
two set-up commands that CI runs."""

from __future__ import annotations

import re

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def block_after(marker: str, language: str) -> str:
    start = README.index(marker)
    match = re.compile(rf"```{language}\n(.*?)```", re.S).search(README, start)
    assert match, f"no {language} block after {marker!r}"
    return match.group(1)


def test_readme_opens_with_the_commands_ci_runs():
    first = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert len(first) == 2
    assert first[0] in ci and first[1] in ci


def test_readme_plugin_works_when_copied(tmp_path, run_cli):
    project = tomllib.loads(block_after("`pyproject.toml`", "toml"))["project"]
    module = block_after("`newslint_house.py`", "python")
    (ep_name, target), = project["entry-points"]["newslint"].items()
    site = tmp_path / "site"
    site.mkdir()
    (site / f"{target}.py").write_text(module, encoding="utf-8")
    info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
    )
    (info / "entry_points.txt").write_text(f"[newslint]\n{ep_name} = {target}\n")
    article = tmp_path / "a.md"
    article.write_text("# Budget\n\nThe council will utilize the funds.\n", encoding="utf-8")
    env = {"PYTHONPATH": str(site)}
    code, out, err = run_cli("--select", "HS001", "--format", "concise", str(article), env=env)
    assert code == 1, err
    assert out == f"{article}:3:18: HS001 [info] Write “use” instead of “utilize”.\n"
    code, out, _ = run_cli("rule", "no-utilize", env=env)
    assert code == 0 and "## Why it matters" in out


def test_readme_rule_pack_works_when_copied(tmp_path, run_cli):
    pack = block_after("## Writing a rule pack", "yaml")
    (tmp_path / "house.yaml").write_text(pack, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule-packs: [house.yaml]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "The firm will utilise the grant at this point in time.\n", encoding="utf-8"
    )
    code, out, err = run_cli("--select", "HS100", "--format", "concise", "a.txt", cwd=tmp_path)
    assert code == 1, err
    assert out.splitlines() == [
        "a.txt:1:15: HS100 [info] Write “use” instead of “utilise”: plain English",
        "a.txt:1:33: HS100 [info] Write “now” instead of “at this point in time”: wordy",
    ]
