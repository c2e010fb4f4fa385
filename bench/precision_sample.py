"""A random sample of the assignments found in corpus documents outside the golden files, to judge by hand.

    python bench/precision_sample.py [--n 100] [--seed 5] [--out bench/precision_sample.tsv]

Writes one row per sampled assignment (document, section, role, body, deadline kind, the sentence it was read
from) with an empty ``ok`` column. Whoever judges fills ``ok`` with y (the row is right: this body, this role,
on this section), n (it is wrong) or ? (cannot tell), and ``note``; ``--score FILE`` prints the precision of a
judged file. The sample is drawn from every document that is neither golden nor held out, so it never shows a
test document's output.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import corpus  # noqa: E402
from pipeline.plan import extract_text  # noqa: E402

FIELDS = ["doc", "kind", "section", "role", "body", "deadline", "action", "ok", "note"]


def sample(n: int, seed: int) -> list[dict]:
    golden = {f.stem for f in (ROOT / "tests" / "golden" / "assignments").glob("*.json")}
    rows = []
    for d in corpus.official_documents():
        if d.doc_id in golden or corpus.is_heldout(d):
            continue
        for a in extract_text(d.text).assignments:
            rows.append({"doc": d.doc_id, "kind": d.kind, "section": a.section or "", "role": a.role, "body": a.body,
                         "deadline": a.deadline.kind, "action": " ".join(a.action.split())[:400], "ok": "", "note": ""})
    return random.Random(seed).sample(rows, min(n, len(rows)))


def score(path: Path) -> None:
    with path.open(encoding="utf-8") as fh:
        judged = list(csv.DictReader(fh, delimiter="\t"))
    y = sum(r["ok"] == "y" for r in judged)
    n = sum(r["ok"] == "n" for r in judged)
    print(f"{len(judged)} rows: {y} right, {n} wrong, {len(judged) - y - n} unsure; "
          f"precision {y / max(1, y + n):.3f} (of those judged)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "precision_sample.tsv")
    ap.add_argument("--score", type=Path, help="a judged sample: print its precision")
    args = ap.parse_args()
    if args.score:
        return score(args.score)
    rows = sample(args.n, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, FIELDS, delimiter="\t")
        w.writeheader()
        w.writerows(rows)
    print(json.dumps({"rows": len(rows), "out": str(args.out)}))


if __name__ == "__main__":
    main()
