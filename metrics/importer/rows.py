"""The dataset's verdict on the review table, row by row, in the interface's language.

The whole new dataset is checked (``accept.check``); each problem that names a record a ticked
row makes (``observation #K (region indicator year kind)``) is put on that row, as a sentence of
``metrics/text/strings.toml`` saying what to do, instead of a file and line no reviewer can map to a
row. ``settle`` unticks the rows the check refuses, so the default selection always validates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from metrics.importer import accept
from metrics.importer.drafts import Draft
from metrics.load.problems import Problem
from metrics.text import i18n

_RECORD = re.compile(r"observation #\d+ \(([^)]*)\)")
_KINDS = [
    (re.compile(r"does not contain the value (?P<value>\S+) as written"), "review_row_value"),
    (re.compile(r"unit '(?P<unit>[^']*)' does not match indicator '[^']*', which is measured in '(?P<want>[^']*)'"), "review_row_unit"),
    (re.compile(r"duplicate of the observation"), "review_row_duplicate"),
    (re.compile(r"cross_source"), "review_row_known"),
    (re.compile(r"not found verbatim"), "review_row_quote"),
]


@dataclass
class Verdict:
    """Problems by row (1-based: row N is draft N), each (message key, values); the problems of no row."""

    rows: dict[int, list[tuple[str, dict]]] = field(default_factory=dict)
    others: list[Problem] = field(default_factory=list)


def _names(draft: Draft) -> tuple[list[str], list[str]]:
    base = [draft.region, draft.indicator, str(draft.year) if draft.year is not None else None]
    with_period = [p for p in [*base, draft.period, draft.kind] if p is not None]
    without = [p for p in [*base, draft.kind] if p is not None]
    return with_period, without


def classify(message: str) -> tuple[str, dict]:
    for pattern, key in _KINDS:
        found = pattern.search(message)
        if found:
            return key, found.groupdict()
    return "review_row_other", {"message": message.rstrip(".")}


def verdict(problems: Sequence[Problem], drafts: Sequence[Draft]) -> Verdict:
    result = Verdict()
    ticked = [(number, draft) for number, draft in enumerate(drafts, 1) if draft.accepted]
    for problem in problems:
        named = _RECORD.search(problem.message)
        parts = named.group(1).split() if named else None
        rows = [number for number, draft in ticked if parts in _names(draft)] if parts else []
        key, values = classify(problem.message)
        if key == "review_row_value" and rows:
            rows = [n for n in rows if _same(drafts[n - 1].value, values["value"])] or rows
        if key == "review_row_duplicate" and len(rows) > 1:
            rows = rows[1:]  # the first of the rows that say the same fact stays
        if not rows:
            result.others.append(problem)
            continue
        for number in rows:
            result.rows.setdefault(number, []).append((key, values))
    return result


def _same(value: float | None, written: str) -> bool:
    try:
        return value is not None and abs(float(written) - value) < 1e-9
    except ValueError:
        return False


def sentence(row: int, problems: Sequence[tuple[str, dict]], lang: str) -> str:
    return i18n.t("review_row_line", lang, n=row, message="; ".join(i18n.t(key, lang, **values) for key, values in problems))


def settle(drafts: list[Draft], source: dict, text: str, ids: dict[str, set[str]], data_path: Path,
           sources_dir: Path | None = None, rounds: int = 3) -> None:
    """Untick every row the dataset's check refuses, noting why on the row, until the ticked rows validate."""
    for _ in range(rounds):
        if not any(d.accepted for d in drafts) or source["id"] in ids["sources"]:
            return
        try:
            problems = accept.check(accept.plan(drafts, source, text, ids), Path(data_path), sources_dir)
        except (accept.AcceptError, ValueError, OSError):
            return
        found = verdict(problems, drafts).rows
        if not found:
            return
        for number, listed in found.items():
            drafts[number - 1].accepted = False
            drafts[number - 1].problem = listed[0]
