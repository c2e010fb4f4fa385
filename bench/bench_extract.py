"""`make bench` (extraction part): seconds to segment and extract the assignments of the corpus plans in
tests/data/plans (clean text, so no restoration), in one process after one warm-up document."""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.plan import extract_text  # noqa: E402


def main() -> None:
    paths = sorted((ROOT / "tests/data/plans").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    extract_text(texts[0])  # warm-up: models and caches
    times, found = [], 0
    for _ in range(3):
        t0 = time.perf_counter()
        found = sum(len(extract_text(t).assignments) for t in texts)
        times.append(time.perf_counter() - t0)
    words = sum(len(t.split()) for t in texts)
    med = statistics.median(times)
    print(f"vnplan extract on {len(texts)} plans ({words:,} words, {found} assignments): {med:.2f} s = "
          f"{words / med:,.0f} words/s (median of 3)")


if __name__ == "__main__":
    main()
