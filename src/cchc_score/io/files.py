"""Reading a user's file: bytes from a path, UTF-8 text in NFC, TOML and JSON documents.

Every reader goes through these functions, so that a missing file, bytes that are not
UTF-8, a BOM, CRLF line ends, NFD Vietnamese and TOML/JSON syntax errors are handled once
and reported the same way, as problems located by line and column. Numbers with a
fraction are read as exact ``Decimal``.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..errors import ProblemList

__all__ = [
    "TextLines",
    "decode_text",
    "normalise_text",
    "open_input",
    "parse_json",
    "parse_toml",
    "read_bytes",
    "read_input",
    "rules_reference",
]

_TOML_POSITION = re.compile(r" \(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def rules_reference(file: str, name: str) -> str:
    """The rules an input names: a bundled name as given, or a path (one with a "/" or
    ending in ".toml") made relative to the folder of the file that names it.

    >>> rules_reference("data/ward.toml", "criteria_2022")
    'criteria_2022'
    >>> rules_reference("data/ward.toml", "../rules/r.toml")
    'rules/r.toml'
    """
    if "/" in name or name.endswith(".toml"):
        return os.path.normpath(Path(file).parent / name)
    return name


def read_bytes(path: Path, problems: ProblemList) -> bytes | None:
    """A file's bytes; ``None`` after recording why it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        problems.add("", f"cannot read the file: {exc.strerror or exc}")
        return None


def open_input(path: Path, problems: ProblemList) -> BinaryIO | None:
    """A file opened for reading in binary, to be read line by line (the caller closes it);
    ``None`` after recording why it cannot be opened."""
    try:
        return open(path, "rb")
    except OSError as exc:
        problems.add("", f"cannot read the file: {exc.strerror or exc}")
        return None


def read_input(path: Path, problems: ProblemList) -> str | None:
    """Read a user's text file as NFC text, recording a problem instead of raising."""
    data = read_bytes(path, problems)
    return None if data is None else decode_text(data, problems)


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

    def bad_in(self, first: int, last: int) -> list[tuple[int, bytes]]:
        """The lines between ``first`` and ``last`` (inclusive) that are not UTF-8."""
        return [(n, self.bad[n]) for n in range(first, last + 1) if n in self.bad]


def decode_text(data: bytes, problems: ProblemList) -> str | None:
    """Decode UTF-8 (a BOM is dropped), normalise line ends and Vietnamese to NFC."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.add(f"line {line}", "not UTF-8 text", data[exc.start : exc.start + 4])
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
    """Parse TOML with exact decimals; a syntax error becomes a problem with its position."""
    try:
        doc: dict[str, Any] = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        # tomli ≥ 2.1 (Python 3.10 here) has the position as attributes; Python 3.11's
        # tomllib only in the message. Either way the problem reads the same.
        message = str(exc)
        line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        at = _TOML_POSITION.search(message)
        if at is not None:
            message = message[: at.start()]
            line, col = line or int(at["line"]), col or int(at["col"])
        message = getattr(exc, "msg", None) or message
        where = f"line {line}, column {col}" if line is not None else ""
        problems.add(where, f"invalid TOML: {message}")
        return None
    return doc


def parse_json(text: str, problems: ProblemList) -> Any:
    """Parse JSON with exact decimals; a syntax error becomes a problem with its position."""
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        problems.add(f"line {exc.lineno}, column {exc.colno}", f"invalid JSON: {exc.msg}")
        return None
