"""Files newslint keeps between runs in the user's cache directory.

Everything here is derived data, rebuilt when absent: validated rule packs,
the phrase prefilters, compiled patterns and the list of installed plugins.
Each file is named by a digest of everything it depends on, so a stale file is
never read; a file that cannot be read or written is simply rebuilt."""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

try:  # hashlib's own BLAKE2: importing hashlib also loads OpenSSL, 3 ms of start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

#: Exceptions an unreadable, truncated or foreign pickle can raise.
UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
              IndexError, KeyError, TypeError, ValueError)


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
            return pickle.load(f)
    except UNREADABLE:
        return None


def write(path: Path, value: Any) -> None:
    """Pickle `value` to `path` atomically (see `write_atomically`); a cache
    that cannot be written is simply rebuilt next time."""
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
    except (OSError, pickle.PicklingError):
        pass  # no writable cache directory: rebuild every time


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a new file beside `path`, then rename it over `path`: a
    concurrent reader sees the old file or the new one, never a part.

    (Not tempfile.mkstemp: importing tempfile costs 13M instructions, more
    than writing the results cache at the end of a run over an archive.)"""
    for _ in range(100):
        temporary = path.parent / f".{path.name}.{os.urandom(6).hex()}.tmp"
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            break
        except FileExistsError:
            continue
    else:
        raise FileExistsError(f"no free temporary name beside {path}")
    try:
        with open(fd, "wb") as f:
            f.write(data)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
