"""Every command and every option is documented in the README (a test fails when one is not).

An option counts as documented only in its own command's section: a section of the README whose
code block shows `ledger <command> …`, with its subsections. `--format` in the section of
`ledger report` does not document `ledger codeowners --format`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from typer._click.core import Command
from typer.core import TyperOption as Option
from typer.main import get_command

from gongkai_ledger import commands
from gongkai_ledger.commands._app import app

from .ledgers import REPO

commands.register()  # every command on the app, as `ledger --help` sees them

README = (REPO / "README.md").read_text(encoding="utf-8")

_HEADING = re.compile(r"^(#+) ")
_FENCE = "```"


def _commands(group: Command, prefix: str) -> Iterator[tuple[str, Command]]:
    subcommands: dict[str, Command] = getattr(group, "commands", {})
    for name, command in sorted(subcommands.items()):
        path = f"{prefix} {name}"
        if getattr(command, "commands", None):
            yield from _commands(command, path)
        else:
            yield path, command


def all_commands() -> list[tuple[str, Command]]:
    return list(_commands(get_command(app), "ledger"))


def sections(readme: str) -> list[tuple[list[str], str]]:
    """Each section of the README: the code lines of its own text, and its text with subsections."""
    lines = readme.splitlines()
    found = []
    fenced = False
    starts: list[tuple[int, int]] = []  # (line index, heading level), headings outside code blocks
    for index, line in enumerate(lines):
        if line.startswith(_FENCE):
            fenced = not fenced
        elif not fenced and (heading := _HEADING.match(line)):
            starts.append((index, len(heading.group(1))))
    for position, (start, level) in enumerate(starts):
        own_end = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        end = next((i for i, lv in starts[position + 1 :] if lv <= level), len(lines))
        code, fenced = [], False
        for line in lines[start:own_end]:
            if line.startswith(_FENCE):
                fenced = not fenced
            elif fenced:
                code.append(line)
        found.append((code, "\n".join(lines[start:end])))
    return found


def command_section(name: str, readme: str = README) -> str:
    """The README text of every section whose own code block shows `name`."""
    shown = re.compile(rf"^{re.escape(name)}(\s|$)")
    return "\n".join(text for code, text in sections(readme) if any(shown.match(c) for c in code))


def documented(option: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


def test_there_are_commands() -> None:
    names = [name for name, _ in all_commands()]
    assert "ledger check" in names
    assert "ledger progress add" in names


def test_every_command_has_a_section() -> None:
    missing = [name for name, _ in all_commands() if not command_section(name)]
    assert missing == []


def test_every_option_is_documented_in_its_commands_section() -> None:
    missing = []
    for name, command in all_commands():
        text = command_section(name)
        for param in command.params:
            if not isinstance(param, Option) or "--help" in param.opts:
                continue
            if not any(documented(opt, text) for opt in param.opts):
                missing.append(f"{name} {max(param.opts, key=len)}")
    assert missing == []


def test_an_option_of_another_command_does_not_count() -> None:
    readme = "## a\n\n```sh\nledger a --x\n```\n\n## b\n\n```sh\nledger b\n```\n\n--y\n"
    assert documented("--x", command_section("ledger a", readme))
    assert not documented("--x", command_section("ledger b", readme))
    assert documented("--y", command_section("ledger b", readme))
    assert not documented("--xy", "--x --xyz")


def test_a_subsection_belongs_to_its_section() -> None:
    readme = "## a\n\n```sh\nledger a\n```\n\n### more\n\n--x\n\n## b\n\n--z\n"
    assert documented("--x", command_section("ledger a", readme))
    assert not documented("--z", command_section("ledger a", readme))
