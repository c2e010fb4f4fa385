"""The whole pipeline for one input: read (stage 1), restore (2), segment (3), extract (4) -> document JSON.

Each stage is a function of the previous one's output; this module only chains them and fills the
envelope's source and quality fields. ``segment_text`` and ``extract_text`` work on text alone (the
Python API for restored or clean text).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Optional

from . import __version__
from .errors import VnplanError
from .extract import extract_assignments
from .ocr import OcrOptions, Source, ocr_sources
from .records import Document, OcrDecision, PlanDocument, Quality, RestoreSummary, Section, SourceInfo
from .segment import segment

PIPELINE_VERSION = f"vnplan {__version__}"


@dataclass
class Result:
    document: PlanDocument
    text: str  # the restored text the document was read from
    restore_report: Optional[dict] = None


def build_document(text: str, doc_id: str, source: SourceInfo, quality: Optional[Quality] = None,
                   assignments: bool = True, page_numbers: bool = True) -> PlanDocument:
    """``page_numbers``: whether the text may still hold its page numbers (stage 1 takes them out of what it read
    from PDFs and scans, and knows a table's row number from a page number; a text file keeps them)."""
    seg = segment(text, page_numbers=page_numbers)
    doc = PlanDocument(doc_id=doc_id, source=source, pipeline_version=PIPELINE_VERSION, metadata=seg.metadata,
                       preamble=seg.preamble, sections=seg.sections, references=seg.references,
                       footnotes=seg.footnotes, layout=seg.layout, quality=quality or Quality())
    if assignments:
        start = next(((ln.page, ln.line) for ln, sid in zip(seg.body_lines, seg.line_sections) if sid is None), (1, 1))
        doc.assignments = extract_assignments(seg.sections, seg.metadata.date, doc_type=seg.metadata.doc_type,
                                              preamble=Section(id="", label="", level=0, heading="", text=seg.preamble,
                                                               parent=None, page=start[0], line=start[1]),
                                              title=seg.metadata.title)
    return doc


def text_source(text: str, path: str = "-") -> SourceInfo:
    return SourceInfo(path=path, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), kind="text",
                      pages=text.count("\f") + 1)


def segment_text(text: str, doc_id: str = "text") -> PlanDocument:
    """Stage 3 alone on restored or clean text."""
    return build_document(text, doc_id, text_source(text), assignments=False)


def extract_text(text: str, doc_id: str = "text") -> PlanDocument:
    """Stages 3 and 4 on restored or clean text."""
    return build_document(text, doc_id, text_source(text))


def process_sources(sources: list[Source], mode: str = "auto", options: OcrOptions = OcrOptions(),
                    jobs: Optional[int] = None, progress=None, on_total=None,
                    assignments: bool = True) -> list[Result | VnplanError]:
    """Every stage for each input; a bad input gives its ``VnplanError`` and the others go on."""
    from .restore import load_models

    read = ocr_sources(sources, options, jobs=jobs, progress=progress, on_total=on_total)
    models = None
    out: list[Result | VnplanError] = []
    for src, doc in zip(sources, read):
        if isinstance(doc, VnplanError):
            out.append(doc)
            continue
        try:
            models = models or load_models()
            out.append(process_read(src, doc, mode, models, assignments))
        except VnplanError as err:
            out.append(err)
    return out


def process_read(src: Source, doc: Document, mode: str = "auto", models=None, assignments: bool = True) -> Result:
    """Stages 2-4 on what stage 1 read from one input."""
    from .restore import restore_text

    # pages joined by form feeds so that every line keeps its page and line number
    pages = [_page_text(doc, p.number) for p in doc.pages]
    raw = "\f".join(t for t, _ in pages)
    scanned = all(p.method == "ocr" for p in doc.pages)
    restored = restore_text(raw, mode="vie" if mode == "auto" and scanned else mode, models=models, path=src.path)
    rep = restored.report()
    quality = Quality(
        restore=RestoreSummary(mode=rep["mode"], tokens=rep["tokens"], changed=rep["changed"],
                               mean_confidence=rep["mean_confidence"], low_confidence=rep["low_confidence"]),
        ocr=[OcrDecision(**d) for d in doc.ocr_decisions()])
    source = SourceInfo(path=src.path, sha256=doc.sha256, kind=doc.kind, pages=len(doc.pages))
    document = build_document(restored.text, src.stem, source, quality, assignments,
                              page_numbers=any(p.method == "text" for p in doc.pages))
    remap_lines(document, {(pno, i + 1): (pno, orig) for pno, (_, m) in enumerate(pages, start=1)
                           for i, orig in enumerate(m) if orig})
    return Result(document, restored.text, {"input": src.path, **rep})


def _page_text(doc, page: int) -> tuple[str, list[int]]:
    """A page's body lines with a blank line between paragraphs, and each text line's source line number
    (0 for the blank ones)."""
    out: list[str] = []
    origin: list[int] = []
    prev = None
    for ln in doc.lines:
        if ln.page != page or ln.role != "body":
            continue
        if prev is not None and ln.block != prev.block:
            out.append("")
            origin.append(0)
        out.append(ln.text)
        origin.append(ln.line)
        prev = ln
    return "\n".join(out), origin


def remap_lines(doc: PlanDocument, mapping: dict[tuple[int, int], tuple[int, int]]) -> None:
    """Give every record the page and line of the source (OCR line or input file line)."""
    def fix(rec, page_attr: str = "page", line_attr: str = "line") -> None:
        p, ln = getattr(rec, page_attr), getattr(rec, line_attr)
        if p is not None and ln is not None and (p, ln) in mapping:
            setattr(rec, page_attr, mapping[(p, ln)][0])
            setattr(rec, line_attr, mapping[(p, ln)][1])

    for rec in [*doc.sections, *doc.references, *doc.footnotes, *doc.layout, *doc.assignments]:
        fix(rec)
    for fn in doc.footnotes:
        fix(fn, "ref_page", "ref_line")

