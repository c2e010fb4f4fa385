"""`make bench` (tables): what reading ruled tables cell by cell costs a scanned page, side by side in one run.

A page of the seed plan 001 (no table) and a page holding an annex table (a plan as ``synth.save_plan_pdf`` prints
it), both degraded like a noisy scan, are read by stage 1 with the table reader on and off, alternately, several
rounds (one Tesseract thread); the median seconds of each are compared.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["OMP_THREAD_LIMIT"] = "1"

from pipeline import synth  # noqa: E402
from pipeline.ocr import OcrOptions, ocr_image  # noqa: E402

ANNEX = ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ", "STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
         "Thời gian hoàn thành"] + [c for k in range(1, 9) for c in (
             str(k), f"Nhiệm vụ số {k}: tổ chức triển khai, kiểm tra và đánh giá kết quả chuyển đổi số trong doanh "
                     "nghiệp trên địa bàn tỉnh", "Sở Khoa học và Công nghệ", "Sở Công Thương; các sở, ngành liên quan",
             f"Quý {'I' * (1 + k % 3)}/2026")]


def main(rounds: int = 3) -> None:
    import pypdfium2 as pdfium

    text = (ROOT / "data/raw/001_243ed05166b64394.txt").read_text(encoding="utf-8").replace("**", "")
    plain = synth.scan_like(synth.render_pages(text)[0][0], seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "annex.pdf"
        synth.save_plan_pdf("KẾ HOẠCH\nI. MỤC ĐÍCH\nNâng cao nhận thức.\n" + "\n".join(ANNEX), path)
        pdf = pdfium.PdfDocument(str(path))
        table = synth.scan_like(pdf[len(pdf) - 1].render(scale=300 / 72, grayscale=True).to_pil().convert("L"), seed=2)
        pdf.close()
    times: dict[tuple[str, bool], list[float]] = {}
    for _ in range(rounds):
        for name, img in (("page without a table", plain), ("page with an annex table", table)):
            for tables in (False, True):
                t0 = time.perf_counter()
                page = ocr_image(img, 1, 300, OcrOptions(tables=tables), "bench")
                times.setdefault((name, tables), []).append(time.perf_counter() - t0)
                if tables and name.endswith("table"):
                    cells = sum(1 for ln in page.lines if ln.cell)
    for name in ("page without a table", "page with an annex table"):
        off, on = statistics.median(times[(name, False)]), statistics.median(times[(name, True)])
        print(f"{name:26} line by line {off:5.2f} s   cell by cell {on:5.2f} s   ratio {on / off:4.2f}")
    print(f"(the annex page: {cells} cells read; medians of {rounds} alternated rounds, one Tesseract thread)")


if __name__ == "__main__":
    main()
