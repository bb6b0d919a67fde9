"""Helpers of the bad-input tests: the corpus's expectations, the text a page shows, oversized inputs."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "dashboard.py"
HTML_DATA = ROOT / "tests" / "data" / "html.yaml"
FIFTY_MB = 50 * 2**20
"""50 MiB: over the reader's 48 MiB limit (50,000,000 bytes would be under it)."""


def expectations(path: Path) -> list[tuple[int, str]]:
    """The ``# expect: LINE: message`` header lines of a corpus file."""
    found = re.findall(r"^# expect: (\d+): (.+)$", path.read_text(encoding="utf-8"), flags=re.M)
    return [(int(line), message) for line, message in found]


def page_text(at: AppTest) -> str:
    """Every text the page shows (titles, Markdown, alerts, code blocks), one element a line."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "code", "text"):
        parts += [str(element.value) for element in at.get(kind)]
    return "\n".join(parts)


def write_alias_bomb(path: Path, levels: int = 12, fan_out: int = 10) -> None:
    """A billion laughs: expanded, ``fan_out ** levels`` (10^12) scalars."""
    lines = ["a0: &a0 [" + ", ".join(["lol"] * fan_out) + "]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * fan_out) + "]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_big_file(path: Path, size: int) -> None:
    """Plausible dataset text (observations) up to ``size`` bytes."""
    record = ("  - region: sample\n    indicator: gdp\n    year: 2020\n    period: annual\n    kind: actual\n"
              "    value: 1000.5\n    unit: 亿元\n    source: sample-bulletin\n").encode()
    head = b"observations:\n"
    with path.open("wb") as handle:
        handle.write(head)
        block = record * 4096
        written = len(head)
        while written + len(block) <= size:
            handle.write(block)
            written += len(block)
        handle.write(b"#" * (size - written - 1) + b"\n")
