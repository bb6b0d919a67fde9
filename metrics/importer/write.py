"""Write new records into the dataset file: the one place that knows where they go.

Records are appended at the end of their list in ``data/metrics.yaml`` (the file has no
includes yet; retarget here when it does). The new file is written to a temporary file in the
same folder, checked by the caller, then moved over the old one with ``os.replace``; the old
file is kept as ``metrics.yaml.bak`` (one-step undo).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import yaml

from metrics.schema import SECTIONS


class _NoAliases(yaml.SafeDumper):
    """A safe dumper that writes a value used twice (the same date as stated and posted) twice,
    not as a YAML anchor and alias the file's readers would have to follow."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def texts_dir(data_path: Path) -> Path:
    """Where imported texts are stored: ``texts/`` beside the dataset file."""
    return data_path.parent / "texts"


def render(records: list[dict]) -> str:
    """Records as list items in the file's own style (two-space indent, keys in order)."""
    if not records:
        return ""
    dumped = yaml.dump(records, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, indent=2, width=1000,
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
