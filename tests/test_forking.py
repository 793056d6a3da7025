"""Work spread over forked processes: every result, in order, and no process
left behind, whatever happens."""

from __future__ import annotations

import os
import time

import pytest

from newslint import forking

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="this platform cannot fork")


def _no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def _slow_square(chunk: list[int]) -> list[tuple[int, int]]:
    # Uneven work, so that the processes finish their chunks out of order.
    time.sleep(0.002 * (chunk[0] % 4))
    return [(n * n, os.getpid()) for n in chunk]


def test_results_come_in_chunk_order_from_every_process():
    chunks = [[i, i + 100] for i in range(40)]
    results = list(forking.map_forked(_slow_square, chunks, 3))
    assert [[square for square, _ in r] for r in results] == [[i * i, (i + 100) ** 2] for i in range(40)]
    pids = {pid for r in results for _, pid in r}
    assert os.getpid() in pids and len(pids) >= 2
    assert _no_children_left()


def test_one_process_works_alone():
    assert list(forking.map_forked(lambda c: sum(c), [[1, 2], [3]], 1)) == [3, 3]


def test_a_failure_in_a_child_is_raised_here_and_children_are_reaped():
    parent = os.getpid()

    def work(chunk):
        time.sleep(0.005)
        if os.getpid() != parent and chunk == 7:
            raise ValueError("chunk 7 is bad")
        return chunk

    # Only a child fails; retry until a child, not this process, took chunk 7.
    for _ in range(20):
        try:
            list(forking.map_forked(work, list(range(12)), 2))
        except ValueError as exc:
            assert str(exc) == "chunk 7 is bad"
            # (where it went wrong in the child, not only where it was raised here)
            assert isinstance(exc.__cause__, forking.ChildTraceback)
            assert 'raise ValueError("chunk 7 is bad")' in str(exc.__cause__)
            break
    else:
        pytest.fail("no child ever took chunk 7")
    assert _no_children_left()


def test_a_child_that_dies_is_an_error_not_a_missing_result():
    parent = os.getpid()

    def work(chunk):
        if os.getpid() != parent:
            os._exit(3)
        time.sleep(0.01)
        return chunk

    with pytest.raises(RuntimeError, match="ended before finishing"):
        list(forking.map_forked(work, list(range(10)), 2))
    assert _no_children_left()


def test_stopping_early_ends_the_children():
    results = forking.map_forked(lambda c: (time.sleep(0.01), c)[1], list(range(30)), 3)
    assert next(results) == 0
    results.close()
    assert _no_children_left()


def test_results_larger_than_a_pipe_buffer_arrive_whole():
    big = list(forking.map_forked(lambda c: "x" * 300_000 + str(c), list(range(6)), 2))
    assert [b[300_000:] for b in big] == [str(i) for i in range(6)]


def test_too_many_chunks_is_refused():
    with pytest.raises(ValueError, match="at most"):
        list(forking.map_forked(len, [[]] * (forking.MAX_CHUNKS + 1), 2))


def test_a_pipe_too_small_for_the_tickets_means_working_alone(monkeypatch):
    real_write = os.write

    def full_pipe(fd, data):
        monkeypatch.setattr(os, "write", real_write)  # (only the tickets' write)
        raise BlockingIOError

    monkeypatch.setattr(os, "write", full_pipe)
    results = list(forking.map_forked(lambda chunk: (chunk, os.getpid()), list(range(5)), 3))
    assert results == [(i, os.getpid()) for i in range(5)]
    assert _no_children_left()


@pytest.mark.parametrize("count, processes", [(2225, 2), (49, 2), (100, 3), (22250, 4),
                                               (100_000, 2), (5000, 300), (3, 2)])
def test_guided_chunks_keep_order_shrink_and_fit_the_ticket_pipe(count, processes):
    items = list(range(count))
    chunks = forking.guided_chunks(items, processes)
    assert [item for chunk in chunks for item in chunk] == items
    assert len(chunks) <= forking.MAX_CHUNKS // 2 + 1
    sizes = [len(chunk) for chunk in chunks]
    assert sizes == sorted(sizes, reverse=True)
    if count == 2225:  # an archive: big chunks first, a few files each at the end
        assert sizes[0] == 32 and sizes[-2] <= 4
