"""The labels of a task's fields, read with spaCy's rule matcher over a blank Vietnamese pipeline.

State plans write a task as a block of labelled fields, on lines or as lettered sub-items:

    - Cơ quan chủ trì: Sở Nội vụ.
    - Cơ quan phối hợp: Sở Tài chính, các sở, ngành liên quan.
    - Thời gian thực hiện: Quý II/2026.

The labels are a closed list of phrases, written below as a user reads them; spaCy's ``PhraseMatcher``
finds them whatever the letter case and spacing ("Cơ quan/Đơn vị chủ trì", "Cơ quan / đơn vị chủ trì").
The tokenizer is a blank Vietnamese pipeline's (syllables split at spaces) that also splits punctuation
off, so that a label is told from its colon and a bullet from its first word ("-Cơ quan").

Used by stage 4 (``extract``); needs nothing from the models, downloads nothing.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import product
from typing import Optional

_BODY = ("cơ quan", "đơn vị")
_EITHER = ("cơ quan / đơn vị", "đơn vị / cơ quan", "cơ quan / cơ quan", "đơn vị / đơn vị")

# field -> the phrases that label it (before the colon)
LABELS: dict[str, list[str]] = {
    "lead": [f"{b} {v}" for b, v in product(_BODY + _EITHER, ("chủ trì", "chủ trì thực hiện", "chịu trách nhiệm chính",
                                                               "chịu trách nhiệm chính thực hiện"))],
    "support": [f"{b} phối hợp" for b in _BODY],
    "doer": [f"{b} {v}" for b, v in product(_BODY + ("cơ quan / đơn vị", "đơn vị / đơn vị"), ("thực hiện", "thực hiện chính"))],
    "time": ["thời gian", "thời gian thực hiện", "thời gian hoàn thành", "tiến độ", "thời hạn"]
            + [f"thời hạn {v}" for v in ("hoàn thành", "ban hành", "trình", "thực hiện")],
    "task": ["nhiệm vụ", "nội dung"],
}
FIELDS = tuple(LABELS)  # tried in this order
# a heading that is a field's label ("a) Cơ quan thực hiện", "b) Thời gian thực hiện", "c) Nhiệm vụ")
HEADING_PREFIXES = ("doer", "lead", "support", "time")  # "Thời gian thực hiện năm 2026" still labels the time
TASK_HEADINGS = ["nhiệm vụ", "nội dung", "nhiệm vụ thực hiện", "nội dung thực hiện"]  # "a) Nhiệm vụ:" over bullets
BULLETS = ("-", "+", "*", "•")
MAX_LABEL = 60  # characters before the colon: no label is longer


@lru_cache(maxsize=1)
def _matcher():
    import spacy
    from spacy.lang.punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
    from spacy.matcher import PhraseMatcher
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = Tokenizer(
        nlp.vocab,
        prefix_search=compile_prefix_regex(TOKENIZER_PREFIXES + [r"[-+*•/]"]).search,
        suffix_search=compile_suffix_regex(TOKENIZER_SUFFIXES + [r"/"]).search,
        infix_finditer=compile_infix_regex(TOKENIZER_INFIXES).finditer)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for name, phrases in LABELS.items():
        matcher.add(name, [nlp.make_doc(p) for p in phrases])
    matcher.add("task_heading", [nlp.make_doc(p) for p in TASK_HEADINGS])
    return nlp, matcher


def _labels(text: str) -> list[tuple[str, int]]:
    """The labels ``text`` opens with (after a bullet), each with the number of tokens after it."""
    nlp, matcher = _matcher()
    doc = nlp.make_doc(text)
    first = 1 if len(doc) > 1 and doc[0].text in BULLETS else 0
    return [(nlp.vocab.strings[k], len(doc) - e) for k, s, e in matcher(doc) if s == first]


def field(line: str) -> Optional[tuple[str, str]]:
    """``(field, value)`` for a labelled line: "- Cơ quan chủ trì: Sở Nội vụ." -> ("lead", "Sở Nội vụ.");
    None for any other line (the value must not be empty)."""
    colon = line.find(":")
    if colon < 0 or colon > MAX_LABEL or not line[colon + 1:].strip():
        return None
    found = {name for name, rest in _labels(line[:colon]) if rest == 0}
    name = next((f for f in FIELDS if f in found), None)
    return (name, line[colon + 1:].strip()) if name else None


def is_field_heading(heading: str) -> bool:
    """A heading that labels a field: it opens with a body's or a time's label ("Cơ quan thực hiện",
    "Thời gian thực hiện: ..."), or is a task's label alone ("Nhiệm vụ")."""
    return any(name in HEADING_PREFIXES or name == "task" and rest == 0 for name, rest in _labels(heading[:MAX_LABEL + 20])
               if name != "task_heading")


def is_task_heading(heading: str) -> bool:
    """"Nhiệm vụ", "Nội dung thực hiện:" alone on its line: the bullets below are the task."""
    h = heading.strip()
    h = h[:-1].rstrip() if h.endswith(":") else h
    return any(name == "task_heading" and rest == 0 for name, rest in _labels(h))
