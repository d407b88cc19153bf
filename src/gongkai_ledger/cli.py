"""Entry point: fast dispatch to the one command that runs, and the one error boundary."""

from __future__ import annotations

import gc
import os
import sys

from . import __version__

DEBUG_ENV = "GONGKAI_LEDGER_DEBUG"


def main() -> None:
    """Turn domain errors into Chinese messages and exit codes; never a traceback for users."""
    if sys.argv[1:] == ["--version"]:  # from a constant: no Typer, no command module
        sys.stdout.write(f"gongkai-ledger {__version__}\n")
        sys.stdout.flush()
        return
    # A command is a short-lived process over a large acyclic model: reference counting frees
    # what it drops, and the cyclic collector would only walk the model again and again.
    gc.disable()
    from .core.safetext import SafeStream  # after --version, which needs none of the package

    streams = sys.stdout, sys.stderr
    # Text from the ledger never reaches a terminal or CI log with its control codes.
    sys.stdout, sys.stderr = (s if s is None else SafeStream(s) for s in streams)
    try:
        _run()
    finally:
        sys.stdout, sys.stderr = streams
        gc.enable()  # main() also runs inside test processes


def _run() -> None:
    from .core.errors import UserError

    try:
        _dispatch(sys.argv[1:2])
    except UserError as error:  # the user can fix it: say what and how, nothing more
        if error.stdout:
            sys.stdout.write(error.stdout)
            sys.stdout.flush()
        sys.stderr.write(error.stderr)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("已中断\n")
        sys.exit(130)
    except Exception as error:  # a bug of ours: say so plainly, keep details for maintainers
        if os.environ.get(DEBUG_ENV):
            raise
        sys.stderr.write(
            f"程序内部错误({type(error).__name__}: {error})。\n"
            f"请设置环境变量 {DEBUG_ENV}=1 重新运行,并把输出报告给维护者。\n"
        )
        sys.exit(3)


def _dispatch(first: list[str]) -> None:
    """Run an everyday command without Typer when its argv is plain (commands._fast); else
    register only the command named first on the command line (all of them for --help,
    no command or an unknown one, so that help and errors list every command), and run Typer."""
    from .commands._fast import FORCE_TYPER_ENV, run

    if first and not os.environ.get(FORCE_TYPER_ENV) and run(first[0], sys.argv[2:]):
        return
    from .commands import register

    register(first[0] if first else None)
    from .commands._app import app

    app()
