"""Record and TupleRecord: classes with named fields, for the types every start makes.

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


try:  # the C field accessor collections.namedtuple uses
    from _collections import _tuplegetter
except ImportError:  # pragma: no cover - another Python
    from operator import itemgetter

    def _tuplegetter(index: int, doc: str) -> Any:
        return property(itemgetter(index), doc=doc)


class TupleRecord(tuple):
    """A tuple with named fields, as a named tuple is: attributes, indexing and
    unpacking, equality and hash as a tuple, `Name(field=value, ...)` repr,
    pickling, `_replace`, `_asdict`, immutability.

    typing.NamedTuple writes each class's __new__ as source and compiles it
    when the class is made: about 170 us a class, and the thirteen a run made
    were 2.5% of linting one short article. A tuple record lists its `_fields`
    and writes its `__new__` (with the defaults) and `__slots__ = ()` by hand;
    the field accessors are made from the list."""

    __slots__ = ()
    #: The fields, in order: the tuple's items.
    _fields: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for index, name in enumerate(cls.__dict__.get("_fields", ())):
            setattr(cls, name, _tuplegetter(index, f"Alias for field number {index}"))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self, strict=True))
        return f"{type(self).__name__}({shown})"

    @classmethod
    def _make(cls, values: Any) -> Any:
        """A record of the values of an iterable, in field order."""
        record = tuple.__new__(cls, values)
        if len(record) != len(cls._fields):
            raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(record)}")
        return record

    def _replace(self, **changes: Any) -> Any:
        """A copy with the fields in `changes` changed."""
        values = [changes.pop(name, value) for name, value in zip(self._fields, self, strict=True)]
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return type(self)(*values)

    def _asdict(self) -> dict[str, Any]:
        return dict(zip(self._fields, self, strict=True))

    def __getnewargs__(self) -> tuple:
        return tuple(self)
