"""Internal errors: one short Chinese message with an E9xx code and where to report it.

The traceback is printed only under the global ``--debug`` option (``jixiao --debug …``),
which sets :data:`DEBUG`. Batch commands use :func:`internal_error` to record a crash on
one file and go on with the others.
"""

from __future__ import annotations

import traceback

from rich.console import Console

from jixiao import __version__
from jixiao.errors import JixiaoError

EXIT_INTERNAL = 3
DEBUG = False
REPORT_TO = (
    "这是 jixiao 的缺陷，不是您的错误。请把所用命令、jixiao 版本（{version}）和（可提供时）"
    "输入文件报告到项目仓库的 Issues 页面；加 --debug（如 jixiao --debug audit …）可显示详细堆栈。"
)


def internal_error(exc: BaseException, *, file: str | None = None) -> JixiaoError:
    """The coded error reported for an unexpected exception."""
    if isinstance(exc, MemoryError):
        code, what = "E901", "内存不足，处理已中止"
    elif isinstance(exc, RecursionError):
        code, what = "E902", "内容嵌套过深，处理已中止"
    else:
        code, what = "E900", f"内部错误（{type(exc).__name__}）"
    return JixiaoError(code, f"{what}。{REPORT_TO.format(version=__version__)}", file=file)


def print_internal(exc: BaseException, *, file: str | None = None) -> None:
    """Print the short message (and the traceback under ``--debug``) to standard error."""
    console = Console(stderr=True)
    if DEBUG:
        console.print("".join(traceback.format_exception(exc)), highlight=False, markup=False)
    console.print(f"[bold red]内部错误[/] {internal_error(exc, file=file).render()}",
                  highlight=False)
