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
    cell: Optional[tuple[int, int, int]] = None  # a ruled table's cell: (table on the page, row, place in the row), from 1

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

    @classmethod
    def from_dict(cls, d: dict) -> "Document":
        """The inverse of ``to_dict`` (a document read once and kept as JSON)."""
        def line(x: dict) -> Line:
            return Line(**{**x, "words": [Word(**w) for w in x["words"]]})

        pages = [Page(**{**p, "lines": [line(x) for x in p["lines"]]}) for p in d["pages"]]
        return cls(**{**d, "pages": pages, "lines": [line(x) for x in d["lines"]]})


# ---------------------------------------------------------------------------------------------------
# The document JSON (stages 3 and 4): the envelope other systems consume. These pydantic models are the
# single source of ``schemas/document.schema.json`` (``python -m pipeline.schema`` regenerates it).

from pydantic import BaseModel, ConfigDict, Field  # noqa: E402

SCHEMA_VERSION = "1.0"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocRef(_Record):
    """A document cited by number, e.g. Chỉ thị số 41-CT/TW, ngày 26-12-2024 của Bộ Chính trị."""

    doc_type: Optional[str] = Field(None, description="Chỉ thị, Kế hoạch, Nghị quyết... as printed, sentence case")
    number: Optional[str] = Field(None, description="number as printed, e.g. 41-CT/TW or 172/KH-UBND")
    date: Optional[str] = Field(None, description="ISO date, null when the text gives none")
    issuer: Optional[str] = None


class Implemented(DocRef):
    relation: Literal["implements", "based_on"] = Field(
        description="implements: named in the title or a 'Thực hiện/Triển khai' sentence; based_on: 'Căn cứ'")


class Citation(DocRef):
    """One place where a document is cited."""

    text: str = Field(description="the citation as written")
    section: Optional[str] = Field(None, description="id of the section it is cited in; null outside sections")
    page: int
    line: int


class Signer(_Record):
    name: Optional[str] = None
    position: Optional[str] = Field(None, description="e.g. CHỦ TỊCH, PHÓ BÍ THƯ")
    authority: Optional[str] = Field(None, description="T/M, TM., KT., Q., TL., TUQ. as printed (the last one)")
    on_behalf_of: Optional[str] = Field(None, description="the body after T/M or TM., e.g. ỦY BAN NHÂN DÂN")


class Metadata(_Record):
    doc_type: Optional[str] = None
    issuer: Optional[str] = None
    number: Optional[str] = None
    place: Optional[str] = None
    date: Optional[str] = None
    title: Optional[str] = Field(None, description="the subject line (trích yếu)")
    implements: list[Implemented] = Field(default_factory=list)
    signer: Optional[Signer] = None
    recipients: list[str] = Field(default_factory=list, description="the 'Nơi nhận' list")


class Section(_Record):
    id: str = Field(description="dotted path of the numbering: III, III.1, III.1.4, II.1.a")
    label: str = Field(description="the numbering, normalised: 'III.', '1.4.', 'a)'")
    level: int
    heading: str
    text: str = Field(description="the section's own text (not its subsections'); paragraphs separated by newlines")
    parent: Optional[str] = None
    page: int
    line: int


class Footnote(_Record):
    marker: str
    text: str
    page: int
    line: int
    ref_page: Optional[int] = Field(None, description="where the marker is in the body, when found")
    ref_line: Optional[int] = None


class LayoutBlock(_Record):
    """Text that is not body: letterhead, running header/footer, page number, signature, recipients."""

    role: Literal["letterhead", "header", "footer", "page-number", "signature", "recipients", "title", "other"]
    text: str
    page: int
    line: int


class Deadline(_Record):
    kind: Literal["by", "range", "recurring", "ongoing", "event", "none"]
    start: Optional[str] = None
    end: Optional[str] = None
    period: Optional[Literal["year", "half_year", "quarter", "month", "week", "day"]] = None
    text: Optional[str] = Field(None, description="the phrase as written")


class Assignment(_Record):
    task_id: str = Field(description="<section>#<n>: stable within a document")
    section: Optional[str] = None
    action: str
    body: str = Field(description="canonical body name from the gazetteer (or the cleaned raw name)")
    body_raw: str = Field(description="the body as written")
    role: Literal["lead", "support", "responsible", "requested", "report_to"]
    deadline: Deadline
    page: int
    line: int


class SourceInfo(_Record):
    path: str
    sha256: str
    kind: Literal["pdf", "image", "text"]
    pages: int


class RestoreSummary(_Record):
    mode: str
    tokens: int
    changed: int
    mean_confidence: Optional[float] = None
    low_confidence: int


class OcrDecision(_Record):
    page: int
    method: str
    reason: str
    mean_conf: Optional[float] = None
    skew_degrees: Optional[float] = None
    seconds: float = 0.0


class Quality(_Record):
    restore: Optional[RestoreSummary] = None
    ocr: list[OcrDecision] = Field(default_factory=list)


class PlanDocument(_Record):
    """The document JSON: one per input file."""

    schema_version: str = SCHEMA_VERSION
    doc_id: str = Field(description="the input file's stem")
    source: SourceInfo
    pipeline_version: str
    metadata: Metadata
    preamble: str = Field("", description="text between the title and the first section")
    sections: list[Section] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    references: list[Citation] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    layout: list[LayoutBlock] = Field(default_factory=list)
    quality: Quality = Field(default_factory=Quality)
