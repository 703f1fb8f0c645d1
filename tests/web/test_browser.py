"""Browser tests: Playwright drives Debian's chromium (headless) against the live server.

Skipped with a reason when /usr/bin/chromium is absent (``scripts/install-system-deps.sh``
installs it). With ``JIXIAO_WEB_SCREENSHOTS=<folder>`` the screenshot test also writes the
pictures of the main pages used in docs/web.md.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from jixiao.web.models import Evaluation, Status
from web.conftest import PASSWORD, Org

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="未安装 chromium（apt-get install -y chromium，见 scripts/install-system-deps.sh）",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Session:
    """One signed-in user in their own browser context."""

    def __init__(
        self, browser: Any, base: str, username: str, size: tuple[int, int] = (1400, 900)
    ) -> None:
        self.base = base
        viewport = {"width": size[0], "height": size[1]}
        self.context = browser.new_context(locale="zh-CN", viewport=viewport)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.page.goto(f"{base}/login/")
        self.page.fill('input[name="username"]', username)
        self.page.fill('input[name="password"]', PASSWORD)
        self.page.click('main button[type="submit"]')
        self.page.wait_for_url(re.compile(r"/evaluations/$"))

    def open(self, path: str) -> Any:
        self.page.goto(f"{self.base}{path}")
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def sessions(browser: Any, live_server: Any) -> Iterator[Any]:
    opened: list[Session] = []

    def login(username: str) -> Session:
        session = Session(browser, live_server.url, username)
        opened.append(session)
        return session

    yield login
    for session in opened:
        session.close()


def test_login(sessions: Any, org: Org) -> None:
    page = sessions("filler_a").page
    assert page.locator("h1").inner_text() == "评价表"
    assert "填报人" in page.locator(".who").inner_text()


def test_wrong_password_stays_on_login(browser: Any, live_server: Any, org: Org) -> None:
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(f"{live_server.url}/login/")
    page.fill('input[name="username"]', "filler_a")
    page.fill('input[name="password"]', "wrong")
    page.click('button[type="submit"]')
    assert "/login/" in page.url and page.locator(".error").count() >= 1
    context.close()


def test_edit_indicator_updates_score_and_total(
    sessions: Any, org: Org, evaluation_a: Evaluation
) -> None:
    page = sessions("filler_a").open(f"/evaluations/{evaluation_a.pk}/")
    assert page.locator("#total").inner_text() == "99.84"
    first = page.locator("#indicators tbody tr.ind-row").first
    before = first.locator(".c-score").inner_text()
    first.locator('input[name$="-actual"]').fill("=6.6万条")  # half of the 13.2 target
    expect(page.locator("#total")).not_to_have_text("99.84")  # no eval: the CSP forbids it
    after = Decimal(first.locator(".c-score").inner_text())
    assert after < Decimal(before)
    total = Decimal(page.locator("#total").inner_text())
    assert total == Decimal("99.84") - (Decimal(before) - after)
    assert "尚未保存" in page.locator("#live-status").inner_text()
    page.click(".savebar button[type=submit]")
    page.wait_for_selector(".messages .success")
    assert Decimal(page.locator("#total").inner_text()) == total
    assert "实际完成值" in page.locator("table.history").inner_text()


def test_upload_seed_form_and_see_findings(sessions: Any, org: Org, seed_file: Path) -> None:
    page = sessions("filler_a").open("/import/")
    page.set_input_files('input[name="uploads"]', str(seed_file))
    page.click('main button[type="submit"]')
    page.wait_for_url(re.compile(r"/import/\d+/$"))
    assert "JX208" in page.content()
    for box in page.locator('input[name="item"]').all()[1:]:
        box.uncheck()
    page.click(".savebar button[type=submit]")
    page.wait_for_url(re.compile(r"/evaluations/\d+/$"))
    findings = page.locator("#findings-list").inner_text()
    assert "JX" in findings


def test_submit_return_resubmit_approve(sessions: Any, org: Org, clean_a: Evaluation) -> None:
    """The whole review chain in browsers: 单位审核 returns, the filler resubmits, then the
    unit, the department and the finance bureau each approve in turn."""
    path = f"/evaluations/{clean_a.pk}/"
    filler = sessions("filler_a")
    page = filler.open(path)
    page.click('button[value="submit"]')
    page.wait_for_selector(".messages .success")
    assert page.locator(".sub .status").inner_text() == "已提交"

    reviewer = sessions("reviewer_a").open(path)
    reviewer.fill('textarea[name="comment"]', "请补充偏差原因")
    reviewer.click('button[value="return"]')
    reviewer.wait_for_selector(".messages .success")
    assert reviewer.locator(".sub .status").inner_text() == "已退回"

    page = filler.open(path)
    assert "请补充偏差原因" in page.locator("table.history").inner_text()
    page.click('button[value="submit"]')
    page.wait_for_selector(".messages .success")

    for username in ("reviewer_a", "dept_a"):
        approver = sessions(username).open(path)
        assert approver.locator('button[value="approve"]').count() == 1
        approver.click('button[value="approve"]')
        approver.wait_for_selector(".messages .success")
        assert approver.locator(".sub .status").inner_text() == "已提交"  # the next level waits
    assert sessions("dept_a").open(path).locator('button[value="approve"]').count() == 0

    finance = sessions("finance").open(path)
    finance.click('button[value="approve"]')
    finance.wait_for_selector(".messages .success")
    assert finance.locator(".sub .status").inner_text() == "已通过"
    clean_a.refresh_from_db()
    assert clean_a.status == Status.APPROVED


def test_dashboard_renders_charts(
    sessions: Any, org: Org, evaluation_a: Evaluation, evaluation_b: Evaluation
) -> None:
    from jixiao.web import stats

    Evaluation.objects.update(status=Status.SUBMITTED)  # the dashboard counts reported forms
    stats.rebuild()
    page = sessions("finance").open("/dashboard/")
    charts = page.locator("svg.chart")
    assert charts.count() == 3
    for chart in charts.all():  # drawn, with at least one visible bar (a one-row chart is low)
        assert chart.bounding_box()["height"] > 20
        assert chart.locator("rect").first.bounding_box()["width"] > 0
    assert page.locator("#units tbody tr").count() == 2
    page.click("#units a >> text=甲单位")
    page.wait_for_url(re.compile(r"/dashboard/units/\d+/"))
    assert evaluation_a.name in page.content()


NARROW = """() => [...document.querySelectorAll('th, button, a.button, nav a, label, h1, h2')]
  .filter(el => el.offsetParent !== null && el.innerText.trim().length >= 2)
  .filter(el => el.getBoundingClientRect().width
                < 1.6 * parseFloat(getComputedStyle(el).fontSize))
  .map(el => el.innerText.trim())"""


def test_review_pages_at_1366_and_bulk_approve(
    browser: Any, live_server: Any, org: Org, clean_a: Evaluation
) -> None:
    """At 1366×768 no header, button or link of 抽查, 待办, 报送进度, the dashboard and the
    editor wraps one character per line; a reviewer ticks a form and passes it in bulk."""
    from jixiao.web.models import Task
    from jixiao.web.workflow import transition

    transition(clean_a, user=org.users["filler_a"], action="submit")
    task = Task.objects.create(name="2024年度自评", year=2024, deadline="2025-03-31",
                               issuer=org.bureau)
    task.units.set([org.unit_a, org.unit_b])
    finance = Session(browser, live_server.url, "finance", (1366, 768))
    for path in ("/spotcheck/", "/todo/", f"/tasks/{task.pk}/", "/dashboard/",
                 f"/evaluations/{clean_a.pk}/", "/evaluations/"):
        page = finance.open(path)
        assert page.evaluate(NARROW) == [], path
    page = finance.open("/spotcheck/")
    with page.expect_download() as download:
        page.click("#sample-export")
    assert download.value.suggested_filename.startswith("抽查清单")
    reviewer = Session(browser, live_server.url, "reviewer_a", (1366, 768))
    page = reviewer.open("/todo/")
    assert page.evaluate(NARROW) == []
    page.check(f'#bulk-review input[value="{clean_a.pk}"]')
    page.click('#bulk-review button[value="approve"]')
    expect(page.locator(".messages")).to_contain_text("已通过 1 份评价表")
    clean_a.refresh_from_db()
    assert clean_a.waiting == "department"
    finance.close()
    reviewer.close()


@pytest.mark.skipif(
    not os.environ.get("JIXIAO_WEB_SCREENSHOTS"),
    reason="设置 JIXIAO_WEB_SCREENSHOTS=目录 时生成截图",
)
def test_screenshots(browser: Any, live_server: Any, db: None) -> None:
    from django.contrib.auth.models import User

    from jixiao.web.demo import load_demo

    load_demo()
    for user in User.objects.all():
        user.set_password(PASSWORD)
        user.save()
    folder = Path(os.environ["JIXIAO_WEB_SCREENSHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    filler = Session(browser, live_server.url, "tianbao")
    filler.page.screenshot(path=str(folder / "web-list.png"))
    chosen = Evaluation.objects.filter(name="就业工作经费").first() or Evaluation.objects.first()
    assert chosen is not None
    page = filler.open(f"/evaluations/{chosen.pk}/")
    page.locator("#indicators tbody tr.ind-row").first.locator('input[name$="-actual"]').fill(
        "=6.6万条"
    )
    expect(page.locator("#total")).not_to_have_text("99.84")
    page.evaluate("document.getElementById('indicators').scrollIntoView()")
    page.screenshot(path=str(folder / "web-editor.png"))
    page = filler.open("/import/")
    page.set_input_files(
        'input[name="uploads"]',
        str(Path(__file__).parents[1] / "fixtures" / "seeds" / "seed001_hunan.yaml"),
    )
    page.click('main button[type="submit"]')
    page.wait_for_url(re.compile(r"/import/\d+/$"))
    page.locator("details").last.evaluate("node => { node.open = true; }")
    page.screenshot(path=str(folder / "web-import.png"))
    finance = Session(browser, live_server.url, "caizheng")
    page = finance.open("/dashboard/")
    page.screenshot(path=str(folder / "web-dashboard.png"), full_page=True)
    page = finance.open("/findings/")
    page.screenshot(path=str(folder / "web-findings.png"))
    filler.close()
    finance.close()


def test_cycle_forms_read_at_1366(browser: Any, live_server: Any, org: Org) -> None:
    """A declaration and a monitoring form show as their tables at 1366×768 (the 14-column
    monitoring table scrolls inside its card instead of squeezing its headers), and the
    self-evaluation lists the project's other forms with the target found lowered."""
    from jixiao.model.io import load_document
    from jixiao.web.services import split_document
    from jixiao.web.workflow import create_evaluation

    checks = Path(__file__).resolve().parents[1] / "fixtures" / "checks"
    made = [create_evaluation(org.unit_a, part, user=org.users["filler_a"])
            for name in ("JX831", "JX833")
            for part in split_document(load_document(checks / name / "fail.yaml"))]
    reviewer = Session(browser, live_server.url, "reviewer_a", (1366, 768))
    for evaluation in made:
        page = reviewer.open(f"/evaluations/{evaluation.pk}/")
        assert page.evaluate(NARROW) == [], evaluation.form_type
        if evaluation.form_type != "project_self_evaluation":
            expect(page.locator("#cycle-form table.cycle-grid")).to_be_visible()
    page = reviewer.open(f"/evaluations/{made[1].pk}/")
    expect(page.locator("#project-cycle")).to_contain_text("JX831")
    page.click("#project-cycle li a >> nth=0")
    expect(page.locator("#cycle-form")).to_contain_text("项目支出绩效目标申报表")
    reviewer.close()


def test_typed_edits_survive_a_session_expiry(
    sessions: Any, org: Org, evaluation_a: Evaluation
) -> None:
    """Issue 14, defect 9: an expired session lost typed edits behind an English JS error."""
    session = sessions("filler_a")
    page = session.open(f"/evaluations/{evaluation_a.pk}/")
    session.context.clear_cookies()  # the session ends, as after a night away
    typed = page.locator("#indicators tbody tr.ind-row").first.locator('input[name$="-actual"]')
    typed.fill("=6.6万条")
    expect(page.locator("#live-status")).to_contain_text("登录已过期")
    page.goto(f"{session.base}/login/")
    page.fill('input[name="username"]', "filler_a")
    page.fill('input[name="password"]', PASSWORD)
    page.click('main button[type="submit"]')
    page.wait_for_url(re.compile(r"/evaluations/$"))
    page = session.open(f"/evaluations/{evaluation_a.pk}/")
    expect(page.locator("#draft-note")).to_contain_text("尚未保存到服务器")
    page.click("#draft-restore")
    again = page.locator("#indicators tbody tr.ind-row").first.locator('input[name$="-actual"]')
    assert again.input_value() == "=6.6万条"
    expect(page.locator("#live-status")).to_contain_text("尚未保存")
