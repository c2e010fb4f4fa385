"""Stage 3: a plan's metadata and section tree.

Needs: restored (or clean) text, one output line per source line, form feeds between pages, so that every
line keeps its provenance (page, line). Adds: ``metadata``, ``preamble``, ``sections``, ``references``,
``footnotes`` and ``layout`` (what is not body) of the document JSON (``records.PlanDocument``).

The text is read top to bottom in zones: letterhead (issuer, number, place, date), the document type line
and title, the preamble (what it implements), the numbered body, then recipients ("Nơi nhận") and the
signature block. Headings are recognised by their numbering and checked against the numbering so far, which
also repairs OCR damage ("I1." = "II.", "I1I." = "III.", "V111" = "VIII"): a misread numeral ("Ill.", "Vv.", "L",
"IIL" with its period lost) is read against the part that comes next, a part numbered again where OCR dropped an
"I" is the next part, "d)" after "d)" is "đ)", "4," is item 4; a heading ends on its own short line when OCR lost the
blank line after it, and a paragraph goes on over a page break in mid-sentence.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .bodies import HEADS, LIST_HEADS, MINISTRIES_AND, PLACES_HEAD
from .bodies import key as body_key
from .bodies import load as load_gazetteer
from .dates import DATE, int_to_roman, match_iso, parse_date, roman_to_int
from .records import Citation, Footnote, Implemented, LayoutBlock, Metadata, Section, Signer
from .vietnamese import ROMAN_LIKE, strip_marks

# ---------------------------------------------------------------------------------------------------
# Vocabulary

DOC_TYPES = ["Kế hoạch", "Chỉ thị", "Quyết định", "Nghị quyết", "Nghị định", "Công văn", "Thông báo",
             "Báo cáo", "Hướng dẫn", "Chương trình", "Thông tư", "Kết luận", "Quy định", "Đề án", "Tờ trình",
             "Công điện", "Luật", "Văn bản"]
HEAD_TYPES = DOC_TYPES[:12] + ["Công điện"]  # the types a plan's own type line can have (a conclusion, a dispatch too)
POSITIONS = ["PHÓ CHỦ TỊCH", "CHỦ TỊCH", "PHÓ BÍ THƯ", "BÍ THƯ", "PHÓ CHÁNH VĂN PHÒNG", "CHÁNH VĂN PHÒNG",
             "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC", "PHÓ TRƯỞNG BAN", "TRƯỞNG BAN", "PHÓ CỤC TRƯỞNG", "CỤC TRƯỞNG",
             "THỨ TRƯỞNG", "BỘ TRƯỞNG", "PHÓ THỦ TƯỚNG", "THỦ TƯỚNG", "CHÁNH ÁN", "VIỆN TRƯỞNG",
             "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "TỔNG CỤC TRƯỞNG"]
_POS_KEYS = [(p, strip_marks(p)) for p in POSITIONS]

# A document number: 197-KH/TU, 172/KH-UBND, 73/2023/NĐ-CP, 32/CT-TTg, 4255/QĐ-BNN-KHCN
CODE = r"\d{1,5}[a-z]?(?:/\d{4})?(?:\s?[-/]\s?[A-ZĐ][A-Za-zĐđ0-9&]*)+"
CODE_RE = re.compile(CODE)
_TYPE_ALT = "|".join(sorted(DOC_TYPES, key=len, reverse=True))
_STOP = (r"trên|về|ban hành|thực hiện|triển khai|phê duyệt|quy định|hướng dẫn|tại|đã|năm|khóa|khoá|để|nhằm|trong"
         r"|tăng|tiếp|do|và|với|như|sau|đối|ngày|là")
CITATION_RE = re.compile(
    rf"(?P<type>{_TYPE_ALT})\s+(?:số\s*:?\s*)?(?P<num>{CODE})"
    rf"(?:\s*,?\s*(?:ban hành\s+)?ngày\s+(?P<date>{DATE}))?"
    rf"(?:\s*(?:\(khóa\s+\w+\)\s*)?,?\s*(?:của|do)\s+(?P<issuer>[^,;:.()“”\"\n]+?)"
    rf"(?=\s+(?:{_STOP})\b|\s*[,;:.()“”\"\n]|\s*$))?",
    re.IGNORECASE)

# (older documents write "I/" and "1/")
# (and "PHẦN III." before the numeral; "1.1 Nội dung" without the last dot)
ROMAN_HEAD = re.compile(r"^(?:(?:PHẦN|Phần)\s+)?(?P<num>[IVXLl1|!]{1,5}|V1{1,3}|V[Il1]{1,3})\s*[.\-–:/]\s*(?P<rest>\S.*)$")
# a part's numeral as OCR misreads it ("Ill.", "Il.", "Vv.", "IIl."): read against the part the outline expects
ROMAN_LIKE_HEAD = re.compile(rf"^(?P<num>{ROMAN_LIKE})\s*[.\-–:/]\s*(?P<rest>\S.*)$")
# ... and one whose period OCR lost, before a title in capitals ("II NỘI DUNG THỰC HIỆN")
ROMAN_BARE_HEAD = re.compile(r"^(?P<num>[IVXL][IVXLl1|!]{0,3})\s+(?P<rest>[A-ZĐÀ-Ỹ][^\s.]*\s+\S.*)$")
ARABIC_HEAD = re.compile(r"^(?P<num>\d{1,2}(?:\s?\.\s?\d{1,2}){0,3})(?:\s?(?:\.|-|\)|/)|(?<=\d\.\d)\s|(?<=\d\.\d\d)\s)"
                         r"\s*(?P<rest>\S.*)$")
ARABIC_COMMA_HEAD = re.compile(r"^(?P<num>\d{1,2}),\s*(?P<rest>\S.*)$")  # "4, Đề nghị ...": OCR read the period as a comma
LETTER_HEAD = re.compile(r"^(?P<num>[a-zđ])\s?[)./]\s*(?P<rest>\S.*)$")
BULLET = re.compile(r"^[-+*•–—]\s*")
STRAY = re.compile(r"^[^\w\s\-+*•–—“\"(]{1,3}\s+")  # "] KẾ HOẠCH", "~ 2.5. ...": junk before a line
FOOTNOTE = re.compile(r"^(?P<marker>[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,2}\]|\([^\s)]{1,3}\)|!|\d{1,2}(?=\s))\s*(?P<rest>[A-ZĐÀ-Ỹ].*)$")
PAGE_EDGE = 3  # lines at a page's top and foot where its number may stand
RUNNING_HEADER = re.compile(r"^[A-ZĐ0-9][A-ZĐ0-9.\-_]{11,}\s+\d{1,3}$")
PAGE_NO = re.compile(r"^[\s\-–—]*(?:trang\s*)?\d{1,3}[\s\-–—]*$", re.IGNORECASE)
ANNEX = re.compile(r"^PH[ỤU] L[ỤU]C(?:\s+(?P<num>[IVX]+|\d+))?\s*$")
RECIPIENTS = re.compile(r"^\W{0,3}n[ơo]i\s+nh[ậa]n\s*:?", re.IGNORECASE)
AUTHORITY = re.compile(r"(?<![\w/])(T/M|TM\.|KT\.|Q\.|TL\.|TUQ\.)\s*")
# a text issued with a decision and written after the decision's signature ("QUY CHẾ ..." then "(Ban hành kèm theo
# Quyết định số ...)"), and a chapter of a regulation ("Chương II" then "NỘI DUNG PHỐI HỢP")
ATTACHED = re.compile(r"^(?:KẾ HOẠCH|QUY CHẾ|QUY ĐỊNH|CHƯƠNG TRÌNH|ĐỀ ÁN|ĐIỀU LỆ|HƯỚNG DẪN|PHƯƠNG ÁN)\b")
ATTACHED_NOTE = re.compile(r"^[(*\s]*(?:Ban\s+hành\s+)?kèm\s+theo\b", re.IGNORECASE)
CHAPTER = re.compile(r"^(?:Chương|CHƯƠNG)\s+(?:[IVXL]+|\d{1,2})\b\.?")
PLACE_DATE = re.compile(rf"(?P<place>[A-ZĐÀ-Ỹ][\w ]{{1,30}}?)\s*,\s*ngày\s+(?P<date>{DATE})", re.IGNORECASE)
MOTTO = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM"
                   r"|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc", re.IGNORECASE)
ISSUING = re.compile(rf"(?:^|[.;,:]\s+|\n)(?P<body>[A-ZĐÀ-Ỹ][^.;,:\n]{{3,80}}?)\s+(?:xây dựng|ban hành)\s+"
                     rf"(?P<type>{_TYPE_ALT})\b")
ABBREVIATIONS = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}
ORG_WORDS = {"ban thường vụ": "Ban Thường vụ", "tỉnh ủy": "Tỉnh ủy", "thành ủy": "Thành ủy",
             "huyện ủy": "Huyện ủy", "đảng ủy": "Đảng ủy", "ủy ban nhân dân": "Ủy ban nhân dân",
             "hội đồng nhân dân": "Hội đồng nhân dân", "văn phòng": "Văn phòng", "sở": "Sở", "chính phủ": "Chính phủ",
             "quốc hội": "Quốc hội"}
PLACE_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "tỉnh ủy", "thành ủy", "huyện ủy")


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def clean_markup(s: str) -> str:
    """Drop markdown emphasis that born-digital extractions carry (``**bold**``, ``*italic*``)."""
    s = s.replace("**", "")
    return re.sub(r"(?<=[\s(])\*(\S[^*]*?)\*(?=[\s).,;:]|$)", r"\1", s)


def upper_share(s: str) -> float:
    letters = [c for c in s if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def sentence_case(s: str) -> str:
    s = s.strip()
    return s[:1].upper() + s[1:].lower() if s else s


def org_case(text: str) -> str:
    """``ỦY BAN NHÂN DÂN TỈNH NGHỆ AN`` -> ``Ủy ban nhân dân tỉnh Nghệ An``; mixed case is kept."""
    text = " ".join(text.split())
    for abbr, full in ABBREVIATIONS.items():
        text = re.sub(rf"\b{abbr}\b", full if upper_share(text) < 0.6 else full.upper(), text)
    if upper_share(text) < 0.6:
        return text
    low = text.lower()
    for k, v in ORG_WORDS.items():
        low = re.sub(rf"\b{k}\b", v, low)
    words = low.split()
    out = []
    place = False
    for i, w in enumerate(words):
        prev2 = " ".join(words[max(0, i - 2):i]).lower()
        prev1 = words[i - 1].lower() if i else ""
        if (prev1 in PLACE_WORDS or prev2 in PLACE_WORDS) and w.lower() != "ủy":
            place = True
        out.append(w[:1].upper() + w[1:] if place else w)
    s = " ".join(out)
    return s[:1].upper() + s[1:]


# ---------------------------------------------------------------------------------------------------
# Lines with provenance


@dataclass
class TLine:
    text: str  # cleaned of markup, stripped
    raw: str
    page: int
    line: int
    blank_before: bool
    indented: bool
    role: str = "body"


# a text whose paragraphs were run together (copied from a web page): where its numbered items start again
RUN_ON_LINE = 1500  # characters: longer lines are looked into
_RUN_ON_BREAK = re.compile(r"(?<=[.:;”)])\s+(?=[IVX]{1,4}\.\s+[A-ZĐÀ-Ỹ]{2,}\b|\d{1,2}(?:\.\d{1,2}){0,2}\.\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]"
                           r"|[a-zđ]\)\s+[A-ZĐÀ-Ỹ]|[-–+•]\s+[A-ZĐÀ-Ỹ]|Điều\s+\d{1,3}\.\s+[A-ZĐÀ-Ỹ])|\s+(?=a\)\s+[A-ZĐÀ-Ỹ])"
                           # ("...; QUYẾT NGHỊ: Điều 1. ...": a resolution's or a decision's articles)
                           r"|(?<=[.:;,])\s+(?=QUYẾT\s+(?:NGHỊ|ĐỊNH)\s*:)|(?<=QUYẾT\sNGHỊ:)\s+|(?<=QUYẾT\sĐỊNH:)\s+")
# ("... ĐA06 a) Bộ Khoa học ...": a first item; "...: - Làm đầu mối ...; - Cập nhật ...": bullets)
_RUN_ON_ITEM = re.compile(r"[.:;]\s+(?:[IVX]{1,4}\.\s+[A-ZĐÀ-Ỹ]{2,}\b|\d{1,2}\.\s+[A-ZĐÀ-Ỹ])")
def _caps_then_text(piece: str) -> Optional[tuple[str, str]]:
    """An upper-case heading run on into its first sentence or item: "I. VỀ KẾT QUẢ ĐẠT ĐƯỢC Thực hiện nghiêm ...",
    "III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM, CỤ THỂ 1. Quyết liệt ..." -> (heading, text); None otherwise. (Case is
    read with str.isupper: Vietnamese capitals with marks fall inside the [à-ỹ] range.)"""
    words = list(re.finditer(r"\S+", piece))
    roman = bool(words) and bool(re.fullmatch(r"[IVX]{1,4}\.", words[0].group(0)))
    k = 1 if roman else 0
    n_caps = 0
    while k < len(words):
        w = words[k].group(0)
        letters = [c for c in w if c.isalpha()]
        if letters and all(c.isupper() for c in letters) or not letters and not re.fullmatch(r"\d{1,2}\.", w):
            n_caps += 1
            k += 1
            continue
        break
    if n_caps < (2 if roman else 3) or k >= len(words):
        return None  # ("II. NỘI DUNG 1. Kiện toàn ...": two words after a roman number)
    nxt = words[k].group(0)
    if re.fullmatch(r"\d{1,2}\.", nxt) and k + 1 < len(words):
        nxt = words[k + 1].group(0)
    letters = [c for c in nxt if c.isalpha()]
    if len(letters) < 2 or not letters[0].isupper() or not all(c.islower() for c in letters[1:]):
        return None
    return piece[:words[k - 1].end()], piece[words[k].start():]


def _run_on_pieces(line: str) -> list[str]:
    """A very long line (or a long one with two numbered items run into it) cut where numbered items and upper-case
    headings start (nothing is dropped)."""
    if len(line) < RUN_ON_LINE and (len(line) < 400 or len(_RUN_ON_ITEM.findall(line)) < 2
                                    or not (re.search(r"[.:;]\s+[IVX]{1,4}\.\s+[A-ZĐÀ-Ỹ]{2,}\b", line) or _caps_then_text(line))):
        return [line]  # (a shorter line needs a roman heading in it, or to open with an upper-case title: "Căn cứ: 1.
        # Luật ...; 2. Nghị định ..." is one paragraph)
    out: list[str] = []
    for piece in _RUN_ON_BREAK.split(line):
        cut = _caps_then_text(piece)
        if cut:
            # "NGHỊ QUYẾT VỀ ... CHÍNH PHỦ Căn cứ ...": the title, then the issuing authority before its grounds
            by = re.search(r"\s(?:THỦ TƯỚNG CHÍNH PHỦ|CHÍNH PHỦ|ỦY BAN THƯỜNG VỤ QUỐC HỘI|QUỐC HỘI)$", cut[0])
            head = [cut[0][:by.start()], cut[0][by.start() + 1:]] if by and cut[1].startswith("Căn cứ") else [cut[0]]
            out += [*head, *(_run_on_pieces(cut[1]) if len(cut[1]) >= RUN_ON_LINE else [cut[1]])]
        else:
            out.append(piece)
    return out


def _annex_titles(lines: list[TLine]) -> list[TLine]:
    """"PHỤ LỤC DANH MỤC NHIỆM VỤ ... (Kèm theo ...)" on one line: the annex line, then its title."""
    out = []
    for ln in lines:
        m = re.match(r"^(?P<a>PH[ỤU] L[ỤU]C(?:\s+(?:[IVX]+|\d+))?)\s+(?P<rest>[^\W\d_]{2,}\s.*)$", ln.text)
        if m and upper_share(m["rest"].split("(")[0]) > 0.8:
            out += [TLine(m["a"], ln.raw, ln.page, ln.line, ln.blank_before, ln.indented),
                    TLine(m["rest"], ln.raw, ln.page, ln.line, False, False)]
        else:
            out.append(ln)
    return out


def _type_and_title(lines: list[TLine]) -> list[TLine]:
    """"THÔNG BÁO KẾT LUẬN PHIÊN HỌP ..." on one line near the top: the type line, then the title."""
    for i, ln in enumerate(lines[:30]):
        m = re.match(r"^(?P<t>\S+(?:\s+\S+)?)\s+(?P<rest>\S+\s+\S+.*)$", ln.text)
        if m and upper_share(ln.text) > 0.9 and _is_type_line(m["t"]) and not _is_type_line(ln.text):
            return lines[:i] + [TLine(m["t"], ln.raw, ln.page, ln.line, ln.blank_before, ln.indented),
                                TLine(m["rest"], ln.raw, ln.page, ln.line, False, False)] + lines[i + 1:]
    return lines


def read_lines(text: str) -> list[TLine]:
    out: list[TLine] = []
    for pno, chunk in enumerate(nfc(text).split("\f"), start=1):
        blank = True
        for lno, raw in enumerate(chunk.split("\n"), start=1):
            if not raw.strip():
                blank = True
                continue
            pieces = _run_on_pieces(raw.strip())
            for k, piece in enumerate(pieces):  # (each piece keeps its source line)
                out.append(TLine(clean_markup(piece).strip(), raw if len(pieces) == 1 else piece, pno, lno,
                                 blank or k > 0, raw[:1].isspace() and k == 0))
            blank = False
    _site_header(out)
    return _annex_titles(_type_and_title(out))


# the header that a legal-documents website puts before the text (copied with it)
SITE_LINE = re.compile(r"^(?:Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT|THƯ VIỆN PHÁP LUẬT has the copyright"
                        r"|CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI, HƯỚNG DẪN|Các nội dung của VB này được VB khác|Đang tải văn bản)")
_SITE_LABEL = re.compile(r"^(?:Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày công báo"
                         r"|Số công báo|Tình trạng)\s*:$")


def _site_header(lines: list[TLine]) -> None:
    """Mark the website's header lines (and each label's value line) as "header", not the document's."""
    i = 0
    while i < min(len(lines), 40):
        t = lines[i].text
        if SITE_LINE.match(t):
            lines[i].role = "header"
        elif _SITE_LABEL.match(t):
            lines[i].role = "header"
            if i + 1 < len(lines) and not _SITE_LABEL.match(lines[i + 1].text):
                lines[i + 1].role = "header"
                i += 1
        i += 1


def join_lines(parts: list[str]) -> str:
    """Physical lines of one paragraph: a space between them, none after a code's hyphen ("41-" "CT/TW")."""
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out and re.search(r"\d-$", out) and p[:1].isalnum():
            out += p
        else:
            out = f"{out} {p}" if out else p
    return out


def _destray(s: str) -> str:
    return STRAY.sub("", s, count=1)


# ---------------------------------------------------------------------------------------------------
# Headings


def _roman_lookalikes(token: str) -> str:
    """A numeral with OCR's look-alikes undone: 1 l | ! L i -> I, v -> V, x -> X."""
    return re.sub(r"[1l|!Li]", "I", token).replace("v", "V").replace("x", "X")


def _roman_value(token: str) -> Optional[int]:
    return roman_to_int(_roman_lookalikes(token))


def _roman_reading(token: str, expected: int) -> Optional[int]:
    """The part number a numeral stands for: as written when it is one, else the expected part when the
    misread numeral is one letter away from it ("Ill" = III, "IL" = I or II, "Vv" = V), else its look-alike value."""
    if re.fullmatch(r"[IVX]+", token):
        return roman_to_int(token)
    norm = _roman_lookalikes(token)
    if not token.isdigit() and Levenshtein.distance(norm, int_to_roman(expected)) <= (1 if len(token) >= 2 else 0):
        return expected  # ("v." = V only where V comes next)
    return roman_to_int(norm)


LETTERS = "abcdđeghiklmnopqrstuvxy"


@dataclass
class Head:
    kind: str  # article | roman | arabic | letter
    nums: tuple  # roman: (n,), arabic: (1, 4) for "1.4.", letter: ("a",)
    rest: str
    weak: bool = False  # a part written in sentence case ("IV. Tổ chức thực hiện."): only as the very next part
    numeral: str = ""  # a roman numeral as written, when OCR may have misread it: read against the expected part


CLOSING_ARTICLE = re.compile(r"^Điều\s+\d{1,2}\.\s+(?:(?:Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị)\s+này\s+có\s+hiệu\s+lực"
                             r"|.{0,400}chịu\s+trách\s+nhiệm\s+thi\s+hành\s+(?:Quyết\s+định|Nghị\s+quyết)\s+này)")
CLOSING_PART = re.compile(r"(?:Tổ\s+chức\s+thực\s+hiện|Kinh\s+phí(?:\s+thực\s+hiện)?|Điều\s+khoản\s+thi\s+hành)\.?$", re.I)
ARTICLE_HEAD = re.compile(r"^Điều\s+(?P<num>\d{1,3})\s*(?:[.:]\s*(?P<rest>.*))?$")


def parse_head(text: str) -> Optional[Head]:
    s = _destray(text)
    m = ARTICLE_HEAD.match(s)
    if m and (not m["rest"] or m["rest"][:1].isupper()):  # "Điều 4. Tổ chức thực hiện", "Điều 4" on its own line
        return Head("article", (int(m["num"]),), (m["rest"] or "").strip())
    m = ROMAN_HEAD.match(s)
    if m:
        v = _roman_value(m["num"])
        if v and v <= 20 and upper_share(m["rest"]) >= 0.6 and len(m["rest"]) >= 3:
            return Head("roman", (v,), m["rest"], numeral=m["num"])
        exact = bool(re.fullmatch(r"[IVX]+", m["num"]))
        if v and v <= 20 and (exact or not any(c.isdigit() for c in m["num"])) and m["rest"][:1].isupper() \
                and len(m["rest"].split()) <= 16:  # ("L. Trách nhiệm phối hợp ...": vie OCR's "I.", read against I)
            return Head("roman", (v,), m["rest"].rstrip(" ."), weak=True, numeral="" if exact else m["num"])
    m = ROMAN_LIKE_HEAD.match(s) or ROMAN_BARE_HEAD.match(s)
    if m and upper_share(m["rest"]) >= 0.8 and len(m["rest"].split()) >= 2:
        return Head("roman", (0,), m["rest"], numeral=m["num"])  # (a misread numeral: the outline reads it)
    m = ARABIC_HEAD.match(s) or ARABIC_COMMA_HEAD.match(s)
    if m and _opens_item(m["rest"]):
        nums = tuple(int(x) for x in re.split(r"\s?\.\s?", m["num"]))
        if all(0 < n <= 60 for n in nums) and not re.match(r"^\d{1,2}\s?-\s?[A-Z]{2}", s):
            return Head("arabic", nums, m["rest"].lstrip("*_ "))
    m = LETTER_HEAD.match(s)
    if m and _opens_item(m["rest"]):
        return Head("letter", (m["num"],), m["rest"].lstrip("*_ "))
    return None


def _opens_item(rest: str) -> bool:
    """An item's text starts with a capital or a quote (after emphasis marks kept from a web page: "*Tổ")."""
    rest = rest.lstrip("*_ ")
    return rest[:1].isupper() or rest[:1] in "“\"("


@dataclass
class _Open:
    section: Section
    paragraphs: list[list[str]] = field(default_factory=list)


class Outline:
    """Accepts a heading only where the numbering so far allows it; builds ids and parents."""

    def __init__(self) -> None:
        self.article: Optional[int] = None  # "Điều 4" of a resolution or a decision: its items are numbered again
        self.roman: Optional[int] = None
        self.arabic: list[int] = []  # current arabic path under the roman part, e.g. [1, 4]
        self.letter: Optional[str] = None
        self.seen_roman = False
        self.title = ""  # the current part's title

    def _prefix(self) -> list[str]:
        if self.article:
            return [f"Điều {self.article}"]
        return [_roman_label(self.roman)] if self.roman else []

    def accept(self, h: Head) -> Optional[tuple[str, str, Optional[str]]]:
        """(id, label, parent) if ``h`` continues the outline, else None."""
        if h.kind == "article":
            n = h.nums[0]
            if n not in ((self.article or 0) + 1, (self.article or 0) + 2):
                return None
            self.article, self.roman, self.arabic, self.letter = n, None, [], None
            return f"Điều {n}", f"Điều {n}.", None
        if h.kind == "roman":
            expected = (self.roman or 0) + 1
            n = (_roman_reading(h.numeral, expected) if h.numeral else h.nums[0]) or 0
            if not n:
                return None
            label = f"{_roman_label(n)}."
            if n == self.roman and (self.arabic or h.rest.strip() != self.title and not h.numeral.isdigit()) \
                    and (not h.weak or CLOSING_PART.match(h.rest)):
                n = expected  # a part numbered again by a slip ("IV. PHÂN CÔNG ..." then "IV. TỔ CHỨC ..."): the next
                # (in sentence case only a closing part: "II. Tổ chức thực hiện" where OCR dropped an I of "III.")
            # a part in sentence case: only as the very next part, or as the first one before any item
            if n not in (expected, expected + 1) or h.weak and not (n == expected and (self.seen_roman or not self.arabic)):
                return None
            # (a plan's parts after the articles of the decision that issues it: the parts take over)
            self.roman, self.arabic, self.letter, self.seen_roman, self.article = n, [], None, True, None
            self.title = h.rest.strip()
            return _roman_label(n), label, None
        if h.kind == "arabic":
            nums = list(h.nums)
            cur = self.arabic
            ok = False
            if len(nums) == 1:
                ok = nums[0] in ((cur[0] + 1, cur[0] + 2) if cur else (1, 2))
            elif cur and nums[:-1] == cur[:len(nums) - 1] and len(nums) <= len(cur) + 1:
                last = cur[len(nums) - 1] if len(cur) >= len(nums) else 0
                ok = nums[-1] in (last + 1, last + 2)
            elif cur and len(nums) == 2 and nums[0] == cur[0] + 1 and nums[1] == 1:
                ok = True  # "2.1." straight after item 1's subtree with "2." missing
            if not ok:
                return None
            self.arabic, self.letter = nums, None
            parts = self._prefix() + [str(x) for x in nums]
            parent = ".".join(parts[:-1]) or None
            return ".".join(parts), ".".join(str(x) for x in nums) + ".", parent
        letter = h.nums[0]
        if not self.arabic and not self.roman and not self.article:
            return None
        if letter == "d" and self.letter == "d":
            letter = "đ"  # "d)" after "d)": OCR lost the stroke of "đ)"
        pos = LETTERS.find(letter)
        prev = LETTERS.find(self.letter) if self.letter else -1
        if pos < 0 or not (prev < pos <= prev + 2):
            return None
        self.letter = letter
        parent = ".".join(self._prefix() + [str(x) for x in self.arabic])
        return f"{parent}.{letter}", f"{letter})", parent


def _roman_label(n: int) -> str:
    return int_to_roman(n)


_HEADS_AT = re.compile(r"(?:%s|UBND|HĐND)\s" % "|".join(sorted(HEADS, key=len, reverse=True)))


def _split_heading(paragraph: str) -> tuple[str, str]:
    """``Mục đích: Cụ thể hóa ...`` -> (``Mục đích``, ``Cụ thể hóa ...``); otherwise the whole paragraph."""
    m = re.match(r"^(?P<h>[^:]{2,80}?)\s*:\s*(?P<t>.*)$", paragraph)
    # (a list of bodies before the colon may be longer: "Sở Dân tộc và Tôn giáo, UBND cấp xã: Tiếp nhận ...")
    if m and (len(m["h"].split()) <= 8 or len(m["h"].split()) <= 14 and "," in m["h"] and _HEADS_AT.match(m["h"])) \
            and not CODE_RE.search(m["h"]) \
            and not re.fullmatch(rf"(?:(?:Yêu\s+cầu|Giao|Đề\s+nghị)\s+)?(?:(?:Bộ\s+trưởng|Lãnh\s+đạo|Thủ\s+trưởng)\s+)?[Cc]ác\s+"
                                 rf"(?:{LIST_HEADS}|bộ){MINISTRIES_AND}|{PLACES_HEAD}",
                                 m["h"].strip()):
        # ("Các Bộ: Quốc phòng, Công an chủ động ...", "các bộ: Công Thương, ...": the list of names goes on after the colon)
        return m["h"].strip(), m["t"].strip()
    return paragraph.rstrip(" :;").strip(), ""


# ---------------------------------------------------------------------------------------------------
# The segmenter


@dataclass
class Segmented:
    metadata: Metadata
    preamble: str
    sections: list[Section]
    references: list[Citation]
    footnotes: list[Footnote]
    layout: list[LayoutBlock]
    body_lines: list[TLine]  # body lines with their section ids (for stage 4)
    line_sections: list[Optional[str]]


def _is_type_line(text: str) -> Optional[str]:
    s = _destray(text).strip(" *:.")
    key = strip_marks(s).upper()
    for t in HEAD_TYPES:
        if key == strip_marks(t).upper():
            return t
    return None


def _position_suffix(line: str) -> Optional[tuple[int, str]]:
    """A signer's position at the end of a line (two columns merged by OCR): (start, canonical position)."""
    words = list(re.finditer(r"\S+", line))
    for exact in (True, False):
        found = _position_at(line, words, exact)
        if found:
            return found
    return None


def _position_at(line: str, words: list, exact: bool) -> Optional[tuple[int, str]]:
    for k in (4, 3, 2, 1):
        if len(words) < k:
            continue
        start = words[-k].start()
        tail = re.sub(r"[^\w ]", "", line[start:]).strip()
        if not tail or upper_share(tail) < 0.6 or len(tail) < 5:
            continue
        key = strip_marks(tail).upper()
        for pos, pkey in _POS_KEYS:
            if key == pkey or (not exact and len(pkey.split()) == len(key.split()) and fuzz.ratio(key, pkey) >= 80):
                return start, pos
    return None


NOT_NAMES = {"Sở", "Ban", "Bộ", "Phòng", "Xã", "Phường", "Huyện", "Tỉnh", "Ủy", "Văn", "Trung", "Hội", "Báo",
             "Đài", "Cục", "Chi", "Công", "Lưu", "Các", "Thường", "Trường", "Viện", "Quận", "Thành", "Vùng", "Khu"}


def _looks_like_name(s: str) -> bool:
    words = s.split()
    return (2 <= len(words) <= 5 and words[0] not in NOT_NAMES and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
            and upper_share(s) < 0.6)


def _attached_text(lines: list[TLine], start: int) -> Optional[tuple[int, int, int]]:
    """The text a decision issues, when it is written after the decision's signature: (where the decision's recipients
    and signature start, the issued text's type line ("QUY CHẾ", "KẾ HOẠCH"), its note "(Ban hành kèm theo Quyết định
    số ...)" a few lines below), or None."""
    signed = next((i for i in range(start, len(lines))
                   if RECIPIENTS.match(lines[i].text) or AUTHORITY.match(lines[i].text)), None)
    if signed is None:
        return None
    # the first such note after the signature (later ones head forms and annexes)
    note = next((j for j in range(signed + 1, len(lines)) if ATTACHED_NOTE.match(lines[j].text)), None)
    if note is None:
        return None
    typed = next((i for i in range(max(signed + 1, note - 5), note)
                  if ATTACHED.match(lines[i].text) and upper_share(lines[i].text) > 0.8), None)
    return (signed, typed, note) if typed is not None else None


def segment(text: str, page_numbers: bool = True) -> Segmented:
    """Stage 3 on a text (pages separated by form feeds). ``page_numbers``: whether a number alone at a page's top
    or foot is its page number (False when stage 1 has taken the page numbers out already)."""
    lines = read_lines(text)
    layout: list[LayoutBlock] = []

    def mark(ln: TLine, role: str) -> None:
        ln.role = role
        layout.append(LayoutBlock(role=role, text=ln.text, page=ln.page, line=ln.line))

    top = [i for i, ln in enumerate(lines[:30]) if ln.role == "body"]
    type_idx = next((i for i in top if _is_type_line(lines[i].text)), None)
    # the text a decision issues, after the decision's own articles and signature: the body is that text's
    attached = _attached_text(lines, type_idx + 1) if type_idx is not None else None
    zone_from = attached[1] if attached else 0
    # a text whose articles are its body (a resolution, a decree: "Điều 4. 1. ... a) ..."): items numbered again in each
    # article; not a plan with parts ("I. MỤC ĐÍCH ...") after the articles of the decision that issues it, nor a
    # regulation ("Điều 1" again) after them unless it is written apart after the decision's signature
    heads = [h for ln in lines[zone_from:] if (h := parse_head(ln.text)) and h.kind in ("roman", "article")]
    articles = not any(h.kind == "roman" for h in heads) and sum(h.nums == (1,) for h in heads) == 1

    def head(t: str) -> Optional[Head]:
        h = parse_head(t)
        return None if h and h.kind == "article" and not articles else h

    n_pages = text.count("\f") + 1
    on_page: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        on_page.setdefault(ln.page, []).append(i)
    # a page number stands at a page's top or foot (a table's row number "3" may stand alone mid-page)
    edges = {i for idx in on_page.values() for i in idx[:PAGE_EDGE] + idx[-PAGE_EDGE:]}
    for i, ln in enumerate(lines):
        if RUNNING_HEADER.match(ln.text):
            ln.role = "header"
        elif page_numbers and n_pages > 1 and PAGE_NO.match(ln.text) and i in edges:
            ln.role = "page-number"

    # --- zones: letterhead | type line + title | preamble | body | recipients + signature
    doc_type = _is_type_line(lines[type_idx].text) if type_idx is not None else None
    first_head = None
    outline_probe = Outline()
    for i, ln in enumerate(lines):
        if ln.role != "body" or (type_idx is not None and i <= type_idx) or i < zone_from:
            continue
        h = head(ln.text)
        if h and h.kind in ("article", "roman", "arabic") and outline_probe.accept(h):
            first_head = i
            break
    first_head = first_head if first_head is not None else len(lines)
    end_idx = next((i for i in range(len(lines) - 1, first_head - 1, -1) if RECIPIENTS.match(lines[i].text)), None)
    if end_idx is None:  # no "Nơi nhận": the body ends at the signature's authority, or at the first annex
        end_idx = next((i for i in range(first_head, len(lines))
                        if AUTHORITY.match(lines[i].text) or ANNEX.match(lines[i].text)), len(lines))

    # letterhead and title
    title_lines: list[TLine] = []
    letterhead: list[TLine] = []
    if type_idx is not None:
        letterhead = [ln for ln in lines[:type_idx] if ln.role == "body"]
        mark(lines[type_idx], "title")
        j = type_idx + 1
        while j < first_head and lines[j].role == "body":
            if title_lines and lines[j].blank_before:
                break
            title_lines.append(lines[j])
            j += 1
        pre_start = j
    else:
        j = 0
        while j < first_head and not re.match(r"^(Căn cứ|Thực hiện|Triển khai|Theo|Tiếp tục)\b", lines[j].text):
            if lines[j].role != "body":  # (a website's header)
                j += 1
                continue
            if title_lines and lines[j].blank_before:
                break
            title_lines.append(lines[j])
            j += 1
        pre_start = j
    for ln in letterhead:
        mark(ln, "letterhead")
    for ln in title_lines:
        mark(ln, "title")
    title = join_lines([ln.text for ln in title_lines]) or None

    # the tail: recipients and signature, then annexes (PHỤ LỤC) with their tables
    annex_idx = next((i for i in range(end_idx, len(lines)) if ANNEX.match(lines[i].text)), len(lines))
    tail = [ln for ln in lines[end_idx:annex_idx] if ln.role == "body"]
    signer, recipients, tail_rest = _read_tail(tail, mark)
    # the decision's own recipients and signature before the text it issues, and that text's type line and title
    # down to "(Ban hành kèm theo ...)": neither preamble nor body
    apart = range(0)
    if attached:
        dec_tail, attach, note = attached
        apart = range(dec_tail, note + 1)
        dec_signer, dec_recipients, dec_rest = _read_tail([ln for ln in lines[dec_tail:attach] if ln.role == "body"],
                                                          mark)
        signer = dec_signer or signer
        recipients = dec_recipients + recipients
        for ln in dec_rest:
            mark(ln, "other")
        for ln in lines[attach:note + 1]:
            if ln.role == "body":
                mark(ln, "title")

    # a decision's own closing articles after the programme or plan it approves in its first article ("IV. TỔ CHỨC
    # THỰC HIỆN ... / Điều 2. Quyết định này có hiệu lực ... / Điều 3. Bộ trưởng ... chịu trách nhiệm thi hành"): no
    # part of the plan's last item
    closing_from = end_idx
    if not articles:
        seen_roman = False
        for i in range(first_head, end_idx):
            h = parse_head(lines[i].text)
            seen_roman = seen_roman or bool(h and h.kind == "roman")
            if seen_roman and CLOSING_ARTICLE.match(lines[i].text):
                closing_from = i
                break

    def chapter_title(i: int) -> bool:
        prev = next((k for k in range(i - 1, pre_start - 1, -1) if lines[k].role != "header"), None)
        return prev is not None and bool(CHAPTER.fullmatch(lines[prev].text.strip())) and upper_share(lines[i].text) > 0.8

    # footnotes (in the body zone) and non-body lines there
    footnotes: list[Footnote] = []
    body: list[TLine] = []
    fn_open: Optional[Footnote] = None
    for i in range(pre_start, end_idx):
        ln = lines[i]
        if i in apart:
            continue
        # a regulation's chapter line and its title ("Chương II" / "NỘI DUNG PHỐI HỢP"): no part of an article
        if articles and ln.role == "body" and (CHAPTER.match(ln.text) or chapter_title(i)):
            mark(ln, "other")
            continue
        if i >= closing_from and ln.role == "body":
            mark(ln, "other")
            continue
        if ln.role != "body":
            layout.append(LayoutBlock(role=ln.role, text=ln.text, page=ln.page, line=ln.line))
            continue
        fm = FOOTNOTE.match(ln.text)
        if fm and body and len(fm["rest"].split()) >= 5 and not head(ln.text) \
                and not ARABIC_HEAD.match(ln.text):
            fn_open = Footnote(marker=fm["marker"], text=fm["rest"].strip(), page=ln.page, line=ln.line)
            footnotes.append(fn_open)
            ln.role = "footnote"
            continue
        if fn_open is not None:
            if ln.blank_before or ln.indented or head(ln.text) or BULLET.match(ln.text):
                fn_open = None
            else:
                fn_open.text = join_lines([fn_open.text, ln.text])
                ln.role = "footnote"
                continue
        body.append(ln)
    # a footnote that runs on past the signature (its page ended there)
    for ln in tail_rest:
        if footnotes and not re.search(r"[.!?”\"]$", footnotes[-1].text):
            footnotes[-1].text = join_lines([footnotes[-1].text, ln.text])
            ln.role = "footnote"
        else:
            mark(ln, "other")
    _link_footnotes(footnotes, body)

    # sections
    outline = Outline()
    sections: list[Section] = []
    opened: list[_Open] = []
    preamble_pars: list[list[str]] = []
    line_sections: list[Optional[str]] = []
    current: Optional[_Open] = None
    heading_open = False  # still reading the heading paragraph
    before_body = {id(ln) for ln in lines[:first_head]} if attached else set()
    for ln in body:
        h = head(ln.text) if id(ln) not in before_body else None
        if h and h.kind not in ("roman", "article") and not (ln.blank_before or heading_open or current is None
                                            or _ends_paragraph(line_sections, body, ln)):
            h = None
        acc = outline.accept(h) if h else None
        if h and not acc and h.kind == "roman" and h.numeral.isdigit():
            h = Head("arabic", (int(h.numeral),), h.rest)  # "1. NHIỆM VỤ CHUNG": an item, where part I is no longer next
            acc = outline.accept(h)
        if acc:
            sid, label, parent = acc
            sec = Section(id=sid, label=label, level=sid.count(".") + 1, heading="", text="", parent=parent,
                          page=ln.page, line=ln.line)
            current = _Open(sec, [[h.rest]])
            opened.append(current)
            sections.append(sec)
            heading_open = True
            line_sections.append(sid)
            continue
        line_sections.append(current.section.id if current else None)
        target = current.paragraphs if current else preamble_pars
        # a paragraph goes on over a blank line when the next line starts in lower case (a page break)
        k = len(line_sections) - 2
        page_break = k >= 0 and body[k].page != ln.page and not re.search(r"[.:;!?”\"]$", body[k].text.rstrip())
        # ... or after a page break in mid-sentence ("... các Bộ: Quốc phòng, Công an, | Nông nghiệp và Môi trường ...")
        cont = bool(target) and not BULLET.match(ln.text) and (not ln.blank_before or ln.text[:1].islower() or page_break)
        if heading_open and current and cont:
            if not _heading_done(current, ln.text):
                target[-1].append(ln.text)
                continue
            cont = False  # the heading ended on its own line: its text starts a paragraph (OCR loses blank lines)
        heading_open = False
        if cont:
            target[-1].append(ln.text)
        else:
            target.append([ln.text])
    for op in opened:
        pars = [join_lines(p) for p in op.paragraphs]
        head, rest = _split_heading(pars[0])
        op.section.heading = head
        op.section.text = "\n".join(([rest] if rest else []) + pars[1:])
    preamble = "\n".join(join_lines(p) for p in preamble_pars)
    sections.extend(_annexes(lines[annex_idx:], line_sections, body))

    # metadata
    references = _citations(lines, body, line_sections, footnotes)
    meta = _metadata(letterhead, doc_type, title, preamble, references, title_lines, signer, recipients)
    layout.sort(key=lambda b: (b.page, b.line))
    return Segmented(meta, preamble, sections, references, footnotes, layout, body, line_sections)


def _annexes(lines: list[TLine], line_sections: list, body: list) -> list[Section]:
    """Each ``PHỤ LỤC [n]`` is a level-1 section ``PL<n>``: its title paragraph, then its table cells."""
    out: list[Section] = []
    cur: Optional[Section] = None
    pars: list[str] = []
    cells: list[list] = []

    def close() -> None:
        if cur is not None:
            cur.heading = pars[0] if pars else ""
            cur.text = "\n".join(pars[1:])

    for ln in lines:
        if ln.role != "body":
            continue
        m = ANNEX.match(ln.text)
        if m:
            close()
            if cur is not None:
                out.extend(_table_rows(cur, cells))
            num = m["num"]
            n = (roman_to_int(num) if num and not num.isdigit() else int(num)) if num else len(out) + 1
            cur = Section(id=f"PL{n}", label=ln.text.strip(), level=1, heading="", text="", parent=None,
                          page=ln.page, line=ln.line)
            out.append(cur)
            pars, cells = [], []
        elif cur is not None:
            if pars and not ln.blank_before:
                pars[-1] = join_lines([pars[-1], ln.text])
                cells[-1][0] = pars[-1]
            else:
                pars.append(ln.text)
                cells.append([ln.text, ln])
        body.append(ln)
        line_sections.append(cur.id if cur else None)
    close()
    if cur is not None:
        out.extend(_table_rows(cur, cells))
    return out


# the number column's head: "STT", "TT", "Số TT", and as OCR reads them on a scan ("S11", "STI", "T1", "S1,")
TABLE_HEAD = re.compile(r"^(?:S[TI1l][TI1l]?|T[TI1l]|Số TT)[.,:]?$", re.IGNORECASE)
CONTENT_COLS = re.compile(r"^(?:tên nhiệm vụ|nhiệm vụ|nội dung|nội dung (?:công việc|nhiệm vụ|thực hiện)|"
                          r"nhiệm vụ, giải pháp|công việc|tên (?:đề án|dự án|chương trình|nhiệm vụ))", re.IGNORECASE)


BODY_CELL = re.compile(r"^(?:Các|UBND|HĐND|" + "|".join(re.escape(h) for h in sorted(HEADS, key=len, reverse=True)) + r")\b")


def _column_name(c: str) -> str:
    low = c.lower()
    if "chủ trì" in low:
        return "Cơ quan chủ trì"
    if "phối hợp" in low:
        return "Cơ quan phối hợp"
    if re.search(r"thời gian|thời hạn|tiến độ|hoàn thành", low):
        return "Thời gian hoàn thành"
    if ("thực hiện" in low or "trách nhiệm" in low) and not re.match(r"(?:cấp|hình thức|cách thức|phương thức|kết quả|sản phẩm)\b", low):
        return "Cơ quan thực hiện"  # (not "Cấp thực hiện": the level of a procedure, "Cấp Bộ; Cấp Tỉnh")
    return c


# a group's roman numeral in an annex table as OCR reads it on a scan: "|" or "l" for I, "H" for II, "VỊ" for VI ...
NUMERAL_CHARS = "IVXLivxl1|!HỊịÌìÍíỈỉĨĩ"
NUMERAL_LIKE = re.compile(rf"(?!\d+\.?$)([{NUMERAL_CHARS}]{{1,4}})\.?")
# ... and before the group's title in the same cell ("II. NHÓM ...", "II, ...", "XI NANG CAO ..." with its period lost)
GROUP_TITLE = re.compile(rf"^(?:(?:PHẦN|Phần)\s+)?(?P<num>[{NUMERAL_CHARS}]{{1,5}})(?P<sep>\s*[.,:/\-–]\s*|\s+)(?P<rest>\S.*)$")


def _numeral_reads(token: str, expected: int) -> Optional[int]:
    """A group numeral as a scan reads it ("VỊ" for VI, "IH" for III, "VIIH" for VIII: an "H" is one I or two run
    together), read against the group expected next: ``expected`` when one of its readings is, else the first's."""
    plain = strip_marks(token)
    reads = [_roman_reading(plain.replace("H", h), expected) for h in ("II", "I")]
    return expected if expected in reads else reads[0]


# a row's number in an annex table: "3", "2.1", "5.1.2" (not "1.000", a thousand written with a dot)
HIER_NUM = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,3}\.?")


GAP = re.compile(r"[….·]{4,}")  # a copy's gap in a table: rows left out


def _table_rows(annex: Section, cells: list) -> list[Section]:
    """An annex table flattened one cell per paragraph (STT | Nội dung | Cơ quan chủ trì | ...): one
    section per row (``PL1.3``, or ``PL1.II.3`` under a group row "II | NHÓM ...", ``PL1.A.II.2.1`` under the
    letter and roman groups of a national programme's table numbered "2.1", "5.1.2"), whose text has one
    ``<column>: <cell>`` line per column, so that rows read like the plan's own items."""
    heads = [i for i, (t, _) in enumerate(cells) if TABLE_HEAD.match(t.strip())]
    if not heads:
        return []
    h = heads[0]
    cols = []
    for t, _ in cells[h + 1:]:
        t = t.strip()
        if re.fullmatch(r"\d{1,3}\.?|[IVX]{1,4}\.?|[A-Z]\.?", t) or HIER_NUM.fullmatch(t) or ROMAN_HEAD.match(t) \
                or NUMERAL_LIKE.fullmatch(t) or len(cols) >= 8:
            break
        cols.append(t)
    if len(cols) < 2 or not any(re.search(r"chủ trì|phối hợp|thực hiện|thời gian", c, re.I) for c in cols):
        return []
    content = next((i for i, c in enumerate(cols) if CONTENT_COLS.match(c)), 0)
    names = [_column_name(c) for c in cols]
    stream = [(t.strip(), ln) for t, ln in cells[h + 1 + len(cols):]]
    header = {c.lower() for c in cols} | {"nội dung", "stt", "tt"}
    out: list[Section] = []
    letter: Optional[Section] = None  # "A | PHÁT TRIỂN NỀN MÓNG ..." over roman groups
    group: Optional[Section] = None
    subgroups: dict[str, Section] = {}  # "5.1 | Thương mại" over "5.1.1", "5.1.2" ...
    expected = 1
    fresh = False  # just after a group row: its first row may take any number ("III | ... | 3 | ...")
    i = 0
    misread = -1  # where a row's number was misread (see ``garbled_number``)
    last_roman = 0  # the last roman group's number
    want = 1  # the number the row being read expects next
    taken: set[str] = set()

    def uid(x: str) -> str:
        """``x``, or ``x-2``, ``x-3`` ... when a table numbers again by a slip: every row keeps an id of its own."""
        n, y = 1, x
        while y in taken:
            n += 1
            y = f"{x}-{n}"
        taken.add(y)
        return y

    def group_at(k: int) -> Optional[tuple[str, str, int, bool]]:
        """(number, title, cells used, is a letter group) when a group row starts at ``k``."""
        t = stream[k][0]
        next_group = last_roman + 1  # (roman groups may run on under letter groups: A | I, II; B | III ...)
        m = re.fullmatch(r"([A-HJ-UWYZ])\.?", t)
        if m and k + 1 < len(stream) and upper_share(stream[k + 1][0]) > 0.6 and (
                ord(m.group(1)) - ord(letter.label[0]) == 1 if letter else m.group(1) in "AB"):
            return m.group(1), stream[k + 1][0], 2, True  # "A | PHÁT TRIỂN ..." (the letters go in order)
        num = None  # a group's numeral alone in its cell: "II", and as OCR reads it on a scan ("|" for I, "H" for II)
        m = re.fullmatch(r"([IVX]{1,4})\.?", t)
        like = None if m or t.isdigit() else NUMERAL_LIKE.fullmatch(t)
        if m:
            num = m.group(1)
        elif like:
            read = _numeral_reads(like.group(1), next_group)
            num = int_to_roman(read) if read and (read == next_group or read == 1 and letter and group is None) else None
        again = 0  # the column names written again under a group row ("I | Phát triển ... | Nội dung | Đơn vị ...")
        while num and k + 2 + again < len(stream) and stream[k + 2 + again][0].lower() in header:
            again += 1
        if num and k + 1 < len(stream) and (upper_share(stream[k + 1][0]) > 0.6 or again >= 2
                                            or k + 2 < len(stream) and re.fullmatch(r"[IVX]{1,4}\.\d{1,2}\.?", stream[k + 2][0]) or
                                            k + 2 < len(stream) and (re.fullmatch(r"\d{1,2}\.?", stream[k + 2][0])
                                                                     or HIER_NUM.fullmatch(stream[k + 2][0]))):
            return num, stream[k + 1][0], 2 + (again if again >= 2 else 0), False
            # ("II | NHÓM ..." or "II | Xây dựng hạ tầng ... | 1 | ...")
        m = GROUP_TITLE.match(t)  # the numeral and the title in one cell: "II. NHÓM ..."
        if m and not m["num"].isdigit() and not m["sep"].strip():
            # a scan lost the period: "XI NANG CAO ..." for XIII, then the next row's number (the table numbers its rows
            # on across groups): the next group
            if upper_share(m["rest"]) > 0.8 and re.match(r"[A-ZĐÀ-Ỹ]\S*\s", m["rest"]) and not fresh \
                    and k + 1 < len(stream) and re.fullmatch(rf"(?:{expected}|{want})\.?", stream[k + 1][0]):
                return int_to_roman(next_group), m["rest"], 1, False
        elif m and not m["num"].isdigit() and upper_share(m["rest"]) > 0.6:
            if re.fullmatch(r"[IVX]+", m["num"]):
                value = roman_to_int(m["num"])
                if value and value == last_roman and int_to_roman(next_group) == int_to_roman(value) + "I":
                    value = next_group  # "II, PHÁT TRIỂN ..." after II: a scan dropped an I of III
            else:  # as a scan reads it ("L.NÂNG CAO ..." for I, "VIIH. HỢP TÁC ..." for VIII): only the next group's
                value = next_group if _numeral_reads(m["num"], next_group) == next_group else None
            if value:
                return int_to_roman(value), m["rest"], 1, False
        if upper_share(t) > 0.6 and len(t.split()) >= 2 and t.lower() not in header and not re.match(r"\w{1,4}[.)]\s", t) \
                and k + 1 < len(stream) \
                and re.fullmatch(r"1\.?", stream[k + 1][0]):
            return int_to_roman(next_group), t, 1, False  # a group's title whose numeral a scan lost, before row 1
        return None

    def subgroup_at(k: int) -> Optional[tuple[str, str, int]]:
        """(number, title, cells used) when a sub-group row starts at ``k``: "I.1 | Cung cấp dịch vụ số ...", or a
        sub-table's title in one cell, "2. Các nhiệm vụ về chuyển đổi số quá hạn ...", before rows numbered from 1."""
        m = re.fullmatch(r"([IVX]{1,4}\.\d{1,2})\.?", stream[k][0])
        if m and k + 1 < len(stream) and not re.fullmatch(r"[\d.%]+", stream[k + 1][0]):
            return m.group(1), stream[k + 1][0], 2
        m = re.fullmatch(r"(\d{1,2})\.\s+(?P<t>[A-ZĐÀ-Ỹ].{5,})", stream[k][0])
        again = 0  # (the sub-table's column names, written again)
        while m and k + 1 + again < len(stream) and stream[k + 1 + again][0].lower() in header:
            again += 1
        if m and k + 1 + again < len(stream) and re.fullmatch(r"1\.?", stream[k + 1 + again][0]):
            return m.group(1), m["t"], 1 + again
        return None

    def garbled_number(k: int) -> bool:
        """A short cell that is no number, no body and no group, before a long one: a row number OCR misread."""
        t = stream[k][0]
        return 0 < len(t) <= 3 and not t.isdigit() and not BODY_CELL.match(t) and not TABLE_HEAD.match(t) \
            and t.lower() not in header and not group_at(k) \
            and k + 1 < len(stream) and len(stream[k + 1][0]) > 15

    def row_at(k: int, want: int) -> bool:
        """Whether row number ``want`` (or 1, or a "2.1" number) starts at ``k``; after a group row, any number."""
        t = stream[k][0]
        return bool(HIER_NUM.fullmatch(t) or re.fullmatch(rf"(?:{want}|1)\.?", t)
                    or fresh and re.fullmatch(r"\d{1,2}\.?", t))

    while i < len(stream):
        g = group_at(i)
        if g:
            num, title, used, is_letter = g
            parent = annex if is_letter or letter is None else letter
            while f"{parent.id}.{num}" in taken and not is_letter and roman_to_int(num):
                num = int_to_roman(roman_to_int(num) + 1)  # "IV ... IV" by a slip: the second is V
            sec = Section(id=uid(f"{parent.id}.{num}"), label=f"{num}.", level=parent.level + 1, heading=title, text="",
                          parent=parent.id, page=stream[i][1].page, line=stream[i][1].line)
            out.append(sec)
            if is_letter:
                letter, group = sec, None
            else:
                group = sec
                last_roman = roman_to_int(num) or last_roman
            subgroups = {}
            i += used
            expected, fresh = 1, True
            continue
        sg = subgroup_at(i)
        if sg:
            owner = group or letter or annex
            sec = Section(id=uid(f"{owner.id}.{sg[0].split('.')[-1]}"), label=f"{sg[0]}.", level=owner.level + 1,
                          heading=sg[1], text="", parent=owner.id, page=stream[i][1].page, line=stream[i][1].line)
            out.append(sec)
            subgroups = {"": sec}
            i += sg[2]
            expected, fresh = 1, True
            continue
        t = stream[i][0]
        if GAP.fullmatch(t):
            # a copy's gap ("….........."): the rows after it lost their group row; they hang under the annex
            group, subgroups, expected, fresh = None, {}, 1, True
            i += 1
            continue
        if not row_at(i, expected) and i != misread:
            i += 1
            continue
        number = str(expected) if i == misread else t.rstrip(".")
        number = str(int(number)) if number.isdigit() else number  # ("01" is row 1)
        fresh = False
        j = i + 1
        want = int(number) + 1 if number.isdigit() else expected
        while j < len(stream) and not (j > i + 1 and row_at(j, want)) and not group_at(j) and not subgroup_at(j) \
                and not GAP.fullmatch(stream[j][0]):
            if j - i == len(cols) + 1 and garbled_number(j):
                misread = j  # a full row, then the next row's number as a scan misread it ("kì" for 3)
                break
            j += 1
        vals = [c[0] for c in stream[i + 1:j]]
        parent = subgroups.get("") or group or letter or annex
        stem = number.rsplit(".", 1)[0] if "." in number else None
        if stem in subgroups:
            parent = subgroups[stem]
        restart = "." not in number and j < len(stream) and re.fullmatch(r"1\.?", stream[j][0])
        if len(vals) == 1 and j < len(stream) and (stream[j][0].startswith(number + ".") or restart):
            # "5.1 | Thương mại" then "5.1.1 | ...", or "2. | Các nhiệm vụ quá hạn ..." then rows numbered from 1 again:
            # a sub-group of rows
            owner = group or letter or annex if restart else parent
            sub = Section(id=uid(f"{owner.id}.{number}"), label=f"{number}.", level=owner.level + 1, heading=vals[0],
                          text="", parent=owner.id, page=stream[i][1].page, line=stream[i][1].line)
            out.append(sub)
            if restart:
                subgroups, expected, fresh = {"": sub}, 1, True
            else:
                subgroups[number] = sub
            i = j
            continue
        if len(vals) > len(cols) and content + 1 < len(cols) and BODY_CELL.match(vals[content + 1]):
            vals = vals[:len(cols)]  # a full row, then an unnumbered sub-row ("task | body") of the same item
        elif len(vals) > len(cols):  # extra cells belong to the content column
            extra = len(vals) - len(cols)
            vals = vals[:content] + [" ".join(vals[content:content + extra + 1])] + vals[content + extra + 1:]
        row = dict(zip(range(len(cols)), vals))
        text = "\n".join(f"{names[k]}: {v}" for k, v in row.items() if k != content and v)
        ln = stream[i][1]
        # a "5.1.2" row's id carries its whole number under the group ("PL1.B.V.5.1.2"); a plain one under its parent
        out.append(Section(id=uid(f"{(group or letter or annex).id}.{number}" if "." in number else f"{parent.id}.{number}"),
                           label=f"{number}.", level=parent.level + 1,
                           heading=row.get(content, ""), text=text, parent=parent.id, page=ln.page, line=ln.line))
        expected = int(number) + 1 if number.isdigit() else expected
        i = j
    return out


def _heading_done(op: _Open, nxt: str) -> bool:
    """Whether the heading paragraph has ended before line ``nxt``."""
    last = op.paragraphs[0][-1].strip()
    if re.search(r"[.:;]$", last):
        return True
    if nxt[:1].islower() or re.search(r"[-,]$", last):
        return False
    return len(last) < 60  # a short line then a capital: the heading was one line


def _ends_paragraph(line_sections, body, ln) -> bool:
    i = len(line_sections)
    if i == 0:
        return True
    prev = body[i - 1].text.rstrip()
    return bool(re.search(r"[.:;!?”\"]$", prev)) or upper_share(prev) > 0.8 or parse_head(prev) is not None


def _link_footnotes(footnotes: list[Footnote], body: list[TLine]) -> None:
    """Find each footnote's marker in the body: a superscript, ``(*)``, or OCR's ``'``/``*`` after a word."""
    start = 0
    for fn in footnotes:
        if fn.marker in ("!",) or fn.marker.isdigit():
            pats = [re.compile(r"\w[¹²³⁴⁵⁶⁷⁸⁹'’]+(?=[\s;,.]|$)")] if fn.marker == "!" else [
                re.compile(rf"\w{re.escape(fn.marker)}(?=[\s;,.:]|$)"), re.compile(r"\w[¹²³⁴⁵⁶⁷⁸⁹]+")]
        elif fn.marker.startswith("("):
            pats = [re.compile(r"\w\s?\(?\*+\)?(?=[\s;,.:]|$)"), re.compile(re.escape(fn.marker))]
        else:
            pats = [re.compile(r"\w" + re.escape(fn.marker))]
        for k in range(start, len(body)):
            ln = body[k]
            if (ln.page, ln.line) >= (fn.page, fn.line) and ln.page > fn.page:
                break
            if any(p.search(ln.text) for p in pats):
                fn.ref_page, fn.ref_line = ln.page, ln.line
                start = k + 1
                break


def _read_tail(tail: list[TLine], mark) -> tuple[Optional[Signer], list[str], list[TLine]]:
    """Recipients and the signature block, which OCR often merges into two-column lines."""
    recipients: list[str] = []
    sig_parts: list[str] = []
    rest: list[TLine] = []
    name = None
    last_role = None
    for ln in tail:
        text = ln.text
        m = RECIPIENTS.match(text)
        is_rec_head = bool(m)
        if m:
            text = text[m.end():].strip()
        # a signature column merged at the end of the line
        # a digital-signature stamp or the signature column after a recipient's ";"
        cut = re.search(r"[;,]\s+(?=(?![-+•])[^;]*(?:[=~|]|Thời gian ký|Ký bởi))|[;,]?\s*Thời gian ký", text)
        if cut and not is_rec_head:
            sig_parts.append(text[cut.end():].strip())
            text = text[:cut.start() + 1].strip()
        am = AUTHORITY.search(text)
        if am and (am.start() == 0 or is_rec_head or text[:1] in "-+"):
            sig_parts.append(text[am.start():])
            text = text[:am.start()].strip()
        else:
            ps = _position_suffix(text)
            if ps:
                sig_parts.append(text[ps[0]:])
                text = text[:ps[0]].strip(" ~—-;,") if text[:1] not in "-+" else text[:ps[0]].rstrip(" ~—;,")
        if not text:
            mark(ln, "signature" if not is_rec_head else "recipients")
            last_role = ln.role
            continue
        items = [t.strip(" -*+•") for t in re.split(r"(?:^|(?<=[;,.:)])\s*)[-+•]\s+", text) if t.strip(" -*+•")]
        if text[:1] in "-+•" or (is_rec_head and items):
            recipients.extend(i.strip(" ;,.") for i in items)
            mark(ln, "recipients")
        elif recipients and last_role == "recipients" and text[:1].islower():
            recipients[-1] = f"{recipients[-1]} {text.strip(' ;,.')}"
            mark(ln, "recipients")
        elif _looks_like_name(text):
            name = text
            mark(ln, "signature")
        elif sig_parts and (upper_share(text) > 0.6 or re.search(r"ký|Thời gian", text)):
            sig_parts.append(text)
            mark(ln, "signature")
        else:
            rest.append(ln)
        last_role = ln.role if ln not in rest else "rest"
    if not sig_parts and name is None:
        return None, recipients, rest
    sig = " ".join(sig_parts)
    authority = on_behalf = position = None
    auths = list(AUTHORITY.finditer(sig))
    if auths:
        authority = auths[-1].group(1)
    for part in sig_parts:
        pa = list(AUTHORITY.finditer(part))
        for a, b in zip(pa, pa[1:] + [None]):
            if a.group(1) in ("T/M", "TM."):
                seg = part[a.end():b.start() if b else len(part)]
                words = []
                for w in seg.split():
                    if w.isupper() and w.replace("-", "").isalpha():
                        words.append(w)
                    else:
                        break
                cand = " ".join(words).strip()
                pos = _position_suffix(cand)
                if pos:
                    cand = cand[:pos[0]].strip()
                on_behalf = cand or None
    for part in sig_parts:
        ps = _position_suffix(re.sub(r"\s+[A-ZĐ][a-zà-ỹđ]+(?:\s+[A-ZĐ][a-zà-ỹđ]+){1,4}$", "", part))
        if ps:
            position = ps[1]
    if name is None:
        m = re.search(r"([A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4})\s*$", sig)
        if m and _looks_like_name(m.group(1)):
            name = m.group(1)
    return Signer(name=name, position=position, authority=authority, on_behalf_of=on_behalf), recipients, rest


def _citations(lines, body, line_sections, footnotes) -> list[Citation]:
    sec_of = {(ln.page, ln.line): s for ln, s in zip(body, line_sections)}
    out: list[Citation] = []
    # read paragraphs as joined text so that citations split over lines are found; keep the first line's place
    groups: list[list[TLine]] = []
    for ln in [ln for ln in lines if ln.role in ("body", "title")]:
        if groups and not ln.blank_before and groups[-1][-1].role == ln.role:
            groups[-1].append(ln)
        else:
            groups.append([ln])
    for g in groups:
        out.extend(_cite(join_lines([ln.text for ln in g]), g, sec_of))
    for fn in footnotes:
        for c in _cite(fn.text, [TLine(fn.text, fn.text, fn.page, fn.line, True, False, "footnote")], sec_of):
            c.section = sec_of.get((fn.ref_page, fn.ref_line))
            out.append(c)
    out.sort(key=lambda c: (c.page, c.line))
    return out


def _cite(text: str, g: list[TLine], sec_of: dict) -> list[Citation]:
    out = []
    offsets = []
    pos = 0
    for ln in g:
        offsets.append(pos)
        pos += len(ln.text.strip()) + 1
    for m in CITATION_RE.finditer(text):
        k = max(i for i, o in enumerate(offsets) if o <= m.start())
        ln = g[k]
        issuer = m["issuer"].strip() if m["issuer"] else None
        if issuer and (len(issuer.split()) > 9 or not issuer[:1].isupper()):
            issuer = None
        dm = re.search(DATE, m["date"], re.IGNORECASE) if m["date"] else None
        out.append(Citation(doc_type=sentence_case(m["type"]), number=re.sub(r"\s", "", m["num"]),
                            date=match_iso(dm) if dm else None, issuer=issuer, text=m.group(0).strip(),
                            section=sec_of.get((ln.page, ln.line)), page=ln.page, line=ln.line))
    return out


def _vote(values: list[Optional[str]]) -> Optional[str]:
    vals = [v for v in values if v]
    if not vals:
        return None
    mixed = [v for v in vals if upper_share(v) < 0.6] or vals
    return max(mixed, key=lambda v: (mixed.count(v), -mixed.index(v)))


def _metadata(letterhead, doc_type, title, preamble, refs: list[Citation], title_lines, signer, recipients) -> Metadata:
    head_text = "\n".join(ln.text for ln in letterhead)
    number = place = date = None
    m = re.search(rf"S[ốố6o]\s*:?\s*(?P<num>{CODE})", head_text)
    if m:
        number = re.sub(r"\s", "", m["num"])
    pd = PLACE_DATE.search(head_text)
    if pd:
        place = re.sub(r"^[\W\d_]+", "", pd["place"]).strip() or None
        date = parse_date(pd["date"])
    # issuer: the letterhead's organisation lines, qualified by the signing body (T/M BAN THƯỜNG VỤ)
    org_parts = []
    for ln in letterhead:
        t = MOTTO.split(ln.text)[0].strip(" ,*-–")
        if not t or re.match(r"^S[ốố6o]\s*:?\s*\d", t) or PLACE_DATE.search(t) or upper_share(t) < 0.6:
            continue
        if ln.text != t or MOTTO.search(ln.text):
            org_parts.append(t)
            break
        org_parts.append(t)
    issuer = org_case(" ".join(org_parts)) if org_parts else None
    if issuer is None:
        im = ISSUING.search(preamble)
        if im:
            issuer = org_case(im["body"].strip())
            doc_type = doc_type or sentence_case(im["type"])
    if issuer and signer and signer.on_behalf_of:
        body = org_case(signer.on_behalf_of)
        if strip_marks(body.lower()) not in strip_marks(issuer.lower()):
            issuer = f"{body} {issuer}"
    if issuer:  # "VĂN PHÒNG CHÍNH PHỦ", "BỘ TÀI CHÍNH": the gazetteer's spelling of a name it knows
        issuer = load_gazetteer().by_key.get(body_key(issuer), issuer)
    # what it implements: cited in the title or the preamble; missing fields from other citations of it
    by_number: dict[str, list[Citation]] = {}
    for c in refs:
        by_number.setdefault(c.number.upper(), []).append(c)
    title_keys = {(ln.page, ln.line) for ln in title_lines}
    implements: list[Implemented] = []
    seen = set()
    pre_sentences = re.split(r"(?<=[;.])\s+|\n", preamble)
    for c in refs:
        key = c.number.upper()
        in_title = (c.page, c.line) in title_keys
        if key in seen or not (in_title or c.section is None and _in_preamble(c, preamble)):
            continue
        relation = "implements"
        if not in_title:
            sentence = next((s for s in pre_sentences if c.text in s), "")
            relation = "based_on" if re.match(r"^\W*Căn cứ", sentence) else "implements"
        seen.add(key)
        group = by_number[key]
        implements.append(Implemented(doc_type=_vote([g.doc_type for g in group]), number=c.number,
                                      date=_vote([g.date for g in group]), issuer=_vote([g.issuer for g in group]),
                                      relation=relation))
    implements.sort(key=lambda x: x.relation != "implements")
    return Metadata(doc_type=doc_type, issuer=issuer, number=number, place=place, date=date, title=title,
                    implements=implements, signer=signer, recipients=recipients)


def _in_preamble(c: Citation, preamble: str) -> bool:
    return c.text in preamble
