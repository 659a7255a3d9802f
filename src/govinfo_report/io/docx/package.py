"""The docx package: telling a Word 2007+ zip from what else arrives with a Word name, and finding its main part.

Files from the open web named ``.doc``/``.docx`` are often something else:
a Word 97 OLE file, RTF, HTML, a Word 2003 XML or MHT file, an encrypted
package, an Excel or OpenDocument zip.  Each gets a :class:`ReadError`
saying what it is and how to convert it.
"""

from __future__ import annotations

import posixpath
import shlex
import zipfile

from ...errors import ReadError, UnsafeInputError
from ...safety import parse_xml, read_member
from .ooxml import OFFICE_DOCUMENT_TYPES, PACKAGE_RELS

__all__ = ["OLE_MAGIC", "ZIP_MAGIC", "main_part", "refuse_non_docx"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
#: A zip starts with a local file header, or (empty or spanned) an end record or a span marker.
_ZIP_SIGNATURES = (ZIP_MAGIC, b"PK\x05\x06", b"PK\x07\x08")
_RELS_LIMIT = 1024 * 1024


def _convert_hint(source: str | None) -> str:
    """How to convert the file to .docx, naming it when its name is known."""
    name = shlex.quote(posixpath.basename(source.replace("\\", "/"))) if source else "FILE"
    return f"convert it first, e.g. `soffice --headless --convert-to docx {name}`, or save it as .docx in Word or WPS"


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def refuse_non_docx(data: bytes, source: str | None) -> None:
    """Raise a :class:`ReadError` that says what *data* is when it is not a zip."""
    if not data:
        raise ReadError("empty input (0 bytes)", where=source)
    if data[:4] in _ZIP_SIGNATURES:
        return
    if data.startswith(OLE_MAGIC):
        if _utf16("EncryptedPackage") in data:
            raise ReadError(
                "this is a password-protected (encrypted) Office document; open it, remove the password "
                "and save it as .docx",
                where=source,
            )
        if _utf16("WordDocument") in data:
            raise ReadError(
                f"this is a Word 97-2003 document (.doc, an OLE compound file), not .docx; {_convert_hint(source)}",
                where=source,
            )
        raise ReadError(
            f"this is an OLE compound file (an old Office format such as .xls or .ppt), not a Word .docx; "
            f"{_convert_hint(source)}",
            where=source,
        )
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{\\rtf"):
        raise ReadError(f"this is an RTF document, not .docx; {_convert_hint(source)}", where=source)
    if b"w:worddocument" in head or b'progid="word.document"' in head:
        raise ReadError(f"this is a Word 2003 XML document, not .docx; {_convert_hint(source)}", where=source)
    if head.startswith(b"mime-version") or b"multipart/related" in head:
        raise ReadError(f"this is a web archive (MHT), not .docx; {_convert_hint(source)}", where=source)
    if b"<html" in head or b"<!doctype html" in head:
        raise ReadError(
            "this is an HTML page with a Word file name, not .docx; read it with format='html'", where=source
        )
    raise ReadError(
        f"not a .docx file: a .docx is a zip archive, but this input starts with {data[:8]!r}", where=source
    )


def main_part(archive: zipfile.ZipFile, source: str | None) -> str:
    """The name of the main document part: from ``_rels/.rels``, else ``word/document.xml``."""
    names = {n.lower(): n for n in archive.namelist()}
    rels = names.get("_rels/.rels")
    if rels is not None:
        try:
            root = parse_xml(read_member(archive, rels, limit=_RELS_LIMIT, where=source), part=rels, where=source)
        except UnsafeInputError:
            raise
        except ReadError:
            root = None
        if root is not None:
            for rel in root.iter(f"{{{PACKAGE_RELS}}}Relationship"):
                if rel.get("Type") in OFFICE_DOCUMENT_TYPES and rel.get("TargetMode") != "External":
                    target = posixpath.normpath((rel.get("Target") or "").lstrip("/")).lower()
                    if target in names:
                        return names[target]
    found = names.get("word/document.xml")
    if found is not None:
        return found
    raise ReadError(_no_document_message(list(names)), where=source)


def _no_document_message(names: list[str]) -> str:
    if "xl/workbook.xml" in names:
        what = "it is an Excel workbook (.xlsx)"
    elif "ppt/presentation.xml" in names:
        what = "it is a PowerPoint presentation (.pptx)"
    elif "content.xml" in names and "mimetype" in names:
        what = "it is an OpenDocument file (.odt); save it as .docx"
    else:
        shown = ", ".join(sorted(names)[:8]) or "nothing"
        what = f"it holds {shown}{' …' if len(names) > 8 else ''}"
    return f"not a Word document: the zip archive has no word/document.xml ({what})"
