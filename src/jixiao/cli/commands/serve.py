"""``jixiao serve``: the web application on this machine, with embedded defaults."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import typer


def _prepare_environment(host: str, data_dir: Path | None, extra_hosts: list[str]) -> None:
    if data_dir is not None:
        os.environ["JIXIAO_DATA_DIR"] = str(data_dir.resolve())
    os.environ["DJANGO_SETTINGS_MODULE"] = "jixiao.web.settings"
    if "JIXIAO_ALLOWED_HOSTS" not in os.environ:
        from jixiao.web.server import allowed_hosts

        os.environ["JIXIAO_ALLOWED_HOSTS"] = ",".join(allowed_hosts(host, extra_hosts))


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
        processes: int = typer.Option(
            1, min=1, max=64, help="服务进程数（多核服务器用；各进程只共享数据库）"
        ),
        worker: bool = typer.Option(
            True, "--worker/--no-worker", help="同时启动后台任务进程（批量导入）"
        ),
        allowed_host: list[str] = typer.Option(
            [], "--allowed-host", help="另外允许的访问地址或域名（可重复），如内网域名"
        ),
    ) -> None:
        """启动网页版：填报、评分、审核、流转、汇总与导出（内网使用，不联网）。

        首次启动时自动建库（默认 SQLite，放在数据目录）并生成密钥；设置 JIXIAO_DATABASE_URL
        或 JIXIAO_DB=postgres 使用 PostgreSQL。页面由 waitress 提供服务。--host 0.0.0.0 时
        接受本机的全部名称和地址（其他电脑用哪个访问都可以），另见 --allowed-host。
        SIGTERM 或 Ctrl+C：停止接收请求，后台任务做完手头的一项（超时则放回队列）再退出。
        """
        _prepare_environment(host, data_dir, allowed_host)
        import django
        from django.conf import settings
        from django.core.exceptions import ImproperlyConfigured
        from django.core.management import call_command

        from jixiao.errors import JixiaoError

        os.umask(0o077)  # database, uploads and evidence readable by this user only
        try:
            django.setup()
        except ImproperlyConfigured as error:
            code, _, message = str(error).partition("] ")
            raise JixiaoError(code.strip("["), message) from error
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
        from jixiao.web.server import listening_socket, serve_forever, stop_on_sigterm
        from jixiao.web.worker import Worker, requeue

        requeue()  # jobs left running by a worker of this machine that is gone
        sock = listening_socket(host, port)
        background = Worker()
        shown = host if host not in ("0.0.0.0", "::") else socket.gethostname()
        typer.echo(f"允许的访问地址：{'、'.join(settings.ALLOWED_HOSTS)}")
        typer.echo(f"网页版已启动：http://{shown}:{port}/  （{processes} 个服务进程，Ctrl+C 停止）")
        with stop_on_sigterm():
            try:
                if worker:
                    background.start()
                serve_forever(
                    sock, processes=processes, threads=threads,
                    tick=background.check if worker else lambda: None,
                )
            except KeyboardInterrupt:
                pass
            finally:
                typer.echo("正在停止：后台任务完成手头的一项后退出……")
                background.stop()
                sock.close()
