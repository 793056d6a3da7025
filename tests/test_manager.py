"""Plugin registration: the manager finds every hook implementation."""

from __future__ import annotations

import types

from newslint import hookimpl
from newslint.manager import make_plugin_manager


def _formats(pm) -> list[str]:
    found: list[str] = []
    pm.hook.newslint_register_formats(register=lambda name, writer: found.append(name))
    return found


def test_module_plugins_register_functions_under_any_name():
    module = types.ModuleType("a_plugin")
    module.LIMIT = 3  # names that are not callables are never hooks
    module.WORDS = frozenset({"said"})

    @hookimpl(specname="newslint_register_formats")
    def formats(register):
        register("module-format", lambda report: "")

    module.formats = formats
    pm = make_plugin_manager([module], load_entry_points=False)
    assert _formats(pm) == ["module-format"]


def test_module_plugins_skip_helpers_and_keep_wrapped_hooks():
    import functools

    module = types.ModuleType("a_plugin")

    def helper(register):  # an unmarked function, even one shaped like a hook
        register("helper-format", lambda report: "")

    def logged(function):
        @functools.wraps(function)  # (copies the marker with the function's __dict__)
        def wrapper(*args, **kwargs):
            return function(*args, **kwargs)

        return wrapper

    @logged
    @hookimpl(specname="newslint_register_formats")
    def formats(register):
        register("wrapped-format", lambda report: "")

    module.newslint_register_formats = helper
    module.formats = formats
    pm = make_plugin_manager([module], load_entry_points=False)
    assert _formats(pm) == ["wrapped-format"]

def test_object_plugins_register_their_methods():
    class Plugin:
        @hookimpl
        def newslint_register_formats(self, register):
            register("object-format", lambda report: "")

    pm = make_plugin_manager([Plugin()], load_entry_points=False)
    assert _formats(pm) == ["object-format"]
