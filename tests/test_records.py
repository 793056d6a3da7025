"""The record classes start-up makes (Finding, Report, Entry...) behave as the
dataclasses they replaced: equality by fields, repr, immutability of findings."""

import pickle

import pytest

from newslint import Finding, Severity
from newslint.engine import FileError, FileResult, Report
from newslint.rulepacks import Entry


def _finding(**changes) -> Finding:
    fields = dict(code="NL202", name="loaded-language", severity=Severity.WARNING,
                  message="Say what happened.", start=4, end=11, line=1, column=5,
                  end_line=1, end_column=12, text="slammed", path="a.md",
                  context="The mayor slammed the plan.")
    return Finding(**{**fields, **changes})


def test_findings_equal_and_hash_by_fields_but_not_context():
    a, b = _finding(), _finding(context="Another sentence.")
    assert a == b and hash(a) == hash(b)
    assert len({a, b}) == 1
    assert a != _finding(end=12)
    assert a != _finding(suggestions=("criticised",))
    assert "context" not in repr(a) and "code='NL202'" in repr(a)


def test_a_finding_cannot_be_changed_but_with_makes_a_copy():
    finding = _finding()
    with pytest.raises(AttributeError):
        finding.severity = Severity.ERROR
    with pytest.raises(AttributeError):
        del finding.code
    changed = finding.with_(severity=Severity.ERROR)
    assert changed.severity is Severity.ERROR and finding.severity is Severity.WARNING
    assert changed.context == finding.context and changed.with_(severity=Severity.WARNING) == finding
    with pytest.raises(TypeError):
        finding.with_(colour="red")


def test_findings_survive_pickling():
    finding = _finding()
    copy = pickle.loads(pickle.dumps(finding))
    assert copy == finding and copy.context == finding.context


def test_mutable_records_compare_by_fields_and_class():
    assert Report() == Report() and Report().files is not Report().files
    assert FileResult("a.txt", []) != FileError("a.txt", "no such file")
    assert FileError("a.txt", "bad", 3) == FileError("a.txt", "bad", 3)
    assert FileError("a.txt", "bad", 3) != FileError("a.txt", "bad", 4)
    assert str(FileError("a.txt", "bad", 3)) == "a.txt:3: bad"
    assert repr(FileResult("a.txt", [])) == "FileResult(path='a.txt', findings=[])"
    with pytest.raises(TypeError):
        hash(Report())
    assert Entry("critics say", None) == Entry("critics say", None)
    assert Entry("critics say", None) != Entry("critics say", None, suggestion="name them")


def test_a_finding_pickles_as_its_arguments_in_order():
    import inspect

    parameters = list(inspect.signature(Finding.__init__).parameters)[1:]
    assert parameters == [*Finding._fields, "context"]
    finding = _finding(suggestions=("criticised",))
    rebuilt = pickle.loads(pickle.dumps([finding, finding]))
    assert rebuilt == [finding, finding] and rebuilt[1].context == finding.context


def _tuple_record_classes():
    # (imported for their classes: every module that defines one)
    import newslint.config
    import newslint.document
    import newslint.finding
    import newslint.manager
    import newslint.markup.markdown
    import newslint.quotations
    import newslint.selection
    import newslint.suppression  # noqa: F401
    from newslint.records import TupleRecord

    found, todo = [], list(TupleRecord.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return sorted(found, key=lambda cls: cls.__qualname__)


@pytest.mark.parametrize("cls", _tuple_record_classes(), ids=lambda cls: cls.__name__)
def test_tuple_records_behave_as_named_tuples(cls):
    import collections
    import inspect

    # The named tuple the class stands for: same fields, same defaults.
    parameters = list(inspect.signature(cls.__new__).parameters.values())[1:]
    assert [p.name for p in parameters] == list(cls._fields)
    defaults = [p.default for p in parameters if p.default is not inspect.Parameter.empty]
    twin = collections.namedtuple(cls.__name__, cls._fields, defaults=defaults)

    values = [f"value {i}" for i in range(len(cls._fields))]
    record, named = cls(*values), twin(*values)
    assert record == named == tuple(values) and hash(record) == hash(named)
    assert repr(record) == repr(named)
    assert [getattr(record, f) for f in cls._fields] == values
    assert record._asdict() == named._asdict()
    first = cls._fields[0]
    assert record._replace(**{first: "new"}) == named._replace(**{first: "new"})
    assert type(record._replace(**{first: "new"})) is cls
    with pytest.raises(ValueError):
        record._replace(no_such_field=1)
    assert cls(**dict(zip(cls._fields, values, strict=True))) == record
    assert cls._make(iter(values)) == record and type(cls._make(values)) is cls
    with pytest.raises(TypeError):
        cls._make(values[:-1])
    required = len(parameters) - len(defaults)
    assert cls(*values[:required]) == twin(*values[:required])  # the defaults
    copy = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy == record and type(copy) is cls
    with pytest.raises(AttributeError):
        setattr(record, first, "changed")
    with pytest.raises(AttributeError):
        record.extra = 1  # no __dict__: as small as a tuple
