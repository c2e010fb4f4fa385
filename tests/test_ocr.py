"""Stage 1 on real pixels and real PDFs, read by real Tesseract (vie)."""
from __future__ import annotations

import json

import pytest

from pipeline.errors import NoTextFound
from pipeline.ocr import OcrOptions, Source, clean_lines, ocr_file, ocr_sources
from pipeline.records import Line, Page
from pipeline.scoring import score
from tests.conftest import run_cli


def test_clean_png_is_read_accurately(fixtures):
    d, ref = fixtures
    doc = ocr_file(str(d / "clean.png"), jobs=1)
    assert doc.kind == "image" and [p.method for p in doc.pages] == ["ocr"]
    assert score(ref["clean.png"], doc.text).accuracy >= 0.97


def test_noisy_multipage_tiff(fixtures):
    """Sensor noise, dust, 1.2° skew and shading: preprocessing keeps Tesseract accurate."""
    d, ref = fixtures
    doc = ocr_file(str(d / "scan.tiff"), jobs=2)
    assert [p.number for p in doc.pages] == [1, 2]
    assert all(0.8 <= abs(p.skew_degrees) <= 1.6 for p in doc.pages)
    assert score(ref["scan.tiff"], doc.text).accuracy >= 0.95


@pytest.mark.slow
def test_preprocessing_beats_raw_tesseract_on_noisy_scan(fixtures):
    """On this noise level raw Tesseract loses most of the page; the cleaned page reads well."""
    d, ref = fixtures
    try:
        raw_text = ocr_file(str(d / "scanned.pdf"), OcrOptions(preprocess=False), jobs=1).text
    except NoTextFound:
        raw_text = ""
    pre = ocr_file(str(d / "scanned.pdf"), jobs=1)
    s_raw, s_pre = score(ref["scanned.pdf"], raw_text), score(ref["scanned.pdf"], pre.text)
    assert s_pre.accuracy >= s_raw.accuracy
    assert s_pre.accuracy >= 0.93  # 74 syllables: one error is 1.4 points


def test_scanned_pdf_is_ocred_with_reason(fixtures):
    d, ref = fixtures
    doc = ocr_file(str(d / "scanned.pdf"), jobs=1)
    (page,) = doc.pages
    assert page.method == "ocr" and page.reason == "no text layer" and page.dpi == 300
    words = [w for ln in doc.lines for w in ln.words]
    assert words and all(w.conf is not None and 0 <= w.conf <= 100 for w in words)
    assert all(w.bbox[2] > w.bbox[0] and w.bbox[3] > w.bbox[1] for w in words)


def test_born_digital_pdf_uses_text_layer_and_drops_running_header(fixtures):
    d, ref = fixtures
    doc = ocr_file(str(d / "digital.pdf"), jobs=1)
    assert [p.method for p in doc.pages] == ["text-layer", "text-layer"]
    assert "BCSĐUBND" not in doc.text
    assert [ln.role for ln in doc.lines if "BCSĐUBND" in ln.text] == ["header", "header"]
    assert score(ref["digital.pdf"], doc.text).accuracy >= 0.99


def test_mixed_pdf_is_decided_page_by_page(fixtures):
    d, ref = fixtures
    doc = ocr_file(str(d / "mixed.pdf"), jobs=2)
    assert [p.method for p in doc.pages] == ["text-layer", "ocr"]
    assert score(ref["mixed.pdf"], doc.text).accuracy >= 0.97
    # provenance: every line knows its page
    assert {ln.page for ln in doc.lines} == {1, 2}


def test_text_passes_through(fixtures):
    d, ref = fixtures
    doc = ocr_file(str(d / "plain.txt"))
    assert doc.text == ref["plain.txt"] + "\n"
    assert doc.pages[0].method == "text"


def test_parallel_and_serial_give_the_same_pages_in_order(fixtures):
    d, _ = fixtures
    one = ocr_file(str(d / "digital.pdf"), jobs=1)
    two = ocr_file(str(d / "digital.pdf"), jobs=2)
    assert one.text == two.text and [p.number for p in two.pages] == [1, 2]


def _page(n, texts, method="ocr"):
    return Page(number=n, method=method, reason="", lines=[Line(t, n, i + 1) for i, t in enumerate(texts)])


def test_running_headers_page_numbers_and_hyphens_are_cleaned():
    pages = [
        _page(1, ["BCSĐUBND-VPTU.KH.197.TU-05 1", "thực hiện Chỉ thị số 41-", "CT/TW, bảo đảm sự lãnh đạo", "1"]),
        _page(2, ["BCSĐUBND-VPTU.KH.197.TU-05 2", "của các cấp ủy Đảng", "2"]),
        _page(3, ["BCSĐUBND-VPTU.KH.197.TU-05 3", "- 3 -", "thống nhất quản lý"]),
    ]
    lines = clean_lines(pages)
    body = [(ln.text, ln.page, ln.line) for ln in lines if ln.role == "body"]
    assert body == [("thực hiện Chỉ thị số 41-CT/TW,", 1, 2), ("bảo đảm sự lãnh đạo", 1, 3),
                    ("của các cấp ủy Đảng", 2, 2), ("thống nhất quản lý", 3, 3)]
    assert [ln.role for ln in lines if ln.role != "body"] == ["header", "page-number", "header",
                                                              "page-number", "header", "page-number"]


def test_cli_works_as_a_filter_and_writes_json(fixtures, tmp_path):
    d, ref = fixtures
    res = run_cli("ocr", "-", "-o", "-", stdin=(d / "clean.png").read_bytes())
    assert res.returncode == 0, res.stderr
    assert score(ref["clean.png"], res.stdout.decode()).accuracy >= 0.97
    res = run_cli("ocr", str(d / "digital.pdf"), str(d / "plain.txt"), "-o", str(tmp_path), "--json")
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digital.ocr.json", "digital.txt", "plain.ocr.json",
                                                          "plain.txt"]
    data = json.loads((tmp_path / "digital.ocr.json").read_text(encoding="utf-8"))
    assert data["doc_id"] == "digital" and data["pages"][0]["method"] == "text-layer"
    assert len(data["sha256"]) == 64


# ---------------------------------------------------------------------------------------------------
# Bad input: one line naming the file and what to do, a distinct exit code, the batch goes on

BAD = ["missing.pdf", "notes.docx", "corrupt.pdf", "fake.pdf", "broken.png", "encrypted.pdf", "zero.pdf",
       "nopages.pdf", "blank.png", "huge.pdf"]


@pytest.mark.parametrize("name", BAD)
def test_bad_input_alone(bad_inputs, tmp_path, name):
    d, expect = bad_inputs
    code, phrase = expect[name]
    out = tmp_path / "out.txt"
    res = run_cli("ocr", str(d / name), "-o", str(out))
    err = res.stderr.decode()
    assert res.returncode == code, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(d / name) in lines[0] and phrase in lines[0], err
    assert "Traceback" not in err
    assert not out.exists() and not list(tmp_path.iterdir())  # nothing half-written


@pytest.mark.parametrize("name", BAD)
def test_bad_input_does_not_stop_the_batch(bad_inputs, fixtures, tmp_path, name):
    d, expect = bad_inputs
    good_dir, ref = fixtures
    code, phrase = expect[name]
    results = ocr_sources([Source(str(good_dir / "plain.txt")), Source(str(d / name)),
                           Source(str(good_dir / "digital.pdf"))], jobs=1)
    assert results[1].exit_code == code and phrase in str(results[1])
    assert results[0].text.strip() and results[2].pages[0].method == "text-layer"


def test_batch_cli_summary_and_mixed_exit_code(bad_inputs, fixtures, tmp_path):
    d, expect = bad_inputs
    good_dir, _ = fixtures
    res = run_cli("ocr", str(d / "corrupt.pdf"), str(good_dir / "plain.txt"), str(d / "encrypted.pdf"),
                  "-o", str(tmp_path))
    err = res.stderr.decode()
    assert res.returncode == 10, err
    assert "2 of 3 inputs failed" in err and "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["plain.txt"]
    res = run_cli("-v", "ocr", str(d / "corrupt.pdf"), "-o", str(tmp_path / "x.txt"))
    assert res.returncode == 5


def test_missing_file_says_check_the_path(tmp_path):
    res = run_cli("ocr", str(tmp_path / "nothing.png"))
    assert res.returncode == 3 and "check the path" in res.stderr.decode()


ANNEX_PLAN = """ỦY BAN NHÂN DÂN TỈNH KON TUM
Số: 12/KH-UBND
Kon Tum, ngày 10 tháng 3 năm 2025
KẾ HOẠCH
Chuyển đổi số trong doanh nghiệp năm 2025
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của doanh nghiệp về chuyển đổi số.
II. TỔ CHỨC THỰC HIỆN
Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo.
PHỤ LỤC
DANH MỤC NHIỆM VỤ
STT
Nội dung nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian hoàn thành
I. NÂNG CAO NHẬN THỨC
1
Tổ chức hội nghị phổ biến kiến thức về chuyển đổi số cho doanh nghiệp nhỏ và vừa trên địa bàn tỉnh.
Sở Khoa học và Công nghệ
Sở Công Thương; Hiệp hội Doanh nghiệp tỉnh
Quý II/2025
2
Xây dựng chuyên mục về chuyển đổi số doanh nghiệp trên Báo Kon Tum.
Báo Kon Tum
Sở Khoa học và Công nghệ
Thường xuyên
II. HỖ TRỢ DOANH NGHIỆP
3
Hỗ trợ doanh nghiệp đưa sản phẩm lên sàn thương mại điện tử.
Sở Công Thương
Ủy ban nhân dân các huyện, thành phố
Trước ngày 30/11/2025
"""


def _annex_rows(doc: dict) -> set:
    return {(a["section"], a["role"], a["body"], a["deadline"]["kind"], a["deadline"]["end"])
            for a in doc["assignments"] if (a["section"] or "").startswith("PL")}


ANNEX_ROWS = {
    ("PL1.I.1", "lead", "Sở Khoa học và Công nghệ", "by", "2025-06-30"),
    ("PL1.I.1", "support", "Sở Công Thương", "by", "2025-06-30"),
    ("PL1.I.1", "support", "Hiệp hội Doanh nghiệp tỉnh", "by", "2025-06-30"),
    ("PL1.I.2", "lead", "Báo Kon Tum", "ongoing", None),
    ("PL1.I.2", "support", "Sở Khoa học và Công nghệ", "ongoing", None),
    ("PL1.II.3", "lead", "Sở Công Thương", "by", "2025-11-30"),
    ("PL1.II.3", "support", "Ủy ban nhân dân các huyện, thành phố", "by", "2025-11-30"),
}


def test_issue_5_a_ruled_annex_table_in_a_born_digital_pdf_is_read_cell_by_cell(tmp_path):
    from pipeline import synth

    synth.save_plan_pdf(ANNEX_PLAN, tmp_path / "plan.pdf")
    doc = ocr_file(str(tmp_path / "plan.pdf"), jobs=1)
    cells = [ln for ln in doc.lines if ln.cell]
    assert [ln.text for ln in cells[:6]] == ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                                             "Thời gian hoàn thành", "I. NÂNG CAO NHẬN THỨC"]
    assert cells[6].text == "1" and cells[6].role == "body"  # a row's number, not a page number
    assert len({ln.block for ln in cells}) == len(cells)  # one paragraph per cell
    r = run_cli("extract", str(tmp_path / "plan.pdf"), "--out", "-")
    assert r.returncode == 0, r.stderr
    assert _annex_rows(json.loads(r.stdout)) == ANNEX_ROWS
    # --tables-as-text: read line by line, as before; the columns run together and the rows are lost
    r = run_cli("ocr", str(tmp_path / "plan.pdf"), "--tables-as-text", "-o", "-")
    assert r.returncode == 0 and "STT Nội dung nhiệm vụ Cơ quan chủ trì" in r.stdout.decode("utf-8")


@pytest.mark.slow
def test_issue_5_a_ruled_annex_table_on_a_noisy_scan_is_read_cell_by_cell(tmp_path):
    import pypdfium2 as pdfium

    from pipeline import synth

    synth.save_plan_pdf(ANNEX_PLAN, tmp_path / "plan.pdf")
    pdf = pdfium.PdfDocument(str(tmp_path / "plan.pdf"))
    pages = [synth.scan_like(pdf[i].render(scale=300 / 72, grayscale=True).to_pil().convert("L"), seed=i)
             for i in range(len(pdf))]
    pdf.close()
    synth.save_image_pdf(pages, tmp_path / "scan.pdf")
    r = run_cli("extract", str(tmp_path / "scan.pdf"), "--out", "-")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["quality"]["ocr"][1]["method"] == "ocr"
    assert _annex_rows(doc) == ANNEX_ROWS


def test_paragraphs_of_a_text_layer_are_told_by_the_space_between_them():
    from pipeline.ocr import _text_layer_lines

    def ln(top: float) -> dict:
        return {"text": f"dòng {top}", "x0": 57.0, "x1": 500.0, "top": top, "bottom": top + 11.0}

    # lines 14.3 pt apart; 6 pt more before a new paragraph (the official format)
    tops = [57.0, 71.3, 85.6, 105.9, 120.2, 140.5]
    assert [x.block for x in _text_layer_lines([ln(t) for t in tops], 1)] == [0, 0, 0, 1, 1, 2]
