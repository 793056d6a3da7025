"""The engine: from text (or paths) to sorted, filtered findings.

    text --markup reader--> Document --rules--> findings
         --severity, suppressions--> sorted findings

`lint_text` and `lint_paths` are pure: they print nothing, and their inputs and
outputs pickle, so they can be mapped over an archive with Dask or Spark."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from newslint.cache import entry_key, entry_value
from newslint.config import Config, ConfigFinder, Overrides, parse_config
from newslint.document import Document
from newslint.finding import SORT_KEY, Finding, Severity
from newslint.manager import Registry, build_registry, make_plugin_manager
from newslint.reading import BinaryFile, ReadError, decode, iter_paths, read_bytes
from newslint.records import Record
from newslint.selection import Settings, resolve, validate_layer
from newslint.yamlfile import DataError


class FileResult(Record):
    _fields = ("path", "findings")

    def __init__(self, path: str, findings: list[Finding]) -> None:
        self.path = path
        self.findings = findings


class FileError(Record):
    _fields = ("path", "message", "line")

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class Report(Record):
    """The result of a run: every linted file, the files that failed, notes."""

    _fields = ("files", "errors", "notes")

    def __init__(self, files: list[FileResult] | None = None,
                 errors: list[FileError] | None = None, notes: list[str] | None = None) -> None:
        self.files = [] if files is None else files
        self.errors = [] if errors is None else errors
        self.notes = [] if notes is None else notes

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]




class Linter:
    """Plugins, registry and config discovery for one run (or one process)."""

    def __init__(
        self,
        *,
        config: str | Config | None = None,
        cli: Overrides | None = None,
        plugins: Iterable[Any] = (),
        load_entry_points: bool | None = None,
        extensions: tuple[str, ...] | None = None,
    ) -> None:
        self.plugin_manager = make_plugin_manager(plugins, load_entry_points=load_entry_points)
        self.cli = cli or Overrides()
        if isinstance(config, Config):
            self.finder = ConfigFinder()
            self.finder.override = config
        else:
            self.finder = ConfigFinder(config)
        self._registries: dict[tuple, Registry] = {}
        self._settings: dict[tuple, Settings] = {}
        self._settings_keys: dict[int, str] = {}
        self._extensions = extensions
        #: The working directory while lint_paths runs (see _config_for).
        self._cwd: str | None = None

    # -- registry and settings -------------------------------------------
    def registry_for(self, config: Config) -> Registry:
        key = (config.rule_packs, config.plugins)
        registry = self._registries.get(key)
        if registry is None:
            if config.plugins:
                import importlib

                for module in config.plugins:
                    if self.plugin_manager.get_plugin(module) is None:
                        try:
                            plugin = importlib.import_module(module)
                        except ImportError as exc:
                            raise DataError(
                                config.path, config.line_of("plugins"),
                                f"cannot import plugin module {module!r}: {exc}",
                            ) from None
                        self.plugin_manager.register(plugin, name=module)
            registry = build_registry(self.plugin_manager, config.rule_packs)
            self._validate(config, registry)
            self._registries[key] = registry
        return registry

    @property
    def registry(self) -> Registry:
        """A registry already built in this run, or the one of the default config
        (formats and markups do not depend on the config)."""
        for registry in self._registries.values():
            return registry
        return self.registry_for(self.finder.override or Config())

    def check_command_line(self) -> None:
        """Every rule the command line names must exist in some configuration
        of this run (a rule pack listed in one config may define it)."""
        registries = list(self._registries.values()) or [self.registry]
        for key, message in validate_layer(self.cli, registries[0].rules):
            if all(validate_layer(self.cli, r.rules) for r in registries[1:]):
                raise DataError("command line", None, f"--{key}: {message}".replace("'", ""))

    def _validate(self, config: Config, registry: Registry) -> None:
        layers = [("", config.base)] + [(f"per-file.{g}.", o) for g, o in config.per_file]
        for prefix, layer in layers:
            for key, message in validate_layer(layer, registry.rules):
                line = config.line_of(prefix + key) or config.line_of(key)
                raise DataError(config.path or "config", line, message)

    def settings_for(self, config: Config, path: str | None) -> tuple[Registry, Settings]:
        registry = self.registry_for(config)
        layers = config.layers_for(path)
        key = (id(registry), tuple(id(layer) for layer in layers))
        settings = self._settings.get(key)
        if settings is None:
            settings = resolve([*layers, self.cli], registry.rules)
            self._settings[key] = settings
        return registry, settings

    def fail_on(self, path: str | None = None) -> Severity | None:
        return self.finder.for_path(path).fail_on

    # -- linting ----------------------------------------------------------
    def document(self, text: str, path: str | None, config: Config) -> Document:
        registry, settings = self.settings_for(config, path)
        return self._document(text, path, registry, settings)

    def _document(
        self, text: str, path: str | None, registry: Registry, settings: Settings
    ) -> Document:
        ext = os.path.splitext(path)[1].lower() if path else ".txt"
        markup = registry.markups.get(ext) or registry.markups.get(".txt")
        prepared = markup.reader(text) if markup else None
        return Document(
            text,
            prepared,
            path=path,
            markup_name=markup.name if markup else "text",
            rule_options=settings.options,
        )

    def lint_text(self, text: str, path: str | None = None, config: Config | None = None):
        config = config or self.finder.for_path(path)
        registry, settings = self.settings_for(config, path)
        document = self._document(text, path, registry, settings)
        return self.check(document, settings, registry)

    def check(
        self, document: Document, settings: Settings, registry: Registry | None = None
    ) -> list[Finding]:
        findings: list[Finding] = []
        severity = settings.severity
        for rule in settings.rules:
            try:
                level = severity.get(rule.code) if severity else None
                if level is None:
                    findings += rule.check(document)
                else:
                    findings += [f.with_(severity=level) for f in rule.check(document)]
            except TimeoutError:
                raise ReadError(
                    f"a pattern of rule {rule.code} ({rule.origin}) took too long and was "
                    "stopped; simplify the pattern"
                ) from None
        if document.comments:
            from newslint.suppression import OWN_CODES, apply_suppressions

            rules = (registry or self.registry).rules
            findings = apply_suppressions(
                document, findings, rules, [r.code for r in settings.rules]
            )
            findings = [
                f.with_(severity=settings.severity[f.code])
                if f.code in OWN_CODES and f.code in settings.severity else f
                for f in findings
            ]
        findings.sort(key=SORT_KEY)
        return findings

    def lint_file(self, path: str) -> FileResult | FileError:
        return self._lint_file(path, keyed=False)[1]

    def _lint_file(
        self, path: str, keyed: bool
    ) -> tuple[tuple[str, bytes] | None, FileResult | FileError]:
        """The result, and (if `keyed`) its results-cache entry: the key of the
        bytes linted (made from those bytes, so a file edited during the run is
        never cached under its new content) and the findings as the cache keeps
        them, made in the process that linted the file."""
        try:
            data = read_bytes(path)
            # (the file's settings looked up once, for the key and the lint)
            registry, settings = self.settings_for(self._config_for(path), path)
            document = self._document(decode(data), path, registry, settings)
            findings = self.check(document, settings, registry)
        except ReadError as exc:
            return None, FileError(path, str(exc))
        if not keyed:
            return None, FileResult(path, findings)
        key = self._cache_key(path, data, registry, settings)
        return (key, entry_value(findings)), FileResult(path, findings)

    def lint_paths(
        self,
        paths: Iterable[str],
        *,
        jobs: int | None = None,
        cache_dir: str | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Report:
        """Lint files and directories. `jobs` processes lint many files in
        parallel (default: one per CPU; small runs stay in this process);
        `cache_dir` keeps results between runs; `progress(done, total)` is
        called as files are linted."""
        self._cwd = os.getcwd()
        try:
            return self._lint_paths(paths, jobs, cache_dir, progress)
        finally:
            self._cwd = None

    def _lint_paths(
        self, paths: Iterable[str], jobs: int | None, cache_dir: str | None,
        progress: Callable[[int, int], None] | None,
    ) -> Report:
        report = Report()
        targets = []
        for path, explicit in iter_paths(
            list(paths), exclusion=self._exclusion, **self._extension_kw()
        ):
            if explicit and not os.path.exists(path):
                report.errors.append(FileError(path, "no such file or directory"))
                continue
            targets.append((path, explicit))

        cache = self._open_cache(cache_dir) if cache_dir else None
        results: list[FileResult | FileError | None] = [None] * len(targets)
        todo: list[int] = []
        for i, (path, _) in enumerate(targets):
            # An empty cache (a first run) holds nothing to look up: the files
            # are read only where they are linted.
            if cache is None or not cache.entries:
                todo.append(i)
                continue
            try:
                data = read_bytes(path)
            except ReadError:
                todo.append(i)
                continue
            registry, settings = self.settings_for(self._config_for(path), path)
            cached = cache.get(self._cache_key(path, data, registry, settings))
            if cached is None:
                todo.append(i)
            else:
                results[i] = FileResult(path, cached)

        linted = self._lint_many([targets[i][0] for i in todo], jobs, keyed=cache is not None)
        done = len(targets) - len(todo)
        for i, (entry, result) in zip(todo, linted, strict=True):
            done += 1
            if progress is not None:
                progress(done, len(targets))
            results[i] = result
            if cache is not None and entry is not None:
                cache.put(*entry)
        if cache is not None:
            cache.save()

        for (path, explicit), result in zip(targets, results, strict=True):
            if isinstance(result, FileError):
                if not explicit and result.message.startswith("binary file"):
                    report.notes.append(f"{path}: skipped, {result.message}")
                    continue
                report.errors.append(result)
            elif result is not None:
                report.files.append(result)
        return report

    # -- parallel runs and the cache ------------------------------------------
    #: Below this many files, starting worker processes costs more than it saves.
    PARALLEL_THRESHOLD = 48

    def _lint_many(
        self, paths: list[str], jobs: int | None, keyed: bool
    ) -> Iterator[tuple[tuple[str, bytes] | None, FileResult | FileError]]:
        """(cache entry, result) in the order of `paths`, linted here or also in
        forked processes (see `_lint_file`)."""
        jobs = jobs or os.cpu_count() or 1
        jobs = min(jobs, max(1, len(paths) // 16))
        if jobs <= 1 or len(paths) < self.PARALLEL_THRESHOLD or not hasattr(os, "fork"):
            for path in paths:
                yield self._lint_file(path, keyed)
            return
        from newslint import forking
        from newslint.patterns import compile_lazy_patterns

        # Compile every rule's patterns, and the modules' lazy ones, once, here,
        # so the forked workers share them; the list item makes a markup
        # reader load its full parser too.
        self.lint_text("Warm up.\n\n- A list item.\n", paths[0])
        for registry in self._registries.values():
            for rule in registry.rules.values():
                rule.prepare()
        compile_lazy_patterns()
        for results in forking.map_forked(
            lambda chunk: [self._lint_file(path, keyed) for path in chunk],
            forking.guided_chunks(paths, jobs), jobs,
        ):
            yield from results

    def _cache_key(self, path: str, data: bytes, registry: Registry, settings: Settings) -> str:
        """The results-cache key of a file's bytes linted with `settings`."""
        return entry_key(path, data, self._settings_key(registry, settings))

    def _settings_key(self, registry: Registry, settings: Settings) -> str:
        key = self._settings_keys.get(id(settings))
        if key is None:
            from newslint.cache import _file_stamp
            from newslint.usercache import blake2b

            parts = [
                ",".join(r.code for r in settings.rules),
                repr(sorted((k, v.value) for k, v in settings.severity.items())),
                repr(sorted((k, sorted(v.items())) for k, v in settings.options.items())),
                "|".join(_file_stamp(p) for p in registry.pack_paths),
            ]
            # (a digest: every file's cache key hashes it again)
            key = blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()
            self._settings_keys[id(settings)] = key
        return key

    def _open_cache(self, cache_dir: str):
        from newslint.cache import ResultCache, run_fingerprint

        registry = self.registry
        extra = repr(self.cli)
        return ResultCache(
            cache_dir, run_fingerprint(self.plugin_manager, registry.pack_paths, extra)
        )

    def _extension_kw(self) -> dict:
        return {"extensions": self._extensions} if self._extensions else {}

    def _exclusion(self, directory: str) -> Callable[[str], bool] | None:
        # (the config that governs a directory's entries: its own folder's)
        config = self._config_for(os.path.join(directory, "entry"))
        return config.is_excluded if config.exclude else None

    def _config_for(self, path: str) -> Config:
        # In a run, a relative path is looked up as an absolute one, made with
        # the working directory read once: for_path then finds each folder's
        # config once, where a relative path costs an abspath (a getcwd call)
        # and a search for the config file, 7 us a file.
        if self._cwd is not None and not os.path.isabs(path):
            path = os.path.join(self._cwd, path)
        return self.finder.for_path(path)


# -- the library API -------------------------------------------------------
_DEFAULT_LINTERS: dict[Any, Linter] = {}


def _config_arg(config: Config | Mapping | str | None) -> Config | str | None:
    if isinstance(config, Mapping):
        return parse_config(config, "<config>", root=os.getcwd())
    return config


def _linter(config: Config | str | None) -> Linter:
    # One linter per configuration per process: plugins are loaded and rule
    # patterns compiled once, however many texts are linted.
    # A mapping is parsed into a new Config on every call: key by its contents.
    key = config if isinstance(config, (str, type(None))) else repr(config)
    linter = _DEFAULT_LINTERS.get(key)
    if linter is None:
        linter = Linter(config=config)
        _DEFAULT_LINTERS[key] = linter
    return linter


def lint_text(
    text: str, *, path: str | None = None, config: Config | Mapping | str | None = None
) -> list[Finding]:
    """Lint one text. `path` picks the markup by extension (and, without
    `config`, the configuration found above it); `config` is a `Config`, a
    mapping of the same keys as `.newslint.yaml`, or a config file's path."""
    config = _config_arg(config)
    linter = _linter(config)
    return linter.lint_text(text, path, linter.finder.for_path(path))


def lint_paths(paths: Iterable[str], *, config: Config | Mapping | str | None = None) -> Report:
    """Lint files and directories; returns a `Report`."""
    return _linter(_config_arg(config)).lint_paths(paths)


__all__ = ["FileError", "FileResult", "Linter", "Report", "lint_paths", "lint_text", "BinaryFile"]
