"""The Jinja environment of the report templates, and template errors as Chinese messages.

Templates ship in `templates/` beside this module. With `--templates DIR`, a
file of the same name in DIR replaces the packaged one (whole templates or
just a part: `_style.css.j2`, `_macros.html.j2`, …), and the packaged ones stay
reachable as `builtin/<name>` so a user template can `{% extends %}` them.

Every template, ours or a user's, runs in Jinja's sandbox with
`StrictUndefined`: no attribute starting with `_`, no file or module access,
and a misspelt variable is an error, not an empty string. HTML templates
(`*.html.j2`, and anything not Markdown) are autoescaped; Markdown templates
are not, and pass every user text through the `md` filter instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from .mdtext import md_escape, md_url

PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"
BUILTIN_PREFIX = "builtin"
REPORT_TEMPLATES = {"md": "report.md.j2", "html": "report.html.j2"}

_MD_NOT_ESCAPED = (".md.j2", ".md", ".txt.j2", ".txt")


class TemplateProblem(Exception):
    """A template cannot be loaded or rendered: a Chinese message with file and line.

    The command prints it after "模板错误:" and exits 2.
    """


def zh_date(value: Any) -> str:
    """'2022-12-31' → '2022年12月31日'; '' stays ''."""
    text = str(value)
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", text)
    if m is None:
        return text
    return f"{int(m[1])}年{int(m[2])}月{int(m[3])}日"


def _autoescape(name: str | None) -> bool:
    """Escape HTML everywhere except in Markdown (and plain text) templates."""
    return name is None or not name.endswith(_MD_NOT_ESCAPED)


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, and no `'x' * 10**9` or `7 ** 10**8` to exhaust memory or time."""

    intercepted_binops = frozenset({"*", "**"})
    MAX_SIZE = 1_000_000

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 100:
            raise SecurityError(f"幂运算的指数 {right} 过大")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                sized = isinstance(seq, str | list | tuple) and isinstance(times, int)
                if sized and len(seq) * times > self.MAX_SIZE:
                    raise SecurityError(f"乘法结果过长(超过 {self.MAX_SIZE} 个元素)")
        return super().call_binop(context, operator, left, right)


def environment(user_dir: Path | None = None) -> SandboxedEnvironment:
    """The sandboxed environment; `user_dir` templates win over the packaged ones."""
    packaged = FileSystemLoader(PACKAGE_TEMPLATES, encoding="utf-8")
    loaders: list[Any] = []
    if user_dir is not None:
        if not user_dir.is_dir():
            raise TemplateProblem(f"模板目录“{user_dir}”不存在或不是目录")
        loaders.append(FileSystemLoader(user_dir, encoding="utf-8"))
    loaders += [packaged, PrefixLoader({BUILTIN_PREFIX: packaged})]
    env = _Sandbox(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=_autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["md"] = md_escape
    env.filters["md_url"] = md_url
    env.filters["zh_date"] = zh_date
    return env


def render_report(context: Mapping[str, Any], fmt: str, user_dir: Path | None = None) -> str:
    """The report in `fmt` (md or html); raises TemplateProblem on any template error."""
    name = REPORT_TEMPLATES[fmt]
    env = environment(user_dir)
    try:
        return env.get_template(name).render(context)
    except TemplateError as error:
        raise TemplateProblem(_describe(error, name)) from None
    except (ArithmeticError, LookupError, TypeError, ValueError, RuntimeError) as error:
        # a user's template can divide by zero, index past the end, recurse forever…
        raise TemplateProblem(_describe(error, name)) from None


def _describe(error: Exception, name: str) -> str:
    """'DIR/report.md.j2:3: 使用了未定义的变量或属性(…)': where, what, and Jinja's own words."""
    where = _where(error)
    if isinstance(error, TemplateSyntaxError):
        what = f"语法错误({error.message})"
    elif isinstance(error, SecurityError):
        what = f"沙箱不允许的操作({error})"
    elif isinstance(error, UndefinedError):
        what = f"使用了未定义的变量或属性({error.message})"
    elif isinstance(error, TemplateNotFound):
        what = f"找不到模板“{error.name}”"
    else:
        what = f"模板运行出错({type(error).__name__}: {error})"
    return f"{where or name}: {what}"


def _where(error: Exception) -> str:
    """The template file and line of an error: from a syntax error, else the deepest template frame."""
    if isinstance(error, TemplateSyntaxError) and error.lineno:
        return f"{error.filename or error.name}:{error.lineno}"
    found = ""
    tb: TracebackType | None = error.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        # Jinja rewrites tracebacks so that a template's frames carry its file name and line.
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            found = f"{code.co_filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found
