"""Stage 5: compare plans (e.g. a province's plans for Directive 34 (2014) and Directive 41 (2024)).

Needs: two or more document JSONs from stage 4. Gives: task alignment (carried over, reworded, new,
dropped), a body x plan x role matrix, the mix of deadline kinds, themes that rise or fall, and the cited
documents of each plan; as tables (CSV) and one self-contained HTML report with embedded charts.

Tasks are the plan's numbered items that carry work (sections with text, annex rows), compared by
TF-IDF cosine over syllable uni- and bigrams blended with rapidfuzz's token-set ratio, and paired one to
one by the Hungarian algorithm (scipy).
"""
from __future__ import annotations

import base64
import html
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from .records import PlanDocument

CARRIED, REWORDED = 0.55, 0.30  # pair score thresholds
ROLES = ["lead", "responsible", "support", "requested", "report_to"]
KINDS = ["by", "range", "recurring", "ongoing", "event", "none"]
KIND_LABELS = {"by": "concrete date", "range": "date range", "recurring": "recurring", "ongoing": "ongoing (thường xuyên)",
               "event": "on an event", "none": "no deadline"}
# themes researchers ask about; more come from the data (terms whose share changes most)
THEMES = ["chuyển đổi số", "mạng xã hội", "người đứng đầu", "công nghệ thông tin", "cải cách hành chính",
          "điển hình tiên tiến", "khen thưởng", "thi đua", "cấp ủy", "tổ chức đảng", "kháng chiến",
          "nông thôn mới", "đổi mới sáng tạo", "dân chủ", "tiêu cực", "trục lợi", "cơ sở", "thủ tục hành chính",
          "Hội đồng Thi đua - Khen thưởng", "tuyên truyền", "kiểm tra, giám sát"]


@dataclass
class Plan:
    name: str  # short label: number, else doc_id
    doc: PlanDocument

    @property
    def text(self) -> str:
        return "\n".join([self.doc.preamble] + [f"{s.heading}\n{s.text}" for s in self.doc.sections])


def load_plans(paths: list[str]) -> list[Plan]:
    import json

    plans = []
    for p in paths:
        doc = PlanDocument.model_validate(json.loads(Path(p).read_text(encoding="utf-8")))
        plans.append(Plan(plan_label(doc), doc))
    return plans


def plan_label(doc: PlanDocument) -> str:
    """"197-KH/TU (2025)"; a plan without a number: its file's prefix and what it implements."""
    m = doc.metadata
    impl = next((i for i in m.implements if i.relation == "implements" and i.number), None)
    year = (m.date or (impl.date if impl else None) or "")[:4]
    if m.number:
        return f"{m.number} ({year})" if year else m.number
    if impl:
        return f"{doc.doc_id.split('_')[0]} (→ {impl.number}{', ' + year if year else ''})"
    return doc.doc_id


# ---------------------------------------------------------------------------------------------------
# Tasks


def tasks(plan: Plan) -> pd.DataFrame:
    """The items that carry work: sections with their own words (heading + text), not the part titles."""
    rows = []
    kids = {s.parent for s in plan.doc.sections}
    for s in plan.doc.sections:
        words = f"{s.heading} {s.text}".strip()
        if s.level == 1 and s.id in kids:
            continue
        if s.id in kids and len(s.text.split()) < 8:
            continue  # a heading over its items: the items are the tasks
        if len(words.split()) < 5:
            continue
        rows.append({"plan": plan.name, "section": s.id, "heading": s.heading, "text": _norm(words)})
    return pd.DataFrame(rows)


def _norm(s: str) -> str:
    s = re.sub(r"\d+[-/][A-ZĐ][\w/.-]*", " ", s)  # document codes say little about the task
    return " ".join(re.findall(r"[^\W\d_]+", s.lower()))


def similarity(a: list[str], b: list[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
    m = vec.fit_transform(a + b)
    cos = (m[: len(a)] @ m[len(a):].T).toarray()
    fz = np.array([[fuzz.token_set_ratio(x, y) / 100 for y in b] for x in a])
    return 0.6 * cos + 0.4 * fz


def align_tasks(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """One-to-one pairs between the tasks of plan A and plan B, each with its score and status."""
    from scipy.optimize import linear_sum_assignment

    rows = []
    if len(a) and len(b):
        sim = similarity(list(a.text), list(b.text))
        ia, ib = linear_sum_assignment(-sim)
        paired_a, paired_b = set(), set()
        for i, j in zip(ia, ib):
            sc = float(sim[i, j])
            if sc < REWORDED:
                continue
            paired_a.add(i)
            paired_b.add(j)
            rows.append({"status": "carried over" if sc >= CARRIED else "reworded", "score": round(sc, 3),
                         "section_a": a.section.iloc[i], "task_a": a.heading.iloc[i],
                         "section_b": b.section.iloc[j], "task_b": b.heading.iloc[j]})
        for i in range(len(a)):
            if i not in paired_a:
                rows.append({"status": "dropped", "score": round(float(sim[i].max()), 3) if sim.size else 0.0,
                             "section_a": a.section.iloc[i], "task_a": a.heading.iloc[i], "section_b": None,
                             "task_b": None})
        for j in range(len(b)):
            if j not in paired_b:
                rows.append({"status": "new", "score": round(float(sim[:, j].max()), 3) if sim.size else 0.0,
                             "section_a": None, "task_a": None, "section_b": b.section.iloc[j],
                             "task_b": b.heading.iloc[j]})
    order = {"carried over": 0, "reworded": 1, "new": 2, "dropped": 3}
    df = pd.DataFrame(rows, columns=["status", "score", "section_a", "task_a", "section_b", "task_b"])
    return df.sort_values(["status", "score"], key=lambda c: c.map(order) if c.name == "status" else -c) \
        .reset_index(drop=True)


# ---------------------------------------------------------------------------------------------------
# Bodies, deadlines, themes, citations


def assignments(plans: list[Plan]) -> pd.DataFrame:
    rows = [{"plan": p.name, "section": a.section, "body": a.body, "role": a.role, "deadline": a.deadline.kind}
            for p in plans for a in p.doc.assignments]
    return pd.DataFrame(rows, columns=["plan", "section", "body", "role", "deadline"])


def body_matrix(plans: list[Plan]) -> pd.DataFrame:
    """Body x (plan, role): how many assignments each body has in each role."""
    df = assignments(plans)
    if df.empty:
        return pd.DataFrame()
    m = df.pivot_table(index="body", columns=["plan", "role"], values="section", aggfunc="count", fill_value=0)
    return m.loc[m.sum(axis=1).sort_values(ascending=False).index]


def lead_changes(plans: list[Plan]) -> pd.DataFrame:
    """Bodies that lead (lead or responsible) in one plan and not in another."""
    df = assignments(plans)
    leads = df[df.role.isin(["lead", "responsible"])].groupby(["body", "plan"]).size().unstack(fill_value=0)
    for p in plans:
        if p.name not in leads:
            leads[p.name] = 0
    leads = leads[[p.name for p in plans]]
    only = []
    for body, row in leads.iterrows():
        present = [p.name for p in plans if row[p.name] > 0]
        if 0 < len(present) < len(plans):
            only.append({"body": body, "leads_only_in": ", ".join(present), **{p.name: int(row[p.name]) for p in plans}})
    return pd.DataFrame(only).sort_values("leads_only_in") if only else pd.DataFrame(columns=["body", "leads_only_in"])


def deadline_mix(plans: list[Plan]) -> pd.DataFrame:
    """Share of each deadline kind among a plan's tasks (one per section and deadline)."""
    df = assignments(plans)
    rows = []
    for p in plans:
        d = df[df.plan == p.name].drop_duplicates(["section", "deadline"])
        n = len(d)
        for k in KINDS:
            c = int((d.deadline == k).sum())
            rows.append({"plan": p.name, "kind": k, "label": KIND_LABELS[k], "tasks": c,
                         "share": round(c / n, 3) if n else 0.0})
    return pd.DataFrame(rows)


def _syllables(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())


def themes(plans: list[Plan], top: int = 12) -> pd.DataFrame:
    """Counts per plan (and per 10,000 syllables) of the listed themes and of the uni-/bi-/trigrams whose
    share changes most between the first and the last plan (smoothed log ratio)."""
    from collections import Counter

    from underthesea import word_tokenize

    grams: list[Counter] = []
    sizes = []
    for p in plans:
        sizes.append(len(_syllables(p.text)))
        c: Counter = Counter()
        # words (underthesea's segmentation) and word bigrams, never across punctuation
        for seg in re.split(r"[.,;:!?()“”\"\n]+", p.text.lower()):
            words = [w for w in word_tokenize(seg) if re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", w)]
            c.update(words)
            c.update(f"{a} {b}" for a, b in zip(words, words[1:]))
        for t in THEMES:
            c[t.lower()] = p_count(p.text, t)
        grams.append(c)
    terms = {t.lower(): "listed" for t in THEMES}
    first, last = grams[0], grams[-1]
    vocab = [g for g in set(first) | set(last) if len(g.split()) >= 2 and first[g] + last[g] >= 4
             and not _stop_gram(g) and g not in terms]

    def lr(g: str) -> float:
        return float(np.log((last[g] + 0.5) / (sizes[-1] + 1)) - np.log((first[g] + 0.5) / (sizes[0] + 1)))

    for g in sorted(vocab, key=lr)[:top] + sorted(vocab, key=lr)[-top:]:
        terms.setdefault(g, "found")
    rows = []
    for t, origin in terms.items():
        counts = [grams[i][t] for i in range(len(plans))]
        if sum(counts) == 0:
            continue
        row = {"term": t, "origin": origin}
        for p, c, n in zip(plans, counts, sizes):
            row[f"{p.name}"] = c
            row[f"{p.name} per 10k"] = round(10000 * c / max(n, 1), 1)
        row["change"] = round(row[f"{plans[-1].name} per 10k"] - row[f"{plans[0].name} per 10k"], 1)
        rows.append(row)
    return pd.DataFrame(rows).sort_values("change").reset_index(drop=True)


def p_count(text: str, term: str) -> int:
    return len(re.findall(re.escape(term.lower()), text.lower()))


STOPWORDS = {"và", "của", "các", "những", "có", "được", "trong", "với", "cho", "để", "là", "theo", "tại", "về", "này",
             "đã", "từ", "trên", "một", "thực", "hiện", "số", "ngày", "năm", "tỉnh"}


def _stop_gram(g: str) -> bool:
    w = g.split()
    return w[0] in STOPWORDS or w[-1] in STOPWORDS


def citations(plans: list[Plan]) -> pd.DataFrame:
    rows = []
    for p in plans:
        seen: dict[str, dict] = {}
        for r in p.doc.references:
            k = (r.number or "").upper()
            d = seen.setdefault(k, {"plan": p.name, "doc_type": r.doc_type, "number": r.number, "date": r.date,
                                    "issuer": r.issuer, "times_cited": 0})
            d["times_cited"] += 1
            d["date"] = d["date"] or r.date
            d["issuer"] = d["issuer"] or r.issuer
        implements = {i.number.upper(): i.relation for i in p.doc.metadata.implements if i.number}
        for k, d in seen.items():
            d["relation"] = implements.get(k, "cited")
            rows.append(d)
    return pd.DataFrame(rows, columns=["plan", "doc_type", "number", "date", "issuer", "times_cited", "relation"])


# ---------------------------------------------------------------------------------------------------
# Charts and the report


def _figure_png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return buf.getvalue()


def chart_deadlines(mix: pd.DataFrame) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    piv = mix.pivot(index="plan", columns="label", values="share").fillna(0)
    piv = piv[[KIND_LABELS[k] for k in KINDS if KIND_LABELS[k] in piv]]
    fig, ax = plt.subplots(figsize=(7.5, 0.9 + 0.6 * len(piv)))
    piv.plot.barh(stacked=True, ax=ax, colormap="tab20c", width=0.6)
    ax.set_xlabel("share of tasks")
    ax.set_xlim(0, 1)
    ax.set_ylabel("")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=3, fontsize=8, frameon=False)
    ax.set_title("How concrete are the deadlines?")
    return _figure_png(fig)


def chart_bodies(plans: list[Plan], top: int = 15) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    df = assignments(plans)
    counts = df.groupby(["body", "plan"]).size().unstack(fill_value=0)
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=False).index[:top]].iloc[::-1]
    counts = counts[[p.name for p in plans if p.name in counts]]
    fig, ax = plt.subplots(figsize=(8, 0.8 + 0.32 * len(counts)))
    counts.plot.barh(ax=ax, width=0.75)
    ax.set_xlabel("assignments")
    ax.set_ylabel("")
    ax.set_title(f"Who is assigned work (top {len(counts)} bodies)")
    ax.tick_params(axis="y", labelsize=8)
    return _figure_png(fig)


def chart_themes(th: pd.DataFrame, plans: list[Plan]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    listed = th[th.origin == "listed"].copy()
    cols = [f"{p.name} per 10k" for p in plans]
    listed = listed.set_index("term")[cols].rename(columns=lambda c: c.replace(" per 10k", ""))
    listed = listed.loc[listed.max(axis=1).sort_values().index]
    fig, ax = plt.subplots(figsize=(8, 0.8 + 0.32 * len(listed)))
    listed.plot.barh(ax=ax, width=0.75)
    ax.set_xlabel("mentions per 10,000 syllables")
    ax.set_ylabel("")
    ax.set_title("Themes")
    ax.tick_params(axis="y", labelsize=8)
    return _figure_png(fig)


@dataclass
class Comparison:
    plans: list[Plan]
    alignment: pd.DataFrame
    bodies: pd.DataFrame
    lead_changes: pd.DataFrame
    deadlines: pd.DataFrame
    themes: pd.DataFrame
    citations: pd.DataFrame
    charts: dict[str, bytes]


def compare(plans: list[Plan]) -> Comparison:
    if len(plans) < 2:
        raise ValueError("compare needs two plans or more")
    base = tasks(plans[0])
    aligned = []
    for other in plans[1:]:
        al = align_tasks(base, tasks(other))
        al.insert(0, "plan_b", other.name)
        al.insert(0, "plan_a", plans[0].name)
        aligned.append(al)
    mix = deadline_mix(plans)
    th = themes(plans)
    charts = {"deadlines": chart_deadlines(mix), "bodies": chart_bodies(plans), "themes": chart_themes(th, plans)}
    return Comparison(plans, pd.concat(aligned, ignore_index=True), body_matrix(plans), lead_changes(plans), mix,
                      th, citations(plans), charts)


def write_outputs(c: Comparison, out: Path) -> list[Path]:
    from .outputs import write_atomic, write_atomic_with

    out.mkdir(parents=True, exist_ok=True)
    written = []
    tables = {"task_alignment": c.alignment, "body_roles": _flat(c.bodies), "lead_changes": c.lead_changes,
              "deadline_mix": c.deadlines, "themes": c.themes, "citations": c.citations}
    for name, df in tables.items():
        path = out / f"{name}.csv"
        write_atomic_with(path, lambda p, df=df: df.to_csv(p, index=False, encoding="utf-8-sig"))
        written.append(path)
    for name, png in c.charts.items():
        path = out / f"{name}.png"
        write_atomic(path, png)
        written.append(path)
    report = out / "report.html"
    write_atomic(report, render_html(c))
    written.append(report)
    return written


def _flat(m: pd.DataFrame) -> pd.DataFrame:
    if m.empty:
        return m
    flat = m.copy()
    flat.columns = [f"{p} | {r}" for p, r in flat.columns]
    return flat.reset_index()


def _img(png: bytes, alt: str) -> str:
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode()}">'


def _table(df: pd.DataFrame, max_rows: Optional[int] = None) -> str:
    if df is None or df.empty:
        return "<p><em>nothing</em></p>"
    return df.head(max_rows).to_html(index=False, escape=True, border=0, classes="t", na_rep="")


def render_html(c: Comparison) -> str:
    names = [p.name for p in c.plans]
    al = c.alignment
    counts = al.groupby(["plan_b", "status"]).size().unstack(fill_value=0) if not al.empty else pd.DataFrame()
    summary_rows = []
    for p in c.plans:
        m = p.doc.metadata
        summary_rows.append({"plan": p.name, "issuer": m.issuer, "date": m.date, "title": m.title,
                             "implements": "; ".join(f"{i.doc_type} {i.number}" for i in m.implements),
                             "sections": len(p.doc.sections), "assignments": len(p.doc.assignments)})
    mix = c.deadlines.pivot(index="label", columns="plan", values="share").reset_index()
    findings = _findings(c)
    parts = [
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'>",
        f"<title>So sánh kế hoạch: {html.escape(' / '.join(names))}</title>",
        "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;"
        "color:#222}table.t{border-collapse:collapse;font-size:13px;margin:.5em 0 1.5em}table.t td,table.t th"
        "{border:1px solid #ccc;padding:3px 6px;vertical-align:top}table.t th{background:#f0f0f0}"
        "img{max-width:100%;margin:.5em 0}h2{border-bottom:1px solid #ddd;padding-bottom:.2em}"
        ".note{color:#666;font-size:13px}</style></head><body>",
        f"<h1>Comparing plans: {html.escape(' vs '.join(names))}</h1>",
        "<p class='note'>Made by vnplan compare from the document JSONs of stage 4. Tasks are paired by "
        f"TF-IDF and token-set similarity (carried over: score ≥ {CARRIED}, reworded: ≥ {REWORDED}).</p>",
        "<h2>The plans</h2>", _table(pd.DataFrame(summary_rows)),
        "<h2>Findings</h2><ul>" + "".join(f"<li>{html.escape(f)}</li>" for f in findings) + "</ul>",
        "<h2>Tasks: carried over, reworded, new, dropped</h2>",
        _table(counts.reset_index()) if not counts.empty else "",
        _table(al.drop(columns=["plan_a"]), 200),
        "<h2>Bodies and their roles</h2>", _img(c.charts["bodies"], "assignments per body and plan"),
        "<h3>Who leads in one plan and not the other</h3>", _table(c.lead_changes),
        "<h3>Body × plan × role</h3>", _table(_flat(c.bodies)),
        "<h2>Deadlines</h2>", _img(c.charts["deadlines"], "deadline kinds per plan"), _table(mix),
        "<h2>Themes</h2>", _img(c.charts["themes"], "themes per plan"),
        "<p class='note'>Listed themes, then the terms whose share changes most from the first plan to the last "
        "(\"change\" is in mentions per 10,000 syllables).</p>", _table(c.themes),
        "<h2>Cited documents</h2>", _table(c.citations),
        "</body></html>",
    ]
    return "\n".join(parts)


def _findings(c: Comparison) -> list[str]:
    """Plain statements read off the tables (no judgement): shares, leaders, counts."""
    out = []
    df = assignments(c.plans)
    for p in c.plans:
        d = df[df.plan == p.name]
        if d.empty:
            continue
        leads = d[d.role.isin(["lead", "responsible"])].body.value_counts()
        top = ", ".join(f"{b} ({n})" for b, n in leads.head(3).items())
        mix = c.deadlines[c.deadlines.plan == p.name].set_index("kind").share
        out.append(f"{p.name}: {len(d)} assignments; most work goes to {top}. Deadlines: "
                   f"{mix.get('by', 0) + mix.get('range', 0):.0%} dated (a date or a quarter/range), "
                   f"{mix.get('recurring', 0):.0%} recurring, {mix.get('ongoing', 0):.0%} ongoing, "
                   f"{mix.get('none', 0) + mix.get('event', 0):.0%} without a date.")
    if not c.alignment.empty:
        s = c.alignment.status.value_counts()
        out.append(f"Tasks: {s.get('carried over', 0)} carried over, {s.get('reworded', 0)} reworded, "
                   f"{s.get('new', 0)} new, {s.get('dropped', 0)} dropped.")
    th = c.themes
    if not th.empty:
        up = th[th.change > 0].sort_values("change", ascending=False).head(4)
        down = th[th.change < 0].sort_values("change").head(4)
        if len(up):
            out.append("Rising: " + ", ".join(f"{t} ({ch:+.1f})" for t, ch in zip(up.term, up.change)))
        if len(down):
            out.append("Falling: " + ", ".join(f"{t} ({ch:+.1f})" for t, ch in zip(down.term, down.change)))
    return out
