"""Which preprocessing helps Tesseract on noisy scans? Accuracy and seconds of each variant, side by side.

    .venv/bin/python bench/bench_preprocess.py --noise 20
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import cv2
import pytesseract
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from pipeline import imaging, synth  # noqa: E402
from pipeline.scoring import score  # noqa: E402


def otsu(x):
    return cv2.threshold(x, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--noise", type=float, default=32.0)
    ap.add_argument("--pages", type=int, default=2)
    args = ap.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    text = (ROOT / "data/raw/001_243ed05166b64394.txt").read_text(encoding="utf-8").replace("**", "")
    pages, lines = synth.render_pages(text)
    variants = {
        "raw page": lambda g0, g: g0,
        "otsu binary (g3)": lambda g0, g: imaging.preprocess(Image.fromarray(g0), binary=True)[0],
        "flattened grey": lambda g0, g: imaging.rotate_gray(g, imaging.estimate_skew(otsu(g))),
        "flattened grey g3": lambda g0, g: imaging.preprocess(Image.fromarray(g0))[0],
        "flattened grey NL-means": lambda g0, g: cv2.fastNlMeansDenoising(g, None, h=15),
    }
    res: dict = {}
    for k in range(args.pages):
        noisy = synth.degrade(pages[k], noise=args.noise, skew=1.2, gradient=0.35, speckle=0.001, blur=0.6, seed=k)
        g0 = imaging.to_gray(noisy)
        g = imaging.flatten_background(g0)
        for name, f in variants.items():
            t = time.perf_counter()
            img = f(g0, g)
            pre = time.perf_counter() - t
            t = time.perf_counter()
            out = pytesseract.image_to_string(img if isinstance(img, Image.Image) else Image.fromarray(img), lang="vie")
            ocr = time.perf_counter() - t
            s = score("\n".join(lines[k]), out)
            r = res.setdefault(name, [0.0, 0.0, None])
            r[0], r[1], r[2] = r[0] + pre, r[1] + ocr, s if r[2] is None else r[2] + s
    print(f"noise sigma {args.noise:g}, {args.pages} pages")
    for name, (pre, ocr, s) in res.items():
        print(f"{name:26} pre {pre / args.pages:5.2f}s  ocr {ocr / args.pages:5.2f}s  acc {s.accuracy:.4f}")


if __name__ == "__main__":
    main()
