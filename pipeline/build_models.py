"""``make models``: rebuild every model file under ``models/`` from ``../shared/corpus``, reproducibly.

    python -m pipeline.build_models [--corpus DIR] [--only lm|noise|noise-vie|bodies] [--pages N] [--vie-pages N]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from . import bodies, corpus, noise
from .lm import SyllableLM

MODELS = Path(__file__).resolve().parent.parent / "models"


def build_lm(src: Path, out: Path, prune: int = 2) -> None:
    t = time.time()
    sents = (s for text in corpus.training_texts(src) for s in corpus.sentences(text, marked_only=True))
    lm = SyllableLM.build(sents, min_count=2, prune=prune)
    lm.save(out / "syllable_lm.npz")
    print(f"lm: {len(lm.vocab)} syllables, {len(lm.bi_keys)} bigrams, {len(lm.tri_keys)} trigrams "
          f"({time.time() - t:.0f} s)")


def build_noise(src: Path, out: Path, pages: int) -> None:
    t = time.time()
    texts = [d.text for d in corpus.official_documents(src) if not corpus.is_heldout(d)]
    table = noise.build(texts, pages, seed=7)
    noise.save(table, out / "noise_eng.json")
    print(f"noise: {table['pairs']} aligned tokens from {pages} pages, {len(table['obs'])} observed forms "
          f"({time.time() - t:.0f} s)")


def build_noise_vie(src: Path, out: Path, pages: int) -> None:
    t = time.time()
    texts = [d.text for d in corpus.official_documents(src) if not corpus.is_heldout(d)]
    table = noise.mark_table(noise.ocr_pairs(texts, pages, "vie", seed=13))
    noise.save(table, out / "noise_vie.json")
    print(f"noise (vie): {table['pairs']} aligned syllables from {pages} noisy scans ({time.time() - t:.0f} s)")


def build_bodies(src: Path, out: Path) -> None:
    t = time.time()
    texts = [d.text for d in corpus.official_documents(src) if not corpus.is_heldout(d)]
    gaz = bodies.build(texts, out / "bodies.json")
    print(f"bodies: {len(gaz['bodies'])} names from {len(texts)} training documents ({time.time() - t:.0f} s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=corpus.DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=MODELS)
    ap.add_argument("--only", choices=["lm", "noise", "noise-vie", "bodies"], default=None)
    ap.add_argument("--prune", type=int, default=2, help="keep trigrams seen at least this often")
    ap.add_argument("--pages", type=int, default=1600, help="pages rendered and OCRed for the noise model")
    ap.add_argument("--vie-pages", type=int, default=400, help="noisy scans read by Tesseract vie for its mark model")
    args = ap.parse_args()
    if not (args.corpus / "SOURCES.md").exists():
        raise SystemExit(f"{args.corpus}: corpus not found; give --corpus DIR (the shared corpus folder)")
    args.out.mkdir(parents=True, exist_ok=True)
    if args.only in (None, "lm"):
        build_lm(args.corpus, args.out, args.prune)
    if args.only in (None, "noise"):
        build_noise(args.corpus, args.out, args.pages)
    if args.only in (None, "noise-vie"):
        build_noise_vie(args.corpus, args.out, args.vie_pages)
    if args.only in (None, "bodies"):
        build_bodies(args.corpus, args.out)
    (args.out / "MANIFEST.json").write_text(json.dumps(
        {p.name: p.stat().st_size for p in sorted(args.out.iterdir()) if p.is_file() and p.name != "MANIFEST.json" and not p.name.startswith(".")},
        indent=1) + "\n")


if __name__ == "__main__":
    main()
