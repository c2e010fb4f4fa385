"""Score the cached OCR reads of the golden documents (``make eval-extract-ocr`` writes them under build/) with the
pipeline of another checkout, to compare a change's end-to-end figures with an earlier commit's on the same reads.

    git worktree add /tmp/base COMMIT && ln -sfn "$PWD/../shared" /tmp/shared
    python bench/ocr_reads_at.py /tmp/base legacy|scan|printed|printed-scan

Prints F1 and deadline accuracy per split, on the documents' own text (annex rows left out), as
``python -m pipeline.eval_extract --through legacy|scan`` does; ``printed``: the born-digital PDFs with ruled annex
tables that ``--through printed`` writes under build/golden_pdf, read by the other checkout, annex rows included;
``printed-scan``: the same PDFs scanned as ``--through printed-scan`` scans them (made again here, one at a time, by
this checkout), read by the other checkout's stage 1 and the rest of its pipeline (long: every page is OCR'd).
"""
from __future__ import annotations

import glob
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (run by this checkout) a golden text as --through printed-scan scans it: its printed PDF's pages, degraded
MAKE_SCAN = ("import sys; from pathlib import Path; from pipeline import synth; from pipeline.eval_extract import _printed; "
             "t = Path(sys.argv[1]).read_text(encoding='utf-8'); "
             "synth.save_image_pdf([synth.scan_like(p, seed=i) for i, p in enumerate(_printed(t))], sys.argv[2])")


def main() -> None:
    checkout, kind = sys.argv[1], sys.argv[2]
    sys.path.insert(0, checkout)  # the other checkout's pipeline
    from pipeline import plan, records
    from pipeline.eval_extract import score_document, total
    from pipeline.ocr import Source
    from pipeline.restore import load_models, restore_text

    models = load_models()
    scores = []
    pattern = {"legacy": "golden_legacy/*.txt", "scan": "golden_scan/*.json", "printed": "golden_pdf/*.pdf",
               "printed-scan": "golden_pdf/*.pdf"}[kind]
    for p in sorted(glob.glob(str(ROOT / "build" / pattern))):
        name = Path(p).name.split(".")[0]
        g = json.loads((ROOT / "tests" / "golden" / "assignments" / f"{name}.json").read_text(encoding="utf-8"))
        if kind in ("legacy", "printed"):
            doc = plan.process_sources([Source(p)])[0].document
        elif kind == "printed-scan":
            with tempfile.TemporaryDirectory() as tmp:
                scan = str(Path(tmp) / f"{name}.pdf")
                subprocess.run([sys.executable, "-c", MAKE_SCAN, str(ROOT / g["input"]), scan], cwd=ROOT, check=True)
                doc = plan.process_sources([Source(scan)])[0].document
        else:  # what stage 1 read, restored as a scan is (vie), then segmented and extracted
            d = json.loads(Path(p).read_text(encoding="utf-8"))

            def line(x):
                return records.Line(**{**x, "words": [records.Word(**w) for w in x["words"]]})

            read = records.Document(**{**d, "lines": [line(x) for x in d["lines"]], "pages": [
                records.Page(**{**pg, "lines": [line(x) for x in pg["lines"]]}) for pg in d["pages"]]})
            raw = "\f".join(plan._page_text(read, pg.number)[0] for pg in read.pages)
            text = restore_text(raw, mode="vie", models=models).text
            doc = plan.build_document(text, name, plan.text_source(text))
        annex = kind.startswith("printed") and g.get("scope") != "body"  # (annex rows are scored when read as tables)
        pred = [a.model_dump(mode="json") for a in doc.assignments if annex or not (a.section or "").startswith("PL")]
        rows = [r for r in g["assignments"] if annex or not (r[0] or "").startswith("PL")]
        sc = score_document(rows, pred, name)
        sc.split = g.get("split", "test")
        scores.append(sc)
    for split in ("dev", "test"):
        t = total([s for s in scores if s.split == split])
        print(f"{checkout} {kind} {split}: F1 {t.f1:.3f}, deadline {t.deadline_accuracy:.3f} ({t.gold} rows)")


if __name__ == "__main__":
    main()
