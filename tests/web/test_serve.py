"""``jixiao serve --demo`` starts from nothing: migrations, secret key, demo logins, pages."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_demo(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "DJANGO_"))}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jixiao.cli.main",
            "serve",
            "--demo",
            "--port",
            str(port),
            "--data-dir",
            str(tmp_path),
            "--no-worker",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        page = ""
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=5) as r:
                    page = r.read().decode()
                break
            except OSError:
                assert process.poll() is None, process.stdout.read() if process.stdout else ""
                time.sleep(0.5)
        assert "登录" in page
        assert (tmp_path / "jixiao.sqlite3").is_file() and (tmp_path / "secret_key").is_file()
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=20)
    assert "tianbao" in output and "jixiao-demo-2024" in output and "填报人" in output
