"""The Jinja environment of the report templates, and template errors as Chinese messages.

The built-in templates are the repository's top-level `templates/`, installed
as the package `gongkai_ledger.templates`. A ledger repository may keep its own
`templates/` beside the ledger directory (`data/../templates`, inside the git
work tree when there is one): it is used without an option; `--templates DIR`
wins over it. Either way a file of the same name replaces the packaged one
(whole templates or just a part: `_style.css.j2`, `_macros.html.j2`, …), and
the packaged ones stay reachable as `builtin/<name>` so a user template can
`{% extends %}` them.

Every template, ours or a user's, runs in Jinja's sandbox with
`StrictUndefined`: no attribute starting with `_`, no file or module access,
and a misspelt variable is an error, not an empty string. Templates are read
only from regular files inside their directory (links resolved first), and
every render is bounded in output, memory and time (`sandbox.py`). HTML templates
(`*.html.j2`, and anything not Markdown) are autoescaped; Markdown templates
are not, and pass every user text through the `md` filter instead.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Mapping
from importlib import import_module
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import (
    BaseLoader,
    BytecodeCache,
    ChoiceLoader,
    Environment,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.bccache import Bucket
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import MAX_RANGE

from ..core.errors import TemplateProblem, os_reason
from ..core.safetext import one_line
from .mdtext import md_escape, md_url
from .sandbox import BudgetExceeded, BudgetSandbox

# the package's directory (importlib.resources would cost its own import for the same path)
PACKAGE_TEMPLATES = Path(str(import_module("gongkai_ledger.templates").__file__)).parent.resolve()
REPOSITORY_TEMPLATES = "templates"  # a ledger repository's own, beside the ledger directory
BUILTIN_PREFIX = "builtin"
REPORT_TEMPLATES = {"md": "report.md.j2", "html": "report.html.j2"}

_MD_NOT_ESCAPED = (".md.j2", ".md", ".txt.j2", ".txt")
MAX_TEMPLATE_BYTES = 1_000_000  # a template file; the packaged ones are a few KB


class TemplateRefused(TemplateError):
    """A template file that may not be read: a link out of its directory, a FIFO or device,
    too large, not UTF-8. Its message is Chinese and complete."""


class _DirectoryLoader(BaseLoader):
    """Templates from one directory, and only regular files inside it: a name is resolved
    (every link followed) and must stay within the resolved directory; FIFOs, devices and
    files over MAX_TEMPLATE_BYTES are refused, and nothing is read beyond that size."""

    def __init__(self, root: Path) -> None:
        self.root = str(root)
        self.real_root = os.path.realpath(root)

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = os.path.join(self.root, *split_template_path(template))
        if not os.path.lexists(path):
            raise TemplateNotFound(template)
        real = os.path.realpath(path)
        if os.path.commonpath([real, self.real_root]) != self.real_root:
            raise TemplateRefused(f"模板“{template}”是指向模板目录之外({real})的链接,不能读取")
        if os.path.isdir(real):
            raise TemplateNotFound(template)
        return _read_template(real, template), path, lambda: True


def _read_template(real: str, template: str) -> str:
    """The text of a regular file of at most MAX_TEMPLATE_BYTES, opened without following a
    link that appeared since it was resolved and without waiting on a FIFO."""
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise TemplateRefused(f"模板“{template}”无法读取({os_reason(error)})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise TemplateRefused(f"模板“{template}”不是普通文件(如管道、设备),不能读取")
        data = os.read(fd, MAX_TEMPLATE_BYTES + 1)
    except OSError as error:
        raise TemplateRefused(f"模板“{template}”无法读取({os_reason(error)})") from None
    finally:
        os.close(fd)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateRefused(f"模板“{template}”过大(超过 {MAX_TEMPLATE_BYTES} 字节)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TemplateRefused(
            f"模板“{template}”不是 UTF-8 文本(第 {error.start + 1} 个字节无法解码)"
        ) from None


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


def environment(user_dir: Path | None = None) -> BudgetSandbox:
    """The sandboxed environment; `user_dir` templates win over the packaged ones."""
    packaged = _DirectoryLoader(PACKAGE_TEMPLATES)
    loaders: list[BaseLoader] = []
    if user_dir is not None:
        if not user_dir.is_dir():
            raise TemplateProblem(f"模板目录“{user_dir}”不存在或不是目录")
        loaders.append(_DirectoryLoader(user_dir))
    loaders += [packaged, PrefixLoader({BUILTIN_PREFIX: packaged})]
    env = BudgetSandbox(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=_autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_Precompiled(),
    )
    env.filters["md"] = md_escape
    env.filters["md_url"] = md_url
    env.filters["zh_date"] = zh_date
    return env


# -- the packaged templates' compiled code, generated ahead (render/_compiled_*.py) --
#
# Parsing a template and generating its Python code costs more than rendering the report of
# the shipped ledger, so the packaged templates' code is generated once, one module each
# (render/_compiled_report_md.py …: Jinja's code for the template as it is, so Python keeps
# its bytecode like any module's, and nothing is compiled at run time), with an index
# (render/_compiled_templates.py: each template's source checksum and module):
#     .venv/bin/python -m gongkai_ledger.render.templates
# (tests/test_templates_compiled.py checks they are current). A module is used for a template
# only when that template is a packaged file whose source, Jinja version, and the code
# generator (this file and sandbox.py) are exactly those it was generated from; anything else
# (a user's templates, a changed file) is compiled as before. The code is the same either way
# (the sandbox's step counting and checked `~` are in it), but for `environment` being a
# global of the template's namespace rather than a default argument (Jinja's `defer_init`).
# Python reads the module's code without running it as a module; Jinja runs it in the
# template's own namespace, as always.

_GENERATED_FROM = ("templates.py", "sandbox.py")  # the code generator and the environment
_INDEX = "_compiled_templates.py"
_GENERATED = "# Generated by `python -m gongkai_ledger.render.templates` (see render/templates.py)."


def compiled_stamp() -> str:
    """What the generated code depends on besides each template's source: the Jinja version
    and this module's and the sandbox's source."""
    import hashlib

    import jinja2

    digest = hashlib.sha256(jinja2.__version__.encode())
    for name in _GENERATED_FROM:
        digest.update(Path(__file__).with_name(name).read_bytes())
    return digest.hexdigest()


def compiled_module_name(template: str) -> str:
    """The generated module of a packaged template: report.md.j2 → _compiled_report_md."""
    return "_compiled_" + re.sub(r"\W", "_", template.removesuffix(".j2"))


class _Precompiled(BytecodeCache):
    """Jinja's bytecode-cache hook, read-only: a packaged template's code from its generated
    module when it matches (see above); nothing is ever written."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return f"{name}\0{filename or ''}"

    def load_bytecode(self, bucket: Bucket) -> None:
        name, _, filename = bucket.key.partition("\0")
        if not filename or os.path.dirname(filename) != str(PACKAGE_TEMPLATES):
            return
        from . import _compiled_templates as generated

        entry = generated.TEMPLATES.get(name)
        if entry is None or entry[0] != bucket.checksum or compiled_stamp() != generated.STAMP:
            return
        from importlib.machinery import SourceFileLoader

        module = f"{__package__}.{entry[1]}"
        bucket.code = SourceFileLoader(
            module, str(Path(__file__).with_name(entry[1] + ".py"))
        ).get_code(module)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Nothing is cached at run time."""


def compiled_files() -> dict[str, str]:
    """The generated files (name in render/ → text) for the packaged templates as they are."""
    env = environment()
    cache = BytecodeCache()
    files: dict[str, str] = {}
    index = [
        '"""Generated by `python -m gongkai_ledger.render.templates` (see render/templates.py):',
        "each packaged template's source checksum and the module holding its compiled code.",
        'Do not edit."""',
        "",
        f"STAMP = {compiled_stamp()!r}",
        "TEMPLATES = {",
    ]
    for path in sorted(PACKAGE_TEMPLATES.glob("*.j2")):
        source = path.read_text(encoding="utf-8")
        # defer_init: `environment` is looked up when the code runs (Jinja runs it in a
        # namespace that has it), not bound as a default, so the module can also be imported.
        code = env.compile(source, path.name, str(path), raw=True, defer_init=True)
        assert str(PACKAGE_TEMPLATES) not in code
        module = compiled_module_name(path.name)
        # Jinja maps the code's line numbers to the template's: nothing may come before it.
        files[module + ".py"] = f"{code}\n\n{_GENERATED} Do not edit.\n# mypy: ignore-errors\n"
        index.append(f"    {path.name!r}: ({cache.get_source_checksum(source)!r}, {module!r}),")
    index.append("}")
    files[_INDEX] = "\n".join(index) + "\n"
    return files


def write_compiled() -> list[str]:
    """Write the generated files into render/ (and remove those of templates gone); their names."""
    here = Path(__file__).parent
    files = compiled_files()
    for stale in here.glob("_compiled_*.py"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        (here / name).write_text(text, encoding="utf-8")
    return sorted(files)


def repository_templates(ledger_dir: Path) -> Path | None:
    """The ledger repository's own `templates/`, beside the ledger directory, when it is a
    directory; in a git work tree only when it lies inside it (the ledger directory may be
    the work tree's root, and then nothing beside it is the repository's)."""
    real = Path(os.path.realpath(ledger_dir))
    candidate = real.parent / REPOSITORY_TEMPLATES
    if not candidate.is_dir():
        return None
    work_tree = next((d for d in (real, *real.parents) if os.path.lexists(d / ".git")), None)
    if work_tree is not None and not Path(os.path.realpath(candidate)).is_relative_to(work_tree):
        return None
    return candidate


def render_report(context: Mapping[str, Any], fmt: str, user_dir: Path | None = None) -> str:
    """The report in `fmt` (md or html); raises TemplateProblem on any template error."""
    name = REPORT_TEMPLATES[fmt]
    env = environment(user_dir)
    try:
        return env.render(name, dict(context))
    except TemplateError as error:
        raise TemplateProblem(_describe(error, env.rendering or name)) from None
    except RecursionError as error:
        # a template that extends or includes itself, or a macro that calls itself forever
        raise TemplateProblem(_describe(error, env.rendering or name)) from None
    except MemoryError as error:
        raise TemplateProblem(_describe(error, env.rendering or name)) from None
    except (ArithmeticError, LookupError, TypeError, ValueError, RuntimeError) as error:
        # a user's template can divide by zero, index past the end…
        raise TemplateProblem(_describe(error, env.rendering or name)) from None


def to_markdown(context: Mapping[str, Any], user_dir: Path | None = None) -> str:
    """The monthly report (`report.report_context`) as Markdown."""
    return render_report(context, "md", user_dir)


def to_html(context: Mapping[str, Any], user_dir: Path | None = None) -> str:
    """The monthly report (`report.report_context`) as one self-contained HTML page."""
    return render_report(context, "html", user_dir)


def _describe(error: Exception, name: str) -> str:
    """'DIR/report.md.j2:3: 使用了未定义的变量“x”': where and what, in Chinese (Jinja's own
    English words only as a short quoted excerpt where no known shape matches)."""
    where = _where(error)
    if isinstance(error, TemplateSyntaxError):
        what = f"语法错误({_known(error.message or '', _SYNTAX)})"
    elif isinstance(error, BudgetExceeded):
        what = f"沙箱不允许的操作({error})"
    elif isinstance(error, SecurityError):
        what = f"沙箱不允许的操作({_known(str(error), _SECURITY)})"
    elif isinstance(error, UndefinedError):
        what = f"使用了未定义的变量或属性({_known(error.message or '', _UNDEFINED)})"
    elif isinstance(error, TemplateNotFound):
        what = f"找不到模板“{error.name}”"
    elif isinstance(error, TemplateRefused):
        what = str(error)
    elif isinstance(error, RecursionError):
        what = "模板递归过深(模板继承或包含了自己,或宏无休止地调用自己)"
    elif isinstance(error, MemoryError):
        what = "模板用尽了内存(生成的内容过多)"
    elif isinstance(error, OverflowError) and _RANGE_TOO_BIG.match(str(error)):
        what = f"沙箱不允许的操作(range() 最多 {MAX_RANGE} 个数)"
    else:
        kind = next((z for t, z in _RUNTIME if isinstance(error, t)), "运算无法完成")
        what = f"模板运行出错({type(error).__name__}:{kind})"
    return f"{where or name}: {what}"


_EXCERPT = 60  # characters of Jinja's English message shown when no known shape matches
_Q = r"'([^']*)'"
# Jinja's messages, by their shape, in Chinese ({0}, {1}: the quoted names)
_SYNTAX = [
    (re.compile(rf"Encountered unknown tag {_Q}"), "未知的标签“{0}”"),
    (re.compile(r"Unexpected end of template"), "模板意外结束,缺少结束标签(如 endfor、endif)"),
    (re.compile(r"unexpected end of template"), "模板意外结束,缺少结束标记"),
    (re.compile(rf"expected token {_Q}, got {_Q}"), "此处应为“{0}”,实际为“{1}”"),
    (re.compile(rf"unexpected {_Q}"), "此处不应有“{0}”"),
    (re.compile(r"[Ee]xpected an expression"), "此处应为表达式"),
]
_SECURITY = [
    (re.compile(rf"access to attribute {_Q} of {_Q} object is unsafe"), "不能访问“{1}”的属性“{0}”"),
    (re.compile(r"(.*) is not safely callable"), "不能调用 {0}"),
]
_UNDEFINED = [
    (re.compile(rf"{_Q} is undefined"), "变量“{0}”未定义"),
    (re.compile(rf"{_Q} has no attribute {_Q}"), "“{0}”没有属性“{1}”"),
    (re.compile(rf"{_Q} has no element (.*)"), "“{0}”没有元素 {1}"),
]
_RANGE_TOO_BIG = re.compile(r"Range too big")
_RUNTIME: list[tuple[type[BaseException], str]] = [
    (ZeroDivisionError, "除数为零"),
    (OverflowError, "数值过大"),
    (ArithmeticError, "算术运算出错"),
    (IndexError, "下标超出范围(格式字符串中的 {0} 等也按下标取值)"),
    (KeyError, "键不存在"),
    (TypeError, "类型不符或参数不对"),
    (ValueError, "数值无效"),
    (RuntimeError, "运行出错"),
]


def _known(message: str, shapes: list[tuple[re.Pattern[str], str]]) -> str:
    """Jinja's English `message` in Chinese if it has a known shape, else a short quote."""
    if any("\u4e00" <= c <= "\u9fff" for c in message):  # ours (the sandbox's limits), in Chinese
        return message
    for shape, chinese in shapes:
        found = shape.search(message)
        if found:
            return chinese.format(*(one_line(g)[:_EXCERPT] for g in found.groups()))
    text = one_line(message)
    return f"“{text[:_EXCERPT]}{'…' if len(text) > _EXCERPT else ''}”"


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


if __name__ == "__main__":
    import sys

    sys.stdout.write("".join(f"{name}\n" for name in write_compiled()))
