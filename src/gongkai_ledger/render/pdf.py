"""The printable HTML report as PDF, through headless Chromium.

Why Chromium and not LibreOffice from the .docx: Chromium is what the report's browser test
already needs (and `.ci/run` installs); LibreOffice is a much larger install. The HTML's
print CSS carries the 公文 page (A4, GB/T 9704 margins, “— n —” page numbers outside,
header rows repeated, rows that do not split). Chromium draws with the fonts this machine
has: the CSS names 仿宋_GB2312/仿宋, 楷体_GB2312/楷体, 黑体, 方正小标宋简体 first and falls back to
the AR PL (fonts-arphic) and Noto CJK fonts; `missing_fonts()` names the ones it lacks.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..core.errors import UserError

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
WANTED_FONTS = ("方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体")
TIMEOUT_SECONDS = 120


def chromium() -> str:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise UserError("生成 PDF 需要 Chromium(chromium);请先安装,例如 apt-get install chromium")


def missing_fonts() -> list[str]:
    """The 公文 fonts this machine does not have (by family name, as fc-list reports them)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return list(WANTED_FONTS)
    result = subprocess.run(
        [fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=30, check=False
    )
    families = {name.strip() for line in result.stdout.splitlines() for name in line.split(",")}
    return [font for font in WANTED_FONTS if font not in families]


def html_to_pdf(html: str) -> bytes:
    """Print `html` to A4 PDF pages with its own @page rules; a UserError if Chromium fails."""
    browser = chromium()
    with tempfile.TemporaryDirectory(prefix="ledger-pdf-") as work:
        page = Path(work) / "report.html"
        out = Path(work) / "report.pdf"
        page.write_text(html, encoding="utf-8")
        command = [
            browser,
            "--headless",
            "--no-sandbox",  # a container running as root cannot start Chromium's sandbox
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-pdf-header-footer",
            f"--user-data-dir={work}/profile",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired as error:
            raise UserError(f"Chromium 在 {TIMEOUT_SECONDS} 秒内没有生成 PDF") from error
        if not out.is_file() or out.stat().st_size == 0:
            raise UserError("Chromium 没有生成 PDF(请检查 chromium 能否以 --headless 运行)")
        return out.read_bytes()
