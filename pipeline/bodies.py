"""The gazetteer of Party and State bodies: built from the corpus, used to find, split and name bodies.

Building (``make models``): every run of syllables that starts with a body head word (Sở, Ban, Ủy ban,
Đài...) is counted in the training documents; a run is kept as a name when it is frequent and *complete*:
no single next syllable follows it most of the time ("Sở Nội" is always followed by "vụ"; "Sở Nội vụ" is
followed by many different words). Variants that differ only in "và", hyphens, "&" or abbreviations
(UBND, TT&TT, LĐ-TB&XH) share one key and one canonical (most frequent) form; the rest are merged with
rapidfuzz at lookup.

Collective bodies ("các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố") are a short list of
rules here, since their commas would otherwise split them.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from rapidfuzz import fuzz, process

MODELS = Path(__file__).resolve().parent.parent / "models"
GAZETTEER = MODELS / "bodies.json"

HEADS = ["Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban", "Hội đồng", "Sở", "Ban", "Bộ", "Đài", "Báo", "Trung tâm",
         "Phòng", "Văn phòng", "Công an", "Bộ Chỉ huy", "Mặt trận", "Hội", "Đoàn", "Liên đoàn", "Tỉnh ủy",
         "Thành ủy", "Huyện ủy", "Đảng ủy", "Cục", "Chi cục", "Tòa án nhân dân", "Viện kiểm sát nhân dân", "Viện",
         "Kho bạc", "Ngân hàng", "Trường", "Liên minh", "Thanh tra", "Tổng cục", "Bảo hiểm", "Đảng đoàn",
         "Ban cán sự", "Học viện", "Quỹ", "Cổng", "Bưu điện", "Hiệp hội", "Liên hiệp", "Bệnh viện", "Chính phủ",
         "Thủ tướng", "Quốc hội", "Bộ Chính trị", "Ban Bí thư", "Kiểm toán", "Cảnh sát", "Công ty", "Tổng công ty",
         "Lực lượng", "Chủ tịch", "Thường trực", "Bộ đội", "Ban Chỉ huy", "Ban Chỉ đạo", "Tổ công tác", "Hải quan",
         "Thông tấn xã",
         "Vườn quốc gia", "Trung tâm Y tế", "Cơ quan", "Thuế", "Chi cục Hải quan", "Bảo hiểm xã hội",
         "Tỉnh đoàn", "Thành đoàn", "Huyện đoàn", "Tập đoàn", "Kiểm lâm", "Hạt Kiểm lâm"]

# heads written once before a list of names: "các Tập đoàn: A, B", "Các Bộ: Quốc phòng, Công an", and the local
# committees of several places: "Ủy ban nhân dân các tỉnh, thành phố: Tuyên Quang, Hồ Chí Minh"
LIST_HEADS = r"Tập\s+đoàn|Tổng\s+công\s+ty|Bộ|Ngân\s+hàng"
MINISTRIES_AND = r"(?:,\s*(?:cơ\s+quan|ngành))?"  # "các Bộ, cơ quan: Tài chính, ...", "các Bộ, ngành: Công an, ..."
PLACES_HEAD = r"(?P<h>(?:Chủ\s+tịch\s+)?(?:Ủy\s+ban\s+nhân\s+dân|UBND))\s+các\s+(?:tỉnh,\s*thành\s+phố|tỉnh|thành\s+phố)"

ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "MTTQ": "Mặt trận Tổ quốc",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam", "TQVN": "Tổ quốc Việt Nam",
    "TT&TT": "Thông tin và Truyền thông", "TTTT": "Thông tin và Truyền thông",
    "LĐ-TB&XH": "Lao động - Thương binh và Xã hội", "LĐTBXH": "Lao động - Thương binh và Xã hội",
    "VH-TT&DL": "Văn hóa, Thể thao và Du lịch", "VHTTDL": "Văn hóa, Thể thao và Du lịch",
    "KH&CN": "Khoa học và Công nghệ", "KHCN": "Khoa học và Công nghệ", "TN&MT": "Tài nguyên và Môi trường",
    "TNMT": "Tài nguyên và Môi trường", "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "NNPTNT": "Nông nghiệp và Phát triển nông thôn", "GD&ĐT": "Giáo dục và Đào tạo", "GDĐT": "Giáo dục và Đào tạo",
    "KH&ĐT": "Kế hoạch và Đầu tư", "KHĐT": "Kế hoạch và Đầu tư", "TĐKT": "Thi đua - Khen thưởng",
    "TĐ-KT": "Thi đua - Khen thưởng", "PTTH": "Phát thanh và Truyền hình", "PT-TH": "Phát thanh và Truyền hình",
    "VPUBND": "Văn phòng Ủy ban nhân dân", "TW": "Trung ương", "BCH": "Ban Chấp hành",
    "BTV": "Ban Thường vụ", "CA": "Công an", "BCHQS": "Bộ Chỉ huy Quân sự", "CHQS": "Chỉ huy Quân sự", "LĐLĐ": "Liên đoàn Lao động",
    "TNCS": "Thanh niên Cộng sản",
}

# collective bodies whose commas belong to the name; "{place}" is tỉnh / thành phố / huyện / xã, phường
COLLECTIVE = [
    "các sở, ban, ngành, đoàn thể tỉnh", "các sở, ban, ngành, đoàn thể", "các sở, ban, ngành tỉnh",
    "các sở, ban, ngành thành phố", "các sở, ban, ngành", "sở, ban, ngành", "các ban, sở, ngành",
    "các sở, ngành", "các cơ quan, đơn vị, địa phương", "các cơ quan, đơn vị", "các cơ quan, tổ chức, đơn vị",
    "các đơn vị, địa phương", "các phòng, ban, đơn vị", "các cơ quan liên quan", "các đơn vị liên quan",
    "các cơ quan, đơn vị liên quan", "các cơ quan, đơn vị có liên quan", "các cơ quan, tổ chức có liên quan",
    "ủy ban nhân dân các huyện, thành phố", "ủy ban nhân dân các huyện, thị xã, thành phố",
    "ủy ban nhân dân các xã, phường", "ủy ban nhân dân các xã, phường, đặc khu", "ubnd các xã, phường",
    "ubnd các huyện, thành phố", "các địa phương", "các cơ quan, tổ chức, cá nhân",
    "các tổ chức chính trị - xã hội", "viện, trường", "các viện, trường",
    "các cơ quan thông tấn, báo chí", "các cơ quan báo chí", "các cơ quan thông tấn báo chí trên địa bàn tỉnh",
    "các cơ quan tham mưu, giúp việc tỉnh ủy", "các đảng ủy trực thuộc tỉnh ủy", "các ban, sở, ngành, đoàn thể cấp tỉnh",
    "các ban, sở, ngành, đoàn thể tỉnh", "các sở, ban, ngành, đoàn thể cấp tỉnh",
    "ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "ủy ban nhân dân các tỉnh, thành phố",
    "ubnd các tỉnh, thành phố trực thuộc trung ương", "ubnd các tỉnh, thành phố",
    "các bộ, ngành liên quan", "các bộ, ngành", "các bộ, cơ quan ngang bộ", "các tổ chức, cá nhân liên quan",
    "các tổ chức, cá nhân có liên quan", "các tổ chức, cá nhân", "ủy ban nhân dân phường, xã",
    "ubnd phường, xã", "ủy ban nhân dân các phường, xã", "ubnd các phường, xã", "ủy ban nhân dân xã, phường",
    "các bộ, cơ quan ngang bộ, cơ quan thuộc chính phủ", "các bộ, cơ quan ngang bộ", "bộ, cơ quan ngang bộ",
    "các cơ quan báo chí, phát thanh, truyền hình", "các cơ quan báo chí, phát thanh, truyền hình khác",
    "ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "ủy ban nhân dân các phường, xã, đặc khu",
    "ubnd các phường, xã, đặc khu", "ủy ban nhân dân phường, xã, đặc khu", "ủy ban nhân dân các xã/phường",
    "ubnd các xã/phường", "ủy ban nhân dân các phường/xã", "ubnd các phường/xã", "các ngành, các cấp",
    "văn phòng đoàn đại biểu quốc hội và hội đồng nhân dân tỉnh",
    "văn phòng đoàn đại biểu quốc hội và hội đồng nhân dân thành phố",
]

PLACE_TAILS = {"tỉnh", "thành phố", "huyện", "xã", "cấp tỉnh", "cấp huyện", "cấp xã", "các cấp", "tỉnh ủy", "Tỉnh ủy",
               "các tỉnh", "các huyện", "các xã", "các xã, phường", "thị xã", "quận", "phường"}
SHORT_HEADS = {"Sở", "Ban", "Bộ", "Đài", "Báo", "Phòng", "Hội", "Đoàn", "Cục", "Viện", "Trường", "Quỹ", "Cổng",
               "Kho", "Tổ", "Khối", "Cụm", "Chi", "Văn", "Trung", "Thanh", "Bảo", "Công", "Ngân", "Liên", "Học"}
_SPLIT_TOKEN = re.compile(r"[^\W_]+(?:[&-][^\W_]+)*|[,;.:()/]|(?<=\s)[-–](?=\s)")  # (and "Thi đua - Khen thưởng")
_PUNCT = set(",;.:()/")
STOP_END = {"và", "của", "các", "với", "cho", "tại", "trên", "về", "để", "theo", "phối", "hợp", "chủ", "trì", "thực",
            "hiện", "có", "trách", "nhiệm", "được", "là", "đã", "sẽ", "trong", "từ", "đến", "năm", "ngày", "số",
            "tham", "mưu", "hướng", "dẫn", "tổ", "chức", "triển", "khai", "xây", "dựng", "kiểm", "tra", "nhằm",
            "những", "này", "đó", "một", "khi", "như", "thì", "mà", "bị", "do", "vào", "lên", "ra", "cùng",
            "tổng", "báo", "cáo", "theo", "dõi", "đôn", "đốc", "thẩm", "định", "trình", "phê", "duyệt", "xem", "xét",
            "giải", "quyết", "gửi", "lấy", "ý", "kiến", "quản", "lý", "cung", "cấp", "ban", "hành", "công", "bố"}


INNER_STOP = {"có", "để", "là", "được", "đã", "sẽ", "trả", "lời", "hoặc"}


def key(name: str) -> str:
    """A variant-insensitive key: abbreviations expanded, "và" / "-" / "&" / commas dropped, lower case."""
    s = expand(name)
    s = re.sub(r"[-–&,/()]", " ", s.lower())
    s = re.sub(r"\b(và|các)\b|\bcó(?=\s+liên\s+quan\b)", " ", s)  # "có liên quan" = "liên quan"
    return " ".join(s.split())


def expand(name: str) -> str:
    def rep(m: re.Match) -> str:
        return ABBREVIATIONS.get(m.group(0), m.group(0))

    return re.sub(r"[A-ZĐ][A-ZĐ&-]*[A-ZĐ]", rep, name)


# ---------------------------------------------------------------------------------------------------
# Building


# what goes on after a complete name and is no part of it: a verb or the title of a text ("Thủ tướng Chính phủ ban
# hành Kế hoạch", "Ủy ban nhân dân tỉnh Bình Phước Thành lập", "Chính phủ nhiệm kỳ ..."), a signer's name ("Thủ tướng
# Chính phủ Phạm Minh Chính"), a date, or the next body of a table cell ("Bộ Công an Bộ Khoa học và Công nghệ")
_CLAUSE_START = re.compile(
    r"(?:ban hành|phê duyệt|về|quy định|kế hoạch|chiến lược|luật|thành lập|tiếp nhận|cập nhật|ký|không|xem xét"
    r"|cấp giấy|thụ lý|quyết định|nghị quyết|chương trình|giấy|hồ sơ|nhiệm kỳ|giao|tổ chức|hướng dẫn|kiểm tra"
    r"|thực hiện)\b")
_VERB_AFTER = re.compile(r"(?:thành lập|cập nhật|tiếp nhận|ký giấy|xem xét|thụ lý|cấp giấy|ban hành|phê duyệt|không luật"
                         r"|công chức thụ lý|luật thuế|tham dự|vắng mặt|kiểm tra hồ sơ|hồ sơ|địa chỉ)\b")
_HEAD_TUPLES = {tuple(h.split()) for h in HEADS}
_SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
             "Dương", "Lý", "Đinh", "Mai", "Trịnh", "Đào", "Lương", "Hà", "Tô", "Tạ", "Chu", "Lâm", "Cao", "Nông"}


def _clause_after_name(cand: tuple, kept: dict) -> bool:
    """Whether ``cand`` is a kept name and words that are not its own (see ``_CLAUSE_START``)."""
    if any(w.isdigit() and cand[i - 1] not in ("vực", "khu", "số", "Khu") for i, w in enumerate(cand) if i):
        return True  # "Bộ Giáo dục và Đào tạo 31 10 2025"
    for k in range(2, len(cand)):
        if _VERB_AFTER.match(" ".join(w for w in cand[k:] if w not in ("-", "–")).lower()):
            return True  # (wherever it is: "Ủy ban nhân dân tỉnh Bình Phước Thành lập", "Phòng ĐTTĐ&GSĐT xem xét hồ sơ")
        if cand[:k] in _HEAD_TUPLES and cand[k] in (",", "Bộ", "Các"):
            return True  # "Công an Bộ Khoa học và Công nghệ", "Công an, Nông nghiệp và Môi trường": a list run on
        if cand[k] == "các" and cand[:k] in kept and cand[:k] not in _HEAD_TUPLES and k + 1 < len(cand) \
                and cand[k + 1] in ("cơ", "đơn", "sở", "ngành", "địa"):
            return True  # "Hội đồng Thi đua - Khen thưởng các cơ quan": whose council (but "Đảng ủy các cơ quan Đảng")
        if cand[:k] not in kept:
            continue
        rest = cand[k:]
        if _CLAUSE_START.match(" ".join(rest).lower()) and " ".join(rest).lower() not in PLACE_TAILS:
            return True
        if rest[0] in (cand[0], "Các") or cand[k - 1] == "phủ" and rest[0] in _SURNAMES and len(rest) >= 2 \
                and all(w[:1].isupper() for w in rest):
            return True
    return False


def mine(texts: Iterable[str], min_count: int = 4, max_len: int = 10) -> dict:
    heads = sorted(HEADS, key=lambda h: -len(h.split()))
    head_first = defaultdict(list)
    for h in heads:
        head_first[h.split()[0]].append(h.split())
    counts: Counter[tuple] = Counter()
    nexts: dict[tuple, Counter] = defaultdict(Counter)
    for text in texts:
        toks = _SPLIT_TOKEN.findall(text)
        for i, t in enumerate(toks):
            if t not in head_first:
                continue
            matched = [len(h) for h in head_first[t] if toks[i:i + len(h)] == h]
            if not matched:
                continue
            # "Ban hành", "Báo cáo", "Sở hữu", "Trường hợp": words, not bodies (but a head of two syllables, "Văn
            # phòng", "Công an", "Trung tâm", goes on in lower case: it was skipped, and no such name was mined)
            if t in SHORT_HEADS and max(matched) == 1 and (i + 1 >= len(toks) or not toks[i + 1][:1].isupper()):
                continue
            if t == "Thuế" and (i + 1 >= len(toks) or not (toks[i + 1][:1].isupper() or toks[i + 1] in ("tỉnh", "thành", "cơ"))):
                continue  # "Thuế tỉnh", "Thuế cơ sở" are tax offices; "Thuế xuất khẩu" is a tax
            for n in range(1, max_len + 1):
                j = i + n
                if j > len(toks):
                    break
                if toks[j - 1] in _PUNCT:
                    # "Bộ Văn hóa, Thể thao và Du lịch": a comma inside a name, before a capital that is no head
                    nxt = toks[j] if j < len(toks) else ""
                    if not (toks[j - 1] == "," and nxt[:1].isupper() and nxt not in head_first and n > 2
                            and nxt not in ABBREVIATIONS and not nxt.isupper()):
                        break  # but "Tỉnh ủy, HĐND, UBND tỉnh" is a list, and "..., QUYẾT NGHỊ" a new line
                cand = tuple(toks[i:j])
                counts[cand] += 1
                nexts[cand][toks[j] if j < len(toks) else "."] += 1
    names: dict[str, Counter] = defaultdict(Counter)
    head_tuples = {tuple(h.split()) for h in heads}
    kept: dict[tuple, int] = {}
    for cand, n in sorted(counts.items(), key=lambda kv: len(kv[0])):
        if n < min_count or len(cand) < 2 or cand[-1].lower() in STOP_END or cand[-1] in _PUNCT or cand[-1] in "-–":
            continue
        if cand in head_tuples and cand[0] in SHORT_HEADS:
            continue
        if any(w in INNER_STOP for w in cand[1:-1]) or cand[-1] == "ký":
            continue  # a clause, not a name: "Thuế có ý kiến để Thuế tỉnh", "Thuế Người ký"
        if cand[-1] in head_first and len(cand[-1].split()) == 1 and cand[-1] in SHORT_HEADS:
            continue  # "Bộ trưởng Bộ"
        # a kept name plus lower-case words ("Bộ Công Thương quy định"): keep only if it is as common
        tail = [w for w in cand[1:] if w[:1].islower()]
        if len(tail) >= 2 and tail[-1] in STOP_END | {"hợp", "chức", "hiện"}:
            continue
        if any(cand[:k] in kept and all(w[:1].islower() for w in cand[k:]) and n < 0.5 * kept[cand[:k]]
               and " ".join(cand[k:]) not in PLACE_TAILS for k in range(2, len(cand))):
            continue
        if _clause_after_name(cand, kept):
            continue
        nx = nexts[cand]
        top_share = nx.most_common(1)[0][1] / n
        if top_share >= 0.5 and nx.most_common(1)[0][0] not in _PUNCT:
            continue  # incomplete: almost always goes on with the same syllable
        prefix = cand[:-1]
        if len(prefix) >= 2 and counts.get(prefix, 0) >= min_count and n / counts[prefix] < 0.25:
            # a complete name plus a frequent next word ("Sở Nội vụ chủ trì")
            pn = nexts[prefix]
            if pn.most_common(1)[0][1] / counts[prefix] < 0.5:
                continue
        if not any(w[:1].isupper() for w in cand[1:]) and len(cand) > 4:
            continue
        kept[cand] = n
        surface = " ".join(cand).replace(" ,", ",")
        names[key(surface)][surface] += n
    bodies = []
    for k, forms in names.items():
        canonical, _ = max(forms.items(), key=lambda kv: (kv[1], kv[0]))
        bodies.append({"name": canonical, "count": sum(forms.values()), "variants": sorted(forms)})
    bodies.sort(key=lambda b: (-b["count"], b["name"]))
    return {"bodies": bodies, "abbreviations": ABBREVIATIONS, "collective": COLLECTIVE}


def build(texts: Iterable[str], out: Path) -> dict:
    gaz = mine(texts)
    out.write_text(json.dumps(gaz, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return gaz


# ---------------------------------------------------------------------------------------------------
# Lookup


class Gazetteer:
    def __init__(self, data: dict):
        self.bodies = data["bodies"]
        self.by_key = {key(b["name"]): b["name"] for b in self.bodies}
        for b in self.bodies:
            for v in b["variants"]:
                self.by_key.setdefault(key(v), b["name"])
        self.keys = list(self.by_key)
        self.collective = sorted(data.get("collective", COLLECTIVE), key=len, reverse=True)
        self.collective_keys = {key(c) for c in self.collective}
        # names for span matching: longest first; lower-cased for case-insensitive search
        surfaces = {v for b in self.bodies for v in b["variants"]}
        self.surfaces = sorted(surfaces, key=len, reverse=True)
        # case-insensitive after a capital head: OCR and typists vary the case inside names ("Hội đồng Thi đua -
        # khen thưởng tỉnh")
        self._surface_re = re.compile(
            r"(?<![\w])(" + "|".join(re.escape(s) for s in self.surfaces) + r")(?![\w])", re.IGNORECASE) if surfaces else None
        self._collective_re = re.compile(
            r"(?<![\w])(" + "|".join(re.escape(s) for s in self.collective) + r")(?![\w])", re.IGNORECASE)

    def canonical(self, raw: str) -> str:
        """The gazetteer's name for ``raw``, or ``raw`` cleaned (abbreviations kept as printed)."""
        cleaned = clean_name(raw)
        k = key(cleaned)
        if k in self.collective_keys or cleaned[:1].islower() or cleaned.startswith("Các ") or " các " in cleaned:
            # collective and generic bodies keep their wording, "Thường trực các tỉnh ủy" too (but "Tỉnh Ủy" is
            # written "Tỉnh ủy")
            return _uy_case(cleaned[:1].upper() + cleaned[1:])
        if k in self.by_key:
            return self.by_key[k]
        official = official_form(cleaned)
        if official != cleaned:
            return official
        if self.keys and len(k) >= 6:
            hit = process.extractOne(k, self.keys, scorer=fuzz.ratio, score_cutoff=90)
            # never "Sở ..." -> "Bộ ...", nor "... Tỉnh ủy" -> "... Thành ủy"
            if hit and hit[0].split()[0] == k.split()[0] and _levels(hit[0]) == _levels(k) \
                    and _proper(hit[0]) == _proper(k):
                return self.by_key[hit[0]]
        return cleaned[:1].upper() + cleaned[1:]

    def known_prefix(self, text: str) -> int:
        """Length of the longest body name (or collective) that ``text`` starts with, 0 if none."""
        best = 0
        m = self._collective_re.match(text)
        if m:
            best = m.end()
        if self._surface_re is not None and text[:1].isupper():
            m = self._surface_re.match(text)
            if m:
                best = max(best, m.end())
        return best


_LEVEL_RE = re.compile(r"\b(?:tỉnh|thành|huyện|quận|xã|phường|trung ương)\b")
_UY_RE = re.compile(r"\b(Tỉnh|Thành|Huyện|Thị|Đảng)\s+Ủy\b")


_NAMED_PLACE_RE = re.compile(r"\b(?:tỉnh|thành phố|huyện|quận|xã|phường|khu vực|đặc khu)\s+((?!(?:và|các|cấp)\b)\w+(?:\s+\w+)*)")


def _proper(k: str) -> tuple:
    """What a fuzzy match must not change in a key: the place named after a level ("... tỉnh quảng trị" is not "...
    tỉnh quảng ngãi", "... thành phố huế" not "... thành phố") and the numbers ("khu vực 14", "khu vực xi")."""
    place = _NAMED_PLACE_RE.search(k)
    return (place.group(1) if place else "", tuple(re.findall(r"\b(?:\d+|[ivxl]+)\b", k)))


def _levels(k: str) -> set[str]:
    """The levels of government a key names (tỉnh, huyện, xã ...)."""
    return set(_LEVEL_RE.findall(k))


def _uy_case(name: str) -> str:
    """"Tỉnh Ủy" is written "Tỉnh ủy"."""
    return _UY_RE.sub(r"\1 ủy", name)


def _field_pattern(field: str) -> re.Pattern:
    """A field of an official name ("Thông tin và Truyền thông") however it is joined: "Thông tin truyền thông",
    "Thông tin - Truyền thông", "Thông tin & Truyền thông"."""
    parts = [p for p in re.split(r"\s*(?:\bvà\b|[-–,&])\s*", field) if p]
    joint = r"\s*(?:\bvà\b|[-–,&])?\s*"
    return re.compile(r"(?<![\w])" + joint.join(r"\s+".join(map(re.escape, p.split())) for p in parts) + r"(?![\w])",
                      re.IGNORECASE)


# the fields of official names, as the abbreviations spell them out
_OFFICIAL_FIELDS = [(f, _field_pattern(f)) for f in sorted({v for v in ABBREVIATIONS.values() if re.search(r"\svà\s|\s-\s|,", v)},
                                                            key=len, reverse=True)]


def official_form(name: str) -> str:
    """``name`` with a field written as in the official name: "Sở Thông tin truyền thông" -> "Sở Thông tin và
    Truyền thông", "Đài Phát thanh - Truyền hình tỉnh" -> "Đài Phát thanh và Truyền hình tỉnh"."""
    if re.match(r"Báo\s+và\s+Phát\s+thanh", name):
        return _uy_case(name)  # "Báo và Phát thanh, Truyền hình Gia Lai": the merged provincial media, named so
    for field, rx in _OFFICIAL_FIELDS:
        name = rx.sub(field, name)
    return _uy_case(name)


def clean_name(raw: str) -> str:
    s = " ".join(raw.split()).strip(" ,;.:-–")
    s = re.sub(r"^(?:giao|đề nghị|yêu cầu|để|với)\s+", "", s, flags=re.IGNORECASE)
    return re.sub(r"\s+nêu\s+trên$", "", s)  # "các tỉnh, thành phố nêu trên": the ones named before


@lru_cache(maxsize=1)
def load(path: str = str(GAZETTEER)) -> Gazetteer:
    p = Path(path)
    data = json.loads(p.read_text(encoding="utf-8")) if p.exists() else {"bodies": [], "collective": COLLECTIVE}
    return Gazetteer(data)
