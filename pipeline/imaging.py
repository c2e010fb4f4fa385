"""Clean up scanned page images before Tesseract: faster and more accurate on real scans.

Each step is measured by ``bench/bench_preprocess.py``; only steps that helped are on by default.
Steps: background flattening (uneven lighting, shading), a light Gaussian on noisy pages (sensor noise),
deskew (measured on an Otsu binary with dust removed). Tesseract then thresholds the grey page itself.
"""
from __future__ import annotations

import cv2
import numpy as np
from PIL import Image


def to_gray(img: Image.Image) -> np.ndarray:
    if img.mode not in ("L", "RGB"):
        img = img.convert("RGB")
    a = np.asarray(img)
    if a.ndim == 3:
        a = cv2.cvtColor(a, cv2.COLOR_RGB2GRAY)
    return np.ascontiguousarray(a, dtype=np.uint8)


def flatten_background(gray: np.ndarray) -> np.ndarray:
    """Divide by a smooth estimate of the paper (max filter at low resolution removes the text)."""
    h, w = gray.shape
    small = cv2.resize(gray, (max(1, w // 8), max(1, h // 8)), interpolation=cv2.INTER_AREA)
    bg = cv2.dilate(small, np.ones((7, 7), np.uint8))
    bg = cv2.medianBlur(bg, 5)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)
    out = cv2.divide(gray, np.maximum(bg, 1), scale=255)
    return out


def noise_level(gray: np.ndarray) -> float:
    """Robust estimate of the sensor-noise sigma (MAD of the Laplacian on a central crop)."""
    h, w = gray.shape
    crop = gray[h // 4: 3 * h // 4, w // 4: 3 * w // 4]
    lap = cv2.Laplacian(crop.astype(np.float32), cv2.CV_32F)
    return float(np.median(np.abs(lap - np.median(lap))) * 1.4826 / np.sqrt(20))


def remove_speckles(bw: np.ndarray, dpi: int = 300) -> np.ndarray:
    """Drop isolated dark components far smaller than a diacritic dot."""
    inv = 255 - bw
    n, labels, stats, _ = cv2.connectedComponentsWithStats(inv, connectivity=8)
    max_area = max(2, round(4 * (dpi / 300) ** 2))
    small = np.where(stats[:, cv2.CC_STAT_AREA] <= max_area)[0]
    small = small[small != 0]
    if len(small):
        mask = np.isin(labels, small)
        bw = bw.copy()
        bw[mask] = 255
    return bw


def estimate_skew(bw: np.ndarray, max_deg: float = 5.0, step: float = 0.1) -> float:
    """Angle (degrees) that makes text lines horizontal: maximise the row-profile variance."""
    h, w = bw.shape
    scale = 1000 / max(h, w)
    small = cv2.resize(255 - bw, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
    center = (small.shape[1] / 2, small.shape[0] / 2)

    def score(angle: float) -> float:
        m = cv2.getRotationMatrix2D(center, angle, 1.0)
        rot = cv2.warpAffine(small, m, (small.shape[1], small.shape[0]), flags=cv2.INTER_NEAREST)
        prof = rot.sum(axis=1, dtype=np.float64)
        return float(np.var(prof))

    coarse = np.arange(-max_deg, max_deg + 1e-9, 0.5)
    best = max(coarse, key=score)
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, step)
    return float(max(fine, key=score))


def rotate(bw: np.ndarray, angle: float) -> np.ndarray:
    h, w = bw.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(bw, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=255)


def rotate_gray(gray: np.ndarray, angle: float) -> np.ndarray:
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def preprocess(img: Image.Image, dpi: int = 300, deskew: bool = True, flatten: bool = True,
               binary: bool = False) -> tuple[Image.Image, float]:
    """Scanned page -> clean page for Tesseract. Returns the image and the skew corrected (degrees).

    Measured on noisy 300-dpi renders of plans (``bench/bench_preprocess.py``): flattening + a 3x3
    Gaussian, left in grey for Tesseract's own thresholding, read best (0.994-0.995 syllable accuracy
    against 0.985 for our own Otsu binarisation and 0.97-0.99 for the raw page); non-local-means
    denoising took 15 s a page for no gain, so it is not used.
    """
    gray = to_gray(img)
    if flatten:
        gray = flatten_background(gray)
    if noise_level(gray) > 4.0:
        gray = cv2.GaussianBlur(gray, (3, 3), 0)
    bw = None
    if binary or deskew:
        _, bw = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        bw = remove_speckles(bw, dpi)
    angle = 0.0
    if deskew:
        angle = estimate_skew(bw)
        if abs(angle) < 0.15:
            angle = 0.0
    out = bw if binary else gray
    if angle:
        out = rotate(out, angle) if binary else rotate_gray(out, angle)
    return Image.fromarray(out, mode="L"), angle
