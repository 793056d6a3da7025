"""Editor JSON mode: what an editor plugin runs, exactly as the README says.

    newslint --format json --stdin-filename PATH -

The buffer goes to stdin (unsaved edits included); PATH picks the markup and
the configuration; the answer is the versioned JSON object on stdout."""

from __future__ import annotations

import json


def test_editor_json_mode(tmp_path, run_cli):
    desk = tmp_path / "desk"
    (desk / "opinion").mkdir(parents=True)
    # The config is found from PATH, not from the working directory.
    (desk / ".newslint.yaml").write_text("select: [NL5]\n", encoding="utf-8")
    (desk / "opinion" / ".newslint.yaml").write_text(
        "select: [NL5]\nignore: [NL502]\n", encoding="utf-8"
    )
    buffer = "# 🎉 Mayor REJECTS budget vote?!\n\nThe mayor was absent.\n"

    code, out, err = run_cli(
        "--format", "json", "--stdin-filename", str(desk / "story.md"), "-",
        input=buffer, cwd=tmp_path,
    )
    assert code == 1, err
    report = json.loads(out)
    assert report["version"] == 1 and report["tool"]["name"] == "newslint"
    assert report["summary"] == {"files": 1, "findings": 2, "errors": 0}
    (file,) = report["files"]
    assert file["path"] == str(desk / "story.md")
    first, second = file["findings"]
    assert first == {
        "code": "NL501", "name": "shouting-headline", "severity": "warning",
        "message": "“REJECTS” is in capitals for emphasis; write it as “rejects”.",
        "line": 1, "column": 11, "end_line": 1, "end_column": 18,
        "start": 10, "end": 17, "text": "REJECTS", "suggestions": ["rejects"],
        "fix": {"safe": False, "description": "Write the word in normal case",
                "edits": [{"start": 10, "end": 17, "replacement": "rejects"}]},
        "url": None,
    }
    # Offsets are code points: the editor maps them to its own units.
    assert buffer[first["start"] : first["end"]] == "REJECTS"
    assert second["code"] == "NL502" and buffer[second["start"] : second["end"]] == "?!"

    code, out, _ = run_cli(
        "--format", "json", "--stdin-filename", str(desk / "opinion" / "column.md"), "-",
        input=buffer, cwd=tmp_path,
    )
    assert [f["code"] for f in json.loads(out)["files"][0]["findings"]] == ["NL501"]

    code, out, _ = run_cli(
        "--format", "json", "--stdin-filename", str(desk / "clean.md"), "-",
        input="# Mayor rejects budget\n\nFine.\n", cwd=tmp_path,
    )
    assert code == 0
    assert json.loads(out)["files"] == [{"path": str(desk / "clean.md"), "findings": []}]

    code, out, err = run_cli(
        "--format", "json", "--stdin-filename", str(desk / "bad.md"), "-",
        input=b"\xff\xfe bad", cwd=tmp_path,
    )
    assert code == 2
    report = json.loads(out)
    assert report["files"] == [] and report["errors"][0]["path"] == str(desk / "bad.md")
