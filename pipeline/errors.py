"""User-facing errors. Each carries its exit code and a message that says what to do.

The CLI prints ``str(error)`` as one line (``FILE: what happened; what to do``) and exits with
``error.exit_code``; a traceback is shown only with ``-v``.
"""
from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_BATCH_MIXED = 10  # several inputs failed for different reasons


class VnplanError(Exception):
    """Base class: one clear line for the user and a distinct exit code."""

    exit_code = EXIT_INTERNAL
    advice = ""

    def __init__(self, path: str | Path | None, message: str, advice: str | None = None):
        self.path = str(path) if path is not None else None
        self.message = message
        if advice is not None:
            self.advice = advice
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        tail = f"; {self.advice}" if self.advice else ""
        return f"{where}{self.message}{tail}"

    def __reduce__(self):  # keep the fields when crossing a process boundary
        return (_rebuild, (type(self), self.path, self.message, self.advice))


def _rebuild(cls, path, message, advice):
    return cls(path, message, advice)


class UsageError(VnplanError):
    exit_code = EXIT_USAGE
    advice = "see --help"


class InputNotFound(VnplanError):
    exit_code = 3
    advice = "check the path"


class UnsupportedFormat(VnplanError):
    exit_code = 4
    advice = "give a PDF, PNG, JPEG, TIFF or .txt file"


class CorruptInput(VnplanError):
    exit_code = 5
    advice = "the file is damaged or not what its name says; re-scan or re-export it"


class EncryptedInput(VnplanError):
    exit_code = 6
    advice = "remove the password first (e.g. `qpdf --decrypt --password=PW in.pdf out.pdf`)"


class EmptyInput(VnplanError):
    exit_code = 7
    advice = "the file has no content; check that the export or scan finished"


class NoTextFound(VnplanError):
    exit_code = 8
    advice = "no text could be read; check that the image is a page of text, right way up, at least 200 dpi"


class PageTooLarge(VnplanError):
    exit_code = 9
    advice = "split or downscale the page, or raise --max-pixels if the machine has the memory"


class MissingDependency(VnplanError):
    exit_code = 11
    advice = "run `make setup`"


class OutputError(VnplanError):
    exit_code = 12
    advice = "check that the output folder exists and is writable"


class NotVietnamese(VnplanError):
    exit_code = 13
    advice = "this tool reads Vietnamese documents; check the input or pass --lang"
