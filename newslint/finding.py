"""What a rule reports: findings, their severity and the fixes they may carry."""

from enum import Enum
from operator import attrgetter

from newslint.records import Record, TupleRecord


class Severity(str, Enum):
    """How serious a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls(str(value).lower())
        except ValueError:
            raise ValueError(
                f"unknown severity {value!r} (expected error, warning or info)"
            ) from None

    def __str__(self) -> str:
        return self.value


_RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


# Edit and Fix are tuple records: a frozen dataclass costs far more to define,
# at every start (see config.Overrides).


class Edit(TupleRecord):
    """Replace text[start:end] with `replacement` (offsets into the decoded text)."""

    __slots__ = ()
    _fields = ("start", "end", "replacement")
    start: int
    end: int
    replacement: str

    def __new__(cls, start: int, end: int, replacement: str) -> "Edit":
        return tuple.__new__(cls, (start, end, replacement))


class Fix(TupleRecord):
    """Edits that resolve a finding. Safe fixes are applied by --fix, unsafe ones
    only with --unsafe-fixes (they change meaning or need a human's eye)."""

    __slots__ = ()
    _fields = ("edits", "safe", "description")
    edits: tuple[Edit, ...]
    safe: bool
    description: str

    def __new__(cls, edits: tuple[Edit, ...], safe: bool = True, description: str = "") -> "Fix":
        return tuple.__new__(cls, (edits, safe, description))

    def to_dict(self) -> dict:
        return {
            "safe": self.safe,
            "description": self.description,
            "edits": [
                {"start": e.start, "end": e.end, "replacement": e.replacement}
                for e in self.edits
            ],
        }


class Finding(Record):
    """One problem at one place. Lines and columns are 1-based code points, ends
    exclusive; start/end are 0-based code-point offsets into the decoded text.
    Immutable and hashable; `with_` makes a changed copy."""

    # `context`, the sentence the finding sits in, keys baselines: it is no
    # part of equality or repr.
    _fields = ("code", "name", "severity", "message", "start", "end", "line", "column",
               "end_line", "end_column", "text", "path", "suggestions", "fix", "url")

    code: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    path: "str | None"
    suggestions: "tuple[str, ...]"
    fix: "Fix | None"
    url: "str | None"
    context: str

    def __init__(
        self, code: str, name: str, severity: Severity, message: str, start: int, end: int,
        line: int, column: int, end_line: int, end_column: int, text: str,
        path: "str | None" = None, suggestions: "tuple[str, ...]" = (), fix: "Fix | None" = None,
        url: "str | None" = None, context: str = "",
    ) -> None:
        # (one write of the instance __dict__: __setattr__ refuses)
        self.__dict__.update(
            code=code, name=name, severity=severity, message=message, start=start, end=end,
            line=line, column=column, end_line=end_line, end_column=end_column, text=text,
            path=path, suggestions=suggestions, fix=fix, url=url, context=context,
        )

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Finding cannot be changed (use with_): cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Finding cannot be changed: cannot delete {name!r}")

    def __hash__(self) -> int:
        return hash(self._values())

    def __reduce__(self) -> tuple:
        # Pickled as its arguments, not its __dict__: half the time to pickle
        # and two thirds to unpickle, for every finding sent back by a worker
        # process and kept in the results cache.
        return (Finding, _ARGUMENTS(self))

    def with_(self, **changes) -> "Finding":
        return Finding(**{**self.__dict__, **changes})

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "suggestions": list(self.suggestions),
            "fix": self.fix.to_dict() if self.fix else None,
            "url": self.url,
        }

    @property
    def sort_key(self) -> tuple:
        return SORT_KEY(self)


_ARGUMENTS = attrgetter(*Finding._fields, "context")

#: Finding.sort_key as a function (no Python-level call: findings are sorted by
#: the thousand).
SORT_KEY = attrgetter("start", "end", "code")
