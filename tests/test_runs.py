"""Parallel runs equal serial runs; the cache never serves a stale result."""

from __future__ import annotations

from newslint.engine import Linter


def _corpus(directory, n=120):
    for i in range(n):
        shout = "REJECTS" if i % 3 == 0 else "rejects"
        mark = "?!" if i % 5 == 0 else ""
        (directory / f"story-{i:03}.txt").write_text(
            f"Council {shout} plan {i}{mark}\n\nThe vote was {i} to 2.\n", encoding="utf-8"
        )


def _flat(report):
    return [(r.path, [(f.code, f.start, f.end) for f in r.findings]) for r in report.files]


def test_parallel_results_equal_serial_and_keep_order(tmp_path):
    _corpus(tmp_path)
    serial = Linter().lint_paths([str(tmp_path)], jobs=1)
    parallel = Linter().lint_paths([str(tmp_path)], jobs=2)
    assert _flat(parallel) == _flat(serial)
    assert [r.path for r in serial.files] == sorted(r.path for r in serial.files)
    assert sum(len(r.findings) for r in serial.files) == 40 + 24


def test_cache_hits_and_invalidation(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    articles.mkdir()
    _corpus(articles, n=5)
    cache = str(tmp_path / "cache")
    first = Linter().lint_paths([str(articles)], cache_dir=cache)

    # A warm run does not lint at all.
    calls = []
    original = Linter.check
    monkeypatch.setattr(
        Linter, "check", lambda self, d, s, r=None: calls.append(d.path) or original(self, d, s, r)
    )
    warm = Linter().lint_paths([str(articles)], cache_dir=cache)
    assert calls == [] and _flat(warm) == _flat(first)

    # Changing one file re-lints that file only.
    (articles / "story-001.txt").write_text("Council WITHDRAWS plan?!\n\nBody.\n", encoding="utf-8")
    changed = Linter().lint_paths([str(articles)], cache_dir=cache)
    assert [p.rsplit("/", 1)[1] for p in calls] == ["story-001.txt"]
    assert [f.text for f in changed.files[1].findings] == ["WITHDRAWS", "?!"]

    # A different selection is a different result, never the cached one.
    from newslint.config import Overrides

    calls.clear()
    selected = Linter(cli=Overrides(select=("NL502",))).lint_paths([str(articles)], cache_dir=cache)
    assert len(calls) == 5
    assert {f.code for f in selected.findings} == {"NL502"}


def test_cache_follows_rule_pack_edits(tmp_path):
    pack = tmp_path / "pack.yaml"
    body = """rules:
  - code: NL950
    name: pack-word
    summary: s
    docs: {what-it-flags: a, why-it-matters: b, example: c, instead: d, references: e}
    entries: [%s]
"""
    pack.write_text(body % "ferry", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule-packs: [pack.yaml]\nselect: [NL950]\n")
    article = tmp_path / "a.txt"
    article.write_text("The ferry and the bus.\n", encoding="utf-8")
    cache = str(tmp_path / "cache")
    assert [f.text for f in Linter().lint_paths([str(article)], cache_dir=cache).findings] == ["ferry"]
    pack.write_text(body % "bus", encoding="utf-8")
    assert [f.text for f in Linter().lint_paths([str(article)], cache_dir=cache).findings] == ["bus"]



def test_cache_key_is_made_from_the_bytes_linted(tmp_path, monkeypatch):
    # A file edited between the cache lookup and its linting must be cached
    # under the content that was linted, never under the content looked up.
    import newslint.engine

    shouting, quiet = "Council REJECTS plan\n\nBody.\n", "Council rejects plan\n\nBody.\n"
    article, other = tmp_path / "a.txt", tmp_path / "b.txt"
    article.write_text(quiet, encoding="utf-8")
    other.write_text(quiet, encoding="utf-8")
    cache = str(tmp_path / "cache")
    Linter().lint_paths([str(tmp_path)], cache_dir=cache)  # the cache is not empty

    article.write_text(shouting, encoding="utf-8")
    original = newslint.engine.entry_key
    edited = []

    def edit_after_lookup(path, data, settings_key):
        key = original(path, data, settings_key)
        if path == str(article) and not edited:
            edited.append(path)
            article.write_text(quiet, encoding="utf-8")
        return key

    monkeypatch.setattr(newslint.engine, "entry_key", edit_after_lookup)
    Linter().lint_paths([str(tmp_path)], cache_dir=cache)
    monkeypatch.setattr(newslint.engine, "entry_key", original)

    article.write_text(shouting, encoding="utf-8")
    report = Linter().lint_paths([str(article)], cache_dir=cache)
    assert edited and [f.text for f in report.findings] == ["REJECTS"]


def test_a_parallel_cached_run_keeps_every_file_and_a_damaged_entry_is_linted_again(tmp_path):
    import pickle

    articles = tmp_path / "articles"
    articles.mkdir()
    _corpus(articles)
    cache = tmp_path / "cache"
    first = Linter().lint_paths([str(articles)], cache_dir=str(cache), jobs=2)
    (stored,) = cache.glob("results-*.pickle")
    entries = pickle.loads(stored.read_bytes())
    assert len(entries) == 120 and all(isinstance(v, bytes) for v in entries.values())

    # A damaged entry is no result: that file is linted again, the rest come back.
    damaged = next(iter(entries))
    entries[damaged] = b"not a pickle"
    stored.write_bytes(pickle.dumps(entries))
    again = Linter().lint_paths([str(articles)], cache_dir=str(cache), jobs=2)
    assert _flat(again) == _flat(first)
    assert pickle.loads(stored.read_bytes())[damaged] != b"not a pickle"
