"""Compiled regular expressions, kept between runs.

Compiling the rules' patterns was most of a short run's time: `regex` parses a
pattern in Python, and a cue list of a few hundred words takes 20 ms. But a
compiled `regex` pattern pickles as its compiled program (the module registers
that with copyreg), and unpickling it takes a sixtieth of the time. So every
pattern compiled through `compile_pattern` is kept, as pickled bytes, in one
file in the user's cache directory, keyed by a digest of its source, flags and
named lists; the file is named by the Python and `regex` versions that
compiled them."""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Iterable
from typing import Any

import regex

_Key = tuple[str, int, tuple]

#: The patterns already built in this process.
_compiled: dict[_Key, regex.Pattern] = {}
#: Pickled patterns read from the cache file (None: not read yet).
_stored: dict[bytes, bytes] | None = None
#: Patterns compiled in this process that the cache file lacks.
_new: dict[bytes, bytes] = {}
#: The stored patterns this process has used.
_used: set[bytes] = set()
_saver_pid: int | None = None
#: Beyond this many patterns the file keeps only those this run used.
_MAX_STORED = 5000
#: `regex.compile`'s keyword arguments that are options, not named lists.
_OPTIONS = ("ignore_unused", "cache_pattern")


def compile_pattern(source: str, flags: int = 0, **named_lists: Any) -> regex.Pattern:
    """`regex.compile(source, flags, **named_lists)`, from the cache when it can.

    Raises `regex.error` (or TypeError, ValueError) for an invalid pattern, as
    `regex.compile` does."""
    if named_lists.get("ignore_unused"):
        # A list the pattern does not name changes nothing it compiles to, and
        # rule packs pass all their lists to every entry: left out here, they
        # are neither sorted nor digested for each pattern.
        named_lists = {name: value for name, value in named_lists.items()
                       if name in _OPTIONS or f"\\L<{name}>" in source}
    # Read each list once (it may be an iterator); a set's order is no part of
    # it, and its iteration order changes from run to run.
    named_lists = {
        name: sorted(value) if isinstance(value, (set, frozenset))
        else value if isinstance(value, (str, bytes, int, float, type(None)))
        else list(value)
        for name, value in named_lists.items()
    }
    key = (source, flags, tuple(sorted(
        (name, tuple(value) if isinstance(value, list) else value)
        for name, value in named_lists.items()
    )))
    pattern = _compiled.get(key)
    if pattern is not None:
        return pattern
    digest = _digest(key)
    data = _store().get(digest)
    if data is not None:
        _used.add(digest)
        try:
            pattern = pickle.loads(data)
        except Exception:  # noqa: BLE001 - a damaged entry is compiled again
            pattern = None
        if not isinstance(pattern, regex.Pattern):
            pattern = None
    if pattern is None:
        written, lists = _written_out(source, flags, named_lists)
        pattern = regex.compile(written, flags, **lists)
        _remember(digest, pattern)
    _compiled[key] = pattern
    return pattern


def word_trie(words: Iterable[str]) -> str:
    """An alternation of `words` factored by common prefixes, as a trie of
    them reads: “s(?:aid|ay(?:ing|s)?)”. Tried at a place, it prefers the
    longest word there and falls back to shorter ones, as a named list does."""
    return _factored(sorted({w for w in words if w}), 0)


def _factored(words: list[str], depth: int) -> str:
    """`word_trie` of `words` (sorted, distinct, sharing their first `depth`
    characters) from character `depth` on. Sorted, the words that share a
    prefix are neighbours, and a word that ends inside its group comes first."""
    if not words:
        return ""
    first, last = words[0], words[-1]
    # The prefix all of them share: that of the first and the last.
    end = depth
    while end < len(first) and first[end] == last[end]:
        end += 1
    head = _escaped(first[depth:end])
    ends_here = len(first) == end  # (then it is the only word, or a prefix of the rest)
    rest = words[1:] if ends_here else words
    if not rest:
        return head
    alternatives = []
    at = 0
    while at < len(rest):
        ch = rest[at][end]
        after = at + 1
        while after < len(rest) and rest[after][end] == ch:
            after += 1
        alternatives.append(_escaped(ch) + _factored(rest[at:after], end + 1))
        at = after
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return head + (f"(?:{body})?" if ends_here else body)


def _escaped(text: str) -> str:
    # (a letter is its own escape; regex.escape per letter was slow)
    if text.isalnum():
        return text
    return "".join(ch if ch.isalnum() else regex.escape(ch) for ch in text)


#: What a word list and its alternation might read differently under: a
#: version or full-case-folding flag (folding), the reverse flag, a fuzzy
#: constraint, a comment (which the alternation's ")" would end). Lists are
#: then left to regex.
_NOT_WRITTEN_OUT = r"\(\?[a-zA-Z0-9-]*[fVr]|\{\s*[eids]\s*(?:[<=]|\})|\(\?#"
#: A named list's place in a pattern (not an escaped backslash before an L).
_LIST_REFERENCE = r"(?<!\\)((?:\\\\)*)\\L<(\w+)>"
# (sources, compiled by regex's own cache when a pattern is first compiled:
# compiling them at import would cost every start what a cache miss needs)


def _written_out(source: str, flags: int,
                 named_lists: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """`source`, with each named list of plain words (ASCII, lower case, none
    empty) written out as a `word_trie`, and the named lists `regex.compile`
    still needs for it: the same matches, tried several times faster than the
    list, which regex looks up by folding and hashing every length a word
    there could have. (In lower case, the words that share a prefix share it
    with and without IGNORECASE, in a case-sensitive group or not, so the
    alternation prefers the longest word there, as the list does.)"""
    if flags & (regex.V1 | regex.FULLCASE | regex.REVERSE) or regex.search(_NOT_WRITTEN_OUT, source):
        return source, named_lists
    plain = {
        name for name, items in named_lists.items()
        if name not in _OPTIONS and isinstance(items, list) and items
        and all(isinstance(item, str) and item and item.isascii() and item == item.lower()
                for item in items)
    }
    if not plain:
        return source, named_lists
    tries: dict[str, str] = {}

    def write_out(reference: Any) -> str:
        name = reference.group(2)
        if name not in plain:
            return reference.group(0)
        if name not in tries:
            tries[name] = word_trie(named_lists[name])
        return reference.group(1) + "(?:" + tries[name] + ")"

    source = regex.sub(_LIST_REFERENCE, write_out, source)
    return source, {k: v for k, v in named_lists.items() if k not in tries}


class LazyPattern:
    """`compile_pattern(source, flags, **named_lists)`, compiled (or read from
    the cache) when first used: for a module's patterns, most of which a short
    run never reaches. Reading a cached pattern back costs 30-100 us (regex
    builds its matching graph anew), and the built-in plugins' 61 module
    patterns cost a short run 3 ms, where it used a handful.

    At its first use it puts the compiled pattern in its place in the module
    that made it (every name there bound to it), so that the module's own code
    then reaches the pattern itself: going through this object costs an
    attribute lookup in Python at every use. A reference kept elsewhere still
    answers as the pattern does (`search`, `finditer`, `pattern`...). It is
    not a `regex.Pattern`: pass `.compiled` where one is needed."""

    compiled: regex.Pattern  # (made on first use, by __getattr__)

    def __init__(self, source: str, flags: int, named_lists: dict[str, Any],
                 module: str | None) -> None:
        self._arguments = (source, flags, named_lists)
        self._module = module
        _lazy.append(self)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_arguments", "_module"):
            raise AttributeError(name)  # (copy and pickle probe for these)
        if name == "compiled":
            source, flags, named_lists = self._arguments
            value = compile_pattern(source, flags, **named_lists)
            namespace = getattr(sys.modules.get(self._module or ""), "__dict__", {})
            for key, bound in list(namespace.items()):
                if bound is self:
                    namespace[key] = value
        else:
            value = getattr(self.compiled, name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self._arguments[0]!r}, {self._arguments[1]})"


#: Every lazy pattern made in this process, for `compile_lazy_patterns`.
_lazy: list[LazyPattern] = []


def compile_lazy_patterns() -> None:
    """Compile every lazy pattern made so far: before forking workers, so that
    they share the patterns rather than each compiling its own."""
    for pattern in _lazy:
        pattern.compiled  # noqa: B018 - compiles on first access


def lazy_pattern(source: str, flags: int = 0, **named_lists: Any) -> LazyPattern:
    """A pattern compiled when first used, for the patterns a module defines at
    its top (see `LazyPattern`): the calling module's names bound to it are
    then bound to the compiled pattern."""
    return LazyPattern(source, flags, named_lists, sys._getframe(1).f_globals.get("__name__"))


def _digest(key: _Key) -> bytes:
    """The key as the cache file stores it: a digest loads far faster than the
    sources and word lists themselves."""
    from newslint.usercache import blake2b

    return blake2b(repr(key).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _cache_file():
    from newslint.usercache import cache_file

    return cache_file(
        "patterns", f"3|{sys.implementation.name}|{sys.version_info[:2]}|{regex.__version__}"
    )


def _store() -> dict[bytes, bytes]:
    global _stored
    if _stored is None:
        from newslint import usercache

        _stored = {}
        if not os.environ.get("NEWSLINT_NO_PATTERN_CACHE"):
            found = usercache.read(_cache_file())
            if isinstance(found, dict):
                _stored = found
    return _stored


def _remember(digest: bytes, pattern: regex.Pattern) -> None:
    global _saver_pid
    if os.environ.get("NEWSLINT_NO_PATTERN_CACHE"):
        return
    try:
        _new[digest] = pickle.dumps(pattern, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError):
        return
    if _saver_pid is None:
        import atexit

        _saver_pid = os.getpid()
        atexit.register(save)


def save() -> None:
    """Add the patterns compiled in this process to the cache file. Runs at
    exit; concurrent runs may each write, and the last one wins (what it drops
    is compiled again next time)."""
    if not _new or os.getpid() != _saver_pid:
        return  # forked workers leave the file to the parent
    from newslint import usercache

    path = _cache_file()
    merged = usercache.read(path)
    if not isinstance(merged, dict) or len(merged) + len(_new) > _MAX_STORED:
        merged = {digest: data for digest, data in (_stored or {}).items() if digest in _used}
    merged.update(_new)
    usercache.write(path, merged)
    _new.clear()
