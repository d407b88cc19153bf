"""The HTML report in a real browser: headless Chromium (Debian's `chromium`), driven over
the DevTools protocol by `tests/chromium.py` (no extra dependency).

It checks what a person opening or printing the file would see: the overdue table is
visible, the SVG charts render with a size, text is large with enough contrast, the page
loads nothing but itself and logs no errors, and printing gives an A4 PDF.

This test never skips in CI: without Chromium it fails and says how to install it. A
developer without Chromium may set LEDGER_SKIP_BROWSER=1 locally (ignored when CI is set).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .chromium import Browser, find_chromium
from .cli_run import run_ledger, run_process
from .ledgers import REPORT_LEDGER

pytestmark = pytest.mark.slow  # a browser per test, seconds each

SKIP_ENV = "LEDGER_SKIP_BROWSER"


def chromium_or_fail() -> str:
    found = find_chromium()
    if found:
        return found
    in_ci = any(os.environ.get(name) for name in ("CI", "GITHUB_ACTIONS"))
    if os.environ.get(SKIP_ENV) == "1" and not in_ci:
        pytest.skip(f"{SKIP_ENV}=1: browser test skipped on this developer machine")
    pytest.fail(
        "Chromium not found (looked for chromium, chromium-browser, google-chrome): "
        "install it with `apt-get install chromium` (.ci/run does); "
        f"a developer may set {SKIP_ENV}=1 to skip this test locally, never in CI"
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser(chromium_or_fail()) as b:
        yield b


@pytest.fixture(scope="module")
def report_html() -> Iterator[Path]:
    """The fixture ledger's December report as an HTML file (rendered through the CLI)."""
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "ledger"
        shutil.copytree(REPORT_LEDGER, ledger)
        out = Path(tmp) / "通报 2022-12.html"  # a name with a space and Chinese, as users write
        done = run_process("report", "--month", "2022-12", "--ledger", str(ledger), "-o", str(out))
        assert done.returncode == 0, done.stderr
        yield out


def test_page_loads_only_itself_without_errors(browser: Browser, report_html: Path) -> None:
    browser.events.clear()
    browser.open(report_html)
    assert browser.evaluate("document.documentElement.lang") == "zh-CN"
    assert browser.evaluate("document.title").startswith("2022年某县政务公开工作要点")
    assert browser.errors() == []
    assert browser.requests() == [report_html.resolve().as_uri()]  # no network, no fonts/images
    assert browser.evaluate("document.scripts.length") == 0


def test_overdue_table_is_visible(browser: Browser, report_html: Path) -> None:
    browser.open(report_html)
    table = browser.evaluate(
        """(() => {
        const t = document.getElementById('overdue-table');
        const r = t.getBoundingClientRect();
        const s = getComputedStyle(t);
        return {width: r.width, height: r.height, display: s.display,
                visibility: s.visibility, opacity: s.opacity,
                caption: t.caption.textContent, rows: t.tBodies[0].rows.length,
                text: t.innerText};
    })()"""
    )
    assert table["width"] > 500 and table["height"] > 100, table
    assert (table["display"], table["visibility"], table["opacity"]) == ("table", "visible", "1")
    assert table["caption"] == "逾期未完成事项(按单位)"
    assert table["rows"] == 4
    assert "丙乡" in table["text"] and "逾期" in table["text"]


def test_svg_chart_renders_with_a_text_equivalent(browser: Browser, report_html: Path) -> None:
    browser.open(report_html)
    chart = browser.evaluate(
        """(() => {
        const svg = document.querySelector('svg.chart');
        const r = svg.getBoundingClientRect();
        const bars = [...svg.querySelectorAll('rect.bar')].map(b => b.getBBox().width);
        const labelled = svg.getAttribute('aria-labelledby').split(' ')
            .map(id => document.getElementById(id).textContent);
        return {width: r.width, height: r.height, role: svg.getAttribute('role'),
                bars: bars, labelled: labelled,
                dataRows: document.querySelectorAll('#chart-data tbody tr').length};
    })()"""
    )
    assert chart["width"] > 300 and chart["height"] > 200, chart
    assert chart["role"] == "img"
    assert chart["labelled"][0] == "各单位完成率"
    assert "见下表" in chart["labelled"][1]
    assert len(chart["bars"]) == chart["dataRows"] == 8
    assert max(chart["bars"]) > 100  # 50% of a 330-unit track, at least


# Every element with its own text: font size and WCAG contrast against the first opaque
# background behind it.
READABILITY = """(() => {
    const rgb = c => c.match(/[\\d.]+/g).map(Number);
    const lum = ([r, g, b]) => {
        const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = el => {
        for (; el; el = el.parentElement) {
            const c = rgb(getComputedStyle(el).backgroundColor);
            if (c.length < 4 || c[3] > 0) return c;
        }
        return [255, 255, 255];
    };
    const found = [];
    for (const el of document.querySelectorAll('body *')) {
        const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        if (!own) continue;
        const s = getComputedStyle(el);
        const svg = el.closest('svg');
        // SVG text is scaled with its viewBox: measure the size as drawn
        const size = parseFloat(s.fontSize) * (svg ? svg.getScreenCTM().a : 1);
        const a = lum(rgb(svg ? s.fill : s.color)), b = lum(background(el));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        found.push({tag: el.tagName, cls: String(el.className.baseVal ?? el.className), size: size,
                    ratio: Math.round(ratio * 100) / 100});
    }
    return found;
})()"""


@pytest.mark.parametrize("media", ["screen", "print"])
def test_text_is_large_with_high_contrast(report_html: Path, media: str) -> None:
    # a browser of its own: after Emulation.setEmulatedMedia, Page.printToPDF fails
    with Browser(chromium_or_fail()) as browser:
        browser.call("Emulation.setEmulatedMedia", media=media)
        # print: lay out at the width of the A4 type area (156 mm = 590 CSS px)
        browser.open(report_html, width=590 if media == "print" else 1100)
        elements = browser.evaluate(READABILITY)
    assert len(elements) > 100
    small = [e for e in elements if e["size"] < 15.9]  # 16px = 12pt, the smallest we allow
    faint = [e for e in elements if e["ratio"] < 4.5]
    assert small == [] and faint == [], (small[:5], faint[:5])
    body = [e for e in elements if e["tag"] == "P" and "lead" in e["cls"]]
    assert body and min(e["size"] for e in body) >= (21 if media == "print" else 18)


def test_printing_gives_an_a4_pdf(browser: Browser, report_html: Path) -> None:
    browser.open(report_html)
    pdf = browser.pdf()
    assert pdf.startswith(b"%PDF-")
    pages = int(re.findall(rb"/Count (\d+)", pdf)[-1])
    assert pages >= 1
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == pages
    width, height = (float(v) for v in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)[0])
    assert abs(width - 595) < 2 and abs(height - 842) < 2  # A4 in points, from @page


def test_command_line_print_to_pdf(report_html: Path, tmp_path: Path) -> None:
    """What a user's `chromium --print-to-pdf` (or 打印 → 另存为 PDF) does."""
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [
            chromium_or_fail(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            report_html.resolve().as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert int(re.findall(rb"/Count (\d+)", data)[-1]) >= 1


def test_hostile_text_runs_nothing_in_the_browser(
    browser: Browser,
    hostile: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    out = tmp_path / "hostile.html"
    run = run_ledger(
        capsys, "report", "--month", "2022-12", "--ledger", str(hostile), "-o", str(out)
    )
    assert run.code == 0, run.err
    browser.events.clear()
    browser.open(out)
    assert browser.evaluate("document.scripts.length") == 0
    assert browser.evaluate("document.images.length") == 0
    assert browser.errors() == []
    assert browser.requests() == [out.resolve().as_uri()]
    assert "<script>alert(1)</script>" in browser.evaluate("document.body.innerText")


# For each font the page sets on Chinese text: draw its Chinese characters on a canvas (the
# same font matching as the page). A font that lacks them draws every one as the same box
# (tofu), or nothing: so distinct characters must give distinct, inked shapes, none of them
# the shape of a character no font has.
CJK_GLYPHS = r"""(() => {
    const byFont = new Map();
    for (const el of document.querySelectorAll('body *')) {
        const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent);
        const chars = own.join('').match(/[\u4e00-\u9fff]/g);
        if (!chars) continue;
        const s = getComputedStyle(el);
        const font = `${s.fontStyle} ${s.fontWeight} 40px ${s.fontFamily}`;
        const seen = byFont.get(font) || new Set();
        chars.forEach(c => seen.add(c));
        byFont.set(font, seen);
    }
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 48;
    const ctx = canvas.getContext('2d', {willReadFrequently: true});
    const shape = (font, text) => {
        ctx.clearRect(0, 0, 48, 48);
        ctx.font = font;
        ctx.textBaseline = 'top';
        ctx.fillStyle = '#000';
        ctx.fillText(text, 4, 4);
        const pixels = ctx.getImageData(0, 0, 48, 48).data;
        let bits = '', ink = 0;
        for (let i = 3; i < pixels.length; i += 4) {
            const on = pixels[i] > 127;
            bits += on ? '1' : '0';
            ink += on;
        }
        return {bits, ink};
    };
    return [...byFont].map(([font, chars]) => {
        const sample = [...chars].slice(0, 60);
        const shapes = sample.map(c => shape(font, c));
        const missing = shape(font, '\u{10FFFD}');
        return {font, chars: sample.join(''),
                distinct: new Set(shapes.map(s => s.bits)).size,
                blank: sample.filter((c, i) => shapes[i].ink === 0).join(''),
                boxes: sample.filter((c, i) => shapes[i].bits === missing.bits).join('')};
    });
})()"""


def _tofu(fonts: list[dict[str, object]]) -> list[dict[str, object]]:
    return [f for f in fonts if f["distinct"] != len(str(f["chars"])) or f["blank"] or f["boxes"]]


def test_chinese_text_renders_with_a_chinese_font(browser: Browser, report_html: Path) -> None:
    browser.open(report_html)
    fonts = browser.evaluate(CJK_GLYPHS)
    assert len(fonts) >= 2  # body text, headings, tables, charts: at least two faces
    assert sum(len(f["chars"]) for f in fonts) > 100
    assert _tofu(fonts) == [], (
        "Chinese text renders as boxes: install a CJK font (Debian fonts-noto-cjk; .ci/run "
        f"does). Chromium drew the title with {browser.platform_fonts('h1')}"
    )


def test_the_font_check_sees_missing_chinese_fonts(report_html: Path, tmp_path: Path) -> None:
    """The check above fails on a machine without CJK fonts (here: fontconfig sees none)."""
    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n', encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(empty)}
    with Browser(chromium_or_fail(), env=env) as browser:
        browser.open(report_html)
        fonts = browser.evaluate(CJK_GLYPHS)
    assert fonts and len(_tofu(fonts)) == len(fonts), fonts
