"""Stage 2: restore Vietnamese diacritics and correct OCR errors.

A noisy channel: for each token, candidate syllables come from the OCR noise model (what syllables become
under English-model OCR, learned by ``noise``), from the mark-stripped key ("tinh" -> tình, tính, tỉnh...)
and, for forms never seen, from near keys after undoing look-alike characters ("s6" -> "so"). A syllable
trigram language model (``lm``) picks the best sequence with Viterbi decoding; each changed token gets a
confidence from its local posterior (the chosen neighbours fixed, the candidates re-scored).

The kind of text is detected (``detect_mode``): legacy English-model OCR, Tesseract ``vie`` output, text
typed without marks ("plain"), or text that is already correct ("clean"). Clean and ``vie`` text are only
changed where the model is sure, so good text is never made worse; in ``vie`` text another marking of the same
letters costs what the learned mark model of Tesseract vie says (``MarkChannel``: "thấm" for "thẩm" is common,
"để" for "dễ" almost never happens).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

from .corpus import NUM
from .errors import MissingDependency, NotVietnamese
from .lm import SyllableLM
from .vietnamese import ROMAN_LIKE, normalize_syllable, split_syllable, split_tone, strip_marks

MODELS = Path(__file__).resolve().parent.parent / "models"
MODES = ("legacy", "vie", "plain", "clean")

# word runs, with the look-alikes English-model OCR puts inside words: "m&t" = mặt, "n@i" = nội,
# "tru’c" = trực (but not "M’Drắk" or "Government’s")
# (and at a word's end: "S@ Y tế" = Sở, "K& hoạch" = Kế)
TOKEN = re.compile(r"[\w¢€¥£§]+(?:(?:[&@]|(?<=[^\W\dA-Z_])['’](?=[^\W\dA-Z_])(?!s\b))[\w¢€¥£§]+)*(?:(?<=[^\W\d_])[&@](?![\w&@]))?",
                   re.UNICODE)
BREAK = re.compile(r"[.;:!?]|\n\s*\n")
ROMAN = re.compile(r"^[IVXL]+$")
# a part's numeral opening a line as OCR misreads it ("Ill.", "I1.", "Vv."; or "II" whose period was lost before a
# title in capitals): kept for the segmenter, which reads it against the part it expects
ROMAN_LIKE_TOKEN = re.compile(rf"^{ROMAN_LIKE}$")
NEXT_WORD = re.compile(r"\s+(\w+)")
# addresses are kept verbatim: e-mail, web and file names
VERBATIM = re.compile(r"[\w.-]+@[\w-]+\.[\w.-]+|(?:https?://|www\.)\S+|\b[\w.-]+\.(?:gov|com|org|net|edu)(?:\.vn)?\b\S*|\b[\w-]+\.vn\b\S*",
                      re.IGNORECASE)
# what English-model OCR makes of a dotted leader in a form ("Họ và tên: ……" -> "Họ và tên: cece eee ees"):
# runs of the round letters a dot row looks like
LEADER_LETTERS = re.compile(r"^[ceosnaurv]{3,}$")

@dataclass
class Settings:
    """Decoding weights per mode (tuned on the development half of the held-out documents)."""

    lm_weight: float = 1.0
    identity: float = 0.0  # log-score of keeping a valid syllable as it is
    oov_identity: float = -6.0  # ... and a token that is not a syllable we know
    mixed_identity: float = -6.0  # ... and a lower-case word with symbols or digits in it ("c&c", "s6")
    same_key: float = -3.0  # a syllable with the same letters but other marks
    table_floor: float = -9.0  # floor of the learned channel
    fuzzy: float = 1.0  # weight of the learned edit cost of a near key (0: no near keys)
    min_confidence: float = 0.0  # a change needs at least this local posterior
    max_candidates: int = 10
    fine_candidates: int = 4  # kept per position after the bigram pass
    prune_logp: float = -7.0  # ... if their bigram posterior is at least e^this
    margin: float = 9.0  # drop candidates this far (log) below the best by channel + unigram
    rare: int = 0  # a valid syllable seen fewer times in the corpus is kept only as an unknown token is
    mark_weight: float = 0.0  # > 0: other marks scored by the learned Tesseract vie mark channel, not ``same_key``
    typo_logp: float = -99.0  # ... mixed with a typist's slip of this log-probability (born-digital text has typos)


SETTINGS = {
    "legacy": Settings(identity=-1.0, oov_identity=-3.0, mixed_identity=-9.0, same_key=-3.0, table_floor=-7.0, fuzzy=1.0,
                       max_candidates=16, rare=10),
    "plain": Settings(identity=-2.0, oov_identity=-6.0, same_key=-2.0, table_floor=-99.0, fuzzy=0.0),
    "vie": Settings(identity=0.0, oov_identity=-2.0, same_key=-5.0, table_floor=-99.0, fuzzy=1.5,
                    min_confidence=0.8, mark_weight=1.2, typo_logp=-9.0),
    "clean": Settings(identity=0.0, oov_identity=0.0, same_key=-9.0, table_floor=-99.0, fuzzy=2.0,
                      min_confidence=0.99),
}


@dataclass
class Change:
    line: int  # 1-based line of the input
    col: int  # 0-based character offset in that line
    original: str
    choice: str
    confidence: float
    alternatives: list[tuple[str, float]] = field(default_factory=list)


class RestoreResult:
    """The restored text; ``changes`` (built on demand) lists every changed token."""

    def __init__(self, text: str, mode: str, evidence: dict, tokens: int, pending: list):
        self.text, self.mode, self.evidence, self.tokens = text, mode, evidence, tokens
        self._pending = pending
        self._changes: Optional[list[Change]] = None

    @property
    def changes(self) -> list[Change]:
        if self._changes is None:
            self._changes = []
            for tok, out, conf, cands, slots, post in self._pending:
                alts = sorted(((float(p), cands[j][0]) for j, p in zip(slots, post) if j >= 0 and cands[j][0] != normalize_syllable(out.lower())), reverse=True)[:3]
                self._changes.append(Change(tok.line, tok.col, tok.text, out, round(conf, 4),
                                            [(w, round(p, 4)) for p, w in alts]))
        return self._changes

    def report(self) -> dict:
        confs = [c.confidence for c in self.changes]
        return {"mode": self.mode, "evidence": self.evidence, "tokens": self.tokens,
                "changed": len(self.changes),
                "mean_confidence": round(sum(confs) / len(confs), 4) if confs else None,
                "low_confidence": sum(1 for c in confs if c < 0.8),
                "changes": [asdict(c) for c in self.changes]}


class Models:
    """Everything the restorer loads: the LM, the noise table and the key indexes."""

    def __init__(self, directory: Path = MODELS):
        lm_path, noise_path, marks_path = (directory / "syllable_lm.npz", directory / "noise_eng.json",
                                           directory / "noise_vie.json")
        for p in (lm_path, noise_path, marks_path):
            if not p.exists():
                raise MissingDependency(str(p), "model file missing", "run `make models` (needs ../shared/corpus)")
        from . import noise

        self.lm = SyllableLM.load(lm_path)
        table = noise.load(noise_path)
        self.obs: dict[str, dict[str, int]] = table["obs"]
        self.true: dict[str, int] = table["true"]
        vocab = self.lm.vocab
        self.vocab = set(vocab[2:])
        self.freq = dict(zip(vocab, self.lm.uni_count.tolist()))
        self.inventory = syllable_inventory(self.freq)
        self.by_key: dict[str, list[str]] = {}
        for w in sorted(self.inventory):
            self.by_key.setdefault(strip_marks(w), []).append(w)
        self.keys = list(self.by_key)
        # every lower-case form that is, or that OCR makes of, a Vietnamese syllable
        self.readable = set(self.by_key) | {o for o, t in self.obs.items() if any(w in self.inventory for w in t)}
        self.edit_cost = EditCosts(self.obs)
        self.marks = MarkChannel(noise.load(marks_path))
        # parts of document codes (NĐ-CP, QĐ-UBND, HĐND): the corpus's dominant marked form of each
        self.code_forms: dict[str, str] = {}
        best: dict[str, tuple[int, str]] = {}
        for w, c in self.freq.items():
            if w.isalpha() and split_syllable(w) is None and c >= 20:
                k = strip_marks(w)
                if c > best.get(k, (0, ""))[0]:
                    best[k] = (c, w)
        for k, (c, w) in best.items():
            if w != k and c >= 10 * self.freq.get(k, 0):
                self.code_forms[k] = w

    def logfreq(self, w: str) -> float:
        return math.log1p(self.freq.get(w, 0))


def syllable_inventory(freq: dict[str, int], min_count: int = 3) -> set[str]:
    """Valid syllables: Vietnamese syllable shape (onset, nucleus, coda, tone rules), seen at least
    ``min_count`` times, whose rhyme is common in the corpus (junk such as "íy" or "vẻe" is not)."""
    from collections import defaultdict

    shapes = {w: split_syllable(w) for w, c in freq.items() if c >= min_count and w.isalpha()}
    rhyme_freq: dict[str, int] = defaultdict(int)
    for w, sh in shapes.items():
        if sh:
            rhyme_freq[sh[1] + sh[2]] += freq[w]
    return {w for w, sh in shapes.items() if sh and rhyme_freq[sh[1] + sh[2]] >= 200}


class EditCosts:
    """Character edit costs learned from the noise table: how the letters of a syllable's bare key
    become the letters OCR printed ("u" -> "ii", "o" -> "6", "l" -> "1"), as -log probabilities."""

    def __init__(self, obs: dict[str, dict[str, int]]):
        from collections import Counter

        from rapidfuzz.distance import Levenshtein

        self.ops: Counter = Counter()
        self.chars: Counter = Counter()
        for o, trues in obs.items():
            ko = strip_marks(o)
            for t, c in trues.items():
                kt = strip_marks(t)
                for ch in kt:
                    self.chars[ch] += c
                for op in Levenshtein.editops(kt, ko):
                    if op.tag == "replace":
                        self.ops[("r", kt[op.src_pos], ko[op.dest_pos])] += c
                    elif op.tag == "delete":
                        self.ops[("d", kt[op.src_pos])] += c
                    else:
                        self.ops[("i", ko[op.dest_pos])] += c
        self.total = sum(self.chars.values()) or 1
        self.floor = 1e-3  # an edit never seen in the noise data (e.g. Đ read as P on a worn scan)

    @lru_cache(maxsize=100_000)
    def cost(self, key: str, observed: str) -> float:
        from rapidfuzz.distance import Levenshtein

        total = 0.0
        for op in Levenshtein.editops(key, observed):
            if op.tag == "replace":
                n, d = self.ops[("r", key[op.src_pos], observed[op.dest_pos])], self.chars[key[op.src_pos]]
            elif op.tag == "delete":
                n, d = self.ops[("d", key[op.src_pos])], self.chars[key[op.src_pos]]
            else:
                n, d = self.ops[("i", observed[op.dest_pos])], self.total / 4
            total -= math.log(max((n + 0.5) / (d + 10), self.floor))
        return total


class MarkChannel:
    """What Tesseract vie does to the marks of a syllable whose letters it reads right, learned from noisy scans
    of training text (``noise.mark_table``): log P(read | true) as the tone's confusion times each marked letter's
    ("ẩ" read as "ấ" is common, "dễ" read as "để" is not)."""

    VARIANTS = {"a": "aăâ", "ă": "aăâ", "â": "aăâ", "e": "eê", "ê": "eê", "o": "oôơ", "ô": "oôơ", "ơ": "oôơ",
                "u": "uư", "ư": "uư", "d": "dđ", "đ": "dđ"}

    def __init__(self, table: dict, alpha: float = 0.5):
        tones = [str(t) for t in range(6)]
        self.tone = {t: self._logp(table["tone"].get(t, {}), tones, alpha) for t in tones}
        self.letter = {a: self._logp(table["letter"].get(a, {}), list(v), alpha) for a, v in self.VARIANTS.items()}

    @staticmethod
    def _logp(counts: dict[str, int], outcomes: list[str], alpha: float) -> dict[str, float]:
        """log P(outcome) from the counts of one true value, add-alpha smoothed over its possible readings."""
        n = sum(counts.get(o, 0) for o in outcomes)
        return {o: math.log((counts.get(o, 0) + alpha) / (n + alpha * len(outcomes))) for o in outcomes}

    @lru_cache(maxsize=200_000)
    def logp(self, observed: str, true: str) -> float:
        """log P(observed | true) for two lower-case syllables with the same bare letters."""
        (bo, to), (bt, tt) = split_tone(observed), split_tone(true)
        lp = self.tone[str(tt)][str(to)]
        for a, b in zip(bt, bo):
            if a in self.letter:
                lp += self.letter[a].get(b, -20.0)
        return lp


@lru_cache(maxsize=2)
def load_models(directory: str = str(MODELS)) -> Models:
    return Models(Path(directory))


# ---------------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Tok:
    text: str
    line: int
    col: int
    lower: str
    fixed: bool  # numbers, codes, roman numerals: never changed


def _is_protected(text: str, line: str, start: int, end: int) -> bool:
    if text.islower() and text.isalpha():
        return False
    before = line[start - 1] if start > 0 else ""
    after = line[end] if end < len(line) else ""
    if text.isdigit():
        return True
    if len(text) == 1 and text.isupper() and after in "'’" and line[end + 1:end + 2].isalpha():
        return True  # the first letter of a name such as M’Drắk, H’Leo
    if len(text) == 1 and text.isupper() and after and after in ".)" and not line[:start].strip():
        return True  # an item label: "D. LĨNH VỰC ..."
    # a part of a code joined to another code-like part ("KH/TU", "NĐ-CP"; not "Du lịch/SG Văn hóa" = Sở)
    left = re.search(r"\w+$", line[:start - 1]) if before in "-/&" and start > 1 else None
    right = re.match(r"\w+", line[end + 1:]) if after in "-/&" else None
    joined = any(p and (p.group().isupper() or any(c.isdigit() for c in p.group())) for p in (left, right))
    letters = [c for c in text if c.isalpha()]
    if "&" in text and len(letters) >= 3 and all(c.isupper() for c in letters):  # KH&CN, QLVB&DH
        return True
    if joined and (any(c.isdigit() for c in text) or (len(letters) >= 2 and all(c.isupper() for c in letters))):
        return True
    if ROMAN.match(text) and after in ".-)":
        return True
    if ROMAN_LIKE_TOKEN.match(text) and not line[:start].strip():
        nxt = NEXT_WORD.match(line, end)
        if after in ".)" or nxt and len(nxt.group(1)) >= 2 and nxt.group(1).isupper():
            return True
    return False


# English-model OCR reads a hooked or horned vowel as "?" after the word ("di? liệu" = dữ liệu, "Căn ct? Kế hoạch" = cứ,
# "lần thi? VII" = thứ): in legacy OCR a "?" glued to a short word with the sentence going on after it is part of the word
QMARK_WORD = re.compile(r"[^\W\d_]{1,4}")
GOES_ON = re.compile(r"[ \t]+\w")


def tokenize(text: str, qmarks: bool = False) -> list[list[Tok]]:
    """Segments (sentences) of tokens with their positions; ``qmarks``: take a glued "?" into its word (legacy OCR)."""
    segments: list[list[Tok]] = [[]]
    for lno, line in enumerate(text.split("\n"), start=1):
        if not line.strip() and segments[-1]:
            segments.append([])
        pos = 0
        verbatim = [v.span() for v in VERBATIM.finditer(line)] if ("@" in line or "." in line) else []
        for m in TOKEN.finditer(line):
            gap = line[pos:m.start()]
            if BREAK.search(gap) and segments[-1]:
                segments.append([])
            pos = m.end()
            if verbatim and any(a <= m.start() < b for a, b in verbatim):
                if segments[-1]:
                    segments.append([])
                continue
            t = m.group()
            if qmarks and line[m.end():m.end() + 1] == "?" and QMARK_WORD.fullmatch(t) and GOES_ON.match(line, m.end() + 1):
                t += "?"
                pos += 1
            segments[-1].append(Tok(t, lno, m.start(), t.lower(), _is_protected(t, line, m.start(), m.end())))
        if BREAK.search(line[pos:]) and segments[-1]:
            segments.append([])
    return [s for s in segments if s]


def _short(seg: list[Tok]) -> bool:
    return sum(1 for t in seg if t.lower.isalpha() and not t.fixed) < 4


def is_foreign(seg: list[Tok], m: "Models") -> bool:
    """A sentence in another language (an English translation inside a Vietnamese document): a third
    of its words are long plain-letter words (not acronyms) that no Vietnamese syllable is, or is read
    as by OCR."""
    if _short(seg):
        return False
    words = [t for t in seg if t.lower.isalpha() and not t.fixed]
    alien = sum(1 for t in words if len(t.lower) >= 5 and t.lower.isascii() and not t.text.isupper()
                and t.lower not in m.readable)
    return alien >= 2 and alien >= len(words) / 3


def _capital_runs(seg: list[Tok], m: "Models") -> list[list[Tok]]:
    """Runs of two or more Vietnamese words in capitals ("THU VIEN PHAP LUAT") of a sentence."""
    runs: list[list[Tok]] = [[]]
    for t in seg:
        if t.text.isupper() and t.text.isalpha() and not t.fixed and t.lower in m.readable:
            runs[-1].append(t)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if len(r) >= 2]


def is_leader(lower: str, m: "Models") -> bool:
    """A token that is a dotted leader read as letters: only round letters, mostly "e" and "c", and
    nothing a syllable is read as more than once ("eee", "cece", "eeeeeeeeenaeennenas", "ccc"; not "cac" = các)."""
    if not LEADER_LETTERS.match(lower) or lower in m.by_key or sum(m.obs.get(lower, {}).values()) >= 2:
        return False
    return sum(lower.count(c) for c in "ec") >= 0.6 * len(lower)


def split_leaders(segments: list[list[Tok]], m: "Models") -> tuple[list[list[Tok]], list[Tok]]:
    """Take dotted-leader tokens out of the segments (they break a segment, like punctuation)."""
    out: list[list[Tok]] = []
    leaders: list[Tok] = []
    for seg in segments:
        cur: list[Tok] = []
        for t in seg:
            if not t.fixed and is_leader(t.lower, m):
                leaders.append(t)
                if cur:
                    out.append(cur)
                    cur = []
            else:
                cur.append(t)
        if cur:
            out.append(cur)
    return out, leaders


def detect_mode(segments: list[list[Tok]], models: Models) -> tuple[str, dict]:
    words = [t.lower for seg in segments for t in seg if not t.fixed and any(c.isalpha() for c in t.lower)]
    if not words:
        return "clean", {"words": 0}
    n = len(words)
    marked = sum(1 for w in words if strip_marks(w) != w) / n
    valid = sum(1 for w in words if normalize_syllable(w) in models.inventory) / n
    keyed = sum(1 for w in words if strip_marks(w) in models.by_key or w in models.obs) / n
    odd = sum(1 for w in words if not w.isalpha()) / n
    ev = {"words": n, "marked": round(marked, 4), "valid": round(valid, 4), "keyed": round(keyed, 4),
          "lookalike": round(odd, 4)}
    if keyed < 0.6 and n >= 20:
        return "foreign", ev
    if marked < 0.05:
        return "plain", ev
    if valid >= 0.995 and odd < 0.002:
        return "clean", ev
    if marked >= 0.5 or (valid >= 0.95 and odd < 0.01):
        # marks kept: Tesseract vie or born-digital text, whose codes and abbreviations (NTTS, KCN, m3)
        # lower the share of valid syllables; English-model OCR loses most marks (a fifth are left)
        return "vie", ev
    return "legacy", ev


def _is_acronym(text: str) -> bool:
    return len(text) >= 2 and text.isupper()


P_FOR_D = -2.0  # log-cost of reading a capital Đ as P


def _candidates(tok: Tok, mode: str, s: Settings, m: Models) -> list[tuple[str, float]]:
    """(syllable, channel log-score) pairs for one token."""
    if tok.fixed:
        if tok.text.isdigit():
            return [(NUM, 0.0)]
        form = tok.lower
        if mode in ("plain", "legacy"):  # each part of a code in its corpus form: QLVB&DH -> QLVB&ĐH
            form = "&".join(m.code_forms.get(strip_marks(p), p) for p in tok.lower.split("&"))
        return [(form, 0.0)]
    if tok.lower.endswith("?"):  # a mark read as "?": the word's candidates
        return _candidates(Tok(tok.text[:-1], tok.line, tok.col, tok.lower[:-1], tok.fixed), mode, s, m)
    lo = tok.lower
    norm = normalize_syllable(lo)
    cands: dict[str, float] = {}

    def add(w: str, score: float) -> None:
        if score > cands.get(w, -1e9):
            cands[w] = score

    if (norm in m.inventory and m.freq.get(norm, 0) >= s.rare) or (_is_acronym(tok.text) and norm in m.vocab):
        add(norm, s.identity)
    elif mode in ("plain", "legacy") and _is_acronym(tok.text) and strip_marks(lo) in m.code_forms:
        add(m.code_forms[strip_marks(lo)], s.identity)  # an abbreviation on its own, as in codes: HDND -> HĐND
    elif any(c.isalpha() for c in lo) and (tok.text.islower() and norm not in m.vocab
                                           or not lo.isalpha() and not any(c.isupper() for c in tok.text[1:])):
        # a lower-case word the corpus never writes: look-alike symbols ("c&c", "s6") or OCR garbage ("iy")
        add(norm, s.mixed_identity)
    else:  # a name, a foreign word, or OCR garbage: kept if nothing reads better
        add(norm, s.oov_identity)
    if lo.isalpha():
        if s.mark_weight > 0:  # how likely Tesseract vie reads w's marks as these
            own = m.marks.logp(norm, norm)
            for w in m.by_key.get(strip_marks(lo), ()):
                lp = float(np.logaddexp(m.marks.logp(norm, w), s.typo_logp))  # OCR's confusion, or a typist's slip
                add(w, s.mark_weight * (lp - own))
        else:
            for w in m.by_key.get(strip_marks(lo), ()):
                add(w, s.same_key)
    seen = m.obs.get(lo) if s.table_floor > -50 else None
    if seen:
        for w, c in seen.items():
            if w in m.inventory:
                add(w, max(math.log(c / m.true.get(w, c)), s.table_floor))
    if s.fuzzy > 0 and (norm not in m.inventory or mode == "legacy") and sum((seen or {}).values()) < 20:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        key = strip_marks(lo)
        near = process.extract(key, m.keys, scorer=Levenshtein.distance,
                               score_cutoff=2 if len(key) >= 3 else 1, limit=60)
        costs = sorted((m.edit_cost.cost(k, key), k) for k, _, _ in near if k != key)
        for cost, k in costs[:8]:
            for w in m.by_key[k]:
                add(w, s.same_key - s.fuzzy * cost)
    if mode == "legacy" and tok.text[:1] == "P" and tok.text[1:2] not in ("h", "H", "") and tok.text[1:].islower():
        # Đ read as P on a worn scan ("Pang" = Đảng, "Poan" = Đoàn: the seeds' README), which rendered pages seldom
        # show the noise model: the readings of the same word with Đ, a look-alike's cost more
        alt = Tok("D" + tok.text[1:], tok.line, tok.col, "d" + lo[1:], tok.fixed)
        for w, c in _candidates(alt, mode, s, m):
            if w.startswith("đ"):
                add(w, c + P_FOR_D)
    if not cands:
        return [(norm, 0.0)]
    ranked = sorted(((w, c, c + m.logfreq(w)) for w, c in cands.items()), key=lambda x: x[2], reverse=True)
    top = ranked[0][2]
    return [(w, c) for w, c, r in ranked[: s.max_candidates] if r >= top - s.margin]


NEG = np.float32(-1e9)

Lattice = list[list[tuple[str, float]]]


@dataclass
class Decoded:
    """One segment's decoding: the chosen candidate per position (index into its candidate list), and
    for each position the candidates kept after pruning (``slots``) with their local posteriors."""

    path: list[int]
    conf: list[float]  # local posterior of the chosen candidate
    slots: np.ndarray  # (positions, F): candidate index per kept slot, -1 for none
    post: np.ndarray  # (positions, F)


def _decode_all(lattices: list[Lattice], s: Settings, m: Models) -> list[Decoded]:
    """Decode segments in groups of similar length (padding is wasted work) and of similar width (the
    bigram pruning pass is only needed where a token has more than ``fine_candidates``), so that the
    dense arrays stay small."""
    kmax = [max(len(c) for c in lat) for lat in lattices]
    order = sorted(range(len(lattices)), key=lambda i: (kmax[i] > s.fine_candidates, len(lattices[i]), kmax[i]))
    results: list = [None] * len(lattices)
    group: list[int] = []
    k = length = 0
    budget = 3_000_000

    def cost(n: int, length: int, kk: int) -> int:
        return n * (length + 4) * max(kk * kk, min(kk, s.fine_candidates) ** 3)

    for i in order + [None]:
        if group and (i is None or (kmax[i] > s.fine_candidates) != (k > s.fine_candidates)
                      or cost(len(group) + 1, max(length, len(lattices[i])), max(k, kmax[i])) > budget):
            for gi, res in zip(group, _decode_group([lattices[g] for g in group], s, m)):
                results[gi] = res
            group, k, length = [], 0, 0
        if i is not None:
            group.append(i)
            k, length = max(k, kmax[i]), max(length, len(lattices[i]))
    return results


def _decode_group(lattices: list[Lattice], s: Settings, m: Models) -> list[Decoded]:
    """Coarse to fine, vectorised over a group of segments.

    Segments are padded to one length (two <s> positions before, two free positions after) and
    candidate lists to K slots. A bigram forward-backward pass keeps, per position, the ``fine_candidates``
    slots whose posterior is at least e^``prune_logp``; trigram Viterbi then decodes the kept slots, the
    LM queried once for every valid slot triple. Local posteriors re-score each position with the chosen
    neighbours fixed: P(c | z-2, z-1) P(z+1 | z-1, c) P(z+2 | c, z+1), read from the same table.
    """
    lm, index = m.lm, m.lm.index
    S = len(lattices)
    lens = np.array([len(lat) for lat in lattices])
    L = int(lens.max())
    K = max(len(c) for lat in lattices for c in lat)
    P = L + 4
    # dense arrays, filled in one vectorised assignment
    flat_ids: list[int] = []
    flat_ch: list[float] = []
    ks: list[int] = []
    seen: dict[int, tuple[list[int], list[float]]] = {}  # candidate lists are shared between tokens
    for lat in lattices:
        for cands in lat:
            pre = seen.get(id(cands))
            if pre is None:
                pre = seen[id(cands)] = ([index.get(w, 1) for w, _ in cands], [c for _, c in cands])
            ks.append(len(cands))
            flat_ids.extend(pre[0])
            flat_ch.extend(pre[1])
    ks_a = np.array(ks)
    seg_of = np.repeat(np.arange(S), lens)
    pos_of = np.arange(len(ks)) - np.repeat(np.cumsum(lens) - lens, lens) + 2
    tok_of = np.repeat(np.arange(len(ks)), ks_a)
    slot_of = np.arange(len(flat_ids)) - np.repeat(np.cumsum(ks_a) - ks_a, ks_a)
    ids = np.zeros((S, P, K), dtype=np.uint64)
    ch = np.full((S, P, K), NEG, dtype=np.float32)
    ch[:, :, 0] = 0.0  # <s> and padding: one free slot
    ids[seg_of[tok_of], pos_of[tok_of], slot_of] = flat_ids
    ch[seg_of[tok_of], pos_of[tok_of], slot_of] = flat_ch
    real = np.zeros((S, P), dtype=bool)
    real[seg_of, pos_of] = True
    valid = ch > NEG / 2
    rows = np.arange(S)
    slots = np.broadcast_to(np.arange(K), (S, P, K)).copy()
    F = min(K, s.fine_candidates)
    if K > F:
        # bigram forward-backward over positions 1 .. L+1 (pairs (p-1, p) for p = 2 .. L+1), time-major
        # so that each step reads one contiguous block
        vt, rt = valid.transpose(1, 0, 2), real.T  # (P, S, K), (P, S)
        mask = vt[1:L + 1, :, :, None] & vt[2:L + 2, :, None, :] & rt[2:L + 2, :, None, None]  # (L, S, K, K)
        t_, si_, kb, kc = np.nonzero(mask)
        lp2 = np.full(mask.shape, NEG, dtype=np.float32)
        lp2[t_, si_, kb, kc] = (s.lm_weight * lm.bigram_logprob(ids[si_, t_ + 1, kb], ids[si_, t_ + 2, kc])
                                + ch[si_, t_ + 2, kc])
        pad_t, pad_s = np.nonzero(~rt[2:L + 2])
        lp2[pad_t, pad_s, :, 0] = 0.0  # past a segment's end: one free slot
        alpha = np.empty((L + 1, S, K), dtype=np.float32)
        alpha[0] = np.where(np.arange(K) == 0, 0.0, NEG)
        # max-marginals (the best path through each slot), cheaper than sums of exponentials and as good
        # for pruning: a slot is kept when its best path is within e^-prune_logp of the best one
        for t in range(L):
            alpha[t + 1] = (alpha[t, :, :, None] + lp2[t]).max(axis=1)
        beta = np.zeros((L + 1, S, K), dtype=np.float32)
        for t in range(L - 1, -1, -1):
            beta[t] = (lp2[t] + beta[t + 1, :, None, :]).max(axis=2)
        gamma = (alpha + beta - alpha[L].max(axis=1)[None, :, None])[1:].transpose(1, 0, 2)  # positions 2..L+1
        order = np.argsort(-gamma, axis=2)[:, :, :F]
        g_sorted = np.take_along_axis(gamma, order, axis=2)
        keep = g_sorted >= s.prune_logp
        keep[:, :, 0] = True
        sub = np.zeros((S, P, F), dtype=np.int64)
        sub[:, 2:L + 2] = order
        ids = np.take_along_axis(ids, sub, axis=2)
        ch = np.take_along_axis(ch, sub, axis=2)
        ch[:, 2:L + 2] = np.where(keep & (np.take_along_axis(valid[:, 2:L + 2], order, axis=2)),
                                  ch[:, 2:L + 2], NEG)
        slots = sub
        valid = ch > NEG / 2
        K = F
    # trigram Viterbi: step t predicts position t + 2 from (t, t + 1)
    mask = (valid[:, :-2, :, None, None] & valid[:, 1:-1, None, :, None] & valid[:, 2:, None, None, :]
            & real[:, 2:, None, None, None])
    si_, t_, ka, kb, kc = np.nonzero(mask)
    lp = np.zeros(mask.shape, dtype=np.float32)
    lp[si_, t_, ka, kb, kc] = s.lm_weight * lm.logprob(ids[si_, t_, ka], ids[si_, t_ + 1, kb], ids[si_, t_ + 2, kc])
    score = np.full((S, K, K), NEG, dtype=np.float32)
    score[:, 0, 0] = 0.0
    back = np.zeros((L, S, K, K), dtype=np.int16)
    for t in range(L):
        tot = score[:, :, :, None] + lp[:, t] + ch[:, t + 2][:, None, None, :]
        back[t] = tot.argmax(axis=1)
        score = tot.max(axis=1)
    z = np.zeros((S, P), dtype=np.int64)
    best = score.reshape(S, -1).argmax(axis=1)
    z[:, L], z[:, L + 1] = best // K, best % K
    for p in range(L + 1, 1, -1):
        z[:, p - 2] = back[p - 2][rows, z[:, p - 1], z[:, p]]
    q = np.arange(L)  # position p = q + 2
    r2 = rows[:, None]
    tot = (ch[:, 2:L + 2]
           + lp[r2, q[None, :], z[:, q], z[:, q + 1]]
           + lp[r2, q[None, :] + 1, z[:, q + 1], :, z[:, q + 3]]
           + lp[r2, q[None, :] + 2, :, z[:, q + 3], z[:, q + 4]])
    tot = np.where(valid[:, 2:L + 2], tot, NEG)
    e = np.exp(tot - tot.max(axis=2, keepdims=True))
    post = e / e.sum(axis=2, keepdims=True)
    kept = np.where(valid[:, 2:L + 2], slots[:, 2:L + 2], -1)
    chosen = np.take_along_axis(slots[:, 2:L + 2], z[:, 2:L + 2, None], axis=2)[:, :, 0]
    conf = np.take_along_axis(post, z[:, 2:L + 2, None], axis=2)[:, :, 0]
    return [Decoded(chosen[si, :n].tolist(), conf[si, :n].tolist(), kept[si, :n], post[si, :n])
            for si, n in enumerate(lens.tolist())]


def apply_case(original: str, syllable: str, upper_line: bool = True) -> str:
    """The original token's case on the chosen syllable. A short all-capital token in a line that is
    not in capitals is a capitalised word whose marked vowel OCR read as a capital ("BO" for "Bộ")."""
    if original.islower():
        return syllable
    if not upper_line and ((len(original) <= 3 and original.isupper())
                           or (original[:1].isupper() and original[-1:].islower())):  # "NOi" for "Nội"
        return syllable[:1].upper() + syllable[1:]
    letters = [c for c in original if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if upper >= 2 and upper >= 0.6 * len(letters):
        return syllable.upper()
    if original[:1].isupper() or (not original[:1].isalpha() and upper):
        return syllable[:1].upper() + syllable[1:]
    return syllable


def _capitals_around(seg: list[Tok], i: int) -> bool:
    """A neighbour is a word in capitals too ("THU VIEN PHAP LUAT" in a lower-case line), looking past one short
    token OCR garbled ("PHQ Bl THU" = PHÓ BÍ THƯ of a signature)."""
    def caps(j: int) -> bool:
        return 0 <= j < len(seg) and len(seg[j].text) >= 3 and seg[j].text.isalpha() and seg[j].text.isupper()

    def short(j: int) -> bool:
        return 0 <= j < len(seg) and len(seg[j].text) <= 2 and not caps(j)

    return caps(i - 1) or caps(i + 1) or (short(i - 1) and caps(i - 2)) or (short(i + 1) and caps(i + 2))


def _mostly_upper(line: str) -> bool:
    words = [w for w in TOKEN.findall(line) if len(w) >= 2 and any(c.isalpha() for c in w)]
    return bool(words) and sum(1 for w in words if w.isupper()) > 0.5 * len(words)  # ("1. SG Y té" = Sở: half)


def restore_text(text: str, mode: str = "auto", models: Optional[Models] = None,
                 path: Optional[str] = None) -> RestoreResult:
    """Python API: restore ``text``; ``mode`` is ``auto`` or one of ``MODES``."""
    m = models or load_models()
    text = unicodedata.normalize("NFC", text)
    segments = tokenize(text)
    if mode != "auto" and mode not in MODES:
        raise ValueError(f"restore_text: mode must be 'auto' or one of {MODES}, not {mode!r}")
    detected, evidence = detect_mode(segments, m)
    if mode == "auto":
        if detected == "foreign":
            raise NotVietnamese(path, f"this does not read as Vietnamese (only {evidence['keyed']:.0%} of words "
                                      "are Vietnamese syllables)")
        mode = detected
    if mode == "legacy" and "?" in text:
        segments = tokenize(text, qmarks=True)
    s = SETTINGS[mode]
    lines = text.split("\n")
    edits: dict[int, list[tuple[int, int, str]]] = {}
    # other languages are left as they are, but for Vietnamese names in capitals inside them
    segments = [part for seg in segments
                for part in (_capital_runs(seg, m) if is_foreign(seg, m) else [seg])]
    if mode == "legacy":  # dotted leaders of forms come back as dots
        segments, leaders = split_leaders(segments, m)
        for t in leaders:
            edits.setdefault(t.line, []).append((t.col, t.col + len(t.text), "." * len(t.text)))
    memo: dict[tuple[str, bool], list[tuple[str, float]]] = {}

    def cands(t: Tok) -> list[tuple[str, float]]:
        key = (t.lower, t.fixed)
        if key not in memo:
            memo[key] = _candidates(t, mode, s, m)
        return memo[key]

    lattices = [[cands(t) for t in seg] for seg in segments]
    n_tokens = sum(len(seg) for seg in segments)
    todo = [i for i, (lat, seg) in enumerate(zip(lattices, segments))
            if not all(len(c) == 1 and c[0][0] == normalize_syllable(t.lower) for c, t in zip(lat, seg))]
    decoded = dict(zip(todo, _decode_all([lattices[i] for i in todo], s, m)))
    pending = []
    upper_lines = ({i + 1 for i, ln in enumerate(lines) if _mostly_upper(ln)} if mode == "legacy"
                   else set(range(1, len(lines) + 1)))
    for si, seg in enumerate(segments):
        d = decoded.get(si)
        for i, tok in enumerate(seg):
            cands = lattices[si][i]
            if tok.fixed:
                form = cands[0][0]
                if form != NUM and form != tok.lower:
                    edits.setdefault(tok.line, []).append((tok.col, tok.col + len(tok.text), apply_case(tok.text, form)))
                continue
            k, conf = (d.path[i], d.conf[i]) if d else (0, 1.0)
            word = cands[k][0]
            if word == normalize_syllable(tok.lower):
                out = tok.text if normalize_syllable(tok.text) == tok.text else apply_case(tok.text, word)
            elif conf < s.min_confidence or word == NUM:
                out = tok.text
            elif mode in ("vie", "clean") and i > 0 and tok.text[:1].isupper() and not tok.text.isupper() \
                    and normalize_syllable(tok.lower) in m.inventory:
                out = tok.text  # a name inside a sentence ("xã Na Son", "Nặm Lịch"), read right by vie OCR
            else:
                upper = tok.text.islower() or tok.line in upper_lines or _capitals_around(seg, i)  # (unused in lower case)
                out = apply_case(tok.text, word, upper)
                if mode == "legacy" and i > 0 and tok.text[0] == "I" and word[0] == "l" and tok.text[1:].islower():
                    out = word  # "quan Iy": a lower-case l read as a capital I, not a capital
                pending.append((tok, out, conf, cands, d.slots[i], d.post[i]))
            if out != tok.text:
                edits.setdefault(tok.line, []).append((tok.col, tok.col + len(tok.text), out))
    for lno, ed in edits.items():
        line = lines[lno - 1]
        for start, end, out in sorted(ed, reverse=True):
            line = line[:start] + out + line[end:]
        lines[lno - 1] = line
    return RestoreResult("\n".join(lines), mode, evidence, n_tokens, pending)
