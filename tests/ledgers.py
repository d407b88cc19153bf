"""Inline ledgers that several test modules share, written as the user would write them.

A ledger only one module needs stays in that module.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "data"
REPORT_LEDGER = REPO / "tests" / "fixtures" / "report_ledger"
WORKFLOW_LEDGER = REPO / "tests" / "fixtures" / "workflow_ledger"  # 延期
REVIEW_LEDGER = REPO / "tests" / "fixtures" / "review_ledger"  # 办结审核
LEVELS_LEDGER = REPO / "tests" / "fixtures" / "levels_ledger"  # 亮灯
# the second shipped example: another place and year, 牵头 and 落实 in one 责任单位 column
ZHANGDIAN = REPO / "examples" / "zhangdian-2023"

# -- the basic ledger: two items, a finance bureau, two townships and their group -------------

TASKS = """\
plan:
  title: 2022年某县政务公开工作要点
  issuer: 某县人民政府办公室
  doc_no: 某府办发〔2022〕1号
  issued: 2022-03-01
  year: 2022
  update_every: 月
  warn_days: 15
sections:
  - id: 一
    title: 第一部分
tasks:
  - id: 1
    section: 一
    title: 任务一
    deadline: 2022年9月并持续更新
    items:
      - id: "1.1"
        content: 条目一
        owners: [县财政局]
      - id: "1.2"
        content: 条目二
        owners: [各乡镇]
        deadline: 2022年12月
"""

UNITS = """\
units:
  - id: czj
    name: 县财政局
    aliases: [财政局]
    kind: 政府工作部门
  - id: aaz
    name: 甲镇
    kind: 乡镇
  - id: bbx
    name: 乙乡
    kind: 乡镇
groups:
  - name: 各乡镇
    members: [甲镇, 乙乡]
"""


# -- the owed ledger (`ledger overdue`, show, units, escapes): four tasks, two groups ----------

OWED_TASKS = """\
plan:
  title: 2022年某县政务公开工作要点
  issued: 2022-03-01
  year: 2022
  update_every: 月
  warn_days: 15
sections:
  - id: 一
    title: 第一部分
tasks:
  - id: 1
    section: 一
    title: 加强涉及财政资金的信息公开
    deadline: 2022年9月并持续更新
    items:
      - id: "1.1"
        content: 加强财政预决算信息公开,推进非涉密部门应公开尽公开。
        owners: [县财政局]
      - id: "1.2"
        content: 推进“一般|专项”<债务>信息公开,及时做好政府债务限额、余额等情况公开。
        owners: [县政府各部门]
  - id: 2
    section: 一
    title: 推进基层政务公开标准化规范化建设
    deadline: 2022年10月
    items:
      - id: "2.1"
        content: 实现基层政务公开标准化规范化工作全县各乡(镇)全覆盖。
        owners: [各乡镇, 财政局]
  - id: 3
    section: 一
    title: 积极回应群众关切
    deadline: 常态化更新
    items:
      - id: "3.1"
        content: 加强政务舆情监测、风险研判和处置回应。
        owners: [县发改委]
  - id: 4
    section: 一
    title: 抓好工作落实
    deadline: 2022年12月
    items:
      - id: "4.1"
        content: 梳理形成本地、本部门工作台账。
        owners: [县政府各部门, 各乡镇]
"""

OWED_UNITS = """\
units:
  - {id: czj, name: 县财政局, aliases: [财政局], kind: 政府工作部门}
  - {id: fgw, name: 县发改委, kind: 政府工作部门}
  - {id: aaz, name: 甲镇, kind: 乡镇}
  - {id: bbx, name: 乙乡, kind: 乡镇}
groups:
  - name: 各乡镇
    members: [甲镇, 乙乡]
  - name: 县政府各部门
    aliases: [县政府相关部门]
    members: [县财政局, 县发改委]
"""

OWED_PROGRESS = {
    "czj.yaml": """\
        unit: 县财政局
        reports:
          - item: "1.1"
            date: 2022-09-26
            status: 已完成
            summary: 在门户网站“财政预决算”专栏集中公开
            evidence: [https://example.gov.cn/czyjs]
          - item: "1.2"
            date: 2022-10-25   # after the as-of date of these tests: does not exist yet
            status: 已完成
            summary: 已公开债务限额、余额
            evidence: [https://example.gov.cn/zw]
        """,
    "fgw.yaml": """\
        unit: 县发改委
        reports:
          - item: "1.2"
            date: 2022-08-15
            status: 推进中
            summary: 正在整理
          - item: "3.1"
            date: 2022-08-01
            status: 推进中
            summary: 已建立舆情监测机制
        """,
    "aaz.yaml": """\
        unit: 甲镇
        reports:
          - item: "2.1"
            date: 2022-10-10
            status: 已完成
            summary: 已全覆盖
            evidence: [https://example.gov.cn/jz]
        """,
    "bbx.yaml": """\
        unit: 乙乡
        reports:
          - item: "2.1"
            date: 2022-10-09
            status: 不涉及
            reason: 本乡已整体并入甲镇政务服务中心
        """,
}

OWED_AS_OF = "2022-10-17"  # a Monday after the 2022 National Day holiday


# -- the diff base (`ledger diff`): the basic ledger with a second task; two progress files ---

BASE_TASKS = (
    TASKS
    + """\
  - id: 2
    section: 一
    title: 任务二
    deadline: 2022年9月
    items:
      - id: "2.1"
        content: 条目四
        owners: [乙乡]
"""
)

CZJ = """\
unit: 县财政局
reports:
  - item: "1.1"
    date: 2022-09-20
    status: 推进中
    summary: 正在整理
"""

AAZ = """\
unit: 甲镇
reports:
  - item: "1.2"
    date: 2022-10-12
    status: 推进中
    summary: 已起草
"""


# -- hostile text for the report's escaping ---------------------------------------------------

HOSTILE_TEXTS = [
    "a|b|c",
    "<script>alert(1)</script>",
    "第一行\n第二行\n| 伪造 | 表格 |",  # multi-line text keeps \n; check refuses \r
    "{{ 7*7 }} {% raw %}",
    "`code` ```fence```",
    "[点我](javascript:alert(1)) ![图](http://evil.example/x.png)",
    "&lt;已转义&gt; & <b>粗</b> <img src=x onerror=alert(1)>",
    "\\| 反斜杠 $x$ ~~删~~ **粗**",
]


def quoted(text: str) -> str:
    return (
        '"'
        + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        + '"'
    )


# 延期 (before and after the due date) and 办结审核 (已销号, 已退回, 待审核) together, and a 配合单位
STATES_LEDGER = REPO / "tests" / "fixtures" / "states_ledger"
