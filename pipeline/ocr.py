"""Stage 1: scans, PDFs and text files -> ``Document`` with lines and their provenance.

Each PDF page is decided on its own: a usable text layer is read with pdfplumber; a page without one is
rasterised at 300 dpi, cleaned (``imaging.preprocess``) and read by Tesseract's ``vie`` model, keeping
per-word confidences and positions. Pages run in a process pool and merge in page order; the executor is
any ``concurrent.futures.Executor`` so a cluster engine can replace the local pool.
"""
from __future__ import annotations

import hashlib
import io
import math
import os
import re
import shutil
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Optional

from .errors import (CorruptInput, EmptyInput, EncryptedInput, InputNotFound, MissingDependency,
                     NoTextFound, PageTooLarge, UnsupportedFormat, VnplanError)
from . import grid
from .inputs import Source, load_text  # noqa: F401 - re-exported: the inputs stage 1 reads
from .records import Document, Line, Page, Word

KINDS = {".pdf": "pdf", ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image",
         ".tiff": "image", ".txt": "text"}
MAGIC = [(b"%PDF", "pdf"), (b"\x89PNG", "image"), (b"\xff\xd8\xff", "image"), (b"II*\x00", "image"),
         (b"MM\x00*", "image")]


@dataclass(frozen=True)
class OcrOptions:
    lang: str = "vie"
    dpi: int = 300
    force_ocr: bool = False  # ignore text layers (e.g. a scan carrying an old English-model OCR layer)
    preprocess: bool = True
    max_pixels: int = 150_000_000  # a page larger than this (at ``dpi``) is refused, not read
    min_text_chars: int = 20  # a text layer with fewer letters than this is not "usable"
    tables: bool = True  # read ruled tables cell by cell (``grid``)


@dataclass(frozen=True)
class PageTask:
    """One unit of work for a worker process: picklable, self-contained."""

    path: str
    kind: str
    index: int  # 0-based page (PDF) or frame (TIFF)
    options: OcrOptions
    data: Optional[bytes] = None  # stdin input, when there is no path


# ---------------------------------------------------------------------------------------------------
# Inspecting inputs (in the parent: cheap, and every bad input is caught before any work is queued)

def sniff_kind(head: bytes) -> str:
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    return "text"


def inspect_input(path: str, data: Optional[bytes] = None, options: OcrOptions = OcrOptions()) -> tuple[str, int]:
    """Return ``(kind, number_of_pages)`` or raise the ``VnplanError`` that explains what is wrong."""
    if data is None:
        p = Path(path)
        if not p.exists():
            raise InputNotFound(path, "no such file")
        if p.is_dir():
            raise UnsupportedFormat(path, "is a folder", "give the files inside it")
        kind = KINDS.get(p.suffix.lower())
        if kind is None:
            raise UnsupportedFormat(path, f"unsupported file type '{p.suffix or '(none)'}'")
        if p.stat().st_size == 0:
            raise EmptyInput(path, "the file is empty (0 bytes)")
        with open(p, "rb") as fh:
            head = fh.read(8)
    else:
        if not data:
            raise EmptyInput(path, "the input is empty (0 bytes)")
        head = data[:8]
        kind = sniff_kind(head)
    if kind == "pdf":
        if not head.startswith(b"%PDF"):
            raise CorruptInput(path, "not a PDF (no %PDF header)")
        return kind, _pdf_page_count(path, data, options)
    if kind == "image":
        return kind, _image_frame_count(path, data, options)
    return kind, 1


def _pdf_page_count(path: str, data: Optional[bytes], options: OcrOptions) -> int:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data if data is not None else path)
    except pdfium.PdfiumError:
        # PDFium's error code is process-global and can be stale: look for the encryption dictionary
        raw = data if data is not None else Path(path).read_bytes()
        if b"/Encrypt" in raw:
            raise EncryptedInput(path, "the PDF is encrypted with a password") from None
        if _pdfminer_page_count(path, data) == 0:  # PDFium refuses well-formed PDFs with no pages
            raise EmptyInput(path, "the PDF has no pages") from None
        raise CorruptInput(path, "the PDF cannot be opened (damaged structure)") from None
    try:
        n = len(pdf)
        if n == 0:
            raise EmptyInput(path, "the PDF has no pages")
        for i in range(n):
            w, h = pdf.get_page_size(i)
            px = (w / 72 * options.dpi) * (h / 72 * options.dpi)
            if px > options.max_pixels:
                raise PageTooLarge(path, f"page {i + 1} is {w / 72 * 25.4:.0f} x {h / 72 * 25.4:.0f} mm, "
                                         f"{px / 1e6:.0f} Mpx at {options.dpi} dpi")
        return n
    finally:
        pdf.close()


def _pdfminer_page_count(path: str, data: Optional[bytes]) -> Optional[int]:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data) if data is not None else path) as pdf:
            return len(pdf.pages)
    except Exception:  # noqa: BLE001 - any parser failure means "cannot tell"
        return None


def _open_image(path: str, data: Optional[bytes]):
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = None  # we check the size ourselves, with a message that says what to do
    try:
        return Image.open(io.BytesIO(data) if data is not None else path)
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise CorruptInput(path, f"the image cannot be read ({exc.__class__.__name__})") from None


def _image_frame_count(path: str, data: Optional[bytes], options: OcrOptions) -> int:
    img = _open_image(path, data)
    with img:
        n = getattr(img, "n_frames", 1)
        for i in range(n):
            img.seek(i)
            w, h = img.size
            if w * h > options.max_pixels:
                raise PageTooLarge(path, f"frame {i + 1} is {w} x {h} px ({w * h / 1e6:.0f} Mpx)")
        try:
            img.seek(0)
            img.load()
        except (OSError, SyntaxError, ValueError) as exc:
            raise CorruptInput(path, f"the image data is damaged ({exc})") from None
    return n


# ---------------------------------------------------------------------------------------------------
# Reading one page (in a worker)

def read_page(task: PageTask) -> Page:
    os.environ["OMP_THREAD_LIMIT"] = "1"  # one Tesseract thread per process: the pool gives the parallelism
    t0 = time.perf_counter()
    if task.kind == "pdf":
        page = _read_pdf_page(task)
    elif task.kind == "image":
        img = _open_image(task.path, task.data)
        with img:
            img.seek(task.index)
            frame = img.convert("RGB") if img.mode not in ("L", "RGB") else img.copy()
            dpi = img.info.get("dpi", (task.options.dpi, task.options.dpi))[0] or task.options.dpi
        page = ocr_image(frame, task.index + 1, int(round(float(dpi))), task.options, "image input")
    else:
        raise ValueError(f"read_page: unexpected kind {task.kind}")
    page.seconds = time.perf_counter() - t0
    return page


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _read_pdf_page(task: PageTask) -> Page:
    import pdfplumber
    import pypdfium2 as pdfium

    opts = task.options
    src = io.BytesIO(task.data) if task.data is not None else task.path
    reason = "forced OCR (--force-ocr)"
    if not opts.force_ocr:
        with pdfplumber.open(src, pages=[task.index + 1]) as pdf:
            pp = pdf.pages[0]
            raw_lines = pp.extract_text_lines(layout=False, strip=True, return_chars=False)
            text = "\n".join(ln["text"] for ln in raw_lines)
            n_letters = _letters(text)
            n_cid = text.count("(cid:")
            if n_letters >= opts.min_text_chars and n_cid * 25 < n_letters:  # under 1 unmapped glyph in 25
                tables = grid.pdf_tables(pp) if opts.tables else []
                if tables:  # the tables are read cell by cell; the text around them line by line
                    boxes = [t.bbox for t in tables]
                    raw_lines = pp.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes)) \
                        .extract_text_lines(layout=False, strip=True, return_chars=False)
                lines = _with_tables(_text_layer_lines(raw_lines, task.index + 1), tables, task.index + 1)
                return Page(number=task.index + 1, method="text-layer",
                            reason=f"text layer with {n_letters} letters", lines=lines,
                            width=float(pp.width), height=float(pp.height))
            if n_letters == 0:
                reason = "no text layer"
            elif n_cid:
                reason = f"text layer unusable ({n_cid} unmapped glyphs)"
            else:
                reason = f"text layer too short ({n_letters} letters)"
    pdf = pdfium.PdfDocument(task.data if task.data is not None else task.path)
    try:
        bitmap = pdf[task.index].render(scale=opts.dpi / 72, grayscale=True)
        img = bitmap.to_pil()
    finally:
        pdf.close()
    return ocr_image(img, task.index + 1, opts.dpi, opts, reason)


def _text_layer_lines(raw_lines: list[dict], page_no: int) -> list[Line]:
    """A text layer's lines; a new paragraph (block) where the space above a line is wider than the space between
    the lines of a paragraph (the official format puts 6 pt or more between paragraphs)."""
    heights = sorted(ln["bottom"] - ln["top"] for ln in raw_lines) or [10.0]
    median_h = heights[len(heights) // 2]
    gaps = sorted(b["top"] - a["bottom"] for a, b in zip(raw_lines, raw_lines[1:]) if b["top"] > a["bottom"])
    line_gap = gaps[len(gaps) // 2] if gaps else 0.0
    para_gap = min(0.9 * median_h, line_gap + max(3.0, 0.35 * median_h))
    lines: list[Line] = []
    block, prev_bottom = 0, None
    for i, ln in enumerate(raw_lines, start=1):
        if prev_bottom is not None and ln["top"] - prev_bottom > para_gap:
            block += 1
        prev_bottom = ln["bottom"]
        text = unicodedata.normalize("NFC", ln["text"])
        lines.append(Line(text=text, page=page_no, line=i, block=block,
                          words=[Word(w) for w in text.split()],
                          bbox=(round(ln["x0"], 2), round(ln["top"], 2), round(ln["x1"], 2), round(ln["bottom"], 2))))
    return lines


def _inside(obj: dict, boxes: list) -> bool:
    """Whether a pdfplumber object's centre lies in one of the boxes (x0, top, x1, bottom)."""
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in boxes)


def _with_tables(lines: list[Line], tables: list[grid.ReadTable], page_no: int) -> list[Line]:
    """The page's text lines and its tables' cells in reading order: each table where its top is, its cells row by
    row, one paragraph (block) each, as the corpus' flattened tables are written."""
    if not tables:
        return lines
    units: list[tuple[tuple, list[Line]]] = []  # (sort key, the lines of one paragraph or one cell)
    for ln in lines:
        if units and units[-1][1][-1].block == ln.block:
            units[-1][1].append(ln)
        else:
            units.append(((ln.bbox[1] if ln.bbox else 0.0, 0, len(units)), [ln]))
    for t, table in enumerate(tables):
        cells = [(r, c, cell) for r, row in enumerate(table.rows) for c, cell in enumerate(row)]
        for k, (r, c, cell) in enumerate(cells):
            units.append(((table.bbox[1], 1 + t, k), [Line(text=cell.text, page=page_no, line=0, words=cell.words,
                                                           bbox=tuple(round(v, 2) for v in cell.box),
                                                           cell=(t + 1, r + 1, c + 1))]))
    units.sort(key=lambda u: u[0])
    out: list[Line] = []
    for block, (_, group) in enumerate(units):
        for ln in group:
            out.append(replace(ln, block=block, line=len(out) + 1))
    return out


LOOKALIKE_MARKS = str.maketrans({"\u2044": "/", "\u2215": "/"})  # fraction and division slashes Tesseract reads in dates
CELL_REREAD_CONF = 75.0  # a table cell read with a lower mean confidence among the others is read again alone


def _tesseract_words(img, lang: str, dpi: int, config: str = ""):
    """Tesseract's words on an image, each with its (block, paragraph, line) key."""
    import pytesseract

    data = pytesseract.image_to_data(img, lang=lang, config=f"--dpi {dpi} {config}".strip(),
                                     output_type=pytesseract.Output.DICT)
    for i, level in enumerate(data["level"]):
        text = data["text"][i].strip()
        if level != 5 or not text:
            continue
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        text = unicodedata.normalize("NFC", text).translate(LOOKALIKE_MARKS)
        yield (Word(text, round(float(data["conf"][i]), 2), (x, y, x + w, y + h)),
               (data["block_num"][i], data["par_num"][i], data["line_num"][i]))


def tesseract_available(lang: str = "vie") -> None:
    if shutil.which("tesseract") is None:
        raise MissingDependency(None, "Tesseract is not installed")
    import pytesseract

    try:
        langs = set(pytesseract.get_languages(config=""))
    except Exception:  # noqa: BLE001 - any failure here means the install is broken
        raise MissingDependency(None, "Tesseract does not run") from None
    missing = [part for part in lang.split("+") if part not in langs]
    if missing:
        raise MissingDependency(None, f"Tesseract has no '{'+'.join(missing)}' model (tesseract-ocr-{missing[0]})")


def _shifted(word: Word, dx: float, dy: float) -> Word:
    """A word read on a cut-out, placed back on the page."""
    x0, y0, x1, y1 = word.bbox
    return replace(word, bbox=(x0 + dx, y0 + dy, x1 + dx, y1 + dy)) if dx or dy else word


def _mean_conf(words: list[Word]) -> float:
    return sum(w.conf for w in words) / len(words) if words else 0.0


def _read_tables(wiped, tables: list[grid.Table], lang: str, dpi: int) -> list[grid.ReadTable]:
    """Each table's cells, read on one stacked sheet (``grid.stack_cells``); a cell read there with low confidence
    is read again alone, and keeps the better reading. Words keep Tesseract's reading order (line by line)."""
    from PIL import Image

    out = []
    for tb in tables:
        sheet, bands = grid.stack_cells(wiped, tb)
        words: dict[int, list[Word]] = {}
        for word, _ in _tesseract_words(Image.fromarray(sheet, mode="L"), lang, dpi, "--psm 6"):
            band = grid.band_of(bands, (word.bbox[1] + word.bbox[3]) / 2)
            if band is not None:
                words.setdefault(band.cell, []).append(_shifted(word, band.dx, band.dy))
        for k, box in enumerate(tb.cells()):
            if words.get(k) and _mean_conf(words[k]) >= CELL_REREAD_CONF:
                continue
            crop, (dx, dy) = grid.cell_image(wiped, box)
            if grid.is_blank(crop):
                continue
            alone = [_shifted(w, dx, dy) for w, _ in _tesseract_words(Image.fromarray(crop, mode="L"), lang, dpi, "--psm 6")]
            if alone and _mean_conf(alone) > _mean_conf(words.get(k, [])):
                words[k] = alone
        rows, k = [], 0
        for row in tb.rows:
            cells = []
            for box in row:
                if words.get(k):
                    cells.append(grid.Cell(box, " ".join(w.text for w in words[k]), words[k]))
                k += 1
            if cells:
                rows.append(cells)
        out.append(grid.ReadTable(tb.bbox, rows))
    return out


def ocr_image(img, page_no: int, dpi: int, opts: OcrOptions, reason: str) -> Page:
    """Tesseract on one page image; lines with per-word confidences and boxes. A ruled table's cells are read
    apart (``grid``) and come in reading order where the table is, one paragraph each."""
    from . import imaging

    skew = None
    if opts.preprocess:
        img, skew = imaging.preprocess(img, dpi=dpi)
    tables: list[grid.Table] = []
    read: list[grid.ReadTable] = []
    if opts.tables:
        gray = imaging.to_gray(img)
        tables, rules = grid.find_tables(gray, dpi)
        if tables:
            read = _read_tables(grid.wipe(gray, rules), tables, opts.lang, dpi)
    groups: dict[tuple, list[Word]] = {}
    # the page's text: around its tables, the bands between them (``grid.strips_between``)
    strips = grid.strips_between(img.height, tables) if tables else [(0, img.height)]
    for s, (top, bottom) in enumerate(strips):
        part = img.crop((0, top, img.width, bottom)) if tables else img
        for word, key in _tesseract_words(part, opts.lang, dpi):
            groups.setdefault((s, *key), []).append(_shifted(word, 0, top))
    lines: list[Line] = []
    para_ids: dict[tuple, int] = {}
    for n, (key, words) in enumerate(groups.items(), start=1):
        block = para_ids.setdefault(key[:3], len(para_ids))
        box = (min(w.bbox[0] for w in words), min(w.bbox[1] for w in words),
               max(w.bbox[2] for w in words), max(w.bbox[3] for w in words))
        lines.append(Line(text=" ".join(w.text for w in words), page=page_no, line=n, block=block,
                          words=words, bbox=box))
    lines = _with_tables(lines, read, page_no)
    return Page(number=page_no, method="ocr", reason=reason, lines=lines, width=img.width,
                height=img.height, dpi=dpi, skew_degrees=skew)


def read_text(path: str, data: Optional[bytes] = None) -> list[Page]:
    """A .txt input passes through; form feeds separate pages."""
    text = load_text(path, data)
    pages = []
    for pno, chunk in enumerate(text.split("\f"), start=1):
        lines, block = [], 0
        for lno, ln in enumerate(chunk.split("\n"), start=1):
            if not ln.strip():
                block += 1
                continue
            lines.append(Line(text=ln.rstrip(), page=pno, line=lno, block=block,
                              words=[Word(w) for w in ln.split()]))
        pages.append(Page(number=pno, method="text", reason="text input", lines=lines))
    return pages


# ---------------------------------------------------------------------------------------------------
# Clean-up over the whole document: running headers/footers, page numbers, line-end hyphens

PAGE_NUMBER = re.compile(r"^[\s\-–—]*(trang\s*)?\d{1,4}(\s*/\s*\d{1,4})?[\s\-–—]*$", re.IGNORECASE)


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def clean_lines(pages: list[Page], edge: int = 2) -> list[Line]:
    """Mark running headers/footers and page numbers, join line-end hyphenation; keep provenance."""
    n_pages = len(pages)
    top: Counter[str] = Counter()
    bottom: Counter[str] = Counter()
    for p in pages:
        top.update({_shape(ln.text) for ln in p.lines[:edge]})
        bottom.update({_shape(ln.text) for ln in p.lines[-edge:]})
    need = max(2, math.ceil(0.5 * n_pages))
    out: list[Line] = []
    for p in pages:
        k = len(p.lines)
        for i, ln in enumerate(p.lines):
            ln = replace(ln)
            shape = _shape(ln.text)
            at_top, at_bottom = i < edge, i >= k - edge
            if ln.cell:  # a table's cell ("1", the row's number) is no page number, header or footer
                out.append(ln)
                continue
            if (at_top or at_bottom) and PAGE_NUMBER.match(ln.text) and p.method != "text":
                ln.role = "page-number"
            elif n_pages >= 2 and at_top and top[shape] >= need and len(shape) > 2:
                ln.role = "header"
            elif n_pages >= 2 and at_bottom and bottom[shape] >= need and len(shape) > 2:
                ln.role = "footer"
            out.append(ln)
    _join_hyphens(out)
    return out


HYPHEN_END = re.compile(r"(?<=[\w/.])-$")


def _join_hyphens(lines: list[Line]) -> None:
    """``... số 41-`` + ``CT/TW, bảo đảm ...`` -> ``... số 41-CT/TW,`` + ``bảo đảm ...``.

    Vietnamese syllables are not split across lines, so a hyphen at a line end is part of a code or a
    compound ("kinh tế-xã hội"): the hyphen stays and the first token of the next line moves up.
    """
    body = [ln for ln in lines if ln.role == "body"]
    for cur, nxt in zip(body, body[1:]):
        if not HYPHEN_END.search(cur.text) or not nxt.text[:1].isalnum() or nxt.cell and nxt.cell != cur.cell:
            continue
        first, _, rest = nxt.text.partition(" ")
        cur.text += first
        nxt.text = rest
        if cur.words and nxt.words:
            cur.words = cur.words[:-1] + [replace(cur.words[-1], text=cur.words[-1].text + nxt.words[0].text)]
            nxt.words = nxt.words[1:]
    lines[:] = [ln for ln in lines if ln.text.strip()]


# ---------------------------------------------------------------------------------------------------
# Running documents and batches

class SerialExecutor:
    """A ``concurrent.futures``-style executor that runs tasks in this process (``--jobs 1``)."""

    def submit(self, fn, *args, **kwargs):
        from concurrent.futures import Future

        fut: Future = Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - delivered through the future like a real pool
            fut.set_exception(exc)
        return fut

    def shutdown(self, wait: bool = True) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.shutdown()


def make_executor(jobs: Optional[int] = None):
    """The local default: a process pool with one worker per core (``jobs``), or in-process for 1."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1:
        return SerialExecutor()
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs)


def _sha256(src: Source) -> str:
    h = hashlib.sha256()
    if src.data is not None:
        h.update(src.data)
    else:
        with open(src.path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


def ocr_sources(sources: Iterable[Source], options: OcrOptions = OcrOptions(), executor=None,
                jobs: Optional[int] = None,
                progress: Optional[Callable[[int], None]] = None,
                on_total: Optional[Callable[[int], None]] = None) -> list[Document | VnplanError]:
    """Read many inputs; pages of all of them share one pool. Returns, in input order, a ``Document``
    or the ``VnplanError`` that stopped that input (the others go on)."""
    sources = list(sources)
    results: list[Document | VnplanError | None] = [None] * len(sources)
    plans: dict[int, tuple[str, int]] = {}
    for i, src in enumerate(sources):
        try:
            plans[i] = inspect_input(src.path, src.data, options)
        except VnplanError as err:
            results[i] = err
    if any(kind != "text" for kind, _ in plans.values()):
        try:
            tesseract_available(options.lang)
        except MissingDependency as err:
            for i, (kind, _) in list(plans.items()):
                if kind != "text":
                    results[i] = err
                    del plans[i]
    tasks: list[tuple[int, PageTask]] = []
    for i, (kind, n) in plans.items():
        if kind == "text":
            continue
        tasks += [(i, PageTask(sources[i].path, kind, k, options, sources[i].data)) for k in range(n)]
    if on_total:
        on_total(len(tasks) + sum(1 for k, _ in plans.values() if k == "text"))
    pages: dict[int, dict[int, Page]] = {i: {} for i in plans}
    failed: dict[int, VnplanError] = {}
    own = executor is None and tasks
    executor = executor or (make_executor(jobs) if tasks else None)
    try:
        futures = [(i, t, executor.submit(read_page, t)) for i, t in tasks]
        for i, t, fut in futures:
            try:
                pages[i][t.index] = fut.result()
            except VnplanError as err:
                failed.setdefault(i, err)
            except Exception as exc:  # noqa: BLE001 - a library failing on one damaged page
                failed.setdefault(i, CorruptInput(sources[i].path, f"page {t.index + 1} cannot be read ({exc})"))
            if progress:
                progress(1)
    finally:
        if own:
            executor.shutdown()
    for i, (kind, n) in plans.items():
        src = sources[i]
        if i in failed:
            results[i] = failed[i]
            continue
        try:
            if kind == "text":
                doc_pages = read_text(src.path, src.data)
                if progress:
                    progress(1)
            else:
                doc_pages = [pages[i][k] for k in range(n)]
            doc = Document(doc_id=src.stem, path=src.path, sha256=_sha256(src), kind=kind,
                           pages=doc_pages, lines=clean_lines(doc_pages))
            if kind != "text" and not any(_letters(ln.text) for ln in doc.body_lines):
                raise NoTextFound(src.path, "no text found on any page")
            results[i] = doc
        except VnplanError as err:
            results[i] = err
    return results  # type: ignore[return-value]


def ocr_file(path: str, options: OcrOptions = OcrOptions(), executor=None, jobs: Optional[int] = None) -> Document:
    """Python API for one input: the ``Document``, or raises the ``VnplanError`` for a bad input."""
    (result,) = ocr_sources([Source(path)], options, executor=executor, jobs=jobs)
    if isinstance(result, VnplanError):
        raise result
    return result
