"""Figures, goals and the markdown results file."""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata


@dataclass
class Figure:
    """One measured number; ``goal`` and ``met`` only where the issue sets a goal for it."""

    section: str
    name: str
    value: float | None
    unit: str
    goal: str = ""
    met: bool | None = None
    note: str = ""

    def shown(self) -> str:
        if self.value is None:
            return "not available"
        if self.unit == "×":
            return f"{self.value:.2f}×"
        if self.unit == "s":
            return f"{self.value:.3f} s" if self.value < 1 else f"{self.value:.2f} s"
        if self.unit == "MiB":
            return f"{self.value:.0f} MiB"
        return f"{self.value:g} {self.unit}".strip()

    def verdict(self) -> str:
        if self.met is None:
            return ""
        return "met" if self.met else "**missed**"


@dataclass
class Results:
    """Everything one run measured, in the order it was measured."""

    mode: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profiles: dict[str, str] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    """Parts that could not be measured: the run fails, so CI notices a benchmark that rotted."""
    durations: dict[str, float] = field(default_factory=dict)
    """Seconds each part of the run took."""
    started: str = field(default_factory=lambda: machine())
    """The machine and its load when the run started."""

    def add(self, figure: Figure) -> Figure:
        self.figures.append(figure)
        return figure

    def misses(self) -> list[Figure]:
        return [f for f in self.figures if f.met is False]

    def broken(self) -> list[str]:
        """What makes the run fail: parts that raised or measured nothing, figures without a value.
        A missed goal is not among them."""
        return [*self.failures, *(f"{f.section}: {f.name} has no value ({f.note or 'no reason given'})"
                                  for f in self.figures if f.value is None)]

    def markdown(self, title: str = "Benchmark results") -> str:
        lines = [f"# {title}", "", f"Run ending {dt.datetime.now().isoformat(timespec='seconds')} ({self.mode}) on {self.started}; "
                 f"load average {os.getloadavg()[0]:.2f} at the end (the run's own browsers and servers included).",
                 f"Versions: {versions()}.", ""]
        met = [f for f in self.figures if f.met is not None]
        lines += [f"Goals: {sum(1 for f in met if f.met)} of {len(met)} met.", ""]
        section = None
        for figure in self.figures:
            if figure.section != section:
                section = figure.section
                lines += ["", f"## {section}", "", "| Measure | Value | Goal | Result | Note |", "|---|---|---|---|---|"]
            note = figure.note.replace("|", "\\|").replace("\n", " ")
            lines.append(f"| {figure.name} | {figure.shown()} | {figure.goal} | {figure.verdict()} | {note} |")
        if broken := self.broken():
            lines += ["", "## Not measured", "", *[f"- {failure}" for failure in broken]]
        notes = list(self.notes)
        if self.durations:
            notes.append("Time per part: " + "; ".join(f"{name} {seconds:.0f} s" for name, seconds in self.durations.items()) + ".")
        if notes:
            lines += ["", "## Notes", "", *[f"- {note}" for note in notes]]
        if self.profiles:
            lines += ["", "## Profiles", ""]
            for name, text in self.profiles.items():
                lines += [f"### {name}", "", "```", text.rstrip(), "```", ""]
        return "\n".join(lines).rstrip() + "\n"


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def spread(values: list[float]) -> str:
    """``n=5, 2.61–2.93 s``: how many runs a median is of and their range."""
    return f"n={len(values)}, {min(values):.3f}–{max(values):.3f} s"


def machine() -> str:
    load = os.getloadavg()
    return (f"{platform.platform(terse=True)}, Python {platform.python_version()}, {os.cpu_count()} cores, "
            f"load average {load[0]:.2f} at the start")


def versions() -> str:
    names = ("streamlit", "plotly", "pandas", "pydantic", "PyYAML", "kaleido", "playwright")
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return ", ".join(found)
