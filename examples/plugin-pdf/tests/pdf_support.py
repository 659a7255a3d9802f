"""A hand-built one-page PDF, for the tests of the limits and of the reader."""

from __future__ import annotations


def pdf(*contents: tuple[bytes, bytes], trailer: bytes = b"") -> bytes:
    """A one-page PDF (with a correct xref) whose page draws the given ``(dictionary entries, data)`` streams."""
    first = 5
    refs = " ".join(f"{first + i} 0 R" for i in range(len(contents))).encode()
    objects = [
        b"<</Type /Catalog /Pages 2 0 R>>",
        b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources <</Font <</F1 4 0 R>>>> /Contents ["
        + refs
        + b"]>>",
        b"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>",
    ]
    for entries, data in contents:
        length = b"" if b"/Length" in entries else b" /Length " + str(len(data)).encode()
        objects.append(b"<<" + entries + length + b">>\nstream\n" + data + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer <</Size {len(objects) + 1} /Root 1 0 R".encode() + trailer
    out += f">>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
