"""``make eval-extract``: assignment extraction against the hand-written golden files in tests/golden.

Each golden input runs through the whole pipeline (read, restore, segment, extract), as ``make extract``
would. Assignments are matched on (section, role, body): section and role exactly, the body by the
gazetteer's variant-insensitive key or rapidfuzz ratio >= 90. Deadline accuracy is over matched
assignments: kind, start, end and period must all be equal. A golden file with ``"scope": "body"`` annotates the
document's own text only, not its annex tables: predictions in annex sections (``PL...``) are not scored for it.

    python -m pipeline.eval_extract [--golden DIR] [--show-errors] [--only ID ...]
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from .bodies import key
from .ocr import Source
from .plan import process_sources

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "assignments"


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


def evaluate(golden: Path = GOLDEN, only: tuple[str, ...] = ()) -> list[DocScore]:
    files = sorted(f for f in golden.glob("*.json") if not only or any(f.stem.startswith(o) for o in only))
    gold = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    sources = [Source(str(ROOT / g["input"])) for g in gold]
    results = process_sources(sources)
    scores = []
    for f, g, res in zip(files, gold, results):
        if not hasattr(res, "document"):
            raise SystemExit(f"{g['input']}: {res}")
        pred = [a.model_dump(mode="json") for a in res.document.assignments]
        if g.get("scope") == "body":  # the annexes were not annotated
            pred = [p for p in pred if not (p["section"] or "").startswith("PL")]
        sc = score_document(g["assignments"], pred, f.stem)
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
    args = ap.parse_args()
    scores = evaluate(args.golden, tuple(args.only))
    print(f"{'document':24} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} {'deadline':>8}")
    rows = scores + [total([s for s in scores if s.split == sp], f"{sp} (total)") for sp in ("dev", "test")]
    rows.append(total(scores))
    for s in rows:
        print(f"{s.doc:24} {s.gold:5d} {s.predicted:5d} {s.matched:5d} {s.precision:6.3f} {s.recall:6.3f} "
              f"{s.f1:6.3f} {s.deadline_accuracy:8.3f}")
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
