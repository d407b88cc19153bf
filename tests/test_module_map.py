"""The README's module map is the package tree: every module and folder of src/gongkai_ledger is
in the map, and every entry of the map is in the tree. `*.py` in a folder of the map stands for
that folder's other modules (the rules, one per module)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from .ledgers import REPO

PACKAGE = REPO / "src" / "gongkai_ledger"
ROOT_LINE = "src/gongkai_ledger/"
WILDCARD = "*.py"
_ENTRY = re.compile(r"(?P<indent>(?:  )+)(?P<name>\S+)(?:\s.*)?")


def map_block(readme: str) -> list[str]:
    """The lines of the code block under 模块地图 that follows `src/gongkai_ledger/`."""
    section = readme.split("### 模块地图", 1)[1]
    block = section.split("```\n", 1)[1].split("```", 1)[0]
    lines = block.splitlines()
    assert lines[0] == ROOT_LINE, lines[0]
    return lines[1:]


def map_entries(lines: list[str]) -> set[str]:
    """Paths relative to the package: `rules/` for a folder, `rules/docs.py` for a module."""
    entries: set[str] = set()
    folders: list[str] = []  # the open folder at each depth
    for line in lines:
        m = _ENTRY.fullmatch(line)
        assert m is not None, f"模块地图中的这一行无法解读:{line!r}"
        depth = len(m["indent"]) // 2 - 1
        assert depth <= len(folders), f"缩进跳级:{line!r}"
        del folders[depth:]
        path = "".join(folders) + m["name"]
        assert path not in entries, f"模块地图中重复:{path}"
        entries.add(path)
        if m["name"].endswith("/"):
            folders.append(m["name"])
    return entries


def package_tree(package: Path) -> set[str]:
    """Every folder and module of the package (caches and package data left out)."""
    found: set[str] = set()
    for path in package.rglob("*"):
        relative = path.relative_to(package)
        if "__pycache__" in relative.parts:
            continue
        if path.is_dir():
            found.add(relative.as_posix() + "/")
        elif path.suffix == ".py":
            found.add(relative.as_posix())
    return found


def differences(entries: set[str], tree: set[str]) -> tuple[list[str], list[str]]:
    """(in the tree but not in the map, in the map but not in the tree)."""
    wildcards = {e[: -len(WILDCARD)] for e in entries if e.endswith(WILDCARD)}
    listed = entries - {w + WILDCARD for w in wildcards}

    def covered(path: str) -> bool:
        folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
        return path in listed or (path.endswith(".py") and folder in wildcards)

    unmapped = sorted(p for p in tree if not covered(p))
    missing = sorted(p for p in listed if p not in tree)
    # a wildcard must stand for something, in a folder that exists
    missing += sorted(
        w + WILDCARD
        for w in wildcards
        if not any(
            p.startswith(w) and p.count("/") == w.count("/") and p not in listed for p in tree
        )
    )
    return unmapped, missing


def test_the_module_map_is_the_package_tree() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    entries = map_entries(map_block(readme))
    unmapped, missing = differences(entries, package_tree(PACKAGE))
    assert (unmapped, missing) == ([], []), (
        "README 的模块地图与 src/gongkai_ledger 不符:"
        f"树中有、图中没有 {unmapped};图中有、树中没有 {missing}"
    )


def test_the_map_is_read_with_nesting() -> None:
    lines = [
        "  cli.py        入口",
        "  core/         纯数据",
        "    model.py    模型",
        "    sub/",
        "      deep.py",
        "  rules/",
        "    *.py        每条规则一个模块",
        "  views.py",
    ]
    assert map_entries(lines) == {
        "cli.py",
        "core/",
        "core/model.py",
        "core/sub/",
        "core/sub/deep.py",
        "rules/",
        "rules/*.py",
        "views.py",
    }


def test_a_module_missing_from_the_map_or_the_tree_is_found(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "core").mkdir(parents=True)
    (package / "rules").mkdir()
    for name in ("cli.py", "core/__init__.py", "core/model.py", "rules/a.py", "rules/b.py"):
        (package / name).write_text("", encoding="utf-8")
    tree = package_tree(package)
    entries = map_entries(["  cli.py", "  core/", "    __init__.py", "    model.py", "  rules/"])
    assert differences(entries | {"rules/*.py"}, tree) == ([], [])
    # a new module nobody put on the map
    assert differences(entries, tree) == (["rules/a.py", "rules/b.py"], [])
    # a module moved away that the map still names
    (package / "core" / "model.py").unlink()
    assert differences(entries | {"rules/*.py"}, package_tree(package)) == ([], ["core/model.py"])
    # a folder whose modules are all named needs no wildcard, and a wildcard of nothing is stale
    assert differences(entries | {"core/*.py"}, tree)[1] == ["core/*.py"]


def test_the_import_contract_has_the_layers_of_the_map() -> None:
    """pyproject's import-linter layers (top first) are the README's layer table (inner first)."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    (layers,) = [
        c["layers"] for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"
    ]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("### 模块地图", 1)[1].split("\n\n")[2]
    rows = re.findall(r"^\| `([a-z_]+)(?:/|\.py)` \|", table, re.M)
    assert list(reversed(layers)) == rows
    assert set(layers) == {p.name.removesuffix(".py") for p in PACKAGE.iterdir()} - {
        "__init__",
        "__main__",
        "__pycache__",
        "py.typed",
    }
