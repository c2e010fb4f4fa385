"""`make bench` (restoration part): syllables per second of `vnplan restore`, end to end on one core.

The input is a 50,000-syllable file of held-out corpus documents with their marks stripped (the seeds'
plans when the corpus is not there). The clock runs around the whole command: process start, model
loading, decoding and writing, pinned to one core.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import corpus  # noqa: E402
from pipeline.scoring import score, syllables  # noqa: E402
from pipeline.vietnamese import strip_marks  # noqa: E402


def make_input(n: int) -> tuple[str, str]:
    if (corpus.DEFAULT_CORPUS / "SOURCES.md").exists():
        texts = [d.text for d in corpus.heldout_documents()]
        source = "held-out corpus documents"
    else:
        texts = [(ROOT / "data/raw/001_243ed05166b64394.txt").read_text(encoding="utf-8")] * 20
        source = "seed 001 (repeated)"
    out, count = [], 0
    for t in texts:
        for para in t.split("\n"):
            out.append(para)
            count += len(syllables(para))
            if count >= n:
                return "\n".join(out), source
    return "\n".join(out), source


LEGACY_PAGES = 75  # per split: about 26,000 syllables each, so dev and test together make a 50k file


def legacy_input() -> tuple[str, str, str]:
    """The legacy OCR of held-out documents: ``pipeline.evaluation``'s dev and test sets built with
    ``--pages 75`` (cached under build/devsets/)."""
    ref, inp = [], []
    for split in ("dev", "test"):
        path = ROOT / "build" / "devsets" / f"{split}_{LEGACY_PAGES}.json"
        if not path.exists():
            raise SystemExit(f"{path} missing: run `python -m pipeline.evaluation --split {split} "
                             f"--pages {LEGACY_PAGES}` first (needs ../shared/corpus)")
        sets = json.loads(path.read_text(encoding="utf-8"))["legacy"]
        ref.append(sets["ref"])
        inp.append(sets["input"])
    return "\n".join(ref), "\n".join(inp), "legacy OCR of held-out documents"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--syllables", type=int, default=50_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--kind", choices=["plain", "legacy"], default="plain",
                    help="plain: marks stripped (50k syllables); legacy: English-model OCR (~50k syllables)")
    args = ap.parse_args()
    if args.kind == "legacy":
        truth, given, source = legacy_input()
    else:
        truth, source = make_input(args.syllables)
        given = strip_marks(truth)
    n = len(syllables(truth))
    vnplan = str(Path(sys.executable).with_name("vnplan"))
    pin = ["taskset", "-c", "0"] if subprocess.run(["which", "taskset"], capture_output=True).returncode == 0 else []
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.txt", Path(tmp) / "out.txt"
        inp.write_text(given, encoding="utf-8")
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            subprocess.run(pin + [vnplan, "restore", str(inp), "-o", str(out)], check=True,
                           env=dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1"))
            times.append(time.perf_counter() - t0)
        acc = score(truth, out.read_text(encoding="utf-8")).accuracy
    t = statistics.median(times)
    result = {"kind": args.kind, "syllables": n, "source": source, "seconds": round(t, 2), "syllables_per_s": round(n / t),
              "accuracy": round(acc, 4), "rounds": args.rounds}
    (ROOT / "bench/out").mkdir(parents=True, exist_ok=True)
    (ROOT / f"bench/out/restore_speed_{args.kind}.json").write_text(json.dumps(result, indent=1) + "\n")
    print(f"vnplan restore on {n} syllables ({source}{', marks stripped' if args.kind == 'plain' else ''}), "
          "one core, end to end: "
          f"{t:.2f} s = {n / t:,.0f} syllables/s (accuracy {acc:.4f}; median of {args.rounds})")


if __name__ == "__main__":
    main()
