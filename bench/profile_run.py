#!/usr/bin/env python3
"""Profile newslint in this process: where start-up and throughput time goes.

    python bench/profile_run.py startup FILE      # one whole CLI run on FILE
    python bench/profile_run.py corpus DIR [N]    # lint N files of DIR serially

Prints cProfile's top entries by own time and by cumulative time."""

from __future__ import annotations

import contextlib
import cProfile
import io
import pstats
import sys
from pathlib import Path


def main() -> int:
    mode, target = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    profile = cProfile.Profile()
    if mode == "startup":
        profile.enable()
        from newslint.cli import main as cli_main

        with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
            cli_main(["--no-cache", "--format", "concise", "--exit-zero", target])
        profile.disable()
    else:
        from newslint.engine import Linter

        files = sorted(str(p) for p in Path(target).rglob("*") if p.is_file())[:limit]
        linter = Linter()
        linter.lint_text("Warm up.\n", files[0])
        profile.enable()
        for path in files:
            linter.lint_file(path)
        profile.disable()
    stats = pstats.Stats(profile)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
