"""Jinja's sandbox with a budget: every template render is bounded in output, memory and time.

Jinja's sandbox keeps templates away from files and Python internals, but not from
`'{:>2000000000}'.format('x')`, `~` chains, `|center(10**9)` or nested loops. Here every
render has a `Budget`:

- every string or list an operation makes (`*`, `+`, `%`, `~`, a filter, a method call such
  as `str.format` or `str.center`, `lipsum`, the join of a `{% set %}` block or a macro's
  output) is sized *before* it is made where its size follows from its arguments, and no
  result may exceed `Limits.value_chars`;
- all those results together may not exceed `Limits.work` (a loop that makes a large value
  again and again), and every block entered, attribute read and call counts one step against
  `Limits.steps` (a loop that makes nothing);
- the output is streamed (`Template.generate`) and may not exceed `Limits.output_chars`;
- a wall-clock deadline (`Limits.seconds`) is checked on every step and every output chunk.

Exceeding any of them raises `BudgetExceeded`, a Jinja `SecurityError` with a Chinese
message, which the report command shows as a template error (exit 2).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum


@dataclass(frozen=True)
class Limits:
    """The limits of one render. The defaults are far above what the packaged report of a
    large ledger (40,000 items) needs, and far below what exhausts a small machine."""

    # the packaged HTML report of the 1× benchmark ledger (40,000 items): 21 million
    # characters, 2.2 million steps, 9 million characters of values
    output_chars: int = 100_000_000
    value_chars: int = 20_000_000  # one string, list or tuple made by the template
    work: int = 200_000_000  # all values made, added up
    steps: int = 20_000_000  # blocks entered, attributes read, calls made
    seconds: float = 120.0
    int_bits: int = 100_000  # about 30,000 decimal digits
    max_exponent: int = 100


class BudgetExceeded(SecurityError):
    """A template went over one of its limits: a Chinese message saying which."""


class Budget:
    """What one render has used so far, against its `Limits`."""

    _CHECK_CLOCK_EVERY = 1024  # steps between two looks at the clock

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.steps = 0
        self.work = 0
        self.output = 0

    def step(self) -> None:
        self.steps += 1
        if self.steps > self.limits.steps:
            raise BudgetExceeded(f"模板执行的步骤过多(超过 {self.limits.steps} 步,可能是循环过多)")
        if self.steps % self._CHECK_CLOCK_EVERY == 0:
            self.check_clock()

    def check_clock(self) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetExceeded(f"模板运行超时(超过 {self.limits.seconds:g} 秒)")

    def allow(self, size: int, what: str) -> None:
        """Before making a value of (at most) `size` characters or elements."""
        if size > self.limits.value_chars:
            raise BudgetExceeded(f"{what}的结果过长(超过 {self.limits.value_chars} 个字符或元素)")
        self.work += size
        if self.work > self.limits.work:
            raise BudgetExceeded(
                f"模板生成的内容总量过大(超过 {self.limits.work} 个字符或元素,可能是循环过多)"
            )

    def made(self, value: Any, what: str, *, charged: bool = False) -> Any:
        """After an operation: its result is accounted for, unless it was sized (and charged)
        beforehand; then it is only held to the limit of one value."""
        if isinstance(value, str | bytes | list | tuple | dict | set):
            if not charged:
                self.allow(len(value), what)
            elif len(value) > self.limits.value_chars:
                raise BudgetExceeded(
                    f"{what}的结果过长(超过 {self.limits.value_chars} 个字符或元素)"
                )
        elif isinstance(value, int) and not isinstance(value, bool):
            self.allow_int(value.bit_length(), what)
        return value

    def allow_int(self, bits: int, what: str) -> None:
        if bits > self.limits.int_bits:
            raise BudgetExceeded(f"{what}的结果数值过大(超过 {self.limits.int_bits} 位二进制)")

    def emitted(self, chunk: str) -> None:
        self.output += len(chunk)
        if self.output > self.limits.output_chars:
            raise BudgetExceeded(f"模板输出过长(超过 {self.limits.output_chars} 个字符)")
        self.check_clock()


def _length(value: Any) -> int:
    """The characters or elements of a string or collection (for `+`, `*`, `extend`)."""
    if isinstance(value, str | bytes | list | tuple | dict | set):
        return len(value)
    return _size(value)


_REPR_GROWTH = 10  # repr() writes a character at most as '\\U0001f600'
_TEXT_CONTAINERS = (list, tuple, dict, set, frozenset)


def _size(value: Any) -> int:
    """An upper bound of the length of `str(value)`, found without making it: a container
    (`str([a] * 1000000)`) is walked, every occurrence of an element counted (the walk stops
    as soon as the bound passes any limit, so it costs no more than the text it stands for)."""
    if isinstance(value, str):
        return len(value)
    if not isinstance(value, _TEXT_CONTAINERS):
        if isinstance(value, int) and not isinstance(value, bool):
            return value.bit_length() // 3 + 2  # decimal digits, rounded up
        if isinstance(value, bytes):
            return len(value) * 4 + 3
        return len(str(value))
    total = 0
    on_path: set[int] = set()
    stack: list[Any] = [value]
    while stack and total <= _WALK_LIMIT:
        item = stack.pop()
        if item is _LEAVE:
            on_path.discard(stack.pop())
            continue
        if isinstance(item, str):
            total += len(item) * _REPR_GROWTH + 2
        elif isinstance(item, _TEXT_CONTAINERS):
            total += 2
            if id(item) in on_path:  # shown as [...]
                continue
            on_path.add(id(item))
            stack += [id(item), _LEAVE]
            elements = (
                [x for pair in item.items() for x in pair] if isinstance(item, dict) else item
            )
            for element in elements:
                total += 2
                stack.append(element)
        else:
            total += _size(item)
    return total


_LEAVE = object()  # marks the end of a container's elements in _size's walk
# A walk ends past the default limit of one value: what it sized is refused by then anyway.
_WALK_LIMIT = Limits.value_chars


_NUMBERS = re.compile(r"\d+")


def _format_size(template: str, args: Iterable[Any], nested_widths: bool) -> int:
    """An upper bound of the length of `template % args` or `template.format(*args)`: every
    number written in the template may be a width or precision, and so may every integer
    argument when widths can come from the arguments (`%*s`, `{:{w}}`)."""
    size = len(template) + sum(int(n) for n in _NUMBERS.findall(template))
    for arg in args:
        size += _size(arg)
        if nested_widths and isinstance(arg, int) and not isinstance(arg, bool):
            size += abs(arg)
    return size


def _printf_size(template: str, args: Any) -> int:
    values = (
        args if isinstance(args, tuple) else (args.values() if isinstance(args, dict) else (args,))
    )
    return _format_size(template, values, "*" in template)


def _brace_size(template: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    return _format_size(
        template, (*args, *kwargs.values()), re.search(r"\{[^{}]*\{", template) is not None
    )


def _width(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _count(text: str, old: Any) -> int:
    if not isinstance(old, str):
        return len(text) + 1
    return len(text) + 1 if old == "" else text.count(old)


# The size of a str method's result, from the string and the arguments, before it is made.
_STR_METHODS: dict[str, Callable[..., int]] = {
    "center": lambda s, width=0, *_: max(len(s), _width(width)),
    "ljust": lambda s, width=0, *_: max(len(s), _width(width)),
    "rjust": lambda s, width=0, *_: max(len(s), _width(width)),
    "zfill": lambda s, width=0, *_: max(len(s), _width(width)),
    "expandtabs": lambda s, tabsize=8, **_: len(s) + s.count("\t") * max(0, _width(tabsize)),
    "replace": lambda s, old="", new="", *_: len(s) + _count(s, old) * _size(new),
    "translate": lambda s, table=None, *_: len(s) * _longest_value(table),
}

# The size of a filter's result, from its own arguments, before it is made.
_FILTERS: dict[str, Callable[..., int]] = {
    "center": lambda value, width=80, *_: max(_size(value), _width(width)),
    "indent": lambda s, width=4, *_, **__: (
        _size(s) + (str(s).count("\n") + 1) * (_width(width) or _size(width))
    ),
    "wordwrap": lambda s, width=79, break_long_words=True, wrapstring=None, *_, **__: (
        _size(s) * (1 + _size(wrapstring or "\n"))
    ),
    "truncate": lambda s, length=255, killwords=False, end="...", *_, **__: _size(s) + _size(end),
    "replace": lambda s, old="", new="", *_: _size(s) + _count(str(s), old) * _size(new),
    "format": lambda value, *args, **kwargs: _printf_size(str(value), args or kwargs),
    "join": lambda value, d="", *_, **__: sum(map(_size, value)) + len(value) * _size(d),
    "sum": lambda iterable, attribute=None, start=0, *_: _sum_size(iterable, start),
    "batch": lambda value, linecount=1, fill_with=None, *_: (
        _length(value) + (_width(linecount) if fill_with is not None else 0)
    ),
    "slice": lambda value, slices=1, *_, **__: _length(value) + _width(slices),
    "string": lambda value, *_: _size(value),
    "e": lambda value, *_: 5 * _size(value),  # '&amp;' for '&'
    "escape": lambda value, *_: 5 * _size(value),
    "forceescape": lambda value, *_: 5 * _size(value),
    "urlencode": lambda value, *_: 12 * _size(value),  # '%F0%9F%98%80' for one character
    "tojson": lambda value, indent=None, *_: _size(value) * (1 + _width(indent)),
}
_JINJA_KEYWORDS = ("_loop_vars", "_block_vars")  # what Context.call takes for itself
_STR_SIZED_ELSEWHERE = frozenset({"join", "format", "format_map"})  # in BudgetSandbox.call
_LISTED_FIRST = frozenset({"join", "sum"})  # filters whose value is listed first, to be sized


class _BudgetCodeGenerator(CodeGenerator):
    """Jinja's code generator, with one step counted at the start of every block (a loop
    body, a macro, a template) and `~` sized before it joins."""

    def blockvisit(self, nodes_: Iterable[nodes.Node], frame: Frame) -> None:
        self.writeline("environment.budget.step()")
        super().blockvisit(nodes_, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        # the joiner is chosen as Jinja chooses it; its operands are sized before the join
        if frame.eval_ctx.volatile:
            joiner = "(markup_join if context.eval_ctx.volatile else str_join)"
        else:
            joiner = "markup_join" if frame.eval_ctx.autoescape else "str_join"
        self.write(f"environment.checked_concat({joiner}, (")
        for operand in node.nodes:
            self.visit(operand, frame)
            self.write(", ")
        self.write("))")


class BudgetSandbox(SandboxedEnvironment):
    """The sandbox whose renders are bounded; `render()` is the only way to render."""

    code_generator_class = _BudgetCodeGenerator
    intercepted_binops = frozenset({"+", "*", "**", "%"})

    def __init__(self, *args: Any, limits: Limits | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits or Limits()
        self.budget = Budget(self.limits)
        self.rendering = ""  # the file of the template being rendered, for messages
        self.concat = self._checked_join  # type: ignore[method-assign]
        self.globals["lipsum"] = self._lipsum
        self.finalize = self._finalize
        self.policies["json.dumps_function"] = self._json_dumps
        self.filters = {name: self._bounded_filter(name, f) for name, f in self.filters.items()}

    def render(self, name: str, context: dict[str, Any]) -> str:
        """Template `name`, rendered within a fresh budget and streamed into a capped buffer."""
        self.budget = Budget(self.limits)
        template = self.get_template(name)
        self.rendering = template.filename or name
        chunks: list[str] = []
        for chunk in template.generate(context):
            self.budget.emitted(chunk)
            chunks.append(chunk)
        return "".join(chunks)

    # -- hooks of the sandbox ----------------------------------------------------------

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.budget.step()
        what = f"运算“{operator}”"
        if operator == "**" and isinstance(right, int) and abs(right) > self.limits.max_exponent:
            raise SecurityError(f"幂运算的指数 {right} 过大")
        if _is_int(left) and _is_int(right):
            if operator == "**" and right > 0:
                self.budget.allow_int(max(left.bit_length(), 1) * right, what)
            elif operator == "*":
                self.budget.allow_int(left.bit_length() + right.bit_length(), what)
        charged = True
        if operator == "*" and _is_sequence_times(left, right):
            seq, times = (left, right) if _is_int(right) else (right, left)
            if len(seq) * times > self.limits.value_chars:
                raise BudgetExceeded(f"乘法结果过长(超过 {self.limits.value_chars} 个元素)")
            self.budget.allow(len(seq) * max(times, 0), what)
        elif operator == "+" and isinstance(left, str | list | tuple):
            self.budget.allow(len(left) + _length(right), what)
        elif operator == "%" and isinstance(left, str):
            self.budget.allow(_printf_size(left, right), what)
        else:
            charged = False
        result = super().call_binop(context, operator, left, right)
        return self.budget.made(result, what, charged=charged)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        self = __self
        self.budget.step()
        # Inside a loop or a block Jinja adds its own keywords (the loop's and the block's
        # variables) for a callable that takes the context: they are not the call's
        # arguments, are not sized, and go on to Jinja
        # (Context.call) only.
        jinja = {key: kwargs.pop(key) for key in _JINJA_KEYWORDS if key in kwargs}
        method = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        owner = getattr(method, "__self__", None)
        name = getattr(method, "__name__", "")
        what = f"调用“{name or type(__obj).__name__}”"
        charged = True
        text_method = name in _STR_METHODS or name in _STR_SIZED_ELSEWHERE
        if isinstance(owner, str | bytes) and text_method:
            if name == "join" and args:
                items = list(args[0])
                self.budget.allow(sum(map(_size, items)) + len(items) * len(owner), what)
                args = (items, *args[1:])
            elif name in ("format", "format_map") and isinstance(owner, str):
                mapped = args[0] if name == "format_map" and args else {}
                values = (*args, *mapped.values()) if isinstance(mapped, dict) else args
                self.budget.allow(_brace_size(owner, tuple(values), kwargs), what)
            elif name in _STR_METHODS:
                self.budget.allow(_STR_METHODS[name](owner, *args, **kwargs), what)
        elif isinstance(owner, list) and name in ("append", "insert"):
            self.budget.allow(1, what)
        elif isinstance(owner, list) and name == "extend" and args:
            self.budget.allow(_length(args[0]), what)
        else:
            charged = False
        result = SandboxedEnvironment.call(self, __context, __obj, *args, **kwargs, **jinja)
        return self.budget.made(result, what, charged=charged)

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.budget.step()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.budget.step()
        return super().getitem(obj, argument)

    # -- what the generated code and the globals call --------------------------------

    def checked_concat(
        self, joiner: Callable[[Iterable[Any]], str], operands: tuple[Any, ...]
    ) -> str:
        """`a ~ b ~ …`: sized before it is joined (escaping may add a little; checked after)."""
        what = "连接运算“~”"
        self.budget.allow(sum(map(_size, operands)), what)
        joined = joiner(operands)
        if len(joined) > self.limits.value_chars:
            self.budget.allow(len(joined), what)
        return joined

    def _checked_join(self, parts: Iterable[str]) -> str:
        """The join of a block's output (`{% set %}…{% endset %}`, a macro, a filter block)."""
        listed = list(parts)
        self.budget.allow(sum(map(len, listed)), "模板片段")
        return "".join(listed)

    def _finalize(self, value: Any) -> Any:
        """Every `{{ value }}` before it is made text: a list or dict is sized first."""
        if not isinstance(value, str):
            self.budget.allow(_size(value), "输出")
        return value

    def _json_dumps(self, value: Any, **options: Any) -> str:
        """`|tojson`, streamed and stopped at the limit of one value."""
        what = "过滤器“tojson”"
        parts: list[str] = []
        total = 0
        for part in json.JSONEncoder(**options).iterencode(value):
            total += len(part)
            if total > self.limits.value_chars:
                self.budget.allow(total, what)
            parts.append(part)
        return "".join(parts)

    def _lipsum(self, n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
        self.budget.allow(_width(n) * _width(max) * 12, "lipsum")  # 12: a word and its space
        return generate_lorem_ipsum(n, html, min, max)

    def _bounded_filter(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        estimate = _FILTERS.get(name)
        what = f"过滤器“{name}”"

        @wraps(function)  # keeps Jinja's pass_context/pass_environment marks
        def bounded(*args: Any, **kwargs: Any) -> Any:
            self.budget.step()
            if estimate is not None:
                passed = _passed(function)
                own = args[passed:]
                if name in _LISTED_FIRST and own:
                    own = (list(own[0]), *own[1:])
                    args = (*args[:passed], *own)
                self.budget.allow(estimate(*own, **kwargs), what)
            return self.budget.made(function(*args, **kwargs), what, charged=estimate is not None)

        return bounded


def _passed(function: Callable[..., Any]) -> int:
    """How many arguments Jinja passes before the filter's value (a context or environment)."""
    return 1 if getattr(function, "jinja_pass_arg", None) is not None else 0


def _longest_value(table: Any) -> int:
    if not isinstance(table, dict):
        return 1
    return max([1, *(_size(v) for v in table.values() if v is not None)])


def _sum_size(items: list[Any], start: Any) -> int:
    """`|sum(start=[])` adds lists (or strings) one by one: each addition copies the sum."""
    if not isinstance(start, str | list | tuple):
        return 0
    total = _length(start) + sum(map(_length, items))
    return total + total * len(items) // 2


def _is_sequence_times(left: Any, right: Any) -> bool:
    return (isinstance(left, str | list | tuple) and _is_int(right)) or (
        isinstance(right, str | list | tuple) and _is_int(left)
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
