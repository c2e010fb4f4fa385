"""Writing outputs at the edges: atomic files (temp file, then rename), stdout, output naming."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from .errors import OutputError


def write_atomic_with(path: str | Path, write) -> None:
    """Call ``write(tmp_path)`` on a temporary file beside ``path``, then rename it to ``path``: the
    file is either the old one or the whole new one, never half."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # the temp name keeps the suffix, for writers that pick a format by it (pandas' Excel writer)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=f".part{path.suffix}", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(str(path), f"cannot write ({exc.strerror})") from None
    try:
        write(tmp)
        _public(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(str(path), f"cannot write ({exc.strerror})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str | Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8) atomically."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    write_atomic_with(path, lambda tmp: Path(tmp).write_bytes(data))


def write_json(path: str | Path, obj) -> None:
    write_atomic(path, json.dumps(obj, ensure_ascii=False, indent=1) + "\n")


def write_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def output_targets(stems: list[str], out: str | None, suffix: str) -> list[str]:
    """Where each input's output goes: ``-`` (stdout), one file, or ``DIR/<stem><suffix>``.

    One input: ``-o FILE`` is that file, ``-o -`` (or no ``-o``) is stdout, ``-o DIR/`` or an existing
    folder gives ``DIR/<stem><suffix>``. Several inputs: ``-o DIR`` (default: the current folder).
    """
    if len(stems) == 1 and (out is None or out == "-"):
        return ["-"]
    if len(stems) == 1 and out and not out.endswith(("/", os.sep)) and not Path(out).is_dir():
        return [out]
    if out == "-":
        raise OutputError("-", "several inputs cannot share stdout", "give a folder with -o DIR")
    folder = Path(out or ".")
    seen: dict[str, int] = {}
    targets = []
    for stem in stems:
        seen[stem] = seen.get(stem, 0) + 1
        name = stem if seen[stem] == 1 else f"{stem}-{seen[stem]}"
        targets.append(str(folder / f"{name}{suffix}"))
    return targets


def _public(tmp) -> None:
    """mkstemp makes files only the owner can read; outputs get the usual permissions (umask)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)
