"""Writing a file atomically: a temporary file beside it, then a rename, so a
reader (or a crash) sees the old file or the new one, never a part. The
caches, the baseline and --fix all write this way."""

from __future__ import annotations

import os


def write_atomically(
    path: str | os.PathLike, data: bytes, *, mode: int | None = None, durable: bool = False
) -> None:
    """Replace `path`'s content with `data`. The new file has permissions
    `mode` (default 0600, private); `durable` syncs it to disk before the
    rename, for a user's own files.

    (Not tempfile.mkstemp: importing tempfile costs 13M instructions, more
    than writing the results cache at the end of a run over an archive.)"""
    path = os.fspath(path)
    directory, name = os.path.split(path)
    for _ in range(100):
        temporary = os.path.join(directory, f".{name}.{os.urandom(6).hex()}.tmp")
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
            if durable:
                f.flush()
                os.fsync(f.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
