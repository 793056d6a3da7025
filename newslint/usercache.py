"""Files newslint keeps between runs in the user's cache directory.

Everything here is derived data, rebuilt when absent: validated rule packs,
the phrase prefilters, compiled patterns and the list of installed plugins.
Each file is named by a digest of everything it depends on, so a stale file is
never read; a file that cannot be read or written is simply rebuilt.

A file's modification time says when a run last used it, and a file unused
for a month is removed: every edit of a rule pack, upgrade of a plugin or
new virtual environment leaves files no run will read again."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path
from typing import Any

from newslint.writing import write_atomically

try:  # hashlib's own BLAKE2: importing hashlib also loads OpenSSL, 3 ms of start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

#: Exceptions an unreadable, truncated or foreign pickle can raise.
UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
              IndexError, KeyError, TypeError, ValueError)

#: A file no run has used for this long (seconds) is removed.
UNUSED_FOR = 30 * 86400
#: A file's use is recorded, and a folder looked through for unused files, at
#: most this often: a run that only reads writes nothing.
_RECORD_EVERY = 86400
#: The file whose modification time says when its folder was last looked through.
_LOOKED_THROUGH = ".pruned"


def cache_file(kind: str, key: str) -> Path:
    """The file of `kind` ("packs", "patterns"...) for everything in `key`."""
    from newslint import __version__

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    text = f"{__version__}|{key}"
    digest = blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return Path(base) / "newslint" / kind / f"{digest}.pickle"


def read(path: Path) -> Any | None:
    """The object pickled in `path`, or None if it is absent or unreadable."""
    try:
        with open(path, "rb") as f:
            value = pickle.load(f)
            stale = time.time() - os.fstat(f.fileno()).st_mtime > _RECORD_EVERY
    except UNREADABLE:
        return None
    if stale:
        try:
            os.utime(path)  # used today (see `prune`)
        except OSError:
            pass  # a read-only cache is still read
    return value


def write(path: Path, value: Any) -> None:
    """Pickle `value` to `path` atomically; a cache that cannot be written is
    simply rebuilt next time."""
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
    except (OSError, pickle.PicklingError):
        return  # no writable cache directory: rebuild every time
    prune(path.parent)


def prune(folder: Path) -> None:
    """Remove the files of `folder` that no run has used for UNUSED_FOR, and
    temporary files a crashed run left; the folder is looked through at most
    once a day. Runs that share the folder may prune at once: a file another
    removed, or one another has open, is left to it."""
    now = time.time()
    marker = folder / _LOOKED_THROUGH
    try:
        if now - marker.stat().st_mtime < _RECORD_EVERY:
            return
    except FileNotFoundError:
        pass
    except OSError:
        return
    try:
        marker.touch()
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name == _LOOKED_THROUGH:
            continue
        try:
            unused = now - entry.stat(follow_symlinks=False).st_mtime
            if unused > UNUSED_FOR or (entry.name.endswith(".tmp") and unused > _RECORD_EVERY):
                os.unlink(entry.path)
        except OSError:
            continue
