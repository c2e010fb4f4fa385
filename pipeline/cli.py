"""``vnplan``: the command line. I/O and error reporting live here; the stages stay pure."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional

from . import __version__
from .restore import MODES as RESTORE_MODES
from .errors import (EXIT_BATCH_MIXED, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, CorruptInput, InputNotFound, UsageError,
                     VnplanError)

EXIT_CODES_HELP = """exit codes:
  0  success                        8  no text found (blank or non-text image)
  1  internal error (rerun with -v) 9  page too large for memory
  2  usage error                   10  several inputs failed for different reasons
  3  input not found               11  missing dependency (Tesseract, model): run make setup
  4  unsupported file type         12  cannot write output
  5  corrupt or damaged file       13  not Vietnamese text
  6  encrypted PDF
  7  empty file or PDF with no pages
With several inputs, a bad one does not stop the others; the exit code is that of the failures."""


class Reporter:
    """Progress bar on a terminal only; one line per failure; a summary for batches."""

    def __init__(self, verbose: bool):
        self.verbose = verbose
        self.bar = None

    def start(self, total: int, unit: str) -> None:
        if sys.stderr.isatty() and total > 1:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=unit, file=sys.stderr, leave=False)

    def advance(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def error(self, err: VnplanError) -> None:
        print(f"vnplan: {err}", file=sys.stderr)
        if self.verbose and err.__traceback__ is not None:
            import traceback

            traceback.print_exception(err, file=sys.stderr)


def batch_exit_code(failures: list[VnplanError], n_inputs: int) -> int:
    if not failures:
        return EXIT_OK
    if n_inputs > 1:
        print(f"vnplan: {len(failures)} of {n_inputs} inputs failed:", file=sys.stderr)
        for err in failures:
            print(f"  {err.path}: exit {err.exit_code}: {err.message}", file=sys.stderr)
    codes = {err.exit_code for err in failures}
    return codes.pop() if len(codes) == 1 else EXIT_BATCH_MIXED


def read_sources(inputs: list[str]):
    from .inputs import Source

    return [Source("-", sys.stdin.buffer.read()) if p == "-" else Source(p) for p in inputs]


# ---------------------------------------------------------------------------------------------------

def cmd_ocr(args, rep: Reporter) -> int:
    from .ocr import OcrOptions, ocr_sources
    from .outputs import output_targets, write_atomic, write_json, write_stdout

    sources = read_sources(args.inputs)
    targets = output_targets([s.stem for s in sources], args.output, ".txt")
    if args.json and "-" in targets:
        raise UsageError(None, "--json needs -o FILE or -o DIR")
    options = OcrOptions(lang=args.lang, dpi=args.dpi, force_ocr=args.force_ocr,
                         preprocess=not args.no_preprocess, max_pixels=args.max_pixels,
                         tables=not args.tables_as_text)
    results = ocr_sources(sources, options, jobs=args.jobs, progress=rep.advance,
                          on_total=lambda n: rep.start(n, "page"))
    rep.close()
    failures = []
    for result, target in zip(results, targets):
        if isinstance(result, VnplanError):
            rep.error(result)
            failures.append(result)
            continue
        try:
            if target == "-":
                write_stdout(result.text)
            else:
                write_atomic(target, result.text)
                if args.json:
                    write_json(Path(target).with_suffix(".ocr.json"), result.to_dict())
        except VnplanError as err:
            rep.error(err)
            failures.append(err)
    return batch_exit_code(failures, len(sources))


def cmd_restore(args, rep: Reporter) -> int:
    from .inputs import load_text
    from .outputs import output_targets, write_atomic, write_json, write_stdout
    from .restore import load_models, restore_text

    sources = read_sources(args.inputs)
    targets = output_targets([s.stem for s in sources], args.output, ".txt")
    if args.report and len(sources) > 1 and not Path(args.report).is_dir():
        raise UsageError(args.report, "with several inputs --report must be a folder")
    models = load_models()
    rep.start(len(sources), "file")
    failures = []
    for src, target in zip(sources, targets):
        try:
            text = load_text(src.path, src.data)
            result = restore_text(text, mode=args.mode, models=models, path=src.path)
            if target == "-":
                write_stdout(result.text)
            else:
                write_atomic(target, result.text)
            if args.report:
                rp = Path(args.report)
                rp = rp / f"{src.stem}.restore.json" if rp.is_dir() else rp
                write_json(rp, {"input": src.path, **result.report()})
            if args.verbose:
                print(f"vnplan: {src.path}: {result.mode} text, {len(result.changes)} of {result.tokens} tokens "
                      "changed", file=sys.stderr)
        except VnplanError as err:
            rep.error(err)
            failures.append(err)
        rep.advance()
    rep.close()
    return batch_exit_code(failures, len(sources))


INPUT_SUFFIXES = (".txt", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


def expand_inputs(inputs: list[str]) -> list[str]:
    """Folders give their readable files (sorted); files and ``-`` pass as they are."""
    out = []
    for p in inputs:
        if p != "-" and Path(p).is_dir():
            out += sorted(str(f) for f in Path(p).iterdir()
                          if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES and not f.name.startswith("."))
        else:
            out.append(p)
    return out


def _up_to_date(target: Path, src) -> Optional[dict]:
    """The existing document JSON for ``src`` if it was made from the same bytes by this version."""
    import json

    from .ocr import _sha256
    from .plan import PIPELINE_VERSION
    from .records import SCHEMA_VERSION

    if src.path == "-" or not target.exists():
        return None
    try:
        old = json.loads(target.read_text(encoding="utf-8"))
        digest = _sha256(src)
    except (OSError, ValueError):
        return None
    if (old.get("source", {}).get("sha256") == digest and old.get("pipeline_version") == PIPELINE_VERSION
            and old.get("schema_version") == SCHEMA_VERSION):
        return old
    return None


def _document_json(doc) -> str:
    import json

    from .schema import validate

    obj = doc.model_dump(mode="json")
    validate(obj)
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


def run_documents(args, rep: Reporter, assignments: bool) -> tuple[list, list[VnplanError], int]:
    from .ocr import OcrOptions, Source
    from .outputs import write_atomic, write_json, write_stdout
    from .plan import process_sources
    from .records import PlanDocument

    paths = expand_inputs(args.inputs)
    if not paths:
        raise UsageError(None, "no input files found", "give files or a folder with .txt, .pdf or image files")
    sources = [Source("-", sys.stdin.buffer.read()) if p == "-" else Source(p) for p in paths]
    to_stdout = args.out == "-"
    if to_stdout and len(sources) > 1:
        raise UsageError("-", "several inputs cannot share stdout", "give a folder with --out DIR")
    out = Path(args.out) if not to_stdout else None
    docs: list = []
    todo = []
    for src in sources:
        old = None if (args.force or to_stdout or not assignments) else _up_to_date(out / f"{src.stem}.json", src)
        if old is not None:
            docs.append(PlanDocument.model_validate(old))
            if args.verbose:
                print(f"vnplan: {src.path}: unchanged, kept {out / (src.stem + '.json')}", file=sys.stderr)
        else:
            todo.append(src)
    failures: list[VnplanError] = []
    if todo:
        options = OcrOptions(lang=args.lang, dpi=args.dpi, force_ocr=args.force_ocr,
                             tables=not args.tables_as_text)
        results = process_sources(todo, mode=args.mode, options=options, jobs=args.jobs, progress=rep.advance,
                                  on_total=lambda n: rep.start(n, "page"), assignments=assignments)
        rep.close()
        for src, res in zip(todo, results):
            if isinstance(res, VnplanError):
                rep.error(res)
                failures.append(res)
                continue
            try:
                text = _document_json(res.document)
                if to_stdout:
                    write_stdout(text)
                else:
                    write_atomic(out / f"{src.stem}.txt", res.text)
                    write_json(out / f"{src.stem}.restore.json", res.restore_report)
                    write_atomic(out / f"{src.stem}.json", text)
                docs.append(res.document)
            except VnplanError as err:
                rep.error(err)
                failures.append(err)
    return docs, failures, len(sources)


def cmd_segment(args, rep: Reporter) -> int:
    args.force = True
    _, failures, n = run_documents(args, rep, assignments=False)
    return batch_exit_code(failures, n)


def cmd_extract(args, rep: Reporter) -> int:
    docs, failures, n = run_documents(args, rep, assignments=True)
    if docs and args.out != "-" and not args.no_tables:
        from .tables import build_tables, write_tables

        written = write_tables(build_tables(docs), Path(args.out))
        if args.verbose:
            print(f"vnplan: wrote {len(written)} table files to {args.out}", file=sys.stderr)
    return batch_exit_code(failures, n)


def load_documents(paths: list[str]) -> tuple[list, list[VnplanError]]:
    """Document JSONs, each validated against the schema; the ones that fail, as errors."""
    import json

    from .records import PlanDocument
    from .schema import validate

    docs, failures = [], []
    for p in paths:
        try:
            obj = json.loads(Path(p).read_text(encoding="utf-8"))
            validate(obj)
            docs.append(PlanDocument.model_validate(obj))
        except FileNotFoundError:
            failures.append(InputNotFound(p, "no such file"))
        except Exception as exc:  # noqa: BLE001 - any unreadable or invalid JSON
            failures.append(CorruptInput(p, f"not a vnplan document JSON ({str(exc).splitlines()[0][:120]})",
                                         "make it with `vnplan extract`"))
    return docs, failures


def cmd_tables(args, rep: Reporter) -> int:
    from .tables import build_tables, write_tables

    docs, failures = load_documents(expand_json(args.inputs))
    for err in failures:
        rep.error(err)
    if docs:
        write_tables(build_tables(docs), Path(args.out))
    return batch_exit_code(failures, len(failures) + len(docs))


def cmd_compare(args, rep: Reporter) -> int:
    from .compare import Plan, compare, plan_label, write_outputs

    docs, failures = load_documents(args.inputs)
    plans = [Plan(plan_label(doc), doc) for doc in docs]
    for err in failures:
        rep.error(err)
    if failures:
        return batch_exit_code(failures, len(args.inputs))
    if len(plans) < 2:
        raise UsageError(None, "compare needs two document JSONs or more")
    seen: dict[str, int] = {}
    for pl in plans:  # two plans with one label would merge in the tables
        seen[pl.name] = seen.get(pl.name, 0) + 1
        if seen[pl.name] > 1:
            pl.name = f"{pl.name} [{pl.doc.doc_id}]"
    written = write_outputs(compare(plans), Path(args.out))
    print(f"vnplan: wrote {written[-1]} and {len(written) - 1} tables and charts", file=sys.stderr)
    return 0


def expand_json(inputs: list[str]) -> list[str]:
    out = []
    for p in inputs:
        if Path(p).is_dir():
            out += sorted(str(f) for f in Path(p).glob("*.json")
                          if not f.name.endswith((".restore.json", ".ocr.json")))
        else:
            out.append(p)
    return out


def ocr_options(p: argparse.ArgumentParser, what: str) -> None:
    """The stage 1 options every command that may OCR shares (ocr, segment, extract)."""
    p.add_argument("-j", "--jobs", type=int, default=None, help="OCR worker processes (default: all cores)")
    p.add_argument("--lang", default="vie", help=f"Tesseract model{what} (default: vie)")
    p.add_argument("--dpi", type=int, default=300, help="rasterisation resolution for scanned PDF pages")
    p.add_argument("--force-ocr", action="store_true", help="OCR every page, ignoring text layers")
    p.add_argument("--tables-as-text", action="store_true",
                   help="read ruled tables (annexes) line by line, as text, instead of cell by cell")


def _command(sub, name: str, help: str, description: str, examples: str) -> argparse.ArgumentParser:
    """A subcommand whose --help shows its examples and then the exit codes."""
    return sub.add_parser(name, help=help, description=description, epilog=f"{examples}\n\n{EXIT_CODES_HELP}",
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnplan",
        description="Digitise Vietnamese Party and government plans: OCR, diacritic restoration, "
                    "structure and assignment extraction, comparison.",
        epilog=EXIT_CODES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="show tracebacks on errors")
    parser.add_argument("--version", action="version", version=f"vnplan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = _command(
        sub, "ocr", help="scans, PDFs and images -> text (Tesseract vie; PDF text layers read directly)",
        description="Read PDFs (born-digital, scanned or mixed: decided page by page), PNG/JPEG/TIFF "
                    "images (multi-page TIFF too) and .txt files (passed through), and write their "
                    "text. Scanned pages are cleaned (noise, dust, skew, shading) and read by Tesseract "
                    "with the Vietnamese model; running headers, footers and page numbers are dropped and "
                    "line-end hyphens joined. Ruled tables (a plan's annex: STT | Nội dung | Cơ quan chủ trì "
                    "| ...) are read cell by cell, one paragraph per cell, row by row.",
        examples="examples:\n  vnplan ocr scan.pdf -o scan.txt\n  vnplan ocr data/raw/*.pdf -o out/ --json\n"
                 "  cat page.png | vnplan ocr - -o -")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files to read; - reads stdin")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="output file, - for stdout, or a folder for <stem>.txt (default: stdout for one "
                        "input, the current folder for several)")
    p.add_argument("--json", action="store_true",
                   help="also write <stem>.ocr.json: pages, per-page decisions, lines with per-word "
                        "confidences and positions")
    ocr_options(p, "")
    p.add_argument("--no-preprocess", action="store_true", help="give Tesseract the raw page image")
    p.add_argument("--max-pixels", type=int, default=150_000_000,
                   help="refuse pages larger than this many pixels at --dpi (default: 150 million)")
    p.set_defaults(func=cmd_ocr)

    p = _command(
        sub, "restore", help="restore Vietnamese diacritics and correct OCR errors in text",
        description="Restore diacritics and correct OCR errors: legacy OCR made with an English model "
                    "(\"Pang\" -> Đảng, \"ciia\" -> của, \"s6\" -> số), Tesseract vie output, and text typed "
                    "without marks. The kind of text is detected (or give --mode). Line structure, case, "
                    "punctuation, numbers and document codes (41-CT/TW, 05/KH-UBND) are kept; tone marks "
                    "are placed in the old style of official documents (hòa, thủy, ủy).",
        examples="examples:\n  vnplan restore old_ocr.txt -o fixed.txt --report fixed.json\n"
                 "  vnplan ocr scan.pdf -o - | vnplan restore - -o -")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt files (UTF-8); - reads stdin")
    p.add_argument("-o", "--output", metavar="OUT", help="output file, - for stdout, or a folder")
    p.add_argument("--mode", choices=["auto", *RESTORE_MODES], default="auto",
                   help="kind of input: legacy (English-model OCR), vie (Tesseract vie output), plain (typed "
                        "without marks), clean (already correct); default: detect")
    p.add_argument("--report", metavar="JSON",
                   help="write each change (line, column, original, choice, confidence, alternatives) as "
                        "JSON; a folder gives <stem>.restore.json")
    p.set_defaults(func=cmd_restore)

    def doc_options(p, what: str) -> None:
        p.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="files (.txt, .pdf, images) or folders of them; - reads stdin")
        p.add_argument("--out", default=".", metavar="DIR",
                       help=f"folder for <stem>.json{what} (default: current folder); - prints the JSON")
        p.add_argument("--mode", choices=["auto", *RESTORE_MODES], default="auto",
                       help="kind of text for restoration (default: detect; scans are read as vie)")
        ocr_options(p, " for scans")

    p = _command(
        sub, "segment", help="plans -> document JSON with metadata and section tree (stage 3)",
        description="Read each input (any kind stage 1 reads; legacy OCR text is restored first) and write "
                    "its document JSON: metadata (type, issuer, number, place, date, title, what it "
                    "implements, signer, recipients), the section tree with page and line of each heading, "
                    "every cited document, footnotes and the non-body layout (letterhead, signature...).",
        examples="examples:\n  vnplan segment data/raw/001_243ed05166b64394.txt --out out/\n"
                 "  vnplan restore old.txt -o - | vnplan segment - --out -")
    doc_options(p, "")
    p.set_defaults(func=cmd_segment)

    p = _command(
        sub, "extract", help="plans -> document JSON with assignments, and tables (CSV, Parquet, Excel)",
        description="Run every stage on each input and write DIR/<stem>.json (validated against "
                    "schemas/document.schema.json), the restored text DIR/<stem>.txt with its change report, "
                    "and, over all inputs, the tables documents, sections, assignments and references as CSV "
                    "(UTF-8 with BOM), Parquet and one Excel workbook (plans.xlsx). Inputs whose JSON is up "
                    "to date (same bytes, same vnplan version) are not redone.",
        examples="examples:\n  vnplan extract data/raw --out data/clean\n"
                 "  vnplan extract plan.pdf --out - > plan.json")
    doc_options(p, ", <stem>.txt, tables")
    p.add_argument("--force", action="store_true", help="redo inputs even when their JSON is up to date")
    p.add_argument("--no-tables", action="store_true", help="write the per-document files only")
    p.set_defaults(func=cmd_extract)

    p = _command(
        sub, "tables", help="document JSONs -> tables (CSV, Parquet, Excel)",
        description="Build the documents, sections, assignments and references tables from document JSONs.",
        examples="example:\n  vnplan tables data/clean --out data/clean")
    p.add_argument("inputs", nargs="+", metavar="JSON", help="document JSON files or folders of them")
    p.add_argument("--out", default=".", metavar="DIR", help="folder for the tables (default: current folder)")
    p.set_defaults(func=cmd_tables)

    p = _command(
        sub, "compare", help="compare plans: tasks carried over/new/dropped, bodies, deadlines, themes, citations",
        description="Compare two or more plans from their document JSONs (made by `vnplan extract`); the first "
                    "is the baseline. Writes DIR/report.html (self-contained: charts embedded, works offline) and "
                    "the same tables as CSV: task_alignment, body_roles, lead_changes, deadline_mix, themes, "
                    "citations, plus the charts as PNG.",
        examples="example:\n  vnplan compare data/clean/001_243ed05166b64394.json "
                 "data/clean/000_4333a01b4b714176.json --out data/clean/compare")
    p.add_argument("inputs", nargs="+", metavar="JSON", help="document JSONs, the baseline plan first")
    p.add_argument("--out", default="compare", metavar="DIR", help="folder for the report (default: ./compare)")
    p.set_defaults(func=cmd_compare)
    return parser


def main(argv: Optional[list[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    rep = Reporter(args.verbose)
    try:
        return args.func(args, rep)
    except VnplanError as err:
        rep.close()
        rep.error(err)
        return err.exit_code
    except KeyboardInterrupt:
        rep.close()
        print("vnplan: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - last resort: one line, traceback only with -v
        rep.close()
        if args.verbose:
            raise
        print(f"vnplan: internal error: {exc.__class__.__name__}: {exc} (rerun with -v for details)",
              file=sys.stderr)
        return EXIT_INTERNAL


def entry() -> None:
    sys.exit(main())
