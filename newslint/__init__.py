"""newslint: an editorial linter for news copy.

The public API, for plugins and for programs that lint text:

- `hookimpl`: marks a plugin's hook implementations.
- `Rule`, `PhraseRule`: base classes for rules; `Finding`, `Severity`, `Fix`,
  `Edit`: what rules report.
- `Document` (with `Block`, `Sentence`, `Link`, `Markup`): what rules read.
- `lint_text`, `lint_paths`: lint from Python; `Config` configures them.
- `compile_pattern`: `regex.compile`, with the compiled pattern kept between runs;
  `lazy_pattern`: the same, compiled when first used (for a module's patterns);
  `word_trie`: words as one alternation factored by prefixes.
- `builtin_pack`: the path of one of newslint's own rule packs.
"""

from __future__ import annotations

import pluggy

__version__ = "0.1.0"

hookimpl = pluggy.HookimplMarker("newslint")

from newslint.document import Block, Comment, Document, Link, Markup, Sentence  # noqa: E402
from newslint.finding import Edit, Finding, Fix, Severity  # noqa: E402
from newslint.patterns import compile_pattern, lazy_pattern, word_trie  # noqa: E402
from newslint.rulepacks import Entry, PhraseRule  # noqa: E402
from newslint.rules import DOC_SECTIONS, Rule  # noqa: E402


def builtin_pack(name: str) -> str:
    """The path of one of newslint's own rule packs (`rules/` in the source tree),
    for a plugin's `newslint_register_rule_packs`."""
    import os

    from newslint import packs

    return os.path.join(os.path.dirname(packs.__file__), name)


def __getattr__(name: str):
    # The engine and config are imported on first use: plugins that only
    # define rules should not pay for them.
    if name in {"lint_text", "lint_paths", "Report", "FileResult", "FileError"}:
        from newslint import engine

        return getattr(engine, name)
    if name == "Config":
        from newslint.config import Config

        return Config
    raise AttributeError(f"module 'newslint' has no attribute {name!r}")


__all__ = [
    "Block",
    "builtin_pack",
    "Comment",
    "compile_pattern",
    "lazy_pattern",
    "word_trie",
    "Config",
    "DOC_SECTIONS",
    "Document",
    "Edit",
    "Entry",
    "FileError",
    "FileResult",
    "Finding",
    "Fix",
    "Link",
    "Markup",
    "PhraseRule",
    "Report",
    "Rule",
    "Sentence",
    "Severity",
    "__version__",
    "hookimpl",
    "lint_paths",
    "lint_text",
]
