"""Stage 4: who must do what by when -> ``assignments`` of the document JSON.

Needs: the sections of stage 3 (``segment.Segmented``) and the document's date. Adds: ``assignments``.

Three ways plans assign work, tried in this order for each section:

1. Field blocks (State style): "Cơ quan/Đơn vị chủ trì: X", "phối hợp: Y", "thực hiện: Z", "Thời gian
   thực hiện: ..." inside an item (as lines or as lettered sub-items) give lead/support (or responsible)
   and the block's deadline; annex tables (STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời
   gian) are read the same way, row by row.
2. A body at the head of its items: "1. Sở Nội vụ (Ban Thi đua - khen thưởng) chủ trì" over 1.1 ... 1.8
   (each item inherits the lead; "Phối hợp với A, B" in an item adds supports; the line after the item
   is its deadline); "Đề nghị X" gives ``requested``.
3. Sentences: "Giao X chủ trì, phối hợp với Y", "X chủ trì ...", "Đề nghị X ...", "* X lãnh đạo ...",
   "X có trách nhiệm ...", a body list opening a sentence in the implementation part, and "báo cáo ... về
   X (qua Y)" for ``report_to``.

Bodies are split from their lists ("các huyện ủy, thành ủy" -> two) and named by the gazetteer
(``bodies``); variants within a run share one canonical name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz

from .bodies import ABBREVIATIONS, COLLECTIVE, HEADS, LIST_HEADS, MINISTRIES_AND, PLACES_HEAD, Gazetteer, expand, key, load
from .deadlines import parse_deadline
from .fields import field, is_field_heading, is_task_heading
from .records import Assignment, Deadline, Section
from .segment import CITATION_RE
from .vietnamese import strip_marks

GENERIC = ["cơ quan", "đơn vị", "địa phương", "sở", "ban", "ngành", "huyện ủy", "thành ủy", "thị ủy", "đảng ủy",
           "tổ chức", "doanh nghiệp", "phòng", "trường", "xã", "phường", "huyện", "hội", "đoàn thể", "cấp ủy",
           "chi bộ", "tổ chức đảng", "chính quyền", "chính quyền địa phương", "thành viên", "tổ chức thành viên", "cơ sở", "nhà đầu tư",
           "người đứng đầu", "chủ đầu tư", "nhà mạng", "lực lượng", "lãnh đạo", "thủ trưởng", "nhà thầu", "quân khu",
           "thôn", "tổ dân phố", "ngân hàng", "công an", "quân đội", "dân quân tự vệ",
           "nhà cung cấp", "bộ", "tỉnh", "tập đoàn", "tổng công ty", "văn phòng", "đại biểu quốc hội",
           "đại biểu hội đồng nhân dân"]
# nouns made of syllables that are verbs elsewhere ("công" of "phân công", "chức" of "tổ chức")
NOUNS_WITH_VERBS = re.compile(r"\b(?:chức\s+năng|báo\s+chí|tham\s+gia\s+bảo\s+vệ|công\s+nghệ|công\s+nghiệp|công\s+trình|thông\s+tin|dịch\s+vụ|chuyên\s+môn"
                              r"|bảo\s+hiểm|thực\s+(?:vật|phẩm)|chủ\s+(?:rừng|đầu\s+tư|quản|sở\s+hữu|dự\s+án)|tuyên\s+giáo|dân\s+vận|hành\s+chính(?:\s+công)?)\b")
# verbs that a generic body's own words never hold ("các Bộ, cơ quan thống nhất một đầu mối")
PREDICATE_VERBS = r"đổi\s+mới|thống\s+nhất|bảo\s+đảm|đảm\s+bảo|khôi\s+phục|tháo\s+gỡ"
# two-syllable verbs that end a generic body's own words ("các cơ quan, đơn vị chức năng xác định ..."; not all of them
# are never in a name: "các tổ chức cung cấp dịch vụ chi trả")
STRONG_VERBS = (r"xác\s+định|tổ\s+chức|xây\s+dựng|tham\s+mưu|hướng\s+dẫn|kiểm\s+tra|rà\s+soát|theo\s+dõi|đôn\s+đốc|cập\s+nhật"
                r"|tuyên\s+truyền|bố\s+trí|cung\s+cấp|báo\s+cáo|tiến\s+hành|nghiên\s+cứu|hoàn\s+thành|kiểm\s+soát|huy\s+động|"
                + PREDICATE_VERBS)
_VERB_PAIR = STRONG_VERBS + r"|tổng\s+hợp|chủ\s+trì|phối\s+hợp|triển\s+khai|tạo\s+điều|hoàn\s+thành|phụ\s+trách"
ADVERBS = {"chậm", "kịp", "thời", "khẩn", "trương", "tích", "cực", "nghiêm", "túc", "thường", "xuyên", "chủ", "động", "đồng",
           "trực", "liệt"}
# generic even with a capital where a body is expected (a table's "Cơ quan chủ trì" cell: "Doanh nghiệp, nhà đầu tư")
CAP_GENERIC = {"doanh nghiệp", "nhà đầu tư", "nhà cung cấp"}
TENSE = {"đã", "đang", "sẽ", "vừa"}  # "Các bộ, cơ quan, địa phương đã triển khai ...": what was done, no name's word
FORCES = {"công an", "quân đội", "dân quân tự vệ"}  # "lực lượng quân đội, công an, dân quân tự vệ": each a force
PARTY_GENERIC = {"cấp ủy", "chính quyền", "chính quyền địa phương"}  # "Cấp ủy, tổ chức đảng, chính quyền ... thực hiện": always actors
GROUPABLE = sorted(["sở", "ban", "ngành", "cơ quan", "đơn vị", "địa phương", "đoàn thể", "tổ chức xã hội", "tổ chức",
                    "doanh nghiệp", "thành phố", "huyện", "xã", "phường", "cá nhân", "nhà đầu tư", "đặc khu",
                    "tổ chức chính trị - xã hội", "hội", "báo chí", "phòng", "bộ", "tỉnh", "tập đoàn", "tổng công ty",
                    "lực lượng", "nhà thầu", "chủ đầu tư", "thôn", "làng", "tổ dân phố", "ngân hàng", "truyền thông"],
                   key=len, reverse=True)  # ("các cơ quan báo chí, truyền thông": the media)
GENERIC_TAILS = ["có liên quan", "liên quan", "có thẩm quyền", "trực thuộc quản lý", "thuộc các bộ, ngành trung ương", "của thành phố", "của tỉnh", "tại địa phương", "ngang bộ",
                 "thuộc chính phủ", "thành viên", "trực thuộc Tỉnh ủy", "trực thuộc", "cấp tỉnh", "các cấp",
                 "trên địa bàn tỉnh", "trên địa bàn", "thông tấn báo chí", "thông tấn, báo chí", "tỉnh", "thành phố",
                 "đảng", "chính trị - xã hội", "cấp huyện", "cấp xã", "tỉnh ủy", "thành ủy", "huyện ủy",
                 "trung ương đóng trên địa bàn tỉnh", "trung ương đóng trên địa bàn", "đóng trên địa bàn tỉnh",
                 "đóng trên địa bàn", "trung ương", "nêu trên", "ở trung ương", "ở địa phương",
                 "thuộc phạm vi quản lý", "thuộc thẩm quyền quản lý", "thuộc quyền quản lý", "của địa phương"]
# ("tỉnh" is a place after a generic body, but "Tỉnh ủy" is a body: "các ban đảng Tỉnh ủy")
TAIL_RE = re.compile(r"\s+(" + "|".join(re.escape(x.lower()) for x in GENERIC_TAILS) + r")(?![\w])(?!\s+ủy\b)")
_SITE = r"(?:[Kk]hu|[Cc]ụm|[Dd]ự\s+án|[Dd]i\s+tích|[Rr]ừng|[Cc]ảng|[Vv]ịnh|[Cc]hợ|[Cc]ông\s+trình|[Qq]uỹ|[Vv]ườn)"
MANAGED = re.compile(rf"(?:các\s+)?{_SITE}(?:\s+[a-zà-ỹđ]+){{0,4}}?(?:(?:\s+và\s+|,\s*)(?:{_SITE})?(?:\s*[a-zà-ỹđ]+){{1,4}}?)*"
                     r"(?=\s+(?:tỉnh|thành\s+phố|chủ\s+trì|phối\s+hợp|có|là|thực\s+hiện|tổ\s+chức|để|theo|trong|tại|về|xem|"
                     r"hướng\s+dẫn|tham\s+mưu|báo\s+cáo)\b|\s*[,;.:()]|\s+[A-ZĐ]|\s*$)")
BRANCH = re.compile(r"chi\s+nhánh(?:\s+khu\s+vực\s+(?:\d+|[IVXL]+)\b|\s+(?:tại\s+)?[A-ZĐ][\w-]*(?:\s+[A-ZĐ][\w-]*)*)?")
PROVINCES = re.compile(r"(?:các\s+)?tỉnh,\s*thành\s+phố(?:\s+trực\s+thuộc\s+[Tt]rung\s+ương"
                       r"|\s+từ\s+[A-ZĐ][\w-]*(?:\s+[A-ZĐ][\w-]*)*\s+đến\s+[A-ZĐ][\w-]*(?:\s+[A-ZĐ][\w-]*)*)?(?![\w])")
PLACE_WORDS = {"tỉnh", "thành", "phố", "huyện", "xã", "phường", "quận", "thị", "cấp", "các", "trung", "ương"}
_HEAD_FIRST = sorted({h.split()[0] for h in HEADS} | {"UBND", "HĐND", "MTTQ", "Đảng", "Trường", "Tổ", "Cổng"})
ABBR = set(ABBREVIATIONS)
_COLLECTIVE_SORTED = sorted(COLLECTIVE + ["ubnd xã, phường", "ủy ban nhân dân xã, phường", "ubnd các xã, phường",
                                          "ubnd các huyện, thành phố", "ubnd cấp xã", "ủy ban nhân dân cấp xã",
                                          "ủy ban nhân dân các cấp", "ubnd các cấp"], key=len, reverse=True)

SCOPE_HEADINGS = re.compile(r"^(?:đối\s+tượng|phạm\s+vi)", re.I)  # who a plan covers, not who must act
# the issuer's closing request after a part's last item speaks for the whole part ("Ủy ban nhân dân Thành phố
# yêu cầu các Sở ...", "Yêu cầu các sở, ban, ngành ..."); closing remarks ("Trên đây là ...", "Trong quá trình
# thực hiện, nếu có vướng mắc ...") are left with the item, as the golden files' conventions say
CLOSING = re.compile(r"^(?:(?:Chủ\s+tịch\s+)?(?:Ủy\s+ban\s+nhân\s+dân|UBND|Ban\s+Thường\s+vụ)[^.;:]{0,30}?\s+(?:yêu\s+cầu|đề\s+nghị)"
                     r"|Yêu\s+cầu\s+(?:các|Thủ\s+trưởng|Giám\s+đốc|Chủ\s+tịch))")
REMARK = re.compile(r"^Trên\s+đây\s+là\s+(?:Kế\s+hoạch|kế\s+hoạch|nội\s+dung|Chỉ\s+thị|chỉ\s+thị)")
# "báo cáo ... về X", "gửi X", "phản ánh về X", "báo cáo kịp thời X"
REPORT_TRIGGER = re.compile(r"[Bb]áo\s+cáo(?:,|\s+và)\s+(?:tham\s+mưu|đề\s+xuất)\s+(?=[A-ZĐỦ])"  # "báo cáo và tham mưu UBND ..."
                            r"|[Pp]hản\s+hồi\s+về\s+|(?:(?<!thông\stin\s)[Bb]áo\s+cáo|[Pp]hản\s+ánh|[Gg]ửi)(?:\s+kịp\s+thời)?(?:\s+(?:kết\s+quả|tình\s+hình|những\s+khó"
                            r"\s+khăn|kế\s+hoạch|báo\s+cáo|bằng\s+văn\s+bản|văn\s+bản\s+(?:cam\s+kết|báo\s+cáo))[^.;()]{0,50}?)?\s+(?:về|cho|lên|tới|đến|với)\s+|(?:(?<!thông\stin\s)[Bb]áo\s+cáo|[Gg]ửi)(?:\s+kịp\s+thời)?"
                            r"(?:\s+kết\s+quả)?\s+(?=[A-ZĐỦ])")  # (not "Hệ thống thông tin báo cáo Chính phủ": a system)
# before a notice's or a dispatch's numbered items: where its conclusions start, and the issuer's demand
PREAMBLE_CONCLUDES = re.compile(r"(?:kết\s+luận|chỉ\s+đạo|ý\s+kiến)(?:\s+\w+){0,3}\s+như\s+sau\s*:\s*$")
PREAMBLE_DEMAND = re.compile(r"(?:^|,\s*)(?P<who>(?:Thủ\s+tướng\s+Chính\s+phủ|Phó\s+Thủ\s+tướng(?:\s+Chính\s+phủ)?|Chính\s+phủ"
                             r"|(?:Chủ\s+tịch\s+)?(?:Ủy\s+ban\s+nhân\s+dân|UBND)(?:\s+[\w-]+){0,4}?|Ban\s+Thường\s+vụ(?:\s+[\w-]+){0,3}?)"
                             r"\s+(?:trân\s+trọng\s+)?(?:yêu\s+cầu|đề\s+nghị|giao)\s+(?=\S))")
PREAMBLE_ASKS = re.compile(r"\b(?:cần|phải|yêu\s+cầu|đề\s+nghị|giao|khẩn\s+trương|tiếp\s+tục|tập\s+trung)\b")
# what follows a body's name and is no predicate of it: "X và Y", "X của Y", "X đã ...", "X sẽ giao ..." (a promise)
NO_PREDICATE = r"và|các|những|trên(?!\s+tinh\s+thần)|của|thuộc|tại|trong|có\s+thể|là|đã|sẽ\s+giao" \
    r"|thống\s+nhất(?!\s+(?:thực\s+hiện|triển\s+khai|áp\s+dụng|sử\s+dụng|quản\s+lý))"  # ("Các Bộ, cơ quan thống nhất ...": agree)
NO_PREDICATE += r"|được\s+(?:quyền|phân\s+cấp)|có\s+quyền(?!\s+hạn)|ở"  # a right or a delegated power, a place: not a task
# what a body is or has, not what it must do: "Các tổ chức, cá nhân có thành tích ... được khen thưởng", "Mặt trận ... hoạt
# động trong khuôn khổ Hiến pháp", "Các tổ chức, doanh nghiệp ... đáp ứng các điều kiện", "Các đơn vị ... gồm"
NO_PREDICATE += r"|được\s+(?:khen\s+thưởng|quy\s+định|thành\s+lập|hưởng)|có\s+thành\s+tích|hoạt\s+động\s+(?:theo|trong)|đáp\s+ứng|(?:bao\s+)?gồm"
# the province (or city) a notice's title names, as who must act: "Tỉnh cần ...", "Thành phố chủ động ..." (not "Tỉnh ủy")
OWN_PLACE = re.compile(r"(?P<when>(?:Trong\s+)?[Tt]hời\s+gian\s+tới\s*,\s*)?(?P<p>Tỉnh|Thành\s+phố)\s+(?!(?:ủy|uỷ|đoàn|đội)\b)"
                       r"(?=[a-zà-ỹđ])(?!(?:có|là|đã|được|với|của|và|hiện)\b)")
ADDRESS = re.compile(r"^(?:Các\s+đồng|Đồng)\s+chí\s+(?=[A-ZĐ])")  # the form of address before an office: "Đồng chí"
DONE_BY = re.compile(r"\bhoàn\s+thành\s+(?:trước|trong|chậm\s+nhất|xong\s+trước)\b")
# bodies named after their task: "(Sở X chủ trì ...)", "do Sở X thực hiện", ", giao cho Sở X thực hiện", "Trách nhiệm: Sở X"
NAMED_AFTER = re.compile(r"(?P<paren>\(\s*)(?=[A-ZĐ])|(?<=\s)do\s+(?=[A-ZĐ]|các\s)|[,;]\s*(?P<giao>giao)\s+(?:cho\s+)?(?=[A-ZĐ]|các\s)"
                         r"|(?:^|[.;]\s*)(?P<field>[Tt]rách\s+nhiệm|[Đđ]ơn\s+vị\s+(?:thực\s+hiện|chủ\s+trì)|[Cc]ơ\s+quan\s+(?:thực\s+hiện|chủ\s+trì))"
                         r"\s*:\s*")
DEADLINE_LINE = re.compile(r"^(?:thực hiện|hoàn thành|thời gian|thời hạn)\b", re.I)


@dataclass
class Found:
    section: Optional[str]
    action: str
    body_raw: str
    role: str
    deadline: Deadline
    page: int
    line: int


# ---------------------------------------------------------------------------------------------------
# Bodies in text


# between bodies in a list: "A, B và C", "A; B", "..., nhất là các Bộ: Quốc phòng, Công an"
LIST_SEP = re.compile(r"\s*(,(?:\s*(?:nhất|đặc\s+biệt)\s+là(?=\s))?|;|và|cùng|với)?\s*")


def _words(text: str) -> list[re.Match]:
    return list(re.finditer(r"\(|\)|[,;:]|\.(?=\s|$)|[^\s,;():]+?(?=\.(?:\s|$)|[\s,;():]|$)", text))


def _is_cap(w: str) -> bool:
    return w[:1].isupper() or w in ABBR or bool(re.match(r"^[A-ZĐ&-]{2,}$", w))


def _alternatives(text: str) -> str:
    """"Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao": a slash between two names separates
    them like a comma (same length, so positions hold)."""
    text = re.sub(r"(?<=ngang )Bộ\b", "bộ", text)  # "cơ quan ngang Bộ" is no new ministry
    return _SLASH_RE.sub(lambda m: "," + " " * (len(m.group(0)) - 1), text)


_BARE_LEVEL_RE = re.compile(r"cấp\s+(?:tỉnh|huyện|xã|cơ\s+sở)\b")
_ENDS_LEVEL_RE = re.compile(r"\scấp\s+(?:tỉnh|huyện|xã|cơ\s+sở|trung\s+ương)$")


def body_list_end(text: str, gaz: Gazetteer) -> int:
    """How far a list of bodies at the start of ``text`` reaches (characters); 0 if it starts with none."""
    text = _alternatives(text)
    pos = 0
    end = 0
    n = len(text)
    while pos < n:
        m = re.match(LIST_SEP, text[pos:])
        start = pos + (m.end() if m else 0)
        if end and not (m and m.group(1)):
            break  # bodies in a list are separated: "Các cơ quan, đơn vị tổ chức ..." ends before "tổ chức"
        e = _one_body_end(text, start, gaz)
        if end:
            # "Ủy ban nhân dân thành phố Hà Nội, thành phố Hồ Chí Minh và tỉnh Quảng Ninh": the head is shared
            place = _PLACE_NAME_RE.match(text, start)
            if place and _LOCAL_HEAD_RE.match(text[:end].split(",")[0].strip()):
                e = max(e, place.end())
            # "Ban Chỉ huy phòng thủ dân sự cấp tỉnh, cấp xã chủ trì": a bare level after a body named with its level
            level = _BARE_LEVEL_RE.match(text, start)
            if level and _ENDS_LEVEL_RE.search(text, 0, end):
                e = max(e, level.end())
        if e <= start:
            break
        end = pos = e
    return end


def _collective_prefix(low: str) -> int:
    coll = next((len(c) for c in _COLLECTIVE_SORTED
                 if low.startswith(c) and (len(low) == len(c) or not low[len(c)].isalnum())), 0)
    return coll or _fuzzy_collective(low)


def _one_body_end(text: str, start: int, gaz: Gazetteer, cap_generic: bool = False) -> int:
    rest = text[start:]
    low = rest.lower()
    coll = _collective_prefix(low)
    head = _OF_HEAD_RE.match(rest)
    if not coll and head:  # "Chủ tịch Ủy ban nhân dân xã, phường": the head of a collective
        inner = _collective_prefix(low[head.end():])
        coll = head.end() + inner if inner else 0
    while coll:  # "UBND xã, phường, đặc khu": one more kind of local unit in the list
        more = re.match(r"(?:,\s*|\s+và\s+)(?:đặc\s+khu|thị\s+trấn|thị\s+xã|phường|xã)(?![\w])", low[coll:])
        if not more:
            break
        coll += more.end()
    while coll:
        t = TAIL_RE.match(low[coll:])
        if not t:
            break
        coll += t.end()
    if re.match(r"Chính\s+phủ\s+(?:số|điện\s+tử)\b", rest):
        return start  # "Chính phủ số", "Chính phủ điện tử": digital government, no body
    known = gaz.known_prefix(rest)
    if head and not known:  # "Giám đốc Trung tâm phục vụ hành chính công tỉnh": an office of a known body
        inner_known = gaz.known_prefix(rest[head.end():])
        known = head.end() + inner_known if inner_known else 0
    heuristic = _name_end(text, start)
    pl = re.match(r"(?:các|những)\s+", rest, re.IGNORECASE)
    if pl and _HEAD_RE.match(rest[pl.end():]):  # "Các Trung tâm y tế", "các Ban Xây dựng Đảng"
        heuristic = max(heuristic, _name_end(text, start + pl.end()))
    generic = _generic_end(rest, low, cap_generic)
    if coll or known or heuristic > start or generic:
        end = max(start + coll, start + known, heuristic, start + generic)
        if end > start + known:
            end = _whole_words(text, start, end)
        of = _OF_NATIONAL_RE.match(text, end)
        if not of and text[start:end] in HEADS:  # "Hội đồng dân tộc của Quốc hội": a bare head, its lower-case name
            of = _NAMED_OF_NATIONAL_RE.match(text, end)
        if of and re.sub(r"^(?:các|những)\s+", "", text[start:end])[:1].isupper():
            end = of.end()  # "Ủy ban Kinh tế và Tài chính của Quốc hội", "các Ủy ban của Quốc hội": whose committee
        elif text[start:end] in HEADS and (of_named := re.match(r"\s+của\s+", text[end:])):
            whose = end + of_named.end()  # "Ban của Hội đồng nhân dân": a bare head and whose it is
            named_end = _name_end(text, whose) if _HEAD_RE.match(text, whose) else whose
            end = max(end, named_end) if named_end > whose else end
        charge = _IN_CHARGE_RE.match(text, end)
        if charge and re.match(r"(?:Phó\s+Thủ\s+tướng|Thứ\s+trưởng|Phó\s+Chủ\s+tịch|Phó\s+Giám\s+đốc)\b", text[start:end]):
            end = charge.end()  # "Phó Thủ tướng Chính phủ phụ trách lĩnh vực": the deputy in charge
        region = _REGION_RE.match(text, end) or _AREA_RE.match(text, end)
        if region and re.search(r"(?:tỉnh|thành\s+phố|địa\s+phương|huyện|xã|phường)$", text[start:end], re.I):
            end = region.end()  # "Ủy ban nhân dân các tỉnh khu vực Trung Bộ", "... tại khu vực dự báo xảy ra mưa, lũ": where
        return _paren(text, end)
    return start


_OF_NATIONAL_RE = re.compile(r"\s+của\s+(?:Ủy\s+ban\s+Thường\s+vụ\s+Quốc\s+hội|Quốc\s+hội|Chính\s+phủ)(?![\w])")
_NAMED_OF_NATIONAL_RE = re.compile(r"(?:\s+[a-zà-ỹđ]+){1,3}" + _OF_NATIONAL_RE.pattern)
_IN_CHARGE_RE = re.compile(r"\s+phụ\s+trách(?:\s+(?:lĩnh\s+vực|ngành))?(?![\w])")
# "các tỉnh, thành phố tại khu vực dự báo xảy ra mưa, lũ tập trung ...": an area described, up to what the places must do
_AREA_RE = re.compile(r"\s+(?:tại|ở|thuộc)\s+(?:các\s+)?(?:khu\s+vực|vùng)\s[^;:.()]{3,60}?(?=\s+(?:tập\s+trung|khẩn\s+trương|chủ\s+động"
                      r"|tiếp\s+tục|phải|cần|theo\s+chức\s+năng|triển\s+khai|thực\s+hiện)\b)")
_REGION_RE = re.compile(r"\s+(?:khu\s+vực|vùng)\s+[A-ZĐ][\w-]*(?:\s+[A-ZĐ][\w-]*)*")


def _syllable_lm():
    """The restorer's syllable language model (loaded once per process, shared with stage 2)."""
    from .restore import load_models

    return load_models().lm


@lru_cache(maxsize=50_000)
def word_pmi(last: str, nxt: str) -> float:
    """How much more often two lower-case syllables follow each other in the corpus than by chance (pointwise
    mutual information in the syllable LM, nats); 0 for unknown syllables."""
    lm = _syllable_lm()
    b, c = lm.ids([last]), lm.ids([nxt])
    if b[0] <= 1 or c[0] <= 1:  # unknown syllables
        return 0.0
    return float(lm.bigram_logprob(b, c)[0] - lm.uni_lp[int(c[0])])


def splits_word(last: str, nxt: str, min_pmi: float = 4.5) -> bool:
    """Whether two lower-case syllables are one word ("giải quyết", "đăng ký", "chuyên môn"): a PMI of at least
    4.5 nats by default."""
    return word_pmi(last, nxt) >= min_pmi


WORD_END_PMI = 3.4  # a name's last syllable and the next one: "Ngân hàng Nhà nước Việt Nam điều | hành" (PMI 3.50)


def _whole_words(text: str, start: int, end: int) -> int:
    """A name does not end inside a word: "Cơ quan giải | quyết", "Văn phòng đăng | ký", "Quỹ tín | dụng" end
    before the word's first syllable."""
    last = re.search(r"(?<=\s)([a-zà-ỹđ]+)$", text[start:end])
    nxt = re.match(r"\s([a-zà-ỹđ]+)\b", text[end:])
    if last and nxt and splits_word(last.group(1), nxt.group(1), WORD_END_PMI):
        cut = start + last.start() - 1
        return start if re.fullmatch(r"(?:các|những)", text[start:cut], re.I) else cut
    return end


def _generic_end(rest: str, low: str, cap_generic: bool = False) -> int:
    """A generic body written in lower case ("các cơ quan liên quan", "sở, ngành có liên quan")."""
    # "các cơ quan liên quan", "thành ủy" (after "các huyện ủy,"), "các tổ chức thành viên"
    m = re.match(r"(?:các\s+|những\s+)?(?P<g>" + "|".join(sorted(GENERIC, key=len, reverse=True)) + r")(?![\w])", low)
    if m and m.group("g") == "bộ" and re.match(r"\s+(?:máy|phận|tiêu|luật|đội|chỉ|công|trưởng|hồ|sách|mặt)\b", low[m.end():]):
        return 0  # "bộ máy", "bộ phận", "bộ tiêu chí": not ministries
    if m and m.group("g") == "cơ sở" and re.match(r"\s+(?:dữ\s+liệu|hạ\s+tầng|vật\s+chất|pháp\s+lý|khoa\s+học|lý\s+luận|thực\s+tiễn)\b",
                                                 low[m.end():]):
        return 0  # "các cơ sở dữ liệu", "cơ sở hạ tầng": things, not bodies
    if m and (rest[:1].islower() or re.match(r"(?:Các|Những)\s", rest) or m.group("g") in PARTY_GENERIC
              or cap_generic and m.group("g") in CAP_GENERIC
              # a table cell "Cơ quan, địa phương liên quan": a run of generic nouns, the first with the cell's capital
              or cap_generic and m.group("g") in GROUPABLE and re.match(r"\s*,\s*(?:" + "|".join(GROUPABLE) + r")(?![\w])",
                                                                       low[m.end():])):
        e = m.end()
        if m.group("g") == "cơ quan" and re.match(r"\s+(?=[A-ZĐ])", rest[e:]) and _HEAD_RE.match(rest[e:].lstrip()):
            return _name_end(rest, e + len(rest[e:]) - len(rest[e:].lstrip()))  # "cơ quan Thuế", "cơ quan Công an"
        if m.group("g") == "lực lượng":  # "lực lượng Công an", "lực lượng Hải quan": the force's name
            sp = re.match(r"\s+(?=[A-ZĐ])", rest[e:])
            if sp and _HEAD_RE.match(rest[e + sp.end():]):
                return _name_end(rest, e + sp.end())
            if not re.match(r"\s+[a-zà-ỹđ]", rest[e:]):
                return 0  # a bare "lực lượng" (forces, manpower) is no body
            # "lực lượng hải quan", "lực lượng y tế cơ sở": its own words follow, as for other generic nouns
        if m.group("g") in ("người đứng đầu", "lãnh đạo", "thủ trưởng"):
            # "người đứng đầu cơ quan, đơn vị", "lãnh đạo các Bộ, ngành có liên quan": whose head, as a generic run
            sp = re.match(r"\s+", rest[e:])
            inner = _generic_end(rest[e + sp.end():], low[e + sp.end():]) if sp else 0
            if inner:
                return e + sp.end() + inner
            if m.group("g") != "người đứng đầu":
                return 0  # "lãnh đạo" alone leads (a verb)
        ext = re.match(r"((?:\s+(?!và\b)[a-zà-ỹđ]+){1,2})(?=,\s*(?:" + "|".join(GROUPABLE) + r")(?![\w]))", rest[e:])
        own = m.group("g") in GROUPABLE and ext and not set(NOUNS_WITH_VERBS.sub("", ext.group(1)).split()) & VERBS
        if own:
            e += ext.end()  # "các doanh nghiệp viễn thông, tổ chức, ...": the first noun has its own words
        if m.group("g") in GROUPABLE:
            # "các sở, ngành, đơn vị có liên quan": generic nouns after one "các" make one collective body
            while True:
                g = re.match(r"(?:\s+trung\s+ương)?(?:,\s*|\s+và\s+)(" + "|".join(GROUPABLE) + r")(?![\w])", low[e:])
                if not g or re.match(r"\s+(?=[A-ZĐ])", rest[e + g.end():]) and _HEAD_RE.match(rest[e + g.end():].lstrip()):
                    break  # (", lực lượng Công an xã": a named force, a body of its own)
                if rest[e + g.start(1):e + g.start(1) + 1].isupper() and re.match(r"\s+[A-ZĐ]", rest[e + g.end():]):
                    break  # ("các bộ, ngành, Tập đoàn FPT": a named group, a body of its own)
                nxt = re.match(r"\s+([a-zà-ỹđ]+)", low[e + g.end():])
                if own and nxt and not TAIL_RE.match(low[e + g.end():]) and \
                        nxt.group(1) not in VERBS | ADVERBS | FUNCTION_WORDS | PLACE_WORDS:
                    break  # "ngành y tế, lực lượng y tế cơ sở": two nouns with words of their own are two bodies
                e += g.end()
        assigned = re.match(r"\s+được\s+(?:phân\s+công|giao)(?:\s+(?:nhiệm\s+vụ|chủ\s+trì))?(?![\w])", low[e:])
        if assigned:  # "các cơ quan, đơn vị được phân công nhiệm vụ", "các Sở, ban, ngành được giao chủ trì"
            return e + assigned.end()
        tailed = False
        while True:
            t = TAIL_RE.match(low[e:])
            if not t:
                break
            e += t.end()
            tailed = True
            if t.group(1) == "trực thuộc":  # "các cơ quan trực thuộc Bộ Văn hóa, Thể thao và Du lịch"
                sp = re.match(r"\s+", rest[e:])
                if sp and _HEAD_RE.match(rest[e + sp.end():]):
                    return _name_end(rest, e + sp.end())
        # lower-case nouns up to the list separator: "các doanh nghiệp viễn thông", "tổ chức xã hội"
        ext = re.match(r"((?:\s+(?!và\b)(?:[a-zà-ỹđ]+|[A-ZĐ]{2,6}\b|Việt\s+Nam\b)){1,6}?)(?=\s*(?:[,;.:]|\svà\s|$)|\s+\((?!\s*(?:sau\s+đây|gọi\s+tắt))|\s+(?:trong\s+quá\s+trình|trong\s+việc|trên\s+địa\s+bàn|có\s+liên"
                       r"\s+quan|liên\s+quan|nghiêm\s+túc|chủ\s+động|khẩn\s+trương|kịp\s+thời|tích\s+cực|có\s+trách\s+nhiệm|phối\s+hợp|chủ\s+trì|thực\s+hiện|triển\s+khai|để"
                       r"|tập\s+trung|tăng\s+cường|đẩy\s+mạnh|tiếp\s+tục|ưu\s+tiên|quyết\s+liệt|phải|cần|của\s+(?=[A-ZĐ])|đã|đang|sẽ|vừa|căn\s+cứ|không"  # (tense: "Các bộ, ... địa phương đã triển khai")
                       r"|trong|(?:trực\s+)?thuộc|" + STRONG_VERBS + r")\b)",
                       rest[e:])
        if ext and not tailed and not set(NOUNS_WITH_VERBS.sub("", ext.group(1)).split()) & (VERBS | ADVERBS | TENSE) \
                and not re.search(rf"\b(?:{PREDICATE_VERBS})\b", ext.group(1)):
            # ("các Bộ, cơ quan đổi mới phương thức", "Các Bộ, cơ quan thống nhất một đầu mối": a verb, not its words)
            e += ext.end()
            while True:  # "các doanh nghiệp viễn thông trên địa bàn Thành phố"
                t = TAIL_RE.match(low[e:])
                if not t:
                    break
                e += t.end()
        whose = re.match(r"\s+(?:đảng|tỉnh|thành|huyện)\s+ủy\s+(?=các\s)", low[e:])
        if whose:  # "văn phòng đảng ủy các ban, bộ, ngành": the office of those bodies' Party committees
            inner = _generic_end(rest[e + whose.end():], low[e + whose.end():])
            if inner:
                return e + whose.end() + inner
        of = re.match(r"\s+(?:của|thuộc)\s+(?=[A-ZĐÀ-Ỹ])", rest[e:])
        if of and _HEAD_RE.match(rest[e + of.end():]):
            # "các thành viên của Ban Chỉ đạo": whose members; "các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh"
            named = _name_end(rest, e + of.end())
            if named > e + of.end():
                return named
        if re.search(r"(?:tỉnh|thành\s+phố|huyện|quận|xã|phường)$", low[:e]):
            name = re.match(r"\s+[A-ZĐ][\w-]*(?:\s+[A-ZĐ][\w-]*)*", rest[e:])
            if name:  # "chính quyền tỉnh Lạng Sơn": the place's name
                e += name.end()
        return e
    return 0


BARE_OFFICES = {"Bí thư", "Phó Bí thư", "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Thủ trưởng"}
STANDALONE = {"tỉnh ủy", "thành ủy", "huyện ủy", "tỉnh đoàn", "thành đoàn", "huyện đoàn", "chính phủ", "quốc hội", "bộ chính trị", "ban bí thư", "thủ tướng",
              "ủy ban nhân dân", "hội đồng nhân dân", "đảng ủy", "ban thường vụ", "thường trực", "công an"}
FUNCTION_WORDS = {"và", "trong", "của", "về", "với", "cho", "tại", "theo", "để", "các", "những", "đối", "trên", "từ",
                  "đến", "là", "có", "được", "khi", "nhằm", "do", "bằng", "này", "đó", "trước", "đã", "sẽ", "đang"}
# names complete in themselves: no lower-case word goes on from them ("Chính phủ xem xét", "Quốc hội thông qua")
COMPLETE = re.compile(r"(?:Chính\s+phủ|Quốc\s+hội|Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Việt\s+Nam)$")
QUALIFIERS = {"Tỉnh ủy", "Thành ủy", "Huyện ủy", "Trung ương", "Quốc hội"}
OF_HEADS = {"Giám đốc", "Chánh Văn phòng", "Thủ trưởng", "Phó Thủ tướng", "Bộ trưởng", "Thứ trưởng", "Thống đốc", "Tổng Kiểm toán", "Ủy ban", "Đảng ủy", "Đảng đoàn", "Ban cán sự đảng", "Văn phòng", "Chủ tịch", "Thường trực", "Ban Thường vụ",
            "Lãnh đạo", "Công đoàn", "Đoàn Thanh niên", "Chi bộ", "Bí thư", "Trưởng Ban", "Phó Trưởng Ban", "Trưởng ban",
            "Phó Trưởng ban"}
_HEAD_RE = re.compile(r"(?:" + "|".join(re.escape(h) for h in sorted(set(HEADS) | OF_HEADS | ABBR | {"Cổng", "Trường", "Ban chỉ đạo"},
                                                                       key=len, reverse=True)) + r")(?![\w])"
                      r"(?<!Hội(?=\s(?:nghị|thảo|thi|diễn)\b))(?<!Báo(?=\s(?:cáo|chí)\b))(?<!Ban(?=\shành\b))"
                      r"(?<!Trường(?=\shợp\b))(?<!Thuế(?=\s(?:suất|thu|giá|tiêu|bảo|tài|sử|xuất|nhập)\b))"
                      r"(?<!Chính\sphủ(?=\s(?:số|điện\s+tử)\b))")
# "Hội nghị", "Báo cáo", "Ban hành", "Trường hợp", "Thuế suất", "Thuế thu nhập", "Chính phủ số" are no bodies
_OF_HEAD_RE = re.compile(r"(?:" + "|".join(re.escape(h) for h in sorted(OF_HEADS, key=len, reverse=True)) + r")\s+")
_HEAD_LIST_RE = re.compile(r"(?:,|;|\s+và)\s*(?=" + _HEAD_RE.pattern + ")")  # "Báo ..., Cổng thông tin ..."
_SLASH_RE = re.compile(r"(?<=\w)\s?/\s?(?=" + _HEAD_RE.pattern + ")")  # "Sở A/Sở B"
VERBS = {"chủ", "trì", "phối", "hợp", "thực", "hiện", "hướng", "dẫn", "tham", "mưu", "chức", "triển", "khai",
         "chỉ", "đạo", "lãnh", "theo", "dõi", "kiểm", "tra", "báo", "cáo", "xây", "dựng", "tuyên", "có", "là",
         "được", "căn", "cứ", "giúp", "rà", "soát", "đề", "xuất", "nghiên", "cứu", "ban", "hành", "tập", "trung",
         "quán", "triệt", "phát", "đôn", "đốc", "chịu", "trách", "nhiệm", "bảo", "đảm", "cần", "phải", "quy", "quyết",
         "hoạt", "đi", "xem", "khởi", "cụ",
         "tiếp", "tục", "nâng", "đẩy", "mạnh", "làm", "việc", "với", "giám", "sát", "đánh", "giá", "tổng",
         "thẩm", "định", "phân", "công", "bố", "trí", "hỗ", "trợ", "tăng", "cường", "vận", "động", "định", "kỳ",
         "trình", "lập", "gửi", "ghi", "họp", "xét", "kết", "tiến", "tình", "thừa", "chọn", "cử", "lựa"}


_COLLECTIVE_WORDS = {w.strip(",;.") for c in _COLLECTIVE_SORTED for w in c.split()}
_COLLECTIVE_BARE = [(c, strip_marks(c), c.split()) for c in _COLLECTIVE_SORTED]  # (made once, not per call)


def _fuzzy_collective(low: str) -> int:
    return _fuzzy_collective_match(low)[0]


def _fuzzy_collective_match(low: str) -> tuple[int, Optional[str]]:
    """A collective body damaged by OCR ("các cơ quan tham mưu, giúp việc tính iy"): compared without marks,
    word by word, it must be as long as the collective and at least 85% alike."""
    return _fuzzy_collective_head(low[:160])  # (only the first 160 characters count: the same text is asked often)


@lru_cache(maxsize=8192)
def _fuzzy_collective_head(low: str) -> tuple[int, Optional[str]]:
    words = list(re.finditer(r"\S+", low))
    if len(words) < 3:
        return 0, None
    bare: dict[int, str] = {}  # the first n words without marks, made once per n
    for c, c_bare, cw in _COLLECTIVE_BARE:
        n = len(cw)
        if n < 3 or len(words) < n:
            continue
        cand = low[:words[n - 1].end()].rstrip(",;.")
        if n not in bare:
            bare[n] = strip_marks(cand)
        if fuzz.ratio(bare[n], c_bare) < 85:
            continue
        # OCR damage, not other words: each word alike its counterpart, at most two words differ
        pairs = [(strip_marks(a.group(0).strip(",;.")), strip_marks(b.strip(",;."))) for a, b in zip(words[:n], cw)]
        differ = [(a, b) for a, b in pairs if a != b]
        if any(w.group(0).strip(",;.") in _COLLECTIVE_WORDS for w, b in zip(words[:n], cw)
               if w.group(0).strip(",;.") != b.strip(",;.")):
            continue  # another well-written word of collectives ("các sở, ngành" is not "các bộ, ngành")
        if len(differ) <= max(2, n // 2) and all(fuzz.ratio(a, b) >= 50 for a, b in differ):
            return len(cand), c
    return 0, None


_LEVEL_RE = re.compile(r"cấp\s+(?:tỉnh|huyện|xã|cơ\s+sở|trung\s+ương|bộ|quốc\s+gia)\b|tối\s+cao\b")  # a name's level


def _name_end(text: str, start: int) -> int:
    """End of a proper body name at ``start``: a head ("Sở", "Ủy ban nhân dân") and its continuation
    (capitalised syllables, a lower-case syllable after a capital as in "Nội vụ", place words, "và" / "-"
    between capitals, a parenthesis)."""
    rest = text[start:]
    hm = _HEAD_RE.match(rest)
    if not hm:
        return start
    head = hm.group(0)
    pos = hm.end()
    word = re.match(r"\s([a-zà-ỹđ]+)\b", rest[pos:])
    if word and len(head.split()) == 1 and head not in ABBR and word.group(1) not in PLACE_WORDS \
            and splits_word(head.lower(), word.group(1)):
        return start  # "Viện trợ", "Thuế suất", "Bộ phận": a word, not a head and its name
    if re.fullmatch(r"Ban\s+[Cc]hỉ\s+đạo", head):
        # "Ban Chỉ đạo quốc gia chống buôn lậu", "Ban chỉ đạo phòng thủ dân sự quốc gia": a committee named by its
        # mission, in lower case, up to a verb, a function word or a mark
        run = re.match(r"(?:\s+(?![A-ZĐ])[a-zà-ỹđ]+)+", rest[pos:])
        words = run.group(0).split() if run else []
        n = next((k for k, w in enumerate(words) if w in VERBS | FUNCTION_WORDS | ADVERBS), len(words))
        if 2 <= n <= 10:
            ends = [m.end() for m in re.finditer(r"\S+", rest[pos:])][:n]
            return start + pos + ends[-1]
    if head in OF_HEADS:
        nxt = re.match(r"\s+", rest[pos:])
        if nxt and _HEAD_RE.match(rest[pos + nxt.end():]):
            return _name_end(text, start + pos + nxt.end())
        if nxt and (re.match(r"(?:các|những)\s", rest[pos + nxt.end():]) or rest[pos + nxt.end():][:1].islower()):
            # "Thủ trưởng các ngành, cơ quan cấp tỉnh", "Giám đốc các Sở", "Thủ trưởng cơ quan ngang bộ"
            after = rest[pos + nxt.end():]
            g = _generic_end(after, after.lower())
            if g:
                return start + pos + nxt.end() + g
    words = _words(rest[pos:])
    last = 0
    prev_cap = True  # a head may go on in lower case ("Sở Nội vụ", "Mặt trận tổ quốc Việt Nam"); verbs stop it
    placed = False  # a place word was read: the capitals after it are the place's name ("thành phố Hà Nội")
    real_cap = head.split()[-1][:1].isupper()  # the word before is written with a capital ("Xây" in "Xây dựng")
    i = 0
    while i < len(words):
        w = words[i].group(0)
        if w == "," and placed and i + 1 < len(words) and (
                words[i + 1].group(0) in ("Trưởng", "Phó", "Giám", "Chánh", "Thủ", "Chủ", "Tổng", "Bí")
                or _HEAD_RE.match(rest[pos + words[i + 1].start():])):
            break  # "Chủ tịch Ủy ban nhân dân thành phố Đà Nẵng, Trưởng ban ...": a new office after a place's name
        if w == "," and i + 1 < len(words) and _is_cap(words[i + 1].group(0)) and i > 0 \
                and words[i - 1].group(0).lower() not in PLACE_WORDS and (prev_cap or _is_cap(words[i - 2].group(0)) if i > 1 else prev_cap) \
                and not _HEAD_RE.match(rest[pos + words[i + 1].start():]) and words[i + 1].group(0) != "Các":
            i += 1  # "Báo và Phát thanh, Truyền hình Cần Thơ", "Sở Văn hóa, Thể thao và Du lịch": a comma in a name
            continue
        if w in ("(", ")", ",", ";", ":", "."):
            break
        if _is_cap(w) and i + 1 < len(words) and re.fullmatch(
                r"(?:chủ\s+trì|phối\s+hợp|tham\s+mưu|triển\s+khai|thực\s+hiện)", f"{w.lower()} {words[i + 1].group(0)}"):
            break  # "Phòng Tổ chức - Hành chính - Quản trị / Chủ trì, phối hợp ...": a heading run on into its text
        if w == "Các":
            break  # "Sở Tài chính Các sở, ngành" (a table cell without a comma): a new body
        if _is_cap(w):
            hm2 = _HEAD_RE.match(rest[pos + words[i].start():])
            if hm2 and not prev_cap and hm2.group(0) not in QUALIFIERS:
                break  # a new body ("... Tỉnh ủy Ủy ban"): not ours; "Ủy ban Kiểm tra Tỉnh ủy" is one
            last, prev_cap, real_cap, i = words[i].end(), True, True, i + 1
            continue
        if (w.isdigit() or re.fullmatch(r"[IVXL]+", w)) and (
                re.search(r"(?:khu\s+vực|[Kk]hu\s+vực|số|Ban\s+Chỉ\s+đạo|Đề\s+án|Quân\s+khu)$",
                          (head + rest[pos:pos + words[i].start()]).rstrip())
                or w.isdigit() and i + 1 < len(words) and words[i + 1].group(0) in ("xã", "phường", "huyện", "tỉnh")):
            last, i = words[i].end(), i + 1  # "Ngân hàng Nhà nước chi nhánh khu vực 14", "Hải quan khu vực XI"
            continue
        if w in ("-", "–", "&") and i + 1 < len(words) and _is_cap(words[i + 1].group(0)):
            pair = " ".join(x.group(0) for x in words[i + 1:i + 3]).lower()
            if re.fullmatch(rf"(?:{_VERB_PAIR}|làm\s+\w+)", pair):
                break  # "Bộ Khoa học và Công nghệ - Làm đầu mối ...", "- Chủ trì ...": a bullet run on after the name
            i += 1
            continue
        if w in ("-", "–") and i + 1 < len(words) and i and last == words[i - 1].end() and words[i + 1].group(0).isalpha() \
                and words[i + 1].group(0) not in VERBS | FUNCTION_WORDS \
                and not _generic_end(rest[pos + words[i + 1].start():], rest[pos + words[i + 1].start():].lower()):
            i, prev_cap = i + 1, True  # "Hội đồng Thi đua - khen thưởng tỉnh": a dash inside a name in lower case
            continue
        if w == "các" and i + 1 < len(words) and _is_cap(words[i + 1].group(0)) and prev_cap:
            i += 1  # "Liên hiệp các Hội Khoa học và Kỹ thuật"
            continue
        committee = re.match(r"(?:các\s+)?(?:tỉnh|thành|huyện|quận|thị|đảng)\s+ủy(?:\s+đặc\s+khu)?\b", rest[pos + words[i].start():]) \
            if w in ("các", "tỉnh", "thành", "huyện", "quận", "thị", "đảng") and i and last == words[i - 1].end() else None
        if committee:
            # "Ban Tuyên giáo và Dân vận các tỉnh ủy, thành ủy": the committees' board (the list: split_bodies);
            # "Ban Tuyên giáo tỉnh ủy", "Ban Tuyên giáo và Dân vận đảng ủy đặc khu"
            last = words[i].start() + committee.end()
            while i < len(words) and words[i].end() <= last:
                i += 1
            prev_cap, real_cap = False, False
            continue
        if w == "và" and i + 1 < len(words) and _is_cap(words[i + 1].group(0)) and \
                not _HEAD_RE.match(rest[pos + words[i + 1].start():]):
            i += 1
            continue
        q = PROVINCES.match(rest[pos + words[i].start():])
        if q:  # "... tỉnh, thành phố trực thuộc Trung ương": one qualifier, not a list
            end_q = words[i].start() + q.end()
            while i < len(words) and words[i].end() <= end_q:
                i += 1
            last, prev_cap, real_cap = end_q, False, False
            continue
        mg = MANAGED.match(rest[pos + words[i].start():]) if rest[:pos + words[i].start()].rstrip().endswith("Quản lý") \
            else BRANCH.match(rest[pos + words[i].start():])
        if mg:  # "Ban Quản lý các khu công nghệ cao và khu công nghiệp": what it manages is in its name
            end_m = words[i].start() + len(mg.group(0).rstrip())
            while i < len(words) and words[i].end() <= end_m:
                i += 1
            last, prev_cap, real_cap = end_m, False, False
            continue
        if w == "xã" and i + 1 < len(words) and words[i + 1].group(0) == "hội":
            last, prev_cap, real_cap, i = words[i + 1].end(), False, False, i + 2  # "Chính sách xã hội"
            continue
        level = _LEVEL_RE.match(rest, pos + words[i].start()) if w in ("cấp", "tối") else None
        if level:  # "Hội đồng Thi đua - Khen thưởng cấp cơ sở", "Tòa án nhân dân tối cao": the level is the name's
            last = level.end() - pos
            while i < len(words) and words[i].end() <= last:
                i += 1
            prev_cap, real_cap = False, False
            continue
        if w == "cấp" and i + 1 < len(words) and (words[i + 1].group(0)[:1].islower() or words[i + 1].group(0) == "Giấy") \
                and not (i and words[i - 1].group(0) in ("cùng", "các")):
            break  # "Ban Quản lý ... thành phố Hà Nội cấp giấy phép xây dựng": the verb after the name
        if w.lower() in PLACE_WORDS and not _lone_place(words, i):
            j = i
            while j < len(words) and words[j].group(0).lower() in PLACE_WORDS:
                j += 1
            while j > i and words[j - 1].group(0).lower() == "các":
                j -= 1  # "Công an các đơn vị": "các" opens what follows, it is no place of the name ...
            if [x.group(0) for x in words[j:j + 3]] == ["các", "địa", "phương"]:
                j += 3  # ... but "Công an các địa phương" is the local police
            if j == i:
                break
            while j + 1 < len(words) and words[j].group(0) in (",", "và") and words[j - 1].group(0) in ("xã", "phường", "khu") \
                    and words[j + 1].group(0) in ("xã", "phường", "đặc"):
                j += 2  # "Ban Xây dựng Đảng đảng ủy xã, phường", "... xã, phường, đặc khu"
                if words[j - 1].group(0) == "đặc" and j < len(words) and words[j].group(0) == "khu":
                    j += 1
            last, prev_cap, real_cap, i, placed = words[j - 1].end(), False, False, j, True
            continue
        if w == "và":
            break  # "và" joins two bodies unless a capital that is no head follows (handled above)
        if w in FUNCTION_WORDS and w not in ("và", "các"):
            break  # "Cổng TTĐT tỉnh Bắc Ninh là ...", "Văn phòng Trung ương Đảng có ...", "Cổng TTĐT của các ..."
        if w[:1].islower() and COMPLETE.search(rest[:pos + last] if last else head):
            level = re.match(r"(?:cùng|các)\s+cấp\b", rest[pos + words[i].start():])
            if level:  # "Ủy ban Mặt trận Tổ quốc Việt Nam cùng cấp": which committee
                last = words[i].start() + level.end()
            break
        if w[:1].islower() and COMPLETE.search(rest[:pos + words[i].end()]):
            last = words[i].end()  # "Thủ tướng Chính phủ kiện toàn ...": the name ends with "phủ"
            break
        if w == "làm" and i + 1 < len(words) and words[i + 1].group(0) in ("cơ", "đầu", "chủ", "nhiệm", "Trưởng", "trưởng"):
            break  # "Giao Ủy ban nhân dân tỉnh Khánh Hòa làm cơ quan chủ quản": what the body is made, not its name
        if w[:1].islower() and prev_cap and placed and not re.match(r"\s*-", rest[pos + words[i - 1].end():]):
            break  # "Ủy ban nhân dân thành phố Hà Nội xét, tặng thưởng ...": a place's name takes no lower-case syllable
        if w[:1].islower() and prev_cap:
            # lower-case syllables after a capital: one (Nội vụ), or a short run with no verb in it when a
            # capital or a list separator follows ("Sở Thông tin truyền thông, Báo ...")
            j = i
            while j < len(words) and words[j].group(0)[:1].islower() and words[j].group(0) not in FUNCTION_WORDS \
                    and (j == i or words[j].group(0) not in VERBS and words[j].group(0) not in PLACE_WORDS):
                j += 1
            run = [x.group(0) for x in words[i:j]]
            nxt = words[j].group(0) if j < len(words) else ""
            before = words[i - 1].group(0).lower() if i else head.split()[-1].lower()
            if j == i + 1 and nxt and (re.fullmatch(_VERB_PAIR, f"{w} {nxt}") or w in VERBS and nxt in VERBS
                                       and before not in VERBS):
                break  # "Sở Công Thương tổng hợp báo cáo ...", "Bộ Công Thương bảo đảm ...": the verb after the name
            cut = next((k for k in range(len(run) - 1) if re.fullmatch(_VERB_PAIR, f"{run[k]} {run[k + 1]}")), None)
            if cut == 0:
                break  # "Cơ quan Thuế tạo điều kiện ...": a two-word verb opens the run
            if cut:
                j, run = i + cut, run[:cut]
                nxt = words[j].group(0)
            if j - 1 > i and nxt and re.fullmatch(STRONG_VERBS, f"{run[-1]} {nxt}"):
                j, run, nxt = j - 1, run[:-1], run[-1]  # "Sở Tài chính tổ chức ...": "tổ" starts the verb
            tail = TAIL_RE.match(rest[pos + words[j - 1].end():].lower()) if j > i and nxt in ("trên", "tại") else None
            if tail and 1 <= len(run) <= 3 and not (set(run) & VERBS):
                # "các Ngân hàng thương mại trên địa bàn": the run and its place qualifier
                last, prev_cap, real_cap = words[j - 1].end() + tail.end(), False, False
                while i < len(words) and words[i].end() <= last:
                    i += 1
                continue
            if 1 < len(run) <= 3 and not (set(run[1:]) & VERBS) and not (set(run) & ADVERBS) \
                    and (nxt in VERBS or nxt in PLACE_WORDS) \
                    and (real_cap or run[0] not in VERBS):
                # "Trung tâm Y tế giám sát", "Kiểm soát bệnh tật tỉnh chủ trì": the name ends before the verb
                last, prev_cap, real_cap, i = words[j - 1].end(), False, False, j
                continue
            if 1 < len(run) <= 3 and not (set(run) & (VERBS | ADVERBS)) and (_is_cap(nxt) or nxt in (",", ";", "(", "-", "–")) \
                    or len(run) == 4 and (_is_cap(nxt) or nxt.isdigit()) and not (set(run) & (VERBS | ADVERBS)):
                last, prev_cap, real_cap, i = words[j - 1].end(), False, False, j
                continue
            if w in ADVERBS and w not in ("chủ", "động", "đồng"):
                break  # "Truyền hình Đắk Lắk thường xuyên tuyên truyền": an adverb starts the predicate
            if w in VERBS and not real_cap:
                break  # "Tỉnh ủy theo dõi"; but "Ban Xây dựng Đảng" keeps "dựng"
            if i + 1 < len(words) and re.fullmatch(r"quyết\s+liệt|tích\s+cực|khẩn\s+trương|nghiêm\s+túc|kịp\s+thời",
                                                   f"{w} {words[i + 1].group(0)}"):
                break  # "Ủy ban nhân dân thành phố Hải Phòng quyết liệt chỉ đạo"
            last, prev_cap, real_cap, i = words[i].end(), False, False, i + 1
            continue
        # "Trung tâm Phục vụ hành chính công tỉnh": a second lower-case run after "Cap lower", made of the nouns that hold
        # a verb's syllables (NOUNS_WITH_VERBS), up to a place word, a mark or a verb
        before_cap = _is_cap(words[i - 2].group(0)) if i >= 2 else head.split()[-1][:1].isupper()
        if w[:1].islower() and i and last == words[i - 1].end() and words[i - 1].group(0)[:1].islower() and before_cap:
            j = i
            while j < len(words) and j - i < 3 and words[j].group(0)[:1].islower() \
                    and words[j].group(0) not in FUNCTION_WORDS | PLACE_WORDS:
                j += 1
            while j > i + 2 and NOUNS_WITH_VERBS.sub("", " ".join(x.group(0) for x in words[i:j])).strip():
                j -= 1  # "Cục Bảo vệ thực vật kiểm soát ...": the nouns, then the verb
            run = " ".join(x.group(0) for x in words[i:j])
            nxt = words[j].group(0) if j < len(words) else ""
            if j > i + 1 and not NOUNS_WITH_VERBS.sub("", run).strip() \
                    and (nxt.lower() in PLACE_WORDS or nxt in (",", ";", ")", "") or _is_cap(nxt) or nxt in VERBS):
                last, i = words[j - 1].end(), j
                continue
        break
    return start + pos + last


def _lone_place(words: list, i: int) -> bool:
    """"thành" not in "thành phố", "thị" not in "thị xã" / "thị trấn": a verb ("thành lập"), not a place."""
    w = words[i].group(0).lower()
    nxt = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
    return (w == "thành" and nxt != "phố") or (w == "thị" and nxt not in ("xã", "trấn"))


def _paren(text: str, e: int) -> int:
    m = re.match(r"\s*\([^()]{1,80}\)", text[e:])
    return e + m.end() if m else e


_PLACE_NAME_RE = re.compile(r"(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường)\s+[A-ZĐ][\w-]*(?:\s+[A-ZĐ][\w-]*)*")
_LOCAL_HEAD_RE = re.compile(r"(?P<h>Ủy\s+ban\s+nhân\s+dân|UBND|Hội\s+đồng\s+nhân\s+dân|HĐND)\s+" + _PLACE_NAME_RE.pattern)
BARE_LOCAL = {"HĐND", "UBND", "Hội đồng nhân dân", "Ủy ban nhân dân", "Thường trực HĐND", "Thường trực Hội đồng nhân dân",
              "UBMTTQ", "Ủy ban MTTQ", "Ủy ban Mặt trận Tổ quốc"}
_BARE_LOCAL_RE = "(?:" + "|".join(re.escape(b) for b in sorted(BARE_LOCAL, key=len, reverse=True)) + r")\s"


def split_bodies(span: str, gaz: Gazetteer) -> list[str]:
    """A list of bodies as written -> one string per body ("các huyện ủy, thành ủy" -> two)."""
    out: list[str] = []
    pos = 0
    span = _alternatives(span.strip(" .;:,"))
    while pos < len(span):
        m = re.match(LIST_SEP, span[pos:])
        start = pos + (m.end() if m else 0)
        if start >= len(span):
            break
        if out and not m.group(1) and not ((_HEAD_RE.match(span[start:]) or span.startswith("Các ", start))
                                           and span[start:start + 1].isupper()):
            # no separator: the words go on the body before ("Phòng An ninh chính trị nội bộ"); a new
            # named head is a new body (table cells: "Sở Khoa học và Công nghệ Sở Công Thương")
            nxt = re.search(r"[,;]|\svà\s", span[start:])
            e = start + (nxt.start() if nxt else len(span) - start)
            out[-1] = (out[-1] + " " + span[start:e].strip(" ,;.")).strip()
            pos = e
            continue
        e = _one_body_end(span, start, gaz, cap_generic=True)
        if e <= start:
            # not recognised: take up to the next separator
            nxt = re.search(r"[,;]|\svà\s", span[start:])
            e = start + (nxt.start() if nxt else len(span) - start)
            if e <= start:
                break
        raw = span[start:e].strip(" ,;.")
        if raw:
            out.append(raw)
        pos = e
    # "các văn phòng tỉnh ủy, thành ủy", "Thường trực các tỉnh ủy, thành ủy": a bare committee after another one
    # written in lower case takes what was written before it
    for i in range(1, len(out)):
        prev = re.match(r"(?P<pre>.+?\s)(?:tỉnh|thành|huyện|quận|thị|đảng)\s+ủy(?:\s+trực\s+thuộc\s+[Tt]rung\s+ương)?$", out[i - 1])
        if prev and re.fullmatch(r"(?:tỉnh|thành|huyện|quận|thị|đảng)\s+ủy(?:\s+trực\s+thuộc\s+[Tt]rung\s+ương)?", out[i]) and \
                prev["pre"].strip().lower() not in ("các", "những"):
            out[i] = prev["pre"] + out[i]
    # "các huyện ủy, thành ủy": the bare second item shares the first one's "các"
    fixed = []
    for i, b in enumerate(out):
        if i and b[:1].islower() and not b.startswith(("các ", "những ")) and fixed[i - 1].lower().startswith("các ") \
                and " các " not in f" {b} " and not b.startswith(tuple(PARTY_GENERIC)):  # ("chính quyền các cấp")
            b = "các " + b
        fixed.append(b)
    # "Tập đoàn FPT, CMC": a head written once before several short names
    shared = []
    for b in fixed:
        m = re.fullmatch(rf"(?P<h>{LIST_HEADS})\s+(?P<n>[A-ZĐ][\w&-]*(?:,\s*[A-ZĐ][A-ZĐ0-9&-]{{1,7}})+)", b)
        shared += [f"{m['h']} {n.strip()}" for n in m["n"].split(",")] if m else [b]
    fixed = shared
    # "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã": a bare level takes the name of the body before it
    for i in range(1, len(fixed)):
        named = re.match(r"(?P<n>.+?)\s+cấp\s+(?:tỉnh|huyện|xã|cơ sở|trung ương)$", fixed[i - 1])
        if named and re.fullmatch(r"cấp\s+(?:tỉnh|huyện|xã|cơ sở)", fixed[i], re.I):
            fixed[i] = f"{named['n']} {fixed[i].lower()}"
    # "Ủy ban nhân dân thành phố Hà Nội, thành phố Hồ Chí Minh": the local body's head is shared
    for i in range(1, len(fixed)):
        head = _LOCAL_HEAD_RE.match(fixed[i - 1])
        if head and _PLACE_NAME_RE.fullmatch(fixed[i]):
            fixed[i] = f"{head.group('h')} {fixed[i]}"
    # "Tỉnh ủy, HĐND, UBND tỉnh": the place of the last local body is the bare one's before it
    for i in range(len(fixed) - 2, -1, -1):
        place = re.search(r"\s((?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường)(?:\s+[A-ZĐ][\w-]*)*)$", fixed[i + 1])
        if fixed[i] in BARE_LOCAL and place and re.match(_BARE_LOCAL_RE, fixed[i + 1]):
            fixed[i] = f"{fixed[i]} {place.group(1)}"
    # "Bí thư, Chủ tịch Ủy ban nhân dân các tỉnh khu vực Trung Bộ": a bare office takes the places of the office after it
    for i in range(len(fixed) - 2, -1, -1):
        place = re.search(r"\s((?:các\s+)?(?:tỉnh|thành phố|huyện|quận|xã|phường)(?:\s.*)?)$", fixed[i + 1])
        if fixed[i] in BARE_OFFICES and place and _OF_HEAD_RE.match(fixed[i + 1]):
            fixed[i] = f"{fixed[i]} {place.group(1)}"
    # "Cấp ủy, chính quyền Thành phố": the party committee and the government of the same place
    for i in range(len(fixed) - 1):
        place = re.match(r"(?i)chính\s+quyền\s+(?P<p>(?:tỉnh|thành\s+phố|huyện|quận|xã|phường|cấp\s+\w+|các\s+cấp)(?:\s+[A-ZĐ][\w-]*)*)$",
                         fixed[i + 1])
        if fixed[i].lower() in ("cấp ủy", "cấp ủy đảng") and place:  # (and "cấp ủy đảng, chính quyền các cấp")
            fixed[i] = f"{fixed[i]} {place['p']}"
    # ("phối hợp với địa phương": the locality is a partner, even unnamed)
    bare = (set(GENERIC) | {h.lower() for h in HEADS}) - STANDALONE - CAP_GENERIC - PARTY_GENERIC - FORCES \
        - {"tổ chức đảng", "địa phương", "chủ đầu tư", "đại biểu quốc hội", "đại biểu hội đồng nhân dân"}
    # ("Chủ đầu tư phối hợp ...": the project's investor; "đại biểu Quốc hội": the deputies)
    fixed = [re.sub(r"\s+(?:hoặc|và)$", "", b) for b in fixed]  # ("Trưởng Ban Kiểm soát hoặc thành viên ...")
    return [b for b in fixed if len(b) > 2 and not re.fullmatch(r"[\W\d]+", b) and b.lower() not in bare
            and not re.fullmatch(r"(?i)không(?:\s+có)?", b)]  # ("Cơ quan phối hợp: Không": none)


def canonical_body(raw: str, gaz: Gazetteer) -> str:
    core = re.sub(r"\s*\([^()]*\)\s*$", "", raw).strip()
    n, coll = _fuzzy_collective_match(core.lower())
    if coll and n >= len(core) - 1 and core.lower() != coll:
        return _fix_case(coll)  # an OCR-damaged collective takes the collective's spelling
    exp = expand(gaz.canonical(core))
    return exp[:1].upper() + exp[1:]


# ---------------------------------------------------------------------------------------------------
# The extractor


class Extractor:
    def __init__(self, sections: list[Section], doc_date: Optional[str], gaz: Optional[Gazetteer] = None,
                 doc_type: Optional[str] = None, preamble: Optional[Section] = None, title: Optional[str] = None):
        self.sections = sections
        self.preamble = preamble
        self.place = title_place(title)
        self.notice = doc_type == "Thông báo"
        self.by_id = {s.id: s for s in sections}
        self.children: dict[Optional[str], list[Section]] = {}
        for s in sections:
            self.children.setdefault(s.parent, []).append(s)
        self.doc_date = doc_date
        self.gaz = gaz or load()
        self.found: list[Found] = []
        self.done: set[str] = set()  # sections fully handled by a block or a lead heading
        self.skip_pars: dict[str, int] = {}  # sections whose first paragraphs were handled
        self.subject: dict[str, list[str]] = {}  # sections whose heading names their body
        self.impl_parts = {s.id for s in sections if s.level == 1 and re.search(
            r"TO CHUC THU.?C HIEN|TRACH NHIEM|PHAN CONG|CHE DO BAO CAO", strip_marks(s.heading).upper())}
        # a text numbered "1., 2., ..." with no parts (a directive, a notice): its top items are the tasks; not
        # a normative text (a decision's or a resolution's regulation, its articles numbered again in each "Điều")
        # (a Government resolution that decides tasks, "QUYẾT NGHỊ: 1. ... 2. ...", has no articles: it is one too)
        articles = any(re.match(r"Điều\s+\d", t) for s in sections for t in [s.heading, *s.text.splitlines()]) or \
            bool(preamble and re.search(r"(?m)^Điều\s+\d", preamble.text))
        self.flat = not any(s.level == 1 and re.fullmatch(r"[IVXLC]+", s.id) for s in sections) \
            and (doc_type not in ("Quyết định", "Nghị định", "Nghị quyết", "Thông tư", "Luật", "Quy định")
                 or doc_type == "Nghị quyết" and bool(sections) and not articles)

    # -- helpers
    def add(self, sec: Section, action: str, span_or_bodies, role: str, deadline: Deadline,
            page: Optional[int] = None, line: Optional[int] = None) -> None:
        bodies = split_bodies(span_or_bodies, self.gaz) if isinstance(span_or_bodies, str) else span_or_bodies
        for b in bodies:
            self.found.append(Found(sec.id, _clip(action), b, role, deadline, page or sec.page, line or sec.line))

    def deadline(self, *texts: str, field: bool = False) -> Deadline:
        """The first deadline ``texts`` state; ``field``: a time field or column ("Thời hạn hoàn thành: 18/10/2025"),
        whose date is the deadline even when it has passed (a list of overdue tasks)."""
        for t in texts:
            if t:
                t = CITATION_RE.sub(" ", t)
                t = re.sub(r"“[^”]{5,}”", " ", t)  # a quoted title: Đề án “... đến năm 2030”
                d = parse_deadline(t, self.doc_date)
                if d.kind == "by" and self.doc_date and d.end and d.end < self.doc_date and not field \
                        and not (re.match(r"(?:trước|chậm\s+nhất|hạn\s+chót)\s", d.text or "", re.I)
                                 and date.fromisoformat(self.doc_date) - date.fromisoformat(d.end) <= timedelta(days=31)):
                    continue  # a date before the plan's own (a cited decision's): no deadline; but "trước ngày 15/11"
                    # in a notice written after the meeting is one
                if d.kind != "none":
                    return d
        return Deadline(kind="none")

    def in_tasks(self, sec: Section) -> bool:
        """Not in a part that only states aims or background (MỤC ĐÍCH, YÊU CẦU, QUAN ĐIỂM, MỤC TIÊU...)."""
        part = self.by_id.get(sec.id.split(".")[0])
        if part is None or part.level != 1:
            return False
        if self.flat and len(part.heading.split()) > 8:
            return True  # an item's own sentence ("8. Đài ... thông tin về tình hình mưa lũ"), not a part's title
        if sec.level > 1 and re.search(r"(?:nhiệm\s+vụ|giải\s+pháp|nội\s+dung)[^.:;]{0,40}\ssau(?:\s+đây)?\s*:\s*$",
                                       part.text.strip()):
            return True  # "I. ĐÁNH GIÁ CHUNG / ... Để ..., Thành phố cần thực hiện các nhiệm vụ, giải pháp sau đây: / 1. ..."
        return not re.search(r"MUC (?:DICH|TIEU)|^YEU CAU|, YEU CAU|QUAN DIEM|CAN CU|SU CAN THIET|TINH HINH|KET QUA|^DOI TUONG"
                             r"|^DANH GIA|^(?:VE )?(?:TON TAI|HAN CHE)|^NGUYEN TAC", strip_marks(part.heading).upper()) \
            and not self.in_structure(sec)

    def in_structure(self, sec: Section) -> bool:
        """In a regulation's scope, definitions or structure article: bodies named there are listed, not tasked."""
        part = self.by_id.get(sec.id.split(".")[0])
        return part is not None and bool(re.match(r"CO CAU TO CHUC|PHAM VI|GIAI THICH TU NGU", strip_marks(part.heading).upper()))

    def _aims_only(self, section: str) -> bool:
        """Whether ``section`` lies in a part that states only aims (MỤC ĐÍCH, YÊU CẦU / MỤC TIÊU / QUAN ĐIỂM)."""
        part = self.by_id.get(section.split(".")[0])
        if part is None or part.level != 1 or self.flat or section.startswith(("PL", "Điều ")):
            return False
        return bool(re.fullmatch(r"(?:MUC (?:DICH|TIEU)|YEU CAU|QUAN DIEM)(?:[ ,]+(?:VA\s+)?(?:MUC (?:DICH|TIEU)|YEU CAU|QUAN DIEM))*\W*",
                                 strip_marks(part.heading).upper().strip()))

    def in_impl(self, sec: Section) -> bool:
        return sec.id.split(".")[0] in self.impl_parts or (self.flat and self.in_tasks(sec))

    # -- 1. field blocks
    def blocks(self) -> None:
        for sec in self.sections:
            if sec.id in self.done:
                continue
            fields = self._fields(sec)
            if not fields:
                continue
            block = sec
            if is_field_heading(sec.heading.strip()) and sec.parent in self.by_id:
                block = self.by_id[sec.parent]
            kids = self.children.get(block.id, [])
            task_lines: list[str] = []  # the task field's own lines: "a) Nhiệm vụ:" over its bullets
            for k in kids:
                own = field(k.heading.strip())
                task = own and own[0] == "task" or is_task_heading(k.heading)
                if is_field_heading(k.heading.strip()) or task:
                    for f, v in self._fields(k).items():
                        fields.setdefault(f, v)
                    if task:
                        task_lines += [ln for ln in k.text.splitlines() if ln.strip()]
                    self.done.add(k.id)
            lead, support, doer = fields.get("lead"), fields.get("support"), fields.get("doer")
            if not (lead or doer):
                continue
            action = fields.get("task") or block.heading
            dl = self.deadline(fields.get("time", ""), field=True)
            if lead:
                self.add(block, action, self._field_bodies(lead), "lead", dl)
            marked = re.match(r"^(?P<x>[^;]+?)\s*(?:\(\s*chủ\s+trì\s*\)|,?\s+chủ\s+trì)[\s,;]*(?:phối\s+hợp(?:\s+với)?\s*:?\s*)?(?P<y>.*)$",
                              doer or "", re.I)
            if doer and marked and not lead:
                # "Sở Tư pháp (chủ trì); Sở Nội vụ", "Sở X chủ trì, phối hợp với Y": who leads is marked in the cell
                self.add(block, action, self._field_bodies(marked["x"]), "lead", dl)
                if marked["y"].strip(" .;,"):
                    self.add(block, action, self._field_bodies(marked["y"].strip(" .;,")), "support", dl)
            elif doer:
                self.add(block, action, self._field_bodies(doer), "lead" if support and not lead else "responsible", dl)
            if support:
                self.add(block, action, self._field_bodies(support), "support", dl)
            # an annex row's task is its heading (the content column): "Chủ trì, phối hợp với Bộ Công an ...", "...,
            # báo cáo Ban Chỉ huy Phòng thủ dân sự các cấp"
            own_task = [fields["task"]] if fields.get("task") else [block.heading] if block.id.startswith("PL") else []
            for par in own_task + task_lines:
                for sent in _sentences(_unbullet(par)):
                    # the task's own partners: "Phối hợp với Bộ Công an ...", "đồng thời phối hợp Bộ X, Bộ Y"
                    self._supports(block, sent, dl)
                    # "Tham mưu UBND Thành phố báo cáo Bộ Tài chính ...": the block's time unless it says its own
                    self._report(block, sent, dl)
            if fields.get("time"):
                self._report(block, fields["time"])  # "Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính"
            self.done.add(block.id)
            self.done.add(sec.id)

    def _field_bodies(self, value: str) -> list[str]:
        """A field's bodies: a list ("Bộ Công an, Bộ Tư pháp và các cơ quan có liên quan"), or clauses that
        open with their bodies ("Bộ Công an tiến hành rà soát ...; các bộ, ... rà soát ...")."""
        out: list[str] = []
        for part in re.split(r";\s*", value):
            e = body_list_end(part, self.gaz)
            clause = e and re.match(r"^\s+[a-zà-ỹđ]", part[e:]) and len(part) - e > 25
            out += split_bodies(part[:e] if clause else part, self.gaz)
        return out

    def _fields(self, sec: Section) -> dict[str, str]:
        out: dict[str, str] = {}
        lines = [f"{sec.heading}: {sec.text.splitlines()[0]}" if is_field_heading(sec.heading) and sec.text
                 else sec.heading] + sec.text.splitlines()
        # several fields on one line: "Đơn vị chủ trì: X; đơn vị phối hợp: Y. Thời gian: tháng 6/2026."
        lines = [seg for ln in lines for seg in re.split(r"[;.]\s+(?=(?:cơ\s+quan|đơn\s+vị|thời\s+gian|thời\s+hạn|tiến\s+độ)"
                                                            r"[^:;.]{0,40}:)", ln, flags=re.I)]
        for ln in lines:
            found = field(ln.strip())
            if not found:
                continue
            name, value = found
            if name in ("lead", "support", "doer") and (":" in value or value.startswith("-")):
                continue  # "Cơ quan thực hiện: - Đơn vị chủ trì: X": the next lines say it
            out.setdefault(name, value)
        return out

    # -- 2. a body at the head of its items
    def lead_headings(self) -> None:
        for sec in self.sections:
            # (a part's title is no body heading, but an article's can be: "Điều 20. Trách nhiệm của Bộ Tài chính")
            if sec.id in self.done or (sec.level == 1 and not self.flat and not sec.id.startswith("Điều ")) \
                    or sec.id.startswith("PL") or self.in_structure(sec):
                continue
            head = expand_head_lists(sec.heading.strip())  # "2. Các Bộ Quốc phòng, Công an:" over items
            # "1.2. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo": the body, then its role in a committee
            head = re.sub(r"\s+[-–]\s+[Cc]ơ\s+quan\s+(?:thường\s+trực|chủ\s+trì|đầu\s+mối)\b[^:;.]*?(?=\s*:?$)", "", head)
            if self.children.get(sec.id):  # "1. Bộ trưởng các Bộ: ...; Chủ tịch ... theo chức năng, nhiệm vụ, thẩm quyền:"
                head = re.sub(r",?\s+theo\s+chức\s+năng,\s*nhiệm\s+vụ(?:,\s*(?:quyền\s+hạn|thẩm\s+quyền))?(?:\s+được\s+giao)?\s*:?$",
                              "", head)
            role = None
            span = None
            named = False  # the heading only names its bodies: split where a new named head starts
            # "Điều 5. Nội dung Sở Dân tộc và Tôn giáo có trách nhiệm chủ trì" over its items
            m = re.match(r"^(?:Giao\s+|(?:Các\s+)?[Nn]ội\s+dung\s+)?(?P<b>.+?)\s+(?:có\s+trách\s+nhiệm\s+)?chủ\s+trì\.?$",
                         head)
            pars = [p.strip() for p in sec.text.splitlines() if p.strip()]
            bulleted = bool(pars) and all(re.match(r"[-+•]\s", p) for p in pars)  # its items are bullets, not sections
            duty = re.match(r"^(?:Trách\s+nhiệm|Nhiệm\s+vụ)\s+(?:của|cho)\s+(?P<b>.+?)\s*:?$", head) or \
                (re.match(r"^(?P<b>.+?)\s+(?:có|chịu)\s+trách\s+nhiệm\s*:?$", head)
                 if self.children.get(sec.id) or bulleted else None) or \
                (re.match(r"^(?P<b>[^-–:;]+?)\s+[-–]\s+(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])", head) if bulleted else None) or \
                (re.match(r"^Đối\s+với\s+(?P<b>.+?)\s*:?$", head) if self.in_impl(sec) else None)  # "Đối với các sở, ban, ngành"
            if m and body_list_end(m["b"], self.gaz) >= len(m["b"].strip()) - 1:
                role, span = "lead", m["b"]
            elif duty and body_list_end(duty["b"], self.gaz) >= len(duty["b"].strip()) - 1:
                role, span = "lead", duty["b"]  # "1. Trách nhiệm của Sở Tài chính" over its items
            elif duty and re.match(r"^(?:[Cc]ác|[Nn]hững)\s", duty["b"]) and body_list_end(duty["b"], self.gaz) \
                    and not re.search(r"[.;:]", duty["b"]):
                # "11. Các đơn vị cấp nước sạch trên địa bàn thành phố có trách nhiệm" over a), b): as written
                role, span, named = "lead", duty["b"], True
            elif duty and not self.children.get(sec.id) and sec.text.strip() and (self.in_impl(sec) or self.in_tasks(sec)) \
                    and re.fullmatch(r"(?:đối\s+tượng|người|tổ\s+chức|cá\s+nhân|chủ)\s[^.;:,()]{3,50}", duty["b"]):
                # "1.5. Trách nhiệm của đối tượng thực hiện kiểm kê:" over its tasks: whom the plan names, as written
                role, span, named = "lead", duty["b"][:1].upper() + duty["b"][1:], True
            elif head.rstrip(" :") == "Đề nghị" and sec.text:
                first = sec.text.splitlines()[0]
                e = body_list_end(first, self.gaz)
                if e:
                    role, span = "requested", first[:e]
            elif re.match(r"^Đề\s+nghị\s+", head):
                rest = re.sub(r"^Đề\s+nghị\s+", "", head)
                e = body_list_end(rest, self.gaz)
                if e and self._names_only(sec, rest):
                    role, span, named = "requested", rest, True  # "Đề nghị các doanh nghiệp sản xuất, chế biến và ..."
                elif e:
                    role, span = "requested", rest[:e]
            else:
                e = body_list_end(head, self.gaz)
                if e and e >= len(head.rstrip(" .:;")) - 1:
                    role, span = "lead", head
                elif e and self._names_only(sec, head):
                    # "5. Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp", "7. Trung tâm Xúc tiến
                    # đầu tư, thương mại và du lịch" over its tasks: the heading is the body, as the plan writes it
                    role, span, named = "lead", head, True
            places = re.match(r"^(?P<h>Ủy\s+ban\s+nhân\s+dân|UBND)\s+các\s+(?P<p>xã|phường|huyện|tỉnh|thành\s+phố)\s*:?\s*"
                              r"(?P<n>[A-ZĐ][^.;:]*)?$", head)
            first_line = sec.text.splitlines()[0].strip() if sec.text else ""
            listed = places and (places["n"] or (first_line if re.fullmatch(r"[A-ZĐ][^.;:]{0,150}", first_line) else ""))
            if listed:  # "12. Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, ...": one body per place named
                names = [x.strip(" .") for x in re.split(r",\s*|\s+và\s+", listed) if x.strip(" .")]
                if names and all(x[:1].isupper() and len(x.split()) <= 4 for x in names):
                    role, span, named = "lead", ", ".join(f"{places['h']} {places['p']} {x}" for x in names), True
            members = re.match(r"^(?:Các|Những)\s[^()]{3,60}?\((?:(?:bao\s+)?gồm(?:\s+có)?\s*:?\s*)?(?P<m>[^()]+)\)\s*:?$", head)
            if (not role or span == head) and members and (self.children.get(sec.id) or sec.text.strip()) \
                    and body_list_end(members["m"], self.gaz) >= len(members["m"].strip()) - 1:
                # "1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế ...):", "1.3. Các cơ quan tham
                # mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, ...)": the bodies named
                role, span = "lead", members["m"]
            if not role and self.children.get(sec.id):
                # "1.2. Hỗ trợ khẩn cấp về nhà ở / Ủy ban nhân dân các tỉnh, thành phố: / a) ... b) ...": the body
                # named alone before the items heads them
                if len(pars) == 1 and pars[0].endswith(":"):
                    label = pars[0].rstrip(" :")
                    e = body_list_end(label, self.gaz)
                    if e and e >= len(label) - 1:
                        role, span = "lead", label
            if not role or not self.children.get(sec.id) and not sec.text.strip() and span == head:
                continue  # (a bare name in a list, "1. Bộ Quốc phòng;": no task under it)
            kids = [k for k in self.children.get(sec.id, [])]
            whole = role == "lead" and span == head and body_list_end(head, self.gaz) < len(head.rstrip(" .:;")) - 1 \
                and not re.search(r",\s*" + _HEAD_RE.pattern, head)
            if named:
                bodies = [b.strip(" .:;") for b in _HEAD_LIST_RE.split(span) if b.strip(" .:;")]
            else:
                bodies = [span.strip(" .:;")] if whole else split_bodies(span, self.gaz)
            first = next((p for p in sec.text.splitlines() if p.strip()), "")
            led = re.match(r"^(?P<b>[^,;:]{3,80}?)\s+chủ\s+trì\b", first)
            if role == "lead" and len(bodies) > 1 and led and key(led["b"]) in {key(b) for b in bodies}:
                bodies = [led["b"]]  # "2. Sở KH&CN, Sở Nội vụ / Sở KH&CN chủ trì, phối hợp với Sở Nội vụ ..."
            self.subject[sec.id] = bodies
            if kids:
                intro = [p for p in sec.text.splitlines() if p.strip()]
                if intro and role == "lead" and re.match(r"^[-+*•]?\s*(?:Chủ\s+trì|Phối\s+hợp)", intro[0]):
                    # "3. Sở X / Chủ trì, phối hợp với Y tham mưu ...: a) ... đ)": stated for the whole item
                    dl = self.deadline(intro[0])
                    self.add(sec, intro[0], bodies, role, dl)
                    self._supports(sec, intro[0], dl)
                    self._report(sec, intro[0])
                # "2. Các sở, ban, ngành, địa phương / 2.1. Trách nhiệm chung / a) ... đ)": a kid that only heads
                # items of its own passes the lead down to them (unless they name their own body)
                kids = [g for k in kids for g in self._under(k)]
                for k in kids:
                    given = re.match(r"^Giao\s+(?P<y>.+)$", k.heading.strip())
                    if given and {_bare_key(b) for b in split_bodies(given["y"][:body_list_end(given["y"], self.gaz)],
                                                                     self.gaz)} - {_bare_key(b) for b in bodies}:
                        continue  # "8. Giám đốc Sở, ... / b) Giao Thanh tra thành phố ...": another body's item
                    own = re.sub(r"^(?:Trách\s+nhiệm|Nhiệm\s+vụ)\s+(?:của|cho)\s+", "", k.heading.strip())
                    oe = body_list_end(own, self.gaz) if sec.id.startswith("Điều ") else 0
                    if oe and {_bare_key(b) for b in split_bodies(own[:oe], self.gaz)} - {_bare_key(b) for b in bodies}:
                        continue  # "Điều 8. Trách nhiệm của các bộ / 1. (Trách nhiệm của) Bộ Tài chính: ...": the item's own body
                    text_lines = k.text.splitlines()
                    dl = self.deadline(*[t for t in text_lines if DEADLINE_LINE.match(t)], k.heading)
                    self.add(k, k.heading, bodies, role, dl)
                    for ln in [k.heading] + _without_remarks(k.text):  # "Phối hợp với A, B" in the item or its bullets
                        self._supports(k, ln, dl)
                    if re.search(r"phối\s+hợp(?:\s+với)?\s*:?\s*$", k.heading):
                        for ln in _without_remarks(k.text):  # "b) Chủ trì, phối hợp: - Sở Tài chính ... tham mưu"
                            bullet = _unbullet(ln)
                            e = body_list_end(bullet, self.gaz)
                            if e:
                                self.add(k, ln, bullet[:e], "support", dl)
                    self._directed(k, k.heading, dl)
                    self._duty(k, k.heading, dl, bodies)
                    self._other_doer(k, k.heading, dl, bodies)
                    self._report(k, " ".join([k.heading] + text_lines))
                    self.done.add(k.id)
            else:
                text = sec.text
                if role == "requested" and len(re.sub(r"^Đề\s+nghị\s+", "", head)) > len(span) + 5:
                    text = head + "\n" + text
                pars = [p for p in text.splitlines() if p.strip()]
                action = (pars[0] if pars else head)
                lead_in = _unbullet(action)
                e1 = body_list_end(lead_in, self.gaz)
                if e1 and action != head and {_bare_key(b) for b in split_bodies(lead_in[:e1], self.gaz)} - \
                        {_bare_key(b) for b in bodies}:
                    action = head  # "5. Các đơn vị: / - Sở X: Hướng dẫn ...": the paragraph is another body's
                if duty and role == "lead" and action != head and e1 and not named:
                    # "Điều 14. Trách nhiệm của Sở X / Sở X ... có trách nhiệm ...": the sentence says the role
                    self.subject.pop(sec.id)
                    continue
                dl = self.deadline(*[t for t in pars if DEADLINE_LINE.match(t)], action)
                self.add(sec, action, bodies, role, dl)
                self._supports(sec, action, dl)
                self._directed(sec, action, dl)
                self._report(sec, action)
                # sentences go on from the paragraph after the action one (the heading counts as one)
                self.skip_pars[sec.id] = 1 if action == head else 2
                continue
            self.done.add(sec.id)

    # -- 3. sentences
    def sentences(self) -> None:
        last_of_part: dict[str, Section] = {}  # the last item of each part, whose closing words are the part's
        for sec in self.sections:
            if sec.level > 1 and not sec.id.startswith("PL"):
                last_of_part[sec.id.split(".")[0]] = sec
        closers = {s.id: self.by_id[p] for p, s in last_of_part.items() if p in self.by_id}
        body = [s for s in self.sections if not s.id.startswith("PL")]
        if self.flat and body:  # a text with no parts: its closing request speaks to the whole document
            closers[body[-1].id] = Section(id="", label="", level=0, heading="", text="", parent=None,
                                           page=body[-1].page, line=body[-1].line)
        for sec in self.sections:
            if sec.id.startswith("PL") or (sec.id in self.done and sec.id not in closers):
                continue
            pars = [sec.heading] + sec.text.splitlines()
            # deadline lines, and deadline sentences inside a paragraph ("... theo quy định. Thời gian: hằng năm.")
            sec_deadlines = [p for p in pars[1:] if DEADLINE_LINE.match(p) and len(p) < 120] + \
                [x for p in pars for x in _sentences(p)[1:] if DEADLINE_LINE.match(x) and len(x) < 120]
            # a later sentence of the item's own paragraph with no body of its own: "1. Các địa phương phát động ...
            # Trong đó việc sửa chữa nhà ở ... phải hoàn thành trước ngày 31/12/2025" (for that paragraph only)
            head_deadlines = [x for x in _sentences(pars[0])[1:] if DONE_BY.search(x) and not body_list_end(x, self.gaz)]
            if len(pars) > 1 and len(sec.heading.split()) <= 15 and not re.search(r"[.;]", sec.heading):
                sec_deadlines.append(sec.heading)  # "2. Về nhiệm vụ trọng tâm từ nay đến tháng 6/2027": the part's time
            closing = False
            for pi, par in enumerate(pars):
                target = sec
                if REMARK.match(par.strip()):
                    # the plan's closing remark: who receives reports; the issuer's request in it speaks for
                    # the part, as after the part's last item
                    for sent in _sentences(par):
                        # "Trên đây là kế hoạch ...; yêu cầu các phòng, ban, đơn vị nghiêm túc triển khai thực hiện"
                        ask = re.search(r"[;,]\s*(?P<c>(?:yêu\s+cầu|đề\s+nghị)\s.+)$", sent)
                        if sec.id in closers and ask and not CLOSING.match(sent):
                            sent = ask["c"][:1].upper() + ask["c"][1:]
                        if sec.id in closers and CLOSING.match(sent):
                            self._sentence(closers[sec.id], sent, True, [])
                        elif sec.id not in self.done:
                            self._report(sec, sent)
                    break
                if sec.id in closers and pi > 0 and (closing or CLOSING.match(par)):
                    target, closing = closers[sec.id], True  # "Ủy ban nhân dân tỉnh yêu cầu ...": the part's
                elif pi < self.skip_pars.get(sec.id, 0) or sec.id in self.done:
                    continue
                starred = bool(re.match(r"^[*+]\s*", par))
                p = _unbullet(par)
                if pi > 0 and p != par and re.search(r"\bđề\s+nghị\s*:?$", sec.heading) and body_list_end(p, self.gaz):
                    p = f"Đề nghị {p}"  # "1. Để bảo đảm tiến độ, đề nghị: / - X tập trung ...": each bullet a request
                sents = _sentences(p)
                # the time written right after this paragraph ("- Tổng hợp ..., báo cáo Bộ Tài chính. / Thời gian hoàn
                # thành: Trước ngày 31/5/2026."): this paragraph's, before the section's first
                own = [x for x in sents[1:] if DEADLINE_LINE.match(x) and len(x) < 120] + \
                    ([pars[pi + 1]] if pi > 0 and pi + 1 < len(pars) and DEADLINE_LINE.match(pars[pi + 1]) and len(pars[pi + 1]) < 120 else [])
                for si, sent in enumerate(sents):
                    if sec.id in closers and not closing and si > 0 and si == len(sents) - 1 and pi == len(pars) - 1 \
                            and CLOSING.match(sent) and re.search(r"\./\.\s*$|nghiêm\s+túc|thực\s+hiện\s+tốt", sent):
                        # a copy with the text run on: the closing request ends the last item's paragraph
                        self._sentence(closers[sec.id], sent, True, [])
                        continue
                    if closing and re.match(r"(?:Trong\s+)?quá\s+trình\s+(?:thực\s+hiện|triển\s+khai)", sent, re.I):
                        self._report(sec, sent)  # "Trong quá trình thực hiện, nếu có vướng mắc, ... báo cáo X": the
                        continue  # closing remark after the request: who receives reports, on the item it follows
                    # a paragraph's first sentence, or a later one that opens with a plural body ("Các cơ quan
                    # thông tin truyền thông tập trung tuyên truyền ..."), may name who acts
                    first = si == 0 or _names_a_subject(sent)
                    self._sentence(target, sent, starred or closing or (first and (self.in_impl(sec) or self.in_tasks(sec))),
                                   (own + sec_deadlines + (head_deadlines if pi == 0 else [])) if target is sec else [],
                                   heading=pi == 0, para_dl=self.deadline(*own) if own and target is sec else None)

    def preamble_demands(self) -> None:
        """Demands made before the first numbered item of a text with no parts (a notice, a dispatch), for the
        whole document (section null): the paragraphs after "... đã kết luận như sau:", and wherever the issuer
        speaks ("..., Thủ tướng Chính phủ yêu cầu Bộ trưởng các Bộ, ... tiếp tục thực hiện ...")."""
        if not (self.flat and self.preamble and self.preamble.text):
            return
        concluded = False
        for par in self.preamble.text.splitlines():
            par = par.strip()
            for si, sent in enumerate(_sentences(par)):
                if concluded and PREAMBLE_ASKS.search(sent) and not re.search(r"\bđã\b", sent):
                    # (what was done, "Bộ Chính trị ... đã tập trung lãnh đạo; Chính phủ chủ động chỉ đạo ...", asks nothing)
                    first = si == 0 or _names_a_subject(sent)
                    self._sentence(self.preamble, sent, first, [])
                    continue
                spoken = PREAMBLE_DEMAND.search(sent)
                if spoken:
                    self._sentence(self.preamble, sent[spoken.start("who"):], True, [])
            if PREAMBLE_CONCLUDES.search(par):
                concluded = True

    def _spoken_to(self, sent: str) -> Optional[str]:
        """The sentence from where it names who must act: without the forms of address and the openers of
        notices and demands ("Đồng chí", "Thứ nhất,", "Về <matter>:", "...; do vậy, yêu cầu"); None for a
        notice's closing formula."""
        sent = re.sub(r"(?<=\w)\[\d{1,2}\]", "", sent)  # a footnote's mark ("Thủ tướng Chính phủ[1]")
        sent = ADDRESS.sub("", sent)  # "Đồng chí Chủ tịch UBND tỉnh chỉ đạo ..."
        sent = re.sub(r"^(?P<v>Giao|Yêu\s+cầu|Đề\s+nghị)\s+(?:các\s+)?đồng\s+chí\s+(?=[A-ZĐ])", r"\g<v> ", sent)
        # "Đề nghị thường trực các tỉnh ủy, thành ủy ...": the head of an office written in lower case
        sent = re.sub(r"^(?P<v>Giao|Yêu\s+cầu|Đề\s+nghị)\s+(?P<h>thường\s+trực|lãnh\s+đạo|thủ\s+trưởng|chủ\s+tịch|giám\s+đốc)\s",
                      lambda x: f"{x['v']} {x['h'][:1].upper()}{x['h'][1:]} ", sent)
        # "Mỗi tỉnh ủy, thành ủy chọn cử ...", "Mỗi bộ, cơ quan ngang bộ: chọn cử ...": each of a kind, as "Các"
        sent = re.sub(r"^(?:Mỗi|Từng)\s+(?=(?:" + "|".join(sorted(GENERIC, key=len, reverse=True)) + r")\b)", "Các ", sent)
        # "Thứ nhất, các bộ, ngành ...": the order of a list of demands
        sent = re.sub(r"^Thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\W{0,3}\s*(?P<c>\w)",
                      lambda x: x["c"].upper(), sent)
        # "Đối với các chủ đầu tư cần nhanh chóng ...": the bodies named are who must act
        sent = re.sub(r"^Đối\s+với\s+(?P<c>c)(?=ác\s[^,;]{3,60}?\s(?:cần|phải)\s)", "C", sent)
        # "Từ nay đến hết năm 2025 ...; do vậy, yêu cầu các bộ, ngành ...:": the request after the reason
        reason = re.search(r";\s*(?:do\s+vậy|vì\s+vậy|theo\s+đó)\s*,\s*(?P<main>(?:yêu\s+cầu|đề\s+nghị|giao)\s.+)$", sent)
        if reason:
            sent = reason["main"][:1].upper() + reason["main"][1:]
        if re.search(r"\s(?:trân\s+trọng\s+)?thông\s+báo(?:\s+để\s[^.;]{0,250}?\sbiết(?:,?\s+[^.;]{0,40}?(?:thực\s+hiện|phối\s+hợp))?)?\W*$",
                     sent):
            return None  # "Văn phòng Chính phủ (trân trọng) thông báo (để X biết, thực hiện)./.": closing formula
        if re.search(r"\strả\s+lời\s+để\s[^.;]{0,200}?\sbiết(?:\s+(?:và\s+)?thực\s+hiện)?\W*$", sent):
            return None  # a letter's "Cục Thuế trả lời để Thuế tỉnh Ninh Bình biết và thực hiện./."
        if re.match(r"(?:giao|đề\s+nghị|yêu\s+cầu)\s", sent):  # "3. Về ... chợ: / giao Sở X chủ trì" (split at the colon)
            sent = sent[:1].upper() + sent[1:]
        if sent.startswith("Về "):  # "Về dự án ...: giao Bộ Xây dựng chủ trì ...": the matter, then who acts on it
            colons = [c.end() for c in re.finditer(r":\s*", sent[:600])]
            acts = [c for c in colons if re.match(r"(?:giao|đề\s+nghị|yêu\s+cầu)\s", sent[c:], re.I) or OWN_PLACE.match(sent, c)
                    or body_list_end(sent[c:c + 1].upper() + sent[c + 1:], self.gaz)]
            if colons:
                main = sent[(acts or colons)[0]:]
                sent = main[:1].upper() + main[1:]
        return sent

    def _sentence(self, sec: Section, sent: str, subject_ok: bool, sec_deadlines: list[str],
                  heading: bool = False, para_dl: Optional[Deadline] = None) -> None:
        """Who must do what in ``sent``; ``para_dl``: the time written right after its paragraph, for its reports."""
        sent = self._spoken_to(sent)
        if sent is None:
            return
        sent = expand_head_lists(sent)
        full = sent
        label = re.match(r"^(?P<label>[^:;.]{3,90}):\s*(?P<main>[A-ZĐÀ-Ỹ].+)$", sent)
        if label and not is_field_heading(sent) and not body_list_end(sent, self.gaz):
            sent = label["main"]  # "Thực hiện mở tài khoản và phát hành thẻ: Ủy ban nhân dân xã, phường ..."
            sent = ADDRESS.sub("", sent)  # "...: Các đồng chí Bộ trưởng, ..."
        purpose = re.match(r"^Để\s[^;]{5,}?;\s*(?P<main>.+)$", sent)
        if purpose and re.search(r",\s*(?:" + _HEAD_RE.pattern + r")[^,;]{0,80}?\s(?:phối\s+hợp|chủ\s+trì|rà\s+soát)",
                                 sent[:purpose.start("main")]):
            purpose = None  # "Để ..., UBND tỉnh phối hợp với ... rà soát ...; đồng thời ...": the subject is before
        if purpose:  # "Để ...; X triển khai": the main clause
            sent = purpose["main"]
        elif (self.in_impl(sec) and sent.startswith("Trường hợp ")) or re.match(r"^(?:Căn\s+cứ|Trên\s+cơ\s+sở|Sau\s+khi|Theo(?!\s+dõi)|Thông\s+qua|Đối\s+với|Định\s+kỳ|Hằng\s+năm|Hàng\s+năm|Với\s+vai\s+trò"
                      r"|Quán\s+triệt"
                      r"|Trong\s+(?:năm|quý|tháng|thời\s+gian)|Trước\s+ngày|Để)\b", sent):
            # (also a leading time or purpose: "Định kỳ trước ngày 20/6 hằng năm, các cơ quan ... báo cáo ..."; in the
            # implementation part a condition: "Trường hợp ... điều chỉnh dự án, Ủy ban nhân dân tỉnh có trách nhiệm ...")
            # "Trên cơ sở kết quả kiểm tra, đánh giá của Sở Y tế (...), Hội đồng thi đua họp xét ...": the main
            # clause is the first one after a comma that opens with bodies and goes on in lower case
            # (the issuer's demand first, wherever it is: "Để ..., Chính phủ, Thủ tướng Chính phủ và phấn đấu ..., yêu cầu X ...")
            commas = [c for c in re.finditer(r",\s*", sent[:800]) if re.match(r"(?:giao|yêu\s+cầu)\s", sent[c.end():])] + \
                list(re.finditer(r",\s*", sent[:320]))
            for c in commas:
                rest = sent[c.end():]
                g = re.match(r"(?:giao|yêu\s+cầu)\s+", rest)
                be = body_list_end(rest[g.end():] if g else rest, self.gaz)
                if be and (g or _is_cap(rest[:be].split()[0]) or rest.startswith(("các ", "những "))):
                    tail = (rest[g.end():] if g else rest)[be:].strip(" ,")
                    if g or tail[:1].islower():
                        sent = rest[:1].upper() + rest[1:]
                        subject_ok = subject_ok or self.in_impl(sec) or self.in_tasks(sec)
                        break
        conn = re.match(r"^(?:Đồng\s+thời|Ngoài\s+ra|Bên\s+cạnh\s+đó)\s*,\s*(?P<main>.+)$", sent)
        if conn:  # "Đồng thời, các địa phương chủ động ...": a new subject, as at a sentence's start
            sent = conn["main"][:1].upper() + conn["main"][1:]
            subject_ok = subject_ok or self.in_impl(sec) or self.in_tasks(sec)
        if re.match(r"^(?:Thống\s+nhất|Đồng\s+ý|Nhất\s+trí)\s+(?:với\s+)?(?:đề\s+xuất|đề\s+nghị|kiến\s+nghị|báo\s+cáo|phương\s+án|ý\s+kiến)",
                    sent):
            return  # "Thống nhất với đề xuất, kiến nghị của Bộ Tài chính, bao gồm việc báo cáo Quốc hội ...": an agreement
        dl = self.deadline(sent, *sec_deadlines) if full == sent else self.deadline(full, *sec_deadlines)
        n_before = len(self.found)
        if sec.id in self.subject and not body_list_end(sent, self.gaz):
            # the section's body was named in its heading: "Phối hợp với A, B" in its items adds supports,
            # "Yêu cầu / Chỉ đạo Y ..." makes Y responsible
            self._supports(sec, sent, dl)
            self._directed(sec, sent, dl)
            self._report(sec, sent, para_dl)
            duty = re.match(r"^(?P<b>[A-ZĐ][^,;:]{2,40}?)\s+(?:có|chịu)\s+trách\s+nhiệm\b", sent)
            if duty:  # "Chủ cơ sở có trách nhiệm giám sát ...": a named duty-holder
                self.add(sec, sent, [duty["b"]], "responsible", dl)
            return
        if re.match(r"^Chỉ\s+đạo\b", sent) and (subject_ok or self.in_tasks(sec) or self.in_impl(sec)):
            self._directed(sec, sent, dl)  # "Chỉ đạo Tổng công ty Hàng không Việt Nam ... hỗ trợ ...": who is directed
        issuer = re.match(r"^(?:(?:Chủ\s+tịch\s+)?(?:Ủy\s+ban\s+nhân\s+dân|UBND)|Ban\s+Thường\s+vụ|Chính\s+phủ|Thủ\s+tướng\s+Chính\s+phủ)"
                          r"[^.;:,]{0,30}?\s+(?:trân\s+trọng\s+)?(?P<v>yêu\s+cầu|đề\s+nghị|giao)\s+"
                          r"(?P<rest>.+)$", sent)
        if issuer:  # the issuer speaking: "Ủy ban nhân dân Thành phố yêu cầu các Sở, ban, ngành ..."
            sent = {"yêu": "Yêu cầu", "đề": "Đề nghị", "giao": "Giao"}[issuer["v"].split()[0]] + " " + issuer["rest"]
        own = OWN_PLACE.match(sent)
        if own and not self.notice and not re.match(r"(?:cần|phải|tập\s+trung|khẩn\s+trương|chủ\s+động|tiếp\s+tục|sớm"
                                                    r"|quan\s+tâm|đẩy\s+mạnh|nghiên\s+cứu|rà\s+soát|phối\s+hợp)\b", sent[own.end():]):
            own = None  # (elsewhere only a demand: "Tỉnh miền núi là tỉnh ..." defines)
        if own and self.place and self.place.startswith(own["p"]) and (subject_ok or own["when"]):
            # "Tỉnh cần tập trung ...", "Tỉnh căn cứ ...", "Trong thời gian tới, Tỉnh tổ chức thực hiện ..." in a notice
            # of a meeting with one province: that province (the demand for what comes, even in the assessment)
            self.add(sec, sent, [self.place], "responsible", dl)
            self._supports(sec, sent[own.end():], dl)
            self._report(sec, sent, para_dl)
            return
        places = place_subjects(sent) if subject_ok or self.in_tasks(sec) else None
        if places:  # "Các tỉnh Nghệ An, Quảng Ngãi khẩn trương ...", "Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai ..."
            names, after = places
            self.add(sec, sent, names, "responsible", dl)
            self._supports(sec, re.split(r";", after)[0], dl)
            self._report(sec, sent, para_dl)
            return
        m = re.match(r"^(?:Giao|Yêu cầu)\s+(?P<rest>.+)$", sent)
        body_text = m["rest"] if m else sent
        req = re.match(r"^(?P<v>Đề\s+nghị|Khuyến\s+khích)\s+(?P<rest>.+)$", sent)
        if req:
            e = body_list_end(req["rest"], self.gaz)
            encouraged = split_bodies(req["rest"][:e], self.gaz) if e and req["v"].startswith("Khuyến") else []
            if encouraged and all(re.sub(r"^các\s+", "", b.lower()) in CAP_GENERIC for b in encouraged):
                e = 0  # "Khuyến khích doanh nghiệp đầu tư ...": a policy, not a request to a body
            if e:  # "Đề nghị Ủy ban MTTQ ...", "Khuyến khích các địa phương ..."
                self.add(sec, sent, req["rest"][:e], "requested", dl)
                self._supports(sec, req["rest"][e:], dl)  # "Đề nghị X chủ trì, phối hợp với Y ..."
                self._directed(sec, req["rest"][e:], dl)  # "Đề nghị X chỉ đạo Y ...": Y carries it out
                self._report(sec, sent, para_dl)
                return
        e = body_list_end(body_text, self.gaz)
        if e and re.match(r"^\s*:\s*\S", body_text[e:]) and (subject_ok or self.in_impl(sec)):
            # "Các Sở, ngành, UBND các xã, phường ...: Căn cứ chức năng, nhiệm vụ ..., tổ chức triển khai ...": the
            # bodies named before the colon carry out what follows ("X: Chủ trì, phối hợp ..." leads)
            leads = re.match(r"^\s*:\s*[Cc]hủ\s+trì\b", body_text[e:])
            named = {_bare_key(b) for b in split_bodies(body_text[:e], self.gaz)}
            if sec.id in self.subject and named <= {_bare_key(b) for b in self.subject[sec.id]}:
                # "+ Sở Xây dựng: hướng dẫn ..." under a heading whose bodies lead the item: their share, no new role
                self._supports(sec, body_text[e:], dl)
                self._report(sec, sent, para_dl)
                return
            self.add(sec, sent, body_text[:e], "lead" if leads else "responsible", dl)
            if leads:
                self._supports(sec, body_text[e:], dl)
            self._directed(sec, body_text[e:], dl)  # "Bộ Giáo dục và Đào tạo: Chỉ đạo các cơ sở giáo dục ..."
            self._report(sec, sent, para_dl)
            return
        after = body_text[e:].strip(" ,") if e else ""
        if e and m and re.fullmatch(r"\s*[:.]?\s*", body_text[e:]):
            # "...; do vậy, yêu cầu các bộ, ngành liên quan:" over the part's items: the bodies asked
            self.add(sec, sent, body_text[:e], "responsible", dl)
            return
        # a heading that hands its items to its bodies: "... thực hiện các nội dung sau:"
        opens_items = (heading and bool(sec.text) or bool(self.children.get(sec.id))) \
            and bool(re.search(r"(?::|\bsau\W*)$", sent.rstrip()))
        after = re.sub(r"^là\s+(?:cơ\s+quan|đơn\s+vị)\s+(?:thường\s+trực|đầu\s+mối)[^,;]*,\s*", "", after)
        after = re.sub(r"^trên\s+cơ\s+sở\s[^,;]{3,150},\s*", "", after)  # "Các bộ, ngành trên cơ sở ..., hoàn thiện ..."
        # "Kiểm toán nhà nước, trong phạm vi nhiệm vụ, quyền hạn của mình, kiểm toán ...": the scope, then the task
        after = re.sub(r"^trong\s+phạm\s+vi\s+(?:chức\s+năng,\s*)?nhiệm\s+vụ,\s*(?:quyền\s+hạn|thẩm\s+quyền)(?:\s+của\s+mình)?\s*,\s*",
                       "", after)
        if e and COMPLETE.search(body_text[:e].strip()) and re.match(
                r"(?:đã\s+|cơ\s+bản\s+)?(?:thống\s+nhất|đánh\s+giá|ghi\s+nhận|nhận\s+định|biểu\s+dương|hoan\s+nghênh|đồng\s+ý|nhất\s+trí)\b",
                after):
            return  # "Chính phủ thống nhất đánh giá ...": the issuer's assessment, no task
        if e and re.match(r"quyết\s+định\s[^.;]*\snhư\s+sau\s*:?\s*$", after):
            return  # "Ủy ban Thường vụ Quốc hội quyết định sắp xếp ... như sau:": the issuer deciding, no task
        if e and re.match(r"^(?:làm\s+chủ\s[^,;]{1,60},\s*)?(?:(?:có|chịu)\s+trách\s+nhiệm\s+)?(?:(?:khẩn\s+trương|tiếp\s+tục|chủ\s+động)\s*,?\s+)*"
                          r"[Cc]hủ\s+trì\b", after):
            # "X (có trách nhiệm) chủ trì", "X khẩn trương chủ trì", "giao X làm chủ Chương trình, chịu trách nhiệm chủ trì"
            self.add(sec, sent, body_text[:e], "lead", dl)
            if opens_items or heading and sec.text:  # the paragraphs below are the lead's tasks
                self.subject.setdefault(sec.id, split_bodies(body_text[:e], self.gaz))
            self._supports(sec, after, dl)
        elif e and sec.id in self.subject and {_bare_key(b) for b in split_bodies(body_text[:e], self.gaz)} <= \
                {_bare_key(b) for b in self.subject[sec.id]}:
            self._supports(sec, after, dl)  # "Sở Tài chính phối hợp với ..." in Sở Tài chính's own items
        elif e and (m or subject_ok or re.match(r"^(?:có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm)", after)) and \
                after[:1].islower() and not re.match(rf"(?:{NO_PREDICATE})\b", after) \
                and not SCOPE_HEADINGS.match(sec.heading):
            self.add(sec, sent, body_text[:e], "responsible", dl)
            # "X phối hợp với Y thực hiện ...", "X theo chức năng ... chủ động phối hợp với Y ...": Y supports;
            # and a later clause with no subject of its own ("...; đồng thời, phối hợp chặt chẽ với Sở Tài chính ...")
            clauses = re.split(r";", after)
            self._supports(sec, clauses[0], dl)
            for c in clauses[1:]:
                if re.match(r"[\s.…]*(?:đồng\s+thời,?\s*)?(?:chủ\s+động\s+|chủ\s+trì,\s*)?phối\s+hợp", c):
                    self._supports(sec, c, dl)
                ce = body_list_end(c.strip(), self.gaz)
                if ce and re.match(r"\s*(?:phải\s+)?(?:chịu|có)\s+trách\s+nhiệm\b", c.strip()[ce:]):
                    # "...; người đứng đầu các bộ, cơ quan, địa phương chịu trách nhiệm trước Thủ tướng Chính phủ ..."
                    self.add(sec, sent, c.strip()[:ce], "responsible", dl)
            doers = split_bodies(body_text[:e], self.gaz)
            # "Sở X chỉ đạo Chi cục Y thực hiện các nội dung sau", "Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh cụ thể hóa ...;
            # chỉ đạo các sở, ngành thực hiện": Y carries them out too
            for ci, c in enumerate(clauses):
                via = re.match(r"^\s*(?:theo\s+chức\s+năng,\s*nhiệm\s+vụ(?:,\s*(?:thẩm\s+quyền|quyền\s+hạn))?(?:\s+được\s+giao)?,?\s+)?"
                               r"(?:(?:chủ\s+động|tiếp\s+tục|khẩn\s+trương|quyết\s+liệt|trực\s+tiếp|kịp\s+thời|thường\s+xuyên)\s+){0,2}"
                               r"(?:chỉ\s+đạo|giao|yêu\s+cầu|lãnh\s+đạo)\s+(?P<y>.+)$",
                               c if ci == 0 else c.strip())
                if not via or ci and not re.match(r"^\s*(?:chỉ\s+đạo|lãnh\s+đạo)", c):
                    continue
                ye = body_list_end(via["y"], self.gaz)
                if ye and re.match(r"^\s*(?::|(?!(?:của|và|trong|tại|về|các|những|theo|đối|cho)\b)[a-zà-ỹđ])", via["y"][ye:]):
                    self.add(sec, sent, via["y"][:ye], "responsible", dl)
                    if ci == 0:
                        doers += split_bodies(via["y"][:ye], self.gaz)
            if opens_items:
                self.subject.setdefault(sec.id, doers)  # the items below are these bodies' tasks
                for k in self.children.get(sec.id, []):
                    self.subject.setdefault(k.id, doers)
        if len(self.found) == n_before and (subject_ok or self.in_tasks(sec) or self.in_impl(sec)):
            self._named_after(sec, full, dl)  # "... (Sở Tư pháp chủ trì)", "... do Sở Nội vụ thực hiện"
        if not e and len(self.found) == n_before and (subject_ok or self.in_tasks(sec)):
            # "4. Khẩn trương khắc phục các công trình ..., các địa phương phải huy động ...": the bodies named after
            # a comma with what they must do
            for c in re.finditer(r",\s*(?=(?:các|những)\s)", sent[:400]):
                ce = body_list_end(sent[c.end():], self.gaz)
                if ce and re.match(r"\s*(?:phải|cần|có\s+trách\s+nhiệm)\s", sent[c.end() + ce:]):
                    self.add(sec, sent, sent[c.end():c.end() + ce], "responsible", dl)
                    break
        if len(self.found) > n_before or subject_ok or self.in_impl(sec):
            self._report(sec, sent, dl if full != sent and dl.kind != "none" else para_dl)  # (a leading "Định kỳ ...,")

    def _named_after(self, sec: Section, text: str, dl: Deadline) -> None:
        """A task whose bodies are named after it: "Rà soát ... (Sở Tư pháp chủ trì, hoàn thành trong quý II/2026)",
        "... do Sở Nội vụ chủ trì thực hiện, phối hợp với ...", "..., giao cho Văn phòng UBND tỉnh thực hiện",
        "... Trách nhiệm: Sở Nội vụ; thời gian: tháng 9/2026". The first such mention gives the role (lead with
        "chủ trì"); "phối hợp (với) Y" after it gives supports."""
        for m in NAMED_AFTER.finditer(text):
            rest = text[m.end():]
            e = body_list_end(rest, self.gaz)
            if not e:
                continue
            verb = re.match(r"\s*(?:(?P<lead>chủ\s+trì)|thực\s+hiện|phụ\s+trách|đảm\s+nhiệm)\b", rest[e:])
            # (not "hệ thống ... do Bộ, ngành Trung ương triển khai": what a body has built, no task)
            field = m["field"]
            if not (verb or field or m["giao"] and re.match(r"\s*(?:[,;.)]|$)", rest[e:])):
                continue  # "do Sở X" must say what X does: "(do Sở X ban hành)" names a source, not a doer
            if m["paren"] and not re.match(r"[^()]*\)", rest[e:]):
                continue
            role = "lead" if (verb and verb["lead"]) or (field and "chủ trì" in field.lower()) else "responsible"
            self.add(sec, text, rest[:e], role, dl)
            self._supports(sec, rest[e:].split(")")[0] if m["paren"] else rest[e:], dl)
            return

    def _directed(self, sec: Section, text: str, dl: Deadline) -> None:
        """"Chỉ đạo các Ngân hàng thương mại ... chủ động phối hợp ..." in an item of a body: the bodies
        directed carry the task out (responsible)."""
        m = re.search(r"(?:^[-+*•]?\s*|[\s,])(?:[Cc]hỉ\s+đạo|[Yy]êu\s+cầu)(?:,\s*(?:đôn\s+đốc|hướng\s+dẫn|kiểm\s+tra))*"
                      r"\s+(?P<y>[^;]+)", text)
        if m:
            e = body_list_end(m["y"], self.gaz)
            if e and re.match(r"^[\s,]*(?:và\s+[^,;]{0,40}?\s+)?(?!(?:của|và|trong|tại|về|các|những|theo|đối|cho)\b)[a-zà-ỹđ]",
                              m["y"][e:]):
                self.add(sec, text, m["y"][:e], "responsible", dl)

    def _under(self, kid: Section) -> list[Section]:
        """The items a body heading's lead goes to: ``kid``, or the items of a sub-heading such as "Trách nhiệm
        chung" that has items of its own and no text or body."""
        sub = self.children.get(kid.id, [])
        if not sub or kid.text.strip() and not kid.text.strip().endswith(":") or body_list_end(kid.heading, self.gaz):
            return [kid]
        if re.search(r"(?:chung|cụ\s+thể)\s*:?$", kid.heading.strip()):
            self.done.add(kid.id)
            return [g for k in sub if not body_list_end(k.heading, self.gaz) for g in self._under(k)]
        return [kid]

    def _names_only(self, sec: Section, head: str) -> bool:
        """A heading of the implementation part over its own text that only names who acts: short, no
        sentence punctuation, no verb of a role."""
        return self.in_impl(sec) and bool(sec.text) and len(head.split()) <= 14 \
            and not re.search(r"[.;:]|\b(?:chủ\s+trì|phối\s+hợp|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|thực\s+hiện|"
                              r"triển\s+khai|chỉ\s+đạo|tham\s+gia|tổ\s+chức\s+(?!xã\s+hội|chính\s+trị)|hướng\s+dẫn|"
                              r"tiếp\s+tục|quan\s+tâm|theo\s+dõi|báo\s+cáo)\b", head)

    def _duty(self, sec: Section, text: str, dl: Deadline, subject: list[str]) -> None:
        """"Chủ tịch Ủy ban nhân dân xã, phường chịu trách nhiệm trực tiếp ..." in the items of a body: a
        named duty-holder other than the body itself is responsible."""
        e = body_list_end(text, self.gaz)
        if e and re.match(r"^\s*(?:có|chịu)\s+trách\s+nhiệm\b", text[e:]):
            named = split_bodies(text[:e], self.gaz)
            if {_bare_key(b) for b in named} - {_bare_key(b) for b in subject}:
                self.add(sec, text, named, "responsible", dl)

    def _other_doer(self, sec: Section, text: str, dl: Deadline, bodies: list[str]) -> None:
        """An item under a body heading that opens with another body ("8. Chủ tịch UBND các tỉnh ... / b) Ủy ban
        nhân dân các địa phương có ... thường xuyên cập nhật ..."): that body carries the item out too."""
        e = body_list_end(text, self.gaz)
        if not e:
            return
        theirs = split_bodies(text[:e], self.gaz)
        after = text[e:].strip(" ,")
        if theirs and {_bare_key(b) for b in theirs} - {_bare_key(b) for b in bodies} and after[:1].islower() \
                and not re.match(rf"(?:{NO_PREDICATE}|phối\s+hợp|chủ\s+trì)\b", after):
            self.add(sec, text, theirs, "responsible", dl)

    def _supports(self, sec: Section, text: str, dl: Deadline) -> None:
        """"Phối hợp với A, B, C" -> A, B and C support the item."""
        for sup in re.finditer(r"(?:^|\s|,)[Pp]hối\s+(?:hợp(?:\s+chặt\s+chẽ)?(?:\s+với)?|với)\s+", text):  # ("phối với": a slip)
            if re.search(r"[Tt]ham\s+mưu\s+(?:cho\s+)?(?:Ủy\s+ban|UBND|Chủ\s+tịch)[^,;]{0,40}$", text[:sup.start()]):
                return  # "Tham mưu UBND tỉnh phối hợp các bộ, ngành Trung ương ...": the committee's partners
            partners = text[sup.end():]
            e = body_list_end(partners, self.gaz)
            if e:  # each "phối hợp" that names bodies ("Phối hợp chặt chẽ các lực lượng, ... Phối hợp với X"; "chủ trì,
                # phối hợp với A ..., phối hợp chặt chẽ với B hoàn thiện ...")
                self.add(sec, text, partners[:e], "support", dl)

    def _report(self, sec: Section, text: str, default: Optional[Deadline] = None) -> None:
        """"báo cáo ... về X (qua Y)", "báo cáo X ... thông qua Y", "báo cáo X", "gửi X", "phản ánh về X" ->
        report_to X (and Y). ``default``: the deadline when the words around say none (a field block's time, the
        time written right after the paragraph)."""
        trigger = REPORT_TRIGGER
        pos = 0
        while True:
            m = trigger.search(text, pos)
            if not m:
                break
            target = text[m.end():]
            e = body_list_end(target, self.gaz)
            pos = m.end() + max(e, 1)
            if not e:
                continue
            bodies = split_bodies(target[:e], self.gaz)
            clause = re.split(r"[.;]", target[e:], maxsplit=1)[0]
            via = re.search(r"\(\s*(?:thông\s+)?qua\s+(?P<v>[^()]+)\)", clause) or \
                re.search(r"\(\s*(?:thông\s+)?qua\s+(?P<v>[^()]+)\)", target[:e])
            if bodies and via:
                bodies[-1] = re.sub(r"\s*\([^()]*\)\s*$", "", bodies[-1])
            dl = self.deadline(text[max(0, m.start() - 60):m.end() + e + 40], text)
            if dl.kind == "none" and default is not None:
                dl = default
            self.add(sec, text, bodies, "report_to", dl)
            if via:
                self.add(sec, text, via["v"], "report_to", dl)
            else:
                through = re.search(r"(?:^|\s)(?:thông\s+)?qua\s+(?P<v>.+)$", clause)
                te = body_list_end(through["v"], self.gaz) if through else 0
                if te:  # "báo cáo UBND Thành phố kết quả thực hiện thông qua Sở Khoa học và Công nghệ"
                    self.add(sec, text, through["v"][:te], "report_to", dl)
        m = re.search(r"(?:định\s+kỳ\s+)?báo\s+cáo\s+kết\s+quả[^.;]*", text)
        if m and not re.search(r"\s(?:về|cho|lên|gửi)\s", m.group(0)):
            helped = re.search(r"giúp\s+(?P<b>.+)$", text[:m.start()])
            if helped:
                e = body_list_end(helped["b"], self.gaz)
                if e:
                    self.add(sec, text, helped["b"][:e], "report_to", self.deadline(m.group(0), text))

    def run(self) -> list[Assignment]:
        self.blocks()
        self.lead_headings()
        self.sentences()
        self.preamble_demands()
        return self._finish()

    def _finish(self) -> list[Assignment]:
        # one canonical name per key across the document: the fullest written form wins
        forms: dict[str, str] = {}
        for f in self.found:
            c = canonical_body(f.body_raw, self.gaz)
            k = key(c)
            if k not in forms or _fullness(c) > _fullness(forms[k]):
                forms[k] = c
        out: list[Assignment] = []
        seen = set()
        counter: dict[Optional[str], int] = {}
        for f in self.found:
            if f.section and self._aims_only(f.section):
                continue  # "I. MỤC ĐÍCH, YÊU CẦU / 2. Yêu cầu Các sở ... triển khai đồng bộ": what is wanted, not who acts
            body = forms[key(canonical_body(f.body_raw, self.gaz))]
            sig = (f.section, key(body), f.role)
            if sig in seen:
                continue
            seen.add(sig)
            counter[f.section] = counter.get(f.section, 0) + 1
            out.append(Assignment(task_id=f"{f.section or 'doc'}#{counter[f.section]}", section=f.section or None,
                                  action=f.action, body=body, body_raw=f.body_raw, role=f.role,
                                  deadline=f.deadline, page=f.page, line=f.line))
        return out


def _bare_key(name: str) -> str:
    """The key of a body without its parenthesis: "Sở Tài chính (cơ quan chủ trì)" is Sở Tài chính."""
    return key(re.sub(r"\s*\([^()]*\)", "", name))


def _fix_case(c: str) -> str:
    c = re.sub(r"\b(tỉnh ủy|thành ủy|trung ương|ủy ban nhân dân)\b(?=$|[^\w])",
               lambda m: m.group(1) if m.group(1) == "ủy ban nhân dân" else m.group(1).capitalize()
               if m.start() > 0 and c[:m.start()].rstrip().endswith(("việc", "thuộc")) else m.group(1), c)
    return c[:1].upper() + c[1:]


def _fullness(name: str) -> tuple:
    return (" và " in name, sum(w[:1].isupper() for w in name.split()), len(name))


def _clip(s: str, n: int = 300) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rsplit(" ", 1)[0] + "…"


def _without_remarks(text: str) -> list[str]:
    """A section's lines up to the plan's closing remark ("Trên đây là Kế hoạch ...; trong quá trình thực hiện,
    nếu có vướng mắc, ... phản ánh về X"), which assigns no task, only who receives reports (see the golden
    files' README)."""
    lines = text.splitlines()
    for i, ln in enumerate(lines):
        if REMARK.match(ln.strip()):
            return lines[:i]
    return lines


def _unbullet(line: str) -> str:
    """A line without its bullet mark ("- ", "+ ", "* ", "• ")."""
    return re.sub(r"^[-+*•]\s*", "", line.strip())


_HEAD_LIST_OPEN = re.compile(rf"(?:(?P<of>Bộ\s+trưởng|Lãnh\s+đạo|Thủ\s+trưởng|Giám\s+đốc)\s+)?"
                             rf"\b[Cc]ác\s+(?:(?P<h>{LIST_HEADS})(?:\s*:\s*|\s+)|(?P<low>[Bb]ộ){MINISTRIES_AND}\s*:\s*|(?P<so>Sở)\s*:\s*)(?=[A-ZĐ])"
                             r"(?!Chỉ\s+huy|Chính\s+trị)")  # ("các Bộ Chỉ huy Quân sự": another head)
# ("các bộ: Công Thương, ..." in lower case only before a colon: "các bộ Trung ương" are the central ministries)


@lru_cache(maxsize=8)
def _head_names(head: str) -> tuple[str, ...]:
    return tuple(n for b in load().bodies for n in [b["name"], *b["variants"]] if n.startswith(head + " "))


# the centrally run cities (since 2025); every other province is a "tỉnh"
CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}
_PLACE_LIST_OPEN = re.compile(rf"{PLACES_HEAD}\s*:\s*(?=[A-ZĐ])")
_PLACE_NAME = re.compile(r"[A-ZĐ][\w]*(?:\s+(?:-\s+)?[A-ZĐ][\w]*)*")
_BARE_PLACE_LIST_OPEN = re.compile(r"(?<!dân\s)(?<!UBND\s)(?P<h>)\b[Cc]ác\s+(?:tỉnh,\s*thành\s+phố|tỉnh|thành\s+phố)\s*:\s*(?=[A-ZĐ])")


def expand_place_lists(text: str) -> str:
    """"Ủy ban nhân dân các tỉnh, thành phố: Tuyên Quang, Hồ Chí Minh quyết liệt ..." -> "Ủy ban nhân dân tỉnh Tuyên
    Quang, Ủy ban nhân dân thành phố Hồ Chí Minh quyết liệt ...": one body per place named; so for the places
    themselves (", nhất là các tỉnh: Khánh Hòa, Đắk Lắk" -> ", nhất là tỉnh Khánh Hòa, tỉnh Đắk Lắk")."""
    m = _PLACE_LIST_OPEN.search(text) or _BARE_PLACE_LIST_OPEN.search(text)
    if not m:
        return text
    out, pos, rest = [text[:m.start()]], 0, text[m.end():]
    while True:
        name = _PLACE_NAME.match(rest, pos)
        if not name:
            break
        kind = "thành phố" if name.group(0) in CITIES else "tỉnh"
        out.append(f"{m['h']} {kind} {name.group(0)}" if m["h"] else f"{kind} {name.group(0)}")
        pos = name.end()
        sep = re.match(r",\s*|\s+và\s+", rest[pos:])
        if not sep or not _PLACE_NAME.match(rest, pos + sep.end()):
            break
        out.append(sep.group(0))
        pos += sep.end()
    return "".join(out) + rest[pos:]


_PLACE_KIND = re.compile(r"(?:[Cc]ác\s+)?(?P<k>[Tt]ỉnh|[Tt]hành\s+phố)\s+(?=[A-ZĐ])")


def place_subjects(sent: str) -> Optional[tuple[list[str], str]]:
    """Provinces and cities named as who must act at a sentence's start ("Các tỉnh Nghệ An, Quảng Ngãi khẩn trương
    ...", "Thành phố Hồ Chí Minh, tỉnh Lâm Đồng đẩy nhanh ..."): ("Tỉnh Nghệ An", ...), and the words after."""
    if not _PLACE_KIND.match(sent):
        return None
    names, pos, kind = [], 0, None
    while True:
        k = _PLACE_KIND.match(sent, pos)
        if k:
            kind, pos = k["k"].lower(), k.end()
        name = _PLACE_NAME.match(sent, pos)
        if not name or kind is None:
            return None
        names.append(f"{kind[:1].upper()}{kind[1:]} {name.group(0)}")
        pos = name.end()
        sep = re.match(r",\s*|\s+và\s+", sent[pos:])
        if sep and (_PLACE_KIND.match(sent, pos + sep.end()) or _PLACE_NAME.match(sent, pos + sep.end())):
            pos += sep.end()
            continue
        after = sent[pos:].strip()
        if re.match(r"(?!(?:và|các|những|trên|của|thuộc|tại|trong|là|đã|có|được)\b)[a-zà-ỹđ]", after):
            return names, after
        return None


# a name in a list of ministries that is no ministry's field ("Các Bộ: Công an, ..., Văn phòng Chính phủ")
_OWN_NAME_RE = re.compile(r"(?:Tập\s+đoàn|Tổng\s+công\s+ty|Văn\s+phòng|Ngân\s+hàng|Thanh\s+tra|Ủy\s+ban|Đài|Thông\s+tấn\s+xã"
                          r"|Kiểm\s+toán|Học\s+viện|Viện|Đại\s+học|Bảo\s+hiểm\s+xã\s+hội)\s")


def expand_head_lists(text: str) -> str:
    """"các Tập đoàn: Bưu chính Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội tổ chức ..." ->
    "Tập đoàn Bưu chính Viễn thông Việt Nam, Tập đoàn Công nghiệp - Viễn thông Quân đội tổ chức ...": the head
    written once before the colon belongs to each name after it (the names start with a capital). Each name is
    up to a comma or "và", or the longest name the gazetteer knows with this head when it goes on past them
    ("Các Bộ: Giáo dục và Đào tạo, Văn hóa, Thể thao và Du lịch")."""
    text = expand_place_lists(text)
    m = _HEAD_LIST_OPEN.search(text)
    if not m:
        return text
    if m["so"] and not re.search(r"gồm\s*$", text[:m.start()]):
        return text  # ("gồm các Sở: Xây dựng, Tài chính, ...": the departments; "Giám đốc các Sở: ..." is read as written)
    head = m["h"] or ("Sở" if m["so"] else "Bộ")
    office = f"{m['of']} " if m["of"] else ""  # "Bộ trưởng các Bộ: Tài chính, Xây dựng": the office of each
    known = sorted((n[len(head) + 1:] for n in _head_names(head)), key=len, reverse=True)
    rest = text[m.end():]
    out, pos = [text[:m.start()]], 0
    while True:
        cut = re.search(r",\s*|\s+và\s+", rest[pos:])
        name = rest[pos:pos + cut.start()] if cut else rest[pos:]  # up to the next comma or "và" ...
        name = next((k for k in known if len(k) > len(name) and rest.startswith(k, pos)
                     and not rest[pos + len(k):pos + len(k) + 1].isalnum()), name)  # ... unless a known name goes on
        if _OWN_NAME_RE.match(name):
            out.append(name)  # "Các Bộ, cơ quan: Tài chính, ..., Tập đoàn Điện lực Việt Nam": a name of its own
        else:
            out += [office, head, " ", name]
        pos += len(name)
        sep = re.match(r",\s*|\s+và\s+", rest[pos:])
        if not sep or not rest[pos + sep.end():][:1].isupper():
            return expand_head_lists("".join(out) + rest[pos:])
        out.append(sep.group(0))
        pos += sep.end()


def _names_a_subject(sent: str) -> bool:
    """A later sentence of a paragraph that may name who acts: it opens with a plural body ("Các cơ quan thông tin
    truyền thông tập trung ...") or a named one."""
    sent = ADDRESS.sub("", sent)  # ("Đồng chí Bộ trưởng Bộ Y tế ...")
    return bool(re.match(r"(?:Các|Những)\s", sent) or _HEAD_RE.match(sent))


def _sentences(par: str) -> list[str]:
    """Sentences, and clauses after a semicolon that open with a named body or a capital "Các" ("Văn phòng UBND
    tỉnh chuẩn bị địa điểm; Sở Nội vụ chuẩn bị nội dung.", "...; Các bộ, ngành, địa phương căn cứ ... rà soát ...")."""
    # (a semicolon inside a parenthesis ends no clause: "(riêng Bộ Tài chính: tối đa 05 người; Bộ Ngoại giao: ...)")
    par = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(";", "\x00"), par)
    pieces = re.split(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ*])|(?<=;)\s+(?=" + _HEAD_RE.pattern + "|Các\\s)"
                      r"|(?<=;)\s+(?=(?:giao|yêu\s+cầu|đề\s+nghị)\s+(?:" + _HEAD_RE.pattern + r"|các\s))"
                      r"|(?<=[.:;])\s+(\((?:\d{1,2}|[ivx]{1,4})\))\s+", par)
    # ("...: (1) Thanh tra Chính phủ ban hành ...; (2) các bộ, ngành ... tổ chức ...", "đề nghị: (i) ... (ii) ...": numbered
    # clauses, each a sentence, which opens with a capital; after "đề nghị:" each clause is a request)
    parts: list[str] = []
    ask, numbered = None, False
    for piece in pieces:
        if piece is None:
            continue
        if re.fullmatch(r"\((?:\d{1,2}|[ivx]{1,4})\)", piece):
            numbered = True
            continue
        p = piece.strip()
        lead = re.match(r"\((?:\d{1,2}|[ivx]{1,4})\)\s+", p)  # (a paragraph that opens with its first clause)
        if lead:
            p, numbered = p[lead.end():], True
        if not p:
            continue
        if numbered and ask and not re.match(r"(?:Giao|Đề\s+nghị|Yêu\s+cầu|Về)\s", p, re.I):
            p = f"{ask} {p[:1].lower() + p[1:] if not _HEAD_RE.match(p) else p}"
        asked = None if numbered else re.search(r"\b(đề\s+nghị|yêu\s+cầu)\s*:$", p, re.I)
        if asked:  # (it holds for the clauses up to the paragraph's end)
            ask = asked.group(1)[:1].upper() + asked.group(1)[1:]
        parts.append(p)
        numbered = False
    parts = [p[:1].upper() + p[1:] if re.match(r"(?:các|giao|yêu\s+cầu|đề\s+nghị)\s", p) else p for p in parts]
    out: list[str] = []
    for p in parts:  # a list of bodies split at a semicolon is no clause: "Thủ trưởng các sở; Chủ tịch UBND ... chịu ..."
        prev = expand_head_lists(out[-1].rstrip(";")) if out and out[-1].endswith(";") else ""
        if prev and body_list_end(prev, load()) >= len(prev) - 1:
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return [(p.rstrip(";").strip() if p.endswith(";") else p).replace("\x00", ";") for p in out]


def extract_assignments(sections: list[Section], doc_date: Optional[str] = None,
                        gaz: Optional[Gazetteer] = None, doc_type: Optional[str] = None,
                        preamble: Optional[Section] = None, title: Optional[str] = None) -> list[Assignment]:
    """The assignments of a document's sections; ``preamble`` (the text before the first numbered item, as a
    section with id "") adds the demands a notice or a dispatch makes there, for the whole document; ``title``
    names the province a notice speaks to ("... LÀM VIỆC VỚI LÃNH ĐẠO TỈNH SƠN LA": "Tỉnh cần ..." is Tỉnh Sơn La)."""
    return Extractor(sections, doc_date, gaz, doc_type, preamble, title).run()


def title_place(title: Optional[str]) -> Optional[str]:
    """The one province or city a title names ("... VỚI LÃNH ĐẠO TỈNH SƠN LA" -> "Tỉnh Sơn La"), else None."""
    word = r"(?!(?:GIAI|NĂM|VÀ|VỀ|ĐẾN|TRONG|TỪ|THEO|CỦA|TẠI|TRÊN|NHIỆM|GIỮA|LẦN|THỜI|ĐỢT|SAU|TRƯỚC)\b)[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹa-zà-ỹđ]*"
    found = {(m["k"].lower(), " ".join(w[:1] + w[1:].lower() for w in m["n"].split()))
             for m in re.finditer(rf"\b(?P<k>TỈNH|Tỉnh|tỉnh|THÀNH PHỐ|Thành phố|thành phố)\s+(?P<n>{word}(?:\s+{word}){{0,2}})",
                                  title or "")}
    if len(found) != 1:
        return None
    kind, name = found.pop()
    return f"{kind[:1].upper()}{kind[1:]} {name}"
