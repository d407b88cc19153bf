"""The seed's 附表 (重点任务分解表) as data, and builders of it as .docx, .xlsx, .xls and .html.

The rows come from the shipped data/tasks.yaml: one per item — 序号 (task id), 重点任务 (task
title), 具体内容, 责任单位 (owners joined with 、 as the 附表 writes them), 完成时间 (the item's
deadline, else its task's; “并持续更新” on a second line as the 附表 prints it). The merges are the
附表's: a task's 序号 and 重点任务 span its rows, a task-level 完成时间 spans its rows, and 5.1–5.3
share one 责任单位 cell. Where tasks.yaml corrected the 附表, `PUBLISHED` gives what the 附表 has.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .ledgers import REPO

HEADER = ("序号", "重点任务", "具体内容", "责任单位", "完成\n时间")
UNIT_MERGES = (("5.1", "5.2", "5.3"),)  # items sharing one 责任单位 cell
# (item id, column) → (tasks.yaml's text, the 附表's) where tasks.yaml corrected the 附表 (see its comments)
PUBLISHED: dict[tuple[str, int], tuple[tuple[str, str], ...]] = {
    ("6.1", 2): (("公开", "公开。"),),
    ("7.1", 2): (("建设", "建设。"),),
    ("7.1", 3): (("〔2022〕6号", "〔20226号"), ("2022年9月底前", "20229月底前")),
    ("8.1", 2): (("延伸", "延伸。"),),
    ("8.1", 3): (("在11个乡", "11个乡"),),
    ("9.1", 4): (("市交通运输局", "市交通运输局等行业主管部门"),),
    ("10.1", 2): (("推送", "推送。"),),
    ("11.1", 2): (("水平", "水平。"),),
    ("11.1", 3): (("2022年10月底前", "202210月底前"),),
    ("15.1", 4): (("市政府办", "责任单位:市政府办"),),
}


def published(row: Row) -> tuple[str, ...]:
    """The row's cells as the 附表 itself writes them."""
    cells = list(row.cells)
    for (item_id, col), fixes in PUBLISHED.items():
        # a 重点任务 fix holds for every row of its task (the cell spans them)
        same_task = col == 2 and item_id.split(".")[0] == row.item_id.split(".")[0]
        if item_id == row.item_id or same_task:
            for ours, theirs in fixes:
                assert ours in cells[col - 1], (item_id, col, ours)
                cells[col - 1] = cells[col - 1].replace(ours, theirs, 1)
    return tuple(cells)


@dataclass(frozen=True)
class Row:
    item_id: str
    cells: tuple[str, str, str, str, str]  # 序号, 重点任务, 具体内容, 责任单位, 完成时间


@dataclass(frozen=True)
class Merge:
    first: int  # 0-based body row
    last: int
    col: int  # 1-based column


def _deadline_text(deadline: str) -> str:
    return deadline.replace("并持续更新", "\n并持续更新")


def seed_rows() -> list[Row]:
    tasks = yaml.safe_load((REPO / "data" / "tasks.yaml").read_text(encoding="utf-8"))["tasks"]
    rows: list[Row] = []
    for task in tasks:
        for item in task["items"]:
            deadline = item.get("deadline", task.get("deadline", ""))
            cells = (
                str(task["id"]),
                task["title"],
                item["content"],
                "、".join(item["owners"]),
                _deadline_text(deadline),
            )
            rows.append(Row(item["id"], cells))
    return rows


def seed_merges(rows: list[Row]) -> list[Merge]:
    merges: list[Merge] = []
    index = {row.item_id: n for n, row in enumerate(rows)}
    tasks = yaml.safe_load((REPO / "data" / "tasks.yaml").read_text(encoding="utf-8"))["tasks"]
    for task in tasks:
        ids = [item["id"] for item in task["items"]]
        first, last = index[ids[0]], index[ids[-1]]
        if last > first:
            merges += [Merge(first, last, 1), Merge(first, last, 2)]
            if "deadline" in task and not any("deadline" in i for i in task["items"]):
                merges.append(Merge(first, last, 5))
    for group in UNIT_MERGES:
        merges.append(Merge(index[group[0]], index[group[-1]], 4))
    return merges


def covered(merges: list[Merge]) -> dict[tuple[int, int], int]:
    """(body row, col) of every position a merge covers but does not start → its first row."""
    return {(r, m.col): m.first for m in merges for r in range(m.first + 1, m.last + 1)}


def build_docx(path: Path, repeat_header_before: str = "6.1") -> None:
    """The 附表 as Word has it: vMerge for spans, a header row marked w:tblHeader, repeated once."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rows = seed_rows()
    merges = seed_merges(rows)
    repeat_at = next(n for n, r in enumerate(rows) if r.item_id == repeat_header_before)
    document = docx.Document()
    document.add_paragraph("附表:重点任务分解表")
    n_rows = 1 + len(rows) + 1
    table = document.add_table(rows=n_rows, cols=5)
    table_rows: list[Any] = []  # document row of each body row
    doc_row = 1
    for n in range(len(rows)):
        if n == repeat_at:
            doc_row += 1  # the repeated header sits here
        table_rows.append(doc_row)
        doc_row += 1
    for header_row in (0, table_rows[repeat_at] - 1):
        tr_pr = table.rows[header_row]._tr.get_or_add_trPr()
        mark = OxmlElement("w:tblHeader")
        mark.set(qn("w:val"), "true")
        tr_pr.append(mark)
        for c, text in enumerate(HEADER):
            _set_text(table.cell(header_row, c), text)
    for m in merges:
        table.cell(table_rows[m.first], m.col - 1).merge(table.cell(table_rows[m.last], m.col - 1))
    skip = covered(merges)
    for n, row in enumerate(rows):
        for c, text in enumerate(row.cells, start=1):
            if (n, c) not in skip:
                _set_text(table.cell(table_rows[n], c - 1), text)
    document.save(str(path))


def _set_text(cell: Any, text: str) -> None:
    lines = text.split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def build_xlsx(path: Path) -> None:
    """The 附表 as a sheet: a title row, a two-row header (责任单位 and 完成时间 under one cell)."""
    import openpyxl

    rows = seed_rows()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "附表"
    sheet["A1"] = "重点任务分解表"
    sheet.merge_cells("A1:E1")
    for col, text in zip("ABC", HEADER, strict=False):
        sheet[f"{col}2"] = text
        sheet.merge_cells(f"{col}2:{col}3")
    sheet["D2"] = "责任单位及完成时间"
    sheet.merge_cells("D2:E2")
    sheet["D3"], sheet["E3"] = HEADER[3], HEADER[4]
    merges = seed_merges(rows)
    skip = covered(merges)
    for n, row in enumerate(rows):
        for c, text in enumerate(row.cells, start=1):
            if (n, c) not in skip:
                sheet.cell(4 + n, c, text)
    for m in merges:
        sheet.merge_cells(
            start_row=4 + m.first, start_column=m.col, end_row=4 + m.last, end_column=m.col
        )
    book.save(str(path))


def build_xls(path: Path) -> None:
    """The 附表 as an Excel 97–2003 sheet (xlwt), the header in row 1."""
    import xlwt

    rows = seed_rows()
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("附表")
    for c, text in enumerate(HEADER):
        sheet.write(0, c, text)
    merges = seed_merges(rows)
    skip = covered(merges)
    starts = {(m.first, m.col): m for m in merges}
    for n, row in enumerate(rows):
        for c, text in enumerate(row.cells, start=1):
            if (n, c) in skip:
                continue
            m = starts.get((n, c))
            if m is not None:
                sheet.write_merge(1 + m.first, 1 + m.last, c - 1, c - 1, text)
            else:
                sheet.write(1 + n, c - 1, text)
    book.save(str(path))


def build_html(path: Path) -> None:
    """The 附表 as a government page's <table>: rowspan for spans, <br> between lines, &nbsp;."""
    rows = seed_rows()
    merges = seed_merges(rows)
    skip = covered(merges)
    spans = {(m.first, m.col): m.last - m.first + 1 for m in merges}
    out = ['<html><head><meta charset="utf-8"></head><body><p>附表:重点任务分解表</p><table>']
    out.append("<tr>" + "".join(f"<th>{_html(t)}</th>" for t in HEADER) + "</tr>")
    for n, row in enumerate(rows):
        tds = []
        for c, text in enumerate(row.cells, start=1):
            if (n, c) in skip:
                continue
            span = spans.get((n, c))
            attr = f' rowspan="{span}"' if span else ""
            tds.append(f"<td{attr}>&nbsp;{_html(text)}</td>")
        out.append("<tr>\n" + "".join(tds) + "</tr>")
    out.append("</table></body></html>")
    path.write_text("\n".join(out), encoding="utf-8")


def _html(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))
