"""Reading files: decoding, binary detection, walking directories."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt", ".html", ".htm")
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


class ReadError(Exception):
    """A file that cannot be linted; the message is one line for the user."""


class BinaryFile(ReadError):
    pass


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is removed; line endings are kept)."""
    if b"\0" in data[:8192]:
        raise BinaryFile("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ReadError(
            f"not valid UTF-8 at byte {exc.start} (line {line}, byte {column} of the line); "
            "save the file as UTF-8"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def read_bytes(path: str) -> bytes:
    # os.open and os.read, not open(): a buffered file object costs more than
    # the read of a short article itself.
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            chunks = []
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
        finally:
            os.close(fd)
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc)) from None
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_text_file(path: str) -> str:
    return decode(read_bytes(path))


def iter_paths(
    paths: list[str],
    *,
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS,
    exclusion: Callable[[str], Callable[[str], bool] | None] = lambda directory: None,
) -> Iterator[tuple[str, bool]]:
    """Files to lint, each with whether the user named it explicitly. Named files
    are always linted; files found in directories must have a known extension
    and not be excluded. The order is stable (sorted within each directory).

    `exclusion(directory)` tells which files and folders in a directory are
    excluded, as a test of their paths, or None when none are: asked once a
    directory, not once a file."""
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                excluded = exclusion(root)
                dirs[:] = sorted(
                    d for d in dirs
                    if d not in _SKIP_DIRS and not d.startswith(".")
                    and not (excluded and excluded(os.path.join(root, d)))
                )
                for name in sorted(files):
                    if name.startswith(".") or not name.lower().endswith(extensions):
                        continue
                    full = os.path.join(root, name)
                    if not (excluded and excluded(full)):
                        yield full, False
        else:
            yield path, True
