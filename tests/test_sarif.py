"""--format sarif: SARIF 2.1.0 that GitHub code scanning accepts."""

from __future__ import annotations

import json
import shutil

import pytest

from newslint.engine import FileError, FileResult, Report
from newslint.formats.sarif import sarif_log
from tests.conftest import SEED, SHARED, lint

SCHEMA = SHARED / "schemas" / "sarif-2.1.0.json"


def validate(log: dict) -> None:
    if not SCHEMA.exists():
        pytest.skip(f"{SCHEMA} is absent")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(log)


def region_text(lines: list[str], region: dict) -> str:
    # Columns are code points, 1-based, end exclusive.
    if region["startLine"] == region["endLine"]:
        line = lines[region["startLine"] - 1]
        return line[region["startColumn"] - 1 : region["endColumn"] - 1]
    first = lines[region["startLine"] - 1][region["startColumn"] - 1 :]
    middle = lines[region["startLine"] : region["endLine"] - 1]
    last = lines[region["endLine"] - 1][: region["endColumn"] - 1]
    return "\n".join([first, *middle, last])


@pytest.fixture
def seed_run(tmp_path, run_cli):
    if not SEED.exists():
        pytest.skip("no seed article")
    shutil.copy(SEED, tmp_path / "seed-article.txt")
    (tmp_path / ".git").mkdir()  # the repository root
    (tmp_path / "stories").mkdir()
    shutil.copy(SEED, tmp_path / "stories" / "seed copy.txt")
    code, out, err = run_cli(
        "--format", "sarif", "--no-cache", "seed-article.txt", "stories/seed copy.txt",
        cwd=tmp_path,
    )
    assert code == 1, err
    return json.loads(out)


def test_seed_article_sarif_validates_and_has_correct_regions(seed_run):
    log = seed_run
    validate(log)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["version"] and driver["informationUri"]
    rules = {r["id"]: r for r in driver["rules"]}
    for rule in rules.values():
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    assert "## Why it matters" in rules["NL501"]["help"]["markdown"]
    assert "Why it matters" in rules["NL501"]["help"]["text"]

    lines = SEED.read_text(encoding="utf-8").splitlines()
    by_uri: dict[str, list[dict]] = {}
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"} and result["message"]["text"]
        (location,) = result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        region = location["physicalLocation"]["region"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert region_text(lines, region) == region["snippet"]["text"]
        by_uri.setdefault(artifact["uri"], []).append(result)
    assert set(by_uri) == {"seed-article.txt", "stories/seed%20copy.txt"}

    headline = {
        r["ruleId"]: r["locations"][0]["physicalLocation"]["region"]
        for r in by_uri["seed-article.txt"] if r["ruleId"].startswith("NL5")
    }
    assert headline["NL501"] == {
        "startLine": 1, "startColumn": 15, "endLine": 1, "endColumn": 23,
        "snippet": {"text": "REJECTED"},
    }
    assert headline["NL502"] == {
        "startLine": 1, "startColumn": 35, "endLine": 1, "endColumn": 37,
        "snippet": {"text": "?!"},
    }
    # Identical files give identical fingerprints.
    prints = [
        [r["partialFingerprints"]["newslint/v1"] for r in results] for results in by_uri.values()
    ]
    assert prints[0] == prints[1] and len(set(prints[0])) == len(prints[0])


def test_fingerprints_survive_lines_moving():
    text = "Mayor REJECTS budget vote?!\n\nThe mayor was absent.\n"
    moved = "Mayor REJECTS budget vote?!\n\nA new first paragraph.\n\nThe mayor was absent.\n"

    def prints(t):
        report = Report(files=[FileResult("a.txt", lint(t, select=["NL5"]))])
        return [r["partialFingerprints"] for r in sarif_log(report)["runs"][0]["results"]]

    assert len(prints(text)) == 2 and prints(text) == prints(moved)
    # Two identical findings in one sentence are told apart by an occurrence number.
    from newslint.formats.sarif import FINGERPRINT_KEY

    report = Report(files=[FileResult("a.txt", lint("Mayor REJECTS and REJECTS it\n\nBody.\n", select=["NL501"]))])
    keys = [r["partialFingerprints"][FINGERPRINT_KEY] for r in sarif_log(report)["runs"][0]["results"]]
    assert keys[0].endswith(":1") and keys[1].endswith(":2") and keys[0][:-2] == keys[1][:-2]


def test_errors_multiline_regions_and_paths_outside_the_repository(tmp_path):
    from newslint import Finding, Severity

    finding = Finding(
        code="NL999", name="made-up", severity=Severity.INFO, message="Two lines.",
        start=0, end=9, line=1, column=1, end_line=2, end_column=4, text="abcde\nabc",
    )
    report = Report(
        files=[FileResult(str(tmp_path / "x.txt"), [finding]), FileResult("-", [])],
        errors=[FileError("broken.md", "not valid UTF-8 at byte 3")],
    )
    log = sarif_log(report, {"rules": {}})
    validate(log)
    (run,) = log["runs"]
    result = run["results"][0]
    assert result["level"] == "note"
    assert run["tool"]["driver"]["rules"][0]["id"] == "NL999"  # described even if unknown
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["endLine"], region["endColumn"]) == (1, 2, 4)
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"].startswith("not valid")
