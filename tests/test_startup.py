"""Start-up does only what the run needs: no module it does not use, and no
annotation compiled at import."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

#: Run in a fresh interpreter: what a run imports, and how many annotation
#: strings typing compiled (typing.ForwardRef compiles each one).
_PROBE = """
import json, sys
compiled = []
def hook(event, args):
    # typing.ForwardRef compiles the annotation: report the file of the class.
    if event == "compile" and sys._getframe(1).f_code.co_filename.endswith("typing.py"):
        frame = sys._getframe(1)
        while frame.f_back is not None and frame.f_code.co_filename.endswith("typing.py"):
            frame = frame.f_back
        compiled.append(frame.f_code.co_filename)
sys.addaudithook(hook)
from newslint.cli import main
import io, contextlib
with contextlib.redirect_stdout(io.StringIO()):
    main(sys.argv[1:])
print(json.dumps({"modules": sorted(sys.modules), "compiled": compiled}))
"""


def _probe(tmp_path, *args: str) -> dict:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    for _ in range(2):  # the second run, once the user caches are filled
        proc = subprocess.run(
            [sys.executable, "-c", _PROBE, "--no-cache", "--exit-zero", *args],
            capture_output=True, text=True, env=env, cwd=tmp_path, check=True,
        )
    return json.loads(proc.stdout.splitlines()[-1])


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Critics say the plan failed.\n\n“It works,” the mayor said.\n", "utf-8")
    return path


def test_a_plain_text_run_imports_only_what_it_uses(tmp_path, article):
    modules = set(_probe(tmp_path, "--format", "concise", str(article))["modules"])
    # (dataclasses: making a dataclass compiles its methods, 2M instructions a
    # class; the classes start-up makes are records, see newslint.records)
    for unused in ("rich", "pygls", "markdown_it", "multiprocessing", "newslint.lsp",
                   "newslint.suppression", "newslint.fixes", "newslint.baseline",
                   "dataclasses"):
        assert unused not in modules, unused
    assert "newslint.quotations" in modules  # (the probe does see lazy imports)


def test_markdown_and_the_text_format_import_their_libraries(tmp_path, article):
    markdown = tmp_path / "story.md"
    # (a block quote: plain paragraphs and lists are read without the full parser)
    markdown.write_text("# Title\n\n> A quotation.\n\n" + article.read_text("utf-8"), "utf-8")
    modules = set(_probe(tmp_path, "--format", "text", str(markdown))["modules"])
    assert "markdown_it" in modules and "rich" in modules


def test_start_up_compiles_no_annotation_of_newslint(tmp_path, article):
    import newslint

    package = os.path.dirname(newslint.__file__)
    compiled = _probe(tmp_path, "--format", "concise", str(article))["compiled"]
    assert [path for path in compiled if path.startswith(package)] == []
