"""The command line: parse arguments, run the engine, render, pick the exit code.

Exit codes: 0 no findings at or above the failing level, 1 findings, 2 usage,
config or file errors."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from newslint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: Errors of writing the report: no space, over quota, too large, the device failed.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})
CACHE_DIR = ".newslint_cache"
SUBCOMMANDS = ("rule", "rules", "plugins", "lsp")


def _split(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or []:
        out += [v.strip() for v in value.split(",") if v.strip()]
    return tuple(out)


def _terminal_columns() -> int:
    """shutil.get_terminal_size's answer: $COLUMNS, else the terminal, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's own, sized without importing shutil: argparse builds a
    formatter for every option it adds, and shutil cost 3 ms of each start-up."""

    def __init__(self, prog: str, **kwargs) -> None:
        kwargs.setdefault("width", _terminal_columns() - 2)
        super().__init__(prog, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newslint",
        formatter_class=_HelpFormatter,
        description="An editorial linter for news copy.",
        epilog="Subcommands: 'newslint rules' lists the rules, 'newslint rule CODE' explains one, "
        "'newslint plugins' lists plugins, 'newslint lsp' starts the language server.",
    )
    p.add_argument("paths", nargs="*", help="files and directories to lint; - reads stdin")
    p.add_argument("--version", action="version", version=f"newslint {__version__}")
    p.add_argument(
        "--format",
        help="output format: text (default on a terminal), concise (default otherwise), "
        "json, jsonl, sarif, github, or one a plugin adds",
    )
    p.add_argument("--select", action="append", help="rules to run (codes, names, prefixes)")
    p.add_argument("--ignore", action="append", help="rules to skip")
    p.add_argument("--extend-select", action="append", help="rules to add to the selection")
    p.add_argument("--config", help="use this config file for every file")
    p.add_argument("--stdin-filename", help="the name of the file read from stdin")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    p.add_argument(
        "--fail-on", choices=("error", "warning", "info"),
        help="lowest severity that makes the exit code 1 (default: info)",
    )
    p.add_argument("--statistics", action="store_true", help="count findings per rule")
    p.add_argument("-q", "--quiet", action="store_true", help="print findings only")
    p.add_argument("--no-color", action="store_true", help="no colour (also: NO_COLOR=1)")
    p.add_argument(
        "--no-plugins", action="store_true", help="load newslint's built-in plugins only"
    )
    p.add_argument(
        "-j", "--jobs", type=int,
        help="processes that lint many files at once, this one included (default: one per CPU)",
    )
    p.add_argument(
        "--cache", dest="cache", action="store_true", default=True,
        help=f"keep results in {CACHE_DIR}/ and re-lint only what changed (the default)",
    )
    p.add_argument("--no-cache", dest="cache", action="store_false", help="do not use the cache")
    p.add_argument(
        "--report-unused-disables", action="store_true",
        help="report suppression comments that suppressed nothing (NL001)",
    )
    p.add_argument(
        "--baseline", metavar="FILE",
        help="hide the findings recorded in FILE; report only new ones",
    )
    p.add_argument(
        "--write-baseline", metavar="FILE",
        help="record the current findings in FILE (and report none)",
    )
    p.add_argument(
        "--fix", action="store_true",
        help="apply the safe fixes, write the files, and report what remains "
        "(with - : print the fixed text)",
    )
    p.add_argument(
        "--unsafe-fixes", action="store_true",
        help="also apply fixes that need an editor's eye (implies --fix unless --diff)",
    )
    p.add_argument(
        "--diff", action="store_true",
        help="print what --fix would change as a unified diff; write nothing "
        "(exit 1 if there is a change)",
    )
    p.add_argument(
        "--diff-base", metavar="REF",
        help="report only findings on lines changed since the git REF",
    )
    return p


def _error(message: str) -> int:
    print(f"newslint: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def run() -> int:
    """`main` with the garbage collector paused for start-up (`console`, the
    program, calls it).

    Start-up (imports, plugins, argument parsing) makes long-lived objects and
    no garbage; collecting among them during start-up, and once more at exit,
    was 6% of a one-file run. `_end_of_start_up` freezes what start-up made,
    out of the collector's sight, and turns it back on before the first file."""
    import gc

    gc.disable()
    try:
        return main()
    finally:
        gc.enable()  # when main ended before start-up did


def console() -> NoReturn:
    """The `newslint` console script and `python -m newslint`: `run`, then an
    exit that leaves the interpreter's teardown out.

    A normal exit frees, one by one, every object start-up made (modules,
    compiled patterns, the rule packs' tables): 3% of a one-file run, for
    memory the system takes back at once anyway. So, as mypy does, the exit
    handlers run and the standard streams are flushed here, and os._exit ends
    the process. An exception from `run`, or a thread still running (a
    plugin's), takes the normal way out."""
    code = run()
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        sys.exit(code)
    import atexit

    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away: stop quietly, as main does
        code = EXIT_ERROR
    except OSError as exc:  # a full disk must not lose the report silently
        code = _cannot_write(exc)
    try:
        sys.stderr.flush()
    except OSError:
        pass
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    # (Every path that goes on working after start-up calls _end_of_start_up:
    # under `run`, garbage is not collected until it does.)
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        # Subcommand names win over paths; lint a directory called "rules" as ./rules.
        if argv and argv[0] in SUBCOMMANDS:
            _end_of_start_up()  # the language server runs for hours
            from newslint import commands

            return commands.run(argv[0], argv[1:])
        parser = build_parser()
        args = parser.parse_args(argv)
        return _lint(args, parser)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`newslint rules | head`): stop quietly, and keep
        # Python from reporting the failed flush of stdout at exit.
        _discard_stdout()
        return EXIT_ERROR
    except OSError as exc:
        # The report, written to a full disk or a failing device. (Files
        # newslint writes itself, fixed articles and baselines, report their
        # own errors with their names.)
        if exc.errno not in _OUTPUT_ERRNOS:
            raise
        _discard_stdout()  # (what is still buffered would fail again at exit)
        return _cannot_write(exc)


def _discard_stdout() -> None:
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _cannot_write(exc: OSError) -> int:
    return _error(f"cannot write the output: {exc.strerror or exc}")


def _lint(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from newslint.config import Overrides
    from newslint.engine import FileResult, Linter, Report
    from newslint.finding import Severity
    from newslint.manager import PluginError
    from newslint.reading import ReadError, decode
    from newslint.yamlfile import DataError

    paths = args.paths
    use_stdin = paths == ["-"] or (args.stdin_filename and not paths)
    if not paths and not use_stdin:
        parser.print_usage(sys.stderr)
        return _error("give files or directories to lint, or - to read stdin")
    if "-" in paths and len(paths) > 1:
        return _error("- (stdin) cannot be combined with other paths")

    cli = Overrides(
        select=_split(args.select) if args.select else None,
        ignore=_split(args.ignore),
        extend_select=_split(args.extend_select)
        + (("NL001",) if args.report_unused_disables else ()),
    )
    try:
        linter = Linter(
            config=args.config, cli=cli, load_entry_points="builtin" if args.no_plugins else None
        )
        _end_of_start_up()
        if use_stdin:
            name = args.stdin_filename or "-"
            report = Report()
            try:
                text = decode(sys.stdin.buffer.read())
                config_path = args.stdin_filename
                findings = linter.lint_text(text, config_path)
                report.files.append(FileResult(name, findings))
            except ReadError as exc:
                from newslint.engine import FileError

                report.errors.append(FileError(name, str(exc)))
            texts = {name: text} if report.files else {}
        else:
            with _progress_bar(args.quiet) as progress:
                report = linter.lint_paths(
                    paths,
                    jobs=args.jobs,
                    cache_dir=CACHE_DIR if args.cache else None,
                    progress=progress,
                )
            texts = {}
        linter.check_command_line()
        fixed = None
        if args.fix or args.unsafe_fixes or args.diff:
            from newslint.fixes import fix_report

            fixed = fix_report(
                linter, report, unsafe=args.unsafe_fixes, write=not args.diff,
                stdin_text=next(iter(texts.values()), None) if use_stdin else None,
                texts=texts,
            )
        registry = linter.registry
        format_name = args.format or ("text" if sys.stdout.isatty() else "concise")
        formatter = registry.formats.get(format_name)
        if formatter is None:
            return _error(
                f"unknown format {format_name!r} (available: {', '.join(sorted(registry.formats))})"
            )
        fail_on = Severity.parse(args.fail_on) if args.fail_on else None
        if fail_on is None:
            configs = [c.fail_on for c in linter.finder.all_loaded() if c.fail_on]
            if linter.finder.override is not None and linter.finder.override.fail_on:
                configs = [linter.finder.override.fail_on]
            fail_on = min(configs, key=lambda s: s.rank) if configs else Severity.INFO
    except (DataError, PluginError) as exc:
        return _error(str(exc))
    done = _baseline_and_diff(args, report, texts if use_stdin else {})
    if done is not None:
        return done

    color = (
        not args.no_color and not os.environ.get("NO_COLOR") and sys.stdout.isatty()
    )
    if format_name == "text" and not texts:
        texts = _texts_for(report)
    options = {
        "color": color,
        "statistics": args.statistics,
        "quiet": args.quiet,
        "texts": texts,
        "rules": registry.rules,
    }
    output = formatter(report, options)
    if fixed is not None and (args.diff or use_stdin):
        # --diff prints the diff only; --fix on stdin prints the fixed text,
        # and the remaining findings go to stderr.
        sys.stdout.write(fixed.diff if args.diff else (fixed.stdin_output or ""))
        if not args.diff:
            sys.stderr.write(output)
    else:
        sys.stdout.write(output)
    if fixed is not None and not args.quiet:
        print(f"newslint: {fixed.summary(written=not args.diff)}", file=sys.stderr)
    if args.statistics and format_name == "concise":
        from collections import Counter

        counts = Counter((f.code, f.name) for f in report.findings)
        for (code, name), n in counts.most_common():
            sys.stdout.write(f"{n:>6}  {code}  {name}\n")
    for note in report.notes:
        if not args.quiet:
            print(f"newslint: note: {note}", file=sys.stderr)
    for error in report.errors:
        print(f"newslint: error: {error}", file=sys.stderr)

    if report.errors:
        return EXIT_ERROR
    if args.diff:
        return EXIT_FINDINGS if fixed.diff and not args.exit_zero else EXIT_OK
    if args.exit_zero:
        return EXIT_OK
    failing = any(f.severity.rank >= fail_on.rank for f in report.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


def _end_of_start_up() -> None:
    """Collect garbage again from here on (see `run`): plugins may make
    reference cycles in every document they lint."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _baseline_and_diff(args: argparse.Namespace, report, stdin_texts: dict[str, str]) -> int | None:
    """--write-baseline (records, reports nothing: returns the exit code),
    --baseline and --diff-base (drop findings from the report)."""
    if not (args.write_baseline or args.baseline or args.diff_base):
        return None  # and import neither module: start-up time
    from newslint.baseline import BaselineError, load_baseline, write_baseline
    from newslint.gitdiff import ChangedLines, DiffError

    try:
        if args.write_baseline:
            n = write_baseline(args.write_baseline, report.files)
            if not args.quiet:
                print(f"newslint: wrote {n} findings to {args.write_baseline}", file=sys.stderr)
            for error in report.errors:
                print(f"newslint: error: {error}", file=sys.stderr)
            return EXIT_ERROR if report.errors else EXIT_OK
        if args.baseline:
            stale = load_baseline(args.baseline).filter(report.files)
            if stale and not args.quiet:
                print(
                    f"newslint: {stale} baseline entr{'y' if stale == 1 else 'ies'} in "
                    f"{args.baseline} no longer match a finding; run --write-baseline to drop them",
                    file=sys.stderr,
                )
        if args.diff_base:
            if "-" in stdin_texts:
                return _error("--diff-base with stdin needs --stdin-filename")
            changed = ChangedLines(args.diff_base)
            changed.check(list(stdin_texts) or args.paths)
            changed.filter(report.files, stdin_texts)
    except (BaselineError, DiffError) as exc:
        return _error(str(exc))
    return None


class _progress_bar:
    """A rich progress bar on stderr for long runs on a terminal; otherwise nothing."""

    THRESHOLD = 300

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.bar = None
        self.task = None

    def __enter__(self):
        return self.update if self.enabled else None

    def update(self, done: int, total: int) -> None:
        if total < self.THRESHOLD:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("linting", total=total)
        self.bar.update(self.task, completed=done)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _texts_for(report) -> dict[str, str]:
    from newslint.reading import ReadError, read_text_file

    texts = {}
    for result in report.files:
        if result.findings:
            try:
                texts[result.path] = read_text_file(result.path)
            except ReadError:
                pass
    return texts


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
