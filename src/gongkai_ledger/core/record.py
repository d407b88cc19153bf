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
    namespace: dict[str, Any] = {"_set": _SETTER, "_Frozen": FrozenInstanceError}
    params, body = [], []
    for n in names:
        if n in defaults:
            namespace[f"_d_{n}"] = defaults[n]
            params.append(f"{n}=_d_{n}")
        else:
            params.append(n)
        body.append(f"  _set(self, {n!r}, {n})")
    if hasattr(cls, "__post_init__"):
        body.append("  self.__post_init__()")
    this = "(" + "".join(f"self.{n}," for n in names) + ")"
    that = "(" + "".join(f"other.{n}," for n in names) + ")"
    shown = ", ".join(f"{n}={{self.{n}!r}}" for n in names)
    source = [
        f"def __init__(self, {', '.join(params)}):",
        *(body or ["  pass"]),
        "def __repr__(self):",
        f"  return f'{{self.__class__.__qualname__}}({shown})'",
        "def __eq__(self, other):",
        f"  if other.__class__ is self.__class__: return {this} == {that}",
        "  return NotImplemented",
        "def __hash__(self):",
        f"  return hash({this})",
        "def __setattr__(self, name, value):",
        "  raise _Frozen(f'cannot assign to field {name!r}')",
        "def __delattr__(self, name):",
        "  raise _Frozen(f'cannot delete field {name!r}')",
        "def __getstate__(self):",
        f"  return {this}",
        "def __setstate__(self, state):",
        f"  for name, value in zip({tuple(names)!r}, state): _set(self, name, value)",
    ]
    for op, name in (("<", "lt"), ("<=", "le"), (">", "gt"), (">=", "ge")) if order else ():
        source += [
            f"def __{name}__(self, other):",
            f"  if other.__class__ is self.__class__: return {this} {op} {that}",
            "  return NotImplemented",
        ]
    exec("\n".join(source), namespace)
    methods = {
        key: value
        for key, value in namespace.items()
        if key.startswith("__") and key != "__builtins__"
    }
    body_dict = {k: v for k, v in cls.__dict__.items() if k not in ("__dict__", "__weakref__")}
    if slots:
        for n in names:
            body_dict.pop(n, None)
        body_dict["__slots__"] = tuple(n for n in names if n not in inherited)
    for key, method in methods.items():
        if key not in cls.__dict__ or key in ("__setattr__", "__delattr__"):
            method.__qualname__ = f"{cls.__qualname__}.{key}"
            body_dict[key] = method
    body_dict["__match_args__"] = tuple(names)
    body_dict["__record__"] = True
    made: type[T] = type(cls.__name__, cls.__bases__, body_dict) if slots else cls
    if not slots:
        for key, value in body_dict.items():
            if key not in ("__dict__", "__weakref__") and cls.__dict__.get(key) is not value:
                type.__setattr__(cls, key, value)
    return made


def _is_slot(value: object) -> bool:
    return type(value).__name__ == "member_descriptor"
