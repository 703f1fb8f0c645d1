"""Entry point: builds the typer app from every module in :mod:`jixiao.cli.commands`.

A command is added by adding a module that defines ``register(app: typer.Typer) -> None``;
nothing here needs editing.

Exit status means one thing each (docs/guide.md): 0 clean; 1 findings of severity error
(``audit``); 2 bad input or usage (``[CODE] 中文说明``); 3 internal error (a short Chinese
message with an E9xx code and where to report it; the traceback only with ``--debug``).
No exception escapes :func:`run`.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer
from rich.console import Console

from jixiao import __version__
from jixiao.cli import commands, crash
from jixiao.errors import JixiaoError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE_OR_INPUT, EXIT_INTERNAL = 0, 1, 2, crash.EXIT_INTERNAL


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="jixiao",
        help="jixiao（绩效）：预算绩效评价的评分、审核、导入与导出。",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,  # plain help: rendering it with rich costs more than the command
    )

    @app.callback(invoke_without_command=True)
    def _main(
        version: bool = typer.Option(False, "--version", help="显示版本号"),
        debug: bool = typer.Option(False, "--debug", help="内部错误时显示详细堆栈（报告缺陷用）"),
    ) -> None:
        crash.DEBUG = debug
        if version:
            typer.echo(f"jixiao {__version__}")
            raise typer.Exit()

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(app)
    return app


def main(argv: list[str] | None = None) -> int:
    """Run the command line on ``argv`` (default ``sys.argv[1:]``) and return the exit status;
    our errors become one Chinese line and 2, anything else a short internal-error message
    and 3. Nothing escapes but the status."""
    args = sys.argv[1:] if argv is None else argv
    crash.DEBUG = bool(args) and args[0] == "--debug"
    try:
        build_app()(args=args, prog_name="jixiao", standalone_mode=True)
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_USAGE_OR_INPUT)
    except JixiaoError as error:
        Console(stderr=True).print(f"[bold red]错误[/] {error.render()}", highlight=False)
        return EXIT_USAGE_OR_INPUT
    except KeyboardInterrupt:
        Console(stderr=True).print("已中断。")
        return 130
    except Exception as exc:
        crash.print_internal(exc)
        return EXIT_INTERNAL
    return EXIT_OK


def run() -> None:
    """Console script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
