"""How the library writes names and values: keys and strings as TOML and error paths write
them, lists of allowed values, TOML values."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def key(name: str) -> str:
    """A key as TOML (and our error paths) write it: bare where possible, else quoted."""
    return name if _BARE_KEY.fullmatch(name) else quote(name)


def quote(text: str) -> str:
    """A string in double quotes, escaped as both JSON and TOML accept."""
    return json.dumps(text, ensure_ascii=False)


def slug(name: str) -> str:
    """A name as a language-independent key: lower case ASCII, Vietnamese marks dropped
    (``đ`` → ``d``), every run of other characters one ``_``; what JSON carries for a rating.

    >>> slug("Khá"), slug("Trung bình"), slug("Xuất sắc"), slug("Đạt")
    ('kha', 'trung_binh', 'xuat_sac', 'dat')
    """
    bare = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(c for c in bare if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "_", ascii_only).strip("_")


def allowed(names: Iterable[str]) -> str:
    """A list of allowed values for an error message: ``'a', 'b', 'c'``."""
    return ", ".join(repr(n) for n in names)


def value(item: object) -> str:
    """A TOML value for a string, number, boolean or array of them."""
    from .values import render  # here, not at the top: this body is all that changed

    return render(item, "toml")
