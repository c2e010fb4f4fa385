"""The records that flow through the stages (one place for all of them).

``Document`` is the central record: stage 1 (``ocr``) fills ``pages`` and ``lines``; later stages read
``text`` and the per-line provenance, and add their own fields.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal, Optional

PageMethod = Literal["text-layer", "ocr", "text"]
LineRole = Literal["body", "header", "footer", "page-number"]


@dataclass
class Word:
    """A word as the engine read it; ``conf`` is Tesseract's 0-100 (None for text layers)."""

    text: str
    conf: Optional[float] = None
    bbox: Optional[tuple[int, int, int, int]] = None  # x0, y0, x1, y1 in page pixels (or PDF points)


@dataclass
class Line:
    """One line of text with its provenance: 1-based page and line number on that page."""

    text: str
    page: int
    line: int
    block: int = 0  # paragraph id on the page: a change of block is a blank line in the text
    role: LineRole = "body"
    words: list[Word] = field(default_factory=list)
    bbox: Optional[tuple[float, float, float, float]] = None

    @property
    def mean_conf(self) -> Optional[float]:
        confs = [w.conf for w in self.words if w.conf is not None]
        return sum(confs) / len(confs) if confs else None


@dataclass
class Page:
    """One page and how it was read: ``method`` and the ``reason`` for choosing it."""

    number: int
    method: PageMethod
    reason: str
    lines: list[Line] = field(default_factory=list)
    width: Optional[float] = None
    height: Optional[float] = None
    dpi: Optional[int] = None
    skew_degrees: Optional[float] = None
    seconds: float = 0.0

    @property
    def mean_conf(self) -> Optional[float]:
        confs = [w.conf for ln in self.lines for w in ln.words if w.conf is not None]
        return round(sum(confs) / len(confs), 2) if confs else None


@dataclass
class Document:
    """The central record. Stage 1 sets source fields, ``pages`` and the cleaned ``lines``."""

    doc_id: str
    path: str
    sha256: str
    kind: Literal["pdf", "image", "text"]
    pages: list[Page] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    @property
    def body_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.role == "body"]

    @property
    def text(self) -> str:
        """Body text: one output line per source line, a blank line between paragraphs."""
        out: list[str] = []
        prev: tuple[int, int] | None = None
        for ln in self.body_lines:
            key = (ln.page, ln.block)
            if prev is not None and key != prev and out and out[-1] != "":
                out.append("")
            out.append(ln.text)
            prev = key
        text = "\n".join(out)
        return text + "\n" if text else ""

    def ocr_decisions(self) -> list[dict]:
        return [
            {"page": p.number, "method": p.method, "reason": p.reason, "mean_conf": p.mean_conf,
             "skew_degrees": p.skew_degrees, "seconds": round(p.seconds, 3)}
            for p in self.pages
        ]

    def to_dict(self) -> dict:
        return asdict(self)
