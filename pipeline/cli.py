"""``vnplan``: the command line. I/O and error reporting live here; the stages stay pure."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional

from . import __version__
from .restore import MODES as RESTORE_MODES
from .errors import EXIT_BATCH_MIXED, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError, VnplanError

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
    from .ocr import Source

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
                         preprocess=not args.no_preprocess, max_pixels=args.max_pixels)
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
    from .ocr import load_text
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnplan",
        description="Digitise Vietnamese Party and government plans: OCR, diacritic restoration, "
                    "structure and assignment extraction, comparison.",
        epilog=EXIT_CODES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="show tracebacks on errors")
    parser.add_argument("--version", action="version", version=f"vnplan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "ocr", help="scans, PDFs and images -> text (Tesseract vie; PDF text layers read directly)",
        description="Read PDFs (born-digital, scanned or mixed: decided page by page), PNG/JPEG/TIFF "
                    "images (multi-page TIFF too) and .txt files (passed through), and write their "
                    "text. Scanned pages are cleaned (noise, dust, skew, shading) and read by Tesseract "
                    "with the Vietnamese model; running headers, footers and page numbers are dropped and "
                    "line-end hyphens joined.",
        epilog="examples:\n  vnplan ocr scan.pdf -o scan.txt\n  vnplan ocr data/raw/*.pdf -o out/ --json\n"
               "  cat page.png | vnplan ocr - -o -\n\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files to read; - reads stdin")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="output file, - for stdout, or a folder for <stem>.txt (default: stdout for one "
                        "input, the current folder for several)")
    p.add_argument("--json", action="store_true",
                   help="also write <stem>.ocr.json: pages, per-page decisions, lines with per-word "
                        "confidences and positions")
    p.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--lang", default="vie", help="Tesseract model (default: vie)")
    p.add_argument("--dpi", type=int, default=300, help="rasterisation resolution for scanned PDF pages")
    p.add_argument("--force-ocr", action="store_true", help="OCR every page, ignoring text layers")
    p.add_argument("--no-preprocess", action="store_true", help="give Tesseract the raw page image")
    p.add_argument("--max-pixels", type=int, default=150_000_000,
                   help="refuse pages larger than this many pixels at --dpi (default: 150 million)")
    p.set_defaults(func=cmd_ocr)

    p = sub.add_parser(
        "restore", help="restore Vietnamese diacritics and correct OCR errors in text",
        description="Restore diacritics and correct OCR errors: legacy OCR made with an English model "
                    "(\"Pang\" -> Đảng, \"ciia\" -> của, \"s6\" -> số), Tesseract vie output, and text typed "
                    "without marks. The kind of text is detected (or give --mode). Line structure, case, "
                    "punctuation, numbers and document codes (41-CT/TW, 05/KH-UBND) are kept; tone marks "
                    "are placed in the old style of official documents (hòa, thủy, ủy).",
        epilog="examples:\n  vnplan restore old_ocr.txt -o fixed.txt --report fixed.json\n"
               "  vnplan ocr scan.pdf -o - | vnplan restore - -o -\n\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt files (UTF-8); - reads stdin")
    p.add_argument("-o", "--output", metavar="OUT", help="output file, - for stdout, or a folder")
    p.add_argument("--mode", choices=["auto", *RESTORE_MODES], default="auto",
                   help="kind of input: legacy (English-model OCR), vie (Tesseract vie output), plain (typed "
                        "without marks), clean (already correct); default: detect")
    p.add_argument("--report", metavar="JSON",
                   help="write each change (line, column, original, choice, confidence, alternatives) as "
                        "JSON; a folder gives <stem>.restore.json")
    p.set_defaults(func=cmd_restore)
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
