"""Record: a plain class with named fields, for the types every start makes.

A dataclass writes its __init__, __repr__ and __eq__ as source code and
compiles them when the class is made: about 2M instructions a class, and the
nine classes a run made at start-up were 6% of linting one short article. A
record lists its fields and writes its __init__ by hand; equality and repr
come from the field list, as a dataclass's do."""

from typing import Any


class Record:
    """Equal to a record of the same class whose fields are equal; shown as
    `Name(field=value, ...)`. Mutable records are unhashable, as dataclasses are."""

    __slots__ = ()
    #: The fields, in order: what `==` compares and `repr` shows.
    _fields: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({shown})"
