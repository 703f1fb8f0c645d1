"""Options several commands share, declared once so their flags and help read the same."""

from __future__ import annotations

from typing import Annotated

import typer

PackOption = Annotated[
    str,
    typer.Option("--pack", "-p", help="规则包名称或 YAML 文件；auto 按文件内容推断省份"),
]
ForceOption = Annotated[
    bool,
    typer.Option("--force", help="覆盖已存在的输出文件（输入文件永不覆盖）"),
]
JobsOption = Annotated[
    int,
    typer.Option("--jobs", "-j", min=0, help="同时使用的进程数（默认 0：全部 CPU 核）"),
]
