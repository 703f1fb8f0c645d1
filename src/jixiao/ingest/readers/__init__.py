"""Readers: bytes of one file format → :class:`~jixiao.ingest.grid.RawDocument`."""
