"""Help screens and command-line usage errors in Chinese, readable at 80 columns.

Click (vendored by Typer) writes its usage errors in English and Typer's rich help cuts
Chinese option help with "…" (rich breaks lines only at spaces). This module renders the
help screen itself, wrapping by display width (a Chinese character is two columns), and
turns every Click usage error into one Chinese sentence. `_app.py` hooks it into every
command through `ChineseCommand` / `ChineseGroup`; this is the only module that knows
Click's exception and parameter classes.
"""

from __future__ import annotations

import inspect
import shutil
import unicodedata
from collections.abc import Iterator
from typing import Any

from typer._click import exceptions as click_errors
from typer._click import types as click_types
from typer.core import TyperGroup

MAX_WIDTH = 80
MIN_WIDTH = 40
HELP_TEXT = "显示此帮助并退出。"
OPTIONS_METAVAR = "[选项]"
SUBCOMMAND_METAVAR = "命令 [参数]..."

# A line may not start with closing punctuation nor end with opening punctuation.
_NO_BREAK_BEFORE = frozenset(",。、;:!?)」』”’》〉】,.;:!?)]}…%")
_NO_BREAK_AFTER = frozenset("(「『“‘《〈【([{")


def help_width() -> int:
    """The terminal's width (COLUMNS first), clamped: never wider than 80, never unusable."""
    columns = shutil.get_terminal_size((MAX_WIDTH, 24)).columns
    return max(MIN_WIDTH, min(columns, MAX_WIDTH))


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """Columns the text takes on a terminal."""
    return sum(_char_width(char) for char in text)


def _can_break(before: str, after: str) -> bool:
    if after in _NO_BREAK_BEFORE or before in _NO_BREAK_AFTER:
        return False
    return _char_width(before) == 2 or _char_width(after) == 2


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """Unbreakable pieces of a paragraph, each with whether a space comes before it."""
    for chunk in text.split():
        piece, spaced = "", True
        for char in chunk:
            if piece and _can_break(piece[-1], char):
                yield piece, spaced
                piece, spaced = "", False
            piece += char
        yield piece, spaced


def wrap(text: str, width: int) -> list[str]:
    """One paragraph as lines of at most `width` columns: Chinese breaks between characters,
    other text at spaces, a word longer than a line is split."""
    lines: list[str] = []
    line = ""
    for piece, spaced in _pieces(text):
        joined = f"{line} {piece}" if spaced and line else line + piece
        if cell_width(joined) <= width or not line:
            line = joined
        else:
            lines.append(line)
            line = piece
        while cell_width(line) > width:
            cut, used = 0, 0
            while used + _char_width(line[cut]) <= width:
                used += _char_width(line[cut])
                cut += 1
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    return lines


def _joined(lines: list[str]) -> str:
    """Lines of one paragraph as one: a space between them only between non-Chinese text."""
    joined = ""
    for line in (line.strip() for line in lines):
        if joined and line and _char_width(joined[-1]) == 1 and _char_width(line[0]) == 1:
            joined += " "
        joined += line
    return joined


_SENTENCE_END = ("。", ";", ":", "!", "?", ")")


def _blocks(text: str) -> list[list[str]]:
    """A docstring's paragraphs, each a list of lines to wrap. A line break after the end of
    a sentence is kept (the author started a new line); one inside a sentence is source
    wrapping, and joined."""
    blocks = []
    for block in inspect.cleandoc(text).partition("\f")[0].split("\n\n"):
        lines: list[str] = []
        for line in (line.strip() for line in block.splitlines()):
            if lines and line and not lines[-1].endswith(_SENTENCE_END):
                lines[-1] = _joined([lines[-1], line])
            elif line:
                lines.append(line)
        if lines:
            blocks.append(lines)
    return blocks


def _one_line(text: str | None) -> str:
    return _joined(inspect.cleandoc(text or "").splitlines())


def _indented(text: str, indent: int, width: int) -> list[str]:
    return [" " * indent + line for line in wrap(text, width - indent)]


def metavar(param: Any) -> str:
    """The placeholder shown for a parameter's value: its own, or the Chinese name of its type."""
    if param.metavar:
        return str(param.metavar)
    if isinstance(param.type, click_types._NumberParamTypeBase):
        return "整数" if isinstance(param.type, click_types.IntParamType) else "数字"
    if isinstance(param.type, click_types.StringParamType):
        return "文本"
    if param.type.name in ("path", "file", "filename"):
        return "路径"
    return "值"


def _usage_pieces(command: Any, ctx: Any) -> list[str]:
    pieces = [OPTIONS_METAVAR]
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            name = metavar(param) + ("..." if param.nargs != 1 else "")
            pieces.append(name if param.required else f"[{name}]")
    if isinstance(command, TyperGroup):
        pieces.append(SUBCOMMAND_METAVAR)
    return pieces


def usage_line(command: Any, ctx: Any) -> str:
    return f"{ctx.command_path} {' '.join(_usage_pieces(command, ctx))}"


def _default_text(param: Any) -> str | None:
    show = getattr(param, "show_default", None)
    if isinstance(show, str):
        return show
    if not show or getattr(param, "is_flag", False) or param.default in (None, (), [], ""):
        return None
    if callable(param.default):
        return None
    return str(param.default)


def _option_rows(command: Any, ctx: Any, kind: str) -> list[tuple[str, str]]:
    rows = []
    for param in command.get_params(ctx):
        if param.param_type_name != kind or getattr(param, "hidden", False):
            continue
        if kind == "argument":
            left = metavar(param)
        else:
            left = ", ".join(sorted(param.opts, key=len))
            if not param.is_flag:
                left += f" {metavar(param)}"
        help_text = _one_line(param.help)
        default = _default_text(param) if kind == "option" else None
        if default is not None:
            help_text += f"[默认:{default}]"
        if param.required:
            help_text += "[必填]"
        rows.append((left, help_text))
    return rows


def _table(rows: list[tuple[str, str]], width: int) -> list[str]:
    column = min(max(cell_width(left) for left, _ in rows) + 4, width // 3)
    lines = []
    for left, right in rows:
        text = wrap(right, width - column) if right else []
        if cell_width(left) + 4 <= column and text:
            first = f"  {left}"
            lines.append(first + " " * (column - cell_width(first)) + text[0])
            text = text[1:]
        else:
            lines.append(f"  {left}")
        lines.extend(" " * column + line for line in text)
    return lines


def render_help(command: Any, ctx: Any) -> str:
    """The whole help screen of a command or group, as text."""
    width = help_width()
    lines = _indented(f"用法:{usage_line(command, ctx)}", 0, width)
    for block in _blocks(command.help or ""):
        lines.append("")
        for paragraph in block:
            lines.extend(_indented(paragraph, 0, width))
    for kind, title in (("argument", "参数"), ("option", "选项")):
        rows = _option_rows(command, ctx, kind)
        if rows:
            lines += ["", f"{title}:", *_table(rows, width)]
    if isinstance(command, TyperGroup):
        rows = []
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                rows.append((name, (_blocks(sub.help or "") or [[""]])[0][0]))
        if rows:
            lines += ["", "命令:", *_table(rows, width)]
    return "\n".join(lines) + "\n"


# Usage errors ----------------------------------------------------------------------------


def _param_name(param: Any) -> str:
    if param.param_type_name == "argument":
        return f"参数 {metavar(param)}"
    return f"选项 {max(param.opts, key=len)}"


def _option_named(ctx: Any, name: str) -> Any:
    if ctx is None:
        return None
    for param in ctx.command.get_params(ctx):
        if name in getattr(param, "opts", ()) or name in getattr(param, "secondary_opts", ()):
            return param
    return None


def _help_hint(ctx: Any) -> str:
    if ctx is None:
        return ""
    return f"用法:{usage_line(ctx.command, ctx)};{ctx.command_path} -h 查看帮助。"


def explain(error: click_errors.ClickException) -> str:
    """A Click usage error as one Chinese sentence (with how to get help)."""
    ctx = getattr(error, "ctx", None)
    if isinstance(error, click_errors.MissingParameter) and error.param is not None:
        what = f"缺少{_param_name(error.param)}。"
        if getattr(error.param, "help", None):
            what += _one_line(getattr(error.param, "help", "")).rstrip("。") + "。"
        return what + _help_hint(ctx)
    if isinstance(error, click_errors.BadParameter):
        where = _param_name(error.param) if error.param is not None else "参数"
        message = error.message if _is_chinese(error.message) else "值无效"
        return f"{where}:{message}"
    if isinstance(error, click_errors.NoSuchOption):
        message = f"没有选项 {error.option_name}"
        if error.possibilities:
            message += f",是否为 {'、'.join(sorted(error.possibilities))}?"
        return message + "。" + _help_hint(ctx)
    if isinstance(error, click_errors.BadOptionUsage):
        option = _option_named(ctx, error.option_name)
        if option is not None and (option.is_flag or option.count):
            return f"选项 {error.option_name} 不带值,请去掉“=”及其后的内容"
        if option is not None and option.nargs > 1:
            return f"选项 {error.option_name} 后面要写 {option.nargs} 个值"
        hint = f"({metavar(option)})" if option is not None else ""
        return f"选项 {error.option_name} 后面缺少要写的值{hint}"
    if isinstance(error, click_errors.BadArgumentUsage):
        return "参数个数不对。" + _help_hint(ctx)
    if _is_chinese(error.message):
        return error.message
    return f"命令行用法有误({error.message})。" + _help_hint(ctx)


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def extra_arguments(ctx: Any, extra: list[str]) -> click_errors.UsageError:
    shown = " ".join(extra)
    return click_errors.UsageError(f"多余的参数:{shown}。" + _help_hint(ctx), ctx)


def unknown_command(ctx: Any, name: str, known: list[str]) -> click_errors.UsageError:
    from ..core.registry import did_you_mean, suggest

    hint = did_you_mean(suggest(name, known))
    listing = "、".join(known)
    message = f"没有命令“{name}”。{hint}可用的命令:{listing}(用 {ctx.command_path} -h 查看帮助)"
    return click_errors.UsageError(message, ctx)


# Parameter types with Chinese messages -----------------------------------------------------


def _bad_text(value: str) -> str | None:
    """Why a command-line text is not text: bytes that were not UTF-8 (kept as surrogates)."""
    for index, char in enumerate(value):
        if "\udc80" <= char <= "\udcff":
            byte = ord(char) - 0xDC00
            return (
                f"第 {index + 1} 个字符处有不是 UTF-8 的字节 0x{byte:02x},"
                "请把终端或脚本的字符编码设为 UTF-8 后重新输入"
            )
    return None


class Text(click_types.StringParamType):
    """Click's text type, refusing bytes that are not UTF-8 instead of passing them on."""

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        text = super().convert(value, param, ctx)
        problem = _bad_text(text)
        if problem is not None:
            self.fail(problem, param, ctx)
        return text


def _range_zh(number_type: Any) -> str:
    parts = []
    if number_type.min is not None:
        parts.append(f"{'大于' if number_type.min_open else '不小于'} {number_type.min}")
    if number_type.max is not None:
        parts.append(f"{'小于' if number_type.max_open else '不大于'} {number_type.max}")
    return " 且".join(parts)


class Integer(click_types.IntRange):
    """Click's integer (range) type with Chinese messages."""

    def __init__(self, original: Any) -> None:
        super().__init__(
            getattr(original, "min", None),
            getattr(original, "max", None),
            getattr(original, "min_open", False),
            getattr(original, "max_open", False),
            getattr(original, "clamp", False),
        )

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            int(value)
        except (TypeError, ValueError):
            self.fail(f"“{value}”不是整数", param, ctx)
        try:
            return super().convert(value, param, ctx)
        except click_errors.BadParameter:
            self.fail(f"应为{_range_zh(self)} 的整数,不能是 {value}", param, ctx)


def chinese_type(param_type: Any) -> Any:
    """The Chinese-speaking equivalent of one of Click's parameter types (others unchanged)."""
    if type(param_type) is click_types.StringParamType:
        return Text()
    if isinstance(param_type, click_types.IntParamType) and not isinstance(param_type, Integer):
        return Integer(param_type)
    return param_type
