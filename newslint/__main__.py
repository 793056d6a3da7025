from newslint.cli import run

raise SystemExit(run())
