"""Work on chunks in forked processes, this one included, with the results in
the order of the chunks.

multiprocessing.Pool cost a run over a news archive more than it saved:
importing it took 12 ms before the first fork, and its three threads in this
process (one of them woken by every result) took CPU from the workers on a
small machine, while this process itself only waited. Here this process works
too, children inherit the work by fork (nothing is sent to them), and only
their results come back, through a pipe each.

Chunks are handed out as tickets in one shared pipe, as make's jobserver hands
out tokens: whoever is free reads the next ticket, so a slow chunk holds up no
one, and the run ends when the pipe is empty."""

from __future__ import annotations

import os
import pickle
import select
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Chunk = TypeVar("Chunk")
Result = TypeVar("Result")

_TICKET = 2  # bytes: a chunk's index
#: Every ticket is written before the first fork, so all of them must fit in a
#: pipe's buffer: 4 KB at the least (Linux gives new pipes one page when a user
#: has many), 16 KB on macOS, 64 KB on Linux as a rule.
MAX_CHUNKS = 4096 // _TICKET
_HEADER = 8  # bytes: the length of the pickled message that follows


def guided_chunks(items: Sequence[Chunk], processes: int, largest: int = 32) -> list:
    """`items` cut into chunks for `map_forked`, in order: each chunk a share of
    the items left (at most `largest`, at least 2), so the chunks shrink towards
    the end, as OpenMP's guided schedule does. The first chunks are big (few
    hand-offs), and at the end a process waits for another's last chunk only
    as long as a few items take, however big the run. Never more than half of
    MAX_CHUNKS chunks: past that, every chunk grows."""
    least = max(2, -(-len(items) // (MAX_CHUNKS // 2)))
    largest = max(largest, least)
    chunks = []
    at = 0
    while at < len(items):
        size = max(least, min(largest, (len(items) - at) // (4 * processes)))
        chunks.append(items[at : at + size])
        at += size
    return chunks


def map_forked(
    work: Callable[[Chunk], Result], chunks: Sequence[Chunk], processes: int
) -> Iterator[Result]:
    """`work(chunk)` for every chunk, in the order of `chunks`, computed by this
    process and `processes - 1` forked children. An exception raised by `work`
    in a child is raised here; children are always ended and reaped."""
    if len(chunks) > MAX_CHUNKS:
        raise ValueError(f"at most {MAX_CHUNKS} chunks, not {len(chunks)}")
    tickets, tickets_in = os.pipe()
    all_tickets = b"".join(i.to_bytes(_TICKET, "little") for i in range(len(chunks)))
    os.set_blocking(tickets_in, False)
    try:
        written = os.write(tickets_in, all_tickets)
    except BlockingIOError:
        written = 0
    os.close(tickets_in)  # so that a reader of the empty pipe sees its end
    if written < len(all_tickets):  # a pipe smaller than any system gives: work alone
        os.close(tickets)
        yield from map(work, chunks)
        return
    children: dict[int, int] = {}  # the read end of a child's results -> its pid
    try:
        for _ in range(processes - 1):
            results_out, results_in = os.pipe()
            try:
                pid = os.fork()
            except OSError:
                os.close(results_out)
                os.close(results_in)
                raise
            if pid == 0:
                _child(work, chunks, tickets, results_in, [results_out, *children])
            os.close(results_in)
            children[results_out] = pid
        yield from _collect(work, chunks, tickets, children)
    finally:
        os.close(tickets)
        for fd, pid in children.items():
            os.close(fd)
            try:
                os.kill(pid, signal.SIGTERM)  # (one that has finished is a zombie: harmless)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)


def _collect(work, chunks, tickets: int, children: dict[int, int]) -> Iterator[Any]:
    """This process's side: take tickets while any are left, then wait for the
    children, yielding results in order as soon as the next one is in."""
    results: dict[int, Any] = {}
    buffers = {fd: bytearray() for fd in children}
    next_index = 0
    own = True
    while next_index < len(chunks):
        # Read what the children have sent without waiting while there is
        # work left here; then wait for them.
        ready, _, _ = select.select(list(buffers), [], [], 0 if own else None)
        for fd in ready:
            data = os.read(fd, 1 << 20)
            if not data:
                del buffers[fd]
                continue
            for index, outcome in _messages(buffers[fd], data):
                if isinstance(outcome, _Failure):
                    raise outcome.error from ChildTraceback(outcome.traceback)
                results[index] = outcome
        if own:
            ticket = os.read(tickets, _TICKET)
            if ticket:
                index = int.from_bytes(ticket, "little")
                results[index] = work(chunks[index])
            else:
                own = False
        while next_index in results:
            yield results.pop(next_index)
            next_index += 1
        if not own and not buffers and next_index < len(chunks):
            raise RuntimeError("a worker process ended before finishing its work")


class _Failure:
    """What a child sends when `work` raised: the error and its traceback
    there (the error's own traceback does not survive pickling)."""

    def __init__(self, error: BaseException, traceback: str) -> None:
        self.error = error
        self.traceback = traceback


class ChildTraceback(Exception):
    """The cause of an error raised in a child: its traceback there, as text."""


def _messages(buffer: bytearray, data: bytes) -> Iterator[tuple[int, Any]]:
    """The complete messages in `buffer` once `data` is added; what is left of
    an incomplete one stays in the buffer."""
    buffer += data
    at = 0
    while len(buffer) - at >= _HEADER:
        size = int.from_bytes(buffer[at : at + _HEADER], "little")
        if len(buffer) - at - _HEADER < size:
            break
        yield pickle.loads(buffer[at + _HEADER : at + _HEADER + size])
        at += _HEADER + size
    del buffer[:at]


def _child(work, chunks, tickets: int, results_in: int, inherited: list[int]) -> None:
    """A child's whole life: take tickets until none are left, send each result
    back, and leave without running this process's exit handlers (they belong
    to the parent: cache writes, buffered output)."""
    status = 1
    try:
        for fd in inherited:
            os.close(fd)
        while ticket := os.read(tickets, _TICKET):
            index = int.from_bytes(ticket, "little")
            try:
                outcome = work(chunks[index])
            except BaseException as exc:  # noqa: BLE001 - raised again in the parent
                import traceback

                outcome = _Failure(exc, traceback.format_exc())
            try:
                message = pickle.dumps((index, outcome), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
                failure = _Failure(RuntimeError(repr(exc)), getattr(outcome, "traceback", ""))
                message = pickle.dumps((index, failure))
            _write_all(results_in, len(message).to_bytes(_HEADER, "little") + message)
            if isinstance(outcome, _Failure):
                break
        status = 0
    finally:
        os._exit(status)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
