"""Deadlines as written in plans -> ``records.Deadline`` (kind, start, end, period, text).

Day-first dates; a missing year comes from the document's date. "chi thường xuyên" (recurrent
spending) is not a deadline. The first matching rule (most specific first) wins.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from .dates import iso, month_end, quarter_bounds, roman_to_int
from .records import Deadline

# a quarter's numeral as OCR reads it on a scan ("Quý I1/2025", "quý l/2026", "Quý H/2027"): I, 1, l and | look alike,
# and H is II run together (a letter among them: "quý 11" is none)
_Q_LOOKALIKE = r"(?-i:(?=[IVl1|H]*[IVl|H])[IVl1|H]{1,3})"
_Q = rf"(?P<q>IV|III|II|I|[1-4]|{_Q_LOOKALIKE})"
_QN = rf"(?:[IV]+|\d|{_Q_LOOKALIKE})"  # (the same, in a range of quarters)
_Y = r"(?P<y>\d{4})"
_D = r"(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})(?:\s*[-/.]\s*(?P<yy>\d{4}))?"
_DW = r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:,\s*)?năm\s+(?P<yy>\d{4}))?"
_MONTH = r"tháng\s+(?P<mo>\d{1,2})\s*(?:/|\s+năm\s+|-)\s*(?P<my>\d{4})"

FLAGS = re.IGNORECASE


def _quarter(q: str) -> int:
    return int(q) if q.isdigit() else roman_to_int(re.sub(r"[1l|]", "I", q).replace("H", "II").upper())


def _day(m: re.Match, year: Optional[int]) -> Optional[str]:
    """The ISO day a match names, as "30/3/2025" (groups d, m, yy) or in words (d_, m_, yy_: "ngày 19 tháng 12
    năm 2025"); the document's year where none is written."""
    k = "" if m["d"] else "_"
    y = int(m["yy" + k]) if m["yy" + k] else year
    return iso(y, int(m["m" + k]), int(m["d" + k])) if y else None


# a day written in figures, or in words (its groups renamed d_, m_, yy_ so that one pattern can hold both)
_DAY = rf"(?:{_D}|{_DW.replace('?P<d>', '?P<d_>').replace('?P<m>', '?P<m_>').replace('?P<yy>', '?P<yy_>')})"


RULES: list[tuple[str, re.Pattern]] = [
    ("years_only", re.compile(r"^\s*(?:năm\s+)?(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4})\s*\.?\s*$", FLAGS)),
    ("year_only", re.compile(r"^\s*(?:năm\s+)?(?P<y>\d{4})\s*\.?\s*$", FLAGS)),
    ("date_only", re.compile(rf"^\s*(?:ngày\s+)?{_DAY}\s*\.?\s*$", FLAGS)),  # a time column's "30/06/2025"
    # a time column's "Theo Kế hoạch riêng", "Theo kế hoạch": set by another plan
    ("plan_only", re.compile(r"^\s*theo\s+(?:kế\s+hoạch|chương\s+trình)(?:\s+riêng)?\s*\.?\s*$", FLAGS)),
    ("recurring_dates", re.compile(r"(?:định\s+kỳ[^.;]{0,30}?)?(?:trước|vào)\s+ngày\s+\d{1,2}(?:/\d{1,2}|\s+tháng\s+\d{1,2})"
                                   r"(?:\s+(?:và|,)\s+(?:ngày\s+)?\d{1,2}(?:/\d{1,2}|\s+tháng\s+\d{1,2}))*\s+(?:hằng|hàng)\s+năm"
                                   r"|định\s+kỳ[^.;]{0,30}?(?:trước|vào)\s+ngày\s+\d{1,2}/\d{1,2}(?!/)", FLAGS)),
    ("recurring_by", re.compile(r"định\s+kỳ\s+(?:hằng|hàng)\s+năm[^.;]{0,80}?(?:trước|chậm\s+nhất)(?:\s+là)?\s+(?:ngày\s+)?\d{1,2}",
                                FLAGS)),  # "định kỳ hàng năm báo cáo ... chậm nhất ngày 17 tháng 12"
    # "Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê": from a month on, up to an event
    ("from_until_event", re.compile(r"từ\s+(?:tháng\s+(?P<mo>\d{1,2})\s*(?:/|-|\s+năm\s+)|năm\s+)(?P<y>\d{4})\s+(?:cho\s+)?"
                                    r"(?:đến|tới)\s+khi\b", FLAGS)),
    # "từ năm 2025 đến (hết) năm 2030", "từ tháng 3/2025 đến hết năm 2025"
    ("range_years", re.compile(r"từ\s+(?:tháng\s+(?P<m1>\d{1,2})\s*(?:/|-|\s+năm\s+)|năm\s+)(?P<y1>\d{4})\s+(?:đến|tới)\s+"
                               r"(?:hết\s+)?năm\s+(?P<y2>\d{4})", FLAGS)),
    ("range_month", re.compile(rf"từ\s+{_MONTH.replace('mo>', 'mo1>').replace('my>', 'my1>')}\s+đến\s+(?:hết\s+)?"
                               rf"{_MONTH.replace('mo>', 'mo2>').replace('my>', 'my2>')}", FLAGS)),
    ("range_days", re.compile(r"từ\s+(?:ngày\s+)?(?P<d1>\d{1,2})[-/.](?P<m1>\d{1,2})(?:[-/.](?P<y1>\d{4}))?\s+"
                              r"(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(?P<d2>\d{1,2})[-/.](?P<m2>\d{1,2})"
                              r"(?:[-/.](?P<y2>\d{4}))?", FLAGS)),
    # "trong tuần ngày 15 đến ngày 31 tháng 12 năm 2025": two days of one month
    ("range_month_days", re.compile(r"ngày\s+(?P<d1>\d{1,2})\s+(?:đến|tới)\s+(?:hết\s+)?ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})"
                                    r"(?:\s*(?:,\s*)?năm\s+(?P<y>\d{4}))?", FLAGS)),
    ("range_quarter", re.compile(rf"(?:từ\s+)?qu[ýí]\s+(?P<q1>{_QN})\s*(?:/|-|\s+năm\s+)(?P<y1>\d{{4}})\s*(?:[-–]|đến)\s*"
                                 rf"(?:hết\s+)?qu[ýí]\s+(?P<q2>{_QN})\s*(?:/|-|\s+năm\s+)(?P<y2>\d{{4}})", FLAGS)),
    ("now_to_quarter", re.compile(rf"từ\s+nay\s+đến\s+(?:hết\s+)?quý\s+{_Q}\s*(?:/|\s+năm\s+){_Y}", FLAGS)),
    ("now_to_month", re.compile(rf"từ\s+nay\s+đến\s+(?:hết\s+)?{_MONTH}", FLAGS)),  # "từ nay đến tháng 6/2027"
    ("period", re.compile(r"giai\s+đoạn\s+(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4})", FLAGS)),
    ("by_day", re.compile(rf"(?:trước|chậm\s+nhất(?:\s+là)?|hạn\s+chót|không\s+quá|hoàn\s+thành|xong)\s*(?:ngày\s+)?"
                          rf"{_DAY}", FLAGS)),
    ("recurring_monthday", re.compile(r"(?:trước|vào)\s+ngày\s+\d{1,2}\s+(?:hằng|hàng)\s+tháng", FLAGS)),
    # "Quý III, IV năm 2025": from the first quarter named to the end of the last
    ("quarters", re.compile(rf"qu[ýí]\s+(?P<q1>{_QN})\s*(?:,|và|-|–)\s*(?:qu[ýí]\s+)?(?P<q2>{_QN})\s*(?:/|-|\s+năm\s+){_Y}",
                            FLAGS)),
    ("quarter", re.compile(rf"qu[ýí]\s+{_Q}\s*(?:/|-|\s+năm\s+){_Y}", FLAGS)),
    ("month", re.compile(rf"(?<!\d\s)(?<!từ\s){_MONTH}", FLAGS)),
    # "trong tháng 12", "trước tháng 3": the month of the document's year (or the next, when it has passed)
    ("month_noyear", re.compile(r"(?:trong|trước|hết|cuối|đến|hoàn\s+thành)\s+tháng\s+(?P<mo>\d{1,2})(?!\s*(?:[-/.]|năm\b)|\d)"
                                r"(?![^.;]{0,20}(?:hằng|hàng)\s+năm)",
                                FLAGS)),
    ("late_year", re.compile(r"(?:những|các)\s+tháng\s+cuối\s+năm(?:\s+(?P<y>\d{4}))?", FLAGS)),  # "trong những tháng cuối năm"
    ("half_year", re.compile(r"(?P<n>6|06|sáu)\s+tháng\s+(?P<part>đầu|cuối)\s+năm(?:\s+(?P<y>\d{4}))?", FLAGS)),
    ("on_day", re.compile(rf"ngày\s+{_DAY}", FLAGS)),  # "ngày 15/3", "vào ngày 19 tháng 12 năm 2025"
    ("recurring", re.compile(r"(?:hằng|hàng|định\s+kỳ)\s+(?:năm|quý|tháng|tuần|ngày)|định\s+kỳ\s+(?:\d+\s+tháng|hằng|hàng)"
                             r"|định\s+kỳ", FLAGS)),
    ("ongoing_from", re.compile(r"(?:năm\s+(?P<y>\d{4})\s+và\s+(?:các|những)\s+năm\s+tiếp\s+theo|từ\s+năm\s+(?P<y2>\d{4})"
                                r"(?:\s+trở\s+đi|(?!\s*(?:[-–]|đến|tới))))", FLAGS)),  # "từ năm 2026 (trở đi)"
    ("year", re.compile(r"(?:trong|hoàn\s+thành|thực\s+hiện|trước|đến(?:\s+hết)?|cuối)\s+(?:trong\s+)?(?:năm\s+)(?P<y>\d{4})"
                        r"|^\s*năm\s+(?P<y2>\d{4})", FLAGS)),
    ("ongoing", re.compile(r"thường\s+xuyên|liên\s+tục", FLAGS)),
    ("event", re.compile(r"ngay\s+sau\s+khi\s+[^,.;]{3,60}|ngay\s+(?:sau|khi)\s+(?:lũ|bão|mưa|nước\s+rút|thiên\s+tai)[^,.;]{0,40}|sau\s+khi\s+[^,.;]{3,60}|khi\s+(?:có|Chính phủ|Bộ|Trung ương|cấp|"
                         r"tổng\s+kết|kết\s+thúc|hoàn\s+thành|xảy\s+ra|phát\s+sinh|phát\s+hiện|xuất\s+hiện)[^,.;]{0,60}"
                         r"|kịp\s+thời\s+khi|theo\s+tiến\s+độ|theo\s+lộ\s+trình"
                         # "khi được Chủ tịch UBND tỉnh giao", "khi cần thiết", "khi Sở Dân tộc và Tôn giáo tổ chức"
                         r"|khi\s+được\s+[^,.;]{2,60}?\s(?:giao|yêu\s+cầu|đề\s+nghị)\b|khi\s+cần\s+thiết"
                         r"|khi\s+(?:Sở|Ủy\s+ban|UBND)\s[^,.;]{3,60}"
                         # "trước Tết Nguyên đán", "trong thời gian diễn ra Đại hội": a named occasion
                         r"|trước\s+(?:dịp\s+)?Tết\b[^,.;]{0,40}|trong\s+(?:thời\s+gian|dịp)\s+(?:diễn\s+ra\s+)?(?:Đại\s+hội|Tết|[Kk]ỳ\s+họp)[^,.;]{0,40}"
                         # "hoàn thành theo chỉ đạo tại các công điện của Thủ tướng Chính phủ"
                         r"|hoàn\s+thành\s+theo\s+(?:chỉ\s+đạo|yêu\s+cầu)"
                         # "trong thời hạn 10 ngày kể từ ngày nhận Kế hoạch này": counted from an event
                         r"|trong\s+(?:thời\s+hạn\s+|vòng\s+)?\d{1,3}\s+ngày(?:\s+làm\s+việc)?,?\s+(?:kể\s+)?từ\s+(?:ngày|khi)[^,.;]{0,60}"
                         # "để kịp báo cáo Quốc hội tại Kỳ họp thứ 10": a session of an elected body
                         r"|(?:tại|trước|trình)\s+(?:[Kk]ỳ\s+họp|[Pp]hiên\s+họp)\s+(?:thứ\s+\d+|gần\s+nhất|cuối\s+năm)[^,.;]{0,40}",
                         FLAGS)),
]


def _period(text: str) -> Optional[str]:
    t = text.lower()
    if re.search(r"(?:hằng|hàng)\s+tuần", t):
        return "week"
    if re.search(r"(?:hằng|hàng)\s+ngày", t):
        return "day"
    if re.search(r"(?:hằng|hàng)\s+tháng|trước ngày \d+ (?:hằng|hàng) tháng", t):
        return "month"
    if re.search(r"(?:hằng|hàng)\s+quý|định kỳ\s+(?:hằng|hàng)?\s*quý|03 tháng|3 tháng", t):
        return "quarter"
    if re.search(r"0?6\s+tháng|sáu tháng|nửa năm", t):
        return "half_year"
    if re.search(r"(?:hằng|hàng)\s+năm|01 năm|1 năm|mỗi năm", t):
        return "year"
    return None


# recurrent spending and yearly budgets are money, not deadlines: "chi thường xuyên", "ngân sách hằng năm"
# recurrent spending, the annual rating of a body, and the horizon in a plan's name ("Quy hoạch ... thời kỳ 2021-2030, tầm nhìn đến năm 2045")
NOT_DEADLINES = re.compile(r"(?:ngân\s+sách(?:\s+nhà\s+nước)?|kinh\s+phí|dự\s+toán|nguồn\s+chi|chi)\s+(?:thường\s+xuyên|(?:hằng|hàng)\s+năm)"
                           r"|(?:thời\s+kỳ\s+\d{4}\s*[-–]\s*\d{4},?\s*)?tầm\s+nhìn\s+(?:đến|tới)\s+năm\s+\d{4}"
                           r"|(?:xếp\s+loại|chất\s+lượng)\s+(?:hằng|hàng)\s+năm"  # "xếp loại chất lượng hằng năm": annual rating
                           r"|(?:dự\s+toán|ngân\s+sách|nguồn\s+vốn)[^.;]{0,50}?(?:hằng|hàng)\s+năm"  # the annual budget
                           # "lồng ghép ... vào Kế hoạch phát triển kinh tế - xã hội hằng năm": the annual plan itself
                           r"|(?:vào|trong)\s+(?:các\s+)?(?:kế\s+hoạch|chương\s+trình)[^.;]{0,60}?(?:hằng|hàng)\s+năm"
                           # "theo Nghị quyết hằng năm của Hội đồng nhân dân thành phố": the annual resolution
                           r"|(?:nghị\s+quyết|quyết\s+định)\s+(?:hằng|hàng)\s+năm"
                           r"|thường\s+xuyên(?=\s+của\s)"  # "chương trình hoạt động chỉ đạo thường xuyên của cấp ủy"
                           # "khả năng cân đối ngân sách trung ương giai đoạn 2026 - 2030": the budget's period
                           r"|(?:ngân\s+sách|đầu\s+tư\s+công\s+trung\s+hạn)[^.;]{0,30}?giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4}"
                           # the horizon of a master plan or a strategy ("điều chỉnh quy hoạch hạ tầng viễn thông ... đến năm 2030")
                           r"|(?:quy\s+hoạch|chiến\s+lược)[^.;]{0,100}?\s+đến\s+năm\s+\d{4}"
                           # a document cited by number and date ("Công điện số 217/CĐ-TTg ngày 16/11/2025"): when it was
                           # issued, not when a task is due
                           r"|\d+(?:/\d{4})?/[A-ZĐ][\w.-]*\s*,?\s+ngày\s+\d{1,2}(?:\s*[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{4})?"
                           r"|\s+tháng\s+\d{1,2}(?:\s*,?\s*năm\s+\d{4})?)",
                           re.IGNORECASE)


_RECURRING = dict(RULES)["recurring"]


def parse_deadline(text: str, doc_date: Optional[str] = None) -> Deadline:
    """The deadline stated in ``text`` (a sentence or a "Thời gian thực hiện: ..." value)."""
    year = int(doc_date[:4]) if doc_date else None
    text = NOT_DEADLINES.sub(" ", text)
    text = re.sub(r"(?<=\w)/{2,}(?=\d)", "/", text)  # "Quý II//2025": a slash read twice on a scan
    for name, rx in RULES:
        m = rx.search(text)
        if not m:
            continue
        phrase = m.group(0).strip()
        if name == "years_only":
            return Deadline(kind="range", start=f"{m['y1']}-01-01", end=f"{m['y2']}-12-31", text=phrase)
        if name == "from_until_event":
            return Deadline(kind="ongoing", start=iso(int(m["y"]), int(m["mo"] or 1), 1), text=phrase)
        if name == "plan_only":
            return Deadline(kind="event", text=phrase)
        if name == "year_only":
            return Deadline(kind="by", end=f"{m['y']}-12-31", text=phrase)
        if name in ("date_only", "by_day", "on_day"):  # a day: "30/06/2025", "trước ngày 30-3", "vào ngày 19 tháng 12"
            d = _day(m, year)
            if d:
                return Deadline(kind="by", end=d, text=phrase)
            continue
        if name in ("recurring_dates", "recurring_by"):
            first = _RECURRING.search(text)
            if first and first.start() < m.start():
                # "định kỳ hàng tháng (trước ngày 16 hàng tháng), 6 tháng (...), tổng kết năm (trước ngày 20/11
                # hàng năm)": the period stated first
                p = _period(text[first.start():m.start()])
                if p:
                    return Deadline(kind="recurring", period=p, text=first.group(0))
            return Deadline(kind="recurring", period="year", text=phrase)
        if name == "range_years":
            start = iso(int(m["y1"]), int(m["m1"]), 1) if m["m1"] else f"{m['y1']}-01-01"
            return Deadline(kind="range", start=start, end=f"{m['y2']}-12-31", text=phrase)
        if name == "range_month":
            s = iso(int(m["my1"]), int(m["mo1"]), 1)
            e = month_end(int(m["my2"]), int(m["mo2"]))
            return Deadline(kind="range", start=s, end=e, text=phrase)
        if name == "range_days":
            y2 = int(m["y2"]) if m["y2"] else year
            y1 = int(m["y1"]) if m["y1"] else y2
            if y1 and y2:
                return Deadline(kind="range", start=iso(y1, int(m["m1"]), int(m["d1"])),
                                end=iso(y2, int(m["m2"]), int(m["d2"])), text=phrase)
            continue
        if name == "range_month_days":
            y = int(m["y"]) if m["y"] else year
            if y:
                return Deadline(kind="range", start=iso(y, int(m["m"]), int(m["d1"])), end=iso(y, int(m["m"]), int(m["d2"])),
                                text=phrase)
            continue
        if name == "range_quarter":  # "Quý IV/2025 - Quý II/2026"
            return Deadline(kind="range", start=quarter_bounds(int(m["y1"]), _quarter(m["q1"]))[0],
                            end=quarter_bounds(int(m["y2"]), _quarter(m["q2"]))[1], text=phrase)
        if name == "now_to_month":
            return Deadline(kind="range", start=doc_date, end=month_end(int(m["my"]), int(m["mo"])), text=phrase)
        if name == "now_to_quarter":
            return Deadline(kind="range", start=doc_date, end=quarter_bounds(int(m["y"]), _quarter(m["q"]))[1],
                            text=phrase)
        if name == "period":
            if re.search(r"hoàn\s+thành\s+(?:trước|trong|chậm\s+nhất)", text[m.end():], FLAGS):
                continue  # "Kế hoạch ... giai đoạn 2026 - 2030, ..., hoàn thành trong tháng 12 năm 2025": the plan's
                # period is in its name; the task's own time comes after
            return Deadline(kind="range", start=f"{m['y1']}-01-01", end=f"{m['y2']}-12-31", text=phrase)
        if name == "recurring_monthday":
            return Deadline(kind="recurring", period="month", text=phrase)
        if name == "quarters":
            return Deadline(kind="range", start=quarter_bounds(int(m["y"]), _quarter(m["q1"]))[0],
                            end=quarter_bounds(int(m["y"]), _quarter(m["q2"]))[1], text=phrase)
        if name == "quarter":
            s, e = quarter_bounds(int(m["y"]), _quarter(m["q"]))
            return Deadline(kind="by", end=e, text=phrase)
        if name == "month":
            return Deadline(kind="by", end=month_end(int(m["my"]), int(m["mo"])), text=phrase)
        if name == "month_noyear":
            mo = int(m["mo"])
            if year and 1 <= mo <= 12:
                end = month_end(year, mo)
                if doc_date and end < doc_date[:7]:
                    end = month_end(year + 1, mo)  # "trong tháng 1" in a plan of November: next January
                return Deadline(kind="by", end=end, text=phrase)
            continue
        if name == "late_year":
            y = int(m["y"]) if m["y"] else year
            if y:
                return Deadline(kind="by", end=f"{y}-12-31", text=phrase)
            continue
        if name == "half_year":
            y = int(m["y"]) if m["y"] else year
            if y:
                end = date(y, 6, 30) if m["part"].lower() == "đầu" else date(y, 12, 31)
                return Deadline(kind="by", end=end.isoformat(), text=phrase)
            continue
        if name == "recurring":
            return Deadline(kind="recurring", period=_period(text), text=_recurring_phrase(text) or phrase)
        if name == "ongoing_from":
            y = m["y"] or m["y2"]
            return Deadline(kind="ongoing", start=f"{y}-01-01", text=phrase)
        if name == "year":
            y = m["y"] or m["y2"]
            return Deadline(kind="by", end=f"{y}-12-31", text=phrase)
        if name == "ongoing":
            return Deadline(kind="ongoing", start=None, text=phrase)
        if name == "event":
            return Deadline(kind="event", text=phrase)
    return Deadline(kind="none")


def _recurring_phrase(text: str) -> Optional[str]:
    m = re.search(r"(?:định\s+kỳ|hằng|hàng)[^.;]{0,30}", text, FLAGS)
    return m.group(0).strip(" ,") if m else None


def has_deadline(text: str) -> bool:
    return parse_deadline(text).kind != "none"
