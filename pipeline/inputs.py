"""The inputs at the edge: a path or stdin, and text files read as NFC with Unix line ends.

Kept apart from ``ocr`` (which needs the records and the imaging stack) so that ``vnplan restore`` starts fast.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .errors import CorruptInput, EmptyInput, InputNotFound


@dataclass
class Source:
    """An input: a path, or ``-`` with the bytes read from stdin."""

    path: str
    data: Optional[bytes] = None

    @property
    def stem(self) -> str:
        return "stdin" if self.path == "-" else Path(self.path).stem


def load_text(path: str, data: Optional[bytes] = None) -> str:
    """A UTF-8 text input as NFC with Unix line ends, or the error that says what is wrong with it."""
    if data is None:
        p = Path(path)
        if not p.exists():
            raise InputNotFound(path, "no such file")
        data = p.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CorruptInput(path, "the text is not UTF-8", "convert it, e.g. `iconv -f CP1258 -t UTF-8`") from None
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise EmptyInput(path, "the text file has no text")
    return text
