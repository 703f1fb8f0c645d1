"""jixiao (绩效): Chinese budget performance evaluation — model, scoring, audit, ingest, output."""

__version__ = "0.1.0"
