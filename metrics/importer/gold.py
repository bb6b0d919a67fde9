"""Score the importer's drafts against the development gold (``benchmarks/importer_gold/*.yaml``).

Used by the benchmark (``python -m benchmarks.importer_eval``) and by a test of the confidence.

Each gold file annotates whole paragraphs of one report (see ``importer_gold/README.md``). A
draft belongs to the annotated paragraph whose text holds its sentence. It is right when it
matches a gold record of that paragraph: the same kind, year and period; the same value and unit
(or, for a qualitative target, no value and the comparator ``qualitative``); the gold's dataset
indicator when the gold names one, and for a figure with no indicator of the dataset any proposed
indicator; and the gold quote lies in the draft's sentence. Records and drafts that match only
an ``optional`` record count neither way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from metrics.importer.drafts import CONFIDENT, Draft
from metrics.importer.normalise import normalise

GOLD_DIR = Path(__file__).resolve().parents[2] / "benchmarks" / "importer_gold"
SECTIONS = ("review", "five_year_review", "main_targets", "budget", "tasks", "five_year_targets")


@dataclass
class Paragraph:
    section: str
    starts: str
    records: list[dict]
    text: str = ""


@dataclass
class Gold:
    report: str
    region: str
    year: int
    paragraphs: list[Paragraph]


@dataclass
class Score:
    """Counts per section: gold records (required), found; drafts judged, right; confident drafts, right."""

    counts: dict[str, list[int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, section: str, slot: int, amount: int = 1) -> None:
        self.counts.setdefault(section, [0] * 6)[slot] += amount

    def merged(self, other: Score) -> Score:
        result = Score({k: list(v) for k, v in self.counts.items()}, [*self.misses], [*self.wrong])
        for section, values in other.counts.items():
            for slot, amount in enumerate(values):
                result.add(section, slot, amount)
        result.misses += other.misses
        result.wrong += other.wrong
        return result

    def total(self) -> list[int]:
        return [sum(v[i] for v in self.counts.values()) for i in range(6)]


def load_gold(path: Path) -> Gold:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    paragraphs = [Paragraph(p["section"], normalise(p["starts"]).strip(), p["records"]) for p in data["paragraphs"]]
    return Gold(data["report"], data["region"], int(data["year"]), paragraphs)


def gold_files(directory: Path = GOLD_DIR) -> list[Path]:
    return sorted(directory.glob("*.yaml"))


def _locate(gold: Gold, text: str) -> None:
    lines = text.split("\n")
    for paragraph in gold.paragraphs:
        found = [line for line in lines if line.strip().replace("⸺", "——").startswith(paragraph.starts)]
        if not found:
            raise ValueError(f"{gold.report}: no paragraph starts with {paragraph.starts!r}")
        paragraph.text = found[0]


def _same_number(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9 * max(1.0, abs(float(b)))  # type: ignore[arg-type]


def matches(record: dict, draft: Draft, known: set[str]) -> bool:
    if (draft.kind, draft.year, draft.period) != (record["kind"], record["year"], record["period"]):
        return False
    if normalise(record["quote"]).strip() not in draft.sentence:
        return False
    indicator = str(record["indicator"])
    if indicator in known:
        if draft.indicator != indicator:
            return False
    elif draft.proposed_indicator is None:
        return False
    if record.get("value") is None:
        return draft.value is None and draft.comparator == "qualitative" and (
            indicator in known or normalise(record["quote"]).strip()[:4] in draft.quote)
    return _same_number(draft.value, record["value"]) and draft.unit == record["unit"]


def score(gold: Gold, text: str, drafts: Sequence[Draft], known: set[str]) -> Score:
    """Slots: 0 required records, 1 found; 2 drafts judged, 3 right; 4 confident drafts judged, 5 right."""
    _locate(gold, text)
    result = Score()
    for paragraph in gold.paragraphs:
        mine = [d for d in drafts if d.sentence and d.sentence in paragraph.text]
        for record in paragraph.records:
            if record.get("optional"):
                continue
            hit = any(matches(record, d, known) for d in mine)
            result.add(paragraph.section, 0)
            result.add(paragraph.section, 1, hit)
            if not hit:
                result.misses.append(f"{gold.report} [{paragraph.section}] {record['indicator']} {record['value']} "
                                     f"{record['unit']} {record['kind']} {record['year']} {record['period']} — “{record['quote']}”")
        for draft in mine:
            hits = [r for r in paragraph.records if matches(r, draft, known)]
            if hits and all(r.get("optional") for r in hits):
                continue
            right = bool(hits)
            result.add(paragraph.section, 2)
            result.add(paragraph.section, 3, right)
            if draft.confidence >= CONFIDENT:
                result.add(paragraph.section, 4)
                result.add(paragraph.section, 5, right)
            if not right:
                result.wrong.append(f"{gold.report} [{paragraph.section}] {draft.indicator_zh} {draft.value} {draft.unit} "
                                    f"{draft.kind} {draft.year} {draft.period} ({draft.confidence}) — “{draft.quote[:40]}”")
    return result
