"""Frozen records: what `@dataclass(frozen=True)` gives, without its cost at every start.

`@dataclass` builds each method of each class from source with its own `exec`, and signs
every class without a docstring through `inspect.signature`: 35 classes on the path of
`ledger overdue` took about a third of the command's time. `@record` writes a class's
`__init__`, `__repr__`, `__eq__`, `__hash__` (and with `order=True` the comparisons) in one
`exec`, with the same meaning as a frozen dataclass's:

    @record(slots=True)
    class Name:
        text: str
        source: Source

    Name("市财政局", s) == Name("市财政局", s); Name("x", s).text = "y" raises FrozenInstanceError;
    repr(Name("x", s)) == "Name(text='x', source=Source(...))"; replace(name, text="y").

A field's default is its class attribute (immutable values only); `__post_init__` runs after
`__init__` as with a dataclass; `__match_args__` and `fields(cls)` list the fields in order.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter, ge, gt, le, lt
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


class FrozenInstanceError(AttributeError):
    """A record's fields cannot be assigned or deleted."""


_SETTER = object.__setattr__


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, order: bool = False, slots: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True)
def record(
    cls: type[T] | None = None, /, *, order: bool = False, slots: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """Make `cls` a frozen record of its annotated fields (see the module's docstring)."""

    def make(cls: type[T]) -> type[T]:
        return _make(cls, order=order, slots=slots)

    return make if cls is None else make(cls)


def fields(value: object) -> tuple[str, ...]:
    """The names of a record's (or a record class's) fields, in order."""
    cls: Any = value if isinstance(value, type) else type(value)
    names: tuple[str, ...] = cls.__match_args__
    return names


def is_record(value: object) -> bool:
    return hasattr(type(value), "__record__")


def replace(value: T, /, **changes: Any) -> T:
    """A copy of record `value` with `changes` to some of its fields (`dataclasses.replace`)."""
    names = fields(value)
    unknown = set(changes) - set(names)
    if unknown:
        raise TypeError(f"{type(value).__name__} has no field {sorted(unknown)[0]!r}")
    return type(value)(**{n: changes[n] if n in changes else getattr(value, n) for n in names})


def _make(cls: type[T], *, order: bool, slots: bool) -> type[T]:
    own = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - no inspect at start-up
    inherited: tuple[str, ...] = ()
    for base in reversed(cls.__mro__[1:]):
        if hasattr(base, "__record__"):
            inherited += tuple(n for n in fields(base) if n not in inherited)
    names = [*inherited, *(n for n in own if not str(own[n]).startswith("ClassVar"))]
    names = list(dict.fromkeys(names))
    defaults = {}
    for n in names:
        for klass in cls.__mro__:
            if n in klass.__dict__ and not _is_slot(klass.__dict__[n]):
                defaults[n] = klass.__dict__[n]
                break
    methods = _methods(tuple(names), order)
    methods["__init__"] = _init(f"{cls.__module__}.{cls.__qualname__}", names, defaults, cls)
    body_dict = {k: v for k, v in cls.__dict__.items() if k not in ("__dict__", "__weakref__")}
    if slots:
        for n in names:
            body_dict.pop(n, None)
        body_dict["__slots__"] = tuple(n for n in names if n not in inherited)
    for key, method in methods.items():
        if key not in cls.__dict__ or key in ("__setattr__", "__delattr__"):
            body_dict[key] = method
    body_dict["__match_args__"] = tuple(names)
    body_dict["__record__"] = True
    made: type[T] = type(cls.__name__, cls.__bases__, body_dict) if slots else cls
    if not slots:
        for key, value in body_dict.items():
            if key not in ("__dict__", "__weakref__") and cls.__dict__.get(key) is not value:
                type.__setattr__(cls, key, value)
    return made


def _methods(names: tuple[str, ...], order: bool) -> dict[str, Callable[..., Any]]:
    """Every method but `__init__`, from closures: no source to compile."""
    values: Callable[[Any], Any] = attrgetter(*names) if names else (lambda _: ())

    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in names)
        return f"{self.__class__.__qualname__}({shown})"

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(values(self))

    def __setattr__(self: Any, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self: Any, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return tuple(getattr(self, n) for n in names)

    def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
        for name, value in zip(names, state, strict=True):
            _SETTER(self, name, value)

    methods: dict[str, Callable[..., Any]] = {
        "__repr__": __repr__,
        "__eq__": __eq__,
        "__hash__": __hash__,
        "__setattr__": __setattr__,
        "__delattr__": __delattr__,
        "__getstate__": __getstate__,
        "__setstate__": __setstate__,
    }
    if order:
        for name, compare in (("lt", lt), ("le", le), ("gt", gt), ("ge", ge)):
            methods[f"__{name}__"] = _ordering(values, compare)
    return methods


def _ordering(
    values: Callable[[Any], Any], compare: Callable[[Any, Any], bool]
) -> Callable[[Any, Any], Any]:
    def method(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compare(values(self), values(other))
        return NotImplemented

    return method


MISSES: list[str] = []  # records whose __init__ was not in _record_inits (compiled at start-up)
SPECS: dict[str, str] = {}  # every record's key → the source of its __init__ factory


def _init(where: str, names: list[str], defaults: dict[str, Any], cls: type) -> Callable[..., None]:
    """`__init__`: written out in `_record_inits` (compiled once, like any module), else now.

    The key names the class and its fields, so a changed class never gets a stale `__init__`.
    """
    post = hasattr(cls, "__post_init__")
    params = [f"{n}=_d[{n!r}]" if n in defaults else n for n in names]
    key = f"{where}({', '.join(f'{n}=' if n in defaults else n for n in names)}){'+post' * post}"
    body = [f"        _set(self, {n!r}, {n})" for n in names]
    body += ["        self.__post_init__()"] if post else []
    SPECS[key] = "\n".join(
        [
            "def _(_set, _d):",
            f"    def __init__({', '.join(['self', *params])}):",
            *(body or ["        pass"]),
            "",
            "    return __init__",
        ]
    )
    from ._record_inits import INITS

    make = INITS.get(key)
    if make is None:
        MISSES.append(key)
        namespace: dict[str, Any] = {}
        exec(SPECS[key], namespace)  # our own text, built from field names
        make = namespace["_"]
    init: Callable[..., None] = make(_SETTER, defaults)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def inits_source() -> str:
    """The text of `_record_inits.py` for every record defined so far."""
    parts = [
        '"""Generated by tests/test_record.py (GOLDEN_UPDATE=1): every record\'s __init__, so that',
        'none is compiled at start-up (see record.py). Do not edit."""',
        "",
        "# ruff: noqa",
        "# mypy: ignore-errors",
        "from typing import Any",
        "",
        "INITS: dict[str, Any] = {}",
    ]
    for key in sorted(k for k in SPECS if k.startswith("gongkai_ledger.")):
        parts += ["", "", SPECS[key], f"INITS[{key!r}] = _"]
    return "\n".join(parts) + "\n"


def _is_slot(value: object) -> bool:
    return type(value).__name__ == "member_descriptor"
