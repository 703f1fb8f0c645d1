"""Small PDF files written byte by byte (ASCII text, ruling lines, hostile structures)."""

from __future__ import annotations

import zlib


def pdf_file(
    contents: list[bytes],
    *,
    extra_catalog: bytes = b"",
    trailer_extra: bytes = b"",
    extra_objects: dict[int, bytes] | None = None,
    kids_repeat: int = 1,
    deflate: bool = False,
) -> bytes:
    """A PDF with one page per content stream (Helvetica as /F1); ``kids_repeat`` lists
    every page that many times in the page tree (a huge page count in a tiny file)."""
    objects: dict[int, bytes] = {}
    page_ids = []
    next_id = 4
    for content in contents:
        stream_id, page_id = next_id, next_id + 1
        next_id += 2
        body = zlib.compress(content) if deflate else content
        flt = b" /Filter /FlateDecode" if deflate else b""
        objects[stream_id] = (
            b"<< /Length %d%s >>\nstream\n" % (len(body), flt) + body + b"\nendstream"
        )
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % stream_id
        )
        page_ids.append(page_id)
    kids = b" ".join(b"%d 0 R" % i for i in page_ids * kids_repeat)
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R " + extra_catalog + b">>"
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids) * kids_repeat)
    objects[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    objects.update(extra_objects or {})
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        free = b"0000000000 65535 f \n"
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else free
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        size, trailer_extra, xref)
    return bytes(out)


def text_page(lines: list[str], table: bool = False) -> bytes:
    """A content stream printing ``lines`` (ASCII), optionally inside a ruled 2-column table."""
    ops = []
    y = 720
    for line in lines:
        ops.append(b"BT /F1 11 Tf 72 %d Td (%s) Tj ET" % (y, line.encode("latin-1")))
        y -= 16
    if table:
        ops.append(b"0.5 w")
        for row in range(4):
            ops.append(b"72 %d m 372 %d l S" % (500 - 20 * row, 500 - 20 * row))
        for x in (72, 222, 372):
            ops.append(b"%d 440 m %d 500 l S" % (x, x))
        for row, (a, b) in enumerate((("Name", "Score"), ("alpha", "10"), ("beta", "9.5"))):
            base = 486 - 20 * row
            ops.append(b"BT /F1 10 Tf 78 %d Td (%s) Tj ET" % (base, a.encode()))
            ops.append(b"BT /F1 10 Tf 228 %d Td (%s) Tj ET" % (base, b.encode()))
    return b"\n".join(ops)
