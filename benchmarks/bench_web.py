"""Web benchmark: a province's evaluations (default 50,000 forms / 1,000,000 indicators in
5,000 units) on PostgreSQL, then list, editor, live scoring, dashboard, 报送进度 and 待办
under 16 concurrent clients against ``jixiao serve --processes N``; goal p95 < 200 ms.

    uv run python benchmarks/bench_web.py --database-url postgres://jixiao:pw@127.0.0.1:5432/x
        [--evaluations 50000] [--units 5000] [--unique 500] [--processes 2] [--threads 8]
        [--concurrency 16] [--requests 400] [--seconds 60]

With ``--database-url`` the benchmark creates (and at the end drops) its own database
``jixiao_bench`` on that server, never touching the named one; without it, SQLite in a
fresh data folder. ``--unique`` documents are scored and audited, then stored as many times
as needed (the rows are those of real saves; only loading time is saved); the dashboard
aggregates are rebuilt after the bulk load (``rebuild_stats``). Traffic goes to 127.0.0.1
only, each scenario is bounded by a request count and a time limit; after one untimed
warm-up request each, p50/p95 latency and requests/second are printed beside the goal.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

HOST = "127.0.0.1"
Maker = Callable[[random.Random], tuple[str, str, str | None]]
PASSWORD = "bench-password-2024"
DEPARTMENTS = 50
GOAL_MS = 200
BENCH_DATABASE = "jixiao_bench"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def load_data(evaluations: int, units: int, unique: int) -> tuple[int, int, float]:
    """Create the organisation, users, a 自评任务 for 2024 and the evaluations; returns the
    indicators stored, the task's id and the loading time."""
    import django

    django.setup()
    from corpus import generate_documents
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import transaction

    from jixiao.web import stats
    from jixiao.web.models import Evaluation, Event, FindingRecord, Profile, Role, Task, Unit
    from jixiao.web.services import apply_assessment, assess

    call_command("migrate", interactive=False, verbosity=0)
    start = time.perf_counter()
    with transaction.atomic():
        bureau = Unit.objects.create(name="基准测试财政局", kind=Unit.Kind.BUREAU)
        departments = [
            Unit.objects.create(name=f"主管部门{n:02d}", kind=Unit.Kind.DEPARTMENT, parent=bureau)
            for n in range(DEPARTMENTS)
        ]
        leaves = [
            Unit.objects.create(name=f"预算单位{n:04d}", parent=departments[n % DEPARTMENTS])
            for n in range(units)
        ]
        for username, unit, role in (
            ("finance", bureau, Role.FINANCE),
            ("filler", leaves[0], Role.FILLER),
        ):
            user = User.objects.create_user(username, password=PASSWORD)
            Profile.objects.create(user=user, unit=unit, role=role)
        task = Task.objects.create(name="2024年度项目支出绩效自评", year=2024,
                                   deadline="2025-03-31", issuer=bureau)
        task.units.set(leaves)
    assessed = []
    for document in generate_documents(min(unique, evaluations)):
        template = Evaluation(unit=leaves[0])
        assessed.append((template, apply_assessment(template, assess(document)),
                         sum(len(f.indicators) for f in document.forms)))  # type: ignore[union-attr]
    batch: list[Evaluation] = []
    findings: list[list[FindingRecord]] = []

    def flush() -> None:
        with transaction.atomic():
            Evaluation.objects.bulk_create(batch)
            records = [
                FindingRecord(evaluation_id=evaluation.pk,
                              **{name: getattr(row, name) for name in finding_fields})
                for evaluation, rows in zip(batch, findings, strict=True)
                for row in rows
            ]
            FindingRecord.objects.bulk_create(records)
            Event.objects.bulk_create(
                Event(evaluation_id=e.pk, action=Event.Action.IMPORT, to_status=e.status)
                for e in batch
            )
        batch.clear()
        findings.clear()

    statuses = ["draft", "submitted", "returned", "approved"]
    copied = [f.attname for f in Evaluation._meta.concrete_fields if f.attname != "id"]
    finding_fields = [f.attname for f in FindingRecord._meta.concrete_fields
                      if f.attname not in ("id", "evaluation_id")]
    indicators = 0
    for n in range(evaluations):
        template, rows, count = assessed[n % len(assessed)]
        evaluation = Evaluation(**{name: getattr(template, name) for name in copied})
        evaluation.unit = leaves[n % units]
        evaluation.status = statuses[n % len(statuses)]
        evaluation.year = 2024 if n % 2 else 2023
        if evaluation.year == 2024:
            evaluation.task_id = task.pk
        if evaluation.status == "submitted":
            evaluation.stage, evaluation.waiting = (2, "finance") if n % 3 else (0, "unit")
        batch.append(evaluation)
        findings.append(rows)
        indicators += count
        if len(batch) == 1000:
            flush()
    if batch:
        flush()
    stats.rebuild()
    return indicators, task.pk, time.perf_counter() - start


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    elapsed: float = 0.0

    def line(self) -> str:
        done = sorted(self.latencies)
        if not done:
            return f"{self.name:<8} 无成功请求（错误 {self.errors}）"
        p50 = statistics.median(done) * 1000
        p95 = done[min(len(done) - 1, int(len(done) * 0.95))] * 1000
        rate = len(done) / self.elapsed
        verdict = "达标" if p95 < GOAL_MS and not self.errors else "未达标"
        return (
            f"{self.name:<8} 请求 {len(done):>5}  错误 {self.errors:>3}  p50 {p50:7.1f} ms  "
            f"p95 {p95:7.1f} ms（目标 < {GOAL_MS} ms，{verdict}）  {rate:7.1f} 次/秒"
        )


class Client:
    """A keep-alive HTTP client with the session of one signed-in user."""

    def __init__(self, port: int, cookies: dict[str, str]) -> None:
        self.port = port
        self.cookies = cookies
        self.connection = http.client.HTTPConnection(HOST, port, timeout=60)

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, bytes]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-CSRFToken": self.cookies.get("csrftoken", ""),
                "Referer": f"http://{HOST}:{self.port}/",
            }
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (http.client.HTTPException, OSError):
            self.connection.close()
            self.connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
            raise
        data = response.read()
        for key, value in response.getheaders():
            if key.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, data


def login(port: int, username: str) -> dict[str, str]:
    client = Client(port, {})
    status, page = client.request("GET", "/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert status == 200 and token is not None, status
    body = urllib.parse.urlencode(
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1).decode()}
    )
    status, _ = client.request("POST", "/login/", body)
    assert status == 302, f"登录失败：{status}"
    return client.cookies


def run(
    name: str,
    port: int,
    cookies: dict[str, str],
    make: Maker,
    requests: int,
    concurrency: int,
    seconds: float,
) -> Result:
    result = Result(name)
    lock = threading.Lock()
    remaining = [requests]
    deadline = time.monotonic() + seconds

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        client = Client(port, dict(cookies))
        while time.monotonic() < deadline:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            method, path, body = make(rng)
            start = time.perf_counter()
            try:
                status, _ = client.request(method, path, body)
            except (http.client.HTTPException, OSError):
                status = 0
            took = time.perf_counter() - start
            with lock:
                if status == 200:
                    result.latencies.append(took)
                else:
                    result.errors += 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.elapsed = time.perf_counter() - start
    return result


def live_body(port: int, cookies: dict[str, str], evaluation_id: int) -> str:
    """The editor's own form data (as the page's script posts it)."""
    status, page = Client(port, dict(cookies)).request("GET", f"/evaluations/{evaluation_id}/")
    assert status == 200
    text = page.decode()
    fields: list[tuple[str, str]] = []
    for match in re.finditer(r'<input type="(?:text|hidden)"[^>]*name="([^"]+)"[^>]*>', text):
        tag = match.group(0)
        value = re.search(r'value="([^"]*)"', tag)
        fields.append((match.group(1), value.group(1) if value else ""))
    for match in re.finditer(r'<input type="checkbox" name="([^"]+)" checked>', text):
        fields.append((match.group(1), "on"))
    fields = [(k, v) for k, v in fields if "__n__" not in k]
    return urllib.parse.urlencode(fields)


def bench_database(url: str, reuse: bool) -> tuple[str, bool]:
    """The benchmark's own database on the server of ``url``: its URL, and whether it was
    kept from an earlier ``--keep`` run (``reuse``) instead of created empty."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    admin = parts._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    with psycopg.connect(admin, autocommit=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (BENCH_DATABASE,)
        ).fetchone()
        if not (reuse and found):
            connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    return parts._replace(path=f"/{BENCH_DATABASE}").geturl(), bool(reuse and found)


def loaded_task() -> int:
    """The 自评任务 of a reused database (migrated to the current code first)."""
    import django

    django.setup()
    from django.core.management import call_command

    from jixiao.web.models import Task

    call_command("migrate", interactive=False, verbosity=0)
    return Task.objects.get(year=2024).pk


def drop_database(url: str) -> None:
    import psycopg

    admin = urllib.parse.urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin.replace("postgres://", "postgresql://", 1),
                         autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--database-url", default="", help="PostgreSQL 服务器（另建基准库）")
    parser.add_argument("--evaluations", type=int, default=50_000)
    parser.add_argument("--units", type=int, default=5_000)
    parser.add_argument("--unique", type=int, default=500, help="实际评分审核的不同文件数")
    parser.add_argument("--processes", type=int, default=2, help="服务进程数")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--requests", type=int, default=400, help="每个场景的请求数上限")
    parser.add_argument("--seconds", type=float, default=60, help="每个场景的时间上限")
    parser.add_argument("--threads", type=int, default=8, help="每个服务进程的线程数")
    parser.add_argument("--keep", action="store_true", help="保留数据目录和基准库")
    parser.add_argument("--reuse", action="store_true",
                        help="基准库已由 --keep 保留时直接使用，不重新载入")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="jixiao-bench-web-")
    os.environ["JIXIAO_DATA_DIR"] = folder
    os.environ["DJANGO_SETTINGS_MODULE"] = "jixiao.web.settings"
    url, reused = ("", False)
    if args.database_url:
        url, reused = bench_database(args.database_url, args.reuse)
    if url:
        os.environ["JIXIAO_DATABASE_URL"] = url
    if reused:
        task_id = loaded_task()
        print(f"沿用已保留的基准库 {BENCH_DATABASE}（不重新载入）")
    else:
        indicators, task_id, took = load_data(args.evaluations, args.units, args.unique)
        print(
            f"已载入 {args.evaluations} 份评价表（{indicators} 项指标），{args.units} 个单位："
            f"{took:.1f} 秒（{args.unique} 份不同文件评分审核后复制，随后重算汇总）"
        )
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "jixiao.cli.main", "serve", "--port", str(port), "--no-worker",
         "--threads", str(args.threads), "--processes", str(args.processes)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(240):
            try:
                with socket.create_connection((HOST, port), timeout=1):
                    break
            except OSError:
                time.sleep(0.5)
        finance = login(port, "finance")
        filler = login(port, "filler")
        from jixiao.web.models import Evaluation

        ids = list(Evaluation.objects.values_list("id", flat=True))
        own = list(
            Evaluation.objects.filter(unit__name="预算单位0000").values_list("id", flat=True)
        )
        pages = max(1, args.evaluations // 50)
        body = live_body(port, filler, own[0])
        print(
            f"数据库 {engine}，{args.processes} 个服务进程 × {args.threads} 线程；负载："
            f"{args.concurrency} 并发，每场景至多 {args.requests} 次请求、{args.seconds:.0f} 秒"
            "（仅 127.0.0.1）"
        )
        few = max(20, args.requests // 5)
        scenarios: list[tuple[str, dict[str, str], Maker, int]] = [
            ("列表", finance,
             lambda r: ("GET", f"/evaluations/?page={r.randint(1, pages)}", None), args.requests),
            ("编辑页", finance, lambda r: ("GET", f"/evaluations/{r.choice(ids)}/", None),
             args.requests),
            ("实时评分", filler, lambda r: ("POST", f"/evaluations/{own[0]}/live/", body),
             args.requests),
            ("看板", finance, lambda r: ("GET", "/dashboard/", None), few),
            ("报送进度", finance,
             lambda r: ("GET", f"/tasks/{task_id}/?page={r.randint(1, 20)}", None), few),
            ("待办", finance, lambda r: ("GET", "/todo/", None), few),
        ]
        for name, cookies, make, count in scenarios:
            warm = Client(port, dict(cookies))
            for n in range(4 * args.processes):  # untimed: reach every process once or more
                method, path, data = make(random.Random(n))
                warm.connection.close()  # a new connection may land in another process
                warm.request(method, path, data)
            print(run(name, port, cookies, make, count, args.concurrency, args.seconds).line())
    finally:
        server.terminate()
        server.wait(timeout=60)
        if args.keep:
            print(f"数据目录保留在 {folder}" + (f"，基准库 {url}" if url else ""))
        else:
            shutil.rmtree(folder, ignore_errors=True)
            if url:
                from django.db import connections

                connections.close_all()
                drop_database(url)


if __name__ == "__main__":
    main()
