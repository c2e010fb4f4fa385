"""Stage 5: `vnplan compare` on the seed pair, the report's charts, and the notebook (executed)."""
from __future__ import annotations

import base64
import io
import json
import os
import re
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from pipeline import schema
from pipeline.compare import compare, load_plans
from pipeline.ocr import Source
from pipeline.plan import process_sources
from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
PAIR = ["001_243ed05166b64394", "000_4333a01b4b714176"]  # Directive 34 plan (2014), Directive 41 plan (2025)


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("clean")
    for res in process_sources([Source(str(ROOT / "data/raw" / f"{s}.txt")) for s in PAIR]):
        obj = res.document.model_dump(mode="json")
        schema.validate(obj)
        (d / f"{res.document.doc_id}.json").write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return d


def test_compare_cli_report_and_tables(clean, tmp_path):
    out = tmp_path / "cmp"
    r = run_cli("compare", *(str(clean / f"{s}.json") for s in PAIR), "--out", str(out))
    assert r.returncode == 0, r.stderr.decode()
    html = (out / "report.html").read_text(encoding="utf-8")
    for heading in ["Tasks: carried over, reworded, new, dropped", "Bodies and their roles", "Deadlines", "Themes",
                    "Cited documents", "Findings"]:
        assert heading in html
    assert "Sở Nội vụ" in html and "Các huyện ủy" in html  # Vietnamese kept, not escaped away
    assert "http://" not in html and "https://" not in html  # works offline
    pngs = re.findall(r'src="data:image/png;base64,([^"]+)"', html)
    assert len(pngs) == 3
    for b64 in pngs:  # the charts render: real images, not blank
        img = Image.open(io.BytesIO(base64.b64decode(b64)))
        assert img.width > 500 and img.height > 150
        assert max(ImageStat.Stat(img.convert("L")).stddev) > 20
    for name in ["task_alignment", "body_roles", "lead_changes", "deadline_mix", "themes", "citations"]:
        assert (out / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_findings_are_true_to_the_documents(clean):
    """The Directive 41 plan gives most work to Party committees with ongoing deadlines; the Directive 34
    plan to Sở Nội vụ with dated quarters (read off both documents)."""
    p34, p41 = load_plans([str(clean / f"{s}.json") for s in PAIR])
    c = compare([p34, p41])
    mix = c.deadlines.set_index(["plan", "kind"]).share
    # the Directive 41 plan is mostly ongoing; one item is dated ("hoàn thành trước ngày 30-3-2025")
    assert mix[(p41.name, "ongoing")] >= 0.4 and mix.get((p41.name, "by"), 0) <= 0.15
    assert mix[(p34.name, "by")] + mix[(p34.name, "range")] >= 0.3 and mix[(p34.name, "ongoing")] == 0
    leads34 = [a.body for a in p34.doc.assignments if a.role == "lead"]
    assert max(set(leads34), key=leads34.count) == "Sở Nội vụ"
    work41 = [a.body for a in p41.doc.assignments if a.role in ("lead", "responsible")]
    party = [b for b in work41 if re.search(r"ủy|đảng|Đảng", b, re.IGNORECASE)]
    assert len(party) > 0.6 * len(work41)
    th = c.themes.set_index("term").change
    assert th["chuyển đổi số"] > 0 and th["mạng xã hội"] > 0 and th["người đứng đầu"] > 0
    cites = c.citations.groupby("plan").number.apply(set)
    assert "41-CT/TW" in cites[p41.name] and {"34-CT/TW", "80-KH/TU"} <= cites[p34.name]
    assert set(c.alignment.status) <= {"carried over", "reworded", "new", "dropped"} and len(c.alignment)


def test_compare_bad_inputs(clean, tmp_path):
    r = run_cli("compare", str(clean / f"{PAIR[0]}.json"), "--out", str(tmp_path))
    assert r.returncode == 2 and b"two" in r.stderr
    (tmp_path / "x.json").write_text("[]", encoding="utf-8")
    r = run_cli("compare", str(clean / f"{PAIR[0]}.json"), str(tmp_path / "x.json"), "--out", str(tmp_path))
    assert r.returncode == 5 and b"x.json" in r.stderr and b"Traceback" not in r.stderr


def test_notebook_runs(clean):
    """notebooks/compare_plans.ipynb is executed so that it never rots."""
    import nbclient
    import nbformat

    nb = nbformat.read(ROOT / "notebooks" / "compare_plans.ipynb", as_version=4)
    os.environ["VNPLAN_CLEAN_DIR"] = str(clean)
    try:
        nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    finally:
        del os.environ["VNPLAN_CLEAN_DIR"]
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)
