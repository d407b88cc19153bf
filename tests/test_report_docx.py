"""`ledger report --format docx|pdf`: the 通报 and the 督办单 in GB/T 9704 公文 form."""

from __future__ import annotations

import shutil
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn

from gongkai_ledger.render.docx import BODY_FONT, HEI_FONT, KAI_FONT, SONG_FONT, TITLE_FONT

from .cli_run import Run, run_ledger
from .ledgers import REPORT_LEDGER, SHIPPED

REPORT_YAML = """\
issuer: 某县人民政府办公室
doc_no: 某府办字〔{year}〕{n}号
numbers: {"2022-12": 45}
to: [各乡镇人民政府, 县政府各部门]
cc: [县委办公室, 县人大常委会办公室]
printed_by: 某县人民政府办公室秘书科
"""

NOTES = """\
## 成效

各单位按要求推进,县财政局预决算公开做到应公开尽公开。

## 存在问题

部分单位报送不及时。

## 下步要求

请各单位于每月 5 日前报送进展。

## 表扬

县发改委报送及时、材料翔实,予以表扬。
"""


def report(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    return run_ledger(capsys, "report", "--month", "2022-12", *args)


@pytest.fixture
def office_ledger(tmp_path: Path) -> Path:
    root = tmp_path / "ledger"
    shutil.copytree(REPORT_LEDGER, root)
    (root / "report.yaml").write_text(REPORT_YAML, encoding="utf-8")
    (root / "notes").mkdir()
    (root / "notes" / "2022-12.md").write_text(NOTES, encoding="utf-8")
    return root


def texts(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs]


def row_has(row: Any, tag: str) -> bool:
    """Whether a table row's properties hold `tag` (w:tblHeader, w:cantSplit)."""
    return bool(row._tr.xpath(f"./w:trPr/{tag}"))


def east_asia(style: Any) -> str:
    fonts = style.element.rPr.find(qn("w:rFonts"))
    return str(fonts.get(qn("w:eastAsia")))


@pytest.mark.slow
def test_the_page_styles_and_fonts_follow_gb_t_9704(
    capsys: pytest.CaptureFixture[str], office_ledger: Path, tmp_path: Path
) -> None:
    out = tmp_path / "通报.docx"
    run = report(capsys, "--ledger", str(office_ledger), "-o", str(out))
    assert run.code == 0, run.err
    document = Document(str(out))
    section = document.sections[0]

    def mm(*lengths: Any) -> list[float]:
        return [round(length.mm, 1) for length in lengths]

    assert mm(section.page_width, section.page_height) == [210, 297]  # A4
    assert mm(section.top_margin, section.bottom_margin) == [37, 35]  # 天头, bottom
    assert mm(section.left_margin, section.right_margin) == [28, 26]  # 订口, right
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    assert grid.get(qn("w:linePitch")) == "579"  # 22 lines in the 225 mm 版心
    styles = document.styles
    assert east_asia(styles["Normal"]) == BODY_FONT
    assert styles["Normal"].font.size.pt == 16  # 3号
    assert east_asia(styles["公文标题"]) == TITLE_FONT
    assert styles["公文标题"].font.size.pt == 22  # 2号
    assert east_asia(styles["一级标题"]) == HEI_FONT
    assert east_asia(styles["二级标题"]) == KAI_FONT
    assert east_asia(styles["页码"]) == SONG_FONT
    assert styles["页码"].font.size.pt == 14  # 4号


@pytest.mark.slow
def test_head_addressees_signature_and_record(
    capsys: pytest.CaptureFixture[str], office_ledger: Path, tmp_path: Path
) -> None:
    out = tmp_path / "通报.docx"
    report(capsys, "--ledger", str(office_ledger), "-o", str(out), "--issued-on", "2023-01-05")
    document = Document(str(out))
    paragraphs = document.paragraphs
    lines = texts(document)
    # 版头: the 发文机关标志 in red, then the 文号 over the red rule
    mark = paragraphs[0].runs[0]
    assert mark.text == "某县人民政府办公室文件"
    assert str(mark.font.color.rgb) == "FF0000"
    number = next(p for p in paragraphs if p.text == "某府办字〔2022〕45号")
    (rule,) = number._p.xpath("./w:pPr/w:pBdr/w:bottom")
    assert rule.get(qn("w:color")) == "FF0000"
    assert "关于2022年12月2022年某县政务公开工作要点重点任务落实情况的通报" in lines
    assert "各乡镇人民政府、县政府各部门:" in lines  # 主送
    # 落款 and 成文日期, then 版记
    at = lines.index("某县人民政府办公室")
    assert lines[at + 1] == "2023年1月5日"
    assert "抄送:县委办公室、县人大常委会办公室。" in lines
    assert "某县人民政府办公室秘书科\t2023年1月5日印发" in lines
    # the notes are in their parts, and nothing is left to fill in
    for paragraph in ("县发改委报送及时、材料翔实,予以表扬。", "部分单位报送不及时。"):
        assert paragraph in lines
    assert not [line for line in lines if "待填写" in line]
    # no ISO dates and no commit anywhere in the body
    assert not [line for line in lines if "2022-1" in line]
    # page numbers: a PAGE field in the odd and the even footer, outside
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        xml = footer._element.xml
        assert "PAGE" in xml and "— " in xml
        assert f'w:val="{align}"' in xml


@pytest.mark.slow
def test_tables_repeat_their_header_row_and_rows_do_not_split(
    capsys: pytest.CaptureFixture[str], office_ledger: Path, tmp_path: Path
) -> None:
    out = tmp_path / "通报.docx"
    report(capsys, "--ledger", str(office_ledger), "-o", str(out))
    document = Document(str(out))
    assert len(document.tables) == 3
    for table in document.tables:
        assert row_has(table.rows[0], "w:tblHeader")
        assert all(row_has(row, "w:cantSplit") for row in table.rows)
        assert not any(row_has(row, "w:tblHeader") for row in table.rows[1:])
    progress = document.tables[2]
    cells = [row.cells[4].text for row in progress.rows]
    assert "各乡镇(3个单位,已完成 1,不涉及 1):其中未报送:丙乡" in cells
    assert not [c for c in cells if "未启动" in c]


@pytest.mark.slow
def test_without_the_office_s_words_the_document_says_what_to_write(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "通报.docx"
    run = report(capsys, "--ledger", str(REPORT_LEDGER), "-o", str(out))
    assert run.code == 0, run.err
    lines = texts(Document(str(out)))
    todo = [line for line in lines if line.startswith("【待填写")]
    assert "【待填写:发文字号】" in todo
    assert "【待填写:主送机关(report.yaml 的 to)】:" in lines
    assert "【待填写:本月工作成效和亮点(写在 notes/2022-12.md 的“## 成效”下)】" in todo
    assert "【待填写:存在的主要问题(写在 notes/2022-12.md 的“## 问题”下)】" in todo
    assert "【待填写:下一步工作要求(写在 notes/2022-12.md 的“## 下步要求”下)】" in todo
    assert "【待填写:表扬的单位和事例(写在 notes/2022-12.md 的“## 表扬”下)】" in todo
    assert any(line.startswith("抄送:【待填写") for line in lines)


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("issuer: 甲\nsender: 乙\n", ":2:1", "未知的键“sender”"),
        ("to: 3\n", ":1:5", "主送应是单位名称的列表"),
        ("cc: [甲, 3]\n", ":1:9", "抄送应是一段文字"),
        ('numbers: {"2022/12": 3}\n', ":1:11", "月份应写成 YYYY-MM"),
        ('numbers: {"2022-12": 0}\n', ":1:22", "文号序号应是正整数"),
        ("to: [a\n", ":2:1", "不是有效的 YAML"),
    ],
)
def test_a_bad_report_yaml_is_named_with_its_position(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, where: str, words: str
) -> None:
    root = tmp_path / "ledger"
    shutil.copytree(REPORT_LEDGER, root)
    (root / "report.yaml").write_text(text, encoding="utf-8")
    run = report(capsys, "--ledger", str(root), "-o", str(tmp_path / "x.docx"))
    assert run.code == 2
    assert f"report.yaml{where}" in run.err and words in run.err
    assert not (tmp_path / "x.docx").exists()


def test_an_unknown_notes_heading_is_named_with_its_line(
    capsys: pytest.CaptureFixture[str], office_ledger: Path, tmp_path: Path
) -> None:
    (office_ledger / "notes" / "2022-12.md").write_text("## 成效\n\n好。\n\n## 杂谈\n", "utf-8")
    run = report(capsys, "--ledger", str(office_ledger), "-o", str(tmp_path / "x.docx"))
    assert run.code == 2
    assert "2022-12.md:5:1" in run.err and "标题“杂谈”不是通报的一部分" in run.err


def test_a_unit_s_supervision_sheet(
    capsys: pytest.CaptureFixture[str], office_ledger: Path, tmp_path: Path
) -> None:
    out = tmp_path / "督办单.docx"
    run = report(
        capsys,
        "--ledger",
        str(office_ledger),
        "--unit",
        "县财政局",
        "-o",
        str(out),
        "--issued-on",
        "2023-01-05",
    )
    assert run.code == 0, run.err
    document = Document(str(out))
    lines = texts(document)
    assert "政务公开重点任务督办单" in lines
    assert "县财政局:" in lines
    (table,) = document.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == [
        "序号",
        "条目",
        "任务内容",
        "完成时间",
        "状态",
        "亮灯",
        "督办事由",
        "督办次数",
    ]
    assert any(r[1] == "1.2" and r[5] == "红" and r[6].startswith("逾期") for r in rows[1:])
    assert all(r[7].isdigit() for r in rows[1:])  # 督办次数: the month ends at 红
    asked = next(line for line in lines if line.startswith("请你单位"))
    assert "于2023年1月15日前完成" in asked  # 10 days after the 成文日期
    assert row_has(table.rows[0], "w:tblHeader")


@pytest.mark.slow
def test_all_units_writes_one_sheet_per_unit_that_owes(
    capsys: pytest.CaptureFixture[str], office_ledger: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "督办单"
    run = report(
        capsys, "--ledger", str(office_ledger), "--all-units", "--format", "docx", "-o", str(folder)
    )
    assert run.code == 0, run.err
    written = sorted(p.name for p in folder.iterdir())
    assert "督办单-县财政局.docx" in written
    assert "督办单-甲镇.docx" not in written  # 甲镇 owes nothing
    assert f"共写入 {len(written)} 份督办单" in run.err
    for name in written:
        assert Document(str(folder / name)).tables


def test_docx_and_pdf_need_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    run = report(capsys, "--ledger", str(REPORT_LEDGER), "--format", "docx")
    assert run.code == 2 and "docx 格式须用 -o 指定文件" in run.err


def test_without_python_docx_the_error_names_the_extra(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    run = report(capsys, "--ledger", str(REPORT_LEDGER), "-o", str(tmp_path / "x.docx"))
    assert run.code == 2
    assert "pip install 'gongkai-ledger[docx]'" in run.err


def test_markdown_reports_do_not_import_python_docx(capsys: pytest.CaptureFixture[str]) -> None:
    for name in [m for m in sys.modules if m == "docx" or m.startswith("docx.")]:
        sys.modules.pop(name)
    run = report(capsys, "--ledger", str(REPORT_LEDGER))
    assert run.code == 0
    assert "docx" not in sys.modules


# --- PDF -------------------------------------------------------------------------------------


def pages_ink(pdf: Path) -> list[float]:
    """How far down the 版心 each page's ink goes (0 to 1), the footer left out."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    result = []
    for page in document:
        bitmap = page.render(scale=0.4, grayscale=True)
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        data = bytes(bitmap.buffer)
        top, bottom = height * 37 / 297, height * (1 - 35 / 297)
        lowest = 0
        for y in range(int(bottom)):
            if min(data[y * stride : y * stride + width]) < 160:
                lowest = y
        result.append((lowest - top) / (bottom - top))
    return result


@pytest.mark.slow
def test_pdf_of_the_fixture_and_shipped_ledgers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from pypdf import PdfReader

    for ledger, unit, pages in (
        (REPORT_LEDGER, None, 6),  # 亮灯情况 and its 说明 moved the last lines on
        (REPORT_LEDGER, "县财政局", 4),  # and the 督办单's 亮灯与督办次数 table
        (SHIPPED, None, 11),
        (SHIPPED, "市财政局", 9),
    ):
        out = tmp_path / f"{ledger.name}-{unit}.pdf"
        args = ("--unit", unit) if unit else ()
        run = report(capsys, "--ledger", str(ledger), *args, "-o", str(out))
        assert run.code == 0, run.err
        reader = PdfReader(str(out))
        for page in reader.pages:
            box = page.mediabox
            assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
        assert len(reader.pages) == pages, (ledger, unit)
        # the 公文 parts: 文号 and 主送 under the masthead, 落款 and 版记 at the end
        # (the PDF's text layer spells some characters as Kangxi radicals: NFKC folds them)
        first, last = (
            unicodedata.normalize("NFKC", reader.pages[n].extract_text()) for n in (0, -1)
        )
        assert "发文字号" in first and "主送机关" in first
        assert "印发" in last and "抄送" in last
        ink = pages_ink(out)
        assert all(fill > 1 / 3 for fill in ink[:-1]), ink  # no page less than a third full
