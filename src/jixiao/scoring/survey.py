"""Questionnaire aggregation by the survey's declared method."""

from __future__ import annotations

from decimal import Decimal

from jixiao.decimals import round_half_up
from jixiao.model.survey import Questionnaire
from jixiao.scoring.results import SurveyQuestionResult, SurveyResult

ZERO = Decimal(0)


def score_questionnaire(survey: Questionnaire, index: int, places: int) -> SurveyResult:
    """points_average: Σ count × points / valid (per-respondent score out of max_points);
    top2: share of respondents in the two best options (or options marked satisfied), in %;
    weighted: Σ question weight × question mean, scaled to max_points."""
    questions = []
    for question in survey.questions:
        responses = sum(option.count or 0 for option in question.options)
        points = sum((option.points * (option.count or 0) for option in question.options), ZERO)
        best = max((option.points for option in question.options), default=ZERO)
        questions.append(
            SurveyQuestionResult(
                number=question.number,
                text=question.text,
                responses=responses,
                points=points,
                max_points=best,
            )
        )
    total_points = sum((q.points for q in questions), ZERO)
    valid = survey.valid
    notes: list[str] = []
    score: Decimal | None = None
    if not valid:
        notes.append("有效问卷份数为 0 或缺失，无法计算综合得分")
    elif survey.method == "points_average":
        score = round_half_up(total_points / valid, places)
    elif survey.method == "top2":
        shares = [_top2_share(survey, n, valid) for n in range(len(survey.questions))]
        score = round_half_up(sum(shares, ZERO) / len(shares), places) if shares else None
    else:
        weights = [q.weight or Decimal(1) for q in survey.questions]
        total_weight = sum(weights, ZERO)
        means = [q.points / valid / q.max_points if q.max_points else ZERO for q in questions]
        scale = survey.max_points or Decimal(100)
        weighted = sum((w * m for w, m in zip(weights, means, strict=True)), ZERO)
        score = round_half_up(weighted / total_weight * scale, places) if total_weight else None
    return SurveyResult(
        index=index,
        name=survey.name,
        method=survey.method,
        valid=valid,
        questions=questions,
        claimed_total_points=survey.claimed_total_points,
        computed_total_points=total_points,
        claimed_score=survey.claimed_score,
        computed_score=score,
        notes=notes,
    )


def _top2_share(survey: Questionnaire, number: int, valid: int) -> Decimal:
    options = survey.questions[number].options
    marked = [o for o in options if o.satisfied is not None]
    if marked:
        satisfied = sum(o.count or 0 for o in marked if o.satisfied)
    else:
        best_two = sorted(options, key=lambda o: o.points, reverse=True)[:2]
        satisfied = sum(o.count or 0 for o in best_two)
    return Decimal(satisfied) / valid * 100
