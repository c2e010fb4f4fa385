"""Tables over many document JSONs: documents, sections, assignments, references.

Written as CSV (UTF-8 with BOM, so Excel shows Vietnamese), Parquet, and one Excel workbook with a sheet
per table (header frozen, filters on, so analysts can filter by body, role and deadline).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .outputs import write_atomic_with
from .records import PlanDocument

TABLES = ("documents", "sections", "assignments", "references")


def build_tables(docs: list[PlanDocument]) -> dict[str, pd.DataFrame]:
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    for d in docs:
        m = d.metadata
        headings = {s.id: s.heading for s in d.sections}
        rows["documents"].append({
            "doc_id": d.doc_id, "doc_type": m.doc_type, "issuer": m.issuer, "number": m.number, "place": m.place,
            "date": m.date, "title": m.title,
            "implements": "; ".join(f"{i.doc_type or ''} {i.number or ''}".strip() for i in m.implements),
            "signer": m.signer.name if m.signer else None, "signer_position": m.signer.position if m.signer else None,
            "sections": len(d.sections), "assignments": len(d.assignments),
            "restore_mode": d.quality.restore.mode if d.quality.restore else None,
            "source": d.source.path, "sha256": d.source.sha256, "pipeline_version": d.pipeline_version})
        for s in d.sections:
            rows["sections"].append({"doc_id": d.doc_id, "section": s.id, "label": s.label, "level": s.level,
                                     "parent": s.parent, "heading": s.heading, "page": s.page, "line": s.line,
                                     "text": s.text})
        for a in d.assignments:
            rows["assignments"].append({
                "doc_id": d.doc_id, "task_id": a.task_id, "section": a.section,
                "section_heading": headings.get(a.section), "body": a.body, "body_raw": a.body_raw, "role": a.role,
                "deadline_kind": a.deadline.kind, "deadline_start": a.deadline.start, "deadline_end": a.deadline.end,
                "deadline_period": a.deadline.period, "deadline_text": a.deadline.text, "action": a.action,
                "page": a.page, "line": a.line})
        for r in d.references:
            rows["references"].append({"doc_id": d.doc_id, "doc_type": r.doc_type, "number": r.number,
                                       "date": r.date, "issuer": r.issuer, "section": r.section, "page": r.page,
                                       "line": r.line, "text": r.text})
    frames = {}
    for t in TABLES:
        df = pd.DataFrame(rows[t])
        for col in ("date", "deadline_start", "deadline_end"):
            if col in df:
                df[col] = pd.to_datetime(df[col], errors="coerce").dt.date
        frames[t] = df
    return frames


def write_tables(frames: dict[str, pd.DataFrame], out: Path, name: str = "plans") -> list[Path]:
    """``out/<table>.csv`` and ``.parquet`` for each table, and ``out/<name>.xlsx`` with a sheet each."""
    written = []
    for t, df in frames.items():
        csv = out / f"{t}.csv"
        write_atomic_with(csv, lambda p, df=df: df.to_csv(p, index=False, encoding="utf-8-sig"))
        pq = out / f"{t}.parquet"
        write_atomic_with(pq, lambda p, df=df: df.to_parquet(p, index=False))
        written += [csv, pq]
    xlsx = out / f"{name}.xlsx"
    write_atomic_with(xlsx, lambda p: _excel(frames, p))
    written.append(xlsx)
    return written


EXCEL_CELL = 32_767  # Excel's limit on a cell's characters (CSV and Parquet keep the whole text)


def _excel_cell(v):
    """A cell as Excel can hold it: a text longer than Excel's limit is cut, and says so."""
    if isinstance(v, str) and len(v) > EXCEL_CELL:
        mark = " […cut: the whole text is in the CSV and Parquet files]"
        return v[:EXCEL_CELL - len(mark)] + mark
    return v


def _excel(frames: dict[str, pd.DataFrame], path: str) -> None:
    from openpyxl.utils import get_column_letter

    with pd.ExcelWriter(path, engine="openpyxl") as xw:
        for t, df in frames.items():
            df = df.map(_excel_cell)
            df.to_excel(xw, sheet_name=t, index=False)
            ws = xw.sheets[t]
            ws.freeze_panes = "A2"
            if len(df.columns):
                ws.auto_filter.ref = f"A1:{get_column_letter(len(df.columns))}{len(df) + 1}"
            for i, col in enumerate(df.columns, start=1):
                width = max([len(str(col))] + [len(str(v)) for v in df[col].head(200)]) if len(df) else len(col)
                ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, width + 2))
