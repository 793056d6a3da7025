"""Hook specifications: the ways a plugin extends newslint.

Every hook receives a `register` callback, so a plugin says what it adds
rather than returning it (the model is simonw/llm). A plugin module declares
hook implementations with `newslint.hookimpl` and is listed under the
`newslint` entry-point group of its distribution."""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("newslint")


@hookspec
def newslint_register_rules(register):
    """Register rules.

    Call ``register(rule)`` with an instance of a `newslint.Rule` subclass for
    each rule the plugin provides. Codes must be unique across all plugins.
    """


@hookspec
def newslint_register_rule_packs(register):
    """Register YAML rule packs.

    Call ``register(path)`` with the path of each pack file. A pack's entries
    for a code that a plugin registered (a `newslint.PhraseRule`) are added to
    that rule; a pack may also define new phrase rules of its own.
    """


@hookspec
def newslint_register_markups(register):
    """Register markup readers.

    Call ``register(name, reader, extensions)``: `reader(text) -> Markup` turns
    a decoded file into the prose mask and blocks; `extensions` is a list such
    as ``[".md", ".markdown"]``. Later registrations win for an extension.
    """


@hookspec
def newslint_register_formats(register):
    """Register output formats.

    Call ``register(name, formatter)``: `formatter(report, options) -> str`
    renders a `newslint.Report` (the findings of every file, the errors and the
    summary); `options` holds `color`, `statistics` and `quiet`.
    """
