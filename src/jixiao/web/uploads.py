"""Checks on uploaded files: size, type (by name and by content) and safe names; zip
archives are opened in memory with limits on member count and size."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from jixiao.ingest.formats import INPUT_SUFFIXES

DOCUMENT_SUFFIXES = INPUT_SUFFIXES  # every format ingest reads
IMPORT_SUFFIXES = (*DOCUMENT_SUFFIXES, ".zip")
EVIDENCE_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx", ".txt", ".zip")
ZIP_BASED = (".docx", ".xlsx", ".xlsm", ".zip")
TEXT_BASED = (".txt", ".html", ".htm", ".yaml", ".yml", ".json")
MAGIC = {".pdf": (b"%PDF",), ".png": (b"\x89PNG",), ".jpg": (b"\xff\xd8",), ".jpeg": (b"\xff\xd8",)}
MAX_ZIP_TOTAL = 200 * 1024 * 1024


def suffix_of(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def safe_name(name: str) -> str:
    """The last path component with control and path characters removed (for display and
    downloads; files are stored under generated names)."""
    base = PurePosixPath(name.replace("\\", "/")).name
    base = re.sub(r"[\x00-\x1f\x7f<>:\"|?*]", "", base).strip(" .")
    return base[-200:] or "文件"


def check_content(name: str, data: bytes, suffixes: tuple[str, ...]) -> str:
    """The file's suffix if the name and the content agree with an allowed type."""
    suffix = suffix_of(name)
    if suffix not in suffixes:
        raise ValidationError(f"不支持的文件类型：{safe_name(name)}（支持 {'、'.join(suffixes)}）")
    if len(data) > settings.MAX_UPLOAD_BYTES:
        limit = settings.MAX_UPLOAD_BYTES // 1024 // 1024
        raise ValidationError(f"文件过大：{safe_name(name)}（单个文件不超过 {limit} MB）")
    if suffix in ZIP_BASED and not data.startswith(b"PK\x03\x04"):
        raise ValidationError(f"文件内容与扩展名不符：{safe_name(name)}")
    if suffix in MAGIC and not data.startswith(MAGIC[suffix]):
        raise ValidationError(f"文件内容与扩展名不符：{safe_name(name)}")
    if suffix in TEXT_BASED and b"\x00" in data[:4096]:
        raise ValidationError(f"不是文本文件：{safe_name(name)}")
    return suffix


def read_upload(upload: UploadedFile, suffixes: tuple[str, ...]) -> tuple[str, bytes]:
    """Read an upload (bounded) and check it; returns (safe name, bytes)."""
    if upload.size is not None and upload.size > settings.MAX_UPLOAD_BYTES:
        check_content(upload.name or "", b"\x00" * (settings.MAX_UPLOAD_BYTES + 1), suffixes)
    data = upload.read(settings.MAX_UPLOAD_BYTES + 1)
    check_content(upload.name or "", data, suffixes)
    return safe_name(upload.name or ""), data


def _member_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & 0x800:
        return info.filename
    try:  # archives made on Chinese Windows store names in GBK
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def expand(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """The documents in an upload: the file itself, or the documents inside a zip archive."""
    if suffix_of(name) != ".zip":
        return [(name, data)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ValidationError(f"无法打开压缩包：{name}") from None
    members = [
        info
        for info in archive.infolist()
        if not info.is_dir()
        and not info.filename.startswith("__MACOSX/")
        and suffix_of(_member_name(info)) in DOCUMENT_SUFFIXES
    ]
    if len(members) > settings.MAX_UPLOAD_FILES:
        raise ValidationError(f"压缩包内文件过多（不超过 {settings.MAX_UPLOAD_FILES} 个）：{name}")
    if sum(info.file_size for info in members) > MAX_ZIP_TOTAL:
        raise ValidationError(f"压缩包解压后过大：{name}")
    found = []
    for info in members:
        member = _member_name(info)
        with archive.open(info) as handle:
            content = handle.read(settings.MAX_UPLOAD_BYTES + 1)
        check_content(member, content, DOCUMENT_SUFFIXES)
        found.append((f"{safe_name(name)}/{safe_name(member)}", content))
    return found
