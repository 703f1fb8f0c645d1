"""The auditor (审核): coded checks that recompute everything and point at the cell."""

from jixiao.audit.framework import (
    AuditContext,
    Check,
    Finding,
    Location,
    Severity,
    all_checks,
    run_audit,
)

__all__ = ["AuditContext", "Check", "Finding", "Location", "Severity", "all_checks", "run_audit"]
