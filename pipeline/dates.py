"""Vietnamese dates as written in plans (day first) to ISO strings."""
from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Optional

# "26-12-2024", "15/12/2014", "07.4.2014", "24 tháng 5 năm 2019" (any case)
DATE = (r"(?:(?P<d1>\d{1,2})\s*[-/.]\s*(?P<m1>\d{1,2})\s*[-/.]\s*(?P<y1>\d{4})"
        r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*(?:,\s*)?năm\s+(?P<y2>\d{4}))")
DATE_RE = re.compile(DATE, re.IGNORECASE)


def iso(y: int, m: int, d: int) -> Optional[str]:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> Optional[str]:
    """The first day-first date in ``text`` as ISO, or None."""
    m = DATE_RE.search(text)
    return match_iso(m) if m else None


def match_iso(m: re.Match) -> Optional[str]:
    g = m.groupdict()
    if g.get("d1"):
        return iso(int(g["y1"]), int(g["m1"]), int(g["d1"]))
    return iso(int(g["y2"]), int(g["m2"]), int(g["d2"]))


def month_end(y: int, m: int) -> str:
    return date(y, m, calendar.monthrange(y, m)[1]).isoformat()


def quarter_bounds(y: int, q: int) -> tuple[str, str]:
    return date(y, 3 * q - 2, 1).isoformat(), month_end(y, 3 * q)


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(s: str) -> Optional[int]:
    s = s.upper()
    if not s or any(c not in ROMAN for c in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = ROMAN[a]
        total += -v if b != " " and ROMAN.get(b, 0) > v else v
    return total if int_to_roman(total) == s else None


def int_to_roman(n: int) -> str:
    out = []
    for v, sym in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)
