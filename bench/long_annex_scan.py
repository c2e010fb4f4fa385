"""A long annex table read from a scan, against the same text typed: the annex rows of dev plan 8718801c503045f9
repeated four times (44 rows numbered on, 16 roman groups) are printed as a ruled table over several pages
(``synth.save_plan_pdf``), degraded like a noisy scan and read by ``vnplan``; the annex assignments (section, role,
body) are compared with the typed text's.

    python bench/long_annex_scan.py
"""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import synth  # noqa: E402
from pipeline.eval_extract import _printed  # noqa: E402
from pipeline.ocr import Source  # noqa: E402
from pipeline.plan import extract_text, process_sources  # noqa: E402
from pipeline.segment import int_to_roman  # noqa: E402


def long_annex(repeat: int = 4) -> str:
    text = (ROOT / "tests/data/plans/8718801c503045f9.txt").read_text(encoding="utf-8")
    head, annex = text.split("\nSTT\n", 1)
    paras = [p for p in annex.split("\n") if p.strip()]
    cols, body = paras[:4], paras[4:]
    rows, i = [], 0
    while i < len(body):  # a group's title in one cell ("I. NÂNG CAO ..."), or a row of five cells
        if re.match(r"^[IVX]+\.", body[i]):
            rows.append([body[i]])
            i += 1
        else:
            rows.append(body[i:i + 5])
            i += 5
    out, n, g = [], 0, 0
    for _ in range(repeat):
        for r in rows:
            if len(r) == 1:
                g += 1
                out.append(f"{int_to_roman(g)}. {r[0].split('. ', 1)[1]}")
            else:
                n += 1
                out += [str(n)] + r[1:]
    return head + "\nSTT\n\n" + "\n\n".join(cols + out) + "\n"


def main() -> None:
    text = long_annex()

    def rows(doc) -> set:
        return {(a.section, a.role, a.body) for a in doc.assignments if (a.section or "").startswith("PL")}

    typed = rows(extract_text(text))
    with tempfile.TemporaryDirectory() as tmp:
        scan = Path(tmp) / "long_annex.pdf"
        synth.save_image_pdf([synth.scan_like(p, seed=i) for i, p in enumerate(_printed(text))], scan)
        read = rows(process_sources([Source(str(scan))])[0].document)
    print(f"annex assignments: typed {len(typed)}, from the scan {len(read)}, the same {len(typed & read)}")
    for r in sorted(typed - read):
        print("  missed  ", r)
    for r in sorted(read - typed):
        print("  spurious", r)


if __name__ == "__main__":
    main()
