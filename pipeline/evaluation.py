"""``make eval-restore``: development sets from held-out corpus documents, and the restorer scored on them.

The held-out documents (``corpus.is_heldout``; never trained on) are split in two by id: ``dev`` for
tuning the decoding weights and ``test`` for the figures we report. Three sets per split:
  plain   the text with every mark stripped (typed without marks);
  legacy  pages rendered and read by Tesseract's English model (as the seeds' legacy OCR);
  vie     noisy 300-dpi scans read by ``vnplan ocr`` (Tesseract vie, our preprocessing).
Built sets are cached under ``build/devsets/``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import corpus, noise, synth
from .scoring import score
from .vietnamese import strip_marks

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "devsets"


def split_of(doc_id: str) -> str:
    return "dev" if int(hashlib.md5(doc_id.encode()).hexdigest()[:4], 16) % 2 == 0 else "test"


def _ocr_job(job: tuple[str, int, str]) -> tuple[str, str]:
    """Render one page of text and OCR it: ('eng', raw) or ('vie', noisy scan + our pipeline)."""
    import pytesseract

    from .ocr import OcrOptions, ocr_image

    text, seed, kind = job
    os.environ["OMP_THREAD_LIMIT"] = "1"
    pages, lines = synth.render_pages(text, pt=13)
    ref = "\n".join(lines[0])
    if kind == "eng":
        return ref, pytesseract.image_to_string(pages[0], lang="eng")
    page = ocr_image(synth.scan_like(pages[0], seed=seed), 1, 300, OcrOptions(), "eval")
    return ref, "\n".join(ln.text for ln in page.lines)


def build_sets(split: str, pages: int, src: Path = corpus.DEFAULT_CORPUS) -> dict:
    path = CACHE / f"{split}_{pages}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    docs = [d for d in corpus.heldout_documents(src) if split_of(d.doc_id) == split]
    chunks = noise.page_texts([d.text for d in docs], 10 ** 6, seed=11, words_per_page=300)
    rng = random.Random(5)
    rng.shuffle(chunks)
    plain_ref = "\n".join(chunks[: 4 * pages])
    jobs = [(t, i, "eng") for i, t in enumerate(chunks[:pages])] + \
           [(t, i, "vie") for i, t in enumerate(chunks[pages: 2 * pages])]
    with ProcessPoolExecutor() as pool:
        out = list(pool.map(_ocr_job, jobs))
    sets = {
        "plain": {"ref": plain_ref, "input": strip_marks(plain_ref)},
        "legacy": {"ref": "\n".join(r for r, _ in out[:pages]), "input": "\n".join(h for _, h in out[:pages])},
        "vie": {"ref": "\n".join(r for r, _ in out[pages:]), "input": "\n".join(h for _, h in out[pages:])},
        "docs": [d.doc_id for d in docs],
    }
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(sets, ensure_ascii=False), encoding="utf-8")
    return sets


def pyvi_restore(text: str) -> str:
    """pyvi's ViUtils.add_accents line by line (it crashes on some lines: those stay as they are)."""
    from pyvi import ViUtils

    out = []
    for line in text.split("\n"):
        try:
            out.append(ViUtils.add_accents(strip_marks(line)) if line.strip() else line)
        except Exception:  # noqa: BLE001 - pyvi's own failures
            out.append(strip_marks(line))
    return "\n".join(out)


def fixed_and_damaged(ref: str, given: str, restored: str) -> tuple[int, int]:
    """Syllables the restorer made right (wrong in ``given``) and made wrong (right in ``given``), when
    both texts have the same syllables in number (the restorer changes syllables, it does not split them)."""
    from rapidfuzz.distance import Levenshtein

    from .scoring import syllables

    r, g, o = syllables(ref), syllables(given), syllables(restored)
    if len(g) != len(o):
        return -1, -1

    def right(hyp: list[str]) -> list[bool]:
        ok = [False] * len(hyp)
        for op in Levenshtein.opcodes(r, hyp):
            if op.tag == "equal":
                ok[op.dest_start:op.dest_end] = [True] * (op.dest_end - op.dest_start)
        return ok

    before, after = right(g), right(o)
    return (sum(1 for a, b in zip(before, after) if b and not a),
            sum(1 for a, b in zip(before, after) if a and not b))


def evaluate(split: str, pages: int, with_pyvi: bool = True) -> dict:
    from .restore import load_models, restore_text

    sets = build_sets(split, pages)
    t0 = time.perf_counter()
    models = load_models()
    load_s = time.perf_counter() - t0
    results = {"split": split, "documents": len(sets["docs"]), "load_seconds": round(load_s, 2)}
    for name in ("plain", "legacy", "vie"):
        ref, inp = sets[name]["ref"], sets[name]["input"]
        t = time.perf_counter()
        res = restore_text(inp, models=models)
        dt = time.perf_counter() - t
        row = {"syllables": score(ref, ref).n_ref, "input": score(ref, inp).accuracy,
               "vnplan": score(ref, res.text).accuracy, "detected_mode": res.mode,
               "syllables_per_s": round(res.tokens / dt)}
        forced = restore_text(inp, mode=name, models=models) if res.mode != name else res
        row["vnplan_told_mode"] = score(ref, forced.text).accuracy
        row["fixed"], row["damaged"] = fixed_and_damaged(ref, inp, res.text)
        if with_pyvi:
            row["pyvi"] = score(ref, pyvi_restore(inp)).accuracy
        results[name] = {k: round(v, 4) if isinstance(v, float) else v for k, v in row.items()}
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "test"], default="test")
    ap.add_argument("--pages", type=int, default=30, help="OCR pages per set (legacy, vie)")
    ap.add_argument("--no-pyvi", action="store_true")
    args = ap.parse_args()
    r = evaluate(args.split, args.pages, not args.no_pyvi)
    print(f"Restoration on held-out '{args.split}' documents ({r['documents']} documents; models loaded in "
          f"{r['load_seconds']} s)")
    print(f"{'set':8}{'syllables':>10}{'input':>8}{'vnplan':>8}{'(told)':>8}{'pyvi':>8}{'mode':>8}{'syl/s':>8}"
          f"{'fixed':>8}{'damaged':>8}")
    for name in ("plain", "legacy", "vie"):
        x = r[name]
        fx, dm = ("n/a", "n/a") if x["fixed"] < 0 else (x["fixed"], x["damaged"])
        print(f"{name:8}{x['syllables']:>10}{x['input']:>8.4f}{x['vnplan']:>8.4f}{x['vnplan_told_mode']:>8.4f}"
              f"{x.get('pyvi', float('nan')):>8.4f}{x['detected_mode']:>8}{x['syllables_per_s']:>8}{fx:>8}{dm:>8}")
    print("fixed / damaged: syllables wrong in the input that vnplan made right / right ones it made wrong "
          "(n/a where OCR split or merged words)")
    out = ROOT / "bench" / "out" / f"restore_{args.split}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(r, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
