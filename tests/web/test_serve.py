"""``jixiao serve --demo`` starts from nothing: migrations, secret key, demo logins, pages."""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jixiao.web.server import local_addresses


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


def children_of(pid: int) -> dict[int, str]:
    """Live child processes of ``pid`` (Linux /proc), with their command lines."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found[int(stat.parent.name)] = cmdline
    return found


def get(port: int, host_header: str, path: str = "/login/") -> int:
    url = f"http://127.0.0.1:{port}{path}"
    request = urllib.request.Request(url, headers={"Host": host_header})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except OSError:  # not answering yet
        return 0


def api(port: int, user: str, path: str, body: dict[str, Any] | None = None) -> Any:
    """One API call on a new connection, signed in with HTTP Basic (demo password)."""
    token = base64.b64encode(f"{user}:jixiao-demo-2024".encode()).decode()
    headers = {"Authorization": f"Basic {token}", "Content-Type": "application/json"}
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data,
                                     headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def submitted(port: int) -> int:
    return int(api(port, "caizheng", "/api/dashboard")["statuses"].get("已提交", 0))


def wait_until(check: Callable[[], bool], seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.3)
    return False


def test_allowed_hosts_follow_the_listening_address() -> None:
    from jixiao.web.server import allowed_hosts

    everywhere = allowed_hosts("0.0.0.0", ["jixiao.caizheng.local"])
    assert socket.gethostname() in everywhere and "jixiao.caizheng.local" in everywhere
    assert set(local_addresses()) <= set(everywhere) and "localhost" in everywhere
    assert allowed_hosts("192.168.3.7", [])[0] == "192.168.3.7"
    assert "[fe80::1]" in allowed_hosts("fe80::1", [])


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="需要 Linux /proc")
def test_serve_on_all_interfaces_with_processes_stops_on_sigterm(tmp_path: Path) -> None:
    """Other PCs reach ``--host 0.0.0.0`` by this machine's name or address (a foreign Host
    header is still refused); ``--processes 2`` runs two app processes on one socket and
    replaces one that dies; SIGTERM stops them all and the worker; the data folder, left
    open to others, is made private."""
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "DJANGO_"))}
    command = [sys.executable, "-m", "jixiao.cli.main", "serve", "--host", "0.0.0.0",
               "--port", str(port), "--data-dir", str(data), "--processes", "2", "--demo"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    try:
        def apps() -> list[int]:
            return [p for p, c in children_of(process.pid).items() if "jixiao.web.server" in c]

        assert wait_until(lambda: len(apps()) == 2 and get(port, "localhost") == 200, 180)
        workers = [p for p, c in children_of(process.pid).items() if "jixiao.web.worker" in c]
        assert len(workers) == 1
        other = next(
            (a for a in local_addresses() if a not in ("127.0.0.1", "[::1]", "localhost")),
            socket.gethostname(),
        )
        assert get(port, f"{other}:{port}") == 200
        assert get(port, "evil.example.com") == 400
        assert data.stat().st_mode & 0o777 == 0o700
        assert (data / "jixiao.sqlite3").stat().st_mode & 0o077 == 0
        # a change made through one process is seen at once by every process (new
        # connections land on either): sessions, aggregates and counters are in the database
        before = {submitted(port) for _ in range(8)}
        assert len(before) == 1
        draft = api(port, "tianbao", "/api/evaluations?status=draft&limit=1")[0]
        api(port, "tianbao", f"/api/evaluations/{draft['id']}/transition",
            {"action": "submit", "version": draft["version"]})
        assert {submitted(port) for _ in range(8)} == {before.pop() + 1}
        first, second = apps()
        os.kill(first, signal.SIGKILL)
        assert wait_until(lambda: first not in apps() and len(apps()) == 2)
        assert get(port, "localhost") == 200
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        assert wait_until(lambda: not any(Path(f"/proc/{p}").exists() for p in
                                          [second, *workers, *apps()]), 30)
    finally:
        if process.poll() is None:
            process.kill()
        output = process.communicate(timeout=20)[0]
    assert process.returncode == 0, output
    assert "正在停止" in output
