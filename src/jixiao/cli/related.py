"""What ``jixiao audit`` keeps of each file for relating projects across files, without the
memory growing with the batch: each file's records are spooled to a temporary file and only
their keys (who, which year, which kind) stay in memory; after the last file the keys are
related and the full records are read back only for the projects that span two files."""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import replace

from jixiao.audit.relate import Project, Record, relate


class RecordSpool:
    """Use as a context manager: the temporary file is removed on leaving."""

    def __init__(self) -> None:
        # Held open for the whole batch and closed by __exit__.
        self._file = tempfile.TemporaryFile(prefix="jixiao-records-")  # noqa: SIM115
        self._keys: list[Record] = []
        self._offsets: dict[tuple[str | None, int], int] = {}

    def add(self, records: Iterable[Record]) -> None:
        for record in records:
            self._offsets[(record.file, record.form)] = self._file.tell()
            pickle.dump(record, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._keys.append(replace(record, entries=(), doubts={}))

    def _full(self, key: Record) -> Record:
        self._file.seek(self._offsets[(key.file, key.form)])
        record: Record = pickle.load(self._file)  # our own file, written above
        return record

    def projects(self) -> Iterator[Project]:
        """The projects that span two files or more, with their records whole."""
        for project in relate(self._keys):
            if len(project.files) >= 2:
                project.records = [self._full(key) for key in project.records]
                yield project

    def __enter__(self) -> RecordSpool:
        return self

    def __exit__(self, *_: object) -> None:
        self._file.close()
