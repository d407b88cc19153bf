"""The 分解表 readers: every format gives the seed's 附表 as the same grid, merges expanded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gongkai_ledger.core.errors import UserError
from gongkai_ledger.files.tables import Cell, Table, read_tables

from .seed_table import (
    HEADER,
    build_docx,
    build_html,
    build_xls,
    build_xlsx,
    published,
    seed_rows,
)

SEED_TEXT = Path(__file__).parent / "seed" / "2022-lushan-zwgk-gongzuo-yaodian.txt"


def texts(table: Table) -> list[tuple[str, ...]]:
    return [tuple(cell.text for cell in row) for row in table.rows]


def body(table: Table, header_rows: int) -> list[tuple[str, ...]]:
    return texts(table)[header_rows:]


def expected_body() -> list[tuple[str, ...]]:
    return [row.cells for row in seed_rows()]


def test_seed_rows_are_the_32_items_of_15_tasks() -> None:
    rows = seed_rows()
    assert len(rows) == 32
    assert len({row.cells[0] for row in rows}) == 15
    assert rows[1].item_id == "1.2"
    assert rows[0].cells[4] == "2022年9月\n并持续更新"


@pytest.mark.slow
def test_docx_expands_vmerge_and_drops_the_repeated_header(tmp_path: Path) -> None:
    path = tmp_path / "分解表.docx"
    build_docx(path)
    [table] = read_tables(path)
    assert table.source == "分解表.docx 表1"
    assert texts(table)[0] == HEADER  # 完成\n时间 kept as two lines
    assert body(table, 1) == expected_body()  # the repeated header row is gone
    rows = {row[0].row: row for row in table.rows}
    assert max(rows) == 1 + 32 + 1  # document row numbers: the dropped header's number is skipped
    # 5.1–5.3: one 责任单位 cell; 5.1 starts at document row 12 (header + 11 items before it)
    assert rows[13][3] == Cell("市财政局", 13, 4, (12, 4))
    assert rows[14][3].merged_from == (12, 4)
    assert rows[15][3] == Cell("市农业农村局、市住建局", 15, 4)
    # task 5's 序号, 重点任务 and 完成时间 span its 8 rows
    assert rows[19][0] == Cell("5", 19, 1, (12, 1))
    assert rows[19][4] == Cell("2022年9月\n并持续更新", 19, 5, (12, 5))
    # after the repeated header (document row 20), 6.1 is row 21 and starts its own cells
    assert 20 not in rows
    assert rows[21][0] == Cell("6", 21, 1)
    # task 11 has a 完成时间 per item: not merged
    assert [rows[r][4].merged_from for r in (26, 27, 28)] == [None, None, None]
    assert rows[28][0].merged_from == (26, 1)


def test_docx_grid_span_and_nested_table(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "责任单位"
    table.cell(0, 2).text = "完成时间"
    table.cell(1, 0).text = "市财政局"
    inner = table.cell(1, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "嵌套"
    table.cell(1, 2).text = "2022年9月"
    path = tmp_path / "t.docx"
    document.save(str(path))
    [read] = read_tables(path)  # the nested table is not a table of its own
    assert texts(read) == [("责任单位", "责任单位", "完成时间"), ("市财政局", "", "2022年9月")]
    assert read.rows[0][1].merged_from == (1, 1)


def test_xlsx_merged_ranges_and_two_header_rows(tmp_path: Path) -> None:
    path = tmp_path / "附表.xlsx"
    build_xlsx(path)
    [table] = read_tables(path)
    assert table.source == "附表.xlsx 工作表“附表”"
    grid = texts(table)
    assert grid[0] == ("重点任务分解表",) * 5
    assert grid[1] == ("序号", "重点任务", "具体内容", "责任单位及完成时间", "责任单位及完成时间")
    assert grid[2] == ("序号", "重点任务", "具体内容", "责任单位", "完成\n时间")
    assert table.rows[2][0].merged_from == (2, 1)
    assert table.rows[1][4].merged_from == (2, 4)
    assert body(table, 3) == expected_body()
    # 5.2 (sheet row 15, after 3 header rows and 11 items) shares 5.1's 责任单位 cell
    assert table.rows[14][3] == Cell("市财政局", 15, 4, (14, 4))


def test_xlsx_numbers_and_dates_as_shown(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2022年9月", dt.datetime(2022, 9, 30), dt.datetime(2022, 9, 1), 5.0, 0.9, None])
    sheet["C1"].number_format = 'yyyy"年"m"月"'
    sheet["E1"].number_format = "0%"
    sheet.append([None] * 6)  # an empty trailing row
    second = book.create_sheet("第二页")
    second["B2"] = "  市财政局\r\n 市发改委 "
    path = tmp_path / "d.xlsx"
    book.save(str(path))
    first, other = read_tables(path)
    assert texts(first) == [("2022年9月", "2022-09-30", "2022年9月", "5", "90%")]
    assert texts(other) == [("", ""), ("", "市财政局\n市发改委")]


def test_xls_merged_cells(tmp_path: Path) -> None:
    path = tmp_path / "附表.xls"
    build_xls(path)
    [table] = read_tables(path)
    assert texts(table)[0] == HEADER
    assert body(table, 1) == expected_body()
    assert table.rows[12][3] == Cell("市财政局", 13, 4, (12, 4))
    assert table.rows[3][0] == Cell("1", 4, 1, (2, 1))


def test_html_rowspan_colspan_br_and_nbsp(tmp_path: Path) -> None:
    path = tmp_path / "附表.html"
    build_html(path)
    [table] = read_tables(path)
    assert texts(table)[0] == HEADER
    assert body(table, 1) == expected_body()
    assert table.rows[12][3] == Cell("市财政局", 13, 4, (12, 4))


def test_html_colspan_nested_and_gbk(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head>'
        "<body><table><tbody><tr><th colspan=2>责任\n单位</th><td rowspan=2>完成<br/>时间</td></tr>"
        "<tr><td>市\u3000财政局<table><tr><td>嵌套</td></tr></table></td><td>x</td></tr>"
        "</tbody></table></body></html>"
    )
    path = tmp_path / "p.htm"
    path.write_bytes(page.encode("gbk"))
    [table] = read_tables(path)
    assert texts(table) == [
        ("责任 单位", "责任 单位", "完成\n时间"),
        ("市 财政局", "x", "完成\n时间"),
    ]
    assert table.rows[1][2].merged_from == (1, 3)


def test_seed_text_matches_the_published_table() -> None:
    [table] = read_tables(SEED_TEXT)
    assert texts(table)[0] == HEADER
    assert "完成" in table.rows[0][4].guess
    assert body(table, 1) == [published(row) for row in seed_rows()]


def test_seed_text_marks_its_guesses() -> None:
    [table] = read_tables(SEED_TEXT)
    first = table.rows[1]
    assert first[2].guess == "按行序推断为第1个任务的第1个条目"
    assert first[4].text == "2022年9月\n并持续更新"
    assert first[4].guess == "原文作“20229”,按年、月二字缺失推断为“2022年9月”"
    # 5.2: 责任单位 and 完成时间 not in the text, taken from 5.1's merged cells
    row_5_2 = table.rows[12]
    assert row_5_2[3] == Cell(
        "市财政局", 13, 4, (12, 4), "原文此处无责任单位,按合并单元格推断同上一条目"
    )
    assert row_5_2[4].merged_from == (12, 5)
    # 9's deadline is written in full: no guess
    assert table.rows[22][4] == Cell("2022年9月\n并持续更新", 23, 5)


@pytest.mark.slow
def test_all_formats_give_the_same_seed_table(tmp_path: Path) -> None:
    build_docx(tmp_path / "a.docx")
    build_xlsx(tmp_path / "a.xlsx")
    build_xls(tmp_path / "a.xls")
    build_html(tmp_path / "a.html")
    grids = {
        suffix: body(read_tables(tmp_path / f"a{suffix}")[0], 3 if suffix == ".xlsx" else 1)
        for suffix in (".docx", ".xlsx", ".xls", ".html")
    }
    assert all(grid == grids[".docx"] for grid in grids.values())
    merged = {
        suffix: [
            [c.merged_from is not None for c in row]
            for row in read_tables(tmp_path / f"a{suffix}")[0].rows[-32:]
        ]
        for suffix in grids
    }
    assert all(m == merged[".docx"] for m in merged.values())


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("表.pdf", b"%PDF", "无法读取“表.pdf”:不认识的文件类型“.pdf”"),
        ("表.docx", b"not a zip", "无法读取“表.docx”:文件已损坏或不是.docx格式"),
        ("表.xlsx", b"not a zip", "无法读取“表.xlsx”:文件已损坏或不是.xlsx格式"),
        ("表.xls", b"not ole", "无法读取“表.xls”:文件已损坏或不是.xls格式"),
    ],
)
def test_unreadable_files_say_which(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError) as caught:
        read_tables(path)
    assert caught.value.message.startswith(message)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"无法读取“无\.docx”:文件不存在"):
        read_tables(tmp_path / "无.docx")
