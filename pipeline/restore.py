"""Stage 2: restore Vietnamese diacritics and correct OCR errors.

A noisy channel: for each token, candidate syllables come from the OCR noise model (what syllables become
under English-model OCR, learned by ``noise``), from the mark-stripped key ("tinh" -> tình, tính, tỉnh...)
and, for forms never seen, from near keys after undoing look-alike characters ("s6" -> "so"). A syllable
trigram language model (``lm``) picks the best sequence with Viterbi decoding; each changed token gets a
confidence from its local posterior (the chosen neighbours fixed, the candidates re-scored).

The kind of text is detected (``detect_mode``): legacy English-model OCR, Tesseract ``vie`` output, text
typed without marks ("plain"), or text that is already correct ("clean"). Clean and ``vie`` text are only
changed where the model is sure, so good text is never made worse.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

from .corpus import NUM, lm_token
from .errors import MissingDependency, NotVietnamese
from .lm import SyllableLM
from .vietnamese import normalize_syllable, split_syllable, strip_marks

MODELS = Path(__file__).resolve().parent.parent / "models"
MODES = ("legacy", "vie", "plain", "clean")

# word runs, including the look-alike symbols English-model OCR puts inside Vietnamese words
TOKEN = re.compile(r"[\w¢€¥£§]+", re.UNICODE)
BREAK = re.compile(r"[.;:!?]|\n\s*\n")
ROMAN = re.compile(r"^[IVXL]+$")

@dataclass
class Settings:
    """Decoding weights per mode (tuned on the development half of the held-out documents)."""

    lm_weight: float = 1.0
    identity: float = 0.0  # log-score of keeping a valid syllable as it is
    oov_identity: float = -6.0  # ... and a token that is not a syllable we know
    same_key: float = -3.0  # a syllable with the same letters but other marks
    table_floor: float = -9.0  # floor of the learned channel
    fuzzy: float = 1.0  # weight of the learned edit cost of a near key (0: no near keys)
    min_confidence: float = 0.0  # a change needs at least this local posterior
    max_candidates: int = 10
    fine_candidates: int = 4  # kept per position after the bigram pass
    prune_logp: float = -7.0  # ... if their bigram posterior is at least e^this
    margin: float = 9.0  # drop candidates this far (log) below the best by channel + unigram


SETTINGS = {
    "legacy": Settings(identity=-1.0, same_key=-2.5, table_floor=-7.0, fuzzy=1.0, max_candidates=14),
    "plain": Settings(identity=-2.0, oov_identity=-4.0, same_key=-2.0, table_floor=-99.0, fuzzy=0.0),
    "vie": Settings(identity=0.0, oov_identity=-1.0, same_key=-6.0, table_floor=-99.0, fuzzy=1.5,
                    min_confidence=0.95),
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


@dataclass
class RestoreResult:
    text: str
    mode: str
    evidence: dict
    tokens: int
    changes: list[Change]

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
        lm_path, noise_path = directory / "syllable_lm.npz", directory / "noise_eng.json"
        for p in (lm_path, noise_path):
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
        self.edit_cost = EditCosts(self.obs)
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
        return float(np.log1p(self.freq.get(w, 0)))


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
            total += -float(np.log(max((n + 0.5) / (d + 10), self.floor)))
        return total


@lru_cache(maxsize=2)
def load_models(directory: str = str(MODELS)) -> Models:
    return Models(Path(directory))


# ---------------------------------------------------------------------------------------------------

@dataclass
class Tok:
    text: str
    line: int
    col: int
    lower: str
    fixed: bool  # numbers, codes, roman numerals: never changed


def _is_protected(text: str, line: str, start: int, end: int) -> bool:
    before = line[start - 1] if start > 0 else ""
    after = line[end] if end < len(line) else ""
    if text.isdigit():
        return True
    joined = (before in "-/" and start > 1 and line[start - 2].isalnum()) or \
             (after in "-/" and end + 1 < len(line) and line[end + 1].isalnum())
    letters = [c for c in text if c.isalpha()]
    if joined and (any(c.isdigit() for c in text) or (len(letters) >= 2 and all(c.isupper() for c in letters))):
        return True
    if ROMAN.match(text) and after in ".-)":
        return True
    return False


def tokenize(text: str) -> list[list[Tok]]:
    """Segments (sentences) of tokens with their positions."""
    segments: list[list[Tok]] = [[]]
    for lno, line in enumerate(text.split("\n"), start=1):
        if not line.strip() and segments[-1]:
            segments.append([])
        pos = 0
        for m in TOKEN.finditer(line):
            gap = line[pos:m.start()]
            if BREAK.search(gap) and segments[-1]:
                segments.append([])
            t = m.group()
            segments[-1].append(Tok(t, lno, m.start(), t.lower(), _is_protected(t, line, m.start(), m.end())))
            pos = m.end()
        if BREAK.search(line[pos:]) and segments[-1]:
            segments.append([])
    return [s for s in segments if s]


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
    if valid >= 0.95 and odd < 0.01:
        return "vie", ev
    return "legacy", ev


def _is_acronym(text: str) -> bool:
    return len(text) >= 2 and text.isupper()


def _candidates(tok: Tok, mode: str, s: Settings, m: Models) -> list[tuple[str, float]]:
    """(syllable, channel log-score) pairs for one token."""
    if tok.fixed:
        if tok.text.isdigit():
            return [(NUM, 0.0)]
        form = m.code_forms.get(strip_marks(tok.lower), tok.lower) if mode in ("plain", "legacy") else tok.lower
        return [(form, 0.0)]
    lo = tok.lower
    norm = normalize_syllable(lo)
    cands: dict[str, float] = {}

    def add(w: str, score: float) -> None:
        if score > cands.get(w, -1e9):
            cands[w] = score

    if norm in m.inventory or (_is_acronym(tok.text) and norm in m.vocab):
        add(norm, s.identity)
    else:  # a name, a foreign word, or OCR garbage: kept only if nothing reads better
        add(norm, s.oov_identity)
    if lo.isalpha():
        for w in m.by_key.get(strip_marks(lo), ()):
            add(w, s.same_key)
    seen = m.obs.get(lo) if s.table_floor > -50 else None
    if seen:
        for w, c in seen.items():
            if w in m.inventory:
                add(w, max(float(np.log(c / m.true.get(w, c))), s.table_floor))
    if s.fuzzy > 0 and (norm not in m.inventory or mode == "legacy") and sum((seen or {}).values()) < 20:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        key = strip_marks(lo)
        near = process.extract(key, m.keys, scorer=Levenshtein.distance,
                               score_cutoff=2 if len(key) > 3 else 1, limit=60)
        costs = sorted((m.edit_cost.cost(k, key), k) for k, _, _ in near if k != key)
        for cost, k in costs[:8]:
            for w in m.by_key[k]:
                add(w, s.same_key - s.fuzzy * cost)
    if not cands:
        return [(norm, 0.0)]
    ranked = sorted(((w, c, c + m.logfreq(w)) for w, c in cands.items()), key=lambda x: x[2], reverse=True)
    top = ranked[0][2]
    return [(w, c) for w, c, r in ranked[: s.max_candidates] if r >= top - s.margin]


NEG = np.float32(-1e9)


Lattice = list[list[tuple[str, float]]]


def _grouped(lattices: list[Lattice], fn, budget: int, power: int) -> list:
    """Run ``fn`` on groups of segments of similar candidate width and length (dense arrays stay small)."""
    kmax = [max(len(c) for c in lat) for lat in lattices]
    order = sorted(range(len(lattices)), key=lambda i: (kmax[i], len(lattices[i])))
    results: list = [None] * len(lattices)
    group: list[int] = []
    k = 0
    for i in order + [None]:
        if group and (i is None or (len(group) + 1) * len(lattices[i]) * max(k, kmax[i]) ** power > budget):
            for gi, res in zip(group, fn([lattices[g] for g in group])):
                results[gi] = res
            group, k = [], 0
        if i is not None:
            group.append(i)
            k = max(k, kmax[i])
    return results


def _decode_all(lattices: list[Lattice], s: Settings, m: Models) -> list[tuple[Lattice, list[int], np.ndarray]]:
    """Coarse to fine: a bigram forward-backward pass keeps the candidates with a real chance in
    context, then trigram Viterbi decodes what is left. Returns per segment the kept candidates, the best
    one per position and the local posteriors (positions x slots)."""
    pruned = _grouped(lattices, lambda g: _bigram_prune(g, s, m), 4_000_000, 2)
    decoded = _grouped(pruned, lambda g: _decode_group(g, s, m), 4_000_000, 3)
    return [(lat, path, post) for lat, (path, post) in zip(pruned, decoded)]


def _padded(lattices: list[Lattice], m: Models, lead: int, tail: int):
    """Dense arrays: ids and channel scores (S, lead + L + tail, K); padding slots score NEG; each
    <s> position before and each position after a segment has one free slot."""
    index = m.lm.index
    S, L = len(lattices), max(len(lat) for lat in lattices)
    K = max(len(c) for lat in lattices for c in lat)
    ids = np.zeros((S, lead + L + tail, K), dtype=np.uint64)
    ch = np.full((S, lead + L + tail, K), NEG, dtype=np.float32)
    ch[:, :, 0] = 0.0
    real = np.zeros((S, lead + L + tail), dtype=bool)
    for si, lat in enumerate(lattices):
        for t, cands in enumerate(lat):
            k = len(cands)
            ids[si, t + lead, :k] = [index.get(w, 1) for w, _ in cands]
            ch[si, t + lead, :k] = [c for _, c in cands]
        real[si, lead:len(lat) + lead] = True
    return ids, ch, real, S, L, K


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    mx = x.max(axis=axis, keepdims=True)
    return (mx + np.log(np.exp(x - mx).sum(axis=axis, keepdims=True))).squeeze(axis)


def _bigram_prune(lattices: list[Lattice], s: Settings, m: Models) -> list[Lattice]:
    ids, ch, real, S, L, K = _padded(lattices, m, 1, 0)
    if K <= s.fine_candidates:
        return lattices
    valid = ch > NEG / 2
    mask = valid[:, :-1, :, None] & valid[:, 1:, None, :] & real[:, 1:, None, None]  # (S, L, K, K)
    si_, t_, kb, kc = np.nonzero(mask)
    lp = np.zeros(mask.shape, dtype=np.float32)
    lp[si_, t_, kb, kc] = s.lm_weight * m.lm.bigram_logprob(ids[si_, t_, kb], ids[si_, t_ + 1, kc])
    # padding after a segment: slot 0 is free, the others impossible
    lp = np.where(mask | (~real[:, 1:, None, None] & (np.arange(K) == 0)[None, None, None, :]), lp, NEG)
    lp = lp + ch[:, 1:, None, :]
    alpha = np.empty((S, L + 1, K), dtype=np.float32)
    alpha[:, 0] = np.where(np.arange(K) == 0, 0.0, NEG)
    for t in range(L):
        alpha[:, t + 1] = _logsumexp(alpha[:, t, :, None] + lp[:, t], axis=1)
    beta = np.zeros((S, L + 1, K), dtype=np.float32)
    for t in range(L - 1, -1, -1):
        beta[:, t] = _logsumexp(lp[:, t] + beta[:, t + 1, None, :], axis=2)
    gamma = alpha + beta - _logsumexp(alpha[:, L], axis=1)[:, None, None]
    out = []
    for si, lat in enumerate(lattices):
        new = []
        for t, cands in enumerate(lat):
            if len(cands) <= 1:
                new.append(cands)
                continue
            g = gamma[si, t + 1, :len(cands)]
            order = np.argsort(-g)[: s.fine_candidates]
            keep = [int(j) for j in order if g[j] >= s.prune_logp] or [int(order[0])]
            new.append([cands[j] for j in keep])
        out.append(new)
    return out


def _decode_group(lattices, s: Settings, m: Models) -> list[tuple[list[int], np.ndarray]]:
    """Segments padded to one length L and candidate lists to K slots; one LM query for every valid
    (a, b, c) slot triple; the dynamic programme steps through positions for all segments together.
    Posteriors: each position re-scored with the chosen neighbours fixed,
    P(c | z-2, z-1) P(z+1 | z-1, c) P(z+2 | c, z+1), read from the same table."""
    lm = m.lm
    ids, ch, real, S, L, K = _padded(lattices, m, 2, 2)
    valid = ch > NEG / 2
    mask = (valid[:, :-2, :, None, None] & valid[:, 1:-1, None, :, None] & valid[:, 2:, None, None, :]
            & real[:, 2:, None, None, None])  # (S, L + 2, K, K, K): step t predicts position t + 2
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
    z = np.zeros((S, L + 4), dtype=np.int64)
    best = score.reshape(S, -1).argmax(axis=1)
    z[:, L], z[:, L + 1] = best // K, best % K
    rows = np.arange(S)
    for p in range(L + 1, 1, -1):
        z[:, p - 2] = back[p - 2][rows, z[:, p - 1], z[:, p]]
    q = np.arange(L)  # position p = q + 2
    r2 = rows[:, None]
    tot = (ch[:, 2:L + 2]
           + lp[r2, q[None, :], z[:, q], z[:, q + 1]]  # P(c | z-2, z-1)
           + lp[r2, q[None, :] + 1, z[:, q + 1], :, z[:, q + 3]]  # P(z+1 | z-1, c)
           + lp[r2, q[None, :] + 2, :, z[:, q + 3], z[:, q + 4]])  # P(z+2 | c, z+1)
    tot = np.where(valid[:, 2:L + 2], tot, NEG)
    e = np.exp(tot - tot.max(axis=2, keepdims=True))
    post = e / e.sum(axis=2, keepdims=True)
    return [(z[si, 2:len(lat) + 2].tolist(), post[si, :len(lat)]) for si, lat in enumerate(lattices)]


def apply_case(original: str, syllable: str) -> str:
    letters = [c for c in original if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if upper >= 2 and upper >= 0.6 * len(letters):
        return syllable.upper()
    if original[:1].isupper() or (not original[:1].isalpha() and upper):
        return syllable[:1].upper() + syllable[1:]
    return syllable


def restore_text(text: str, mode: str = "auto", models: Optional[Models] = None,
                 path: Optional[str] = None) -> RestoreResult:
    """Python API: restore ``text``; ``mode`` is ``auto`` or one of ``MODES``."""
    m = models or load_models()
    text = unicodedata.normalize("NFC", text)
    segments = tokenize(text)
    detected, evidence = detect_mode(segments, m)
    if mode == "auto":
        if detected == "foreign":
            raise NotVietnamese(path, f"this does not read as Vietnamese (only {evidence['keyed']:.0%} of words "
                                      "are Vietnamese syllables)")
        mode = detected
    s = SETTINGS[mode]
    lines = text.split("\n")
    edits: dict[int, list[tuple[int, int, str]]] = {}
    changes: list[Change] = []
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
    for si, seg in enumerate(segments):
        lattice, choice_idx, posts = decoded.get(si, (lattices[si], [0] * len(seg), np.ones((len(seg), 1))))
        for tok, cands, k, post in zip(seg, lattice, choice_idx, posts):
            if tok.fixed:
                form = cands[0][0]
                if form != NUM and form != tok.lower:
                    edits.setdefault(tok.line, []).append((tok.col, tok.col + len(tok.text), apply_case(tok.text, form)))
                continue
            post = post[:len(cands)]
            word = cands[k][0]
            keep = normalize_syllable(tok.lower)
            if word == keep:
                out = tok.text if normalize_syllable(tok.text) == tok.text else apply_case(tok.text, word)
            elif float(post[k]) < s.min_confidence or word == NUM:
                out = tok.text
            else:
                out = apply_case(tok.text, word)
                order = np.argsort(-post)[:4]
                changes.append(Change(tok.line, tok.col, tok.text, out, round(float(post[k]), 4),
                                      [(cands[j][0], round(float(post[j]), 4)) for j in order if j != k][:3]))
            if out != tok.text:
                edits.setdefault(tok.line, []).append((tok.col, tok.col + len(tok.text), out))
    for lno, ed in edits.items():
        line = lines[lno - 1]
        for start, end, out in sorted(ed, reverse=True):
            line = line[:start] + out + line[end:]
        lines[lno - 1] = line
    return RestoreResult("\n".join(lines), mode, evidence, n_tokens, changes)
