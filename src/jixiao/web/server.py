"""Running the web application: the hosts it answers to, one listening socket shared by
several waitress processes, and the background worker, all stopped cleanly on SIGTERM.

Processes share nothing but the database (sessions, sign-in counters, dashboard aggregates
and the task queue all live there), so any number of them, on one machine or several, give
the same answers. Run as ``python -m jixiao.web.server --fd N --threads T`` it is one app
process serving an inherited socket (started by :func:`serve_forever`).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from types import FrameType

from jixiao.errors import JixiaoError

LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
WILDCARDS = ("0.0.0.0", "::", "")


def _bracket(address: str) -> str:
    return f"[{address}]" if ":" in address else address


def local_addresses() -> list[str]:
    """This machine's names and addresses, as other PCs would put them in the Host header."""
    names = {socket.gethostname(), socket.getfqdn()}
    found: list[str] = []
    for name in sorted(n for n in names if n):
        found.append(name)
        try:
            infos = socket.getaddrinfo(name, None)
        except OSError:
            continue
        found.extend(_bracket(str(info[4][0]).split("%")[0]) for info in infos)
    for family, probe in ((socket.AF_INET, "10.255.255.255"), (socket.AF_INET6, "fd00::1")):
        try:  # the address of the outgoing interface; a UDP connect sends nothing
            with socket.socket(family, socket.SOCK_DGRAM) as sock:
                sock.connect((probe, 1))
                found.append(_bracket(str(sock.getsockname()[0]).split("%")[0]))
        except OSError:
            pass
    return list(dict.fromkeys(found))


def allowed_hosts(host: str, extra: list[str]) -> list[str]:
    """The Host header values to accept when listening on ``host``: the address itself (or,
    for all interfaces, every name and address of this machine), localhost, and ``extra``
    (names users type, such as a DNS alias or a reverse proxy's name)."""
    own = local_addresses() if host in WILDCARDS else [_bracket(host)]
    return list(dict.fromkeys([*own, *LOCAL_HOSTS, *(e.strip() for e in extra if e.strip())]))


def listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        message = f"无法监听 {host}:{port}（{error.strerror}），端口是否已被占用？"
        raise JixiaoError("E131", message) from error
    sock.listen(1024)
    sock.set_inheritable(True)
    return sock


def die_with_parent() -> None:
    """On Linux, have the kernel send SIGTERM to this process when ``jixiao serve`` dies,
    even by SIGKILL, so no orphan keeps serving or taking jobs."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def run_waitress(sock: socket.socket, threads: int) -> None:
    from waitress import serve

    from jixiao.web.wsgi import application

    serve(application, sockets=[sock], threads=threads, ident="jixiao")


@contextlib.contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """SIGTERM (systemd, ``kill``) ends the process as Ctrl+C does, running every cleanup."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(0)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _app_process(sock: socket.socket, threads: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "jixiao.web.server", "--fd", str(sock.fileno()),
               "--threads", str(threads)]
    return subprocess.Popen(command, pass_fds=(sock.fileno(),))


def _every_second(tick: Callable[[], None]) -> None:
    while True:
        time.sleep(1)
        tick()


def serve_forever(
    sock: socket.socket, *, processes: int, threads: int, tick: Callable[[], None]
) -> None:
    """Serve ``sock`` with ``processes`` waitress processes (in this process when one),
    calling ``tick`` about once a second (the worker supervisor); return on SIGTERM/Ctrl+C."""
    if processes <= 1:
        threading.Thread(target=_every_second, args=(tick,), daemon=True).start()
        run_waitress(sock, threads)
        return
    if not hasattr(os, "fork"):
        raise JixiaoError("E131", "本系统不支持 --processes 大于 1，请在每台机器上运行一个进程")
    children = [_app_process(sock, threads) for _ in range(processes)]
    try:
        while True:
            time.sleep(1)
            tick()
            for n, child in enumerate(children):
                if child.poll() is not None:  # crashed: start another in its place
                    children[n] = _app_process(sock, threads)
    finally:
        for child in children:
            child.terminate()
        for child in children:
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="jixiao 网页版的一个服务进程（jixiao serve 启动）")
    parser.add_argument("--fd", type=int, required=True)
    parser.add_argument("--threads", type=int, default=8)
    options = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    import django

    die_with_parent()
    django.setup()
    sock = socket.socket(fileno=options.fd)
    with stop_on_sigterm(), contextlib.suppress(KeyboardInterrupt):
        run_waitress(sock, options.threads)


if __name__ == "__main__":
    main()
