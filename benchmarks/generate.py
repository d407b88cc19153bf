"""Generate a synthetic ledger in the shipped format, at a scale factor, deterministically.

    python benchmarks/generate.py OUT_DIR [--scale 1] [--seed 2022] [--mistakes]

At 1×: 5,000 tasks, 40,000 items, 200 units (of which 40 乡镇, gathered in groups),
200,000 progress reports in 200 files; about 35 MB. Everything scales linearly
(units too, so each progress file keeps its size). The ledger passes `ledger check
--as-of 2022-12-31`; with --mistakes it has a few deliberate ones (an unknown unit,
an unquoted id, a report on an unknown item in every progress file), so that the
problem paths (and their "did you mean" hints) run as well.
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict
from pathlib import Path

TASKS_PER_SCALE = 5_000
ITEMS_PER_TASK = 8
UNITS_PER_SCALE = 200
REPORTS_PER_UNIT = 1_000

_WORDS = (
    "政策文件",
    "解读",
    "信息公开",
    "重点领域",
    "政府网站",
    "专栏",
    "办事指南",
    "数据开放",
    "财政预决算",
    "政府采购",
    "行政许可",
    "行政处罚",
    "公共资源配置",
    "民生实事",
    "乡村振兴",
    "生态环境",
    "安全生产",
    "教育",
    "医疗卫生",
    "社会救助",
    "就业创业",
    "营商环境",
    "减税降费",
    "重大项目",
    "征地拆迁",
    "保障性住房",
    "食品药品",
    "疫情防控",
    "政务服务",
    "12345热线",
)
_VERBS = ("及时公开", "集中发布", "主动公开", "持续更新", "规范发布", "做好", "加大", "完善")
_DEADLINES = (
    "2022年9月",
    "2022年9月底前",
    "2022年12月",
    "2022年底前",
    "年底前",
    "2022-10",
    '"2022-11-30"',  # quoted: a date to YAML, text to the ledger (fmt writes it so)
    "2022年6月并持续更新",
    "2022年9月并持续更新",
    "常态化更新",
    "持续推进",
    "长期坚持",
    "每年年底前",
)
_SYLLABLES = "发改工信财政人社市监商务营商金融卫健农业水利林业住建司法教体交通民政文广统计审计应急"
_SUFFIXES = ("局", "委", "办", "中心")
_STATUSES = ("推进中", "推进中", "推进中", "已完成", "已完成", "未启动", "不涉及")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--mistakes", action="store_true", help="add a few deliberate mistakes")
    args = parser.parse_args()
    sizes = generate(args.out, args.scale, args.seed, mistakes=args.mistakes)
    print(f"{args.out}: " + ", ".join(f"{n:,} {what}" for what, n in sizes.items()))


def generate(out: Path, scale: float, seed: int, *, mistakes: bool = False) -> dict[str, int]:
    rnd = random.Random(seed)
    n_tasks = max(1, round(TASKS_PER_SCALE * scale))
    n_units = max(20, round(UNITS_PER_SCALE * scale))
    units = _units(rnd, n_units)
    groups = [g for block in range(0, n_units, UNITS_PER_SCALE) for g in _groups(units, block)]
    (out / "progress").mkdir(parents=True, exist_ok=True)
    for stale in (out / "progress").glob("*.yaml"):
        stale.unlink()

    owned: dict[str, list[str]] = defaultdict(list)  # unit id → item ids it owns
    direct: dict[str, set[str]] = defaultdict(set)  # unit id → items that name it directly
    _write(out / "units.yaml", _units_yaml(units, groups))
    _write(out / "tasks.yaml", _tasks_yaml(rnd, n_tasks, units, groups, owned, direct, mistakes))
    reports = 0
    for ident, name, _kind in units:
        text, count = _progress_yaml(rnd, name, owned[ident], direct[ident], mistakes)
        _write(out / "progress" / f"{ident}.yaml", text)
        reports += count
    return {
        "tasks": n_tasks,
        "items": n_tasks * ITEMS_PER_TASK,
        "units": n_units,
        "reports": reports,
        "bytes": sum(p.stat().st_size for p in out.rglob("*.yaml")),
    }


def _units(rnd: random.Random, count: int) -> list[tuple[str, str, str]]:
    units = [("czj", "市财政局", "政府工作部门")]  # the unit the benchmark asks about
    names = {"市财政局"}
    while len(units) < count:
        n = len(units)
        if n % 5 == 0:
            name, kind = f"第{n}镇", "乡镇"
        else:
            pair = "".join(rnd.sample(_SYLLABLES, 2))
            name, kind = f"市{pair}{rnd.choice(_SUFFIXES)}{n}", "政府工作部门"
        if name not in names:
            names.add(name)
            units.append((f"u{n:05d}", name, kind))
    return units


def _groups(
    units: list[tuple[str, str, str]], block: int
) -> list[tuple[str, list[str], list[str]]]:
    """The collective owners of one block of 200 units (a 片区): a group keeps its size
    as the ledger grows, so the work per item stays the same and the ledger scales linearly."""
    members = units[block : block + UNITS_PER_SCALE]
    towns = [u[1] for u in members if u[2] == "乡镇"]
    departments = [u[1] for u in members if u[2] != "乡镇"]
    area = f"第{block // UNITS_PER_SCALE + 1}片区" if block else ""
    half = len(towns) // 2
    return [
        (f"{area}各乡镇", [f"{area}各乡(镇、处)"], towns),
        (f"{area}北片乡镇", [], towns[:half]),
        (f"{area}南片乡镇", [], towns[half:]),
        (f"{area}市政府各部门", [f"{area}市政府相关部门"], departments),
        (f"{area}各单位", [], [f"{area}市政府各部门", f"{area}各乡镇"]),
    ]


def _units_yaml(
    units: list[tuple[str, str, str]], groups: list[tuple[str, list[str], list[str]]]
) -> str:
    lines = ["# 合成的单位名录(benchmarks/generate.py 生成)", "units:"]
    for ident, name, kind in units:
        lines += [f"  - id: {ident}", f"    name: {name}", f"    kind: {kind}"]
    lines += ["", "groups:"]  # fmt's layout: a blank line after a top-level block
    for name, aliases, members in groups:
        lines.append(f"  - name: {name}")
        if aliases:
            lines.append(f"    aliases: [{', '.join(aliases)}]")
        lines.append(f"    members: [{', '.join(members)}]")
    return "\n".join(lines) + "\n"


def _tasks_yaml(
    rnd: random.Random,
    n_tasks: int,
    units: list[tuple[str, str, str]],
    groups: list[tuple[str, list[str], list[str]]],
    owned: dict[str, list[str]],
    direct: dict[str, set[str]],
    mistakes: bool,
) -> str:
    by_name = {u[1]: u[0] for u in units}
    members = {g[0]: g[2] for g in groups}

    def expand(name: str) -> list[str]:
        if name in by_name:
            return [by_name[name]]
        return [unit for member in members[name] for unit in expand(member)]

    n_sections = max(1, n_tasks // 100)
    lines = [
        "# 合成的台账(benchmarks/generate.py 生成)",
        "plan:",
        "  title: 2022年某市政务公开工作要点(合成)",
        "  issuer: 某市人民政府办公室",
        "  doc_no: 某府办发〔2022〕1号",
        "  issued: 2022-03-01",
        "  year: 2022",
        "  update_every: 月",
        "  warn_days: 15",
        "",
        "sections:",
    ]
    for s in range(1, n_sections + 1):
        lines += [f"  - id: S{s}", f"    title: 第{s}部分 {rnd.choice(_WORDS)}"]
    lines += ["", "tasks:"]
    small_groups = [g[0] for g in groups if not g[0].endswith("各单位")]
    for t in range(1, n_tasks + 1):
        lines += [""] if t > 1 else []  # and one between tasks
        lines += [
            f"  - id: {t}",
            f"    section: S{(t - 1) * n_sections // n_tasks + 1}",
            f"    title: 加强{rnd.choice(_WORDS)}{rnd.choice(_WORDS)}信息公开",
            f"    deadline: {rnd.choice(_DEADLINES)}",
            "    items:",
        ]
        for i in range(1, ITEMS_PER_TASK + 1):
            item = f"{t}.{i}"
            if rnd.random() < 0.05:
                owners = [rnd.choice(small_groups)]
            else:
                owners = [u[1] for u in rnd.sample(units, rnd.randint(1, 3))]
            for owner in owners:
                for unit in expand(owner):
                    owned[unit].append(item)
                if owner in by_name:
                    direct[by_name[owner]].add(item)
            content = "".join(
                rnd.choice(_VERBS) + rnd.choice(_WORDS) + "," for _ in range(rnd.randint(2, 5))
            )
            lines += [
                f'      - id: "{item}"',
                f"        content: {content}确保信息准确、及时、完整。",
                f"        owners: [{', '.join(owners)}]",
            ]
            if rnd.random() < 0.1:
                lines.append(f"        deadline: {rnd.choice(_DEADLINES)}")
    if mistakes:
        lines[-1] = lines[-1].replace("[", "[市不存在局, ", 1)
        lines.append(
            f"      - id: {n_tasks}.10\n        content: 编号未加引号\n        owners: [市财政局]"
        )
        owned["czj"].append(f"{n_tasks}.10")
    return "\n".join(lines) + "\n"


def _progress_yaml(
    rnd: random.Random, unit: str, items: list[str], direct: set[str], mistakes: bool
) -> tuple[str, int]:
    lines = [f"unit: {unit}", "reports:"]
    count = REPORTS_PER_UNIT if items else 0
    for n in range(count):
        item = "0.1" if mistakes and n == 0 else rnd.choice(items)
        status = rnd.choice(_STATUSES)
        if status == "不涉及" and item in direct:
            status = "推进中"  # a unit named directly may not drop its own item (direct-na)
        month, day = rnd.randint(3, 12), rnd.randint(1, 28)
        lines += [f'  - item: "{item}"', f"    date: 2022-{month:02d}-{day:02d}"]
        lines.append(f"    status: {status}")
        if status == "不涉及":
            lines.append("    reason: 本单位无此项职能")
        else:
            lines.append(f"    summary: 已{rnd.choice(_VERBS)}{rnd.choice(_WORDS)}相关信息")
        if status == "已完成":
            lines.append(f"    evidence: [https://www.example.gov.cn/zwgk/{n:06d}.html]")
    return "\n".join(lines) + "\n", count


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
