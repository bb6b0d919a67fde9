"""Write new records into the dataset file: the one place that knows where they go.

Records are appended at the end of their list in ``data/metrics.yaml`` (the file has no
includes yet; retarget here when it does). The new file is written to a temporary file in the
same folder, checked by the caller, then moved over the old one with ``os.replace``; the old
file is kept as ``metrics.yaml.bak`` (one-step undo).

Writers take turns: a lock file beside the dataset (``metrics.yaml.lock``, with the kept library
filelock) is held around every read-modify-write and every staged check, across processes and
the sessions of one server. Inside it, what a writer killed mid-way left behind (staged files,
the text of a source that was never written, named in a journal) is removed first.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from filelock import FileLock, Timeout

from metrics.load.schema import SECTIONS


class NoAliases(yaml.SafeDumper):
    """A safe dumper that writes a value used twice (the same date as stated and posted) twice,
    not as a YAML anchor and alias the file's readers would have to follow."""

    def ignore_aliases(self, data: object) -> bool:
        return True


LOCK_TIMEOUT = 120.0
"""Seconds a writer waits for another to finish (a check of the whole dataset takes a few)."""


class Busy(Exception):
    """Another writer held the lock for longer than ``LOCK_TIMEOUT``."""


@contextmanager
def locked(data_path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the dataset's write lock; first remove what a writer killed mid-way left behind."""
    lock = FileLock(str(data_path.with_name(data_path.name + ".lock")), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise Busy(str(data_path)) from None
    try:
        clean_stale(data_path)
        yield
    finally:
        lock.release()


def data_version(data_path: Path) -> str:
    """What the data was when drafts were made: the sha256 of the dataset file and of every YAML
    file in its folder (the included ones), by name."""
    digest = hashlib.sha256(data_path.read_bytes())
    for path in sorted(data_path.parent.rglob("*.yaml")):
        if path != data_path and not path.name.startswith("."):
            digest.update(str(path.relative_to(data_path.parent)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def journal(data_path: Path) -> Path:
    """Names the text a writer is adding until its write is done (or undone)."""
    return data_path.with_name(f".{data_path.name}.import.journal")


def clean_stale(data_path: Path) -> list[Path]:
    """Remove staged files and a journaled text that a killed writer left (call with the lock held)."""
    removed = sorted(data_path.parent.glob(f".{data_path.name}.import-*.tmp"))
    pending = journal(data_path)
    if pending.exists():
        text = Path(pending.read_text(encoding="utf-8").strip())
        source_id = re.escape(text.stem)
        written = re.search(rf"^\s*-?\s*id:\s*['\"]?{source_id}['\"]?\s*$", data_path.read_text(encoding="utf-8"), re.M)
        if text.suffix == ".txt" and text.parent == texts_dir(data_path) and text.exists() and not written:
            removed.append(text)
        removed.append(pending)
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def texts_dir(data_path: Path) -> Path:
    """Where imported texts are stored: ``texts/`` beside the dataset file."""
    return data_path.parent / "texts"


def render(records: list[dict]) -> str:
    """Records as list items in the file's own style (two-space indent, keys in order)."""
    if not records:
        return ""
    dumped = yaml.dump(records, Dumper=NoAliases, allow_unicode=True, sort_keys=False, indent=2, width=1000,
                       default_flow_style=False)
    return "".join("  " + line if line.strip() else line for line in dumped.splitlines(keepends=True))


def with_records(text: str, additions: dict[str, list[dict]]) -> str:
    """``text`` with each section's new records added after its last record."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    starts = {m: i for i, line in enumerate(lines) for m in SECTIONS if re.match(rf"^{m}:\s*(#.*)?$", line)}
    missing = [s for s in SECTIONS if s not in starts]
    if missing:
        raise ValueError(f"the dataset has no top-level {', '.join(missing)} list to add to")
    order = sorted(starts.items(), key=lambda item: item[1])
    result = list(lines)
    for position in range(len(order) - 1, -1, -1):  # from the end, so earlier indexes stay valid
        section, start = order[position]
        end = order[position + 1][1] if position + 1 < len(order) else len(lines)
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
        block = render(additions.get(section, []))
        if block:
            result[end:end] = [block]
    return "".join(result)


def stage(data_path: Path, new_text: str) -> Path:
    """The new dataset in a temporary file beside the old one (same folder, so os.replace is atomic);
    a name of its own, so two sessions of one server checking at once do not share it."""
    handle, name = tempfile.mkstemp(prefix=f".{data_path.name}.import-", suffix=".tmp", dir=data_path.parent)
    staged = Path(name)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(new_text)
    return staged


def commit(data_path: Path, staged: Path) -> Path:
    """Keep the old file as ``.bak``, then move the staged file into place."""
    backup = data_path.with_name(data_path.name + ".bak")
    shutil.copy2(data_path, backup)
    shutil.copymode(data_path, staged)  # mkstemp made it private to this user
    os.replace(staged, data_path)
    return backup
