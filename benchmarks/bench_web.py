"""Web benchmark: 5,000 evaluations (100,000 indicators) across 500 units, then the list,
editor, live-scoring and dashboard pages under concurrent load from a local load generator.

    uv run python benchmarks/bench_web.py [--evaluations 5000] [--units 500]
        [--concurrency 8] [--requests 400] [--seconds 60] [--threads 8]

The server is ``jixiao serve`` (waitress) in its own process with a fresh data folder
(SQLite; set JIXIAO_DB/JIXIAO_DATABASE_URL for PostgreSQL). Traffic goes to 127.0.0.1 only,
each scenario is bounded by a request count and a time limit. Prints p50/p95 latency and
requests/second per scenario (after one untimed warm-up request each: the dashboard's
figures are cached per scope until the data changes).
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
DEPARTMENTS = 10


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def load_data(evaluations: int, units: int) -> tuple[int, float]:
    """Create the organisation, two users and the evaluations (scored and audited)."""
    import django

    django.setup()
    from corpus import generate_documents
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import transaction

    from jixiao.web.models import Evaluation, Event, FindingRecord, Profile, Role, Unit
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
            Unit.objects.create(name=f"预算单位{n:03d}", parent=departments[n % DEPARTMENTS])
            for n in range(units)
        ]
        for username, unit, role in (
            ("finance", bureau, Role.FINANCE),
            ("filler", leaves[0], Role.FILLER),
        ):
            user = User.objects.create_user(username, password=PASSWORD)
            Profile.objects.create(user=user, unit=unit, role=role)
    documents = generate_documents(evaluations)
    batch: list[Evaluation] = []
    findings: list[list[FindingRecord]] = []

    def flush() -> None:
        with transaction.atomic():
            Evaluation.objects.bulk_create(batch)
            records = []
            for evaluation, rows in zip(batch, findings, strict=True):
                for row in rows:
                    row.evaluation_id = evaluation.pk
                records += rows
            FindingRecord.objects.bulk_create(records)
            Event.objects.bulk_create(
                Event(evaluation_id=e.pk, action=Event.Action.IMPORT, to_status=e.status)
                for e in batch
            )
        batch.clear()
        findings.clear()

    statuses = ["draft", "submitted", "returned", "approved"]
    for n, document in enumerate(documents):
        document = document.model_copy(update={"year": 2024 if n % 2 else 2023})
        evaluation = Evaluation(unit=leaves[n % units], status=statuses[n % len(statuses)])
        findings.append(apply_assessment(evaluation, assess(document)))
        batch.append(evaluation)
        if len(batch) == 500:
            flush()
    if batch:
        flush()
    indicators = sum(len(f.indicators) for d in documents for f in d.forms)  # type: ignore[union-attr]
    return indicators, time.perf_counter() - start


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
        return (
            f"{self.name:<8} 请求 {len(done):>5}  错误 {self.errors:>3}  p50 {p50:7.1f} ms  "
            f"p95 {p95:7.1f} ms  {rate:7.1f} 次/秒"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluations", type=int, default=5000)
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--requests", type=int, default=400, help="每个场景的请求数上限")
    parser.add_argument("--seconds", type=float, default=60, help="每个场景的时间上限")
    parser.add_argument("--threads", type=int, default=8, help="服务器线程数")
    parser.add_argument("--keep", action="store_true", help="保留数据目录（默认结束时删除）")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="jixiao-bench-web-")
    os.environ["JIXIAO_DATA_DIR"] = folder
    os.environ["DJANGO_SETTINGS_MODULE"] = "jixiao.web.settings"
    indicators, took = load_data(args.evaluations, args.units)
    print(
        f"已载入 {args.evaluations} 份评价表（{indicators} 项指标），{args.units} 个单位："
        f"{took:.1f} 秒（含评分与审核，{args.evaluations / took:.0f} 份/秒）"
    )
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jixiao.cli.main",
            "serve",
            "--port",
            str(port),
            "--no-worker",
            "--threads",
            str(args.threads),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(120):
            try:
                with socket.create_connection((HOST, port), timeout=1):
                    break
            except OSError:
                time.sleep(0.5)
        finance = login(port, "finance")
        filler = login(port, "filler")
        from jixiao.web.models import Evaluation

        ids = list(Evaluation.objects.values_list("id", flat=True))
        own = list(Evaluation.objects.filter(unit__name="预算单位000").values_list("id", flat=True))
        pages = max(1, args.evaluations // 50)
        body = live_body(port, filler, own[0])
        print(
            f"数据库 {engine}，服务器 waitress {args.threads} 线程；负载：{args.concurrency} 并发，"
            f"每场景至多 {args.requests} 次请求、{args.seconds:.0f} 秒（仅 127.0.0.1）"
        )
        scenarios: list[tuple[str, dict[str, str], Maker, int]] = [
            (
                "列表",
                finance,
                lambda r: ("GET", f"/evaluations/?page={r.randint(1, pages)}", None),
                args.requests,
            ),
            (
                "编辑页",
                finance,
                lambda r: ("GET", f"/evaluations/{r.choice(ids)}/", None),
                args.requests,
            ),
            (
                "实时评分",
                filler,
                lambda r: ("POST", f"/evaluations/{own[0]}/live/", body),
                args.requests,
            ),
            ("看板", finance, lambda r: ("GET", "/dashboard/", None), max(20, args.requests // 5)),
        ]
        for name, cookies, make, count in scenarios:
            method, path, data = make(random.Random(0))
            Client(port, dict(cookies)).request(method, path, data)  # one untimed warm-up
            print(run(name, port, cookies, make, count, args.concurrency, args.seconds).line())
    finally:
        server.terminate()
        server.wait(timeout=20)
        if args.keep:
            print(f"数据目录保留在 {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
