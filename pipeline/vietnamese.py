"""Vietnamese orthography helpers: marks, tone placement, syllable shape.

Tone placement follows the old style of official documents (hòa, thủy, ủy), as underthesea's
``text_normalize`` does; every stage and the scorer compare text in this one form.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}  # huyền sắc hỏi ngã nặng
TONE_CHARS = {v: k for k, v in TONES.items()}
VOWELS = set("aăâeêioôơuưy")
MARKED_VOWELS = set("ăâêôơư")
WORD = re.compile(r"\w+", re.UNICODE)


def strip_marks(text: str) -> str:
    """All diacritics off, đ -> d: what text typed without marks looks like."""
    if len(text) <= 12:
        return _strip_short(text)
    return _strip(text)


@lru_cache(maxsize=100_000)
def _strip_short(text: str) -> str:
    return _strip(text)


def _strip(text: str) -> str:
    nfd = unicodedata.normalize("NFD", text)
    out = "".join(ch for ch in nfd if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", out.replace("đ", "d").replace("Đ", "D"))


@lru_cache(maxsize=200_000)
def split_tone(syllable: str) -> tuple[str, int]:
    """``"thủy"`` -> ``("thuy", 3)``: the syllable without its tone mark, and the tone (0-5)."""
    nfd = unicodedata.normalize("NFD", syllable)
    tone = 0
    chars = []
    for ch in nfd:
        if ch in TONES:
            tone = TONES[ch]
        else:
            chars.append(ch)
    return unicodedata.normalize("NFC", "".join(chars)), tone


def _tone_position(base: str) -> int:
    """Index in ``base`` (lower case, no tone) of the vowel that carries the tone, old style."""
    low = base.lower()
    idx = [i for i, ch in enumerate(low) if ch in VOWELS]
    if not idx:
        return -1
    # "qu" and "gi" + vowel: the u / i belong to the consonant
    if low.startswith("qu") and len(idx) > 1 and idx[0] == 1:
        idx = idx[1:]
    elif low.startswith("gi") and len(idx) > 1 and idx[0] == 1:
        idx = idx[1:]
    # vowel cluster = the first run of consecutive vowels
    run = [idx[0]]
    for i in idx[1:]:
        if i == run[-1] + 1:
            run.append(i)
        else:
            break
    marked = [i for i in run if low[i] in MARKED_VOWELS]
    if marked:
        return marked[-1]  # ươ -> ơ; ê, ô, â ...
    if len(run) == 1:
        return run[0]
    has_final = run[-1] < len(low) - 1
    if len(run) == 3:
        return run[1]
    return run[1] if has_final else run[0]


@lru_cache(maxsize=200_000)
def normalize_syllable(syllable: str) -> str:
    """Put the tone mark where the old style puts it (``hoà`` -> ``hòa``, ``thuỷ`` -> ``thủy``)."""
    base, tone = split_tone(syllable)
    if tone == 0:
        return base
    pos = _tone_position(base)
    if pos < 0:
        return unicodedata.normalize("NFC", syllable)
    return unicodedata.normalize("NFC", base[:pos + 1] + TONE_CHARS[tone] + base[pos + 1:])


def normalize_text(text: str) -> str:
    """NFC, and old-style tone placement on every syllable."""
    text = unicodedata.normalize("NFC", text)
    return WORD.sub(lambda m: normalize_syllable(m.group()), text)


def has_marks(text: str) -> bool:
    return strip_marks(text) != text


ONSETS = sorted(["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p",
                 "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"], key=len, reverse=True)
CODAS = ("ng", "nh", "ch", "c", "m", "n", "p", "t", "i", "y", "o", "u", "")
STOP_CODAS = ("c", "ch", "p", "t")


@lru_cache(maxsize=100_000)
def split_syllable(syllable: str) -> Optional[tuple[str, str, str, int]]:
    """``"thường"`` -> ``("th", "ươ", "ng", 1)``: onset, vowel nucleus (with glide), coda, tone; or None
    when the letters cannot form a Vietnamese syllable."""
    base, tone = split_tone(syllable.lower())
    if not base.isalpha():
        return None
    for onset in ONSETS:
        if base.startswith(onset):
            rest = base[len(onset):]
            if onset == "gi" and (not rest or rest[0] not in VOWELS):
                onset, rest = "g", base[1:]
            if not rest:
                continue
            for coda in CODAS:
                if rest.endswith(coda) and len(rest) > len(coda):
                    nucleus = rest[: len(rest) - len(coda)] if coda else rest
                    if all(ch in VOWELS for ch in nucleus) and len(nucleus) <= 3:
                        if coda in STOP_CODAS and tone not in (2, 5):
                            return None
                        return onset, nucleus, coda, tone
            return None
    return None


def is_valid_shape(syllable: str) -> bool:
    return split_syllable(syllable) is not None


# a roman numeral as OCR misreads it ("Ill", "I1", "Vv", "l", "II!"): restoration keeps it for the segmenter, which
# reads it against the part it expects
ROMAN_LIKE = r"[IVXivxl][IVXLlvi1|!]{0,3}"
