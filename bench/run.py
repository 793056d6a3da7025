#!/usr/bin/env python3
"""newslint's benchmark: prints figures, asserts nothing.

    python bench/run.py [DIR] [--cmd "newslint"] [--repeat 5] [--quick]

Reports, over DIR (default: ../shared/eval/data/bbc/articles): single-file
start-up, cold-cache wall time, files/s, MB/s and peak memory for the whole
default rule set; the same articles as Markdown (a `# ` title line added);
a cache-warm re-run; a scaling check on the corpus copied ten times; and the
quotation model on a synthetic 5 MB file with 100,000 quotation marks.
Times are medians over --repeat runs."""

from __future__ import annotations

import argparse
import os
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


def run(cmd: list[str], cwd: Path) -> tuple[float, int, int]:
    """Wall seconds, exit code and peak RSS (MB) of one command."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        sys.exit(f"benchmark: {shlex.join(cmd)} exited {proc.returncode}: {stderr.strip()[-500:]}")
    return elapsed, proc.returncode, usage.ru_maxrss // 1024


def median_run(cmd, cwd, repeat, before=None):
    times, peaks = [], []
    for _ in range(repeat):
        if before:
            before()
        t, _, peak = run(cmd, cwd)
        times.append(t)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def corpus_size(directory: Path) -> tuple[int, int]:
    files = [p for p in directory.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--cmd", default=f"{sys.executable} -m newslint")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="skip the 10x scaling check")
    args = parser.parse_args()
    source = Path(args.directory).resolve()
    if not source.is_dir():
        sys.exit(f"benchmark: {source} is not a directory")
    base = shlex.split(args.cmd) + ["--format", "concise", "--exit-zero"]
    # Write the bytecode, as installing a wheel does: an editable install run
    # under PYTHONDONTWRITEBYTECODE=1 (set on some machines, this one included)
    # would compile every module from source on every run.
    root = HERE.parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", *(str(root / d) for d in
                    ("newslint", "plugins", "rules"))], check=True, stdout=subprocess.DEVNULL)

    with tempfile.TemporaryDirectory(prefix="newslint-bench-") as tmp:
        tmp = Path(tmp)
        plain = tmp / "plain"
        shutil.copytree(source, plain)
        nfiles, nbytes = corpus_size(plain)
        mb = nbytes / 1e6
        print(f"corpus: {source} ({nfiles} files, {mb:.2f} MB)")

        first = next(p for p in sorted(plain.rglob("*")) if p.is_file())
        t, _ = median_run([*base, "--no-cache", str(first)], tmp, max(args.repeat, 7))
        print(f"start-up, one short article, --format concise: {t:.3f} s")

        cache = tmp / ".newslint_cache"

        def clear():
            shutil.rmtree(cache, ignore_errors=True)

        t, peak = median_run([*base, str(plain)], tmp, args.repeat, before=clear)
        print(f"plain text, cold cache: {t:.3f} s wall, {nfiles / t:,.0f} files/s, "
              f"{mb / t:.2f} MB/s, peak memory {peak} MB")
        t_nocache, _ = median_run([*base, "--no-cache", str(plain)], tmp, args.repeat)
        print(f"plain text, --no-cache: {t_nocache:.3f} s wall")
        run([*base, str(plain)], tmp)
        t, _ = median_run([*base, str(plain)], tmp, args.repeat)
        print(f"plain text, cache warm: {t:.3f} s wall")

        markdown = tmp / "markdown"
        markdown.mkdir()
        for path in plain.rglob("*"):
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                (markdown / (path.stem + ".md")).write_text("# " + text, encoding="utf-8")
        t, peak = median_run([*base, str(markdown)], tmp, args.repeat, before=clear)
        print(f"markdown, cold cache: {t:.3f} s wall, {nfiles / t:,.0f} files/s, "
              f"{mb / t:.2f} MB/s, peak memory {peak} MB")

        if not args.quick:
            big = tmp / "tenfold"
            for i in range(10):
                shutil.copytree(plain, big / f"copy{i}")
            t10, peak = median_run([*base, "--no-cache", str(big)], tmp, max(1, args.repeat // 2))
            print(f"ten times the corpus, --no-cache: {t10:.3f} s wall "
                  f"({t10 / t_nocache:.2f} x the single corpus), peak memory {peak} MB")

        quotes = tmp / "quotes.txt"
        paragraph = 'The mayor said "we will build it" and "it will be done." Then she left.\n\n'
        filler = "Plain filler sentence without any marks in it at all. " * 18 + "\n\n"
        body = paragraph * 25_000  # four marks each: 100,000 marks
        body += filler * max(0, (5_000_000 - len(body)) // len(filler) + 1)
        quotes.write_text(body, encoding="utf-8")
        size = quotes.stat().st_size
        t, peak = median_run([*base, "--no-cache", "--select", "NL3", str(quotes)], tmp, 3)
        print(f"quotation model, {size / 1e6:.1f} MB with 100,000 marks (NL3 rules): "
              f"{t:.3f} s, peak memory {peak} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
