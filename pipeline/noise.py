"""The OCR noise model: what each Vietnamese syllable becomes under real OCR.

Built by ``make models``: clean corpus text is rendered to page images (``synth``), read by Tesseract's
English model (which reproduces the legacy OCR of our seeds: "của" -> "ciia", "số" -> "s6", "Đảng" ->
"Pang") and aligned with its source token by token. The counts give P(observed | syllable) for the
restorer's candidates; character confusions learned from the same pairs generalise to unseen tokens.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import re
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterable

from rapidfuzz.distance import Levenshtein

from .vietnamese import normalize_syllable, strip_marks

EDGE_PUNCT = re.compile(r"^[^\w¢€£]+|[^\w¢€£]+$")


def ocr_tokens(text: str) -> list[str]:
    """Whitespace tokens with edge punctuation peeled off (inner look-alikes such as "s6" stay)."""
    out = []
    for raw in text.split():
        for part in re.split(r"[-/]", raw):
            tok = EDGE_PUNCT.sub("", part)
            if tok:
                out.append(tok)
    return out


def align_pairs(source: str, observed: str) -> list[tuple[str, str]]:
    """(true, observed) token pairs: matches and plausible substitutions of an edit alignment. A substitution is
    plausible when at most 60% of the letters changed, or, in a short word, two letters after the same first one
    ("từ" read "tir", "cứ" read "cir": a horn read as an "r")."""
    ref, hyp = ocr_tokens(source), ocr_tokens(observed)
    ops = Levenshtein.opcodes(ref, hyp)
    pairs = []
    for op in ops:
        if op.tag == "equal":
            pairs += [(ref[i], ref[i]) for i in range(op.src_start, op.src_end)]
        elif op.tag == "replace" and op.src_end - op.src_start == op.dest_end - op.dest_start:
            for i, j in zip(range(op.src_start, op.src_end), range(op.dest_start, op.dest_end)):
                t, o = ref[i], hyp[j]
                a, b = strip_marks(t).lower(), strip_marks(o).lower()
                if Levenshtein.normalized_distance(a, b) <= 0.6 or (a[:1] == b[:1] and Levenshtein.distance(a, b) <= 2):
                    pairs.append((t, o))
    return pairs


def read_legacy(img, style: str, seed: int) -> str:
    """A rendered page as English-model OCR reads a scan of it in ``style``: the seeds' legacy OCR."""
    import pytesseract

    return pytesseract.image_to_string(scan_style(img, style, seed), lang="eng")


def _ocr_page(job: tuple[str, int, float, str]) -> tuple[str, str]:
    """(rendered text, English-model OCR of a scan of it)."""
    from . import synth

    text, seed, pt, style = job
    os.environ["OMP_THREAD_LIMIT"] = "1"
    pages, lines = synth.render_pages(text, pt=pt)
    return "\n".join(lines[0]), read_legacy(pages[0], style, seed)  # chunks fit one page


def _ocr_page_vie(job: tuple[str, int, float, str]) -> tuple[str, str]:
    """(rendered text, a noisy 300-dpi scan of it read as ``vnplan ocr`` reads it: Tesseract vie, our preprocessing)."""
    from . import synth
    from .ocr import OcrOptions, ocr_image

    text, seed, pt, _ = job
    os.environ["OMP_THREAD_LIMIT"] = "1"
    pages, lines = synth.render_pages(text, pt=pt)
    page = ocr_image(synth.scan_like(pages[0], seed=seed), 1, 300, OcrOptions(), "noise model")
    return "\n".join(lines[0]), "\n".join(ln.text for ln in page.lines)


STYLES = ("clean", "noisy", "blurred", "low-res", "heavy-ink")


def scan_style(img, style: str, seed: int):
    """The kinds of old scans legacy OCR was made from: clean, grainy, soft, 150-200 dpi, heavy ink."""
    from PIL import ImageFilter

    from . import synth

    if style == "noisy":
        return synth.degrade(img, noise=15, blur=0.5, seed=seed)
    if style == "blurred":
        return img.filter(ImageFilter.GaussianBlur(1.2))
    if style == "low-res":
        small = img.filter(ImageFilter.GaussianBlur(0.8)).resize((img.width // 2, img.height // 2))
        return small
    if style == "heavy-ink":
        return img.filter(ImageFilter.MinFilter(3))
    return img


def page_texts(texts: Iterable[str], n_pages: int, seed: int = 0, words_per_page: int = 330) -> list[str]:
    """Cut the corpus into page-sized chunks and draw ``n_pages`` of them reproducibly."""
    chunks, cur, n = [], [], 0
    for t in texts:
        for para in t.split("\n"):
            w = para.split()
            if not w:
                continue
            cur.append(para)
            n += len(w)
            if n >= words_per_page:
                chunks.append("\n".join(cur))
                cur, n = [], 0
    rng = random.Random(seed)
    return rng.sample(chunks, min(n_pages, len(chunks)))


PAGE_CACHE = Path(__file__).resolve().parent.parent / "build" / "noise_pages"


def ocr_pages(texts: Iterable[str], n_pages: int, engine: str = "eng", jobs: int | None = None,
              seed: int = 0, cache: Path | None = PAGE_CACHE) -> list[tuple[str, str]]:
    """Render ``n_pages`` of the texts and OCR them (``eng``: legacy-like scans, English model; ``vie``: noisy
    scans, Tesseract vie as ``vnplan ocr`` runs it): (rendered, read) per page. What OCR read is kept under
    ``cache`` (by engine, pages, seed and the pages' digest), so that changing the alignment costs no OCR."""
    rng = random.Random(seed)
    jobs_list = [(t, i, rng.choice([12.0, 13.0, 14.0]), STYLES[i % len(STYLES)])
                 for i, t in enumerate(page_texts(texts, n_pages, seed))]
    digest = hashlib.sha256(json.dumps(jobs_list, ensure_ascii=False).encode()).hexdigest()[:12]
    path = cache / f"{engine}_{n_pages}_{seed}_{digest}.json" if cache else None
    if path and path.exists():
        return [tuple(p) for p in json.loads(path.read_text(encoding="utf-8"))]
    with ProcessPoolExecutor(max_workers=jobs or os.cpu_count()) as pool:
        pages = list(pool.map(_ocr_page if engine == "eng" else _ocr_page_vie, jobs_list))
    if path:
        from .outputs import write_atomic

        write_atomic(path, json.dumps(pages, ensure_ascii=False))
    return pages


def ocr_pairs(texts: Iterable[str], n_pages: int, engine: str = "eng", jobs: int | None = None,
              seed: int = 0) -> list[tuple[str, str]]:
    """``ocr_pages`` aligned: (true, observed) token pairs."""
    return [pair for ref, read in ocr_pages(texts, n_pages, engine, jobs, seed) for pair in align_pairs(ref, read)]


def build(texts: Iterable[str], n_pages: int, jobs: int | None = None, seed: int = 0) -> dict:
    """Render, OCR with the English model, align; return the noise table."""
    return table_from_pairs(ocr_pairs(texts, n_pages, "eng", jobs, seed))


def mark_table(pairs: list[tuple[str, str]]) -> dict:
    """What Tesseract vie does to the marks of a syllable whose letters it reads right: counts of
    ``{"tone": {true tone: {read tone: n}}, "letter": {true letter: {read letter: n}}}`` over the
    aligned pairs with the same bare letters (letters: the marked vowels and đ, without the tone)."""
    from .vietnamese import split_tone

    tone: dict[str, Counter] = defaultdict(Counter)
    letter: dict[str, Counter] = defaultdict(Counter)
    n = 0
    for t, o in pairs:
        t, o = normalize_syllable(t.lower()), normalize_syllable(o.lower())
        if not t.isalpha() or strip_marks(t) != strip_marks(o):
            continue
        (bt, tt), (bo, to) = split_tone(t), split_tone(o)
        if len(bt) != len(bo):
            continue
        n += 1
        tone[str(tt)][str(to)] += 1
        for a, b in zip(bt, bo):
            if strip_marks(a) != a or a in "aeoud":
                letter[a][b] += 1
    return {"tone": {k: dict(v) for k, v in tone.items()}, "letter": {k: dict(v) for k, v in letter.items()},
            "pairs": n}


def table_from_pairs(pairs: list[tuple[str, str]]) -> dict:
    """``{"obs": {observed_lower: {syllable: count}}, "true": {syllable: count}, "chars": ...}``."""
    obs: dict[str, Counter] = defaultdict(Counter)
    true: Counter = Counter()
    for t, o in pairs:
        t_n = normalize_syllable(t.lower())
        obs[o.lower()][t_n] += 1
        true[t_n] += 1
    return {"obs": {o: dict(c) for o, c in obs.items()}, "true": dict(true), "pairs": len(pairs)}


def save(table: dict, path: str | Path) -> None:
    Path(path).write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def load(path: str | Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))
