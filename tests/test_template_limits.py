"""User templates are bounded: they read only regular files inside their directory, and every
render is bounded in output, memory and time. Each attack runs through the real CLI in its own
process under a 1 GiB address-space limit and a generous timeout (nothing is timed): it must
end with a Chinese template error and exit 2, never MemoryError, a hang or a huge file."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .cli_run import LEDGER, run_ledger
from .ledgers import REPORT_LEDGER

GIB = 1 << 30


@pytest.fixture
def ledger_dir(tmp_path: Path) -> Path:
    root = tmp_path / "report_ledger"
    shutil.copytree(REPORT_LEDGER, root)
    return root


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (GIB, GIB))


def report_in_process(
    ledger: Path, templates: Path, *args: str, program: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = program or [*LEDGER]
    options = ("--month", "2022-12", "--ledger", str(ledger), "--templates", str(templates))
    return subprocess.run(
        [*command, "report", *options, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
        preexec_fn=_limit_memory if program is None else None,
        check=False,
    )


ATTACKS = {
    "format-width": "{{ '{:>2000000000}'.format('x') }}",
    "format-nested-width": "{{ '{:>{w}}'.format('x', w=2000000000) }}",
    "percent-width": "{{ '%2000000000s' % 'x' }}",
    "percent-star": "{{ '%*s' % (2000000000, 'x') }}",
    "format-filter": "{{ '%2000000000s' | format('x') }}",
    "tilde-chain": "{% set a = 'x' * 1000000 %}{% set b = a~a~a~a~a~a~a~a~a~a %}"
    "{% set c = b~b~b~b~b~b~b~b~b~b %}{% set d = c~c~c~c~c~c~c~c~c~c %}{{ d | length }}",
    "plus-chain": "{% set a = 'x' * 10000000 %}{% set b = a+a+a+a+a+a+a+a+a+a %}{{ b | length }}",
    "center": "{{ 'x' | center(2000000000) }}",
    "str-center": "{{ 'x'.center(2000000000) }}",
    "ljust": "{{ 'x'.ljust(2000000000) }}",
    "replace": "{{ ('x' * 100000) | replace('x', 'y' * 100000) }}",
    "str-replace": "{{ ('x' * 100000).replace('x', 'y' * 100000) }}",
    "indent": "{{ ('x\\n' * 100000) | indent(100000) }}",
    "wordwrap": "{{ ('x ' * 100000) | wordwrap(1, wrapstring='y' * 100000) }}",
    "join": "{{ (['x' * 1000000] * 1000) | join }}",
    "str-join": "{{ ''.join(['x' * 1000000] * 1000) }}",
    "lipsum": "{{ lipsum(n=10**7) }}",
    "nested-range": "{% for i in range(100000) %}{% for j in range(100000) %}"
    "{% endfor %}{% endfor %}",
    "nested-list": "{% set r = range(100000) | list %}{% for i in r %}{% for j in r %}"
    "{% endfor %}{% endfor %}",
    "output": "{% set a = 'x' * 1000000 %}{% for i in range(100000) %}{{ a }}{% endfor %}",
    "set-block": "{% set a = 'x' * 1000000 %}{% set b %}{% for i in range(100000) %}{{ a }}"
    "{% endfor %}{% endset %}{{ b | length }}",
    "macro-output": "{% set a = 'x' * 1000000 %}{% macro m() %}{% for i in range(100000) %}"
    "{{ a }}{% endfor %}{% endmacro %}{{ m() | length }}",
    "append": "{% set a = 'x' * 1000000 %}{% set l = [] %}{% for i in range(100000) %}"
    "{% set _ = l.append(a ~ i) %}{% endfor %}{{ l | length }}",
    "big-int": "{{ ((10 ** 100) ** 100) ** 100 }}",
    "list-as-text": "{{ ['x' * 1000000] * 1000000 }}",
    "list-in-tilde": "{{ (['x' * 1000000] * 1000000) ~ '' }}",
    "list-as-string": "{{ (['x' * 1000000] * 1000000) | string | length }}",
    "tojson-indent": "{{ [1, 2] | tojson(indent=2000000000) }}",
    "tojson": "{{ (['x' * 1000000] * 1000) | tojson | length }}",
    "batch": "{{ 'x' | batch(2000000000, 'y') | list | length }}",
    "slice": "{{ 'x' | slice(2000000000) | list | length }}",
    "sum-lists": "{{ ([range(1000) | list] * 100000) | sum(start=[]) | length }}",
    "translate": "{{ ('x' * 1000).translate({120: 'y' * 10000000}) }}",
    "bytes-center": "{{ 'x'.encode().center(2000000000) }}",
}


@pytest.mark.slow  # a process each, under a memory limit; the nested loops take seconds
@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_an_attack_on_the_limits_is_a_template_error(
    name: str, ledger_dir: Path, tmp_path: Path
) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    (user / "report.md.j2").write_text(f"标题\n{ATTACKS[name]}\n", encoding="utf-8")
    out = tmp_path / "通报.md"
    run = report_in_process(ledger_dir, user, "-o", str(out))
    assert run.returncode == 2, run.stderr[-3000:]
    where = "" if name == "output" else ":2"  # the output as a whole is too long
    assert run.stderr.startswith(f"模板错误:{user / 'report.md.j2'}{where}: "), run.stderr[-3000:]
    assert "沙箱不允许的操作" in run.stderr
    assert "Traceback" not in run.stderr and "MemoryError" not in run.stderr
    assert run.stderr.count("\n") == 1
    assert not out.exists()


@pytest.mark.slow
def test_the_packaged_report_is_within_the_limits(ledger_dir: Path, tmp_path: Path) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    for fmt in ("md", "html"):
        run = report_in_process(ledger_dir, user, "--format", fmt)
        assert run.returncode == 0, run.stderr
        assert "逾期" in run.stdout


MEMORY_HOG = """\
import re, resource, sys
import gongkai_ledger.cli, gongkai_ledger.files.load, gongkai_ledger.render.templates, gongkai_ledger.views.report
vm = int(re.search(r"VmSize:\\s+(\\d+)", open("/proc/self/status").read())[1]) * 1024
limit = vm + 100 * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
sys.argv = ["ledger", *sys.argv[1:]]
gongkai_ledger.cli.main()
"""


def test_a_template_that_runs_out_of_memory_is_a_template_error(
    ledger_dir: Path, tmp_path: Path
) -> None:
    """Within every limit but beyond the machine's memory (here: 100 MB more than at start)."""
    user = tmp_path / "templates"
    user.mkdir()
    (user / "report.md.j2").write_text(
        "标题\n{% set l = [] %}{% for i in range(10) %}"
        "{% set _ = l.append('x' * (19000000 - i)) %}{% endfor %}{{ l | length }}\n",
        encoding="utf-8",
    )
    run = report_in_process(ledger_dir, user, program=[sys.executable, "-c", MEMORY_HOG])
    assert run.returncode == 2, run.stderr[-3000:]
    assert run.stderr == f"模板错误:{user / 'report.md.j2'}:2: 模板用尽了内存(生成的内容过多)\n"


@pytest.mark.parametrize(
    ("files", "fmt", "where"),
    [
        ({"report.html.j2": '{% extends "report.html.j2" %}\n'}, "html", "report.html.j2:1"),
        (
            {
                "report.html.j2": '{% extends "report.html.j2" %}\n'
                "{% block notes %}本单位{% endblock %}\n"
            },
            "html",
            "report.html.j2:1",
        ),
        (
            {
                "report.md.j2": '一\n{% include "b.md.j2" %}\n',
                "b.md.j2": '{% include "report.md.j2" %}\n',
            },
            "md",
            "",
        ),
    ],
)
def test_a_template_that_extends_or_includes_itself_is_a_template_error(
    capsys: pytest.CaptureFixture[str],
    ledger_dir: Path,
    tmp_path: Path,
    files: dict[str, str],
    fmt: str,
    where: str,
) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    for name, text in files.items():
        (user / name).write_text(text, encoding="utf-8")
    run = run_ledger(
        capsys,
        "report",
        "--month",
        "2022-12",
        "--format",
        fmt,
        "--ledger",
        str(ledger_dir),
        "--templates",
        str(user),
    )
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith(f"模板错误:{user}/{where}"), run.err
    assert run.err.endswith(": 模板递归过深(模板继承或包含了自己,或宏无休止地调用自己)\n")


# -- what templates may read ------------------------------------------------------------


def render_md(capsys: pytest.CaptureFixture[str], ledger: Path, user: Path) -> tuple[int, str, str]:
    run = run_ledger(
        capsys, "report", "--month", "2022-12", "--ledger", str(ledger), "--templates", str(user)
    )
    return run.code, run.out, run.err


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / "secret.txt"
    path.parent.mkdir()
    path.write_text("机密内容\n", encoding="utf-8")
    return path


def test_a_link_out_of_the_template_directory_is_refused(
    capsys: pytest.CaptureFixture[str], ledger_dir: Path, tmp_path: Path, secret: Path
) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    (user / "passwd.txt").symlink_to("/etc/passwd")
    (user / "secret.txt").symlink_to(secret)
    for name in ("passwd.txt", "secret.txt"):
        (user / "report.md.j2").write_text(f'标题\n{{% include "{name}" %}}\n', encoding="utf-8")
        code, out, err = render_md(capsys, ledger_dir, user)
        assert (code, out) == (2, "")
        real = os.path.realpath(user / name)
        assert err == (
            f"模板错误:{user / 'report.md.j2'}:2: "
            f"模板“{name}”是指向模板目录之外({real})的链接,不能读取\n"
        )
        assert "root:" not in err and "机密" not in err


def test_a_linked_directory_or_top_template_out_of_the_directory_is_refused(
    capsys: pytest.CaptureFixture[str], ledger_dir: Path, tmp_path: Path, secret: Path
) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    (user / "sub").symlink_to(secret.parent, target_is_directory=True)
    (user / "report.md.j2").write_text('标题\n{% include "sub/secret.txt" %}\n', encoding="utf-8")
    code, out, err = render_md(capsys, ledger_dir, user)
    assert (code, out) == (2, "")
    assert "模板“sub/secret.txt”是指向模板目录之外" in err and "机密" not in err

    (user / "report.md.j2").unlink()
    (user / "report.md.j2").symlink_to(secret)
    code, out, err = render_md(capsys, ledger_dir, user)
    assert (code, out) == (2, "")
    assert err == (
        f"模板错误:report.md.j2: 模板“report.md.j2”是指向模板目录之外({secret})的链接,不能读取\n"
    )


def test_a_link_inside_the_template_directory_is_followed(
    capsys: pytest.CaptureFixture[str], ledger_dir: Path, tmp_path: Path
) -> None:
    user = tmp_path / "templates"
    (user / "parts").mkdir(parents=True)
    (user / "parts" / "footer.txt").write_text("某县人民政府办公室\n", encoding="utf-8")
    (user / "footer.txt").symlink_to(Path("parts") / "footer.txt")
    (user / "report.md.j2").write_text('标题\n{% include "footer.txt" %}', encoding="utf-8")
    assert render_md(capsys, ledger_dir, user) == (0, "标题\n某县人民政府办公室\n", "")


def test_a_fifo_a_device_a_huge_or_binary_file_is_refused(
    capsys: pytest.CaptureFixture[str], ledger_dir: Path, tmp_path: Path
) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    os.mkfifo(user / "pipe.txt")  # reading it would wait for a writer forever
    (user / "huge.txt").write_bytes(b"x" * 1_000_001)
    (user / "binary.txt").write_bytes(b"\xff\xfe")
    inside = user / "dev"
    inside.mkdir()
    expected = {
        "pipe.txt": "模板“pipe.txt”不是普通文件(如管道、设备),不能读取",
        "huge.txt": "模板“huge.txt”过大(超过 1000000 字节)",
        "binary.txt": "模板“binary.txt”不是 UTF-8 文本(第 1 个字节无法解码)",
    }
    for name, what in expected.items():
        (user / "report.md.j2").write_text(f'标题\n{{% include "{name}" %}}\n', encoding="utf-8")
        assert render_md(capsys, ledger_dir, user) == (
            2,
            "",
            f"模板错误:{user / 'report.md.j2'}:2: {what}\n",
        )
