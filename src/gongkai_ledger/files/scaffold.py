"""The files `ledger init` writes: a small valid ledger in Chinese, and where nothing is overwritten.

The CI and pre-commit examples are the ones in docs/ with the ledger directory put in; a test
checks that for `data` they are those files byte for byte. They go under `<目录>/ci-examples/`,
never into the repository's root: an active workflow would run, and fail, before the office has
put its own install address into it.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .atomic import TEMP_SUFFIX, write_atomic
from .locking import LOCK_SUFFIX

CI_DIR = "ci-examples"
_LEDGER = "@LEDGER@"  # the ledger directory in the CI examples, as the repository names it


@dataclass(frozen=True)
class Plan:
    """What `ledger init` asks for: the plan's year, title and issuing office."""

    year: int
    title: str
    issuer: str


def default_title(year: int) -> str:
    return f"{year}年XX市政务公开工作要点"


DEFAULT_ISSUER = "XX市人民政府办公室"


def scaffold(plan: Plan, ledger_path: str) -> dict[str, str]:
    """Every file of a new ledger: its path relative to the ledger directory → its text.

    `ledger_path` is the ledger directory as CI sees it (relative to the repository's root).
    """
    files = {
        "tasks.yaml": _tasks(plan),
        "units.yaml": _units(plan),
        "progress/README.md": PROGRESS_README,
        ".gitignore": _gitignore(),
        f"{CI_DIR}/README.md": CI_README.replace(_LEDGER, ledger_path),
    }
    for name, text in CI_EXAMPLES.items():
        files[f"{CI_DIR}/{name}"] = text.replace(_LEDGER, ledger_path)
    return files


def existing(root: Path, files: Mapping[str, str]) -> list[Path]:
    """Which of `files` (relative to `root`) are already there, or are in the way of one."""
    found: list[Path] = []
    for name in files:
        path = root / name
        # A file where a directory of the scaffold should be is in the way, too.
        blockers = [root / p for p in Path(name).parents if str(p) != "."]
        found.extend(b for b in blockers if os.path.lexists(b) and not b.is_dir())
        if os.path.lexists(path):
            found.append(path)
    if os.path.lexists(root) and not root.is_dir():
        found.insert(0, root)
    return sorted(set(found), key=lambda p: p.as_posix())


def write_all(root: Path, files: Mapping[str, str]) -> list[Path]:
    """Write `files` under `root` (directories made as needed), each atomically; the paths."""
    written: list[Path] = []
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
        written.append(path)
    return written


def _tasks(plan: Plan) -> str:
    y = plan.year
    return f"""\
# {_comment(plan.title)} · 重点任务分解表
# 由 ledger init 生成的示例:照原文件的附表改写 plan、sections、tasks,删去示例任务。
# 也可以用 `ledger import 分解表.docx` 从 Word、Excel 分解表生成草稿,再逐条核对。
# 条目编号一律加引号("5.10" 不会被读成 5.1);责任单位写 units.yaml 中的名称或别名;
# 完成时间照录原文,写法见 README 的“完成时间的写法”。改动后运行 `ledger check`。
plan:
  title: {_scalar(plan.title)}
  issuer: {_scalar(plan.issuer)}  # 发文机关
  doc_no: XX府办发〔{y}〕1号  # 文号,照原文件
  issued: {y}-03-01  # 印发日期 YYYY-MM-DD
  year: {y}  # 解析“年底前”这类不写年份的时间
  update_every: 月  # 持续更新事项的报送周期:月 | 季 | 半年 | 年
  warn_days: 15  # 临期提醒天数

sections:
  - id: 一
    title: 示例章节:聚焦重点领域,以公开促落实

tasks:
  - id: 1
    section: 一
    title: 示例任务:加强重点领域信息公开
    deadline: {y}年12月底前  # 任务的完成时间,条目可各自覆盖
    items:
      - id: "1.1"
        content: 示例条目:集中公开财政预决算信息,推进非涉密部门应公开尽公开。
        owners: [市财政局]  # 责任单位:单位或单位组的名称、别名
        deadline: {y}年6月底前  # 覆盖任务的完成时间
      - id: "1.2"
        content: 示例条目:做好重大建设项目批准和实施信息公开,各乡镇同步公开本地项目进展。
        owners: [市发改委, 各乡镇]  # 单位组“各乡镇”展开为全部成员
        lead: [市发改委]  # 牵头单位
        support: [市政府办]  # 配合单位:可报送进展,但不计逾期
        deadline: {y}年9月并持续更新
"""


def _units(plan: Plan) -> str:
    # The issuer is a unit, so that `ledger codeowners` finds who reviews the plan.
    alias = plan.issuer if plan.issuer not in _UNIT_NAMES else "市政府办公室"
    return f"""\
# 责任单位名录(示例,请照分解表改写)。
# units:每个单位一项。id 是小写 ASCII 编号,用作进展文件名 progress/<id>.yaml,一经使用不要改;
#   name 是分解表中的写法;aliases 是其他写法;kind 是分类标签。
# groups:分解表中的集体责任单位(如“各乡镇”),members 可以是单位或其他单位组。
# 修改后运行 `ledger check`。
units:
  - id: zfb
    name: 市政府办
    aliases: [{_scalar(alias)}]  # 发文机关:ledger codeowners 让它评审分解表和名录
    kind: 政府工作部门
  - id: fgw
    name: 市发改委
    aliases: [发改委]
    kind: 政府工作部门
  - id: czj
    name: 市财政局
    aliases: [财政局]
    kind: 政府工作部门
  - id: cgz
    name: 城关镇
    kind: 乡镇
  - id: xcx
    name: 新城乡
    kind: 乡镇

groups:
  - name: 各乡镇
    aliases: [各乡(镇)]
    members: [城关镇, 新城乡]  # 每个乡镇都要列出;与某条目无关的成员报“不涉及”并写明理由
"""


_UNIT_NAMES = ("市政府办", "市发改委", "发改委", "市财政局", "财政局", "城关镇", "新城乡")
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}]*(?<=\S)")


def _scalar(text: str) -> str:
    """`text` as a YAML scalar on one line: plain when it reads back as itself, else quoted."""
    if _PLAIN.fullmatch(text) and not any(c in text for c in "\\'\"\n\r\t"):
        return text
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())


def _gitignore() -> str:
    return f"""\
# 写台账文件时留下的临时文件:原子写入的 .<文件名>.<随机>{TEMP_SUFFIX}(中断时可能留下),
# 没有 flock 的系统(Windows)上加锁用的 <文件名>{LOCK_SUFFIX}。都不应提交。
.*{TEMP_SUFFIX}
*{LOCK_SUFFIX}
"""


PROGRESS_README = """\
# 各单位进展报送文件

每个责任单位一个文件:`<单位编号>.yaml`,单位编号见 `../units.yaml`(例如市财政局是 `czj.yaml`)。
可以用 `ledger progress add` 追加,也可以在拉取请求中手工编辑;提交前运行 `ledger check`。
本目录只收各单位实际报送的进展,不预先填写。
"""

CI_README = """\
# CI 与提交前检查的示例

这些文件不会自动生效:ledger init 不改动仓库根目录,以免示例中的安装地址(git.example.gov.cn)
还没改成本单位的就开始运行。使用时改好地址和版本,复制到仓库根目录:

- `github-actions-ledger.yml` → `.github/workflows/ledger.yml`(GitHub Actions)
- `gitlab-ci-ledger.yml` → 加入 `.gitlab-ci.yml`(GitLab CI)
- `pre-commit-config.example.yaml` → `.pre-commit-config.yaml`,再运行一次 `pre-commit install`

示例中的台账目录是 `@LEDGER@`(从仓库根目录算起);台账不在这里时,把其中的 `@LEDGER@` 改掉。
"""

# docs/github-actions-ledger.yml, docs/gitlab-ci-ledger.yml, docs/pre-commit-config.example.yaml
CI_EXAMPLES = {
    "github-actions-ledger.yml": """\
# GitHub Actions:在存放台账的仓库中复制为 .github/workflows/ledger.yml。
# 每个拉取请求(PR):ledger check 把问题标注在代码行上,ledger fmt --check 检查格式,
# ledger diff 把台账层面的变更摘要(条目、责任单位、完成时间、进展、状态、逾期数)发表为 PR 评论。
name: 台账检查

on:
  pull_request:
    paths: ["@LEDGER@/**"]
  push:
    branches: [main]
    paths: ["@LEDGER@/**"]

permissions:
  contents: read
  pull-requests: write  # 发表变更摘要评论

jobs:
  ledger:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # ledger diff 要读 PR 的目标分支;浅克隆时它会说明缺少哪个提交

      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"

      - name: 安装 gongkai-ledger
        # 本工具仓库的地址和版本(示例);也可以 pip install gongkai-ledger==0.1.0
        run: pip install "gongkai-ledger @ git+https://git.example.gov.cn/zwgk/gongkai-ledger@v0.1.0"

      - name: 台账目录
        # 每个含 tasks.yaml 的目录是一本台账:@LEDGER@ 本身,或一个仓库放几年时的 @LEDGER@/2022、@LEDGER@/2023……
        # (README“一个仓库放几年的台账”);以下各步对每本台账各运行一次。目录名中不能有空白和 * ? [ ]
        run: |
          found=""
          for t in @LEDGER@/tasks.yaml @LEDGER@/*/tasks.yaml; do
            [ -f "$t" ] || continue
            d="${t%/tasks.yaml}"
            case "$d" in
              *[[:space:]]* | *[][*?]*)
                echo "::error::台账目录“$d”的名称中有空白或 * ? [ ],请改名(如 @LEDGER@/2023)"
                exit 1 ;;
            esac
            found="$found $d"
          done
          echo "LEDGERS=${found# }" | sed 's/^LEDGERS=$/LEDGERS=@LEDGER@/' >> "$GITHUB_ENV"

      - name: ledger check
        # --format github:问题以注释形式显示在 PR 的“文件”页对应行上
        run: |
          status=0
          for d in $LEDGERS; do ledger check --ledger "$d" --format github || status=1; done
          exit $status

      - name: ledger fmt --check
        if: ${{ !cancelled() }}
        run: |
          status=0
          for d in $LEDGERS; do ledger fmt --check --diff --ledger "$d" || status=1; done
          exit $status

      - name: 变更摘要
        if: ${{ !cancelled() && github.event_name == 'pull_request' }}
        env:
          BASE: ${{ github.base_ref }}
        # HEAD 是 PR 与目标分支的合并结果,与目标分支相比即是本 PR 带来的变化;
        # 本 PR 新建的台账(如 ledger rollover 写出的新一年)在目标分支中还没有,只注明一句
        run: |
          : > ledger-diff.md
          for d in $LEDGERS; do
            if git cat-file -e "origin/$BASE:$d/tasks.yaml" 2>/dev/null; then
              ledger diff "origin/$BASE" HEAD --ledger "$d" >> ledger-diff.md
            else
              echo "新建的台账 $d(目标分支中还没有)。" >> ledger-diff.md
            fi
          done

      - name: 发表到 PR
        if: ${{ !cancelled() && github.event_name == 'pull_request' }}
        env:
          GH_TOKEN: ${{ github.token }}
          PR: ${{ github.event.pull_request.number }}
        # 更新上一次的摘要评论;还没有时新建一条(来自复刻仓库的 PR 没有写评论的权限)
        run: |
          gh pr comment "$PR" --body-file ledger-diff.md --edit-last \\
            || gh pr comment "$PR" --body-file ledger-diff.md
""",
    "gitlab-ci-ledger.yml": """\
# GitLab CI:在存放台账的仓库的 .gitlab-ci.yml 中加入这个作业(或用 include 引用本文件)。
# 每个合并请求(MR):ledger check 的问题显示在 MR 的“代码质量”中并使作业失败,
# ledger fmt --check 检查格式,ledger diff 的变更摘要发表为 MR 评论。
# 发表评论需要一个有 api 权限的项目访问令牌,保存为受保护、隐藏的 CI/CD 变量 LEDGER_BOT_TOKEN。
ledger:
  image: python:3.12
  variables:
    GIT_DEPTH: "0"  # ledger diff 要读 MR 的合并基点;浅克隆时它会说明缺少哪个提交
  parallel:
    matrix:
      # 每本台账一个作业。一个仓库放几年的台账时列出每个年度的目录,如 [@LEDGER@/2022, @LEDGER@/2023]
      # (README“一个仓库放几年的台账”);各作业的代码质量报告在 MR 中合并显示
      - LEDGER: ["@LEDGER@"]
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
      changes: ["@LEDGER@/**/*"]
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  before_script:
    # 本工具仓库的地址和版本(示例);也可以 pip install gongkai-ledger==0.1.0
    - pip install "gongkai-ledger @ git+https://git.example.gov.cn/zwgk/gongkai-ledger@v0.1.0"
  script:
    # 代码质量报告(Code Climate 格式),MR 中逐行显示;行号变了,同一个问题的指纹不变
    - ledger check --ledger "$LEDGER" --format gitlab > gl-code-quality.json || true
    - |
      if [ -n "$CI_MERGE_REQUEST_IID" ]; then
        ledger diff "$CI_MERGE_REQUEST_DIFF_BASE_SHA" HEAD --ledger "$LEDGER" -o ledger-diff.md
        curl --fail --silent --show-error --request POST \\
          --header "PRIVATE-TOKEN: $LEDGER_BOT_TOKEN" \\
          --data-urlencode "body@ledger-diff.md" \\
          "$CI_API_V4_URL/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes"
      fi
    - ledger fmt --check --diff --ledger "$LEDGER"  # 以下两步失败时作业失败
    - ledger check --ledger "$LEDGER"  # 问题在日志中逐条列出
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality.json
    paths: [ledger-diff.md]
""",
    "pre-commit-config.example.yaml": """\
# 在存放台账的仓库中使用本工具的 pre-commit 钩子:把下面的内容写入该仓库的
# .pre-commit-config.yaml,然后运行一次 `pre-commit install`。
# 之后每次 git commit,只要改动了台账文件,就先运行 ledger check 和 ledger fmt --check;
# 有错误或格式不统一时提交失败,按提示修正(格式问题运行 `ledger fmt`)后重新提交。
repos:
  - repo: https://git.example.gov.cn/zwgk/gongkai-ledger  # 本工具仓库的地址(示例)
    rev: v0.1.0  # 使用的版本:标签或提交编号
    hooks:
      - id: ledger-check
        args: [--ledger, @LEDGER@]  # 台账目录;默认就是 data
      - id: ledger-fmt
        args: [--ledger, @LEDGER@]
      # 一个仓库放几年的台账时,每个年度目录各写一对,如 args: [--ledger, @LEDGER@/2023]
""",
}
