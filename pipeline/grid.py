"""Ruled tables on a page (a plan's annex: STT | Nội dung | Cơ quan chủ trì | ...), read cell by cell.

Read line by line, a table runs its columns together ("1 Triển khai nền tảng ... Sở KH&CN Các sở, ban,
ngành tỉnh Thường xuyên"), and who must do what is lost. Here a table is found from its ruling lines and
given to stage 3 one cell per paragraph, in reading order (row by row, left to right), as the corpus'
flattened tables are written; stage 3 (``segment``) rebuilds its rows from that.

- born-digital PDFs: pdfplumber's own table finder (``Page.find_tables``, from the drawn lines);
- scans: the ruling lines are found with OpenCV (long horizontal and vertical strokes), each enclosed
  area is a cell. The cells are cut out and stacked one under another on a sheet of the paper's grey, which Tesseract
  reads in one run as a block of text lines (read in place, a cell's lines mix with its neighbours' and
  a lone row number is often missed); each word goes back to the cell whose band holds it. A cell read
  there with low confidence (a row number "5" read "mộ" among long cells) is read again alone. The bands
  of the page above, between and below the tables are read as text.

A table must have at least two rows and two columns; anything else (a box around a title, a signature
frame) is read as text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from .records import Word

Box = tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass
class Table:
    """A table found on a scan: its cells' boxes, before they are read."""

    bbox: Box
    rows: list[list[Box]] = field(default_factory=list)  # cells, top to bottom, left to right (merged cells once)

    def cells(self) -> list[Box]:
        return [c for row in self.rows for c in row]


@dataclass
class Cell:
    """A table's cell as read: its box, its text and the words it was read from."""

    box: Box
    text: str
    words: list[Word] = field(default_factory=list)


@dataclass
class ReadTable:
    """A table as read: its box and its rows of non-empty cells, in reading order."""

    bbox: Box
    rows: list[list[Cell]]


def _is_table(rows: list[list]) -> bool:
    return len(rows) >= 2 and max((len(r) for r in rows), default=0) >= 2


# ---------------------------------------------------------------------------------------------------
# Born-digital PDFs

def pdf_tables(page) -> list[ReadTable]:
    """The ruled tables of a pdfplumber page; a cell's wrapped lines are joined with spaces, empty and merged-away
    cells left out."""
    out = []
    for t in page.find_tables():
        rows = []
        for row in t.rows:
            cells = []
            for box in row.cells:
                if box is None:
                    continue  # the cell is merged into the one before
                words = (page.crop(box).extract_text() or "").split()
                if words:
                    cells.append(Cell(tuple(box), " ".join(words), [Word(w) for w in words]))
            if cells:
                rows.append(cells)
        if _is_table([r.cells for r in t.rows]) and rows:
            out.append(ReadTable(tuple(t.bbox), rows))
    return out


# ---------------------------------------------------------------------------------------------------
# Scans

def find_tables(gray: np.ndarray, dpi: int = 300) -> tuple[list[Table], np.ndarray]:
    """The ruled tables on a grey page image, and a mask of their ruling lines (to wipe before OCR)."""
    import cv2

    h, w = gray.shape
    ink = cv2.adaptiveThreshold(255 - gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 31, -10)
    long_h = max(20, int(dpi * 0.5))  # a ruling line runs on for at least half an inch; no letter does
    long_v = max(20, int(dpi * 0.25))
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (long_h, 1)))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, long_v)))
    # close small gaps (a faint scan, a little skew left) so that the lines meet
    horiz = cv2.dilate(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3)))
    vert = cv2.dilate(vert, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 9)))
    lines = cv2.bitwise_or(horiz, vert)
    tables: list[Table] = []
    n, labels, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    keep = np.zeros_like(lines)
    for k in range(1, n):
        x, y, bw, bh = stats[k, :4]
        if bw < w * 0.3 or bh < dpi * 0.3:
            continue  # a rule under a title, a short stroke: no table
        grid = (labels[y:y + bh, x:x + bw] == k).astype(np.uint8) * 255
        t = _cells(grid, x, y, dpi)
        if t is not None:
            tables.append(t)
            keep[y:y + bh, x:x + bw] |= grid
    tables.sort(key=lambda t: t.bbox[1])
    return tables, keep


def _cells(grid: np.ndarray, x0: int, y0: int, dpi: int) -> Optional[Table]:
    """The cells enclosed by one connected set of ruling lines."""
    import cv2

    gh, gw = grid.shape
    n, labels, stats, _ = cv2.connectedComponentsWithStats(255 - grid, connectivity=4)
    min_side = dpi * 0.06  # a cell holds at least a line of text
    boxes = []
    for k in range(1, n):
        x, y, bw, bh = stats[k, :4]
        if x == 0 or y == 0 or x + bw >= gw or y + bh >= gh:
            continue  # outside the frame
        if bw < min_side or bh < min_side:
            continue
        boxes.append((float(x + x0), float(y + y0), float(x + x0 + bw), float(y + y0 + bh)))
    if len(boxes) < 4:
        return None
    rows: list[list[Box]] = []
    for b in sorted(boxes, key=lambda b: (b[1], b[0])):
        if rows and abs(rows[-1][0][1] - b[1]) < dpi * 0.04:  # the same row: tops level
            rows[-1].append(b)
        else:
            rows.append([b])
    rows = [sorted(r, key=lambda b: b[0]) for r in rows]
    if not _is_table(rows):
        return None
    return Table(bbox=(float(x0), float(y0), float(x0 + gw), float(y0 + gh)), rows=rows)


def wipe(gray: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The page with the ruling lines painted in the paper's grey (Tesseract reads a cell's words, not its borders)."""
    import cv2

    out = gray.copy()
    out[cv2.dilate(mask, np.ones((3, 3), np.uint8)) > 0] = paper_grey(gray)
    return out


def strips_between(height: int, tables: list[Table], margin: int = 4) -> list[tuple[int, int]]:
    """The page's bands above, between and below its tables (top, bottom), read as text on their own: a page with a
    table painted out reads worse (Tesseract's threshold for the whole page moves and noisy paper turns to ink)."""
    out, top = [], 0
    for t in sorted(tables, key=lambda t: t.bbox[1]):
        y0, y1 = int(t.bbox[1]) - margin, int(t.bbox[3]) + margin
        if y0 - top > 8:
            out.append((top, y0))
        top = max(top, y1)
    if height - top > 8:
        out.append((top, height))
    return out


def paper_grey(gray: np.ndarray) -> int:
    """The page's paper: its commonest (median) grey level."""
    return int(np.median(gray[::4, ::4]))


@dataclass
class Band:
    """Where a cell was put on the stacked sheet: its rows ``top``..``bottom`` there, and the shift back to the page."""

    cell: int
    top: int
    bottom: int
    dx: int
    dy: int


def stack_cells(gray: np.ndarray, table: Table, inset: int = 4, gap: int = 80) -> tuple[np.ndarray, list[Band]]:
    """The table's cells (inside their borders) one under another on a sheet of the paper's grey, each with its band."""
    crops, bands = [], []
    y = gap
    for k, box in enumerate(table.cells()):
        crop, (a, b) = cell_image(gray, box, inset)
        if is_blank(crop):
            continue
        crops.append((crop, y))
        bands.append(Band(k, y, y + crop.shape[0], a - gap, b - y))
        y += crop.shape[0] + gap
    width = max((c.shape[1] for c, _ in crops), default=1) + 2 * gap
    sheet = np.full((y + gap, width), paper_grey(gray), dtype=np.uint8)
    for crop, top in crops:
        sheet[top:top + crop.shape[0], gap:gap + crop.shape[1]] = crop
    return sheet, bands


def cell_image(gray: np.ndarray, box: Box, inset: int = 4) -> tuple[np.ndarray, tuple[int, int]]:
    """A cell's inside (its borders left out) and where its top-left corner is on the page."""
    x0, y0, x1, y1 = box
    a, b = int(x0) + inset, int(y0) + inset
    return gray[b:max(b + 1, int(y1) - inset), a:max(a + 1, int(x1) - inset)], (a, b)


def is_blank(crop: np.ndarray) -> bool:
    """An empty cell: nothing in it darker than mid-grey."""
    return crop.size == 0 or crop.min() > 128


def band_of(bands: list[Band], y_mid: float) -> Optional[Band]:
    return next((b for b in bands if b.top - 10 <= y_mid <= b.bottom + 10), None)
