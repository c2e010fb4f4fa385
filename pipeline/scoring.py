"""The scorer every stage reuses: syllable accuracy after alignment, CER, share of diacritic-only errors.

Syllables are the word-character runs of the text (punctuation is scored by CER only), compared after
NFC and one tone placement (``vietnamese.normalize_text``), so "hoà" and "hòa" count as the same.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from rapidfuzz.distance import Levenshtein

from .vietnamese import WORD, normalize_text, strip_marks


@dataclass
class Score:
    n_ref: int
    n_hyp: int
    hits: int
    substitutions: int
    deletions: int
    insertions: int
    diacritic_only: int  # substitutions whose two syllables differ only in marks (or đ/d)
    char_errors: int
    n_ref_chars: int

    @property
    def errors(self) -> int:
        return self.substitutions + self.deletions + self.insertions

    @property
    def accuracy(self) -> float:
        """1 - syllable error rate (substitutions, deletions, insertions over reference syllables)."""
        return max(0.0, 1.0 - self.errors / self.n_ref) if self.n_ref else float(self.n_hyp == 0)

    @property
    def cer(self) -> float:
        return self.char_errors / self.n_ref_chars if self.n_ref_chars else float(self.char_errors > 0)

    @property
    def diacritic_share(self) -> float:
        return self.diacritic_only / self.errors if self.errors else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(**{k: getattr(self, k) + getattr(other, k) for k in asdict(self)})

    def summary(self) -> dict:
        return {"syllables": self.n_ref, "accuracy": round(self.accuracy, 4), "cer": round(self.cer, 4),
                "errors": self.errors, "diacritic_only_share": round(self.diacritic_share, 4)}


def syllables(text: str, case_sensitive: bool = True) -> list[str]:
    text = normalize_text(text)
    if not case_sensitive:
        text = text.lower()
    return WORD.findall(text)


def score(reference: str, hypothesis: str, case_sensitive: bool = True) -> Score:
    ref, hyp = syllables(reference, case_sensitive), syllables(hypothesis, case_sensitive)
    ops = Levenshtein.editops(ref, hyp)
    subs = dels = ins = dia = 0
    for op in ops:
        if op.tag == "replace":
            subs += 1
            if strip_marks(ref[op.src_pos]).lower() == strip_marks(hyp[op.dest_pos]).lower():
                dia += 1
        elif op.tag == "delete":
            dels += 1
        else:
            ins += 1
    ref_chars = " ".join(normalize_text(reference).split())
    hyp_chars = " ".join(normalize_text(hypothesis).split())
    if not case_sensitive:
        ref_chars, hyp_chars = ref_chars.lower(), hyp_chars.lower()
    return Score(n_ref=len(ref), n_hyp=len(hyp), hits=len(ref) - subs - dels, substitutions=subs,
                 deletions=dels, insertions=ins, diacritic_only=dia,
                 char_errors=Levenshtein.distance(ref_chars, hyp_chars), n_ref_chars=len(ref_chars))
