"""The training corpus (``../shared/corpus``), split by document, and the tokenisation models share.

Only ``make models`` and the evaluation read the corpus; a fresh clone works from ``models/``.
Held-out documents (for the development sets) are chosen by a hash of their id, never by content, so
the split is reproducible and no held-out document is ever trained on.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .vietnamese import normalize_syllable, strip_marks

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
HOLDOUT_SHARE = {"plan": 0.3, "other": 0.12}  # of the official documents, by id hash

# a token is a run of letters, or a run of digits; everything else separates tokens
TOKEN = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
SENTENCE_BREAK = re.compile(r"[.;:!?\n]+")
NUM = "<num>"


@dataclass
class CorpusDoc:
    doc_id: str
    kind: str
    text: str


def is_heldout(doc: CorpusDoc) -> bool:
    h = int(hashlib.sha256(doc.doc_id.encode()).hexdigest()[:8], 16)
    return h / 0xFFFFFFFF < HOLDOUT_SHARE.get(doc.kind, HOLDOUT_SHARE["other"])


def official_documents(corpus: Path = DEFAULT_CORPUS) -> Iterator[CorpusDoc]:
    with gzip.open(corpus / "official_documents.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            yield CorpusDoc(d["id"], d["kind"], d["text"])


def training_texts(corpus: Path = DEFAULT_CORPUS) -> Iterator[str]:
    """Every paragraph the models may learn from: the codes and laws, and the non-held-out documents."""
    for name in ("phapdien.txt.gz", "laws_alqac.txt.gz"):
        with gzip.open(corpus / name, "rt", encoding="utf-8") as fh:
            yield from fh
    for doc in official_documents(corpus):
        if not is_heldout(doc):
            yield doc.text


def heldout_documents(corpus: Path = DEFAULT_CORPUS) -> list[CorpusDoc]:
    return [d for d in official_documents(corpus) if is_heldout(d)]


def lm_token(tok: str) -> str:
    """How a token enters the language model: lower case, old-style tones, numbers as one class."""
    if tok.isdigit():
        return NUM
    return normalize_syllable(tok.lower())


def sentences(text: str, marked_only: bool = False) -> Iterator[list[str]]:
    """LM token sequences: one per sentence (split at . ; : ! ? and line breaks).

    ``marked_only`` drops sentences typed without marks (some source documents have such passages:
    "Quyet dinh 2028/QD-UBND ..."), which would teach the model that unmarked syllables are text.
    """
    for chunk in SENTENCE_BREAK.split(text):
        raw = TOKEN.findall(chunk)
        if not raw:
            continue
        if marked_only:
            words = [t for t in raw if not t.isdigit() and not t.isupper()]
            if len(words) >= 4 and sum(1 for t in words if strip_marks(t) != t) < 0.2 * len(words):
                continue
        yield [lm_token(t) for t in raw]
