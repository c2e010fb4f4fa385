"""``make eval-extract``: assignment extraction against the hand-written golden files in tests/golden.

Each golden input runs through the whole pipeline (read, restore, segment, extract), as ``make extract``
would. Assignments are matched on (section, role, body): section and role exactly, the body by the
gazetteer's variant-insensitive key or rapidfuzz ratio >= 90. Deadline accuracy is over matched
assignments: kind, start, end and period must all be equal. A golden file with ``"scope": "body"`` annotates the
document's own text only, not its annex tables: predictions in annex sections (``PL...``) are not scored for it.

``--through`` scores the same documents as an archive holds them:
  legacy        each page rendered at 300 dpi, degraded like an old scan (the styles cycle page by page: clean,
                noisy, blurred, low-res, heavy ink) and read by Tesseract's English model, as the seeds' legacy
                OCR was made: a text file;
  scan          each page rendered, degraded like a noisy scan (sensor noise, dust, 1.2° skew, shading) into an
                image-only PDF, which ``vnplan`` reads itself (Tesseract vie after its own clean-up);
  printed       a born-digital PDF as offices publish it, its annex tables (flattened in the text, one cell per
                paragraph) drawn again as ruled tables (``synth.save_plan_pdf``), read from its text layer;
  printed-scan  that PDF printed at 300 dpi and degraded like a noisy scan, read by ``vnplan``;
and that input goes through the whole pipeline (restoration first). It is scored beside the typed text on the same
rows: for legacy and scan on the documents' own text (their renders are lines of text, with no tables, so annex rows
are left out of both), for printed and printed-scan on all rows. Documents that are website copies (one paragraph a
line, no page layout) or legacy OCR already (the seeds 000, 003, 004) are not rendered. What OCR read is cached
under ``build/golden_<kind>/`` (by the text's digest: delete it after a change to stage 1).

    python -m pipeline.eval_extract [--golden DIR] [--show-errors] [--only ID ...]
                                    [--through legacy|scan|printed|printed-scan]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from .bodies import key
from .ocr import Source
from .outputs import write_atomic, write_atomic_with
from .plan import process_read, process_sources
from .vietnamese import strip_marks

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "assignments"
CACHE = ROOT / "build"


@dataclass
class DocScore:
    doc: str
    split: str = "test"
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    deadline_ok: int = 0
    missed: list = field(default_factory=list)
    spurious: list = field(default_factory=list)
    wrong_deadline: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def deadline_accuracy(self) -> float:
        return self.deadline_ok / self.matched if self.matched else 0.0


def same_body(a: str, b: str) -> bool:
    ka, kb = key(a), key(b)
    return ka == kb or fuzz.ratio(ka, kb) >= 90


def score_document(gold_rows: list[list], predicted: list[dict], name: str) -> DocScore:
    sc = DocScore(name, gold=len(gold_rows), predicted=len(predicted))
    free = list(range(len(predicted)))
    for g in gold_rows:
        sec, role, body, kind, start, end, period = g
        hit = next((i for i in free if predicted[i]["section"] == sec and predicted[i]["role"] == role
                    and same_body(predicted[i]["body"], body)), None)
        if hit is None:
            sc.missed.append(g)
            continue
        free.remove(hit)
        sc.matched += 1
        d = predicted[hit]["deadline"]
        if (d["kind"], d.get("start"), d.get("end"), d.get("period")) == (kind, start, end, period):
            sc.deadline_ok += 1
        else:
            sc.wrong_deadline.append((g, d))
    sc.spurious = [predicted[i] for i in free]
    return sc


def _is_annex(section) -> bool:
    return (section or "").startswith("PL")


def scannable(text: str) -> bool:
    """A typed document whose scan we can make: not a website copy, not legacy OCR already."""
    from .segment import SITE_LINE

    if any(SITE_LINE.match(line.strip()) for line in text.split("\n")[:5]):
        return False
    words = [w for w in text.split() if w.isalpha()]
    return bool(words) and sum(1 for w in words if strip_marks(w) != w) >= 0.3 * len(words)


def _legacy_page(job: tuple[list[str], str, int]) -> str:
    from . import noise, synth

    lines, style, seed = job
    os.environ["OMP_THREAD_LIMIT"] = "1"
    pages, _ = synth.render_pages("\n".join(lines))
    return noise.read_legacy(pages[0], style, seed)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def legacy_copies(texts: dict[str, str], cache: Path = CACHE / "golden_legacy") -> dict[str, Path]:
    """Each text as legacy OCR of a scan of it: rendered page by page, each page degraded in the next scan
    style and read by Tesseract's English model. Pages form-feed separated; cached by the text's digest."""
    from . import noise, synth

    paths = {name: cache / f"{name}.{_digest(t)}.txt" for name, t in texts.items()}
    todo = [name for name, p in paths.items() if not p.exists()]
    jobs, owner = [], []
    for name in todo:
        _, page_lines = synth.render_pages(texts[name])
        for i, lines in enumerate(page_lines):
            jobs.append((lines, noise.STYLES[i % len(noise.STYLES)], i))
            owner.append(name)
    if jobs:
        with ProcessPoolExecutor() as pool:
            pages = list(pool.map(_legacy_page, jobs))
        for name in todo:
            write_atomic(paths[name], "\f".join(p for p, o in zip(pages, owner) if o == name))
    return paths


def plan_pdfs(texts: dict[str, str], cache: Path = CACHE / "golden_pdf") -> dict[str, Path]:
    """Each text as a born-digital PDF, its annex tables drawn as ruled tables (``synth.save_plan_pdf``)."""
    from . import synth

    cache.mkdir(parents=True, exist_ok=True)
    paths = {name: cache / f"{name}.{_digest(t)}.pdf" for name, t in texts.items()}
    for name, p in paths.items():
        if not p.exists():
            write_atomic_with(p, lambda tmp, t=texts[name]: synth.save_plan_pdf(t, tmp))
    return paths


def _rendered(text: str) -> list:
    from . import synth

    return synth.render_pages(text)[0]


def _printed(text: str) -> list:
    """The pages of the text's born-digital PDF (ruled annex tables), as a scanner sees them at 300 dpi."""
    import tempfile

    import pypdfium2 as pdfium

    from . import synth

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.pdf"
        synth.save_plan_pdf(text, path)
        pdf = pdfium.PdfDocument(str(path))
        try:
            return [pdf[i].render(scale=300 / 72, grayscale=True).to_pil().convert("L") for i in range(len(pdf))]
        finally:
            pdf.close()


def scan_copies(texts: dict[str, str], cache: Path = CACHE / "golden_scan",
                pages=_rendered) -> dict[str, tuple[Source, "Document"]]:
    """Each text as an image-only PDF of a noisy scan of it, read by stage 1 as ``vnplan`` reads it; ``pages``
    gives a text's clean page images (rendered lines, or a printed PDF's pages). What stage 1 read is cached (JSON)
    by the text's digest; the PDF is made again only when that is missing."""
    from . import synth
    from .ocr import ocr_sources
    from .records import Document

    paths = {name: cache / f"{name}.{_digest(t)}.json" for name, t in texts.items()}
    todo = [name for name, p in paths.items() if not p.exists()]
    if todo:
        cache.mkdir(parents=True, exist_ok=True)  # (the PDFs are made there before their reads are written)
        pdfs = []
        for name in todo:
            pdf = paths[name].with_suffix(".pdf")
            synth.save_image_pdf([synth.scan_like(p, seed=i) for i, p in enumerate(pages(texts[name]))], pdf)
            pdfs.append(pdf)
        for name, pdf, doc in zip(todo, pdfs, ocr_sources([Source(str(p)) for p in pdfs])):
            if not hasattr(doc, "pages"):
                raise SystemExit(f"{pdf}: {doc}")
            write_atomic(paths[name], json.dumps(doc.to_dict(), ensure_ascii=False))
            pdf.unlink()
    return {name: (Source(str(p.with_suffix(".pdf"))), Document.from_dict(json.loads(p.read_text(encoding="utf-8"))))
            for name, p in paths.items()}


def evaluate(golden: Path = GOLDEN, only: tuple[str, ...] = (), through: str | None = None,
             body_only: bool = False) -> list[DocScore]:
    """Score every golden file (or those named in ``only``); ``through="legacy"``: their legacy-OCR copies,
    documents' own text only (see the module's notes); ``body_only``: leave annex rows out."""
    files = sorted(f for f in golden.glob("*.json") if not only or any(f.stem.startswith(o) for o in only))
    gold = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    if through:
        texts = {f.stem: (ROOT / g["input"]).read_text(encoding="utf-8") for f, g in zip(files, gold)}
        keep = [i for i, f in enumerate(files) if scannable(texts[f.stem])]
        files, gold = [files[i] for i in keep], [gold[i] for i in keep]
        texts = {f.stem: texts[f.stem] for f in files}
    if through in ("scan", "printed-scan"):
        from .restore import load_models

        read = scan_copies(texts) if through == "scan" else scan_copies(texts, CACHE / "golden_printed_scan", _printed)
        models = load_models()
        results = [process_read(*read[f.stem], models=models) for f in files]
    elif through == "printed":
        pdfs = plan_pdfs(texts)
        results = process_sources([Source(str(pdfs[f.stem])) for f in files])
    else:
        paths = legacy_copies(texts) if through == "legacy" else {f.stem: ROOT / g["input"] for f, g in zip(files, gold)}
        results = process_sources([Source(str(paths[f.stem])) for f in files])
    scores = []
    for f, g, res in zip(files, gold, results):
        if not hasattr(res, "document"):
            raise SystemExit(f"{g['input']}: {res}")
        pred = [a.model_dump(mode="json") for a in res.document.assignments]
        rows = g["assignments"]
        if g.get("scope") == "body" or through in ("legacy", "scan") or body_only:
            # the annexes were not annotated, or were rendered as lines of text, not as tables
            pred = [p for p in pred if not _is_annex(p["section"])]
            rows = [r for r in rows if not _is_annex(r[0])]
        sc = score_document(rows, pred, f.stem)
        sc.split = g.get("split", "test")
        scores.append(sc)
    return scores


def total(scores: list[DocScore], name: str = "all") -> DocScore:
    t = DocScore(name)
    for s in scores:
        t.gold += s.gold
        t.predicted += s.predicted
        t.matched += s.matched
        t.deadline_ok += s.deadline_ok
    return t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--golden", type=Path, default=GOLDEN)
    ap.add_argument("--show-errors", action="store_true", help="list the errors on the dev documents")
    ap.add_argument("--only", nargs="+", default=(), metavar="ID",
                    help="score only the golden files whose names start with these")
    ap.add_argument("--through", choices=["legacy", "scan", "printed", "printed-scan"],
                    help="score the documents as an archive holds them, beside the typed text: legacy OCR (English "
                         "model) of old scans, or image PDFs of noisy scans read by vnplan (Tesseract vie), own text "
                         "only; or printed as born-digital PDFs with ruled annex tables, read from their text layer "
                         "(printed) or scanned (printed-scan), annex rows included")
    args = ap.parse_args()
    scores = evaluate(args.golden, tuple(args.only), args.through)
    typed = {}
    if args.through:  # the same documents and rows, typed, side by side
        typed = {s.doc: s for s in evaluate(args.golden, tuple(s.doc for s in scores),
                                            body_only=args.through in ("legacy", "scan"))}
    print(f"{'document':24} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} {'deadline':>8}"
          + (f" {'typed F1':>8}" if typed else ""))
    rows = scores + [total([s for s in scores if s.split == sp], f"{sp} (total)") for sp in ("dev", "test")]
    rows.append(total(scores))
    for s in rows:
        if s in scores:
            ref = typed.get(s.doc)
        else:
            ref = total([typed[x.doc] for x in scores if s.doc == "all" or s.doc.startswith(x.split)]) if typed else None
        print(f"{s.doc:24} {s.gold:5d} {s.predicted:5d} {s.matched:5d} {s.precision:6.3f} {s.recall:6.3f} "
              f"{s.f1:6.3f} {s.deadline_accuracy:8.3f}" + (f" {ref.f1:8.3f}" if ref else ""))
        if args.show_errors and s.split == "dev" and s in scores:
            for g in s.missed:
                print("   missed  ", g)
            for p in s.spurious:
                print("   spurious", [p["section"], p["role"], p["body"], p["deadline"]["kind"]])
            for g, d in s.wrong_deadline:
                print("   deadline", g, "got", [d["kind"], d.get("start"), d.get("end"), d.get("period")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
