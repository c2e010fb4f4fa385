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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--syllables", type=int, default=50_000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    truth, source = make_input(args.syllables)
    n = len(syllables(truth))
    vnplan = str(Path(sys.executable).with_name("vnplan"))
    pin = ["taskset", "-c", "0"] if subprocess.run(["which", "taskset"], capture_output=True).returncode == 0 else []
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.txt", Path(tmp) / "out.txt"
        inp.write_text(strip_marks(truth), encoding="utf-8")
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            subprocess.run(pin + [vnplan, "restore", str(inp), "-o", str(out)], check=True,
                           env=dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1"))
            times.append(time.perf_counter() - t0)
        acc = score(truth, out.read_text(encoding="utf-8")).accuracy
    t = statistics.median(times)
    result = {"syllables": n, "source": source, "seconds": round(t, 2), "syllables_per_s": round(n / t),
              "accuracy": round(acc, 4), "rounds": args.rounds}
    (ROOT / "bench/out").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench/out/restore_speed.json").write_text(json.dumps(result, indent=1) + "\n")
    print(f"vnplan restore on {n} syllables ({source}, marks stripped), one core, end to end: "
          f"{t:.2f} s = {n / t:,.0f} syllables/s (accuracy {acc:.4f}; median of {args.rounds})")


if __name__ == "__main__":
    main()
