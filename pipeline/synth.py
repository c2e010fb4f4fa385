"""Synthetic scans: render Vietnamese text to 300-dpi page images and degrade them like a scanner.

Used by the tests and benchmarks (real Tesseract on real pixels, no mocks) and by ``make models`` to
learn how English-model OCR damages Vietnamese (the restorer's noise model).
"""
from __future__ import annotations

import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np
from PIL import Image, ImageDraw, ImageFont

A4_MM = (210, 297)
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]


@lru_cache(maxsize=None)
def find_font(bold: bool = False) -> str:
    """A Debian font with Vietnamese glyphs (Liberation Serif, like Times New Roman in offices)."""
    cands = [c.replace("Regular", "Bold") if bold else c for c in FONT_CANDIDATES]
    for path in cands:
        if Path(path).exists():
            return path
    if shutil.which("fc-match"):
        out = subprocess.run(["fc-match", "-f", "%{file}", "serif:lang=vi"], capture_output=True, text=True)
        if out.returncode == 0 and Path(out.stdout).exists():
            return out.stdout
    raise FileNotFoundError("no font with Vietnamese glyphs; run `make setup` (installs fonts-liberation2)")


def wrap(text: str, font: ImageFont.FreeTypeFont, width_px: int) -> list[str]:
    """Greedy word wrap of each paragraph (paragraphs are separated by newlines)."""
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            continue
        cur = words[0]
        for w in words[1:]:
            if font.getlength(cur + " " + w) <= width_px:
                cur += " " + w
            else:
                lines.append(cur)
                cur = w
        lines.append(cur)
    return lines


def render_pages(text: str, dpi: int = 300, pt: float = 13.0, margin_mm: float = 20.0,
                 line_spacing: float = 1.35, font_path: str | None = None) -> tuple[list[Image.Image], list[list[str]]]:
    """Render text on A4 pages. Returns the page images (mode L) and the lines on each page."""
    font = ImageFont.truetype(font_path or find_font(), size=round(pt / 72 * dpi))
    w, h = (round(mm / 25.4 * dpi) for mm in A4_MM)
    m = round(margin_mm / 25.4 * dpi)
    step = round(pt / 72 * dpi * line_spacing)
    per_page = max(1, (h - 2 * m) // step)
    lines = wrap(text, font, w - 2 * m)
    pages, page_lines = [], []
    for start in range(0, max(len(lines), 1), per_page):
        chunk = lines[start:start + per_page]
        img = Image.new("L", (w, h), 255)
        draw = ImageDraw.Draw(img)
        for i, ln in enumerate(chunk):
            draw.text((m, m + i * step), ln, font=font, fill=0)
        pages.append(img)
        page_lines.append(chunk)
    return pages, page_lines


def degrade(img: Image.Image, noise: float = 0.0, skew: float = 0.0, gradient: float = 0.0,
            speckle: float = 0.0, blur: float = 0.0, seed: int = 0) -> Image.Image:
    """Make a clean render look scanned.

    noise: std of Gaussian sensor noise (grey levels); skew: rotation in degrees; gradient: darkening
    of the background from one corner (0-1); speckle: share of pixels turned to dark dust; blur: px.
    """
    rng = np.random.default_rng(seed)
    if skew:
        img = img.rotate(skew, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if blur:
        from PIL import ImageFilter
        img = img.filter(ImageFilter.GaussianBlur(blur))
    a = np.asarray(img, dtype=np.float32)
    if gradient:
        h, w = a.shape
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        shade = 1.0 - gradient * (xx / w * 0.5 + yy / h * 0.5)
        a = a * shade
    if speckle:
        mask = rng.random(a.shape) < speckle
        a[mask] = rng.uniform(0, 120, size=int(mask.sum()))
    if noise:
        a = a + rng.normal(0.0, noise, size=a.shape).astype(np.float32)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), mode="L")


def scan_like(img: Image.Image, seed: int = 0) -> Image.Image:
    """The noisy-scan preset used by tests and the benchmark: sensor noise, dust, 1.2° skew, shading."""
    return degrade(img, noise=32.0, skew=1.2, gradient=0.35, speckle=0.001, blur=0.6, seed=seed)


def save_image_pdf(images: list[Image.Image], path: str | Path, dpi: int = 300) -> None:
    """An image-only (scanned) PDF, one image per page."""
    rgb = [im.convert("L") for im in images]
    rgb[0].save(str(path), "PDF", resolution=dpi, save_all=True, append_images=rgb[1:])


def save_text_pdf(pages: list[list[str]], path: str | Path, pt: float = 13.0,
                  header: str | None = None, font_path: str | None = None) -> None:
    """A born-digital PDF with a real text layer (fpdf2 embeds the TrueType font, Unicode text)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.add_font("Serif", "", font_path or find_font())
    pdf.set_auto_page_break(False)
    for n, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("Serif", size=pt)
        y = 57.0
        if header is not None:
            pdf.set_xy(57, 30)
            pdf.cell(0, pt, f"{header} {n}")
        for ln in lines:
            pdf.set_xy(57, y)
            pdf.cell(0, pt, ln)
            y += pt * 1.35
    pdf.output(str(path))


# ---------------------------------------------------------------------------------------------------
# A plan as offices publish it: paragraphs, and its annex tables drawn as ruled tables

# a cell that opens a row: its number ("3", "2.1"), a group's ("II", "B"), or a group's title with its numeral
_ROW_START = re.compile(r"^(?:\d{1,3}\.?|\d{1,2}(?:\.\d{1,2}){1,3}\.?|[IVX]{1,5}\.?|[A-H]\.?|[IVX]{1,5}\.\s+\S.*)$")


def annex_grid(cells: list[str]) -> Optional[tuple[list[str], list[list[str]]]]:
    """A flattened annex table (one cell per paragraph, as the corpus writes them) laid out again as a grid:
    (header, rows). A row runs from a cell that opens one to the next; a group row ("II" then its title, or "II.
    TITLE") is its numeral and its title; the cells of a row beyond the header's are its unnumbered sub-rows.
    None when the cells hold no table (no "STT" before its column names)."""
    from .segment import TABLE_HEAD

    head = next((i for i, c in enumerate(cells) if TABLE_HEAD.match(c)), None)
    if head is None:
        return None
    header = [cells[head]]
    i = head + 1
    while i < len(cells) and not _ROW_START.match(cells[i]) and len(header) < 8:
        header.append(cells[i])
        i += 1
    if len(header) < 3:
        return None
    rows: list[list[str]] = []
    while i < len(cells):
        j = i + 1
        while j < len(cells) and not _ROW_START.match(cells[j]):
            j += 1
        row = cells[i:j]
        rows.append(row[:len(header)])
        if len(row) > len(header):  # the item's unnumbered sub-rows ("task | body" under it)
            rest = row[len(header):]
            rows += [[""] + rest[k:k + len(header) - 1] for k in range(0, len(rest), len(header) - 1)]
        i = j
    return header, rows


def save_plan_pdf(text: str, path: str | Path, pt: float = 11.0, font_path: str | None = None) -> None:
    """A born-digital PDF of a plan's text (paragraphs separated by blank lines or line breaks) whose annex tables,
    flattened in the text one cell per paragraph, are drawn again as ruled tables (fpdf2): what a scanner or a
    PDF reader meets in an office's plan."""
    from fpdf import FPDF

    from .segment import ANNEX, TABLE_HEAD

    pdf = FPDF(format="A4", unit="pt")
    pdf.add_font("Serif", "", font_path or find_font())
    pdf.set_margins(57, 57)
    pdf.set_auto_page_break(True, 57)
    pdf.add_page()
    pdf.set_font("Serif", size=pt)
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    starts = [i for i, p in enumerate(paras) if ANNEX.match(p)] + [len(paras)]

    def write(ps: list[str]) -> None:
        for p in ps:  # (6 pt between paragraphs, as the official format, Decree 30/2020/NĐ-CP, asks)
            pdf.multi_cell(0, pt * 1.3, p, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)

    write(paras[:starts[0]])
    for a, b in zip(starts, starts[1:]):
        part = paras[a:b]
        laid = annex_grid(part)
        if laid is None:
            write(part)
            continue
        header, rows = laid
        head = next(i for i, c in enumerate(part) if TABLE_HEAD.match(c))
        pdf.add_page()
        write(part[:head])
        n = len(header)
        widths = [6] + [40 if k == 1 else 54 / (n - 2) for k in range(1, n)] if n > 2 else [6, 94]
        pdf.set_font("Serif", size=pt - 1)
        with pdf.table(col_widths=widths, text_align="LEFT", line_height=(pt - 1) * 1.25,
                       first_row_as_headings=False) as table:
            r = table.row()
            for c in header:
                r.cell(c)
            for row in rows:
                r = table.row()
                if len(row) == 1:
                    r.cell(row[0], colspan=n)
                elif len(row) == 2 and re.fullmatch(r"[IVX]{1,5}\.?|[A-H]\.?", row[0]):
                    r.cell(row[0])
                    r.cell(row[1], colspan=n - 1)
                else:
                    for c in row + [""] * (n - len(row)):
                        r.cell(c)
        pdf.set_font("Serif", size=pt)
    pdf.output(str(path))
