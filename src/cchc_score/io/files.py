"""Reading a user's file: bytes from a path, text in NFC, TOML and JSON documents.

Every reader goes through these functions, so that a missing file, the encodings Word
writes (UTF-8 with or without a BOM, UTF-16 with its BOM: "Unicode text"), bytes in any
other encoding, a Word, Excel, PDF or zip file given where text is expected (recognised
by its first bytes: :func:`sniff`), CRLF line ends, NFD Vietnamese and TOML/JSON syntax
errors are handled once and reported the same way, as problems located by line and
column. Numbers with a fraction are read as exact ``Decimal``.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import stat
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, TypeAlias

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from .. import syntax
from ..limits import MAX_DEPTH, MAX_DIGITS, MAX_DOCUMENT_BYTES, MAX_ENTRIES
from ..numbers import NumberFormatError, bounded
from ..words import Phrase, phrase_n

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..errors import ProblemList

__all__ = [
    "STDIN",
    "TextLines",
    "decode_text",
    "names_a_file",
    "normalise_text",
    "open_input",
    "parse_json",
    "parse_toml",
    "read_bytes",
    "read_input",
    "read_toml",
    "rules_reference",
    "sniff",
]

#: The name that stands for standard input, as Unix tools take it: ``cchc-score score -``.
STDIN = "-"


class _Stdin:
    """Whether standard input was read: it can be, once a process."""

    read = False


#: Where tomllib says a syntax error is (a pattern, compiled when an error is first read).
_TOML_POSITION = r" \(at line (?P<line>\d+), column (?P<col>\d+)\)$"


def names_a_file(rules: str) -> bool:
    """Whether a rules reference is a path (a "/" or "\\", or a ".toml" ending, or
    :data:`STDIN`) rather than a bundled name such as ``criteria_2022``.

    >>> names_a_file("criteria_2022"), names_a_file("../rules/r.toml"), names_a_file("-")
    (False, True, True)
    """
    return rules == STDIN or "/" in rules or os.sep in rules or rules.endswith(".toml")


def rules_reference(file: str, name: str) -> str:
    """The rules an input names: a bundled name as given, or a path (one with a "/" or
    ending in ".toml") made relative to the folder of the file that names it.

    >>> rules_reference("data/ward.toml", "criteria_2022")
    'criteria_2022'
    >>> rules_reference("data/ward.toml", "../rules/r.toml")
    'rules/r.toml'
    """
    if names_a_file(name):
        return os.path.normpath(Path(file).parent / name)
    return name


def _kind(mode: int) -> Phrase | None:
    """What a file that is not a regular file is, in words (``None`` for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return Phrase("file.folder", {})
    if stat.S_ISFIFO(mode):
        return Phrase("file.pipe", {})
    if stat.S_ISSOCK(mode):
        return Phrase("file.socket", {})
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Phrase("file.device", {})
    return Phrase("file.irregular", {})


def size(count: int) -> Phrase:
    """A size in bytes as a message says it: "1,234 bytes", "1 byte", "2.5 MB" (in words)."""
    if count < 1024 * 1024:
        return phrase_n("count.byte", count, f"{count:,}")
    return Phrase("file.mb", {"n": Decimal(f"{count / (1024 * 1024):.1f}")})


def _unreadable(exc: BaseException) -> tuple[str, dict[str, object]]:
    """The problem code (and fields) for a file the system cannot open."""
    if isinstance(exc, FileNotFoundError):
        return "E-FILE-NOT-FOUND", {}
    if isinstance(exc, PermissionError):
        return "E-FILE-PERMISSION", {}
    return "E-FILE-UNREADABLE", {"reason": _reason(exc)}


def read_bytes(path: Path, problems: ProblemList, limit: int = MAX_DOCUMENT_BYTES) -> bytes | None:
    """A file's bytes; ``None`` after recording why it cannot be read.

    Only a regular file is read (a folder, a pipe, a device such as ``/dev/zero`` or a
    socket is refused before anything is read from it, so nothing hangs), and at most
    ``limit`` bytes of it: one byte more is refused as too large (docs/limits.md). The
    path :data:`STDIN` (``-``) reads standard input instead, once, as far as the limit.
    """
    if os.fspath(path) == STDIN:
        return _stdin_bytes(problems, limit)
    try:
        kind = _kind(os.stat(path).st_mode)  # a socket cannot even be opened: say what it is
        if kind is not None:
            problems.add("", "E-FILE-NOT-A-FILE", kind=kind)
            return None
        # O_NONBLOCK: a FIFO swapped in after the check opens at once instead of waiting
        # for a writer, and is refused by the fstat below.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
    except (OSError, ValueError) as exc:
        code, fields = _unreadable(exc)
        problems.add("", code, **fields)
        return None
    with os.fdopen(fd, "rb") as stream:
        try:
            info = os.fstat(fd)
            kind = _kind(info.st_mode)
            if kind is not None:
                problems.add("", "E-FILE-NOT-A-FILE", kind=kind)
                return None
            data = b"" if info.st_size > limit else stream.read(limit + 1)
        except OSError as exc:
            code, fields = _unreadable(exc)
            problems.add("", code, **fields)
            return None
    if info.st_size > limit or len(data) > limit:
        found = max(info.st_size, len(data))
        problems.add("", "E-FILE-TOO-LARGE", size=size(found), limit=size(limit))
        return None
    return data


def _stdin_bytes(problems: ProblemList, limit: int) -> bytes | None:
    """Standard input's bytes (at most ``limit``); ``None`` after recording why not."""
    stream = getattr(sys.stdin, "buffer", None)
    if _Stdin.read or stream is None:
        problems.add("", "E-FILE-STDIN-TWICE" if _Stdin.read else "E-FILE-NO-STDIN")
        return None
    _Stdin.read = True
    try:
        data: bytes = stream.read(limit + 1)
    except (OSError, ValueError) as exc:
        code, fields = _unreadable(exc)
        problems.add("", code, **fields)
        return None
    if len(data) > limit:
        problems.add("", "E-FILE-TOO-LARGE", size=size(len(data)), limit=size(limit))
        return None
    return data


def _reason(exc: BaseException) -> str:
    return str(exc.strerror or exc) if isinstance(exc, OSError) else str(exc)


def open_input(
    path: Path, problems: ProblemList, limit: int = MAX_DOCUMENT_BYTES
) -> BinaryIO | None:
    """A file opened for reading in binary, to be read line by line (the caller closes it);
    ``None`` after recording why it cannot be opened. Guarded as :func:`read_bytes` is: a
    regular file of at most ``limit`` bytes."""
    data = read_bytes(path, problems, limit)
    return None if data is None else io.BytesIO(data)


def read_input(path: Path, problems: ProblemList, limit: int = MAX_DOCUMENT_BYTES) -> str | None:
    """Read a user's text file as NFC text, recording a problem instead of raising."""
    data = read_bytes(path, problems, limit)
    return None if data is None else decode_text(data, problems)


def read_toml(path: Path, problems: ProblemList) -> dict[str, Any] | None:
    """A user's TOML document (:func:`read_input`, then :func:`parse_toml`); ``None`` after
    recording why it cannot be read."""
    text = read_input(path, problems)
    return None if text is None else parse_toml(text, problems)


class TextLines:
    """A file's lines as text, counted, with the lines that are not UTF-8 noted: for files
    read a line at a time (evidence tables), as :func:`decode_text` is for whole files.

    Decoding line by line keeps memory flat and lets a bad byte be reported at its line.
    A BOM is dropped, CRLF and CR line ends become LF; composing to NFC is left to the
    reader, cell by cell.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.number = 0
        self.bad: dict[int, bytes] = {}
        self.separator = ","  # set by a reader that splits lines into cells

    def __iter__(self) -> Iterator[str]:
        for raw in self.stream:
            self.number += 1
            if self.number == 1:
                if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    # Word's "Unicode text": a line end is two bytes, so the file is
                    # decoded whole (it is bounded by the reader's size cap).
                    yield from self._utf16(raw + self.stream.read())
                    return
                raw = raw.removeprefix(codecs.BOM_UTF8)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                self.bad[self.number] = raw[exc.start : exc.start + 4]
                text = raw.decode("utf-8", "replace")
            text = text.replace("\r\n", "\n")
            if "\r" not in text:
                yield text
                continue
            # Old Mac line ends: one "line" of the file is several.
            pieces = text.split("\r")
            for i, piece in enumerate(pieces):
                if i:
                    self.number += 1
                if piece or i < len(pieces) - 1:
                    yield piece + ("\n" if i < len(pieces) - 1 else "")

    def _utf16(self, data: bytes) -> Iterator[str]:
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            self.bad[1] = data[exc.start : exc.start + 4]
            text = data.decode("utf-16", "replace")
        lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
        last = len(lines) - 1
        for i, line in enumerate(lines):
            if i == last and not line:
                return
            if i:
                self.number += 1
            yield line + "\n" if i < last else line

    def bad_in(self, first: int, last: int) -> list[tuple[int, bytes]]:
        """The lines between ``first`` and ``last`` (inclusive) that are not UTF-8."""
        return [(n, self.bad[n]) for n in range(first, last + 1) if n in self.bad]


#: What a file's first bytes say it is, when it is not text.
FileKind = Literal["docx", "xlsx", "zip", "doc", "xls", "pdf", "rtf"]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97-2003 (.doc, .xls)

#: Why a file that is not text cannot be read, and what to do: a problem code per kind.
_NOT_TEXT: dict[str, str] = {
    kind: f"E-FILE-{kind.upper()}" for kind in ("docx", "xlsx", "zip", "doc", "xls", "pdf", "rtf")
}


def sniff(data: bytes) -> FileKind | None:
    """What a file's first bytes say it is, if it is a document rather than text.

    >>> sniff(b"%PDF-1.7"), sniff(b"STT\\tTi\\xc3\\xaau ch\\xc3\\xad")
    ('pdf', None)
    """
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        # The parts' names are stored uncompressed in the zip's headers.
        if b"word/document.xml" in data:
            return "docx"
        return "xlsx" if b"xl/workbook.xml" in data else "zip"
    if data.startswith(_OLE2):
        return "xls" if "Workbook".encode("utf-16-le") in data else "doc"
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    return None


def decode_text(data: bytes, problems: ProblemList) -> str | None:
    """Decode text as Word writes it, then normalise line ends and Vietnamese to NFC.

    UTF-8 with or without a BOM, and UTF-16 (little or big endian) with its BOM, as Word's
    "Unicode text" is. Anything else is refused with what to do: bytes in another
    encoding (Windows-1258, TCVN3) with how to save the file as UTF-8, a Word, Excel, PDF
    or zip file with what it is (:func:`sniff`). ``None`` after recording the problem.
    """
    kind = sniff(data)
    if kind is not None:
        problems.add("", _NOT_TEXT[kind])
        return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return normalise_text(data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            problems.add("", "E-FILE-NOT-UTF16", data[exc.start : exc.start + 4])
            return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.add(f"line {line}", "E-FILE-NOT-UTF", data[exc.start : exc.start + 4])
        return None
    if "\x00" in text:
        # UTF-16 without its BOM reads as UTF-8 with a NUL after every ASCII letter.
        line = text.count("\n", 0, text.index("\x00")) + 1
        problems.add(f"line {line}", "E-FILE-NUL")
        return None
    return normalise_text(text)


def normalise_text(text: str) -> str:
    """Drop a BOM, turn CRLF and CR into LF, and compose Vietnamese to NFC.

    >>> normalise_text("\\ufeffPhu\\u031bo\\u031b\\u0300ng\\r\\n") == "Phường\\n"
    True
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def parse_toml(text: str, problems: ProblemList) -> dict[str, Any] | None:
    """Parse TOML with exact decimals; a syntax error becomes a problem with its position.

    The document is then checked by :func:`check_document` (nesting, entries, numbers):
    ``None`` after recording what is past a limit.
    """
    try:
        doc: dict[str, Any] = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        # tomli ≥ 2.1 (Python 3.10 here) has the position as attributes; Python 3.11's
        # tomllib only in the message. Either way the problem reads the same.
        message = str(exc)
        line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        at = re.search(_TOML_POSITION, message)
        if at is not None:
            message = message[: at.start()]
            line, col = line or int(at["line"]), col or int(at["col"])
        message = getattr(exc, "msg", None) or message
        where = f"line {line}, column {col}" if line is not None else ""
        problems.add(where, "E-TOML-SYNTAX", detail=message)
        return None
    except (RecursionError, ValueError, ArithmeticError, MemoryError) as exc:
        # ArithmeticError: a float past what a Decimal holds (1e999…9), decimal's
        # InvalidOperation, which is not a ValueError.
        _past_a_limit(text, exc, problems)
        return None
    return doc if check_document(doc, problems) else None


def parse_json(text: str, problems: ProblemList) -> Any:
    """Parse JSON with exact decimals; a syntax error becomes a problem with its position.

    The document is then checked by :func:`check_document`, as a TOML one is.
    """
    try:
        doc = json.loads(text, parse_float=Decimal, parse_int=_json_int, parse_constant=Decimal)
    except json.JSONDecodeError as exc:
        problems.add(f"line {exc.lineno}, column {exc.colno}", "E-JSON-SYNTAX", detail=exc.msg)
        return None
    except (RecursionError, ValueError, ArithmeticError, MemoryError) as exc:
        # ArithmeticError: a float past what a Decimal holds (1e999…9), decimal's
        # InvalidOperation, which is not a ValueError.
        _past_a_limit(text, exc, problems)
        return None
    return doc if check_document(doc, problems) else None


def _json_int(text: str) -> int | Decimal:
    # A long integer is kept as a Decimal (no int-string limit), to be refused by
    # check_document with its place.
    return int(text) if len(text) <= MAX_DIGITS + 1 else Decimal(text)


# Patterns compiled when a document is first past a limit, not at every start.
_LONG_NUMBER = rf"[0-9][0-9_]{{{MAX_DIGITS},}}"
#: A float whose exponent is past what a Decimal holds (1e999999999999).
_HUGE_EXPONENT = r"[0-9][0-9_.]*[eE][+-]?[0-9_]{10,}"


def _position(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    return f"line {line}, column {index - (text.rfind(chr(10), 0, index) + 1) + 1}"


def _past_a_limit(text: str, exc: BaseException, problems: ProblemList) -> None:
    """A parser stopped by Python's own limits (recursion, integer digits): located here,
    with the place found by a scan of the text."""
    if isinstance(exc, RecursionError):
        depth = 0
        for index, char in enumerate(text):
            depth += (char in "[{") - (char in "]}")
            if depth > MAX_DEPTH:
                where = _position(text, index)
                break
        else:
            where = ""
        problems.add(where, "E-FILE-TOO-DEEP", most=MAX_DEPTH)
        return
    long = re.search(_LONG_NUMBER, text)
    if long is not None:
        shown = long[0] if len(long[0]) <= 40 else long[0][:40] + "…"
        problems.add(
            _position(text, long.start()), "E-NUMBER-TOO-LONG", digits=MAX_DIGITS, start=repr(shown)
        )
        return
    huge = re.search(_HUGE_EXPONENT, text) if isinstance(exc, ArithmeticError) else None
    if huge is not None:
        shown = huge[0] if len(huge[0]) <= 40 else huge[0][:40] + "…"
        problems.add(_position(text, huge.start()), "E-NUMBER-TOO-LARGE", start=repr(shown))
        return
    problems.add("", "E-FILE-DOCUMENT", detail=str(exc))


def check_document(doc: object, problems: ProblemList) -> bool:
    """Check a parsed document against the limits, without recursion: at most
    :data:`~.limits.MAX_DEPTH` arrays and tables deep, at most :data:`~.limits.MAX_ENTRIES`
    entries in each, every number within :func:`cchc_score.numbers.bounded`. Each problem
    is recorded at its key path (``criteria[3].max``); returns whether there was none.
    """
    ok = True
    # A value's place is kept as (its parent's place, its key), and written as a path only
    # for a problem: most documents have none.
    stack: list[tuple[object, _Place, int]] = [(doc, None, 0)]
    while stack:
        value, place, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth >= MAX_DEPTH:
                problems.add(_path(place), "E-FILE-TOO-DEEP", most=MAX_DEPTH)
                ok = False
                continue
            if len(value) > MAX_ENTRIES:
                problems.add(
                    _path(place),
                    "E-FILE-TOO-MANY-ENTRIES",
                    count=f"{len(value):,}",
                    most=f"{MAX_ENTRIES:,}",
                )
                ok = False
                continue
            items = value.items() if isinstance(value, dict) else enumerate(value)
            children = [(item, (place, key), depth + 1) for key, item in items]
            stack.extend(reversed(children))
        elif isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            try:
                bounded(value)
            except NumberFormatError as exc:
                problems.add_error(_path(place), exc)
                ok = False
    return ok


#: A place in a document: ``None`` for the top, else (the parent's place, a key or index).
_Place: TypeAlias = "tuple[_Place, str | int] | None"


def _path(place: _Place) -> str:
    keys: list[str | int] = []
    while place is not None:
        place, key = place
        keys.append(key)
    path = ""
    for key in reversed(keys):
        path = _child(path, key)
    return path


def _child(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{syntax.key(key)}" if path else syntax.key(key)
