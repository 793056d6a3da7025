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

from newslint.writing import write_atomically

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
    """Pickle `value` to `path` atomically; a cache that cannot be written is
    simply rebuilt next time."""
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
    except (OSError, pickle.PicklingError):
        pass  # no writable cache directory: rebuild every time
