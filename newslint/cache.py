"""The results cache: a file's findings, kept until anything that could change
them changes.

One cache file per *run fingerprint* (newslint's and every plugin's version and
code, the rule packs' contents, the command-line selection); inside it, an
entry per file keyed by the file's path, a hash of its bytes and the settings
that apply to it. The file is read once at start and written once at the end,
atomically (temporary file beside it, then rename), so concurrent runs never
see a torn file; the worst a race costs is a re-lint."""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path
from typing import Any

from newslint.usercache import UNREADABLE, blake2b
from newslint.writing import write_atomically

CACHE_DIR = ".newslint_cache"
_FORMAT = 2  # 2: entries are pickled findings


def _file_stamp(path: str | None) -> str:
    if not path:
        return ""
    try:
        st = os.stat(path)
    except OSError:
        return ""
    return f"{path}:{st.st_mtime_ns}:{st.st_size}"


def run_fingerprint(plugin_manager: Any, pack_paths: list[str], extra: str) -> str:
    """What every cached result depends on, beyond the file and its settings."""
    from newslint import __version__

    h = blake2b(digest_size=16)
    h.update(f"{_FORMAT}|{__version__}|{sys.version_info[:2]}|{extra}".encode())
    # The code of newslint and of every plugin: versions, and the files' stamps,
    # so an edited checkout (editable install) never serves stale results.
    core = Path(__file__).resolve().parent
    for path in sorted(core.rglob("*.py")):
        h.update(_file_stamp(str(path)).encode())
    for name, plugin in sorted(plugin_manager.list_name_plugin(), key=lambda item: item[0]):
        h.update(f"{name}|{getattr(plugin, '__file__', '')}|".encode())
        h.update(_file_stamp(getattr(plugin, "__file__", None)).encode())
    for dist, version in sorted(getattr(plugin_manager, "distributions", {}).values()):
        h.update(f"{dist}=={version}".encode())
    for pack in pack_paths:
        try:
            h.update(Path(pack).read_bytes())
        except OSError:
            h.update(pack.encode())
    return h.hexdigest()


def entry_key(path: str, data: bytes, settings_key: str) -> str:
    h = blake2b(digest_size=16)
    h.update(path.encode("utf-8", "surrogateescape"))
    h.update(b"\0")
    h.update(settings_key.encode())
    h.update(b"\0")
    h.update(data)
    return h.hexdigest()


def entry_value(findings: list) -> bytes:
    """The findings as the cache keeps them: pickled by the process that linted
    the file, so that saving the cache at the end of a parallel run (when the
    other processes have finished) only writes bytes."""
    return pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL)


class ResultCache:
    def __init__(self, directory: str | os.PathLike, fingerprint: str) -> None:
        self.directory = Path(directory)
        self.file = self.directory / f"results-{fingerprint}.pickle"
        self.entries: dict[str, Any] = {}
        self.used: dict[str, Any] = {}
        self.dirty = False
        try:
            with open(self.file, "rb") as f:
                loaded = pickle.load(f)
            if isinstance(loaded, dict):
                self.entries = loaded
        except UNREADABLE:
            self.entries = {}

    def get(self, key: str) -> list | None:
        """The findings kept for `key`, or None."""
        value = self.entries.get(key)
        if value is None:
            return None
        try:
            findings = pickle.loads(value)
        except UNREADABLE:
            return None
        self.used[key] = value
        return findings

    def put(self, key: str, value: bytes) -> None:
        """Keep `value`, made by `entry_value`, for `key`."""
        self.used[key] = value
        self.dirty = True

    def save(self) -> None:
        """Keep the entries this run used (so the cache does not grow forever)."""
        if not self.dirty and len(self.used) == len(self.entries):
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            gitignore = self.directory / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# created by newslint\n*\n", encoding="utf-8")
            # Other fingerprints' files are stale once this run's is written.
            for old in self.directory.glob("results-*.pickle"):
                if old != self.file:
                    old.unlink(missing_ok=True)
            write_atomically(self.file, pickle.dumps(self.used, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a read-only checkout still lints; it just is not cached
