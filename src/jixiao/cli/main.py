"""Entry point: builds the typer app from every module in :mod:`jixiao.cli.commands`.

A command is added by adding a module that defines ``register(app: typer.Typer) -> None``;
nothing here needs editing. Errors are printed as ``[CODE] 中文说明`` with exit status 2.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer
from rich.console import Console

from jixiao import __version__
from jixiao.cli import commands
from jixiao.errors import JixiaoError

EXIT_USAGE_OR_INPUT = 2


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="jixiao",
        help="jixiao（绩效）：预算绩效评价的评分、审核、导入与导出。",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )

    @app.callback(invoke_without_command=True)
    def _main(version: bool = typer.Option(False, "--version", help="显示版本号")) -> None:
        if version:
            typer.echo(f"jixiao {__version__}")
            raise typer.Exit()

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(app)
    return app


def run() -> None:
    """Console script: run the app, turning our errors into one Chinese line and exit 2."""
    try:
        build_app()(standalone_mode=True)
    except JixiaoError as error:
        Console(stderr=True).print(f"[bold red]错误[/] {error.render()}", highlight=False)
        sys.exit(EXIT_USAGE_OR_INPUT)
    except KeyboardInterrupt:
        Console(stderr=True).print("已中断。")
        sys.exit(130)


if __name__ == "__main__":
    run()
