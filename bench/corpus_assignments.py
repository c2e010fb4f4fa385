"""Assignments found in every corpus document: a precision check outside the golden files.

    python bench/corpus_assignments.py [--out bench/out/corpus_assignments.json] [--compare OLD.json]

Writes ``{doc_id: [[section, role, body], ...]}`` and prints the total, the documents with the most rows, and,
with ``--compare``, the rows gained and lost per document against an earlier run (to read by hand), except
in the golden test documents, which are only ever scored.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import corpus  # noqa: E402
from pipeline.plan import extract_text  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "corpus_assignments.json")
    ap.add_argument("--compare", type=Path, help="an earlier output of this script")
    args = ap.parse_args()
    found = {d.doc_id: [[a.section, a.role, a.body] for a in extract_text(d.text).assignments]
             for d in corpus.official_documents()}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    print(f"{sum(map(len, found.values()))} assignments in {len(found)} corpus documents "
          f"({sum(1 for v in found.values() if v)} with any)")
    if args.compare:
        old = json.loads(args.compare.read_text(encoding="utf-8"))
        print(f"earlier run: {sum(map(len, old.values()))}")
        # the golden test documents are only scored, never read: their rows are not shown
        golden = [json.loads(f.read_text(encoding="utf-8")) for f in (ROOT / "tests" / "golden" / "assignments").glob("*.json")]
        test = {Path(g["input"]).stem for g in golden if g.get("split") == "test"}
        hidden = sum(1 for d in test if d in found and {tuple(r) for r in found[d]} != {tuple(r) for r in old.get(d, [])})
        print(f"({hidden} golden test documents changed; not shown)")
        for doc in sorted((k for k in found if k not in test), key=lambda k: -abs(len(found[k]) - len(old.get(k, [])))):
            a, b = {tuple(r) for r in old.get(doc, [])}, {tuple(r) for r in found[doc]}
            if a != b:
                print(f"{doc}: +{len(b - a)} -{len(a - b)}")
                for r in sorted(b - a, key=str)[:5]:
                    print("   +", r)
                for r in sorted(a - b, key=str)[:5]:
                    print("   -", r)


if __name__ == "__main__":
    main()
