#!/usr/bin/env python3
"""Time two newslint installs back to back, runs interleaved.

    python bench/compare.py --old "/path/to/old/venv/bin/python -m newslint" \\
        [--new "python -m newslint"] [DIR] [--repeat 5]

On a shared machine whose speed drifts from hour to hour, figures taken at
different times cannot be compared; interleaving the two commands can. Prints
the medians for start-up on one short article, DIR cold (no cache), DIR with a
warm cache, and DIR as Markdown (a `# ` title line added)."""

from __future__ import annotations

import argparse
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DIR = HERE.parent.parent / "shared" / "eval" / "data" / "bbc" / "articles"


def elapsed(cmd: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"compare: {shlex.join(cmd)} exited {proc.returncode}: "
                 f"{proc.stderr.decode(errors='replace').strip()[-300:]}")
    return took


def command(text: str) -> list[str]:
    """The command's words, its program made absolute (the runs change directory)."""
    words = shlex.split(text)
    if words and "/" in words[0]:
        words[0] = str(Path(words[0]).absolute())  # not resolve(): keep a venv's link
    return words


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--old", required=True, help="command that starts the old newslint")
    parser.add_argument("--new", default=f"{sys.executable} -m newslint")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    source = Path(args.directory).resolve()
    if not source.is_dir():
        sys.exit(f"compare: {source} is not a directory")
    commands = {"old": command(args.old), "new": command(args.new)}
    flags = ["--format", "concise", "--exit-zero"]

    with tempfile.TemporaryDirectory(prefix="newslint-compare-") as tmp:
        tmp = Path(tmp)
        plain, markdown = tmp / "plain", tmp / "markdown"
        shutil.copytree(source, plain)
        markdown.mkdir()
        for path in sorted(plain.rglob("*")):
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                (markdown / (path.stem + ".md")).write_text("# " + text, encoding="utf-8")
        short = next(p for p in sorted(plain.rglob("*")) if p.is_file())
        places = {}
        for label, cmd in commands.items():
            places[label] = tmp / label
            places[label].mkdir()
            proc = subprocess.run([*cmd, "--version"], capture_output=True, text=True,
                                  cwd=places[label])
            if proc.returncode != 0 or "newslint" not in proc.stdout:
                sys.exit(f"compare: --{label} {shlex.join(cmd)} does not run newslint: "
                         f"{(proc.stderr or proc.stdout).strip()[-300:]}")

        def interleaved(name: str, extra: list[str], repeat: int, warm: bool = False) -> None:
            times: dict[str, list[float]] = {label: [] for label in commands}
            for _ in range(repeat):
                for label, cmd in commands.items():
                    if not warm:
                        shutil.rmtree(places[label] / ".newslint_cache", ignore_errors=True)
                    times[label].append(elapsed([*cmd, *flags, *extra], places[label]))
            old, new = (statistics.median(times[label]) for label in ("old", "new"))
            print(f"{name}: old {old:.3f} s, new {new:.3f} s ({old / new:.2f}x)", flush=True)

        interleaved("start-up, one short article", ["--no-cache", str(short)], 3 * args.repeat)
        interleaved("plain text, cold cache", [str(plain)], args.repeat)
        for label, cmd in commands.items():
            elapsed([*cmd, *flags, str(plain)], places[label])
        interleaved("plain text, cache warm", [str(plain)], args.repeat, warm=True)
        interleaved("markdown, cold cache", [str(markdown)], args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
