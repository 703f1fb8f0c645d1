"""``jixiao serve``: the web application on this machine, with embedded defaults."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import typer

DEFAULT_HOSTS = ("127.0.0.1", "localhost", "[::1]")


def _prepare_environment(host: str, data_dir: Path | None) -> None:
    if data_dir is not None:
        os.environ["JIXIAO_DATA_DIR"] = str(data_dir.resolve())
    os.environ["DJANGO_SETTINGS_MODULE"] = "jixiao.web.settings"
    if "JIXIAO_ALLOWED_HOSTS" not in os.environ and host not in ("0.0.0.0", "::"):
        os.environ["JIXIAO_ALLOWED_HOSTS"] = ",".join(dict.fromkeys([host, *DEFAULT_HOSTS]))


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", help="监听地址（0.0.0.0 表示所有网卡）"),
        port: int = typer.Option(8000, help="端口"),
        demo: bool = typer.Option(False, "--demo", help="载入演示数据和演示账号（每个角色一个）"),
        data_dir: Path | None = typer.Option(
            None, "--data-dir", help="数据目录（数据库、密钥、上传文件），默认为用户数据目录"
        ),
        threads: int = typer.Option(8, help="处理请求的线程数"),
        worker: bool = typer.Option(
            True, "--worker/--no-worker", help="同时启动后台任务进程（批量导入）"
        ),
    ) -> None:
        """启动网页版：填报、评分、审核、流转、汇总与导出（内网使用，不联网）。

        首次启动时自动建库（默认 SQLite，放在数据目录）并生成密钥；设置 JIXIAO_DATABASE_URL
        或 JIXIAO_DB=postgres 使用 PostgreSQL。页面由 waitress 提供服务。
        """
        _prepare_environment(host, data_dir)
        import django
        from django.conf import settings
        from django.core.management import call_command

        django.setup()
        call_command("migrate", interactive=False, verbosity=0)
        typer.echo(f"数据目录：{settings.DATA_DIR}")
        typer.echo(f"数据库：{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
        if demo:
            from jixiao.web.demo import load_demo

            typer.echo("已载入演示数据。演示账号（密码相同）：")
            for login in load_demo():
                typer.echo(f"  {login.username:<10} {login.password}  {login.role}（{login.unit}）")
        else:
            from django.contrib.auth.models import User

            if not User.objects.exists():
                typer.echo(
                    "还没有任何用户：请先运行 python -m jixiao.web.manage createsuperuser "
                    "创建管理员，再在 /admin/ 中建立单位和用户；或用 --demo 试用。"
                )
        from waitress import serve as waitress_serve

        from jixiao.web.wsgi import application

        process = (
            subprocess.Popen([sys.executable, "-m", "jixiao.web.manage", "db_worker"])
            if worker
            else None
        )
        typer.echo(f"网页版已启动：http://{host}:{port}/  （Ctrl+C 停止）")
        try:
            waitress_serve(application, host=host, port=port, threads=threads, ident="jixiao")
        finally:
            if process is not None:
                process.terminate()
                process.wait(timeout=10)
