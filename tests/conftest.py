"""Fixtures made by the tests themselves: Vietnamese text rendered with a Debian font to PNG, TIFF and
PDF (scanned and born-digital), degraded like a real scan, plus the bad inputs users hand us."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from pipeline import synth

DATA = Path(__file__).parent / "data"
VNPLAN = str(Path(sys.executable).with_name("vnplan"))


@pytest.fixture(scope="session")
def excerpt() -> str:
    return (DATA / "plan_excerpt.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def rendered(excerpt):
    """Two A4 pages at 300 dpi: (images, lines per page)."""
    paras = [p for p in excerpt.split("\n") if p.strip()]
    half = len(paras) // 2
    (p1,), (l1,) = synth.render_pages("\n".join(paras[:half]), pt=14)
    (p2,), (l2,) = synth.render_pages("\n".join(paras[half:]), pt=14)
    return (p1, p2), (l1, l2)


@pytest.fixture(scope="session")
def fixtures(tmp_path_factory, rendered):
    """Good inputs of every kind, with the text each one must give."""
    d = tmp_path_factory.mktemp("inputs")
    (p1, p2), (l1, l2) = rendered
    ref1, ref2 = "\n".join(l1), "\n".join(l2)
    out = {}
    p1.save(d / "clean.png")
    out["clean.png"] = ref1
    noisy1, noisy2 = synth.scan_like(p1, seed=1), synth.scan_like(p2, seed=2)
    noisy1.save(d / "scan.tiff", save_all=True, append_images=[noisy2], compression="tiff_lzw",
                dpi=(300, 300))
    out["scan.tiff"] = ref1 + "\n" + ref2
    synth.save_image_pdf([noisy1], d / "scanned.pdf")
    out["scanned.pdf"] = ref1
    synth.save_text_pdf([l1, l2], d / "digital.pdf", pt=9, header="BCSĐUBND-VPTU.KH.197.TU-05")
    out["digital.pdf"] = ref1 + "\n" + ref2
    _mixed_pdf(d / "mixed.pdf", l1, p2)
    out["mixed.pdf"] = ref1 + "\n" + ref2
    (d / "plain.txt").write_text(ref1 + "\n", encoding="utf-8")
    out["plain.txt"] = ref1
    return d, out


def _mixed_pdf(path: Path, text_lines: list[str], scanned_page: Image.Image) -> None:
    """Page 1 born-digital, page 2 a scan (image only)."""
    from fpdf import FPDF

    png = path.with_suffix(".p2.png")
    scanned_page.save(png)
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_font("Serif", "", synth.find_font())
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Serif", size=9)
    for i, ln in enumerate(text_lines):
        pdf.set_xy(57, 57 + i * 12)
        pdf.cell(0, 9, ln)
    pdf.add_page()
    pdf.image(str(png), x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.output(str(path))


@pytest.fixture(scope="session")
def bad_inputs(tmp_path_factory):
    """Each bad input a user hands us, with the exit code and a phrase the message must contain."""
    from fpdf import FPDF

    d = tmp_path_factory.mktemp("bad")
    (d / "zero.pdf").write_bytes(b"")
    (d / "corrupt.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    (d / "fake.pdf").write_bytes(b"this is not a pdf at all")
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "secret")
    pdf.output(str(d / "encrypted.pdf"))
    (d / "nopages.pdf").write_bytes(_pdf_without_pages())
    Image.new("L", (1240, 1754), 255).save(d / "blank.png")
    big = FPDF(unit="pt", format=(14000, 14000))
    big.add_page()
    big.output(str(d / "huge.pdf"))
    (d / "notes.docx").write_bytes(b"PK\x03\x04 not supported")
    (d / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    return d, {
        "missing.pdf": (3, "no such file"),
        "notes.docx": (4, "unsupported file type"),
        "corrupt.pdf": (5, "cannot be opened"),
        "fake.pdf": (5, "not a PDF"),
        "broken.png": (5, "cannot be read"),
        "encrypted.pdf": (6, "encrypted"),
        "zero.pdf": (7, "empty"),
        "nopages.pdf": (7, "no pages"),
        "blank.png": (8, "no text"),
        "huge.pdf": (9, "Mpx"),
    }


def _pdf_without_pages() -> bytes:
    """A well-formed PDF (valid xref) whose page tree is empty."""
    objs = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[]/Count 0>>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def run_cli(*args: str, stdin: bytes | None = None, cwd: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([VNPLAN, *args], input=stdin, capture_output=True, cwd=cwd, timeout=600)
