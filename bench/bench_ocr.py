"""`make bench` (OCR part): vnplan ocr against the hand-run baseline on the same noisy 300-dpi pages.

Baseline, as a person would run it: `pdftoppm -r 300` then `tesseract -l vie` for each page, one page per
core (OMP_THREAD_LIMIT=1 for both sides, which only helps the baseline). The two are run alternately in one
process, several rounds, and the median of each is compared, because these machines are noisy.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import synth  # noqa: E402
from pipeline.scoring import score  # noqa: E402


def make_pages(n_pages: int, out: Path, noise: float) -> tuple[Path, list[str]]:
    """Noisy scans of real plan text (the clean seed plan 001), as an image-only PDF."""
    text = (ROOT / "data/raw/001_243ed05166b64394.txt").read_text(encoding="utf-8").replace("**", "")
    pages, lines = synth.render_pages(text)
    while len(pages) < n_pages:
        pages, lines = pages + pages, lines + lines
    pages, lines = pages[:n_pages], lines[:n_pages]
    noisy = [synth.degrade(p, noise=noise, skew=1.2, gradient=0.35, speckle=0.001, blur=0.6, seed=i)
             for i, p in enumerate(pages)]
    pdf = out / "noisy_scans.pdf"
    synth.save_image_pdf(noisy, pdf)
    return pdf, ["\n".join(ln) for ln in lines]


def baseline(pdf: Path, n_pages: int, work: Path, jobs: int) -> list[str]:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    def one(i: int) -> str:
        prefix = work / f"b{i}"
        subprocess.run(["pdftoppm", "-r", "300", "-png", "-f", str(i), "-l", str(i), "-singlefile", str(pdf),
                        str(prefix)], check=True, env=env)
        res = subprocess.run(["tesseract", f"{prefix}.png", "-", "-l", "vie"], check=True, env=env,
                             capture_output=True, text=True)
        return res.stdout

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(one, range(1, n_pages + 1)))


def ours(pdf: Path, work: Path, jobs: int) -> str:
    out = work / "ours.txt"
    vnplan = Path(sys.executable).with_name("vnplan")
    subprocess.run([str(vnplan), "ocr", str(pdf), "-o", str(out), "--jobs", str(jobs)], check=True)
    return out.read_text(encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=int, default=2 * (os.cpu_count() or 1))
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--noise", type=float, default=32.0, help="sensor noise sigma (grey levels)")
    ap.add_argument("--json", default=None, help="default: bench/out/ocr_noise<sigma>.json")
    args = ap.parse_args()
    jobs = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pdf, refs = make_pages(args.pages, work, args.noise)
        ref = "\n".join(refs)
        t_base, t_ours = [], []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            base_text = "\n".join(baseline(pdf, args.pages, work, jobs))
            t_base.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            our_text = ours(pdf, work, jobs)
            t_ours.append(time.perf_counter() - t0)
        s_base, s_ours = score(ref, base_text), score(ref, our_text)
        from pipeline.restore import restore_text

        s_pol = score(ref, restore_text(our_text, mode="vie").text)
    b, o = statistics.median(t_base) / args.pages, statistics.median(t_ours) / args.pages
    result = {"noise_sigma": args.noise, "pages": args.pages, "cores": jobs, "rounds": args.rounds,
              "baseline_s_per_page": round(b, 3), "vnplan_s_per_page": round(o, 3), "ratio": round(o / b, 3),
              "baseline_accuracy": round(s_base.accuracy, 4), "vnplan_accuracy": round(s_ours.accuracy, 4),
              "baseline_cer": round(s_base.cer, 4), "vnplan_cer": round(s_ours.cer, 4),
              "vnplan_restored_accuracy": round(s_pol.accuracy, 4)}
    out = Path(args.json or ROOT / f"bench/out/ocr_noise{args.noise:g}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n")
    print(f"OCR on {args.pages} noisy 300-dpi pages (sigma {args.noise:g}), {jobs} cores, median of {args.rounds} alternating rounds")
    print(f"{'':28}{'s/page':>8}{'syll.acc':>10}{'CER':>8}")
    print(f"{'pdftoppm + tesseract -l vie':28}{b:8.2f}{s_base.accuracy:10.4f}{s_base.cer:8.4f}")
    print(f"{'vnplan ocr':28}{o:8.2f}{s_ours.accuracy:10.4f}{s_ours.cer:8.4f}")
    print(f"{'vnplan ocr + restore (vie)':28}{'':8}{s_pol.accuracy:10.4f}{s_pol.cer:8.4f}")
    print(f"ratio vnplan/baseline: {o / b:.3f} (goal <= 1.0)")


if __name__ == "__main__":
    main()
