"""Mutation fuzzing: seed documents, mutants of them, and the pipeline every mutant goes
through (read/recognize, score, audit, convert), with its outcome classified.

Seeds are the shared documents (``../shared/corpus``: docx/xlsx/txt, and YAML/JSON converted
from them) when present, else the repo's own: YAML fixtures and docx/xlsx/txt made from
them. Used by tests/robustness/test_mutants.py (a few hundred mutants) and by
benchmarks/fuzz_mutants.py (tens of thousands, each in a bounded child process).
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

FAMILIES = ("docx", "xlsx", "txt", "yaml", "json")
_INTERESTING = [
    b"0", b"-1", b"1e999999", b"9" * 60, b"1e30", b"\x00", b"\xff\xfe", b"<!DOCTYPE x>",
    b"&amp;", b"<w:tbl>", b"</w:tc>", b'gridSpan w:val="1000"', b'ref="A1:XFD1048576"',
    b"\t", b"\n\n", b"&a", b"*a", b"[[[[[[", b"{", b"!!python/object", b"%", b"\xe5\x88\x86",
]


def _shared_seeds(shared: Path) -> dict[str, list[tuple[str, bytes]]]:
    from jixiao.ingest import load_any
    from jixiao.model.io import dump_json, dump_yaml

    seeds: dict[str, list[tuple[str, bytes]]] = {family: [] for family in FAMILIES}
    for path in sorted((shared / "corpus").glob("*.*")):
        family = path.suffix.lstrip(".")
        if family in seeds:
            seeds[family].append((path.name, path.read_bytes()))
        if path.suffix == ".docx":
            try:
                document = load_any(path)
            except Exception:
                continue
            seeds["yaml"].append((f"{path.stem}.yaml", dump_yaml(document).encode()))
            seeds["json"].append((f"{path.stem}.json", dump_json(document).encode()))
    return seeds


def _own_seeds(root: Path, scratch: Path) -> dict[str, list[tuple[str, bytes]]]:
    import sys

    sys.path.insert(0, str(root / "tests" / "ingest"))
    from forms import sample_project, write_docx, write_xlsx  # the ingest tests' form writer

    from jixiao.model.io import dump_json, load_document

    seeds: dict[str, list[tuple[str, bytes]]] = {family: [] for family in FAMILIES}
    for n in range(3):
        form = sample_project(n)
        for family, writer in (("docx", write_docx), ("xlsx", write_xlsx)):
            path = scratch / f"own{n}.{family}"
            writer(form, path)
            seeds[family].append((path.name, path.read_bytes()))
    for path in sorted((root / "tests" / "fixtures").rglob("*.yaml"))[:40]:
        data = path.read_bytes()
        seeds["yaml"].append((path.name, data))
        try:
            seeds["json"].append((f"{path.stem}.json", dump_json(load_document(path)).encode()))
        except Exception:
            continue
        seeds["txt"].append((f"{path.stem}.txt", _as_text_export(data)))
    return seeds


def _as_text_export(yaml_bytes: bytes) -> bytes:
    """A text export-like page from a YAML fixture: tab-separated rows and paragraphs."""
    lines = yaml_bytes.decode("utf-8", "replace").splitlines()
    return "\n".join(line.replace(": ", "\t").strip() for line in lines).encode()


Seeds = dict[str, list[tuple[str, bytes]]]


def seed_files(root: Path, shared: Path | None, scratch: Path) -> Seeds:
    """Seeds per family; the shared corpus when present, else the repo's own."""
    seeds = _shared_seeds(shared) if shared is not None and (shared / "corpus").is_dir() else {}
    if not seeds or not all(seeds.values()):
        own = _own_seeds(root, scratch)
        seeds = {family: seeds.get(family) or own[family] for family in FAMILIES}
    return seeds


def _byte_mutation(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 3, 8))):
        if not buffer:
            buffer.extend(rng.choice(_INTERESTING))
            continue
        at = rng.randrange(len(buffer))
        action = rng.randrange(7)
        if action == 0:
            buffer[at] ^= 1 << rng.randrange(8)
        elif action == 1:
            buffer[at] = rng.randrange(256)
        elif action == 2:
            del buffer[at : at + rng.randrange(1, 64)]
        elif action == 3:
            buffer[at:at] = rng.choice(_INTERESTING)
        elif action == 4:  # duplicate a slice
            end = min(len(buffer), at + rng.randrange(1, 256))
            buffer[at:at] = buffer[at:end] * rng.choice((1, 2, 16))
        elif action == 5:
            del buffer[at:]
        else:  # splice two places
            other = rng.randrange(len(buffer))
            buffer[at:at] = buffer[other : other + rng.randrange(1, 128)]
    return bytes(buffer)


def _member_mutation(data: bytes, rng: random.Random) -> bytes | None:
    """Mutate the XML inside an Office file and zip it again (reaches the readers)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = {info.filename: archive.read(info) for info in archive.infolist()}
    except Exception:
        return None
    xml = [name for name in members if name.endswith(".xml")]
    if not xml:
        return None
    name = rng.choice(xml)
    members[name] = _byte_mutation(members[name], rng)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return buffer.getvalue()


_NUMBER_RE = re.compile(r"-?\d+(?:\.\d+)?")
_TEXT_INSERTS = [
    "1e999999", "9" * 45, "-5", "0", "0.000000000000000000000000001", "1e30", "NaN", "-.inf",
    "≥", "≤-3", "%", "万", "亿", "\t", "\n\n", "&a [x]", "*a", "<<: *a", "[[[[", "{", "]", "'",
    '"', "!!python/name:os.system", "！", "（", "合计", "得分", "分值", "~", "null", "\\",
]


def _text_mutation(data: bytes, rng: random.Random) -> bytes:
    """Character-level mutation of a text, YAML or JSON file that keeps it valid UTF-8 (and
    often valid YAML/JSON), so that the parsers and everything after them are reached."""
    text = data.decode("utf-8", "replace")
    for _ in range(rng.choice((1, 1, 2, 4))):
        numbers = list(_NUMBER_RE.finditer(text))
        action = rng.randrange(5)
        if action == 0 and numbers:  # a number becomes an extreme one
            found = rng.choice(numbers)
            text = text[: found.start()] + rng.choice(_TEXT_INSERTS[:6]) + text[found.end() :]
        elif action == 1:
            lines = text.split("\n")
            at = rng.randrange(len(lines))
            lines[at:at] = lines[at : at + rng.randrange(1, 8)] * rng.choice((1, 2, 50))
            text = "\n".join(lines)
        elif action == 2:
            lines = text.split("\n")
            at = rng.randrange(len(lines))
            del lines[at : at + rng.randrange(1, 5)]
            text = "\n".join(lines)
        else:
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(_TEXT_INSERTS) + text[at:]
    return text.encode("utf-8")


def mutant(family: str, data: bytes, rng: random.Random) -> bytes:
    if family in ("docx", "xlsx") and rng.random() < 0.7:
        inner = _member_mutation(data, rng)
        if inner is not None:
            return inner
    if family in ("txt", "yaml", "json") and rng.random() < 0.85:
        return _text_mutation(data, rng)
    return _byte_mutation(data, rng)


def run_pipeline(path: Path, out_dir: Path) -> str:
    """Read, score, audit and convert one file; "ok" or "Exxx" (a coded error). Any other
    exception propagates: that is a bug."""
    from jixiao.audit.framework import run_audit
    from jixiao.cli.loading import load_input
    from jixiao.errors import JixiaoError
    from jixiao.model.io import dump_json, dump_yaml
    from jixiao.rules.infer import resolve_pack
    from jixiao.scoring import score_document

    try:
        document = load_input(path)
        pack, reason = resolve_pack("auto", document)
        score_document(document, pack, pack_reason=reason)
        run_audit(document, pack, select=[], ignore=[], pack_reason=reason)
        (out_dir / "out.yaml").write_text(dump_yaml(document), encoding="utf-8")
        dump_json(document)
    except JixiaoError as error:
        return error.code
    return "ok"
