"""Recognizers: grids and paragraphs → typed forms of :mod:`jixiao.model`, with sources."""

from jixiao.ingest.recognize.engine import IngestResult, TableReport, recognize

__all__ = ["IngestResult", "TableReport", "recognize"]
