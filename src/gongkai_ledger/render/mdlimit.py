"""A Markdown summary cut to a number of characters, saying what was left out.

A pull-request comment holds 65,536 characters on GitHub: `ledger diff` on a large change
would be refused by `gh pr comment`, or fill a terminal with hundreds of thousands of lines.
Whole lines are kept from the start; the last `### ` section (the totals) stays when it fits
in half the room; a note in between says how many lines and characters, of which sections,
were left out.
"""

from __future__ import annotations

from dataclasses import dataclass

SECTION = "### "


@dataclass(frozen=True)
class Omitted:
    lines: int
    chars: int
    sections: tuple[str, ...]  # headings (without ###) of sections cut or left out


def cap_markdown(text: str, max_chars: int, rerun: str) -> tuple[str, Omitted | None]:
    """`text` in at most `max_chars` characters (0: no limit), and what was left out.

    `rerun` is how to get everything (a command line), quoted in the note.
    """
    if max_chars <= 0 or len(text) <= max_chars:
        return text, None
    lines = text.splitlines(keepends=True)
    headings = [i for i, line in enumerate(lines) if line.startswith(SECTION)]
    worst = _note(Omitted(len(lines), len(text), tuple(_title(lines[i]) for i in headings)), rerun)
    room = max_chars - len(worst)
    tail: list[str] = []
    if headings and len("".join(lines[headings[-1] :])) <= room // 2:
        tail, lines = lines[headings[-1] :], lines[: headings[-1]]
        room -= len("".join(tail))
    kept: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) > room:
            break
        kept.append(line)
        used += len(line)
    left = lines[len(kept) :]
    cut_in = [_title(line) for line in kept if line.startswith(SECTION)][-1:]
    if left and left[0].startswith(SECTION):
        cut_in = []
    sections = (*cut_in, *(_title(line) for line in left if line.startswith(SECTION)))
    omitted = Omitted(len(left), sum(map(len, left)), sections)
    body = "".join(kept)
    if body and not body.endswith("\n"):
        body += "\n"
    return body + _note(omitted, rerun) + "".join(tail), omitted


def describe(omitted: Omitted) -> str:
    """What was left out, in one Chinese phrase."""
    where = f",在“{'”“'.join(omitted.sections)}”中" if omitted.sections else ""
    return f"{omitted.lines} 行、{omitted.chars} 个字符未显示{where}"


def _note(omitted: Omitted, rerun: str) -> str:
    return f"\n> ✂️ 内容过长,{describe(omitted)}。完整内容请运行 `{rerun}`。\n\n"


def _title(line: str) -> str:
    return line.removeprefix(SECTION).strip()
