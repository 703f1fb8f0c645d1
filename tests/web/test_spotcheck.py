"""抽查: units scoring ≥ 99 everywhere while explaining deviations, narratives copied across
units, a random plus risk-weighted sample exported as xlsx; and the aggregates and 抽查
columns rebuilt for existing data (management command, data migration)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from openpyxl import load_workbook

from jixiao.model import Document
from jixiao.web.models import Evaluation, Status, Unit, UnitStats
from jixiao.web.workflow import create_evaluation
from web.conftest import Org, seed_parts

PROSE = (
    "本项目年初设定的绩效目标基本完成，资金使用规范，严格执行财务管理制度。存在的问题：一是"
    "项目前期调研不够充分，部分指标设置偏低；二是资金拨付进度前松后紧，年底集中支付。下一步"
    "将加强项目论证，细化量化绩效目标，按月跟踪执行进度，确保资金发挥效益。"
)
OTHER = (
    "二〇二四年度共组织专项检查十二次，覆盖全县重点企业和在建工程项目，查处欠薪案件四十余起，"
    "为劳动者追回工资报酬三百余万元；同时完善了欠薪预警平台，与住建、人社部门实现数据共享，"
    "建立了用工实名制和工资专户制度，按季度通报各乡镇的处置情况，群众满意度明显提升。"
)


def seed_form(name: str) -> Document:
    return next(p for p in seed_parts("seed001_hunan.yaml") if p.forms[0].name == name)


def with_prose(document: Document, prose: str, note: str | None) -> Document:
    form = document.forms[0]
    indicators = list(form.indicators)
    if note is not None:
        indicators[0] = indicators[0].model_copy(update={"deviation_note": note})
    changed = form.model_copy(
        update={"narrative": {"problems": prose}, "indicators": indicators}
    )
    return document.model_copy(update={"forms": [changed]})


def reported(unit: Unit, document: Document, org: Org, user: str) -> Evaluation:
    evaluation = create_evaluation(unit, document, user=org.users[user])
    Evaluation.objects.filter(pk=evaluation.pk).update(status=Status.SUBMITTED)
    return evaluation


@pytest.fixture
def spread(org: Org) -> dict[str, Evaluation]:
    """Unit A: a full-marks form explaining a deviation, with prose that unit B copied
    (punctuation and a few words changed); unit B: a 90-point form, also explaining one."""
    note = "受疫情影响部分培训延期至次年开展，已制定整改措施"
    copied = PROSE.replace("，", " ").replace("下一步", "今后").replace("。", "；")
    return {
        "full": reported(org.unit_a, with_prose(seed_form("农民工维权"), PROSE, note), org,
                         "filler_a"),
        "same_unit": reported(org.unit_a, with_prose(seed_form("农民工维权"), PROSE, note),
                              org, "filler_a"),
        "copy": reported(org.unit_b, with_prose(seed_form("劳动保障监察"), copied, note), org,
                         "filler_b"),
        "own": reported(org.unit_b, with_prose(seed_form("劳动保障监察"), OTHER, None), org,
                        "filler_b"),
        "draft": create_evaluation(org.unit_b, with_prose(seed_form("农民工维权"), PROSE, None),
                                   user=org.users["filler_b"]),
    }


def test_spotcheck_page(org: Org, spread: dict[str, Evaluation]) -> None:
    assert spread["full"].computed_total == 100 and spread["full"].deviation_notes == 1
    response = org.client("finance").get(reverse("spotcheck"), {"size": "3", "seed": "7"})
    page = response.content.decode()
    assert response.status_code == 200
    high = page.split('id="high-scores"')[1].split("</table>")[0]
    assert "甲单位" in high and "乙单位" not in high  # B explains, but scores 90
    copied = page.split('id="copied"')[1].split("</table>")[0]
    assert copied.count("<tr>") == 3  # header + the two cross-unit pairs (full, same_unit)
    assert "乙单位" in copied and str(spread["own"].pk) not in copied
    assert str(spread["draft"].pk) not in copied  # drafts are not reported yet
    sample = page.split('id="sample"')[1].split("</table>")[0]
    assert sample.count("按风险") == 2 and sample.count("随机") == 1
    assert "文字与他单位雷同" in sample
    again = org.client("finance").get(reverse("spotcheck"), {"size": "3", "seed": "7"})
    assert again.content.decode().split('id="sample"')[1] == page.split('id="sample"')[1]


def test_spotcheck_export_and_permissions(org: Org, spread: dict[str, Evaluation]) -> None:
    Evaluation.objects.filter(pk=spread["own"].pk).update(name="=HYPERLINK(\"http://x\")")
    response = org.client("finance").get(
        reverse("spotcheck_export"), {"size": "4", "seed": "11"}
    )
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["抽查清单", "高分且说明了偏差的单位", "文字雷同", "抽取参数"]
    rows = list(workbook["抽查清单"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 4 and {r[1] for r in rows} == {"按风险", "随机"}
    names = [c for c in workbook["抽查清单"]["G"][1:] if str(c.value).startswith("=")]
    assert names and all(c.data_type == "s" for c in names)  # text, never a formula
    assert [r[1] for r in workbook["高分且说明了偏差的单位"].iter_rows(values_only=True)][1:] == [
        "甲单位"
    ]
    assert workbook["文字雷同"].max_row == 3
    assert org.client("filler_a").get(reverse("spotcheck")).status_code == 403
    assert org.client("reviewer_a").get(reverse("spotcheck_export")).status_code == 403
    dept = org.client("dept_a").get(reverse("spotcheck")).content.decode()
    assert "乙单位" not in dept  # a department sees its own units only



def test_rebuild_stats_command(org: Org, spread: dict[str, Evaluation]) -> None:
    Evaluation.objects.update(deviation_notes=0, narrative_sig=[])
    UnitStats.objects.all().delete()
    call_command("rebuild_stats", verbosity=0)
    spread["full"].refresh_from_db()
    assert spread["full"].deviation_notes == 1 and len(spread["full"].narrative_sig) == 32
    year = spread["full"].year or 0
    row = UnitStats.objects.get(unit=org.unit_a, year=year, subtree=False)
    assert row.scored == 2 and row.statuses == {"submitted": 2}
    above = UnitStats.objects.get(unit=org.bureau, year=year, subtree=True)
    assert above.scored >= 2 and above.statuses["submitted"] >= 2


def test_migration_fills_existing_data(transactional_db: None, org: Org) -> None:
    """Forms stored before 0003 (and before aggregates existed) get their 抽查 columns and
    dashboard figures on upgrade."""
    evaluation = reported(org.unit_a, with_prose(seed_form("农民工维权"), PROSE, "偏差原因：延期"),
                          org, "filler_a")
    executor = MigrationExecutor(connection)
    executor.migrate([("jixiao", "0002_review_chain_versions")])
    UnitStats.objects.all().delete()
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes("jixiao"))
    evaluation.refresh_from_db()
    assert evaluation.deviation_notes == 1 and len(evaluation.narrative_sig) == 32
    assert UnitStats.objects.get(unit=org.unit_a, subtree=False).scored == 1
    assert UnitStats.objects.get(unit=org.bureau, subtree=True).scored == 1
