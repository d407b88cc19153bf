"""The 通报 and the 督办单 as Word documents in the 公文 form of GB/T 9704-2012.

`to_docx(context, office)` takes the report context (`views/report.py`) and the office's
words (`files/office.py: office_context`) and returns the .docx bytes. python-docx is the
optional extra `docx`, imported here only when a document is written.

The layout: A4, margins 天头 37 mm, 订口 (left) 28 mm, right 26 mm, bottom 35 mm (版心 156 ×
225 mm), a document grid of 22 lines × 28 characters (line pitch 28.95 pt), 正文 3号 (16 pt)
仿宋_GB2312, 标题 2号 (22 pt) 方正小标宋简体, 一级标题 黑体, 二级标题 楷体_GB2312, page numbers 4号
(14 pt) 宋体 “— n —” on the outside (odd pages right, even pages left). Fonts are named for
East Asian text (w:rFonts w:eastAsia), so Word and WPS use the office's own fonts; a machine
without them substitutes its own. Tables repeat their header row on every page
(w:tblHeader) and no row splits across pages (w:cantSplit).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..core.errors import UserError

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.table import Table
    from docx.text.paragraph import Paragraph

Data = dict[str, Any]

# The fonts GB/T 9704 names, as Word and WPS call them on an office's machine.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEI_FONT = "黑体"
KAI_FONT = "楷体_GB2312"
SONG_FONT = "宋体"
LATIN_FONT = "Times New Roman"
FONTS = (TITLE_FONT, BODY_FONT, HEI_FONT, KAI_FONT, SONG_FONT)

# Sizes in points: 初号 42, 小初 36, 一号 26, 二号 22, 三号 16, 四号 14, 小四 12.
MARK_PT, TITLE_PT, BODY_PT, PAGE_NO_PT, TABLE_PT, NOTE_PT = 36, 22, 16, 14, 12, 14
LINE_PITCH_TWIPS = 579  # 225 mm ÷ 22 lines = 28.95 pt
CHAR_SPACE = -844  # 156 mm ÷ 28 characters = 15.79 pt per 16 pt character, in 1/4096 pt
RED = "FF0000"

MISSING_EXTRA = "写 Word 文档需要 python-docx:请安装 pip install 'gongkai-ledger[docx]'"


def _docx() -> Any:
    try:
        import docx
    except ImportError as error:
        raise UserError(MISSING_EXTRA) from error
    return docx


def to_docx(context: Data, office: Data) -> bytes:
    """The 通报 (or, with ``header.unit``, the 督办单) as .docx bytes."""
    document = _new_document()
    if context["header"]["unit"] is None:
        _notice(document, context, office)
    else:
        _supervision(document, context, office)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- the page, the styles, the fonts ---------------------------------------------------------


def _new_document() -> DocumentObject:
    docx = _docx()
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    document: DocumentObject = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(24)
    _grid(section)
    _styles(document)
    _page_numbers(document)
    return document


def _grid(section: Any) -> None:
    """22 lines of 28 characters: the document grid Word and WPS lay the text on."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sect = section._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))
    grid.set(qn("w:charSpace"), str(CHAR_SPACE))
    sect.append(grid)


def set_font(target: Any, east_asia: str, size: float | None = None) -> None:
    """Name the font for East Asian text (and Times New Roman for digits and Latin)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    target.font.name = LATIN_FONT
    rpr = target.element.get_or_add_rPr() if hasattr(target, "element") else None
    if rpr is None:
        rpr = target._element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")
    if size is not None:
        target.font.size = Pt(size)


def _styles(document: DocumentObject) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt, RGBColor

    def paragraph_style(name: str, font: str, size: float, **kw: Any) -> None:
        style = (
            document.styles[name]
            if name in [s.name for s in document.styles]
            else document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        )
        if name != "Normal":
            style.base_style = document.styles["Normal"]
        set_font(style, font, size)
        style.font.bold = kw.get("bold", False)
        style.font.color.rgb = RGBColor(0, 0, 0)
        fmt = style.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(kw.get("line", LINE_PITCH_TWIPS / 20))
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.first_line_indent = Pt(kw["indent"]) if "indent" in kw else None
        fmt.alignment = kw.get("align")
        fmt.widow_control = True
        fmt.keep_with_next = kw.get("keep", False)

    paragraph_style(
        "Normal", BODY_FONT, BODY_PT, indent=2 * BODY_PT, align=WD_ALIGN_PARAGRAPH.JUSTIFY
    )
    paragraph_style(
        "公文标题", TITLE_FONT, TITLE_PT, indent=0, align=WD_ALIGN_PARAGRAPH.CENTER, line=35
    )
    paragraph_style("一级标题", HEI_FONT, BODY_PT, indent=2 * BODY_PT, keep=True)
    paragraph_style("二级标题", KAI_FONT, BODY_PT, indent=2 * BODY_PT, keep=True)
    paragraph_style("无缩进", BODY_FONT, BODY_PT, indent=0)
    paragraph_style("表格", BODY_FONT, TABLE_PT, indent=0, line=18)
    paragraph_style("表头", HEI_FONT, TABLE_PT, indent=0, line=18, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph_style("版记", BODY_FONT, NOTE_PT, indent=0, line=24)
    paragraph_style("页码", SONG_FONT, PAGE_NO_PT, indent=0, line=20)


def _page_numbers(document: DocumentObject) -> None:
    """— n — in 4号宋体, on the outside: odd pages at the right, even pages at the left,
    one character in from the edge of the 版心."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.style = document.styles["页码"]
        p.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            p.paragraph_format.right_indent = Pt(PAGE_NO_PT)
        else:
            p.paragraph_format.left_indent = Pt(PAGE_NO_PT)
        p.add_run("— ")
        _field(p, "PAGE")
        p.add_run(" —")


def _field(paragraph: Paragraph, code: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> None:
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    run._r.append(instr)
    char("separate")
    paragraph.add_run("1")
    char("end")


def _rule(paragraph: Paragraph, color: str = "000000", size: int = 8, side: str = "bottom") -> None:
    """A line the width of the 版心 under (or over) a paragraph; size in eighths of a point."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.append(borders)
    line = OxmlElement(f"w:{side}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(size))
    line.set(qn("w:space"), "1")
    line.set(qn("w:color"), color)
    borders.append(line)


# --- the parts of a 公文 ---------------------------------------------------------------------


def _para(document: DocumentObject, text: str = "", style: str = "Normal") -> Paragraph:
    return document.add_paragraph(text, style=document.styles[style])


def _head(document: DocumentObject, office: Data, context: Data) -> None:
    """版头: the 发文机关标志 in red, the 发文字号, the red rule."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    h = context["header"]
    mark = office["mark"] or f"{h['issuer'] or '【待填写:发文机关】'}文件"
    p = _para(document, "", "公文标题")
    p.paragraph_format.line_spacing = Pt(MARK_PT * 1.2)
    run = p.add_run(mark)
    set_font(run, TITLE_FONT, MARK_PT if len(mark) <= 12 else 30)
    run.font.color.rgb = RGBColor.from_string(RED)
    _para(document, "", "无缩进")
    number = _para(document, office["doc_no"] or "【待填写:发文字号】", "无缩进")
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _rule(number, RED, 18)  # the red rule under the 发文字号, 版心 wide
    _para(document, "", "无缩进")


def _title(document: DocumentObject, text: str) -> None:
    _para(document, text, "公文标题")
    _para(document, "", "无缩进")


def _to(document: DocumentObject, office: Data) -> None:
    names = "、".join(office["to"]) or "【待填写:主送机关(report.yaml 的 to)】"
    _para(document, f"{names}:", "无缩进")


def _signature(document: DocumentObject, office: Data, context: Data) -> None:
    """落款 and 成文日期, right-aligned, the date four characters in from the right."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    h = context["header"]
    _para(document, "", "无缩进")
    _para(document, "", "无缩进")
    issuer = office["issuer"] or h["issuer"] or "【待填写:发文机关】"
    for text, indent in ((issuer, 2), (zh_date(office["date"] or h["as_of"]), 4)):
        p = _para(document, text, "无缩进")
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.paragraph_format.right_indent = Pt(indent * BODY_PT)


def _record(document: DocumentObject, office: Data, context: Data, version: bool) -> None:
    """版记: 抄送, 印发机关 and 印发日期 between rules, at the end of the document."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Mm, Pt

    h = context["header"]
    _para(document, "", "无缩进")
    cc = _para(document, "", "版记")
    _rule(cc, size=8, side="top")
    cc.paragraph_format.left_indent = Pt(NOTE_PT)
    cc.paragraph_format.right_indent = Pt(NOTE_PT)
    cc.add_run(
        "抄送:" + ("、".join(office["cc"]) or "【待填写:抄送机关(report.yaml 的 cc)】") + "。"
    )
    cc_last = cc
    if version and h["commit"]:
        v = _para(document, "", "版记")
        v.paragraph_format.left_indent = Pt(NOTE_PT)
        v.add_run(f"据政务公开重点任务台账生成,数据版本 {h['commit']}")
        if h["dirty"]:
            v.add_run("(有未提交的修改)")
        cc_last = v
    _rule(cc_last, size=4)
    printed = _para(document, "", "版记")
    printed.paragraph_format.left_indent = Pt(NOTE_PT)
    printed.paragraph_format.tab_stops.add_tab_stop(Mm(156) - Pt(NOTE_PT), WD_TAB_ALIGNMENT.RIGHT)
    who = office["printed_by"] or h["issuer"] or "【待填写:印发机关】"
    printed.add_run(f"{who}\t{zh_date(office['date'] or h['as_of'])}印发")
    _rule(printed, size=8)


def zh_date(iso: str) -> str:
    if len(iso) == 10 and iso[4] == "-" and iso[7] == "-":
        return f"{int(iso[:4])}年{int(iso[5:7])}月{int(iso[8:])}日"
    return iso


def _table(
    document: DocumentObject,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
) -> Table:
    """A bordered table whose header row repeats on every page and whose rows never split."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    table: Table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for n, row in enumerate(table.rows):
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))
        if n == 0:
            trpr.append(OxmlElement("w:tblHeader"))
        values = header if n == 0 else rows[n - 1]
        for k, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = Mm(widths[k])
            p = cell.paragraphs[0]
            p.style = document.styles["表头" if n == 0 else "表格"]
            p.text = text
            if n and (text.isdigit() or text.endswith("%")):
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for n, width in enumerate(widths):  # Word reads the grid, WPS the cells: set both
        grid = table._tbl.tblGrid.findall(qn("w:gridCol"))[n]
        grid.set(qn("w:w"), str(int(width * 56.7)))
    return table


def _part(document: DocumentObject, title: str, paragraphs: Sequence[str], missing: str) -> None:
    _para(document, title, "一级标题")
    for text in paragraphs:
        _para(document, text)
    if not paragraphs:
        _para(document, missing)


def _attachment(document: DocumentObject, number: int, title: str) -> None:
    from docx.enum.text import WD_BREAK

    page = _para(document, "", "无缩进")
    page.add_run().add_break(WD_BREAK.PAGE)
    _para(document, f"附件{number}", "一级标题").paragraph_format.first_line_indent = 0
    _para(document, "", "无缩进")
    _title(document, title)


def _notice(document: DocumentObject, context: Data, office: Data) -> None:
    """The monthly 通报."""
    h, s, notes = context["header"], context["summary"], office["notes"]
    _head(document, office, context)
    _title(document, f"关于{h['month_label']}{h['plan_title']}重点任务落实情况的通报")
    _to(document, office)
    basis = f"《{h['plan_title']}》" + (f"({h['doc_no']})" if h["doc_no"] else "")
    _para(
        document,
        f"为推动{basis}各项重点任务落到实处,现将截至{zh_date(h['as_of'])}的落实情况通报如下。",
    )
    _para(document, "一、总体情况", "一级标题")
    _para(document, _overall(s, h))
    _para(document, levels_sentence(context["levels"]))
    if h.get("period"):
        _para(document, h["period"]["comparison"])
        _para(document, period_sentence(context))
    where = f"notes/{h['month']}.md"
    _para(document, "(一)工作成效", "二级标题")
    this = "本期" if h.get("period") else "本月"
    for text in notes["effects"] or [
        f"【待填写:{this}工作成效和亮点(写在 {where} 的“## 成效”下)】"
    ]:
        _para(document, text)
    _para(document, "(二)表扬", "二级标题")
    for text in notes["praise"] or [f"【待填写:表扬的单位和事例(写在 {where} 的“## 表扬”下)】"]:
        _para(document, text)
    _para(document, "二、存在问题", "一级标题")
    _para(document, _overdue_sentence(context))
    _para(document, _stale_sentence(context))
    for text in notes["problems"] or [f"【待填写:存在的主要问题(写在 {where} 的“## 问题”下)】"]:
        _para(document, text)
    _para(document, "三、下步要求", "一级标题")
    for text in notes["requests"] or [f"【待填写:下一步工作要求(写在 {where} 的“## 下步要求”下)】"]:
        _para(document, text)
    _annual(document, context.get("annual"))
    _para(document, "")
    appendix = _para(document, "附件:1.各单位重点任务完成情况表")
    appendix.paragraph_format.left_indent = None
    hang = _para(document, "2.逾期未完成事项清单")
    hang.paragraph_format.first_line_indent = 5 * _pt(BODY_PT)
    hang2 = _para(document, "3.各项任务进展情况表")
    hang2.paragraph_format.first_line_indent = 5 * _pt(BODY_PT)
    if h.get("period"):
        for title in PERIOD_ATTACHMENTS:
            more = _para(document, title)
            more.paragraph_format.first_line_indent = 5 * _pt(BODY_PT)
    _signature(document, office, context)
    _attachment(document, 1, "各单位重点任务完成情况表")
    _table(
        document,
        ("序号", "单位", "任务", "已完成", "推进中", "未报送", "逾期", "完成率"),
        [
            (
                str(n),
                u["name"],
                str(u["tally"]["unit_items"]),
                str(u["tally"]["done"]),
                str(u["tally"]["in_progress"]),
                str(u["tally"]["not_reported"]),
                str(u["tally"]["overdue"]),
                u["tally"]["completion_rate"],
            )
            for n, u in enumerate(context["by_unit"], start=1)
        ],
        (12, 48, 14, 16, 16, 16, 14, 20),
    )
    _attachment(document, 2, "逾期未完成事项清单")
    rows = [
        (
            str(n),
            g["unit"],
            str(g["count"]),
            str(g["max_days_late"]),
            "、".join(f"{r['item']}({r['days_late']}天)" for r in g["rows"]),
        )
        for n, g in enumerate(context["overdue"], start=1)
    ]
    if rows:
        _table(
            document,
            ("序号", "单位", "逾期项数", "最长逾期天数", "逾期条目(逾期天数)"),
            rows,
            (12, 40, 18, 22, 64),
        )
    else:
        _para(document, "无逾期未完成事项。")
    _attachment(document, 3, "各项任务进展情况表")
    _progress_table(document, context)
    if h.get("period"):
        _period_attachments(document, context)
    _record(document, office, context, office.get("version", True))


def _annual(document: DocumentObject, annual: Data | None) -> None:
    """`--year`: 落实上级年度政务公开工作要点情况, one paragraph per task."""
    if not annual:
        return
    _para(document, "四、落实上级年度政务公开工作要点情况", "一级标题")
    _para(document, annual["intro"])
    for task in annual["tasks"]:
        _para(document, f"{task['number']}{task['title']}。{task['text']}")


def levels_sentence(levels: Data) -> str:
    """亮灯情况, as the md/html 总体情况 says it."""
    return (
        f"亮灯情况:红灯{levels['red']}项,黄灯{levels['yellow']}项,"
        f"蓝灯{levels['blue']}项,绿灯{levels['green']}项。"
    )


# A period's (--quarter/--half/--year) two more attachments, after the monthly three.
PERIOD_ATTACHMENTS = ("4.本期报送进展情况表", "5.下期到期事项清单")


def period_sentence(context: Data) -> str:
    """How many reports came in during the period and how many dues the next one holds."""
    h, upcoming = context["header"], context["next_month"]
    received = context["received"]
    got = (
        f"本期({h['month_label']})共收到进展报送{len(received)}条(明细见附件4)"
        if received
        else f"本期({h['month_label']})无报送"
    )
    due = (
        f"下期({upcoming['month_label']})有{len(upcoming['rows'])}个条目或时间节点到期(见附件5)"
        if upcoming["rows"]
        else f"下期({upcoming['month_label']})无到期事项"
    )
    return f"{got};{due}。"


def _period_attachments(document: DocumentObject, context: Data) -> None:
    """附件4 本期报送进展 and 附件5 下期到期事项, as the md/html 五、六 list them."""
    h, upcoming = context["header"], context["next_month"]
    _attachment(document, 4, "本期报送进展情况表")
    rows = [
        (
            zh_date(r["date"]),
            r["unit"] + (f"({r['role']})" if r["role"] else ""),
            r["item"],
            r["status"],
            r["summary"] + (f"(理由:{r['reason']})" if r["reason"] else ""),
            "、".join(r["evidence"]) or "—",
        )
        for r in context["received"]
    ]
    if rows:
        _table(
            document,
            ("日期", "单位", "条目", "状态", "进展情况", "佐证材料"),
            rows,
            (24, 26, 12, 16, 44, 34),
        )
    else:
        _para(document, f"{h['month_label']}无报送。")
    _attachment(document, 5, "下期到期事项清单")
    due_rows = [
        (
            zh_date(r["due"]),
            r["item"],
            r["kind"],
            r["what"],
            r["deadline"],
            "、".join(r["units"]),
        )
        for r in upcoming["rows"]
    ]
    if due_rows:
        _table(
            document,
            ("应完成日期", "条目", "类型", "事项", "完成时间", "尚未完成的单位"),
            due_rows,
            (24, 12, 18, 44, 24, 34),
        )
    else:
        _para(document, f"{upcoming['month_label']}无到期事项。")


def _supporting(document: DocumentObject, rows: Sequence[Data]) -> None:
    """A 督办单's 本单位配合的条目, as the md/html list them: not counted as the unit's own."""
    if not rows:
        return
    _para(document, "本单位配合的条目(不计入本单位的任务数和完成率):")
    _table(
        document,
        ("条目", "任务", "责任单位", "完成时间", "本单位报送", "最近报送", "进展情况"),
        [
            (
                r["item"],
                r["task_title"],
                "、".join(r["owners"]),
                r["deadline"],
                r["status"],
                zh_date(r["last_report"]) if r["last_report"] else "—",
                r["summary"] or "—",
            )
            for r in rows
        ],
        (12, 30, 22, 22, 18, 22, 30),
    )


def _pt(value: float) -> Any:
    from docx.shared import Pt

    return Pt(value)


def _overall(s: Data, h: Data) -> str:
    return (
        f"截至{zh_date(h['as_of'])},共有重点任务{s['task_count']}项、条目{s['item_count']}个,"
        f"分解到{s['unit_count']}个责任单位,合计单位任务{s['unit_items']}项。"
        f"其中已完成{s['done']}项,推进中{s['in_progress']}项,"
        f"已报送但未启动{s['not_started'] - s['not_reported']}项,未报送{s['not_reported']}项,"
        f"不涉及{s['not_applicable']}项;{s['items_done']}个条目已全部完成。"
        f"完成率{s['completion_rate']},按期完成率{s['on_time_rate']}。"
    )


def _overdue_sentence(context: Data) -> str:
    s, overdue = context["summary"], context["overdue"]
    if not overdue:
        return "截至统计日,无逾期未完成事项。"
    worst = "、".join(f"{g['unit']}({g['count']}项)" for g in overdue[:5])
    more = f"等{len(overdue)}个单位" if len(overdue) > 5 else ""
    return (
        f"逾期未完成{s['overdue']}项,涉及{s['overdue_units']}个单位,逾期较多的有{worst}{more}"
        "(明细见附件2)。"
    )


def _stale_sentence(context: Data) -> str:
    s = context["summary"]
    if not s["stale"]:
        return "持续更新类任务均按期报送了进展。"
    return f"持续更新类任务中,更新滞后{s['stale']}项,涉及{s['stale_units']}个单位。"


def _owners(item: Data) -> str:
    parts = [
        f"{g['status']}{'(' + '、'.join(g['flags']) + ')' if g['flags'] else ''}:{'、'.join(g['units'])}"
        for g in item["by_status_named"]
    ]
    for c in item["collectives"]:
        na = f",不涉及 {c['not_applicable']}" if c["not_applicable"] else ""
        text = f"{c['name']}({c['count']}个单位,已完成 {c['done']}{na})"
        if len(c["not_reported"]) == c["count"]:
            text += ":均未报送"
        elif c["not_reported"]:
            text += ":其中未报送:" + "、".join(c["not_reported"])
        parts.append(text)
    return ";".join(parts)


def _progress_table(document: DocumentObject, context: Data) -> None:
    rows = []
    for section in context["sections"]:
        for task in section["tasks"]:
            for item in task["entries"]:
                progress = (
                    "全部完成"
                    if item["done"]
                    else f"{item['tally']['done']}/{item['tally']['applicable']}"
                )
                rows.append((item["id"], item["short"], item["deadline"], progress, _owners(item)))
    _table(document, ("条目", "内容", "完成时间", "进度", "各单位情况"), rows, (13, 50, 25, 14, 54))


def _supervision(document: DocumentObject, context: Data, office: Data) -> None:
    """One unit's 督办单: its open items with how late they are, what is asked, by when."""
    h = context["header"]
    unit = h["unit"]["name"]
    _head(document, office, context)
    _title(document, "政务公开重点任务督办单")
    owed = open_items(context)
    lit = {r["item"]: r for r in context.get("unit_levels", [])}  # 亮灯, 督办次数
    rows = [
        (
            str(n),
            r["id"],
            r["short"],
            r["deadline"],
            r["status"],
            lit[r["id"]]["level"] if r["id"] in lit else "",
            r["level"],
            str(lit[r["id"]]["times"]) if r["id"] in lit else "",
        )
        for n, r in enumerate(owed, start=1)
    ]
    _para(document, f"{unit}:", "无缩进")
    basis = f"《{h['plan_title']}》" + (f"({h['doc_no']})" if h["doc_no"] else "")
    if owed:
        late = sum(1 for r in owed if r["days_late"])
        _para(
            document,
            f"根据{basis}重点任务分解,截至{zh_date(h['as_of'])},你单位承担的以下{len(owed)}项任务"
            f"尚未按要求完成或报送进展,其中已逾期{late}项,现予督办。",
        )
        _table(
            document,
            ("序号", "条目", "任务内容", "完成时间", "状态", "亮灯", "督办事由", "督办次数"),
            rows,
            (10, 12, 46, 24, 16, 10, 26, 12),
        )
    else:
        _para(document, f"截至{zh_date(h['as_of'])},你单位承担的任务无逾期、临期或更新滞后事项。")
    _supporting(document, context.get("supporting", []))
    _para(document, "督办要求", "一级标题")
    by = zh_date(office["reply_by"]) if office.get("reply_by") else "【待填写:办结时限】"
    _para(
        document,
        f"请你单位对照上述事项抓紧整改落实,于{by}前完成,并将进展情况和佐证材料报送"
        f"{office['issuer'] or h['issuer'] or '【待填写:发文机关】'}。确有特殊情况不能按期完成的,"
        "请书面说明原因和计划完成时间。",
    )
    _signature(document, office, context)
    _record(document, office, context, office.get("version", True))


def open_items(context: Data) -> list[Data]:
    """A unit's items it owes something on (逾期、临期、更新滞后), worst first."""
    found = []
    for section in context["sections"]:
        for task in section["tasks"]:
            for item in task["entries"]:
                u = item["units"][0]
                if not u["flags"]:
                    continue
                level = []
                if u["overdue"]:
                    level.append(f"逾期{u['days_late']}天")
                if u["due_soon"]:
                    level.append(f"{u['days_left']}天内到期")
                if u["stale"]:
                    level.append("更新滞后")
                found.append(
                    {
                        "id": item["id"],
                        "short": item["short"],
                        "deadline": item["deadline"],
                        "status": u["shown_status"],
                        "days_late": u["days_late"] if u["overdue"] else 0,
                        "level": "、".join(level),
                    }
                )
    found.sort(key=lambda r: -r["days_late"])
    return found
