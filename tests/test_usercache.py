"""The files kept between runs: compiled patterns and the installed plugins.

Each must give exactly what rebuilding would, and never serve a stale entry."""

from __future__ import annotations

import os
import pickle
import sys

import pytest
import regex

from newslint import builtin_pack, manager, patterns, usercache, writing


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("NEWSLINT_NO_PATTERN_CACHE", raising=False)
    # A fresh process as far as the pattern store is concerned.
    monkeypatch.setattr(patterns, "_compiled", {})
    monkeypatch.setattr(patterns, "_stored", None)
    monkeypatch.setattr(patterns, "_new", {})
    monkeypatch.setattr(patterns, "_used", set())
    monkeypatch.setattr(patterns, "_saver_pid", None)
    monkeypatch.setattr(patterns, "save", patterns.save)  # atexit keeps the real one
    return tmp_path


def _new_process(monkeypatch):
    monkeypatch.setattr(patterns, "_compiled", {})
    monkeypatch.setattr(patterns, "_stored", None)
    monkeypatch.setattr(patterns, "_used", set())


def test_a_saved_pattern_is_read_back_and_matches_the_same(cache_home, monkeypatch):
    source = r"(?<!\w)(?:\L<verbs>)\s+(\w+)"
    first = patterns.compile_pattern(source, regex.IGNORECASE, verbs=["said", "told"])
    patterns.save()
    assert patterns._cache_file().exists()

    _new_process(monkeypatch)
    calls = []
    real_compile = regex.compile
    monkeypatch.setattr(regex, "compile", lambda *a, **k: calls.append(a) or real_compile(*a, **k))
    again = patterns.compile_pattern(source, regex.IGNORECASE, verbs=["said", "told"])
    assert calls == []  # unpickled, not compiled
    text = "She SAID nothing; he told them; they sang."
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in first.finditer(text)]
    assert [m.group(1) for m in again.finditer(text)] == ["nothing", "them"]


def test_named_lists_are_part_of_the_key(cache_home, monkeypatch):
    patterns.compile_pattern(r"\L<words>", 0, words=["cat"])
    patterns.save()
    _new_process(monkeypatch)
    dog = patterns.compile_pattern(r"\L<words>", 0, words=["dog"])
    assert dog.search("a dog") and not dog.search("a cat")


def test_lists_a_pattern_does_not_name_are_no_part_of_the_key(cache_home):
    # With ignore_unused (as rule packs compile), an unnamed list changes nothing.
    plain = patterns.compile_pattern(r"critics\s+\L<verbs>", 0, ignore_unused=True,
                                     verbs=["say"], nouns=["poll"])
    again = patterns.compile_pattern(r"critics\s+\L<verbs>", 0, ignore_unused=True,
                                     verbs=["say"], nouns=["survey", "study"])
    assert again is plain and plain.search("critics say") and not plain.search("critics poll")
    assert len(patterns._new) == 1  # one entry to store, not one per set of lists
    other = patterns.compile_pattern(r"critics\s+\L<verbs>", 0, ignore_unused=True,
                                     verbs=["claim"], nouns=["poll"])
    assert other is not plain and other.search("critics claim")
    with pytest.raises(ValueError):  # as regex.compile does, without ignore_unused
        patterns.compile_pattern(r"critics\s+\L<verbs>", 0, verbs=["say"], nouns=["poll"])


def test_named_lists_may_be_iterators_or_sets(cache_home, monkeypatch):
    words = patterns.compile_pattern(r"\L<w>", 0, w=(w for w in ["critics", "experts"]))
    assert words.search("the experts said")
    patterns.compile_pattern(r"\L<w>", 0, w={"critics", "experts", "pundits"})
    patterns.save()
    _new_process(monkeypatch)
    calls = []
    real_compile = regex.compile
    monkeypatch.setattr(regex, "compile", lambda *a, **k: calls.append(a) or real_compile(*a, **k))
    again = patterns.compile_pattern(r"\L<w>", 0, w={"pundits", "experts", "critics"})
    assert calls == [] and again.search("pundits")


def test_a_damaged_entry_is_compiled_again(cache_home, monkeypatch):
    patterns.compile_pattern(r"\bcritics\b")
    patterns.save()
    _new_process(monkeypatch)
    stored = patterns._store()
    for key in stored:
        stored[key] = pickle.dumps("not a pattern")
    assert patterns.compile_pattern(r"\bcritics\b").search("some critics say")


def test_a_damaged_cache_file_is_ignored(cache_home, monkeypatch):
    path = patterns._cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    pattern = patterns.compile_pattern(r"\bcritics\b")
    assert pattern.search("some critics say")
    patterns.save()
    assert isinstance(pickle.loads(path.read_bytes()), dict)  # rewritten whole


def test_an_invalid_pattern_still_raises(cache_home):
    with pytest.raises(regex.error):
        patterns.compile_pattern("(unclosed")


def test_unreadable_cache_reads_as_absent(tmp_path):
    path = tmp_path / "x.pickle"
    assert usercache.read(path) is None
    path.write_bytes(b"\x80\x05truncated")
    assert usercache.read(path) is None
    usercache.write(path, {"a": 1})
    assert usercache.read(path) == {"a": 1}


def test_entry_points_snapshot_follows_installed_packages(cache_home, tmp_path, monkeypatch):
    site = tmp_path / "site"
    dist = site / "newsplug-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: newsplug\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[newslint]\nnewsplug = newsplug_mod\n")
    (site / "newsplug_mod.py").write_text("")
    monkeypatch.setattr(sys, "path", [str(site), *sys.path])
    found = {e.name: e for e in manager.installed_entry_points()}
    assert found["newsplug"].distribution == "newsplug" and found["newsplug"].version == "1.0"

    # Upgrading replaces the dist-info directory: the snapshot is not used.
    new = site / "newsplug-2.0.dist-info"
    dist.rename(new)
    (new / "METADATA").write_text("Metadata-Version: 2.1\nName: newsplug\nVersion: 2.0\n")
    found = {e.name: e for e in manager.installed_entry_points()}
    assert found["newsplug"].version == "2.0"


def _egg_info(site, name, version, entry_points):
    info = site / f"{name}.egg-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "PKG-INFO").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text("[newslint]\n" + entry_points)
    return info


def test_metadata_rewritten_in_place_is_read_again(cache_home, tmp_path, monkeypatch):
    # setup.py develop and egg_info rewrite these files without touching the directory.
    site = tmp_path / "project"
    _egg_info(site, "houseplug", "1.0", "house = colorsys\n")
    monkeypatch.setattr(sys, "path", [str(site), *sys.path])
    assert {e.name for e in manager.installed_entry_points()} >= {"house"}
    info = site / "houseplug.egg-info"
    before = (info / "entry_points.txt").stat().st_mtime_ns
    (info / "entry_points.txt").write_text("[newslint]\nhouse = colorsys\nhouse2 = colorsys\n")
    os.utime(info / "entry_points.txt", ns=(before + 10**9, before + 10**9))
    assert {e.name for e in manager.installed_entry_points()} >= {"house", "house2"}


def test_only_the_first_plugin_of_a_name_is_imported(cache_home, tmp_path, monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    _egg_info(first, "dupplug", "2.0", "dup = colorsys\n")
    _egg_info(second, "dupplug", "1.0", "dup = no_such_module_for_newslint\n")
    monkeypatch.setattr(sys, "path", [str(first), str(second), *sys.path])
    pm = manager.make_plugin_manager(load_entry_points=True)
    assert pm.distributions["dup"] == ("dupplug", "2.0")


def test_builtin_only_ignores_a_stale_copy_of_newslint(cache_home, tmp_path, monkeypatch):
    stale = tmp_path / "stale"
    _egg_info(stale, "newslint", "0.0.1", "style = newslint.plugins.no_such_style\n")
    monkeypatch.setattr(sys, "path", [*sys.path, str(stale)])
    pm = manager.make_plugin_manager(load_entry_points="builtin")
    assert pm.get_plugin("quotes") is not None and pm.get_plugin("style") is None


def test_entry_point_values_with_extras_load():
    entry_point = manager.EntryPoint("x", "colorsys [speed]", "x", "1")
    assert entry_point.load().__name__ == "colorsys"
    assert manager.EntryPoint("y", "os.path : join", "y", "1").load() is os.path.join


def test_a_stale_snapshot_naming_a_removed_plugin_is_read_again(cache_home, monkeypatch):
    gone = manager.EntryPoint("gone", "no_such_module_for_newslint", "gone", "1")
    real = manager.installed_entry_points

    def stale(*, fresh=False):
        return real(fresh=True) if fresh else [*real(fresh=True), gone]

    monkeypatch.setattr(manager, "installed_entry_points", stale)
    pm = manager.make_plugin_manager(load_entry_points=True)
    assert pm.get_plugin("gone") is None
    assert pm.get_plugin("quotes") is not None
    assert pm.distributions["quotes"][0] == "newslint"


def test_builtin_only_loads_newslints_own_plugins(cache_home, monkeypatch):
    other = manager.EntryPoint("other", "colorsys", "someone-else", "1")  # any module
    real = manager.installed_entry_points
    monkeypatch.setattr(
        manager, "installed_entry_points", lambda *, fresh=False: [*real(fresh=fresh), other]
    )
    assert manager.make_plugin_manager(load_entry_points=True).get_plugin("other") is not None
    assert manager.make_plugin_manager(load_entry_points="builtin").get_plugin("other") is None


def test_builtin_pack_names_a_shipped_file():
    with open(builtin_pack("sourcing.yaml"), encoding="utf-8") as f:
        assert "NL101" in f.read()


def test_atomic_write_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "results.pickle"
    target.write_bytes(b"old")
    writing.write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["results.pickle"]


def test_a_failed_atomic_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "results.pickle"
    target.write_bytes(b"old")

    def refuse(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        writing.write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["results.pickle"]


def _age(path, days: float) -> None:
    then = __import__("time").time() - days * 86400
    os.utime(path, (then, then))


def test_reading_a_file_records_its_use(tmp_path):
    path = tmp_path / "packs" / "a.pickle"
    usercache.write(path, {"a": 1})
    _age(path, 10)
    assert usercache.read(path) == {"a": 1}
    assert path.stat().st_mtime > __import__("time").time() - 60  # used now


def test_a_read_only_cache_is_still_read(tmp_path, monkeypatch):
    path = tmp_path / "packs" / "a.pickle"
    usercache.write(path, {"a": 1})
    _age(path, 10)

    def refuse(*args, **kwargs):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(usercache.os, "utime", refuse)
    assert usercache.read(path) == {"a": 1}


def test_files_unused_for_a_month_are_removed_when_the_folder_is_written(tmp_path):
    folder = tmp_path / "packs"
    folder.mkdir()
    old, recent = folder / "old.pickle", folder / "recent.pickle"
    crashed, writing_now = folder / ".x.pickle.ab12.tmp", folder / ".y.pickle.cd34.tmp"
    for path in (old, recent, crashed, writing_now):
        path.write_bytes(pickle.dumps(1))
    _age(old, 31)
    _age(recent, 29)
    _age(crashed, 2)
    usercache.write(folder / "new.pickle", 2)
    left = {p.name for p in folder.iterdir()}
    assert left == {"recent.pickle", writing_now.name, "new.pickle", ".pruned"}

    # Looked through at most once a day: a file that turns stale meanwhile stays.
    _age(recent, 31)
    usercache.write(folder / "newer.pickle", 3)
    assert recent.exists()
    _age(folder / ".pruned", 2)
    usercache.write(folder / "newest.pickle", 4)
    assert not recent.exists() and usercache.read(folder / "new.pickle") == 2


def test_a_lazy_pattern_compiles_when_first_used(cache_home):
    pattern = patterns.lazy_pattern(r"\bcritics\s+\L<verbs>", regex.IGNORECASE, verbs=["say", "said"])
    assert "compiled" not in pattern.__dict__  # nothing compiled, nothing read
    assert pattern.search("Some CRITICS said so").span() == (5, 17)
    assert pattern.compiled is patterns.compile_pattern(
        r"\bcritics\s+\L<verbs>", regex.IGNORECASE, verbs=["say", "said"])
    assert pattern.search.__self__ is pattern.compiled  # looked up once, then kept
    assert [m.group() for m in pattern.finditer("critics say; critics said")] == [
        "critics say", "critics said"]
    assert pattern.pattern.startswith(r"\bcritics\s+") and pattern.flags & regex.IGNORECASE
    broken = patterns.lazy_pattern("(unclosed")
    with pytest.raises(regex.error):  # (at first use, not when defined)
        broken.search("text")
    patterns._lazy.remove(broken)


def test_a_lazy_pattern_puts_the_compiled_pattern_in_its_place(cache_home, tmp_path, monkeypatch):
    # The module's own code then reaches the pattern itself, not the stand-in.
    (tmp_path / "a_plugin_module.py").write_text(
        "from newslint import lazy_pattern\n"
        "WORD = ALSO = lazy_pattern(r'\\w+')\n"
        "def first_word(text):\n"
        "    return WORD.search(text).group()\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import a_plugin_module as module

    stand_in = module.WORD
    assert isinstance(stand_in, patterns.LazyPattern)
    assert module.first_word("  critics say") == "critics"
    assert isinstance(module.WORD, regex.Pattern) and module.ALSO is module.WORD
    assert stand_in.search("one two").group() == "one"  # a kept reference still works
    patterns._lazy.remove(stand_in)
    del sys.modules["a_plugin_module"]


def test_lazy_patterns_are_compiled_before_workers_fork(cache_home, monkeypatch):
    pattern = patterns.lazy_pattern(r"\bsaid\b")
    assert "compiled" not in pattern.__dict__
    patterns.compile_lazy_patterns()
    assert pattern.__dict__["compiled"].search("she said").span() == (4, 8)
    patterns._lazy.remove(pattern)


def test_a_lazy_pattern_takes_the_list_names_compile_pattern_takes(cache_home):
    # (the calling module is found, not passed: a list may be called "module")
    pattern = patterns.lazy_pattern(r"\L<module>\s+\L<words>", 0, module=["a"], words=["b"])
    assert pattern.fullmatch("a b") is not None
    patterns._lazy.remove(pattern)
