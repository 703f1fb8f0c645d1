"""Storage: units, people and their roles, evaluations with their findings and history
(one module per seam: :mod:`.org`, :mod:`.evaluations`, :mod:`.imports`, :mod:`.aggregates`).

An evaluation is stored as the canonical document (``document``: the data of ``dump_json``)
plus columns copied out of it and out of its scores for listing and dashboards; they are
recomputed whenever the document is saved (:func:`jixiao.web.services.save_document`).
"""

from jixiao.web.models.aggregates import UnitStats
from jixiao.web.models.evaluations import (
    DEFAULT_CHAIN,
    Evaluation,
    Event,
    Evidence,
    FindingRecord,
    Status,
    Task,
    Version,
    default_chain,
)
from jixiao.web.models.imports import ImportBatch, ImportItem
from jixiao.web.models.org import ApiToken, Profile, Role, Unit

__all__ = [
    "DEFAULT_CHAIN",
    "ApiToken",
    "Evaluation",
    "Event",
    "Evidence",
    "FindingRecord",
    "ImportBatch",
    "ImportItem",
    "Profile",
    "Role",
    "Status",
    "Task",
    "Unit",
    "UnitStats",
    "Version",
    "default_chain",
]
