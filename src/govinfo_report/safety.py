"""Bounded reading of untrusted zip packages and XML.

Reports come from the open web, so a reader must survive a hostile file:
a zip bomb (a small member that inflates to gigabytes), a member whose
declared size lies, a truncated or corrupt archive, XML with external
entities or exponential entity expansion.  Everything here either returns
data within the stated limits or raises a :class:`~govinfo_report.ReadError`
(:class:`~govinfo_report.UnsafeInputError` when a limit is hit) whose
message names the part; no ``zipfile``/``zlib``/``lxml`` exception escapes.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from lxml import etree

from .errors import ReadError, UnsafeInputError

__all__ = [
    "MAX_PART_BYTES",
    "MAX_TAGS",
    "MAX_ZIP_MEMBERS",
    "open_zip",
    "parse_xml",
    "read_member",
    "xml_parser",
]

#: Largest uncompressed size of one member read from a package.  A long
#: real report's ``word/document.xml`` is a few MiB; the limit leaves a wide
#: margin while keeping the parsed tree within a few hundred MiB.
MAX_PART_BYTES = 64 * 1024 * 1024
#: An XML part with more tags (``<``) than this is refused before parsing: a long real
#: report's ``word/document.xml`` has a few hundred thousand; a tree of this many
#: elements takes a few hundred MiB.
MAX_TAGS = 4_000_000
#: A package with more members than this is refused (real documents hold tens).
MAX_ZIP_MEMBERS = 10_000
_CHUNK = 256 * 1024
#: Everything the zip and zlib modules raise on corrupt or unsupported archives.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError)


def open_zip(data: bytes, *, where: str | None = None) -> zipfile.ZipFile:
    """Open *data* as a zip archive, or raise :class:`ReadError` saying why it is not one."""
    if not data:
        raise ReadError("empty input (0 bytes)", where=where)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as exc:
        reason = "truncated or corrupt" if data[:4] == b"PK\x03\x04" else "not"
        raise ReadError(f"{reason} a zip archive ({exc})", where=where) from exc
    if len(archive.infolist()) > MAX_ZIP_MEMBERS:
        raise UnsafeInputError(
            f"the zip archive lists {len(archive.infolist())} members, more than the limit of {MAX_ZIP_MEMBERS}",
            where=where,
        )
    return archive


def read_member(archive: zipfile.ZipFile, name: str, *, limit: int = MAX_PART_BYTES, where: str | None = None) -> bytes:
    """The uncompressed bytes of member *name*, never more than *limit* of them.

    The declared size is checked first; inflation then stops as soon as the
    output passes *limit*, so a member whose header lies about its size is
    refused without ever inflating it whole.  A missing, encrypted, corrupt
    or truncated member raises :class:`ReadError`; one over the limit raises
    :class:`UnsafeInputError`.
    """
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ReadError(f"the package has no {name}", where=where) from None
    if info.flag_bits & 0x1:
        raise ReadError(f"{name} is encrypted; remove the password and save the file again", where=where)
    if info.file_size > limit:
        raise UnsafeInputError(
            f"{name} declares {info.file_size} bytes uncompressed, more than the limit of {limit} "
            f"(a zip bomb, or a document too large to read safely)",
            where=where,
        )
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:
                    raise UnsafeInputError(
                        f"{name} inflates past the limit of {limit} bytes (declared {info.file_size}); "
                        "refused as a zip bomb",
                        where=where,
                    )
                chunks.append(chunk)
    except _ZIP_ERRORS as exc:
        raise ReadError(f"{name} is corrupt or truncated ({exc})", where=where) from exc
    return b"".join(chunks)


def xml_parser(*, remove_blank_text: bool = False) -> etree.XMLParser:
    """A parser that never resolves entities, loads a DTD or touches the network.

    ``huge_tree=False`` keeps libxml2's limits on depth and text-node size.
    *remove_blank_text* drops white space between elements (a pretty-printed
    part's indentation) while keeping a leaf's own blank text (``<w:t> </w:t>``).
    A fresh parser per call: lxml parsers are not safe to share across threads.
    """
    return etree.XMLParser(
        remove_blank_text=remove_blank_text,
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(
    data: bytes,
    *,
    part: str,
    where: str | None = None,
    allow_dtd: bool = False,
    remove_blank_text: bool = False,
    max_tags: int | None = MAX_TAGS,
) -> etree._Element:
    """Parse *data* (the XML of *part*) with :func:`xml_parser`.

    *remove_blank_text* is passed to :func:`xml_parser`.  XML with more
    than *max_tags* tags (``<`` counted before parsing) is refused: a tree's
    memory grows with its elements, and a part of tiny elements would
    otherwise take many times its size.  A document type
    declaration is refused unless *allow_dtd*: Office Open
    XML forbids DTDs in package parts, so one there is hostile (external
    entities, entity expansion) or broken.  Malformed XML raises
    :class:`ReadError` naming the part, line and column.
    """
    # A part holds no more tags than bytes: a short one need not be counted (the count is a pass over it).
    if max_tags is not None and len(data) > max_tags and data.count(b"<") > max_tags:
        raise UnsafeInputError(
            f"{part} has more than {max_tags} tags; refused as too large to read safely", where=where
        )
    try:
        root = etree.fromstring(data, xml_parser(remove_blank_text=remove_blank_text))
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        msg = exc.msg or str(exc)
        if "amplification" in msg or ("entit" in msg.lower() and "loop" in msg.lower()):
            raise UnsafeInputError(f"{part}: entity expansion refused ({msg})", where=where) from exc
        if "Excessive depth" in msg:
            raise UnsafeInputError(f"{part} is nested too deeply to read safely ({msg})", where=where) from exc
        position = "" if ", line " in msg else f" (line {line}, column {column})"
        raise ReadError(f"{part} is not well-formed XML: {msg}{position}", where=where) from exc
    except (ValueError, MemoryError) as exc:
        raise ReadError(f"{part} cannot be parsed as XML ({exc})", where=where) from exc
    if root is None:
        raise ReadError(f"{part} holds no XML element", where=where)
    if not allow_dtd:
        docinfo = root.getroottree().docinfo
        if docinfo.internalDTD is not None or docinfo.externalDTD is not None or docinfo.doctype:
            raise UnsafeInputError(
                f"{part} declares a DTD (<!DOCTYPE …>), which Office Open XML forbids; refused without "
                "expanding its entities",
                where=where,
            )
    return root
